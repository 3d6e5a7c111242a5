/* px-cli-extract.c: parallax-cli extract — the article text an import sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "px-cli.h"
#include "px-json-writer.h"

static void
append_body_text (GString    *out,
                  PxDocument *document)
{
  const char *text = px_document_get_text (document, NULL);

  for (guint i = 0; i < px_document_get_n_paragraphs (document); i++)
    {
      const PxParagraph *para = px_document_get_paragraph (document, i);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_len (out, text + para->start, para->end - para->start);
      g_string_append_c (out, '\n');
    }
}

static char *
document_to_json (PxDocument *document,
                  gboolean    pretty)
{
  static const char * const names[] = { "origin", "format", "encoding", "title", "byline", "date", "site", "url" };
  const char *values[] = {
    px_document_get_origin (document), px_document_get_format (document),
    px_document_get_encoding (document), px_document_get_title (document),
    px_document_get_byline (document), px_document_get_date (document),
    px_document_get_site (document), px_document_get_url (document),
  };
  const char *text = px_document_get_text (document, NULL);
  PxJsonWriter writer, *w = &writer;

  px_json_writer_init (w, pretty);
  px_json_writer_begin_object (w);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      px_json_writer_member (w, names[i]);
      px_json_writer_string (w, values[i]);
    }
  px_json_writer_member (w, "paragraphs");
  px_json_writer_begin_array (w);
  for (guint i = 0; i < px_document_get_n_paragraphs (document); i++)
    {
      const PxParagraph *para = px_document_get_paragraph (document, i);
      g_autofree char *slice = g_strndup (text + para->start, para->end - para->start);

      px_json_writer_begin_object (w);
      px_json_writer_member (w, "kind");
      px_json_writer_string (w, px_paragraph_kind_to_string (para->kind));
      px_json_writer_member (w, "text");
      px_json_writer_string (w, slice);
      px_json_writer_end_object (w);
    }
  px_json_writer_end_array (w);
  px_json_writer_end_object (w);
  g_string_append_c (w->out, '\n');
  return px_json_writer_finish (w, NULL);
}

static char *
render (PxDocument *document,
        gboolean    json,
        gboolean    pretty)
{
  if (json)
    {
      return document_to_json (document, pretty);
    }
  else
    {
      GString *out = g_string_new (NULL);

      append_body_text (out, document);
      return g_string_free (out, FALSE);
    }
}

/* One output file per input in @dir, named after the input. */
static gboolean
write_into_dir (const char  *dir,
                const char  *input,
                const char  *data,
                gboolean     json,
                GError     **error)
{
  g_autofree char *base = g_path_get_basename (input);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, json ? ".json" : ".txt", NULL);
  path = g_build_filename (dir, name, NULL);
  return px_cli_write_output (path, data, strlen (data), error);
}

int
px_cli_extract (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *output_dir = NULL;
  g_auto(GStrv) files = NULL;
  gboolean pretty = FALSE;
  gboolean json;
  guint n_failed = 0;
  guint n_files;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: text (default) or json", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { "output-dir", 'd', 0, G_OPTION_ARG_FILENAME, &output_dir,
      "Write one NAME.txt (or NAME.json) per input into DIR", "DIR" },
    { "pretty", 0, 0, G_OPTION_ARG_NONE, &pretty, "Indent the JSON", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };

  context = g_option_context_new ("— print the article text of web pages, PDFs and office files");
  g_option_context_set_summary (context,
    "Imports each FILE (a saved web page, plain text, a PDF, a Word .docx or an\n"
    "OpenDocument .odt file, or an http:// or https:// address, fetched) and\n"
    "prints the body text Parallax extracted, paragraphs separated by blank\n"
    "lines; with --format=json also the title, byline, date, site, URL and the\n"
    "kind of each paragraph.");
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
      px_cli_print_error ("extract needs at least one FILE");
      return 2;
    }
  if (output != NULL && output_dir != NULL)
    {
      px_cli_print_error ("--output and --output-dir cannot be used together");
      return 2;
    }
  if (output_dir != NULL && g_mkdir_with_parents (output_dir, 0755) != 0)
    {
      px_cli_print_error ("could not create the folder “%s”", output_dir);
      return 1;
    }

  json = g_strcmp0 (format, "json") == 0;
  n_files = g_strv_length (files);
  out = g_string_new (NULL);
  if (json && n_files > 1 && output_dir == NULL)
    g_string_append (out, "[\n");

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(PxDocument) document = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *data = NULL;

      document = px_cli_import (files[i], &local_error);
      if (document == NULL)
        {
          px_cli_print_error ("%s", local_error->message);
          n_failed++;
          continue;
        }
      px_cli_print_warnings (document, files[i]);
      data = render (document, json, pretty);

      if (output_dir != NULL)
        {
          if (!write_into_dir (output_dir, files[i], data, json, &local_error))
            {
              px_cli_print_error ("%s", local_error->message);
              n_failed++;
            }
          continue;
        }
      if (json && n_files > 1)
        {
          if (out->len > 2)
            g_string_append (out, ",\n");
          g_strchomp (data);
        }
      else if (n_files > 1)
        g_string_append_printf (out, "%s== %s\n\n", out->len > 0 ? "\n" : "", files[i]);
      g_string_append (out, data);
    }

  if (json && n_files > 1 && output_dir == NULL)
    g_string_append (out, "\n]\n");

  if (output_dir == NULL && !px_cli_write_output (output, out->str, out->len, &error))
    {
      px_cli_print_error ("%s", error->message);
      return 1;
    }

  return n_failed > 0 ? 1 : 0;
}
