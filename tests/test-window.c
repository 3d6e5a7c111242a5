/* test-window.c: the application window, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "px-application.h"
#include "px-preferences-window.h"
#include "px-window.h"
#include "px-ui-test.h"

static gboolean have_display;

static void
test_empty_then_examples (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GPtrArray) files = px_test_example_files ();
  PxWindow *window;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));

  g_assert_cmpuint (g_list_model_get_n_items (px_window_get_sources (window)), ==, 0);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, 0);
  g_assert_false (px_window_get_busy (window));

  g_assert_cmpuint (files->len, >=, 4);
  px_window_open_files (window, (GFile **)files->pdata, files->len);
  g_assert_true (px_window_get_busy (window));
  px_test_wait_until_idle (window);

  /* One source and one column per file, in the order given, with a link
   * map between each two. */
  g_assert_cmpuint (g_list_model_get_n_items (px_window_get_sources (window)), ==, files->len);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, files->len);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(PxDocument) document = g_list_model_get_item (px_window_get_sources (window), i);
      g_autofree char *path = g_file_get_path (g_ptr_array_index (files, i));
      PxSourceView *column = px_window_get_column (window, i);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (px_source_view_get_text_view (column));

      g_assert_cmpstr (px_document_get_origin (document), ==, path);
      g_assert_true (px_source_view_get_document (column) == document);
      g_assert_cmpuint (px_source_view_get_index (column), ==, i);
      /* The buffer holds the document's text, character for character. */
      g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==,
                       g_utf8_strlen (px_document_get_text (document, NULL), -1));
    }
  for (guint i = 0; i + 1 < files->len; i++)
    g_assert_nonnull (px_window_get_link_map (window, i));
  g_assert_null (px_window_get_link_map (window, files->len - 1));
  g_assert_nonnull (px_window_get_comparison (window));
  g_assert_cmpuint (px_comparison_get_n_documents (px_window_get_comparison (window)), ==, files->len);

  /* Removing a source recomputes the comparison without it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-source", "u", 0);
  px_test_wait_until_idle (window);
  g_assert_cmpuint (g_list_model_get_n_items (px_window_get_sources (window)), ==, files->len - 1);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, files->len - 1);
  g_assert_cmpuint (px_comparison_get_n_documents (px_window_get_comparison (window)), ==, files->len - 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_move_source (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GPtrArray) files = px_test_example_files ();
  g_autoptr(PxDocument) first = NULL;
  g_autoptr(PxDocument) moved = NULL;
  PxWindow *window;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  px_window_open_files (window, (GFile **)files->pdata, 3);
  px_test_wait_until_idle (window);

  first = g_list_model_get_item (px_window_get_sources (window), 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-source-right", "u", 0);
  px_test_wait_until_idle (window);
  moved = g_list_model_get_item (px_window_get_sources (window), 1);
  g_assert_true (first == moved);
  g_assert_true (px_source_view_get_document (px_window_get_column (window, 1)) == first);
  g_assert_true (px_comparison_get_document (px_window_get_comparison (window), 1) == first);

  /* Moving the first column further left does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.move-source-left", "u", 0);
  px_test_wait_until_idle (window);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cancel (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GPtrArray) files = px_test_example_files ();
  PxWindow *window;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  px_window_open_files (window, (GFile **)files->pdata, files->len);
  g_assert_true (px_window_get_busy (window));
  px_window_cancel (window);
  g_assert_false (px_window_get_busy (window));

  /* Nothing of the cancelled batch arrives later. */
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (G_USEC_PER_SEC / 10);
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (px_window_get_sources (window)), ==, 0);

  /* And the window still opens files afterwards. */
  px_window_open_files (window, (GFile **)files->pdata, 2);
  px_test_wait_until_idle (window);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_bad_file_keeps_others (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GPtrArray) files = px_test_example_files ();
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/missing.txt");
  GFile *batch[2];
  PxWindow *window;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  batch[0] = missing;
  batch[1] = g_ptr_array_index (files, 0);
  px_window_open_files (window, batch, 2);
  px_test_wait_until_idle (window);

  g_assert_cmpuint (g_list_model_get_n_items (px_window_get_sources (window)), ==, 1);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The five seed articles: how long until their highlights show. */
static void
test_seeds_timing (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *dir = g_getenv ("PX_SEEDS_DIR");
  g_autoptr(GDir) gdir = NULL;
  const char *name;
  PxWindow *window;
  gint64 start, compared = 0, highlighted = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  if (dir == NULL || (gdir = g_dir_open (dir, 0, NULL)) == NULL)
    {
      g_test_skip ("no seed articles (PX_SEEDS_DIR)");
      return;
    }
  while ((name = g_dir_read_name (gdir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_file_new_build_filename (dir, g_ptr_array_index (names, i), NULL));

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));

  start = g_get_monotonic_time ();
  px_window_open_files (window, (GFile **)files->pdata, files->len);
  while (g_get_monotonic_time () - start < 60 * G_USEC_PER_SEC)
    {
      g_main_context_iteration (NULL, TRUE);
      if (compared == 0 && px_window_get_comparison (window) != NULL)
        compared = g_get_monotonic_time ();
      if (compared != 0 && !px_window_get_highlights_pending (window))
        {
          highlighted = g_get_monotonic_time ();
          break;
        }
    }
  g_assert_cmpint (highlighted, >, 0);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, files->len);
  g_test_message ("%u seeds: comparison after %.0f ms, highlights after %.0f ms",
                  files->len, (compared - start) / 1000.0, (highlighted - start) / 1000.0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The switch in the row titled @title, below @widget. */
static GtkSwitch *
find_row_switch (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    {
      GtkWidget *suffix = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget));

      if (GTK_IS_SWITCH (suffix))
        return GTK_SWITCH (suffix);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSwitch *found = find_row_switch (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A highlight switch sets the "highlight-kinds" setting: its kind goes,
 * the other kinds stay, and so does a kind of a newer version. */
static void
test_preferences_highlights (void)
{
  static const char * const before[] = { "shared", "future-kind", "facts", NULL };
  g_autoptr(GSettings) settings = NULL;
  g_auto(GStrv) after = NULL;
  PxPreferencesWindow *prefs;
  GtkSwitch *shared;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_strv (settings, "highlight-kinds", before);
  prefs = px_preferences_window_new (NULL);
  shared = find_row_switch (GTK_WIDGET (prefs), "Claims Stated by All");
  g_assert_nonnull (shared);
  g_assert_true (gtk_switch_get_active (shared));

  gtk_switch_set_active (shared, FALSE);
  after = g_settings_get_strv (settings, "highlight-kinds");
  g_assert_false (g_strv_contains ((const char * const *)after, "shared"));
  g_assert_true (g_strv_contains ((const char * const *)after, "facts"));
  g_assert_true (g_strv_contains ((const char * const *)after, "future-kind"));
  g_assert_cmpuint (g_strv_length (after), ==, 2);

  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/ui/window/empty-then-examples", test_empty_then_examples);
  g_test_add_func ("/ui/window/move-source", test_move_source);
  g_test_add_func ("/ui/window/cancel", test_cancel);
  g_test_add_func ("/ui/window/bad-file-keeps-others", test_bad_file_keeps_others);
  g_test_add_func ("/ui/window/seeds-timing", test_seeds_timing);
  g_test_add_func ("/ui/window/preferences-highlights", test_preferences_highlights);

  return g_test_run ();
}
