/* px-cli.h: parallax-cli subcommands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "parallax-core.h"

G_BEGIN_DECLS

/* Each subcommand gets argv[0] = its own name and returns the exit status:
 * 0 success, 1 some input failed (others still processed), 2 usage error. */
int        px_cli_compare        (int      argc,
                                  char   **argv);
int        px_cli_facts          (int      argc,
                                  char   **argv);
int        px_cli_similarity     (int      argc,
                                  char   **argv);
int        px_cli_segment        (int      argc,
                                  char   **argv);
int        px_cli_extract        (int      argc,
                                  char   **argv);

/* Shared helpers (px-cli-common.c). */
void       px_cli_print_error    (const char    *format,
                                  ...) G_GNUC_PRINTF (1, 2);
/* Imports a file, or fetches an http(s) address. */
PxDocument *px_cli_import        (const char    *arg,
                                  GError       **error);
/* Imports each path; prints an error line for each failure and sets
 * *n_failed. Returns the documents that loaded, in order. */
/* The import warnings of @document on stderr, each with its file's name. */
void       px_cli_print_warnings (PxDocument     *document,
                                  const char     *path);
GPtrArray *px_cli_import_files   (char         **paths,
                                  guint         *n_failed);
/* Writes @data to @path atomically, or to stdout when @path is NULL or "-". */
gboolean   px_cli_write_output   (const char    *path,
                                  const char    *data,
                                  gsize          length,
                                  GError       **error);

/* While text is printed to standard output (@path NULL or "-"), writes
 * what @out holds once it holds 64 KiB, and empties it: a long listing is
 * not held whole. Keeps it for a file, written at once at the end. FALSE
 * with @error set when the output fails; then writes nothing more. */
gboolean   px_cli_spill_output   (const char    *path,
                                  GString       *out,
                                  GError       **error);

/* The peak resident memory of this process in KiB (VmHWM), 0 if unknown. */
guint64    px_cli_peak_rss_kib   (void);

G_END_DECLS
