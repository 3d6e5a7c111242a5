/* px-facts-extract.c: finding facts in text
 *
 * Patterns run over the tokens of px-facts-scan.c: dates and times first,
 * then numbers with what follows them (per cent, currency, unit, counted
 * noun) and what precedes them (qualifiers, currency signs), then ordinals,
 * names and quotes. Every pattern is general: words come from the lexicon
 * in px-facts-lexicon.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-facts"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "px-facts-scan-private.h"
#include "px-normalize.h"

static int
compare_facts (gconstpointer a,
               gconstpointer b)
{
  const PxFact *fa = *(const PxFact * const *)a;
  const PxFact *fb = *(const PxFact * const *)b;

  if (fa->start != fb->start)
    return fa->start < fb->start ? -1 : 1;
  if (fa->end != fb->end)
    return fa->end > fb->end ? -1 : 1;
  return (int)fa->kind - (int)fb->kind;
}

/* Sorts @facts by compare_facts () as g_ptr_array_sort () does (stably),
 * by merging the sorted runs the passes left: each pass adds its facts in
 * text order, so there are a few long runs (many: g_ptr_array_sort ()). */
static void
sort_facts (GPtrArray *facts)
{
  gpointer *a = facts->pdata;
  guint n = facts->len;
  g_autofree gpointer *tmp = NULL;
  guint run = 0, n_runs = 1;

  for (guint k = 1; k < n; k++)
    if (compare_facts (&a[k - 1], &a[k]) > 0)
      {
        if (run == 0)
          run = k;
        n_runs++;
      }
  if (n_runs == 1)
    return;
  /* each merge costs the prefix again */
  if (n_runs > 16)
    {
      g_ptr_array_sort (facts, compare_facts);
      return;
    }
  tmp = g_new (gpointer, n);
  /* merge the sorted prefix [0, run) with each next run in turn */
  while (run < n)
    {
      guint end = run + 1, i = 0, j = run, o = 0;

      while (end < n && compare_facts (&a[end - 1], &a[end]) <= 0)
        end++;
      /* stable: on a tie the earlier fact first */
      while (i < run && j < end)
        tmp[o++] = compare_facts (&a[j], &a[i]) < 0 ? a[j++] : a[i++];
      while (i < run)
        tmp[o++] = a[i++];
      while (j < end)
        tmp[o++] = a[j++];
      memcpy (a, tmp, o * sizeof (gpointer));
      run = end;
    }
}

/* A word the main loops pass by: no word of the lexicon, none of
 * PX_LEX_KEYWORDS ("a", "per", "noon" …); every pattern they try needs
 * one. */
static inline gboolean
plain_word (const Tok *t)
{
  return t->type == TOK_WORD && t->lex_number == 0 && !t->keyword;
}

/* Texts longer than this are read in pieces cut between paragraphs (or
 * lines, sentences, words): the scanner keeps 16 bytes for every token of
 * the piece it reads (two tokens for three bytes of one-letter
 * sentences), not for every token of the text. What a piece learns of
 * acronyms and people's names carries to the next; no article comes near
 * the size. */
#define PIECE_BYTES (256 * 1024)

/* Where the piece of @text that starts at @start ends. */
static gsize
piece_end (const char *text,
           gsize       start,
           gsize       length)
{
  static const char * const cuts[] = { "\n\n", "\n", ". ", " " };
  gsize limit = start + PIECE_BYTES;

  if (length - start <= PIECE_BYTES)
    return length;
  /* the last cut of the kind in the piece's second half */
  for (guint c = 0; c < G_N_ELEMENTS (cuts); c++)
    {
      gsize n = strlen (cuts[c]);

      for (gsize at = limit - n; at > start + PIECE_BYTES / 2; at--)
        if (memcmp (text + at, cuts[c], n) == 0)
          return at + n;
    }
  /* no space in 128 KiB: between two characters */
  while (limit > start + 1 && ((guchar)text[limit] & 0xC0) == 0x80)
    limit--;
  return limit;
}

/* The facts of the piece s->text, in s->facts (at the piece's offsets);
 * FALSE when cancelled. */
static gboolean
scan_piece (Scan         *s,
            GCancellable *cancellable)
{
  tokenize (s);
  skip_addresses (s);

  /* dates and times claim their digits first; both loops pass only by
   * the tokens the tokenizer found can open a fact (what they skip at
   * once, plain words and most symbols, it leaves out) */
  for (guint k = 0; k < s->openers.len; k++)
    {
      int i = index_list_at (&s->openers, k);

      if ((k & 0xFFF) == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;
      if (TOK (s, i)->used || plain_word (TOK (s, i)))
        continue;
      if (TOK (s, i)->type == TOK_WORD && tok_lex (TOK (s, i)) != NULL && tok_lex (TOK (s, i))->month)
        try_month_date (s, i);
      else if (TOK (s, i)->type == TOK_NUM)
        {
          if (!try_numeric_date (s, i) && !try_day_month_date (s, i) && !try_year_range (s, i))
            try_time (s, i);
        }
      /* a word of the lexicon, "noon", "midday", "midnight" (try_time ()
       * rejects "a", "an" and "per") */
      else if (TOK (s, i)->type == TOK_WORD)
        {
          if (!(tok_lex (TOK (s, i)) != NULL && (tok_lex (TOK (s, i))->flags & (PX_LEX_ORDINAL | PX_LEX_TENS)) &&
                try_day_month_date (s, i)))
            try_time (s, i);
        }
    }

  for (guint k = 0; k < s->openers.len; k++)
    {
      int i = index_list_at (&s->openers, k);
      const Tok *t = TOK (s, i);

      if ((k & 0xFFF) == 0 && g_cancellable_is_cancelled (cancellable))
        return FALSE;
      /* "US$" is a capitalized word before a "$" */
      if (t->used || (plain_word (t) && !(t->cap && tok_sym (s, i + 1, '$'))))
        continue;
      if (t->type == TOK_WORD && tok_lex (t) != NULL && (tok_lex (t)->flags & PX_LEX_TENS) && try_ordinal_word (s, i))
        continue;
      /* of the symbols, only a currency sign opens an amount */
      if (t->type == TOK_NUM || (t->type == TOK_SYM && currency_symbol (t->ch) != NULL) ||
          (t->type == TOK_WORD && tok_lex (t) != NULL &&
           (tok_lex (t)->flags & (PX_LEX_NUMBER | PX_LEX_CODE | PX_LEX_MULTIPLIER | PX_LEX_FRACTION))) ||
          tok_is (s, i, "a") || tok_is (s, i, "an") || (t->type == TOK_WORD && t->cap && i + 1 < NTOK (s) &&
                                                           tok_sym (s, i + 1, '$')))
        {
          if (try_number (s, i))
            continue;
        }
      /* both need a word of the lexicon, or "per" */
      if (t->type == TOK_WORD && !TOK (s, i)->used && !plain_word (t) && !try_percent_of (s, i))
        try_ordinal_word (s, i);
    }

  scan_acronym_definitions (s);
  scan_names (s);
  sort_facts (s->facts);
  resolve_surnames (s);
  assign_subjects (s);
  scan_quotes (s);
  sort_facts (s->facts);

  return TRUE;
}

/* Forgets what scan_piece () learnt of the piece's tokens and words. */
static void
clear_piece (Scan *s)
{
  g_array_set_size (s->toks, 0);
  s->tok_v = NULL;
  s->n_toks = 0;
  index_list_clear (&s->openers);
  index_list_clear (&s->schemes);
  index_list_clear (&s->caps);
  index_list_clear (&s->quotes);
  index_list_clear (&s->parens);
  s->midcaps = FALSE;
  s->n_lower_words = 0;
  s->n_sorted_facts = 0;
  word_memo_free (s);
  g_clear_pointer (&s->lowercase, g_array_unref);
  g_clear_pointer (&s->noun_caps, g_array_unref);
}

GPtrArray *
px_facts_extract_text (const char   *text,
                       gsize         length,
                       const char   *reference_date,
                       GCancellable *cancellable)
{
  Scan s = { 0 };
  GPtrArray *facts = g_ptr_array_new_with_free_func ((GDestroyNotify)px_fact_unref);

  g_return_val_if_fail (text != NULL || length == 0, facts);

  s.toks = g_array_sized_new (FALSE, FALSE, sizeof (Tok), MIN (length, PIECE_BYTES) / 5 + 16);
  s.acronyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s.person_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (reference_date != NULL)
    {
      int y = 0, m = 0;

      if (sscanf (reference_date, "%4d-%2d", &y, &m) >= 1 && y >= 1000)
        {
          s.ref_year = y;
          s.ref_month = m >= 1 && m <= 12 ? m : 6;
        }
    }

  for (gsize start = 0, end; start < length; start = end)
    {
      g_autoptr(GPtrArray) piece = g_ptr_array_new_with_free_func ((GDestroyNotify)px_fact_unref);
      gboolean done;

      end = piece_end (text, start, length);
      s.text = text + start;
      s.length = end - start;
      s.facts = piece;
      done = scan_piece (&s, cancellable);
      clear_piece (&s);
      if (!done)
        break;
      for (guint k = 0; k < piece->len; k++)
        {
          PxFact *fact = g_ptr_array_index (piece, k);

          fact->start += start;
          fact->end += start;
          g_ptr_array_add (facts, px_fact_ref (fact));
        }
    }
  s.facts = NULL;

  if (g_cancellable_is_cancelled (cancellable))
    g_ptr_array_set_size (facts, 0);
  g_array_unref (s.toks);
  g_hash_table_unref (s.acronyms);
  g_hash_table_unref (s.person_words);
  return facts;
}

GPtrArray *
px_facts_extract (PxDocument   *document,
                  GCancellable *cancellable)
{
  gsize length;
  const char *text = px_document_get_text (document, &length);
  GPtrArray *facts = px_facts_extract_text (text, length, px_document_get_date (document), cancellable);
  guint kept = 0;

  /* facts in boilerplate say nothing about the story: left out in place
   * (a text dense with facts holds a pointer for every 15 bytes) */
  for (guint i = 0; i < facts->len; i++)
    {
      PxFact *fact = g_ptr_array_index (facts, i);
      guint seg = px_document_find_segment (document, fact->start);
      const PxSegment *segment = seg != G_MAXUINT ? px_document_get_segment (document, seg) : NULL;

      if (segment == NULL || segment->kind != PX_SEGMENT_BOILERPLATE)
        facts->pdata[kept++] = fact;
      else
        px_fact_unref (fact);
    }
  g_ptr_array_set_free_func (facts, NULL);
  g_ptr_array_set_size (facts, kept);
  g_ptr_array_set_free_func (facts, (GDestroyNotify)px_fact_unref);
  return facts;
}
