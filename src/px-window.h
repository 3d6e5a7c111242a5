/* px-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "parallax-core.h"

G_BEGIN_DECLS

#define PX_TYPE_WINDOW (px_window_get_type ())

G_DECLARE_FINAL_TYPE (PxWindow, px_window, PX, WINDOW, AdwApplicationWindow)

PxWindow     *px_window_new              (GtkApplication *application);
/* Imports @files (GFile*) in workers and adds them as sources. */
void          px_window_open_files       (PxWindow       *self,
                                          GFile         **files,
                                          guint           n_files);
/* The sources, a GListModel of PxDocument, in column order. */
GListModel   *px_window_get_sources      (PxWindow       *self);
/* The latest comparison of the sources, or NULL while none is ready. */
PxComparison *px_window_get_comparison   (PxWindow       *self);
/* TRUE while imports or the comparison are running. */
gboolean      px_window_get_busy         (PxWindow       *self);

G_END_DECLS
