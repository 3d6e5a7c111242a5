/* px-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-window"

#include "config.h"

#include <glib/gi18n.h>

#include "px-application.h"
#include "px-window.h"

struct _PxWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkListView          *source_list;
  GtkProgressBar       *progress_bar;

  /* owned */
  GListStore           *sources;          /* PxDocument */
  PxComparison         *comparison;
  GCancellable         *import_cancellable;
  GCancellable         *compare_cancellable;
  GPtrArray            *pending;          /* PxDocument or NULL, one slot per file being imported */
  guint                 n_pending;
  guint                 generation;       /* of the import batch */
};

/* One import batch: results go to their slot so that columns keep the
 * order in which the files were given, whatever order the workers finish. */
typedef struct
{
  PxWindow *window;
  guint     slot;
  guint     generation;
} ImportJob;

G_DEFINE_FINAL_TYPE (PxWindow, px_window, ADW_TYPE_APPLICATION_WINDOW)

/* Slots of files that failed stay NULL. */
static void
pending_slot_free (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
show_toast (PxWindow   *self,
            const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_title (PxWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  g_autofree char *subtitle = NULL;

  if (n == 0)
    subtitle = g_strdup ("");
  else if (self->comparison != NULL)
    {
      GPtrArray *claims = px_comparison_get_claims (self->comparison);
      guint shared = 0;

      for (guint i = 0; i < claims->len; i++)
        if (((PxClaim *)g_ptr_array_index (claims, i))->n_sources > 1)
          shared++;
      {
        g_autofree char *n_sources = g_strdup_printf (ngettext ("%u source", "%u sources", n), n);
        g_autofree char *n_shared = g_strdup_printf (ngettext ("%u claim in more than one",
                                                               "%u claims in more than one", shared),
                                                     shared);

        /* Translators: "5 sources · 12 claims in more than one" */
        subtitle = g_strdup_printf (_("%s · %s"), n_sources, n_shared);
      }
    }
  else
    subtitle = g_strdup_printf (ngettext ("%u source", "%u sources", n), n);

  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, n == 0 ? "empty" : "sources");
}

static void
compared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PxWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxComparison) comparison = px_comparison_new_finish (result, &error);

  if (comparison == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  g_set_object (&self->comparison, comparison);
  update_title (self);
}

static void
compare_progress_cb (double   fraction,
                     gpointer user_data)
{
  PxWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
recompare (PxWindow *self)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);
  g_clear_object (&self->comparison);
  update_title (self);

  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (documents, g_list_model_get_item (G_LIST_MODEL (self->sources), i));

  self->compare_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  px_comparison_new_async (documents, self->compare_cancellable,
                           compare_progress_cb, g_object_ref (self), g_object_unref,
                           compared_cb, g_object_ref (self));
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ImportJob *job = user_data;
  g_autoptr(PxWindow) self = job->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_import_file_finish (result, &error);
  guint slot = job->slot;
  gboolean stale = job->generation != self->generation;

  g_free (job);

  /* A file of a replaced batch may finish before it notices the cancel. */
  if (stale || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (document == NULL)
    show_toast (self, error->message);
  else
    g_ptr_array_index (self->pending, slot) = g_steal_pointer (&document);

  if (--self->n_pending > 0)
    return;

  for (guint i = 0; i < self->pending->len; i++)
    {
      PxDocument *doc = g_ptr_array_index (self->pending, i);

      if (doc != NULL)
        g_list_store_append (self->sources, doc);
    }
  g_ptr_array_set_size (self->pending, 0);
  recompare (self);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  PxWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      guint n = g_list_model_get_n_items (files);
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      px_window_open_files (self, (GFile **)array->pdata, array->len);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open Articles"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  gtk_file_filter_set_name (articles, _("Articles (text and web pages)"));
  gtk_file_filter_add_mime_type (articles, "text/plain");
  gtk_file_filter_add_mime_type (articles, "text/html");
  gtk_file_filter_add_suffix (articles, "txt");
  gtk_file_filter_add_suffix (articles, "html");
  gtk_file_filter_add_suffix (articles, "htm");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), articles);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_example_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr(GPtrArray) files = px_application_list_examples ();

  if (files->len == 0)
    {
      show_toast (self, _("The example articles are not installed"));
      return;
    }
  g_list_store_remove_all (self->sources);
  px_window_open_files (self, (GFile **)files->pdata, files->len);
}

static void
remove_source_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  guint position = g_variant_get_uint32 (parameter);

  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->sources)))
    {
      g_list_store_remove (self->sources, position);
      recompare (self);
    }
}

/* Source rows */

static char *
describe_source (PxDocument *document)
{
  guint counts[PX_SEGMENT_BOILERPLATE + 1] = { 0 };
  GString *out = g_string_new (NULL);
  const char *origin = px_document_get_origin (document);
  g_autofree char *name = origin != NULL ? g_path_get_basename (origin) : NULL;

  for (guint i = 0; i < px_document_get_n_segments (document); i++)
    counts[px_document_get_segment (document, i)->kind]++;

  if (name != NULL)
    g_string_append (out, name);
  if (px_document_get_date (document) != NULL)
    g_string_append_printf (out, " · %s", px_document_get_date (document));
  g_string_append_printf (out, " · ");
  g_string_append_printf (out, ngettext ("%u word", "%u words", px_document_get_n_words (document)),
                          px_document_get_n_words (document));
  g_string_append_printf (out, " · ");
  g_string_append_printf (out, ngettext ("%u sentence", "%u sentences", counts[PX_SEGMENT_SENTENCE]),
                          counts[PX_SEGMENT_SENTENCE]);
  if (counts[PX_SEGMENT_BOILERPLATE] > 0)
    {
      g_string_append_printf (out, " · ");
      g_string_append_printf (out, ngettext ("%u line of web page clutter", "%u lines of web page clutter",
                                             counts[PX_SEGMENT_BOILERPLATE]),
                              counts[PX_SEGMENT_BOILERPLATE]);
    }
  return g_string_free (out, FALSE);
}

static void
setup_source_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Source"));
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  g_object_set_data (G_OBJECT (row), "remove-button", remove);
  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_source_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  PxDocument *document = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *remove = g_object_get_data (G_OBJECT (row), "remove-button");
  const char *title = px_document_get_title (document);
  g_autofree char *subtitle = describe_source (document);
  g_autofree char *fallback = NULL;
  g_autofree char *escaped_title = NULL;
  g_autofree char *escaped_subtitle = NULL;

  if (title == NULL)
    {
      const char *origin = px_document_get_origin (document);

      title = fallback = origin != NULL ? g_path_get_basename (origin) : g_strdup (_("Untitled"));
    }
  /* Row titles are markup; article text is not. */
  escaped_title = g_markup_escape_text (title, -1);
  escaped_subtitle = g_markup_escape_text (subtitle, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  /* Target first: the name alone would not match the action's "u". */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", gtk_list_item_get_position (item));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.remove-source");
}

static void
px_window_dispose (GObject *object)
{
  PxWindow *self = (PxWindow *)object;

  g_cancellable_cancel (self->import_cancellable);
  g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->compare_cancellable);
  g_clear_object (&self->comparison);
  g_clear_object (&self->sources);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_WINDOW);

  G_OBJECT_CLASS (px_window_parent_class)->dispose (object);
}

static void
px_window_class_init (PxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_reader/Parallax/px-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PxWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, source_list);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, progress_bar);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action_cb);
  gtk_widget_class_install_action (widget_class, "win.remove-source", "u", remove_source_action_cb);
}

static void
px_window_init (PxWindow *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;
  GSettings *settings;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sources = g_list_store_new (PX_TYPE_DOCUMENT);
  self->pending = g_ptr_array_new_with_free_func (pending_slot_free);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_source_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_source_row_cb), self);
  gtk_list_view_set_factory (self->source_list, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sources)));
  gtk_list_view_set_model (self->source_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_object_set_data_full (G_OBJECT (self), "px-settings", settings, g_object_unref);

  update_title (self);
}

PxWindow *
px_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (PX_TYPE_WINDOW, "application", application, NULL);
}

void
px_window_open_files (PxWindow  *self,
                      GFile    **files,
                      guint      n_files)
{
  g_return_if_fail (PX_IS_WINDOW (self));

  if (n_files == 0)
    return;

  /* A new batch replaces one still loading. */
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_ptr_array_set_size (self->pending, 0);

  self->generation++;
  self->import_cancellable = g_cancellable_new ();
  self->n_pending = n_files;
  g_ptr_array_set_size (self->pending, n_files);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_progress_bar_pulse (self->progress_bar);

  for (guint i = 0; i < n_files; i++)
    {
      ImportJob *job = g_new0 (ImportJob, 1);

      job->window = g_object_ref (self);
      job->slot = i;
      job->generation = self->generation;
      px_import_file_async (files[i], G_PRIORITY_DEFAULT, self->import_cancellable, imported_cb, job);
    }
}

GListModel *
px_window_get_sources (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->sources);
}

PxComparison *
px_window_get_comparison (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);
  return self->comparison;
}

gboolean
px_window_get_busy (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);
  return self->n_pending > 0 || (self->compare_cancellable != NULL && self->comparison == NULL);
}
