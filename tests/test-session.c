/* test-session.c: .parallax files — round trips, hostile files, kill -9
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "parallax-core.h"

static PxDocument *
import_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PxDocument *document = px_import_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static PxDocument *
import_example (const char *name)
{
  g_autofree char *path = g_build_filename (PX_TEST_SRCDIR, "..", "data", "examples", name, NULL);

  return import_path (path);
}

static PxAnnotation *
annotate (PxDocument *document,
          const char *quote,
          const char *label)
{
  const char *text = px_document_get_text (document, NULL);
  const char *p = strstr (text, quote);

  g_assert_nonnull (p);
  return px_annotation_new (document, p - text, p - text + strlen (quote), label);
}

/* Three sources (one a web page), notes with every awkward character,
 * settings and a column order. */
static PxSession *
make_session (void)
{
  g_autofree char *html = g_build_filename (PX_TEST_SRCDIR, "fixtures", "html", "news-article.html", NULL);
  g_autoptr(PxDocument) a = import_example ("01-kessel-courier.txt");
  g_autoptr(PxDocument) b = import_example ("04-wire-report.txt");
  g_autoptr(PxDocument) c = import_path (html);
  g_autoptr(PxAnnotation) n1 = NULL;
  g_autoptr(PxAnnotation) n2 = NULL;
  g_autoptr(PxAnnotation) n3 = NULL;
  PxSession *session = px_session_new ();
  const guint order[] = { 2, 0, 1 };
  const char *text_c = px_document_get_text (c, NULL);

  px_session_add_document (session, a);
  px_session_add_document (session, b);
  px_session_add_document (session, c);
  g_assert_true (px_session_set_column_order (session, order, 3));

  n1 = annotate (a, "Lake Orlin", PX_LABEL_KEY_CLAIM);
  px_annotation_set_note (n1, "Tabs\there, CR\r\nLF, a bell \a, form feed \f, ]]> & <b>not bold</b> \"q\" 'a' — ✓ 🙂\n  indented");
  n2 = annotate (b, "Turnout", PX_LABEL_CONTRADICTION);
  px_annotation_set_note (n2, "   leading and trailing spaces   ");
  n3 = px_annotation_new (c, 0, g_utf8_next_char (text_c) - text_c, "Needs a second source");
  px_annotation_set_color (n3, "#2a9d8f");
  px_session_add_annotation (session, n1);
  px_session_add_annotation (session, n2);
  px_session_add_annotation (session, n3);

  px_session_set_setting (session, "sidebar-page", "facts");
  px_session_set_setting (session, "zoom", "1.25");
  px_session_set_setting (session, "search", "a < b && c > \"d\"\n");
  return session;
}

static void
assert_same_documents (PxDocument *a,
                       PxDocument *b)
{
  g_assert_cmpstr (px_document_get_id (a), ==, px_document_get_id (b));
  g_assert_cmpstr (px_document_get_text (a, NULL), ==, px_document_get_text (b, NULL));
  g_assert_cmpstr (px_document_get_title (a), ==, px_document_get_title (b));
  g_assert_cmpstr (px_document_get_byline (a), ==, px_document_get_byline (b));
  g_assert_cmpstr (px_document_get_date (a), ==, px_document_get_date (b));
  g_assert_cmpstr (px_document_get_site (a), ==, px_document_get_site (b));
  g_assert_cmpstr (px_document_get_url (a), ==, px_document_get_url (b));
  g_assert_cmpstr (px_document_get_origin (a), ==, px_document_get_origin (b));
  g_assert_cmpstr (px_document_get_encoding (a), ==, px_document_get_encoding (b));
  g_assert_cmpstr (px_document_get_format (a), ==, px_document_get_format (b));
  g_assert_cmpuint (px_document_get_n_paragraphs (a), ==, px_document_get_n_paragraphs (b));
  for (guint i = 0; i < px_document_get_n_paragraphs (a); i++)
    {
      const PxParagraph *pa = px_document_get_paragraph (a, i);
      const PxParagraph *pb = px_document_get_paragraph (b, i);

      g_assert_cmpuint (pa->start, ==, pb->start);
      g_assert_cmpuint (pa->end, ==, pb->end);
      g_assert_cmpint (pa->kind, ==, pb->kind);
    }
  g_assert_cmpstrv ((char **)px_document_get_warnings (a), (char **)px_document_get_warnings (b));
  g_assert_cmpuint (px_document_get_n_segments (a), ==, px_document_get_n_segments (b));
  for (guint i = 0; i < px_document_get_n_segments (a); i++)
    {
      g_assert_cmpuint (px_document_get_segment (a, i)->start, ==, px_document_get_segment (b, i)->start);
      g_assert_cmpint (px_document_get_segment (a, i)->kind, ==, px_document_get_segment (b, i)->kind);
    }
}

/* An import's warnings (bytes replaced by U+FFFD) are saved with the
 * source and said again after a load. */
static void
test_warnings_kept (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;
  g_autoptr(PxSession) session = px_session_new ();
  g_autoptr(PxSession) loaded = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  while (text->len < 5000)
    g_string_append (text, "Der B\xc3\xbcrgermeister sagte am Montag, dass die Sitzung verschoben sei. ");
  g_string_append_len (text, "\0\xff", 2);
  g_string_append (text, "Das war alles.");
  input = g_bytes_new (text->str, text->len);
  document = px_import_bytes (input, "damaged.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **)px_document_get_warnings (document)), ==, 1);
  px_session_add_document (session, document);

  first = px_session_to_bytes (session);
  loaded = px_session_new_from_bytes (first, "warnings.parallax", &error);
  g_assert_no_error (error);
  assert_same_documents (document, px_session_get_document (loaded, 0));
  second = px_session_to_bytes (loaded);
  g_assert_true (g_bytes_equal (first, second));
}

static void
test_round_trip (void)
{
  g_autoptr(PxSession) session = make_session ();
  g_autoptr(GBytes) first = px_session_to_bytes (session);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxSession) loaded = px_session_new_from_bytes (first, "round-trip.parallax", &error);
  g_autoptr(GBytes) second = NULL;
  GPtrArray *annotations;
  const guint *order;
  guint n_columns;

  g_assert_no_error (error);
  second = px_session_to_bytes (loaded);
  /* Byte-stable: save, load, save gives the same bytes. */
  g_assert_true (g_bytes_equal (first, second));

  g_assert_cmpuint (px_session_get_n_documents (loaded), ==, 3);
  for (guint i = 0; i < 3; i++)
    assert_same_documents (px_session_get_document (session, i), px_session_get_document (loaded, i));
  g_assert_cmpstr (px_document_get_format (px_session_get_document (loaded, 2)), ==, "html");

  order = px_session_get_column_order (loaded, &n_columns);
  g_assert_cmpuint (n_columns, ==, 3);
  g_assert_cmpuint (order[0], ==, 2);
  g_assert_cmpuint (order[1], ==, 0);
  g_assert_cmpuint (order[2], ==, 1);

  annotations = px_session_get_annotations (loaded);
  g_assert_cmpuint (annotations->len, ==, 3);
  for (guint i = 0; i < annotations->len; i++)
    {
      PxAnnotation *a = g_ptr_array_index (px_session_get_annotations (session), i);
      PxAnnotation *b = g_ptr_array_index (annotations, i);
      g_autofree char *note_a = px_annotation_dup_note (a);
      g_autofree char *note_b = px_annotation_dup_note (b);
      g_autofree char *label_a = px_annotation_dup_label (a);
      g_autofree char *label_b = px_annotation_dup_label (b);
      g_autofree char *color_a = px_annotation_dup_color (a);
      g_autofree char *color_b = px_annotation_dup_color (b);
      g_autofree char *doc_a = px_annotation_dup_document_id (a);
      g_autofree char *doc_b = px_annotation_dup_document_id (b);

      g_assert_cmpstr (px_annotation_get_id (a), ==, px_annotation_get_id (b));
      g_assert_cmpstr (note_a, ==, note_b);
      g_assert_cmpstr (label_a, ==, label_b);
      g_assert_cmpstr (color_a, ==, color_b);
      g_assert_cmpstr (doc_a, ==, doc_b);
      g_assert_cmpuint (px_annotation_get_start (a), ==, px_annotation_get_start (b));
      g_assert_cmpuint (px_annotation_get_end (a), ==, px_annotation_get_end (b));
      g_assert_cmpint (px_annotation_get_created (a), ==, px_annotation_get_created (b));
      g_assert_cmpint (px_annotation_get_modified (a), ==, px_annotation_get_modified (b));
      g_assert_cmpint (px_annotation_get_anchor_status (b), ==, PX_ANCHOR_EXACT);
    }

  g_assert_cmpstr (px_session_get_setting (loaded, "search"), ==, "a < b && c > \"d\"\n");
  g_assert_cmpstr (px_session_get_setting (loaded, "zoom"), ==, "1.25");
}

static void
test_remove_document (void)
{
  g_autoptr(PxSession) session = make_session ();
  const guint *order;
  guint n;

  px_session_remove_document (session, 0);
  g_assert_cmpuint (px_session_get_n_documents (session), ==, 2);
  g_assert_cmpuint (px_session_get_annotations (session)->len, ==, 2);
  order = px_session_get_column_order (session, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (order[0], ==, 1);
  g_assert_cmpuint (order[1], ==, 0);
}

static void
test_replace_document (void)
{
  g_autoptr(PxSession) session = make_session ();
  PxDocument *old = px_session_get_document (session, 0);
  g_autofree char *edited = g_strconcat ("Editor's note: this story was updated.\n\n",
                                         px_document_get_text (old, NULL), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_import_text (edited, strlen (edited), "01-kessel-courier.txt", &error);
  g_autoptr(GPtrArray) on_first = NULL;
  PxAnnotation *annotation;
  g_autofree char *exact = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (px_session_replace_document (session, 0, document), ==, 0);
  on_first = px_session_dup_annotations_for_document (session, 0);
  g_assert_cmpuint (on_first->len, ==, 1);
  annotation = g_ptr_array_index (on_first, 0);
  g_assert_cmpint (px_annotation_get_anchor_status (annotation), ==, PX_ANCHOR_MOVED);
  exact = px_annotation_dup_exact (annotation);
  g_assert_cmpstr (exact, ==, "Lake Orlin");
  g_assert_true (px_annotation_is_attached_to (annotation, document));
}

/* A session file whose source text was edited by hand: the annotations
 * find their quotes again when it is loaded. */
static void
test_edited_file_reattaches (void)
{
  g_autoptr(PxSession) session = px_session_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;
  g_autoptr(PxAnnotation) annotation = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) edited_bytes = NULL;
  g_autoptr(PxSession) loaded = NULL;
  g_autofree char *exact = NULL;
  PxAnnotation *reloaded;
  GString *xml;
  const char *text = "The vote was held on Sunday. Turnout was 68.5 per cent.";
  char *p;

  document = px_import_text (text, strlen (text), "a.txt", &error);
  g_assert_no_error (error);
  px_session_add_document (session, document);
  annotation = annotate (document, "68.5 per cent", PX_LABEL_CHECK);
  px_session_add_annotation (session, annotation);
  bytes = px_session_to_bytes (session);

  xml = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  p = strstr (xml->str, "<text>The vote");
  g_assert_nonnull (p);
  g_string_insert (xml, p - xml->str + strlen ("<text>"), "UPDATED. ");
  edited_bytes = g_bytes_new_take (xml->str, xml->len);
  g_string_free (xml, FALSE);

  loaded = px_session_new_from_bytes (edited_bytes, "edited.parallax", &error);
  g_assert_no_error (error);
  reloaded = g_ptr_array_index (px_session_get_annotations (loaded), 0);
  g_assert_cmpint (px_annotation_get_anchor_status (reloaded), ==, PX_ANCHOR_MOVED);
  exact = px_annotation_dup_exact (reloaded);
  g_assert_cmpstr (exact, ==, "68.5 per cent");
  g_assert_cmpuint (px_annotation_get_start (reloaded), ==, strstr (text, "68.5") - text + strlen ("UPDATED. "));
}

static void
test_file (void)
{
  g_autoptr(PxSession) session = make_session ();
  g_autofree char *dir = g_dir_make_tmp ("px-session-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "reading.parallax", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxSession) loaded = NULL;
  g_autoptr(GBytes) expected = px_session_to_bytes (session);
  g_autoptr(GBytes) again = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (px_session_save (session, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_true (g_str_has_prefix (contents, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<parallax-session version=\"1\""));

  loaded = px_session_load (file, NULL, &error);
  g_assert_no_error (error);
  again = px_session_to_bytes (loaded);
  g_assert_true (g_bytes_equal (expected, again));

  g_unlink (path);
  g_rmdir (dir);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(PxSession) session = make_session ();
  g_autofree char *dir = g_dir_make_tmp ("px-session-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "async.parallax", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxSession) loaded = NULL;
  g_autoptr(GBytes) expected = px_session_to_bytes (session);
  g_autoptr(GBytes) again = NULL;
  GAsyncResult *result = NULL;

  px_session_save_async (session, file, G_PRIORITY_DEFAULT, NULL, async_done_cb, &result);
  /* The session may change while the save runs: the file has the snapshot. */
  px_session_set_setting (session, "zoom", "3");
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (px_session_save_finish (session, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  px_session_load_async (file, G_PRIORITY_DEFAULT, NULL, async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  loaded = px_session_load_finish (result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  again = px_session_to_bytes (loaded);
  g_assert_true (g_bytes_equal (expected, again));

  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  const char *name;
  const char *xml;
  int         code;
  const char *message;  /* a part of the message */
} BadFile;

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define SOURCE "<sources><source id=\"s1\" document=\"x\"><text>Some text.</text></source></sources>"

static const BadFile bad_files[] = {
  { "not-xml", "Just some words, not XML at all.", PX_ERROR_INVALID_INPUT, "not well-formed XML" },
  { "binary", "\x89PNG\r\n\x1a\n", PX_ERROR_INVALID_INPUT, "not well-formed XML" },
  { "truncated", HEAD "<parallax-session version=\"1\"><sources><source id=\"s1\"><text>Some",
    PX_ERROR_INVALID_INPUT, "not well-formed" },
  { "wrong-root", HEAD "<html><body>hello</body></html>", PX_ERROR_INVALID_INPUT, "another kind (<html>)" },
  { "namespaced-root", HEAD "<parallax-session xmlns=\"urn:x\" version=\"1\">" SOURCE "</parallax-session>",
    PX_ERROR_INVALID_INPUT, "another kind" },
  { "no-version", HEAD "<parallax-session>" SOURCE "</parallax-session>", PX_ERROR_INVALID_INPUT, "version" },
  { "bad-version", HEAD "<parallax-session version=\"one\">" SOURCE "</parallax-session>",
    PX_ERROR_INVALID_INPUT, "version" },
  { "newer-version", HEAD "<parallax-session version=\"2\">" SOURCE "</parallax-session>",
    PX_ERROR_INVALID_INPUT, "newer Parallax (session format 2)" },
  { "no-sources", HEAD "<parallax-session version=\"1\"/>", PX_ERROR_INVALID_INPUT, "no sources" },
  { "source-without-text", HEAD "<parallax-session version=\"1\"><sources><source id=\"s1\"><title>T</title></source></sources></parallax-session>",
    PX_ERROR_INVALID_INPUT, "source 1 has no text" },
  { "source-with-empty-text", HEAD "<parallax-session version=\"1\"><sources><source id=\"s1\"><format>html</format>"
    "<paragraphs><paragraph start=\"0\" end=\"0\" kind=\"text\"/></paragraphs><text></text></source></sources></parallax-session>",
    PX_ERROR_INVALID_INPUT, "source 1 has no text" },
  { "source-with-empty-base64", HEAD "<parallax-session version=\"1\"><sources><source id=\"s1\"><text encoding=\"base64\"></text></source></sources></parallax-session>",
    PX_ERROR_INVALID_INPUT, "source 1 has no text" },
  { "source-without-id", HEAD "<parallax-session version=\"1\"><sources><source><text>x</text></source></sources></parallax-session>",
    PX_ERROR_INVALID_INPUT, "no id" },
  { "bad-base64", HEAD "<parallax-session version=\"1\"><sources><source id=\"s1\"><text encoding=\"base64\">//79</text></source></sources></parallax-session>",
    PX_ERROR_INVALID_INPUT, "not valid" },
  { "annotation-unknown-source", HEAD "<parallax-session version=\"1\">" SOURCE
    "<annotations><annotation id=\"a\" source=\"s9\"><label>check</label><quote><exact>Some</exact></quote></annotation></annotations></parallax-session>",
    PX_ERROR_INVALID_INPUT, "annotation 1 has no known source" },
  { "annotation-without-quote", HEAD "<parallax-session version=\"1\">" SOURCE
    "<annotations><annotation id=\"a\" source=\"s1\"><label>check</label><position start=\"0\" end=\"4\"/></annotation></annotations></parallax-session>",
    PX_ERROR_INVALID_INPUT, "quoted text" },
  { "billion-laughs", HEAD
    "<!DOCTYPE parallax-session [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<parallax-session version=\"1\"><sources><source id=\"s1\"><text>&lol9;</text></source></sources></parallax-session>",
    PX_ERROR_HOSTILE, "document type" },
  { "external-entity", HEAD
    "<!DOCTYPE parallax-session [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
    "<parallax-session version=\"1\"><sources><source id=\"s1\"><text>&xxe;</text></source></sources></parallax-session>",
    PX_ERROR_HOSTILE, "document type" },
  { "external-dtd", HEAD
    "<!DOCTYPE parallax-session SYSTEM \"http://example.invalid/evil.dtd\">\n"
    "<parallax-session version=\"1\">" SOURCE "</parallax-session>",
    PX_ERROR_HOSTILE, "document type" },
  { "undeclared-entity", HEAD
    "<parallax-session version=\"1\"><sources><source id=\"s1\"><text>&nbsp;</text></source></sources></parallax-session>",
    PX_ERROR_INVALID_INPUT, "not well-formed" },
};

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (bad->xml, strlen (bad->xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(PxSession) session = px_session_new_from_bytes (bytes, "/home/u/bad.parallax", &error);

  g_assert_null (session);
  g_assert_error (error, PX_ERROR, bad->code);
  g_assert_nonnull (strstr (error->message, "“bad.parallax”"));
  if (strstr (error->message, bad->message) == NULL)
    g_error ("“%s” not in “%s”", bad->message, error->message);
}

/* A bad byte in a declared encoding is an error of the load, not lines
 * that libxml2 prints on stderr. */
static void
test_encoding_error_quiet (void)
{
  if (g_test_subprocess ())
    {
      static const char xml[] = "<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?><parallax-session version=\"1\">"
                                "<sources><source id=\"s1\"><text>\x1b$B\xff\xff</text></source></sources></parallax-session>";
      g_autoptr(GBytes) bytes = g_bytes_new_static (xml, sizeof xml - 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(PxSession) session = px_session_new_from_bytes (bytes, "encoding.parallax", &error);

      g_assert_null (session);
      g_assert_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*encoding error*");
}

static void
test_deep_nesting (void)
{
  GString *xml = g_string_new (HEAD "<parallax-session version=\"1\">" SOURCE "<settings>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxSession) session = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "<a>");
  bytes = g_bytes_new_take (xml->str, xml->len);
  g_string_free (xml, FALSE);
  session = px_session_new_from_bytes (bytes, "deep.parallax", &error);
  g_assert_null (session);
  g_assert_error (error, PX_ERROR, PX_ERROR_HOSTILE);
}

static void
test_empty_and_huge (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-session-XXXXXX", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.parallax", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.parallax", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.parallax", NULL);
  g_autoptr(GFile) empty_file = g_file_new_for_path (empty);
  g_autoptr(GFile) huge_file = g_file_new_for_path (huge);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxSession) session = NULL;
  FILE *stream;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  session = px_session_load (empty_file, NULL, &error);
  g_assert_null (session);
  g_assert_error (error, PX_ERROR, PX_ERROR_EMPTY);
  g_clear_error (&error);

  /* A sparse file over the limit: refused by its size, never read. */
  stream = fopen (huge, "w");
  g_assert_nonnull (stream);
  g_assert_cmpint (fseek (stream, (long)PX_SESSION_MAX_BYTES + 10, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', stream), !=, EOF);
  fclose (stream);
  session = px_session_load (huge_file, NULL, &error);
  g_assert_null (session);
  g_assert_error (error, PX_ERROR, PX_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.parallax"));
  g_clear_error (&error);

  session = px_session_load (missing_file, NULL, &error);
  g_assert_null (session);
  g_assert_error (error, PX_ERROR, PX_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "missing.parallax"));

  g_unlink (empty);
  g_unlink (huge);
  g_rmdir (dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char **)a, *(char **)b);
}

/* The names in @folder, sorted. */
static GStrv
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static void
remove_folder (const char *folder)
{
  g_auto(GStrv) names = list_folder (folder);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (folder, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

static void
assert_saved (const char *path,
              PxSession  *session)
{
  g_autoptr(GBytes) expected = px_session_to_bytes (session);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* F11: what an interrupted save left beside the file goes with the next
 * save, unless a save still holds it; the file keeps its mode; a link is
 * followed, not replaced. */
static void
test_save_leftovers_mode_link (void)
{
  g_autoptr(PxSession) session = make_session ();
  g_autofree char *dir = g_dir_make_tmp ("px-session-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "reading.parallax", NULL);
  g_autofree char *stale = g_build_filename (dir, ".reading.parallax.px-save-Ab12Cd", NULL);
  g_autofree char *busy = g_build_filename (dir, ".reading.parallax.px-save-Zz99Yy", NULL);
  g_autofree char *other = g_build_filename (dir, "reading.parallax.backup", NULL);
  g_autofree char *target_dir = g_build_filename (dir, "real", NULL);
  g_autofree char *target = g_build_filename (target_dir, "target.parallax", NULL);
  g_autofree char *link = g_build_filename (dir, "link.parallax", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  GStatBuf st;
  int busy_fd;

  /* Leftovers: one stale, one still locked by a save in progress, and a
   * file of the reader's own with a similar name. */
  g_assert_true (g_file_set_contents (stale, "half a session", -1, NULL));
  g_assert_true (g_file_set_contents (busy, "a save in progress", -1, NULL));
  g_assert_true (g_file_set_contents (other, "the reader's copy", -1, NULL));
  busy_fd = g_open (busy, O_RDONLY, 0);
  g_assert_cmpint (busy_fd, >=, 0);
  g_assert_cmpint (flock (busy_fd, LOCK_EX), ==, 0);

  g_assert_true (px_session_save (session, file, NULL, &error));
  g_assert_no_error (error);
  names = list_folder (dir);
  g_assert_cmpstrv (names, ((const char *[]) { ".reading.parallax.px-save-Zz99Yy", "reading.parallax",
                                               "reading.parallax.backup", NULL }));
  close (busy_fd);
  g_clear_pointer (&names, g_strfreev);
  g_assert_true (px_session_save (session, file, NULL, &error));
  names = list_folder (dir);
  g_assert_cmpstrv (names, ((const char *[]) { "reading.parallax", "reading.parallax.backup", NULL }));

  /* The mode of the file is kept. */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (px_session_save (session, file, NULL, &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (px_session_save (session, file, NULL, &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);

  /* Through a relative symbolic link: the target is saved, the link stays. */
  g_assert_cmpint (g_mkdir (target_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, "an older session", -1, NULL));
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);
  g_assert_cmpint (symlink ("real/target.parallax", link), ==, 0);
  g_assert_true (px_session_save (session, link_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  assert_saved (target, session);
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  names = (g_strfreev (names), list_folder (target_dir));
  g_assert_cmpstrv (names, ((const char *[]) { "target.parallax", NULL }));

  /* A link to a file that does not exist yet creates it. */
  g_unlink (target);
  g_assert_true (px_session_save (session, link_file, NULL, &error));
  g_assert_no_error (error);
  assert_saved (target, session);

  remove_folder (target_dir);
  remove_folder (dir);
}

/* F10: every year is written with four digits, and read back. */
static void
test_early_years (void)
{
  static const struct {
    int         year;
    const char *written;
  } years[] = {
    { 1, "0001-" },
    { 89, "0089-" },
    { 999, "0999-" },
    { 1000, "1000-" },
    { 2026, "2026-" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autoptr(PxSession) session = px_session_new ();
      g_autoptr(PxDocument) document = import_example ("01-kessel-courier.txt");
      g_autoptr(PxAnnotation) annotation = annotate (document, "Lake Orlin", PX_LABEL_CHECK);
      g_autoptr(GDateTime) created = g_date_time_new_utc (years[i].year, 3, 4, 5, 6, 7);
      g_autoptr(GDateTime) modified = g_date_time_add_days (created, 1);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(PxSession) loaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *xml = NULL;
      g_autofree char *expected = NULL;
      PxAnnotation *back;

      px_session_add_document (session, document);
      px_annotation_set_times (annotation, g_date_time_to_unix (created), g_date_time_to_unix (modified));
      px_session_add_annotation (session, annotation);
      bytes = px_session_to_bytes (session);
      xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      expected = g_strdup_printf ("created=\"%s03-04T05:06:07Z\"", years[i].written);
      g_assert_nonnull (strstr (xml, expected));

      loaded = px_session_new_from_bytes (bytes, "years.parallax", &error);
      g_assert_no_error (error);
      back = g_ptr_array_index (px_session_get_annotations (loaded), 0);
      g_assert_cmpint (px_annotation_get_created (back), ==, g_date_time_to_unix (created));
      g_assert_cmpint (px_annotation_get_modified (back), ==, g_date_time_to_unix (modified));
    }
}

/* F3: a source embedded in a session has the limit of an imported file,
 * refused before its text is copied or segmented. */
static void
test_source_too_large (void)
{
  static const struct {
    gsize       text_bytes;
    const char *encoding;
    gboolean    refused;
  } cases[] = {
    { PX_IMPORT_MAX_BYTES + 1, NULL, TRUE },
    { PX_IMPORT_MAX_BYTES / 3 * 4 + 8, "base64", TRUE },
    { PX_IMPORT_MAX_BYTES / 3 * 4 + 4, "base64", TRUE },  /* decodes to the limit + 2 bytes */
    { 4096, NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GString *xml = g_string_sized_new (cases[i].text_bytes + 512);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PxSession) session = NULL;

      g_string_append (xml, HEAD "<parallax-session version=\"1\"><sources><source id=\"s1\"><title>T</title>");
      g_string_append_printf (xml, "<text%s>", cases[i].encoding != NULL ? " encoding=\"base64\"" : "");
      /* "QUFB" is base64 for "AAA" */
      for (gsize n = 0; n < cases[i].text_bytes; n += 4)
        g_string_append_len (xml, cases[i].encoding != NULL ? "QUFB" : "AAAA", MIN (4, cases[i].text_bytes - n));
      g_string_append (xml, "</text></source></sources></parallax-session>");
      bytes = g_bytes_new_take (xml->str, xml->len);
      g_string_free (xml, FALSE);

      session = px_session_new_from_bytes (bytes, "/home/u/big.parallax", &error);
      if (cases[i].refused)
        {
          g_assert_null (session);
          g_assert_error (error, PX_ERROR, PX_ERROR_TOO_LARGE);
          g_assert_nonnull (strstr (error->message, "“big.parallax”"));
          g_assert_nonnull (strstr (error->message, "source 1"));
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpuint (px_session_get_n_documents (session), ==, 1);
        }
    }
}

/* F6: very many annotations whose quotes are gone share one budget of
 * work; past it they are kept, orphaned, counted and told about, and the
 * next load searches for them again. */
static void
test_many_stale_annotations (void)
{
  GString *xml = g_string_new (HEAD "<parallax-session version=\"1\"><sources><source id=\"s1\"><text>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxSession) session = NULL;
  g_autoptr(PxSession) again = NULL;
  g_autofree char *message = NULL;
  guint n = 3000, orphaned = 0;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (xml, "Sentence %u about the bridge and the lake, said the mayor. ", i);
  g_string_append (xml, "</text></source></sources><annotations>");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (xml, "<annotation id=\"a%u\" source=\"s1\"><label>check</label>"
                            "<position start=\"%u\" end=\"%u\"/><quote><exact>A quote %u the editor "
                            "rewrote entirely, nothing of it is left</exact></quote></annotation>",
                            i, (i * 37) % 20000, (i * 37) % 20000 + 50, i);
  g_string_append (xml, "</annotations></parallax-session>");
  bytes = g_bytes_new_take (xml->str, xml->len);
  g_string_free (xml, FALSE);

  session = px_session_new_from_bytes (bytes, "stale.parallax", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (px_session_get_annotations (session)->len, ==, n);
  for (guint i = 0; i < n; i++)
    orphaned += px_annotation_get_anchor_status (g_ptr_array_index (px_session_get_annotations (session), i)) ==
                PX_ANCHOR_ORPHANED;
  g_assert_cmpuint (orphaned, ==, n);
  g_test_message ("%u of %u not searched for", px_session_get_n_unsearched_annotations (session), n);
  g_assert_cmpuint (px_session_get_n_unsearched_annotations (session), >, n / 2);
  g_assert_cmpuint (px_session_get_n_unsearched_annotations (session), <, n);
  message = px_session_dup_unsearched_message (session);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "not searched for"));

  /* Saved, they are orphaned with their old range and quote. */
  saved = px_session_to_bytes (session);
  again = px_session_new_from_bytes (saved, "stale.parallax", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (px_session_get_annotations (again)->len, ==, n);
  {
    PxAnnotation *last = g_ptr_array_index (px_session_get_annotations (again), n - 1);
    g_autofree char *exact = px_annotation_dup_exact (last);
    g_autofree char *expected = g_strdup_printf ("A quote %u the editor rewrote entirely, nothing of it is left", n - 1);

    g_assert_cmpstr (exact, ==, expected);
    g_assert_cmpuint (px_annotation_get_start (last), ==, ((n - 1) * 37) % 20000);
  }

  /* A session whose annotations hold needs no search. */
  {
    g_autoptr(PxSession) fine = make_session ();
    g_autoptr(GBytes) fine_bytes = px_session_to_bytes (fine);
    g_autoptr(PxSession) loaded = px_session_new_from_bytes (fine_bytes, "fine.parallax", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (px_session_get_n_unsearched_annotations (loaded), ==, 0);
    g_assert_null (px_session_dup_unsearched_message (loaded));
  }
}

/* kill -9 during a save leaves the old file or the new one. The child (this
 * program run with --save-loop) saves two different sessions in turn. */
static PxSession *
big_session (guint variant)
{
  PxSession *session = px_session_new ();
  GString *text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;

  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (text, "Sentence %u of variant %u says something about the bridge.\n", i, variant);
  document = px_import_text (text->str, text->len, "big.txt", &error);
  g_assert_no_error (error);
  px_session_add_document (session, document);
  px_session_set_setting (session, "variant", variant == 0 ? "zero" : "one");
  g_string_free (text, TRUE);
  return session;
}

static int
save_loop (const char *path)
{
  PxSession *sessions[2] = { big_session (0), big_session (1) };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *ready = g_strconcat (path, ".ready", NULL);

  for (guint i = 0;; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0;

      /* Tell the parent once one save is complete: from then on a kill
       * at any moment must leave a whole session (before it, there is no
       * file to test yet, and a slow machine took longer than the kill). */
      if (i == 1)
        g_file_set_contents (ready, "", 0, NULL);

      t0 = g_get_monotonic_time ();
      if (!px_session_save (sessions[i % 2], file, NULL, &error))
        {
          g_printerr ("save failed: %s\n", error->message);
          return 1;
        }
      if (g_getenv ("PX_SAVE_LOOP_VERBOSE"))
        g_printerr ("save %u: %" G_GINT64_FORMAT " us\n", i, g_get_monotonic_time () - t0);
    }
  return 0;
}

/* For tests/bench/bench-save-kill.py: loads the session a killed save
 * loop left (exit 2 if it does not load, 3 if it is neither variant), then
 * saves it once. */
static int
load_and_save (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxSession) loaded = px_session_load (file, NULL, &error);
  g_autoptr(GBytes) bytes = NULL;
  gboolean known = FALSE;

  if (loaded == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  bytes = px_session_to_bytes (loaded);
  for (guint variant = 0; variant < 2 && !known; variant++)
    {
      g_autoptr(PxSession) expected = big_session (variant);
      g_autoptr(GBytes) expected_bytes = px_session_to_bytes (expected);

      known = g_bytes_equal (bytes, expected_bytes);
    }
  if (!known)
    return 3;
  if (!px_session_save (loaded, file, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

static void
test_kill_during_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-session-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "killed.parallax", NULL);
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *ready = g_strconcat (path, ".ready", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PxSession) zero = big_session (0);
  g_autoptr(PxSession) one = big_session (1);
  g_autoptr(GBytes) bytes_zero = px_session_to_bytes (zero);
  g_autoptr(GBytes) bytes_one = px_session_to_bytes (one);
  guint seen[2] = { 0, 0 };

  if (self_path == NULL)
    {
      g_test_skip ("no /proc/self/exe");
      return;
    }

  for (guint round = 0; round < 12; round++)
    {
      const char *argv[] = { self_path, "--save-loop", path, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(PxSession) loaded = NULL;
      g_autoptr(GBytes) bytes = NULL;
      GPid pid;
      int status;

      g_assert_true (g_spawn_async (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error));
      g_assert_no_error (error);
      /* Once it saves, kill it at a random moment. */
      for (guint waited = 0; !g_file_test (ready, G_FILE_TEST_EXISTS); waited++)
        {
          g_assert_cmpuint (waited, <, 120000);  /* two minutes: the child did not start */
          g_assert_cmpint (waitpid (pid, &status, WNOHANG), ==, 0);
          g_usleep (1000);
        }
      g_unlink (ready);
      g_usleep (g_random_int_range (1000, 400000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_spawn_close_pid (pid);

      loaded = px_session_load (file, NULL, &error);
      g_assert_no_error (error);
      bytes = px_session_to_bytes (loaded);
      if (g_bytes_equal (bytes, bytes_zero))
        seen[0]++;
      else if (g_bytes_equal (bytes, bytes_one))
        seen[1]++;
      else
        g_assert_not_reached ();
    }
  g_test_message ("after kill -9: old/new variants seen %u and %u times", seen[0], seen[1]);

  /* A killed save may leave its temporary file; the next save removes it. */
  {
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) names = NULL;

    g_assert_true (px_session_save (zero, file, NULL, &error));
    g_assert_no_error (error);
    names = list_folder (dir);
    g_assert_cmpstrv (names, ((const char *[]) { "killed.parallax", NULL }));
  }
  remove_folder (dir);
}

static void
count_cb (PxSession *session,
          guint     *count)
{
  (*count)++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_changed_and_model (void)
{
  g_autoptr(PxSession) session = make_session ();
  g_autoptr(GBytes) bytes = px_session_to_bytes (session);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxSession) loaded = px_session_new_from_bytes (bytes, "x.parallax", &error);
  GListModel *model;
  PxAnnotation *first;
  g_autoptr(PxAnnotation) extra = NULL;
  guint changes = 0;
  guint items_changed = 0;

  g_assert_no_error (error);
  model = px_session_get_annotation_model (loaded);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (g_type_is_a (g_list_model_get_item_type (model), PX_TYPE_ANNOTATION));
  g_signal_connect (loaded, "changed", G_CALLBACK (count_cb), &changes);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &items_changed);

  first = g_ptr_array_index (px_session_get_annotations (loaded), 0);
  px_annotation_set_note (first, "edited");
  g_assert_cmpuint (changes, ==, 1);
  px_session_set_setting (loaded, "zoom", "1.25");  /* the same value: no change */
  g_assert_cmpuint (changes, ==, 1);
  px_session_set_setting (loaded, "zoom", "2");
  g_assert_cmpuint (changes, ==, 2);

  extra = annotate (px_session_get_document (loaded, 1), "Turnout", PX_LABEL_CHECK);
  px_session_add_annotation (loaded, extra);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpuint (changes, ==, 3);

  g_object_ref (first);
  g_assert_true (px_session_remove_annotation (loaded, first));
  g_assert_false (px_session_remove_annotation (loaded, first));
  g_assert_cmpuint (changes, ==, 4);
  /* A removed annotation no longer changes the session. */
  px_annotation_set_note (first, "after removal");
  g_assert_cmpuint (changes, ==, 4);
  g_object_unref (first);

  /* Removing a source removes its annotations from the model too. */
  px_session_remove_document (loaded, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpuint (px_session_get_annotations (loaded)->len, ==, 1);
  g_assert_true (g_list_model_get_item (model, 0) == g_object_ref (g_ptr_array_index (px_session_get_annotations (loaded), 0)));
  g_object_unref (g_ptr_array_index (px_session_get_annotations (loaded), 0));
  g_object_unref (g_ptr_array_index (px_session_get_annotations (loaded), 0));
  g_assert_cmpuint (changes, ==, 5);
  g_assert_cmpuint (items_changed, ==, 4);
}

static void
test_sniff (void)
{
  static const struct {
    const char *data;
    gboolean    session;
  } heads[] = {
    { "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<parallax-session version=\"1\">", TRUE },
    { "An article about the <parallax-session> element.", FALSE },
    { "<html><body>", FALSE },
    /* O4: a document type named after the root is a session (which the
     * loader then refuses, saying why); other document types are not. */
    { "<!DOCTYPE parallax-session [<!ENTITY a \"b\">]>\n<parallax-session version=\"1\">", TRUE },
    { "  <!DOCTYPE  parallax-session SYSTEM \"x.dtd\">", TRUE },
    { "<!DOCTYPE parallax-session>", TRUE },
    { "<!DOCTYPE html><p>the <parallax-session> element</p>", FALSE },
    { "<!DOCTYPE parallax-sessions>", FALSE },
  };

  g_assert_true (px_session_is_session_file ("/tmp/reading.parallax", NULL, 0));
  g_assert_false (px_session_is_session_file ("/tmp/reading.txt", NULL, 0));
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    if (px_session_is_session_file (NULL, heads[i].data, strlen (heads[i].data)) != heads[i].session)
      g_error ("“%s” %s", heads[i].data, heads[i].session ? "not seen as a session" : "seen as a session");
}

int
main (int    argc,
      char **argv)
{
  xmlInitParser ();

  if (argc == 3 && g_str_equal (argv[1], "--save-loop"))
    return save_loop (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--load-and-save"))
    return load_and_save (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/session/round-trip", test_round_trip);
  g_test_add_func ("/core/session/warnings-kept", test_warnings_kept);
  g_test_add_func ("/core/session/remove-document", test_remove_document);
  g_test_add_func ("/core/session/replace-document", test_replace_document);
  g_test_add_func ("/core/session/edited-file-reattaches", test_edited_file_reattaches);
  g_test_add_func ("/core/session/file", test_file);
  g_test_add_func ("/core/session/async", test_async);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/session/refused/%s", bad_files[i].name);

      g_test_add_data_func (path, &bad_files[i], test_bad_file);
    }
  g_test_add_func ("/core/session/refused/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/session/refused/encoding-error-quiet", test_encoding_error_quiet);
  g_test_add_func ("/core/session/refused/empty-and-huge", test_empty_and_huge);
  g_test_add_func ("/core/session/sniff", test_sniff);
  g_test_add_func ("/core/session/changed-and-model", test_changed_and_model);
  g_test_add_func ("/core/session/kill-during-save", test_kill_during_save);
  g_test_add_func ("/core/session/save/leftovers-mode-link", test_save_leftovers_mode_link);
  g_test_add_func ("/core/session/early-years", test_early_years);
  g_test_add_func ("/core/session/many-stale-annotations", test_many_stale_annotations);
  g_test_add_func ("/core/session/refused/source-too-large", test_source_too_large);

  return g_test_run ();
}
