/* px-import-odt.c: OpenDocument text (.odt) → documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * office:text in order: text:h as headings, list items, paragraphs whose
 * style (followed through its parents, automatic styles first) is a
 * quotation, a title or a heading; tables cell by cell; notes after the
 * body; title, author and date from meta.xml.
 */
#define G_LOG_DOMAIN "px-import-odt"

#include "config.h"

#include <string.h>

#include <libxml/tree.h>

#include "px-error.h"
#include "px-import-office-private.h"

#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define STYLE_NS "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define META_NS "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define DC_NS "http://purl.org/dc/elements/1.1/"

#define MAX_STYLE_DEPTH 16

typedef struct
{
  PxDocumentBuilder *builder;
  GHashTable        *styles;  /* style name → its style:style element (borrowed) */
  GPtrArray         *notes;   /* text:note-body elements, in order (borrowed) */
} OdtReader;

static char *
dup_prop (const xmlNode *node,
          const char    *ns,
          const char    *attribute)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *)attribute, (const xmlChar *)ns);
  char *copy = value != NULL ? g_strdup ((const char *)value) : NULL;

  xmlFree (value);
  return copy;
}

static int
kind_for_style_name (const char *style)
{
  g_autofree char *lower = NULL;

  if (style == NULL)
    return -1;
  lower = g_ascii_strdown (style, -1);
  g_strdelimit (lower, "_-", ' ');
  if (strcmp (lower, "title") == 0 || strcmp (lower, "subtitle") == 0 || g_str_has_prefix (lower, "heading"))
    return PX_PARAGRAPH_HEADING;
  if (strcmp (lower, "quotations") == 0 || strcmp (lower, "quote") == 0 || strcmp (lower, "quotation") == 0)
    return PX_PARAGRAPH_QUOTE;
  if (g_str_has_prefix (lower, "list") && !g_str_has_prefix (lower, "list contents") &&
      !g_str_has_prefix (lower, "list heading"))
    return PX_PARAGRAPH_LIST_ITEM;
  return -1;
}

/* A paragraph style's kind: its own name or display name, then its parent's. */
static int
resolve_style (GHashTable *styles,
               const char *style_name)
{
  const char *name = style_name;

  for (guint depth = 0; name != NULL && depth < MAX_STYLE_DEPTH; depth++)
    {
      xmlNode *style = g_hash_table_lookup (styles, name);
      g_autofree char *display = NULL;
      g_autofree char *parent = NULL;
      int kind;

      if ((kind = kind_for_style_name (name)) >= 0)
        return kind;
      if (style == NULL)
        return -1;
      display = dup_prop (style, STYLE_NS, "display-name");
      if ((kind = kind_for_style_name (display)) >= 0)
        return kind;
      parent = dup_prop (style, STYLE_NS, "parent-style-name");
      /* names live in the table's nodes, so the next one outlives this loop body */
      name = NULL;
      if (parent != NULL)
        {
          gpointer key;

          if (g_hash_table_lookup_extended (styles, parent, &key, NULL))
            name = key;
          else
            return kind_for_style_name (parent);
        }
    }
  return -1;
}

static void
collect_styles (GHashTable *styles,
                xmlNode    *container,
                gboolean    replace)
{
  for (xmlNode *node = container != NULL ? container->children : NULL; node != NULL; node = node->next)
    {
      char *name;

      if (!px_office_is (node, STYLE_NS, "style"))
        continue;
      name = dup_prop (node, STYLE_NS, "name");
      if (name == NULL)
        continue;
      if (replace || !g_hash_table_contains (styles, name))
        g_hash_table_replace (styles, name, node);
      else
        g_free (name);
    }
}

/* Inline content of a text:p or text:h; notes are kept for later. */
static void
append_inline (OdtReader     *reader,
               GString       *out,
               const xmlNode *node)
{
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE && child->content != NULL)
        g_string_append (out, (const char *)child->content);
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (px_office_is (child, TEXT_NS, "s") || px_office_is (child, TEXT_NS, "tab") ||
          px_office_is (child, TEXT_NS, "line-break"))
        g_string_append_c (out, ' ');
      else if (px_office_is (child, TEXT_NS, "note"))
        {
          xmlNode *body = px_office_child (child, TEXT_NS, "note-body");

          if (body != NULL)
            g_ptr_array_add (reader->notes, body);
        }
      else if (px_office_is (child, OFFICE_NS, "annotation") || px_office_is (child, TEXT_NS, "tracked-changes") ||
               px_office_is (child, TEXT_NS, "ruby-text") ||
               child->ns == NULL || strcmp ((const char *)child->ns->href, TEXT_NS) != 0)
        continue;   /* comments; frames, shapes and other namespaces' elements */
      else
        append_inline (reader, out, child);   /* text:span, text:a, text:meta, fields … */
    }
}

static void
add_paragraph (OdtReader     *reader,
               const xmlNode *para,
               int            forced_kind)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int kind = forced_kind;

  append_inline (reader, text, para);
  if (!g_utf8_validate (text->str, text->len, NULL))
    return;
  if (px_office_is (para, TEXT_NS, "h"))
    kind = PX_PARAGRAPH_HEADING;
  else if (kind < 0)
    {
      g_autofree char *style = dup_prop (para, TEXT_NS, "style-name");

      kind = resolve_style (reader->styles, style);
    }
  px_document_builder_add_paragraph (reader->builder, text->str, text->len,
                                     kind >= 0 ? (PxParagraphKind)kind : PX_PARAGRAPH_TEXT);
}

static void
read_blocks (OdtReader     *reader,
             const xmlNode *node,
             int            forced_kind)
{
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (px_office_is (child, TEXT_NS, "p") || px_office_is (child, TEXT_NS, "h"))
        add_paragraph (reader, child, forced_kind);
      else if (px_office_is (child, TEXT_NS, "list-item") || px_office_is (child, TEXT_NS, "list-header"))
        read_blocks (reader, child, forced_kind >= 0 ? forced_kind : PX_PARAGRAPH_LIST_ITEM);
      else if (px_office_is (child, TEXT_NS, "tracked-changes") || px_office_is (child, TEXT_NS, "sequence-decls") ||
               px_office_is (child, TEXT_NS, "table-of-content") || px_office_is (child, TEXT_NS, "alphabetical-index") ||
               px_office_is (child, TEXT_NS, "illustration-index") || px_office_is (child, TEXT_NS, "bibliography") ||
               px_office_is (child, OFFICE_NS, "forms") || px_office_is (child, TEXT_NS, "variable-decls"))
        continue;
      else
        read_blocks (reader, child, forced_kind);   /* text:list, text:section, table:table, rows, cells … */
    }
}

static void
read_meta (PxDocumentBuilder *builder,
           xmlDoc            *doc)
{
  xmlNode *meta;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *created = NULL;
  g_autofree char *date = NULL;

  if (doc == NULL || (meta = px_office_child (xmlDocGetRootElement (doc), OFFICE_NS, "meta")) == NULL)
    return;
  title = px_office_dup_text (px_office_child (meta, DC_NS, "title"));
  author = px_office_dup_text (px_office_child (meta, META_NS, "initial-creator"));
  if (author == NULL)
    author = px_office_dup_text (px_office_child (meta, DC_NS, "creator"));
  created = px_office_dup_text (px_office_child (meta, META_NS, "creation-date"));
  if (created == NULL)
    created = px_office_dup_text (px_office_child (meta, DC_NS, "date"));
  date = px_office_parse_date (created);
  px_document_builder_set_meta (builder, PX_META_TITLE, title);
  px_document_builder_set_meta (builder, PX_META_BYLINE, author);
  px_document_builder_set_meta (builder, PX_META_DATE, date);
}

PxDocument *
px_import_odt (GHashTable  *parts,
               const char  *origin,
               const char  *name,
               GError     **error)
{
  g_autoptr(PxDocumentBuilder) builder = NULL;
  g_autoptr(GHashTable) styles = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) local_error = NULL;
  OdtReader reader = { 0 };
  xmlDoc *content, *common = NULL, *meta = NULL;
  xmlNode *body, *text;

  content = px_office_parse_part (parts, "content.xml", TRUE, name, error);
  if (content == NULL)
    return NULL;
  body = px_office_child (xmlDocGetRootElement (content), OFFICE_NS, "body");
  text = px_office_child (body, OFFICE_NS, "text");
  if (text == NULL)
    {
      xmlFreeDoc (content);
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "“%s” is an OpenDocument file with no text body; it was not opened", name);
      return NULL;
    }
  common = px_office_parse_part (parts, "styles.xml", FALSE, name, &local_error);
  if (local_error == NULL)
    meta = px_office_parse_part (parts, "meta.xml", FALSE, name, &local_error);
  if (local_error != NULL)
    {
      g_clear_pointer (&common, xmlFreeDoc);
      xmlFreeDoc (content);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* automatic styles (P1, P2 …) first; the named ones they derive from after */
  styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  collect_styles (styles, px_office_child (xmlDocGetRootElement (content), OFFICE_NS, "automatic-styles"), TRUE);
  if (common != NULL)
    {
      collect_styles (styles, px_office_child (xmlDocGetRootElement (common), OFFICE_NS, "styles"), FALSE);
      collect_styles (styles, px_office_child (xmlDocGetRootElement (common), OFFICE_NS, "automatic-styles"), FALSE);
    }
  collect_styles (styles, px_office_child (xmlDocGetRootElement (content), OFFICE_NS, "styles"), FALSE);

  builder = px_document_builder_new ();
  notes = g_ptr_array_new ();
  reader.builder = builder;
  reader.styles = styles;
  reader.notes = notes;
  read_blocks (&reader, text, -1);
  /* notes found while reading notes are appended and read in turn */
  for (guint i = 0; i < notes->len; i++)
    read_blocks (&reader, g_ptr_array_index (notes, i), PX_PARAGRAPH_TEXT);
  read_meta (builder, meta);

  g_clear_pointer (&styles, g_hash_table_unref);
  g_clear_pointer (&common, xmlFreeDoc);
  g_clear_pointer (&meta, xmlFreeDoc);
  xmlFreeDoc (content);

  if (px_document_builder_peek_text (builder, NULL)[0] == '\0')
    {
      g_set_error (error, PX_ERROR, PX_ERROR_EMPTY, "“%s” holds no text", name);
      return NULL;
    }
  px_document_builder_set_meta (builder, PX_META_ORIGIN, origin);
  px_document_builder_set_meta (builder, PX_META_ENCODING, "UTF-8");
  px_document_builder_set_meta (builder, PX_META_FORMAT, "odt");
  return px_document_builder_end (g_steal_pointer (&builder));
}
