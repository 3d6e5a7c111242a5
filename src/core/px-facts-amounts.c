/* px-facts-amounts.c: money, percentages, quantities and ordinals
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

const char *
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
  const PxLexEntry *word = tok_lex (t);
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
  if (t->type == TOK_WORD && word != NULL && word->currency != NULL && word->unit == NULL &&
      !(word->flags & PX_LEX_AMBIGUOUS) && i + 1 < NTOK (s))
    {
      /* "USD 250", "Rs. 20", "ringgit 42" */
      int n = i + 1;

      if (tok_sym (s, n, '.') && attached (s, n))
        n++;
      if (n < NTOK (s) && TOK (s, n)->type == TOK_NUM && !g_str_equal (word->currency, "Cent") &&
          !g_str_equal (word->currency, "Pence"))
        {
          *currency = word->currency;
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
  if (j >= NTOK (s) || (TOK (s, j)->type != TOK_NUM && !has_lex (s, j)) || !parse_number (s, j, FALSE, &cents) ||
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
   * word in mid-sentence, unless a unit follows ("Morocco Declares 3 Days
   * of National Mourning": a headline capitalizes its verbs) */
  if (i > 0 && t->type == TOK_NUM && TOK (s, i - 1)->type == TOK_WORD && TOK (s, i - 1)->cap &&
      !has_lex (s, i - 1) && !at_sentence_start (s, i - 1))
    {
      const PxLexEntry *next = lex (s, i + 1);

      if (next != NULL && next->unit != NULL && !(next->flags & PX_LEX_AMBIGUOUS))
        return FALSE;
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
gboolean
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

/* A change of a rate in points after a number: "50 basis points" and
 * "25 bps" (hundredths of a point: *scale 0.01), "half a percentage
 * point", "a quarter of a percentage point", "a quarter-point cut" (a
 * fraction of a point is a rate's).
 * Returns the last token, or -1. */
static int
rate_points_after (Scan      *s,
                   int        i,
                   const Num *num,
                   double    *scale)
{
  *scale = 1;
  if (tok_is (s, i, "basis") && (tok_is (s, i + 1, "points") || tok_is (s, i + 1, "point")))
    {
      *scale = 0.01;
      return i + 1;
    }
  if (!num->words && (tok_is (s, i, "bps") || tok_is (s, i, "bp")))
    {
      *scale = 0.01;
      return i;
    }
  if (num->words && num->value < 1 && tok_is (s, i, "of"))
    i++;
  if (num->words && num->value < 1 && tok_is (s, i, "a") && tok_is (s, i + 1, "percentage") &&
      tok_is (s, i + 2, "point"))
    return i + 2;
  if (num->words && num->value < 1 && i + 1 < NTOK (s) && TOK (s, i)->type == TOK_SYM && is_dash (TOK (s, i)->ch) &&
      attached (s, i) && attached (s, i + 1) && tok_is (s, i + 1, "point"))
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
      has_lex (s, i + 1) && lex (s, i + 1)->unit != NULL && !(lex (s, i + 1)->flags & PX_LEX_DURATION) &&
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

gboolean
try_number (Scan *s,
            int   i)
{
  const char *currency = NULL;
  const char *unit = NULL;
  PxQualifier qualifier;
  Num num;
  int first = i, n = i, last, k;
  gboolean points;
  double scale;
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
          else if (has_lex (s, last + 1) && (lex (s, last + 1)->flags & PX_LEX_MULTIPLIER) &&
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
          if ((e->flags & PX_LEX_CODE) && has_lex (s, last + 1) && (lex (s, last + 1)->flags & PX_LEX_MULTIPLIER) &&
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

  if ((k = rate_points_after (s, last + 1, &num, &scale)) >= 0)
    {
      fact = add_fact (s, PX_FACT_PERCENT, first, k);
      finish_numeric (s, fact, &num, qualifier);
      fact->value *= scale;
      fact->precision *= scale;
      fact->points = TRUE;
      set_measure (s, fact, first, k);
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
        has_lex (s, last + 2) && lex (s, last + 2)->unit != NULL)
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
gboolean
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
gboolean
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
      /* "one fifth" is a fraction; so is "a third of", which the number
       * before has taken, but "a tenth straight win" is an ordinal */
      if (tok_is (s, i - 1, "one") || (has_lex (s, i - 1) && (lex (s, i - 1)->flags & PX_LEX_NUMBER)))
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
