#!/bin/sh
# install-check.sh: `meson install --destdir` from the build folder into a
# temporary folder, then check that the installed tree is a working app.
#
#   install-check.sh MESON BUILD_ROOT PREFIX BINDIR DATADIR MANDIR LOCALEDIR APP_ID PO_DIR
#
# Paths after BUILD_ROOT are absolute install paths (as configured), without
# DESTDIR. Run by `meson test --suite data`.
set -eu

meson=$1 build_root=$2 prefix=$3 bindir=$4 datadir=$5 mandir=$6 localedir=$7 app_id=$8 po_dir=$9

dest=$(mktemp -d "${TMPDIR:-/tmp}/parallax-install.XXXXXX")
trap 'rm -rf "$dest"' EXIT INT TERM

failures=0
fail () { printf 'not ok: %s\n' "$*"; failures=$((failures + 1)); }
pass () { printf 'ok: %s\n' "$*"; }
check_file () {
  if [ -f "$dest$1" ] && [ -s "$dest$1" ]; then pass "$1"; else fail "$1 missing or empty"; fi
}
check_exec () {
  if [ -x "$dest$1" ] && [ -f "$dest$1" ]; then pass "$1 (executable)"; else fail "$1 missing or not executable"; fi
}

# --no-rebuild: `meson test` has just built everything, and the install must
# not take the build lock under other tests.
"$meson" install -C "$build_root" --no-rebuild --quiet --destdir "$dest" >"$dest.log" 2>&1 || {
  cat "$dest.log"; rm -f "$dest.log"; echo "meson install failed"; exit 1
}
rm -f "$dest.log"

check_exec "$bindir/parallax"
check_exec "$bindir/parallax-cli"
check_file "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
check_file "$datadir/applications/$app_id.desktop"
check_file "$datadir/metainfo/$app_id.metainfo.xml"
check_file "$datadir/mime/packages/$app_id.xml"
check_file "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
check_file "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check_file "$mandir/man1/parallax.1"
check_file "$mandir/man1/parallax-cli.1"

n_examples=$(find "$dest$datadir/parallax/examples" -name '*.txt' 2>/dev/null | wc -l)
if [ "$n_examples" -ge 1 ]; then pass "$n_examples example articles"; else fail "no example articles in $datadir/parallax/examples"; fi

# One message catalogue for each language in po/LINGUAS.
for lang in $(sed -e 's/#.*//' "$po_dir/LINGUAS"); do
  check_file "$localedir/$lang/LC_MESSAGES/parallax.mo"
done

# The installed programs run without the build folder (no stale rpath).
if "$dest$bindir/parallax-cli" --version >/dev/null 2>&1; then pass "parallax-cli --version"; else fail "installed parallax-cli does not run"; fi
example=$(find "$dest$datadir/parallax/examples" -name '*.txt' 2>/dev/null | sort | head -n 1)
if [ -n "$example" ] && "$dest$bindir/parallax-cli" segment "$example" >/dev/null 2>&1; then
  pass "parallax-cli segment on an installed example"
else
  fail "installed parallax-cli cannot read the installed examples"
fi
if "$dest$bindir/parallax" --help >/dev/null 2>&1; then pass "parallax --help"; else fail "installed parallax does not run"; fi

# The desktop file names what is installed.
desktop="$dest$datadir/applications/$app_id.desktop"
if [ -f "$desktop" ]; then
  exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop" | head -n 1)
  icon_name=$(sed -n 's/^Icon=//p' "$desktop" | head -n 1)
  if [ -x "$dest$bindir/$exec_name" ]; then pass "Exec=$exec_name is installed"; else fail "Exec=$exec_name is not in $bindir"; fi
  if [ -f "$dest$datadir/icons/hicolor/scalable/apps/$icon_name.svg" ]; then pass "Icon=$icon_name is installed"; else fail "Icon=$icon_name is not installed"; fi
  if grep -q '^DBusActivatable=true$' "$desktop"; then
    service="$dest$datadir/dbus-1/services/$app_id.service"
    if [ -f "$service" ] && grep -q "^Name=$app_id\$" "$service" &&
       grep -q "^Exec=$bindir/parallax --gapplication-service\$" "$service"; then
      pass "D-Bus service file for DBusActivatable"
    else
      fail "DBusActivatable=true but no D-Bus service $datadir/dbus-1/services/$app_id.service starting $bindir/parallax"
    fi
  fi
  if command -v desktop-file-validate >/dev/null 2>&1; then
    if desktop-file-validate "$desktop"; then pass "installed desktop file validates"; else fail "installed desktop file does not validate"; fi
  fi
fi

# The metainfo, its desktop file and its icon agree, as software centres see them.
if command -v appstreamcli >/dev/null 2>&1 && [ -d "$dest$datadir/metainfo" ]; then
  if out=$(appstreamcli validate-tree --no-net "$dest$prefix" 2>&1) &&
     printf '%s\n' "$out" | grep -qF "$app_id.metainfo.xml"; then
    pass "appstreamcli validate-tree on the installed tree"
  else
    printf '%s\n' "$out"
    fail "appstreamcli validate-tree on the installed tree"
  fi
fi

# The installed schemas compile, and the MIME database built from the
# installed package knows session files.
if command -v glib-compile-schemas >/dev/null 2>&1; then
  if glib-compile-schemas --strict --dry-run "$dest$datadir/glib-2.0/schemas"; then pass "installed schema compiles"; else fail "installed schema does not compile"; fi
fi
if command -v update-mime-database >/dev/null 2>&1 && [ -d "$dest$datadir/mime" ]; then
  if update-mime-database "$dest$datadir/mime" >/dev/null 2>&1 &&
     grep -q '^[0-9]*:application/x-parallax-session+xml:\*\.parallax$' "$dest$datadir/mime/globs2"; then
    pass "MIME database maps *.parallax to application/x-parallax-session+xml"
  else
    fail "MIME database from the installed package does not know *.parallax"
  fi
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed (prefix $prefix)"
  exit 1
fi
echo "all installed files present (prefix $prefix)"
