/* parallax-core.h: the engine, in one include
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "px-align.h"
#include "px-annotation.h"
#include "px-comparison.h"
#include "px-core-enums.h"
#include "px-document.h"
#include "px-error.h"
#include "px-export-html.h"
#include "px-export-json.h"
#include "px-facts.h"
#include "px-fetch.h"
#include "px-import.h"
#include "px-normalize.h"
#include "px-segment.h"
#include "px-session.h"
