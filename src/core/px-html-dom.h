/* px-html-dom.h: small helpers over libxml2's HTML tree (px-html*.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>

G_BEGIN_DECLS

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
