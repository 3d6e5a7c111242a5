/* test-pdf.c: PDF import — paragraphs from line geometry, hyphens, running
 * headers and footers, metadata, refused files, the seeds as PDFs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDFs are typeset here with cairo (px-pdf-writer.h) or, for the
 * files cairo cannot make (encrypted), written object by object.
 */
#include "config.h"

#include <string.h>

#include "parallax-core.h"
#include "px-pdf-writer.h"
#include "px-seed-compare.h"

static char *
describe_paragraphs (PxDocument *document)
{
  GString *out = g_string_new (NULL);
  const char *text = px_document_get_text (document, NULL);

  for (guint i = 0; i < px_document_get_n_paragraphs (document); i++)
    {
      const PxParagraph *para = px_document_get_paragraph (document, i);

      g_string_append_printf (out, "%s|%.*s\n", px_paragraph_kind_to_string (para->kind),
                              (int)(para->end - para->start), text + para->start);
    }
  return g_string_free (out, FALSE);
}

static PxDocument *
import_pdf (GBytes      *bytes,
            const char  *origin,
            GError     **error)
{
  return px_import_bytes (bytes, origin, NULL, error);
}

static const char * const article[] = {
  "Turnout passes 60 per cent in the presidential election",
  "Voting ended at 8 pm on Sunday in all regions, the Central Election Commission said. "
  "Observers from the organization described the atmosphere at polling stations as calm and orderly, "
  "although several international representatives noted irregularities in the counting procedures.",
  "“We are satisfied with the organization of the vote,” the commission's chairman told journalists "
  "in the capital. He added that the preliminary results would be published on Monday morning.",
  "Six candidates were in the running. The incumbent president is widely expected to win a second term, "
  "according to independent pollsters and parliamentary commentators.",
  "Counting began immediately after the polls closed, and the commission promised transparency "
  "throughout the process, including live broadcasts from several regional counting centres.",
  NULL,
};

static const char expected_article[] =
  "heading|Turnout passes 60 per cent in the presidential election\n"
  "text|Voting ended at 8 pm on Sunday in all regions, the Central Election Commission said. "
  "Observers from the organization described the atmosphere at polling stations as calm and orderly, "
  "although several international representatives noted irregularities in the counting procedures.\n"
  "text|“We are satisfied with the organization of the vote,” the commission's chairman told journalists "
  "in the capital. He added that the preliminary results would be published on Monday morning.\n"
  "text|Six candidates were in the running. The incumbent president is widely expected to win a second term, "
  "according to independent pollsters and parliamentary commentators.\n"
  "text|Counting began immediately after the polls closed, and the commission promised transparency "
  "throughout the process, including live broadcasts from several regional counting centres.\n";

typedef struct
{
  const char  *name;
  PxPdfLayout  layout;
} LayoutCase;

static const LayoutCase layout_cases[] = {
  { "plain", { 0 } },
  { "hyphenated", { .hyphenate = TRUE } },
  { "indented", { .indent = TRUE, .hyphenate = TRUE } },
  { "two-columns", { .two_columns = TRUE, .hyphenate = TRUE } },
  /* short pages: the article runs over five or six, each with the same
   * header and a numbered footer */
  { "running-header-footer", { .hyphenate = TRUE, .header = "The Election Monitor — Special report",
                               .footer = "Page ", .page_height = 240 } },
  { "bare-page-numbers", { .two_columns = TRUE, .hyphenate = TRUE, .footer = "", .page_height = 300 } },
};

static void
test_layout (gconstpointer data)
{
  const LayoutCase *tc = data;
  g_autoptr(GBytes) pdf = px_pdf_write (article, TRUE, &tc->layout);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = import_pdf (pdf, "/tmp/report.pdf", &error);
  g_autofree char *described = NULL;

  g_assert_no_error (error);
  described = describe_paragraphs (document);
  g_assert_cmpstr (described, ==, expected_article);
  g_assert_cmpstr (px_document_get_format (document), ==, "pdf");
  /* no metadata title: the heading is the title */
  g_assert_cmpstr (px_document_get_title (document), ==, article[0]);
}

static void
test_metadata (void)
{
  PxPdfLayout layout = { .meta_title = "Turnout passes 60 per cent", .meta_date = "2022-11-20T10:00:00" };
  g_autoptr(GBytes) pdf = px_pdf_write (article, TRUE, &layout);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = import_pdf (pdf, "report.pdf", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (document), ==, "Turnout passes 60 per cent");
  g_assert_cmpstr (px_document_get_date (document), ==, "2022-11-20");
}

/* A creation date poppler cannot read whole ("2022112010000=Z", as the
 * fuzzer found it) is read as far as it goes, and poppler's complaint about
 * it is no warning on the user's terminal (the fuzzer aborts on one). */
static void
test_bad_date_quiet (void)
{
  PxPdfLayout layout = { .meta_title = "Turnout passes 60 per cent", .meta_date = "2022-11-20T10:00:00Z" };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;
  g_autofree char *bytes = NULL;
  gsize n;
  char *date;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr_unmatched ("*Poppler*");
      return;
    }
  /* as in Parallax, not in a test: warnings are not fatal */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  pdf = px_pdf_write (article, TRUE, &layout);
  n = g_bytes_get_size (pdf);
  bytes = g_memdup2 (g_bytes_get_data (pdf, NULL), n);
  /* cairo writes "(20221120100000Z)": the last digit becomes "=" */
  for (date = bytes; date + 17 <= bytes + n && memcmp (date, "(20221120100000Z)", 17) != 0; date++)
    ;
  g_assert_true (date + 17 <= bytes + n);
  date[14] = '=';
  bad = g_bytes_new_take (g_steal_pointer (&bytes), n);
  document = import_pdf (bad, "report.pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (document), ==, "Turnout passes 60 per cent");
  g_assert_cmpstr (px_document_get_date (document), ==, "2022-11-20");
}

/* A line-end hyphen in a compound the text writes whole elsewhere stays;
 * one that splits a word goes. */
static void
test_compound_hyphen (void)
{
  static const char * const paragraphs[] = {
    "Kazakhstan should pursue a multi-vector policy, the president said, and he repeated it twice "
    "to the assembled journalists: a consistent and balanced multi-vector approach to foreign policy, "
    "with a multi-vector outlook on trade and a multi-vector view of security.",
    NULL,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;
  g_autofree char *described = NULL;
  guint n_compound_breaks = 0;

  /* find a type size that ends a line after "multi-" */
  for (double size = 9.0; size < 14.0 && n_compound_breaks == 0; size += 0.1)
    {
      PxPdfLayout layout = { .font_size = size, .break_at_hyphens = TRUE, .n_compound_breaks = &n_compound_breaks };
      g_autoptr(GBytes) pdf = px_pdf_write (paragraphs, FALSE, &layout);

      g_clear_object (&document);
      document = import_pdf (pdf, "compound.pdf", &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (n_compound_breaks, >, 0);
  described = describe_paragraphs (document);
  g_assert_cmpstr (described, ==, "text|Kazakhstan should pursue a multi-vector policy, the president said, and he "
                   "repeated it twice to the assembled journalists: a consistent and balanced multi-vector approach "
                   "to foreign policy, with a multi-vector outlook on trade and a multi-vector view of security.\n");
}

/* A PDF written object by object (cairo cannot encrypt); the offsets
 * in the cross-reference table are computed. */
static GBytes *
write_raw_pdf (const char * const *objects,
               const char         *trailer_extra)
{
  GString *out = g_string_new ("%PDF-1.4\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize xref;
  guint n = 0;

  for (; objects[n] != NULL; n++)
    {
      gsize offset = out->len;

      g_array_append_val (offsets, offset);
      g_string_append_printf (out, "%u 0 obj\n%s\nendobj\n", n + 1, objects[n]);
    }
  xref = out->len;
  g_string_append_printf (out, "xref\n0 %u\n0000000000 65535 f \n", n + 1);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%010zu 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (out, "trailer\n<< /Size %u /Root 1 0 R %s >>\nstartxref\n%zu\n%%%%EOF\n",
                          n + 1, trailer_extra, xref);
  return g_string_free_to_bytes (out);
}

static void
test_encrypted (void)
{
  static const char * const objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    /* RC4, revision 2, an owner and a user key that the empty password does not open */
    "<< /Filter /Standard /V 1 /R 2 /P -44"
    " /O <0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef>"
    " /U <fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210> >>",
    NULL,
  };
  g_autoptr(GBytes) pdf = write_raw_pdf (objects, "/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> "
                                         "<00112233445566778899aabbccddeeff>]");
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = import_pdf (pdf, "/tmp/secret.pdf", &error);

  g_assert_null (document);
  g_assert_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“secret.pdf” is an encrypted PDF"));
}

static void
test_image_only (void)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (px_pdf_write_cb, out, 595, 842);
  cairo_surface_t *scan = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 64);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;

  /* a "scanned" page: an image and nothing else, twice */
  for (int page = 0; page < 2; page++)
    {
      cairo_set_source_surface (cr, scan, 56, 56);
      cairo_paint (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (scan);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  pdf = g_byte_array_free_to_bytes (out);

  document = import_pdf (pdf, "scan.pdf", &error);
  g_assert_null (document);
  g_assert_error (error, PX_ERROR, PX_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "“scan.pdf” is a PDF without text (scanned pages or images only)"));
}

static void
test_damaged (void)
{
  static const char * const damaged[] = {
    "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R",
    "%PDF-1.4\nthis is not a PDF at all, only its first line\n",
  };
  PxPdfLayout layout = { 0 };
  g_autoptr(GBytes) whole = px_pdf_write (article, TRUE, &layout);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (whole, 0, 200);

  for (guint i = 0; i <= G_N_ELEMENTS (damaged); i++)
    {
      g_autoptr(GBytes) pdf = i < G_N_ELEMENTS (damaged) ? g_bytes_new_static (damaged[i], strlen (damaged[i]))
                                                         : g_bytes_ref (cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(PxDocument) document = import_pdf (pdf, "broken.pdf", &error);

      g_assert_null (document);
      g_test_message ("%s", error->message);
      g_assert_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "“broken.pdf” is a damaged PDF file"));
    }
}

/* Only a PDF goes to poppler: a text that quotes the magic stays a text;
 * a PDF after a few bytes of junk is still a PDF. */
static void
test_sniff (void)
{
  static const char text[] = "Files that start with %PDF-1.4 are PDFs, the clerk explained to the court.\n";
  PxPdfLayout layout = { 0 };
  g_autoptr(GBytes) pdf = px_pdf_write (article, TRUE, &layout);
  g_autoptr(GByteArray) junk = g_byte_array_new ();
  g_autoptr(GBytes) with_junk = NULL;
  g_autoptr(GBytes) quoted = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = import_pdf (quoted, "note.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_format (document), ==, "text");
  g_clear_object (&document);

  g_byte_array_append (junk, (const guint8 *)"\r\n\r\n", 4);
  g_byte_array_append (junk, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  with_junk = g_byte_array_free_to_bytes (g_steal_pointer (&junk));
  document = import_pdf (with_junk, "download", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_format (document), ==, "pdf");
}

/* Each seed article typeset as a PDF (hyphenated, half-height pages, so
 * that each runs over two pages or more, with a
 * running header and page numbers; and in two columns) reads to the same
 * sentences as the text file. */
static void
test_seeds (gconstpointer data)
{
  gboolean two_columns = GPOINTER_TO_INT (data);
  g_autoptr(GPtrArray) paths = px_test_seed_paths ();

  if (paths == NULL)
    {
      g_test_skip ("../shared/seeds is absent");
      return;
    }
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(PxDocument) reference = px_import_file (file, NULL, &error);
      g_autoptr(GPtrArray) paragraphs = g_ptr_array_new ();
      g_autofree char *raw = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(PxDocument) document = NULL;
      g_autofree char *pdf_name = g_strconcat (path, two_columns ? ".2col.pdf" : ".pdf", NULL);
      guint n_hyphenated = 0, n_compound_breaks = 0;
      PxPdfLayout layout = { .hyphenate = TRUE, .two_columns = two_columns,
                             .header = "Election coverage — Kazakhstan 2022", .footer = "Page ",
                             .page_height = 420, .n_hyphenated = &n_hyphenated, .break_at_hyphens = TRUE,
                             .n_compound_breaks = &n_compound_breaks };
      double identity;

      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &raw, NULL, NULL));
      g_strdelimit (raw, "\r", '\n');
      lines = g_strsplit (raw, "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        if (g_strstrip (lines[l])[0] != '\0')
          g_ptr_array_add (paragraphs, lines[l]);
      g_ptr_array_add (paragraphs, NULL);
      /* the first line set as a headline when the text file reads it as one */
      pdf = px_pdf_write ((const char * const *)paragraphs->pdata,
                          px_document_get_n_segments (reference) > 0 &&
                          px_document_get_segment (reference, 0)->kind == PX_SEGMENT_HEADING,
                          &layout);
      if (g_getenv ("PX_TEST_KEEP_PDF") != NULL)
        {
          g_autofree char *base = g_path_get_basename (pdf_name);
          g_autofree char *kept = g_build_filename (g_getenv ("PX_TEST_KEEP_PDF"), base, NULL);

          g_assert_true (g_file_set_contents (kept, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
        }
      document = import_pdf (pdf, pdf_name, &error);
      g_assert_no_error (error);
      identity = px_test_sentence_identity (reference, document);
      g_test_message ("%s: %.1f%% of %u sentences identical (%u words hyphenated at line ends, "
                      "%u compounds broken at their hyphen)", pdf_name,
                      identity * 100, px_document_get_n_segments (reference), n_hyphenated, n_compound_breaks);
      g_assert_cmpfloat (identity, >=, 0.98);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (layout_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/pdf/layout/%s", layout_cases[i].name);

      g_test_add_data_func (path, &layout_cases[i], test_layout);
    }
  g_test_add_func ("/core/pdf/metadata", test_metadata);
  g_test_add_func ("/core/pdf/bad-date-quiet", test_bad_date_quiet);
  g_test_add_func ("/core/pdf/sniff", test_sniff);
  g_test_add_func ("/core/pdf/compound-hyphen", test_compound_hyphen);
  g_test_add_func ("/core/pdf/refused/encrypted", test_encrypted);
  g_test_add_func ("/core/pdf/refused/image-only", test_image_only);
  g_test_add_func ("/core/pdf/refused/damaged", test_damaged);
  g_test_add_data_func ("/core/pdf/seeds/one-column", GINT_TO_POINTER (FALSE), test_seeds);
  g_test_add_data_func ("/core/pdf/seeds/two-columns", GINT_TO_POINTER (TRUE), test_seeds);

  status = g_test_run ();
  px_pdf_writer_cleanup ();
  return status;
}
