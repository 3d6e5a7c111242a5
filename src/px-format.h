/* px-format.h: the engine's normalized values as the reader's locale writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "parallax-core.h"

G_BEGIN_DECLS

/* An ISO date of the engine ("2022-11-20", "2022-11", "2022", "--11-20")
 * in the locale's words ("20 Nov 2022"; in Russian "20.11.2022"), or NULL
 * if @iso is not one. */
char *px_format_date       (const char   *iso);
/* A fact's normalized value for the window: dates, digit grouping, the
 * decimal mark and the words of large amounts follow the locale; names,
 * quotes, units and counted nouns are the source's words, kept. */
char *px_format_fact_value (const PxFact *fact);
/* What a fact group is about, in the locale's words where the engine made
 * them up ("Tokayev’s votes", a date label); @kind_label is the group's
 * kind as the window names it. */
char *px_format_group_label (PxComparison      *comparison,
                             const PxFactGroup *group,
                             const char        *kind_label);

G_END_DECLS
