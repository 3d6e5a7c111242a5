/* px-html.c: web pages → documents (decoding, parsing, assembly)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bytes are decoded to UTF-8 here (BOM, then the charset the page
 * declares, checked against the bytes, then the text importer's guess) and
 * handed to libxml2's HTML parser with that encoding named explicitly, so
 * the parser never switches encodings on its own. The parser never touches
 * the network and expands no entities but HTML's own.
 */
#define G_LOG_DOMAIN "px-html"

#include "config.h"

#include <string.h>

#include "px-decode.h"
#include "px-document-private.h"
#include "px-error.h"
#include "px-html-private.h"
#include "px-html.h"

/* How far into the page a charset declaration is looked for (the HTML
 * standard's prescan looks at 1,024 bytes; pages with long heads put it later). */
#define CHARSET_SCAN_BYTES 8192

/* Each element costs libxml2 a node (~120 bytes), its attributes and our
 * own bookkeeping more: pages with more start tags than this are refused
 * rather than allowed to take gigabytes. Real pages have well under 100,000. */
#define MAX_TAGS 1000000

/* libxml2 compares each attribute of a tag with all the others: a tag with
 * 100,000 attributes takes minutes. Real tags have a few dozen; broken quotes
 * on real pages make a few hundred. */
#define MAX_ATTRIBUTES 2000

#define PARSE_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
                       HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT | \
                       XML_PARSE_HUGE)

/* Decoding */

/* The value after @p ("=", quotes and spaces skipped) up to @end. */
static char *
charset_value (const char *p,
               const char *end)
{
  gsize n = 0;

  while (p < end && (g_ascii_isspace (*p) || *p == '=' || *p == '"' || *p == '\''))
    p++;
  while (p + n < end && (g_ascii_isalnum (p[n]) || strchr ("-_.:", p[n]) != NULL))
    n++;
  return n > 0 && n < 40 ? g_strndup (p, n) : NULL;
}

/* The charset a <meta charset>, a <meta http-equiv content="…; charset=…">
 * or an XHTML page's <?xml encoding="…"?> declares, or NULL. */
static char *
sniff_declared_charset (const char *data,
                        gsize       length)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (length, CHARSET_SCAN_BYTES));
  const char *p = head;

  if (g_str_has_prefix (head, "<?xml"))
    {
      const char *end = strstr (head, "?>");
      const char *enc = end != NULL ? g_strstr_len (head, end - head, "encoding") : NULL;

      if (enc != NULL)
        return charset_value (enc + strlen ("encoding"), end);
    }

  while ((p = strstr (p, "<meta")) != NULL)
    {
      const char *end = strchr (p, '>');
      const char *cs;

      if (end == NULL)
        break;
      cs = g_strstr_len (p, end - p, "charset");
      if (cs != NULL)
        {
          char *value = charset_value (cs + strlen ("charset"), end);

          if (value != NULL)
            return value;
        }
      p = end;
    }
  return NULL;
}

static gboolean
is_utf8_name (const char *charset)
{
  return g_str_equal (charset, "utf-8") || g_str_equal (charset, "utf8") ||
         g_str_equal (charset, "unicode-1-1-utf-8") || g_str_has_prefix (charset, "utf-16") ||
         g_str_equal (charset, "unicode") || g_str_equal (charset, "ucs-2");
}

/* The declared name as iconv knows it, or NULL when iconv does not. Labels
 * the web treats as Windows-1252 (the WHATWG Encoding standard) are read so. */
static const char *
usable_charset (const char *charset)
{
  static const char * const as_1252[] = {
    "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "ansi_x3.4-1968",
    "cp1252", "x-user-defined", "iso-ir-100", "cp819",
  };
  GIConv cd;

  for (guint i = 0; i < G_N_ELEMENTS (as_1252); i++)
    if (g_str_equal (charset, as_1252[i]))
      return "WINDOWS-1252";
  if (g_str_equal (charset, "gb2312") || g_str_equal (charset, "x-gbk"))
    return "GBK";
  cd = g_iconv_open ("UTF-8", charset);
  if (cd == (GIConv)-1)
    return NULL;
  g_iconv_close (cd);
  return charset;
}

static gboolean
has_nul (const char *data,
         gsize       length)
{
  return memchr (data, '\0', MIN (length, 4096)) != NULL;
}

/* An internal DTD subset (<!DOCTYPE x [ <!ENTITY …> ]>) means nothing to an
 * HTML page, and libxml2's HTML parser reads what follows its first '>' as
 * text: the subset is blanked (white space keeps the page's length) before
 * parsing. Quoted strings and comments inside it may hold ']' and '>'. A
 * subset that never ends is left alone. */
static void
blank_internal_subset (char  *data,
                       gsize  length)
{
  char *end = data + length;
  char *p = data;
  char *open;
  char quote = 0;

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  /* An XML declaration and comments may come first. */
  for (;;)
    {
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          char *close = g_strstr_len (p + 4, end - p - 4, "-->");

          if (close == NULL)
            return;
          p = close + 3;
        }
      else if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        {
          char *close = memchr (p, '>', end - p);

          if (close == NULL)
            return;
          p = close + 1;
        }
      else
        break;
    }
  if (end - p < 9 || g_ascii_strncasecmp (p, "<!DOCTYPE", 9) != 0)
    return;

  /* The '[' of the subset, before the '>' that ends a plain DOCTYPE. */
  for (p += 9; p < end && (quote != 0 || (*p != '[' && *p != '>')); p++)
    if (quote != 0 ? *p == quote : (*p == '"' || *p == '\''))
      quote = quote != 0 ? 0 : *p;
  if (p >= end || *p != '[')
    return;
  open = p;

  for (p++; p < end; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
        }
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          char *close = g_strstr_len (p + 4, end - p - 4, "-->");

          if (close == NULL)
            return;
          p = close + 2;
        }
      else if (*p == ']')
        {
          char *q = p + 1;

          while (q < end && g_ascii_isspace (*q))
            q++;
          if (q < end && *q == '>')
            {
              memset (open, ' ', p + 1 - open);
              return;
            }
        }
    }
}

/* The end of a <script> or <style> element whose content starts at @p:
 * its text may hold "<" and quotes that are not markup. */
static const char *
skip_raw_text (const char *p,
               const char *end,
               const char *name)
{
  gsize n = strlen (name);

  while (p + 1 < end && (p = memchr (p, '<', end - p - 1)) != NULL)
    {
      p++;
      if (*p == '/' && (gsize)(end - p) > n && g_ascii_strncasecmp (p + 1, name, n) == 0)
        return p;
    }
  return end;
}

/* Counts the start tags ("<" and a letter) and the attributes of the
 * tag that has the most, in one pass. */
static void
scan_markup (const char *data,
             gsize       length,
             gsize      *n_tags,
             gsize      *max_attributes)
{
  const char *end = data + length;
  const char *p = data;

  *n_tags = *max_attributes = 0;
  while (p + 1 < end && (p = memchr (p, '<', end - p - 1)) != NULL)
    {
      gsize n_attributes = 0;
      char quote = 0;
      gboolean space = FALSE;
      const char *raw = NULL;

      p++;
      if (!g_ascii_isalpha (*p))
        continue;
      (*n_tags)++;
      if ((gsize)(end - p) > 6 && g_ascii_strncasecmp (p, "script", 6) == 0)
        raw = "script";
      else if ((gsize)(end - p) > 5 && g_ascii_strncasecmp (p, "style", 5) == 0)
        raw = "style";
      for (; p < end && (quote != 0 || *p != '>'); p++)
        {
          if (quote != 0)
            {
              if (*p == quote)
                quote = 0;
            }
          else if (*p == '"' || *p == '\'')
            quote = *p;
          else if (g_ascii_isspace (*p) || *p == '/')
            space = TRUE;
          else
            {
              n_attributes += space;
              space = FALSE;
            }
        }
      *max_attributes = MAX (*max_attributes, n_attributes);
      if (raw != NULL && p < end)
        p = skip_raw_text (p, end, raw);
    }
}

/* Latin text in an 8-bit encoding has its accented letters one at a time
 * between ASCII letters ("café"); Cyrillic or Greek text has whole words of
 * high bytes. */
static gboolean
high_bytes_isolated (const char *data,
                     gsize       length)
{
  gsize n_high = 0, n_isolated = 0;

  for (gsize i = 0; i < length; i++)
    {
      if ((guchar)data[i] < 0x80)
        continue;
      n_high++;
      if ((i == 0 || (guchar)data[i - 1] < 0x80) && (i + 1 == length || (guchar)data[i + 1] < 0x80))
        n_isolated++;
    }
  return n_high > 0 && n_isolated * 10 >= n_high * 7;
}

/* Returns the page as UTF-8 and the name of the encoding it was read in. */
static char *
decode_page (const char  *data,
             gsize        length,
             const char  *origin,
             const char **encoding,
             gsize       *out_length,
             char       **warning,
             GError     **error)
{
  g_autofree char *name = px_import_display_name (origin);
  g_autofree char *declared = NULL;
  const char *charset = NULL;

  /* A BOM wins over any declaration; the text importer knows BOMs. */
  if ((length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0) ||
      (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0)))
    return px_decode_text (data, length, origin, encoding, out_length, warning, error);

  if (has_nul (data, length))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_BINARY,
                   "“%s” is not a web page (it contains binary data)", name);
      return NULL;
    }

  declared = sniff_declared_charset (data, length);
  if (declared != NULL && !is_utf8_name (declared))
    charset = usable_charset (declared);

  if (charset != NULL)
    {
      gsize n_valid, n_invalid, n_nul;
      char *converted;
      gsize written = 0;

      /* A page that says Latin-1 but holds UTF-8 (a common lie after a
       * server or editor change) is read as UTF-8. */
      px_decode_count_utf8 (data, length, &n_valid, &n_invalid, &n_nul);
      if (n_valid > 0 && n_invalid == 0)
        {
          *encoding = "UTF-8";
          return px_decode_repair_utf8 (data, length, 0, out_length, warning);
        }
      converted = g_convert (data, length, "UTF-8", charset, NULL, &written, NULL);
      if (converted != NULL && g_utf8_validate_len (converted, written, NULL))
        {
          g_autofree char *upper = g_ascii_strup (charset, -1);

          *encoding = g_intern_string (upper);
          *out_length = written;
          return converted;
        }
      if (converted != NULL && memchr (converted, '\0', written) != NULL)
        {
          g_autofree char *upper = g_ascii_strup (charset, -1);

          /* Valid but for the NULs (which validation refuses). */
          *encoding = g_intern_string (upper);
          *out_length = written;
          px_decode_replace_nuls (&converted, out_length, *encoding, warning);
          if (g_utf8_validate_len (converted, *out_length, NULL))
            return converted;
        }
      g_free (converted);
      /* Bytes the declared charset does not define: guess as for text. */
    }
  else
    {
      /* UTF-8, declared or not; a few broken bytes in a UTF-8 page are
       * replaced (U+FFFD), as browsers do and as for plain text, instead
       * of reading the whole page in an 8-bit encoding. */
      if (px_decode_is_mostly_utf8 (data, length))
        {
          *encoding = "UTF-8";
          return px_decode_repair_utf8 (data, length, 0, out_length, warning);
        }
    }

  if (high_bytes_isolated (data, length))
    {
      char *converted;
      gsize written = 0;

      converted = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &written, NULL);
      *encoding = "WINDOWS-1252";
      if (converted == NULL)
        {
          converted = g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, &written, NULL);
          *encoding = "ISO-8859-1";
        }
      if (converted != NULL)
        {
          *out_length = written;
          return converted;
        }
    }
  return px_decode_text (data, length, origin, encoding, out_length, warning, error);
}

PxDocument *
px_import_html (const char  *data,
                gsize        length,
                const char  *origin,
                GError     **error)
{
  g_autofree char *name = px_import_display_name (origin);
  g_autofree char *utf8 = NULL;
  g_autofree char *warning = NULL;
  g_autoptr(PxDocumentBuilder) builder = NULL;
  PxHtmlMeta meta = { 0 };
  const char *encoding = NULL;
  gsize utf8_length = 0;
  gsize n_tags, max_attributes;
  xmlDoc *doc;
  guint n_paragraphs;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!px_import_check_length (name, length, error))
    return NULL;

  utf8 = decode_page (data, length, origin, &encoding, &utf8_length, &warning, error);
  if (utf8 == NULL)
    return NULL;

  blank_internal_subset (utf8, utf8_length);
  scan_markup (utf8, utf8_length, &n_tags, &max_attributes);
  if (n_tags > MAX_TAGS)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_HOSTILE,
                   "“%s” has too many HTML tags (more than %d); it was not opened",
                   name, MAX_TAGS);
      return NULL;
    }
  if (max_attributes > MAX_ATTRIBUTES)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_HOSTILE,
                   "“%s” has an HTML tag with more than %d attributes; it was not opened",
                   name, MAX_ATTRIBUTES);
      return NULL;
    }

  doc = htmlReadMemory (utf8, (int)utf8_length, NULL, "UTF-8", PARSE_OPTIONS);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "“%s” could not be read as a web page", name);
      return NULL;
    }
  g_clear_pointer (&utf8, g_free);

  builder = px_document_builder_new ();
  px_html_read_meta (doc, &meta);
  n_paragraphs = px_html_extract_body (doc, &meta, builder);
  xmlFreeDoc (doc);

  if (n_paragraphs == 0)
    {
      px_html_meta_clear (&meta);
      g_set_error (error, PX_ERROR, PX_ERROR_EMPTY, "“%s” holds no article text", name);
      return NULL;
    }

  px_document_builder_set_meta (builder, PX_META_ORIGIN, origin);
  px_document_builder_set_meta (builder, PX_META_ENCODING, encoding);
  px_document_builder_set_meta (builder, PX_META_FORMAT, "html");
  px_document_builder_set_meta (builder, PX_META_TITLE, meta.title);
  px_document_builder_set_meta (builder, PX_META_BYLINE, meta.byline);
  px_document_builder_set_meta (builder, PX_META_DATE, meta.date);
  px_document_builder_set_meta (builder, PX_META_SITE, meta.site);
  px_document_builder_set_meta (builder, PX_META_URL, meta.url);
  if (warning != NULL)
    px_document_builder_add_warning (builder, warning);
  px_html_meta_clear (&meta);

  return px_document_builder_end (g_steal_pointer (&builder));
}
