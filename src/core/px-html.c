/* px-html.c: article extraction from web pages (being written; see issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-html"

#include "config.h"

#include "px-error.h"
#include "px-import.h"

PxDocument *
px_import_html (const char  *data,
                gsize        length,
                const char  *origin,
                GError     **error)
{
  g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
               "“%s” is a web page; web pages cannot be opened yet", origin);
  return NULL;
}
