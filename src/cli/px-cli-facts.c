/* px-cli-facts.c: parallax-cli facts — the facts the engine finds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "px-cli.h"
#include "px-json-writer.h"

/* The category names and value formats of ../shared/bench/facts (see
 * tests/bench/README.md): a counted noun ("13 visits") is a number there,
 * and a date is a calendar day. NULL when the fact has no such category. */
static const char *
bench_type (const PxFact *fact)
{
  switch (fact->kind)
    {
    case PX_FACT_NUMBER: return "number";
    case PX_FACT_MONEY: return "currency";
    case PX_FACT_PERCENT: return "percent";
    case PX_FACT_ORDINAL: return "ordinal";
    case PX_FACT_TIME: return "time";
    case PX_FACT_QUANTITY: return fact->counted ? "number" : "dimension";
    case PX_FACT_DATE:
      if (fact->date == NULL || !isnan (fact->value_max))
        return NULL;
      return strlen (fact->date) == 10 || (fact->date[0] == '-' && strlen (fact->date) == 7) ? "date" : NULL;
    case PX_FACT_PERSON:
    case PX_FACT_ORGANIZATION:
    case PX_FACT_PLACE:
    case PX_FACT_QUOTE:
    case PX_N_FACT_KINDS:
    default:
      return NULL;
    }
}

static void
add_bench_value (PxJsonWriter *w,
                 const PxFact *fact)
{
  px_json_writer_member (w, "value");
  switch (fact->kind)
    {
    case PX_FACT_MONEY:
      px_json_writer_begin_object (w);
      px_json_writer_member (w, "amount");
      px_json_writer_double (w, fact->value);
      px_json_writer_member (w, "currency");
      px_json_writer_string (w, fact->currency);
      px_json_writer_end_object (w);
      break;
    case PX_FACT_QUANTITY:
      if (fact->counted)
        px_json_writer_double (w, fact->value);
      else
        {
          px_json_writer_begin_object (w);
          px_json_writer_member (w, "amount");
          px_json_writer_double (w, fact->value);
          px_json_writer_member (w, "unit");
          px_json_writer_string (w, fact->unit);
          px_json_writer_end_object (w);
        }
      break;
    case PX_FACT_DATE:
      px_json_writer_string (w, fact->date);
      break;
    case PX_FACT_TIME:
      px_json_writer_string (w, fact->time);
      break;
    case PX_FACT_NUMBER:
    case PX_FACT_PERCENT:
    case PX_FACT_ORDINAL:
    case PX_FACT_PERSON:
    case PX_FACT_ORGANIZATION:
    case PX_FACT_PLACE:
    case PX_FACT_QUOTE:
    case PX_N_FACT_KINDS:
    default:
      px_json_writer_double (w, fact->value);
      break;
    }
  if (fact->qualifier != PX_QUALIFIER_NONE)
    {
      px_json_writer_member (w, "qualifier");
      px_json_writer_string (w, px_qualifier_to_string (fact->qualifier));
    }
}

/* CPU time of this thread: the figure of --stats holds on a busy machine. */
static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* One line in, one line out: {"id","text"} → {"id","found":[…]}. */
static gboolean
run_jsonl (FILE     *input,
           GString  *out,
           double   *seconds,
           gsize    *n_bytes,
           GError  **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *owned = NULL;
  size_t capacity = 0;
  guint line_no = 0;

  while (getline (&owned, &capacity, input) >= 0)
    {
      g_autoptr(GPtrArray) facts = NULL;
      g_autofree char *json = NULL;
      PxJsonWriter writer;
      JsonObject *object;
      const char *text, *id;
      gint64 started;

      line_no++;
      if (*g_strstrip (owned) == '\0')
        continue;
      if (!json_parser_load_from_data (parser, owned, -1, NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT, "line %u is not a JSON object", line_no);
          return FALSE;
        }
      object = json_node_get_object (json_parser_get_root (parser));
      id = json_object_get_string_member_with_default (object, "id", "");
      text = json_object_get_string_member_with_default (object, "text", "");

      started = thread_cpu_usec ();
      facts = px_facts_extract_text (text, strlen (text),
                                     json_object_get_string_member_with_default (object, "reference_date", NULL),
                                     NULL);
      *seconds += (thread_cpu_usec () - started) / (double)G_USEC_PER_SEC;
      *n_bytes += strlen (text);

      px_json_writer_init (&writer, FALSE);
      px_json_writer_begin_object (&writer);
      px_json_writer_member (&writer, "id");
      px_json_writer_string (&writer, id);
      px_json_writer_member (&writer, "found");
      px_json_writer_begin_array (&writer);
      for (guint i = 0; i < facts->len; i++)
        {
          const PxFact *fact = g_ptr_array_index (facts, i);
          const char *type = bench_type (fact);

          if (type == NULL)
            continue;
          px_json_writer_begin_object (&writer);
          px_json_writer_member (&writer, "bstart");
          px_json_writer_int (&writer, fact->start);
          px_json_writer_member (&writer, "bend");
          px_json_writer_int (&writer, fact->end);
          px_json_writer_member (&writer, "type");
          px_json_writer_string (&writer, type);
          add_bench_value (&writer, fact);
          px_json_writer_end_object (&writer);
        }
      px_json_writer_end_array (&writer);
      px_json_writer_end_object (&writer);
      json = px_json_writer_finish (&writer, NULL);
      g_string_append (out, json);
      g_string_append_c (out, '\n');
    }
  return TRUE;
}

static gboolean
print_facts (GString    *out,
             const char *output,
             PxDocument *document,
             guint       index,
             GError    **error)
{
  g_autoptr(GPtrArray) facts = px_facts_extract (document, NULL);

  g_string_append_printf (out, "== d%u %s\n", index + 1, px_document_get_origin (document));
  for (guint i = 0; i < facts->len; i++)
    {
      const PxFact *fact = g_ptr_array_index (facts, i);
      g_autofree char *value = px_fact_format_value (fact);
      g_autofree char *flat = g_strdup (fact->text);

      g_strdelimit (flat, "\n\t", ' ');
      g_string_append_printf (out, "%6u  %-12s %-28s %s", fact->start, px_fact_kind_to_string (fact->kind),
                              value, flat);
      if (fact->measure != NULL)
        g_string_append_printf (out, "  [%s]", fact->measure);
      g_string_append_c (out, '\n');
      if (!px_cli_spill_output (output, out, error))
        return FALSE;
    }
  g_string_append_c (out, '\n');
  return TRUE;
}

int
px_cli_facts (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  gboolean jsonl = FALSE;
  gboolean stats = FALSE;
  guint n_failed = 0;
  const GOptionEntry entries[] = {
    { "jsonl", 0, 0, G_OPTION_ARG_NONE, &jsonl, "Read {\"id\",\"text\"} lines on standard input and write the facts of each (benchmarks)", NULL },
    { "stats", 0, 0, G_OPTION_ARG_NONE, &stats, "With --jsonl: print only the extraction CPU time and speed", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };

  context = g_option_context_new ("— list the facts in sources");
  g_option_context_set_summary (context,
    "Prints the numbers, money, percentages, dates, times, quantities, ordinals,\n"
    "names and quotes Parallax finds in each FILE with their normalized values.\n"
    "--jsonl reads lines {\"id\": …, \"text\": …} (optionally \"reference_date\") and\n"
    "writes {\"id\": …, \"found\": [{\"bstart\", \"bend\", \"type\", \"value\"}]} lines in\n"
    "the format of the fact-extraction benchmark (tests/bench/README.md).");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      px_cli_print_error ("%s", error->message);
      return 2;
    }
  if (jsonl)
    {
      double seconds = 0;
      gsize n_bytes = 0;

      if (!run_jsonl (stdin, out, &seconds, &n_bytes, &error))
        {
          px_cli_print_error ("%s", error->message);
          return 1;
        }
      if (stats)
        {
          g_string_truncate (out, 0);
          g_string_append_printf (out, "{\"bytes\":%" G_GSIZE_FORMAT ",\"seconds\":%.6f,\"mb_per_s\":%.2f}\n",
                                  n_bytes, seconds, seconds > 0 ? n_bytes / 1e6 / seconds : 0.0);
        }
    }
  else
    {
      g_autoptr(GPtrArray) documents = NULL;

      if (files == NULL || files[0] == NULL)
        {
          px_cli_print_error ("facts needs at least one FILE, or --jsonl");
          return 2;
        }
      documents = px_cli_import_files (files, &n_failed);
      for (guint i = 0; i < documents->len; i++)
        if (!print_facts (out, output, g_ptr_array_index (documents, i), i, &error))
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
