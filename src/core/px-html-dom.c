/* px-html-dom.c: small helpers over libxml2's HTML tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A leaf shared by px-html.c, px-html-meta.c and px-html-extract.c. Every
 * walk is a loop, never a recursion: a page may nest 100,000 levels.
 */
#define G_LOG_DOMAIN "px-html"

#include "config.h"

#include <string.h>

#include "px-html-dom.h"

const char *
px_html_get_attr (xmlNode    *node,
                  const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (g_ascii_strcasecmp ((const char *)attr->name, name) != 0)
        continue;
      if (attr->children != NULL && attr->children->type == XML_TEXT_NODE && attr->children->next == NULL)
        return (const char *)attr->children->content;
      return "";
    }
  return NULL;
}

gboolean
px_html_is_element (xmlNode    *node,
                    const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->name != NULL &&
         g_ascii_strcasecmp ((const char *)node->name, name) == 0;
}

char *
px_html_collapse_space (char *text)
{
  char *out = text;
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      /* U+00A0 (C2 A0) counts as a space, as in the document builder. */
      if (c == 0xC2 && (guchar)p[1] == 0xA0)
        {
          p++;
          c = ' ';
        }
      if (g_ascii_isspace (c) || c < 0x20)
        {
          space = out != text;
          continue;
        }
      if (space)
        *out++ = ' ';
      space = FALSE;
      *out++ = c;
    }
  *out = '\0';
  return text;
}

xmlNode *
px_html_next_node (xmlNode  *node,
                   xmlNode  *top,
                   gboolean  descend)
{
  if (descend && node->children != NULL)
    return node->children;
  while (node != top && node->next == NULL)
    node = node->parent;
  return node == top ? NULL : node->next;
}

static gboolean
is_invisible_element (xmlNode *node)
{
  return px_html_is_element (node, "script") || px_html_is_element (node, "style") ||
         px_html_is_element (node, "template") || px_html_is_element (node, "noscript");
}

char *
px_html_dup_text (xmlNode *node,
                  gsize    max_bytes)
{
  GString *out = g_string_new (NULL);
  xmlNode *top = node;
  /* Markup without text must not make this walk long either. */
  gsize budget = max_bytes * 8 + 64;

  while (node != NULL && out->len < max_bytes && budget-- > 0)
    {
      gboolean descend = TRUE;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL)
            g_string_append (out, (const char *)node->content);
          descend = FALSE;
        }
      else if (node->type != XML_ELEMENT_NODE || is_invisible_element (node))
        descend = node == top && node->type != XML_ELEMENT_NODE;
      else if (px_html_is_element (node, "br") || px_html_is_element (node, "p") ||
               px_html_is_element (node, "div") || px_html_is_element (node, "li"))
        g_string_append_c (out, ' ');

      node = px_html_next_node (node, top, descend);
    }
  if (out->len > max_bytes)
    {
      const char *end = out->str + max_bytes;

      g_utf8_validate (out->str, max_bytes, &end);
      g_string_truncate (out, end - out->str);
    }
  return px_html_collapse_space (g_string_free (out, FALSE));
}
