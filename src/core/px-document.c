/* px-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-document"

#include "config.h"

#include <string.h>

#include "px-document-private.h"
#include "px-segment.h"

/* (a text holds one token for every word and mark: see bench-memory.py) */
G_STATIC_ASSERT (sizeof (PxToken) <= 16);
G_STATIC_ASSERT (sizeof (PxSegment) <= 16);

struct _PxDocument
{
  GObject       parent_instance;

  /* owned */
  char         *id;          /* computed when first asked for (px_document_get_id) */
  char         *meta[PX_N_META];
  char         *text;
  gsize         length;
  GArray       *paragraphs;
  GArray       *segments;
  GArray       *tokens;
  GPtrArray    *forms;       /* blocks of the tokens' PxForm */
  GStringChunk *strings;
  char        **warnings;   /* what the import replaced or left out; NULL-terminated */
  guint         n_words;
};

struct _PxDocumentBuilder
{
  char    *meta[PX_N_META];
  GString *text;
  char    *plain;          /* plain text taken whole, instead of @text */
  gsize    plain_length;
  GArray  *paragraphs;
  GPtrArray *warnings;
  guint    structured : 1;
};

G_DEFINE_FINAL_TYPE (PxDocument, px_document, G_TYPE_OBJECT)

static const char *segment_kind_names[] = { "sentence", "heading", "caption", "boilerplate" };
static const char *paragraph_kind_names[] = { "text", "heading", "list-item", "quote" };

static void
px_document_finalize (GObject *object)
{
  PxDocument *self = (PxDocument *)object;

  g_free (self->id);
  for (guint i = 0; i < PX_N_META; i++)
    g_free (self->meta[i]);
  g_free (self->text);
  g_clear_pointer (&self->paragraphs, g_array_unref);
  g_clear_pointer (&self->segments, g_array_unref);
  g_clear_pointer (&self->tokens, g_array_unref);
  g_clear_pointer (&self->forms, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_strfreev (self->warnings);

  G_OBJECT_CLASS (px_document_parent_class)->finalize (object);
}

static void
px_document_class_init (PxDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_document_finalize;
}

static void
px_document_init (PxDocument *self)
{
}

/**
 * px_document_get_id:
 *
 * A stable identifier derived from the text: two documents with the same
 * text have the same id. Sessions use it to recognise a re-imported source.
 */
const char *
px_document_get_id (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);

  /* Computed when first asked for (a document is shared between threads):
   * hashing the text was a seventh of an import that needs no id. */
  if (g_once_init_enter (&self->id))
    {
      g_autofree char *checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)self->text,
                                                               self->length);

      g_once_init_leave (&self->id, g_strndup (checksum, 16));
    }
  return self->id;
}

#define DEFINE_META_GETTER(name, key)                     \
  const char *                                            \
  px_document_get_##name (PxDocument *self)               \
  {                                                       \
    g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);   \
    return self->meta[key];                               \
  }

DEFINE_META_GETTER (origin, PX_META_ORIGIN)
DEFINE_META_GETTER (title, PX_META_TITLE)
DEFINE_META_GETTER (byline, PX_META_BYLINE)
DEFINE_META_GETTER (date, PX_META_DATE)
DEFINE_META_GETTER (site, PX_META_SITE)
DEFINE_META_GETTER (url, PX_META_URL)
DEFINE_META_GETTER (encoding, PX_META_ENCODING)
DEFINE_META_GETTER (format, PX_META_FORMAT)
DEFINE_META_GETTER (origin_url, PX_META_ORIGIN_URL)
DEFINE_META_GETTER (dateline, PX_META_DATELINE)

const char *
px_document_get_text (PxDocument *self,
                      gsize      *length)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);

  if (length != NULL)
    *length = self->length;
  return self->text;
}

/**
 * px_document_get_warnings:
 *
 * What the import had to change or leave out and the reader should know
 * (bytes that were not text in the file's encoding, replaced by U+FFFD),
 * one sentence each, without the file's name; an empty list when nothing.
 *
 * Returns: (transfer none): a NULL-terminated array
 */
const char * const *
px_document_get_warnings (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);
  return (const char * const *)self->warnings;
}

gsize
px_document_get_length (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), 0);
  return self->length;
}

guint
px_document_get_n_words (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), 0);
  return self->n_words;
}

guint
px_document_get_n_paragraphs (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), 0);
  return self->paragraphs->len;
}

const PxParagraph *
px_document_get_paragraph (PxDocument *self,
                           guint       index)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->paragraphs->len, NULL);
  return &g_array_index (self->paragraphs, PxParagraph, index);
}

guint
px_document_get_n_segments (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), 0);
  return self->segments->len;
}

const PxSegment *
px_document_get_segment (PxDocument *self,
                         guint       index)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->segments->len, NULL);
  return &g_array_index (self->segments, PxSegment, index);
}

guint
px_document_get_n_tokens (PxDocument *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), 0);
  return self->tokens->len;
}

const PxToken *
px_document_get_token (PxDocument *self,
                       guint       index)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->tokens->len, NULL);
  return &g_array_index (self->tokens, PxToken, index);
}

/**
 * px_document_get_segment_tokens:
 *
 * Returns: (nullable): the tokens of @segment, contiguous in memory, or
 *   %NULL when it has none.
 */
const PxToken *
px_document_get_segment_tokens (PxDocument *self,
                                guint       segment,
                                guint      *n_tokens)
{
  const PxSegment *seg;

  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (segment < self->segments->len, NULL);

  seg = &g_array_index (self->segments, PxSegment, segment);
  if (n_tokens != NULL)
    *n_tokens = seg->n_tokens;
  if (seg->n_tokens == 0)
    return NULL;
  return &g_array_index (self->tokens, PxToken, seg->first_token);
}

/**
 * px_document_find_segment:
 *
 * Returns: the index of the segment that contains @offset, or of the first
 *   segment after it; G_MAXUINT past the last segment.
 */
guint
px_document_find_segment (PxDocument *self,
                          gsize       offset)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (PX_IS_DOCUMENT (self), G_MAXUINT);

  hi = self->segments->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const PxSegment *seg = &g_array_index (self->segments, PxSegment, mid);

      if (seg->end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo < self->segments->len ? lo : G_MAXUINT;
}

/**
 * px_document_get_segment_paragraph:
 *
 * Returns: the index of the paragraph that holds @segment.
 */
guint
px_document_get_segment_paragraph (PxDocument *self,
                                   guint       segment)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (PX_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (segment < self->segments->len, 0);

  /* the first paragraph whose segments end after @segment */
  hi = self->paragraphs->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const PxParagraph *para = &g_array_index (self->paragraphs, PxParagraph, mid);

      if (para->first_segment + para->n_segments <= segment)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

char *
px_document_dup_slice (PxDocument *self,
                       gsize       start,
                       gsize       end)
{
  g_return_val_if_fail (PX_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (start <= end && end <= self->length, NULL);
  return g_strndup (self->text + start, end - start);
}

const char *
px_segment_kind_to_string (PxSegmentKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (segment_kind_names), NULL);
  return segment_kind_names[kind];
}

gboolean
px_segment_kind_from_string (const char    *str,
                             PxSegmentKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (segment_kind_names); i++)
    {
      if (g_strcmp0 (str, segment_kind_names[i]) == 0)
        {
          *kind = (PxSegmentKind)i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
px_paragraph_kind_to_string (PxParagraphKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (paragraph_kind_names), NULL);
  return paragraph_kind_names[kind];
}

/* Builder */

PxDocumentBuilder *
px_document_builder_new (void)
{
  PxDocumentBuilder *builder = g_new0 (PxDocumentBuilder, 1);

  builder->text = g_string_new (NULL);
  builder->paragraphs = g_array_new (FALSE, TRUE, sizeof (PxParagraph));
  builder->warnings = g_ptr_array_new_with_free_func (g_free);
  return builder;
}

void
px_document_builder_free (PxDocumentBuilder *builder)
{
  if (builder == NULL)
    return;

  for (guint i = 0; i < PX_N_META; i++)
    g_free (builder->meta[i]);
  if (builder->text != NULL)
    g_string_free (builder->text, TRUE);
  g_free (builder->plain);
  g_clear_pointer (&builder->paragraphs, g_array_unref);
  g_clear_pointer (&builder->warnings, g_ptr_array_unref);
  g_free (builder);
}

void
px_document_builder_set_meta (PxDocumentBuilder *builder,
                              PxMetaKey          key,
                              const char        *value)
{
  g_return_if_fail (builder != NULL);
  g_return_if_fail ((guint)key < PX_N_META);
  g_return_if_fail (value == NULL || g_utf8_validate (value, -1, NULL));

  g_free (builder->meta[key]);
  builder->meta[key] = (value != NULL && value[0] != '\0') ? g_strstrip (g_strdup (value)) : NULL;
  if (builder->meta[key] != NULL && builder->meta[key][0] == '\0')
    g_clear_pointer (&builder->meta[key], g_free);
}

void
px_document_builder_add_warning (PxDocumentBuilder *builder,
                                 const char        *message)
{
  g_return_if_fail (builder != NULL);
  g_return_if_fail (message != NULL && g_utf8_validate (message, -1, NULL));

  g_ptr_array_add (builder->warnings, g_strdup (message));
}

const char *
px_document_builder_get_meta (PxDocumentBuilder *builder,
                              PxMetaKey          key)
{
  g_return_val_if_fail (builder != NULL, NULL);
  g_return_val_if_fail ((guint)key < PX_N_META, NULL);
  return builder->meta[key];
}

static gboolean
is_space_char (gunichar ch)
{
  return g_unichar_isspace (ch) || ch == 0x00A0 || ch == 0x200B || ch == 0xFEFF;
}

void
px_document_builder_add_paragraph (PxDocumentBuilder *builder,
                                   const char        *text,
                                   gssize             length,
                                   PxParagraphKind    kind)
{
  PxParagraph para = { 0 };
  const char *p;
  const char *end;
  gsize start;
  gboolean pending_space = FALSE;

  g_return_if_fail (builder != NULL);
  g_return_if_fail (text != NULL);

  if (length < 0)
    length = strlen (text);
  g_return_if_fail (g_utf8_validate (text, length, NULL));
  g_return_if_fail (builder->plain == NULL);

  builder->structured = TRUE;

  if (builder->paragraphs->len > 0)
    g_string_append (builder->text, "\n\n");
  start = builder->text->len;

  end = text + length;
  for (p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (is_space_char (ch) || (ch < 0x20 && ch != '\t') || ch == 0x7F)
        {
          pending_space = TRUE;
          continue;
        }
      if (pending_space && builder->text->len > start)
        g_string_append_c (builder->text, ' ');
      pending_space = FALSE;
      g_string_append_len (builder->text, p, g_utf8_next_char (p) - p);
    }

  if (builder->text->len == start)
    {
      /* Empty block: take back the separator. */
      if (builder->paragraphs->len > 0)
        g_string_truncate (builder->text, start - 2);
      return;
    }

  para.start = start;
  para.end = builder->text->len;
  para.kind = kind;
  g_array_append_val (builder->paragraphs, para);
}

void
px_document_builder_set_plain_text (PxDocumentBuilder *builder,
                                    const char        *text,
                                    gsize              length)
{
  g_return_if_fail (builder != NULL);
  g_return_if_fail (!builder->structured);
  /* (valid UTF-8, as the callers checked: this was a second pass over it) */

  g_clear_pointer (&builder->plain, g_free);
  g_string_truncate (builder->text, 0);
  g_string_append_len (builder->text, text, length);
  g_array_set_size (builder->paragraphs, 0);
  px_segment_find_paragraphs (builder->text->str, builder->text->len, builder->paragraphs);
}

void
px_document_builder_take_plain_text (PxDocumentBuilder *builder,
                                     char              *text,
                                     gsize              length)
{
  g_return_if_fail (builder != NULL);
  g_return_if_fail (text != NULL && text[length] == '\0');
  g_return_if_fail (!builder->structured);

  g_string_truncate (builder->text, 0);
  g_free (builder->plain);
  builder->plain = text;
  builder->plain_length = length;
  g_array_set_size (builder->paragraphs, 0);
  px_segment_find_paragraphs (text, length, builder->paragraphs);
}

const char *
px_document_builder_peek_text (PxDocumentBuilder *builder,
                               gsize             *length)
{
  g_return_val_if_fail (builder != NULL, NULL);

  if (builder->plain != NULL)
    {
      if (length != NULL)
        *length = builder->plain_length;
      return builder->plain;
    }
  if (length != NULL)
    *length = builder->text->len;
  return builder->text->str;
}

PxDocument *
px_document_builder_end (PxDocumentBuilder *builder)
{
  PxDocument *self;
  PxTextModel model = { 0 };

  g_return_val_if_fail (builder != NULL, NULL);

  self = g_object_new (PX_TYPE_DOCUMENT, NULL);
  for (guint i = 0; i < PX_N_META; i++)
    self->meta[i] = g_steal_pointer (&builder->meta[i]);

  if (builder->plain != NULL)
    {
      self->length = builder->plain_length;
      self->text = g_steal_pointer (&builder->plain);
    }
  else
    {
      self->length = builder->text->len;
      self->text = g_string_free (g_steal_pointer (&builder->text), FALSE);
    }
  self->paragraphs = g_steal_pointer (&builder->paragraphs);
  g_ptr_array_add (builder->warnings, NULL);
  self->warnings = (char **)g_ptr_array_free (g_steal_pointer (&builder->warnings), FALSE);
  /* News text runs at about one token per four or five bytes and one sentence per
   * 150: sizing up front spares the copies of growing large arrays. */
  self->segments = g_array_sized_new (FALSE, FALSE, sizeof (PxSegment), self->length / 150 + 16);
  self->tokens = g_array_sized_new (FALSE, FALSE, sizeof (PxToken), self->length / 3 + 16);
  self->forms = g_ptr_array_new_with_free_func (g_free);
  self->strings = g_string_chunk_new (4096);

  model.paragraphs = self->paragraphs;
  model.segments = self->segments;
  model.tokens = self->tokens;
  model.forms = self->forms;
  model.strings = self->strings;
  px_segment_text (self->text, self->length, &model);

  /* What the text's own metadata lines say, where the importer found nothing. */
  {
    static const struct { PxMetaKey key; gsize offset; } found[] = {
      { PX_META_ORIGIN_URL, G_STRUCT_OFFSET (PxTextModel, origin_url) },
      { PX_META_DATE, G_STRUCT_OFFSET (PxTextModel, date) },
      { PX_META_DATELINE, G_STRUCT_OFFSET (PxTextModel, dateline) },
      { PX_META_BYLINE, G_STRUCT_OFFSET (PxTextModel, byline) },
      { PX_META_SITE, G_STRUCT_OFFSET (PxTextModel, site) },
    };

    for (guint i = 0; i < G_N_ELEMENTS (found); i++)
      {
        char **value = G_STRUCT_MEMBER_P (&model, found[i].offset);

        if (self->meta[found[i].key] == NULL && *value != NULL)
          self->meta[found[i].key] = g_strstrip (g_steal_pointer (value));
        g_clear_pointer (value, g_free);
      }
  }

  /* Plain text carries no title markup: the first segment is the title
   * when it is a heading (web-page chrome before it is skipped). */
  if (self->meta[PX_META_TITLE] == NULL)
    {
      for (guint i = 0; i < self->segments->len && i < 8; i++)
        {
          const PxSegment *seg = &g_array_index (self->segments, PxSegment, i);

          if (seg->kind == PX_SEGMENT_BOILERPLATE)
            continue;
          if (seg->kind == PX_SEGMENT_HEADING)
            self->meta[PX_META_TITLE] = g_strndup (self->text + seg->start, seg->end - seg->start);
          break;
        }
    }

  for (guint i = 0; i < self->tokens->len; i++)
    {
      const PxToken *token = &g_array_index (self->tokens, PxToken, i);

      if (token->form->flags & (PX_TOKEN_WORD | PX_TOKEN_NUMBER))
        self->n_words++;
    }

  px_document_builder_free (builder);

  return self;
}
