/* px-cli-compare.c: parallax-cli compare
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "px-cli.h"

int
px_cli_compare (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(PxComparison) comparison = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) files = NULL;
  gboolean pretty = FALSE;
  guint n_failed = 0;
  gsize length = 0;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: json (the only one so far)", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { "pretty", 0, 0, G_OPTION_ARG_NONE, &pretty, "Indent the JSON", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };

  context = g_option_context_new ("— compare sources");
  g_option_context_set_summary (context,
    "Imports each FILE (plain text), segments it and prints the comparison in\n"
    "the format of docs/json-format.md. Files that cannot be read are reported\n"
    "and left out; the exit status is then 1.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      px_cli_print_error ("%s", error->message);
      return 2;
    }

  if (format == NULL)
    format = g_strdup ("json");
  if (g_strcmp0 (format, "json") != 0)
    {
      px_cli_print_error ("unknown format “%s” (use json)", format);
      return 2;
    }

  if (files == NULL || files[0] == NULL)
    {
      px_cli_print_error ("compare needs at least one FILE");
      return 2;
    }

  documents = px_cli_import_files (files, &n_failed);
  comparison = px_comparison_new (documents, NULL, NULL, NULL, &error);
  if (comparison == NULL)
    {
      px_cli_print_error ("%s", error->message);
      return 1;
    }

  data = px_export_json_string (comparison, pretty, &length);
  if (!px_cli_write_output (output, data, length, &error) ||
      (output == NULL && !px_cli_write_output (NULL, "\n", 1, &error)))
    {
      px_cli_print_error ("%s", error->message);
      return 1;
    }

  return n_failed > 0 ? 1 : 0;
}
