/* px-align-relation.c: a link's parts and relation
 *
 * A link gets the parts of its two segments that state the shared claim
 * (widened a little inside their clause), a word diff, and a relation:
 * same, paraphrase, or differs when a fact in one part meets a fact of its
 * kind and measure in the other and none agrees with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-align"

#include "config.h"

#include <string.h>

#include "px-facts-private.h"
#include "px-align-private.h"
#include "px-normalize.h"

static gboolean
same_date_precision (const PxFact *a,
                     const PxFact *b)
{
  gboolean day_a = a->date != NULL && (strlen (a->date) == 10 || (a->date[0] == '-' && strlen (a->date) == 7));
  gboolean day_b = b->date != NULL && (strlen (b->date) == 10 || (b->date[0] == '-' && strlen (b->date) == 7));

  return day_a == day_b;
}

static gboolean
in_range (const PxFact *fact,
          const guint  *range)
{
  return fact->start < range[1] && fact->end > range[0];
}

/* A date or a time tells when the whole sentence happened ("Earlier, on
 * September 22, Tokayev said …"), wherever it stands in it. */
static gboolean
is_sentence_scoped (PxFactKind kind)
{
  return kind == PX_FACT_DATE || kind == PX_FACT_TIME;
}

static gboolean
is_name_kind (PxFactKind kind)
{
  return kind == PX_FACT_PLACE || kind == PX_FACT_ORGANIZATION;
}

/* Whether @y is a fact of the kind of @x that could give the same detail:
 * of one kind and family (a span of time is no count of people), and of
 * one measure when both say what they measure. */
static gboolean
counterpart (const PxFact *x,
             const PxFact *y)
{
  return x->kind == y->kind && px_fact_same_family (x, y) &&
         (x->measure == NULL || y->measure == NULL || g_strcmp0 (x->measure, y->measure) == 0);
}

/* The words of @name, lowercase. */
static GPtrArray *
name_words (const char *name)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lower = g_utf8_strdown (name, -1);
  const char *p = lower;

  while (*p != '\0')
    {
      const char *start = p;

      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
      if (*p != '\0')
        p = g_utf8_next_char (p);
    }
  return words;
}

/* The stems of @words but function words. */
static GPtrArray *
content_stems (GPtrArray *words)
{
  GPtrArray *stems = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < words->len; i++)
    if (!px_is_stopword (g_ptr_array_index (words, i)))
      g_ptr_array_add (stems, px_stem_word (g_ptr_array_index (words, i), -1));
  return stems;
}

/* Two names of one thing: spelt alike word by word, the same first four
 * letters ("Marrakesh", "Marrakech"; "Al Haouz", "Al-Haouz"; not "Bank
 * of England", "Bank of Canada"), or one said in more words, every word
 * of the shorter in the longer by its stem ("National Geophysical
 * Institute", "Moroccan National Institute of Geophysics"; "Al Haouz",
 * "Al Haouz province"). */
static gboolean
names_agree (const char *x,
             const char *y)
{
  g_autoptr(GPtrArray) wx = name_words (x);
  g_autoptr(GPtrArray) wy = name_words (y);
  g_autoptr(GPtrArray) sx = NULL;
  g_autoptr(GPtrArray) sy = NULL;
  GPtrArray *shorter, *longer;
  gboolean alike = wx->len == wy->len && wx->len > 0;

  for (guint i = 0; alike && i < wx->len; i++)
    {
      const char *a = g_ptr_array_index (wx, i), *b = g_ptr_array_index (wy, i);

      alike = strcmp (a, b) == 0 || (strlen (a) >= 4 && strlen (b) >= 4 && strncmp (a, b, 4) == 0);
    }
  if (alike)
    return TRUE;
  sx = content_stems (wx);
  sy = content_stems (wy);
  shorter = sx->len <= sy->len ? sx : sy;
  longer = shorter == sx ? sy : sx;
  if (shorter->len == 0)
    return FALSE;
  for (guint i = 0; i < shorter->len; i++)
    if (!g_ptr_array_find_with_equal_func (longer, g_ptr_array_index (shorter, i), g_str_equal, NULL))
      return FALSE;
  return TRUE;
}

/* Two values of one detail that agree: consistent values (under the
 * wording's qualifiers and rounding) of one date precision, or two
 * spellings of one name ("Marrakesh", "Marrakech"), or one name in more
 * words. */
static gboolean
details_agree (const PxFact *x,
               const PxFact *y)
{
  if (is_name_kind (x->kind))
    {
      const char *nx = x->name != NULL ? x->name : x->text;
      const char *ny = y->name != NULL ? y->name : y->text;

      return px_fact_values_consistent (x, y) || names_agree (nx, ny);
    }
  return px_fact_values_consistent (x, y) &&
         (x->kind != PX_FACT_DATE || same_date_precision (x, y));
}

/* Whether a fact in the part @range of @x (a date or a time anywhere in
 * its segment) agrees with @fy of the other side. */
static gboolean
agreed_in (const Bag    *x,
           const guint  *range,
           const PxFact *fy)
{
  for (guint i = 0; i < x->facts->len; i++)
    {
      const PxFact *fx = g_ptr_array_index (x->facts, i);

      if ((is_sentence_scoped (fx->kind) || in_range (fx, range)) && counterpart (fx, fy) && details_agree (fx, fy))
        return TRUE;
    }
  return FALSE;
}

/* A detail differs when a fact in the linked part of one side (a date or
 * time anywhere in its segment) meets a fact of its kind and measure in
 * the other's part, neither agrees with any fact of the other side, and
 * so one stands where the other was: another value, another precision,
 * another place. A fact only one side gives ("Broadcom buys VMware" for
 * "it will acquire VMware") is an addition, shown by the word diff, not a
 * differing detail. */
static gboolean
details_differ (const Bag    *a,
                const Bag    *b,
                const PxLink *link)
{
  guint ranges[2][2] = { { link->a_start, link->a_end }, { link->b_start, link->b_end } };

  for (int pass = 0; pass < 2; pass++)
    {
      const Bag *x = pass == 0 ? a : b;
      const Bag *y = pass == 0 ? b : a;
      const guint *rx = ranges[pass], *ry = ranges[1 - pass];

      for (guint i = 0; i < x->facts->len; i++)
        {
          const PxFact *fx = g_ptr_array_index (x->facts, i);
          gboolean met = FALSE, agreed = FALSE;

          gboolean scoped = is_sentence_scoped (fx->kind);

          if (!px_fact_kind_is_detail (fx->kind) || (!scoped && !in_range (fx, rx)))
            continue;
          for (guint j = 0; j < y->facts->len && !agreed; j++)
            {
              const PxFact *fy = g_ptr_array_index (y->facts, j);

              if ((!scoped && !in_range (fy, ry)) || !counterpart (fx, fy))
                continue;
              agreed = details_agree (fx, fy);
              met |= !agreed && !agreed_in (x, rx, fy);
            }
          if (met && !agreed)
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
ends_clause (PxDocument *document,
             guint       token)
{
  const PxToken *tok = px_document_get_token (document, token);
  const char *text = px_document_get_text (document, NULL) + tok->start;

  return (tok->form->flags & PX_TOKEN_PUNCT) && strchr (",;:()[]", text[0]) != NULL;
}

/* Widens the part [*first, *last] of @bag's segment to the clause it is
 * in (up to a comma, a semicolon, a colon or a bracket): a differing
 * value next to the shared words belongs to the claim. */
static void
to_clause (PxDocument *document,
           const Bag  *bag,
           guint      *first,
           guint      *last)
{
  for (guint k = 0; k < PX_ALIGN_PART_REACH && *first > 0 && !ends_clause (document, bag->first_token + *first - 1); k++)
    (*first)--;
  for (guint k = 0; k < PX_ALIGN_PART_REACH && *last + 1 < bag->n_tokens &&
                    !ends_clause (document, bag->first_token + *last + 1); k++)
    (*last)++;
}

PxLink *
px_align_make_link (Space           *space,
                    GPtrArray       *documents,
                    GPtrArray       *bags,
                    const Candidate *candidate,
                    gboolean         related)
{
  PxLink *link = g_new0 (PxLink, 1);
  Bag *a = g_ptr_array_index (bags, candidate->a);
  Bag *b = g_ptr_array_index (bags, candidate->b);
  PxDocument *da = g_ptr_array_index (documents, a->doc);
  PxDocument *db = g_ptr_array_index (documents, b->doc);
  double score = candidate->score, equal = 0;
  Span span = candidate->span;

  link->a = (PxSegmentRef) { a->doc, a->segment };
  link->b = (PxSegmentRef) { b->doc, b->segment };
  link->score = score;
  to_clause (da, a, &span.a_first, &span.a_last);
  to_clause (db, b, &span.b_first, &span.b_last);
  link->a_start = px_document_get_token (da, a->first_token + span.a_first)->start;
  link->a_end = px_document_get_token (da, a->first_token + span.a_last)->end;
  link->b_start = px_document_get_token (db, b->first_token + span.b_first)->start;
  link->b_end = px_document_get_token (db, b->first_token + span.b_last)->end;
  if (related)
    {
      link->relation = PX_RELATION_RELATED;
      return link;
    }
  link->diff = px_align_word_diff (space, da, a, db, b,
                                   (guint[4]) { link->a_start, link->a_end, link->b_start, link->b_end },
                                   &equal);
  if (details_differ (a, b, link))
    link->relation = PX_RELATION_DIFFERS;
  else if (equal >= PX_ALIGN_SAME && score >= PX_ALIGN_SAME - 0.1)
    link->relation = PX_RELATION_SAME;
  else
    link->relation = PX_RELATION_PARAPHRASE;
  return link;
}
