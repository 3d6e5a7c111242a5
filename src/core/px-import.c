/* px-import.c: bytes → documents (plain text; web pages go to px-html.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "px-document-private.h"
#include "px-error.h"
#include "px-import.h"

/* How much of a file is looked at to tell text from binary and HTML. */
#define SNIFF_BYTES 4096

char *
px_import_display_name (const char *origin)
{
  if (origin == NULL)
    return g_strdup ("input");
  return g_path_get_basename (origin);
}

gboolean
px_import_check_length (const char  *name,
                        gsize        length,
                        GError     **error)
{
  if (length == 0)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_EMPTY, "“%s” is empty", name);
      return FALSE;
    }
  if (length > PX_IMPORT_MAX_BYTES)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_TOO_LARGE,
                   "“%s” is too large (%" G_GSIZE_FORMAT " MB; the limit is %d MB)",
                   name, length / (1024 * 1024), PX_IMPORT_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_html_name (const char *origin)
{
  g_autofree char *lower = origin != NULL ? g_ascii_strdown (origin, -1) : NULL;

  return lower != NULL &&
         (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm") ||
          g_str_has_suffix (lower, ".xhtml"));
}

static gboolean
looks_like_html (const char *data,
                 gsize       length)
{
  gsize n = MIN (length, SNIFF_BYTES);
  g_autofree char *head = NULL;
  const char *p;

  /* Skip a UTF-8 BOM and leading white space. */
  if (n >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      n -= 3;
    }
  head = g_ascii_strdown (data, n);
  p = head;
  while (*p != '\0' && g_ascii_isspace (*p))
    p++;
  if (g_str_has_prefix (p, "<!doctype html") || g_str_has_prefix (p, "<html") ||
      g_str_has_prefix (p, "<head") || g_str_has_prefix (p, "<body"))
    return TRUE;
  if (g_str_has_prefix (p, "<?xml") || g_str_has_prefix (p, "<!--"))
    return strstr (p, "<html") != NULL;
  return FALSE;
}

/* Binary: NUL bytes, or many control characters, in the first few KiB.
 * UTF-16 text has NUL bytes too; it is recognised before by its BOM. */
static gboolean
looks_binary (const char *data,
              gsize       length)
{
  gsize n = MIN (length, SNIFF_BYTES);
  gsize controls = 0;

  for (gsize i = 0; i < n; i++)
    {
      guchar c = data[i];

      if (c == 0)
        return TRUE;
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
        controls++;
    }
  /* A stray control byte or two is damage in a text, not a binary file. */
  return controls > 2 && controls * 20 > n;
}

/* Scores how much a decoded text looks like Russian: frequent letters and
 * lower case after lower case. Windows-1251 and KOI8-R read each other's
 * text as a plausible-looking jumble of mostly upper-case letters. */
static double
cyrillic_score (const char *utf8)
{
  static const char frequent[] = "оеаинтсрвлкмдпу";
  double score = 0;
  gboolean prev_lower = FALSE;

  for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch >= 0x0400 && ch <= 0x04FF)
        {
          gboolean lower = g_unichar_islower (ch);

          if (lower && strstr (frequent, (char[]){ p[0], p[1], 0 }) != NULL)
            score += 2;
          if (lower && prev_lower)
            score += 1;
          if (!lower)
            score -= 1;
          prev_lower = lower;
        }
      else
        prev_lower = FALSE;
    }
  return score;
}

static gboolean
has_high_bytes (const char *data,
                gsize       length,
                gsize      *n_high)
{
  gsize high = 0;

  for (gsize i = 0; i < length; i++)
    if ((guchar)data[i] >= 0x80)
      high++;
  *n_high = high;
  return high > 0;
}

/* Legacy 8-bit text: Windows-1252 unless the high bytes read as Russian in
 * Windows-1251 or KOI8-R, whichever reads better. */
static char *
decode_legacy (const char  *data,
               gsize        length,
               const char **encoding,
               gsize       *out_length)
{
  static const char * const cyrillic[] = { "WINDOWS-1251", "KOI8-R" };
  g_autofree char *best = NULL;
  const char *best_encoding = NULL;
  double best_score = 0;
  gsize best_length = 0;
  gsize n_high = 0;

  has_high_bytes (data, length, &n_high);

  for (guint i = 0; i < G_N_ELEMENTS (cyrillic); i++)
    {
      gsize written = 0;
      g_autofree char *converted = g_convert (data, length, "UTF-8", cyrillic[i], NULL, &written, NULL);
      double score;

      if (converted == NULL)
        continue;
      score = cyrillic_score (converted);
      if (score > best_score)
        {
          g_free (best);
          best = g_steal_pointer (&converted);
          best_encoding = cyrillic[i];
          best_score = score;
          best_length = written;
        }
    }

  /* Russian text scores about two points a letter; Latin text with a few
   * accented letters scores little or below zero. */
  if (best != NULL && best_score > n_high * 0.8)
    {
      *encoding = best_encoding;
      *out_length = best_length;
      return g_steal_pointer (&best);
    }

  {
    gsize written = 0;
    char *converted = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &written, NULL);

    if (converted != NULL)
      {
        *encoding = "WINDOWS-1252";
        *out_length = written;
        return converted;
      }
    /* Bytes Windows-1252 leaves undefined (0x81, 0x8D …): Latin-1 defines all. */
    converted = g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, &written, NULL);
    *encoding = "ISO-8859-1";
    *out_length = written;
    return converted;
  }
}

/* FALSE when NFC could change the text: combining marks, Hangul jamo and
 * the singletons NFC maps to other characters. Text without them (nearly
 * all news text, curly quotes and accented letters included) is already in
 * NFC, and normalizing a large text costs more than reading it. */
static gboolean
is_nfc_quick (const char *utf8,
              gsize       length)
{
  const char *end = utf8 + length;

  for (const char *p = utf8; p < end; )
    {
      gunichar ch;

      if ((guchar)*p < 0x80)
        {
          p++;
          continue;
        }
      ch = g_utf8_get_char (p);
      if (g_unichar_ismark (ch) ||
          (ch >= 0x0340 && ch <= 0x0344) || ch == 0x0374 || ch == 0x037E || ch == 0x0387 ||
          (ch >= 0x1100 && ch <= 0x11FF) || (ch >= 0x1F71 && ch <= 0x1FFE) ||
          ch == 0x2000 || ch == 0x2001 || ch == 0x2126 || ch == 0x212A || ch == 0x212B ||
          ch == 0x2329 || ch == 0x232A || (ch >= 0xAC00 && ch <= 0xD7A3) ||
          (ch >= 0xF900 && ch <= 0xFAFF) || (ch >= 0x2F800 && ch <= 0x2FA1F))
        return FALSE;
      p = g_utf8_next_char (p);
    }
  return TRUE;
}

/* LF line ends, no other control characters, NFC. */
static char *
normalize_text (const char *utf8,
                gsize       length,
                gsize      *out_length)
{
  GString *out = g_string_sized_new (length);
  g_autofree char *nfc = NULL;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = utf8[i];

      if (c == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < length && utf8[i + 1] == '\n')
            i++;
        }
      else if (c < 0x20 && c != '\n' && c != '\t')
        continue;
      else if (c == 0x7F)
        continue;
      else
        g_string_append_c (out, c);
    }

  if (is_nfc_quick (out->str, out->len))
    {
      *out_length = out->len;
      return g_string_free (out, FALSE);
    }

  nfc = g_utf8_normalize (out->str, out->len, G_NORMALIZE_NFC);
  g_string_free (out, TRUE);
  if (nfc == NULL)
    return NULL;
  *out_length = strlen (nfc);
  return g_steal_pointer (&nfc);
}

char *
px_decode_text (const char  *data,
                gsize        length,
                const char  *origin,
                const char **encoding,
                gsize       *out_length,
                GError     **error)
{
  g_autofree char *name = px_import_display_name (origin);
  g_autofree char *utf8 = NULL;
  gsize utf8_length = 0;
  char *normalized;
  const char *invalid = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (encoding != NULL, NULL);
  g_return_val_if_fail (out_length != NULL, NULL);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      *encoding = "UTF-8";
      data += 3;
      length -= 3;
      if (!g_utf8_validate (data, length, &invalid))
        {
          g_set_error (error, PX_ERROR, PX_ERROR_ENCODING,
                       "“%s” says it is UTF-8 text but is not (byte %" G_GSIZE_FORMAT ")",
                       name, (gsize)(invalid - data) + 3);
          return NULL;
        }
      utf8 = g_strndup (data, length);
      utf8_length = length;
    }
  else if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      gboolean little = (guchar)data[0] == 0xFF;
      g_autoptr(GError) local_error = NULL;

      *encoding = little ? "UTF-16LE" : "UTF-16BE";
      utf8 = g_convert (data + 2, length - 2, "UTF-8", *encoding, NULL, &utf8_length, &local_error);
      if (utf8 == NULL)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_ENCODING,
                       "“%s” starts like UTF-16 text but cannot be read as such: %s",
                       name, local_error->message);
          return NULL;
        }
    }
  else if (looks_binary (data, length))
    {
      g_set_error (error, PX_ERROR, PX_ERROR_BINARY,
                   "“%s” is not a text file (it contains binary data); open a plain-text or HTML file",
                   name);
      return NULL;
    }
  else if (g_utf8_validate (data, length, NULL))
    {
      *encoding = "UTF-8";
      utf8 = g_strndup (data, length);
      utf8_length = length;
    }
  else
    {
      utf8 = decode_legacy (data, length, encoding, &utf8_length);
      if (utf8 == NULL)
        {
          g_set_error (error, PX_ERROR, PX_ERROR_ENCODING,
                       "“%s” is neither UTF-8 nor a known 8-bit encoding; save it as UTF-8 and try again",
                       name);
          return NULL;
        }
    }

  normalized = normalize_text (utf8, utf8_length, out_length);
  if (normalized == NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_ENCODING, "“%s” could not be normalized as Unicode text", name);
      return NULL;
    }
  return normalized;
}

/* Metadata of plain text */

static const char * const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static int
parse_month (const char *word)
{
  g_autofree char *lower = g_ascii_strdown (word, -1);

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_str_has_prefix (lower, month_names[i]))
      return i + 1;
  return 0;
}

static gboolean
valid_date (int year,
            int month,
            int day)
{
  return year >= 1800 && year <= 2200 && g_date_valid_dmy (day, month, year);
}

/* Date patterns of datelines and date lines, with the groups that hold the
 * year, the month (a number or a name) and the day. */
typedef struct
{
  const char *pattern;
  guint       year, month, day;
  gboolean    month_is_name;
} DatePattern;

static const DatePattern date_patterns[] = {
  /* 2022-11-20 */
  { "\\b(\\d{4})-(\\d{2})-(\\d{2})\\b", 1, 2, 3, FALSE },
  /* 20.11.2022, 20/11/2022: day first, as written in Europe and Asia */
  { "\\b(\\d{1,2})[./](\\d{1,2})[./](\\d{4})\\b", 3, 2, 1, FALSE },
  /* March 13, 2023 · Nov. 20 2022 */
  { "\\b([A-Z][a-z]{2,8})\\.? (\\d{1,2}),? (\\d{4})\\b", 3, 1, 2, TRUE },
  /* 12 March 2023 */
  { "\\b(\\d{1,2}) ([A-Z][a-z]{2,8}) (\\d{4})\\b", 3, 2, 1, TRUE },
};

static int
fetch_int (GMatchInfo *match,
           guint       group)
{
  g_autofree char *str = g_match_info_fetch (match, group);

  return atoi (str);
}

/* A date near the start of the text: "date 2022-11-20", a dateline such as
 * "Brussels 20.11.2022" or "MARLOW, March 13, 2023". */
static char *
find_leading_date (const char *text,
                   gsize       length)
{
  static GRegex *regexes[G_N_ELEMENTS (date_patterns)];
  static gsize initialized;
  g_autofree char *head = g_strndup (text, MIN (length, 200));
  char *cut = head;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (date_patterns); i++)
        regexes[i] = g_regex_new (date_patterns[i].pattern, G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&initialized, 1);
    }

  /* The first three lines at most (title, blank, dateline): a date deeper
   * in the text is not the document's. */
  for (guint lines = 0; cut != NULL && lines < 3; lines++)
    if ((cut = strchr (cut, '\n')) != NULL)
      cut++;
  if (cut != NULL)
    *cut = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (date_patterns); i++)
    {
      const DatePattern *dp = &date_patterns[i];
      g_autoptr(GMatchInfo) match = NULL;
      int year, month, day;

      if (!g_regex_match (regexes[i], head, 0, &match))
        continue;

      year = fetch_int (match, dp->year);
      day = fetch_int (match, dp->day);
      if (dp->month_is_name)
        {
          g_autofree char *name = g_match_info_fetch (match, dp->month);
          month = parse_month (name);
        }
      else
        month = fetch_int (match, dp->month);

      if (month > 0 && valid_date (year, month, day))
        return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
    }

  return NULL;
}

PxDocument *
px_import_text (const char  *data,
                gsize        length,
                const char  *origin,
                GError     **error)
{
  g_autoptr(PxDocumentBuilder) builder = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  const char *encoding = NULL;
  gsize text_length = 0;
  const char *p;

  text = px_decode_text (data, length, origin, &encoding, &text_length, error);
  if (text == NULL)
    return NULL;

  for (p = text; *p != '\0' && g_ascii_isspace (*p); p++)
    ;
  if (*p == '\0')
    {
      g_autofree char *name = px_import_display_name (origin);

      g_set_error (error, PX_ERROR, PX_ERROR_EMPTY, "“%s” holds no text", name);
      return NULL;
    }

  date = find_leading_date (p, text_length - (p - text));

  builder = px_document_builder_new ();
  px_document_builder_set_meta (builder, PX_META_ORIGIN, origin);
  px_document_builder_set_meta (builder, PX_META_ENCODING, encoding);
  px_document_builder_set_meta (builder, PX_META_FORMAT, "text");
  px_document_builder_set_meta (builder, PX_META_DATE, date);
  px_document_builder_set_plain_text (builder, text, text_length);
  return px_document_builder_end (g_steal_pointer (&builder));
}

PxDocument *
px_import_bytes (GBytes        *bytes,
                 const char    *origin,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *name = px_import_display_name (origin);
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (!px_import_check_length (name, length, error))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (looks_like_html (data, length) || (has_html_name (origin) && !looks_binary (data, length)))
    return px_import_html (data, length, origin, error);
  return px_import_text (data, length, origin, error);
}

GBytes *
px_read_file (GFile         *file,
              goffset        max_bytes,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  origin = g_file_get_path (file);
  if (origin == NULL)
    origin = g_file_get_uri (file);
  name = px_import_display_name (origin);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_READ, "“%s” could not be read: %s", name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_READ, "“%s” is a folder, not a file", name);
      return NULL;
    }
  if (g_file_info_get_size (info) > max_bytes)
    {
      g_set_error (error, PX_ERROR, PX_ERROR_TOO_LARGE,
                   "“%s” is too large (%" G_GOFFSET_FORMAT " MB; the limit is %" G_GOFFSET_FORMAT " MB)",
                   name, g_file_info_get_size (info) / (1024 * 1024), max_bytes / (1024 * 1024));
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, PX_ERROR, PX_ERROR_READ, "“%s” could not be read: %s", name, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

PxDocument *
px_import_file (GFile         *file,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GBytes) bytes = px_read_file (file, PX_IMPORT_MAX_BYTES, cancellable, error);
  g_autofree char *origin = NULL;

  if (bytes == NULL)
    return NULL;
  origin = g_file_get_path (file);
  if (origin == NULL)
    origin = g_file_get_uri (file);
  return px_import_bytes (bytes, origin, cancellable, error);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  PxDocument *document = px_import_file (task_data, cancellable, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
px_import_file_async (GFile               *file,
                      int                  io_priority,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, px_import_file_async);
  g_task_set_priority (task, io_priority);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

PxDocument *
px_import_file_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == px_import_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
