/* px-facts.c: the fact type, its names and its JSON value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-facts"

#include "config.h"

#include <math.h>
#include <string.h>

#include "px-facts.h"
#include "px-facts-private.h"

static const char *kind_names[PX_N_FACT_KINDS] = {
  "number", "money", "percent", "date", "time", "quantity", "ordinal",
  "person", "organization", "place", "quote",
};

G_DEFINE_BOXED_TYPE (PxFact, px_fact, px_fact_ref, px_fact_unref)

/* (one for every fact of a text: see bench-memory.py) */
G_STATIC_ASSERT (sizeof (PxFact) <= 152);

PxFact *
px_fact_new (PxFactKind kind,
             guint      start,
             guint      end)
{
  PxFact *fact;

  g_return_val_if_fail ((guint)kind < PX_N_FACT_KINDS, NULL);
  g_return_val_if_fail (start <= end, NULL);

  fact = g_new0 (PxFact, 1);
  g_atomic_ref_count_init (&fact->ref_count);
  fact->kind = kind;
  fact->start = start;
  fact->end = end;
  fact->value = NAN;
  fact->value_max = NAN;
  return fact;
}

/* A fact whose text, the @end - @start bytes of @text at @start, lives
 * in the same block: one allocation instead of two. */
PxFact *
px_fact_new_with_text (PxFactKind  kind,
                       guint       start,
                       guint       end,
                       const char *text)
{
  PxFact *fact;
  char *tail;

  g_return_val_if_fail ((guint)kind < PX_N_FACT_KINDS, NULL);
  g_return_val_if_fail (start <= end, NULL);

  fact = g_malloc (sizeof (PxFact) + (end - start) + 1);
  *fact = (PxFact) { .kind = kind, .start = start, .end = end, .value = NAN, .value_max = NAN };
  g_atomic_ref_count_init (&fact->ref_count);
  tail = (char *)(fact + 1);
  memcpy (tail, text + start, end - start);
  tail[end - start] = '\0';
  fact->text = tail;
  return fact;
}

PxFact *
px_fact_ref (PxFact *fact)
{
  g_return_val_if_fail (fact != NULL, NULL);
  g_atomic_ref_count_inc (&fact->ref_count);
  return fact;
}

void
px_fact_unref (PxFact *fact)
{
  g_return_if_fail (fact != NULL);

  if (!g_atomic_ref_count_dec (&fact->ref_count))
    return;

  /* (px_fact_new_with_text () keeps it in the fact's own block) */
  if (fact->text != (char *)(fact + 1))
    g_free (fact->text);
  g_free (fact->currency);
  g_free (fact->unit);
  g_free (fact->date);
  g_free (fact->time);
  if (fact->name != fact->text)
    g_free (fact->name);
  g_free (fact->alias);
  g_free (fact->speaker);
  g_free (fact->measure);
  g_free (fact->measure_words);
  g_free (fact->subject);
  g_free (fact->scope);
  g_free (fact->when);
  g_free (fact);
}

gboolean
px_fact_kind_is_detail (PxFactKind kind)
{
  return kind == PX_FACT_NUMBER || kind == PX_FACT_MONEY || kind == PX_FACT_PERCENT ||
         kind == PX_FACT_QUANTITY || kind == PX_FACT_DATE || kind == PX_FACT_TIME ||
         kind == PX_FACT_PLACE || kind == PX_FACT_ORGANIZATION;
}

const char *
px_fact_kind_to_string (PxFactKind kind)
{
  g_return_val_if_fail ((guint)kind < PX_N_FACT_KINDS, NULL);
  return kind_names[kind];
}

gboolean
px_fact_kind_from_string (const char *str,
                          PxFactKind *kind)
{
  for (guint i = 0; i < PX_N_FACT_KINDS; i++)
    {
      if (g_strcmp0 (str, kind_names[i]) == 0)
        {
          *kind = (PxFactKind)i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
px_qualifier_to_string (PxQualifier qualifier)
{
  switch (qualifier)
    {
    case PX_QUALIFIER_NONE: return NULL;
    case PX_QUALIFIER_GT: return ">";
    case PX_QUALIFIER_GE: return ">=";
    case PX_QUALIFIER_APPROX: return "~";
    case PX_QUALIFIER_LT: return "<";
    case PX_QUALIFIER_LE: return "<=";
    default: g_return_val_if_reached (NULL);
    }
}

const char *
px_fact_group_status_to_string (PxFactGroupStatus status)
{
  switch (status)
    {
    case PX_FACT_GROUP_AGREE: return "agree";
    case PX_FACT_GROUP_DIFFERS: return "differs";
    case PX_FACT_GROUP_SINGLE: return "single";
    default: g_return_val_if_reached (NULL);
    }
}

static void
add_number_member (PxJsonWriter *writer,
                   const char   *name,
                   double        value)
{
  px_json_writer_member (writer, name);
  if (value == floor (value) && fabs (value) < 9.0e15)
    px_json_writer_int (writer, (gint64)value);
  else
    px_json_writer_double (writer, value);
}

static void
add_string_member (PxJsonWriter *writer,
                   const char   *name,
                   const char   *value)
{
  if (value == NULL)
    return;
  px_json_writer_member (writer, name);
  px_json_writer_string (writer, value);
}

void
px_fact_write_json_value (const PxFact *fact,
                          PxJsonWriter *writer)
{
  const char *number_name = NULL;

  g_return_if_fail (fact != NULL);
  g_return_if_fail (writer != NULL);

  px_json_writer_begin_object (writer);

  switch (fact->kind)
    {
    case PX_FACT_NUMBER:
    case PX_FACT_ORDINAL:
      number_name = "number";
      break;
    case PX_FACT_MONEY:
    case PX_FACT_QUANTITY:
      number_name = "amount";
      break;
    case PX_FACT_PERCENT:
      number_name = fact->points ? "points" : "percent";
      break;
    case PX_FACT_DATE:
    case PX_FACT_TIME:
    case PX_FACT_PERSON:
    case PX_FACT_ORGANIZATION:
    case PX_FACT_PLACE:
    case PX_FACT_QUOTE:
    case PX_N_FACT_KINDS:
    default:
      break;
    }

  if (number_name != NULL && !isnan (fact->value))
    add_number_member (writer, number_name, fact->value);
  if (!isnan (fact->value_max))
    add_number_member (writer, "max", fact->value_max);
  add_string_member (writer, "currency", fact->currency);
  add_string_member (writer, "unit", fact->unit);
  add_string_member (writer, "date", fact->date);
  if (fact->date != NULL && fact->year_inferred)
    {
      px_json_writer_member (writer, "year_inferred");
      px_json_writer_boolean (writer, TRUE);
    }
  add_string_member (writer, "time", fact->time);
  add_string_member (writer, "name", fact->name);
  add_string_member (writer, "alias", fact->alias);
  add_string_member (writer, "speaker", fact->speaker);
  add_string_member (writer, "qualifier", px_qualifier_to_string (fact->qualifier));
  if (fact->precision > 0)
    add_number_member (writer, "precision", fact->precision);
  add_string_member (writer, "measure", fact->measure);
  add_string_member (writer, "subject", fact->subject);
  add_string_member (writer, "scope", fact->scope);
  add_string_member (writer, "when", fact->when);

  px_json_writer_end_object (writer);
}

void
px_fact_group_free (PxFactGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->label);
  g_free (group->subject);
  g_free (group->measure);
  g_clear_pointer (&group->facts, g_array_unref);
  g_free (group);
}
