/* px-facts-memo.c: what the fact extractor learns of a word, once per text
 *
 * The patterns ask the same questions of the same words many times (its
 * stem, whether it is a common word); the answers depend on the word's
 * bytes only, so each distinct word of a text is normalized and stemmed at
 * most once. Words are found by the hash the tokenizer keeps and compared
 * byte for byte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-facts"

#include "config.h"

#include <string.h>

#include "px-facts-scan-private.h"
#include "px-normalize.h"

static void
memo_grow (Scan *s)
{
  guint size = s->memo_slots == NULL ? 256 : 2 * (s->memo_mask + 1);
  guint *slots = g_new0 (guint, size);

  for (guint k = 0; k < s->memo->len; k++)
    {
      const WordMemo *m = &g_array_index (s->memo, WordMemo, k);
      guint i = TOK (s, m->tok)->hash & (size - 1);

      while (slots[i] != 0)
        i = (i + 1) & (size - 1);
      slots[i] = k + 1;
    }
  g_free (s->memo_slots);
  s->memo_slots = slots;
  s->memo_mask = size - 1;
}

/* The memo of the word token @i, made on first use. Valid until the next
 * call. */
WordMemo *
word_memo (Scan *s,
           int   i)
{
  const Tok *t = TOK (s, i);
  gsize n = tok_len (t);
  WordMemo memo = { 0 };

  g_assert (t->type == TOK_WORD);
  if (s->memo == NULL)
    s->memo = g_array_new (FALSE, FALSE, sizeof (WordMemo));
  if (s->memo_slots == NULL || 2 * (s->memo->len + 1) > s->memo_mask + 1)
    memo_grow (s);
  for (guint k = t->hash & s->memo_mask;; k = (k + 1) & s->memo_mask)
    {
      WordMemo *m;
      const Tok *w;

      if (s->memo_slots[k] == 0)
        {
          memo.tok = i;
          g_array_append_val (s->memo, memo);
          s->memo_slots[k] = s->memo->len;
          return &g_array_index (s->memo, WordMemo, s->memo->len - 1);
        }
      m = &g_array_index (s->memo, WordMemo, s->memo_slots[k] - 1);
      w = TOK (s, m->tok);
      if (w->hash == t->hash && tok_len (w) == n && memcmp (s->text + w->start, s->text + t->start, n) == 0)
        return m;
    }
}

/* The stem of the word at @i (px_normalize_word (), px_stem_word ()), or
 * NULL; owned by the scanner. */
const char *
word_stem (Scan *s,
           int   i)
{
  WordMemo *m = word_memo (s, i);

  if (!m->stem_done)
    {
      const Tok *t = TOK (s, i);
      g_autofree char *norm = px_normalize_word (s->text + t->start, tok_len (t));

      m->stem_done = TRUE;
      if (norm != NULL && *norm != '\0')
        m->stem = px_stem_word (norm, -1);
    }
  return m->stem;
}

/* The stem a measure is compared by: British and American spellings of
 * one word meet ("epicentre", "epicenter"). NULL for none; owned by the
 * scanner. */
const char *
word_measure_stem (Scan *s,
                   int   i)
{
  WordMemo *m = word_memo (s, i);

  if (!m->measure_stem_done)
    {
      const Tok *t = TOK (s, i);
      g_autofree char *norm = px_normalize_word (s->text + t->start, tok_len (t));
      gsize len;

      m->measure_stem_done = TRUE;
      if (norm == NULL || *norm == '\0')
        return NULL;
      len = strlen (norm);
      if (len > 4 && g_str_has_suffix (norm, "tre"))
        {
          norm[len - 2] = 'e';
          norm[len - 1] = 'r';
        }
      m->measure_stem = px_stem_word (norm, -1);
    }
  return m->measure_stem;
}

void
word_memo_free (Scan *s)
{
  if (s->memo != NULL)
    for (guint k = 0; k < s->memo->len; k++)
      {
        WordMemo *m = &g_array_index (s->memo, WordMemo, k);

        g_free (m->stem);
        g_free (m->measure_stem);
      }
  g_clear_pointer (&s->memo, g_array_unref);
  g_clear_pointer (&s->memo_slots, g_free);
}
