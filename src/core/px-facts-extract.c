/* px-facts-extract.c: finding facts in text (being written; see issue 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-facts"

#include "config.h"

#include "px-facts.h"

GPtrArray *
px_facts_extract_text (const char   *text,
                       gsize         length,
                       const char   *reference_date,
                       GCancellable *cancellable)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)px_fact_unref);
}

GPtrArray *
px_facts_extract (PxDocument   *document,
                  GCancellable *cancellable)
{
  gsize length;
  const char *text = px_document_get_text (document, &length);

  return px_facts_extract_text (text, length, px_document_get_date (document), cancellable);
}

char *
px_fact_format_value (const PxFact *fact)
{
  return g_strdup (fact->text);
}

GPtrArray *
px_fact_groups_build (GPtrArray *documents,
                      GPtrArray *facts,
                      GPtrArray *links)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)px_fact_group_free);
}
