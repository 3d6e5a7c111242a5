/* px-html-extract.c: the article body of a web page, by content scoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The method is Readability's, rewritten over a flat array:
 *
 * 1. One walk in document order (px-html-items.c) lists the elements and
 *    text nodes, drops what is never text (scripts, styles, forms'
 *    controls, embeds) and flags what is probably not the article: hidden elements, navigation,
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

#include "px-html-extract-private.h"
#include "px-nfc.h"

/* Texts shorter than this do not score their ancestors. */
#define MIN_SCORED_CHARS 25
/* An extraction shorter than this is retried with fewer flags. */
#define MIN_ARTICLE_CHARS 400
/* Readability's number of top candidates that may share an ancestor. */
#define N_TOP_CANDIDATES 5

/* Step 2: statistics and scores for one set of flags. */
static void
compute_stats (PxHtmlPage *page,
               guint       mask)
{
  GArray *items = page->items;

  for (guint i = 0; i < items->len; i++)
    {
      PxHtmlItem *item = &g_array_index (items, PxHtmlItem, i);
      gboolean parent_dropped = item->parent != G_MAXUINT &&
                                g_array_index (items, PxHtmlItem, item->parent).dropped;

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
      PxHtmlItem *item = &g_array_index (items, PxHtmlItem, i);
      PxHtmlItem *up;

      if (item->dropped)
        continue;
      if (item->is_text)
        {
          PxHtmlItem *owner = &g_array_index (items, PxHtmlItem, item->owner);

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
            g_array_index (items, PxHtmlItem, item->owner).inline_breaks++;
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
      up = &g_array_index (items, PxHtmlItem, item->parent);
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
link_density (const PxHtmlItem *item)
{
  return item->text > 0 ? (double)item->links / item->text : 0;
}

static void
init_candidate (PxHtmlItem *item,
                gboolean    weigh_classes)
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
  return ancestor < index && index < g_array_index (items, PxHtmlItem, ancestor).end;
}

static guint
score_page (PxHtmlPage *page,
            gboolean    weigh_classes)
{
  GArray *items = page->items;
  guint top[N_TOP_CANDIDATES];
  guint n_top = 0;
  guint best;

  for (guint i = 0; i < items->len; i++)
    {
      PxHtmlItem *item = &g_array_index (items, PxHtmlItem, i);
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
           level++, a = g_array_index (items, PxHtmlItem, a).parent)
        {
          PxHtmlItem *ancestor = &g_array_index (items, PxHtmlItem, a);
          double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;

          if (!ancestor->candidate)
            init_candidate (ancestor, weigh_classes);
          ancestor->score += content / divider;
        }
    }

  for (guint i = 0; i < items->len; i++)
    {
      PxHtmlItem *item = &g_array_index (items, PxHtmlItem, i);

      if (!item->candidate)
        continue;
      item->score *= 1 - link_density (item);

      for (guint t = 0; t < N_TOP_CANDIDATES; t++)
        {
          if (t < n_top && item->score <= g_array_index (items, PxHtmlItem, top[t]).score)
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
    double best_score = g_array_index (items, PxHtmlItem, best).score;
    guint rivals[N_TOP_CANDIDATES];
    guint n_rivals = 0;

    for (guint t = 1; t < n_top; t++)
      if (g_array_index (items, PxHtmlItem, top[t]).score >= best_score * 0.75)
        rivals[n_rivals++] = top[t];
    if (n_rivals >= 3)
      for (guint a = g_array_index (items, PxHtmlItem, best).parent; a != G_MAXUINT && a != page->body;
           a = g_array_index (items, PxHtmlItem, a).parent)
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
    if (!g_array_index (items, PxHtmlItem, best).candidate)
      init_candidate (&g_array_index (items, PxHtmlItem, best), weigh_classes);
  }

  /* Up while the parent scores better. */
  {
    double last = g_array_index (items, PxHtmlItem, best).score;
    double threshold = last / 3;

    for (guint a = g_array_index (items, PxHtmlItem, best).parent; a != G_MAXUINT && a != page->body;
         a = g_array_index (items, PxHtmlItem, a).parent)
      {
        PxHtmlItem *ancestor = &g_array_index (items, PxHtmlItem, a);

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
      PxHtmlItem *item = &g_array_index (items, PxHtmlItem, best);
      PxHtmlItem *up;

      if (item->parent == G_MAXUINT || best == page->body)
        break;
      up = &g_array_index (items, PxHtmlItem, item->parent);
      if (up->text != item->text)
        break;
      best = item->parent;
    }
  return best;
}

/* Step 3: the siblings of the best candidate that belong to the article. */
static gboolean
sibling_belongs (PxHtmlPage *page,
                 guint       best,
                 guint       index,
                 double      threshold)
{
  GArray *items = page->items;
  PxHtmlItem *item = &g_array_index (items, PxHtmlItem, index);
  PxHtmlItem *top = &g_array_index (items, PxHtmlItem, best);
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
looks_like_boilerplate (PxHtmlPage *page,
                        PxHtmlItem *item,
                        gboolean    weigh_classes)
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
                (g_regex_match (px_html_ad_words_regex, text, 0, NULL) ||
                 (emitter->para_links * 2 > emitter->para_chars && emitter->para_chars < 300 &&
                  emitter->kind != PX_PARAGRAPH_HEADING) ||
                 (length < 120 && g_regex_match (px_html_dateline_regex, text, 0, NULL)));
  if (text[0] != '\0' && !boilerplate)
    {
      Paragraph para = { emitter->kind, NULL };

      gsize nfc_length;

      /* NFC, as the text importer does (in linear time, px-nfc.c). */
      para.text = px_nfc_normalize (text, length, &nfc_length);
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
  for (guint a = index; a != G_MAXUINT && depth < 32; a = g_array_index (items, PxHtmlItem, a).parent, depth++)
    {
      guint tag = g_array_index (items, PxHtmlItem, a).tag;

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
emit_range (PxHtmlPage *page,
            Emitter    *emitter,
            guint       first,
            gboolean    weigh_classes)
{
  GArray *items = page->items;
  guint end = g_array_index (items, PxHtmlItem, first).end;
  /* Open blocks, to flush when the walk leaves them: the walk is flat, so
   * leaving is seen as reaching an item that is not a descendant. */
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = first; i < end; i++)
    {
      PxHtmlItem *item = &g_array_index (items, PxHtmlItem, i);

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
find_body (PxHtmlPage *page)
{
  for (guint i = 0; i < page->items->len; i++)
    if (px_html_is_element (g_array_index (page->items, PxHtmlItem, i).node, "body"))
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
extract (PxHtmlPage *page,
         guint       mask,
         gboolean    weigh_classes,
         GArray     *paragraphs)
{
  GArray *items = page->items;
  g_autoptr(GString) text = g_string_new (NULL);
  Emitter emitter = { paragraphs, text, PX_PARAGRAPH_TEXT, 0, 0, 0, 0, FALSE, page->lenient };
  guint best;
  PxHtmlItem *top;

  compute_stats (page, mask);
  best = page->best = score_page (page, weigh_classes);
  top = &g_array_index (items, PxHtmlItem, best);

  if (best == page->body || top->parent == G_MAXUINT)
    emit_range (page, &emitter, best, weigh_classes);
  else
    {
      double threshold = MAX (10, top->score * 0.2);
      guint parent = top->parent;

      for (guint i = parent + 1; i < g_array_index (items, PxHtmlItem, parent).end;
           i = g_array_index (items, PxHtmlItem, i).end)
        {
          PxHtmlItem *item = &g_array_index (items, PxHtmlItem, i);

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
  if (G_UNLIKELY (px_html_debug_enabled))
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
  PxHtmlPage page = { 0 };
  g_autoptr(GArray) best = NULL;
  gsize best_chars = 0;
  guint n_paragraphs;

  px_html_items_init ();
  if (root == NULL)
    return 0;

  page.items = g_array_new (FALSE, FALSE, sizeof (PxHtmlItem));
  page.title = meta->title;
  if (meta->title != NULL)
    px_html_measure_text (meta->title, &page.title_chars, &(guint){ 0 });
  page.want_byline = meta->byline == NULL;
  px_html_collect_items (&page, root);
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
