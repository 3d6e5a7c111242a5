/* px-nfc-gen.c: the NFC quick-check property (NFC_QC), combining classes
 * and canonical compositions as C tables
 *
 * Run at build time: px-nfc-gen px-nfc-data.h
 *
 * Derived from GLib's own Unicode tables, so that the engine's quick check
 * agrees with the decompositions and compositions it normalizes with:
 *  - No: a character with a canonical decomposition that does not compose
 *    back to it (singletons, non-starter decompositions, composition
 *    exclusions);
 *  - Maybe: a character that is the second of a primary composite (most
 *    combining marks, Hangul vowel and final jamo, a few spacing vowel
 *    signs);
 *  - Yes: every other character, listed by omission.
 * The output is a two-level table of the Basic Multilingual Plane (blocks
 * of 64 characters, 16 bits each: the combining class, the quick check,
 * and whether the character has a canonical decomposition; identical
 * blocks shared), a sorted list of ranges of the No and Maybe characters
 * above it, and a hash table of the primary composites but Hangul
 * syllables (which GLib composes by arithmetic): the pair of characters
 * each is the canonical decomposition of.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

enum { QC_YES, QC_MAYBE, QC_NO };

/* The bits of a character's entry in the BMP table (px-nfc.c reads them) */
#define PROPS_QC_SHIFT 8
#define PROPS_DECOMPOSES (1 << 10)

#define BMP_BLOCK 64
#define COMPOSITION_SLOTS 2048

/* Must agree with nfc_composition_hash () in px-nfc.c */
static guint
composition_hash (gunichar first,
                  gunichar second)
{
  return ((first * 0x9E3779B1u) ^ (second * 0x85EBCA77u)) >> (32 - 11);
}

/* The BMP in two levels: blocks of BMP_BLOCK characters, 16 bits each
 * (PROPS_*), identical blocks written once. */
static void
write_bmp_table (FILE         *out,
                 const guint8 *qc,
                 const guint8 *decomposes)
{
  guint8 blocks[0x10000 / BMP_BLOCK];
  g_autoptr(GPtrArray) unique = g_ptr_array_new_with_free_func (g_free);

  for (guint block = 0; block < G_N_ELEMENTS (blocks); block++)
    {
      guint16 *props = g_new0 (guint16, BMP_BLOCK);
      guint k;

      for (guint i = 0; i < BMP_BLOCK; i++)
        {
          gunichar ch = block * BMP_BLOCK + i;

          props[i] = g_unichar_combining_class (ch) | qc[ch] << PROPS_QC_SHIFT |
                     (decomposes[ch] ? PROPS_DECOMPOSES : 0);
        }
      for (k = 0; k < unique->len; k++)
        if (memcmp (g_ptr_array_index (unique, k), props, BMP_BLOCK * sizeof *props) == 0)
          break;
      if (k == unique->len)
        g_ptr_array_add (unique, props);
      else
        g_free (props);
      g_assert (k <= G_MAXUINT8);
      blocks[block] = k;
    }
  fprintf (out, "static const guint8 nfc_bmp_blocks[%u] = {", (guint)G_N_ELEMENTS (blocks));
  for (guint block = 0; block < G_N_ELEMENTS (blocks); block++)
    fprintf (out, "%s%u,", block % 16 == 0 ? "\n  " : " ", blocks[block]);
  fprintf (out, "\n};\n\nstatic const guint16 nfc_bmp_props[%u][%u] = {\n", unique->len, BMP_BLOCK);
  for (guint k = 0; k < unique->len; k++)
    {
      const guint16 *props = g_ptr_array_index (unique, k);

      fprintf (out, "  {");
      for (guint i = 0; i < BMP_BLOCK; i++)
        fprintf (out, "%s0x%03x,", i % 12 == 0 ? "\n    " : " ", props[i]);
      fprintf (out, "\n  },\n");
    }
  fprintf (out, "};\n\n");
}

/* Beyond it, ranges: { first, last, quick check } of the characters whose
 * NFC_QC is not Yes. Returns how many. */
static guint
write_ranges (FILE         *out,
              const guint8 *qc)
{
  static const char * const names[] = { "YES", "MAYBE", "NO" };
  guint n_ranges = 0;

  fprintf (out, "static const NfcRange nfc_ranges[] = {\n");
  for (gunichar ch = 0x10000; ch < 0x110000; )
    {
      gunichar last = ch;

      if (qc[ch] == QC_YES)
        {
          ch++;
          continue;
        }
      while (last + 1 < 0x110000 && qc[last + 1] == qc[ch])
        last++;
      fprintf (out, "  { 0x%04X, 0x%04X, NFC_QC_%s },\n", ch, last, names[qc[ch]]);
      n_ranges++;
      ch = last + 1;
    }
  fprintf (out, "};\n\n");
  return n_ranges;
}

/* The primary composites but Hangul syllables, by the hash of their pair
 * (open addressing, the next slot on a collision; an empty slot has
 * composite 0). */
static void
write_compositions (FILE *out)
{
  g_autofree gunichar *slots = g_new0 (gunichar, 3 * COMPOSITION_SLOTS);
  guint n = 0;

  for (gunichar ch = 0; ch < 0x110000; ch++)
    {
      gunichar a, b, composed;
      guint k;

      if ((ch >= 0xAC00 && ch <= 0xD7A3) || !g_unichar_decompose (ch, &a, &b) || b == 0 ||
          !g_unichar_compose (a, b, &composed) || composed != ch)
        continue;
      for (k = composition_hash (a, b); slots[3 * k + 2] != 0; k = (k + 1) % COMPOSITION_SLOTS)
        ;
      slots[3 * k] = a;
      slots[3 * k + 1] = b;
      slots[3 * k + 2] = ch;
      n++;
      g_assert (n * 3 < COMPOSITION_SLOTS * 2);
    }
  fprintf (out, "static const NfcComposition nfc_compositions[%u] = {\n", COMPOSITION_SLOTS);
  for (guint k = 0; k < COMPOSITION_SLOTS; k++)
    fprintf (out, "  { 0x%04X, 0x%04X, 0x%04X },\n", slots[3 * k], slots[3 * k + 1], slots[3 * k + 2]);
  fprintf (out, "};\n");
}

int
main (int    argc,
      char **argv)
{
  g_autofree guint8 *qc = g_new0 (guint8, 0x110000);
  g_autofree guint8 *decomposes = g_new0 (guint8, 0x110000);
  FILE *out;
  guint n_ranges;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s OUTPUT\n", argv[0]);
      return 2;
    }

  for (gunichar ch = 0; ch < 0x110000; ch++)
    {
      gunichar a, b, composed;

      if (!g_unichar_decompose (ch, &a, &b))
        continue;
      decomposes[ch] = TRUE;
      if (b == 0 || !g_unichar_compose (a, b, &composed) || composed != ch)
        qc[ch] = QC_NO;
      else if (qc[b] != QC_NO)
        qc[b] = QC_MAYBE;
    }

  out = fopen (argv[1], "w");
  if (out == NULL)
    {
      perror (argv[1]);
      return 1;
    }
  fprintf (out, "/* Generated by px-nfc-gen from the Unicode tables of GLib %u.%u.%u: do not edit. */\n\n",
           glib_major_version, glib_minor_version, glib_micro_version);
  write_bmp_table (out, qc, decomposes);
  n_ranges = write_ranges (out, qc);
  write_compositions (out);
  if (fclose (out) != 0)
    {
      perror (argv[1]);
      return 1;
    }
  return n_ranges > 0 ? 0 : 1;
}
