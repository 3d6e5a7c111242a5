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
  PX_SEARCH_MATCH_CASE = 1 << 2,
} PxSearchFlags;

/* Matches of @needle in @text, ignoring accents ("Zurich" finds "Zürich")
 * and, without PX_SEARCH_MATCH_CASE, case: a GArray of PxTextRange (byte
 * ranges into @text, in order). NULL and an error for a regular
 * expression that does not compile: its message is for a reader
 * ("Missing “)”"), GLib's own goes to the debug log. */
GArray *px_search_text (const char     *text,
                        gsize           length,
                        const char     *needle,
                        PxSearchFlags   flags,
                        GError        **error);

G_END_DECLS
