#!/usr/bin/env python3
"""Fact extraction quality and speed on ../shared/bench/facts, driven by
`parallax-cli facts --jsonl`.

Scores both files (Recognizers-Text and Duckling) with the benchmark's own
score.py and the news-oriented filter its README suggests, then measures
extraction speed on a text built from the project's example articles.
With --chrono, also runs chrono-node (npm, looked up in --node-modules) on
the same date cases and scores it the same way.

Targets (issue 3): overlap F1 >= 0.90 and value accuracy >= 0.90 on
number, currency, percent, date and dimension; >= 20 MB/s.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
BENCH = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench", "facts"))
FILES = ["recognizers-en.jsonl", "duckling-en.jsonl"]
NEWS_FILTER = ["--explicit-only", "--exclude-tags",
               "inside-currency,inside-identifier,inside-date,inside-dimension,odd-spacing,"
               "scientific,subtype:power,indian-units,unicode-fraction,fuzzy-quantifier"]
TARGET_CATEGORIES = ["number", "currency", "percent", "date", "dimension"]

CHRONO_JS = r"""
const chrono = require('chrono-node');
const readline = require('readline');
const rl = readline.createInterface({input: process.stdin});
const out = [];
let spent = 0n;
rl.on('line', (line) => {
  const c = JSON.parse(line);
  const t0 = process.hrtime.bigint();
  const results = chrono.parse(c.text, new Date(2013, 1, 12, 4, 30));
  spent += process.hrtime.bigint() - t0;
  const found = [];
  for (const r of results) {
    const s = r.start;
    if (!s.isCertain('month') || !s.isCertain('day')) continue;
    const mm = String(s.get('month')).padStart(2, '0'), dd = String(s.get('day')).padStart(2, '0');
    const v = s.isCertain('year') ? `${s.get('year')}-${mm}-${dd}` : `--${mm}-${dd}`;
    found.push({start: [...c.text.slice(0, r.index)].length,
                end: [...c.text.slice(0, r.index + r.text.length)].length, type: 'date', value: v});
  }
  out.push(JSON.stringify({id: c.id, found}));
});
rl.on('close', () => {
  process.stdout.write(out.join('\n') + '\n');
  process.stderr.write(JSON.stringify({seconds: Number(spent) / 1e9}) + '\n');
});
"""


def load_cases(categories=None):
    cases = []
    for name in FILES:
        with open(os.path.join(BENCH, name), encoding="utf-8") as f:
            for line in f:
                c = json.loads(line)
                if categories is None or c["category"] in categories:
                    cases.append(c)
    return cases


def run_parallax(cli, cases, pred_path):
    lines = "".join(json.dumps({"id": c["id"], "text": c["text"]}) + "\n" for c in cases)
    start = time.monotonic()
    res = subprocess.run([cli, "facts", "--jsonl"], input=lines.encode(), capture_output=True)
    wall = time.monotonic() - start
    if res.returncode != 0:
        sys.exit("parallax-cli facts failed: " + res.stderr.decode())
    with open(pred_path, "wb") as f:
        f.write(res.stdout)
    return wall


def score(pred_path, extra=()):
    cmd = [sys.executable, os.path.join(BENCH, "score.py")] + [os.path.join(BENCH, n) for n in FILES]
    cmd += ["--pred", pred_path, "--json"] + NEWS_FILTER + list(extra)
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit("score.py failed: " + res.stderr)
    return json.loads(res.stdout)


def print_table(title, result):
    print(title)
    print("  %-10s %6s %6s %6s %6s %6s" % ("category", "gold", "exact", "overlap", "value", "unit"))
    rows = dict(result["per_category"])
    rows["OVERALL"] = result["overall"]

    def fmt(v):
        return "   -  " if v is None else "%6.3f" % v
    for cat, r in rows.items():
        print("  %-10s %6s %s %s %s %s" % (cat, r["gold_spans"], fmt(r["exact"]["f1"]), fmt(r["overlap"]["f1"]),
                                          fmt(r["value_acc"]), fmt(r["unit_acc"])))


def speed(cli):
    paras = []
    folder = os.path.join(ROOT, "data", "examples")
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            paras.append(f.read())
    text = "\n\n".join(paras)
    lines = []
    size = 0
    i = 0
    while size < 20_000_000:
        lines.append(json.dumps({"id": str(i), "text": text}) + "\n")
        size += len(text.encode())
        i += 1
    res = subprocess.run([cli, "facts", "--jsonl", "--stats"], input="".join(lines).encode(),
                         capture_output=True)
    if res.returncode != 0:
        sys.exit("parallax-cli facts --stats failed: " + res.stderr.decode())
    return json.loads(res.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "src", "cli", "parallax-cli"))
    ap.add_argument("--chrono", action="store_true", help="also run chrono-node on the date cases")
    ap.add_argument("--node-modules", default=os.path.join(tempfile.gettempdir(), "px-node", "node_modules"))
    ap.add_argument("--errors", help="write score.py's per-case errors to this file")
    args = ap.parse_args()

    if not os.path.isdir(BENCH):
        print("bench-facts: %s is absent; skipped" % BENCH)
        return 0

    cases = load_cases()
    missed = []
    with tempfile.TemporaryDirectory() as tmp:
        pred = os.path.join(tmp, "parallax.jsonl")
        wall = run_parallax(args.cli, cases, pred)
        result = score(pred, ["--errors", args.errors] if args.errors else [])
        print_table("Parallax on %d cases (news filter), %.3f s wall for the whole run" % (len(cases), wall),
                    result)
        for cat in TARGET_CATEGORIES:
            r = result["per_category"][cat]
            if r["overlap"]["f1"] < 0.90 or (r["value_acc"] is not None and r["value_acc"] < 0.90):
                missed.append(cat)

        if args.chrono:
            date_cases = load_cases({"date"})
            js = os.path.join(tmp, "chrono.js")
            with open(js, "w") as f:
                f.write(CHRONO_JS)
            env = dict(os.environ, NODE_PATH=args.node_modules)
            lines = "".join(json.dumps({"id": c["id"], "text": c["text"]}) + "\n" for c in date_cases)
            res = subprocess.run(["node", js], input=lines.encode(), capture_output=True, env=env)
            if res.returncode != 0:
                print("chrono-node could not run: " + res.stderr.decode().strip().splitlines()[-1])
            else:
                cpred = os.path.join(tmp, "chrono.jsonl")
                with open(cpred, "wb") as f:
                    f.write(res.stdout)
                ctime = json.loads(res.stderr.decode().strip().splitlines()[-1])["seconds"]
                ppred = os.path.join(tmp, "parallax-dates.jsonl")
                run_parallax(args.cli, date_cases, ppred)
                t0 = time.monotonic()
                stats = subprocess.run([args.cli, "facts", "--jsonl", "--stats"], input=lines.encode(),
                                       capture_output=True)
                ptime = json.loads(stats.stdout)["seconds"]
                print_table("chrono-node on the %d date cases: %.4f s in chrono.parse" % (len(date_cases), ctime),
                            score(cpred, ["--categories", "date"]))
                print_table("Parallax on the same date cases: %.4f s in extraction (%.0f× faster)"
                            % (ptime, ctime / ptime if ptime > 0 else 0),
                            score(ppred, ["--categories", "date"]))

    s = speed(args.cli)
    print("Speed: %.1f MB in %.3f s = %.1f MB/s (target >= 20)" % (s["bytes"] / 1e6, s["seconds"], s["mb_per_s"]))
    if s["mb_per_s"] < 20:
        missed.append("speed")
    if missed:
        print("targets missed: " + ", ".join(missed))
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
