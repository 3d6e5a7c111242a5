/* px-bytes-private.h: text read eight bytes at a time, and the spaces of
 * Unicode told by range
 *
 * What the decoder, the NFC pass, segmentation and the fact tokenizer
 * share to pass over ASCII quickly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

#define PX_BYTES_ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define PX_BYTES_HIGH G_GUINT64_CONSTANT (0x8080808080808080)

/* The 8 bytes at @p, the first one in the lowest bits. */
static inline guint64
px_bytes_load8 (const char *p)
{
  guint64 x;

  memcpy (&x, p, 8);
  return GUINT64_FROM_LE (x);
}

/* All 8 bytes of @x are ASCII. */
static inline gboolean
px_bytes_ascii8 (guint64 x)
{
  return (x & PX_BYTES_HIGH) == 0;
}

/* How many of the first bytes of @x are ASCII (8 when all are). */
static inline guint
px_bytes_ascii_prefix (guint64 x)
{
  guint64 high = x & PX_BYTES_HIGH;

  if (high == 0)
    return 8;
#if defined(__GNUC__)
  return __builtin_ctzll (high) / 8;
#else
  {
    guint n = 0;

    while ((high & 0x80) == 0)
      {
        high >>= 8;
        n++;
      }
    return n;
  }
#endif
}

/* Some byte of @x is below @n (n <= 128). */
static inline gboolean
px_bytes_has_below (guint64 x,
                    guint   n)
{
  return ((x - PX_BYTES_ONES * n) & ~x & PX_BYTES_HIGH) != 0;
}

/* FALSE when no Unicode space (White_Space, and the U+200B the
 * segmenter counts) can be @ch: past ASCII, spaces are U+0085, U+00A0
 * and characters from U+1680 to U+3000 only. */
static inline gboolean
px_bytes_may_be_space (gunichar ch)
{
  return ch < 0x80 || ch == 0x85 || ch == 0xA0 || (ch >= 0x1680 && ch <= 0x3000);
}

G_END_DECLS
