/* px-format.c: the engine's normalized values as the reader's locale writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine writes its values one way for the JSON and the report
 * (px_fact_format_value ()); the window shows them to a reader, in the
 * reader's language: month names from the locale, the order of day, month
 * and year and the words for "million" from the translation, the digit
 * grouping and the decimal mark from LC_NUMERIC.
 */
#define G_LOG_DOMAIN "px-format"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "px-format.h"

char *
px_format_date (const char *iso)
{
  int parts[3] = { 0, 0, 0 };
  guint k = 0;
  const char *p = iso;
  const char *format;
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL)
    return NULL;
  if (g_str_has_prefix (p, "--"))
    {
      p += 2;
      k = 1;
    }
  for (; k < 3 && g_ascii_isdigit (*p); k++)
    {
      int n = 0;

      while (g_ascii_isdigit (*p) && n < 100000)
        n = n * 10 + (*p++ - '0');
      parts[k] = n;
      if (*p == '-')
        p++;
    }
  if (*p != '\0')
    return NULL;

  if (parts[0] > 0 && parts[1] > 0 && parts[2] > 0)
    /* Translators: a full date, a g_date_time_format () string: "20 Nov 2022" */
    format = C_("full date", "%-d %b %Y");
  else if (parts[0] > 0 && parts[1] > 0)
    /* Translators: a month of a year, a g_date_time_format () string: "Nov 2022" */
    format = C_("month and year", "%b %Y");
  else if (parts[1] > 0 && parts[2] > 0)
    /* Translators: a day of a month, no year, a g_date_time_format () string: "20 Nov" */
    format = C_("day and month", "%-d %b");
  else if (parts[0] > 0 && parts[1] == 0 && parts[2] == 0)
    format = "%Y";
  else
    return NULL;

  /* a leap year stands in for a date without one: "--02-29" */
  date = g_date_time_new_utc (parts[0] > 0 ? parts[0] : 2000, MAX (parts[1], 1), MAX (parts[2], 1), 0, 0, 0);
  if (date == NULL)
    return NULL;
  return g_date_time_format (date, format);
}

/* The locale's digit grouping; the engine's comma where the locale has
 * none (C). */
static void
append_grouped (GString *out,
                double   value)
{
  const char *separator = localeconv ()->thousands_sep;
  char digits[32];
  int n = g_snprintf (digits, sizeof digits, "%.0f", fabs (value));

  if (separator == NULL || *separator == '\0')
    separator = ",";
  if (value < 0)
    g_string_append_c (out, '-');
  for (int i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0 && n > 4)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

/* As the engine's px-facts-group.c rounds it, in the locale's words. */
static void
append_amount (GString *out,
               double   value,
               double   precision)
{
  static const double scales[] = { 1e12, 1e9, 1e6 };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    if (fabs (value) >= scales[i] && (precision >= scales[i] / 1000 || fmod (value, scales[i] / 1000) == 0))
      {
        /* the locale's decimal mark: printf reads LC_NUMERIC */
        g_autofree char *number = g_strdup_printf ("%.4g", value / scales[i]);

        if (i == 0)
          /* Translators: an amount, "1.5 trillion"; %s is the number */
          g_string_append_printf (out, C_("amount", "%s trillion"), number);
        else if (i == 1)
          /* Translators: an amount, "500 billion"; %s is the number */
          g_string_append_printf (out, C_("amount", "%s billion"), number);
        else
          /* Translators: an amount, "12 million"; %s is the number */
          g_string_append_printf (out, C_("amount", "%s million"), number);
        return;
      }

  if (value == floor (value) && fabs (value) < 1e15)
    append_grouped (out, value);
  else
    g_string_append_printf (out, "%.6g", value);
}

char *
px_format_fact_value (const PxFact *fact)
{
  /* Translators: percentage points, after a number: "2 pp" */
  PxValueStyle style = { append_amount, px_format_date, C_("percentage points", " pp") };

  g_return_val_if_fail (fact != NULL, NULL);
  return px_fact_format_value_styled (fact, &style);
}

char *
px_format_group_label (PxComparison      *comparison,
                       const PxFactGroup *group,
                       const char        *kind_label)
{
  GPtrArray *facts;
  const PxFact *first;
  g_autofree char *engine_value = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (group != NULL, NULL);

  facts = px_comparison_get_facts (comparison);
  if (group->facts->len == 0 || g_array_index (group->facts, guint, 0) >= facts->len || group->label == NULL)
    return g_strdup (group->label);
  first = g_ptr_array_index (facts, g_array_index (group->facts, guint, 0));
  if (first->kind == PX_FACT_QUOTE)
    return g_strdup (group->label);

  /* the engine's label is its English value: the value in the locale */
  engine_value = px_fact_format_value (first);
  if (g_strcmp0 (group->label, engine_value) == 0)
    return px_format_fact_value (first);
  if (group->subject != NULL && group->measure != NULL)
    /* Translators: what a group of facts measures, and of whom: "Tokayev’s votes" */
    label = g_strdup_printf (C_("fact group", "%1$s’s %2$s"), group->subject, group->measure);
  else if (group->measure != NULL)
    label = g_strdup (group->measure);
  else if (group->subject != NULL)
    /* Translators: whom a group of facts is about, and their kind: "Tokayev: Number" */
    label = g_strdup_printf (C_("fact group", "%1$s: %2$s"), group->subject, kind_label);
  else
    return g_strdup (group->label);
  /* the year its clause sets it in, as the engine appends it */
  if (g_str_has_suffix (group->label, ")"))
    {
      const char *open = strrchr (group->label, '(');

      if (open != NULL && open > group->label)
        {
          char *with_scope = g_strdup_printf ("%s %s", label, open);

          g_free (label);
          label = with_scope;
        }
    }
  return g_steal_pointer (&label);
}
