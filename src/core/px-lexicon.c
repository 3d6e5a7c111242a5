/* px-lexicon.c: looking a stem up in the engine's word table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "px-lexicon-data.h"

const PxLexiconEntry *
px_lexicon_find (const char *stem)
{
  unsigned int lo = 0, hi = px_lexicon_n_entries;

  while (lo < hi)
    {
      unsigned int mid = lo + (hi - lo) / 2;
      int cmp = strcmp (stem, px_lexicon_strings + px_lexicon_entries[mid].stem);

      if (cmp == 0)
        return &px_lexicon_entries[mid];
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}

int
px_lexicon_has_sense_of (const PxLexiconEntry *entry,
                         char                  pos)
{
  for (unsigned int k = 0; entry != NULL && k < entry->n_senses; k++)
    if ((char)(px_lexicon_senses[entry->first_sense + k] >> 24) == pos)
      return 1;
  return 0;
}
