/* test-search.c: finding text across the sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "px-application.h"
#include "px-enums.h"
#include "px-search.h"
#include "px-source-view.h"
#include "px-window.h"
#include "px-ui-test.h"

static gboolean have_display;

static const struct {
  const char    *text;
  const char    *needle;
  PxSearchFlags  flags;
  guint          n_matches;
  guint          first_start;
  guint          first_end;
} search_cases[] = {
  { "The bridge, the Bridge, THE BRIDGE.", "bridge", PX_SEARCH_DEFAULT, 3, 4, 10 },
  { "Zürich and Zurich and ZÜRICH", "zurich", PX_SEARCH_DEFAULT, 3, 0, 7 },
  { "Zürich and Zurich", "Zürich", PX_SEARCH_DEFAULT, 2, 0, 7 },
  { "café, CAFÉ, cafe", "CAFE", PX_SEARCH_DEFAULT, 3, 0, 5 },
  { "bridge bridges abridged", "bridge", PX_SEARCH_WHOLE_WORD, 1, 0, 6 },
  { "bridge bridges abridged", "bridge", PX_SEARCH_DEFAULT, 3, 0, 6 },
  { "4.6 km and 46 km", "\\d+\\.\\d", PX_SEARCH_REGEX, 1, 0, 3 },
  { "Señora SENORA", "señ[a-z]+", PX_SEARCH_REGEX, 2, 0, 7 },
  { "nothing here", "bridge", PX_SEARCH_DEFAULT, 0, 0, 0 },
  { "aaa", "aa", PX_SEARCH_DEFAULT, 1, 0, 2 },
  { "some text", "", PX_SEARCH_DEFAULT, 0, 0, 0 },
};

static void
test_search_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (search_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) matches = px_search_text (search_cases[i].text, strlen (search_cases[i].text),
                                                  search_cases[i].needle, search_cases[i].flags, &error);

      g_test_message ("case %u: “%s” in “%s”", i, search_cases[i].needle, search_cases[i].text);
      g_assert_no_error (error);
      g_assert_nonnull (matches);
      g_assert_cmpuint (matches->len, ==, search_cases[i].n_matches);
      if (matches->len > 0)
        {
          g_assert_cmpuint (g_array_index (matches, PxTextRange, 0).start, ==, search_cases[i].first_start);
          g_assert_cmpuint (g_array_index (matches, PxTextRange, 0).end, ==, search_cases[i].first_end);
        }
    }
}

static void
test_search_bad_regex (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) matches = px_search_text ("text", 4, "(unclosed", PX_SEARCH_REGEX, &error);

  g_assert_null (matches);
  g_assert_nonnull (error);
}

/* Occurrences of an ASCII word in a text, ignoring case: the reference. */
static guint
count_ascii (const char *text,
             const char *word)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  guint n = 0;

  for (const char *p = strstr (lower, word); p != NULL; p = strstr (p + strlen (word), word))
    n++;
  return n;
}

static void
test_search_window (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GPtrArray) files = NULL;
  PxWindow *window;
  PxSearchBar *bar;
  guint total = 0, column, start, first_column;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  files = px_test_example_files ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  px_window_open_files (window, (GFile **)files->pdata, files->len);
  px_test_wait_until_idle (window);

  bar = px_window_get_search_bar (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  g_assert_true (px_search_bar_get_search_mode (bar));
  px_search_bar_set_text (bar, "BRIDGE");

  /* A count per source, each the number of times the source says it. */
  g_assert_cmpuint (px_search_bar_get_n_sources (bar), ==, files->len);
  for (guint i = 0; i < files->len; i++)
    {
      PxDocument *document = px_source_view_get_document (px_window_get_column (window, i));
      guint expected = count_ascii (px_document_get_text (document, NULL), "bridge");

      g_assert_cmpuint (px_search_bar_get_count (bar, i), ==, expected);
      total += expected;
    }
  g_assert_cmpuint (total, >, 0);
  g_assert_cmpuint (px_search_bar_get_total (bar), ==, total);

  /* Typing already went to the first match (nothing is scrolled yet);
   * Enter goes on, Shift+Enter back, and past the first to the last,
   * saying so. */
  g_assert_cmpint (px_window_get_current_match (window, &column, &start), ==, 0);
  first_column = column;
  g_assert_true (g_str_has_prefix (px_search_bar_get_status (bar), "1 of "));
  g_signal_emit_by_name (bar, "next-match");
  g_assert_cmpint (px_window_get_current_match (window, NULL, NULL), ==, 1);
  g_signal_emit_by_name (bar, "previous-match");
  g_assert_null (strstr (px_search_bar_get_status (bar), "from the"));
  g_signal_emit_by_name (bar, "previous-match");
  g_assert_cmpint (px_window_get_current_match (window, &column, NULL), ==, (int)total - 1);
  g_assert_cmpuint (column, >=, first_column);
  g_assert_nonnull (strstr (px_search_bar_get_status (bar), "from the end"));

  /* Match Case: "BRIDGE" in capitals is not in the examples. */
  px_search_bar_set_flags (bar, PX_SEARCH_MATCH_CASE);
  g_assert_cmpuint (px_search_bar_get_total (bar), <, total);
  px_search_bar_set_flags (bar, PX_SEARCH_DEFAULT);
  g_assert_cmpuint (px_search_bar_get_total (bar), ==, total);

  /* A broken regex says what is wrong in words, not GLib's message. */
  px_search_bar_set_flags (bar, PX_SEARCH_REGEX);
  px_search_bar_set_text (bar, "(bridge");
  g_assert_cmpstr (px_search_bar_get_status (bar), ==, "Missing “)”");
  px_search_bar_set_text (bar, "BRIDGE");
  px_search_bar_set_flags (bar, PX_SEARCH_DEFAULT);

  /* Whole words: "bridges" no longer counts. */
  px_search_bar_set_flags (bar, PX_SEARCH_WHOLE_WORD);
  g_assert_cmpuint (px_search_bar_get_total (bar), <=, total);

  /* Closing the bar drops the matches. */
  px_search_bar_set_search_mode (bar, FALSE);
  g_assert_cmpuint (px_search_bar_get_total (bar), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The search flags are a registered GType (gnome.mkenums_simple). */
/* The match the search moves to is shown, in a column scrolled out of
 * view too: the columns scroll sideways to it. */
static void
test_search_offscreen_match (void)
{
  g_autoptr(PxApplication) app = px_application_new ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.parallax_reader.Parallax");
  PxWindow *window;
  PxSourceView *last;
  PxSearchBar *bar;
  guint column = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_settings_set_boolean (settings, "fit-columns", FALSE);
  g_settings_set_int (settings, "column-width", 600);
  window = px_test_open_examples (app);
  px_test_settle ();
  last = px_window_get_column (window, px_window_get_n_columns (window) - 1);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (last)));

  /* a word of the last example only */
  bar = px_window_get_search_bar (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  px_search_bar_set_text (bar, "consortia");
  px_test_settle ();
  g_assert_cmpuint (px_search_bar_get_total (bar), ==, 1);
  g_assert_cmpint (px_window_get_current_match (window, &column, NULL), ==, 0);
  g_assert_cmpuint (column, ==, px_window_get_n_columns (window) - 1);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (last)));
  g_assert_true (gtk_text_view_get_buffer (px_source_view_get_text_view (last)) == px_source_view_get_buffer (last));
  {
    graphene_rect_t bounds;
    GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (last), GTK_TYPE_SCROLLED_WINDOW);

    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (last), viewport, &bounds));
    g_assert_cmpfloat (bounds.origin.x, >=, -1);
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (viewport) + 1);
  }

  g_settings_reset (settings, "fit-columns");
  g_settings_reset (settings, "column-width");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_flags_type (void)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (PX_TYPE_SEARCH_FLAGS);

  g_assert_true (G_TYPE_IS_FLAGS (PX_TYPE_SEARCH_FLAGS));
  g_assert_cmpuint (g_flags_get_value_by_nick (klass, "match-case")->value, ==, PX_SEARCH_MATCH_CASE);
  g_assert_cmpuint (g_flags_get_value_by_nick (klass, "regex")->value, ==, PX_SEARCH_REGEX);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/ui/search/text", test_search_text);
  g_test_add_func ("/ui/search/flags-type", test_search_flags_type);
  g_test_add_func ("/ui/search/bad-regex", test_search_bad_regex);
  g_test_add_func ("/ui/search/window", test_search_window);
  g_test_add_func ("/ui/search/offscreen-match", test_search_offscreen_match);

  return g_test_run ();
}
