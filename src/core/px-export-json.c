/* px-export-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-export-json"

#include "config.h"

#include "px-export-json.h"

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_document (JsonBuilder *builder,
              PxDocument  *document,
              guint        index)
{
  g_autofree char *id = g_strdup_printf ("d%u", index + 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  add_nullable_string (builder, "path", px_document_get_origin (document));
  add_nullable_string (builder, "title", px_document_get_title (document));
  add_nullable_string (builder, "byline", px_document_get_byline (document));
  add_nullable_string (builder, "date", px_document_get_date (document));
  add_nullable_string (builder, "site", px_document_get_site (document));
  add_nullable_string (builder, "url", px_document_get_url (document));
  add_nullable_string (builder, "format", px_document_get_format (document));
  add_nullable_string (builder, "encoding", px_document_get_encoding (document));
  json_builder_set_member_name (builder, "words");
  json_builder_add_int_value (builder, px_document_get_n_words (document));
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, px_document_get_text (document, NULL));

  json_builder_set_member_name (builder, "paragraphs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < px_document_get_n_paragraphs (document); i++)
    {
      const PxParagraph *para = px_document_get_paragraph (document, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, para->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, para->end);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, px_paragraph_kind_to_string (para->kind));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "segments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < px_document_get_n_segments (document); i++)
    {
      const PxSegment *seg = px_document_get_segment (document, i);
      g_autofree char *seg_id = g_strdup_printf ("d%us%u", index + 1, i + 1);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, seg_id);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, seg->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, seg->end);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, px_segment_kind_to_string (seg->kind));
      json_builder_set_member_name (builder, "paragraph");
      json_builder_add_int_value (builder, seg->paragraph);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

static void
add_fact (JsonBuilder  *builder,
          PxComparison *comparison,
          guint         index,
          const PxFact *fact)
{
  g_autofree char *id = g_strdup_printf ("f%u", index + 1);
  g_autofree char *doc_id = px_comparison_dup_document_id (comparison, fact->doc);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "doc");
  json_builder_add_string_value (builder, doc_id);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, fact->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, fact->end);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, px_fact_kind_to_string (fact->kind));
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, fact->text);
  json_builder_set_member_name (builder, "value");
  json_builder_add_value (builder, px_fact_value_to_json (fact));
  json_builder_end_object (builder);
}

static void
add_fact_group (JsonBuilder       *builder,
                guint              index,
                const PxFactGroup *group)
{
  g_autofree char *id = g_strdup_printf ("g%u", index + 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, px_fact_kind_to_string (group->kind));
  add_nullable_string (builder, "label", group->label);
  json_builder_set_member_name (builder, "facts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < group->facts->len; i++)
    {
      g_autofree char *fact_id = g_strdup_printf ("f%u", g_array_index (group->facts, guint, i) + 1);
      json_builder_add_string_value (builder, fact_id);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, px_fact_group_status_to_string (group->status));
  json_builder_end_object (builder);
}

static void
add_link (JsonBuilder  *builder,
          PxComparison *comparison,
          const PxLink *link)
{
  g_autofree char *a = px_comparison_dup_segment_id (comparison, link->a.doc, link->a.segment);
  g_autofree char *b = px_comparison_dup_segment_id (comparison, link->b.doc, link->b.segment);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "a");
  json_builder_add_string_value (builder, a);
  json_builder_set_member_name (builder, "b");
  json_builder_add_string_value (builder, b);
  json_builder_set_member_name (builder, "score");
  /* Three decimals keep the output stable and readable. */
  json_builder_add_double_value (builder, (double)(gint64)(link->score * 1000.0 + 0.5) / 1000.0);
  json_builder_set_member_name (builder, "relation");
  json_builder_add_string_value (builder, px_relation_to_string (link->relation));
  json_builder_set_member_name (builder, "diff");
  json_builder_begin_array (builder);
  for (guint i = 0; link->diff != NULL && i < link->diff->len; i++)
    {
      const PxDiffChunk *chunk = &g_array_index (link->diff, PxDiffChunk, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "op");
      json_builder_add_string_value (builder, px_diff_op_to_string (chunk->op));
      json_builder_set_member_name (builder, "a_start");
      json_builder_add_int_value (builder, chunk->a_start);
      json_builder_set_member_name (builder, "a_end");
      json_builder_add_int_value (builder, chunk->a_end);
      json_builder_set_member_name (builder, "b_start");
      json_builder_add_int_value (builder, chunk->b_start);
      json_builder_set_member_name (builder, "b_end");
      json_builder_add_int_value (builder, chunk->b_end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_claim (JsonBuilder   *builder,
           PxComparison  *comparison,
           guint          index,
           const PxClaim *claim)
{
  g_autofree char *id = g_strdup_printf ("c%u", index + 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "segments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < claim->segments->len; i++)
    {
      const PxSegmentRef *ref = &g_array_index (claim->segments, PxSegmentRef, i);
      g_autofree char *seg_id = px_comparison_dup_segment_id (comparison, ref->doc, ref->segment);

      json_builder_add_string_value (builder, seg_id);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "sources");
  json_builder_add_int_value (builder, claim->n_sources);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, px_claim_status_to_string (claim->status));
  json_builder_end_object (builder);
}

JsonNode *
px_export_json_node (PxComparison *comparison)
{
  g_autoptr(JsonBuilder) builder = NULL;
  GPtrArray *items;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, PX_JSON_FORMAT_VERSION);
  json_builder_set_member_name (builder, "generator");
  json_builder_add_string_value (builder, "Parallax " PACKAGE_VERSION);

  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < px_comparison_get_n_documents (comparison); i++)
    add_document (builder, px_comparison_get_document (comparison, i), i);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "facts");
  json_builder_begin_array (builder);
  items = px_comparison_get_facts (comparison);
  for (guint i = 0; i < items->len; i++)
    add_fact (builder, comparison, i, g_ptr_array_index (items, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "fact_groups");
  json_builder_begin_array (builder);
  items = px_comparison_get_fact_groups (comparison);
  for (guint i = 0; i < items->len; i++)
    add_fact_group (builder, i, g_ptr_array_index (items, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  items = px_comparison_get_links (comparison);
  for (guint i = 0; i < items->len; i++)
    add_link (builder, comparison, g_ptr_array_index (items, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  items = px_comparison_get_claims (comparison);
  for (guint i = 0; i < items->len; i++)
    add_claim (builder, comparison, i, g_ptr_array_index (items, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * px_export_json_documents_node:
 *
 * The documents alone (text, paragraphs, segments), in the same format as
 * the "documents" member of a comparison, under {"version","documents"}.
 */
JsonNode *
px_export_json_documents_node (GPtrArray *documents)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (documents != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, PX_JSON_FORMAT_VERSION);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < documents->len; i++)
    add_document (builder, g_ptr_array_index (documents, i), i);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
px_export_json_to_string (JsonNode *root,
                          gboolean  pretty,
                          gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_return_val_if_fail (root != NULL, NULL);

  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 1);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, length);
}

char *
px_export_json_string (PxComparison *comparison,
                       gboolean      pretty,
                       gsize        *length)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);

  root = px_export_json_node (comparison);
  return px_export_json_to_string (root, pretty, length);
}
