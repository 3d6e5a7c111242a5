/* px-align-diff.c: the word diff inside a link
 *
 * The longest common subsequence of the two segments' words (content
 * words by their canonical stem, so that equivalent words align), equal
 * runs merged, the rest substitutions, insertions and deletions, as byte
 * ranges.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-align"

#include "config.h"


#include "px-align-private.h"

typedef struct
{
  guint       start, end;
  guint       key;       /* feature id of the word's comparable form */
  guint       surface;   /* feature id of its own stem: "invest" for "involve" */
  gboolean    content;
} DiffTok;

/* The words of a segment as the diff compares them: content words by
 * their canonical stem, function words as written (normalized). */
static GArray *
diff_tokens (Space      *space,
             PxDocument *document,
             guint       segment)
{
  const PxSegment *seg = px_document_get_segment (document, segment);
  GArray *toks = g_array_new (FALSE, FALSE, sizeof (DiffTok));

  for (guint t = seg->first_token; t < seg->first_token + seg->n_tokens; t++)
    {
      const PxToken *tok = px_document_get_token (document, t);
      DiffTok d;

      if (tok->flags & PX_TOKEN_PUNCT)
        continue;
      d.start = tok->start;
      d.end = tok->end;
      d.content = !(tok->flags & PX_TOKEN_STOPWORD);
      d.key = px_align_feature_id (space, d.content ? px_align_canonical_stem (space, tok->stem) : tok->norm);
      d.surface = d.content ? px_align_feature_id (space, tok->stem) : d.key;
      g_array_append_val (toks, d);
    }
  return toks;
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

/* Emits the unequal stretch a[ai, aj) against b[bi, bj). */
static void
push_gap (GArray        *diff,
          const DiffTok *a,
          guint          ai,
          guint          aj,
          guint          a_pos,
          const DiffTok *b,
          guint          bi,
          guint          bj,
          guint          b_pos)
{
  if (ai < aj && bi < bj)
    push_chunk (diff, PX_DIFF_SUBSTITUTE, a[ai].start, a[aj - 1].end, b[bi].start, b[bj - 1].end);
  else if (ai < aj)
    push_chunk (diff, PX_DIFF_DELETE, a[ai].start, a[aj - 1].end, b_pos, b_pos);
  else if (bi < bj)
    push_chunk (diff, PX_DIFF_INSERT, a_pos, a_pos, b[bi].start, b[bj - 1].end);
}

/* Word-level alignment of two segments: the longest common subsequence of
 * their word keys, equal runs merged, the rest substitutions, insertions
 * and deletions. Sets *equal_content to the share of content words that
 * matched. */
/* The tokens of @toks inside [start, end): *first and the count. */
static const DiffTok *
tokens_in (GArray *toks,
           guint   start,
           guint   end,
           guint  *n)
{
  const DiffTok *t = (const DiffTok *)toks->data;
  guint first = 0, last;

  while (first < toks->len && t[first].start < start)
    first++;
  last = first;
  while (last < toks->len && t[last].end <= end)
    last++;
  *n = last - first;
  return t + first;
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
               (bag_a->diff_tokens = diff_tokens (space, da, bag_a->segment));
  GArray *tb = bag_b->diff_tokens != NULL ? bag_b->diff_tokens :
               (bag_b->diff_tokens = diff_tokens (space, db, bag_b->segment));
  guint n, m;
  const DiffTok *a = tokens_in (ta, range[0], range[1], &n);
  const DiffTok *b = tokens_in (tb, range[2], range[3], &m);
  GArray *diff = g_array_new (FALSE, FALSE, sizeof (PxDiffChunk));
  g_autofree guint16 *table = NULL;
  guint i = 0, j = 0, gi = 0, gj = 0, content = 0, matched = 0;
  guint a_pos = range[0];
  guint b_pos = range[2];

  for (guint k = 0; k < n; k++)
    content += a[k].content;
  for (guint k = 0; k < m; k++)
    content += b[k].content;

  if (n == 0 || m == 0 || n > 400 || m > 400)
    {
      push_gap (diff, a, 0, n, a_pos, b, 0, m, b_pos);
      *equal_content = 0;
      return diff;
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

          push_gap (diff, a, gi, i, a_pos, b, gj, j, b_pos);
          /* a run of equal words; equivalent ones ("invested", "involved")
           * in runs of their own */
          while (i < n && j < m && a[i].key == b[j].key && L (i, j) == L (i + 1, j + 1) + 1)
            {
              gboolean same = a[i].surface == b[j].surface;

              if (i > ri && same != (a[i - 1].surface == b[j - 1].surface))
                {
                  push_chunk (diff, same ? PX_DIFF_EQUIVALENT : PX_DIFF_EQUAL,
                              a[ri].start, a[i - 1].end, b[rj].start, b[j - 1].end);
                  ri = i, rj = j;
                }
              matched += a[i].content + b[j].content;
              i++, j++;
            }
          push_chunk (diff, a[i - 1].surface == b[j - 1].surface ? PX_DIFF_EQUAL : PX_DIFF_EQUIVALENT,
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
  push_gap (diff, a, gi, n, a_pos, b, gj, m, b_pos);
  *equal_content = content > 0 ? (double)matched / content : 0;
  return diff;
}
