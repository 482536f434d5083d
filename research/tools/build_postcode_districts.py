#!/usr/bin/env python3
"""Build research/postcode-districts.csv from three public, openly licensed sources.

Inputs (read straight out of git snapshots; nothing is downloaded here):
  A. NHS COVID-19 app (Android), app/src/main/assets/localAuthorities.json,
     key "postcodes": postcode district -> list of local authority GSS codes.
     github.com/ukhsa-collaboration/covid-19-app-android-ag-public, file last
     changed in commit dc51f569 (2021-01-19). MIT licence, Crown Copyright 2020.
     Gives *membership* (which councils a district touches), 2020 LAD codes.
  B2. For AB DD DG EH FK G HS IV KA KW KY ML PA PH TD ZE the August 2020 edition
     (v2020.3.0) from github.com/scottishgovernment/os-codepoint commit 3bb60525
     is used instead (same licence, (c) 2020).
  B. OS Code-Point Open, August 2014 (dataset version 2014.3.0),
     github.com/open-postcode/codepoint commit dd4880a1. Per-postcode
     Admin_district_code for Great Britain (no Northern Ireland).
     OS OpenData licence (OGL-compatible): "Contains OS data (c) Crown copyright
     and database right 2014; Contains Royal Mail data (c) Royal Mail copyright
     and database right 2014; Contains National Statistics data (c) Crown
     copyright and database right 2014". Used only for *shares* (counts).
  C. mySociety uk_local_authority_names_and_codes, commit 67ef8b11 (2025-07-10),
     data/packages/uk_la_future/uk_local_authorities_future.csv, CC BY 4.0.
     Used to map old GSS codes to current councils (follows replaced-by) and
     for current names and nations.

Two councils made in April 2023 lie in more than one NHS area (Integrated Care Board):
Westmorland and Furness and North Yorkshire (see research/lad-icb.md). For them the table keeps
the old district councils they were made from, as parts named "Eden (Westmorland and Furness)",
because the old districts are what the NHS areas follow. Sources A and B both use those old codes.

Usage: python3 build_postcode_districts.py OUT.csv STATS.json
"""
import csv, io, json, os, subprocess, sys
from collections import defaultdict, Counter

# Bare git clones of the source repositories, side by side in one folder (SOURCES, default
# ./sources), each named owner+repository.
SOURCES = os.environ.get("SOURCES", "sources")
NHS = (f"{SOURCES}/ukhsa-collaboration+covid-19-app-android-ag-public",
       "dc51f569fe3cc30d8a18e309e47cc34492a785e5", "app/src/main/assets/localAuthorities.json")
CPO = (f"{SOURCES}/open-postcode+codepoint", "dd4880a1a6f437477fd6a7a3a6823c944ba6bd2f")
# Scottish Government copy of Code-Point Open, August 2020 (v2020.3.0), for the 16
# postcode areas that are wholly or mainly in Scotland (files hold every postcode in
# the area, English ones too). Same OS OpenData licence, (c) 2020.
CPO_SCOT = (f"{SOURCES}/scottishgovernment+os-codepoint", "3bb605257aeab9ae5b2770bacdbedc30ef4301ce")
MYS = (f"{SOURCES}/mysociety+uk_local_authority_names_and_codes",
       "67ef8b118938678401a452f4f19f669a7221cc73",
       "data/packages/uk_la_future/uk_local_authorities_future.csv")


# Councils whose old districts are kept as parts (see above): current GSS code.
KEEP_PARTS = {"E06000064", "E06000065"}


def show(repo, commit, path):
    return subprocess.run(["git", "-C", repo, "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout.decode("utf-8", "replace")


def main(out_path, stats_path):
    # --- C: council registry ---------------------------------------------
    rows = list(csv.DictReader(io.StringIO(show(*MYS))))
    by_code = {r["local-authority-code"]: r for r in rows}
    gss_to_row = {}
    for r in rows:
        # only lower-tier/unitary councils (the "district" layer ONS LAD uses)
        if r["lower-or-unitary"] != "True":
            continue
        if r["gss-code"]:
            gss_to_row.setdefault(r["gss-code"], r)
        for old in filter(None, (c.strip() for c in r["former-gss-codes"].split(","))):
            gss_to_row.setdefault(old, r)

    def current(gss):
        """Follow replaced-by until a council with no end date; return list of rows."""
        r = gss_to_row.get(gss)
        if r is None:
            return None
        seen = set()
        todo, out = [r], []
        while todo:
            x = todo.pop()
            if x["local-authority-code"] in seen:
                continue
            seen.add(x["local-authority-code"])
            if x["end-date"] and x["replaced-by"]:
                for nxt in x["replaced-by"].split(","):
                    todo.append(by_code[nxt.strip()])
            else:
                out.append(x)
        return out

    unmapped = Counter()
    split_successor = Counter()

    own_row = {r["gss-code"]: r for r in rows if r["gss-code"]}
    parts = {}

    def remap(gss):
        cur = current(gss)
        if not cur:
            unmapped[gss] += 1
            return None
        if len(cur) > 1:
            split_successor[gss] += 1  # would need postcode-level data; none expected
        if cur[0]["gss-code"] in KEEP_PARTS and gss != cur[0]["gss-code"] and gss in own_row:
            if gss not in parts:
                name = f'{own_row[gss]["nice-name"].strip()} ({cur[0]["nice-name"].strip()})'
                parts[gss] = {"gss-code": gss, "nice-name": name, "nation": cur[0]["nation"]}
            return parts[gss]
        return cur[0]

    # --- A: NHS membership ------------------------------------------------
    nhs = json.loads(show(NHS[0], NHS[1], NHS[2]))["postcodes"]
    members = defaultdict(set)
    for district, codes in nhs.items():
        for c in codes:
            r = remap(c)
            if r:
                members[district.upper()].add(r["gss-code"])

    # --- B: Code-Point Open 2014 counts -----------------------------------
    def ls(src):
        return subprocess.run(["git", "-C", src[0], "ls-tree", "--name-only", src[1], "Data/CSV/"],
                              check=True, capture_output=True, text=True).stdout.split()
    scot_files = set(ls(CPO_SCOT))
    plan = [(CPO_SCOT, f) for f in sorted(scot_files)] + \
           [(CPO, f) for f in ls(CPO) if f not in scot_files]
    counts = defaultdict(Counter)
    cp_missing_district_code = 0
    for src, f in plan:
        for rec in csv.reader(io.StringIO(show(src[0], src[1], f))):
            pc, lad = rec[0].strip(), rec[8].strip()
            outward = pc[:-3].strip()
            if not lad:
                cp_missing_district_code += 1
                continue
            r = remap(lad)
            if r:
                counts[outward][r["gss-code"]] += 1

    # --- merge ------------------------------------------------------------
    districts = sorted(set(members) | set(counts))
    out_rows = []
    disagreements = []
    for d in districts:
        mem = members.get(d, set())
        cnt = counts.get(d, Counter())
        councils = set(mem) | set(cnt)
        total = sum(cnt.values())
        if mem and cnt and set(cnt) != mem:
            disagreements.append((d, sorted(mem), dict(cnt)))
        for g in councils:
            if total:
                share = cnt.get(g, 0) / total
                share_s = f"{share:.4f}"
            elif len(councils) == 1:
                share_s = "1.0000"
            else:
                share_s = ""  # NI or new district: membership known, share not
            r = parts.get(g) or gss_to_row[g]
            out_rows.append((d, g, r["nice-name"].strip(), r["nation"], share_s))

    def sort_key(row):
        import re
        m = re.match(r"([A-Z]+)(\d+)([A-Z]?)", row[0])
        area, num, suf = (m.group(1), int(m.group(2)), m.group(3)) if m else (row[0], 0, "")
        share = float(row[4]) if row[4] else -1
        return (area, num, suf, -share, row[2])
    out_rows.sort(key=sort_key)

    with open(out_path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["district", "council_code", "council_name", "nation", "share"])
        w.writerows(out_rows)

    per_d = Counter(r[0] for r in out_rows)
    stats = {
        "districts": len(districts),
        "districts_in_nhs_2021": len(members),
        "districts_in_codepoint": len(counts),
        "only_in_nhs": sorted(set(members) - set(counts)),
        "only_in_codepoint": sorted(set(counts) - set(members)),
        "straddling_districts": sum(1 for v in per_d.values() if v > 1),
        "rows": len(out_rows),
        "councils": len({r[1] for r in out_rows}),
        "councils_by_nation": Counter(n for _, n in {(r[1], r[3]) for r in out_rows}),
        "parts": sorted(p["nice-name"] for p in parts.values()),
        "blank_share_districts": sorted({r[0] for r in out_rows if r[4] == ""}),
        "unmapped_codes": dict(unmapped),
        "codes_with_split_successors": dict(split_successor),
        "codepoint_postcodes_without_district_code": cp_missing_district_code,
        "membership_disagreements_count": len(disagreements),
        "membership_disagreements_sample": disagreements[:40],
    }
    with open(stats_path, "w") as fh:
        json.dump(stats, fh, indent=1, default=list)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
