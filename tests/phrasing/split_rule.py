"""The deterministic rule that put each row added after commit f34a6d0 into
holdout.tsv or tune.tsv (see NOTES.md, "Split rule").  It reads only the text
and the source of a row, never the analyzer.

    site(row)  = host of the source address, lower-case, without "www." and port,
                 or None when the source is "koomc"
    key(row)   = site(row) if there is one, else "text:" + text
    bucket     = int(sha1(key as UTF-8).hexdigest(), 16) % 100

A row whose site already had rows in the original tune.tsv goes to tune, one
whose site had rows in the original holdout.tsv goes to holdout (so no site
feeds both parts); any other row goes to holdout when bucket < HOLDOUT_X,
else to tune.
"""
import hashlib
from urllib.parse import urlparse

BASE_COMMIT = "f34a6d0"
HOLDOUT_X = 30


def site(source):
    if not source.startswith(("http://", "https://")):
        return None
    host = urlparse(source).netloc.lower().split(":")[0]
    return host[4:] if host.startswith("www.") else host


def bucket(text, source):
    s = site(source)
    key = s if s else "text:" + text
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 100


def part(text, source, tune_sites, holdout_sites):
    s = site(source)
    if s in tune_sites:
        return "tune"
    if s in holdout_sites:
        return "holdout"
    return "holdout" if bucket(text, source) < HOLDOUT_X else "tune"
