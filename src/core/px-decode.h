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
 * UTF-16 with or without BOM, Windows-1252/Latin-1, Windows-1251, KOI8-R).
 * Bytes that are damage in the encoding (a NUL, a broken UTF-8 sequence)
 * become U+FFFD, and @warning (nullable) says so in a sentence for the
 * reader; it is NULL when nothing was replaced. */
char       *px_decode_text            (const char   *data,
                                       gsize         length,
                                       const char   *origin,
                                       const char  **encoding,
                                       gsize        *out_length,
                                       char        **warning,
                                       GError      **error);
/* Counts the multi-byte sequences of @data that are valid UTF-8, the bytes
 * that are not (NULs apart) and the NUL bytes. */
void        px_decode_count_utf8      (const char   *data,
                                       gsize         length,
                                       gsize        *n_valid,
                                       gsize        *n_invalid,
                                       gsize        *n_nul);
/* Whether @data reads as UTF-8 with at most a little damage: bytes that are
 * not UTF-8 (NULs aside) fewer than a fifth of its valid multi-byte
 * sequences. */
gboolean    px_decode_is_mostly_utf8  (const char   *data,
                                       gsize         length);
/* @data as valid UTF-8: each NUL and each byte of a broken sequence becomes
 * U+FFFD; @warning (nullable) says how many, counting byte positions from
 * @offset, or is NULL when none was. */
char       *px_decode_repair_utf8     (const char   *data,
                                       gsize         length,
                                       gsize         offset,
                                       gsize        *out_length,
                                       char        **warning);
/* NULs in @text (@length bytes, converted from @encoding) as U+FFFD; sets
 * @warning when it is NULL and a NUL was replaced. */
void        px_decode_replace_nuls    (char        **text,
                                       gsize        *length,
                                       const char   *encoding,
                                       char        **warning);
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
