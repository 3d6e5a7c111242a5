/* px-html-private.h: the parts of web-page import (px-html*.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * px-html.c decodes the bytes and parses them with libxml2 (px-html.h);
 * px-html-dom.c holds the tree helpers they all use (a leaf);
 * px-html-meta.c reads the metadata (title, byline, date, site, URL);
 * px-html-items.c and px-html-extract.c find the article body by content
 * scoring (px-html-extract-private.h).
 * Every walk over the tree is iterative: a page may nest 100,000 levels.
 */
#pragma once

#include <libxml/HTMLparser.h>

#include "px-document-private.h"
#include "px-html-dom.h"

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

G_END_DECLS
