#!/usr/bin/env python3
"""Sanity checks for the research/ draft data. Run: python3 research/tools/check_files.py
Checks: CSV columns, GSS code shape, shares per district sum to ~1 where filled;
TOML files parse, every contact has kind/value/confirmed/source/checked, kinds are known."""
import csv, re, sys, tomllib
from collections import defaultdict
from pathlib import Path

here = Path(__file__).resolve().parent.parent
bad = 0

rows = list(csv.DictReader(open(here / "postcode-districts.csv")))
assert list(rows[0].keys()) == ["district", "council_code", "council_name", "nation", "share"]
by = defaultdict(list)
for r in rows:
    if not re.fullmatch(r"[ENSW]\d{8}", r["council_code"]):
        print("bad code", r); bad += 1
    if not re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]?", r["district"]):
        print("bad district", r); bad += 1
    by[r["district"]].append(r)
for d, rs in by.items():
    shares = [r["share"] for r in rs]
    if all(shares) and abs(sum(map(float, shares)) - 1) > 0.002:
        print("shares do not sum to 1:", d, shares); bad += 1
print(f"postcode-districts.csv: {len(by)} districts, {len(rows)} rows, "
      f"{sum(len(v) > 1 for v in by.values())} with more than one council")

KINDS = {"email", "post", "phone", "web-form"}
for name in ["icbs.toml", "wales.toml", "scotland.toml", "northern-ireland.toml"]:
    data = tomllib.load(open(here / name, "rb"))
    for table, entries in data.items():
        n = c = conf = 0
        for e in entries:
            n += 1
            for k in ("id", "name", "councils", "contacts", "notes"):
                if k not in e:
                    print(name, e.get("id"), "missing", k); bad += 1
            for ct in e["contacts"]:
                c += 1
                conf += ct.get("confirmed") is True
                if ct.get("kind") not in KINDS or not ct.get("value") or not ct.get("source", "").startswith("http") \
                        or ct.get("checked") != "2026-11-26" or not isinstance(ct.get("confirmed"), bool):
                    print(name, e["id"], "bad contact", ct); bad += 1
        print(f"{name}: {n} {table} entries, {c} contacts, {conf} confirmed")
sys.exit(1 if bad else 0)
