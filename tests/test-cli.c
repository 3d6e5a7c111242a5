/* test-cli.c: parallax-cli as batch users and scripts see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("PX_CLI");
  const char *arg;
  int wait_status = 0;
  va_list args;

  if (cli == NULL)
    {
      g_test_skip ("PX_CLI is not set");
      return;
    }

  g_ptr_array_add (argv, (gpointer)cli);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static char *
example_path (const char *name)
{
  return g_build_filename (PX_TEST_SRCDIR, "..", "data", "examples", name, NULL);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *data)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, data, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_usage (void)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) no_files = { 0 };

  run_cli (&help, "--help", NULL);
  if (g_test_failed () || help.out == NULL)
    return;
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "compare"));

  run_cli (&none, NULL);
  g_assert_cmpint (none.status, ==, 2);

  run_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));

  run_cli (&no_files, "compare", NULL);
  g_assert_cmpint (no_files.status, ==, 2);
}

static void
test_bad_inputs_reported_others_kept (void)
{
  g_autofree char *good = example_path ("01-kessel-courier.txt");
  g_autofree char *tmpdir = g_dir_make_tmp ("px-cli-XXXXXX", NULL);
  g_autofree char *empty = g_build_filename (tmpdir, "empty.txt", NULL);
  g_autofree char *binary = g_build_filename (tmpdir, "picture.png", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "missing.txt", NULL);
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (binary, png, sizeof png, NULL));

  run_cli (&run, "compare", "--format=json", empty, good, binary, missing, NULL);
  if (run.out == NULL)
    return;

  g_assert_cmpint (run.status, ==, 1);
  /* Each failure names its file on its own line … */
  g_assert_nonnull (strstr (run.err, "empty.txt"));
  g_assert_nonnull (strstr (run.err, "picture.png"));
  g_assert_nonnull (strstr (run.err, "missing.txt"));
  /* … and the good file is still compared. */
  root = parse_object (parser, run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "documents")), ==, 1);

  g_unlink (empty);
  g_unlink (binary);
  g_rmdir (tmpdir);
}

static void
test_output_file (void)
{
  g_autofree char *a = example_path ("01-kessel-courier.txt");
  g_autofree char *b = example_path ("04-wire-report.txt");
  g_autofree char *tmpdir = g_dir_make_tmp ("px-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmpdir, "out.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *root;

  run_cli (&run, "compare", "--stats", "-o", out, a, b, NULL);
  if (run.out == NULL)
    return;
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  root = parse_object (parser, contents);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "documents")), ==, 2);
  /* --stats: one line on standard error, the output untouched */
  g_assert_true (g_str_has_prefix (run.err, "sources 2  words "));
  g_assert_nonnull (strstr (run.err, " links "));
  g_assert_nonnull (strstr (run.err, " peak RSS "));
  g_assert_true (g_str_has_suffix (run.err, " MiB\n"));

  g_unlink (out);
  g_rmdir (tmpdir);
}

/* A source given as a pipe (`compare <(command)`, through bash) is read
 * whole, once: the same text as the file it comes from. */
static void
test_process_substitution (void)
{
  g_autofree char *good = example_path ("01-kessel-courier.txt");
  g_autofree char *bash = g_find_program_in_path ("bash");
  g_autofree char *command = NULL;
  g_autoptr(JsonParser) piped_parser = json_parser_new ();
  g_autoptr(JsonParser) direct_parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) piped = { 0 };
  g_auto(Run) direct = { 0 };
  const char *cli = g_getenv ("PX_CLI");
  JsonArray *piped_documents, *direct_documents;
  int wait_status = 0;

  if (cli == NULL || bash == NULL)
    {
      g_test_skip (cli == NULL ? "PX_CLI is not set" : "no bash");
      return;
    }
  command = g_strdup_printf ("timeout 60 '%s' compare --format=json <(cat '%s')", cli, good);
  g_spawn_sync (NULL, (char *[]) { bash, (char *)"-c", command, NULL }, NULL, G_SPAWN_DEFAULT,
                NULL, NULL, &piped.out, &piped.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
  run_cli (&direct, "compare", "--format=json", good, NULL);
  g_assert_cmpint (direct.status, ==, 0);

  piped_documents = json_object_get_array_member (parse_object (piped_parser, piped.out), "documents");
  direct_documents = json_object_get_array_member (parse_object (direct_parser, direct.out), "documents");
  g_assert_cmpuint (json_array_get_length (piped_documents), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (piped_documents, 0), "text"), ==,
                   json_object_get_string_member (json_array_get_object_element (direct_documents, 0), "text"));
}

/* What the import replaced is said on stderr, with the file's name, and
 * kept in the JSON. */
static void
test_import_warnings (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("px-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "late-nul.txt", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonObject *document;
  JsonArray *warnings;

  while (text->len < 5000)
    g_string_append (text, "Der B\xc3\xbcrgermeister sagte am Montag, dass die Sitzung verschoben sei. ");
  g_string_append_c (text, '\0');
  g_string_append (text, "Das war alles.");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  run_cli (&run, "compare", "--format=json", path, NULL);
  if (run.out == NULL)
    return;
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "“late-nul.txt”: a byte that is not UTF-8 text"));
  document = json_array_get_object_element (json_object_get_array_member (parse_object (parser, run.out),
                                                                          "documents"), 0);
  g_assert_cmpstr (json_object_get_string_member (document, "encoding"), ==, "UTF-8");
  warnings = json_object_get_array_member (document, "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 1);
  g_assert_nonnull (strstr (json_array_get_string_element (warnings, 0), "replaced by"));

  g_unlink (path);
  g_rmdir (tmpdir);
}

/* A listing longer than the CLI holds at once (64 KiB) is written as it
 * is made: the same lines as in a file, and a failed write says so. */
static void
test_long_listing (void)
{
  g_auto(Run) streamed = { 0 };
  g_auto(Run) to_file = { 0 };
  g_auto(Run) full = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("px-cli-XXXXXX", &error);
  g_autofree char *in = NULL;
  g_autofree char *out = NULL;
  g_autofree char *written = NULL;
  g_autofree char *command = NULL;
  const char *cli = g_getenv ("PX_CLI");
  int wait_status = 0;

  g_assert_no_error (error);
  in = g_build_filename (dir, "many.txt", NULL);
  out = g_build_filename (dir, "listing.txt", NULL);
  for (guint i = 0; i < 8000; i++)
    g_string_append_printf (text, "Sentence number %u is here. ", i);
  g_assert_true (g_file_set_contents (in, text->str, text->len, NULL));

  run_cli (&streamed, "segment", in, NULL);
  if (cli == NULL)
    return;
  run_cli (&to_file, "segment", "-o", out, in, NULL);
  g_assert_cmpint (streamed.status, ==, 0);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_cmpuint (strlen (streamed.out), >, 4 * 64 * 1024);
  g_assert_cmpstr (streamed.out, ==, written);

  command = g_strdup_printf ("'%s' segment '%s' > /dev/full", cli, in);
  g_spawn_sync (NULL, (char *[]) { (char *)"/bin/sh", (char *)"-c", command, NULL }, NULL, G_SPAWN_DEFAULT,
                NULL, NULL, &full.out, &full.err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 1);
  g_assert_nonnull (strstr (full.err, "Could not write to standard output"));

  g_unlink (in);
  g_unlink (out);
  g_rmdir (dir);
}

/* Runs the CLI with @input on standard input (through sh). */
static void
run_cli_input (Run        *run,
               const char *input,
               const char *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *in_path = NULL;
  g_autofree char *command = NULL;
  const char *cli = g_getenv ("PX_CLI");
  int wait_status = 0;
  int fd;

  if (cli == NULL)
    {
      g_test_skip ("PX_CLI is not set");
      return;
    }
  fd = g_file_open_tmp ("px-cli-XXXXXX", &in_path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (in_path, input, -1, NULL));
  command = g_strdup_printf ("'%s' %s < '%s'", cli, args, in_path);
  g_spawn_sync (NULL, (char *[]) { (char *)"/bin/sh", (char *)"-c", command, NULL }, NULL, G_SPAWN_DEFAULT,
                NULL, NULL, &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  g_unlink (in_path);
}

static void
test_similarity (void)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  /* an empty sentence is a pair too (it failed before: the tabs were trimmed) */
  run_cli_input (&run, "a\twe have over $500 billion invested\tmore than $500 billion is involved\n"
                       "b\t\t\n"
                       "c\tThe bridge opened.\tFarmers complained about the summer.\n", "similarity");
  if (g_test_failed () || run.out == NULL)
    return;
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (g_strchomp (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "a\t"));
  g_assert_cmpfloat (g_ascii_strtod (lines[0] + 2, NULL), >, 0.5);
  g_assert_cmpstr (lines[1], ==, "b\t0.000000");
  g_assert_cmpfloat (g_ascii_strtod (lines[2] + 2, NULL), <, 0.3);
}

static void
test_facts_jsonl (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonArray *found;

  run_cli_input (&run, "{\"id\": \"t1\", \"text\": \"Turnout was 23.37% at 10am on November 20, 2022.\"}\n",
                 "facts --jsonl");
  if (run.out == NULL)
    return;
  g_assert_cmpint (run.status, ==, 0);
  object = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "t1");
  found = json_object_get_array_member (object, "found");
  /* the percentage, the time and the date, in the benchmark's type names */
  g_assert_cmpuint (json_array_get_length (found), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (found, 0), "type"), ==, "percent");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (found, 1), "type"), ==, "time");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (found, 2), "type"), ==, "date");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (found, 2), "value"), ==, "2022-11-20");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/cli/usage", test_usage);
  g_test_add_func ("/core/cli/bad-inputs-reported-others-kept", test_bad_inputs_reported_others_kept);
  g_test_add_func ("/core/cli/output-file", test_output_file);
  g_test_add_func ("/core/cli/process-substitution", test_process_substitution);
  g_test_add_func ("/core/cli/import-warnings", test_import_warnings);
  g_test_add_func ("/core/cli/similarity", test_similarity);
  g_test_add_func ("/core/cli/facts-jsonl", test_facts_jsonl);
  g_test_add_func ("/core/cli/long-listing", test_long_listing);

  return g_test_run ();
}
