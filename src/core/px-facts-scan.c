/* px-facts-scan.c: the scanner: tokens, shared token tests, adding facts
 *
 * The text is cut into light tokens (words, digit runs, single symbols, with
 * byte offsets and whether white space came before). The pattern families
 * (px-facts-numbers.c, px-facts-amounts.c, px-facts-dates.c,
 * px-facts-names.c, px-facts-quotes.c) run over them and share only what
 * px-facts-scan-private.h declares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-facts"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "px-bytes-private.h"
#include "px-facts-scan-private.h"
#include "px-normalize.h"

static gboolean
is_space_char (gunichar ch)
{
  if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == 0xA0)
    return TRUE;
  if (!px_bytes_may_be_space (ch))
    return FALSE;
  return g_unichar_isspace (ch);
}

static gboolean
is_word_char (gunichar ch)
{
  if (ch < 0x80)
    return g_ascii_isalpha (ch);
  /* Latin-1 to Latin Extended-B and Cyrillic, letters and marks but for
   * "×", "÷" and "҂", without GLib's tables */
  if (ch >= 0xC0 && ch <= 0x24F)
    return ch != 0xD7 && ch != 0xF7;
  if (ch >= 0x400 && ch <= 0x52F)
    return ch != 0x482;
  return g_unichar_isalpha (ch) || g_unichar_ismark (ch);
}

/* g_unichar_isupper (), with the capitals of Latin-1 and basic Cyrillic
 * told at once. */
static inline gboolean
is_upper_char (gunichar ch)
{
  if (ch >= 0xC0 && ch <= 0xDE)
    return ch != 0xD7;
  if (ch >= 0xDF && ch <= 0xFF)
    return FALSE;
  if (ch >= 0x400 && ch <= 0x45F)
    return ch < 0x430;
  return g_unichar_isupper (ch);
}

/* The character at @p (not ASCII) and the one after it, as
 * g_utf8_get_char_validated () reads it: 0xFFFD and one byte when it is
 * not UTF-8. Two- and three-byte characters, most of news text's
 * non-ASCII, are read here; the rest by GLib. */
static inline gunichar
decode_char (const char  *p,
             const char  *end,
             const char **next)
{
  const guchar *u = (const guchar *)p;
  gunichar ch;

  if (u[0] >= 0xC2 && u[0] <= 0xDF && end - p >= 2 && (u[1] & 0xC0) == 0x80)
    {
      *next = p + 2;
      return ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    }
  if (u[0] >= 0xE0 && u[0] <= 0xEF && end - p >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
    {
      ch = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
      /* GLib's validity: no overlong form, no surrogate; leave it the
       * noncharacters */
      if (ch >= 0x800 && (ch < 0xD800 || ch > 0xDFFF) && !(ch >= 0xFDD0 && ch <= 0xFDEF) && ch < 0xFFFE)
        {
          *next = p + 3;
          return ch;
        }
    }
  ch = g_utf8_get_char_validated (p, end - p);
  if (ch == (gunichar)-1 || ch == (gunichar)-2)
    {
      *next = p + 1;
      return 0xFFFD;
    }
  *next = g_utf8_next_char (p);
  return ch;
}

/* Dashes, quotes, bullets, the ellipsis (U+2010–U+2027): no space, no
 * letter, no mark. */
static inline gboolean
is_general_punctuation (gunichar ch)
{
  return ch >= 0x2010 && ch <= 0x2027;
}

enum
{
  ASCII_SPACE = 1 << 0,
  ASCII_WORD  = 1 << 1,
  ASCII_UPPER = 1 << 2,
};

/* The classes of ASCII bytes, by the tests above. */
static gpointer
build_ascii_classes (gpointer data)
{
  static guint8 classes[128];
  Tok bits = { .space = TRUE, .cap = TRUE, .keyword = TRUE };

  /* Tok.flags and its bit-fields agree (the compiler's layout) */
  g_assert (bits.flags == (TOK_SPACE | TOK_CAP | TOK_KEYWORD));

  for (guint c = 0; c < 128; c++)
    classes[c] = (is_space_char (c) ? ASCII_SPACE : 0) | (is_word_char (c) ? ASCII_WORD : 0) |
                 (g_ascii_isupper (c) ? ASCII_UPPER : 0);
  return classes;
}

/* The lowercase of each ASCII letter (the word characters of ASCII),
 * 0 for every other byte. */
static const guchar ascii_letter_folds[256] = {
  ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g',
  ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n',
  ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u',
  ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z',
  ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f', ['g'] = 'g',
  ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n',
  ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u',
  ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
};

/* The end of the word that starts at @p; sets the word's hash
 * (px_lex_hash()) and whether it is ASCII. */
static inline const char *
scan_word (const char *p,
           const char *end,
           guint      *hash,
           gboolean   *ascii)
{
  const guchar *q = (const guchar *)p;
  const guchar *e = (const guchar *)end;
  guint h = 5381;
  gboolean all_ascii = TRUE;

  while (TRUE)
    {
      guchar f;

      /* ASCII letters, by their lowercase */
      while (q < e && (f = ascii_letter_folds[*q]) != 0)
        {
          h = h * 33 + f;
          q++;
        }
      if (q < e && *q >= 0x80)
        {
          const char *next;
          gunichar qc = decode_char ((const char *)q, end, &next);

          /* the first character is a word's even when it is a mark (an
           * invalid byte, 0xFFFD, is none) */
          if (q > (const guchar *)p && (is_general_punctuation (qc) || !is_word_char (qc)))
            break;
          for (; q < (const guchar *)next; q++)
            h = h * 33 + *q;
          all_ascii = FALSE;
          continue;
        }
      break;
    }
  *hash = h == 0 ? 1 : h;
  *ascii = all_ascii;
  return (const char *)q;
}

/* ASCII letters @p … @end are all capitals. */
static inline gboolean
all_upper (const char *p,
           const char *end)
{
  for (; p < end; p++)
    if (*p >= 'a' && *p <= 'z')
      return FALSE;
  return TRUE;
}

static void
scan_number (const char **pp,
             const char  *end)
{
  const char *q = *pp + 1;

  while (q < end)
    {
      if (*q >= '0' && *q <= '9')
        q++;
      else if ((*q == ',' || *q == '.') && q + 1 < end && q[1] >= '0' && q[1] <= '9')
        q += 2;
      /* thin and no-break spaces group thousands in French and Russian: "1 234 567" */
      else if (q + 3 < end && (guchar)q[0] == 0xE2 && (guchar)q[1] == 0x80 && (guchar)q[2] == 0xAF &&
               q[3] >= '0' && q[3] <= '9')
        q += 4;
      else if (q + 2 < end && (guchar)q[0] == 0xC2 && (guchar)q[1] == 0xA0 && q[2] >= '0' && q[2] <= '9')
        q += 3;
      else
        break;
    }
  *pp = q;
}

/* Tokens are gathered in blocks: one append per block, not per token. */
#define TOK_BLOCK 256

void
tokenize (Scan *s)
{
  static GOnce once = G_ONCE_INIT;
  const guint8 *classes = g_once (&once, build_ascii_classes, NULL);
  const PxLexSlot *lexicon = px_lex_table ();
  const char *p = s->text;
  const char *end = s->text + s->length;
  gboolean space = TRUE;
  gboolean newline = TRUE;
  Tok block[TOK_BLOCK];
  guint n_block = 0, n_lower_words = 0;
  /* the index of the next token; what the ones before it were, for the
   * lists that start at the token before a symbol */
  int index = 0, paren_at = -1, short_caps_at = -1;
  gboolean after_plain_cap = FALSE, after_short_word = FALSE;
  static const PxLexSlot no_slot = { 0 };

  while (p < end)
    {
      guchar c = (guchar)*p;
      gunichar ch;
      const char *next;
      Tok *tok;

      if (c < 0x80)
        {
          ch = c;
          next = p + 1;
          if (classes[c] & ASCII_SPACE)
            {
              space = TRUE;
              if (c == '\n')
                newline = TRUE;
              p = next;
              continue;
            }
        }
      else
        {
          ch = decode_char (p, end, &next);
          if (!is_general_punctuation (ch) && is_space_char (ch))
            {
              space = TRUE;
              p = next;
              continue;
            }
        }

      if (n_block == TOK_BLOCK)
        {
          g_array_append_vals (s->toks, block, n_block);
          n_block = 0;
        }
      tok = &block[n_block++];
      /* each kind written whole, in one store; words first, as most
       * tokens are */
      if (c < 0x80 ? (classes[c] & ASCII_WORD) != 0 : !is_general_punctuation (ch) && is_word_char (ch))
        {
          gboolean ascii, cap;
          guint hash;
          gsize n;
          const PxLexSlot *slot = &no_slot;

          next = scan_word (p, end, &hash, &ascii);
          n = next - p;
          if (ascii && n < PX_LEX_MAX_LENGTH)
            slot = px_lex_find (lexicon, p, n, hash);
          cap = c < 0x80 ? (classes[c] & ASCII_UPPER) != 0 : is_upper_char (ch);
          n_lower_words += !cap;
          *tok = (Tok) { .start = p - s->text, .end = next - s->text, .hash = hash,
                         .lex_number = slot->lex_number, .type = TOK_WORD,
                         .flags = (space ? TOK_SPACE : 0) | (newline ? TOK_NEWLINE : 0) | (cap ? TOK_CAP : 0) |
                                  (slot->stop ? TOK_STOP : 0) | (slot->keyword ? TOK_KEYWORD : 0) |
                                  /* of ASCII capitals only */
                                  (ascii && cap && n >= 2 && all_upper (p + 1, next) ? TOK_ALL_CAPS : 0) };
          if (slot->lex_number != 0 || slot->keyword)
            index_list_add (&s->openers, index);
          if (cap)
            index_list_add (&s->caps, index);
          if (tok->all_caps && n <= 6 && paren_at == index - 1)
            short_caps_at = index;
          after_plain_cap = cap && slot->lex_number == 0 && !slot->keyword;
          after_short_word = n >= 3 && n <= 5;
        }
      else if ((c >= '0' && c <= '9') ||
          (c == '.' && space && p + 1 < end && p[1] >= '0' && p[1] <= '9'))
        {
          next = p;
          scan_number (&next, end);
          *tok = (Tok) { .start = p - s->text, .end = next - s->text, .type = TOK_NUM,
                         .space = space, .newline = newline };
          index_list_add (&s->openers, index);
          after_plain_cap = after_short_word = FALSE;
        }
      else
        {
          *tok = (Tok) { .start = p - s->text, .end = next - s->text, .ch = ch, .type = TOK_SYM,
                         .space = space, .newline = newline };
          /* "US$": a capitalized word before a "$" opens an amount too */
          if (ch == '$' && after_plain_cap)
            index_list_add (&s->openers, index - 1);
          if (ch == '$' || ch >= 0x80)
            index_list_add (&s->openers, index);
          if ((ch == ':' || ch == '.') && after_short_word && !space)
            index_list_add (&s->schemes, index - 1);
          if (ch == '"' || ch == 0x201C || ch == 0x00AB || ch == 0x201E)
            index_list_add (&s->quotes, index);
          if (ch == '(')
            paren_at = index;
          else if (ch == ')' && short_caps_at == index - 1)
            index_list_add (&s->parens, index - 1);
          after_plain_cap = after_short_word = FALSE;
        }
      index++;
      space = FALSE;
      newline = FALSE;
      p = next;
    }
  g_array_append_vals (s->toks, block, n_block);
  s->n_lower_words = n_lower_words;
  s->tok_v = (Tok *)(gpointer)s->toks->data;
  s->n_toks = s->toks->len;
}


const PxLexEntry *
lex (Scan *s,
     int   i)
{
  if (i < 0 || i >= NTOK (s) || TOK (s, i)->type != TOK_WORD)
    return NULL;
  return tok_lex (TOK (s, i));
}

gsize
word_list_mask_init (WordListMask       *mask,
                     const char * const *words,
                     gsize               n_words)
{
  guint size = 16;

  while (size < 2 * n_words)
    size *= 2;
  /* kept for the life of the process, as the list is */
  mask->slot_mask = size - 1;
  mask->slot_hash = g_new0 (guint, size);
  mask->slot_word = g_new0 (guint, size);
  for (gsize k = 0; k < n_words; k++)
    {
      guchar c = (guchar)words[k][0];
      gsize n = strlen (words[k]);
      guint hash = px_lex_hash (words[k], n);
      guint slot = hash & mask->slot_mask;

      mask->letters |= c >= 'a' && c <= 'z' ? 1u << (c - 'a') : G_MAXUINT32;
      mask->lengths |= 1u << MIN (n, 31);
      while (mask->slot_word[slot] != 0)
        slot = (slot + 1) & mask->slot_mask;
      mask->slot_hash[slot] = hash;
      mask->slot_word[slot] = k + 1;
    }
  return 1;
}

/* Token @i opens a sentence or a line. */
gboolean
at_sentence_start (Scan *s,
                   int   i)
{
  int j = i - 1;

  if (TOK (s, i)->newline)
    return TRUE;
  /* opening quotes and brackets do not count */
  while (j >= 0 && TOK (s, j)->type == TOK_SYM &&
         (TOK (s, j)->ch == '"' || TOK (s, j)->ch == 0x201C || TOK (s, j)->ch == '(' ||
          TOK (s, j)->ch == 0x2018 || TOK (s, j)->ch == '\''))
    {
      if (TOK (s, j)->newline)
        return TRUE;
      j--;
    }
  return is_sentence_end (s, j);
}

/* A capitalized word that opens a sentence is a name only if the text also
 * capitalizes it in mid-sentence ("Earlier, …" is not; "Kazakhstan" is). */
gboolean
seen_as_name (Scan *s,
              int   i)
{
  if (!s->midcaps)
    {
      s->midcaps = TRUE;
      for (guint c = 0; c < s->caps.len; c++)
        {
          int k = index_list_at (&s->caps, c);

          if (k >= 1 && !at_sentence_start (s, k))
            word_memo (s, k)->midcap = TRUE;
        }
    }
  return word_memo (s, i)->midcap;
}

/* A hash of token @i's word, case-folded (ASCII): sets of words keyed by
 * it cost no copy of the word. The tokenizer keeps it for words. */
guint
tok_hash (Scan *s,
          int   i)
{
  const Tok *t = TOK (s, i);

  if (t->type == TOK_WORD)
    return t->hash;
  return px_lex_hash (s->text + t->start, tok_len (t));
}

/* Sets of word hashes: open addressing over a power-of-two GArray of
 * guint, 0 for an empty slot (tok_hash() is never 0); cheaper per text
 * than a hash table or a sort. */
GArray *
hash_set_new (guint n)
{
  guint size = 16;
  GArray *set;

  while (size < 2 * n)
    size *= 2;
  set = g_array_sized_new (FALSE, TRUE, sizeof (guint), size);
  g_array_set_size (set, size);
  return set;
}

void
hash_set_add (GArray *set,
              guint   hash)
{
  guint mask = set->len - 1;

  for (guint i = hash & mask;; i = (i + 1) & mask)
    {
      guint *slot = &g_array_index (set, guint, i);

      if (*slot == hash)
        return;
      if (*slot == 0)
        {
          *slot = hash;
          return;
        }
    }
}

gboolean
hash_set_contains (GArray *set,
                   guint   hash)
{
  guint mask = set->len - 1;

  for (guint i = hash & mask;; i = (i + 1) & mask)
    {
      guint v = g_array_index (set, guint, i);

      if (v == hash)
        return TRUE;
      if (v == 0)
        return FALSE;
    }
}

/* TRUE when the text also writes the word at @i in lowercase: "the
 * election" makes "Election" in a headline a common word, not a name. */
gboolean
seen_in_lowercase (Scan *s,
                   int   i)
{
  if (s->lowercase == NULL)
    {
      s->lowercase = hash_set_new (s->n_lower_words);
      for (int k = 0; k < NTOK (s); k++)
        {
          const Tok *w = TOK (s, k);

          /* not the words of web addresses and slugs */
          if (w->type == TOK_WORD && !w->cap && w->space && !(k > 0 && TOK (s, k - 1)->used) &&
              !(k + 1 < NTOK (s) && attached (s, k + 1) && TOK (s, k + 1)->type == TOK_SYM &&
                (TOK (s, k + 1)->ch == '-' || TOK (s, k + 1)->ch == '/')))
            hash_set_add (s->lowercase, tok_hash (s, k));
        }
    }
  return hash_set_contains (s->lowercase, tok_hash (s, i));
}

PxFact *
add_fact (Scan       *s,
          PxFactKind  kind,
          int         first,
          int         last)
{
  PxFact *fact = px_fact_new_with_text (kind, TOK (s, first)->start, TOK (s, last)->end, s->text);

  g_ptr_array_add (s->facts, fact);
  if (kind != PX_FACT_QUOTE)
    for (int k = first; k <= last; k++)
      TOK (s, k)->used = TRUE;
  return fact;
}

gboolean
span_free (Scan *s,
           int   first,
           int   last)
{
  for (int k = first; k <= last; k++)
    if (TOK (s, k)->used)
      return FALSE;
  return TRUE;
}

/* Qualifier words just before token @i; moves *first over them when
 * @include is set. */
PxQualifier
qualifier_before (Scan *s,
                  int   i)
{
  static const struct { const char *w1, *w2, *w3; PxQualifier q; } phrases[] = {
    { "no", "less", "than", PX_QUALIFIER_GE },
    { "not", "less", "than", PX_QUALIFIER_GE },
    { "no", "fewer", "than", PX_QUALIFIER_GE },
    { "no", "more", "than", PX_QUALIFIER_LE },
    { "not", "more", "than", PX_QUALIFIER_LE },
    { "in", "excess", "of", PX_QUALIFIER_GT },
    { "as", "many", "as", PX_QUALIFIER_LE },
    { "as", "much", "as", PX_QUALIFIER_LE },
    { NULL, "more", "than", PX_QUALIFIER_GT },
    { NULL, "greater", "than", PX_QUALIFIER_GT },
    { NULL, "higher", "than", PX_QUALIFIER_GT },
    { NULL, "less", "than", PX_QUALIFIER_LT },
    { NULL, "fewer", "than", PX_QUALIFIER_LT },
    { NULL, "lower", "than", PX_QUALIFIER_LT },
    { NULL, "at", "least", PX_QUALIFIER_GE },
    { NULL, "at", "most", PX_QUALIFIER_LE },
    { NULL, "up", "to", PX_QUALIFIER_LE },
    { NULL, "close", "to", PX_QUALIFIER_APPROX },
    { NULL, "an", "estimated", PX_QUALIFIER_APPROX },
  };
  static const char * const last_words[] = { "than", "of", "as", "least", "most", "to", "estimated" };
  const PxLexEntry *e;

  /* every phrase ends in one of these */
  if (TOK_IN (s, i - 1, last_words))
    for (guint k = 0; k < G_N_ELEMENTS (phrases); k++)
      {
        if (phrases[k].w1 != NULL && !tok_is (s, i - 3, phrases[k].w1))
          continue;
        if (tok_is (s, i - 2, phrases[k].w2) && tok_is (s, i - 1, phrases[k].w3))
          return phrases[k].q;
      }
  e = lex (s, i - 1);
  if (e != NULL && e->qualifier != PX_QUALIFIER_NONE)
    return e->qualifier;
  return PX_QUALIFIER_NONE;
}

/* Web addresses are full of digits that are no facts. */
void
skip_addresses (Scan *s)
{
  /* after an address, the token that ends it opens none */
  int next_free = 0;

  /* "www" to "https", glued to a ":" or "." (the tokenizer's schemes) */
  for (guint k = 0; k < s->schemes.len; k++)
    {
      int i = index_list_at (&s->schemes, k);

      if (i < next_free ||
          !(tok_is (s, i, "http") || tok_is (s, i, "https") || tok_is (s, i, "www") || tok_is (s, i, "ftp")))
        continue;
      TOK (s, i)->used = TRUE;
      for (i++; i < NTOK (s) && attached (s, i); i++)
        TOK (s, i)->used = TRUE;
      next_free = i + 1;
    }
}
