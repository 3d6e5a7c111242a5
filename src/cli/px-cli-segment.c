/* px-cli-segment.c: parallax-cli segment — the text model, for inspection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "px-cli.h"

static gboolean
print_document_text (GString    *out,
                     const char *output,
                     PxDocument *document,
                     guint       index,
                     GError    **error)
{
  const char *text = px_document_get_text (document, NULL);

  g_string_append_printf (out, "== d%u %s\n", index + 1, px_document_get_origin (document));
  g_string_append_printf (out, "   encoding %s, %u words, %u paragraphs, %u segments",
                          px_document_get_encoding (document),
                          px_document_get_n_words (document),
                          px_document_get_n_paragraphs (document),
                          px_document_get_n_segments (document));
  if (px_document_get_date (document) != NULL)
    g_string_append_printf (out, ", date %s", px_document_get_date (document));
  g_string_append_c (out, '\n');
  if (px_document_get_title (document) != NULL)
    g_string_append_printf (out, "   title “%s”\n", px_document_get_title (document));

  for (guint i = 0; i < px_document_get_n_segments (document); i++)
    {
      const PxSegment *seg = px_document_get_segment (document, i);
      g_autofree char *id = g_strdup_printf ("d%us%u", index + 1, i + 1);
      g_autofree char *flat = g_strndup (text + seg->start, seg->end - seg->start);

      g_strdelimit (flat, "\n\t", ' ');
      g_string_append_printf (out, "%-8s %-11s %s\n", id, px_segment_kind_to_string (seg->kind), flat);
      if (!px_cli_spill_output (output, out, error))
        return FALSE;
    }
  g_string_append_c (out, '\n');
  return TRUE;
}

int
px_cli_segment (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  gboolean pretty = FALSE;
  gboolean stats = FALSE;
  guint n_failed = 0;
  gint64 started;
  double seconds;
  gsize n_bytes = 0;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: text (default) or json", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { "pretty", 0, 0, G_OPTION_ARG_NONE, &pretty, "Indent the JSON", NULL },
    { "stats", 0, 0, G_OPTION_ARG_NONE, &stats, "Print only timing figures of import and segmentation (benchmarks)", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };

  context = g_option_context_new ("— show how Parallax reads sources");
  g_option_context_set_summary (context,
    "Imports each FILE and prints its segments (sentences, headings, captions\n"
    "and boilerplate) with their ids, one a line; --format=json prints the\n"
    "documents as in “compare” output, without facts and links.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      px_cli_print_error ("%s", error->message);
      return 2;
    }
  if (format != NULL && g_strcmp0 (format, "text") != 0 && g_strcmp0 (format, "json") != 0)
    {
      px_cli_print_error ("unknown format “%s” (use text or json)", format);
      return 2;
    }
  if (files == NULL || files[0] == NULL)
    {
      px_cli_print_error ("segment needs at least one FILE");
      return 2;
    }

  started = g_get_monotonic_time ();
  documents = px_cli_import_files (files, &n_failed);
  seconds = (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC;

  out = g_string_new (NULL);
  if (stats)
    {
      guint n_segments = 0;

      for (guint i = 0; i < documents->len; i++)
        {
          n_bytes += px_document_get_length (g_ptr_array_index (documents, i));
          n_segments += px_document_get_n_segments (g_ptr_array_index (documents, i));
        }
      g_string_append_printf (out,
                              "{\"documents\":%u,\"bytes\":%" G_GSIZE_FORMAT ",\"segments\":%u,"
                              "\"seconds\":%.6f,\"mb_per_s\":%.2f}\n",
                              documents->len, n_bytes, n_segments, seconds,
                              seconds > 0 ? n_bytes / 1e6 / seconds : 0.0);
    }
  else if (g_strcmp0 (format, "json") == 0)
    {
      g_autofree char *data = px_export_json_documents_string (documents, pretty, NULL);

      g_string_append (out, data);
      g_string_append_c (out, '\n');
    }
  else
    {
      for (guint i = 0; i < documents->len; i++)
        if (!print_document_text (out, output, g_ptr_array_index (documents, i), i, &error))
          {
            px_cli_print_error ("%s", error->message);
            return 1;
          }
    }

  if (!px_cli_write_output (output, out->str, out->len, &error))
    {
      px_cli_print_error ("%s", error->message);
      return 1;
    }

  return n_failed > 0 ? 1 : 0;
}
