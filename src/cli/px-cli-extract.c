/* px-cli-extract.c: parallax-cli extract (being written)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "px-cli.h"

int
px_cli_extract (int    argc,
           char **argv)
{
  px_cli_print_error ("“extract” is not available yet");
  return 2;
}
