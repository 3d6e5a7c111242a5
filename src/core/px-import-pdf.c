/* px-import-pdf.c: PDF files → documents (poppler-glib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * poppler gives each page's text in reading order (columns followed),
 * one line a row, and a box for every character. The lines are joined
 * into paragraphs here: a paragraph ends at a larger vertical gap than
 * the text's usual line pitch, a first-line indent, a change of type
 * size (a heading), or a short line that ends a sentence. Lines in the
 * top and bottom tenth of the page that recur on most pages (digits aside)
 * and bare page numbers there are running headers and footers: left out.
 */
#define G_LOG_DOMAIN "px-import-pdf"

#include "config.h"

#include <stdio.h>

#include <math.h>
#include <string.h>

#include <poppler.h>

#include "px-decode.h"
#include "px-document-private.h"
#include "px-error.h"
#include "px-module-private.h"
#include "px-import-pdf-private.h"

/* poppler-glib is opened the first time a PDF is read
 * (px-module-private.h). */
typedef struct
{
  PopplerDocument  *(*document_new_from_bytes)      (GBytes *, const char *, GError **);
  int               (*document_get_n_pages)         (PopplerDocument *);
  PopplerPage      *(*document_get_page)            (PopplerDocument *, int);
  char             *(*document_get_title)           (PopplerDocument *);
  char             *(*document_get_author)          (PopplerDocument *);
  GDateTime        *(*document_get_creation_date_time) (PopplerDocument *);
  void              (*page_get_size)                (PopplerPage *, double *, double *);
  char             *(*page_get_text)                (PopplerPage *);
  gboolean          (*page_get_text_layout)         (PopplerPage *, PopplerRectangle **, guint *);
  GQuark            (*error_quark)                  (void);
} Poppler;

/* poppler-glib complains with g_warning () about what it reads in a
 * file ("unexpected tz val" for a broken date): the file's fault, said on
 * the terminal of whoever runs Parallax, and fatal where warnings are. What
 * poppler says is debugging output. */
static void
poppler_log_cb (const char     *domain,
                GLogLevelFlags  level,
                const char     *message,
                gpointer        user_data)
{
  /* (no g_log () inside a log handler: GLib aborts on the recursion) */
  if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    fprintf (stderr, "%s-DEBUG: poppler: %s\n", G_LOG_DOMAIN, message);
}

static gpointer
open_poppler (gpointer data)
{
  static Poppler api;
  static const char * const names[] = {
    "poppler_document_new_from_bytes", "poppler_document_get_n_pages", "poppler_document_get_page",
    "poppler_document_get_title", "poppler_document_get_author", "poppler_document_get_creation_date_time",
    "poppler_page_get_size", "poppler_page_get_text", "poppler_page_get_text_layout", "poppler_error_quark",
  };

  G_STATIC_ASSERT (sizeof api == G_N_ELEMENTS (names) * sizeof (gpointer));
  if (!px_module_open (PX_POPPLER_SONAME, names, G_N_ELEMENTS (names), (gpointer *)&api))
    return NULL;
  g_log_set_handler ("Poppler", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG,
                     poppler_log_cb, NULL);
  return &api;
}

static const Poppler *
poppler (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, open_poppler, NULL);
}

/* The share of the page height at its top and bottom where running
 * headers and footers are looked for, and its least height in points
 * (for small pages with ordinary margins). */
#define FURNITURE_BAND 0.1
#define FURNITURE_BAND_MIN 48.0
/* Lines of one page compared with each other for their column's right edge. */
#define MAX_LINES_PER_PAGE 4000

typedef struct
{
  char    *text;
  double   x1, y1, x2, y2;
  double   page_height;
  double   column_right;
  double   first_word;     /* the width of the line's first word */
  guint    page;
  guint    clutter : 1;
  guint    geometry : 1;   /* the boxes matched the text */
} PdfLine;

static void
pdf_line_clear (gpointer data)
{
  PdfLine *line = data;

  g_free (line->text);
}

static double
line_height (const PdfLine *line)
{
  return line->y2 - line->y1;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values,
        double  fallback)
{
  if (values->len == 0)
    return fallback;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* Reading order, by recursive cuts of the page's line boxes: a region
 * whose lines leave a vertical gutter is read column by column, left to
 * right; otherwise it is cut into horizontal slabs, and neighbouring slabs
 * are read together while together they still have a gutter (the
 * columns under a headline that spans them), each part in turn. poppler's
 * own order interleaves columns whose paragraphs start at the same height. */
typedef struct
{
  GArray *lines;      /* PdfLine */
  GArray *order;      /* guint: line indices in reading order */
  GArray *columns;    /* guint per line (indexed from the page's first line): its column */
  guint   first;      /* the page's first line */
  guint   n_columns;
  double  min_gutter;
} PageOrder;

#define MAX_CUT_DEPTH 32

static PdfLine *
order_line (PageOrder *po,
            guint      index)
{
  return &g_array_index (po->lines, PdfLine, index);
}

static int
compare_by_x (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  PageOrder *po = user_data;
  const PdfLine *x = order_line (po, *(const guint *)a), *y = order_line (po, *(const guint *)b);

  return x->x1 < y->x1 ? -1 : x->x1 > y->x1;
}

static int
compare_by_y (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  PageOrder *po = user_data;
  const PdfLine *x = order_line (po, *(const guint *)a), *y = order_line (po, *(const guint *)b);

  if (x->y1 != y->y1)
    return x->y1 < y->y1 ? -1 : 1;
  return x->x1 < y->x1 ? -1 : x->x1 > y->x1;
}

/* The x of the leftmost gutter of at least min_gutter between the lines
 * @idx[0..n), or a negative number when there is none. */
static double
find_gutter (PageOrder   *po,
             const guint *idx,
             guint        n)
{
  g_autofree guint *sorted = g_memdup2 (idx, n * sizeof (guint));
  double reach;

  if (n < 2)
    return -1;
  g_qsort_with_data (sorted, n, sizeof (guint), compare_by_x, po);
  reach = order_line (po, sorted[0])->x2;
  for (guint i = 1; i < n; i++)
    {
      const PdfLine *line = order_line (po, sorted[i]);

      if (line->x1 - reach >= po->min_gutter)
        return (reach + line->x1) / 2;
      reach = MAX (reach, line->x2);
    }
  return -1;
}

static void
order_leaf (PageOrder *po,
            guint     *idx,
            guint      n,
            guint      column)
{
  g_qsort_with_data (idx, n, sizeof (guint), compare_by_y, po);
  for (guint i = 0; i < n; i++)
    {
      g_array_append_val (po->order, idx[i]);
      g_array_index (po->columns, guint, idx[i] - po->first) = column;
    }
}

static void
order_region (PageOrder *po,
              guint     *idx,
              guint      n,
              guint      column,
              guint      depth)
{
  double gutter;
  g_autoptr(GArray) slab_ends = NULL;   /* guint: index in idx after each slab */
  double bottom;

  if (n <= 1 || depth > MAX_CUT_DEPTH)
    {
      order_leaf (po, idx, n, column);
      return;
    }

  gutter = find_gutter (po, idx, n);
  if (gutter >= 0)
    {
      guint n_left = 0;
      guint left_column = ++po->n_columns, right_column = ++po->n_columns;

      /* left of the gutter first, keeping each side's order */
      for (guint i = 0; i < n; i++)
        if (order_line (po, idx[i])->x2 <= gutter)
          {
            guint moved = idx[i];

            memmove (idx + n_left + 1, idx + n_left, (i - n_left) * sizeof (guint));
            idx[n_left++] = moved;
          }
      order_region (po, idx, n_left, left_column, depth + 1);
      order_region (po, idx + n_left, n - n_left, right_column, depth + 1);
      return;
    }

  /* horizontal slabs: lines that overlap in height go together */
  g_qsort_with_data (idx, n, sizeof (guint), compare_by_y, po);
  slab_ends = g_array_new (FALSE, FALSE, sizeof (guint));
  bottom = order_line (po, idx[0])->y2;
  for (guint i = 1; i < n; i++)
    {
      const PdfLine *line = order_line (po, idx[i]);

      if (line->y1 >= bottom)
        g_array_append_val (slab_ends, i);
      bottom = MAX (bottom, line->y2);
    }
  g_array_append_val (slab_ends, n);
  if (slab_ends->len == 1)
    {
      order_leaf (po, idx, n, column);
      return;
    }

  /* neighbouring slabs read together while they share a gutter */
  {
    guint start = 0;
    guint end = g_array_index (slab_ends, guint, 0);

    for (guint s = 1; s <= slab_ends->len; s++)
      {
        guint next_end = s < slab_ends->len ? g_array_index (slab_ends, guint, s) : 0;

        if (s < slab_ends->len && find_gutter (po, idx + start, next_end - start) >= 0)
          {
            end = next_end;
            continue;
          }
        if (start == 0 && end == n)
          order_leaf (po, idx, n, column);   /* cannot happen: the whole had no gutter */
        else
          order_region (po, idx + start, end - start, column, depth + 1);
        start = end;
        end = next_end;
      }
  }
}

/* Puts the page's lines (from @first on) in reading order and gives each
 * the right edge of its column. */
static void
order_page (GArray *lines,
            guint   first,
            double  page_width)
{
  guint n = lines->len - first;
  g_autofree guint *idx = NULL;
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sorted = NULL;
  g_autofree double *right = NULL;
  PageOrder po = { 0 };
  guint n_geometry = 0;

  for (guint i = first; i < lines->len; i++)
    {
      PdfLine *line = &g_array_index (lines, PdfLine, i);
      double h = line_height (line);

      n_geometry += line->geometry;
      line->column_right = page_width;
      g_array_append_val (heights, h);
    }
  /* without boxes for every line, or far too many lines, poppler's order stands */
  if (n == 0 || n_geometry < n || n > MAX_LINES_PER_PAGE)
    return;

  po.lines = lines;
  po.first = first;
  po.order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  po.columns = g_array_new (FALSE, TRUE, sizeof (guint));
  g_array_set_size (po.columns, n);
  po.min_gutter = median (heights, 10) * 0.8;
  idx = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    idx[i] = first + i;
  order_region (&po, idx, n, 0, 0);
  g_assert (po.order->len == n);

  /* each column's right edge: the furthest its lines reach */
  right = g_new0 (double, po.n_columns + 1);
  for (guint i = 0; i < n; i++)
    {
      guint column = g_array_index (po.columns, guint, i);

      right[column] = MAX (right[column], g_array_index (lines, PdfLine, first + i).x2);
    }

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (PdfLine), n);
  for (guint i = 0; i < n; i++)
    {
      guint index = g_array_index (po.order, guint, i);
      PdfLine line = g_array_index (lines, PdfLine, index);

      line.column_right = right[g_array_index (po.columns, guint, index - first)];
      g_array_append_val (sorted, line);
    }
  /* the lines move (their texts with them): no clear function runs here */
  memcpy (&g_array_index (lines, PdfLine, first), sorted->data, n * sizeof (PdfLine));
  g_array_unref (po.order);
  g_array_unref (po.columns);
}

static void
reset_line (PdfLine *line)
{
  memset (line, 0, sizeof *line);
  line->x1 = line->y1 = G_MAXDOUBLE;
  line->x2 = line->y2 = -G_MAXDOUBLE;
}

/* Appends @current as a line, unless it is blank; empties it. */
static void
push_line (GArray  *lines,
           PdfLine *line,
           GString *current,
           guint    page_index,
           double   width,
           double   height,
           gboolean geometry)
{
  if (!is_blank (current->str) && g_utf8_validate (current->str, current->len, NULL))
    {
      line->text = g_strdup (g_strstrip (current->str));
      line->page = page_index;
      line->page_height = height;
      line->geometry = geometry && line->x1 <= line->x2;
      if (!line->geometry)
        {
          /* rows of a notional page, so that only the text decides */
          line->x1 = 0;
          line->x2 = width;
          line->y1 = height * 0.5;
          line->y2 = line->y1 + 10;
        }
      g_array_append_val (lines, *line);
    }
  g_string_truncate (current, 0);
  reset_line (line);
}

/* Appends the lines of one page, each with the union of its characters'
 * boxes. poppler runs the lines of two columns together when they share a
 * baseline and the gutter is narrow: a gap of more than 1.5 em between two
 * characters splits a line. */
static void
read_page_lines (PopplerPage *page,
                 guint        page_index,
                 GArray      *lines)
{
  g_autofree char *text = poppler ()->page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  double width, height;
  gboolean geometry;
  g_autoptr(GString) current = g_string_new (NULL);
  PdfLine line;
  gboolean in_first_word = TRUE;
  guint k = 0;
  guint first = lines->len;

  if (text == NULL)
    return;
  poppler ()->page_get_size (page, &width, &height);
  geometry = poppler ()->page_get_text_layout (page, &rects, &n_rects) &&
             (glong)n_rects == g_utf8_strlen (text, -1);
  reset_line (&line);

  for (const char *p = text;; p = g_utf8_next_char (p), k++)
    {
      gunichar ch = *p != '\0' ? g_utf8_get_char (p) : '\n';

      if (ch == '\n' || ch == '\f')
        {
          push_line (lines, &line, current, page_index, width, height, geometry);
          in_first_word = TRUE;
          if (*p == '\0')
            break;
          continue;
        }
      if (geometry && k < n_rects && !g_unichar_isspace (ch) && line.x1 <= line.x2 &&
          rects[k].x1 - line.x2 > 1.5 * (rects[k].y2 - rects[k].y1))
        {
          push_line (lines, &line, current, page_index, width, height, geometry);
          in_first_word = TRUE;
        }
      g_string_append_unichar (current, ch);
      if (g_unichar_isspace (ch) && !is_blank (current->str))
        in_first_word = FALSE;
      if (geometry && k < n_rects && !g_unichar_isspace (ch))
        {
          line.x1 = MIN (line.x1, rects[k].x1);
          line.y1 = MIN (line.y1, rects[k].y1);
          line.x2 = MAX (line.x2, rects[k].x2);
          line.y2 = MAX (line.y2, rects[k].y2);
          if (in_first_word)
            line.first_word = rects[k].x2 - line.x1;
        }
    }

  order_page (lines, first, width);
}

/* "12", "Page 3", "3 of 10", "3/10", "- 4 -", "iv": a page number. */
static gboolean
is_page_number (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *p = lower;
  guint digits = 0, romans = 0;

  if (g_str_has_prefix (p, "page "))
    p += 5;
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_ascii_isdigit (ch))
        digits++;
      else if (strchr ("ivxlc", ch) != NULL && ch != 0)
        romans++;
      else if (ch == ' ' || ch == '-' || ch == '/' || ch == 0x2013 || ch == 0x2014 || ch == '|')
        ;
      else if (g_str_has_prefix (p, "of "))
        p++;
      else
        return FALSE;
    }
  return (digits > 0 && digits <= 8 && romans == 0) || (digits == 0 && romans > 0 && romans <= 6);
}

/* The text of a furniture line with its digits folded, so that "Page 3"
 * and "Page 4" (or a date that changes) count as one line. */
static char *
furniture_key (const char *text)
{
  GString *key = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_unichar_tolower (g_utf8_get_char (p));

      if (g_unichar_isdigit (ch))
        {
          if (key->len == 0 || key->str[key->len - 1] != '#')
            g_string_append_c (key, '#');
        }
      else if (!g_unichar_isspace (ch))
        g_string_append_unichar (key, ch);
    }
  return g_string_free (key, FALSE);
}

static gboolean
in_band (const PdfLine *line)
{
  double band = MAX (line->page_height * FURNITURE_BAND, FURNITURE_BAND_MIN);

  return line->geometry && (line->y2 < band || line->y1 > line->page_height - band);
}

static void
mark_furniture (GArray *lines,
                guint   n_pages)
{
  g_autoptr(GHashTable) pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);  /* key → pages|last */
  g_autoptr(GHashTable) last_page = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint needed = MAX (2, (n_pages + 1) / 2);

  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = &g_array_index (lines, PdfLine, i);
      g_autofree char *key = NULL;
      gpointer seen;

      if (!in_band (line))
        continue;
      key = furniture_key (line->text);
      seen = g_hash_table_lookup (last_page, key);
      /* count pages, not lines: once per page */
      if (seen == NULL || GPOINTER_TO_UINT (seen) != line->page + 1)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (pages, key));

          g_hash_table_replace (pages, g_strdup (key), GUINT_TO_POINTER (n + 1));
          g_hash_table_replace (last_page, g_strdup (key), GUINT_TO_POINTER (line->page + 1));
        }
    }
  for (guint i = 0; i < lines->len; i++)
    {
      PdfLine *line = &g_array_index (lines, PdfLine, i);
      g_autofree char *key = NULL;

      if (!in_band (line))
        continue;
      key = furniture_key (line->text);
      if (is_page_number (line->text) ||
          (n_pages >= 2 && GPOINTER_TO_UINT (g_hash_table_lookup (pages, key)) >= needed))
        line->clutter = TRUE;
    }
}

/* Every word of the text (letters and inner hyphens, casefolded), to
 * tell a line-end hyphen that splits a word from one that joins two. */
static void
add_words (GHashTable *words,
           const char *text)
{
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar ch = *p != '\0' ? g_utf8_get_char (p) : ' ';

      if (g_unichar_isalpha (ch) || (ch == '-' && word->len > 0 && g_unichar_isalpha (g_utf8_get_char (p + 1))))
        g_string_append_unichar (word, g_unichar_tolower (ch));
      else
        {
          if (word->len > 0)
            g_hash_table_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (*p == '\0')
        break;
    }
}

/* The letters that end @text before its final hyphen, casefolded. */
static char *
trailing_word (const char *text,
               const char *hyphen)
{
  const char *start = hyphen;

  while (start > text)
    {
      const char *prev = g_utf8_prev_char (start);

      if (!g_unichar_isalpha (g_utf8_get_char (prev)) && *prev != '-')
        break;
      start = prev;
    }
  return g_utf8_strdown (start, hyphen - start);
}

static char *
leading_word (const char *text)
{
  const char *end = text;

  while (*end != '\0' && g_unichar_isalpha (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);
  return g_utf8_strdown (text, end - text);
}

/* Appends @next to the paragraph: after a line-end hyphen that splits a
 * word ("journ-" "alists") without it, after one that joins two
 * ("multi-" "vector", when the text has "multi-vector" elsewhere and no
 * "multivector"; "Kassym-" "Jomart") with it and no space; otherwise
 * with a space. */
static void
append_line (GString    *para,
             const char *next,
             GHashTable *words)
{
  const char *end = para->str + para->len;
  const char *last;
  gunichar hyphen, before;

  if (para->len == 0)
    {
      g_string_append (para, next);
      return;
    }
  last = g_utf8_prev_char (end);
  hyphen = g_utf8_get_char (last);
  before = last > para->str ? g_utf8_get_char (g_utf8_prev_char (last)) : 0;
  if ((hyphen == '-' || hyphen == 0x00AD || hyphen == 0x2010) && g_unichar_isalpha (before) &&
      g_unichar_islower (g_utf8_get_char (next)))
    {
      g_autofree char *left = trailing_word (para->str, last);
      g_autofree char *right = leading_word (next);
      g_autofree char *joined = g_strconcat (left, right, NULL);
      g_autofree char *compound = g_strconcat (left, "-", right, NULL);
      gboolean keep = hyphen != 0x00AD && g_hash_table_contains (words, compound) &&
                      !g_hash_table_contains (words, joined);

      if (!keep)
        g_string_truncate (para, last - para->str);
      g_string_append (para, next);
      return;
    }
  /* "Kassym-" "Jomart", "COVID-" "19": a hyphen before a capital or a
   * digit joins, it does not split */
  if (hyphen == '-' && g_unichar_isalnum (before) &&
      (g_unichar_isupper (g_utf8_get_char (next)) || g_unichar_isdigit (g_utf8_get_char (next))))
    {
      g_string_append (para, next);
      return;
    }
  g_string_append_c (para, ' ');
  g_string_append (para, next);
}

static gboolean
ends_sentence (const char *text)
{
  gsize n = strlen (text);

  while (n > 0)
    {
      const char *last = g_utf8_find_prev_char (text, text + n);
      gunichar ch = g_utf8_get_char (last);

      /* closing quotes and brackets after the full stop */
      if (ch == 0x201D || ch == 0x2019 || ch == '"' || ch == '\'' || ch == ')' || ch == 0x00BB)
        {
          n = last - text;
          continue;
        }
      return ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == 0x2026;
    }
  return FALSE;
}

/* Does a paragraph end between @prev and @line? */
static gboolean
breaks_between (const PdfLine *prev,
                const PdfLine *line,
                double         body_height,
                double         pitch)
{
  double h_prev = line_height (prev), h = line_height (line);
  gboolean heading_prev = h_prev > body_height * 1.15, heading = h > body_height * 1.15;
  double free_right = prev->column_right - prev->x2;
  double column_width = prev->column_right - prev->x1;

  if (!prev->geometry || !line->geometry)
    return ends_sentence (prev->text) && strlen (prev->text) < 60;
  if (heading_prev != heading || fabs (h - h_prev) > 0.15 * MAX (h, h_prev))
    return TRUE;
  /* further down the same column: a gap larger than the usual line pitch */
  if (line->page == prev->page && line->y1 > prev->y1 && fabs (line->x1 - prev->x1) < column_width * 0.5 &&
      line->y1 - prev->y1 > pitch * 1.35)
    return TRUE;
  /* a first-line indent */
  if (line->x1 > prev->x1 + body_height && line->x1 - prev->x1 < column_width * 0.3)
    return TRUE;
  /* a line that ends where the next line's first word would still have
   * fitted: the line was ended on purpose (ragged or justified text
   * alike); not after a hyphen, which splits a word that did not fit */
  if (free_right > line->first_word + body_height * 0.6 && !g_str_has_suffix (prev->text, "-"))
    return TRUE;
  return free_right > column_width * 0.5 && ends_sentence (prev->text);
}

static void
build_paragraphs (PxDocumentBuilder *builder,
                  GArray            *lines)
{
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pitches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) para = g_string_new (NULL);
  const PdfLine *prev = NULL;
  double body_height, pitch;
  gboolean heading = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      const PdfLine *line = &g_array_index (lines, PdfLine, i);
      double h = line_height (line);

      if (line->clutter)
        continue;
      /* weighted by length: the body's size, not the headings' */
      for (gsize c = 0; line->geometry && c < strlen (line->text); c += 16)
        g_array_append_val (heights, h);
      if (prev != NULL && prev->geometry && line->geometry && prev->page == line->page && line->y1 > prev->y1 &&
          fabs (h - line_height (prev)) < 0.1 * h)
        {
          double d = line->y1 - prev->y1;

          g_array_append_val (pitches, d);
        }
      add_words (words, line->text);
      prev = line;
    }
  body_height = median (heights, 10);
  pitch = median (pitches, body_height * 1.2);

  prev = NULL;
  for (guint i = 0; i < lines->len; i++)
    {
      const PdfLine *line = &g_array_index (lines, PdfLine, i);

      if (line->clutter)
        continue;
      if (prev != NULL && breaks_between (prev, line, body_height, pitch))
        {
          px_document_builder_add_paragraph (builder, para->str, para->len,
                                             heading ? PX_PARAGRAPH_HEADING : PX_PARAGRAPH_TEXT);
          g_string_truncate (para, 0);
        }
      if (para->len == 0)
        heading = line->geometry && line_height (line) > body_height * 1.15;
      append_line (para, line->text, words);
      prev = line;
    }
  if (para->len > 0)
    px_document_builder_add_paragraph (builder, para->str, para->len,
                                       heading ? PX_PARAGRAPH_HEADING : PX_PARAGRAPH_TEXT);
}

/* A metadata title, unless it is only the name of the file the PDF was
 * printed from ("Microsoft Word - statement.docx"). */
static char *
usable_title (char *title)
{
  g_autofree char *lower = NULL;

  if (title == NULL)
    return NULL;
  g_strstrip (title);
  lower = g_ascii_strdown (title, -1);
  if (title[0] == '\0' || !g_utf8_validate (title, -1, NULL) || g_str_has_prefix (lower, "microsoft word - ") ||
      g_str_has_suffix (lower, ".doc") || g_str_has_suffix (lower, ".docx") || g_str_has_suffix (lower, ".pdf") ||
      g_str_has_prefix (lower, "untitled"))
    {
      g_free (title);
      return NULL;
    }
  return title;
}

/* "%PDF-" first, or later in the first KiB (readers allow junk before it)
 * when the file also ends as a PDF does ("%%EOF" in its last KiB): a text
 * that quotes "%PDF-1.4" near its start is still a text. */
gboolean
px_pdf_sniff (const char *data,
              gsize       length)
{
  gsize n = MIN (length, 1024);
  gsize tail = length > 1024 ? length - 1024 : 0;

  if (length >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return TRUE;
  for (gsize i = 1; i + 5 <= n; i++)
    if (data[i] == '%' && memcmp (data + i, "%PDF-", 5) == 0)
      {
        for (gsize j = tail; j + 5 <= length; j++)
          if (data[j] == '%' && memcmp (data + j, "%%EOF", 5) == 0)
            return TRUE;
        return FALSE;
      }
  return FALSE;
}

static PxDocument *
read_document (PopplerDocument  *pdf,
               const char       *origin,
               const char       *name,
               GError          **error)
{
  g_autoptr(PxDocumentBuilder) builder = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *date = NULL;
  int n_pages;

  n_pages = poppler ()->document_get_n_pages (pdf);
  if (n_pages <= 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "“%s” is a damaged PDF file (it has no pages); it was not opened", name);
      return NULL;
    }

  lines = g_array_new (FALSE, TRUE, sizeof (PdfLine));
  g_array_set_clear_func (lines, pdf_line_clear);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler ()->document_get_page (pdf, i);

      if (page != NULL)
        {
          read_page_lines (page, i, lines);
          g_object_unref (page);
        }
    }
  if (lines->len == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_EMPTY,
                   "“%s” is a PDF without text (scanned pages or images only); Parallax cannot read text "
                   "from images", name);
      return NULL;
    }

  mark_furniture (lines, n_pages);
  builder = px_document_builder_new ();
  build_paragraphs (builder, lines);
  if (px_document_builder_peek_text (builder, NULL)[0] == '\0')
    {
      g_set_error (error, PX_ERROR, PX_ERROR_EMPTY,
                   "“%s” holds only page headers, footers and numbers; no text was found", name);
      return NULL;
    }

  title = usable_title (poppler ()->document_get_title (pdf));
  author = poppler ()->document_get_author (pdf);
  if (author != NULL && (!g_utf8_validate (author, -1, NULL) || g_strstrip (author)[0] == '\0'))
    g_clear_pointer (&author, g_free);
  created = poppler ()->document_get_creation_date_time (pdf);
  if (created != NULL)
    date = g_date_time_format (created, "%Y-%m-%d");

  px_document_builder_set_meta (builder, PX_META_ORIGIN, origin);
  px_document_builder_set_meta (builder, PX_META_FORMAT, "pdf");
  px_document_builder_set_meta (builder, PX_META_ENCODING, "UTF-8");
  px_document_builder_set_meta (builder, PX_META_TITLE, title);
  px_document_builder_set_meta (builder, PX_META_BYLINE, author);
  px_document_builder_set_meta (builder, PX_META_DATE, date);
  return px_document_builder_end (g_steal_pointer (&builder));
}

PxDocument *
px_import_pdf (const char  *data,
               gsize        length,
               const char  *origin,
               GError     **error)
{
  g_autofree char *name = px_import_display_name (origin);
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, length);
  g_autoptr(GError) local_error = NULL;
  const Poppler *api = poppler ();
  PopplerDocument *pdf;
  PxDocument *document;

  if (api == NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                   "“%s” is a PDF, and reading PDFs needs poppler-glib (%s), which is not installed",
                   name, PX_POPPLER_SONAME);
      return NULL;
    }
  pdf = api->document_new_from_bytes (bytes, NULL, &local_error);
  if (pdf == NULL)
    {
      if (g_error_matches (local_error, api->error_quark (), POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                     "“%s” is an encrypted PDF that needs a password; it was not opened", name);
      else
        g_set_error (error, PX_ERROR, PX_ERROR_INVALID_INPUT,
                     "“%s” is a damaged PDF file; it was not opened", name);
      return NULL;
    }
  document = read_document (pdf, origin, name, error);
  g_object_unref (pdf);
  return document;
}
