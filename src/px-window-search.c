/* px-window-search.c: Ctrl+F across every column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bar edits the query; the window finds the matches in each column,
 * moves to one as the reader types and steps through them.
 */
#define G_LOG_DOMAIN "px-window"

#include "config.h"

#include <glib/gi18n.h>

#include "px-window-private.h"

/* Search */

static void
_px_window_show_current_match (PxWindow *self,
                    gboolean  scroll)
{
  int remaining = self->current_match;
  g_autofree guint *counts = g_new0 (guint, self->columns->len + 1);

  for (guint i = 0; i < self->columns->len; i++)
    {
      GArray *matches = g_ptr_array_index (self->matches, i);
      guint n = matches != NULL ? matches->len : 0;
      int local = remaining >= 0 && remaining < (int)n ? remaining : -1;

      counts[i] = n;
      px_source_view_set_matches (_px_window_get_column (self, i), matches, local);
      if (local >= 0 && scroll)
        {
          const PxTextRange *range = &g_array_index (matches, PxTextRange, local);

          /* in a column out of view too */
          _px_window_show_column (self, i);
          px_source_view_scroll_to_range (_px_window_get_column (self, i), range->start, range->end);
        }
      if (remaining >= 0)
        remaining -= n;
    }
  px_search_bar_set_results (self->search_bar, counts, self->columns->len, self->current_match, NULL);
}

void
_px_window_update_search (PxWindow *self)
{
  const char *text = px_search_bar_get_text (self->search_bar);
  PxSearchFlags flags = px_search_bar_get_flags (self->search_bar);
  gboolean active = px_search_bar_get_search_mode (self->search_bar) && *text != '\0';

  self->current_match = -1;
  for (guint i = 0; i < self->columns->len; i++)
    {
      PxDocument *document = px_source_view_get_document (_px_window_get_column (self, i));
      g_autoptr(GError) error = NULL;
      GArray *matches = NULL;

      if (active)
        {
          gsize length;
          const char *doc_text = px_document_get_text (document, &length);

          matches = px_search_text (doc_text, length, text, flags, &error);
          if (matches == NULL)
            {
              px_search_bar_set_results (self->search_bar, NULL, 0, -1, error->message);
              for (guint j = 0; j < self->columns->len; j++)
                {
                  g_clear_pointer (&g_ptr_array_index (self->matches, j), g_array_unref);
                  px_source_view_set_matches (_px_window_get_column (self, j), NULL, -1);
                }
              return;
            }
        }
      g_clear_pointer (&g_ptr_array_index (self->matches, i), g_array_unref);
      g_ptr_array_index (self->matches, i) = matches;
    }
  _px_window_show_current_match (self, FALSE);
}

static guint
_px_window_total_matches (PxWindow *self)
{
  guint total = 0;

  for (guint i = 0; i < self->matches->len; i++)
    {
      GArray *matches = g_ptr_array_index (self->matches, i);

      total += matches != NULL ? matches->len : 0;
    }
  return total;
}

static void
_px_window_step_match (PxWindow *self,
            int       direction)
{
  guint total = _px_window_total_matches (self);
  gboolean wrapped = FALSE;

  if (total == 0)
    return;
  if (self->current_match < 0)
    self->current_match = direction > 0 ? 0 : (int)total - 1;
  else
    {
      int next = self->current_match + direction;

      wrapped = next < 0 || next >= (int)total;
      self->current_match = (next + (int)total) % (int)total;
    }
  _px_window_show_current_match (self, TRUE);
  if (wrapped)
    px_search_bar_show_wrapped (self->search_bar, direction > 0);
}

/* Where the reader is: the first match at or after the top of the column
 * they were in (the selected sentence's, else the first), then in the
 * columns after it, then from the start. */
static int
first_match_from_reading_place (PxWindow *self)
{
  guint origin = self->selected_doc >= 0 && (guint)self->selected_doc < self->columns->len ? self->selected_doc : 0;
  guint before = 0;
  guint total = _px_window_total_matches (self);

  for (guint i = 0; i < origin; i++)
    {
      GArray *matches = g_ptr_array_index (self->matches, i);

      before += matches != NULL ? matches->len : 0;
    }
  for (guint k = 0; k < self->columns->len; k++)
    {
      guint i = (origin + k) % self->columns->len;
      GArray *matches = g_ptr_array_index (self->matches, i);
      guint from = 0, first, last;

      if (i == 0 && k > 0)
        before = 0;
      if (k == 0 && px_source_view_get_visible_segments (_px_window_get_column (self, i), &first, &last))
        from = px_document_get_segment (px_source_view_get_document (_px_window_get_column (self, i)), first)->start;
      for (guint m = 0; matches != NULL && m < matches->len; m++)
        if (g_array_index (matches, PxTextRange, m).start >= from)
          return (before + m) % MAX (total, 1);
      before += matches != NULL ? matches->len : 0;
    }
  return total > 0 ? 0 : -1;
}

/* The view moves to a match as the query is typed, not only on Enter. */
void
on_search_bar_changed_cb (PxWindow *self)
{
  _px_window_update_search (self);
  if (_px_window_total_matches (self) > 0)
    {
      self->current_match = first_match_from_reading_place (self);
      _px_window_show_current_match (self, TRUE);
    }
}

void
on_search_bar_next_match_cb (PxWindow *self)
{
  _px_window_step_match (self, 1);
}

void
on_search_bar_previous_match_cb (PxWindow *self)
{
  _px_window_step_match (self, -1);
}

void
on_search_bar_mode_cb (PxWindow *self)
{
  /* Back to the text the reader was in. */
  if (!px_search_bar_get_search_mode (self->search_bar) && self->selected_doc >= 0)
    gtk_widget_grab_focus (GTK_WIDGET (px_source_view_get_text_view (_px_window_get_column (self, self->selected_doc))));
}

int
px_window_get_current_match (PxWindow *self,
                             guint    *column,
                             guint    *start)
{
  int remaining;

  g_return_val_if_fail (PX_IS_WINDOW (self), -1);

  remaining = self->current_match;
  for (guint i = 0; remaining >= 0 && i < self->matches->len; i++)
    {
      GArray *matches = g_ptr_array_index (self->matches, i);
      guint n = matches != NULL ? matches->len : 0;

      if (remaining < (int)n)
        {
          if (column != NULL)
            *column = i;
          if (start != NULL)
            *start = g_array_index (matches, PxTextRange, remaining).start;
          return self->current_match;
        }
      remaining -= n;
    }
  return -1;
}
