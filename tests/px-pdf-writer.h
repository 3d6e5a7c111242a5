/* px-pdf-writer.h: PDFs for the tests, typeset with cairo's PDF surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paragraphs are wrapped to a column, justified on the left, a gap
 * between paragraphs; optionally two columns, long words hyphenated at
 * line ends, a running header and a page number in the footer, a title
 * in the document's metadata. Only the tests link cairo; the engine
 * reads PDFs through poppler.
 */
#pragma once

#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>

typedef struct
{
  gboolean    two_columns;
  gboolean    hyphenate;     /* split words of 8 letters or more at line ends */
  gboolean    indent;        /* a first-line indent instead of a gap between paragraphs */
  const char *header;        /* a running header on every page, or NULL */
  const char *footer;        /* the page number after this prefix ("Page ", or "" for the bare number), or NULL */
  const char *meta_title;
  const char *meta_date;     /* ISO 8601, for the metadata's creation date */
  double      font_size;     /* 0: 10 pt */
  double      page_height;   /* 0: A4; smaller to get more pages */
  gboolean    break_at_hyphens;  /* a compound ("multi-vector") may end a line after its hyphen */
  /* counts, when set: words split with a hyphen, compounds split at theirs */
  guint      *n_hyphenated;
  guint      *n_compound_breaks;
} PxPdfLayout;

typedef struct
{
  cairo_t           *cr;
  const PxPdfLayout *layout;
  double             width, height, margin, column_width, gap;
  double             size, leading;
  int                column, page;
  double             y;
} PxPdfWriter;

static inline cairo_status_t
px_pdf_write_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static inline void
px_pdf_page_furniture (PxPdfWriter *w)
{
  cairo_save (w->cr);
  cairo_select_font_face (w->cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (w->cr, 8);
  if (w->layout->header != NULL)
    {
      cairo_move_to (w->cr, w->margin, w->margin * 0.6);
      cairo_show_text (w->cr, w->layout->header);
    }
  if (w->layout->footer != NULL)
    {
      g_autofree char *footer = g_strdup_printf ("%s%d", w->layout->footer, w->page);
      cairo_text_extents_t ext;

      cairo_text_extents (w->cr, footer, &ext);
      cairo_move_to (w->cr, (w->width - ext.x_advance) / 2, w->height - w->margin * 0.5);
      cairo_show_text (w->cr, footer);
    }
  cairo_restore (w->cr);
}

static inline void
px_pdf_next_column (PxPdfWriter *w)
{
  if (w->layout->two_columns && w->column == 0)
    w->column = 1;
  else
    {
      cairo_show_page (w->cr);
      w->page++;
      w->column = 0;
      px_pdf_page_furniture (w);
    }
  w->y = w->margin + w->leading;
}

static inline void
px_pdf_show_line (PxPdfWriter *w,
                  const char  *line,
                  double       x_offset)
{
  if (w->y > w->height - w->margin)
    px_pdf_next_column (w);
  cairo_move_to (w->cr, w->margin + w->column * (w->column_width + w->gap) + x_offset, w->y);
  cairo_show_text (w->cr, line);
  w->y += w->leading;
}

static inline double
px_pdf_measure (PxPdfWriter *w,
                const char  *text)
{
  cairo_text_extents_t ext;

  cairo_text_extents (w->cr, text, &ext);
  return ext.x_advance;
}

/* Wraps @text to the column; a word too long for the rest of a line is
 * split with a hyphen when the layout says so and it is long enough. */
static inline void
px_pdf_paragraph (PxPdfWriter *w,
                  const char  *text,
                  gboolean     heading)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);
  g_autoptr(GString) line = g_string_new (NULL);
  double indent = w->layout->indent && !heading ? 2 * w->size : 0;
  double size = heading ? w->size * 1.6 : w->size;

  cairo_select_font_face (w->cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL,
                          heading ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (w->cr, size);
  if (heading)
    w->y += w->leading * 0.6;
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];
      g_autofree char *candidate = NULL;

      if (*word == '\0')
        continue;
      candidate = line->len > 0 ? g_strconcat (line->str, " ", word, NULL) : g_strdup (word);
      if (px_pdf_measure (w, candidate) + indent <= w->column_width)
        {
          g_string_assign (line, candidate);
          continue;
        }
      /* a compound: its head and hyphen on this line when they fit */
      if (w->layout->break_at_hyphens && !heading && strchr (word, '-') != NULL && strchr (word, '-')[1] != '\0')
        {
          const char *after = strchr (word, '-') + 1;
          g_autofree char *head = g_strndup (word, after - word);
          g_autofree char *try = g_strconcat (line->str, line->len > 0 ? " " : "", head, NULL);

          if (px_pdf_measure (w, try) + indent <= w->column_width)
            {
              px_pdf_show_line (w, try, indent);
              indent = 0;
              g_string_assign (line, after);
              if (w->layout->n_compound_breaks != NULL)
                (*w->layout->n_compound_breaks)++;
              continue;
            }
        }
      /* hyphenate: the longest head of the word (3 letters at least, 3 left) that fits */
      if (w->layout->hyphenate && !heading && g_utf8_strlen (word, -1) >= 8 && strchr (word, '-') == NULL)
        {
          glong n = g_utf8_strlen (word, -1);
          gboolean split = FALSE;

          for (glong cut = n - 3; cut >= 3 && !split; cut--)
            {
              const char *at = g_utf8_offset_to_pointer (word, cut);
              g_autofree char *head = g_strndup (word, at - word);
              g_autofree char *try = NULL;
              gboolean letters = TRUE;

              for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
                letters = letters && g_unichar_isalpha (g_utf8_get_char (p));
              if (!letters)
                break;
              try = g_strconcat (line->str, line->len > 0 ? " " : "", head, "-", NULL);
              if (px_pdf_measure (w, try) + indent <= w->column_width)
                {
                  px_pdf_show_line (w, try, indent);
                  indent = 0;
                  g_string_assign (line, at);
                  split = TRUE;
                  if (w->layout->n_hyphenated != NULL)
                    (*w->layout->n_hyphenated)++;
                }
            }
          if (split)
            continue;
        }
      if (line->len > 0)
        {
          px_pdf_show_line (w, line->str, indent);
          indent = 0;
        }
      g_string_assign (line, word);
    }
  if (line->len > 0)
    px_pdf_show_line (w, line->str, indent);
  if (!w->layout->indent || heading)
    w->y += w->leading * 0.7;
}

/* A PDF of @paragraphs (the first a heading when @first_is_heading). */
static inline GBytes *
px_pdf_write (const char * const *paragraphs,
              gboolean            first_is_heading,
              const PxPdfLayout  *layout)
{
  GByteArray *out = g_byte_array_new ();
  PxPdfWriter w = { 0 };
  cairo_surface_t *surface;

  w.layout = layout;
  w.width = 595;
  w.height = layout->page_height > 0 ? layout->page_height : 842;
  w.margin = 56;
  w.gap = 20;
  w.size = layout->font_size > 0 ? layout->font_size : 10;
  w.leading = w.size * 1.3;
  w.column_width = layout->two_columns ? (w.width - 2 * w.margin - w.gap) / 2 : w.width - 2 * w.margin;
  w.page = 1;
  w.y = w.margin + w.leading;

  surface = cairo_pdf_surface_create_for_stream (px_pdf_write_cb, out, w.width, w.height);
  if (layout->meta_title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, layout->meta_title);
  if (layout->meta_date != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, layout->meta_date);
  w.cr = cairo_create (surface);
  px_pdf_page_furniture (&w);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    px_pdf_paragraph (&w, paragraphs[i], first_is_heading && i == 0);
  cairo_show_page (w.cr);
  cairo_destroy (w.cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

/* Drops cairo's font caches and fontconfig's configuration at the end of
 * a test program, so that LeakSanitizer sees no leak of them. */
static inline void
px_pdf_writer_cleanup (void)
{
  cairo_debug_reset_static_data ();
  FcFini ();
}
