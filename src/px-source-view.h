/* px-source-view.h: one column, one source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "parallax-core.h"

G_BEGIN_DECLS

#define PX_TYPE_SOURCE_VIEW (px_source_view_get_type ())

G_DECLARE_FINAL_TYPE (PxSourceView, px_source_view, PX, SOURCE_VIEW, GtkWidget)

/* A search match: a byte range in the document text. */
typedef struct
{
  guint start;
  guint end;
} PxTextRange;

PxSourceView  *px_source_view_new                   (PxDocument    *document,
                                                     guint          index);
PxDocument    *px_source_view_get_document          (PxSourceView  *self);
/* The column's position, which is also the document's index in the comparison. */
guint          px_source_view_get_index             (PxSourceView  *self);
GtkTextView   *px_source_view_get_text_view         (PxSourceView  *self);
/* The column's text, with its highlights and the reader's selection: the
 * text view shows it once the column has been mapped, not before. */
GtkTextBuffer *px_source_view_get_buffer            (PxSourceView  *self);
GtkAdjustment *px_source_view_get_vadjustment       (PxSourceView  *self);

/* Tags the text from @comparison in idle slices, the visible part first;
 * NULL removes every highlight. */
void           px_source_view_set_comparison        (PxSourceView  *self,
                                                     PxComparison  *comparison);
/* TRUE while highlights are still being applied. */
gboolean       px_source_view_get_highlights_pending (PxSourceView *self);
/* A mapped column shows its text once nothing more urgent is left to do,
 * one column at a time; this shows it now (a column in the window's view). */
void           px_source_view_show_text              (PxSourceView *self);
gboolean       px_source_view_get_shows_text         (PxSourceView *self);

void           px_source_view_set_show_boilerplate  (PxSourceView  *self,
                                                     gboolean       show);
/* The names of the "highlight-kinds" setting, in the order the window
 * lists them (shared, partial, differs, unique, facts, word-diff);
 * NULL-terminated. */
const char * const *px_source_view_get_highlight_names (void);
/* Which highlights show: a list of those names. */
void           px_source_view_set_highlight_kinds   (PxSourceView       *self,
                                                     const char * const *kinds);
void           px_source_view_set_dark              (PxSourceView  *self,
                                                     gboolean       dark);

/* The selected sentence (-1 for none) and the lit counterparts of a
 * sentence selected in another column. */
void           px_source_view_set_selected_segment  (PxSourceView  *self,
                                                     int            segment);
int            px_source_view_get_selected_segment  (PxSourceView  *self);
void           px_source_view_set_lit_segments      (PxSourceView  *self,
                                                     const guint   *segments,
                                                     guint          n_segments);
gboolean       px_source_view_segment_is_lit        (PxSourceView  *self,
                                                     guint          segment);
/* The sentence under the pointer, lit lightly in the other columns. */
void           px_source_view_set_hover_segments    (PxSourceView  *self,
                                                     const guint   *segments,
                                                     guint          n_segments);

/* Between the selected sentence and its counterparts (PxTextRange, byte
 * ranges; NULL clears): the words that differ, the words that say the
 * same in other words, and the parts of the sentences that state the
 * shared claim. */
void           px_source_view_set_pair_diffs        (PxSourceView  *self,
                                                     GArray        *ranges,
                                                     GArray        *equivalent,
                                                     GArray        *parts);

/* Geometry, in the coordinates of @relative_to (any widget of the window);
 * FALSE for a segment not shown (hidden clutter). */
gboolean       px_source_view_get_segment_area      (PxSourceView  *self,
                                                     guint          segment,
                                                     GtkWidget     *relative_to,
                                                     double        *y,
                                                     double        *height);
/* The lines of bytes [@start, @end) of @segment (the whole segment when
 * @start == @end), as px_source_view_get_segment_area (). */
gboolean       px_source_view_get_part_area         (PxSourceView  *self,
                                                     guint          segment,
                                                     guint          start,
                                                     guint          end,
                                                     GtkWidget     *relative_to,
                                                     double        *y,
                                                     double        *height);
/* Where the top of the text's buffer is now (it moves as the text
 * scrolls), in the coordinates of @relative_to: areas measured once keep
 * their place in the buffer. */
gboolean       px_source_view_get_text_origin        (PxSourceView *self,
                                                      GtkWidget    *relative_to,
                                                      double       *y);
/* The lines @segment spans, from the view's cache of line heights
 * (estimates where no line is laid out yet): cheap, for a segment out of
 * view that only gives a direction. */
gboolean       px_source_view_get_rough_segment_area (PxSourceView *self,
                                                      guint         segment,
                                                      GtkWidget    *relative_to,
                                                      double       *y,
                                                      double       *height);
/* The first and last segment at least partly visible; FALSE if none. */
gboolean       px_source_view_get_visible_segments  (PxSourceView  *self,
                                                     guint         *first,
                                                     guint         *last);
/* The segment at a height of the visible area, or -1. */
int            px_source_view_get_segment_at_y      (PxSourceView  *self,
                                                     GtkWidget     *relative_to,
                                                     double         y);
/* Scrolls so that @segment's top sits @y pixels below the top of the
 * visible area, or, with @y < 0, into the upper third if it is not
 * visible; corrected once the view has laid out the lines it scrolled to. */
void           px_source_view_scroll_to_segment     (PxSourceView  *self,
                                                     guint          segment,
                                                     double         y);
/* Buffer pixels: the top of @segment, and of the visible area; setting
 * the latter scrolls there at once (sync scroll). */
gboolean       px_source_view_get_segment_top       (PxSourceView  *self,
                                                     guint          segment,
                                                     double        *y);
double         px_source_view_get_visible_top       (PxSourceView  *self);
void           px_source_view_set_visible_top       (PxSourceView  *self,
                                                     double         y);
void           px_source_view_scroll_to_range       (PxSourceView  *self,
                                                     guint          start,
                                                     guint          end);
/* Marks a byte range (the facts of the group the reader picked in the
 * sidebar) until px_source_view_clear_flash (). */
void           px_source_view_flash_range           (PxSourceView  *self,
                                                     guint          start,
                                                     guint          end);
void           px_source_view_clear_flash           (PxSourceView  *self);

/* Search matches (PxTextRange, byte ranges); @current is an index into
 * @matches or -1. */
void           px_source_view_set_matches           (PxSourceView  *self,
                                                     GArray        *matches,
                                                     int            current);

/* The tooltip of @button goes while its popover is open (GTK 4.8 keeps
 * it over the menu). */
void           px_menu_button_hide_tooltip_when_open (GtkMenuButton *button);

G_END_DECLS
