/* px-nfc.c: Unicode NFC in time linear in the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The quick check of UAX #15 (NFC_QC, generated at build time from GLib's
 * tables by data/px-nfc-gen.c, and the order of combining classes) finds
 * the pieces of a text that may not be in NFC. A piece starts at a
 * character of combining class 0 whose NFC_QC is Yes: such a character
 * never composes with what precedes it and no reordering crosses it, so
 * NFC (A B) = NFC (A) NFC (B) when B starts with one. Each flagged piece is
 * decomposed, put in canonical order and composed with GLib's character
 * functions (g_unichar_fully_decompose, g_unichar_compose), into one
 * reused buffer and in one pass each: no step is quadratic, however long
 * a piece (a hostile text may be a single one).
 */
#define G_LOG_DOMAIN "px-nfc"

#include "config.h"

#include <string.h>

#include "px-nfc.h"
#include "px-bytes-private.h"

typedef enum
{
  NFC_QC_YES,
  NFC_QC_MAYBE,
  NFC_QC_NO,
} NfcQuickCheck;

typedef struct
{
  gunichar      first;
  gunichar      last;
  NfcQuickCheck value;
} NfcRange;

#include "px-nfc-data.h"

static inline guint
nfc_bmp_bits (gunichar ch)
{
  return (nfc_bmp_values[nfc_bmp_blocks[ch >> 8]][(ch & 0xFF) >> 1] >> (4 * (ch & 1))) & 0xF;
}

static NfcQuickCheck
nfc_quick_check (gunichar ch)
{
  gsize low = 0, high = G_N_ELEMENTS (nfc_ranges);

  if (ch < 0x10000)
    return nfc_bmp_bits (ch) & 3;
  while (low < high)
    {
      gsize mid = (low + high) / 2;

      if (ch < nfc_ranges[mid].first)
        high = mid;
      else if (ch > nfc_ranges[mid].last)
        low = mid + 1;
      else
        return nfc_ranges[mid].value;
    }
  return NFC_QC_YES;
}

/* Where the ASCII bytes from @p stop: past the first eight, eight at a
 * time (a space between words of another script is one byte). */
static inline const char *
ascii_run_end (const char *p,
               const char *end)
{
  const char *first_eight = end - p > 8 ? p + 8 : end;

  while (p < first_eight && (guchar)*p < 0x80)
    p++;
  if (p < first_eight || p == end)
    return p;
  for (; end - p >= 8; p += 8)
    {
      if (!px_bytes_ascii8 (px_bytes_load8 (p)))
        break;
    }
  while (p < end && (guchar)*p < 0x80)
    p++;
  return p;
}

/* The canonical combining class of @ch: without GLib's lookup for the
 * characters below U+0300, the letters of Arabic, CJK ideographs and
 * Hangul syllables (all of class 0, checked against GLib's tables), which
 * most text outside flagged pieces is made of. */
static inline guint8
combining_class (gunichar ch)
{
  if (ch < 0x300 || (ch >= 0x0620 && ch <= 0x064A) || (ch >= 0x4E00 && ch <= 0x9FFF) ||
      (ch >= 0xAC00 && ch <= 0xD7A3))
    return 0;
  return g_unichar_combining_class (ch);
}

/* The character at *p (valid UTF-8, not ASCII), and *p moved past it. */
static inline gunichar
next_char (const char **p)
{
  const guchar *s = (const guchar *)*p;

  if (s[0] < 0xE0)
    {
      *p += 2;
      return (s[0] & 0x1F) << 6 | (s[1] & 0x3F);
    }
  if (s[0] < 0xF0)
    {
      *p += 3;
      return (s[0] & 0x0F) << 12 | (s[1] & 0x3F) << 6 | (s[2] & 0x3F);
    }
  *p += 4;
  return (s[0] & 0x07) << 18 | (s[1] & 0x3F) << 12 | (s[2] & 0x3F) << 6 | (s[3] & 0x3F);
}

typedef struct
{
  gunichar *chars;     /* the piece, decomposed, then composed in place */
  guint8   *classes;   /* their combining classes */
  gunichar *scratch;   /* for the counting sort of long runs */
  gsize     size;      /* of each buffer, in elements */
} Normalizer;

static void
normalizer_reserve (Normalizer *n,
                    gsize       size)
{
  if (size <= n->size)
    return;
  n->size = MAX (size, n->size * 2);
  n->chars = g_renew (gunichar, n->chars, n->size);
  n->classes = g_renew (guint8, n->classes, n->size);
  n->scratch = g_renew (gunichar, n->scratch, n->size);
}

/* Canonical order of the run of non-starters chars[start, end): stable by
 * combining class. Runs are a mark or two; a long one (hostile) is sorted
 * by counting, in linear time. */
static void
order_run (Normalizer *n,
           gsize       start,
           gsize       end)
{
  gunichar *chars = n->chars;
  guint8 *classes = n->classes;

  if (end - start <= 32)
    {
      for (gsize i = start + 1; i < end; i++)
        {
          gunichar ch = chars[i];
          guint8 cc = classes[i];
          gsize j = i;

          for (; j > start && classes[j - 1] > cc; j--)
            {
              chars[j] = chars[j - 1];
              classes[j] = classes[j - 1];
            }
          chars[j] = ch;
          classes[j] = cc;
        }
      return;
    }

  {
    gsize counts[257] = { 0 };
    gunichar *sorted = n->scratch;

    for (gsize i = start; i < end; i++)
      counts[classes[i] + 1]++;
    for (guint c = 1; c < 257; c++)
      counts[c] += counts[c - 1];
    for (gsize i = start; i < end; i++)
      sorted[counts[classes[i]]++] = chars[i];
    for (gsize i = start; i < end; i++)
      {
        chars[i] = sorted[i - start];
        classes[i] = g_unichar_combining_class (chars[i]);
      }
  }
}

/* Appends the NFC of piece[0, length) to @out. */
static void
normalize_piece (Normalizer *n,
                 const char *piece,
                 gsize       length,
                 GString    *out)
{
  const char *end = piece + length;
  gsize n_chars = 0, run = 0, composed = 0;
  gssize starter = -1;
  int last_class = -1;
  char *write;

  /* Canonical decomposition: at most four characters for one, and no
   * more characters than bytes otherwise. */
  normalizer_reserve (n, length + G_UNICHAR_MAX_DECOMPOSITION_LENGTH);
  for (const char *p = piece; p < end; )
    {
      gunichar ch = (guchar)*p < 0x80 ? (gunichar)*p++ : next_char (&p);

      normalizer_reserve (n, n_chars + G_UNICHAR_MAX_DECOMPOSITION_LENGTH);
      /* Most characters of a flagged piece are marks that do not
       * decompose: GLib's lookup is spared them. */
      if (ch < 0xC0 || (ch < 0x10000 && (nfc_bmp_bits (ch) & 4) == 0))
        n->chars[n_chars++] = ch;
      else
        n_chars += g_unichar_fully_decompose (ch, FALSE, n->chars + n_chars, G_UNICHAR_MAX_DECOMPOSITION_LENGTH);
    }
  for (gsize i = 0; i < n_chars; i++)
    n->classes[i] = n->chars[i] < 0x300 ? 0 : g_unichar_combining_class (n->chars[i]);

  /* Canonical order */
  for (gsize i = 0; i <= n_chars; i++)
    if (i == n_chars || n->classes[i] == 0)
      {
        if (i - run > 1)
          order_run (n, run, i);
        run = i + 1;
      }

  /* Canonical composition: a character joins the last starter unless a
   * character of class 0, or of its own class or higher, stands between.
   * Only a Maybe character is ever the second of a composite. */
  for (gsize i = 0; i < n_chars; i++)
    {
      gunichar ch = n->chars[i];
      int cc = n->classes[i];
      gunichar pair;

      if (starter >= 0 && (last_class < cc || last_class == 0) && ch >= 0x300 &&
          nfc_quick_check (ch) == NFC_QC_MAYBE && g_unichar_compose (n->chars[starter], ch, &pair))
        {
          n->chars[starter] = pair;
          continue;
        }
      if (cc == 0)
        starter = composed;
      last_class = cc;
      n->chars[composed++] = ch;
    }

  /* Back to UTF-8: four bytes a character at most. */
  g_string_set_size (out, out->len + composed * 4);
  write = out->str + out->len - composed * 4;
  for (gsize i = 0; i < composed; i++)
    write += g_unichar_to_utf8 (n->chars[i], write);
  g_string_truncate (out, write - out->str);
}

typedef struct
{
  Normalizer  normalizer;
  GString    *out;
  const char *copied;   /* what is before this is in @out */
  gsize       length;
} Output;

/* Appends the text up to @piece unchanged, then the NFC of [piece, end). */
static void
flush_piece (Output     *o,
             const char *piece,
             const char *end)
{
  if (o->out == NULL)
    o->out = g_string_sized_new (o->length + o->length / 16 + 16);
  g_string_append_len (o->out, o->copied, piece - o->copied);
  normalize_piece (&o->normalizer, piece, end - piece, o->out);
  o->copied = end;
}

char *
px_nfc_normalize (const char *utf8,
                  gsize       length,
                  gsize      *out_length)
{
  const char *end = utf8 + length;
  const char *piece = utf8;    /* where the current piece starts */
  gboolean flagged = FALSE;    /* the current piece may not be in NFC */
  guint8 last_class = 0;
  Output o = { { NULL, NULL, NULL, 0 }, NULL, utf8, length };

  g_return_val_if_fail (utf8 != NULL || length == 0, NULL);
  g_return_val_if_fail (out_length != NULL, NULL);

  for (const char *p = utf8; p < end; )
    {
      const char *at = p;
      gunichar ch;
      guint8 cc;
      NfcQuickCheck qc;

      if ((guchar)*p < 0x80)
        {
          /* ASCII: every character starts a piece, and only the last of
           * a run can take marks. */
          if (flagged)
            flush_piece (&o, piece, p);
          flagged = FALSE;
          p = ascii_run_end (p, end);
          piece = p - 1;
          last_class = 0;
          continue;
        }

      ch = next_char (&p);
      cc = combining_class (ch);
      qc = nfc_quick_check (ch);
      if (cc == 0 && qc == NFC_QC_YES)
        {
          if (flagged)
            flush_piece (&o, piece, at);
          flagged = FALSE;
          piece = at;
        }
      else if (qc != NFC_QC_YES || (cc != 0 && last_class > cc))
        flagged = TRUE;
      last_class = cc;
    }
  if (flagged)
    flush_piece (&o, piece, end);

  if (o.out == NULL)
    return NULL;
  g_string_append_len (o.out, o.copied, end - o.copied);
  g_free (o.normalizer.chars);
  g_free (o.normalizer.classes);
  g_free (o.normalizer.scratch);
  *out_length = o.out->len;
  return g_string_free (o.out, FALSE);
}
