/* px-module-private.h: a library the engine opens when it first needs it
 *
 * poppler-glib (PDF) and libsoup (addresses) are not linked: they load some
 * fifty libraries, ~13 ms at every start of parallax-cli, for runs that
 * read no PDF and fetch nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Opens @soname and fills @slots with its @n_symbols @symbols, in order;
 * FALSE, with @slots unusable, when the library or a symbol is missing. */
gboolean px_module_open (const char         *soname,
                         const char * const *symbols,
                         guint               n_symbols,
                         gpointer           *slots);

G_END_DECLS
