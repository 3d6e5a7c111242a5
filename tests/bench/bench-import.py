#!/usr/bin/env python3
"""Import + segmentation throughput and peak memory, driven by parallax-cli.

Corpora: the real seed articles (../shared/seeds, skipped when absent), a
generated corpus of 100 articles x 1,000 words, and one 20 MB text. Every
corpus is generated from the project's own example articles with a fixed
seed, so the figures repeat.

Targets (issue 2): >= 50 MB/s on one core; the 100-article corpus in < 0.5 s.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def example_paragraphs():
    paras = []
    folder = os.path.join(ROOT, "data", "examples")
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            paras += [p.strip() for p in f.read().split("\n\n") if len(p.split()) > 12]
    return paras


def make_article(rng, paras, words):
    out, n = [], 0
    while n < words:
        p = rng.choice(paras)
        out.append(p)
        n += len(p.split())
    return "Generated article %d\n\n" % rng.randrange(10**6) + "\n\n".join(out) + "\n"


def measure(cli, label, files):
    # wait4 needs the child unreaped: spawn ourselves to read its rusage.
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        out = os.open(os.path.join(tempfile.gettempdir(), "px-bench-import.json"),
                      os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(out, 1)
        os.dup2(fd, 2)
        os.execv(cli, [cli, "segment", "--stats"] + files)
    _, status, usage = os.wait4(pid, 0)
    wall = time.monotonic() - start
    if status != 0:
        sys.exit("parallax-cli segment failed on %s" % label)
    with open(os.path.join(tempfile.gettempdir(), "px-bench-import.json")) as f:
        stats = json.load(f)
    rss = usage.ru_maxrss / 1024.0
    print("%-28s %4d docs %9.2f MB  import+segment %7.3f s  %7.1f MB/s  process %6.3f s  peak RSS %6.1f MiB"
          % (label, stats["documents"], stats["bytes"] / 1e6, stats["seconds"],
             stats["mb_per_s"], wall, rss))
    return stats, wall, rss


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "src", "cli", "parallax-cli"))
    args = ap.parse_args()

    rng = random.Random(20221120)
    paras = example_paragraphs()
    ok = True
    with tempfile.TemporaryDirectory(prefix="px-bench-import-") as tmp:
        seeds = os.path.join(ROOT, "..", "shared", "seeds")
        if os.path.isdir(seeds):
            measure(args.cli, "seeds", sorted(os.path.join(seeds, n) for n in os.listdir(seeds)))
        else:
            print("seeds: skipped (../shared/seeds is absent)")

        corpus = []
        for i in range(100):
            path = os.path.join(tmp, "article-%03d.txt" % i)
            with open(path, "w", encoding="utf-8") as f:
                f.write(make_article(rng, paras, 1000))
            corpus.append(path)
        stats, wall, _ = measure(args.cli, "100 articles x 1,000 words", corpus)
        if wall >= 0.5:
            print("  target missed: the 100-article corpus should take < 0.5 s (took %.3f s)" % wall)
            ok = False

        big = os.path.join(tmp, "big.txt")
        with open(big, "w", encoding="utf-8") as f:
            size = 0
            while size < 20_000_000:
                chunk = make_article(rng, paras, 2000)
                f.write(chunk)
                size += len(chunk.encode())
        stats, _, _ = measure(args.cli, "one 20 MB text", [big])
        if stats["mb_per_s"] < 50:
            print("  target missed: import+segmentation should reach >= 50 MB/s (%.1f)" % stats["mb_per_s"])
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
