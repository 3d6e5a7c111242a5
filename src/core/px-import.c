/* px-import.c: bytes → documents (plain text; web pages go to px-html.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "px-decode.h"
#include "px-document-private.h"
#include "px-error.h"
#include "px-html.h"
#include "px-import.h"
#include "px-import-office-private.h"
#include "px-import-pdf-private.h"
#include "px-segment.h"
#include "px-zip-private.h"

/* How much of a file is looked at to tell HTML from text. */
#define SNIFF_BYTES 4096

static gboolean
has_html_name (const char *origin)
{
  g_autofree char *lower = origin != NULL ? g_ascii_strdown (origin, -1) : NULL;

  return lower != NULL &&
         (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm") ||
          g_str_has_suffix (lower, ".xhtml"));
}

static gboolean
looks_like_html (const char *data,
                 gsize       length)
{
  gsize n = MIN (length, SNIFF_BYTES);
  g_autofree char *head = NULL;
  const char *p;

  /* Skip a UTF-8 BOM and leading white space. */
  if (n >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      n -= 3;
    }
  head = g_ascii_strdown (data, n);
  p = head;
  while (*p != '\0' && g_ascii_isspace (*p))
    p++;
  if (g_str_has_prefix (p, "<!doctype html") || g_str_has_prefix (p, "<html") ||
      g_str_has_prefix (p, "<head") || g_str_has_prefix (p, "<body"))
    return TRUE;
  if (g_str_has_prefix (p, "<?xml") || g_str_has_prefix (p, "<!--"))
    return strstr (p, "<html") != NULL;
  return FALSE;
}

/* A date near the start of the text: "date 2022-11-20", a dateline such as
 * "Brussels 20.11.2022" or "MARLOW, March 13, 2023". */
static char *
find_leading_date (const char *text,
                   gsize       length)
{
  g_autofree char *head = g_strndup (text, MIN (length, 200));
  char *cut = head;

  /* The first three lines at most (title, blank, dateline): a date deeper
   * in the text is not the document's. */
  for (guint lines = 0; cut != NULL && lines < 3; lines++)
    if ((cut = strchr (cut, '\n')) != NULL)
      cut++;
  if (cut != NULL)
    *cut = '\0';
  return px_segment_parse_date (head);
}

/* Reading files: one bounded reader for every input (sources and
 * sessions). A file's reported size is a hint, not a bound (0 for /proc
 * files, pipes and devices): at most max_bytes + 1 bytes are ever read, in
 * chunks. Pipes are read as they come (`parallax-cli compare <(command)`);
 * a named pipe that no program opens for writing within a few seconds is
 * refused rather than waited on for ever; devices and sockets are refused
 * as not files. */

#define READ_CHUNK_BYTES (256 * 1024)
/* How long a named pipe with no writer is waited on before it is refused. */
#define PIPE_WRITER_WAIT_MS 5000

typedef struct
{
  char  *data;
  gsize  length;
  gsize  capacity;
  gsize  limit;   /* max_bytes + 1: one byte past the limit tells "over" */
} BoundedBuffer;

static void
bounded_buffer_init (BoundedBuffer *buffer,
                     goffset        max_bytes,
                     goffset        size_hint)
{
  buffer->limit = (gsize)max_bytes + 1;
  buffer->capacity = size_hint > 0 ? MIN ((gsize)size_hint + 1, buffer->limit)
                                   : MIN ((gsize)READ_CHUNK_BYTES, buffer->limit);
  buffer->data = g_malloc (buffer->capacity);
  buffer->length = 0;
}

/* Where the next read goes and how much it may take; 0 when the buffer
 * holds max_bytes + 1 bytes already. */
static gsize
bounded_buffer_room (BoundedBuffer *buffer)
{
  if (buffer->length == buffer->capacity && buffer->capacity < buffer->limit)
    {
      buffer->capacity = MIN (MAX (buffer->capacity * 2, (gsize)READ_CHUNK_BYTES), buffer->limit);
      buffer->data = g_realloc (buffer->data, buffer->capacity);
    }
  return MIN (buffer->capacity - buffer->length, (gsize)READ_CHUNK_BYTES);
}

static void
set_too_large_error (GError     **error,
                     const char  *name,
                     goffset      size,
                     goffset      max_bytes)
{
  if (size > 0)
    g_set_error (error, PX_ERROR, PX_ERROR_TOO_LARGE,
                 "“%s” is too large (%" G_GOFFSET_FORMAT " MB; the limit is %" G_GOFFSET_FORMAT " MB)",
                 name, size / (1024 * 1024), max_bytes / (1024 * 1024));
  else
    g_set_error (error, PX_ERROR, PX_ERROR_TOO_LARGE,
                 "“%s” is too large (more than %" G_GOFFSET_FORMAT " MB, the limit)",
                 name, max_bytes / (1024 * 1024));
}

/* The bytes read, or NULL with an error when they are more than the limit. */
static GBytes *
bounded_buffer_end (BoundedBuffer  *buffer,
                    const char     *name,
                    GError        **error)
{
  if (buffer->length == buffer->limit)
    {
      g_clear_pointer (&buffer->data, g_free);
      set_too_large_error (error, name, 0, (goffset)buffer->limit - 1);
      return NULL;
    }
  if (buffer->capacity > buffer->length + READ_CHUNK_BYTES)
    buffer->data = g_realloc (buffer->data, MAX (buffer->length, 1));
  return g_bytes_new_take (g_steal_pointer (&buffer->data), buffer->length);
}

static void
set_read_error (GError     **error,
                const char  *name,
                const char  *reason)
{
  g_set_error (error, PX_ERROR, PX_ERROR_READ, "“%s” could not be read: %s", name, reason);
}

/* Waits until the pipe FD has bytes or a writer leaves, at most
 * @timeout_ms (-1: no limit); FALSE with an error when @cancellable fires
 * first or the poll fails, and *timed_out set when the time ran out. */
static gboolean
wait_for_pipe (int            fd,
               int            timeout_ms,
               gboolean      *timed_out,
               const char    *name,
               GCancellable  *cancellable,
               GError       **error)
{
  GPollFD fds[2] = { { fd, G_IO_IN | G_IO_HUP | G_IO_ERR, 0 }, { -1, 0, 0 } };
  guint n_fds = g_cancellable_make_pollfd (cancellable, &fds[1]) ? 2 : 1;
  gint64 deadline = g_get_monotonic_time () + (gint64)timeout_ms * 1000;
  int result;
  int errsv;

  do
    {
      int wait_ms = timeout_ms < 0 ? -1 : (int)MAX (0, (deadline - g_get_monotonic_time ()) / 1000);

      result = g_poll (fds, n_fds, wait_ms);
      errsv = errno;
    }
  while (result < 0 && errsv == EINTR);
  if (n_fds == 2)
    g_cancellable_release_fd (cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (result < 0)
    {
      set_read_error (error, name, g_strerror (errsv));
      return FALSE;
    }
  *timed_out = result == 0;
  return TRUE;
}

static GBytes *
read_local_file (const char    *path,
                 const char    *name,
                 goffset        max_bytes,
                 GCancellable  *cancellable,
                 GError       **error)
{
  BoundedBuffer buffer = { 0 };
  GStatBuf st;
  gboolean is_pipe;
  int fd;

  /* Looked at before opening: opening a device can do things (a tape
   * rewinds, a terminal becomes ours). */
  if (g_stat (path, &st) != 0)
    {
      int errsv = errno;

      set_read_error (error, name, g_strerror (errsv));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_READ, "“%s” is a folder, not a file", name);
      return NULL;
    }
  if (!S_ISREG (st.st_mode) && !S_ISFIFO (st.st_mode))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_READ,
                   "“%s” is a device or socket, not a file; save its contents to a file and open that", name);
      return NULL;
    }
  if (S_ISREG (st.st_mode) && st.st_size > max_bytes)
    {
      set_too_large_error (error, name, st.st_size, max_bytes);
      return NULL;
    }

  /* Non-blocking, so that a named pipe with no writer cannot hold the open. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int errsv = errno;

      set_read_error (error, name, g_strerror (errsv));
      return NULL;
    }
  /* What was opened may not be what was looked at. */
  if (fstat (fd, &st) != 0 || !(S_ISREG (st.st_mode) || S_ISFIFO (st.st_mode)))
    {
      g_close (fd, NULL);
      g_set_error (error, PX_ERROR, PX_ERROR_READ, "“%s” changed while it was opened; try again", name);
      return NULL;
    }
  is_pipe = S_ISFIFO (st.st_mode);
  /* A regular file is read as usual (some file systems would take the flag
   * at its word). */
  if (!is_pipe)
    {
      int flags = fcntl (fd, F_GETFL);

      if (flags >= 0)
        fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);
    }

  bounded_buffer_init (&buffer, max_bytes, is_pipe ? 0 : MIN (st.st_size, max_bytes));
  for (gboolean had_writer = !is_pipe;;)
    {
      gsize room = bounded_buffer_room (&buffer);
      gboolean timed_out = FALSE;
      gssize n;
      int errsv;

      if (room == 0)
        break;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;
      n = read (fd, buffer.data + buffer.length, room);
      errsv = errno;
      if (n > 0)
        {
          buffer.length += n;
          had_writer = TRUE;
          continue;
        }
      if (n < 0 && errsv == EINTR)
        continue;
      if (n < 0 && errsv == EAGAIN && is_pipe)
        {
          /* A writer is there and has not written yet. */
          had_writer = TRUE;
          if (!wait_for_pipe (fd, -1, &timed_out, name, cancellable, error))
            goto failed;
          continue;
        }
      if (n < 0)
        {
          set_read_error (error, name, g_strerror (errsv));
          goto failed;
        }
      if (had_writer)
        break;

      /* A named pipe no program has open for writing: a writer may be on
       * its way (started just after us), so wait for one a little. */
      if (!wait_for_pipe (fd, PIPE_WRITER_WAIT_MS, &timed_out, name, cancellable, error))
        goto failed;
      if (timed_out)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_READ,
                       "“%s” is a pipe that no program wrote to within %d seconds",
                       name, PIPE_WRITER_WAIT_MS / 1000);
          goto failed;
        }
      had_writer = TRUE;
    }
  g_close (fd, NULL);
  return bounded_buffer_end (&buffer, name, error);

failed:
  g_close (fd, NULL);
  g_free (buffer.data);
  return NULL;
}

/* A file without a local path (a URI GIO reads for us). */
static GBytes *
read_stream_file (GFile         *file,
                  const char    *name,
                  goffset        max_bytes,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  BoundedBuffer buffer = { 0 };

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    goto failed;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_READ, "“%s” is a folder, not a file", name);
      return NULL;
    }
  if (g_file_info_get_size (info) > max_bytes)
    {
      set_too_large_error (error, name, g_file_info_get_size (info), max_bytes);
      return NULL;
    }
  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    goto failed;

  bounded_buffer_init (&buffer, max_bytes, g_file_info_get_size (info));
  for (;;)
    {
      gsize room = bounded_buffer_room (&buffer);
      gssize n;

      if (room == 0)
        break;
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer.data + buffer.length, room,
                               cancellable, &local_error);
      if (n < 0)
        {
          g_clear_pointer (&buffer.data, g_free);
          goto failed;
        }
      if (n == 0)
        break;
      buffer.length += n;
    }
  return bounded_buffer_end (&buffer, name, error);

failed:
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    set_read_error (error, name, local_error->message);
  return NULL;
}

/* @owned, when given, holds the bytes @data points into and is let go once
 * they are decoded: the file's bytes, the decoded text and the builder's
 * copy of it are not all held while the text is segmented. */
static PxDocument *
import_text (const char  *data,
             gsize        length,
             GBytes     **owned,
             const char  *origin,
             GError     **error)
{
  g_autoptr(PxDocumentBuilder) builder = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *warning = NULL;
  const char *encoding = NULL;
  gsize text_length = 0;
  const char *p;

  text = px_decode_text (data, length, origin, &encoding, &text_length, &warning, error);
  if (owned != NULL)
    g_clear_pointer (owned, g_bytes_unref);
  if (text == NULL)
    return NULL;

  for (p = text; *p != '\0' && g_ascii_isspace (*p); p++)
    ;
  if (*p == '\0')
    {
      g_autofree char *name = px_import_display_name (origin);

      g_set_error (error, PX_ERROR, PX_ERROR_EMPTY, "“%s” holds no text", name);
      return NULL;
    }

  date = find_leading_date (p, text_length - (p - text));

  builder = px_document_builder_new ();
  px_document_builder_set_meta (builder, PX_META_ORIGIN, origin);
  px_document_builder_set_meta (builder, PX_META_ENCODING, encoding);
  px_document_builder_set_meta (builder, PX_META_FORMAT, "text");
  px_document_builder_set_meta (builder, PX_META_DATE, date);
  if (warning != NULL)
    px_document_builder_add_warning (builder, warning);
  px_document_builder_take_plain_text (builder, g_steal_pointer (&text), text_length);
  return px_document_builder_end (g_steal_pointer (&builder));
}

/* Takes *bytes (a reference of the caller's, cleared here). */
static PxDocument *
import_bytes (GBytes       **bytes,
              const char    *origin,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *name = px_import_display_name (origin);
  g_autoptr(GBytes) held = *bytes;
  const char *data;
  gsize length;

  *bytes = NULL;
  data = g_bytes_get_data (held, &length);
  if (!px_import_check_length (name, length, error))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* Containers and binary formats, by their magic bytes (importers of their own). */
  if (px_zip_sniff (data, length))
    return px_import_office (data, length, origin, error);
  if (px_pdf_sniff (data, length))
    return px_import_pdf (data, length, origin, error);

  if (looks_like_html (data, length) || (has_html_name (origin) && !px_decode_looks_binary (data, length)))
    return px_import_html (data, length, origin, error);
  return import_text (data, length, &held, origin, error);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  PxDocument *document = px_import_file (task_data, cancellable, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

PxDocument *
px_import_text (const char  *data,
                gsize        length,
                const char  *origin,
                GError     **error)
{
  return import_text (data, length, NULL, origin, error);
}

PxDocument *
px_import_bytes (GBytes        *bytes,
                 const char    *origin,
                 GCancellable  *cancellable,
                 GError       **error)
{
  GBytes *ref;

  g_return_val_if_fail (bytes != NULL, NULL);

  ref = g_bytes_ref (bytes);
  return import_bytes (&ref, origin, cancellable, error);
}

GBytes *
px_read_file (GFile         *file,
              goffset        max_bytes,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (max_bytes > 0 && (guint64)max_bytes < G_MAXSIZE, NULL);

  path = g_file_get_path (file);
  origin = path != NULL ? g_strdup (path) : g_file_get_uri (file);
  name = px_import_display_name (origin);

  if (path != NULL)
    return read_local_file (path, name, max_bytes, cancellable, error);
  return read_stream_file (file, name, max_bytes, cancellable, error);
}

PxDocument *
px_import_file (GFile         *file,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GBytes) bytes = px_read_file (file, PX_IMPORT_MAX_BYTES, cancellable, error);
  g_autofree char *origin = NULL;

  if (bytes == NULL)
    return NULL;
  origin = g_file_get_path (file);
  if (origin == NULL)
    origin = g_file_get_uri (file);
  /* The file's bytes go once decoded (import_text). */
  return import_bytes (&bytes, origin, cancellable, error);
}

void
px_import_file_async (GFile               *file,
                      int                  io_priority,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, px_import_file_async);
  g_task_set_priority (task, io_priority);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

PxDocument *
px_import_file_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == px_import_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
