/* px-source-view.c: one column, one source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A header (title, outlet, date, words, close) over a read-only text view.
 * The buffer holds the document's normalized text unchanged, so a byte
 * offset of the engine becomes an iter through a table of checkpoints.
 * Highlights are a fixed set of named tags, applied in idle slices with the
 * visible part first; the status markers in the left margin and the bars
 * of lit sentences are drawn for the visible sentences only.
 */
#define G_LOG_DOMAIN "px-source-view"

#include "config.h"

#include <glib/gi18n.h>

#include "px-format.h"
#include "px-overview-strip.h"
#include "px-source-view.h"
#include "px-tooltip.h"
#include "px-palette.h"

#define CHECKPOINT_BYTES 256
/* One main-loop iteration of tagging, for all the columns together: a
 * frame is 16 ms, and laying out and drawing it needs the rest. */
#define SLICE_USEC       (5 * 1000)
/* ops a column on screen may finish with its visible part */
#define SHORT_REST       256
#define GUTTER_WIDTH     22

typedef enum
{
  TAG_SHARED,
  TAG_PARTIAL,
  TAG_DIFFERS,
  TAG_UNIQUE,
  TAG_BOILERPLATE,
  TAG_DATELINE,
  TAG_FACT_NUMBER,
  TAG_FACT_DATE,
  TAG_FACT_NAME,
  TAG_FACT_QUOTE,
  TAG_WORD_DIFF,
  TAG_HOVER,
  TAG_LIT,
  TAG_SELECTED,
  TAG_PAIR_DIFF,
  TAG_PAIR_EQUIVALENT,
  TAG_PART,
  TAG_MATCH,
  TAG_CURRENT_MATCH,
  TAG_FLASH,
  N_TAGS
} TagId;

/* The names of the "highlight-kinds" setting, in this order. */
typedef enum
{
  HIGHLIGHT_SHARED,
  HIGHLIGHT_PARTIAL,
  HIGHLIGHT_DIFFERS,
  HIGHLIGHT_UNIQUE,
  HIGHLIGHT_FACTS,
  HIGHLIGHT_WORD_DIFF,
  N_HIGHLIGHTS
} HighlightKind;

static const char * const highlight_names[N_HIGHLIGHTS + 1] = {
  "shared", "partial", "differs", "unique", "facts", "word-diff", NULL,
};

typedef struct
{
  guint byte;
  guint chr;
} Checkpoint;

/* One tag over one byte range, waiting for its idle slice. */
typedef struct
{
  guint start;
  guint end;
  guint tag : 8;
  guint visible : 1;
} TagOp;

struct _PxSourceView
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkWidget         *header;
  GtkLabel          *number_label;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkLabel          *match_label;
  GtkMenuButton     *menu_button;
  GtkButton         *close_button;
  GtkScrolledWindow *scroller;
  GtkTextView       *text_view;
  PxOverviewStrip   *overview;

  /* owned */
  /* The column's text and its tags. The text view shows it from the
   * column's first map on: GTK lays out every line of a buffer its view
   * shows, mapped or not, and twenty columns of which five are in view
   * would lay out twenty. */
  GtkTextBuffer     *buffer;
  PxDocument        *document;
  PxComparison      *comparison;
  GArray            *checkpoints;      /* Checkpoint */
  guint             *segment_chars;    /* start, end char offset of each segment */
  guint8            *segment_status;   /* PxClaimStatus + 1, 0 for none */
  GArray            *ops;              /* TagOp */
  GArray            *lit;              /* guint segment */
  GArray            *hover;            /* guint segment */
  PangoLayout       *markers[4];
  GtkTextTag        *tags[N_TAGS];
  guint              next_op;
  gboolean           tagging;          /* in the queue of columns being tagged */
  gboolean           waiting_text;     /* in the queue of columns to show their text */
  gboolean           overview_queued;  /* in the queue of strips to redraw */
  gboolean           overview_dirty;   /* changed while not mapped */
  guint              pending_scroll;
  int                pending_segment;
  double             pending_y;
  int                pending_tries;
  int                selected;
  guint              index;
  guint              n_segments;
  guint              hidden;           /* 1 << HighlightKind of highlights turned off */
  gboolean           dark;
  gboolean           boilerplate_hidden;
  gboolean           moving_cursor;
  int                hovered;
};

enum {
  SEGMENT_ACTIVATED,
  SEGMENT_HOVERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define PX_TYPE_SOURCE_TEXT (px_source_text_get_type ())
G_DECLARE_FINAL_TYPE (PxSourceText, px_source_text, PX, SOURCE_TEXT, GtkTextView)

/* The text view draws the column's margin markers under its text. */
struct _PxSourceText
{
  GtkTextView   parent_instance;
  PxSourceView *column;  /* borrowed */
};

G_DEFINE_FINAL_TYPE (PxSourceText, px_source_text, GTK_TYPE_TEXT_VIEW)
G_DEFINE_FINAL_TYPE (PxSourceView, px_source_view, GTK_TYPE_WIDGET)

static void snapshot_margin (PxSourceView *self,
                             GtkSnapshot  *snapshot);
static void queue_overview  (PxSourceView *self);

/* Marker glyphs: the status is never told by colour alone. */
static const char *status_markers[] = { "●", "◐", "≠", "○" };

static void
px_source_text_snapshot_layer (GtkTextView      *text_view,
                               GtkTextViewLayer  layer,
                               GtkSnapshot      *snapshot)
{
  PxSourceText *self = PX_SOURCE_TEXT (text_view);

  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT && self->column != NULL)
    snapshot_margin (self->column, snapshot);
}

static void
px_source_text_class_init (PxSourceTextClass *klass)
{
  GTK_TEXT_VIEW_CLASS (klass)->snapshot_layer = px_source_text_snapshot_layer;
}

static void
px_source_text_init (PxSourceText *self)
{
}

/* Whether the text view shows the column's text yet (attach_buffer). */
static inline gboolean
shows_text (PxSourceView *self)
{
  return gtk_text_view_get_buffer (self->text_view) == self->buffer;
}

/* Offsets */

static void
build_offset_tables (PxSourceView *self)
{
  gsize length;
  const char *text = px_document_get_text (self->document, &length);
  guint chr = 0;
  guint next = 0;

  self->checkpoints = g_array_new (FALSE, FALSE, sizeof (Checkpoint));
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p), chr++)
    {
      guint byte = p - text;

      while (byte >= next)
        {
          Checkpoint cp = { byte, chr };

          g_array_append_val (self->checkpoints, cp);
          next += CHECKPOINT_BYTES;
        }
    }

  self->n_segments = px_document_get_n_segments (self->document);
  self->segment_chars = g_new0 (guint, 2 * MAX (self->n_segments, 1));
  self->segment_status = g_new0 (guint8, MAX (self->n_segments, 1));
}

static guint
byte_to_char (PxSourceView *self,
              guint         byte)
{
  gsize length;
  const char *text = px_document_get_text (self->document, &length);
  guint i;
  const Checkpoint *cp;

  byte = MIN (byte, length);
  if (self->checkpoints->len == 0)
    return 0;
  i = MIN (byte / CHECKPOINT_BYTES, self->checkpoints->len - 1);
  cp = &g_array_index (self->checkpoints, Checkpoint, i);
  if (cp->byte > byte && i > 0)
    cp = &g_array_index (self->checkpoints, Checkpoint, i - 1);
  if (cp->byte >= byte)
    return cp->chr;
  return cp->chr + g_utf8_strlen (text + cp->byte, byte - cp->byte);
}

static void
iter_at_byte (PxSourceView *self,
              GtkTextIter  *iter,
              guint         byte)
{
  gtk_text_buffer_get_iter_at_offset (self->buffer, iter,
                                      byte_to_char (self, byte));
}

/* The first segment that ends after @chr. */
static guint
segment_lower_bound (PxSourceView *self,
                     guint         chr)
{
  guint lo = 0, hi = self->n_segments;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (self->segment_chars[2 * mid + 1] <= chr)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static int
segment_at_char (PxSourceView *self,
                 guint         chr)
{
  guint i = segment_lower_bound (self, chr);

  if (i < self->n_segments && self->segment_chars[2 * i] <= chr)
    return i;
  return -1;
}

static void
segment_iters (PxSourceView *self,
               guint         segment,
               GtkTextIter  *start,
               GtkTextIter  *end)
{
  GtkTextBuffer *buffer = self->buffer;

  gtk_text_buffer_get_iter_at_offset (buffer, start, self->segment_chars[2 * segment]);
  gtk_text_buffer_get_iter_at_offset (buffer, end, self->segment_chars[2 * segment + 1]);
}

/* Buffer y range of a segment. */
static void
segment_buffer_yrange (PxSourceView *self,
                       guint         segment,
                       int          *y,
                       int          *height)
{
  GtkTextIter start, end;
  GdkRectangle a, b;

  segment_iters (self, segment, &start, &end);
  gtk_text_view_get_iter_location (self->text_view, &start, &a);
  gtk_text_view_get_iter_location (self->text_view, &end, &b);
  *y = a.y;
  *height = MAX (b.y + b.height - a.y, a.height);
}

/* Tags and colours */

static void
set_rgba (GtkTextTag *tag,
          const char *property,
          const char *spec)
{
  GdkRGBA rgba;

  if (spec == NULL)
    {
      g_object_set (tag, property, NULL, NULL);
      return;
    }
  gdk_rgba_parse (&rgba, spec);
  g_object_set (tag, property, &rgba, NULL);
}

/* Light and dark: the same hues as libadwaita's palette, at an alpha that
 * keeps body text above 7:1 on either background. */
static void
update_tag_colors (PxSourceView *self)
{
  gboolean d = self->dark;

  set_rgba (self->tags[TAG_SHARED], "background-rgba", d ? PX_PALETTE_SHARED_DARK : PX_PALETTE_SHARED_LIGHT);
  set_rgba (self->tags[TAG_PARTIAL], "background-rgba", d ? PX_PALETTE_PARTIAL_DARK : PX_PALETTE_PARTIAL_LIGHT);
  set_rgba (self->tags[TAG_DIFFERS], "background-rgba", d ? PX_PALETTE_DIFFERS_DARK : PX_PALETTE_DIFFERS_LIGHT);
  set_rgba (self->tags[TAG_UNIQUE], "background-rgba", NULL);
  set_rgba (self->tags[TAG_WORD_DIFF], "background-rgba", d ? "rgba(255,120,0,0.40)" : "rgba(255,120,0,0.30)");
  set_rgba (self->tags[TAG_PAIR_DIFF], "background-rgba", d ? "rgba(255,120,0,0.45)" : "rgba(255,120,0,0.35)");
  set_rgba (self->tags[TAG_PAIR_DIFF], "underline-rgba", d ? "#ffa348" : "#c64600");
  /* Facts are many: a thin, half-transparent line that does not shout. */
  set_rgba (self->tags[TAG_FACT_NUMBER], "underline-rgba", d ? "rgba(153,193,241,0.75)" : "rgba(28,113,216,0.60)");
  set_rgba (self->tags[TAG_FACT_DATE], "underline-rgba", d ? "rgba(143,240,164,0.70)" : "rgba(38,162,105,0.65)");
  set_rgba (self->tags[TAG_FACT_NAME], "underline-rgba", d ? "rgba(220,138,221,0.55)" : "rgba(129,61,156,0.40)");
  set_rgba (self->tags[TAG_HOVER], "background-rgba", d ? "rgba(120,174,237,0.22)" : "rgba(53,132,228,0.16)");
  set_rgba (self->tags[TAG_LIT], "background-rgba", d ? "rgba(120,174,237,0.42)" : "rgba(53,132,228,0.30)");
  set_rgba (self->tags[TAG_PART], "background-rgba", d ? "rgba(120,174,237,0.62)" : "rgba(53,132,228,0.48)");
  set_rgba (self->tags[TAG_SELECTED], "background-rgba", d ? "rgba(120,174,237,0.55)" : "rgba(53,132,228,0.38)");
  set_rgba (self->tags[TAG_MATCH], "background-rgba", d ? "rgba(246,211,45,0.55)" : "rgba(246,211,45,0.75)");
  set_rgba (self->tags[TAG_MATCH], "foreground-rgba", d ? "#ffffff" : "#000000");
  set_rgba (self->tags[TAG_CURRENT_MATCH], "background-rgba", d ? "#e66100" : "#ff7800");
  set_rgba (self->tags[TAG_CURRENT_MATCH], "foreground-rgba", d ? "#ffffff" : "#000000");
  set_rgba (self->tags[TAG_FLASH], "background-rgba", d ? "rgba(192,97,203,0.55)" : "rgba(145,65,172,0.35)");
  set_rgba (self->tags[TAG_BOILERPLATE], "foreground-rgba", d ? "rgba(255,255,255,0.45)" : "rgba(0,0,0,0.45)");
  set_rgba (self->tags[TAG_DATELINE], "foreground-rgba", d ? "rgba(255,255,255,0.45)" : "rgba(0,0,0,0.45)");

  /* Highlights the reader turned off keep their tags, without a look. */
  g_object_set (self->tags[TAG_FACT_NUMBER], "underline", PANGO_UNDERLINE_DOUBLE, NULL);
  g_object_set (self->tags[TAG_FACT_DATE], "underline", PANGO_UNDERLINE_SINGLE, NULL);
  g_object_set (self->tags[TAG_FACT_NAME], "underline", PANGO_UNDERLINE_LOW, NULL);
  g_object_set (self->tags[TAG_WORD_DIFF], "weight", PANGO_WEIGHT_BOLD, NULL);
  for (guint k = HIGHLIGHT_SHARED; k <= HIGHLIGHT_UNIQUE; k++)
    if (self->hidden & (1 << k))
      set_rgba (self->tags[TAG_SHARED + k], "background-rgba", NULL);
  if (self->hidden & (1 << HIGHLIGHT_FACTS))
    for (guint t = TAG_FACT_NUMBER; t <= TAG_FACT_NAME; t++)
      g_object_set (self->tags[t], "underline", PANGO_UNDERLINE_NONE, NULL);
  if (self->hidden & (1 << HIGHLIGHT_WORD_DIFF))
    {
      set_rgba (self->tags[TAG_WORD_DIFF], "background-rgba", NULL);
      g_object_set (self->tags[TAG_WORD_DIFF], "weight", PANGO_WEIGHT_NORMAL, NULL);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
}

static void
create_tags (PxSourceView *self)
{
  GtkTextBuffer *buffer = self->buffer;

  /* Creation order is priority order: selection and search win. */
  gtk_text_buffer_create_tag (buffer, "heading",
                              "weight", PANGO_WEIGHT_BOLD,
                              "scale", 1.15,
                              NULL);
  self->tags[TAG_SHARED] = gtk_text_buffer_create_tag (buffer, "claim-shared", NULL);
  self->tags[TAG_PARTIAL] = gtk_text_buffer_create_tag (buffer, "claim-partial", NULL);
  self->tags[TAG_DIFFERS] = gtk_text_buffer_create_tag (buffer, "claim-differs", NULL);
  self->tags[TAG_UNIQUE] = gtk_text_buffer_create_tag (buffer, "claim-unique", NULL);
  self->tags[TAG_BOILERPLATE] = gtk_text_buffer_create_tag (buffer, "boilerplate",
                                                            "scale", 0.85,
                                                            NULL);
  /* Dimmed like clutter, never hidden: invisible text inside a line made
   * GTK 4.8 look up a byte past the line's end once a column was removed
   * and the others re-wrapped (test-notes keeps-place). */
  self->tags[TAG_DATELINE] = gtk_text_buffer_create_tag (buffer, "dateline",
                                                         "scale", 0.85,
                                                         NULL);
  self->tags[TAG_FACT_NUMBER] = gtk_text_buffer_create_tag (buffer, "fact-number",
                                                            "underline", PANGO_UNDERLINE_DOUBLE,
                                                            NULL);
  self->tags[TAG_FACT_DATE] = gtk_text_buffer_create_tag (buffer, "fact-date",
                                                          "underline", PANGO_UNDERLINE_SINGLE,
                                                          NULL);
  self->tags[TAG_FACT_NAME] = gtk_text_buffer_create_tag (buffer, "fact-name",
                                                          "underline", PANGO_UNDERLINE_LOW,
                                                          NULL);
  /* Quotes span whole sentences and carry their own quotation marks. */
  self->tags[TAG_FACT_QUOTE] = gtk_text_buffer_create_tag (buffer, "fact-quote", NULL);
  self->tags[TAG_WORD_DIFF] = gtk_text_buffer_create_tag (buffer, "word-diff",
                                                          "weight", PANGO_WEIGHT_BOLD,
                                                          NULL);
  self->tags[TAG_HOVER] = gtk_text_buffer_create_tag (buffer, "hover", NULL);
  self->tags[TAG_LIT] = gtk_text_buffer_create_tag (buffer, "lit", NULL);
  self->tags[TAG_SELECTED] = gtk_text_buffer_create_tag (buffer, "selected", NULL);
  /* The words that differ between the selected sentence and this one. */
  self->tags[TAG_PAIR_DIFF] = gtk_text_buffer_create_tag (buffer, "pair-diff",
                                                          "weight", PANGO_WEIGHT_BOLD,
                                                          "underline", PANGO_UNDERLINE_SINGLE,
                                                          NULL);
  /* Other words for the same thing ("invested" / "involved"). */
  self->tags[TAG_PAIR_EQUIVALENT] = gtk_text_buffer_create_tag (buffer, "pair-equivalent",
                                                                "underline", PANGO_UNDERLINE_ERROR,
                                                                NULL);
  /* The part of a sentence that states the claim of the selected one. */
  self->tags[TAG_PART] = gtk_text_buffer_create_tag (buffer, "linked-part", NULL);
  self->tags[TAG_MATCH] = gtk_text_buffer_create_tag (buffer, "search-match", NULL);
  self->tags[TAG_CURRENT_MATCH] = gtk_text_buffer_create_tag (buffer, "search-current",
                                                              "weight", PANGO_WEIGHT_BOLD,
                                                              NULL);
  self->tags[TAG_FLASH] = gtk_text_buffer_create_tag (buffer, "flash", NULL);
  update_tag_colors (self);
}

static TagId
tag_for_fact (PxFactKind kind)
{
  switch (kind)
    {
    case PX_FACT_DATE:
    case PX_FACT_TIME:
      return TAG_FACT_DATE;
    case PX_FACT_PERSON:
    case PX_FACT_ORGANIZATION:
    case PX_FACT_PLACE:
      return TAG_FACT_NAME;
    case PX_FACT_QUOTE:
      return TAG_FACT_QUOTE;
    case PX_FACT_NUMBER:
    case PX_FACT_MONEY:
    case PX_FACT_PERCENT:
    case PX_FACT_QUANTITY:
    case PX_FACT_ORDINAL:
    case PX_N_FACT_KINDS:
    default:
      return TAG_FACT_NUMBER;
    }
}

/* Idle tagging */

static void
add_op (PxSourceView *self,
        TagId         tag,
        guint         start,
        guint         end)
{
  TagOp op = { start, end, tag, 0 };

  if (end > start)
    g_array_append_val (self->ops, op);
}

/* Marks the parts of [start, end) that are details (@facts sorted by
 * start; px_fact_kind_is_detail ()): a quote is a whole sentence and a
 * person's name no detail that differs. */
static void
add_fact_overlaps (PxSourceView *self,
                   GPtrArray    *facts,
                   guint         start,
                   guint         end)
{
  guint lo = 0, hi = facts != NULL ? facts->len : 0;

  /* The first fact that starts at or after @end, then look back a little:
   * facts rarely nest. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (((PxFact *)g_ptr_array_index (facts, mid))->start < end)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i > 0 && lo - i < 8; i--)
    {
      const PxFact *fact = g_ptr_array_index (facts, i - 1);

      if (px_fact_kind_is_detail (fact->kind) && fact->end > start)
        add_op (self, TAG_WORD_DIFF, MAX (start, fact->start), MIN (end, fact->end));
    }
}

static int
compare_ops_visible_first (gconstpointer a,
                           gconstpointer b)
{
  const TagOp *oa = a;
  const TagOp *ob = b;

  if (oa->visible != ob->visible)
    return oa->visible ? -1 : 1;
  return 0;
}

/* The columns with tags still to apply, visible ones first. GLib runs
 * every ready source of one priority in the same iteration: one idle for
 * all the columns keeps an iteration within one slice, however many
 * columns there are. */
static GQueue tagging_queue = G_QUEUE_INIT;
static guint  tagging_source;

/* Applies @self's ops until @deadline; TRUE when all are applied. */
static gboolean
apply_ops (PxSourceView *self,
           gint64        deadline,
           gboolean      visible_only)
{
  GtkTextBuffer *buffer = self->buffer;

  for (; self->next_op < self->ops->len; self->next_op++)
    {
      const TagOp *op = &g_array_index (self->ops, TagOp, self->next_op);
      GtkTextIter start, end;

      if (visible_only && !op->visible)
        return FALSE;
      if (self->next_op % 16 == 0 && g_get_monotonic_time () > deadline)
        return FALSE;
      iter_at_byte (self, &start, op->start);
      iter_at_byte (self, &end, op->end);
      gtk_text_buffer_apply_tag (buffer, self->tags[op->tag], &start, &end);
    }
  g_array_set_size (self->ops, 0);
  self->next_op = 0;
  return TRUE;
}

static gboolean
apply_ops_cb (gpointer user_data)
{
  gint64 deadline = g_get_monotonic_time () + SLICE_USEC;

  while (!g_queue_is_empty (&tagging_queue) && g_get_monotonic_time () < deadline)
    {
      PxSourceView *self = g_queue_peek_head (&tagging_queue);

      if (!apply_ops (self, deadline, FALSE))
        break;
      g_queue_pop_head (&tagging_queue);
      self->tagging = FALSE;
    }
  if (!g_queue_is_empty (&tagging_queue))
    return G_SOURCE_CONTINUE;
  tagging_source = 0;
  return G_SOURCE_REMOVE;
}

static void
stop_tagging (PxSourceView *self)
{
  if (self->tagging)
    g_queue_remove (&tagging_queue, self);
  self->tagging = FALSE;
  if (g_queue_is_empty (&tagging_queue))
    g_clear_handle_id (&tagging_source, g_source_remove);
}

/* TRUE if some of the column is inside the window's view of the columns
 * (they scroll sideways). */
static gboolean
column_on_screen (PxSourceView *self)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;
  if (viewport == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (self), viewport, &bounds))
    return TRUE;
  return bounds.origin.x < gtk_widget_get_width (viewport) && bounds.origin.x + bounds.size.width > 0;
}

/* The window gives every column the comparison in one callback: their
 * visible parts share one slice of it, not one slice each. */
static gint64
shared_deadline (void)
{
  static GSource *source;
  static gint64 deadline;
  GSource *current = g_main_current_source ();
  gint64 now = g_get_monotonic_time ();

  if (current == NULL || current != source || now > deadline + SLICE_USEC)
    {
      source = current;
      deadline = now + SLICE_USEC;
    }
  return deadline;
}

static void
start_tagging (PxSourceView *self,
               gboolean      on_screen)
{
  g_assert (!self->tagging);

  self->tagging = TRUE;
  if (on_screen)
    g_queue_push_head (&tagging_queue, self);
  else
    g_queue_push_tail (&tagging_queue, self);
  /* Between the frames and the views' re-layout of their lines, so that
   * the lines are laid out once, after the last slice. */
  if (tagging_source == 0)
    tagging_source = g_idle_add_full (GDK_PRIORITY_REDRAW + 1, apply_ops_cb, NULL, NULL);
}

static void
remove_highlights (PxSourceView *self)
{
  GtkTextBuffer *buffer = self->buffer;
  GtkTextIter start, end;
  static const TagId engine_tags[] = {
    TAG_SHARED, TAG_PARTIAL, TAG_DIFFERS, TAG_UNIQUE, TAG_FACT_NUMBER, TAG_FACT_DATE,
    TAG_FACT_NAME, TAG_FACT_QUOTE, TAG_WORD_DIFF, TAG_HOVER, TAG_LIT, TAG_SELECTED,
    TAG_PAIR_DIFF, TAG_PAIR_EQUIVALENT, TAG_PART,
  };

  stop_tagging (self);
  g_array_set_size (self->ops, 0);
  self->next_op = 0;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (engine_tags); i++)
    gtk_text_buffer_remove_tag (buffer, self->tags[engine_tags[i]], &start, &end);
  memset (self->segment_status, 0, MAX (self->n_segments, 1));
  px_overview_strip_set_marks (self->overview, NULL);
  g_array_set_size (self->lit, 0);
  g_array_set_size (self->hover, 0);
  self->selected = -1;
}

/* A segment's claim status on the parts that state its claim; the rest
 * of the sentence is this source's alone. */
static void
add_claim_ops (PxSourceView *self,
               guint         s,
               TagId         tag)
{
  const PxSegment *seg = px_document_get_segment (self->document, s);
  GArray *parts = px_comparison_get_claim_parts (self->comparison, self->index, s);
  guint from = seg->start;

  if (parts == NULL)
    {
      add_op (self, tag, seg->start, seg->end);
      return;
    }
  for (guint k = 0; k < parts->len; k++)
    {
      const PxByteRange *r = &g_array_index (parts, PxByteRange, k);

      add_op (self, TAG_UNIQUE, from, r->start);
      add_op (self, tag, r->start, r->end);
      from = r->end;
    }
  add_op (self, TAG_UNIQUE, from, seg->end);
}

static void
queue_highlights (PxSourceView *self)
{
  GPtrArray *links = px_comparison_get_document_links (self->comparison, self->index);
  GPtrArray *claims = px_comparison_get_claims (self->comparison);
  GPtrArray *facts = px_comparison_get_document_facts (self->comparison, self->index);
  guint first = 0, last = 0;
  guint visible_start = 0, visible_end = 0;

  for (guint s = 0; s < self->n_segments; s++)
    {
      int claim_index = px_comparison_get_claim_for_segment (self->comparison, self->index, s);
      const PxClaim *claim;

      if (claim_index < 0 || (guint)claim_index >= claims->len)
        continue;
      claim = g_ptr_array_index (claims, claim_index);
      self->segment_status[s] = claim->status + 1;
      add_claim_ops (self, s, TAG_SHARED + claim->status);
    }

  for (guint i = 0; facts != NULL && i < facts->len; i++)
    {
      const PxFact *fact = g_ptr_array_index (facts, i);

      add_op (self, tag_for_fact (fact->kind), fact->start, fact->end);
    }

  for (guint i = 0; i < links->len; i++)
    {
      const PxLink *link = g_ptr_array_index (links, i);
      gboolean is_a = link->a.doc == self->index;

      /* Standing marks only where a detail differs; a rewording differs
       * in most of its words, and those show when its sentence is selected. */
      if (link->diff == NULL || link->relation != PX_RELATION_DIFFERS)
        continue;
      for (guint j = 0; j < link->diff->len; j++)
        {
          const PxDiffChunk *chunk = &g_array_index (link->diff, PxDiffChunk, j);

          guint start = is_a ? chunk->a_start : chunk->b_start;
          guint end = is_a ? chunk->a_end : chunk->b_end;

          /* The detail that differs is a fact (a number, a date, a place);
           * rewording around it shows when the sentence is selected. */
          if (px_diff_op_is_change (chunk->op))
            add_fact_overlaps (self, facts, start, end);
        }
    }

  if (px_source_view_get_visible_segments (self, &first, &last))
    {
      visible_start = px_document_get_segment (self->document, first)->start;
      visible_end = px_document_get_segment (self->document, last)->end;
    }
  for (guint i = 0; i < self->ops->len; i++)
    {
      TagOp *op = &g_array_index (self->ops, TagOp, i);

      op->visible = op->start < visible_end && op->end > visible_start;
    }
  /* g_array_sort is not stable, but the order of ops does not matter:
   * each tag's priority is fixed. */
  g_array_sort (self->ops, compare_ops_visible_first);

  queue_overview (self);
  if (self->ops->len > 0)
    {
      gboolean on_screen = column_on_screen (self);

      /* The visible part of a column on screen at once, so that the first
       * frame with the comparison shows it, and a short rest with it while
       * the slice lasts; the rest in shared slices. */
      gboolean done = FALSE;

      if (on_screen && !apply_ops (self, shared_deadline (), TRUE) && self->next_op < self->ops->len &&
          !g_array_index (self->ops, TagOp, self->next_op).visible && self->ops->len - self->next_op <= SHORT_REST)
        done = apply_ops (self, shared_deadline (), FALSE);
      else if (on_screen)
        done = self->ops->len == 0;
      if (!done)
        start_tagging (self, on_screen);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
}

/* The overview strip */

/* Heights from the text view's line cache (estimates for lines not laid
 * out yet), a segment placed in its line by its character offset: cheap,
 * and exact enough for a strip a few hundred pixels high. */
static double
char_fraction_y (PxSourceView *self,
                 guint         chr,
                 double        upper)
{
  GtkTextBuffer *buffer = self->buffer;
  GtkTextIter iter, line_start;
  int y, height, line_chars;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, chr);
  line_start = iter;
  gtk_text_iter_set_line_offset (&line_start, 0);
  gtk_text_view_get_line_yrange (self->text_view, &line_start, &y, &height);
  line_chars = MAX (1, gtk_text_iter_get_chars_in_line (&line_start));
  return (y + height * (double)gtk_text_iter_get_line_offset (&iter) / line_chars) / upper;
}

/* The strips to redraw: the view's height changes often while GTK lays
 * out its lines, so strips are redrawn a tenth of a second after, one
 * column an iteration, and only those on screen. */
static GQueue overview_queue = G_QUEUE_INIT;
static guint  overview_source;

static void
update_overview (PxSourceView *self)
{
  GtkAdjustment *adjustment = px_source_view_get_vadjustment (self);
  double upper = gtk_adjustment_get_upper (adjustment);
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (PxOverviewMark));

  if (!shows_text (self))
    {
      self->overview_dirty = TRUE;
      return;
    }
  if (upper <= 0)
    return;

  for (guint s = 0; s < self->n_segments; s++)
    {
      PxOverviewMark mark;
      PxOverviewMark *last = marks->len > 0 ? &g_array_index (marks, PxOverviewMark, marks->len - 1) : NULL;

      if (self->segment_status[s] == 0)
        continue;
      mark.status = self->segment_status[s] - 1;
      mark.start = char_fraction_y (self, self->segment_chars[2 * s], upper);
      mark.end = char_fraction_y (self, self->segment_chars[2 * s + 1], upper);
      /* Runs of one status become one bar. */
      if (last != NULL && last->status == mark.status && mark.start - last->end < 0.01)
        last->end = MAX (last->end, mark.end);
      else
        g_array_append_val (marks, mark);
    }
  px_overview_strip_set_marks (self->overview, marks);
}

static gboolean
update_overviews_cb (gpointer user_data)
{
  PxSourceView *self = g_queue_pop_head (&overview_queue);

  if (self != NULL)
    {
      self->overview_queued = FALSE;
      update_overview (self);
    }
  if (!g_queue_is_empty (&overview_queue))
    return G_SOURCE_CONTINUE;
  overview_source = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
start_overviews_cb (gpointer user_data)
{
  overview_source = g_idle_add_full (GDK_PRIORITY_REDRAW + 2, update_overviews_cb, NULL, NULL);
  return G_SOURCE_REMOVE;
}

static void
queue_overview (PxSourceView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->overview_dirty = TRUE;
      return;
    }
  if (self->overview_queued)
    return;
  self->overview_queued = TRUE;
  g_queue_push_tail (&overview_queue, self);
  if (overview_source == 0)
    overview_source = g_timeout_add (100, start_overviews_cb, NULL);
}

static void
unqueue_overview (PxSourceView *self)
{
  if (self->overview_queued)
    g_queue_remove (&overview_queue, self);
  self->overview_queued = FALSE;
  if (g_queue_is_empty (&overview_queue))
    g_clear_handle_id (&overview_source, g_source_remove);
}

static gboolean pending_scroll_cb (gpointer user_data);

/* The text view shows the column's text from its first map on; a scroll
 * asked for before is made then. */
static void
attach_buffer (PxSourceView *self)
{
  if (shows_text (self))
    return;
  gtk_text_view_set_buffer (self->text_view, self->buffer);
  if (self->pending_segment >= 0 && self->pending_scroll == 0)
    {
      self->pending_tries = 3;
      self->pending_scroll = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, pending_scroll_cb, self, NULL);
    }
}

/* Mapped columns waiting to show their text, one at a time. A text view
 * lays its lines out in idles of its own, every view of the window in the
 * same iteration: a column that shows its text only once nothing of a
 * higher priority is ready (the other views' layout included) keeps an
 * iteration to one view's share. The window shows the columns in its view
 * at once (px_source_view_show_text ()). */
static GQueue   text_queue = G_QUEUE_INIT;
static guint    text_source;
static gboolean text_waits_frame;

static void
unqueue_text (PxSourceView *self)
{
  if (!self->waiting_text)
    return;
  self->waiting_text = FALSE;
  g_queue_remove (&text_queue, self);
  if (g_queue_is_empty (&text_queue))
    g_clear_handle_id (&text_source, g_source_remove);
}

static gboolean show_next_text_cb (gpointer user_data);

static void
arm_text_source (void)
{
  if (text_source == 0 && !text_waits_frame && !g_queue_is_empty (&text_queue))
    text_source = g_idle_add_full (G_PRIORITY_LOW, show_next_text_cb, NULL, NULL);
}

/* The view lays out its lines from its first allocation on: the next
 * column waits until the frame that allocates it has passed (its first
 * tick opens that frame, the second follows it), or until it is gone. */
static guint text_ticks;

static gboolean
text_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  return ++text_ticks < 2 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
text_ticks_done (gpointer user_data)
{
  text_waits_frame = FALSE;
  arm_text_source ();
}

static gboolean
show_next_text_cb (gpointer user_data)
{
  PxSourceView *self = g_queue_pop_head (&text_queue);

  text_source = 0;
  if (self == NULL)
    return G_SOURCE_REMOVE;
  self->waiting_text = FALSE;
  /* scrolled away before its turn: it queues again at its next map */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      arm_text_source ();
      return G_SOURCE_REMOVE;
    }
  attach_buffer (self);
  if (!g_queue_is_empty (&text_queue) && gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      text_waits_frame = TRUE;
      text_ticks = 0;
      gtk_widget_add_tick_callback (GTK_WIDGET (self), text_tick_cb, NULL, text_ticks_done);
    }
  else
    arm_text_source ();
  return G_SOURCE_REMOVE;
}

static void
queue_text (PxSourceView *self)
{
  if (shows_text (self) || self->waiting_text)
    return;
  self->waiting_text = TRUE;
  g_queue_push_tail (&text_queue, self);
  arm_text_source ();
}

/* A column scrolled back into view redraws the strip it skipped. Its
 * title and outlet show from its first map on: GTK measures the labels
 * of every column, mapped or not, and those of twenty wrapped and
 * ellipsized titles made a third of the first frame's layout. */
static void
map_cb (PxSourceView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), TRUE);
  queue_text (self);
  if (self->overview_dirty)
    {
      self->overview_dirty = FALSE;
      queue_overview (self);
    }
}

static void
upper_changed_cb (GtkAdjustment *adjustment,
                  GParamSpec    *pspec,
                  PxSourceView  *self)
{
  queue_overview (self);
}

/* The margin */

static void
snapshot_margin (PxSourceView *self,
                 GtkSnapshot  *snapshot)
{
  GdkRectangle visible;
  guint first, last;
  GdkRGBA accent;
  static const char *light[] = { "#26a269", "#1c71d8", "#c64600", "#77767b" };
  static const char *dark[] = { "#8ff0a4", "#99c1f1", "#ffa348", "#9a9996" };

  if (!px_source_view_get_visible_segments (self, &first, &last))
    return;

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gdk_rgba_parse (&accent, self->dark ? "#78aeed" : "#1c71d8");

  for (guint s = first; s <= last && s < self->n_segments; s++)
    {
      int y, height;
      gboolean lit = (int)s == self->selected || px_source_view_segment_is_lit (self, s);

      if (self->segment_status[s] == 0 && !lit)
        continue;

      segment_buffer_yrange (self, s, &y, &height);

      if (lit)
        gtk_snapshot_append_color (snapshot, &accent,
                                   &GRAPHENE_RECT_INIT (visible.x + 1, y, 3, height));

      if (self->segment_status[s] != 0 && !(self->hidden & (1 << (self->segment_status[s] - 1))))
        {
          guint status = self->segment_status[s] - 1;
          GdkRGBA color;

          if (self->markers[status] == NULL)
            {
              self->markers[status] = gtk_widget_create_pango_layout (GTK_WIDGET (self->text_view),
                                                                      status_markers[status]);
            }
          gdk_rgba_parse (&color, self->dark ? dark[status] : light[status]);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (visible.x + 7, y));
          gtk_snapshot_append_layout (snapshot, self->markers[status], &color);
          gtk_snapshot_restore (snapshot);
        }
    }
}

/* Callbacks */

static void
cursor_position_cb (GtkTextBuffer *buffer,
                    GParamSpec    *pspec,
                    PxSourceView  *self)
{
  GtkTextIter iter;
  int segment;

  if (self->moving_cursor || gtk_text_buffer_get_has_selection (buffer))
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  segment = segment_at_char (self, gtk_text_iter_get_offset (&iter));
  if (segment >= 0 && segment != self->selected)
    g_signal_emit (self, signals[SEGMENT_ACTIVATED], 0, segment);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           PxSourceView             *self)
{
  GtkTextIter iter;
  int bx, by;
  int segment = -1;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    segment = segment_at_char (self, gtk_text_iter_get_offset (&iter));
  if (segment != self->hovered)
    {
      self->hovered = segment;
      g_signal_emit (self, signals[SEGMENT_HOVERED], 0, segment);
    }
}

static void
leave_cb (GtkEventControllerMotion *controller,
          PxSourceView             *self)
{
  if (self->hovered != -1)
    {
      self->hovered = -1;
      g_signal_emit (self, signals[SEGMENT_HOVERED], 0, -1);
    }
}

/* A sentence's status in words: the same as its colour and marker. */
static gboolean
query_tooltip_cb (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  PxSourceView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const PxClaim *claim;
  GtkTextIter iter;
  int bx, by, segment, claim_index;

  if (self->comparison == NULL || keyboard)
    return FALSE;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return FALSE;
  segment = segment_at_char (self, gtk_text_iter_get_offset (&iter));
  if (segment < 0)
    return FALSE;
  claim_index = px_comparison_get_claim_for_segment (self->comparison, self->index, segment);
  if (claim_index < 0)
    return FALSE;
  claim = g_ptr_array_index (px_comparison_get_claims (self->comparison), claim_index);

  switch (claim->status)
    {
    case PX_CLAIM_SHARED:
      g_string_append (text, _("● Stated by every source"));
      break;
    case PX_CLAIM_PARTIAL:
      g_string_append_printf (text, ngettext ("◐ Stated by %u of %u source", "◐ Stated by %u of %u sources",
                                              px_comparison_get_n_documents (self->comparison)),
                              claim->n_sources, px_comparison_get_n_documents (self->comparison));
      break;
    case PX_CLAIM_DIFFERS:
      g_string_append_printf (text, ngettext ("≠ Stated by %u source, with a differing detail",
                                              "≠ Stated by %u sources, with a differing detail", claim->n_sources),
                              claim->n_sources);
      break;
    case PX_CLAIM_UNIQUE:
    default:
      g_string_append (text, _("○ Only this source states this"));
      break;
    }
  if (claim->n_sources > 1)
    {
      guint last = G_MAXUINT;

      /* Translators: followed by the column numbers, "1, 3, 4" */
      g_string_append_printf (text, "\n%s", _("In columns"));
      for (guint i = 0; i < claim->segments->len; i++)
        {
          const PxSegmentRef *ref = &g_array_index (claim->segments, PxSegmentRef, i);

          if (ref->doc != last)
            g_string_append_printf (text, "%s %u", last == G_MAXUINT ? "" : ",", ref->doc + 1);
          last = ref->doc;
        }
    }
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}


/* Vfuncs */

static void
px_source_view_dispose (GObject *object)
{
  PxSourceView *self = (PxSourceView *)object;
  GtkWidget *child;

  stop_tagging (self);
  unqueue_overview (self);
  g_clear_handle_id (&self->pending_scroll, g_source_remove);
  unqueue_text (self);
  if (self->text_view != NULL)
    PX_SOURCE_TEXT (self->text_view)->column = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (self->markers); i++)
    g_clear_object (&self->markers[i]);
  g_clear_object (&self->comparison);
  g_clear_object (&self->document);
  g_clear_object (&self->buffer);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_SOURCE_VIEW);
  /* Template children that are not bound are ours to unparent too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (px_source_view_parent_class)->dispose (object);
}

static void
px_source_view_finalize (GObject *object)
{
  PxSourceView *self = (PxSourceView *)object;

  g_clear_pointer (&self->checkpoints, g_array_unref);
  g_clear_pointer (&self->ops, g_array_unref);
  g_clear_pointer (&self->lit, g_array_unref);
  g_clear_pointer (&self->hover, g_array_unref);
  g_free (self->segment_chars);
  g_free (self->segment_status);

  G_OBJECT_CLASS (px_source_view_parent_class)->finalize (object);
}

static void
px_source_view_class_init (PxSourceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_source_view_dispose;
  object_class->finalize = px_source_view_finalize;

  /* A sentence was clicked or reached with the cursor. */
  signals[SEGMENT_ACTIVATED] = g_signal_new ("segment-activated",
                                             G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_INT);
  /* The pointer moved onto another sentence, or off every one (-1). */
  signals[SEGMENT_HOVERED] = g_signal_new ("segment-hovered",
                                           G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT);

  g_type_ensure (PX_TYPE_SOURCE_TEXT);
  g_type_ensure (PX_TYPE_OVERVIEW_STRIP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax_reader/Parallax/px-source-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PxSourceView, header);
  gtk_widget_class_bind_template_child (widget_class, PxSourceView, number_label);
  gtk_widget_class_bind_template_child (widget_class, PxSourceView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PxSourceView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PxSourceView, match_label);
  gtk_widget_class_bind_template_child (widget_class, PxSourceView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PxSourceView, close_button);
  gtk_widget_class_bind_template_child (widget_class, PxSourceView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PxSourceView, text_view);
  gtk_widget_class_bind_template_child (widget_class, PxSourceView, overview);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pxsourceview");
}

static void
px_source_view_init (PxSourceView *self)
{
  GtkEventController *motion;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  PX_SOURCE_TEXT (self->text_view)->column = self;
  self->ops = g_array_new (FALSE, FALSE, sizeof (TagOp));
  self->lit = g_array_new (FALSE, FALSE, sizeof (guint));
  self->hover = g_array_new (FALSE, FALSE, sizeof (guint));
  self->selected = -1;
  self->hovered = -1;
  self->pending_segment = -1;

  gtk_text_view_set_left_margin (self->text_view, GUTTER_WIDTH + 6);
  px_overview_strip_set_adjustment (self->overview, px_source_view_get_vadjustment (self));
  g_signal_connect (px_source_view_get_vadjustment (self), "notify::upper",
                    G_CALLBACK (upper_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  self->buffer = g_object_ref (gtk_text_view_get_buffer (self->text_view));
  {
    /* (not NULL: GTK 4.8's view keeps idles that need a buffer) */
    g_autoptr(GtkTextBuffer) empty = gtk_text_buffer_new (NULL);

    gtk_text_view_set_buffer (self->text_view, empty);
  }
  create_tags (self);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->text_view), TRUE);
  g_signal_connect (self->text_view, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  px_tooltip_set_text (GTK_WIDGET (self->menu_button), _("Source Menu"));
  px_tooltip_set_text (GTK_WIDGET (self->close_button), _("Remove Source"));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), motion);
}

/* Public API */

/* Outlet, date and length first: a file name is the last resort, and is
 * left out when it is already the column's title. */
static char *
describe_document (PxDocument *document,
                   gboolean    title_is_file_name)
{
  const char *site = px_document_get_site (document);
  const char *origin = px_document_get_origin (document);
  const char *iso_date = px_document_get_date (document);
  /* the engine's ISO date, as the reader's locale writes dates */
  g_autofree char *local_date = px_format_date (iso_date);
  const char *date = local_date != NULL ? local_date : iso_date;
  g_autofree char *words = NULL;
  GString *out = g_string_new (NULL);

  const char *dateline = px_document_get_dateline (document);

  if (site != NULL && *site != '\0')
    g_string_append (out, site);
  if (date != NULL && *date != '\0')
    g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", date);
  /* where the story was filed, from its dateline */
  if (dateline != NULL && *dateline != '\0')
    g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", dateline);
  /* with the locale's digit grouping: "1,869,530 words" */
  words = g_strdup_printf (ngettext ("%'u word", "%'u words", px_document_get_n_words (document)),
                           px_document_get_n_words (document));
  g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", words);
  if ((site == NULL || *site == '\0') && !title_is_file_name && origin != NULL)
    {
      g_autofree char *name = g_path_get_basename (origin);

      g_string_append_printf (out, " · %s", name);
    }
  return g_string_free (out, FALSE);
}

/* A dateline ("MARLOW, March 13 (Wire) -") or a date line opens a
 * paragraph outside its first sentence: the column's header says where
 * and when, so the text reads as clutter. */
static void
dim_datelines (PxSourceView *self)
{
  GtkTextBuffer *buffer = self->buffer;
  const char *text = px_document_get_text (self->document, NULL);

  for (guint p = 0; p < px_document_get_n_paragraphs (self->document); p++)
    {
      const PxParagraph *para = px_document_get_paragraph (self->document, p);
      guint end, last;
      GtkTextIter a, b;

      if (para->n_segments == 0)
        continue;
      end = px_document_get_segment (self->document, para->first_segment)->start;
      last = end;
      while (last > para->start && g_ascii_isspace (text[last - 1]))
        last--;
      if (last <= para->start)
        continue;
      iter_at_byte (self, &a, para->start);
      iter_at_byte (self, &b, last);
      gtk_text_buffer_apply_tag (buffer, self->tags[TAG_DATELINE], &a, &b);
    }
}

/* The column's menu is made when it first opens: a popover menu for
 * each of twenty columns at once was a tenth of building them. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  PxSourceView *self = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) removal = g_menu_new ();
  g_autoptr(GMenuItem) left = g_menu_item_new (_("Move _Left"), NULL);
  g_autoptr(GMenuItem) right = g_menu_item_new (_("Move _Right"), NULL);
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Remove Source"), NULL);

  /* (GTK calls it before each popup) */
  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  g_menu_item_set_action_and_target (left, "win.move-source-left", "u", self->index);
  g_menu_item_set_action_and_target (right, "win.move-source-right", "u", self->index);
  g_menu_append_item (menu, left);
  g_menu_append_item (menu, right);
  g_menu_item_set_action_and_target (remove, "win.remove-source", "u", self->index);
  g_menu_append_item (removal, remove);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (removal));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
  px_menu_button_hide_tooltip_when_open (button);
}

PxSourceView *
px_source_view_new (PxDocument *document,
                    guint       index)
{
  PxSourceView *self;
  GtkTextBuffer *buffer;
  const char *title;
  const char *origin;
  g_autofree char *fallback = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *number = NULL;
  gsize length;
  const char *text;

  g_return_val_if_fail (PX_IS_DOCUMENT (document), NULL);

  self = g_object_new (PX_TYPE_SOURCE_VIEW, NULL);
  self->document = g_object_ref (document);
  self->index = index;
  build_offset_tables (self);

  text = px_document_get_text (document, &length);
  buffer = self->buffer;
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_set_text (buffer, text, length);
  for (guint s = 0; s < self->n_segments; s++)
    {
      const PxSegment *seg = px_document_get_segment (document, s);

      self->segment_chars[2 * s] = byte_to_char (self, seg->start);
      self->segment_chars[2 * s + 1] = byte_to_char (self, seg->end);
      if (seg->kind == PX_SEGMENT_BOILERPLATE)
        {
          GtkTextIter start, end;

          segment_iters (self, s, &start, &end);
          /* Clutter on lines of its own takes its line breaks with it when
           * hidden: no blank bands where it was. */
          if (gtk_text_iter_starts_line (&start) && gtk_text_iter_ends_line (&end))
            while (gtk_text_iter_get_char (&end) == '\n')
              gtk_text_iter_forward_char (&end);
          gtk_text_buffer_apply_tag (buffer, self->tags[TAG_BOILERPLATE], &start, &end);
        }
      else if (seg->kind == PX_SEGMENT_HEADING)
        {
          GtkTextIter start, end;

          segment_iters (self, s, &start, &end);
          gtk_text_buffer_apply_tag_by_name (buffer, "heading", &start, &end);
        }
    }
  dim_datelines (self);
  g_signal_connect (buffer, "notify::cursor-position", G_CALLBACK (cursor_position_cb), self);

  title = px_document_get_title (document);
  origin = px_document_get_origin (document);
  if (title == NULL || *title == '\0')
    title = fallback = origin != NULL ? g_path_get_basename (origin) : g_strdup (_("Untitled"));
  subtitle = describe_document (document, fallback != NULL);
  number = g_strdup_printf ("%u", index + 1);
  gtk_label_set_text (self->number_label, number);
  gtk_label_set_text (self->title_label, title);
  px_tooltip_set_text (GTK_WIDGET (self->title_label), title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  /* until the first map (map_cb) */
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
  {
    /* the whole line, however narrow the column */
    const char *encoding = px_document_get_encoding (document);
    const char * const *warnings = px_document_get_warnings (document);
    GString *tip = g_string_new (subtitle);

    if (origin != NULL)
      g_string_append_printf (tip, "\n%s", origin);
    if (encoding != NULL && *encoding != '\0')
      /* Translators: how the file's bytes were read: "Encoding: windows-1251" */
      g_string_append_printf (tip, "\n%s %s", _("Encoding:"), encoding);
    /* what the import had to change ("2 bytes … replaced by U+FFFD") */
    for (guint k = 0; warnings != NULL && warnings[k] != NULL; k++)
      g_string_append_printf (tip, "\n⚠ %s", warnings[k]);

    px_tooltip_set_text (GTK_WIDGET (self->subtitle_label), tip->str);
    g_string_free (tip, TRUE);
  }

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->close_button), "u", index);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->close_button), "win.remove-source");
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  return self;
}

PxDocument *
px_source_view_get_document (PxSourceView *self)
{
  g_return_val_if_fail (PX_IS_SOURCE_VIEW (self), NULL);
  return self->document;
}

guint
px_source_view_get_index (PxSourceView *self)
{
  g_return_val_if_fail (PX_IS_SOURCE_VIEW (self), 0);
  return self->index;
}

GtkTextBuffer *
px_source_view_get_buffer (PxSourceView *self)
{
  g_return_val_if_fail (PX_IS_SOURCE_VIEW (self), NULL);

  return self->buffer;
}

GtkTextView *
px_source_view_get_text_view (PxSourceView *self)
{
  g_return_val_if_fail (PX_IS_SOURCE_VIEW (self), NULL);
  return self->text_view;
}

GtkAdjustment *
px_source_view_get_vadjustment (PxSourceView *self)
{
  g_return_val_if_fail (PX_IS_SOURCE_VIEW (self), NULL);
  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

void
px_source_view_set_comparison (PxSourceView *self,
                               PxComparison *comparison)
{
  g_return_if_fail (PX_IS_SOURCE_VIEW (self));
  g_return_if_fail (comparison == NULL || PX_IS_COMPARISON (comparison));

  remove_highlights (self);
  g_set_object (&self->comparison, comparison);
  if (comparison != NULL && self->index < px_comparison_get_n_documents (comparison) &&
      px_comparison_get_document (comparison, self->index) == self->document)
    queue_highlights (self);
}

gboolean
px_source_view_get_highlights_pending (PxSourceView *self)
{
  g_return_val_if_fail (PX_IS_SOURCE_VIEW (self), FALSE);
  return self->tagging;
}

void
px_source_view_show_text (PxSourceView *self)
{
  g_return_if_fail (PX_IS_SOURCE_VIEW (self));

  unqueue_text (self);
  attach_buffer (self);
}

gboolean
px_source_view_get_shows_text (PxSourceView *self)
{
  g_return_val_if_fail (PX_IS_SOURCE_VIEW (self), FALSE);
  return shows_text (self);
}

void
px_source_view_set_show_boilerplate (PxSourceView *self,
                                     gboolean      show)
{
  g_return_if_fail (PX_IS_SOURCE_VIEW (self));
  self->boilerplate_hidden = !show;
  g_object_set (self->tags[TAG_BOILERPLATE], "invisible", !show, NULL);
}

void
px_source_view_set_dark (PxSourceView *self,
                         gboolean      dark)
{
  g_return_if_fail (PX_IS_SOURCE_VIEW (self));
  self->dark = !!dark;
  update_tag_colors (self);
  px_overview_strip_set_dark (self->overview, dark);
}

static void
tag_segments (PxSourceView *self,
              TagId         tag,
              GArray       *segments)
{
  GtkTextBuffer *buffer = self->buffer;

  for (guint i = 0; i < segments->len; i++)
    {
      guint s = g_array_index (segments, guint, i);
      GtkTextIter start, end;

      if (s >= self->n_segments)
        continue;
      segment_iters (self, s, &start, &end);
      gtk_text_buffer_apply_tag (buffer, self->tags[tag], &start, &end);
    }
}

static void
untag_all (PxSourceView *self,
           TagId         tag)
{
  GtkTextBuffer *buffer = self->buffer;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->tags[tag], &start, &end);
}

void
px_source_view_set_selected_segment (PxSourceView *self,
                                     int           segment)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (PX_IS_SOURCE_VIEW (self));

  if (segment >= (int)self->n_segments)
    segment = -1;
  if (segment == self->selected)
    return;

  buffer = self->buffer;
  untag_all (self, TAG_SELECTED);
  self->selected = segment;
  if (segment >= 0)
    {
      segment_iters (self, segment, &start, &end);
      gtk_text_buffer_apply_tag (buffer, self->tags[TAG_SELECTED], &start, &end);
      self->moving_cursor = TRUE;
      if (!gtk_text_buffer_get_has_selection (buffer))
        gtk_text_buffer_place_cursor (buffer, &start);
      self->moving_cursor = FALSE;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
}

int
px_source_view_get_selected_segment (PxSourceView *self)
{
  g_return_val_if_fail (PX_IS_SOURCE_VIEW (self), -1);
  return self->selected;
}

void
px_source_view_set_lit_segments (PxSourceView *self,
                                 const guint  *segments,
                                 guint         n_segments)
{
  g_return_if_fail (PX_IS_SOURCE_VIEW (self));

  untag_all (self, TAG_LIT);
  g_array_set_size (self->lit, 0);
  if (n_segments > 0)
    g_array_append_vals (self->lit, segments, n_segments);
  tag_segments (self, TAG_LIT, self->lit);
  gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
}

gboolean
px_source_view_segment_is_lit (PxSourceView *self,
                               guint         segment)
{
  g_return_val_if_fail (PX_IS_SOURCE_VIEW (self), FALSE);

  for (guint i = 0; i < self->lit->len; i++)
    if (g_array_index (self->lit, guint, i) == segment)
      return TRUE;
  return FALSE;
}

void
px_source_view_set_hover_segments (PxSourceView *self,
                                   const guint  *segments,
                                   guint         n_segments)
{
  g_return_if_fail (PX_IS_SOURCE_VIEW (self));

  if (self->hover->len == 0 && n_segments == 0)
    return;
  untag_all (self, TAG_HOVER);
  g_array_set_size (self->hover, 0);
  if (n_segments > 0)
    g_array_append_vals (self->hover, segments, n_segments);
  tag_segments (self, TAG_HOVER, self->hover);
}

/* The lines of bytes [@start, @end) of @segment (the whole segment when
 * @start == @end); @rough: the lines the segment spans, from the view's
 * cache of line heights (estimates for lines not laid out yet), without
 * laying any out. */
static gboolean
part_area (PxSourceView *self,
           guint         segment,
           guint         start,
           guint         end,
           gboolean      rough,
           GtkWidget    *relative_to,
           double       *y,
           double       *height)
{
  const PxSegment *seg;
  int by, bh;
  double origin;

  if (segment >= self->n_segments || !shows_text (self))
    return FALSE;
  seg = px_document_get_segment (self->document, segment);
  /* hidden clutter has no place to point at, even where it repeats a
   * headline that links */
  if (self->boilerplate_hidden && seg->kind == PX_SEGMENT_BOILERPLATE)
    return FALSE;
  if (rough)
    {
      GtkTextIter first, last;
      int ly, lh;

      segment_iters (self, segment, &first, &last);
      gtk_text_view_get_line_yrange (self->text_view, &first, &by, &bh);
      gtk_text_view_get_line_yrange (self->text_view, &last, &ly, &lh);
      bh = MAX (ly + lh - by, bh);
    }
  else if (start < end && seg->start <= start && end <= seg->end && (start > seg->start || end < seg->end))
    {
      GtkTextIter first, last;
      GdkRectangle a, b;

      iter_at_byte (self, &first, start);
      iter_at_byte (self, &last, end);
      gtk_text_view_get_iter_location (self->text_view, &first, &a);
      gtk_text_view_get_iter_location (self->text_view, &last, &b);
      by = a.y;
      bh = MAX (b.y + b.height - a.y, a.height);
    }
  else
    segment_buffer_yrange (self, segment, &by, &bh);
  if (!px_source_view_get_text_origin (self, relative_to, &origin))
    return FALSE;
  *y = origin + by;
  *height = bh;
  return TRUE;
}

gboolean
px_source_view_get_segment_area (PxSourceView *self,
                                 guint         segment,
                                 GtkWidget    *relative_to,
                                 double       *y,
                                 double       *height)
{
  return px_source_view_get_part_area (self, segment, 0, 0, relative_to, y, height);
}

gboolean
px_source_view_get_part_area (PxSourceView *self,
                              guint         segment,
                              guint         start,
                              guint         end,
                              GtkWidget    *relative_to,
                              double       *y,
                              double       *height)
{
  g_return_val_if_fail (PX_IS_SOURCE_VIEW (self), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (relative_to), FALSE);

  return part_area (self, segment, start, end, FALSE, relative_to, y, height);
}

gboolean
px_source_view_get_text_origin (PxSourceView *self,
                                GtkWidget    *relative_to,
                                double       *y)
{
  int wx, wy;
  double rx;

  g_return_val_if_fail (PX_IS_SOURCE_VIEW (self), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (relative_to), FALSE);

  if (!shows_text (self))
    return FALSE;
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, 0, 0, &wx, &wy);
  return gtk_widget_translate_coordinates (GTK_WIDGET (self->text_view), relative_to, wx, wy, &rx, y);
}

gboolean
px_source_view_get_rough_segment_area (PxSourceView *self,
                                       guint         segment,
                                       GtkWidget    *relative_to,
                                       double       *y,
                                       double       *height)
{
  g_return_val_if_fail (PX_IS_SOURCE_VIEW (self), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (relative_to), FALSE);

  return part_area (self, segment, 0, 0, TRUE, relative_to, y, height);
}

gboolean
px_source_view_get_visible_segments (PxSourceView *self,
                                     guint        *first,
                                     guint        *last)
{
  GdkRectangle visible;
  GtkTextIter top, bottom;

  g_return_val_if_fail (PX_IS_SOURCE_VIEW (self), FALSE);

  if (self->n_segments == 0 || !shows_text (self))
    return FALSE;
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_line_at_y (self->text_view, &top, visible.y, NULL);
  gtk_text_view_get_line_at_y (self->text_view, &bottom, visible.y + visible.height, NULL);
  gtk_text_iter_forward_to_line_end (&bottom);
  *first = segment_lower_bound (self, gtk_text_iter_get_offset (&top));
  *last = segment_lower_bound (self, gtk_text_iter_get_offset (&bottom));
  if (*last >= self->n_segments)
    *last = self->n_segments - 1;
  return *first < self->n_segments;
}

int
px_source_view_get_segment_at_y (PxSourceView *self,
                                 GtkWidget    *relative_to,
                                 double        y)
{
  double wx, wy;
  int bx, by;
  GtkTextIter iter;

  g_return_val_if_fail (PX_IS_SOURCE_VIEW (self), -1);

  if (!shows_text (self) ||
      !gtk_widget_translate_coordinates (relative_to, GTK_WIDGET (self->text_view), 0, y, &wx, &wy))
    return -1;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, 0, wy, &bx, &by);
  /* The character at the start of that display line: a paragraph holds
   * several sentences. */
  gtk_text_view_get_iter_at_location (self->text_view, &iter,
                                      gtk_text_view_get_left_margin (self->text_view), by);
  return segment_at_char (self, gtk_text_iter_get_offset (&iter));
}

/* Lines below the laid-out part have estimated heights: a scroll made
 * with them is corrected once the view has laid out its new lines. */
static gboolean
scroll_now (PxSourceView *self,
            guint         segment,
            double        y)
{
  GtkAdjustment *adjustment = px_source_view_get_vadjustment (self);
  GdkRectangle visible;
  int sy, sh;
  double delta;

  if (!shows_text (self))
    return FALSE;
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  segment_buffer_yrange (self, segment, &sy, &sh);
  if (y < 0)
    {
      if (sy >= visible.y && sy + sh <= visible.y + visible.height)
        return FALSE;
      y = MAX (0, (visible.height - sh) / 3);
    }
  delta = (sy - visible.y) - y;
  if (ABS (delta) < 1)
    return FALSE;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + delta);
  return TRUE;
}

static gboolean
pending_scroll_cb (gpointer user_data)
{
  PxSourceView *self = user_data;

  /* kept for the first map (attach_buffer) */
  if (!shows_text (self))
    {
      self->pending_scroll = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->pending_segment >= 0 && self->pending_tries-- > 0 &&
      scroll_now (self, self->pending_segment, self->pending_y))
    return G_SOURCE_CONTINUE;

  self->pending_segment = -1;
  self->pending_scroll = 0;
  return G_SOURCE_REMOVE;
}

void
px_source_view_scroll_to_segment (PxSourceView *self,
                                  guint         segment,
                                  double        y)
{
  g_return_if_fail (PX_IS_SOURCE_VIEW (self));

  if (segment >= self->n_segments)
    return;

  scroll_now (self, segment, y);
  self->pending_segment = segment;
  self->pending_y = y;
  self->pending_tries = 3;
  /* After the view's own re-layout (GTK_TEXT_VIEW_PRIORITY_VALIDATE). */
  if (self->pending_scroll == 0)
    self->pending_scroll = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, pending_scroll_cb, self, NULL);
}

gboolean
px_source_view_get_segment_top (PxSourceView *self,
                                guint         segment,
                                double       *y)
{
  int sy, sh;

  g_return_val_if_fail (PX_IS_SOURCE_VIEW (self), FALSE);

  if (segment >= self->n_segments || !shows_text (self))
    return FALSE;
  segment_buffer_yrange (self, segment, &sy, &sh);
  *y = sy;
  return TRUE;
}

double
px_source_view_get_visible_top (PxSourceView *self)
{
  GdkRectangle visible;

  g_return_val_if_fail (PX_IS_SOURCE_VIEW (self), 0);

  if (!shows_text (self))
    return 0;
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  return visible.y;
}

void
px_source_view_set_visible_top (PxSourceView *self,
                                double        y)
{
  GtkAdjustment *adjustment;
  double delta;

  g_return_if_fail (PX_IS_SOURCE_VIEW (self));

  /* not shown yet: what it shows is set when it is (a scroll to a
   * sentence asked for meanwhile stands) */
  if (!shows_text (self))
    return;
  /* an older scroll to a sentence would pull the view back */
  self->pending_segment = -1;
  adjustment = px_source_view_get_vadjustment (self);
  delta = y - px_source_view_get_visible_top (self);
  if (ABS (delta) >= 1)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + delta);
}

void
px_source_view_scroll_to_range (PxSourceView *self,
                                guint         start,
                                guint         end)
{
  int segment;

  g_return_if_fail (PX_IS_SOURCE_VIEW (self));

  if (self->n_segments == 0)
    return;
  segment = segment_at_char (self, byte_to_char (self, start));
  if (segment < 0)
    segment = MIN (segment_lower_bound (self, byte_to_char (self, start)), self->n_segments - 1);
  if (segment >= 0)
    px_source_view_scroll_to_segment (self, segment, -1);
}

void
px_source_view_flash_range (PxSourceView *self,
                            guint         start,
                            guint         end)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;

  g_return_if_fail (PX_IS_SOURCE_VIEW (self));

  buffer = self->buffer;
  iter_at_byte (self, &a, start);
  iter_at_byte (self, &b, end);
  gtk_text_buffer_apply_tag (buffer, self->tags[TAG_FLASH], &a, &b);
}

void
px_source_view_clear_flash (PxSourceView *self)
{
  g_return_if_fail (PX_IS_SOURCE_VIEW (self));

  untag_all (self, TAG_FLASH);
}

void
px_source_view_set_matches (PxSourceView *self,
                            GArray       *matches,
                            int           current)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (PX_IS_SOURCE_VIEW (self));

  buffer = self->buffer;
  untag_all (self, TAG_MATCH);
  untag_all (self, TAG_CURRENT_MATCH);

  gtk_widget_set_visible (GTK_WIDGET (self->match_label), matches != NULL);
  if (matches != NULL)
    {
      g_autofree char *count = NULL;
      g_autofree char *number = g_strdup_printf ("%u", matches->len);

      if (matches->len == 0)
        count = g_strdup (_("No matches"));
      else
        count = g_strdup_printf (ngettext ("%u match", "%u matches", matches->len), matches->len);
      /* the number alone: a narrow column has room for little more */
      gtk_label_set_text (self->match_label, number);
      px_tooltip_set_text (GTK_WIDGET (self->match_label), count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->match_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, count, -1);
      if (matches->len == 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->match_label), "none");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->match_label), "none");
    }

  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      const PxTextRange *range = &g_array_index (matches, PxTextRange, i);
      GtkTextIter start, end;

      iter_at_byte (self, &start, range->start);
      iter_at_byte (self, &end, range->end);
      gtk_text_buffer_apply_tag (buffer, self->tags[(int)i == current ? TAG_CURRENT_MATCH : TAG_MATCH],
                                 &start, &end);
    }
}

static void
tag_ranges (PxSourceView *self,
            guint         tag,
            GArray       *ranges)
{
  GtkTextBuffer *buffer = self->buffer;

  untag_all (self, tag);
  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      const PxTextRange *range = &g_array_index (ranges, PxTextRange, i);
      GtkTextIter start, end;

      iter_at_byte (self, &start, range->start);
      iter_at_byte (self, &end, range->end);
      gtk_text_buffer_apply_tag (buffer, self->tags[tag], &start, &end);
    }
}

void
px_source_view_set_pair_diffs (PxSourceView *self,
                               GArray       *ranges,
                               GArray       *equivalent,
                               GArray       *parts)
{
  g_return_if_fail (PX_IS_SOURCE_VIEW (self));

  tag_ranges (self, TAG_PAIR_DIFF, ranges);
  tag_ranges (self, TAG_PAIR_EQUIVALENT, equivalent);
  tag_ranges (self, TAG_PART, parts);
}

static void
popover_visible_cb (GtkWidget     *popover,
                    GParamSpec    *pspec,
                    GtkMenuButton *button)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (button), !gtk_widget_get_visible (popover));
}

void
px_menu_button_hide_tooltip_when_open (GtkMenuButton *button)
{
  GtkPopover *popover;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  popover = gtk_menu_button_get_popover (button);
  if (popover != NULL)
    g_signal_connect_object (popover, "notify::visible", G_CALLBACK (popover_visible_cb), button, 0);
}

const char * const *
px_source_view_get_highlight_names (void)
{
  return highlight_names;
}

void
px_source_view_set_highlight_kinds (PxSourceView       *self,
                                    const char * const *kinds)
{
  guint hidden = (1 << N_HIGHLIGHTS) - 1;

  g_return_if_fail (PX_IS_SOURCE_VIEW (self));

  for (guint k = 0; k < N_HIGHLIGHTS; k++)
    if (kinds != NULL && g_strv_contains (kinds, highlight_names[k]))
      hidden &= ~(1 << k);
  if (hidden == self->hidden)
    return;
  self->hidden = hidden;
  update_tag_colors (self);
}
