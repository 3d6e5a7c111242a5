/* px-export-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-export-json"

#include "config.h"

#include "px-export-json.h"

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

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
  add_string_member (builder, "id", id);
  add_nullable_string (builder, "path", px_document_get_origin (document));
  add_nullable_string (builder, "title", px_document_get_title (document));
  add_nullable_string (builder, "byline", px_document_get_byline (document));
  add_nullable_string (builder, "date", px_document_get_date (document));
  add_nullable_string (builder, "site", px_document_get_site (document));
  add_nullable_string (builder, "url", px_document_get_url (document));
  add_nullable_string (builder, "format", px_document_get_format (document));
  add_nullable_string (builder, "encoding", px_document_get_encoding (document));
  add_int_member (builder, "words", px_document_get_n_words (document));
  add_string_member (builder, "text", px_document_get_text (document, NULL));

  json_builder_set_member_name (builder, "paragraphs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < px_document_get_n_paragraphs (document); i++)
    {
      const PxParagraph *para = px_document_get_paragraph (document, i);

      json_builder_begin_object (builder);
      add_int_member (builder, "start", para->start);
      add_int_member (builder, "end", para->end);
      add_string_member (builder, "kind", px_paragraph_kind_to_string (para->kind));
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
      add_string_member (builder, "id", seg_id);
      add_int_member (builder, "start", seg->start);
      add_int_member (builder, "end", seg->end);
      add_string_member (builder, "kind", px_segment_kind_to_string (seg->kind));
      add_int_member (builder, "paragraph", seg->paragraph);
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
  add_string_member (builder, "id", id);
  add_string_member (builder, "doc", doc_id);
  add_int_member (builder, "start", fact->start);
  add_int_member (builder, "end", fact->end);
  add_string_member (builder, "kind", px_fact_kind_to_string (fact->kind));
  add_string_member (builder, "text", fact->text);
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
  add_string_member (builder, "id", id);
  add_string_member (builder, "kind", px_fact_kind_to_string (group->kind));
  add_nullable_string (builder, "label", group->label);
  json_builder_set_member_name (builder, "facts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < group->facts->len; i++)
    {
      g_autofree char *fact_id = g_strdup_printf ("f%u", g_array_index (group->facts, guint, i) + 1);
      json_builder_add_string_value (builder, fact_id);
    }
  json_builder_end_array (builder);
  add_string_member (builder, "status", px_fact_group_status_to_string (group->status));
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
  add_string_member (builder, "a", a);
  add_string_member (builder, "b", b);
  json_builder_set_member_name (builder, "score");
  /* Three decimals keep the output stable and readable. */
  json_builder_add_double_value (builder, (double)(gint64)(link->score * 1000.0 + 0.5) / 1000.0);
  add_string_member (builder, "relation", px_relation_to_string (link->relation));
  json_builder_set_member_name (builder, "diff");
  json_builder_begin_array (builder);
  for (guint i = 0; link->diff != NULL && i < link->diff->len; i++)
    {
      const PxDiffChunk *chunk = &g_array_index (link->diff, PxDiffChunk, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "op", px_diff_op_to_string (chunk->op));
      add_int_member (builder, "a_start", chunk->a_start);
      add_int_member (builder, "a_end", chunk->a_end);
      add_int_member (builder, "b_start", chunk->b_start);
      add_int_member (builder, "b_end", chunk->b_end);
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
  add_string_member (builder, "id", id);
  json_builder_set_member_name (builder, "segments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < claim->segments->len; i++)
    {
      const PxSegmentRef *ref = &g_array_index (claim->segments, PxSegmentRef, i);
      g_autofree char *seg_id = px_comparison_dup_segment_id (comparison, ref->doc, ref->segment);

      json_builder_add_string_value (builder, seg_id);
    }
  json_builder_end_array (builder);
  add_int_member (builder, "sources", claim->n_sources);
  add_string_member (builder, "status", px_claim_status_to_string (claim->status));
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

  add_int_member (builder, "version", PX_JSON_FORMAT_VERSION);
  add_string_member (builder, "generator", "Parallax " PACKAGE_VERSION);

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
  add_int_member (builder, "version", PX_JSON_FORMAT_VERSION);
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
