/* px-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reading window: one column per source, link maps between adjacent
 * columns, the fact sidebar (F9) and the search bar (Ctrl+F). Imports and
 * the comparison run in workers; the columns show the text as soon as the
 * files are read and the highlights once the comparison is in. This file
 * builds the columns and follows the selection and sync scroll; the
 * actions, search and opening files live beside it (px-window-private.h).
 */
#define G_LOG_DOMAIN "px-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "px-application.h"
#include "px-fact-sidebar.h"
#include "px-link-map.h"
#include "px-preferences-window.h"
#include "px-search-bar.h"
#include "px-source-view.h"
#include "px-window-private.h"

enum {
  PROP_0,
  PROP_SHOW_FACTS,
  PROP_SYNC_SCROLL,
  PROP_SHOW_BOILERPLATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PxWindow, px_window, ADW_TYPE_APPLICATION_WINDOW)

static void restore_tops (PxWindow *self);



/* Slots of files that failed stay NULL. */
static void
_px_window_pending_slot_free (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

void
_px_window_removed_source_free (gpointer data)
{
  RemovedSource *removed = data;

  g_clear_object (&removed->document);
  g_clear_pointer (&removed->annotations, g_ptr_array_unref);
  g_free (removed);
}

void
_px_window_session_job_free (SessionJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->file);
  g_free (job);
}

static void
matches_free (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

/* @message is plain text (a file name or an address may hold "&"): a
 * toast's title is markup. */
void
_px_window_show_toast (PxWindow   *self,
            const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
_px_window_document_display_title (PxDocument *document,
                        char      **fallback)
{
  const char *title = px_document_get_title (document);
  const char *origin = px_document_get_origin (document);

  if (title != NULL && *title != '\0')
    return title;
  *fallback = origin != NULL ? g_path_get_basename (origin) : g_strdup (_("Untitled"));
  return *fallback;
}

PxSourceView *
_px_window_get_column (PxWindow *self,
            guint     index)
{
  return index < self->columns->len ? g_ptr_array_index (self->columns, index) : NULL;
}

void
_px_window_update_busy (PxWindow *self)
{
  gboolean busy = px_window_get_busy (self);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel", busy);
  _px_window_update_actions (self);
}

static void
_px_window_update_title (PxWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  g_autofree char *subtitle = NULL;

  if (n == 0)
    subtitle = g_strdup ("");
  else if (self->comparison != NULL)
    {
      GPtrArray *claims = px_comparison_get_claims (self->comparison);
      guint shared = 0;

      for (guint i = 0; i < claims->len; i++)
        if (((PxClaim *)g_ptr_array_index (claims, i))->n_sources > 1)
          shared++;
      {
        g_autofree char *n_sources = g_strdup_printf (ngettext ("%u source", "%u sources", n), n);
        g_autofree char *n_shared = g_strdup_printf (ngettext ("%u claim in more than one",
                                                               "%u claims in more than one", shared),
                                                     shared);

        /* Translators: "5 sources · 12 claims in more than one" */
        subtitle = g_strdup_printf (_("%s · %s"), n_sources, n_shared);
      }
    }
  else
    subtitle = g_strdup_printf (ngettext ("%u source", "%u sources", n), n);

  adw_window_title_set_subtitle (self->window_title, subtitle);
  {
    /* the session's name, and a dot while what a save would write is not saved */
    GFile *file = self->notes != NULL ? px_notes_get_file (self->notes) : NULL;
    gboolean unsaved = self->notes != NULL && px_notes_get_unsaved (self->notes) &&
                       (file != NULL || px_session_get_annotations (px_notes_get_session (self->notes))->len > 0);
    g_autofree char *name = NULL;
    g_autofree char *shown = NULL;
    g_autofree char *title = NULL;

    if (file != NULL)
      {
        char *dot;

        name = g_file_get_basename (file);
        dot = g_str_has_suffix (name, ".parallax") ? strrchr (name, '.') : NULL;
        if (dot != NULL && dot != name)
          *dot = '\0';
      }
    else
      name = g_strdup (_("Parallax"));
    /* Translators: the window title with unsaved changes: "• Reading" */
    shown = unsaved ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
    adw_window_title_set_title (self->window_title, shown);
    /* Translators: the title in the task switcher: "• Reading — Parallax" */
    title = file != NULL ? g_strdup_printf (_("%s — Parallax"), shown) : g_strdup (shown);
    gtk_window_set_title (GTK_WINDOW (self), title);
  }
  /* The columns come at once: a crossfade would draw the whole window
   * twice a frame, through a group each (software rendering: 25-45 ms a
   * frame), while they are laid out for the first time. */
  gtk_stack_set_visible_child_full (self->stack, n == 0 ? "empty" : "sources",
                                    n == 0 ? GTK_STACK_TRANSITION_TYPE_CROSSFADE : GTK_STACK_TRANSITION_TYPE_NONE);
  /* Nothing to find, sync or list before there are sources. */
  gtk_widget_set_visible (self->facts_button, n > 0);
  gtk_widget_set_visible (self->search_button, n > 0);
  gtk_widget_set_visible (self->sync_button, n > 0);
  gtk_widget_set_visible (self->view_button, n > 0);
}

/* What can run now: nothing that needs sources before there are any, no
 * second removal while the columns are still moving under the pointer. */
void
_px_window_update_actions (PxWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n = self->sources != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->sources)) : 0;
  gboolean settled = self->compare_cancellable == NULL && self->n_pending == 0 && self->removal_guard == 0;

  gtk_widget_action_set_enabled (widget, "win.remove-source", n > 0 && settled);
  gtk_widget_action_set_enabled (widget, "win.next-claim", n > 0 && self->comparison != NULL);
  gtk_widget_action_set_enabled (widget, "win.previous-claim", n > 0 && self->comparison != NULL);
  gtk_widget_action_set_enabled (widget, "win.find", n > 0);
  gtk_widget_action_set_enabled (widget, "win.next-column", n > 0);
  gtk_widget_action_set_enabled (widget, "win.previous-column", n > 0);
  gtk_widget_action_set_enabled (widget, "win.show-sidebar-page", n > 0);
  if (self->notes != NULL)
    px_notes_update_actions (self->notes);
}

/* Selection and counterparts */

/* The other segments of @segment's claim, per column: an array of GArray. */
static GPtrArray *
collect_counterparts (PxWindow *self,
                      guint     doc,
                      guint     segment,
                      gboolean  with_links)
{
  GPtrArray *per_column = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  int claim_index = -1;

  for (guint i = 0; i < self->columns->len; i++)
    g_ptr_array_add (per_column, g_array_new (FALSE, FALSE, sizeof (guint)));

  if (self->comparison != NULL && doc < px_comparison_get_n_documents (self->comparison))
    claim_index = px_comparison_get_claim_for_segment (self->comparison, doc, segment);

  if (claim_index >= 0)
    {
      GPtrArray *claims = px_comparison_get_claims (self->comparison);
      const PxClaim *claim = g_ptr_array_index (claims, claim_index);

      for (guint i = 0; i < claim->segments->len; i++)
        {
          const PxSegmentRef *ref = &g_array_index (claim->segments, PxSegmentRef, i);

          if (ref->doc < per_column->len && !(ref->doc == doc && ref->segment == segment))
            g_array_append_val (g_ptr_array_index (per_column, ref->doc), ref->segment);
        }
    }

  /* A link the claim did not keep (a sentence joins one claim only)
   * still points at a counterpart. A scan of the links: not for scrolling. */
  if (with_links && self->comparison != NULL && doc < px_comparison_get_n_documents (self->comparison))
    {
      g_autoptr(GPtrArray) links = px_comparison_get_links_for_segment (self->comparison, doc, segment);

      for (guint i = 0; i < links->len; i++)
        {
          const PxLink *link = g_ptr_array_index (links, i);
          const PxSegmentRef *other = link->a.doc == doc && link->a.segment == segment ? &link->b : &link->a;
          GArray *column;
          gboolean seen = FALSE;

          if (link->relation == PX_RELATION_RELATED || other->doc >= per_column->len)
            continue;
          column = g_ptr_array_index (per_column, other->doc);
          for (guint j = 0; j < column->len && !seen; j++)
            seen = g_array_index (column, guint, j) == other->segment;
          if (!seen)
            g_array_append_val (column, other->segment);
        }
    }
  return per_column;
}

/* Where a column's text begins, in the columns box: headers differ in height. */
static double
text_top (PxWindow     *self,
          PxSourceView *column)
{
  double x = 0, y = 0;

  gtk_widget_translate_coordinates (GTK_WIDGET (px_source_view_get_text_view (column)),
                                    GTK_WIDGET (self->columns_box), 0, 0, &x, &y);
  return y;
}

static void
queue_draw_maps (PxWindow *self)
{
  for (guint i = 0; i < self->maps->len; i++)
    gtk_widget_queue_draw (g_ptr_array_index (self->maps, i));
}

/* What the selected sentence shares with each counterpart, per column:
 * the words that differ, equivalent words, and the linked parts. */
static void
show_pair_diffs (PxWindow *self,
                 guint     doc,
                 guint     segment)
{
  /* per column: changed words, equivalent words, linked parts */
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_autoptr(GPtrArray) links = NULL;
  guint n = self->columns->len;

  for (guint i = 0; i < 3 * n; i++)
    g_ptr_array_add (marks, g_array_new (FALSE, FALSE, sizeof (PxTextRange)));

  if (self->comparison != NULL && doc < px_comparison_get_n_documents (self->comparison))
    links = px_comparison_get_links_for_segment (self->comparison, doc, segment);

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const PxLink *link = g_ptr_array_index (links, i);
      PxTextRange part_a = { link->a_start, link->a_end };
      PxTextRange part_b = { link->b_start, link->b_end };

      if (link->diff == NULL || link->relation == PX_RELATION_RELATED || link->a.doc >= n || link->b.doc >= n)
        continue;
      g_array_append_val (g_ptr_array_index (marks, 2 * n + link->a.doc), part_a);
      g_array_append_val (g_ptr_array_index (marks, 2 * n + link->b.doc), part_b);
      for (guint j = 0; j < link->diff->len; j++)
        {
          const PxDiffChunk *chunk = &g_array_index (link->diff, PxDiffChunk, j);
          PxTextRange a = { chunk->a_start, chunk->a_end };
          PxTextRange b = { chunk->b_start, chunk->b_end };
          /* the same words elsewhere read as equivalent wording */
          guint kind = px_diff_op_is_change (chunk->op) ? 0 : 1;

          if (chunk->op == PX_DIFF_EQUAL)
            continue;
          if (a.end > a.start)
            g_array_append_val (g_ptr_array_index (marks, kind * n + link->a.doc), a);
          if (b.end > b.start)
            g_array_append_val (g_ptr_array_index (marks, kind * n + link->b.doc), b);
        }
    }

  for (guint i = 0; i < n; i++)
    px_source_view_set_pair_diffs (_px_window_get_column (self, i), g_ptr_array_index (marks, i),
                                   g_ptr_array_index (marks, n + i), g_ptr_array_index (marks, 2 * n + i));
}

static void
_px_window_select_segment (PxWindow *self,
                guint     doc,
                guint     segment,
                gboolean  scroll_own)
{
  g_autoptr(GPtrArray) counterparts = NULL;
  PxSourceView *own = _px_window_get_column (self, doc);
  double own_y = -1, own_height;

  if (own == NULL)
    return;

  self->selected_doc = doc;
  self->selected_segment = segment;
  counterparts = collect_counterparts (self, doc, segment, TRUE);

  if (scroll_own)
    px_source_view_scroll_to_segment (own, segment, -1);
  if (!px_source_view_get_segment_area (own, segment, GTK_WIDGET (self->columns_box), &own_y, &own_height))
    own_y = -1;

  self->sync_leader = own;
  self->synced_at = g_get_monotonic_time ();
  self->syncing = TRUE;
  for (guint i = 0; i < self->columns->len; i++)
    {
      PxSourceView *column = _px_window_get_column (self, i);
      GArray *lit = g_ptr_array_index (counterparts, i);

      px_source_view_set_selected_segment (column, i == doc ? (int)segment : -1);
      px_source_view_set_lit_segments (column, (const guint *)lit->data, lit->len);
      if (i != doc && lit->len > 0)
        {
          guint first = g_array_index (lit, guint, 0);

          /* Line the counterpart up with the sentence, as Meld does. */
          if (self->sync_scroll && own_y >= 0)
            px_source_view_scroll_to_segment (column, first, MAX (0, own_y - text_top (self, column)));
          else
            px_source_view_scroll_to_segment (column, first, -1);
        }
    }
  self->syncing = FALSE;
  show_pair_diffs (self, doc, segment);
  queue_draw_maps (self);
}

static gboolean
segment_is_shared (PxWindow *self,
                   guint     doc,
                   guint     segment,
                   int      *claim_out)
{
  int claim_index = px_comparison_get_claim_for_segment (self->comparison, doc, segment);
  const PxClaim *claim;

  *claim_out = claim_index;
  if (claim_index < 0)
    return FALSE;
  claim = g_ptr_array_index (px_comparison_get_claims (self->comparison), claim_index);
  return claim->n_sources > 1;
}

/* A short message that replaces the previous one (claim 3 of 12, …). */
static void
_px_window_show_feedback (PxWindow   *self,
               const char *message)
{
  AdwToast *toast;

  /* the one shown changes its words: replacing toasts quickly is what
   * libadwaita 1.2's toast animations do not survive */
  if (self->feedback_toast != NULL)
    {
      adw_toast_set_title (self->feedback_toast, message);
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 2);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_set_weak_pointer (&self->feedback_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* "Claim 3 of 12": where @segment's claim is among this column's claims
 * (the shared ones, or every one when @shared_only is FALSE), in order. */
static void
show_claim_position (PxWindow *self,
                     guint     doc,
                     guint     segment,
                     gboolean  shared_only)
{
  guint n_segments = px_document_get_n_segments (px_source_view_get_document (_px_window_get_column (self, doc)));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  int target = px_comparison_get_claim_for_segment (self->comparison, doc, segment);
  guint position = 0;
  g_autofree char *message = NULL;

  for (guint s = 0; s < n_segments; s++)
    {
      int claim;
      gboolean shared = segment_is_shared (self, doc, s, &claim);

      if (claim < 0 || (shared_only && !shared) || g_hash_table_contains (seen, GINT_TO_POINTER (claim + 1)))
        continue;
      g_hash_table_add (seen, GINT_TO_POINTER (claim + 1));
      if (claim == target && position == 0)
        position = g_hash_table_size (seen);
    }
  /* Translators: "Shared claim 3 of 12" in the column the reader is in */
  message = shared_only ? g_strdup_printf (_("Shared claim %u of %u"), position, g_hash_table_size (seen))
                        : g_strdup_printf (_("Claim %u of %u"), position, g_hash_table_size (seen));
  _px_window_show_feedback (self, message);
}

/* Alt+Down / Alt+Up: the next sentence, in the active column, that another
 * source also states; every sentence with a claim when none is shared. */
void
_px_window_move_to_claim (PxWindow *self,
               int       direction)
{
  PxSourceView *column;
  PxDocument *document;
  guint n_segments, doc;
  int start, current_claim = -1;
  int fallback = -1;

  if (self->comparison == NULL || self->columns->len == 0)
    return;

  doc = self->selected_doc >= 0 && (guint)self->selected_doc < self->columns->len ? (guint)self->selected_doc : 0;
  column = _px_window_get_column (self, doc);
  document = px_source_view_get_document (column);
  n_segments = px_document_get_n_segments (document);
  start = doc == (guint)self->selected_doc ? self->selected_segment : -1;
  if (start < 0)
    {
      guint first = 0, last = 0;

      if (px_source_view_get_visible_segments (column, &first, &last))
        start = direction > 0 ? (int)first - 1 : (int)last + 1;
      else
        start = direction > 0 ? -1 : (int)n_segments;
    }
  else
    current_claim = px_comparison_get_claim_for_segment (self->comparison, doc, start);

  for (int s = start + direction; s >= 0 && s < (int)n_segments; s += direction)
    {
      int claim;
      gboolean shared = segment_is_shared (self, doc, s, &claim);

      if (claim < 0 || claim == current_claim)
        continue;
      if (shared)
        {
          _px_window_select_segment (self, doc, s, TRUE);
          show_claim_position (self, doc, s, TRUE);
          return;
        }
      if (fallback < 0)
        fallback = s;
    }

  {
    gboolean any_shared = FALSE;
    GPtrArray *claims = px_comparison_get_claims (self->comparison);

    for (guint i = 0; i < claims->len && !any_shared; i++)
      any_shared = ((PxClaim *)g_ptr_array_index (claims, i))->n_sources > 1;
    if (fallback >= 0 && !any_shared)
      {
        _px_window_select_segment (self, doc, fallback, TRUE);
        show_claim_position (self, doc, fallback, FALSE);
        return;
      }
  }

  /* the end: say so rather than do nothing */
  gtk_widget_error_bell (GTK_WIDGET (self));
  _px_window_show_feedback (self, direction > 0 ? _("No more shared claims below") : _("No more shared claims above"));
}

/* The first counterpart in column @column of sentence @s of @doc, or -1. */
static int
counterpart_in (PxWindow *self,
                guint     doc,
                int       s,
                guint     column)
{
  g_autoptr(GPtrArray) counterparts = NULL;
  GArray *lit;

  if (px_comparison_get_claim_for_segment (self->comparison, doc, s) < 0)
    return -1;
  counterparts = collect_counterparts (self, doc, s, FALSE);
  lit = g_ptr_array_index (counterparts, column);
  return lit->len > 0 ? (int)g_array_index (lit, guint, 0) : -1;
}

/* The links sync scroll follows from column @doc to column @j: pairs of
 * sentences (SyncPair) in text order on both sides, the longest such chain
 * of first counterparts, so that the mapping between the columns never
 * runs backwards. Computed once per comparison. */
typedef struct
{
  guint segment;
  guint counterpart;
} SyncPair;

static GArray *
compute_sync_pairs (PxWindow *self,
                    guint     doc,
                    guint     j)
{
  guint n_segments = px_document_get_n_segments (px_source_view_get_document (_px_window_get_column (self, doc)));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (SyncPair));
  g_autofree guint *tails = NULL;     /* the last pair of the best chain of each length */
  g_autofree int *previous = NULL;
  GArray *chain = g_array_new (FALSE, FALSE, sizeof (SyncPair));
  guint length = 0;

  for (guint s = 0; s < n_segments; s++)
    {
      int c = counterpart_in (self, doc, s, j);
      SyncPair pair = { s, (guint)c };

      if (c >= 0)
        g_array_append_val (all, pair);
    }
  if (all->len == 0)
    return chain;

  /* the longest chain with increasing counterparts (patience sorting) */
  tails = g_new (guint, all->len);
  previous = g_new (int, all->len);
  for (guint i = 0; i < all->len; i++)
    {
      guint c = g_array_index (all, SyncPair, i).counterpart;
      guint lo = 0, hi = length;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (all, SyncPair, tails[mid]).counterpart < c)
            lo = mid + 1;
          else
            hi = mid;
        }
      previous[i] = lo > 0 ? (int)tails[lo - 1] : -1;
      tails[lo] = i;
      if (lo == length)
        length++;
    }
  g_array_set_size (chain, length);
  for (int i = tails[length - 1], k = length - 1; i >= 0 && k >= 0; i = previous[i], k--)
    g_array_index (chain, SyncPair, k) = g_array_index (all, SyncPair, i);
  return chain;
}

static GArray *
get_sync_pairs (PxWindow *self,
                guint     doc,
                guint     j)
{
  guint n = self->columns->len;
  guint slot = doc * n + j;

  if (self->sync_pairs == NULL)
    {
      self->sync_pairs = g_ptr_array_new_with_free_func (matches_free);
      g_ptr_array_set_size (self->sync_pairs, n * n);
    }
  if (g_ptr_array_index (self->sync_pairs, slot) == NULL)
    {
      GArray *pairs;

      /* one chain per two columns, read either way, so that following
       * back and forth returns to the same place */
      if (doc < j)
        pairs = compute_sync_pairs (self, doc, j);
      else
        {
          GArray *other = get_sync_pairs (self, j, doc);

          pairs = g_array_sized_new (FALSE, FALSE, sizeof (SyncPair), other->len);
          for (guint i = 0; i < other->len; i++)
            {
              const SyncPair *pair = &g_array_index (other, SyncPair, i);
              SyncPair swapped = { pair->counterpart, pair->segment };

              g_array_append_val (pairs, swapped);
            }
        }
      g_ptr_array_index (self->sync_pairs, slot) = pairs;
    }
  return g_ptr_array_index (self->sync_pairs, slot);
}

/* The index in @pairs of the first pair whose sentence in @source starts
 * below @top (pairs->len when none does). */
static guint
first_pair_below (PxSourceView *source,
                  GArray       *pairs,
                  double        top)
{
  guint lo = 0, hi = pairs->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      double y = 0;

      px_source_view_get_segment_top (source, g_array_index (pairs, SyncPair, mid).segment, &y);
      if (y <= top)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Scrolls @column to what @source shows at the line the columns are
 * matched at, @top and @line (see sync_from_column). */
static void
sync_column (PxWindow     *self,
             PxSourceView *source,
             double        top,
             double        line,
             PxSourceView *column)
{
  GArray *pairs = get_sync_pairs (self, px_source_view_get_index (source), px_source_view_get_index (column));
  guint lo = first_pair_below (source, pairs, top);
  double y_above = 0, t_above = 0, f, target;
  double y_below = gtk_adjustment_get_upper (px_source_view_get_vadjustment (source));
  double t_below = gtk_adjustment_get_upper (px_source_view_get_vadjustment (column));

  if (lo > 0)
    {
      const SyncPair *pair = &g_array_index (pairs, SyncPair, lo - 1);

      px_source_view_get_segment_top (source, pair->segment, &y_above);
      px_source_view_get_segment_top (column, pair->counterpart, &t_above);
    }
  if (lo < pairs->len)
    {
      const SyncPair *pair = &g_array_index (pairs, SyncPair, lo);

      px_source_view_get_segment_top (source, pair->segment, &y_below);
      px_source_view_get_segment_top (column, pair->counterpart, &t_below);
    }
  f = y_below > y_above ? CLAMP ((top - y_above) / (y_below - y_above), 0.0, 1.0) : 0.0;
  target = t_above + f * MAX (0, t_below - t_above);
  /* @target is what @column shows at the line */
  px_source_view_set_visible_top (column, MAX (0, target - (line - text_top (self, column))));
}

/* Sync scroll, as Meld does: the top of the scrolled column lies between
 * two linked sentences (or the start and the end of the texts, which are
 * linked too); the top of the other column goes to the same fraction of
 * the way between their counterparts. Nothing jumps, nothing runs back.
 * Columns out of view are left as they are (measuring where their
 * sentences are would lay out their lines): each follows when it is
 * mapped again (column_mapped_cb). */
static void
sync_from_column (PxWindow     *self,
                  PxSourceView *source)
{
  double top, line;

  if (self->comparison == NULL)
    return;
  /* the line the columns are matched at: the top of the scrolled text, as
   * a height in the window (headers differ in height) */
  top = px_source_view_get_visible_top (source);
  line = text_top (self, source);

  self->syncing = TRUE;
  for (guint j = 0; j < self->columns->len; j++)
    {
      PxSourceView *column = _px_window_get_column (self, j);

      if (column != source && gtk_widget_get_mapped (GTK_WIDGET (column)))
        sync_column (self, source, top, line, column);
    }
  self->syncing = FALSE;
}

/* A column scrolled into view follows the one the reader scrolled last:
 * the first sentence they share below the line goes where it is in the
 * leader's column (a scroll to a sentence, which the column corrects once
 * it has laid out its lines). */
static void
column_mapped_cb (PxSourceView *column,
                  PxWindow     *self)
{
  PxSourceView *leader = self->sync_leader;
  GArray *pairs;
  double top, y = 0;
  guint lo;

  if (!self->sync_scroll || self->comparison == NULL || leader == NULL || leader == column ||
      !g_ptr_array_find (self->columns, leader, NULL))
    return;
  pairs = get_sync_pairs (self, px_source_view_get_index (leader), px_source_view_get_index (column));
  top = px_source_view_get_visible_top (leader);
  lo = first_pair_below (leader, pairs, top);
  self->syncing = TRUE;
  /* at the top, as sync_column puts it */
  if (top < 1)
    px_source_view_set_visible_top (column, 0);
  else if (lo < pairs->len)
    {
      const SyncPair *pair = &g_array_index (pairs, SyncPair, lo);

      px_source_view_get_segment_top (leader, pair->segment, &y);
      px_source_view_scroll_to_segment (column, pair->counterpart,
                                        MAX (0, y - top + text_top (self, leader) - text_top (self, column)));
    }
  self->syncing = FALSE;
}

/* Columns */

static void
segment_activated_cb (PxSourceView *column,
                      int           segment,
                      PxWindow     *self)
{
  if (segment >= 0)
    _px_window_select_segment (self, px_source_view_get_index (column), segment, FALSE);
}

static void
segment_hovered_cb (PxSourceView *column,
                    int           segment,
                    PxWindow     *self)
{
  g_autoptr(GPtrArray) counterparts = NULL;
  guint doc = px_source_view_get_index (column);

  if (segment >= 0)
    counterparts = collect_counterparts (self, doc, segment, TRUE);
  for (guint i = 0; i < self->columns->len; i++)
    {
      GArray *lit = counterparts != NULL ? g_ptr_array_index (counterparts, i) : NULL;

      px_source_view_set_hover_segments (_px_window_get_column (self, i),
                                         lit != NULL ? (const guint *)lit->data : NULL,
                                         lit != NULL ? lit->len : 0);
    }
}

static void
column_scrolled_cb (GtkAdjustment *adjustment,
                    PxSourceView  *column)
{
  PxWindow *self = PX_WINDOW (gtk_widget_get_root (GTK_WIDGET (column)));

  if (self == NULL || !self->sync_scroll || self->syncing)
    return;
  /* The followers' own corrections (once their lines are laid out) must
   * not lead the others in turn. */
  if (column != self->sync_leader && g_get_monotonic_time () - self->synced_at < G_USEC_PER_SEC / 2)
    return;
  self->sync_leader = column;
  self->synced_at = g_get_monotonic_time ();
  sync_from_column (self, column);
}

static void
band_activated_cb (PxLinkMap *map,
                   guint      doc,
                   guint      segment,
                   PxWindow  *self)
{
  _px_window_select_segment (self, doc, segment, FALSE);
}

static gboolean
watch_highlights_cb (gpointer user_data)
{
  PxWindow *self = user_data;

  for (guint i = 0; i < self->columns->len; i++)
    if (px_source_view_get_highlights_pending (_px_window_get_column (self, i)))
      return G_SOURCE_CONTINUE;

  /* highlights change how lines wrap: the last correction of the places */
  restore_tops (self);
  g_clear_pointer (&self->restore_tops, g_hash_table_unref);
  g_debug ("highlights of %u sources shown %.0f ms after opening",
           self->columns->len, (g_get_monotonic_time () - self->opened_at) / 1000.0);
  self->highlight_watch = 0;
  return G_SOURCE_REMOVE;
}

static void
clear_columns (PxWindow *self)
{
  GtkWidget *child;

  self->sync_leader = NULL;
  g_clear_pointer (&self->sync_pairs, g_ptr_array_unref);
  g_ptr_array_set_size (self->maps, 0);
  g_ptr_array_set_size (self->columns, 0);
  g_ptr_array_set_size (self->matches, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))) != NULL)
    gtk_box_remove (self->columns_box, child);
  self->selected_doc = -1;
  self->selected_segment = -1;
  self->current_match = -1;
}

/* Fit (the default): the columns share the width down to a width that
 * still reads; fixed: each keeps the "column-width" setting. */
static void
apply_column_width (PxWindow     *self,
                    PxSourceView *column)
{
  gboolean fit = g_settings_get_boolean (self->settings, "fit-columns");

  gtk_widget_set_hexpand (GTK_WIDGET (column), fit);
  gtk_widget_set_size_request (GTK_WIDGET (column),
                               fit ? MIN_COLUMN_WIDTH : g_settings_get_int (self->settings, "column-width"), -1);
}

static void
column_width_changed_cb (GSettings  *settings,
                         const char *key,
                         PxWindow   *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    apply_column_width (self, _px_window_get_column (self, i));
}

/* Shift+wheel, a tilt wheel or a sideways touchpad swipe anywhere over the
 * columns scrolls them sideways; the rest scrolls the text. */
static gboolean
columns_scroll_cb (GtkEventControllerScroll *controller,
                   double                    dx,
                   double                    dy,
                   PxWindow                 *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->columns_scroller);
  double delta, page;

  if (state & GDK_SHIFT_MASK)
    delta = dx != 0 ? dx : dy;
  else if (ABS (dx) > ABS (dy))
    delta = dx;
  else
    return GDK_EVENT_PROPAGATE;
  if (delta == 0)
    return GDK_EVENT_PROPAGATE;

  page = gtk_adjustment_get_page_size (adjustment);
  /* a wheel notch moves as far as GTK's own scrolled windows do */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    delta *= pow (page, 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + delta);
  return GDK_EVENT_STOP;
}

/* Columns and link maps outside the window's view of the columns (they
 * scroll sideways) are not mapped: GTK draws, and lays out the lines of,
 * only what can be seen, not twenty columns for the five in view. Half a
 * page each side is kept mapped so that scrolling shows no blank. The
 * columns in view show their text at once, those half a page away in
 * turn, once the others are laid out (px_source_view_show_text ()). */
static gboolean
update_on_screen_cb (gpointer user_data)
{
  PxWindow *self = user_data;
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->columns_scroller);
  double page = gtk_adjustment_get_page_size (h);
  double left = gtk_adjustment_get_value (h) - page / 2;
  double right = gtk_adjustment_get_value (h) + page * 1.5;
  double view_left = gtk_adjustment_get_value (h);
  double view_right = page > 0 ? view_left + page : 0;
  double x = 0;

  self->on_screen_idle = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      gboolean shown;

      if (page <= 0 || !gtk_widget_compute_bounds (child, GTK_WIDGET (self->columns_box), &bounds) ||
          bounds.size.width <= 0)
        {
          int width = 0;

          /* not laid out yet: as wide as a column gets at its narrowest
           * (a column mapped once shows its text from then on) */
          if (PX_IS_SOURCE_VIEW (child))
            gtk_widget_get_size_request (child, &width, NULL);
          bounds.origin.x = x;
          bounds.size.width = PX_IS_SOURCE_VIEW (child) ? MAX (width, MIN_COLUMN_WIDTH) : 0;
          if (page <= 0)
            {
              right = gtk_widget_get_width (GTK_WIDGET (self)) > 0 ? gtk_widget_get_width (GTK_WIDGET (self)) * 1.5
                                                                   : 1920;
              view_right = right / 1.5;
            }
        }
      x = bounds.origin.x + bounds.size.width;
      shown = bounds.origin.x < right && bounds.origin.x + bounds.size.width > left;
      /* the keyboard's column stays */
      shown = shown || gtk_widget_get_focus_child (child) != NULL;
      if (gtk_widget_get_child_visible (child) != shown)
        gtk_widget_set_child_visible (child, shown);
      /* the text of the columns in view at once, of the others in turn */
      if (shown && PX_IS_SOURCE_VIEW (child) && bounds.origin.x < view_right &&
          bounds.origin.x + bounds.size.width > view_left)
        px_source_view_show_text (PX_SOURCE_VIEW (child));
    }
  return G_SOURCE_REMOVE;
}

static void
queue_on_screen (PxWindow *self)
{
  /* after the allocation that moved them, before the next frame */
  if (self->on_screen_idle == 0)
    self->on_screen_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_on_screen_cb, self, NULL);
}

/* Maps column @index and scrolls the columns sideways to show it. */
void
_px_window_show_column (PxWindow *self,
                        guint     index)
{
  PxSourceView *column = _px_window_get_column (self, index);
  graphene_rect_t bounds;

  if (column == NULL)
    return;
  gtk_widget_set_child_visible (GTK_WIDGET (column), TRUE);
  if (gtk_widget_compute_bounds (GTK_WIDGET (column), GTK_WIDGET (self->columns_box), &bounds))
    {
      GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->columns_scroller);
      double x = bounds.origin.x, w = bounds.size.width;
      double value = gtk_adjustment_get_value (h), page = gtk_adjustment_get_page_size (h);

      if (x < value)
        gtk_adjustment_set_value (h, x);
      else if (x + w > value + page)
        gtk_adjustment_set_value (h, x + w - page);
    }
  queue_on_screen (self);
}

/* The sentence each column had at its top before the columns were built
 * again. The views' own corrections must not lead sync scroll. */
static void
restore_tops (PxWindow *self)
{
  if (self->restore_tops == NULL)
    return;
  self->sync_leader = NULL;
  self->synced_at = g_get_monotonic_time ();
  self->syncing = TRUE;
  for (guint i = 0; i < self->columns->len; i++)
    {
      PxSourceView *column = _px_window_get_column (self, i);
      gpointer top = g_hash_table_lookup (self->restore_tops, px_source_view_get_document (column));

      if (top != NULL)
        px_source_view_scroll_to_segment (column, GPOINTER_TO_UINT (top) - 1, 0);
    }
  self->syncing = FALSE;
}

static void
build_columns (PxWindow *self)
{
  GListModel *sources = G_LIST_MODEL (self->sources);
  guint n = g_list_model_get_n_items (sources);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_auto(GStrv) kinds = g_settings_get_strv (self->settings, "highlight-kinds");
  g_autoptr(GHashTable) tops = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

  /* each source keeps its place: the sentence at the top of its column */
  for (guint i = 0; i < self->columns->len; i++)
    {
      PxSourceView *old = _px_window_get_column (self, i);
      guint first, last;

      if (px_source_view_get_visible_segments (old, &first, &last) && first > 0)
        g_hash_table_insert (tops, g_object_ref (px_source_view_get_document (old)), GUINT_TO_POINTER (first + 1));
    }

  clear_columns (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxDocument) document = g_list_model_get_item (sources, i);
      PxSourceView *column = px_source_view_new (document, i);

      px_source_view_set_dark (column, dark);
      px_source_view_set_highlight_kinds (column, (const char * const *)kinds);
      px_source_view_set_show_boilerplate (column, self->show_boilerplate);
      apply_column_width (self, column);
      g_signal_connect (column, "segment-activated", G_CALLBACK (segment_activated_cb), self);
      g_signal_connect (column, "segment-hovered", G_CALLBACK (segment_hovered_cb), self);
      g_signal_connect (column, "map", G_CALLBACK (column_mapped_cb), self);
      g_signal_connect_object (px_source_view_get_vadjustment (column), "value-changed",
                               G_CALLBACK (column_scrolled_cb), column, 0);

      if (i > 0)
        {
          PxLinkMap *map = px_link_map_new (_px_window_get_column (self, i - 1), column);

          g_signal_connect (map, "band-activated", G_CALLBACK (band_activated_cb), self);
          gtk_box_append (self->columns_box, GTK_WIDGET (map));
          g_ptr_array_add (self->maps, g_object_ref (map));
        }
      gtk_box_append (self->columns_box, GTK_WIDGET (column));
      g_ptr_array_add (self->columns, g_object_ref (column));
      g_ptr_array_add (self->matches, NULL);
    }

  g_clear_handle_id (&self->on_screen_idle, g_source_remove);
  update_on_screen_cb (self);

  /* now, and again once the columns are laid out at their new widths */
  g_clear_pointer (&self->restore_tops, g_hash_table_unref);
  if (g_hash_table_size (tops) > 0)
    self->restore_tops = g_steal_pointer (&tops);
  restore_tops (self);

  _px_window_update_actions (self);
  _px_window_update_search (self);
  /* New buffers: the reader's highlights go on them again. */
  if (self->notes != NULL)
    px_notes_refresh (self->notes);
}

static void
apply_comparison (PxWindow *self)
{
  g_clear_pointer (&self->sync_pairs, g_ptr_array_unref);
  if (self->comparison != NULL)
    restore_tops (self);
  for (guint i = 0; i < self->columns->len; i++)
    px_source_view_set_comparison (_px_window_get_column (self, i), self->comparison);
  for (guint i = 0; i < self->maps->len; i++)
    px_link_map_set_comparison (g_ptr_array_index (self->maps, i), self->comparison);
  px_fact_sidebar_set_comparison (self->fact_sidebar, self->comparison);

  _px_window_update_actions (self);

  /* Highlights were cleared with the old comparison: search ones too. */
  _px_window_update_search (self);

  if (self->comparison != NULL && self->highlight_watch == 0)
    self->highlight_watch = g_timeout_add (20, watch_highlights_cb, self);
}

/* Import and comparison */

static void
compared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PxWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxComparison) comparison = px_comparison_new_finish (result, &error);

  if (comparison == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          _px_window_show_toast (self, error->message);
          g_clear_object (&self->compare_cancellable);
          _px_window_update_busy (self);
        }
      return;
    }

  g_clear_object (&self->compare_cancellable);
  g_set_object (&self->comparison, comparison);
  _px_window_update_busy (self);
  _px_window_update_title (self);
  apply_comparison (self);
}

/* The bar moves four times a second: each move is a frame, and a frame
 * for every step of the comparison (dozens a second) kept the main loop
 * busy redrawing while the columns were being laid out. */
#define PROGRESS_INTERVAL_USEC (250 * 1000)

static void
compare_progress_cb (double   fraction,
                     gpointer user_data)
{
  PxWindow *self = user_data;
  gint64 now = g_get_monotonic_time ();

  if (fraction < 1.0 && now - self->progress_shown_at < PROGRESS_INTERVAL_USEC)
    return;
  self->progress_shown_at = now;
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

void
_px_window_recompare (PxWindow *self)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);
  g_clear_object (&self->comparison);
  build_columns (self);
  apply_comparison (self);
  _px_window_update_title (self);

  if (n == 0)
    {
      _px_window_update_busy (self);
      return;
    }

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (documents, g_list_model_get_item (G_LIST_MODEL (self->sources), i));

  self->compare_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  self->progress_shown_at = g_get_monotonic_time ();
  _px_window_update_busy (self);
  px_comparison_new_full_async (documents, g_settings_get_enum (self->settings, "alignment-sensitivity"),
                                self->compare_cancellable,
                                compare_progress_cb, g_object_ref (self), g_object_unref,
                                compared_cb, g_object_ref (self));
}

/* Facts */

static void
on_fact_sidebar_group_activated_cb (PxWindow *self,
                                    guint     index)
{
  GPtrArray *groups, *facts;
  const PxFactGroup *group;
  g_autofree gboolean *scrolled = NULL;

  if (self->comparison == NULL)
    return;
  groups = px_comparison_get_fact_groups (self->comparison);
  facts = px_comparison_get_facts (self->comparison);
  if (index >= groups->len)
    return;
  group = g_ptr_array_index (groups, index);
  scrolled = g_new0 (gboolean, self->columns->len + 1);
  /* the group stays marked in every column that has it, until the next */
  for (guint i = 0; i < self->columns->len; i++)
    px_source_view_clear_flash (_px_window_get_column (self, i));

  for (guint i = 0; i < group->facts->len; i++)
    {
      guint fact_index = g_array_index (group->facts, guint, i);
      const PxFact *fact;
      PxSourceView *column;

      if (fact_index >= facts->len)
        continue;
      fact = g_ptr_array_index (facts, fact_index);
      column = _px_window_get_column (self, fact->doc);
      if (column == NULL)
        continue;
      if (!scrolled[fact->doc])
        px_source_view_scroll_to_range (column, fact->start, fact->end);
      scrolled[fact->doc] = TRUE;
      px_source_view_flash_range (column, fact->start, fact->end);
    }
}

static void
style_dark_cb (AdwStyleManager *manager,
               GParamSpec      *pspec,
               PxWindow        *self)
{
  gboolean dark = adw_style_manager_get_dark (manager);

  for (guint i = 0; i < self->columns->len; i++)
    px_source_view_set_dark (_px_window_get_column (self, i), dark);
  queue_draw_maps (self);
}

static void
color_scheme_changed_cb (GSettings  *settings,
                         const char *key,
                         PxWindow   *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  int scheme = g_settings_get_enum (settings, "color-scheme");

  if (scheme >= 0 && scheme < (int)G_N_ELEMENTS (schemes))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[scheme]);
}

static void
highlight_kinds_changed_cb (GSettings  *settings,
                            const char *key,
                            PxWindow   *self)
{
  g_auto(GStrv) kinds = g_settings_get_strv (settings, "highlight-kinds");
  GActionMap *group = G_ACTION_MAP (self->highlight_actions);
  const char * const *names = px_source_view_get_highlight_names ();

  for (guint i = 0; i < self->columns->len; i++)
    px_source_view_set_highlight_kinds (_px_window_get_column (self, i), (const char * const *)kinds);
  for (guint i = 0; group != NULL && names[i] != NULL; i++)
    g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (group, names[i])),
                               g_variant_new_boolean (g_strv_contains ((const char * const *)kinds, names[i])));
}

/* The article text's size: 11 pt times the setting. */
static void
font_scale_changed_cb (GSettings  *settings,
                       const char *key,
                       PxWindow   *self)
{
  double scale = g_settings_get_double (settings, "font-scale");
  g_autofree char *css = NULL;
  char points[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (points, sizeof points, "%.1f", 11.0 * CLAMP (scale, 0.5, 3.0));
  css = g_strdup_printf ("pxsourceview textview.source-text { font-size: %spt; }", points);
  gtk_css_provider_load_from_data (self->font_css, css, -1);
}

/* Vfuncs */

static void
px_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PxWindow *self = PX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_FACTS:
      g_value_set_boolean (value, self->show_facts);
      break;
    case PROP_SYNC_SCROLL:
      g_value_set_boolean (value, self->sync_scroll);
      break;
    case PROP_SHOW_BOILERPLATE:
      g_value_set_boolean (value, self->show_boilerplate);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PxWindow *self = PX_WINDOW (object);
  gboolean b = g_value_get_boolean (value);

  switch (prop_id)
    {
    case PROP_SHOW_FACTS:
      if (self->show_facts == b)
        return;
      self->show_facts = b;
      adw_flap_set_reveal_flap (self->flap, b);
      break;
    case PROP_SYNC_SCROLL:
      if (self->sync_scroll == b)
        return;
      self->sync_scroll = b;
      break;
    case PROP_SHOW_BOILERPLATE:
      if (self->show_boilerplate == b)
        return;
      self->show_boilerplate = b;
      for (guint i = 0; i < self->columns->len; i++)
        px_source_view_set_show_boilerplate (_px_window_get_column (self, i), b);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_object_notify_by_pspec (object, pspec);
}

static void
px_window_dispose (GObject *object)
{
  PxWindow *self = (PxWindow *)object;

  g_cancellable_cancel (self->import_cancellable);
  g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->compare_cancellable);
  g_clear_handle_id (&self->highlight_watch, g_source_remove);
  g_clear_handle_id (&self->on_screen_idle, g_source_remove);
  g_clear_handle_id (&self->removal_guard, g_source_remove);
  g_clear_pointer (&self->removals, g_ptr_array_unref);
  g_clear_pointer (&self->restore_tops, g_hash_table_unref);
  g_clear_weak_pointer (&self->feedback_toast);
  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), style_dark_cb, self);
  if (self->columns != NULL)
    clear_columns (self);
  g_clear_object (&self->notes);
  g_clear_object (&self->comparison);
  g_clear_object (&self->sources);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->highlight_actions);
  if (self->font_css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->font_css));
  g_clear_object (&self->font_css);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->maps, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_WINDOW);

  G_OBJECT_CLASS (px_window_parent_class)->dispose (object);
}

static void
px_window_class_init (PxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_window_dispose;
  object_class->get_property = px_window_get_property;
  object_class->set_property = px_window_set_property;

  properties[PROP_SHOW_FACTS] =
    g_param_spec_boolean ("show-facts", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SYNC_SCROLL] =
    g_param_spec_boolean ("sync-scroll", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_BOILERPLATE] =
    g_param_spec_boolean ("show-boilerplate", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PX_TYPE_SEARCH_BAR);
  g_type_ensure (PX_TYPE_FACT_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_reader/Parallax/px-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PxWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, facts_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, view_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, primary_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, columns_scroller);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, columns_box);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, fact_sidebar);
  gtk_widget_class_bind_template_callback (widget_class, on_search_bar_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_bar_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_bar_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_bar_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_fact_sidebar_group_activated_cb);

  _px_window_class_init_actions (widget_class);
}

static void
px_window_init (PxWindow *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sources = g_list_store_new (PX_TYPE_DOCUMENT);
  self->pending = g_ptr_array_new_with_free_func (_px_window_pending_slot_free);
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->maps = g_ptr_array_new_with_free_func (g_object_unref);
  self->matches = g_ptr_array_new_with_free_func (matches_free);
  self->removals = g_ptr_array_new_with_free_func (_px_window_removed_source_free);
  self->selected_doc = -1;
  self->selected_segment = -1;
  self->current_match = -1;

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sync-scroll", self, "sync-scroll", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-boilerplate", self, "show-boilerplate", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-sidebar", self, "show-facts", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect (style_manager, "notify::dark", G_CALLBACK (style_dark_cb), self);
  g_signal_connect (self->settings, "changed::color-scheme", G_CALLBACK (color_scheme_changed_cb), self);
  g_signal_connect (self->settings, "changed::fit-columns", G_CALLBACK (column_width_changed_cb), self);
  g_signal_connect (self->settings, "changed::column-width", G_CALLBACK (column_width_changed_cb), self);
  {
    GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

    gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
    g_signal_connect (scroll, "scroll", G_CALLBACK (columns_scroll_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->columns_scroller), scroll);
  }
  {
    GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->columns_scroller);

    g_signal_connect_swapped (h, "value-changed", G_CALLBACK (queue_on_screen), self);
    g_signal_connect_swapped (h, "changed", G_CALLBACK (queue_on_screen), self);
  }
  self->font_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->font_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  g_signal_connect (self->settings, "changed::font-scale", G_CALLBACK (font_scale_changed_cb), self);
  font_scale_changed_cb (self->settings, "font-scale", self);
  _px_window_init_actions (self);
  g_signal_connect (self->settings, "changed::highlight-kinds", G_CALLBACK (highlight_kinds_changed_cb), self);
  highlight_kinds_changed_cb (self->settings, "highlight-kinds", self);
  color_scheme_changed_cb (self->settings, "color-scheme", self);

  /* the Preferences' alignment sensitivity: compare again */
  g_signal_connect_swapped (self->settings, "changed::alignment-sensitivity", G_CALLBACK (_px_window_recompare), self);

  px_menu_button_hide_tooltip_when_open (GTK_MENU_BUTTON (self->view_button));
  px_menu_button_hide_tooltip_when_open (GTK_MENU_BUTTON (self->primary_button));
  self->notes = px_notes_new (self);
  g_signal_connect_swapped (self->notes, "notify::unsaved", G_CALLBACK (_px_window_update_title), self);
  g_signal_connect_swapped (self->notes, "notify::file", G_CALLBACK (_px_window_update_title), self);
  gtk_stack_add_titled (self->sidebar_stack, px_notes_create_list (self->notes), "notes", _("Notes"));
  g_settings_bind (self->settings, "sidebar-page", self->sidebar_stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);

  _px_window_update_busy (self);
  _px_window_update_title (self);
}

/* Public API */

PxWindow *
px_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (PX_TYPE_WINDOW, "application", application, NULL);
}

void
px_window_cancel (PxWindow *self)
{
  g_return_if_fail (PX_IS_WINDOW (self));

  if (self->n_pending > 0)
    {
      /* The files read so far are dropped with the rest of the batch. */
      self->generation++;
      self->n_pending = 0;
      g_ptr_array_set_size (self->pending, 0);
    }
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);
  _px_window_update_busy (self);
}

GListModel *
px_window_get_sources (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->sources);
}

PxComparison *
px_window_get_comparison (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->comparison;
}

gboolean
px_window_get_busy (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);
  return self->n_pending > 0 || self->n_loading > 0 || self->compare_cancellable != NULL;
}

gboolean
px_window_get_highlights_pending (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);

  for (guint i = 0; i < self->columns->len; i++)
    if (px_source_view_get_highlights_pending (_px_window_get_column (self, i)))
      return TRUE;
  /* and the sidebar's list, growing a few rows a frame */
  return px_fact_sidebar_get_rows_pending (self->fact_sidebar);
}

guint
px_window_get_n_columns (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), 0);
  return self->columns->len;
}

PxSourceView *
px_window_get_column (PxWindow *self,
                      guint     index)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return _px_window_get_column (self, index);
}

PxLinkMap *
px_window_get_link_map (PxWindow *self,
                        guint     index)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return index < self->maps->len ? g_ptr_array_index (self->maps, index) : NULL;
}

void
px_window_select_segment (PxWindow *self,
                          guint     doc,
                          guint     segment)
{
  g_return_if_fail (PX_IS_WINDOW (self));
  g_return_if_fail (doc < self->columns->len);

  _px_window_select_segment (self, doc, segment, TRUE);
}

gboolean
px_window_get_selection (PxWindow *self,
                         guint    *doc,
                         guint    *segment)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);

  if (self->selected_doc < 0 || self->selected_segment < 0)
    return FALSE;
  if (doc != NULL)
    *doc = self->selected_doc;
  if (segment != NULL)
    *segment = self->selected_segment;
  return TRUE;
}

PxSearchBar *
px_window_get_search_bar (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->search_bar;
}

PxFactSidebar *
px_window_get_fact_sidebar (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->fact_sidebar;
}

void
px_window_add_toast (PxWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (PX_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

PxNotes *
px_window_get_notes (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->notes;
}
