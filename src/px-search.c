/* px-search.c: finding text in the sources as a reader types it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text is folded (decomposed, marks dropped, lower case) into a copy
 * that remembers, for each of its bytes, the original character it came
 * from; the needle is folded the same way and found in the copy.
 */
#define G_LOG_DOMAIN "px-search"

#include "config.h"

#include <glib/gi18n.h>

#include "px-search.h"
#include "px-source-view.h"

typedef struct
{
  GString *text;
  GArray  *start;  /* guint: original byte where each folded byte's character starts */
  GArray  *end;    /* guint: and where it ends */
} Folded;

static void
fold_char (gunichar  c,
           gboolean  lower,
           GString  *out)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));

  for (gsize i = 0; i < n; i++)
    {
      if (g_unichar_ismark (decomposed[i]))
        continue;
      g_string_append_unichar (out, lower ? g_unichar_tolower (decomposed[i]) : decomposed[i]);
    }
}

static void
fold (const char *text,
      gsize       length,
      gboolean    lower,
      Folded     *folded)
{
  const char *p = text;
  const char *end = text + length;

  folded->text = g_string_sized_new (length);
  folded->start = g_array_sized_new (FALSE, FALSE, sizeof (guint), length);
  folded->end = g_array_sized_new (FALSE, FALSE, sizeof (guint), length);

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next = c == (gunichar)-1 || c == (gunichar)-2 ? p + 1 : g_utf8_next_char (p);
      gsize before = folded->text->len;
      guint s = p - text;
      guint e = next - text;

      if (c == (gunichar)-1 || c == (gunichar)-2)
        g_string_append_c (folded->text, '?');
      else
        fold_char (c, lower, folded->text);
      for (gsize i = before; i < folded->text->len; i++)
        {
          g_array_append_val (folded->start, s);
          g_array_append_val (folded->end, e);
        }
      p = next;
    }
}

static void
folded_clear (Folded *folded)
{
  if (folded->text != NULL)
    g_string_free (folded->text, TRUE);
  g_clear_pointer (&folded->start, g_array_unref);
  g_clear_pointer (&folded->end, g_array_unref);
}

static gboolean
is_word_char_before (const char *text,
                     guint       offset)
{
  const char *prev;

  if (offset == 0)
    return FALSE;
  prev = g_utf8_find_prev_char (text, text + offset);
  return prev != NULL && g_unichar_isalnum (g_utf8_get_char (prev));
}

static gboolean
is_word_char_at (const char *text,
                 gsize       length,
                 guint       offset)
{
  return offset < length && g_unichar_isalnum (g_utf8_get_char (text + offset));
}

static void
add_match (GArray       *matches,
           const Folded *folded,
           const char   *text,
           gsize         length,
           gsize         fstart,
           gsize         fend,
           PxSearchFlags flags)
{
  PxTextRange range;

  if (fend <= fstart || fend > folded->text->len)
    return;
  range.start = g_array_index (folded->start, guint, fstart);
  range.end = g_array_index (folded->end, guint, fend - 1);
  if ((flags & PX_SEARCH_WHOLE_WORD) &&
      (is_word_char_before (text, range.start) || is_word_char_at (text, length, range.end)))
    return;
  /* A character folded into several (ß → ss) is matched whole or not at all. */
  if (matches->len > 0 && g_array_index (matches, PxTextRange, matches->len - 1).end > range.start)
    return;
  g_array_append_val (matches, range);
}

/* GLib's messages quote the whole pattern and count bytes: a reader wants
 * to know what is wrong. */
static const char *
describe_regex_error (const GError *error)
{
  switch (error->code)
    {
    case G_REGEX_ERROR_UNMATCHED_PARENTHESIS:
      return _("Missing “)”");
    case G_REGEX_ERROR_UNTERMINATED_CHARACTER_CLASS:
      return _("Missing “]”");
    case G_REGEX_ERROR_STRAY_BACKSLASH:
      return _("“\\” at the end");
    case G_REGEX_ERROR_NOTHING_TO_REPEAT:
      return _("Nothing before “*”, “+” or “?”");
    case G_REGEX_ERROR_QUANTIFIERS_OUT_OF_ORDER:
    case G_REGEX_ERROR_QUANTIFIER_TOO_BIG:
      return _("Invalid count in “{}”");
    case G_REGEX_ERROR_RANGE_OUT_OF_ORDER:
      return _("Invalid range in “[]”");
    default:
      return _("Invalid regular expression");
    }
}

GArray *
px_search_text (const char     *text,
                gsize           length,
                const char     *needle,
                PxSearchFlags   flags,
                GError        **error)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (PxTextRange));
  Folded haystack = { 0 };
  Folded pattern = { 0 };

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (needle != NULL, NULL);

  if (*needle == '\0' || length == 0)
    return g_steal_pointer (&matches);

  fold (text, length, !(flags & PX_SEARCH_MATCH_CASE), &haystack);

  if (flags & PX_SEARCH_REGEX)
    {
      g_autoptr(GRegex) regex = NULL;
      g_autoptr(GMatchInfo) info = NULL;
      g_autoptr(GError) regex_error = NULL;

      /* Accents out of the pattern, case left to the regex: "\D" is not "\d". */
      fold (needle, strlen (needle), FALSE, &pattern);
      regex = g_regex_new (pattern.text->str,
                           ((flags & PX_SEARCH_MATCH_CASE) ? 0 : G_REGEX_CASELESS) | G_REGEX_OPTIMIZE,
                           0, &regex_error);
      if (regex == NULL)
        {
          g_debug ("%s", regex_error->message);
          g_set_error_literal (error, G_REGEX_ERROR, regex_error->code, describe_regex_error (regex_error));
          folded_clear (&haystack);
          folded_clear (&pattern);
          return NULL;
        }
      g_regex_match_full (regex, haystack.text->str, haystack.text->len, 0, 0, &info, NULL);
      while (g_match_info_matches (info))
        {
          int s, e;

          if (g_match_info_fetch_pos (info, 0, &s, &e) && e > s)
            add_match (matches, &haystack, text, length, s, e, flags);
          g_match_info_next (info, NULL);
        }
    }
  else
    {
      const char *hay = haystack.text->str;
      const char *found;

      fold (needle, strlen (needle), !(flags & PX_SEARCH_MATCH_CASE), &pattern);
      if (pattern.text->len > 0)
        for (found = strstr (hay, pattern.text->str); found != NULL;
             found = strstr (found + 1, pattern.text->str))
          add_match (matches, &haystack, text, length,
                     found - hay, found - hay + pattern.text->len, flags);
    }

  folded_clear (&haystack);
  folded_clear (&pattern);
  return g_steal_pointer (&matches);
}
