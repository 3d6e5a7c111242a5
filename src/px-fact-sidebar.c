/* px-fact-sidebar.c: the facts of every source, grouped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per PxFactGroup: a kind icon, the normalized value, an agree /
 * differs / single badge (a word, not only a colour) and each source's
 * wording. Activating a row asks the window to show the facts.
 */
#define G_LOG_DOMAIN "px-fact-sidebar"

#include "config.h"

#include <time.h>

#include <glib/gi18n.h>

#include "px-fact-sidebar.h"
#include "px-format.h"
#include "px-tooltip.h"

/* A row's item: a group's index in the comparison. */
#define PX_TYPE_FACT_ITEM (px_fact_item_get_type ())
G_DECLARE_FINAL_TYPE (PxFactItem, px_fact_item, PX, FACT_ITEM, GObject)

struct _PxFactItem
{
  GObject  parent_instance;
  guint    index;
};

G_DEFINE_FINAL_TYPE (PxFactItem, px_fact_item, G_TYPE_OBJECT)

static void
px_fact_item_class_init (PxFactItemClass *klass)
{
}

static void
px_fact_item_init (PxFactItem *self)
{
}

struct _PxFactSidebar
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkLabel           *heading_label;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *status_dropdown;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;

  /* owned */
  PxComparison       *comparison;
  GListStore         *items;      /* PxFactItem */
  GtkFilterListModel *filtered;
  GtkSliceListModel  *rows;       /* the first rows of filtered: the list grows a few a frame */
  GtkCustomFilter    *filter;
  guint               grow_tick;
  guint               grow_step;  /* rows the next frame adds */
  gint64              grow_last;  /* the main thread's CPU time when the last rows were added */
  gint64              frame_cost; /* CPU time of laying out and drawing the frame after, or -1 */
  PxFactKind          kind;       /* PX_N_FACT_KINDS: all */
  int                 status;     /* PX_FACT_FILTER_ANY_STATUS: all */
};

enum {
  GROUP_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PxFactSidebar, px_fact_sidebar, GTK_TYPE_WIDGET)

static const struct {
  const char *label;
  const char *icon_name;
} kinds[PX_N_FACT_KINDS] = {
  [PX_FACT_NUMBER] = { N_("Numbers"), "accessories-calculator-symbolic" },
  [PX_FACT_MONEY] = { N_("Money"), "accessories-calculator-symbolic" },
  [PX_FACT_PERCENT] = { N_("Percentages"), "accessories-calculator-symbolic" },
  [PX_FACT_DATE] = { N_("Dates"), "x-office-calendar-symbolic" },
  [PX_FACT_TIME] = { N_("Times"), "preferences-system-time-symbolic" },
  [PX_FACT_QUANTITY] = { N_("Quantities"), "accessories-calculator-symbolic" },
  [PX_FACT_ORDINAL] = { N_("Ordinals"), "view-list-ordered-symbolic" },
  [PX_FACT_PERSON] = { N_("People"), "avatar-default-symbolic" },
  [PX_FACT_ORGANIZATION] = { N_("Organizations"), "system-users-symbolic" },
  [PX_FACT_PLACE] = { N_("Places"), "mark-location-symbolic" },
  [PX_FACT_QUOTE] = { N_("Quotes"), "chat-message-new-symbolic" },
};

static const char *
status_label (PxFactGroupStatus status)
{
  switch (status)
    {
    case PX_FACT_GROUP_AGREE: return _("Agree");
    case PX_FACT_GROUP_DIFFERS: return _("Differ");
    case PX_FACT_GROUP_SINGLE: return _("One source");
    default: return "";
    }
}

static const char *
status_css_class (PxFactGroupStatus status)
{
  switch (status)
    {
    case PX_FACT_GROUP_AGREE: return "agree";
    case PX_FACT_GROUP_DIFFERS: return "differs";
    case PX_FACT_GROUP_SINGLE:
    default: return "single";
    }
}

static const PxFactGroup *
item_group (PxFactSidebar *self,
            PxFactItem    *item)
{
  GPtrArray *groups;

  if (self->comparison == NULL)
    return NULL;
  groups = px_comparison_get_fact_groups (self->comparison);
  return item->index < groups->len ? g_ptr_array_index (groups, item->index) : NULL;
}

static gboolean
filter_func (gpointer object,
             gpointer user_data)
{
  PxFactSidebar *self = user_data;
  const PxFactGroup *group = item_group (self, PX_FACT_ITEM (object));

  if (group == NULL)
    return FALSE;
  if (self->kind != PX_N_FACT_KINDS && group->kind != self->kind)
    return FALSE;
  if (self->status != PX_FACT_FILTER_ANY_STATUS && (int)group->status != self->status)
    return FALSE;
  return TRUE;
}

static void
update_stack (PxFactSidebar *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "list" : "empty");
  if (all > 0 && shown == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Facts"));
      adw_status_page_set_description (self->empty_page, _("No group of facts has this kind and status"));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Facts"));
      adw_status_page_set_description (self->empty_page,
                                       self->comparison == NULL
                                       ? _("Numbers, dates, names and quotes the sources state appear here")
                                       : _("The sources state no numbers, dates, names or quotes the engine recognizes"));
    }
}

/* Long quotes would fill the sidebar: their start says which they are. */
static char *
shorten_wording (const char *text)
{
  const glong max_chars = 90;
  glong n = g_utf8_strlen (text, -1);
  g_autofree char *start = NULL;

  if (n <= max_chars)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, max_chars);
  return g_strconcat (g_strchomp (start), "…", NULL);
}

/* GTK 4.8's list view makes and measures a widget for up to 200 rows at
 * once, and a row with its wordings can take a millisecond or more: the
 * list shows a screenful at once and grows after, a few rows a frame, more
 * while the frame that lays them out costs little, fewer when it costs
 * much. The main thread's CPU time from the frame's update to the end of
 * its layout measures the cost: neither other processes on the machine
 * nor the work between frames count, nor the paint, which redraws the
 * columns' text as well and costs about as much for one new row as for
 * sixty (each frame that grows the list pays it once: the fewer, the
 * better). */
#define FIRST_ROWS     8
#define ROWS_PER_FRAME 3
#define GROWN_ROWS     256
#define CHEAP_USEC     (10 * 1000)
#define DEAR_USEC      (14 * 1000)

static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
grow_rows_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  PxFactSidebar *self = PX_FACT_SIDEBAR (widget);
  guint size = gtk_slice_list_model_get_size (self->rows);

  if (size >= GROWN_ROWS || size >= g_list_model_get_n_items (G_LIST_MODEL (self->filtered)))
    {
      /* past what the list view makes widgets for: the rest at once */
      gtk_slice_list_model_set_size (self->rows, G_MAXUINT);
      self->grow_tick = 0;
      return G_SOURCE_REMOVE;
    }
  {
    /* what laying out and drawing the last rows cost */
    if (self->frame_cost >= 0 && self->frame_cost < CHEAP_USEC)
      self->grow_step = MIN (self->grow_step * 2, 64);
    else if (self->frame_cost > DEAR_USEC)
      self->grow_step = MAX (self->grow_step / 2, 1);
    self->frame_cost = -1;
    self->grow_last = thread_cpu_time ();
  }
  gtk_slice_list_model_set_size (self->rows, size + self->grow_step);
  return G_SOURCE_CONTINUE;
}

/* After GDK's own handler of the layout phase, connected before ours. */
static void
layout_cb (GdkFrameClock *clock,
           PxFactSidebar *self)
{
  if (self->grow_tick != 0 && self->grow_last > 0 && self->frame_cost < 0)
    self->frame_cost = thread_cpu_time () - self->grow_last;
}

static void
realize_cb (PxFactSidebar *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "layout",
                           G_CALLBACK (layout_cb), self, 0);
}

static void
start_growing (PxFactSidebar *self)
{
  gtk_slice_list_model_set_size (self->rows, FIRST_ROWS);
  self->grow_step = ROWS_PER_FRAME;
  self->grow_last = 0;
  self->frame_cost = -1;
  if (self->grow_tick == 0)
    self->grow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), grow_rows_cb, NULL, NULL);
}

/* Callbacks */

static void
on_filter_changed_cb (PxFactSidebar *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  /* The drop-downs report their first selection while the model is being built. */
  if (self->filter == NULL)
    return;

  /* Row 0 of both is "all". */
  self->kind = kind == 0 || kind == GTK_INVALID_LIST_POSITION ? PX_N_FACT_KINDS : (PxFactKind)(kind - 1);
  self->status = status == 0 || status == GTK_INVALID_LIST_POSITION ? PX_FACT_FILTER_ANY_STATUS : (int)status - 1;
  start_growing (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

static void
on_list_view_activate_cb (PxFactSidebar *self,
                          guint          position)
{
  px_fact_sidebar_activate (self, position);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              PxFactSidebar            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *wordings = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (value), 3);
  gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (value, TRUE);
  gtk_widget_add_css_class (value, "heading");
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_add_css_class (badge, "fact-badge");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (wordings), 0);
  gtk_label_set_wrap (GTK_LABEL (wordings), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (wordings), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (wordings, "caption");
  gtk_widget_set_margin_start (label, 24);
  gtk_widget_set_margin_start (wordings, 24);

  gtk_box_append (GTK_BOX (top), icon);
  gtk_box_append (GTK_BOX (top), value);
  gtk_box_append (GTK_BOX (top), badge);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), wordings);
  g_object_set_data (G_OBJECT (box), "icon", icon);
  g_object_set_data (G_OBJECT (box), "value", value);
  g_object_set_data (G_OBJECT (box), "badge", badge);
  g_object_set_data (G_OBJECT (box), "label", label);
  g_object_set_data (G_OBJECT (box), "wordings", wordings);
  gtk_list_item_set_child (list_item, box);
}

static void
free_line (gpointer line)
{
  g_string_free (line, TRUE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             PxFactSidebar            *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  const PxFactGroup *group = item_group (self, gtk_list_item_get_item (list_item));
  GtkWidget *badge = g_object_get_data (G_OBJECT (box), "badge");
  GPtrArray *facts;
  g_autoptr(GString) wordings = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (free_line);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_autofree char *values = NULL;
  g_autofree char *label = NULL;

  if (group == NULL)
    return;

  facts = px_comparison_get_facts (self->comparison);
  for (guint doc = 0; doc < px_comparison_get_n_documents (self->comparison); doc++)
    {
      g_autoptr(GPtrArray) seen_texts = g_ptr_array_new ();
      GString *line = g_string_new (NULL);
      guint same;

      for (guint i = 0; i < group->facts->len; i++)
        {
          guint index = g_array_index (group->facts, guint, i);
          const PxFact *fact;
          g_autofree char *escaped_text = NULL;
          g_autofree char *shown = NULL;
          gboolean seen = FALSE;

          if (index >= facts->len)
            continue;
          fact = g_ptr_array_index (facts, index);
          if (fact->doc != doc)
            continue;

          for (guint j = 0; j < seen_texts->len && !seen; j++)
            seen = g_strcmp0 (g_ptr_array_index (seen_texts, j), fact->text) == 0;
          if (seen)
            continue;
          g_ptr_array_add (seen_texts, fact->text);
          /* Article text: shortened, then escaped before it becomes markup. */
          shown = shorten_wording (fact->text != NULL ? fact->text : "");
          escaped_text = g_markup_escape_text (shown, -1);
          if (fact->kind == PX_FACT_QUOTE)
            g_string_append_printf (line, "%s%s", line->len > 0 ? ", " : "", escaped_text);
          else
            g_string_append_printf (line, "%s“%s”", line->len > 0 ? ", " : "", escaped_text);
        }

      if (line->len == 0)
        {
          g_string_free (line, TRUE);
          continue;
        }
      /* Columns that word it alike share a line: twenty sources of one
       * wording are one line, not twenty. */
      for (same = 0; same < lines->len; same++)
        if (strcmp (((GString *)g_ptr_array_index (lines, same))->str, line->str) == 0)
          break;
      if (same == lines->len)
        {
          g_ptr_array_add (lines, line);
          g_ptr_array_add (columns, g_array_new (FALSE, FALSE, sizeof (guint)));
        }
      else
        g_string_free (line, TRUE);
      g_array_append_val (g_ptr_array_index (columns, same), doc);
    }
  /* The columns' numbers, as on their headers, then their words. */
  for (guint l = 0; l < lines->len; l++)
    {
      GArray *docs = g_ptr_array_index (columns, l);

      g_string_append_printf (wordings, "%s<b>", wordings->len > 0 ? "\n" : "");
      for (guint d = 0; d < docs->len; d++)
        {
          guint first = g_array_index (docs, guint, d), last = first;

          /* runs of three or more as ranges: "1–4, 7" */
          while (d + 1 < docs->len && g_array_index (docs, guint, d + 1) == last + 1)
            last = g_array_index (docs, guint, ++d);
          if (last >= first + 2)
            g_string_append_printf (wordings, "%s%u–%u", d > 0 && first != g_array_index (docs, guint, 0) ? ", " : "",
                                    first + 1, last + 1);
          else if (last == first + 1)
            g_string_append_printf (wordings, "%s%u, %u", first != g_array_index (docs, guint, 0) ? ", " : "",
                                    first + 1, last + 1);
          else
            g_string_append_printf (wordings, "%s%u", first != g_array_index (docs, guint, 0) ? ", " : "", first + 1);
        }
      g_string_append_printf (wordings, "</b>  %s", ((GString *)g_ptr_array_index (lines, l))->str);
    }

  gtk_image_set_from_icon_name (g_object_get_data (G_OBJECT (box), "icon"),
                                px_fact_kind_get_icon_name (group->kind));
  px_tooltip_set_text (g_object_get_data (G_OBJECT (box), "icon"), px_fact_kind_get_label (group->kind));
  values = px_fact_sidebar_format_values (self->comparison, group);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "value"), values);
  label = px_format_group_label (self->comparison, group, px_fact_kind_get_label (group->kind));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "label"), label != NULL ? label : "");
  /* The label says what the value is about, unless it repeats it. */
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "label"),
                          label != NULL && *label != '\0' && g_utf8_collate (label, values) != 0);
  gtk_label_set_markup (g_object_get_data (G_OBJECT (box), "wordings"), wordings->str);

  gtk_label_set_text (GTK_LABEL (badge), status_label (group->status));
  gtk_widget_remove_css_class (badge, "agree");
  gtk_widget_remove_css_class (badge, "differs");
  gtk_widget_remove_css_class (badge, "single");
  gtk_widget_add_css_class (badge, status_css_class (group->status));
}

static void
px_fact_sidebar_dispose (GObject *object)
{
  PxFactSidebar *self = (PxFactSidebar *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_FACT_SIDEBAR);
  /* Template children that are not bound are ours to unparent too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->grow_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->grow_tick);
  self->grow_tick = 0;
  g_clear_object (&self->rows);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (px_fact_sidebar_parent_class)->dispose (object);
}

static void
px_fact_sidebar_class_init (PxFactSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_fact_sidebar_dispose;

  /* A group was activated: its index in px_comparison_get_fact_groups(). */
  signals[GROUP_ACTIVATED] = g_signal_new ("group-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax_reader/Parallax/px-fact-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, PxFactSidebar, heading_label);
  gtk_widget_class_bind_template_child (widget_class, PxFactSidebar, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PxFactSidebar, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PxFactSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, PxFactSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, PxFactSidebar, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pxfactsidebar");
}

static void
px_fact_sidebar_init (PxFactSidebar *self)
{
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) status_names = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  self->kind = PX_N_FACT_KINDS;
  self->status = PX_FACT_FILTER_ANY_STATUS;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (kind_names, _("All Kinds"));
  for (guint i = 0; i < PX_N_FACT_KINDS; i++)
    gtk_string_list_append (kind_names, px_fact_kind_get_label (i));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kind_names));
  gtk_string_list_append (status_names, _("Any Status"));
  gtk_string_list_append (status_names, _("Agree"));
  gtk_string_list_append (status_names, _("Differ"));
  gtk_string_list_append (status_names, _("One Source"));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (status_names));

  self->items = g_list_store_new (PX_TYPE_FACT_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->rows = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), 0, FIRST_ROWS);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  update_stack (self);
}

/* Public API */

PxFactSidebar *
px_fact_sidebar_new (void)
{
  return g_object_new (PX_TYPE_FACT_SIDEBAR, NULL);
}

void
px_fact_sidebar_set_comparison (PxFactSidebar *self,
                                PxComparison  *comparison)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (PX_IS_FACT_SIDEBAR (self));
  g_return_if_fail (comparison == NULL || PX_IS_COMPARISON (comparison));

  g_set_object (&self->comparison, comparison);
  if (comparison != NULL)
    {
      GPtrArray *groups = px_comparison_get_fact_groups (comparison);

      for (guint i = 0; i < groups->len; i++)
        {
          PxFactItem *item = g_object_new (PX_TYPE_FACT_ITEM, NULL);

          item->index = i;
          g_ptr_array_add (items, item);
        }
    }
  start_growing (self);
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  update_stack (self);
}

void
px_fact_sidebar_set_filter (PxFactSidebar *self,
                            PxFactKind     kind,
                            int            status)
{
  g_return_if_fail (PX_IS_FACT_SIDEBAR (self));
  g_return_if_fail (kind <= PX_N_FACT_KINDS);

  gtk_drop_down_set_selected (self->kind_dropdown, kind == PX_N_FACT_KINDS ? 0 : kind + 1);
  gtk_drop_down_set_selected (self->status_dropdown, status < 0 ? 0 : status + 1);
}

guint
px_fact_sidebar_get_n_groups (PxFactSidebar *self)
{
  g_return_val_if_fail (PX_IS_FACT_SIDEBAR (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

gboolean
px_fact_sidebar_get_rows_pending (PxFactSidebar *self)
{
  g_return_val_if_fail (PX_IS_FACT_SIDEBAR (self), FALSE);
  return self->grow_tick != 0 && gtk_widget_get_mapped (GTK_WIDGET (self));
}

guint
px_fact_sidebar_get_group_index (PxFactSidebar *self,
                                 guint          position)
{
  g_autoptr(PxFactItem) item = NULL;

  g_return_val_if_fail (PX_IS_FACT_SIDEBAR (self), 0);

  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  g_return_val_if_fail (item != NULL, 0);
  return item->index;
}

void
px_fact_sidebar_activate (PxFactSidebar *self,
                          guint          position)
{
  g_return_if_fail (PX_IS_FACT_SIDEBAR (self));

  if (position < px_fact_sidebar_get_n_groups (self))
    g_signal_emit (self, signals[GROUP_ACTIVATED], 0, px_fact_sidebar_get_group_index (self, position));
}

const char *
px_fact_kind_get_label (PxFactKind kind)
{
  g_return_val_if_fail (kind < PX_N_FACT_KINDS, NULL);
  return _(kinds[kind].label);
}

const char *
px_fact_kind_get_icon_name (PxFactKind kind)
{
  g_return_val_if_fail (kind < PX_N_FACT_KINDS, NULL);
  return kinds[kind].icon_name;
}

char *
px_fact_sidebar_format_values (PxComparison      *comparison,
                               const PxFactGroup *group)
{
  GPtrArray *facts;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), g_string_free (out, FALSE));
  g_return_val_if_fail (group != NULL, g_string_free (out, FALSE));

  facts = px_comparison_get_facts (comparison);
  /* a quote: its first wording, whole (the heading's three lines end it
   * with one ellipsis), the wordings under it give each */
  if (group->kind == PX_FACT_QUOTE && group->facts->len > 0 && g_array_index (group->facts, guint, 0) < facts->len)
    {
      const PxFact *first = g_ptr_array_index (facts, g_array_index (group->facts, guint, 0));

      g_string_free (out, TRUE);
      return g_strdup_printf ("“%s”", first->name != NULL ? first->name : first->text);
    }
  /* distinct values in the order of the members, each with its columns */
  for (guint i = 0; i < group->facts->len; i++)
    {
      guint index = g_array_index (group->facts, guint, i);
      const PxFact *fact;
      g_autofree char *value = NULL;
      guint v;
      GArray *docs;
      gboolean have = FALSE;

      if (index >= facts->len)
        continue;
      fact = g_ptr_array_index (facts, index);
      value = px_format_fact_value (fact);
      /* what explains a difference: "23.37% at 10:00", "82.45% exit poll" */
      if (group->status == PX_FACT_GROUP_DIFFERS && fact->when != NULL)
        {
          char *with_when = g_strdup_printf ("%s %s", value, fact->when);

          g_free (value);
          value = with_when;
        }
      for (v = 0; v < values->len; v++)
        if (g_strcmp0 (g_ptr_array_index (values, v), value) == 0)
          break;
      if (v == values->len)
        {
          g_ptr_array_add (values, g_steal_pointer (&value));
          g_ptr_array_add (columns, g_array_new (FALSE, FALSE, sizeof (guint)));
        }
      docs = g_ptr_array_index (columns, v);
      for (guint d = 0; d < docs->len && !have; d++)
        have = g_array_index (docs, guint, d) == fact->doc;
      if (!have)
        g_array_append_val (docs, fact->doc);
    }

  for (guint v = 0; v < values->len; v++)
    {
      GArray *docs = g_ptr_array_index (columns, v);

      if (group->status != PX_FACT_GROUP_DIFFERS)
        {
          g_string_append_printf (out, "%s%s", v > 0 ? " / " : "", (char *)g_ptr_array_index (values, v));
          continue;
        }
      /* "23.37% (1) · 69.44% (4)": the columns' numbers, as on their headers */
      g_string_append_printf (out, "%s%s (", v > 0 ? "  ·  " : "", (char *)g_ptr_array_index (values, v));
      for (guint d = 0; d < docs->len; d++)
        g_string_append_printf (out, "%s%u", d > 0 ? ", " : "", g_array_index (docs, guint, d) + 1);
      g_string_append_c (out, ')');
    }
  return g_string_free (out, FALSE);
}
