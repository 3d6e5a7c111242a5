/* px-align-select.c: which scored pairs become links
 *
 * Neighbouring pairs reinforce each other, like a diff's diagonal; two
 * segments that both link to one third segment link at a lower score
 * (they state its claim, one of them in words the other does not use).
 * Then, best first, every pair at or above the threshold links: a
 * segment may link to several segments of one other source, when each
 * states a part of it or one article repeats a claim. A segment without
 * a link to a source keeps its best candidate there as "related".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-align"

#include "config.h"

#include <stdlib.h>

#include "px-align-private.h"
#include "px-union-find.h"

static void
reinforce_neighbours (GArray    *candidates,
                      GPtrArray *bags,
                      double     threshold)
{
  g_autofree double *bonus = g_new0 (double, MAX (candidates->len, 1));

  for (guint c = 0; c < candidates->len; c++)
    {
      const Candidate *cand = &g_array_index (candidates, Candidate, c);
      const Bag *ba = g_ptr_array_index (bags, cand->a);
      const Bag *bb = g_ptr_array_index (bags, cand->b);
      double best_neighbour = 0;

      for (int delta = -1; delta <= 1; delta += 2)
        {
          Candidate key = { cand->a + delta, cand->b + delta, 0 };
          const Candidate *n;

          if ((int)key.a < 0 || (int)key.b < 0 || key.a >= bags->len || key.b >= bags->len ||
              ((Bag *)g_ptr_array_index (bags, key.a))->doc != ba->doc ||
              ((Bag *)g_ptr_array_index (bags, key.b))->doc != bb->doc)
            continue;
          n = bsearch (&key, candidates->data, candidates->len, sizeof (Candidate), px_align_compare_pairs);
          if (n != NULL)
            best_neighbour = MAX (best_neighbour, n->score);
        }
      if (best_neighbour >= threshold && cand->score >= PX_ALIGN_RELATED + 0.05)
        bonus[c] = PX_ALIGN_NEIGHBOUR_BONUS * best_neighbour;
    }
  for (guint c = 0; c < candidates->len; c++)
    {
      Candidate *cand = &g_array_index (candidates, Candidate, c);

      cand->score = MIN (1.0, cand->score + bonus[c]);
    }
}

static void
sort_uints (guint *list,
            guint  len)
{
  for (guint x = 1; x < len; x++)
    for (guint y = x; y > 0 && list[y - 1] > list[y]; y--)
      {
        guint t = list[y];

        list[y] = list[y - 1];
        list[y - 1] = t;
      }
}

/* A candidate at or above PX_ALIGN_CLOSE whose two segments link to one
 * same segment at @threshold is taken as a link (Candidate.closed). */
static void
close_triangles (GArray *candidates,
                 guint   n_bags,
                 double  threshold)
{
  g_autofree guint *start = g_new0 (guint, n_bags + 2);
  g_autofree guint *adjacent = NULL;
  guint n = 0;

  /* each segment's linked segments, sorted: counted at start[i + 2],
   * filled through start[i + 1], so that start[i] .. start[i + 1] holds
   * segment i's */
  for (guint c = 0; c < candidates->len; c++)
    {
      const Candidate *cand = &g_array_index (candidates, Candidate, c);

      if (cand->score >= threshold)
        {
          start[cand->a + 2]++;
          start[cand->b + 2]++;
          n += 2;
        }
    }
  for (guint i = 2; i < n_bags + 2; i++)
    start[i] += start[i - 1];
  adjacent = g_new (guint, MAX (n, 1));
  for (guint c = 0; c < candidates->len; c++)
    {
      const Candidate *cand = &g_array_index (candidates, Candidate, c);

      if (cand->score >= threshold)
        {
          adjacent[start[cand->a + 1]++] = cand->b;
          adjacent[start[cand->b + 1]++] = cand->a;
        }
    }
  for (guint i = 0; i < n_bags; i++)
    sort_uints (&adjacent[start[i]], start[i + 1] - start[i]);

  for (guint c = 0; c < candidates->len; c++)
    {
      Candidate *cand = &g_array_index (candidates, Candidate, c);
      guint i = start[cand->a], j = start[cand->b];

      if (cand->score >= threshold || cand->score < PX_ALIGN_CLOSE)
        continue;
      while (i < start[cand->a + 1] && j < start[cand->b + 1] && !cand->closed)
        {
          if (adjacent[i] == adjacent[j])
            cand->closed = TRUE;
          else if (adjacent[i] < adjacent[j])
            i++;
          else
            j++;
        }
    }
}

/* A news article states its main claim in its lead (headline, standfirst,
 * first sentence): the leads of two reports of one event (two documents
 * that share a claim elsewhere) meet at a lower score. */
static void
favour_leads (GArray    *candidates,
              GPtrArray *bags,
              double     threshold)
{
  guint n_docs = bags->len > 0 ? ((const Bag *)g_ptr_array_index (bags, bags->len - 1))->doc + 1 : 0;
  g_autofree guint *rank = g_new (guint, MAX (bags->len, 1));
  g_autofree gboolean *one_event = g_new0 (gboolean, MAX ((gsize)n_docs * n_docs, 1));

  /* a caption is no lead; an echo (a headline printed again) leaves the
   * others their ranks, and takes the rank of what it repeats when that
   * is a lead (lead_segment: each document's leads, by rank) */
  g_autofree guint *lead_segment = g_new (guint, MAX ((gsize)n_docs * PX_ALIGN_LEAD, 1));

  for (gsize k = 0; k < (gsize)n_docs * PX_ALIGN_LEAD; k++)
    lead_segment[k] = G_MAXUINT;
  for (guint i = 0, next = 0; i < bags->len; i++)
    {
      const Bag *bag = g_ptr_array_index (bags, i);
      const Bag *prev = i > 0 ? g_ptr_array_index (bags, i - 1) : NULL;

      if (prev == NULL || prev->doc != bag->doc)
        next = 0;
      rank[i] = bag->echo_of == G_MAXUINT && !bag->caption ? next++ : PX_ALIGN_LEAD;
      if (rank[i] < PX_ALIGN_LEAD)
        lead_segment[bag->doc * PX_ALIGN_LEAD + rank[i]] = bag->segment;
    }
  for (guint i = 0; i < bags->len; i++)
    {
      const Bag *bag = g_ptr_array_index (bags, i);

      for (guint r = 0; bag->echo_of != G_MAXUINT && r < PX_ALIGN_LEAD; r++)
        if (lead_segment[bag->doc * PX_ALIGN_LEAD + r] == bag->echo_of)
          rank[i] = r;
    }
  for (guint c = 0; c < candidates->len; c++)
    {
      const Candidate *cand = &g_array_index (candidates, Candidate, c);
      guint da = ((const Bag *)g_ptr_array_index (bags, cand->a))->doc;
      guint db = ((const Bag *)g_ptr_array_index (bags, cand->b))->doc;

      if (cand->score >= threshold)
        one_event[da * n_docs + db] = one_event[db * n_docs + da] = TRUE;
    }
  for (guint c = 0; c < candidates->len; c++)
    {
      Candidate *cand = &g_array_index (candidates, Candidate, c);
      guint da = ((const Bag *)g_ptr_array_index (bags, cand->a))->doc;
      guint db = ((const Bag *)g_ptr_array_index (bags, cand->b))->doc;

      if (rank[cand->a] < PX_ALIGN_LEAD && rank[cand->b] < PX_ALIGN_LEAD && one_event[da * n_docs + db])
        cand->score = MIN (1.0, cand->score + PX_ALIGN_LEAD_BONUS);
    }
}

void
px_align_reinforce (GArray    *candidates,
                    GPtrArray *bags,
                    gboolean   wide,
                    double     threshold)
{
  reinforce_neighbours (candidates, bags, threshold);
  favour_leads (candidates, bags, threshold);
  /* with many sources, claims gather them through chains of links */
  if (!wide && PX_ALIGN_CLOSE < threshold)
    close_triangles (candidates, bags->len, threshold);
}

/* What the two ways of choosing links share. */
typedef struct
{
  Space         *space;
  GPtrArray     *documents;
  GPtrArray     *bags;
  GArray        *candidates;  /* sorted by score */
  double         threshold;
  GPtrArray     *links;       /* out */
  GCancellable  *cancellable;
  PxProgressFunc progress;
  gpointer       progress_data;
  double         progress_start;
} Selection;

/* Every 256 candidates: FALSE when cancelled, else reports @done (0..1)
 * of the selection. */
static gboolean
tick (const Selection *sel,
      guint            c,
      double           done)
{
  if ((c & 255) != 0)
    return TRUE;
  if (g_cancellable_is_cancelled (sel->cancellable))
    return FALSE;
  if (sel->progress != NULL)
    sel->progress (sel->progress_start + (1.0 - sel->progress_start) * done, sel->progress_data);
  return TRUE;
}

/* Few sources: every pair at or above the threshold links (a segment may
 * link to several segments of one source, when each states a part of it
 * or the source repeats the claim); a segment with no link to a source
 * keeps its best candidate there as "related". */
static gboolean
select_few (Selection *sel)
{
  guint n_docs = sel->documents->len;
  g_autofree gboolean *linked = g_new0 (gboolean, (gsize)MAX (sel->bags->len, 1) * n_docs);

  for (guint c = 0; c < sel->candidates->len; c++)
    {
      const Candidate *cand = &g_array_index (sel->candidates, Candidate, c);
      const Bag *ba = g_ptr_array_index (sel->bags, cand->a);
      const Bag *bb = g_ptr_array_index (sel->bags, cand->b);
      gboolean *la = &linked[(gsize)cand->a * n_docs + bb->doc];
      gboolean *lb = &linked[(gsize)cand->b * n_docs + ba->doc];
      gboolean live = cand->score >= sel->threshold || cand->closed;

      if (!tick (sel, c, (double)c / sel->candidates->len))
        return FALSE;
      if ((*la || *lb) && !live)
        continue;
      *la = *lb = TRUE;
      g_ptr_array_add (sel->links, px_align_make_link (sel->space, sel->documents, sel->bags, cand, !live));
    }
  return TRUE;
}

/* Many sources: a segment takes at most PX_ALIGN_MAX_LINKED_SOURCES
 * links, one per source, and a first pass keeps the strongest link
 * between any two groups of linked segments (a maximum spanning forest):
 * otherwise the first 13 of 24 equal sentences would use up each other's
 * links and the other 11 form a claim of their own. */
static gboolean
select_wide (Selection *sel)
{
  guint n_docs = sel->documents->len, n_bags = sel->bags->len;
  g_autofree gboolean *linked = g_new0 (gboolean, (gsize)MAX (n_bags, 1) * n_docs);
  g_autofree guint *n_links = g_new0 (guint, MAX (n_bags, 1));
  g_autofree guint *group = g_new (guint, MAX (n_bags, 1));

  for (guint i = 0; i < n_bags; i++)
    group[i] = i;
  for (int pass = 0; pass < 2; pass++)
    for (guint c = 0; c < sel->candidates->len; c++)
      {
        const Candidate *cand = &g_array_index (sel->candidates, Candidate, c);
        const Bag *ba = g_ptr_array_index (sel->bags, cand->a);
        const Bag *bb = g_ptr_array_index (sel->bags, cand->b);
        gboolean *la = &linked[(gsize)cand->a * n_docs + bb->doc];
        gboolean *lb = &linked[(gsize)cand->b * n_docs + ba->doc];

        if (!tick (sel, c, (pass + (double)c / sel->candidates->len) / 2))
          return FALSE;
        if (*la || *lb || n_links[cand->a] >= PX_ALIGN_MAX_LINKED_SOURCES ||
            n_links[cand->b] >= PX_ALIGN_MAX_LINKED_SOURCES)
          continue;
        if (pass == 0)
          {
            guint ra = px_union_find (group, cand->a), rb = px_union_find (group, cand->b);

            if (cand->score < sel->threshold || ra == rb)
              continue;
            group[rb] = ra;
          }
        *la = *lb = TRUE;
        n_links[cand->a]++;
        n_links[cand->b]++;
        g_ptr_array_add (sel->links, px_align_make_link (sel->space, sel->documents, sel->bags, cand,
                                                         cand->score < sel->threshold));
      }
  return TRUE;
}

GPtrArray *
px_align_select_links (Space          *space,
                       GPtrArray      *documents,
                       GPtrArray      *bags,
                       GArray         *candidates,
                       double          threshold,
                       GCancellable   *cancellable,
                       PxProgressFunc  progress,
                       gpointer        progress_data,
                       double          progress_start)
{
  Selection sel = { space, documents, bags, candidates, threshold,
                    g_ptr_array_new_with_free_func ((GDestroyNotify)px_link_free),
                    cancellable, progress, progress_data, progress_start };

  g_array_sort (candidates, px_align_compare_candidates);
  if (!(documents->len > PX_ALIGN_MAX_LINKED_SOURCES + 1 ? select_wide (&sel) : select_few (&sel)))
    g_clear_pointer (&sel.links, g_ptr_array_unref);
  return sel.links;
}
