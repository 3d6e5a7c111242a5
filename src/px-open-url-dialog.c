/* px-open-url-dialog.c: From the Web… (Ctrl+L)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An address typed or pasted into a message dialog is fetched by the
 * engine in a worker (px_fetch_document_async); a toast says so and has
 * Stop. The fetch is also stopped when the window goes away. The page
 * then joins the columns as a paste does.
 */
#define G_LOG_DOMAIN "px-window"

#include "config.h"

#include <glib/gi18n.h>

#include "px-open-url-dialog.h"
#include "px-window-private.h"

typedef struct
{
  GWeakRef      window;
  GCancellable *cancellable;
  AdwToast     *toast;
  gint64        toast_shown_at;
  char         *url;
} FetchJob;

/* libadwaita 1.2 crashes when a toast is dismissed during its show
 * animation (the skipped animation is unreferenced twice): a fetch that
 * ends sooner than this dismisses its toast when the animation is over. */
#define TOAST_SHOW_USEC (500 * 1000)

static void
fetch_job_free (FetchJob *job)
{
  g_weak_ref_clear (&job->window);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->toast);
  g_free (job->url);
  g_free (job);
}

static gboolean
dismiss_toast_cb (gpointer data)
{
  adw_toast_dismiss (data);
  return G_SOURCE_REMOVE;
}

static void
dismiss_toast (FetchJob *job)
{
  gint64 shown_for = g_get_monotonic_time () - job->toast_shown_at;

  if (shown_for >= TOAST_SHOW_USEC)
    adw_toast_dismiss (job->toast);
  else
    g_timeout_add_full (G_PRIORITY_DEFAULT, (TOAST_SHOW_USEC - shown_for) / 1000 + 1, dismiss_toast_cb,
                        g_object_ref (job->toast), g_object_unref);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  FetchJob *job = user_data;
  g_autoptr(PxWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_fetch_document_finish (result, &error);

  dismiss_toast (job);
  if (self == NULL)
    {
      fetch_job_free (job);
      return;
    }
  if (document == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("Stopped fetching %s"), job->url);

          _px_window_show_toast (self, message);
        }
      else
        _px_window_show_toast (self, error->message);
    }
  else if (_px_window_is_open (self, NULL, document))
    {
      g_autofree char *fallback = NULL;

      _px_window_show_skipped (self, _px_window_document_display_title (document, &fallback));
    }
  else
    {
      g_list_store_append (self->sources, document);
      _px_window_recompare (self);
    }
  fetch_job_free (job);
}

static void
entry_changed_cb (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "open", px_fetch_is_url (url));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  PxWindow *self = user_data;
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "open") == 0 && px_fetch_is_url (url))
    px_window_open_url (self, url);
}

void
px_window_open_url (PxWindow   *self,
                    const char *url)
{
  FetchJob *job;
  g_autofree char *message = NULL;

  g_return_if_fail (PX_IS_WINDOW (self));
  g_return_if_fail (px_fetch_is_url (url));

  if (_px_window_is_open (self, url, NULL))
    {
      _px_window_show_skipped (self, url);
      return;
    }

  job = g_new0 (FetchJob, 1);
  g_weak_ref_init (&job->window, self);
  job->cancellable = g_cancellable_new ();
  job->url = g_strdup (url);
  message = g_strdup_printf (_("Fetching %s…"), url);
  job->toast = adw_toast_new (message);
  adw_toast_set_timeout (job->toast, 0);
  adw_toast_set_button_label (job->toast, _("_Stop"));
  g_signal_connect_object (job->toast, "button-clicked", G_CALLBACK (g_cancellable_cancel), job->cancellable,
                           G_CONNECT_SWAPPED);
  /* a closed window stops its fetch */
  g_signal_connect_object (self, "destroy", G_CALLBACK (g_cancellable_cancel), job->cancellable, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (job->toast));
  job->toast_shown_at = g_get_monotonic_time ();

  px_fetch_document_async (url, 0, job->cancellable, fetched_cb, job);
}

void
px_open_url_dialog_present (PxWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *entry;

  g_return_if_fail (PX_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Open from the Web"),
                                   _("The address of an article: Parallax fetches it and adds it as a source."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "open", FALSE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (entry_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
