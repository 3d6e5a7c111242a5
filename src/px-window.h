/* px-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "parallax-core.h"
#include "px-fact-sidebar.h"
#include "px-link-map.h"
#include "px-notes.h"
#include "px-search-bar.h"
#include "px-source-view.h"

G_BEGIN_DECLS

#define PX_TYPE_WINDOW (px_window_get_type ())

G_DECLARE_FINAL_TYPE (PxWindow, px_window, PX, WINDOW, AdwApplicationWindow)

PxWindow      *px_window_new                    (GtkApplication *application);
/* Imports @files (GFile*) in workers and adds them as sources; a file
 * already open is skipped, and .parallax sessions open as sessions
 * (px_window_open_session()). */
void           px_window_open_files             (PxWindow       *self,
                                                 GFile         **files,
                                                 guint           n_files);
/* Opens a .parallax session as itself: in this window while it has no
 * sources, else in a new window. A @restored session (the recovery file)
 * is not tied to @file. */
void           px_window_open_session           (PxWindow       *self,
                                                 GFile          *file,
                                                 gboolean        restored);
/* Stops the imports and the comparison under way. */
void           px_window_cancel                 (PxWindow       *self);
/* The sources, a GListModel of PxDocument, in column order. */
GListModel    *px_window_get_sources            (PxWindow       *self);
/* The latest comparison of the sources, or NULL while none is ready. */
PxComparison  *px_window_get_comparison         (PxWindow       *self);
/* TRUE while imports or the comparison are running. */
gboolean       px_window_get_busy               (PxWindow       *self);
/* TRUE while columns are still applying highlights. */
gboolean       px_window_get_highlights_pending (PxWindow       *self);

/* The columns (one per source, in order) and the link maps between
 * columns @index and @index + 1. */
guint          px_window_get_n_columns          (PxWindow       *self);
PxSourceView  *px_window_get_column             (PxWindow       *self,
                                                 guint           index);
PxLinkMap     *px_window_get_link_map           (PxWindow       *self,
                                                 guint           index);

/* Selects a sentence as a click would: its counterparts light up. */
void           px_window_select_segment         (PxWindow       *self,
                                                 guint           doc,
                                                 guint           segment);
gboolean       px_window_get_selection          (PxWindow       *self,
                                                 guint          *doc,
                                                 guint          *segment);

PxSearchBar   *px_window_get_search_bar         (PxWindow       *self);
/* The current search match (its index among all, or -1), its column and
 * its start byte. */
int            px_window_get_current_match      (PxWindow       *self,
                                                 guint          *column,
                                                 guint          *start);
PxFactSidebar *px_window_get_fact_sidebar       (PxWindow       *self);
/* Shows @toast (transfer full) over the columns. */
void           px_window_add_toast              (PxWindow       *self,
                                                 AdwToast       *toast);
/* The reader's highlights and notes, and the session they are saved in. */
PxNotes       *px_window_get_notes              (PxWindow       *self);

G_END_DECLS
