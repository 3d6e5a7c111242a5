/* px-link-map.c: curved bands between the linked sentences of two columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As in Meld's link map: only the bands with an end in view are drawn, as
 * filled curves from the lines of one sentence's linked part to the
 * other's (of a long sentence, the lines that state the shared claim).
 * Clicking a band selects its sentences. Drawn with cairo (GskPath is
 * GTK 4.14).
 */
#define G_LOG_DOMAIN "px-link-map"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "px-link-map.h"
#include "px-tooltip.h"

typedef enum
{
  PLACE_NONE,
  PLACE_ROUGH,   /* the lines of its sentence, from the view's cache */
  PLACE_EXACT,   /* the lines of its part */
} PlaceKind;

typedef struct
{
  guint8     kind;      /* PlaceKind */
  double     y;         /* buffer coordinates */
  double     height;
} Place;

typedef struct
{
  guint      left;      /* segment in the left column */
  guint      right;     /* segment in the right column */
  PxRelation relation;
  /* the linked parts, bytes of each column's text; the whole segments
   * when start == end */
  guint      left_start, left_end;
  guint      right_start, right_end;
  /* where each end sits in its view's buffer, kept from the draw that
   * placed it until the view's lines move (check_layouts ()) */
  Place      place[2];
} Band;

/* What a draw (or a click) reads of one column once: the segments in
 * view and where the top of its text is now. */
typedef struct
{
  guint    first, last;  /* in view; none when !shown */
  gboolean shown;
  double   origin;       /* the text's top, in this widget's coordinates */
} ColumnView;

struct _PxLinkMap
{
  GtkWidget     parent_instance;

  /* owned */
  GArray       *bands;  /* Band, sorted by left segment */
  gulong        handlers[2];

  /* borrowed: the columns outlive the map (the window removes maps first) */
  PxSourceView *columns[2];
  /* what the bands' places were measured on: each view's height and width */
  double        placed_upper[2];
  int           placed_width[2];
};

enum {
  BAND_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PxLinkMap, px_link_map, GTK_TYPE_WIDGET)

static int
compare_bands (gconstpointer a,
               gconstpointer b)
{
  const Band *ba = a;
  const Band *bb = b;

  if (ba->left != bb->left)
    return ba->left < bb->left ? -1 : 1;
  return ba->right < bb->right ? -1 : ba->right > bb->right;
}

static void
band_color (PxLinkMap  *self,
            PxRelation  relation,
            gboolean    lit,
            GdkRGBA    *rgba)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (lit)
    gdk_rgba_parse (rgba, dark ? "rgba(120,174,237,0.75)" : "rgba(28,113,216,0.55)");
  else if (relation == PX_RELATION_DIFFERS)
    gdk_rgba_parse (rgba, dark ? "rgba(245,194,17,0.40)" : "rgba(229,165,10,0.45)");
  else if (relation == PX_RELATION_SAME)
    gdk_rgba_parse (rgba, dark ? "rgba(87,227,137,0.30)" : "rgba(38,162,105,0.30)");
  else
    gdk_rgba_parse (rgba, dark ? "rgba(153,193,241,0.30)" : "rgba(53,132,228,0.25)");
}

/* The bands' places hold while neither view's lines move: a change of
 * the text's height (lines laid out, tags that change sizes, clutter
 * shown or hidden, another font size) or of its width forgets them. */
static void
check_layouts (PxLinkMap *self)
{
  for (guint side = 0; side < 2; side++)
    {
      GtkAdjustment *adjustment = px_source_view_get_vadjustment (self->columns[side]);
      GtkWidget *text_view = GTK_WIDGET (px_source_view_get_text_view (self->columns[side]));
      double upper = px_source_view_get_shows_text (self->columns[side]) ? gtk_adjustment_get_upper (adjustment) : -1;
      int width = gtk_widget_get_width (text_view);

      if (upper == self->placed_upper[side] && width == self->placed_width[side])
        continue;
      self->placed_upper[side] = upper;
      self->placed_width[side] = width;
      for (guint i = 0; i < self->bands->len; i++)
        g_array_index (self->bands, Band, i).place[side].kind = PLACE_NONE;
    }
}

/* One end of a band in this widget's coordinates. An end outside its
 * column's view points at the lines of its sentence as the view
 * estimates them: laying them out to find the part would cost a frame,
 * and the band leaves the map before it gets there. */
static gboolean
band_end (PxLinkMap        *self,
          Band             *band,
          guint             side,
          const ColumnView *view,
          double           *y,
          double           *height)
{
  PxSourceView *column = self->columns[side];
  guint segment = side == 0 ? band->left : band->right;
  Place *place = &band->place[side];
  PlaceKind wanted = view->shown && segment >= view->first && segment <= view->last ? PLACE_EXACT : PLACE_ROUGH;

  if (!view->shown)
    return FALSE;
  if (place->kind < wanted)
    {
      gboolean found;

      if (wanted == PLACE_EXACT)
        found = px_source_view_get_part_area (column, segment, side == 0 ? band->left_start : band->right_start,
                                              side == 0 ? band->left_end : band->right_end,
                                              GTK_WIDGET (self), y, height);
      else
        found = px_source_view_get_rough_segment_area (column, segment, GTK_WIDGET (self), y, height);
      if (!found)
        return FALSE;
      place->kind = wanted;
      place->y = *y - view->origin;
      place->height = *height;
      return TRUE;
    }
  *y = place->y + view->origin;
  *height = place->height;
  return TRUE;
}

/* The band's four corners in this widget's coordinates. */
static gboolean
band_geometry (PxLinkMap        *self,
               Band             *band,
               const ColumnView  views[2],
               double           *ly,
               double           *lh,
               double           *ry,
               double           *rh)
{
  return band_end (self, band, 0, &views[0], ly, lh) && band_end (self, band, 1, &views[1], ry, rh);
}

static gboolean
band_in_view (const Band       *band,
              const ColumnView  views[2])
{
  return (views[0].shown && band->left >= views[0].first && band->left <= views[0].last) ||
         (views[1].shown && band->right >= views[1].first && band->right <= views[1].last);
}

static void
band_path (cairo_t *cr,
           double   width,
           double   ly,
           double   lh,
           double   ry,
           double   rh)
{
  double mid = width / 2;

  cairo_move_to (cr, 0, ly);
  cairo_curve_to (cr, mid, ly, mid, ry, width, ry);
  cairo_line_to (cr, width, ry + rh);
  cairo_curve_to (cr, mid, ry + rh, mid, ly + lh, 0, ly + lh);
  cairo_close_path (cr);
}

/* What each column shows, and the bands' places checked against the
 * views' lines; FALSE when neither column shows any segment. */
static gboolean
prepare_bands (PxLinkMap  *self,
               ColumnView  views[2])
{
  gboolean any = FALSE;

  for (guint side = 0; side < 2; side++)
    {
      ColumnView *view = &views[side];

      *view = (ColumnView) { 0 };
      view->shown = px_source_view_get_text_origin (self->columns[side], GTK_WIDGET (self), &view->origin) &&
                    px_source_view_get_visible_segments (self->columns[side], &view->first, &view->last);
      any = any || view->shown;
    }
  check_layouts (self);
  return any;
}

static void
draw_bands (PxLinkMap *self,
            cairo_t   *cr,
            double     width,
            double     height)
{
  ColumnView views[2];
  int lselected = px_source_view_get_selected_segment (self->columns[0]);
  int rselected = px_source_view_get_selected_segment (self->columns[1]);

  if (!prepare_bands (self, views))
    return;

  /* Two passes: the lit bands go on top. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->bands->len; i++)
      {
        Band *band = &g_array_index (self->bands, Band, i);
        gboolean lit = (int)band->left == lselected || (int)band->right == rselected ||
                       px_source_view_segment_is_lit (self->columns[0], band->left) ||
                       px_source_view_segment_is_lit (self->columns[1], band->right);
        double ly, lh, ry, rh;
        GdkRGBA color;

        if (lit != (pass == 1) || !band_in_view (band, views))
          continue;
        if (!band_geometry (self, band, views, &ly, &lh, &ry, &rh))
          continue;
        if ((ly + lh < 0 && ry + rh < 0) || (ly > height && ry > height))
          continue;

        band_color (self, band->relation, lit, &color);
        band_path (cr, width, ly, lh, ry, rh);
        gdk_cairo_set_source_rgba (cr, &color);
        cairo_fill_preserve (cr);
        color.alpha = MIN (1.0, color.alpha * 2);
        gdk_cairo_set_source_rgba (cr, &color);
        cairo_set_line_width (cr, 1);
        cairo_stroke (cr);
      }
}

static void
adjustment_changed_cb (GtkAdjustment *adjustment,
                       PxLinkMap     *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            PxLinkMap       *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  ColumnView views[2];
  cairo_surface_t *surface;
  cairo_t *cr;
  int hit = -1;

  prepare_bands (self, views);

  /* Hit-test with the same path as drawn. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  for (guint i = 0; i < self->bands->len && hit < 0; i++)
    {
      Band *band = &g_array_index (self->bands, Band, i);
      double ly, lh, ry, rh;

      if (!band_in_view (band, views) || !band_geometry (self, band, views, &ly, &lh, &ry, &rh))
        continue;
      cairo_new_path (cr);
      band_path (cr, width, ly, lh, ry, rh);
      if (cairo_in_fill (cr, x, y))
        hit = i;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (hit >= 0)
    {
      const Band *band = &g_array_index (self->bands, Band, hit);

      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      g_signal_emit (self, signals[BAND_ACTIVATED], 0,
                     px_source_view_get_index (self->columns[0]), band->left);
    }
}

static void
px_link_map_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  PxLinkMap *self = PX_LINK_MAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->bands->len == 0 || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_bands (self, cr, width, height);
  cairo_destroy (cr);
}

static void
px_link_map_dispose (GObject *object)
{
  PxLinkMap *self = (PxLinkMap *)object;

  for (guint i = 0; i < 2; i++)
    if (self->columns[i] != NULL)
      {
        g_clear_signal_handler (&self->handlers[i], px_source_view_get_vadjustment (self->columns[i]));
        g_clear_object (&self->columns[i]);
      }

  G_OBJECT_CLASS (px_link_map_parent_class)->dispose (object);
}

static void
px_link_map_finalize (GObject *object)
{
  PxLinkMap *self = (PxLinkMap *)object;

  g_clear_pointer (&self->bands, g_array_unref);

  G_OBJECT_CLASS (px_link_map_parent_class)->finalize (object);
}

static void
px_link_map_class_init (PxLinkMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_link_map_dispose;
  object_class->finalize = px_link_map_finalize;
  widget_class->snapshot = px_link_map_snapshot;

  /* A band was clicked: (column index, segment) of its left end. */
  signals[BAND_ACTIVATED] = g_signal_new ("band-activated",
                                          G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "pxlinkmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
px_link_map_init (PxLinkMap *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->bands = g_array_new (FALSE, FALSE, sizeof (Band));
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_size_request (GTK_WIDGET (self), 24, -1);
  px_tooltip_set_text (GTK_WIDGET (self), _("Click a band to select its sentences"));
}

PxLinkMap *
px_link_map_new (PxSourceView *left,
                 PxSourceView *right)
{
  PxLinkMap *self;

  g_return_val_if_fail (PX_IS_SOURCE_VIEW (left), NULL);
  g_return_val_if_fail (PX_IS_SOURCE_VIEW (right), NULL);

  self = g_object_new (PX_TYPE_LINK_MAP, NULL);
  self->columns[0] = g_object_ref (left);
  self->columns[1] = g_object_ref (right);
  for (guint i = 0; i < 2; i++)
    self->handlers[i] = g_signal_connect (px_source_view_get_vadjustment (self->columns[i]), "value-changed",
                                          G_CALLBACK (adjustment_changed_cb), self);
  return self;
}

void
px_link_map_set_comparison (PxLinkMap    *self,
                            PxComparison *comparison)
{
  guint ldoc, rdoc, n_linked;
  GPtrArray *links, *claims;

  g_return_if_fail (PX_IS_LINK_MAP (self));

  g_array_set_size (self->bands, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (comparison == NULL)
    return;

  ldoc = px_source_view_get_index (self->columns[0]);
  rdoc = px_source_view_get_index (self->columns[1]);
  if (MAX (ldoc, rdoc) >= px_comparison_get_n_documents (comparison))
    return;
  links = px_comparison_get_document_links (comparison, ldoc);
  for (guint i = 0; i < links->len; i++)
    {
      const PxLink *link = g_ptr_array_index (links, i);
      Band band;

      if (link->relation == PX_RELATION_RELATED)
        continue;
      if (link->a.doc == ldoc && link->b.doc == rdoc)
        band = (Band) { link->a.segment, link->b.segment, link->relation,
                        link->a_start, link->a_end, link->b_start, link->b_end };
      else if (link->a.doc == rdoc && link->b.doc == ldoc)
        band = (Band) { link->b.segment, link->a.segment, link->relation,
                        link->b_start, link->b_end, link->a_start, link->a_end };
      else
        continue;
      g_array_append_val (self->bands, band);
    }
  g_array_sort (self->bands, compare_bands);
  n_linked = self->bands->len;

  /* sentences of one claim without a link of their own: with many
   * sources a sentence keeps links to its closest sources only, and the
   * claim joins the others through them */
  claims = px_comparison_get_claims (comparison);
  for (guint i = 0; i < claims->len; i++)
    {
      const PxClaim *claim = g_ptr_array_index (claims, i);
      int left = -1, right = -1;

      for (guint k = 0; k < claim->segments->len; k++)
        {
          const PxSegmentRef *ref = &g_array_index (claim->segments, PxSegmentRef, k);

          if (ref->doc == ldoc)
            left = ref->segment;
          else if (ref->doc == rdoc)
            right = ref->segment;
        }
      if (left >= 0 && right >= 0)
        {
          Band band = { left, right, claim->status == PX_CLAIM_DIFFERS ? PX_RELATION_DIFFERS
                                                                        : PX_RELATION_PARAPHRASE };

          /* (bsearch () wants an array, even of nothing) */
          if (n_linked == 0 || bsearch (&band, self->bands->data, n_linked, sizeof (Band), compare_bands) == NULL)
            g_array_append_val (self->bands, band);
        }
    }
  g_array_sort (self->bands, compare_bands);
}

guint
px_link_map_get_n_bands (PxLinkMap *self)
{
  g_return_val_if_fail (PX_IS_LINK_MAP (self), 0);
  return self->bands->len;
}

gboolean
px_link_map_get_band_area (PxLinkMap *self,
                           guint      index,
                           double    *left_y,
                           double    *left_height,
                           double    *right_y,
                           double    *right_height)
{
  ColumnView views[2];

  g_return_val_if_fail (PX_IS_LINK_MAP (self), FALSE);
  g_return_val_if_fail (index < self->bands->len, FALSE);

  prepare_bands (self, views);
  return band_geometry (self, &g_array_index (self->bands, Band, index), views,
                        left_y, left_height, right_y, right_height);
}

void
px_link_map_get_band_segments (PxLinkMap *self,
                               guint      index,
                               guint     *left,
                               guint     *right)
{
  g_return_if_fail (PX_IS_LINK_MAP (self));
  g_return_if_fail (index < self->bands->len);

  *left = g_array_index (self->bands, Band, index).left;
  *right = g_array_index (self->bands, Band, index).right;
}
