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
            if (px_document_get_token (document, seg->first_token + t)->flags & PX_TOKEN_WORD)
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/seeds/kinds", test_kinds);
  g_test_add_func ("/core/seeds/content-is-not-boilerplate", test_content_is_not_boilerplate);
  g_test_add_func ("/core/seeds/dates", test_dates);

  return g_test_run ();
}
