/* px-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PX_TYPE_APPLICATION (px_application_get_type ())

G_DECLARE_FINAL_TYPE (PxApplication, px_application, PX, APPLICATION, AdwApplication)

PxApplication *px_application_new                (void);
/* Where the translations of @program are: the build tree's po/ when
 * @program runs from a meson build tree (./run, a developer), else the
 * installed locale folder. */
char          *px_application_dup_locale_dir     (const char *program);
/* Without a GPU (no render node in @dri_dir, "/dev/dri": a virtual
 * machine, a remote or virtual X server) GL is Mesa's software
 * rasterizer: it costs some 40 ms at start and more than GTK's cairo
 * renderer on every frame. Turns GL off then and asks for the cairo
 * renderer, unless the environment already chooses (GSK_RENDERER,
 * GDK_DEBUG, GDK_DISABLE); call before GTK opens the display. TRUE when
 * it turned GL off. */
gboolean       px_application_choose_renderer    (const char *dri_dir);
/* The bundled example articles, sorted; newly allocated GFile array. */
GPtrArray     *px_application_list_examples      (void);
/* Adds @uri to the desktop's recent files: once the main loop is idle
 * (or at shutdown) for a PxApplication, at once for any other or NULL. */
void           px_application_add_recent         (GtkApplication *application,
                                                  const char     *uri);

G_END_DECLS
