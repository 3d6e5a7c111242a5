/* px-html-private.h: the parts of web-page import (px-html*.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * px-html.c decodes the bytes and parses them with libxml2;
 * px-html-meta.c reads the metadata (title, byline, date, site, URL);
 * px-html-extract.c finds the article body by content scoring.
 * Every walk over the tree is iterative: a page may nest 100,000 levels.
 */
#pragma once

#include <libxml/HTMLparser.h>

#include "px-document-private.h"

G_BEGIN_DECLS

typedef struct
{
  char *title;
  char *byline;
  char *date;     /* YYYY, YYYY-MM or YYYY-MM-DD */
  char *site;
  char *url;
} PxHtmlMeta;

void        px_html_meta_clear        (PxHtmlMeta   *meta);
void        px_html_read_meta         (xmlDoc       *doc,
                                       PxHtmlMeta   *meta);
/* Adds the article body to @builder, one call per block; returns the
 * number of paragraphs added. Sets meta->byline from the page's author
 * line when the metadata named none. */
guint       px_html_extract_body      (xmlDoc            *doc,
                                       PxHtmlMeta        *meta,
                                       PxDocumentBuilder *builder);

/* Helpers shared by the files above. */
const char *px_html_get_attr          (xmlNode      *node,
                                       const char   *name);
/* The node after @node in document order inside @top, entering @node's
 * children only when @descend; NULL after the last. A loop, never a
 * recursion: pages nest 100,000 deep. */
xmlNode    *px_html_next_node         (xmlNode      *node,
                                       xmlNode      *top,
                                       gboolean      descend);
gboolean    px_html_is_element        (xmlNode      *node,
                                       const char   *name);
/* The text of @node and its descendants, white space collapsed, without
 * scripts and styles; at most about @max_bytes bytes, from at most
 * 8 × @max_bytes nodes. */
char       *px_html_dup_text          (xmlNode      *node,
                                       gsize         max_bytes);
/* Collapses runs of white space to one space and trims; in place. */
char       *px_html_collapse_space    (char         *text);

G_END_DECLS
