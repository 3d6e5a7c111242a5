/* px-tooltip.c: tooltips that wait until GTK asks for them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's gtk_widget_set_tooltip_text () on a visible widget (and a
 * "tooltip-text" property in a template) looks at once for the surface
 * under the pointer, as if the pointer had moved: on X11 a round trip to
 * the server each time. Building twenty columns made over a hundred of
 * them, and each fact row one more. Here the text is kept on the widget
 * and handed to GTK's tooltip when it asks (query-tooltip), which shows it
 * as its own; it is also the widget's accessible description, as GTK
 * makes a tooltip.
 */
#define G_LOG_DOMAIN "px-tooltip"

#include "config.h"

#include "px-tooltip.h"

static GQuark
text_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("px-tooltip-text");
  return quark;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = px_tooltip_get_text (widget);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
px_tooltip_set_text (GtkWidget  *widget,
                     const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (text, px_tooltip_get_text (widget)) == 0)
    return;
  /* once per widget: the handler reads whatever text is kept */
  if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, query_tooltip_cb, NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_object_set_qdata_full (G_OBJECT (widget), text_quark (), g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

const char *
px_tooltip_get_text (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_qdata (G_OBJECT (widget), text_quark ());
}
