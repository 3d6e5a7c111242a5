/* fuzz-import-text.c: plain-text import (decoding, newlines, segmentation)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "px-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_import_text ((const char *)data, size, "fuzz.txt", &error);

  if (document == NULL)
    g_assert (error != NULL && error->domain == PX_ERROR);
  else
    px_fuzz_check_document (document);
  return 0;
}
