/* px-segment-meta.c: metadata lines of scraped text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text saved or pasted from the web carries the page's metadata as lines
 * of their own: "source: https://…", " date 2022-11-21 World", a timestamp
 * "05:37 GMT 21.11.2022", and a dateline glued to the first sentence
 * ("ASTANA (Agency) - The …", "Brussels 20.11.2022 Given …"). A reader
 * reads them as facts about the article, not as its sentences: they
 * become the document's metadata and never take part in a comparison.
 */
#define G_LOG_DOMAIN "px-segment"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "px-segment-private.h"

/* Metadata lines are short; longer paragraphs are only read for a dateline. */
#define MAX_META_LINE 300

enum
{
  RE_SOURCE,
  RE_DATE_LINE,
  RE_DASH_DATELINE,
  RE_AGENCY_DATELINE,
  RE_AGENCY_AFTER_DATELINE,
  RE_PLACE_DATE,
  RE_ISO_DATE,
  RE_DMY_DATE,
  RE_MDY_DATE,
  RE_DMY_NAME_DATE,
  RE_CLOCK,
  N_RE
};

static const char * const patterns[N_RE] = {
  [RE_SOURCE] = "^\\s*(?:source|url|link|origin|original|permalink)\\s*:\\s*(https?://\\S+)\\s*$",
  [RE_DATE_LINE] = "^\\s*(?:date|published|updated|posted|last updated)\\s*:?\\s*"
                   "(\\d{4}-\\d{2}-\\d{2})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?\\b\\s*(.*)$",
  /* ASTANA (Agency) - · MARLOW, England – · Morocco — · MARLOW, March 13 (Agency) - */
  [RE_DASH_DATELINE] = "^(\\p{Lu}[\\p{L}.'’]*(?:[ -]\\p{Lu}[\\p{L}.'’]*){0,2}(?:, \\p{Lu}[\\p{L}.'’]*(?: \\p{Lu}[\\p{L}.'’]*)?){0,1}?)"
                       "(?:,? ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2}(?:,? \\d{4})?|"
                       "\\d{1,2}[./]\\d{1,2}[./]\\d{4}|\\d{4}-\\d{2}-\\d{2}))?"
                       "\\s*(\\([^()\\n]{1,40}\\))?\\s*[-–—]{1,2}\\s+(?=[\\p{Lu}\\d\"“‘'])",
  /* (Agency) - · Sept 10 (Agency) - */
  [RE_AGENCY_DATELINE] = "^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2},? )?"
                         "\\(\\p{Lu}[\\p{L} ]{0,30}\\)\\s*[-–—]{1,2}\\s+(?=[\\p{Lu}\\d\"“‘'])",
  /* ASTANA, November 21 – Agency Name. The … */
  [RE_AGENCY_AFTER_DATELINE] = "^(\\p{Lu}[\\p{L}.'’]*(?:[ -]\\p{Lu}[\\p{L}.'’]*){0,2})"
                               "(?:,? ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2}(?:,? \\d{4})?|"
                               "\\d{1,2}[./]\\d{1,2}[./]\\d{4}))?"
                               "\\s*[-–—]{1,2}\\s*\\p{Lu}[\\p{L}]*(?: \\p{Lu}[\\p{L}]*){0,2}\\.\\s+(?=[\\p{Lu}\"“‘'])",
  /* Brussels 20.11.2022 Given … · London, Nov. 20, 2022 - The … */
  [RE_PLACE_DATE] = "^(\\p{Lu}[\\p{L}'’-]+(?:,? \\p{Lu}[\\p{L}'’-]+){0,2}),? "
                    "(\\d{1,2}[./]\\d{1,2}[./]\\d{4}|\\d{4}-\\d{2}-\\d{2}|"
                    "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2},? \\d{4}|"
                    "\\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \\d{4})"
                    "\\s*[-–—:]?\\s+(?=[\\p{Lu}\"“‘'])",
  [RE_ISO_DATE] = "\\b(\\d{4})-(\\d{2})-(\\d{2})\\b",
  [RE_DMY_DATE] = "\\b(\\d{1,2})[./](\\d{1,2})[./](\\d{4})\\b",
  [RE_MDY_DATE] = "\\b([A-Za-z]{3,9})\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b",
  [RE_DMY_NAME_DATE] = "\\b(\\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9}),? (\\d{4})\\b",
  /* 05:37, 10.42 pm (a decimal alone is no clock) */
  [RE_CLOCK] = "\\b\\d{1,2}(?::\\d{2}|\\.\\d{2} ?(?:[ap]\\.?m\\b))",
};

/* The words a timestamp line is made of besides numbers ("t" and "z" of
 * ISO 8601). Sorted. */
static const char * const timestamp_words[] = {
  "a", "aedt", "aest", "am", "apr", "april", "at", "aug", "august", "bst", "cdt", "cest", "cet",
  "cst", "dec", "december", "edited", "edt", "est", "et", "feb", "february", "first", "fri",
  "friday", "gmt", "hkt", "ist", "jan", "january", "jst", "jul", "july", "jun", "june", "last",
  "m", "mar", "march", "may", "modified", "mon", "monday", "msk", "nd", "nov", "november", "oct",
  "october", "on", "p", "pdt", "pm", "posted", "pst", "published", "rd", "sat", "saturday", "sep",
  "sept", "september", "sgt", "st", "sun", "sunday", "t", "th", "thu", "thursday", "tue",
  "tuesday", "updated", "utc", "wed", "wednesday", "z",
};

static const char * const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static GRegex *regexes[N_RE];

static void
ensure_regexes (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < N_RE; i++)
        {
          /* (no G_REGEX_OPTIMIZE: its JIT compilation cost more than the
           * few short lines a document gives them ever save) */
          GRegexCompileFlags flags = 0;

          if (i == RE_SOURCE || i == RE_DATE_LINE)
            flags |= G_REGEX_CASELESS;
          regexes[i] = g_regex_new (patterns[i], flags, 0, NULL);
          g_assert (regexes[i] != NULL);
        }
      g_once_init_leave (&initialized, 1);
    }
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static int
month_from_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (strlen (lower) < 3)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_str_has_prefix (lower, month_names[i]))
      return i + 1;
  return 0;
}

static int
fetch_int (GMatchInfo *match,
           guint       group)
{
  g_autofree char *str = g_match_info_fetch (match, group);

  return atoi (str);
}

/* The first date written in @line, as YYYY-MM-DD, or NULL (regexes ready). */
static char *
parse_date (const char *line)
{
  static const struct { guint re, year, month, day; gboolean named; } forms[] = {
    { RE_ISO_DATE, 1, 2, 3, FALSE },
    { RE_DMY_DATE, 3, 2, 1, FALSE },
    { RE_MDY_DATE, 3, 1, 2, TRUE },
    { RE_DMY_NAME_DATE, 3, 2, 1, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      int year, month, day;

      if (!g_regex_match (regexes[forms[i].re], line, 0, &match))
        continue;
      year = fetch_int (match, forms[i].year);
      day = fetch_int (match, forms[i].day);
      if (forms[i].named)
        {
          g_autofree char *name = g_match_info_fetch (match, forms[i].month);
          month = month_from_name (name);
        }
      else
        month = fetch_int (match, forms[i].month);
      if (year >= 1800 && year <= 2200 && month >= 1 && month <= 12 &&
          g_date_valid_dmy (day, month, year))
        return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
    }
  return NULL;
}

char *
px_segment_parse_date (const char *line)
{
  g_return_val_if_fail (line != NULL, NULL);

  ensure_regexes ();
  return parse_date (line);
}

/* A line of dates, clock times, time zones and weekdays only:
 * "05:37 GMT 21.11.2022", "November 20, 2022", "Updated: Mon 10:41 am". */
static gboolean
is_timestamp (const char *line,
              char      **date)
{
  const char *p = line;
  guint n_words = 0;

  while (*p != '\0')
    {
      const char *word;
      g_autofree char *lower = NULL;

      while (*p != '\0' && !g_ascii_isalpha (*p))
        {
          if ((guchar)*p >= 0x80 && g_unichar_isalpha (g_utf8_get_char (p)))
            return FALSE;
          p = g_utf8_next_char (p);
        }
      if (*p == '\0')
        break;
      word = p;
      while (g_ascii_isalpha (*p))
        p++;
      if ((guchar)*p >= 0x80 && g_unichar_isalpha (g_utf8_get_char (p)))
        return FALSE;
      lower = g_ascii_strdown (word, p - word);
      if (bsearch (&lower, timestamp_words, G_N_ELEMENTS (timestamp_words),
                   sizeof timestamp_words[0], compare_strings) == NULL)
        return FALSE;
      if (++n_words > 8)
        return FALSE;
    }

  *date = parse_date (line);
  return *date != NULL || g_regex_match (regexes[RE_CLOCK], line, 0, NULL);
}

static void
take_value (char **slot,
            char  *value)
{
  if (*slot == NULL && value != NULL && value[0] != '\0')
    *slot = value;
  else
    g_free (value);
}

/* A section label after a date: one or two words and no sentence. */
static gboolean
is_label (const char *rest)
{
  guint n_words = 0;
  gboolean in_word = FALSE;

  for (const char *p = rest; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == '.' || ch == '!' || ch == '?')
        return FALSE;
      if (g_unichar_isspace (ch))
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          n_words++;
        }
    }
  return n_words <= 2;
}

/* A full stop, question or exclamation mark before a space or at the end. */
static gboolean
has_sentence_end (const char *p)
{
  for (; *p != '\0'; p++)
    if ((*p == '.' || *p == '!' || *p == '?') &&
        (p[1] == '\0' || p[1] == ' ' || p[1] == '"' || (guchar)p[1] == 0xE2))
      return TRUE;
  return FALSE;
}

static PxMetaLine
match_dateline (const char  *line,
                gsize        length,
                PxTextModel *model,
                gsize       *prefix)
{
  static const guint forms[] = { RE_PLACE_DATE, RE_AGENCY_AFTER_DATELINE, RE_DASH_DATELINE, RE_AGENCY_DATELINE };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      int end = 0;

      if (!g_regex_match (regexes[forms[i]], line, 0, &match))
        continue;
      g_match_info_fetch_pos (match, 0, NULL, &end);
      /* A dateline leads a paragraph of prose, never a short line or a
       * headline ("Region – Bridge vote passes with 58.4 percent"). */
      if (length - end < 40 || (length <= MAX_META_LINE && !has_sentence_end (line + end)))
        continue;
      if (forms[i] != RE_AGENCY_DATELINE)
        take_value (&model->dateline, g_match_info_fetch (match, 1));
      if (forms[i] != RE_AGENCY_DATELINE)
        {
          g_autofree char *date = g_match_info_fetch (match, 2);
          take_value (&model->date, parse_date (date));
        }
      *prefix = end;
      return PX_META_LINE_PREFIX;
    }
  return PX_META_LINE_NONE;
}

/* Whether @line starts, after white space, with one of @words (ASCII,
 * any case): what RE_SOURCE and RE_DATE_LINE need before they can match,
 * and most paragraphs fail it (matching both on every paragraph was a
 * tenth of an import). */
static gboolean
starts_with_word (const char         *line,
                  const char * const *words,
                  gsize               n)
{
  const char *p = line;

  while (*p != '\0' && (g_ascii_isspace (*p) || ((guchar)*p >= 0x80 && g_unichar_isspace (g_utf8_get_char (p)))))
    p = g_utf8_next_char (p);
  /* (@words are in lower case: most lines fail on the first letter) */
  for (gsize i = 0; i < n; i++)
    if (g_ascii_tolower (*p) == words[i][0] && g_ascii_strncasecmp (p, words[i], strlen (words[i])) == 0)
      return TRUE;
  return FALSE;
}

PxMetaLine
px_segment_meta_line (const char  *text,
                      gsize        start,
                      gsize        end,
                      gboolean     top,
                      PxTextModel *model,
                      gsize       *content_start)
{
  static const char * const source_words[] = { "source", "url", "link", "origin", "permalink" };
  static const char * const date_words[] = { "date", "published", "updated", "posted", "last" };
  g_autofree char *line = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  gsize length = end - start;
  char *date = NULL;

  g_return_val_if_fail (text != NULL && model != NULL && content_start != NULL, PX_META_LINE_NONE);

  *content_start = start;
  if (length == 0 || (length > MAX_META_LINE && !top))
    return PX_META_LINE_NONE;

  ensure_regexes ();
  /* Datelines need only the paragraph's head. */
  line = g_strndup (text + start, MIN (length, (gsize)MAX_META_LINE));

  if (length <= MAX_META_LINE && starts_with_word (line, source_words, G_N_ELEMENTS (source_words)) &&
      g_regex_match (regexes[RE_SOURCE], line, 0, &match))
    {
      take_value (&model->origin_url, g_match_info_fetch (match, 1));
      return PX_META_LINE_WHOLE;
    }
  g_clear_pointer (&match, g_match_info_free);

  if (starts_with_word (line, date_words, G_N_ELEMENTS (date_words)) &&
      g_regex_match (regexes[RE_DATE_LINE], line, 0, &match))
    {
      g_autofree char *rest = g_match_info_fetch (match, 2);
      int rest_start = 0;

      take_value (&model->date, g_match_info_fetch (match, 1));
      if (is_label (rest))
        return PX_META_LINE_WHOLE;
      g_match_info_fetch_pos (match, 2, &rest_start, NULL);
      *content_start = start + rest_start;
      /* " date 2022-11-21 ASTANA (Agency) - The …": a dateline may follow. */
      if (top)
        {
          gsize prefix = 0;

          if (match_dateline (line + rest_start, length - rest_start, model, &prefix) == PX_META_LINE_PREFIX)
            *content_start += prefix;
        }
      return PX_META_LINE_PREFIX;
    }

  if (length <= 80 && is_timestamp (line, &date))
    {
      take_value (&model->date, date);
      return PX_META_LINE_WHOLE;
    }

  if (top)
    {
      gsize prefix = 0;

      if (match_dateline (line, length, model, &prefix) == PX_META_LINE_PREFIX)
        {
          *content_start = start + prefix;
          return PX_META_LINE_PREFIX;
        }
    }
  return PX_META_LINE_NONE;
}
