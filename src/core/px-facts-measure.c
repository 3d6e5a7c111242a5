/* px-facts-measure.c: what a number measures
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

char *
stem_of (Scan *s,
         int   i)
{
  const Tok *t = TOK (s, i);
  g_autofree char *norm = px_normalize_word (s->text + t->start, tok_len (t));

  if (norm == NULL || *norm == '\0')
    return NULL;
  return px_stem_word (norm, -1);
}

gboolean
is_stop (Scan *s,
         int   i)
{
  const Tok *t = TOK (s, i);
  char buf[24];
  gsize n = tok_len (t);

  if (n >= sizeof buf)
    return FALSE;
  for (gsize k = 0; k < n; k++)
    buf[k] = g_ascii_tolower (s->text[t->start + k]);
  buf[n] = '\0';
  return px_is_stopword (buf);
}

/* Words that link a subject to its number; skipped when looking for what a
 * number measures ("turnout was 23.37%"). */
static gboolean
is_link_verb (Scan *s,
              int   i)
{
  static const char * const verbs[] = {
    "reached", "stood", "rose", "fell", "amounted", "totaled", "totalled", "hit", "grew",
    "dropped", "increased", "decreased", "declined", "climbed", "jumped", "exceeded",
    "reach", "reaches", "stands", "rises", "falls", "totals", "amounts", "estimated",
    "put", "stand", "was", "were", "is", "are", "be", "been", "being", "will", "would",
    "has", "have", "had", "than", "by", "to", "at", "of", "some", "about", "around",
    "nearly", "almost", "over", "more", "less", "least", "an", "a", "the", "up", "just",
    "only", "roughly", "approximately", "exceeding", "above", "below", "under", "respectively",
  };

  return TOK_IN (s, i, verbs);
}

static gboolean
clause_break (Scan *s,
              int   i)
{
  const Tok *t = TOK (s, i);

  if (t->type != TOK_SYM)
    return FALSE;
  return t->ch == '.' || t->ch == ';' || t->ch == ':' || t->ch == '(' || t->ch == ')' ||
         t->ch == ',' || t->ch == '!' || t->ch == '?' || t->ch == '"' || t->ch == 0x201C ||
         t->ch == 0x201D || is_dash (t->ch);
}

/* Nouns that never say what a number measures ("the fact that …"). */
static gboolean
is_empty_noun (Scan *s,
               int   i)
{
  static const char * const nouns[] = {
    "fact", "way", "thing", "things", "case", "kind", "sort", "lot", "deal", "given", "said", "says",
  };

  return TOK_IN (s, i, nouns);
}

/* Words that name one measure in news, by their stems: what a number
 * measures is compared across sources under one name. */
static const char *
measure_concept (const char *stem)
{
  static const struct { const char *stem, *concept; } concepts[] = {
    { "cost", "cost" }, { "valu", "cost" }, { "price", "cost" }, { "worth", "cost" }, { "budget", "cost" },
    { "turnout", "turnout" }, { "particip", "turnout" },
    { "voter", "voter" }, { "elector", "voter" },
    { "death", "death" }, { "dead", "death" }, { "kill", "death" }, { "die", "death" }, { "fatal", "death" },
    { "injur", "injur" }, { "wound", "injur" },
    { "unemploy", "unemploy" }, { "jobless", "unemploy" },
    { "inflat", "inflat" },
  };

  if (stem == NULL)
    return NULL;
  for (guint k = 0; k < G_N_ELEMENTS (concepts); k++)
    if (strcmp (stem, concepts[k].stem) == 0)
      return concepts[k].concept;
  return NULL;
}

/* What a number measures: "of the vote" after a share, else the nearest
 * content word before it in its clause ("The voter turnout was 23.37%"). */
static char *
find_measure (Scan *s,
              int   first,
              int   last)
{
  int j = last + 1;

  if (tok_is (s, j, "of"))
    {
      j++;
      if (tok_is (s, j, "the") || tok_is (s, j, "all") || tok_is (s, j, "its") || tok_is (s, j, "their"))
        j++;
      if (j < NTOK (s) && TOK (s, j)->type == TOK_WORD && !TOK (s, j)->cap && !is_stop (s, j))
        {
          /* "of eligible voters": the noun is the last word of the phrase */
          if (j + 1 < NTOK (s) && TOK (s, j + 1)->type == TOK_WORD && !is_stop (s, j + 1) &&
              !TOK (s, j + 1)->cap && lex (s, j + 1) == NULL)
            j++;
          {
            char *stem = stem_of (s, j);
            const char *concept = measure_concept (stem);

            if (concept != NULL)
              {
                g_free (stem);
                return g_strdup (concept);
              }
            return stem;
          }
        }
    }

  {
    char *nearest = NULL;

    for (j = first - 1; j >= 0 && j >= first - 8; j--)
      {
        const Tok *t = TOK (s, j);

        if (t->used || (t->type != TOK_WORD && (clause_break (s, j) || t->type == TOK_NUM)))
          break;
        if (t->type == TOK_WORD && !is_link_verb (s, j) && !is_stop (s, j) && !t->cap && lex (s, j) == NULL &&
            !is_empty_noun (s, j))
          {
            char *stem = stem_of (s, j);
            const char *concept = measure_concept (stem);

            /* a word that names a measure wins over a nearer noun:
             * "values the project at €1.25 billion" measures a cost */
            if (concept != NULL)
              {
                g_free (stem);
                g_free (nearest);
                return g_strdup (concept);
              }
            if (nearest == NULL)
              nearest = stem;
            else
              g_free (stem);
          }
        if (t->newline)
          break;
      }
    return nearest;
  }
}

static gboolean
is_plural_noun (Scan *s,
                int   i)
{
  static const char * const irregular[] = {
    "people", "children", "men", "women", "police", "staff", "personnel", "cattle", "sheep",
    "livestock", "aircraft", "fish", "deer", "crew", "troops",
  };
  static const char * const not_nouns[] = {
    "across", "towards", "besides", "perhaps", "sometimes", "always", "thus", "nevertheless",
    "unless", "whereas", "less", "plus", "versus", "as", "is", "was", "has", "this", "its",
    "his", "hers", "ours", "yours", "theirs", "does", "goes", "us", "upwards", "afterwards",
    "says",
  };
  const Tok *t;
  gsize n;

  if (i >= NTOK (s))
    return FALSE;
  t = TOK (s, i);
  if (t->type != TOK_WORD || t->cap || t->lex != NULL)
    return FALSE;
  if (TOK_IN (s, i, irregular))
    return TRUE;
  n = tok_len (t);
  if (n < 3 || s->text[t->end - 1] != 's' || s->text[t->end - 2] == 's' || s->text[t->end - 2] == 'u')
    return FALSE;
  return !TOK_IN (s, i, not_nouns);
}

/* What a counted noun measures: the noun itself, or for "people",
 * "citizens" and the like the noun of the phrase after it ("12 million
 * people on the voter lists" counts voters). */
char *
counted_measure (Scan *s,
                 int   noun)
{
  static const char * const generic[] = {
    "people", "persons", "citizens", "residents", "individuals", "inhabitants",
  };

  if (TOK_IN (s, noun, generic) &&
      (tok_is (s, noun + 1, "on") || tok_is (s, noun + 1, "in") || tok_is (s, noun + 1, "of")))
    for (int j = noun + 2; j < NTOK (s) && j <= noun + 5; j++)
      {
        const Tok *t = TOK (s, j);

        if (t->type != TOK_WORD)
          break;
        if (!is_stop (s, j) && !t->cap && lex (s, j) == NULL)
          return stem_of (s, j);
      }
  return stem_of (s, noun);
}

/* A counted noun after a number: "13 visits", "10 thousand polling
 * stations", "11,953,465 eligible voters". Returns its last token or -1. */
int
counted_noun (Scan *s,
              int   i)
{
  if (is_plural_noun (s, i))
    return i;
  if (i + 1 < NTOK (s) && TOK (s, i)->type == TOK_WORD && !TOK (s, i)->cap && lex (s, i) == NULL &&
      !is_stop (s, i) && TOK (s, i)->type == TOK_WORD && is_plural_noun (s, i + 1) &&
      !(i + 2 < NTOK (s) && TOK (s, i + 2)->type == TOK_WORD && is_plural_noun (s, i + 2)))
    return i + 1;
  return -1;
}

void
set_measure (Scan   *s,
             PxFact *fact,
             int     first,
             int     last)
{
  if (fact->measure == NULL)
    fact->measure = find_measure (s, first, last);
}
