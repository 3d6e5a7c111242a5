/* px-cli-similarity.c: parallax-cli similarity — how alike sentence pairs are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "px-cli.h"

int
px_cli_similarity (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  size_t capacity = 0;
  guint line_no = 0, n_bad = 0;
  const GOptionEntry entries[] = {
    { NULL }
  };

  context = g_option_context_new ("— score sentence pairs read from standard input");
  g_option_context_set_summary (context,
    "Reads lines ID<TAB>SENTENCE1<TAB>SENTENCE2 on standard input and prints\n"
    "ID<TAB>SCORE for each: how alike the engine finds the two sentences as\n"
    "wholes, in [0, 1] (the aligner also links parts of sentences; this is the\n"
    "whole-sentence score, for benchmarks such as STS-B; see tests/bench/README.md).");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      px_cli_print_error ("%s", error->message);
      return 2;
    }

  while (getline (&line, &capacity, stdin) >= 0)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(PxDocument) a = NULL;
      g_autoptr(PxDocument) b = NULL;

      gsize len = strlen (line);

      line_no++;
      /* only the line end: an empty sentence keeps its tab */
      while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
      if (len == 0)
        continue;
      fields = g_strsplit (line, "\t", 3);
      if (g_strv_length (fields) != 3)
        {
          px_cli_print_error ("line %u: expected ID<TAB>SENTENCE1<TAB>SENTENCE2", line_no);
          n_bad++;
          continue;
        }
      a = px_import_text (fields[1], strlen (fields[1]), "sentence 1", NULL);
      b = px_import_text (fields[2], strlen (fields[2]), "sentence 2", NULL);
      printf ("%s\t%.6f\n", fields[0], a != NULL && b != NULL ? px_align_document_similarity (a, b) : 0.0);
    }
  return n_bad > 0 ? 1 : 0;
}
