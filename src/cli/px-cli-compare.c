/* px-cli-compare.c: parallax-cli compare
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "px-cli.h"

/* A session file by its name (.parallax) or by its root element. Only a
 * regular file is opened to look: the head of a pipe read here would be
 * missing from the source (`compare <(command)`), and a named pipe or a
 * device is the bounded reader's to refuse. */
static gboolean
is_session (GFile *file)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *path = g_file_get_path (file);
  char head[1024];
  gssize n;

  if (px_session_is_session_file (path, NULL, 0))
    return TRUE;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return FALSE;
  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL)
    return FALSE;
  n = g_input_stream_read (G_INPUT_STREAM (stream), head, sizeof head, NULL, NULL);
  return n > 0 && px_session_is_session_file (NULL, head, n);
}

/* Imports sources and sessions in order: a session brings its documents
 * (in its column order) and its annotations. */
static void
load_inputs (char      **paths,
             GPtrArray  *documents,
             GPtrArray  *annotations,
             guint      *n_failed)
{
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr(GError) error = NULL;

      /* an address is fetched once, as a source, never probed as a file */
      if (!px_fetch_is_url (paths[i]) && is_session (file))
        {
          g_autoptr(PxSession) session = px_session_load (file, NULL, &error);
          g_autoptr(GPtrArray) in_columns = NULL;
          GPtrArray *session_annotations;

          if (session == NULL)
            {
              px_cli_print_error ("%s", error->message);
              (*n_failed)++;
              continue;
            }
          in_columns = px_session_dup_documents_in_columns (session);
          for (guint k = 0; k < in_columns->len; k++)
            g_ptr_array_add (documents, g_object_ref (g_ptr_array_index (in_columns, k)));
          session_annotations = px_session_get_annotations (session);
          for (guint k = 0; k < session_annotations->len; k++)
            g_ptr_array_add (annotations, g_object_ref (g_ptr_array_index (session_annotations, k)));
        }
      else
        {
          PxDocument *document = px_cli_import (paths[i], &error);

          if (document == NULL)
            {
              px_cli_print_error ("%s", error->message);
              (*n_failed)++;
              continue;
            }
          px_cli_print_warnings (document, paths[i]);
          g_ptr_array_add (documents, document);
        }
    }
}

int
px_cli_compare (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PxComparison) comparison = NULL;
  g_autofree char *format = NULL;
  g_autofree char *sensitivity_name = NULL;
  PxSensitivity sensitivity = PX_SENSITIVITY_MEDIUM;
  g_autofree char *output = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) files = NULL;
  gboolean pretty = FALSE;
  gboolean stats = FALSE;
  gboolean html;
  gint64 t_start = g_get_monotonic_time (), t_import, t_compare;
  guint n_failed = 0;
  gsize length = 0;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: json (default) or html", "FORMAT" },
    { "sensitivity", 's', 0, G_OPTION_ARG_STRING, &sensitivity_name, "How readily differently worded sentences are linked: low, medium (default) or high", "LEVEL" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { "pretty", 0, 0, G_OPTION_ARG_NONE, &pretty, "Indent the JSON", NULL },
    { "stats", 0, 0, G_OPTION_ARG_NONE, &stats, "Print sizes, times of each step and peak memory to standard error", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };

  context = g_option_context_new ("— compare sources");
  g_option_context_set_summary (context,
    "Imports each FILE (plain text, a saved web page, a PDF, a Word .docx or an\n"
    "OpenDocument .odt file), segments it and prints the comparison: with\n"
    "--format=json in the format of docs/json-format.md, with --format=html as a\n"
    "standalone report (sources side by side, links between claims, facts,\n"
    "annotations; no script, nothing loaded from the network).\n"
    "\n"
    "A FILE that is an http:// or https:// address is fetched (redirects\n"
    "followed, at most 64 MB, 30 s without an answer) and read by its type;\n"
    "nothing else is fetched.\n"
    "\n"
    "A FILE may be a Parallax session (.parallax, docs/session-format.md): it\n"
    "brings its sources in its column order, and its annotations to the HTML\n"
    "report. Files that cannot be read are reported and left out; the exit\n"
    "status is then 1.");
  g_option_context_set_description (context,
    "Examples:\n"
    "  parallax-cli compare --format=json a.txt b.txt\n"
    "  parallax-cli compare statement.pdf release.docx https://example.com/story\n"
    "  parallax-cli compare --format=html -o report.html reading.parallax\n");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      px_cli_print_error ("%s", error->message);
      return 2;
    }

  if (format == NULL)
    format = g_strdup ("json");
  if (g_strcmp0 (format, "json") != 0 && g_strcmp0 (format, "html") != 0)
    {
      px_cli_print_error ("unknown format “%s” (use json or html)", format);
      return 2;
    }
  html = g_strcmp0 (format, "html") == 0;
  if (sensitivity_name != NULL && !px_sensitivity_from_string (sensitivity_name, &sensitivity))
    {
      px_cli_print_error ("unknown sensitivity “%s” (use low, medium or high)", sensitivity_name);
      return 2;
    }

  if (files == NULL || files[0] == NULL)
    {
      px_cli_print_error ("compare needs at least one FILE");
      return 2;
    }

  load_inputs (files, documents, annotations, &n_failed);
  t_import = g_get_monotonic_time ();
  comparison = px_comparison_new_full (documents, sensitivity, NULL, NULL, NULL, &error);
  if (comparison == NULL)
    {
      px_cli_print_error ("%s", error->message);
      return 1;
    }
  t_compare = g_get_monotonic_time ();

  if (html)
    data = px_export_html_string (comparison, annotations, &length);
  else
    data = px_export_json_string (comparison, pretty, &length);
  if (!px_cli_write_output (output, data, length, &error) ||
      (!html && output == NULL && !px_cli_write_output (NULL, "\n", 1, &error)))
    {
      px_cli_print_error ("%s", error->message);
      return 1;
    }

  if (stats)
    {
      guint words = 0;

      for (guint i = 0; i < documents->len; i++)
        words += px_document_get_n_words (g_ptr_array_index (documents, i));
      g_printerr ("sources %u  words %u  links %u  claims %u  import %.1f ms  compare %.1f ms  "
                  "write %.1f ms  peak RSS %.1f MiB\n",
                  documents->len, words, px_comparison_get_links (comparison)->len,
                  px_comparison_get_claims (comparison)->len,
                  (t_import - t_start) / 1000.0, (t_compare - t_import) / 1000.0,
                  (g_get_monotonic_time () - t_compare) / 1000.0, px_cli_peak_rss_kib () / 1024.0);
    }

  return n_failed > 0 ? 1 : 0;
}
