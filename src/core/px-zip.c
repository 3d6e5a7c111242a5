/* px-zip.c: the parts of a zip container (libarchive), read within bounds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Office documents are zip files of XML parts. Only the few parts an
 * importer asks for are inflated, and the output is counted as it is
 * written: the archive's own size fields are not trusted.
 */
#define G_LOG_DOMAIN "px-zip"

#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "px-decode.h"
#include "px-error.h"
#include "px-zip-private.h"

#define READ_CHUNK (16 * 1024)


static gboolean
is_wanted (const char         *path,
           const char * const *wanted)
{
  for (guint i = 0; wanted[i] != NULL; i++)
    if (strcmp (path, wanted[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The most the parts of an archive of @length bytes may hold together. */
static guint64
output_budget (gsize length)
{
  guint64 by_ratio = MAX ((guint64)length * PX_ZIP_MAX_RATIO, (guint64)PX_ZIP_RATIO_FREE_BYTES);

  return MIN (by_ratio, (guint64)PX_IMPORT_MAX_BYTES);
}

static void
set_bomb_error (GError     **error,
                const char  *name,
                const char  *path)
{
  g_set_error (error, PX_ERROR, PX_ERROR_HOSTILE,
               "“%s” expands to too much text (its part “%s” passes %d MB, or %d times the file's size); "
               "it was not opened",
               name, path, PX_IMPORT_MAX_BYTES / (1024 * 1024), PX_ZIP_MAX_RATIO);
}

gboolean
px_zip_sniff (const char *data,
              gsize       length)
{
  return length >= 4 && data[0] == 'P' && data[1] == 'K' &&
         ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6));
}

GHashTable *
px_zip_read_parts (const char          *data,
                   gsize                length,
                   const char * const  *wanted,
                   const char          *name,
                   GError             **error)
{
  g_autoptr(GHashTable) parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
  struct archive *ar = archive_read_new ();
  struct archive_entry *entry;
  guint64 budget = output_budget (length);
  guint64 written = 0;
  guint n_entries = 0;
  int status;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (wanted != NULL, NULL);

  /* The seekable reader goes by the central directory, as office suites
   * do; the streaming one would miss sizes kept in data descriptors. */
  archive_read_support_format_zip_seekable (ar);
  if (archive_read_open_memory (ar, data, length) != ARCHIVE_OK)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "“%s” is not a readable zip archive (%s); it may be damaged",
                   name, archive_error_string (ar) != NULL ? archive_error_string (ar) : "no directory");
      archive_read_free (ar);
      return NULL;
    }

  while ((status = archive_read_next_header (ar, &entry)) == ARCHIVE_OK ||
         status == ARCHIVE_WARN)
    {
      const char *path = archive_entry_pathname (entry);
      g_autoptr(GByteArray) out = NULL;

      if (++n_entries > PX_ZIP_MAX_ENTRIES)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_HOSTILE,
                       "“%s” holds more than %d parts; it was not opened", name, PX_ZIP_MAX_ENTRIES);
          archive_read_free (ar);
          return NULL;
        }
      if (path == NULL || !is_wanted (path, wanted) || g_hash_table_contains (parts, path))
        continue;
      if (archive_entry_is_encrypted (entry))
        {
          g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                       "“%s” is encrypted (password-protected); it was not opened", name);
          archive_read_free (ar);
          return NULL;
        }
      if (archive_entry_size_is_set (entry) &&
          (guint64)archive_entry_size (entry) > budget - written)
        {
          set_bomb_error (error, name, path);
          archive_read_free (ar);
          return NULL;
        }

      out = g_byte_array_new ();
      for (;;)
        {
          guint8 buffer[READ_CHUNK];
          la_ssize_t n = archive_read_data (ar, buffer, sizeof buffer);

          if (n == 0)
            break;
          if (n < 0)
            {
              g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                           "“%s” is damaged: its part “%s” could not be read (%s)",
                           name, path, archive_error_string (ar) != NULL ? archive_error_string (ar) : "bad data");
              archive_read_free (ar);
              return NULL;
            }
          if ((guint64)n > budget - written)
            {
              set_bomb_error (error, name, path);
              archive_read_free (ar);
              return NULL;
            }
          written += n;
          g_byte_array_append (out, buffer, n);
        }
      g_hash_table_insert (parts, g_strdup (path), g_byte_array_free_to_bytes (g_steal_pointer (&out)));
    }

  if (status != ARCHIVE_EOF)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "“%s” is a damaged zip archive (%s)",
                   name, archive_error_string (ar) != NULL ? archive_error_string (ar) : "bad entry");
      archive_read_free (ar);
      return NULL;
    }
  archive_read_free (ar);
  return g_steal_pointer (&parts);
}
