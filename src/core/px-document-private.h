/* px-document-private.h: building documents (for importers only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An importer collects the decoded text and metadata in a builder; ending
 * the builder runs the segmenter and freezes the result in a PxDocument.
 */
#pragma once

#include "px-document.h"

G_BEGIN_DECLS

typedef struct _PxDocumentBuilder PxDocumentBuilder;

typedef enum
{
  PX_META_ORIGIN,    /* path or URL the bytes came from */
  PX_META_TITLE,
  PX_META_BYLINE,
  PX_META_DATE,      /* ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD */
  PX_META_SITE,
  PX_META_URL,       /* canonical URL of a web page */
  PX_META_ENCODING,  /* the encoding the bytes were decoded from */
  PX_META_FORMAT,    /* "text" or "html" */
  PX_META_ORIGIN_URL, /* the page a text was saved from ("source: https://…" line) */
  PX_META_DATELINE,  /* the place of a dateline ("ASTANA (Agency) -") */
  PX_N_META
} PxMetaKey;

PxDocumentBuilder *px_document_builder_new              (void);
void               px_document_builder_free             (PxDocumentBuilder *builder);
void               px_document_builder_set_meta         (PxDocumentBuilder *builder,
                                                         PxMetaKey          key,
                                                         const char        *value);
const char        *px_document_builder_get_meta         (PxDocumentBuilder *builder,
                                                         PxMetaKey          key);
/* A sentence for the reader about what the import changed (see
 * px_document_get_warnings()). */
void               px_document_builder_add_warning      (PxDocumentBuilder *builder,
                                                         const char        *message);
/* Structured sources (HTML): one call per block, in reading order. The text
 * must be valid UTF-8; runs of white space are collapsed to one space and
 * the paragraphs are joined with a blank line. */
void               px_document_builder_add_paragraph    (PxDocumentBuilder *builder,
                                                         const char        *text,
                                                         gssize             length,
                                                         PxParagraphKind    kind);
/* Plain text: valid UTF-8 with LF line ends (not checked again: it comes
 * from px_decode_text() or a session whose text was validated); the
 * segmenter finds the paragraphs. Exclusive with add_paragraph(). */
void               px_document_builder_set_plain_text   (PxDocumentBuilder *builder,
                                                         const char        *text,
                                                         gsize              length);
/* The same, taking @text (NUL-terminated, freed with g_free ()): the text
 * of a large file is not copied once more. */
void               px_document_builder_take_plain_text  (PxDocumentBuilder *builder,
                                                         char              *text,
                                                         gsize              length);
/* The text collected so far (after add_paragraph or set_plain_text). */
const char        *px_document_builder_peek_text        (PxDocumentBuilder *builder,
                                                         gsize             *length);
/* Consumes the builder. */
PxDocument        *px_document_builder_end              (PxDocumentBuilder *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxDocumentBuilder, px_document_builder_free)

G_END_DECLS
