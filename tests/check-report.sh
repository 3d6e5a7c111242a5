#!/usr/bin/env bash
# check-report.sh: the HTML report seen from outside, by hand or in a bench run.
#
#   tests/check-report.sh [BUILD_DIR]      (default: build)
#
# 1. Writes the report of every source of tests/fixtures/xss (alone and all
#    together) and of the examples, and has headless Chromium load each one
#    through ../shared/tools/html-script-check.py: no script may run.
# 2. Validates the report of the examples with html-validate (npm), installed
#    under /tmp/px-html-validate on first use.
# 3. Times the report of ../shared/seeds and prints its size.
# The same checks run in tests/test-export-html.c when chromium (and
# PX_HTML_VALIDATE) are there; this script shows their output.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$here/build}"
cli="$build/src/cli/parallax-cli"
tool="$here/../shared/tools/html-script-check.py"
out="$(mktemp -d /tmp/px-report-check-XXXXXX)"
status=0

[ -x "$cli" ] || { echo "check-report: no $cli; build first" >&2; exit 2; }

for f in "$here"/tests/fixtures/xss/0*; do
  "$cli" compare --format=html -o "$out/xss-$(basename "$f").html" "$f"
done
"$cli" compare --format=html -o "$out/xss-all.html" "$here"/tests/fixtures/xss/0*
"$cli" compare --format=html -o "$out/examples.html" "$here"/data/examples/*.txt

if command -v chromium >/dev/null && [ -f "$tool" ]; then
  echo "== headless Chromium: does any report run script?"
  python3 "$tool" "$out"/*.html || status=1
else
  echo "== skipped: needs chromium (apt-get install chromium) and $tool"
fi

validator="${PX_HTML_VALIDATE:-}"
if [ -z "$validator" ] && command -v npm >/dev/null; then
  validator=/tmp/px-html-validate/node_modules/.bin/html-validate
  if [ ! -x "$validator" ]; then
    mkdir -p /tmp/px-html-validate
    (cd /tmp/px-html-validate && npm install --no-audit --no-fund --silent html-validate >/dev/null)
  fi
fi
if [ -n "$validator" ] && [ -x "$validator" ]; then
  echo "== html-validate $("$validator" --version | tr -d '\n'): the report of the examples and of the corpus"
  (cd "$out" && "$validator" examples.html xss-all.html && echo "valid") || status=1
else
  echo "== skipped: html-validate (needs npm)"
fi

seeds=("$here"/../shared/seeds/*.txt)
if [ -e "${seeds[0]}" ]; then
  start=$(date +%s%N)
  "$cli" compare --format=html -o "$out/seeds.html" "${seeds[@]}"
  end=$(date +%s%N)
  echo "== seeds: ${#seeds[@]} sources, report $(stat -c %s "$out/seeds.html") bytes in $(( (end - start) / 1000000 )) ms"
fi

echo "reports in $out"
exit "$status"
