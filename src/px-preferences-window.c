/* px-preferences-window.c: the Preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every row is bound to a key of the application's settings and takes
 * effect at once: the window and its columns follow the settings
 * themselves. Only the colour scheme is also applied here, so that the
 * style changes even when no main window is open.
 */
#define G_LOG_DOMAIN "px-preferences-window"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "px-preferences-window.h"
#include "px-source-view.h"

/* The kinds of the "highlight-kinds" setting, in the order of the rows
 * and of px_source_view_get_highlight_names(). */
typedef enum
{
  HIGHLIGHT_SHARED,
  HIGHLIGHT_PARTIAL,
  HIGHLIGHT_DIFFERS,
  HIGHLIGHT_UNIQUE,
  HIGHLIGHT_FACTS,
  HIGHLIGHT_WORD_DIFF,
  N_HIGHLIGHTS
} HighlightKind;

struct _PxPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwComboRow          *color_scheme_row;
  GtkAdjustment        *font_scale_adjustment;
  GtkSwitch            *sync_scroll_switch;
  GtkSwitch            *fit_columns_switch;
  GtkSwitch            *show_boilerplate_switch;
  GtkSwitch            *highlight_switches[N_HIGHLIGHTS];
  AdwComboRow          *sensitivity_row;

  /* owned */
  GSettings            *settings;

  /* TRUE while the highlight switches are set from the settings */
  gboolean              syncing_highlights;
};

G_DEFINE_FINAL_TYPE (PxPreferencesWindow, px_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The nicks of the enum keys, in the order of their combo rows. */
static const char *color_scheme_nicks[] = { "follow", "light", "dark", NULL };
static const char *sensitivity_nicks[] = { "low", "medium", "high", NULL };

/* Helpers */

static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **)nicks))
    return NULL;
  return g_variant_new_string (nicks[position]);
}

/* font-scale is a factor (1.0), the spin button shows percent (100). */
static gboolean
scale_to_percent (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
percent_to_scale (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_double (round (g_value_get_double (value)) / 100.0);
}

static void
apply_color_scheme (GSettings *settings)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  int scheme = g_settings_get_enum (settings, "color-scheme");

  if (scheme >= 0 && scheme < (int)G_N_ELEMENTS (schemes))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), schemes[scheme]);
}

static void
update_sensitivity_subtitle (PxPreferencesWindow *self)
{
  const char *subtitles[] = {
    _("Links only close rewordings of a sentence"),
    _("Links rewordings and close paraphrases"),
    _("Also links looser paraphrases"),
  };
  guint selected = adw_combo_row_get_selected (self->sensitivity_row);

  if (selected < G_N_ELEMENTS (subtitles))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->sensitivity_row), subtitles[selected]);
}

/* Callbacks */

static void
highlight_kinds_changed_cb (GSettings           *settings,
                            const char          *key,
                            PxPreferencesWindow *self)
{
  g_auto(GStrv) kinds = g_settings_get_strv (settings, "highlight-kinds");
  const char * const *highlight_names = px_source_view_get_highlight_names ();

  self->syncing_highlights = TRUE;
  for (guint i = 0; i < N_HIGHLIGHTS; i++)
    gtk_switch_set_active (self->highlight_switches[i],
                           g_strv_contains ((const char * const *)kinds, highlight_names[i]));
  self->syncing_highlights = FALSE;
}

static void
color_scheme_changed_cb (GSettings           *settings,
                         const char          *key,
                         PxPreferencesWindow *self)
{
  apply_color_scheme (settings);
}

static void
on_highlight_switch_active_cb (PxPreferencesWindow *self,
                               GParamSpec          *pspec,
                               GtkSwitch           *toggled)
{
  const char * const *highlight_names = px_source_view_get_highlight_names ();
  g_auto(GStrv) kinds = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;

  if (self->syncing_highlights || self->settings == NULL)
    return;

  /* The kinds of the switches that are on, in their order, then any kind
   * this window does not know (from a newer version), kept as it was. */
  kinds = g_settings_get_strv (self->settings, "highlight-kinds");
  builder = g_strv_builder_new ();
  for (guint i = 0; i < N_HIGHLIGHTS; i++)
    if (gtk_switch_get_active (self->highlight_switches[i]))
      g_strv_builder_add (builder, highlight_names[i]);
  for (guint i = 0; kinds[i] != NULL; i++)
    if (!g_strv_contains (highlight_names, kinds[i]))
      g_strv_builder_add (builder, kinds[i]);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "highlight-kinds", (const char * const *)updated);
}

static void
on_sensitivity_row_selected_cb (PxPreferencesWindow *self,
                                GParamSpec          *pspec,
                                AdwComboRow         *row)
{
  update_sensitivity_subtitle (self);
}

/* Vfuncs */

static void
px_preferences_window_dispose (GObject *object)
{
  PxPreferencesWindow *self = PX_PREFERENCES_WINDOW (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (px_preferences_window_parent_class)->dispose (object);
}

static void
px_preferences_window_class_init (PxPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax_reader/Parallax/px-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PxPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, PxPreferencesWindow, font_scale_adjustment);
  gtk_widget_class_bind_template_child (widget_class, PxPreferencesWindow, sync_scroll_switch);
  gtk_widget_class_bind_template_child (widget_class, PxPreferencesWindow, fit_columns_switch);
  gtk_widget_class_bind_template_child (widget_class, PxPreferencesWindow, show_boilerplate_switch);
  gtk_widget_class_bind_template_child_full (widget_class, "highlight_shared_switch", FALSE,
                                             G_STRUCT_OFFSET (PxPreferencesWindow,
                                                              highlight_switches[HIGHLIGHT_SHARED]));
  gtk_widget_class_bind_template_child_full (widget_class, "highlight_partial_switch", FALSE,
                                             G_STRUCT_OFFSET (PxPreferencesWindow,
                                                              highlight_switches[HIGHLIGHT_PARTIAL]));
  gtk_widget_class_bind_template_child_full (widget_class, "highlight_differs_switch", FALSE,
                                             G_STRUCT_OFFSET (PxPreferencesWindow,
                                                              highlight_switches[HIGHLIGHT_DIFFERS]));
  gtk_widget_class_bind_template_child_full (widget_class, "highlight_unique_switch", FALSE,
                                             G_STRUCT_OFFSET (PxPreferencesWindow,
                                                              highlight_switches[HIGHLIGHT_UNIQUE]));
  gtk_widget_class_bind_template_child_full (widget_class, "highlight_facts_switch", FALSE,
                                             G_STRUCT_OFFSET (PxPreferencesWindow,
                                                              highlight_switches[HIGHLIGHT_FACTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "highlight_word_diff_switch", FALSE,
                                             G_STRUCT_OFFSET (PxPreferencesWindow,
                                                              highlight_switches[HIGHLIGHT_WORD_DIFF]));
  gtk_widget_class_bind_template_child (widget_class, PxPreferencesWindow, sensitivity_row);
  gtk_widget_class_bind_template_callback (widget_class, on_highlight_switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sensitivity_row_selected_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
px_preferences_window_init (PxPreferencesWindow *self)
{
  /* Before the template: its callbacks may run while it is built. */
  self->syncing_highlights = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing_highlights = FALSE;

  self->settings = g_settings_new (APPLICATION_ID);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                nick_to_position, position_to_nick,
                                (gpointer)color_scheme_nicks, NULL);
  g_settings_bind_with_mapping (self->settings, "font-scale",
                                self->font_scale_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                scale_to_percent, percent_to_scale,
                                NULL, NULL);
  g_settings_bind (self->settings, "sync-scroll",
                   self->sync_scroll_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "fit-columns",
                   self->fit_columns_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-boilerplate",
                   self->show_boilerplate_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "alignment-sensitivity",
                                self->sensitivity_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                nick_to_position, position_to_nick,
                                (gpointer)sensitivity_nicks, NULL);

  g_signal_connect (self->settings, "changed::highlight-kinds",
                    G_CALLBACK (highlight_kinds_changed_cb), self);
  g_signal_connect (self->settings, "changed::color-scheme",
                    G_CALLBACK (color_scheme_changed_cb), self);
  highlight_kinds_changed_cb (self->settings, "highlight-kinds", self);
  update_sensitivity_subtitle (self);
}

/* Public API */

PxPreferencesWindow *
px_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (PX_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}
