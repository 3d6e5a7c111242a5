#!/usr/bin/env bash
# bench-peers.sh: Parallax beside its peers on the same inputs (issue 18).
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A benchmark, not a CI test. Usage:
#
#   tests/bench/bench-peers.sh [OPTION…]
#
# Runs each piece of work with Parallax and with a peer, in turns
# (Parallax, peer, Parallax, peer, …; --runs pairs, default 3), and prints
# one table: the work, Parallax's median time, the peer's, ratio = Parallax
# / peer (of the medians), the goal and whether it is met, and the peak RSS
# of each side (median over the runs). Rows 1 to 4 time each process from
# outside, from its start to its exit, through /usr/bin/time -f %M, which
# gives the peak RSS and adds about 1 ms a process to both sides.
#
#   1 article extraction, one process per page: `parallax-cli extract PAGE`
#     vs `node` + Readability.js + jsdom on the same page, for every page of
#     ../shared/bench/extraction/html (unpacked to a temporary folder).
#     Goal: ratio <= 0.05 (Parallax >= 20x faster).
#   2 the same pages, one process for all: `parallax-cli extract PAGE…` vs
#     one node process looping over them. Goal: Parallax faster (ratio < 1).
#   3 facts: the 181 hand-made article bodies of the extraction benchmark
#     (ground-truth.json), repeated to >= 20 MB of text, one {"id","text"}
#     line per body in a temporary file, read on standard input by
#     `parallax-cli facts --jsonl -o /dev/null` (text to facts, as the peer
#     does; `facts FILE` would also import and segment) vs one node process
#     that reads the same lines and runs chrono-node's parse() on each text;
#     MB/s of text per process. Goal: ratio <= 0.1 (>= 10x faster per byte).
#   4 two long texts: A is those 181 bodies one after the other (~132k
#     words), B a deterministic rewrite of A (paragraphs dropped, repeated
#     and moved, words dropped, swapped and replaced; seed 18).
#     `parallax-cli compare --format=json -o /dev/null A B` vs
#     `wdiff A B >/dev/null`. Goal: ratio <= 3.
#   5 window shown, under Xvfb (xvfb-run -a -s "-screen 0 1280x800x24"):
#     the GUI (build-gui/src/parallax) on the 5 texts of ../shared/seeds vs
#     meld on the first 3 of them; from just before the process is started
#     to the X server's MapNotify of its top-level window (a libX11 client
#     through python ctypes watches the root window's SubstructureNotify
#     events; the window is the one whose _NET_WM_PID is the process's),
#     then the process is killed; its peak RSS is its VmHWM at that moment.
#     Both sides run with fresh XDG config, state and data folders,
#     GSETTINGS_BACKEND=memory, no session bus, GTK_A11Y=none; one run of
#     each before the pairs warms the caches. Goal: ratio <= 0.2.
#
# A row whose inputs or peer are absent is skipped with a message.
#
# Options:
#   --cache DIR     where the peers are installed (default
#                   ${XDG_CACHE_HOME:-$HOME/.cache}/parallax-peers): npm
#                   packages @mozilla/readability, jsdom@27 (if jsdom 27
#                   does not run on this node, the newest major that does,
#                   said in the output) and chrono-node in DIR/node, and the
#                   node helper scripts beside them
#   --no-install    install nothing; skip the rows whose peer is absent
#   --install-only  install the missing peers and stop
#   --cli PATH      parallax-cli (default build-release/src/cli/parallax-cli)
#   --gui-build DIR a GUI build (default build-gui): DIR/src/parallax, with
#                   GSETTINGS_SCHEMA_DIR=DIR/data and
#                   XDG_DATA_DIRS=DIR/data/share:/usr/share
#   --shared DIR    the shared data (default ../shared beside the checkout)
#   --runs N        paired runs of each row (default 3, at least 1)
#   --pages N       only the first N pages in rows 1 and 2 (default all)
#   --rows LIST     the rows to run, e.g. 1,3,5 (default 1,2,3,4,5)
#   -h, --help      this text
#
# Debian packages are installed only when missing, with apt-get as root or
# through `sudo -n`: wdiff (row 4), meld and xvfb (row 5), time
# (/usr/bin/time); the script says which it installs. Build Parallax first:
#   meson setup build-release --buildtype=release -Dgui=false
#   ninja -C build-release src/cli/parallax-cli
#   meson setup build-gui --buildtype=release && ninja -C build-gui
# On a shared machine run it under `nice -n 10`; it runs one process at a
# time. Exits 1 when a row that ran misses its goal.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

cache="${XDG_CACHE_HOME:-$HOME/.cache}/parallax-peers"
cli="$root/build-release/src/cli/parallax-cli"
gui_build="$root/build-gui"
shared="$root/../shared"
runs=3
pages=0
rows="1,2,3,4,5"
install=1
install_only=0

say () { printf '%s\n' "bench-peers: $*"; }
die () { say "$*" >&2; exit 2; }
usage () { sed -n '2,/^set -euo/{/^# SPDX/d;/^set -euo/d;s/^# \{0,1\}//p}' "$0"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --cache) cache="${2:?--cache needs a folder}"; shift ;;
    --cache=*) cache="${1#*=}" ;;
    --no-install) install=0 ;;
    --install-only) install_only=1 ;;
    --cli) cli="${2:?--cli needs a path}"; shift ;;
    --cli=*) cli="${1#*=}" ;;
    --gui-build) gui_build="${2:?--gui-build needs a folder}"; shift ;;
    --gui-build=*) gui_build="${1#*=}" ;;
    --shared) shared="${2:?--shared needs a folder}"; shift ;;
    --shared=*) shared="${1#*=}" ;;
    --runs) runs="${2:?--runs needs a number}"; shift ;;
    --runs=*) runs="${1#*=}" ;;
    --pages) pages="${2:?--pages needs a number}"; shift ;;
    --pages=*) pages="${1#*=}" ;;
    --rows) rows="${2:?--rows needs a list}"; shift ;;
    --rows=*) rows="${1#*=}" ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs wants a positive number"
[[ "$pages" =~ ^[0-9]+$ ]] || die "--pages wants a number"
[[ "$rows" =~ ^[1-5](,[1-5])*$ ]] || die "--rows wants a list of 1 to 5, e.g. 1,3"
wants () { [[ ",$rows," == *",$1,"* ]]; }

cache="$(realpath -m "$cache")"
case "$cache/" in
  "$root"/*) die "the cache $cache is inside the source tree; choose another with --cache" ;;
esac
mkdir -p "$cache/node"
node_dir="$cache/node"

# ---- Debian peers -----------------------------------------------------------

apt_missing=()
want_apt () {  # want_apt COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 || apt_missing+=("$2")
}
wants 4 && want_apt wdiff wdiff
wants 5 && want_apt meld meld
wants 5 && want_apt xvfb-run xvfb
want_apt /usr/bin/time time
if [ ${#apt_missing[@]} -gt 0 ]; then
  if [ "$install" = 0 ]; then
    say "not installing (--no-install): ${apt_missing[*]}"
  else
    sudo=()
    if [ "$(id -u)" != 0 ]; then
      if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo=(sudo -n); else sudo=(none); fi
    fi
    if [ "${sudo[0]:-}" = none ]; then
      say "cannot install ${apt_missing[*]}: not root and no password-less sudo"
    else
      say "installing Debian packages: ${apt_missing[*]}"
      apt_install () {
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
          apt-get install -y -q --no-install-recommends "${apt_missing[@]}" >"$cache/apt.log" 2>&1
      }
      if ! apt_install; then
        "${sudo[@]}" apt-get update -q >>"$cache/apt.log" 2>&1 || true
        apt_install || say "apt-get install failed (see $cache/apt.log)"
      fi
    fi
  fi
fi

# ---- npm peers ----------------------------------------------------------------

node_ok=0
command -v node >/dev/null 2>&1 && node_ok=1
jsdom_runs () {
  (cd "$node_dir" && node -e "const { JSDOM } = require('jsdom');
    if (new JSDOM('<p>x</p>').window.document.querySelector('p').textContent !== 'x') process.exit(1);" \
    >/dev/null 2>&1)
}
has_module () { (cd "$node_dir" && node -e "require('$1')" >/dev/null 2>&1); }
module_version () { (cd "$node_dir" && node -p "require('./node_modules/$1/package.json').version" 2>/dev/null) || true; }
npm_install () {
  say "installing npm packages into $node_dir: $*"
  (cd "$node_dir" && npm install --no-audit --no-fund --loglevel=error "$@" >>"$cache/npm.log" 2>&1) ||
    say "npm install $* failed (see $cache/npm.log)"
}
jsdom_note=""
if [ "$node_ok" = 0 ]; then
  say "node is absent: rows 1 to 3 are skipped"
elif wants 1 || wants 2 || wants 3; then
  [ -f "$node_dir/package.json" ] || printf '{ "private": true }\n' >"$node_dir/package.json"
  if [ "$install" = 1 ]; then
    need=()
    if wants 1 || wants 2; then
      has_module @mozilla/readability || need+=(@mozilla/readability)
      has_module jsdom || need+=(jsdom@27)
    fi
    if wants 3; then has_module chrono-node || need+=(chrono-node); fi
    [ ${#need[@]} -eq 0 ] || npm_install "${need[@]}"
    if (wants 1 || wants 2) && ! jsdom_runs; then
      jsdom_note="jsdom $(module_version jsdom) does not run on node $(node --version)"
      say "$jsdom_note; trying older jsdom"
      for major in 26 25 24 23 22 21 20; do
        npm_install "jsdom@$major"
        if jsdom_runs; then break; fi
      done
      jsdom_runs && jsdom_note="$jsdom_note: using jsdom $(module_version jsdom), the newest that runs"
      say "$jsdom_note"
    fi
  fi
fi
if [ "$install_only" = 1 ]; then
  say "installed; peers in $cache"
  exit 0
fi

peer_readability=""
peer_chrono=""
if [ "$node_ok" = 1 ]; then
  if has_module @mozilla/readability && jsdom_runs; then
    peer_readability="Readability.js $(module_version @mozilla/readability) + jsdom $(module_version jsdom)"
  fi
  has_module chrono-node && peer_chrono="chrono-node $(module_version chrono-node)"
fi

# ---- node helpers (in the cache, beside their node_modules) -------------------

cat >"$node_dir/px-readability.js" <<'EOF'
// px-readability.js PAGE…: Readability.js + jsdom on each page, the article
// text to standard output (bench-peers.sh, rows 1 and 2).
const fs = require('fs');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');
for (const file of process.argv.slice(2)) {
  const html = fs.readFileSync(file, 'utf8');
  let text = '';
  try {
    const dom = new JSDOM(html, { url: 'https://example.org/', virtualConsole: new VirtualConsole() });
    const article = new Readability(dom.window.document).parse();
    text = article && article.textContent ? article.textContent : '';
    dom.window.close();
  } catch (e) {
    process.stderr.write(file + ': ' + e.message + '\n');
  }
  process.stdout.write(text + '\n\n');
}
EOF
cat >"$node_dir/px-chrono.js" <<'EOF'
// px-chrono.js < FILE: chrono-node's parse() on the text of each {"id","text"}
// line of FILE, the number of dates found to standard output (bench-peers.sh,
// row 3).
const fs = require('fs');
const chrono = require('chrono-node');
const ref = new Date(Date.UTC(2026, 0, 1));
let found = 0;
for (const line of fs.readFileSync(0, 'utf8').split('\n')) {
  if (line) found += chrono.parse(JSON.parse(line).text, ref).length;
}
process.stdout.write(found + ' dates\n');
EOF

# ---- the measurements ---------------------------------------------------------

tmp="$(mktemp -d "${TMPDIR:-/tmp}/px-peers.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

export PX_CLI="$cli" PX_GUI_BUILD="$gui_build" PX_SHARED="$shared" PX_RUNS="$runs" PX_PAGES="$pages"
export PX_ROWS="$rows" PX_TMP="$tmp" PX_NODE_DIR="$node_dir" PX_JSDOM_NOTE="$jsdom_note"
export PX_PEER_READABILITY="$peer_readability" PX_PEER_CHRONO="$peer_chrono"
PX_PEER_WDIFF=""
PX_PEER_MELD=""
if command -v wdiff >/dev/null 2>&1; then PX_PEER_WDIFF="$(wdiff --version | head -n 1)"; fi
if command -v meld >/dev/null 2>&1; then PX_PEER_MELD="meld $(dpkg-query -W -f='${Version}' meld 2>/dev/null)"; fi
export PX_PEER_WDIFF PX_PEER_MELD

cat >"$tmp/bench-peers.py" <<'EOF'
import ctypes
import ctypes.util
import gzip
import json
import os
import random
import select
import signal
import statistics
import subprocess
import sys
import time

E = os.environ
TMP = E['PX_TMP']
RUNS = int(E['PX_RUNS'])
ROWS = [int(r) for r in E['PX_ROWS'].split(',')]
CLI = E['PX_CLI']
NODE_DIR = E['PX_NODE_DIR']
SHARED = E['PX_SHARED']
EXTRACTION = os.path.join(SHARED, 'bench', 'extraction')
SEEDS = os.path.join(SHARED, 'seeds')
table = []
notes = []
skipped = []


def say(text):
    print('bench-peers: ' + text, flush=True)


def run(cmd, ok=(0,), cwd=None, stdin=None):
    """Run cmd under /usr/bin/time, its output to /dev/null: (wall seconds, peak RSS in KiB).

    Not wait4 () here: a child started by python reports python's own peak
    RSS as its ru_maxrss (Linux keeps it across exec); /usr/bin/time is small."""
    err, rss = os.path.join(TMP, 'stderr'), os.path.join(TMP, 'rss')
    with open(err, 'wb') as errf, open(stdin or os.devnull, 'rb') as inf:
        start = time.monotonic()
        code = subprocess.call(['/usr/bin/time', '-f', '%M', '-o', rss] + cmd, stdin=inf,
                               stdout=subprocess.DEVNULL, stderr=errf, cwd=cwd)
        wall = time.monotonic() - start
    if code not in ok:
        with open(err, 'rb') as f:
            tail = f.read()[-600:].decode('utf-8', 'replace')
        raise RuntimeError('%s exited with %d: %s' % (' '.join(cmd[:3]), code, tail.strip()))
    with open(rss) as f:
        return wall, int(f.read().split()[-1])


def mib(kib):
    return '%.0f MiB' % (kib / 1024)


def add_row(work, px, peer, ratio, goal, met, px_rss, peer_rss):
    table.append([work, px, peer, '%.3g' % ratio, goal, '✓' if met else '✗', mib(px_rss), mib(peer_rss)])


def paired(a, b):
    """a () and b () in turns, RUNS times each: lists of (seconds, KiB)."""
    ra, rb = [], []
    for _ in range(RUNS):
        ra.append(a())
        rb.append(b())
    return ra, rb


def med(results, i=0):
    return statistics.median(r[i] for r in results)


def have_cli():
    if os.access(CLI, os.X_OK):
        return True
    skipped.append('parallax-cli absent (%s): build it with meson setup build-release --buildtype=release '
                   '-Dgui=false && ninja -C build-release src/cli/parallax-cli' % CLI)
    return False


def page_files():
    html = os.path.join(EXTRACTION, 'html')
    if not os.path.isdir(html):
        return []
    folder = os.path.join(TMP, 'pages')
    if os.path.isdir(folder):
        return sorted(os.path.join(folder, n) for n in os.listdir(folder))
    os.makedirs(folder)
    names = sorted(n for n in os.listdir(html) if n.endswith('.html.gz'))
    if int(E['PX_PAGES']) > 0:
        names = names[:int(E['PX_PAGES'])]
    files = []
    for name in names:
        with gzip.open(os.path.join(html, name), 'rb') as f:
            data = f.read()
        files.append(os.path.join(folder, name[:-3]))
        with open(files[-1], 'wb') as f:
            f.write(data)
    return files


def bodies():
    path = os.path.join(EXTRACTION, 'ground-truth.json')
    if not os.path.isfile(path):
        return []
    with open(path, encoding='utf-8') as f:
        truth = json.load(f)
    return [truth[k]['articleBody'].strip() for k in sorted(truth)]


def row_extraction(one_each):
    name = 'row 1' if one_each else 'row 2'
    peer = E['PX_PEER_READABILITY']
    if not peer:
        skipped.append('%s: Readability.js + jsdom absent (npm, in %s)' % (name, NODE_DIR))
        return
    if not have_cli():
        return
    files = page_files()
    if not files:
        skipped.append('%s: no pages (%s/html)' % (name, EXTRACTION))
        return
    js = os.path.join(NODE_DIR, 'px-readability.js')
    n = len(files)
    if one_each:
        say('row 1: %d pages, one process each, %d rounds (Parallax, Readability.js, … page by page)' % (n, RUNS))
        ra, rb = [], []
        for _ in range(RUNS):
            pa, pb = [], []
            for page in files:
                pa.append(run([CLI, 'extract', page]))
                pb.append(run(['node', js, page], cwd=NODE_DIR))
            ra.append((sum(p[0] for p in pa) / n, statistics.median(p[1] for p in pa)))
            rb.append((sum(p[0] for p in pb) / n, statistics.median(p[1] for p in pb)))
        work = 'article extraction, one process per page, %d pages' % n
        goal, limit = '≤ 0.05 (≥ 20× faster)', 0.05
    else:
        say('row 2: %d pages in one process, %d pairs' % (n, RUNS))
        ra, rb = paired(lambda: run([CLI, 'extract'] + files),
                        lambda: run(['node', js] + files, cwd=NODE_DIR))
        ra = [(w / n, k) for w, k in ra]
        rb = [(w / n, k) for w, k in rb]
        work = 'extraction, one process for all %d pages' % n
        goal, limit = '< 1 (faster)', 1.0
    a, b = med(ra), med(rb)
    ok = a / b <= limit if one_each else a / b < limit
    add_row(work, '%.1f ms/page' % (a * 1e3), '%s: %.0f ms/page' % (peer, b * 1e3), a / b, goal, ok,
            med(ra, 1), med(rb, 1))


def row_facts():
    peer = E['PX_PEER_CHRONO']
    if not peer:
        skipped.append('row 3: chrono-node absent (npm, in %s)' % NODE_DIR)
        return
    if not have_cli():
        return
    texts = bodies()
    if not texts:
        skipped.append('row 3: no ground-truth.json in %s' % EXTRACTION)
        return
    once = sum(len(t.encode('utf-8')) for t in texts)
    times = -(-20_000_000 // once)
    size = once * times
    path = os.path.join(TMP, 'news.jsonl')
    with open(path, 'w', encoding='utf-8') as f:
        for i in range(times):
            for j, text in enumerate(texts):
                f.write(json.dumps({'id': '%d-%d' % (i, j), 'text': text}, ensure_ascii=False) + '\n')
    say('row 3: %d news bodies ×%d (%.1f MB of text), %d pairs' % (len(texts), times, size / 1e6, RUNS))
    ra, rb = paired(lambda: run([CLI, 'facts', '--jsonl', '-o', '/dev/null'], stdin=path),
                    lambda: run(['node', os.path.join(NODE_DIR, 'px-chrono.js')], cwd=NODE_DIR, stdin=path))
    a, b = med(ra), med(rb)
    add_row('facts --jsonl, %d news bodies ×%d (%.1f MB)' % (len(texts), times, size / 1e6),
            '%.1f MB/s' % (size / 1e6 / a), '%s: %.1f MB/s' % (peer, size / 1e6 / b), a / b,
            '≤ 0.1 (≥ 10× faster per byte)', a / b <= 0.1, med(ra, 1), med(rb, 1))


def rewrite(paragraphs, rng):
    """B of row 4: A's paragraphs edited, some dropped, repeated and moved."""
    vocabulary = ' '.join(paragraphs).split()
    out = []
    for para in paragraphs:
        roll = rng.random()
        if roll < 0.05:
            continue
        words = []
        for word in para.split():
            edit = rng.random()
            if edit < 0.03:
                continue
            if edit < 0.06:
                word = rng.choice(vocabulary)
            elif edit < 0.08 and words:
                words[-1], word = word, words[-1]
            words.append(word)
        out.append(' '.join(words))
        if roll > 0.95:
            out.append(rng.choice(paragraphs))
    for _ in range(len(out) // 20):  # move one paragraph in twenty
        para = out.pop(rng.randrange(len(out)))
        out.insert(rng.randrange(len(out) + 1), para)
    return out


def row_long():
    peer = E['PX_PEER_WDIFF']
    if not peer:
        skipped.append('row 4: wdiff absent (Debian package wdiff)')
        return
    if not have_cli():
        return
    texts = bodies()
    if not texts:
        skipped.append('row 4: no ground-truth.json in %s' % EXTRACTION)
        return
    paragraphs = [p.strip() for t in texts for p in t.split('\n') if p.strip()]
    other = rewrite(paragraphs, random.Random(18))
    a_path, b_path = os.path.join(TMP, 'long-a.txt'), os.path.join(TMP, 'long-b.txt')
    for path, paras in ((a_path, paragraphs), (b_path, other)):
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n\n'.join(paras) + '\n')
    words = [sum(len(p.split()) for p in paras) for paras in (paragraphs, other)]
    say('row 4: two long texts, %d and %d words, %d pairs' % (words[0], words[1], RUNS))
    ra, rb = paired(lambda: run([CLI, 'compare', '--format=json', '-o', '/dev/null', a_path, b_path]),
                    lambda: run(['wdiff', a_path, b_path], ok=(0, 1)))
    a, b = med(ra), med(rb)
    add_row('two long texts (%dk / %dk words), compare --format=json' % (words[0] // 1000, words[1] // 1000),
            '%.3f s' % a, '%s: %.3f s (word diff only)' % (peer, b), a / b, '≤ 3', a / b <= 3,
            med(ra, 1), med(rb, 1))


def vm_hwm(pid):
    """The process's peak RSS so far in KiB (VmHWM: of its own memory since its exec)."""
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmHWM:'):
                return int(line.split()[1])
    return 0


class MapEvent(ctypes.Structure):
    _fields_ = [('type', ctypes.c_int), ('serial', ctypes.c_ulong), ('send_event', ctypes.c_int),
                ('display', ctypes.c_void_p), ('event', ctypes.c_ulong), ('window', ctypes.c_ulong),
                ('override_redirect', ctypes.c_int)]


class XEvent(ctypes.Union):
    _fields_ = [('type', ctypes.c_int), ('xmap', MapEvent), ('pad', ctypes.c_long * 24)]


class Watcher:
    """A libX11 client that sees top-level windows being mapped."""
    MAP_NOTIFY = 19
    SUBSTRUCTURE_NOTIFY_MASK = 1 << 19

    def __init__(self):
        x = ctypes.CDLL(ctypes.util.find_library('X11') or 'libX11.so.6')
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        x.XPending.argtypes = [ctypes.c_void_p]
        x.XConnectionNumber.argtypes = [ctypes.c_void_p]
        x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
        x.XInternAtom.restype = ctypes.c_ulong
        x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x.XGetWindowProperty.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long, ctypes.c_int,
            ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p)]
        x.XFree.argtypes = [ctypes.c_void_p]
        self.x = x
        self.dpy = x.XOpenDisplay(None)
        if not self.dpy:
            raise RuntimeError('cannot open the display %s' % E.get('DISPLAY'))
        x.XSelectInput(self.dpy, x.XDefaultRootWindow(self.dpy), self.SUBSTRUCTURE_NOTIFY_MASK)
        self.pid_atom = x.XInternAtom(self.dpy, b'_NET_WM_PID', 0)
        self.fd = x.XConnectionNumber(self.dpy)
        x.XSync(self.dpy, 0)

    def window_pid(self, window):
        kind, fmt, n, after = ctypes.c_ulong(), ctypes.c_int(), ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.c_void_p()
        if self.x.XGetWindowProperty(self.dpy, window, self.pid_atom, 0, 1, 0, 6,  # XA_CARDINAL
                                     ctypes.byref(kind), ctypes.byref(fmt), ctypes.byref(n),
                                     ctypes.byref(after), ctypes.byref(data)) != 0 or not data.value:
            return None
        pid = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[0] if n.value else None
        self.x.XFree(data)
        return pid

    def drain(self):
        event = XEvent()
        self.x.XSync(self.dpy, 0)
        while self.x.XPending(self.dpy):
            self.x.XNextEvent(self.dpy, ctypes.byref(event))

    def time_to_map(self, cmd, env, timeout=60):
        """Start cmd: (seconds to its window's MapNotify, peak RSS in KiB then), and kill it."""
        self.drain()
        event = XEvent()
        start = time.monotonic()
        proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        shown = None
        while shown is None and time.monotonic() - start < timeout and proc.poll() is None:
            if not self.x.XPending(self.dpy):
                select.select([self.fd], [], [], 0.05)
                continue
            self.x.XNextEvent(self.dpy, ctypes.byref(event))
            if event.type == self.MAP_NOTIFY and not event.xmap.override_redirect:
                pid = self.window_pid(event.xmap.window)
                if pid is None or pid == proc.pid:
                    shown = time.monotonic() - start
                    rss = vm_hwm(proc.pid)
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 5
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if shown is None:
            raise RuntimeError('%s showed no window (exit status %s)' % (cmd[0], proc.returncode))
        return shown, rss


def row_window():
    peer = E['PX_PEER_MELD']
    build = E['PX_GUI_BUILD']
    gui = os.path.join(build, 'src', 'parallax')
    if not E.get('DISPLAY'):
        skipped.append('row 5: no display (xvfb-run absent: Debian package xvfb)')
        return
    if not peer:
        skipped.append('row 5: meld absent (Debian package meld)')
        return
    if not os.access(gui, os.X_OK):
        skipped.append('row 5: no GUI build (%s): meson setup build-gui --buildtype=release && '
                       'ninja -C build-gui' % gui)
        return
    seeds = sorted(os.path.join(SEEDS, n) for n in os.listdir(SEEDS) if n.endswith('.txt')) \
        if os.path.isdir(SEEDS) else []
    if len(seeds) < 3:
        skipped.append('row 5: fewer than 3 texts in %s' % SEEDS)
        return
    env = dict(E)
    for key in ('XDG_CONFIG_HOME', 'XDG_STATE_HOME', 'XDG_DATA_HOME'):
        env[key] = os.path.join(TMP, 'home', key.lower())
        os.makedirs(env[key], exist_ok=True)
    env.update(GSETTINGS_BACKEND='memory', GTK_A11Y='none', NO_AT_BRIDGE='1')
    env.pop('DBUS_SESSION_BUS_ADDRESS', None)
    px_env = dict(env, GSETTINGS_SCHEMA_DIR=os.path.join(build, 'data'),
                  XDG_DATA_DIRS=os.path.join(build, 'data', 'share') + ':/usr/share')
    watcher = Watcher()
    watcher.time_to_map([gui] + seeds[:5], px_env)  # warm-up of each, not counted
    watcher.time_to_map(['meld'] + seeds[:3], env)
    say('row 5: the window, Parallax on %d seeds, meld on 3, %d pairs (under Xvfb)' % (len(seeds[:5]), RUNS))
    ra, rb = paired(lambda: watcher.time_to_map([gui] + seeds[:5], px_env),
                    lambda: watcher.time_to_map(['meld'] + seeds[:3], env))
    a, b = med(ra), med(rb)
    add_row('window shown (mapped), Xvfb', '%.0f ms (%d seeds)' % (a * 1e3, len(seeds[:5])),
            '%s: %.0f ms (3 seeds)' % (peer, b * 1e3), a / b, '≤ 0.2', a / b <= 0.2, med(ra, 1), med(rb, 1))


def print_table():
    head = ['work', 'Parallax', 'peer', 'ratio', 'goal', '', 'Parallax RSS', 'peer RSS']
    widths = [max(len(r[i]) for r in [head] + table) for i in range(len(head))]
    line = lambda r: '| ' + ' | '.join(c.ljust(w) for c, w in zip(r, widths)) + ' |'
    print()
    print(line(head))
    print('|' + '|'.join('-' * (w + 2) for w in widths) + '|')
    for r in table:
        print(line(r))
    print()


def main():
    say('%d paired runs (Parallax, peer, Parallax, …), medians; ratio = Parallax / peer; peak RSS: '
        '/usr/bin/time %%M (row 5: VmHWM when the window is mapped), median' % RUNS)
    say('load average %.2f %.2f %.2f on %d cores' % (os.getloadavg() + (os.cpu_count(),)))
    if E['PX_JSDOM_NOTE']:
        say(E['PX_JSDOM_NOTE'])
    if not os.path.isdir(EXTRACTION) and any(r in ROWS for r in (1, 2, 3, 4)):
        skipped.append('rows 1 to 4: %s is absent' % EXTRACTION)
    steps = {1: lambda: row_extraction(True), 2: lambda: row_extraction(False), 3: row_facts,
             4: row_long, 5: row_window}
    for row in ROWS:
        if row in (1, 2, 3, 4) and not os.path.isdir(EXTRACTION):
            continue
        try:
            steps[row]()
        except (RuntimeError, OSError) as e:
            skipped.append('row %d failed: %s' % (row, e))
    if table:
        print_table()
    for line in skipped:
        say('skipped: ' + line)
    return 1 if any(r[5] == '✗' for r in table) else 0


sys.exit(main())
EOF

status=0
if wants 5 && command -v xvfb-run >/dev/null 2>&1; then
  xvfb-run -a -s "-screen 0 1280x800x24" python3 "$tmp/bench-peers.py" || status=$?
else
  env -u DISPLAY python3 "$tmp/bench-peers.py" || status=$?
fi
exit "$status"
