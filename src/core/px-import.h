/* px-import.h: from bytes to documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "px-decode.h"
#include "px-document.h"

G_BEGIN_DECLS

/* Detects the format (HTML or plain text, by content and name) and the
 * encoding; @origin is what the document reports as its origin (a path or
 * URL) and is used in error messages. */
PxDocument *px_import_bytes        (GBytes               *bytes,
                                    const char           *origin,
                                    GCancellable         *cancellable,
                                    GError              **error);
PxDocument *px_import_file         (GFile                *file,
                                    GCancellable         *cancellable,
                                    GError              **error);
void        px_import_file_async   (GFile                *file,
                                    int                   io_priority,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
PxDocument *px_import_file_finish  (GAsyncResult         *result,
                                    GError              **error);

/* The bytes of @file, refused with a PX_ERROR that names it when it is a
 * folder, a device or socket, a named pipe no program writes to,
 * unreadable or larger than @max_bytes. The reported size is only a hint:
 * at most @max_bytes + 1 bytes are read, in chunks, so pipes and /proc
 * files are bounded too. */
GBytes     *px_read_file           (GFile                *file,
                                    goffset               max_bytes,
                                    GCancellable         *cancellable,
                                    GError              **error);

/* Plain text only: decoding (BOM, UTF-8, UTF-16, Windows-1252/Latin-1,
 * Windows-1251, KOI8-R), newline normalization, title and date detection. */
PxDocument *px_import_text         (const char           *data,
                                    gsize                 length,
                                    const char           *origin,
                                    GError              **error);

G_END_DECLS
