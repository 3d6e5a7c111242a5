/* px-align-score.c: the aligner's scoring: what two bags share, whole and in part
 *
 * A pair scores the weighted Dice overlap of its bags, where related words
 * (near forms, WordNet synonyms, derived forms, hypernyms) count in part,
 * and a little less when the two name different things or oppose
 * antonyms. News sentences bundle several claims, so a pair also scores
 * its best part: the stretch of shared words, contiguous in one segment,
 * against the stretch of the other they fall in, scaled down while what
 * they share is small or is only names and dates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-align"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "px-align-private.h"
#include "px-normalize.h"

/* Two different stems that are forms of one word: "mexican" and "mexico",
 * "zambian" and "zambia", a misspelt name ("morsi", "mursi"). */
static gboolean
near_stems (const char *a,
            guint       la,
            guint32     letters_a,
            const char *b,
            guint       lb,
            guint32     letters_b)
{
  guint prefix = 0, limit;

  if (a[0] == '#' || b[0] == '#' || la < 4 || lb < 4)
    return FALSE;
  while (a[prefix] != '\0' && a[prefix] == b[prefix])
    prefix++;
  if (prefix >= 5 || (prefix >= 4 && MIN (la, lb) <= 6))
    return TRUE;
  if (MIN (la, lb) < 5)
    return FALSE;
  limit = MIN (la, lb) >= 8 ? 2 : 1;
  /* each edit adds or removes at most two letters from the set of
   * letters a word uses: a quick test before the edit distance */
  if ((la > lb ? la - lb : lb - la) > limit ||
      (guint)__builtin_popcount (letters_a ^ letters_b) > 2 * limit)
    return FALSE;
  return px_edit_distance (a, b, limit) <= limit;
}

/* Credit for two different content words that say about the same */
#define NEAR_CREDIT       0.8   /* forms of one word: Mexico, Mexican */
#define SYNONYM_CREDIT    0.8   /* a shared WordNet sense: buy, purchase */
#define DERIVED_CREDIT    0.8   /* derived forms: decide, decision */
#define HYPERNYM_CREDIT   0.5   /* one a kind of the other: sedan, car */
/* Two sentences that each name someone or somewhere the other does not
 * ("France backs the plan", "Spain backs the plan") are less likely one
 * claim. Chosen on STS-B train and dev news without MSRpar (0.90 and 0.85
 * were worse). */
#define NAME_CONTRAST     0.95
/* A word that meets nothing but its WordNet antonym on the other side
 * ("Shares opened higher", "Shares closed higher"). Chosen on the same
 * data (0.9: a little worse, 0.7: the same). */
#define ANTONYM_CONTRAST  0.8

static gboolean
ids_meet (const guint *a,
          guint        na,
          const guint *b,
          guint        nb)
{
  guint i = 0, j = 0;

  while (i < na && j < nb)
    {
      if (a[i] == b[j])
        return TRUE;
      if (a[i] < b[j])
        i++;
      else
        j++;
    }
  return FALSE;
}

/* The WordNet ids of @entry: its senses (part 0), the senses its forms
 * derive from or lead to (1), its hypernyms (2), its antonyms' senses (3). */
static const guint *
entry_ids (const PxLexiconEntry *entry,
           guint                 part,
           guint                *n)
{
  guint sizes[] = { entry->n_senses, entry->n_derived, entry->n_hypernyms, entry->n_antonyms };
  guint start = entry->first_sense;

  for (guint k = 0; k < part; k++)
    start += sizes[k];
  *n = sizes[part];
  return &px_lexicon_senses[start];
}

/* Whether a sense of @a is in part @part of @b's ids. */
static gboolean
senses_meet (const PxLexiconEntry *a,
             const PxLexiconEntry *b,
             guint                 part)
{
  guint na, nb;
  const guint *ia = entry_ids (a, 0, &na);
  const guint *ib = entry_ids (b, part, &nb);

  return ids_meet (ia, na, ib, nb);
}

/* How much two different features say the same, 0 for nothing. Both are
 * content words that can meet something (FeatureInfo.soft). */
static double
compute_relatedness (const Space   *space,
                     const Feature *fa,
                     const Feature *fb)
{
  const FeatureInfo *info = (const FeatureInfo *)space->info->data;
  const FeatureInfo *ia = &info[fa->id], *ib = &info[fb->id];

  if (near_stems (g_ptr_array_index (space->names, fa->id), ia->length, ia->letters,
                  g_ptr_array_index (space->names, fb->id), ib->length, ib->letters))
    return NEAR_CREDIT;
  if (ia->entry == NULL || ib->entry == NULL ||
      (!sketches_meet (&ia->senses_sketch, &ib->senses_sketch) &&
       !sketches_meet (&ia->senses_sketch, &ib->related_sketch) &&
       !sketches_meet (&ib->senses_sketch, &ia->related_sketch)))
    return 0;
  if (senses_meet (ia->entry, ib->entry, 0))
    return SYNONYM_CREDIT;
  if (senses_meet (ia->entry, ib->entry, 1) || senses_meet (ib->entry, ia->entry, 1))
    return DERIVED_CREDIT;
  if (senses_meet (ia->entry, ib->entry, 2) || senses_meet (ib->entry, ia->entry, 2))
    return HYPERNYM_CREDIT;
  return 0;
}

static gboolean
is_wordnet_name (const Space   *space,
                 const Feature *f)
{
  const PxLexiconEntry *entry = g_array_index (space->info, FeatureInfo, f->id).entry;

  return entry != NULL && entry->name;
}

/* A feature of one bag that meets one of the other: where, and its weight
 * on each side. */
typedef struct
{
  guint    pa, pb;
  float    wa, wb;
  gboolean bonus;
  gboolean name;       /* part of a name: no claim on its own */
  gboolean content;    /* neither a name nor a function word */
  gboolean fact;       /* a fact's pseudo-word */
  gboolean measure;    /* what a value measures */
} Match;

#define MAX_MATCHES 96
#define MAX_PART_MATCHES 16
#define MAX_ALONE   32
enum { ALONE_NAME = 1, ALONE_MEASURE = 2 };

/* What two bags share and what they do not. */
typedef struct
{
  Match  matches[MAX_MATCHES];
  guint  n_matches;
  /* where each bag has a name, or what a value measures, that meets
   * nothing on the other side (ALONE_NAME, ALONE_MEASURE) */
  guint  alone_pos[2][MAX_ALONE];
  guint8 alone_kind[2][MAX_ALONE];
  guint  n_alone[2];
  double shared[2];     /* weight of each bag's features that meet the other's */
  double total[2];      /* each bag's norm, with the bonus features shared */
  double names[2];      /* weight of each bag's names that meet nothing */
  gboolean opposed;     /* a word meets nothing but its antonym on the other side */
} Evidence;

/* Whether @f may meet a related word: a content word, no fact, that is
 * long enough for a near form or has WordNet relations. */
static inline gboolean
can_relate (const FeatureInfo *info,
            const Feature     *f)
{
  return !(f->flags & (FEATURE_FACT | FEATURE_STOPWORD)) && info[f->id].soft;
}

/* Records that @fa of the first bag meets @fb of the second, for a
 * credit of @wa and @wb. */
static void
add_match (const Space   *space,
           Evidence      *e,
           const Feature *fa,
           const Feature *fb,
           double         wa,
           double         wb)
{
  guint flags = fa->flags | fb->flags;
  gboolean name = (flags & FEATURE_NAME) != 0 || is_wordnet_name (space, fa);

  e->shared[0] += wa;
  e->shared[1] += wb;
  if (fa->id == fb->id && (fa->flags & FEATURE_BONUS))
    {
      e->total[0] += wa;
      e->total[1] += wb;
    }
  /* function words count in the whole, not in finding the part */
  if (e->n_matches < MAX_MATCHES && !(flags & FEATURE_STOPWORD))
    e->matches[e->n_matches++] = (Match) {
      fa->pos, fb->pos, wa, wb, fa->id == fb->id && (fa->flags & FEATURE_BONUS), name,
      !name && !(flags & (FEATURE_STOPWORD | FEATURE_CAPITAL | FEATURE_FRAME)),
      (fa->flags & FEATURE_FACT) != 0, (fa->flags & FEATURE_MEASURE) != 0
    };
}

/* The same pairs of words meet again and again across the pairs of
 * segments: their relatedness, and whether they are antonyms, are kept in
 * a small cache of the space. */
static const PxAlignRelation *
relation_of (const Space   *space,
             const Feature *fa,
             const Feature *fb)
{
  guint64 key = ((guint64)fa->id << 32 | fb->id) + 1;
  PxAlignRelation *slot = &space->relations[(key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - space->relation_bits)];

  if (slot->key != key)
    {
      const FeatureInfo *info = (const FeatureInfo *)space->info->data;
      const PxLexiconEntry *sa = info[fa->id].entry, *sb = info[fb->id].entry;

      slot->key = key;
      slot->credit = can_relate (info, fa) && can_relate (info, fb) ? compute_relatedness (space, fa, fb) : 0;
      slot->opposed = sa != NULL && sb != NULL && !(fa->flags & FEATURE_STOPWORD) && !(fb->flags & FEATURE_STOPWORD) &&
                      (sa->n_antonyms > 0 || sb->n_antonyms > 0) &&
                      (senses_meet (sa, sb, 3) || senses_meet (sb, sa, 3));
    }
  return slot;
}

/* A quick "these two cannot relate": neither a near form (see
 * near_stems) nor a shared WordNet id is possible. */
static inline gboolean
may_relate (const FeatureInfo *ia,
            const FeatureInfo *ib)
{
  guint la = ia->length, lb = ib->length;

  return (ia->prefix == ib->prefix && la >= 4 && lb >= 4) ||
         (MIN (la, lb) >= 5 && (la > lb ? la - lb : lb - la) <= 2 &&
          __builtin_popcount (ia->letters ^ ib->letters) <= 4) ||
         sketches_meet (&ia->senses_sketch, &ib->senses_sketch) ||
         sketches_meet (&ia->senses_sketch, &ib->related_sketch) ||
         sketches_meet (&ib->senses_sketch, &ia->related_sketch);
}

/* The features the two bags have in common. */
static void
match_same (const Space *space,
            const Bag   *a,
            const Bag   *b,
            Evidence    *e,
            guint8      *taken_a,
            guint8      *taken_b)
{
  guint i = 0, j = 0;

  while (i < a->features->len && j < b->features->len)
    {
      const Feature *fa = &g_array_index (a->features, Feature, i);
      const Feature *fb = &g_array_index (b->features, Feature, j);

      if (fa->id == fb->id)
        {
          add_match (space, e, fa, fb, fa->weight, fb->weight);
          taken_a[i++] = taken_b[j++] = TRUE;
        }
      else if (fa->id < fb->id)
        i++;
      else
        j++;
    }
}

/* Related features among the rest, each feature of @b used once. */
static void
match_related (const Space *space,
               const Bag   *a,
               const Bag   *b,
               Evidence    *e,
               guint8      *taken_a,
               guint8      *taken_b)
{
  const FeatureInfo *info = (const FeatureInfo *)space->info->data;

  for (guint i = 0; i < a->features->len; i++)
    {
      const Feature *fa = &g_array_index (a->features, Feature, i);
      double best = 0;
      guint best_j = 0;

      if (taken_a[i] || !can_relate (info, fa))
        continue;
      for (guint j = 0; j < b->features->len; j++)
        {
          const Feature *fb = &g_array_index (b->features, Feature, j);
          double credit;

          if (taken_b[j] || !can_relate (info, fb) || !may_relate (&info[fa->id], &info[fb->id]))
            continue;
          credit = relation_of (space, fa, fb)->credit * MIN (fa->weight, fb->weight);
          if (credit > best)
            {
              best = credit;
              best_j = j;
            }
        }
      if (best > 0)
        {
          add_match (space, e, fa, &g_array_index (b->features, Feature, best_j), best, best);
          taken_a[i] = taken_b[best_j] = TRUE;
        }
    }
}

/* The value of what the measure matched at @pos measures, left unmatched
 * in @bag: its index, or -1. */
static int
unmatched_value_at (const Bag    *bag,
                    const guint8 *taken,
                    guint         pos)
{
  for (guint k = 0; k < bag->features->len; k++)
    {
      const Feature *f = &g_array_index (bag->features, Feature, k);

      if (!taken[k] && (f->flags & FEATURE_VALUE) && f->pos == pos)
        return k;
    }
  return -1;
}

/* The value a value feature holds: "#v:2012", "#v:2:81.31:", "#r:2:81:". */
static double
feature_value (const Space   *space,
               const Feature *f)
{
  const char *name = g_ptr_array_index (space->names, f->id);
  char *end = NULL;
  double v = g_ascii_strtod (name + 3, &end);

  if (end != NULL && *end == ':')
    v = g_ascii_strtod (end + 1, NULL);
  return v;
}

/* Two close values of one measure ("81.31 % of the vote" counted, "82.45 %
 * of the votes" in an exit poll) state one claim with a differing detail:
 * the values meet at a share of their weight, and the relation reads the
 * difference. */
static void
match_other_values (const Space *space,
                    const Bag   *a,
                    const Bag   *b,
                    Evidence    *e,
                    guint8      *taken_a,
                    guint8      *taken_b)
{
  for (guint m = 0, n = e->n_matches; m < n; m++)
    {
      int ka, kb;

      if (!e->matches[m].measure ||
          (ka = unmatched_value_at (a, taken_a, e->matches[m].pa)) < 0 ||
          (kb = unmatched_value_at (b, taken_b, e->matches[m].pb)) < 0)
        continue;
      {
        const Feature *fa = &g_array_index (a->features, Feature, ka);
        const Feature *fb = &g_array_index (b->features, Feature, kb);
        double w = PX_ALIGN_OTHER_VALUE * MIN (fa->weight, fb->weight);
        double va = fabs (feature_value (space, fa)), vb = fabs (feature_value (space, fb));

        /* far apart, they tell of other things measured alike ("a
         * magnitude of 6.8", "a magnitude 3.9 aftershock"); one set in
         * a year the other is not set in tells of another time ("since
         * 2004, when a 6.3 quake struck", "came to power in 2019 with 70
         * percent") */
        if (MAX (va, vb) > PX_ALIGN_OTHER_VALUE_RATIO * MIN (va, vb) ||
            ((fa->flags ^ fb->flags) & FEATURE_SCOPED))
          continue;
        add_match (space, e, fa, fb, w, w);
        taken_a[ka] = taken_b[kb] = TRUE;
      }
    }
}

/* Whether a word left on one side meets its antonym on the other ("open"
 * against "close"). */
static gboolean
find_opposed (const Space  *space,
              const Bag    *a,
              const Bag    *b,
              const guint8 *taken_a,
              const guint8 *taken_b)
{
  const FeatureInfo *info = (const FeatureInfo *)space->info->data;

  for (guint i = 0; i < a->features->len; i++)
    {
      const Feature *fa = &g_array_index (a->features, Feature, i);

      if (taken_a[i] || info[fa->id].entry == NULL || (fa->flags & FEATURE_STOPWORD))
        continue;
      for (guint j = 0; j < b->features->len; j++)
        {
          const Feature *fb = &g_array_index (b->features, Feature, j);
          const PxLexiconEntry *sb = info[fb->id].entry;

          if (!taken_b[j] && sb != NULL && (info[fa->id].entry->n_antonyms > 0 || sb->n_antonyms > 0) &&
              relation_of (space, fa, fb)->opposed)
            return TRUE;
        }
    }
  return FALSE;
}

/* The names and measures of one side that met nothing. */
static void
find_alone (const Space  *space,
            const Bag    *bag,
            const guint8 *taken,
            Evidence     *e,
            int           side)
{
  for (guint k = 0; k < bag->features->len; k++)
    {
      const Feature *f = &g_array_index (bag->features, Feature, k);
      const char *name = g_ptr_array_index (space->names, f->id);
      guint8 kind = 0;

      if (taken[k])
        continue;
      if ((f->flags & FEATURE_NAME) || is_wordnet_name (space, f))
        {
          e->names[side] += f->weight;
          kind = ALONE_NAME;
        }
      else if (name[0] == '#' && name[1] == 'm')
        kind = ALONE_MEASURE;
      if (kind != 0 && e->n_alone[side] < MAX_ALONE)
        {
          e->alone_pos[side][e->n_alone[side]] = f->pos;
          e->alone_kind[side][e->n_alone[side]++] = kind;
        }
    }
}

static void
pair_evidence (const Space *space,
               const Bag   *a,
               const Bag   *b,
               gboolean     claims,
               Evidence    *e)
{
  guint na = a->features->len, nb = b->features->len;
  guint8 stack_a[256], stack_b[256];
  g_autofree guint8 *heap = NULL;
  guint8 *taken_a = stack_a, *taken_b = stack_b;

  e->n_matches = 0;
  e->n_alone[0] = e->n_alone[1] = 0;
  e->shared[0] = e->shared[1] = 0;
  e->names[0] = e->names[1] = 0;
  e->total[0] = a->norm;
  e->total[1] = b->norm;
  if (na > G_N_ELEMENTS (stack_a) || nb > G_N_ELEMENTS (stack_b))
    {
      heap = g_malloc (na + nb);
      taken_a = heap;
      taken_b = heap + na;
    }
  memset (taken_a, 0, na);
  memset (taken_b, 0, nb);

  match_same (space, a, b, e, taken_a, taken_b);
  match_related (space, a, b, e, taken_a, taken_b);
  /* (two sentences that give one measure two values are less alike, but
   * state one claim) */
  if (claims)
    match_other_values (space, a, b, e, taken_a, taken_b);
  e->opposed = find_opposed (space, a, b, taken_a, taken_b);
  find_alone (space, a, taken_a, e, 0);
  find_alone (space, b, taken_b, e, 1);
}

static int
compare_matches (gconstpointer x,
                 gconstpointer y)
{
  const Match *a = x, *b = y;

  if (a->pa != b->pa)
    return a->pa < b->pa ? -1 : 1;
  return a->pb < b->pb ? -1 : a->pb > b->pb;
}

/* What the parts [a_first, a_last] and [b_first, b_last] each have alone:
 * a name on both sides ("Broadcom bought CA", "Broadcom bid for
 * Qualcomm"), or a measure on both sides ("40 % higher than the price",
 * "a 40 % stake"), makes them less likely one claim. */
static double
span_contrast (const Evidence *e,
               guint           a_first,
               guint           a_last,
               guint           b_first,
               guint           b_last)
{
  guint first[2] = { a_first, b_first }, last[2] = { a_last, b_last };
  guint8 kinds[2] = { 0, 0 };
  double factor = 1.0;

  for (int side = 0; side < 2; side++)
    for (guint k = 0; k < e->n_alone[side]; k++)
      if (e->alone_pos[side][k] >= first[side] && e->alone_pos[side][k] <= last[side])
        kinds[side] |= e->alone_kind[side][k];
  if (kinds[0] & kinds[1] & ALONE_NAME)
    factor *= PX_ALIGN_PART_NAME_CONTRAST;
  if (kinds[0] & kinds[1] & ALONE_MEASURE)
    factor *= PX_ALIGN_PART_MEASURE_CONTRAST;
  return factor;
}

/* 1 when name match @m, in order of position, opens a name of its own:
 * "Nursultan Nazarbayev" is one name, not two. *end is the position
 * after the name before, G_MAXUINT for none. */
static guint
count_name (const Match *m,
            guint       *end)
{
  gboolean new_name = *end == G_MAXUINT || (m->pa != *end && m->pa + 1 != *end);

  *end = m->pa + 1;
  return new_name ? 1 : 0;
}

/* How far @n_said shared words that say what happened, weighing @said,
 * and @n_names shared names make a claim: one word in common
 * ("country") is none, one between two names ("Broadcom buys VMware")
 * nearly one. */
static double
said_factor (double said,
             guint  n_said,
             guint  n_names)
{
  if (said >= PX_ALIGN_PART_SAID && n_said >= 2)
    return 1.0;
  return n_said >= 1 && n_names >= 2 ? PX_ALIGN_PART_WHO_DID : 0.5;
}

/* A stretch that scores nearly as well as the best one so far. */
typedef struct
{
  double score, shared;
  Span   span;
} Stretch;

#define MAX_NEAR 8

/* Keeps @s among the (at most MAX_NEAR) near-best stretches: in place of
 * one that no longer scores near @best, or of the one that shares least. */
static void
keep_near (Stretch       *near,
           guint         *n_near,
           const Stretch *s,
           double         best)
{
  guint k, worst = 0;

  if (*n_near < MAX_NEAR)
    {
      near[(*n_near)++] = *s;
      return;
    }
  for (k = 0; k < MAX_NEAR; k++)
    {
      if (near[k].score < PX_ALIGN_PART_WIDEN * best)
        break;
      if (near[k].shared < near[worst].shared)
        worst = k;
    }
  if (k < MAX_NEAR)
    near[k] = *s;
  else if (near[worst].shared < s->shared)
    near[worst] = *s;
}

/* The best-scoring stretch of matches: for every run of matches
 * contiguous in @a, the stretch of @b they fall in, scored as the
 * weighted overlap of the two stretches, scaled down while the shared
 * weight is small (one shared word is no claim). Returns its score; *span
 * is the part a link shows: of the stretches that score nearly as well
 * (PX_ALIGN_PART_WIDEN of it), the one that shares the most. */
static double
best_span (const Bag *a,
           const Bag *b,
           Evidence  *e,
           Span      *span)
{
  double best = 0, best_shared = 0;
  Stretch near[MAX_NEAR];
  guint n_near = 0;

  for (guint i = 0; i < e->n_matches; i++)
    {
      double ma = 0, mb = 0, bonus_a = 0, bonus_b = 0, said = 0;
      guint lo = G_MAXUINT, hi = 0, n_said = 0, n_names = 0, name_end = G_MAXUINT;

      /* a part states one claim: a few shared words, not dozens */
      for (guint j = i; j < e->n_matches && j < i + MAX_PART_MATCHES; j++)
        {
          const Match *m = &e->matches[j];
          double mass, score;

          ma += m->wa;
          mb += m->wb;
          if (m->content)
            {
              said += m->wa + m->wb;
              /* a shared value says what happened on its own */
              n_said += m->fact ? 2 : 1;
            }
          else if (m->name)
            n_names += count_name (m, &name_end);
          if (m->bonus)
            {
              bonus_a += m->wa;
              bonus_b += m->wb;
            }
          lo = MIN (lo, m->pb);
          hi = MAX (hi, m->pb);
          mass = a->mass[m->pa + 1] - a->mass[e->matches[i].pa] + bonus_a +
                 b->mass[hi + 1] - b->mass[lo] + bonus_b;
          if (mass <= 0)
            continue;
          score = MIN (1.0, (ma + mb) / mass) * MIN (1.0, (ma + mb) / PX_ALIGN_PART_MASS);
          score *= said_factor (said, n_said, n_names);
          /* mostly names and dates in common: a topic, not a claim */
          score *= MIN (1.0, said / (ma + mb) / PX_ALIGN_PART_SAID_SHARE);
          /* of two parts that score alike, the one that shares more */
          if (score < PX_ALIGN_PART_WIDEN * best - 1e-6)
            continue;
          score *= span_contrast (e, e->matches[i].pa, m->pa, lo, hi);
          if (score > best + 1e-6 || (score > best - 1e-6 && ma + mb > best_shared))
            {
              best = score;
              best_shared = ma + mb;
            }
          if (score >= PX_ALIGN_PART_WIDEN * best - 1e-6)
            keep_near (near, &n_near, &(Stretch) { score, ma + mb, { e->matches[i].pa, m->pa, lo, hi } }, best);
        }
    }
  for (guint k = 0, widest = G_MAXUINT; k < n_near; k++)
    if (near[k].score >= PX_ALIGN_PART_WIDEN * best - 1e-6 &&
        (widest == G_MAXUINT || near[k].shared > near[widest].shared))
      {
        widest = k;
        *span = near[k].span;
      }
  return best;
}

/* The link score of two bags: the overlap of the whole segments, or, with
 * @parts, of the parts that state one claim when that is higher. *span
 * (may be NULL) receives the parts. Without @parts it is how alike the
 * two segments are as wholes (what STS-B rates). */
double
px_align_pair_score (const Space *space,
                     const Bag   *a,
                     const Bag   *b,
                     gboolean     parts,
                     Span        *span)
{
  Evidence e;
  Span part = { 0, a->n_tokens - 1, 0, b->n_tokens - 1 };
  double denom, score, partial;

  pair_evidence (space, a, b, parts, &e);
  /* in order of position in @a: the names' runs and the parts read so */
  qsort (e.matches, e.n_matches, sizeof (Match), compare_matches);
  denom = e.total[0] + e.total[1];
  if (denom <= 0)
    return 0;
  score = (e.shared[0] + e.shared[1]) / denom;
  if (e.names[0] > 0 && e.names[1] > 0)
    score *= NAME_CONTRAST;
  if (span != NULL)
    *span = part;
  if (parts)
    {
      double shared = 0, said = 0;
      guint n_said = 0, n_names = 0, name_end = G_MAXUINT;

      for (guint k = 0; k < e.n_matches; k++)
        {
          shared += e.matches[k].wa + e.matches[k].wb;
          if (e.matches[k].content)
            {
              said += e.matches[k].wa + e.matches[k].wb;
              n_said += e.matches[k].fact ? 2 : 1;
            }
          else if (e.matches[k].name)
            n_names += count_name (&e.matches[k], &name_end);
        }
      /* to link, whole sentences too must share what happened, not only
       * who and when (the sentence score of similarity stays as it is) */
      score *= said_factor (said, n_said, n_names);
      /* no part scores more than its shared weight allows */
      parts = MIN (1.0, shared / PX_ALIGN_PART_MASS) > score;
    }
  partial = parts ? best_span (a, b, &e, &part) : 0;
  if (partial > score)
    {
      score = partial;
      if (span != NULL)
        *span = part;
    }
  if (e.opposed)
    score *= ANTONYM_CONTRAST;
  return CLAMP (score, 0.0, 1.0);
}

gboolean
px_align_words_relate (const Space *space,
                       guint        a,
                       guint        b)
{
  const FeatureInfo *info = (const FeatureInfo *)space->info->data;
  Feature fa = { a, 1, 0, 0 }, fb = { b, 1, 0, 0 };
  const PxAlignRelation *relation;

  if (a >= space->info->len || b >= space->info->len || !can_relate (info, &fa) || !can_relate (info, &fb) ||
      !may_relate (&info[a], &info[b]))
    return FALSE;
  relation = relation_of (space, &fa, &fb);
  return relation->credit > 0 && !relation->opposed;
}
