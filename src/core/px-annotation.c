/* px-annotation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-annotation"
#define _GNU_SOURCE  /* memmem */

#include "config.h"

#include <string.h>

#include "px-annotation.h"

/* Fuzzy matching compares code points: the quote is cut to this many, and
 * the search covers this many bytes on each side of the old offset (a
 * quote both moved further and edited is orphaned). */
#define FUZZY_MAX_PATTERN 256
#define FUZZY_PIECE       96
#define FUZZY_WINDOW      (8 * 1024)
#define MAX_OCCURRENCES   100000

/* Work, in bytes scanned or compared and cells of the edit-distance table,
 * is charged against a budget: re-attaching stays linear in the number of
 * annotations, whatever their quotes and the text (see
 * px_annotation_reattach_within). */
static inline gboolean
charge (guint64 *work,
        guint64  amount)
{
  if (*work < amount)
    {
      *work = 0;
      return FALSE;
    }
  *work -= amount;
  return TRUE;
}

struct _PxAnnotation
{
  GObject         parent_instance;

  /* owned, immutable */
  char           *id;

  /* owned, guarded by lock */
  GMutex          lock;
  char           *document_id;
  guint           start;
  guint           end;
  char           *exact;
  char           *prefix;
  char           *suffix;
  char           *label;
  char           *color;
  char           *note;
  gint64          created;
  gint64          modified;
  PxAnchorStatus  status;
};

G_DEFINE_FINAL_TYPE (PxAnnotation, px_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_COLOR,
  PROP_NOTE,
  PROP_START,
  PROP_END,
  PROP_ANCHOR_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *status_names[] = { "exact", "moved", "fuzzy", "orphaned" };

static const struct {
  const char *label;
  const char *name;
  const char *color;
} builtin_labels[] = {
  { PX_LABEL_KEY_CLAIM, "Key claim", "#3d7fd6" },
  { PX_LABEL_CONTRADICTION, "Contradiction", "#d9480f" },
  { PX_LABEL_CHECK, "Check", "#9c6ade" },
};

static char *
locked_dup (PxAnnotation *self,
            char        **field)
{
  char *copy;

  g_mutex_lock (&self->lock);
  copy = g_strdup (*field);
  g_mutex_unlock (&self->lock);
  return copy;
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The up to PX_ANNOTATION_CONTEXT_CHARS characters before and after the
 * range, as new strings. */
static void
context_around (const char  *text,
                gsize        length,
                guint        start,
                guint        end,
                char       **prefix,
                char       **suffix)
{
  const char *p = text + start;
  const char *q = text + end;

  for (guint i = 0; i < PX_ANNOTATION_CONTEXT_CHARS && p > text; i++)
    p = g_utf8_prev_char (p);
  for (guint i = 0; i < PX_ANNOTATION_CONTEXT_CHARS && q < text + length; i++)
    q = g_utf8_next_char (q);

  *prefix = g_strndup (p, text + start - p);
  *suffix = g_strndup (text + end, q - (text + end));
}

static gboolean
range_holds (const char *text,
             gsize       length,
             guint       start,
             guint       end,
             const char *exact)
{
  gsize n = strlen (exact);

  return start <= end && end <= length && end - start == n && memcmp (text + start, exact, n) == 0;
}

/* Matching bytes at the end of @a (length la) and of @b. */
static gsize
common_tail (const char *a,
             gsize       la,
             const char *b)
{
  gsize lb = strlen (b);
  gsize n = 0;

  while (n < la && n < lb && a[la - 1 - n] == b[lb - 1 - n])
    n++;
  return n;
}

static gsize
common_head (const char *a,
             gsize       la,
             const char *b)
{
  gsize n = 0;

  while (n < la && b[n] != '\0' && a[n] == b[n])
    n++;
  return n;
}

static gsize
distance (gsize a,
          gsize b)
{
  return a > b ? a - b : b - a;
}

/* The copy of @exact whose context agrees best with prefix and suffix;
 * between equally good copies, the nearest to @old_start. When @work runs
 * out, the best of the copies seen so far. */
static gboolean
find_quote (const char *text,
            gsize       length,
            const char *exact,
            const char *prefix,
            const char *suffix,
            guint       old_start,
            guint      *found,
            guint64    *work)
{
  gsize n = strlen (exact);
  gsize context = strlen (prefix) + strlen (suffix);
  gsize best_score = 0;
  gsize best_distance = G_MAXSIZE;
  gboolean any = FALSE;
  guint count = 0;

  if (n == 0 || n > length)
    return FALSE;

  for (const char *p = text, *from = text; p + n <= text + length && count < MAX_OCCURRENCES; p++, from = p)
    {
      gsize score;
      gsize offset;

      p = memmem (p, text + length - p, exact, n);
      /* memmem skips text fast (an eighth of a unit a byte) and reads the
       * quote and its context once per copy */
      if (!charge (work, (p != NULL ? (gsize)(p - from) : (gsize)(text + length - from)) / 8 + n + context))
        break;
      if (p == NULL)
        break;
      offset = p - text;
      count++;
      score = common_tail (text, offset, prefix) +
              common_head (p + n, text + length - (p + n), suffix);
      if (!any || score > best_score ||
          (score == best_score && distance (offset, old_start) < best_distance))
        {
          any = TRUE;
          best_score = score;
          best_distance = distance (offset, old_start);
          *found = offset;
        }
    }
  return any;
}

typedef struct
{
  gunichar *chars;
  guint    *offsets;  /* byte offset of each char, plus one past the end */
  guint     n;
} CharRun;

static void
char_run_init (CharRun    *run,
               const char *text,
               gsize       from,
               gsize       to)
{
  const char *p = text + from;
  guint i = 0;

  run->chars = g_new (gunichar, to - from + 1);
  run->offsets = g_new (guint, to - from + 2);
  while (p < text + to)
    {
      run->chars[i] = g_utf8_get_char (p);
      run->offsets[i] = p - text;
      p = g_utf8_next_char (p);
      i++;
    }
  run->offsets[i] = p - text;
  run->n = i;
}

static void
char_run_clear (CharRun *run)
{
  g_free (run->chars);
  g_free (run->offsets);
}

/* Sellers' approximate substring search: the substring of @run with the
 * smallest edit distance to @pattern (nearest @near on ties). Returns the
 * distance, and the match as character indices [*from, *to). */
static guint
approximate_match (const CharRun  *run,
                   const gunichar *pattern,
                   guint           m,
                   guint           near,
                   guint          *from,
                   guint          *to)
{
  g_autofree guint *cost = g_new (guint, m + 1);
  g_autofree guint *origin = g_new (guint, m + 1);
  guint best = G_MAXUINT;
  gsize best_distance = G_MAXSIZE;

  for (guint i = 0; i <= m; i++)
    {
      cost[i] = i;
      origin[i] = 0;
    }

  for (guint j = 1; j <= run->n; j++)
    {
      guint diag_cost = cost[0];
      guint diag_origin = origin[0];

      cost[0] = 0;
      origin[0] = j;
      for (guint i = 1; i <= m; i++)
        {
          guint up_cost = cost[i];
          guint up_origin = origin[i];
          guint c = diag_cost + (pattern[i - 1] != run->chars[j - 1]);
          guint o = diag_origin;

          if (cost[i - 1] + 1 < c)
            {
              c = cost[i - 1] + 1;
              o = origin[i - 1];
            }
          if (up_cost + 1 < c)
            {
              c = up_cost + 1;
              o = up_origin;
            }
          cost[i] = c;
          origin[i] = o;
          diag_cost = up_cost;
          diag_origin = up_origin;
        }

      if (cost[m] < best ||
          (cost[m] == best && distance (run->offsets[origin[m]], near) < best_distance))
        {
          best = cost[m];
          best_distance = distance (run->offsets[origin[m]], near);
          *from = origin[m];
          *to = j;
        }
    }
  return best;
}

static gunichar *
to_chars (const char *str,
          gssize      length,
          guint       max,
          gboolean    from_end,
          guint      *n)
{
  glong total = 0;
  gunichar *all = g_utf8_to_ucs4_fast (str, length, &total);
  guint keep = MIN ((guint)total, max);

  if (from_end && keep < (guint)total)
    memmove (all, all + (total - keep), keep * sizeof (gunichar));
  *n = keep;
  return all;
}

/* An edited copy of @exact: a close match of the whole quote, or of its head
 * and its tail when it is long. */
static gboolean
find_fuzzy (const char *text,
            gsize       length,
            const char *exact,
            guint       old_start,
            guint      *found_start,
            guint      *found_end,
            guint64    *work)
{
  gsize exact_length = strlen (exact);
  gsize window_from = old_start > FUZZY_WINDOW ? old_start - FUZZY_WINDOW : 0;
  gsize window_to;
  glong exact_chars;
  CharRun run;
  guint from = 0, to = 0;
  gboolean ok = FALSE;

  if (old_start > length || !charge (work, exact_length))
    return FALSE;
  exact_chars = g_utf8_strlen (exact, -1);
  if (exact_chars < 8)
    return FALSE;
  window_to = MIN (length, (gsize)old_start + exact_length + FUZZY_WINDOW);

  /* Window ends on character boundaries. */
  while (window_from > 0 && (text[window_from] & 0xC0) == 0x80)
    window_from--;
  while (window_to < length && (text[window_to] & 0xC0) == 0x80)
    window_to++;

  /* One cell per character of the window and of the pattern (or of the
   * head and the tail of a long quote). */
  if (!charge (work, (window_to - window_from) *
                     (exact_chars <= FUZZY_MAX_PATTERN ? (guint64)exact_chars + 1 : 2 * (FUZZY_PIECE + 1))))
    return FALSE;

  char_run_init (&run, text, window_from, window_to);

  if (exact_chars <= FUZZY_MAX_PATTERN)
    {
      guint m;
      g_autofree gunichar *pattern = to_chars (exact, -1, FUZZY_MAX_PATTERN, FALSE, &m);
      guint cost = approximate_match (&run, pattern, m, old_start, &from, &to);

      ok = cost <= m / 4 && to > from;
    }
  else
    {
      guint m_head, m_tail;
      g_autofree gunichar *head = to_chars (exact, -1, FUZZY_PIECE, FALSE, &m_head);
      g_autofree gunichar *tail = to_chars (exact, -1, FUZZY_PIECE, TRUE, &m_tail);
      guint head_from = 0, head_to = 0, tail_from = 0, tail_to = 0;
      guint head_cost = approximate_match (&run, head, m_head, old_start, &head_from, &head_to);
      guint tail_cost = approximate_match (&run, tail, m_tail,
                                           old_start + strlen (exact), &tail_from, &tail_to);

      from = head_from;
      to = tail_to;
      ok = head_cost <= m_head / 4 && tail_cost <= m_tail / 4 && to > from &&
           (to - from) * 2 >= (guint)exact_chars && (to - from) <= (guint)exact_chars * 2;
    }

  if (ok)
    {
      *found_start = run.offsets[from];
      *found_end = run.offsets[to];
    }
  char_run_clear (&run);
  return ok;
}

static void
px_annotation_finalize (GObject *object)
{
  PxAnnotation *self = (PxAnnotation *)object;

  g_free (self->id);
  g_free (self->document_id);
  g_free (self->exact);
  g_free (self->prefix);
  g_free (self->suffix);
  g_free (self->label);
  g_free (self->color);
  g_free (self->note);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (px_annotation_parent_class)->finalize (object);
}

static void
px_annotation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PxAnnotation *self = PX_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_take_string (value, px_annotation_dup_label (self));
      break;
    case PROP_COLOR:
      g_value_take_string (value, px_annotation_dup_color (self));
      break;
    case PROP_NOTE:
      g_value_take_string (value, px_annotation_dup_note (self));
      break;
    case PROP_START:
      g_value_set_uint (value, px_annotation_get_start (self));
      break;
    case PROP_END:
      g_value_set_uint (value, px_annotation_get_end (self));
      break;
    case PROP_ANCHOR_STATUS:
      g_value_set_int (value, px_annotation_get_anchor_status (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_annotation_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PxAnnotation *self = PX_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      px_annotation_set_label (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      px_annotation_set_color (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      px_annotation_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_annotation_class_init (PxAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_annotation_finalize;
  object_class->get_property = px_annotation_get_property;
  object_class->set_property = px_annotation_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, PX_LABEL_KEY_CLAIM,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANCHOR_STATUS] =
    g_param_spec_int ("anchor-status", NULL, NULL, PX_ANCHOR_EXACT, PX_ANCHOR_ORPHANED, PX_ANCHOR_EXACT,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_annotation_init (PxAnnotation *self)
{
  g_mutex_init (&self->lock);
  self->label = g_strdup (PX_LABEL_KEY_CLAIM);
  self->created = self->modified = now_seconds ();
  self->status = PX_ANCHOR_EXACT;
}

/**
 * px_annotation_new:
 *
 * Returns: (transfer full): an annotation of bytes [@start, @end) of @document.
 */
PxAnnotation *
px_annotation_new (PxDocument *document,
                   guint       start,
                   guint       end,
                   const char *label)
{
  PxAnnotation *self;
  const char *text;
  gsize length;

  g_return_val_if_fail (PX_IS_DOCUMENT (document), NULL);
  text = px_document_get_text (document, &length);
  g_return_val_if_fail (start < end && end <= length, NULL);
  g_return_val_if_fail (g_utf8_validate (text + start, end - start, NULL), NULL);
  g_return_val_if_fail ((text[start] & 0xC0) != 0x80 && (end == length || (text[end] & 0xC0) != 0x80), NULL);

  self = g_object_new (PX_TYPE_ANNOTATION, NULL);
  self->id = g_uuid_string_random ();
  self->document_id = g_strdup (px_document_get_id (document));
  self->start = start;
  self->end = end;
  self->exact = g_strndup (text + start, end - start);
  context_around (text, length, start, end, &self->prefix, &self->suffix);
  if (label != NULL && label[0] != '\0')
    {
      g_free (self->label);
      self->label = g_strdup (label);
    }
  return self;
}

/**
 * px_annotation_new_from_selectors:
 * @id: (nullable): a stored id, or NULL for a new one
 *
 * Returns: (transfer full): an annotation from stored selectors; its anchor
 *   status is exact until px_annotation_reattach() says otherwise.
 */
PxAnnotation *
px_annotation_new_from_selectors (const char *id,
                                  const char *document_id,
                                  guint       start,
                                  guint       end,
                                  const char *exact,
                                  const char *prefix,
                                  const char *suffix,
                                  const char *label)
{
  PxAnnotation *self;

  g_return_val_if_fail (exact != NULL && g_utf8_validate (exact, -1, NULL), NULL);
  g_return_val_if_fail (prefix == NULL || g_utf8_validate (prefix, -1, NULL), NULL);
  g_return_val_if_fail (suffix == NULL || g_utf8_validate (suffix, -1, NULL), NULL);

  self = g_object_new (PX_TYPE_ANNOTATION, NULL);
  self->id = (id != NULL && id[0] != '\0') ? g_strdup (id) : g_uuid_string_random ();
  self->document_id = g_strdup (document_id);
  self->start = start;
  self->end = end;
  self->exact = g_strdup (exact);
  self->prefix = g_strdup (prefix != NULL ? prefix : "");
  self->suffix = g_strdup (suffix != NULL ? suffix : "");
  if (label != NULL && label[0] != '\0')
    {
      g_free (self->label);
      self->label = g_strdup (label);
    }
  return self;
}

const char *
px_annotation_get_id (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return self->id;
}

char *
px_annotation_dup_document_id (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return locked_dup (self, &self->document_id);
}

void
px_annotation_get_range (PxAnnotation *self,
                         guint        *start,
                         guint        *end)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));

  g_mutex_lock (&self->lock);
  if (start != NULL)
    *start = self->start;
  if (end != NULL)
    *end = self->end;
  g_mutex_unlock (&self->lock);
}

guint
px_annotation_get_start (PxAnnotation *self)
{
  guint start = 0;

  px_annotation_get_range (self, &start, NULL);
  return start;
}

guint
px_annotation_get_end (PxAnnotation *self)
{
  guint end = 0;

  px_annotation_get_range (self, NULL, &end);
  return end;
}

char *
px_annotation_dup_exact (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return locked_dup (self, &self->exact);
}

char *
px_annotation_dup_prefix (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return locked_dup (self, &self->prefix);
}

char *
px_annotation_dup_suffix (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return locked_dup (self, &self->suffix);
}

PxAnchorStatus
px_annotation_get_anchor_status (PxAnnotation *self)
{
  PxAnchorStatus status;

  g_return_val_if_fail (PX_IS_ANNOTATION (self), PX_ANCHOR_ORPHANED);

  g_mutex_lock (&self->lock);
  status = self->status;
  g_mutex_unlock (&self->lock);
  return status;
}

void
px_annotation_set_anchor_status (PxAnnotation   *self,
                                 PxAnchorStatus  status)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  g_return_if_fail ((guint)status < G_N_ELEMENTS (status_names));

  g_mutex_lock (&self->lock);
  self->status = status;
  g_mutex_unlock (&self->lock);
}

gboolean
px_annotation_is_attached_to (PxAnnotation *self,
                              PxDocument   *document)
{
  const char *text;
  gsize length;
  gboolean holds;

  g_return_val_if_fail (PX_IS_ANNOTATION (self), FALSE);
  g_return_val_if_fail (PX_IS_DOCUMENT (document), FALSE);

  text = px_document_get_text (document, &length);
  g_mutex_lock (&self->lock);
  holds = self->status != PX_ANCHOR_ORPHANED &&
          range_holds (text, length, self->start, self->end, self->exact);
  g_mutex_unlock (&self->lock);
  return holds;
}

static void
set_string (PxAnnotation *self,
            char        **field,
            const char   *value,
            guint         prop)
{
  gboolean changed;

  g_mutex_lock (&self->lock);
  changed = g_strcmp0 (*field, value) != 0;
  if (changed)
    {
      g_free (*field);
      *field = g_strdup (value);
      self->modified = MAX (now_seconds (), self->created);
    }
  g_mutex_unlock (&self->lock);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

char *
px_annotation_dup_label (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return locked_dup (self, &self->label);
}

void
px_annotation_set_label (PxAnnotation *self,
                         const char   *label)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  g_return_if_fail (label != NULL && label[0] != '\0');
  g_return_if_fail (g_utf8_validate (label, -1, NULL));

  set_string (self, &self->label, label, PROP_LABEL);
}

char *
px_annotation_dup_color (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return locked_dup (self, &self->color);
}

/**
 * px_annotation_set_color:
 * @color: (nullable): "#rrggbb", or NULL for the label's own colour
 */
void
px_annotation_set_color (PxAnnotation *self,
                         const char   *color)
{
  g_autofree char *lower = NULL;

  g_return_if_fail (PX_IS_ANNOTATION (self));
  g_return_if_fail (color == NULL || px_color_is_valid (color));

  lower = color != NULL ? g_ascii_strdown (color, -1) : NULL;
  set_string (self, &self->color, lower, PROP_COLOR);
}

char *
px_annotation_dup_note (PxAnnotation *self)
{
  g_return_val_if_fail (PX_IS_ANNOTATION (self), NULL);
  return locked_dup (self, &self->note);
}

/**
 * px_annotation_set_note:
 * @note: (nullable): free text; empty or NULL for none
 */
void
px_annotation_set_note (PxAnnotation *self,
                        const char   *note)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));
  g_return_if_fail (note == NULL || g_utf8_validate (note, -1, NULL));

  set_string (self, &self->note, (note != NULL && note[0] != '\0') ? note : NULL, PROP_NOTE);
}

gint64
px_annotation_get_created (PxAnnotation *self)
{
  gint64 value;

  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);

  g_mutex_lock (&self->lock);
  value = self->created;
  g_mutex_unlock (&self->lock);
  return value;
}

gint64
px_annotation_get_modified (PxAnnotation *self)
{
  gint64 value;

  g_return_val_if_fail (PX_IS_ANNOTATION (self), 0);

  g_mutex_lock (&self->lock);
  value = self->modified;
  g_mutex_unlock (&self->lock);
  return value;
}

void
px_annotation_set_times (PxAnnotation *self,
                         gint64        created,
                         gint64        modified)
{
  g_return_if_fail (PX_IS_ANNOTATION (self));

  g_mutex_lock (&self->lock);
  self->created = created;
  self->modified = MAX (created, modified);
  g_mutex_unlock (&self->lock);
}

PxAnchorStatus
px_annotation_reattach (PxAnnotation *self,
                        PxDocument   *document)
{
  guint64 work = PX_ANNOTATION_REATTACH_WORK;

  return px_annotation_reattach_within (self, document, &work);
}

PxAnchorStatus
px_annotation_reattach_within (PxAnnotation *self,
                               PxDocument   *document,
                               guint64      *work)
{
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  const char *text;
  gsize length;
  guint old_start, old_end;
  guint start = 0, end = 0;
  PxAnchorStatus status;

  g_return_val_if_fail (PX_IS_ANNOTATION (self), PX_ANCHOR_ORPHANED);
  g_return_val_if_fail (PX_IS_DOCUMENT (document), PX_ANCHOR_ORPHANED);
  g_return_val_if_fail (work != NULL, PX_ANCHOR_ORPHANED);

  text = px_document_get_text (document, &length);

  g_mutex_lock (&self->lock);
  exact = g_strdup (self->exact);
  prefix = g_strdup (self->prefix);
  suffix = g_strdup (self->suffix);
  old_start = self->start;
  old_end = self->end;
  g_mutex_unlock (&self->lock);

  if (range_holds (text, length, old_start, old_end, exact))
    {
      status = PX_ANCHOR_EXACT;
      start = old_start;
      end = old_end;
    }
  else if (*work == 0)
    status = PX_ANCHOR_ORPHANED;  /* no search left: kept as it was */
  else if (find_quote (text, length, exact, prefix, suffix, old_start, &start, work))
    {
      status = PX_ANCHOR_MOVED;
      end = start + strlen (exact);
    }
  else if (find_fuzzy (text, length, exact, MIN (old_start, length), &start, &end, work))
    status = PX_ANCHOR_FUZZY;
  else
    status = PX_ANCHOR_ORPHANED;

  g_mutex_lock (&self->lock);
  g_free (self->document_id);
  self->document_id = g_strdup (px_document_get_id (document));
  self->status = status;
  if (status != PX_ANCHOR_ORPHANED)
    {
      self->start = start;
      self->end = end;
      g_free (self->exact);
      g_free (self->prefix);
      g_free (self->suffix);
      self->exact = g_strndup (text + start, end - start);
      context_around (text, length, start, end, &self->prefix, &self->suffix);
    }
  g_mutex_unlock (&self->lock);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANCHOR_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);

  return status;
}

const char *
px_anchor_status_to_string (PxAnchorStatus status)
{
  g_return_val_if_fail ((guint)status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
px_anchor_status_from_string (const char     *str,
                              PxAnchorStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (g_strcmp0 (str, status_names[i]) == 0)
        {
          *status = (PxAnchorStatus)i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
px_label_is_builtin (const char *label)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_labels); i++)
    if (g_strcmp0 (label, builtin_labels[i].label) == 0)
      return TRUE;
  return FALSE;
}

const char *
px_label_get_display_name (const char *label)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_labels); i++)
    if (g_strcmp0 (label, builtin_labels[i].label) == 0)
      return builtin_labels[i].name;
  return label;
}

const char *
px_label_get_builtin_color (const char *label)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_labels); i++)
    if (g_strcmp0 (label, builtin_labels[i].label) == 0)
      return builtin_labels[i].color;
  return NULL;
}

gboolean
px_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}
