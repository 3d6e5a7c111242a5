/* px-cli-similarity.c: parallax-cli similarity (being written)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "px-cli.h"

int
px_cli_similarity (int    argc,
           char **argv)
{
  px_cli_print_error ("“similarity” is not available yet");
  return 2;
}
