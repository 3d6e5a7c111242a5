/* px-json-writer.h: JSON written straight into a string, no tree
 *
 * The exporters write comparisons of many thousands of links; building a
 * JsonNode tree for them first cost more than the alignment itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  GString  *out;
  gboolean  pretty;
  guint     depth;
  gboolean  first;    /* no value yet in the open object or array */
  gboolean  member;   /* a member name was just written */
} PxJsonWriter;

void   px_json_writer_init         (PxJsonWriter *writer,
                                    gboolean      pretty);
char  *px_json_writer_finish       (PxJsonWriter *writer,
                                    gsize        *length);
void   px_json_writer_begin_object (PxJsonWriter *writer);
void   px_json_writer_end_object   (PxJsonWriter *writer);
void   px_json_writer_begin_array  (PxJsonWriter *writer);
void   px_json_writer_end_array    (PxJsonWriter *writer);
void   px_json_writer_member       (PxJsonWriter *writer,
                                    const char   *name);
void   px_json_writer_string       (PxJsonWriter *writer,
                                    const char   *value);
void   px_json_writer_int          (PxJsonWriter *writer,
                                    gint64        value);
/* A string value like "d3" or "d3s14": @prefix and @number, then, unless
 * @infix is '\0', @infix and @second. */
void   px_json_writer_id           (PxJsonWriter *writer,
                                    char          prefix,
                                    guint         number,
                                    char          infix,
                                    guint         second);
void   px_json_writer_double       (PxJsonWriter *writer,
                                    double        value);
/* @value rounded to three decimals, written without trailing zeros ("0.47"). */
void   px_json_writer_thousandths  (PxJsonWriter *writer,
                                    double        value);
void   px_json_writer_boolean      (PxJsonWriter *writer,
                                    gboolean      value);
void   px_json_writer_null         (PxJsonWriter *writer);

G_END_DECLS
