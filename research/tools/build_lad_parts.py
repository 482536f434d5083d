#!/usr/bin/env python3
"""Build research/lad-parts-icb.csv: the old district councils inside the two councils made in
April 2023 that lie in more than one NHS area (Westmorland and Furness, North Yorkshire), and the
Integrated Care Board (as at April 2024) each old district's small areas are in.

The ONS lookups name each 2021 small area (LSOA) after the district it was drawn in ("Eden
001A"), so counting a council's small areas by that name and by ICB shows how the NHS areas
follow the old districts. Same sources as lad-icb.csv (see lad-icb.md): the ONS LSOA (2021) to
ICB (April 2024) lookup and the LSOA (2021) to LAD (2024) lookup, as stored in the R package
humaniverse/geographr (snapshot c026be5c). Old districts' codes: OS Code-Point Open 2014 code
list (Doc/Codelist.xls, sheet DIS), the same snapshot postcode-districts.csv uses.

Usage: SOURCES=folder python3 build_lad_parts.py OUT.csv
(SOURCES holds bare clones named owner+repository, as for build_postcode_districts.py; needs
the Python packages rdata and xlrd.)
"""
import csv, io, os, re, subprocess, sys, tempfile
from collections import Counter

SOURCES = os.environ.get("SOURCES", "sources")
GEO = (f"{SOURCES}/humaniverse+geographr", "c026be5cc76cb576358082b53f1f13d69ab577ae")
CPO = (f"{SOURCES}/open-postcode+codepoint", "dd4880a1a6f437477fd6a7a3a6823c944ba6bd2f")
COUNCILS = {"E06000064": "Westmorland and Furness", "E06000065": "North Yorkshire"}


def show(src, path):
    return subprocess.run(["git", "-C", src[0], "show", f"{src[1]}:{path}"],
                          check=True, capture_output=True).stdout


def rda(path):
    import rdata
    with tempfile.NamedTemporaryFile(suffix=".rda") as f:
        f.write(show(GEO, path))
        f.flush()
        return next(iter(rdata.conversion.convert(rdata.parser.parse_file(f.name)).values()))


def main(out_path):
    import xlrd
    book = xlrd.open_workbook(file_contents=show(CPO, "Doc/Codelist.xls"))
    dis = book.sheet_by_name("DIS")
    code_of = {}
    for r in range(dis.nrows):
        name, code = (str(c.value).strip() for c in dis.row(r)[:2])
        code_of[re.sub(r" District( \(B\))?$", "", name)] = code
    icb = rda("data/lookup_lsoa21_icb24.rda")
    lad = rda("data/lookup_lsoa21_ward24_ltla24.rda")
    joined = icb.merge(lad[["lsoa21_code", "ltla24_code"]], on="lsoa21_code")
    rows = []
    for council, council_name in COUNCILS.items():
        inside = joined[joined.ltla24_code == council]
        counts = Counter((re.sub(r" \d{3}[A-Z]$", "", r.lsoa21_name), r.icb24_code, r.icb24_name)
                         for r in inside.itertuples())
        per_part = Counter()
        for (part, _, _), n in counts.items():
            per_part[part] += n
        for (part, icb_code, icb_name), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1])):
            rows.append([code_of[part], part, council, council_name, icb_code, icb_name, n,
                         f"{n / per_part[part]:.3f}"])
    with open(out_path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["part_code", "part_name", "council_code", "council_name", "icb_code",
                    "icb_name", "small_areas", "share"])
        w.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1])
