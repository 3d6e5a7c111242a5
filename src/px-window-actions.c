/* px-window-actions.c: what the window can do, and its keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every action the window installs, its keyboard shortcuts, and the
 * handlers that are only actions: Add Articles, removing a column with
 * Undo, moving columns, paste, the claim and column keys.
 */
#define G_LOG_DOMAIN "px-window"

#include "config.h"

#include <glib/gi18n.h>

#include "px-application.h"
#include "px-open-url-dialog.h"
#include "px-preferences-window.h"
#include "px-window-private.h"

/* Actions */

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
  g_autoptr(GtkFileFilter) sessions = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  static const char * const article_suffixes[] = { "txt", "text", "html", "htm", "xhtml", "pdf", "docx", "odt" };

  dialog = gtk_file_chooser_native_new (_("Add Articles"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  /* By name: XML and JSON files are text/plain by MIME type, and so are
   * sessions, which open as sessions and have their own filter. */
  gtk_file_filter_set_name (articles, _("Articles (text, web pages, PDF, Word, OpenDocument)"));
  for (guint i = 0; i < G_N_ELEMENTS (article_suffixes); i++)
    gtk_file_filter_add_suffix (articles, article_suffixes[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), articles);
  gtk_file_filter_set_name (sessions, _("Parallax Sessions"));
  gtk_file_filter_add_suffix (sessions, "parallax");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), sessions);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Ctrl+L: an article from its address (px-open-url-dialog.c). */
static void
open_url_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  px_open_url_dialog_present (PX_WINDOW (widget));
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
      _px_window_show_toast (self, _("The example articles are not installed"));
      return;
    }
  g_list_store_remove_all (self->sources);
  px_window_open_files (self, (GFile **)files->pdata, files->len);
}

static gboolean
removal_guard_done_cb (gpointer user_data)
{
  PxWindow *self = user_data;

  self->removal_guard = 0;
  _px_window_update_actions (self);
  return G_SOURCE_REMOVE;
}

static gboolean
forget_removal_cb (gpointer user_data)
{
  g_autoptr(PxWindow) self = NULL;
  guint serial;

  {
    gpointer *pair = user_data;

    self = pair[0];
    serial = GPOINTER_TO_UINT (pair[1]);
    g_free (pair);
  }
  for (guint i = 0; self->removals != NULL && i < self->removals->len; i++)
    if (((RemovedSource *)g_ptr_array_index (self->removals, i))->serial == serial)
      {
        g_ptr_array_remove_index (self->removals, i);
        break;
      }
  return G_SOURCE_REMOVE;
}

/* The toast went: its Undo with it (after an Undo click has run). */
static void
removal_toast_dismissed_cb (AdwToast *toast,
                            PxWindow *self)
{
  gpointer *pair = g_new (gpointer, 2);

  pair[0] = g_object_ref (self);
  pair[1] = g_object_get_data (G_OBJECT (toast), "px-removal-serial");
  g_idle_add (forget_removal_cb, pair);
}

static void
remove_source_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  guint position = g_variant_get_uint32 (parameter);
  RemovedSource *removed;
  g_autofree char *fallback = NULL;
  AdwToast *toast;
  GtkSettings *gtk_settings = gtk_widget_get_settings (widget);
  int double_click = 400;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->sources)))
    return;

  removed = g_new0 (RemovedSource, 1);
  removed->serial = ++self->removal_serial;
  removed->position = position;
  removed->document = g_list_model_get_item (G_LIST_MODEL (self->sources), position);
  removed->annotations = px_notes_dup_annotations_for (self->notes, removed->document);
  g_ptr_array_add (self->removals, removed);

  /* The next column slides under the pointer: a double click must not
   * take it too. */
  g_object_get (gtk_settings, "gtk-double-click-time", &double_click, NULL);
  g_clear_handle_id (&self->removal_guard, g_source_remove);
  self->removal_guard = g_timeout_add (MAX (double_click, 100), removal_guard_done_cb, self);

  g_list_store_remove (self->sources, position);
  _px_window_recompare (self);

  {
    /* a toast's title is markup */
    g_autofree char *escaped = g_markup_escape_text (_px_window_document_display_title (removed->document, &fallback), -1);

    toast = adw_toast_new_format (_("Removed “%s”"), escaped);
  }
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-remove");
  adw_toast_set_action_target_value (toast, g_variant_new_uint32 (removed->serial));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "px-removal-serial", GUINT_TO_POINTER (removed->serial));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (removal_toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Undo: the column comes back in its place, with its notes. */
static void
undo_remove_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  guint serial = g_variant_get_uint32 (parameter);
  RemovedSource *removed = NULL;
  guint n;

  for (guint i = 0; i < self->removals->len && removed == NULL; i++)
    if (((RemovedSource *)g_ptr_array_index (self->removals, i))->serial == serial)
      removed = g_ptr_array_steal_index (self->removals, i);
  if (removed == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  g_list_store_insert (self->sources, MIN (removed->position, n), removed->document);
  _px_window_recompare (self);
  px_notes_restore_annotations (self->notes, removed->annotations);
  _px_window_removed_source_free (removed);
}

static void
move_source (PxWindow *self,
             guint     position,
             int       direction)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  guint target = position + direction;
  g_autoptr(PxDocument) document = NULL;

  if (position >= n || (direction < 0 && position == 0) || target >= n)
    return;
  document = g_list_model_get_item (G_LIST_MODEL (self->sources), position);
  g_list_store_remove (self->sources, position);
  g_list_store_insert (self->sources, target, document);
  _px_window_recompare (self);
}

static void
move_source_left_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  move_source (PX_WINDOW (widget), g_variant_get_uint32 (parameter), -1);
}

static void
move_source_right_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  move_source (PX_WINDOW (widget), g_variant_get_uint32 (parameter), 1);
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);
  gboolean comparing = self->compare_cancellable != NULL && self->n_pending == 0;

  px_window_cancel (self);
  /* a stopped comparison can be started again without touching the sources */
  if (comparing && g_list_model_get_n_items (G_LIST_MODEL (self->sources)) > 0)
    {
      AdwToast *toast = adw_toast_new (_("Comparison stopped"));

      adw_toast_set_button_label (toast, _("_Compare Again"));
      adw_toast_set_action_name (toast, "win.compare");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
compare_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _px_window_recompare (PX_WINDOW (widget));
}

static void
find_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);

  /* Ctrl+F opens the bar, or takes the reader back to its entry;
   * Escape and the bar's close button close it. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sources)) == 0)
    return;
  if (px_search_bar_get_search_mode (self->search_bar))
    px_search_bar_focus_entry (self->search_bar);
  else
    px_search_bar_set_search_mode (self->search_bar, TRUE);
}

static void
paste_text_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PxWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_autoptr(PxDocument) document = NULL;

  if (text == NULL || *text == '\0')
    {
      _px_window_show_toast (self, _("The clipboard holds no text to compare"));
      return;
    }
  document = px_import_text (text, strlen (text), _("Pasted text"), &error);
  if (document == NULL)
    {
      _px_window_show_toast (self, error->message);
      return;
    }
  if (_px_window_is_open (self, NULL, document))
    {
      g_autofree char *fallback = NULL;

      _px_window_show_skipped (self, _px_window_document_display_title (document, &fallback));
      return;
    }
  g_list_store_append (self->sources, document);
  _px_window_recompare (self);
}

/* Ctrl+Shift+V: the clipboard's text as a new source. */
static void
paste_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, paste_text_cb, g_object_ref (widget));
}

static void
preferences_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (px_preferences_window_new (GTK_WINDOW (widget))));
}

/* The column the reader is in: the one with the keyboard focus, else the
 * one with the selected sentence, else -1. */
static int
active_column (PxWindow *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    if (gtk_widget_has_focus (GTK_WIDGET (px_source_view_get_text_view (_px_window_get_column (self, i)))))
      return i;
  return self->selected_doc >= 0 && (guint)self->selected_doc < self->columns->len ? self->selected_doc : -1;
}

/* Alt+Right / Alt+Left: the keyboard goes to the next column, the caret
 * to the top of what it shows, and the columns scroll to show it. */
static void
focus_column (PxWindow *self,
              int       direction)
{
  int current = active_column (self);
  int target = current < 0 ? 0 : current + direction;
  PxSourceView *column;
  GtkTextView *view;
  GdkRectangle visible;
  GtkTextIter iter;

  if (target < 0 || target >= (int)self->columns->len)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  column = _px_window_get_column (self, target);
  view = px_source_view_get_text_view (column);
  /* a column scrolled out of view is not mapped, and a column never
   * mapped does not show its text yet: the columns scroll to it */
  _px_window_show_column (self, target);
  if (gtk_text_view_get_buffer (view) == px_source_view_get_buffer (column))
    {
      gtk_text_view_get_visible_rect (view, &visible);
      gtk_text_view_get_iter_at_location (view, &iter, visible.x, visible.y);
      gtk_text_buffer_place_cursor (px_source_view_get_buffer (column), &iter);
    }
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

static void
next_column_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  focus_column (PX_WINDOW (widget), 1);
}

static void
previous_column_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  focus_column (PX_WINDOW (widget), -1);
}

/* Ctrl+Shift+F / Ctrl+Shift+M: the sidebar, on its facts or notes page. */
static void
show_sidebar_page_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  PxWindow *self = PX_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->sidebar_stack, g_variant_get_string (parameter, NULL));
  g_object_set (self, "show-facts", TRUE, NULL);
}

static void
next_claim_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _px_window_move_to_claim (PX_WINDOW (widget), 1);
}

static void
previous_claim_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  _px_window_move_to_claim (PX_WINDOW (widget), -1);
}

/* highlight.NAME toggles NAME in the "highlight-kinds" setting. */
static void
toggle_highlight_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  PxWindow *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  g_auto(GStrv) kinds = g_settings_get_strv (self->settings, "highlight-kinds");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  gboolean found = FALSE;

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      if (g_str_equal (kinds[i], name))
        found = TRUE;
      else
        g_strv_builder_add (builder, kinds[i]);
    }
  if (!found)
    g_strv_builder_add (builder, name);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "highlight-kinds", (const char * const *)updated);
}

/* Files dropped on the window are added, as with Open. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PxWindow      *self)
{
  GSList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (const GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);
  if (files->len == 0)
    return FALSE;
  px_window_open_files (self, (GFile **)files->pdata, files->len);
  return TRUE;
}

/* Every action of the window, and its keys in one place. */
void
_px_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-url", NULL, open_url_action_cb);
  gtk_widget_class_install_action (widget_class, "win.remove-source", "u", remove_source_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo-remove", "u", undo_remove_action_cb);
  gtk_widget_class_install_action (widget_class, "win.move-source-left", "u", move_source_left_action_cb);
  gtk_widget_class_install_action (widget_class, "win.move-source-right", "u", move_source_right_action_cb);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, cancel_action_cb);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action_cb);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action_cb);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action_cb);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action_cb);
  gtk_widget_class_install_action (widget_class, "win.next-claim", NULL, next_claim_action_cb);
  gtk_widget_class_install_action (widget_class, "win.previous-claim", NULL, previous_claim_action_cb);
  gtk_widget_class_install_action (widget_class, "win.next-column", NULL, next_column_action_cb);
  gtk_widget_class_install_action (widget_class, "win.previous-column", NULL, previous_column_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar-page", "s", show_sidebar_page_action_cb);
  gtk_widget_class_install_property_action (widget_class, "win.show-facts", "show-facts");
  gtk_widget_class_install_property_action (widget_class, "win.sync-scroll", "sync-scroll");
  gtk_widget_class_install_property_action (widget_class, "win.show-boilerplate", "show-boilerplate");

  /* the keys of the window's actions and of its notes.* group, in one
   * place; the application's own (Ctrl+O, Ctrl+Shift+E, Ctrl+W, Ctrl+Q)
   * are in px-application.c, where menus find them */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.open-url", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "notes.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "notes.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "notes.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "notes.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-facts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "win.next-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "win.previous-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.next-column", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.previous-column", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-sidebar-page", "s", "facts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-sidebar-page", "s", "notes");
}

/* The highlight.NAME toggles and dropping files on the window. */
void
_px_window_init_actions (PxWindow *self)
{
  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }
  {
    const char * const *names = px_source_view_get_highlight_names ();
    GSimpleActionGroup *group = self->highlight_actions = g_simple_action_group_new ();

    for (guint i = 0; names[i] != NULL; i++)
      {
        GSimpleAction *action = g_simple_action_new_stateful (names[i], NULL, g_variant_new_boolean (TRUE));

        g_signal_connect (action, "activate", G_CALLBACK (toggle_highlight_cb), self);
        g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
        g_object_unref (action);
      }
    gtk_widget_insert_action_group (GTK_WIDGET (self), "highlight", G_ACTION_GROUP (group));
  }
}
