/* px-search-bar.h: Ctrl+F across every source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "px-search.h"

G_BEGIN_DECLS

#define PX_TYPE_SEARCH_BAR (px_search_bar_get_type ())

G_DECLARE_FINAL_TYPE (PxSearchBar, px_search_bar, PX, SEARCH_BAR, GtkWidget)

PxSearchBar   *px_search_bar_new             (void);
void           px_search_bar_set_search_mode (PxSearchBar   *self,
                                              gboolean       search_mode);
gboolean       px_search_bar_get_search_mode (PxSearchBar   *self);
void           px_search_bar_focus_entry     (PxSearchBar   *self);
/* After px_search_bar_set_results(): the step to the current match went
 * past the last match to the first (@forward) or the other way. */
void           px_search_bar_show_wrapped    (PxSearchBar   *self,
                                              gboolean       forward);
/* What the bar says: "3 of 12", "No matches", an error. */
const char    *px_search_bar_get_status      (PxSearchBar   *self);
/* What to find: the entry's text and the options. */
const char    *px_search_bar_get_text        (PxSearchBar   *self);
void           px_search_bar_set_text        (PxSearchBar   *self,
                                              const char    *text);
PxSearchFlags  px_search_bar_get_flags       (PxSearchBar   *self);
void           px_search_bar_set_flags       (PxSearchBar   *self,
                                              PxSearchFlags  flags);
/* The window reports what it found: a count per source (column order),
 * the current match among all (-1 for none) and an error, if any. */
void           px_search_bar_set_results     (PxSearchBar   *self,
                                              const guint   *counts,
                                              guint          n_sources,
                                              int            current,
                                              const char    *error);
guint          px_search_bar_get_n_sources   (PxSearchBar   *self);
guint          px_search_bar_get_count       (PxSearchBar   *self,
                                              guint          source);
guint          px_search_bar_get_total       (PxSearchBar   *self);

G_END_DECLS
