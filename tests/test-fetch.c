/* test-fetch.c: URLs, from a loopback HTTP server in the test (no internet)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SoupServer on 127.0.0.1 runs in a thread of its own and serves pages,
 * redirects, an oversized body, wrong and missing charsets, errors, a PDF,
 * an image, a server that never answers, and the seed articles.
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <libsoup/soup.h>

#include "parallax-core.h"
#include "px-pdf-writer.h"
#include "px-seed-compare.h"

typedef struct
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  GMutex        lock;
  GCond         ready;
  guint         port;
  GBytes       *big;      /* 65 MiB, shared by the oversized answers */
  GBytes       *pdf;
  GPtrArray    *paused;   /* SoupServerMessage that never get an answer */
} TestServer;

static TestServer test_server;

static const char article_html[] =
  "<!DOCTYPE html><html><head><title>Turnout passes 60 per cent</title>"
  "<meta property=\"article:published_time\" content=\"2022-11-20T10:00:00Z\"></head><body><article>"
  "<h1>Turnout passes 60 per cent</h1>"
  "<p>Voting ended at 8 pm on Sunday in all regions, the Central Election Commission said on Monday morning.</p>"
  "<p>Observers from the organization described the atmosphere at polling stations as calm and orderly.</p>"
  "<p>“We are satisfied with the organization of the vote,” the commission’s chairman told journalists.</p>"
  "</article></body></html>";

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *type,
         const char        *body,
         gssize             length)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body, length < 0 ? strlen (body) : (gsize)length);
}

static void
redirect (SoupServerMessage *msg,
          guint              status,
          const char        *location)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
}

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  TestServer *ts = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (strcmp (path, "/article.html") == 0)
    respond (msg, 200, "text/html; charset=utf-8", article_html, -1);
  else if (strcmp (path, "/redirect") == 0)
    redirect (msg, 302, "/hop/1");
  else if (g_str_has_prefix (path, "/hop/"))
    {
      guint n = atoi (path + 5);
      g_autofree char *next = n < 3 ? g_strdup_printf ("%u", n + 1) : g_strdup ("../article.html");

      redirect (msg, n == 2 ? 301 : 307, next);   /* relative, as servers send them */
    }
  else if (strcmp (path, "/loop") == 0)
    redirect (msg, 302, "/loop");
  else if (strcmp (path, "/redirect-elsewhere") == 0)
    redirect (msg, 302, "ftp://127.0.0.1/file.txt");
  else if (strcmp (path, "/missing") == 0)
    respond (msg, 404, "text/html", "<html><body><h1>Not Found</h1></body></html>", -1);
  else if (strcmp (path, "/private") == 0)
    respond (msg, 403, "text/html", "<html><body>Forbidden</body></html>", -1);
  else if (strcmp (path, "/broken") == 0)
    respond (msg, 503, "text/plain", "down", -1);
  else if (strcmp (path, "/big-declared") == 0)
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_message_headers_set_content_type (headers, "text/plain", NULL);
      soup_message_body_append_bytes (soup_server_message_get_response_body (msg), ts->big);
    }
  else if (strcmp (path, "/big-chunked") == 0)
    {
      SoupMessageBody *body = soup_server_message_get_response_body (msg);

      soup_server_message_set_status (msg, 200, NULL);
      soup_message_headers_set_content_type (headers, "text/plain", NULL);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_body_append_bytes (body, ts->big);
      soup_message_body_complete (body);
    }
  else if (strcmp (path, "/utf8-called-latin1") == 0)
    /* the header lies (an old server default); the bytes are UTF-8 */
    respond (msg, 200, "text/html; charset=ISO-8859-1",
             "<html><head><title>Caf\xc3\xa9</title></head><body><article><p>The caf\xc3\xa9 on the square "
             "opened its doors to voters on Sunday morning, the na\xc3\xafve owner said.</p></article></body></html>", -1);
  else if (strcmp (path, "/cp1251-in-header") == 0)
    /* "Выборы прошли спокойно, сообщила комиссия в понедельник." in Windows-1251, no <meta> */
    respond (msg, 200, "text/html; charset=windows-1251",
             "<html><body><article><p>\xc2\xfb\xe1\xee\xf0\xfb \xef\xf0\xee\xf8\xeb\xe8 "
             "\xf1\xef\xee\xea\xee\xe9\xed\xee, \xf1\xee\xee\xe1\xf9\xe8\xeb\xe0 "
             "\xea\xee\xec\xe8\xf1\xf1\xe8\xff \xe2 \xef\xee\xed\xe5\xe4\xe5\xeb\xfc\xed\xe8\xea.</p>"
             "</article></body></html>", -1);
  else if (strcmp (path, "/cp1251-called-utf8") == 0)
    /* the header says UTF-8, the bytes and the page's own <meta> say Windows-1251 */
    respond (msg, 200, "text/html; charset=utf-8",
             "<html><head><meta charset=\"windows-1251\"></head><body><article><p>\xc2\xfb\xe1\xee\xf0\xfb "
             "\xef\xf0\xee\xf8\xeb\xe8 \xf1\xef\xee\xea\xee\xe9\xed\xee, \xf1\xee\xee\xe1\xf9\xe8\xeb\xe0 "
             "\xea\xee\xec\xe8\xf1\xf1\xe8\xff \xe2 \xef\xee\xed\xe5\xe4\xe5\xeb\xfc\xed\xe8\xea.</p>"
             "</article></body></html>", -1);
  else if (strcmp (path, "/statement.pdf") == 0)
    {
      gsize length;
      const char *data = g_bytes_get_data (ts->pdf, &length);

      respond (msg, 200, "application/pdf", data, length);
    }
  else if (strcmp (path, "/pdf-as-html") == 0)
    {
      gsize length;
      const char *data = g_bytes_get_data (ts->pdf, &length);

      respond (msg, 200, "text/html", data, length);
    }
  else if (strcmp (path, "/photo") == 0)
    respond (msg, 200, "image/png", "\x89PNG\r\n\x1a\n....", 12);
  else if (strcmp (path, "/empty") == 0)
    respond (msg, 200, "text/html", "", 0);
  else if (strcmp (path, "/slow") == 0)
    {
      /* never answered: the client's timeout, or its Stop */
      soup_server_message_pause (msg);
      g_ptr_array_add (ts->paused, g_object_ref (msg));
    }
  else if (g_str_has_prefix (path, "/seeds/"))
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *file = g_build_filename (g_getenv ("PX_SEEDS_DIR"), base, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_get_contents (file, &contents, &length, NULL))
        respond (msg, 200, "text/plain; charset=utf-8", contents, length);
      else
        respond (msg, 404, "text/plain", "no such seed", -1);
    }
  else
    respond (msg, 404, "text/plain", "not found", -1);
}

static gpointer
server_thread (gpointer data)
{
  TestServer *ts = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (ts->context);
  ts->server = soup_server_new ("server-header", "parallax-test ", NULL);
  soup_server_add_handler (ts->server, NULL, handler_cb, ts, NULL);
  if (!soup_server_listen_local (ts->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("the test server could not listen: %s", error->message);
  uris = soup_server_get_uris (ts->server);
  g_mutex_lock (&ts->lock);
  ts->port = g_uri_get_port (uris->data);
  g_cond_signal (&ts->ready);
  g_mutex_unlock (&ts->lock);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_main_loop_run (ts->loop);

  for (guint i = 0; i < ts->paused->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (ts->paused, i);

      soup_server_message_set_status (msg, 503, NULL);
      soup_server_message_unpause (msg);
    }
  soup_server_disconnect (ts->server);
  g_clear_object (&ts->server);
  g_main_context_pop_thread_default (ts->context);
  return NULL;
}

static void
start_server (TestServer *ts)
{
  PxPdfLayout layout = { .meta_title = "Statement on the election" };
  static const char * const statement[] = {
    "Statement on the election",
    "The commission announced the preliminary results of the presidential election on Monday.",
    NULL,
  };

  g_mutex_init (&ts->lock);
  g_cond_init (&ts->ready);
  ts->context = g_main_context_new ();
  ts->loop = g_main_loop_new (ts->context, FALSE);
  ts->paused = g_ptr_array_new_with_free_func (g_object_unref);
  ts->big = g_bytes_new_take (memset (g_malloc (65 * 1024 * 1024), 'a', 65 * 1024 * 1024), 65 * 1024 * 1024);
  ts->pdf = px_pdf_write (statement, TRUE, &layout);
  g_mutex_lock (&ts->lock);
  ts->thread = g_thread_new ("test-server", server_thread, ts);
  while (ts->port == 0)
    g_cond_wait (&ts->ready, &ts->lock);
  g_mutex_unlock (&ts->lock);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
stop_server (TestServer *ts)
{
  g_main_context_invoke (ts->context, quit_cb, ts->loop);
  g_thread_join (ts->thread);
  g_main_loop_unref (ts->loop);
  g_main_context_unref (ts->context);
  g_ptr_array_unref (ts->paused);
  g_bytes_unref (ts->big);
  g_bytes_unref (ts->pdf);
}

static char *
url_for (const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", test_server.port, path);
}

static PxDocument *
fetch (const char  *path,
       guint        timeout,
       GError     **error)
{
  g_autofree char *url = url_for (path);

  return px_fetch_document (url, timeout, NULL, error);
}

static void
test_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = fetch ("/article.html", 0, &error);
  g_autofree char *url = url_for ("/article.html");

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_format (document), ==, "html");
  g_assert_cmpstr (px_document_get_title (document), ==, "Turnout passes 60 per cent");
  g_assert_cmpstr (px_document_get_origin (document), ==, url);
  g_assert_cmpstr (px_document_get_date (document), ==, "2022-11-20");
  g_assert_nonnull (strstr (px_document_get_text (document, NULL), "“We are satisfied with the organization"));
}

/* three hops, relative Locations, 307 and 301: the final address is the origin */
static void
test_redirects (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = fetch ("/redirect", 0, &error);
  g_autofree char *final = url_for ("/article.html");

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_origin (document), ==, final);
  g_assert_cmpstr (px_document_get_title (document), ==, "Turnout passes 60 per cent");
}

typedef struct
{
  const char *path;
  int         code;
  const char *message;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "/missing", PX_ERROR_READ, "the server answered 404 Not Found; there is no page at this address" },
  { "/private", PX_ERROR_READ, "the server answered 403 Forbidden; the server refused access" },
  { "/broken", PX_ERROR_READ, "the server answered 503 Service Unavailable; the server failed; try again later" },
  { "/loop", PX_ERROR_READ, "more than 10 redirects" },
  { "/redirect-elsewhere", PX_ERROR_INVALID_INPUT, "“ftp://127.0.0.1/file.txt” is not a web address" },
  { "/big-declared", PX_ERROR_TOO_LARGE, "is too large (65 MB; the limit is 64 MB)" },
  { "/big-chunked", PX_ERROR_TOO_LARGE, "is too large (more than 64 MB)" },
  { "/photo", PX_ERROR_INVALID_INPUT, "is not an article but a file of type image/png" },
  { "/empty", PX_ERROR_EMPTY, "the server sent no content" },
};

static void
test_errors (gconstpointer data)
{
  const ErrorCase *tc = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = fetch (tc->path, 0, &error);

  g_assert_null (document);
  g_test_message ("%s", error->message);
  g_assert_error (error, PX_ERROR, tc->code);
  g_assert_nonnull (strstr (error->message, tc->message));
}

static void
test_no_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;

  /* a port that was free a moment ago and has nobody listening now */
  g_assert_true (g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                                NULL, &bound, NULL));
  url = g_strdup_printf ("http://127.0.0.1:%u/", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_listener_close (listener);
  document = px_fetch_document (url, 0, NULL, &error);
  g_assert_null (document);
  g_test_message ("%s", error->message);
  g_assert_error (error, PX_ERROR, PX_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "“http://127.0.0.1:"));
}

static void
test_timeout (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = fetch ("/slow", 1, &error);

  g_assert_null (document);
  g_test_message ("%s", error->message);
  g_assert_error (error, PX_ERROR, PX_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "the server did not answer within 1 s"));
}

typedef struct
{
  const char *path;
  const char *text;       /* in the document's text */
  const char *encoding;
} CharsetCase;

static const CharsetCase charset_cases[] = {
  { "/utf8-called-latin1", "The café on the square", "UTF-8" },
  { "/cp1251-in-header", "Выборы прошли спокойно, сообщила комиссия в понедельник.", NULL },
  { "/cp1251-called-utf8", "Выборы прошли спокойно, сообщила комиссия в понедельник.", "WINDOWS-1251" },
};

static void
test_charsets (gconstpointer data)
{
  const CharsetCase *tc = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = fetch (tc->path, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (px_document_get_text (document, NULL), tc->text));
  if (tc->encoding != NULL)
    g_assert_cmpstr (px_document_get_encoding (document), ==, tc->encoding);
}

/* by Content-Type, and by the bytes when the type is wrong */
static void
test_pdf (void)
{
  static const char * const paths[] = { "/statement.pdf", "/pdf-as-html" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PxDocument) document = fetch (paths[i], 0, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (px_document_get_format (document), ==, "pdf");
      g_assert_cmpstr (px_document_get_title (document), ==, "Statement on the election");
    }
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

/* the window's path: a worker, and Stop */
static void
test_async_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) ok_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;
  g_autofree char *slow = url_for ("/slow");
  g_autofree char *article = url_for ("/article.html");

  px_fetch_document_async (article, 0, NULL, fetched_cb, &ok_result);
  while (ok_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  document = px_fetch_document_finish (ok_result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (document), ==, "Turnout passes 60 per cent");

  px_fetch_document_async (slow, 30, cancellable, fetched_cb, &result);
  g_timeout_add (200, cancel_cb, cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&document);
  document = px_fetch_document_finish (result, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The seeds fetched from the server read as the files do. */
static void
test_seeds (void)
{
  g_autoptr(GPtrArray) paths = px_test_seed_paths ();

  if (paths == NULL)
    {
      g_test_skip ("../shared/seeds is absent");
      return;
    }
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *url_path = g_strconcat ("/seeds/", base, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(PxDocument) reference = px_import_file (file, NULL, &error);
      g_autoptr(PxDocument) fetched = NULL;

      g_assert_no_error (error);
      fetched = fetch (url_path, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (px_document_get_text (fetched, NULL), ==, px_document_get_text (reference, NULL));
      g_assert_cmpuint (px_document_get_n_segments (fetched), ==, px_document_get_n_segments (reference));
      g_assert_cmpfloat (px_test_sentence_identity (reference, fetched), ==, 1.0);
      g_assert_cmpstr (px_document_get_title (fetched), ==, px_document_get_title (reference));
      g_assert_cmpstr (px_document_get_date (fetched), ==, px_document_get_date (reference));
    }
}

/* parallax-cli extract URL and compare URL FILE */
static void
test_cli (void)
{
  const char *cli = g_getenv ("PX_CLI");
  g_autofree char *url = url_for ("/article.html");
  g_autofree char *missing = url_for ("/missing");
  g_autofree char *example = g_build_filename (PX_TEST_SRCDIR, "..", "data", "examples", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *origin = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  int status = 0;

  if (cli == NULL)
    {
      g_test_skip ("PX_CLI is not set");
      return;
    }
  {
    const char *argv[] = { cli, "extract", url, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_str_has_prefix (out, "Voting ended at 8 pm on Sunday"));
  }
  dir = g_dir_open (example, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL && file == NULL)
    if (g_str_has_suffix (name, ".txt"))
      file = g_build_filename (example, name, NULL);
  g_assert_nonnull (file);
  {
    const char *argv[] = { cli, "compare", "--format=json", url, file, missing, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
    g_assert_no_error (error);
    /* the two that loaded are compared; the missing page is reported, exit status 1 */
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
    origin = g_strdup_printf ("\"path\":\"%s\"", url);
    g_assert_nonnull (strstr (out, origin));
    g_assert_nonnull (strstr (err, "the server answered 404 Not Found"));
  }
}

static void
test_is_url (void)
{
  g_assert_true (px_fetch_is_url ("https://example.com/a"));
  g_assert_true (px_fetch_is_url ("HTTP://example.com"));
  g_assert_false (px_fetch_is_url ("file:///etc/passwd"));
  g_assert_false (px_fetch_is_url ("ftp://example.com/x"));
  g_assert_false (px_fetch_is_url ("notes/http://x.txt"));
  g_assert_false (px_fetch_is_url (NULL));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* the loopback server, never a proxy the machine may name */
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_unsetenv ("http_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");
  start_server (&test_server);

  g_test_add_func ("/core/fetch/is-url", test_is_url);
  g_test_add_func ("/core/fetch/article", test_article);
  g_test_add_func ("/core/fetch/redirects", test_redirects);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/fetch/errors%s", error_cases[i].path);

      g_test_add_data_func (path, &error_cases[i], test_errors);
    }
  g_test_add_func ("/core/fetch/errors/no-server", test_no_server);
  g_test_add_func ("/core/fetch/errors/timeout", test_timeout);
  for (guint i = 0; i < G_N_ELEMENTS (charset_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/fetch/charset%s", charset_cases[i].path);

      g_test_add_data_func (path, &charset_cases[i], test_charsets);
    }
  g_test_add_func ("/core/fetch/pdf", test_pdf);
  g_test_add_func ("/core/fetch/async-cancel", test_async_cancel);
  g_test_add_func ("/core/fetch/seeds", test_seeds);
  g_test_add_func ("/core/fetch/cli", test_cli);

  status = g_test_run ();
  stop_server (&test_server);
  px_pdf_writer_cleanup ();
  return status;
}
