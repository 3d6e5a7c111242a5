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

static void
newline (PxJsonWriter *writer)
{
  if (!writer->pretty)
    return;
  g_string_append_c (writer->out, '\n');
  for (guint i = 0; i < writer->depth; i++)
    g_string_append_c (writer->out, ' ');
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
    g_string_append_c (writer->out, ',');
  writer->first = FALSE;
  if (writer->depth > 0)
    newline (writer);
}

static void
begin (PxJsonWriter *writer,
       char          open)
{
  before_value (writer);
  g_string_append_c (writer->out, open);
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
  g_string_append_c (writer->out, close);
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

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default:
          g_string_append (out, "\\u00");
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 15]);
          break;
        }
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

void
px_json_writer_member (PxJsonWriter *writer,
                       const char   *name)
{
  before_value (writer);
  append_string (writer->out, name);
  g_string_append (writer->out, writer->pretty ? " : " : ":");
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
  guint n = 0;

  do
    {
      digits[n++] = '0' + value % 10;
      value /= 10;
    }
  while (value > 0);
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

void
px_json_writer_int (PxJsonWriter *writer,
                    gint64        value)
{
  before_value (writer);
  if (value < 0)
    {
      g_string_append_c (writer->out, '-');
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
  g_string_append_c (writer->out, '"');
  g_string_append_c (writer->out, prefix);
  append_uint (writer->out, number);
  if (infix != '\0')
    {
      g_string_append_c (writer->out, infix);
      append_uint (writer->out, second);
    }
  g_string_append_c (writer->out, '"');
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
  for (int digits = 15; digits <= 17; digits++)
    {
      char fmt[8];

      g_snprintf (fmt, sizeof fmt, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, fmt, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (writer->out, buf);
}

void
px_json_writer_boolean (PxJsonWriter *writer,
                        gboolean      value)
{
  before_value (writer);
  g_string_append (writer->out, value ? "true" : "false");
}

void
px_json_writer_null (PxJsonWriter *writer)
{
  before_value (writer);
  g_string_append (writer->out, "null");
}
