#!/usr/bin/env python3
"""Prints the merged, typed entity list of the hand-check articles (docs/evaluation.md) from a
corpus JSON, one block per article, for counting errors by hand: entity-handcheck.py CORPUS.json"""
import json
import sys

# The 20 hand-check articles: 10 Reuters, 5 PolNeAR, the seed, 4 demo articles.
ARTICLES = [
    "reuters-1", "reuters-4", "reuters-5", "reuters-10", "reuters-44",
    "reuters-18", "reuters-26", "reuters-28", "reuters-45", "reuters-54",
    "breitbart_2016-03-11_activists-who-lit-syria-revolt-w",
    "nyt_2016-09-19_old-hands-help-russia-navigate-u",
    "wash-post_2016-09-16_burma-leader-s-visit-to-washingt",
    "west-journal_2016-09-12_obama-seeks-more-muslim-refugees",
    "politico_2016-09-22_judge-rejects-new-york-times-req",
    "SEED",
    "demo-004", "demo-005", "demo-015", "demo-033",
]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: entity-handcheck.py CORPUS.json")
    with open(sys.argv[1], encoding="utf-8") as f:
        corpus = json.load(f)
    by_id = {a["id"]: a for a in corpus["articles"]}
    for want in ARTICLES:
        art = match(by_id, want)
        if art is None:
            sys.exit(f"{sys.argv[1]}: no article matches hand-check id {want!r}")
        ents = art.get("entities", [])
        print(f"## {art['id']}  ({len(ents)} entities) {art.get('title', '')[:70]}")
        for e in ents:
            aliases = ", ".join(e.get("aliases", []))
            aliases = f"  [{aliases}]" if aliases else ""
            print(f"  {e['kind']:<12} {e['name']}{aliases}  x{len(e['mentions'])}")


def match(by_id, want):
    """The article with id `want`; SEED and demo-NNN name the seed and a demo file by prefix."""
    if want in by_id:
        return by_id[want]
    for key, art in sorted(by_id.items()):
        if want == "SEED" and key.startswith("000"):
            return art
        if want.startswith("demo-") and key.startswith(want[5:]):
            return art
    return None


if __name__ == "__main__":
    main()
