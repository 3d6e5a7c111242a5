/* px-segment.c (scaffolding; the text-model work replaces it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-segment"

#include "config.h"

#include <string.h>

#include "px-normalize.h"
#include "px-segment.h"

void
px_segment_find_paragraphs (const char *text,
                            gsize       length,
                            GArray     *paragraphs)
{
  gsize pos = 0;

  while (pos < length)
    {
      const char *nl = memchr (text + pos, '\n', length - pos);
      gsize end = nl != NULL ? (gsize)(nl - text) : length;

      if (end > pos)
        {
          PxParagraph para = { (guint)pos, (guint)end, PX_PARAGRAPH_TEXT, 0, 0 };
          g_array_append_val (paragraphs, para);
        }
      pos = end + 1;
    }
}

void
px_segment_text (const char  *text,
                 gsize        length,
                 PxTextModel *model)
{
  for (guint i = 0; i < model->paragraphs->len; i++)
    {
      PxParagraph *para = &g_array_index (model->paragraphs, PxParagraph, i);
      PxSegment seg = { para->start, para->end, PX_SEGMENT_SENTENCE, i, model->tokens->len, 0 };
      const char *p = text + para->start;
      const char *end = text + para->end;

      while (p < end)
        {
          const char *q;
          PxToken token = { 0 };
          g_autofree char *norm = NULL;

          while (p < end && !g_unichar_isalnum (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          if (p >= end)
            break;
          q = p;
          while (q < end && g_unichar_isalnum (g_utf8_get_char (q)))
            q = g_utf8_next_char (q);
          norm = px_normalize_word (p, q - p);
          token.start = p - text;
          token.end = q - text;
          token.norm = g_string_chunk_insert_const (model->strings, norm);
          token.stem = token.norm;
          token.flags = PX_TOKEN_WORD;
          g_array_append_val (model->tokens, token);
          seg.n_tokens++;
          p = q;
        }

      para->first_segment = model->segments->len;
      para->n_segments = 1;
      g_array_append_val (model->segments, seg);
    }
}
