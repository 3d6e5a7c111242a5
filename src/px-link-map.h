/* px-link-map.h: curved bands between the linked sentences of two columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-source-view.h"

G_BEGIN_DECLS

#define PX_TYPE_LINK_MAP (px_link_map_get_type ())

G_DECLARE_FINAL_TYPE (PxLinkMap, px_link_map, PX, LINK_MAP, GtkWidget)

PxLinkMap *px_link_map_new              (PxSourceView *left,
                                         PxSourceView *right);
/* Takes the links between the two columns' documents from @comparison. */
void       px_link_map_set_comparison   (PxLinkMap    *self,
                                         PxComparison *comparison);
/* The number of bands (links between the two columns). */
guint      px_link_map_get_n_bands      (PxLinkMap    *self);
/* Band @index's sentences, and where its ends are drawn, in the map's
 * coordinates; FALSE when an end is not shown (hidden clutter). */
void       px_link_map_get_band_segments (PxLinkMap   *self,
                                          guint        index,
                                          guint       *left,
                                          guint       *right);
gboolean   px_link_map_get_band_area    (PxLinkMap    *self,
                                         guint         index,
                                         double       *left_y,
                                         double       *left_height,
                                         double       *right_y,
                                         double       *right_height);

G_END_DECLS
