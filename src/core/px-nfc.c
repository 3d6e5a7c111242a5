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
 * decomposed (g_unichar_fully_decompose), put in canonical order and
 * composed (by a table of GLib's compositions, made with the quick check),
 * into one reused buffer and in one pass each: no step is quadratic,
 * however long a piece (a hostile text may be a single one). The short
 * pieces of decomposed text (a letter and its accents) take a shorter way.
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

typedef struct
{
  gunichar first;
  gunichar second;
  gunichar composite;  /* 0: an empty slot */
} NfcComposition;

#include "px-nfc-data.h"

/* The bits of a character's entry in nfc_bmp_props (data/px-nfc-gen.c) */
#define NFC_PROPS_CLASS      0xFF
#define NFC_PROPS_QC_SHIFT   8
#define NFC_PROPS_DECOMPOSES (1 << 10)

/* The combining class, quick check and decomposition bit of @ch (in the
 * BMP); 0 for a starter that NFC leaves alone. */
static inline guint
nfc_bmp_props_of (gunichar ch)
{
  return nfc_bmp_props[nfc_bmp_blocks[ch >> 6]][ch & 0x3F];
}

static NfcQuickCheck
nfc_quick_check (gunichar ch)
{
  gsize low = 0, high = G_N_ELEMENTS (nfc_ranges);

  if (ch < 0x10000)
    return (nfc_bmp_props_of (ch) >> NFC_PROPS_QC_SHIFT) & 3;
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

/* g_unichar_combining_class (@ch), from the BMP table where it can. */
static inline guint8
combining_class (gunichar ch)
{
  if (ch < 0x10000)
    return nfc_bmp_props_of (ch) & NFC_PROPS_CLASS;
  return g_unichar_combining_class (ch);
}

/* Must agree with composition_hash () in data/px-nfc-gen.c */
static inline guint
nfc_composition_hash (gunichar first,
                      gunichar second)
{
  return ((first * 0x9E3779B1u) ^ (second * 0x85EBCA77u)) >> (32 - 11);
}

/* g_unichar_compose (@first, @second, @composite) of a character whose
 * quick check is Maybe (@second): by the table, Hangul by GLib. Unlike
 * GLib, leaves *@composite alone when the pair does not compose. */
static inline gboolean
compose (gunichar  first,
         gunichar  second,
         gunichar *composite)
{
  const guint mask = G_N_ELEMENTS (nfc_compositions) - 1;

  if ((first >= 0x1100 && first <= 0x1112) || (first >= 0xAC00 && first <= 0xD7A3))
    {
      gunichar hangul;

      if (!g_unichar_compose (first, second, &hangul))
        return FALSE;
      *composite = hangul;
      return TRUE;
    }
  for (guint k = nfc_composition_hash (first, second); nfc_compositions[k].composite != 0; k = (k + 1) & mask)
    if (nfc_compositions[k].first == first && nfc_compositions[k].second == second)
      {
        *composite = nfc_compositions[k].composite;
        return TRUE;
      }
  return FALSE;
}

/* Where the ASCII bytes from @p stop: eight at a time, the last eight
 * by the count of their ASCII prefix (no loop over the bytes of a word or
 * of a space between words of another script). */
static inline const char *
ascii_run_end (const char *p,
               const char *end)
{
  for (; end - p >= 8; p += 8)
    {
      guint64 x = px_bytes_load8 (p);

      if (!px_bytes_ascii8 (x))
        return p + px_bytes_ascii_prefix (x);
    }
  while (p < end && (guchar)*p < 0x80)
    p++;
  return p;
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
        classes[i] = combining_class (chars[i]);
      }
  }
}

/* Text written out: a GString without its calls, which were a fifth of
 * the normalization of decomposed Latin text. */
typedef struct
{
  char  *str;
  gsize  len;
  gsize  size;
} Buffer;

/* Room for @extra more bytes and a NUL. */
static inline void
buffer_reserve (Buffer *b,
                gsize   extra)
{
  if (b->len + extra < b->size)
    return;
  b->size = MAX (b->len + extra + 1, 2 * b->size);
  b->str = g_realloc (b->str, b->size);
}

/* g_unichar_to_utf8 () of a valid character, inline. */
static inline char *
put_char (char     *w,
          gunichar  ch)
{
  if (ch < 0x80)
    *w++ = ch;
  else if (ch < 0x800)
    {
      w[0] = 0xC0 | ch >> 6;
      w[1] = 0x80 | (ch & 0x3F);
      w += 2;
    }
  else if (ch < 0x10000)
    {
      w[0] = 0xE0 | ch >> 12;
      w[1] = 0x80 | ((ch >> 6) & 0x3F);
      w[2] = 0x80 | (ch & 0x3F);
      w += 3;
    }
  else
    {
      w[0] = 0xF0 | ch >> 18;
      w[1] = 0x80 | ((ch >> 12) & 0x3F);
      w[2] = 0x80 | ((ch >> 6) & 0x3F);
      w[3] = 0x80 | (ch & 0x3F);
      w += 4;
    }
  return w;
}

/* The canonical decomposition of piece[0, length) into n->chars, with
 * their classes; returns how many characters. */
static gsize
decompose_piece (Normalizer *n,
                 const char *piece,
                 gsize       length)
{
  const char *end = piece + length;
  gsize n_chars = 0;

  /* At most four characters for one that decomposes, one for each byte
   * otherwise: the room for what is left is kept. */
  normalizer_reserve (n, length + G_UNICHAR_MAX_DECOMPOSITION_LENGTH);
  for (const char *p = piece; p < end; )
    {
      gunichar ch = (guchar)*p < 0x80 ? (gunichar)*p++ : next_char (&p);
      guint props = ch < 0x10000 ? nfc_bmp_props_of (ch) : NFC_PROPS_DECOMPOSES;

      /* Most characters of a flagged piece are marks that do not
       * decompose: GLib's lookup is spared them. */
      if (!(props & NFC_PROPS_DECOMPOSES))
        {
          n->classes[n_chars] = props & NFC_PROPS_CLASS;
          n->chars[n_chars++] = ch;
          continue;
        }
      normalizer_reserve (n, n_chars + (end - p) + G_UNICHAR_MAX_DECOMPOSITION_LENGTH);
      for (gsize k = g_unichar_fully_decompose (ch, FALSE, n->chars + n_chars, G_UNICHAR_MAX_DECOMPOSITION_LENGTH);
           k > 0; k--, n_chars++)
        n->classes[n_chars] = combining_class (n->chars[n_chars]);
    }
  return n_chars;
}

/* Appends the NFC of piece[0, length) to @out. */
static void
normalize_piece (Normalizer *n,
                 const char *piece,
                 gsize       length,
                 Buffer     *out)
{
  gsize n_chars, run = 0, composed = 0;
  gssize starter = -1;
  int last_class = -1;
  char *write;

  n_chars = decompose_piece (n, piece, length);

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
          nfc_quick_check (ch) == NFC_QC_MAYBE && compose (n->chars[starter], ch, &pair))
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
  buffer_reserve (out, composed * 4);
  write = out->str + out->len;
  for (gsize i = 0; i < composed; i++)
    write = put_char (write, n->chars[i]);
  out->len = write - out->str;
}

#define SIMPLE_PIECE_MARKS 8

/* Appends the NFC of piece[0, length) to @out when it is simple, as most
 * are: a starter that does not decompose, then a few marks that do not
 * decompose either (nothing to decompose; the order and the composition
 * as in normalize_piece (), without its buffers). FALSE, and nothing
 * written, for any other piece. */
static gboolean
compose_simple_piece (const char *piece,
                      gsize       length,
                      Buffer     *out)
{
  const char *p = piece, *end = piece + length;
  gunichar starter = (guchar)*p < 0x80 ? (gunichar)*p++ : next_char (&p);
  gunichar marks[SIMPLE_PIECE_MARKS];
  guint16 props[SIMPLE_PIECE_MARKS];
  guint n_marks = 0, kept = 0, last_class = 0;
  char *write;

  if (starter >= 0x10000 || (nfc_bmp_props_of (starter) & (NFC_PROPS_CLASS | NFC_PROPS_DECOMPOSES)) != 0)
    return FALSE;
  while (p < end)
    {
      gunichar ch;
      guint ch_props, j;

      if ((guchar)*p < 0x80)
        return FALSE;
      ch = next_char (&p);
      if (ch >= 0x10000)
        return FALSE;
      ch_props = nfc_bmp_props_of (ch);
      if ((ch_props & NFC_PROPS_DECOMPOSES) || (ch_props & NFC_PROPS_CLASS) == 0 || n_marks == SIMPLE_PIECE_MARKS)
        return FALSE;
      /* canonical order: stable by class */
      for (j = n_marks; j > 0 && (props[j - 1] & NFC_PROPS_CLASS) > (ch_props & NFC_PROPS_CLASS); j--)
        {
          marks[j] = marks[j - 1];
          props[j] = props[j - 1];
        }
      marks[j] = ch;
      props[j] = ch_props;
      n_marks++;
    }

  for (guint i = 0; i < n_marks; i++)
    {
      guint cc = props[i] & NFC_PROPS_CLASS;

      /* (last_class is 0 while no mark is left uncomposed) */
      if ((kept == 0 || last_class < cc) && ((props[i] >> NFC_PROPS_QC_SHIFT) & 3) == NFC_QC_MAYBE &&
          compose (starter, marks[i], &starter))
        continue;
      last_class = cc;
      marks[kept++] = marks[i];
    }

  buffer_reserve (out, 4 * (1 + kept));
  write = put_char (out->str + out->len, starter);
  for (guint i = 0; i < kept; i++)
    write = put_char (write, marks[i]);
  out->len = write - out->str;
  return TRUE;
}

typedef struct
{
  Normalizer  normalizer;
  Buffer      out;
  const char *copied;   /* what is before this is in @out */
  const char *text_end;
  gsize       length;
} Output;

/* Appends the text up to @piece unchanged, and room for 16 bytes more. */
static inline void
copy_unchanged (Output     *o,
                const char *piece)
{
  gsize unchanged = piece - o->copied;
  char *write;

  if (G_UNLIKELY (o->out.str == NULL))
    {
      o->out.size = o->length + o->length / 16 + 16;
      o->out.str = g_malloc (o->out.size);
    }
  buffer_reserve (&o->out, unchanged + 16);
  write = o->out.str + o->out.len;
  /* (most spans between two accents are a word or two: no call, and a
   * short one as eight bytes, the bytes past it overwritten next) */
  if (unchanged < 8 && o->text_end - o->copied >= 8)
    memcpy (write, o->copied, 8);
  else if (unchanged < 8)
    for (gsize i = 0; i < unchanged; i++)
      write[i] = o->copied[i];
  else if (unchanged <= 16)
    {
      memcpy (write, o->copied, 8);
      memcpy (write + unchanged - 8, o->copied + unchanged - 8, 8);
    }
  else
    memcpy (write, o->copied, unchanged);
  o->out.len += unchanged;
}

/* Appends the text up to @piece unchanged, then the NFC of [piece, end). */
static void
flush_piece (Output     *o,
             const char *piece,
             const char *end)
{
  copy_unchanged (o, piece);
  if (!compose_simple_piece (piece, end - piece, &o->out))
    normalize_piece (&o->normalizer, piece, end - piece, &o->out);
  o->copied = end;
}

/* Appends the text up to @piece unchanged, then @composite, the NFC of
 * [piece, end). */
static void
flush_composite (Output     *o,
                 const char *piece,
                 const char *end,
                 gunichar    composite)
{
  copy_unchanged (o, piece);
  o->out.len = put_char (o->out.str + o->out.len, composite) - o->out.str;
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
  Output o = { { NULL, NULL, NULL, 0 }, { NULL, 0, 0 }, utf8, utf8 + length, length };

  g_return_val_if_fail (utf8 != NULL || length == 0, NULL);
  g_return_val_if_fail (out_length != NULL, NULL);

  for (const char *p = utf8; p < end; )
    {
      const char *at = p;
      gunichar ch, composite;
      guint props;
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
      if (ch < 0x10000)
        props = nfc_bmp_props_of (ch);
      else
        props = g_unichar_combining_class (ch) | nfc_quick_check (ch) << NFC_PROPS_QC_SHIFT |
                NFC_PROPS_DECOMPOSES;
      cc = props & NFC_PROPS_CLASS;
      qc = (props >> NFC_PROPS_QC_SHIFT) & 3;
      if (cc == 0 && qc == NFC_QC_YES)
        {
          if (flagged)
            flush_piece (&o, piece, at);
          flagged = FALSE;
          piece = at;
        }
      else if (qc == NFC_QC_MAYBE && cc != 0 && !(props & NFC_PROPS_DECOMPOSES) && at == piece + 1 &&
               (p == end || (guchar)*p < 0x80) && compose ((guchar)*piece, ch, &composite))
        {
          /* An ASCII letter and one accent, the whole piece (decomposed
           * Latin): composed at once. */
          flush_composite (&o, piece, p, composite);
          flagged = FALSE;
          cc = 0;
        }
      else if (qc != NFC_QC_YES || (cc != 0 && last_class > cc))
        flagged = TRUE;
      last_class = cc;
    }
  if (flagged)
    flush_piece (&o, piece, end);

  g_free (o.normalizer.chars);
  g_free (o.normalizer.classes);
  g_free (o.normalizer.scratch);
  if (o.out.str == NULL)
    return NULL;
  buffer_reserve (&o.out, end - o.copied);
  memcpy (o.out.str + o.out.len, o.copied, end - o.copied);
  o.out.len += end - o.copied;
  o.out.str[o.out.len] = '\0';
  *out_length = o.out.len;
  return o.out.str;
}
