/* px-module.c: a library the engine opens when it first needs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gmodule.h>

#include "px-module-private.h"

gboolean
px_module_open (const char         *soname,
                const char * const *symbols,
                guint               n_symbols,
                gpointer           *slots)
{
  GModule *module = g_module_open (soname, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

  if (module == NULL)
    return FALSE;
  for (guint k = 0; k < n_symbols; k++)
    if (!g_module_symbol (module, symbols[k], &slots[k]) || slots[k] == NULL)
      {
        g_module_close (module);
        return FALSE;
      }
  /* kept open for the life of the program: its types stay registered */
  g_module_make_resident (module);
  return TRUE;
}
