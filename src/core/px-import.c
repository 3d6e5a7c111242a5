/* px-import.c: bytes → documents (plain text; web pages go to px-html.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

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

PxDocument *
px_import_text (const char  *data,
                gsize        length,
                const char  *origin,
                GError     **error)
{
  g_autoptr(PxDocumentBuilder) builder = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  const char *encoding = NULL;
  gsize text_length = 0;
  const char *p;

  text = px_decode_text (data, length, origin, &encoding, &text_length, error);
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
  px_document_builder_set_plain_text (builder, text, text_length);
  return px_document_builder_end (g_steal_pointer (&builder));
}

PxDocument *
px_import_bytes (GBytes        *bytes,
                 const char    *origin,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *name = px_import_display_name (origin);
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
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
  return px_import_text (data, length, origin, error);
}

GBytes *
px_read_file (GFile         *file,
              goffset        max_bytes,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  origin = g_file_get_path (file);
  if (origin == NULL)
    origin = g_file_get_uri (file);
  name = px_import_display_name (origin);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_READ, "“%s” could not be read: %s", name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_READ, "“%s” is a folder, not a file", name);
      return NULL;
    }
  if (g_file_info_get_size (info) > max_bytes)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_TOO_LARGE,
                   "“%s” is too large (%" G_GOFFSET_FORMAT " MB; the limit is %" G_GOFFSET_FORMAT " MB)",
                   name, g_file_info_get_size (info) / (1024 * 1024), max_bytes / (1024 * 1024));
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, PX_ERROR, PX_ERROR_READ, "“%s” could not be read: %s", name, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&bytes);
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
  return px_import_bytes (bytes, origin, cancellable, error);
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
