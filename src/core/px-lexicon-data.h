/* px-lexicon-data.h: the alignment engine's word table, generated at build time
 *
 * px-lexicon-gen (src/core/data/) stems the words of english-background.txt
 * and english-synsets.txt and writes px-lexicon-data.c: one entry per stem,
 * sorted by stem.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

typedef struct
{
  unsigned int  stem;         /* offset into px_lexicon_strings */
  unsigned int  count;        /* background count of the words with this stem */
  unsigned int  first_sense;  /* index into px_lexicon_senses */
  unsigned int  n_senses;     /* WordNet sense ids (part of speech << 24 | offset) */
} PxLexiconEntry;

extern const double         px_lexicon_total;
extern const unsigned int   px_lexicon_n_entries;
extern const char           px_lexicon_strings[];
extern const PxLexiconEntry px_lexicon_entries[];
extern const unsigned int   px_lexicon_senses[];
