/* parallax-cli.c: the headless face of the Parallax engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>

#include "px-cli.h"

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "compare", px_cli_compare, "Compare sources (or a saved session) and write the comparison as JSON or an HTML report" },
  { "extract", px_cli_extract, "Print the article text (and with --format=json the metadata) of web pages, PDFs, DOCX and ODT files" },
  { "facts", px_cli_facts, "List the numbers, dates, names and quotes found in sources" },
  { "similarity", px_cli_similarity, "Score sentence pairs read from standard input (benchmarks)" },
  { "segment", px_cli_segment, "Show the paragraphs, sentences and boilerplate Parallax finds in sources" },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream,
           "Usage:\n"
           "  parallax-cli COMMAND [OPTION…] [ARGUMENT…]\n"
           "\n"
           "Compare news articles side by side: linked claims, facts and differences.\n"
           "\n"
           "Commands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-12s %s\n", commands[i].name, commands[i].summary);
  fprintf (stream,
           "\n"
           "Options:\n"
           "  -h, --help     Show this help\n"
           "  --version      Show the version\n"
           "\n"
           "Run “parallax-cli COMMAND --help” for the options of a command.\n");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("parallax-cli");
  xmlInitParser ();

  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return 0;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("parallax-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        return commands[i].run (argc - 1, argv + 1);
    }

  fprintf (stderr, "parallax-cli: unknown command “%s”\n\n", argv[1]);
  print_usage (stderr);
  return 2;
}
