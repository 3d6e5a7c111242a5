#!/usr/bin/env python3
"""Alignment at scale: `parallax-cli compare` on generated article sets.

Sets: 2, 10, 50 and 200 articles of about 800 words, and pairs of long
texts (two of ~50,000 and two of ~100,000 words); with ../shared/seeds
present, the five seed articles too. Prints wall time (process start,
import, facts, alignment and the JSON written to a new file; best of
three runs), peak RSS, links
and claims; for the long pairs also how many of the sentences that were
retold got linked to their origin (recall) and how many links join a
sentence to its own origin (precision).

The articles are written here, deterministically: a story of claims is
drawn from templates (people, places, bodies, numbers, dates) plus the
sentences of data/examples/, and every article retells a sample of the
story, in its own order, each sentence reworded (synonyms, clause order,
dropped words, another date format) and now and then with a detail
changed. So most sentences have counterparts in several articles, as in a
real set of reports on one event.

Targets (issue 4): 10 articles < 50 ms; each doubling of the input costs
<= 2.3x; two 100,000-word texts < 2 s and < 500 MB peak RSS. Exits 1 when
one is missed.
"""
import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Irina", "Jonas",
         "Kira", "Lars", "Mira", "Nikolai", "Olga", "Pavel", "Rosa", "Sergei", "Tamara", "Viktor",
         "Wanda", "Yuri", "Zofia", "Arman", "Dana", "Erik", "Leila", "Marat", "Nora", "Timur"]
LAST = ["Abenov", "Berg", "Castell", "Dorn", "Esen", "Falk", "Grimm", "Holm", "Iskakov", "Jansen",
        "Kemel", "Lind", "Moreau", "Nurlan", "Ostrow", "Petrenko", "Quast", "Ruiz", "Sarsen", "Tulegen",
        "Urban", "Vance", "Weiss", "Yermek", "Zhakup", "Almas", "Brandt", "Coste", "Duval", "Ergali"]
TITLES = ["President", "Minister", "Governor", "Mayor", "Senator", "Judge", "General", "Ambassador"]
PLACES = ["Astana", "Almaty", "Kessel", "Marlow", "Orlin", "Karaganda", "Shymkent", "Aktobe",
          "Pavlodar", "Taraz", "Oskemen", "Semey", "Kostanay", "Atyrau", "Kyzylorda", "Turkistan",
          "Petropavl", "Aktau", "Taldykorgan", "Ekibastuz"]
BODIES = ["the Central Election Commission", "the Ministry of Energy", "the regional council",
          "the national bank", "the parliament", "the supreme court", "the health ministry",
          "the port authority", "the railway company", "the farmers' union", "the teachers' union",
          "the statistics agency", "the audit chamber", "the border service", "the water board"]
THINGS = [("bridge", "bridges"), ("school", "schools"), ("hospital", "hospitals"), ("road", "roads"),
          ("pipeline", "pipelines"), ("power plant", "power plants"), ("airport", "airports"),
          ("polling station", "polling stations"), ("factory", "factories"), ("railway line", "railway lines"),
          ("housing project", "housing projects"), ("water plant", "water plants"), ("mine", "mines"),
          ("wind farm", "wind farms"), ("clinic", "clinics"), ("library", "libraries")]
MEASURES = ["turnout", "inflation", "unemployment", "the budget deficit", "growth", "the approval rating",
            "the literacy rate", "the vaccination rate", "the share of renewable energy", "the poverty rate"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TOPICS = ["the reform", "the new constitution", "the energy plan", "the trade agreement",
          "the water dispute", "the pension law", "the election law", "the peace talks",
          "the budget", "the privatisation plan", "the anti-corruption drive", "the census"]

SAY = ["said", "stated", "announced", "told reporters", "pointed out", "noted", "declared"]
SYNONYMS = [("more than", "over"), ("about", "around"), ("nearly", "almost"), ("began", "started"),
            ("early", "snap"), ("build", "construct"), ("cost", "amount to"), ("rose", "increased"),
            ("fell", "dropped"), ("big", "large"), ("help", "support"), ("talks", "negotiations"),
            ("buy", "purchase"), ("meeting", "talks"), ("country", "nation"), ("plans", "intends"),
            ("will", "would"), ("people", "residents"), ("government", "authorities"), ("votes", "ballots")]
BOILERPLATE = ["Subscribe to our newsletter to get the latest news every morning.",
               "Follow us on social media for more updates.",
               "All rights reserved. Reproduction without permission is prohibited.",
               "Read more: the full coverage of the campaign is on our website."]


def person(rng):
    return "%s %s %s" % (rng.choice(TITLES), rng.choice(FIRST), rng.choice(LAST))


def number(rng):
    kind = rng.random()
    if kind < 0.3:
        return "%d" % rng.randrange(12, 990)
    if kind < 0.6:
        return "{:,}".format(rng.randrange(1000, 9_999_999))
    if kind < 0.8:
        return "%.1f million" % (rng.randrange(11, 999) / 10)
    return "$%d billion" % rng.randrange(2, 900)


def day(rng):
    return rng.randrange(1, 29), rng.randrange(12), 2015 + rng.randrange(10)


def say_date(rng, d):
    dd, mm, yy = d
    form = rng.randrange(4)
    if form == 0:
        return "on %s %d, %d" % (MONTHS[mm], dd, yy)
    if form == 1:
        return "on %d %s %d" % (dd, MONTHS[mm], yy)
    if form == 2:
        return "on %02d.%02d.%d" % (dd, mm + 1, yy)
    return "on %d-%02d-%02d" % (yy, mm + 1, dd)


def make_claim(rng):
    """A claim: a function of (rng, variant) giving one wording, so each
    article words it afresh; `variant` > 0 changes a detail."""
    t = rng.randrange(8)
    who, where, body, topic = person(rng), rng.choice(PLACES), rng.choice(BODIES), rng.choice(TOPICS)
    thing = rng.choice(THINGS)
    n, n2 = number(rng), number(rng)
    pct, pct2 = "%.2f%%" % (rng.randrange(100, 9900) / 100), "%.2f%%" % (rng.randrange(100, 9900) / 100)
    d = day(rng)
    measure = rng.choice(MEASURES)
    month = rng.choice(MONTHS)

    def word(r, changed):
        v = n2 if changed else n
        p = pct2 if changed else pct
        verb = r.choice(SAY)
        if t == 0:
            core = "%s would spend %s on new %s in %s" % (body, v, thing[1], where)
            return r.choice(["%s %s that %s." % (who, verb, core), "%s, %s %s." % (core[0].upper() + core[1:], who, verb)])
        if t == 1:
            return r.choice(["%s in %s reached %s by the evening, according to %s." % (measure.capitalize(), where, p, body),
                             "According to %s, %s in %s was %s by the evening." % (body, measure, where, p)])
        if t == 2:
            return r.choice(["%s met %s in %s %s to discuss %s." % (who, person(random.Random(n)), where, say_date(r, d), topic),
                             "%s, %s held talks with %s in %s about %s." % (say_date(r, d).capitalize(), who, person(random.Random(n)), where, topic)])
        if t == 3:
            return r.choice(["The %s in %s will cost %s and open in %s." % (thing[0], where, v, month),
                             "Opening in %s, the new %s in %s is expected to cost %s." % (month, thing[0], where, v)])
        if t == 4:
            return r.choice(["%s %s that %s had registered %s new voters in %s." % (who, verb, body, v, where),
                             "In %s, %s registered %s new voters, %s %s." % (where, body, v, who, verb)])
        if t == 5:
            return r.choice(["Protesters gathered outside %s in %s %s, demanding changes to %s." % (body, where, say_date(r, d), topic),
                             "%s, demonstrators rallied in %s in front of %s against %s." % (say_date(r, d).capitalize(), where, body, topic)])
        if t == 6:
            return r.choice(["%s %s that %s would be put to a referendum before the end of %d." % (who, verb, topic, d[2]),
                             "A referendum on %s will be held before the end of %d, %s %s." % (topic, d[2], who, verb)])
        return r.choice(["%s rose to %s in %s, up from %s a year earlier, %s %s." % (measure.capitalize(), p, where, pct2 if not changed else pct, body, r.choice(SAY)),
                         "In %s, %s climbed to %s from %s the year before, %s %s." % (where, measure, p, pct2 if not changed else pct, body, r.choice(SAY))])
    return word


def example_claims():
    out = []
    folder = os.path.join(ROOT, "data", "examples")
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for para in f.read().split("\n\n")[1:]:
                for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", para.replace("\n", " ")):
                    if len(s.split()) >= 8:
                        out.append(s.strip())
    return [(lambda r, changed, s=s: s) for s in out]


def reword(rng, sentence):
    for a, b in SYNONYMS:
        if rng.random() < 0.5:
            sentence = re.sub(r"\b%s\b" % a, b, sentence) if rng.random() < 0.5 else re.sub(r"\b%s\b" % b, a, sentence)
    words = sentence.split()
    if len(words) > 12 and rng.random() < 0.4:
        del words[rng.randrange(2, len(words) - 2)]
    return " ".join(words)


def article(rng, story, n_sentences, title):
    picked = sorted(rng.sample(range(len(story)), min(n_sentences, len(story))))
    for i in range(0, len(picked) - 1, 3):      # a little reordering
        if rng.random() < 0.4:
            picked[i], picked[i + 1] = picked[i + 1], picked[i]
    sentences = [(i, reword(rng, story[i](rng, rng.random() < 0.1))) for i in picked]
    paras, k = [], 0
    while k < len(sentences):
        size = rng.randrange(2, 5)
        paras.append(" ".join(s for _, s in sentences[k:k + size]))
        k += size
    text = title + "\n\n" + "\n\n".join(paras) + "\n\n" + rng.choice(BOILERPLATE) + "\n"
    return text, [i for i, _ in sentences]


def run_once(cli, files, out_path):
    """Wall and CPU time (user + system) of one compare, from outside;
    peak RSS as the program reports it (--stats: its own VmHWM, where
    getrusage() of a child would count this big Python process it was
    forked from)."""
    if os.path.exists(out_path):
        os.unlink(out_path)
    with tempfile.TemporaryFile(mode="w+") as err:
        start = time.monotonic()
        proc = subprocess.Popen([cli, "compare", "--stats", "-o", out_path] + files, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stats = err.read()
    if proc.returncode != 0:
        sys.exit("parallax-cli compare failed: " + stats)
    rss = float(re.search(r"peak RSS ([0-9.]+) MiB", stats).group(1))
    return wall, usage.ru_utime + usage.ru_stime, rss


def measure(cli, label, files, origins=None):
    """Best of three runs (a busy machine skews one run), peak RSS."""
    out_path = os.path.join(tempfile.gettempdir(), "px-bench-align-%d.json" % os.getpid())
    wall, cpu, rss = run_once(cli, files, out_path)
    for _ in range(2):
        again, again_cpu, again_rss = run_once(cli, files, out_path)
        wall, cpu, rss = min(wall, again), min(cpu, again_cpu), max(rss, again_rss)
    with open(out_path, encoding="utf-8") as f:
        data = json.load(f)
    os.unlink(out_path)
    words = sum(len(open(p, encoding="utf-8", errors="replace").read().split()) for p in files)
    links = [l for l in data["links"] if l["relation"] != "related"]
    extra = ""
    if origins is not None:
        extra = "  " + link_accuracy(data, links, origins)
    print("%-26s %4d docs %7d words %7.3f s (CPU %6.3f s)  peak RSS %5.1f MiB %6d links %5d claims%s"
          % (label, len(files), words, wall, cpu, rss, len(links), len(data["claims"]), extra))
    return words, wall, cpu, rss


def link_accuracy(data, links, origins):
    """Recall and precision of the links of a long pair against the story
    sentence each segment retells (found by its text)."""
    where = []
    for doc, ids in zip(data["documents"], origins):
        raw = doc["text"].encode("utf-8")
        seg_origin = {}
        for seg in doc["segments"]:
            text = raw[seg["start"]:seg["end"]].decode("utf-8").strip()
            seg_origin[seg["id"]] = ids.get(text)
        where.append(seg_origin)
    a_of, b_of = where
    both = set(v for v in a_of.values() if v is not None) & set(v for v in b_of.values() if v is not None)
    right = 0
    found = set()
    for l in links:
        oa = a_of.get(l["a"], b_of.get(l["a"]))
        ob = b_of.get(l["b"], a_of.get(l["b"]))
        if oa is not None and oa == ob:
            right += 1
            found.add(oa)
    recall = len(found) / max(1, len(both))
    precision = right / max(1, len(links))
    return "recall %.3f precision %.3f" % (recall, precision)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "src", "cli", "parallax-cli"))
    ap.add_argument("--sizes", default="2,10,50,200", help="article set sizes (default 2,10,50,200)")
    ap.add_argument("--long", default="50000,100000", help="words per text of the long pairs")
    ap.add_argument("--keep", metavar="DIR", help="write the generated texts to DIR and keep them")
    args = ap.parse_args()
    missed = []

    seeds = os.path.join(ROOT, "..", "shared", "seeds")
    if os.path.isdir(seeds):
        measure(args.cli, "seeds", sorted(os.path.join(seeds, n) for n in os.listdir(seeds)))
    else:
        print("seeds: skipped (../shared/seeds is absent)")

    rng = random.Random(20221120)
    story = example_claims() + [make_claim(rng) for _ in range(160)]
    results = []
    with tempfile.TemporaryDirectory(prefix="px-bench-align-") as tmp:
        if args.keep:
            os.makedirs(args.keep, exist_ok=True)
            tmp = args.keep
        for n in [int(x) for x in args.sizes.split(",") if x]:
            files = []
            for i in range(n):
                path = os.path.join(tmp, "n%d-%03d.txt" % (n, i))
                text, _ = article(rng, story, 48, "Report %d on the election" % (i + 1))
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                files.append(path)
            results.append(measure(args.cli, "%d articles" % n, files))
            if n == 10 and results[-1][1] >= 0.050:
                missed.append("10 articles took %.0f ms (target < 50 ms)" % (results[-1][1] * 1000))

        long_results = []
        for words in [int(x) for x in args.long.split(",") if x]:
            long_rng = random.Random(words)
            n_claims = words // 14
            long_story = [make_claim(long_rng) for _ in range(n_claims)]
            files, origins = [], []
            for side in range(2):
                text, picked = article(long_rng, long_story, int(n_claims * 0.9), "Long text %d" % (side + 1))
                path = os.path.join(tmp, "long%d-%d.txt" % (words, side))
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                files.append(path)
                origins.append(picked)
            # segment text → story index, for recall and precision
            texts = []
            for path, picked in zip(files, origins):
                body = open(path, encoding="utf-8").read().split("\n\n")[1:-1]
                sentences = [s for p in body for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", p)]
                texts.append({s.strip(): o for s, o in zip(sentences, picked)})
            long_results.append(measure(args.cli, "2 texts of ~%d words" % words, files, texts))
            w, wall, cpu, rss = long_results[-1]
            if words >= 100000 and (wall >= 2.0 or rss >= 500):
                missed.append("two %d-word texts: %.2f s, %.0f MiB (targets < 2 s, < 500 MB)" % (words, wall, rss))

    # the cost of doubling: CPU time, which a busy machine does not inflate
    # the way it does wall time
    def growth(series, what):
        for (w1, _, t1, _), (w2, _, t2, _) in zip(series, series[1:]):
            if w2 <= w1 * 1.5:
                continue
            per_doubling = (t2 / t1) ** (1 / math.log2(w2 / w1))
            print("%s: %d → %d words, CPU time × %.2f per doubling of the input" % (what, w1, w2, per_doubling))
            if per_doubling > 2.3:
                missed.append("%s: %.2f× per doubling (target ≤ 2.3×)" % (what, per_doubling))

    growth([r for r in results if r[0] >= 4000], "article sets")
    growth(long_results, "long pairs")
    for m in missed:
        print("  target missed: " + m)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
