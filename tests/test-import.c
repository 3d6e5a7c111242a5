/* test-import.c: decoding, bad input, metadata of plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "parallax-core.h"

typedef struct
{
  const char *name;
  const char *bytes;
  gsize       length;   /* 0: up to the first NUL */
  const char *encoding;
  const char *text;       /* expected normalized text */
} DecodeCase;

/* "Café — naïve" and two Russian sentences in legacy encodings, written
 * here byte by byte. */
static const DecodeCase decode_cases[] = {
  { "utf8", "Caf\xc3\xa9 \xe2\x80\x94 na\xc3\xafve.", 0, "UTF-8", "Café — naïve." },
  { "utf8-bom", "\xef\xbb\xbf" "Caf\xc3\xa9.", 9, "UTF-8", "Café." },
  { "utf16le-bom", "\xff\xfe" "C\0a\0f\0\xe9\0.\0", 12, "UTF-16LE", "Café." },
  { "utf16be-bom", "\xfe\xff" "\0C\0a\0f\0\xe9\0.", 12, "UTF-16BE", "Café." },
  { "cp1252", "Caf\xe9 \x97 na\xefve \x93quoted\x94.", 0, "WINDOWS-1252", "Café — naïve “quoted”." },
  /* "Выборы прошли спокойно." */
  { "cp1251", "\xc2\xfb\xe1\xee\xf0\xfb \xef\xf0\xee\xf8\xeb\xe8 \xf1\xef\xee\xea\xee\xe9\xed\xee.", 23,
    "WINDOWS-1251", "Выборы прошли спокойно." },
  /* the same in KOI8-R */
  { "koi8r", "\xf7\xd9\xc2\xcf\xd2\xd9 \xd0\xd2\xcf\xdb\xcc\xc9 \xd3\xd0\xcf\xcb\xcf\xca\xce\xcf.", 23,
    "KOI8-R", "Выборы прошли спокойно." },
  /* UTF-16 without a BOM, known by the zero bytes of its ASCII characters */
  { "utf16le-no-bom", "C\0a\0f\0\xe9\0 \0\x12\x04\x4b\x04.\0", 16, "UTF-16LE", "Café Вы." },
  { "utf16be-no-bom", "\0C\0a\0f\0\xe9\0 \x04\x12\x04\x4b\0.", 16, "UTF-16BE", "Café Вы." },
  /* "Выборы прошли спокойно в воскресенье." in UTF-16LE: zeros only in the
   * spaces and the full stop */
  { "utf16le-cyrillic-no-bom",
    "\x12\x04\x4b\x04\x31\x04\x3e\x04\x40\x04\x4b\x04 \0\x3f\x04\x40\x04\x3e\x04\x48\x04\x3b\x04"
    "\x38\x04 \0\x41\x04\x3f\x04\x3e\x04\x3a\x04\x3e\x04\x39\x04\x3d\x04\x3e\x04.\0", 46,
    "UTF-16LE", "Выборы прошли спокойно." },
  { "crlf", "One.\r\nTwo.\rThree.\n", 0, "UTF-8", "One.\nTwo.\nThree.\n" },
  { "nfc", "Cafe\xcc\x81.", 7, "UTF-8", "Café." },
  { "controls", "A\x01" "B\x7f" "C.", 6, "UTF-8", "ABC." },
};

static void
test_decode (gconstpointer data)
{
  const DecodeCase *tc = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *warning = NULL;
  const char *encoding = NULL;
  gsize length = 0;

  text = px_decode_text (tc->bytes, tc->length ? tc->length : strlen (tc->bytes), "case.txt",
                         &encoding, &length, &warning, &error);
  g_assert_no_error (error);
  g_assert_null (warning);
  g_assert_cmpstr (encoding, ==, tc->encoding);
  g_assert_cmpstr (text, ==, tc->text);
  g_assert_cmpuint (length, ==, strlen (tc->text));
}

/* The decoder reads ASCII a block at a time and the rest with GLib: a
 * sequence is read the same wherever it falls, before, across or after
 * a block's end, after ASCII or after text in another script. The text
 * is read as UTF-8 as it is exactly when GLib calls it valid. */
static void
test_utf8_anywhere (void)
{
  static const char * const sequences[] = {
    "\xc3\xa9", "\xea\xb0\x80", "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf",  /* valid */
    "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xed\xa0\x80",  /* overlong, surrogate */
    "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff",  /* past U+10FFFF */
    "\x80", "\xe2\x80", "\xe2\x80\xe2\x80\x94", "\xc3",  /* stray, cut short */
  };
  static const char * const before[] = { "Words of ASCII ", "\xea\xb0\x80\xea\xb0\x80 " };

  for (guint s = 0; s < G_N_ELEMENTS (sequences); s++)
    for (guint b = 0; b < G_N_ELEMENTS (before); b++)
      for (guint at = 0; at < 80; at++)
        for (guint tail = 0; tail < 2; tail++)
          {
            g_autoptr(GString) bytes = g_string_new (NULL);
            g_autoptr(GError) error = NULL;
            g_autofree char *text = NULL;
            g_autofree char *warning = NULL;
            const char *encoding = NULL;
            gsize length = 0;
            gboolean valid;

            while (bytes->len < at)
              g_string_append (bytes, before[b]);
            g_string_truncate (bytes, at);
            /* (a cut character before the sequence would be damage of its own) */
            while (!g_utf8_validate_len (bytes->str, bytes->len, NULL))
              g_string_truncate (bytes, bytes->len - 1);
            g_string_append (bytes, "x");
            g_string_append (bytes, sequences[s]);
            if (tail)
              g_string_append (bytes, " and more words of ASCII after the sequence, past a block or two.");
            valid = g_utf8_validate_len (bytes->str, bytes->len, NULL);
            text = px_decode_text (bytes->str, bytes->len, "case.txt", &encoding, &length, &warning, &error);
            if (valid)
              {
                g_assert_no_error (error);
                g_assert_cmpstr (encoding, ==, "UTF-8");
                g_assert_null (warning);
                g_assert_cmpstr (text, ==, bytes->str);
              }
            else
              /* an error, another encoding, or repairs with a warning */
              g_assert_true (text == NULL || strcmp (encoding, "UTF-8") != 0 || warning != NULL);
          }
}

typedef struct
{
  const char *name;
  const char *bytes;
  gsize       length;
  int         code;
} BadCase;

static const BadCase bad_cases[] = {
  { "empty", "", 0, PX_ERROR_EMPTY },
  { "only-space", " \n\t\n ", 5, PX_ERROR_EMPTY },
  { "png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, PX_ERROR_BINARY },
  { "elf", "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16, PX_ERROR_BINARY },
  { "bom-lies", "\xef\xbb\xbf" "abc\xff\xfe", 8, PX_ERROR_ENCODING },
};

static void
test_bad_input (gconstpointer data)
{
  const BadCase *tc = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (tc->bytes, tc->length);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_import_bytes (bytes, "/some/dir/notes.txt", NULL, &error);

  g_assert_null (document);
  g_assert_error (error, PX_ERROR, tc->code);
  /* The message names the file, without its folder. */
  g_assert_nonnull (strstr (error->message, "“notes.txt”"));
}

static void
test_unreadable_and_folder (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("px-import-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "missing.txt", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) folder = g_file_new_for_path (tmpdir);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;

  document = px_import_file (missing_file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PX_ERROR, PX_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "missing.txt"));
  g_clear_error (&error);

  document = px_import_file (folder, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PX_ERROR, PX_ERROR_READ);
  g_rmdir (tmpdir);
}

static void
test_too_large (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("px-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "huge.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;
  FILE *f = g_fopen (path, "w");

  /* A sparse file: large on paper, nothing read before it is refused. */
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, PX_IMPORT_MAX_BYTES + 10, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', f), !=, EOF);
  fclose (f);

  document = px_import_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PX_ERROR, PX_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.txt"));
  g_unlink (path);
  g_rmdir (tmpdir);
}

/* Damage late in a file: the first 4 KiB are clean German UTF-8, then a
 * NUL or a broken byte. The file stays UTF-8 (not "BÃ¼rgermeister"), the
 * bad byte becomes U+FFFD and the document says so in its warnings; a
 * web page is read by the same rule. */
typedef struct
{
  const char *name;
  const char *damage;
  gsize       damage_length;
  gboolean    html;
} DamageCase;

static const DamageCase damage_cases[] = {
  { "text-nul", "\0", 1, FALSE },
  { "text-broken-byte", "\xff", 1, FALSE },
  { "text-truncated-sequence", "\xc3", 1, FALSE },
  { "text-nuls", "\0\0\0", 3, FALSE },
  { "html-nul", "\0", 1, TRUE },
  { "html-broken-byte", "\xff", 1, TRUE },
};

#define GERMAN "Der B\xc3\xbcrgermeister sagte am Montag, dass die Br\xc3\xbc" "cke wieder ge\xc3\xb6" "ffnet sei. "

static void
test_late_damage (gconstpointer data)
{
  const DamageCase *tc = data;
  g_autoptr(GString) bytes = g_string_new (tc->html ? "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                                                      "</head><body><article><p>" : "");
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;
  const char * const *warnings;
  const char *text;
  gsize at;

  while (bytes->len < 5000)
    g_string_append (bytes, GERMAN);
  at = bytes->len;
  g_string_append_len (bytes, tc->damage, tc->damage_length);
  g_string_append (bytes, GERMAN);
  if (tc->html)
    g_string_append (bytes, "</p></article></body></html>");

  input = g_bytes_new (bytes->str, bytes->len);
  document = px_import_bytes (input, tc->html ? "page.html" : "notes.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_encoding (document), ==, "UTF-8");
  text = px_document_get_text (document, NULL);
  g_assert_nonnull (strstr (text, "Bürgermeister"));
  g_assert_null (strstr (text, "Ã"));
  g_assert_nonnull (strstr (text, "\xef\xbf\xbd"));

  warnings = px_document_get_warnings (document);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (g_strv_length ((char **)warnings), ==, 1);
  g_assert_nonnull (strstr (warnings[0], "UTF-8"));
  {
    g_autofree char *byte = g_strdup_printf ("byte %" G_GSIZE_FORMAT ")", at);

    g_assert_nonnull (strstr (warnings[0], byte));
  }
}

/* A NUL or a broken byte between any two characters of the bytes the
 * decoder reads eight at a time (in ASCII, between letters of two bytes,
 * after one) is found where it is, and only it is replaced. */
static void
test_damage_every_offset (void)
{
  static const char * const damages[] = { "\0", "\xff", "\xc3" };

  for (guint d = 0; d < G_N_ELEMENTS (damages); d++)
    for (guint offset = 0; offset < 48; offset++)
      {
        g_autoptr(GString) bytes = g_string_new (NULL);
        g_autoptr(GBytes) input = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(PxDocument) document = NULL;
        g_autofree char *byte = NULL;
        const char * const *warnings;
        gsize at;

        while (bytes->len < 5000)
          g_string_append (bytes, GERMAN);
        g_string_append (bytes, "\xd0\x9c\xd1\x8d\xd1\x80 \xd1\x81\xd0\xba\xd0\xb0\xd0\xb7\xd0\xb0\xd0\xbb ok, "
                                "the mayor said on Monday. " GERMAN);
        at = bytes->len - strlen (GERMAN) - 48 + offset;
        /* (between characters: one byte more, in no character's place) */
        if (((guchar)bytes->str[at] & 0xC0) == 0x80)
          continue;
        g_string_insert_len (bytes, at, damages[d], 1);

        input = g_bytes_new (bytes->str, bytes->len);
        document = px_import_bytes (input, "notes.txt", NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (px_document_get_encoding (document), ==, "UTF-8");
        g_assert_null (strstr (px_document_get_text (document, NULL), "Ã"));
        g_assert_nonnull (strstr (px_document_get_text (document, NULL), "\xef\xbf\xbd"));
        warnings = px_document_get_warnings (document);
        g_assert_cmpuint (g_strv_length ((char **)warnings), ==, 1);
        byte = g_strdup_printf ("byte %" G_GSIZE_FORMAT ")", at);
        g_assert_nonnull (strstr (warnings[0], byte));
      }
}

/* A NUL in text of another encoding is replaced too, and its place is
 * told in characters (in UTF-16 a character is two bytes; in an 8-bit
 * file a NUL counts as binary data in the first 4 KiB). */
static void
test_nul_in_other_encodings (void)
{
  g_autoptr(GString) latin = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *place = NULL;
  const char *encoding = NULL;
  gsize length = 0, n_chars = 0;

  text = px_decode_text ("\xff\xfe" "C\0a\0f\0\xe9\0\0\0.\0", 14, "nul.txt", &encoding, &length, &warning, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "UTF-16LE");
  g_assert_cmpstr (text, ==, "Café\xef\xbf\xbd.");
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "(character 4)"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&warning, g_free);

  while (latin->len < 5000)
    {
      g_string_append (latin, "Caf\xe9 na\xefve \x93quoted\x94. ");
      n_chars += 21;
    }
  g_string_append_c (latin, '\0');
  g_string_append (latin, "Fin.");
  text = px_decode_text (latin->str, latin->len, "nul.txt", &encoding, &length, &warning, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (encoding, ==, "WINDOWS-1252");
  g_assert_true (g_str_has_suffix (text, "“quoted”. \xef\xbf\xbd" "Fin."));
  g_assert_nonnull (warning);
  place = g_strdup_printf ("(character %" G_GSIZE_FORMAT ")", n_chars);
  g_assert_nonnull (strstr (warning, place));
}

/* A clean file has no warnings. */
static void
test_no_warnings (void)
{
  g_autoptr(GBytes) input = g_bytes_new_static (GERMAN, strlen (GERMAN));
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_import_bytes (input, "notes.txt", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (px_document_get_warnings (document));
  g_assert_null (px_document_get_warnings (document)[0]);
}

/* Random high bytes are no text in any 8-bit encoding (not Latin-1 with C1
 * controls, not KOI8-R); long legacy text still reads. */
static void
test_random_high_bytes (gconstpointer data)
{
  guint lowest = GPOINTER_TO_UINT (data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;

  for (guint i = 0; i < 200000; i++)
    {
      guint8 b = g_rand_int_range (rand, lowest, 0x100);

      g_byte_array_append (bytes, &b, 1);
    }
  input = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
  document = px_import_bytes (input, "/data/noise.txt", NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PX_ERROR, PX_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "“noise.txt”"));
  g_assert_nonnull (strstr (error->message, "not text"));
}

static void
test_long_legacy_text (void)
{
  /* "Выборы прошли спокойно, явка была высокой." in Windows-1251 */
  static const char sentence[] = "\xc2\xfb\xe1\xee\xf0\xfb \xef\xf0\xee\xf8\xeb\xe8 \xf1\xef\xee\xea\xee\xe9\xed\xee, "
                                 "\xff\xe2\xea\xe0 \xe1\xfb\xeb\xe0 \xe2\xfb\xf1\xee\xea\xee\xe9. ";
  g_autoptr(GString) bytes = g_string_new (NULL);
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;

  while (bytes->len < 100000)
    g_string_append (bytes, sentence);
  input = g_bytes_new (bytes->str, bytes->len);
  document = px_import_bytes (input, "ru.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_encoding (document), ==, "WINDOWS-1251");
  g_assert_nonnull (strstr (px_document_get_text (document, NULL), "Выборы прошли спокойно"));
}

/* The bounded reader: special files */

typedef struct
{
  GFile    *file;
  GMutex    lock;
  GCond     done_cond;
  gboolean  done;
  GBytes   *bytes;
  GError   *error;
} ReadJob;

static gpointer
read_job_thread (gpointer data)
{
  ReadJob *job = data;
  GError *error = NULL;
  GBytes *bytes = px_read_file (job->file, PX_IMPORT_MAX_BYTES, NULL, &error);

  g_mutex_lock (&job->lock);
  job->bytes = bytes;
  job->error = error;
  job->done = TRUE;
  g_cond_signal (&job->done_cond);
  g_mutex_unlock (&job->lock);
  return NULL;
}

/* px_read_file in a thread, failing the test when it takes longer than
 * @seconds (a read that hangs must fail, not hang the suite). */
static GBytes *
read_file_within (const char  *path,
                  guint        seconds,
                  GError     **error)
{
  ReadJob *job = g_new0 (ReadJob, 1);
  gint64 deadline = g_get_monotonic_time () + seconds * G_TIME_SPAN_SECOND;
  GBytes *bytes;

  job->file = g_file_new_for_path (path);
  g_mutex_init (&job->lock);
  g_cond_init (&job->done_cond);
  g_thread_unref (g_thread_new ("read", read_job_thread, job));

  g_mutex_lock (&job->lock);
  while (!job->done)
    if (!g_cond_wait_until (&job->done_cond, &job->lock, deadline))
      g_error ("reading “%s” took more than %u s", path, seconds);
  g_mutex_unlock (&job->lock);

  bytes = job->bytes;
  if (job->error != NULL)
    g_propagate_error (error, job->error);
  g_object_unref (job->file);
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->done_cond);
  g_free (job);
  return bytes;
}

/* A named pipe nothing writes to is refused after a short wait. */
static void
test_fifo_without_writer (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("px-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "pipe.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  bytes = read_file_within (path, 20, &error);
  g_assert_null (bytes);
  g_assert_error (error, PX_ERROR, PX_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "“pipe.txt”"));
  g_assert_nonnull (strstr (error->message, "no program wrote to"));
  g_unlink (path);
  g_rmdir (tmpdir);
}

typedef struct
{
  const char *path;
  gsize       to_write;
  gsize       written;
} PipeWriter;

/* Writes sentences to a named pipe until @to_write bytes are written or the
 * reader leaves. */
static gpointer
pipe_writer_thread (gpointer data)
{
  PipeWriter *writer = data;
  g_autoptr(GString) chunk = g_string_new (NULL);
  int fd = g_open (writer->path, O_WRONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  while (chunk->len < 64 * 1024)
    g_string_append (chunk, "The bridge reopened on Monday after two years of repairs. ");
  while (writer->written < writer->to_write)
    {
      gssize n = write (fd, chunk->str, MIN (chunk->len, writer->to_write - writer->written));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_assert_cmpint (errno, ==, EPIPE);
          break;
        }
      writer->written += n;
    }
  g_close (fd, NULL);
  return NULL;
}

/* A pipe is read as it comes (`compare <(command)`), and no further than
 * the limit: a writer that would give three times the limit is cut off. */
static void
test_fifo_fed (gconstpointer data)
{
  gsize to_write = GPOINTER_TO_SIZE (data);
  g_autofree char *tmpdir = g_dir_make_tmp ("px-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "fed.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;
  PipeWriter writer = { path, to_write, 0 };
  GThread *thread;

  signal (SIGPIPE, SIG_IGN);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  thread = g_thread_new ("writer", pipe_writer_thread, &writer);
  document = px_import_file (file, NULL, &error);
  g_thread_join (thread);

  if (to_write <= PX_IMPORT_MAX_BYTES)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (writer.written, ==, to_write);
      g_assert_cmpuint (px_document_get_n_segments (document), >, 0);
    }
  else
    {
      g_assert_null (document);
      g_assert_error (error, PX_ERROR, PX_ERROR_TOO_LARGE);
      g_assert_nonnull (strstr (error->message, "“fed.txt”"));
      /* The limit, a read chunk, what the pipe holds and one write more. */
      g_assert_cmpuint (writer.written, <, PX_IMPORT_MAX_BYTES + 2 * 1024 * 1024);
    }
  g_unlink (path);
  g_rmdir (tmpdir);
}

/* Devices are refused before anything is read from them. */
static void
test_devices (void)
{
  static const char * const devices[] = { "/dev/zero", "/dev/urandom", "/dev/null" };
  guint n_tried = 0;

  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *name = g_path_get_basename (devices[i]);
      g_autofree char *quoted = g_strdup_printf ("“%s”", name);

      GStatBuf st;

      if (g_stat (devices[i], &st) != 0 || !S_ISCHR (st.st_mode))
        continue;
      n_tried++;
      bytes = read_file_within (devices[i], 5, &error);
      g_assert_null (bytes);
      g_assert_error (error, PX_ERROR, PX_ERROR_READ);
      g_assert_nonnull (strstr (error->message, quoted));
      g_assert_nonnull (strstr (error->message, "device"));
    }
  if (n_tried == 0)
    g_test_skip ("no character devices in /dev");
}

/* A file that reports no size (/proc) is read all the same, and held to
 * the limit by what is read, not by what it reports. */
static void
test_unreported_size (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/proc/self/status");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!g_file_test ("/proc/self/status", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /proc");
      return;
    }
  bytes = px_read_file (file, PX_IMPORT_MAX_BYTES, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 100);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "Pid:"));
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = px_read_file (file, 16, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, PX_ERROR, PX_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“status”"));
}

typedef struct
{
  const char *name;
  const char *text;
  const char *title;
  const char *date;
} MetaCase;

static const MetaCase meta_cases[] = {
  { "title-and-dateline", "Bridge vote passes\n\nKessel, 12 March 2023 The vote passed.", "Bridge vote passes", "2023-03-12" },
  { "date-prefix", " date 2022-11-20 The election started.", NULL, "2022-11-20" },
  { "dotted-dateline", "Brussels 20.11.2022 Voting began today.", NULL, "2022-11-20" },
  { "month-first", "MARLOW, March 13, 2023 (Wire) - Voters approved it.", NULL, "2023-03-13" },
  { "no-date", "Voters approved the bridge on Sunday.", NULL, NULL },
  { "impossible-date", "Report 31.02.2023 Nothing happened.", NULL, NULL },
  { "sentence-is-no-title", "The vote passed.\nMore text here.", NULL, NULL },
  { "chrome-before-title", "Home » News » Bridge\n\nBridge vote passes\n\nThe vote passed.", "Bridge vote passes", NULL },
};

static void
test_metadata (gconstpointer data)
{
  const MetaCase *tc = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_import_text (tc->text, strlen (tc->text), "m.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (document), ==, tc->title);
  g_assert_cmpstr (px_document_get_date (document), ==, tc->date);
  g_assert_cmpstr (px_document_get_format (document), ==, "text");
}

/* Scraped pages of our own (tests/fixtures/scraped): their metadata lines
 * become the document's metadata, and each place is read as the kind
 * given (b: boilerplate or caption, s: sentence or heading). */
typedef struct
{
  const char *file;
  const char *title;
  const char *origin_url;
  const char *date;
  const char *dateline;
  const char *byline;
  const char *site;
  const char *places[16];
} ScrapedCase;

static const ScrapedCase scraped_cases[] = {
  { "flood-wire.txt", "Flood death toll rises to 41 as rivers keep climbing",
    "https://www.example-times.test/world/2024/05/03/flood-toll-rises", "2024-05-03",
    "VELDSTADT, Norland", "Dana Whitfield and Omar Haddad", "Example Times",
    { "b:source: https://", "b:Example Times", "b:World", "s:Flood death toll rises", "b:By Dana Whitfield",
      "b:Published 14:20 BST", "b:Share", "b:Facebook", "b:Rescue workers carry a woman", "b:(Photo: Ann Berg",
      "s:The death toll from floods", "s:Rescue teams worked through the night", "b:Related: Norland braces",
      "s:The national weather office", "b:Dana Whitfield is a senior correspondent", "b:All rights reserved" } },
  { "port-strike.txt", "Harbor port strike ends after three days", NULL, "2024-02-07", "Caldera", NULL, NULL,
    { "b:date 2024-02-07 Business", "b:Home / Business / Markets", "s:Harbor port strike ends",
      "b:2 min read", "b:port, strike, logistics", "s:Dockworkers at the port of Caldera",
      "s:The union said its members", "s:A union spokesman, J. Marlo, said", "b:ALSO READ | Caldera airport",
      "s:according to the U.S. Department of Commerce", "b:Tags: Strike Port Caldera",
      "b:(With inputs from agencies)" } },
  { "storm-live.txt", "Storm Mara makes landfall with winds of 150 km/h", NULL, NULL, NULL, NULL, NULL,
    { "b:Your browser is not supported", "b:Storm Mara: Live Updates", "b:Last updated: 10:42 GMT",
      "b:Advertisement", "s:Storm Mara made landfall", "b:A fisherman secures his boat in Portlow harbour on Tuesday.",
      "b:AGENCY/Jan Kol", "s:Emergency services said", "s:The storm is expected to weaken",
      "b:A fisherman secures his boat in Portlow harbour on Tuesday\nWe", "b:We use cookies" } },
};

static void
test_scraped (gconstpointer data)
{
  const ScrapedCase *tc = data;
  g_autofree char *path = g_build_filename (PX_TEST_SRCDIR, "fixtures", "scraped", tc->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_import_file (file, NULL, &error);
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpstr (px_document_get_title (document), ==, tc->title);
  g_assert_cmpstr (px_document_get_origin_url (document), ==, tc->origin_url);
  g_assert_cmpstr (px_document_get_date (document), ==, tc->date);
  g_assert_cmpstr (px_document_get_dateline (document), ==, tc->dateline);
  g_assert_cmpstr (px_document_get_byline (document), ==, tc->byline);
  g_assert_cmpstr (px_document_get_site (document), ==, tc->site);

  text = px_document_get_text (document, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (tc->places) && tc->places[i] != NULL; i++)
    {
      const char *place = tc->places[i] + 2;
      gboolean clutter = tc->places[i][0] == 'b';
      const char *at = strstr (text, place);
      guint s;
      const PxSegment *seg;

      g_assert_nonnull (at);
      /* The dateline is in no segment: the place's segment is the next one. */
      s = px_document_find_segment (document, at - text);
      g_assert_cmpuint (s, !=, G_MAXUINT);
      seg = px_document_get_segment (document, s);
      if (clutter != (seg->kind == PX_SEGMENT_BOILERPLATE || seg->kind == PX_SEGMENT_CAPTION))
        g_error ("%s: “%s” is read as %s", tc->file, place, px_segment_kind_to_string (seg->kind));
    }
}

static void
file_imported_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PxDocument **document = user_data;
  g_autoptr(GError) error = NULL;

  *document = px_import_file_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *path = g_build_filename (PX_TEST_SRCDIR, "..", "data", "examples", "02-nordpost-translation.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PxDocument *document = NULL;

  px_import_file_async (file, G_PRIORITY_DEFAULT, NULL, file_imported_cb, &document);
  while (document == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (px_document_get_date (document), ==, "2023-03-12");
  g_assert_cmpuint (px_document_get_n_segments (document), >, 5);
  g_object_unref (document);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (decode_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/import/decode/%s", decode_cases[i].name);
      g_test_add_data_func (path, &decode_cases[i], test_decode);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/import/bad/%s", bad_cases[i].name);
      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }
  for (guint i = 0; i < G_N_ELEMENTS (meta_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/import/metadata/%s", meta_cases[i].name);
      g_test_add_data_func (path, &meta_cases[i], test_metadata);
    }
  for (guint i = 0; i < G_N_ELEMENTS (scraped_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/import/scraped/%s", scraped_cases[i].file);
      g_test_add_data_func (path, &scraped_cases[i], test_scraped);
    }
  g_test_add_func ("/core/import/bad/unreadable-and-folder", test_unreadable_and_folder);
  g_test_add_func ("/core/import/bad/too-large", test_too_large);
  for (guint i = 0; i < G_N_ELEMENTS (damage_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/import/damage/%s", damage_cases[i].name);
      g_test_add_data_func (path, &damage_cases[i], test_late_damage);
    }
  g_test_add_func ("/core/import/damage/every-offset", test_damage_every_offset);
  g_test_add_func ("/core/import/damage/none", test_no_warnings);
  g_test_add_func ("/core/import/damage/nul-in-other-encodings", test_nul_in_other_encodings);
  g_test_add_data_func ("/core/import/bad/random-high-bytes", GUINT_TO_POINTER (0x80), test_random_high_bytes);
  g_test_add_data_func ("/core/import/bad/random-latin1-letters", GUINT_TO_POINTER (0xA0), test_random_high_bytes);
  g_test_add_func ("/core/import/decode/long-cp1251", test_long_legacy_text);
  g_test_add_func ("/core/import/decode/utf8-anywhere", test_utf8_anywhere);
  g_test_add_func ("/core/import/bad/fifo-without-writer", test_fifo_without_writer);
  g_test_add_data_func ("/core/import/fifo/fed", GSIZE_TO_POINTER (200 * 1024), test_fifo_fed);
  g_test_add_data_func ("/core/import/bad/fifo-fed-past-limit", GSIZE_TO_POINTER (3 * (gsize)PX_IMPORT_MAX_BYTES),
                        test_fifo_fed);
  g_test_add_func ("/core/import/bad/devices", test_devices);
  g_test_add_func ("/core/import/unreported-size", test_unreported_size);
  g_test_add_func ("/core/import/async", test_async);

  return g_test_run ();
}
