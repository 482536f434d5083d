#!/usr/bin/env python3
"""Build research/county-councils.csv: England's county councils (the upper tier over the
district councils that postcode-districts.csv names) and the districts within each.

postcode-districts.csv names district councils, the layer ONS calls local authority districts.
Where England still has two tiers (Kent, Surrey, East Sussex, ...) people often name the county
instead, and the county council is the one that runs adult social care. This lists them so a
county's name can be found too.

Input (read straight out of a git snapshot; nothing is downloaded here):
  mySociety uk_local_authority_names_and_codes, commit 67ef8b11 (2025-07-10),
  data/packages/uk_la_future/uk_local_authorities_future.csv, CC BY 4.0 (attribute mySociety).
  Rows of type CTY (county council) with no end date; a district's county is its `county-la`.

Usage: python3 build_county_councils.py OUT.csv   (SOURCES as for build_postcode_districts.py)
"""
import csv, io, os, subprocess, sys

SOURCES = os.environ.get("SOURCES", "sources")
MYS = (f"{SOURCES}/mysociety+uk_local_authority_names_and_codes",
       "67ef8b118938678401a452f4f19f669a7221cc73",
       "data/packages/uk_la_future/uk_local_authorities_future.csv")


def main(out_path):
    text = subprocess.run(["git", "-C", MYS[0], "show", f"{MYS[1]}:{MYS[2]}"],
                          check=True, capture_output=True).stdout.decode("utf-8", "replace")
    rows = list(csv.DictReader(io.StringIO(text)))
    counties = {r["local-authority-code"]: r for r in rows
                if r["local-authority-type"] == "CTY" and not r["end-date"]}
    out = []
    for r in rows:
        county = counties.get(r["county-la"])
        if county and not r["end-date"]:
            out.append((county["gss-code"], county["nice-name"].strip(),
                        r["gss-code"], r["nice-name"].strip()))
    out.sort()
    with open(out_path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["county_code", "county_name", "district_code", "district_name"])
        w.writerows(out)
    print(f"{len(counties)} county councils, {len(out)} districts")


if __name__ == "__main__":
    main(sys.argv[1])
