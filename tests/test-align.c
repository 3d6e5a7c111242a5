/* test-align.c: links, relations, word diffs and claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "parallax-core.h"

static PxDocument *
doc (const char *text)
{
  g_autoptr(GError) error = NULL;
  PxDocument *document = px_import_text (text, strlen (text), "test", &error);

  g_assert_no_error (error);
  return document;
}

static PxComparison *
compare (const char *first,
         ...)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  PxComparison *comparison;
  va_list args;

  va_start (args, first);
  for (const char *text = first; text != NULL; text = va_arg (args, const char *))
    g_ptr_array_add (documents, doc (text));
  va_end (args);
  comparison = px_comparison_new (documents, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return comparison;
}

static guint
segment_starting (PxComparison *comparison,
                  guint         d,
                  const char   *start)
{
  PxDocument *document = px_comparison_get_document (comparison, d);
  const char *text = px_document_get_text (document, NULL);

  for (guint i = 0; i < px_document_get_n_segments (document); i++)
    if (strncmp (text + px_document_get_segment (document, i)->start, start, strlen (start)) == 0)
      return i;
  g_error ("no segment starts with “%s”", start);
}

/* The non-related link between two segments, or NULL. */
static const PxLink *
find_link (PxComparison *comparison,
           const char   *a,
           const char   *b)
{
  guint sa = segment_starting (comparison, 0, a);
  guint sb = segment_starting (comparison, 1, b);
  GPtrArray *links = px_comparison_get_links (comparison);

  for (guint i = 0; i < links->len; i++)
    {
      const PxLink *link = g_ptr_array_index (links, i);

      if (link->a.doc == 0 && link->a.segment == sa && link->b.doc == 1 && link->b.segment == sb &&
          link->relation != PX_RELATION_RELATED)
        return link;
    }
  return NULL;
}

/* The non-related link between segments @x and @y, either way, or NULL. */
static const PxLink *
link_between (PxComparison       *comparison,
              const PxSegmentRef *x,
              const PxSegmentRef *y)
{
  GPtrArray *links = px_comparison_get_links (comparison);

  for (guint i = 0; i < links->len; i++)
    {
      const PxLink *link = g_ptr_array_index (links, i);

      if (link->relation != PX_RELATION_RELATED &&
          ((link->a.doc == x->doc && link->a.segment == x->segment && link->b.doc == y->doc && link->b.segment == y->segment) ||
           (link->b.doc == x->doc && link->b.segment == x->segment && link->a.doc == y->doc && link->a.segment == y->segment)))
        return link;
    }
  return NULL;
}

static char *
slice (PxComparison *comparison,
       guint         d,
       guint         start,
       guint         end)
{
  return px_document_dup_slice (px_comparison_get_document (comparison, d), start, end);
}

static void
test_paraphrase_and_unrelated (void)
{
  g_autoptr(PxComparison) comparison = compare (
    "The mayor announced a new bridge across the river. "
    "Farmers complained about the dry summer and low prices for wheat.\n",
    "Local fishermen reported record catches of trout this spring. "
    "A new bridge over the river was announced by the mayor.\n",
    NULL);
  const PxLink *link = find_link (comparison, "The mayor announced", "A new bridge over");

  g_assert_nonnull (link);
  g_assert_cmpfloat (link->score, >=, 0.5);
  g_assert_cmpfloat (link->score, <=, 1.0);
  g_assert_null (find_link (comparison, "Farmers complained", "Local fishermen"));
}

static void
test_differing_detail (void)
{
  g_autoptr(PxComparison) comparison = compare (
    "Turnout in the referendum on the bridge reached 61.2 percent on Sunday.\n",
    "Turnout in the referendum on the bridge reached 58.9 percent on Sunday.\n",
    NULL);
  const PxLink *link = find_link (comparison, "Turnout", "Turnout");
  gboolean substituted = FALSE;

  g_assert_nonnull (link);
  g_assert_cmpint (link->relation, ==, PX_RELATION_DIFFERS);
  g_assert_nonnull (link->diff);
  for (guint i = 0; i < link->diff->len; i++)
    {
      const PxDiffChunk *chunk = &g_array_index (link->diff, PxDiffChunk, i);

      if (chunk->op == PX_DIFF_SUBSTITUTE)
        {
          g_autofree char *a = slice (comparison, 0, chunk->a_start, chunk->a_end);
          g_autofree char *b = slice (comparison, 1, chunk->b_start, chunk->b_end);

          g_assert_cmpstr (a, ==, "61.2");
          g_assert_cmpstr (b, ==, "58.9");
          substituted = TRUE;
        }
    }
  g_assert_true (substituted);
}

/* A detail differs only against a fact that could give it: a span of
 * time ("more than six decades") is no count of people. */
static void
test_detail_of_another_family (void)
{
  g_autoptr(PxComparison) comparison = compare (
    "Rescuers searched the valley a day after the worst flood in more than six decades killed more than 2,000 people and destroyed villages.\n",
    "More than 2000 people are dead after the flood in the valley.\n",
    NULL);
  const PxLink *link = find_link (comparison, "Rescuers", "More than");

  g_assert_nonnull (link);
  g_assert_cmpint (link->relation, !=, PX_RELATION_DIFFERS);
}

/* One name said in more words is one detail; two names that share their
 * first word are two ("Bank of England", "Bank of Canada"). */
static void
test_detail_names (void)
{
  g_autoptr(PxComparison) longer = compare (
    "The quake had a magnitude of 6.9, according to the Spanish National Institute of Geophysics.\n",
    "According to Spain's National Geophysical Institute, the quake had a magnitude of 6.9.\n",
    NULL);
  g_autoptr(PxComparison) other = compare (
    "The Bank of England raised its main interest rate by half a point on Thursday.\n",
    "The Bank of Canada raised its main interest rate by half a point on Thursday.\n",
    NULL);
  const PxLink *link = find_link (longer, "The quake", "According");

  g_assert_nonnull (link);
  g_assert_cmpint (link->relation, !=, PX_RELATION_DIFFERS);
  link = find_link (other, "The Bank", "The Bank");
  g_assert_nonnull (link);
  g_assert_cmpint (link->relation, ==, PX_RELATION_DIFFERS);
}

static void
test_diff_covers_both_texts (void)
{
  g_autoptr(PxComparison) comparison = compare (
    "Officials said the council approved the budget on Tuesday after a long debate.\n",
    "The council approved the budget after a short debate, officials stated.\n",
    NULL);
  const PxLink *link = find_link (comparison, "Officials said", "The council approved");
  guint last_a = 0, last_b = 0;
  gboolean inserted_or_deleted = FALSE;

  g_assert_nonnull (link);
  g_assert_nonnull (link->diff);
  for (guint i = 0; i < link->diff->len; i++)
    {
      const PxDiffChunk *chunk = &g_array_index (link->diff, PxDiffChunk, i);

      /* moved words are where they are on each side; the other chunks
       * come in text order on both sides and never overlap */
      if (chunk->op == PX_DIFF_MOVED)
        continue;
      g_assert_cmpuint (chunk->a_start, >=, last_a);
      g_assert_cmpuint (chunk->b_start, >=, last_b);
      g_assert_cmpuint (chunk->a_start, <=, chunk->a_end);
      g_assert_cmpuint (chunk->b_start, <=, chunk->b_end);
      last_a = chunk->a_end;
      last_b = chunk->b_end;
      if (chunk->op == PX_DIFF_INSERT)
        g_assert_cmpuint (chunk->a_start, ==, chunk->a_end);
      if (chunk->op == PX_DIFF_DELETE)
        g_assert_cmpuint (chunk->b_start, ==, chunk->b_end);
      inserted_or_deleted |= chunk->op != PX_DIFF_EQUAL;
      if (chunk->op == PX_DIFF_EQUAL)
        {
          g_autofree char *a = slice (comparison, 0, chunk->a_start, chunk->a_end);
          g_autofree char *b = slice (comparison, 1, chunk->b_start, chunk->b_end);
          g_autofree char *fa = g_utf8_casefold (a, -1);
          g_autofree char *fb = g_utf8_casefold (b, -1);

          /* equal words, whatever their case */
          g_assert_cmpstr (fa, ==, fb);
        }
    }
  g_assert_true (inserted_or_deleted);
}

/* What a reader must see in a rewording: a value written another way
 * ("50 basis points", "half a percentage point"; "4.5 percent", "4.5%")
 * and related words ("raised", "lifted") are equivalent, a phrase in
 * another place is moved, and nothing there is a change. */
static void
test_diff_wording (void)
{
  g_autoptr(PxComparison) comparison = compare (
    "The central bank raised its key rate by 50 basis points on Thursday, to 4.5 percent.\n",
    "On Thursday the central bank lifted its key rate by half a percentage point, to 4.5%.\n",
    NULL);
  const PxLink *link = find_link (comparison, "The central bank", "On Thursday");
  const char *expected[][3] = {
    { "equivalent", "raised", "lifted" },
    { "equivalent", "50 basis points", "half a percentage point" },
    { "moved", "on Thursday", "On Thursday" },
    { "equivalent", "4.5 percent", "4.5%" },
  };
  guint found = 0;

  g_assert_nonnull (link);
  g_assert_cmpint (link->relation, !=, PX_RELATION_DIFFERS);
  for (guint i = 0; i < link->diff->len; i++)
    {
      const PxDiffChunk *chunk = &g_array_index (link->diff, PxDiffChunk, i);
      g_autofree char *a = slice (comparison, 0, chunk->a_start, chunk->a_end);
      g_autofree char *b = slice (comparison, 1, chunk->b_start, chunk->b_end);

      g_assert_false (px_diff_op_is_change (chunk->op));
      for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
        if (g_str_equal (px_diff_op_to_string (chunk->op), expected[k][0]) &&
            g_str_equal (a, expected[k][1]) && g_str_equal (b, expected[k][2]))
          found |= 1u << k;
    }
  g_assert_cmpuint (found, ==, (1u << G_N_ELEMENTS (expected)) - 1);
}

/* Where values differ, the words both write around them stay equal:
 * "billion" of "$18.9 billion" / "about $19 billion"; two values that
 * agree ("81.31 percent", "81.3%") are equivalent wording. */
static void
test_diff_values (void)
{
  g_autoptr(PxComparison) comparison = compare (
    "Broadcom paid $18.9 billion for CA Technologies in 2018, the company said.\n",
    "Broadcom paid about $19 billion for CA Technologies in 2018, the company said.\n",
    NULL);
  g_autoptr(PxComparison) agree = compare (
    "Tokayev won 81.31 percent of the votes, the commission said on Monday.\n",
    "Tokayev won 81.3% of the votes, the commission said on Monday.\n",
    NULL);
  const PxLink *link = find_link (comparison, "Broadcom", "Broadcom");
  const PxLink *agreeing = find_link (agree, "Tokayev", "Tokayev");
  gboolean billion_equal = FALSE, equivalent = FALSE;

  g_assert_nonnull (link);
  for (guint i = 0; i < link->diff->len; i++)
    {
      const PxDiffChunk *chunk = &g_array_index (link->diff, PxDiffChunk, i);
      g_autofree char *a = slice (comparison, 0, chunk->a_start, chunk->a_end);
      g_autofree char *b = slice (comparison, 1, chunk->b_start, chunk->b_end);

      if (px_diff_op_is_change (chunk->op))
        g_assert_null (strstr (a, "billion"));
      billion_equal |= chunk->op == PX_DIFF_EQUAL && g_str_equal (a, "billion") && g_str_equal (b, "billion");
    }
  g_assert_true (billion_equal);

  g_assert_nonnull (agreeing);
  for (guint i = 0; i < agreeing->diff->len; i++)
    {
      const PxDiffChunk *chunk = &g_array_index (agreeing->diff, PxDiffChunk, i);
      g_autofree char *a = slice (agree, 0, chunk->a_start, chunk->a_end);

      g_assert_false (px_diff_op_is_change (chunk->op));
      equivalent |= chunk->op == PX_DIFF_EQUIVALENT && g_str_equal (a, "81.31 percent");
    }
  g_assert_true (equivalent);
}

static void
test_reordered (void)
{
  g_autoptr(PxComparison) comparison = compare (
    "Storms flooded the harbour district overnight. "
    "The central bank raised interest rates by half a point. "
    "The national football team lost its opening match.\n",
    "The national football team lost the opening match of the tournament. "
    "Overnight storms flooded the district around the harbour. "
    "Interest rates were raised by half a point by the central bank.\n",
    NULL);

  g_assert_nonnull (find_link (comparison, "Storms flooded", "Overnight storms"));
  g_assert_nonnull (find_link (comparison, "The central bank", "Interest rates"));
  g_assert_nonnull (find_link (comparison, "The national football", "The national football"));
}

static void
test_claims (void)
{
  g_autoptr(PxComparison) comparison = compare (
    "Voters approved the bridge plan with a clear majority. Only in the first text.\n",
    "The bridge plan was approved by voters with a clear majority. Something else entirely different here.\n",
    "A clear majority of voters approved the plan for the bridge. Another unrelated remark about weather.\n",
    NULL);
  int claim = px_comparison_get_claim_for_segment (comparison, 0, segment_starting (comparison, 0, "Voters"));
  const PxClaim *c;

  g_assert_cmpint (claim, >=, 0);
  c = g_ptr_array_index (px_comparison_get_claims (comparison), claim);
  g_assert_cmpuint (c->n_sources, ==, 3);
  g_assert_cmpint (c->status, ==, PX_CLAIM_SHARED);

  claim = px_comparison_get_claim_for_segment (comparison, 0, segment_starting (comparison, 0, "Only in"));
  c = g_ptr_array_index (px_comparison_get_claims (comparison), claim);
  g_assert_cmpint (c->status, ==, PX_CLAIM_UNIQUE);
}

static void
test_boilerplate_never_links (void)
{
  g_autoptr(PxComparison) comparison = compare (
    "The harbour will reopen next week, officials said.\n\nShare this article on Facebook\n\nLeave a Reply\n",
    "Officials said the harbour will reopen next week.\n\nShare this article on Facebook\n\nLeave a Reply\n",
    NULL);
  GPtrArray *links = px_comparison_get_links (comparison);

  g_assert_cmpuint (links->len, >=, 1);
  for (guint i = 0; i < links->len; i++)
    {
      const PxLink *link = g_ptr_array_index (links, i);

      g_assert_cmpint (px_document_get_segment (px_comparison_get_document (comparison, 0), link->a.segment)->kind,
                       !=, PX_SEGMENT_BOILERPLATE);
      g_assert_cmpint (px_document_get_segment (px_comparison_get_document (comparison, 1), link->b.segment)->kind,
                       !=, PX_SEGMENT_BOILERPLATE);
    }
}

static void
test_similarity (void)
{
  g_autoptr(PxDocument) a = doc ("we have over $500 billion invested in our economy");
  g_autoptr(PxDocument) b = doc ("more than $500 billion is involved in our economy");
  g_autoptr(PxDocument) c = doc ("Farmers complained about the dry summer.");
  double ab = px_align_document_similarity (a, b);
  double ba = px_align_document_similarity (b, a);

  g_assert_cmpfloat (ab, ==, ba);
  g_assert_cmpfloat (ab, >=, 0.5);
  g_assert_cmpfloat (px_align_document_similarity (a, a), >, 0.999);
  g_assert_cmpfloat (px_align_document_similarity (a, c), <, 0.2);
  g_assert_cmpfloat (px_align_similarity (a, 0, b, 0), ==, ab);
}

/* Words that are one word, values, related and opposed words. */
static void
test_similarity_words (void)
{
  static const struct
  {
    const char *a, *b;
    double      min, max;
  } cases[] = {
    /* a hyphenated name is its parts; abbreviation dots do not count */
    { "The Smith-Jones merger was approved by regulators.", "The Smith Jones merger was approved by regulators.", 0.95, 1.0 },
    { "U.S. officials visited the plant.", "US officials visited the plant.", 0.95, 1.0 },
    /* the same count of other things is the same number */
    { "Police found 40 bodies in the cave.", "Police found 40 people in the cave.", 0.8, 1.0 },
    { "Police found 40 bodies in the cave.", "Police found 12 bodies in the cave.", 0.0, 0.65 },
    /* derived forms and near forms */
    { "The council decided to close the bridge.", "The council made a decision to close the bridge.", 0.8, 1.0 },
    { "The Mexican president spoke.", "The president of Mexico spoke.", 0.8, 1.0 },
    /* inflected forms the stemmer leaves apart meet their lemma's synonyms */
    { "It is the biggest deal of the year.", "It is the largest deal of the year.", 0.9, 1.0 },
    { "The general took command of the army.", "The general takes command of the army.", 0.9, 1.0 },
    /* a year written with its month meets the year alone */
    { "Tokayev took office in March 2019.", "Tokayev took office in 2019.", 0.75, 1.0 },
    /* antonyms after the table of equivalents: open/begin against close/end */
    { "Shares opened higher in Tokyo.", "Shares started higher in Tokyo.", 0.95, 1.0 },
    { "Shares opened higher in Tokyo.", "Shares closed higher in Tokyo.", 0.0, 0.7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PxDocument) a = doc (cases[i].a);
      g_autoptr(PxDocument) b = doc (cases[i].b);
      double score = px_align_document_similarity (a, b);

      g_test_message ("%s | %s: %.3f", cases[i].a, cases[i].b, score);
      g_assert_cmpfloat (score, >=, cases[i].min);
      g_assert_cmpfloat (score, <=, cases[i].max);
    }
}

/* Weak links must not chain different claims together: a claim holds a
 * second sentence of a source only when it links to a sentence of the
 * claim from another source directly. */
static void
assert_claims_do_not_chain (PxComparison *comparison)
{
  GPtrArray *claims = px_comparison_get_claims (comparison);

  for (guint c = 0; c < claims->len; c++)
    {
      const PxClaim *claim = g_ptr_array_index (claims, c);

      for (guint i = 0; i < claim->segments->len; i++)
        {
          const PxSegmentRef *x = &g_array_index (claim->segments, PxSegmentRef, i);
          gboolean twice = FALSE, direct = FALSE;

          for (guint j = 0; j < claim->segments->len; j++)
            {
              const PxSegmentRef *y = &g_array_index (claim->segments, PxSegmentRef, j);

              twice |= j != i && y->doc == x->doc;
              direct |= y->doc != x->doc && link_between (comparison, x, y) != NULL;
            }
          g_assert_true (!twice || direct);
        }
    }
}

static void
test_claims_do_not_chain (void)
{
  /* b's sentence joins two of a's ideas; c echoes both halves: links chain
   * a1 – b1 – c1 – a2; a2 may join the claim through its own link only */
  g_autoptr(PxComparison) comparison = compare (
    "The harbour bridge will close for repairs in March. "
    "The city council approved a new budget for schools.\n",
    "The harbour bridge will close for repairs in March, and the city council approved a new budget.\n",
    "The city council approved a new budget, and the harbour bridge will close for repairs.\n",
    NULL);

  assert_claims_do_not_chain (comparison);
}

static void
test_many_sources (void)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PxComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  guint per_segment[24][2] = { { 0, }, };
  guint n_cross = 0;
  GPtrArray *links, *claims;
  gboolean found = FALSE;

  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *text = g_strdup_printf ("Source %u reports that the dam on the river Orlin failed after heavy rain. "
                                               "Its own remark number %u concerns weather station %u.\n", i, i * 7, i);

      g_ptr_array_add (documents, doc (text));
    }
  comparison = px_comparison_new (documents, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  links = px_comparison_get_links (comparison);
  for (guint i = 0; i < links->len; i++)
    {
      const PxLink *link = g_ptr_array_index (links, i);

      if (link->relation == PX_RELATION_RELATED)
        continue;
      n_cross += link->a.segment == 0 && link->b.segment == 0;
      g_assert_cmpuint (link->a.segment, <, 2);
      g_assert_cmpuint (link->b.segment, <, 2);
      per_segment[link->a.doc][link->a.segment]++;
      per_segment[link->b.doc][link->b.segment]++;
    }
  /* with that many sources a sentence links to its 12 closest ones, not
   * to all 23 (the work grows with the sources, not their square) … */
  for (guint i = 0; i < 24; i++)
    g_assert_cmpuint (MAX (per_segment[i][0], per_segment[i][1]), <=, 12);
  g_assert_cmpuint (n_cross, >=, 24 * 12 / 2 - 12);
  /* … and the claim still gathers all 24 */
  claims = px_comparison_get_claims (comparison);
  for (guint c = 0; c < claims->len; c++)
    {
      const PxClaim *claim = g_ptr_array_index (claims, c);

      if (g_array_index (claim->segments, PxSegmentRef, 0).segment == 0)
        {
          g_assert_cmpuint (claim->n_sources, ==, 24);
          found = TRUE;
        }
    }
  g_assert_true (found);
  assert_claims_do_not_chain (comparison);
}

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

/* Progress only moves forward, within [0, 1], and ends at 1, with few
 * sources (every pair compared) and with many (closest sources only). */
static void
test_progress (void)
{
  for (guint n_docs = 3; n_docs <= 15; n_docs += 12)
    {
      g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GPtrArray) links = NULL;

      for (guint i = 0; i < n_docs; i++)
        {
          GString *text = g_string_new (NULL);

          for (guint k = 0; k < 80; k++)
            g_string_append_printf (text, "Report %u says the council of district %u met on day %u to discuss the budget. ",
                                    i, k, k % 7);
          g_ptr_array_add (documents, doc (text->str));
          g_string_free (text, TRUE);
        }
      links = px_align_documents (documents, NULL, NULL, record_progress, fractions);
      g_assert_nonnull (links);
      g_assert_cmpuint (fractions->len, >, 1);
      for (guint i = 0; i < fractions->len; i++)
        {
          double f = g_array_index (fractions, double, i);

          g_assert_cmpfloat (f, >=, 0.0);
          g_assert_cmpfloat (f, <=, 1.0);
          if (i > 0)
            g_assert_cmpfloat (f, >=, g_array_index (fractions, double, i - 1));
        }
      g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
    }
}

static guint
count_links (GPtrArray     *documents,
             PxSensitivity  sensitivity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxComparison) comparison = px_comparison_new_full (documents, sensitivity, NULL, NULL, NULL, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < px_comparison_get_links (comparison)->len; i++)
    n += ((PxLink *)g_ptr_array_index (px_comparison_get_links (comparison), i))->relation != PX_RELATION_RELATED;
  return n;
}

/* Higher sensitivity links more (looser) pairs, never fewer. */
static void
test_sensitivity (void)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  guint low, medium, high;
  PxSensitivity s;

  g_ptr_array_add (documents, doc ("The mayor announced a new bridge across the river. "
                                   "Farmers say the dry summer hurt the wheat harvest badly.\n"));
  g_ptr_array_add (documents, doc ("The mayor spoke about the river and its old bridge. "
                                   "The summer was dry, and farmers worry about prices.\n"));
  low = count_links (documents, PX_SENSITIVITY_LOW);
  medium = count_links (documents, PX_SENSITIVITY_MEDIUM);
  high = count_links (documents, PX_SENSITIVITY_HIGH);
  g_assert_cmpuint (low, <=, medium);
  g_assert_cmpuint (medium, <=, high);
  g_assert_cmpuint (low, <, high);

  g_assert_true (px_sensitivity_from_string ("high", &s));
  g_assert_cmpint (s, ==, PX_SENSITIVITY_HIGH);
  g_assert_false (px_sensitivity_from_string ("loud", &s));
}

static void
test_cancelled (void)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxComparison) comparison = NULL;

  g_ptr_array_add (documents, doc ("One text about the bridge.\n"));
  g_ptr_array_add (documents, doc ("Another text about the bridge.\n"));
  g_cancellable_cancel (cancellable);
  comparison = px_comparison_new (documents, cancellable, NULL, NULL, &error);
  g_assert_null (comparison);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The live link between the segments of documents @da and @db starting
 * with @a and @b, or NULL. */
static const PxLink *
link_of (PxComparison *comparison,
         guint         da,
         const char   *a,
         guint         db,
         const char   *b)
{
  PxSegmentRef x = { da, segment_starting (comparison, da, a) };
  PxSegmentRef y = { db, segment_starting (comparison, db, b) };

  return link_between (comparison, &x, &y);
}

/* The linked part of the first document's segment (side 0) or the
 * second's (side 1). */
static char *
part (PxComparison *comparison,
      const PxLink *link,
      int           side)
{
  return side == 0 ? slice (comparison, link->a.doc, link->a_start, link->a_end)
                   : slice (comparison, link->b.doc, link->b_start, link->b_end);
}

/* A sentence that states two claims links to a short one that states one
 * of them, and the link's part is that claim. */
static void
test_part_of_bundled_sentence (void)
{
  g_autoptr(PxComparison) comparison = compare (
    "The council approved a budget of 4.2 million euros on Tuesday, and the mayor said the old bridge "
    "over the river will close for repairs next spring.\n",
    "The old bridge over the river will close for repairs next spring.\n",
    NULL);
  const PxLink *link = link_of (comparison, 0, "The council", 1, "The old bridge");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_nonnull (link);
  a = part (comparison, link, 0);
  b = part (comparison, link, 1);
  g_assert_true (g_str_has_suffix (a, "the old bridge over the river will close for repairs next spring."));
  g_assert_null (strstr (a, "budget"));
  g_assert_cmpstr (b, ==, "The old bridge over the river will close for repairs next spring.");
  /* the diff covers the parts only */
  for (guint i = 0; i < link->diff->len; i++)
    g_assert_cmpuint (g_array_index (link->diff, PxDiffChunk, i).a_start, >=, link->a_start);
}

/* A sentence that another source splits in two links to both halves, each
 * with its own part. */
static void
test_part_of_split_sentence (void)
{
  g_autoptr(PxComparison) comparison = compare (
    "The factory in Lindau will close in March, and its 300 workers will be offered jobs at the new "
    "plant in Kempten.\n",
    "The factory in Lindau will close in March. Its 300 workers will be offered jobs at the new plant "
    "in Kempten.\n",
    NULL);
  const PxLink *first = link_of (comparison, 0, "The factory", 1, "The factory");
  const PxLink *second = link_of (comparison, 0, "The factory", 1, "Its 300");
  g_autofree char *a1 = NULL;
  g_autofree char *a2 = NULL;

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  a1 = part (comparison, first, 0);
  a2 = part (comparison, second, 0);
  g_assert_true (g_str_has_prefix (a1, "The factory in Lindau will close in March"));
  g_assert_null (strstr (a1, "workers"));
  g_assert_nonnull (strstr (a2, "300 workers will be offered jobs at the new plant in Kempten"));
  g_assert_null (strstr (a2, "Lindau"));
  g_assert_cmpuint (first->a_end, <=, second->a_start);
}

/* One source repeats a claim (headline and body): both state it. */
static void
test_repeated_claim (void)
{
  g_autoptr(PxComparison) comparison = compare (
    "Heavy rain closed the mountain pass on Sunday.\n",
    "Mountain pass closed by heavy rain\n\nHeavy rain closed the mountain pass on Sunday, the road agency said.\n",
    NULL);

  g_assert_nonnull (link_of (comparison, 0, "Heavy rain", 1, "Mountain pass"));
  g_assert_nonnull (link_of (comparison, 0, "Heavy rain", 1, "Heavy rain"));
}

/* The words of an amount are its value: "61.31 percent" and "61.31 per
 * cent" are the same words, and so are the sentences. */
static void
test_amount_words (void)
{
  g_autoptr(PxComparison) comparison = compare (
    "The mayor won 61.31 percent of the votes in the city election on Sunday.\n",
    "The mayor won 61.31 per cent of the votes in the city election on Sunday.\n",
    NULL);
  const PxLink *link = link_of (comparison, 0, "The mayor", 1, "The mayor");
  g_autoptr(PxDocument) a = doc ("The mayor won 61.31 percent of the votes.");
  g_autoptr(PxDocument) b = doc ("The mayor won 61.31 per cent of the votes.");

  g_assert_nonnull (link);
  g_assert_cmpint (link->relation, ==, PX_RELATION_SAME);
  g_assert_cmpfloat (px_align_similarity (a, 0, b, 0), >, 0.99);
}

/* A photo caption is no lead: the leads of two reports meet past it. */
static void
test_caption_no_lead (void)
{
  const char *a = "Dock workers in Antwerp went back to work on Thursday after a new wage offer.\n\n"
                  "Ships had queued outside the harbour for a week.\n\n"
                  "The port handles a fifth of the container traffic of Europe.\n";
  const char *b = "Striking dockers at a port meeting in Antwerp on Wednesday. (Photo: Jan Peeters / Reuters)\n\n"
                  "Cranes stand idle at a container terminal on Tuesday. (Photo: Jan Peeters / Reuters)\n\n"
                  "A picket line outside the harbour gates on Monday. (Photo: Jan Peeters / Reuters)\n\n"
                  "Antwerp dockers ended their strike on Thursday and accepted the pay offer.\n\n"
                  "The port handles a fifth of the container traffic of Europe.\n";
  g_autoptr(PxComparison) comparison = compare (a, b, NULL);
  PxDocument *db = px_comparison_get_document (comparison, 1);

  for (guint s = 0; s < 3; s++)
    g_assert_cmpint (px_document_get_segment (db, s)->kind, ==, PX_SEGMENT_CAPTION);
  g_assert_nonnull (link_of (comparison, 0, "Dock workers", 1, "Antwerp dockers"));
}

/* Two close values of one measure state one claim with a differing
 * detail (a count and an exit poll); values far apart measured alike tell
 * of other things (a quake and an aftershock), and so does a value set in
 * a year the other is not (an earlier flood). */
static void
test_other_value (void)
{
  g_autoptr(PxComparison) close = compare (
    "Mayor Anna Lind won 61.31 percent of the votes in Sunday's election, the election commission said.\n",
    "Anna Lind was re-elected mayor with 62.45 percent of the votes, according to an exit poll.\n",
    NULL);
  g_autoptr(PxComparison) far = compare (
    "The quake had a magnitude of 6.8, the survey said.\n",
    "An aftershock of magnitude 3.9 shook the town on Sunday.\n",
    NULL);
  g_autoptr(PxComparison) earlier = compare (
    "Lyon has not seen a flood of this size since 2004 when the river rose by 6.3 metres.\n",
    "The river rose by 6.8 metres on Friday, the city said.\n",
    NULL);
  const PxLink *link = link_of (close, 0, "Mayor", 1, "Anna Lind");

  g_assert_nonnull (link);
  g_assert_cmpint (link->relation, ==, PX_RELATION_DIFFERS);
  g_assert_null (link_of (far, 0, "The quake", 1, "An aftershock"));
  g_assert_null (link_of (earlier, 0, "Lyon", 1, "The river"));
}

/* Two reports quote one speaker in two translations: the quotes link, as
 * one thing said; the same words said by someone else do not. Five other
 * reports make the quotes' words common, as in a real cluster. */
static void
test_quote_speaker (void)
{
  const char *said = "Mayor Anna Lind won a second term in Lyon on Sunday.\n\n"
                     "\"We can say that the people have expressed convincing confidence in me as mayor and all "
                     "of you,\" Lind, 61, had told her staff earlier, referring to exit polls that favored her.\n";
  const char *again = "Lyon re-elected Mayor Anna Lind on Sunday.\n\n"
                      "City officials counted the ballots overnight.\n\n"
                      "\"The people have clearly expressed their confidence in me and we have to justify it,\" "
                      "Lind said as results emerged.\n";
  const char *other = "Lyon re-elected Mayor Anna Lind on Sunday, defeating Paul Berg.\n\n"
                      "City officials counted the ballots overnight.\n\n"
                      "\"The people have clearly expressed their confidence in me and we have to justify it,\" "
                      "Paul Berg said as results emerged.\n";
  const char *poll = "Lind won the vote in Lyon, officials said.\n\n"
                     "The people of Lyon expressed confidence in Lind, a poll found.\n\n"
                     "Lind thanked the people of the city.\n";
  g_autoptr(PxComparison) same = compare (said, again, poll, poll, poll, poll, poll, NULL);
  g_autoptr(PxComparison) different = compare (said, other, poll, poll, poll, poll, poll, NULL);

  g_assert_nonnull (link_of (same, 0, "\"We can say", 1, "\"The people"));
  g_assert_null (link_of (different, 0, "\"We can say", 1, "\"The people"));
}

/* A page that prints its headline again as clutter states it there too:
 * the copy links, joins the claim with the body sentence that repeats it,
 * and other clutter still never links. */
static void
test_echo (void)
{
  g_autoptr(PxComparison) comparison = compare (
    "Heavy rain closed the mountain pass on Sunday, the road agency said.\n\n"
    "Crews expect to clear the road by Tuesday.\n",
    "Heavy rain closes the mountain pass for two days\n\n"
    "Heavy rain closes the mountain pass for two days\n\n"
    "The pass was closed on Sunday after heavy rain, according to the road agency.\n\n"
    "The agency expects crews to clear the road by Tuesday.\n\n"
    "Share this article\n",
    NULL);
  PxDocument *b = px_comparison_get_document (comparison, 1);
  guint copy = segment_starting (comparison, 1, "Heavy rain") + 1;
  int claim = px_comparison_get_claim_for_segment (comparison, 0, 0);
  const PxClaim *c = g_ptr_array_index (px_comparison_get_claims (comparison), claim);
  guint in_claim = 0;

  g_assert_cmpint (px_document_get_segment (b, copy)->kind, ==, PX_SEGMENT_BOILERPLATE);
  g_assert_nonnull (link_between (comparison, &(PxSegmentRef) { 0, 0 }, &(PxSegmentRef) { 1, copy }));
  g_assert_cmpint (px_comparison_get_claim_for_segment (comparison, 1, copy), ==, claim);
  g_assert_cmpint (px_comparison_get_claim_for_segment (comparison, 1, segment_starting (comparison, 1, "The pass")),
                   ==, claim);
  g_assert_cmpint (c->status, ==, PX_CLAIM_SHARED);
  g_assert_cmpuint (c->n_sources, ==, 2);
  for (guint i = 0; i < c->segments->len; i++)
    in_claim += g_array_index (c->segments, PxSegmentRef, i).doc == 1;
  g_assert_cmpuint (in_claim, ==, 3);
  g_assert_cmpint (px_comparison_get_claim_for_segment (comparison, 1, segment_starting (comparison, 1, "Share")),
                   <, 0);
  assert_claims_do_not_chain (comparison);
}

/* A rare value shared with what it measures is strong evidence, however
 * worded. */
static void
test_shared_value (void)
{
  g_autoptr(PxComparison) comparison = compare (
    "Officials said 1,387 people had died in the floods.\n",
    "The flood toll has risen to 1,387.\n",
    NULL);

  g_assert_nonnull (link_of (comparison, 0, "Officials", 1, "The flood"));
}

/* Four sentences of two reports that share no claim: what follows them
 * is no lead. */
#define FILLER_A                                                         \
  "Heavy snow cut power to thousands in the valley on Monday.\n\n"       \
  "Schools in the region stayed closed for a second day.\n\n"            \
  "The regional council opened three shelters in town halls.\n\n"        \
  "Road crews cleared the main roads by the evening.\n\n"
#define FILLER_B                                                         \
  "The regional grid operator reported outages across the valley.\n\n"   \
  "Bus services between the villages were cancelled until Wednesday.\n\n" \
  "Volunteers handed out blankets at the railway station.\n\n"           \
  "The cold is expected to ease by the weekend.\n\n"

/* A value and a near one ("more than 2,000", 2,012) state one claim however
 * worded: the exact values differing is a detail, not a lack of overlap. */
static void
test_near_value (void)
{
  g_autoptr(PxComparison) comparison = compare (
    FILLER_A
    "More than 2,000 people are dead after the floods, officials said.\n",
    FILLER_B
    "The floods have killed 2,012 people, the ministry said.\n",
    NULL);

  g_assert_nonnull (link_of (comparison, 0, "More than", 1, "The floods"));
}

/* A value rounded to two digits meets the exact one: a 38 % stake and
 * 38.4 percent of the shares. */
static void
test_rounded_value (void)
{
  g_autoptr(PxComparison) comparison = compare (
    FILLER_A
    "The family still owns a 38% stake in the brewery, the filing shows.\n",
    FILLER_B
    "The founding family holds 38.4 percent of the brewery's shares.\n",
    NULL);

  g_assert_nonnull (link_of (comparison, 0, "The family", 1, "The founding"));
}

/* A small count of one thing is no claim shared with a count of another:
 * three shelters, a three-year term and nearly three decades. */
static void
test_small_counts (void)
{
  g_autoptr(PxComparison) comparison = compare (
    FILLER_A
    "The board named Ilse Brandt chair of the foundation from March 1st for a three-year term.\n",
    FILLER_B
    "Her predecessor led the foundation for nearly three decades after it was founded in 1994.\n",
    NULL);

  g_assert_null (link_of (comparison, 0, "The board", 1, "Her predecessor"));
  g_assert_null (link_of (comparison, 0, "The regional council", 1, "Her predecessor"));
}

/* A name's words are one name: "former President Aino Virtanen" in both is
 * an epithet shared, not a claim of who did what. */
static void
test_one_name (void)
{
  g_autoptr(PxComparison) comparison = compare (
    FILLER_A
    "The steps follow an earlier plan, a term first used by the former Finnish President Aino Virtanen.\n",
    FILLER_B
    "Opinion polls showed growing support for the mayor, thanks partly to his break from former President "
    "Aino Virtanen.\n",
    NULL);

  g_assert_null (link_of (comparison, 0, "The steps", 1, "Opinion polls"));
}

/* The leads of two reports of one event (headline, standfirst, first
 * sentence) state its main claim: two leads link at a lower score than
 * two sentences further down, and than the leads of two reports that
 * share nothing else. */
static void
test_leads (void)
{
  const char *a = "Dock workers in Antwerp went back to work on Thursday after a new wage offer.\n\n"
                  "Ships had queued outside the harbour for a week.\n\n"
                  "The port handles a fifth of the container traffic of Europe.\n";
  const char *b = "Antwerp dockers ended their strike on Thursday and accepted the pay offer.\n\n"
                  "Shipping lines had diverted cargo to Rotterdam.\n\n"
                  "The port handles a fifth of the container traffic of Europe.\n";
  g_autofree char *late_a = g_strconcat (FILLER_A, a, NULL);
  g_autofree char *late_b = g_strconcat (FILLER_B, b, NULL);
  g_autoptr(PxComparison) leads = compare (a, b, NULL);
  g_autoptr(PxComparison) late = compare (late_a, late_b, NULL);

  g_autofree char *a_alone = g_strndup (a, strstr (a, "The port") - a);
  g_autofree char *b_alone = g_strndup (b, strstr (b, "The port") - b);
  g_autoptr(PxComparison) unrelated = compare (a_alone, b_alone, NULL);

  g_assert_nonnull (link_of (leads, 0, "Dock workers", 1, "Antwerp dockers"));
  g_assert_null (link_of (late, 0, "Dock workers", 1, "Antwerp dockers"));
  g_assert_null (link_of (unrelated, 0, "Dock workers", 1, "Antwerp dockers"));
}

/* Parts that share only a title, a name and a day state no claim. */
static void
test_names_alone (void)
{
  g_autoptr(PxComparison) comparison = compare (
    "This was announced on Monday by the governor of the region, Anna Berg.\n",
    "Shortly after the vote on Monday, Governor Anna Berg held talks with the mayors of three towns.\n",
    NULL);

  g_assert_null (link_of (comparison, 0, "This was", 1, "Shortly"));
}

/* Words the engine counts as the same, written otherwise, are marked. */
static void
test_equivalent_wording (void)
{
  g_autoptr(PxComparison) comparison = compare (
    "We have over $500 billion invested in our economy, the minister said.\n",
    "More than $500 billion is involved in our economy, the minister said.\n",
    NULL);
  const PxLink *link = link_of (comparison, 0, "We have", 1, "More than");
  gboolean equivalent = FALSE;

  g_assert_nonnull (link);
  for (guint i = 0; i < link->diff->len; i++)
    {
      const PxDiffChunk *chunk = &g_array_index (link->diff, PxDiffChunk, i);
      g_autofree char *a = slice (comparison, 0, chunk->a_start, chunk->a_end);
      g_autofree char *b = slice (comparison, 1, chunk->b_start, chunk->b_end);

      if (chunk->op == PX_DIFF_EQUIVALENT)
        {
          g_assert_cmpstr (a, ==, "invested");
          g_assert_cmpstr (b, ==, "involved");
          equivalent = TRUE;
        }
      /* words present on both sides are never marked as changed */
      if (chunk->op == PX_DIFF_SUBSTITUTE)
        g_assert_null (strstr (a, "minister"));
    }
  g_assert_true (equivalent);
}

static const char stable_a[] =
  "The regional council approved a budget of 4.2 million euros on Tuesday.\n"
  "The old bridge over the river will close for repairs next spring.\n"
  "Traffic will be diverted through the northern ring road during the works.\n"
  "The mayor said the ferry service would run every twenty minutes.\n"
  "Shops near the bridge fear they will lose customers while it is closed.\n";
static const char stable_b[] =
  "Repairs will shut the old river bridge next spring, the council said.\n"
  "During the works, traffic is to be diverted through the northern ring road.\n"
  "A ferry will run every twenty minutes, according to the mayor.\n"
  "The council on Tuesday approved a 4.2 million euro budget.\n"
  "Local shopkeepers worry about losing customers.\n";
static const char stable_unrelated[] =
  "Preheat the oven to 200 degrees and butter a large baking dish.\n"
  "Slice the potatoes thinly and layer them with the onions.\n"
  "Pour the cream over the potatoes and season with salt and pepper.\n"
  "Bake for an hour, until the top is golden and the potatoes are soft.\n"
  "Let the gratin rest for ten minutes before serving it with a green salad.\n"
  "Leftovers keep for two days in the fridge.\n";

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The live links between documents 0 and 1, as text. */
static char *
links_between_first_two (PxComparison *comparison)
{
  GPtrArray *links = px_comparison_get_links (comparison);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < links->len; i++)
    {
      const PxLink *link = g_ptr_array_index (links, i);

      if (link->a.doc == 0 && link->b.doc == 1 && link->relation != PX_RELATION_RELATED)
        g_ptr_array_add (lines, g_strdup_printf ("%u-%u %s %u..%u %u..%u", link->a.segment, link->b.segment,
                                                 px_relation_to_string (link->relation),
                                                 link->a_start, link->a_end, link->b_start, link->b_end));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **)lines->pdata);
}

/* Adding an unrelated source changes no link between the others. */
static void
test_stable (void)
{
  g_autoptr(PxComparison) two = compare (stable_a, stable_b, NULL);
  g_autoptr(PxComparison) three = compare (stable_a, stable_b, stable_unrelated, NULL);
  g_autofree char *before = links_between_first_two (two);
  g_autofree char *after = links_between_first_two (three);

  g_assert_cmpuint (strlen (before), >, 0);
  g_assert_cmpstr (before, ==, after);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/align/paraphrase-and-unrelated", test_paraphrase_and_unrelated);
  g_test_add_func ("/align/differing-detail", test_differing_detail);
  g_test_add_func ("/align/differing-detail/other-family", test_detail_of_another_family);
  g_test_add_func ("/align/differing-detail/names", test_detail_names);
  g_test_add_func ("/align/diff-covers-both-texts", test_diff_covers_both_texts);
  g_test_add_func ("/align/diff/wording", test_diff_wording);
  g_test_add_func ("/align/diff/values", test_diff_values);
  g_test_add_func ("/align/reordered", test_reordered);
  g_test_add_func ("/align/claims", test_claims);
  g_test_add_func ("/align/claims-do-not-chain", test_claims_do_not_chain);
  g_test_add_func ("/align/boilerplate-never-links", test_boilerplate_never_links);
  g_test_add_func ("/align/similarity", test_similarity);
  g_test_add_func ("/align/similarity/words", test_similarity_words);
  g_test_add_func ("/align/many-sources", test_many_sources);
  g_test_add_func ("/align/sensitivity", test_sensitivity);
  g_test_add_func ("/align/progress", test_progress);
  g_test_add_func ("/align/cancelled", test_cancelled);
  g_test_add_func ("/align/parts/bundled-sentence", test_part_of_bundled_sentence);
  g_test_add_func ("/align/parts/split-sentence", test_part_of_split_sentence);
  g_test_add_func ("/align/parts/repeated-claim", test_repeated_claim);
  g_test_add_func ("/align/parts/echo", test_echo);
  g_test_add_func ("/align/parts/other-value", test_other_value);
  g_test_add_func ("/align/parts/quote-speaker", test_quote_speaker);
  g_test_add_func ("/align/amount-words", test_amount_words);
  g_test_add_func ("/align/leads/caption", test_caption_no_lead);
  g_test_add_func ("/align/parts/shared-value", test_shared_value);
  g_test_add_func ("/align/parts/names-alone", test_names_alone);
  g_test_add_func ("/align/parts/near-value", test_near_value);
  g_test_add_func ("/align/parts/rounded-value", test_rounded_value);
  g_test_add_func ("/align/parts/small-counts", test_small_counts);
  g_test_add_func ("/align/parts/one-name", test_one_name);
  g_test_add_func ("/align/leads", test_leads);
  g_test_add_func ("/align/diff/equivalent-wording", test_equivalent_wording);
  g_test_add_func ("/align/stable", test_stable);

  return g_test_run ();
}
