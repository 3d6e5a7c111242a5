/* px-cli-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <stdio.h>
#include <unistd.h>

#include "px-cli.h"

void
px_cli_print_error (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "parallax-cli: %s\n", message);
}

PxDocument *
px_cli_import (const char  *arg,
               GError     **error)
{
  g_autoptr(GFile) file = NULL;

  /* the only network access: an address the user typed */
  if (px_fetch_is_url (arg))
    return px_fetch_document (arg, 0, NULL, error);
  file = g_file_new_for_commandline_arg (arg);
  return px_import_file (file, NULL, error);
}

void
px_cli_print_warnings (PxDocument *document,
                       const char *path)
{
  g_autofree char *name = px_import_display_name (path);

  /* With the file's name, as errors are: the import's own warnings do not
   * repeat it. */
  for (const char * const *warning = px_document_get_warnings (document); *warning != NULL; warning++)
    px_cli_print_error ("“%s”: %s", name, *warning);
}

GPtrArray *
px_cli_import_files (char  **paths,
                     guint  *n_failed)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_object_unref);

  *n_failed = 0;
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      PxDocument *document = px_cli_import (paths[i], &error);

      if (document == NULL)
        {
          px_cli_print_error ("%s", error->message);
          (*n_failed)++;
          continue;
        }
      px_cli_print_warnings (document, paths[i]);
      g_ptr_array_add (documents, document);
    }
  return documents;
}

gboolean
px_cli_spill_output (const char  *path,
                     GString     *out,
                     GError     **error)
{
  if ((path != NULL && g_strcmp0 (path, "-") != 0) || out->len < 64 * 1024)
    return TRUE;
  if (!px_cli_write_output (NULL, out->str, out->len, error))
    return FALSE;
  g_string_truncate (out, 0);
  return TRUE;
}

gboolean
px_cli_write_output (const char  *path,
                     const char  *data,
                     gsize        length,
                     GError     **error)
{
  if (path == NULL || g_strcmp0 (path, "-") == 0)
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write to standard output");
          return FALSE;
        }
      return TRUE;
    }

  /* a temporary file renamed over the target (synced first only when it
   * replaces an existing file), as g_file_set_contents() does */
  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                   0644, error);
}

guint64
px_cli_peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  /* the high-water mark of this program's own memory, which getrusage()
   * would mix with the parent's when it was forked from a big process */
  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + 6, NULL, 10) : 0;
}
