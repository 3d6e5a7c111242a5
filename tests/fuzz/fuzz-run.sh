#!/bin/sh
# fuzz-run.sh HARNESS SEEDS WORKDIR SECONDS [libFuzzer options…]
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs one libFuzzer harness for SECONDS on its seed corpus. New inputs go
# to WORKDIR/corpus (never into the source tree), crashes, leaks, timeouts
# and sanitizer reports to WORKDIR/artifacts/; the exit status is non-zero
# when the harness found one. Used by the fuzz test suite (the smoke run of
# ./run test) and by ./run fuzz.
set -eu

harness=$1 seeds=$2 work=$3 seconds=$4
shift 4
mkdir -p "$work/corpus" "$work/artifacts"

# A sanitizer report is a failure, not a line in a log.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

exec "$harness" \
  -max_total_time="$seconds" \
  -timeout=10 \
  -rss_limit_mb=2560 \
  -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" \
  "$@" "$work/corpus" "$seeds"
