/* test-segment.c: sentences, kinds and tokens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "parallax-core.h"

static PxDocument *
import (const char *text)
{
  g_autoptr(GError) error = NULL;
  PxDocument *document = px_import_text (text, strlen (text), "t.txt", &error);

  g_assert_no_error (error);
  return document;
}

/* Segments joined with " | ", each prefixed by its kind's first letter when
 * it is not a sentence. */
static char *
describe (PxDocument *document)
{
  GString *out = g_string_new (NULL);
  const char *text = px_document_get_text (document, NULL);

  for (guint i = 0; i < px_document_get_n_segments (document); i++)
    {
      const PxSegment *seg = px_document_get_segment (document, i);

      if (i > 0)
        g_string_append (out, " | ");
      if (seg->kind != PX_SEGMENT_SENTENCE)
        g_string_append_printf (out, "%c:", px_segment_kind_to_string (seg->kind)[0]);
      g_string_append_len (out, text + seg->start, seg->end - seg->start);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *name;
  const char *input;
  const char *expected;
} Case;

static const Case cases[] = {
  { "simple", "One sentence. Another one! A third?", "One sentence. | Another one! | A third?" },
  { "abbreviation-month", "The meeting was on Jan. 12 in Astana. It ended late.",
    "The meeting was on Jan. 12 in Astana. | It ended late." },
  { "abbreviation-title", "Mr. Smith met Dr. Jones. They talked.", "Mr. Smith met Dr. Jones. | They talked." },
  { "acronym-with-periods", "The U.S. and the U.N. agreed. Talks go on.",
    "The U.S. and the U.N. agreed. | Talks go on." },
  { "initials", "The novel by J. R. Tolkien sold well. Critics agreed.",
    "The novel by J. R. Tolkien sold well. | Critics agreed." },
  { "decimal", "Turnout was 23.37% at 10am. It rose later.", "Turnout was 23.37% at 10am. | It rose later." },
  { "closing-quote", "“We will win.” The crowd cheered.", "“We will win.” | The crowd cheered." },
  { "quote-spans-sentences", "“It is done. We move on,” she said. Then she left.",
    "“It is done. | We move on,” she said. | Then she left." },
  { "ellipsis", "He paused... Then he spoke.", "He paused... | Then he spoke." },
  { "lowercase-after-period", "It cost 5 bn. dollars in all.", "It cost 5 bn. dollars in all." },
  { "no-final-punctuation", "A sentence without an end", "h:A sentence without an end" },
  { "heading-then-text", "Bridge vote passes\n\nThe vote passed on Sunday. Turnout was high.",
    "h:Bridge vote passes | The vote passed on Sunday. | Turnout was high." },
  { "caption", "The minister spoke.\n\nThe minister in Astana. Photo credit: press office.\n\nShe left.",
    "The minister spoke. | c:The minister in Astana. | c:Photo credit: press office. | She left." },
  { "comment-form", "The vote passed on Sunday after a long campaign.\n\nLeave a Reply\n\nYou are commenting using your Example account. Log Out / Change )\n\nName *\n\nPost Comment",
    "The vote passed on Sunday after a long campaign. | b:Leave a Reply | b:You are commenting using your Example account. | b:Log Out / Change ) | b:Name * | b:Post Comment" },
  { "breadcrumb-and-tags", "Home » News » Region » Bridge\nPolitics Transport Environment Region\n\nBridge vote passes\n\nThe vote passed.",
    "b:Home » News » Region » Bridge | b:Politics Transport Environment Region | h:Bridge vote passes | The vote passed." },
  { "share-bar", "The vote passed.\n\nShare this: Facebook Twitter Email Print",
    "The vote passed. | b:Share this: Facebook Twitter Email Print" },
  { "subscribe", "The vote passed.\n\nGet our stories sent directly to you! Sign up or subscribe to our Twitter, Facebook and YouTube!",
    "The vote passed. | b:Get our stories sent directly to you! | b:Sign up or subscribe to our Twitter, Facebook and YouTube!" },
  { "single-words", "The vote passed.\n\nAdvertisement\n\nTranslate", "The vote passed. | b:Advertisement | b:Translate" },
  /* News sentences that mention chrome words stay content. */
  { "content-with-chrome-words", "The minister said she would share her account of the talks by email next week.",
    "The minister said she would share her account of the talks by email next week." },
  { "hard-wrapped", "The regional government has promised that work would begin\nin the spring if a majority votes yes, the minister said\nafter the meeting.",
    "The regional government has promised that work would begin\nin the spring if a majority votes yes, the minister said\nafter the meeting." },
};

static void
test_case (gconstpointer data)
{
  const Case *tc = data;
  g_autoptr(PxDocument) document = import (tc->input);
  g_autofree char *got = describe (document);

  g_assert_cmpstr (got, ==, tc->expected);
}

static void
test_tokens (void)
{
  g_autoptr(PxDocument) document = import ("The multi-vector policy: 8,300,046 voters, 23.37% and the U.S. Tokayev’s CEC.");
  const char *text = px_document_get_text (document, NULL);
  g_autoptr(GString) norms = g_string_new (NULL);

  for (guint i = 0; i < px_document_get_n_tokens (document); i++)
    {
      const PxToken *token = px_document_get_token (document, i);

      /* Offsets slice the text on character boundaries. */
      g_assert_cmpuint (token->start, <, token->end);
      g_assert_true (g_utf8_validate (text + token->start, token->end - token->start, NULL));
      g_string_append_printf (norms, "%s%s", i ? " " : "", token->norm);
    }
  g_assert_cmpstr (norms->str, ==, "the multivector policy : 8300046 voters , 23.37 % and the u.s. tokayev's cec .");
}

static void
test_token_flags_and_stems (void)
{
  g_autoptr(PxDocument) document = import ("Elections were held by the CEC in Astana 2022.");
  const PxToken *t;

  t = px_document_get_token (document, 0);  /* Elections */
  g_assert_cmpstr (t->stem, ==, "elect");
  g_assert_true (t->flags & PX_TOKEN_CAPITALIZED);
  g_assert_false (t->flags & PX_TOKEN_STOPWORD);
  t = px_document_get_token (document, 1);  /* were */
  g_assert_true (t->flags & PX_TOKEN_STOPWORD);
  t = px_document_get_token (document, 5);  /* CEC */
  g_assert_true (t->flags & PX_TOKEN_ALL_CAPS);
  t = px_document_get_token (document, 8);  /* 2022 */
  g_assert_true (t->flags & PX_TOKEN_NUMBER);
  g_assert_cmpstr (t->norm, ==, "2022");
  t = px_document_get_token (document, 9);  /* . */
  g_assert_true (t->flags & PX_TOKEN_PUNCT);
}

static void
test_normalize (void)
{
  static const struct { const char *in, *out; } words[] = {
    { "Multi-Vector", "multivector" },
    { "multi‑vector", "multivector" },
    { "Tokayev’s", "tokayev's" },
    { "ＣＥＣ", "cec" },
    { "ÉLECTION", "élection" },
    { "-", "-" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autofree char *norm = px_normalize_word (words[i].in, -1);
      g_assert_cmpstr (norm, ==, words[i].out);
    }
  g_assert_true (px_is_stopword ("the"));
  g_assert_true (px_is_stopword ("was"));
  g_assert_false (px_is_stopword ("turnout"));
}

static gpointer
stem_in_thread (gpointer data)
{
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *stem = px_stem_word ("elections", -1);
      g_assert_cmpstr (stem, ==, "elect");
    }
  return NULL;
}

/* Stems come from a cache after the first time: the same answers, also for
 * a word given by length inside a longer string, and after the cache is
 * emptied (more words than it keeps). */
static void
test_stem_cache (void)
{
  static const struct { const char *word; gssize length; const char *stem; } words[] = {
    { "running", -1, "run" }, { "running", -1, "run" }, { "runningmate", 7, "run" },
    { "elections", -1, "elect" }, { "elections!", 9, "elect" }, { "", -1, "" },
  };

  for (guint round = 0; round < 2; round++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        {
          g_autofree char *stem = px_stem_word (words[i].word, words[i].length);

          g_assert_cmpstr (stem, ==, words[i].stem);
        }
      /* more distinct words than the cache keeps */
      for (guint i = 0; i < 60000; i++)
        {
          char word[32];
          g_autofree char *stem = NULL;

          g_snprintf (word, sizeof word, "word%uings", i);
          stem = px_stem_word (word, -1);
          g_assert_true (g_str_has_prefix (stem, "word"));
        }
    }
}

static void
test_stemmer_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("stem", stem_in_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/segment/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/core/segment/tokens", test_tokens);
  g_test_add_func ("/core/segment/token-flags-and-stems", test_token_flags_and_stems);
  g_test_add_func ("/core/segment/normalize", test_normalize);
  g_test_add_func ("/core/segment/stem-cache", test_stem_cache);
  g_test_add_func ("/core/segment/stemmer-threads", test_stemmer_threads);

  return g_test_run ();
}
