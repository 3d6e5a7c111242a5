/* px-import-office-private.h: Word (.docx) and OpenDocument (.odt) files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "px-document-private.h"

G_BEGIN_DECLS

/* A zip container (px_zip_sniff()): a Word or OpenDocument text document,
 * or refused with a message that says what it is. */
PxDocument *px_import_office           (const char   *data,
                                        gsize         length,
                                        const char   *origin,
                                        GError      **error);

/* Shared by the two formats (px-import-office.c). */

/* Parses the part @part_name of @parts with no network, no DTD and no
 * entity substitution; a part that declares a document type is refused
 * as hostile. NULL without an error when the part is absent and not
 * @required. */
xmlDoc     *px_office_parse_part       (GHashTable   *parts,
                                        const char   *part_name,
                                        gboolean      required,
                                        const char   *name,
                                        GError      **error);
/* An element called @local in the namespace @ns. */
gboolean    px_office_is               (const xmlNode *node,
                                        const char   *ns,
                                        const char   *local);
/* The first child element @local in @ns, or NULL. */
xmlNode    *px_office_child            (const xmlNode *node,
                                        const char   *ns,
                                        const char   *local);
/* Appends the text (and CDATA) children of @node. */
void        px_office_append_text      (GString      *out,
                                        const xmlNode *node);
/* The text of @node's text children, stripped; NULL when empty. */
char       *px_office_dup_text         (const xmlNode *node);
/* YYYY-MM-DD (or YYYY-MM, YYYY) from a W3C date-time, or NULL. */
char       *px_office_parse_date       (const char   *value);

PxDocument *px_import_docx             (GHashTable   *parts,
                                        const char   *origin,
                                        const char   *name,
                                        GError      **error);
PxDocument *px_import_odt              (GHashTable   *parts,
                                        const char   *origin,
                                        const char   *name,
                                        GError      **error);

G_END_DECLS
