/* test-export-html.c: the HTML report — structure, text kept, hostile input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "parallax-core.h"

#define CSP "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

/* Payloads placed in labels and notes (the corpus covers the sources). */
static const char *hostile_strings[] = {
  "<script>alert('note')</script>",
  "\"><img src=x onerror=alert('note')>",
  "</style><script>alert('style')</script>",
  "</title><svg onload=alert('title')>",
  "<![CDATA[<script>alert('cdata')</script>]]>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert('math')>",
  "javascript:alert('url')",
  "＜script＞alert('fullwidth')＜/script＞",
};

static PxDocument *
import_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PxDocument *document = px_import_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static GPtrArray *
import_dir (const char *dir,
            const char *suffix)
{
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  g_assert_nonnull (gdir);
  while ((name = g_dir_read_name (gdir)) != NULL)
    if (g_str_has_prefix (name, "0") && (suffix == NULL || g_str_has_suffix (name, suffix)))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      g_ptr_array_add (documents, import_path (path));
    }
  return documents;
}

static GPtrArray *
load_examples (void)
{
  g_autofree char *dir = g_build_filename (PX_TEST_SRCDIR, "..", "data", "examples", NULL);

  return import_dir (dir, ".txt");
}

static GPtrArray *
load_xss (void)
{
  g_autofree char *dir = g_build_filename (PX_TEST_SRCDIR, "fixtures", "xss", NULL);

  return import_dir (dir, NULL);
}

static PxComparison *
compare (GPtrArray *documents)
{
  g_autoptr(GError) error = NULL;
  PxComparison *comparison = px_comparison_new (documents, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return comparison;
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

/* An annotation on the first sentence of each document, and hostile notes. */
static GPtrArray *
hostile_annotations (GPtrArray *documents)
{
  GPtrArray *annotations = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < documents->len; i++)
    {
      PxDocument *document = g_ptr_array_index (documents, i);
      const PxSegment *seg = px_document_get_segment (document, px_document_get_n_segments (document) / 2);
      const char *label = hostile_strings[i % G_N_ELEMENTS (hostile_strings)];
      PxAnnotation *annotation = px_annotation_new (document, seg->start, seg->end, label);
      g_autoptr(GString) note = g_string_new (NULL);

      for (guint k = 0; k < G_N_ELEMENTS (hostile_strings); k++)
        g_string_append_printf (note, "%s\n", hostile_strings[k]);

      px_annotation_set_note (annotation, note->str);
      if (i % 2)
        px_annotation_set_color (annotation, "#ffee00");
      g_ptr_array_add (annotations, annotation);
    }
  return annotations;
}

/* Checking the report */

static const char *forbidden_elements[] = {
  "script", "iframe", "frame", "object", "embed", "svg", "math", "img", "image", "form", "base", "link",
  "input", "button", "textarea", "video", "audio", "source", "template", "noscript", "xmp", "plaintext",
  "applet", "marquee", "frameset",
};

typedef struct
{
  GHashTable *ids;
  guint       n_styles;
  guint       n_csp;
  guint       n_marks;
  guint       n_badges;
} Walk;

static gboolean
has_class (xmlNodePtr  node,
           const char *klass)
{
  g_autofree char *value = (char *)xmlGetProp (node, (const xmlChar *)"class");
  g_auto(GStrv) classes = NULL;

  if (value == NULL)
    return FALSE;
  classes = g_strsplit (value, " ", -1);
  return g_strv_contains ((const char * const *)classes, klass);
}

static void
walk (xmlNodePtr node,
      Walk      *w)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      for (guint i = 0; i < G_N_ELEMENTS (forbidden_elements); i++)
        if (g_ascii_strcasecmp ((const char *)node->name, forbidden_elements[i]) == 0)
          g_error ("the report has a <%s> element", node->name);

      if (g_str_equal ((const char *)node->name, "style"))
        {
          w->n_styles++;
          g_assert_cmpstr ((const char *)node->parent->name, ==, "head");
        }
      if (g_str_equal ((const char *)node->name, "meta"))
        {
          g_autofree char *equiv = (char *)xmlGetProp (node, (const xmlChar *)"http-equiv");
          g_autofree char *content = (char *)xmlGetProp (node, (const xmlChar *)"content");

          if (equiv != NULL)
            {
              g_assert_cmpstr (equiv, ==, "Content-Security-Policy");
              g_assert_cmpstr (content, ==, CSP);
              w->n_csp++;
            }
        }
      if (g_str_equal ((const char *)node->name, "mark") && has_class (node, "ann"))
        w->n_marks++;
      if (has_class (node, "badge"))
        w->n_badges++;

      for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
        {
          g_autofree char *value = (char *)xmlNodeGetContent ((xmlNodePtr)attr);
          const char *name = (const char *)attr->name;

          if (g_ascii_strncasecmp (name, "on", 2) == 0)
            g_error ("the report has an event handler attribute %s", name);
          g_assert_cmpstr (name, !=, "style");
          g_assert_cmpstr (name, !=, "src");
          g_assert_cmpstr (name, !=, "srcdoc");
          if (g_str_equal (name, "href"))
            g_assert_true (value[0] == '#' || g_str_has_prefix (value, "http://") ||
                           g_str_has_prefix (value, "https://"));
          if (g_str_equal (name, "id"))
            {
              g_assert_false (g_hash_table_contains (w->ids, value));
              g_hash_table_add (w->ids, g_steal_pointer (&value));
            }
        }
      walk (node->children, w);
    }
}

/* Text of a node, without claim markers and annotation badges. */
static void
collect_text (xmlNodePtr  node,
              GString    *out)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE)
        g_string_append (out, (const char *)node->content);
      else if (node->type == XML_ELEMENT_NODE && !has_class (node, "mk") && !has_class (node, "badge"))
        collect_text (node->children, out);
    }
}

static char *
collapse_spaces (const char *str)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isspace (ch))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}

/* Control characters are shown as U+FFFD; otherwise the text is the same. */
static char *
expected_text (const char *str,
               gsize       length)
{
  GString *out = g_string_new (NULL);
  g_autofree char *copy = g_strndup (str, length);

  for (const char *p = copy; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == '\r')
        continue;
      if ((ch < 0x20 && ch != '\t' && ch != '\n') || (ch >= 0x7F && ch < 0xA0) || ch == 0xFFFE || ch == 0xFFFF)
        g_string_append (out, "\xEF\xBF\xBD");
      else
        g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}

static xmlNodePtr
find_by_id (xmlNodePtr  node,
            const char *id)
{
  for (; node != NULL; node = node->next)
    {
      g_autofree char *value = NULL;
      xmlNodePtr found;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      value = (char *)xmlGetProp (node, (const xmlChar *)"id");
      if (g_strcmp0 (value, id) == 0)
        return node;
      if ((found = find_by_id (node->children, id)) != NULL)
        return found;
    }
  return NULL;
}

/* Each column shows its document's paragraphs, text for text. */
static void
check_columns (htmlDocPtr    doc,
               PxComparison *comparison)
{
  for (guint d = 0; d < px_comparison_get_n_documents (comparison); d++)
    {
      PxDocument *document = px_comparison_get_document (comparison, d);
      g_autofree char *id = g_strdup_printf ("d%u", d + 1);
      xmlNodePtr column = find_by_id (xmlDocGetRootElement (doc), id);
      xmlNodePtr body = NULL;
      guint p = 0;

      g_assert_nonnull (column);
      for (xmlNodePtr child = column != NULL ? column->children : NULL; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE && has_class (child, "col-body"))
          body = child;
      g_assert_nonnull (body);

      for (xmlNodePtr block = body != NULL ? body->children : NULL; block != NULL; block = block->next)
        {
          const PxParagraph *para;
          g_autoptr(GString) shown = g_string_new (NULL);
          g_autofree char *want = NULL;
          g_autofree char *want_collapsed = NULL;
          g_autofree char *shown_collapsed = NULL;

          if (block->type != XML_ELEMENT_NODE)
            continue;
          g_assert_cmpuint (p, <, px_document_get_n_paragraphs (document));
          para = px_document_get_paragraph (document, p++);
          collect_text (block->children, shown);
          want = expected_text (px_document_get_text (document, NULL) + para->start, para->end - para->start);
          want_collapsed = collapse_spaces (want);
          shown_collapsed = collapse_spaces (shown->str);
          g_assert_cmpstr (shown_collapsed, ==, want_collapsed);
        }
      g_assert_cmpuint (p, ==, px_document_get_n_paragraphs (document));
    }
}

static htmlDocPtr
parse_report (const char *html,
              gsize       length)
{
  htmlDocPtr doc = htmlReadMemory (html, length, "report.html", "UTF-8",
                                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);

  g_assert_nonnull (doc);
  return doc;
}

static void
check_raw (const char *html)
{
  g_autofree char *lower = g_ascii_strdown (html, -1);
  static const char *raw[] = {
    "<script", "<svg", "<math", "<iframe", "<img", "<object", "<embed", "<base", "<form", "<link",
    "<noscript", "<template", "<meta http-equiv=\"refresh", "<style>*", "<a href=\"javascript",
  };

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                                         "<meta http-equiv=\"Content-Security-Policy\""));
  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    if (strstr (lower, raw[i]) != NULL)
      g_error ("the report holds raw “%s”", raw[i]);
  /* One <style>, one <title>: nothing closed them early. */
  g_assert_true (strstr (strstr (lower, "</style>") + 1, "</style>") == NULL);
  g_assert_true (strstr (strstr (lower, "</title>") + 1, "</title>") == NULL);
}

static void
check_report (const char   *html,
              gsize         length,
              PxComparison *comparison,
              guint         n_notes)
{
  htmlDocPtr doc;
  Walk w = { 0 };

  g_assert_true (g_utf8_validate (html, length, NULL));
  check_raw (html);
  doc = parse_report (html, length);
  w.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk (xmlDocGetRootElement (doc), &w);
  g_assert_cmpuint (w.n_styles, ==, 1);
  g_assert_cmpuint (w.n_csp, ==, 1);
  check_columns (doc, comparison);

  for (guint i = 1; i <= n_notes; i++)
    {
      g_autofree char *id = g_strdup_printf ("note-%u", i);

      g_assert_nonnull (find_by_id (xmlDocGetRootElement (doc), id));
    }
  g_hash_table_unref (w.ids);
  xmlFreeDoc (doc);
}

static void
test_examples (void)
{
  g_autoptr(GPtrArray) documents = load_examples ();
  g_autoptr(PxComparison) comparison = compare (documents);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PxDocument) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  PxAnnotation *annotation;
  gsize length;

  annotation = annotate (g_ptr_array_index (documents, 0), "Lake Orlin", PX_LABEL_KEY_CLAIM);
  px_annotation_set_note (annotation, "The key claim: the bridge.\nSecond line of the note.");
  g_ptr_array_add (annotations, annotation);
  annotation = annotate (g_ptr_array_index (documents, 1), "Ilse Varga", PX_LABEL_CONTRADICTION);
  g_ptr_array_add (annotations, annotation);
  annotation = annotate (g_ptr_array_index (documents, 3), "Turnout", "Ask the office");
  px_annotation_set_color (annotation, "#0b7285");
  g_ptr_array_add (annotations, annotation);
  /* Overlapping the first one. */
  annotation = annotate (g_ptr_array_index (documents, 0), "Orlin", PX_LABEL_CHECK);
  g_ptr_array_add (annotations, annotation);
  /* Across two paragraphs: marked in both, one badge. */
  {
    PxDocument *document = g_ptr_array_index (documents, 4);
    const PxParagraph *first = px_document_get_paragraph (document, 1);
    const PxParagraph *second = px_document_get_paragraph (document, 2);

    annotation = px_annotation_new (document, first->end - 5, second->start + 5, "Spans paragraphs");
    g_ptr_array_add (annotations, annotation);
  }
  /* One that cannot be placed any more. */
  annotation = annotate (g_ptr_array_index (documents, 2), "Orlin", PX_LABEL_CHECK);
  gone = px_import_text ("Nothing of that remains.", 24, "03.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpint (px_annotation_reattach (annotation, gone), ==, PX_ANCHOR_ORPHANED);
  px_annotation_set_anchor_status (annotation, PX_ANCHOR_ORPHANED);
  {
    /* Back on document 3 (the re-import was undone), but still orphaned. */
    g_autoptr(PxAnnotation) orphan = px_annotation_new_from_selectors (NULL, px_document_get_id (g_ptr_array_index (documents, 2)),
                                                                       99999, 100004, "Orlin was here", "", "", PX_LABEL_CHECK);

    px_annotation_set_anchor_status (orphan, PX_ANCHOR_ORPHANED);
    g_ptr_array_add (annotations, g_steal_pointer (&orphan));
  }
  g_object_unref (annotation);

  html = px_export_html_string (comparison, annotations, &length);
  check_report (html, length, comparison, 6);
  g_assert_nonnull (strstr (html, "Second line of the note."));
  g_assert_nonnull (strstr (html, "Spans paragraphs"));
  {
    /* A badge in the text for each placed annotation (five), and one in
     * each of the six notes. */
    guint n_badges = 0;

    for (const char *p = strstr (html, "class=\"badge "); p != NULL; p = strstr (p + 1, "class=\"badge "))
      n_badges++;
    g_assert_cmpuint (n_badges, ==, 11);
  }
  g_assert_nonnull (strstr (html, "Annotations that could not be placed"));
  g_assert_nonnull (strstr (html, "Orlin was here"));
  g_assert_nonnull (strstr (html, "Ask the office"));
  g_assert_nonnull (strstr (html, "#0b7285"));
}

static void
test_xss_corpus (void)
{
  g_autoptr(GPtrArray) documents = load_xss ();
  g_autoptr(PxComparison) comparison = compare (documents);
  g_autoptr(GPtrArray) annotations = hostile_annotations (documents);
  g_autofree char *html = NULL;
  gsize length;
  htmlDocPtr doc;
  g_autoptr(GString) all_text = g_string_new (NULL);

  g_assert_cmpuint (documents->len, >=, 7);
  html = px_export_html_string (comparison, annotations, &length);
  check_report (html, length, comparison, annotations->len);

  /* Every payload is there, as text. */
  doc = parse_report (html, length);
  collect_text (xmlDocGetRootElement (doc), all_text);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_strings); i++)
    if (strstr (all_text->str, hostile_strings[i]) == NULL)
      g_error ("“%s” is not shown as text", hostile_strings[i]);
  g_assert_nonnull (strstr (all_text->str, "<script>alert(document.cookie)</script>"));

  /* The page's javascript: URL is shown, never linked (walk() checks every
   * href), and its hostile metadata is text. */
  g_assert_nonnull (strstr (all_text->str, "javascript:alert(4)"));
  g_assert_nonnull (strstr (all_text->str, "</style><svg onload=alert(2)> Evil Daily"));
  g_assert_nonnull (strstr (all_text->str, "<img src=x onerror=alert(5)> Jane \" onmouseover=\"alert(6)"));
  xmlFreeDoc (doc);
}

static void
test_hostile_session (void)
{
  /* A hand-made session: colour and label try to break out of the CSS. */
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<parallax-session version=\"1\"><sources><source id=\"s1\">"
    "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"
    "<url>javascript:alert(2)</url><format>text</format>"
    "<text>The bridge will cost 1.2 billion euros. Work starts in 2024.</text></source></sources>"
    "<annotations><annotation id=\"a1\" source=\"s1\">"
    "<label>}&lt;/style&gt;&lt;script&gt;alert(3)&lt;/script&gt;</label>"
    "<color>red;}&lt;/style&gt;&lt;script&gt;alert(4)&lt;/script&gt;</color>"
    "<position start=\"21\" end=\"38\"/><quote><exact>1.2 billion euros</exact></quote>"
    "<note>&lt;img src=x onerror=alert(5)&gt;</note></annotation></annotations></parallax-session>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxSession) session = px_session_new_from_bytes (bytes, "hostile.parallax", &error);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(PxComparison) comparison = NULL;
  g_autofree char *html = NULL;
  g_autofree char *color = NULL;
  gsize length;

  g_assert_no_error (error);
  color = px_annotation_dup_color (g_ptr_array_index (px_session_get_annotations (session), 0));
  g_assert_null (color);
  documents = px_session_dup_documents_in_columns (session);
  comparison = compare (documents);
  html = px_export_html_string (comparison, px_session_get_annotations (session), &length);
  check_report (html, length, comparison, 1);
  g_assert_null (strstr (html, "red;}"));
}

/* The CLI on a session file. */
static void
test_cli_session (void)
{
  const char *cli = g_getenv ("PX_CLI");
  g_autofree char *dir = g_dir_make_tmp ("px-export-XXXXXX", NULL);
  g_autofree char *session_path = g_build_filename (dir, "reading.parallax", NULL);
  g_autofree char *report_path = g_build_filename (dir, "report.html", NULL);
  g_autofree char *example = g_build_filename (PX_TEST_SRCDIR, "..", "data", "examples", "05-business-daily.txt", NULL);
  g_autoptr(GPtrArray) documents = load_examples ();
  g_autoptr(PxSession) session = px_session_new ();
  g_autoptr(PxAnnotation) annotation = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (session_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *html = NULL;
  const char *argv[] = { cli, "compare", "--format=html", "-o", report_path, session_path, example, NULL };
  int status = 0;

  if (cli == NULL)
    {
      g_test_skip ("PX_CLI is not set");
      return;
    }

  px_session_add_document (session, g_ptr_array_index (documents, 0));
  px_session_add_document (session, g_ptr_array_index (documents, 3));
  annotation = annotate (g_ptr_array_index (documents, 3), "Turnout", PX_LABEL_CHECK);
  px_annotation_set_note (annotation, "Compare with the Courier's figure.");
  px_session_add_annotation (session, annotation);
  g_assert_true (px_session_save (session, file, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (report_path, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "Compare with the Courier's figure."));
  g_assert_nonnull (strstr (html, "Comparison of 3 sources"));

  g_unlink (report_path);
  g_unlink (session_path);
  g_rmdir (dir);
}

static char *
find_script_check (void)
{
  const char *root = g_getenv ("PX_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (root != NULL ? root : PX_TEST_SRCDIR "/..", "..", "shared", "tools",
                                            "html-script-check.py", NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS) ? g_steal_pointer (&path) : NULL;
}

/* Headless Chromium loads the reports of the corpus and runs no script. */
static void
test_chromium_runs_no_script (void)
{
  g_autofree char *tool = find_script_check ();
  g_autofree char *chromium = g_find_program_in_path ("chromium");
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (tool == NULL || chromium == NULL || python == NULL)
    {
      g_test_skip ("needs chromium, python3 and ../shared/tools/html-script-check.py");
      return;
    }

  dir = g_dir_make_tmp ("px-xss-XXXXXX", NULL);
  documents = load_xss ();
  argv = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (argv, g_strdup (python));
  g_ptr_array_add (argv, g_strdup (tool));

  /* Each source alone with hostile notes, and all of them together. */
  for (guint i = 0; i <= documents->len; i++)
    {
      g_autoptr(GPtrArray) subset = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(PxComparison) comparison = NULL;
      g_autoptr(GPtrArray) annotations = NULL;
      g_autofree char *html = NULL;
      g_autofree char *path = g_strdup_printf ("%s/report-%02u.html", dir, i);
      gsize length;

      for (guint k = 0; k < documents->len; k++)
        if (i == documents->len || k == i)
          g_ptr_array_add (subset, g_object_ref (g_ptr_array_index (documents, k)));
      comparison = compare (subset);
      annotations = hostile_annotations (subset);
      html = px_export_html_string (comparison, annotations, &length);
      g_assert_true (g_file_set_contents (path, html, length, NULL));
      g_ptr_array_add (argv, g_steal_pointer (&path));
    }
  g_ptr_array_add (argv, NULL);

  /* The checker's own failure (the browser gave no answer, on a loaded
   * machine: a Python traceback) is no verdict: it runs once more. A
   * script that ran is a verdict ("SCRIPT RAN"), never retried. */
  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, &error));
      g_assert_no_error (error);
      if (g_spawn_check_wait_status (status, NULL) || strstr (err, "Traceback") == NULL)
        break;
      g_test_message ("html-script-check gave no verdict, again:\n%s", err);
    }
  g_test_message ("%s", out);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("html-script-check failed:\n%s%s", out, err);

  /* A control: the checker does see a script when there is one. */
  {
    g_autofree char *control = g_build_filename (dir, "control.html", NULL);
    const char *control_argv[] = { python, tool, control, NULL };
    g_autofree char *control_out = NULL;

    g_assert_true (g_file_set_contents (control, "<!DOCTYPE html><title>c</title><script>console.log(1)</script>", -1, NULL));
    g_assert_true (g_spawn_sync (NULL, (char **)control_argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &control_out, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (control_out, "SCRIPT RAN"));
    g_unlink (control);
  }

  for (guint i = 2; i + 1 < argv->len; i++)
    g_unlink (g_ptr_array_index (argv, i));
  g_rmdir (dir);
}

/* The report of the examples is valid HTML5 (html-validate, when installed:
 * PX_HTML_VALIDATE or html-validate in PATH). */
static void
test_html_validate (void)
{
  g_autofree char *validator = g_strdup (g_getenv ("PX_HTML_VALIDATE"));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *html = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(PxComparison) comparison = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[4] = { NULL };
  gsize length;
  int status = 0;

  if (validator == NULL)
    validator = g_find_program_in_path ("html-validate");
  if (validator == NULL)
    {
      g_test_skip ("html-validate is not installed (npm install html-validate; set PX_HTML_VALIDATE)");
      return;
    }

  dir = g_dir_make_tmp ("px-validate-XXXXXX", NULL);
  path = g_build_filename (dir, "report.html", NULL);
  documents = load_examples ();
  comparison = compare (documents);
  annotations = hostile_annotations (documents);
  html = px_export_html_string (comparison, annotations, &length);
  g_assert_true (g_file_set_contents (path, html, length, NULL));

  argv[0] = validator;
  argv[1] = path;
  g_assert_true (g_spawn_sync (dir, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("html-validate:\n%s%s", out, err);

  g_unlink (path);
  g_rmdir (dir);
}

/* F5: many annotations in one paragraph — nested, side by side, chained —
 * each keeps its badge, and no words are wrapped in more than 16 marks
 * (the report grew with the square of the nesting). */
typedef enum
{
  SHAPE_NESTED,     /* [i, L - i) */
  SHAPE_DISJOINT,   /* one word each */
  SHAPE_CHAINED,    /* each overlaps the next ones */
} Shape;

static void
test_many_annotations (void)
{
  static const struct {
    Shape shape;
    guint n;
  } cases[] = {
    { SHAPE_NESTED, 400 },
    { SHAPE_DISJOINT, 3000 },
    { SHAPE_CHAINED, 2000 },
  };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxComparison) comparison = NULL;
  PxDocument *document;
  g_autofree char *plain = NULL;
  guint legend_marks = 0;

  /* One paragraph of 3000 sentences of 12 bytes. */
  for (guint i = 0; i < 3000; i++)
    g_string_append (text, "Alpha beta. ");
  document = px_import_text (text->str, text->len, "one-paragraph.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (px_document_get_n_paragraphs (document), ==, 1);
  g_ptr_array_add (documents, document);
  comparison = compare (documents);
  /* With annotations, the legend shows a mark per label. */
  {
    g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);

    g_ptr_array_add (one, px_annotation_new (document, 0, 5, PX_LABEL_CHECK));
    plain = px_export_html_string (comparison, one, NULL);
    for (const char *p = strstr (plain, "<mark "); p != NULL; p = strstr (p + 1, "<mark "))
      legend_marks++;
    legend_marks--;
  }

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *html = NULL;
      gsize length = 0;
      guint depth = 0, max_depth = 0, n_marks = 0;
      guint *badges = NULL;
      guint *entries = NULL;
      guint length_text = px_document_get_segment (document, px_document_get_n_segments (document) - 1)->end;

      for (guint i = 0; i < cases[c].n; i++)
        {
          guint start = 0, end = 0;

          switch (cases[c].shape)
            {
            case SHAPE_NESTED:
              start = i * 12;
              end = length_text - i * 12;
              break;
            case SHAPE_DISJOINT:
              start = i * 12;
              end = start + 5;
              break;
            case SHAPE_CHAINED:
              start = i * 6;
              end = start + 600;
              break;
            }
          g_ptr_array_add (annotations, px_annotation_new (document, start, end, PX_LABEL_CHECK));
        }
      html = px_export_html_string (comparison, annotations, &length);

      /* One pass (the report is large): marks and their nesting, badges
       * and note entries by number. */
      badges = g_new0 (guint, cases[c].n + 2);
      entries = g_new0 (guint, cases[c].n + 2);
      for (gsize k = 0; k < length; k++)
        {
          const char *p = html + k;
          gsize left = length - k;
          guint *counts = NULL;
          gsize skip = 0;

          if (left >= 6 && memcmp (p, "<mark ", 6) == 0)
            {
              n_marks++;
              depth++;
              max_depth = MAX (max_depth, depth);
            }
          else if (left >= 7 && memcmp (p, "</mark>", 7) == 0)
            depth--;
          else if (left >= 8 && memcmp (p, "id=\"ann-", 8) == 0)
            counts = badges, skip = 8;
          else if (left >= 9 && memcmp (p, "id=\"note-", 9) == 0)
            counts = entries, skip = 9;
          if (counts != NULL)
            {
              guint number = 0;

              for (k += skip; k < length && g_ascii_isdigit (html[k]); k++)
                number = number * 10 + (html[k] - '0');
              g_assert_cmpuint (number, >=, 1);
              g_assert_cmpuint (number, <=, cases[c].n);
              counts[number]++;
            }
        }
      g_test_message ("shape %u: %u marks, nested %u deep, %" G_GSIZE_FORMAT " bytes", c, n_marks, max_depth, length);
      g_assert_cmpuint (depth, ==, 0);
      g_assert_cmpuint (max_depth, <=, 16);
      if (cases[c].shape == SHAPE_DISJOINT)
        g_assert_cmpuint (n_marks, ==, cases[c].n + legend_marks);
      for (guint i = 1; i <= cases[c].n; i++)
        {
          g_assert_cmpuint (badges[i], ==, 1);
          g_assert_cmpuint (entries[i], ==, 1);
        }
      g_clear_pointer (&badges, g_free);
      g_clear_pointer (&entries, g_free);
    }
}

/* The report marks, of a pair whose detail differs, the detail (the
 * facts in the changed words), not the words around it, nor a name
 * written two ways ("Kassym-Jomart", "Kassym-Zhomart"). */
static void
test_differing_detail (void)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new ();
  g_autoptr(PxComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  const char *texts[] = {
    "Mayor Anna Lind won 61.31 percent of the votes in Sunday's election, the election commission said.\n",
    "Anna Lind was re-elected mayor with 62.45 percent of the votes, according to an exit poll.\n",
    "President Kassym-Jomart Tokayev won 81.31 percent of the votes, the commission said.\n",
    "President Kassym-Zhomart Tokayev won 82.45 percent of the votes, an exit poll showed.\n",
  };
  gsize length;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *text = g_strconcat (texts[i], "\n", texts[i + 2], NULL);
      PxDocument *document = px_import_text (text, strlen (text), "test.txt", &error);

      g_assert_no_error (error);
      g_ptr_array_add (documents, document);
    }
  comparison = px_comparison_new (documents, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  html = px_export_html_string (comparison, annotations, &length);
  g_assert_nonnull (strstr (html, "class=\"diff\">61.31<"));
  g_assert_nonnull (strstr (html, "class=\"diff\">62.45<"));
  /* the legend's sample, and the two values: no word around them */
  for (const char *p = strstr (html, "class=\"diff\">"); p != NULL; p = strstr (p + 1, "class=\"diff\">"))
    g_assert_true (g_str_has_prefix (p, "class=\"diff\">61.31<") || g_str_has_prefix (p, "class=\"diff\">62.45<") ||
                   g_str_has_prefix (p, "class=\"diff\">81.31<") || g_str_has_prefix (p, "class=\"diff\">82.45<") ||
                   g_str_has_prefix (p, "class=\"diff\">81.2%<"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/export-html/examples", test_examples);
  g_test_add_func ("/core/export-html/differing-detail", test_differing_detail);
  g_test_add_func ("/core/export-html/xss-corpus", test_xss_corpus);
  g_test_add_func ("/core/export-html/hostile-session", test_hostile_session);
  g_test_add_func ("/core/export-html/cli-session", test_cli_session);
  g_test_add_func ("/core/export-html/chromium-runs-no-script", test_chromium_runs_no_script);
  g_test_add_func ("/core/export-html/html-validate", test_html_validate);
  g_test_add_func ("/core/export-html/many-annotations", test_many_annotations);

  return g_test_run ();
}
