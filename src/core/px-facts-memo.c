/* px-facts-memo.c: what the fact extractor learns of a word, once per text
 *
 * The patterns ask the same questions of the same words many times (its
 * stem, whether it is a common word); the answers depend on the word's
 * bytes only, so each distinct word of a text is normalized and stemmed at
 * most once per thread: a thread keeps what it learnt of a word for
 * the next texts (WordInfo), up to MAX_CACHED_WORDS words. Within a text,
 * words are found by the hash the tokenizer keeps and compared byte for
 * byte (WordMemo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-facts"

#include "config.h"

#include <string.h>

#include "px-facts-scan-private.h"
#include "px-normalize.h"

#define MAX_CACHED_WORDS 32768

/* A word a thread knows, with its bytes. */
typedef struct
{
  WordInfo info;
  guint    hash;    /* px_lex_hash() */
  guint    length;
  char     word[];
} CachedWord;

/* The words a thread knows: open addressing by hash, grown at half full. */
typedef struct
{
  CachedWord **slots;
  guint        mask;
  guint        count;
} WordCache;

static void
word_cache_clear (WordCache *cache)
{
  for (guint k = 0; cache->slots != NULL && k <= cache->mask; k++)
    if (cache->slots[k] != NULL)
      {
        g_free (cache->slots[k]->info.stem);
        g_free (cache->slots[k]->info.measure_stem);
        g_free (cache->slots[k]);
      }
  g_clear_pointer (&cache->slots, g_free);
  cache->count = 0;
}

static void
word_cache_free (gpointer data)
{
  word_cache_clear (data);
  g_free (data);
}

static GPrivate word_cache_key = G_PRIVATE_INIT (word_cache_free);

static CachedWord **
cache_slot (CachedWord **slots,
            guint        mask,
            const char  *word,
            gsize        length,
            guint        hash)
{
  for (guint k = hash & mask;; k = (k + 1) & mask)
    if (slots[k] == NULL ||
        (slots[k]->hash == hash && slots[k]->length == length && memcmp (slots[k]->word, word, length) == 0))
      return &slots[k];
}

static void
word_cache_grow (WordCache *cache)
{
  guint mask = cache->slots == NULL ? 1023 : 2 * (cache->mask + 1) - 1;
  CachedWord **slots = g_new0 (CachedWord *, mask + 1);

  for (guint k = 0; cache->slots != NULL && k <= cache->mask; k++)
    {
      CachedWord *c = cache->slots[k];

      if (c != NULL)
        *cache_slot (slots, mask, c->word, c->length, c->hash) = c;
    }
  g_free (cache->slots);
  cache->slots = slots;
  cache->mask = mask;
}

/* What this thread knows of @word (of hash @hash), made on first use. */
static WordInfo *
cached_info (const char *word,
             gsize       length,
             guint       hash)
{
  WordCache *cache = g_private_get (&word_cache_key);
  CachedWord **slot;

  if (cache == NULL)
    {
      cache = g_new0 (WordCache, 1);
      g_private_set (&word_cache_key, cache);
    }
  if (cache->slots == NULL || 2 * (cache->count + 1) > cache->mask + 1)
    word_cache_grow (cache);
  slot = cache_slot (cache->slots, cache->mask, word, length, hash);
  if (*slot == NULL)
    {
      *slot = g_malloc0 (sizeof (CachedWord) + length);
      (*slot)->hash = hash;
      (*slot)->length = length;
      memcpy ((*slot)->word, word, length);
      cache->count++;
    }
  return &(*slot)->info;
}

/* Doubles the slots (and the room for memos: at most half as many as
 * slots, so that a probe always ends). */
static void
memo_grow (Scan *s)
{
  guint size = s->memo_slots == NULL ? 256 : 2 * (s->memo_mask + 1);
  guint *slots = g_new0 (guint, size);

  for (guint k = 0; k < s->memo_len; k++)
    {
      guint i = TOK (s, s->memo_v[k].tok)->hash & (size - 1);

      while (slots[i] != 0)
        i = (i + 1) & (size - 1);
      slots[i] = k + 1;
    }
  g_free (s->memo_slots);
  s->memo_slots = slots;
  s->memo_mask = size - 1;
  s->memo_v = g_renew (WordMemo, s->memo_v, size / 2);
}

/* The memo of the word token @i, made on first use. Valid until the next
 * call. */
WordMemo *
word_memo (Scan *s,
           int   i)
{
  const Tok *t = TOK (s, i);
  gsize n = tok_len (t);

  g_assert (t->type == TOK_WORD);
  if (s->memo_slots == NULL || 2 * (s->memo_len + 1) > s->memo_mask + 1)
    memo_grow (s);
  for (guint k = t->hash & s->memo_mask;; k = (k + 1) & s->memo_mask)
    {
      WordMemo *m;
      const Tok *w;

      if (s->memo_slots[k] == 0)
        {
          m = &s->memo_v[s->memo_len++];
          *m = (WordMemo) { .tok = i };
          s->memo_slots[k] = s->memo_len;
          return m;
        }
      m = &s->memo_v[s->memo_slots[k] - 1];
      w = TOK (s, m->tok);
      if (w->hash == t->hash && tok_len (w) == n && memcmp (s->text + w->start, s->text + t->start, n) == 0)
        return m;
    }
}

/* px_normalize_word () of the word token @i: for a word of ASCII and
 * Latin-1 letters its lowercase, written into @buf; else newly allocated
 * into *heap. A word token holds no hyphen; NFKC leaves À–ÿ as they are,
 * and case folding lowers À–Þ by 0x20 (× is no letter; ß folds to "ss",
 * and ª, µ, º change under NFKC: those go to px_normalize_word ()). */
static const char *
normalized (Scan  *s,
            int    i,
            char  *buf,
            gsize  size,
            char **heap)
{
  const Tok *t = TOK (s, i);
  const guchar *w = (const guchar *)s->text + t->start;
  gsize n = tok_len (t), k = 0;

  *heap = NULL;
  if (n < size)
    {
      while (k < n)
        {
          if (w[k] < 0x80)
            buf[k] = g_ascii_tolower (w[k]);
          else if (w[k] == 0xC3 && k + 1 < n && w[k + 1] >= 0x80 && w[k + 1] <= 0xBF && w[k + 1] != 0x97 &&
                   w[k + 1] != 0x9F && w[k + 1] != 0xB7)
            {
              buf[k] = 0xC3;
              k++;
              buf[k] = w[k] <= 0x9E ? w[k] + 0x20 : w[k];
            }
          else
            break;
          k++;
        }
      if (k == n)
        {
          buf[n] = '\0';
          return buf;
        }
    }
  return *heap = px_normalize_word ((const char *)w, n);
}

/* What is known of the word at @i in every text. Stays valid until the
 * end of the text. */
WordInfo *
word_info (Scan *s,
           int   i)
{
  WordMemo *m = word_memo (s, i);

  if (m->info == NULL)
    m->info = cached_info (s->text + TOK (s, i)->start, tok_len (TOK (s, i)), TOK (s, i)->hash);
  return m->info;
}

/* The stem of the word at @i (px_normalize_word (), px_stem_word ()), or
 * NULL; owned by the scanner. */
const char *
word_stem (Scan *s,
           int   i)
{
  WordInfo *info = word_info (s, i);

  if (!info->stem_done)
    {
      char buf[64];
      g_autofree char *heap = NULL;
      const char *norm = normalized (s, i, buf, sizeof buf, &heap);

      info->stem_done = TRUE;
      if (norm != NULL && *norm != '\0')
        info->stem = px_stem_word (norm, -1);
    }
  return info->stem;
}

/* The stem a measure is compared by: British and American spellings of
 * one word meet ("epicentre", "epicenter"). NULL for none; owned by the
 * scanner. */
const char *
word_measure_stem (Scan *s,
                   int   i)
{
  WordInfo *info = word_info (s, i);

  if (!info->measure_stem_done)
    {
      char buf[64];
      g_autofree char *heap = NULL;
      char *norm = (char *)normalized (s, i, buf, sizeof buf, &heap);
      gsize len;

      info->measure_stem_done = TRUE;
      if (norm == NULL || *norm == '\0')
        return NULL;
      len = strlen (norm);
      if (len > 4 && g_str_has_suffix (norm, "tre"))
        {
          norm[len - 2] = 'e';
          norm[len - 1] = 'r';
        }
      info->measure_stem = px_stem_word (norm, -1);
    }
  return info->measure_stem;
}

/* Ends the text; the thread forgets its words when it knows too many
 * (no WordInfo is borrowed between texts). */
void
word_memo_free (Scan *s)
{
  WordCache *cache = g_private_get (&word_cache_key);

  if (cache != NULL && cache->count > MAX_CACHED_WORDS)
    word_cache_clear (cache);
  g_clear_pointer (&s->memo_v, g_free);
  g_clear_pointer (&s->memo_slots, g_free);
  s->memo_len = 0;
}
