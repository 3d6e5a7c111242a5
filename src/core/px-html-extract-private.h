/* px-html-extract-private.h: the parts of article extraction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * px-html-items.c walks the tree once into a flat array of items (step 1);
 * px-html-extract.c scores them, picks the article and emits it (steps 2
 * to 4). See px-html-extract.c for the method.
 */
#pragma once

#include "px-html-private.h"

G_BEGIN_DECLS

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
} PxHtmlItem;

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
} PxHtmlPage;

/* The tag table and the patterns; once, thread-safe. */
void        px_html_items_init        (void);
/* Step 1: lists the elements and text nodes below @top in page->items,
 * with their flags; reads the author line when page->want_byline. */
void        px_html_collect_items     (PxHtmlPage   *page,
                                       xmlNode      *top);
/* Characters of a text, spaces collapsed, and its commas. */
void        px_html_measure_text      (const char   *text,
                                       guint        *n_chars,
                                       guint        *n_commas);

/* Set by px_html_items_init (). */
extern GRegex   *px_html_ad_words_regex;   /* "Advertisement", "Read more" … */
extern GRegex   *px_html_dateline_regex;   /* "By Ann Lee - 11/18/19", "Published: …" */
extern gboolean  px_html_debug_enabled;    /* PX_HTML_DEBUG=1 */

G_END_DECLS
