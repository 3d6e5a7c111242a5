/* px-open-url-dialog.h: From the Web… (Ctrl+L)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-window.h"

G_BEGIN_DECLS

/* Asks for an address and fetches it as a new source. */
void px_open_url_dialog_present (PxWindow   *window);
/* Fetches @url in a worker, with a toast that shows it is under way and
 * stops it; the document becomes a new column, an error a toast. */
void px_window_open_url         (PxWindow   *window,
                                 const char *url);

G_END_DECLS
