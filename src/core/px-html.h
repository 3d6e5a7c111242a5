/* px-html.h: web pages → documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-document.h"

G_BEGIN_DECLS

/* Decodes the page (BOM, declared charset checked against the bytes, then
 * the text decoder's guess), parses it with libxml2 and extracts the
 * article and its metadata. Hostile pages are refused with PX_ERROR_HOSTILE. */
PxDocument *px_import_html            (const char   *data,
                                       gsize         length,
                                       const char   *origin,
                                       GError      **error);

G_END_DECLS
