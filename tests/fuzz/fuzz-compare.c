/* fuzz-compare.c: two documents compared (facts, links, claims), then the
 * JSON and the HTML report, with annotations on both
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is split at its first NUL byte (or in the middle) into two
 * plain texts.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "px-fuzz.h"

static const char *labels[] = { PX_LABEL_KEY_CLAIM, PX_LABEL_CONTRADICTION, "my <own> label" };

/* Annotations on whole segments and on pairs of neighbouring ones, so that
 * they nest and overlap. */
static void
annotate (GPtrArray  *annotations,
          PxDocument *document)
{
  guint n = MIN (px_document_get_n_segments (document), 8);

  for (guint i = 0; i < n; i++)
    {
      const PxSegment *seg = px_document_get_segment (document, i);
      const PxSegment *next = i + 1 < n ? px_document_get_segment (document, i + 1) : seg;
      PxAnnotation *annotation;

      if (seg->end <= seg->start)
        continue;
      annotation = px_annotation_new (document, seg->start, seg->end, labels[i % G_N_ELEMENTS (labels)]);
      if (i % 2 == 0)
        px_annotation_set_note (annotation, "a note with <script>alert(1)</script> & \"quotes\"");
      g_ptr_array_add (annotations, annotation);
      if (next->end > seg->start && i % 3 == 1)
        g_ptr_array_add (annotations, px_annotation_new (document, seg->start, next->end, labels[2]));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *split = memchr (data, 0, size);
  gsize first = split != NULL ? (gsize)(split - data) : size / 2;
  gsize second_from = split != NULL ? first + 1 : first;
  g_autoptr(PxDocument) a = px_import_text ((const char *)data, first, "a.txt", NULL);
  g_autoptr(PxDocument) b = px_import_text ((const char *)data + second_from, size - second_from, "b.txt", NULL);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(PxComparison) comparison = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *html = NULL;
  gsize length = 0;

  if (a == NULL || b == NULL)
    return 0;

  documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (documents, g_object_ref (a));
  g_ptr_array_add (documents, g_object_ref (b));
  comparison = px_comparison_new (documents, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  json = px_export_json_string (comparison, FALSE, &length);
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, length, &error))
    g_error ("the JSON export does not parse: %s", error->message);

  annotations = g_ptr_array_new_with_free_func (g_object_unref);
  annotate (annotations, a);
  annotate (annotations, b);
  html = px_export_html_string (comparison, annotations, &length);
  g_assert (g_utf8_validate (html, length, NULL));
  g_assert (strstr (html, "<script") == NULL);
  return 0;
}
