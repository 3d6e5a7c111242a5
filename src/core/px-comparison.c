/* px-comparison.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-comparison"

#include "config.h"

#include "px-comparison.h"

struct _PxComparison
{
  GObject     parent_instance;

  /* owned */
  GPtrArray  *documents;      /* PxDocument* */
  GPtrArray  *facts;          /* PxFact*, grouped by document, then by start */
  GPtrArray  *document_facts; /* GPtrArray* of PxFact* per document (views) */
  GPtrArray  *fact_groups;    /* PxFactGroup* */
  GPtrArray  *links;          /* PxLink* */
  GPtrArray  *document_links; /* GPtrArray* of PxLink* per document, in the order of links (views) */
  GPtrArray  *claims;         /* PxClaim* */
  GHashTable *claim_of_segment; /* (doc << 32 | segment) → claim index + 1 */
  GHashTable *claim_parts;      /* (doc << 32 | segment) → GArray of PxByteRange, where not whole */
};

/* Bytes between two linked parts of a sentence, or between a part and the
 * sentence's edge, that state the claim too ("," "said" "and the"). */
#define PART_GAP 12
/* Parts that cover this share of a sentence: the whole sentence states it. */
#define PART_WHOLE 0.7

typedef struct
{
  GPtrArray      *documents;
  PxSensitivity   sensitivity;
  PxProgressFunc  progress;
  gpointer        progress_data;
  GDestroyNotify  progress_destroy;
  GMainContext   *context;
} ComputeData;

typedef struct
{
  ComputeData *data;
  double       fraction;
} ProgressUpdate;

G_DEFINE_FINAL_TYPE (PxComparison, px_comparison, G_TYPE_OBJECT)

static inline guint64
segment_key (guint doc,
             guint segment)
{
  return ((guint64)doc << 32) | segment;
}

typedef struct
{
  GDestroyNotify notify;
  gpointer       data;
} DestroyInContext;

/* Unlike g_main_context_invoke(), never runs @func in the calling thread:
 * a worker may be able to acquire the caller's (default) context. */
static void
run_in_context (GMainContext   *context,
                GSourceFunc     func,
                gpointer        data,
                GDestroyNotify  notify)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, notify);
  g_source_set_static_name (source, "[parallax] comparison progress");
  g_source_attach (source, context);
}

static gboolean
destroy_in_context_cb (gpointer user_data)
{
  DestroyInContext *destroy = user_data;

  destroy->notify (destroy->data);
  return G_SOURCE_REMOVE;
}

static void
compute_data_clear (ComputeData *data)
{
  g_clear_pointer (&data->documents, g_ptr_array_unref);

  /* The last reference may go in the worker; the caller's data is only ever
   * touched on the caller's main context. */
  if (data->progress_destroy != NULL)
    {
      DestroyInContext *destroy = g_new (DestroyInContext, 1);

      destroy->notify = data->progress_destroy;
      destroy->data = data->progress_data;
      run_in_context (data->context, destroy_in_context_cb, destroy, g_free);
    }
  g_clear_pointer (&data->context, g_main_context_unref);
}

static void
compute_data_release (ComputeData *data)
{
  g_atomic_rc_box_release_full (data, (GDestroyNotify)compute_data_clear);
}

static void
progress_update_free (ProgressUpdate *update)
{
  compute_data_release (update->data);
  g_free (update);
}

static void
px_comparison_finalize (GObject *object)
{
  PxComparison *self = (PxComparison *)object;

  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->facts, g_ptr_array_unref);
  g_clear_pointer (&self->document_facts, g_ptr_array_unref);
  g_clear_pointer (&self->fact_groups, g_ptr_array_unref);
  g_clear_pointer (&self->document_links, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->claims, g_ptr_array_unref);
  g_clear_pointer (&self->claim_of_segment, g_hash_table_unref);
  g_clear_pointer (&self->claim_parts, g_hash_table_unref);

  G_OBJECT_CLASS (px_comparison_parent_class)->finalize (object);
}

static void
px_comparison_class_init (PxComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_comparison_finalize;
}

static void
px_comparison_init (PxComparison *self)
{
  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  self->facts = g_ptr_array_new_with_free_func ((GDestroyNotify)px_fact_unref);
  self->document_facts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  self->document_links = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  self->claim_of_segment = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->claim_parts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)g_array_unref);
}

/* Progress: facts take the first tenth, alignment the rest. */
typedef struct
{
  PxProgressFunc func;
  gpointer       data;
  double         offset;
  double         scale;
} ScaledProgress;

static void
scaled_progress_cb (double   fraction,
                    gpointer user_data)
{
  ScaledProgress *scaled = user_data;

  if (scaled->func != NULL)
    scaled->func (scaled->offset + CLAMP (fraction, 0.0, 1.0) * scaled->scale, scaled->data);
}

/* A linked part of a segment, while the parts are gathered. */
typedef struct
{
  guint64 key;          /* segment_key () */
  guint   start, end;
} Part;

static int
compare_parts (gconstpointer a,
               gconstpointer b)
{
  const Part *pa = a, *pb = b;

  if (pa->key != pb->key)
    return pa->key < pb->key ? -1 : 1;
  return pa->start < pb->start ? -1 : pa->start > pb->start;
}

/* The parts @parts[first, last) of one segment @seg, merged, taken to
 * the sentence's edges nearby; NULL when they cover most of it. */
static GArray *
merge_parts (const Part      *parts,
             guint            first,
             guint            last,
             const PxSegment *seg)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (PxByteRange));
  guint covered = 0;

  for (guint k = first; k < last;)
    {
      PxByteRange r = { MAX (parts[k].start, seg->start), MIN (parts[k].end, seg->end) };

      for (k++; k < last && parts[k].start <= r.end + PART_GAP; k++)
        r.end = MAX (r.end, MIN (parts[k].end, seg->end));
      if (r.start < seg->start + PART_GAP)
        r.start = seg->start;
      if (r.end + PART_GAP > seg->end)
        r.end = seg->end;
      if (ranges->len > 0)
        r.start = MAX (r.start, g_array_index (ranges, PxByteRange, ranges->len - 1).end);
      if (r.end <= r.start)
        continue;
      covered += r.end - r.start;
      g_array_append_val (ranges, r);
    }
  if (ranges->len == 0 || covered >= PART_WHOLE * (seg->end - seg->start))
    g_clear_pointer (&ranges, g_array_unref);
  return ranges;
}

/* Each document's links: a column or a pair of columns reads its own,
 * not every link of twenty sources. */
static void
index_links (PxComparison *self)
{
  for (guint d = 0; d < self->documents->len; d++)
    g_ptr_array_add (self->document_links, g_ptr_array_new ());
  for (guint i = 0; i < self->links->len; i++)
    {
      PxLink *link = g_ptr_array_index (self->links, i);

      if (link->a.doc < self->document_links->len)
        g_ptr_array_add (g_ptr_array_index (self->document_links, link->a.doc), link);
      if (link->b.doc != link->a.doc && link->b.doc < self->document_links->len)
        g_ptr_array_add (g_ptr_array_index (self->document_links, link->b.doc), link);
    }
}

/* Which parts of its segments each link joins: the parts that state the
 * claim, where they are not the whole segments. */
static void
index_claim_parts (PxComparison *self)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (Part));

  for (guint i = 0; i < self->links->len; i++)
    {
      const PxLink *link = g_ptr_array_index (self->links, i);

      if (link->relation == PX_RELATION_RELATED)
        continue;
      g_array_append_val (parts, ((Part) { segment_key (link->a.doc, link->a.segment), link->a_start, link->a_end }));
      g_array_append_val (parts, ((Part) { segment_key (link->b.doc, link->b.segment), link->b_start, link->b_end }));
    }
  g_array_sort (parts, compare_parts);
  for (guint i = 0, j; i < parts->len; i = j)
    {
      const Part *p = &g_array_index (parts, Part, i);
      guint doc = p->key >> 32, segment = p->key & G_MAXUINT32;
      GArray *ranges;

      for (j = i + 1; j < parts->len && g_array_index (parts, Part, j).key == p->key; j++)
        ;
      if (doc >= self->documents->len || segment >= px_document_get_n_segments (g_ptr_array_index (self->documents, doc)))
        continue;
      ranges = merge_parts ((const Part *)parts->data, i, j,
                            px_document_get_segment (g_ptr_array_index (self->documents, doc), segment));
      if (ranges != NULL)
        g_hash_table_insert (self->claim_parts, g_memdup2 (&p->key, sizeof p->key), ranges);
    }
}

static void
index_claims (PxComparison *self)
{
  for (guint i = 0; i < self->claims->len; i++)
    {
      const PxClaim *claim = g_ptr_array_index (self->claims, i);

      for (guint j = 0; j < claim->segments->len; j++)
        {
          const PxSegmentRef *ref = &g_array_index (claim->segments, PxSegmentRef, j);
          gint64 *key = g_new (gint64, 1);

          *key = (gint64)segment_key (ref->doc, ref->segment);
          g_hash_table_insert (self->claim_of_segment, key, GUINT_TO_POINTER (i + 1));
        }
    }
}

PxComparison *
px_comparison_new (GPtrArray       *documents,
                   GCancellable    *cancellable,
                   PxProgressFunc   progress,
                   gpointer         progress_data,
                   GError         **error)
{
  return px_comparison_new_full (documents, PX_SENSITIVITY_MEDIUM, cancellable, progress, progress_data, error);
}

PxComparison *
px_comparison_new_full (GPtrArray       *documents,
                        PxSensitivity    sensitivity,
                        GCancellable    *cancellable,
                        PxProgressFunc   progress,
                        gpointer         progress_data,
                        GError         **error)
{
  g_autoptr(PxComparison) self = NULL;
  g_autoptr(GPtrArray) per_doc = NULL;
  ScaledProgress scaled = { progress, progress_data, 0.0, 0.1 };

  g_return_val_if_fail (documents != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_object_new (PX_TYPE_COMPARISON, NULL);
  for (guint i = 0; i < documents->len; i++)
    g_ptr_array_add (self->documents, g_object_ref (g_ptr_array_index (documents, i)));

  /* Facts, document by document. */
  per_doc = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < self->documents->len; i++)
    {
      PxDocument *document = g_ptr_array_index (self->documents, i);
      g_autoptr(GPtrArray) facts = px_facts_extract (document, cancellable);
      GPtrArray *view = g_ptr_array_new_with_free_func ((GDestroyNotify)px_fact_unref);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_ptr_array_unref (view);
          return NULL;
        }

      for (guint j = 0; j < facts->len; j++)
        {
          PxFact *fact = g_ptr_array_index (facts, j);

          fact->doc = i;
          g_ptr_array_add (self->facts, px_fact_ref (fact));
          g_ptr_array_add (view, px_fact_ref (fact));
        }
      g_ptr_array_add (self->document_facts, view);
      g_ptr_array_add (per_doc, g_ptr_array_ref (view));
      scaled_progress_cb ((double)(i + 1) / self->documents->len, &scaled);
    }

  /* Links and claims. */
  scaled.offset = 0.1;
  scaled.scale = 0.85;
  self->links = px_align_documents_full (self->documents, per_doc, sensitivity, cancellable,
                                         scaled_progress_cb, &scaled);
  if (self->links == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
      return NULL;
    }
  self->claims = px_align_build_claims (self->documents, self->links);
  index_links (self);
  index_claims (self);
  index_claim_parts (self);

  self->fact_groups = px_fact_groups_build (self->documents, self->facts, self->links);

  if (progress != NULL)
    progress (1.0, progress_data);

  return g_steal_pointer (&self);
}

static gboolean
progress_in_context_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  update->data->progress (update->fraction, update->data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
worker_progress_cb (double   fraction,
                    gpointer user_data)
{
  ComputeData *data = user_data;
  ProgressUpdate *update;

  if (data->progress == NULL)
    return;

  update = g_new (ProgressUpdate, 1);
  update->data = g_atomic_rc_box_acquire (data);
  update->fraction = fraction;
  run_in_context (data->context, progress_in_context_cb, update,
                  (GDestroyNotify)progress_update_free);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  GError *error = NULL;
  PxComparison *comparison;

  comparison = px_comparison_new_full (data->documents, data->sensitivity, cancellable,
                                       worker_progress_cb, data, &error);
  if (comparison == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, comparison, g_object_unref);
}

void
px_comparison_new_async (GPtrArray            *documents,
                         GCancellable         *cancellable,
                         PxProgressFunc        progress,
                         gpointer              progress_data,
                         GDestroyNotify        progress_destroy,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  px_comparison_new_full_async (documents, PX_SENSITIVITY_MEDIUM, cancellable, progress, progress_data,
                                progress_destroy, callback, user_data);
}

void
px_comparison_new_full_async (GPtrArray            *documents,
                              PxSensitivity         sensitivity,
                              GCancellable         *cancellable,
                              PxProgressFunc        progress,
                              gpointer              progress_data,
                              GDestroyNotify        progress_destroy,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *data;

  g_return_if_fail (documents != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_atomic_rc_box_new0 (ComputeData);
  data->documents = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < documents->len; i++)
    g_ptr_array_add (data->documents, g_object_ref (g_ptr_array_index (documents, i)));
  data->sensitivity = sensitivity;
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_destroy = progress_destroy;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, px_comparison_new_async);
  g_task_set_task_data (task, data, (GDestroyNotify)compute_data_release);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, compute_thread);
}

PxComparison *
px_comparison_new_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == px_comparison_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
px_comparison_get_n_documents (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), 0);
  return self->documents->len;
}

PxDocument *
px_comparison_get_document (PxComparison *self,
                            guint         index)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->documents->len, NULL);
  return g_ptr_array_index (self->documents, index);
}

char *
px_comparison_dup_document_id (PxComparison *self,
                               guint         index)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  return g_strdup_printf ("d%u", index + 1);
}

char *
px_comparison_dup_segment_id (PxComparison *self,
                              guint         doc,
                              guint         segment)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  return g_strdup_printf ("d%us%u", doc + 1, segment + 1);
}

GPtrArray *
px_comparison_get_facts (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  return self->facts;
}

GPtrArray *
px_comparison_get_fact_groups (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  return self->fact_groups;
}

GPtrArray *
px_comparison_get_links (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  return self->links;
}

GPtrArray *
px_comparison_get_claims (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  return self->claims;
}

GPtrArray *
px_comparison_get_document_links (PxComparison *self,
                                  guint         doc)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (doc < self->document_links->len, NULL);
  return g_ptr_array_index (self->document_links, doc);
}

GPtrArray *
px_comparison_get_document_facts (PxComparison *self,
                                  guint         doc)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (doc < self->document_facts->len, NULL);
  return g_ptr_array_index (self->document_facts, doc);
}

GPtrArray *
px_comparison_get_links_for_segment (PxComparison *self,
                                     guint         doc,
                                     guint         segment)
{
  GPtrArray *result, *links;

  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);

  result = g_ptr_array_new ();
  if (doc >= self->document_links->len)
    return result;
  links = g_ptr_array_index (self->document_links, doc);
  for (guint i = 0; i < links->len; i++)
    {
      PxLink *link = g_ptr_array_index (links, i);

      if ((link->a.doc == doc && link->a.segment == segment) ||
          (link->b.doc == doc && link->b.segment == segment))
        g_ptr_array_add (result, link);
    }
  return result;
}

int
px_comparison_get_claim_for_segment (PxComparison *self,
                                     guint         doc,
                                     guint         segment)
{
  gint64 key;
  gpointer value;

  g_return_val_if_fail (PX_IS_COMPARISON (self), -1);

  key = (gint64)segment_key (doc, segment);
  value = g_hash_table_lookup (self->claim_of_segment, &key);
  return value != NULL ? (int)GPOINTER_TO_UINT (value) - 1 : -1;
}

GArray *
px_comparison_get_claim_parts (PxComparison *self,
                               guint         doc,
                               guint         segment)
{
  guint64 key;

  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);

  if (px_comparison_get_claim_for_segment (self, doc, segment) < 0)
    return NULL;
  key = segment_key (doc, segment);
  return g_hash_table_lookup (self->claim_parts, &key);
}
