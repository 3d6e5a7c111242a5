/* px-test-compare.h: a comparison of texts a test writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "parallax-core.h"

/* The comparison of @n plain texts, each imported as a source. */
static inline PxComparison *
px_test_compare_texts (const char * const *texts,
                       guint               n)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  PxComparison *comparison;

  for (guint d = 0; d < n; d++)
    {
      PxDocument *document = px_import_text (texts[d], strlen (texts[d]), "text.txt", &error);

      g_assert_no_error (error);
      g_ptr_array_add (documents, document);
    }
  comparison = px_comparison_new (documents, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return comparison;
}
