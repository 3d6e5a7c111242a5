/* px-decode.h: bytes of text → normalized UTF-8, for the importers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files larger than this are refused with PX_ERROR_TOO_LARGE. */
#define PX_IMPORT_MAX_BYTES (64 * 1024 * 1024)

/* Decodes bytes to valid UTF-8 with LF line ends and no BOM; sets
 * @encoding to the name of the encoding that was assumed (BOM, UTF-8,
 * UTF-16, Windows-1252/Latin-1, Windows-1251, KOI8-R). */
char       *px_decode_text            (const char   *data,
                                       gsize         length,
                                       const char   *origin,
                                       const char  **encoding,
                                       gsize        *out_length,
                                       GError      **error);
/* NUL bytes, or many control characters, in the first few KiB. UTF-16
 * text has NUL bytes too: recognise it by its BOM first. */
gboolean    px_decode_looks_binary    (const char   *data,
                                       gsize         length);
/* The name errors give a source: the base name of @origin, or "input". */
char       *px_import_display_name    (const char   *origin);
/* FALSE, with an error naming @name, for empty input or input over
 * PX_IMPORT_MAX_BYTES. */
gboolean    px_import_check_length    (const char   *name,
                                       gsize         length,
                                       GError      **error);

G_END_DECLS
