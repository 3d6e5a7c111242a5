#!/usr/bin/env python3
"""Alignment at scale: `parallax-cli compare` on the seeds and on generated
sets of 10, 50 and 100 articles that retell the project's example story
(sentences sampled, reordered, with words dropped), so that most sentences
have counterparts in many sources. Prints wall time, peak RSS and the
number of links and claims.

Targets (issue 4/5): the five seeds in < 1 s; 50 articles in < 10 s and
< 1 GiB.
"""
import argparse
import json
import os
import random
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def example_sentences():
    out = []
    folder = os.path.join(ROOT, "data", "examples")
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for para in f.read().split("\n\n"):
                for s in para.replace("\n", " ").split(". "):
                    if len(s.split()) >= 8:
                        out.append(s.strip().rstrip(".") + ".")
    return out


def retell(rng, sentences, n):
    chosen = rng.sample(sentences, min(n, len(sentences)))
    out = []
    for s in chosen:
        words = s.split()
        if len(words) > 10 and rng.random() < 0.5:
            del words[rng.randrange(1, len(words) - 1)]
        out.append(" ".join(words))
    for i in range(0, len(out) - 1, 4):
        if rng.random() < 0.5:
            out[i], out[i + 1] = out[i + 1], out[i]
    paras = [" ".join(out[i:i + 3]) for i in range(0, len(out), 3)]
    return "Retold story %d\n\n" % rng.randrange(10**6) + "\n\n".join(paras) + "\n"


def measure(cli, label, files):
    out_path = os.path.join(tempfile.gettempdir(), "px-bench-align.json")
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 2)
        os.execv(cli, [cli, "compare", "-o", out_path] + files)
    _, status, usage = os.wait4(pid, 0)
    wall = time.monotonic() - start
    if status != 0:
        sys.exit("parallax-cli compare failed on %s" % label)
    with open(out_path, encoding="utf-8") as f:
        data = json.load(f)
    rss = usage.ru_maxrss / 1024.0
    words = sum(len(open(p, encoding="utf-8", errors="replace").read().split()) for p in files)
    links = [l for l in data["links"] if l["relation"] != "related"]
    print("%-34s %4d docs %8d words  %7.3f s  peak RSS %7.1f MiB  %6d links  %6d claims"
          % (label, len(files), words, wall, rss, len(links), len(data["claims"])))
    return wall, rss


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "src", "cli", "parallax-cli"))
    args = ap.parse_args()
    rng = random.Random(20221120)
    sentences = example_sentences()
    ok = True
    seeds = os.path.join(ROOT, "..", "shared", "seeds")
    if os.path.isdir(seeds):
        wall, _ = measure(args.cli, "seeds", sorted(os.path.join(seeds, n) for n in os.listdir(seeds)))
        if wall >= 1.0:
            print("  target missed: the seeds should compare in < 1 s")
            ok = False
    else:
        print("seeds: skipped (../shared/seeds is absent)")
    with tempfile.TemporaryDirectory(prefix="px-bench-align-") as tmp:
        for n in (10, 50, 100):
            files = []
            for i in range(n):
                path = os.path.join(tmp, "n%d-%03d.txt" % (n, i))
                with open(path, "w", encoding="utf-8") as f:
                    f.write(retell(rng, sentences, 40))
                files.append(path)
            wall, rss = measure(args.cli, "%d retold articles" % n, files)
            if n == 50 and (wall >= 10 or rss >= 1024):
                print("  target missed: 50 articles should take < 10 s and < 1 GiB")
                ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
