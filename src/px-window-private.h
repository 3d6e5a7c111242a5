/* px-window-private.h: what the files of the window share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is one type split by concern, as GNOME Text Editor splits
 * its window: px-window.c (columns, selection, sync scroll, the title),
 * px-window-actions.c (every action and key), px-window-search.c (Ctrl+F)
 * and px-window-session.c (opening articles and sessions).
 */
#pragma once

#include "px-window.h"

G_BEGIN_DECLS

struct _PxWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *facts_button;
  GtkWidget            *search_button;
  GtkWidget            *sync_button;
  GtkWidget            *view_button;
  GtkWidget            *primary_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkProgressBar       *progress_bar;
  gint64                progress_shown_at; /* monotonic time the bar last moved */
  GtkButton            *cancel_button;
  AdwFlap              *flap;
  PxSearchBar          *search_bar;
  GtkScrolledWindow    *columns_scroller;
  GtkStack             *sidebar_stack;
  GtkBox               *columns_box;
  PxFactSidebar        *fact_sidebar;

  /* owned */
  GListStore           *sources;          /* PxDocument */
  PxComparison         *comparison;
  GCancellable         *import_cancellable;
  GCancellable         *compare_cancellable;
  GPtrArray            *pending;          /* PxDocument or NULL, one slot per file being imported */
  GPtrArray            *columns;          /* PxSourceView, in source order */
  GPtrArray            *maps;             /* PxLinkMap, between columns i and i + 1 */
  GPtrArray            *matches;          /* GArray of PxTextRange per column, or NULL */
  GSettings            *settings;
  GSimpleActionGroup   *highlight_actions; /* highlight.NAME toggles */
  GtkCssProvider       *font_css;          /* the text size of the font-scale setting */
  PxNotes              *notes;
  GPtrArray            *removals;         /* RemovedSource, until their toast goes */
  GPtrArray            *sync_pairs;       /* GArray of SyncPair per column pair, or NULL */
  GHashTable           *restore_tops;     /* PxDocument → its top sentence + 1, to restore once laid out */
  guint                 n_pending;
  guint                 n_loading;        /* session files being read */
  guint                 removal_serial;
  guint                 removal_guard;    /* × insensitive for a double-click time */
  guint                 generation;       /* of the import batch */
  guint                 highlight_watch;
  guint                 on_screen_idle;   /* maps the columns in view, unmaps the others */
  gint64                opened_at;        /* monotonic time of the last open, for the log */
  PxSourceView         *sync_leader;      /* borrowed: the column the others last followed */
  AdwToast             *feedback_toast;   /* weak: the last short message */
  gint64                synced_at;
  int                   selected_doc;
  int                   selected_segment;
  int                   current_match;    /* among all matches, in column order */
  guint                 show_facts : 1;
  guint                 sync_scroll : 1;
  guint                 show_boilerplate : 1;
  guint                 syncing : 1;
};

/* One import batch: results go to their slot so that columns keep the
 * order in which the files were given, whatever order the workers finish. */
typedef struct
{
  PxWindow *window;
  guint     slot;
  guint     generation;
} ImportJob;


/* A removed column, kept with its notes so that Undo brings both back. */
typedef struct
{
  guint       serial;
  guint       position;
  PxDocument *document;
  GPtrArray  *annotations;    /* PxAnnotation */
} RemovedSource;

/* A session file being read for a window. */
typedef struct
{
  PxWindow *window;
  GFile    *file;
  gboolean  restored;
} SessionJob;

/* The narrowest a column gets when the columns share the window: five
 * sources and the fact sidebar fit at 1280 pixels. */
#define MIN_COLUMN_WIDTH 170

/* px-window.c */
PxSourceView * _px_window_get_column             (PxWindow *self,
                                                  guint     index);
void           _px_window_show_toast             (PxWindow   *self,
                                                  const char *message);
void           _px_window_update_busy            (PxWindow *self);
void           _px_window_update_actions         (PxWindow *self);
void           _px_window_move_to_claim          (PxWindow *self,
                                                  int       direction);
void           _px_window_recompare              (PxWindow *self);
void           _px_window_show_column            (PxWindow *self,
                                                  guint     index);
const char *   _px_window_document_display_title (PxDocument  *document,
                                                  char       **fallback);
void           _px_window_removed_source_free    (gpointer data);
void           _px_window_session_job_free       (SessionJob *job);

/* px-window-actions.c */
void           _px_window_class_init_actions     (GtkWidgetClass *widget_class);
void           _px_window_init_actions      (PxWindow       *self);

/* px-window-search.c */
void           _px_window_update_search          (PxWindow *self);
void           on_search_bar_changed_cb          (PxWindow *self);
void           on_search_bar_next_match_cb       (PxWindow *self);
void           on_search_bar_previous_match_cb   (PxWindow *self);
void           on_search_bar_mode_cb             (PxWindow *self);

/* px-window-session.c */
gboolean       _px_window_is_open                (PxWindow   *self,
                                                  const char *path,
                                                  PxDocument *document);
void           _px_window_show_skipped           (PxWindow   *self,
                                                  const char *name);

G_END_DECLS
