/* px-align.c: names, memory and claims (clusters of linked segments)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-align"

#include "config.h"

#include "px-align.h"
#include "px-union-find.h"

const char *
px_relation_to_string (PxRelation relation)
{
  switch (relation)
    {
    case PX_RELATION_SAME: return "same";
    case PX_RELATION_PARAPHRASE: return "paraphrase";
    case PX_RELATION_DIFFERS: return "differs";
    case PX_RELATION_RELATED: return "related";
    default: g_return_val_if_reached (NULL);
    }
}

const char *
px_diff_op_to_string (PxDiffOp op)
{
  switch (op)
    {
    case PX_DIFF_EQUAL: return "equal";
    case PX_DIFF_SUBSTITUTE: return "substitute";
    case PX_DIFF_INSERT: return "insert";
    case PX_DIFF_DELETE: return "delete";
    case PX_DIFF_EQUIVALENT: return "equivalent";
    case PX_DIFF_MOVED: return "moved";
    default: g_return_val_if_reached (NULL);
    }
}

gboolean
px_diff_op_is_change (PxDiffOp op)
{
  return op == PX_DIFF_SUBSTITUTE || op == PX_DIFF_INSERT || op == PX_DIFF_DELETE;
}

const char *
px_claim_status_to_string (PxClaimStatus status)
{
  switch (status)
    {
    case PX_CLAIM_SHARED: return "shared";
    case PX_CLAIM_PARTIAL: return "partial";
    case PX_CLAIM_DIFFERS: return "differs";
    case PX_CLAIM_UNIQUE: return "unique";
    default: g_return_val_if_reached (NULL);
    }
}

void
px_link_free (PxLink *link)
{
  if (link == NULL)
    return;
  g_clear_pointer (&link->diff, g_array_unref);
  g_free (link);
}

void
px_claim_free (PxClaim *claim)
{
  if (claim == NULL)
    return;
  g_clear_pointer (&claim->segments, g_array_unref);
  g_free (claim);
}

static int
compare_segment_refs (gconstpointer a,
                      gconstpointer b)
{
  const PxSegmentRef *ra = a;
  const PxSegmentRef *rb = b;

  if (ra->doc != rb->doc)
    return ra->doc < rb->doc ? -1 : 1;
  if (ra->segment != rb->segment)
    return ra->segment < rb->segment ? -1 : 1;
  return 0;
}

static int
compare_links_by_score (gconstpointer a,
                        gconstpointer b)
{
  const PxLink *la = *(const PxLink * const *)a;
  const PxLink *lb = *(const PxLink * const *)b;

  if (la->score != lb->score)
    return la->score > lb->score ? -1 : 1;
  if (la->a.doc != lb->a.doc)
    return la->a.doc < lb->a.doc ? -1 : 1;
  if (la->a.segment != lb->a.segment)
    return la->a.segment < lb->a.segment ? -1 : 1;
  if (la->b.doc != lb->b.doc)
    return la->b.doc < lb->b.doc ? -1 : 1;
  return la->b.segment < lb->b.segment ? -1 : la->b.segment > lb->b.segment;
}

/* Whether the cluster rooted at @root holds one source only. */
static gboolean
alone (const guint64 *docs,
       guint          words,
       guint          root)
{
  guint bits = 0;

  for (guint w = 0; w < words && bits < 2; w++)
    bits += __builtin_popcountll (docs[(gsize)root * words + w]);
  return bits == 1;
}

GPtrArray *
px_align_build_claims (GPtrArray *documents,
                       GPtrArray *links)
{
  g_autofree guint *base = NULL;
  g_autofree guint *parent = NULL;
  g_autofree gboolean *differs = NULL;
  g_autofree gboolean *linked = NULL;
  g_autofree gboolean *leaf = NULL;
  g_autofree int *claim_of_root = NULL;
  g_autofree guint64 *docs = NULL;
  GPtrArray *order;
  guint words;
  GPtrArray *claims;
  guint total = 0;

  g_return_val_if_fail (documents != NULL, NULL);

  base = g_new0 (guint, documents->len + 1);
  for (guint d = 0; d < documents->len; d++)
    {
      base[d] = total;
      total += px_document_get_n_segments (g_ptr_array_index (documents, d));
    }
  base[documents->len] = total;

  parent = g_new (guint, MAX (total, 1));
  differs = g_new0 (gboolean, MAX (total, 1));
  linked = g_new0 (gboolean, MAX (total, 1));
  leaf = g_new0 (gboolean, MAX (total, 1));
  for (guint i = 0; i < total; i++)
    parent[i] = i;

  /* Strongest links first; two clusters merge only when no document is in
   * both, so that weak links cannot chain different claims together. */
  words = (documents->len + 63) / 64;
  docs = g_new0 (guint64, (gsize)MAX (total, 1) * words);
  for (guint d = 0; d < documents->len; d++)
    for (guint s = base[d]; s < base[d + 1]; s++)
      docs[(gsize)s * words + d / 64] |= G_GUINT64_CONSTANT (1) << (d % 64);
  order = g_ptr_array_new ();
  for (guint i = 0; links != NULL && i < links->len; i++)
    if (((PxLink *)g_ptr_array_index (links, i))->relation != PX_RELATION_RELATED)
      g_ptr_array_add (order, g_ptr_array_index (links, i));
  g_ptr_array_sort (order, compare_links_by_score);

  for (guint i = 0; i < order->len; i++)
    {
      const PxLink *link = g_ptr_array_index (order, i);
      guint ra = px_union_find (parent, base[link->a.doc] + link->a.segment);
      guint rb = px_union_find (parent, base[link->b.doc] + link->b.segment);
      gboolean overlap = FALSE;

      if (ra == rb)
        {
          differs[ra] |= link->relation == PX_RELATION_DIFFERS;
          continue;
        }
      for (guint w = 0; w < words && !overlap; w++)
        overlap = (docs[(gsize)ra * words + w] & docs[(gsize)rb * words + w]) != 0;
      if (overlap)
        continue;
      parent[rb] = ra;
      for (guint w = 0; w < words; w++)
        docs[(gsize)ra * words + w] |= docs[(gsize)rb * words + w];
      differs[ra] |= differs[rb] || link->relation == PX_RELATION_DIFFERS;
    }
  /* A sentence left alone because its source is in the claim already
   * (an article that repeats a claim, a sentence that states part of
   * another's) joins the claim of its strongest link as a second sentence
   * of its source; nothing joins through it, so claims still cannot chain. */
  for (guint i = 0; i < order->len; i++)
    {
      const PxLink *link = g_ptr_array_index (order, i);
      guint a = base[link->a.doc] + link->a.segment;
      guint b = base[link->b.doc] + link->b.segment;
      guint ra = px_union_find (parent, a);
      guint rb = px_union_find (parent, b);

      if (ra != rb && ra == a && !leaf[b] && alone (docs, words, a))
        {
          parent[a] = rb;
          differs[rb] |= link->relation == PX_RELATION_DIFFERS;
          leaf[a] = TRUE;
        }
      else if (ra != rb && rb == b && !leaf[a] && alone (docs, words, b))
        {
          parent[b] = ra;
          differs[ra] |= link->relation == PX_RELATION_DIFFERS;
          leaf[b] = TRUE;
        }
    }
  for (guint i = 0; i < order->len; i++)
    {
      const PxLink *link = g_ptr_array_index (order, i);

      linked[base[link->a.doc] + link->a.segment] = linked[base[link->b.doc] + link->b.segment] = TRUE;
    }
  g_ptr_array_unref (order);

  claims = g_ptr_array_new_with_free_func ((GDestroyNotify)px_claim_free);
  claim_of_root = g_new (int, MAX (total, 1));
  for (guint i = 0; i < total; i++)
    claim_of_root[i] = -1;

  /* Claims appear in the order of their first segment (document order). */
  for (guint d = 0; d < documents->len; d++)
    {
      PxDocument *document = g_ptr_array_index (documents, d);

      for (guint s = 0; s < px_document_get_n_segments (document); s++)
        {
          const PxSegment *seg = px_document_get_segment (document, s);
          guint root = px_union_find (parent, base[d] + s);
          PxSegmentRef ref = { d, s };
          PxClaim *claim;

          /* clutter only where it repeats its article and links */
          if ((seg->kind == PX_SEGMENT_BOILERPLATE && !linked[base[d] + s]) || seg->n_tokens == 0)
            continue;

          if (claim_of_root[root] < 0)
            {
              claim = g_new0 (PxClaim, 1);
              claim->segments = g_array_new (FALSE, FALSE, sizeof (PxSegmentRef));
              claim_of_root[root] = claims->len;
              g_ptr_array_add (claims, claim);
            }
          claim = g_ptr_array_index (claims, claim_of_root[root]);
          g_array_append_val (claim->segments, ref);
        }
    }

  for (guint i = 0; i < claims->len; i++)
    {
      PxClaim *claim = g_ptr_array_index (claims, i);
      const PxSegmentRef *first = &g_array_index (claim->segments, PxSegmentRef, 0);
      guint root = px_union_find (parent, base[first->doc] + first->segment);
      guint last_doc = G_MAXUINT;

      g_array_sort (claim->segments, compare_segment_refs);
      for (guint j = 0; j < claim->segments->len; j++)
        {
          const PxSegmentRef *ref = &g_array_index (claim->segments, PxSegmentRef, j);

          if (ref->doc != last_doc)
            claim->n_sources++;
          last_doc = ref->doc;
        }

      if (claim->n_sources <= 1)
        claim->status = PX_CLAIM_UNIQUE;
      else if (differs[root])
        claim->status = PX_CLAIM_DIFFERS;
      else if (claim->n_sources == documents->len)
        claim->status = PX_CLAIM_SHARED;
      else
        claim->status = PX_CLAIM_PARTIAL;
    }

  return claims;
}
