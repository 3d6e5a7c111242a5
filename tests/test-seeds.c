/* test-seeds.c: the real Kazakhstan election articles, when ../shared/seeds is there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "parallax-core.h"

static PxDocument *
load_seed (const char *prefix)
{
  const char *dir = g_getenv ("PX_SEEDS_DIR");
  g_autoptr(GDir) gdir = NULL;
  const char *name;

  if (dir == NULL || (gdir = g_dir_open (dir, 0, NULL)) == NULL)
    return NULL;
  while ((name = g_dir_read_name (gdir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(GError) error = NULL;
        PxDocument *document = px_import_file (file, NULL, &error);

        g_assert_no_error (error);
        return document;
      }
  return NULL;
}

/* The kind of the segment that starts with @start. */
static int
kind_of (PxDocument *document,
         const char *start)
{
  const char *text = px_document_get_text (document, NULL);

  for (guint i = 0; i < px_document_get_n_segments (document); i++)
    {
      const PxSegment *seg = px_document_get_segment (document, i);

      if (strncmp (text + seg->start, start, strlen (start)) == 0)
        return seg->kind;
    }
  g_test_message ("no segment starts with “%s”", start);
  return -1;
}

typedef struct
{
  const char   *seed;
  const char   *start;
  PxSegmentKind kind;
} KindCase;

static const KindCase kind_cases[] = {
  { "000", "Kazakhstan: Tokayev for multi-vector policies", PX_SEGMENT_HEADING },
  { "000", "Six candidates are in the running", PX_SEGMENT_SENTENCE },
  { "000", "The voter turnout was 23.37% at 10am", PX_SEGMENT_SENTENCE },
  { "000", "“I believe that given our geopolitical situation", PX_SEGMENT_SENTENCE },
  { "000", "Leave a Reply", PX_SEGMENT_BOILERPLATE },
  { "000", "Fill in your details below", PX_SEGMENT_BOILERPLATE },
  { "000", "WordPress.com Logo", PX_SEGMENT_BOILERPLATE },
  { "000", "You are commenting using your Twitter account.", PX_SEGMENT_BOILERPLATE },
  { "000", "Facebook photo", PX_SEGMENT_BOILERPLATE },
  { "000", "Connecting to %s", PX_SEGMENT_BOILERPLATE },
  { "001", "There are about 12 million people on the voter lists.", PX_SEGMENT_SENTENCE },
  { "002", "Home » Blog »", PX_SEGMENT_BOILERPLATE },
  { "002", "Bilateral Relations Diplomacy Economy", PX_SEGMENT_BOILERPLATE },
  { "002", "Translate", PX_SEGMENT_BOILERPLATE },
  { "002", "Advertisement", PX_SEGMENT_BOILERPLATE },
  { "002", "It shares land borders with five states", PX_SEGMENT_SENTENCE },
  { "003", "According to the CEC, 69.44 per cent", PX_SEGMENT_SENTENCE },
  { "004", "Photo credit: foreign ministry press office.", PX_SEGMENT_CAPTION },
  { "004", "Get The Astana Times stories sent directly to you!", PX_SEGMENT_BOILERPLATE },
  { "004", "He noted the importance of ensuring", PX_SEGMENT_SENTENCE },
};

static void
test_kinds (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_cases); i++)
    {
      g_autoptr(PxDocument) document = load_seed (kind_cases[i].seed);

      if (document == NULL)
        {
          g_test_skip ("../shared/seeds is absent");
          return;
        }
      g_test_message ("seed %s: %s", kind_cases[i].seed, kind_cases[i].start);
      g_assert_cmpint (kind_of (document, kind_cases[i].start), ==, kind_cases[i].kind);
    }
}

static void
test_content_is_not_boilerplate (void)
{
  static const char * const seeds[] = { "000", "001", "002", "003", "004" };

  for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
    {
      g_autoptr(PxDocument) document = load_seed (seeds[s]);
      guint n_content = 0;
      guint n_long_chrome = 0;

      if (document == NULL)
        {
          g_test_skip ("../shared/seeds is absent");
          return;
        }
      /* Sentences of twelve words or more are article text, but for the
       * odd long chrome line (a breadcrumb, a subscribe invitation). */
      for (guint i = 0; i < px_document_get_n_segments (document); i++)
        {
          const PxSegment *seg = px_document_get_segment (document, i);
          guint words = 0;

          for (guint t = 0; t < seg->n_tokens; t++)
            if (px_document_get_token (document, seg->first_token + t)->form->flags & PX_TOKEN_WORD)
              words++;
          if (words < 12)
            continue;
          if (seg->kind == PX_SEGMENT_BOILERPLATE)
            n_long_chrome++;
          else
            n_content++;
        }
      g_assert_cmpuint (n_long_chrome, <=, 2);
      g_assert_cmpuint (n_content, >=, 5);
    }
}

static void
test_dates (void)
{
  g_autoptr(PxDocument) d000 = load_seed ("000");
  g_autoptr(PxDocument) d001 = load_seed ("001");

  if (d000 == NULL || d001 == NULL)
    {
      g_test_skip ("../shared/seeds is absent");
      return;
    }
  g_assert_cmpstr (px_document_get_date (d000), ==, "2022-11-20");
  g_assert_cmpstr (px_document_get_date (d001), ==, "2022-11-20");
  g_assert_cmpstr (px_document_get_title (d000), ==, "Kazakhstan: Tokayev for multi-vector policies");
}

/* ---- the comparison of all five seeds ---- */

static PxComparison *
seed_comparison (void)
{
  static PxComparison *comparison;
  static const char * const seeds[] = { "000", "001", "002", "003", "004" };

  if (comparison == NULL)
    {
      g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
        {
          PxDocument *document = load_seed (seeds[i]);

          if (document == NULL)
            return NULL;
          g_ptr_array_add (documents, document);
        }
      comparison = px_comparison_new (documents, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  return comparison;
}

/* Index of the segment of document @doc that starts with @start. */
static guint
segment_of (PxComparison *comparison,
            guint         doc,
            const char   *start)
{
  PxDocument *document = px_comparison_get_document (comparison, doc);
  const char *text = px_document_get_text (document, NULL);

  for (guint i = 0; i < px_document_get_n_segments (document); i++)
    if (strncmp (text + px_document_get_segment (document, i)->start, start, strlen (start)) == 0)
      return i;
  g_error ("no segment of d%u starts with “%s”", doc + 1, start);
}

static const PxLink *
link_between (PxComparison *comparison,
              guint         doc_a,
              const char   *start_a,
              guint         doc_b,
              const char   *start_b)
{
  guint sa = segment_of (comparison, doc_a, start_a);
  guint sb = segment_of (comparison, doc_b, start_b);
  g_autoptr(GPtrArray) links = px_comparison_get_links_for_segment (comparison, doc_a, sa);

  for (guint i = 0; i < links->len; i++)
    {
      const PxLink *link = g_ptr_array_index (links, i);

      if ((link->a.doc == doc_a && link->a.segment == sa && link->b.doc == doc_b && link->b.segment == sb) ||
          (link->b.doc == doc_a && link->b.segment == sa && link->a.doc == doc_b && link->a.segment == sb))
        return link;
    }
  return NULL;
}

static void
test_links (void)
{
  PxComparison *comparison = seed_comparison ();
  const PxLink *link;

  if (comparison == NULL)
    {
      g_test_skip ("../shared/seeds is absent");
      return;
    }

  /* the $500 billion quote, translated two ways: one claim */
  link = link_between (comparison, 0, "“I believe that given our geopolitical situation",
                       1, "“I think that taking into account the geopolitical position");
  g_assert_nonnull (link);
  g_assert_cmpint (link->relation, !=, PX_RELATION_RELATED);
  g_assert_nonnull (link->diff);
  g_assert_cmpuint (link->diff->len, >, 1);

  /* allied relations with Russia: one claim, with differing details */
  link = link_between (comparison, 0, "Earlier this year, in September, Tokayev pointed out",
                       1, "Earlier, on September 22, Tokayev said");
  g_assert_nonnull (link);
  g_assert_cmpint (link->relation, ==, PX_RELATION_DIFFERS);

  /* the lede states the claim of 001's first sentence (not 001's "This
   * was announced …", which only frames it) */
  link = link_between (comparison, 0, "Given its geopolitical location",
                       1, "Kazakhstan should pursue a multi-vector foreign policy");
  g_assert_nonnull (link);
  g_assert_cmpint (link->relation, !=, PX_RELATION_RELATED);
  link = link_between (comparison, 0, "Given its geopolitical location",
                       1, "This was announced on November 20");
  g_assert_true (link == NULL || link->relation == PX_RELATION_RELATED);

  /* 000's bundled sentence links to both halves 001 makes of it, each
   * with its own part */
  {
    const PxLink *russia = link_between (comparison, 0, "Earlier this year, in September",
                                         1, "Earlier, on September 22");
    const PxLink *china = link_between (comparison, 0, "Earlier this year, in September",
                                        1, "According to him, Astana");

    g_assert_nonnull (china);
    g_assert_cmpint (china->relation, !=, PX_RELATION_RELATED);
    g_assert_cmpuint (russia->a_end, <=, china->a_start);
  }

  /* the snap election: same claim, other words */
  link = link_between (comparison, 0, "Early presidential elections started in Kazakhstan",
                       1, "On November 20, extraordinary presidential elections started");
  g_assert_nonnull (link);
  g_assert_cmpint (link->relation, !=, PX_RELATION_RELATED);

  /* the false friend: a month and two names in common, two claims */
  link = link_between (comparison, 1, "Tokayev proposed holding early presidential elections in September",
                       3, "Xi met with Tokayev in Kazakhstan in September");
  g_assert_true (link == NULL || link->relation == PX_RELATION_RELATED);

  /* another: a date, "President" and a name in common, a short sentence
   * all contained in a long one that tells of state visits (a scoring that
   * favoured the long side's coverage linked them) */
  link = link_between (comparison, 1, "This was announced on November 20 by the President",
                       2, "Shortly after being re-elected");
  g_assert_true (link == NULL || link->relation == PX_RELATION_RELATED);

  /* boilerplate never links */
  for (guint i = 0; i < px_comparison_get_links (comparison)->len; i++)
    {
      const PxLink *l = g_ptr_array_index (px_comparison_get_links (comparison), i);
      PxDocument *da = px_comparison_get_document (comparison, l->a.doc);
      PxDocument *db = px_comparison_get_document (comparison, l->b.doc);

      g_assert_cmpint (px_document_get_segment (da, l->a.segment)->kind, !=, PX_SEGMENT_BOILERPLATE);
      g_assert_cmpint (px_document_get_segment (db, l->b.segment)->kind, !=, PX_SEGMENT_BOILERPLATE);
    }
}

/* The group holding the fact of document @doc whose text is @text. */
static const PxFactGroup *
group_of (PxComparison *comparison,
          guint         doc,
          const char   *text,
          int          *fact_index)
{
  GPtrArray *facts = px_comparison_get_facts (comparison);
  GPtrArray *groups = px_comparison_get_fact_groups (comparison);

  for (guint g = 0; g < groups->len; g++)
    {
      const PxFactGroup *group = g_ptr_array_index (groups, g);

      for (guint i = 0; i < group->facts->len; i++)
        {
          guint index = g_array_index (group->facts, guint, i);
          const PxFact *fact = g_ptr_array_index (facts, index);

          if (fact->doc == doc && g_strcmp0 (fact->text, text) == 0)
            {
              if (fact_index != NULL)
                *fact_index = index;
              return group;
            }
        }
    }
  g_error ("no fact “%s” in d%u", text, doc + 1);
}

static gboolean
group_has (const PxFactGroup *group,
           int                index)
{
  for (guint i = 0; i < group->facts->len; i++)
    if ((int)g_array_index (group->facts, guint, i) == index)
      return TRUE;
  return FALSE;
}

static void
test_fact_groups (void)
{
  PxComparison *comparison = seed_comparison ();
  const PxFactGroup *group;
  int other;

  if (comparison == NULL)
    {
      g_test_skip ("../shared/seeds is absent");
      return;
    }

  /* "over $500 billion" and "more than $500 billion" */
  group_of (comparison, 1, "$500 billion", &other);
  group = group_of (comparison, 0, "$500 billion", NULL);
  g_assert_true (group_has (group, other));
  g_assert_cmpint (group->status, ==, PX_FACT_GROUP_AGREE);

  /* the election date written three ways */
  group = group_of (comparison, 0, "20.11.2022", NULL);
  group_of (comparison, 1, "2022-11-20", &other);
  g_assert_true (group_has (group, other));
  group_of (comparison, 0, "Sunday, November 20", &other);
  g_assert_true (group_has (group, other));
  group_of (comparison, 3, "November 20", &other);
  g_assert_true (group_has (group, other));
  g_assert_cmpint (group->status, ==, PX_FACT_GROUP_AGREE);

  /* turnout at 10am and final turnout never agree */
  group = group_of (comparison, 0, "23.37%", NULL);
  group_of (comparison, 3, "69.44 per cent", &other);
  g_assert_true (!group_has (group, other) || group->status == PX_FACT_GROUP_DIFFERS);

  /* "about 12 million" voters and 11,953,465 eligible voters */
  group = group_of (comparison, 1, "12 million people", NULL);
  group_of (comparison, 3, "11,953,465 eligible voters", &other);
  g_assert_true (group_has (group, other));
  g_assert_cmpint (group->status, ==, PX_FACT_GROUP_AGREE);
}

/* The 23.37% turnout at 10am and the 69.44% final turnout are one fact
 * with two values (they were never related before). */
static void
test_fact_turnout_pair (void)
{
  PxComparison *comparison = seed_comparison ();
  const PxFactGroup *group;
  int other;

  if (comparison == NULL)
    {
      g_test_skip ("../shared/seeds is absent");
      return;
    }
  group = group_of (comparison, 0, "23.37%", NULL);
  group_of (comparison, 3, "69.44 per cent", &other);
  g_assert_true (group_has (group, other));
  g_assert_cmpint (group->status, ==, PX_FACT_GROUP_DIFFERS);
  g_assert_cmpstr (group->measure, ==, "turnout");
}

/* TRUE when @word appears in some document of @comparison as a whole word
 * (any case). */
static gboolean
word_in_sources (PxComparison *comparison,
                 const char   *word)
{
  for (guint d = 0; d < px_comparison_get_n_documents (comparison); d++)
    {
      g_autofree char *text = g_utf8_strdown (px_document_get_text (px_comparison_get_document (comparison, d), NULL), -1);
      gsize n = strlen (word);

      for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
        if ((p == text || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[n]))
          return TRUE;
    }
  return FALSE;
}

/* Every group the sidebar shows has a label in words: each word of it is a
 * word of the sources (never a stem like "includ" or "relat") or the
 * group's value as the engine writes it. */
static void
test_fact_labels (void)
{
  static const char * const own_words[] = {
    "value", "deaths", "injured", "voters", "turnout", "deal", "unemployment", "inflation",
  };
  PxComparison *comparison = seed_comparison ();
  GPtrArray *groups;
  GPtrArray *facts;

  if (comparison == NULL)
    {
      g_test_skip ("../shared/seeds is absent");
      return;
    }
  groups = px_comparison_get_fact_groups (comparison);
  facts = px_comparison_get_facts (comparison);
  for (guint g = 0; g < groups->len; g++)
    {
      const PxFactGroup *group = g_ptr_array_index (groups, g);
      const PxFact *first = g_ptr_array_index (facts, g_array_index (group->facts, guint, 0));
      g_autofree char *value = px_fact_format_value (first);
      g_autofree char *lower = NULL;
      g_auto(GStrv) words = NULL;

      g_assert_nonnull (group->label);
      if (g_str_has_prefix (group->label, value) || first->kind == PX_FACT_QUOTE)
        continue;
      lower = g_utf8_strdown (group->label, -1);
      words = g_regex_split_simple ("[^\\p{L}]+", lower, 0, 0);
      for (guint w = 0; words[w] != NULL; w++)
        {
          gboolean known = FALSE;

          if (strlen (words[w]) < 2)
            continue;
          for (guint k = 0; k < G_N_ELEMENTS (own_words); k++)
            known = known || g_str_equal (words[w], own_words[k]);
          if (!known && !word_in_sources (comparison, words[w]))
            g_error ("group label “%s”: “%s” is no word of the sources", group->label, words[w]);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/seeds/kinds", test_kinds);
  g_test_add_func ("/core/seeds/content-is-not-boilerplate", test_content_is_not_boilerplate);
  g_test_add_func ("/core/seeds/dates", test_dates);
  g_test_add_func ("/core/seeds/links", test_links);
  g_test_add_func ("/core/seeds/fact-groups", test_fact_groups);
  g_test_add_func ("/core/seeds/fact-groups/turnout-pair", test_fact_turnout_pair);
  g_test_add_func ("/core/seeds/fact-groups/labels", test_fact_labels);

  return g_test_run ();
}
