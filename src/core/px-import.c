/* px-import.c (scaffolding; the text-model work replaces it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-import"

#include "config.h"

#include <string.h>

#include "px-document-private.h"
#include "px-error.h"
#include "px-import.h"

char *
px_decode_text (const char  *data,
                gsize        length,
                const char  *origin,
                const char **encoding,
                gsize       *out_length,
                GError     **error)
{
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_ENCODING, "“%s” is not UTF-8 text", origin);
      return NULL;
    }
  *encoding = "UTF-8";
  *out_length = length;
  return g_strndup (data, length);
}

PxDocument *
px_import_text (const char  *data,
                gsize        length,
                const char  *origin,
                GError     **error)
{
  g_autoptr(PxDocumentBuilder) builder = NULL;
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  gsize text_length = 0;

  text = px_decode_text (data, length, origin, &encoding, &text_length, error);
  if (text == NULL)
    return NULL;

  builder = px_document_builder_new ();
  px_document_builder_set_meta (builder, PX_META_ORIGIN, origin);
  px_document_builder_set_meta (builder, PX_META_ENCODING, encoding);
  px_document_builder_set_meta (builder, PX_META_FORMAT, "text");
  px_document_builder_set_plain_text (builder, text, text_length);
  return px_document_builder_end (g_steal_pointer (&builder));
}

PxDocument *
px_import_bytes (GBytes       *bytes,
                 const char   *origin,
                 GCancellable *cancellable,
                 GError      **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_EMPTY, "“%s” is empty", origin);
      return NULL;
    }
  return px_import_text (data, length, origin, error);
}

PxDocument *
px_import_file (GFile        *file,
                GCancellable *cancellable,
                GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *origin = g_file_get_path (file);

  if (origin == NULL)
    origin = g_file_get_uri (file);
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
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
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

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
  return g_task_propagate_pointer (G_TASK (result), error);
}
