/* px-import-docx.c: Word documents (.docx, Office Open XML) → documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The body's paragraphs in order (tables cell by cell, content controls
 * opened), each given a kind by its style: the style's name in
 * word/styles.xml (followed through basedOn), its outline level, or a
 * numbering; then footnotes and endnotes; title, author and dates from
 * docProps/core.xml.
 */
#define G_LOG_DOMAIN "px-import-docx"

#include "config.h"

#include <string.h>

#include <libxml/tree.h>

#include "px-error.h"
#include "px-import-office-private.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_STRICT_NS "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define DC_NS "http://purl.org/dc/elements/1.1/"
#define DCTERMS_NS "http://purl.org/dc/terms/"

/* basedOn chains longer than this are a loop. */
#define MAX_STYLE_DEPTH 16

typedef struct
{
  PxDocumentBuilder *builder;
  GHashTable        *style_kinds;  /* style id → GINT_TO_POINTER (kind + 1) */
  guint              n_paragraphs;
} DocxReader;

static gboolean
is_w (const xmlNode *node,
      const char    *local)
{
  return px_office_is (node, W_NS, local) || px_office_is (node, W_STRICT_NS, local);
}

static xmlNode *
w_child (const xmlNode *node,
         const char    *local)
{
  xmlNode *child = px_office_child (node, W_NS, local);

  return child != NULL ? child : px_office_child (node, W_STRICT_NS, local);
}

/* w:val of @node (namespaced, as Word writes it, or bare). */
static char *
w_val (const xmlNode *node,
       const char    *attribute)
{
  xmlChar *value;
  char *copy;

  if (node == NULL)
    return NULL;
  value = xmlGetNsProp (node, (const xmlChar *)attribute, (const xmlChar *)W_NS);
  if (value == NULL)
    value = xmlGetNsProp (node, (const xmlChar *)attribute, (const xmlChar *)W_STRICT_NS);
  if (value == NULL)
    value = xmlGetNoNsProp (node, (const xmlChar *)attribute);
  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *)value);
  xmlFree (value);
  return copy;
}

/* A kind from a style's name ("heading 1", "Title", "Quote", "List
 * Bullet") or, without styles.xml, its id ("Heading1", "ListParagraph").
 * -1 for body text. */
static int
kind_for_style_name (const char *style)
{
  g_autofree char *lower = NULL;
  char *p, *q;

  if (style == NULL)
    return -1;
  lower = g_ascii_strdown (style, -1);
  for (p = q = lower; *p != '\0'; p++)
    if (*p != ' ' && *p != '-' && *p != '_')
      *q++ = *p;
  *q = '\0';

  if (g_str_has_prefix (lower, "heading") || strcmp (lower, "title") == 0 || strcmp (lower, "subtitle") == 0)
    return PX_PARAGRAPH_HEADING;
  if (strcmp (lower, "quote") == 0 || strcmp (lower, "intensequote") == 0 || strcmp (lower, "blocktext") == 0 ||
      strcmp (lower, "quotations") == 0 || strcmp (lower, "blockquote") == 0)
    return PX_PARAGRAPH_QUOTE;
  if (g_str_has_prefix (lower, "list") && strcmp (lower, "listtable") != 0)
    return PX_PARAGRAPH_LIST_ITEM;
  return -1;
}

/* A kind from paragraph properties: an outline level or a numbering. */
static int
kind_for_properties (const xmlNode *ppr)
{
  xmlNode *outline = w_child (ppr, "outlineLvl");
  xmlNode *numbering = w_child (ppr, "numPr");

  if (outline != NULL)
    {
      g_autofree char *level = w_val (outline, "val");

      if (level != NULL && g_ascii_strtoull (level, NULL, 10) < 9)
        return PX_PARAGRAPH_HEADING;
    }
  if (numbering != NULL)
    {
      g_autofree char *id = w_val (w_child (numbering, "numId"), "val");

      /* numId 0 takes a style's numbering away */
      if (id == NULL || strcmp (id, "0") != 0)
        return PX_PARAGRAPH_LIST_ITEM;
    }
  return -1;
}

static int
resolve_style (GHashTable *styles,
               const char *id,
               guint       depth)
{
  xmlNode *style;
  g_autofree char *name = NULL;
  g_autofree char *based_on = NULL;
  int kind;

  if (id == NULL || depth > MAX_STYLE_DEPTH || (style = g_hash_table_lookup (styles, id)) == NULL)
    return -1;
  name = w_val (w_child (style, "name"), "val");
  if ((kind = kind_for_style_name (name)) >= 0)
    return kind;
  if ((kind = kind_for_properties (w_child (style, "pPr"))) >= 0)
    return kind;
  based_on = w_val (w_child (style, "basedOn"), "val");
  return resolve_style (styles, based_on, depth + 1);
}

/* Style id → kind, for the paragraph styles of word/styles.xml. */
static GHashTable *
read_style_kinds (xmlDoc *doc)
{
  g_autoptr(GHashTable) styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  if (doc == NULL)
    return kinds;
  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      char *id;

      if (!is_w (node, "style"))
        continue;
      id = w_val (node, "styleId");
      if (id != NULL)
        g_hash_table_replace (styles, id, node);
    }
  g_hash_table_iter_init (&iter, styles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int kind = resolve_style (styles, key, 0);

      if (kind >= 0)
        g_hash_table_insert (kinds, g_strdup (key), GINT_TO_POINTER (kind + 1));
    }
  return kinds;
}

/* Of markup-compatibility alternatives (mc:AlternateContent), the one
 * every reader understands: the fallback, or else the first choice.
 * Reading them all would repeat their text. */
static const xmlNode *
chosen_alternative (const xmlNode *alternatives)
{
  const xmlNode *choice = px_office_child (alternatives, MC_NS, "Fallback");

  return choice != NULL ? choice : px_office_child (alternatives, MC_NS, "Choice");
}

/* The text of a run container (w:p, w:r, w:hyperlink, w:ins …). */
static void
append_runs (GString       *out,
             const xmlNode *node)
{
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (px_office_is (child, MC_NS, "AlternateContent"))
        {
          const xmlNode *choice = chosen_alternative (child);

          if (choice != NULL)
            append_runs (out, choice);
        }
      else if (is_w (child, "t"))
        px_office_append_text (out, child);
      else if (is_w (child, "tab") || is_w (child, "ptab") || is_w (child, "br") || is_w (child, "cr"))
        g_string_append_c (out, ' ');
      else if (is_w (child, "noBreakHyphen"))
        g_string_append_c (out, '-');
      else if (is_w (child, "pPr") || is_w (child, "rPr") || is_w (child, "del") || is_w (child, "moveFrom") ||
               is_w (child, "instrText") || is_w (child, "delText") || is_w (child, "footnoteReference") ||
               is_w (child, "endnoteReference") || is_w (child, "commentReference") ||
               is_w (child, "softHyphen") || is_w (child, "drawing") || is_w (child, "pict") ||
               is_w (child, "object") || is_w (child, "sym") || is_w (child, "annotationRef") ||
               is_w (child, "rt"))
        continue;   /* … and the reading of a ruby (w:rt) beside its base */
      else
        append_runs (out, child);
    }
}

static void
add_paragraph (DocxReader    *reader,
               const xmlNode *para,
               int            forced_kind)
{
  g_autoptr(GString) text = g_string_new (NULL);
  xmlNode *ppr = w_child (para, "pPr");
  g_autofree char *style = w_val (w_child (ppr, "pStyle"), "val");
  int kind = forced_kind;

  append_runs (text, para);
  if (!g_utf8_validate (text->str, text->len, NULL))
    return;
  if (kind < 0 && style != NULL)
    {
      gpointer found = g_hash_table_lookup (reader->style_kinds, style);

      kind = found != NULL ? GPOINTER_TO_INT (found) - 1 : kind_for_style_name (style);
    }
  if (kind < 0 || kind == PX_PARAGRAPH_LIST_ITEM)
    {
      int direct = kind_for_properties (ppr);

      if (direct >= 0)
        kind = direct;
    }
  px_document_builder_add_paragraph (reader->builder, text->str, text->len,
                                     kind >= 0 ? (PxParagraphKind)kind : PX_PARAGRAPH_TEXT);
  reader->n_paragraphs++;
}

/* Block-level content: paragraphs, tables, content controls. */
static void
read_blocks (DocxReader    *reader,
             const xmlNode *node,
             int            forced_kind)
{
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_w (child, "p"))
        add_paragraph (reader, child, forced_kind);
      else if (px_office_is (child, MC_NS, "AlternateContent"))
        {
          const xmlNode *choice = chosen_alternative (child);

          if (choice != NULL)
            read_blocks (reader, choice, forced_kind);
        }
      else if (is_w (child, "sectPr") || is_w (child, "del") || is_w (child, "moveFrom") ||
               is_w (child, "sdtPr") || is_w (child, "tblPr") || is_w (child, "tblGrid") ||
               is_w (child, "trPr") || is_w (child, "tcPr"))
        continue;
      else
        read_blocks (reader, child, forced_kind);   /* w:tbl, w:tr, w:tc, w:sdt, w:sdtContent, w:customXml … */
    }
}

/* Footnotes or endnotes (@element "footnote" or "endnote"), after the
 * body; the separators Word keeps among them are not notes. */
static void
read_notes (DocxReader *reader,
            xmlDoc     *doc,
            const char *element)
{
  if (doc == NULL)
    return;
  for (xmlNode *note = xmlDocGetRootElement (doc)->children; note != NULL; note = note->next)
    {
      g_autofree char *type = NULL;

      if (!is_w (note, element))
        continue;
      type = w_val (note, "type");
      if (type != NULL && strcmp (type, "normal") != 0)
        continue;
      read_blocks (reader, note, PX_PARAGRAPH_TEXT);
    }
}

static void
read_core_properties (PxDocumentBuilder *builder,
                      xmlDoc            *doc)
{
  g_autofree char *title = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  xmlNode *root;

  if (doc == NULL)
    return;
  root = xmlDocGetRootElement (doc);
  title = px_office_dup_text (px_office_child (root, DC_NS, "title"));
  creator = px_office_dup_text (px_office_child (root, DC_NS, "creator"));
  created = px_office_dup_text (px_office_child (root, DCTERMS_NS, "created"));
  modified = px_office_dup_text (px_office_child (root, DCTERMS_NS, "modified"));
  px_document_builder_set_meta (builder, PX_META_TITLE, title);
  px_document_builder_set_meta (builder, PX_META_BYLINE, creator);
  {
    g_autofree char *date = px_office_parse_date (created != NULL ? created : modified);

    px_document_builder_set_meta (builder, PX_META_DATE, date);
  }
}

PxDocument *
px_import_docx (GHashTable  *parts,
                const char  *origin,
                const char  *name,
                GError     **error)
{
  g_autoptr(PxDocumentBuilder) builder = NULL;
  g_autoptr(GHashTable) style_kinds = NULL;
  DocxReader reader = { 0 };
  g_autoptr(GError) local_error = NULL;
  xmlDoc *document, *styles = NULL, *footnotes = NULL, *endnotes = NULL, *core = NULL;
  xmlNode *body;

  document = px_office_parse_part (parts, "word/document.xml", TRUE, name, error);
  if (document == NULL)
    return NULL;
  body = w_child (xmlDocGetRootElement (document), "body");
  if (body == NULL)
    {
      xmlFreeDoc (document);
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "“%s” is damaged: its document part has no body", name);
      return NULL;
    }

  /* The other parts are optional, but a hostile one refuses the file. */
  styles = px_office_parse_part (parts, "word/styles.xml", FALSE, name, &local_error);
  if (local_error == NULL)
    footnotes = px_office_parse_part (parts, "word/footnotes.xml", FALSE, name, &local_error);
  if (local_error == NULL)
    endnotes = px_office_parse_part (parts, "word/endnotes.xml", FALSE, name, &local_error);
  if (local_error == NULL)
    core = px_office_parse_part (parts, "docProps/core.xml", FALSE, name, &local_error);
  if (local_error != NULL)
    {
      g_clear_pointer (&styles, xmlFreeDoc);
      g_clear_pointer (&footnotes, xmlFreeDoc);
      g_clear_pointer (&endnotes, xmlFreeDoc);
      xmlFreeDoc (document);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  builder = px_document_builder_new ();
  style_kinds = read_style_kinds (styles);
  reader.builder = builder;
  reader.style_kinds = style_kinds;
  read_blocks (&reader, body, -1);
  read_notes (&reader, footnotes, "footnote");
  read_notes (&reader, endnotes, "endnote");
  read_core_properties (builder, core);

  g_clear_pointer (&styles, xmlFreeDoc);
  g_clear_pointer (&footnotes, xmlFreeDoc);
  g_clear_pointer (&endnotes, xmlFreeDoc);
  g_clear_pointer (&core, xmlFreeDoc);
  xmlFreeDoc (document);

  if (px_document_builder_peek_text (builder, NULL)[0] == '\0')
    {
      g_set_error (error, PX_ERROR, PX_ERROR_EMPTY, "“%s” holds no text", name);
      return NULL;
    }
  px_document_builder_set_meta (builder, PX_META_ORIGIN, origin);
  px_document_builder_set_meta (builder, PX_META_ENCODING, "UTF-8");
  px_document_builder_set_meta (builder, PX_META_FORMAT, "docx");
  return px_document_builder_end (g_steal_pointer (&builder));
}
