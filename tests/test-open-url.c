/* test-open-url.c: From the Web… (Ctrl+L) and fetching into a column, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SoupServer on 127.0.0.1, on the test's main context (the window's
 * loop serves it), stands in for the web.
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "px-open-url-dialog.h"
#include "px-ui-test.h"

static gboolean have_display;
static guint port;
static GPtrArray *paused;

static const char page[] =
  "<!DOCTYPE html><html><head><title>Turnout passes 60 per cent</title></head><body><article>"
  "<p>Voting ended at 8 pm on Sunday in all regions, the Central Election Commission said on Monday morning.</p>"
  "<p>Observers from the organization described the atmosphere at polling stations as calm and orderly.</p>"
  "</article></body></html>";

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  if (strcmp (path, "/article.html") == 0)
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC, page, strlen (page));
    }
  else if (strcmp (path, "/slow") == 0)
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (paused, g_object_ref (msg));
    }
  else
    soup_server_message_set_status (msg, 404, NULL);
}

static char *
url_for (const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", port, path);
}

static PxWindow *
new_window (PxApplication *app)
{
  PxWindow *window;

  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = px_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
test_fetch_into_column (void)
{
  g_autoptr(PxApplication) app = NULL;
  g_autofree char *url = url_for ("/article.html");
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  GListModel *sources;
  PxWindow *window;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  app = px_application_new ();
  window = new_window (app);
  sources = px_window_get_sources (window);
  px_window_open_url (window, url);
  while (g_list_model_get_n_items (sources) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 1);
  {
    g_autoptr(PxDocument) document = g_list_model_get_item (sources, 0);

    g_assert_cmpstr (px_document_get_origin (document), ==, url);
    g_assert_cmpstr (px_document_get_title (document), ==, "Turnout passes 60 per cent");
  }
  px_test_wait_until_idle (window);
  g_assert_cmpuint (px_window_get_n_columns (window), ==, 1);

  /* the same address again is skipped, not fetched twice */
  px_window_open_url (window, url);
  px_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closing the window stops a fetch that is still waiting. */
static void
test_close_stops (void)
{
  g_autoptr(PxApplication) app = NULL;
  g_autofree char *url = url_for ("/slow");
  PxWindow *window;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  app = px_application_new ();
  window = new_window (app);
  px_window_open_url (window, url);
  px_test_settle ();
  gtk_window_destroy (GTK_WINDOW (window));
  px_test_settle ();
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Ctrl+L's action: a dialog whose Open waits for an http(s) address. */
static void
test_dialog (void)
{
  g_autoptr(PxApplication) app = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  PxWindow *window;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  app = px_application_new ();
  window = new_window (app);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-url", NULL));
  px_test_settle ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "open"));
  gtk_editable_set_text (entry, "example.com/story");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "open"));
  gtk_editable_set_text (entry, "  https://example.com/story ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "open"));
  adw_message_dialog_response (dialog, "cancel");
  px_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (px_window_get_sources (window)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;
  int status;

  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_unsetenv ("http_proxy");
  g_unsetenv ("HTTP_PROXY");

  paused = g_ptr_array_new_with_free_func (g_object_unref);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, handler_cb, NULL, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("the test server could not listen: %s", error->message);
  uris = soup_server_get_uris (server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_test_add_func ("/ui/open-url/fetch-into-column", test_fetch_into_column);
  g_test_add_func ("/ui/open-url/close-stops", test_close_stops);
  g_test_add_func ("/ui/open-url/dialog", test_dialog);

  status = g_test_run ();
  for (guint i = 0; i < paused->len; i++)
    {
      soup_server_message_set_status (g_ptr_array_index (paused, i), 503, NULL);
      soup_server_message_unpause (g_ptr_array_index (paused, i));
    }
  g_ptr_array_unref (paused);
  soup_server_disconnect (server);
  return status;
}
