/* px-align-links.c: links between sentences that state the same claim
 *
 * Runs the aligner's stages (see px-align-private.h): bags of features,
 * candidate pairs, scores whole and in part, reinforcement by neighbours
 * and by third segments, the choice of links, each with its parts,
 * relation and word diff. Also the pair score of two segments on their
 * own (parallax-cli similarity).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-align"

#include "config.h"

#include "px-facts-private.h"
#include "px-align-private.h"

/* The facts of segments @first..@last only (not of the whole document),
 * at their offsets in the document. */
static GPtrArray *
range_facts (PxDocument *document,
             guint       first,
             guint       last)
{
  const char *text = px_document_get_text (document, NULL);
  guint start = px_document_get_segment (document, first)->start;
  guint end = px_document_get_segment (document, last)->end;
  GPtrArray *facts = px_facts_extract_text (text + start, end - start, px_document_get_date (document), NULL);

  for (guint i = 0; i < facts->len; i++)
    {
      PxFact *fact = g_ptr_array_index (facts, i);

      fact->start += start;
      fact->end += start;
    }
  return facts;
}

/* The score of segments @a_first..@a_last of @a against @b_first..@b_last
 * of @b on their own: background word weights only. */
static double
score_ranges (PxDocument *a,
              guint       a_first,
              guint       a_last,
              PxDocument *b,
              guint       b_first,
              guint       b_last)
{
  Space *space = px_align_space_new ();
  g_autoptr(GPtrArray) fa = range_facts (a, a_first, a_last);
  g_autoptr(GPtrArray) fb = range_facts (b, b_first, b_last);
  Bag *ba = px_align_bag_new (space, a, 0, a_first, a_last, fa);
  Bag *bb = px_align_bag_new (space, b, 1, b_first, b_last, fb);
  double score;

  px_align_bag_finish (space, ba, 2);
  px_align_bag_finish (space, bb, 2);
  score = px_align_pair_score (space, ba, bb, FALSE, NULL);
  px_align_bag_free (ba);
  px_align_bag_free (bb);
  px_align_space_free (space);
  return score;
}

double
px_align_similarity (PxDocument *a,
                     guint       a_segment,
                     PxDocument *b,
                     guint       b_segment)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (a) && PX_IS_DOCUMENT (b), 0);
  g_return_val_if_fail (a_segment < px_document_get_n_segments (a), 0);
  g_return_val_if_fail (b_segment < px_document_get_n_segments (b), 0);

  return score_ranges (a, a_segment, a_segment, b, b_segment, b_segment);
}

double
px_align_document_similarity (PxDocument *a,
                              PxDocument *b)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (a) && PX_IS_DOCUMENT (b), 0);

  if (px_document_get_n_segments (a) == 0 || px_document_get_n_segments (b) == 0)
    return 0;
  return score_ranges (a, 0, px_document_get_n_segments (a) - 1, b, 0, px_document_get_n_segments (b) - 1);
}

gboolean
px_sensitivity_from_string (const char    *str,
                            PxSensitivity *sensitivity)
{
  static const char * const names[] = { "low", "medium", "high" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (str, names[i]) == 0)
      {
        *sensitivity = (PxSensitivity)i;
        return TRUE;
      }
  return FALSE;
}

GPtrArray *
px_align_documents (GPtrArray      *documents,
                    GPtrArray      *facts,
                    GCancellable   *cancellable,
                    PxProgressFunc  progress,
                    gpointer        progress_data)
{
  return px_align_documents_full (documents, facts, PX_SENSITIVITY_MEDIUM, cancellable, progress, progress_data);
}

GPtrArray *
px_align_documents_full (GPtrArray      *documents,
                         GPtrArray      *facts,
                         PxSensitivity   sensitivity,
                         GCancellable   *cancellable,
                         PxProgressFunc  progress,
                         gpointer        progress_data)
{
  double threshold = sensitivity == PX_SENSITIVITY_LOW ? PX_ALIGN_LINK_LOW :
                     sensitivity == PX_SENSITIVITY_HIGH ? PX_ALIGN_LINK_HIGH : PX_ALIGN_LINK;
  g_autoptr(GPtrArray) bags = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autofree guint *bag_start = NULL;
  GPtrArray *links = NULL;
  Space *space;

  g_return_val_if_fail (documents != NULL, NULL);

  if (g_cancellable_is_cancelled (cancellable))
    return NULL;

  space = px_align_space_new ();
  bags = px_align_bags_new (space, documents, facts, &bag_start);
  candidates = px_align_find_candidates (space, bags, bag_start, documents->len,
                                         cancellable, progress, progress_data, 0.7);
  if (candidates != NULL)
    {
      px_align_reinforce (candidates, bags, documents->len > PX_ALIGN_MAX_LINKED_SOURCES + 1, threshold);
      links = px_align_select_links (space, documents, bags, candidates, threshold,
                                     cancellable, progress, progress_data, 0.7);
    }
  px_align_space_free (space);
  if (links != NULL && progress != NULL)
    progress (1.0, progress_data);
  return links;
}
