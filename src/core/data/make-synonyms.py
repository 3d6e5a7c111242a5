#!/usr/bin/env python3
"""Writes english-synsets.txt, the synonym sets of the alignment engine, from
WordNet 3.0 as Debian's wordnet-base package installs it
(/usr/share/wordnet/index.{noun,verb,adj,adv}; WordNet 3.0 licence, kept in
the output's header as it requires).

    apt-get install wordnet-base
    python3 make-synonyms.py

For each single-word lemma that english-background.txt knows, its senses
as compact synset ids: a part-of-speech letter and the synset offset.
An inflected form the stemmer leaves apart ("took", "largest") has the
senses of its lemma in that part of speech (wordnet_forms.py).
"""
import os
import sys

import wordnet_forms

HERE = os.path.dirname(os.path.abspath(__file__))
WORDNET = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
SENSES = 99   # every sense: WordNet lists them most frequent first

known = set()
with open(os.path.join(HERE, "english-background.txt"), encoding="utf-8") as f:
    for line in f:
        if not line.startswith("#"):
            known.add(line.split()[0])

licence = open("/usr/share/doc/wordnet-base/copyright", encoding="utf-8").read()
licence = licence[licence.index("License: WordNet3.0"):].split("\n\n")[0]

inflected = wordnet_forms.forms(WORDNET, known)
synsets = {}
for pos in ("noun", "verb", "adj", "adv"):
    with open(os.path.join(WORDNET, "index." + pos), encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, p, synset_cnt, p_cnt = fields[0], fields[1], int(fields[2]), int(fields[3])
            names = [lemma] if lemma in known else []
            names += inflected.get((p, lemma), [])
            if "_" in lemma or not lemma.isalpha() or not names:
                continue
            offsets = fields[4 + p_cnt + 2:]
            ids = ["%s%s" % (p, o.lstrip("0")) for o in offsets[:SENSES]]
            for name in names:
                senses = synsets.setdefault(name, [])
                senses.extend(i for i in ids if i not in senses)

out = os.path.join(HERE, "english-synsets.txt")
with open(out, "w", encoding="utf-8") as f:
    f.write("# Synonym sets for Parallax's alignment engine, derived from WordNet 3.0\n")
    f.write("# (Debian package wordnet-base) by make-synonyms.py: lemma, then the ids of\n")
    f.write("# its senses.\n")
    f.write("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n")
    for line in licence.splitlines():
        f.write("# " + line.strip(" .") + "\n")
    for lemma in sorted(synsets):
        f.write("%s %s\n" % (lemma, " ".join(synsets[lemma])))
print(len(synsets), "lemmas")
