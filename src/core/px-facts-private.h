/* px-facts-private.h: what the fact extractor and grouper share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-facts.h"

G_BEGIN_DECLS

typedef enum
{
  PX_LEX_NUMBER        = 1 << 0,  /* cardinal word: "six" */
  PX_LEX_TENS          = 1 << 1,  /* "twenty": takes a unit after a hyphen */
  PX_LEX_MULTIPLIER    = 1 << 2,  /* "million", "bn" */
  PX_LEX_SUFFIX_ONLY   = 1 << 3,  /* multiplier only right after digits: "m", "bn" */
  PX_LEX_ATTACHED_ONLY = 1 << 4,  /* only glued to the digits: "1.2b" */
  PX_LEX_MONEY_ONLY    = 1 << 5,  /* only after a currency: "$1MM" */
  PX_LEX_FRACTION      = 1 << 6,  /* "thirds": number is the denominator */
  PX_LEX_ORDINAL       = 1 << 7,
  PX_LEX_ABBREV        = 1 << 8,  /* month or day abbreviation */
  PX_LEX_AMBIGUOUS     = 1 << 9,  /* also a common word: "may", "march", "won" */
  PX_LEX_PERCENT       = 1 << 10,
  PX_LEX_CODE          = 1 << 11, /* ISO currency code */
  PX_LEX_DURATION      = 1 << 12,
  PX_LEX_TITLE         = 1 << 13,
  PX_LEX_ORG           = 1 << 14,
  PX_LEX_SPEECH        = 1 << 15,
} PxLexFlags;

typedef struct
{
  const char  *word;             /* lowercase ASCII */
  double       number;
  double       ordinal;
  guint8       month;
  guint8       weekday;
  PxQualifier  qualifier;
  const char  *currency;
  const char  *unit;
  guint        flags;
} PxLexEntry;

/* The entry for a word (any case), or NULL. Thread-safe. */
const PxLexEntry *px_lex_lookup (const char *word,
                                 gsize       length);
/* Words of the lexicon and function words are shorter than this. */
#define PX_LEX_MAX_LENGTH 24
/* The hash of a word, ASCII-case-folded (djb2 over its bytes, never 0). */
guint             px_lex_hash   (const char *word,
                                 gsize       length);

/* The table of the lexicon's words and the function words by their hash
 * (px-facts-lexicon.c); px_lex_find() looks a word up. */
typedef struct
{
  const char *word;        /* lowercase; NULL for an empty slot */
  guint       hash;        /* px_lex_hash() */
  guint16     lex_number;  /* px_lex_number() of its entry, 0 for none */
  guint8      length;
  guint8      stop : 1;    /* px_is_stopword() */
  guint8      keyword : 1; /* PX_LEX_KEYWORDS */
} PxLexSlot;

/* Words of no lexicon entry that the extractor's main loops test by their
 * spelling (px-facts-extract.c): the tokenizer marks them, so that the
 * loops pass every other word without an entry at once. */
#define PX_LEX_KEYWORDS { "a", "an", "per", "noon", "midday", "midnight" }

#define PX_LEX_SLOT_BITS 11
#define PX_LEX_SLOTS (1 << PX_LEX_SLOT_BITS)

/* Thread-safe. */
const PxLexSlot  *px_lex_table  (void);

/* ASCII @word, any case, is @lower (lowercase), both @length long. */
static inline gboolean
px_lex_same_word (const char *lower,
                  const char *word,
                  gsize       length)
{
  for (gsize k = 0; k < length; k++)
    {
      guchar c = (guchar)word[k];

      if (c >= 'A' && c <= 'Z')
        c |= 0x20;
      if (c != (guchar)lower[k])
        return FALSE;
    }
  return TRUE;
}

/* The slot of ASCII @word (shorter than PX_LEX_MAX_LENGTH) of hash @hash
 * in @table: its entry and whether it is a function word, or an empty
 * slot (lex_number and stop 0) when it is neither. */
static inline const PxLexSlot *
px_lex_find (const PxLexSlot *table,
             const char      *word,
             gsize            length,
             guint            hash)
{
  /* djb2's low bits cluster (the last letters); a multiplication mixes
   * them into the high bits, where the slot is taken from */
  for (guint i = (hash * 2654435769u) >> (32 - PX_LEX_SLOT_BITS);; i = (i + 1) & (PX_LEX_SLOTS - 1))
    {
      const PxLexSlot *slot = &table[i];

      if (slot->word == NULL || (slot->hash == hash && slot->length == length &&
                                 px_lex_same_word (slot->word, word, length)))
        return slot;
    }
}

/* A fact of the bytes @start … @end of @text, kept in the fact's own
 * block (px-facts.c). */
PxFact           *px_fact_new_with_text (PxFactKind  kind,
                                         guint       start,
                                         guint       end,
                                         const char *text);

/* Entries by number, so that a token can keep 16 bits instead of a
 * pointer: px_lex_number() is 1 and up for an entry, 0 for NULL. */
guint             px_lex_number (const PxLexEntry *entry);
G_GNUC_INTERNAL extern const PxLexEntry * const px_lex_entries;

static inline const PxLexEntry *
px_lex_entry (guint number)
{
  return number == 0 ? NULL : &px_lex_entries[number - 1];
}

/* TRUE when the values of two facts of one kind can describe the same thing:
 * equal, or consistent under their qualifiers and rounding. */
gboolean          px_fact_values_consistent (const PxFact *a,
                                             const PxFact *b);
/* TRUE when two facts could give one detail: counts (a number, a counted
 * noun), spans of time of one unit, quantities of one unit, money of one
 * currency, shares, dates, times, names of one kind. "six decades" and
 * "2,000 people" could not. */
gboolean          px_fact_same_family       (const PxFact *a,
                                             const PxFact *b);

G_END_DECLS
