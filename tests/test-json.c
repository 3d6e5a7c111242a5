/* test-json.c: the JSON format, parsed back and checked against the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "parallax-core.h"
#include "px-json-writer.h"

/* g_ptr_array_sort passes pointers to the elements */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static GPtrArray *
load_examples (void)
{
  g_autofree char *dir = g_build_filename (PX_TEST_SRCDIR, "..", "data", "examples", NULL);
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  g_assert_nonnull (gdir);
  while ((name = g_dir_read_name (gdir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >=, 4);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      PxDocument *document = px_import_file (file, NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (documents, document);
    }
  return documents;
}

static char *
compare_to_json (GPtrArray *documents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxComparison) comparison = px_comparison_new (documents, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return px_export_json_string (comparison, FALSE, NULL);
}

static void
check_span (const char *text,
            gsize       length,
            gint64      start,
            gint64      end)
{
  g_assert_cmpint (start, >=, 0);
  g_assert_cmpint (start, <=, end);
  g_assert_cmpint (end, <=, (gint64)length);
  /* Offsets fall on character boundaries. */
  g_assert_true (g_utf8_validate (text + start, end - start, NULL));
}

static void
test_offsets_slice_text (void)
{
  g_autoptr(GPtrArray) documents = load_examples ();
  g_autofree char *json = compare_to_json (documents);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) segments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root;
  JsonArray *array;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 3);
  g_assert_true (json_object_has_member (root, "facts"));
  g_assert_true (json_object_has_member (root, "fact_groups"));
  g_assert_true (json_object_has_member (root, "links"));
  g_assert_true (json_object_has_member (root, "claims"));

  array = json_object_get_array_member (root, "documents");
  g_assert_cmpuint (json_array_get_length (array), ==, documents->len);
  for (guint d = 0; d < json_array_get_length (array); d++)
    {
      JsonObject *doc = json_array_get_object_element (array, d);
      const char *text = json_object_get_string_member (doc, "text");
      gsize length = strlen (text);
      PxDocument *document = g_ptr_array_index (documents, d);
      JsonArray *segs = json_object_get_array_member (doc, "segments");
      gint64 last_end = 0;
      g_autofree char *expected_id = g_strdup_printf ("d%u", d + 1);

      g_assert_cmpstr (json_object_get_string_member (doc, "id"), ==, expected_id);
      g_assert_cmpstr (text, ==, px_document_get_text (document, NULL));
      g_assert_true (json_object_has_member (doc, "date"));
      g_assert_nonnull (json_object_get_string_member (doc, "encoding"));
      g_hash_table_insert (texts, (gpointer)json_object_get_string_member (doc, "id"), (gpointer)text);

      g_assert_cmpuint (json_array_get_length (segs), ==, px_document_get_n_segments (document));
      for (guint s = 0; s < json_array_get_length (segs); s++)
        {
          JsonObject *seg = json_array_get_object_element (segs, s);
          gint64 start = json_object_get_int_member (seg, "start");
          gint64 end = json_object_get_int_member (seg, "end");
          const char *kind = json_object_get_string_member (seg, "kind");
          PxSegmentKind parsed_kind;
          gint64 *span = g_new (gint64, 3);

          check_span (text, length, start, end);
          g_assert_cmpint (start, <, end);
          g_assert_cmpint (start, >=, last_end);  /* in order, no overlap */
          g_assert_true (px_segment_kind_from_string (kind, &parsed_kind));
          /* A segment never starts or ends with white space. */
          g_assert_false (g_ascii_isspace (text[start]));
          g_assert_false (g_ascii_isspace (text[end - 1]));
          last_end = end;

          span[0] = d;
          span[1] = start;
          span[2] = end;
          g_assert_false (g_hash_table_contains (segments, json_object_get_string_member (seg, "id")));
          g_hash_table_insert (segments, g_strdup (json_object_get_string_member (seg, "id")), span);
        }
    }

  array = json_object_get_array_member (root, "facts");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *fact = json_array_get_object_element (array, i);
      const char *text = g_hash_table_lookup (texts, json_object_get_string_member (fact, "doc"));
      gint64 start = json_object_get_int_member (fact, "start");
      gint64 end = json_object_get_int_member (fact, "end");
      g_autofree char *slice = NULL;

      g_assert_nonnull (text);
      check_span (text, strlen (text), start, end);
      slice = g_strndup (text + start, end - start);
      g_assert_cmpstr (slice, ==, json_object_get_string_member (fact, "text"));
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (fact, "value")));
    }

  array = json_object_get_array_member (root, "links");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *link = json_array_get_object_element (array, i);
      gint64 *a = g_hash_table_lookup (segments, json_object_get_string_member (link, "a"));
      gint64 *b = g_hash_table_lookup (segments, json_object_get_string_member (link, "b"));
      double score = json_object_get_double_member (link, "score");
      JsonArray *diff = json_object_get_array_member (link, "diff");

      g_assert_nonnull (a);
      g_assert_nonnull (b);
      g_assert_cmpint (a[0], <, b[0]);
      g_assert_cmpfloat (score, >=, 0.0);
      g_assert_cmpfloat (score, <=, 1.0);
      for (guint j = 0; j < json_array_get_length (diff); j++)
        {
          JsonObject *chunk = json_array_get_object_element (diff, j);

          g_assert_cmpint (json_object_get_int_member (chunk, "a_start"), >=, a[1]);
          g_assert_cmpint (json_object_get_int_member (chunk, "a_end"), <=, a[2]);
          g_assert_cmpint (json_object_get_int_member (chunk, "b_start"), >=, b[1]);
          g_assert_cmpint (json_object_get_int_member (chunk, "b_end"), <=, b[2]);
        }
    }

  array = json_object_get_array_member (root, "claims");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *claim = json_array_get_object_element (array, i);
      JsonArray *members = json_object_get_array_member (claim, "segments");

      g_assert_cmpuint (json_array_get_length (members), >, 0);
      for (guint j = 0; j < json_array_get_length (members); j++)
        g_assert_true (g_hash_table_contains (segments, json_array_get_string_element (members, j)));
      g_assert_cmpint (json_object_get_int_member (claim, "sources"), >=, 1);
    }
}

static void
test_deterministic (void)
{
  g_autoptr(GPtrArray) documents = load_examples ();
  g_autofree char *first = compare_to_json (documents);
  g_autofree char *second = compare_to_json (documents);

  g_assert_cmpstr (first, ==, second);
}

static void
test_empty_comparison (void)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *json = compare_to_json (documents);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "documents")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "links")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "claims")), ==, 0);
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Text from the web carries quotes, backslashes and control characters;
 * numbers must read back as the same doubles. */
static void
test_writer (void)
{
  static const char *strings[] = {
    "", "plain", "say \"hi\"", "back\\slash", "line\nbreak\ttab\rreturn",
    "\x01\x1f control", "«ünïcødé» — 💬", "</script><script>alert(1)</script>",
  };
  static const double doubles[] = { 0, 0.1, 0.47, 1.0 / 3.0, -2.5e-7, 5e11, 1e300, 11953465 };

  for (int pretty = 0; pretty < 2; pretty++)
    {
      PxJsonWriter writer;
      g_autofree char *json = NULL;
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object;
      JsonArray *array;

      px_json_writer_init (&writer, pretty);
      px_json_writer_begin_object (&writer);
      px_json_writer_member (&writer, "strings");
      px_json_writer_begin_array (&writer);
      for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
        px_json_writer_string (&writer, strings[i]);
      px_json_writer_end_array (&writer);
      px_json_writer_member (&writer, "doubles");
      px_json_writer_begin_array (&writer);
      for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
        px_json_writer_double (&writer, doubles[i]);
      px_json_writer_end_array (&writer);
      px_json_writer_member (&writer, "empty");
      px_json_writer_begin_object (&writer);
      px_json_writer_end_object (&writer);
      px_json_writer_member (&writer, "nan");
      px_json_writer_double (&writer, NAN);
      px_json_writer_member (&writer, "int");
      px_json_writer_int (&writer, G_MININT64);
      px_json_writer_member (&writer, "null");
      px_json_writer_string (&writer, NULL);
      px_json_writer_member (&writer, "yes");
      px_json_writer_boolean (&writer, TRUE);
      px_json_writer_end_object (&writer);
      json = px_json_writer_finish (&writer, NULL);

      g_assert_null (strchr (json, '\x01'));
      root = parse (json);
      object = json_node_get_object (root);
      array = json_object_get_array_member (object, "strings");
      g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (strings));
      for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
        g_assert_cmpstr (json_array_get_string_element (array, i), ==, strings[i]);
      array = json_object_get_array_member (object, "doubles");
      for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
        g_assert_cmpfloat (json_node_get_double (json_array_get_element (array, i)), ==, doubles[i]);
      g_assert_cmpuint (json_object_get_size (json_object_get_object_member (object, "empty")), ==, 0);
      g_assert_true (json_object_get_null_member (object, "nan"));
      g_assert_cmpint (json_object_get_int_member (object, "int"), ==, G_MININT64);
      g_assert_true (json_object_get_null_member (object, "null"));
      g_assert_true (json_object_get_boolean_member (object, "yes"));
    }
}

/* Doubles are written as the shortest of "%.15g" to "%.17g" that reads
 * back the same, whole numbers by a quicker way that must agree. */
static void
test_writer_doubles_as_printf (void)
{
  static const double values[] = {
    0, -0.0, 1, -1, 7, 10, 2012, -2012, 81.31, 0.5, 1e14, 999999999999999, -999999999999999, 1e15,
    1e15 + 2, 9007199254740992.0, 123456789012345, 1e300, -1e-300, 4.35e9, 1.0 / 3.0, 61e9,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      PxJsonWriter writer;
      g_autofree char *json = NULL;
      char expected[G_ASCII_DTOSTR_BUF_SIZE];

      for (int digits = 15; digits <= 17; digits++)
        {
          g_autofree char *format = g_strdup_printf ("%%.%dg", digits);

          g_ascii_formatd (expected, sizeof expected, format, values[i]);
          if (g_ascii_strtod (expected, NULL) == values[i])
            break;
        }
      px_json_writer_init (&writer, FALSE);
      px_json_writer_double (&writer, values[i]);
      json = px_json_writer_finish (&writer, NULL);
      g_assert_cmpstr (json, ==, expected);
    }
}

static void
test_writer_thousandths (void)
{
  static const struct { double value; const char *json; } cases[] = {
    { 0, "0" }, { 1, "1" }, { 0.4704, "0.47" }, { 0.4705, "0.471" }, { 0.9996, "1" },
    { -0.25, "-0.25" }, { 12.0005, "12.001" }, { 0.001, "0.001" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PxJsonWriter writer;
      g_autofree char *json = NULL;

      px_json_writer_init (&writer, FALSE);
      px_json_writer_thousandths (&writer, cases[i].value);
      json = px_json_writer_finish (&writer, NULL);
      g_assert_cmpstr (json, ==, cases[i].json);
    }
}

/* --pretty only adds white space. */
static void
test_pretty_same_tree (void)
{
  g_autoptr(GPtrArray) documents = load_examples ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxComparison) comparison = px_comparison_new (documents, NULL, NULL, NULL, &error);
  g_autofree char *compact = px_export_json_string (comparison, FALSE, NULL);
  g_autofree char *pretty = px_export_json_string (comparison, TRUE, NULL);
  g_autoptr(JsonNode) a = parse (compact);
  g_autoptr(JsonNode) b = parse (pretty);

  g_assert_no_error (error);
  g_assert_null (strchr (compact, '\n'));
  g_assert_nonnull (strchr (pretty, '\n'));
  g_assert_true (json_node_equal (a, b));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/json/offsets-slice-text", test_offsets_slice_text);
  g_test_add_func ("/core/json/deterministic", test_deterministic);
  g_test_add_func ("/core/json/empty-comparison", test_empty_comparison);
  g_test_add_func ("/core/json/writer", test_writer);
  g_test_add_func ("/core/json/writer-doubles-as-printf", test_writer_doubles_as_printf);
  g_test_add_func ("/core/json/writer-thousandths", test_writer_thousandths);
  g_test_add_func ("/core/json/pretty-same-tree", test_pretty_same_tree);

  return g_test_run ();
}
