/* px-segment-chars.c: what segmentation asks of the characters of two
 * bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Latin with accents, Greek, Cyrillic, Hebrew and Arabic are written in
 * characters of two bytes in UTF-8 (U+0080 to U+07FF). Whether one is a
 * word character and what its lower case is were GLib calls for each
 * character; they are read here from a table filled by those same calls
 * on first use, so that the answers are GLib's.
 */
#define G_LOG_DOMAIN "px-segment"

#include "config.h"

#include "px-segment-private.h"

static void
two_byte_chars_fill (PxTwoByteChars *chars)
{
  for (gunichar ch = 0x80; ch < 0x800; ch++)
    {
      PxTwoByteChar *c = &chars->chars[ch - 0x80];
      GUnicodeType type = g_unichar_type (ch);

      c->word = g_unichar_isalnum (ch) || type == G_UNICODE_NON_SPACING_MARK ||
                type == G_UNICODE_SPACING_MARK;
      c->lower = g_unichar_isupper (ch) ? g_unichar_tolower (ch) : 0;
    }
}

const PxTwoByteChars *
px_segment_two_byte_chars (void)
{
  static PxTwoByteChars *table;

  if (g_once_init_enter (&table))
    {
      PxTwoByteChars *chars = g_new (PxTwoByteChars, 1);

      two_byte_chars_fill (chars);
      g_once_init_leave (&table, chars);
    }
  return table;
}
