/* px-html-meta.c: title, byline, date, site and URL of a web page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sources, best first: JSON-LD (an Article or NewsArticle object), the
 * Dublin Core, Open Graph, article:* and Twitter <meta> tags, then the
 * page itself (<title>, <h1>, <time datetime>, an element marked as the
 * author, <link rel=canonical>). The order follows what readers of saved
 * pages expect and what Readability does, so that titles agree with it.
 */
#define G_LOG_DOMAIN "px-html"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "px-html-private.h"

/* JSON-LD blocks larger or deeper than this are skipped: json-glib parses
 * recursively. */
#define MAX_JSON_LD_BYTES (512 * 1024)
#define MAX_JSON_LD_DEPTH 64
/* Metadata strings longer than this are not metadata. */
#define MAX_META_BYTES 2048
/* Headings looked at for the title rules: the first few are enough. */
#define MAX_HEADINGS 100

typedef struct
{
  GHashTable *values;          /* normalized meta name → content */
  gboolean    ld_found;
  char       *ld_name;
  char       *ld_headline;
  char       *ld_byline;
  char       *ld_author_string;
  char       *ld_date;
  char       *ld_site;
  char       *ld_url;
  char       *doc_title;
  char       *first_h1;
  guint       n_h1;
  char       *time_date;
  char       *canonical;
  GPtrArray  *headings;        /* texts of h1 and h2, for the title rules */
} MetaScan;

void
px_html_meta_clear (PxHtmlMeta *meta)
{
  g_clear_pointer (&meta->title, g_free);
  g_clear_pointer (&meta->byline, g_free);
  g_clear_pointer (&meta->date, g_free);
  g_clear_pointer (&meta->site, g_free);
  g_clear_pointer (&meta->url, g_free);
}

/* Some sites escape their meta values twice ("&amp;#39;"); libxml2 has
 * undone one level. */
static char *
unescape_entities (const char *text)
{
  GString *out;
  const char *p;

  if (text == NULL)
    return NULL;
  if (strchr (text, '&') == NULL)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0'; p++)
    {
      static const struct { const char *name; const char *text; } named[] = {
        { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
        { "&apos;", "'" }, { "&nbsp;", " " },
      };
      gboolean done = FALSE;

      if (*p != '&')
        {
          g_string_append_c (out, *p);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (named) && !done; i++)
        if (g_str_has_prefix (p, named[i].name))
          {
            g_string_append (out, named[i].text);
            p += strlen (named[i].name) - 1;
            done = TRUE;
          }
      if (!done && p[1] == '#')
        {
          gboolean hex = p[2] == 'x' || p[2] == 'X';
          const char *digits = p + (hex ? 3 : 2);
          char *end = NULL;
          guint64 value = g_ascii_strtoull (digits, &end, hex ? 16 : 10);

          if (end != digits && *end == ';' && value > 0 && value <= 0x10FFFF &&
              g_unichar_validate ((gunichar)value) && value >= 0x20)
            {
              g_string_append_unichar (out, (gunichar)value);
              p = end;
              done = TRUE;
            }
        }
      if (!done)
        g_string_append_c (out, '&');
    }
  return g_string_free (out, FALSE);
}

/* A clean copy of a metadata value: entities undone, spaces collapsed;
 * NULL when empty or absurdly long. */
static char *
clean_value (const char *value)
{
  g_autofree char *text = NULL;

  if (value == NULL || strlen (value) > MAX_META_BYTES || !g_utf8_validate (value, -1, NULL))
    return NULL;
  text = px_html_collapse_space (unescape_entities (value));
  if (text[0] == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

static void
take_first (char **slot,
            char  *value)
{
  if (*slot == NULL)
    *slot = value;
  else
    g_free (value);
}

/* ISO 8601 dates: the date part of "2023-03-13T10:00:00Z", "2023-03", "2023". */
static char *
normalize_date (const char *value)
{
  int year = 0, month = 0, day = 0;
  const char *p;

  if (value == NULL)
    return NULL;
  while (g_ascii_isspace (*value))
    value++;
  p = value;
  for (int i = 0; i < 4; i++, p++)
    {
      if (!g_ascii_isdigit (*p))
        return NULL;
      year = year * 10 + (*p - '0');
    }
  if (year < 1800 || year > 2200)
    return NULL;
  if (*p != '-' || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]))
    return g_strdup_printf ("%04d", year);
  month = (p[1] - '0') * 10 + (p[2] - '0');
  if (month < 1 || month > 12)
    return g_strdup_printf ("%04d", year);
  p += 3;
  if (*p != '-' || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]))
    return g_strdup_printf ("%04d-%02d", year, month);
  day = (p[1] - '0') * 10 + (p[2] - '0');
  if (!g_date_valid_dmy (day, month, year))
    return g_strdup_printf ("%04d-%02d", year, month);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* JSON-LD */

/* Whether json-glib can parse TEXT without nesting deeper than
 * MAX_JSON_LD_DEPTH (its parser recurses once per level).  The guard must
 * see the brackets json-glib sees, no more and no fewer, or a bracket hidden
 * where only one of the two skips it lets the nesting through.  json-glib
 * 1.6 reads a '/' as opening a comment that the next '/' closes, newer
 * versions read C's comments, and both read single-quoted strings: so the
 * guard skips what every version skips alike — double-quoted strings and a
 * slash-star comment with no '/' inside — and refuses any other '/' or '\''
 * outside strings (no JSON-LD needs them).  Unbalanced closers, never valid
 * JSON, are refused too. */
static gboolean
json_depth_ok (const char *text)
{
  int depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '"':
        for (p++; *p != '"'; p++)
          {
            if (*p == '\0')
              return FALSE;
            if (*p == '\\' && *++p == '\0')
              return FALSE;
          }
        break;

      case '/':
        if (p[1] != '*')
          return FALSE;
        for (p += 2; !(p[0] == '*' && p[1] == '/'); p++)
          if (*p == '\0' || *p == '/')
            return FALSE;
        p++;
        break;

      case '\'':
        return FALSE;

      case '[':
      case '{':
        if (++depth > MAX_JSON_LD_DEPTH)
          return FALSE;
        break;

      case ']':
      case '}':
        if (--depth < 0)
          return FALSE;
        break;

      default:
        break;
      }
  return TRUE;
}

static const char *
object_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static gboolean
is_article_type (JsonObject *object)
{
  static GRegex *types;
  static gsize initialized;
  JsonNode *node = json_object_get_member (object, "@type");

  if (g_once_init_enter (&initialized))
    {
      /* schema.org's article types (as Readability lists them) */
      types = g_regex_new ("^Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|"
                           "AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|"
                           "ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|"
                           "ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|"
                           "LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference$",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&initialized, 1);
    }
  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_regex_match (types, json_node_get_string (node), 0, NULL);
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING &&
              g_regex_match (types, json_node_get_string (item), 0, NULL))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_schema_org (JsonObject *object)
{
  JsonNode *context = json_object_get_member (object, "@context");
  const char *url = NULL;

  if (context == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (context) && json_node_get_value_type (context) == G_TYPE_STRING)
    url = json_node_get_string (context);
  else if (JSON_NODE_HOLDS_OBJECT (context))
    url = object_string (json_node_get_object (context), "@vocab");
  return url != NULL &&
         (g_str_equal (url, "http://schema.org") || g_str_equal (url, "https://schema.org") ||
          g_str_equal (url, "http://schema.org/") || g_str_equal (url, "https://schema.org/"));
}

/* "name" of a person or organization, or a plain string. */
static const char *
node_name (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (JSON_NODE_HOLDS_OBJECT (node))
    return object_string (json_node_get_object (node), "name");
  return NULL;
}

/* The first article object of a list, or NULL. */
static JsonObject *
find_article (JsonArray *array)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (item) && is_article_type (json_node_get_object (item)))
        return json_node_get_object (item);
    }
  return NULL;
}

static void
read_json_ld_article (MetaScan   *scan,
                      JsonObject *object)
{
  JsonNode *author = json_object_get_member (object, "author");
  JsonNode *publisher = json_object_get_member (object, "publisher");
  JsonNode *main_entity = json_object_get_member (object, "mainEntityOfPage");

  scan->ld_name = clean_value (object_string (object, "name"));
  scan->ld_headline = clean_value (object_string (object, "headline"));

  /* Authors are persons or organizations with a name; a list joins them. */
  if (author != NULL && JSON_NODE_HOLDS_ARRAY (author))
    {
      JsonArray *array = json_node_get_array (author);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array) && i < 20; i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          const char *name = JSON_NODE_HOLDS_OBJECT (item) ? node_name (item) : NULL;

          if (name == NULL || name[0] == '\0')
            continue;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, name);
        }
      scan->ld_byline = clean_value (names->str);
    }
  else if (author != NULL && JSON_NODE_HOLDS_OBJECT (author))
    scan->ld_byline = clean_value (node_name (author));
  else if (author != NULL)
    scan->ld_author_string = clean_value (node_name (author));

  {
    g_autofree char *date = clean_value (object_string (object, "datePublished"));

    scan->ld_date = normalize_date (date);
  }
  if (publisher != NULL && JSON_NODE_HOLDS_OBJECT (publisher))
    scan->ld_site = clean_value (node_name (publisher));
  scan->ld_url = clean_value (object_string (object, "url"));
  if (scan->ld_url == NULL && main_entity != NULL && JSON_NODE_HOLDS_OBJECT (main_entity))
    scan->ld_url = clean_value (object_string (json_node_get_object (main_entity), "@id"));
}

/* The first JSON-LD block that describes an article, as Readability reads
 * it: a schema.org object, or the first article of a list or "@graph". */
static void
read_json_ld (MetaScan   *scan,
              const char *text)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *copy = NULL;
  JsonNode *root;
  JsonObject *object = NULL;

  if (scan->ld_found || strlen (text) > MAX_JSON_LD_BYTES)
    return;

  /* <![CDATA[ … ]]> around the JSON */
  copy = g_strstrip (g_strdup (text));
  if (g_str_has_prefix (copy, "<![CDATA["))
    memset (copy, ' ', strlen ("<![CDATA["));
  if (g_str_has_suffix (copy, "]]>"))
    copy[strlen (copy) - 3] = '\0';
  if (!json_depth_ok (copy))
    return;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, copy, -1, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL)
    return;

  if (JSON_NODE_HOLDS_ARRAY (root))
    object = find_article (json_node_get_array (root));
  else if (JSON_NODE_HOLDS_OBJECT (root))
    object = json_node_get_object (root);
  if (object == NULL || !is_schema_org (object))
    return;

  if (!json_object_has_member (object, "@type"))
    {
      JsonNode *graph = json_object_get_member (object, "@graph");

      object = graph != NULL && JSON_NODE_HOLDS_ARRAY (graph) ? find_article (json_node_get_array (graph)) : NULL;
    }
  if (object == NULL || !is_article_type (object))
    return;

  scan->ld_found = TRUE;
  read_json_ld_article (scan, object);
}

/* <meta> */

static void
read_meta_element (MetaScan *scan,
                   xmlNode  *node)
{
  const char *content = px_html_get_attr (node, "content");
  const char *property = px_html_get_attr (node, "property");
  const char *name = px_html_get_attr (node, "name");
  const char *itemprop = px_html_get_attr (node, "itemprop");

  if (content == NULL || content[0] == '\0')
    return;

  /* property="og:title article:author": each name of the list counts. */
  if (property != NULL)
    {
      g_auto(GStrv) names = g_strsplit_set (property, " \t\n", -1);

      for (guint i = 0; names[i] != NULL; i++)
        if (names[i][0] != '\0' && (strchr (names[i], ':') != NULL || g_ascii_strcasecmp (names[i], "author") == 0))
          g_hash_table_replace (scan->values, g_ascii_strdown (names[i], -1), g_strdup (content));
    }
  if (name != NULL)
    {
      char *key = g_ascii_strdown (name, -1);

      g_strdelimit (g_strstrip (key), ".", ':');
      g_hash_table_replace (scan->values, key, g_strdup (content));
    }
  if (itemprop != NULL)
    g_hash_table_replace (scan->values, g_strconcat ("itemprop:", itemprop, NULL), g_strdup (content));
}

static void
scan_element (MetaScan *scan,
              xmlNode  *node)
{
  const char *name = (const char *)node->name;

  if (g_ascii_strcasecmp (name, "meta") == 0)
    read_meta_element (scan, node);
  else if (g_ascii_strcasecmp (name, "title") == 0 && scan->doc_title == NULL)
    {
      g_autofree char *text = px_html_dup_text (node, MAX_META_BYTES);

      scan->doc_title = clean_value (text);
    }
  else if (g_ascii_strcasecmp (name, "link") == 0)
    {
      const char *rel = px_html_get_attr (node, "rel");

      if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0)
        take_first (&scan->canonical, clean_value (px_html_get_attr (node, "href")));
    }
  else if (g_ascii_strcasecmp (name, "script") == 0)
    {
      const char *type = px_html_get_attr (node, "type");

      if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
        {
          g_autofree char *text = (char *)xmlNodeGetContent (node);

          if (text != NULL)
            read_json_ld (scan, text);
        }
    }
  else if (g_ascii_strcasecmp (name, "time") == 0 && scan->time_date == NULL)
    {
      const char *datetime = px_html_get_attr (node, "datetime");

      scan->time_date = normalize_date (datetime);
    }
  else if ((g_ascii_strcasecmp (name, "h1") == 0 || g_ascii_strcasecmp (name, "h2") == 0) &&
           scan->headings->len < MAX_HEADINGS)
    {
      g_autofree char *text = px_html_dup_text (node, MAX_META_BYTES);

      if (name[1] == '1')
        {
          scan->n_h1++;
          if (scan->first_h1 == NULL)
            scan->first_h1 = g_strdup (text);
        }
      g_ptr_array_add (scan->headings, g_steal_pointer (&text));
    }
}

static guint
word_count (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

static gboolean
is_separator_char (char c)
{
  return c == '|' || c == '-' || c == '\\' || c == '/' || c == '>';
}

/* The position of " X " for a separator X (| - \ / > »), last or first. */
static const char *
find_separator (const char *title,
                gboolean    last,
                gsize      *sep_length)
{
  const char *found = NULL;

  for (const char *p = title; *p != '\0'; p++)
    {
      if (*p != ' ')
        continue;
      if (is_separator_char (p[1]) && p[2] == ' ')
        {
          found = p;
          *sep_length = 3;
        }
      else if (g_str_has_prefix (p + 1, "» "))
        {
          found = p;
          *sep_length = 4;
        }
      else if (g_str_has_prefix (p + 1, "– "))
        {
          found = p;
          *sep_length = 5;
        }
      if (found != NULL && !last)
        break;
    }
  return found;
}

/* The article's title from the document title: without the site's name
 * ("Headline | Site"), as Readability does it. */
static char *
title_from_document (MetaScan *scan)
{
  const char *orig = scan->doc_title;
  g_autofree char *title = NULL;
  gboolean hierarchical = FALSE;
  gsize sep_length = 0;
  const char *sep;

  if (orig == NULL)
    return g_strdup (scan->first_h1);

  if ((sep = find_separator (orig, TRUE, &sep_length)) != NULL)
    {
      const char *first;
      gsize first_length = 0;

      hierarchical = strstr (orig, " / ") != NULL || strstr (orig, " > ") != NULL ||
                     strstr (orig, " \\ ") != NULL || strstr (orig, " » ") != NULL;
      title = g_strndup (orig, sep - orig);
      if (word_count (title) < 3 && (first = find_separator (orig, FALSE, &first_length)) != NULL)
        {
          g_free (title);
          title = g_strdup (first + first_length);
        }
    }
  else if (strstr (orig, ": ") != NULL)
    {
      gboolean matches_heading = FALSE;

      for (guint i = 0; i < scan->headings->len && !matches_heading; i++)
        matches_heading = g_strcmp0 (g_ptr_array_index (scan->headings, i), orig) == 0;
      if (matches_heading)
        title = g_strdup (orig);
      else
        {
          const char *colon = strrchr (orig, ':');
          g_autofree char *before = g_strndup (orig, strchr (orig, ':') - orig);

          title = g_strdup (colon + 1);
          if (word_count (title) < 3)
            {
              g_free (title);
              title = g_strdup (strchr (orig, ':') + 1);
            }
          else if (word_count (before) > 5)
            {
              g_free (title);
              title = g_strdup (orig);
            }
        }
    }
  else if ((g_utf8_strlen (orig, -1) > 150 || g_utf8_strlen (orig, -1) < 15) && scan->n_h1 == 1)
    title = g_strdup (scan->first_h1);
  else
    title = g_strdup (orig);

  px_html_collapse_space (title);
  if (word_count (title) <= 4)
    {
      g_autofree char *stripped = g_strdup (orig);
      char *out = stripped;

      for (const char *p = orig; *p != '\0'; p++)
        if (!is_separator_char (*p))
          *out++ = *p;
      *out = '\0';
      if (!hierarchical || word_count (title) != word_count (stripped) - 1)
        {
          g_free (title);
          title = g_strdup (orig);
        }
    }
  return g_steal_pointer (&title);
}

/* Share of the words of @b that are also in @a, weighted by length. */
static double
text_similarity (const char *a,
                 const char *b)
{
  g_autofree char *la = g_utf8_strdown (a, -1);
  g_autofree char *lb = g_utf8_strdown (b, -1);
  g_autoptr(GPtrArray) ta = g_ptr_array_new ();
  g_autoptr(GPtrArray) tb = g_ptr_array_new ();
  gsize total = 0, unique = 0;
  guint n_unique = 0;

  for (guint pass = 0; pass < 2; pass++)
    {
      char *p = pass == 0 ? la : lb;
      GPtrArray *tokens = pass == 0 ? ta : tb;

      while (*p != '\0')
        {
          char *start;

          while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)) && *p != '_')
            p = g_utf8_next_char (p);
          start = p;
          while (*p != '\0' && (g_unichar_isalnum (g_utf8_get_char (p)) || *p == '_'))
            p = g_utf8_next_char (p);
          if (p > start)
            {
              gboolean end = *p == '\0';

              *p = '\0';
              g_ptr_array_add (tokens, start);
              if (!end)
                p++;
            }
        }
    }
  if (ta->len == 0 || tb->len == 0)
    return 0;

  for (guint i = 0; i < tb->len; i++)
    {
      const char *token = g_ptr_array_index (tb, i);
      gboolean shared = FALSE;

      for (guint j = 0; j < ta->len && !shared; j++)
        shared = g_str_equal (token, g_ptr_array_index (ta, j));
      total += strlen (token);
      if (!shared)
        {
          unique += strlen (token);
          n_unique++;
        }
    }
  /* lengths of the tokens joined with spaces */
  total += tb->len - 1;
  if (n_unique > 0)
    unique += n_unique - 1;
  return 1.0 - (double)unique / total;
}

/* JSON-LD "name" or "headline": the one that matches the page title, the
 * name when both or neither do. */
static char *
json_ld_title (MetaScan *scan)
{
  if (scan->ld_name != NULL && scan->ld_headline != NULL && g_strcmp0 (scan->ld_name, scan->ld_headline) != 0)
    {
      g_autofree char *title = title_from_document (scan);

      if (title != NULL && text_similarity (scan->ld_headline, title) > 0.75 &&
          text_similarity (scan->ld_name, title) <= 0.75)
        return g_strdup (scan->ld_headline);
      return g_strdup (scan->ld_name);
    }
  return g_strdup (scan->ld_name != NULL ? scan->ld_name : scan->ld_headline);
}

static const char *
first_value (MetaScan           *scan,
             const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *value = g_hash_table_lookup (scan->values, keys[i]);

      if (value != NULL && value[0] != '\0')
        return value;
    }
  return NULL;
}

static gboolean
looks_like_url (const char *text)
{
  return g_str_has_prefix (text, "http://") || g_str_has_prefix (text, "https://") ||
         g_str_has_prefix (text, "//");
}

void
px_html_read_meta (xmlDoc     *doc,
                   PxHtmlMeta *meta)
{
  static const char * const title_keys[] = {
    "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title",
    "title", "twitter:title", "parsely-title", NULL,
  };
  static const char * const byline_keys[] = {
    "dc:creator", "dcterm:creator", "author", "parsely-author", NULL,
  };
  static const char * const date_keys[] = {
    "article:published_time", "parsely-pub-date", "og:article:published_time",
    "itemprop:datePublished", "date", "dc:date", "dcterms:date", "pubdate", "publishdate",
    "sailthru:date", NULL,
  };
  static const char * const site_keys[] = { "og:site_name", "application-name", NULL };
  static const char * const url_keys[] = { "og:url", "twitter:url", NULL };
  xmlNode *top = xmlDocGetRootElement (doc);
  xmlNode *node = top;
  MetaScan scan = { 0 };
  const char *value;

  g_return_if_fail (meta != NULL);

  scan.values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  scan.headings = g_ptr_array_new_with_free_func (g_free);

  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE)
        scan_element (&scan, node);
      node = px_html_next_node (node, top, node->type == XML_ELEMENT_NODE);
    }

  meta->title = json_ld_title (&scan);
  if (meta->title == NULL)
    meta->title = clean_value (first_value (&scan, title_keys));
  if (meta->title == NULL)
    meta->title = title_from_document (&scan);

  meta->byline = g_strdup (scan.ld_byline);
  if (meta->byline == NULL)
    meta->byline = clean_value (first_value (&scan, byline_keys));
  if (meta->byline == NULL && (value = g_hash_table_lookup (scan.values, "article:author")) != NULL &&
      !looks_like_url (value))
    meta->byline = clean_value (value);
  if (meta->byline == NULL)
    meta->byline = g_strdup (scan.ld_author_string);
  /* Without metadata, the body's author line is read as the article is
   * extracted (px-html-extract.c). */

  meta->date = g_strdup (scan.ld_date);
  if (meta->date == NULL)
    meta->date = normalize_date (first_value (&scan, date_keys));
  if (meta->date == NULL)
    meta->date = g_strdup (scan.time_date);

  meta->site = g_strdup (scan.ld_site);
  if (meta->site == NULL)
    meta->site = clean_value (first_value (&scan, site_keys));

  meta->url = g_strdup (scan.canonical);
  if (meta->url == NULL)
    meta->url = clean_value (first_value (&scan, url_keys));
  if (meta->url == NULL)
    meta->url = g_strdup (scan.ld_url);

  g_hash_table_unref (scan.values);
  g_ptr_array_unref (scan.headings);
  g_free (scan.ld_name);
  g_free (scan.ld_headline);
  g_free (scan.ld_byline);
  g_free (scan.ld_author_string);
  g_free (scan.ld_date);
  g_free (scan.ld_site);
  g_free (scan.ld_url);
  g_free (scan.doc_title);
  g_free (scan.first_h1);
  g_free (scan.time_date);
  g_free (scan.canonical);
}
