/* px-notes.h: the reader's highlights and notes, sessions and the report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "parallax-core.h"

G_BEGIN_DECLS

typedef struct _PxWindow PxWindow;

#define PX_TYPE_NOTES (px_notes_get_type ())

G_DECLARE_FINAL_TYPE (PxNotes, px_notes, PX, NOTES, GObject)

/* Keeps a session (the window's sources and the user's annotations) and
 * gives the window the "notes" actions: add (Ctrl+M), edit, remove, jump,
 * export (Ctrl+E), save (Ctrl+S), save-as (Ctrl+Shift+S). */
PxNotes    *px_notes_new              (PxWindow     *window);
PxSession  *px_notes_get_session      (PxNotes      *self);
/* The sidebar page listing the annotations. */
GtkWidget  *px_notes_create_list      (PxNotes      *self);
/* TRUE when annotations changed since the session was last saved. */
gboolean    px_notes_get_unsaved      (PxNotes      *self);
/* Annotates the range of @doc (column index) with @label and @note. */
PxAnnotation *px_notes_add            (PxNotes      *self,
                                       guint         doc,
                                       guint         start,
                                       guint         end,
                                       const char   *label,
                                       const char   *note);
/* The recovery file unsaved highlights are written to a few seconds after
 * each change ($XDG_STATE_HOME/parallax/recovery.parallax); a window offers
 * to restore it when it is there at start. */
GFile      *px_notes_get_recovery_file (void);
/* Saves the session to @file in the background (Save As without a dialog). */
void        px_notes_save_to          (PxNotes      *self,
                                       GFile        *file);
/* Writes the recovery file now (tests, and before a risky step). */
void        px_notes_autosave_now     (PxNotes      *self);
/* Applies the annotation highlights to the columns again. */
void        px_notes_refresh          (PxNotes      *self);
/* Takes the annotations of @session for the documents the window shows
 * (after the window loaded the session's sources). A @restored session
 * (the recovery file) is not tied to @file and counts as unsaved. */
void        px_notes_adopt_session    (PxNotes      *self,
                                       PxSession    *session,
                                       GFile        *file,
                                       gboolean      restored);
/* (element-type PxAnnotation) (transfer container): the annotations on
 * @document, kept by the window when it removes that source. */
GPtrArray  *px_notes_dup_annotations_for (PxNotes    *self,
                                          PxDocument *document);
/* Puts back @annotations (of px_notes_dup_annotations_for()) once their
 * source is among the window's sources again. */
void        px_notes_restore_annotations (PxNotes   *self,
                                          GPtrArray *annotations);
/* A file name for what is saved or exported from this reading: the
 * session's name, else the first source's title, made safe, with
 * @extension (".html"). */
char       *px_notes_suggest_name     (PxNotes      *self,
                                       const char   *extension);
/* Enables save, export and add only when they can run. */
void        px_notes_update_actions   (PxNotes      *self);
/* The file the session was last saved to or opened from, or NULL. */
GFile      *px_notes_get_file         (PxNotes      *self);

G_END_DECLS
