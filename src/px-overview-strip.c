/* px-overview-strip.c: where a column's claims sit; the column's scrollbar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like Meld's overview map: the whole text in the strip's height, runs of
 * shared, differing and unique claims as coloured bars (shared on the
 * left, unique as a thin outline, so that colour is not the only cue), the
 * visible part as a frame. It stands in for the column's scrollbar (an
 * overlay scrollbar would lie over it): a click or a drag scrolls there.
 */
#define G_LOG_DOMAIN "px-overview-strip"

#include "config.h"

#include <glib/gi18n.h>

#include "px-overview-strip.h"
#include "px-tooltip.h"

struct _PxOverviewStrip
{
  GtkWidget      parent_instance;

  /* owned */
  GArray        *marks;       /* PxOverviewMark */
  GtkAdjustment *adjustment;
  gulong         handlers[2];
  gboolean       dark;
};

G_DEFINE_FINAL_TYPE (PxOverviewStrip, px_overview_strip, GTK_TYPE_WIDGET)

static const char *light_colors[] = { "#26a269", "#3584e4", "#e5a50a", "#9a9996" };
static const char *dark_colors[] = { "#57e389", "#62a0ea", "#f8e45c", "#77767b" };

static void
adjustment_changed_cb (GtkAdjustment   *adjustment,
                       PxOverviewStrip *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The strip is the column's scrollbar: the visible part centres where
 * it is pressed, and follows a drag. */
static void
scroll_to_y (PxOverviewStrip *self,
             double           y)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double upper, page;

  if (self->adjustment == NULL || height <= 0)
    return;
  upper = gtk_adjustment_get_upper (self->adjustment);
  page = gtk_adjustment_get_page_size (self->adjustment);
  gtk_adjustment_set_value (self->adjustment, y / height * upper - page / 2);
}

static void
drag_begin_cb (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               PxOverviewStrip *self)
{
  scroll_to_y (self, y);
}

static void
drag_update_cb (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                PxOverviewStrip *self)
{
  double x, y;

  if (gtk_gesture_drag_get_start_point (gesture, &x, &y))
    scroll_to_y (self, y + dy);
}

static void
px_overview_strip_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  PxOverviewStrip *self = PX_OVERVIEW_STRIP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const PxOverviewMark *mark = &g_array_index (self->marks, PxOverviewMark, i);
      double y = floor (mark->start * height);
      double h = MAX (2.0, ceil (mark->end * height) - y);
      GdkRGBA color;

      gdk_rgba_parse (&color, (self->dark ? dark_colors : light_colors)[MIN (mark->status, 3)]);
      switch (mark->status)
        {
        case 0: /* shared: the full width */
          gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (1, y, width - 2, h));
          break;
        case 1: /* partial: the left half */
          gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (1, y, (width - 2) / 2.0, h));
          break;
        case 2: /* differs: full width, striped */
          for (double sy = y; sy < y + h; sy += 3)
            gtk_snapshot_append_color (snapshot, &color,
                                       &GRAPHENE_RECT_INIT (1, sy, width - 2, MIN (2, y + h - sy)));
          break;
        default: /* unique: a thin line on the right */
          color.alpha = 0.6;
          gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (width - 3, y, 2, h));
          break;
        }
    }

  if (self->adjustment != NULL && gtk_adjustment_get_upper (self->adjustment) > 0)
    {
      double upper = gtk_adjustment_get_upper (self->adjustment);
      double y = gtk_adjustment_get_value (self->adjustment) / upper * height;
      double h = gtk_adjustment_get_page_size (self->adjustment) / upper * height;
      GskRoundedRect frame;
      GdkRGBA fill, border;

      gdk_rgba_parse (&fill, self->dark ? "rgba(255,255,255,0.10)" : "rgba(0,0,0,0.08)");
      gdk_rgba_parse (&border, self->dark ? "rgba(255,255,255,0.55)" : "rgba(0,0,0,0.45)");
      gsk_rounded_rect_init_from_rect (&frame, &GRAPHENE_RECT_INIT (0, y, width, MAX (h, 4)), 2);
      gtk_snapshot_append_color (snapshot, &fill, &frame.bounds);
      gtk_snapshot_append_border (snapshot, &frame, (const float[4]) { 1, 1, 1, 1 },
                                  (const GdkRGBA[4]) { border, border, border, border });
    }
}

static void
px_overview_strip_dispose (GObject *object)
{
  PxOverviewStrip *self = (PxOverviewStrip *)object;

  px_overview_strip_set_adjustment (self, NULL);

  G_OBJECT_CLASS (px_overview_strip_parent_class)->dispose (object);
}

static void
px_overview_strip_finalize (GObject *object)
{
  PxOverviewStrip *self = (PxOverviewStrip *)object;

  g_clear_pointer (&self->marks, g_array_unref);

  G_OBJECT_CLASS (px_overview_strip_parent_class)->finalize (object);
}

static void
px_overview_strip_class_init (PxOverviewStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_overview_strip_dispose;
  object_class->finalize = px_overview_strip_finalize;
  widget_class->snapshot = px_overview_strip_snapshot;

  gtk_widget_class_set_css_name (widget_class, "pxoverviewstrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
px_overview_strip_init (PxOverviewStrip *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->marks = g_array_new (FALSE, FALSE, sizeof (PxOverviewMark));
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_size_request (GTK_WIDGET (self), 12, -1);
  px_tooltip_set_text (GTK_WIDGET (self),
                       _("Where this source’s claims sit: full bars are stated by all, half bars by several, "
                         "striped bars differ, thin lines only here. Click or drag to go there."));
}

PxOverviewStrip *
px_overview_strip_new (void)
{
  return g_object_new (PX_TYPE_OVERVIEW_STRIP, NULL);
}

void
px_overview_strip_set_adjustment (PxOverviewStrip *self,
                                  GtkAdjustment   *adjustment)
{
  g_return_if_fail (PX_IS_OVERVIEW_STRIP (self));

  if (self->adjustment != NULL)
    {
      g_clear_signal_handler (&self->handlers[0], self->adjustment);
      g_clear_signal_handler (&self->handlers[1], self->adjustment);
      g_clear_object (&self->adjustment);
    }
  if (adjustment != NULL)
    {
      self->adjustment = g_object_ref (adjustment);
      self->handlers[0] = g_signal_connect (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self);
      self->handlers[1] = g_signal_connect (adjustment, "changed", G_CALLBACK (adjustment_changed_cb), self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
px_overview_strip_set_marks (PxOverviewStrip *self,
                             GArray          *marks)
{
  g_return_if_fail (PX_IS_OVERVIEW_STRIP (self));

  g_array_set_size (self->marks, 0);
  if (marks != NULL && marks->len > 0)
    g_array_append_vals (self->marks, marks->data, marks->len);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
px_overview_strip_set_dark (PxOverviewStrip *self,
                            gboolean         dark)
{
  g_return_if_fail (PX_IS_OVERVIEW_STRIP (self));
  self->dark = !!dark;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
px_overview_strip_get_n_marks (PxOverviewStrip *self)
{
  g_return_val_if_fail (PX_IS_OVERVIEW_STRIP (self), 0);
  return self->marks->len;
}
