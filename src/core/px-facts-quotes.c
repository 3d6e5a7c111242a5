/* px-facts-quotes.c: quotes and their speakers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-facts"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "px-facts-scan-private.h"
#include "px-normalize.h"

/* The first of the facts sorted before scan_quotes () that starts at or
 * after @offset (n_sorted_facts for none). */
static guint
first_fact_from (Scan  *s,
                 guint  offset)
{
  guint lo = 0, hi = s->n_sorted_facts;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (((const PxFact *)g_ptr_array_index (s->facts, mid))->start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The last person that starts before @offset. (The quotes after the
 * sorted facts are no persons.) */
static PxFact *
person_before (Scan *s,
               guint offset)
{
  guint k = first_fact_from (s, offset);

  if (k == 0 || s->last_person[k - 1] < 0)
    return NULL;
  return g_ptr_array_index (s->facts, s->last_person[k - 1]);
}

static char *
speaker_name (Scan *s,
              int   first,
              int   last)
{
  guint start = TOK (s, first)->start;
  guint end = TOK (s, last)->end;

  if (first == last && (tok_is (s, first, "he") || tok_is (s, first, "she") || tok_is (s, first, "him") ||
                        tok_is (s, first, "her")))
    {
      PxFact *p = person_before (s, start);

      return p != NULL ? g_strdup (p->name) : NULL;
    }
  /* the first person or organization inside the tokens: among the facts
   * sorted by start, from the first at @start to the last that starts
   * inside (one that starts after them ends after them) */
  for (guint k = first_fact_from (s, start); k < s->n_sorted_facts; k++)
    {
      PxFact *f = g_ptr_array_index (s->facts, k);

      if (f->start > end)
        break;
      if ((f->kind == PX_FACT_PERSON || f->kind == PX_FACT_ORGANIZATION) && f->end <= end)
        return g_strdup (f->name);
    }
  return NULL;
}

/* The speaker a quote's attribution names: a person or organization the
 * facts found in tokens @first … @last, else, when those are one to four
 * capitalized words that name no month or day ("said Mohamed Azaw"), the
 * last of them, as a person's name is known by its surname. */
static char *
named_speaker (Scan *s,
               int   first,
               int   last)
{
  char *name = speaker_name (s, first, last);

  if (name != NULL || last < first || last - first >= 4)
    return name;
  for (int k = first; k <= last; k++)
    {
      const PxLexEntry *entry;

      if (TOK (s, k)->type != TOK_WORD || !TOK (s, k)->cap || is_stop (s, k))
        return NULL;
      /* "said Monday" */
      if ((entry = tok_lex (TOK (s, k))) != NULL && (entry->month || entry->weekday))
        return NULL;
    }
  return g_strndup (s->text + TOK (s, last)->start, TOK (s, last)->end - TOK (s, last)->start);
}

/* Who said the quote between tokens @open and @close. */
static char *
find_speaker (Scan *s,
              int   open,
              int   close)
{
  int j = close + 1;

  /* …,” Tokayev said / he said / said Tokayev */
  if (j < NTOK (s))
    {
      int k = j;

      if (lex_flags (s, k) & PX_LEX_SPEECH)
        {
          int e = k + 1;

          if (TOK (s, e < NTOK (s) ? e : k)->type == TOK_WORD && e < NTOK (s))
            {
              int last = e;
              char *name;

              /* the capitalized words after the verb, whatever facts
               * took them */
              while (last + 1 < NTOK (s) && last < e + 3 && TOK (s, last + 1)->type == TOK_WORD &&
                     TOK (s, last + 1)->cap && !TOK (s, last + 1)->newline && !is_stop (s, last + 1))
                last++;
              name = named_speaker (s, e, MAX (last, MIN (name_run_end (s, e), NTOK (s) - 1)));

              if (name != NULL)
                return name;
            }
        }
      while (k < NTOK (s) && k < j + 5 && TOK (s, k)->type == TOK_WORD && !(lex_flags (s, k) & PX_LEX_SPEECH))
        k++;
      if (k > j && k < NTOK (s) && (lex_flags (s, k) & PX_LEX_SPEECH))
        return named_speaker (s, j, k - 1);
      /* …,” Tokayev, 69, had told his staff; …,” Josh White, assistant
       * professor of finance at Vanderbilt University, said: the words
       * before the comma, then what stands between commas */
      if (k > j && TOK (s, j)->cap && k < NTOK (s) && tok_sym (s, k, ','))
        {
          int e = k - 1;

          for (k = e + 2; k < NTOK (s) && k < e + 14 && !tok_sym (s, k, ',') && !TOK (s, k)->newline &&
                          !is_sentence_end (s, k) && !(lex_flags (s, k) & PX_LEX_SPEECH); k++)
            ;
          if (k > e + 2 && k + 1 < NTOK (s) && tok_sym (s, k, ','))
            {
              int verb = k + 1;

              while (verb < NTOK (s) && verb < k + 3 && TOK (s, verb)->type == TOK_WORD &&
                     !(lex_flags (s, verb) & PX_LEX_SPEECH))
                verb++;
              if (verb < NTOK (s) && (lex_flags (s, verb) & PX_LEX_SPEECH))
                return named_speaker (s, j, e);
            }
        }
    }

  /* Tokayev stated that … “…”; According to him, “…” */
  for (j = open - 1; j >= 0 && j > open - 40 && !is_sentence_end (s, j) && !TOK (s, j + 1)->newline; j--)
    {
      if (!(lex_flags (s, j) & PX_LEX_SPEECH))
        continue;
      if (tok_is (s, j, "according") && tok_is (s, j + 1, "to") && j + 2 < open)
        return speaker_name (s, j + 2, name_run_end (s, j + 2));
      for (int k = j - 1; k >= 0 && k >= j - 4; k--)
        {
          char *name = speaker_name (s, k, j - 1);

          if (name != NULL)
            return name;
        }
    }
  return NULL;
}

static gboolean
is_open_quote (Scan *s,
               int   i)
{
  const Tok *t = TOK (s, i);

  if (t->ch == 0x201C || t->ch == 0x00AB || t->ch == 0x201E)
    return TRUE;
  return t->ch == '"' && (t->space || t->newline || i == 0 || tok_sym (s, i - 1, '(')) &&
         i + 1 < NTOK (s) && attached (s, i + 1);
}

static gboolean
is_close_quote (Scan *s,
                int   i,
                int   open)
{
  const Tok *t = TOK (s, i);
  gunichar o = TOK (s, open)->ch;

  if (o == 0x00AB)
    return t->ch == 0x00BB;
  return t->ch == 0x201D || t->ch == '"' || (o == 0x201E && t->ch == 0x201C);
}

/* Quotes, after every other fact: s->facts is sorted by start. */
void
scan_quotes (Scan *s)
{
  int last = -1;
  /* the tokenizer's quotes; one opens only after the quotation before it */
  int after = 0;

  s->n_sorted_facts = s->facts->len;
  s->last_person = g_new (int, MAX (s->n_sorted_facts, 1));
  for (guint k = 0; k < s->n_sorted_facts; k++)
    {
      if (((const PxFact *)g_ptr_array_index (s->facts, k))->kind == PX_FACT_PERSON)
        last = k;
      s->last_person[k] = last;
    }
  for (guint q = 0; q < s->quotes.len; q++)
    {
      int i = index_list_at (&s->quotes, q), j, words = 0;

      if (i < after || !is_open_quote (s, i))
        continue;
      for (j = i + 1; j < NTOK (s); j++)
        {
          const Tok *t = TOK (s, j);

          if (t->newline)
            break;
          if (t->type == TOK_SYM && is_close_quote (s, j, i))
            break;
          if (t->type == TOK_WORD)
            words++;
        }
      if (j >= NTOK (s) || TOK (s, j)->newline || j == i + 1)
        continue;
      if (words >= 4)
        {
          PxFact *fact = add_fact (s, PX_FACT_QUOTE, i, j);
          g_autofree char *inner = span_text (s, i + 1, j - 1);

          fact->name = g_strstrip (g_strdup (inner));
          fact->speaker = find_speaker (s, i, j);
        }
      after = j + 1;
    }
  g_clear_pointer (&s->last_person, g_free);
}
