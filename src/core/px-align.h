/* px-align.h: links between segments that state the same claim, and claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "px-document.h"

G_BEGIN_DECLS

typedef enum
{
  PX_RELATION_SAME,        /* near-identical wording */
  PX_RELATION_PARAPHRASE,  /* same claim, other words */
  PX_RELATION_DIFFERS,     /* same claim, a detail differs */
  PX_RELATION_RELATED,     /* same topic, not the same claim: never shown as a match */
} PxRelation;

typedef enum
{
  PX_DIFF_EQUAL,
  PX_DIFF_SUBSTITUTE,
  PX_DIFF_INSERT,          /* only in b: a_start == a_end */
  PX_DIFF_DELETE,          /* only in a: b_start == b_end */
  PX_DIFF_EQUIVALENT,      /* other words the engine counts as the same: "invested" / "involved" */
  PX_DIFF_MOVED,           /* the same words elsewhere: a_* where a has them, b_* where b has them */
} PxDiffOp;

typedef struct
{
  PxDiffOp op;
  guint    a_start, a_end; /* byte offsets into document a's text */
  guint    b_start, b_end; /* byte offsets into document b's text */
} PxDiffChunk;

typedef struct
{
  guint  doc;
  guint  segment;
} PxSegmentRef;

typedef struct
{
  PxSegmentRef a;          /* a.doc < b.doc */
  PxSegmentRef b;
  double       score;      /* [0, 1] */
  /* the part of each segment that states the claim they share (byte
   * offsets into each document's text; the whole segments when the
   * whole segments match) */
  guint        a_start, a_end;
  guint        b_start, b_end;
  PxRelation   relation;
  GArray      *diff;       /* PxDiffChunk, in text order; NULL for related links */
} PxLink;

typedef enum
{
  PX_CLAIM_SHARED,         /* stated by every source */
  PX_CLAIM_PARTIAL,        /* stated by several, not all */
  PX_CLAIM_DIFFERS,        /* stated by several, with a differing detail */
  PX_CLAIM_UNIQUE,         /* only one source states it */
} PxClaimStatus;

typedef struct
{
  GArray        *segments;   /* PxSegmentRef, sorted by (doc, segment) */
  guint          n_sources;  /* distinct documents */
  PxClaimStatus  status;
} PxClaim;

/* How readily sentences worded differently are linked: LOW links only
 * close rewordings, HIGH also looser paraphrases. */
typedef enum
{
  PX_SENSITIVITY_LOW,
  PX_SENSITIVITY_MEDIUM,
  PX_SENSITIVITY_HIGH,
} PxSensitivity;

/* "low", "medium", "high"; FALSE for anything else. */
gboolean    px_sensitivity_from_string (const char    *str,
                                        PxSensitivity *sensitivity);

/* Called from the worker thread; fraction in [0, 1]. */
typedef void (*PxProgressFunc) (double fraction, gpointer user_data);

const char *px_relation_to_string     (PxRelation     relation);
const char *px_diff_op_to_string      (PxDiffOp       op);
/* Whether a chunk of that op is a difference a reader must see: another
 * word, an added or a dropped one (not equal, equivalent or moved words). */
gboolean    px_diff_op_is_change      (PxDiffOp       op);
const char *px_claim_status_to_string (PxClaimStatus  status);

void        px_link_free              (PxLink        *link);
void        px_claim_free             (PxClaim       *claim);

/* The link score the engine gives a pair of segments on their own (no
 * context, no IDF of a compared set beyond the built-in background). */
double      px_align_similarity       (PxDocument    *a,
                                       guint          a_segment,
                                       PxDocument    *b,
                                       guint          b_segment);

/* The same for two whole documents (one sentence each, say): what
 * `parallax-cli similarity` prints. */
double      px_align_document_similarity (PxDocument *a,
                                          PxDocument *b);

/* Links (PxLink*) across every pair of @documents; @facts is one
 * GPtrArray of PxFact* per document (may be NULL). Thread-safe; returns
 * NULL when cancelled. */
GPtrArray  *px_align_documents        (GPtrArray     *documents,
                                       GPtrArray     *facts,
                                       GCancellable  *cancellable,
                                       PxProgressFunc progress,
                                       gpointer       progress_data);
/* The same at a given sensitivity (px_align_documents is MEDIUM). */
GPtrArray  *px_align_documents_full   (GPtrArray     *documents,
                                       GPtrArray     *facts,
                                       PxSensitivity  sensitivity,
                                       GCancellable  *cancellable,
                                       PxProgressFunc progress,
                                       gpointer       progress_data);
/* Claims (PxClaim*) from links: clusters of linked segments, plus one
 * unique claim for each content segment with no link. */
GPtrArray  *px_align_build_claims     (GPtrArray     *documents,
                                       GPtrArray     *links);

G_END_DECLS
