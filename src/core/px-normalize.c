/* px-normalize.c: normal forms, stems and function words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-normalize"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "px-normalize.h"

/* English function words, written for this project. Sorted for bsearch. */
static const char * const stopwords[] = {
  "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
  "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
  "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
  "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
  "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
  "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of",
  "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over",
  "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
  "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
  "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
  "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
  "your", "yours", "yourself", "yourselves",
};

static GPrivate stemmer_key = G_PRIVATE_INIT ((GDestroyNotify)sb_stemmer_delete);

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

gboolean
px_is_stopword (const char *norm)
{
  g_return_val_if_fail (norm != NULL, FALSE);
  return bsearch (&norm, stopwords, G_N_ELEMENTS (stopwords), sizeof stopwords[0],
                  compare_strings) != NULL;
}

const char * const *
px_stopwords (guint *n_stopwords)
{
  *n_stopwords = G_N_ELEMENTS (stopwords);
  return stopwords;
}

/* Dashes, quotes and apostrophes of every kind map to one form each. */
static gunichar
unify_char (gunichar ch)
{
  switch (ch)
    {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case 0x0060:
    case 0x00B4:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
    case 0xFE63: case 0xFF0D:
      return '-';
    default:
      return ch;
    }
}

char *
px_normalize_word (const char *word,
                   gssize      length)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean ascii = TRUE;
  gsize len;

  g_return_val_if_fail (word != NULL, NULL);

  len = length < 0 ? strlen (word) : (gsize)length;
  for (gsize i = 0; i < len; i++)
    if ((guchar)word[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  out = g_string_sized_new (len);

  if (ascii)
    {
      /* Fast path: most news text is ASCII. */
      for (gsize i = 0; i < len; i++)
        {
          char c = word[i];

          if (c == '-' && out->len > 0 && i + 1 < len)
            continue;
          g_string_append_c (out, g_ascii_tolower (c));
        }
      return g_string_free (out, FALSE);
    }

  nfkc = g_utf8_normalize (word, len, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    {
      g_string_free (out, TRUE);
      return g_strndup (word, len);
    }
  folded = g_utf8_casefold (nfkc, -1);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = unify_char (g_utf8_get_char (p));

      /* "multi-vector" and "multivector" are one word. */
      if (ch == '-' && out->len > 0 && *g_utf8_next_char (p) != '\0')
        continue;
      g_string_append_unichar (out, ch);
    }

  return g_string_free (out, FALSE);
}

/* Stems each thread made, by word: the stemmer costs far more than a
 * lookup, and the sources of one comparison share most of their words.
 * The words and stems live in one string chunk, not two allocations
 * each; all emptied when the cache grows past STEM_CACHE_SIZE words. */
#define STEM_CACHE_SIZE 50000

typedef struct
{
  GHashTable   *stems;  /* word → stem, both in strings */
  GStringChunk *strings;
} StemCache;

static void
stem_cache_free (StemCache *cache)
{
  g_hash_table_unref (cache->stems);
  g_string_chunk_free (cache->strings);
  g_free (cache);
}

static GPrivate stem_cache_key = G_PRIVATE_INIT ((GDestroyNotify)stem_cache_free);

char *
px_stem_word (const char *norm,
              gssize      length)
{
  struct sb_stemmer *stemmer;
  const sb_symbol *stem;
  StemCache *cache;
  g_autofree char *word = NULL;
  char *result;
  const char *cached;
  gsize len;

  g_return_val_if_fail (norm != NULL, NULL);

  len = length < 0 ? strlen (norm) : (gsize)length;
  word = g_strndup (norm, len);

  cache = g_private_get (&stem_cache_key);
  if (cache == NULL)
    {
      cache = g_new0 (StemCache, 1);
      cache->stems = g_hash_table_new (g_str_hash, g_str_equal);
      cache->strings = g_string_chunk_new (16384);
      g_private_set (&stem_cache_key, cache);
    }
  cached = g_hash_table_lookup (cache->stems, word);
  if (cached != NULL)
    return g_strdup (cached);

  stemmer = g_private_get (&stemmer_key);
  if (stemmer == NULL)
    {
      stemmer = sb_stemmer_new ("english", NULL);
      g_private_set (&stemmer_key, stemmer);
    }
  stem = stemmer != NULL ? sb_stemmer_stem (stemmer, (const sb_symbol *)word, (int)len) : NULL;
  result = stem != NULL ? g_strndup ((const char *)stem, sb_stemmer_length (stemmer)) : g_strdup (word);

  if (g_hash_table_size (cache->stems) >= STEM_CACHE_SIZE)
    {
      g_hash_table_remove_all (cache->stems);
      g_string_chunk_clear (cache->strings);
    }
  g_hash_table_insert (cache->stems, g_string_chunk_insert (cache->strings, word),
                       g_string_chunk_insert (cache->strings, result));
  return result;
}

/* Edit distance of two short words, up to @limit (returns limit + 1 when over). */
guint
px_edit_distance (const char *a,
                  const char *b,
                  guint       limit)
{
  guint la = strlen (a), lb = strlen (b);
  guint row[33];

  if (la > 32 || lb > 32 || (la > lb ? la - lb : lb - la) > limit)
    return limit + 1;
  for (guint j = 0; j <= lb; j++)
    row[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      guint prev = row[0], best;

      row[0] = i;
      best = row[0];
      for (guint j = 1; j <= lb; j++)
        {
          guint cur = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), prev + (a[i - 1] != b[j - 1]));
          prev = cur;
          best = MIN (best, row[j]);
        }
      if (best > limit)
        return limit + 1;
    }
  return row[lb];
}
