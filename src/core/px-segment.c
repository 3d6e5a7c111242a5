/* px-segment.c: paragraphs, sentences, tokens and segment kinds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-segment"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "px-normalize.h"
#include "px-segment-private.h"

/* A slot of the tokenizer's table of spellings. The key is the first
 * occurrence of the spelling in the text, which outlives the table. */
typedef struct
{
  const char *key;        /* NULL for an empty slot */
  guint32     length;
  guint32     hash;
  guint64     head;       /* its first 8 bytes (spelling_head ()) */
  const PxForm *form;     /* in the model's forms */
} FormSlot;

#define PENDING_TOKENS 512

typedef struct
{
  const char   *text;
  const char   *text_end;  /* words are read 8 bytes at a time before it */
  PxTextModel  *model;
  const PxTwoByteChars *chars;  /* px_segment_two_byte_chars () */
  FormSlot     *slots;    /* raw spelling → PxForm, open addressing */
  guint         n_slots;  /* a power of two */
  guint         n_used;
  /* Tokens read, appended to the model's a batch at a time (at the end of
   * a range, or when the batch is full: a huge paragraph is not held
   * twice): one g_array_append_vals() a batch, not one a token. */
  PxToken       pending[PENDING_TOKENS];
  guint         n_pending;
  /* The forms of one-byte punctuation, once looked up: most tokens but
   * words are a comma or a full stop. */
  const PxForm *punct[128];
} Tokenizer;

/* Abbreviations after which a period does not end a sentence. Sorted. */
static const char * const abbreviations[] = {
  "adm", "apr", "aug", "capt", "cf", "cmdr", "co", "col", "corp", "dec", "dept", "dr", "e.g",
  "est", "etc", "feb", "fig", "fri", "gen", "gov", "i.e", "inc", "jan", "jr", "jul", "jun",
  "lt", "ltd", "maj", "mar", "mon", "mr", "mrs", "ms", "mt", "no", "nos", "nov", "oct", "op",
  "p", "pp", "prof", "rep", "rev", "sat", "sen", "sep", "sept", "sgt", "sr", "st", "sun",
  "thu", "tue", "vol", "vs", "wed",
};

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static gboolean
in_sorted_list (const char * const *list,
                gsize               n,
                const char         *word)
{
  return bsearch (&word, list, n, sizeof list[0], compare_strings) != NULL;
}

static inline gboolean
is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static gboolean
is_wide_space_at (const char *p)
{
  gunichar ch = px_segment_utf8_char (p);

  if (!px_bytes_may_be_space (ch))
    return FALSE;
  return g_unichar_isspace (ch) || ch == 0x00A0 || ch == 0x2009 || ch == 0x202F || ch == 0x200B;
}

static inline gboolean
is_space_at (const char *p)
{
  if ((guchar)*p < 0x80)
    return is_ascii_space (*p);
  return is_wide_space_at (p);
}

/* Paragraphs of plain text */

typedef struct
{
  gsize start;
  gsize end;  /* without the newline */
} Line;

static gboolean
line_is_blank (const char *text,
               const Line *line)
{
  for (const char *p = text + line->start; p < text + line->end; p = g_utf8_next_char (p))
    if (!is_space_at (p))
      return FALSE;
  return TRUE;
}

static gsize
line_chars (const char *text,
            const Line *line)
{
  return g_utf8_strlen (text + line->start, line->end - line->start);
}

static gboolean
line_ends_sentence (const char *text,
                    const Line *line)
{
  const char *end = text + line->end;

  while (end > text + line->start && is_space_at (g_utf8_prev_char (end)))
    end = g_utf8_prev_char (end);
  if (end == text + line->start)
    return FALSE;
  end = g_utf8_prev_char (end);
  return strchr (".!?:\"')", *end) != NULL || g_str_has_prefix (end, "”") || g_str_has_prefix (end, "’");
}

static void
add_paragraph (const char *text,
               gsize       start,
               gsize       end,
               GArray     *paragraphs)
{
  PxParagraph para = { 0 };

  while (start < end && is_space_at (text + start))
    start = g_utf8_next_char (text + start) - text;
  while (end > start && is_space_at (g_utf8_prev_char (text + end)))
    end = g_utf8_prev_char (text + end) - text;
  if (start >= end)
    return;

  para.start = start;
  para.end = end;
  para.kind = PX_PARAGRAPH_TEXT;
  g_array_append_val (paragraphs, para);
}

/* Whether @next continues the sentence @line breaks off (text wrapped at a
 * fixed width): @line stops after a comma or a word like "of" or "the"
 * ("will assume $8 billion of" / "VMware net debt."), or a line of four
 * words or more (or one that itself goes on a sentence) stops without
 * ending a sentence before a word in lower case ("will acquire all of
 * the" / "outstanding shares of VMware"). A short headline over a line in
 * lower case (a tag line) stays apart. */
static gboolean
line_goes_on (const char *text,
              const Line *line,
              const Line *next)
{
  static const char * const joining[] = {
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
  };
  const char *end = text + line->end, *word;
  guint n_words = 1;

  while (end > text + line->start && is_space_at (g_utf8_prev_char (end)))
    end = g_utf8_prev_char (end);
  if (end == text + line->start || line_is_blank (text, next))
    return FALSE;
  if (end[-1] == ',')
    return TRUE;
  word = end;
  while (word > text + line->start && !is_ascii_space (word[-1]))
    word--;
  for (guint i = 0; i < G_N_ELEMENTS (joining); i++)
    if ((gsize)(end - word) == strlen (joining[i]) && strncmp (word, joining[i], end - word) == 0)
      return TRUE;
  for (const char *p = text + line->start; p < end; p++)
    n_words += is_ascii_space (*p) && !is_ascii_space (p[1]);
  /* a line that itself goes on a sentence is no headline */
  return (n_words >= 4 || g_unichar_islower (g_utf8_get_char (text + line->start))) &&
         !line_ends_sentence (text, line) && g_unichar_islower (g_utf8_get_char (text + next->start));
}

/* A block of lines is hard-wrapped prose when its lines (all but the last)
 * are of similar width and most of them do not end a sentence. */
static gboolean
block_is_wrapped (const char *text,
                  const Line *lines,
                  guint       n_lines)
{
  guint n_open = 0;
  guint n_continued = 0;
  gsize min_width = G_MAXSIZE;
  gsize max_width = 0;

  if (n_lines < 2)
    return FALSE;

  for (guint i = 0; i + 1 < n_lines; i++)
    {
      gsize width = line_chars (text, &lines[i]);

      min_width = MIN (min_width, width);
      max_width = MAX (max_width, width);
      if (!line_ends_sentence (text, &lines[i]))
        n_open++;
      /* Wrapped prose goes on mid-sentence: the next line starts lower case. */
      if (g_unichar_islower (g_utf8_get_char (text + lines[i + 1].start)))
        n_continued++;
    }

  return max_width <= 100 && min_width >= 30 && max_width - min_width <= 30 &&
         n_open * 2 >= (n_lines - 1) && n_continued * 3 >= (n_lines - 1);
}

void
px_segment_find_paragraphs (const char *text,
                            gsize       length,
                            GArray     *paragraphs)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  gsize pos = 0;
  guint block_start = 0;

  g_return_if_fail (text != NULL);
  g_return_if_fail (paragraphs != NULL);

  while (pos < length)
    {
      const char *nl = memchr (text + pos, '\n', length - pos);
      Line line = { pos, nl != NULL ? (gsize)(nl - text) : length };

      g_array_append_val (lines, line);
      pos = line.end + 1;
    }

  for (guint i = 0; i <= lines->len; i++)
    {
      gboolean blank = i == lines->len || line_is_blank (text, &g_array_index (lines, Line, i));
      const Line *block;
      guint n;

      n = i - block_start;
      if (!blank || n == 0)
        {
          if (blank)
            block_start = i + 1;
          continue;
        }

      block = &g_array_index (lines, Line, block_start);
      if (block_is_wrapped (text, block, n))
        add_paragraph (text, block[0].start, block[n - 1].end, paragraphs);
      else
        for (guint j = 0; j < n; j++)
          {
            guint k = j;

            /* a line broken mid-sentence goes on in the next one */
            while (k + 1 < n && line_goes_on (text, &block[k], &block[k + 1]))
              k++;
            add_paragraph (text, block[j].start, block[k].end, paragraphs);
            j = k;
          }

      block_start = i + 1;
    }
}

/* Tokens */

/* The @n < 8 bytes at @p as the low bytes of a number: one load where
 * eight bytes can be read before @text_end. */
static inline guint64
load_partial (const char *p,
              gsize       n,
              const char *text_end)
{
  guint64 v = 0;

  if (n == 0)
    return 0;
  if (p + 8 <= text_end)
    return px_bytes_load8 (p) & (G_MAXUINT64 >> (64 - 8 * n));
  for (gsize i = n; i > 0; i--)
    v = v << 8 | (guchar)p[i - 1];
  return v;
}

/* The first 8 bytes of @word (fewer, as a number, when it is shorter):
 * most words are shorter, and are known by it. */
static inline guint64
spelling_head (const char *word,
               gsize       length,
               const char *text_end)
{
  return length >= 8 ? px_bytes_load8 (word) : load_partial (word, length, text_end);
}

static inline guint32
spelling_hash (guint64     head,
               const char *word,
               gsize       length,
               const char *text_end)
{
  guint64 h = (length ^ head) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  gsize i = 8;

  for (; i + 8 <= length; i += 8)
    h = (h ^ px_bytes_load8 (word + i)) * G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD);
  if (i < length)
    h = (h ^ load_partial (word + i, length - i, text_end)) * G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD);
  return (guint32)(h >> 32);
}

/* memcmp () == 0 for two spellings of @length bytes in the text. */
static inline gboolean
same_spelling (const char *a,
               const char *b,
               gsize       length,
               const char *text_end)
{
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    if (px_bytes_load8 (a + i) != px_bytes_load8 (b + i))
      return FALSE;
  return load_partial (a + i, length - i, text_end) == load_partial (b + i, length - i, text_end);
}

static void
forms_grow (Tokenizer *tok)
{
  FormSlot *old = tok->slots;
  guint old_n = tok->n_slots;

  tok->n_slots = old_n * 2;
  tok->slots = g_new0 (FormSlot, tok->n_slots);
  for (guint i = 0; i < old_n; i++)
    if (old[i].key != NULL)
      {
        guint k = old[i].hash & (tok->n_slots - 1);

        while (tok->slots[k].key != NULL)
          k = (k + 1) & (tok->n_slots - 1);
        tok->slots[k] = old[i];
      }
  g_free (old);
}

/* A new form in the model's blocks, where it stays while the document
 * lives. */
static PxForm *
new_form (PxTextModel *model)
{
  GPtrArray *blocks = model->forms;

  if (model->n_forms % PX_FORM_BLOCK == 0)
    g_ptr_array_add (blocks, g_new (PxForm, PX_FORM_BLOCK));
  return (PxForm *)g_ptr_array_index (blocks, blocks->len - 1) + model->n_forms++ % PX_FORM_BLOCK;
}

/* What the spelling @word normalizes to, computed on its first
 * occurrence. */
static const PxForm *
make_form (Tokenizer  *tok,
           const char *word,
           gsize       length,
           PxTokenFlags kind)
{
  PxForm *form = new_form (tok->model);

  if (kind == PX_TOKEN_PUNCT)
    {
      g_autofree char *norm = px_normalize_word (word, length);

      form->norm = g_string_chunk_insert_const (tok->model->strings, norm);
      form->stem = form->norm;
      form->flags = PX_TOKEN_PUNCT;
    }
  else if (kind == PX_TOKEN_NUMBER)
    {
      GString *digits = g_string_sized_new (length);

      for (gsize i = 0; i < length; i++)
        if (word[i] != ',')
          g_string_append_c (digits, word[i]);
      form->norm = g_string_chunk_insert_const (tok->model->strings, digits->str);
      form->stem = form->norm;
      form->flags = PX_TOKEN_NUMBER;
      g_string_free (digits, TRUE);
    }
  else
    {
      g_autofree char *norm = px_normalize_word (word, length);
      g_autofree char *stem = px_stem_word (norm, -1);
      gunichar first = g_utf8_get_char (word);
      guint n_upper = 0;
      guint n_letters = 0;

      form->norm = g_string_chunk_insert_const (tok->model->strings, norm);
      form->stem = g_string_chunk_insert_const (tok->model->strings, stem);
      form->flags = PX_TOKEN_WORD;
      if (px_is_stopword (norm))
        form->flags |= PX_TOKEN_STOPWORD;
      if (g_unichar_isupper (first) || g_unichar_istitle (first))
        form->flags |= PX_TOKEN_CAPITALIZED;
      for (const char *p = word; p < word + length; p = g_utf8_next_char (p))
        {
          gunichar ch = g_utf8_get_char (p);

          if (g_unichar_isalpha (ch))
            {
              n_letters++;
              if (g_unichar_isupper (ch))
                n_upper++;
            }
        }
      if (n_letters >= 2 && n_upper == n_letters)
        form->flags |= PX_TOKEN_ALL_CAPS;
    }
  return form;
}

/* Adds the spelling @word, which the table lacks. */
static G_NO_INLINE const PxForm *
add_form (Tokenizer    *tok,
          const char   *word,
          gsize         length,
          guint32       hash,
          guint64       head,
          PxTokenFlags  kind)
{
  FormSlot *slot;
  guint k;

  /* (at most half full, so that probes stay short and one slot is free) */
  if ((tok->n_used + 1) * 2 > tok->n_slots)
    forms_grow (tok);
  for (k = hash & (tok->n_slots - 1); tok->slots[k].key != NULL; k = (k + 1) & (tok->n_slots - 1))
    ;
  slot = &tok->slots[k];
  slot->key = word;
  slot->length = length;
  slot->hash = hash;
  slot->head = head;
  slot->form = make_form (tok, word, length, kind);
  tok->n_used++;
  return slot->form;
}

/* The form of the spelling @word. A spelling is read one way only: a digit
 * starts a number, a word character a word, anything else one
 * punctuation character, so @kind follows from the bytes. */
static G_ALWAYS_INLINE inline const PxForm *
lookup_form (Tokenizer   *tok,
             const char  *word,
             gsize        length,
             PxTokenFlags kind)
{
  guint64 head = spelling_head (word, length, tok->text_end);
  guint32 hash = spelling_hash (head, word, length, tok->text_end);
  guint mask = tok->n_slots - 1;

  for (guint k = hash & mask;; k = (k + 1) & mask)
    {
      const FormSlot *slot = &tok->slots[k];

      if (slot->key == NULL)
        return add_form (tok, word, length, hash, head, kind);
      if (slot->head == head && slot->length == length &&
          (length <= 8 || same_spelling (slot->key + 8, word + 8, length - 8, tok->text_end)))
        return slot->form;
    }
}

static inline gboolean
is_word_char (const PxTwoByteChars *chars,
              const char           *p,
              gunichar             *out)
{
  gunichar ch;

  if ((guchar)*p < 0x80)
    {
      *out = (guchar)*p;
      return g_ascii_isalnum (*p);
    }
  ch = px_segment_utf8_char (p);
  *out = ch;
  /* (Arabic letters and marks, and Hangul syllables, are all word
   * characters; the others of two bytes are read from the table) */
  if ((ch >= 0x0620 && ch <= 0x065F) || (ch >= 0xAC00 && ch <= 0xD7A3))
    return TRUE;
  if (ch < 0x800)
    return px_segment_two_byte_char (chars, ch)->word;
  return g_unichar_isalnum (ch) || g_unichar_type (ch) == G_UNICODE_NON_SPACING_MARK ||
         g_unichar_type (ch) == G_UNICODE_SPACING_MARK;
}

/* Apostrophes and hyphens join two word characters into one word: ' and
 * -, U+2019, U+2010 and U+2011. */
static gboolean
is_joiner (const char *p,
           gsize      *len)
{
  if (*p == '\'' || *p == '-')
    {
      *len = 1;
      return TRUE;
    }
  if ((guchar)p[0] == 0xE2 && (guchar)p[1] == 0x80 &&
      ((guchar)p[2] == 0x99 || (guchar)p[2] == 0x90 || (guchar)p[2] == 0x91))
    {
      *len = 3;
      return TRUE;
    }
  return FALSE;
}

static void
flush_tokens (Tokenizer *tok)
{
  g_array_append_vals (tok->model->tokens, tok->pending, tok->n_pending);
  tok->n_pending = 0;
}

static inline void
add_token (Tokenizer      *tok,
           gsize           start,
           gsize           end,
           const PxForm   *form)
{
  PxToken *token;

  if (G_UNLIKELY (tok->n_pending == PENDING_TOKENS))
    flush_tokens (tok);
  token = &tok->pending[tok->n_pending++];
  token->start = start;
  token->end = end;
  token->form = form;
}

/* Digits with group separators ("8,300,046": a comma before exactly three
 * digits) and decimals ("23.37"). */
static gsize
scan_number (const char *text,
             gsize       pos,
             gsize       end)
{
  while (pos < end && g_ascii_isdigit (text[pos]))
    pos++;
  for (;;)
    {
      if (pos + 4 <= end && text[pos] == ',' && g_ascii_isdigit (text[pos + 1]) &&
          g_ascii_isdigit (text[pos + 2]) && g_ascii_isdigit (text[pos + 3]) &&
          (pos + 4 == end || !g_ascii_isdigit (text[pos + 4])))
        pos += 4;
      else if (pos + 1 < end && text[pos] == '.' && g_ascii_isdigit (text[pos + 1]))
        {
          pos++;
          while (pos < end && g_ascii_isdigit (text[pos]))
            pos++;
        }
      else
        return pos;
    }
}

/* Where the word characters from @pos stop: ASCII the quick way. */
static inline gsize
word_chars_end (const PxTwoByteChars *chars,
                const char           *text,
                gsize                 pos,
                gsize                 end)
{
  for (;;)
    {
      gunichar ch;

      /* (g_ascii_table has no flags for bytes from 0x80) */
      while (pos < end && (g_ascii_table[(guchar)text[pos]] & G_ASCII_ALNUM))
        pos++;
      if (pos < end && (guchar)text[pos] >= 0x80 && is_word_char (chars, text + pos, &ch))
        pos = g_utf8_next_char (text + pos) - text;
      else
        return pos;
    }
}

/* The form of the punctuation character at @pos, of @length bytes. */
static inline const PxForm *
punct_form (Tokenizer *tok,
            gsize      pos,
            gsize      length)
{
  guchar c = tok->text[pos];

  if (length != 1)
    return lookup_form (tok, tok->text + pos, length, PX_TOKEN_PUNCT);
  if (tok->punct[c] == NULL)
    tok->punct[c] = lookup_form (tok, tok->text + pos, length, PX_TOKEN_PUNCT);
  return tok->punct[c];
}

static void
tokenize_range (Tokenizer *tok,
                gsize      start,
                gsize      end)
{
  const char *text = tok->text;
  gsize pos = start;

  while (pos < end)
    {
      const char *p = text + pos;
      gunichar ch;

      if ((guchar)*p < 0x80)
        {
          if (g_ascii_isspace (*p))
            {
              pos++;
              continue;
            }
        }
      else if (is_wide_space_at (p))
        {
          pos = g_utf8_next_char (p) - text;
          continue;
        }

      if (g_ascii_isdigit (*p))
        {
          /* "10am" gives a number and a word; "COVID-19" is one word. */
          gsize num_end = scan_number (text, pos, end);

          add_token (tok, pos, num_end, lookup_form (tok, p, num_end - pos, PX_TOKEN_NUMBER));
          pos = num_end;
          continue;
        }

      if (is_word_char (tok->chars, p, &ch))
        {
          gsize word_end = pos;
          gsize joiner_len;

          for (;;)
            {
              gunichar c;

              word_end = word_chars_end (tok->chars, text, word_end, end);
              if (word_end < end && is_joiner (text + word_end, &joiner_len) &&
                  word_end + joiner_len < end && is_word_char (tok->chars, text + word_end + joiner_len, &c))
                {
                  word_end += joiner_len;
                  continue;
                }
              /* Acronyms with periods: U.S., U.N. */
              if (word_end - pos == 1 && word_end + 1 < end && text[word_end] == '.' &&
                  g_ascii_isupper (text[pos]) && g_ascii_isupper (text[word_end + 1]) &&
                  word_end + 2 <= end && (word_end + 2 == end || text[word_end + 2] == '.'))
                {
                  word_end += 2;
                  while (word_end + 2 <= end && text[word_end] == '.' && word_end + 1 < end &&
                         g_ascii_isupper (text[word_end + 1]) &&
                         (word_end + 2 == end || text[word_end + 2] == '.'))
                    word_end += 2;
                  if (word_end < end && text[word_end] == '.')
                    word_end++;
                }
              break;
            }
          add_token (tok, pos, word_end, lookup_form (tok, p, word_end - pos, PX_TOKEN_WORD));
          pos = word_end;
          continue;
        }

      /* Punctuation and symbols: one character each. */
      {
        gsize char_end = g_utf8_next_char (p) - text;

        add_token (tok, pos, char_end, punct_form (tok, pos, char_end - pos));
        pos = char_end;
      }
    }
  flush_tokens (tok);
}

/* Sentences */

static gboolean
is_closer (const PxToken *token)
{
  char c = px_segment_punct_char (token);

  return c == '"' || c == '\'' || c == ')' || c == ']';
}

static gboolean
is_opener (const PxToken *token)
{
  char c = px_segment_punct_char (token);

  return c == '"' || c == '\'' || c == '(' || c == '[';
}

static gboolean
starts_sentence (const char    *text,
                 const PxToken *tokens,
                 guint          i,
                 guint          n)
{
  while (i < n && is_opener (&tokens[i]))
    i++;
  if (i >= n)
    return FALSE;
  return (tokens[i].form->flags & (PX_TOKEN_CAPITALIZED | PX_TOKEN_NUMBER)) != 0;
}

static gboolean
period_is_abbreviation (const char    *text,
                        const PxToken *tokens,
                        guint          i)
{
  const PxToken *prev;

  if (i == 0)
    return FALSE;
  prev = &tokens[i - 1];
  if (prev->end != tokens[i].start || !(prev->form->flags & PX_TOKEN_WORD))
    return FALSE;
  /* Initials: "J. R. Smith". */
  if (g_utf8_strlen (text + prev->start, prev->end - prev->start) == 1 &&
      (prev->form->flags & PX_TOKEN_CAPITALIZED))
    return TRUE;
  /* "U.S." already holds its final period. */
  if (text[prev->end - 1] == '.')
    return TRUE;
  return in_sorted_list (abbreviations, G_N_ELEMENTS (abbreviations), prev->form->norm);
}


static gboolean
is_lower_at (const char *p)
{
  return g_unichar_islower (g_utf8_get_char (p));
}

/* "…said on Monday.The ministry…": scraped and machine-translated text
 * often drops the space after a full stop. A break there needs a word
 * ending in lower case before the stop (not an initial, an acronym or an
 * abbreviation), and a capitalised word of two letters or more after it
 * (not "U.S"), standing alone (not a domain name: "Example.Com/news"). */
static gboolean
is_glued_break (const char    *text,
                const PxToken *tokens,
                guint          i,
                guint          j,
                guint          n)
{
  const PxToken *prev, *next;
  char c = px_segment_punct_char (&tokens[i]);

  if (i == 0 || j >= n || (c != '.' && c != '!' && c != '?'))
    return FALSE;
  for (guint k = i + 1; k < j; k++)
    if (!is_closer (&tokens[k]))
      return FALSE;
  prev = &tokens[i - 1];
  next = &tokens[j];
  if (!(prev->form->flags & PX_TOKEN_WORD) || prev->end != tokens[i].start ||
      prev->end - prev->start < 2 || !is_lower_at (g_utf8_prev_char (text + prev->end)))
    return FALSE;
  if (prev->start > 0 && strchr ("./@:", text[prev->start - 1]) != NULL)
    return FALSE;
  if (c == '.' && period_is_abbreviation (text, tokens, i))
    return FALSE;
  if (!(next->form->flags & PX_TOKEN_WORD) || !(next->form->flags & PX_TOKEN_CAPITALIZED) ||
      next->end - next->start < 2 || !is_lower_at (g_utf8_next_char (text + next->start)))
    return FALSE;
  return next->end >= tokens[n - 1].end || strchr ("./@", text[next->end]) == NULL;
}

/* Appends the sentences of tokens [0, n) to the model; returns how many.
 * A sentence stops at PX_SEGMENT_MAX_TOKENS tokens. */
static guint
split_sentences (const char  *text,
                 PxTextModel *model,
                 guint        first_token,
                 guint        n)
{
  const PxToken *tokens = &g_array_index (model->tokens, PxToken, first_token);
  guint sentence_start = 0;
  guint n_sentences = 0;

  for (guint i = 0; i < n; i++)
    {
      PxSegment seg = { 0 };
      guint j = i + 1;

      if (i + 1 - sentence_start == PX_SEGMENT_MAX_TOKENS)
        ;  /* cut */
      else if (i + 1 < n && !(tokens[i].form->flags & PX_TOKEN_PUNCT && px_segment_is_terminal (&tokens[i])))
        continue;
      else if (i + 1 < n)
        {
          gboolean spaced;

          while (j < n && j - sentence_start < PX_SEGMENT_MAX_TOKENS &&
                 (px_segment_is_terminal (&tokens[j]) || is_closer (&tokens[j])) &&
                 tokens[j].start == tokens[j - 1].end)
            j++;
          spaced = j < n && tokens[j].start > tokens[j - 1].end;
          if (!(spaced && starts_sentence (text, tokens, j, n) &&
                !(px_segment_punct_char (&tokens[i]) == '.' && period_is_abbreviation (text, tokens, i))) &&
              !(!spaced && is_glued_break (text, tokens, i, j, n)))
            continue;
        }

      seg.start = tokens[sentence_start].start;
      seg.end = tokens[j - 1].end;
      seg.kind = PX_SEGMENT_SENTENCE;
      seg.first_token = first_token + sentence_start;
      seg.n_tokens = j - sentence_start;
      g_array_append_val (model->segments, seg);
      n_sentences++;
      sentence_start = j;
      i = j - 1;
    }
  return n_sentences;
}

static guint
count_newlines (const char *text,
                gsize       start,
                gsize       end)
{
  guint n = 0;

  for (gsize i = start; i < end; i++)
    if (text[i] == '\n')
      n++;
  return n;
}

void
px_segment_text (const char  *text,
                 gsize        length,
                 PxTextModel *model)
{
  Tokenizer tok;
  PxCueMemo *memo;
  g_autofree PxParaFeatures *features = NULL;
  g_autofree PxSegmentKind *kinds = NULL;
  guint n_paragraphs;
  gboolean seen_body = FALSE;

  g_return_if_fail (text != NULL);
  g_return_if_fail (model != NULL);

  tok.text = text;
  tok.text_end = text + length;
  tok.model = model;
  tok.chars = px_segment_two_byte_chars ();
  tok.n_slots = 1024;
  tok.n_used = 0;
  tok.slots = g_new0 (FormSlot, tok.n_slots);
  tok.n_pending = 0;
  memset (tok.punct, 0, sizeof tok.punct);
  memo = g_new0 (PxCueMemo, 1);

  n_paragraphs = model->paragraphs->len;
  features = g_new0 (PxParaFeatures, n_paragraphs + 1);
  kinds = g_new0 (PxSegmentKind, MAX (n_paragraphs, 1));

  for (guint p = 0; p < n_paragraphs; p++)
    {
      PxParagraph *para = &g_array_index (model->paragraphs, PxParagraph, p);
      PxParaFeatures *f = &features[p];
      gsize content_start = para->start;
      guint first_token = model->tokens->len;

      f->newlines_before = MIN (count_newlines (text, p > 0 ? para[-1].end : 0, para->start), G_MAXUINT8);
      /* Datelines lead the first body paragraph: look for them until then. */
      f->meta = px_segment_meta_line (text, para->start, para->end, !seen_body && p < 16,
                                      model, &content_start);

      tokenize_range (&tok, content_start, para->end);
      para->first_segment = model->segments->len;
      if (f->meta == PX_META_LINE_WHOLE && model->tokens->len > first_token &&
          model->tokens->len - first_token <= PX_SEGMENT_MAX_TOKENS)
        {
          /* One boilerplate segment: dimmed, never linked, not a sentence. */
          PxSegment seg = { 0 };

          seg.start = para->start;
          seg.end = para->end;
          seg.kind = PX_SEGMENT_BOILERPLATE;
          seg.first_token = first_token;
          seg.n_tokens = model->tokens->len - first_token;
          g_array_append_val (model->segments, seg);
          para->n_segments = 1;
        }
      else
        para->n_segments = split_sentences (text, model, first_token, model->tokens->len - first_token);

      f->first_token = first_token;
      {
        PxParagraph content = *para;

        content.start = content_start;
        px_segment_features (memo, text, &content,
                             &g_array_index (model->tokens, PxToken, first_token),
                             model->tokens->len - first_token, f);
      }
      if (f->meta != PX_META_LINE_WHOLE && f->words >= 12 && f->ends_sentence)
        seen_body = TRUE;
    }

  features[n_paragraphs].first_token = model->tokens->len;
  px_segment_classify (text, model, features, kinds);

  for (guint p = 0; p < n_paragraphs; p++)
    {
      const PxParagraph *para = &g_array_index (model->paragraphs, PxParagraph, p);

      PxSegmentKind kind = kinds[p];

      /* A credit line alone is attribution, not a caption to read. */
      if (kind == PX_SEGMENT_CAPTION && para->n_segments == 1)
        {
          const PxSegment *seg = &g_array_index (model->segments, PxSegment, para->first_segment);

          if (px_segment_is_credit (text, seg, &g_array_index (model->tokens, PxToken, seg->first_token)))
            kind = PX_SEGMENT_BOILERPLATE;
        }
      for (guint s = 0; s < para->n_segments; s++)
        g_array_index (model->segments, PxSegment, para->first_segment + s).kind = kind;
    }

  g_free (tok.slots);
  px_segment_lower_clear (&memo->lower);
  g_free (memo);
}
