/* px-align-diff.c: the word diff inside a link
 *
 * The longest common subsequence of the two parts' words (content words
 * by their canonical stem, so that equivalent words align; a value as one
 * word, by its normalized value, so that "50 basis points" and "half a
 * percentage point" align), equal runs merged, the rest substitutions,
 * insertions and deletions, as byte ranges. Equal words written
 * differently, and words the scorer relates ("raised", "lifted"), are
 * equivalent wording; where values differ, the stretch is compared word
 * by word ("61.2 percent" / "58.9 percent": only the numbers changed); a phrase
 * dropped in one place and added in another is moved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-align"

#include "config.h"

#include <string.h>

#include "px-align-private.h"
#include "px-facts-private.h"

typedef struct
{
  guint       start, end;
  guint       key;       /* feature id of the word's comparable form */
  guint       surface;   /* feature id of its own stem: "invest" for "involve" */
  gboolean    content;
  const PxFact *value;   /* the fact whose value this word is (several words maybe), or NULL */
} DiffTok;

typedef struct
{
  Space      *space;
  PxDocument *da, *db;
  GArray     *diff;      /* PxDiffChunk */
  guint       matched;   /* content words in equal or equivalent runs */
} Differ;

/* A value written in several words, compared as one. */
static gboolean
is_value_kind (PxFactKind kind)
{
  return kind == PX_FACT_NUMBER || kind == PX_FACT_MONEY || kind == PX_FACT_PERCENT ||
         kind == PX_FACT_QUANTITY || kind == PX_FACT_DATE || kind == PX_FACT_TIME || kind == PX_FACT_ORDINAL;
}

static guint32
hash_bytes (guint32     h,
            const void *data,
            gsize       n)
{
  for (gsize k = 0; k < n; k++)
    h = (h ^ ((const guchar *)data)[k]) * 16777619u;
  return h;
}

/* The value of @fact as one diff word: its normalized value as the key
 * (the kind, the value, its currency or unit; a date or a time as
 * normalized), its text as written (ASCII case aside) as the surface,
 * both hashed, the key with its top bit set so that it never meets a
 * word's feature id. */
static DiffTok
value_token (PxDocument   *document,
             const PxFact *fact)
{
  const char *text = px_document_get_text (document, NULL);
  const char *unit = fact->currency != NULL ? fact->currency : fact->unit != NULL ? fact->unit : "";
  PxFactKind kind = fact->kind;
  gboolean points = fact->points;
  guint32 key = hash_bytes (2166136261u, &kind, sizeof kind);
  guint32 surface = 2166136261u;

  if (fact->kind == PX_FACT_DATE || fact->kind == PX_FACT_TIME)
    {
      const char *when = fact->kind == PX_FACT_DATE ? fact->date : fact->time;

      key = hash_bytes (key, when != NULL ? when : fact->text, strlen (when != NULL ? when : fact->text));
    }
  else
    {
      double value = fact->value == 0 ? 0 : fact->value;   /* -0 is 0 */

      key = hash_bytes (key, &value, sizeof value);
      key = hash_bytes (key, unit, strlen (unit));
      key = hash_bytes (key, &points, sizeof points);
    }
  for (guint k = fact->start; k < fact->end; k++)
    surface = (surface ^ (guchar)g_ascii_tolower (text[k])) * 16777619u;
  return (DiffTok) { fact->start, fact->end, key | 0x80000000u, surface, TRUE, fact };
}

/* One word as the diff compares it: a content word by its canonical stem,
 * a function word as written (normalized). */
static DiffTok
word_token (Space         *space,
            const PxToken *tok)
{
  DiffTok d = { tok->start, tok->end, 0, 0, !(tok->form->flags & PX_TOKEN_STOPWORD), NULL };

  d.key = px_align_feature_id (space, d.content ? px_align_canonical_stem (space, tok->form->stem) : tok->form->norm);
  d.surface = d.content ? px_align_feature_id (space, tok->form->stem) : d.key;
  return d;
}

/* The words of tokens [first, last) of @document, punctuation left out;
 * with @facts (sorted by start; numeric ones do not overlap), each value
 * as one word. */
static GArray *
diff_tokens (Space      *space,
             PxDocument *document,
             guint       first,
             guint       last,
             GPtrArray  *facts)
{
  GArray *toks = g_array_new (FALSE, FALSE, sizeof (DiffTok));
  guint f = 0;

  for (guint t = first; t < last; t++)
    {
      const PxToken *tok = px_document_get_token (document, t);
      const PxFact *fact = NULL;
      DiffTok d;

      while (facts != NULL && f < facts->len &&
             (((const PxFact *)g_ptr_array_index (facts, f))->end <= tok->start ||
              !is_value_kind (((const PxFact *)g_ptr_array_index (facts, f))->kind)))
        f++;
      if (facts != NULL && f < facts->len)
        fact = g_ptr_array_index (facts, f);
      if (fact != NULL && fact->start <= tok->start && tok->end <= fact->end)
        {
          if (toks->len == 0 || g_array_index (toks, DiffTok, toks->len - 1).start != fact->start)
            {
              d = value_token (document, fact);
              g_array_append_val (toks, d);
            }
          continue;
        }
      if (tok->form->flags & PX_TOKEN_PUNCT)
        continue;
      d = word_token (space, tok);
      g_array_append_val (toks, d);
    }
  return toks;
}

/* The tokens of @document covering bytes [start, end): [*first, *last). */
static void
token_range (PxDocument *document,
             guint       start,
             guint       end,
             guint      *first,
             guint      *last)
{
  const PxSegment *seg = px_document_get_segment (document, px_document_find_segment (document, start));

  *first = seg->first_token;
  while (*first < seg->first_token + seg->n_tokens && px_document_get_token (document, *first)->end <= start)
    (*first)++;
  *last = *first;
  while (*last < seg->first_token + seg->n_tokens && px_document_get_token (document, *last)->start < end)
    (*last)++;
}

static void
push_chunk (GArray  *diff,
            PxDiffOp op,
            guint    a_start,
            guint    a_end,
            guint    b_start,
            guint    b_end)
{
  PxDiffChunk chunk = { op, a_start, a_end, b_start, b_end };

  g_array_append_val (diff, chunk);
}

/* Whether a[ai, aj) and b[bi, bj) are as many content words, each related
 * to the other's in turn: equivalent wording, not another word. */
static gboolean
related_run (Space         *space,
             const DiffTok *a,
             guint          ai,
             guint          aj,
             const DiffTok *b,
             guint          bi,
             guint          bj)
{
  if (aj - ai != bj - bi)
    return FALSE;
  for (guint k = 0; k < aj - ai; k++)
    if (!a[ai + k].content || !b[bi + k].content || a[ai + k].value || b[bi + k].value ||
        !px_align_words_relate (space, a[ai + k].key, b[bi + k].key))
      return FALSE;
  return TRUE;
}

static void diff_runs (Differ        *d,
                       const DiffTok *a,
                       guint          n,
                       guint          a_pos,
                       const DiffTok *b,
                       guint          m,
                       guint          b_pos);

/* A stretch with values that differ, word by word: the words both write
 * ("billion" in "$18.9 billion" / "about $19 billion") stay equal. */
static void
diff_words (Differ        *d,
            const DiffTok *a,
            guint          ai,
            guint          aj,
            const DiffTok *b,
            guint          bi,
            guint          bj)
{
  guint fa, la, fb, lb;
  g_autoptr(GArray) wa = NULL;
  g_autoptr(GArray) wb = NULL;

  token_range (d->da, a[ai].start, a[aj - 1].end, &fa, &la);
  token_range (d->db, b[bi].start, b[bj - 1].end, &fb, &lb);
  wa = diff_tokens (d->space, d->da, fa, la, NULL);
  wb = diff_tokens (d->space, d->db, fb, lb, NULL);
  diff_runs (d, (const DiffTok *)wa->data, wa->len, a[ai].start, (const DiffTok *)wb->data, wb->len, b[bi].start);
}

static gboolean
has_value (const DiffTok *t,
           guint          i,
           guint          j)
{
  for (; i < j; i++)
    if (t[i].value)
      return TRUE;
  return FALSE;
}

/* Emits the unequal stretch a[ai, aj) against b[bi, bj). */
static void
push_gap (Differ        *d,
          const DiffTok *a,
          guint          ai,
          guint          aj,
          guint          a_pos,
          const DiffTok *b,
          guint          bi,
          guint          bj,
          guint          b_pos)
{
  /* one value written two ways that agree: "81.31 percent", "81.3%" */
  if (aj == ai + 1 && bj == bi + 1 && a[ai].value != NULL && b[bi].value != NULL &&
      a[ai].value->kind == b[bi].value->kind && px_fact_values_consistent (a[ai].value, b[bi].value))
    push_chunk (d->diff, PX_DIFF_EQUIVALENT, a[ai].start, a[ai].end, b[bi].start, b[bi].end);
  else if (ai < aj && bi < bj && has_value (a, ai, aj) && has_value (b, bi, bj))
    diff_words (d, a, ai, aj, b, bi, bj);
  else if (ai < aj && bi < bj)
    push_chunk (d->diff, related_run (d->space, a, ai, aj, b, bi, bj) ? PX_DIFF_EQUIVALENT : PX_DIFF_SUBSTITUTE,
                a[ai].start, a[aj - 1].end, b[bi].start, b[bj - 1].end);
  else if (ai < aj)
    push_chunk (d->diff, PX_DIFF_DELETE, a[ai].start, a[aj - 1].end, b_pos, b_pos);
  else if (bi < bj)
    push_chunk (d->diff, PX_DIFF_INSERT, a_pos, a_pos, b[bi].start, b[bj - 1].end);
}

/* The longest common subsequence of the keys of a[0, n) and b[0, m),
 * equal runs merged (equivalent ones, "invested" / "involved", in runs of
 * their own), the gaps between them pushed as they are. */
static void
diff_runs (Differ        *d,
           const DiffTok *a,
           guint          n,
           guint          a_pos,
           const DiffTok *b,
           guint          m,
           guint          b_pos)
{
  g_autofree guint16 *table = NULL;
  guint i = 0, j = 0, gi = 0, gj = 0;

  if (n == 0 || m == 0 || n > 400 || m > 400)
    {
      push_gap (d, a, 0, n, a_pos, b, 0, m, b_pos);
      return;
    }

  /* table[i][j]: LCS length of a[i..] and b[j..] */
  table = g_new0 (guint16, (gsize)(n + 1) * (m + 1));
#define L(x, y) table[(gsize)(x) * (m + 1) + (y)]
  for (int x = n - 1; x >= 0; x--)
    for (int y = m - 1; y >= 0; y--)
      L (x, y) = a[x].key == b[y].key ? L (x + 1, y + 1) + 1 : MAX (L (x + 1, y), L (x, y + 1));

  while (i < n && j < m)
    {
      if (a[i].key == b[j].key)
        {
          guint ri = i, rj = j;

          push_gap (d, a, gi, i, a_pos, b, gj, j, b_pos);
          while (i < n && j < m && a[i].key == b[j].key && L (i, j) == L (i + 1, j + 1) + 1)
            {
              gboolean same = a[i].surface == b[j].surface;

              if (i > ri && same != (a[i - 1].surface == b[j - 1].surface))
                {
                  push_chunk (d->diff, same ? PX_DIFF_EQUIVALENT : PX_DIFF_EQUAL,
                              a[ri].start, a[i - 1].end, b[rj].start, b[j - 1].end);
                  ri = i, rj = j;
                }
              d->matched += a[i].content + b[j].content;
              i++, j++;
            }
          push_chunk (d->diff, a[i - 1].surface == b[j - 1].surface ? PX_DIFF_EQUAL : PX_DIFF_EQUIVALENT,
                      a[ri].start, a[i - 1].end, b[rj].start, b[j - 1].end);
          a_pos = a[i - 1].end;
          b_pos = b[j - 1].end;
          gi = i, gj = j;
        }
      else if (L (i + 1, j) >= L (i, j + 1))
        i++;
      else
        j++;
    }
#undef L
  push_gap (d, a, gi, n, a_pos, b, gj, m, b_pos);
}

/* The tokens of t[0, len) inside [start, end): the first and *n. */
static const DiffTok *
tokens_in (const DiffTok *t,
           guint          len,
           guint          start,
           guint          end,
           guint         *n)
{
  guint first = 0, last;

  while (first < len && t[first].start < start)
    first++;
  last = first;
  while (last < len && t[last].end <= end)
    last++;
  *n = last - first;
  return t + first;
}

/* A phrase dropped in one place and added in another ("On Thursday the
 * bank …" / "The bank … on Thursday") is the same words moved: one chunk
 * with both places, no change. */
static void
find_moves (GArray        *diff,
            const DiffTok *a,
            guint          n,
            const DiffTok *b,
            guint          m)
{
  for (guint c = 0; c < diff->len; c++)
    {
      PxDiffChunk *del = &g_array_index (diff, PxDiffChunk, c);
      const DiffTok *wa;
      guint na;

      if (del->op != PX_DIFF_DELETE)
        continue;
      wa = tokens_in (a, n, del->a_start, del->a_end, &na);
      for (guint i = 0; i < diff->len && na > 0; i++)
        {
          PxDiffChunk *ins = &g_array_index (diff, PxDiffChunk, i);
          const DiffTok *wb;
          guint nb, k;

          if (ins->op != PX_DIFF_INSERT)
            continue;
          wb = tokens_in (b, m, ins->b_start, ins->b_end, &nb);
          for (k = 0; k < na && nb == na && wa[k].key == wb[k].key; k++)
            ;
          if (nb != na || k < na)
            continue;
          del->op = PX_DIFF_MOVED;
          del->b_start = ins->b_start;
          del->b_end = ins->b_end;
          g_array_remove_index (diff, i);
          if (i < c)
            c--;
          break;
        }
    }
}

GArray *
px_align_word_diff (Space      *space,
                    PxDocument *da,
                    Bag        *bag_a,
                    PxDocument *db,
                    Bag        *bag_b,
                    const guint range[4],
                    double     *equal_content)
{
  GArray *ta = bag_a->diff_tokens != NULL ? bag_a->diff_tokens :
               (bag_a->diff_tokens = diff_tokens (space, da, bag_a->first_token,
                                                  bag_a->first_token + bag_a->n_tokens, bag_a->facts));
  GArray *tb = bag_b->diff_tokens != NULL ? bag_b->diff_tokens :
               (bag_b->diff_tokens = diff_tokens (space, db, bag_b->first_token,
                                                  bag_b->first_token + bag_b->n_tokens, bag_b->facts));
  Differ d = { space, da, db, g_array_new (FALSE, FALSE, sizeof (PxDiffChunk)), 0 };
  guint n, m, content = 0;
  const DiffTok *a = tokens_in ((const DiffTok *)ta->data, ta->len, range[0], range[1], &n);
  const DiffTok *b = tokens_in ((const DiffTok *)tb->data, tb->len, range[2], range[3], &m);

  for (guint k = 0; k < n; k++)
    content += a[k].content;
  for (guint k = 0; k < m; k++)
    content += b[k].content;
  diff_runs (&d, a, n, range[0], b, m, range[2]);
  find_moves (d.diff, a, n, b, m);
  *equal_content = content > 0 ? (double)d.matched / content : 0;
  return d.diff;
}
