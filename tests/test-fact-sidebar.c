/* test-fact-sidebar.c: the fact groups beside the columns, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "px-application.h"
#include "px-window.h"
#include "px-test-compare.h"
#include "px-ui-test.h"

static gboolean have_display;

static GPtrArray *
seed_files (void)
{
  const char *dir = g_getenv ("PX_SEEDS_DIR");
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) gdir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL || (gdir = g_dir_open (dir, 0, NULL)) == NULL)
    return files;
  while ((name = g_dir_read_name (gdir)) != NULL)
    if (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".html"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_file_new_build_filename (dir, g_ptr_array_index (names, i), NULL));
  return files;
}

static void
check_sidebar (PxWindow *window)
{
  PxFactSidebar *sidebar = px_window_get_fact_sidebar (window);
  GPtrArray *groups = px_comparison_get_fact_groups (px_window_get_comparison (window));
  guint per_status[3] = { 0 };

  /* Every group, in the comparison's order: differing groups first, each
   * showing its values side by side with the columns that give them. */
  g_assert_cmpuint (px_fact_sidebar_get_n_groups (sidebar), ==, groups->len);
  for (guint i = 0; i < groups->len; i++)
    {
      const PxFactGroup *group = g_ptr_array_index (groups, i);

      g_assert_cmpuint (px_fact_sidebar_get_group_index (sidebar, i), ==, i);
      if (i > 0 && group->status == PX_FACT_GROUP_DIFFERS)
        g_assert_cmpint (((PxFactGroup *)g_ptr_array_index (groups, i - 1))->status, ==, PX_FACT_GROUP_DIFFERS);
      if (group->status == PX_FACT_GROUP_DIFFERS)
        {
          g_autofree char *values = px_fact_sidebar_format_values (px_window_get_comparison (window), group);

          g_assert_nonnull (strstr (values, "  ·  "));
          g_assert_nonnull (strstr (values, " ("));
        }
      per_status[group->status]++;
    }

  /* Filters by status and by kind. */
  for (int status = PX_FACT_GROUP_AGREE; status <= PX_FACT_GROUP_SINGLE; status++)
    {
      px_fact_sidebar_set_filter (sidebar, PX_N_FACT_KINDS, status);
      g_assert_cmpuint (px_fact_sidebar_get_n_groups (sidebar), ==, per_status[status]);
    }
  for (guint kind = 0; kind < PX_N_FACT_KINDS; kind++)
    {
      guint expected = 0;

      for (guint i = 0; i < groups->len; i++)
        expected += ((PxFactGroup *)g_ptr_array_index (groups, i))->kind == kind;
      px_fact_sidebar_set_filter (sidebar, kind, PX_FACT_FILTER_ANY_STATUS);
      g_assert_cmpuint (px_fact_sidebar_get_n_groups (sidebar), ==, expected);
    }
  px_fact_sidebar_set_filter (sidebar, PX_N_FACT_KINDS, PX_FACT_FILTER_ANY_STATUS);
  g_assert_cmpuint (px_fact_sidebar_get_n_groups (sidebar), ==, groups->len);

  /* Activating a group scrolls the columns to its facts and marks them in
   * every column, for as long as the reader needs (until the next group) */
  for (guint i = 0; i < MIN (groups->len, 5); i++)
    {
      const PxFactGroup *group = g_ptr_array_index (groups, i);
      GPtrArray *facts = px_comparison_get_facts (px_window_get_comparison (window));
      gint64 end;

      px_fact_sidebar_activate (sidebar, i);
      end = g_get_monotonic_time () + G_USEC_PER_SEC * 8 / 5;
      while (g_get_monotonic_time () < end)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
      for (guint j = 0; j < group->facts->len; j++)
        {
          const PxFact *fact = g_ptr_array_index (facts, g_array_index (group->facts, guint, j));
          PxSourceView *column = px_window_get_column (window, fact->doc);
          GtkTextBuffer *buffer = px_source_view_get_buffer (column);
          const char *text = px_document_get_text (px_source_view_get_document (column), NULL);
          GtkTextTag *flash = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "flash");
          GtkTextIter iter;

          gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, text + fact->start));
          g_assert_true (gtk_text_iter_has_tag (&iter, flash));
        }
    }
}

static void
run_on_files (GPtrArray *files)
{
  g_autoptr(PxApplication) app = px_application_new ();
  PxWindow *window;

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  px_window_open_files (window, (GFile **)files->pdata, files->len);
  px_test_wait_until_idle (window);
  g_assert_nonnull (px_window_get_comparison (window));

  g_test_message ("%u fact groups",
                  px_comparison_get_fact_groups (px_window_get_comparison (window))->len);
  check_sidebar (window);

  /* F9 toggles the sidebar. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-facts", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-facts", NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_examples (void)
{
  g_autoptr(GPtrArray) files = NULL;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  files = px_test_example_files ();
  run_on_files (files);
}

static void
test_seeds (void)
{
  g_autoptr(GPtrArray) files = seed_files ();

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  if (files->len == 0)
    {
      g_test_skip ("no seed articles (PX_SEEDS_DIR)");
      return;
    }
  run_on_files (files);
}

/* The seeds' turnout at 10am and final turnout side by side, with the
 * columns that give them. */
static void
test_seeds_turnout (void)
{
  g_autoptr(GPtrArray) files = seed_files ();
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PxComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *groups, *facts;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  if (files->len == 0)
    {
      g_test_skip ("no seed articles (PX_SEEDS_DIR)");
      return;
    }
  for (guint i = 0; i < files->len; i++)
    {
      PxDocument *document = px_import_file (g_ptr_array_index (files, i), NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (documents, document);
    }
  comparison = px_comparison_new (documents, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  groups = px_comparison_get_fact_groups (comparison);
  facts = px_comparison_get_facts (comparison);
  for (guint g = 0; g < groups->len; g++)
    {
      const PxFactGroup *group = g_ptr_array_index (groups, g);
      gboolean turnout = FALSE;

      for (guint m = 0; m < group->facts->len; m++)
        turnout = turnout ||
                  g_strcmp0 (((PxFact *)g_ptr_array_index (facts, g_array_index (group->facts, guint, m)))->text,
                             "23.37%") == 0;
      if (turnout)
        {
          g_autofree char *values = px_fact_sidebar_format_values (comparison, group);

          g_assert_cmpint (group->status, ==, PX_FACT_GROUP_DIFFERS);
          /* "23.37% at 10:00 (1)  ·  69.44% (4)", in the columns' order:
           * the time that explains the difference with the value */
          g_assert_nonnull (strstr (values, "23.37% at 10:00 ("));
          g_assert_nonnull (strstr (values, "69.44% ("));
          g_assert_nonnull (strstr (values, ")  ·  "));
          return;
        }
    }
  g_assert_not_reached ();
}

/* A quote told in two translations is one group; its heading gives the
 * first wording (the rows under it give each), not both cut short. */
static void
test_quote_heading (void)
{
  static const char * const texts[] = {
    "Mayor Anna Lind opened the new bridge on Monday.\n\n"
    "“I believe that, given our position on the river, we have to keep building bridges for the people of "
    "this city,” Lind said.\n",
    "Mayor Anna Lind inaugurated the bridge on Monday.\n\n"
    "“I think that, taking into account our position on the river, we must continue to build bridges for "
    "the people of the city,” Lind said.\n",
  };
  g_autoptr(PxComparison) comparison = px_test_compare_texts (texts, G_N_ELEMENTS (texts));
  GPtrArray *groups;
  gboolean found = FALSE;

  groups = px_comparison_get_fact_groups (comparison);
  for (guint g = 0; g < groups->len; g++)
    {
      const PxFactGroup *group = g_ptr_array_index (groups, g);
      g_autofree char *values = NULL;

      if (group->kind != PX_FACT_QUOTE)
        continue;
      g_assert_cmpuint (group->facts->len, ==, 2);
      values = px_fact_sidebar_format_values (comparison, group);
      g_assert_true (g_str_has_prefix (values, "“I believe that"));
      g_assert_null (strstr (values, " / "));
      found = TRUE;
    }
  g_assert_true (found);
}

/* The sidebar's list, not a drop-down's in its popover. */
static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget))
    return NULL;
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The wordings of the rows under @widget: a label whose lines start with
 * the columns' numbers in bold. */
static void
check_wordings_once (GtkWidget *widget,
                     guint     *n_checked)
{
  const char *markup = GTK_IS_LABEL (widget) ? gtk_label_get_label (GTK_LABEL (widget)) : NULL;

  if (markup != NULL && g_str_has_prefix (markup, "<b>"))
    {
      g_auto(GStrv) lines = g_strsplit (markup, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        for (guint j = i + 1; lines[j] != NULL; j++)
          {
            const char *a = strstr (lines[i], "</b>");
            const char *b = strstr (lines[j], "</b>");

            /* columns that word it alike share one line */
            g_assert_nonnull (a);
            g_assert_nonnull (b);
            g_assert_cmpstr (a, !=, b);
          }
      (*n_checked)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_wordings_once (child, n_checked);
}

/* GTK 4.8's list view makes and measures a widget for up to 200 rows at
 * once: the sidebar shows a screenful with the comparison and grows by a
 * few rows a frame, and each wording is listed once with its columns. */
static void
test_rows_grow (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GPtrArray) files = seed_files ();
  PxWindow *window;
  PxFactSidebar *sidebar;
  GtkListView *list;
  guint n_groups, n_checked = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  if (files->len == 0)
    {
      g_test_skip ("no seed articles (PX_SEEDS_DIR)");
      return;
    }
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  px_window_open_files (window, (GFile **)files->pdata, files->len);
  px_test_wait_until_idle (window);
  sidebar = px_window_get_fact_sidebar (window);
  list = GTK_LIST_VIEW (find_list_view (GTK_WIDGET (sidebar)));
  n_groups = px_comparison_get_fact_groups (px_window_get_comparison (window))->len;
  g_assert_cmpuint (n_groups, >, 16);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, n_groups);

  px_fact_sidebar_set_comparison (sidebar, px_window_get_comparison (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), <=, 8);
  g_assert_true (px_fact_sidebar_get_rows_pending (sidebar));
  /* every group can still be filtered and picked */
  g_assert_cmpuint (px_fact_sidebar_get_n_groups (sidebar), ==, n_groups);
  px_test_wait_until_idle (window);
  g_assert_false (px_fact_sidebar_get_rows_pending (sidebar));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, n_groups);

  check_wordings_once (GTK_WIDGET (sidebar), &n_checked);
  g_assert_cmpuint (n_checked, >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/ui/fact-sidebar/examples", test_examples);
  g_test_add_func ("/ui/fact-sidebar/seeds", test_seeds);
  g_test_add_func ("/ui/fact-sidebar/seeds/turnout", test_seeds_turnout);
  g_test_add_func ("/ui/fact-sidebar/rows-grow", test_rows_grow);
  g_test_add_func ("/ui/fact-sidebar/quote-heading", test_quote_heading);

  return g_test_run ();
}
