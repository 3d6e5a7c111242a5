/* px-align-candidates.c: which pairs of segments the aligner scores
 *
 * An inverted index over the bags' features proposes, for each segment,
 * the segments of other documents it shares the most weight with (as a
 * share of both, or of the shorter one: a short sentence may state one
 * claim of a long one); the best few per other document are scored in
 * full.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-align"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "px-align-private.h"

/* Candidates kept per segment and other document before exact scoring
 * (with many sources, one: the segment keeps its closest sources). */
#define PER_DOC 5
/* A feature in more segments than this proposes no candidates (its weight
 * still counts in the exact score). Otherwise, as the sources or the text
 * grow, so do the lists of their common words, and the work with the
 * square of the input. (256 loses claims on 200 articles.) */
#define COMMON_POSTINGS 1000
/* Candidates per segment scored exactly when the set is that wide. */
#define WIDE_CANDIDATES (2 * PX_ALIGN_MAX_LINKED_SOURCES)
/* Shared weight that makes a candidate whatever the sizes of the two
 * segments (one rare word, or two common ones). */
#define CANDIDATE_WEIGHT 1.0

int
px_align_compare_candidates (gconstpointer x,
                             gconstpointer y)
{
  const Candidate *a = x, *b = y;

  if (a->score != b->score)
    return a->score > b->score ? -1 : 1;
  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  return a->b < b->b ? -1 : a->b > b->b;
}

int
px_align_compare_pairs (gconstpointer x,
                        gconstpointer y)
{
  const Candidate *a = x, *b = y;

  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  return a->b < b->b ? -1 : a->b > b->b;
}

typedef struct
{
  GPtrArray   **postings;   /* feature id → bag indices, in bag order */
  guint         n_postings;
  GPtrArray    *bags;
  const guint  *bag_start;
  gboolean      wide;       /* many sources: each pair looked at from both sides */
  double       *acc;        /* bag → shared weight with the current bag */
  guint        *touched;    /* bags with acc != 0 */
  Candidate    *best;       /* PER_DOC slots per document */
  gboolean     *best_used;  /* document → slots in use */
  guint        *best_docs;  /* documents whose slots are in use */
  Candidate    *pending;
} Finder;

static void
finder_init (Finder      *f,
             Space       *space,
             GPtrArray   *bags,
             const guint *bag_start,
             guint        n_docs)
{
  f->bags = bags;
  f->bag_start = bag_start;
  f->wide = n_docs > PX_ALIGN_MAX_LINKED_SOURCES + 1;
  /* (the diffs add the function words to the space later) */
  f->n_postings = space->names->len;
  f->postings = g_new0 (GPtrArray *, f->n_postings + 1);
  for (guint i = 0; i < bags->len; i++)
    {
      Bag *bag = g_ptr_array_index (bags, i);

      for (guint k = 0; k < bag->features->len; k++)
        {
          guint id = g_array_index (bag->features, Feature, k).id;

          if (f->postings[id] == NULL)
            f->postings[id] = g_ptr_array_new ();
          g_ptr_array_add (f->postings[id], GUINT_TO_POINTER (i));
        }
    }
  f->acc = g_new0 (double, MAX (bags->len, 1));
  f->touched = g_new (guint, MAX (bags->len, 1));
  f->best = g_new (Candidate, (gsize)n_docs * PER_DOC);
  f->pending = g_new (Candidate, (gsize)n_docs * PER_DOC);
  f->best_used = g_new0 (gboolean, n_docs);
  f->best_docs = g_new (guint, n_docs);
}

static void
finder_clear (Finder *f)
{
  for (guint id = 0; id < f->n_postings; id++)
    if (f->postings[id] != NULL)
      g_ptr_array_unref (f->postings[id]);
  g_free (f->postings);
  g_free (f->acc);
  g_free (f->touched);
  g_free (f->best);
  g_free (f->pending);
  g_free (f->best_used);
  g_free (f->best_docs);
}

/* Accumulates in f->acc the weight bag @i shares with the bags of other
 * documents; returns how many it touched. */
static guint
accumulate (Finder *f,
            guint   i)
{
  Bag *bag = g_ptr_array_index (f->bags, i);
  guint own_start = f->bag_start[bag->doc], own_end = f->bag_start[bag->doc + 1];
  guint n_touched = 0;

  for (guint k = 0; k < bag->features->len; k++)
    {
      const Feature *feature = &g_array_index (bag->features, Feature, k);
      GPtrArray *list = f->postings[feature->id];
      guint p = 0;

      /* features in a quarter of the segments are no evidence and cost
       * the most */
      if (list->len > 64 && list->len * 4 > f->bags->len)
        continue;
      if (list->len > COMMON_POSTINGS)
        continue;
      /* postings are in bag order, and bags in document order: skip the
       * segment's own document (and, with few sources, the ones before
       * it) by index */
      if (!f->wide)
        {
          guint hi = list->len;

          while (p < hi)
            {
              guint mid = p + (hi - p) / 2;

              if (GPOINTER_TO_UINT (list->pdata[mid]) < own_end)
                p = mid + 1;
              else
                hi = mid;
            }
        }
      for (; p < list->len; p++)
        {
          guint j = GPOINTER_TO_UINT (list->pdata[p]);

          if (j >= own_start && j < own_end)
            continue;
          if (f->acc[j] == 0)
            f->touched[n_touched++] = j;
          f->acc[j] += feature->weight;
        }
    }
  return n_touched;
}

/* Keeps the @k first of the @n candidates of @v in
 * px_align_compare_candidates () order, in that order; returns how many.
 * A sorted index of at most @k (most candidates fail its last one): a
 * sort of all @n moved every candidate some eight times. */
static guint
keep_first (Candidate *v,
            guint      n,
            guint      k)
{
  guint top[WIDE_CANDIDATES];
  Candidate kept[WIDE_CANDIDATES];
  guint m = 0;

  g_assert (k <= WIDE_CANDIDATES);
  for (guint c = 0; c < n; c++)
    {
      guint pos;

      if (m == k && px_align_compare_candidates (&v[c], &v[top[m - 1]]) >= 0)
        continue;
      pos = m < k ? m++ : k - 1;
      for (; pos > 0 && px_align_compare_candidates (&v[c], &v[top[pos - 1]]) < 0; pos--)
        top[pos] = top[pos - 1];
      top[pos] = c;
    }
  for (guint t = 0; t < m; t++)
    kept[t] = v[top[t]];
  memcpy (v, kept, m * sizeof (Candidate));
  return m;
}

/* The few best of the touched bags by shared weight in each other
 * document, into f->pending; returns how many. */
static guint
keep_best (Finder *f,
           guint   i,
           guint   n_touched)
{
  const Bag *bag = g_ptr_array_index (f->bags, i);
  guint per_doc = f->wide ? 1 : PER_DOC;
  guint n_best_docs = 0, n_pending = 0;

  for (guint t = 0; t < n_touched; t++)
    {
      guint j = f->touched[t];
      const Bag *other = g_ptr_array_index (f->bags, j);
      double shared = f->acc[j];
      double cheap = 2 * shared / (bag->norm + other->norm);
      Candidate *slots = &f->best[other->doc * PER_DOC];

      f->acc[j] = 0;
      if (cheap * 1.25 < PX_ALIGN_RELATED && shared < CANDIDATE_WEIGHT)
        continue;
      /* a short sentence may state one claim of a long one */
      cheap = MAX (cheap, shared / MIN (bag->norm, other->norm));
      if (!f->best_used[other->doc])
        {
          f->best_used[other->doc] = TRUE;
          f->best_docs[n_best_docs++] = other->doc;
          for (guint k = 0; k < per_doc; k++)
            slots[k].score = -1;
        }
      for (guint k = 0; k < per_doc; k++)
        if (cheap > slots[k].score)
          {
            memmove (&slots[k + 1], &slots[k], (per_doc - k - 1) * sizeof (Candidate));
            slots[k] = (Candidate) { i, j, cheap };
            break;
          }
    }
  for (guint d = 0; d < n_best_docs; d++)
    {
      Candidate *slots = &f->best[f->best_docs[d] * PER_DOC];

      f->best_used[f->best_docs[d]] = FALSE;
      for (guint k = 0; k < per_doc && slots[k].score >= 0; k++)
        f->pending[n_pending++] = slots[k];
    }
  if (f->wide && n_pending > WIDE_CANDIDATES)
    n_pending = keep_first (f->pending, n_pending, WIDE_CANDIDATES);
  return n_pending;
}

/* With many sources both segments of a pair may have chosen it: once. */
static void
drop_twins (GArray *candidates)
{
  guint kept = 0;

  for (guint c = 0; c < candidates->len; c++)
    {
      Candidate *cand = &g_array_index (candidates, Candidate, c);
      Candidate *last = kept > 0 ? &g_array_index (candidates, Candidate, kept - 1) : NULL;

      if (last != NULL && last->a == cand->a && last->b == cand->b)
        last->score = MAX (last->score, cand->score);
      else
        g_array_index (candidates, Candidate, kept++) = *cand;
    }
  g_array_set_size (candidates, kept);
}

GArray *
px_align_find_candidates (Space          *space,
                          GPtrArray      *bags,
                          const guint    *bag_start,
                          guint           n_docs,
                          GCancellable   *cancellable,
                          PxProgressFunc  progress,
                          gpointer        progress_data,
                          double          progress_end)
{
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  Finder f;

  finder_init (&f, space, bags, bag_start, n_docs);
  for (guint i = 0; i < bags->len; i++)
    {
      guint n_pending;

      if ((i & 63) == 0)
        {
          if (g_cancellable_is_cancelled (cancellable))
            {
              finder_clear (&f);
              g_array_unref (candidates);
              return NULL;
            }
          if (progress != NULL)
            progress (progress_end * i / bags->len, progress_data);
        }
      n_pending = keep_best (&f, i, accumulate (&f, i));
      for (guint k = 0; k < n_pending; k++)
        {
          guint j = f.pending[k].b;
          Candidate c = { MIN (i, j), MAX (i, j), 0, FALSE, { 0, } };

          c.score = px_align_pair_score (space, g_ptr_array_index (bags, c.a), g_ptr_array_index (bags, c.b),
                                         TRUE, &c.span);
          if (c.score >= PX_ALIGN_RELATED)
            g_array_append_val (candidates, c);
        }
    }
  finder_clear (&f);

  g_array_sort (candidates, px_align_compare_pairs);
  if (n_docs > PX_ALIGN_MAX_LINKED_SOURCES + 1)
    drop_twins (candidates);
  return candidates;
}
