/* px-palette.h: the colours of claim statuses, one definition for the
 * window and the HTML report (CSS colour strings, light and dark)
 *
 * A sentence is tinted by the status of its claim: stated by every source,
 * by several, with a differing detail; a sentence only its source has is
 * not tinted. Each tint keeps body text above 7:1 on either background.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define PX_PALETTE_SHARED_LIGHT  "rgba(46,194,126,0.17)"
#define PX_PALETTE_SHARED_DARK   "rgba(46,194,126,0.20)"
#define PX_PALETTE_PARTIAL_LIGHT "rgba(53,132,228,0.13)"
#define PX_PALETTE_PARTIAL_DARK  "rgba(98,160,234,0.22)"
#define PX_PALETTE_DIFFERS_LIGHT "rgba(245,194,17,0.26)"
#define PX_PALETTE_DIFFERS_DARK  "rgba(245,194,17,0.20)"
