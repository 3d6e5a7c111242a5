/* px-ui-test.h: what the window tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "px-application.h"
#include "px-window.h"

/* Runs the main loop until @window has compared its sources and applied
 * every highlight (at most a minute), then lets pending events and layout
 * run, so that geometry is real. */
static inline void
px_test_wait_until_idle (PxWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while ((px_window_get_busy (window) || px_window_get_comparison (window) == NULL ||
          px_window_get_highlights_pending (window)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  for (int i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* Half a second of main loop: the views lay out, scroll and correct
 * their scrolling. */
static inline void
px_test_settle (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* The project's example articles, as the application lists them. */
static inline GPtrArray *
px_test_example_files (void)
{
  g_setenv ("PX_EXAMPLES_DIR", PX_TEST_SRCDIR "/../data/examples", TRUE);
  return px_application_list_examples ();
}

/* A 1280 × 800 window of @app with the examples compared and highlighted. */
static inline PxWindow *
px_test_open_examples (PxApplication *app)
{
  g_autoptr(GPtrArray) files = px_test_example_files ();
  PxWindow *window;

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  px_window_open_files (window, (GFile **)files->pdata, files->len);
  px_test_wait_until_idle (window);
  return window;
}
