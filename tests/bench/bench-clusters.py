#!/usr/bin/env python3
"""Claim alignment, fact groups and clutter on real news clusters.

Runs `parallax-cli compare --format=json` over each cluster of
../shared/bench/clusters (several outlets reporting one event, with an
exhaustive claim map) and prints the figures of the clusters' own
score.py: claim recall (pairs of places that share a claim whose
sentences are linked; per claim: averaged over claims), link precision,
false friends, differs right, fact groups right, clutter flagged and
content kept. Skips when the clusters are absent; nothing from them is
copied into the project.

Targets (issues 13, 14, 15): claim recall and per-claim recall >= 0.80 at
link precision >= 0.92, no false friend, differs right >= 0.75; fact
groups right >= 27 of 30; clutter >= 21 of 24 with all content kept.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CLUSTERS = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench", "clusters"))

TARGETS = [
    ("claim recall", lambda t: t["found"] / max(t["pairs"], 1), 0.80),
    ("per-claim recall", lambda t: t["macro_milli"] / 1000 / max(t["claims"], 1), 0.80),
    ("link precision", lambda t: t["correct"] / max(t["made"], 1), 0.92),
    ("differs right", lambda t: t["differs_right"] / max(t["found"], 1), 0.75),
    ("fact groups right", lambda t: t["facts_ok"] / max(t["n_facts"], 1), 27 / 30),
    ("clutter flagged", lambda t: t["boilerplate"] / max(t["n_boilerplate"], 1), 21 / 24),
    ("content kept", lambda t: t["content"] / max(t["n_content"], 1), 1.0),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "src", "cli", "parallax-cli"))
    ap.add_argument("--clusters", default=CLUSTERS)
    ap.add_argument("--verbose", action="store_true", help="list every missed pair and unsupported link")
    ap.add_argument("--keep", metavar="DIR", help="keep the JSON outputs in DIR")
    args = ap.parse_args()
    score_py = os.path.join(args.clusters, "score.py")
    if not os.path.isfile(score_py):
        print("bench-clusters: %s is absent; skipped" % args.clusters)
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.keep or tmp
        os.makedirs(out_dir, exist_ok=True)
        for name in sorted(os.listdir(args.clusters)):
            folder = os.path.join(args.clusters, name)
            if not os.path.isfile(os.path.join(folder, "gold.json")):
                continue
            texts = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".txt"))
            res = subprocess.run([args.cli, "compare", "--format=json", "-o",
                                  os.path.join(out_dir, name + ".json")] + texts,
                                 capture_output=True, text=True)
            if res.returncode != 0:
                sys.exit("bench-clusters: parallax-cli compare failed on %s: %s" % (name, res.stderr))
        cmd = [sys.executable, score_py, "--all", args.clusters, out_dir, "--json"]
        if args.verbose:
            cmd.append("--verbose")
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit("bench-clusters: score.py failed: " + res.stderr)

    lines = res.stdout.splitlines()
    report = None
    for line in lines:
        if line.startswith("{"):
            report = json.loads(line)
        else:
            print(line)
    if report is None:
        sys.exit("bench-clusters: no figures from score.py")

    missed = []
    total = report["total"]
    for label, value, target in TARGETS:
        v = value(total)
        ok = v >= target - 1e-9
        print("%-18s %.3f  (target %.3f)%s" % (label, v, target, "" if ok else "  MISSED"))
        if not ok:
            missed.append(label)
    if total.get("false_friends", 0) > 0:
        print("false friends      %d  (target 0)  MISSED" % total["false_friends"])
        missed.append("false friends")
    if missed:
        print("targets missed: " + ", ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
