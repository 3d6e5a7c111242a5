/* test-office.c: Word (.docx) and OpenDocument (.odt) files, and hostile zips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files are written here with libarchive: the parts a test names, in
 * a zip with deflate, as office suites write them.
 */
#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "parallax-core.h"
#include "px-seed-compare.h"
#include "px-zip-private.h"

typedef struct
{
  const char *path;
  const char *data;
} Part;

static la_ssize_t
write_cb (struct archive *ar,
          void           *user_data,
          const void     *buffer,
          size_t          length)
{
  g_byte_array_append (user_data, buffer, length);
  return length;
}

static void
add_entry (struct archive *ar,
           const char     *path,
           const char     *data,
           gsize           length)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, path);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, length);
  g_assert_cmpint (archive_write_header (ar, entry), ==, ARCHIVE_OK);
  if (length > 0)
    g_assert_cmpint (archive_write_data (ar, data, length), ==, (la_ssize_t)length);
  archive_entry_free (entry);
}

static struct archive *
zip_begin (GByteArray *out)
{
  struct archive *ar = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (ar), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_set_options (ar, "zip:compression=deflate"), ==, ARCHIVE_OK);
  /* no padding to a 10 KiB block: the zip ends where its directory ends */
  g_assert_cmpint (archive_write_set_bytes_in_last_block (ar, 1), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open (ar, out, NULL, write_cb, NULL), ==, ARCHIVE_OK);
  return ar;
}

static GBytes *
zip_end (struct archive *ar,
         GByteArray     *out)
{
  g_assert_cmpint (archive_write_close (ar), ==, ARCHIVE_OK);
  archive_write_free (ar);
  return g_byte_array_free_to_bytes (out);
}

static GBytes *
write_zip (const Part *parts,
           guint       n_parts)
{
  GByteArray *out = g_byte_array_new ();
  struct archive *ar = zip_begin (out);

  for (guint i = 0; i < n_parts; i++)
    add_entry (ar, parts[i].path, parts[i].data, strlen (parts[i].data));
  return zip_end (ar, out);
}

static PxDocument *
import_zip (const Part  *parts,
            guint        n_parts,
            const char  *origin,
            GError     **error)
{
  g_autoptr(GBytes) bytes = write_zip (parts, n_parts);

  return px_import_bytes (bytes, origin, NULL, error);
}

/* The paragraphs as "kind|text" lines. */
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

#define W_DOCUMENT(body) \
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" \
  "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"" \
  " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"" \
  " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>" \
  body "<w:sectPr/></w:body></w:document>"

static const char docx_styles[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
  "<w:style w:type=\"paragraph\" w:styleId=\"Standard\"><w:name w:val=\"Normal\"/></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Titel\"><w:name w:val=\"Title\"/></w:style>"
  /* a localized id: what counts is the name, or what the style is based on */
  "<w:style w:type=\"paragraph\" w:styleId=\"berschrift1\"><w:name w:val=\"heading 1\"/></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Zwischentitel\"><w:name w:val=\"Zwischentitel\"/>"
  "<w:basedOn w:val=\"berschrift1\"/></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Zitat\"><w:name w:val=\"Quote\"/></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Listenabsatz\"><w:name w:val=\"List Paragraph\"/></w:style>"
  "</w:styles>";

static const char docx_footnotes[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<w:footnotes xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
  "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
  "<w:footnote w:id=\"1\"><w:p><w:r><w:t>The figure is the commission's own.</w:t></w:r></w:p></w:footnote>"
  "</w:footnotes>";

static const char docx_core[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
  " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
  "<dc:title>Turnout passes 60 per cent</dc:title><dc:creator>Anna Petrova</dc:creator>"
  "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2022-11-20T09:15:00Z</dcterms:created>"
  "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2022-11-21T10:00:00Z</dcterms:modified>"
  "</cp:coreProperties>";

static void
test_docx_structure (void)
{
  static const char body[] = W_DOCUMENT (
    "<w:p><w:pPr><w:pStyle w:val=\"Titel\"/></w:pPr><w:r><w:t>Turnout passes 60 per cent</w:t></w:r></w:p>"
    "<w:p><w:r><w:t xml:space=\"preserve\">Voting ended at </w:t></w:r>"
    "<w:r><w:rPr><w:b/></w:rPr><w:t>8 pm</w:t></w:r><w:r><w:t xml:space=\"preserve\"> on Sunday</w:t></w:r>"
    "<w:del><w:r><w:delText> (deleted)</w:delText></w:r></w:del>"
    "<w:ins><w:r><w:t xml:space=\"preserve\"> in all regions</w:t></w:r></w:ins>"
    "<w:r><w:t>.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"berschrift1\"/></w:pPr><w:r><w:t>Results</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"Zwischentitel\"/></w:pPr><w:r><w:t>By region</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"Zitat\"/></w:pPr><w:r><w:t>“We are satisfied,” he said.</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"Listenabsatz\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
    "<w:r><w:t>Astana: 64 per cent</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
    "<w:hyperlink r:id=\"rId5\"><w:r><w:t>Almaty</w:t></w:r></w:hyperlink><w:r><w:t>:</w:t></w:r>"
    "<w:r><w:tab/><w:t>58 per cent</w:t></w:r></w:p>"
    "<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>Cell one.</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>Cell two.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    "<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Inside a content control.</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    "<w:p><w:r><w:t xml:space=\"preserve\">   </w:t></w:r></w:p>"
    /* markup-compatibility alternatives: one of them, not both */
    "<w:p><w:r><w:t xml:space=\"preserve\">Read once</w:t></w:r>"
    "<mc:AlternateContent><mc:Choice Requires=\"w14\"><w:r><w:t>, new form</w:t></w:r></mc:Choice>"
    "<mc:Fallback><w:r><w:t>, old form</w:t></w:r></mc:Fallback></mc:AlternateContent>"
    "<w:r><w:t>.</w:t></w:r></w:p>");
  const Part parts[] = {
    { "[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>" },
    { "word/document.xml", body },
    { "word/styles.xml", docx_styles },
    { "word/footnotes.xml", docx_footnotes },
    { "docProps/core.xml", docx_core },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = import_zip (parts, G_N_ELEMENTS (parts), "/tmp/press release.docx", &error);
  g_autofree char *described = NULL;

  g_assert_no_error (error);
  described = describe_paragraphs (document);
  g_assert_cmpstr (described, ==,
                   "heading|Turnout passes 60 per cent\n"
                   "text|Voting ended at 8 pm on Sunday in all regions.\n"
                   "heading|Results\n"
                   "heading|By region\n"
                   "quote|“We are satisfied,” he said.\n"
                   "list-item|Astana: 64 per cent\n"
                   "list-item|Almaty: 58 per cent\n"
                   "text|Cell one.\n"
                   "text|Cell two.\n"
                   "text|Inside a content control.\n"
                   "text|Read once, old form.\n"
                   "text|The figure is the commission's own.\n");
  g_assert_cmpstr (px_document_get_title (document), ==, "Turnout passes 60 per cent");
  g_assert_cmpstr (px_document_get_byline (document), ==, "Anna Petrova");
  g_assert_cmpstr (px_document_get_date (document), ==, "2022-11-20");
  g_assert_cmpstr (px_document_get_format (document), ==, "docx");
  g_assert_cmpstr (px_document_get_origin (document), ==, "/tmp/press release.docx");
}

/* No styles.xml: the style ids themselves are read. */
static void
test_docx_style_ids (void)
{
  static const char body[] = W_DOCUMENT (
    "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>Background</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"IntenseQuote\"/></w:pPr><w:r><w:t>A quote.</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr><w:r><w:t>Outlined</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/></w:pPr><w:r><w:t>An item</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr><w:r><w:t>Body.</w:t></w:r></w:p>");
  const Part parts[] = { { "word/document.xml", body } };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = import_zip (parts, G_N_ELEMENTS (parts), "ids.docx", &error);
  g_autofree char *described = NULL;

  g_assert_no_error (error);
  described = describe_paragraphs (document);
  g_assert_cmpstr (described, ==,
                   "heading|Background\nquote|A quote.\nheading|Outlined\nlist-item|An item\ntext|Body.\n");
  g_assert_null (px_document_get_byline (document));
}

#define ODF_OFFICE "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
#define ODF_TEXT "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
#define ODF_STYLE "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
#define ODF_TABLE "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
#define ODF_DRAW "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""

static void
test_odt_structure (void)
{
  static const char content[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<office:document-content " ODF_OFFICE " " ODF_TEXT " " ODF_STYLE " " ODF_TABLE " " ODF_DRAW " office:version=\"1.3\">"
    "<office:automatic-styles><style:style style:name=\"P1\" style:family=\"paragraph\""
    " style:parent-style-name=\"Quotations\"/></office:automatic-styles>"
    "<office:body><office:text><text:sequence-decls/>"
    "<text:p text:style-name=\"Title\">Turnout passes 60 per cent</text:p>"
    "<text:p text:style-name=\"Standard\">Voting ended at <text:span>8 pm</text:span> on Sunday."
    "<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
    "<text:note-body><text:p>The figure is the commission's own.</text:p></text:note-body></text:note>"
    " Counting<text:s text:c=\"3\"/>began at once.</text:p>"
    "<text:h text:outline-level=\"2\">Results</text:h>"
    "<text:p text:style-name=\"P1\">“We are satisfied,” he said.</text:p>"
    "<text:list><text:list-item><text:p>Astana: 64 per cent</text:p></text:list-item>"
    "<text:list-item><text:p>Almaty:<text:tab/>58 per cent</text:p></text:list-item></text:list>"
    "<text:section><table:table><table:table-row><table:table-cell><text:p>Cell one.</text:p></table:table-cell>"
    "</table:table-row></table:table></text:section>"
    "<text:p><draw:frame><draw:text-box><text:p>In a frame</text:p></draw:text-box></draw:frame>After a frame.</text:p>"
    "</office:text></office:body></office:document-content>";
  static const char meta[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<office:document-meta " ODF_OFFICE " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><office:meta>"
    "<meta:initial-creator>Anna Petrova</meta:initial-creator><dc:creator>Editor</dc:creator>"
    "<meta:creation-date>2022-11-20T09:15:00</meta:creation-date><dc:date>2022-11-22T08:00:00</dc:date>"
    "<dc:title>Turnout</dc:title></office:meta></office:document-meta>";
  const Part parts[] = {
    { "mimetype", "application/vnd.oasis.opendocument.text" },
    { "content.xml", content },
    { "meta.xml", meta },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = import_zip (parts, G_N_ELEMENTS (parts), "statement.odt", &error);
  g_autofree char *described = NULL;

  g_assert_no_error (error);
  described = describe_paragraphs (document);
  g_assert_cmpstr (described, ==,
                   "heading|Turnout passes 60 per cent\n"
                   "text|Voting ended at 8 pm on Sunday. Counting began at once.\n"
                   "heading|Results\n"
                   "quote|“We are satisfied,” he said.\n"
                   "list-item|Astana: 64 per cent\n"
                   "list-item|Almaty: 58 per cent\n"
                   "text|Cell one.\n"
                   "text|After a frame.\n"
                   "text|The figure is the commission's own.\n");
  g_assert_cmpstr (px_document_get_title (document), ==, "Turnout");
  g_assert_cmpstr (px_document_get_byline (document), ==, "Anna Petrova");
  g_assert_cmpstr (px_document_get_date (document), ==, "2022-11-20");
  g_assert_cmpstr (px_document_get_format (document), ==, "odt");
}

typedef struct
{
  const char *name;
  const char *path;       /* the part */
  const char *data;
  int         code;
  const char *message;    /* a part of the message */
} RefusedCase;

static const RefusedCase refused_cases[] = {
  { "dtd-external-entity", "word/document.xml",
    "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
    "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>",
    PX_ERROR_HOSTILE, "document type (DTD)" },
  { "dtd-entity-bomb-in-core", "docProps/core.xml",
    "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
    "<cp:coreProperties xmlns:cp=\"x\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>&lol2;</dc:title>"
    "</cp:coreProperties>",
    PX_ERROR_HOSTILE, "docProps/core.xml" },
  { "odt-dtd", "content.xml",
    "<?xml version=\"1.0\"?><!DOCTYPE office:document-content SYSTEM \"http://example.com/x.dtd\">"
    "<office:document-content " ODF_OFFICE "/>",
    PX_ERROR_HOSTILE, "document type (DTD)" },
  { "not-xml", "word/document.xml", "<w:document><w:body>", PX_ERROR_INVALID_INPUT, "not well-formed" },
  { "no-body", "word/document.xml",
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>",
    PX_ERROR_INVALID_INPUT, "no body" },
  { "empty-docx", "word/document.xml", W_DOCUMENT ("<w:p/>"), PX_ERROR_EMPTY, "holds no text" },
  { "other-zip", "notes/readme.txt", "Hello.", PX_ERROR_INVALID_INPUT, "not a Word (.docx) or OpenDocument" },
  { "spreadsheet", "mimetype", "application/vnd.oasis.opendocument.spreadsheet", PX_ERROR_INVALID_INPUT,
    "not a text document" },
  /* found by fuzz-import-office: an empty type crashed the message */
  { "empty-mimetype", "mimetype", "", PX_ERROR_INVALID_INPUT, "of type “?”" },
};

static void
test_refused (gconstpointer data)
{
  const RefusedCase *tc = data;
  const Part parts[] = {
    { tc->path, tc->data },
    { "word/document.xml", W_DOCUMENT ("<w:p><w:r><w:t>Text.</w:t></w:r></w:p>") },
  };
  /* a second document part only when the case is about another part */
  guint n_parts = g_str_has_prefix (tc->path, "docProps/") ? 2 : 1;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = import_zip (parts, n_parts, "/home/u/hostile.docx", &error);

  g_assert_null (document);
  g_assert_error (error, PX_ERROR, tc->code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“hostile.docx”"));
  g_assert_nonnull (strstr (error->message, tc->message));
}

/* A part that inflates past the 64 MiB import limit, and one far past
 * the expansion ratio: both refused while inflating, not after. */
static void
test_zip_bomb (void)
{
  static const struct { gsize size; } bombs[] = { { 80 * 1024 * 1024 }, { 12 * 1024 * 1024 } };

  for (guint b = 0; b < G_N_ELEMENTS (bombs); b++)
    {
      GByteArray *out = g_byte_array_new ();
      struct archive *ar = zip_begin (out);
      struct archive_entry *entry = archive_entry_new ();
      g_autofree char *zeros = g_malloc0 (1024 * 1024);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PxDocument) document = NULL;

      memset (zeros, ' ', 1024 * 1024);
      archive_entry_set_pathname (entry, "word/document.xml");
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      /* no size: libarchive writes a data descriptor, as a streaming writer would */
      g_assert_cmpint (archive_write_header (ar, entry), ==, ARCHIVE_OK);
      for (gsize written = 0; written < bombs[b].size; written += 1024 * 1024)
        g_assert_cmpint (archive_write_data (ar, zeros, 1024 * 1024), ==, 1024 * 1024);
      archive_entry_free (entry);
      bytes = zip_end (ar, out);
      g_test_message ("%zu MiB in %zu bytes", bombs[b].size / (1024 * 1024), g_bytes_get_size (bytes));
      g_assert_cmpuint (g_bytes_get_size (bytes) * PX_ZIP_MAX_RATIO, <, bombs[b].size);

      document = px_import_bytes (bytes, "bomb.docx", NULL, &error);
      g_assert_null (document);
      g_assert_error (error, PX_ERROR, PX_ERROR_HOSTILE);
      g_assert_nonnull (strstr (error->message, "expands to too much text"));
    }
}

static void
test_zip_entries (void)
{
  GByteArray *out = g_byte_array_new ();
  struct archive *ar = zip_begin (out);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;

  for (guint i = 0; i <= PX_ZIP_MAX_ENTRIES; i++)
    {
      g_autofree char *path = g_strdup_printf ("media/%u", i);

      add_entry (ar, path, "", 0);
    }
  bytes = zip_end (ar, out);
  document = px_import_bytes (bytes, "many.docx", NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PX_ERROR, PX_ERROR_HOSTILE);
  g_assert_nonnull (strstr (error->message, "more than 10000 parts"));
}

static void
test_zip_damaged (void)
{
  const Part parts[] = { { "word/document.xml", W_DOCUMENT ("<w:p><w:r><w:t>Some text here.</w:t></w:r></w:p>") } };
  g_autoptr(GBytes) whole = write_zip (parts, 1);
  gsize length = g_bytes_get_size (whole);

  /* cut before the central directory, and in the middle of the deflated part */
  for (gsize cut = 30; cut < length; cut += length / 5)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_from_bytes (whole, 0, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(PxDocument) document = px_import_bytes (bytes, "cut.docx", NULL, &error);

      g_test_message ("cut at %zu of %zu: %s", cut, length, error != NULL ? error->message : "read");

      g_assert_null (document);
      g_assert_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "“cut.docx”"));
    }
}

/* Each seed article written as a DOCX (one paragraph a line, the first
 * a title when the text file's first line reads as a heading) and as an
 * ODT reads to the same sentences as the text file. */
static char *
escape_line (const char *line)
{
  return g_markup_escape_text (line, -1);
}

static GBytes *
seed_to_office (const char *text,
                gboolean    odt,
                gboolean    title)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) xml = g_string_new (NULL);
  gboolean first = title;

  if (odt)
    g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " ODF_OFFICE " " ODF_TEXT
                     "><office:body><office:text>");
  else
    g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
                     "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;

      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      escaped = escape_line (lines[i]);
      if (odt)
        g_string_append_printf (xml, "<text:p text:style-name=\"%s\">%s</text:p>", first ? "Title" : "Text_20_body",
                                escaped);
      else
        g_string_append_printf (xml, "<w:p>%s<w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>",
                                first ? "<w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>" : "", escaped);
      first = FALSE;
    }
  g_string_append (xml, odt ? "</office:text></office:body></office:document-content>" : "</w:body></w:document>");
  {
    const Part docx[] = { { "word/document.xml", xml->str } };
    const Part odf[] = { { "mimetype", "application/vnd.oasis.opendocument.text" }, { "content.xml", xml->str } };

    return odt ? write_zip (odf, 2) : write_zip (docx, 1);
  }
}

static void
test_seeds (gconstpointer data)
{
  gboolean odt = GPOINTER_TO_INT (data);
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
      g_autoptr(GBytes) office = NULL;
      g_autoptr(PxDocument) document = NULL;
      g_autofree char *office_name = NULL;
      g_autofree char *raw = NULL;
      double identity;

      g_assert_no_error (error);
      /* the file's own lines (the seeds are UTF-8), not the engine's reading of them */
      g_assert_true (g_file_get_contents (path, &raw, NULL, NULL));
      g_strdelimit (raw, "\r", '\n');
      /* the first line styled as a title when the text file reads it as one */
      office = seed_to_office (raw, odt,
                               px_document_get_n_segments (reference) > 0 &&
                               px_document_get_segment (reference, 0)->kind == PX_SEGMENT_HEADING);
      office_name = g_strconcat (path, odt ? ".odt" : ".docx", NULL);
      /* tests/bench/bench-formats.py keeps the files to compare whole comparisons */
      if (g_getenv ("PX_TEST_KEEP_OFFICE") != NULL)
        {
          g_autofree char *base = g_path_get_basename (office_name);
          g_autofree char *kept = g_build_filename (g_getenv ("PX_TEST_KEEP_OFFICE"), base, NULL);

          g_assert_true (g_file_set_contents (kept, g_bytes_get_data (office, NULL), g_bytes_get_size (office), NULL));
        }
      document = px_import_bytes (office, office_name, NULL, &error);
      g_assert_no_error (error);
      identity = px_test_sentence_identity (reference, document);
      g_test_message ("%s: %.1f%% of %u sentences identical", office_name, identity * 100,
                      px_document_get_n_segments (reference));
      g_assert_cmpfloat (identity, >=, 0.98);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/office/docx/structure", test_docx_structure);
  g_test_add_func ("/core/office/docx/style-ids", test_docx_style_ids);
  g_test_add_func ("/core/office/odt/structure", test_odt_structure);
  for (guint i = 0; i < G_N_ELEMENTS (refused_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/office/refused/%s", refused_cases[i].name);

      g_test_add_data_func (path, &refused_cases[i], test_refused);
    }
  g_test_add_func ("/core/office/zip/bomb", test_zip_bomb);
  g_test_add_func ("/core/office/zip/entries", test_zip_entries);
  g_test_add_func ("/core/office/zip/damaged", test_zip_damaged);
  g_test_add_data_func ("/core/office/seeds/docx", GINT_TO_POINTER (FALSE), test_seeds);
  g_test_add_data_func ("/core/office/seeds/odt", GINT_TO_POINTER (TRUE), test_seeds);

  return g_test_run ();
}
