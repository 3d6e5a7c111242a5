/* px-comparison.h: everything the engine knows about a set of sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "px-align.h"
#include "px-document.h"
#include "px-facts.h"

G_BEGIN_DECLS

#define PX_TYPE_COMPARISON (px_comparison_get_type ())

G_DECLARE_FINAL_TYPE (PxComparison, px_comparison, PX, COMPARISON, GObject)

/* Computes facts, links, claims and fact groups for @documents (PxDocument*,
 * in column order). Runs in the calling thread; thread-safe. Returns NULL
 * and G_IO_ERROR_CANCELLED when cancelled. */
PxComparison    *px_comparison_new            (GPtrArray            *documents,
                                               GCancellable         *cancellable,
                                               PxProgressFunc        progress,
                                               gpointer              progress_data,
                                               GError              **error);
/* The same at a given alignment sensitivity (px_comparison_new is MEDIUM). */
PxComparison    *px_comparison_new_full       (GPtrArray            *documents,
                                               PxSensitivity         sensitivity,
                                               GCancellable         *cancellable,
                                               PxProgressFunc        progress,
                                               gpointer              progress_data,
                                               GError              **error);
/* The same in a worker thread; @progress is called on the thread-default
 * main context of the caller. */
void             px_comparison_new_async      (GPtrArray            *documents,
                                               GCancellable         *cancellable,
                                               PxProgressFunc        progress,
                                               gpointer              progress_data,
                                               GDestroyNotify        progress_destroy,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
/* px_comparison_new_async at a given sensitivity; finish with
 * px_comparison_new_finish. */
void             px_comparison_new_full_async (GPtrArray            *documents,
                                               PxSensitivity         sensitivity,
                                               GCancellable         *cancellable,
                                               PxProgressFunc        progress,
                                               gpointer              progress_data,
                                               GDestroyNotify        progress_destroy,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
PxComparison    *px_comparison_new_finish     (GAsyncResult         *result,
                                               GError              **error);

guint            px_comparison_get_n_documents (PxComparison *self);
PxDocument      *px_comparison_get_document    (PxComparison *self,
                                                guint         index);
/* "d1", "d2" …: the id of a document in this comparison and its JSON. */
char            *px_comparison_dup_document_id (PxComparison *self,
                                                guint         index);
/* "d1s4": a segment's id in the JSON format. */
char            *px_comparison_dup_segment_id  (PxComparison *self,
                                                guint         doc,
                                                guint         segment);

GPtrArray       *px_comparison_get_facts       (PxComparison *self);  /* PxFact* */
GPtrArray       *px_comparison_get_fact_groups (PxComparison *self);  /* PxFactGroup* */
GPtrArray       *px_comparison_get_links       (PxComparison *self);  /* PxLink* */
GPtrArray       *px_comparison_get_claims      (PxComparison *self);  /* PxClaim* */

/* Facts of one document, sorted by start (a view into get_facts()). */
GPtrArray       *px_comparison_get_document_facts (PxComparison *self,
                                                   guint         doc);
/* The links that touch a document (PxLink*, a view into get_links(), in
 * its order). */
GPtrArray       *px_comparison_get_document_links (PxComparison *self,
                                                   guint         doc);
/* Links (PxLink*, borrowed) that touch a segment; newly allocated array. */
GPtrArray       *px_comparison_get_links_for_segment (PxComparison *self,
                                                      guint         doc,
                                                      guint         segment);
/* Index of the claim a segment belongs to, or -1 (boilerplate, empty). */
int              px_comparison_get_claim_for_segment (PxComparison *self,
                                                      guint         doc,
                                                      guint         segment);

typedef struct
{
  guint start, end;   /* byte offsets into the document's text */
} PxByteRange;

/* The parts of a segment that state its claim, in text order (GArray of
 * PxByteRange, owned by the comparison): of a long sentence that bundles
 * several claims, the parts its links join; the rest of it is stated by
 * this source alone. NULL when the whole segment states its claim (its
 * links cover most of it), or when it has none. */
GArray          *px_comparison_get_claim_parts (PxComparison *self,
                                                guint         doc,
                                                guint         segment);

G_END_DECLS
