/* px-align-private.h: the aligner's stages and what they share
 *
 * Links are made in named stages, each in its own file:
 *   features   (px-align-features.c)   every content segment becomes a bag
 *                                       of weighted features
 *   scoring    (px-align-score.c)      what two bags share, as wholes and
 *                                       as the parts that state one claim
 *   candidates (px-align-candidates.c) which pairs of segments to score
 *   selection  (px-align-select.c)     which scored pairs become links
 *   relation   (px-align-relation.c)   a link's part, relation and diff
 *   diff       (px-align-diff.c)       the word diff inside a link
 * px-align-links.c runs them; px-align.c builds claims from the links.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-align.h"
#include "px-facts.h"
#include "px-lexicon-data.h"

G_BEGIN_DECLS

/* ---- weights and thresholds ----
 *
 * Scores at or above PX_ALIGN_LINK link two segments as one claim; a best
 * candidate between PX_ALIGN_RELATED and it is "related". The whole-
 * sentence weights were chosen on STS-B train and dev news without their
 * MSRP rows; the parts, the many-to-many choice and the thresholds on the
 * real news clusters of ../shared/bench/clusters (never on MSRP). */
#define PX_ALIGN_LINK            0.62
#define PX_ALIGN_LINK_LOW        0.76   /* low sensitivity: close rewordings only */
#define PX_ALIGN_LINK_HIGH       0.50   /* high: also looser paraphrases */
#define PX_ALIGN_RELATED         0.31
#define PX_ALIGN_SAME            0.85   /* share of equal content words for "same" */
/* Two segments that both link to a third one link down to this score. */
#define PX_ALIGN_CLOSE           0.45
#define PX_ALIGN_NEIGHBOUR_BONUS 0.08
/* The lead of an article: its first segments (headline, standfirst,
 * first sentence), which state its main claim. Two leads' score rises by
 * the bonus. */
#define PX_ALIGN_LEAD            3
#define PX_ALIGN_LEAD_BONUS      0.2
#define PX_ALIGN_STOPWORD_WEIGHT 0.12
#define PX_ALIGN_FACT_WEIGHT     2.0
/* Two values of one measure that differ, as a share of their weight. */
#define PX_ALIGN_OTHER_VALUE     0.5
#define PX_ALIGN_OTHER_VALUE_RATIO 1.25
/* A small count ("ten", "69") or zero: a shared value that says little. */
#define PX_ALIGN_SMALL_VALUE     0.3
/* A small count of something ("a three-year term", "three decades"):
 * more than a bare number, less than a rare value. */
#define PX_ALIGN_SMALL_QUANTITY  0.75
/* the year of a date with a month, beside the year alone, of a fact's weight */
#define PX_ALIGN_DATE_YEAR       1.0
/* A value near another (the same to two significant digits), as a share
 * of an equal one: the rounded value weighs as much as the exact one,
 * which then only adds when it is shared too. */
#define PX_ALIGN_NEAR_VALUE      1.0
/* How much a feature's rarity among the compared segments weighs beside
 * its rarity in English. */
#define PX_ALIGN_SET_RARITY      0.3
/* A part scores in full once the words it shares weigh this much. */
#define PX_ALIGN_PART_MASS       6.0
/* A part needs shared words that say what happened (no names, titles,
 * dates or reporting verbs) weighing this much, or it scores half... */
#define PX_ALIGN_PART_SAID       1.5
/* ...and at least this share of what it shares. */
#define PX_ALIGN_PART_SAID_SHARE 0.15
/* ...but a part that shares one such word between two names ("Broadcom
 * buys VMware") scores this share. */
#define PX_ALIGN_PART_WHO_DID    0.8
/* A part that names someone, or measures something, the other's part does
 * not. */
#define PX_ALIGN_PART_NAME_CONTRAST    0.9
#define PX_ALIGN_PART_MEASURE_CONTRAST 0.85
/* Clutter that repeats its article (a headline printed again, a pull
 * quote): this many words in a row of a content segment, covering this
 * share of its words. */
#define PX_ALIGN_ECHO_RUN        6
#define PX_ALIGN_ECHO_SHARE      0.6
/* A link shows the part that shares the most of those that score this
 * share of the best. */
#define PX_ALIGN_PART_WIDEN      0.9
/* Tokens a part reaches beyond its shared words, inside its clause. */
#define PX_ALIGN_PART_REACH      2

/* ---- features ---- */

enum
{
  FEATURE_STOPWORD = 1 << 0,   /* a function word */
  FEATURE_NAME     = 1 << 1,   /* (part of) a name: a person, place, organization */
  FEATURE_FACT     = 1 << 2,   /* a fact's pseudo-word */
  FEATURE_BONUS    = 1 << 3,   /* counts when shared, is no difference when not */
  FEATURE_CAPITAL  = 1 << 4,   /* capitalized inside a sentence: a name or a title */
  FEATURE_FRAME    = 1 << 5,   /* frames a claim, states none: a date, a time, "said" */
  FEATURE_VALUE    = 1 << 6,   /* the value of a number, an amount or a share, as it counts */
  FEATURE_MEASURE  = 1 << 7,   /* what a value measures ("#m:…") */
  FEATURE_SCOPED   = 1 << 8,   /* a value set in a year of its own ("in 2004, a 6.3 quake") */
};

typedef struct
{
  guint  id;
  float  weight;
  guint  flags;
  guint  pos;          /* first token of the feature, from the segment's first */
} Feature;

typedef struct
{
  guint      doc;
  guint      segment;
  guint      echo_of;     /* the content segment this clutter repeats, or G_MAXUINT */
  gboolean   caption;     /* about a picture: never the lead of its article */
  GArray    *features;    /* Feature, sorted by id, unique */
  double     norm;        /* sum of weights, bonus features left out */
  GPtrArray *facts;       /* PxFact* in the segment (borrowed) */
  GArray    *diff_tokens; /* made for the first link of the segment */
  guint      first_token; /* the segment's first token in the document */
  guint      n_tokens;
  guint      cur_pos;     /* while the bag is made: the token being added */
  double    *mass;        /* n_tokens + 1 prefix sums of the weights by position, bonus left out */
} Bag;

/* A set of WordNet ids as 256 hashed bits: when two sketches share no
 * bit, the sets share no id. */
typedef struct
{
  guint64 bits[4];
} Sketch;

static inline void
sketch_add (Sketch *sketch,
            guint   id)
{
  guint bit = (id * 2654435761u) >> 24;

  sketch->bits[bit >> 6] |= G_GUINT64_CONSTANT (1) << (bit & 63);
}

static inline gboolean
sketches_meet (const Sketch *a,
               const Sketch *b)
{
  return ((a->bits[0] & b->bits[0]) | (a->bits[1] & b->bits[1]) |
          (a->bits[2] & b->bits[2]) | (a->bits[3] & b->bits[3])) != 0;
}

/* What the space knows of each feature, looked up once. */
typedef struct
{
  const PxLexiconEntry *entry;   /* NULL for pseudo-words and unknown words */
  float                 rarity;
  guint                 length;  /* bytes of the feature string */
  guint32               letters; /* one bit per letter a–z it uses, bit 26 for any other byte */
  guint32               prefix;  /* its first four bytes */
  gboolean              soft;    /* may meet a related word at all: a near form or a WordNet relation */
  /* one bit per WordNet id, hashed, of the word's senses, and of the
   * senses it derives from or is a kind of: a quick "nothing meets" */
  Sketch                senses_sketch;
  Sketch                related_sketch;
} FeatureInfo;

typedef struct _PxAlignLexicon PxAlignLexicon;

/* How two features relate, kept once computed (px-align-score.c). */
typedef struct
{
  guint64  key;       /* (first id << 32 | second id) + 1; 0 for an empty slot */
  float    credit;    /* 0 when they do not relate */
  gboolean opposed;   /* antonyms */
} PxAlignRelation;

/* The cache's size: 1 << relation_bits slots, relation_bits at most
 * PX_ALIGN_RELATION_BITS; a small vocabulary gets a small cache. */
#define PX_ALIGN_RELATION_BITS 16

typedef struct
{
  PxAlignLexicon *lex;
  GHashTable     *vocabulary;  /* feature string → id + 1 */
  GPtrArray      *names;       /* id → feature string */
  GArray         *set_df;      /* id → number of bags having it (guint) */
  GArray         *info;        /* id → FeatureInfo */
  PxAlignRelation *relations;  /* 1 << relation_bits slots, a cache; made by the first px_align_bag_finish () */
  guint           relation_bits;
} Space;

Space      *px_align_space_new          (void);
void        px_align_space_free         (Space       *space);
guint       px_align_feature_id         (Space       *space,
                                         const char  *key);
const char *px_align_canonical_stem     (Space       *space,
                                         const char  *stem);
gboolean    px_align_is_content_segment (const PxSegment *seg);
/* The bag of segments @first to @last (usually one) of @document, the
 * @doc-th document; @facts are the document's, sorted by start. */
Bag        *px_align_bag_new            (Space       *space,
                                         PxDocument  *document,
                                         guint        doc,
                                         guint        first,
                                         guint        last,
                                         GPtrArray   *facts);
void        px_align_bag_free           (Bag         *bag);
/* Final weights: times the rarity of each feature among @n_bags. */
void        px_align_bag_finish         (Space       *space,
                                         Bag         *bag,
                                         guint        n_bags);
/* One bag per content segment of every document, weighed over the set;
 * (*bag_start)[d] is document d's first bag, n_docs + 1 entries. */
GPtrArray  *px_align_bags_new           (Space       *space,
                                         GPtrArray   *documents,
                                         GPtrArray   *facts,
                                         guint      **bag_start);

/* ---- scoring ---- */

/* The part of each segment that states what they share: token offsets
 * from each bag's first token, last ones included. */
typedef struct
{
  guint a_first, a_last;
  guint b_first, b_last;
} Span;

/* The overlap of two bags as wholes, or, with @parts, of the parts that
 * state one claim when that is higher; *span (may be NULL) receives the
 * parts. */
double      px_align_pair_score         (const Space *space,
                                         const Bag   *a,
                                         const Bag   *b,
                                         gboolean     parts,
                                         Span        *span);
/* Whether two content words (feature ids) say about the same: near forms
 * or related WordNet senses, as the scorer reads them. */
gboolean    px_align_words_relate       (const Space *space,
                                         guint        a,
                                         guint        b);

/* ---- candidates and selection ---- */

typedef struct
{
  guint    a, b;      /* bag indices, a < b */
  double   score;
  gboolean closed;    /* below the threshold, but both link to one third segment */
  Span     span;      /* the parts of a's and b's segments that state the claim */
} Candidate;

int         px_align_compare_candidates (gconstpointer x,
                                         gconstpointer y);
int         px_align_compare_pairs      (gconstpointer x,
                                         gconstpointer y);

/* A segment links to at most this many other sources when there are more
 * than PX_ALIGN_MAX_LINKED_SOURCES + 1 ("wide" sets). */
#define PX_ALIGN_MAX_LINKED_SOURCES 12

/* Scored pairs of segments of different documents, sorted by pair, or
 * NULL when cancelled. Reports progress from 0 to @progress_end. */
GArray     *px_align_find_candidates    (Space         *space,
                                         GPtrArray     *bags,
                                         const guint   *bag_start,
                                         guint          n_docs,
                                         GCancellable  *cancellable,
                                         PxProgressFunc progress,
                                         gpointer       progress_data,
                                         double         progress_end);
/* Neighbouring candidates reinforce each other; two segments that link to
 * one third segment link at a lower score. @candidates sorted by pair. */
void        px_align_reinforce          (GArray        *candidates,
                                         GPtrArray     *bags,
                                         gboolean       wide,
                                         double         threshold);
/* The links among @candidates (sorted by score on return), or NULL when
 * cancelled. Reports progress from @progress_start to 1. */
GPtrArray  *px_align_select_links       (Space         *space,
                                         GPtrArray     *documents,
                                         GPtrArray     *bags,
                                         GArray        *candidates,
                                         double         threshold,
                                         GCancellable  *cancellable,
                                         PxProgressFunc progress,
                                         gpointer       progress_data,
                                         double         progress_start);

/* ---- relation and diff ---- */

/* A link between two bags of a candidate: its parts, relation and word
 * diff. */
PxLink     *px_align_make_link          (Space           *space,
                                         GPtrArray       *documents,
                                         GPtrArray       *bags,
                                         const Candidate *candidate,
                                         gboolean         related);
/* The word diff of the parts @range (a_start, a_end, b_start, b_end) of
 * two bags' segments; *equal_content is the share of their content words
 * that are equal. */
GArray     *px_align_word_diff          (Space       *space,
                                         PxDocument  *da,
                                         Bag         *bag_a,
                                         PxDocument  *db,
                                         Bag         *bag_b,
                                         const guint  range[4],
                                         double      *equal_content);

G_END_DECLS
