/* px-preferences-window.h: the Preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PX_TYPE_PREFERENCES_WINDOW (px_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PxPreferencesWindow, px_preferences_window, PX, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* A new Preferences window, modal for @parent (may be NULL) and shown in
 * @parent's application. Every row reads and writes the application's
 * settings at once: there is nothing to apply or cancel. */
PxPreferencesWindow *px_preferences_window_new (GtkWindow *parent);

G_END_DECLS
