/* px-tooltip.h: tooltips that wait until GTK asks for them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* As gtk_widget_set_tooltip_text () (NULL or "" for none), without asking
 * the display where the pointer is. */
void        px_tooltip_set_text (GtkWidget  *widget,
                                 const char *text);
const char *px_tooltip_get_text (GtkWidget  *widget);

G_END_DECLS
