/* px-json-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include "px-json-writer.h"

void
px_json_writer_init (PxJsonWriter *writer,
                     gboolean      pretty)
{
  memset (writer, 0, sizeof *writer);
  writer->out = g_string_sized_new (4096);
  writer->pretty = pretty;
  writer->first = TRUE;
}

char *
px_json_writer_finish (PxJsonWriter *writer,
                       gsize        *length)
{
  g_return_val_if_fail (writer->depth == 0, NULL);

  if (length != NULL)
    *length = writer->out->len;
  return g_string_free (g_steal_pointer (&writer->out), FALSE);
}

/* Appends without g_string_append_len()'s general case (it allows the
 * source to overlap the string): exports append millions of short runs. */
static inline void
put (GString    *out,
     const char *data,
     gsize       length)
{
  if (out->len + length >= out->allocated_len)
    {
      gsize len = out->len;

      g_string_set_size (out, len + length);   /* grows the allocation */
      out->len = len;
    }
  memcpy (out->str + out->len, data, length);
  out->len += length;
  out->str[out->len] = '\0';
}

static inline void
put_c (GString *out,
       char     c)
{
  if (out->len + 1 >= out->allocated_len)
    put (out, &c, 1);
  else
    {
      out->str[out->len++] = c;
      out->str[out->len] = '\0';
    }
}

static void
newline (PxJsonWriter *writer)
{
  if (!writer->pretty)
    return;
  put_c (writer->out, '\n');
  for (guint i = 0; i < writer->depth; i++)
    put_c (writer->out, ' ');
}

/* Before any value: the comma and line break it needs. */
static void
before_value (PxJsonWriter *writer)
{
  if (writer->member)
    {
      writer->member = FALSE;
      return;
    }
  if (!writer->first)
    put_c (writer->out, ',');
  writer->first = FALSE;
  if (writer->depth > 0)
    newline (writer);
}

static void
begin (PxJsonWriter *writer,
       char          open)
{
  before_value (writer);
  put_c (writer->out, open);
  writer->depth++;
  writer->first = TRUE;
}

static void
end (PxJsonWriter *writer,
     char          close)
{
  gboolean empty = writer->first;

  g_return_if_fail (writer->depth > 0);

  writer->depth--;
  if (!empty)
    newline (writer);
  put_c (writer->out, close);
  writer->first = FALSE;
}

void
px_json_writer_begin_object (PxJsonWriter *writer)
{
  begin (writer, '{');
}

void
px_json_writer_end_object (PxJsonWriter *writer)
{
  end (writer, '}');
}

void
px_json_writer_begin_array (PxJsonWriter *writer)
{
  begin (writer, '[');
}

void
px_json_writer_end_array (PxJsonWriter *writer)
{
  end (writer, ']');
}

static void
append_string (GString    *out,
               const char *value)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = value;

  put_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      put (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': put (out, "\\\"", sizeof "\\\"" - 1); break;
        case '\\': put (out, "\\\\", sizeof "\\\\" - 1); break;
        case '\n': put (out, "\\n", sizeof "\\n" - 1); break;
        case '\t': put (out, "\\t", sizeof "\\t" - 1); break;
        case '\r': put (out, "\\r", sizeof "\\r" - 1); break;
        default:
          put (out, "\\u00", sizeof "\\u00" - 1);
          put_c (out, hex[c >> 4]);
          put_c (out, hex[c & 15]);
          break;
        }
    }
  put (out, run, strlen (run));
  put_c (out, '"');
}

void
px_json_writer_member (PxJsonWriter *writer,
                       const char   *name)
{
  before_value (writer);
  append_string (writer->out, name);
  if (writer->pretty)
    put (writer->out, " : ", 3);
  else
    put_c (writer->out, ':');
  writer->member = TRUE;
}

void
px_json_writer_string (PxJsonWriter *writer,
                       const char   *value)
{
  if (value == NULL)
    {
      px_json_writer_null (writer);
      return;
    }
  before_value (writer);
  append_string (writer->out, value);
}

/* Decimal digits without printf: exports write hundreds of thousands. */
static void
append_uint (GString *out,
             guint64  value)
{
  char digits[24];
  guint n = sizeof digits;

  do
    {
      digits[--n] = '0' + value % 10;
      value /= 10;
    }
  while (value > 0);
  put (out, digits + n, sizeof digits - n);
}

void
px_json_writer_int (PxJsonWriter *writer,
                    gint64        value)
{
  before_value (writer);
  if (value < 0)
    {
      put_c (writer->out, '-');
      append_uint (writer->out, -(guint64)value);
    }
  else
    append_uint (writer->out, value);
}

void
px_json_writer_id (PxJsonWriter *writer,
                   char          prefix,
                   guint         number,
                   char          infix,
                   guint         second)
{
  before_value (writer);
  put_c (writer->out, '"');
  put_c (writer->out, prefix);
  append_uint (writer->out, number);
  if (infix != '\0')
    {
      put_c (writer->out, infix);
      append_uint (writer->out, second);
    }
  put_c (writer->out, '"');
}

/* The shortest form that reads back as the same double. */
void
px_json_writer_double (PxJsonWriter *writer,
                       double        value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      px_json_writer_null (writer);
      return;
    }
  before_value (writer);
  /* A whole number below 10^15 (counts, years, most amounts) is its
   * digits, as "%.15g" writes it, without printf's work; -0 is left to
   * printf. */
  if (value == floor (value) && fabs (value) < 1e15 && !(value == 0 && signbit (value)))
    {
      guint64 n = (guint64)fabs (value);
      char *p = buf + sizeof buf;

      do
        {
          *--p = '0' + n % 10;
          n /= 10;
        }
      while (n > 0);
      if (value < 0)
        *--p = '-';
      put (writer->out, p, buf + sizeof buf - p);
      return;
    }
  for (int digits = 15; digits <= 17; digits++)
    {
      static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

      g_ascii_formatd (buf, sizeof buf, formats[digits - 15], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  put (writer->out, buf, strlen (buf));
}

void
px_json_writer_thousandths (PxJsonWriter *writer,
                            double        value)
{
  gint64 thousandths;
  char frac[4];
  guint n = 3;

  if (!isfinite (value) || fabs (value) > 1e15)
    {
      px_json_writer_double (writer, value);
      return;
    }
  thousandths = (gint64)floor (value * 1000.0 + 0.5);
  before_value (writer);
  if (thousandths < 0)
    {
      put_c (writer->out, '-');
      thousandths = -thousandths;
    }
  append_uint (writer->out, thousandths / 1000);
  frac[0] = '0' + thousandths / 100 % 10;
  frac[1] = '0' + thousandths / 10 % 10;
  frac[2] = '0' + thousandths % 10;
  while (n > 0 && frac[n - 1] == '0')
    n--;
  if (n > 0)
    {
      put_c (writer->out, '.');
      put (writer->out, frac, n);
    }
}

void
px_json_writer_boolean (PxJsonWriter *writer,
                        gboolean      value)
{
  before_value (writer);
  if (value)
    put (writer->out, "true", 4);
  else
    put (writer->out, "false", 5);
}

void
px_json_writer_null (PxJsonWriter *writer)
{
  before_value (writer);
  put (writer->out, "null", sizeof "null" - 1);
}
