/* px-normalize.c (scaffolding; the text-model work replaces it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-normalize"

#include "config.h"

#include <string.h>

#include "px-normalize.h"

char *
px_normalize_word (const char *word,
                   gssize      length)
{
  g_autofree char *folded = g_utf8_casefold (word, length);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
}

char *
px_stem_word (const char *norm,
              gssize      length)
{
  return length < 0 ? g_strdup (norm) : g_strndup (norm, length);
}

gboolean
px_is_stopword (const char *norm)
{
  return FALSE;
}
