/* px-search-bar.c: Ctrl+F across every source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bar only edits the query and shows the counts; the window finds the
 * matches in every column and reports back with px_search_bar_set_results().
 */
#define G_LOG_DOMAIN "px-search-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "px-search-bar.h"
#include "px-tooltip.h"

struct _PxSearchBar
{
  GtkWidget        parent_instance;

  /* template widgets */
  GtkSearchBar    *search_bar;
  GtkSearchEntry  *entry;
  GtkToggleButton *match_case_button;
  GtkToggleButton *whole_word_button;
  GtkToggleButton *regex_button;
  GtkButton       *previous_button;
  GtkButton       *next_button;
  GtkLabel        *status_label;

  /* owned */
  GArray          *counts;  /* guint, one per source */
};

enum {
  CHANGED,
  NEXT_MATCH,
  PREVIOUS_MATCH,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_SEARCH_MODE,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PxSearchBar, px_search_bar, GTK_TYPE_WIDGET)

static void
on_entry_search_changed_cb (PxSearchBar *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_entry_activate_cb (PxSearchBar *self)
{
  g_signal_emit (self, signals[NEXT_MATCH], 0);
}

static void
on_entry_next_match_cb (PxSearchBar *self)
{
  g_signal_emit (self, signals[NEXT_MATCH], 0);
}

static void
on_entry_previous_match_cb (PxSearchBar *self)
{
  g_signal_emit (self, signals[PREVIOUS_MATCH], 0);
}

static void
on_entry_stop_search_cb (PxSearchBar *self)
{
  px_search_bar_set_search_mode (self, FALSE);
}

static gboolean
previous_shortcut_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  on_entry_previous_match_cb (user_data);
  return TRUE;
}

static void
search_mode_cb (PxSearchBar *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->entry));
      gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
px_search_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PxSearchBar *self = PX_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, px_search_bar_get_search_mode (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_search_bar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PxSearchBar *self = PX_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      px_search_bar_set_search_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_search_bar_dispose (GObject *object)
{
  PxSearchBar *self = (PxSearchBar *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_SEARCH_BAR);
  /* Template children that are not bound are ours to unparent too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (px_search_bar_parent_class)->dispose (object);
}

static void
px_search_bar_finalize (GObject *object)
{
  PxSearchBar *self = (PxSearchBar *)object;

  g_clear_pointer (&self->counts, g_array_unref);

  G_OBJECT_CLASS (px_search_bar_parent_class)->finalize (object);
}

static void
px_search_bar_class_init (PxSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_search_bar_dispose;
  object_class->finalize = px_search_bar_finalize;
  object_class->get_property = px_search_bar_get_property;
  object_class->set_property = px_search_bar_set_property;

  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The query or an option changed, or the bar opened or closed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[NEXT_MATCH] = g_signal_new ("next-match", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PREVIOUS_MATCH] = g_signal_new ("previous-match", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax_reader/Parallax/px-search-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, PxSearchBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PxSearchBar, entry);
  gtk_widget_class_bind_template_child (widget_class, PxSearchBar, match_case_button);
  gtk_widget_class_bind_template_child (widget_class, PxSearchBar, whole_word_button);
  gtk_widget_class_bind_template_child (widget_class, PxSearchBar, regex_button);
  gtk_widget_class_bind_template_child (widget_class, PxSearchBar, previous_button);
  gtk_widget_class_bind_template_child (widget_class, PxSearchBar, next_button);
  gtk_widget_class_bind_template_child (widget_class, PxSearchBar, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_stop_search_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pxsearchbar");
}

static void
px_search_bar_init (PxSearchBar *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->counts = g_array_new (FALSE, TRUE, sizeof (guint));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->entry));
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (search_mode_cb), self);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>Return|<Shift>KP_Enter"),
                                                          gtk_callback_action_new (previous_shortcut_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->entry), shortcuts);
}

PxSearchBar *
px_search_bar_new (void)
{
  return g_object_new (PX_TYPE_SEARCH_BAR, NULL);
}

void
px_search_bar_set_search_mode (PxSearchBar *self,
                               gboolean     search_mode)
{
  g_return_if_fail (PX_IS_SEARCH_BAR (self));
  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
}

gboolean
px_search_bar_get_search_mode (PxSearchBar *self)
{
  g_return_val_if_fail (PX_IS_SEARCH_BAR (self), FALSE);
  return gtk_search_bar_get_search_mode (self->search_bar);
}

const char *
px_search_bar_get_text (PxSearchBar *self)
{
  g_return_val_if_fail (PX_IS_SEARCH_BAR (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
px_search_bar_set_text (PxSearchBar *self,
                        const char  *text)
{
  g_return_if_fail (PX_IS_SEARCH_BAR (self));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  /* The entry's own signal waits for a pause in typing. */
  g_signal_emit (self, signals[CHANGED], 0);
}

PxSearchFlags
px_search_bar_get_flags (PxSearchBar *self)
{
  PxSearchFlags flags = PX_SEARCH_DEFAULT;

  g_return_val_if_fail (PX_IS_SEARCH_BAR (self), PX_SEARCH_DEFAULT);

  if (gtk_toggle_button_get_active (self->whole_word_button))
    flags |= PX_SEARCH_WHOLE_WORD;
  if (gtk_toggle_button_get_active (self->match_case_button))
    flags |= PX_SEARCH_MATCH_CASE;
  if (gtk_toggle_button_get_active (self->regex_button))
    flags |= PX_SEARCH_REGEX;
  return flags;
}

void
px_search_bar_set_flags (PxSearchBar   *self,
                         PxSearchFlags  flags)
{
  g_return_if_fail (PX_IS_SEARCH_BAR (self));

  gtk_toggle_button_set_active (self->whole_word_button, (flags & PX_SEARCH_WHOLE_WORD) != 0);
  gtk_toggle_button_set_active (self->match_case_button, (flags & PX_SEARCH_MATCH_CASE) != 0);
  gtk_toggle_button_set_active (self->regex_button, (flags & PX_SEARCH_REGEX) != 0);
}

void
px_search_bar_set_results (PxSearchBar *self,
                           const guint *counts,
                           guint        n_sources,
                           int          current,
                           const char  *error)
{
  guint total = 0;
  g_autofree char *status = NULL;

  g_return_if_fail (PX_IS_SEARCH_BAR (self));

  g_array_set_size (self->counts, 0);
  if (n_sources > 0)
    g_array_append_vals (self->counts, counts, n_sources);
  total = px_search_bar_get_total (self);

  if (error != NULL)
    {
      status = g_strdup (error);
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
    }
  else
    {
      const char *text = px_search_bar_get_text (self);

      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      if (*text == '\0')
        status = g_strdup ("");
      else if (total == 0)
        status = g_strdup (_("No matches"));
      else if (current >= 0)
        /* Translators: "3 of 12" matches */
        status = g_strdup_printf (_("%d of %u"), current + 1, total);
      else
        status = g_strdup_printf (ngettext ("%u match", "%u matches", total), total);
    }
  gtk_label_set_text (self->status_label, status);
  px_tooltip_set_text (GTK_WIDGET (self->status_label), *status != '\0' ? status : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_button), total > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), total > 0);
}

guint
px_search_bar_get_n_sources (PxSearchBar *self)
{
  g_return_val_if_fail (PX_IS_SEARCH_BAR (self), 0);
  return self->counts->len;
}

guint
px_search_bar_get_count (PxSearchBar *self,
                         guint        source)
{
  g_return_val_if_fail (PX_IS_SEARCH_BAR (self), 0);
  g_return_val_if_fail (source < self->counts->len, 0);
  return g_array_index (self->counts, guint, source);
}

guint
px_search_bar_get_total (PxSearchBar *self)
{
  guint total = 0;

  g_return_val_if_fail (PX_IS_SEARCH_BAR (self), 0);

  for (guint i = 0; i < self->counts->len; i++)
    total += g_array_index (self->counts, guint, i);
  return total;
}

void
px_search_bar_show_wrapped (PxSearchBar *self,
                            gboolean     forward)
{
  g_autofree char *status = NULL;

  g_return_if_fail (PX_IS_SEARCH_BAR (self));

  /* Translators: "1 of 12 · from the top" after the last match */
  status = g_strdup_printf (forward ? _("%s · from the top") : _("%s · from the end"),
                            gtk_label_get_text (self->status_label));
  gtk_label_set_text (self->status_label, status);
  px_tooltip_set_text (GTK_WIDGET (self->status_label), status);
}

const char *
px_search_bar_get_status (PxSearchBar *self)
{
  g_return_val_if_fail (PX_IS_SEARCH_BAR (self), NULL);
  return gtk_label_get_text (self->status_label);
}

void
px_search_bar_focus_entry (PxSearchBar *self)
{
  g_return_if_fail (PX_IS_SEARCH_BAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}
