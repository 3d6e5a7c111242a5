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
  e = TOK (s, j)->lex;
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

/* "twenty-one", "one hundred and five", "a million", "two thirds",
 * "one hundred and three quarters". @fraction: the phrase ends in a
 * denominator. */
static gboolean
parse_number_words (Scan     *s,
                    int       i,
                    Num      *num,
                    gboolean *fraction)
{
  double total = 0, current = 0, last_scale = 0;
  double before_and = -1;   /* the value before the last "and" joined */
  int and_at = -1;
  gboolean any = FALSE, article = FALSE;
  int j = i, last = -1, d, k;
  double den;
  gboolean plural;

  *fraction = FALSE;
  /* most words start no number: the time patterns try every one */
  if (lex (s, i) == NULL && !tok_is (s, i, "a") && !tok_is (s, i, "an"))
    return FALSE;
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
  /* "half a million", "quarter million": the scale is multiplied after */
  if (tok_is (s, j, "half") || tok_is (s, j, "quarter"))
    {
      k = tok_is (s, j + 1, "a") ? j + 2 : j + 1;
      if ((lex_flags (s, k) & PX_LEX_MULTIPLIER) && !(lex_flags (s, k) & PX_LEX_SUFFIX_ONLY) &&
          lex (s, k)->number >= 1000)
        {
          memset (num, 0, sizeof *num);
          num->first = i;
          num->last = k - 1;
          num->value = 1 / lex (s, j)->number;
          num->words = TRUE;
          *fraction = TRUE;
          return TRUE;
        }
    }
  if ((tok_is (s, j, "a") || tok_is (s, j, "an")) &&
      (((lex_flags (s, j + 1) & (PX_LEX_MULTIPLIER | PX_LEX_FRACTION)) &&
        !(lex_flags (s, j + 1) & PX_LEX_SUFFIX_ONLY)) ||
       denominator_at (s, j + 1, TRUE, &den, &plural) >= 0))
    {
      current = 1;
      any = article = TRUE;
      last = j;
      j++;
    }

  while (j < NTOK (s))
    {
      const PxLexEntry *e = lex (s, j);

      if (e == NULL)
        break;
      /* a tens word and a unit ordinal after a number are its denominator:
       * "three twenty-firsts", "one hundred thirty-fifths" (but "one
       * hundred and thirty fifths" is 130 of them) */
      if (any && (e->flags & PX_LEX_TENS) && !tok_is (s, j - 1, "and") &&
          denominator_at (s, j, TRUE, &den, &plural) >= 0 && plural == (total + current != 1))
        break;
      /* "one twenty two": the hundreds said as a digit (after "at", a
       * time: "at five forty-five") */
      if (any && !article && total == 0 && current >= 1 && current < 10 && last == j - 1 &&
          (e->flags & PX_LEX_TENS) && !attached (s, j) && !TOK_IN (s, i - 1, clock_words))
        {
          k = joining_dash (s, j + 1) ? j + 2 : j + 1;
          if ((lex_flags (s, k) & PX_LEX_NUMBER) && !(lex_flags (s, k) & PX_LEX_MULTIPLIER) &&
              lex (s, k)->number >= 1 && lex (s, k)->number < 10 && (k == j + 2 || !attached (s, k)))
            {
              current = current * 100 + e->number + lex (s, k)->number;
              last = k;
              j = k + 1;
              continue;
            }
        }
      /* a word number joins the one before only as "fifty two" or "hundred five" */
      if ((e->flags & PX_LEX_NUMBER) && !(e->flags & PX_LEX_MULTIPLIER) &&
          (!any || fmod (current, 100) == 0 ||
           ((lex_flags (s, last) & PX_LEX_TENS) && fmod (current, 10) == 0 && e->number < 10)))
        {
          current += e->number;
          any = TRUE;
          last = j++;
          /* "twenty-one", "fifty - two" */
          if ((e->flags & PX_LEX_TENS) && joining_dash (s, j) && (lex_flags (s, j + 1) & PX_LEX_NUMBER) &&
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
          /* "three thousand millions": a scale of the scale before */
          else if (current == 0 && total > 0 && e->number > last_scale)
            {
              total *= e->number;
              last_scale = e->number;
            }
          else
            {
              total += (current == 0 ? 1 : current) * e->number;
              current = 0;
              last_scale = e->number;
            }
          last = j++;
          /* "one hundred and five"; "two million and three fifths" is a share of the million */
          if (tok_is (s, j, "and") && (lex_flags (s, j + 1) & PX_LEX_NUMBER) &&
              !(e->number >= 1000 && denominator_at (s, j + 2, TRUE, &den, &plural) >= 0))
            {
              before_and = total + current;
              and_at = j++;
            }
          continue;
        }
      break;
    }

  if (!any || last < i)
    return FALSE;

  /* "three hundred and two dozen": dozens of the part after "and" */
  if (before_and >= 0 && (lex_flags (s, last + 1) & PX_LEX_MULTIPLIER) &&
      !(lex_flags (s, last + 1) & PX_LEX_SUFFIX_ONLY) && lex (s, last + 1)->number == 12)
    {
      current = before_and + (total + current - before_and) * 12;
      total = 0;
      last++;
    }

  /* a fraction: a number and an ordinal, plural unless the number is one
   * ("two thirds", "five-eighths", "a hundredth"); after "and" a proper
   * fraction is a part of the whole before it ("one hundred and three
   * quarters") */
  d = joining_dash (s, last + 1) ? last + 2 : last + 1;
  if ((k = denominator_at (s, d, TRUE, &den, &plural)) >= 0)
    {
      double value = total + current;
      double part = before_and >= 0 ? value - before_and : value;
      gboolean one = (value == 1 && last == i) || (before_and >= 0 && part == 1 && last == and_at + 1);
      gboolean half = den == 2 && k == d && (lex_flags (s, k) & PX_LEX_FRACTION);
      gboolean ordinal = k > d || !(lex_flags (s, k) & PX_LEX_FRACTION) ||
                         (lex_flags (s, k) & PX_LEX_ORDINAL);

      if ((plural ? part != 1 : one) || half)
        {
          if (!(article && !plural && ordinal && !ordinal_fraction_ends (s, k + 1)))
            {
              if (before_and >= 0 && part / den < 1)
                current = before_and + part / den;
              else
                current = value / den;
              total = 0;
              last = k;
              *fraction = TRUE;
            }
          else if (last == i)
            return FALSE;
        }
    }
  /* "one and a half", "five and a quarter", "two and fifty-four hundredths" */
  else if (tok_is (s, last + 1, "and") &&
           ((lex_flags (s, last + 2) & PX_LEX_NUMBER) || tok_is (s, last + 2, "a")) &&
           !(lex_flags (s, last + 2) & PX_LEX_MULTIPLIER))
    {
      Num part;
      gboolean part_fraction;

      if (parse_number_words (s, last + 2, &part, &part_fraction) && part_fraction && part.value < 1)
        {
          const PxLexEntry *scale = lex (s, part.last + 1);

          /* "one billion and a half million": of the scale after it */
          if (total > 0 && current == 0 && scale != NULL && (scale->flags & PX_LEX_MULTIPLIER) &&
              !(scale->flags & PX_LEX_SUFFIX_ONLY) && scale->number >= 1000)
            {
              total += part.value * scale->number;
              last = part.last + 1;
            }
          /* "two million and a half": of the scale before it */
          else if (current == 0 && last_scale > 0)
            {
              total += part.value * last_scale;
              last = part.last;
            }
          else
            {
              current += part.value;
              last = part.last;
            }
        }
    }
  /* "five point five", "two hundred point zero three" */
  else if (tok_is (s, last + 1, "point") && (lex_flags (s, last + 2) & PX_LEX_NUMBER) &&
           !(lex_flags (s, last + 2) & PX_LEX_MULTIPLIER))
    {
      double scale = 0.1;
      const PxLexEntry *e;

      k = last + 2;
      e = lex (s, k);

      /* "two hundred point seventy-one", "nought point eleven": two digits */
      if (e != NULL && e->number >= 10 && e->number < 100)
        {
          double digits = e->number;

          last = k;
          if ((e->flags & PX_LEX_TENS) && tok_sym (s, k + 1, '-') && attached (s, k + 1) && attached (s, k + 2) &&
              (lex_flags (s, k + 2) & PX_LEX_NUMBER) && lex (s, k + 2)->number < 10)
            {
              digits += lex (s, k + 2)->number;
              last = k + 2;
            }
          current += digits / 100;
        }
      else
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
  num->multiplied = !*fraction && (total > 0 || current >= 100);
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
gboolean
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
      /* "40 000", "1 414 021 100": groups of three after a single space,
       * but a number before a model or a name stays apart ("400 737 Max
       * jets", "15 737s") unless the group is "000" */
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
      gboolean fraction;

      if (!parse_number_words (s, i, num, &fraction))
        return FALSE;
      /* "two thirds of a million" */
      j = num->last + 1;
      k = tok_is (s, j + 1, "a") || tok_is (s, j + 1, "an") ? j + 2 : j + 1;
      if (fraction && num->value < 1 && tok_is (s, j, "of") && (lex_flags (s, k) & PX_LEX_MULTIPLIER) &&
          !(lex_flags (s, k) & PX_LEX_SUFFIX_ONLY) && lex (s, k)->number >= 1000)
        {
          num->value *= lex (s, k)->number;
          num->multiplied = TRUE;
          num->last = k;
        }
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
  /* "4 thousand 3 hundred and 21": smaller parts after a scale written
   * with digits */
  if (num->multiplied && !num->words && num->decimals == 0 && TOK (s, i)->type == TOK_NUM)
    {
      double scale = TOK (s, num->last)->lex != NULL ? TOK (s, num->last)->lex->number : 0;

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
              !part.multiplied &&
              part.value < MIN (scale, 100))
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
