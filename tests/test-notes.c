/* test-notes.c: highlights in the window, sessions and the report, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "px-application.h"
#include "px-window.h"
#include "px-ui-test.h"

static gboolean have_display;

/* TRUE when the character at byte @offset of column @column carries @tag. */
static gboolean
has_tag_at (PxWindow   *window,
            guint       column,
            guint       offset,
            const char *tag)
{
  PxSourceView *view = px_window_get_column (window, column);
  GtkTextBuffer *buffer = px_source_view_get_buffer (view);
  const char *text = px_document_get_text (px_source_view_get_document (view), NULL);
  GtkTextTag *t = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag);
  GtkTextIter iter;

  if (t == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, text + offset));
  return gtk_text_iter_has_tag (&iter, t);
}

static void
test_highlight_save_open_export (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autofree char *dir = NULL;
  g_autofree char *session_path = NULL;
  g_autofree char *report_path = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GFile) session_file = NULL;
  g_autoptr(GFile) report_file = NULL;
  g_autoptr(GError) error = NULL;
  PxWindow *window, *reopened;
  PxNotes *notes;
  PxAnnotation *annotation;
  guint n_sources;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_test_open_examples (app);
  notes = px_window_get_notes (window);
  n_sources = px_window_get_n_columns (window);
  g_assert_cmpuint (n_sources, >=, 4);
  g_assert_false (px_notes_get_unsaved (notes));

  /* a highlight on the first 20 bytes of the second column */
  annotation = px_notes_add (notes, 1, 0, 20, "contradiction", "Check <b>this</b> against the wire report");
  g_assert_nonnull (annotation);
  g_assert_cmpuint (px_session_get_annotations (px_notes_get_session (notes))->len, ==, 1);
  g_assert_true (px_notes_get_unsaved (notes));
  g_assert_true (has_tag_at (window, 1, 5, "px-note-contradiction"));
  g_assert_false (has_tag_at (window, 1, 30, "px-note-contradiction"));
  g_assert_false (has_tag_at (window, 0, 5, "px-note-contradiction"));

  /* unsaved highlights go to the recovery file */
  {
    g_autoptr(GFile) recovery = px_notes_get_recovery_file ();

    px_notes_autosave_now (notes);
    g_assert_true (g_file_query_exists (recovery, NULL));
  }

  /* moving a column keeps its highlight */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-source-left", "u", 1);
  px_test_wait_until_idle (window);
  g_assert_cmpuint (px_session_get_annotations (px_notes_get_session (notes))->len, ==, 1);
  g_assert_true (has_tag_at (window, 0, 5, "px-note-contradiction"));

  /* the report carries the note, escaped */
  dir = g_dir_make_tmp ("px-notes-XXXXXX", &error);
  g_assert_no_error (error);
  report_path = g_build_filename (dir, "report.html", NULL);
  report_file = g_file_new_for_path (report_path);
  g_assert_true (px_export_html_file (px_window_get_comparison (window),
                                      px_session_get_annotations (px_notes_get_session (notes)),
                                      report_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (report_path, &report, NULL, NULL));
  g_assert_nonnull (strstr (report, "Check &lt;b&gt;this&lt;/b&gt; against the wire report"));

  /* a saved session opens in another window with its sources and highlight */
  session_path = g_build_filename (dir, "reading.parallax", NULL);
  session_file = g_file_new_for_path (session_path);
  /* saving as the user would: the recovery file is no longer needed */
  px_notes_save_to (notes, session_file);
  {
    g_autoptr(GFile) recovery = px_notes_get_recovery_file ();
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (px_notes_get_unsaved (notes) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (px_notes_get_unsaved (notes));
    g_assert_false (g_file_query_exists (recovery, NULL));
  }

  reopened = px_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (reopened));
  px_window_open_files (reopened, &session_file, 1);
  {
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (px_window_get_n_columns (reopened) < n_sources && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  px_test_wait_until_idle (reopened);
  g_assert_cmpuint (px_window_get_n_columns (reopened), ==, n_sources);
  g_assert_cmpuint (px_session_get_annotations (px_notes_get_session (px_window_get_notes (reopened)))->len, ==, 1);
  g_assert_false (px_notes_get_unsaved (px_window_get_notes (reopened)));
  g_assert_true (has_tag_at (reopened, 0, 5, "px-note-contradiction"));

  /* removing a source removes its highlights */
  gtk_widget_activate_action (GTK_WIDGET (reopened), "win.remove-source", "u", 0);
  px_test_wait_until_idle (reopened);
  g_assert_cmpuint (px_session_get_annotations (px_notes_get_session (px_window_get_notes (reopened)))->len, ==, 0);

  g_unlink (report_path);
  g_unlink (session_path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (reopened));
  px_session_remove_annotation (px_notes_get_session (notes), annotation);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_paste (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  PxWindow *window;
  gint64 deadline;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)),
                          "Voters approved the bridge on Sunday. Turnout was 64.8 per cent.");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.paste", NULL);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_list_model_get_n_items (px_window_get_sources (window)) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (px_window_get_sources (window)), ==, 1);
  {
    g_autoptr(PxDocument) document = g_list_model_get_item (px_window_get_sources (window), 0);

    g_assert_cmpuint (px_document_get_n_segments (document), ==, 2);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_links (PxWindow *window)
{
  GPtrArray *links = px_comparison_get_links (px_window_get_comparison (window));
  guint n = 0;

  for (guint i = 0; i < links->len; i++)
    n += ((PxLink *)g_ptr_array_index (links, i))->relation != PX_RELATION_RELATED;
  return n;
}

/* The Preferences' alignment sensitivity compares again with it. */
static void
test_sensitivity (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  PxWindow *window;
  guint low, high;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_settings_set_enum (settings, "alignment-sensitivity", 0);
  window = px_test_open_examples (app);
  low = count_links (window);
  g_settings_set_enum (settings, "alignment-sensitivity", 2);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  px_test_wait_until_idle (window);
  high = count_links (window);
  g_assert_cmpuint (low, <, high);
  g_settings_reset (settings, "alignment-sensitivity");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Compare Again" after a Stop: win.compare compares the same sources anew. */
static void
test_compare_again (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  PxWindow *window;
  PxComparison *before;
  guint n;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_test_open_examples (app);
  before = g_object_ref (px_window_get_comparison (window));
  n = px_window_get_n_columns (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL);
  g_assert_true (px_window_get_busy (window));
  px_test_wait_until_idle (window);
  g_assert_nonnull (px_window_get_comparison (window));
  g_assert_true (px_window_get_comparison (window) != before);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, n);
  g_object_unref (before);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Removing a source rebuilds the columns; the others keep their place. */
static void
test_keeps_place (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  PxWindow *window;
  PxDocument *document;
  guint first = 0, last = 0, target;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_test_open_examples (app);
  document = px_source_view_get_document (px_window_get_column (window, 1));
  target = px_document_get_n_segments (document) / 2;
  px_source_view_scroll_to_segment (px_window_get_column (window, 1), target, 0);
  px_test_settle ();
  g_assert_true (px_source_view_get_visible_segments (px_window_get_column (window, 1), &first, &last));
  g_assert_cmpuint (first, >, 0);
  target = first;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-source", "u", 0);
  px_test_wait_until_idle (window);
  px_test_settle ();
  g_assert_true (px_source_view_get_document (px_window_get_column (window, 0)) == document);
  /* the columns are wider now and wrap otherwise: the sentence that was
   * at the top is still on the top line, or as near as the text scrolls */
  {
    PxSourceView *column = px_window_get_column (window, 0);
    GtkAdjustment *adjustment = px_source_view_get_vadjustment (column);
    double y = 0;

    g_assert_true (px_source_view_get_segment_top (column, target, &y));
    if (gtk_adjustment_get_value (adjustment) <
        gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) - 1)
      g_assert_cmpfloat (fabs (y - px_source_view_get_visible_top (column)), <, 30);
    else
      g_assert_cmpfloat (y, >=, px_source_view_get_visible_top (column));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A label below @widget whose text is @text. */
static gboolean
has_label_text (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_text (child, text))
      return TRUE;
  return FALSE;
}

/* A highlight on a quote is listed with the quote's own marks, not
 * “doubled” ones. */
static void
test_quote_not_doubled (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  PxWindow *window;
  guint column = 0, start = 0, end = 0;
  g_autofree char *exact = NULL;
  g_autofree char *doubled = NULL;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  window = px_test_open_examples (app);
  for (guint c = 0; c < px_window_get_n_columns (window) && end == 0; c++)
    {
      const char *text = px_document_get_text (px_source_view_get_document (px_window_get_column (window, c)), NULL);
      /* curly or straight */
      const char *open = strstr (text, "“");
      const char *close = open != NULL ? strstr (open, "”") : NULL;
      gsize close_length = strlen ("”");

      if (close == NULL)
        {
          open = strchr (text, '"');
          close = open != NULL ? strchr (open + 1, '"') : NULL;
          close_length = 1;
        }
      if (close != NULL)
        {
          column = c;
          start = open - text;
          end = close + close_length - text;
        }
    }
  if (end == 0)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_test_skip ("no quotation in the examples");
      return;
    }
  g_assert_nonnull (px_notes_add (px_window_get_notes (window), column, start, end, "check", NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar-page", "s", "notes");
  px_test_settle ();
  exact = g_strndup (px_document_get_text (px_source_view_get_document (px_window_get_column (window, column)), NULL) + start,
                     end - start);
  doubled = g_strdup_printf ("“%s”", exact);
  g_assert_true (has_label_text (GTK_WIDGET (window), exact));
  g_assert_false (has_label_text (GTK_WIDGET (window), doubled));

  px_session_remove_annotation (px_notes_get_session (px_window_get_notes (window)),
                                g_ptr_array_index (px_session_get_annotations (px_notes_get_session (px_window_get_notes (window))), 0));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The tag at @iter that decides @property_set ("underline-rgba-set"):
 * the one of highest priority that sets it. */
static GtkTextTag *
deciding_tag (const GtkTextIter *iter,
              const char        *property_set)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);
  GtkTextTag *best = NULL;

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean set = FALSE;

      g_object_get (l->data, property_set, &set, NULL);
      if (set && (best == NULL || gtk_text_tag_get_priority (l->data) > gtk_text_tag_get_priority (best)))
        best = l->data;
    }
  return best;
}

/* A highlight over a quote covers the name inside it too: its underline
 * (never colour alone) is the highlight's, not the name's faint one. */
static void
test_highlight_covers_name (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  PxWindow *window;
  GtkTextBuffer *buffer;
  GtkTextTag *note_tag, *name_tag;
  const char *text, *quote, *name, *said;
  GtkTextIter iter;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  window = px_test_open_examples (app);
  text = px_document_get_text (px_source_view_get_document (px_window_get_column (window, 0)), NULL);
  quote = strstr (text, "\"This bridge");
  name = quote != NULL ? strstr (quote, "Ilse Varga") : NULL;
  said = name != NULL ? strstr (name, " said") : NULL;
  g_assert_nonnull (said);
  g_assert_nonnull (px_notes_add (px_window_get_notes (window), 0, quote - text, said - text, "check", NULL));
  px_test_settle ();

  buffer = px_source_view_get_buffer (px_window_get_column (window, 0));
  note_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "px-note-check");
  name_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "fact-name");
  g_assert_nonnull (note_tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, name) + 1);
  g_assert_true (gtk_text_iter_has_tag (&iter, name_tag));
  g_assert_true (gtk_text_iter_has_tag (&iter, note_tag));
  g_assert_true (deciding_tag (&iter, "underline-set") == note_tag);
  g_assert_true (deciding_tag (&iter, "underline-rgba-set") == note_tag);
  g_assert_true (deciding_tag (&iter, "background-set") == note_tag);

  px_session_remove_annotation (px_notes_get_session (px_window_get_notes (window)),
                                g_ptr_array_index (px_session_get_annotations (px_notes_get_session (px_window_get_notes (window))), 0));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *state = g_dir_make_tmp ("px-state-XXXXXX", NULL);

  /* the recovery file of these tests never meets the user's */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/ui/notes/highlight-save-open-export", test_highlight_save_open_export);
  g_test_add_func ("/ui/window/paste", test_paste);
  g_test_add_func ("/ui/window/sensitivity", test_sensitivity);
  g_test_add_func ("/ui/window/compare-again", test_compare_again);
  g_test_add_func ("/ui/window/keeps-place", test_keeps_place);
  g_test_add_func ("/ui/notes/quote-not-doubled", test_quote_not_doubled);
  g_test_add_func ("/ui/notes/highlight-covers-name", test_highlight_covers_name);

  return g_test_run ();
}
