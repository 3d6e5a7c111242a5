/* px-align-features.c: the first stage of the aligner: segments as bags of features
 *
 * Every content segment becomes a bag of weighted features: the stems of
 * its content words (mapped through a small table of equivalent words),
 * and pseudo-words for its facts (a value, what it measures, a date, a
 * name). A word weighs by its rarity in English (a background frequency
 * table) and in the compared set; each feature keeps the token where it
 * first stands, so that scoring can find the part of a sentence that
 * states a claim.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-align"

#include "config.h"

#include <stdlib.h>

#include <math.h>
#include <string.h>

#include "px-facts-private.h"
#include "px-normalize.h"
#include "px-align-private.h"

/* Words that state the same thing in news prose, written for this project.
 * Each group maps to its first word. */
static const char * const equivalents[][8] = {
  { "say", "said", "stated", "announce", "declare", "note", "told", NULL },
  { "say", "stress", "emphasize", "emphasise", "underline", "point", "remark", "add" },
  { "early", "snap", "extraordinary", "premature", NULL },
  { "pursue", "conduct", "follow", "implement", NULL },
  { "more", "over", "above", "exceed", NULL },
  { "less", "under", "below", "fewer", NULL },
  { "about", "around", "approximately", "roughly", "nearly", "almost", "some", NULL },
  { "begin", "start", "commence", "open", "launch", NULL },
  { "end", "finish", "close", "conclude", NULL },
  { "seek", "aim", "strive", "try", "attempt", "intend", "plan", NULL },
  { "rise", "increase", "grow", "climb", "jump", "gain", "surge", NULL },
  { "fall", "decrease", "drop", "decline", "fell", "slump", "plunge", NULL },
  { "buy", "purchase", "acquire", NULL },
  { "big", "large", "major", "huge", NULL },
  { "country", "nation", "state", NULL },
  { "vote", "ballot", "poll", NULL },
  { "election", "elections", "vote", NULL },
  { "turnout", "participation", "participate", NULL },
  { "talk", "negotiation", "negotiate", NULL },
  { "meet", "meeting", "met", NULL },
  { "help", "assist", "aid", "support", NULL },
  { "kill", "dead", "death", "die", "died", NULL },
  { "show", "reveal", "indicate", "suggest", NULL },
  { "obliged", "must", "need", "have", "require", NULL },
  { "think", "believe", "consider", NULL },
  { "win", "won", "victory", NULL },
  { "propose", "suggest", "offer", NULL },
  { "involve", "invest", "put", NULL },
  { "strengthen", "reinforce", "bolster", "boost", NULL },
  { "cooperation", "collaboration", "partnership", NULL },
  { "government", "authorities", "administration", NULL },
  { "nominate", "register", "field", NULL },
  { "arrest", "detain", "apprehend", "hold", NULL },
  { "prisoner", "inmate", "detainee", "convict", NULL },
  { "prison", "jail", "penitentiary", NULL },
  { "dismiss", "sack", "fire", "oust", NULL },
  { "resign", "quit", "step", NULL },
  { "protest", "demonstration", "rally", "demonstrate", NULL },
  { "clash", "fight", "battle", "skirmish", NULL },
  { "company", "firm", "business", "corporation", NULL },
  { "head", "chief", "leader", NULL },
  { "accuse", "charge", "indict", NULL },
  { "attack", "assault", "strike", "raid", NULL },
  { "blast", "explosion", "explode", "bomb", NULL },
  { "child", "kid", "children", "kids", NULL },
  { "car", "vehicle", "automobile", NULL },
  { "cut", "reduce", "lower", "slash", "trim", NULL },
  { "criticize", "criticise", "slam", "condemn", "blast", NULL },
  { "ban", "prohibit", "outlaw", "bar", NULL },
  { "computer", "pc", "pcs", "machine", NULL },
  { "injure", "wound", "hurt", NULL },
  { "sign", "agree", "accord", "deal", "agreement", NULL },
  { "warn", "caution", NULL },
  { "probe", "investigation", "inquiry", "investigate", NULL },
  { "official", "authority", "officer", NULL },
  { "lawmaker", "legislator", "mp", "deputy", NULL },
  { "sentence", "jail", "convict", NULL },
  { "quake", "earthquake", "tremor", NULL },
  { "vow", "pledge", "promise", NULL },
};

struct _PxAlignLexicon
{
  GHashTable *equivalent;   /* stem → canonical stem */
};

static char *
stem_word (const char *word)
{
  g_autofree char *norm = px_normalize_word (word, -1);

  return px_stem_word (norm, -1);
}

static gpointer
load_lexicon (gpointer data)
{
  PxAlignLexicon *lex = g_new0 (PxAlignLexicon, 1);

  lex->equivalent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint g = 0; g < G_N_ELEMENTS (equivalents); g++)
    {
      g_autofree char *canonical = stem_word (equivalents[g][0]);

      for (guint w = 1; w < G_N_ELEMENTS (equivalents[g]) && equivalents[g][w] != NULL; w++)
        {
          char *stem = stem_word (equivalents[g][w]);

          if (!g_hash_table_contains (lex->equivalent, stem))
            g_hash_table_insert (lex->equivalent, stem, g_strdup (canonical));
          else
            g_free (stem);
        }
    }
  return lex;
}

static PxAlignLexicon *
lexicon_get (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_lexicon, NULL);
}

const char *
px_align_canonical_stem (Space      *space,
                         const char *stem)
{
  const char *c = g_hash_table_lookup (space->lex->equivalent, stem);

  return c != NULL ? c : stem;
}

/* How much a word says in English at large: about 0.2 for the commonest,
 * 1 for words the background never saw (names, rare terms). */
static double
rarity (const PxLexiconEntry *entry)
{
  guint count = entry != NULL ? entry->count : 0;
  double info = log (px_lexicon_total / (count + 1.0));
  /* the information of the word, scaled so that an unseen word weighs 1 */
  return MAX (info, 0.0) / log (px_lexicon_total);
}

/* ---- bags ---- */

guint
px_align_feature_id (Space      *space,
                     const char *key)
{
  gpointer v = g_hash_table_lookup (space->vocabulary, key);

  if (v == NULL)
    {
      char *copy = g_strdup (key);
      FeatureInfo info = { NULL, 1.0f, strlen (key), 0, 0, FALSE, { { 0, } }, { { 0, } } };

      for (const char *c = key; *c != '\0'; c++)
        info.letters |= 1u << (*c >= 'a' && *c <= 'z' ? *c - 'a' : 26);
      memcpy (&info.prefix, key, MIN (info.length, sizeof info.prefix));
      if (key[0] != '#')
        {
          const PxLexiconEntry *e = info.entry = px_lexicon_find (key);

          info.rarity = rarity (e);
          info.soft = info.length >= 4 || (e != NULL && e->n_senses + e->n_derived + e->n_hypernyms > 0);
          for (guint k = 0; e != NULL && k < e->n_senses + e->n_derived + e->n_hypernyms; k++)
            sketch_add (k < e->n_senses ? &info.senses_sketch : &info.related_sketch,
                        px_lexicon_senses[e->first_sense + k]);
        }
      g_ptr_array_add (space->names, copy);
      g_array_append_val (space->info, info);
      v = GUINT_TO_POINTER (space->names->len);
      g_hash_table_insert (space->vocabulary, copy, v);
      g_array_set_size (space->set_df, space->names->len);
    }
  return GPOINTER_TO_UINT (v) - 1;
}

static void
bag_add (Bag    *bag,
         guint   id,
         double  weight,
         guint   flags)
{
  for (guint i = 0; i < bag->features->len; i++)
    {
      Feature *f = &g_array_index (bag->features, Feature, i);

      if (f->id == id)
        {
          f->weight = MAX (f->weight, weight);
          f->flags |= flags;
          return;
        }
    }
  g_array_append_val (bag->features, ((Feature) { id, weight, flags, bag->cur_pos }));
}

static int
compare_features (gconstpointer a,
                  gconstpointer b)
{
  guint ia = ((const Feature *)a)->id, ib = ((const Feature *)b)->id;

  return ia < ib ? -1 : ia > ib;
}

/* The significant digits of @v, up to six. */
static guint
significant_digits (double v)
{
  guint64 n;
  guint digits = 6;

  v = fabs (v);
  if (isnan (v) || v == 0)
    return 0;
  while (v >= 1e6)
    v /= 10;
  while (v < 1e5)
    v *= 10;
  for (n = (guint64)llround (v); n > 0 && n % 10 == 0 && digits > 1; n /= 10)
    digits--;
  return digits;
}

static gboolean
is_small_count (double value)
{
  return fabs (value) < 100 && value == floor (value);
}

/* How much a shared value says that two sentences state one claim: a
 * small count ("ten", "69") recurs in unrelated sentences, a small count
 * of something ("three years") often, other values (2,012; 81.31 %;
 * $142.50) hardly ever. */
static double
value_weight (const PxFact *fact)
{
  double v = fabs (fact->value);

  if (isnan (v) || v == 0 || (fact->kind == PX_FACT_NUMBER && is_small_count (v)))
    return PX_ALIGN_FACT_WEIGHT * PX_ALIGN_SMALL_VALUE;
  if (fact->kind == PX_FACT_QUANTITY && is_small_count (v))
    return PX_ALIGN_FACT_WEIGHT * PX_ALIGN_SMALL_QUANTITY;
  return PX_ALIGN_FACT_WEIGHT;
}

static void
add_fact_features (Space        *space,
                   Bag          *bag,
                   const PxFact *fact)
{
  g_autofree char *key = NULL;
  g_autofree char *measure = NULL;
  g_autofree char *year = NULL;
  double weight = PX_ALIGN_FACT_WEIGHT;
  gboolean near, scoped = fact->scope != NULL;

  switch (fact->kind)
    {
    case PX_FACT_NUMBER:
    case PX_FACT_MONEY:
    case PX_FACT_PERCENT:
    case PX_FACT_QUANTITY:
      weight = value_weight (fact);
      /* a count meets the same count of other words ("40 bodies", "40
       * people"): those words count on their own */
      if (!isnan (fact->value) && (fact->kind == PX_FACT_NUMBER || fact->kind == PX_FACT_QUANTITY))
        key = g_strdup_printf ("#v:%.6g", fact->value);
      else if (!isnan (fact->value))
        key = g_strdup_printf ("#v:%d:%.6g:%s", fact->kind, fact->value,
                               fact->currency ? fact->currency : fact->unit ? fact->unit : "");
      if (fact->measure != NULL)
        measure = g_strdup_printf ("#m:%d:%s", fact->kind, fact->measure);
      break;
    case PX_FACT_DATE:
      if (fact->date != NULL && strlen (fact->date) >= 7)
        {
          /* the month and the day; the year is often inferred or left out */
          const char *md = fact->date[0] == '-' ? fact->date + 2 : fact->date + 5;

          key = g_strdup_printf ("#d:%s", md);
          /* a year the text writes meets the year alone ("March 2019",
           * "in 2019") */
          if (fact->date[0] != '-' && !fact->year_inferred)
            bag_add (bag, px_align_feature_id (space, year = g_strdup_printf ("#y:%.4s", fact->date)),
                     PX_ALIGN_FACT_WEIGHT * PX_ALIGN_DATE_YEAR, FEATURE_FACT | FEATURE_FRAME);
          if (strlen (md) > 2)
            measure = g_strdup_printf ("#d:%.2s", md);
          else
            weight = 0.5;   /* a month alone recurs in unrelated sentences */
        }
      else if (fact->date != NULL)
        key = g_strdup_printf ("#y:%s", fact->date);
      break;
    case PX_FACT_PERSON:
    case PX_FACT_ORGANIZATION:
    case PX_FACT_PLACE:
      /* the words of a name count already; an acronym meets its full name here */
      if (fact->name != NULL && (fact->alias != NULL || strcmp (fact->text, fact->name) != 0))
        {
          g_autofree char *lower = g_utf8_strdown (fact->name, -1);

          key = g_strdup_printf ("#e:%s", lower);
          weight = 0.6;
        }
      break;
    case PX_FACT_TIME:
      if (fact->time != NULL)
        key = g_strdup_printf ("#t:%s", fact->time);
      break;
    case PX_FACT_QUOTE:
      /* who said it: two quotes of one speaker may be one quote */
      if (fact->speaker != NULL)
        {
          g_autofree char *lower = g_utf8_strdown (fact->speaker, -1);

          key = g_strdup_printf ("#q:%s", lower);
          weight = 0.6;
        }
      break;
    case PX_FACT_ORDINAL:
    case PX_N_FACT_KINDS:
    default:
      break;
    }
  /* a value to two significant digits: 81.31 % meets 81.3 % and 81.21 %,
   * 2,012 meets "more than 2,000", 69 % meets 69.44 % (one claim, a detail
   * may differ); the exact value then only adds when it is shared too. A
   * round value ("40 %") and a small count ("nearly three decades") are
   * left as they are: they meet too much */
  near = key != NULL && key[1] == 'v' && weight >= PX_ALIGN_FACT_WEIGHT &&
         ((fact->qualifier != PX_QUALIFIER_NONE && !is_small_count (fact->value)) ||
          significant_digits (fact->value) > 1);

  /* the words of a name or of what a value measures count already: their
   * canonical forms are evidence when shared, and no difference when not */
  if (key != NULL)
    bag_add (bag, px_align_feature_id (space, key), weight,
             FEATURE_FACT | (key[1] == 'e' || key[1] == 'q' ? FEATURE_BONUS | FEATURE_NAME : 0) |
             (near ? FEATURE_BONUS : key[1] == 'v' ? FEATURE_VALUE : 0) |
             (key[1] == 'v' && scoped ? FEATURE_SCOPED : 0) |
             (strchr ("dyt", key[1]) != NULL ? FEATURE_FRAME : 0));
  if (measure != NULL)
    bag_add (bag, px_align_feature_id (space, measure), 0.5,
             FEATURE_FACT | (measure[1] == 'm' ? FEATURE_BONUS | FEATURE_MEASURE : FEATURE_FRAME));
  if (near)
    {
      g_autofree char *rounded = g_strdup_printf ("#r:%d:%.2g:%s",
                                                  fact->kind == PX_FACT_QUANTITY ? PX_FACT_NUMBER : fact->kind,
                                                  fact->value, fact->currency ? fact->currency : "");

      bag_add (bag, px_align_feature_id (space, rounded), PX_ALIGN_FACT_WEIGHT * PX_ALIGN_NEAR_VALUE,
               FEATURE_FACT | FEATURE_VALUE | (scoped ? FEATURE_SCOPED : 0));
    }
}

gboolean
px_align_is_content_segment (const PxSegment *seg)
{
  return seg->kind != PX_SEGMENT_BOILERPLATE && seg->n_tokens > 0;
}

/* A word the lexicon knows, and not as a name: in a headline in title
 * case, "Acquires" of "Broadcom Acquires VMware" is no part of a name
 * even where the facts read one capitalized run. */
static gboolean
is_common_word (Space      *space,
                const char *stem)
{
  guint id = px_align_feature_id (space, px_align_canonical_stem (space, stem));
  const PxLexiconEntry *entry = g_array_index (space->info, FeatureInfo, id).entry;

  return entry != NULL && !entry->name;
}

/* One word into the bag: its stem through the table of equivalents, weighed
 * by its rarity; function words count a little ("open lower" is not "close
 * lower"). */
static void
bag_add_word (Space      *space,
              Bag        *bag,
              const char *stem,
              guint       flags)
{
  const char *canonical = px_align_canonical_stem (space, stem);
  guint id = px_align_feature_id (space, canonical);

  /* the first group of equivalents: the verbs that report speech */
  if (strcmp (canonical, equivalents[0][0]) == 0)
    flags |= FEATURE_FRAME;
  bag_add (bag, id,
           (flags & FEATURE_STOPWORD) ? PX_ALIGN_STOPWORD_WEIGHT : g_array_index (space->info, FeatureInfo, id).rarity, flags);
}

/* A word written with hyphens or dots counts by its parts: "Smith-Jones" as
 * "Smith Jones", "three-week" as "three week", "U.S." as "US". Parts
 * of one or two letters keep the word whole ("e-mail", "al-Qaeda"). Returns
 * FALSE when the word is to be added whole. */
static gboolean
bag_add_compound (Space      *space,
                  Bag        *bag,
                  const char *text,
                  gsize       len,
                  guint       flags)
{
  g_autofree char *word = g_malloc (len + 1);
  g_auto(GStrv) parts = NULL;
  gsize n = 0;

  for (gsize k = 0; k < len; k++)
    if (text[k] != '.')
      word[n++] = text[k];
  word[n] = '\0';
  parts = g_strsplit (word, "-", -1);
  for (guint k = 0; parts[k] != NULL && parts[1] != NULL; k++)
    if (parts[k][0] != '\0' && !g_ascii_isdigit (parts[k][0]) && g_utf8_strlen (parts[k], -1) < 3)
      return FALSE;
  for (guint k = 0; parts[k] != NULL; k++)
    {
      g_autofree char *norm = NULL;
      g_autofree char *stem = NULL;

      if (parts[k][0] == '\0' || g_ascii_isdigit (parts[k][0]))
        continue;
      norm = px_normalize_word (parts[k], -1);
      stem = px_stem_word (norm, -1);
      if (stem == NULL || stem[0] == '\0')
        continue;
      bag_add_word (space, bag, stem, flags | (px_is_stopword (norm) ? FEATURE_STOPWORD : 0));
    }
  return TRUE;
}

/* Whether offset @pos is inside a name among @facts. */
static gboolean
in_name (GPtrArray *facts,
         guint      pos)
{
  for (guint f = 0; f < facts->len; f++)
    {
      const PxFact *fact = g_ptr_array_index (facts, f);

      if ((fact->kind == PX_FACT_PERSON || fact->kind == PX_FACT_ORGANIZATION || fact->kind == PX_FACT_PLACE) &&
          pos >= fact->start && pos < fact->end)
        return TRUE;
    }
  return FALSE;
}

/* Whether offset @pos is inside an amount or a share among @facts: its
 * words ("per cent", "billion dollars") are the fact's value, which
 * counts through the fact, not a second time as words. */
static gboolean
in_amount (GPtrArray *facts,
           guint      pos)
{
  for (guint f = 0; f < facts->len; f++)
    {
      const PxFact *fact = g_ptr_array_index (facts, f);

      if ((fact->kind == PX_FACT_MONEY || fact->kind == PX_FACT_PERCENT) && !isnan (fact->value) &&
          pos >= fact->start && pos < fact->end)
        return TRUE;
    }
  return FALSE;
}

/* Whether token @t of @seg begins a sentence: the segment's first, or
 * after a full stop, a colon, a quotation mark or a bracket. */
static gboolean
starts_sentence (PxDocument      *document,
                 const PxSegment *seg,
                 guint            t)
{
  const PxToken *prev;
  const char *c;

  if (t == seg->first_token)
    return TRUE;
  prev = px_document_get_token (document, t - 1);
  c = px_document_get_text (document, NULL) + prev->start;
  return (prev->form->flags & PX_TOKEN_PUNCT) && c[0] != ',' && c[0] != '-';
}

Bag *
px_align_bag_new (Space      *space,
                  PxDocument *document,
                  guint       doc,
                  guint       first,
                  guint       last,
                  GPtrArray  *facts)
{
  const PxSegment *seg = px_document_get_segment (document, first);
  const PxSegment *end_seg = px_document_get_segment (document, last);
  const char *text = px_document_get_text (document, NULL);
  Bag *bag = g_new0 (Bag, 1);
  guint n_content = 0, n_capitalized = 0, lo, hi;
  gboolean title_case, headline;

  bag->doc = doc;
  bag->segment = first;
  bag->echo_of = G_MAXUINT;
  bag->features = g_array_new (FALSE, FALSE, sizeof (Feature));
  bag->facts = g_ptr_array_new ();
  bag->first_token = seg->first_token;
  bag->n_tokens = end_seg->first_token + end_seg->n_tokens - seg->first_token;

  /* the facts are sorted by start: the first at or after the segment's */
  lo = 0;
  hi = facts != NULL ? facts->len : 0;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (((const PxFact *)g_ptr_array_index (facts, mid))->start < seg->start)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint f = lo; facts != NULL && f < facts->len; f++)
    {
      const PxFact *fact = g_ptr_array_index (facts, f);

      if (fact->start >= end_seg->end)
        break;
      g_ptr_array_add (bag->facts, (gpointer)fact);
    }

  /* names: words inside a name the facts found, words in capitals, and
   * capitalized words inside a sentence unless it capitalizes most words
   * (a headline) */
  for (guint t = seg->first_token; t < end_seg->first_token + end_seg->n_tokens; t++)
    {
      const PxToken *tok = px_document_get_token (document, t);

      if ((tok->form->flags & PX_TOKEN_WORD) && !(tok->form->flags & PX_TOKEN_STOPWORD))
        {
          n_content++;
          n_capitalized += (tok->form->flags & PX_TOKEN_CAPITALIZED) != 0;
        }
    }
  title_case = n_content >= 3 && 2 * n_capitalized > n_content;
  /* a headline in title case, not a sentence full of names: a heading, or
   * no full stop at its end */
  headline = title_case && (seg->kind == PX_SEGMENT_HEADING ||
                            text[end_seg->end - 1] != '.');

  for (guint t = seg->first_token; t < end_seg->first_token + end_seg->n_tokens; t++)
    {
      const PxToken *tok = px_document_get_token (document, t);
      gboolean sentence_start = t == seg->first_token ||
                                (px_document_get_token (document, t - 1)->form->flags & PX_TOKEN_PUNCT);
      guint flags = 0;

      if ((tok->form->flags & PX_TOKEN_PUNCT) || tok->form->stem == NULL || tok->form->stem[0] == '\0')
        continue;
      if ((tok->form->flags & PX_TOKEN_NUMBER) || in_amount (bag->facts, tok->start))
        continue;   /* numbers and amounts count through their facts */
      bag->cur_pos = t - seg->first_token;
      if (tok->form->flags & PX_TOKEN_STOPWORD)
        flags |= FEATURE_STOPWORD;
      else if ((tok->form->flags & PX_TOKEN_ALL_CAPS) ||
               ((tok->form->flags & PX_TOKEN_CAPITALIZED) && !title_case && !sentence_start) ||
               (in_name (bag->facts, tok->start) && !(title_case && is_common_word (space, tok->form->stem))))
        flags |= FEATURE_NAME;
      /* a capital after a comma is a name or a title too ("…, Governor
       * Anna Berg held talks"); a headline capitalizes every word */
      if ((tok->form->flags & PX_TOKEN_CAPITALIZED) && !headline && !starts_sentence (document, seg, t))
        flags |= FEATURE_CAPITAL;
      if (strchr (tok->form->norm, '.') != NULL || memchr (text + tok->start, '-', tok->end - tok->start) != NULL)
        {
          if (bag_add_compound (space, bag, text + tok->start, tok->end - tok->start, flags & ~FEATURE_STOPWORD))
            continue;
        }
      bag_add_word (space, bag, tok->form->stem, flags);
    }

  for (guint f = 0; f < bag->facts->len; f++)
    {
      const PxFact *fact = g_ptr_array_index (bag->facts, f);

      bag->cur_pos = 0;
      while (bag->cur_pos + 1 < bag->n_tokens &&
             px_document_get_token (document, bag->first_token + bag->cur_pos)->end <= fact->start)
        bag->cur_pos++;
      add_fact_features (space, bag, fact);
    }
  g_array_sort (bag->features, compare_features);
  return bag;
}

void
px_align_bag_free (Bag *bag)
{
  g_array_unref (bag->features);
  g_ptr_array_unref (bag->facts);
  g_clear_pointer (&bag->diff_tokens, g_array_unref);
  g_free (bag->mass);
  g_free (bag);
}

/* The cache of relations (px-align-score.c), sized once the bags are
 * made: about one slot per pair of features, so that comparing two short
 * texts does not clear a megabyte, up to PX_ALIGN_RELATION_BITS. It is a
 * cache: its size changes no result. */
static void
space_make_relations (Space *space)
{
  guint bits = 4;

  while (bits < PX_ALIGN_RELATION_BITS && (1u << bits) < (guint64)space->names->len * space->names->len)
    bits++;
  space->relation_bits = bits;
  space->relations = g_new0 (PxAlignRelation, 1 << bits);
}

/* Weights times how rare the feature is among the compared segments. */
void
px_align_bag_finish (Space *space,
                     Bag   *bag,
                     guint  n_bags)
{
  if (space->relations == NULL)
    space_make_relations (space);
  bag->norm = 0;
  for (guint i = 0; i < bag->features->len; i++)
    {
      Feature *f = &g_array_index (bag->features, Feature, i);

      if (n_bags > 8)
        {
          guint df = g_array_index (space->set_df, guint, f->id);
          double set = log ((n_bags + 1.0) / df) / log (n_bags + 1.0);

          f->weight *= 1.0 - PX_ALIGN_SET_RARITY + PX_ALIGN_SET_RARITY * CLAMP (set, 0.0, 1.0);
        }
      if (!(f->flags & FEATURE_BONUS))
        bag->norm += f->weight;
    }
  g_free (bag->mass);
  bag->mass = g_new0 (double, bag->n_tokens + 1);
  for (guint i = 0; i < bag->features->len; i++)
    {
      const Feature *f = &g_array_index (bag->features, Feature, i);

      if (!(f->flags & (FEATURE_BONUS | FEATURE_STOPWORD)))
        bag->mass[f->pos + 1] += f->weight;
    }
  for (guint p = 0; p < bag->n_tokens; p++)
    bag->mass[p + 1] += bag->mass[p];
}

Space *
px_align_space_new (void)
{
  Space *space = g_new0 (Space, 1);

  space->lex = lexicon_get ();
  space->vocabulary = g_hash_table_new (g_str_hash, g_str_equal);
  space->names = g_ptr_array_new_with_free_func (g_free);
  space->set_df = g_array_new (FALSE, TRUE, sizeof (guint));
  space->info = g_array_new (FALSE, FALSE, sizeof (FeatureInfo));
  return space;
}

void
px_align_space_free (Space *space)
{
  g_hash_table_unref (space->vocabulary);
  g_ptr_array_unref (space->names);
  g_array_unref (space->set_df);
  g_array_unref (space->info);
  g_free (space->relations);
  g_free (space);
}

/* A word of an echo: a token that is no punctuation. */
static inline gboolean
echo_word (const PxToken *tok)
{
  return !(tok->form->flags & PX_TOKEN_PUNCT);
}

/* The first PX_ALIGN_ECHO_RUN words from token @t of @tokens (norms are
 * interned per document: equal words, equal pointers), as one hash;
 * FALSE when fewer words are left. */
static gboolean
echo_run_hash (const PxToken *tokens,
               guint          t,
               guint          n_tokens,
               guint64       *hash)
{
  guint64 h = 1469598103934665603u;
  guint n = 0;

  for (; t < n_tokens && n < PX_ALIGN_ECHO_RUN; t++)
    if (echo_word (&tokens[t]))
      {
        h = (h ^ GPOINTER_TO_SIZE (tokens[t].form->norm)) * 1099511628211u;
        n++;
      }
  *hash = h;
  return n == PX_ALIGN_ECHO_RUN;
}

/* A run of PX_ALIGN_ECHO_RUN words of a clutter segment. */
typedef struct
{
  guint64 hash;
  guint   token;     /* its first token in the document */
  guint   segment;   /* the clutter segment */
} EchoRun;

static int
compare_echo_runs (gconstpointer a,
                   gconstpointer b)
{
  const EchoRun *x = a, *y = b;

  return x->hash < y->hash ? -1 : x->hash > y->hash;
}

/* Marks the words of the run that starts at token @t in @covered. */
static void
cover_run (PxDocument *document,
           guint       t,
           guint8     *covered)
{
  guint n_tokens = px_document_get_n_tokens (document);

  for (guint left = PX_ALIGN_ECHO_RUN; t < n_tokens && left > 0; t++)
    if (echo_word (px_document_get_token (document, t)))
      {
        covered[t] = TRUE;
        left--;
      }
}

/* The runs of @document's clutter segments long enough to echo, sorted by
 * hash. */
static GArray *
clutter_runs (PxDocument *document)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (EchoRun));

  for (guint s = 0; s < px_document_get_n_segments (document); s++)
    {
      const PxSegment *seg = px_document_get_segment (document, s);
      guint n;
      const PxToken *tokens = px_document_get_segment_tokens (document, s, &n);

      if (px_align_is_content_segment (seg) || n < PX_ALIGN_ECHO_RUN)
        continue;
      for (guint t = 0; t < n; t++)
        {
          EchoRun run = { 0, seg->first_token + t, s };

          if (echo_word (&tokens[t]) && echo_run_hash (tokens, t, n, &run.hash))
            g_array_append_val (runs, run);
        }
    }
  g_array_sort (runs, compare_echo_runs);
  return runs;
}

/* For each segment of @document, the content segment it echoes, or
 * G_MAXUINT: clutter that repeats its own article word for word (a
 * headline printed again, a pull quote, a caption copying a body
 * sentence) over most of its words, with PX_ALIGN_ECHO_RUN words in a
 * row at least. An echo states what it repeats, and is aligned too. The
 * clutter's runs are few: each run of the content is looked up among
 * them. */
static guint *
find_echoes (PxDocument *document)
{
  guint n_segments = px_document_get_n_segments (document);
  guint *echo_of = g_new (guint, MAX (n_segments, 1));
  g_autoptr(GArray) runs = clutter_runs (document);
  g_autofree guint8 *covered = NULL;
  g_autofree guint *source = NULL;

  for (guint s = 0; s < n_segments; s++)
    echo_of[s] = G_MAXUINT;
  if (runs->len == 0)
    return echo_of;

  covered = g_new0 (guint8, MAX (px_document_get_n_tokens (document), 1));
  source = g_new (guint, n_segments);
  for (guint s = 0; s < n_segments; s++)
    source[s] = G_MAXUINT;
  for (guint s = 0; s < n_segments; s++)
    {
      guint n;
      const PxToken *tokens = px_document_get_segment_tokens (document, s, &n);

      if (!px_align_is_content_segment (px_document_get_segment (document, s)))
        continue;
      for (guint t = 0; t < n; t++)
        {
          EchoRun key = { 0, 0, 0 };
          const EchoRun *hit;

          if (!echo_word (&tokens[t]) || !echo_run_hash (tokens, t, n, &key.hash) ||
              (hit = bsearch (&key, runs->data, runs->len, sizeof (EchoRun), compare_echo_runs)) == NULL)
            continue;
          /* every clutter run with that hash */
          while (hit > (const EchoRun *)runs->data && hit[-1].hash == key.hash)
            hit--;
          for (; hit < (const EchoRun *)runs->data + runs->len && hit->hash == key.hash; hit++)
            {
              cover_run (document, hit->token, covered);
              source[hit->segment] = s;
            }
        }
    }

  for (guint s = 0; s < n_segments; s++)
    {
      const PxSegment *seg = px_document_get_segment (document, s);
      guint words = 0, n_covered = 0;

      if (source[s] == G_MAXUINT)
        continue;
      for (guint t = seg->first_token; t < seg->first_token + seg->n_tokens; t++)
        if (echo_word (px_document_get_token (document, t)))
          {
            words++;
            n_covered += covered[t];
          }
      if (n_covered >= PX_ALIGN_ECHO_SHARE * words)
        echo_of[s] = source[s];
    }
  return echo_of;
}

GPtrArray *
px_align_bags_new (Space      *space,
                   GPtrArray  *documents,
                   GPtrArray  *facts,
                   guint     **bag_start)
{
  GPtrArray *bags = g_ptr_array_new_with_free_func ((GDestroyNotify)px_align_bag_free);
  guint n_docs = documents->len;

  *bag_start = g_new0 (guint, n_docs + 1);
  for (guint d = 0; d < n_docs; d++)
    {
      PxDocument *document = g_ptr_array_index (documents, d);
      GPtrArray *doc_facts = facts != NULL && d < facts->len ? g_ptr_array_index (facts, d) : NULL;

      g_autofree guint *echo_of = find_echoes (document);

      (*bag_start)[d] = bags->len;
      for (guint s = 0; s < px_document_get_n_segments (document); s++)
        if (px_align_is_content_segment (px_document_get_segment (document, s)) || echo_of[s] != G_MAXUINT)
          {
            Bag *bag = px_align_bag_new (space, document, d, s, s, doc_facts);

            bag->echo_of = echo_of[s];
            bag->caption = px_document_get_segment (document, s)->kind == PX_SEGMENT_CAPTION;
            g_ptr_array_add (bags, bag);
          }
    }
  (*bag_start)[n_docs] = bags->len;

  /* document frequencies over the set, then weights */
  for (guint i = 0; i < bags->len; i++)
    {
      Bag *bag = g_ptr_array_index (bags, i);

      for (guint k = 0; k < bag->features->len; k++)
        g_array_index (space->set_df, guint, g_array_index (bag->features, Feature, k).id)++;
    }
  for (guint i = 0; i < bags->len; i++)
    px_align_bag_finish (space, g_ptr_array_index (bags, i), bags->len);
  return bags;
}
