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

/* "twenty-one", "one hundred and five", "a million", "two thirds". */
static gboolean
parse_number_words (Scan *s,
                    int   i,
                    Num  *num)
{
  double total = 0, current = 0, last_scale = 0;
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
              last_scale = e->number;
            }
          last = j++;
          /* "one hundred and five" */
          if (tok_is (s, j, "and") && lex (s, j + 1) != NULL && (lex (s, j + 1)->flags & PX_LEX_NUMBER) &&
              !(e->number >= 1000 && (lex_flags (s, j + 2) & PX_LEX_FRACTION)))
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
          const PxLexEntry *scale = lex (s, last + 4);

          /* "one billion and a half million": of the scale after it */
          if (total > 0 && current == 0 && scale != NULL && (scale->flags & PX_LEX_MULTIPLIER) &&
              !(scale->flags & PX_LEX_SUFFIX_ONLY) && scale->number >= 1000)
            {
              total += numerator / d->number * scale->number;
              last += 4;
            }
          /* "two million and a half": of the scale before it */
          else if (current == 0 && last_scale > 0)
            {
              total += numerator / d->number * last_scale;
              last += 3;
            }
          else
            {
              current += numerator / d->number;
              last += 3;
            }
        }
    }
  /* "five point five", "two hundred point zero three" */
  else if (tok_is (s, last + 1, "point") && (lex_flags (s, last + 2) & PX_LEX_NUMBER) &&
           !(lex_flags (s, last + 2) & PX_LEX_MULTIPLIER))
    {
      double scale = 0.1;
      int k = last + 2;

      const PxLexEntry *e = lex (s, k);

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
      const PxLexEntry *e = tok_lex (TOK (s, j));

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
      double scale = tok_lex (TOK (s, num->last)) != NULL ? tok_lex (TOK (s, num->last))->number : 0;

      while (scale >= 100)
        {
          int p = num->last + 1;
          gboolean and = tok_is (s, p, "and");
          Num part;
          const PxLexEntry *m;

          if (and)
            p++;
          if (p >= NTOK (s))
            break;
          /* "… hundred and one" */
          if (and && TOK (s, p)->type == TOK_WORD && (lex_flags (s, p) & PX_LEX_NUMBER) &&
              !(lex_flags (s, p) & PX_LEX_MULTIPLIER) && parse_number_words (s, p, &part) && !part.multiplied &&
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
