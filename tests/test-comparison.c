/* test-comparison.c: computing a comparison in a worker, progress, cancellation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "parallax-core.h"

typedef struct
{
  GMainLoop    *loop;
  PxComparison *comparison;
  GError       *error;
  GThread      *main_thread;
  double        last_fraction;
  guint         n_progress;
  gboolean      progress_destroyed;
} AsyncState;

static PxDocument *
document_from_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  PxDocument *document = px_import_text (text, strlen (text), "test.txt", &error);

  g_assert_no_error (error);
  return document;
}

static GPtrArray *
make_documents (void)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (documents, document_from_text (
    "The council approved the new budget on Monday. Spending on schools will rise by 4 per cent."));
  g_ptr_array_add (documents, document_from_text (
    "On Monday the council approved a new budget. School spending is to rise by 4 percent."));
  g_ptr_array_add (documents, document_from_text (
    "A storm closed the harbour for two days."));
  return documents;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  AsyncState *state = user_data;

  /* Progress arrives on the caller's main context, in order. */
  g_assert_true (g_thread_self () == state->main_thread);
  g_assert_cmpfloat (fraction, >=, state->last_fraction);
  g_assert_cmpfloat (fraction, <=, 1.0);
  state->last_fraction = fraction;
  state->n_progress++;
}

static void
progress_destroy_cb (gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->main_thread);
  state->progress_destroyed = TRUE;
}

static void
compared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncState *state = user_data;

  state->comparison = px_comparison_new_finish (result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async (void)
{
  g_autoptr(GPtrArray) documents = make_documents ();
  AsyncState state = { 0 };

  state.loop = g_main_loop_new (NULL, FALSE);
  state.main_thread = g_thread_self ();
  px_comparison_new_async (documents, NULL, progress_cb, &state, progress_destroy_cb,
                           compared_cb, &state);
  g_main_loop_run (state.loop);

  g_assert_no_error (state.error);
  g_assert_true (PX_IS_COMPARISON (state.comparison));
  g_assert_cmpuint (px_comparison_get_n_documents (state.comparison), ==, 3);
  g_assert_true (px_comparison_get_document (state.comparison, 1) == g_ptr_array_index (documents, 1));

  /* The worker may still hold the task for a moment: wait until the
   * destroy notify has run, on this thread. */
  while (!state.progress_destroyed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (state.n_progress, >, 0);
  g_assert_cmpfloat (state.last_fraction, ==, 1.0);
  g_assert_true (state.progress_destroyed);

  /* Every content segment belongs to exactly one claim. */
  for (guint d = 0; d < documents->len; d++)
    {
      PxDocument *document = g_ptr_array_index (documents, d);

      for (guint s = 0; s < px_document_get_n_segments (document); s++)
        {
          const PxSegment *seg = px_document_get_segment (document, s);
          int claim = px_comparison_get_claim_for_segment (state.comparison, d, s);

          if (seg->kind == PX_SEGMENT_BOILERPLATE)
            g_assert_cmpint (claim, ==, -1);
          else
            g_assert_cmpint (claim, >=, 0);
        }
    }

  g_clear_object (&state.comparison);
  g_main_loop_unref (state.loop);
}

static void
test_cancelled (void)
{
  g_autoptr(GPtrArray) documents = make_documents ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(PxComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  AsyncState state = { 0 };

  g_cancellable_cancel (cancellable);
  comparison = px_comparison_new (documents, cancellable, NULL, NULL, &error);
  g_assert_null (comparison);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  state.loop = g_main_loop_new (NULL, FALSE);
  state.main_thread = g_thread_self ();
  px_comparison_new_async (documents, cancellable, NULL, NULL, NULL, compared_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_null (state.comparison);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&state.error);
  g_main_loop_unref (state.loop);
}

static void
test_single_document (void)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PxComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *claims;

  g_ptr_array_add (documents, document_from_text ("Only one source. It says two things."));
  comparison = px_comparison_new (documents, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (px_comparison_get_links (comparison)->len, ==, 0);

  claims = px_comparison_get_claims (comparison);
  g_assert_cmpuint (claims->len, >, 0);
  for (guint i = 0; i < claims->len; i++)
    {
      const PxClaim *claim = g_ptr_array_index (claims, i);

      g_assert_cmpint (claim->status, ==, PX_CLAIM_UNIQUE);
      g_assert_cmpuint (claim->n_sources, ==, 1);
    }
}

/* Of a long sentence that bundles claims, the part another source states
 * is what states the shared claim; a sentence stated whole has no parts. */
static void
test_claim_parts (void)
{
  const char *long_text =
    "The harbour bridge will close for repairs in March, the city council said on Tuesday, after engineers "
    "found cracks in two of its pillars during a routine inspection of the whole structure last autumn, and "
    "the ferry across the harbour will run every twenty minutes instead of every hour while it is shut.";
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PxComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  const char *ferry = strstr (long_text, "and the ferry");
  GArray *parts;
  const PxByteRange *r;

  g_ptr_array_add (documents, document_from_text (long_text));
  g_ptr_array_add (documents, document_from_text (
    "While the bridge is shut, the harbour ferry will run every twenty minutes instead of every hour."));
  comparison = px_comparison_new (documents, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  parts = px_comparison_get_claim_parts (comparison, 0, 0);
  g_assert_nonnull (parts);
  g_assert_cmpuint (parts->len, ==, 1);
  r = &g_array_index (parts, PxByteRange, 0);
  g_assert_cmpuint (r->start, ==, ferry - long_text);
  g_assert_cmpuint (r->end, ==, strlen (long_text));
  g_assert_null (px_comparison_get_claim_parts (comparison, 1, 0));
}

/* Each document's links are every link that touches it, in the order of
 * all links; a segment's links are those of its document that touch it. */
static void
test_document_links (void)
{
  g_autoptr(GPtrArray) documents = make_documents ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxComparison) comparison = px_comparison_new (documents, NULL, NULL, NULL, &error);
  GPtrArray *links;
  guint total = 0;

  g_assert_no_error (error);
  links = px_comparison_get_links (comparison);
  g_assert_cmpuint (links->len, >, 0);
  for (guint d = 0; d < documents->len; d++)
    {
      GPtrArray *own = px_comparison_get_document_links (comparison, d);
      guint k = 0;

      for (guint i = 0; i < links->len; i++)
        {
          PxLink *link = g_ptr_array_index (links, i);

          if (link->a.doc != d && link->b.doc != d)
            continue;
          g_assert_cmpuint (k, <, own->len);
          g_assert_true (g_ptr_array_index (own, k) == link);
          k++;
        }
      g_assert_cmpuint (k, ==, own->len);
      total += own->len;

      for (guint s = 0; s < px_document_get_n_segments (g_ptr_array_index (documents, d)); s++)
        {
          g_autoptr(GPtrArray) of_segment = px_comparison_get_links_for_segment (comparison, d, s);
          guint expected = 0;

          for (guint i = 0; i < links->len; i++)
            {
              PxLink *link = g_ptr_array_index (links, i);

              expected += (link->a.doc == d && link->a.segment == s) || (link->b.doc == d && link->b.segment == s);
            }
          g_assert_cmpuint (of_segment->len, ==, expected);
        }
    }
  /* the storm report links to nothing; a link is in the lists of the
   * documents it joins, once each */
  g_assert_cmpuint (px_comparison_get_document_links (comparison, 2)->len, ==, 0);
  for (guint i = 0; i < links->len; i++)
    {
      PxLink *link = g_ptr_array_index (links, i);

      total -= link->a.doc == link->b.doc ? 1 : 2;
    }
  g_assert_cmpuint (total, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/comparison/async", test_async);
  g_test_add_func ("/core/comparison/cancelled", test_cancelled);
  g_test_add_func ("/core/comparison/single-document", test_single_document);
  g_test_add_func ("/core/comparison/claim-parts", test_claim_parts);
  g_test_add_func ("/core/comparison/document-links", test_document_links);

  return g_test_run ();
}
