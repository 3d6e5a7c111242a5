/* px-search.h: finding text in the sources as a reader types it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PX_SEARCH_DEFAULT    = 0,
  PX_SEARCH_WHOLE_WORD = 1 << 0,
  PX_SEARCH_REGEX      = 1 << 1,
} PxSearchFlags;

/* Matches of @needle in @text, ignoring case and accents ("Zurich" finds
 * "Zürich"): a GArray of PxTextRange (byte ranges into @text, in order).
 * NULL and an error for a regular expression that does not compile. */
GArray *px_search_text (const char     *text,
                        gsize           length,
                        const char     *needle,
                        PxSearchFlags   flags,
                        GError        **error);

G_END_DECLS
