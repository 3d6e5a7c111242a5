/* px-facts-measure.c: what a number measures, whom it is about, its year and stage
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
  return g_strdup (word_stem (s, i));
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
    "only", "roughly", "approximately", "close", "exceeding", "above", "below", "under", "respectively",
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
static const struct { const char *stem, *concept; } concepts[] = {
  { "cost", "cost" }, { "valu", "cost" }, { "price", "cost" }, { "worth", "cost" }, { "budget", "cost" },
  { "turnout", "turnout" }, { "particip", "turnout" },
  { "voter", "voter" }, { "elector", "voter" },
  { "death", "death" }, { "dead", "death" }, { "kill", "death" }, { "die", "death" }, { "fatal", "death" },
  { "injur", "injur" }, { "wound", "injur" },
  { "unemploy", "unemploy" }, { "jobless", "unemploy" },
  { "inflat", "inflat" },
  { "deal", "deal" }, { "bid", "deal" }, { "acquisit", "deal" }, { "takeov", "deal" },
  { "merger", "deal" }, { "buyout", "deal" },
  { "stake", "stake" }, { "own", "stake" }, { "hold", "stake" }, { "holding", "stake" },
};

static const char *
measure_concept (const char *stem)
{
  if (stem == NULL)
    return NULL;
  for (guint k = 0; k < G_N_ELEMENTS (concepts); k++)
    if (stem[0] == concepts[k].stem[0] && strcmp (stem, concepts[k].stem) == 0)
      return concepts[k].concept;
  return NULL;
}

/* Bit a * 26 + b for each concept stem that opens with the letters a, b. */
static gpointer
build_concept_starts (gpointer data)
{
  static guint32 starts[26 * 26 / 32 + 1];

  for (guint k = 0; k < G_N_ELEMENTS (concepts); k++)
    {
      guint bit = (concepts[k].stem[0] - 'a') * 26 + (concepts[k].stem[1] - 'a');

      starts[bit / 32] |= 1u << (bit % 32);
    }
  return starts;
}

/* FALSE when the word at @i cannot stem to one of concepts[], without
 * stemming it: the stemmer keeps the first two letters of an ASCII word
 * ("dying", "lying", "tying" aside: "die", "lie", "tie"), and the words
 * of one or two letters, shorter than every concept's stem. */
static gboolean
may_name_concept (Scan *s,
                  int   i)
{
  static GOnce once = G_ONCE_INIT;
  const guint32 *starts = g_once (&once, build_concept_starts, NULL);
  const Tok *t = TOK (s, i);
  const guchar *w = (const guchar *)s->text + t->start;
  guchar a, b;
  guint bit;

  if (tok_len (t) < 3)
    return FALSE;
  if (w[0] >= 0x80 || w[1] >= 0x80)
    return TRUE;
  /* word tokens: ASCII letters */
  a = g_ascii_tolower (w[0]);
  b = g_ascii_tolower (w[1]);
  if (a == 'd' && b == 'y')
    b = 'i';
  bit = (a - 'a') * 26 + (b - 'a');
  return (starts[bit / 32] & (1u << (bit % 32))) != 0;
}

/* The concept the word at @i names (measure_concept () of its measure
 * stem), or NULL. */
static const char *
concept_of (Scan *s,
            int   i)
{
  return may_name_concept (s, i) ? measure_concept (word_measure_stem (s, i)) : NULL;
}

/* A known measure in words, for labels. */
static const char *
concept_words (const char *concept)
{
  static const struct { const char *concept, *words; } names[] = {
    { "cost", "value" }, { "turnout", "turnout" }, { "voter", "voters" }, { "death", "deaths" },
    { "injur", "injured" }, { "unemploy", "unemployment" }, { "inflat", "inflation" }, { "deal", "deal" },
    { "stake", "stake" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    if (strcmp (concept, names[k].concept) == 0)
      return names[k].words;
  return concept;
}

/* A word that may say what a number measures: a lowercase content word,
 * or a capitalized one that only opens a sentence ("Turnout was 69%"). */
static gboolean
is_measure_word (Scan *s,
                 int   i)
{
  const Tok *t;

  if (i < 0 || i >= NTOK (s))
    return FALSE;
  t = TOK (s, i);
  if (t->type != TOK_WORD || tok_len (t) < 3 || is_stop (s, i) || has_lex (s, i) ||
      is_empty_noun (s, i))
    return FALSE;
  if (t->cap && !(at_sentence_start (s, i) && !seen_as_name (s, i) && !is_all_caps (s, i)))
    return FALSE;
  return TRUE;
}

/* A word after a number that names what it is ("a $75 billion bid", "a
 * 40% stake"), not a verb or an adverb ("5.8 percent voted blank"). */
static gboolean
is_noun_after (Scan *s,
               int   i)
{
  static const char * const directions[] = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "away", "ago", "more", "less", "higher", "lower", "each", "apiece", "respectively",
  };
  const Tok *t;
  gsize n;

  if (i < 0 || i >= NTOK (s))
    return FALSE;
  t = TOK (s, i);
  if (t->type != TOK_WORD || t->cap || tok_len (t) < 3 || is_stop (s, i) || has_lex (s, i) ||
      is_link_verb (s, i) || TOK_IN (s, i, directions))
    return FALSE;
  n = tok_len (t);
  if (n > 3 && (strncmp (s->text + t->end - 2, "ed", 2) == 0 || strncmp (s->text + t->end - 2, "ly", 2) == 0 ||
                strncmp (s->text + t->end - 3, "ing", 3) == 0))
    return FALSE;
  return TRUE;
}

static gboolean is_plural_noun (Scan *s,
                                int   i);

/* The token that says what the number at @first…@last measures, or -1:
 * a word naming a known measure before or right after it, else "of the
 * vote" after a share, a compound ("6.8-magnitude"), the nearest content
 * word before it in its clause ("The voter turnout was 23.37%"), or the
 * noun right after it. *phrase_first is the first word to show. */
static int
measure_token (Scan *s,
               int   first,
               int   last,
               int  *phrase_first)
{
  int j = last + 1;
  int of_noun = -1, nearest = -1;

  *phrase_first = -1;
  /* a price per unit: "$138.23 per share", "$142.50 in cash … for each
   * VMware share", "$90 a barrel" */
  for (int k = last + 1; k < NTOK (s) && k <= last + 14 && !clause_break (s, k) && !is_sentence_end (s, k); k++)
    {
      int n = -1;

      if (tok_is (s, k, "per") || (k == last + 1 && (tok_is (s, k, "a") || tok_is (s, k, "an"))))
        n = k + 1;
      else if (tok_is (s, k, "for") && (tok_is (s, k + 1, "each") || tok_is (s, k + 1, "every")))
        n = k + 2;
      if (n < 0)
        continue;
      while (n < NTOK (s) && n <= k + 5 && TOK (s, n)->type == TOK_WORD && TOK (s, n)->cap)
        n++;
      if (n < NTOK (s) && TOK (s, n)->type == TOK_WORD && !TOK (s, n)->cap && !is_stop (s, n) && !has_lex (s, n))
        {
          *phrase_first = k;
          return n;
        }
      break;
    }
  if (tok_is (s, j, "of"))
    {
      j++;
      if (tok_is (s, j, "the") || tok_is (s, j, "all") || tok_is (s, j, "its") || tok_is (s, j, "their"))
        j++;
      if (j < NTOK (s) && TOK (s, j)->type == TOK_WORD && !TOK (s, j)->cap && !is_stop (s, j))
        {
          *phrase_first = j;
          /* "of eligible voters": the noun is the last word of the phrase */
          if (j + 1 < NTOK (s) && is_plural_noun (s, j + 1) && !is_stop (s, j + 1))
            j++;
          if (is_measure_word (s, j) && !is_link_verb (s, j))
            of_noun = j;
        }
    }
  if (of_noun < 0)
    *phrase_first = -1;
  if (of_noun >= 0)
    return of_noun;

  /* "6.8-magnitude" */
  if (tok_sym (s, last + 1, '-') && attached (s, last + 1) && attached (s, last + 2) &&
      is_measure_word (s, last + 2) && !TOK (s, last + 2)->cap)
    return last + 2;
  /* after an article the number qualifies the noun that follows: "owns a
   * 40% stake", "represents a 49 percent premium" */
  if ((tok_is (s, first - 1, "a") || tok_is (s, first - 1, "an")) && is_noun_after (s, last + 1))
    return last + 1;

  for (j = first - 1; j >= 0 && j >= first - 8; j--)
    {
      const Tok *t = TOK (s, j);

      if (t->used || (t->type != TOK_WORD && (clause_break (s, j) || t->type == TOK_NUM)))
        break;
      if (is_measure_word (s, j) && !is_link_verb (s, j))
        {
          /* a word that names a measure wins over a nearer noun:
           * "values the project at €1.25 billion" measures a cost */
          if (concept_of (s, j) != NULL)
            return j;
          if (nearest < 0)
            nearest = j;
        }
      if (t->newline || at_sentence_start (s, j))
        break;
    }

  if (is_noun_after (s, last + 1) && (nearest < 0 || concept_of (s, last + 1) != NULL))
    return last + 1;
  return nearest;
}

/* A known measure later in the sentence, outside other facts ("69.44 per
 * cent, or 8,300,046 citizens …, participated"), or -1. Needs every fact
 * of the text found. */
static int
measure_token_after (Scan *s,
                     int   last)
{
  for (int j = last + 1; j < NTOK (s) && j <= last + 24 && !is_sentence_end (s, j); j++)
    if (TOK (s, j)->type == TOK_WORD && !TOK (s, j)->used && may_name_concept (s, j) && is_measure_word (s, j) &&
        concept_of (s, j) != NULL)
      return j;
  return -1;
}

/* g_utf8_strdown () of @n bytes at @p; ASCII without "I" and "J" (which
 * Turkish and Lithuanian lowercase their own way) without it. */
static char *
strdown (const char *p,
         gsize       n)
{
  for (gsize k = 0; k < n; k++)
    if ((guchar)p[k] >= 0x80 || p[k] == 'I' || p[k] == 'J')
      return g_utf8_strdown (p, n);
  return g_ascii_strdown (p, n);
}

/* Sets what @fact measures from the token @i (and the words shown from
 * @phrase_first, or -1). */
static void
set_measure_from (Scan   *s,
                  PxFact *fact,
                  int     i,
                  int     phrase_first)
{
  const char *stem = word_measure_stem (s, i);
  const char *concept = measure_concept (stem);
  const Tok *a = TOK (s, phrase_first >= 0 && phrase_first <= i ? phrase_first : i);
  const Tok *b = TOK (s, i);

  g_free (fact->measure);
  g_free (fact->measure_words);
  /* "per share" and "for each … stock" are one measure: a price per unit */
  if (phrase_first >= 0 && phrase_first < i &&
      (tok_is (s, phrase_first, "per") || tok_is (s, phrase_first, "for") || tok_is (s, phrase_first, "a") ||
       tok_is (s, phrase_first, "an")))
    {
      g_autofree char *word = strdown (s->text + b->start, b->end - b->start);

      fact->measure = g_strdup_printf ("per %s", g_strcmp0 (stem, "stock") == 0 ? "share" : stem);
      fact->measure_words = g_strdup_printf ("per %s", word);
      return;
    }
  /* "participated in 26 events" is no turnout: a verb names a share only */
  if (concept != NULL && strcmp (concept, "turnout") == 0 && fact->kind != PX_FACT_PERCENT &&
      g_strcmp0 (stem, "turnout") != 0)
    concept = NULL;
  if (concept != NULL)
    {
      fact->measure = g_strdup (concept);
      fact->measure_words = g_strdup (concept_words (concept));
    }
  else
    {
      fact->measure = g_strdup (stem);
      fact->measure_words = strdown (s->text + a->start, b->end - a->start);
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
  if (t->type != TOK_WORD || t->cap || tok_lex (t) != NULL)
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
 * people on the voter lists" counts voters) or a known measure later in
 * the clause ("2,012 people had been killed" counts deaths). */
char *
counted_measure (Scan *s,
                 int   noun)
{
  static const char * const generic[] = {
    "people", "persons", "citizens", "residents", "individuals", "inhabitants",
  };

  if (!TOK_IN (s, noun, generic))
    return stem_of (s, noun);
  if (tok_is (s, noun + 1, "on") || tok_is (s, noun + 1, "in") || tok_is (s, noun + 1, "of"))
    for (int j = noun + 2; j < NTOK (s) && j <= noun + 5; j++)
      {
        const Tok *t = TOK (s, j);

        if (t->type != TOK_WORD)
          break;
        if (!is_stop (s, j) && !t->cap && !has_lex (s, j))
          return stem_of (s, j);
      }
  for (int j = noun + 1; j < NTOK (s) && j <= noun + 6 && !clause_break (s, j) &&
                         TOK (s, j)->type != TOK_NUM && !tok_is (s, j, "and") && !tok_is (s, j, "while") &&
                         !tok_is (s, j, "but"); j++)
    if (TOK (s, j)->type == TOK_WORD && is_measure_word (s, j))
      {
        const char *concept = concept_of (s, j);

        if (concept != NULL)
          return g_strdup (concept);
      }
  return stem_of (s, noun);
}

/* A counted noun after a number: "13 visits", "10 thousand polling
 * stations", "11,953,465 eligible voters", "26 international online and
 * offline events". Returns its last token or -1. */
int
counted_noun (Scan *s,
              int   i)
{
  if (is_plural_noun (s, i))
    return i;
  /* up to four words that qualify it, joined by "and" or "or" */
  for (int k = i; k < NTOK (s) && k <= i + 3; k++)
    {
      const Tok *t = TOK (s, k);

      if (t->type != TOK_WORD || t->cap || has_lex (s, k) ||
          (is_stop (s, k) && !(k > i && (tok_is (s, k, "and") || tok_is (s, k, "or")))))
        return -1;
      if (is_plural_noun (s, k + 1))
        return k + 2 < NTOK (s) && TOK (s, k + 2)->type == TOK_WORD && is_plural_noun (s, k + 2) ? -1 : k + 1;
    }
  return -1;
}

void
set_measure (Scan   *s,
             PxFact *fact,
             int     first,
             int     last)
{
  int phrase_first, i;

  if (fact->measure != NULL)
    return;
  i = measure_token (s, first, last, &phrase_first);
  /* "The epicenter was near the town of Ighil, some 70 km southwest of
   * Marrakesh": a distance or a size is of what the sentence is about */
  if (i < 0 && fact->kind == PX_FACT_QUANTITY && !fact->counted)
    {
      int k;

      for (k = first; k > 0 && k > first - 40 && !at_sentence_start (s, k); k--)
        ;
      for (; k < first; k++)
        if (is_measure_word (s, k) && !is_link_verb (s, k))
          {
            i = k;
            break;
          }
    }
  if (i >= 0)
    set_measure_from (s, fact, i, phrase_first);
}

/* The token that starts at byte @start, or -1. */
static int
token_at (Scan  *s,
          guint  start)
{
  int lo = 0, hi = NTOK (s) - 1;

  while (lo <= hi)
    {
      int mid = (lo + hi) / 2;

      if (TOK (s, mid)->start == start)
        return mid;
      if (TOK (s, mid)->start < start)
        lo = mid + 1;
      else
        hi = mid - 1;
    }
  return -1;
}

/* TRUE when the bytes between two facts hold a clause break. */
static gboolean
clause_between (Scan  *s,
                guint  from,
                guint  to)
{
  for (guint k = from; k < to && k < s->length; k++)
    if (s->text[k] == ',' || s->text[k] == ';' || s->text[k] == '(' || s->text[k] == ')' ||
        s->text[k] == '.' || s->text[k] == ':')
      return TRUE;
  return FALSE;
}

/* A name that only says who reports the number ("the ministry said",
 * "according to the CEC", "citing Kazinform") is not what it is about. */
static gboolean
is_attribution (Scan         *s,
                const PxFact *name)
{
  int first = token_at (s, name->start);
  int last = first;

  if (first < 0)
    return FALSE;
  while (last + 1 < NTOK (s) && TOK (s, last + 1)->end <= name->end)
    last++;
  /* "(1600 GMT)": an aside */
  if (tok_sym (s, last + 1, ')'))
    return TRUE;
  if ((lex_flags (s, last + 1) & PX_LEX_SPEECH) ||
      ((tok_is (s, last + 1, "has") || tok_is (s, last + 1, "had") || tok_is (s, last + 1, "have")) &&
       (lex_flags (s, last + 2) & PX_LEX_SPEECH)))
    return TRUE;
  return (tok_is (s, first - 1, "to") && tok_is (s, first - 2, "according")) || tok_is (s, first - 1, "citing") ||
         (tok_is (s, first - 2, "to") && tok_is (s, first - 3, "according")) || tok_is (s, first - 2, "citing");
}

/* A word of the clause of token @i that says at which stage a number was
 * counted, or NULL. */
static char *
stage_in_clause (Scan *s,
                 int   i)
{
  static const char * const stages[] = {
    "final", "preliminary", "provisional", "initial", "partial", "official", "unofficial",
  };
  int a = i, b = i;

  while (a > 0 && i - a < 20 && !clause_break (s, a - 1) && !is_sentence_end (s, a - 1))
    a--;
  while (b + 1 < NTOK (s) && b - i < 20 && !clause_break (s, b + 1))
    b++;
  for (int k = a; k <= b; k++)
    {
      if (TOK_IN (s, k, stages))
        return g_ascii_strdown (s->text + TOK (s, k)->start, tok_len (TOK (s, k)));
      if ((tok_is (s, k, "exit") || tok_is (s, k, "opinion")) && (tok_is (s, k + 1, "poll") || tok_is (s, k + 1, "polls")))
        return g_strdup ("exit poll");
    }
  return NULL;
}

static gboolean
is_amount (PxFactKind kind)
{
  return kind == PX_FACT_NUMBER || kind == PX_FACT_MONEY || kind == PX_FACT_PERCENT ||
         kind == PX_FACT_QUANTITY;
}

/* Whom each number is about (the nearest name before it
 * in its sentence that is not only the source of it) and the year its
 * clause sets it in. Runs once names are known; s->facts is sorted. */
void
assign_subjects (Scan *s)
{
  int sentence_first = -1, sentence_last = -2;

  for (guint i = 0; i < s->facts->len; i++)
    {
      PxFact *fact = g_ptr_array_index (s->facts, i);
      int first = token_at (s, fact->start);
      int k;
      guint sentence_start, sentence_end, j0;

      if (!is_amount (fact->kind) || first < 0)
        continue;
      /* (a span of time measures nothing: "three days" stays a duration) */
      if (fact->measure == NULL && !(fact->kind == PX_FACT_QUANTITY && fact->counted))
        {
          int end = first;
          int m;

          while (end + 1 < NTOK (s) && TOK (s, end + 1)->end <= fact->end)
            end++;
          m = measure_token_after (s, end);
          if (m >= 0)
            set_measure_from (s, fact, m, -1);
        }
      /* the sentence of the previous number serves again when it holds this one */
      if (first < sentence_first || first > sentence_last)
        {
          for (k = first; k > 0 && k > first - 80 && !at_sentence_start (s, k); k--)
            ;
          sentence_first = k;
          for (k = first; k + 1 < NTOK (s) && k < first + 80 && !is_sentence_end (s, k); k++)
            ;
          sentence_last = k;
        }
      sentence_start = TOK (s, sentence_first)->start;
      sentence_end = TOK (s, sentence_last)->end;

      for (guint j = i; j-- > 0;)
        {
          const PxFact *other = g_ptr_array_index (s->facts, j);

          if (other->start < sentence_start || (is_amount (other->kind) && other->kind == fact->kind))
            break;
          if ((other->kind == PX_FACT_PERSON || other->kind == PX_FACT_ORGANIZATION || other->kind == PX_FACT_PLACE) &&
              other->end <= fact->start && !is_attribution (s, other))
            {
              guint from = other->end;

              /* "Tokayev, has won …", "Dairabayev (3.42 percent)" */
              while (from < fact->start && (s->text[from] == ' ' || s->text[from] == ',' || s->text[from] == '('))
                from++;
              if (!clause_between (s, from, fact->start))
                {
                  fact->subject = g_strdup (other->name != NULL ? other->name : other->text);
                  fact->subject_person = other->kind == PX_FACT_PERSON;
                }
              break;
            }
        }

      /* "final turnout", "an exit poll … gave him 63%", "preliminary results" */
      if (fact->when == NULL)
        fact->when = stage_in_clause (s, first);

      /* the sentence's facts (sorted by start) */
      j0 = i;
      while (j0 > 0 && ((const PxFact *)g_ptr_array_index (s->facts, j0 - 1))->start >= sentence_start)
        j0--;
      for (guint j = j0; j < s->facts->len; j++)
        {
          const PxFact *other = g_ptr_array_index (s->facts, j);

          if (other->start >= sentence_end)
            break;
          /* "23.37% at 10am": the time of a count */
          if (other->kind == PX_FACT_TIME && other->time != NULL && fact->when == NULL &&
              (other->end <= fact->start ? !clause_between (s, other->end, fact->start)
                                         : !clause_between (s, fact->end, other->start)))
            fact->when = g_strdup_printf ("at %s", other->time);
          if (other->kind != PX_FACT_DATE || other->start < sentence_start || other->date == NULL ||
              strlen (other->date) != 4 || other->year_inferred || !isnan (other->value_max))
            continue;
          if (other->end <= fact->start ? !clause_between (s, other->end, fact->start)
                                        : !clause_between (s, fact->end, other->start))
            {
              g_free (fact->scope);
              fact->scope = g_strdup (other->date);
            }
        }
    }
}
