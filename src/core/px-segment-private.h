/* px-segment-private.h: the parts of segmentation (px-segment*.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * px-segment.c finds paragraphs, tokens and sentences;
 * px-segment-meta.c finds metadata lines (source URL, date lines,
 * timestamps, datelines) that are read as the document's metadata;
 * px-segment-clutter.c judges which paragraphs are page clutter.
 */
#pragma once

#include <string.h>

#include "px-bytes-private.h"
#include "px-segment.h"

G_BEGIN_DECLS

typedef enum
{
  PX_META_LINE_NONE,    /* content */
  PX_META_LINE_WHOLE,   /* the whole paragraph is metadata */
  PX_META_LINE_PREFIX,  /* a dateline or date before the first sentence */
} PxMetaLine;

/* What one paragraph looks like, for the clutter classifier: one for each
 * paragraph, so its flags are bits and its small counts bytes (they are
 * read only against small thresholds, and stop at 255): "Yes."
 * paragraphs once made 104 bytes of features for every 6 bytes of text. */
/* One for each paragraph, and one past the last whose first_token is the
 * number of tokens: a paragraph's tokens end where the next one's start
 * (px_para_n_tokens ()). */
typedef struct
{
  guint      first_token;
  guint      words;
  guint      capitalized;       /* words starting upper case */
  guint      lower_content;     /* lower-case words that are not function words */
  guint      stopwords;
  /* counted in paragraphs of 200 tokens or fewer only (cue words) */
  guint8     chrome_phrases;
  guint8     chrome_words;
  guint8     networks;
  guint8     bio_cues;          /* writer, editor, enthusiast, years of experience … */
  guint8     separators;        /* » › | in breadcrumbs */
  guint8     newlines_before;   /* line breaks between this paragraph and the one before */
  guint8     meta;              /* PxMetaLine */
  guint      ends_sentence : 1; /* final . ! ? or a closing quote after one */
  guint      has_period : 1;
  guint      caption : 1;       /* a photo credit or caption cue */
  guint      credit : 1;        /* a strong credit cue (Photo/…, Image credit, / AGENCY) */
  guint      promo : 1;         /* "Read more:", "Also read", "Recommended" … */
  guint      byline : 1;        /* "By NAME" */
  guint      doubled : 1;       /* "Ann LeeAnn Lee": one name printed twice */
  guint      tag_list : 1;      /* "election, kazakhstan" */
  guint      end_note : 1;      /* "(With inputs from agencies)", "(Reporting by …)" */
  guint      live_title : 1;    /* "…: Live Updates" */
  guint      bio_opening : 1;   /* "NAME is a …" */
  guint      reports : 1;       /* said, told …: news prose */
  guint      template_junk : 1; /* "%s" and the like */
} PxParaFeatures;

G_STATIC_ASSERT (sizeof (PxParaFeatures) <= 32);

static inline guint
px_para_n_tokens (const PxParaFeatures *f)
{
  return f[1].first_token - f->first_token;
}

/* Metadata: the paragraph [@start, @end) of @text is a metadata line or
 * begins with a dateline. Values found are stored in @model when it holds
 * none yet. @top allows datelines (only the first body paragraphs carry
 * them). On PX_META_LINE_PREFIX, @content_start is where the sentence
 * starts. */
PxMetaLine px_segment_meta_line       (const char           *text,
                                       gsize                 start,
                                       gsize                 end,
                                       gboolean              top,
                                       PxTextModel          *model,
                                       gsize                *content_start);

/* The lower case of a paragraph that the phrase tests read, and which
 * pairs of ASCII bytes it holds: pairs[h] == stamp for the hash h of each (a new
 * stamp for each text, so the table is never cleared). Made over and over
 * in the same memory; px_segment_lower_clear() frees it. */
#define PX_PAIR_HASHES 4096

typedef struct
{
  char   *text;
  gsize   size;
  guint8  stamp;
  guint8  pairs[PX_PAIR_HASHES];
} PxLower;

static inline void
px_segment_lower_clear (PxLower *lower)
{
  g_clear_pointer (&lower->text, g_free);
}

/* The cue words of the clutter classifier, looked up by a token's
 * interned normal form: a direct-mapped memo, one for a segmentation;
 * and the lower case of the paragraph. */
#define PX_CUE_MEMO_SIZE 2048

typedef struct
{
  const char *norm[PX_CUE_MEMO_SIZE];
  guint8      cues[PX_CUE_MEMO_SIZE];
  PxLower     lower;
} PxCueMemo;

void       px_segment_features        (PxCueMemo            *memo,
                                       const char           *text,
                                       const PxParagraph    *para,
                                       const PxToken        *tokens,
                                       guint                 n,
                                       PxParaFeatures       *f);

/* Kinds for every paragraph, from their features, their positions and
 * their repetitions. Fills @kinds (one per paragraph). */
void       px_segment_classify        (const char           *text,
                                       PxTextModel          *model,
                                       const PxParaFeatures *features,
                                       PxSegmentKind        *kinds);

static inline gboolean
px_segment_is_word (const PxToken *token)
{
  return (token->form->flags & (PX_TOKEN_WORD | PX_TOKEN_NUMBER)) != 0;
}

/* A short line that ends no sentence: a heading's shape. */
static inline gboolean
px_segment_is_heading_shape (const PxParaFeatures *f)
{
  return f->words > 0 && f->words <= 16 && !f->ends_sentence && !f->has_period;
}

/* "Hartford Times", "WORLD": a few capitalised words, no function word. */
static inline gboolean
px_segment_is_name_line (const PxParaFeatures *f)
{
  return px_segment_is_heading_shape (f) && f->words <= 4 && f->capitalized == f->words && f->stopwords == 0;
}

static inline gboolean
px_segment_kind_is_clutter (PxSegmentKind kind)
{
  return kind == PX_SEGMENT_BOILERPLATE || kind == PX_SEGMENT_CAPTION;
}

/* Repetition (px-segment-repeats.c): paragraphs that repeat an earlier
 * one become clutter, unless that one is clutter itself; so do captions
 * printed again under a series of photos. @kinds as px_segment_classify ()
 * has them so far. */
void       px_segment_mark_repeats        (const PxToken        *tokens,
                                           guint                 n_paragraphs,
                                           const PxParaFeatures *features,
                                           PxSegmentKind        *kinds);
void       px_segment_mark_caption_echoes (const PxToken        *tokens,
                                           guint                 n_paragraphs,
                                           const PxParaFeatures *features,
                                           PxSegmentKind        *kinds);

/* A photo credit alone ("(Agency Photo/Ann Berg)", "Credit…Ann Berg"):
 * as a line of its own it is attribution, not a caption to read, and is
 * boilerplate. @tokens are the segment's. */
gboolean   px_segment_is_credit       (const char           *text,
                                       const PxSegment      *segment,
                                       const PxToken        *tokens);

/* g_utf8_get_char () of valid UTF-8 (segmentation reads normalized
 * text), inline: the call was a sixth of an import of Korean text. */
static inline gunichar
px_segment_utf8_char (const char *p)
{
  const guchar *s = (const guchar *)p;

  if (s[0] < 0x80)
    return s[0];
  if (s[0] < 0xE0)
    return (s[0] & 0x1F) << 6 | (s[1] & 0x3F);
  if (s[0] < 0xF0)
    return (s[0] & 0x0F) << 12 | (s[1] & 0x3F) << 6 | (s[2] & 0x3F);
  return (s[0] & 0x07) << 18 | (s[1] & 0x3F) << 12 | (s[2] & 0x3F) << 6 | (s[3] & 0x3F);
}

/* GLib's answers for a character of two bytes (U+0080 to U+07FF) */
typedef struct
{
  guint16 lower;  /* g_unichar_tolower () of an upper-case letter, else 0 */
  guint8  word;   /* a letter, a digit or a mark: in words */
} PxTwoByteChar;

typedef struct
{
  PxTwoByteChar chars[0x800 - 0x80];
} PxTwoByteChars;

/* The table of them, filled on first use (px-segment-chars.c). */
const PxTwoByteChars *px_segment_two_byte_chars (void);

/* The entry of @ch, from U+0080 to U+07FF. */
static inline const PxTwoByteChar *
px_segment_two_byte_char (const PxTwoByteChars *chars,
                          gunichar              ch)
{
  return &chars->chars[ch - 0x80];
}

/* The one ASCII character a punctuation token normalizes to, or 0. */
static inline char
px_segment_punct_char (const PxToken *token)
{
  if (!(token->form->flags & PX_TOKEN_PUNCT) || token->form->norm[0] == '\0' || token->form->norm[1] != '\0')
    return 0;
  return token->form->norm[0];
}

/* Whether @token ends a sentence: a full stop, "!", "?" or an ellipsis. */
static inline gboolean
px_segment_is_terminal (const PxToken *token)
{
  char c = px_segment_punct_char (token);

  return c == '.' || c == '!' || c == '?' ||
         ((token->form->flags & PX_TOKEN_PUNCT) && strcmp (token->form->norm, "…") == 0);
}

G_END_DECLS
