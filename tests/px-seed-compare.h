/* px-seed-compare.h: the seed articles written in another format read the same
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the importers of issue 19: a test writes each seed (../shared/seeds, .txt)
 * as a DOCX, ODT or PDF, imports both, and compares the sentences (every
 * segment's text, as `parallax-cli segment` prints them).
 */
#pragma once

#include <string.h>

#include "parallax-core.h"

static inline int
px_test_compare_paths (gconstpointer a,
                       gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The seed files' paths, sorted; NULL when the folder is absent. */
static inline GPtrArray *
px_test_seed_paths (void)
{
  const char *dir = g_getenv ("PX_SEEDS_DIR");
  g_autoptr(GDir) gdir = NULL;
  GPtrArray *paths;
  const char *name;

  if (dir == NULL || (gdir = g_dir_open (dir, 0, NULL)) == NULL)
    return NULL;
  paths = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (gdir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, px_test_compare_paths);
  if (paths->len == 0)
    g_clear_pointer (&paths, g_ptr_array_unref);
  return paths;
}

/* A segment's text with each run of white space (no-break spaces too) as
 * one space: structured imports collapse white space as web pages do. */
static inline char *
px_test_collapse_space (const char *text,
                        gsize       length)
{
  GString *out = g_string_sized_new (length);
  gboolean space = FALSE;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isspace (ch) || ch == 0x00A0)
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}

static inline GHashTable *
px_test_segment_counts (PxDocument *document)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *text = px_document_get_text (document, NULL);

  for (guint i = 0; i < px_document_get_n_segments (document); i++)
    {
      const PxSegment *seg = px_document_get_segment (document, i);
      char *slice = px_test_collapse_space (text + seg->start, seg->end - seg->start);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, slice));

      g_hash_table_replace (counts, slice, GUINT_TO_POINTER (n + 1));
    }
  return counts;
}

/* The share of @reference's segments that @other has too, word for word
 * but for white space (as multisets), and the same the other way; the smaller of the two. */
static inline double
px_test_sentence_identity (PxDocument *reference,
                           PxDocument *other)
{
  g_autoptr(GHashTable) a = px_test_segment_counts (reference);
  g_autoptr(GHashTable) b = px_test_segment_counts (other);
  guint n_a = px_document_get_n_segments (reference);
  guint n_b = px_document_get_n_segments (other);
  guint shared = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint in_b = GPOINTER_TO_UINT (g_hash_table_lookup (b, key));

      if (in_b < GPOINTER_TO_UINT (value))
        g_test_message ("only in the reference (%u×): %s", GPOINTER_TO_UINT (value) - in_b, (const char *)key);
      shared += MIN (GPOINTER_TO_UINT (value), in_b);
    }
  g_hash_table_iter_init (&iter, b);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (g_hash_table_lookup (a, key)) < GPOINTER_TO_UINT (value))
      g_test_message ("only in the import: %s", (const char *)key);
  if (n_a == 0 || n_b == 0)
    return 0.0;
  return MIN ((double)shared / n_a, (double)shared / n_b);
}
