/* px-export-html.c: the comparison as one standalone HTML5 file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything that comes from a source or from the user (article text,
 * titles, metadata, notes, labels) enters the tree as a text node or as the
 * value of a title attribute, both escaped by the serializer; the only
 * attribute values taken from input are http(s) URLs checked by GUri and
 * colours checked to be "#rrggbb". The one <style> element holds constant
 * CSS plus rules built from checked colours. There is no script.
 */
#define G_LOG_DOMAIN "px-export-html"

#include "config.h"

#include <math.h>
#include <string.h>

#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include "px-annotation.h"
#include "px-export-html.h"
#include "px-palette.h"

#define X(s) ((const xmlChar *)(s))

#define CSP "default-src 'none'; style-src 'unsafe-inline'; img-src data:; " \
            "base-uri 'none'; form-action 'none'"

typedef struct
{
  guint start;
  guint end;
} Range;

typedef struct
{
  PxAnnotation *annotation;
  guint         doc;      /* column */
  guint         start;
  guint         end;
  guint         number;   /* 1-based, in report order */
  guint         style;    /* index into the label styles */
  gboolean      placed;   /* attached to the text shown */
  char         *label;
  char         *note;
  char         *exact;
} Note;

typedef struct
{
  char *label;
  char *color;   /* "#rrggbb" */
} LabelStyle;

typedef struct
{
  PxComparison *comparison;
  guint         n_docs;
  GPtrArray    *facts;          /* borrowed, PxFact* */
  int          *fact_group;     /* group index per fact, or -1 */
  GHashTable   *fact_index;     /* PxFact* → index + 1 */
  GArray      **diffs;          /* Range per document */
  GArray       *notes;          /* Note, in report order */
  GPtrArray    *label_styles;   /* LabelStyle* */
  int          *claim_first;    /* [claim * n_docs + doc]: first segment, or -1 */
} Report;

static const char css[] =
  ":root{color-scheme:light dark;"
  "--bg:#fdfcfa;--fg:#1f2328;--muted:#5b636e;--rule:#d8dbe0;--card:#ffffff;--head:#f2f1ee;"
  "--shared:" PX_PALETTE_SHARED_LIGHT ";--partial:" PX_PALETTE_PARTIAL_LIGHT ";"
  "--differs:" PX_PALETTE_DIFFERS_LIGHT ";"
  "--agree-line:#1a7f37;--differs-line:#c4320a;--diff-mark:rgba(245,170,0,.55);"
  "--link:#1a5fb4;--boiler:#8a9099}"
  "@media (prefers-color-scheme:dark){:root{"
  "--bg:#1c1d20;--fg:#e6e6e3;--muted:#a3a9b2;--rule:#3a3d43;--card:#242529;--head:#2c2d32;"
  "--shared:" PX_PALETTE_SHARED_DARK ";--partial:" PX_PALETTE_PARTIAL_DARK ";"
  "--differs:" PX_PALETTE_DIFFERS_DARK ";"
  "--agree-line:#57c26f;--differs-line:#ff7b54;--diff-mark:rgba(245,170,0,.45);"
  "--link:#8cb8ff;--boiler:#7d838c}}"
  "*{box-sizing:border-box}"
  "html{background:var(--bg);color:var(--fg)}"
  "body{margin:0 auto;padding:1.5rem 2rem 3rem;max-width:110rem;"
  "font:15px/1.5 system-ui,-apple-system,'Cantarell','Segoe UI',sans-serif}"
  "a{color:var(--link)}"
  "h1{font-size:1.6rem;line-height:1.25;margin:0 0 .25rem}"
  "h2{font-size:1.2rem;margin:2.25rem 0 .75rem;padding-bottom:.3rem;border-bottom:1px solid var(--rule)}"
  ".summary{color:var(--muted);margin:.25rem 0 1rem}"
  ".summary b{color:var(--fg)}"
  ".num{display:inline-block;min-width:1.6em;padding:0 .35em;border-radius:.8em;"
  "border:1.5px solid currentColor;font-size:.8em;font-weight:700;text-align:center;"
  "font-variant-numeric:tabular-nums;line-height:1.5}"
  "ol.sources{list-style:none;padding:0;display:grid;gap:.5rem 1.5rem;"
  "grid-template-columns:repeat(auto-fill,minmax(20rem,1fr))}"
  "ol.sources li{background:var(--card);border:1px solid var(--rule);border-radius:8px;padding:.6rem .8rem}"
  ".src-title{font-weight:650}"
  ".src-meta{color:var(--muted);font-size:.9em;overflow-wrap:anywhere}"
  ".legend{display:flex;flex-wrap:wrap;gap:.4rem 1.6rem;padding:0;list-style:none;font-size:.92em}"
  ".columns{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(15rem,1fr);gap:1.25rem;"
  "overflow-x:auto;align-items:start}"
  ".column{background:var(--card);border:1px solid var(--rule);border-radius:8px;min-width:0}"
  ".col-head{position:sticky;top:0;background:var(--head);border-bottom:1px solid var(--rule);"
  "border-radius:8px 8px 0 0;padding:.55rem .8rem;font-size:.9em}"
  ".col-head .src-title{display:block;font-size:1.05em;line-height:1.3}"
  ".col-body{padding:.3rem .9rem .9rem;font-family:'Source Serif 4','Source Serif Pro',Charter,"
  "'Bitstream Charter','DejaVu Serif',Georgia,serif;font-size:1.02rem;line-height:1.62;"
  "overflow-wrap:break-word;hyphens:auto}"
  ".col-body h3{font-size:1.1em;line-height:1.35;margin:1rem 0 .4rem}"
  ".col-body p{margin:.55rem 0}"
  ".col-body blockquote{margin:.6rem 0 .6rem .2rem;padding-left:.8rem;border-left:3px solid var(--rule)}"
  ".col-body .li{padding-left:1.1em;text-indent:-1.1em}"
  ".col-body .li::before{content:'\\2022\\00a0\\00a0'}"
  ".st-shared{background:var(--shared)}"
  ".st-partial{background:var(--partial)}"
  ".st-differs{background:var(--differs)}"
  ".boilerplate{color:var(--boiler);font-size:.85em}"
  ".caption{font-style:italic;font-size:.92em}"
  ".fact{text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:3px;"
  "text-decoration-skip-ink:none}"
  ".f-agree{text-decoration-style:solid;text-decoration-color:var(--agree-line)}"
  ".f-differs{text-decoration-style:wavy;text-decoration-color:var(--differs-line);font-weight:600}"
  ".diff{font-weight:700;background:linear-gradient(transparent 55%,var(--diff-mark) 55%)}"
  ".mk{font-family:system-ui,sans-serif;font-size:.68em;vertical-align:.45em;margin-left:.2em;"
  "text-decoration:none;color:var(--muted);display:inline-block;min-width:1.5em;padding:0 .3em;"
  "border-radius:.7em;text-align:center;line-height:1.45;font-variant-numeric:tabular-nums}"
  ".mk-shared{border:1.5px solid currentColor}"
  ".mk-partial{border:1.5px dashed currentColor}"
  ".mk-differs{border:3px double var(--differs-line);color:var(--differs-line);font-weight:700}"
  "mark.ann{color:inherit;border-radius:2px;padding:0 1px;border-bottom:3px solid}"
  "mark.ann.b-double{border-bottom-style:double}"
  "mark.ann.b-dotted{border-bottom-style:dotted}"
  "mark.ann.b-dashed{border-bottom-style:dashed}"
  ".badge{font-family:system-ui,sans-serif;font-size:.68em;font-weight:700;vertical-align:.45em;"
  "margin-left:.15em;padding:0 .35em;border-radius:.3em;color:#fff;text-decoration:none;white-space:nowrap}"
  "table{border-collapse:collapse;width:100%;font-size:.93em;background:var(--card)}"
  "th,td{border:1px solid var(--rule);padding:.35rem .5rem;text-align:left;vertical-align:top}"
  "thead th{background:var(--head)}"
  "caption{text-align:left;color:var(--muted);padding:.3rem 0;caption-side:top}"
  ".status{white-space:nowrap;font-weight:650}"
  ".status-differs{color:var(--differs-line)}"
  ".status-agree{color:var(--agree-line)}"
  ".value{color:var(--muted);font-size:.9em}"
  ".fact-text{font-family:'Source Serif 4',Georgia,serif}"
  "details{margin-top:1rem}summary{cursor:pointer;font-weight:600}"
  "ol.notes{padding-left:0;list-style:none}"
  "ol.notes li{background:var(--card);border:1px solid var(--rule);border-radius:8px;"
  "padding:.6rem .9rem;margin:.6rem 0;border-left-width:6px}"
  "ol.notes blockquote{margin:.4rem 0;font-family:'Source Serif 4',Georgia,serif;font-style:italic}"
  ".note-text{white-space:pre-wrap;margin:.3rem 0}"
  ".note-meta{color:var(--muted);font-size:.85em}"
  ".orphaned{border-style:dashed!important}"
  "footer{margin-top:3rem;color:var(--muted);font-size:.85em;border-top:1px solid var(--rule);padding-top:.6rem}"
  "@media print{"
  "@page{size:A4 landscape;margin:11mm}"
  "html,body{background:#fff;color:#000}"
  "body{padding:0;max-width:none;font-size:8.5pt}"
  "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
  ".columns{overflow:visible;grid-auto-columns:1fr;gap:3mm}"
  ".column{border-color:#999;break-inside:auto}"
  ".col-head{position:static}"
  ".col-body{font-size:8.5pt;line-height:1.45}"
  "h2{break-after:avoid}"
  "tr,ol.notes li,ol.sources li{break-inside:avoid}"
  "a{color:inherit;text-decoration:none}"
  "}";

/* Helpers: building the tree */

/* Text for a text node: C0 controls (but tab and newline), DEL and
 * non-characters become U+FFFD; carriage returns go. */
static char *
clean_text (const char *str,
            gssize      length)
{
  GString *out;
  const char *end;
  const char *run;

  if (length < 0)
    length = strlen (str);
  out = g_string_sized_new (length);
  end = str + length;
  /* The text kept as it is goes out in runs, not a character at a time:
   * a report writes every character of every source through here. */
  run = str;
  for (const char *p = str, *next; p < end; p = next)
    {
      guchar byte = (guchar)*p;
      gunichar ch;

      next = g_utf8_next_char (p);
      if ((byte >= 0x20 && byte < 0x7F) || byte == '\t' || byte == '\n')
        continue;
      ch = g_utf8_get_char (p);
      if (ch != '\r' && !(ch < 0x20 || (ch >= 0x7F && ch < 0xA0) || ch == 0xFFFE || ch == 0xFFFF))
        continue;
      g_string_append_len (out, run, p - run);
      if (ch != '\r')
        g_string_append (out, "\xEF\xBF\xBD");
      run = next;
    }
  if (run < end)
    g_string_append_len (out, run, end - run);
  return g_string_free (out, FALSE);
}

static void
add_text_len (xmlNodePtr  parent,
              const char *str,
              gssize      length)
{
  g_autofree char *clean = NULL;

  if (str == NULL || length == 0 || str[0] == '\0')
    return;
  clean = clean_text (str, length);
  xmlAddChild (parent, xmlNewText (X (clean)));
}

static void
add_text (xmlNodePtr  parent,
          const char *str)
{
  add_text_len (parent, str, -1);
}

static xmlNodePtr
add_element (xmlNodePtr  parent,
             const char *name,
             const char *klass)
{
  xmlNodePtr node = xmlNewChild (parent, NULL, X (name), NULL);

  if (klass != NULL)
    xmlSetProp (node, X ("class"), X (klass));
  return node;
}

static xmlNodePtr
add_element_text (xmlNodePtr  parent,
                  const char *name,
                  const char *klass,
                  const char *text)
{
  xmlNodePtr node = add_element (parent, name, klass);

  add_text (node, text);
  return node;
}

static void
set_attr (xmlNodePtr  node,
          const char *name,
          const char *value)
{
  g_autofree char *clean = clean_text (value, -1);

  xmlSetProp (node, X (name), X (clean));
}

static void
set_attr_printf (xmlNodePtr  node,
                 const char *name,
                 const char *format,
                 ...) G_GNUC_PRINTF (3, 4);

static void
set_attr_printf (xmlNodePtr  node,
                 const char *name,
                 const char *format,
                 ...)
{
  g_autofree char *value = NULL;
  va_list args;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);
  set_attr (node, name, value);
}

/* Only absolute http and https URLs become links. */
static gboolean
is_web_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL)
    return FALSE;
  for (const char *p = url; *p != '\0'; p++)
    if ((guchar)*p <= 0x20 || *p == 0x7F || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
      return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0;
}

static char *
format_time (gint64 seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (seconds);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d %H:%M UTC") : g_strdup ("");
}

/* The title, else the file name. */
static char *
document_name (PxDocument *document)
{
  const char *title = px_document_get_title (document);

  if (title != NULL)
    return g_strdup (title);
  if (px_document_get_origin (document) != NULL)
    return g_path_get_basename (px_document_get_origin (document));
  return g_strdup ("Untitled source");
}

/* Preparing the report */

static void
note_clear (Note *note)
{
  g_clear_object (&note->annotation);
  g_free (note->label);
  g_free (note->note);
  g_free (note->exact);
}

static void
label_style_free (LabelStyle *style)
{
  g_free (style->label);
  g_free (style->color);
  g_free (style);
}

static guint
label_style_for (Report     *report,
                 const char *label,
                 const char *color)
{
  const char *builtin = px_label_get_builtin_color (label);
  const char *use = builtin != NULL ? builtin : px_color_is_valid (color) ? color : "#5e8c31";
  LabelStyle *style;

  if (builtin == NULL && px_color_is_valid (color))
    use = color;
  for (guint i = 0; i < report->label_styles->len; i++)
    {
      style = g_ptr_array_index (report->label_styles, i);
      if (g_strcmp0 (style->label, label) == 0 && g_ascii_strcasecmp (style->color, use) == 0)
        return i;
    }
  style = g_new0 (LabelStyle, 1);
  style->label = g_strdup (label);
  style->color = g_ascii_strdown (use, -1);
  g_ptr_array_add (report->label_styles, style);
  return report->label_styles->len - 1;
}

static int
compare_notes (gconstpointer a,
               gconstpointer b)
{
  const Note *na = a;
  const Note *nb = b;

  if (na->placed != nb->placed)
    return na->placed ? -1 : 1;
  if (na->doc != nb->doc)
    return na->doc < nb->doc ? -1 : 1;
  if (na->start != nb->start)
    return na->start < nb->start ? -1 : 1;
  return na->end < nb->end ? -1 : na->end > nb->end;
}

/* Note* by end, then in report order (the order of their badges). */
static int
compare_note_ends (gconstpointer a,
                   gconstpointer b)
{
  const Note *na = *(const Note * const *)a;
  const Note *nb = *(const Note * const *)b;

  if (na->end != nb->end)
    return na->end < nb->end ? -1 : 1;
  return na->number < nb->number ? -1 : na->number > nb->number;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *ra = a;
  const Range *rb = b;

  return ra->start != rb->start ? (ra->start < rb->start ? -1 : 1) : (ra->end < rb->end ? -1 : ra->end > rb->end);
}

/* The parts of [start, end) of document @doc's text that are details
 * (px_fact_kind_is_detail ()), into report->diffs[doc]: the detail that differs, as the
 * window marks it (facts sorted by start; they rarely nest). */
static void
add_fact_marks (Report *report,
                guint   doc,
                guint   start,
                guint   end)
{
  GPtrArray *facts = px_comparison_get_document_facts (report->comparison, doc);
  guint lo = 0, hi = facts != NULL ? facts->len : 0;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (((const PxFact *)g_ptr_array_index (facts, mid))->start < end)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i > 0 && lo - i < 8; i--)
    {
      const PxFact *fact = g_ptr_array_index (facts, i - 1);
      Range r = { MAX (start, fact->start), MIN (end, fact->end) };

      if (px_fact_kind_is_detail (fact->kind) && r.end > r.start)
        g_array_append_val (report->diffs[doc], r);
    }
}

static void
report_init (Report       *report,
             PxComparison *comparison,
             GPtrArray    *annotations)
{
  GPtrArray *groups = px_comparison_get_fact_groups (comparison);
  GPtrArray *links = px_comparison_get_links (comparison);
  GPtrArray *claims = px_comparison_get_claims (comparison);

  memset (report, 0, sizeof *report);
  report->comparison = comparison;
  report->n_docs = px_comparison_get_n_documents (comparison);
  report->facts = px_comparison_get_facts (comparison);

  report->fact_group = g_new (int, report->facts->len + 1);
  report->fact_index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < report->facts->len; i++)
    {
      report->fact_group[i] = -1;
      g_hash_table_insert (report->fact_index, g_ptr_array_index (report->facts, i), GUINT_TO_POINTER (i + 1));
    }
  for (guint g = 0; g < groups->len; g++)
    {
      const PxFactGroup *group = g_ptr_array_index (groups, g);

      for (guint k = 0; k < group->facts->len; k++)
        {
          guint f = g_array_index (group->facts, guint, k);

          if (f < report->facts->len)
            report->fact_group[f] = g;
        }
    }

  /* Word differences: the differing details of "differs" links only (the
   * facts in their changed words), as the window shows standing marks. */
  report->diffs = g_new0 (GArray *, report->n_docs + 1);
  for (guint d = 0; d < report->n_docs; d++)
    report->diffs[d] = g_array_new (FALSE, FALSE, sizeof (Range));
  for (guint i = 0; i < links->len; i++)
    {
      const PxLink *link = g_ptr_array_index (links, i);

      if (link->relation != PX_RELATION_DIFFERS || link->diff == NULL ||
          link->a.doc >= report->n_docs || link->b.doc >= report->n_docs)
        continue;
      for (guint k = 0; k < link->diff->len; k++)
        {
          const PxDiffChunk *chunk = &g_array_index (link->diff, PxDiffChunk, k);

          /* equivalent or moved wording is no differing detail */
          if (!px_diff_op_is_change (chunk->op))
            continue;
          add_fact_marks (report, link->a.doc, chunk->a_start, chunk->a_end);
          add_fact_marks (report, link->b.doc, chunk->b_start, chunk->b_end);
        }
    }
  for (guint d = 0; d < report->n_docs; d++)
    g_array_sort (report->diffs[d], compare_ranges);

  /* Where each claim first appears in each column, for the markers. */
  report->claim_first = g_new (int, (gsize)claims->len * report->n_docs + 1);
  for (guint c = 0; c < claims->len; c++)
    {
      const PxClaim *claim = g_ptr_array_index (claims, c);

      for (guint d = 0; d < report->n_docs; d++)
        report->claim_first[c * report->n_docs + d] = -1;
      for (guint k = 0; k < claim->segments->len; k++)
        {
          const PxSegmentRef *ref = &g_array_index (claim->segments, PxSegmentRef, k);
          int *first;

          if (ref->doc >= report->n_docs)
            continue;
          first = &report->claim_first[c * report->n_docs + ref->doc];
          if (*first < 0 || (guint)*first > ref->segment)
            *first = ref->segment;
        }
    }

  report->label_styles = g_ptr_array_new_with_free_func ((GDestroyNotify)label_style_free);
  /* The built-in labels always have their style (the legend shows them). */
  label_style_for (report, PX_LABEL_KEY_CLAIM, NULL);
  label_style_for (report, PX_LABEL_CONTRADICTION, NULL);
  label_style_for (report, PX_LABEL_CHECK, NULL);

  report->notes = g_array_new (FALSE, TRUE, sizeof (Note));
  g_array_set_clear_func (report->notes, (GDestroyNotify)note_clear);
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      PxAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autofree char *document_id = px_annotation_dup_document_id (annotation);
      g_autofree char *color = px_annotation_dup_color (annotation);
      Note note = { 0 };
      int doc = -1;

      for (guint d = 0; d < report->n_docs && doc < 0; d++)
        if (g_strcmp0 (px_document_get_id (px_comparison_get_document (comparison, d)), document_id) == 0)
          doc = d;
      if (doc < 0)
        continue;

      note.annotation = g_object_ref (annotation);
      note.doc = doc;
      px_annotation_get_range (annotation, &note.start, &note.end);
      note.placed = px_annotation_is_attached_to (annotation, px_comparison_get_document (comparison, doc));
      note.label = px_annotation_dup_label (annotation);
      note.note = px_annotation_dup_note (annotation);
      note.exact = px_annotation_dup_exact (annotation);
      note.style = label_style_for (report, note.label, color);
      g_array_append_val (report->notes, note);
    }
  g_array_sort (report->notes, compare_notes);
  for (guint i = 0; i < report->notes->len; i++)
    g_array_index (report->notes, Note, i).number = i + 1;
}

static void
report_clear (Report *report)
{
  g_free (report->fact_group);
  g_clear_pointer (&report->fact_index, g_hash_table_unref);
  for (guint d = 0; report->diffs != NULL && d < report->n_docs; d++)
    g_array_unref (report->diffs[d]);
  g_free (report->diffs);
  g_free (report->claim_first);
  g_clear_pointer (&report->notes, g_array_unref);
  g_clear_pointer (&report->label_styles, g_ptr_array_unref);
}

static const char *
border_class (const char *label)
{
  if (g_strcmp0 (label, PX_LABEL_KEY_CLAIM) == 0)
    return "b-solid";
  if (g_strcmp0 (label, PX_LABEL_CONTRADICTION) == 0)
    return "b-double";
  if (g_strcmp0 (label, PX_LABEL_CHECK) == 0)
    return "b-dotted";
  return "b-dashed";
}

/* CSS for the label colours: built from "#rrggbb" values only. */
static char *
label_css (Report *report)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < report->label_styles->len; i++)
    {
      const LabelStyle *style = g_ptr_array_index (report->label_styles, i);
      guint r, g, b;

      g_assert (px_color_is_valid (style->color));
      r = g_ascii_xdigit_value (style->color[1]) * 16 + g_ascii_xdigit_value (style->color[2]);
      g = g_ascii_xdigit_value (style->color[3]) * 16 + g_ascii_xdigit_value (style->color[4]);
      b = g_ascii_xdigit_value (style->color[5]) * 16 + g_ascii_xdigit_value (style->color[6]);
      g_string_append_printf (out,
                              "mark.lbl-%u{background:rgba(%u,%u,%u,.26);border-bottom-color:%s}"
                              ".badge.lbl-%u{background:%s}"
                              "ol.notes li.lbl-%u{border-left-color:%s}",
                              i, r, g, b, style->color, i, style->color, i, style->color);
      /* Badges carry white text: darken light colours enough to read. */
      if ((r * 299 + g * 587 + b * 114) / 1000 > 150)
        g_string_append_printf (out, ".badge.lbl-%u{color:#111}", i);
    }
  return g_string_free (out, FALSE);
}

/* The columns */

static const char *
claim_status_class (PxClaimStatus status)
{
  switch (status)
    {
    case PX_CLAIM_SHARED:
      return "st-shared";
    case PX_CLAIM_PARTIAL:
      return "st-partial";
    case PX_CLAIM_DIFFERS:
      return "st-differs";
    case PX_CLAIM_UNIQUE:
    default:
      return "st-unique";
    }
}

static void
add_claim_marker (Report     *report,
                  xmlNodePtr  parent,
                  guint       doc,
                  int         claim_index)
{
  const PxClaim *claim = g_ptr_array_index (px_comparison_get_claims (report->comparison), claim_index);
  xmlNodePtr marker;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  const char *klass;
  int target_doc = -1;

  /* The same claim in the next column that states it, round to the first. */
  for (guint k = 1; k <= report->n_docs && target_doc < 0; k++)
    {
      guint d = (doc + k) % report->n_docs;

      if (d != doc && report->claim_first[claim_index * report->n_docs + d] >= 0)
        target_doc = d;
    }

  switch (claim->status)
    {
    case PX_CLAIM_DIFFERS:
      klass = "mk mk-differs";
      text = g_strdup_printf ("%d\u2260", claim_index + 1);
      title = g_strdup_printf ("Claim %d: stated by %u of %u sources, with a differing detail",
                               claim_index + 1, claim->n_sources, report->n_docs);
      break;
    case PX_CLAIM_SHARED:
      klass = "mk mk-shared";
      text = g_strdup_printf ("%d", claim_index + 1);
      title = g_strdup_printf ("Claim %d: stated by all %u sources", claim_index + 1, report->n_docs);
      break;
    case PX_CLAIM_PARTIAL:
    case PX_CLAIM_UNIQUE:
    default:
      klass = "mk mk-partial";
      text = g_strdup_printf ("%d", claim_index + 1);
      title = g_strdup_printf ("Claim %d: stated by %u of %u sources",
                               claim_index + 1, claim->n_sources, report->n_docs);
      break;
    }

  marker = add_element_text (parent, target_doc >= 0 ? "a" : "span", klass, text);
  set_attr (marker, "title", title);
  if (target_doc >= 0)
    set_attr_printf (marker, "href", "#d%d-c%d", target_doc + 1, claim_index + 1);
}

static void
add_note_badge (xmlNodePtr  parent,
                const Note *note)
{
  xmlNodePtr badge = add_element (parent, "a", NULL);
  g_autofree char *klass = g_strdup_printf ("badge lbl-%u", note->style);
  g_autofree char *text = g_strdup_printf ("%u %s", note->number, px_label_get_display_name (note->label));

  set_attr (badge, "class", klass);
  set_attr_printf (badge, "href", "#note-%u", note->number);
  set_attr_printf (badge, "id", "ann-%u", note->number);
  add_text (badge, text);
}

static gboolean
is_name_kind (PxFactKind kind)
{
  return kind == PX_FACT_PERSON || kind == PX_FACT_ORGANIZATION || kind == PX_FACT_PLACE;
}

/* Walking one column in text order, with cursors into its sorted marks so
 * that a long text costs time in proportion to its length. */
typedef struct
{
  guint       doc;
  PxDocument *document;
  GPtrArray  *facts;      /* PxFact*, sorted by start (may be NULL) */
  guint       next_fact;  /* first fact that starts after the current piece */
  GArray     *diffs;      /* Range, sorted by start */
  guint       next_diff;
  /* Placed notes of the column: report->notes[first_note, end_note), by
   * start. A note opens when the walk reaches its start and is dropped from
   * the open list at the first piece after its end, so that each piece
   * costs only the marks it gets; badges come from the same notes sorted
   * by end. */
  guint       next_note;  /* first note not opened yet */
  guint       end_note;
  GQueue      open;       /* Note*, by start: notes that may cover the piece */
  GPtrArray  *by_end;     /* Note*, by end (then report order) */
  guint       next_end;   /* into by_end: first note whose badge is not out */
  /* The open segment's parts that state its claim (PxByteRange), when not
   * the whole of it, and the class of its claim's status. */
  GArray     *parts;
  const char *part_class;
} Column;

/* Annotations highlighted on the same words at most; past it, a covered
 * piece is wrapped in the first ones (by start) and the others keep their
 * badge and their entry in the notes. */
#define MAX_NESTED_MARKS 16

/* Marks nest rarely; looking back this far finds the ones that cover. */
#define LOOK_BACK 32

/* Innermost fact of agree/differs status that covers [x, y), or NULL. */
static const PxFact *
fact_at (Report *report,
         Column *col,
         guint   x,
         guint   y,
         int    *status)
{
  const PxFact *best = NULL;
  GPtrArray *groups = px_comparison_get_fact_groups (report->comparison);

  if (col->facts == NULL)
    return NULL;
  while (col->next_fact < col->facts->len &&
         ((const PxFact *)g_ptr_array_index (col->facts, col->next_fact))->start <= x)
    col->next_fact++;

  for (guint i = col->next_fact, n = 0; i > 0 && n < LOOK_BACK; i--, n++)
    {
      const PxFact *fact = g_ptr_array_index (col->facts, i - 1);
      PxFactGroupStatus group_status;
      guint index;
      int group;

      if (fact->end < y || fact->kind == PX_FACT_QUOTE)
        continue;
      index = GPOINTER_TO_UINT (g_hash_table_lookup (report->fact_index, fact));
      group = index > 0 ? report->fact_group[index - 1] : -1;
      if (group < 0)
        continue;
      /* Names that agree are everywhere and tell little: the table has them. */
      group_status = ((const PxFactGroup *)g_ptr_array_index (groups, group))->status;
      if (group_status == PX_FACT_GROUP_SINGLE ||
          (group_status == PX_FACT_GROUP_AGREE && is_name_kind (fact->kind)))
        continue;
      if (best == NULL || fact->end - fact->start < best->end - best->start)
        {
          best = fact;
          *status = group_status;
        }
    }
  return best;
}

static gboolean
diff_at (Column *col,
         guint   x,
         guint   y)
{
  while (col->next_diff < col->diffs->len && g_array_index (col->diffs, Range, col->next_diff).start <= x)
    col->next_diff++;
  for (guint i = col->next_diff, n = 0; i > 0 && n < LOOK_BACK; i--, n++)
    if (g_array_index (col->diffs, Range, i - 1).end >= y)
      return TRUE;
  return FALSE;
}

static guint
first_fact_from (GPtrArray *facts,
                 guint      offset)
{
  guint lo = 0, hi = facts != NULL ? facts->len : 0;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (((const PxFact *)g_ptr_array_index (facts, mid))->start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static guint
first_range_from (GArray *ranges,
                  guint   offset)
{
  guint lo = 0, hi = ranges->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (ranges, Range, mid).start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
add_boundary (GArray *bounds,
              guint   value,
              guint   lo,
              guint   hi)
{
  if (value > lo && value < hi)
    g_array_append_val (bounds, value);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *)a;
  guint ub = *(const guint *)b;

  return ua < ub ? -1 : ua > ub;
}

/* One piece of text [x, y) with the same marks all along, wrapped in the
 * annotations, the fact and the word difference that cover it. */
static void
add_piece (Report     *report,
           Column     *col,
           xmlNodePtr  parent,
           guint       x,
           guint       y)
{
  const char *text = px_document_get_text (col->document, NULL);
  xmlNodePtr node = parent;
  const PxFact *fact;
  int fact_status = 0;

  guint n_marks = 0;

  /* of a sentence that states several claims, the parts that state the
   * shared one take its status */
  for (guint k = 0; col->parts != NULL && k < col->parts->len; k++)
    if (g_array_index (col->parts, PxByteRange, k).start <= x && y <= g_array_index (col->parts, PxByteRange, k).end)
      {
        node = add_element (node, "span", col->part_class);
        break;
      }

  while (col->next_note < col->end_note && g_array_index (report->notes, Note, col->next_note).start <= x)
    g_queue_push_tail (&col->open, &g_array_index (report->notes, Note, col->next_note++));

  for (GList *l = col->open.head, *next; l != NULL && n_marks < MAX_NESTED_MARKS; l = next)
    {
      const Note *note = l->data;
      g_autofree char *klass = NULL;
      xmlNodePtr mark;

      next = l->next;
      /* Pieces end on every note boundary: an open note either covers
       * [x, y) or ended at or before x, for good. */
      if (note->end <= x)
        {
          g_queue_delete_link (&col->open, l);
          continue;
        }
      n_marks++;
      mark = add_element (node, "mark", NULL);
      klass = g_strdup_printf ("ann lbl-%u %s", note->style, border_class (note->label));
      set_attr (mark, "class", klass);
      if (note->note != NULL)
        {
          g_autofree char *shortened = g_utf8_substring (note->note, 0, MIN (g_utf8_strlen (note->note, -1), 300));
          g_autofree char *title = g_strdup_printf ("%s %u: %s", px_label_get_display_name (note->label),
                                                    note->number, shortened);

          set_attr (mark, "title", title);
        }
      else
        set_attr (mark, "title", px_label_get_display_name (note->label));
      node = mark;
    }

  fact = fact_at (report, col, x, y, &fact_status);
  if (fact != NULL)
    {
      g_autofree char *value = px_fact_format_value (fact);
      g_autofree char *title = NULL;
      xmlNodePtr span;

      span = add_element (node, "span", fact_status == PX_FACT_GROUP_DIFFERS ? "fact f-differs" : "fact f-agree");
      title = g_strdup_printf ("%s %s: %s", px_fact_kind_to_string (fact->kind),
                               fact_status == PX_FACT_GROUP_DIFFERS ? "differs between sources" : "agrees across sources",
                               value != NULL ? value : fact->text);
      set_attr (span, "title", title);
      node = span;
    }

  if (diff_at (col, x, y))
    node = add_element (node, "span", "diff");

  add_text_len (node, text + x, y - x);

  /* Badges after the piece where an annotation ends (one that ends between
   * paragraphs has none in the text, only its note). */
  while (col->next_end < col->by_end->len && ((const Note *)g_ptr_array_index (col->by_end, col->next_end))->end < y)
    col->next_end++;
  while (col->next_end < col->by_end->len && ((const Note *)g_ptr_array_index (col->by_end, col->next_end))->end == y)
    add_note_badge (parent, g_ptr_array_index (col->by_end, col->next_end++));
}

static void
close_segment (Report     *report,
               Column     *col,
               xmlNodePtr  seg_node,
               guint       seg_index)
{
  int claim = px_comparison_get_claim_for_segment (report->comparison, col->doc, seg_index);

  if (claim >= 0 &&
      ((const PxClaim *)g_ptr_array_index (px_comparison_get_claims (report->comparison), claim))->n_sources > 1)
    add_claim_marker (report, seg_node, col->doc, claim);
}

static void
add_paragraph (Report            *report,
               Column            *col,
               xmlNodePtr         body,
               const PxParagraph *para)
{
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (guint));
  PxDocument *document = col->document;
  xmlNodePtr block;
  xmlNodePtr seg_node = NULL;
  guint seg_index = para->first_segment;
  guint seg_last = para->first_segment + para->n_segments;

  switch (para->kind)
    {
    case PX_PARAGRAPH_HEADING:
      block = add_element (body, "h3", NULL);
      break;
    case PX_PARAGRAPH_QUOTE:
      block = add_element (add_element (body, "blockquote", NULL), "p", NULL);
      break;
    case PX_PARAGRAPH_LIST_ITEM:
      block = add_element (body, "p", "li");
      break;
    case PX_PARAGRAPH_TEXT:
    default:
      block = add_element (body, "p", NULL);
      break;
    }

  g_array_append_val (bounds, para->start);
  g_array_append_val (bounds, para->end);
  for (guint s = para->first_segment; s < seg_last; s++)
    {
      const PxSegment *seg = px_document_get_segment (document, s);
      GArray *parts = px_comparison_get_claim_parts (report->comparison, col->doc, s);

      add_boundary (bounds, seg->start, para->start, para->end);
      add_boundary (bounds, seg->end, para->start, para->end);
      for (guint k = 0; parts != NULL && k < parts->len; k++)
        {
          add_boundary (bounds, g_array_index (parts, PxByteRange, k).start, para->start, para->end);
          add_boundary (bounds, g_array_index (parts, PxByteRange, k).end, para->start, para->end);
        }
    }
  for (guint i = first_fact_from (col->facts, para->start); col->facts != NULL && i < col->facts->len; i++)
    {
      const PxFact *fact = g_ptr_array_index (col->facts, i);

      if (fact->start >= para->end)
        break;
      add_boundary (bounds, fact->start, para->start, para->end);
      add_boundary (bounds, fact->end, para->start, para->end);
    }
  for (guint i = first_range_from (col->diffs, para->start); i < col->diffs->len; i++)
    {
      const Range *r = &g_array_index (col->diffs, Range, i);

      if (r->start >= para->end)
        break;
      add_boundary (bounds, r->start, para->start, para->end);
      add_boundary (bounds, r->end, para->start, para->end);
    }
  /* Note boundaries inside the paragraph: starts from the notes not opened
   * yet, ends from those whose badge is not out (both sorted). */
  for (guint i = col->next_note; i < col->end_note; i++)
    {
      const Note *note = &g_array_index (report->notes, Note, i);

      if (note->start >= para->end)
        break;
      add_boundary (bounds, note->start, para->start, para->end);
    }
  for (guint i = col->next_end; i < col->by_end->len; i++)
    {
      const Note *note = g_ptr_array_index (col->by_end, i);

      if (note->end >= para->end)
        break;
      add_boundary (bounds, note->end, para->start, para->end);
    }
  g_array_sort (bounds, compare_uint);

  for (guint i = 0; i + 1 < bounds->len; i++)
    {
      guint x = g_array_index (bounds, guint, i);
      guint y = g_array_index (bounds, guint, i + 1);
      const PxSegment *seg;

      if (x == y)
        continue;

      /* Close the segment that ended, open the one that starts here. */
      while (seg_index < seg_last && px_document_get_segment (document, seg_index)->end <= x)
        {
          if (seg_node != NULL)
            close_segment (report, col, seg_node, seg_index);
          seg_node = NULL;
          col->parts = NULL;
          seg_index++;
        }

      seg = seg_index < seg_last ? px_document_get_segment (document, seg_index) : NULL;
      if (seg != NULL && seg->start <= x && seg_node == NULL)
        {
          int claim = px_comparison_get_claim_for_segment (report->comparison, col->doc, seg_index);
          GString *klass = g_string_new ("seg");

          if (seg->kind == PX_SEGMENT_BOILERPLATE)
            g_string_append (klass, " boilerplate");
          else if (seg->kind == PX_SEGMENT_CAPTION)
            g_string_append (klass, " caption");
          if (claim >= 0 && seg->kind != PX_SEGMENT_BOILERPLATE && seg->kind != PX_SEGMENT_HEADING)
            {
              const PxClaim *c = g_ptr_array_index (px_comparison_get_claims (report->comparison), claim);

              col->parts = px_comparison_get_claim_parts (report->comparison, col->doc, seg_index);
              col->part_class = claim_status_class (c->status);
              if (col->parts == NULL)
                {
                  g_string_append_c (klass, ' ');
                  g_string_append (klass, col->part_class);
                }
            }
          seg_node = add_element (block, "span", klass->str);
          g_string_free (klass, TRUE);
          set_attr_printf (seg_node, "id", "d%u-s%u", col->doc + 1, seg_index + 1);
          if (claim >= 0 && report->claim_first[claim * report->n_docs + col->doc] == (int)seg_index)
            {
              /* The first segment of a claim in a column is the target of
               * the markers in the other columns. */
              xmlNodePtr anchor = add_element (seg_node, "span", NULL);

              set_attr_printf (anchor, "id", "d%u-c%d", col->doc + 1, claim + 1);
            }
        }

      add_piece (report, col, seg != NULL && seg->start <= x ? seg_node : block, x, y);
    }

  if (seg_node != NULL && seg_index < seg_last)
    close_segment (report, col, seg_node, seg_index);
}

static void
add_source_meta (xmlNodePtr  parent,
                 PxDocument *document)
{
  const char *parts[] = {
    px_document_get_site (document),
    px_document_get_byline (document),
    px_document_get_date (document),
  };
  xmlNodePtr meta = add_element (parent, "span", "src-meta");
  gboolean first = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL)
        continue;
      if (!first)
        add_text (meta, " · ");
      add_text (meta, parts[i]);
      first = FALSE;
    }
  if (first)
    add_text (meta, "no outlet or date given");
}

/* A <section id="@id"> labelled by its <h2>@heading</h2>. */
static xmlNodePtr
add_section (xmlNodePtr  main_node,
             const char *id,
             const char *heading)
{
  xmlNodePtr section = add_element (main_node, "section", NULL);
  g_autofree char *title_id = g_strconcat (id, "-title", NULL);

  set_attr (section, "id", id);
  set_attr (section, "aria-labelledby", title_id);
  set_attr (add_element_text (section, "h2", NULL, heading), "id", title_id);
  return section;
}

static void
add_columns (Report     *report,
             xmlNodePtr  main_node)
{
  xmlNodePtr section = add_section (main_node, "columns", "The sources side by side");
  xmlNodePtr columns;

  columns = add_element (section, "div", "columns");

  for (guint d = 0; d < report->n_docs; d++)
    {
      PxDocument *document = px_comparison_get_document (report->comparison, d);
      g_autoptr(GPtrArray) by_end = g_ptr_array_new ();
      Column col = { 0 };
      xmlNodePtr column = add_element (columns, "article", "column");
      xmlNodePtr head = add_element (column, "header", "col-head");
      xmlNodePtr body = add_element (column, "div", "col-body");
      g_autofree char *number = g_strdup_printf ("%u", d + 1);
      g_autofree char *name = document_name (document);

      set_attr_printf (column, "id", "d%u", d + 1);
      add_element_text (head, "span", "num", number);
      add_text (head, " ");
      add_element_text (head, "span", "src-title", name);
      add_source_meta (head, document);

      col.doc = d;
      col.document = document;
      col.facts = px_comparison_get_document_facts (report->comparison, d);
      col.diffs = report->diffs[d];
      g_queue_init (&col.open);
      col.by_end = by_end;
      /* The notes are sorted placed first, then by column and start. */
      while (col.next_note < report->notes->len &&
             g_array_index (report->notes, Note, col.next_note).placed &&
             g_array_index (report->notes, Note, col.next_note).doc < d)
        col.next_note++;
      col.end_note = col.next_note;
      while (col.end_note < report->notes->len &&
             g_array_index (report->notes, Note, col.end_note).placed &&
             g_array_index (report->notes, Note, col.end_note).doc == d)
        col.end_note++;
      for (guint i = col.next_note; i < col.end_note; i++)
        g_ptr_array_add (by_end, &g_array_index (report->notes, Note, i));
      g_ptr_array_sort (by_end, compare_note_ends);

      for (guint p = 0; p < px_document_get_n_paragraphs (document); p++)
        add_paragraph (report, &col, body, px_document_get_paragraph (document, p));
      g_queue_clear (&col.open);
    }
}

static void
add_sources (Report     *report,
             xmlNodePtr  main_node)
{
  xmlNodePtr section = add_section (main_node, "sources", "Sources");
  xmlNodePtr list = add_element (section, "ol", "sources");

  for (guint d = 0; d < report->n_docs; d++)
    {
      PxDocument *document = px_comparison_get_document (report->comparison, d);
      xmlNodePtr item = add_element (list, "li", NULL);
      xmlNodePtr line;
      g_autofree char *number = g_strdup_printf ("%u", d + 1);
      g_autofree char *facts = NULL;
      g_autofree char *name = NULL;
      const char *url = px_document_get_url (document);

      line = add_element (item, "div", NULL);
      add_element_text (line, "span", "num", number);
      add_text (line, " ");
      name = document_name (document);
      add_element_text (line, "span", "src-title", name);
      line = add_element (item, "div", NULL);
      add_source_meta (line, document);

      if (url != NULL)
        {
          line = add_element (item, "div", "src-meta");
          if (is_web_url (url))
            {
              xmlNodePtr link = add_element_text (line, "a", NULL, url);

              set_attr (link, "href", url);
              set_attr (link, "rel", "noopener noreferrer nofollow");
            }
          else
            add_text (line, url);
        }
      if (px_document_get_origin (document) != NULL && px_document_get_origin (document) != url)
        {
          g_autofree char *base = g_path_get_basename (px_document_get_origin (document));

          line = add_element (item, "div", "src-meta");
          add_text (line, "File: ");
          add_text (line, base);
        }
      facts = g_strdup_printf ("%u words · %s%s%s", px_document_get_n_words (document),
                               px_document_get_format (document) != NULL ? px_document_get_format (document) : "text",
                               px_document_get_encoding (document) != NULL ? ", " : "",
                               px_document_get_encoding (document) != NULL ? px_document_get_encoding (document) : "");
      add_element_text (item, "div", "src-meta", facts);
    }
}

static void
add_legend_item (xmlNodePtr  list,
                 const char *tag,
                 const char *klass,
                 const char *sample,
                 const char *meaning)
{
  xmlNodePtr item = add_element (list, "li", NULL);

  add_element_text (item, tag, klass, sample);
  add_text (item, " ");
  add_text (item, meaning);
}

static void
add_legend (Report     *report,
            xmlNodePtr  main_node)
{
  xmlNodePtr section = add_section (main_node, "legend", "How to read this report");
  xmlNodePtr list = add_element (section, "ul", "legend");
  add_legend_item (list, "span", "mk mk-shared", "12", "claim 12, stated by every source (same number in each column)");
  add_legend_item (list, "span", "mk mk-partial", "12", "claim stated by some of the sources");
  add_legend_item (list, "span", "mk mk-differs", "12\u2260", "claim stated with a differing detail");
  add_legend_item (list, "span", "st-shared", "green", "sentence, or part of a long one, whose claim every source states");
  add_legend_item (list, "span", "st-partial", "blue", "(part of a) sentence whose claim several sources state");
  add_legend_item (list, "span", "st-differs", "yellow", "(part of a) sentence whose claim differs between sources");
  add_legend_item (list, "span", "st-unique", "no tint, no number", "what only this source says");
  add_legend_item (list, "span", "diff", "81.2%", "the detail that differs between sources (a number, a date, a place)");
  add_legend_item (list, "span", "fact f-agree", "68.5%", "fact that agrees across sources (solid underline)");
  add_legend_item (list, "span", "fact f-differs", "68.5%", "fact that differs between sources (wavy underline)");
  add_legend_item (list, "span", "boilerplate", "Share this", "web-page clutter, dimmed");

  if (report->notes->len > 0)
    {
      xmlNodePtr item = add_element (list, "li", NULL);

      for (guint i = 0; i < report->label_styles->len; i++)
        {
          const LabelStyle *style = g_ptr_array_index (report->label_styles, i);
          g_autofree char *mark_class = g_strdup_printf ("ann lbl-%u %s", i, border_class (style->label));

          add_element_text (item, "mark", mark_class, px_label_get_display_name (style->label));
          add_text (item, " ");
        }
      add_text (item, "the reader's annotations; their numbered badges lead to the notes, listed after the columns");
    }
}

static void
add_fact_row (Report            *report,
              xmlNodePtr         tbody,
              const PxFactGroup *group)
{
  xmlNodePtr row = add_element (tbody, "tr", NULL);
  xmlNodePtr cell;
  const char *status;
  const char *status_class;

  switch (group->status)
    {
    case PX_FACT_GROUP_DIFFERS:
      status = "\u2260 differs";
      status_class = "status status-differs";
      break;
    case PX_FACT_GROUP_AGREE:
      status = "\u2713 agree";
      status_class = "status status-agree";
      break;
    case PX_FACT_GROUP_SINGLE:
    default:
      status = "\u2022 one source";
      status_class = "status";
      break;
    }
  add_element_text (row, "td", status_class, status);
  cell = add_element (row, "td", NULL);
  add_text (cell, px_fact_kind_to_string (group->kind));
  if (group->label != NULL)
    {
      add_element (cell, "br", NULL);
      add_element_text (cell, "b", NULL, group->label);
    }

  for (guint d = 0; d < report->n_docs; d++)
    {
      gboolean any = FALSE;

      cell = add_element (row, "td", NULL);
      for (guint k = 0; k < group->facts->len; k++)
        {
          guint f = g_array_index (group->facts, guint, k);
          const PxFact *fact;
          g_autofree char *value = NULL;
          guint repeats = 0;
          gboolean shown = FALSE;

          if (f >= report->facts->len)
            continue;
          fact = g_ptr_array_index (report->facts, f);
          if (fact->doc != d)
            continue;
          /* one wording once per cell, with how often the source gives it
           * ("Kazakhstan ×10"), not ten times */
          for (guint j = 0; j < group->facts->len && !shown; j++)
            {
              guint o = g_array_index (group->facts, guint, j);
              const PxFact *other = o < report->facts->len ? g_ptr_array_index (report->facts, o) : NULL;

              if (other == NULL || other->doc != d || g_strcmp0 (other->text, fact->text) != 0)
                continue;
              if (j < k)
                shown = TRUE;
              else
                repeats++;
            }
          if (shown)
            continue;
          if (any)
            add_element (cell, "br", NULL);
          add_element_text (cell, "span", "fact-text", fact->text);
          if (repeats > 1)
            {
              g_autofree char *times = g_strdup_printf (" \u00d7%u", repeats);

              add_element_text (cell, "span", "value", times);
            }
          value = px_fact_format_value (fact);
          if (fact->kind == PX_FACT_QUOTE && fact->speaker != NULL)
            {
              g_autofree char *speaker = g_strdup_printf ("— %s", fact->speaker);

              add_text (cell, " ");
              add_element_text (cell, "span", "value", speaker);
            }
          else if (value != NULL && g_strcmp0 (value, fact->text) != 0 && fact->kind != PX_FACT_QUOTE)
            {
              add_text (cell, " ");
              add_element_text (cell, "span", "value", value);
            }
          any = TRUE;
        }
      if (!any)
        add_text (cell, "—");
    }
}

static xmlNodePtr
add_fact_table (Report     *report,
                xmlNodePtr  parent,
                const char *caption,
                gboolean    singles)
{
  GPtrArray *groups = px_comparison_get_fact_groups (report->comparison);
  xmlNodePtr table = add_element (parent, "table", NULL);
  xmlNodePtr head, tbody, th;
  guint n_rows = 0;

  /* the caption is the table's first child */
  add_element_text (table, "caption", NULL, caption);
  head = add_element (add_element (table, "thead", NULL), "tr", NULL);
  tbody = add_element (table, "tbody", NULL);
  th = add_element_text (head, "th", NULL, "Status");
  set_attr (th, "scope", "col");
  th = add_element_text (head, "th", NULL, "What");
  set_attr (th, "scope", "col");
  for (guint d = 0; d < report->n_docs; d++)
    {
      g_autofree char *name = document_name (px_comparison_get_document (report->comparison, d));
      g_autofree char *label = g_strdup_printf ("%u %s", d + 1, name);

      th = add_element_text (head, "th", NULL, label);
      set_attr (th, "scope", "col");
    }

  for (int pass = 0; pass < 2; pass++)
    for (guint g = 0; g < groups->len; g++)
      {
        const PxFactGroup *group = g_ptr_array_index (groups, g);
        gboolean single = group->status == PX_FACT_GROUP_SINGLE;

        if (single != singles)
          continue;
        /* Differences first, then agreements. */
        if (!singles && (pass == 0) != (group->status == PX_FACT_GROUP_DIFFERS))
          continue;
        if (singles && pass == 1)
          continue;
        add_fact_row (report, tbody, group);
        n_rows++;
      }

  if (n_rows == 0)
    {
      xmlUnlinkNode (table);
      xmlFreeNode (table);
      return NULL;
    }
  return table;
}

static void
add_facts (Report     *report,
           xmlNodePtr  main_node)
{
  GPtrArray *groups = px_comparison_get_fact_groups (report->comparison);
  xmlNodePtr section = add_section (main_node, "facts", "Facts across sources");
  guint n_single = 0;

  for (guint g = 0; g < groups->len; g++)
    if (((const PxFactGroup *)g_ptr_array_index (groups, g))->status == PX_FACT_GROUP_SINGLE)
      n_single++;

  if (add_fact_table (report, section, "Facts stated by more than one source: differences first", FALSE) == NULL)
    add_element_text (section, "p", NULL, "No fact is stated by more than one source.");

  if (n_single > 0)
    {
      xmlNodePtr details = add_element (section, "details", NULL);
      g_autofree char *summary = g_strdup_printf ("Facts only one source states (%u)", n_single);

      add_element_text (details, "summary", NULL, summary);
      add_fact_table (report, details, "Facts only one source states", TRUE);
    }
}

static void
add_note_item (Report     *report,
               xmlNodePtr  list,
               const Note *note)
{
  PxDocument *document = px_comparison_get_document (report->comparison, note->doc);
  xmlNodePtr item = add_element (list, "li", NULL);
  xmlNodePtr line;
  g_autofree char *klass = g_strdup_printf ("lbl-%u%s", note->style, note->placed ? "" : " orphaned");
  g_autofree char *where = NULL;
  g_autofree char *name = NULL;
  g_autofree char *created = format_time (px_annotation_get_created (note->annotation));
  g_autofree char *modified = format_time (px_annotation_get_modified (note->annotation));
  g_autofree char *meta = NULL;
  xmlNodePtr badge;
  g_autofree char *badge_class = g_strdup_printf ("badge lbl-%u", note->style);
  g_autofree char *badge_text = g_strdup_printf ("%u %s", note->number, px_label_get_display_name (note->label));

  set_attr (item, "class", klass);
  set_attr_printf (item, "id", "note-%u", note->number);

  line = add_element (item, "div", NULL);
  if (note->placed)
    {
      badge = add_element_text (line, "a", badge_class, badge_text);
      set_attr_printf (badge, "href", "#ann-%u", note->number);
    }
  else
    add_element_text (line, "span", badge_class, badge_text);
  name = document_name (document);
  where = g_strdup_printf (" column %u, %s", note->doc + 1, name);
  add_text (line, where);

  add_element_text (item, "blockquote", NULL, note->exact);
  if (note->note != NULL)
    add_element_text (item, "p", "note-text", note->note);
  if (!note->placed)
    add_element_text (item, "p", "note-meta",
                      "This passage is no longer in the source as it was imported again; the quote is the one annotated.");
  meta = g_strcmp0 (created, modified) == 0 ? g_strdup_printf ("Added %s", created)
                                             : g_strdup_printf ("Added %s, edited %s", created, modified);
  add_element_text (item, "p", "note-meta", meta);
}

static void
add_notes (Report     *report,
           xmlNodePtr  main_node)
{
  xmlNodePtr section;
  xmlNodePtr list;
  guint n_orphaned = 0;

  if (report->notes->len == 0)
    return;

  section = add_section (main_node, "notes", "Annotations");
  list = add_element (section, "ol", "notes");
  for (guint i = 0; i < report->notes->len; i++)
    {
      const Note *note = &g_array_index (report->notes, Note, i);

      if (note->placed)
        add_note_item (report, list, note);
      else
        n_orphaned++;
    }
  if (list->children == NULL)
    {
      xmlUnlinkNode (list);
      xmlFreeNode (list);
    }

  if (n_orphaned > 0)
    {
      add_element_text (section, "h3", NULL, "Annotations that could not be placed");
      list = add_element (section, "ol", "notes");
      for (guint i = 0; i < report->notes->len; i++)
        {
          const Note *note = &g_array_index (report->notes, Note, i);

          if (!note->placed)
            add_note_item (report, list, note);
        }
    }
}

static void
add_summary (Report     *report,
             xmlNodePtr  header)
{
  GPtrArray *claims = px_comparison_get_claims (report->comparison);
  GPtrArray *groups = px_comparison_get_fact_groups (report->comparison);
  guint counts[4] = { 0 };
  guint fact_counts[3] = { 0 };
  xmlNodePtr p = add_element (header, "p", "summary");
  g_autofree char *line = NULL;

  for (guint i = 0; i < claims->len; i++)
    {
      const PxClaim *claim = g_ptr_array_index (claims, i);

      if ((guint)claim->status < G_N_ELEMENTS (counts))
        counts[claim->status]++;
    }
  for (guint i = 0; i < groups->len; i++)
    {
      const PxFactGroup *group = g_ptr_array_index (groups, i);

      if ((guint)group->status < G_N_ELEMENTS (fact_counts))
        fact_counts[group->status]++;
    }

  line = g_strdup_printf ("Claims: %u stated by every source, %u by several, %u with a differing detail, "
                          "%u by one source only. Facts: %u agree, %u differ. Annotations: %u.",
                          counts[PX_CLAIM_SHARED], counts[PX_CLAIM_PARTIAL], counts[PX_CLAIM_DIFFERS],
                          counts[PX_CLAIM_UNIQUE], fact_counts[PX_FACT_GROUP_AGREE],
                          fact_counts[PX_FACT_GROUP_DIFFERS], report->notes->len);
  add_text (p, line);
}

static htmlDocPtr
build_document (PxComparison *comparison,
                GPtrArray    *annotations)
{
  Report report;
  htmlDocPtr doc;
  xmlNodePtr html, head, body, header, main_node, footer, node;
  g_autofree char *title = NULL;
  g_autofree char *style = NULL;
  g_autofree char *labels = NULL;

  report_init (&report, comparison, annotations);

  doc = htmlNewDocNoDtD (NULL, NULL);
  xmlCreateIntSubset (doc, X ("html"), NULL, NULL);
  html = xmlNewDocNode (doc, NULL, X ("html"), NULL);
  xmlDocSetRootElement (doc, html);
  set_attr (html, "lang", "en");

  head = add_element (html, "head", NULL);
  node = add_element (head, "meta", NULL);
  set_attr (node, "charset", "utf-8");
  node = add_element (head, "meta", NULL);
  set_attr (node, "http-equiv", "Content-Security-Policy");
  set_attr (node, "content", CSP);
  node = add_element (head, "meta", NULL);
  set_attr (node, "name", "referrer");
  set_attr (node, "content", "no-referrer");
  node = add_element (head, "meta", NULL);
  set_attr (node, "name", "viewport");
  set_attr (node, "content", "width=device-width, initial-scale=1");
  node = add_element (head, "meta", NULL);
  set_attr (node, "name", "color-scheme");
  set_attr (node, "content", "light dark");
  node = add_element (head, "meta", NULL);
  set_attr (node, "name", "generator");
  set_attr (node, "content", "Parallax " PACKAGE_VERSION);

  if (report.n_docs > 0)
    {
      g_autofree char *name = document_name (px_comparison_get_document (comparison, 0));

      g_autofree char *full = g_strdup_printf ("Parallax report: %s", name);

      /* Tab titles and bookmarks show about 70 characters. */
      if (g_utf8_strlen (full, -1) > 70)
        {
          g_autofree char *cut = g_utf8_substring (full, 0, 69);

          title = g_strconcat (g_strchomp (cut), "…", NULL);
        }
      else
        title = g_steal_pointer (&full);
    }
  else
    title = g_strdup ("Parallax report");
  add_element_text (head, "title", NULL, title);

  labels = label_css (&report);
  style = g_strconcat (css, labels, NULL);
  node = add_element (head, "style", NULL);
  /* Constant CSS and colours checked to be #rrggbb: nothing can close the
   * element early. */
  g_assert (strstr (style, "<") == NULL);
  xmlAddChild (node, xmlNewText (X (style)));

  body = add_element (html, "body", NULL);
  header = add_element (body, "header", NULL);
  {
    g_autofree char *h1 = g_strdup_printf ("Comparison of %u source%s", report.n_docs, report.n_docs == 1 ? "" : "s");

    add_element_text (header, "h1", NULL, h1);
  }
  add_summary (&report, header);

  main_node = add_element (body, "main", NULL);
  add_sources (&report, main_node);
  add_legend (&report, main_node);
  add_columns (&report, main_node);
  add_notes (&report, main_node);
  add_facts (&report, main_node);

  footer = add_element (body, "footer", NULL);
  add_text (footer, "Made with Parallax " PACKAGE_VERSION ". Claims, links and facts are computed by the program "
                    "and can be wrong; annotations are the reader's. This file loads nothing from the network and "
                    "runs no script.");

  report_clear (&report);
  return doc;
}

/**
 * px_export_html_string:
 * @length: (out) (optional): the length in bytes
 *
 * Returns: (transfer full): the report, UTF-8 HTML5.
 */
char *
px_export_html_string (PxComparison *comparison,
                       GPtrArray    *annotations,
                       gsize        *length)
{
  htmlDocPtr doc;
  xmlOutputBufferPtr out;
  GString *result;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);

  doc = build_document (comparison, annotations);

  out = xmlAllocOutputBuffer (NULL);
  htmlDocContentDumpFormatOutput (out, doc, NULL, 1);
  xmlOutputBufferFlush (out);
  result = g_string_new_len ((const char *)xmlOutputBufferGetContent (out), xmlOutputBufferGetSize (out));
  xmlOutputBufferClose (out);
  xmlFreeDoc (doc);

  if (length != NULL)
    *length = result->len;
  return g_string_free (result, FALSE);
}

gboolean
px_export_html_file (PxComparison  *comparison,
                     GPtrArray     *annotations,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *data = NULL;
  const char *path;
  gsize length;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = px_export_html_string (comparison, annotations, &length);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_peek_path (file);
  if (path != NULL)
    return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
  return g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}

typedef struct
{
  PxComparison *comparison;
  GPtrArray    *annotations;
  GFile        *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->comparison);
  g_clear_pointer (&data->annotations, g_ptr_array_unref);
  g_clear_object (&data->file);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (px_export_html_file (data->comparison, data->annotations, data->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
px_export_html_file_async (PxComparison        *comparison,
                           GPtrArray           *annotations,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (PX_IS_COMPARISON (comparison));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportData, 1);
  data->comparison = g_object_ref (comparison);
  /* A copy of the list: the caller may add or remove annotations meanwhile
   * (the annotations themselves are safe to read from the worker). */
  data->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    g_ptr_array_add (data->annotations, g_object_ref (g_ptr_array_index (annotations, i)));
  data->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, px_export_html_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify)export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
px_export_html_file_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
