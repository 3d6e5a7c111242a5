/* px-facts-scan-private.h: what the pattern families of the fact extractor share
 *
 * The scanner state (the tokens of one text and the facts found so far) and
 * the token tests every family uses. A family keeps its own helpers static.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "px-facts-private.h"

G_BEGIN_DECLS

typedef enum
{
  TOK_WORD,
  TOK_NUM,
  TOK_SYM,
} TokType;

/* 16 bytes: a text of one-letter sentences has two of them for every
 * three bytes, so their size is most of the scanner's memory. */
typedef struct
{
  guint             start;
  guint             end;
  union
  {
    gunichar        ch;          /* symbols: the character */
    guint           hash;        /* words: px_lex_hash() of the word (tok_hash()) */
  };
  guint16           lex_number;  /* words: px_lex_number() of their entry, 0 for none */
  guint8            type;
  union
  {
    struct
    {
      guint8        space : 1;   /* white space before it */
      guint8        newline : 1; /* a line break before it */
      guint8        cap : 1;     /* word that starts with a capital */
      guint8        used : 1;    /* part of a fact already */
      guint8        stop : 1;    /* function word (is_stop()) */
      guint8        all_caps : 1; /* word of two or more ASCII capitals (is_all_caps()) */
      guint8        keyword : 1; /* word of PX_LEX_KEYWORDS */
    };
    guint8          flags;       /* all of them, as TOK_SPACE … TOK_KEYWORD: the tokenizer's one store */
  };
} Tok;

/* The bits of Tok.flags (GCC and Clang lay bit-fields out from the lowest
 * bit; tokenize () checks it once). */
enum
{
  TOK_SPACE    = 1 << 0,
  TOK_NEWLINE  = 1 << 1,
  TOK_CAP      = 1 << 2,
  TOK_USED     = 1 << 3,
  TOK_STOP     = 1 << 4,
  TOK_ALL_CAPS = 1 << 5,
  TOK_KEYWORD  = 1 << 6,
};

G_STATIC_ASSERT (sizeof (Tok) == 16);

/* The lexicon entry of a word token, or NULL. */
static inline const PxLexEntry *
tok_lex (const Tok *t)
{
  return px_lex_entry (t->lex_number);
}

/* What the patterns learn of a word, the same in every text: kept per
 * thread across texts (px-facts-memo.c). */
typedef struct
{
  guint8  stem_done : 1;
  guint8  measure_stem_done : 1;
  guint8  common_done : 1;
  guint8  common : 1;            /* is_common_word() */
  char   *stem;
  char   *measure_stem;
} WordInfo;

/* A word of this text. */
typedef struct
{
  guint     tok;                 /* a token of the word */
  gboolean  midcap;              /* capitalized in mid-sentence somewhere (seen_as_name()) */
  WordInfo *info;                /* NULL until asked for */
} WordMemo;

/* Token indices in text order, in blocks of a fixed size: growing
 * copies nothing, and holds no more than a block unused. */
#define INDEX_BLOCK 1024

typedef struct
{
  int   **blocks;
  guint   len;
  guint   n_blocks;
} IndexList;

static inline void
index_list_add (IndexList *list,
                int        index)
{
  if (G_UNLIKELY (list->len % INDEX_BLOCK == 0))
    {
      guint b = list->len / INDEX_BLOCK;

      /* the array of blocks doubles: 8 bytes a block */
      if (b == list->n_blocks)
        {
          list->n_blocks = MAX (4, 2 * list->n_blocks);
          list->blocks = g_renew (int *, list->blocks, list->n_blocks);
        }
      list->blocks[b] = g_new (int, INDEX_BLOCK);
    }
  list->blocks[list->len / INDEX_BLOCK][list->len % INDEX_BLOCK] = index;
  list->len++;
}

static inline int
index_list_at (const IndexList *list,
               guint            k)
{
  return list->blocks[k / INDEX_BLOCK][k % INDEX_BLOCK];
}

static inline void
index_list_clear (IndexList *list)
{
  for (guint b = 0; b * INDEX_BLOCK < list->len; b++)
    g_free (list->blocks[b]);
  g_clear_pointer (&list->blocks, g_free);
  list->len = list->n_blocks = 0;
}

typedef struct
{
  const char *text;
  gsize       length;
  GArray     *toks;
  Tok        *tok_v;      /* toks->data and toks->len once tokenized */
  int         n_toks;
  IndexList   openers;    /* the tokens a number, date or amount can open (tokenize ()) */
  IndexList   schemes;    /* words of 3 to 5 letters glued to a ":" or "." (tokenize ()) */
  IndexList   caps;       /* words that open with a capital (tokenize ()) */
  IndexList   quotes;     /* the symbols a quotation opens with (tokenize ()) */
  IndexList   parens;     /* words of up to 6 capitals between "(" and ")" (tokenize ()) */
  GPtrArray  *facts;
  int         ref_year;   /* 0 when unknown */
  int         ref_month;
  GHashTable *acronyms;   /* "CEC" → "Central Election Commission" */
  GHashTable *person_words; /* words of people's names → surname */
  gboolean    midcaps;    /* WordMemo.midcap set (on demand) */
  WordMemo   *memo_v;     /* one per distinct word asked about */
  guint       memo_len;
  guint      *memo_slots; /* index + 1 into memo_v, by the word's hash */
  guint       memo_mask;
  guint       n_lower_words; /* word tokens without a capital (the tokenizer counts) */
  guint       n_sorted_facts; /* scan_quotes(): the facts sorted by start before it */
  int        *last_person;    /* scan_quotes(): index of the last person at or before each of them, or -1 */
  GArray     *lowercase;  /* tok_hash()es of words the text writes in lowercase (built on demand) */
  GArray     *noun_caps;  /* tok_hash()es of capitalized words used as nouns somewhere (built on demand) */
} Scan;

/* (through the copies tokenize () leaves in Scan: one load each) */
#define TOK(s, i) (&(s)->tok_v[(i)])

#define NTOK(s) ((s)->n_toks)

/* 0 <= @i < NTOK (@s), in one comparison */
#define TOK_OK(s, i) ((guint)(i) < (guint)NTOK (s))

typedef struct
{
  int     first;       /* tokens of the number phrase */
  int     last;
  double  value;
  double  precision;
  int     decimals;
  int     digits;      /* integer digits written; 0 for words */
  gboolean grouped;    /* thousands separators */
  gboolean words;      /* spelled out */
  gboolean multiplied;
} Num;

/* The first letters and the lengths of the words of a list, as bit
 * sets, made on first use: most tokens fail them before any comparison. */
typedef struct
{
  gsize   ready;
  guint32 letters;   /* bit c - 'a'; all set when a word opens with no letter */
  guint32 lengths;   /* bit n for a word of n bytes, bit 31 for 31 and more */
  guint   slot_mask; /* the words by px_lex_hash (): open addressing */
  guint  *slot_hash;
  guint  *slot_word; /* index + 1 into the list; 0 for an empty slot */
} WordListMask;

/* Each use gets its list's mask. */
#define TOK_IN(s, i, words) \
  ({ static WordListMask word_list_mask_; \
     tok_in ((s), (i), (words), G_N_ELEMENTS (words), &word_list_mask_); })


/* px-facts-scan.c */
G_GNUC_INTERNAL
void tokenize (Scan *s);

/* The token tests every pattern runs, inline: they are most of the
 * scanner's work. */
static inline gsize
tok_len (const Tok *t)
{
  return t->end - t->start;
}

/* Word token @t is @word (lowercase ASCII), in any case. */
static inline gboolean
tok_word_is (const Scan *s,
             const Tok  *t,
             const char *word)
{
  const guchar *p = (const guchar *)s->text + t->start;
  gsize n = t->end - t->start;

  /* the length first: for a literal @word the compiler knows it */
  if (n != strlen (word))
    return FALSE;
  for (gsize k = 0; k < n; k++)
    {
      guchar c = p[k];

      if (c >= 'A' && c <= 'Z')
        c |= 0x20;
      if (c != (guchar)word[k])
        return FALSE;
    }
  return TRUE;
}

/* The same for a @word whose length the compiler does not know: no
 * strlen (). */
static inline gboolean
tok_word_matches (const Scan *s,
                  const Tok  *t,
                  const char *word)
{
  const guchar *p = (const guchar *)s->text + t->start;
  gsize n = t->end - t->start;

  for (gsize k = 0; k < n; k++)
    {
      guchar c = p[k];

      if (c >= 'A' && c <= 'Z')
        c |= 0x20;
      /* a shorter @word ends in a NUL no letter matches */
      if (c != (guchar)word[k])
        return FALSE;
    }
  return word[n] == '\0';
}

static inline gboolean
tok_is (Scan       *s,
        int         i,
        const char *word)
{
  const Tok *t;

  if (!TOK_OK (s, i))
    return FALSE;
  t = TOK (s, i);
  return t->type == TOK_WORD && tok_word_is (s, t, word);
}

/* Token @i is a function word ("the", "of", "was" …, px_is_stopword()). */
static inline gboolean
is_stop (Scan *s,
         int   i)
{
  return TOK (s, i)->stop;
}

/* Token @i is a word of two or more capitals (ASCII): "CEC", "US". */
static inline gboolean
is_all_caps (Scan *s,
             int   i)
{
  return TOK (s, i)->all_caps;
}

static inline gboolean
tok_sym (Scan    *s,
         int      i,
         gunichar ch)
{
  return TOK_OK (s, i) && TOK (s, i)->type == TOK_SYM && TOK (s, i)->ch == ch;
}

static inline gboolean
is_dash (gunichar ch)
{
  return ch == '-' || ch == 0x2010 || ch == 0x2011 || ch == 0x2012 || ch == 0x2013 || ch == 0x2014;
}

/* Token @i is glued to the one before it. */
static inline gboolean
attached (Scan *s,
          int   i)
{
  return i > 0 && i < NTOK (s) && !TOK (s, i)->space;
}

/* Out of line: inlined, its NULL trips -Wnull-dereference in callers
 * that know better. */
G_GNUC_INTERNAL
const PxLexEntry *lex (Scan *s,
                       int   i);

/* Token @i is a word of the lexicon (lex () is not NULL). */
static inline gboolean
has_lex (Scan *s,
         int   i)
{
  return TOK_OK (s, i) && TOK (s, i)->type == TOK_WORD && TOK (s, i)->lex_number != 0;
}

static inline guint
lex_flags (Scan *s,
           int   i)
{
  const Tok *t;

  if (!TOK_OK (s, i))
    return 0;
  t = TOK (s, i);
  return t->type == TOK_WORD && t->lex_number != 0 ? tok_lex (t)->flags : 0;
}

static inline gboolean
is_sentence_end (Scan *s,
                 int   i)
{
  const Tok *t;

  if (i < 0)
    return TRUE;
  t = TOK (s, i);
  return t->type == TOK_SYM && (t->ch == '.' || t->ch == '!' || t->ch == '?');
}

/* Fills @mask for @words; returns 1 (px-facts-scan.c). */
G_GNUC_INTERNAL
gsize word_list_mask_init (WordListMask       *mask,
                           const char * const *words,
                           gsize               n_words);

/* Token @i is one of @words (lowercase ASCII). */
static inline gboolean
tok_in (Scan               *s,
        int                 i,
        const char * const *words,
        gsize               n_words,
        WordListMask       *mask)
{
  const Tok *t;
  guchar first;

  if (!TOK_OK (s, i))
    return FALSE;
  t = TOK (s, i);
  if (t->type != TOK_WORD)
    return FALSE;
  if (g_once_init_enter (&mask->ready))
    g_once_init_leave (&mask->ready, word_list_mask_init (mask, words, n_words));
  if (!(mask->lengths & (1u << MIN (tok_len (t), 31))))
    return FALSE;
  first = (guchar)s->text[t->start];
  if (first >= 'A' && first <= 'Z')
    first |= 0x20;
  if (first >= 'a' && first <= 'z' && !(mask->letters & (1u << (first - 'a'))))
    return FALSE;
  /* the words of the token's hash (a word token's hash is its
   * px_lex_hash ()) */
  for (guint k = t->hash & mask->slot_mask; mask->slot_word[k] != 0; k = (k + 1) & mask->slot_mask)
    if (mask->slot_hash[k] == t->hash && tok_word_matches (s, t, words[mask->slot_word[k] - 1]))
      return TRUE;
  return FALSE;
}
G_GNUC_INTERNAL
gboolean at_sentence_start (Scan *s,
                            int   i);
G_GNUC_INTERNAL
gboolean seen_as_name (Scan *s,
                       int   i);
G_GNUC_INTERNAL
guint tok_hash (Scan *s,
                int   i);
G_GNUC_INTERNAL
GArray *hash_set_new (guint n);
G_GNUC_INTERNAL
void hash_set_add (GArray *set,
                   guint   hash);
G_GNUC_INTERNAL
gboolean hash_set_contains (GArray *set,
                            guint   hash);
G_GNUC_INTERNAL
gboolean seen_in_lowercase (Scan *s,
                            int   i);
G_GNUC_INTERNAL
PxFact *add_fact (Scan       *s,
                  PxFactKind  kind,
                  int         first,
                  int         last);
G_GNUC_INTERNAL
gboolean span_free (Scan *s,
                    int   first,
                    int   last);
G_GNUC_INTERNAL
PxQualifier qualifier_before (Scan *s,
                              int   i);
G_GNUC_INTERNAL
void skip_addresses (Scan *s);

/* px-facts-memo.c */
G_GNUC_INTERNAL
WordMemo *word_memo (Scan *s,
                     int   i);
G_GNUC_INTERNAL
WordInfo *word_info (Scan *s,
                     int   i);
G_GNUC_INTERNAL
const char *word_stem (Scan *s,
                       int   i);
G_GNUC_INTERNAL
const char *word_measure_stem (Scan *s,
                               int   i);
G_GNUC_INTERNAL
void word_memo_free (Scan *s);

/* px-facts-numbers.c */
G_GNUC_INTERNAL
gboolean parse_number (Scan    *s,
                       int      i,
                       gboolean money,
                       Num     *num);

/* px-facts-amounts.c */
G_GNUC_INTERNAL
const char *currency_symbol (gunichar ch);
G_GNUC_INTERNAL
gboolean try_year_range (Scan *s,
                         int   i);
G_GNUC_INTERNAL
gboolean try_number (Scan *s,
                     int   i);
G_GNUC_INTERNAL
gboolean try_percent_of (Scan *s,
                         int   i);
G_GNUC_INTERNAL
gboolean try_ordinal_word (Scan *s,
                           int   i);

/* px-facts-measure.c */
G_GNUC_INTERNAL
char *stem_of (Scan *s,
               int   i);
G_GNUC_INTERNAL
char *counted_measure (Scan *s,
                       int   noun);
G_GNUC_INTERNAL
int counted_noun (Scan *s,
                  int   i);
G_GNUC_INTERNAL
void set_measure (Scan   *s,
                  PxFact *fact,
                  int     first,
                  int     last);
G_GNUC_INTERNAL
void assign_subjects (Scan *s);

/* px-facts-dates.c */
G_GNUC_INTERNAL
PxFact *add_date (Scan *s,
                  int   first,
                  int   last,
                  int   year,
                  int   month,
                  int   day);
G_GNUC_INTERNAL
int num_int (Scan *s,
             int   i,
             int   min_digits,
             int   max_digits);
G_GNUC_INTERNAL
gboolean is_ordinal_suffix (Scan *s,
                            int   i);
G_GNUC_INTERNAL
int year_at (Scan *s,
             int   i);
G_GNUC_INTERNAL
gboolean try_month_date (Scan *s,
                         int   i);
G_GNUC_INTERNAL
gboolean try_day_month_date (Scan *s,
                             int   i);
G_GNUC_INTERNAL
gboolean try_numeric_date (Scan *s,
                           int   i);
G_GNUC_INTERNAL
gboolean try_time (Scan *s,
                   int   i);

/* px-facts-names.c */
G_GNUC_INTERNAL
char *span_text (Scan *s,
                 int   first,
                 int   last);
G_GNUC_INTERNAL
int name_run_end (Scan *s,
                  int   i);
G_GNUC_INTERNAL
void scan_acronym_definitions (Scan *s);
G_GNUC_INTERNAL
void scan_names (Scan *s);
G_GNUC_INTERNAL
void resolve_surnames (Scan *s);

/* px-facts-quotes.c */
G_GNUC_INTERNAL
void scan_quotes (Scan *s);

G_END_DECLS
