/* px-html-extract.c: the article body of a web page, by content scoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The method is Readability's, rewritten over a flat array:
 *
 * 1. One walk in document order lists the elements and text nodes, drops
 *    what is never text (scripts, styles, forms' controls, embeds) and
 *    flags what is probably not the article: hidden elements, navigation,
 *    asides, and elements whose class or id says comments, share bars,
 *    related links, cookie banners, ads ….
 * 2. Each run of text of 25 characters or more scores its block's parent
 *    and ancestors (commas and length count); class and id names weigh
 *    ±25; the scores are scaled by 1 − link density.
 * 3. The best candidate, moved up to the ancestor that holds its close
 *    rivals, is taken with those of its siblings that score well or read
 *    as prose.
 * 4. Inside it, blocks that look like link lists, forms or image galleries
 *    are dropped (Readability's "conditional cleaning"), and the rest is
 *    emitted in reading order, one paragraph per block: headings, list
 *    items and block quotes keep their kind.
 *
 * When the result is short, the flags of step 1 are relaxed and the page
 * is scored again. Nothing here recurses: the array is walked forwards and
 * backwards, and the tree is walked with parent pointers.
 */
#define G_LOG_DOMAIN "px-html"

#include "config.h"

#include <string.h>

#include "px-html-private.h"

/* Texts shorter than this do not score their ancestors. */
#define MIN_SCORED_CHARS 25
/* An extraction shorter than this is retried with fewer flags. */
#define MIN_ARTICLE_CHARS 400
/* Readability's number of top candidates that may share an ancestor. */
#define N_TOP_CANDIDATES 5

typedef enum
{
  TAG_BLOCK     = 1 << 0,   /* ends a paragraph */
  TAG_SKIP      = 1 << 1,   /* never text: left out of the walk */
  TAG_SCORED    = 1 << 2,   /* a paragraph-like block whose text is scored */
  TAG_HEADING   = 1 << 3,
  TAG_LIST_ITEM = 1 << 4,
  TAG_QUOTE     = 1 << 5,
  TAG_LIST      = 1 << 6,
  TAG_LINK      = 1 << 7,
  TAG_IMAGE     = 1 << 8,
  TAG_CLEANED   = 1 << 9,   /* checked by conditional cleaning */
  TAG_BREAK     = 1 << 10,  /* <br> */
  TAG_INPUT     = 1 << 11,
  TAG_STRUCTURE = 1 << 13,  /* nav, aside, footer …: not the article */
  TAG_PARA      = 1 << 14,  /* <p> */
  TAG_FIGURE    = 1 << 15,
  TAG_TABLE     = 1 << 16,  /* table or code: no unlikely-flags inside */
  TAG_CAPTION   = 1 << 17,  /* figcaption: about a picture, not the story */
} TagFlags;

typedef enum
{
  DROP_HIDDEN   = 1 << 0,
  DROP_STRUCT   = 1 << 1,
  DROP_UNLIKELY = 1 << 2,
} DropFlags;

typedef struct
{
  xmlNode *node;
  guint    parent;         /* index, or G_MAXUINT for the top */
  guint    end;            /* index after the last descendant */
  guint    owner;          /* nearest block ancestor-or-self (elements and text) */
  guint    tag;            /* TagFlags */
  guint    drop;           /* own DropFlags */
  gint     weight;         /* class and id weight */
  guint    is_text : 1;
  guint    in_link : 1;
  guint    in_list : 1;
  guint    in_heading : 1;
  guint    in_figure : 1;
  guint    in_table : 1;
  guint    has_block_child : 1;
  guint    byline : 1;     /* a short author line: never body text */
  guint    share : 1;      /* share buttons */
  guint    caption : 1;    /* class or id says caption or credit */
  guint    blocked : 1;    /* hidden or unlikely, itself or an ancestor */
  guint    n_chars;        /* text: characters, spaces collapsed */
  guint    n_commas;       /* text: commas */
  guint    n_inputs;       /* controls left out below this element */

  /* Per attempt. */
  guint    dropped : 1;
  guint    candidate : 1;
  double   score;
  guint    inline_chars;   /* text of this block outside its child blocks */
  guint    inline_commas;
  guint    inline_breaks;  /* <br> in its loose text */
  guint    text, links, lists, headings, commas;
  guint    n_p, n_img, n_li, n_input;
} Item;

typedef struct
{
  GArray     *items;
  guint       body;
  guint       best;
  const char *title;
  guint       title_chars;
  gboolean    want_byline;
  guint       n_byline_tries;
  char       *byline;
  gboolean    lenient;   /* last resort: every visible text */
} Page;

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
static GRegex *ad_words_regex;
static GRegex *dateline_regex;
/* PX_HTML_DEBUG=1 prints the candidate each attempt chose. */
static gboolean debug_enabled;

static void
init_tables (void)
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
  ad_words_regex = g_regex_new ("^(ad(vert|vertising|vertisement)?|sponsored|pub(licité)?|werb(ung)?|广告|Реклама|"
                                "Anuncio|loading|正在加载|Загрузка|chargement|cargando|trending|"
                                "(\\d+ )?comments?|related( stories| articles| content)?|read more|see more|"
                                "don'?t miss|you may also like|more on this( story)?|continue reading( below)?|"
                                "(image|photo|slide) \\d+ (of|/) \\d+|this slideshow requires javascript)"
                                "(…|\\.\\.\\.|:|\\.)?$",
                                G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  /* "By Ada Brennan - 11/18/19 11:04 PM", "Published: 10:48, Tue, Nov 19, 2019" */
  dateline_regex = g_regex_new ("^((by|von|por|par)\\s+\\p{Lu}\\S*\\s+\\p{Lu}[^.]*|"
                                "(published|updated|posted|last updated|first published|publicado|"
                                "veröffentlicht|aktualisiert)\\b[^.]{0,80}?\\d[^.]*)$",
                                G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
#undef REGEX
  debug_enabled = g_getenv ("PX_HTML_DEBUG") != NULL;

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
static void
measure_text (const char *text,
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
static void
collect_items (Page    *page,
               xmlNode *top)
{
  GArray *items = page->items;
  xmlNode *node = top;

  while (node != NULL)
    {
      gboolean descend = FALSE;
      guint parent = node == top ? G_MAXUINT : GPOINTER_TO_UINT (node->parent->_private) - 1;
      Item *up = parent != G_MAXUINT ? &g_array_index (items, Item, parent) : NULL;

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
              Item item = { 0 };
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
          Item item = { 0 };

          measure_text ((const char *)node->content, &item.n_chars, &item.n_commas);
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
    g_array_index (items, Item, i).end = i + 1;
  for (guint i = items->len; i-- > 0; )
    {
      Item *item = &g_array_index (items, Item, i);

      if (item->parent != G_MAXUINT)
        {
          Item *up = &g_array_index (items, Item, item->parent);

          up->end = MAX (up->end, item->end);
        }
    }
}

/* Step 2: statistics and scores for one set of flags. */
static void
compute_stats (Page *page,
               guint mask)
{
  GArray *items = page->items;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      gboolean parent_dropped = item->parent != G_MAXUINT &&
                                g_array_index (items, Item, item->parent).dropped;

      item->dropped = parent_dropped || (item->drop & mask) != 0;
      item->candidate = FALSE;
      item->score = 0;
      item->inline_chars = item->inline_commas = item->inline_breaks = 0;
      item->text = item->links = item->lists = item->headings = item->commas = 0;
      item->n_p = item->n_img = item->n_li = 0;
      item->n_input = item->n_inputs;
    }

  /* Backwards: children before parents. */
  for (guint i = items->len; i-- > 0; )
    {
      Item *item = &g_array_index (items, Item, i);
      Item *up;

      if (item->dropped)
        continue;
      if (item->is_text)
        {
          Item *owner = &g_array_index (items, Item, item->owner);

          owner->inline_chars += item->n_chars;
          owner->inline_commas += item->n_commas;
          item->text = item->n_chars;
          item->commas = item->n_commas;
          item->links = item->in_link ? item->n_chars : 0;
          item->lists = item->in_list ? item->n_chars : 0;
          item->headings = item->in_heading ? item->n_chars : 0;
        }
      else
        {
          if (item->tag & TAG_BREAK)
            g_array_index (items, Item, item->owner).inline_breaks++;
          /* Loose text counts as paragraphs too, one for each <br><br>. */
          if (item->tag & TAG_PARA)
            item->n_p++;
          else if ((item->tag & TAG_BLOCK) && item->inline_chars >= MIN_SCORED_CHARS)
            item->n_p += MAX (1, item->inline_breaks / 2);
          if (item->tag & TAG_IMAGE)
            item->n_img++;
          if (item->tag & TAG_LIST_ITEM)
            item->n_li++;
        }
      if (item->parent == G_MAXUINT)
        continue;
      up = &g_array_index (items, Item, item->parent);
      up->text += item->text;
      up->links += item->links;
      up->lists += item->lists;
      up->headings += item->headings;
      up->commas += item->commas;
      up->n_p += item->n_p;
      up->n_img += item->n_img;
      up->n_li += item->n_li;
      up->n_input += item->n_input;
    }
}

static double
link_density (const Item *item)
{
  return item->text > 0 ? (double)item->links / item->text : 0;
}

static void
init_candidate (Item    *item,
                gboolean weigh_classes)
{
  const char *name = (const char *)item->node->name;

  item->candidate = TRUE;
  item->score = 0;
  if (g_ascii_strcasecmp (name, "div") == 0)
    item->score = 5;
  else if (g_ascii_strcasecmp (name, "pre") == 0 || g_ascii_strcasecmp (name, "td") == 0 ||
           g_ascii_strcasecmp (name, "blockquote") == 0)
    item->score = 3;
  else if (item->tag & (TAG_LIST | TAG_LIST_ITEM) || g_ascii_strcasecmp (name, "address") == 0 ||
           g_ascii_strcasecmp (name, "form") == 0)
    item->score = -3;
  else if (item->tag & TAG_HEADING || g_ascii_strcasecmp (name, "th") == 0)
    item->score = -5;
  if (weigh_classes)
    item->score += item->weight;
}

static gboolean
is_ancestor (GArray *items,
             guint   ancestor,
             guint   index)
{
  return ancestor < index && index < g_array_index (items, Item, ancestor).end;
}

static guint
score_page (Page     *page,
            gboolean  weigh_classes)
{
  GArray *items = page->items;
  guint top[N_TOP_CANDIDATES];
  guint n_top = 0;
  guint best;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      double content;
      guint level0;

      if (item->is_text || item->dropped || !(item->tag & TAG_SCORED) ||
          item->inline_chars < MIN_SCORED_CHARS || item->parent == G_MAXUINT)
        continue;

      content = 1 + item->inline_commas + MIN (item->inline_chars / 100, 3);
      /* A block with blocks inside holds its loose text as a paragraph of
       * its own; a block without is the paragraph. */
      level0 = item->has_block_child && !(item->tag & TAG_PARA) ? i : item->parent;
      for (guint level = 0, a = level0; a != G_MAXUINT && level < 5;
           level++, a = g_array_index (items, Item, a).parent)
        {
          Item *ancestor = &g_array_index (items, Item, a);
          double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;

          if (!ancestor->candidate)
            init_candidate (ancestor, weigh_classes);
          ancestor->score += content / divider;
        }
    }

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (!item->candidate)
        continue;
      item->score *= 1 - link_density (item);

      for (guint t = 0; t < N_TOP_CANDIDATES; t++)
        {
          if (t < n_top && item->score <= g_array_index (items, Item, top[t]).score)
            continue;
          if (n_top < N_TOP_CANDIDATES)
            n_top++;
          memmove (top + t + 1, top + t, (n_top - t - 1) * sizeof top[0]);
          top[t] = i;
          break;
        }
    }

  if (n_top == 0)
    return page->body;
  best = top[0];

  /* Rivals that score nearly as well and share an ancestor with the best:
   * the article is that ancestor (split into several blocks). */
  {
    double best_score = g_array_index (items, Item, best).score;
    guint rivals[N_TOP_CANDIDATES];
    guint n_rivals = 0;

    for (guint t = 1; t < n_top; t++)
      if (g_array_index (items, Item, top[t]).score >= best_score * 0.75)
        rivals[n_rivals++] = top[t];
    if (n_rivals >= 3)
      for (guint a = g_array_index (items, Item, best).parent; a != G_MAXUINT && a != page->body;
           a = g_array_index (items, Item, a).parent)
        {
          guint n_inside = 0;

          for (guint r = 0; r < n_rivals; r++)
            n_inside += is_ancestor (items, a, rivals[r]) || rivals[r] == a;
          if (n_inside >= 3)
            {
              best = a;
              break;
            }
        }
    if (!g_array_index (items, Item, best).candidate)
      init_candidate (&g_array_index (items, Item, best), weigh_classes);
  }

  /* Up while the parent scores better. */
  {
    double last = g_array_index (items, Item, best).score;
    double threshold = last / 3;

    for (guint a = g_array_index (items, Item, best).parent; a != G_MAXUINT && a != page->body;
         a = g_array_index (items, Item, a).parent)
      {
        Item *ancestor = &g_array_index (items, Item, a);

        if (!ancestor->candidate)
          continue;
        if (ancestor->score < threshold)
          break;
        if (ancestor->score > last)
          {
            best = a;
            break;
          }
        last = ancestor->score;
      }
  }

  /* Up through wrappers that hold nothing else. */
  for (;;)
    {
      Item *item = &g_array_index (items, Item, best);
      Item *up;

      if (item->parent == G_MAXUINT || best == page->body)
        break;
      up = &g_array_index (items, Item, item->parent);
      if (up->text != item->text)
        break;
      best = item->parent;
    }
  return best;
}

/* Step 3: the siblings of the best candidate that belong to the article. */
static gboolean
sibling_belongs (Page       *page,
                 guint       best,
                 guint       index,
                 double      threshold)
{
  GArray *items = page->items;
  Item *item = &g_array_index (items, Item, index);
  Item *top = &g_array_index (items, Item, best);
  const char *cls = px_html_get_attr (item->node, "class");
  const char *top_cls = px_html_get_attr (top->node, "class");
  double bonus = 0;

  if (index == best)
    return TRUE;
  if (item->dropped || item->is_text)
    return item->is_text && !item->dropped && item->n_chars > 80;
  if (cls != NULL && cls[0] != '\0' && g_strcmp0 (cls, top_cls) == 0)
    bonus = top->score * 0.2;
  if (item->candidate && item->score + bonus >= threshold)
    return TRUE;
  if ((item->tag & TAG_PARA) || ((item->tag & TAG_SCORED) && !item->has_block_child))
    {
      double density = link_density (item);
      g_autofree char *text = NULL;

      if (item->text > 80 && density < 0.25)
        return TRUE;
      if (item->text == 0 || item->text > 80 || density > 0)
        return FALSE;
      text = px_html_dup_text (item->node, 400);
      return strstr (text, ". ") != NULL || g_str_has_suffix (text, ".");
    }
  return FALSE;
}

/* Step 4: conditional cleaning. */
static gboolean
looks_like_boilerplate (Page *page,
                        Item *item,
                        gboolean weigh_classes)
{
  gboolean is_list;
  int weight = weigh_classes ? item->weight : 0;
  double density;
  int n_li;

  if (item->share && item->text < 500)
    return TRUE;
  if ((item->tag & TAG_CAPTION) || (item->caption && item->text < 300))
    return TRUE;
  if (item->byline && item->text < 100 && !(item->tag & TAG_PARA && item->text > 60))
    return TRUE;
  if ((item->tag & TAG_HEADING) && weight < 0)
    return TRUE;
  if (px_html_is_element (item->node, "h1"))
    return TRUE;
  /* A heading that repeats the title; only headings of about the title's
   * length are read, so that nested headings cost nothing. */
  if ((item->tag & TAG_HEADING) && page->title != NULL && item->text <= page->title_chars + 2 &&
      item->text + 2 >= page->title_chars)
    {
      g_autofree char *text = px_html_dup_text (item->node, 2048);

      if (g_strcmp0 (text, page->title) == 0)
        return TRUE;
    }
  if (!(item->tag & TAG_CLEANED))
    return FALSE;

  is_list = (item->tag & TAG_LIST) || (item->text > 0 && item->lists > item->text * 0.9);
  if (weight < 0)
    return TRUE;
  if (item->commas >= 10)
    return FALSE;

  density = link_density (item);
  n_li = (int)item->n_li - 100;
  if (!item->in_figure && item->n_img > 1 && (double)item->n_p / item->n_img < 0.5)
    return TRUE;
  if (!is_list && n_li > (int)item->n_p)
    return TRUE;
  if (item->n_input > item->n_p / 3)
    return TRUE;
  if (!is_list && !item->in_figure && item->text < 25 && item->headings < item->text * 0.9 &&
      (item->n_img == 0 || item->n_img > 2) && density > 0)
    return TRUE;
  if (!is_list && weight < 25 && density > 0.2)
    return TRUE;
  if (is_list && density > 0.5)
    return TRUE;
  if (weight >= 25 && density > 0.5)
    return TRUE;
  return FALSE;
}

/* Emitting the paragraphs. */
typedef struct
{
  PxParagraphKind kind;
  char           *text;
} Paragraph;

typedef struct
{
  GArray            *paragraphs;   /* of Paragraph */
  GString           *text;
  PxParagraphKind    kind;
  guint              n_paragraphs;
  gsize              n_chars;
  guint              para_chars;   /* of the pending paragraph */
  guint              para_links;
  gboolean           after_break;
  gboolean           lenient;
} Emitter;

static gboolean
has_combining_marks (const char *text)
{
  for (const char *p = text; *p != '\0'; )
    {
      gunichar ch;

      if ((guchar)*p < 0x80)
        {
          p++;
          continue;
        }
      ch = g_utf8_get_char (p);
      if (g_unichar_ismark (ch) || (ch >= 0x1100 && ch <= 0x11FF))
        return TRUE;
      p = g_utf8_next_char (p);
    }
  return FALSE;
}

static void
flush (Emitter *emitter)
{
  char *text;
  gsize length;
  gboolean boilerplate;

  if (emitter->text->len == 0)
    {
      emitter->kind = PX_PARAGRAPH_TEXT;
      emitter->after_break = FALSE;
      emitter->para_chars = emitter->para_links = 0;
      return;
    }
  text = px_html_collapse_space (emitter->text->str);
  length = strlen (text);

  /* Lines that only name a link ("Read more: …") or the author and
   * the time, or label an ad, are not the story. */
  boilerplate = !emitter->lenient &&
                (g_regex_match (ad_words_regex, text, 0, NULL) ||
                 (emitter->para_links * 2 > emitter->para_chars && emitter->para_chars < 300 &&
                  emitter->kind != PX_PARAGRAPH_HEADING) ||
                 (length < 120 && g_regex_match (dateline_regex, text, 0, NULL)));
  if (text[0] != '\0' && !boilerplate)
    {
      Paragraph para = { emitter->kind, NULL };

      /* Decomposed accents, as the text importer does: NFC. */
      if (has_combining_marks (text))
        para.text = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
      if (para.text == NULL)
        para.text = g_strdup (text);
      g_array_append_val (emitter->paragraphs, para);
      emitter->n_paragraphs++;
      emitter->n_chars += length;
    }
  g_string_truncate (emitter->text, 0);
  emitter->kind = PX_PARAGRAPH_TEXT;
  emitter->after_break = FALSE;
  emitter->para_chars = emitter->para_links = 0;
}

static PxParagraphKind
kind_of (GArray *items,
         guint   index)
{
  PxParagraphKind kind = PX_PARAGRAPH_TEXT;
  guint depth = 0;

  /* A few levels up is enough to see the block a text is in. */
  for (guint a = index; a != G_MAXUINT && depth < 32; a = g_array_index (items, Item, a).parent, depth++)
    {
      guint tag = g_array_index (items, Item, a).tag;

      if (tag & TAG_HEADING)
        return PX_PARAGRAPH_HEADING;
      if ((tag & TAG_QUOTE) && kind == PX_PARAGRAPH_TEXT)
        kind = PX_PARAGRAPH_QUOTE;
      if ((tag & TAG_LIST_ITEM) && kind == PX_PARAGRAPH_TEXT)
        kind = PX_PARAGRAPH_LIST_ITEM;
      if (tag & (TAG_BLOCK) && (tag & (TAG_STRUCTURE)))
        break;
    }
  return kind;
}

/* Emits item @first and everything below it, in document order. The items
 * below an element follow it in the array, up to the next item that is
 * not its descendant. */
static void
emit_range (Page     *page,
            Emitter  *emitter,
            guint     first,
            gboolean  weigh_classes)
{
  GArray *items = page->items;
  guint end = g_array_index (items, Item, first).end;
  /* Open blocks, to flush when the walk leaves them: the walk is flat, so
   * leaving is seen as reaching an item that is not a descendant. */
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = first; i < end; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      while (open->len > 0 && !is_ancestor (items, g_array_index (open, guint, open->len - 1), i))
        {
          g_array_set_size (open, open->len - 1);
          flush (emitter);
        }

      /* The best candidate itself is the article, whatever it looks like. */
      if (item->dropped ||
          (!item->is_text && i != page->best && !page->lenient &&
           looks_like_boilerplate (page, item, weigh_classes)))
        {
          i = item->end - 1;
          continue;
        }

      if (item->is_text)
        {
          if (emitter->text->len == 0)
            emitter->kind = kind_of (items, item->parent);
          g_string_append (emitter->text, (const char *)item->node->content);
          emitter->after_break = FALSE;
          emitter->para_chars += item->n_chars;
          if (item->in_link)
            emitter->para_links += item->n_chars;
        }
      else if (item->tag & TAG_BREAK)
        {
          if (emitter->after_break)
            flush (emitter);
          else
            {
              g_string_append_c (emitter->text, ' ');
              emitter->after_break = TRUE;
            }
        }
      else if (item->tag & TAG_BLOCK)
        {
          flush (emitter);
          g_array_append_val (open, i);
        }
    }
  flush (emitter);
}

static guint
find_body (Page *page)
{
  for (guint i = 0; i < page->items->len; i++)
    if (px_html_is_element (g_array_index (page->items, Item, i).node, "body"))
      return i;
  return 0;
}

static void
clear_paragraph (gpointer data)
{
  Paragraph *para = data;

  g_free (para->text);
}

static GArray *
new_paragraphs (void)
{
  GArray *paragraphs = g_array_new (FALSE, FALSE, sizeof (Paragraph));

  g_array_set_clear_func (paragraphs, clear_paragraph);
  return paragraphs;
}

/* The article for one set of flags, as paragraphs; returns its length in
 * bytes. */
static gsize
extract (Page     *page,
         guint     mask,
         gboolean  weigh_classes,
         GArray   *paragraphs)
{
  GArray *items = page->items;
  g_autoptr(GString) text = g_string_new (NULL);
  Emitter emitter = { paragraphs, text, PX_PARAGRAPH_TEXT, 0, 0, 0, 0, FALSE, page->lenient };
  guint best;
  Item *top;

  compute_stats (page, mask);
  best = page->best = score_page (page, weigh_classes);
  top = &g_array_index (items, Item, best);

  if (best == page->body || top->parent == G_MAXUINT)
    emit_range (page, &emitter, best, weigh_classes);
  else
    {
      double threshold = MAX (10, top->score * 0.2);
      guint parent = top->parent;

      for (guint i = parent + 1; i < g_array_index (items, Item, parent).end;
           i = g_array_index (items, Item, i).end)
        {
          Item *item = &g_array_index (items, Item, i);

          if (sibling_belongs (page, best, i, threshold))
            {
              if (item->is_text)
                {
                  if (emitter.text->len == 0)
                    emitter.kind = PX_PARAGRAPH_TEXT;
                  g_string_append (emitter.text, (const char *)item->node->content);
                }
              else
                {
                  flush (&emitter);
                  emit_range (page, &emitter, i, weigh_classes);
                }
            }
        }
      flush (&emitter);
    }
  if (G_UNLIKELY (debug_enabled))
    {
      const char *cls = px_html_get_attr (top->node, "class");
      const char *id = px_html_get_attr (top->node, "id");

      g_printerr ("px-html: flags %x: best <%s class=\"%s\" id=\"%s\"> score %.1f, "
                  "%u characters below, %" G_GSIZE_FORMAT " emitted\n",
                  mask, (const char *)top->node->name, cls ? cls : "", id ? id : "",
                  top->score, top->text, emitter.n_chars);
    }
  return emitter.n_chars;
}

guint
px_html_extract_body (xmlDoc            *doc,
                      PxHtmlMeta        *meta,
                      PxDocumentBuilder *builder)
{
  static const guint masks[] = {
    DROP_HIDDEN | DROP_STRUCT | DROP_UNLIKELY,
    DROP_HIDDEN | DROP_STRUCT,
    DROP_HIDDEN,
  };
  xmlNode *root = xmlDocGetRootElement (doc);
  Page page = { 0 };
  g_autoptr(GArray) best = NULL;
  gsize best_chars = 0;
  guint n_paragraphs;

  init_tables ();
  if (root == NULL)
    return 0;

  page.items = g_array_new (FALSE, FALSE, sizeof (Item));
  page.title = meta->title;
  if (meta->title != NULL)
    measure_text (meta->title, &page.title_chars, &(guint){ 0 });
  page.want_byline = meta->byline == NULL;
  collect_items (&page, root);
  if (meta->byline == NULL)
    meta->byline = g_steal_pointer (&page.byline);
  g_free (page.byline);
  page.body = find_body (&page);

  if (page.items->len == 0)
    {
      g_array_unref (page.items);
      return 0;
    }

  /* Fewer flags until the article is long enough. A short page stays
   * short: relaxing the flags must at least double the text, or it only
   * lets boilerplate in. */
  for (guint attempt = 0; attempt < G_N_ELEMENTS (masks); attempt++)
    {
      g_autoptr(GArray) paragraphs = new_paragraphs ();
      gsize n_chars = extract (&page, masks[attempt], attempt < 2, paragraphs);

      if (best == NULL || n_chars > 2 * best_chars)
        {
          g_clear_pointer (&best, g_array_unref);
          best = g_steal_pointer (&paragraphs);
          best_chars = n_chars;
        }
      if (n_chars >= MIN_ARTICLE_CHARS)
        break;
    }

  /* Nothing at all: a page of only links or labels still has its text. */
  if (best_chars == 0)
    {
      page.lenient = TRUE;
      g_array_set_size (best, 0);
      extract (&page, masks[G_N_ELEMENTS (masks) - 1], FALSE, best);
    }

  for (guint i = 0; i < best->len; i++)
    {
      const Paragraph *para = &g_array_index (best, Paragraph, i);

      px_document_builder_add_paragraph (builder, para->text, -1, para->kind);
    }
  n_paragraphs = best->len;
  g_array_unref (page.items);
  return n_paragraphs;
}
