/* px-facts-names.c: people, organizations and places
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
#include "px-lexicon-data.h"
#include "px-normalize.h"

/* The word token @i names a month or a day of the week. */
static inline gboolean
is_month_or_day (Scan *s,
                 int   i)
{
  const PxLexEntry *e = tok_lex (TOK (s, i));

  return e != NULL && (e->month || e->weekday);
}

static gboolean
is_connector (Scan *s,
              int   i)
{
  static const char * const words[] = {
    "of", "for", "on", "de", "du", "von", "van", "bin", "al", "la", "der",
  };

  return TOK_IN (s, i, words);
}

/* TRUE when the word at @i is a common English word (WordNet knows it and
 * its commonest sense is no name): "Concept", "Religions", "Belt". */
static gboolean
is_common_word (Scan *s,
                int   i)
{
  const Tok *t = TOK (s, i);
  WordInfo *info;

  if (t->type != TOK_WORD || is_all_caps (s, i))
    return FALSE;
  if (is_stop (s, i))
    return TRUE;
  info = word_info (s, i);
  if (!info->common_done)
    {
      const char *stem = word_stem (s, i);
      const PxLexiconEntry *entry = stem != NULL ? px_lexicon_find (stem) : NULL;

      info->common_done = TRUE;
      info->common = entry != NULL && entry->n_senses > 0 && !entry->name;
    }
  return info->common;
}

/* The word at @i follows an article or "former": "the Soviet states" is no
 * "Zhang states". */
static gboolean
after_article (Scan *s,
               int   i)
{
  return tok_is (s, i - 1, "the") || tok_is (s, i - 1, "a") || tok_is (s, i - 1, "an") ||
         tok_is (s, i - 1, "former");
}

/* TRUE when every time the text capitalizes the word at @i, a lowercase
 * noun follows it: "former Soviet states", "the Kazakh leader" use an
 * adjective, not a name. */
static gboolean
only_adjective (Scan *s,
                int   i)
{
  if (s->noun_caps == NULL)
    {
      s->noun_caps = hash_set_new (s->caps.len);
      for (guint c = 0; c < s->caps.len; c++)
        {
          int k = index_list_at (&s->caps, c);
          const Tok *n = k + 1 < NTOK (s) ? TOK (s, k + 1) : NULL;

          /* "Kazakh-French" is an adjective too */
          if (n != NULL && n->type == TOK_SYM && n->ch == '-' && attached (s, k + 1))
            continue;
          if (n == NULL || n->type != TOK_WORD || is_stop (s, k + 1) ||
              ((lex_flags (s, k + 1) & PX_LEX_SPEECH) && !after_article (s, k)) || n->newline)
            hash_set_add (s->noun_caps, tok_hash (s, k));
        }
    }
  return !hash_set_contains (s->noun_caps, tok_hash (s, i));
}

static gboolean
is_demonym (Scan *s,
            int   i)
{
  const Tok *t = TOK (s, i);
  const char *w = s->text + t->start;
  gsize n = tok_len (t);

  return n > 4 && (strncmp (w + n - 3, "ian", 3) == 0 || strncmp (w + n - 3, "ean", 3) == 0 ||
                   strncmp (w + n - 3, "ese", 3) == 0 || strncmp (w + n - 3, "ish", 3) == 0);
}

static gboolean
is_place_word (Scan *s,
               int   i)
{
  static const char * const words[] = {
    "asia", "europe", "africa", "america", "americas", "middle", "east", "west", "north",
    "south", "central", "island", "islands", "republic", "kingdom", "states", "city", "sea",
    "ocean", "river", "mountains", "province", "region", "street", "square", "county",
  };

  return TOK_IN (s, i, words);
}

char *
span_text (Scan *s,
           int   first,
           int   last)
{
  return g_strndup (s->text + TOK (s, first)->start, TOK (s, last)->end - TOK (s, first)->start);
}

/* The surname person_words gives the word token @k (its text: a word of
 * a person's name seen before), or NULL; no copy of the word kept. */
static const char *
person_word (Scan *s,
             int   k)
{
  const Tok *t = TOK (s, k);
  char buf[64];
  g_autofree char *heap = NULL;
  const char *key = buf;

  if (tok_len (t) < sizeof buf)
    {
      memcpy (buf, s->text + t->start, tok_len (t));
      buf[tok_len (t)] = '\0';
    }
  else
    key = heap = span_text (s, k, k);
  return g_hash_table_lookup (s->person_words, key);
}

/* The end of a run of capitalized words from @i (hyphenated names and
 * "of"/"for" inside count). */
int
name_run_end (Scan *s,
              int   i)
{
  int j = i;

  while (TRUE)
    {
      int k = j + 1;

      if (k + 1 < NTOK (s) && tok_sym (s, k, '-') && attached (s, k) && attached (s, k + 1) &&
          TOK (s, k + 1)->type == TOK_WORD && TOK (s, k + 1)->cap)
        {
          j = k + 1;
          continue;
        }
      if (k < NTOK (s) && TOK (s, k)->type == TOK_WORD && TOK (s, k)->cap && !TOK (s, k)->newline &&
          !TOK (s, k)->used && !is_month_or_day (s, k) &&
          !(is_stop (s, k) && !is_all_caps (s, k)))
        {
          j = k;
          continue;
        }
      /* "Conference on Interaction", not "High Atlas Mountains on Saturday" */
      if (k + 1 < NTOK (s) && is_connector (s, k) && TOK (s, k + 1)->type == TOK_WORD && TOK (s, k + 1)->cap &&
          !TOK (s, k + 1)->used && !is_all_caps (s, k + 1) &&
          !is_month_or_day (s, k + 1))
        {
          j = k + 1;
          continue;
        }
      /* "the People’s Coalition": a possessive inside an organization's name */
      if (k + 2 < NTOK (s) && TOK (s, k)->type == TOK_SYM && (TOK (s, k)->ch == 0x2019 || TOK (s, k)->ch == '\'') &&
          attached (s, k) && tok_is (s, k + 1, "s") && attached (s, k + 1) && TOK (s, k + 2)->type == TOK_WORD &&
          TOK (s, k + 2)->cap && !TOK (s, k + 2)->used && (lex_flags (s, k + 2) & PX_LEX_ORG))
        {
          j = k + 2;
          continue;
        }
      /* "Securities and Exchange Commission", "Congress of Leaders of World
       * and Traditional Religions": "and" inside one name when what follows
       * names an organization or the name already has a connector;
       * "Russia and China" stay two */
      if (k + 1 < NTOK (s) && (tok_is (s, k, "and") || tok_sym (s, k, '&')) && TOK (s, k + 1)->type == TOK_WORD &&
          TOK (s, k + 1)->cap && !TOK (s, k + 1)->used && !is_all_caps (s, k + 1))
        {
          int end = name_run_end (s, k + 1);
          gboolean join = FALSE;

          for (int m = i; m <= j && !join; m++)
            join = is_connector (s, m);
          for (int m = k + 1; m <= end && !join; m++)
            join = (lex_flags (s, m) & PX_LEX_ORG) != 0;
          if (join)
            {
              j = end;
              continue;
            }
        }
      return j;
    }
}

static void
add_entity (Scan       *s,
            PxFactKind  kind,
            int         first,
            int         last,
            const char *name,
            const char *alias)
{
  PxFact *fact = add_fact (s, kind, first, last);

  /* (the text itself when it is the name: px_fact_unref () knows) */
  fact->name = name != NULL ? g_strdup (name) : fact->text;
  fact->alias = g_strdup (alias);
}

/* "Conference on Interaction and Confidence Building Measures in Asia
 * (CICA)": walks back from the bracket matching the acronym's letters to
 * the initials of capitalized words. */
void
scan_acronym_definitions (Scan *s)
{
  /* "(CEC)": the tokenizer's parens */
  for (guint p = 0; p < s->parens.len; p++)
    {
      int i = index_list_at (&s->parens, p);
      const Tok *a = TOK (s, i);
      int k, j, first = -1;
      gboolean place = FALSE, org = FALSE;

      if (i < 2 || i + 2 >= NTOK (s))
        continue;
      k = tok_len (a) - 1;
      for (j = i - 2; j >= 0 && j >= i - 2 - 16 && k >= 0; j--)
        {
          const Tok *t = TOK (s, j);

          if (t->type != TOK_WORD || t->used || t->newline)
            break;
          if (!t->cap)
            {
              if (is_connector (s, j) || tok_is (s, j, "and") || tok_is (s, j, "in") || tok_is (s, j, "the") ||
                  tok_is (s, j, "to"))
                continue;
              break;
            }
          if (s->text[t->start] != s->text[a->start + k])
            break;
          k--;
          first = j;
          org |= (lex_flags (s, j) & PX_LEX_ORG) != 0;
          place |= is_place_word (s, j);
        }
      if (k >= 0 || first < 0 || i - 2 - first < 1)
        continue;
      {
        g_autofree char *name = span_text (s, first, i - 2);
        g_autofree char *acro = span_text (s, i, i);

        g_hash_table_insert (s->acronyms, g_strdup (acro), g_strdup (name));
        add_entity (s, place && !org ? PX_FACT_PLACE : PX_FACT_ORGANIZATION, first, i + 1, name, acro);
      }
    }
}

static int
count_name_words (Scan *s,
                  int   first,
                  int   last)
{
  int n = 0;

  for (int k = first; k <= last; k++)
    n += TOK (s, k)->type == TOK_WORD && TOK (s, k)->cap && !(k > first && tok_sym (s, k - 1, '-'));
  return n;
}

void
scan_names (Scan *s)
{
  /* a name opens with a capital (the tokenizer's caps); one is looked
   * at only after the name before it */
  int after = 0;

  for (guint c = 0; c < s->caps.len; c++)
    {
      int i = index_list_at (&s->caps, c);
      Tok *t = TOK (s, i);
      int first = i, last, k;
      gboolean org = FALSE, place = FALSE, person = FALSE;
      int last_title = -1;
      const char *known;       /* person_words' surname of a lone word */

      if (i < after)
        continue;
      if (t->used || is_month_or_day (s, i))
        continue;
      last = name_run_end (s, i);
      /* "the National Social Democratic Party Nurlan Auesbayev": a
       * person's name after an organization's is a name of its own */
      for (k = last - 2; k >= i; k--)
        if (lex_flags (s, k) & PX_LEX_ORG)
          {
            gboolean person_after = last - k <= 3;

            for (int m = k + 1; m <= last && person_after; m++)
              person_after = TOK (s, m)->type == TOK_WORD && !is_connector (s, m) && !is_all_caps (s, m) &&
                             !(lex_flags (s, m) & PX_LEX_ORG) && !is_place_word (s, m);
            if (person_after)
              last = k;
            break;
          }

      /* a capitalized function word opening a sentence (or the text after
       * a dateline's date: "Brussels 20.11.2022 Given its …") is no name */
      while (first <= last && (at_sentence_start (s, first) || (first > 0 && TOK (s, first - 1)->type == TOK_NUM)) &&
             !is_all_caps (s, first) && !(lex_flags (s, first) & (PX_LEX_TITLE | PX_LEX_ORG)) &&
             (is_stop (s, first) || has_lex (s, first) ||
              /* "Zhiguli Dairabayev scored": a rare word opening a longer
               * name stays */
              (!seen_as_name (s, first) && (first == last || is_common_word (s, first)))))
        first++;
      while (first <= last && (is_connector (s, first) || tok_is (s, first, "The")))
        first++;
      if (first > last)
        {
          after = last + 1;
          continue;
        }
      /* "He", "With", the "U" of "U.S.": a function word or a letter alone
       * is no name */
      if (first == last && (tok_len (TOK (s, first)) < 2 || (is_stop (s, first) && !is_all_caps (s, first))))
        {
          after = last + 1;
          continue;
        }
      /* "Kazakh-French relations": a compound of demonyms or names before a
       * common noun is an adjective, not a person */
      if (last == first + 2 && tok_sym (s, first + 1, '-') && last + 1 < NTOK (s) &&
          TOK (s, last + 1)->type == TOK_WORD && !TOK (s, last + 1)->cap)
        {
          after = last + 1;
          continue;
        }

      for (k = first; k <= last; k++)
        {
          guint f = lex_flags (s, k);

          if (f & PX_LEX_ORG)
            org = TRUE;
          if (f & PX_LEX_TITLE)
            last_title = k;
          if (is_place_word (s, k))
            place = TRUE;
        }

      if (first == last && is_all_caps (s, first))
        {
          g_autofree char *acro = span_text (s, first, first);
          const char *name = g_hash_table_lookup (s->acronyms, acro);

          if (g_str_equal (acro, "US") || g_str_equal (acro, "USA") || g_str_equal (acro, "UK") ||
              g_str_equal (acro, "UAE"))
            add_entity (s, PX_FACT_PLACE, first, first, NULL, NULL);
          else if (tok_len (t) <= 5)
            add_entity (s, PX_FACT_ORGANIZATION, first, first, name != NULL ? name : acro, name ? acro : NULL);
          after = last + 1;
          continue;
        }

      if (!org && count_name_words (s, first, last) >= 5)
        {
          after = last + 1;
          continue;
        }
      if (org)
        {
          add_entity (s, PX_FACT_ORGANIZATION, first, last, NULL, NULL);
          after = last + 1;
          continue;
        }

      if (last_title >= 0 && last_title < last)
        {
          first = last_title + 1;
          person = TRUE;
        }
      else if (last_title >= 0)
        {
          after = last + 1;
          continue;
        }

      if (!person && !place && last > first && last - first <= 3)
        {
          person = TRUE;
          for (k = first; k <= last; k++)
            if (is_demonym (s, k) || is_all_caps (s, k) || is_connector (s, k))
              person = FALSE;
        }
      /* "Zhang added": one word before a verb of speech is a person, but
       * not after an article or "former": "the Soviet states" */
      if (!person && first == last &&
          (lex_flags (s, last + 1) & PX_LEX_SPEECH) && !tok_is (s, last + 1, "according") &&
          !after_article (s, first))
        person = TRUE;

      /* "Presidential Election", "Policy Concept", "People": a word the
       * text also writes in lowercase is a common noun, not a name */
      if ((person || place || first == last) && !is_all_caps (s, last) && seen_in_lowercase (s, last))
        {
          if (person_word (s, last) == NULL)
            {
              after = last + 1;
              continue;
            }
        }

      if (first == last && first > 0 && TOK (s, first - 1)->type == TOK_WORD && !TOK (s, first - 1)->cap &&
          !at_sentence_start (s, first) && only_adjective (s, first))
        {
          after = last + 1;
          continue;
        }
      /* a capitalized common word alone, or a person all of common words
       * ("Traditional Religions", "Policy Concept"), is a title-case
       * phrase, not a name */
      if (person || place || first == last)
        {
          gboolean all_common = TRUE;

          for (k = first; k <= last && all_common; k++)
            if (TOK (s, k)->type == TOK_WORD && !is_connector (s, k) && !is_common_word (s, k))
              all_common = FALSE;
          if (all_common)
            {
              after = last + 1;
              continue;
            }
        }

      /* what reports ("according to Nikkei Asia", "reported Kazinform") is
       * an organization, not a place */
      if (!person && (place || first == last))
        {
          gboolean source = ((lex_flags (s, last + 1) & PX_LEX_SPEECH) || tok_is (s, last + 1, "reported")) &&
                            !tok_is (s, last + 1, "according") && first != last;

          /* "according to the MIA “Kazinform”", not "According to him, Astana" */
          for (k = first - 1; k >= 0 && k >= first - 5 && !source; k--)
            {
              const Tok *b = TOK (s, k);

              if (b->type == TOK_SYM && (b->ch == ',' || b->ch == ';' || b->ch == '.' || b->ch == ':' ||
                                         b->ch == '(' || b->ch == ')'))
                break;
              source = tok_is (s, k, "according") || tok_is (s, k, "citing") ||
                       (k == first - 1 && tok_is (s, k, "reported"));
            }
          if (source)
            {
              place = FALSE;
              org = TRUE;
            }
        }

      if (org)
        add_entity (s, PX_FACT_ORGANIZATION, first, last, NULL, NULL);
      else if (person)
        {
          g_autofree char *surname = span_text (s, last, last);

          for (k = first; k <= last; k++)
            if (TOK (s, k)->type == TOK_WORD && person_word (s, k) == NULL)
              g_hash_table_insert (s->person_words, span_text (s, k, k), g_strdup (surname));
          add_entity (s, PX_FACT_PERSON, first, last, surname, NULL);
        }
      else if (first == last && (known = person_word (s, first)) != NULL)
        add_entity (s, PX_FACT_PERSON, first, last, known, NULL);
      else if (place || first == last)
        {
          if (!is_demonym (s, first) || first != last)
            add_entity (s, PX_FACT_PLACE, first, last, NULL, NULL);
        }
      else
        add_entity (s, PX_FACT_ORGANIZATION, first, last, NULL, NULL);
      after = last + 1;
    }
}

/* A name seen alone before the full name ("Tokayev" in a headline, then
 * "President Kassym-Jomart Tokayev") is still a person. */
void
resolve_surnames (Scan *s)
{
  for (guint k = 0; k < s->facts->len; k++)
    {
      PxFact *f = g_ptr_array_index (s->facts, k);
      const char *surname;

      if ((f->kind == PX_FACT_PLACE || f->kind == PX_FACT_ORGANIZATION) && f->alias == NULL &&
          (surname = g_hash_table_lookup (s->person_words, f->text)) != NULL)
        {
          f->kind = PX_FACT_PERSON;
          if (f->name != f->text)
            g_free (f->name);
          f->name = g_strdup (surname);
        }
    }
}
