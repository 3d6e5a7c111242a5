/* px-decode.c: bytes of text → normalized UTF-8 (shared by every importer)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A leaf of the importers: it knows encodings and line ends, nothing of
 * formats. px-import.c (plain text) and px-html.c (web pages) call it.
 */
#define G_LOG_DOMAIN "px-decode"

#include "config.h"

#include <string.h>

#include "px-decode.h"
#include "px-bytes-private.h"
#include "px-error.h"
#include "px-nfc.h"

/* How much of a file is looked at to tell text from binary. */
#define SNIFF_BYTES 4096

char *
px_import_display_name (const char *origin)
{
  if (origin == NULL)
    return g_strdup ("input");
  return g_path_get_basename (origin);
}

gboolean
px_import_check_length (const char  *name,
                        gsize        length,
                        GError     **error)
{
  if (length == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_EMPTY, "“%s” is empty", name);
      return FALSE;
    }
  if (length > PX_IMPORT_MAX_BYTES)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_TOO_LARGE,
                   "“%s” is too large (%" G_GSIZE_FORMAT " MB; the limit is %d MB)",
                   name, length / (1024 * 1024), PX_IMPORT_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}


/* Binary: NUL bytes, or many control characters, in the first few KiB.
 * UTF-16 text has NUL bytes too; it is recognised before by its BOM. */
gboolean
px_decode_looks_binary (const char *data,
              gsize       length)
{
  gsize n = MIN (length, SNIFF_BYTES);
  gsize controls = 0;

  for (gsize i = 0; i < n; i++)
    {
      guchar c = data[i];

      if (c == 0)
        return TRUE;
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
        controls++;
    }
  /* A stray control byte or two is damage in a text, not a binary file. */
  return controls > 2 && controls * 20 > n;
}

/* Damaged UTF-8 */

void
px_decode_count_utf8 (const char *data,
                      gsize       length,
                      gsize      *n_valid,
                      gsize      *n_invalid,
                      gsize      *n_nul)
{
  const char *p = data;
  const char *end = data + length;

  *n_valid = *n_invalid = *n_nul = 0;
  while (p < end)
    {
      const char *bad = NULL;

      if (g_utf8_validate_len (p, end - p, &bad))
        bad = end;
      for (const char *q = p; q < bad; q++)
        if (((guchar)*q & 0xC0) == 0xC0)
          (*n_valid)++;
      if (bad >= end)
        break;
      if (*bad == '\0')
        (*n_nul)++;
      else
        (*n_invalid)++;
      p = bad + 1;
    }
}

gboolean
px_decode_is_mostly_utf8 (const char *data,
                          gsize       length)
{
  gsize n_valid, n_invalid, n_nul;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  /* A NUL is damage in any encoding, so it says nothing against UTF-8. */
  px_decode_count_utf8 (data, length, &n_valid, &n_invalid, &n_nul);
  return n_invalid == 0 || n_valid > n_invalid * 4;
}

/* "… replaced by “�” (byte 5,210)": @unit is "byte" when @first counts
 * bytes of the file, "character" when it counts characters of its text. */
static char *
replaced_warning (gsize       n_replaced,
                  gsize       first,
                  const char *unit,
                  const char *encoding)
{
  if (n_replaced == 1)
    return g_strdup_printf ("a byte that is not %s text (a NUL or a broken sequence) was replaced by "
                            "“\xef\xbf\xbd” (%s %" G_GSIZE_FORMAT ")", encoding, unit, first);
  return g_strdup_printf ("%" G_GSIZE_FORMAT " bytes that are not %s text (NULs or broken sequences) were "
                          "replaced by “\xef\xbf\xbd” (the first at %s %" G_GSIZE_FORMAT ")",
                          n_replaced, encoding, unit, first);
}

char *
px_decode_repair_utf8 (const char  *data,
                       gsize        length,
                       gsize        offset,
                       gsize       *out_length,
                       char       **warning)
{
  GString *out;
  const char *p = data;
  const char *end = data + length;
  gsize n_replaced = 0;
  gsize first = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (out_length != NULL, NULL);

  out = g_string_sized_new (length + 1);
  while (p < end)
    {
      const char *bad = NULL;

      if (g_utf8_validate_len (p, end - p, &bad))
        bad = end;
      g_string_append_len (out, p, bad - p);
      if (bad >= end)
        break;
      if (n_replaced++ == 0)
        first = offset + (bad - data);
      g_string_append (out, "\xef\xbf\xbd");
      p = bad + 1;
    }
  if (warning != NULL)
    *warning = n_replaced > 0 ? replaced_warning (n_replaced, first, "byte", "UTF-8") : NULL;
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

/* U+0000 in text converted from another encoding: U+FFFD instead, with a
 * warning (no text encoding Parallax reads has NULs in text; a later step
 * would drop them without a word). The place is given in characters: in
 * UTF-16 a character is not a byte. */
static void
replace_nuls (char       **text,
              gsize       *length,
              const char  *encoding,
              char       **warning)
{
  const char *nul = memchr (*text, '\0', *length);
  GString *out;
  gsize first, n_nul = 0;

  if (nul == NULL)
    return;
  first = g_utf8_strlen (*text, nul - *text);
  out = g_string_sized_new (*length + 16);
  for (gsize i = 0; i < *length; i++)
    if ((*text)[i] == '\0')
      {
        g_string_append (out, "\xef\xbf\xbd");
        n_nul++;
      }
    else
      g_string_append_c (out, (*text)[i]);
  g_free (*text);
  *length = out->len;
  *text = g_string_free (out, FALSE);
  if (warning != NULL && *warning == NULL)
    *warning = replaced_warning (n_nul, first, "character", encoding);
}

void
px_decode_replace_nuls (char       **text,
                        gsize       *length,
                        const char  *encoding,
                        char       **warning)
{
  g_return_if_fail (text != NULL && *text != NULL && length != NULL);

  replace_nuls (text, length, encoding, warning);
}

/* UTF-16 without a BOM: text in a Latin script has a zero byte in every
 * ASCII character, always on the same side (odd bytes for little-endian,
 * even ones for big-endian), never on the other (Cyrillic text has them
 * in its spaces and punctuation); binary data has zeros on both. Read that way, it must also be text: no control characters. */
static gboolean
looks_like_utf16 (const char *data,
                  gsize       length,
                  gboolean   *little)
{
  gsize n = MIN (length, SNIFF_BYTES) & ~(gsize)1;
  gsize zeros[2] = { 0, 0 };
  gsize pairs = n / 2;

  if (pairs < 2)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (data[i] == '\0')
      zeros[i % 2]++;
  if (zeros[0] == 0 && zeros[1] * 8 >= pairs)
    *little = TRUE;
  else if (zeros[1] == 0 && zeros[0] * 8 >= pairs)
    *little = FALSE;
  else
    return FALSE;

  for (gsize i = 0; i < pairs; i++)
    {
      guint unit = *little ? ((guchar)data[2 * i] | (guchar)data[2 * i + 1] << 8)
                           : ((guchar)data[2 * i] << 8 | (guchar)data[2 * i + 1]);

      if ((unit < 0x20 && unit != '\n' && unit != '\r' && unit != '\t' && unit != '\f') ||
          (unit >= 0x7F && unit < 0xA0) || unit == 0xFFFE || unit == 0xFFFF)
        return FALSE;
    }
  return TRUE;
}

/* Scores how much a decoded text looks like Russian: frequent letters and
 * lower case after lower case. Windows-1251 and KOI8-R read each other's
 * text as a plausible-looking jumble of mostly upper-case letters. */
static double
cyrillic_score (const char *utf8)
{
  static const char frequent[] = "оеаинтсрвлкмдпу";
  double score = 0;
  gboolean prev_lower = FALSE;

  for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch >= 0x0400 && ch <= 0x04FF)
        {
          gboolean lower = g_unichar_islower (ch);

          if (lower && strstr (frequent, (char[]){ p[0], p[1], 0 }) != NULL)
            score += 2;
          if (lower && prev_lower)
            score += 1;
          if (!lower)
            score -= 1;
          prev_lower = lower;
        }
      else
        prev_lower = FALSE;
    }
  return score;
}

static gboolean
has_high_bytes (const char *data,
                gsize       length,
                gsize      *n_high)
{
  gsize high = 0;

  for (gsize i = 0; i < length; i++)
    if ((guchar)data[i] >= 0x80)
      high++;
  *n_high = high;
  return high > 0;
}

/* Text in an 8-bit encoding has its words apart: Latin text has an
 * accented letter or two among ASCII letters, Russian text whole words of
 * high bytes between ASCII spaces. A long run of high bytes with no ASCII
 * at all is no text in any of these encodings. */
#define MAX_HIGH_RUN 48

static gboolean
high_bytes_apart (const char *data,
                  gsize       length)
{
  gsize run = 0;

  for (gsize i = 0; i < length; i++)
    if ((guchar)data[i] < 0x80)
      run = 0;
    else if (++run > MAX_HIGH_RUN)
      return FALSE;
  return TRUE;
}

/* C1 control characters (U+0080–U+009F) are what Latin-1 makes of bytes no
 * Latin-1 text holds: a few are damage, more are no text. */
static gboolean
few_c1_controls (const char *utf8,
                 gsize       length)
{
  gsize n_c1 = 0;

  /* U+0080–U+009F is C2 80 – C2 9F in UTF-8. */
  for (gsize i = 0; i + 1 < length; i++)
    if ((guchar)utf8[i] == 0xC2 && (guchar)utf8[i + 1] >= 0x80 && (guchar)utf8[i + 1] <= 0x9F)
      n_c1++;
  return n_c1 <= 2 || n_c1 * 1000 <= length;
}

/* Legacy 8-bit text: Windows-1252 unless the high bytes read as Russian in
 * Windows-1251 or KOI8-R, whichever reads better. */
static char *
decode_legacy (const char  *data,
               gsize        length,
               const char **encoding,
               gsize       *out_length)
{
  static const char * const cyrillic[] = { "WINDOWS-1251", "KOI8-R" };
  g_autofree char *best = NULL;
  const char *best_encoding = NULL;
  double best_score = 0;
  gsize best_length = 0;
  gsize n_high = 0;

  has_high_bytes (data, length, &n_high);

  for (guint i = 0; i < G_N_ELEMENTS (cyrillic); i++)
    {
      gsize written = 0;
      g_autofree char *converted = g_convert (data, length, "UTF-8", cyrillic[i], NULL, &written, NULL);
      double score;

      if (converted == NULL)
        continue;
      score = cyrillic_score (converted);
      if (score > best_score)
        {
          g_free (best);
          best = g_steal_pointer (&converted);
          best_encoding = cyrillic[i];
          best_score = score;
          best_length = written;
        }
    }

  /* Russian text scores about two points a letter; Latin text with a few
   * accented letters scores little or below zero. */
  if (best != NULL && best_score > n_high * 0.8)
    {
      *encoding = best_encoding;
      *out_length = best_length;
      return g_steal_pointer (&best);
    }

  {
    gsize written = 0;
    char *converted = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &written, NULL);

    if (converted != NULL)
      {
        *encoding = "WINDOWS-1252";
        *out_length = written;
        return converted;
      }
    /* Bytes Windows-1252 leaves undefined (0x81, 0x8D …): Latin-1 defines all. */
    converted = g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, &written, NULL);
    if (converted != NULL && !few_c1_controls (converted, written))
      g_clear_pointer (&converted, g_free);
    *encoding = "ISO-8859-1";
    *out_length = written;
    return converted;
  }
}

/* g_utf8_validate_len (@data, @length, NULL): ASCII and characters of two
 * bytes here (none of them is overlong or out of range when its lead
 * byte is from 0xC2 to 0xDF), GLib from the first other character. */
static gboolean
validate_span (const guchar *p,
               const guchar *end)
{
  while (p < end)
    {
      if (*p < 0x80)
        {
          /* the ASCII bytes at once, none of them 0, up to eight */
          if (end - p >= 8)
            {
              guint64 x = px_bytes_load8 ((const char *)p);
              guint n = px_bytes_ascii_prefix (x | (x - PX_BYTES_ONES));

              if (n > 0)
                {
                  p += n;
                  continue;
                }
            }
          if (*p == 0)
            return FALSE;
          p++;
        }
      else if (*p >= 0xC2 && *p <= 0xDF && end - p >= 2 && (p[1] & 0xC0) == 0x80)
        p += 2;
      else
        return g_utf8_validate_len ((const char *)p, end - p, NULL);
    }
  return TRUE;
}

/* g_utf8_validate_len (@data, @length, NULL) (no NUL either), a block of
 * 32 bytes at a time: blocks of ASCII are only looked at, the others (up
 * to the next character) validated by validate_span (), in longer spans
 * while no block of ASCII comes between (text in another script).
 * *@ascii says whether every byte was ASCII. */
#define VALIDATE_BLOCK 32
#define VALIDATE_SPAN_MAX 4096

static gboolean
validate_utf8 (const char *data,
               gsize       length,
               gboolean   *ascii)
{
  const guchar *p = (const guchar *)data, *end = p + length;
  gsize span = VALIDATE_BLOCK;

  *ascii = TRUE;
  while (p < end)
    {
      const guchar *next;
      guint64 bits = 0;

      if (end - p >= VALIDATE_BLOCK)
        {
          for (guint i = 0; i < VALIDATE_BLOCK; i += 8)
            {
              guint64 x = px_bytes_load8 ((const char *)p + i);

              bits |= x | (x - PX_BYTES_ONES);
            }
          /* no byte from 0x80 and none 0 */
          if (px_bytes_ascii8 (bits))
            {
              p += VALIDATE_BLOCK;
              span = VALIDATE_BLOCK;
              continue;
            }
          next = (gsize)(end - p) > span ? p + span : end;
          span = MIN (2 * span, VALIDATE_SPAN_MAX);
        }
      else
        next = end;
      /* (a character starts at no continuation byte) */
      while (next < end && (*next & 0xC0) == 0x80)
        next++;
      for (const guchar *q = p; q < next && *ascii; q++)
        *ascii = *q < 0x80;
      if (!validate_span (p, next))
        return FALSE;
      p = next;
    }
  return TRUE;
}

/* LF line ends, no other control characters, NFC. Takes @utf8, which it
 * compacts in place (the text is copied once more only where NFC changes
 * it). ASCII text (@ascii) is in NFC. */
static char *
normalize_text (char     *utf8,
                gsize     length,
                gboolean  ascii,
                gsize    *out_length)
{
  gsize w = 0;
  char *nfc;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = utf8[i];

      /* eight bytes at a time where none is a control character */
      if (i + 8 <= length)
        {
          guint64 x = px_bytes_load8 (utf8 + i);

          if (!px_bytes_has_below (x, 0x20) && !px_bytes_has_below (x ^ (PX_BYTES_ONES * 0x7F), 1))
            {
              if (w != i)
                memmove (utf8 + w, utf8 + i, 8);
              w += 8;
              i += 7;
              continue;
            }
        }

      if (G_LIKELY (c >= 0x20 && c != 0x7F) || c == '\n' || c == '\t')
        {
          if (w != i)
            utf8[w] = c;
          w++;
        }
      else if (c == '\r')
        {
          utf8[w++] = '\n';
          if (i + 1 < length && utf8[i + 1] == '\n')
            i++;
        }
    }
  utf8[w] = '\0';

  /* Only the pieces that need it are normalized (px-nfc.c): nearly all
   * text is in NFC already, and all of it in linear time. */
  nfc = ascii ? NULL : px_nfc_normalize (utf8, w, out_length);
  if (nfc == NULL)
    {
      *out_length = w;
      return utf8;
    }
  g_free (utf8);
  return nfc;
}

char *
px_decode_text (const char  *data,
                gsize        length,
                const char  *origin,
                const char **encoding,
                gsize       *out_length,
                char       **warning,
                GError     **error)
{
  g_autofree char *name = px_import_display_name (origin);
  g_autofree char *utf8 = NULL;
  gsize utf8_length = 0;
  char *normalized;
  gboolean little = FALSE;
  gboolean ascii = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (encoding != NULL, NULL);
  g_return_val_if_fail (out_length != NULL, NULL);

  if (warning != NULL)
    *warning = NULL;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      gsize n_valid, n_invalid, n_nul;

      /* The BOM says UTF-8: a little damage is repaired, more is a lie. */
      *encoding = "UTF-8";
      data += 3;
      length -= 3;
      px_decode_count_utf8 (data, length, &n_valid, &n_invalid, &n_nul);
      if ((n_invalid + n_nul) * 100 > length)
        {
          const char *invalid = NULL;

          g_utf8_validate_len (data, length, &invalid);
          g_set_error (error, PX_ERROR, PX_ERROR_ENCODING,
                       "“%s” says it is UTF-8 text but is not (byte %" G_GSIZE_FORMAT ")",
                       name, (gsize)(invalid - data) + 3);
          return NULL;
        }
      utf8 = px_decode_repair_utf8 (data, length, 3, &utf8_length, warning);
    }
  else if ((length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0)) ||
           looks_like_utf16 (data, length, &little))
    {
      gboolean bom = length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0);
      g_autoptr(GError) local_error = NULL;

      if (bom)
        little = (guchar)data[0] == 0xFF;
      *encoding = little ? "UTF-16LE" : "UTF-16BE";
      utf8 = g_convert (data + (bom ? 2 : 0), length - (bom ? 2 : 0), "UTF-8", *encoding, NULL, &utf8_length,
                        &local_error);
      if (utf8 == NULL && bom)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_ENCODING,
                       "“%s” starts like UTF-16 text but cannot be read as such: %s",
                       name, local_error->message);
          return NULL;
        }
      if (utf8 == NULL)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_ENCODING,
                       "“%s” looks like UTF-16 text without a byte order mark but cannot be read as such: %s; "
                       "save it as UTF-8 and try again", name, local_error->message);
          return NULL;
        }
      replace_nuls (&utf8, &utf8_length, *encoding, warning);
    }
  else if (px_decode_looks_binary (data, length))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_BINARY,
                   "“%s” is not a text file (it contains binary data); open a plain-text or HTML file",
                   name);
      return NULL;
    }
  else if (validate_utf8 (data, length, &ascii))
    {
      *encoding = "UTF-8";
      utf8 = g_strndup (data, length);
      utf8_length = length;
    }
  else if (px_decode_is_mostly_utf8 (data, length))
    {
      /* A NUL or a broken sequence late in a UTF-8 file is damage, as a
       * browser reads it: U+FFFD and a warning, not the whole file read
       * in an 8-bit encoding. */
      *encoding = "UTF-8";
      utf8 = px_decode_repair_utf8 (data, length, 0, &utf8_length, warning);
    }
  else if (!high_bytes_apart (data, length))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_BINARY,
                   "“%s” is not text in any encoding Parallax reads (UTF-8, UTF-16, Windows-1252 or "
                   "Latin-1, Windows-1251, KOI8-R); if it is text, save it as UTF-8 and try again", name);
      return NULL;
    }
  else
    {
      utf8 = decode_legacy (data, length, encoding, &utf8_length);
      if (utf8 == NULL)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_BINARY,
                       "“%s” is not text in any encoding Parallax reads (UTF-8, UTF-16, Windows-1252 or "
                       "Latin-1, Windows-1251, KOI8-R); if it is text, save it as UTF-8 and try again", name);
          return NULL;
        }
      replace_nuls (&utf8, &utf8_length, *encoding, warning);
    }

  normalized = normalize_text (g_steal_pointer (&utf8), utf8_length, ascii, out_length);
  if (normalized == NULL)
    {
      if (warning != NULL)
        g_clear_pointer (warning, g_free);
      g_set_error (error, PX_ERROR, PX_ERROR_ENCODING, "“%s” could not be normalized as Unicode text", name);
      return NULL;
    }
  return normalized;
}
