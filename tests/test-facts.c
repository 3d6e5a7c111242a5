/* test-facts.c: fact extraction, one table row per form and per trap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "parallax-core.h"

typedef struct
{
  const char *text;
  const char *kind;      /* expected kind, NULL: no fact at all over @span */
  const char *span;      /* the fact's text */
  const char *value;     /* JSON object whose members the value must have */
} FactCase;

static const FactCase cases[] = {
  /* numbers */
  { "Turnout: 8,300,046 citizens voted.", "quantity", "8,300,046 citizens", "{\"amount\":8300046,\"unit\":\"citizens\"}" },
  { "The index stood at 23.37 on Monday.", "number", "23.37", "{\"number\":23.37}" },
  { "Six candidates are running.", "quantity", "Six candidates", "{\"amount\":6}" },
  { "more than 10 thousand polling stations", "quantity", "10 thousand polling stations", "{\"amount\":10000,\"qualifier\":\">\",\"unit\":\"polling stations\"}" },
  { "There are about 12 million people on the voter lists.", "quantity", "12 million people", "{\"amount\":12000000,\"qualifier\":\"~\",\"precision\":1000000,\"measure\":\"voter\"}" },
  { "he served for nearly three decades", "quantity", "three decades", "{\"amount\":3,\"qualifier\":\"~\"}" },
  { "sales reached 4.5m units", "quantity", "4.5m units", "{\"amount\":4500000}" },
  { "a budget of twenty-one thousand", "number", "twenty-one thousand", "{\"number\":21000}" },
  { "one hundred and five", "number", "one hundred and five", "{\"number\":105}" },
  { "3/4 of the votes", "number", "3/4", "{\"number\":0.75}" },
  { "temperatures of -5 overnight", "number", "-5", "{\"number\":-5}" },
  { "population: 1\u202f234\u202f567.", "number", "1\u202f234\u202f567", "{\"number\":1234567}" },
  { "about 3 million and a half residents", "quantity", "3 million and a half residents", "{\"amount\":3500000}" },
  { "the balance was negative 1200 today", "number", "negative 1200", "{\"number\":-1200}" },
  /* ordinals */
  { "his second term", "ordinal", "second", "{\"number\":2}" },
  { "the 10th congress", "ordinal", "10th", "{\"number\":10}" },
  { "the seventh Congress", "ordinal", "seventh", "{\"number\":7}" },
  { "the twenty-first century", "ordinal", "twenty-first", "{\"number\":21}" },
  { "the 99999999999th try", "number", "99999999999", "{\"number\":99999999999}" },
  { "the -99999999999th try", "number", "-99999999999", "{\"number\":-99999999999}" },
  /* money */
  { "we have over $500 billion invested", "money", "$500 billion", "{\"amount\":500000000000,\"currency\":\"USD\",\"qualifier\":\">\"}" },
  { "a $68.7bn deal", "money", "$68.7bn", "{\"amount\":68700000000,\"currency\":\"USD\"}" },
  { "500 billion dollars", "money", "500 billion dollars", "{\"amount\":500000000000,\"currency\":\"USD\"}" },
  { "a fine of €20 million", "money", "€20 million", "{\"amount\":20000000,\"currency\":\"EUR\"}" },
  { "costs £5", "money", "£5", "{\"amount\":5,\"currency\":\"GBP\"}" },
  { "paid 300 ₸", "money", "300 ₸", "{\"amount\":300,\"currency\":\"KZT\"}" },
  { "budget of ₽1.5 trillion", "money", "₽1.5 trillion", "{\"amount\":1500000000000,\"currency\":\"RUB\"}" },
  { "USD 250 million", "money", "USD 250 million", "{\"amount\":250000000,\"currency\":\"USD\"}" },
  { "US$4.7 billion", "money", "US$4.7 billion", "{\"amount\":4700000000,\"currency\":\"USD\"}" },
  { "at least ¥100", "money", "¥100", "{\"amount\":100,\"currency\":\"JPY\",\"qualifier\":\">=\"}" },
  { "125 million australian dollars", "money", "125 million australian dollars", "{\"amount\":125000000,\"currency\":\"AUD\"}" },
  { "it cost 3 dollars 50 cents", "money", "3 dollars 50 cents", "{\"amount\":3.5}" },
  { "a fee of 42 QAR was paid", "money", "42 QAR", "{\"amount\":42,\"currency\":\"QAR\"}" },
  { "losses in excess of 30 MUSD", "money", "30 MUSD", "{\"amount\":30000000,\"currency\":\"USD\",\"qualifier\":\">\"}" },
  { "a loan of 12 million tenge", "money", "12 million tenge", "{\"amount\":12000000,\"currency\":\"KZT\"}" },
  { "fined 42 kuwaiti dinars", "money", "42 kuwaiti dinars", "{\"amount\":42}" },
  { "priced at Rs. 20 each", "money", "Rs. 20", "{\"amount\":20,\"currency\":\"INR\"}" },
  /* percentages */
  { "turnout was 23.37%", "percent", "23.37%", "{\"percent\":23.37,\"measure\":\"turnout\"}" },
  { "winning 81.31 per cent of the vote", "percent", "81.31 per cent", "{\"percent\":81.31,\"measure\":\"vote\"}" },
  { "The government values the project at €1.25 billion.", "money", "€1.25 billion", "{\"measure\":\"cost\"}" },
  { "69.44 percent", "percent", "69.44 percent", "{\"percent\":69.44}" },
  { "rose 2.5 percentage points", "percent", "2.5 percentage points", "{\"points\":2.5}" },
  { "up to 40%", "percent", "40%", "{\"percent\":40,\"qualifier\":\"<=\"}" },
  { "under 5%", "percent", "5%", "{\"qualifier\":\"<\"}" },
  /* dates */
  { "Brussels 20.11.2022 Given", "date", "20.11.2022", "{\"date\":\"2022-11-20\"}" },
  { "date 2022-11-20", "date", "2022-11-20", "{\"date\":\"2022-11-20\"}" },
  { "on November 20, 2022, voters", "date", "November 20, 2022", "{\"date\":\"2022-11-20\"}" },
  { "on Sunday, November 20 the", "date", "Sunday, November 20", "{\"date\":\"--11-20\"}" },
  { "collegium on Jan. 12, reported", "date", "Jan. 12", "{\"date\":\"--01-12\"}" },
  { "Earlier, on September 22, he", "date", "September 22", "{\"date\":\"--09-22\"}" },
  { "the 20th of November 2022", "date", "the 20th of November 2022", "{\"date\":\"2022-11-20\"}" },
  { "12 March 2023 was", "date", "12 March 2023", "{\"date\":\"2023-03-12\"}" },
  { "Earlier this year, in September, he", "date", "September", "{\"date\":\"--09\"}" },
  { "at the end of October, he", "date", "the end of October", "{\"date\":\"--10\"}" },
  { "by March 2021", "date", "March 2021", "{\"date\":\"2021-03\"}" },
  { "independence in 1991 and", "date", "1991", "{\"date\":\"1991\"}" },
  { "chairmanship in 2023-2024 and", "date", "2023-2024", "{\"date\":\"2023\",\"max\":2024}" },
  { "due 11/20/2022", "date", "11/20/2022", "{\"date\":\"2022-11-20\"}" },
  { "we meet on May twenty nine.", "date", "May twenty nine", "{\"date\":\"--05-29\"}" },
  { "on the fourth of July, 1995", "date", "the fourth of July, 1995", "{\"date\":\"1995-07-04\"}" },
  { "In May two people died.", "quantity", "two people", NULL },
  { "back on 22april", "date", "22april", "{\"date\":\"--04-22\"}" },
  { "see you march 3 2015", "date", "march 3 2015", "{\"date\":\"2015-03-03\"}" },
  { "on the fourth of may", "date", "the fourth of may", "{\"date\":\"--05-04\"}" },
  { "How about 2019/aug/01", "date", "2019/aug/01", "{\"date\":\"2019-08-01\"}" },
  { "born 31-Oct-74 in", "date", "31-Oct-74", "{\"date\":\"1974-10-31\"}" },
  { "soldiers march 3 miles a day", "quantity", "3 miles", NULL },
  { "due February the 15th.", "date", "February the 15th", "{\"date\":\"--02-15\"}" },
  { "filed 20161016 in", "date", "20161016", "{\"date\":\"2016-10-16\"}" },
  { "am 16. Nov. 2016 war", "date", "16. Nov. 2016", "{\"date\":\"2016-11-16\"}" },
  { "rose 5 percent of 10", "percent", "5 percent", NULL },
  /* times */
  { "turnout at 10am local time", "time", "10am", "{\"time\":\"10:00\"}" },
  { "started at 8:00 (5:00 Moscow time)", "time", "8:00", "{\"time\":\"08:00\"}" },
  { "started at 8:00 (5:00 Moscow time)", "time", "5:00", "{\"time\":\"05:00\"}" },
  { "at 10 a.m. local time", "time", "10 a.m.", "{\"time\":\"10:00\"}" },
  { "closes at 7:30 pm", "time", "7:30 pm", "{\"time\":\"19:30\"}" },
  { "by noon", "time", "noon", "{\"time\":\"12:00\"}" },
  { "half past seven in the evening", "time", "half past seven in the evening", "{\"time\":\"19:30\"}" },
  /* quantities */
  { "a border of 7,644 kilometers", "quantity", "7,644 kilometers", "{\"amount\":7644,\"unit\":\"km\"}" },
  { "some 300 miles away", "quantity", "300 miles", "{\"amount\":300,\"unit\":\"mi\",\"qualifier\":\"~\"}" },
  { "1.5 million barrels per day", "quantity", "1.5 million barrels per day", "{\"amount\":1500000,\"unit\":\"bbl/d\"}" },
  { "40 tonnes of grain", "quantity", "40 tonnes", "{\"amount\":40,\"unit\":\"t\"}" },
  { "an area of 190 square kilometres", "quantity", "190 square kilometres", "{\"unit\":\"km2\"}" },
  { "a depth of 3-5 kilometers", "quantity", "3-5 kilometers", "{\"amount\":3,\"max\":5,\"unit\":\"km\"}" },
  { "add 500g of flour", "quantity", "500g", "{\"amount\":500,\"unit\":\"g\"}" },
  /* names */
  { "said President Kassym-Jomart Tokayev today", "person", "Kassym-Jomart Tokayev", "{\"name\":\"Tokayev\"}" },
  { "data from the Central Election Commission (CEC) show", "organization", "Central Election Commission (CEC)", "{\"name\":\"Central Election Commission\",\"alias\":\"CEC\"}" },
  { "the Collective Security Treaty Organisation met", "organization", "Collective Security Treaty Organisation", NULL },
  /* quotes */
  { "“We simply have to pursue a multi-vector foreign policy,” Tokayev said.", "quote",
    "“We simply have to pursue a multi-vector foreign policy,”", "{\"speaker\":\"Tokayev\"}" },
  { "President Kassym-Jomart Tokayev voted. According to him, “the country needs a strong parliament.”", "quote",
    "“the country needs a strong parliament.”", "{\"speaker\":\"Tokayev\"}" },
  /* traps: no number facts */
  { "the COVID-19 pandemic", NULL, "19", NULL },
  { "a Boeing 737 landed", NULL, "737", NULL },
  { "call +7 727 123 4567 now", NULL, "727", NULL },
  { "call 555-123-4567 now", NULL, "123", NULL },
  { "upgrade to version 2.4.1 today", NULL, "2.4.1", NULL },
  { "options 1,2,3 apply", NULL, "1,2,3", NULL },
  { "see https://example.com/a/2022/11/20/page-5 here", NULL, "2022", NULL },
};

/* TRUE when every member of @expected is in @actual with an equal value. */
/* The fact's "value" object as the JSON export writes it, parsed back. */
static JsonNode *
fact_value (const PxFact *fact)
{
  PxJsonWriter writer;
  g_autofree char *json = NULL;
  JsonNode *node;

  px_json_writer_init (&writer, FALSE);
  px_fact_write_json_value (fact, &writer);
  json = px_json_writer_finish (&writer, NULL);
  node = json_from_string (json, NULL);
  g_assert_nonnull (node);
  return node;
}

static gboolean
json_contains (JsonObject *actual,
               JsonObject *expected)
{
  g_autoptr(GList) members = json_object_get_members (expected);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *a = json_object_get_member (actual, l->data);
      JsonNode *e = json_object_get_member (expected, l->data);

      if (a == NULL)
        return FALSE;
      if (json_node_get_value_type (e) == G_TYPE_STRING || json_node_get_value_type (a) == G_TYPE_STRING)
        {
          if (g_strcmp0 (json_node_get_string (a), json_node_get_string (e)) != 0)
            return FALSE;
        }
      else if (ABS (json_node_get_double (a) - json_node_get_double (e)) > 1e-9 * MAX (1, ABS (json_node_get_double (e))))
        return FALSE;
    }
  return TRUE;
}

static void
test_fact_case (gconstpointer data)
{
  const FactCase *c = data;
  g_autoptr(GPtrArray) facts = px_facts_extract_text (c->text, strlen (c->text), NULL, NULL);
  const char *where = strstr (c->text, c->span);
  guint start, end;

  g_assert_nonnull (where);
  start = where - c->text;
  end = start + strlen (c->span);

  if (c->kind == NULL)
    {
      for (guint i = 0; i < facts->len; i++)
        {
          const PxFact *fact = g_ptr_array_index (facts, i);

          if (fact->start < end && start < fact->end && fact->kind != PX_FACT_PERSON &&
              fact->kind != PX_FACT_ORGANIZATION && fact->kind != PX_FACT_PLACE)
            g_error ("“%s”: unexpected %s fact “%s”", c->text, px_fact_kind_to_string (fact->kind), fact->text);
        }
      return;
    }

  for (guint i = 0; i < facts->len; i++)
    {
      const PxFact *fact = g_ptr_array_index (facts, i);
      g_autoptr(JsonNode) value = NULL;
      g_autoptr(JsonNode) expected = NULL;
      g_autofree char *got = NULL;

      if (fact->start != start || fact->end != end || g_strcmp0 (px_fact_kind_to_string (fact->kind), c->kind) != 0)
        continue;
      if (c->value == NULL)
        return;
      value = fact_value (fact);
      expected = json_from_string (c->value, NULL);
      g_assert_nonnull (expected);
      got = json_to_string (value, FALSE);
      if (!json_contains (json_node_get_object (value), json_node_get_object (expected)))
        g_error ("“%s”: value %s lacks %s", c->text, got, c->value);
      return;
    }

  for (guint i = 0; i < facts->len; i++)
    {
      const PxFact *fact = g_ptr_array_index (facts, i);

      g_test_message ("found %s “%s” at %u", px_fact_kind_to_string (fact->kind), fact->text, fact->start);
    }
  g_error ("“%s”: no %s fact “%s”", c->text, c->kind, c->span);
}

static void
test_year_inferred (void)
{
  const char *text = "Voting began on November 20 and results came on Dec. 2.";
  g_autoptr(GPtrArray) facts = px_facts_extract_text (text, strlen (text), "2022-11-21", NULL);
  guint n = 0;

  for (guint i = 0; i < facts->len; i++)
    {
      const PxFact *fact = g_ptr_array_index (facts, i);

      if (fact->kind != PX_FACT_DATE)
        continue;
      g_assert_true (fact->year_inferred);
      g_assert_true (g_str_has_prefix (fact->date, "2022-1"));
      n++;
    }
  g_assert_cmpuint (n, ==, 2);
}

static void
test_bad_input (void)
{
  /* invalid UTF-8, NUL-free binary noise and an empty text never crash */
  const char junk[] = "\xff\xfe 12 \xc3 $ 5 \xe2\x82 % 1.1.1.1 --- ((((( “ ” \" 2022-13-45 31/31";
  g_autoptr(GPtrArray) none = px_facts_extract_text ("", 0, NULL, NULL);
  g_autoptr(GPtrArray) facts = px_facts_extract_text (junk, sizeof junk - 1, "garbage", NULL);

  g_assert_cmpuint (none->len, ==, 0);
  for (guint i = 0; i < facts->len; i++)
    {
      const PxFact *fact = g_ptr_array_index (facts, i);

      g_assert_cmpuint (fact->start, <, fact->end);
      g_assert_cmpuint (fact->end, <=, sizeof junk - 1);
    }
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) facts = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append (text, "Turnout was 23.37% on November 20. ");
  g_cancellable_cancel (cancellable);
  facts = px_facts_extract_text (text->str, text->len, NULL, cancellable);
  g_assert_cmpuint (facts->len, ==, 0);
}

static PxFact *
make_fact (PxFactKind  kind,
           guint       doc,
           double      value,
           PxQualifier qualifier,
           double      precision,
           const char *measure)
{
  PxFact *fact = px_fact_new (kind, 0, 1);

  fact->doc = doc;
  fact->text = g_strdup ("x");
  fact->value = value;
  fact->qualifier = qualifier;
  fact->precision = precision;
  fact->measure = g_strdup (measure);
  if (kind == PX_FACT_MONEY)
    fact->currency = g_strdup ("USD");
  return fact;
}

typedef struct
{
  double      a;
  PxQualifier qa;
  double      pa;
  double      b;
  PxQualifier qb;
  double      pb;
  const char *status;
} GroupCase;

static void
test_groups (void)
{
  static const GroupCase group_cases[] = {
    /* "over $500 billion" and "more than $500 billion" */
    { 5e11, PX_QUALIFIER_GT, 1e9, 5e11, PX_QUALIFIER_GT, 1e9, "agree" },
    /* "about 12 million" and 11,953,465 */
    { 12e6, PX_QUALIFIER_APPROX, 1e6, 11953465, PX_QUALIFIER_NONE, 0, "agree" },
    /* 23.37% and 69.44% of one measure never agree */
    { 23.37, PX_QUALIFIER_NONE, 0.01, 69.44, PX_QUALIFIER_NONE, 0.01, "differs" },
    /* "over 500" and 450 */
    { 500, PX_QUALIFIER_GT, 0, 450, PX_QUALIFIER_NONE, 0, "differs" },
    /* "up to 40" and 35 */
    { 40, PX_QUALIFIER_LE, 0, 35, PX_QUALIFIER_NONE, 0, "agree" },
    /* 12 million and 12,400,000: rounding allows it */
    { 12e6, PX_QUALIFIER_NONE, 1e6, 12.4e6, PX_QUALIFIER_NONE, 1e5, "agree" },
    { 12e6, PX_QUALIFIER_NONE, 1e6, 13.1e6, PX_QUALIFIER_NONE, 1e5, "differs" },
    /* "€1.2 billion" and "€1.25 billion" (failed before: the rounding of both overlapped) */
    { 1.2e9, PX_QUALIFIER_NONE, 1e8, 1.25e9, PX_QUALIFIER_NONE, 1e7, "differs" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (group_cases); i++)
    {
      const GroupCase *c = &group_cases[i];
      g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify)px_fact_unref);
      g_autoptr(GPtrArray) groups = NULL;
      PxFactGroup *group;

      g_ptr_array_add (facts, make_fact (PX_FACT_NUMBER, 0, c->a, c->qa, c->pa, "turnout"));
      g_ptr_array_add (facts, make_fact (PX_FACT_NUMBER, 1, c->b, c->qb, c->pb, "turnout"));
      groups = px_fact_groups_build (NULL, facts, NULL);
      g_assert_cmpuint (groups->len, ==, 1);
      group = g_ptr_array_index (groups, 0);
      g_assert_cmpuint (group->facts->len, ==, 2);
      g_assert_cmpstr (px_fact_group_status_to_string (group->status), ==, c->status);
    }
}

static void
test_group_single (void)
{
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify)px_fact_unref);
  g_autoptr(GPtrArray) groups = NULL;

  g_ptr_array_add (facts, make_fact (PX_FACT_PERCENT, 0, 23.37, PX_QUALIFIER_NONE, 0.01, "turnout"));
  g_ptr_array_add (facts, make_fact (PX_FACT_PERCENT, 0, 69.44, PX_QUALIFIER_NONE, 0.01, "turnout"));
  g_ptr_array_add (facts, make_fact (PX_FACT_MONEY, 1, 5e9, PX_QUALIFIER_NONE, 1e9, "invest"));
  groups = px_fact_groups_build (NULL, facts, NULL);
  g_assert_cmpuint (groups->len, ==, 2);
  for (guint i = 0; i < groups->len; i++)
    g_assert_cmpint (((PxFactGroup *)g_ptr_array_index (groups, i))->status, ==, PX_FACT_GROUP_SINGLE);
}

/* Facts that merely look alike in two sources are no group: spans of time,
 * a bare month. */
static void
test_groups_not_by_chance (void)
{
  const char *a = "The term was extended to seven years. Talks began in September.";
  const char *b = "He won a three-year contract. The bridge opened in September.";
  g_autoptr(GPtrArray) fa = px_facts_extract_text (a, strlen (a), "2022-11-20", NULL);
  g_autoptr(GPtrArray) fb = px_facts_extract_text (b, strlen (b), "2022-11-20", NULL);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify)px_fact_unref);
  g_autoptr(GPtrArray) groups = NULL;

  for (guint i = 0; i < fa->len; i++)
    g_ptr_array_add (all, px_fact_ref (g_ptr_array_index (fa, i)));
  for (guint i = 0; i < fb->len; i++)
    {
      PxFact *fact = g_ptr_array_index (fb, i);

      fact->doc = 1;
      g_ptr_array_add (all, px_fact_ref (fact));
    }
  groups = px_fact_groups_build (NULL, all, NULL);
  for (guint g = 0; g < groups->len; g++)
    g_assert_cmpint (((PxFactGroup *)g_ptr_array_index (groups, g))->status, ==, PX_FACT_GROUP_SINGLE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/facts/case/%02u", i);

      g_test_add_data_func (path, &cases[i], test_fact_case);
    }
  g_test_add_func ("/facts/year-inferred", test_year_inferred);
  g_test_add_func ("/facts/bad-input", test_bad_input);
  g_test_add_func ("/facts/cancelled", test_cancelled);
  g_test_add_func ("/facts/groups/consistency", test_groups);
  g_test_add_func ("/facts/groups/single", test_group_single);
  g_test_add_func ("/facts/groups/not-by-chance", test_groups_not_by_chance);

  return g_test_run ();
}
