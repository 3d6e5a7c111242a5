/* px-fetch.c: web pages and files fetched from a URL (libsoup 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One session per fetch, used from the worker's thread only. Redirects
 * are followed here (not by libsoup) so that they are bounded and only go
 * to http(s) addresses; the body is counted as it arrives, after libsoup
 * has undone any Content-Encoding, so a compressed bomb stops at the
 * import limit too.
 */
#define G_LOG_DOMAIN "px-fetch"

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "px-decode.h"
#include "px-error.h"
#include "px-module-private.h"
#include "px-fetch.h"
#include "px-html.h"
#include "px-import.h"

/* libsoup is opened the first time an address is fetched
 * (px-module-private.h). */
typedef struct
{
  SoupSession        *(*session_new_with_options)      (const char *, ...);
  GInputStream       *(*session_send)                  (SoupSession *, SoupMessage *, GCancellable *, GError **);
  SoupMessage        *(*message_new)                   (const char *, const char *);
  void                (*message_add_flags)             (SoupMessage *, SoupMessageFlags);
  guint               (*message_get_status)            (SoupMessage *);
  const char         *(*message_get_reason_phrase)     (SoupMessage *);
  SoupMessageHeaders *(*message_get_response_headers)  (SoupMessage *);
  GUri               *(*message_get_uri)               (SoupMessage *);
  const char         *(*headers_get_one)               (SoupMessageHeaders *, const char *);
  goffset             (*headers_get_content_length)    (SoupMessageHeaders *);
  SoupEncoding        (*headers_get_encoding)          (SoupMessageHeaders *);
  const char         *(*headers_get_content_type)      (SoupMessageHeaders *, GHashTable **);
  const char         *(*status_get_phrase)             (guint);
} Soup;

static gpointer
open_soup (gpointer data)
{
  static Soup api;
  static const char * const names[] = {
    "soup_session_new_with_options", "soup_session_send", "soup_message_new", "soup_message_add_flags",
    "soup_message_get_status", "soup_message_get_reason_phrase", "soup_message_get_response_headers",
    "soup_message_get_uri", "soup_message_headers_get_one", "soup_message_headers_get_content_length",
    "soup_message_headers_get_encoding", "soup_message_headers_get_content_type", "soup_status_get_phrase",
  };

  G_STATIC_ASSERT (sizeof api == G_N_ELEMENTS (names) * sizeof (gpointer));
  return px_module_open (PX_SOUP_SONAME, names, G_N_ELEMENTS (names), (gpointer *)&api) ? &api : NULL;
}

static const Soup *
soup (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, open_soup, NULL);
}

#define READ_CHUNK (64 * 1024)

typedef struct
{
  char  *url;
  guint  timeout_seconds;
} FetchData;

static void
fetch_data_free (gpointer data)
{
  FetchData *fetch = data;

  g_free (fetch->url);
  g_free (fetch);
}

gboolean
px_fetch_is_url (const char *text)
{
  return text != NULL &&
         (g_ascii_strncasecmp (text, "http://", 7) == 0 || g_ascii_strncasecmp (text, "https://", 8) == 0);
}

/* What a user can do about an HTTP status. */
static const char *
status_advice (guint status)
{
  switch (status)
    {
    case 401:
    case 407:
      return "the page needs a login; save it from your browser and open the file";
    case 403:
      return "the server refused access; save the page from your browser and open the file";
    case 404:
    case 410:
      return "there is no page at this address; check it";
    case 429:
      return "the server asks for fewer requests; try again later";
    default:
      if (status >= 500)
        return "the server failed; try again later";
      return "check the address";
    }
}

static void
set_transport_error (GError     **error,
                     const char  *url,
                     GError      *cause,
                     guint        timeout_seconds)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Fetching was stopped");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, PX_ERROR, PX_ERROR_READ,
                 "“%s” could not be fetched: the server did not answer within %u s", url, timeout_seconds);
  else if (cause->domain == G_RESOLVER_ERROR)
    g_set_error (error, PX_ERROR, PX_ERROR_READ,
                 "“%s” could not be fetched: its host name was not found (%s)", url, cause->message);
  else if (cause->domain == G_TLS_ERROR)
    g_set_error (error, PX_ERROR, PX_ERROR_READ,
                 "“%s” could not be fetched: the secure connection failed (%s)", url, cause->message);
  else
    g_set_error (error, PX_ERROR, PX_ERROR_READ, "“%s” could not be fetched: %s", url, cause->message);
}

/* The body of a successful response, at most PX_IMPORT_MAX_BYTES. */
static GBytes *
read_body (GInputStream  *stream,
           const char    *url,
           gint64         deadline,
           guint          timeout_seconds,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  g_autofree guint8 *buffer = g_malloc (READ_CHUNK);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gssize n = g_input_stream_read (stream, buffer, READ_CHUNK, cancellable, &local_error);

      if (n < 0)
        {
          set_transport_error (error, url, local_error, timeout_seconds);
          return NULL;
        }
      if (n == 0)
        break;
      if (body->len + (gsize)n > PX_IMPORT_MAX_BYTES)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_TOO_LARGE,
                       "“%s” is too large (more than %d MB); it was not opened", url,
                       PX_IMPORT_MAX_BYTES / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (body, buffer, n);
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_READ,
                       "“%s” could not be fetched: it took longer than %d s", url, PX_FETCH_TOTAL_SECONDS);
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

static gboolean
is_html_type (const char *type)
{
  return type != NULL && (g_ascii_strcasecmp (type, "text/html") == 0 ||
                          g_ascii_strcasecmp (type, "application/xhtml+xml") == 0);
}

/* The HTTP charset applies where the bytes agree with it: bytes that are
 * valid UTF-8 (and not plain ASCII) under a header that names an 8-bit
 * charset, or bytes that are not UTF-8 under one that says UTF-8, are a
 * server's mistake, and the page's own declaration and the bytes decide.
 * Returns UTF-8 to import, or NULL to import the bytes as they are. */
static char *
decode_with_http_charset (const char *data,
                          gsize       length,
                          const char *charset,
                          gsize      *out_length)
{
  gboolean ascii = TRUE;
  gboolean utf8 = g_utf8_validate (data, length, NULL);
  g_autofree char *lower = NULL;
  char *converted;
  gsize written = 0;

  if (charset == NULL || length == 0)
    return NULL;
  /* a BOM wins over the header, as in browsers */
  if ((length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0) ||
      (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0)))
    return NULL;
  for (gsize i = 0; i < length && ascii; i++)
    ascii = (guchar)data[i] < 0x80;
  lower = g_ascii_strdown (charset, -1);
  if (strcmp (lower, "utf-8") == 0 || strcmp (lower, "utf8") == 0)
    {
      if (!utf8)
        return NULL;
      *out_length = length;
      return g_strndup (data, length);
    }
  if (ascii || utf8)
    return NULL;
  if (strcmp (lower, "iso-8859-1") == 0 || strcmp (lower, "latin1") == 0 || strcmp (lower, "us-ascii") == 0)
    lower = (g_free (lower), g_strdup ("windows-1252"));   /* as browsers read them */
  converted = g_convert (data, length, "UTF-8", lower, NULL, &written, NULL);
  if (converted == NULL || !g_utf8_validate (converted, written, NULL))
    {
      g_free (converted);
      return NULL;
    }
  *out_length = written;
  return converted;
}

/* Imports the body by its Content-Type, with its magic bytes first (a PDF
 * served as text/html is still a PDF). */
static PxDocument *
import_body (GBytes      *body,
             const char  *origin,
             const char  *type,
             const char  *charset,
             GError     **error)
{
  const char *data;
  gsize length;
  g_autofree char *utf8 = NULL;
  gsize utf8_length = 0;

  data = g_bytes_get_data (body, &length);
  if (length == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_EMPTY, "“%s” is empty: the server sent no content", origin);
      return NULL;
    }
  if (type != NULL && (g_ascii_strncasecmp (type, "image/", 6) == 0 || g_ascii_strncasecmp (type, "video/", 6) == 0 ||
                       g_ascii_strncasecmp (type, "audio/", 6) == 0))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "“%s” is not an article but a file of type %s; it was not opened", origin, type);
      return NULL;
    }
  if (length >= 5 && (memcmp (data, "%PDF-", 5) == 0 || memcmp (data, "PK\3\4", 4) == 0))
    return px_import_bytes (body, origin, NULL, error);

  if (is_html_type (type) || (type != NULL && g_ascii_strcasecmp (type, "text/plain") == 0))
    {
      utf8 = decode_with_http_charset (data, length, charset, &utf8_length);
      if (utf8 != NULL)
        {
          data = utf8;
          length = utf8_length;
        }
      if (is_html_type (type))
        return px_import_html (data, length, origin, error);
      return px_import_text (data, length, origin, error);
    }
  /* PDF, DOCX, ODT, or a server that does not say: by the bytes and the name */
  return px_import_bytes (body, origin, NULL, error);
}

PxDocument *
px_fetch_document (const char    *url,
                   guint          timeout_seconds,
                   GCancellable  *cancellable,
                   GError       **error)
{
  const Soup *api = soup ();
  g_autoptr(SoupSession) session = NULL;
  g_autofree char *current = NULL;
  gint64 deadline;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (api == NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "fetching “%s” needs libsoup (%s), which is not installed", url, PX_SOUP_SONAME);
      return NULL;
    }
  if (timeout_seconds == 0)
    timeout_seconds = PX_FETCH_TIMEOUT_SECONDS;
  deadline = g_get_monotonic_time () + (gint64)MAX (timeout_seconds, PX_FETCH_TOTAL_SECONDS) * G_USEC_PER_SEC;
  session = api->session_new_with_options ("timeout", timeout_seconds,
                                           "user-agent", "Parallax/" PACKAGE_VERSION " ",
                                           NULL);
  current = g_strdup (url);

  for (guint redirects = 0;; redirects++)
    {
      g_autoptr(SoupMessage) message = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GHashTable) params = NULL;
      SoupMessageHeaders *headers;
      const char *type;
      goffset declared;
      guint status;

      if (!px_fetch_is_url (current) || (message = api->message_new ("GET", current)) == NULL)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                       "“%s” is not a web address Parallax can fetch (http:// or https://)", current);
          return NULL;
        }
      api->message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
      stream = api->session_send (session, message, cancellable, &local_error);
      if (stream == NULL)
        {
          set_transport_error (error, current, local_error, timeout_seconds);
          return NULL;
        }
      status = api->message_get_status (message);
      headers = api->message_get_response_headers (message);

      if (SOUP_STATUS_IS_REDIRECTION (status) && status != 304)
        {
          const char *location = api->headers_get_one (headers, "Location");
          g_autoptr(GUri) next = NULL;

          g_input_stream_close (stream, NULL, NULL);
          if (location == NULL ||
              (next = g_uri_parse_relative (api->message_get_uri (message), location, SOUP_HTTP_URI_FLAGS, NULL)) == NULL)
            {
              g_set_error (error, PX_ERROR, PX_ERROR_READ,
                           "“%s” could not be fetched: the server redirected to no valid address", current);
              return NULL;
            }
          if (redirects + 1 > PX_FETCH_MAX_REDIRECTS)
            {
              g_set_error (error, PX_ERROR, PX_ERROR_READ,
                           "“%s” could not be fetched: more than %d redirects", url, PX_FETCH_MAX_REDIRECTS);
              return NULL;
            }
          g_free (current);
          current = g_uri_to_string (next);
          continue;
        }
      if (!SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          const char *reason = api->message_get_reason_phrase (message);

          g_set_error (error, PX_ERROR, PX_ERROR_READ,
                       "“%s” could not be fetched: the server answered %u %s; %s", current, status,
                       reason != NULL && *reason != '\0' ? reason : api->status_get_phrase (status),
                       status_advice (status));
          return NULL;
        }

      declared = api->headers_get_content_length (headers);
      if (api->headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
          declared > PX_IMPORT_MAX_BYTES)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_TOO_LARGE,
                       "“%s” is too large (%" G_GOFFSET_FORMAT " MB; the limit is %d MB); it was not fetched",
                       current, declared / (1024 * 1024), PX_IMPORT_MAX_BYTES / (1024 * 1024));
          return NULL;
        }
      body = read_body (stream, current, deadline, timeout_seconds, cancellable, error);
      if (body == NULL)
        return NULL;
      type = api->headers_get_content_type (headers, &params);
      return import_body (body, current, type, params != NULL ? g_hash_table_lookup (params, "charset") : NULL,
                          error);
    }
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FetchData *fetch = task_data;
  GError *error = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  PxDocument *document;

  /* the session's sources belong to this thread, not to the caller's loop */
  g_main_context_push_thread_default (context);
  document = px_fetch_document (fetch->url, fetch->timeout_seconds, cancellable, &error);
  g_main_context_pop_thread_default (context);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
px_fetch_document_async (const char          *url,
                         guint                timeout_seconds,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FetchData *fetch;

  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  fetch = g_new0 (FetchData, 1);
  fetch->url = g_strdup (url);
  fetch->timeout_seconds = timeout_seconds;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, px_fetch_document_async);
  g_task_set_task_data (task, fetch, fetch_data_free);
  g_task_run_in_thread (task, fetch_thread);
}

PxDocument *
px_fetch_document_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == px_fetch_document_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
