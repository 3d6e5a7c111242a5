/* test-annotation.c: anchoring, and re-attaching to an edited source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "parallax-core.h"

static PxDocument *
doc_from (const char *text)
{
  g_autoptr(GError) error = NULL;
  PxDocument *document = px_import_text (text, strlen (text), "test.txt", &error);

  g_assert_no_error (error);
  return document;
}

/* An annotation on the @nth (0-based) copy of @quote in @document. */
static PxAnnotation *
annotate (PxDocument *document,
          const char *quote,
          guint       nth)
{
  const char *text = px_document_get_text (document, NULL);
  const char *p = text;

  for (guint i = 0; i <= nth; i++)
    {
      p = strstr (i == 0 ? p : p + 1, quote);
      g_assert_nonnull (p);
    }
  return px_annotation_new (document, p - text, p - text + strlen (quote), PX_LABEL_KEY_CLAIM);
}

static void
test_selectors (void)
{
  g_autoptr(PxDocument) document = doc_from ("Voters went to the polls on Sunday.\n\n"
                                             "Turnout was 68.5 per cent, the electoral office said on Monday morning.\n");
  g_autoptr(PxAnnotation) annotation = annotate (document, "68.5 per cent", 0);
  g_autofree char *exact = px_annotation_dup_exact (annotation);
  g_autofree char *prefix = px_annotation_dup_prefix (annotation);
  g_autofree char *suffix = px_annotation_dup_suffix (annotation);
  g_autofree char *document_id = px_annotation_dup_document_id (annotation);
  g_autofree char *label = px_annotation_dup_label (annotation);

  g_assert_cmpstr (exact, ==, "68.5 per cent");
  g_assert_cmpint (g_utf8_strlen (prefix, -1), ==, PX_ANNOTATION_CONTEXT_CHARS);
  g_assert_true (g_str_has_suffix (prefix, "Turnout was "));
  g_assert_cmpint (g_utf8_strlen (suffix, -1), ==, PX_ANNOTATION_CONTEXT_CHARS);
  g_assert_true (g_str_has_prefix (suffix, ", the electoral office"));
  g_assert_cmpstr (document_id, ==, px_document_get_id (document));
  g_assert_cmpstr (label, ==, PX_LABEL_KEY_CLAIM);
  g_assert_nonnull (px_annotation_get_id (annotation));
  g_assert_cmpint (px_annotation_get_anchor_status (annotation), ==, PX_ANCHOR_EXACT);
  g_assert_true (px_annotation_is_attached_to (annotation, document));
}

static void
test_context_at_edges (void)
{
  g_autoptr(PxDocument) document = doc_from ("Ünïcødé at the start, and at the end ✓");
  gsize length = px_document_get_length (document);
  g_autoptr(PxAnnotation) first = px_annotation_new (document, 0, strlen ("Ünïcødé"), "check");
  g_autoptr(PxAnnotation) last = px_annotation_new (document, length - strlen ("✓"), length, "check");
  g_autofree char *prefix = px_annotation_dup_prefix (first);
  g_autofree char *suffix = px_annotation_dup_suffix (last);
  g_autofree char *exact = px_annotation_dup_exact (last);

  g_assert_cmpstr (prefix, ==, "");
  g_assert_cmpstr (suffix, ==, "");
  g_assert_cmpstr (exact, ==, "✓");
}

typedef struct
{
  const char     *name;
  const char     *before;
  const char     *quote;
  guint           nth;
  const char     *after;
  PxAnchorStatus  status;
  const char     *exact_after;  /* the quote found, NULL: unchanged */
  const char     *prefix_after; /* text just before the new range, or NULL */
} Reattach;

static const Reattach reattach_cases[] = {
  { "unchanged",
    "The bridge will cost 1.2 billion euros. Work starts in 2024.",
    "1.2 billion euros", 0,
    "The bridge will cost 1.2 billion euros. Work starts in 2024.",
    PX_ANCHOR_EXACT, "1.2 billion euros", "cost " },
  { "moved by an insertion",
    "The bridge will cost 1.2 billion euros. Work starts in 2024.",
    "1.2 billion euros", 0,
    "UPDATE: a correction was added.\n\nThe bridge will cost 1.2 billion euros. Work starts in 2024.",
    PX_ANCHOR_MOVED, "1.2 billion euros", "cost " },
  { "context picks the copy",
    "Turnout was 50 per cent in the north. In the south it was 60 per cent.",
    "per cent", 1,
    "In the west, 40 per cent. Turnout was 50 per cent in the north. In the south it was 60 per cent.",
    PX_ANCHOR_MOVED, "per cent", "was 60 " },
  { "nearest of equal copies",
    "Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed.",
    "Yes, indeed.", 10,
    "No. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed. Yes, indeed.",
    PX_ANCHOR_MOVED, "Yes, indeed.", NULL },
  { "quote edited",
    "Mayor Ilse Varga said the bridge will unite two banks that have looked at each other for a hundred years.",
    "the bridge will unite two banks that have looked at each other", 0,
    "Mayor Ilse Varga said that the bridge would unite two shores that have looked at each other for a hundred years.",
    PX_ANCHOR_FUZZY, NULL, NULL },
  { "long quote edited",
    "Intro line.\n\n"
    "Opponents, led by the fishermen's cooperative of Marlow, warn that construction would disturb the spawning "
    "grounds of the lake trout and cost the region more than 300 fishing jobs; they have said they will take "
    "the decision to court, and their chairman, Jonas Feld, asked for an independent study of the spawning "
    "grounds before any work begins on either shore of the lake.\n\nOutro line.",
    "Opponents, led by the fishermen's cooperative of Marlow, warn that construction would disturb the spawning "
    "grounds of the lake trout and cost the region more than 300 fishing jobs; they have said they will take "
    "the decision to court, and their chairman, Jonas Feld, asked for an independent study of the spawning "
    "grounds before any work begins on either shore of the lake.", 0,
    "Intro line, longer now.\n\n"
    "Opponents, led by the fishermen's co-operative of Marlow, warn that building would disturb the spawning "
    "grounds of the lake trout and cost the region more than 300 jobs in fishing; they have said they will take "
    "the decision to court, and their chairman, Jonas Feld, asked for an independent study of the spawning "
    "grounds before any work begins on either shore of the lake.\n\nOutro line.",
    PX_ANCHOR_FUZZY, NULL, NULL },
  { "quote gone",
    "The bridge will cost 1.2 billion euros. Work starts in 2024.",
    "Work starts in 2024.", 0,
    "The bridge will cost 1.2 billion euros. Nobody knows when anything begins, and the weather is fine.",
    PX_ANCHOR_ORPHANED, NULL, NULL },
};

static void
test_reattach (gconstpointer data)
{
  const Reattach *c = data;
  g_autoptr(PxDocument) before = doc_from (c->before);
  g_autoptr(PxDocument) after = doc_from (c->after);
  g_autoptr(PxAnnotation) annotation = annotate (before, c->quote, c->nth);
  g_autofree char *old_exact = px_annotation_dup_exact (annotation);
  g_autofree char *exact = NULL;
  g_autofree char *document_id = NULL;
  const char *text = px_document_get_text (after, NULL);
  guint old_start = px_annotation_get_start (annotation);
  guint start, end;

  g_assert_cmpint (px_annotation_reattach (annotation, after), ==, c->status);
  g_assert_cmpint (px_annotation_get_anchor_status (annotation), ==, c->status);
  px_annotation_get_range (annotation, &start, &end);
  exact = px_annotation_dup_exact (annotation);
  document_id = px_annotation_dup_document_id (annotation);
  g_assert_cmpstr (document_id, ==, px_document_get_id (after));

  if (c->status == PX_ANCHOR_ORPHANED)
    {
      g_assert_cmpstr (exact, ==, old_exact);
      g_assert_cmpuint (start, ==, old_start);
      g_assert_false (px_annotation_is_attached_to (annotation, after));
      return;
    }

  g_assert_true (px_annotation_is_attached_to (annotation, after));
  g_assert_cmpuint (end - start, ==, strlen (exact));
  g_assert_true (strncmp (text + start, exact, end - start) == 0);
  if (c->exact_after != NULL)
    g_assert_cmpstr (exact, ==, c->exact_after);
  if (c->prefix_after != NULL)
    {
      g_assert_cmpuint (start, >=, strlen (c->prefix_after));
      g_assert_true (strncmp (text + start - strlen (c->prefix_after), c->prefix_after, strlen (c->prefix_after)) == 0);
    }
  if (g_str_equal (c->name, "nearest of equal copies"))
    /* "No. " adds four bytes: the eleventh copy is still the nearest. */
    g_assert_cmpuint (start, ==, old_start + 4);
  if (c->status == PX_ANCHOR_FUZZY)
    {
      /* The match covers the edited passage, not a fragment of it. */
      g_assert_cmpuint (strlen (exact) * 10, >=, strlen (old_exact) * 8);
      g_assert_cmpuint (strlen (exact) * 10, <=, strlen (old_exact) * 12);
    }
}

/* F6: the fuzzy search is capped to 8 KiB around the old range, every
 * search is charged to a budget of work, and a spent budget orphans the
 * annotation without a search (its range and quote kept). */
static void
test_reattach_work (void)
{
  static const char quote[] = "the bridge will unite two banks that have looked at each other";
  static const char edited[] = "the bridge would unite two shores that have looked at each other";
  static const struct {
    const char     *name;
    gsize           filler;    /* bytes inserted before the quote */
    gboolean        edit;
    guint64         work;      /* 0: PX_ANNOTATION_REATTACH_WORK */
    PxAnchorStatus  status;
    gboolean        work_spent;
  } cases[] = {
    { "edited nearby", 1000, TRUE, 0, PX_ANCHOR_FUZZY, FALSE },
    { "edited and moved far", 20000, TRUE, 0, PX_ANCHOR_ORPHANED, FALSE },
    { "moved far, unedited", 200000, FALSE, 0, PX_ANCHOR_MOVED, FALSE },
    { "no work left", 1000, FALSE, 1, PX_ANCHOR_ORPHANED, TRUE },
    { "too little work for the fuzzy search", 1000, TRUE, 2000, PX_ANCHOR_ORPHANED, TRUE },
  };
  g_autofree char *before = g_strdup_printf ("Mayor Ilse Varga said %s for a hundred years.", quote);
  g_autoptr(PxDocument) old = doc_from (before);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PxAnnotation) annotation = annotate (old, quote, 0);
      g_autoptr(GString) after = g_string_new (NULL);
      g_autoptr(PxDocument) document = NULL;
      g_autofree char *exact = NULL;
      guint64 work = cases[i].work != 0 ? cases[i].work - 1 : PX_ANNOTATION_REATTACH_WORK;
      guint start, end;

      for (gsize n = 0; n < cases[i].filler; n += 20)
        g_string_append (after, "Filler words here. ");
      g_string_append_printf (after, "Mayor Ilse Varga said %s for a hundred years.",
                              cases[i].edit ? edited : quote);
      document = doc_from (after->str);

      if (px_annotation_reattach_within (annotation, document, &work) != cases[i].status)
        g_error ("%s: status %s", cases[i].name, px_anchor_status_to_string (px_annotation_get_anchor_status (annotation)));
      g_assert_cmpint (work == 0, ==, cases[i].work_spent);
      exact = px_annotation_dup_exact (annotation);
      px_annotation_get_range (annotation, &start, &end);
      if (cases[i].status == PX_ANCHOR_ORPHANED)
        {
          /* Kept as it was, for the next attempt. */
          g_assert_cmpstr (exact, ==, quote);
          g_assert_cmpuint (start, ==, strlen ("Mayor Ilse Varga said "));
        }
      else
        g_assert_true (px_annotation_is_attached_to (annotation, document));
    }
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_setters (void)
{
  g_autoptr(PxDocument) document = doc_from ("A short text about a bridge.");
  g_autoptr(PxAnnotation) annotation = annotate (document, "bridge", 0);
  g_autofree char *label = NULL;
  g_autofree char *color = NULL;
  g_autofree char *note = NULL;
  guint count = 0;

  g_signal_connect (annotation, "notify::note", G_CALLBACK (notify_cb), &count);
  px_annotation_set_note (annotation, "Check with the \"Courier\" & <others>.");
  px_annotation_set_note (annotation, "Check with the \"Courier\" & <others>.");
  g_assert_cmpuint (count, ==, 1);
  note = px_annotation_dup_note (annotation);
  g_assert_cmpstr (note, ==, "Check with the \"Courier\" & <others>.");

  px_annotation_set_label (annotation, "Needs a source");
  px_annotation_set_color (annotation, "#A1B2C3");
  label = px_annotation_dup_label (annotation);
  color = px_annotation_dup_color (annotation);
  g_assert_cmpstr (label, ==, "Needs a source");
  g_assert_cmpstr (color, ==, "#a1b2c3");
  g_assert_false (px_label_is_builtin (label));
  g_assert_true (px_label_is_builtin (PX_LABEL_CONTRADICTION));
  g_assert_cmpstr (px_label_get_display_name (PX_LABEL_KEY_CLAIM), ==, "Key claim");
  g_assert_true (px_color_is_valid ("#00ff00"));
  g_assert_false (px_color_is_valid ("red"));
  g_assert_false (px_color_is_valid ("#00ff00;}"));
  g_assert_false (px_color_is_valid ("#0f0"));

  px_annotation_set_note (annotation, "");
  g_clear_pointer (&note, g_free);
  note = px_annotation_dup_note (annotation);
  g_assert_null (note);
  g_assert_cmpint (px_annotation_get_modified (annotation), >=, px_annotation_get_created (annotation));
}

static void
test_bad_color_refused (void)
{
  g_autoptr(PxDocument) document = doc_from ("A short text about a bridge.");
  g_autoptr(PxAnnotation) annotation = annotate (document, "bridge", 0);

  if (g_test_subprocess ())
    {
      px_annotation_set_color (annotation, "red;}</style><script>alert(1)</script>");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*px_color_is_valid*");
}

static gpointer
reader_thread (gpointer data)
{
  PxAnnotation *annotation = data;

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *note = px_annotation_dup_note (annotation);
      g_autofree char *label = px_annotation_dup_label (annotation);

      g_assert_true (note == NULL || g_str_has_prefix (note, "note "));
      g_assert_nonnull (label);
    }
  return NULL;
}

static void
test_threads (void)
{
  g_autoptr(PxDocument) document = doc_from ("A short text about a bridge.");
  g_autoptr(PxAnnotation) annotation = annotate (document, "bridge", 0);
  GThread *threads[3];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reader", reader_thread, annotation);
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *note = g_strdup_printf ("note %u", i);

      px_annotation_set_note (annotation, note);
      px_annotation_set_label (annotation, i % 2 ? PX_LABEL_CHECK : "custom label");
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/annotation/selectors", test_selectors);
  g_test_add_func ("/core/annotation/context-at-edges", test_context_at_edges);
  for (guint i = 0; i < G_N_ELEMENTS (reattach_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/annotation/reattach/%s", reattach_cases[i].name);

      g_strdelimit (path + strlen ("/core/annotation/reattach/"), " ", '-');
      g_test_add_data_func (path, &reattach_cases[i], test_reattach);
    }
  g_test_add_func ("/core/annotation/reattach-work", test_reattach_work);
  g_test_add_func ("/core/annotation/setters", test_setters);
  g_test_add_func ("/core/annotation/bad-color-refused", test_bad_color_refused);
  g_test_add_func ("/core/annotation/threads", test_threads);

  return g_test_run ();
}
