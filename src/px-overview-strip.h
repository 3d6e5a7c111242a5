/* px-overview-strip.h: where a column's claims sit, beside its scrollbar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PX_TYPE_OVERVIEW_STRIP (px_overview_strip_get_type ())

G_DECLARE_FINAL_TYPE (PxOverviewStrip, px_overview_strip, PX, OVERVIEW_STRIP, GtkWidget)

/* A run of the column's text: [start, end) in document heights (0 … 1). */
typedef struct
{
  double start;
  double end;
  guint  status;  /* PxClaimStatus */
} PxOverviewMark;

PxOverviewStrip *px_overview_strip_new            (void);
void             px_overview_strip_set_adjustment (PxOverviewStrip *self,
                                                   GtkAdjustment   *adjustment);
/* @marks: PxOverviewMark; copied. */
void             px_overview_strip_set_marks      (PxOverviewStrip *self,
                                                   GArray          *marks);
void             px_overview_strip_set_dark       (PxOverviewStrip *self,
                                                   gboolean         dark);
guint            px_overview_strip_get_n_marks    (PxOverviewStrip *self);

G_END_DECLS
