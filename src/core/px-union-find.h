/* px-union-find.h: the root of an element in a union-find forest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* @parent[i] is i for a root; halves the path on the way up. */
static inline guint
px_union_find (guint *parent,
               guint  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}
