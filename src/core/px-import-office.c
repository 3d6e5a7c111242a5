/* px-import-office.c: zip containers → Word or OpenDocument importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-import-office"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "px-decode.h"
#include "px-error.h"
#include "px-import-office-private.h"
#include "px-zip-private.h"

/* No network, no DTD loading, no entity substitution (XML_PARSE_NOENT and
 * XML_PARSE_DTDLOAD are left out on purpose) and libxml2's default limits
 * on depth and text size (no XML_PARSE_HUGE). */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | \
                       XML_PARSE_COMPACT)

static const char * const office_parts[] = {
  "mimetype",
  "word/document.xml", "word/styles.xml", "word/footnotes.xml", "word/endnotes.xml", "docProps/core.xml",
  "content.xml", "styles.xml", "meta.xml",
  NULL
};

static gboolean
has_doctype (const char *data,
             gsize       length)
{
  static const char needle[] = "<!DOCTYPE";

  for (gsize i = 0; i + sizeof needle - 1 <= length; i++)
    if (data[i] == '<' && memcmp (data + i, needle, sizeof needle - 1) == 0)
      return TRUE;
  return FALSE;
}

xmlDoc *
px_office_parse_part (GHashTable  *parts,
                      const char  *part_name,
                      gboolean     required,
                      const char  *name,
                      GError     **error)
{
  GBytes *bytes = g_hash_table_lookup (parts, part_name);
  const char *data;
  gsize length;
  xmlDoc *doc;

  if (bytes == NULL)
    {
      if (required)
        g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                     "“%s” is damaged: its part “%s” is missing", name, part_name);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  /* Office suites never write a DTD; one in a part is an attempt at
   * entity expansion or external entities. */
  if (has_doctype (data, length))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_HOSTILE,
                   "“%s” declares a document type (DTD) in its part “%s”; it was refused as hostile",
                   name, part_name);
      return NULL;
    }
  doc = xmlReadMemory (data, (int)length, part_name, NULL, PARSE_OPTIONS);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "“%s” is damaged: its part “%s” is not well-formed XML", name, part_name);
      return NULL;
    }
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      xmlFreeDoc (doc);
      g_set_error (error, PX_ERROR, PX_ERROR_HOSTILE,
                   "“%s” declares a document type (DTD) in its part “%s”; it was refused as hostile",
                   name, part_name);
      return NULL;
    }
  return doc;
}

gboolean
px_office_is (const xmlNode *node,
              const char    *ns,
              const char    *local)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL && node->ns->href != NULL &&
         strcmp ((const char *)node->name, local) == 0 && strcmp ((const char *)node->ns->href, ns) == 0;
}

xmlNode *
px_office_child (const xmlNode *node,
                 const char    *ns,
                 const char    *local)
{
  for (xmlNode *child = node != NULL ? node->children : NULL; child != NULL; child = child->next)
    if (px_office_is (child, ns, local))
      return child;
  return NULL;
}

void
px_office_append_text (GString       *out,
                       const xmlNode *node)
{
  for (const xmlNode *child = node->children; child != NULL; child = child->next)
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content != NULL)
      g_string_append (out, (const char *)child->content);
}

char *
px_office_dup_text (const xmlNode *node)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (node == NULL)
    return NULL;
  px_office_append_text (text, node);
  g_strstrip (text->str);
  if (text->str[0] == '\0' || !g_utf8_validate (text->str, -1, NULL))
    return NULL;
  return g_strdup (text->str);
}

char *
px_office_parse_date (const char *value)
{
  gsize n = 0;

  if (value == NULL)
    return NULL;
  while (g_ascii_isspace (*value))
    value++;
  /* YYYY, then -MM, then -DD, each only when all digits */
  if (!(g_ascii_isdigit (value[0]) && g_ascii_isdigit (value[1]) && g_ascii_isdigit (value[2]) &&
        g_ascii_isdigit (value[3])))
    return NULL;
  n = 4;
  if (value[4] == '-' && g_ascii_isdigit (value[5]) && g_ascii_isdigit (value[6]))
    {
      n = 7;
      if (value[7] == '-' && g_ascii_isdigit (value[8]) && g_ascii_isdigit (value[9]))
        n = 10;
    }
  /* an unset date (year 0, month 0) or an impossible one is no date */
  {
    int year = atoi (value);
    int month = n >= 7 ? atoi (value + 5) : 1;
    int day = n >= 10 ? atoi (value + 8) : 1;

    if (year < 1 || month < 1 || month > 12 || day < 1 ||
        !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
      return NULL;
  }
  return g_strndup (value, n);
}

PxDocument *
px_import_office (const char  *data,
                  gsize        length,
                  const char  *origin,
                  GError     **error)
{
  g_autofree char *name = px_import_display_name (origin);
  g_autoptr(GHashTable) parts = NULL;
  GBytes *mimetype;

  parts = px_zip_read_parts (data, length, office_parts, name, error);
  if (parts == NULL)
    return NULL;

  if (g_hash_table_contains (parts, "word/document.xml"))
    return px_import_docx (parts, origin, name, error);

  mimetype = g_hash_table_lookup (parts, "mimetype");
  if (mimetype != NULL)
    {
      gsize n;
      const char *type = g_bytes_get_data (mimetype, &n);
      static const char odt[] = "application/vnd.oasis.opendocument.text";

      if (!(n >= sizeof odt - 1 && memcmp (type, odt, sizeof odt - 1) == 0))
        {
          /* (an empty part has no data at all) */
          g_autofree char *shown = g_strstrip (g_strndup (type != NULL ? type : "", MIN (n, 80)));

          g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                       "“%s” is an OpenDocument file of type “%s”, not a text document (.odt); "
                       "it was not opened", name, *shown != '\0' && g_utf8_validate (shown, -1, NULL) ? shown : "?");
          return NULL;
        }
    }
  if (g_hash_table_contains (parts, "content.xml"))
    return px_import_odt (parts, origin, name, error);

  g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
               "“%s” is a zip archive, not a Word (.docx) or OpenDocument text (.odt) document", name);
  return NULL;
}
