/* fuzz-facts.c: fact extraction on a bare text, and the formatting of
 * every value found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "px-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  gsize length = 0;
  g_autofree char *text = px_fuzz_dup_text (data, size, &length);
  g_autoptr(GPtrArray) facts = px_facts_extract_text (text, length, "2022-11-20", NULL);

  for (guint i = 0; i < facts->len; i++)
    {
      const PxFact *fact = g_ptr_array_index (facts, i);
      g_autofree char *value = px_fact_format_value (fact);

      g_assert (fact->start <= fact->end && fact->end <= length);
      g_assert (value == NULL || g_utf8_validate (value, -1, NULL));
    }
  return 0;
}
