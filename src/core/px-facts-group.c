/* px-facts-group.c: facts across sources — consistency, groups, display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-facts"

#include "config.h"

#include <math.h>
#include <string.h>

#include "px-align.h"
#include "px-facts-private.h"
#include "px-normalize.h"

/* ---- consistency ---- */

/* The values a number may stand for, given its qualifier and rounding. */
static void
value_interval (const PxFact *fact,
                double       *lo,
                double       *hi)
{
  double v = fact->value;
  double precision = fact->precision;
  double slack;

  /* a whole per cent is a rounded share: "69%" is 69.44%, not 69.5% */
  if (fact->kind == PX_FACT_PERCENT && precision == 0 && v == floor (v) && fabs (v) >= 1 && !fact->points)
    precision = 1;
  /* one unit of its own scale ("a dozen", "a million") is a count, not a
   * rounding: "a dozen" is not nine */
  if (precision >= fabs (v) && v != 0)
    precision = fabs (v) * 0.2;
  /* just under half a rounding step: "€1.2 billion" is not "€1.25 billion" */
  slack = precision * 0.49 + fabs (v) * 1e-9;

  if (!isnan (fact->value_max))
    {
      *lo = v - slack;
      *hi = fact->value_max + slack;
      return;
    }
  switch (fact->qualifier)
    {
    case PX_QUALIFIER_GT:
    case PX_QUALIFIER_GE:
      *lo = v - slack;
      *hi = INFINITY;
      break;
    case PX_QUALIFIER_LT:
    case PX_QUALIFIER_LE:
      *lo = -INFINITY;
      *hi = v + slack;
      break;
    case PX_QUALIFIER_APPROX:
      slack = MAX (precision, fabs (v) * 0.05);
      *lo = v - slack;
      *hi = v + slack;
      break;
    case PX_QUALIFIER_NONE:
    default:
      *lo = v - slack;
      *hi = v + slack;
      break;
    }
}

/* "2022-11-20" and "--11-20" and "2022-11" describe one day when the parts
 * both give agree. */
/* "2022-11-20", "2022-11", "2022" or "--11-20"; what is absent stays 0. */
static void
parse_date (const char *date,
            int        *year,
            int        *month,
            int        *day)
{
  int *parts[3] = { year, month, day };
  guint k = 0;

  if (g_str_has_prefix (date, "--"))
    {
      date += 2;
      k = 1;
    }
  for (; k < 3 && g_ascii_isdigit (*date); k++)
    {
      int n = 0;

      while (g_ascii_isdigit (*date))
        n = n * 10 + (*date++ - '0');
      *parts[k] = n;
      if (*date == '-')
        date++;
    }
}

static gboolean
dates_consistent (const PxFact *a,
                  const PxFact *b)
{
  int ya = 0, ma = 0, da = 0, yb = 0, mb = 0, db = 0;

  if (a->date == NULL || b->date == NULL)
    return FALSE;
  if (!isnan (a->value_max) || !isnan (b->value_max))
    return g_strcmp0 (a->date, b->date) == 0 &&
           ((isnan (a->value_max) && isnan (b->value_max)) || a->value_max == b->value_max);
  parse_date (a->date, &ya, &ma, &da);
  parse_date (b->date, &yb, &mb, &db);
  /* an inferred year is a guess: it neither agrees nor differs */
  if (a->year_inferred)
    ya = 0;
  if (b->year_inferred)
    yb = 0;
  return (ya == 0 || yb == 0 || ya == yb) && (ma == 0 || mb == 0 || ma == mb) &&
         (da == 0 || db == 0 || da == db);
}

static GHashTable *
word_set (const char *text)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *word = NULL;

  /* runs of letters and digits */
  for (const char *p = lower;; p = g_utf8_next_char (p))
    {
      gboolean alnum = *p != '\0' && g_unichar_isalnum (g_utf8_get_char (p));

      if (alnum && word == NULL)
        word = p;
      else if (!alnum && word != NULL)
        {
          g_hash_table_add (set, g_strndup (word, p - word));
          word = NULL;
        }
      if (*p == '\0')
        break;
    }
  return set;
}

/* Two quotes are one when most of their words are the same; two quotes
 * of one speaker when a third of their content words are (one statement
 * in two translations: "the people have expressed convincing confidence
 * in me", "the people have clearly expressed their confidence in me");
 * never the words of two speakers. */
static gboolean
quotes_consistent (const PxFact *a,
                   const PxFact *b)
{
  g_autoptr(GHashTable) wa = word_set (a->name != NULL ? a->name : a->text);
  g_autoptr(GHashTable) wb = word_set (b->name != NULL ? b->name : b->text);
  gboolean one_speaker = a->speaker != NULL && b->speaker != NULL && g_ascii_strcasecmp (a->speaker, b->speaker) == 0;
  GHashTableIter iter;
  gpointer key;
  guint common = 0, all = 0;

  if (a->speaker != NULL && b->speaker != NULL && !one_speaker)
    return FALSE;
  for (int side = 0; side < 2; side++)
    {
      GHashTable *set = side == 0 ? wa : wb, *other = side == 0 ? wb : wa;

      g_hash_table_iter_init (&iter, set);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          if (one_speaker && px_is_stopword (key))
            continue;
          if (!g_hash_table_contains (other, key))
            all++;
          else if (side == 0)
            common++;
        }
    }
  all += common;
  return all > 0 && common >= (one_speaker ? 0.3 : 0.8) * all;
}

gboolean
px_fact_values_consistent (const PxFact *a,
                           const PxFact *b)
{
  double alo, ahi, blo, bhi;

  if (a->kind != b->kind)
    return FALSE;

  switch (a->kind)
    {
    case PX_FACT_DATE:
      return dates_consistent (a, b);
    case PX_FACT_TIME:
      return g_strcmp0 (a->time, b->time) == 0;
    case PX_FACT_PERSON:
    case PX_FACT_ORGANIZATION:
    case PX_FACT_PLACE:
      return a->name != NULL && b->name != NULL &&
             (g_ascii_strcasecmp (a->name, b->name) == 0 ||
              (a->alias != NULL && g_ascii_strcasecmp (a->alias, b->name) == 0) ||
              (b->alias != NULL && g_ascii_strcasecmp (b->alias, a->name) == 0));
    case PX_FACT_QUOTE:
      return quotes_consistent (a, b);
    case PX_FACT_MONEY:
      if (g_strcmp0 (a->currency, b->currency) != 0)
        return FALSE;
      break;
    case PX_FACT_QUANTITY:
      if (a->unit != NULL && b->unit != NULL && g_strcmp0 (a->unit, b->unit) != 0 &&
          a->measure != NULL && g_strcmp0 (a->measure, b->measure) != 0)
        return FALSE;
      break;
    case PX_FACT_PERCENT:
      if (a->points != b->points)
        return FALSE;
      break;
    case PX_FACT_NUMBER:
    case PX_FACT_ORDINAL:
    case PX_N_FACT_KINDS:
    default:
      break;
    }

  if (isnan (a->value) || isnan (b->value))
    return FALSE;
  /* one value must fall where the other wording allows it: "about 12
   * million" allows 11,953,465; "over 500" allows 520 */
  value_interval (a, &alo, &ahi);
  value_interval (b, &blo, &bhi);
  if (!isnan (a->value_max) || !isnan (b->value_max))
    return alo <= bhi && blo <= ahi;
  return (b->value >= alo && b->value <= ahi) || (a->value >= blo && a->value <= bhi);
}

/* ---- display ---- */

static void
append_amount (GString *out,
               double   value,
               double   precision)
{
  static const struct { double scale; const char *name; } scales[] = {
    { 1e12, "trillion" }, { 1e9, "billion" }, { 1e6, "million" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    if (fabs (value) >= scales[i].scale && (precision >= scales[i].scale / 1000 || fmod (value, scales[i].scale / 1000) == 0))
      {
        g_string_append_printf (out, "%.4g %s", value / scales[i].scale, scales[i].name);
        return;
      }

  if (value == floor (value) && fabs (value) < 1e15)
    {
      char digits[32];
      int n = g_snprintf (digits, sizeof digits, "%.0f", fabs (value));

      if (value < 0)
        g_string_append_c (out, '-');
      for (int i = 0; i < n; i++)
        {
          if (i > 0 && (n - i) % 3 == 0 && n > 4)
            g_string_append_c (out, ',');
          g_string_append_c (out, digits[i]);
        }
    }
  else
    g_string_append_printf (out, "%.6g", value);
}

static const char *
qualifier_sign (PxQualifier qualifier)
{
  switch (qualifier)
    {
    case PX_QUALIFIER_GT: return "> ";
    case PX_QUALIFIER_GE: return "≥ ";
    case PX_QUALIFIER_APPROX: return "≈ ";
    case PX_QUALIFIER_LT: return "< ";
    case PX_QUALIFIER_LE: return "≤ ";
    case PX_QUALIFIER_NONE:
    default: return "";
    }
}

static void
append_date (GString    *out,
             const char *date)
{
  static const char * const months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };
  int y = 0, m = 0, d = 0;

  parse_date (date, &y, &m, &d);
  if (d > 0)
    g_string_append_printf (out, "%d ", d);
  if (m >= 1 && m <= 12)
    g_string_append_printf (out, "%s%s", months[m - 1], y > 0 ? " " : "");
  if (y > 0)
    g_string_append_printf (out, "%d", y);
}

char *
px_fact_format_value (const PxFact *fact)
{
  static const PxValueStyle english = { append_amount, NULL, " pp" };

  return px_fact_format_value_styled (fact, &english);
}

char *
px_fact_format_value_styled (const PxFact       *fact,
                             const PxValueStyle *style)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (fact != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  switch (fact->kind)
    {
    case PX_FACT_NUMBER:
      g_string_append (out, qualifier_sign (fact->qualifier));
      style->append_amount (out, fact->value, fact->precision);
      if (!isnan (fact->value_max))
        {
          g_string_append (out, "–");
          style->append_amount (out, fact->value_max, fact->precision);
        }
      break;
    case PX_FACT_MONEY:
      g_string_append (out, qualifier_sign (fact->qualifier));
      if (g_strcmp0 (fact->currency, "USD") == 0)
        g_string_append (out, "$");
      else if (g_strcmp0 (fact->currency, "EUR") == 0)
        g_string_append (out, "€");
      else if (g_strcmp0 (fact->currency, "GBP") == 0)
        g_string_append (out, "£");
      else if (fact->currency != NULL)
        g_string_append_printf (out, "%s ", fact->currency);
      style->append_amount (out, fact->value, fact->precision);
      break;
    case PX_FACT_PERCENT:
      g_string_append (out, qualifier_sign (fact->qualifier));
      style->append_amount (out, fact->value, 0);
      g_string_append (out, fact->points ? style->points : "%");
      break;
    case PX_FACT_QUANTITY:
      g_string_append (out, qualifier_sign (fact->qualifier));
      style->append_amount (out, fact->value, fact->precision);
      if (fact->unit != NULL)
        g_string_append_printf (out, " %s", fact->unit);
      break;
    case PX_FACT_ORDINAL:
      {
        int v = (int)fact->value;
        const char *suffix = (v % 100 >= 11 && v % 100 <= 13) ? "th" :
                             v % 10 == 1 ? "st" : v % 10 == 2 ? "nd" : v % 10 == 3 ? "rd" : "th";

        g_string_append_printf (out, "%d%s", v, suffix);
      }
      break;
    case PX_FACT_DATE:
      {
        g_autofree char *styled = fact->date != NULL && style->format_date != NULL ?
                                  style->format_date (fact->date) : NULL;

        if (styled != NULL)
          g_string_append (out, styled);
        else if (fact->date != NULL)
          append_date (out, fact->date);
      }
      if (!isnan (fact->value_max))
        g_string_append_printf (out, "–%.0f", fact->value_max);
      break;
    case PX_FACT_TIME:
      g_string_append (out, fact->time != NULL ? fact->time : fact->text);
      break;
    case PX_FACT_PERSON:
    case PX_FACT_ORGANIZATION:
    case PX_FACT_PLACE:
      g_string_append (out, fact->name != NULL ? fact->name : fact->text);
      if (fact->alias != NULL)
        g_string_append_printf (out, " (%s)", fact->alias);
      break;
    case PX_FACT_QUOTE:
      {
        const char *q = fact->name != NULL ? fact->name : fact->text;

        if (g_utf8_strlen (q, -1) > 60)
          {
            g_autofree char *head = g_utf8_substring (q, 0, 59);

            g_string_append_printf (out, "“%s…”", head);
          }
        else
          g_string_append_printf (out, "“%s”", q);
        if (fact->speaker != NULL)
          g_string_append_printf (out, " — %s", fact->speaker);
      }
      break;
    case PX_N_FACT_KINDS:
    default:
      g_string_append (out, fact->text);
      break;
    }
  return g_string_free (out, FALSE);
}

/* ---- groups ----
 *
 * A group is one fact: one measure of one subject at one time. Groups grow
 * by agglomeration, strongest evidence first, and two groups merge only
 * when every member of one is compatible with every member of the other
 * (never by transitivity alone): the same family of value, two members of
 * one source agreeing (a source does not contradict itself: two values of
 * it are two facts), and for merges that do not rest on one shared value,
 * no two members about different subjects or years.
 */

typedef enum
{
  FAMILY_NONE,
  FAMILY_COUNT,      /* numbers and counted nouns: "2,012", "2,012 people" */
  FAMILY_DURATION,   /* spans of time: "seven years" */
  FAMILY_MEASURED,   /* quantities in a unit: "72 km" */
  FAMILY_PERCENT,
  FAMILY_POINTS,
  FAMILY_MONEY,
  FAMILY_DATE,
  FAMILY_TIME,
  FAMILY_ORDINAL,
  FAMILY_NAME,
  FAMILY_QUOTE,
} Family;

typedef enum
{
  EVIDENCE_VALUE,    /* one distinctive value: merges whatever the wording */
  EVIDENCE_CONTEXT,  /* the same measure, subject or year */
} Evidence;

typedef struct
{
  GPtrArray *facts;      /* borrowed: PxFact* */
  guint     *cluster;    /* fact index → cluster index */
  GPtrArray *members;    /* cluster index → GArray of fact indices (NULL once merged away) */
  /* of names: the name and the alias of each fact, as numbers that are
   * equal when the strings are but for ASCII case (0: none) */
  guint     *name_keys;  /* 2 per fact */
} Grouper;

static Family
fact_family (const PxFact *fact)
{
  switch (fact->kind)
    {
    case PX_FACT_NUMBER:
      return FAMILY_COUNT;
    case PX_FACT_QUANTITY:
      if (!fact->counted)
        return FAMILY_MEASURED;
      /* a counted noun has a measure; a span of time has none */
      return fact->measure != NULL ? FAMILY_COUNT : FAMILY_DURATION;
    case PX_FACT_PERCENT:
      return fact->points ? FAMILY_POINTS : FAMILY_PERCENT;
    case PX_FACT_MONEY:
      return FAMILY_MONEY;
    case PX_FACT_DATE:
      return FAMILY_DATE;
    case PX_FACT_TIME:
      return FAMILY_TIME;
    case PX_FACT_ORDINAL:
      return FAMILY_ORDINAL;
    case PX_FACT_PERSON:
    case PX_FACT_ORGANIZATION:
    case PX_FACT_PLACE:
      return FAMILY_NAME;
    case PX_FACT_QUOTE:
      return FAMILY_QUOTE;
    case PX_N_FACT_KINDS:
    default:
      return FAMILY_NONE;
    }
}

static gboolean
is_amount_family (Family family)
{
  return family == FAMILY_COUNT || family == FAMILY_DURATION || family == FAMILY_MEASURED ||
         family == FAMILY_PERCENT || family == FAMILY_POINTS || family == FAMILY_MONEY;
}

gboolean
px_fact_same_family (const PxFact *a,
                     const PxFact *b)
{
  Family fa = fact_family (a);

  if (fa != fact_family (b) || fa == FAMILY_NONE)
    return FALSE;
  switch (fa)
    {
    case FAMILY_MONEY:
      return g_strcmp0 (a->currency, b->currency) == 0;
    case FAMILY_DURATION:
    case FAMILY_MEASURED:
      return g_strcmp0 (a->unit, b->unit) == 0;
    case FAMILY_NAME:
      return a->kind == b->kind;
    case FAMILY_NONE:
    case FAMILY_COUNT:
    case FAMILY_PERCENT:
    case FAMILY_POINTS:
    case FAMILY_DATE:
    case FAMILY_TIME:
    case FAMILY_ORDINAL:
    case FAMILY_QUOTE:
    default:
      return TRUE;
    }
}

/* px_fact_values_consistent() across the kinds of one family: "2,012" and
 * "2,012 people" are one count. */
static gboolean
values_consistent (const PxFact *a,
                   const PxFact *b)
{
  if (fact_family (a) == FAMILY_COUNT && fact_family (b) == FAMILY_COUNT)
    {
      PxFact na = *a, nb = *b;

      na.kind = nb.kind = PX_FACT_NUMBER;
      return px_fact_values_consistent (&na, &nb);
    }
  return px_fact_values_consistent (a, b);
}

/* One person or organization under two spellings: "Dairabaev" and
 * "Dairabayev", "Microsoft Corp" and "Microsoft". */
static gboolean
same_subject (const char *a,
              const char *b)
{
  gsize la, lb, common = 0;

  if (g_ascii_strcasecmp (a, b) == 0)
    return TRUE;
  la = strlen (a);
  lb = strlen (b);
  while (common < la && common < lb && g_ascii_tolower (a[common]) == g_ascii_tolower (b[common]))
    common++;
  /* one name begins the other at a word boundary */
  if (common == MIN (la, lb) && (a[common] == ' ' || b[common] == ' '))
    return TRUE;
  /* a shared beginning of most of both words */
  if (common >= 5 && common * 10 >= MAX (la, lb) * 7)
    return TRUE;
  /* one transliteration of another: "Auesbayev" and "Auyesbayev" */
  if (MIN (la, lb) < 7 || strchr (a, ' ') != NULL || strchr (b, ' ') != NULL)
    return FALSE;
  {
    g_autofree char *fa = g_ascii_strdown (a, -1);
    g_autofree char *fb = g_ascii_strdown (b, -1);

    return px_edit_distance (fa, fb, 2) <= 2;
  }
}

static gboolean
subjects_conflict (const PxFact *a,
                   const PxFact *b)
{
  /* organizations are too often only the source of a number */
  return a->subject_person && b->subject_person && !same_subject (a->subject, b->subject);
}

static gboolean
scopes_conflict (const PxFact *a,
                 const PxFact *b)
{
  return a->scope != NULL && b->scope != NULL && strcmp (a->scope, b->scope) != 0;
}

/* px_fact_values_consistent() of two names of one kind, by their keys. */
static gboolean
names_consistent (const Grouper *g,
                  guint          x,
                  guint          y)
{
  const guint *kx = &g->name_keys[2 * x], *ky = &g->name_keys[2 * y];

  return kx[0] != 0 && ky[0] != 0 &&
         (kx[0] == ky[0] || (kx[1] != 0 && kx[1] == ky[0]) || (ky[1] != 0 && ky[1] == kx[0]));
}

/* Two facts of one family (grouper_merge() checks it once per group). */
static gboolean
pair_compatible (const Grouper *g,
                 guint          x,
                 guint          y,
                 Evidence       evidence)
{
  const PxFact *a = g_ptr_array_index (g->facts, x);
  const PxFact *b = g_ptr_array_index (g->facts, y);

  if (a->doc == b->doc && fact_family (a) == FAMILY_NAME && a->kind == b->kind)
    return names_consistent (g, x, y);
  if (a->doc == b->doc)
    return values_consistent (a, b) || (a->kind == PX_FACT_QUOTE && g_strcmp0 (a->text, b->text) == 0);
  if (evidence == EVIDENCE_VALUE)
    return TRUE;
  return !subjects_conflict (a, b) && !scopes_conflict (a, b);
}

static gboolean
grouper_merge (Grouper  *g,
               guint     x,
               guint     y,
               Evidence  evidence)
{
  guint cx = g->cluster[x], cy = g->cluster[y];
  GArray *mx, *my;

  if (cx == cy)
    return FALSE;
  mx = g_ptr_array_index (g->members, cx);
  my = g_ptr_array_index (g->members, cy);
  /* the members of a group share one family: compare it once */
  if (!px_fact_same_family (g_ptr_array_index (g->facts, g_array_index (mx, guint, 0)),
                            g_ptr_array_index (g->facts, g_array_index (my, guint, 0))))
    return FALSE;
  for (guint i = 0; i < mx->len; i++)
    for (guint j = 0; j < my->len; j++)
      if (!pair_compatible (g, g_array_index (mx, guint, i), g_array_index (my, guint, j), evidence))
        return FALSE;
  if (mx->len < my->len)
    {
      GArray *t = mx;
      guint tc = cx;

      mx = my;
      my = t;
      cx = cy;
      cy = tc;
    }
  for (guint j = 0; j < my->len; j++)
    {
      guint f = g_array_index (my, guint, j);

      g_array_append_val (mx, f);
      g->cluster[f] = cx;
    }
  g_array_unref (my);
  g_ptr_array_index (g->members, cy) = NULL;
  return TRUE;
}

static gboolean
grouped_together (Grouper *g,
                  guint    x,
                  guint    y)
{
  return g->cluster[x] == g->cluster[y];
}

/* The key under which facts with one distinctive value meet, or NULL:
 * small whole numbers, whole per cents and bare years recur by chance. */
static char *
value_key (const PxFact *fact)
{
  Family family = fact_family (fact);

  switch (family)
    {
    case FAMILY_COUNT:
    case FAMILY_MEASURED:
    case FAMILY_DURATION:
    case FAMILY_PERCENT:
    case FAMILY_POINTS:
    case FAMILY_MONEY:
      if (isnan (fact->value) || !isnan (fact->value_max))
        return NULL;
      if (family == FAMILY_COUNT && fact->value == floor (fact->value) && fabs (fact->value) < 100)
        return NULL;
      if ((family == FAMILY_PERCENT || family == FAMILY_POINTS || family == FAMILY_MEASURED ||
           family == FAMILY_DURATION) && fact->value == floor (fact->value) && fabs (fact->value) < 10)
        return NULL;
      if ((family == FAMILY_PERCENT || family == FAMILY_POINTS) && fact->value == floor (fact->value) &&
          fmod (fact->value, 5) == 0)
        return NULL;
      return g_strdup_printf ("%d|%.10g|%s", family, fact->value,
                              family == FAMILY_MONEY ? fact->currency :
                              family == FAMILY_MEASURED || family == FAMILY_DURATION ? fact->unit : "");
    case FAMILY_DATE:
      /* a day matches with or without its year; a month or a year alone
       * recurs in stories about different events */
      if (fact->date != NULL && strlen (fact->date) == 10 && isnan (fact->value_max))
        return g_strdup_printf ("%d|%s", family, fact->date + 5);
      if (fact->date != NULL && fact->date[0] == '-' && strlen (fact->date) == 7)
        return g_strdup_printf ("%d|%s", family, fact->date + 2);
      return NULL;
    case FAMILY_TIME:
      return fact->time != NULL ? g_strdup_printf ("%d|%s", family, fact->time) : NULL;
    case FAMILY_NAME:
      {
        g_autofree char *lower = g_utf8_strdown (fact->name != NULL ? fact->name : fact->text, -1);

        return g_strdup_printf ("%d|%d|%s", family, fact->kind, lower);
      }
    case FAMILY_NONE:
    case FAMILY_ORDINAL:
    case FAMILY_QUOTE:
    default:
      return NULL;
    }
}

typedef char *(*KeyFunc) (const PxFact *fact);

/* Buckets of fact indices by @key_func (facts without a key left out). */
static GHashTable *
bucket_facts (GPtrArray *facts,
              KeyFunc    key_func)
{
  GHashTable *buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify)g_array_unref);

  for (guint i = 0; i < facts->len; i++)
    {
      char *key = key_func (g_ptr_array_index (facts, i));
      GArray *bucket;

      if (key == NULL)
        continue;
      bucket = g_hash_table_lookup (buckets, key);
      if (bucket == NULL)
        {
          bucket = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (buckets, key, bucket);
        }
      else
        g_free (key);
      g_array_append_val (bucket, i);
    }
  return buckets;
}

static char *
measure_context_key (const PxFact *fact)
{
  Family family = fact_family (fact);

  if (!is_amount_family (family) || fact->measure == NULL)
    return NULL;
  return g_strdup_printf ("%d|m|%s|%s", family, fact->measure,
                          family == FAMILY_MONEY ? fact->currency : family == FAMILY_MEASURED ? fact->unit : "");
}

static char *
subject_context_key (const PxFact *fact)
{
  Family family = fact_family (fact);
  g_autofree char *lower = NULL;

  if (!is_amount_family (family) || fact->subject == NULL)
    return NULL;
  /* the first word: "Microsoft Corp" meets "Microsoft" (same_subject decides) */
  lower = g_ascii_strdown (fact->subject, MIN (strcspn (fact->subject, " "), 6));
  return g_strdup_printf ("%d|s|%s", family, lower);
}

static char *
scope_context_key (const PxFact *fact)
{
  Family family = fact_family (fact);

  if (!is_amount_family (family) || fact->scope == NULL)
    return NULL;
  return g_strdup_printf ("%d|y|%s", family, fact->scope);
}

typedef enum
{
  PAIR_CONSISTENT,     /* values consistent */
  PAIR_SAME_SCOPE,     /* values differ; same subject and year (or none) */
  PAIR_ANY,            /* values differ */
} PairTest;

/* Two values that may be two reports of one figure. */
static gboolean
comparable (const PxFact *a,
            const PxFact *b)
{
  double x = fabs (a->value), y = fabs (b->value);

  if (isnan (x) || isnan (y) || x == 0 || y == 0)
    return TRUE;
  return MAX (x, y) <= 4 * MIN (x, y);
}

/* Bounds the pairs one bucket may try: a measure in 200 sources. */
#define MAX_BUCKET 256

static void
merge_buckets (Grouper    *g,
               GHashTable *buckets,
               Evidence    evidence,
               PairTest    test)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, buckets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GArray *bucket = value;
      guint n = MIN (bucket->len, MAX_BUCKET);

      /* one value: every member joins the first, however many (a name in
       * 200 sources) */
      if (evidence == EVIDENCE_VALUE)
        {
          for (guint j = 1; j < bucket->len; j++)
            grouper_merge (g, g_array_index (bucket, guint, 0), g_array_index (bucket, guint, j), evidence);
          continue;
        }

      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          {
            guint x = g_array_index (bucket, guint, i), y = g_array_index (bucket, guint, j);
            const PxFact *a = g_ptr_array_index (g->facts, x);
            const PxFact *b = g_ptr_array_index (g->facts, y);
            gboolean consistent;

            /* one source repeating a distinctive value states one fact */
            if ((a->doc == b->doc && evidence != EVIDENCE_VALUE) || grouped_together (g, x, y))
              continue;
            consistent = values_consistent (a, b);
            if (test == PAIR_CONSISTENT && !consistent)
              continue;
            if (test == PAIR_SAME_SCOPE &&
                (consistent || g_strcmp0 (a->scope, b->scope) != 0 ||
                 (a->subject == NULL) != (b->subject == NULL)))
              continue;
            /* two reports of one figure differ by a typo, a rounding or an
             * hour (23.37% at 10am, 69.44% at the close), not tenfold: 191
             * deaths in one province are no "more than 2,000", and "more
             * than 3 %" is no "more than 40 %" however consistent */
            if (!comparable (a, b))
              continue;
            grouper_merge (g, x, y, evidence);
          }
    }
}

static guint
segment_key (guint doc,
             guint segment)
{
  return (doc << 20) | (segment & 0xFFFFF);
}

/* Facts of one family in two sentences that state the same claim speak
 * of the same thing: pair them in order, consistent ones first, then a
 * lone one on each side as one fact with two values. */
static void
merge_sentence_pair (Grouper *g,
                     GArray  *fa,
                     GArray  *fb)
{
  gboolean used_b[32] = { FALSE };
  gboolean used_a[32] = { FALSE };
  guint na = MIN (fa->len, 32), nb = MIN (fb->len, 32);

  for (guint x = 0; x < na; x++)
    for (guint y = 0; y < nb; y++)
      {
        guint ix = g_array_index (fa, guint, x), iy = g_array_index (fb, guint, y);
        const PxFact *a = g_ptr_array_index (g->facts, ix);
        const PxFact *b = g_ptr_array_index (g->facts, iy);

        if (used_b[y] || !px_fact_same_family (a, b))
          continue;
        if (grouped_together (g, ix, iy) ||
            (values_consistent (a, b) && grouper_merge (g, ix, iy, EVIDENCE_CONTEXT)))
          {
            used_a[x] = used_b[y] = TRUE;
            break;
          }
      }

  for (int family = FAMILY_COUNT; family <= FAMILY_ORDINAL; family++)
    {
      int lone_a = -1, lone_b = -1, count_a = 0, count_b = 0;

      for (guint x = 0; x < na; x++)
        if ((int)fact_family (g_ptr_array_index (g->facts, g_array_index (fa, guint, x))) == family)
          {
            count_a++;
            if (!used_a[x])
              lone_a = x;
          }
      for (guint y = 0; y < nb; y++)
        if ((int)fact_family (g_ptr_array_index (g->facts, g_array_index (fb, guint, y))) == family)
          {
            count_b++;
            if (!used_b[y])
              lone_b = y;
          }
      if (count_a == 1 && count_b == 1 && lone_a >= 0 && lone_b >= 0)
        {
          guint ia = g_array_index (fa, guint, lone_a), ib = g_array_index (fb, guint, lone_b);
          const PxFact *a = g_ptr_array_index (g->facts, ia);
          const PxFact *b = g_ptr_array_index (g->facts, ib);

          /* amounts need the same measure (or none on either side) */
          if (!is_amount_family (family) || g_strcmp0 (a->measure, b->measure) == 0)
            grouper_merge (g, ia, ib, EVIDENCE_CONTEXT);
        }
    }
}

static int
compare_pair_keys (gconstpointer a,
                   gconstpointer b)
{
  guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;

  return x < y ? -1 : x > y;
}

/* The facts of @list (indices, may be NULL) inside [start, end). */
static GArray *
facts_in (Grouper *g,
          GArray  *list,
          guint    start,
          guint    end)
{
  GArray *in = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const PxFact *fact = g_ptr_array_index (g->facts, g_array_index (list, guint, i));

      if (fact->start < end && fact->end > start)
        g_array_append_val (in, g_array_index (list, guint, i));
    }
  return in;
}

static void
merge_sentences (Grouper   *g,
                 GPtrArray *documents,
                 GPtrArray *links,
                 gboolean   lone_pairs)
{
  g_autoptr(GHashTable) by_segment = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                            (GDestroyNotify)g_array_unref);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint64));
  guint *segment_of = g_new (guint, g->facts->len);

  /* (doc, segment) → fact indices */
  for (guint i = 0; i < g->facts->len; i++)
    {
      PxFact *fact = g_ptr_array_index (g->facts, i);
      guint seg;
      gpointer key;
      GArray *list;

      segment_of[i] = G_MAXUINT;
      if (fact->doc >= documents->len)
        continue;
      seg = px_document_find_segment (g_ptr_array_index (documents, fact->doc), fact->start);
      if (seg == G_MAXUINT)
        continue;
      segment_of[i] = seg;
      key = GUINT_TO_POINTER (segment_key (fact->doc, seg));
      list = g_hash_table_lookup (by_segment, key);
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_segment, key, list);
        }
      g_array_append_val (list, i);
    }

  /* sentence pairs: the aligner's links, and sentences of two sources
   * that share a fact already grouped (not a name: names recur) */
  for (guint l = 0; links != NULL && l < links->len; l++)
    {
      const PxLink *link = g_ptr_array_index (links, l);
      guint64 key;

      if (link->relation == PX_RELATION_RELATED)
        continue;
      key = ((guint64)segment_key (link->a.doc, link->a.segment) << 32) | segment_key (link->b.doc, link->b.segment);
      if (lone_pairs)
        {
          /* two values that differ are one fact only inside the parts of
           * the sentences that state one claim */
          GArray *fa = g_hash_table_lookup (by_segment, GUINT_TO_POINTER ((guint)(key >> 32)));
          GArray *fb = g_hash_table_lookup (by_segment, GUINT_TO_POINTER ((guint)(key & 0xFFFFFFFF)));
          g_autoptr(GArray) pa = facts_in (g, fa, link->a_start, link->a_end);
          g_autoptr(GArray) pb = facts_in (g, fb, link->b_start, link->b_end);

          if (pa->len > 0 && pb->len > 0)
            merge_sentence_pair (g, pa, pb);
        }
      else
        g_array_append_val (pairs, key);
    }
  for (guint c = 0; c < g->members->len; c++)
    {
      GArray *m = g_ptr_array_index (g->members, c);

      /* a value many sources share says little about the sentences */
      if (m == NULL || m->len < 2 || m->len > 24 ||
          !is_amount_family (fact_family (g_ptr_array_index (g->facts, g_array_index (m, guint, 0)))))
        continue;
      for (guint i = 0; i < m->len; i++)
        for (guint j = 0; j < m->len; j++)
          {
            guint x = g_array_index (m, guint, i), y = g_array_index (m, guint, j);
            const PxFact *a = g_ptr_array_index (g->facts, x);
            const PxFact *b = g_ptr_array_index (g->facts, y);
            guint64 key;

            if (a->doc >= b->doc || segment_of[x] == G_MAXUINT || segment_of[y] == G_MAXUINT)
              continue;
            key = ((guint64)segment_key (a->doc, segment_of[x]) << 32) | segment_key (b->doc, segment_of[y]);
            g_array_append_val (pairs, key);
          }
    }
  g_array_sort (pairs, compare_pair_keys);

  for (guint p = 0; p < pairs->len; p++)
    {
      guint64 k = g_array_index (pairs, guint64, p);
      GArray *fa = g_hash_table_lookup (by_segment, GUINT_TO_POINTER ((guint)(k >> 32)));
      GArray *fb = g_hash_table_lookup (by_segment, GUINT_TO_POINTER ((guint)(k & 0xFFFFFFFF)));

      if ((p > 0 && g_array_index (pairs, guint64, p - 1) == k) || fa == NULL || fb == NULL)
        continue;
      if (lone_pairs)
        merge_sentence_pair (g, fa, fb);
      else
        {
          /* consistent pairs only */
          for (guint x = 0; x < fa->len; x++)
            for (guint y = 0; y < fb->len; y++)
              {
                guint ix = g_array_index (fa, guint, x), iy = g_array_index (fb, guint, y);
                const PxFact *a = g_ptr_array_index (g->facts, ix);
                const PxFact *b = g_ptr_array_index (g->facts, iy);

                if (fact_family (a) != FAMILY_NAME && px_fact_same_family (a, b) && !grouped_together (g, ix, iy) &&
                    values_consistent (a, b))
                  grouper_merge (g, ix, iy, EVIDENCE_CONTEXT);
              }
        }
    }
  g_free (segment_of);
}

/* Whether the names of a group (of one kind) are consistent pair by
 * pair: a name repeated many times is compared once, by its keys. */
static gboolean
names_all_consistent (const Grouper *g,
                      GArray        *members)
{
  g_autoptr(GArray) distinct = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *pairs = g_new (gint64, members->len);

  for (guint i = 0; i < members->len; i++)
    {
      guint x = g_array_index (members, guint, i);

      /* no name: consistent with nothing, itself included */
      if (g->name_keys[2 * x] == 0)
        return FALSE;
      pairs[i] = (gint64)g->name_keys[2 * x] << 32 | g->name_keys[2 * x + 1];
      if (!g_hash_table_contains (seen, &pairs[i]))
        {
          g_hash_table_add (seen, &pairs[i]);
          g_array_append_val (distinct, x);
        }
    }
  for (guint i = 0; i < distinct->len; i++)
    for (guint j = i + 1; j < distinct->len; j++)
      if (!names_consistent (g, g_array_index (distinct, guint, i), g_array_index (distinct, guint, j)))
        return FALSE;
  return TRUE;
}

static PxFactGroupStatus
group_status (const Grouper *g,
              GArray        *members)
{
  GPtrArray *facts = g->facts;
  guint first_doc = ((PxFact *)g_ptr_array_index (facts, g_array_index (members, guint, 0)))->doc;
  gboolean several = FALSE;

  for (guint i = 1; i < members->len; i++)
    if (((PxFact *)g_ptr_array_index (facts, g_array_index (members, guint, i)))->doc != first_doc)
      several = TRUE;
  if (!several)
    return PX_FACT_GROUP_SINGLE;

  /* every pair must be consistent */
  if (fact_family (g_ptr_array_index (facts, g_array_index (members, guint, 0))) == FAMILY_NAME)
    return names_all_consistent (g, members) ? PX_FACT_GROUP_AGREE : PX_FACT_GROUP_DIFFERS;
  for (guint i = 0; i < members->len; i++)
    for (guint j = i + 1; j < members->len; j++)
      {
        const PxFact *a = g_ptr_array_index (facts, g_array_index (members, guint, i));
        const PxFact *b = g_ptr_array_index (facts, g_array_index (members, guint, j));

        if (a->kind == PX_FACT_QUOTE && g_strcmp0 (a->text, b->text) == 0)
          continue;
        if (!values_consistent (a, b))
          return PX_FACT_GROUP_DIFFERS;
      }
  return PX_FACT_GROUP_AGREE;
}

/* The string most members give (first in text order on a tie), or NULL;
 * *n_out its count. */
static const char *
most_common_n (GPtrArray  *facts,
               GArray     *members,
               const char *(*get) (const PxFact *),
               guint      *n_out)
{
  const char *best = NULL;
  guint best_n = 0;

  for (guint i = 0; i < members->len; i++)
    {
      const char *v = get (g_ptr_array_index (facts, g_array_index (members, guint, i)));
      guint n = 0;

      if (v == NULL || (best != NULL && strcmp (v, best) == 0))
        continue;
      for (guint j = 0; j < members->len; j++)
        {
          const char *w = get (g_ptr_array_index (facts, g_array_index (members, guint, j)));

          n += w != NULL && strcmp (v, w) == 0;
        }
      if (n > best_n)
        {
          best = v;
          best_n = n;
        }
    }
  if (n_out != NULL)
    *n_out = best_n;
  return best;
}

static const char *
most_common (GPtrArray  *facts,
             GArray     *members,
             const char *(*get) (const PxFact *))
{
  return most_common_n (facts, members, get, NULL);
}

static const char *
get_subject (const PxFact *fact)
{
  return fact->subject;
}

/* What a member measures in words: a counted noun as written ("eligible
 * voters"), else the measure's words. */
static const char *
get_measure_words (const PxFact *fact)
{
  const char *words = fact->measure_words;
  gsize n = words != NULL ? strlen (words) : 0;

  if (fact->kind == PX_FACT_QUANTITY && fact->counted && fact->measure != NULL && fact->unit != NULL &&
      words == NULL)
    return fact->unit;
  /* a verb ("participated", "including") says what happened, not what was
   * counted: no label */
  if (n > 4 && (g_str_has_suffix (words, "ed") || g_str_has_suffix (words, "ing")))
    return fact->kind == PX_FACT_QUANTITY && fact->counted ? fact->unit : NULL;
  return words;
}

static const char *
get_scope (const PxFact *fact)
{
  return fact->scope;
}

static const char *
get_speaker (const PxFact *fact)
{
  return fact->speaker;
}

static void
describe_group (GPtrArray   *facts,
                PxFactGroup *group)
{
  const PxFact *first = g_ptr_array_index (facts, g_array_index (group->facts, guint, 0));
  Family family = fact_family (first);
  const char *scope;

  if (family == FAMILY_QUOTE)
    {
      const char *speaker = most_common (facts, group->facts, get_speaker);

      group->subject = g_strdup (speaker);
      group->label = speaker != NULL ? g_strdup (speaker) : px_fact_format_value (first);
      return;
    }
  if (!is_amount_family (family))
    {
      group->label = px_fact_format_value (first);
      return;
    }

  {
    guint n = 0;
    const char *subject = most_common_n (facts, group->facts, get_subject, &n);

    /* whom most members are about ("Tokayev"), not the agency one member
     * names ("EFE") */
    if (subject != NULL && 2 * n >= group->facts->len)
      group->subject = g_strdup (subject);
  }
  group->measure = g_strdup (most_common (facts, group->facts, get_measure_words));
  if (group->measure == NULL && first->kind == PX_FACT_QUANTITY && first->unit != NULL)
    group->measure = g_strdup (first->unit);
  scope = most_common (facts, group->facts, get_scope);

  if (group->subject != NULL && group->measure != NULL)
    group->label = g_strdup_printf ("%s’s %s", group->subject, group->measure);
  else if (group->measure != NULL)
    group->label = g_strdup (group->measure);
  else if (group->subject != NULL)
    group->label = g_strdup_printf ("%s: %s", group->subject, px_fact_kind_to_string (first->kind));
  else
    group->label = px_fact_format_value (first);
  if (scope != NULL)
    {
      char *with_scope = g_strdup_printf ("%s (%s)", group->label, scope);

      g_free (group->label);
      group->label = with_scope;
    }
}

static guint
group_n_docs (GPtrArray   *facts,
              PxFactGroup *group)
{
  guint64 seen = 0;
  guint n = 0;

  for (guint i = 0; i < group->facts->len; i++)
    {
      guint doc = ((PxFact *)g_ptr_array_index (facts, g_array_index (group->facts, guint, i)))->doc % 64;

      if (!(seen & (G_GUINT64_CONSTANT (1) << doc)))
        {
          seen |= G_GUINT64_CONSTANT (1) << doc;
          n++;
        }
    }
  return n;
}

typedef struct
{
  GPtrArray *facts;
} SortData;

static gboolean
is_name (PxFactKind kind)
{
  return kind == PX_FACT_PERSON || kind == PX_FACT_ORGANIZATION || kind == PX_FACT_PLACE;
}

static int
status_rank (PxFactGroupStatus status)
{
  switch (status)
    {
    case PX_FACT_GROUP_DIFFERS: return 0;
    case PX_FACT_GROUP_AGREE: return 1;
    case PX_FACT_GROUP_SINGLE:
    default: return 2;
    }
}

static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  SortData *sd = data;
  PxFactGroup *ga = *(PxFactGroup **)a;
  PxFactGroup *gb = *(PxFactGroup **)b;
  guint na = group_n_docs (sd->facts, ga), nb = group_n_docs (sd->facts, gb);
  const PxFact *fa, *fb;

  /* what a reader checks first: differing before agreeing before single;
   * numbers, dates and quotes before names; then the widest groups */
  if (ga->status != gb->status)
    return status_rank (ga->status) < status_rank (gb->status) ? -1 : 1;
  if (is_name (ga->kind) != is_name (gb->kind))
    return is_name (ga->kind) ? 1 : -1;
  if (na != nb)
    return na > nb ? -1 : 1;
  fa = g_ptr_array_index (sd->facts, g_array_index (ga->facts, guint, 0));
  fb = g_ptr_array_index (sd->facts, g_array_index (gb->facts, guint, 0));
  if (fa->doc != fb->doc)
    return fa->doc < fb->doc ? -1 : 1;
  return fa->start < fb->start ? -1 : fa->start > fb->start;
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

/* Grouper.name_keys of @facts. */
static guint *
name_keys (GPtrArray *facts)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint *keys = g_new0 (guint, 2 * facts->len);

  for (guint i = 0; i < facts->len; i++)
    {
      const PxFact *fact = g_ptr_array_index (facts, i);
      const char *strings[2] = { fact->name, fact->alias };

      if (fact_family (fact) != FAMILY_NAME || fact->name == NULL)
        continue;
      for (guint k = 0; k < 2; k++)
        if (strings[k] != NULL)
          {
            char *folded = g_ascii_strdown (strings[k], -1);
            gpointer id = g_hash_table_lookup (ids, folded);

            if (id == NULL)
              {
                id = GUINT_TO_POINTER (g_hash_table_size (ids) + 1);
                g_hash_table_insert (ids, folded, id);
              }
            else
              g_free (folded);
            keys[2 * i + k] = GPOINTER_TO_UINT (id);
          }
    }
  return keys;
}

GPtrArray *
px_fact_groups_build (GPtrArray *documents,
                      GPtrArray *facts,
                      GPtrArray *links)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify)px_fact_group_free);
  Grouper g = { 0 };
  SortData sd = { facts };

  g_return_val_if_fail (facts != NULL, groups);
  if (facts->len == 0)
    return groups;

  g.facts = facts;
  g.cluster = g_new (guint, facts->len);
  g.name_keys = name_keys (facts);
  g.members = g_ptr_array_new ();
  for (guint i = 0; i < facts->len; i++)
    {
      GArray *m = g_array_new (FALSE, FALSE, sizeof (guint));

      g_array_append_val (m, i);
      g_ptr_array_add (g.members, m);
      g.cluster[i] = i;
    }

  /* strongest evidence first */
  {
    g_autoptr(GHashTable) by_value = bucket_facts (facts, value_key);
    g_autoptr(GHashTable) by_measure = bucket_facts (facts, measure_context_key);
    g_autoptr(GHashTable) by_subject = bucket_facts (facts, subject_context_key);
    g_autoptr(GHashTable) by_scope = bucket_facts (facts, scope_context_key);

    /* one distinctive value in several sources */
    merge_buckets (&g, by_value, EVIDENCE_VALUE, PAIR_CONSISTENT);
    /* consistent values of one measure, subject or year */
    merge_buckets (&g, by_measure, EVIDENCE_CONTEXT, PAIR_CONSISTENT);
    merge_buckets (&g, by_subject, EVIDENCE_CONTEXT, PAIR_CONSISTENT);
    merge_buckets (&g, by_scope, EVIDENCE_CONTEXT, PAIR_CONSISTENT);
    if (documents != NULL)
      merge_sentences (&g, documents, links, FALSE);
    /* differing values of one measure: same subject and year first */
    merge_buckets (&g, by_measure, EVIDENCE_CONTEXT, PAIR_SAME_SCOPE);
    merge_buckets (&g, by_measure, EVIDENCE_CONTEXT, PAIR_ANY);
    if (documents != NULL)
      merge_sentences (&g, documents, links, TRUE);
  }

  for (guint c = 0; c < g.members->len; c++)
    {
      GArray *m = g_ptr_array_index (g.members, c);
      PxFactGroup *group;

      if (m == NULL)
        continue;
      g_array_sort (m, compare_indices);
      group = g_new0 (PxFactGroup, 1);
      group->kind = ((PxFact *)g_ptr_array_index (facts, g_array_index (m, guint, 0)))->kind;
      group->facts = m;
      group->status = group_status (&g, m);
      describe_group (facts, group);
      g_ptr_array_add (groups, group);
    }
  g_ptr_array_unref (g.members);
  g_free (g.cluster);
  g_free (g.name_keys);
  g_ptr_array_sort_with_data (groups, compare_groups, &sd);
  return groups;
}
