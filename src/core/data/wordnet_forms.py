"""Inflected forms of WordNet lemmas that the engine's stemmer does not
bring back to them, for make-synonyms.py and make-relations.py.

The Snowball stemmer meets "acquisitions" and "acquisition", but not
"took" and "take", "largest" and "large" or "mice" and "mouse". WordNet's
own morphology (morphy) does: its exception lists (noun.exc, verb.exc,
adj.exc, adv.exc: irregular forms) and, for adjectives, the regular
comparative and superlative ("-er", "-est", "-r", "-st"). A regular rule
applies only to a word that is no lemma of its own, so that "modest"
never becomes "mod".
"""
import os

POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
ADJ_RULES = (("est", ""), ("er", ""), ("est", "e"), ("er", "e"))


def lemmas(wordnet):
    """The single-word lemmas of each part of speech letter."""
    out = {}
    for name, p in POS.items():
        with open(os.path.join(wordnet, "index." + name), encoding="utf-8") as f:
            out[p] = {line.split()[0] for line in f if not line.startswith(" ")}
    return out


def forms(wordnet, known):
    """{(pos letter, lemma): sorted forms in @known that inflect it}."""
    index = lemmas(wordnet)
    every = set().union(*index.values())
    out = {}
    for name, p in POS.items():
        with open(os.path.join(wordnet, name + ".exc"), encoding="utf-8") as f:
            for line in f:
                form, *bases = line.split()
                if form in known and form.isalpha():
                    for base in bases:
                        if base in index[p] and base != form:
                            out.setdefault((p, base), set()).add(form)
    for form in known:
        if form in every or not form.isalpha():
            continue
        for suffix, ending in ADJ_RULES:
            base = form[:-len(suffix)] + ending
            if form.endswith(suffix) and base in index["a"]:
                out.setdefault(("a", base), set()).add(form)
                break
    return {key: sorted(value) for key, value in out.items()}
