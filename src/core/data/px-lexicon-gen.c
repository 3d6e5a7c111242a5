/* px-lexicon-gen.c: turns the word lists of the alignment engine into C
 *
 * Run at build time:
 *   px-lexicon-gen english-background.txt english-synsets.txt \
 *                  english-relations.txt px-lexicon-data.c
 *
 * The shipped lists hold plain English words, as their sources give them.
 * The engine looks words up by their Snowball stem, so this tool stems
 * every word once, here, with the engine's own px_normalize_word() and
 * px_stem_word(): counts of words that share a stem are summed, their
 * WordNet sense ids (and the senses they derive from, their hypernyms and
 * antonyms) merged. The output is a sorted table the engine reads without
 * parsing or stemming anything at run time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "px-normalize.h"

static int
compare_guint32 (gconstpointer a,
                 gconstpointer b)
{
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;

  return x < y ? -1 : x > y;
}

/* The lists of ids an entry has, in the order the table stores them. */
enum { SENSES, DERIVED, HYPERNYMS, ANTONYMS, N_LISTS };

typedef struct
{
  guint64   count;
  GArray   *ids[N_LISTS];   /* guint32 each */
  gboolean  name;
} Entry;

static void
entry_free (Entry *entry)
{
  for (guint k = 0; k < N_LISTS; k++)
    if (entry->ids[k] != NULL)
      g_array_unref (entry->ids[k]);
  g_free (entry);
}

static void
entry_add (Entry      *entry,
           guint       list,
           const char *field)
{
  guint32 id = ((guint32)(guchar)field[0] << 24) | (guint32)strtoul (field + 1, NULL, 10);

  if (entry->ids[list] == NULL)
    entry->ids[list] = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (entry->ids[list], id);
}

/* Sorts the list and drops repeats; returns its length. */
static guint
entry_finish_list (Entry *entry,
                   guint  list)
{
  GArray *ids = entry->ids[list];
  guint n = 0;

  if (ids == NULL)
    return 0;
  g_array_sort (ids, compare_guint32);
  for (guint k = 0; k < ids->len; k++)
    if (k == 0 || g_array_index (ids, guint32, k) != g_array_index (ids, guint32, n - 1))
      g_array_index (ids, guint32, n++) = g_array_index (ids, guint32, k);
  g_array_set_size (ids, n);
  return n;
}

static Entry *
lookup (GHashTable *table,
        const char *word)
{
  g_autofree char *norm = px_normalize_word (word, -1);
  g_autofree char *stem = px_stem_word (norm, -1);
  Entry *entry = g_hash_table_lookup (table, stem);

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      g_hash_table_insert (table, g_steal_pointer (&stem), entry);
    }
  return entry;
}

static char **
read_lines (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      g_printerr ("px-lexicon-gen: %s\n", error->message);
      exit (1);
    }
  return g_strsplit (contents, "\n", -1);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)entry_free);
  g_auto(GStrv) background = NULL;
  g_auto(GStrv) synsets = NULL;
  g_auto(GStrv) relations = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char **stems = NULL;
  double total = 0;
  guint n_stems, n_senses = 0;

  if (argc != 5)
    {
      g_printerr ("usage: px-lexicon-gen BACKGROUND SYNSETS RELATIONS OUTPUT.c\n");
      return 2;
    }

  /* "word count" lines; "# total N" gives the corpus size */
  background = read_lines (argv[1]);
  for (guint i = 0; background[i] != NULL; i++)
    {
      const char *line = background[i];
      const char *space = strchr (line, ' ');

      if (g_str_has_prefix (line, "# total "))
        total = g_ascii_strtod (line + 8, NULL);
      else if (line[0] != '#' && space != NULL)
        {
          g_autofree char *word = g_strndup (line, space - line);

          lookup (table, word)->count += g_ascii_strtoull (space + 1, NULL, 10);
        }
    }

  /* "lemma s123 n456 …": a part-of-speech letter and a WordNet offset */
  synsets = read_lines (argv[2]);
  for (guint i = 0; synsets[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Entry *entry;

      if (synsets[i][0] == '#' || synsets[i][0] == '\0')
        continue;
      fields = g_strsplit (synsets[i], " ", -1);
      entry = lookup (table, fields[0]);
      for (guint k = 1; fields[k] != NULL; k++)
        if (fields[k][0] != '\0')
          entry_add (entry, SENSES, fields[k]);
    }

  /* "lemma derived… | hypernyms… | antonyms… | P" (make-relations.py) */
  relations = read_lines (argv[3]);
  for (guint i = 0; relations[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Entry *entry;
      guint list = DERIVED;

      if (relations[i][0] == '#' || relations[i][0] == '\0')
        continue;
      fields = g_strsplit (relations[i], " ", -1);
      entry = lookup (table, fields[0]);
      for (guint k = 1; fields[k] != NULL; k++)
        {
          if (fields[k][0] == '\0')
            continue;
          if (strcmp (fields[k], "|") == 0)
            list++;
          else if (list == N_LISTS && strcmp (fields[k], "P") == 0)
            entry->name = TRUE;
          else if (list < N_LISTS)
            entry_add (entry, list, fields[k]);
        }
    }

  stems = (char **)g_hash_table_get_keys_as_array (table, &n_stems);
  qsort (stems, n_stems, sizeof (char *), compare_strings);

  g_string_append (out,
                   "/* Generated by px-lexicon-gen from english-background.txt and\n"
                   " * english-synsets.txt (see their headers for sources and licences).\n"
                   " * Do not edit. */\n"
                   "#include \"px-lexicon-data.h\"\n\n");
  g_string_append_printf (out, "const double px_lexicon_total = %.1f;\n", total > 0 ? total : 5e7);
  g_string_append_printf (out, "const unsigned int px_lexicon_n_entries = %u;\n\n", n_stems);

  /* the stems, NUL-separated in one string: offsets need no relocation
   * when the program starts, pointers would (one per stem) */
  g_string_append (out, "const char px_lexicon_strings[] =\n");
  for (guint i = 0; i < n_stems; i++)
    {
      /* stems are lower-case ASCII or UTF-8 letters; escape anything else */
      g_string_append (out, "  \"");
      for (const char *c = stems[i]; *c != '\0'; c++)
        {
          if (*c == '"' || *c == '\\' || *c == '?' || (guchar)*c < 0x20 || (guchar)*c >= 0x7f)
            g_string_append_printf (out, "\\%03o", (guchar)*c);
          else
            g_string_append_c (out, *c);
        }
      g_string_append (out, "\\0\"\n");
    }
  g_string_append (out, "  ;\n\nconst PxLexiconEntry px_lexicon_entries[] = {\n");
  for (guint i = 0, offset = 0; i < n_stems; i++)
    {
      Entry *entry = g_hash_table_lookup (table, stems[i]);
      guint n[N_LISTS];

      for (guint k = 0; k < N_LISTS; k++)
        n[k] = entry_finish_list (entry, k);
      g_string_append_printf (out, "  { %u, %" G_GUINT64_FORMAT "u, %u, %u, %u, %u, %u, %u },\n",
                              offset, MIN (entry->count, (guint64)G_MAXUINT32), n_senses,
                              n[SENSES], n[DERIVED], n[HYPERNYMS], n[ANTONYMS], entry->name);
      for (guint k = 0; k < N_LISTS; k++)
        n_senses += n[k];
      offset += strlen (stems[i]) + 1;
    }
  g_string_append (out, "};\n\nconst unsigned int px_lexicon_senses[] = {\n");
  for (guint i = 0; i < n_stems; i++)
    {
      Entry *entry = g_hash_table_lookup (table, stems[i]);

      for (guint k = 0; k < N_LISTS; k++)
        for (guint m = 0; entry->ids[k] != NULL && m < entry->ids[k]->len; m++)
          g_string_append_printf (out, "  %uu,\n", g_array_index (entry->ids[k], guint32, m));
    }
  g_string_append (out, "  0u\n};\n");

  if (!g_file_set_contents (argv[4], out->str, out->len, &error))
    {
      g_printerr ("px-lexicon-gen: %s\n", error->message);
      return 1;
    }
  return 0;
}
