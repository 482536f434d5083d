#![cfg(not(target_arch = "wasm32"))]
//! The table of UK postcode districts (`assets/data/places.txt`) and the lookups in it: the
//! committed file is exactly what the research gives; every district in the research finds its
//! councils; real postcodes and names from every part of the UK find the right council or the
//! right question; and no text, typed or damaged, stops the app.

mod common;
use common::{read, table};
use in_my_words::data::data;
use in_my_words::domain::place::{build, Council, Found, PlaceError, PlaceTable};
use in_my_words::domain::situation::Nation;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// One row of `research/postcode-districts.csv`.
struct Row {
    code: String,
    nation: String,
    /// In hundredths of a percent, when known.
    share: Option<u32>,
}

/// The research's rows by district, in its order (largest share first). Only the council's
/// name can hold a comma, so the other fields are read from either end of the line.
fn research() -> BTreeMap<String, Vec<Row>> {
    let mut out: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for line in read("research/postcode-districts.csv").lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let n = fields.len();
        let share = fields[n - 1];
        out.entry(fields[0].to_string()).or_default().push(Row {
            code: fields[1].to_string(),
            nation: fields[n - 2].to_string(),
            share: (!share.is_empty()).then(|| share.replace('.', "").parse().expect(line)),
        });
    }
    out
}

fn codes(councils: &[Council]) -> Vec<String> {
    councils.iter().map(|c| c.code.to_string()).collect()
}

/// A result as council codes, to compare with a table of expectations.
#[derive(Debug, PartialEq)]
enum Got {
    One(String),
    Sides(Vec<String>),
    Names(Vec<String>),
    Town(Vec<String>),
    Chosen(String, Vec<String>),
    Nothing,
}

fn got(found: &Found) -> Got {
    match found {
        Found::Council(c) => Got::One(c.code.to_string()),
        Found::WhichSide(sides) => {
            Got::Sides(sides.iter().map(|s| s.council.code.to_string()).collect())
        }
        Found::Names(list) => Got::Names(codes(list)),
        Found::Town(list) => Got::Town(codes(list)),
        Found::Chosen(c, others) => Got::Chosen(c.code.to_string(), codes(others)),
        Found::Nothing => Got::Nothing,
    }
}

fn one(code: &str) -> Got {
    Got::One(code.into())
}

fn sides(list: &[&str]) -> Got {
    Got::Sides(list.iter().map(|c| c.to_string()).collect())
}

fn chosen(council: &str, others: &[&str]) -> Got {
    Got::Chosen(
        council.into(),
        others.iter().map(|c| c.to_string()).collect(),
    )
}

fn town(list: &[&str]) -> Got {
    Got::Town(list.iter().map(|c| c.to_string()).collect())
}

/// London's councils, for the post town "London": the City of London (named) first, then the
/// councils of the town's districts (the inner and many outer boroughs; some outer ones have
/// post towns of their own, such as Croydon), each once: more than a page can list.
fn london() -> Vec<String> {
    let Found::Names(list) = table().find("london") else {
        panic!("London is a town of several councils");
    };
    let codes = codes(&list);
    let mut once = codes.clone();
    once.sort_unstable();
    once.dedup();
    assert_eq!(once.len(), codes.len(), "each council once: {codes:?}");
    assert_eq!(codes[0], "E09000001", "the council named comes first");
    for borough in ["E09000030", "E09000033", "E09000012", "E09000022"] {
        assert!(codes.iter().any(|c| c == borough), "{borough} in {codes:?}");
    }
    assert!(codes.len() > 20, "{codes:?}");
    codes
}

fn names(list: &[&str]) -> Got {
    Got::Names(list.iter().map(|c| c.to_string()).collect())
}

#[test]
fn the_committed_table_is_exactly_what_the_research_gives() {
    let areas = in_my_words::data::source::load_areas(&read("assets/data/areas.toml"))
        .expect("areas.toml reads");
    let made = build(
        &read("research/postcode-districts.csv"),
        &read("research/county-councils.csv"),
        &read("research/post-towns.csv"),
        &areas,
    )
    .expect("the research converts");
    assert!(
        made == *common::places_text(),
        "assets/data/places.txt is not what research/ gives: run `cargo run --example build-places`"
    );
    // A district listed under two counties is an error in the research, not a choice.
    let counties = read("research/county-councils.csv");
    let ashford = counties
        .lines()
        .find(|l| l.contains(",E07000105,"))
        .expect("Ashford is in Kent");
    let twice = format!(
        "{counties}{}\n",
        ashford.replace("E10000016,Kent", "E10000011,East Sussex")
    );
    let made = build(
        &read("research/postcode-districts.csv"),
        &twice,
        &read("research/post-towns.csv"),
        &areas,
    );
    assert!(
        made.as_ref().is_err_and(|e| e.contains("two counties")),
        "{:?}",
        made.map(|_| ())
    );
    // And it says where it comes from, as the sources' licences ask.
    for credit in [
        "Contains OS data © Crown copyright and database right 2014",
        "Contains Royal Mail data © Royal Mail copyright and database right 2014",
        "Contains National Statistics data © Crown copyright and database right 2014",
        "mySociety",
        "CC BY 4.0",
        "MIT licence, Crown Copyright (c) 2020",
    ] {
        assert!(
            common::places_text()
                .lines()
                .take_while(|l| l.starts_with('#'))
                .any(|l| l.contains(credit)),
            "{credit}"
        );
    }
}

#[test]
fn every_district_in_the_research_finds_its_councils() {
    let research = research();
    let in_table: BTreeSet<&str> = table().districts().collect();
    assert_eq!(research.len(), 2962, "districts in the research");
    assert_eq!(
        in_table.len(),
        table().districts().count(),
        "a district is in the table twice"
    );
    let missing: Vec<&String> = research
        .keys()
        .filter(|d| !in_table.contains(d.as_str()))
        .collect();
    let extra: Vec<&&str> = in_table
        .iter()
        .filter(|d| !research.contains_key(**d))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}, extra {extra:?}"
    );

    let mut wrong = Vec::new();
    for (district, rows) in &research {
        let found = table().find(district);
        // The same with a full postcode, in lower case, or with the rest still being typed.
        for typed in [
            format!("{district} 1AA"),
            format!("{}9zz", district.to_lowercase()),
            format!("{district} 1"),
        ] {
            if table().find(&typed) != found {
                wrong.push(format!("{typed}: not the same as {district}"));
            }
        }
        let offered: Vec<&str> = match &found {
            Found::Council(c) => vec![c.code],
            Found::WhichSide(list) => list.iter().map(|s| s.council.code).collect(),
            other => {
                wrong.push(format!("{district}: {other:?}"));
                continue;
            }
        };
        // Largest first, only councils the research names, every council with 2% or more (or
        // an unknown share), and every nation the district touches.
        let named = |code: &str| rows.iter().any(|r| r.code == code);
        let must: Vec<&Row> = rows
            .iter()
            .filter(|r| r.share.is_none_or(|s| s >= 200))
            .collect();
        let nations: BTreeSet<&str> = rows.iter().map(|r| r.nation.as_str()).collect();
        let offered_nations: BTreeSet<&str> = offered
            .iter()
            .map(|code| {
                rows.iter()
                    .find(|r| r.code == *code)
                    .map_or("", |r| r.nation.as_str())
            })
            .collect();
        if offered[0] != rows[0].code
            || !offered.iter().all(|c| named(c))
            || !must.iter().all(|r| offered.contains(&r.code.as_str()))
            || offered_nations != nations
        {
            wrong.push(format!("{district}: offers {offered:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} districts:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn postcodes_from_every_part_of_the_uk() {
    // Each checked against research/postcode-districts.csv (shares in brackets).
    let table_of = [
        // Sussex.
        ("BN2 1AB", sides(&["E06000043", "E07000063"])), // Brighton and Hove (97%), Lewes (3%)
        ("BN1", one("E06000043")),                       // Lewes 1.2% and Mid Sussex 0.1% left out
        ("TN34 1AA", one("E07000062")),                  // Hastings (Rother 0.4% left out)
        ("rh10 6xx", sides(&["E07000226", "E07000228"])), // Crawley (82%), Mid Sussex (17%)
        ("BN7", one("E07000063")),                       // Lewes
        ("PO19 1AB", one("E07000225")),                  // Chichester
        ("BN11", one("E07000229")),                      // Worthing
        // England elsewhere.
        ("M1 1AE", one("E08000003")),                     // Manchester
        ("LS1 4AP", one("E08000035")),                    // Leeds
        ("B1 1BB", one("E08000025")),                     // Birmingham
        ("EX1 1AA", sides(&["E07000041", "E07000040"])),  // Exeter (97.5%), East Devon (2.5%)
        ("NE1 4ST", one("E08000021")),                    // Newcastle upon Tyne
        ("SW1A 1AA", sides(&["E09000033", "E09000032"])), // Westminster (87%), Wandsworth (13%)
        ("W1A 1AA", one("E09000033")), // Westminster; Camden and Islington 0.0000 left out
        ("TR1", one("E06000052")),     // Cornwall
        // Wales.
        ("CF10 1EP", one("W06000015")), // Cardiff
        ("SA1 1AA", one("W06000011")),  // Swansea (Neath Port Talbot 1%)
        ("LL57 2PW", one("W06000002")), // Bangor: Gwynedd (Conwy 0.0000)
        ("NP20", one("W06000022")),     // Newport
        // Scotland.
        ("G1 1XQ", one("S12000049")),   // Glasgow City
        ("EH1 1YZ", one("S12000036")),  // City of Edinburgh
        ("AB10 1AB", one("S12000033")), // Aberdeen City
        ("IV1 1AA", one("S12000017")),  // Highland
        ("KW15 1AA", one("S12000023")), // Orkney Islands
        ("ZE1 0AA", one("S12000027")),  // Shetland Islands
        ("HS1 2AA", one("S12000013")),  // Eilean Siar (Western Isles)
        ("DD1", one("S12000042")),      // Dundee City
        // Northern Ireland.
        ("BT1 1AA", one("N09000003")),                // Belfast
        ("BT48 6AA", one("N09000005")),               // Derry City and Strabane
        ("BT35", sides(&["N09000002", "N09000010"])), // no shares: both kept
        // Across a nation's border.
        ("CH1 1AA", sides(&["E06000050", "W06000005"])), // Chester (98%), Flintshire (1.85%)
        ("CH4 8AA", sides(&["E06000050", "W06000005"])), // Cheshire West and Chester (53%), Flintshire (47%)
        ("TD15 1AA", sides(&["E06000057", "S12000026"])), // Berwick: Northumberland (94%), Borders (6%)
        ("TD12", sides(&["S12000026", "E06000057"])), // Coldstream: Borders (60%), Northumberland (40%)
        ("NP16 5AA", sides(&["W06000021", "E07000080"])), // Chepstow: Monmouthshire (77%), Forest of Dean (23%)
        ("LD7 1AA", sides(&["W06000023", "E06000051"])),  // Knighton: Powys (89%), Shropshire (11%)
        ("SY10", sides(&["E06000051", "W06000023"])), // Oswestry: Shropshire (73%), Powys (26%); Wrexham 1.1% left out
        ("SY7", sides(&["E06000051", "E06000019", "W06000023"])), // Powys 0.18% stays: another nation
        ("HR3", sides(&["E06000019", "W06000023"])), // Hay-on-Wye: Herefordshire (53%), Powys (47%)
        ("GL16", sides(&["E07000080", "W06000021"])), // Forest of Dean (99.8%), Monmouthshire (0.2%)
        ("LL14", sides(&["W06000006", "E06000051"])), // Wrexham (97%), Shropshire (2.7%)
        // Not in the table: the Channel Islands and the Isle of Man have their own services.
        ("GY1 1AA", Got::Nothing),
        ("JE2 3QA", Got::Nothing),
        ("IM1", Got::Nothing),
        ("ZZ9 9ZZ", Got::Nothing),
    ];
    for (typed, want) in table_of {
        assert_eq!(got(&table().find(typed)), want, "{typed}");
    }
}

#[test]
fn shares_are_whole_percent_and_only_where_there_is_a_choice() {
    let percents = |typed: &str| -> Vec<Option<u8>> {
        match table().find(typed) {
            Found::WhichSide(list) => list.iter().map(|s| s.percent).collect(),
            other => panic!("{typed}: {other:?}"),
        }
    };
    assert_eq!(percents("CH4"), [Some(53), Some(47)]);
    assert_eq!(percents("TD15"), [Some(94), Some(6)]);
    assert_eq!(percents("SY7"), [Some(88), Some(11), Some(0)]); // 0.18% of postcodes
    assert_eq!(percents("BT35"), [None, None]);
}

#[test]
fn pasted_and_half_typed_postcodes() {
    for typed in [
        "BN21AB",
        "bn2 1ab",
        "  bn2   1ab  ",
        "\u{200f}BN2\u{200b} 1AB\u{feff}",
        "\u{202b}bn2 1ab\u{202c}",
        "B N 2 1 A B",
        "bn2",
        "BN2 1",
        "bn2 1a",
    ] {
        assert_eq!(
            got(&table().find(typed)),
            sides(&["E06000043", "E07000063"]),
            "{typed:?}"
        );
    }
    for typed in ["BN2 1AB 👍", "BN2½", "BN2 1AB.", "BN211"] {
        assert_eq!(got(&table().find(typed)), Got::Nothing, "{typed:?}");
    }
}

#[test]
fn names_of_councils_cities_and_counties() {
    let table_of = [
        // The whole name, however it is written: certain.
        ("Brighton & Hove", one("E06000043")),
        ("brighton and hove city council", one("E06000043")),
        ("city of edinburgh", one("S12000036")),
        ("Glasgow City Council", one("S12000049")),
        ("st helens", one("E08000013")),
        ("St. Helens", one("E08000013")),
        ("stoke on trent", one("E06000021")),
        ("Rhondda Cynon Taff", one("W06000016")),
        ("York", one("E06000014")),
        ("Hastings", one("E07000062")),
        ("Leeds City Council", one("E08000035")),
        ("scottish borders", one("S12000026")),
        ("Kent", one("E10000016")),
        ("East Sussex", one("E10000011")),
        ("west sussex county council", one("E10000032")),
        // Part of a name: a question, even for one council.
        // Part of a council's name that is also its town's: that council, and the town's
        // parts in other areas, to say in case the person meant one.
        (
            "brighton",
            chosen("E06000043", &["E07000063", "E07000223", "E07000228"]),
        ),
        (
            "glasgow",
            chosen("S12000049", &["S12000050", "S12000030", "S12000029"]),
        ),
        ("Ashford", chosen("E07000105", &["E07000213"])), // and Ashford in Surrey
        // ... or just that council, when every part of the town is in its area.
        ("edinburgh", one("S12000036")),
        ("King’s Lynn", one("E07000146")),
        ("Durham", one("E06000047")),
        ("Rhondda Cynon Taf", names(&["W06000016"])), // the official spelling; the data has "Taff"
        ("brigh", names(&["E06000043"])),
        // Several, in the table's order.
        ("sussex", names(&["E07000228", "E10000011", "E10000032"])),
        // Newcastle-under-Lyme, Newcastle upon Tyne, and the town of Newcastle in County Down.
        ("Newcastle", names(&["E07000195", "E08000021", "N09000010"])),
        // A council's whole name, though others hold it too: that council, and the others
        // (telling the person to type the name they typed would send them round in a circle).
        (
            "Lincolnshire",
            chosen("E10000019", &["E06000012", "E06000013"]),
        ),
        ("Somerset", chosen("E06000066", &["E06000022", "E06000024"])),
        // ... and a town of that name mostly elsewhere.
        (
            "Newport",
            chosen("W06000022", &["E06000046", "W06000009", "E06000020"]),
        ),
        ("Lincoln", one("E07000138")), // part of "City of Lincoln", and its town
        // A post town that is no council's name: its districts' councils.
        ("Penrith", one("E07000030")),
        ("kendal", one("E07000031")),
        ("Skipton", one("E07000163")),
        ("Appleby-in-Westmorland", one("E07000030")),
        ("Kirkby Stephen", one("E07000030")),
        ("Stornoway", one("S12000013")),
        ("Wrexham", one("W06000006")), // only the edges of its post town are in England
        // A town in two councils: in Wales and in Northern Ireland.
        ("Bangor", town(&["N09000011", "W06000002"])),
        // A town that is part of a council's name elsewhere: both, to choose from.
        ("Wells", names(&["E07000116", "E06000066"])),
        // Part of the name of a council that is only a small part of the town: the town's too.
        ("London", Got::Names(london())),
        // A town's name that only begins a council's: the town ("Rye" is not Ryedale).
        ("Rye", one("E07000064")),
        ("Newtown", one("W06000023")), // not Newtownabbey
        // A town whose districts are in several areas.
        (
            "Staines-upon-Thames",
            town(&["E07000213", "E07000212", "E06000040"]),
        ),
        // Nothing.
        ("", Got::Nothing),
        ("the council", Got::Nothing),
        ("Narnia", Got::Nothing),
        ("br", Got::Nothing),
        ("مرحبا", Got::Nothing),
        ("Ynys Môn", Got::Nothing),
    ];
    for (typed, want) in table_of {
        assert_eq!(got(&table().find(typed)), want, "{typed}");
    }
}

#[test]
fn every_council_has_an_area_of_the_app() {
    // The Sussex councils, from the research: Brighton and Hove, and each county with its
    // districts.
    let mut sussex: BTreeMap<String, &str> = BTreeMap::new();
    sussex.insert("E06000043".into(), "brighton-and-hove");
    for line in read("research/county-councils.csv").lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let area = match fields[0] {
            "E10000011" => "east-sussex",
            "E10000032" => "west-sussex",
            _ => continue,
        };
        sussex.insert(fields[0].into(), area);
        sussex.insert(fields[2].into(), area);
    }
    assert_eq!(sussex.len(), 15);
    // Every other council is in the area of its NHS board or Integrated Care Board: an area
    // not in the list (`part_of` its nation's), found only from a postcode or a council's name.
    // A county council whose districts are in different boards' areas is in the larger area.
    let mut boards: BTreeMap<&str, usize> = BTreeMap::new();
    for council in table().councils() {
        let area = data().area(council.area).expect("an area in areas.toml");
        assert_eq!(area.nation, council.nation, "{}", council.name);
        if let Some(want) = sussex.get(council.code) {
            assert_eq!(council.area, *want, "{}", council.name);
            continue;
        }
        let larger = match council.nation {
            Nation::England => "england-elsewhere",
            Nation::Wales => "wales",
            Nation::Scotland => "scotland",
            Nation::NorthernIreland => "northern-ireland",
        };
        if council.nation == Nation::NorthernIreland && council.area == larger {
            continue;
        }
        if council.code.starts_with("E10") {
            assert!(
                council.area == larger || area.part_of == larger,
                "{}",
                council.name
            );
            continue;
        }
        assert_eq!(area.part_of, larger, "{}", council.name);
        *boards.entry(council.nation.name()).or_default() += 1;
    }
    // Every district, unitary and London council of England but Sussex's 13, with the two
    // councils that lie in more than one board's area (Westmorland and Furness, North
    // Yorkshire) counted as the 3 and 7 old districts the boards' areas follow; every council
    // in Wales and Scotland; and in Northern Ireland the 7 councils wholly in one Trust (the 4
    // split between Trusts stay in Northern Ireland's area, so the route says how to find the
    // Trust rather than guess one).
    assert_eq!(
        boards,
        BTreeMap::from([
            (Nation::England.name(), 296 - 13 - 2 + 3 + 7),
            (Nation::Wales.name(), 22),
            (Nation::Scotland.name(), 32),
            (Nation::NorthernIreland.name(), 7),
        ])
    );
}

#[test]
fn the_sussex_districts_agree_with_the_areas() {
    // areas.toml gave each Sussex district to the area most of it is in; the table's largest
    // council for it must be in that area.
    for area in &data().areas {
        for district in &area.postcode_districts {
            let first = match table().find(district) {
                Found::Council(c) => c,
                Found::WhichSide(list) => list[0].council,
                other => panic!("{district}: {other:?}"),
            };
            assert_eq!(first.area, area.id, "{district}: {}", first.name);
        }
    }
    // The districts it left out on purpose straddle Sussex and a neighbour: a question.
    for district in ["TN2", "TN3", "RH6", "PO10", "GU27", "GU31"] {
        let Found::WhichSide(list) = table().find(district) else {
            panic!("{district} is not a question");
        };
        let areas: BTreeSet<&str> = list.iter().map(|s| s.council.area).collect();
        let in_sussex = |a: &&str| ["brighton-and-hove", "east-sussex", "west-sussex"].contains(a);
        assert!(
            areas.iter().any(in_sussex) && !areas.iter().all(in_sussex),
            "{district}: {areas:?}"
        );
    }
}

#[test]
fn a_damaged_table_is_an_error_never_a_panic() {
    let good = "# a comment\nE06000043 brighton-and-hove Brighton and Hove\nW06000015 wales Cardiff\n\nBN2 0\nCH4 0:53 1:47\nBT8 0 1\nend\n";
    let read = PlaceTable::parse(good).expect("a good table");
    assert_eq!(read.councils()[0].area, "brighton-and-hove");
    assert_eq!(read.councils()[1].nation, Nation::Wales);
    assert_eq!(read.districts().collect::<Vec<_>>(), ["BN2", "CH4", "BT8"]);
    assert_eq!(
        PlaceTable::parse("end"),
        PlaceTable::parse("# nothing\nend\nafter the end")
    );
    let bad = |text: &str, line: usize| {
        assert_eq!(
            PlaceTable::parse(text),
            Err(PlaceError { line }),
            "{text:?}"
        );
    };
    let one = "E06000043 brighton-and-hove Brighton\n\n";
    bad("", 1);
    bad(&format!("{one}BN2 0\n"), 4); // no end: cut off
    bad(&format!("{one}BN2 0"), 4);
    bad("X06000043 england-elsewhere Brighton\n\nBN2 0\nend\n", 1); // not a nation
    bad(" england-elsewhere Brighton\n\nBN2 0\nend\n", 1);
    bad("E06000043\n\nBN2 0\nend\n", 1);
    bad("E06000043 brighton-and-hove\n\nBN2 0\nend\n", 1); // no name
    bad(&format!("{one}BN2\nend\n"), 3); // no council
    bad(&format!("{one}BN2 \nend\n"), 3);
    bad(&format!("{one}BN2 1\nend\n"), 3); // no council 1
    bad(&format!("{one}BN2 0:101\nend\n"), 3);
    bad(&format!("{one}BN2 0:\nend\n"), 3);
    bad(&format!("{one}BN2 0:x\nend\n"), 3);
    bad(&format!("{one}BN2 -1\nend\n"), 3);
    bad(&format!("{one}BN2 0  0\nend\n"), 3);
    bad(&format!("{one}BN2 99999999999999999999\nend\n"), 3);
    bad(
        &format!("{one}BN2 0\nE06000043 brighton-and-hove Brighton\nend\n"),
        4,
    ); // out of place
       // A district's county council must be another council of the list, not in a county itself.
    bad("E07000105 kent-and-medway Ashford ^1\n\nBN2 0\nend\n", 2);
    bad("E07000105 kent-and-medway Ashford ^1\nend\n", 2); // cut after the councils
    bad("E07000105 kent-and-medway Ashford ^\n\nBN2 0\nend\n", 1);
    bad("E07000105 kent-and-medway Ashford ^x\n\nBN2 0\nend\n", 1);
    bad(
        "E07000105 kent-and-medway Ashford ^1\nE10000016 kent-and-medway Kent ^0\n\nBN2 0\nend\n",
        3,
    );
    let county = PlaceTable::parse(
        "E07000105 kent-and-medway Ashford ^1\nE10000016 kent-and-medway Kent\n\nTN23 0\nend\n",
    )
    .expect("a district and its county");
    assert_eq!(
        county.councils()[0].name,
        "Ashford",
        "the mark is not part of the name"
    );
    assert_eq!(county.care_council(&county.councils()[0]), "Kent");
    // The real file cut off anywhere before its end.
    let lines: Vec<&str> = common::places_text().lines().collect();
    for cut in (0..lines.len() - 1).step_by(37) {
        let text = lines[..cut].join("\n");
        assert!(PlaceTable::parse(&text).is_err(), "cut after {cut} lines");
    }
}

#[test]
fn a_very_long_text_finds_nothing_quickly() {
    let started = std::time::Instant::now();
    for long in [
        "brighton ".repeat(20_000),
        "a".repeat(200_000),
        "BN2 ".repeat(50_000),
        "שלום ".repeat(40_000),
        "\u{200f}".repeat(100_000),
        "9".repeat(200_000),
    ] {
        let found = table().find(&long);
        assert!(
            matches!(found, Found::Nothing | Found::Names(_)),
            "{found:?}"
        );
    }
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

// ---------------------------------------------------------------------------------------------
// Anything a person might type, and any damage to the file.

const RIGHT_TO_LEFT: &[&str] = &["مرحبا", "لم يساعدني أحد", "שלום", "\u{fdfd}"];
const INVISIBLE: &[&str] = &[
    "\u{200e}", "\u{200f}", "\u{202a}", "\u{202b}", "\u{202c}", "\u{202d}", "\u{202e}", "\u{2066}",
    "\u{2069}", "\u{200b}", "\u{200c}", "\u{200d}", "\u{feff}", "\u{ad}",
];
const EMOJI: &[&str] = &["👍", "👍🏿", "👩🏽‍⚕️", "🏳️‍🌈", "🇬🇧"];
const WORDS: &[&str] = &[
    "brighton", "Hove", "&", "city", "of", "council", "St.", "King's", "upon", "north", "sussex",
    "-", ",", "'", "’", "the",
];

fn select(options: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(options).prop_map(String::from)
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => any::<char>().prop_map(String::from),
        2 => (0x300u32..=0x36f).prop_map(|c| char::from_u32(c).unwrap_or('a').to_string()),
        2 => select(RIGHT_TO_LEFT),
        2 => select(INVISIBLE),
        1 => select(EMOJI),
        3 => select(WORDS),
        2 => "[a-zA-Z]{1,10} ?",
        2 => "[A-Za-z]{1,2}[0-9][0-9A-Za-z]? ?[0-9][A-Za-z]{2}",
        1 => "[ \t\n\u{a0}]{1,3}",
    ]
}

fn typed() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..16).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_finds_something_or_nothing_without_stopping(text in typed()) {
        let candidates = table().look_up(&text).1;
        for council in &candidates {
            let care = table().care_council_among(&candidates, council.area);
            prop_assert!(care.is_none_or(|c| !c.is_empty()));
        }
        match table().find(&text) {
            Found::WhichSide(list) => prop_assert!(list.len() > 1),
            Found::Names(list) => prop_assert!(!list.is_empty()),
            Found::Town(list) => prop_assert!(list.len() > 1),
            Found::Chosen(c, others) => prop_assert!(others.iter().all(|o| o.area != c.area)),
            Found::Council(_) | Found::Nothing => {}
        }
    }

    #[test]
    fn a_real_postcode_with_invisible_marks_finds_what_its_district_finds(
        district_at in any::<prop::sample::Index>(),
        inward in "[0-9][A-Za-z]{2}",
        marks in prop::collection::vec(select(INVISIBLE), 0..4),
        at in prop::collection::vec(any::<prop::sample::Index>(), 4),
    ) {
        let districts: Vec<&str> = table().districts().collect();
        let district = districts[district_at.index(districts.len())];
        let mut marked: Vec<char> = format!("{district} {inward}").chars().collect();
        for (mark, at) in marks.iter().zip(&at) {
            let place = at.index(marked.len() + 1);
            for (k, c) in mark.chars().enumerate() {
                marked.insert(place + k, c);
            }
        }
        let marked: String = marked.into_iter().collect();
        prop_assert_eq!(table().find(&marked), table().find(district), "{:?}", marked);
    }

    #[test]
    fn any_text_as_a_table_is_read_or_refused_without_stopping(text in typed()) {
        let _ = PlaceTable::parse(&text);
        let _ = PlaceTable::parse(&format!("E06000043 Brighton\n\n{text}\nend\n"));
    }

    #[test]
    fn a_damaged_real_table_is_read_or_refused_without_stopping(
        from in any::<prop::sample::Index>(),
        length in 0usize..64,
        insert in typed(),
        probe in typed(),
    ) {
        // Replace a stretch of the real file (at character boundaries) with anything.
        let chars: Vec<char> = common::places_text().chars().collect();
        let start = from.index(chars.len());
        let end = (start + length).min(chars.len());
        let damaged: String = chars[..start]
            .iter()
            .chain(insert.chars().collect::<Vec<_>>().iter())
            .chain(&chars[end..])
            .collect();
        if let Ok(read) = PlaceTable::parse(&damaged) {
            for typed in [probe.as_str(), "BN2 1AB", "brighton", "ashford"] {
                let _ = read.find(typed);
                let candidates = read.look_up(typed).1;
                for council in &candidates {
                    let _ = read.care_council(council);
                    let _ = read.care_council_among(&candidates, council.area);
                }
            }
        }
    }
}

/// The letter tools' side of "Where did this happen?": a question that comes before the table
/// waits, and is answered the moment the table arrives; then they say what they found,
/// choosing an area only when every council the words could be is in it; a damaged table means
/// the person chooses from the list. Never a silent guess.
#[test]
fn the_tools_answer_the_place_question_once_they_have_the_table() {
    use in_my_words::domain::tools::{
        answer, decode_reply, encode_request, handle, receive_places, Heard, PlaceReply, Reply,
        Request,
    };
    fn found(typed: &str) -> (Option<String>, Option<String>, String) {
        match handle(Request::Place {
            typed: typed.into(),
        }) {
            Reply::Place(PlaceReply {
                area, council, say, ..
            }) => (area, council, say),
            other => panic!("a place question gets a place answer, not {other:?}"),
        }
    }
    let some = |s: &str| Some(s.to_string());
    // Each test runs on its own thread, and the table is kept per thread.
    std::thread::spawn(move || {
        let asked = Request::Place {
            typed: "BN7 1AA".into(),
        };
        let early = encode_request(5, &asked).expect("encodes");
        assert_eq!(answer(&early), None, "it waits for the table");
        let replies = receive_places(common::places_text().to_string());
        assert_eq!(replies.len(), 1, "and is answered when the table comes");
        match decode_reply(&replies[0]) {
            Heard::Reply(5, Reply::Place(reply)) => assert_eq!(reply.say, "We have chosen Lewes."),
            other => panic!("the waiting question's answer, not {other:?}"),
        }
        // One council, for certain.
        assert_eq!(
            found("bn7 1aa"),
            (
                some("east-sussex"),
                some("Lewes"),
                "We have chosen Lewes.".into()
            )
        );
        assert_eq!(found("Cardiff").0, some("cardiff-and-vale"));
        // BN2 is mostly Brighton and Hove, partly Lewes: two areas, so the person chooses.
        let (area, council, say) = found("BN2");
        assert_eq!((area, council), (None, None));
        assert_eq!(
            say,
            "This postcode is in more than one council area. For Brighton and Hove, choose \
             Brighton and Hove. For Lewes, choose East Sussex."
        );
        // A district across the border with Wales says which nation each side is in.
        let (area, _, say) = found("CH4");
        assert_eq!(area, None);
        // Both sides are in areas the list does not show (a health board's, an Integrated Care
        // Board's): typing the council's name finds them.
        assert!(
            say.contains("For Flintshire, type \"Flintshire\" in the box.")
                && say.contains("type \"Cheshire West and Chester\""),
            "{say}"
        );
        assert_eq!(found("Flintshire").0, some("betsi-cadwaladr"));
        // Two councils lie in more than one board's area; the table names the old districts
        // the boards' areas follow, so a postcode finds the right one, and the council's name
        // says which part is where instead of choosing for them.
        assert_eq!(
            found("CA11 7QQ"),
            (
                some("north-cumbria"),
                some("Eden (Westmorland and Furness)"),
                "We have chosen Eden (Westmorland and Furness).".into()
            )
        );
        assert_eq!(found("LA9 4DT").0, some("lancashire-and-south-cumbria"));
        assert_eq!(found("BD23 1UD").0, some("west-yorkshire"));
        assert_eq!(found("HG1 2SG").0, some("humber-and-north-yorkshire"));
        let (area, council, say) = found("Westmorland and Furness");
        assert_eq!((area, council), (None, None));
        assert!(
            say.contains("For Eden (Westmorland and Furness), type \"Eden\" in the box.")
                && say.contains(
                    "For South Lakeland (Westmorland and Furness), type \"South Lakeland\""
                ),
            "{say}"
        );
        // What it says to type finds that part alone, and so its area.
        for (typed, area) in [
            ("Eden", "north-cumbria"),
            ("South Lakeland", "lancashire-and-south-cumbria"),
            ("Barrow-in-Furness", "lancashire-and-south-cumbria"),
            ("Eden (Westmorland and Furness)", "north-cumbria"),
        ] {
            assert_eq!(found(typed).0, some(area), "{typed}");
        }
        let (area, _, say) = found("north yorkshire");
        assert_eq!(area, None);
        assert!(say.contains("For Craven (North Yorkshire), type"), "{say}");
        assert_eq!(found("Craven").0, some("west-yorkshire"));
        // A town's name: its council, or each to choose from, or (a city of many councils)
        // the postcode.
        assert_eq!(
            found("Penrith").2,
            "We have chosen Eden (Westmorland and Furness)."
        );
        let (area, _, say) = found("Wells");
        assert_eq!(area, None);
        assert_eq!(
            say,
            "More than one council area has that name. For Tunbridge Wells, type \
             \"Tunbridge Wells\" in the box. For Somerset, type \"Somerset\" in the box."
        );
        assert_eq!(
            found("London"),
            (
                None,
                None,
                "More than one council area has that name. Type your postcode to find yours."
                    .into()
            )
        );
        assert_eq!(
            found("Staines-upon-Thames").2,
            "More than one council area has a place with that name. For Spelthorne, type \"Spelthorne\" \
             in the box. For Runnymede, type \"Runnymede\" in the box. For Windsor and \
             Maidenhead, type \"Windsor and Maidenhead\" in the box."
        );
        assert_eq!(found("Keswick").0, some("north-cumbria"));
        // The city in Wales, and the towns of that name elsewhere, said plainly.
        assert_eq!(
            found("Newport"),
            (
                some("aneurin-bevan"),
                some("Newport"),
                "We have chosen Newport. If you meant somewhere else: For Isle of Wight, type \
                 \"Isle of Wight\" in the box. For Pembrokeshire, type \"Pembrokeshire\" in \
                 the box. For Telford and Wrekin, type \"Telford and Wrekin\" in the box."
                    .into()
            )
        );
        // Councils in one area: the area is certain even though the council is not.
        let (area, council, _) = found("EX1");
        assert_eq!((area, council), (some("devon"), None));
        let (area, _, say) = found("ZZ99 🙂");
        assert_eq!(area, None);
        assert!(say.starts_with("We could not find that"), "{say}");
        assert!(receive_places("not a table".into()).is_empty());
        assert!(found("BN7").2.starts_with("We could not look that up"));
    })
    .join()
    .expect("the place lookup never stops the tools");
}

/// Whatever a person types, if the answer asks them to type a name, typing it must settle the
/// area: no answer may send them round in a circle. Followed through the letter tools' own
/// sentences, for every postcode district, every post town, and every council's name and its
/// first word (what people often type).
#[test]
fn every_name_an_answer_asks_for_settles_the_area() {
    use in_my_words::domain::tools::{handle, receive_places, PlaceReply, Reply, Request};
    std::thread::spawn(|| {
        receive_places(common::places_text().to_string());
        let ask = |typed: &str| match handle(Request::Place {
            typed: typed.into(),
        }) {
            Reply::Place(reply) => reply,
            other => panic!("{other:?}"),
        };
        let towns = read("research/post-towns.csv");
        let mut typed: BTreeSet<String> = towns
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(',').map(|(_, town)| town.to_string()))
            .collect();
        typed.extend(table().districts().map(str::to_string));
        for council in table().councils() {
            typed.insert(council.name.to_string());
            typed.extend(council.name.split(' ').next().map(str::to_string));
        }
        let mut followed = 0;
        for text in &typed {
            let PlaceReply { say, .. } = ask(text);
            // Each `type "…" in the box` in the answer.
            for name in say
                .split("type \"")
                .skip(1)
                .filter_map(|r| r.split_once('"'))
            {
                followed += 1;
                let then = ask(name.0);
                assert!(
                    then.area.is_some(),
                    "{text:?} says to type {:?}, which says {:?}",
                    name.0,
                    then.say
                );
            }
        }
        assert!(followed > 100, "the test followed {followed} answers");
    })
    .join()
    .expect("no circles");
}

/// The post towns at the end of a district's line: carried down to the lines below until one
/// names others, or none (a lone `@`); a name the table cannot hold is refused with its line.
#[test]
fn post_towns_carry_down_until_a_line_names_others() {
    let text = "\
E06000043 brighton-and-hove Brighton and Hove
E07000063 east-sussex Lewes
E07000223 west-sussex Adur

BN1 0 @Brighton
BN2 0:97 1:3
BN50 2 @
BN7 1 @Lewes@Ringmer Town
end
";
    let table = PlaceTable::parse(text).expect("a good table");
    // BN2 is Brighton's too (so Lewes is named), BN50 is no town's (so Adur is not).
    assert_eq!(
        got(&table.find("Brighton")),
        chosen("E06000043", &["E07000063"])
    );
    assert_eq!(got(&table.find("ringmer town")), one("E07000063"));
    for (damaged, line) in [
        ("BN7 1 @Lewes@\n", 8),
        ("BN7 1 @Lew!es\n", 8),
        ("BN7 1 @ Lewes\n", 8),
    ] {
        let text = text.replace("BN7 1 @Lewes@Ringmer Town\n", damaged);
        assert_eq!(
            PlaceTable::parse(&text).map(|_| ()),
            Err(PlaceError { line }),
            "{damaged:?}"
        );
    }
}

/// Adult social care and public health are run by county councils, not the districts inside
/// them, and by Westmorland and Furness and North Yorkshire for the old districts the table
/// lists: a route that named "Ashford" for social care would send the letter to a council that
/// does not run it.
#[test]
fn the_council_that_runs_social_care_is_the_county_where_there_is_one() {
    let table = table();
    let by_code = |code: &str| {
        *table
            .councils()
            .iter()
            .find(|c| c.code == code)
            .unwrap_or_else(|| panic!("{code} is in the table"))
    };
    let mut districts = BTreeSet::new();
    for line in read("research/county-councils.csv").lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let (county, district) = (fields[1], by_code(fields[2]));
        assert_eq!(table.care_council(&district), county, "{line}");
        districts.insert(district.code);
    }
    assert_eq!(
        districts.len(),
        164,
        "England's district councils in counties"
    );
    for (code, care) in [
        ("E07000030", "Westmorland and Furness"), // Eden
        ("E07000163", "North Yorkshire"),         // Craven
        ("E06000043", "Brighton and Hove"),
        ("E10000016", "Kent"),
        ("S12000049", "Glasgow City"),
        ("W06000015", "Cardiff"),
    ] {
        assert_eq!(table.care_council(&by_code(code)), care, "{code}");
    }
    // Every other council runs its own.
    for c in table.councils() {
        if !districts.contains(c.code) && !c.name.contains('(') {
            assert_eq!(table.care_council(c), c.name);
        }
    }
}
