/* test-source-view.c: columns, highlights and linked selection, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <math.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "px-application.h"
#include "px-overview-strip.h"
#include "px-window.h"
#include "px-ui-test.h"

static gboolean have_display;

static gboolean
has_tag (GtkTextBuffer *buffer,
         const char    *name,
         int            char_offset)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, char_offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

static int
segment_char_offset (PxDocument *document,
                     guint       segment)
{
  const char *text = px_document_get_text (document, NULL);

  return g_utf8_pointer_to_offset (text, text + px_document_get_segment (document, segment)->start);
}

/* Where the segment's claim colour begins: its first part that states the
 * claim, or its start. */
static int
claimed_char_offset (PxComparison *comparison,
                     guint         doc,
                     guint         segment)
{
  PxDocument *document = px_comparison_get_document (comparison, doc);
  GArray *parts = px_comparison_get_claim_parts (comparison, doc, segment);
  const char *text = px_document_get_text (document, NULL);

  if (parts == NULL)
    return segment_char_offset (document, segment);
  return g_utf8_pointer_to_offset (text, text + g_array_index (parts, PxByteRange, 0).start);
}

static const char *
status_tag (PxClaimStatus status)
{
  switch (status)
    {
    case PX_CLAIM_SHARED: return "claim-shared";
    case PX_CLAIM_PARTIAL: return "claim-partial";
    case PX_CLAIM_DIFFERS: return "claim-differs";
    case PX_CLAIM_UNIQUE:
    default: return "claim-unique";
    }
}

/* Every sentence carries the tag of its claim's status (on its linked
 * parts, the rest of it "unique"), every boilerplate segment the
 * boilerplate tag. */
static void
test_claim_tags (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  PxWindow *window;
  PxComparison *comparison;
  GPtrArray *claims;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = px_test_open_examples (app);
  comparison = px_window_get_comparison (window);
  claims = px_comparison_get_claims (comparison);

  for (guint doc = 0; doc < px_window_get_n_columns (window); doc++)
    {
      PxSourceView *column = px_window_get_column (window, doc);
      PxDocument *document = px_source_view_get_document (column);
      GtkTextBuffer *buffer = px_source_view_get_buffer (column);

      for (guint s = 0; s < px_document_get_n_segments (document); s++)
        {
          const PxSegment *seg = px_document_get_segment (document, s);
          int claim = px_comparison_get_claim_for_segment (comparison, doc, s);
          int offset = segment_char_offset (document, s);

          if (seg->end == seg->start)
            continue;
          if (seg->kind == PX_SEGMENT_BOILERPLATE)
            g_assert_true (has_tag (buffer, "boilerplate", offset));
          if (claim >= 0)
            {
              const PxClaim *c = g_ptr_array_index (claims, claim);
              const char *text = px_document_get_text (document, NULL);
              int length = g_utf8_strlen (text + seg->start, seg->end - seg->start);
              gboolean found = FALSE;

              g_assert_true (has_tag (buffer, status_tag (c->status), offset) ||
                             has_tag (buffer, "claim-unique", offset));
              for (int k = 0; k < length && !found; k++)
                found = has_tag (buffer, status_tag (c->status), offset + k);
              g_assert_true (found);
            }
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Facts found by the engine are tagged where they stand. */
static void
test_fact_tags (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  static const char *fact_tags[] = { "fact-number", "fact-date", "fact-name", "fact-quote" };
  PxWindow *window;
  PxComparison *comparison;
  guint n_checked = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = px_test_open_examples (app);
  comparison = px_window_get_comparison (window);

  for (guint doc = 0; doc < px_window_get_n_columns (window); doc++)
    {
      PxSourceView *column = px_window_get_column (window, doc);
      PxDocument *document = px_source_view_get_document (column);
      GtkTextBuffer *buffer = px_source_view_get_buffer (column);
      GPtrArray *facts = px_comparison_get_document_facts (comparison, doc);
      const char *text = px_document_get_text (document, NULL);

      for (guint i = 0; i < facts->len; i++)
        {
          const PxFact *fact = g_ptr_array_index (facts, i);
          int offset = g_utf8_pointer_to_offset (text, text + fact->start);
          gboolean tagged = FALSE;

          for (guint t = 0; t < G_N_ELEMENTS (fact_tags); t++)
            tagged |= has_tag (buffer, fact_tags[t], offset);
          g_assert_true (tagged);
          n_checked++;
        }
    }
  if (n_checked == 0)
    g_test_message ("the engine found no facts in the examples");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Selecting a sentence lights its counterparts in the other columns. */
static void
test_select_lights_counterpart (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  PxWindow *window;
  PxComparison *comparison;
  GPtrArray *links;
  const PxLink *link = NULL;
  PxSourceView *own, *other;
  GtkTextBuffer *other_buffer;
  guint doc, segment;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = px_test_open_examples (app);
  comparison = px_window_get_comparison (window);
  links = px_comparison_get_links (comparison);
  for (guint i = 0; i < links->len && link == NULL; i++)
    {
      const PxLink *candidate = g_ptr_array_index (links, i);

      if (candidate->relation != PX_RELATION_RELATED)
        link = candidate;
    }
  if (link == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_test_skip ("the comparison of the examples has no links");
      return;
    }

  px_window_select_segment (window, link->a.doc, link->a.segment);
  g_assert_true (px_window_get_selection (window, &doc, &segment));
  g_assert_cmpuint (doc, ==, link->a.doc);
  g_assert_cmpuint (segment, ==, link->a.segment);

  own = px_window_get_column (window, link->a.doc);
  other = px_window_get_column (window, link->b.doc);
  g_assert_cmpint (px_source_view_get_selected_segment (own), ==, (int)link->a.segment);
  g_assert_cmpint (px_source_view_get_selected_segment (other), ==, -1);
  g_assert_true (px_source_view_segment_is_lit (other, link->b.segment));
  other_buffer = px_source_view_get_buffer (other);
  g_assert_true (has_tag (other_buffer, "lit",
                          segment_char_offset (px_source_view_get_document (other), link->b.segment)));

  /* Hovering a sentence lights its counterpart lightly; leaving clears it. */
  px_window_select_segment (window, 0, 0);
  g_signal_emit_by_name (own, "segment-hovered", (int)link->a.segment);
  g_assert_true (has_tag (other_buffer, "hover",
                          segment_char_offset (px_source_view_get_document (other), link->b.segment)));
  g_signal_emit_by_name (own, "segment-hovered", -1);
  g_assert_false (has_tag (other_buffer, "hover",
                           segment_char_offset (px_source_view_get_document (other), link->b.segment)));
  px_window_select_segment (window, link->a.doc, link->a.segment);

  /* And the other way round. */
  px_window_select_segment (window, link->b.doc, link->b.segment);
  g_assert_true (px_source_view_segment_is_lit (own, link->a.segment));
  g_assert_cmpint (px_source_view_get_selected_segment (own), ==, -1);

  /* Link maps between adjacent columns have a band per link between them,
   * and one for each claim that holds a sentence of both columns without a
   * link of their own (many sources: a sentence links its closest ones). */
  for (guint i = 0; i + 1 < px_window_get_n_columns (window); i++)
    {
      g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GPtrArray *claims = px_comparison_get_claims (comparison);

      for (guint j = 0; j < links->len; j++)
        {
          const PxLink *l = g_ptr_array_index (links, j);

          if (l->relation != PX_RELATION_RELATED && l->a.doc == i && l->b.doc == i + 1)
            g_hash_table_add (pairs, g_strdup_printf ("%u-%u", l->a.segment, l->b.segment));
        }
      for (guint c = 0; c < claims->len; c++)
        {
          const PxClaim *claim = g_ptr_array_index (claims, c);
          int left = -1, right = -1;

          for (guint k = 0; k < claim->segments->len; k++)
            {
              const PxSegmentRef *ref = &g_array_index (claim->segments, PxSegmentRef, k);

              if (ref->doc == i)
                left = ref->segment;
              else if (ref->doc == i + 1)
                right = ref->segment;
            }
          if (left >= 0 && right >= 0)
            g_hash_table_add (pairs, g_strdup_printf ("%d-%d", left, right));
        }
      g_assert_cmpuint (px_link_map_get_n_bands (px_window_get_link_map (window, i)), ==, g_hash_table_size (pairs));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* With sync scroll on, scrolling a column lines its sentence up with the
 * same claim's sentence in the next column (through the links, not by
 * proportion). */
static double
text_top (PxSourceView *column,
          GtkWidget    *window)
{
  double x = 0, y = 0;

  gtk_widget_translate_coordinates (GTK_WIDGET (px_source_view_get_text_view (column)), window, 0, 0, &x, &y);
  return y;
}

static void
test_sync_scroll (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  PxWindow *window;
  GPtrArray *claims;
  PxSourceView *left, *right;
  GtkAdjustment *adjustment;
  gboolean checked = FALSE;
  double value;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = px_test_open_examples (app);
  claims = px_comparison_get_claims (px_window_get_comparison (window));
  left = px_window_get_column (window, 0);
  right = px_window_get_column (window, 1);
  adjustment = px_source_view_get_vadjustment (right);
  g_object_set (window, "sync-scroll", TRUE, NULL);

  /* A claim of the first two columns whose left sentence can be scrolled
   * to the top (the last ones cannot). */
  for (guint i = 0; i < claims->len && !checked; i++)
    {
      const PxClaim *claim = g_ptr_array_index (claims, i);
      int s0 = -1, s1 = -1;
      double ly, lh, ry, rh;

      for (guint j = 0; j < claim->segments->len; j++)
        {
          const PxSegmentRef *ref = &g_array_index (claim->segments, PxSegmentRef, j);

          if (ref->doc == 0 && s0 < 0)
            s0 = ref->segment;
          if (ref->doc == 1 && s1 < 0)
            s1 = ref->segment;
        }
      if (s0 <= 0 || s1 <= 0)
        continue;

      /* at the top: a linked sentence there lines up exactly (between
       * two links the columns interpolate) */
      px_source_view_scroll_to_segment (left, s0, 0);
      px_test_settle ();
      g_assert_true (px_source_view_get_segment_area (left, s0, GTK_WIDGET (window), &ly, &lh));
      if (fabs (ly - text_top (left, GTK_WIDGET (window))) > 2)
        continue;

      g_assert_true (px_source_view_get_segment_area (right, s1, GTK_WIDGET (window), &ry, &rh));
      value = gtk_adjustment_get_value (adjustment);
      /* Lined up, unless the right column cannot scroll that far. */
      if (value > gtk_adjustment_get_lower (adjustment) &&
          value < gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
        {
          g_assert_cmpfloat (fabs (ly - ry), <=, 2.0);
          checked = TRUE;
        }
    }
  if (!checked)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_test_skip ("no claim of the first two examples can be scrolled to");
      return;
    }

  /* Off: the right column stays where it is. */
  g_object_set (window, "sync-scroll", FALSE, NULL);
  value = gtk_adjustment_get_value (adjustment);
  px_source_view_scroll_to_segment (left, 0, 0);
  px_test_settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Small steps down the first column move each other column down in small
 * steps too, never back and never by a jump (sync scroll interpolates
 * between linked sentences instead of snapping to the nearest one). */
static void
test_sync_scroll_smooth (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  PxWindow *window;
  GtkAdjustment *lead;
  guint n;
  double *before;
  guint steps = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = px_test_open_examples (app);
  g_object_set (window, "sync-scroll", TRUE, NULL);
  n = px_window_get_n_columns (window);
  lead = px_source_view_get_vadjustment (px_window_get_column (window, 0));
  before = g_new0 (double, n);
  for (guint j = 0; j < n; j++)
    before[j] = gtk_adjustment_get_value (px_source_view_get_vadjustment (px_window_get_column (window, j)));

  while (gtk_adjustment_get_value (lead) + 30 < gtk_adjustment_get_upper (lead) - gtk_adjustment_get_page_size (lead) &&
         steps < 40)
    {
      gtk_adjustment_set_value (lead, gtk_adjustment_get_value (lead) + 30);
      for (int i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
        ;
      for (guint j = 1; j < n; j++)
        {
          GtkAdjustment *adjustment = px_source_view_get_vadjustment (px_window_get_column (window, j));
          double value = gtk_adjustment_get_value (adjustment);

          /* never back by more than a line's correction, never a page ahead */
          g_assert_cmpfloat (value, >=, before[j] - 4);
          g_assert_cmpfloat (value - before[j], <, gtk_adjustment_get_page_size (adjustment) / 2);
          before[j] = value;
        }
      steps++;
    }
  g_assert_cmpuint (steps, >, 5);
  g_free (before);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A label below @widget whose text starts with @prefix (a toast's). */
static gboolean
has_label (GtkWidget  *widget,
           const char *prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, prefix))
      return TRUE;
  return FALSE;
}

/* Alt+Down moves to a sentence that another source states too. */
static void
test_next_claim (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  PxWindow *window;
  PxComparison *comparison;
  guint doc, segment, previous, second;
  int claim;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = px_test_open_examples (app);
  comparison = px_window_get_comparison (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-claim", NULL);
  if (!px_window_get_selection (window, &doc, &segment))
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_test_skip ("no claim to move to");
      return;
    }
  claim = px_comparison_get_claim_for_segment (comparison, doc, segment);
  g_assert_cmpint (claim, >=, 0);
  previous = segment;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-claim", NULL);
  g_assert_true (px_window_get_selection (window, &doc, &segment));
  g_assert_cmpuint (segment, >, previous);
  second = segment;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-claim", NULL);
  g_assert_true (px_window_get_selection (window, &doc, &segment));
  g_assert_cmpuint (segment, <, second);
  g_assert_cmpuint (segment, >=, previous);

  /* it says where: the first shared claim of the column … */
  g_assert_true (px_window_get_selection (window, &doc, &segment));
  if (segment == previous)
    g_assert_true (has_label (GTK_WIDGET (window), "Shared claim 1 of "));
  /* … and when there is none further */
  for (int i = 0; i < 200; i++)
    {
      guint before = segment;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-claim", NULL);
      g_assert_true (px_window_get_selection (window, &doc, &segment));
      if (segment == before)
        break;
    }
  for (int i = 0; i < 20 && g_main_context_iteration (NULL, FALSE); i++)
    ;
  g_assert_true (has_label (GTK_WIDGET (window), "No more shared claims above"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Highlights menu turns a kind off and on again. */
static void
test_highlight_kinds (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  PxWindow *window;
  GtkTextBuffer *buffer;
  GtkTextTagTable *table;
  gboolean background_set;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = px_test_open_examples (app);
  buffer = px_source_view_get_buffer (px_window_get_column (window, 0));
  table = gtk_text_buffer_get_tag_table (buffer);

  g_object_get (gtk_text_tag_table_lookup (table, "claim-shared"), "background-set", &background_set, NULL);
  g_assert_true (background_set);
  gtk_widget_activate_action (GTK_WIDGET (window), "highlight.shared", NULL);
  g_object_get (gtk_text_tag_table_lookup (table, "claim-shared"), "background-set", &background_set, NULL);
  g_assert_false (background_set);
  gtk_widget_activate_action (GTK_WIDGET (window), "highlight.shared", NULL);
  g_object_get (gtk_text_tag_table_lookup (table, "claim-shared"), "background-set", &background_set, NULL);
  g_assert_true (background_set);

  gtk_widget_activate_action (GTK_WIDGET (window), "highlight.facts", NULL);
  {
    PangoUnderline underline;

    g_object_get (gtk_text_tag_table_lookup (table, "fact-number"), "underline", &underline, NULL);
    g_assert_cmpint (underline, ==, PANGO_UNDERLINE_NONE);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "highlight.facts", NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A dateline opening the first sentence is dimmed as clutter (the
 * column's header says where and when the story was filed), and stays in
 * the text when clutter is hidden: never invisible inside a line. */
static void
test_dateline_dimmed (void)
{
  static const char text[] = "Orlin votes yes to the bridge\n\nMARLOW, March 13 (Continental Wire) - Voters in the Orlin "
                             "region approved a bridge across the lake in a referendum on Sunday, official results showed.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;
  PxSourceView *view;
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter iter;
  gboolean invisible = TRUE;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  document = px_import_text (text, strlen (text), "wire.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_dateline (document), !=, NULL);
  view = g_object_ref_sink (px_source_view_new (document, 0));
  px_source_view_set_show_boilerplate (view, FALSE);
  buffer = px_source_view_get_buffer (view);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "dateline");
  g_assert_nonnull (tag);

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, strstr (text, "MARLOW")));
  g_assert_true (gtk_text_iter_has_tag (&iter, tag));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, strstr (text, "Voters")));
  g_assert_false (gtk_text_iter_has_tag (&iter, tag));
  g_object_get (tag, "invisible", &invisible, NULL);
  g_assert_false (invisible);
  g_object_unref (view);
}

/* The first sentence of @column that belongs to a claim, or -1. */
static int
first_claimed_segment (PxComparison *comparison,
                       PxSourceView *column)
{
  PxDocument *document = px_source_view_get_document (column);

  for (guint s = 0; s < px_document_get_n_segments (document); s++)
    if (px_comparison_get_claim_for_segment (comparison, px_source_view_get_index (column), s) >= 0)
      return s;
  return -1;
}

/* Highlights: the visible part of a column on screen in the same
 * iteration as the comparison; a column scrolled out of the window's view
 * waits for the idle slices that all the columns share. */
static void
test_offscreen_columns_wait (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.parallax_reader.Parallax");
  PxWindow *window;
  PxComparison *comparison;
  PxSourceView *first, *last;
  int first_segment, last_segment;
  GPtrArray *claims;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_settings_set_boolean (settings, "fit-columns", FALSE);
  g_settings_set_int (settings, "column-width", 600);
  window = px_test_open_examples (app);
  px_test_settle ();
  comparison = px_window_get_comparison (window);
  claims = px_comparison_get_claims (comparison);
  first = px_window_get_column (window, 0);
  last = px_window_get_column (window, px_window_get_n_columns (window) - 1);
  first_segment = first_claimed_segment (comparison, first);
  last_segment = first_claimed_segment (comparison, last);
  g_assert_cmpint (first_segment, >=, 0);
  g_assert_cmpint (last_segment, >=, 0);

  px_source_view_set_comparison (first, NULL);
  px_source_view_set_comparison (last, NULL);
  px_source_view_set_comparison (first, comparison);
  px_source_view_set_comparison (last, comparison);
  {
    const PxClaim *claim = g_ptr_array_index (claims, px_comparison_get_claim_for_segment (comparison, 0, first_segment));
    GtkTextBuffer *buffer = px_source_view_get_buffer (first);

    g_assert_true (has_tag (buffer, status_tag (claim->status), claimed_char_offset (comparison, 0, first_segment)));
  }
  {
    guint doc = px_source_view_get_index (last);
    const PxClaim *claim = g_ptr_array_index (claims, px_comparison_get_claim_for_segment (comparison, doc, last_segment));
    GtkTextBuffer *buffer = px_source_view_get_buffer (last);
    int offset = claimed_char_offset (comparison, doc, last_segment);

    g_assert_true (px_source_view_get_highlights_pending (last));
    g_assert_false (has_tag (buffer, status_tag (claim->status), offset));
    px_test_wait_until_idle (window);
    g_assert_false (px_source_view_get_highlights_pending (last));
    g_assert_true (has_tag (buffer, status_tag (claim->status), offset));
  }
  g_settings_reset (settings, "fit-columns");
  g_settings_reset (settings, "column-width");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
text_at_map_cb (PxSourceView *view,
                gboolean     *shown)
{
  *shown = px_source_view_get_shows_text (view);
}

/* A column shows its text once nothing more urgent is left to do (its
 * view then lays out all its lines), or at once when asked: the window
 * asks for the columns in its view. */
static void
test_text_in_turn (void)
{
  static const char text[] = "The harbour bridge will close for repairs in March, the city council said.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_import_text (text, strlen (text), "bridge.txt", &error);
  g_autoptr(PxSourceView) asked = NULL;
  PxSourceView *view;
  GtkWidget *window;
  gboolean shown_at_map = TRUE;
  gint64 deadline;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_assert_no_error (error);
  view = px_source_view_new (document, 0);
  g_signal_connect_after (view, "map", G_CALLBACK (text_at_map_cb), &shown_at_map);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!px_source_view_get_shows_text (view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_false (shown_at_map);
  g_assert_true (px_source_view_get_shows_text (view));
  g_assert_true (gtk_text_view_get_buffer (px_source_view_get_text_view (view)) == px_source_view_get_buffer (view));

  asked = g_object_ref_sink (px_source_view_new (document, 1));
  g_assert_false (px_source_view_get_shows_text (asked));
  px_source_view_show_text (asked);
  g_assert_true (px_source_view_get_shows_text (asked));

  /* a column hidden before its turn waits for its next map */
  view = px_source_view_new (document, 2);
  g_signal_connect_after (view, "map", G_CALLBACK (gtk_widget_hide), NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  px_test_settle ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_false (px_source_view_get_shows_text (view));
  g_signal_handlers_disconnect_by_func (view, gtk_widget_hide, NULL);
  gtk_widget_show (GTK_WIDGET (view));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!px_source_view_get_shows_text (view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (px_source_view_get_shows_text (view));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether both ends of @map's band @index are in their columns' view. */
static gboolean
band_in_view (PxLinkMap    *map,
              PxSourceView *left,
              PxSourceView *right,
              guint         index)
{
  guint l, r, lfirst, llast, rfirst, rlast;

  px_link_map_get_band_segments (map, index, &l, &r);
  return px_source_view_get_visible_segments (left, &lfirst, &llast) &&
         px_source_view_get_visible_segments (right, &rfirst, &rlast) &&
         l >= lfirst && l + 1 < llast && r >= rfirst && r + 1 < rlast;
}

/* A band's end lies within its sentence's lines. */
static void
assert_band_in_sentences (PxLinkMap    *map,
                          PxSourceView *left,
                          PxSourceView *right,
                          guint         index)
{
  guint l, r;
  double ly, lh, ry, rh, sy, sh;

  px_link_map_get_band_segments (map, index, &l, &r);
  g_assert_true (px_link_map_get_band_area (map, index, &ly, &lh, &ry, &rh));
  g_assert_true (px_source_view_get_segment_area (left, l, GTK_WIDGET (map), &sy, &sh));
  g_assert_cmpfloat (ly, >=, sy - 1);
  g_assert_cmpfloat (ly + lh, <=, sy + sh + 1);
  g_assert_true (px_source_view_get_segment_area (right, r, GTK_WIDGET (map), &sy, &sh));
  g_assert_cmpfloat (ry, >=, sy - 1);
  g_assert_cmpfloat (ry + rh, <=, sy + sh + 1);
}

/* The link map keeps where its bands' ends lie in the texts: they follow
 * the text as it scrolls, and are measured again when its lines move. */
static void
test_bands_follow (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.parallax_reader.Parallax");
  PxWindow *window;
  PxSourceView *left, *right;
  PxLinkMap *map;
  GtkAdjustment *v;
  double ly, lh, ry, rh, ly2, lh2, ry2, rh2;
  int band = -1;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  /* the columns scroll one at a time */
  g_settings_set_boolean (settings, "sync-scroll", FALSE);
  window = px_test_open_examples (app);
  px_test_settle ();
  left = px_window_get_column (window, 0);
  right = px_window_get_column (window, 1);
  map = px_window_get_link_map (window, 0);
  for (guint i = 0; i < px_link_map_get_n_bands (map) && band < 0; i++)
    if (band_in_view (map, left, right, i))
      band = i;
  g_assert_cmpint (band, >=, 0);
  assert_band_in_sentences (map, left, right, band);
  g_assert_true (px_link_map_get_band_area (map, band, &ly, &lh, &ry, &rh));

  /* the right text scrolls: its end moves with it, the left one stays */
  v = px_source_view_get_vadjustment (right);
  gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + 30);
  px_test_settle ();
  g_assert_true (px_link_map_get_band_area (map, band, &ly2, &lh2, &ry2, &rh2));
  g_assert_cmpfloat (fabs (ly2 - ly), <, 0.5);
  g_assert_cmpfloat (fabs (ry2 - (ry - 30)), <, 0.5);
  g_assert_cmpfloat (fabs (rh2 - rh), <, 0.5);

  /* larger text: the lines move, and the ends with them (the last band
   * in view is measured, then brought back into view) */
  for (guint i = 0; i < px_link_map_get_n_bands (map); i++)
    if (band_in_view (map, left, right, i))
      {
        assert_band_in_sentences (map, left, right, i);
        band = i;
      }
  g_settings_set_double (settings, "font-scale", 2.0);
  px_test_settle ();
  {
    guint l, r;

    px_link_map_get_band_segments (map, band, &l, &r);
    px_source_view_scroll_to_segment (left, l, 0);
    px_source_view_scroll_to_segment (right, r, 0);
    px_test_settle ();
    g_assert_true (band_in_view (map, left, right, band));
    assert_band_in_sentences (map, left, right, band);
  }
  g_settings_reset (settings, "font-scale");
  g_settings_reset (settings, "sync-scroll");
  gtk_window_destroy (GTK_WINDOW (window));
}

static PxOverviewStrip *
find_strip (GtkWidget *widget)
{
  if (PX_IS_OVERVIEW_STRIP (widget))
    return PX_OVERVIEW_STRIP (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      PxOverviewStrip *found = find_strip (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label of @widget's tree whose text is @text, or NULL. */
static GtkLabel *
find_label_with (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_with (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkScrolledWindow *
columns_scroller (PxWindow *window)
{
  return GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (px_window_get_column (window, 0)),
                                                       GTK_TYPE_SCROLLED_WINDOW));
}

/* GTK draws, and lays out, only the columns in the window's view: the
 * others are not mapped until they scroll into view or get the keyboard. */
static void
test_offscreen_columns_unmapped (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.parallax_reader.Parallax");
  PxWindow *window;
  PxSourceView *first, *last;
  GtkAdjustment *h;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_settings_set_boolean (settings, "fit-columns", FALSE);
  g_settings_set_int (settings, "column-width", 600);
  window = px_test_open_examples (app);
  px_test_settle ();
  first = px_window_get_column (window, 0);
  last = px_window_get_column (window, px_window_get_n_columns (window) - 1);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (first)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (last)));
  /* nor does its text view show its text (GTK would lay out its lines),
   * which is all there for the rest of the window */
  g_assert_true (gtk_text_view_get_buffer (px_source_view_get_text_view (first)) == px_source_view_get_buffer (first));
  g_assert_false (gtk_text_view_get_buffer (px_source_view_get_text_view (last)) == px_source_view_get_buffer (last));
  g_assert_cmpint (gtk_text_buffer_get_char_count (px_source_view_get_buffer (last)), >, 0);
  /* its title is not laid out either */
  {
    GtkLabel *title = find_label_with (GTK_WIDGET (last), px_document_get_title (px_source_view_get_document (last)));

    g_assert_nonnull (title);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (title)));
    title = find_label_with (GTK_WIDGET (first), px_document_get_title (px_source_view_get_document (first)));
    g_assert_nonnull (title);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (title)));
  }
  /* and its overview strip waits too */
  g_assert_cmpuint (px_overview_strip_get_n_marks (find_strip (GTK_WIDGET (first))), >, 0);
  px_source_view_set_comparison (last, NULL);
  px_source_view_set_comparison (last, px_window_get_comparison (window));
  px_test_wait_until_idle (window);
  px_test_settle ();
  g_assert_cmpuint (px_overview_strip_get_n_marks (find_strip (GTK_WIDGET (last))), ==, 0);

  h = gtk_scrolled_window_get_hadjustment (columns_scroller (window));
  gtk_adjustment_set_value (h, gtk_adjustment_get_upper (h));
  px_test_settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (last)));
  g_assert_true (gtk_text_view_get_buffer (px_source_view_get_text_view (last)) == px_source_view_get_buffer (last));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (
    find_label_with (GTK_WIDGET (last), px_document_get_title (px_source_view_get_document (last))))));

  g_assert_cmpuint (px_overview_strip_get_n_marks (find_strip (GTK_WIDGET (last))), >, 0);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (first)));

  /* the column that takes the keyboard (Alt+Left) is mapped and has it */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-column", NULL);
  {
    gboolean focused = FALSE;

    for (guint c = 0; c < px_window_get_n_columns (window); c++)
      {
        PxSourceView *column = px_window_get_column (window, c);

        if (gtk_widget_has_focus (GTK_WIDGET (px_source_view_get_text_view (column))))
          {
            g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (column)));
            focused = TRUE;
          }
      }
    g_assert_true (focused);
  }

  g_settings_reset (settings, "fit-columns");
  g_settings_reset (settings, "column-width");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A column that was out of view while the reader scrolled the others
 * follows them when it is scrolled into view. */
static void
test_offscreen_column_follows (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.parallax_reader.Parallax");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("px-follow-XXXXXX", &error);
  static const char * const outlets[] = { "Courier", "Post", "Herald", "Tribune", "Gazette" };
  GFile *files[G_N_ELEMENTS (outlets)];
  PxWindow *window;
  PxSourceView *first, *last;
  GtkAdjustment *v, *h;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_assert_no_error (error);
  /* five long reports of one list of council decisions */
  for (guint d = 0; d < G_N_ELEMENTS (outlets); d++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("%u.txt", d);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_string_append_printf (text, "Council decisions, as the %s reports them\n\n", outlets[d]);
      for (guint k = 1; k <= 60; k++)
        g_string_append_printf (text, d % 2 == 0 ? "The council of Kessel approved grant number %u of %u,%03u euros for the harbour.\n\n"
                                                 : "Grant number %u, worth %u,%03u euros for the harbour, was approved by the Kessel council.\n\n",
                                k, 10 + k, 7 * k % 1000);
      g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
      files[d] = g_file_new_for_path (path);
    }
  g_settings_set_boolean (settings, "fit-columns", FALSE);
  g_settings_set_int (settings, "column-width", 600);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  px_window_open_files (window, files, G_N_ELEMENTS (files));
  px_test_wait_until_idle (window);
  g_object_set (window, "sync-scroll", TRUE, NULL);
  px_test_settle ();
  px_test_settle ();

  first = px_window_get_column (window, 0);
  last = px_window_get_column (window, px_window_get_n_columns (window) - 1);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (last)));
  v = px_source_view_get_vadjustment (first);
  gtk_adjustment_set_value (v, (gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v)) / 2);
  px_test_settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (px_source_view_get_vadjustment (last)), ==, 0);

  h = gtk_scrolled_window_get_hadjustment (columns_scroller (window));
  gtk_adjustment_set_value (h, gtk_adjustment_get_upper (h));
  px_test_settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (last)));
  v = px_source_view_get_vadjustment (last);
  g_assert_cmpfloat (gtk_adjustment_get_value (v), >, (gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v)) / 4);

  for (guint d = 0; d < G_N_ELEMENTS (files); d++)
    {
      g_file_delete (files[d], NULL, NULL);
      g_object_unref (files[d]);
    }
  g_rmdir (dir);
  g_settings_reset (settings, "fit-columns");
  g_settings_reset (settings, "column-width");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A long sentence that bundles several claims links to a short one by
 * the part that states the shared claim: that part's lines are what a
 * band joins, not the whole sentence's. */
static void
test_part_area (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("px-part-XXXXXX", &error);
  g_autofree char *path_a = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.txt", NULL);
  GFile *files[2];
  GPtrArray *links;
  PxWindow *window;
  PxSourceView *left;
  gboolean checked = FALSE;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path_a,
    "The harbour bridge will close for repairs in March, the city council said on Tuesday, after engineers "
    "found cracks in two of its pillars during a routine inspection of the whole structure last autumn, and "
    "the ferry across the harbour will run every twenty minutes instead of every hour while it is shut.\n", -1, NULL));
  g_assert_true (g_file_set_contents (path_b,
    "While the bridge is shut, the harbour ferry will run every twenty minutes instead of every hour.\n", -1, NULL));
  files[0] = g_file_new_for_path (path_a);
  files[1] = g_file_new_for_path (path_b);

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  px_window_open_files (window, files, 2);
  px_test_wait_until_idle (window);
  px_test_settle ();

  left = px_window_get_column (window, 0);
  links = px_comparison_get_links (px_window_get_comparison (window));
  for (guint i = 0; i < links->len; i++)
    {
      const PxLink *link = g_ptr_array_index (links, i);
      const PxSegment *seg = px_document_get_segment (px_comparison_get_document (px_window_get_comparison (window), 0),
                                                      link->a.segment);
      double sy, sh, py, ph;

      if (link->relation == PX_RELATION_RELATED || link->a.doc != 0)
        continue;
      g_assert_cmpuint (link->a_start, >, seg->start);
      g_assert_true (px_source_view_get_segment_area (left, link->a.segment, GTK_WIDGET (window), &sy, &sh));
      g_assert_true (px_source_view_get_part_area (left, link->a.segment, link->a_start, link->a_end,
                                                   GTK_WIDGET (window), &py, &ph));
      /* the part's lines, lower and fewer than the sentence's */
      g_assert_cmpfloat (py, >, sy + 1);
      g_assert_cmpfloat (py + ph, <=, sy + sh + 1);
      g_assert_cmpfloat (ph, <, sh);
      /* the sentence's lines from the view's cache: all of them, a band's
       * end out of view points there */
      {
        double ry, rh;

        g_assert_true (px_source_view_get_rough_segment_area (left, link->a.segment, GTK_WIDGET (window), &ry, &rh));
        g_assert_cmpfloat (fabs (ry - sy), <, 1);
        g_assert_cmpfloat (ry + rh, >=, sy + sh - 1);
      }
      /* the part takes the claim's colour, the rest of the sentence none */
      {
        GtkTextBuffer *buffer = px_source_view_get_buffer (left);
        const char *text = px_document_get_text (px_source_view_get_document (left), NULL);

        g_assert_true (has_tag (buffer, "claim-shared", g_utf8_pointer_to_offset (text, text + link->a_start)));
        g_assert_true (has_tag (buffer, "claim-unique", g_utf8_pointer_to_offset (text, text + seg->start)));
      }
      checked = TRUE;
    }
  g_assert_true (checked);

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 2; i++)
    {
      g_file_delete (files[i], NULL, NULL);
      g_object_unref (files[i]);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/ui/source-view/claim-tags", test_claim_tags);
  g_test_add_func ("/ui/source-view/offscreen-columns-wait", test_offscreen_columns_wait);
  g_test_add_func ("/ui/source-view/offscreen-columns-unmapped", test_offscreen_columns_unmapped);
  g_test_add_func ("/ui/source-view/offscreen-column-follows", test_offscreen_column_follows);
  g_test_add_func ("/ui/source-view/dateline-dimmed", test_dateline_dimmed);
  g_test_add_func ("/ui/source-view/fact-tags", test_fact_tags);
  g_test_add_func ("/ui/source-view/select-lights-counterpart", test_select_lights_counterpart);
  g_test_add_func ("/ui/source-view/sync-scroll", test_sync_scroll);
  g_test_add_func ("/ui/source-view/sync-scroll-smooth", test_sync_scroll_smooth);
  g_test_add_func ("/ui/source-view/next-claim", test_next_claim);
  g_test_add_func ("/ui/source-view/highlight-kinds", test_highlight_kinds);
  g_test_add_func ("/ui/source-view/part-area", test_part_area);
  g_test_add_func ("/ui/source-view/text-in-turn", test_text_in_turn);
  g_test_add_func ("/ui/source-view/bands-follow", test_bands_follow);

  return g_test_run ();
}
