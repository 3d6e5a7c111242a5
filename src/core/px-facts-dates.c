/* px-facts-dates.c: dates and clock times
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

PxFact *
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

int
num_int (Scan *s,
         int   i,
         int   min_digits,
         int   max_digits)
{
  const Tok *t;
  int n, value = 0;

  if (i < 0 || i >= NTOK (s))
    return -1;
  t = TOK (s, i);
  n = tok_len (t);
  if (t->type != TOK_NUM || n < min_digits || n > max_digits)
    return -1;
  /* what atoi () reads: a digit never follows a token of digits */
  for (int k = 0; k < n; k++)
    {
      char c = s->text[t->start + k];

      if (!g_ascii_isdigit (c))
        return -1;
      value = value * 10 + (c - '0');
    }
  return value;
}

gboolean
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
           !(has_lex (s, i + 1) && lex (s, i + 1)->month > 0))
    return -1;
  else if (attached (s, i + 1) && (tok_sym (s, i + 1, ':') || tok_sym (s, i + 1, '%')))
    return -1;
  return day;
}

int
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
        !(has_lex (s, i + 2) && lex (s, i + 2)->unit != NULL)) &&
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
  if (has_lex (s, j) && lex (s, j)->weekday > 0)
    return j;
  return i;
}

gboolean
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
gboolean
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
gboolean
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
                              tok_is (s, i - 1, "next") || (has_lex (s, i - 1) && lex (s, i - 1)->weekday);

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
      static const char * const minute_words[] = { "min", "mins", "minute", "minutes" };
      gboolean minute_near = FALSE;
      Num n;

      /* most numbers have no "minutes" after them: look before parsing */
      for (int k = i + 1; k < NTOK (s) && k <= i + 4 && !minute_near; k++)
        minute_near = TOK_IN (s, k, minute_words);
      if (!minute_near || !parse_number (s, i, FALSE, &n) || n.value < 1 || n.value > 59 || n.value != floor (n.value) ||
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

gboolean
try_time (Scan *s,
          int   i)
{
  const Tok *t = TOK (s, i);
  int hour, minute = 0, second = 0, last = i, m;
  gboolean pm = FALSE, have_meridiem = FALSE, clock = FALSE;

  if (t->type == TOK_WORD)
    {
      const PxLexEntry *e = tok_lex (t);

      /* "noon", "midday", "midnight" or a word of the lexicon */
      if (e == NULL && tok_len (t) != 4 && tok_len (t) != 6 && tok_len (t) != 8)
        return FALSE;
      if (tok_is (s, i, "noon") || tok_is (s, i, "midday"))
        return add_time (s, i, i, 12, 0, 0);
      if (tok_is (s, i, "midnight"))
        return add_time (s, i, i, 0, 0, 0);
      /* every other time in words opens with a word of the lexicon */
      if (e == NULL)
        return FALSE;
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
