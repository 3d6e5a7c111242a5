/* test-html.c: web-page import — metadata, boilerplate, charsets, hostile pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>

#include "parallax-core.h"

/* Three sentences of article text: enough for any page to have a body. */
#define ARTICLE \
  "<p>The harbour bridge in Marlow reopened to traffic on Monday, two years after engineers closed it because of cracks in its supports.</p>" \
  "<p>About 18,000 vehicles crossed the bridge every day before the closure, and the detour added up to forty minutes to many journeys.</p>" \
  "<p>The repairs cost 23.4 million euros, slightly more than the council had planned, and were paid for partly by a national fund.</p>"

#define FIRST_SENTENCE "The harbour bridge in Marlow reopened to traffic on Monday"

static PxDocument *
import_string (const char  *html,
               gssize       length,
               const char  *origin,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (html, length < 0 ? strlen (html) : (gsize)length);

  return px_import_bytes (bytes, origin, NULL, error);
}

static char *
page (const char *head,
      const char *body)
{
  return g_strdup_printf ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">%s</head>"
                          "<body>%s<article>" ARTICLE "</article></body></html>",
                          head, body);
}

static char *
fixture_path (const char *name)
{
  return g_build_filename (PX_TEST_SRCDIR, "fixtures", "html", name, NULL);
}

/* Metadata: one source each */

typedef enum { TITLE, BYLINE, DATE, SITE, URL } Field;

typedef struct
{
  const char *name;
  const char *head;
  const char *body;
  Field       field;
  const char *expected;   /* NULL: no value */
} MetaCase;

static const MetaCase meta_cases[] = {
  { "title/document", "<title>Bridge reopens after repairs in Marlow</title>", "", TITLE,
    "Bridge reopens after repairs in Marlow" },
  { "title/document-site-suffix", "<title>Bridge reopens after repairs in Marlow | The Courier</title>", "", TITLE,
    "Bridge reopens after repairs in Marlow" },
  { "title/document-site-prefix", "<title>Courier » Bridge reopens after repairs in Marlow</title>", "", TITLE,
    "Bridge reopens after repairs in Marlow" },
  { "title/og", "<title>Courier</title><meta property=\"og:title\" content=\"Bridge reopens\">", "", TITLE,
    "Bridge reopens" },
  { "title/dc-over-og", "<meta property=\"og:title\" content=\"OG\"><meta name=\"dc.title\" content=\"Dublin Core title\">",
    "", TITLE, "Dublin Core title" },
  { "title/twitter", "<meta name=\"twitter:title\" content=\"Bridge reopens on Monday\">", "", TITLE,
    "Bridge reopens on Monday" },
  { "title/json-ld-over-og",
    "<meta property=\"og:title\" content=\"OG title\">"
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"JSON-LD headline\"}</script>",
    "", TITLE, "JSON-LD headline" },
  { "title/json-ld-name-over-headline",
    "<title>Bridge reopens | The Courier</title><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
    "\"@type\":\"Article\",\"name\":\"Bridge reopens\",\"headline\":\"A bridge of steel, and a town relieved\"}</script>",
    "", TITLE, "Bridge reopens" },
  { "title/json-ld-headline-matching-title",
    "<title>Bridge reopens after repairs in Marlow | The Courier</title><script type=\"application/ld+json\">"
    "{\"@context\":\"https://schema.org\",\"@type\":\"Article\",\"name\":\"Courier story 1234\","
    "\"headline\":\"Bridge reopens after repairs in Marlow\"}</script>", "", TITLE,
    "Bridge reopens after repairs in Marlow" },
  { "title/en-dash-separator", "<title>Bridge reopens after repairs in Marlow – The Courier</title>", "", TITLE,
    "Bridge reopens after repairs in Marlow" },
  { "title/h1-when-title-short", "<title>News</title>", "<h1>Bridge reopens after two years of repairs</h1>", TITLE,
    "Bridge reopens after two years of repairs" },
  { "title/double-escaped", "<meta property=\"og:title\" content=\"Rock &amp;amp; roll &amp;#39;returns&amp;#39;\">", "",
    TITLE, "Rock & roll 'returns'" },
  { "title/none", "", "", TITLE, NULL },
  { "byline/meta-author", "<meta name=\"author\" content=\"Ada Brennan\">", "", BYLINE, "Ada Brennan" },
  { "byline/article-author", "<meta property=\"article:author\" content=\"Ada Brennan\">", "", BYLINE, "Ada Brennan" },
  { "byline/property-author", "<meta property=\"author\" content=\"Ada Brennan\">", "", BYLINE, "Ada Brennan" },
  { "byline/article-author-url", "<meta property=\"article:author\" content=\"https://facebook.example/ada\">", "",
    BYLINE, NULL },
  { "byline/json-ld-person",
    "<script type=\"application/ld+json\">{\"@context\":\"http://schema.org/\",\"@type\":\"Article\",\"author\":{\"@type\":\"Person\",\"name\":\"Tomas Weir\"}}</script>",
    "", BYLINE, "Tomas Weir" },
  { "byline/json-ld-list",
    "<script type=\"application/ld+json\">[{\"@type\":\"WebPage\"},{\"@context\":\"https://schema.org\","
    "\"@type\":[\"NewsArticle\"],\"author\":[{\"name\":\"Tomas Weir\"},{\"name\":\"Lena Fisk\"}]}]</script>",
    "", BYLINE, "Tomas Weir, Lena Fisk" },
  { "byline/json-ld-string",
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"BlogPosting\","
    "\"author\":\"Lena Fisk\"}</script>", "", BYLINE, "Lena Fisk" },
  { "byline/json-ld-not-schema-org",
    "<script type=\"application/ld+json\">{\"@context\":\"https://example.org/vocab\",\"@type\":\"Article\","
    "\"author\":{\"name\":\"Nobody\"}}</script>", "", BYLINE, NULL },
  { "byline/json-ld-cdata",
    "<script type=\"application/ld+json\"><![CDATA[ {\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":"
    "\"WebSite\"},{\"@type\":\"ReportageNewsArticle\",\"author\":{\"name\":\"Tomas Weir\"}}]} ]]></script>",
    "", BYLINE, "Tomas Weir" },
  { "byline/json-ld-comment",
    "<script type=\"application/ld+json\">/* article */ {\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
    "\"author\":{\"name\":\"Tomas Weir\"}}</script>", "", BYLINE, "Tomas Weir" },
  { "byline/json-ld-brackets-in-strings",
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
    "\"headline\":\"[[[ /* {{ '\\\"\",\"author\":{\"name\":\"Tomas Weir\"}}</script>", "", BYLINE, "Tomas Weir" },
  { "byline/json-ld-line-comment",
    "<script type=\"application/ld+json\">// [\n{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
    "\"author\":{\"name\":\"Tomas Weir\"}}</script>", "", BYLINE, NULL },
  { "byline/itemprop-name", "", "<div class=\"author-box\">Written by <span itemprop=\"name\">Ada Brennan</span>"
    " on Monday</div>", BYLINE, "Ada Brennan" },
  { "byline/hidden-author-ignored", "", "<div class=\"byline\" hidden>Someone Else</div>"
    "<p class=\"byline\">Ada Brennan</p>", BYLINE, "Ada Brennan" },
  { "byline/rel-author", "", "<p class=\"meta\">By <a rel=\"author\" href=\"/ada\">Ada Brennan</a></p>", BYLINE,
    "Ada Brennan" },
  { "byline/class", "", "<div class=\"article-byline\">By Ada Brennan</div>", BYLINE, "By Ada Brennan" },
  { "byline/json-ld-broken", "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":</script>", "",
    BYLINE, NULL },
  { "date/article-published", "<meta property=\"article:published_time\" content=\"2023-03-13T09:30:00+01:00\">", "",
    DATE, "2023-03-13" },
  { "date/json-ld", "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"datePublished\":\"2022-11-20\"}</script>",
    "", DATE, "2022-11-20" },
  { "date/time-element", "", "<time datetime=\"2021-06-01T08:00\">1 June</time>", DATE, "2021-06-01" },
  { "date/month-only", "<meta name=\"date\" content=\"2020-02\">", "", DATE, "2020-02" },
  { "date/invalid", "<meta property=\"article:published_time\" content=\"yesterday\">", "", DATE, NULL },
  { "date/invalid-day", "<meta property=\"article:published_time\" content=\"2023-02-30\">", "", DATE, "2023-02" },
  { "site/og", "<meta property=\"og:site_name\" content=\"The Marlow Courier\">", "", SITE, "The Marlow Courier" },
  { "site/json-ld-publisher",
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"publisher\":{\"name\":\"Kestry Post\"}}</script>",
    "", SITE, "Kestry Post" },
  { "url/canonical", "<link rel=\"canonical\" href=\"https://courier.example/bridge\">", "", URL,
    "https://courier.example/bridge" },
  { "url/og", "<meta property=\"og:url\" content=\"https://courier.example/og\">", "", URL, "https://courier.example/og" },
  { "url/canonical-over-og",
    "<meta property=\"og:url\" content=\"https://courier.example/og\"><link rel=\"canonical\" href=\"https://courier.example/c\">",
    "", URL, "https://courier.example/c" },
};

static void
test_metadata (gconstpointer data)
{
  const MetaCase *tc = data;
  g_autofree char *html = page (tc->head, tc->body);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = import_string (html, -1, "/pages/case.html", &error);
  const char *value = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (document);
  switch (tc->field)
    {
    case TITLE: value = px_document_get_title (document); break;
    case BYLINE: value = px_document_get_byline (document); break;
    case DATE: value = px_document_get_date (document); break;
    case SITE: value = px_document_get_site (document); break;
    case URL: value = px_document_get_url (document); break;
    default: g_assert_not_reached ();
    }
  g_assert_cmpstr (value, ==, tc->expected);
  g_assert_cmpstr (px_document_get_format (document), ==, "html");
  g_assert_nonnull (strstr (px_document_get_text (document, NULL), FIRST_SENTENCE));
}

/* A dateline that opens a web page's article is read as in plain text: the
 * place becomes metadata and the first sentence starts after it; the
 * page's own date wins over the dateline's. */
static void
test_dateline (void)
{
  const char *html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                     "<meta property=\"article:published_time\" content=\"2023-03-13T09:30:00+01:00\"></head>"
                     "<body><article><p>MARLOW, 12.03.2023 (Courier) – The harbour bridge in Marlow reopened to traffic on Monday, "
                     "two years after engineers closed it because of cracks in its supports.</p>"
                     "<p>About 18,000 vehicles crossed the bridge every day before the closure, and the detour added up "
                     "to forty minutes to many journeys.</p></article></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = import_string (html, -1, "/pages/dateline.html", &error);
  const PxSegment *first;
  g_autofree char *sentence = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_dateline (document), ==, "MARLOW");
  g_assert_cmpstr (px_document_get_date (document), ==, "2023-03-13");
  g_assert_null (px_document_get_origin_url (document));
  first = px_document_get_segment (document, 0);
  sentence = px_document_dup_slice (document, first->start, first->end);
  g_assert_true (g_str_has_prefix (sentence, "The harbour bridge"));
  g_assert_cmpint (first->kind, ==, PX_SEGMENT_SENTENCE);
}

/* Boilerplate: each kind, next to the article */

typedef struct
{
  const char *name;
  const char *html;   /* placed before and after the article */
} BoilerplateCase;

static const BoilerplateCase boilerplate_cases[] = {
  { "nav", "<nav><ul><li><a href=\"/\">BOILERPLATE Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>" },
  { "role-navigation", "<div role=\"navigation\"><a href=\"/\">BOILERPLATE Home</a> <a href=\"/a\">Archive</a></div>" },
  { "comments",
    "<div id=\"comments\"><h3>BOILERPLATE Comments</h3><p>BOILERPLATE I have been waiting for this bridge for years and "
    "years, and I am very happy that it is finally open again.</p></div>" },
  { "share-bar", "<div class=\"share-buttons\"><a href=\"#\">BOILERPLATE Share on Facebook</a> <a href=\"#\">Tweet</a></div>" },
  { "social", "<ul class=\"social-links\"><li><a href=\"#\">BOILERPLATE Follow us</a></li></ul>" },
  { "related",
    "<section class=\"related-stories\"><h2>BOILERPLATE Related</h2><ul><li><a href=\"/a\">Council approves the road "
    "budget for next year</a></li><li><a href=\"/b\">Ferry service resumes in April</a></li></ul></section>" },
  { "link-list",
    "<div><ul><li><a href=\"/a\">BOILERPLATE Council approves the road budget for next year, after a long debate</a></li>"
    "<li><a href=\"/b\">Ferry service resumes in April with a new timetable and new boats</a></li>"
    "<li><a href=\"/c\">Storm warning for the coast this weekend, the weather service says</a></li></ul></div>" },
  { "cookie-banner",
    "<div id=\"cookie-consent\">BOILERPLATE We use cookies to improve your experience. Accept all cookies, or manage "
    "your settings.</div>" },
  { "gdpr", "<div class=\"gdpr-notice\"><p>BOILERPLATE Your privacy matters to us, and we ask for your consent to "
    "process your data.</p></div>" },
  { "newsletter",
    "<div class=\"newsletter-box\"><h3>BOILERPLATE Get the briefing</h3><form><input type=\"email\"><button>Sign up</button>"
    "</form></div>" },
  { "advertisement", "<div class=\"ad-slot\"><span>Advertisement</span></div><div id=\"ad-top\">BOILERPLATE ad</div>" },
  { "sidebar", "<div class=\"sidebar\"><h3>BOILERPLATE Most read</h3><p>Storm warning for the coast, and more news "
    "from the region, every day of the week.</p></div>" },
  { "aside", "<aside><p>BOILERPLATE Most read: storm warning for the coast this weekend, and school news.</p></aside>" },
  { "footer", "<footer><p>BOILERPLATE © 2023 The Courier. All rights reserved. Contact, privacy and terms.</p></footer>" },
  { "hidden-style", "<p style=\"display: none\">BOILERPLATE hidden text that the browser never shows to a reader, at all.</p>" },
  { "hidden-visibility", "<div style=\"visibility:hidden\"><p>BOILERPLATE invisible text that the browser never shows, ever.</p></div>" },
  { "hidden-attribute", "<p hidden>BOILERPLATE hidden text that the browser never shows to a reader, in any case.</p>" },
  { "aria-hidden", "<div aria-hidden=\"true\"><p>BOILERPLATE text hidden from readers and screen readers alike, always.</p></div>" },
  { "script", "<script>var x = \"BOILERPLATE\";</script><noscript>BOILERPLATE enable JavaScript</noscript>" },
  { "style", "<style>.BOILERPLATE { color: red }</style>" },
  { "template", "<template><p>BOILERPLATE template content that is never rendered by the browser at all.</p></template>" },
  { "form-controls", "<select><option>BOILERPLATE option</option></select><textarea>BOILERPLATE</textarea><button>BOILERPLATE</button>" },
  { "h1-title", "<h1>BOILERPLATE Headline of the page</h1>" },
  { "byline-line", "<div class=\"byline\">By BOILERPLATE Ada Brennan</div>" },
  { "dateline", "<p>Published: 10:48, Tue, Nov 19, 2019 | BOILERPLATE</p><p>By Ada Brennan - 11/18/19 BOILERPLATE</p>" },
  { "figcaption", "<figure><img src=\"bridge.jpg\"><figcaption>BOILERPLATE The bridge at dawn, seen from the "
    "harbour wall, after the repairs.</figcaption></figure>" },
  { "caption-class", "<div class=\"image-caption\">BOILERPLATE The bridge at dawn (Image: Courier)</div>" },
  { "read-more-line", "<p>READ MORE: <a href=\"/a\">BOILERPLATE Council approves the road budget for next year</a></p>" },
  { "label-lines", "<p>Advert</p><p>Trending</p><p>Don't miss</p><p>Continue reading below</p>"
    "<p>BOILERPLATE</p><p>12 comments</p>" },
};

static void
test_boilerplate (gconstpointer data)
{
  const BoilerplateCase *tc = data;
  g_autofree char *html = g_strdup_printf ("<!DOCTYPE html><html><head><title>Bridge</title></head><body>%s"
                                           "<div class=\"content\"><article>" ARTICLE "</article></div>%s</body></html>",
                                           tc->html, tc->html);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = import_string (html, -1, "page.html", &error);
  const char *text;

  g_assert_no_error (error);
  text = px_document_get_text (document, NULL);
  g_assert_nonnull (strstr (text, FIRST_SENTENCE));
  g_assert_nonnull (strstr (text, "paid for partly by a national fund."));
  g_assert_null (strstr (text, "BOILERPLATE"));
  g_assert_null (strstr (text, "Advertisement"));
}

/* Boilerplate inside the article's own block */
static void
test_boilerplate_inside (void)
{
  const char *html =
    "<html><body><div class=\"story\">"
    "<p>By Ada Brennan - 11/18/19 11:04 PM EST</p>"
    "<p>The harbour bridge in Marlow reopened to traffic on Monday, two years after engineers closed it.</p>"
    "<figure><img src=\"a.jpg\"><figcaption>The bridge at dawn, seen from the harbour wall.</figcaption></figure>"
    "<p>Advertisement</p>"
    "<p>About 18,000 vehicles crossed the bridge every day before the closure, and the detour was long.</p>"
    "<p>READ MORE: <a href=\"/a\">Council approves the road budget for next year</a></p>"
    "<p>Trending</p>"
    "<p>The repairs cost 23.4 million euros, slightly more than the council had planned, and took long.</p>"
    "<p>Continue reading below</p>"
    "<p>By the end of the year, the council wants to repair two more bridges on the coast road.</p>"
    "</div></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = import_string (html, -1, "page.html", &error);
  const char *text;

  g_assert_no_error (error);
  text = px_document_get_text (document, NULL);
  g_assert_cmpuint (px_document_get_n_paragraphs (document), ==, 4);
  g_assert_true (g_str_has_prefix (text, "The harbour bridge"));
  g_assert_nonnull (strstr (text, "By the end of the year"));
  g_assert_null (strstr (text, "11:04"));
  g_assert_null (strstr (text, "dawn"));
  g_assert_null (strstr (text, "READ MORE"));
  g_assert_null (strstr (text, "Trending"));
  g_assert_null (strstr (text, "Advertisement"));
}

/* Structure: paragraph kinds, in reading order */

static void
test_fixture_news_article (void)
{
  static const struct { PxParagraphKind kind; const char *start; } expected[] = {
    { PX_PARAGRAPH_TEXT, "The harbour bridge in Marlow reopened" },
    { PX_PARAGRAPH_TEXT, "About 18,000 vehicles crossed" },
    { PX_PARAGRAPH_HEADING, "What was repaired" },
    { PX_PARAGRAPH_TEXT, "Workers replaced 240 steel beams" },
    { PX_PARAGRAPH_LIST_ITEM, "New steel supports" },
    { PX_PARAGRAPH_LIST_ITEM, "A separate lane for cyclists" },
    { PX_PARAGRAPH_QUOTE, "“It is a relief" },
    { PX_PARAGRAPH_TEXT, "The repairs cost 23.4 million euros" },
  };
  g_autofree char *path = fixture_path ("news-article.html");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_import_file (file, NULL, &error);
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (document), ==, "Harbour bridge reopens after two years of repairs");
  g_assert_cmpstr (px_document_get_byline (document), ==, "Ada Brennan");
  g_assert_cmpstr (px_document_get_date (document), ==, "2023-03-13");
  g_assert_cmpstr (px_document_get_site (document), ==, "The Marlow Courier");
  g_assert_cmpstr (px_document_get_url (document), ==, "https://courier.example/2023/03/harbour-bridge-reopens");
  g_assert_cmpstr (px_document_get_encoding (document), ==, "UTF-8");

  text = px_document_get_text (document, NULL);
  g_assert_cmpuint (px_document_get_n_paragraphs (document), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const PxParagraph *para = px_document_get_paragraph (document, i);

      g_assert_cmpint (para->kind, ==, expected[i].kind);
      g_assert_true (strncmp (text + para->start, expected[i].start, strlen (expected[i].start)) == 0);
    }
  for (const char *p = text; *p != '\0'; p++)
    g_assert_false (g_ascii_isupper (p[0]) && g_ascii_isupper (p[1]) && g_ascii_isupper (p[2]) &&
                    g_ascii_isupper (p[3]) && g_ascii_isupper (p[4]));   /* no HIDDEN, COMMENT, TRACKING */
}

static void
test_fixture_json_ld (void)
{
  g_autofree char *path = fixture_path ("json-ld-article.html");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_import_file (file, NULL, &error);
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (document), ==, "Turnout rises in the Kestry local elections");
  g_assert_cmpstr (px_document_get_byline (document), ==, "Tomas Weir, Lena Fisk");
  g_assert_cmpstr (px_document_get_date (document), ==, "2022-11-20");
  g_assert_cmpstr (px_document_get_site (document), ==, "Kestry Post");
  g_assert_cmpstr (px_document_get_url (document), ==, "https://post.example/elections/turnout");
  /* <br><br> separates paragraphs; the menu cell is not the article. */
  g_assert_cmpuint (px_document_get_n_paragraphs (document), ==, 3);
  text = px_document_get_text (document, NULL);
  g_assert_true (g_str_has_prefix (text, "Turnout in the local elections"));
  g_assert_null (strstr (text, "Archive"));
}

/* Charsets */

typedef struct
{
  const char *name;
  const char *bytes;
  gsize       length;     /* 0: up to the first NUL */
  const char *encoding;
  const char *contains;
} CharsetCase;

#define BODY_TEXT "<p>The owners of the cafes on the square protested against the new rules, which will cost them.</p>"

static const CharsetCase charset_cases[] = {
  { "utf8-undeclared", "<html><body>" BODY_TEXT "<p>Caf\xc3\xa9 na\xc3\xafve.</p></body></html>", 0, "UTF-8", "Café naïve." },
  { "utf8-declared", "<html><head><meta charset=\"UTF-8\"></head><body>" BODY_TEXT "<p>Caf\xc3\xa9.</p></body></html>", 0,
    "UTF-8", "Café." },
  { "utf8-bom", "\xef\xbb\xbf<html><body>" BODY_TEXT "<p>Caf\xc3\xa9.</p></body></html>", 0, "UTF-8", "Café." },
  { "meta-charset-1252", "<html><head><meta charset=\"windows-1252\"></head><body>" BODY_TEXT
    "<p>Caf\xe9 \x93quoted\x94.</p></body></html>", 0, "WINDOWS-1252", "Café “quoted”." },
  { "http-equiv-latin1", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
    "</head><body>" BODY_TEXT "<p>Na\xefve caf\xe9.</p></body></html>", 0, "WINDOWS-1252", "Naïve café." },
  { "koi8r", "<html><head><meta charset=\"koi8-r\"></head><body>" BODY_TEXT
    "<p>\xf7\xd9\xc2\xcf\xd2\xd9 \xd0\xd2\xcf\xdb\xcc\xc9 \xd3\xd0\xcf\xcb\xcf\xca\xce\xcf.</p></body></html>", 0,
    "KOI8-R", "Выборы прошли спокойно." },
  { "lie-latin1-is-utf8", "<html><head><meta charset=\"iso-8859-1\"></head><body>" BODY_TEXT
    "<p>Caf\xc3\xa9 na\xc3\xafve.</p></body></html>", 0, "UTF-8", "Café naïve." },
  { "lie-utf8-is-1252", "<html><head><meta charset=\"utf-8\"></head><body>" BODY_TEXT
    "<p>Caf\xe9 na\xefve \xe0 la cr\xe8me.</p></body></html>", 0, "WINDOWS-1252", "Café naïve à la crème." },
  { "utf8-few-broken-bytes", "<html><head><meta charset=\"utf-8\"></head><body>" BODY_TEXT
    "<p>Caf\xc3\xa9 na\xc3\xafve \xc3\xa0 la cr\xc3\xa8me br\xfbl\xc3\xa9" "e.</p></body></html>", 0, "UTF-8",
    "Café naïve à la crème br\xef\xbf\xbdlée." },
  { "unknown-charset", "<html><head><meta charset=\"x-no-such-charset\"></head><body>" BODY_TEXT
    "<p>Caf\xc3\xa9.</p></body></html>", 0, "UTF-8", "Café." },
  { "declared-utf16-ascii-bytes", "<html><head><meta charset=\"utf-16\"></head><body>" BODY_TEXT
    "<p>Caf\xc3\xa9.</p></body></html>", 0, "UTF-8", "Café." },
  { "xml-declaration", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
    "<body>" BODY_TEXT "<p>Caf\xe9 cr\xe8me.</p></body></html>", 0, "WINDOWS-1252", "Café crème." },
  { "utf16le-bom",
    "\xff\xfe<\0p\0>\0T\0h\0e\0 \0c\0a\0f\0\xe9\0 \0o\0w\0n\0e\0r\0s\0 \0p\0r\0o\0t\0e\0s\0t\0e\0d\0 \0o\0n\0 \0"
    "F\0r\0i\0d\0a\0y\0 \0a\0g\0a\0i\0n\0s\0t\0 \0t\0h\0e\0 \0r\0u\0l\0e\0s\0.\0<\0/\0p\0>\0", 122,
    "UTF-16LE", "The café owners protested on Friday against the rules." },
};

static void
test_charset (gconstpointer data)
{
  const CharsetCase *tc = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = import_string (tc->bytes, tc->length ? tc->length : strlen (tc->bytes),
                                                   "page.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_encoding (document), ==, tc->encoding);
  g_assert_nonnull (strstr (px_document_get_text (document, NULL), tc->contains));
}

static void
test_fixture_latin1 (void)
{
  g_autofree char *path = fixture_path ("latin1-article.html");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_import_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_encoding (document), ==, "WINDOWS-1252");
  g_assert_cmpstr (px_document_get_title (document), ==, "Café owners protest against new rules");
  g_assert_nonnull (strstr (px_document_get_text (document, NULL), "«We were not asked,» said José Martínez"));
}

/* Malformed markup: recovered, the text kept */

typedef struct
{
  const char *name;
  const char *html;
  const char *contains;
} MalformedCase;

static const MalformedCase malformed_cases[] = {
  { "unclosed-paragraphs", "<html><body><div><p>The first paragraph is never closed, and it goes on for a while here."
    "<p>The second paragraph is not closed either, and the page simply ends", "the page simply ends" },
  { "stray-end-tags", "</div></p><body></span><p>Text after stray end tags is still read by the parser, as browsers do.</p></b>",
    "still read by the parser" },
  { "overlapping", "<p><b>Bold <i>and italic</b> text</i> overlaps, which the parser untangles as it reads on.</p>",
    "Bold and italic text overlaps" },
  { "no-html-element", "<p>Only a paragraph, with no html, head or body element around it at all, is still a page.</p>",
    "Only a paragraph" },
  { "text-after-html", "<html><body><p>Inside the body there is a first long sentence for the article.</p></body></html>"
    "<p>Text after the end of the document is moved into the body by the parser.</p>", "moved into the body" },
  { "broken-attributes", "<div class=a\"b id=c'd data-x=<p>><p title=x y=>The paragraph with broken attributes still "
    "has its text, somewhere.</p></div>", "still has its text" },
  { "entities", "<p>Caf&eacute; &amp; cr&egrave;me &#8212; &#x201C;quoted&#x201D; &nbsp;and &unknown; entities are "
    "decoded where they are known.</p>", "Café & crème — “quoted” and &unknown; entities" },
  { "xhtml", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
    "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>X</title>"
    "</head><body><p>An XHTML page, with its XML declaration and its namespace, is read like any other page.</p>"
    "<br/><p/></body></html>", "is read like any other page." },
  { "only-links", "<html><body><a href=\"javascript:\"><p>abc</p><p>def</p>ghi</a></body></html>", "abc" },
  { "cdata-and-comments", "<p>Before <!-- a comment with <p>tags</p> inside --> after, the comment is not text at all "
    "in the page.</p>", "Before after, the comment is not text" },
  { "decomposed-accents", "<p>Cafe\xcc\x81 and cre\xcc\x80me are written with combining accents, and read as composed "
    "letters.</p>", "Café and crème are written" },
  { "nul-free-control-chars", "<p>Control \x01" "characters\x02 in the text are dropped, and the rest of the sentence is kept.</p>",
    "the rest of the sentence is kept." },
};

static void
test_malformed (gconstpointer data)
{
  const MalformedCase *tc = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = import_string (tc->html, -1, "page.html", &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (px_document_get_text (document, NULL), tc->contains));
}

/* Refused input: a clear error, never a crash */

typedef struct
{
  const char *name;
  const char *bytes;
  gsize       length;
  int         code;
} RefusedCase;

static const RefusedCase refused_cases[] = {
  { "empty", "", 0, PX_ERROR_EMPTY },
  { "only-markup", "<html><head><title>T</title></head><body><div><img src=x></div></body></html>", 0, PX_ERROR_EMPTY },
  { "only-scripts", "<html><body><script>var article = 'not text';</script><style>p{}</style></body></html>", 0,
    PX_ERROR_EMPTY },
  { "binary", "<html>\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 22, PX_ERROR_BINARY },
  { "binary-named-html", "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16, PX_ERROR_BINARY },
};

static void
test_refused (gconstpointer data)
{
  const RefusedCase *tc = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = import_string (tc->bytes, tc->length ? tc->length : strlen (tc->bytes),
                                                   "/saved/page.html", &error);

  g_assert_null (document);
  g_assert_error (error, PX_ERROR, tc->code);
  g_assert_nonnull (strstr (error->message, "page.html"));
}

/* Hostile pages */

typedef struct
{
  const char *name;
  const char *open;
  const char *close;
} NestingCase;

static const NestingCase nesting_cases[] = {
  { "div", "<div>", "</div>" },
  { "span", "<span>", "</span>" },
  { "table", "<table><tr><td>", "</td></tr></table>" },
  { "blockquote", "<blockquote>", "</blockquote>" },
  /* Elements that make the importer look at their text: author lines,
   * headings, list items. */
  { "byline", "<div class=\"byline\">", "</div>" },
  { "heading", "<h2>", "</h2>" },
  { "list", "<ul><li>", "</li></ul>" },
  { "unclosed-bold", "<b>", "" },
};

static void
test_deep_nesting (gconstpointer data)
{
  const NestingCase *tc = data;
  const guint depth = 100000;
  g_autoptr(GString) html = g_string_new ("<html><head><title>Deep</title></head><body>");
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append (html, tc->open);
  g_string_append (html, ARTICLE);
  for (guint i = 0; i < depth; i++)
    g_string_append (html, tc->close);
  g_string_append (html, "</body></html>");

  document = import_string (html->str, html->len, "deep.html", &error);
  /* libxml2 may cut the tree at its depth limit; either way no crash, and
   * any refusal is a PX_ERROR that names the file. */
  if (document == NULL)
    {
      g_assert_true (error != NULL && error->domain == PX_ERROR);
      g_assert_nonnull (strstr (error->message, "deep.html"));
    }
  else
    g_assert_no_error (error);
}

static void
test_deep_nesting_with_text (void)
{
  const guint depth = 100000;
  g_autoptr(GString) html = g_string_new ("<html><body>");
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;

  /* Every level has text: a quadratic walk would take hours here. */
  for (guint i = 0; i < depth; i++)
    g_string_append (html, "<div>Level text, with a comma, long enough to be scored as a paragraph.");
  g_string_append (html, "</body></html>");

  document = import_string (html->str, html->len, "deep-text.html", &error);
  if (document == NULL)
    g_assert_true (error != NULL && error->domain == PX_ERROR);
}

static void
test_too_many_tags (void)
{
  const guint n = 1100000;
  g_autoptr(GString) html = g_string_sized_new (n * 4 + 100);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;

  g_string_append (html, "<html><body><p>Text.</p>");
  for (guint i = 0; i < n; i++)
    g_string_append (html, "<b>");
  document = import_string (html->str, html->len, "tags.html", &error);
  g_assert_null (document);
  g_assert_error (error, PX_ERROR, PX_ERROR_HOSTILE);
  g_assert_nonnull (strstr (error->message, "tags.html"));
}

static void
test_too_many_attributes (void)
{
  g_autoptr(GString) html = g_string_new ("<html><body><div");
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (html, " a%u=\"x\"", i);
  g_string_append (html, ">" ARTICLE "</div></body></html>");
  document = import_string (html->str, html->len, "attributes.html", &error);
  g_assert_null (document);
  g_assert_error (error, PX_ERROR, PX_ERROR_HOSTILE);
  g_assert_nonnull (strstr (error->message, "attributes.html"));
}

static void
test_many_attributes_allowed (void)
{
  g_autoptr(GString) html = g_string_new ("<html><body><div data-src=\"a b c > d\" srcset='x 1x, y 2x'");
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;

  /* A busy but real tag: dozens of attributes, quoted '>' and spaces. */
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (html, " data-v%u=\"value with spaces %u\" hidden-not", i, i);
  g_string_append (html, " class=\"story\">" ARTICLE "</div></body></html>");
  document = import_string (html->str, html->len, "busy.html", &error);
  /* "hidden-not" is not "hidden": the block is visible. */
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (px_document_get_text (document, NULL), FIRST_SENTENCE));
}

static void
test_large_page (void)
{
  const gsize size = 50 * 1000 * 1000;
  g_autoptr(GString) html = g_string_sized_new (size + 4096);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;
  guint n = 0;

  if (!g_test_slow () && g_getenv ("PX_TEST_LARGE") == NULL)
    {
      /* Still large, but quick under sanitizers. */
      g_string_append (html, "<html><head><title>Large</title></head><body><article>");
      while (html->len < size / 25)
        g_string_append_printf (html, "<p>Paragraph %u of a very long page, with enough words to count as prose.</p>", n++);
    }
  else
    {
      g_string_append (html, "<html><head><title>Large</title></head><body><article>");
      while (html->len < size)
        g_string_append_printf (html, "<p>Paragraph %u of a very long page, with enough words to count as prose.</p>", n++);
    }
  g_string_append (html, "</article></body></html>");

  document = import_string (html->str, html->len, "large.html", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (px_document_get_n_paragraphs (document), ==, n);
}

static void
test_fifty_megabytes (void)
{
  const gsize size = 50 * 1000 * 1000;
  g_autoptr(GString) html = g_string_sized_new (size + 4096);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;

  /* A short article in a page padded with 50 MB of script and link lists. */
  g_string_append (html, "<html><head><title>Padded</title><script>");
  while (html->len < size / 2)
    g_string_append (html, "var padding = \"<p>not text</p>\"; ");
  g_string_append (html, "</script></head><body><div class=\"content\">" ARTICLE "</div><div class=\"footer\"><ul>");
  while (html->len < size)
    g_string_append (html, "<li><a href=\"/archive/page\">An archived story with a title of some length</a></li>");
  g_string_append (html, "</ul></div></body></html>");

  document = import_string (html->str, html->len, "padded.html", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (px_document_get_text (document, NULL), FIRST_SENTENCE));
}

static void
test_entity_expansion (void)
{
  g_autoptr(GString) html = g_string_new ("<!DOCTYPE html [\n<!ENTITY a \"ha ha ha ha ha ha ha ha ha ha\">\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;
  const char *text;

  /* The billion laughs, and an external entity. */
  for (char c = 'b'; c <= 'k'; c++)
    g_string_append_printf (html, "<!ENTITY %c \"&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;\">\n",
                            c, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1);
  g_string_append (html, "<!ENTITY ext SYSTEM \"file:///etc/passwd\">\n]>\n<html><body>"
                         "<p>&k; &ext;</p>" ARTICLE "</body></html>");

  document = import_string (html->str, html->len, "laughs.html", &error);
  g_assert_no_error (error);
  text = px_document_get_text (document, NULL);
  g_assert_null (strstr (text, "ha ha"));
  g_assert_null (strstr (text, "root:"));
  g_assert_cmpuint (px_document_get_length (document), <, 10000);
}

static void
test_script_attributes (void)
{
  static const char *attributes[] = {
    "onload", "onerror", "onclick", "onmouseover", "onfocus", "style", "href", "src", "title", "alt",
  };
  g_autoptr(GString) html = g_string_new ("<html><head><title onload=\"alert('t')\">Scripted page for testing</title></head><body");
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;
  const char *text;

  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    g_string_append_printf (html, " %s=\"javascript:alert('x')\"", attributes[i]);
  g_string_append (html, "><div");
  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    g_string_append_printf (html, " %s=\"alert(document.cookie)\"", attributes[i]);
  g_string_append (html, "><p onclick=\"alert(1)\">The harbour bridge in Marlow reopened to traffic on Monday, "
                         "two years after engineers closed it.</p><a href=\"javascript:alert(2)\" onmouseover=\"alert(3)\">"
                         "A link</a> <img src=x onerror=\"alert(4)\"><svg onload=\"alert(5)\"><text>svg</text></svg>"
                         "<iframe srcdoc=\"&lt;script&gt;alert(6)&lt;/script&gt;\"></iframe>" ARTICLE
                         "<script>alert(7)</script></div></body></html>");

  document = import_string (html->str, html->len, "scripted.html", &error);
  g_assert_no_error (error);
  text = px_document_get_text (document, NULL);
  g_assert_null (strstr (text, "alert"));
  g_assert_null (strstr (text, "javascript"));
  g_assert_nonnull (strstr (text, FIRST_SENTENCE));
}

static void
test_huge_json_ld (void)
{
  g_autoptr(GString) html = g_string_new ("<html><head><script type=\"application/ld+json\">");
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;

  /* Nesting that would overflow a recursive JSON parser's stack. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (html, '[');
  g_string_append (html, "</script></head><body>" ARTICLE "</body></html>");

  document = import_string (html->str, html->len, "json.html", &error);
  g_assert_no_error (error);
  g_assert_null (px_document_get_byline (document));
}

/* Closing brackets where json-glib does not read them (in a comment, in a
 * string) must not hide the nesting from the depth guard: all at once
 * before the nesting, or a few at a time between its levels. */
static void
test_json_ld_hidden_closers (gconstpointer data)
{
  gboolean interleaved = GPOINTER_TO_INT (data);
  g_autoptr(GString) html = g_string_new ("<html><head><script type=\"application/ld+json\">");
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;
  const guint levels = 75000;

  if (!interleaved)
    {
      g_string_append (html, "/* ");
      for (guint i = 0; i < levels; i++)
        g_string_append_c (html, ']');
      g_string_append (html, " */");
    }
  for (guint i = 0; i < levels; i++)
    {
      g_string_append_c (html, '[');
      if (interleaved && i % 60 == 59)
        {
          g_string_append (html, "/* ");
          for (guint j = 0; j < 60; j++)
            g_string_append_c (html, ']');
          g_string_append (html, " */");
        }
    }
  for (guint i = 0; i < levels; i++)
    g_string_append_c (html, ']');
  g_string_append (html, "</script></head><body>" ARTICLE "</body></html>");

  document = import_string (html->str, html->len, "json.html", &error);
  g_assert_no_error (error);
  g_assert_null (px_document_get_byline (document));
  g_assert_nonnull (strstr (px_document_get_text (document, NULL), FIRST_SENTENCE));
}

/* An internal DTD subset is no article text, whatever its declarations
 * hold (quoted "]>", comments); a page without one keeps its text. */
static const char * const internal_dtds[] = {
  "<!DOCTYPE x [ <!ENTITY x \"boom\"> <!ELEMENT p ANY> ]>",
  "<!DOCTYPE html [\n<!ENTITY x \"boom ]> boom\">\n<!ATTLIST p class CDATA 'b]>'>\n]>",
  "<?xml version=\"1.0\"?><!-- saved --><!doctype html PUBLIC \"-//x[//EN\" [ <!-- ]> --> <!ENTITY x \"boom\"> ] >",
};

static void
test_internal_dtd (gconstpointer data)
{
  const char *doctype = data;
  g_autofree char *html = g_strconcat (doctype, "<html><body>" ARTICLE "</body></html>", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = import_string (html, -1, "dtd.html", &error);
  const char *text;

  g_assert_no_error (error);
  text = px_document_get_text (document, NULL);
  g_assert_true (g_str_has_prefix (text, FIRST_SENTENCE));
  g_assert_null (strstr (text, "]"));
  g_assert_null (strstr (text, "boom"));
  g_assert_null (strstr (text, "ELEMENT"));
  g_assert_null (strstr (text, "ATTLIST"));
}

/* Detection by content, whatever the name */

static void
test_detected_by_content (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = import_string ("<!DOCTYPE html><html><body>" ARTICLE "</body></html>", -1,
                                                   "saved-page.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_format (document), ==, "html");
  g_assert_cmpuint (px_document_get_n_paragraphs (document), ==, 3);
}

/* parallax-cli extract */

static void
test_cli_extract (void)
{
  const char *cli = g_getenv ("PX_CLI");
  g_autofree char *path = fixture_path ("news-article.html");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *paragraphs;
  int status = 0;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("PX_CLI is not set");
      return;
    }

  {
    const char *argv[] = { cli, "extract", path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_str_has_prefix (out, "The harbour bridge in Marlow reopened"));
    g_assert_nonnull (strstr (out, "supports.\n\nAbout 18,000 vehicles"));
    g_assert_nonnull (strstr (out, "\n\nWhat was repaired\n\n"));
    g_assert_null (strstr (out, "Harbour bridge reopens"));   /* no title line */
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { cli, "extract", "--format=json", path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "Harbour bridge reopens after two years of repairs");
    g_assert_cmpstr (json_object_get_string_member (root, "byline"), ==, "Ada Brennan");
    g_assert_cmpstr (json_object_get_string_member (root, "date"), ==, "2023-03-13");
    g_assert_cmpstr (json_object_get_string_member (root, "site"), ==, "The Marlow Courier");
    g_assert_cmpstr (json_object_get_string_member (root, "url"), ==, "https://courier.example/2023/03/harbour-bridge-reopens");
    paragraphs = json_object_get_array_member (root, "paragraphs");
    g_assert_cmpuint (json_array_get_length (paragraphs), ==, 8);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (paragraphs, 2), "kind"), ==, "heading");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (paragraphs, 4), "kind"), ==, "list-item");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (paragraphs, 6), "kind"), ==, "quote");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { cli, "extract", "/nonexistent/page.html", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "page.html"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  xmlInitParser ();

  for (guint i = 0; i < G_N_ELEMENTS (meta_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/html/metadata/%s", meta_cases[i].name);
      g_test_add_data_func (path, &meta_cases[i], test_metadata);
    }
  for (guint i = 0; i < G_N_ELEMENTS (boilerplate_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/html/boilerplate/%s", boilerplate_cases[i].name);
      g_test_add_data_func (path, &boilerplate_cases[i], test_boilerplate);
    }
  for (guint i = 0; i < G_N_ELEMENTS (charset_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/html/charset/%s", charset_cases[i].name);
      g_test_add_data_func (path, &charset_cases[i], test_charset);
    }
  for (guint i = 0; i < G_N_ELEMENTS (malformed_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/html/malformed/%s", malformed_cases[i].name);
      g_test_add_data_func (path, &malformed_cases[i], test_malformed);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/html/refused/%s", refused_cases[i].name);
      g_test_add_data_func (path, &refused_cases[i], test_refused);
    }
  g_test_add_func ("/core/html/boilerplate/inside-article", test_boilerplate_inside);
  g_test_add_func ("/core/html/dateline", test_dateline);
  g_test_add_func ("/core/html/fixture/news-article", test_fixture_news_article);
  g_test_add_func ("/core/html/fixture/json-ld", test_fixture_json_ld);
  g_test_add_func ("/core/html/fixture/latin1", test_fixture_latin1);
  for (guint i = 0; i < G_N_ELEMENTS (nesting_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/html/hostile/nesting/%s", nesting_cases[i].name);
      g_test_add_data_func (path, &nesting_cases[i], test_deep_nesting);
    }
  g_test_add_func ("/core/html/hostile/nesting-with-text", test_deep_nesting_with_text);
  g_test_add_func ("/core/html/hostile/too-many-tags", test_too_many_tags);
  g_test_add_func ("/core/html/hostile/too-many-attributes", test_too_many_attributes);
  g_test_add_func ("/core/html/hostile/many-attributes-allowed", test_many_attributes_allowed);
  g_test_add_func ("/core/html/hostile/large-page", test_large_page);
  g_test_add_func ("/core/html/hostile/fifty-megabytes", test_fifty_megabytes);
  g_test_add_func ("/core/html/hostile/entity-expansion", test_entity_expansion);
  g_test_add_func ("/core/html/hostile/script-attributes", test_script_attributes);
  g_test_add_func ("/core/html/hostile/json-ld-nesting", test_huge_json_ld);
  g_test_add_data_func ("/core/html/hostile/json-ld-closers-in-comment", GINT_TO_POINTER (FALSE),
                        test_json_ld_hidden_closers);
  g_test_add_data_func ("/core/html/hostile/json-ld-closers-between-levels", GINT_TO_POINTER (TRUE),
                        test_json_ld_hidden_closers);
  for (guint i = 0; i < G_N_ELEMENTS (internal_dtds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/html/hostile/internal-dtd/%u", i + 1);
      g_test_add_data_func (path, internal_dtds[i], test_internal_dtd);
    }
  g_test_add_func ("/core/html/detected-by-content", test_detected_by_content);
  g_test_add_func ("/core/html/cli/extract", test_cli_extract);

  return g_test_run ();
}
