/* px-html-items.c: article extraction, step 1: the page as a flat array
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One walk in document order lists the elements and text nodes, drops what
 * is never text (scripts, styles, forms' controls, embeds) and flags what
 * is probably not the article: hidden elements, navigation, asides, and
 * elements whose class or id says comments, share bars, related links,
 * cookie banners, ads …. The walk is a loop over parent pointers.
 */
#define G_LOG_DOMAIN "px-html"

#include "config.h"

#include <string.h>

#include "px-html-extract-private.h"

static const struct
{
  const char *name;
  guint       flags;
} tag_table[] = {
  { "script", TAG_SKIP }, { "style", TAG_SKIP }, { "noscript", TAG_SKIP },
  { "template", TAG_SKIP }, { "svg", TAG_SKIP }, { "math", TAG_SKIP }, { "head", TAG_SKIP },
  { "title", TAG_SKIP }, { "meta", TAG_SKIP }, { "link", TAG_SKIP }, { "canvas", TAG_SKIP },
  { "map", TAG_SKIP }, { "dialog", TAG_SKIP }, { "datalist", TAG_SKIP },
  { "button", TAG_SKIP | TAG_INPUT }, { "input", TAG_SKIP | TAG_INPUT },
  { "select", TAG_SKIP | TAG_INPUT }, { "textarea", TAG_SKIP | TAG_INPUT },
  { "option", TAG_SKIP }, { "iframe", TAG_SKIP }, { "object", TAG_SKIP },
  { "embed", TAG_SKIP }, { "video", TAG_SKIP },
  { "audio", TAG_SKIP }, { "picture", TAG_IMAGE },
  { "img", TAG_IMAGE }, { "br", TAG_BREAK }, { "a", TAG_LINK },
  { "p", TAG_BLOCK | TAG_SCORED | TAG_PARA }, { "pre", TAG_BLOCK | TAG_SCORED | TAG_TABLE },
  { "td", TAG_BLOCK | TAG_SCORED | TAG_TABLE }, { "th", TAG_BLOCK },
  { "div", TAG_BLOCK | TAG_SCORED | TAG_CLEANED }, { "section", TAG_BLOCK | TAG_SCORED | TAG_CLEANED },
  { "article", TAG_BLOCK | TAG_SCORED }, { "main", TAG_BLOCK | TAG_SCORED },
  { "center", TAG_BLOCK | TAG_SCORED }, { "font", 0 },
  { "h1", TAG_BLOCK | TAG_HEADING }, { "h2", TAG_BLOCK | TAG_HEADING | TAG_SCORED },
  { "h3", TAG_BLOCK | TAG_HEADING | TAG_SCORED }, { "h4", TAG_BLOCK | TAG_HEADING | TAG_SCORED },
  { "h5", TAG_BLOCK | TAG_HEADING | TAG_SCORED }, { "h6", TAG_BLOCK | TAG_HEADING | TAG_SCORED },
  { "ul", TAG_BLOCK | TAG_LIST | TAG_CLEANED }, { "ol", TAG_BLOCK | TAG_LIST | TAG_CLEANED },
  { "dl", TAG_BLOCK | TAG_LIST }, { "li", TAG_BLOCK | TAG_LIST_ITEM },
  { "dt", TAG_BLOCK | TAG_LIST_ITEM }, { "dd", TAG_BLOCK | TAG_LIST_ITEM },
  { "blockquote", TAG_BLOCK | TAG_QUOTE | TAG_SCORED }, { "table", TAG_BLOCK | TAG_CLEANED | TAG_TABLE },
  { "tr", TAG_BLOCK }, { "tbody", TAG_BLOCK }, { "thead", TAG_BLOCK }, { "tfoot", TAG_BLOCK },
  { "caption", TAG_BLOCK }, { "code", TAG_TABLE },
  { "form", TAG_BLOCK | TAG_CLEANED }, { "fieldset", TAG_BLOCK | TAG_CLEANED },
  { "figure", TAG_BLOCK | TAG_FIGURE }, { "figcaption", TAG_BLOCK | TAG_CAPTION },
  { "address", TAG_BLOCK }, { "hr", TAG_BLOCK }, { "details", TAG_BLOCK },
  { "summary", TAG_BLOCK }, { "body", TAG_BLOCK }, { "html", TAG_BLOCK },
  { "nav", TAG_BLOCK | TAG_STRUCTURE }, { "aside", TAG_BLOCK | TAG_STRUCTURE },
  { "footer", TAG_BLOCK | TAG_STRUCTURE }, { "menu", TAG_BLOCK | TAG_STRUCTURE },
  { "header", TAG_BLOCK }, { "hgroup", TAG_BLOCK },
};

static const char * const unlikely_roles[] = {
  "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog",
  "banner", "contentinfo", "search", "toolbar",
};

static GHashTable *tag_flags;
static GRegex *unlikely_regex;
static GRegex *maybe_regex;
static GRegex *positive_regex;
static GRegex *negative_regex;
static GRegex *byline_regex;
static GRegex *share_regex;
static GRegex *caption_regex;
static GRegex *hidden_style_regex;
GRegex *px_html_ad_words_regex;
GRegex *px_html_dateline_regex;
/* PX_HTML_DEBUG=1 prints the candidate each attempt chose. */
gboolean px_html_debug_enabled;

void
px_html_items_init (void)
{
  static gsize initialized;

  if (!g_once_init_enter (&initialized))
    return;

  tag_flags = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (tag_table); i++)
    g_hash_table_insert (tag_flags, (gpointer)tag_table[i].name, GUINT_TO_POINTER (tag_table[i].flags | 1u << 31));

#define REGEX(pattern) g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL)
  unlikely_regex = REGEX ("-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|"
                          "footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|"
                          "skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|"
                          "popup|yom-remote|cookie|consent|newsletter|subscribe|signup|outbrain|taboola|"
                          "recirc|promo|modal|overlay|toolbar|masthead|most-?popular|"
                          "trending|also-?read|recommend");
  maybe_regex = REGEX ("and|article|body|column|content|main|shadow|story");
  positive_regex = REGEX ("article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story");
  negative_regex = REGEX ("-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|"
                          "gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|"
                          "skyscraper|sponsor|shopping|tags|widget|byline|author|caption|credit|newsletter|"
                          "subscribe|cookie|recommend");
  byline_regex = REGEX ("byline|author|dateline|writtenby|p-author");
  share_regex = REGEX ("(\\b|_)(share|sharedaddy)(\\b|_)");
  caption_regex = REGEX ("caption|credit");
  hidden_style_regex = REGEX ("display\\s*:\\s*none|visibility\\s*:\\s*hidden");
  px_html_ad_words_regex = g_regex_new ("^(ad(vert|vertising|vertisement)?|sponsored|pub(licité)?|werb(ung)?|广告|Реклама|"
                                "Anuncio|loading|正在加载|Загрузка|chargement|cargando|trending|"
                                "(\\d+ )?comments?|related( stories| articles| content)?|read more|see more|"
                                "don'?t miss|you may also like|more on this( story)?|continue reading( below)?|"
                                "(image|photo|slide) \\d+ (of|/) \\d+|this slideshow requires javascript)"
                                "(…|\\.\\.\\.|:|\\.)?$",
                                G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  /* "By Ada Brennan - 11/18/19 11:04 PM", "Published: 10:48, Tue, Nov 19, 2019" */
  px_html_dateline_regex = g_regex_new ("^((by|von|por|par)\\s+\\p{Lu}\\S*\\s+\\p{Lu}[^.]*|"
                                "(published|updated|posted|last updated|first published|publicado|"
                                "veröffentlicht|aktualisiert)\\b[^.]{0,80}?\\d[^.]*)$",
                                G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
#undef REGEX
  px_html_debug_enabled = g_getenv ("PX_HTML_DEBUG") != NULL;

  g_once_init_leave (&initialized, 1);
}

static guint
lookup_tag (xmlNode *node)
{
  gpointer value;
  char lower[16];
  gsize n = strlen ((const char *)node->name);

  if (n >= sizeof lower)
    return 0;
  for (gsize i = 0; i <= n; i++)
    lower[i] = g_ascii_tolower (node->name[i]);
  value = g_hash_table_lookup (tag_flags, lower);
  return GPOINTER_TO_UINT (value) & ~(1u << 31);
}

static gboolean
regex_matches (GRegex     *regex,
               const char *text)
{
  return text != NULL && text[0] != '\0' && g_regex_match (regex, text, 0, NULL);
}

static int
class_weight (const char *cls,
              const char *id)
{
  int weight = 0;

  if (regex_matches (negative_regex, cls))
    weight -= 25;
  if (regex_matches (positive_regex, cls))
    weight += 25;
  if (regex_matches (negative_regex, id))
    weight -= 25;
  if (regex_matches (positive_regex, id))
    weight += 25;
  return weight;
}

static gboolean
is_hidden (xmlNode *node)
{
  const char *style = px_html_get_attr (node, "style");
  const char *aria = px_html_get_attr (node, "aria-hidden");
  const char *cls = px_html_get_attr (node, "class");

  if (px_html_get_attr (node, "hidden") != NULL)
    return TRUE;
  if (aria != NULL && g_ascii_strcasecmp (aria, "true") == 0 &&
      (cls == NULL || strstr (cls, "fallback-image") == NULL))
    return TRUE;
  return regex_matches (hidden_style_regex, style);
}

/* Characters of a text, spaces collapsed, and its commas. */
void
px_html_measure_text (const char *text,
                      guint      *n_chars,
                      guint      *n_commas)
{
  gboolean space = TRUE;
  guint chars = 0, commas = 0;

  for (const guchar *p = (const guchar *)text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f')
        {
          if (!space)
            chars++;
          space = TRUE;
          continue;
        }
      space = FALSE;
      if ((*p & 0xC0) == 0x80)
        continue;
      chars++;
      if (*p == ',')
        commas++;
      /* ، ﹐ ︐ ︑ ⹁ ⸴ ⸲ ， */
      else if ((p[0] == 0xD8 && p[1] == 0x8C) || (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C) ||
               (p[0] == 0xEF && p[1] == 0xB9 && p[2] == 0x90) || (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x81))
        commas++;
    }
  *n_chars = chars;
  *n_commas = commas;
}

/* The author line of a page without metadata: the first visible element
 * marked as such, outside hidden and unlikely blocks, or the element named
 * inside it (itemprop="name"), as Readability reads it. */
static char *
read_byline (xmlNode *node)
{
  g_autofree char *text = px_html_dup_text (node, 400);
  xmlNode *top = node;
  guint n = 0;

  if (text[0] == '\0' || g_utf8_strlen (text, -1) >= 100)
    return NULL;

  while (node != NULL && n++ < 1000)
    {
      const char *itemprop = node->type == XML_ELEMENT_NODE ? px_html_get_attr (node, "itemprop") : NULL;

      if (node != top && itemprop != NULL && strstr (itemprop, "name") != NULL)
        {
          g_autofree char *name = px_html_dup_text (node, 400);

          if (name[0] != '\0')
            return g_steal_pointer (&name);
        }
      node = px_html_next_node (node, top, node->type == XML_ELEMENT_NODE);
    }
  return g_steal_pointer (&text);
}

/* Step 1: the flat array. */
void
px_html_collect_items (PxHtmlPage *page,
                       xmlNode    *top)
{
  GArray *items = page->items;
  xmlNode *node = top;

  while (node != NULL)
    {
      gboolean descend = FALSE;
      guint parent = node == top ? G_MAXUINT : GPOINTER_TO_UINT (node->parent->_private) - 1;
      PxHtmlItem *up = parent != G_MAXUINT ? &g_array_index (items, PxHtmlItem, parent) : NULL;

      if (node->type == XML_ELEMENT_NODE)
        {
          guint tag = lookup_tag (node);

          if (tag & TAG_SKIP)
            {
              if (up != NULL && (tag & TAG_INPUT))
                up->n_inputs++;
            }
          else
            {
              PxHtmlItem item = { 0 };
              const char *cls = px_html_get_attr (node, "class");
              const char *id = px_html_get_attr (node, "id");
              const char *role = px_html_get_attr (node, "role");

              item.node = node;
              item.parent = parent;
              item.tag = tag;
              item.weight = class_weight (cls, id);
              item.in_link = (tag & TAG_LINK) || (up != NULL && up->in_link);
              item.in_list = (tag & TAG_LIST) || (up != NULL && up->in_list);
              item.in_heading = (tag & TAG_HEADING) || (up != NULL && up->in_heading);
              item.in_figure = (tag & TAG_FIGURE) || (up != NULL && up->in_figure);
              item.in_table = (tag & TAG_TABLE) || (up != NULL && up->in_table);
              item.owner = (tag & TAG_BLOCK) || up == NULL ? items->len : up->owner;

              if (is_hidden (node))
                item.drop |= DROP_HIDDEN;
              if (tag & TAG_STRUCTURE)
                item.drop |= DROP_STRUCT;
              if (role != NULL)
                for (guint i = 0; i < G_N_ELEMENTS (unlikely_roles); i++)
                  if (g_ascii_strcasecmp (role, unlikely_roles[i]) == 0)
                    item.drop |= DROP_STRUCT;
              if (up != NULL && !(tag & TAG_LINK) && !item.in_table && !px_html_is_element (node, "body") &&
                  ((regex_matches (unlikely_regex, cls) && !regex_matches (maybe_regex, cls)) ||
                   (regex_matches (unlikely_regex, id) && !regex_matches (maybe_regex, id))))
                item.drop |= DROP_UNLIKELY;
              if (g_strcmp0 (px_html_get_attr (node, "rel"), "author") == 0 ||
                  regex_matches (byline_regex, cls) || regex_matches (byline_regex, id))
                item.byline = TRUE;
              else
                {
                  const char *itemprop = px_html_get_attr (node, "itemprop");

                  item.byline = itemprop != NULL && strstr (itemprop, "author") != NULL;
                }
              if (item.byline && page->want_byline && page->byline == NULL && page->n_byline_tries < 50 &&
                  !(up != NULL && up->blocked) && !(item.drop & DROP_HIDDEN))
                {
                  page->byline = read_byline (node);
                  page->n_byline_tries++;
                }
              item.blocked = (up != NULL && up->blocked) || item.drop != 0;
              if (regex_matches (share_regex, cls) || regex_matches (share_regex, id))
                item.share = TRUE;
              if (regex_matches (caption_regex, cls) || regex_matches (caption_regex, id))
                item.caption = TRUE;
              if (up != NULL && (tag & TAG_BLOCK))
                up->has_block_child = TRUE;

              node->_private = GUINT_TO_POINTER (items->len + 1);
              g_array_append_val (items, item);
              descend = node->children != NULL;
            }
        }
      else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && up != NULL &&
               node->content != NULL)
        {
          PxHtmlItem item = { 0 };

          px_html_measure_text ((const char *)node->content, &item.n_chars, &item.n_commas);
          if (item.n_chars > 0)
            {
              item.node = node;
              item.parent = parent;
              item.owner = up->owner;
              item.is_text = TRUE;
              item.in_link = up->in_link;
              item.in_list = up->in_list;
              item.in_heading = up->in_heading;
              item.in_figure = up->in_figure;
              g_array_append_val (items, item);
            }
        }

      node = px_html_next_node (node, top, descend);
    }

  for (guint i = 0; i < items->len; i++)
    g_array_index (items, PxHtmlItem, i).end = i + 1;
  for (guint i = items->len; i-- > 0; )
    {
      PxHtmlItem *item = &g_array_index (items, PxHtmlItem, i);

      if (item->parent != G_MAXUINT)
        {
          PxHtmlItem *up = &g_array_index (items, PxHtmlItem, item->parent);

          up->end = MAX (up->end, item->end);
        }
    }
}
