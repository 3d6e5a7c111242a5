/* test-translation.c: the window in Russian, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LANGUAGE=ru is set before GTK starts, and the text domain is bound to the
 * catalogs this build compiled (BUILD/po/LANG/LC_MESSAGES/parallax.mo), not
 * to the installed ones, so that the test sees the po/ru.po of this tree.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "px-application.h"
#include "px-format.h"
#include "px-preferences-window.h"
#include "px-window.h"
#include "px-ui-test.h"
#include "px-tooltip.h"

static gboolean have_display;
static gboolean have_catalog;

/* Every label, title and tooltip a user can read in the tree under @widget. */
static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (tooltip == NULL)
    tooltip = px_tooltip_get_text (widget);
  if (tooltip != NULL)
    g_ptr_array_add (texts, g_strdup (tooltip));
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_label (GTK_LABEL (widget))));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    g_ptr_array_add (texts, g_strdup (gtk_button_get_label (GTK_BUTTON (widget))));
  else if (ADW_IS_STATUS_PAGE (widget))
    {
      g_ptr_array_add (texts, g_strdup (adw_status_page_get_title (ADW_STATUS_PAGE (widget))));
      g_ptr_array_add (texts, g_strdup (adw_status_page_get_description (ADW_STATUS_PAGE (widget))));
    }
  else if (GTK_IS_SHORTCUTS_SHORTCUT (widget) || GTK_IS_SHORTCUTS_GROUP (widget))
    {
      g_autofree char *title = NULL;

      g_object_get (widget, "title", &title, NULL);
      g_ptr_array_add (texts, g_steal_pointer (&title));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* The labels of every item of @model, in its sections and submenus too. */
static void
collect_menu_labels (GMenuModel *model,
                     GPtrArray  *texts)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_ptr_array_add (texts, g_steal_pointer (&label));
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);

          collect_menu_labels (linked, texts);
        }
    }
}

static GtkWidget *
find_widget (GtkWidget *widget,
             gboolean (*match) (GtkWidget *widget))
{
  if (match (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_open_button (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.open") == 0 &&
         gtk_button_get_label (GTK_BUTTON (widget)) != NULL;
}

static gboolean
is_status_page (GtkWidget *widget)
{
  return ADW_IS_STATUS_PAGE (widget);
}

static gboolean
is_window_title (GtkWidget *widget)
{
  return ADW_IS_WINDOW_TITLE (widget);
}

static gboolean
is_menu_button (GtkWidget *widget)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL;
}

static const char *wanted_title;

static gboolean
is_wanted_row (GtkWidget *widget)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), wanted_title) == 0;
}

/* The row titled @title (as shown, translated) under @root. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  GtkWidget *row;

  wanted_title = title;
  row = find_widget (root, is_wanted_row);
  g_assert_nonnull (row);
  return row;
}

static gboolean
is_switch (GtkWidget *widget)
{
  return GTK_IS_SWITCH (widget);
}

static gboolean
is_spin_button (GtkWidget *widget)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static gboolean
has_cyrillic (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0400 && c <= 0x04FF)
        return TRUE;
    }
  return FALSE;
}

/* No text is an English message the catalog translates: each was looked up
 * in the Russian catalog when the widget was built. Returns how many are
 * in Cyrillic. */
static guint
check_texts_translated (GPtrArray *texts)
{
  guint russian = 0;

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (text == NULL || *text == '\0')
        continue;
      if (g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, text), text) != 0)
        g_error ("“%s” is shown in English, but po/ru.po translates it as “%s”",
                 text, g_dgettext (GETTEXT_PACKAGE, text));
      if (has_cyrillic (text))
        russian++;
    }
  return russian;
}

static void
wait_until_compared (PxWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while ((px_window_get_busy (window) || px_window_get_comparison (window) == NULL) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_catalog (void)
{
  if (!have_catalog)
    {
      g_test_fail_printf ("no Russian catalog in the build folder: is ru in po/LINGUAS?");
      return;
    }
  /* A message of a template, one with a context, one of the code. */
  g_assert_cmpstr (_("Preferences"), ==, "Параметры");
  g_assert_cmpstr (C_("style", "Dark"), ==, "Тёмный");
  g_assert_cmpstr (C_("sensitivity", "High"), ==, "Высокая");
  g_assert_cmpstr (_("Also links looser paraphrases"), ==, "Связываются также и более вольные пересказы");
}

/* Russian plurals: one (1, 21, 101), few (2–4, 22–24), many (0, 5–20, 11–14, 25…). */
static void
test_plurals (void)
{
  static const struct {
    gulong      n;
    const char *expected;
  } cases[] = {
    { 1, "1 источник" },
    { 3, "3 источника" },
    { 5, "5 источников" },
    { 21, "21 источник" },
    { 0, "0 источников" },
    { 11, "11 источников" },
    { 12, "12 источников" },
    { 22, "22 источника" },
    { 111, "111 источников" },
    { 1001, "1001 источник" },
  };

  if (!have_catalog)
    {
      g_test_fail_printf ("no Russian catalog in the build folder: is ru in po/LINGUAS?");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* The same call as the window's subtitle. */
      g_autofree char *text = g_strdup_printf (ngettext ("%u source", "%u sources", cases[i].n),
                                               (guint)cases[i].n);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u word", "%u words", cases[i].n),
                                               (guint)cases[i].n);
      const char *word = cases[i].n % 10 == 1 && cases[i].n % 100 != 11 ? "слово"
                         : (cases[i].n % 10 >= 2 && cases[i].n % 10 <= 4 &&
                            (cases[i].n % 100 < 10 || cases[i].n % 100 >= 20)) ? "слова"
                         : "слов";
      g_autofree char *expected = g_strdup_printf ("%lu %s", cases[i].n, word);

      g_assert_cmpstr (text, ==, expected);
    }
}

static void
test_window (void)
{
  g_autoptr(PxApplication) app = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = NULL;
  GtkWidget *status_page, *open_button, *menu_button;
  AdwWindowTitle *title;
  PxWindow *window;
  guint russian;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  if (!have_catalog)
    {
      g_test_fail_printf ("no Russian catalog in the build folder: is ru in po/LINGUAS?");
      return;
    }

  app = px_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));

  /* The empty window greets in Russian, and so does its button to open
   * articles. */
  status_page = find_widget (GTK_WIDGET (window), is_status_page);
  g_assert_nonnull (status_page);
  g_test_message ("empty window: %s", adw_status_page_get_title (ADW_STATUS_PAGE (status_page)));
  g_assert_true (has_cyrillic (adw_status_page_get_title (ADW_STATUS_PAGE (status_page))));
  g_assert_true (has_cyrillic (adw_status_page_get_description (ADW_STATUS_PAGE (status_page))));
  open_button = find_widget (status_page, is_open_button);
  g_assert_nonnull (open_button);
  g_test_message ("open button: %s", gtk_button_get_label (GTK_BUTTON (open_button)));
  g_assert_true (has_cyrillic (gtk_button_get_label (GTK_BUTTON (open_button))));

  /* Every label, title and tooltip of the window and every item of its
   * main menu. */
  collect_texts (GTK_WIDGET (window), texts);
  menu_button = find_widget (GTK_WIDGET (window), is_menu_button);
  g_assert_nonnull (menu_button);
  collect_menu_labels (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), texts);
  russian = check_texts_translated (texts);
  g_test_message ("%u of %u texts of the empty window in Cyrillic", russian, texts->len);
  g_assert_cmpuint (russian, >=, 10);

  /* The shortcuts window (Ctrl+?). */
  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) != NULL)
    {
      g_autoptr(GPtrArray) shortcuts = g_ptr_array_new_with_free_func (g_free);
      GtkWidget *overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

      collect_texts (overlay, shortcuts);
      g_assert_cmpuint (check_texts_translated (shortcuts), >=, 10);
    }

  /* With sources open, the counts under the title speak Russian too. */
  files = px_application_list_examples ();
  g_assert_cmpuint (files->len, >=, 3);
  px_window_open_files (window, (GFile **)files->pdata, 3);
  wait_until_compared (window);
  title = ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (window), is_window_title));
  g_assert_nonnull (title);
  g_test_message ("subtitle: %s", adw_window_title_get_subtitle (title));
  g_assert_true (g_str_has_prefix (adw_window_title_get_subtitle (title), "3 источника"));

  g_ptr_array_set_size (texts, 0);
  collect_texts (GTK_WIDGET (window), texts);
  russian = check_texts_translated (texts);
  g_test_message ("%u of %u texts of the window with three sources in Cyrillic", russian, texts->len);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Preferences window speaks Russian: its title, the titles and
 * subtitles of its rows and groups, the choices of its combo rows. */
static void
test_preferences (void)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  PxPreferencesWindow *preferences;
  GtkWidget *row;
  guint russian;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  if (!have_catalog)
    {
      g_test_fail_printf ("no Russian catalog in the build folder: is ru in po/LINGUAS?");
      return;
    }

  preferences = px_preferences_window_new (NULL);
  gtk_window_present (GTK_WINDOW (preferences));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (preferences)), ==, "Параметры");

  collect_texts (GTK_WIDGET (preferences), texts);
  russian = check_texts_translated (texts);
  g_test_message ("%u of %u texts of the Preferences window in Cyrillic", russian, texts->len);
  g_assert_cmpuint (russian, >=, 20);

  row = find_row (GTK_WIDGET (preferences), "Стиль");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (row))),
                   ==, "Как в системе");
  row = find_row (GTK_WIDGET (preferences), "Чувствительность сопоставления");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (row))),
                   ==, "Средняя");
  find_row (GTK_WIDGET (preferences), "Расходящиеся утверждения");

  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* Each row writes its key and follows it. */
static void
test_preferences_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) kinds = NULL;
  PxPreferencesWindow *preferences;
  GtkWidget *row, *differs, *sync_scroll;
  GtkSpinButton *spin;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  g_settings_reset (settings, "highlight-kinds");
  g_settings_reset (settings, "color-scheme");
  g_settings_reset (settings, "font-scale");
  preferences = px_preferences_window_new (NULL);
  gtk_window_present (GTK_WINDOW (preferences));

  /* A highlight kind off, then on again from the setting. */
  differs = find_widget (find_row (GTK_WIDGET (preferences), _("Claims That Differ")), is_switch);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (differs)));
  gtk_switch_set_active (GTK_SWITCH (differs), FALSE);
  kinds = g_settings_get_strv (settings, "highlight-kinds");
  g_assert_false (g_strv_contains ((const char * const *)kinds, "differs"));
  g_assert_true (g_strv_contains ((const char * const *)kinds, "shared"));
  g_assert_cmpuint (g_strv_length (kinds), ==, 5);
  g_settings_reset (settings, "highlight-kinds");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (differs)));

  /* The style: the setting and the style manager. */
  row = find_row (GTK_WIDGET (preferences), _("Style"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  g_assert_cmpint (g_settings_get_enum (settings, "color-scheme"), ==, 2);
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()), ==,
                   ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_reset (settings, "color-scheme");

  /* Text size in percent, the setting a factor. */
  spin = GTK_SPIN_BUTTON (find_widget (find_row (GTK_WIDGET (preferences), _("Text Size")), is_spin_button));
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 100.0);
  gtk_spin_button_set_value (spin, 150.0);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "font-scale"), 1.5, 1e-9);
  g_settings_set_double (settings, "font-scale", 0.8);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (spin), 80.0, 1e-9);
  g_settings_reset (settings, "font-scale");

  /* A plain switch. */
  sync_scroll = find_widget (find_row (GTK_WIDGET (preferences), _("Scroll Sources Together")), is_switch);
  g_assert_cmpint (gtk_switch_get_active (GTK_SWITCH (sync_scroll)), ==,
                   g_settings_get_boolean (settings, "sync-scroll"));
  gtk_switch_set_active (GTK_SWITCH (sync_scroll), !gtk_switch_get_active (GTK_SWITCH (sync_scroll)));
  g_assert_cmpint (gtk_switch_get_active (GTK_SWITCH (sync_scroll)), ==,
                   g_settings_get_boolean (settings, "sync-scroll"));
  g_settings_reset (settings, "sync-scroll");

  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* ./run starts build/src/parallax: it finds the catalogs of the build tree
 * (they were looked for only where an installed Parallax keeps them). */
static void
test_build_tree_catalogs (void)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "..", "src", "parallax", NULL);
  g_autofree char *dir = px_application_dup_locale_dir (program);
  g_autofree char *catalog = g_build_filename (dir, "ru", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *installed = px_application_dup_locale_dir ("/usr/bin/parallax");

  g_assert_true (g_file_test (catalog, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (installed, ==, LOCALEDIR);
}

/* The engine's dates and amounts as the reader's language writes them,
 * in the window too (the column's header), not the engine's English. */
static void
test_values_in_locale (void)
{
  g_autoptr(PxApplication) app = NULL;
  g_autoptr(PxFact) fact = px_fact_new (PX_FACT_MONEY, 0, 1);
  g_autofree char *full = px_format_date ("2022-11-20");
  g_autofree char *month = px_format_date ("2022-11");
  g_autofree char *day = px_format_date ("--11-20");
  g_autofree char *money = NULL;
  g_autoptr(GPtrArray) files = NULL;
  PxWindow *window;
  gboolean found = FALSE;

  if (!have_catalog)
    {
      g_test_skip ("no compiled catalog");
      return;
    }
  g_assert_cmpstr (full, ==, "20.11.2022");
  g_assert_cmpstr (month, ==, "11.2022");
  g_assert_cmpstr (day, ==, "20.11");
  fact->value = 500e9;
  fact->precision = 1e9;
  fact->currency = g_strdup ("USD");
  fact->qualifier = PX_QUALIFIER_GT;
  money = px_format_fact_value (fact);
  g_assert_cmpstr (money, ==, "> $500 млрд");

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  app = px_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  files = px_application_list_examples ();
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  px_window_open_files (window, (GFile **)files->pdata, files->len);
  px_test_wait_until_idle (window);
  for (guint c = 0; c < px_window_get_n_columns (window); c++)
    {
      PxDocument *document = px_source_view_get_document (px_window_get_column (window, c));
      g_autofree char *date = px_format_date (px_document_get_date (document));
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

      if (date == NULL)
        continue;
      g_assert_null (strchr (date, '-'));
      collect_texts (GTK_WIDGET (px_window_get_column (window, c)), texts);
      for (guint i = 0; i < texts->len; i++)
        {
          g_assert_null (strstr (g_ptr_array_index (texts, i), px_document_get_date (document)));
          found = found || strstr (g_ptr_array_index (texts, i), date) != NULL;
        }
    }
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *locale_dir = NULL;
  g_autofree char *catalog = NULL;

  /* Before GTK reads the locale. LANGUAGE is honoured with any locale but
   * plain "C"; the test environment's C.UTF-8 keeps UTF-8. */
  g_setenv ("LANGUAGE", "ru", TRUE);
  g_setenv ("PX_EXAMPLES_DIR", PX_TEST_SRCDIR "/../data/examples", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);

  locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  catalog = g_build_filename (locale_dir, "ru", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  have_catalog = g_file_test (catalog, G_FILE_TEST_IS_REGULAR);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/ui/translation/catalog", test_catalog);
  g_test_add_func ("/ui/translation/build-tree-catalogs", test_build_tree_catalogs);
  g_test_add_func ("/ui/translation/plurals", test_plurals);
  g_test_add_func ("/ui/translation/window", test_window);
  g_test_add_func ("/ui/translation/values-in-locale", test_values_in_locale);
  g_test_add_func ("/ui/translation/preferences", test_preferences);
  g_test_add_func ("/ui/preferences/settings", test_preferences_settings);

  return g_test_run ();
}
