/* px-normalize.h: the normal form of words, shared by segmenter, facts and aligner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Casefold + NFKC + unified dashes, quotes, apostrophes; hyphens inside a
 * word removed ("Multi-Vector" → "multivector"). Newly allocated. */
char       *px_normalize_word   (const char *word,
                                 gssize      length);
/* English Snowball stem of an already normalized word. Thread-safe (one
 * stemmer per thread). Newly allocated. */
char       *px_stem_word        (const char *norm,
                                 gssize      length);
/* TRUE for English function words ("the", "of", "was" …); @norm normalized. */
gboolean    px_is_stopword      (const char *norm);
/* The function words of px_is_stopword(), sorted; *n_stopwords set. */
const char * const *px_stopwords (guint *n_stopwords);
/* Letters to insert, delete or replace to turn @a into @b (bytes, words of
 * at most 32), counted up to @limit: limit + 1 when over. */
guint       px_edit_distance    (const char *a,
                                 const char *b,
                                 guint       limit);

G_END_DECLS
