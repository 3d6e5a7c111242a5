/* test-facts.c: fact extraction, one table row per form and per trap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "parallax-core.h"
#include "px-test-compare.h"

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
  /* spelled-out fractions of a scale and decimals (read as whole numbers before) */
  { "one million and a half", "number", "one million and a half", "{\"number\":1500000}" },
  { "two million and three fifths", "number", "two million and three fifths", "{\"number\":2600000}" },
  { "one billion and a half million", "number", "one billion and a half million", "{\"number\":1000500000}" },
  { "two hundred point seventy-one", "number", "two hundred point seventy-one", "{\"number\":200.71}" },
  { "nine point nought four", "number", "nine point nought four", "{\"number\":9.04}" },
  { "five dozs", "number", "five dozs", "{\"number\":60}" },
  { "five and a half million", "number", "five and a half million", "{\"number\":5500000}" },
  { "4 thousand 3 hundred and 21", "number", "4 thousand 3 hundred and 21", "{\"number\":4321}" },
  { "3 hundred and one", "number", "3 hundred and one", "{\"number\":301}" },
  /* thousands grouped by spaces; a decimal point said */
  { "some 25 000 people marched", "quantity", "25 000 people", "{\"amount\":25000}" },
  { "a crowd of 48 350.", "number", "48 350", "{\"number\":48350}" },
  { "a fleet of 400 737 Max jets", "number", "400", "{\"number\":400}" },
  { "some 40 000 Syrians fled", "number", "40 000", "{\"number\":40000}" },
  { "inflation of 3 point 25 in May", "number", "3 point 25", "{\"number\":3.25}" },
  { "in 2019 100 people died", "quantity", "100 people", "{\"amount\":100}" },
  /* a spaced hyphen, the hundreds said as a digit, a scale of a scale */
  { "sixty - four seats", "quantity", "sixty - four seats", "{\"amount\":64}" },
  { "a code of three fifty one", "number", "three fifty one", "{\"number\":351}" },
  { "the train left at five forty-five", "number", "five", "{\"number\":5}" },
  { "five hundred and three dozen eggs", "quantity", "five hundred and three dozen eggs", "{\"amount\":536}" },
  { "two thousand million pounds", "money", "two thousand million pounds", "{\"amount\":2000000000}" },
  /* fractions: a number and an ordinal denominator */
  { "about five-eighths of the budget", "number", "five-eighths", "{\"number\":0.625}" },
  { "seven - tenths of it", "number", "seven - tenths", "{\"number\":0.7}" },
  { "three twenty-fifths of the seats", "number", "three twenty-fifths", "{\"number\":0.12}" },
  { "a fortieth of the vote", "number", "a fortieth", "{\"number\":0.025}" },
  { "seven thousandths", "number", "seven thousandths", "{\"number\":0.007}" },
  { "a millionth of a gram", "number", "a millionth", "{\"number\":0.000001}" },
  { "four hundred and three quarters", "number", "four hundred and three quarters", "{\"number\":400.75}" },
  { "four hundred and one third", "number", "four hundred and one third", "{\"number\":400.333333333333}" },
  { "one hundred and ten fifths", "number", "one hundred and ten fifths", "{\"number\":22}" },
  { "three and twenty-five hundredths", "number", "three and twenty-five hundredths", "{\"number\":3.25}" },
  { "sixty and a twentieth", "number", "sixty and a twentieth", "{\"number\":60.05}" },
  { "two fifths of a million", "number", "two fifths of a million", "{\"number\":400000}" },
  { "half a million refugees", "quantity", "half a million refugees", "{\"amount\":500000}" },
  { "a third of the voters", "number", "a third", "{\"number\":0.333333333333}" },
  { "a third less likely to vote", "number", "a third", "{\"number\":0.333333333333}" },
  /* an ordinal after "a" before a noun */
  { "she won a third term", "ordinal", "third", "{\"number\":3}" },
  { "a tenth straight win", "ordinal", "tenth", "{\"number\":10}" },
  { "a twenty-first-century war", "ordinal", "twenty-first", "{\"number\":21}" },
  { "the one hundred fifth session", "ordinal", "fifth", "{\"number\":5}" },
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
  /* a rate's change in hundredths of a point, and fractions of a point */
  { "raised rates by 50 basis points", "percent", "50 basis points", "{\"points\":0.5}" },
  { "a 75 basis point hike", "percent", "75 basis point", "{\"points\":0.75}" },
  { "cut by 25 bps", "percent", "25 bps", "{\"points\":0.25}" },
  { "lifted it by half a percentage point", "percent", "half a percentage point", "{\"points\":0.5}" },
  { "a quarter of a percentage point", "percent", "a quarter of a percentage point", "{\"points\":0.25}" },
  { "a half-point rise", "percent", "a half-point", "{\"points\":0.5}" },
  { "half the town was flooded", NULL, "half", NULL },
  { "up to 40%", "percent", "40%", "{\"percent\":40,\"qualifier\":\"<=\"}" },
  /* a headline's verb of passing a mark qualifies the mark */
  { "Morocco earthquake death toll tops 2,000", "number", "2,000", "{\"number\":2000,\"qualifier\":\">\"}" },
  { "exports exceeded $4 billion", "money", "$4 billion", "{\"amount\":4000000000,\"qualifier\":\">\"}" },
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
  /* a person's name after an organization's */
  { "the leader of the Green Farmers Party Ilse Brandt won", "person", "Ilse Brandt", "{\"name\":\"Brandt\"}" },
  { "the leader of the Green Farmers Party Ilse Brandt won", "organization", "Green Farmers Party",
    "{\"name\":\"Green Farmers Party\"}" },
  /* what reports is an organization; a possessive inside a name; "and" in a name */
  { "Polls opened, according to the agency “Kazinform”, at 8:00.", "organization", "Kazinform", "{\"name\":\"Kazinform\"}" },
  { "Growth slowed in Central Asia, Nikkei Asia reported on Monday.", "organization", "Nikkei Asia", "{\"name\":\"Nikkei Asia\"}" },
  { "He represents the People’s Coalition in the race.", "organization", "People’s Coalition", "{\"name\":\"People’s Coalition\"}" },
  { "a filing with the Securities and Exchange Commission today", "organization", "Securities and Exchange Commission",
    "{\"name\":\"Securities and Exchange Commission\"}" },
  { "data from the Central Election Commission (CEC) show", "organization", "Central Election Commission (CEC)", "{\"name\":\"Central Election Commission\",\"alias\":\"CEC\"}" },
  { "the Collective Security Treaty Organisation met", "organization", "Collective Security Treaty Organisation", NULL },
  /* quotes */
  { "“We simply have to pursue a multi-vector foreign policy,” Tokayev said.", "quote",
    "“We simply have to pursue a multi-vector foreign policy,”", "{\"speaker\":\"Tokayev\"}" },
  { "President Kassym-Jomart Tokayev voted. According to him, “the country needs a strong parliament.”", "quote",
    "“the country needs a strong parliament.”", "{\"speaker\":\"Tokayev\"}" },
  { "“The plan will work,” Anna Lind, 54, told reporters on Monday.", "quote",
    "“The plan will work,”", "{\"speaker\":\"Lind\"}" },
  { "“The water came in the night and took everything,” said Karim Benali.", "quote",
    "“The water came in the night and took everything,”", "{\"speaker\":\"Benali\"}" },
  { "“Markets like certainty above all,” Maria Olsen, a professor of finance at Lund University, said.", "quote",
    "“Markets like certainty above all,”", "{\"speaker\":\"Olsen\"}" },
  /* traps: no number facts */
  { "the COVID-19 pandemic", NULL, "19", NULL },
  { "a Boeing 737 landed", NULL, "737", NULL },
  /* a headline capitalizes its verbs: a number before a unit is a quantity */
  { "Morocco Declares 3 Days of National Mourning", "quantity", "3 Days", "{\"amount\":3}" },
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
  /* two values of one measure in one source are two facts (23.37% at
   * 10am and 69.44% at the close), never one group */
  g_assert_cmpuint (groups->len, ==, 3);
  for (guint i = 0; i < groups->len; i++)
    g_assert_cmpint (((PxFactGroup *)g_ptr_array_index (groups, i))->status, ==, PX_FACT_GROUP_SINGLE);
}

/* The facts of @texts, each text a source of its own (fact->doc). */
static GPtrArray *
facts_of_sources (const char * const *texts,
                  guint               n)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify)px_fact_unref);

  for (guint d = 0; d < n; d++)
    {
      g_autoptr(GPtrArray) facts = px_facts_extract_text (texts[d], strlen (texts[d]), "2022-11-20", NULL);

      for (guint i = 0; i < facts->len; i++)
        {
          PxFact *fact = g_ptr_array_index (facts, i);

          fact->doc = d;
          g_ptr_array_add (all, px_fact_ref (fact));
        }
    }
  return all;
}

/* The one group of @kind among @groups. */
static const PxFactGroup *
only_group_of_kind (GPtrArray  *groups,
                    PxFactKind  kind)
{
  const PxFactGroup *found = NULL;

  for (guint g = 0; g < groups->len; g++)
    {
      const PxFactGroup *group = g_ptr_array_index (groups, g);

      if (group->kind == kind)
        {
          g_assert_null (found);
          found = group;
        }
    }
  if (found == NULL)
    g_error ("no group of %s", px_fact_kind_to_string (kind));
  return found;
}

/* One person under two transliterations ("Kowalczyk", "Kowalchyk") is no
 * conflict of subjects: two shares of the vote, one fact that differs. */
static void
test_group_transliteration (void)
{
  static const char * const texts[] = {
    "Candidate Anna Kowalczyk received 3.1 percent of the vote.",
    "Candidate Anna Kowalchyk received 3.4 percent of the vote.",
  };
  g_autoptr(GPtrArray) all = facts_of_sources (texts, G_N_ELEMENTS (texts));
  g_autoptr(GPtrArray) groups = px_fact_groups_build (NULL, all, NULL);
  const PxFactGroup *share = only_group_of_kind (groups, PX_FACT_PERCENT);

  g_assert_cmpuint (share->facts->len, ==, 2);
  g_assert_cmpint (share->status, ==, PX_FACT_GROUP_DIFFERS);
}

/* Facts in page clutter say nothing about the story: a document's facts
 * leave them out (in place), and keep the others whole. */
static void
test_clutter_facts_left_out (void)
{
  static const char text[] = "Share this article on Facebook, Twitter and WhatsApp. 12 comments\n\n"
                             "The council said 45 per cent of 8,300 voters backed the bridge on Sunday.\n\n"
                             "Read more: 3 things to know about the vote\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_import_text (text, strlen (text), "page.txt", &error);
  g_autoptr(GPtrArray) all = px_facts_extract_text (text, strlen (text), NULL, NULL);
  g_autoptr(GPtrArray) facts = NULL;
  const char *body = strstr (text, "The council");

  g_assert_no_error (error);
  facts = px_facts_extract (document, NULL);
  g_assert_cmpuint (facts->len, >=, 2);
  g_assert_cmpuint (all->len, >, facts->len);
  for (guint i = 0; i < facts->len; i++)
    {
      const PxFact *fact = g_ptr_array_index (facts, i);

      g_assert_cmpuint (fact->start, >=, body - text);
      g_assert_cmpuint (fact->end, <=, strchr (body, '\n') - text);
    }
  g_assert_cmpstr (((PxFact *)g_ptr_array_index (facts, 0))->text, ==, "45 per cent");
}

/* A text of over a megabyte is read in pieces cut between paragraphs:
 * the same facts in every copy of a paragraph, at the copy's offsets, and
 * an acronym defined in the first piece still names the body in the last. */
static void
test_long_text_in_pieces (void)
{
  static const char opening[] = "The Central Election Commission (CEC) met on Monday.\n\n";
  static const char paragraph[] = "On 20 November 2022, 45 per cent of 8,300 voters paid $1.2 million at 8 p.m.\n\n";
  static const char closing[] = "The CEC said turnout was high.\n";
  g_autoptr(GString) text = g_string_new (opening);
  g_autoptr(GPtrArray) one = px_facts_extract_text (paragraph, strlen (paragraph), NULL, NULL);
  g_autoptr(GPtrArray) facts = NULL;
  const guint copies = 1200 * 1024 / strlen (paragraph);
  guint first = 0, found = 0;
  const PxFact *last;

  g_assert_cmpuint (one->len, >=, 4);
  for (guint c = 0; c < copies; c++)
    g_string_append (text, paragraph);
  g_string_append (text, closing);
  facts = px_facts_extract_text (text->str, text->len, NULL, NULL);

  while (first < facts->len && ((PxFact *)g_ptr_array_index (facts, first))->start < strlen (opening))
    first++;
  g_assert_cmpuint (facts->len, >=, first + copies * one->len + 1);
  for (guint c = 0; c < copies; c++)
    for (guint k = 0; k < one->len; k++)
      {
        const PxFact *want = g_ptr_array_index (one, k);
        const PxFact *fact = g_ptr_array_index (facts, first + c * one->len + k);
        gsize at = strlen (opening) + c * strlen (paragraph);

        if (fact->kind != want->kind || fact->start != at + want->start || fact->end != at + want->end ||
            g_strcmp0 (fact->text, want->text) != 0)
          g_error ("copy %u, fact %u: %s at %u, not %s at %" G_GSIZE_FORMAT, c, k,
                   fact->text, fact->start, want->text, at + want->start);
        found++;
      }
  g_assert_cmpuint (found, ==, copies * one->len);
  last = g_ptr_array_index (facts, facts->len - 1);
  g_assert_cmpint (last->kind, ==, PX_FACT_ORGANIZATION);
  g_assert_cmpuint (last->start, >, text->len - strlen (closing));
  g_assert_cmpstr (last->name, ==, "Central Election Commission");
}

/* A name said many times, in full, by its alias and in capitals, in
 * three sources: one group, and it agrees. */
static void
test_group_repeated_name (void)
{
  static const char * const texts[] = {
    "The Central Election Commission (CEC) met on Monday. The CEC said turnout was high. "
    "The CEC will publish the count. The CEC thanked voters.",
    "Officials of the Central Election Commission spoke. The Central Election Commission said "
    "the count was done.",
    "The CENTRAL ELECTION COMMISSION said so. The Central Election Commission agreed.",
  };
  g_autoptr(GPtrArray) all = facts_of_sources (texts, G_N_ELEMENTS (texts));
  g_autoptr(GPtrArray) groups = px_fact_groups_build (NULL, all, NULL);
  const PxFactGroup *commission = only_group_of_kind (groups, PX_FACT_ORGANIZATION);
  guint n_mentions = 0;

  for (guint i = 0; i < all->len; i++)
    n_mentions += ((PxFact *)g_ptr_array_index (all, i))->kind == PX_FACT_ORGANIZATION;
  g_assert_cmpuint (n_mentions, >=, 7);
  g_assert_cmpuint (commission->facts->len, ==, n_mentions);
  g_assert_cmpint (commission->status, ==, PX_FACT_GROUP_AGREE);
}

/* Facts that merely look alike in two sources are no group: spans of time,
 * a bare month, two lower bounds of one measure tenfold apart. */
static void
test_groups_not_by_chance (void)
{
  const char *a = "The term was extended to seven years. Talks began in September. "
                  "The price of the shares rose by more than 3 per cent in early trading.";
  const char *b = "He won a three-year contract. The bridge opened in September. "
                  "It is more than 40 per cent higher than the price of the shares last week.";
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

/* What a number is about, as the extractor reads it from its sentence. */
typedef struct
{
  const char *text;
  const char *fact;       /* the fact's text */
  const char *measure;    /* its measure's words, or NULL */
  const char *subject;
  const char *scope;
  const char *when;
} ContextCase;

static const ContextCase context_cases[] = {
  { "The voter turnout was 23.37% at 10am local time.", "23.37%", "turnout", NULL, NULL, "at 10:00" },
  { "Final turnout stood at 69%, the commission said.", "69%", "turnout", NULL, NULL, "final" },
  { "Turnout was just over 69 percent.", "69 percent", "turnout", NULL, NULL, NULL },
  { "President Tokayev came to power in 2019 after winning 70 percent of the vote.", "70 percent", "vote", "Tokayev", "2019", NULL },
  { "Zhiguli Dairabayev (3.42 percent) came second.", "3.42 percent", NULL, "Dairabayev", NULL, NULL },
  /* the source of a number is not what it is about */
  { "The ministry said, according to the CEC, 61.2% of voters took part.", "61.2%", "voters", NULL, NULL, NULL },
  { "A 6.8-magnitude earthquake hit the region.", "6.8", "magnitude", NULL, NULL, NULL },
  { "It trails Microsoft’s $75 billion bid for Activision.", "$75 billion", "deal", "Microsoft", NULL, NULL },
  /* a price per unit, however worded */
  { "The chip maker will pay $138.23 per share.", "$138.23", "per share", NULL, NULL, NULL },
  { "Holders get $142.50 in cash for each Acme stock they own.", "$142.50", "per stock", NULL, NULL, NULL },
  { "69.44 per cent, or 8,300,046 citizens out of 11,953,465 eligible voters, participated.", "69.44 per cent",
    "turnout", NULL, NULL, NULL },
  /* after an article the number qualifies the noun that follows */
  { "The founder still owns a 40% stake in the brewery.", "40%", "stake", NULL, NULL, NULL },
  { "This represents a 49 percent premium to the closing price.", "49 percent", "premium", NULL, NULL, NULL },
  /* owning a share is holding a stake */
  { "The founder currently owns 40.2 percent of Brauhaus shares.", "40.2 percent", "stake", NULL, NULL, NULL },
};

static void
test_fact_context (gconstpointer data)
{
  const ContextCase *c = data;
  g_autoptr(GPtrArray) facts = px_facts_extract_text (c->text, strlen (c->text), "2022-11-20", NULL);
  const PxFact *fact = NULL;

  for (guint i = 0; i < facts->len && fact == NULL; i++)
    if (g_strcmp0 (((PxFact *)g_ptr_array_index (facts, i))->text, c->fact) == 0)
      fact = g_ptr_array_index (facts, i);
  g_assert_nonnull (fact);
  g_assert_cmpstr (fact->measure_words, ==, c->measure);
  g_assert_cmpstr (fact->subject, ==, c->subject);
  g_assert_cmpstr (fact->scope, ==, c->scope);
  g_assert_cmpstr (fact->when, ==, c->when);
}

/* A counted noun after the words that qualify it: the events are what
 * 26 counts. */
static void
test_counted_noun (void)
{
  const char *text = "She took part in 26 international online and offline events last year.";
  g_autoptr(GPtrArray) facts = px_facts_extract_text (text, strlen (text), "2022-11-20", NULL);
  const PxFact *fact = NULL;

  for (guint i = 0; i < facts->len && fact == NULL; i++)
    if (((PxFact *)g_ptr_array_index (facts, i))->kind == PX_FACT_QUANTITY)
      fact = g_ptr_array_index (facts, i);
  if (fact == NULL)
    g_error ("no quantity in “%s”", text);
  g_assert_cmpstr (fact->text, ==, "26 international online and offline events");
  g_assert_cmpfloat (fact->value, ==, 26);
  g_assert_cmpstr (fact->measure, ==, "event");
}

/* Names only with evidence. */
typedef struct
{
  const char *text;
  const char *word;       /* a word that must not be a name fact */
} NotNameCase;

static const NotNameCase not_name_cases[] = {
  { "Brussels 20.11.2022 Given its location, the country must act.", "Given" },
  { "“We act,” he said. He added that talks would go on.", "He" },
  { "The U.S. Geological Survey measured it.", "U" },
  { "He praised Kazakh-French relations in Paris.", "French" },
  { "Tokayev Wins Presidential Election With 81.31%. The election was calm.", "Election" },
  { "The Foreign Policy Concept was approved. The concept is new.", "Concept" },
  { "It ended former Soviet rule over the former Soviet republics in the East.", "East" },
  /* a day after a connector ends the name before it */
  { "Survivors slept in the open on the High Atlas Mountains on Saturday night.", "Saturday" },
  /* "states" after an article is a noun, not a verb of speech */
  { "The war erodes the clout of Moscow over former Soviet states.", "Soviet" },
};

static void
test_not_a_name (gconstpointer data)
{
  const NotNameCase *c = data;
  g_autoptr(GPtrArray) facts = px_facts_extract_text (c->text, strlen (c->text), NULL, NULL);

  for (guint i = 0; i < facts->len; i++)
    {
      const PxFact *fact = g_ptr_array_index (facts, i);

      if (fact->kind == PX_FACT_PERSON || fact->kind == PX_FACT_ORGANIZATION || fact->kind == PX_FACT_PLACE)
        {
          /* nor a word of a longer name */
          g_auto(GStrv) words = g_strsplit_set (fact->text, " -", -1);

          for (guint w = 0; words[w] != NULL; w++)
            g_assert_cmpstr (words[w], !=, c->word);
          g_assert_cmpstr (fact->name, !=, c->word);
        }
    }
}

/* ---- groups of real-looking articles (tests/fixtures/facts) ---- */

static PxComparison *
compare_files (const char * const *paths)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  PxComparison *comparison;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      PxDocument *document = px_import_file (file, NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (documents, document);
    }
  comparison = px_comparison_new (documents, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return comparison;
}

/* The group holding the fact of document @doc whose text starts with
 * @text (the first such fact), or NULL. */
static const PxFactGroup *
group_with (PxComparison *comparison,
            guint         doc,
            const char   *text)
{
  GPtrArray *facts = px_comparison_get_facts (comparison);
  GPtrArray *groups = px_comparison_get_fact_groups (comparison);

  for (guint g = 0; g < groups->len; g++)
    {
      const PxFactGroup *group = g_ptr_array_index (groups, g);

      for (guint m = 0; m < group->facts->len; m++)
        {
          const PxFact *fact = g_ptr_array_index (facts, g_array_index (group->facts, guint, m));

          if (fact->doc == doc && g_str_has_prefix (fact->text, text))
            return group;
        }
    }
  g_test_message ("no fact “%s” in d%u", text, doc + 1);
  return NULL;
}

/* A day after the verb of speech is no speaker: "said Monday". */
static void
test_quote_speaker_not_a_day (void)
{
  static const char text[] = "“The water came in the night and took everything,” said Monday a resident of the valley.";
  g_autoptr(GPtrArray) facts = px_facts_extract_text (text, strlen (text), NULL, NULL);
  guint quotes = 0;

  for (guint i = 0; i < facts->len; i++)
    {
      const PxFact *fact = g_ptr_array_index (facts, i);

      if (fact->kind != PX_FACT_QUOTE)
        continue;
      g_assert_null (fact->speaker);
      quotes++;
    }
  g_assert_cmpuint (quotes, ==, 1);
}

/* One statement of one speaker in two translations is one quote, and
 * agrees; the same words said by two speakers are two. */
static void
test_group_quote_speaker (void)
{
  static const char * const texts[] = {
    "Mayor Anna Lind opened the new bridge on Monday.\n\n"
    "“I believe that, given our position on the river, we have to keep building bridges for the people of "
    "this city,” Lind said.\n\n"
    "“The bridge cost too much money,” Anna Lind said later.\n",
    "Mayor Anna Lind inaugurated the bridge on Monday.\n\n"
    "“I think that, taking into account our position on the river, we must continue to build bridges for "
    "the people of the city,” Lind said.\n\n"
    "“The bridge cost too much money,” Paul Berg said later.\n",
  };
  g_autoptr(PxComparison) comparison = px_test_compare_texts (texts, G_N_ELEMENTS (texts));
  const PxFactGroup *translated, *cost;

  translated = group_with (comparison, 0, "“I believe");
  g_assert_nonnull (translated);
  g_assert_true (group_with (comparison, 1, "“I think") == translated);
  g_assert_cmpint (translated->status, ==, PX_FACT_GROUP_AGREE);
  g_assert_cmpstr (translated->label, ==, "Lind");
  cost = group_with (comparison, 0, "“The bridge");
  g_assert_nonnull (cost);
  g_assert_true (group_with (comparison, 1, "“The bridge") != cost);
}

typedef struct
{
  guint       doc;
  const char *text;
} FactRef;

typedef struct
{
  const char        *name;
  const char        *files[6];
  FactRef            members[6];  /* one group holds exactly these */
  PxFactGroupStatus  status;
} FixtureGroupCase;

static const FixtureGroupCase fixture_group_cases[] = {
  /* a winner's share, an exit poll, an "against all" share and the
   * previous election's share are four facts, not one "vote" */
  { "vote/winner", { "vote-a.txt", "vote-b.txt" }, { { 0, "61.4%" }, { 1, "61.38 percent" } }, PX_FACT_GROUP_AGREE },
  { "vote/exit-poll", { "vote-a.txt", "vote-b.txt" }, { { 0, "63.2%" }, { 1, "63.2 percent" } }, PX_FACT_GROUP_AGREE },
  { "vote/against-all", { "vote-a.txt", "vote-b.txt" }, { { 0, "7.3%" }, { 1, "7.3 percent" } }, PX_FACT_GROUP_AGREE },
  { "vote/previous", { "vote-a.txt", "vote-b.txt" }, { { 0, "54.9%" }, { 1, "54.9 percent" } }, PX_FACT_GROUP_AGREE },
  /* one count repeated, rounded and qualified by five sources */
  { "five-sources", { "storm-1.txt", "storm-2.txt", "storm-3.txt", "storm-4.txt", "storm-5.txt" },
    { { 0, "1,326 homes" }, { 1, "1326 houses" }, { 2, "1,300 homes" }, { 3, "1,330 homes" }, { 4, "1,326 homes" } },
    PX_FACT_GROUP_AGREE },
  /* the turnout at 10am and the final turnout: one fact, two values */
  { "turnout-by-time", { "turnout-a.txt", "turnout-b.txt" }, { { 0, "23%" }, { 1, "69%" } }, PX_FACT_GROUP_DIFFERS },
};

static void
test_fixture_group (gconstpointer data)
{
  const FixtureGroupCase *c = data;
  char *paths[7] = { NULL };
  g_autoptr(PxComparison) comparison = NULL;
  const PxFactGroup *group;
  guint n = 0;

  for (guint i = 0; c->files[i] != NULL; i++)
    paths[i] = g_test_build_filename (G_TEST_DIST, "fixtures", "facts", c->files[i], NULL);
  comparison = compare_files ((const char * const *)paths);

  group = group_with (comparison, c->members[0].doc, c->members[0].text);
  g_assert_nonnull (group);
  for (n = 0; n < G_N_ELEMENTS (c->members) && c->members[n].text != NULL; n++)
    g_assert_true (group_with (comparison, c->members[n].doc, c->members[n].text) == group);
  g_assert_cmpuint (group->facts->len, ==, n);
  g_assert_cmpint (group->status, ==, c->status);
  /* a label in words: the measure as written in a source */
  g_assert_nonnull (group->label);
  g_assert_nonnull (group->measure);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    g_free (paths[i]);
}

/* The project's examples: "> 300 fishing jobs", "> 300 working places" and
 * "> 300 jobs" are one fact that agrees (marked differs before). */
static void
test_examples_jobs (void)
{
  const char *root = g_getenv ("PX_SOURCE_ROOT");
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PxComparison) comparison = NULL;
  g_autofree char *examples = NULL;
  GPtrArray *facts;
  const PxFactGroup *group = NULL;
  guint jobs = 0;
  const char *name;

  if (root == NULL)
    {
      g_test_skip ("PX_SOURCE_ROOT is not set");
      return;
    }
  examples = g_build_filename (root, "data", "examples", NULL);
  dir = g_dir_open (examples, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (paths, g_build_filename (examples, name, NULL));
  g_ptr_array_sort (paths, (GCompareFunc)g_strcmp0);
  g_ptr_array_add (paths, NULL);
  comparison = compare_files ((const char * const *)paths->pdata);
  facts = px_comparison_get_facts (comparison);

  for (guint i = 0; i < facts->len; i++)
    {
      const PxFact *fact = g_ptr_array_index (facts, i);

      if (strstr (fact->text, "300 ") != NULL && fact->kind == PX_FACT_QUANTITY)
        {
          const PxFactGroup *g = group_with (comparison, fact->doc, fact->text);

          g_assert_true (group == NULL || g == group);
          group = g;
          jobs++;
        }
    }
  g_assert_cmpuint (jobs, >=, 3);
  g_assert_nonnull (group);
  g_assert_cmpint (group->status, ==, PX_FACT_GROUP_AGREE);
}

/* The report's fact table gives a wording once per cell with how often the
 * source repeats it ("Marlowe ×4"), not four times. */
static void
test_report_no_repeats (void)
{
  char *paths[3] = { NULL };
  g_autoptr(PxComparison) comparison = NULL;
  g_autofree char *html = NULL;
  const char *table;
  guint n = 0;

  paths[0] = g_test_build_filename (G_TEST_DIST, "fixtures", "facts", "names-a.txt", NULL);
  paths[1] = g_test_build_filename (G_TEST_DIST, "fixtures", "facts", "names-b.txt", NULL);
  comparison = compare_files ((const char * const *)paths);
  html = px_export_html_string (comparison, NULL, NULL);
  table = strstr (html, "<caption>Facts stated by more than one source");
  g_assert_nonnull (table);
  for (const char *p = strstr (table, ">Marlowe</span>"); p != NULL && p < strstr (table, "</table>");
       p = strstr (p + 1, ">Marlowe</span>"))
    n++;
  /* one cell per source */
  g_assert_cmpuint (n, ==, 2);
  g_assert_nonnull (strstr (table, "\u00d74"));
  g_free (paths[0]);
  g_free (paths[1]);
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
  g_test_add_func ("/facts/groups/transliteration", test_group_transliteration);
  g_test_add_func ("/facts/groups/repeated-name", test_group_repeated_name);
  g_test_add_func ("/facts/groups/quote-speaker", test_group_quote_speaker);
  g_test_add_func ("/facts/quote-speaker-not-a-day", test_quote_speaker_not_a_day);
  g_test_add_func ("/facts/long-text-in-pieces", test_long_text_in_pieces);
  g_test_add_func ("/facts/clutter-facts-left-out", test_clutter_facts_left_out);
  g_test_add_func ("/facts/counted-noun", test_counted_noun);
  for (guint i = 0; i < G_N_ELEMENTS (fixture_group_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/facts/groups/fixture/%s", fixture_group_cases[i].name);

      g_test_add_data_func (path, &fixture_group_cases[i], test_fixture_group);
    }
  g_test_add_func ("/facts/groups/examples-jobs", test_examples_jobs);
  for (guint i = 0; i < G_N_ELEMENTS (context_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/facts/context/%02u", i);

      g_test_add_data_func (path, &context_cases[i], test_fact_context);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_name_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/facts/names/not-a-name/%02u", i);

      g_test_add_data_func (path, &not_name_cases[i], test_not_a_name);
    }
  g_test_add_func ("/facts/report/no-repeats", test_report_no_repeats);

  return g_test_run ();
}
