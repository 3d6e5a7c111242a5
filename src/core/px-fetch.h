/* px-fetch.h: web pages and files fetched from a URL (libsoup 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here runs unless the caller passes a URL: the engine makes no
 * network request of its own.
 */
#pragma once

#include <gio/gio.h>

#include "px-document.h"

G_BEGIN_DECLS

/* Redirects followed before giving up, and the default time a request may
 * wait for the server (per read) and take as a whole. */
#define PX_FETCH_MAX_REDIRECTS 10
#define PX_FETCH_TIMEOUT_SECONDS 30
#define PX_FETCH_TOTAL_SECONDS 120

/* An http:// or https:// address (what the CLI and the window fetch
 * instead of opening as a file). */
gboolean    px_fetch_is_url          (const char           *text);

/* Fetches @url (redirects followed, at most PX_IMPORT_MAX_BYTES) and
 * imports it by its Content-Type and bytes: web pages (the HTTP charset
 * used where the bytes agree with it, the page's own declaration
 * otherwise), text, PDF, DOCX, ODT. The final URL is the document's
 * origin. @timeout_seconds 0 means PX_FETCH_TIMEOUT_SECONDS. Blocks: call
 * it in a worker, or use the async pair. Errors are PX_ERROR (or
 * G_IO_ERROR_CANCELLED) with a message that names the address. */
PxDocument *px_fetch_document        (const char           *url,
                                      guint                 timeout_seconds,
                                      GCancellable         *cancellable,
                                      GError              **error);
void        px_fetch_document_async  (const char           *url,
                                      guint                 timeout_seconds,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
PxDocument *px_fetch_document_finish (GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
