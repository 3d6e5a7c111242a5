/* px-import-pdf-private.h: PDF files → documents (poppler-glib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-document.h"

G_BEGIN_DECLS

/* A PDF: "%PDF-" at the start, or in the first KiB of a file that ends
 * with "%%EOF". */
gboolean    px_pdf_sniff          (const char   *data,
                                   gsize         length);

/* The text in reading order, paragraphs rebuilt from the lines' geometry
 * (line-end hyphens undone, running headers, footers and page numbers
 * left out), title, author and date from the metadata. Encrypted,
 * damaged and image-only files are refused with a message that says so. */
PxDocument *px_import_pdf         (const char   *data,
                                   gsize         length,
                                   const char   *origin,
                                   GError      **error);

G_END_DECLS
