/* test-document.c: the document builder and accessors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "px-document-private.h"

static void
test_structured_paragraphs (void)
{
  g_autoptr(PxDocumentBuilder) builder = px_document_builder_new ();
  g_autoptr(PxDocument) document = NULL;
  const PxParagraph *para;
  const char *text;
  gsize length;

  px_document_builder_set_meta (builder, PX_META_TITLE, "  A title \n");
  px_document_builder_set_meta (builder, PX_META_FORMAT, "html");
  px_document_builder_add_paragraph (builder, "Heading", -1, PX_PARAGRAPH_HEADING);
  px_document_builder_add_paragraph (builder, "  \n\t ", -1, PX_PARAGRAPH_TEXT);
  px_document_builder_add_paragraph (builder, "First\u00a0 line\n  goes on. Second one.", -1, PX_PARAGRAPH_TEXT);
  document = px_document_builder_end (g_steal_pointer (&builder));

  text = px_document_get_text (document, &length);
  g_assert_cmpstr (text, ==, "Heading\n\nFirst line goes on. Second one.");
  g_assert_cmpuint (length, ==, strlen (text));
  g_assert_cmpstr (px_document_get_title (document), ==, "A title");
  g_assert_cmpstr (px_document_get_format (document), ==, "html");
  g_assert_null (px_document_get_byline (document));

  /* The empty block is dropped with its separator. */
  g_assert_cmpuint (px_document_get_n_paragraphs (document), ==, 2);
  para = px_document_get_paragraph (document, 0);
  g_assert_cmpint (para->kind, ==, PX_PARAGRAPH_HEADING);
  g_assert_cmpuint (para->start, ==, 0);
  g_assert_cmpuint (para->end, ==, 7);
  para = px_document_get_paragraph (document, 1);
  g_assert_cmpuint (para->start, ==, 9);
  g_assert_cmpuint (para->end, ==, length);
}

static void
test_segments_cover_paragraphs (void)
{
  g_autoptr(PxDocumentBuilder) builder = px_document_builder_new ();
  g_autoptr(PxDocument) document = NULL;
  const char *input = "Title line\n\nOne sentence here. Another one follows.\n\nLast paragraph.";

  px_document_builder_set_plain_text (builder, input, strlen (input));
  document = px_document_builder_end (g_steal_pointer (&builder));

  g_assert_cmpuint (px_document_get_n_segments (document), >, 0);
  for (guint i = 0; i < px_document_get_n_segments (document); i++)
    {
      const PxSegment *seg = px_document_get_segment (document, i);
      const PxParagraph *para = px_document_get_paragraph (document, px_document_get_segment_paragraph (document, i));
      guint n_tokens = 0;
      const PxToken *tokens = px_document_get_segment_tokens (document, i, &n_tokens);

      g_assert_cmpuint (seg->start, <, seg->end);
      g_assert_cmpuint (seg->start, >=, para->start);
      g_assert_cmpuint (seg->end, <=, para->end);
      g_assert_cmpuint (n_tokens, ==, seg->n_tokens);
      for (guint t = 0; t < n_tokens; t++)
        {
          g_assert_cmpuint (tokens[t].start, >=, seg->start);
          g_assert_cmpuint (tokens[t].end, <=, seg->end);
          g_assert_nonnull (tokens[t].form->norm);
          g_assert_nonnull (tokens[t].form->stem);
        }
      /* Every offset inside a segment finds that segment. */
      g_assert_cmpuint (px_document_find_segment (document, seg->start), ==, i);
      g_assert_cmpuint (px_document_find_segment (document, seg->end - 1), ==, i);
    }
  g_assert_cmpuint (px_document_find_segment (document, strlen (input)), ==, G_MAXUINT);
  g_assert_cmpuint (px_document_get_n_words (document), >=, 10);
}

static void
test_id_is_content_hash (void)
{
  const char *input = "Same text. Same id.";
  g_autoptr(PxDocumentBuilder) b1 = px_document_builder_new ();
  g_autoptr(PxDocumentBuilder) b2 = px_document_builder_new ();
  g_autoptr(PxDocumentBuilder) b3 = px_document_builder_new ();
  g_autoptr(PxDocument) d1 = NULL;
  g_autoptr(PxDocument) d2 = NULL;
  g_autoptr(PxDocument) d3 = NULL;

  px_document_builder_set_plain_text (b1, input, strlen (input));
  px_document_builder_set_meta (b2, PX_META_ORIGIN, "/elsewhere.txt");
  px_document_builder_set_plain_text (b2, input, strlen (input));
  px_document_builder_set_plain_text (b3, "Other text.", 11);
  d1 = px_document_builder_end (g_steal_pointer (&b1));
  d2 = px_document_builder_end (g_steal_pointer (&b2));
  d3 = px_document_builder_end (g_steal_pointer (&b3));

  g_assert_cmpuint (strlen (px_document_get_id (d1)), ==, 16);
  g_assert_cmpstr (px_document_get_id (d1), ==, px_document_get_id (d2));
  g_assert_cmpstr (px_document_get_id (d1), !=, px_document_get_id (d3));
}

static void
test_kind_names (void)
{
  PxSegmentKind kind;

  for (guint i = PX_SEGMENT_SENTENCE; i <= PX_SEGMENT_BOILERPLATE; i++)
    {
      g_assert_true (px_segment_kind_from_string (px_segment_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_false (px_segment_kind_from_string ("nonsense", &kind));
  g_assert_cmpstr (px_paragraph_kind_to_string (PX_PARAGRAPH_LIST_ITEM), ==, "list-item");
}

/* Metadata lines of the text fill what the importer did not set; what it
 * set wins. */
typedef struct
{
  const char *name;
  const char *date_set;       /* by the importer, or NULL */
  const char *date;
  const char *origin_url;
  const char *dateline;
} TextMetaCase;

static const TextMetaCase text_meta_cases[] = {
  { "from-the-text", NULL, "2022-11-21", "https://example.org/a", "ASTANA" },
  { "importer-wins", "2020-01-02", "2020-01-02", "https://example.org/a", "ASTANA" },
};

static void
test_text_meta (gconstpointer data)
{
  const TextMetaCase *tc = data;
  const char *input = "source: https://example.org/a\n date 2022-11-21 World\n\n"
                      "ASTANA (Wire) - The election commission said turnout was 69 percent on Sunday.";
  g_autoptr(PxDocumentBuilder) builder = px_document_builder_new ();
  g_autoptr(PxDocument) document = NULL;
  guint n_sentences = 0;

  px_document_builder_set_meta (builder, PX_META_DATE, tc->date_set);
  px_document_builder_set_plain_text (builder, input, strlen (input));
  document = px_document_builder_end (g_steal_pointer (&builder));

  g_assert_cmpstr (px_document_get_date (document), ==, tc->date);
  g_assert_cmpstr (px_document_get_origin_url (document), ==, tc->origin_url);
  g_assert_cmpstr (px_document_get_dateline (document), ==, tc->dateline);
  /* Neither metadata line is a sentence. */
  for (guint i = 0; i < px_document_get_n_segments (document); i++)
    if (px_document_get_segment (document, i)->kind == PX_SEGMENT_SENTENCE)
      {
        g_autofree char *sentence = px_document_dup_slice (document, px_document_get_segment (document, i)->start,
                                                           px_document_get_segment (document, i)->end);

        g_assert_true (g_str_has_prefix (sentence, "The election commission"));
        n_sentences++;
      }
  g_assert_cmpuint (n_sentences, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/document/structured-paragraphs", test_structured_paragraphs);
  g_test_add_func ("/core/document/segments-cover-paragraphs", test_segments_cover_paragraphs);
  g_test_add_func ("/core/document/id-is-content-hash", test_id_is_content_hash);
  g_test_add_func ("/core/document/kind-names", test_kind_names);
  for (guint i = 0; i < G_N_ELEMENTS (text_meta_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/document/text-meta/%s", text_meta_cases[i].name);
      g_test_add_data_func (path, &text_meta_cases[i], test_text_meta);
    }

  return g_test_run ();
}
