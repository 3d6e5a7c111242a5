/* px-facts-extract.c: finding facts in text
 *
 * The text is cut into light tokens (words, digit runs, single symbols, with
 * byte offsets and whether white space came before). Patterns then run over
 * the tokens: dates and times first, then numbers with what follows them
 * (per cent, currency, unit, counted noun) and what precedes them
 * (qualifiers, currency signs), then ordinals, names and quotes. Every
 * pattern is general: words come from the lexicon in px-facts-lexicon.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-facts"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "px-facts-private.h"
#include "px-normalize.h"

typedef enum
{
  TOK_WORD,
  TOK_NUM,
  TOK_SYM,
} TokType;

typedef struct
{
  guint             start;
  guint             end;
  guint8            type;
  guint8            space;     /* white space before it */
  guint8            newline;   /* a line break before it */
  guint8            cap;       /* word that starts with a capital */
  guint8            used;      /* part of a fact already */
  gunichar          ch;        /* symbols: the character */
  const PxLexEntry *lex;
} Tok;

typedef struct
{
  const char *text;
  gsize       length;
  GArray     *toks;
  GPtrArray  *facts;
  int         ref_year;   /* 0 when unknown */
  int         ref_month;
  GHashTable *acronyms;   /* "CEC" → "Central Election Commission" */
  GHashTable *person_words; /* words of people's names → surname */
  GHashTable *midcaps;    /* words capitalized in mid-sentence (built on demand) */
} Scan;

#define TOK(s, i) (&g_array_index ((s)->toks, Tok, (i)))
#define NTOK(s) ((int)(s)->toks->len)

/* ---- tokens ---- */

static gboolean
is_space_char (gunichar ch)
{
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == 0xA0 ||
         g_unichar_isspace (ch);
}

static gboolean
is_word_char (gunichar ch)
{
  if (ch < 0x80)
    return g_ascii_isalpha (ch);
  return g_unichar_isalpha (ch) || g_unichar_ismark (ch);
}

static void
tokenize (Scan *s)
{
  const char *p = s->text;
  const char *end = s->text + s->length;
  gboolean space = TRUE;
  gboolean newline = TRUE;

  while (p < end)
    {
      guchar c = (guchar)*p;
      gunichar ch = c < 0x80 ? c : g_utf8_get_char_validated (p, end - p);
      const char *next = c < 0x80 ? p + 1 : g_utf8_next_char (p);
      Tok tok = { 0 };

      if (ch == (gunichar)-1 || ch == (gunichar)-2)
        {
          ch = 0xFFFD;
          next = p + 1;
        }

      if (is_space_char (ch))
        {
          space = TRUE;
          if (ch == '\n')
            newline = TRUE;
          p = next;
          continue;
        }

      tok.start = p - s->text;
      tok.space = space;
      tok.newline = newline;

      if ((c >= '0' && c <= '9') ||
          (c == '.' && space && p + 1 < end && p[1] >= '0' && p[1] <= '9'))
        {
          const char *q = p + 1;

          while (q < end)
            {
              if (*q >= '0' && *q <= '9')
                q++;
              else if ((*q == ',' || *q == '.') && q + 1 < end && q[1] >= '0' && q[1] <= '9')
                q += 2;
              /* thin and no-break spaces group thousands in French and Russian: "1 234 567" */
              else if (q + 3 < end && (guchar)q[0] == 0xE2 && (guchar)q[1] == 0x80 && (guchar)q[2] == 0xAF &&
                       q[3] >= '0' && q[3] <= '9')
                q += 4;
              else if (q + 2 < end && (guchar)q[0] == 0xC2 && (guchar)q[1] == 0xA0 && q[2] >= '0' && q[2] <= '9')
                q += 3;
              else
                break;
            }
          tok.type = TOK_NUM;
          next = q;
        }
      else if (is_word_char (ch))
        {
          const char *q = next;

          tok.cap = ch < 0x80 ? g_ascii_isupper (ch) : g_unichar_isupper (ch);
          while (q < end)
            {
              gunichar qc = (guchar)*q < 0x80 ? (guchar)*q : g_utf8_get_char_validated (q, end - q);

              if (qc == (gunichar)-1 || qc == (gunichar)-2 || !is_word_char (qc))
                break;
              q = g_utf8_next_char (q);
            }
          tok.type = TOK_WORD;
          next = q;
          tok.lex = px_lex_lookup (p, q - p);
        }
      else
        {
          tok.type = TOK_SYM;
          tok.ch = ch;
        }

      tok.end = next - s->text;
      g_array_append_val (s->toks, tok);
      space = FALSE;
      newline = FALSE;
      p = next;
    }
}

static gsize
tok_len (const Tok *t)
{
  return t->end - t->start;
}

/* @word is lowercase ASCII. */
static inline gboolean
tok_is (Scan       *s,
        int         i,
        const char *word)
{
  const Tok *t;

  if (i < 0 || i >= NTOK (s))
    return FALSE;
  t = TOK (s, i);
  if (t->type != TOK_WORD || (s->text[t->start] | 0x20) != word[0])
    return FALSE;
  return tok_len (t) == strlen (word) && g_ascii_strncasecmp (s->text + t->start, word, tok_len (t)) == 0;
}

static gboolean
tok_sym (Scan    *s,
         int      i,
         gunichar ch)
{
  return i >= 0 && i < NTOK (s) && TOK (s, i)->type == TOK_SYM && TOK (s, i)->ch == ch;
}

/* Token @i is one of @words (lowercase ASCII). */
static gboolean
tok_in (Scan              *s,
        int                i,
        const char * const *words,
        gsize              n_words)
{
  for (gsize k = 0; k < n_words; k++)
    if (tok_is (s, i, words[k]))
      return TRUE;
  return FALSE;
}

#define TOK_IN(s, i, words) tok_in ((s), (i), (words), G_N_ELEMENTS (words))

static gboolean
is_dash (gunichar ch)
{
  return ch == '-' || ch == 0x2010 || ch == 0x2011 || ch == 0x2012 || ch == 0x2013 || ch == 0x2014;
}

/* Token @i is glued to the one before it. */
static gboolean
attached (Scan *s,
          int   i)
{
  return i > 0 && i < NTOK (s) && !TOK (s, i)->space;
}

static const PxLexEntry *
lex (Scan *s,
     int   i)
{
  if (i < 0 || i >= NTOK (s) || TOK (s, i)->type != TOK_WORD)
    return NULL;
  return TOK (s, i)->lex;
}

static guint
lex_flags (Scan *s,
           int   i)
{
  const PxLexEntry *e = lex (s, i);

  return e != NULL ? e->flags : 0;
}

static gboolean
is_sentence_end (Scan *s,
                 int   i)
{
  const Tok *t;

  if (i < 0)
    return TRUE;
  t = TOK (s, i);
  return t->type == TOK_SYM && (t->ch == '.' || t->ch == '!' || t->ch == '?');
}

/* Token @i opens a sentence or a line. */
static gboolean
at_sentence_start (Scan *s,
                   int   i)
{
  int j = i - 1;

  if (TOK (s, i)->newline)
    return TRUE;
  /* opening quotes and brackets do not count */
  while (j >= 0 && TOK (s, j)->type == TOK_SYM &&
         (TOK (s, j)->ch == '"' || TOK (s, j)->ch == 0x201C || TOK (s, j)->ch == '(' ||
          TOK (s, j)->ch == 0x2018 || TOK (s, j)->ch == '\''))
    {
      if (TOK (s, j)->newline)
        return TRUE;
      j--;
    }
  return is_sentence_end (s, j);
}

/* ---- digits ---- */

typedef struct
{
  int     first;       /* tokens of the number phrase */
  int     last;
  double  value;
  double  precision;
  int     decimals;
  int     digits;      /* integer digits written; 0 for words */
  gboolean grouped;    /* thousands separators */
  gboolean words;      /* spelled out */
  gboolean multiplied;
} Num;

static gboolean is_all_caps (Scan *s,
                             int   i);
static int num_int      (Scan *s,
                         int   i,
                         int   min_digits,
                         int   max_digits);
static int counted_noun (Scan *s,
                         int   i);

/* Parses a digit token: "8,300,046", "23.37". FALSE for lists ("1,2,3"),
 * versions and dotted dates. */
static gboolean
parse_digits (Scan *s,
              int   i,
              Num  *num)
{
  const Tok *t = TOK (s, i);
  const char *p = s->text + t->start;
  gsize n = tok_len (t);
  char buf[64];
  gsize len = 0;
  int dots = 0, commas = 0, group = 0, decimals = 0, digits = 0;
  gboolean after_dot = FALSE;

  if (n >= sizeof buf)
    return FALSE;

  for (gsize k = 0; k < n; k++)
    {
      if (p[k] == '.')
        {
          if (++dots > 1 || (commas > 0 && group != 3))
            return FALSE;
          after_dot = TRUE;
          buf[len++] = '.';
        }
      else if (p[k] == ',' || (guchar)p[k] >= 0x80)
        {
          /* a group separator: the comma, or the bytes of a thin or no-break space */
          if ((guchar)p[k] >= 0x80)
            {
              if ((guchar)p[k] == 0xE2)
                k += 2;
              else
                k += 1;
            }
          if (after_dot || (commas == 0 ? group > 3 : group != 3))
            return FALSE;
          commas++;
          group = 0;
        }
      else
        {
          buf[len++] = p[k];
          if (after_dot)
            decimals++;
          else
            {
              group++;
              digits++;
            }
        }
    }
  if (commas > 0 && group != 3 && !after_dot)
    return FALSE;
  buf[len] = '\0';

  num->first = num->last = i;
  num->value = g_ascii_strtod (buf, NULL);
  num->precision = decimals > 0 ? pow (10, -decimals) : 0;
  num->decimals = decimals;
  num->digits = digits;
  num->grouped = commas > 0;
  num->words = FALSE;
  num->multiplied = FALSE;
  return TRUE;
}

/* "twenty-one", "one hundred and five", "a million", "two thirds". */
static gboolean
parse_number_words (Scan *s,
                    int   i,
                    Num  *num)
{
  double total = 0, current = 0;
  gboolean any = FALSE;
  int j = i, last = -1;

  if (tok_is (s, j, "half") && tok_is (s, j + 1, "a") && tok_is (s, j + 2, "dozen"))
    {
      num->first = i;
      num->last = j + 2;
      num->value = 6;
      num->precision = 0;
      num->decimals = num->digits = 0;
      num->grouped = num->multiplied = FALSE;
      num->words = TRUE;
      return TRUE;
    }
  if ((tok_is (s, j, "a") || tok_is (s, j, "an")) &&
      (lex_flags (s, j + 1) & (PX_LEX_MULTIPLIER | PX_LEX_FRACTION)) &&
      !(lex_flags (s, j + 1) & PX_LEX_SUFFIX_ONLY))
    {
      current = 1;
      any = TRUE;
      last = j;
      j++;
    }

  while (j < NTOK (s))
    {
      const PxLexEntry *e = lex (s, j);

      if (e == NULL)
        break;
      /* a word number joins the one before only as "fifty two" or "hundred five" */
      if ((e->flags & PX_LEX_NUMBER) && !(e->flags & PX_LEX_MULTIPLIER) &&
          (!any || fmod (current, 100) == 0 ||
           ((lex_flags (s, last) & PX_LEX_TENS) && fmod (current, 10) == 0 && e->number < 10)))
        {
          current += e->number;
          any = TRUE;
          last = j++;
          /* "twenty-one" */
          if ((e->flags & PX_LEX_TENS) && j + 1 < NTOK (s) && TOK (s, j)->type == TOK_SYM &&
              is_dash (TOK (s, j)->ch) && attached (s, j) && attached (s, j + 1) &&
              lex (s, j + 1) != NULL && (lex (s, j + 1)->flags & PX_LEX_NUMBER) &&
              lex (s, j + 1)->number < 10)
            {
              current += lex (s, j + 1)->number;
              last = j + 1;
              j += 2;
            }
          continue;
        }
      if (any && (e->flags & PX_LEX_MULTIPLIER) && !(e->flags & PX_LEX_SUFFIX_ONLY) && e->number >= 100)
        {
          if (e->number == 100)
            current = (current == 0 ? 1 : current) * 100;
          else
            {
              total += (current == 0 ? 1 : current) * e->number;
              current = 0;
            }
          last = j++;
          /* "one hundred and five" */
          if (tok_is (s, j, "and") && lex (s, j + 1) != NULL && (lex (s, j + 1)->flags & PX_LEX_NUMBER))
            j++;
          continue;
        }
      if (any && (e->flags & PX_LEX_FRACTION) && current > 0 && current < 100 && total == 0)
        {
          /* "one third", "two thirds"; a bare ordinal after a number is not a fraction */
          gsize l = tok_len (TOK (s, j));
          gboolean plural = s->text[TOK (s, j)->start + l - 1] == 's';

          if ((current == 1) != plural || e->number == 2)
            {
              current /= e->number;
              last = j++;
            }
          break;
        }
      break;
    }

  if (!any || last < i)
    return FALSE;
  /* "one and a half", "five and a quarter", "twenty and three fifths" */
  if (tok_is (s, last + 1, "and") && (lex_flags (s, last + 2) & PX_LEX_NUMBER || tok_is (s, last + 2, "a")) &&
      !(lex_flags (s, last + 2) & PX_LEX_MULTIPLIER))
    {
      const PxLexEntry *n = lex (s, last + 2);
      double numerator = n != NULL ? n->number : 1;
      const PxLexEntry *d = lex (s, last + 3);

      if (d != NULL && (d->flags & PX_LEX_FRACTION) && numerator < d->number)
        {
          current += numerator / d->number;
          last += 3;
        }
    }
  /* "five point five", "two hundred point zero three" */
  else if (tok_is (s, last + 1, "point") && (lex_flags (s, last + 2) & PX_LEX_NUMBER) &&
           !(lex_flags (s, last + 2) & PX_LEX_MULTIPLIER))
    {
      double scale = 0.1;
      int k = last + 2;

      while (k < NTOK (s) && (lex_flags (s, k) & PX_LEX_NUMBER) && lex (s, k)->number < 10 &&
             !(lex_flags (s, k) & PX_LEX_MULTIPLIER))
        {
          current += lex (s, k)->number * scale;
          scale /= 10;
          last = k++;
        }
    }

  num->first = i;
  num->last = last;
  num->value = total + current;
  num->precision = 0;
  num->decimals = 0;
  num->digits = 0;
  num->grouped = FALSE;
  num->words = TRUE;
  num->multiplied = total > 0 || (current >= 100);
  if (num->multiplied)
    num->precision = total >= 1e9 ? 1e9 : total >= 1e6 ? 1e6 : total >= 1e3 ? 1e3 : 100;
  return TRUE;
}

/* "3/4": a proper fraction of two whole numbers (dates are taken before). */
static gboolean
fraction_at (Scan *s,
             int   i,
             Num  *num)
{
  int a = num_int (s, i, 1, 3), b;

  if (a < 0 || !tok_sym (s, i + 1, '/') || !attached (s, i + 1) || !attached (s, i + 2) ||
      (b = num_int (s, i + 2, 1, 3)) <= 0 || a >= b || tok_sym (s, i + 3, '/'))
    return FALSE;
  memset (num, 0, sizeof *num);
  num->first = i;
  num->last = i + 2;
  num->value = (double)a / b;
  return TRUE;
}

/* A number phrase at @i, with its multiplier ("12 million", "$68.7bn"). */
static gboolean
parse_number (Scan    *s,
              int      i,
              gboolean money,
              Num     *num)
{
  const Tok *t = TOK (s, i);
  int j, k;

  if (t->type == TOK_NUM)
    {
      Num frac;

      if (!parse_digits (s, i, num))
        return FALSE;
      /* "3/4", "10 1/2" */
      if (fraction_at (s, i, &frac))
        *num = frac;
      else if (num->decimals == 0 && !num->grouped && i + 1 < NTOK (s) && TOK (s, i + 1)->type == TOK_NUM &&
               fraction_at (s, i + 1, &frac) && frac.value < 1)
        {
          num->value += frac.value;
          num->last = frac.last;
        }
    }
  else if (t->type == TOK_WORD)
    {
      if (!parse_number_words (s, i, num))
        return FALSE;
    }
  else
    return FALSE;

  j = num->last + 1;
  /* "one over three", "1 out of 3" */
  if (!num->multiplied && num->value == floor (num->value) && num->value < 100 &&
      (tok_is (s, j, "over") || (tok_is (s, j, "out") && tok_is (s, j + 1, "of"))) && !money)
    {
      int d = tok_is (s, j, "over") ? j + 1 : j + 2;
      Num den;

      if (d < NTOK (s) && (TOK (s, d)->type == TOK_NUM || (lex_flags (s, d) & PX_LEX_NUMBER)) &&
          !(lex_flags (s, d) & PX_LEX_MULTIPLIER) && parse_number (s, d, FALSE, &den) && den.value > num->value &&
          (num->words || TOK (s, d)->type == TOK_NUM || den.words) && den.value != 0)
        {
          num->value /= den.value;
          num->last = den.last;
          num->precision = 0;
          return TRUE;
        }
    }
  /* "2.33 k": a spaced k after digits */
  if (!num->words && tok_is (s, j, "k") && !attached (s, j) && (j + 1 >= NTOK (s) || TOK (s, j + 1)->type != TOK_WORD))
    {
      num->value *= 1000;
      num->multiplied = TRUE;
      num->last = j;
      return TRUE;
    }
  if (j < NTOK (s) && TOK (s, j)->type == TOK_WORD)
    {
      const PxLexEntry *e = TOK (s, j)->lex;

      if (e != NULL && (e->flags & PX_LEX_MULTIPLIER) && e->number >= 1000 &&
          (!(e->flags & PX_LEX_ATTACHED_ONLY) || attached (s, j)) &&
          (!(e->flags & PX_LEX_MONEY_ONLY) || money) &&
          (!(e->flags & PX_LEX_SUFFIX_ONLY) || !num->words))
        {
          gboolean take = TRUE;

          /* "5m": million with money or a counted noun after, else metres */
          if (strcmp (e->word, "m") == 0)
            take = attached (s, j) && (money || counted_noun (s, j + 1) >= 0 ||
                                       (lex (s, j + 1) != NULL && lex (s, j + 1)->currency != NULL));
          else if (strcmp (e->word, "k") == 0)
            take = attached (s, j);
          if (take)
            {
              num->value *= e->number;
              num->precision = e->number * pow (10, -num->decimals);
              num->multiplied = TRUE;
              num->last = j;
            }
        }
      else if (e != NULL && (e->flags & PX_LEX_MULTIPLIER) && (e->number == 100 || e->number == 12) &&
               !(e->flags & PX_LEX_SUFFIX_ONLY))
        {
          num->value *= e->number;
          num->precision = num->words ? e->number : 0;
          num->multiplied = TRUE;
          num->last = j;
        }
    }
  k = num->last + 1;
  /* "3 million and a half", "two million and three fifths": a share of the multiplier */
  if (num->multiplied && tok_is (s, k, "and") &&
      ((tok_is (s, k + 1, "a") || tok_is (s, k + 1, "one")) || (lex_flags (s, k + 1) & PX_LEX_NUMBER)) &&
      lex (s, k + 2) != NULL && (lex (s, k + 2)->flags & PX_LEX_FRACTION))
    {
      const PxLexEntry *numerator = lex (s, k + 1);
      const PxLexEntry *fraction = lex (s, k + 2);
      double share = (numerator != NULL && !tok_is (s, k + 1, "one") ? numerator->number : 1) /
                     (fraction != NULL ? fraction->number : 1);
      double scale = num->precision > 0 ? num->precision : 1;

      if (share < 1)
        {
          num->value += share * scale;
          num->last = k + 2;
          num->precision = 0;
        }
    }
  return TRUE;
}

/* ---- facts ---- */

static PxFact *
add_fact (Scan       *s,
          PxFactKind  kind,
          int         first,
          int         last)
{
  PxFact *fact = px_fact_new (kind, TOK (s, first)->start, TOK (s, last)->end);

  fact->text = g_strndup (s->text + fact->start, fact->end - fact->start);
  g_ptr_array_add (s->facts, fact);
  if (kind != PX_FACT_QUOTE)
    for (int k = first; k <= last; k++)
      TOK (s, k)->used = TRUE;
  return fact;
}

static gboolean
span_free (Scan *s,
           int   first,
           int   last)
{
  for (int k = first; k <= last; k++)
    if (TOK (s, k)->used)
      return FALSE;
  return TRUE;
}

/* Qualifier words just before token @i; moves *first over them when
 * @include is set. */
static PxQualifier
qualifier_before (Scan *s,
                  int   i)
{
  static const struct { const char *w1, *w2, *w3; PxQualifier q; } phrases[] = {
    { "no", "less", "than", PX_QUALIFIER_GE },
    { "not", "less", "than", PX_QUALIFIER_GE },
    { "no", "fewer", "than", PX_QUALIFIER_GE },
    { "no", "more", "than", PX_QUALIFIER_LE },
    { "not", "more", "than", PX_QUALIFIER_LE },
    { "in", "excess", "of", PX_QUALIFIER_GT },
    { "as", "many", "as", PX_QUALIFIER_LE },
    { "as", "much", "as", PX_QUALIFIER_LE },
    { NULL, "more", "than", PX_QUALIFIER_GT },
    { NULL, "greater", "than", PX_QUALIFIER_GT },
    { NULL, "higher", "than", PX_QUALIFIER_GT },
    { NULL, "less", "than", PX_QUALIFIER_LT },
    { NULL, "fewer", "than", PX_QUALIFIER_LT },
    { NULL, "lower", "than", PX_QUALIFIER_LT },
    { NULL, "at", "least", PX_QUALIFIER_GE },
    { NULL, "at", "most", PX_QUALIFIER_LE },
    { NULL, "up", "to", PX_QUALIFIER_LE },
    { NULL, "close", "to", PX_QUALIFIER_APPROX },
    { NULL, "an", "estimated", PX_QUALIFIER_APPROX },
  };
  const PxLexEntry *e;

  for (guint k = 0; k < G_N_ELEMENTS (phrases); k++)
    {
      if (phrases[k].w1 != NULL && !tok_is (s, i - 3, phrases[k].w1))
        continue;
      if (tok_is (s, i - 2, phrases[k].w2) && tok_is (s, i - 1, phrases[k].w3))
        return phrases[k].q;
    }
  e = lex (s, i - 1);
  if (e != NULL && e->qualifier != PX_QUALIFIER_NONE)
    return e->qualifier;
  return PX_QUALIFIER_NONE;
}

static char *
stem_of (Scan *s,
         int   i)
{
  const Tok *t = TOK (s, i);
  g_autofree char *norm = px_normalize_word (s->text + t->start, tok_len (t));

  if (norm == NULL || *norm == '\0')
    return NULL;
  return px_stem_word (norm, -1);
}

static gboolean
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
static char *
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
static int
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

static const char *
currency_symbol (gunichar ch)
{
  switch (ch)
    {
    case '$': return "USD";
    case 0x20AC: return "EUR";
    case 0x00A3: return "GBP";
    case 0x00A5: return "JPY";
    case 0x20BD: return "RUB";
    case 0x20B8: return "KZT";
    case 0x20B9: return "INR";
    case 0x20A9: return "KRW";
    case 0x20BA: return "TRY";
    case 0x20B4: return "UAH";
    case 0x20BF: return "BTC";
    case 0x00A2: return "Cent";
    default: return NULL;
    }
}

/* ISO 4217 codes, for amounts written "42 QAR" or "MYR 42" in capitals. */
static const char * const iso_codes[] = {
  "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
  "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF",
  "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB",
  "EUR", "FJD", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF",
  "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW",
  "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD",
  "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK",
  "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB",
  "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SYP",
  "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU",
  "UZS", "VES", "VND", "VUV", "WST", "XAF", "XCD", "XOF", "YER", "ZAR", "ZMW", "ZWL",
};

static int
compare_codes (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The ISO code written in capitals at @i ("QAR"), or with an M for
 * millions ("MUSD": *millions set). NULL when it is none. */
static const char *
iso_code_at (Scan     *s,
             int       i,
             gboolean *millions)
{
  const Tok *t;
  char buf[4];
  const char *key = buf;
  const char * const *found;
  gsize n, off = 0;

  *millions = FALSE;
  if (i < 0 || i >= NTOK (s) || TOK (s, i)->type != TOK_WORD || !is_all_caps (s, i))
    return NULL;
  t = TOK (s, i);
  n = tok_len (t);
  if (n == 4 && s->text[t->start] == 'M')
    off = 1;
  else if (n != 3)
    return NULL;
  memcpy (buf, s->text + t->start + off, 3);
  buf[3] = '\0';
  found = bsearch (&key, iso_codes, G_N_ELEMENTS (iso_codes), sizeof iso_codes[0], compare_codes);
  if (found == NULL)
    return NULL;
  *millions = off == 1;
  return *found;
}

/* A currency written before an amount at @i: "$", "US$", "€", "USD". Sets
 * *first to its first token and returns the index of the amount. */
static int
currency_before (Scan        *s,
                 int          i,
                 const char **currency)
{
  const Tok *t = TOK (s, i);
  const char *code;

  if (t->type == TOK_SYM && (code = currency_symbol (t->ch)) != NULL && i + 1 < NTOK (s))
    {
      *currency = code;
      return i + 1;
    }
  if (t->type == TOK_WORD && i + 2 < NTOK (s) && tok_sym (s, i + 1, '$') &&
      (attached (s, i + 1) || tok_len (t) >= 2 || tok_is (s, i, "c")))
    {
      static const struct { const char *prefix, *code; } dollars[] = {
        { "US", "USD" }, { "C", "CAD" }, { "CA", "CAD" }, { "A", "AUD" }, { "AU", "AUD" },
        { "HK", "HKD" }, { "NZ", "NZD" }, { "S", "SGD" },
      };

      for (guint k = 0; k < G_N_ELEMENTS (dollars); k++)
        if (tok_len (t) == strlen (dollars[k].prefix) &&
            g_ascii_strncasecmp (s->text + t->start, dollars[k].prefix, tok_len (t)) == 0 &&
            (t->cap || !attached (s, i + 1)))
          {
            *currency = dollars[k].code;
            return i + 2;
          }
    }
  if (t->type == TOK_WORD && t->lex != NULL && t->lex->currency != NULL && t->lex->unit == NULL &&
      !(t->lex->flags & PX_LEX_AMBIGUOUS) && i + 1 < NTOK (s))
    {
      /* "USD 250", "Rs. 20", "ringgit 42" */
      int n = i + 1;

      if (tok_sym (s, n, '.') && attached (s, n))
        n++;
      if (n < NTOK (s) && TOK (s, n)->type == TOK_NUM && !g_str_equal (t->lex->currency, "Cent") &&
          !g_str_equal (t->lex->currency, "Pence"))
        {
          *currency = t->lex->currency;
          return n;
        }
    }
  {
    gboolean millions;
    const char *iso = iso_code_at (s, i, &millions);

    if (iso != NULL && !millions && i + 1 < NTOK (s) && TOK (s, i + 1)->type == TOK_NUM)
      {
        *currency = iso;
        return i + 1;
      }
  }
  return -1;
}

/* "australian dollars", "swiss francs", "us dollar": a currency word with
 * the country before it. Returns the ISO code or NULL. */
static const char *
national_currency (Scan *s,
                   int   i)
{
  static const struct { const char *adjective, *currency, *code; } table[] = {
    { "us", "dollar", "USD" }, { "american", "dollar", "USD" }, { "australian", "dollar", "AUD" },
    { "canadian", "dollar", "CAD" }, { "singapore", "dollar", "SGD" }, { "taiwan", "dollar", "TWD" },
    { "swiss", "franc", "CHF" }, { "french", "franc", "FRF" }, { "chinese", "yuan", "CNY" },
    { "japanese", "yen", "JPY" }, { "british", "pound", "GBP" }, { "indian", "rupee", "INR" },
    { "russian", "ruble", "RUB" }, { "russian", "rouble", "RUB" }, { "kazakh", "tenge", "KZT" },
    { "dutch", "guilder", "NLG" }, { "finnish", "markka", "FIM" }, { "spanish", "peseta", "ESP" },
    { "turkish", "lira", "TRY" }, { "mexican", "peso", "MXN" }, { "philippine", "peso", "PHP" },
  };
  const Tok *n;

  if (i + 1 >= NTOK (s) || TOK (s, i + 1)->type != TOK_WORD)
    return NULL;
  n = TOK (s, i + 1);
  for (guint k = 0; k < G_N_ELEMENTS (table); k++)
    if (tok_is (s, i, table[k].adjective) &&
        g_ascii_strncasecmp (s->text + n->start, table[k].currency, strlen (table[k].currency)) == 0 &&
        tok_len (n) <= strlen (table[k].currency) + 2)
      return table[k].code;
  return NULL;
}

static gboolean
is_minor_unit (Scan *s,
               int   i)
{
  static const char * const words[] = {
    "cent", "cents", "pence", "penny", "sen", "sens", "kopek", "kopeks", "kopecks", "kopiyka",
    "kopiykas", "paise", "centime", "centimes", "tiyn",
  };

  if (tok_is (s, i, "c") && attached (s, i))
    return TRUE;
  return TOK_IN (s, i, words);
}

/* "3 dollars 50 cents", "thirteen dollars and forty-five cents": adds the
 * cents to @num and returns the new last token. */
static int
add_cents (Scan *s,
           int   last,
           Num  *num)
{
  int j = last + 1;
  Num cents;

  if (tok_is (s, j, "and"))
    j++;
  if (j >= NTOK (s) || (TOK (s, j)->type != TOK_NUM && lex (s, j) == NULL) || !parse_number (s, j, FALSE, &cents) ||
      cents.value >= 100 || cents.value != floor (cents.value))
    return last;
  if (is_minor_unit (s, cents.last + 1))
    cents.last++;
  else if (cents.last + 1 < NTOK (s) && !is_sentence_end (s, cents.last + 1))
    return last;   /* "thirteen dollars forty five" only ends a phrase */
  num->value += cents.value / 100;
  num->precision = 0;
  return cents.last;
}

static void
set_measure (Scan   *s,
             PxFact *fact,
             int     first,
             int     last)
{
  if (fact->measure == NULL)
    fact->measure = find_measure (s, first, last);
}

/* ---- dates ---- */

static int
days_in_month (int year,
               int month)
{
  static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && year > 0 && !g_date_is_leap_year (year))
    return 28;
  return days[month - 1];
}

static gboolean
valid_date (int year,
            int month,
            int day)
{
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month (year, month) &&
         (year == 0 || (year >= 1000 && year <= 2999));
}

static PxFact *
add_date (Scan *s,
          int   first,
          int   last,
          int   year,
          int   month,
          int   day)
{
  PxFact *fact;
  gboolean inferred = FALSE;

  if (!span_free (s, first, last))
    return NULL;

  if (year == 0 && month > 0 && s->ref_year > 0)
    {
      year = s->ref_year;
      /* news reports the recent past: a month far after the dateline is last year's */
      if (month - s->ref_month > 6)
        year--;
      else if (s->ref_month - month > 9)
        year++;
      inferred = TRUE;
    }

  fact = add_fact (s, PX_FACT_DATE, first, last);
  if (year > 0 && month > 0 && day > 0)
    fact->date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  else if (month > 0 && day > 0)
    fact->date = g_strdup_printf ("--%02d-%02d", month, day);
  else if (year > 0 && month > 0)
    fact->date = g_strdup_printf ("%04d-%02d", year, month);
  else if (month > 0)
    fact->date = g_strdup_printf ("--%02d", month);
  else
    fact->date = g_strdup_printf ("%04d", year);
  fact->year_inferred = inferred;
  return fact;
}

static int
num_int (Scan *s,
         int   i,
         int   min_digits,
         int   max_digits)
{
  const Tok *t;
  int n;

  if (i < 0 || i >= NTOK (s))
    return -1;
  t = TOK (s, i);
  n = tok_len (t);
  if (t->type != TOK_NUM || n < min_digits || n > max_digits)
    return -1;
  for (int k = 0; k < n; k++)
    if (!g_ascii_isdigit (s->text[t->start + k]))
      return -1;
  return atoi (s->text + t->start);
}

static gboolean
is_ordinal_suffix (Scan *s,
                   int   i)
{
  return attached (s, i) &&
         (tok_is (s, i, "st") || tok_is (s, i, "nd") || tok_is (s, i, "rd") || tok_is (s, i, "th"));
}

/* A day of the month at @i ("20", "20th"); sets *last. */
static int
day_at (Scan *s,
        int   i,
        int  *last)
{
  int day = num_int (s, i, 1, 2);
  const PxLexEntry *e = lex (s, i);

  /* "fourth of July", "the twenty-third of September" */
  if (day < 0 && e != NULL && (e->flags & PX_LEX_TENS) && e->number <= 30 && i + 2 < NTOK (s) &&
      (tok_sym (s, i + 1, '-') || !attached (s, i + 1)) &&
      (lex_flags (s, tok_sym (s, i + 1, '-') ? i + 2 : i + 1) & PX_LEX_ORDINAL))
    {
      int k = tok_sym (s, i + 1, '-') ? i + 2 : i + 1;
      const PxLexEntry *ordinal = lex (s, k);   /* not NULL: its flags say ordinal */

      day = e->number + (ordinal != NULL ? ordinal->ordinal : 0);
      *last = k;
      if (tok_is (s, k + 1, "day") && tok_is (s, k + 2, "of"))
        *last = k + 1;
      return day >= 1 && day <= 31 ? day : -1;
    }
  if (day < 0 && e != NULL && (e->flags & PX_LEX_ORDINAL) && e->ordinal >= 1 && e->ordinal <= 31)
    {
      *last = i;
      /* "the twenty third day of September" */
      if (tok_is (s, i + 1, "day") && tok_is (s, i + 2, "of"))
        *last = i + 1;
      return (int)e->ordinal;
    }
  if (day < 0 && e != NULL && (e->flags & PX_LEX_NUMBER) && !(e->flags & PX_LEX_MULTIPLIER) && e->number >= 1)
    {
      /* "May twenty nine" */
      day = e->number;
      *last = i;
      if ((e->flags & PX_LEX_TENS) && (lex_flags (s, i + 1) & PX_LEX_NUMBER) && lex (s, i + 1)->number < 10 &&
          !(lex_flags (s, i + 1) & PX_LEX_MULTIPLIER))
        {
          day += lex (s, i + 1)->number;
          *last = i + 1;
        }
      /* "in May two people died" is no date: a spelled day ends its phrase */
      return day <= 31 && (*last + 1 >= NTOK (s) || TOK (s, *last + 1)->type != TOK_WORD) ? day : -1;
    }
  if (day < 1 || day > 31)
    return -1;
  *last = i;
  if (is_ordinal_suffix (s, i + 1))
    *last = i + 1;
  /* "20.5" or "20:30" is not a day; "22april" is */
  else if (i + 1 < NTOK (s) && attached (s, i + 1) && TOK (s, i + 1)->type != TOK_SYM &&
           !(lex (s, i + 1) != NULL && lex (s, i + 1)->month > 0))
    return -1;
  else if (attached (s, i + 1) && (tok_sym (s, i + 1, ':') || tok_sym (s, i + 1, '%')))
    return -1;
  return day;
}

static int
year_at (Scan *s,
         int   i)
{
  int year = num_int (s, i, 4, 4);

  if (year < 1000 || year > 2999 || (i + 1 < NTOK (s) && attached (s, i + 1) &&
                                     TOK (s, i + 1)->type != TOK_SYM))
    return -1;
  return year;
}

static int
month_at (Scan *s,
          int   i,
          int  *last)
{
  const PxLexEntry *e = lex (s, i);

  if (e == NULL || e->month == 0)
    return 0;
  /* "may" and "march" in lower case are verbs, unless a day stands by:
   * "march 3", "the fourth of may" */
  if ((e->flags & PX_LEX_AMBIGUOUS) && !TOK (s, i)->cap &&
      !(num_int (s, i + 1, 1, 2) > 0 && !tok_sym (s, i + 2, '%') && counted_noun (s, i + 2) < 0 &&
        !(lex (s, i + 2) != NULL && lex (s, i + 2)->unit != NULL)) &&
      !((lex_flags (s, i + 1) & PX_LEX_ORDINAL) && !tok_is (s, i + 1, "second") && TOK (s, i + 2 < NTOK (s) ? i + 2 : i)->type != TOK_WORD) &&
      !(tok_is (s, i + 1, "the") && (is_ordinal_suffix (s, i + 3) || (lex_flags (s, i + 2) & PX_LEX_ORDINAL))) &&
      !(tok_is (s, i - 1, "of") && i >= 2 &&
        (TOK (s, i - 2)->type == TOK_NUM || is_ordinal_suffix (s, i - 2) || (lex_flags (s, i - 2) & PX_LEX_ORDINAL))))
    return 0;
  *last = i;
  if ((e->flags & PX_LEX_ABBREV) && tok_sym (s, i + 1, '.') && attached (s, i + 1))
    *last = i + 1;
  return e->month;
}

static gboolean
is_month_context (Scan *s,
                  int   i)
{
  static const char * const words[] = {
    "in", "since", "by", "until", "till", "from", "early", "late", "mid", "of", "last", "next",
    "this", "during", "through", "before", "after", "throughout", "between", "and", "or",
    "to", "end", "beginning", "start", "middle",
  };

  return TOK_IN (s, i, words);
}

/* Extends the start of a month date over "the end of", "early", "mid-". */
static int
month_lead (Scan *s,
            int   i)
{
  if (tok_is (s, i - 1, "of") &&
      (tok_is (s, i - 2, "end") || tok_is (s, i - 2, "beginning") || tok_is (s, i - 2, "start") ||
       tok_is (s, i - 2, "middle")) && tok_is (s, i - 3, "the"))
    return i - 3;
  if (tok_is (s, i - 1, "early") || tok_is (s, i - 1, "late") || tok_is (s, i - 1, "mid"))
    return i - 1;
  if (tok_sym (s, i - 1, '-') && tok_is (s, i - 2, "mid"))
    return i - 2;
  return i;
}

/* "Sunday, " before a date: returns the weekday's index or @i. */
static int
weekday_lead (Scan *s,
              int   i)
{
  int j = i - 1;

  if (tok_sym (s, j, ','))
    j--;
  if (lex (s, j) != NULL && lex (s, j)->weekday > 0)
    return j;
  return i;
}

static gboolean
try_month_date (Scan *s,
                int   i)
{
  int mlast, dlast, month, day, year, first, last;

  if ((month = month_at (s, i, &mlast)) == 0)
    return FALSE;
  first = weekday_lead (s, i);

  /* 2019/aug/01, 2019-Aug-1 */
  if (i >= 2 && (tok_sym (s, i - 1, '/') || tok_sym (s, i - 1, '-')) && attached (s, i) && attached (s, i - 1) &&
      year_at (s, i - 2) > 0 && (tok_sym (s, mlast + 1, '/') || tok_sym (s, mlast + 1, '-')) &&
      attached (s, mlast + 1) && attached (s, mlast + 2) && (day = day_at (s, mlast + 2, &dlast)) > 0 &&
      valid_date (year_at (s, i - 2), month, day) && span_free (s, i - 2, i - 1))
    return add_date (s, i - 2, dlast, year_at (s, i - 2), month, day) != NULL;

  /* Oct/2, Jun-15 */
  if ((tok_sym (s, mlast + 1, '/') || tok_sym (s, mlast + 1, '-')) && attached (s, mlast + 1) &&
      attached (s, mlast + 2) && (day = day_at (s, mlast + 2, &dlast)) > 0 && valid_date (0, month, day))
    {
      year = 0;
      if ((tok_sym (s, dlast + 1, '/') || tok_sym (s, dlast + 1, '-')) && attached (s, dlast + 1) &&
          attached (s, dlast + 2) && (year = year_at (s, dlast + 2)) > 0 && valid_date (year, month, day))
        dlast += 2;
      else
        year = 0;
      return add_date (s, first, dlast, year, month, day) != NULL;
    }


  /* November 20[, 2022], October, 1st, February the 15th */
  if ((day = day_at (s, mlast + 1 + ((tok_sym (s, mlast + 1, ',') && is_ordinal_suffix (s, mlast + 3)) ||
                                     (tok_is (s, mlast + 1, "the") &&
                                      (is_ordinal_suffix (s, mlast + 3) || (lex_flags (s, mlast + 2) & PX_LEX_ORDINAL) ||
                                       (lex_flags (s, mlast + 2) & PX_LEX_TENS))) ? 1 : 0), &dlast)) > 0)
    {
      int yi = dlast + 1;

      last = dlast;
      if (tok_sym (s, yi, ',') || tok_is (s, yi, "of") || tok_is (s, yi, "in"))
        yi++;
      if ((year = year_at (s, yi)) > 0)
        last = yi;
      else
        year = 0;
      if (!valid_date (year, month, day))
        return FALSE;
      return add_date (s, first, last, year, month, day) != NULL;
    }

  /* November 2022 */
  if ((year = year_at (s, mlast + 1 + (tok_is (s, mlast + 1, "of") ? 1 : 0))) > 0)
    return add_date (s, month_lead (s, i), mlast + 1 + (tok_is (s, mlast + 1, "of") ? 1 : 0),
                     year, month, 0) != NULL;

  /* in September, at the end of October */
  if ((lex_flags (s, i) & PX_LEX_ABBREV) || !TOK (s, i)->cap)
    return FALSE;
  first = month_lead (s, i);
  if (!is_month_context (s, first - 1) && first == i)
    return FALSE;
  return add_date (s, first, mlast, 0, month, 0) != NULL;
}

/* 20 November 2022, the 20th of November */
static gboolean
try_day_month_date (Scan *s,
                    int   i)
{
  int dlast, mi, mlast, month, day, year = 0, last, first = i;

  gboolean dashed;

  if (i > 0 && TOK (s, i - 1)->type == TOK_SYM && currency_symbol (TOK (s, i - 1)->ch) != NULL)
    return FALSE;
  if ((day = day_at (s, i, &dlast)) < 0)
    return FALSE;
  mi = dlast + 1;
  dashed = (tok_sym (s, mi, '-') || tok_sym (s, mi, '/')) && attached (s, mi) && attached (s, mi + 1);
  if (tok_is (s, mi, "of") || dashed || (tok_sym (s, mi, '.') && attached (s, mi) && dlast == i))
    mi++;
  if ((month = month_at (s, mi, &mlast)) == 0)
    return FALSE;
  last = mlast;
  {
    int yi = mlast + 1 + (tok_sym (s, mlast + 1, ',') || tok_is (s, mlast + 1, "of") || tok_is (s, mlast + 1, "in") ? 1 : 0);

    if (dashed)
      {
        yi = (tok_sym (s, mlast + 1, '-') || tok_sym (s, mlast + 1, '/')) && attached (s, mlast + 2) ? mlast + 2 : -1;
        if (yi > 0 && num_int (s, yi, 2, 2) >= 0 && year_at (s, yi) < 0)
          {
            int yy = num_int (s, yi, 2, 2);

            year = yy < 50 ? 2000 + yy : 1900 + yy;
            if (!valid_date (year, month, day))
              return FALSE;
            return add_date (s, weekday_lead (s, tok_is (s, i - 1, "the") ? i - 1 : i), yi, year, month, day) != NULL;
          }
      }

    if ((year = year_at (s, yi)) > 0)
      last = yi;
    else
      year = 0;
  }
  if (!valid_date (year, month, day))
    return FALSE;
  if (tok_is (s, i - 1, "the"))
    first = i - 1;
  first = weekday_lead (s, first);
  return add_date (s, first, last, year, month, day) != NULL;
}

/* 20.11.2022, 2022-11-20, 11/20/2022 */
static gboolean
try_numeric_date (Scan *s,
                  int   i)
{
  const Tok *t = TOK (s, i);
  int a, b, c, year, month, day;

  if (t->type != TOK_NUM)
    return FALSE;

  /* 20161016 */
  if (tok_len (t) == 8 && num_int (s, i, 8, 8) >= 0)
    {
      const char *p = s->text + t->start;
      int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
      int mo = (p[4] - '0') * 10 + (p[5] - '0');
      int d = (p[6] - '0') * 10 + (p[7] - '0');

      if (y >= 1900 && y <= 2099 && valid_date (y, mo, d))
        return add_date (s, i, i, y, mo, d) != NULL;
      return FALSE;
    }

  /* dotted: one token */
  {
    const char *p = s->text + t->start;
    gsize n = tok_len (t);
    int dots = 0;

    for (gsize k = 0; k < n; k++)
      dots += p[k] == '.';
    if (dots == 2 && sscanf (p, "%d.%d.%d", &a, &b, &c) == 3)
      {
        const char *last_dot = memchr (memchr (p, '.', n) + 1, '.', n);
        gsize ylen = n - (last_dot + 1 - p);

        if (ylen == 4 && tok_len (t) >= 8)
          {
            day = a, month = b;
            if (b > 12 && a <= 12)
              day = b, month = a;
            if (valid_date (c, month, day))
              return add_date (s, weekday_lead (s, i), i, c, month, day) != NULL;
          }
        else if (n >= 6 && p[0] >= '1' && ylen <= 2 && (last_dot - p) >= 4 && a >= 1000)
          {
            /* 2022.11.20 */
            if (valid_date (a, b, c))
              return add_date (s, i, i, a, b, c) != NULL;
          }
        return FALSE;
      }
  }

  /* 11/20: month and day (day first when the first part is over 12); a
   * small proper fraction ("3/4") stays a number unless a date is expected */
  if (tok_sym (s, i + 1, '/') && attached (s, i + 1) && attached (s, i + 2) && !tok_sym (s, i + 3, '/') &&
      tok_len (t) <= 2 && !(i > 0 && tok_sym (s, i - 1, '/') && attached (s, i)))
    {
      a = num_int (s, i, 1, 2);
      b = num_int (s, i + 2, 1, 2);
      if (a > 0 && b > 0)
        {
          gboolean expected = tok_is (s, i - 1, "on") || tok_is (s, i - 1, "by") || tok_is (s, i - 1, "until") ||
                              tok_is (s, i - 1, "since") || tok_is (s, i - 1, "due") || tok_is (s, i - 1, "this") ||
                              tok_is (s, i - 1, "next") || (lex (s, i - 1) != NULL && lex (s, i - 1)->weekday);

          month = a, day = b;
          if (a > 12)
            month = b, day = a;
          if (valid_date (0, month, day) && (expected || a >= b || b > 16))
            return add_date (s, weekday_lead (s, i), i + 2, 0, month, day) != NULL;
        }
      return FALSE;
    }

  if (i + 4 >= NTOK (s) || !attached (s, i + 1) || !attached (s, i + 2) || !attached (s, i + 3) ||
      !attached (s, i + 4))
    return FALSE;
  if (!(tok_sym (s, i + 1, '-') && tok_sym (s, i + 3, '-')) &&
      !(tok_sym (s, i + 1, '/') && tok_sym (s, i + 3, '/')))
    return FALSE;
  a = num_int (s, i, 1, 4);
  b = num_int (s, i + 2, 1, 2);
  c = num_int (s, i + 4, tok_len (t) == 4 ? 1 : 2, 4);
  if (a < 0 || b < 0 || c < 0)
    return FALSE;
  if (tok_len (t) == 4)
    year = a, month = b, day = c;
  else
    {
      year = c;
      if (tok_len (TOK (s, i + 4)) == 2)
        year += year < 50 ? 2000 : 1900;
      else if (tok_len (TOK (s, i + 4)) != 4)
        return FALSE;
      month = a, day = b;
      if (a > 12)
        month = b, day = a;
    }
  if (!valid_date (year, month, day))
    return FALSE;
  return add_date (s, weekday_lead (s, i), i + 4, year, month, day) != NULL;
}

/* ---- times ---- */

/* "am", "a.m.", "pm", "p.m." at @i; returns its last token or -1. */
static int
meridiem_at (Scan     *s,
             int       i,
             gboolean *pm)
{
  if (tok_is (s, i, "am") || tok_is (s, i, "pm"))
    {
      *pm = g_ascii_tolower (s->text[TOK (s, i)->start]) == 'p';
      return i;
    }
  /* "9.am" */
  if (tok_sym (s, i, '.') && attached (s, i) && attached (s, i + 1) && (tok_is (s, i + 1, "am") || tok_is (s, i + 1, "pm")))
    {
      *pm = g_ascii_tolower (s->text[TOK (s, i + 1)->start]) == 'p';
      return i + 1;
    }
  /* "a.m.", and "p . m ." in tokenized text */
  if ((tok_is (s, i, "a") || tok_is (s, i, "p")) && tok_sym (s, i + 1, '.') && tok_is (s, i + 2, "m") &&
      (attached (s, i + 1) == attached (s, i + 2)))
    {
      *pm = g_ascii_tolower (s->text[TOK (s, i)->start]) == 'p';
      if (tok_sym (s, i + 3, '.') && attached (s, i + 3) == attached (s, i + 2))
        return i + 3;
      return i + 2;
    }
  return -1;
}

static gboolean
add_time (Scan *s,
          int   first,
          int   last,
          int   hour,
          int   minute,
          int   second)
{
  PxFact *fact;

  if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || second < 0 || second > 59 ||
      !span_free (s, first, last))
    return FALSE;
  fact = add_fact (s, PX_FACT_TIME, first, last);
  if (second > 0)
    fact->time = g_strdup_printf ("%02d:%02d:%02d", hour % 24, minute, second);
  else
    fact->time = g_strdup_printf ("%02d:%02d", hour % 24, minute);
  return TRUE;
}

static int
apply_meridiem (int      hour,
                gboolean pm)
{
  if (hour == 12)
    return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

/* "in the morning", "in the evening": *pm set when after noon. */
static int
daypart_after (Scan     *s,
               int       i,
               gboolean *pm)
{
  if (tok_is (s, i, "in") && tok_is (s, i + 1, "the"))
    {
      if (tok_is (s, i + 2, "morning"))
        {
          *pm = FALSE;
          return i + 2;
        }
      if (tok_is (s, i + 2, "afternoon") || tok_is (s, i + 2, "evening") || tok_is (s, i + 2, "night"))
        {
          *pm = TRUE;
          return i + 2;
        }
    }
  return -1;
}

static int
oclock_at (Scan *s,
           int   i)
{
  if (tok_is (s, i, "o") && tok_is (s, i + 2, "clock"))
    return i + 2;
  if (tok_is (s, i, "oclock"))
    return i;
  return -1;
}

/* An hour 1–12 as digits or a word at @i. */
static int
hour_at (Scan *s,
         int   i)
{
  const PxLexEntry *e = lex (s, i);
  int h;

  if (e != NULL && (e->flags & PX_LEX_NUMBER) && e->number >= 1 && e->number <= 12)
    return (int)e->number;
  h = num_int (s, i, 1, 2);
  return h >= 1 && h <= 12 ? h : -1;
}

/* "half past seven", "quarter to 5 pm", "20 min past eight in the evening" */
static gboolean
try_relative_clock (Scan *s,
                    int   i)
{
  int minutes, j = i + 1, hour, last, m;
  gboolean pm = FALSE, to;

  if (tok_is (s, i, "half"))
    minutes = 30;
  else if (tok_is (s, i, "quarter"))
    minutes = 15;
  else
    {
      Num n;

      if (!parse_number (s, i, FALSE, &n) || n.value < 1 || n.value > 59 || n.value != floor (n.value) ||
          !(tok_is (s, n.last + 1, "min") || tok_is (s, n.last + 1, "mins") || tok_is (s, n.last + 1, "minutes") ||
            tok_is (s, n.last + 1, "minute")))
        return FALSE;
      minutes = (int)n.value;
      j = n.last + 2;
    }
  if (tok_is (s, i - 1, "a") && tok_is (s, i, "quarter"))
    i--;
  if (!tok_is (s, j, "past") && !tok_is (s, j, "to") && !tok_is (s, j, "after") && !tok_is (s, j, "before"))
    return FALSE;
  to = tok_is (s, j, "to") || tok_is (s, j, "before");
  if ((hour = hour_at (s, j + 1)) < 0)
    return FALSE;
  last = j + 1;
  if ((m = meridiem_at (s, last + 1, &pm)) >= 0 || (m = daypart_after (s, last + 1, &pm)) >= 0)
    {
      hour = apply_meridiem (hour, pm);
      last = m;
    }
  else if ((m = oclock_at (s, last + 1)) >= 0)
    last = m;
  if (to)
    {
      hour = (hour + 23) % 24;
      minutes = 60 - minutes;
    }
  return add_time (s, i, last, hour, minutes, 0);
}

static gboolean
try_time (Scan *s,
          int   i)
{
  const Tok *t = TOK (s, i);
  int hour, minute = 0, second = 0, last = i, m;
  gboolean pm = FALSE, have_meridiem = FALSE, clock = FALSE;

  if (t->type == TOK_WORD)
    {
      const PxLexEntry *e = t->lex;

      if (tok_is (s, i, "noon") || tok_is (s, i, "midday"))
        return add_time (s, i, i, 12, 0, 0);
      if (tok_is (s, i, "midnight"))
        return add_time (s, i, i, 0, 0, 0);
      if (try_relative_clock (s, i))
        return TRUE;
      /* "seven p.m.", "one in the morning", "five o'clock" */
      if (e == NULL || !(e->flags & PX_LEX_NUMBER) || e->number < 1 || e->number > 12)
        return FALSE;
      hour = (int)e->number;
      if ((m = meridiem_at (s, i + 1, &pm)) >= 0 || (m = daypart_after (s, i + 1, &pm)) >= 0)
        return add_time (s, i, m, apply_meridiem (hour, pm), 0, 0);
      /* "seven thirty pm", "ten fifty five p.m." */
      {
        Num minutes;

        if ((lex_flags (s, i + 1) & PX_LEX_NUMBER) && parse_number (s, i + 1, FALSE, &minutes) &&
            minutes.value >= 1 && minutes.value <= 59 && minutes.value == floor (minutes.value) &&
            (m = meridiem_at (s, minutes.last + 1, &pm)) >= 0)
          return add_time (s, i, m, apply_meridiem (hour, pm), (int)minutes.value, 0);
      }
      if ((m = oclock_at (s, i + 1)) >= 0)
        return add_time (s, i, m, hour, 0, 0);
      return FALSE;
    }
  if (t->type != TOK_NUM)
    return FALSE;

  /* "6.45", "8.10 pm" */
  if (tok_len (t) >= 4 && tok_len (t) <= 5 && s->text[t->end - 3] == '.' && memchr (s->text + t->start, ',', tok_len (t)) == NULL)
    {
      int h = atoi (s->text + t->start), mi = atoi (s->text + t->end - 2);

      if (h <= 24 && mi <= 59)
        {
          if ((m = meridiem_at (s, i + 1, &pm)) >= 0 && h >= 1 && h <= 12)
            return add_time (s, i, m, apply_meridiem (h, pm), mi, 0);
        }
      return FALSE;
    }

  hour = num_int (s, i, 1, 4);
  if (hour < 0)
    return FALSE;
  if (hour == 12 && tok_is (s, i + 1, "noon"))
    return add_time (s, i, i + 1, 12, 0, 0);
  if (try_relative_clock (s, i))
    return TRUE;

  if (tok_len (t) <= 2 && tok_sym (s, i + 1, ':') && attached (s, i + 1) && attached (s, i + 2) &&
      (minute = num_int (s, i + 2, 2, 2)) >= 0)
    {
      last = i + 2;
      clock = TRUE;
      if (tok_sym (s, last + 1, ':') && attached (s, last + 1) && attached (s, last + 2) &&
          (second = num_int (s, last + 2, 2, 2)) >= 0)
        last += 2;
      else
        second = 0;
    }
  else if (tok_len (t) <= 2 && attached (s, i + 1) && tok_is (s, i + 1, "h"))
    {
      /* 15h15, 15h */
      last = i + 1;
      clock = TRUE;
      if (attached (s, i + 2) && (minute = num_int (s, i + 2, 2, 2)) >= 0)
        last = i + 2;
      else
        minute = 0;
    }
  else if (tok_len (t) >= 3)
    {
      /* "330 p.m." */
      if (meridiem_at (s, i + 1, &pm) < 0)
        return FALSE;
      minute = hour % 100;
      hour /= 100;
    }

  if ((m = meridiem_at (s, last + 1, &pm)) >= 0)
    {
      have_meridiem = TRUE;
      last = m;
    }
  else if ((m = oclock_at (s, last + 1)) >= 0)
    {
      last = m;
      clock = TRUE;
    }
  else if ((m = daypart_after (s, last + 1, &pm)) >= 0 && (clock || hour <= 12))
    {
      have_meridiem = TRUE;
      last = m;
      clock = TRUE;
    }

  if (!clock && !have_meridiem)
    return FALSE;
  if (have_meridiem)
    {
      if (hour < 1 || hour > 12)
        return FALSE;
      hour = apply_meridiem (hour, pm);
    }
  return add_time (s, i, last, hour, minute, second);
}

/* ---- numbers, money, percentages, quantities ---- */

/* Numbers that are parts of names, codes and identifiers. */
static gboolean
is_identifier_number (Scan *s,
                      int   i)
{
  const Tok *t = TOK (s, i);

  /* G20, COVID-19, v2 */
  if (i > 0 && attached (s, i))
    {
      const Tok *p = TOK (s, i - 1);

      if (p->type == TOK_WORD)
        return TRUE;
      if (p->type == TOK_SYM && is_dash (p->ch) && i > 1 && attached (s, i - 1) &&
          TOK (s, i - 2)->type == TOK_WORD && !tok_is (s, i - 2, "mid"))
        return TRUE;
      if (p->type == TOK_SYM && (p->ch == '+' || p->ch == '#'))
        return TRUE;
    }
  /* 737 in "Boeing 737", "Windows 10": a bare number after a capitalized
   * word in mid-sentence */
  if (i > 0 && t->type == TOK_NUM && TOK (s, i - 1)->type == TOK_WORD && TOK (s, i - 1)->cap &&
      lex (s, i - 1) == NULL && !at_sentence_start (s, i - 1))
    {
      const PxLexEntry *next = lex (s, i + 1);

      if (next == NULL || !(next->flags & (PX_LEX_MULTIPLIER | PX_LEX_PERCENT)) || next->currency == NULL)
        return !tok_sym (s, i + 1, '%');
    }
  /* version numbers and numbered sections: 1.2.3 */
  if (i + 2 < NTOK (s) && tok_sym (s, i + 1, '.') && attached (s, i + 1) && attached (s, i + 2) &&
      TOK (s, i + 2)->type == TOK_NUM)
    return TRUE;
  if (tok_is (s, i - 1, "version") || tok_is (s, i - 1, "v") || tok_is (s, i - 1, "no") ||
      tok_is (s, i - 1, "number") || tok_is (s, i - 1, "flight") || tok_is (s, i - 1, "route") ||
      tok_is (s, i - 1, "page") || tok_is (s, i - 1, "chapter"))
    return TRUE;
  return FALSE;
}

/* Phone numbers: "+7 727 123 4567", "(555) 123-4567", "555-123-4567". Marks
 * the run as used and returns TRUE. */
static gboolean
skip_phone_number (Scan *s,
                   int   i)
{
  int j = i, groups = 0, digits = 0;

  if (TOK (s, i)->type != TOK_NUM)
    return FALSE;
  while (j < NTOK (s) && TOK (s, j)->type == TOK_NUM && num_int (s, j, 1, 5) >= 0)
    {
      int next = j + 1;

      groups++;
      digits += tok_len (TOK (s, j));
      if (next + 1 < NTOK (s) && TOK (s, next)->type == TOK_SYM &&
          (is_dash (TOK (s, next)->ch) || TOK (s, next)->ch == '.' || TOK (s, next)->ch == ')') &&
          TOK (s, next + 1)->type == TOK_NUM && (TOK (s, next)->ch == ')' || attached (s, next + 1)))
        next++;
      else if (!(next < NTOK (s) && TOK (s, next)->type == TOK_NUM && !attached (s, next)))
        break;
      j = next;
    }
  if (!((groups >= 3 && digits >= 7) ||
        (groups == 2 && digits >= 7 && tok_len (TOK (s, i)) == 3 && tok_sym (s, i + 1, '-')) ||
        (i > 0 && tok_sym (s, i - 1, '+') && digits >= 7)))
    return FALSE;
  for (int k = i; k <= j && k < NTOK (s); k++)
    TOK (s, k)->used = TRUE;
  return TRUE;
}

/* "2023-2024", "2023–24": a range of years. */
static gboolean
try_year_range (Scan *s,
                int   i)
{
  int a = year_at (s, i), b;
  PxFact *fact;

  if (a < 0 || !(i + 2 < NTOK (s)) || TOK (s, i + 1)->type != TOK_SYM || !is_dash (TOK (s, i + 1)->ch) ||
      !attached (s, i + 1) || !attached (s, i + 2))
    return FALSE;
  b = num_int (s, i + 2, 2, 4);
  if (b < 0)
    return FALSE;
  if (tok_len (TOK (s, i + 2)) == 2)
    b += a - a % 100;
  else if (tok_len (TOK (s, i + 2)) != 4)
    return FALSE;
  if (b <= a || b - a > 100 || !span_free (s, i, i + 2))
    return FALSE;
  fact = add_fact (s, PX_FACT_DATE, i, i + 2);
  fact->date = g_strdup_printf ("%04d", a);
  fact->value = a;
  fact->value_max = b;
  return TRUE;
}

static int
percent_after (Scan     *s,
               int       i,
               gboolean *points)
{
  *points = FALSE;
  if (tok_is (s, i, "percentage") && (tok_is (s, i + 1, "points") || tok_is (s, i + 1, "point")))
    {
      *points = TRUE;
      return i + 1;
    }
  if (tok_sym (s, i, '%'))
    return i;
  if (lex_flags (s, i) & PX_LEX_PERCENT)
    return i;
  if (tok_is (s, i, "per") && tok_is (s, i + 1, "cent"))
    return i + 1;
  return -1;
}

/* A unit of measure after a number; sets *unit. "barrels per day" and
 * "square kilometres" are one unit. */
static int
unit_after (Scan        *s,
            int          i,
            gboolean     multiplied,
            const char **unit)
{
  const PxLexEntry *e;
  int last = i;
  gboolean square = FALSE, cubic = FALSE;

  /* "20 (kg)" */
  if (i + 2 < NTOK (s) && TOK (s, i)->type == TOK_SYM &&
      (TOK (s, i)->ch == '(' || TOK (s, i)->ch == '[' || TOK (s, i)->ch == '{' || TOK (s, i)->ch == '<') &&
      lex (s, i + 1) != NULL && lex (s, i + 1)->unit != NULL && !(lex (s, i + 1)->flags & PX_LEX_DURATION) &&
      TOK (s, i + 2)->type == TOK_SYM && attached (s, i + 1) && attached (s, i + 2) &&
      (TOK (s, i + 2)->ch == ')' || TOK (s, i + 2)->ch == ']' || TOK (s, i + 2)->ch == '}' || TOK (s, i + 2)->ch == '>'))
    {
      *unit = lex (s, i + 1)->unit;
      return i + 2;
    }
  if (tok_is (s, i, "square") || tok_is (s, i, "sq"))
    {
      square = TRUE;
      i++;
      if (tok_sym (s, i, '.'))
        i++;
    }
  else if (tok_is (s, i, "cubic"))
    {
      cubic = TRUE;
      i++;
    }
  else if (tok_is (s, i, "metric") && (tok_is (s, i + 1, "tons") || tok_is (s, i + 1, "ton") ||
                                       tok_is (s, i + 1, "tonnes")))
    i++;
  /* micrograms, written with the Greek or the micro sign */
  if (i < NTOK (s) && TOK (s, i)->type == TOK_WORD && tok_len (TOK (s, i)) == 3 &&
      (strncmp (s->text + TOK (s, i)->start, "μg", 3) == 0 || strncmp (s->text + TOK (s, i)->start, "µg", 3) == 0))
    {
      *unit = "µg";
      return i;
    }
  e = lex (s, i);
  if (e == NULL || e->unit == NULL || (e->flags & PX_LEX_DURATION) ||
      ((e->flags & PX_LEX_ATTACHED_ONLY) && !attached (s, i)))
    return -1;
  /* "24703m212" is a code, not metres */
  if (i + 1 < NTOK (s) && attached (s, i + 1) && TOK (s, i + 1)->type == TOK_NUM && num_int (s, i + 1, 1, 1) != 2 &&
      num_int (s, i + 1, 1, 1) != 3)
    return -1;
  /* "5 million pounds" is money */
  if (e->currency != NULL && multiplied)
    return -1;
  /* "in" and "m" alone are words, not units, unless glued to the number */
  *unit = e->unit;
  last = i;
  /* "km2", "m3" */
  if (attached (s, i + 1) && (tok_is (s, i + 1, "2") || num_int (s, i + 1, 1, 1) == 2))
    {
      square = TRUE;
      last = i + 1;
    }
  if (square)
    *unit = g_str_equal (e->unit, "km") ? "km2" : g_str_equal (e->unit, "m") ? "m2" :
            g_str_equal (e->unit, "mi") ? "sq mi" : e->unit;
  if (cubic)
    *unit = g_str_equal (e->unit, "m") ? "m3" : g_str_equal (e->unit, "ft") ? "cubic foot" :
            g_str_equal (e->unit, "km") ? "km3" : e->unit;
  /* "miles an hour", "kilometres per hour" */
  if ((g_str_equal (e->unit, "mi") || g_str_equal (e->unit, "km")) &&
      (tok_is (s, i + 1, "per") || tok_is (s, i + 1, "an") || tok_is (s, i + 1, "a")) && tok_is (s, i + 2, "hour"))
    {
      *unit = g_str_equal (e->unit, "mi") ? "mph" : "km/h";
      last = i + 2;
    }
  if (g_str_equal (e->unit, "km") && tok_sym (s, i + 1, '/') && tok_is (s, i + 2, "h"))
    {
      *unit = "km/h";
      last = i + 2;
    }
  if (g_str_equal (e->unit, "bbl") && (tok_is (s, i + 1, "per") || tok_is (s, i + 1, "a")) &&
      tok_is (s, i + 2, "day"))
    {
      *unit = "bbl/d";
      last = i + 2;
    }
  return last;
}

static void
finish_numeric (Scan        *s,
                PxFact      *fact,
                const Num   *num,
                PxQualifier  qualifier)
{
  fact->value = num->value;
  fact->precision = num->precision;
  fact->qualifier = qualifier;
}

static gboolean
try_number (Scan *s,
            int   i)
{
  const char *currency = NULL;
  const char *unit = NULL;
  PxQualifier qualifier;
  Num num;
  int first = i, n = i, last, k;
  gboolean points;
  PxFact *fact;

  if ((k = currency_before (s, i, &currency)) >= 0)
    n = k;
  if (TOK (s, n)->type != TOK_NUM && TOK (s, n)->type != TOK_WORD)
    return FALSE;
  if (TOK (s, n)->type == TOK_NUM && ((n == first && is_identifier_number (s, n)) || skip_phone_number (s, n)))
    {
      TOK (s, n)->used = TRUE;
      return FALSE;
    }
  if (!parse_number (s, n, currency != NULL, &num))
    {
      /* lists ("1,2,3") and other digit runs that are no numbers */
      if (TOK (s, n)->type == TOK_NUM)
        TOK (s, n)->used = TRUE;
      return FALSE;
    }
  last = num.last;
  if (!span_free (s, first, last))
    return FALSE;
  /* "-1", "minus five" */
  if (first == n && first > 0 && TOK (s, first - 1)->type == TOK_SYM &&
      (TOK (s, first - 1)->ch == '-' || TOK (s, first - 1)->ch == 0x2212) &&
      (TOK (s, first - 1)->space || TOK (s, first - 1)->newline || first == 1) && !TOK (s, first - 1)->used &&
      attached (s, first))
    {
      num.value = -num.value;
      first--;
    }
  else if (first == n && (tok_is (s, first - 1, "minus") || tok_is (s, first - 1, "negative")))
    {
      num.value = -num.value;
      first--;
    }
  qualifier = qualifier_before (s, first);

  /* an ordinal: "10th", "21st"; larger than an int, a number (ordinals are formatted as ints) */
  if (!num.words && currency == NULL && is_ordinal_suffix (s, last + 1) && num.decimals == 0 && !num.grouped &&
      ABS (num.value) <= G_MAXINT)
    {
      fact = add_fact (s, PX_FACT_ORDINAL, first, last + 1);
      fact->value = num.value;
      return TRUE;
    }

  /* money after the amount: "500 billion dollars", "€ after", "USD" */
  if (currency == NULL)
    {
      const PxLexEntry *e = lex (s, last + 1);
      const char *code;

      const char *national = national_currency (s, last + 1);
      gboolean millions = FALSE;
      const char *iso = iso_code_at (s, last + 1, &millions);
      const PxLexEntry *after = lex (s, last + 2);

      if (national != NULL)
        {
          currency = national;
          last += 2;
        }
      else if (iso != NULL)
        {
          currency = iso;
          last++;
          if (millions)
            {
              num.value *= 1e6;
              num.precision = 1e6 * pow (10, -num.decimals);
            }
          /* "75 USD million" */
          else if (lex (s, last + 1) != NULL && (lex (s, last + 1)->flags & PX_LEX_MULTIPLIER) &&
                   !(lex (s, last + 1)->flags & PX_LEX_SUFFIX_ONLY) && lex (s, last + 1)->number >= 1000 &&
                   !num.multiplied)
            {
              num.value *= lex (s, last + 1)->number;
              num.precision = lex (s, last + 1)->number * pow (10, -num.decimals);
              last++;
            }
          last = add_cents (s, last, &num);
        }
      /* "42 kuwaiti dinars": a word naming the country, then the currency */
      else if (e == NULL && after != NULL && after->currency != NULL && !(after->flags & PX_LEX_AMBIGUOUS) &&
               last + 1 < NTOK (s) && TOK (s, last + 1)->type == TOK_WORD && !is_stop (s, last + 1) &&
               !attached (s, last + 2) && percent_after (s, last + 1, &points) < 0)
        {
          currency = after->currency;
          last += 2;
        }
      else if (e != NULL && e->currency != NULL && !(e->flags & PX_LEX_AMBIGUOUS) &&
               (e->unit == NULL || num.multiplied || tok_is (s, last + 2, "sterling")))
        {
          currency = e->currency;
          last++;
          if (tok_is (s, last + 1, "sterling"))
            last++;
          /* "75 USD million" */
          if ((e->flags & PX_LEX_CODE) && lex (s, last + 1) != NULL && (lex (s, last + 1)->flags & PX_LEX_MULTIPLIER) &&
              !(lex (s, last + 1)->flags & PX_LEX_SUFFIX_ONLY) && !num.multiplied)
            {
              num.value *= lex (s, last + 1)->number;
              num.precision = lex (s, last + 1)->number * pow (10, -num.decimals);
              last++;
            }
          last = add_cents (s, last, &num);
        }
      else if (last + 1 < NTOK (s) && TOK (s, last + 1)->type == TOK_SYM &&
               (code = currency_symbol (TOK (s, last + 1)->ch)) != NULL)
        {
          currency = code;
          last++;
        }
    }
  if (currency != NULL && n != first && !num.multiplied)
    last = add_cents (s, last, &num);
  if (currency != NULL)
    {
      fact = add_fact (s, PX_FACT_MONEY, first, last);
      finish_numeric (s, fact, &num, qualifier);
      if (g_str_equal (currency, "Cent") || g_str_equal (currency, "Pence"))
        {
          fact->value /= 100;
          fact->precision /= 100;
          currency = g_str_equal (currency, "Cent") ? "USD" : "GBP";
        }
      fact->currency = g_strdup (currency);
      set_measure (s, fact, first, last);
      return TRUE;
    }

  if ((k = percent_after (s, last + 1, &points)) >= 0)
    {
      fact = add_fact (s, PX_FACT_PERCENT, first, k);
      finish_numeric (s, fact, &num, qualifier);
      fact->points = points;
      set_measure (s, fact, first, k);
      return TRUE;
    }

  /* a range of numbers: "5-7 people" */
  if (!num.words && k < 0 && last + 2 < NTOK (s) && TOK (s, last + 1)->type == TOK_SYM &&
      is_dash (TOK (s, last + 1)->ch) && attached (s, last + 1) && attached (s, last + 2) &&
      TOK (s, last + 2)->type == TOK_NUM)
    {
      Num upper;

      if (parse_number (s, last + 2, FALSE, &upper) && upper.value > num.value && !upper.words)
        {
          int u;

          if (year_at (s, n) > 0)
            return try_year_range (s, n);
          u = unit_after (s, upper.last + 1, upper.multiplied, &unit);

          num.precision = MAX (num.precision, upper.precision);
          /* "3-5 kilometers", "5-6 mm" */
          fact = add_fact (s, u >= 0 ? PX_FACT_QUANTITY : PX_FACT_NUMBER, first, u >= 0 ? u : upper.last);
          finish_numeric (s, fact, &num, qualifier);
          fact->value_max = upper.value;
          if (u >= 0)
            fact->unit = g_strdup (unit);
          return TRUE;
        }
    }

  if ((k = unit_after (s, last + 1, num.multiplied, &unit)) >= 0)
    {
      /* "in" and "m" need the number glued to them or a clear amount */
      if (g_str_equal (unit, "in") && !tok_is (s, last + 1, "inches") && !tok_is (s, last + 1, "inch"))
        unit = NULL;
      /* "5 feet 2 inches", "12 ft 2 in" */
      if (unit != NULL && g_str_equal (unit, "ft"))
        {
          int j = k + 1 + (tok_is (s, k + 1, "and") ? 1 : 0);
          int inches = num_int (s, j, 1, 2);

          if (inches >= 0 && inches < 12 &&
              (tok_is (s, j + 1, "inches") || tok_is (s, j + 1, "inch") || tok_is (s, j + 1, "in")))
            {
              num.value += inches / 12.0;
              k = j + 1;
            }
        }
      if (unit != NULL)
        {
          fact = add_fact (s, PX_FACT_QUANTITY, first, k);
          finish_numeric (s, fact, &num, qualifier);
          fact->unit = g_strdup (unit);
          set_measure (s, fact, first, k);
          return TRUE;
        }
    }

  /* a year: 1991, "in 2020" */
  if (!num.words && !num.grouped && num.decimals == 0 && !num.multiplied && year_at (s, n) >= 1900 &&
      year_at (s, n) <= 2099 && qualifier == PX_QUALIFIER_NONE && counted_noun (s, last + 1) < 0)
    return add_date (s, n, n, year_at (s, n), 0, 0) != NULL;

  /* counted nouns and spans of time: "13 visits", "nearly three decades",
   * "a three-year term" */
  {
    const PxLexEntry *e = lex (s, last + 1);

    if (e == NULL && last + 2 < NTOK (s) && TOK (s, last + 1)->type == TOK_SYM &&
        is_dash (TOK (s, last + 1)->ch) && attached (s, last + 1) && attached (s, last + 2) &&
        lex (s, last + 2) != NULL && lex (s, last + 2)->unit != NULL)
      {
        e = lex (s, last + 2);
        fact = add_fact (s, PX_FACT_QUANTITY, first, last + 2);
        finish_numeric (s, fact, &num, qualifier);
        fact->counted = (e->flags & PX_LEX_DURATION) != 0;
        fact->unit = g_strdup (e->unit);
        if (!fact->counted)
          fact->measure = stem_of (s, last + 2);
        return TRUE;
      }

    k = counted_noun (s, last + 1);
    if (k >= 0 || (e != NULL && (e->flags & PX_LEX_DURATION)))
      {
        /* "a year", "one of"; words need a value worth a fact */
        if (num.words && num.value == 1 && !num.multiplied)
          return FALSE;
        if (k < 0)
          k = last + 1;
        fact = add_fact (s, PX_FACT_QUANTITY, first, k);
        finish_numeric (s, fact, &num, qualifier);
        fact->counted = TRUE;
        /* a span of time measures nothing by itself: "seven years" and a
         * "three-year" term are no two values of one thing */
        if (e != NULL && (e->flags & PX_LEX_DURATION))
          fact->unit = g_strdup (e->unit);
        else
          {
            fact->unit = g_strndup (s->text + TOK (s, last + 1)->start, TOK (s, k)->end - TOK (s, last + 1)->start);
            fact->measure = counted_measure (s, k);
          }
        return TRUE;
      }
  }

  /* "one" alone is a pronoun more often than a number */
  if (num.words && num.value == 1 && !num.multiplied)
    return FALSE;
  /* an ordinal word read as a fraction of nothing: "a third" */
  fact = add_fact (s, PX_FACT_NUMBER, first, last);
  finish_numeric (s, fact, &num, qualifier);
  set_measure (s, fact, first, last);
  return TRUE;
}

/* "percent of 10", "per cent of twenty-two" */
static gboolean
try_percent_of (Scan *s,
                int   i)
{
  int k = i + 1;
  Num num;
  PxFact *fact;

  if (tok_is (s, i, "per") && tok_is (s, i + 1, "cent"))
    k++;
  else if (!(lex_flags (s, i) & PX_LEX_PERCENT))
    return FALSE;
  if (!tok_is (s, k, "of") || k + 1 >= NTOK (s) ||
      !(TOK (s, k + 1)->type == TOK_NUM || (lex_flags (s, k + 1) & PX_LEX_NUMBER)) ||
      !parse_number (s, k + 1, FALSE, &num) || !span_free (s, i, num.last) ||
      (num.last + 1 < NTOK (s) && TOK (s, num.last + 1)->type == TOK_WORD && !is_stop (s, num.last + 1)))
    return FALSE;
  fact = add_fact (s, PX_FACT_PERCENT, i, num.last);
  fact->value = num.value;
  return TRUE;
}

/* "seventh", "twenty-first", "second term" */
static gboolean
try_ordinal_word (Scan *s,
                  int   i)
{
  const PxLexEntry *e = lex (s, i);
  double value;
  int last = i;
  PxFact *fact;

  if (e == NULL)
    return FALSE;
  if ((e->flags & PX_LEX_TENS) && i + 2 < NTOK (s) && TOK (s, i + 1)->type == TOK_SYM &&
      is_dash (TOK (s, i + 1)->ch) && attached (s, i + 1) && attached (s, i + 2) &&
      (lex_flags (s, i + 2) & PX_LEX_ORDINAL) && lex (s, i + 2)->ordinal < 10)
    {
      value = e->number + lex (s, i + 2)->ordinal;
      last = i + 2;
    }
  else if ((e->flags & PX_LEX_TENS) && (lex_flags (s, i + 1) & PX_LEX_ORDINAL) && lex (s, i + 1)->ordinal < 10)
    {
      value = e->number + lex (s, i + 1)->ordinal;
      last = i + 1;
    }
  else if ((e->flags & PX_LEX_ORDINAL) && !(e->flags & PX_LEX_NUMBER))
    {
      value = e->ordinal;
      /* "a third of", "one fifth" are fractions */
      if (tok_is (s, i - 1, "a") || tok_is (s, i - 1, "one") || tok_is (s, i - 1, "an") ||
          (lex (s, i - 1) != NULL && (lex (s, i - 1)->flags & PX_LEX_NUMBER)))
        return FALSE;
      /* "a second", "30 seconds": time; "second" counts only before a noun */
      if (value == 2 && (i + 1 >= NTOK (s) || TOK (s, i + 1)->type != TOK_WORD))
        return FALSE;
    }
  else
    return FALSE;
  if (!span_free (s, i, last))
    return FALSE;
  fact = add_fact (s, PX_FACT_ORDINAL, i, last);
  fact->value = value;
  return TRUE;
}

/* ---- names ---- */

static gboolean
is_connector (Scan *s,
              int   i)
{
  static const char * const words[] = {
    "of", "for", "on", "de", "du", "von", "van", "bin", "al", "la", "der",
  };

  return TOK_IN (s, i, words);
}

static gboolean
is_all_caps (Scan *s,
             int   i)
{
  const Tok *t = TOK (s, i);

  if (t->type != TOK_WORD || tok_len (t) < 2)
    return FALSE;
  for (guint k = t->start; k < t->end; k++)
    if (!g_ascii_isupper (s->text[k]))
      return FALSE;
  return TRUE;
}

/* A capitalized word that opens a sentence is a name only if the text also
 * capitalizes it in mid-sentence ("Earlier, …" is not; "Kazakhstan" is). */
static gboolean
seen_as_name (Scan *s,
              int   i)
{
  const Tok *t = TOK (s, i);
  g_autofree char *word = NULL;

  if (s->midcaps == NULL)
    {
      s->midcaps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (int k = 1; k < NTOK (s); k++)
        {
          const Tok *w = TOK (s, k);

          if (w->type == TOK_WORD && w->cap && !at_sentence_start (s, k))
            g_hash_table_add (s->midcaps, g_strndup (s->text + w->start, tok_len (w)));
        }
    }
  word = g_strndup (s->text + t->start, tok_len (t));
  return g_hash_table_contains (s->midcaps, word);
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

static char *
span_text (Scan *s,
           int   first,
           int   last)
{
  return g_strndup (s->text + TOK (s, first)->start, TOK (s, last)->end - TOK (s, first)->start);
}

/* The end of a run of capitalized words from @i (hyphenated names and
 * "of"/"for" inside count). */
static int
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
          !TOK (s, k)->used && (lex (s, k) == NULL || !(lex (s, k)->month || lex (s, k)->weekday)))
        {
          j = k;
          continue;
        }
      if (k + 1 < NTOK (s) && is_connector (s, k) && TOK (s, k + 1)->type == TOK_WORD && TOK (s, k + 1)->cap &&
          !TOK (s, k + 1)->used && !is_all_caps (s, k + 1))
        {
          j = k + 1;
          continue;
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

  fact->name = g_strdup (name != NULL ? name : fact->text);
  fact->alias = g_strdup (alias);
}

/* "Conference on Interaction and Confidence Building Measures in Asia
 * (CICA)": walks back from the bracket matching the acronym's letters to
 * the initials of capitalized words. */
static void
scan_acronym_definitions (Scan *s)
{
  for (int i = 2; i + 2 < NTOK (s); i++)
    {
      const Tok *a = TOK (s, i);
      int k, j, first = -1;
      gboolean place = FALSE, org = FALSE;

      if (!tok_sym (s, i - 1, '(') || !is_all_caps (s, i) || tok_len (a) > 6 || !tok_sym (s, i + 1, ')'))
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

static void
scan_names (Scan *s)
{
  for (int i = 0; i < NTOK (s); i++)
    {
      Tok *t = TOK (s, i);
      int first = i, last, k;
      gboolean org = FALSE, place = FALSE, person = FALSE;
      int last_title = -1;
      g_autofree char *full = NULL;

      if (t->type != TOK_WORD || !t->cap || t->used || (lex (s, i) && (lex (s, i)->month || lex (s, i)->weekday)))
        continue;
      last = name_run_end (s, i);

      /* a capitalized function word opening a sentence is no name */
      while (first <= last && at_sentence_start (s, first) && !is_all_caps (s, first) &&
             (is_stop (s, first) || !seen_as_name (s, first) ||
              (lex (s, first) != NULL && !(lex (s, first)->flags & (PX_LEX_TITLE | PX_LEX_ORG)))))
        first++;
      while (first <= last && (is_connector (s, first) || tok_is (s, first, "The")))
        first++;
      if (first > last)
        {
          i = last;
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
          i = last;
          continue;
        }

      if (!org && count_name_words (s, first, last) >= 5)
        {
          i = last;
          continue;
        }
      if (org)
        {
          add_entity (s, PX_FACT_ORGANIZATION, first, last, NULL, NULL);
          i = last;
          continue;
        }

      if (last_title >= 0 && last_title < last)
        {
          first = last_title + 1;
          person = TRUE;
        }
      else if (last_title >= 0)
        {
          i = last;
          continue;
        }

      if (!person && !place && last > first && last - first <= 3)
        {
          person = TRUE;
          for (k = first; k <= last; k++)
            if (is_demonym (s, k) || is_all_caps (s, k) || is_connector (s, k))
              person = FALSE;
        }
      if (!person && first == last &&
          (lex_flags (s, last + 1) & PX_LEX_SPEECH) && !tok_is (s, last + 1, "according"))
        person = TRUE;

      full = span_text (s, first, last);
      if (person)
        {
          g_autofree char *surname = span_text (s, last, last);

          for (k = first; k <= last; k++)
            if (TOK (s, k)->type == TOK_WORD)
              {
                g_autofree char *w = span_text (s, k, k);

                if (!g_hash_table_contains (s->person_words, w))
                  g_hash_table_insert (s->person_words, g_steal_pointer (&w), g_strdup (surname));
              }
          add_entity (s, PX_FACT_PERSON, first, last, surname, NULL);
        }
      else if (first == last && g_hash_table_contains (s->person_words, full))
        add_entity (s, PX_FACT_PERSON, first, last, g_hash_table_lookup (s->person_words, full), NULL);
      else if (place || first == last)
        {
          if (!is_demonym (s, first) || first != last)
            add_entity (s, PX_FACT_PLACE, first, last, NULL, NULL);
        }
      else
        add_entity (s, PX_FACT_ORGANIZATION, first, last, NULL, NULL);
      i = last;
    }
}

/* A name seen alone before the full name ("Tokayev" in a headline, then
 * "President Kassym-Jomart Tokayev") is still a person. */
static void
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
          g_free (f->name);
          f->name = g_strdup (surname);
        }
    }
}

/* ---- quotes ---- */

static PxFact *
person_before (Scan *s,
               guint offset)
{
  for (int k = s->facts->len - 1; k >= 0; k--)
    {
      PxFact *f = g_ptr_array_index (s->facts, k);

      if (f->kind == PX_FACT_PERSON && f->start < offset)
        return f;
    }
  return NULL;
}

static char *
speaker_name (Scan *s,
              int   first,
              int   last)
{
  guint start = TOK (s, first)->start;

  if (first == last && (tok_is (s, first, "he") || tok_is (s, first, "she") || tok_is (s, first, "him") ||
                        tok_is (s, first, "her")))
    {
      PxFact *p = person_before (s, start);

      return p != NULL ? g_strdup (p->name) : NULL;
    }
  for (guint k = 0; k < s->facts->len; k++)
    {
      PxFact *f = g_ptr_array_index (s->facts, k);

      if ((f->kind == PX_FACT_PERSON || f->kind == PX_FACT_ORGANIZATION) &&
          f->start >= start && f->end <= TOK (s, last)->end)
        return g_strdup (f->name);
    }
  return NULL;
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
              char *name = speaker_name (s, e, MIN (name_run_end (s, e), NTOK (s) - 1));

              if (name != NULL)
                return name;
            }
        }
      while (k < NTOK (s) && k < j + 5 && TOK (s, k)->type == TOK_WORD && !(lex_flags (s, k) & PX_LEX_SPEECH))
        k++;
      if (k > j && k < NTOK (s) && (lex_flags (s, k) & PX_LEX_SPEECH))
        return speaker_name (s, j, k - 1);
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

static void
scan_quotes (Scan *s)
{
  for (int i = 0; i < NTOK (s); i++)
    {
      int j, words = 0;

      if (TOK (s, i)->type != TOK_SYM || !is_open_quote (s, i))
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
      i = j;
    }
}

/* Web addresses are full of digits that are no facts. */
static void
skip_addresses (Scan *s)
{
  for (int i = 0; i + 1 < NTOK (s); i++)
    {
      if (!(tok_is (s, i, "http") || tok_is (s, i, "https") || tok_is (s, i, "www") || tok_is (s, i, "ftp")) ||
          !(tok_sym (s, i + 1, ':') || tok_sym (s, i + 1, '.')) || !attached (s, i + 1))
        continue;
      TOK (s, i)->used = TRUE;
      for (i++; i < NTOK (s) && attached (s, i); i++)
        TOK (s, i)->used = TRUE;
    }
}

/* ---- driver ---- */

static int
compare_facts (gconstpointer a,
               gconstpointer b)
{
  const PxFact *fa = *(const PxFact * const *)a;
  const PxFact *fb = *(const PxFact * const *)b;

  if (fa->start != fb->start)
    return fa->start < fb->start ? -1 : 1;
  if (fa->end != fb->end)
    return fa->end > fb->end ? -1 : 1;
  return (int)fa->kind - (int)fb->kind;
}

GPtrArray *
px_facts_extract_text (const char   *text,
                       gsize         length,
                       const char   *reference_date,
                       GCancellable *cancellable)
{
  Scan s = { 0 };
  GPtrArray *facts = g_ptr_array_new_with_free_func ((GDestroyNotify)px_fact_unref);

  g_return_val_if_fail (text != NULL || length == 0, facts);

  s.text = text;
  s.length = length;
  s.toks = g_array_sized_new (FALSE, FALSE, sizeof (Tok), length / 5 + 16);
  s.facts = facts;
  s.acronyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s.person_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (reference_date != NULL)
    {
      int y = 0, m = 0;

      if (sscanf (reference_date, "%4d-%2d", &y, &m) >= 1 && y >= 1000)
        {
          s.ref_year = y;
          s.ref_month = m >= 1 && m <= 12 ? m : 6;
        }
    }

  tokenize (&s);
  skip_addresses (&s);

  /* dates and times claim their digits first */
  for (int i = 0; i < NTOK (&s); i++)
    {
      if ((i & 0xFFF) == 0 && g_cancellable_is_cancelled (cancellable))
        goto out;
      if (TOK (&s, i)->used)
        continue;
      if (TOK (&s, i)->type == TOK_WORD && TOK (&s, i)->lex != NULL && TOK (&s, i)->lex->month)
        try_month_date (&s, i);
      else if (TOK (&s, i)->type == TOK_NUM)
        {
          if (!try_numeric_date (&s, i) && !try_day_month_date (&s, i) && !try_year_range (&s, i))
            try_time (&s, i);
        }
      else if (TOK (&s, i)->type == TOK_WORD)
        {
          if (!(TOK (&s, i)->lex != NULL && (TOK (&s, i)->lex->flags & (PX_LEX_ORDINAL | PX_LEX_TENS)) &&
                try_day_month_date (&s, i)))
            try_time (&s, i);
        }
    }

  for (int i = 0; i < NTOK (&s); i++)
    {
      const Tok *t = TOK (&s, i);

      if ((i & 0xFFF) == 0 && g_cancellable_is_cancelled (cancellable))
        goto out;
      if (t->used)
        continue;
      if (t->type == TOK_WORD && t->lex != NULL && (t->lex->flags & PX_LEX_TENS) && try_ordinal_word (&s, i))
        continue;
      if (t->type == TOK_NUM || t->type == TOK_SYM ||
          (t->type == TOK_WORD && t->lex != NULL &&
           (t->lex->flags & (PX_LEX_NUMBER | PX_LEX_CODE | PX_LEX_MULTIPLIER | PX_LEX_FRACTION))) ||
          tok_is (&s, i, "a") || tok_is (&s, i, "an") || (t->type == TOK_WORD && t->cap && i + 1 < NTOK (&s) &&
                                                           tok_sym (&s, i + 1, '$')))
        {
          if (try_number (&s, i))
            continue;
        }
      if (t->type == TOK_WORD && !TOK (&s, i)->used && !try_percent_of (&s, i))
        try_ordinal_word (&s, i);
    }

  scan_acronym_definitions (&s);
  scan_names (&s);
  g_ptr_array_sort (facts, compare_facts);
  resolve_surnames (&s);
  scan_quotes (&s);
  g_ptr_array_sort (facts, compare_facts);

out:
  if (g_cancellable_is_cancelled (cancellable))
    g_ptr_array_set_size (facts, 0);
  g_array_unref (s.toks);
  g_hash_table_unref (s.acronyms);
  g_hash_table_unref (s.person_words);
  g_clear_pointer (&s.midcaps, g_hash_table_unref);
  return facts;
}

GPtrArray *
px_facts_extract (PxDocument   *document,
                  GCancellable *cancellable)
{
  gsize length;
  const char *text = px_document_get_text (document, &length);
  g_autoptr(GPtrArray) all = px_facts_extract_text (text, length, px_document_get_date (document), cancellable);
  GPtrArray *facts = g_ptr_array_new_with_free_func ((GDestroyNotify)px_fact_unref);

  /* facts in boilerplate say nothing about the story */
  for (guint i = 0; i < all->len; i++)
    {
      PxFact *fact = g_ptr_array_index (all, i);
      guint seg = px_document_find_segment (document, fact->start);
      const PxSegment *segment = seg != G_MAXUINT ? px_document_get_segment (document, seg) : NULL;

      if (segment == NULL || segment->kind != PX_SEGMENT_BOILERPLATE)
        g_ptr_array_add (facts, px_fact_ref (fact));
    }
  return facts;
}
