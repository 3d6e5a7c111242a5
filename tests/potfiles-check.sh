#!/bin/sh
# potfiles-check.sh SOURCE_ROOT: po/POTFILES.in lists every file with
# translatable strings, and only files that exist.
#
# Translatable: C files that call _(), N_(), C_(), NC_(), ngettext() and the
# g_d*gettext family; .ui files with translatable="yes"; the data/*.in
# templates and the settings schema. Run by `meson test --suite data`.
set -eu

root=$1
cd "$root"
listed=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' po/POTFILES.in | sort -u)

status=0
for file in $listed; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in lists $file, which does not exist"
    status=1
  fi
done

{
  grep -l -E '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2?)[[:space:]]*\(' \
    $(find src -name '*.c' | sort) 2>/dev/null || true
  grep -l 'translatable="yes"' $(find ui -name '*.ui' | sort) 2>/dev/null || true
  find data -maxdepth 1 \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
    -o -name '*.mime.xml.in' -o -name '*.gschema.xml' \) | sort
} | sed 's|^\./||' | sort -u | {
  missing=0
  while read -r file; do
    if ! printf '%s\n' "$listed" | grep -qxF "$file"; then
      echo "$file has translatable strings: add it to po/POTFILES.in"
      missing=1
    fi
  done
  exit "$missing"
} || status=1

[ "$status" -eq 0 ] && echo "po/POTFILES.in lists every file with translatable strings"
exit "$status"
