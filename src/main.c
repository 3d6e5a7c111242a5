/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>

#include "px-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(PxApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Once, on the main thread, before workers parse web pages. */
  xmlInitParser ();

  px_application_choose_renderer ("/dev/dri");
  g_set_application_name (_("Parallax"));
  app = px_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
