/* px-nfc.h: Unicode NFC in time linear in the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NFC of @utf8 (@length bytes of valid UTF-8), or NULL when it is in NFC
 * already (nearly all text: nothing is copied then). Only the pieces the
 * quick check flags are normalized, each between two characters that
 * nothing before them can change (combining class 0, NFC_QC Yes), and
 * without GLib's composition, which moves the rest of its buffer for every
 * character it composes: the time is linear in the text whatever it holds. */
char       *px_nfc_normalize    (const char *utf8,
                                 gsize       length,
                                 gsize      *out_length);

G_END_DECLS
