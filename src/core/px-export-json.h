/* px-export-json.h: the comparison as a JSON document (docs/json-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-comparison.h"

G_BEGIN_DECLS

#define PX_JSON_FORMAT_VERSION 3

char *px_export_json_string           (PxComparison *comparison,
                                       gboolean      pretty,
                                       gsize        *length);
char *px_export_json_documents_string (GPtrArray    *documents,
                                       gboolean      pretty,
                                       gsize        *length);

G_END_DECLS
