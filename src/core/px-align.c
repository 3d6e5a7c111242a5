/* px-align.c: names, memory and claims (clusters of linked segments)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-align"

#include "config.h"

#include "px-align.h"

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
    default: g_return_val_if_reached (NULL);
    }
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

/* Union-find over all segments of all documents. */
static guint
find_root (guint *parent,
           guint  x)
{
  while (parent[x] != x)
    {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
  return x;
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

GPtrArray *
px_align_build_claims (GPtrArray *documents,
                       GPtrArray *links)
{
  g_autofree guint *base = NULL;
  g_autofree guint *parent = NULL;
  g_autofree gboolean *differs = NULL;
  g_autofree int *claim_of_root = NULL;
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
  for (guint i = 0; i < total; i++)
    parent[i] = i;

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const PxLink *link = g_ptr_array_index (links, i);
      guint ra, rb;

      if (link->relation == PX_RELATION_RELATED)
        continue;
      ra = find_root (parent, base[link->a.doc] + link->a.segment);
      rb = find_root (parent, base[link->b.doc] + link->b.segment);
      if (ra != rb)
        {
          parent[rb] = ra;
          differs[ra] |= differs[rb];
        }
      if (link->relation == PX_RELATION_DIFFERS)
        differs[ra] = TRUE;
    }

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
          guint root = find_root (parent, base[d] + s);
          PxSegmentRef ref = { d, s };
          PxClaim *claim;

          if (seg->kind == PX_SEGMENT_BOILERPLATE || seg->n_tokens == 0)
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
      guint root = find_root (parent, base[first->doc] + first->segment);
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
