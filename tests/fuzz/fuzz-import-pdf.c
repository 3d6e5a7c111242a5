/* fuzz-import-pdf.c: PDF import (poppler) — reading order, paragraphs from
 * line geometry, hyphens, running headers and footers, refusals —
 * through the same door as a file: px_import_bytes()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "px-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_import_bytes (bytes, "fuzz.pdf", NULL, &error);

  if (document == NULL)
    g_assert (error != NULL && error->domain == PX_ERROR);
  else
    px_fuzz_check_document (document);
  return 0;
}
