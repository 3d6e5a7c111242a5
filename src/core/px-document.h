/* px-document.h: an imported source, its text and its structure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PxDocument is immutable once built. Every offset is a byte offset into
 * the normalized UTF-8 text returned by px_document_get_text(), end
 * exclusive. It is safe to read one document from several threads.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PX_SEGMENT_SENTENCE,
  PX_SEGMENT_HEADING,
  PX_SEGMENT_CAPTION,
  PX_SEGMENT_BOILERPLATE,
} PxSegmentKind;

typedef enum
{
  PX_PARAGRAPH_TEXT,
  PX_PARAGRAPH_HEADING,
  PX_PARAGRAPH_LIST_ITEM,
  PX_PARAGRAPH_QUOTE,
} PxParagraphKind;

typedef enum
{
  PX_TOKEN_WORD        = 1 << 0,  /* letters (may contain digits, apostrophes, joined hyphens) */
  PX_TOKEN_NUMBER      = 1 << 1,  /* a numeral: 23.37, 8,300,046, 2022 */
  PX_TOKEN_PUNCT       = 1 << 2,  /* punctuation and symbols, one character each */
  PX_TOKEN_STOPWORD    = 1 << 3,  /* a function word (the, of, and …) */
  PX_TOKEN_CAPITALIZED = 1 << 4,  /* starts with an upper-case letter in the text */
  PX_TOKEN_ALL_CAPS    = 1 << 5,  /* two or more letters, all upper case (CEC, USA) */
} PxTokenFlags;

typedef struct
{
  guint           start;
  guint           end;
  PxParagraphKind kind;
  guint           first_segment;
  guint           n_segments;
} PxParagraph;

/* A sentence holds at most this many tokens: a longer run without a full
 * stop (never a sentence a reader reads) is cut into pieces of this size. */
#define PX_SEGMENT_MAX_TOKENS G_MAXUINT16

/* Sixteen bytes: a text of short sentences holds many. Its paragraph is
 * px_document_get_segment_paragraph(). */
typedef struct
{
  guint         start;
  guint         end;
  guint         first_token;
  guint16       n_tokens;
  guint8        kind;        /* PxSegmentKind */
} PxSegment;

/* What one spelling of a word reads as, shared by all its tokens in a
 * document (which owns it). */
typedef struct
{
  /* Casefolded, NFKC, dashes/quotes/apostrophes unified, hyphens joined
   * ("multi-vector" → "multivector"); numbers as digits without group
   * separators ("8,300,046" → "8300046"). Interned: two forms that read
   * the same ("The", "the") share the pointer. */
  const char   *norm;
  /* Snowball (English) stem of norm; equal to norm for numbers and punctuation. */
  const char   *stem;
  PxTokenFlags  flags;
} PxForm;

/* Sixteen bytes: a text holds one for every word and punctuation mark. */
typedef struct
{
  guint         start;
  guint         end;
  const PxForm *form;
} PxToken;

#define PX_TYPE_DOCUMENT (px_document_get_type ())

G_DECLARE_FINAL_TYPE (PxDocument, px_document, PX, DOCUMENT, GObject)

const char        *px_document_get_id            (PxDocument  *self);
const char        *px_document_get_origin        (PxDocument  *self);
const char        *px_document_get_title         (PxDocument  *self);
const char        *px_document_get_byline        (PxDocument  *self);
const char        *px_document_get_date          (PxDocument  *self);
const char        *px_document_get_site          (PxDocument  *self);
const char        *px_document_get_url           (PxDocument  *self);
const char        *px_document_get_encoding      (PxDocument  *self);
const char        *px_document_get_format        (PxDocument  *self);
const char        *px_document_get_origin_url    (PxDocument  *self);
const char        *px_document_get_dateline      (PxDocument  *self);
const char * const *px_document_get_warnings     (PxDocument  *self);
const char        *px_document_get_text          (PxDocument  *self,
                                                  gsize       *length);
gsize              px_document_get_length        (PxDocument  *self);
guint              px_document_get_n_words       (PxDocument  *self);

guint              px_document_get_n_paragraphs  (PxDocument  *self);
const PxParagraph *px_document_get_paragraph     (PxDocument  *self,
                                                  guint        index);
guint              px_document_get_n_segments    (PxDocument  *self);
const PxSegment   *px_document_get_segment       (PxDocument  *self,
                                                  guint        index);
guint              px_document_get_n_tokens      (PxDocument  *self);
const PxToken     *px_document_get_token         (PxDocument  *self,
                                                  guint        index);
const PxToken     *px_document_get_segment_tokens (PxDocument *self,
                                                   guint       segment,
                                                   guint      *n_tokens);
guint              px_document_find_segment      (PxDocument  *self,
                                                  gsize        offset);
guint              px_document_get_segment_paragraph (PxDocument *self,
                                                      guint       segment);
char              *px_document_dup_slice         (PxDocument  *self,
                                                  gsize        start,
                                                  gsize        end);

const char        *px_segment_kind_to_string     (PxSegmentKind kind);
gboolean           px_segment_kind_from_string   (const char   *str,
                                                  PxSegmentKind *kind);
const char        *px_paragraph_kind_to_string   (PxParagraphKind kind);

G_END_DECLS
