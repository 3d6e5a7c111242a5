#!/usr/bin/env python3
"""Writes english-relations.txt, the related senses of the alignment engine,
from WordNet 3.0 as Debian's wordnet-base package installs it
(/usr/share/wordnet/index.* and data.*; WordNet 3.0 licence, kept in the
output's header as it requires).

    apt-get install wordnet-base
    python3 make-relations.py

For each single-word lemma that english-background.txt knows, two lists of
synset ids (a part-of-speech letter and the synset offset, as in
english-synsets.txt):

  * before "|": the senses its forms derive from or lead to, lemma by lemma
    (WordNet's derivationally related forms "+", pertainyms "\\", and
    "similar to" "&" for adjectives): decide → decision, Mexican → Mexico;
  * after the first "|": the direct hypernyms of its first senses ("@",
    never instance hypernyms, so Monday meets "weekday" but not Tuesday,
    and Germany does not meet Syria);
  * after the second "|": the senses of its antonyms ("!": open, close);
  * after the third "|": "P" for a name, a noun whose commonest sense
    WordNet writes capitalized (Germany, Paris) and that is no verb,
    adjective or adverb.

Two words are related when a sense of one is in a list of the other.
An inflected form the stemmer leaves apart ("took", "largest") has the
lists of its lemma in that part of speech (wordnet_forms.py), never "P".
"""
import os
import sys

import wordnet_forms

HERE = os.path.dirname(os.path.abspath(__file__))
WORDNET = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
HYPERNYM_SENSES = 2   # WordNet lists senses most frequent first
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}

known = set()
with open(os.path.join(HERE, "english-background.txt"), encoding="utf-8") as f:
    for line in f:
        if not line.startswith("#"):
            known.add(line.split()[0])

licence = open("/usr/share/doc/wordnet-base/copyright", encoding="utf-8").read()
licence = licence[licence.index("License: WordNet3.0"):].split("\n\n")[0]


def sid(pos, offset):
    return "%s%s" % ("a" if pos == "s" else pos, offset.lstrip("0"))


# synset id -> (words, [(symbol, target id, source word number)])
synsets = {}
for name, p in POS.items():
    with open(os.path.join(WORDNET, "data." + name), encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            offset, n_words = fields[0], int(fields[3], 16)
            words = [fields[4 + 2 * k] for k in range(n_words)]
            k = 4 + 2 * n_words
            n_ptrs = int(fields[k])
            ptrs = []
            for i in range(n_ptrs):
                symbol, target, tpos, st = fields[k + 1 + 4 * i: k + 5 + 4 * i]
                ptrs.append((symbol, sid(tpos, target), int(st[:2], 16)))
            synsets[sid(p, offset)] = (words, ptrs)

derived = {}
hypernyms = {}
antonyms = {}
proper = set()
other_pos = set()   # lemmas of a verb, an adjective or an adverb, and inflected forms
inflected = wordnet_forms.forms(WORDNET, known)
for name, p in POS.items():
    with open(os.path.join(WORDNET, "index." + name), encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, synset_cnt, p_cnt = fields[0], int(fields[2]), int(fields[3])
            forms = inflected.get((p, lemma), [])
            if "_" in lemma or not lemma.isalpha() or (lemma not in known and not forms):
                continue
            offsets = fields[4 + p_cnt + 2:]
            if lemma in known:
                if p != "n":
                    other_pos.add(lemma)
                elif any(w.lower() == lemma and w[0].isupper() for w in synsets[sid(p, offsets[0])][0]):
                    proper.add(lemma)
            other_pos.update(forms)
            names = ([lemma] if lemma in known else []) + forms
            for rank, o in enumerate(offsets):
                words, ptrs = synsets[sid(p, o)]
                for symbol, target, source in ptrs:
                    own = source == 0 or words[source - 1].lower() == lemma
                    if symbol in ("+", "\\", "&") and own:
                        table = derived
                    elif symbol == "!" and own:
                        table = antonyms
                    elif symbol == "@" and p in "nv" and rank < HYPERNYM_SENSES:
                        table = hypernyms
                    else:
                        continue
                    for name in names:
                        table.setdefault(name, set()).add(target)

out = os.path.join(HERE, "english-relations.txt")
with open(out, "w", encoding="utf-8") as f:
    f.write("# Related senses for Parallax's alignment engine, derived from WordNet 3.0\n")
    f.write("# (Debian package wordnet-base) by make-relations.py: lemma, the ids of\n")
    f.write("# the senses its forms derive from or lead to | of the direct hypernyms\n")
    f.write("# of its first senses | of its antonyms | P for a name.\n")
    f.write("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n")
    for line in licence.splitlines():
        f.write("# " + line.strip(" .") + "\n")
    proper -= other_pos
    lemmas = set(derived) | set(hypernyms) | set(antonyms) | proper
    for lemma in sorted(lemmas):
        f.write("%s %s | %s | %s | %s\n" % (lemma, " ".join(sorted(derived.get(lemma, ()))),
                                           " ".join(sorted(hypernyms.get(lemma, ()))),
                                           " ".join(sorted(antonyms.get(lemma, ()))),
                                           "P" if lemma in proper else ""))
print(len(lemmas), "lemmas,", len(proper), "names,", len(antonyms), "with antonyms")
