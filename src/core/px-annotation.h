/* px-annotation.h: the user's highlights and notes, anchored to a text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An annotation is anchored as a W3C Web Annotation is: a byte range into the
 * document's normalized text (TextPositionSelector) and the quoted text with
 * a little context on each side (TextQuoteSelector: exact, prefix, suffix).
 * When a source is imported again with small edits, px_annotation_reattach()
 * finds the quote again and says how (or that it could not).
 *
 * Every getter and setter is thread-safe: a worker may read (export, save)
 * while the main loop edits. Strings that can change are returned as copies.
 */
#pragma once

#include <glib-object.h>

#include "px-document.h"

G_BEGIN_DECLS

/* Built-in labels; any other non-empty string is a user-defined label. */
#define PX_LABEL_KEY_CLAIM     "key-claim"
#define PX_LABEL_CONTRADICTION "contradiction"
#define PX_LABEL_CHECK         "check"

/* Characters of context kept on each side of the quote. */
#define PX_ANNOTATION_CONTEXT_CHARS 32

typedef enum
{
  PX_ANCHOR_EXACT,     /* the range still holds the quote */
  PX_ANCHOR_MOVED,     /* the quote was found elsewhere (prefix/suffix, nearest) */
  PX_ANCHOR_FUZZY,     /* a close but edited copy of the quote was found */
  PX_ANCHOR_ORPHANED,  /* not found: the range and quote are the old ones */
} PxAnchorStatus;

#define PX_TYPE_ANNOTATION (px_annotation_get_type ())

G_DECLARE_FINAL_TYPE (PxAnnotation, px_annotation, PX, ANNOTATION, GObject)

/* A new annotation on bytes [start, end) of @document (a non-empty range on
 * character boundaries); @label is a built-in or user-defined label. */
PxAnnotation   *px_annotation_new               (PxDocument     *document,
                                                 guint           start,
                                                 guint           end,
                                                 const char     *label);
/* From stored selectors (sessions): no document is needed. */
PxAnnotation   *px_annotation_new_from_selectors (const char    *id,
                                                  const char    *document_id,
                                                  guint          start,
                                                  guint          end,
                                                  const char    *exact,
                                                  const char    *prefix,
                                                  const char    *suffix,
                                                  const char    *label);

const char     *px_annotation_get_id            (PxAnnotation   *self);
char           *px_annotation_dup_document_id   (PxAnnotation   *self);
void            px_annotation_get_range         (PxAnnotation   *self,
                                                 guint          *start,
                                                 guint          *end);
guint           px_annotation_get_start         (PxAnnotation   *self);
guint           px_annotation_get_end           (PxAnnotation   *self);
char           *px_annotation_dup_exact         (PxAnnotation   *self);
char           *px_annotation_dup_prefix        (PxAnnotation   *self);
char           *px_annotation_dup_suffix        (PxAnnotation   *self);
PxAnchorStatus  px_annotation_get_anchor_status (PxAnnotation   *self);
/* Whether the annotation's range holds its quote in @document. */
gboolean        px_annotation_is_attached_to    (PxAnnotation   *self,
                                                 PxDocument     *document);

char           *px_annotation_dup_label         (PxAnnotation   *self);
void            px_annotation_set_label         (PxAnnotation   *self,
                                                 const char     *label);
/* "#rrggbb" for a user-defined label, or NULL (built-in colours). */
char           *px_annotation_dup_color         (PxAnnotation   *self);
void            px_annotation_set_color         (PxAnnotation   *self,
                                                 const char     *color);
char           *px_annotation_dup_note          (PxAnnotation   *self);
void            px_annotation_set_note          (PxAnnotation   *self,
                                                 const char     *note);
/* Unix time in seconds (UTC). Setters of label, colour and note update
 * modified; set_times is for readers of stored annotations. */
gint64          px_annotation_get_created       (PxAnnotation   *self);
gint64          px_annotation_get_modified      (PxAnnotation   *self);
void            px_annotation_set_times         (PxAnnotation   *self,
                                                 gint64          created,
                                                 gint64          modified);
void            px_annotation_set_anchor_status (PxAnnotation   *self,
                                                 PxAnchorStatus  status);

/* Re-anchors the annotation in @document (a re-imported, maybe edited copy
 * of its source): the exact range, else the quote (context and nearness to
 * the old offset decide between copies), else a close match, else
 * orphaned. On success the range, quote and document id are updated. */
PxAnchorStatus  px_annotation_reattach          (PxAnnotation   *self,
                                                 PxDocument     *document);
/* The work one re-attachment may do, and the work re-attaching all the
 * annotations of a session load or a re-import shares: under a second.
 * Counted in cells of the edit-distance table and bytes compared (a byte
 * skipped by the quote search is an eighth); the fuzzy search covers
 * 8 KiB on each side of the old range. */
#define PX_ANNOTATION_REATTACH_WORK (G_GUINT64_CONSTANT (1) << 28)
/* The same, charging the work to *@work: once it is spent, annotations
 * that do not hold their range are orphaned without a search (their range
 * and quote are kept, and the next attempt searches again). */
PxAnchorStatus  px_annotation_reattach_within   (PxAnnotation   *self,
                                                 PxDocument     *document,
                                                 guint64        *work);

const char     *px_anchor_status_to_string      (PxAnchorStatus  status);
gboolean        px_anchor_status_from_string    (const char     *str,
                                                 PxAnchorStatus *status);
gboolean        px_label_is_builtin             (const char     *label);
/* "Key claim", "Contradiction", "Check", or the label itself. */
const char     *px_label_get_display_name       (const char     *label);
/* The colour of a built-in label ("#rrggbb"), or NULL. */
const char     *px_label_get_builtin_color      (const char     *label);
/* TRUE for "#rrggbb" (six hex digits). */
gboolean        px_color_is_valid               (const char     *color);

G_END_DECLS
