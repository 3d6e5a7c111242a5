/* px-segment-clutter.c: which paragraphs are page clutter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text copied from a web page carries the page with it. A reader skips it
 * without thinking, from what sets it apart in any news page:
 * - its shape: short lines without a sentence, Title Case or ALL CAPS;
 * - cue phrases in a few families: share/subscribe/newsletter bars,
 *   "Read more:" promotions, browser and cookie notices, photo credits and
 *   captions, bylines and author bios, agency end notes, tag lists;
 * - its place: a masthead above the headline, short labels between the
 *   headline and the first paragraph, a bio below the last;
 * - repetition: a headline printed again, a pull quote that repeats a
 *   paragraph, a caption that repeats a sentence (the sentence stays;
 *   px-segment-repeats.c).
 * Nothing here names an outlet, a person or a story.
 */
#define G_LOG_DOMAIN "px-segment"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "px-segment-private.h"

/* A body paragraph: prose of at least this many words ending a sentence. */
#define BODY_WORDS 12

/* A phrase and the hashes of its pairs of bytes, made once: the rarest
 * pairs in English first, so that a phrase a text lacks fails on its first
 * test or so. */
#define PHRASE_MAX_PAIRS 40

typedef struct
{
  const char *text;
  guint16     pairs[PHRASE_MAX_PAIRS];
  guint       n_pairs;
} Phrase;

typedef struct
{
  const char * const *texts;
  gsize               n;
  Phrase             *phrases;  /* made on first use */
  guint16            *rarest;   /* the rarest pair of each phrase, in a row */
} PhraseList;

#define PHRASE_LIST(list) { list, G_N_ELEMENTS (list), NULL, NULL }

/* Phrases of web-page chrome: comment forms, share and subscribe bars,
 * navigation, browser and cookie notices. Matched on the lower-cased
 * paragraph. */
static const char * const chrome_phrases[] = {
  "leave a reply", "leave a comment", "post comment", "commenting using", "log in", "log out",
  "login", "sign up", "sign in", "subscribe", "newsletter", "share this", "share on",
  "follow us", "click an icon", "click here", "required fields", "will not be published",
  "save my name", "related posts", "related articles", "read more", "notify me",
  "all rights reserved", "cookie", "your email", "email address", "in this browser",
  "sent directly to you", "advertisement", "sponsored content", "previous post", "next post",
  "filed under", "posted in", "posted on", "skip to content", "connecting to %s", "translate",
  "print this", "comments", "permalink", "rss feed", "back to top", "fill in your details",
  "your browser", "web browser", "browser is not supported", "no longer supported",
  "update it here", "update your browser", "enable javascript", "javascript is disabled",
  "min read", "minute read", "listen to this article", "download our app", "get the app",
  "we use cookies", "cookie policy", "privacy policy", "accept cookies", "terms of use",
  "join our", "share via", "pic.twitter.com", "copyright ©",
};

/* Cues looked for on their own. */
static const char * const live_phrases[] = { "live updates", "live blog", "as it happened" };
static const char * const template_marks[] = { "%s", "%d", "{{" };
static const char * const contribution_phrases[] = { "contributed to this report", "contributed reporting" };

/* Promotions that open a line: "READ MORE: …", "Also read | …". */
static const char * const promo_openers[] = {
  "read more", "also read", "read also", "see also", "related", "recommended", "more on this",
  "watch", "listen", "don't miss", "must read", "trending", "suggested", "you may also like",
  "you might also like", "more from", "explore more", "latest", "tags", "topics", "keywords",
  "more", "continue reading", "read the full", "most read", "most popular", "top stories",
  "editor's picks", "in case you missed it", "disclaimer",
};

/* Photo captions and credits. */
static const char * const credit_phrases[] = {
  "photo/", "photo:", "photos:", "photo credit", "photo by", "photograph:", "photograph by",
  "image credit", "image:", "image source", "image by", "picture:", "pictures:", "credit:",
  "credits:", "credit…", "credit...", "file photo", "getty images", "shutterstock",
  "in this photo", "in this handout photo", "in this file photo", "in this image",
  "in this picture", "pictured above",
};

/* End notes of wire copy and aggregators. */
static const char * const end_note_phrases[] = {
  "inputs from", "with agency inputs", "reporting by", "editing by", "additional reporting",
  "writing by", "contributed to this report", "compiled by", "with input from", "edited by",
  "translated by", "editor:", "source:", "sources:", "syndicated feed", "has not been edited",
};

/* Words of author bios. */
static const char * const bio_words[] = {
  "author", "blogger", "columnist", "contributor", "correspondent", "editor", "enthusiast",
  "experience", "freelance", "graduate", "journalist", "passionate", "professional", "reporter",
  "writer", "writes",
};

/* Verbs of reported speech: news prose, not a bio. */
static const char * const reporting_verbs[] = {
  "added", "announced", "said", "says", "stated", "told",
};

/* Single words that mark chrome when they make up most of a short line. */
static const char * const chrome_words[] = {
  "account", "advertisement", "comment", "comments", "email", "facebook", "icon", "instagram",
  "linkedin", "logo", "logos", "name", "photo", "picture", "pinterest", "print", "recommended",
  "reddit", "related", "reply", "share", "shares", "telegram", "tiktok", "translate", "tweet",
  "twitter", "website", "whatsapp", "wordpress", "youtube",
};

/* Networks and services whose names come in share bars. */
static const char * const network_names[] = {
  "email", "facebook", "instagram", "linkedin", "pinterest", "reddit", "telegram", "tiktok",
  "twitter", "vk", "whatsapp", "wordpress", "youtube",
};

static PhraseList chrome_list = PHRASE_LIST (chrome_phrases);
static PhraseList credit_list = PHRASE_LIST (credit_phrases);
static PhraseList end_note_list = PHRASE_LIST (end_note_phrases);
static PhraseList live_list = PHRASE_LIST (live_phrases);
static PhraseList template_list = PHRASE_LIST (template_marks);
static PhraseList contribution_list = PHRASE_LIST (contribution_phrases);

enum
{
  CUE_CHROME    = 1 << 0,
  CUE_NETWORK   = 1 << 1,
  CUE_BIO       = 1 << 2,
  CUE_REPORTING = 1 << 3,
};

/* Every cue word, with the lists it is in: one look-up a word. */
static GHashTable *
cue_words (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      static const struct { const char * const *words; gsize n; guint cue; } lists[] = {
        { chrome_words, G_N_ELEMENTS (chrome_words), CUE_CHROME },
        { network_names, G_N_ELEMENTS (network_names), CUE_NETWORK },
        { bio_words, G_N_ELEMENTS (bio_words), CUE_BIO },
        { reporting_verbs, G_N_ELEMENTS (reporting_verbs), CUE_REPORTING },
      };
      GHashTable *words = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (gsize i = 0; i < lists[l].n; i++)
          {
            guint cues = GPOINTER_TO_UINT (g_hash_table_lookup (words, lists[l].words[i]));

            g_hash_table_insert (words, (gpointer)lists[l].words[i], GUINT_TO_POINTER (cues | lists[l].cue));
          }
      g_once_init_leave (&table, words);
    }
  return table;
}

/* The cue lists @norm (an interned normal form) is in, through @memo. */
static guint
cue_lookup (PxCueMemo  *memo,
            const char *norm)
{
  /* (interned strings are packed, not aligned: hash the whole address) */
  guint slot = (guint)((GPOINTER_TO_SIZE (norm) * G_GUINT64_CONSTANT (11400714819323198485)) >> 53) &
               (PX_CUE_MEMO_SIZE - 1);

  if (memo->norm[slot] != norm)
    {
      memo->norm[slot] = norm;
      memo->cues[slot] = GPOINTER_TO_UINT (g_hash_table_lookup (cue_words (), norm));
    }
  return memo->cues[slot];
}

/* The pairs of adjacent ASCII bytes a text holds, hashed (PxLower): a
 * phrase with a pair the text lacks is not in it and is not searched for
 * (the phrase lists were a fifth of an import's instructions). */
static inline guint
pair_hash16 (guint pair)
{
  return (pair * 2654435769u) >> 20;
}

static inline guint
pair_hash (guint first,
           guint second)
{
  return pair_hash16 (first | second << 8);
}

/* Stamps the seven pairs of adjacent bytes inside the eight of @x
 * (unrolled: the loop was half the work). */
static inline void
stamp_pairs8 (guint8  *pairs,
              guint8   stamp,
              guint64  x)
{
  pairs[pair_hash16 (x & 0xFFFF)] = stamp;
  pairs[pair_hash16 ((x >> 8) & 0xFFFF)] = stamp;
  pairs[pair_hash16 ((x >> 16) & 0xFFFF)] = stamp;
  pairs[pair_hash16 ((x >> 24) & 0xFFFF)] = stamp;
  pairs[pair_hash16 ((x >> 32) & 0xFFFF)] = stamp;
  pairs[pair_hash16 ((x >> 40) & 0xFFFF)] = stamp;
  pairs[pair_hash16 ((x >> 48) & 0xFFFF)] = stamp;
}

/* How common a byte is in English text (higher is more common). */
static guint
byte_commonness (guint c)
{
  static const char by_frequency[] = " etaoinsrhldcumfpgwybvkxjqz";
  const char *p = c != 0 ? strchr (by_frequency, (int)c) : NULL;

  return p != NULL ? sizeof by_frequency - (gsize)(p - by_frequency) : 0;
}

static guint
pair_commonness (const char *pair)
{
  return byte_commonness ((guchar)pair[0]) + byte_commonness ((guchar)pair[1]);
}

static void
phrase_init (Phrase     *phrase,
             const char *text)
{
  const char *pair_at[PHRASE_MAX_PAIRS];
  guint n = 0;

  phrase->text = text;
  for (const char *p = text; p[0] != '\0' && p[1] != '\0'; p++)
    {
      guint h = pair_hash ((guchar)p[0], (guchar)p[1]);
      gboolean seen = FALSE;
      guint i;

      /* (only pairs of ASCII bytes: lower_init () records no other) */
      if ((guchar)p[0] >= 0x80 || (guchar)p[1] >= 0x80)
        continue;
      for (i = 0; i < n && !seen; i++)
        seen = phrase->pairs[i] == h;
      if (seen)
        continue;
      g_assert (n < PHRASE_MAX_PAIRS);
      /* insertion by commonness, rarest first */
      for (i = n; i > 0 && pair_commonness (pair_at[i - 1]) > pair_commonness (p); i--)
        {
          phrase->pairs[i] = phrase->pairs[i - 1];
          pair_at[i] = pair_at[i - 1];
        }
      phrase->pairs[i] = h;
      pair_at[i] = p;
      n++;
    }
  phrase->n_pairs = n;
}

static const Phrase *
phrase_list_get (PhraseList *list)
{
  if (g_once_init_enter (&list->phrases))
    {
      Phrase *phrases = g_new (Phrase, list->n);

      list->rarest = g_new0 (guint16, list->n);
      for (gsize i = 0; i < list->n; i++)
        {
          phrase_init (&phrases[i], list->texts[i]);
          g_assert (phrases[i].n_pairs > 0);
          list->rarest[i] = phrases[i].pairs[0];
        }
      g_once_init_leave (&list->phrases, phrases);
    }
  return list->phrases;
}

static inline gboolean
lower_may_hold (const PxLower *lower,
                const Phrase  *phrase)
{
  for (guint i = 0; i < phrase->n_pairs; i++)
    if (lower->pairs[phrase->pairs[i]] != lower->stamp)
      return FALSE;
  return TRUE;
}

/* Characters of blocks without upper case: combining accents, Hebrew and
 * Arabic, kana and CJK, Hangul syllables. */
static inline gboolean
is_caseless (gunichar ch)
{
  return (ch >= 0x0300 && ch <= 0x036F) || (ch >= 0x0590 && ch <= 0x06FF) ||
         (ch >= 0x3040 && ch <= 0x9FFF) || (ch >= 0xAC00 && ch <= 0xD7A3);
}

/* Eight ASCII bytes in lower case: 0x20 added to the bytes from 'A' to
 * 'Z' (no byte carries into the next). */
static inline guint64
ascii_lower8 (guint64 x)
{
  guint64 from_a = x + G_GUINT64_CONSTANT (0x3F3F3F3F3F3F3F3F);
  guint64 past_z = x + G_GUINT64_CONSTANT (0x2525252525252525);

  return x | ((from_a & ~past_z & PX_BYTES_HIGH) >> 2);
}

/* The lower case of the character at @p (not ASCII) if it is upper case,
 * else 0. */
static inline gunichar
lower_case (const PxTwoByteChars *chars,
            const guchar         *p)
{
  gunichar ch;

  if (*p < 0xE0)
    return px_segment_two_byte_char (chars, (p[0] & 0x1F) << 6 | (p[1] & 0x3F))->lower;
  ch = px_segment_utf8_char ((const char *)p);
  return !is_caseless (ch) && g_unichar_isupper (ch) ? g_unichar_tolower (ch) : 0;
}

/* The lower case the phrase tests read, and its pairs of ASCII bytes:
 * ASCII eight bytes at a time, other characters one by one
 * (g_utf8_strdown() on whole paragraphs was a fifth of an import), those
 * of two bytes by the table. The text is written to @buffer, grown as
 * needed. */
static void
lower_init (PxLower    *lower,
            const char *text,
            gsize       length)
{
  const guchar *p = (const guchar *)text, *end = p + length;
  const PxTwoByteChars *chars = px_segment_two_byte_chars ();
  guint8 *pairs = lower->pairs;
  guint8 stamp;
  guint prev = 0;
  gsize w = 0;
  char *out;

  /* (no character's lower case takes more than twice its bytes, so that
   * eight bytes can be written while eight are left to read) */
  if (lower->size < 2 * length + 1)
    {
      g_free (lower->text);
      lower->size = MAX (2 * length + 1, 2 * lower->size);
      lower->text = g_malloc (lower->size);
    }
  out = lower->text;
  if (++lower->stamp == 0)
    {
      memset (lower->pairs, 0, sizeof lower->pairs);
      lower->stamp = 1;
    }
  stamp = lower->stamp;

  /* (the first byte pairs with a 0: one pair more than the text holds
   * costs a search at most) */
  while (p < end)
    {
      gsize from = w;
      guint64 x;

      if (*p < 0x80 && end - p >= 8)
        {
          x = px_bytes_load8 ((const char *)p);
          if (px_bytes_ascii8 (x))
            {
              x = ascii_lower8 (x);
              pairs[pair_hash (prev, x & 0xFF)] = stamp;
              stamp_pairs8 (pairs, stamp, x);
              prev = x >> 56;
              x = GUINT64_TO_LE (x);
              memcpy (out + w, &x, 8);
              w += 8;
              p += 8;
              continue;
            }
          else
            {
              /* The ASCII bytes before another character, at once; all
               * eight written (the buffer has room: see above), the
               * others masked so that none carries into the next. */
              guint n = px_bytes_ascii_prefix (x);

              x = ascii_lower8 (x & (G_MAXUINT64 >> (64 - 8 * n)));
              /* one byte (the space between words of another script), or
               * all eight pairs, not a loop of n: a pair with a masked 0
               * is in no phrase, at most a search more */
              pairs[pair_hash (prev, x & 0xFF)] = stamp;
              if (n == 1)
                {
                  prev = x & 0xFF;
                  out[w++] = prev;
                  p++;
                  continue;
                }
              stamp_pairs8 (pairs, stamp, x);
              prev = (x >> (8 * (n - 1))) & 0xFF;
              x = GUINT64_TO_LE (x);
              memcpy (out + w, &x, 8);
              w += n;
              p += n;
              continue;
            }
        }
      if (*p < 0x80)
        {
          /* (g_ascii_tolower () is a call) */
          out[w++] = *p >= 'A' && *p <= 'Z' ? *p + ('a' - 'A') : *p;
          p++;
        }
      else
        {
          const guchar *run = p;
          gunichar lower_ch = 0;

          /* Characters without a lower case, copied in a run: their bytes
           * are in no pair of a phrase (phrase_init ()). */
          while (p < end && *p >= 0x80 && (lower_ch = lower_case (chars, p)) == 0)
            p += g_utf8_skip[*p];
          if (p > run)
            {
              /* (a call costs more than a letter's bytes) */
              if (p - run <= 4)
                while (run < p)
                  out[w++] = *run++;
              else
                {
                  memcpy (out + w, run, p - run);
                  w += p - run;
                }
              prev = 0x80;
              continue;
            }
          p += g_utf8_skip[*p];
          w += g_unichar_to_utf8 (lower_ch, out + w);
        }
      for (gsize i = from; i < w; i++)
        {
          pairs[pair_hash (prev, (guchar)out[i])] = stamp;
          prev = (guchar)out[i];
        }
    }
  out[w] = '\0';
}

static guint
count_phrases (const PxLower *lower,
               PhraseList    *list)
{
  const Phrase *phrases = phrase_list_get (list);
  guint count = 0;

  for (gsize i = 0; i < list->n; i++)
    if (lower->pairs[list->rarest[i]] == lower->stamp && lower_may_hold (lower, &phrases[i]) &&
        strstr (lower->text, phrases[i].text) != NULL)
      count++;
  return count;
}

/* g_str_has_prefix() for the phrase lists: most openers fail on their
 * first byte. */
static inline gboolean
has_prefix (const char *text,
            const char *prefix)
{
  return text[0] == prefix[0] && strncmp (text, prefix, strlen (prefix)) == 0;
}

static gboolean
is_closer (const PxToken *token)
{
  char c = px_segment_punct_char (token);

  return c == '"' || c == '\'' || c == ')' || c == ']';
}

/* Line shape */

/* "Ann LeeAnn Lee": a name printed twice without a space (a byline block
 * flattened by copying). */
static gboolean
is_doubled (const char *text,
            gsize       start,
            gsize       end)
{
  gsize half = (end - start) / 2;

  return (end - start) % 2 == 0 && half >= 5 && half <= 60 &&
         memcmp (text + start, text + start + half, half) == 0 &&
         strchr (" \t", text[start + half - 1]) == NULL;
}

/* "election, kazakhstan, vote": short lower-case items between commas. */
static gboolean
is_tag_list (const PxToken *tokens,
             guint          n,
             const PxParaFeatures *f)
{
  guint commas = 0;
  guint item = 0;

  if (f->words < 2 || f->words > 16 || f->stopwords > 0 || f->ends_sentence || f->has_period)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (px_segment_punct_char (&tokens[i]) == ',' || px_segment_punct_char (&tokens[i]) == '|')
        {
          if (item == 0)
            return FALSE;
          commas++;
          item = 0;
        }
      else if (px_segment_is_word (&tokens[i]))
        {
          /* Tags are words in lower case (scripts without case are not judged). */
          if (++item > 3 || ((tokens[i].form->flags & PX_TOKEN_WORD) &&
                             !g_unichar_islower (g_utf8_get_char (tokens[i].form->norm))))
            return FALSE;
        }
      else
        return FALSE;
    }
  /* Title Case tags read like a list of names in a sentence: lower case
   * only. A trailing comma is a hard-wrapped line, not a list. */
  return commas >= 1 && item > 0 && f->capitalized == 0;
}

/* "#flood #storm #norland": hashtags make up the line. */
static gboolean
is_hashtag_line (const PxToken *tokens,
                 guint          n,
                 const PxParaFeatures *f)
{
  guint tags = 0;

  for (guint i = 0; i + 1 < n; i++)
    if (px_segment_punct_char (&tokens[i]) == '#' && tokens[i].end == tokens[i + 1].start && px_segment_is_word (&tokens[i + 1]))
      tags++;
  return tags >= 2 && tags * 2 >= f->words && !f->ends_sentence;
}

/* "By Ann Lee", "- By Ann Lee and Bo Chen", "By Ann Lee, Reuters". */
static gboolean
is_byline (const PxToken *tokens,
           guint          n,
           const PxParaFeatures *f)
{
  guint i = 0;

  while (i < n && (tokens[i].form->flags & PX_TOKEN_PUNCT))
    i++;
  /* "Written by", "Reported by", "Posted by" */
  if (i + 1 < n && strcmp (tokens[i + 1].form->norm, "by") == 0 &&
      (strcmp (tokens[i].form->norm, "written") == 0 || strcmp (tokens[i].form->norm, "reported") == 0 ||
       strcmp (tokens[i].form->norm, "posted") == 0 || strcmp (tokens[i].form->norm, "story") == 0))
    i++;
  if (i >= n || strcmp (tokens[i].form->norm, "by") != 0 || f->words > 10 || f->ends_sentence)
    return FALSE;
  for (i++; i < n; i++)
    if ((tokens[i].form->flags & PX_TOKEN_WORD) && !(tokens[i].form->flags & PX_TOKEN_CAPITALIZED) &&
        strcmp (tokens[i].form->norm, "and") != 0)
      return FALSE;
  return f->words >= 3;
}

/* "READ MORE: …", "Also read | …", "RECOMMENDED". */
static gboolean
is_promo (const char           *lower,
          const PxParaFeatures *f)
{
  const char *p = lower;

  while (*p != '\0' && !g_ascii_isalnum (*p))
    p++;
  for (guint i = 0; i < G_N_ELEMENTS (promo_openers); i++)
    if (has_prefix (p, promo_openers[i]))
      {
        const char *after = p + strlen (promo_openers[i]);

        while (*after == ' ')
          after++;
        /* The opener alone, or the opener and a headline after a colon. */
        if (*after == '\0' && f->words <= 4)
          return TRUE;
        if ((*after == ':' || *after == '|' || g_str_has_prefix (after, "»") ||
             g_str_has_prefix (after, "–") || g_str_has_prefix (after, "—")) && f->words <= 30)
          return TRUE;
      }
  return FALSE;
}

/* "(With inputs from agencies)", "Reporting by …; Editing by …", "… contributed
 * to this report." */
static gboolean
is_end_note (const PxLower *lower)
{
  const char *p = lower->text;

  if (count_phrases (lower, &contribution_list) > 0)
    return TRUE;
  if (*p == '(' || *p == '[')
    return count_phrases (lower, &end_note_list) > 0;
  for (guint i = 0; i < G_N_ELEMENTS (end_note_phrases); i++)
    if (has_prefix (p, end_note_phrases[i]))
      return TRUE;
  return g_str_has_prefix (p, "with ") &&
         count_phrases (lower, &end_note_list) > 0;
}

/* "NAME is a news writer …", "NAME covers …": a bio opens with a name. */
static gboolean
is_bio_opening (const PxToken *tokens,
                guint          n)
{
  guint i = 0;

  while (i < n && i < 4 && (tokens[i].form->flags & PX_TOKEN_CAPITALIZED))
    i++;
  if (i == 0 || i >= 4 || i + 1 >= n)
    return FALSE;
  return (strcmp (tokens[i].form->norm, "is") == 0 &&
          (strcmp (tokens[i + 1].form->norm, "a") == 0 || strcmp (tokens[i + 1].form->norm, "an") == 0 ||
           strcmp (tokens[i + 1].form->norm, "the") == 0)) ||
         strcmp (tokens[i].form->norm, "covers") == 0 || strcmp (tokens[i].form->norm, "writes") == 0;
}

/* A credit in brackets at the end: a photographer and an agency joined by
 * a slash ("(Ann Berg/Agency)"), or capitals with "via" or a slash
 * ("(REGION PRESS OFFICE VIA AGENCY)"). */
static gboolean
has_bracketed_credit (const PxToken *tokens,
                      guint          n)
{
  guint open = n;
  guint words = 0;
  gboolean all_caps = TRUE;
  gboolean via = FALSE;
  gboolean slash = FALSE;

  if (n < 4 || px_segment_punct_char (&tokens[n - 1]) != ')')
    return FALSE;
  for (guint i = n - 1; i > 0 && open == n; i--)
    if (px_segment_punct_char (&tokens[i - 1]) == '(')
      open = i - 1;
  if (open == n)
    return FALSE;
  for (guint i = open + 1; i + 1 < n; i++)
    {
      const PxToken *t = &tokens[i];

      if (px_segment_is_word (t))
        {
          words++;
          if ((t->form->flags & PX_TOKEN_WORD) && !(t->form->flags & PX_TOKEN_ALL_CAPS) && t->end - t->start > 1)
            all_caps = FALSE;
          via |= strcmp (t->form->norm, "via") == 0;
        }
      else if (px_segment_punct_char (t) == '/' && i > open + 1 && t->start == tokens[i - 1].end &&
               t->end == tokens[i + 1].start && (tokens[i - 1].form->flags & PX_TOKEN_CAPITALIZED) &&
               (tokens[i + 1].form->flags & PX_TOKEN_CAPITALIZED))
        slash = TRUE;
    }
  return words >= 2 && words <= 8 && (slash || (all_caps && via));
}

/* An agency credit: "… by seven years. / AA", "… / AFP" at the end, a
 * photographer after an agency in capitals ("… on Tuesday. AGENCY/Ann
 * Berg"), or a gallery counter first ("[1/5] …"). */
static gboolean
has_trailing_credit (const PxToken *tokens,
                     guint          n)
{
  guint words = 0;

  if (n >= 5 && px_segment_punct_char (&tokens[0]) == '[' && (tokens[1].form->flags & PX_TOKEN_NUMBER) &&
      px_segment_punct_char (&tokens[2]) == '/' && (tokens[3].form->flags & PX_TOKEN_NUMBER) && px_segment_punct_char (&tokens[4]) == ']')
    return TRUE;
  for (guint i = 2; i < n; i++)
    if (px_segment_punct_char (&tokens[i - 1]) == '/' && (tokens[i - 2].form->flags & PX_TOKEN_ALL_CAPS) &&
        tokens[i - 2].end == tokens[i - 1].start && (tokens[i].form->flags & PX_TOKEN_CAPITALIZED) &&
        !(tokens[i].form->flags & PX_TOKEN_ALL_CAPS) && tokens[i].start == tokens[i - 1].end)
      return TRUE;

  for (guint i = n; i > 0; i--)
    {
      const PxToken *t = &tokens[i - 1];

      if (px_segment_punct_char (t) == '/')
        return words >= 1 && i >= 2 && px_segment_is_terminal (&tokens[i - 2]);
      if (!px_segment_is_word (t) || !(t->form->flags & PX_TOKEN_CAPITALIZED) || ++words > 3)
        return FALSE;
    }
  return FALSE;
}

void
px_segment_features (PxCueMemo         *memo,
                     const char        *text,
                     const PxParagraph *para,
                     const PxToken     *tokens,
                     guint              n,
                     PxParaFeatures    *f)
{
  PxLower *lower = &memo->lower;
  const PxToken *last = NULL;
  guint8 meta = f->meta;
  guint8 newlines = f->newlines_before;
  guint first_token = f->first_token;

  memset (f, 0, sizeof *f);
  f->meta = meta;
  f->newlines_before = newlines;
  f->first_token = first_token;

  for (guint i = 0; i < n; i++)
    {
      const PxToken *t = &tokens[i];

      if (px_segment_is_word (t))
        {
          f->words++;
          if (t->form->flags & PX_TOKEN_CAPITALIZED)
            f->capitalized++;
          else if ((t->form->flags & PX_TOKEN_WORD) && !(t->form->flags & PX_TOKEN_STOPWORD))
            f->lower_content++;
          if (t->form->flags & PX_TOKEN_STOPWORD)
            f->stopwords++;
          /* The cue words matter in short paragraphs only. */
          if (n <= 200 && (t->form->flags & PX_TOKEN_WORD))
            {
              guint cues = cue_lookup (memo, t->form->norm);

              f->chrome_words += (cues & CUE_CHROME) != 0;
              f->networks += (cues & CUE_NETWORK) != 0;
              f->bio_cues += (cues & CUE_BIO) != 0;
              f->reports |= (cues & CUE_REPORTING) != 0;
            }
        }
      else if ((t->end - t->start == 2 && memcmp (text + t->start, "»", 2) == 0) ||
               (t->end - t->start == 3 && memcmp (text + t->start, "›", 3) == 0) ||
               text[t->start] == '|' || text[t->start] == '>' ||
               (text[t->start] == '/' && t->start > 0 && text[t->start - 1] == ' '))
        f->separators += f->separators < G_MAXUINT8;
      if (px_segment_punct_char (t) == '.')
        f->has_period = TRUE;
    }

  for (guint i = n; i > 0; i--)
    if (!is_closer (&tokens[i - 1]))
      {
        last = &tokens[i - 1];
        break;
      }
  f->ends_sentence = last != NULL && px_segment_is_terminal (last);
  f->doubled = is_doubled (text, para->start, para->end);
  f->tag_list = is_tag_list (tokens, n, f) || is_hashtag_line (tokens, n, f);
  f->byline = is_byline (tokens, n, f);
  f->bio_opening = is_bio_opening (tokens, n);

  /* Chrome comes in short paragraphs; long ones are read for it no further
   * (credits in paragraphs of 60 words or fewer, the rest in 40 or fewer). */
  if (f->words > 60)
    return;

  lower_init (lower, text + para->start, para->end - para->start);
  f->credit = count_phrases (lower, &credit_list) > 0 ||
              has_trailing_credit (tokens, n) || has_bracketed_credit (tokens, n);
  if (f->words <= 40)
    {
      const char *l = lower->text;
      guint phrases = count_phrases (lower, &chrome_list);

      /* "© 2023 The Courier", "Copyright 2023 …" */
      if (g_str_has_prefix (l, "©") || g_str_has_prefix (l, "copyright"))
        phrases++;
      f->chrome_phrases = MIN (phrases, G_MAXUINT8);
      f->promo = is_promo (l, f);
      f->live_title = !f->ends_sentence && f->words <= 16 &&
                      (count_phrases (lower, &live_list) > 0 || g_str_has_suffix (l, ": live"));
      f->end_note = f->words <= 24 && is_end_note (lower);
      f->template_junk = count_phrases (lower, &template_list) > 0;
      f->caption = f->credit;
    }
}

/* Judging one paragraph by itself */

static gboolean
is_boilerplate (const PxParaFeatures *f)
{
  /* "___", "* * *": rules between stories or sections (not a lone "%"). */
  if (f->words == 0)
    return px_para_n_tokens (f) >= 3;
  if (f->template_junk || f->promo || f->doubled || f->tag_list || f->byline || f->end_note ||
      f->live_title)
    return TRUE;
  /* Breadcrumbs: Home » News » … */
  if (f->separators >= 2 && f->words <= 25)
    return TRUE;
  /* Share and subscribe bars name several networks. */
  if (f->networks >= 3)
    return TRUE;
  if (f->chrome_phrases >= 2)
    return TRUE;
  if (f->chrome_phrases >= 1 && (f->words <= 12 || f->networks >= 2))
    return TRUE;
  /* "Advertisement", "Twitter picture", "Name *": short lines of chrome words. */
  if (!f->ends_sentence && f->words <= 4 && f->chrome_words * 2 >= f->words)
    return TRUE;
  /* Tag lists: many capitalised words, no function words, no sentence. */
  if (!f->has_period && f->words >= 8 && f->capitalized == f->words)
    return TRUE;
  return FALSE;
}

static gboolean
is_body (const PxParaFeatures *f)
{
  return f->meta != PX_META_LINE_WHOLE && f->words >= BODY_WORDS && f->ends_sentence;
}

/* Next to chrome, short unpunctuated lines are chrome too ("Comment",
 * "Politics Transport Environment"). */
static gboolean
is_chrome_neighbour (const PxParaFeatures *f)
{
  return f->words > 0 && f->words <= 8 && !f->ends_sentence && !f->caption &&
         (f->capitalized == f->words || f->words <= 2);
}

static gboolean
adjacent_lines (const PxParaFeatures *features,
                guint                 a,
                guint                 b)
{
  return features[MAX (a, b)].newlines_before == 1;
}

/* A masthead or a section label names the site or the section, not the
 * story: none of its words comes back in the headline or the first body
 * paragraph. */
static gboolean
names_no_story_word (const PxToken        *tokens,
                     const PxParaFeatures *features,
                     guint                 line,
                     guint                 headline,
                     guint                 body)
{
  const PxParaFeatures *f = &features[line];

  for (guint i = f->first_token; i < f->first_token + px_para_n_tokens (f); i++)
    {
      const guint others[] = { headline, body };

      if (!(tokens[i].form->flags & PX_TOKEN_WORD) || strlen (tokens[i].form->norm) < 3)
        continue;
      for (guint o = 0; o < G_N_ELEMENTS (others); o++)
        {
          const PxParaFeatures *g;

          if (others[o] == G_MAXUINT || others[o] == line)
            continue;
          g = &features[others[o]];
          for (guint j = g->first_token; j < g->first_token + px_para_n_tokens (g); j++)
            if (strcmp (tokens[i].form->stem, tokens[j].form->stem) == 0)
              return FALSE;
        }
    }
  return TRUE;
}

/* Position: the masthead above the headline, labels between the headline
 * and the first body paragraph, alt text beside a credit, a bio's name and
 * title below the last body paragraph. */
static void
mark_by_position (const char           *text,
                  PxTextModel          *model,
                  guint                 n_paragraphs,
                  const PxParaFeatures *features,
                  PxSegmentKind        *kinds)
{
  const PxToken *tokens = (const PxToken *)(void *)model->tokens->data;
  guint title = G_MAXUINT;
  guint first_body = n_paragraphs;
  guint last_body = 0;

  for (guint p = 0; p < n_paragraphs; p++)
    if (is_body (&features[p]) && !px_segment_kind_is_clutter (kinds[p]))
      {
        first_body = MIN (first_body, p);
        last_body = p;
      }

  for (guint p = 0; p < first_body && title == G_MAXUINT; p++)
    if (!px_segment_kind_is_clutter (kinds[p]) && features[p].words > 0)
      title = p;

  /* A masthead: name lines ("Example Times", "World") above a longer
   * headline. */
  if (title != G_MAXUINT && px_segment_is_name_line (&features[title]))
    for (guint q = title + 1; q < first_body; q++)
      {
        if (px_segment_kind_is_clutter (kinds[q]) || px_segment_is_name_line (&features[q]))
          continue;
        if (px_segment_is_heading_shape (&features[q]) && features[q].words >= 5 &&
            names_no_story_word (tokens, features, title, q, first_body < n_paragraphs ? first_body : G_MAXUINT))
          {
            const PxParagraph *para = &g_array_index (model->paragraphs, PxParagraph, title);

            if (model->site == NULL)
              model->site = g_strndup (text + para->start, para->end - para->start);
            for (guint r = title; r < q; r++)
              if (!px_segment_kind_is_clutter (kinds[r]))
                kinds[r] = PX_SEGMENT_BOILERPLATE;
            title = q;
          }
        break;
      }

  for (guint p = 0; p < n_paragraphs; p++)
    {
      const PxParaFeatures *f = &features[p];

      if (p == title || px_segment_kind_is_clutter (kinds[p]) || !px_segment_is_heading_shape (f))
        continue;
      /* Alt text beside its credit. */
      if (f->words <= 12 &&
          ((p + 1 < n_paragraphs && kinds[p + 1] == PX_SEGMENT_CAPTION && features[p + 1].credit &&
            adjacent_lines (features, p, p + 1)) ||
           (p > 0 && kinds[p - 1] == PX_SEGMENT_CAPTION && features[p - 1].credit &&
            adjacent_lines (features, p - 1, p))))
        kinds[p] = PX_SEGMENT_CAPTION;
      /* Labels between the headline and the body: "WORLD", "3 MIN READ". */
      else if (title != G_MAXUINT && p > title && p < first_body && first_body < n_paragraphs &&
               px_segment_is_name_line (f) && names_no_story_word (tokens, features, p, title, first_body))
        kinds[p] = PX_SEGMENT_BOILERPLATE;
    }

  /* An author bio below the body, and the lines that go with it. */
  if (first_body == n_paragraphs)
    return;
  for (guint p = last_body; p < n_paragraphs; p++)
    {
      const PxParaFeatures *f = &features[p];

      if (p + 3 < n_paragraphs || f->words == 0 || f->words > 80 || px_segment_kind_is_clutter (kinds[p]))
        continue;
      if (((f->bio_opening && f->bio_cues >= 1) || f->bio_cues >= 3) && !f->reports)
        kinds[p] = PX_SEGMENT_BOILERPLATE;
    }
  while (last_body > first_body && (px_segment_kind_is_clutter (kinds[last_body]) || !is_body (&features[last_body])))
    last_body--;
  for (guint p = n_paragraphs; p > 0 && p - 1 > last_body; p--)
    if (kinds[p - 1] == PX_SEGMENT_BOILERPLATE)
      for (guint q = p - 1; q > last_body + 1 && px_segment_is_heading_shape (&features[q - 1]) &&
                            features[q - 1].words <= 8 && !px_segment_kind_is_clutter (kinds[q - 1]); q--)
        kinds[q - 1] = PX_SEGMENT_BOILERPLATE;
}

/* The kind of a paragraph that is not clutter. */
static PxSegmentKind
para_default_kind (PxTextModel          *model,
                   const PxParaFeatures *features,
                   guint                 p)
{
  const PxParagraph *para = &g_array_index (model->paragraphs, PxParagraph, p);

  if (para->kind == PX_PARAGRAPH_HEADING || (para->n_segments == 1 && px_segment_is_heading_shape (&features[p])))
    return PX_SEGMENT_HEADING;
  return PX_SEGMENT_SENTENCE;
}

void
px_segment_classify (const char           *text,
                     PxTextModel          *model,
                     const PxParaFeatures *features,
                     PxSegmentKind        *kinds)
{
  const PxToken *tokens = (const PxToken *)(void *)model->tokens->data;
  guint n_paragraphs = model->paragraphs->len;
  g_autofree guint8 *chrome = g_new0 (guint8, MAX (n_paragraphs, 1));

  for (guint p = 0; p < n_paragraphs; p++)
    {
      const PxParagraph *para = &g_array_index (model->paragraphs, PxParagraph, p);
      const PxParaFeatures *f = &features[p];

      if (f->meta == PX_META_LINE_WHOLE || is_boilerplate (f))
        kinds[p] = PX_SEGMENT_BOILERPLATE;
      else if (f->caption)
        kinds[p] = PX_SEGMENT_CAPTION;
      else
        kinds[p] = para_default_kind (model, features, p);

      if (f->byline && model->byline == NULL)
        {
          const PxToken *t = tokens + f->first_token;
          guint i = 0;

          while (i < px_para_n_tokens (f) && strcmp (t[i].form->norm, "by") != 0)
            i++;
          if (i + 1 < px_para_n_tokens (f))
            model->byline = g_strndup (text + t[i + 1].start, para->end - t[i + 1].start);
        }
    }

  /* Chrome spreads to short unpunctuated neighbours. */
  for (guint p = 0; p < n_paragraphs; p++)
    chrome[p] = kinds[p] == PX_SEGMENT_BOILERPLATE && features[p].meta != PX_META_LINE_WHOLE &&
                features[p].words > 0;
  for (guint p = 0; p < n_paragraphs; p++)
    if (chrome[p])
      {
        for (guint q = p + 1; q < n_paragraphs && !px_segment_kind_is_clutter (kinds[q]) && is_chrome_neighbour (&features[q]); q++)
          kinds[q] = PX_SEGMENT_BOILERPLATE;
        for (guint q = p; q > 0 && !px_segment_kind_is_clutter (kinds[q - 1]) && is_chrome_neighbour (&features[q - 1]); q--)
          kinds[q - 1] = PX_SEGMENT_BOILERPLATE;
      }

  /* A "tag list" that the next line goes on from lower case is a
   * hard-wrapped sentence. */
  for (guint p = 0; p + 1 < n_paragraphs; p++)
    if (features[p].tag_list && kinds[p] == PX_SEGMENT_BOILERPLATE &&
        features[p + 1].newlines_before == 1 && px_para_n_tokens (&features[p + 1]) > 0 &&
        (tokens[features[p + 1].first_token].form->flags & PX_TOKEN_WORD) &&
        !(tokens[features[p + 1].first_token].form->flags & PX_TOKEN_CAPITALIZED))
      kinds[p] = para_default_kind (model, features, p);

  px_segment_mark_repeats (tokens, n_paragraphs, features, kinds);
  px_segment_mark_caption_echoes (tokens, n_paragraphs, features, kinds);
  mark_by_position (text, model, n_paragraphs, features, kinds);
}

gboolean
px_segment_is_credit (const char      *text,
                      const PxSegment *segment,
                      const PxToken   *tokens)
{
  g_autofree PxLower *lower = NULL;
  guint words = 0;
  gboolean credit;

  for (guint i = 0; i < segment->n_tokens; i++)
    if (px_segment_is_word (&tokens[i]) && ++words > 8)
      return FALSE;
  lower = g_new0 (PxLower, 1);
  lower_init (lower, text + segment->start, segment->end - segment->start);
  credit = count_phrases (lower, &credit_list) > 0 ||
           has_trailing_credit (tokens, segment->n_tokens) || has_bracketed_credit (tokens, segment->n_tokens);
  px_segment_lower_clear (lower);
  return credit;
}
