/* px-fuzz.h: what every libFuzzer harness of the engine shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A harness is one LLVMFuzzerTestOneInput() over one input surface. The
 * engine must never crash, leak, trip a sanitizer or log a critical on any
 * input: criticals and warnings abort here, as G_DEBUG=fatal-criticals does
 * in the test suite.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <libxml/parser.h>

#include "parallax-core.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* abort(), not GLib's breakpoint trap: libFuzzer catches SIGABRT and keeps
 * the input that caused it. */
static void
px_fuzz_log_cb (const char     *domain,
                GLogLevelFlags  level,
                const char     *message,
                gpointer        user_data)
{
  g_log_default_handler (domain, level, message, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
}

/* glibc loads the iconv module of a charset when a converter is opened
 * and may unload it when the last one is closed, so the engine's legacy
 * decodings (px-decode.c, px-html.c) leave or free a module's memory in
 * some runs, and libFuzzer runs each input that ends with more memory
 * than it began with a second time to rule out a leak. Converters opened
 * once here, never closed, keep these modules loaded. */
static void
px_fuzz_keep_iconv_modules (void)
{
  static const char * const charsets[] = {
    "WINDOWS-1252", "ISO-8859-1", "WINDOWS-1251", "KOI8-R", "UTF-16", "UTF-16LE", "UTF-16BE",
  };
  /* kept where LeakSanitizer sees them */
  static GIConv kept[G_N_ELEMENTS (charsets)];

  for (guint i = 0; i < G_N_ELEMENTS (charsets); i++)
    kept[i] = g_iconv_open ("UTF-8", charsets[i]);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  xmlInitParser ();
  px_fuzz_keep_iconv_modules ();
  g_log_set_default_handler (px_fuzz_log_cb, NULL);
  return 0;
}

/* The input as valid UTF-8, for the stages that take normalized text. */
static inline char *
px_fuzz_dup_text (const uint8_t *data,
                  size_t         size,
                  gsize         *length)
{
  char *text = g_utf8_make_valid ((const char *)data, size);

  *length = strlen (text);
  return text;
}

/* Every range the model hands out lies inside its text, in order, on
 * character boundaries. */
static inline void
px_fuzz_check_document (PxDocument *document)
{
  gsize length = 0;
  const char *text = px_document_get_text (document, &length);

  g_assert (g_utf8_validate (text, length, NULL));
  for (guint i = 0; i < px_document_get_n_paragraphs (document); i++)
    {
      const PxParagraph *para = px_document_get_paragraph (document, i);

      g_assert (para->start <= para->end && para->end <= length);
      g_assert (para->first_segment + para->n_segments <= px_document_get_n_segments (document));
    }
  for (guint i = 0; i < px_document_get_n_segments (document); i++)
    {
      const PxSegment *segment = px_document_get_segment (document, i);

      g_assert (segment->start <= segment->end && segment->end <= length);
      g_assert (segment->start == length || (text[segment->start] & 0xC0) != 0x80);
      g_assert (segment->end == length || (text[segment->end] & 0xC0) != 0x80);
    }
}
