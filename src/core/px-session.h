/* px-session.h: a reading session — sources, annotations, view settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session embeds its sources (text and metadata), so a `.parallax` file is
 * self-contained; the format is in docs/session-format.md. A PxSession is
 * edited on one thread (the main loop); save_async() snapshots it, so the
 * session may change while a save runs. Its "changed" signal tells that
 * what a save would write is different now: a source, the columns, a
 * setting, or an annotation (added, removed, or its label, colour, note or
 * anchor) changed.
 */
#pragma once

#include <gio/gio.h>

#include "px-annotation.h"
#include "px-document.h"

G_BEGIN_DECLS

/* Session files larger than this are refused (PX_ERROR_TOO_LARGE). */
#define PX_SESSION_MAX_BYTES  (256 * 1024 * 1024)
/* Elements nested deeper than this are refused (PX_ERROR_HOSTILE). */
#define PX_SESSION_MAX_DEPTH  16
#define PX_SESSION_VERSION    1
#define PX_SESSION_MIME_TYPE  "application/x-parallax-session+xml"

#define PX_TYPE_SESSION (px_session_get_type ())

G_DECLARE_FINAL_TYPE (PxSession, px_session, PX, SESSION, GObject)

PxSession    *px_session_new                      (void);

/* Sources, in the order they were added (the order of their ids in the
 * file); the column order is separate. */
guint         px_session_get_n_documents          (PxSession     *self);
PxDocument   *px_session_get_document             (PxSession     *self,
                                                   guint          index);
/* (element-type PxDocument) (transfer none) */
GPtrArray    *px_session_get_documents            (PxSession     *self);
void          px_session_add_document             (PxSession     *self,
                                                   PxDocument    *document);
/* Removes a source, its annotations and its column. */
void          px_session_remove_document          (PxSession     *self,
                                                   guint          index);
/* Puts @document in the place of source @index (a re-imported file):
 * re-attaches that source's annotations, and returns how many of them are
 * orphaned now. */
guint         px_session_replace_document         (PxSession     *self,
                                                   guint          index,
                                                   PxDocument    *document);

/* Annotations the load, or the last replace_document(), left orphaned
 * without a search (re-attaching shares PX_ANNOTATION_REATTACH_WORK), and a
 * sentence saying so for the reader (NULL when there are none). */
guint         px_session_get_n_unsearched_annotations (PxSession *self);
char         *px_session_dup_unsearched_message   (PxSession     *self);

/* Columns: indices into the sources, left to right; every source once. */
const guint  *px_session_get_column_order         (PxSession     *self,
                                                   guint         *n_columns);
gboolean      px_session_set_column_order         (PxSession     *self,
                                                   const guint   *order,
                                                   guint          n_columns);
/* (element-type PxDocument) (transfer container): documents in column order. */
GPtrArray    *px_session_dup_documents_in_columns (PxSession     *self);

/* (element-type PxAnnotation) (transfer none) */
GPtrArray    *px_session_get_annotations          (PxSession     *self);
/* (element-type PxAnnotation) (transfer container): of one source. */
GPtrArray    *px_session_dup_annotations_for_document (PxSession  *self,
                                                       guint       index);
/* (transfer none): the same annotations as a GListModel (for the
 * annotations sidebar); it follows every change. */
GListModel   *px_session_get_annotation_model     (PxSession     *self);
/* The annotation must lie on one of the session's documents. */
void          px_session_add_annotation           (PxSession     *self,
                                                   PxAnnotation  *annotation);
gboolean      px_session_remove_annotation        (PxSession     *self,
                                                   PxAnnotation  *annotation);
PxAnnotation *px_session_find_annotation          (PxSession     *self,
                                                   const char    *id);

/* View settings: a small list of string keys and values (the window's). */
const char   *px_session_get_setting              (PxSession     *self,
                                                   const char    *key);
/* @value NULL removes the key. */
void          px_session_set_setting              (PxSession     *self,
                                                   const char    *key,
                                                   const char    *value);
/* (transfer full): sorted keys. */
GStrv         px_session_dup_setting_keys         (PxSession     *self);

/* The file format, as bytes; the same session gives the same bytes. */
GBytes       *px_session_to_bytes                 (PxSession     *self);
PxSession    *px_session_new_from_bytes           (GBytes        *bytes,
                                                   const char    *origin,
                                                   GError       **error);

/* Atomic: the file is either the old one or the new one, even when the
 * process is killed during the write. */
gboolean      px_session_save                     (PxSession     *self,
                                                   GFile         *file,
                                                   GCancellable  *cancellable,
                                                   GError       **error);
void          px_session_save_async               (PxSession     *self,
                                                   GFile         *file,
                                                   int            io_priority,
                                                   GCancellable  *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer       user_data);
gboolean      px_session_save_finish              (PxSession     *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);

PxSession    *px_session_load                     (GFile         *file,
                                                   GCancellable  *cancellable,
                                                   GError       **error);
void          px_session_load_async               (GFile         *file,
                                                   int            io_priority,
                                                   GCancellable  *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer       user_data);
PxSession    *px_session_load_finish              (GAsyncResult  *result,
                                                   GError       **error);

/* By name and, when @data is given, by content (the root element). */
gboolean      px_session_is_session_file          (const char    *path,
                                                   const char    *data,
                                                   gsize          length);

G_END_DECLS
