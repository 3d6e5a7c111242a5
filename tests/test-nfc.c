/* test-nfc.c: NFC in linear time, checked against GLib's g_utf8_normalize
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "px-nfc.h"

/* The NFC of @text by px_nfc_normalize(), which returns NULL for text that
 * is in NFC already. */
static char *
nfc (const char *text,
     gsize       length)
{
  gsize out_length = 0;
  char *out = px_nfc_normalize (text, length, &out_length);

  if (out == NULL)
    return g_strndup (text, length);
  g_assert_cmpuint (out_length, ==, strlen (out));
  return out;
}

typedef struct
{
  const char *name;
  const char *text;
  const char *expected;   /* NULL: the text is in NFC already */
} NfcCase;

static const NfcCase nfc_cases[] = {
  { "ascii", "The bridge reopened on Monday.", NULL },
  { "precomposed", "Caf\u00e9 na\u00efve B\u00fcrgermeister", NULL },
  { "hangul-syllables", "\ud55c\uad6d\uc5b4 \ud22c\ud45c", NULL },
  { "arabic-in-order", "\u0643\u064e\u062a\u064e\u0628\u064e", NULL },
  { "acute", "Cafe\u0301", "Caf\u00e9" },
  { "acute-after-precomposed", "\u00e9\u0301", "\u00e9\u0301" },
  { "two-marks-reordered", "a\u0302\u0323", "\u1ead" },
  { "two-marks-in-order", "a\u0323\u0302", "\u1ead" },
  { "blocked-same-class", "a\u0305\u0301", "a\u0305\u0301" },
  { "hangul-jamo-lv", "\u1100\u1161", "\uac00" },
  { "hangul-jamo-lvt", "\u1100\u1161\u11a8", "\uac01" },
  { "hangul-lv-plus-t", "\uac00\u11a8", "\uac01" },
  { "hangul-lvt-plus-t", "\uac01\u11a8", "\uac01\u11a8" },
  { "singleton-ohm", "\u2126", "\u03a9" },
  { "singleton-kelvin", "5 \u212a", "5 K" },
  { "exclusion-devanagari-qa", "\u0958", "\u0915\u093c" },
  { "exclusion-stays-decomposed", "\u0915\u093c", "\u0915\u093c" },
  { "non-starter-decomposition", "\u0344", "\u0308\u0301" },
  { "arabic-shadda-before-fatha", "\u0643\u0651\u064e", "\u0643\u064e\u0651" },
  { "bengali-vowel-sign", "\u0995\u09c7\u09be", "\u0995\u09cb" },
  { "cjk-compatibility", "\uf900", "\u8c48" },
  { "greek", "\u03b1\u0313\u0301\u0345", "\u1f84" },
  { "mark-at-start", "\u0301e", "\u0301e" },
  { "mark-after-space", " \u0301", " \u0301" },
};

static void
test_case (gconstpointer data)
{
  const NfcCase *tc = data;
  gsize length = 0;
  g_autofree char *out = px_nfc_normalize (tc->text, strlen (tc->text), &length);
  g_autofree char *glib = g_utf8_normalize (tc->text, -1, G_NORMALIZE_NFC);

  if (tc->expected == NULL)
    {
      g_assert_null (out);
      g_assert_cmpstr (glib, ==, tc->text);
      return;
    }
  g_assert_nonnull (out);
  g_assert_cmpstr (out, ==, tc->expected);
  g_assert_cmpuint (length, ==, strlen (tc->expected));
  g_assert_cmpstr (glib, ==, tc->expected);
}

/* Every character the quick check does not pass, in the places where it
 * can compose or be reordered, normalizes as GLib normalizes it. */
static void
test_every_character (void)
{
  static const char * const before[] = { "", "a", "e\u0323", "\u1100", "\uac00", "\u0915", "\u0995" };
  static const char * const after[] = { "", "\u0301", "\u0323", "\u1161", "\u11a8", "\u093c", "\u09be", "x" };
  guint n_checked = 0;

  for (gunichar ch = 0xA0; ch < 0x30000; ch++)
    {
      gunichar a, b;
      char utf8[8] = { 0 };

      if (!g_unichar_validate (ch) || g_unichar_type (ch) == G_UNICODE_UNASSIGNED)
        continue;
      if (g_unichar_combining_class (ch) == 0 && !g_unichar_decompose (ch, &a, &b) &&
          !(ch >= 0x1100 && ch < 0x1200) && !g_unichar_ismark (ch))
        continue;
      g_unichar_to_utf8 (ch, utf8);
      for (guint i = 0; i < G_N_ELEMENTS (before); i++)
        for (guint j = 0; j < G_N_ELEMENTS (after); j++)
          {
            g_autofree char *text = g_strconcat (before[i], utf8, after[j], NULL);
            g_autofree char *ours = nfc (text, strlen (text));
            g_autofree char *glib = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

            if (g_strcmp0 (ours, glib) != 0)
              g_error ("U+%04X in “%s”: “%s”, GLib “%s”", ch, text, ours, glib);
            n_checked++;
          }
    }
  g_assert_cmpuint (n_checked, >, 10000);
}

/* Random strings of characters that compose, reorder and decompose, in
 * runs of every length (a long run of marks is sorted another way). */
static void
test_random (void)
{
  static const gunichar alphabet[] = {
    'a', 'e', 'o', ' ', '.', 0x00E9, 0x00C5, 0x0301, 0x0300, 0x0302, 0x0308, 0x0323, 0x0327, 0x0316, 0x0345,
    0x0305, 0x0344, 0x0340, 0x0313, 0x03B1, 0x1F00, 0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01, 0x2126, 0x212B,
    0x0915, 0x093C, 0x0958, 0x0995, 0x09BE, 0x09C7, 0x0643, 0x064E, 0x0651, 0x0650, 0x0653, 0x0627, 0xF900,
    0x1E0B, 0x0307, 0x05B0, 0x05BC, 0x0E38, 0x0E48, 0x302A, 0x3099, 0x304B, 0x1D165, 0x1D16E,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 1, round % 100 == 0 ? 400 : 24);
      g_autofree char *ours = NULL;
      g_autofree char *glib = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append_unichar (text, alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))]);
      ours = nfc (text->str, text->len);
      glib = g_utf8_normalize (text->str, text->len, G_NORMALIZE_NFC);
      if (g_strcmp0 (ours, glib) != 0)
        g_error ("“%s”: “%s”, GLib “%s”", text->str, ours, glib);
    }
}

/* A hostile text that is one piece — marks and no starter, in an order to
 * sort — is normalized right (GLib's reordering and composition take
 * minutes on a megabyte of it; tests/bench/bench-import.py times ours). */
static void
test_one_long_piece (void)
{
  g_autoptr(GString) text = g_string_new ("a");
  g_autofree char *out = NULL;
  gsize length = 0;

  while (text->len < 1024 * 1024)
    g_string_append (text, "\u0316\u0301");
  out = px_nfc_normalize (text->str, text->len, &length);
  g_assert_nonnull (out);
  /* The class-220 marks first, then the class-230 ones, of which the first
   * composes with the letter: nothing of class 230 or 0 stands between. */
  g_assert_cmpuint (length, ==, text->len - 1);
  g_assert_true (g_str_has_prefix (out, "\u00e1\u0316\u0316"));
  g_assert_true (g_str_has_suffix (out, "\u0301\u0301"));
  g_assert_null (strstr (out, "\u0301\u0316"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (nfc_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/nfc/case/%s", nfc_cases[i].name);
      g_test_add_data_func (path, &nfc_cases[i], test_case);
    }
  g_test_add_func ("/core/nfc/every-character", test_every_character);
  g_test_add_func ("/core/nfc/random", test_random);
  g_test_add_func ("/core/nfc/one-long-piece", test_one_long_piece);

  return g_test_run ();
}
