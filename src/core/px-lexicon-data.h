/* px-lexicon-data.h: the alignment engine's word table, generated at build time
 *
 * px-lexicon-gen (src/core/data/) stems the words of english-background.txt,
 * english-synsets.txt and english-relations.txt and writes px-lexicon-data.c:
 * one entry per stem, sorted by stem.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

typedef struct
{
  unsigned int  stem;         /* offset into px_lexicon_strings */
  unsigned int  count;        /* background count of the words with this stem */
  /* WordNet ids (part of speech << 24 | offset) from first_sense on in
   * px_lexicon_senses, each list sorted: the word's senses, the senses its
   * forms derive from or lead to, the direct hypernyms of its first senses,
   * its antonyms' senses */
  unsigned int  first_sense;
  unsigned int  n_senses;
  unsigned int  n_derived;
  unsigned int  n_hypernyms;
  unsigned int  n_antonyms;
  unsigned int  name;         /* its commonest sense is a name: Germany, Paris */
} PxLexiconEntry;

extern const double         px_lexicon_total;
extern const unsigned int   px_lexicon_n_entries;
extern const char           px_lexicon_strings[];
extern const PxLexiconEntry px_lexicon_entries[];
extern const unsigned int   px_lexicon_senses[];

/* px-lexicon.c: the entry of @stem, or NULL */
const PxLexiconEntry *px_lexicon_find         (const char           *stem);
/* whether one of @entry's senses is of part of speech @pos ('n', 'v',
 * 'a', 'r'); 0 for NULL */
int                   px_lexicon_has_sense_of (const PxLexiconEntry *entry,
                                               char                  pos);
