#!/usr/bin/env python3
"""Build research/post-towns.csv: each UK postcode district's post town (the town Royal Mail
names in an address), so a person can type their town's name in the "Where" question.

Source: Wikipedia, "List of postcode districts in the United Kingdom" (text under CC BY-SA 4.0),
as copied into github.com/NPrada/dealsrc-rightmove-scraper, postcodes/raw-html-table.ts,
commit 9cffdd4c (24 February 2024): the table's rows give a postcode area, its districts, the
post town and the former postal county. Districts marked "non-geo" (for large users' mail,
with no place of their own) are left out; districts shared by two post towns are kept under
both.

Usage: SOURCES=folder python3 build_post_towns.py OUT.csv
(SOURCES holds bare clones named owner+repository, as for the other scripts here.)
"""
import csv, html, os, re, subprocess, sys

SOURCES = os.environ.get("SOURCES", "sources")
WIKI = (f"{SOURCES}/NPrada+dealsrc-rightmove-scraper", "9cffdd4cb51133761e152f04e20d17f42cd23de7",
        "postcodes/raw-html-table.ts")
SMALL = {"upon", "on", "in", "le", "the", "by", "under", "super", "sur", "de", "la", "of", "and"}


def show(repo, commit, path):
    return subprocess.run(["git", "-C", repo, "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout.decode("utf-8")


def text(cell):
    cell = re.sub(r'<span style="display:none">.*?</span>', "", cell)
    cell = re.sub(r"<sup.*?</sup>", "", cell)
    return html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()


def town_name(name):
    """Some towns are written in capitals in the table: give them ordinary capitals."""
    if name != name.upper():
        return name
    words = re.split(r"(\s|-)", name.lower())
    out = [w if (w in SMALL and i > 0) else w[:1].upper() + w[1:] for i, w in enumerate(words)]
    return "".join(out)


def main(out_path):
    table = show(*WIKI)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", table, flags=re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        if len(cells) != 4:
            continue
        districts_cell = cells[1]
        # A district followed by a "non-geo" note is not a place.
        non_geo = set(re.findall(r"([A-Z]{1,2}[0-9][0-9A-Z]?),?\s*<sup[^>]*>\s*<a[^>]*endnote_non-geo", districts_cell))
        districts = [d for d in re.findall(r"\b([A-Z]{1,2}[0-9][0-9A-Z]?)\b", text(districts_cell)) if d not in non_geo]
        # A footnote mark can follow a name ("Staines-upon-Thames[11]").
        town = town_name(re.sub(r"\[\d+\]$", "", text(cells[2])))
        if not re.fullmatch(r"[A-Za-z][A-Za-z .'\-]*", town):
            raise SystemExit(f"an unexpected town name: {town!r}")
        for district in districts:
            rows.append((district, town))
    rows = sorted(set(rows), key=lambda r: (re.match(r"[A-Z]+", r[0]).group(), int(re.search(r"\d+", r[0]).group()), r[0], r[1]))
    with open(out_path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["district", "post_town"])
        w.writerows(rows)
    print(f"{len(rows)} rows, {len({r[1] for r in rows})} post towns, {len({r[0] for r in rows})} districts")


if __name__ == "__main__":
    main(sys.argv[1])
