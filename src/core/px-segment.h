/* px-segment.h: paragraphs, sentences and tokens of a normalized text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-document.h"

G_BEGIN_DECLS

#define PX_FORM_BLOCK 512

typedef struct
{
  GArray       *paragraphs;  /* PxParagraph; given (structured sources) or found */
  GArray       *segments;    /* PxSegment */
  GArray       *tokens;      /* PxToken; each points to a PxForm of forms */
  GPtrArray    *forms;       /* blocks of PX_FORM_BLOCK PxForm, whose strings are in strings */
  guint         n_forms;     /* forms in the blocks */
  GStringChunk *strings;
  /* Metadata read from the text's own metadata lines (a "source: URL"
   * line, a date line or timestamp, a dateline before the first
   * sentence, a byline, a masthead); NULL when none. Owned: the caller
   * frees them. Metadata lines are boilerplate segments; a dateline is
   * in no segment (the first sentence starts after it). */
  char         *origin_url;
  char         *date;        /* YYYY-MM-DD */
  char         *dateline;    /* the place of a dateline: "ASTANA" */
  char         *byline;
  char         *site;
} PxTextModel;

/* The first date written in @line (2022-11-20, 20.11.2022, March 13, 2023,
 * 12 March 2023), as YYYY-MM-DD, or NULL. */
char    *px_segment_parse_date      (const char  *line);

/* Splits plain text into paragraphs (blank lines, one paragraph a line for
 * unwrapped text, hard-wrapped lines joined). Appends PxParagraph to
 * @paragraphs with kind and segment fields filled by px_segment_text(). */
void     px_segment_find_paragraphs (const char  *text,
                                     gsize        length,
                                     GArray      *paragraphs);

/* Fills model->segments and model->tokens for model->paragraphs (which must
 * already be set), and each paragraph's first_segment/n_segments. Segment
 * kinds include boilerplate, judged from general features. Thread-safe. */
void     px_segment_text            (const char  *text,
                                     gsize        length,
                                     PxTextModel *model);

G_END_DECLS
