#!/usr/bin/env python3
"""Reduce Princeton WordNet 3.0 (Debian `wordnet-base`, /usr/share/wordnet) to
the compact table the phrasing analyzer embeds: src/phrasing/wordnet.txt.

    python3 scripts/wordnet/reduce.py            # regenerate the table
    python3 scripts/wordnet/reduce.py --check    # fail if the committed table differs

Deterministic: the output depends only on the WordNet files (sorted, no dates).

Table format (one line each, sorted, '#' lines are comments):

    lemma<TAB>N<TAB>V<TAB>A
        N: noun senses: a frequency digit 0-9 (log2 of the SemCor tag count
           over all noun senses, +1, capped) then one letter per noun
           lexicographer file in sense order, duplicates dropped:
           a=noun.Tops (03) ... z=noun.time (28); empty if not a noun
        V: the same for verbs, letters A=verb.body (29) ... O=verb.weather (43)
        A: a frequency digit if the word is an adjective or adverb
           (adjective senses + adverb senses), else empty
    form<TAB>>lemma
        an irregular inflection from WordNet's exception lists (noun.exc,
        verb.exc, adj.exc) whose lemma is in the table; a verb form that is
        also a lemma of another part of speech ("paid", "left") is listed
        too, unless it is a verb lemma itself.

Kept: single-word lemmas of letters, hyphens and apostrophes; every verb. A
word that is only a noun, or only an adjective or adverb, is kept when SemCor
tags it at least once in that part of speech (rare words add size and no
information: an unknown word is read as a noun anyway).
"""
import os
import sys

WN = os.environ.get("WORDNET_DIR", "/usr/share/wordnet")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "phrasing", "wordnet.txt")

HEADER = """# Reduced from Princeton WordNet 3.0 by scripts/wordnet/reduce.py.
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# Licence: src/phrasing/WORDNET-LICENSE. Regenerate: python3 scripts/wordnet/reduce.py
"""


def ok(lemma):
    return 2 <= len(lemma) <= 24 and all(c.isalpha() and c.isascii() or c in "-'" for c in lemma) and lemma[0].isalpha()


def lexfiles(pos):
    """offset -> lexicographer file number, from data.<pos>."""
    out = {}
    with open(os.path.join(WN, "data." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split(" ", 3)
            out[parts[0]] = int(parts[1])
    return out


def index(pos):
    """lemma -> (tagsense_cnt, [offsets in sense order])."""
    out = {}
    with open(os.path.join(WN, "index." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            p = line.split()
            lemma = p[0]
            synsets = int(p[2])
            ptrs = int(p[3])
            tagged = int(p[5 + ptrs])
            offsets = p[6 + ptrs:6 + ptrs + synsets]
            out[lemma] = (tagged, offsets)
    return out


def counts():
    """(lemma, ss_type digit) -> SemCor count, from cntlist.rev."""
    out = {}
    with open(os.path.join(WN, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            key, _sense, count = line.split()
            lemma, rest = key.split("%", 1)
            ss = rest[0]
            ss = "3" if ss == "5" else ss  # satellite adjectives are adjectives
            out[(lemma, ss)] = out.get((lemma, ss), 0) + int(count)
    return out


def digit(n):
    return str(min(9, n.bit_length()))


def build():
    cnt = counts()
    nouns, verbs, adjs, advs = index("noun"), index("verb"), index("adj"), index("adv")
    nlex, vlex = lexfiles("noun"), lexfiles("verb")
    lemmas = set()
    lemmas.update(l for l in verbs if ok(l))
    for table, ss in ((adjs, "3"), (advs, "4")):
        lemmas.update(l for l in table if ok(l) and (cnt.get((l, ss), 0) > 0 or l in nouns))
    for l, (tagged, _) in nouns.items():
        if ok(l) and (tagged > 0 or l in lemmas):
            lemmas.add(l)
    rows = []
    for l in sorted(lemmas):
        fields = []
        for table, lex, base, ss in ((nouns, nlex, "a", "1"), (verbs, vlex, "A", "2")):
            if l not in table:
                fields.append("")
                continue
            letters = []
            for off in table[l][1]:
                c = chr(ord(base) + lex[off] - (3 if base == "a" else 29))
                if c not in letters:
                    letters.append(c)
            fields.append(digit(cnt.get((l, ss), 0)) + "".join(letters))
        if l in adjs or l in advs:
            fields.append(digit(cnt.get((l, "3"), 0) + cnt.get((l, "4"), 0)))
        else:
            fields.append("")
        rows.append(l + "\t" + "\t".join(fields).rstrip("\t"))
    exc = {}
    for pos in ("noun", "verb", "adj"):
        with open(os.path.join(WN, pos + ".exc"), encoding="latin-1") as f:
            for line in f:
                p = line.split()
                form, lemma = p[0], p[1]
                if ok(form) and lemma in lemmas and form not in exc and form != lemma:
                    # A form that is also a lemma ("paid", an adjective) keeps
                    # its verb reading: the inflection is listed after it.
                    if form in lemmas and (pos != "verb" or form in verbs):
                        continue
                    exc[form] = lemma
    rows.extend(f + "\t>" + exc[f] for f in sorted(exc))
    return HEADER + "\n".join(rows) + "\n"


def main():
    text = build()
    if "--check" in sys.argv:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit("src/phrasing/wordnet.txt is not what scripts/wordnet/reduce.py produces")
        print("src/phrasing/wordnet.txt is up to date")
        return
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {OUT}: {len(text)} bytes, {text.count(chr(10))} lines")


if __name__ == "__main__":
    main()
