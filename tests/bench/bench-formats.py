#!/usr/bin/env python3
# bench-formats.py: the seed articles as PDF, DOCX and ODT read like the text files
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The test programs write the files (test-pdf typesets each seed with cairo:
# hyphenated, half-height pages with a running header and page numbers, in
# one and in two columns; test-office writes each as DOCX and ODT). Then
# `parallax-cli segment --format=json` on each file against its .txt:
# the share of sentences identical (white space aside), and
# `parallax-cli compare --format=json` on the five converted files against
# the five texts: the share of links that join the same two sentences.
# Targets: >= 98 % of sentences identical, >= 98 % of links the same.
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

here = os.path.dirname(os.path.abspath(__file__))
seeds_dir = os.path.join(here, "..", "..", "..", "shared", "seeds")


def run_json(cli, *args):
    out = subprocess.run([cli, *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def norm(text):
    return re.sub(r"\s+", " ", text).strip()


def segments(document):
    text = document["text"].encode("utf-8")
    return [norm(text[s["start"]:s["end"]].decode("utf-8")) for s in document["segments"]]


def links(comparison):
    docs = comparison["documents"]
    texts = {d["id"]: (i, d["text"].encode("utf-8"), {s["id"]: s for s in d["segments"]}) for i, d in enumerate(docs)}
    found = Counter()
    for link in comparison["links"]:
        ends = []
        for side in ("a", "b"):
            i, text, segs = texts[link[side].split("s")[0]]
            s = segs[link[side]]
            ends.append((i, norm(text[s["start"]:s["end"]].decode("utf-8"))))
        found[tuple(sorted(ends))] += 1
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", default=os.path.join(here, "..", "..", "build", "src", "cli", "parallax-cli"))
    args = parser.parse_args()
    if not os.path.isdir(seeds_dir):
        print("bench-formats: ../shared/seeds is absent; skipped")
        return 0
    tests_dir = os.path.join(os.path.dirname(os.path.abspath(args.cli)), "..", "..", "tests")
    seeds = sorted(os.path.join(seeds_dir, n) for n in os.listdir(seeds_dir) if n.endswith(".txt"))
    env = dict(os.environ, PX_SEEDS_DIR=seeds_dir)
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        env["PX_TEST_KEEP_PDF"] = env["PX_TEST_KEEP_OFFICE"] = tmp
        subprocess.run([os.path.join(tests_dir, "test-pdf"), "-q", "-p", "/core/pdf/seeds/one-column",
                        "-p", "/core/pdf/seeds/two-columns"], check=True, env=env, capture_output=True)
        subprocess.run([os.path.join(tests_dir, "test-office"), "-q", "-p", "/core/office/seeds/docx",
                        "-p", "/core/office/seeds/odt"], check=True, env=env, capture_output=True)
        reference = run_json(args.cli, "compare", "--format=json", *seeds)
        reference_links = links(reference)
        print("%-10s %10s %10s %12s" % ("format", "sentences", "identical", "links same"))
        for suffix in (".pdf", ".2col.pdf", ".docx", ".odt"):
            files = [os.path.join(tmp, os.path.basename(s) + suffix) for s in seeds]
            n_ref = n_same = 0
            for seed, converted in zip(seeds, files):
                a = Counter(segments(run_json(args.cli, "segment", "--format=json", seed)["documents"][0]))
                b = Counter(segments(run_json(args.cli, "segment", "--format=json", converted)["documents"][0]))
                n_ref += sum(a.values())
                n_same += sum((a & b).values())
            compared = links(run_json(args.cli, "compare", "--format=json", *files))
            same_links = sum((reference_links & compared).values())
            n_links = max(sum(reference_links.values()), sum(compared.values()))
            sentence_share = n_same / n_ref if n_ref else 0
            link_share = same_links / n_links if n_links else 1
            print("%-10s %10d %9.1f%% %11.1f%%" % (suffix.lstrip("."), n_ref, 100 * sentence_share, 100 * link_share))
            if sentence_share < 0.98 or link_share < 0.98:
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
