/* px-session.c: `.parallax` session files (docs/session-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-session"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

#include "px-document-private.h"
#include "px-error.h"
#include "px-import.h"
#include "px-session.h"

#define X(s) ((const xmlChar *)(s))
/* Warnings kept for one source: what an import writes is one or two. */
#define MAX_SOURCE_WARNINGS 16

struct _PxSession
{
  GObject     parent_instance;

  /* owned */
  GPtrArray  *documents;    /* PxDocument */
  GArray     *columns;      /* guint: source index per column */
  GPtrArray  *annotations;  /* PxAnnotation */
  GListStore *annotation_model;  /* the same PxAnnotations, in the same order */
  GHashTable *settings;     /* char* → char* */
  guint       n_unsearched; /* annotations the last load or re-import did not search for */
};

typedef struct
{
  guint    depth;
  gboolean has_dtd;
  gboolean too_deep;
} ParseGuard;

G_DEFINE_FINAL_TYPE (PxSession, px_session, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The document metadata as element names, in file order. */
static const struct {
  PxMetaKey   key;
  const char *name;
} meta_elements[] = {
  { PX_META_ORIGIN, "origin" },
  { PX_META_URL, "url" },
  { PX_META_TITLE, "title" },
  { PX_META_BYLINE, "byline" },
  { PX_META_SITE, "site" },
  { PX_META_DATE, "date" },
  { PX_META_FORMAT, "format" },
  { PX_META_ENCODING, "encoding" },
};

static char *
display_name (const char *origin)
{
  if (origin == NULL || origin[0] == '\0')
    return g_strdup ("session");
  return g_path_get_basename (origin);
}

/* XML 1.0 can carry neither control characters (other than tab and line
 * feed; a carriage return would be read back as a line feed) nor U+FFFE and
 * U+FFFF. Strings with any of them are stored in base64. */
static gboolean
is_xml_safe (const char *str)
{
  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if ((ch < 0x20 && ch != '\t' && ch != '\n') || ch == 0xFFFE || ch == 0xFFFF)
        return FALSE;
    }
  return TRUE;
}

static xmlNodePtr
add_text_child (xmlNodePtr  parent,
                const char *name,
                const char *value)
{
  xmlNodePtr node;

  if (is_xml_safe (value))
    return xmlNewTextChild (parent, NULL, X (name), X (value));

  node = xmlNewChild (parent, NULL, X (name), NULL);
  {
    g_autofree char *encoded = g_base64_encode ((const guchar *)value, strlen (value));

    xmlSetProp (node, X ("encoding"), X ("base64"));
    xmlNodeAddContent (node, X (encoded));
  }
  return node;
}

static void
set_uint_prop (xmlNodePtr  node,
               const char *name,
               guint       value)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%u", value);
  xmlSetProp (node, X (name), X (buf));
}

static void
set_time_prop (xmlNodePtr  node,
               const char *name,
               gint64      seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (seconds);
  char str[32];

  if (dt == NULL)
    return;
  /* Four digits for every year: "%Y" writes the year 89 as "89", which no
   * ISO 8601 reader takes back. */
  g_snprintf (str, sizeof str, "%04d-%02d-%02dT%02d:%02d:%02dZ",
              g_date_time_get_year (dt), g_date_time_get_month (dt), g_date_time_get_day_of_month (dt),
              g_date_time_get_hour (dt), g_date_time_get_minute (dt), g_date_time_get_second (dt));
  xmlSetProp (node, X (name), X (str));
}

static int
find_source (PxSession  *self,
             const char *document_id)
{
  for (guint i = 0; i < self->documents->len; i++)
    if (g_strcmp0 (px_document_get_id (g_ptr_array_index (self->documents, i)), document_id) == 0)
      return i;
  return -1;
}

static void
write_source (xmlNodePtr  sources,
              PxDocument *document,
              guint       index)
{
  xmlNodePtr source = xmlNewChild (sources, NULL, X ("source"), NULL);
  g_autofree char *id = g_strdup_printf ("s%u", index + 1);
  const char *values[PX_N_META] = {
    [PX_META_ORIGIN] = px_document_get_origin (document),
    [PX_META_TITLE] = px_document_get_title (document),
    [PX_META_BYLINE] = px_document_get_byline (document),
    [PX_META_DATE] = px_document_get_date (document),
    [PX_META_SITE] = px_document_get_site (document),
    [PX_META_URL] = px_document_get_url (document),
    [PX_META_ENCODING] = px_document_get_encoding (document),
    [PX_META_FORMAT] = px_document_get_format (document),
  };

  xmlSetProp (source, X ("id"), X (id));
  xmlSetProp (source, X ("document"), X (px_document_get_id (document)));

  for (guint i = 0; i < G_N_ELEMENTS (meta_elements); i++)
    if (values[meta_elements[i].key] != NULL)
      add_text_child (source, meta_elements[i].name, values[meta_elements[i].key]);
  /* What the import replaced stays said after a reload. */
  for (const char * const *warning = px_document_get_warnings (document); *warning != NULL; warning++)
    add_text_child (source, "warning", *warning);

  /* Web pages are built block by block: their paragraphs (and kinds) are
   * what the segmenter cannot find again in the plain text. */
  if (g_strcmp0 (px_document_get_format (document), "text") != 0)
    {
      xmlNodePtr paragraphs = xmlNewChild (source, NULL, X ("paragraphs"), NULL);

      for (guint i = 0; i < px_document_get_n_paragraphs (document); i++)
        {
          const PxParagraph *para = px_document_get_paragraph (document, i);
          xmlNodePtr node = xmlNewChild (paragraphs, NULL, X ("paragraph"), NULL);

          set_uint_prop (node, "start", para->start);
          set_uint_prop (node, "end", para->end);
          xmlSetProp (node, X ("kind"), X (px_paragraph_kind_to_string (para->kind)));
        }
    }

  add_text_child (source, "text", px_document_get_text (document, NULL));
}

static void
write_annotation (xmlNodePtr    parent,
                  PxAnnotation *annotation,
                  guint         source)
{
  xmlNodePtr node = xmlNewChild (parent, NULL, X ("annotation"), NULL);
  xmlNodePtr selector;
  g_autofree char *source_id = g_strdup_printf ("s%u", source + 1);
  g_autofree char *label = px_annotation_dup_label (annotation);
  g_autofree char *color = px_annotation_dup_color (annotation);
  g_autofree char *note = px_annotation_dup_note (annotation);
  g_autofree char *exact = px_annotation_dup_exact (annotation);
  g_autofree char *prefix = px_annotation_dup_prefix (annotation);
  g_autofree char *suffix = px_annotation_dup_suffix (annotation);
  PxAnchorStatus status = px_annotation_get_anchor_status (annotation);
  guint start, end;

  px_annotation_get_range (annotation, &start, &end);

  xmlSetProp (node, X ("id"), X (px_annotation_get_id (annotation)));
  xmlSetProp (node, X ("source"), X (source_id));
  set_time_prop (node, "created", px_annotation_get_created (annotation));
  set_time_prop (node, "modified", px_annotation_get_modified (annotation));
  if (status == PX_ANCHOR_ORPHANED)
    xmlSetProp (node, X ("anchor"), X (px_anchor_status_to_string (status)));

  add_text_child (node, "label", label);
  if (color != NULL)
    add_text_child (node, "color", color);

  selector = xmlNewChild (node, NULL, X ("position"), NULL);
  set_uint_prop (selector, "start", start);
  set_uint_prop (selector, "end", end);

  selector = xmlNewChild (node, NULL, X ("quote"), NULL);
  add_text_child (selector, "prefix", prefix);
  add_text_child (selector, "exact", exact);
  add_text_child (selector, "suffix", suffix);

  if (note != NULL)
    add_text_child (node, "note", note);
}

static xmlDocPtr
build_xml (PxSession *self)
{
  xmlDocPtr doc = xmlNewDoc (X ("1.0"));
  xmlNodePtr root = xmlNewDocNode (doc, NULL, X ("parallax-session"), NULL);
  xmlNodePtr node;
  g_auto(GStrv) keys = NULL;

  xmlDocSetRootElement (doc, root);
  set_uint_prop (root, "version", PX_SESSION_VERSION);
  xmlSetProp (root, X ("generator"), X ("Parallax " PACKAGE_VERSION));

  node = xmlNewChild (root, NULL, X ("sources"), NULL);
  for (guint i = 0; i < self->documents->len; i++)
    write_source (node, g_ptr_array_index (self->documents, i), i);

  node = xmlNewChild (root, NULL, X ("columns"), NULL);
  for (guint i = 0; i < self->columns->len; i++)
    {
      xmlNodePtr column = xmlNewChild (node, NULL, X ("column"), NULL);
      g_autofree char *source_id = g_strdup_printf ("s%u", g_array_index (self->columns, guint, i) + 1);

      xmlSetProp (column, X ("source"), X (source_id));
    }

  node = xmlNewChild (root, NULL, X ("annotations"), NULL);
  for (guint i = 0; i < self->annotations->len; i++)
    {
      PxAnnotation *annotation = g_ptr_array_index (self->annotations, i);
      g_autofree char *document_id = px_annotation_dup_document_id (annotation);
      int source = find_source (self, document_id);

      /* Annotations always lie on a source (remove_document drops them). */
      if (source >= 0)
        write_annotation (node, annotation, source);
    }

  node = xmlNewChild (root, NULL, X ("settings"), NULL);
  keys = px_session_dup_setting_keys (self);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      xmlNodePtr setting = add_text_child (node, "setting", g_hash_table_lookup (self->settings, keys[i]));

      if (is_xml_safe (keys[i]))
        xmlSetProp (setting, X ("key"), X (keys[i]));
    }

  return doc;
}

static void
emit_changed (PxSession *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
annotation_notify_cb (PxSession  *self,
                      GParamSpec *pspec)
{
  emit_changed (self);
}

static void
insert_annotation (PxSession    *self,
                   PxAnnotation *annotation)
{
  g_ptr_array_add (self->annotations, g_object_ref (annotation));
  g_list_store_append (self->annotation_model, annotation);
  g_signal_connect_object (annotation, "notify", G_CALLBACK (annotation_notify_cb), self, G_CONNECT_SWAPPED);
}

static void
remove_annotation_at (PxSession *self,
                      guint      index)
{
  PxAnnotation *annotation = g_ptr_array_index (self->annotations, index);

  g_signal_handlers_disconnect_by_func (annotation, annotation_notify_cb, self);
  g_list_store_remove (self->annotation_model, index);
  g_ptr_array_remove_index (self->annotations, index);
}

/* Reading */

static void
guard_internal_subset_cb (void          *ctx,
                          const xmlChar *name,
                          const xmlChar *external_id,
                          const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseGuard *guard = ctxt->_private;

  /* Sessions never declare a DTD: refusing it before its internal subset is
   * read rules out entity expansion (billion laughs) and external entities. */
  guard->has_dtd = TRUE;
  xmlStopParser (ctxt);
}

static void
guard_start_element_cb (void           *ctx,
                        const xmlChar  *localname,
                        const xmlChar  *prefix,
                        const xmlChar  *uri,
                        int             nb_namespaces,
                        const xmlChar **namespaces,
                        int             nb_attributes,
                        int             nb_defaulted,
                        const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseGuard *guard = ctxt->_private;

  if (++guard->depth > PX_SESSION_MAX_DEPTH)
    {
      guard->too_deep = TRUE;
      xmlStopParser (ctxt);
      return;
    }
  xmlSAX2StartElementNs (ctx, localname, prefix, uri, nb_namespaces, namespaces,
                         nb_attributes, nb_defaulted, attributes);
}

static void
guard_end_element_cb (void          *ctx,
                      const xmlChar *localname,
                      const xmlChar *prefix,
                      const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseGuard *guard = ctxt->_private;

  guard->depth--;
  xmlSAX2EndElementNs (ctx, localname, prefix, uri);
}

static void
discard_generic_error_cb (void       *ctx,
                          const char *message,
                          ...)
{
}

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns == NULL &&
         xmlStrEqual (node->name, X (name));
}

static xmlNodePtr
first_child (xmlNodePtr  parent,
             const char *name)
{
  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    if (is_element (child, name))
      return child;
  return NULL;
}

static char *
get_prop (xmlNodePtr  node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, X (name));
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *)value);
  xmlFree (value);
  return copy;
}

static gboolean
get_uint_prop (xmlNodePtr  node,
               const char *name,
               guint      *value)
{
  g_autofree char *str = get_prop (node, name);
  guint64 n;

  if (str == NULL || !g_ascii_string_to_unsigned (str, 10, 0, G_MAXUINT, &n, NULL))
    return FALSE;
  *value = (guint)n;
  return TRUE;
}

static gboolean
get_time_prop (xmlNodePtr  node,
               const char *name,
               gint64     *value)
{
  g_autofree char *str = get_prop (node, name);
  g_autoptr(GDateTime) dt = NULL;

  if (str == NULL || (dt = g_date_time_new_from_iso8601 (str, NULL)) == NULL)
    return FALSE;
  *value = g_date_time_to_unix (dt);
  return TRUE;
}

/* The text of an element (base64 when it says so), or NULL if it is not
 * valid UTF-8. */
static char *
get_text (xmlNodePtr node)
{
  g_autofree char *encoding = get_prop (node, "encoding");
  xmlChar *content = xmlNodeGetContent (node);
  char *text;

  if (content == NULL)
    return g_strdup ("");

  if (g_strcmp0 (encoding, "base64") == 0)
    {
      gsize length = 0;
      guchar *decoded;

      g_strstrip ((char *)content);
      decoded = g_base64_decode ((const char *)content, &length);
      text = g_strndup ((const char *)decoded, length);
      g_free (decoded);
      if (strlen (text) != length || !g_utf8_validate (text, -1, NULL))
        g_clear_pointer (&text, g_free);
    }
  else
    text = g_strdup ((const char *)content);

  xmlFree (content);
  return text;
}

static char *
get_child_text (xmlNodePtr  parent,
                const char *name)
{
  xmlNodePtr node = first_child (parent, name);

  return node != NULL ? get_text (node) : NULL;
}

static gboolean
paragraph_kind_from_string (const char      *str,
                            PxParagraphKind *kind)
{
  for (guint i = PX_PARAGRAPH_TEXT; i <= PX_PARAGRAPH_QUOTE; i++)
    {
      if (g_strcmp0 (str, px_paragraph_kind_to_string (i)) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The bytes of text under @node, counted without copying them. */
static gsize
content_length (xmlNodePtr node)
{
  gsize length = 0;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        length += child->content != NULL ? strlen ((const char *)child->content) : 0;
      else if (child->type == XML_ELEMENT_NODE)
        length += content_length (child);  /* depth is bounded by the parse guard */
    }
  return length;
}

static PxDocument *
read_source (xmlNodePtr   source,
             const char  *name,
             guint        index,
             GError     **error)
{
  g_autoptr(PxDocumentBuilder) builder = px_document_builder_new ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  xmlNodePtr text_node = first_child (source, "text");
  xmlNodePtr paragraphs = first_child (source, "paragraphs");
  gsize length;

  if (text_node == NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "“%s” is damaged: source %u has no text", name, index + 1);
      return NULL;
    }
  /* The limit of an imported file holds for an embedded one, before its
   * text is copied or segmented (base64 takes 4 bytes for 3, and its
   * padding is checked once decoded). */
  length = content_length (text_node);
  {
    g_autofree char *encoding = get_prop (text_node, "encoding");

    if (g_strcmp0 (encoding, "base64") == 0)
      length = length / 4 * 3 > 2 ? length / 4 * 3 - 2 : 0;
  }
  if (length <= PX_IMPORT_MAX_BYTES)
    {
      text = get_text (text_node);
      if (text == NULL)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                       "“%s” is damaged: the text of source %u is not valid", name, index + 1);
          return NULL;
        }
      length = strlen (text);
    }
  /* Neither importer makes a document without text (the segmenter is not
   * asked to read one either). */
  if (length == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "“%s” is damaged: source %u has no text", name, index + 1);
      return NULL;
    }
  if (length > PX_IMPORT_MAX_BYTES)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_TOO_LARGE,
                   "“%s” was refused: source %u is too large (%" G_GSIZE_FORMAT " MB; "
                   "the limit for a source is %d MB, as for an imported file)",
                   name, index + 1, length / (1024 * 1024), PX_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (meta_elements); i++)
    {
      g_autofree char *value = get_child_text (source, meta_elements[i].name);

      if (value != NULL)
        px_document_builder_set_meta (builder, meta_elements[i].key, value);
    }
  {
    guint n_warnings = 0;

    for (xmlNodePtr child = source->children; child != NULL; child = child->next)
      if (is_element (child, "warning") && n_warnings < MAX_SOURCE_WARNINGS)
        {
          g_autofree char *warning = get_text (child);

          if (warning != NULL && warning[0] != '\0' && g_utf8_validate (warning, -1, NULL))
            {
              g_ptr_array_add (warnings, g_steal_pointer (&warning));
              n_warnings++;
            }
        }
  }

  if (paragraphs != NULL)
    {
      gboolean ok = TRUE;
      const char *rebuilt;
      gsize rebuilt_length;

      for (xmlNodePtr p = paragraphs->children; p != NULL && ok; p = p->next)
        {
          g_autofree char *kind_str = NULL;
          PxParagraphKind kind;
          guint start, end;

          if (!is_element (p, "paragraph"))
            continue;
          kind_str = get_prop (p, "kind");
          ok = get_uint_prop (p, "start", &start) && get_uint_prop (p, "end", &end) &&
               start <= end && end <= length && paragraph_kind_from_string (kind_str, &kind) &&
               g_utf8_validate (text + start, end - start, NULL);
          if (ok)
            px_document_builder_add_paragraph (builder, text + start, end - start, kind);
        }

      /* The blocks must give back the very same text; if they do not (an
       * edited file), the text alone is kept, as plain text. */
      rebuilt = px_document_builder_peek_text (builder, &rebuilt_length);
      if (!ok || rebuilt_length != length || memcmp (rebuilt, text, length) != 0)
        {
          PxDocumentBuilder *plain = px_document_builder_new ();

          for (guint k = 0; k < PX_N_META; k++)
            px_document_builder_set_meta (plain, k, px_document_builder_get_meta (builder, k));
          px_document_builder_free (g_steal_pointer (&builder));
          builder = plain;
          px_document_builder_set_plain_text (builder, text, length);
        }
    }
  else
    px_document_builder_set_plain_text (builder, text, length);

  for (guint i = 0; i < warnings->len; i++)
    px_document_builder_add_warning (builder, g_ptr_array_index (warnings, i));
  return px_document_builder_end (g_steal_pointer (&builder));
}

static PxAnnotation *
read_annotation (xmlNodePtr   node,
                 PxSession   *self,
                 GHashTable  *source_ids,
                 const char  *name,
                 guint        index,
                 guint64     *work,
                 GError     **error)
{
  g_autofree char *id = get_prop (node, "id");
  g_autofree char *source_id = get_prop (node, "source");
  g_autofree char *anchor = get_prop (node, "anchor");
  g_autofree char *label = get_child_text (node, "label");
  g_autofree char *color = get_child_text (node, "color");
  g_autofree char *note = get_child_text (node, "note");
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  xmlNodePtr position = first_child (node, "position");
  xmlNodePtr quote = first_child (node, "quote");
  PxAnnotation *annotation;
  PxDocument *document;
  gpointer source;
  guint start = 0, end = 0;
  gint64 created = 0, modified = 0;

  if (quote != NULL)
    {
      exact = get_child_text (quote, "exact");
      prefix = get_child_text (quote, "prefix");
      suffix = get_child_text (quote, "suffix");
    }

  if (source_id == NULL || !g_hash_table_lookup_extended (source_ids, source_id, NULL, &source) ||
      exact == NULL || exact[0] == '\0' || label == NULL || label[0] == '\0' ||
      (prefix == NULL && quote != NULL && first_child (quote, "prefix") != NULL) ||
      (suffix == NULL && quote != NULL && first_child (quote, "suffix") != NULL))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "“%s” is damaged: annotation %u has no %s", name, index + 1,
                   source_id == NULL ? "source" :
                   !g_hash_table_contains (source_ids, source_id) ? "known source" :
                   (exact == NULL || exact[0] == '\0') ? "quoted text" :
                   (label == NULL || label[0] == '\0') ? "label" : "valid context");
      return NULL;
    }

  document = g_ptr_array_index (self->documents, GPOINTER_TO_UINT (source));
  if (position == NULL || !get_uint_prop (position, "start", &start) || !get_uint_prop (position, "end", &end))
    start = end = 0;

  annotation = px_annotation_new_from_selectors (id, px_document_get_id (document), start, end,
                                                 exact, prefix, suffix, label);
  if (px_color_is_valid (color))
    px_annotation_set_color (annotation, color);
  px_annotation_set_note (annotation, note);
  if (!get_time_prop (node, "created", &created))
    created = 0;
  if (!get_time_prop (node, "modified", &modified))
    modified = created;
  px_annotation_set_times (annotation, created, modified);

  /* Stored ranges are checked against the text: a hand-edited source makes
   * its annotations look for their quote again. */
  if ((g_strcmp0 (anchor, "orphaned") == 0 || !px_annotation_is_attached_to (annotation, document)) &&
      px_annotation_reattach_within (annotation, document, work) == PX_ANCHOR_ORPHANED && *work == 0)
    self->n_unsearched++;

  return annotation;
}

static PxSession *
read_session (xmlDocPtr      doc,
              const char    *name,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(PxSession) self = px_session_new ();
  g_autoptr(GHashTable) source_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlNodePtr root = xmlDocGetRootElement (doc);
  xmlNodePtr node;
  g_autofree char *version = NULL;
  guint64 version_number = 0;
  guint64 work = PX_ANNOTATION_REATTACH_WORK;
  guint index;

  if (root == NULL || !is_element (root, "parallax-session"))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "“%s” is not a Parallax session: it is an XML file of another kind (<%s>)",
                   name, root != NULL ? (const char *)root->name : "");
      return NULL;
    }

  version = get_prop (root, "version");
  if (version == NULL || !g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT, &version_number, NULL))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "“%s” is damaged: it does not say which version of the session format it uses", name);
      return NULL;
    }
  if (version_number != PX_SESSION_VERSION)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "“%s” was saved by a newer Parallax (session format %s); this version reads format %d",
                   name, version, PX_SESSION_VERSION);
      return NULL;
    }

  node = first_child (root, "sources");
  if (node == NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "“%s” is damaged: it has no sources", name);
      return NULL;
    }

  index = 0;
  for (xmlNodePtr source = node->children; source != NULL; source = source->next)
    {
      g_autofree char *id = NULL;
      PxDocument *document;

      if (!is_element (source, "source"))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      id = get_prop (source, "id");
      if (id == NULL || g_hash_table_contains (source_ids, id))
        {
          g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                       "“%s” is damaged: source %u has no id, or one already used", name, index + 1);
          return NULL;
        }
      document = read_source (source, name, index, error);
      if (document == NULL)
        return NULL;
      g_ptr_array_add (self->documents, document);
      g_hash_table_insert (source_ids, g_steal_pointer (&id), GUINT_TO_POINTER (index));
      index++;
    }

  /* Columns: every source once; anything else falls back to source order. */
  g_array_set_size (self->columns, 0);
  node = first_child (root, "columns");
  if (node != NULL)
    {
      g_autofree gboolean *seen = g_new0 (gboolean, self->documents->len + 1);
      gboolean ok = TRUE;

      for (xmlNodePtr column = node->children; column != NULL && ok; column = column->next)
        {
          g_autofree char *source_id = NULL;
          gpointer source;

          if (!is_element (column, "column"))
            continue;
          source_id = get_prop (column, "source");
          ok = source_id != NULL && g_hash_table_lookup_extended (source_ids, source_id, NULL, &source) &&
               !seen[GPOINTER_TO_UINT (source)];
          if (ok)
            {
              guint value = GPOINTER_TO_UINT (source);

              seen[value] = TRUE;
              g_array_append_val (self->columns, value);
            }
        }
      if (!ok || self->columns->len != self->documents->len)
        g_array_set_size (self->columns, 0);
    }
  if (self->columns->len == 0)
    for (guint i = 0; i < self->documents->len; i++)
      g_array_append_val (self->columns, i);

  node = first_child (root, "annotations");
  index = 0;
  for (xmlNodePtr child = node != NULL ? node->children : NULL; child != NULL; child = child->next)
    {
      PxAnnotation *annotation;

      if (!is_element (child, "annotation"))
        continue;
      /* Re-attaching searches the text: a file with very many annotations on
       * edited sources takes a while, and may be cancelled. */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      annotation = read_annotation (child, self, source_ids, name, index++, &work, error);
      if (annotation == NULL)
        return NULL;
      insert_annotation (self, annotation);
      g_object_unref (annotation);
    }

  node = first_child (root, "settings");
  for (xmlNodePtr child = node != NULL ? node->children : NULL; child != NULL; child = child->next)
    {
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (!is_element (child, "setting"))
        continue;
      key = get_prop (child, "key");
      value = get_text (child);
      if (key != NULL && key[0] != '\0' && value != NULL)
        g_hash_table_insert (self->settings, g_steal_pointer (&key), g_steal_pointer (&value));
    }

  return g_steal_pointer (&self);
}

static void
px_session_finalize (GObject *object)
{
  PxSession *self = (PxSession *)object;

  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_object (&self->annotation_model);
  g_clear_pointer (&self->settings, g_hash_table_unref);

  G_OBJECT_CLASS (px_session_parent_class)->finalize (object);
}

static void
px_session_class_init (PxSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_session_finalize;

  /**
   * PxSession::changed:
   *
   * The session, or one of its annotations, changed: what a save would
   * write is different now (the window marks the session unsaved). Emitted
   * on the thread that made the change.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
px_session_init (PxSession *self)
{
  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  self->columns = g_array_new (FALSE, FALSE, sizeof (guint));
  self->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  self->annotation_model = g_list_store_new (PX_TYPE_ANNOTATION);
  self->settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

PxSession *
px_session_new (void)
{
  return g_object_new (PX_TYPE_SESSION, NULL);
}

guint
px_session_get_n_documents (PxSession *self)
{
  g_return_val_if_fail (PX_IS_SESSION (self), 0);
  return self->documents->len;
}

PxDocument *
px_session_get_document (PxSession *self,
                         guint      index)
{
  g_return_val_if_fail (PX_IS_SESSION (self), NULL);
  g_return_val_if_fail (index < self->documents->len, NULL);
  return g_ptr_array_index (self->documents, index);
}

GPtrArray *
px_session_get_documents (PxSession *self)
{
  g_return_val_if_fail (PX_IS_SESSION (self), NULL);
  return self->documents;
}

void
px_session_add_document (PxSession  *self,
                         PxDocument *document)
{
  guint index;

  g_return_if_fail (PX_IS_SESSION (self));
  g_return_if_fail (PX_IS_DOCUMENT (document));

  index = self->documents->len;
  g_ptr_array_add (self->documents, g_object_ref (document));
  g_array_append_val (self->columns, index);
  emit_changed (self);
}

void
px_session_remove_document (PxSession *self,
                            guint      index)
{
  g_autoptr(PxDocument) document = NULL;

  g_return_if_fail (PX_IS_SESSION (self));
  g_return_if_fail (index < self->documents->len);

  document = g_object_ref (g_ptr_array_index (self->documents, index));
  g_ptr_array_remove_index (self->documents, index);

  /* Annotations go with their source, unless an identical copy remains. */
  if (find_source (self, px_document_get_id (document)) < 0)
    {
      for (guint i = self->annotations->len; i > 0; i--)
        {
          g_autofree char *document_id = px_annotation_dup_document_id (g_ptr_array_index (self->annotations, i - 1));

          if (g_strcmp0 (document_id, px_document_get_id (document)) == 0)
            remove_annotation_at (self, i - 1);
        }
    }

  for (guint i = self->columns->len; i > 0; i--)
    {
      guint *column = &g_array_index (self->columns, guint, i - 1);

      if (*column == index)
        g_array_remove_index (self->columns, i - 1);
      else if (*column > index)
        (*column)--;
    }
  emit_changed (self);
}

guint
px_session_replace_document (PxSession  *self,
                             guint       index,
                             PxDocument *document)
{
  g_autoptr(PxDocument) old = NULL;
  guint64 work = PX_ANNOTATION_REATTACH_WORK;
  guint n_orphaned = 0;

  g_return_val_if_fail (PX_IS_SESSION (self), 0);
  g_return_val_if_fail (index < self->documents->len, 0);
  g_return_val_if_fail (PX_IS_DOCUMENT (document), 0);

  old = g_object_ref (g_ptr_array_index (self->documents, index));
  g_ptr_array_index (self->documents, index) = g_object_ref (document);
  g_object_unref (old);

  self->n_unsearched = 0;
  for (guint i = 0; i < self->annotations->len; i++)
    {
      PxAnnotation *annotation = g_ptr_array_index (self->annotations, i);
      g_autofree char *document_id = px_annotation_dup_document_id (annotation);

      if (g_strcmp0 (document_id, px_document_get_id (old)) != 0)
        continue;
      if (px_annotation_reattach_within (annotation, document, &work) == PX_ANCHOR_ORPHANED)
        {
          n_orphaned++;
          if (work == 0)
            self->n_unsearched++;
        }
    }
  emit_changed (self);
  return n_orphaned;
}

/**
 * px_session_get_n_unsearched_annotations:
 *
 * Returns: how many annotations the load of this session, or its last
 *   px_session_replace_document(), left orphaned without searching for
 *   them: re-attaching shares PX_ANNOTATION_REATTACH_WORK, and very many
 *   annotations on edited sources spend it. They keep their range and
 *   quote, and are searched for again on the next load.
 */
guint
px_session_get_n_unsearched_annotations (PxSession *self)
{
  g_return_val_if_fail (PX_IS_SESSION (self), 0);
  return self->n_unsearched;
}

/**
 * px_session_dup_unsearched_message:
 *
 * Returns: (transfer full) (nullable): a sentence for the reader when
 *   px_session_get_n_unsearched_annotations() is not 0, else NULL.
 */
char *
px_session_dup_unsearched_message (PxSession *self)
{
  g_return_val_if_fail (PX_IS_SESSION (self), NULL);

  if (self->n_unsearched == 0)
    return NULL;
  if (self->n_unsearched == 1)
    return g_strdup ("1 annotation was not searched for in its edited source (too many annotations "
                     "to re-attach at once); it is kept as orphaned and searched for again when the "
                     "session is opened.");
  return g_strdup_printf ("%u annotations were not searched for in their edited sources (too many "
                          "annotations to re-attach at once); they are kept as orphaned and searched "
                          "for again when the session is opened.", self->n_unsearched);
}

const guint *
px_session_get_column_order (PxSession *self,
                             guint     *n_columns)
{
  g_return_val_if_fail (PX_IS_SESSION (self), NULL);

  if (n_columns != NULL)
    *n_columns = self->columns->len;
  return (const guint *)(gpointer)self->columns->data;
}

gboolean
px_session_set_column_order (PxSession   *self,
                             const guint *order,
                             guint        n_columns)
{
  g_autofree gboolean *seen = NULL;

  g_return_val_if_fail (PX_IS_SESSION (self), FALSE);
  g_return_val_if_fail (order != NULL || n_columns == 0, FALSE);

  if (n_columns != self->documents->len)
    return FALSE;
  seen = g_new0 (gboolean, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    {
      if (order[i] >= n_columns || seen[order[i]])
        return FALSE;
      seen[order[i]] = TRUE;
    }

  g_array_set_size (self->columns, 0);
  g_array_append_vals (self->columns, order, n_columns);
  emit_changed (self);
  return TRUE;
}

GPtrArray *
px_session_dup_documents_in_columns (PxSession *self)
{
  GPtrArray *documents;

  g_return_val_if_fail (PX_IS_SESSION (self), NULL);

  documents = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->columns->len; i++)
    g_ptr_array_add (documents, g_object_ref (g_ptr_array_index (self->documents,
                                                                 g_array_index (self->columns, guint, i))));
  return documents;
}

GPtrArray *
px_session_get_annotations (PxSession *self)
{
  g_return_val_if_fail (PX_IS_SESSION (self), NULL);
  return self->annotations;
}

GPtrArray *
px_session_dup_annotations_for_document (PxSession *self,
                                         guint      index)
{
  GPtrArray *result;
  const char *id;

  g_return_val_if_fail (PX_IS_SESSION (self), NULL);
  g_return_val_if_fail (index < self->documents->len, NULL);

  id = px_document_get_id (g_ptr_array_index (self->documents, index));
  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->annotations->len; i++)
    {
      PxAnnotation *annotation = g_ptr_array_index (self->annotations, i);
      g_autofree char *document_id = px_annotation_dup_document_id (annotation);

      if (g_strcmp0 (document_id, id) == 0)
        g_ptr_array_add (result, g_object_ref (annotation));
    }
  return result;
}

void
px_session_add_annotation (PxSession    *self,
                           PxAnnotation *annotation)
{
  g_autofree char *document_id = NULL;

  g_return_if_fail (PX_IS_SESSION (self));
  g_return_if_fail (PX_IS_ANNOTATION (annotation));

  document_id = px_annotation_dup_document_id (annotation);
  g_return_if_fail (find_source (self, document_id) >= 0);
  g_return_if_fail (!g_ptr_array_find (self->annotations, annotation, NULL));

  insert_annotation (self, annotation);
  emit_changed (self);
}

gboolean
px_session_remove_annotation (PxSession    *self,
                              PxAnnotation *annotation)
{
  guint index;

  g_return_val_if_fail (PX_IS_SESSION (self), FALSE);
  g_return_val_if_fail (PX_IS_ANNOTATION (annotation), FALSE);

  if (!g_ptr_array_find (self->annotations, annotation, &index))
    return FALSE;
  remove_annotation_at (self, index);
  emit_changed (self);
  return TRUE;
}

/**
 * px_session_get_annotation_model:
 *
 * Returns: (transfer none): the annotations as a GListModel of
 *   PxAnnotation, for a list view; it follows every change.
 */
GListModel *
px_session_get_annotation_model (PxSession *self)
{
  g_return_val_if_fail (PX_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->annotation_model);
}

PxAnnotation *
px_session_find_annotation (PxSession  *self,
                            const char *id)
{
  g_return_val_if_fail (PX_IS_SESSION (self), NULL);

  for (guint i = 0; i < self->annotations->len; i++)
    {
      PxAnnotation *annotation = g_ptr_array_index (self->annotations, i);

      if (g_strcmp0 (px_annotation_get_id (annotation), id) == 0)
        return annotation;
    }
  return NULL;
}

const char *
px_session_get_setting (PxSession  *self,
                        const char *key)
{
  g_return_val_if_fail (PX_IS_SESSION (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  return g_hash_table_lookup (self->settings, key);
}

void
px_session_set_setting (PxSession  *self,
                        const char *key,
                        const char *value)
{
  g_return_if_fail (PX_IS_SESSION (self));
  g_return_if_fail (key != NULL && key[0] != '\0' && g_utf8_validate (key, -1, NULL) && is_xml_safe (key));
  g_return_if_fail (value == NULL || g_utf8_validate (value, -1, NULL));

  if (g_strcmp0 (g_hash_table_lookup (self->settings, key), value) == 0)
    return;
  if (value == NULL)
    g_hash_table_remove (self->settings, key);
  else
    g_hash_table_insert (self->settings, g_strdup (key), g_strdup (value));
  emit_changed (self);
}

GStrv
px_session_dup_setting_keys (PxSession *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GList) keys = NULL;

  g_return_val_if_fail (PX_IS_SESSION (self), NULL);

  keys = g_list_sort (g_hash_table_get_keys (self->settings), (GCompareFunc)strcmp);
  for (GList *l = keys; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);
  return g_strv_builder_end (builder);
}

GBytes *
px_session_to_bytes (PxSession *self)
{
  xmlDocPtr doc;
  xmlChar *buffer = NULL;
  int length = 0;
  GBytes *bytes;

  g_return_val_if_fail (PX_IS_SESSION (self), NULL);

  doc = build_xml (self);
  xmlDocDumpFormatMemoryEnc (doc, &buffer, &length, "UTF-8", 1);
  xmlFreeDoc (doc);
  bytes = g_bytes_new (buffer, length);
  xmlFree (buffer);
  return bytes;
}

static PxSession *
session_from_bytes (GBytes        *bytes,
                    const char    *origin,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *name = display_name (origin);
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  ParseGuard guard = { 0 };
  const char *data;
  gsize length;
  PxSession *session = NULL;
  gboolean well_formed;
  int line = 0;
  g_autofree char *reason = NULL;

  g_assert (bytes != NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length > PX_SESSION_MAX_BYTES)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_TOO_LARGE,
                   "“%s” is too large for a session file (%" G_GSIZE_FORMAT " MiB; the limit is %d MiB)",
                   name, length / (1024 * 1024), PX_SESSION_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (length == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_EMPTY, "“%s” is empty", name);
      return NULL;
    }

  ctxt = xmlCreateMemoryParserCtxt (data, (int)length);
  if (ctxt == NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT, "“%s” could not be read as XML", name);
      return NULL;
    }
  /* No network, no entity substitution, no DTD loading; large text nodes
   * are allowed (sources go up to 64 MiB) since size and depth are bounded
   * here. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NOCDATA | XML_PARSE_HUGE);
  ctxt->_private = &guard;
  ctxt->sax->internalSubset = guard_internal_subset_cb;
  ctxt->sax->externalSubset = NULL;
  ctxt->sax->startElementNs = guard_start_element_cb;
  ctxt->sax->endElementNs = guard_end_element_cb;

  /* Encoding errors go to libxml2's generic handler (stderr) whatever the
   * options: silenced on this thread for the parse; the error is ours. */
  {
    xmlGenericErrorFunc saved_handler = xmlGenericError;
    void *saved_context = xmlGenericErrorContext;

    xmlSetGenericErrorFunc (NULL, discard_generic_error_cb);
    xmlParseDocument (ctxt);
    xmlSetGenericErrorFunc (saved_context, saved_handler);
  }
  doc = ctxt->myDoc;
  ctxt->myDoc = NULL;
  well_formed = ctxt->wellFormed;
  if (ctxt->lastError.message != NULL)
    {
      reason = g_strstrip (g_strdup (ctxt->lastError.message));
      line = ctxt->lastError.line;
    }
  xmlFreeParserCtxt (ctxt);

  if (guard.has_dtd)
    g_set_error (error, PX_ERROR, PX_ERROR_HOSTILE,
                 "“%s” was refused: it declares a document type (DTD), which session files never do", name);
  else if (guard.too_deep)
    g_set_error (error, PX_ERROR, PX_ERROR_HOSTILE,
                 "“%s” was refused: its elements nest deeper than %d levels", name, PX_SESSION_MAX_DEPTH);
  else if (!well_formed || doc == NULL)
    g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                 "“%s” is not a Parallax session: it is not well-formed XML (line %d: %s)",
                 name, line, reason != NULL ? reason : "unreadable");
  else
    session = read_session (doc, name, cancellable, error);

  if (doc != NULL)
    xmlFreeDoc (doc);
  return session;
}

/**
 * px_session_new_from_bytes:
 * @origin: (nullable): the path or URL, for error messages
 *
 * Returns: (transfer full) (nullable): the session, or NULL with an error in
 *   PX_ERROR: TOO_LARGE, HOSTILE (a DTD, too deep), INVALID_INPUT (not XML,
 *   another root, another version, missing parts), EMPTY.
 */
PxSession *
px_session_new_from_bytes (GBytes      *bytes,
                           const char  *origin,
                           GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return session_from_bytes (bytes, origin, NULL, error);
}

/* Saving
 *
 * A save writes ".NAME.px-save-XXXXXX" beside the file, flushed to disk,
 * then renames it over the file: a reader sees the old file or the new one,
 * never a part. The writer holds an exclusive flock() on its temporary file
 * until the rename; one that nobody holds is what a killed save left, and
 * the next save of the same file removes it. */
#define SAVE_TEMP_INFIX  ".px-save-"
#define SAVE_NAME_KEPT   200   /* bytes of the name in the temporary name */
#define SAVE_MAX_LINKS   40

static char *
temporary_prefix (const char *basename)
{
  return g_strdup_printf (".%.*s" SAVE_TEMP_INFIX, SAVE_NAME_KEPT, basename);
}

static gboolean
set_save_error (GError     **error,
                int          saved_errno,
                const char  *path,
                const char  *what)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "“%s” could not be saved (%s: %s)", name, what, g_strerror (saved_errno));
  return FALSE;
}

/* The file a path names, through any symbolic links: saving replaces the
 * target and leaves the link a link. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < SAVE_MAX_LINKS; i++)
    {
      GStatBuf st;
      g_autofree char *target = NULL;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      target = g_file_read_link (current, NULL);
      if (target == NULL)
        return g_steal_pointer (&current);
      if (!g_path_is_absolute (target))
        {
          g_autofree char *folder = g_path_get_dirname (current);
          char *joined = g_build_filename (folder, target, NULL);

          g_free (target);
          target = joined;
        }
      g_free (current);
      current = g_steal_pointer (&target);
    }
  set_save_error (error, ELOOP, path, "following its links");
  return NULL;
}

static void
remove_stale_temporaries (const char *folder,
                          const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gsize prefix_length = strlen (prefix);
  const char *entry;

  if (dir == NULL)
    return;
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat opened, named;
      int fd;

      if (strncmp (entry, prefix, prefix_length) != 0 || strlen (entry) != prefix_length + 6)
        continue;
      path = g_build_filename (folder, entry, NULL);
      fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
      if (fd < 0)
        continue;
      /* Locked: a save is writing it (in this process or another). */
      if (fstat (fd, &opened) == 0 && S_ISREG (opened.st_mode) && opened.st_uid == getuid () &&
          flock (fd, LOCK_EX | LOCK_NB) == 0 &&
          lstat (path, &named) == 0 && named.st_dev == opened.st_dev && named.st_ino == opened.st_ino)
        g_unlink (path);
      close (fd);
    }
}

/* A new temporary file beside @target, open and locked; NULL on error. */
static char *
create_temporary (const char  *target,
                  int         *fd_out,
                  GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *basename = g_path_get_basename (target);
  g_autofree char *prefix = temporary_prefix (basename);

  remove_stale_temporaries (folder, prefix);

  for (guint attempt = 0; attempt < 4; attempt++)
    {
      g_autofree char *pattern = g_strconcat (prefix, "XXXXXX", NULL);
      char *path = g_build_filename (folder, pattern, NULL);
      struct stat opened, named;
      int fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0666);

      if (fd < 0)
        {
          int saved_errno = errno;

          g_free (path);
          set_save_error (error, saved_errno, target, "creating a temporary file beside it");
          return NULL;
        }
      (void)flock (fd, LOCK_EX);
      /* Another save's clean-up may have taken it before the lock. */
      if (fstat (fd, &opened) == 0 && lstat (path, &named) == 0 &&
          named.st_dev == opened.st_dev && named.st_ino == opened.st_ino)
        {
          *fd_out = fd;
          return path;
        }
      close (fd);
      g_free (path);
    }
  set_save_error (error, EAGAIN, target, "creating a temporary file beside it");
  return NULL;
}

static gboolean
save_to_path (const char    *path,
              const char    *data,
              gsize          length,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *target = resolve_links (path, error);
  g_autofree char *temporary = NULL;
  g_autofree char *folder = NULL;
  struct stat old;
  int fd = -1;
  int dir_fd;

  if (target == NULL)
    return FALSE;
  temporary = create_temporary (target, &fd, error);
  if (temporary == NULL)
    return FALSE;

  /* The file keeps its permissions (and its group, when we may set it). */
  if (stat (target, &old) == 0 && S_ISREG (old.st_mode))
    {
      if (fchown (fd, (uid_t)-1, old.st_gid) != 0)
        g_debug ("“%s” keeps its mode but not its group: %s", target, g_strerror (errno));
      if (fchmod (fd, old.st_mode & 07777) != 0)
        g_debug ("“%s” could not keep its mode: %s", target, g_strerror (errno));
    }

  for (gsize done = 0; done < length;)
    {
      gssize n = write (fd, data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_unlink (temporary);
          return set_save_error (error, saved_errno, target, "writing");
        }
      done += n;
    }
  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (temporary);
      return set_save_error (error, saved_errno, target, "flushing to disk");
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      close (fd);
      g_unlink (temporary);
      return FALSE;
    }
  if (g_rename (temporary, target) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (temporary);
      return set_save_error (error, saved_errno, target, "replacing it");
    }
  close (fd);

  /* The rename itself reaches the disk with the folder. */
  folder = g_path_get_dirname (target);
  dir_fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      (void)fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

gboolean
px_session_save (PxSession     *self,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *path;
  const char *data;
  gsize length;

  g_return_val_if_fail (PX_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = px_session_to_bytes (self);
  data = g_bytes_get_data (bytes, &length);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_peek_path (file);
  if (path != NULL)
    return save_to_path (path, data, length, cancellable, error);

  return g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}

static PxSession *
snapshot (PxSession *self)
{
  PxSession *copy = px_session_new ();
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < self->documents->len; i++)
    g_ptr_array_add (copy->documents, g_object_ref (g_ptr_array_index (self->documents, i)));
  g_array_append_vals (copy->columns, self->columns->data, self->columns->len);
  for (guint i = 0; i < self->annotations->len; i++)
    g_ptr_array_add (copy->annotations, g_object_ref (g_ptr_array_index (self->annotations, i)));
  g_hash_table_iter_init (&iter, self->settings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->settings, g_strdup (key), g_strdup (value));
  return copy;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PxSession *copy = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "px-file");
  GError *error = NULL;

  if (px_session_save (copy, file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
px_session_save_async (PxSession           *self,
                       GFile               *file,
                       int                  io_priority,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PX_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, px_session_save_async);
  g_task_set_priority (task, io_priority);
  g_task_set_task_data (task, snapshot (self), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "px-file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, save_thread);
}

gboolean
px_session_save_finish (PxSession     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (PX_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

PxSession *
px_session_load (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *origin = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = px_read_file (file, PX_SESSION_MAX_BYTES, cancellable, error);
  if (bytes == NULL)
    return NULL;
  origin = g_file_get_parse_name (file);
  return session_from_bytes (bytes, origin, cancellable, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  PxSession *session = px_session_load (task_data, cancellable, &error);

  if (session == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, session, g_object_unref);
}

void
px_session_load_async (GFile               *file,
                       int                  io_priority,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  /* libxml2 must be set up on the main thread before workers parse. */
  xmlInitParser ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, px_session_load_async);
  g_task_set_priority (task, io_priority);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

PxSession *
px_session_load_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
px_session_is_session_file (const char *path,
                            const char *data,
                            gsize       length)
{
  g_autofree char *head = NULL;
  const char *p;

  if (path != NULL && g_str_has_suffix (path, ".parallax"))
    return TRUE;
  if (data == NULL)
    return FALSE;

  /* An XML document (after a BOM and white space) whose root is ours: a
   * text that merely mentions the element is not a session. */
  head = g_strndup (data, MIN (length, 1024));
  p = head;
  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  while (g_ascii_isspace (*p))
    p++;
  /* A document type named after our root (which the loader refuses with a
   * message that says why) is a session too; <!DOCTYPE html> is not. */
  if (g_str_has_prefix (p, "<!DOCTYPE"))
    {
      p += strlen ("<!DOCTYPE");
      while (g_ascii_isspace (*p))
        p++;
      return g_str_has_prefix (p, "parallax-session") &&
             (p[strlen ("parallax-session")] == '>' || p[strlen ("parallax-session")] == '[' ||
              g_ascii_isspace (p[strlen ("parallax-session")]));
    }
  if (!g_str_has_prefix (p, "<?xml") && !g_str_has_prefix (p, "<!--") && !g_str_has_prefix (p, "<parallax-session"))
    return FALSE;
  return strstr (p, "<parallax-session") != NULL;
}
