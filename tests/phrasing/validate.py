#!/usr/bin/env python3
"""Check the phrasing corpus: format, counts, verbatim share, duplicates, split.

    python3 tests/phrasing/validate.py

Exits 1 and names the problem when a check fails; prints the counts otherwise.
It never runs the analyzer.  When git is available it also checks that every
row of the original corpus (commit split_rule.BASE_COMMIT) is still in the
file it was in, that every row added up to ROUND1_COMMIT sits in the file
split_rule.part() assigns it to, and that the rows added after ROUND1_COMMIT
(the tune-only additions, NOTES.md "Tune-only addition") are all in tune.tsv,
leave holdout.tsv untouched, come from sites that no row at ROUND1_COMMIT
used, and are at least ROUND2_MIN_VERBATIM verbatim.
"""
import collections
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import split_rule  # noqa: E402

LABELS = ("outcome", "method", "vague", "urgent-unclear")
PARTS = ("tune", "holdout")
MIN_TOTAL, MIN_HOLDOUT, MIN_VERBATIM_SHARE = 400, 150, 0.60
# The corpus as it stood before the tune-only addition: rows present here were
# split by split_rule.part(); rows added after it go to tune.tsv only.
ROUND1_COMMIT = "abb779c"
ROUND2_MIN_VERBATIM = 0.80

errors = []


def fail(msg):
    errors.append(msg)


def parse(name, raw):
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        fail(f"{name}: not UTF-8 ({e})")
        return []
    if "\r" in text:
        fail(f"{name}: carriage return found")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0] != "label\ttext\tsource":
        fail(f"{name}: first line must be the header 'label<TAB>text<TAB>source'")
        return []
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        f = line.split("\t")
        if len(f) != 3:
            fail(f"{name}:{n}: {len(f)} fields, want 3")
            continue
        label, txt, src = f
        if label not in LABELS:
            fail(f"{name}:{n}: bad label {label!r}")
        if not txt or txt != txt.strip():
            fail(f"{name}:{n}: empty text or surrounding spaces")
        if not (src == "koomc" or re.match(r"https?://\S+$", src)):
            fail(f"{name}:{n}: source must be an http(s) address or 'koomc': {src!r}")
        rows.append((label, txt, src))
    return rows


def norm(t):
    return " ".join(t.lower().split())


def main():
    data = {}
    for p in PARTS:
        with open(os.path.join(HERE, p + ".tsv"), "rb") as fh:
            data[p] = parse(p + ".tsv", fh.read())

    # duplicates, within and across the two files
    seen = {}
    for p in PARTS:
        for _, txt, _ in data[p]:
            k = norm(txt)
            if k in seen:
                fail(f"duplicate text in {seen[k]} and {p}: {txt!r}")
            seen[k] = p

    # counts
    total = sum(len(data[p]) for p in PARTS)
    verbatim = sum(1 for p in PARTS for r in data[p] if r[2] != "koomc")
    if total < MIN_TOTAL:
        fail(f"{total} rows in all, want at least {MIN_TOTAL}")
    if len(data["holdout"]) < MIN_HOLDOUT:
        fail(f"{len(data['holdout'])} holdout rows, want at least {MIN_HOLDOUT}")
    if total and verbatim / total < MIN_VERBATIM_SHARE:
        fail(f"verbatim share {verbatim / total:.1%}, want at least {MIN_VERBATIM_SHARE:.0%}")
    for p in PARTS:
        present = {r[0] for r in data[p]}
        for label in LABELS:
            if label not in present:
                fail(f"{p}.tsv has no {label} row")

    # no site feeds both parts
    sites = {p: {split_rule.site(r[2]) for r in data[p]} - {None} for p in PARTS}
    both = sites["tune"] & sites["holdout"]
    if both:
        fail(f"sites used by both parts: {sorted(both)}")

    # original rows kept in place, later rows placed by the split rule
    orig = {}
    try:
        for p in PARTS:
            raw = subprocess.run(
                ["git", "-C", HERE, "show", f"{split_rule.BASE_COMMIT}:./{p}.tsv"],
                check=True, capture_output=True).stdout
            orig[p] = parse(f"{split_rule.BASE_COMMIT}:{p}.tsv", raw)
    except (OSError, subprocess.CalledProcessError):
        print("note: git or the base commit is not available; split checks skipped")
        orig = None
    if orig is not None:
        tune_sites = {split_rule.site(r[2]) for r in orig["tune"]} - {None}
        hold_sites = {split_rule.site(r[2]) for r in orig["holdout"]} - {None}
        for p in PARTS:
            here = set(data[p])
            for r in orig[p]:
                if r not in here:
                    fail(f"original {p} row missing or changed: {r[1]!r}")
        original = set(orig["tune"]) | set(orig["holdout"])
        round1 = {}
        try:
            for p in PARTS:
                raw = subprocess.run(
                    ["git", "-C", HERE, "show", f"{ROUND1_COMMIT}:./{p}.tsv"],
                    check=True, capture_output=True).stdout
                round1[p] = parse(f"{ROUND1_COMMIT}:{p}.tsv", raw)
        except (OSError, subprocess.CalledProcessError):
            print(f"note: commit {ROUND1_COMMIT} is not available; tune-only checks skipped")
            round1 = None
        # rows of the first addition (after BASE_COMMIT, up to ROUND1_COMMIT):
        # placed by the split rule
        r1_rows = (set(round1["tune"]) | set(round1["holdout"])) if round1 else None
        for p in PARTS:
            for r in data[p]:
                if r in original:
                    continue
                if r1_rows is not None and r not in r1_rows:
                    continue  # a tune-only row, checked below
                want = split_rule.part(r[1], r[2], tune_sites, hold_sites)
                if want != p:
                    fail(f"row in {p}.tsv but the split rule says {want}: {r[1]!r}")
        # the tune-only addition (after ROUND1_COMMIT)
        if round1 is not None:
            if data["holdout"] != round1["holdout"]:
                fail(f"holdout.tsv differs from {ROUND1_COMMIT}: the tune-only "
                     "addition must not touch it")
            for p in PARTS:
                here = set(data[p])
                for r in round1[p]:
                    if r not in here:
                        fail(f"{ROUND1_COMMIT} {p} row missing or changed: {r[1]!r}")
            old_sites = {split_rule.site(r[2]) for p in PARTS for r in round1[p]} - {None}
            added = [r for r in data["tune"] if r not in r1_rows]
            for r in added:
                s = split_rule.site(r[2])
                if s in old_sites:
                    fail(f"tune-only row from a site already used at {ROUND1_COMMIT} "
                         f"({s}): {r[1]!r}")
            if added:
                v2 = sum(1 for r in added if r[2] != "koomc")
                if v2 / len(added) < ROUND2_MIN_VERBATIM:
                    fail(f"tune-only addition: verbatim share {v2 / len(added):.1%}, "
                         f"want at least {ROUND2_MIN_VERBATIM:.0%}")
                c2 = collections.Counter(r[0] for r in added)
                print(f"tune-only addition after {ROUND1_COMMIT}: {len(added)} rows ("
                      + ", ".join(f"{l} {c2[l]}" for l in LABELS)
                      + f"), {v2} verbatim ({v2 / len(added):.1%}), "
                      f"{len({split_rule.site(r[2]) for r in added} - {None})} new sites")

    # report
    print(f"{'part':<8} {'rows':>5} " + " ".join(f"{l:>14}" for l in LABELS) + f" {'verbatim':>9}")
    for p in PARTS + ("both",):
        rows = data["tune"] + data["holdout"] if p == "both" else data[p]
        c = collections.Counter(r[0] for r in rows)
        v = sum(1 for r in rows if r[2] != "koomc")
        print(f"{p:<8} {len(rows):>5} " + " ".join(f"{c[l]:>14}" for l in LABELS)
              + f" {v:>9}")
    print(f"verbatim share {verbatim}/{total} = {verbatim / max(total, 1):.1%}; "
          f"distinct source addresses {len({r[2] for p in PARTS for r in data[p] if r[2] != 'koomc'})}")

    if errors:
        for e in errors:
            print("FAIL:", e, file=sys.stderr)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
