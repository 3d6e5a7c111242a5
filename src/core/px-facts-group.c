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
#include "px-union-find.h"

/* ---- consistency ---- */

/* The values a number may stand for, given its qualifier and rounding. */
static void
value_interval (const PxFact *fact,
                double       *lo,
                double       *hi)
{
  double v = fact->value;
  /* just under half a rounding step: "€1.2 billion" is not "€1.25 billion" */
  double slack = fact->precision * 0.49 + fabs (v) * 1e-9;

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
      slack = MAX (fact->precision, fabs (v) * 0.05);
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

static gboolean
quotes_consistent (const PxFact *a,
                   const PxFact *b)
{
  g_autoptr(GHashTable) wa = word_set (a->name != NULL ? a->name : a->text);
  g_autoptr(GHashTable) wb = word_set (b->name != NULL ? b->name : b->text);
  GHashTableIter iter;
  gpointer key;
  guint common = 0, all;

  g_hash_table_iter_init (&iter, wa);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    common += g_hash_table_contains (wb, key);
  all = g_hash_table_size (wa) + g_hash_table_size (wb) - common;
  return all > 0 && common >= 0.8 * all;
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
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (fact != NULL, NULL);

  switch (fact->kind)
    {
    case PX_FACT_NUMBER:
      g_string_append (out, qualifier_sign (fact->qualifier));
      append_amount (out, fact->value, fact->precision);
      if (!isnan (fact->value_max))
        {
          g_string_append (out, "–");
          append_amount (out, fact->value_max, fact->precision);
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
      append_amount (out, fact->value, fact->precision);
      break;
    case PX_FACT_PERCENT:
      g_string_append (out, qualifier_sign (fact->qualifier));
      append_amount (out, fact->value, 0);
      g_string_append (out, fact->points ? " pp" : "%");
      break;
    case PX_FACT_QUANTITY:
      g_string_append (out, qualifier_sign (fact->qualifier));
      append_amount (out, fact->value, fact->precision);
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
      if (fact->date != NULL)
        append_date (out, fact->date);
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

/* ---- groups ---- */


static void
uf_union (guint *parent,
          guint  a,
          guint  b)
{
  a = px_union_find (parent, a);
  b = px_union_find (parent, b);
  if (a != b)
    parent[MAX (a, b)] = MIN (a, b);
}

static gboolean
is_numeric (PxFactKind kind)
{
  return kind == PX_FACT_NUMBER || kind == PX_FACT_MONEY || kind == PX_FACT_PERCENT ||
         kind == PX_FACT_QUANTITY;
}

/* The key under which facts with the same thing measured or the same
 * distinctive value meet; NULL when the fact has none. */
static char *
measure_key (const PxFact *fact)
{
  /* counted nouns meet by what they count: "people on the voter lists"
   * and "eligible voters" */
  if (is_numeric (fact->kind) && fact->measure != NULL)
    return g_strdup_printf ("%d|m|%s|%s", fact->kind, fact->measure,
                            fact->currency ? fact->currency : fact->unit && !fact->counted ? fact->unit : "");
  return NULL;
}

static char *
value_key (const PxFact *fact)
{
  switch (fact->kind)
    {
    case PX_FACT_NUMBER:
    case PX_FACT_MONEY:
    case PX_FACT_PERCENT:
    case PX_FACT_QUANTITY:
      /* small whole numbers recur by chance */
      if (isnan (fact->value) || (fact->value == floor (fact->value) && fabs (fact->value) < 100 &&
                                  fact->kind == PX_FACT_NUMBER))
        return NULL;
      return g_strdup_printf ("%d|v|%.10g|%s|%d", fact->kind, fact->value,
                              fact->currency ? fact->currency : fact->unit ? fact->unit : "",
                              fact->points);
    case PX_FACT_DATE:
      /* a day matches with or without its year; a month or a year alone
       * recurs in stories about different events */
      if (fact->date != NULL && strlen (fact->date) == 10)
        return g_strdup_printf ("%d|v|%s", fact->kind, fact->date + 5);
      if (fact->date != NULL && fact->date[0] == '-' && strlen (fact->date) == 7)
        return g_strdup_printf ("%d|v|%s", fact->kind, fact->date + 2);
      return NULL;
    case PX_FACT_PERSON:
    case PX_FACT_ORGANIZATION:
    case PX_FACT_PLACE:
      {
        g_autofree char *lower = g_utf8_strdown (fact->name != NULL ? fact->name : fact->text, -1);

        return g_strdup_printf ("%d|n|%s", fact->kind, lower);
      }
    case PX_FACT_TIME:
    case PX_FACT_ORDINAL:
    case PX_FACT_QUOTE:
    case PX_N_FACT_KINDS:
    default:
      return NULL;
    }
}

static void
union_by_key (GPtrArray *facts,
              guint     *parent,
              char     *(*key_func) (const PxFact *))
{
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < facts->len; i++)
    {
      char *key = key_func (g_ptr_array_index (facts, i));
      gpointer other;

      if (key == NULL)
        continue;
      if (g_hash_table_lookup_extended (first, key, NULL, &other))
        {
          uf_union (parent, GPOINTER_TO_UINT (other), i);
          g_free (key);
        }
      else
        g_hash_table_insert (first, key, GUINT_TO_POINTER (i));
    }
}

/* Facts of one kind in two linked sentences speak of the same thing: pair
 * them in order, consistent ones first. */
static void
union_by_links (GPtrArray *documents,
                GPtrArray *facts,
                GPtrArray *links,
                guint     *parent)
{
  g_autoptr(GHashTable) by_segment = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                            (GDestroyNotify)g_array_unref);

  /* (doc, segment) → fact indices */
  for (guint i = 0; i < facts->len; i++)
    {
      PxFact *fact = g_ptr_array_index (facts, i);
      guint seg;
      gpointer key;
      GArray *list;

      if (fact->doc >= documents->len)
        continue;
      seg = px_document_find_segment (g_ptr_array_index (documents, fact->doc), fact->start);
      if (seg == G_MAXUINT)
        continue;
      key = GUINT_TO_POINTER ((fact->doc << 20) | (seg & 0xFFFFF));
      list = g_hash_table_lookup (by_segment, key);
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_segment, key, list);
        }
      g_array_append_val (list, i);
    }

  for (guint l = 0; links != NULL && l < links->len; l++)
    {
      const PxLink *link = g_ptr_array_index (links, l);
      GArray *fa, *fb;

      if (link->relation == PX_RELATION_RELATED)
        continue;
      fa = g_hash_table_lookup (by_segment, GUINT_TO_POINTER ((link->a.doc << 20) | (link->a.segment & 0xFFFFF)));
      fb = g_hash_table_lookup (by_segment, GUINT_TO_POINTER ((link->b.doc << 20) | (link->b.segment & 0xFFFFF)));
      if (fa == NULL || fb == NULL)
        continue;

      for (int kind = 0; kind < PX_N_FACT_KINDS; kind++)
        {
          guint na = 0, nb = 0;
          guint ia[16], ib[16];
          gboolean paired_b[16] = { FALSE };

          /* only the facts in the parts of the sentences that link */
          for (guint k = 0; k < fa->len && na < 16; k++)
            {
              const PxFact *f = g_ptr_array_index (facts, g_array_index (fa, guint, k));

              if (f->kind == (PxFactKind)kind && f->start < link->a_end && f->end > link->a_start)
                ia[na++] = g_array_index (fa, guint, k);
            }
          for (guint k = 0; k < fb->len && nb < 16; k++)
            {
              const PxFact *f = g_ptr_array_index (facts, g_array_index (fb, guint, k));

              if (f->kind == (PxFactKind)kind && f->start < link->b_end && f->end > link->b_start)
                ib[nb++] = g_array_index (fb, guint, k);
            }
          if (na == 0 || nb == 0)
            continue;

          for (guint x = 0; x < na; x++)
            for (guint y = 0; y < nb; y++)
              if (!paired_b[y] && px_fact_values_consistent (g_ptr_array_index (facts, ia[x]),
                                                              g_ptr_array_index (facts, ib[y])))
                {
                  uf_union (parent, ia[x], ib[y]);
                  paired_b[y] = TRUE;
                  break;
                }
          /* one fact of this kind on each side and they differ: one fact, two values */
          if (na == 1 && nb == 1 && !paired_b[0] && kind != PX_FACT_PERSON && kind != PX_FACT_PLACE &&
              kind != PX_FACT_ORGANIZATION)
            uf_union (parent, ia[0], ib[0]);
        }
    }
}

/* Two facts whose every field px_fact_values_consistent() reads is the
 * same (doubles compared bit for bit, so NAN equals NAN). */
static gboolean
same_value (gconstpointer x,
            gconstpointer y)
{
  const PxFact *a = x, *b = y;

  return a->kind == b->kind && a->qualifier == b->qualifier && a->points == b->points &&
         memcmp (&a->value, &b->value, sizeof (double)) == 0 &&
         memcmp (&a->value_max, &b->value_max, sizeof (double)) == 0 &&
         memcmp (&a->precision, &b->precision, sizeof (double)) == 0 &&
         g_strcmp0 (a->currency, b->currency) == 0 && g_strcmp0 (a->unit, b->unit) == 0 &&
         g_strcmp0 (a->date, b->date) == 0 && g_strcmp0 (a->time, b->time) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 && g_strcmp0 (a->alias, b->alias) == 0 &&
         g_strcmp0 (a->measure, b->measure) == 0 &&
         (a->kind != PX_FACT_QUOTE || g_strcmp0 (a->text, b->text) == 0);
}

static guint
value_hash (gconstpointer x)
{
  const PxFact *fact = x;
  guint hash = fact->kind;

  hash = hash * 31 + (fact->name != NULL ? g_str_hash (fact->name) : 0);
  hash = hash * 31 + (fact->date != NULL ? g_str_hash (fact->date) : 0);
  if (!isnan (fact->value))
    hash = hash * 31 + g_double_hash (&fact->value);
  return hash;
}

static PxFactGroupStatus
group_status (GPtrArray *facts,
              GArray    *members)
{
  guint first_doc = ((PxFact *)g_ptr_array_index (facts, g_array_index (members, guint, 0)))->doc;
  g_autoptr(GHashTable) distinct = NULL;
  g_autoptr(GPtrArray) representatives = NULL;
  gboolean several = FALSE;

  for (guint i = 1; i < members->len; i++)
    if (((PxFact *)g_ptr_array_index (facts, g_array_index (members, guint, i)))->doc != first_doc)
      several = TRUE;
  if (!several)
    return PX_FACT_GROUP_SINGLE;

  /* every pair must be consistent; facts with the same value need one
   * check, not one per pair (a name in 200 sources) */
  distinct = g_hash_table_new (value_hash, same_value);
  representatives = g_ptr_array_new ();
  for (guint i = 0; i < members->len; i++)
    {
      PxFact *fact = g_ptr_array_index (facts, g_array_index (members, guint, i));

      if (g_hash_table_contains (distinct, fact))
        {
          /* an equal pair: consistent unless the value is not even
           * consistent with itself (no value at all) */
          if (!px_fact_values_consistent (fact, fact))
            return PX_FACT_GROUP_DIFFERS;
          continue;
        }
      g_hash_table_add (distinct, fact);
      g_ptr_array_add (representatives, fact);
    }
  for (guint i = 0; i < representatives->len; i++)
    for (guint j = i + 1; j < representatives->len; j++)
      if (!px_fact_values_consistent (g_ptr_array_index (representatives, i),
                                      g_ptr_array_index (representatives, j)))
        return PX_FACT_GROUP_DIFFERS;
  return PX_FACT_GROUP_AGREE;
}

static char *
group_label (GPtrArray *facts,
             GArray    *members)
{
  const PxFact *first = g_ptr_array_index (facts, g_array_index (members, guint, 0));

  for (guint i = 0; i < members->len; i++)
    {
      const PxFact *f = g_ptr_array_index (facts, g_array_index (members, guint, i));

      if (f->kind == PX_FACT_QUOTE && f->speaker != NULL)
        return g_strdup (f->speaker);
      if ((f->kind == PX_FACT_PERCENT || f->kind == PX_FACT_NUMBER) && f->measure != NULL)
        return g_strdup (f->measure);
    }
  return px_fact_format_value (first);
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

  /* what a reader checks first: numbers, dates and quotes before names;
   * differing before agreeing before single; then the widest groups */
  if (is_name (ga->kind) != is_name (gb->kind))
    return is_name (ga->kind) ? 1 : -1;
  if (ga->status != gb->status)
    return status_rank (ga->status) < status_rank (gb->status) ? -1 : 1;
  if (na != nb)
    return na > nb ? -1 : 1;
  fa = g_ptr_array_index (sd->facts, g_array_index (ga->facts, guint, 0));
  fb = g_ptr_array_index (sd->facts, g_array_index (gb->facts, guint, 0));
  if (fa->doc != fb->doc)
    return fa->doc < fb->doc ? -1 : 1;
  return fa->start < fb->start ? -1 : fa->start > fb->start;
}

GPtrArray *
px_fact_groups_build (GPtrArray *documents,
                      GPtrArray *facts,
                      GPtrArray *links)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify)px_fact_group_free);
  g_autofree guint *parent = NULL;
  g_autoptr(GHashTable) by_root = NULL;
  SortData sd = { facts };

  g_return_val_if_fail (facts != NULL, groups);
  if (facts->len == 0)
    return groups;

  parent = g_new (guint, facts->len);
  for (guint i = 0; i < facts->len; i++)
    parent[i] = i;

  union_by_key (facts, parent, measure_key);
  union_by_key (facts, parent, value_key);
  if (documents != NULL)
    union_by_links (documents, facts, links, parent);

  by_root = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < facts->len; i++)
    {
      guint root = px_union_find (parent, i);
      PxFactGroup *group = g_hash_table_lookup (by_root, GUINT_TO_POINTER (root));

      if (group == NULL)
        {
          group = g_new0 (PxFactGroup, 1);
          group->kind = ((PxFact *)g_ptr_array_index (facts, i))->kind;
          group->facts = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_root, GUINT_TO_POINTER (root), group);
          g_ptr_array_add (groups, group);
        }
      g_array_append_val (group->facts, i);
    }

  for (guint i = 0; i < groups->len; i++)
    {
      PxFactGroup *group = g_ptr_array_index (groups, i);

      group->status = group_status (facts, group->facts);
      group->label = group_label (facts, group->facts);
    }
  g_ptr_array_sort_with_data (groups, compare_groups, &sd);
  return groups;
}
