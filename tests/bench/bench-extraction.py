#!/usr/bin/env python3
"""Article extraction from web pages: body F1, title/byline accuracy, speed.

Body: the 181 pages of ../shared/bench/extraction (Scrapinghub's article
extraction benchmark), scored with that folder's score.py (imported, so the
figures are exactly the scorer's: token 4-gram shingles, macro precision
and recall, F1 of the two).

Metadata: title and byline against Readability's expected-metadata.json of
the pages in ../shared/bench/readability-pages, after collapsing white space
(the same test Readability.js's own suite makes, with exact equality); the
body of those pages against Readability's expected.html, same metric.

Speed: one parallax-cli process extracts every page (--output-dir), timed
from outside. With --readability DIR (a folder whose node_modules holds
@mozilla/readability and jsdom), Readability.js runs on the same pages
for the side-by-side F1 and time.

Targets (issue 6): F1 >= 0.95; >= 10x faster than Readability.js + jsdom.
"""
import argparse
import gzip
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench"))

READABILITY_JS = r"""
const fs = require('fs');
const path = require('path');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');
const [inDir, outDir] = process.argv.slice(2);
const started = process.hrtime.bigint();
for (const name of fs.readdirSync(inDir).sort()) {
  const html = fs.readFileSync(path.join(inDir, name), 'utf8');
  let text = '';
  try {
    const dom = new JSDOM(html, { url: 'https://example.org/', virtualConsole: new VirtualConsole() });
    const article = new Readability(dom.window.document).parse();
    text = article && article.textContent ? article.textContent : '';
    dom.window.close();
  } catch (e) {
    text = '';
  }
  fs.writeFileSync(path.join(outDir, name.replace(/\.html$/, '.txt')), text);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(JSON.stringify({ seconds }) + '\n');
"""


def load_scorer(folder):
    spec = importlib.util.spec_from_file_location("px_score", os.path.join(folder, "score.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def unpack_pages(folder, dest):
    names = []
    for name in sorted(os.listdir(os.path.join(folder, "html"))):
        if not name.endswith(".html.gz"):
            continue
        with gzip.open(os.path.join(folder, "html", name), "rb") as f:
            data = f.read()
        out = os.path.join(dest, name[:-3])
        with open(out, "wb") as f:
            f.write(data)
        names.append(out)
    return names


def run_cli(cli, files, outdir, fmt="text"):
    args = [cli, "extract", "--output-dir", outdir] + (["--format=json"] if fmt == "json" else []) + files
    start = time.monotonic()
    proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - start
    failures = [line for line in proc.stderr.splitlines() if line.strip()]
    return wall, failures


def bench_body(cli, scorer, folder, tmp, readability_dir):
    pages = os.path.join(tmp, "pages")
    os.makedirs(pages)
    files = unpack_pages(folder, pages)
    total_bytes = sum(os.path.getsize(f) for f in files)
    truth = scorer.load_truth(folder)

    pred_dir = os.path.join(tmp, "parallax")
    wall, failures = run_cli(cli, files, pred_dir)
    res, _ = scorer.score(truth, scorer.load_pred_dir(pred_dir), 1000, 0)
    scorer.report(res, "parallax")
    print("%-22s %d pages, %.1f MB in %.3f s (one process): %.1f ms a page, %.1f MB/s; %d refused"
          % ("", len(files), total_bytes / 1e6, wall, wall * 1000 / len(files),
             total_bytes / 1e6 / wall, len(failures)))
    for line in failures[:5]:
        print("%-22s   %s" % ("", line))

    ratio = None
    if readability_dir:
        js_out = os.path.join(tmp, "readability-js")
        os.makedirs(js_out)
        script = os.path.join(readability_dir, "px-bench-readability.js")
        with open(script, "w") as f:
            f.write(READABILITY_JS)
        start = time.monotonic()
        proc = subprocess.run(["node", script, pages, js_out], capture_output=True, text=True,
                              cwd=readability_dir)
        js_wall = time.monotonic() - start
        if proc.returncode != 0:
            print("readability.js: failed: %s" % proc.stderr.strip()[-500:])
        else:
            inner = json.loads(proc.stdout.strip().splitlines()[-1])["seconds"]
            js_res, _ = scorer.score(truth, scorer.load_pred_dir(js_out), 1000, 0)
            scorer.report(js_res, "readability.js+jsdom")
            ratio = js_wall / wall
            print("%-22s %.3f s (process), %.3f s (parsing and extraction only): parallax is %.1fx faster"
                  % ("", js_wall, inner, ratio))
    return res, ratio


def norm(text):
    return re.sub(r"\s+", " ", text or "").strip()


def bench_metadata(cli, scorer, tmp):
    folder = os.path.join(SHARED, "readability-pages")
    if not os.path.isdir(folder):
        print("metadata: skipped (../shared/bench/readability-pages is absent)")
        return None
    pages = os.path.join(tmp, "readability-pages")
    os.makedirs(pages)
    expected = {}
    files = []
    for name in sorted(os.listdir(folder)):
        meta_path = os.path.join(folder, name, "expected-metadata.json")
        source = os.path.join(folder, name, "source.html")
        if not (os.path.isfile(meta_path) and os.path.isfile(source)):
            continue
        with open(meta_path, encoding="utf-8") as f:
            expected[name] = json.load(f)
        link = os.path.join(pages, name + ".html")
        os.symlink(source, link)
        files.append(link)
    out = os.path.join(tmp, "metadata")
    wall, failures = run_cli(cli, files, out, fmt="json")

    # The body too: Readability's expected.html as text (the scorer's
    # all-text conversion) against ours, same shingle metric.
    rows = []
    for name in expected:
        with open(os.path.join(folder, name, "expected.html"), encoding="utf-8") as f:
            truth = scorer.all_text(f.read())
        path = os.path.join(out, name + ".json")
        pred = ""
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                pred = "\n".join(p["text"] for p in json.load(f)["paragraphs"])
        rows.append(scorer.page_counts(truth, pred))
    body = scorer.aggregate(rows)
    print("readability-pages body F1 %.3f   precision %.3f   recall %.3f   (%d pages, against Readability.js's "
          "expected output)" % (body["f1"], body["precision"], body["recall"], len(rows)))

    counts = {}
    for field, key in (("title", "title"), ("byline", "byline")):
        right = total = 0
        for name, meta in expected.items():
            want = norm(meta.get(field))
            if not want:
                continue
            total += 1
            path = os.path.join(out, name + ".json")
            got = ""
            if os.path.isfile(path):
                with open(path, encoding="utf-8") as f:
                    got = norm(json.load(f).get(key))
            right += got == want
        counts[field] = (right, total)
        print("metadata %-8s %3d / %3d exact (%.3f)" % (field, right, total, right / total if total else 0))
    print("metadata pages: %d in %.3f s; %d refused" % (len(files), wall, len(failures)))
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "src", "cli", "parallax-cli"))
    ap.add_argument("--readability", metavar="DIR",
                    help="folder whose node_modules has @mozilla/readability and jsdom")
    ap.add_argument("--keep", metavar="DIR", help="keep the predictions in DIR")
    args = ap.parse_args()

    folder = os.path.join(SHARED, "extraction")
    if not os.path.isdir(folder):
        print("extraction: skipped (../shared/bench/extraction is absent)")
        return 0
    if not os.access(args.cli, os.X_OK):
        sys.exit("no parallax-cli at %s (build it, or give --cli PATH)" % args.cli)

    scorer = load_scorer(folder)
    ok = True
    tmp = tempfile.mkdtemp(prefix="px-bench-extraction-")
    try:
        res, ratio = bench_body(args.cli, scorer, folder, tmp, args.readability)
        if res["f1"] < 0.95:
            print("  target missed: F1 should be >= 0.95 (%.3f)" % res["f1"])
            ok = False
        if ratio is not None and ratio < 10:
            print("  target missed: >= 10x faster than readability.js (%.1fx)" % ratio)
            ok = False
        bench_metadata(args.cli, scorer, tmp)
        if args.keep:
            shutil.copytree(tmp, args.keep, dirs_exist_ok=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
