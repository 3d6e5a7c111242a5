/* test-window.c: the application window, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "px-application.h"
#include "px-preferences-window.h"
#include "px-window.h"
#include "px-ui-test.h"
#include "px-tooltip.h"

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
      GtkTextBuffer *buffer = px_source_view_get_buffer (column);

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

/* The first widget below @widget (itself included) that @match accepts. */
static GtkWidget *
find_widget (GtkWidget *widget,
             gboolean (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_label (GtkWidget    *widget,
          gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_button (GtkWidget    *widget,
           gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_of_type (GtkWidget    *widget,
            gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
has_tooltip_with (GtkWidget    *widget,
                  gconstpointer text)
{
  const char *tip = gtk_widget_get_tooltip_text (widget) != NULL ? gtk_widget_get_tooltip_text (widget)
                                                                 : px_tooltip_get_text (widget);

  return tip != NULL && strstr (tip, text) != NULL;
}

/* A label below @widget whose text is @text. */
#define find_label(widget, text) find_widget ((widget), is_label, (text))
/* A button below @widget whose label is @label. */
#define find_button(widget, label) find_widget ((widget), is_button, (label))
#define find_of_type(widget, type) find_widget ((widget), is_of_type, GSIZE_TO_POINTER (type))

/* A button in the header bar that runs @action: its sensitivity is the
 * action's, as the menus and buttons of the window show it. */
static GtkWidget *
add_probe (PxWindow   *window,
           const char *action,
           GVariant   *target)
{
  GtkWidget *header = find_of_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkWidget *button = gtk_button_new_with_label (action);

  g_assert_nonnull (header);
  /* the target first: a name alone would not match a parameter */
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  return button;
}

static guint
n_annotations (PxWindow *window)
{
  return px_session_get_annotations (px_notes_get_session (px_window_get_notes (window)))->len;
}

/* Runs the main loop until @widget is sensitive (at most ten seconds). */
static void
wait_sensitive (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_sensitive (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_sensitive (widget));
}

/* × removes a column with an Undo toast; Undo brings it back in its place
 * with its notes; a second click right after the first removes nothing. */
static void
test_remove_undo (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(PxDocument) second = NULL;
  PxWindow *window;
  GtkWidget *undo, *remove_probe;
  guint n;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  window = px_test_open_examples (app);
  n = px_window_get_n_columns (window);
  g_assert_cmpuint (n, >=, 4);
  second = g_list_model_get_item (px_window_get_sources (window), 1);
  g_assert_nonnull (px_notes_add (px_window_get_notes (window), 1, 0, 20, "check", "a note"));
  g_assert_cmpuint (n_annotations (window), ==, 1);
  remove_probe = add_probe (window, "win.remove-source", g_variant_new_uint32 (1));
  g_assert_true (gtk_widget_get_sensitive (remove_probe));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-source", "u", 1);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, n - 1);
  /* the next column is under the pointer now: no second removal */
  g_assert_false (gtk_widget_get_sensitive (remove_probe));
  px_test_wait_until_idle (window);
  g_assert_cmpuint (n_annotations (window), ==, 0);

  undo = find_button (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  px_test_wait_until_idle (window);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, n);
  g_assert_true (px_source_view_get_document (px_window_get_column (window, 1)) == second);
  g_assert_cmpuint (n_annotations (window), ==, 1);
  g_assert_cmpuint (px_comparison_get_n_documents (px_window_get_comparison (window)), ==, n);

  /* and the window removes again once it has settled */
  wait_sensitive (remove_probe);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-source", "u", 0);
  px_test_wait_until_idle (window);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, n - 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The same file twice, in one batch or later, is one column. */
/* Opened articles join the desktop's recent files, once the window has
 * nothing else to do. */
static void
test_recent_files (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("px-recent-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "recent-article.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentManager *manager;
  GFile *files[1] = { file };
  PxWindow *window;
  gint64 deadline;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "The council approved the budget on Monday.\n", -1, NULL));
  manager = gtk_recent_manager_get_default ();
  g_assert_false (gtk_recent_manager_has_item (manager, uri));

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  px_window_open_files (window, files, 1);
  px_test_wait_until_idle (window);
  /* (GTK adds an item once it has read the file's type) */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!gtk_recent_manager_has_item (manager, uri) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_recent_manager_has_item (manager, uri));

  gtk_recent_manager_remove_item (manager, uri, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_duplicate_skipped (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GPtrArray) files = px_test_example_files ();
  g_autofree char *dir = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *first_path = NULL;
  g_autoptr(GFile) copy = NULL;
  GFile *batch[3];
  PxWindow *window;
  gsize length;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  batch[0] = g_ptr_array_index (files, 0);
  batch[1] = g_ptr_array_index (files, 1);
  batch[2] = g_ptr_array_index (files, 0);
  px_window_open_files (window, batch, 3);
  px_test_wait_until_idle (window);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, 2);

  px_window_open_files (window, batch, 1);
  px_test_wait_until_idle (window);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, 2);

  /* a copy under another name holds the same text */
  dir = g_dir_make_tmp ("px-dup-XXXXXX", NULL);
  first_path = g_file_get_path (batch[0]);
  g_assert_true (g_file_get_contents (first_path, &contents, &length, NULL));
  copy_path = g_build_filename (dir, "copy.txt", NULL);
  g_assert_true (g_file_set_contents (copy_path, contents, length, NULL));
  copy = g_file_new_for_path (copy_path);
  px_window_open_files (window, &copy, 1);
  px_test_wait_until_idle (window);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, 2);

  px_window_open_files (window, (GFile **)&g_ptr_array_index (files, 2), 1);
  px_test_wait_until_idle (window);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, 3);

  g_unlink (copy_path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What the import had to change reaches the reader: a toast names the file
 * (an "&" in its name stays text) and the column's tooltip keeps it. */
static void
test_import_warning_shown (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autofree char *dir = g_dir_make_tmp ("px-warn-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes & draft.txt", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PxDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);
  const char * const *warnings;
  GtkWidget *subtitle;
  PxWindow *window;

  if (!have_display)
    {
      g_test_skip ("no display");
      g_string_free (text, TRUE);
      return;
    }
  /* UTF-8 with one NUL after the first 4 KiB */
  while (text->len < 5000)
    g_string_append (text, "The council met on Monday. Über die Brücke ging es weiter. ");
  g_string_append_c (text, '\0');
  g_string_append (text, " The end.\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_string_free (text, TRUE);
  file = g_file_new_for_path (path);
  document = px_import_file (file, NULL, &error);
  g_assert_no_error (error);
  warnings = px_document_get_warnings (document);
  g_assert_nonnull (warnings);
  g_assert_nonnull (warnings[0]);
  expected = g_strdup_printf ("“notes & draft.txt”: %s", warnings[0]);

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  px_window_open_files (window, &file, 1);
  px_test_wait_until_idle (window);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, 1);
  g_assert_nonnull (find_label (GTK_WIDGET (window), expected));
  subtitle = find_widget (GTK_WIDGET (window), has_tooltip_with, warnings[0]);
  g_assert_nonnull (subtitle);

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A .parallax file given to a window with sources opens in a window of
 * its own, never merged into the sources shown. */
static void
test_session_not_merged (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  PxWindow *window, *other = NULL;
  guint n;
  gint64 deadline;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  window = px_test_open_examples (app);
  n = px_window_get_n_columns (window);
  px_notes_add (px_window_get_notes (window), 0, 0, 20, "check", NULL);
  dir = g_dir_make_tmp ("px-session-XXXXXX", NULL);
  path = g_build_filename (dir, "reading.parallax", NULL);
  file = g_file_new_for_path (path);
  px_notes_save_to (px_window_get_notes (window), file);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (px_notes_get_unsaved (px_window_get_notes (window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_query_exists (file, NULL));

  px_window_open_files (window, &file, 1);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (PX_IS_WINDOW (l->data) && l->data != window)
      other = l->data;
  g_assert_nonnull (other);
  px_test_wait_until_idle (other);
  px_test_wait_until_idle (window);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, n);
  g_assert_cmpuint (px_window_get_n_columns (other), ==, n);
  g_assert_cmpuint (n_annotations (other), ==, 1);
  g_assert_false (px_notes_get_unsaved (px_window_get_notes (other)));

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (other));
  px_session_remove_annotation (px_notes_get_session (px_window_get_notes (window)),
                                g_ptr_array_index (px_session_get_annotations (px_notes_get_session (px_window_get_notes (window))), 0));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* With no sources, what cannot run is not offered. */
static void
test_empty_actions (void)
{
  static const char * const disabled[] = {
    "notes.save", "notes.save-as", "notes.export", "notes.add", "win.next-claim", "win.previous-claim", "win.find",
  };
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GPtrArray) files = px_test_example_files ();
  GtkWidget *probes[G_N_ELEMENTS (disabled)];
  PxWindow *window;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (disabled); i++)
    {
      probes[i] = add_probe (window, disabled[i], NULL);
      g_assert_false (gtk_widget_get_sensitive (probes[i]));
    }

  px_window_open_files (window, (GFile **)files->pdata, 2);
  px_test_wait_until_idle (window);
  for (guint i = 0; i < G_N_ELEMENTS (disabled); i++)
    g_assert_true (gtk_widget_get_sensitive (probes[i]));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Five sources and the fact sidebar fit a 1280 × 800 window, each column
 * wide enough to read; with the fixed width the columns scroll sideways. */
static void
test_five_fit (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  const char *dir = g_getenv ("PX_SEEDS_DIR");
  g_autoptr(GDir) gdir = NULL;
  const char *name;
  PxWindow *window;
  GtkWidget *scroller;
  GtkAdjustment *hadjustment;

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
  while ((name = g_dir_read_name (gdir)) != NULL && files->len < 5)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (files, g_file_new_build_filename (dir, name, NULL));
  g_assert_cmpuint (files->len, ==, 5);

  g_settings_set_boolean (settings, "show-sidebar", TRUE);
  g_settings_set_boolean (settings, "fit-columns", TRUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  px_window_open_files (window, (GFile **)files->pdata, files->len);
  px_test_wait_until_idle (window);
  px_test_settle ();

  g_assert_cmpuint (px_window_get_n_columns (window), ==, 5);
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (px_window_get_column (window, 0)), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* all five in view, none narrower than a readable column */
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=, gtk_adjustment_get_page_size (hadjustment) + 1);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (px_window_get_column (window, i))), >=, 170);
  /* and they share the width evenly */
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (px_window_get_column (window, 0))) -
                        gtk_widget_get_width (GTK_WIDGET (px_window_get_column (window, 4)))), <=, 2);

  g_settings_set_boolean (settings, "fit-columns", FALSE);
  px_test_settle ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (px_window_get_column (window, 0))), ==,
                   g_settings_get_int (settings, "column-width"));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, gtk_adjustment_get_page_size (hadjustment));
  /* the scrollbar is a real one, always there to reach */
  g_assert_false (gtk_scrolled_window_get_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller)));

  g_settings_reset (settings, "fit-columns");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The title says which session this is and whether it is saved; saving
 * says so in a toast. */
static void
test_title_unsaved (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  PxWindow *window;
  PxNotes *notes;
  PxAnnotation *annotation;
  gint64 deadline;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  window = px_test_open_examples (app);
  notes = px_window_get_notes (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Parallax");
  /* before a session: after the first source, a name any system takes */
  {
    g_autofree char *name = px_notes_suggest_name (notes, ".html");

    g_assert_true (g_str_has_suffix (name, ".html"));
    g_assert_cmpstr (name, !=, "report.html");
    g_assert_null (strpbrk (name, "/\\:*?\"<>|"));
    g_assert_null (strstr (name, "  "));
  }

  annotation = px_notes_add (notes, 0, 0, 20, "check", NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Parallax");

  dir = g_dir_make_tmp ("px-title-XXXXXX", NULL);
  path = g_build_filename (dir, "Election Reading.parallax", NULL);
  file = g_file_new_for_path (path);
  px_notes_save_to (notes, file);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (px_notes_get_unsaved (notes) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Election Reading — Parallax");
  /* the report is named after the session */
  {
    g_autofree char *name = px_notes_suggest_name (notes, ".html");

    g_assert_cmpstr (name, ==, "Election Reading.html");
  }
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Saved “Election Reading.parallax”"));

  /* a change to a saved session: the dot again */
  px_session_remove_annotation (px_notes_get_session (notes), annotation);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Election Reading — Parallax");

  g_unlink (path);
  g_rmdir (dir);
  /* closing would ask about the unsaved change */
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Alt+Right / Alt+Left move the keyboard between the columns, with a
 * caret; Ctrl+Shift+M opens the sidebar on the notes. */
static void
test_keyboard_columns (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  PxWindow *window;
  GtkWidget *stack;
  gboolean show_facts;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  window = px_test_open_examples (app);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-column", NULL);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (px_source_view_get_text_view (px_window_get_column (window, 0)))));
  g_assert_true (gtk_text_view_get_cursor_visible (px_source_view_get_text_view (px_window_get_column (window, 0))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-column", NULL);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (px_source_view_get_text_view (px_window_get_column (window, 1)))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-column", NULL);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (px_source_view_get_text_view (px_window_get_column (window, 0)))));

  g_object_set (window, "show-facts", FALSE, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar-page", "s", "notes");
  g_object_get (window, "show-facts", &show_facts, NULL);
  g_assert_true (show_facts);
  stack = find_of_type (GTK_WIDGET (window), GTK_TYPE_STACK_SWITCHER);
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (stack))), ==, "notes");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar-page", "s", "facts");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (stack))), ==, "facts");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An open menu hides its button's tooltip (GTK 4.8 left it over the menu). */
static void
test_menu_hides_tooltip (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  PxWindow *window;
  GtkWidget *header, *button = NULL;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  window = px_test_open_examples (app);
  header = GTK_WIDGET (px_window_get_column (window, 0));
  button = find_of_type (header, GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_has_tooltip (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_false (gtk_widget_get_has_tooltip (button));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_has_tooltip (button));
  /* and again, with the menu made the first time */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_false (gtk_widget_get_has_tooltip (button));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_has_tooltip (button));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_pages_stack (GtkWidget    *widget,
                gconstpointer name)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), name) != NULL;
}

/* The columns replace the empty page at once: a crossfade drew the whole
 * window twice a frame while the columns were laid out. */
static void
test_columns_come_at_once (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GPtrArray) files = px_test_example_files ();
  PxWindow *window;
  GtkStack *stack;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  stack = GTK_STACK (find_widget (GTK_WIDGET (window), is_pages_stack, "sources"));
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  px_window_open_files (window, (GFile **)files->pdata, 2);
  while (px_window_get_n_columns (window) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "sources");
  g_assert_false (gtk_stack_get_transition_running (stack));
  px_test_wait_until_idle (window);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A column's menu is made when it first opens, and acts on its column. */
static void
test_column_menu (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  PxWindow *window;
  GtkWidget *button;
  GMenuModel *menu, *section;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  window = px_test_open_examples (app);
  button = find_of_type (GTK_WIDGET (px_window_get_column (window, 1)), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
  g_assert_cmpstr (px_tooltip_get_text (button), ==, "Source Menu");

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "win.move-source-left");
  target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_UINT32);
  g_assert_cmpuint (g_variant_get_uint32 (target), ==, 1);
  section = g_menu_model_get_item_link (menu, 2, G_MENU_LINK_SECTION);
  g_assert_nonnull (section);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 1);
  g_object_unref (section);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  /* made once */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)) == menu);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A tooltip kept on the widget is the one GTK shows, and the widget's
 * accessible description. */
static void
test_tooltip_kept (void)
{
  g_autoptr(GtkWidget) label = g_object_ref_sink (gtk_label_new ("x"));
  g_autoptr(GtkTooltip) tooltip = NULL;
  gboolean handled = FALSE;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_assert_false (gtk_widget_get_has_tooltip (label));
  px_tooltip_set_text (label, "Remove Source");
  g_assert_true (gtk_widget_get_has_tooltip (label));
  g_assert_cmpstr (px_tooltip_get_text (label), ==, "Remove Source");
  /* GTK's own text is not set: nothing asked the display for the pointer */
  g_assert_null (gtk_widget_get_tooltip_text (label));

  tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_signal_emit_by_name (label, "query-tooltip", 0, 0, FALSE, tooltip, &handled);
  g_assert_true (handled);

  px_tooltip_set_text (label, "Source Menu");
  g_assert_cmpstr (px_tooltip_get_text (label), ==, "Source Menu");
  px_tooltip_set_text (label, "");
  g_assert_null (px_tooltip_get_text (label));
  g_assert_false (gtk_widget_get_has_tooltip (label));
  handled = TRUE;
  g_signal_emit_by_name (label, "query-tooltip", 0, 0, FALSE, tooltip, &handled);
  g_assert_false (handled);
}

/* Whether the text @needle of @column carries the tag @name throughout. */
static gboolean
text_has_tag (PxWindow   *window,
              guint       column,
              const char *needle,
              const char *name)
{
  GtkTextBuffer *buffer = px_source_view_get_buffer (px_window_get_column (window, column));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter start, match_start, match_end;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, needle, 0, &match_start, &match_end, NULL));
  for (GtkTextIter i = match_start; gtk_text_iter_compare (&i, &match_end) < 0; gtk_text_iter_forward_char (&i))
    if (!gtk_text_iter_has_tag (&i, tag))
      return FALSE;
  return TRUE;
}

/* Selecting a sentence lights the part of its counterpart that states its
 * claim, and marks the words that say the same in other words. */
static void
test_linked_part (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autofree char *dir = g_dir_make_tmp ("px-part-XXXXXX", NULL);
  g_autofree char *path_a = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.txt", NULL);
  g_autoptr(GFile) a = g_file_new_for_path (path_a);
  g_autoptr(GFile) b = g_file_new_for_path (path_b);
  GFile *files[2] = { a, b };
  PxWindow *window;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_assert_true (g_file_set_contents (path_a, "We have over $500 billion invested in our economy.\n", -1, NULL));
  g_assert_true (g_file_set_contents (path_b, "The harbour was closed on Monday, and more than $500 billion "
                                               "is involved in our economy.\n", -1, NULL));

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  px_window_open_files (window, files, 2);
  px_test_wait_until_idle (window);
  px_window_select_segment (window, 0, 0);
  px_test_settle ();

  g_assert_true (text_has_tag (window, 1, "more than $500 billion is involved in our economy", "linked-part"));
  g_assert_false (text_has_tag (window, 1, "harbour", "linked-part"));
  g_assert_true (text_has_tag (window, 1, "involved", "pair-equivalent"));
  g_assert_true (text_has_tag (window, 0, "invested", "pair-equivalent"));
  g_assert_false (text_has_tag (window, 1, "economy", "pair-diff"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path_a);
  g_unlink (path_b);
  g_rmdir (dir);
}

/* Without a GPU's render node GL is turned off before GTK starts (Mesa's
 * software GL cost 40 ms at start and more on every frame); with one, or
 * when the user chose a renderer, nothing changes. In a subprocess each:
 * the choice is made in the environment. */
static void
test_renderer_choice (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *node = NULL;
  g_autofree char *card = NULL;
  const char *path = g_test_get_path ();

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  dir = g_dir_make_tmp ("px-dri-XXXXXX", NULL);
  node = g_build_filename (dir, "renderD128", NULL);
  card = g_build_filename (dir, "card0", NULL);
  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("GDK_DEBUG");
  g_unsetenv ("GDK_DISABLE");
  g_assert_true (g_file_set_contents (card, "", 0, NULL));
  if (g_str_has_suffix (path, "/gpu"))
    {
      g_assert_true (g_file_set_contents (node, "", 0, NULL));
      g_assert_false (px_application_choose_renderer (dir));
      g_assert_null (g_getenv ("GDK_DEBUG"));
    }
  else if (g_str_has_suffix (path, "/chosen"))
    {
      g_setenv ("GSK_RENDERER", "ngl", TRUE);
      g_assert_false (px_application_choose_renderer (dir));
      g_assert_null (g_getenv ("GDK_DEBUG"));
    }
  else
    {
      g_assert_true (px_application_choose_renderer (dir));
      g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");
      g_assert_cmpstr (g_getenv ("GDK_DISABLE"), ==, "gl");
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
    }
  g_unlink (node);
  g_unlink (card);
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

  g_test_add_func ("/ui/window/empty-then-examples", test_empty_then_examples);
  g_test_add_func ("/ui/window/move-source", test_move_source);
  g_test_add_func ("/ui/window/cancel", test_cancel);
  g_test_add_func ("/ui/window/bad-file-keeps-others", test_bad_file_keeps_others);
  g_test_add_func ("/ui/window/seeds-timing", test_seeds_timing);
  g_test_add_func ("/ui/window/preferences-highlights", test_preferences_highlights);
  g_test_add_func ("/ui/window/remove-undo", test_remove_undo);
  g_test_add_func ("/ui/window/duplicate-skipped", test_duplicate_skipped);
  g_test_add_func ("/ui/window/recent-files", test_recent_files);
  g_test_add_func ("/ui/window/import-warning-shown", test_import_warning_shown);
  g_test_add_func ("/ui/window/session-not-merged", test_session_not_merged);
  g_test_add_func ("/ui/window/empty-actions", test_empty_actions);
  g_test_add_func ("/ui/window/five-fit", test_five_fit);
  g_test_add_func ("/ui/window/title-unsaved", test_title_unsaved);
  g_test_add_func ("/ui/window/keyboard-columns", test_keyboard_columns);
  g_test_add_func ("/ui/window/menu-hides-tooltip", test_menu_hides_tooltip);
  g_test_add_func ("/ui/window/column-menu", test_column_menu);
  g_test_add_func ("/ui/window/columns-come-at-once", test_columns_come_at_once);
  g_test_add_func ("/ui/window/tooltip-kept", test_tooltip_kept);
  g_test_add_func ("/ui/window/linked-part", test_linked_part);
  g_test_add_func ("/ui/window/renderer-choice/gpu", test_renderer_choice);
  g_test_add_func ("/ui/window/renderer-choice/chosen", test_renderer_choice);
  g_test_add_func ("/ui/window/renderer-choice/no-gpu", test_renderer_choice);

  return g_test_run ();
}
