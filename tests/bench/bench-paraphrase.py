#!/usr/bin/env python3
"""Sentence-pair quality of the alignment engine on ../shared/bench/paraphrase
(MSRP and STS-B), driven by `parallax-cli similarity`.

Evaluation only: nothing from these datasets is shipped or used to derive
shipped data (MSRP is licensed for non-commercial research). The scorer
picks the MSRP threshold on train; the engine's own thresholds and weights
were chosen on STS-B train and dev without their MSRpar rows (which are
MSRP pairs) only.

Targets (issue 4): STS-B test news Spearman >= 0.75; MSRP test accuracy
>= 76 % and F1 >= 83 %.
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
BENCH = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench", "paraphrase"))


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        return [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]


def similarity(cli, pairs):
    data = "".join("%s\t%s\t%s\n" % (k, a, b) for k, a, b in pairs)
    start = time.monotonic()
    res = subprocess.run([cli, "similarity"], input=data.encode(), capture_output=True)
    seconds = time.monotonic() - start
    if res.returncode != 0:
        sys.exit("parallax-cli similarity failed: " + res.stderr.decode())
    scores = {}
    for line in res.stdout.decode().splitlines():
        k, v = line.split("\t")
        scores[k] = float(v)
    return scores, seconds


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "src", "cli", "parallax-cli"))
    args = ap.parse_args()
    if not os.path.isdir(BENCH):
        print("bench-paraphrase: %s is absent; skipped" % BENCH)
        return 0

    missed = []
    with tempfile.TemporaryDirectory() as tmp:
        # MSRP: train and test, the scorer chooses the threshold on train
        rows = read_tsv(os.path.join(BENCH, "msrp", "train.tsv")) + read_tsv(os.path.join(BENCH, "msrp", "test.tsv"))
        pairs = [("%s:%s" % (r["id1"], r["id2"]), r["sentence1"], r["sentence2"]) for r in rows]
        scores, seconds = similarity(args.cli, pairs)
        pred = os.path.join(tmp, "msrp.tsv")
        with open(pred, "w") as f:
            for k, v in scores.items():
                f.write("%s\t%s\t%.6f\n" % (k.split(":")[0], k.split(":")[1], v))
        score = [sys.executable, os.path.join(BENCH, "score.py"), "msrp", "--pred", pred]
        msrp = json.loads(subprocess.run(score + ["--json"], capture_output=True, text=True).stdout)
        print("MSRP (%d pairs, %.2f s for all of them):" % (len(pairs), seconds))
        subprocess.run(score)
        test = msrp["settings"][0]["test"]
        if test["accuracy"] < 0.76 or test["f1"] < 0.83:
            missed.append("MSRP accuracy %.1f %% / F1 %.1f %% (targets 76 / 83)" % (100 * test["accuracy"], 100 * test["f1"]))

        # STS-B: all splits
        rows = []
        for split in ("train", "dev", "test"):
            rows += read_tsv(os.path.join(BENCH, "stsb", split + ".tsv"))
        pairs = [("%s|%s|%s" % (r["file"], r["year"], r["id"]), r["sentence1"], r["sentence2"]) for r in rows]
        scores, seconds = similarity(args.cli, pairs)
        pred = os.path.join(tmp, "stsb.tsv")
        with open(pred, "w") as f:
            for k, v in scores.items():
                f.write("%s\t%.6f\n" % (k.replace("|", "\t"), v))
        score = [sys.executable, os.path.join(BENCH, "score.py"), "stsb", "--pred", pred]
        stsb = json.loads(subprocess.run(score + ["--json"], capture_output=True, text=True).stdout)
        print("STS-B (%d pairs, %.2f s for all of them):" % (len(pairs), seconds))
        subprocess.run(score)
        rho = stsb["splits"]["test"]["groups"]["news"]["spearman"]
        if rho < 0.75:
            missed.append("STS-B test news Spearman %.3f (target 0.75)" % rho)
    for m in missed:
        print("target missed: " + m)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
