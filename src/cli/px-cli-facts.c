/* px-cli-facts.c: parallax-cli facts (being written)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "px-cli.h"

int
px_cli_facts (int    argc,
           char **argv)
{
  px_cli_print_error ("“facts” is not available yet");
  return 2;
}
