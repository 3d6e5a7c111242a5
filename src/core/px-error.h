/* px-error.h: the error domain of the Parallax engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PX_ERROR (px_error_quark ())

typedef enum
{
  PX_ERROR_EMPTY,           /* the file holds no text */
  PX_ERROR_BINARY,          /* the bytes are not text */
  PX_ERROR_ENCODING,        /* the text could not be decoded */
  PX_ERROR_TOO_LARGE,       /* over a size limit */
  PX_ERROR_READ,            /* the file could not be read */
  PX_ERROR_INVALID_INPUT,   /* malformed input (session, HTML structure, stdin line) */
  PX_ERROR_HOSTILE,         /* input refused as hostile (nesting, entity expansion) */
} PxError;

GQuark px_error_quark (void);

G_END_DECLS
