/* px-zip-private.h: the parts of a zip container, read within bounds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* At most this many entries in a container, whatever their size. */
#define PX_ZIP_MAX_ENTRIES 10000
/* Past PX_ZIP_RATIO_FREE_BYTES of output, the parts read may hold at most
 * this many bytes per byte of the container. Office files stay far below
 * (text XML deflates about 10:1); a zip bomb is far above (1000:1). */
#define PX_ZIP_MAX_RATIO 100
#define PX_ZIP_RATIO_FREE_BYTES (4 * 1024 * 1024)

/* "PK\3\4" (or an empty archive's "PK\5\6") at the start of @data. */
gboolean    px_zip_sniff       (const char          *data,
                                gsize                length);

/* Reads the entries of the zip archive in @data whose names are in
 * @wanted (NULL-terminated) into a table name → GBytes; the other entries
 * are counted, not inflated. The parts read together may hold at most
 * PX_IMPORT_MAX_BYTES and PX_ZIP_MAX_RATIO times the archive's size;
 * past either bound, or PX_ZIP_MAX_ENTRIES entries, the archive is refused
 * with PX_ERROR_HOSTILE; a damaged or encrypted archive with
 * PX_ERROR_INVALID_INPUT. @name names the file in messages. */
GHashTable *px_zip_read_parts  (const char          *data,
                                gsize                length,
                                const char * const  *wanted,
                                const char          *name,
                                GError             **error);

G_END_DECLS
