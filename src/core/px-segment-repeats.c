/* px-segment-repeats.c: paragraphs that repeat others
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The part of the clutter classifier (px-segment-clutter.c) that reads
 * repetition: a headline printed again, a pull quote that repeats a
 * paragraph exactly or nearly (shared word trigrams), a caption printed
 * again under a series of photos.
 */
#define G_LOG_DOMAIN "px-segment"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "px-segment-private.h"

/* Words hashed by their normal forms (FNV-1a over the addresses): forms
 * are interned in the model's string chunk, equal words are equal
 * pointers. */
#define WORDS_HASH_START G_GUINT64_CONSTANT (14695981039346656037)

static inline guint64
words_hash_add (guint64        h,
                const PxToken *token)
{
  return (h ^ GPOINTER_TO_SIZE (token->form->norm)) * G_GUINT64_CONSTANT (1099511628211);
}

/* The words of a paragraph, as one hash. */
static guint64
words_hash (const PxToken *tokens,
            guint          n)
{
  guint64 h = WORDS_HASH_START;

  for (guint i = 0; i < n; i++)
    if (px_segment_is_word (&tokens[i]))
      h = words_hash_add (h, &tokens[i]);
  return h;
}

/* Whether two paragraphs have the same words (a hash is no proof). */
static gboolean
same_words (const PxToken        *tokens,
            const PxParaFeatures *f,
            const PxParaFeatures *g)
{
  const PxToken *a = tokens + f->first_token, *a_end = a + px_para_n_tokens (f);
  const PxToken *b = tokens + g->first_token, *b_end = b + px_para_n_tokens (g);

  for (;;)
    {
      while (a < a_end && !px_segment_is_word (a))
        a++;
      while (b < b_end && !px_segment_is_word (b))
        b++;
      if (a == a_end || b == b_end)
        return a == a_end && b == b_end;
      if (a->form->norm != b->form->norm)
        return FALSE;
      a++;
      b++;
    }
}

/* Near repeats are looked for among paragraphs this long at most. */
#define MAX_REPEAT_WORDS 200

/* The words of @tokens, as their normal forms. Forms are interned in the
 * model's string chunk: equal words are equal pointers. */
static guint
word_forms (const PxToken *tokens,
            guint          n,
            const char   **forms)
{
  guint n_forms = 0;

  for (guint i = 0; i < n && n_forms < MAX_REPEAT_WORDS; i++)
    if (px_segment_is_word (&tokens[i]))
      forms[n_forms++] = tokens[i].form->norm;
  return n_forms;
}

/* The word trigrams of a paragraph, in an open-addressing table of the
 * places they start at (+ 1; 0 for an empty slot): is_near_repeat() looked
 * for each trigram of one paragraph among all of the other's. */
#define TRIGRAM_SLOTS 512  /* a power of two, over twice MAX_REPEAT_WORDS */

typedef struct
{
  const char **forms;
  guint16      slots[TRIGRAM_SLOTS];
} TrigramSet;

static inline guint
trigram_hash (const char * const *t)
{
  guint64 h = GPOINTER_TO_SIZE (t[0]) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  h = (h ^ GPOINTER_TO_SIZE (t[1])) * G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD);
  h = (h ^ GPOINTER_TO_SIZE (t[2])) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  return (guint)(h >> 40) & (TRIGRAM_SLOTS - 1);
}

static void
trigram_set_init (TrigramSet  *set,
                  const char **forms,
                  guint        n)
{
  set->forms = forms;
  memset (set->slots, 0, sizeof set->slots);
  for (guint j = 0; j + 2 < n; j++)
    {
      guint k = trigram_hash (forms + j);

      while (set->slots[k] != 0)
        k = (k + 1) & (TRIGRAM_SLOTS - 1);
      set->slots[k] = j + 1;
    }
}

static gboolean
trigram_set_has (const TrigramSet   *set,
                 const char * const *t)
{
  for (guint k = trigram_hash (t); set->slots[k] != 0; k = (k + 1) & (TRIGRAM_SLOTS - 1))
    {
      const char * const *s = set->forms + set->slots[k] - 1;

      if (s[0] == t[0] && s[1] == t[1] && s[2] == t[2])
        return TRUE;
    }
  return FALSE;
}

/* The fewest of @n trigrams that make a share of at least 0.7 (as a
 * double, the share near repeats need). */
static guint
trigrams_needed (guint n)
{
  guint k = (guint)(0.7 * n);

  while (k > 0 && (double)(k - 1) / n >= 0.7)
    k--;
  while ((double)k / n < 0.7)
    k++;
  return k;
}

/* Whether at least 0.7 of @a's word trigrams are found in @b (whose
 * trigrams @b_set holds): the search stops as soon as the answer is
 * known. */
static gboolean
most_trigrams_in (const char       **a,
                  guint              na,
                  const TrigramSet  *b_set,
                  guint              nb)
{
  guint n, needed, found = 0, missed = 0;

  if (na < 3 || nb < 3)
    return FALSE;
  n = na - 2;
  needed = trigrams_needed (n);
  for (guint i = 0; i < n; i++)
    {
      if (trigram_set_has (b_set, a + i))
        {
          if (++found >= needed)
            return TRUE;
        }
      else if (++missed > n - needed)
        return FALSE;
    }
  return found >= needed;
}

/* most_trigrams_in () of the words of @tokens (@n of them, @n_words
 * words), read as they come: most paragraphs compared are not repeats,
 * and the answer comes long before their last word. */
static gboolean
most_token_trigrams_in (const PxToken     *tokens,
                        guint              n,
                        guint              n_words,
                        const TrigramSet  *b_set,
                        guint              nb)
{
  const char *window[3] = { NULL, NULL, NULL };
  guint n_trigrams, needed, words = 0, found = 0, missed = 0;

  if (n_words < 3 || nb < 3)
    return FALSE;
  n_trigrams = n_words - 2;
  needed = trigrams_needed (n_trigrams);
  for (guint i = 0; i < n; i++)
    {
      if (!px_segment_is_word (&tokens[i]))
        continue;
      window[0] = window[1];
      window[1] = window[2];
      window[2] = tokens[i].form->norm;
      if (++words < 3)
        continue;
      if (trigram_set_has (b_set, window))
        {
          if (++found >= needed)
            return TRUE;
        }
      else if (++missed > n_trigrams - needed)
        return FALSE;
    }
  return found >= needed;
}

/* A paragraph compared with the few before it: its words and their
 * trigrams, made on the first comparison. */
typedef struct
{
  gboolean    ready;
  guint       n;
  const char *forms[MAX_REPEAT_WORDS];
  TrigramSet  trigrams;
} RepeatCandidate;

/* Two paragraphs of about the same words, nearly in the same order: most
 * of the trigrams of each in the other. @f is the later paragraph. */
static gboolean
is_near_repeat (const PxToken        *tokens,
                const PxParaFeatures *f,
                RepeatCandidate      *later,
                const PxParaFeatures *g)
{
  const char *b[MAX_REPEAT_WORDS];
  TrigramSet set;
  guint nb;

  if (f->words > MAX_REPEAT_WORDS || g->words > MAX_REPEAT_WORDS ||
      MIN (f->words, g->words) * 10 < MAX (f->words, g->words) * 6)
    return FALSE;
  if (!later->ready)
    {
      later->n = word_forms (tokens + f->first_token, px_para_n_tokens (f), later->forms);
      trigram_set_init (&later->trigrams, later->forms, later->n);
      later->ready = TRUE;
    }
  /* A sentence that an earlier paragraph holds among others is no repeat.
   * (g->words counts the words of its tokens, at most MAX_REPEAT_WORDS.) */
  if (!most_token_trigrams_in (tokens + g->first_token, px_para_n_tokens (g), g->words, &later->trigrams, later->n))
    return FALSE;
  nb = word_forms (tokens + g->first_token, px_para_n_tokens (g), b);
  g_assert (nb == g->words);
  trigram_set_init (&set, b, nb);
  return most_trigrams_in (later->forms, later->n, &set, nb);
}

/* A paragraph that repeats an earlier one is clutter: the headline printed
 * again (anywhere), a pull quote that repeats a paragraph (exactly, or
 * nearly among the next few paragraphs). Unless the earlier one is
 * clutter itself: the body sentence a caption repeats stays a sentence.
 * Other short lines may repeat (subheadings of a list, table labels). */
void
px_segment_mark_repeats (const PxToken        *tokens,
                         guint                 n_paragraphs,
                         const PxParaFeatures *features,
                         PxSegmentKind        *kinds)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree guint64 *hashes = g_new (guint64, MAX (n_paragraphs, 1));
  g_autofree RepeatCandidate *later = g_new (RepeatCandidate, 1);
  guint title = G_MAXUINT;

  for (guint p = 0; p < n_paragraphs; p++)
    {
      const PxParaFeatures *f = &features[p];
      gpointer earlier;

      if (f->meta == PX_META_LINE_WHOLE || f->words < 3 || px_segment_kind_is_clutter (kinds[p]))
        continue;
      hashes[p] = words_hash (tokens + f->first_token, px_para_n_tokens (f));
      if (title == G_MAXUINT && kinds[p] == PX_SEGMENT_HEADING && !px_segment_is_name_line (f))
        {
          title = p;
          continue;
        }
      if (title != G_MAXUINT && hashes[p] == hashes[title] && same_words (tokens, f, &features[title]))
        {
          kinds[p] = PX_SEGMENT_BOILERPLATE;
          continue;
        }
      if (f->words < 8)
        continue;
      if (g_hash_table_lookup_extended (seen, &hashes[p], NULL, &earlier) &&
          same_words (tokens, f, &features[GPOINTER_TO_UINT (earlier)]))
        {
          if (!px_segment_kind_is_clutter (kinds[GPOINTER_TO_UINT (earlier)]))
            kinds[p] = PX_SEGMENT_BOILERPLATE;
          continue;
        }
      g_hash_table_insert (seen, &hashes[p], GUINT_TO_POINTER (p));

      later->ready = FALSE;
      for (guint q = p > 4 ? p - 4 : 0; q < p; q++)
        {
          const PxParaFeatures *g = &features[q];

          if (g->meta == PX_META_LINE_WHOLE || g->words < 8)
            continue;
          if (is_near_repeat (tokens, f, later, g))
            {
              if (!px_segment_kind_is_clutter (kinds[q]))
                kinds[p] = PX_SEGMENT_BOILERPLATE;
              break;
            }
        }
    }
}

/* A run of four words (numbers count) as one hash; FALSE when one of the
 * four tokens is no word. */
static gboolean
word_run_hash (const PxToken *t,
               guint64       *hash)
{
  guint64 h = WORDS_HASH_START;

  for (guint k = 0; k < 4; k++)
    {
      if (!px_segment_is_word (&t[k]))
        return FALSE;
      h = words_hash_add (h, &t[k]);
    }
  *hash = h;
  return TRUE;
}

static int
compare_hashes (const void *a,
                const void *b)
{
  guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;

  return x < y ? -1 : x > y;
}

/* Captions of one photo series share their wording ("… after the flood in
 * X village, near Y"): an unfinished line that shares a run of four words
 * with a credited caption is one too. The credited captions' runs are
 * hashed once, so that the work grows with the text, not with captions
 * times paragraphs. */
void
px_segment_mark_caption_echoes (const PxToken        *tokens,
                                guint                 n_paragraphs,
                                const PxParaFeatures *features,
                                PxSegmentKind        *kinds)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (guint64));

  for (guint c = 0; c < n_paragraphs; c++)
    {
      const PxParaFeatures *cf = &features[c];
      guint64 h;

      if (kinds[c] != PX_SEGMENT_CAPTION || !cf->credit || cf->words < 6)
        continue;
      for (guint j = 0; j + 3 < px_para_n_tokens (cf); j++)
        if (word_run_hash (tokens + cf->first_token + j, &h))
          g_array_append_val (runs, h);
    }
  if (runs->len == 0)
    return;
  qsort (runs->data, runs->len, sizeof (guint64), compare_hashes);

  for (guint p = 0; p < n_paragraphs; p++)
    {
      const PxParaFeatures *f = &features[p];
      guint64 h;

      if (px_segment_kind_is_clutter (kinds[p]) || f->ends_sentence || f->words < 6 || f->words > 40 ||
          f->meta == PX_META_LINE_WHOLE)
        continue;
      for (guint i = 0; i + 3 < px_para_n_tokens (f); i++)
        if (word_run_hash (tokens + f->first_token + i, &h) &&
            bsearch (&h, runs->data, runs->len, sizeof (guint64), compare_hashes) != NULL)
          {
            kinds[p] = PX_SEGMENT_CAPTION;
            break;
          }
    }
}
