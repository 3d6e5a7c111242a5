/* px-export-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-export-json"

#include "config.h"

#include "px-export-json.h"
#include "px-json-writer.h"

static void
add_int_member (PxJsonWriter *w,
                const char  *name,
                gint64       value)
{
  px_json_writer_member (w, name);
  px_json_writer_int (w, value);
}

static void
add_string_member (PxJsonWriter *w,
                   const char  *name,
                   const char  *value)
{
  px_json_writer_member (w, name);
  px_json_writer_string (w, value);
}

static void
add_nullable_string (PxJsonWriter *w,
                     const char  *name,
                     const char  *value)
{
  px_json_writer_member (w, name);
  if (value != NULL)
    px_json_writer_string (w, value);
  else
    px_json_writer_null (w);
}

/* Ids as px_comparison_dup_segment_id() and friends write them: "d3",
 * "d3s14", "f7", written here without an allocation each. */
static void
add_id_member (PxJsonWriter *w,
               const char   *name,
               char          prefix,
               guint         number,
               char          infix,
               guint         second)
{
  px_json_writer_member (w, name);
  px_json_writer_id (w, prefix, number, infix, second);
}

static void
add_document (PxJsonWriter *w,
              PxDocument  *document,
              guint        index)
{
  px_json_writer_begin_object (w);
  add_id_member (w, "id", 'd', index + 1, 0, 0);
  add_nullable_string (w, "path", px_document_get_origin (document));
  add_nullable_string (w, "title", px_document_get_title (document));
  add_nullable_string (w, "byline", px_document_get_byline (document));
  add_nullable_string (w, "date", px_document_get_date (document));
  add_nullable_string (w, "site", px_document_get_site (document));
  add_nullable_string (w, "url", px_document_get_url (document));
  add_nullable_string (w, "origin_url", px_document_get_origin_url (document));
  add_nullable_string (w, "dateline", px_document_get_dateline (document));
  add_nullable_string (w, "format", px_document_get_format (document));
  add_nullable_string (w, "encoding", px_document_get_encoding (document));
  px_json_writer_member (w, "warnings");
  px_json_writer_begin_array (w);
  for (const char * const *warning = px_document_get_warnings (document); *warning != NULL; warning++)
    px_json_writer_string (w, *warning);
  px_json_writer_end_array (w);
  add_int_member (w, "words", px_document_get_n_words (document));
  add_string_member (w, "text", px_document_get_text (document, NULL));

  px_json_writer_member (w, "paragraphs");
  px_json_writer_begin_array (w);
  for (guint i = 0; i < px_document_get_n_paragraphs (document); i++)
    {
      const PxParagraph *para = px_document_get_paragraph (document, i);

      px_json_writer_begin_object (w);
      add_int_member (w, "start", para->start);
      add_int_member (w, "end", para->end);
      add_string_member (w, "kind", px_paragraph_kind_to_string (para->kind));
      px_json_writer_end_object (w);
    }
  px_json_writer_end_array (w);

  px_json_writer_member (w, "segments");
  px_json_writer_begin_array (w);
  for (guint i = 0, paragraph = 0; i < px_document_get_n_segments (document); i++)
    {
      const PxSegment *seg = px_document_get_segment (document, i);
      const PxParagraph *para;

      /* (segments come in paragraph order) */
      while (para = px_document_get_paragraph (document, paragraph), i >= para->first_segment + para->n_segments)
        paragraph++;
      px_json_writer_begin_object (w);
      add_id_member (w, "id", 'd', index + 1, 's', i + 1);
      add_int_member (w, "start", seg->start);
      add_int_member (w, "end", seg->end);
      add_string_member (w, "kind", px_segment_kind_to_string (seg->kind));
      add_int_member (w, "paragraph", paragraph);
      px_json_writer_end_object (w);
    }
  px_json_writer_end_array (w);

  px_json_writer_end_object (w);
}

static void
add_fact (PxJsonWriter *w,
          guint         index,
          const PxFact *fact)
{
  px_json_writer_begin_object (w);
  add_id_member (w, "id", 'f', index + 1, 0, 0);
  add_id_member (w, "doc", 'd', fact->doc + 1, 0, 0);
  add_int_member (w, "start", fact->start);
  add_int_member (w, "end", fact->end);
  add_string_member (w, "kind", px_fact_kind_to_string (fact->kind));
  add_string_member (w, "text", fact->text);
  px_json_writer_member (w, "value");
  px_fact_write_json_value (fact, w);
  px_json_writer_end_object (w);
}

static void
add_fact_group (PxJsonWriter      *w,
                guint              index,
                const PxFactGroup *group,
                GPtrArray         *facts)
{
  px_json_writer_begin_object (w);
  add_id_member (w, "id", 'g', index + 1, 0, 0);
  add_string_member (w, "kind", px_fact_kind_to_string (group->kind));
  add_nullable_string (w, "label", group->label);
  add_nullable_string (w, "subject", group->subject);
  add_nullable_string (w, "measure", group->measure);
  px_json_writer_member (w, "facts");
  px_json_writer_begin_array (w);
  for (guint i = 0; i < group->facts->len; i++)
    px_json_writer_id (w, 'f', g_array_index (group->facts, guint, i) + 1, 0, 0);
  px_json_writer_end_array (w);
  /* which source gives which value, as written */
  px_json_writer_member (w, "members");
  px_json_writer_begin_array (w);
  for (guint i = 0; i < group->facts->len; i++)
    {
      guint f = g_array_index (group->facts, guint, i);
      const PxFact *fact = g_ptr_array_index (facts, f);
      g_autofree char *formatted = px_fact_format_value (fact);

      px_json_writer_begin_object (w);
      add_id_member (w, "fact", 'f', f + 1, 0, 0);
      add_id_member (w, "doc", 'd', fact->doc + 1, 0, 0);
      add_string_member (w, "value", fact->text);
      add_string_member (w, "normalized", formatted);
      add_string_member (w, "when", fact->when);
      px_json_writer_end_object (w);
    }
  px_json_writer_end_array (w);
  add_string_member (w, "status", px_fact_group_status_to_string (group->status));
  px_json_writer_end_object (w);
}

static void
add_link (PxJsonWriter *w,
          const PxLink *link)
{
  px_json_writer_begin_object (w);
  add_id_member (w, "a", 'd', link->a.doc + 1, 's', link->a.segment + 1);
  add_id_member (w, "b", 'd', link->b.doc + 1, 's', link->b.segment + 1);
  px_json_writer_member (w, "score");
  /* Three decimals keep the output stable and readable. */
  px_json_writer_thousandths (w, link->score);
  add_string_member (w, "relation", px_relation_to_string (link->relation));
  /* the part of each segment that states the shared claim */
  add_int_member (w, "a_start", link->a_start);
  add_int_member (w, "a_end", link->a_end);
  add_int_member (w, "b_start", link->b_start);
  add_int_member (w, "b_end", link->b_end);
  px_json_writer_member (w, "diff");
  px_json_writer_begin_array (w);
  for (guint i = 0; link->diff != NULL && i < link->diff->len; i++)
    {
      const PxDiffChunk *chunk = &g_array_index (link->diff, PxDiffChunk, i);

      px_json_writer_begin_object (w);
      add_string_member (w, "op", px_diff_op_to_string (chunk->op));
      add_int_member (w, "a_start", chunk->a_start);
      add_int_member (w, "a_end", chunk->a_end);
      add_int_member (w, "b_start", chunk->b_start);
      add_int_member (w, "b_end", chunk->b_end);
      px_json_writer_end_object (w);
    }
  px_json_writer_end_array (w);
  px_json_writer_end_object (w);
}

static void
add_claim (PxJsonWriter  *w,
           guint          index,
           const PxClaim *claim)
{
  px_json_writer_begin_object (w);
  add_id_member (w, "id", 'c', index + 1, 0, 0);
  px_json_writer_member (w, "segments");
  px_json_writer_begin_array (w);
  for (guint i = 0; i < claim->segments->len; i++)
    {
      const PxSegmentRef *ref = &g_array_index (claim->segments, PxSegmentRef, i);

      px_json_writer_id (w, 'd', ref->doc + 1, 's', ref->segment + 1);
    }
  px_json_writer_end_array (w);
  add_int_member (w, "sources", claim->n_sources);
  add_string_member (w, "status", px_claim_status_to_string (claim->status));
  px_json_writer_end_object (w);
}

static void
add_documents (PxJsonWriter *w,
               GPtrArray    *documents)
{
  px_json_writer_member (w, "documents");
  px_json_writer_begin_array (w);
  for (guint i = 0; i < documents->len; i++)
    add_document (w, g_ptr_array_index (documents, i), i);
  px_json_writer_end_array (w);
}

/**
 * px_export_json_string:
 *
 * The whole comparison as JSON (docs/json-format.md), written straight
 * into the string: comparisons of many sources hold hundreds of thousands
 * of diff chunks.
 */
char *
px_export_json_string (PxComparison *comparison,
                       gboolean      pretty,
                       gsize        *length)
{
  g_autoptr(GPtrArray) documents = NULL;
  PxJsonWriter writer, *w = &writer;
  GPtrArray *items;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);

  documents = g_ptr_array_new ();
  for (guint i = 0; i < px_comparison_get_n_documents (comparison); i++)
    g_ptr_array_add (documents, px_comparison_get_document (comparison, i));

  px_json_writer_init (w, pretty);
  px_json_writer_begin_object (w);
  add_int_member (w, "version", PX_JSON_FORMAT_VERSION);
  add_string_member (w, "generator", "Parallax " PACKAGE_VERSION);
  add_documents (w, documents);

  px_json_writer_member (w, "facts");
  px_json_writer_begin_array (w);
  items = px_comparison_get_facts (comparison);
  for (guint i = 0; i < items->len; i++)
    add_fact (w, i, g_ptr_array_index (items, i));
  px_json_writer_end_array (w);

  px_json_writer_member (w, "fact_groups");
  px_json_writer_begin_array (w);
  items = px_comparison_get_fact_groups (comparison);
  for (guint i = 0; i < items->len; i++)
    add_fact_group (w, i, g_ptr_array_index (items, i), px_comparison_get_facts (comparison));
  px_json_writer_end_array (w);

  px_json_writer_member (w, "links");
  px_json_writer_begin_array (w);
  items = px_comparison_get_links (comparison);
  for (guint i = 0; i < items->len; i++)
    add_link (w, g_ptr_array_index (items, i));
  px_json_writer_end_array (w);

  px_json_writer_member (w, "claims");
  px_json_writer_begin_array (w);
  items = px_comparison_get_claims (comparison);
  for (guint i = 0; i < items->len; i++)
    add_claim (w, i, g_ptr_array_index (items, i));
  px_json_writer_end_array (w);

  px_json_writer_end_object (w);
  return px_json_writer_finish (w, length);
}

/**
 * px_export_json_documents_string:
 *
 * The documents alone (text, paragraphs, segments), in the same format as
 * the "documents" member of a comparison, under {"version","documents"}.
 */
char *
px_export_json_documents_string (GPtrArray *documents,
                                 gboolean   pretty,
                                 gsize     *length)
{
  PxJsonWriter writer, *w = &writer;

  g_return_val_if_fail (documents != NULL, NULL);

  px_json_writer_init (w, pretty);
  px_json_writer_begin_object (w);
  add_int_member (w, "version", PX_JSON_FORMAT_VERSION);
  add_documents (w, documents);
  px_json_writer_end_object (w);
  return px_json_writer_finish (w, length);
}
