/* px-facts.h: facts (numbers, money, dates, names, quotes …) and their groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "px-document.h"
#include "px-json-writer.h"

G_BEGIN_DECLS

typedef enum
{
  PX_FACT_NUMBER,
  PX_FACT_MONEY,
  PX_FACT_PERCENT,
  PX_FACT_DATE,
  PX_FACT_TIME,
  PX_FACT_QUANTITY,
  PX_FACT_ORDINAL,
  PX_FACT_PERSON,
  PX_FACT_ORGANIZATION,
  PX_FACT_PLACE,
  PX_FACT_QUOTE,
  PX_N_FACT_KINDS /*< skip >*/
} PxFactKind;

typedef enum
{
  PX_QUALIFIER_NONE,
  PX_QUALIFIER_GT,      /* over, more than, above, exceeding */
  PX_QUALIFIER_GE,      /* at least */
  PX_QUALIFIER_APPROX,  /* about, around, nearly, approximately, some */
  PX_QUALIFIER_LT,      /* under, less than */
  PX_QUALIFIER_LE,      /* up to, at most */
} PxQualifier;

typedef struct _PxFact PxFact;

struct _PxFact
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  /* (the four-byte fields first, the kind, qualifier and flags in one,
   * then the eight-byte ones: a struct made for every fact of a text, with
   * four bytes of padding before the text) */
  PxFactKind  kind : 8;
  PxQualifier qualifier : 8;
  guint       points : 1;         /* percentage points, not per cent */
  guint       counted : 1;        /* the unit is a counted noun or a span of time, not a measure */
  guint       year_inferred : 1;  /* the year came from the document date */
  guint       subject_person : 1; /* the subject is a person */
  guint       doc;          /* index of the document in its comparison */
  guint       start;        /* byte span in the document text */
  guint       end;
  char       *text;         /* the span as written */

  /* Normalized value; which fields are set depends on kind. */
  double      value;        /* number, ordinal, percent, money or quantity amount; NAN if none */
  double      value_max;    /* upper end of a range ("2023-2024"); NAN if not a range */
  double      precision;    /* rounding step the text implies ("12 million" → 1e6); 0 = exact */
  char       *currency;     /* ISO 4217 code for money ("USD"), or generic ("Dollar") */
  char       *unit;         /* canonical unit or counted noun for quantities ("km", "voters") */
  char       *date;         /* ISO: "2022-11-20", "2022-11", "2022", "--11-20" */
  char       *time;         /* "10:00" (24 h) */
  char       *name;         /* entities: canonical name (may be the text itself); quotes: normalized quote text */
  char       *alias;        /* acronym defined in the text ("CEC") */
  char       *speaker;      /* quotes: who said it, when attributed */
  char       *measure;      /* what a number measures ("turnout", "eligible voters"), stemmed */
  char       *measure_words; /* the same as written, lowercase ("turnout", "of the votes" → "votes") */
  char       *subject;      /* the person, organization or place a number is about ("Tokayev") */
  char       *scope;        /* a year the number is set in ("2019": "came to power in 2019 with 70%") */
  char       *when;         /* the moment or stage its clause gives ("at 10:00", "final", "exit poll") */
};

typedef enum
{
  PX_FACT_GROUP_AGREE,
  PX_FACT_GROUP_DIFFERS,
  PX_FACT_GROUP_SINGLE,
} PxFactGroupStatus;

typedef struct
{
  PxFactKind         kind;
  PxFactGroupStatus  status;
  char              *label;     /* what the group is about, in words ("Tokayev’s votes", "turnout") */
  char              *subject;   /* whom or what the fact is about ("Tokayev"), or NULL */
  char              *measure;   /* what is measured, as written ("turnout", "votes"), or NULL */
  GArray            *facts;     /* guint indices into the comparison's facts array */
} PxFactGroup;

#define PX_TYPE_FACT (px_fact_get_type ())

GType        px_fact_get_type            (void) G_GNUC_CONST;
PxFact      *px_fact_new                 (PxFactKind     kind,
                                          guint          start,
                                          guint          end);
PxFact      *px_fact_ref                 (PxFact        *fact);
void         px_fact_unref               (PxFact        *fact);

const char  *px_fact_kind_to_string      (PxFactKind     kind);
/* Whether facts of @kind are details two reports of one claim may give
 * differently: a number, an amount, a share, a quantity, a date, a time,
 * a place or an organization (not a person, an ordinal or a quote). */
gboolean     px_fact_kind_is_detail      (PxFactKind     kind);
gboolean     px_fact_kind_from_string    (const char    *str,
                                          PxFactKind    *kind);
const char  *px_qualifier_to_string      (PxQualifier    qualifier);
const char  *px_fact_group_status_to_string (PxFactGroupStatus status);

/* Writes the "value" object of the JSON format (docs/json-format.md). */
void         px_fact_write_json_value    (const PxFact  *fact,
                                          PxJsonWriter  *writer);
/* A short human form of the value ("> $500 billion", "20 Nov 2022"). */
char        *px_fact_format_value        (const PxFact  *fact);

/* How px_fact_format_value_styled() writes what a reader's locale writes
 * its own way; px_fact_format_value() is it with the engine's English. */
typedef struct
{
  /* a number, rounded to @precision ("500 billion", "11,953,465") */
  void        (*append_amount) (GString    *out,
                                double      value,
                                double      precision);
  /* a date of the ISO forms the facts give, or NULL for the engine's */
  char       *(*format_date)   (const char *iso);
  /* after a share in percentage points (" pp") */
  const char   *points;
} PxValueStyle;

char        *px_fact_format_value_styled (const PxFact       *fact,
                                          const PxValueStyle *style);

/* All facts in @document, sorted by start; fact->doc is 0. Thread-safe. */
GPtrArray   *px_facts_extract            (PxDocument    *document,
                                          GCancellable  *cancellable);
/* Facts in a bare text (benchmarks); @reference_date (ISO, nullable) stands
 * in for the document date when a year is omitted. */
GPtrArray   *px_facts_extract_text       (const char    *text,
                                          gsize          length,
                                          const char    *reference_date,
                                          GCancellable  *cancellable);

/* Groups (PxFactGroup*) of facts across sources, one fact each: the same
 * distinctive value, the same measure of the same subject, or facts of
 * linked segments (@links: PxLink*, may be NULL); every two members are
 * about the same thing, and two members of one source agree. @facts holds
 * every document's facts with fact->doc set. */
GPtrArray   *px_fact_groups_build        (GPtrArray     *documents,
                                          GPtrArray     *facts,
                                          GPtrArray     *links);
void         px_fact_group_free          (PxFactGroup   *group);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxFact, px_fact_unref)

G_END_DECLS
