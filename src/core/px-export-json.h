/* px-export-json.h: the comparison as a JSON document (docs/json-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "px-comparison.h"

G_BEGIN_DECLS

#define PX_JSON_FORMAT_VERSION 1

JsonNode *px_export_json_node   (PxComparison *comparison);
char     *px_export_json_string (PxComparison *comparison,
                                 gboolean      pretty,
                                 gsize        *length);
JsonNode *px_export_json_documents_node (GPtrArray *documents);
char     *px_export_json_to_string      (JsonNode  *root,
                                         gboolean   pretty,
                                         gsize     *length);

G_END_DECLS
