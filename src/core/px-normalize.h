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

G_END_DECLS
