/* px-fact-sidebar.h: the facts of every source, grouped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "parallax-core.h"

G_BEGIN_DECLS

#define PX_TYPE_FACT_SIDEBAR (px_fact_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (PxFactSidebar, px_fact_sidebar, PX, FACT_SIDEBAR, GtkWidget)

typedef enum
{
  PX_FACT_FILTER_ANY_STATUS = -1,
} PxFactFilter;

PxFactSidebar *px_fact_sidebar_new             (void);
void           px_fact_sidebar_set_comparison  (PxFactSidebar *self,
                                                PxComparison  *comparison);
/* Only groups of @kind (PX_N_FACT_KINDS: every kind) and of @status
 * (PX_FACT_FILTER_ANY_STATUS: every status). */
void           px_fact_sidebar_set_filter      (PxFactSidebar *self,
                                                PxFactKind     kind,
                                                int            status);
/* The groups shown, after the filter. */
guint          px_fact_sidebar_get_n_groups    (PxFactSidebar *self);
/* TRUE while the list, on screen, is still growing to all its rows. */
gboolean       px_fact_sidebar_get_rows_pending (PxFactSidebar *self);
/* The index in px_comparison_get_fact_groups() of the @position-th row. */
guint          px_fact_sidebar_get_group_index (PxFactSidebar *self,
                                                guint          position);
/* Emits ::group-activated for the @position-th row. */
void           px_fact_sidebar_activate        (PxFactSidebar *self,
                                                guint          position);

/* The values of @group as a row shows them: for a differing group each
 * value with the columns that give it, side by side ("23.37% (1) ·
 * 69.44% (4)"); else the distinct values ("≈ $61 billion / $61 billion"). */
char          *px_fact_sidebar_format_values   (PxComparison      *comparison,
                                                const PxFactGroup *group);

const char    *px_fact_kind_get_label          (PxFactKind     kind);
const char    *px_fact_kind_get_icon_name      (PxFactKind     kind);

G_END_DECLS
