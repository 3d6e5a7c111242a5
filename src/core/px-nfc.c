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

static const NfcRange nfc_ranges[] = {
#include "px-nfc-data.h"
};

/* Below the first character whose NFC_QC is not Yes (U+0300), and in the
 * Hangul syllables, every character is Yes. */
static NfcQuickCheck
nfc_quick_check (gunichar ch)
{
  gsize low = 0, high = G_N_ELEMENTS (nfc_ranges);

  if (ch < nfc_ranges[0].first || (ch >= 0xAC00 && ch <= 0xD7A3))
    return NFC_QC_YES;
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

typedef struct
{
  GArray *chars;     /* gunichar: the piece, decomposed, then composed in place */
  GArray *classes;   /* guint8: their combining classes */
  GArray *scratch;   /* gunichar: for the counting sort of long runs */
} Normalizer;

/* Canonical order of the run of non-starters chars[start, end): stable by
 * combining class. Runs are a mark or two; a long one (hostile) is sorted
 * by counting, in linear time. */
static void
order_run (Normalizer *n,
           gsize       start,
           gsize       end)
{
  gunichar *chars = &g_array_index (n->chars, gunichar, 0);
  guint8 *classes = &g_array_index (n->classes, guint8, 0);

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
    gunichar *sorted;

    g_array_set_size (n->scratch, end - start);
    sorted = &g_array_index (n->scratch, gunichar, 0);
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
  gunichar *chars;
  guint8 *classes;
  gsize n_chars, run = 0, composed;
  gssize starter = -1;
  int last_class = -1;

  /* Canonical decomposition */
  g_array_set_size (n->chars, 0);
  for (const char *p = piece; p < end; p = g_utf8_next_char (p))
    {
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize k = g_unichar_fully_decompose (g_utf8_get_char (p), FALSE, decomposed, G_N_ELEMENTS (decomposed));

      g_array_append_vals (n->chars, decomposed, k);
    }
  n_chars = n->chars->len;
  g_array_set_size (n->classes, n_chars);
  chars = &g_array_index (n->chars, gunichar, 0);
  classes = &g_array_index (n->classes, guint8, 0);
  for (gsize i = 0; i < n_chars; i++)
    classes[i] = g_unichar_combining_class (chars[i]);

  /* Canonical order */
  for (gsize i = 0; i <= n_chars; i++)
    if (i == n_chars || classes[i] == 0)
      {
        if (i - run > 1)
          order_run (n, run, i);
        run = i + 1;
      }

  /* Canonical composition: a character joins the last starter unless a
   * character of class 0 or of its own class or higher stands between. */
  composed = 0;
  for (gsize i = 0; i < n_chars; i++)
    {
      gunichar ch = chars[i];
      int cc = classes[i];
      gunichar pair;

      if (starter >= 0 && (last_class < cc || last_class == 0) &&
          g_unichar_compose (chars[starter], ch, &pair))
        {
          chars[starter] = pair;
          continue;
        }
      if (cc == 0)
        starter = composed;
      last_class = cc;
      chars[composed++] = ch;
    }

  for (gsize i = 0; i < composed; i++)
    g_string_append_unichar (out, chars[i]);
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
    {
      o->out = g_string_sized_new (o->length + o->length / 16 + 16);
      o->normalizer.chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
      o->normalizer.classes = g_array_new (FALSE, FALSE, sizeof (guint8));
      o->normalizer.scratch = g_array_new (FALSE, FALSE, sizeof (gunichar));
    }
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
  Output o = { { NULL, NULL, NULL }, NULL, utf8, length };

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
          while (p < end && (guchar)*p < 0x80)
            p++;
          piece = p - 1;
          last_class = 0;
          continue;
        }

      ch = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      cc = g_unichar_combining_class (ch);
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
  g_array_unref (o.normalizer.chars);
  g_array_unref (o.normalizer.classes);
  g_array_unref (o.normalizer.scratch);
  *out_length = o.out->len;
  return g_string_free (o.out, FALSE);
}
