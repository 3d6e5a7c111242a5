/* px-export-html.h: a standalone HTML5 report of a comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One self-contained file: inline CSS (light, dark and print), no script and
 * a Content-Security-Policy that forbids it, no external requests. Built
 * with libxml2's tree API: article text, metadata and notes are untrusted
 * and only ever become text nodes or checked attribute values.
 */
#pragma once

#include <gio/gio.h>

#include "px-comparison.h"

G_BEGIN_DECLS

/* @annotations: (element-type PxAnnotation) (nullable): the user's
 * highlights; those on documents of @comparison are shown. Thread-safe. */
char       *px_export_html_string        (PxComparison         *comparison,
                                          GPtrArray            *annotations,
                                          gsize                *length);
/* Written atomically (a temporary file, then a rename). */
gboolean    px_export_html_file          (PxComparison         *comparison,
                                          GPtrArray            *annotations,
                                          GFile                *file,
                                          GCancellable         *cancellable,
                                          GError              **error);
void        px_export_html_file_async    (PxComparison         *comparison,
                                          GPtrArray            *annotations,
                                          GFile                *file,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean    px_export_html_file_finish   (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
