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

G_END_DECLS
