/* px-facts-numbers.c: numbers written in digits or in words
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
  guint64 integer = 0;     /* the digits before any dot */

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
              integer = integer * 10 + (p[k] - '0');
            }
        }
    }
  if (commas > 0 && group != 3 && !after_dot)
    return FALSE;
  buf[len] = '\0';

  num->first = num->last = i;
  /* an integer of up to 15 digits is exact as a double, as strtod reads it */
  num->value = dots == 0 && digits <= 15 ? (double)integer : g_ascii_strtod (buf, NULL);
  num->precision = decimals > 0 ? pow (10, -decimals) : 0;
  num->decimals = decimals;
  num->digits = digits;
  num->grouped = commas > 0;
  num->words = FALSE;
  num->multiplied = FALSE;
  return TRUE;
}

/* A dash inside a number said in words: glued on both sides ("twenty-one",
 * "five-eighths") or a hyphen with space on both ("fifty - two"). */
static gboolean
joining_dash (Scan *s,
              int   k)
{
  if (k < 1 || k + 1 >= NTOK (s) || TOK (s, k)->type != TOK_SYM || !is_dash (TOK (s, k)->ch) ||
      TOK (s, k)->newline || TOK (s, k + 1)->newline)
    return FALSE;
  if (attached (s, k) && attached (s, k + 1))
    return TRUE;
  return TOK (s, k)->ch == '-' && TOK (s, k)->space && TOK (s, k + 1)->space;
}

/* The denominator an ordinal word names: "fifth", "thirds", "twentieths",
 * "millionths"; 0 when none. Inside a compound (@unit: "twenty-firsts",
 * "thirty fifths") only the ordinals of one to nine, "first" and "second"
 * included; alone, "first" and "second" are no denominators. */
static double
denominator_word (Scan     *s,
                  int       j,
                  gboolean  unit,
                  gboolean *plural)
{
  const PxLexEntry *e, *singular;
  const char *w;
  gsize n, m;

  if (j < 0 || j >= NTOK (s) || TOK (s, j)->type != TOK_WORD)
    return 0;
  w = s->text + TOK (s, j)->start;
  n = tok_len (TOK (s, j));
  *plural = n > 2 && g_ascii_tolower (w[n - 1]) == 's';
  e = tok_lex (TOK (s, j));
  if (!unit && e != NULL && (e->flags & PX_LEX_FRACTION))
    return e->number;
  singular = *plural ? px_lex_lookup (w, n - 1) : e;
  if (singular != NULL && (singular->flags & PX_LEX_ORDINAL))
    {
      if (unit)
        return singular->ordinal < 10 ? singular->ordinal : 0;
      return singular->ordinal >= 3 ? singular->ordinal : 0;
    }
  if (unit)
    return 0;
  /* a scale and "th": "thousandths", "a trillionth" */
  m = *plural ? n - 1 : n;
  if (m > 4 && g_ascii_strncasecmp (w + m - 2, "th", 2) == 0 &&
      (e = px_lex_lookup (w, m - 2)) != NULL && (e->flags & PX_LEX_MULTIPLIER) &&
      !(e->flags & PX_LEX_SUFFIX_ONLY) && e->number >= 100)
    return e->number;
  return 0;
}

/* The denominator of a fraction at @j: an ordinal word, or with @compound a
 * tens word and a unit ordinal ("twenty-firsts", "thirty fifths"). Its last
 * token, or -1. */
static int
denominator_at (Scan     *s,
                int       j,
                gboolean  compound,
                double   *value,
                gboolean *plural)
{
  if (compound && (lex_flags (s, j) & PX_LEX_TENS))
    {
      int k = joining_dash (s, j + 1) ? j + 2 : j + 1;
      double unit = denominator_word (s, k, TRUE, plural);

      if (unit <= 0)
        return -1;
      *value = lex (s, j)->number + unit;
      return k;
    }
  *value = denominator_word (s, j, FALSE, plural);
  return *value > 0 ? j : -1;
}

/* After "a", an ordinal is a fraction only when no noun follows it: "a
 * third of the voters", "a third less likely", but "a third term", "a
 * twenty-first-century idea". */
static gboolean
ordinal_fraction_ends (Scan *s,
                       int   k)
{
  static const char * const comparatives[] = {
    "less", "more", "fewer", "lower", "higher", "smaller", "larger", "bigger", "cheaper",
  };

  if (k >= NTOK (s) || TOK (s, k)->newline)
    return TRUE;
  if (TOK (s, k)->type == TOK_SYM)
    return !(is_dash (TOK (s, k)->ch) && attached (s, k));
  if (TOK (s, k)->type == TOK_WORD)
    return is_stop (s, k) || TOK_IN (s, k, comparatives);
  return TRUE;
}

/* words before a time of day said as numbers */
static const char * const clock_words[] = {
  "at", "by", "until", "till", "before", "after", "around", "from", "since", "past", "to",
};

/* A number said in words while it is read: the scales summed so far, the
 * part below the last scale, and where it ends. */
typedef struct
{
  double   total, current, last_scale;
  double   before_and;   /* the value before the last "and" joined, or -1 */
  int      and_at;
  int      last;         /* its last token, -1 before the first */
  gboolean any;          /* a number word was read */
  gboolean article;      /* it opens with "a" or "an" ("a million") */
} Words;

static void
words_set_fixed (Num    *num,
                 int     first,
                 int     last,
                 double  value)
{
  memset (num, 0, sizeof *num);
  num->first = first;
  num->last = last;
  num->value = value;
  num->words = TRUE;
}

/* "half a dozen" (6), "half a million", "quarter million" (a fraction
 * the scale after it multiplies): TRUE when @num holds one of them. */
static gboolean
words_half (Scan     *s,
            int       i,
            Num      *num,
            gboolean *fraction)
{
  int k;

  if (tok_is (s, i, "half") && tok_is (s, i + 1, "a") && tok_is (s, i + 2, "dozen"))
    {
      words_set_fixed (num, i, i + 2, 6);
      return TRUE;
    }
  if (!tok_is (s, i, "half") && !tok_is (s, i, "quarter"))
    return FALSE;
  /* "half a percentage point": the points are read after the number */
  if (tok_is (s, i + 1, "a") && tok_is (s, i + 2, "percentage"))
    {
      words_set_fixed (num, i, i, 1 / lex (s, i)->number);
      return TRUE;
    }
  k = tok_is (s, i + 1, "a") ? i + 2 : i + 1;
  if ((lex_flags (s, k) & PX_LEX_MULTIPLIER) && !(lex_flags (s, k) & PX_LEX_SUFFIX_ONLY) &&
      lex (s, k)->number >= 1000)
    {
      words_set_fixed (num, i, k - 1, 1 / lex (s, i)->number);
      *fraction = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* The words of a whole number from @j on: units, tens, "twenty-one",
 * hundreds said as a digit ("one twenty two"), scales, "and". */
static void
words_whole (Scan  *s,
             int    i,
             int    j,
             Words *w)
{
  double den;
  gboolean plural;
  int k;

  while (j < NTOK (s))
    {
      const PxLexEntry *e = lex (s, j);

      if (e == NULL)
        break;
      /* a tens word and a unit ordinal after a number are its denominator:
       * "three twenty-firsts", "one hundred thirty-fifths" (but "one
       * hundred and thirty fifths" is 130 of them) */
      if (w->any && (e->flags & PX_LEX_TENS) && !tok_is (s, j - 1, "and") &&
          denominator_at (s, j, TRUE, &den, &plural) >= 0 && plural == (w->total + w->current != 1))
        break;
      /* "one twenty two": the hundreds said as a digit (after "at", a
       * time: "at five forty-five") */
      if (w->any && !w->article && w->total == 0 && w->current >= 1 && w->current < 10 && w->last == j - 1 &&
          (e->flags & PX_LEX_TENS) && !attached (s, j) && !TOK_IN (s, i - 1, clock_words))
        {
          k = joining_dash (s, j + 1) ? j + 2 : j + 1;
          if ((lex_flags (s, k) & PX_LEX_NUMBER) && !(lex_flags (s, k) & PX_LEX_MULTIPLIER) &&
              lex (s, k)->number >= 1 && lex (s, k)->number < 10 && (k == j + 2 || !attached (s, k)))
            {
              w->current = w->current * 100 + e->number + lex (s, k)->number;
              w->last = k;
              j = k + 1;
              continue;
            }
        }
      /* a word number joins the one before only as "fifty two" or "hundred five" */
      if ((e->flags & PX_LEX_NUMBER) && !(e->flags & PX_LEX_MULTIPLIER) &&
          (!w->any || fmod (w->current, 100) == 0 ||
           ((lex_flags (s, w->last) & PX_LEX_TENS) && fmod (w->current, 10) == 0 && e->number < 10)))
        {
          w->current += e->number;
          w->any = TRUE;
          w->last = j++;
          /* "twenty-one", "fifty - two" */
          if ((e->flags & PX_LEX_TENS) && joining_dash (s, j) && (lex_flags (s, j + 1) & PX_LEX_NUMBER) &&
              lex (s, j + 1)->number < 10)
            {
              w->current += lex (s, j + 1)->number;
              w->last = j + 1;
              j += 2;
            }
          continue;
        }
      if (w->any && (e->flags & PX_LEX_MULTIPLIER) && !(e->flags & PX_LEX_SUFFIX_ONLY) && e->number >= 100)
        {
          if (e->number == 100)
            w->current = (w->current == 0 ? 1 : w->current) * 100;
          /* "three thousand millions": a scale of the scale before */
          else if (w->current == 0 && w->total > 0 && e->number > w->last_scale)
            {
              w->total *= e->number;
              w->last_scale = e->number;
            }
          else
            {
              w->total += (w->current == 0 ? 1 : w->current) * e->number;
              w->current = 0;
              w->last_scale = e->number;
            }
          w->last = j++;
          /* "one hundred and five"; "two million and three fifths" is a share of the million */
          if (tok_is (s, j, "and") && (lex_flags (s, j + 1) & PX_LEX_NUMBER) &&
              !(e->number >= 1000 && denominator_at (s, j + 2, TRUE, &den, &plural) >= 0))
            {
              w->before_and = w->total + w->current;
              w->and_at = j++;
            }
          continue;
        }
      break;
    }
}

/* A denominator after the number: a fraction, plural unless the number
 * is one ("two thirds", "five-eighths", "a hundredth"); after "and" a
 * proper fraction is a part of the whole before it ("one hundred and
 * three quarters"). FALSE when the phrase is no number at all ("a third
 * term"). */
static gboolean
words_denominator (Scan     *s,
                   int       i,
                   int       d,
                   int       k,
                   double    den,
                   gboolean  plural,
                   Words    *w,
                   gboolean *fraction)
{
  double value = w->total + w->current;
  double part = w->before_and >= 0 ? value - w->before_and : value;
  gboolean one = (value == 1 && w->last == i) || (w->before_and >= 0 && part == 1 && w->last == w->and_at + 1);
  gboolean half = den == 2 && k == d && (lex_flags (s, k) & PX_LEX_FRACTION);
  gboolean ordinal = k > d || !(lex_flags (s, k) & PX_LEX_FRACTION) || (lex_flags (s, k) & PX_LEX_ORDINAL);

  if (!((plural ? part != 1 : one) || half))
    return TRUE;
  if (w->article && !plural && ordinal && !ordinal_fraction_ends (s, k + 1))
    return w->last != i;
  if (w->before_and >= 0 && part / den < 1)
    w->current = w->before_and + part / den;
  else
    w->current = value / den;
  w->total = 0;
  w->last = k;
  *fraction = TRUE;
  return TRUE;
}

static gboolean parse_number_words (Scan     *s,
                                    int       i,
                                    Num      *num,
                                    gboolean *fraction);

/* "one and a half", "five and a quarter", "two and fifty-four hundredths" */
static void
words_and_fraction (Scan  *s,
                    Words *w)
{
  Num part;
  gboolean part_fraction;
  const PxLexEntry *scale;

  if (!parse_number_words (s, w->last + 2, &part, &part_fraction) || !part_fraction || part.value >= 1)
    return;
  scale = lex (s, part.last + 1);
  /* "one billion and a half million": of the scale after it */
  if (w->total > 0 && w->current == 0 && scale != NULL && (scale->flags & PX_LEX_MULTIPLIER) &&
      !(scale->flags & PX_LEX_SUFFIX_ONLY) && scale->number >= 1000)
    {
      w->total += part.value * scale->number;
      w->last = part.last + 1;
    }
  /* "two million and a half": of the scale before it */
  else if (w->current == 0 && w->last_scale > 0)
    {
      w->total += part.value * w->last_scale;
      w->last = part.last;
    }
  else
    {
      w->current += part.value;
      w->last = part.last;
    }
}

/* "five point five", "two hundred point zero three" */
static void
words_point (Scan  *s,
             Words *w)
{
  int k = w->last + 2;
  const PxLexEntry *e = lex (s, k);
  double scale = 0.1;

  /* "two hundred point seventy-one", "nought point eleven": two digits */
  if (e != NULL && e->number >= 10 && e->number < 100)
    {
      double digits = e->number;

      w->last = k;
      if ((e->flags & PX_LEX_TENS) && tok_sym (s, k + 1, '-') && attached (s, k + 1) && attached (s, k + 2) &&
          (lex_flags (s, k + 2) & PX_LEX_NUMBER) && lex (s, k + 2)->number < 10)
        {
          digits += lex (s, k + 2)->number;
          w->last = k + 2;
        }
      w->current += digits / 100;
      return;
    }
  while (k < NTOK (s) && (lex_flags (s, k) & PX_LEX_NUMBER) && lex (s, k)->number < 10 &&
         !(lex_flags (s, k) & PX_LEX_MULTIPLIER))
    {
      w->current += lex (s, k)->number * scale;
      scale /= 10;
      w->last = k++;
    }
}

/* "twenty-one", "one hundred and five", "a million", "two thirds",
 * "one hundred and three quarters". @fraction: the phrase ends in a
 * denominator. */
static gboolean
parse_number_words (Scan     *s,
                    int       i,
                    Num      *num,
                    gboolean *fraction)
{
  Words w = { 0, 0, 0, -1, -1, -1, FALSE, FALSE };
  int j = i, d, k;
  double den;
  gboolean plural;

  *fraction = FALSE;
  /* most words start no number: the time patterns try every one */
  if (!has_lex (s, i) && !tok_is (s, i, "a") && !tok_is (s, i, "an"))
    return FALSE;
  if (words_half (s, i, num, fraction))
    return TRUE;
  if ((tok_is (s, j, "a") || tok_is (s, j, "an")) &&
      (((lex_flags (s, j + 1) & (PX_LEX_MULTIPLIER | PX_LEX_FRACTION)) &&
        !(lex_flags (s, j + 1) & PX_LEX_SUFFIX_ONLY)) ||
       denominator_at (s, j + 1, TRUE, &den, &plural) >= 0))
    {
      w.current = 1;
      w.any = w.article = TRUE;
      w.last = j;
      j++;
    }
  words_whole (s, i, j, &w);
  if (!w.any || w.last < i)
    return FALSE;

  /* "three hundred and two dozen": dozens of the part after "and" */
  if (w.before_and >= 0 && (lex_flags (s, w.last + 1) & PX_LEX_MULTIPLIER) &&
      !(lex_flags (s, w.last + 1) & PX_LEX_SUFFIX_ONLY) && lex (s, w.last + 1)->number == 12)
    {
      w.current = w.before_and + (w.total + w.current - w.before_and) * 12;
      w.total = 0;
      w.last++;
    }

  d = joining_dash (s, w.last + 1) ? w.last + 2 : w.last + 1;
  if ((k = denominator_at (s, d, TRUE, &den, &plural)) >= 0)
    {
      if (!words_denominator (s, i, d, k, den, plural, &w, fraction))
        return FALSE;
    }
  else if (tok_is (s, w.last + 1, "and") &&
           ((lex_flags (s, w.last + 2) & PX_LEX_NUMBER) || tok_is (s, w.last + 2, "a")) &&
           !(lex_flags (s, w.last + 2) & PX_LEX_MULTIPLIER))
    words_and_fraction (s, &w);
  else if (tok_is (s, w.last + 1, "point") && (lex_flags (s, w.last + 2) & PX_LEX_NUMBER) &&
           !(lex_flags (s, w.last + 2) & PX_LEX_MULTIPLIER))
    words_point (s, &w);

  words_set_fixed (num, i, w.last, w.total + w.current);
  num->multiplied = !*fraction && (w.total > 0 || w.current >= 100);
  if (num->multiplied)
    num->precision = w.total >= 1e9 ? 1e9 : w.total >= 1e6 ? 1e6 : w.total >= 1e3 ? 1e3 : 100;
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

/* Digits at @i: "40 000" and "1 414 021 100" (groups of three after a
 * single space), "1 point 1", "3/4", "10 1/2". */
static gboolean
digits_number (Scan *s,
               int   i,
               Num  *num)
{
  Num frac;

  if (!parse_digits (s, i, num))
    return FALSE;
  /* a number before a model or a name stays apart ("400 737 Max jets",
   * "15 737s") unless the group is "000" */
  if (!num->grouped && num->decimals == 0 && num->digits <= 3)
    for (int p = i + 1; p < NTOK (s) && TOK (s, p)->type == TOK_NUM && tok_len (TOK (s, p)) >= 3; p++)
      {
        Num group;

        if (TOK (s, p)->start != TOK (s, p - 1)->end + 1 || s->text[TOK (s, p - 1)->end] != ' ' ||
            !parse_digits (s, p, &group) || group.digits != 3 || group.grouped ||
            (group.value != 0 && p + 1 < NTOK (s) && TOK (s, p + 1)->type == TOK_WORD &&
             (attached (s, p + 1) || (TOK (s, p + 1)->cap && !at_sentence_start (s, p + 1)))))
          break;
        num->value = num->value * 1000 + group.value;
        num->digits += 3;
        num->grouped = TRUE;
        num->decimals = group.decimals;
        num->precision = group.precision;
        num->last = p;
        if (group.decimals > 0)
          break;
      }
  /* "1 point 1": a decimal point said */
  if (!num->grouped && num->decimals == 0 && tok_is (s, num->last + 1, "point") &&
      num->last + 2 < NTOK (s) && TOK (s, num->last + 2)->type == TOK_NUM)
    {
      Num decimals;

      if (parse_digits (s, num->last + 2, &decimals) && decimals.decimals == 0 && !decimals.grouped &&
          !tok_sym (s, num->last + 3, '.'))
        {
          num->decimals = decimals.digits;
          num->precision = pow (10, -decimals.digits);
          num->value += decimals.value * num->precision;
          num->last += 2;
        }
    }
  if (fraction_at (s, i, &frac))
    *num = frac;
  else if (num->decimals == 0 && !num->grouped && i + 1 < NTOK (s) && TOK (s, i + 1)->type == TOK_NUM &&
           fraction_at (s, i + 1, &frac) && frac.value < 1)
    {
      num->value += frac.value;
      num->last = frac.last;
    }
  return TRUE;
}

/* Words at @i, and "two thirds of a million". */
static gboolean
words_number (Scan *s,
              int   i,
              Num  *num)
{
  gboolean fraction;
  int j, k;

  if (!parse_number_words (s, i, num, &fraction))
    return FALSE;
  j = num->last + 1;
  k = tok_is (s, j + 1, "a") || tok_is (s, j + 1, "an") ? j + 2 : j + 1;
  if (fraction && num->value < 1 && tok_is (s, j, "of") && (lex_flags (s, k) & PX_LEX_MULTIPLIER) &&
      !(lex_flags (s, k) & PX_LEX_SUFFIX_ONLY) && lex (s, k)->number >= 1000)
    {
      num->value *= lex (s, k)->number;
      num->multiplied = TRUE;
      num->last = k;
    }
  return TRUE;
}

/* "one over three", "1 out of 3": TRUE when @num became the ratio. */
static gboolean
ratio_after (Scan     *s,
             gboolean  money,
             Num      *num)
{
  int j = num->last + 1, d;
  Num den;

  if (num->multiplied || num->value != floor (num->value) || num->value >= 100 || money ||
      !(tok_is (s, j, "over") || (tok_is (s, j, "out") && tok_is (s, j + 1, "of"))))
    return FALSE;
  d = tok_is (s, j, "over") ? j + 1 : j + 2;
  if (d < NTOK (s) && (TOK (s, d)->type == TOK_NUM || (lex_flags (s, d) & PX_LEX_NUMBER)) &&
      !(lex_flags (s, d) & PX_LEX_MULTIPLIER) && parse_number (s, d, FALSE, &den) && den.value > num->value &&
      (num->words || TOK (s, d)->type == TOK_NUM || den.words) && den.value != 0)
    {
      num->value /= den.value;
      num->last = den.last;
      num->precision = 0;
      return TRUE;
    }
  return FALSE;
}

/* A scale word after the number: "12 million", "$68.7bn", "5m" (money or
 * a counted noun after it, else metres), "two hundred", "three dozen". */
static void
scale_after (Scan     *s,
             gboolean  money,
             Num      *num)
{
  int j = num->last + 1;
  const PxLexEntry *e;

  if (j >= NTOK (s) || TOK (s, j)->type != TOK_WORD || (e = tok_lex (TOK (s, j))) == NULL ||
      !(e->flags & PX_LEX_MULTIPLIER))
    return;
  if (e->number >= 1000 && (!(e->flags & PX_LEX_ATTACHED_ONLY) || attached (s, j)) &&
      (!(e->flags & PX_LEX_MONEY_ONLY) || money) && (!(e->flags & PX_LEX_SUFFIX_ONLY) || !num->words))
    {
      gboolean take = TRUE;

      if (strcmp (e->word, "m") == 0)
        take = attached (s, j) && (money || counted_noun (s, j + 1) >= 0 ||
                                   (has_lex (s, j + 1) && lex (s, j + 1)->currency != NULL));
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
  else if ((e->number == 100 || e->number == 12) && !(e->flags & PX_LEX_SUFFIX_ONLY))
    {
      num->value *= e->number;
      num->precision = num->words ? e->number : 0;
      num->multiplied = TRUE;
      num->last = j;
    }
}

/* "4 thousand 3 hundred and 21": smaller parts after a scale written
 * with digits. */
static void
parts_after_scale (Scan *s,
                   Num  *num)
{
  double scale = tok_lex (TOK (s, num->last)) != NULL ? tok_lex (TOK (s, num->last))->number : 0;

  while (scale >= 100)
    {
      int p = num->last + 1;
      gboolean and = tok_is (s, p, "and");
      Num part;
      gboolean fraction;
      const PxLexEntry *m;

      if (and)
        p++;
      if (p >= NTOK (s))
        break;
      /* "… hundred and one" */
      if (and && TOK (s, p)->type == TOK_WORD && (lex_flags (s, p) & PX_LEX_NUMBER) &&
          !(lex_flags (s, p) & PX_LEX_MULTIPLIER) && parse_number_words (s, p, &part, &fraction) &&
          !part.multiplied && part.value < MIN (scale, 100))
        {
          num->value += part.value;
          num->last = part.last;
          num->precision = 0;
          break;
        }
      if (TOK (s, p)->type != TOK_NUM || !parse_digits (s, p, &part) || part.decimals > 0 || part.grouped)
        break;
      m = lex (s, p + 1);
      if (m != NULL && (m->flags & PX_LEX_MULTIPLIER) && !(m->flags & PX_LEX_SUFFIX_ONLY) && m->number >= 100 &&
          part.value * m->number < scale && !and)
        {
          num->value += part.value * m->number;
          num->last = p + 1;
          scale = m->number;
          continue;
        }
      /* "… hundred and 21" */
      if (and && part.value < MIN (scale, 100) && m == NULL)
        {
          num->value += part.value;
          num->last = p;
          num->precision = 0;
        }
      break;
    }
}

/* "3 million and a half", "two million and three fifths": a share of the
 * multiplier. */
static void
share_of_scale (Scan *s,
                Num  *num)
{
  int k = num->last + 1;
  const PxLexEntry *numerator, *fraction;
  double share, scale;

  if (!tok_is (s, k, "and") ||
      !((tok_is (s, k + 1, "a") || tok_is (s, k + 1, "one")) || (lex_flags (s, k + 1) & PX_LEX_NUMBER)) ||
      !has_lex (s, k + 2) || !(lex (s, k + 2)->flags & PX_LEX_FRACTION))
    return;
  numerator = lex (s, k + 1);
  fraction = lex (s, k + 2);
  share = (numerator != NULL && !tok_is (s, k + 1, "one") ? numerator->number : 1) / fraction->number;
  scale = num->precision > 0 ? num->precision : 1;
  if (share < 1)
    {
      num->value += share * scale;
      num->last = k + 2;
      num->precision = 0;
    }
}

/* A number phrase at @i, with its multiplier ("12 million", "$68.7bn"). */
gboolean
parse_number (Scan    *s,
              int      i,
              gboolean money,
              Num     *num)
{
  const Tok *t = TOK (s, i);

  if (t->type == TOK_NUM ? !digits_number (s, i, num) : t->type != TOK_WORD || !words_number (s, i, num))
    return FALSE;
  if (ratio_after (s, money, num))
    return TRUE;
  /* "2.33 k": a spaced k after digits */
  if (!num->words && tok_is (s, num->last + 1, "k") && !attached (s, num->last + 1) &&
      (num->last + 2 >= NTOK (s) || TOK (s, num->last + 2)->type != TOK_WORD))
    {
      num->value *= 1000;
      num->multiplied = TRUE;
      num->last++;
      return TRUE;
    }
  scale_after (s, money, num);
  if (num->multiplied && !num->words && num->decimals == 0 && TOK (s, i)->type == TOK_NUM)
    parts_after_scale (s, num);
  if (num->multiplied)
    share_of_scale (s, num);
  return TRUE;
}
