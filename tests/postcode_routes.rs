#![cfg(not(target_arch = "wasm32"))]
//! Real UK postcodes, followed from what a person types to the body their complaint goes to.
//!
//! Each row is a well-known public place (a hospital, a council's office) whose council is
//! certain, with its postcode district checked in `research/postcode-districts.csv`. For each
//! row the test does what the app does: it finds the postcode in the offline place table
//! (`assets/data/places.txt`), takes that council's area (or, where the district straddles
//! councils, the area of the side the place is on, as the person would choose), routes a
//! complaint from there, and checks the body the route names: its directory id (or, where the
//! area's directory has no body for that role, the described role), whether the person can send
//! it a complaint (by post, email or web form), and the note that says which board or trust
//! the route assumed.
//!
//! Why this matters: a complaint sent to the wrong body can sit for weeks before it is passed
//! on or sent back, while the time limits keep running. A wrong route wastes months of a
//! person's life, often when they are ill or grieving.
//!
//! Rows where we believe the data is wrong are kept apart, in [`KNOWN_WRONG`]: each states the
//! truth as we can source it, and the test checks the app is still wrong in the same way, so a
//! fix (or a different mistake) shows up rather than going unnoticed. The list is empty now:
//! every row it held (three Northern Irish towns given to the wrong HSC Trust, and ambulances
//! outside England sent to the local board or Trust) was fixed and moved to [`ROWS`].

mod common;
use common::{read, table};
use in_my_words::data::schema::postcode_district;
use in_my_words::data::{data, ContactKind, Organisation};
use in_my_words::domain::date::Date;
use in_my_words::domain::place::{Council, Found};
use in_my_words::domain::route::{route, Recipient, Route};
use in_my_words::domain::situation::{Nation, Service, Situation, Stage, YesNo};
use in_my_words::words::{domain_words, fill};
use std::collections::{BTreeMap, BTreeSet};
use Nation::{England, NorthernIreland, Scotland, Wales};
use Which::{Alternative, First};

/// "Today" for every route: dates do not change where a first complaint goes.
fn today() -> Date {
    Date::new(2026, 11, 23).expect("a real date")
}

/// What the place table should find for a postcode.
enum Place {
    /// One council, by its name in the table.
    Council(&'static str),
    /// A district that straddles councils: the councils offered, largest share first, and the
    /// one the place is in (the side the person would choose).
    Sides(&'static [&'static str], &'static str),
}

/// A kind of complaint: the service, how far it has gone, and whether the person feels able
/// to complain to the service itself.
#[derive(Clone, Copy)]
struct Case {
    service: Service,
    stage: Stage,
    able: Option<YesNo>,
}

/// A GP practice, and the person does not feel able to complain to it: the body that pays for
/// it (the ICB, health board, NHS board or SPPG) comes first.
const GP_NOT_ABLE: Case = Case {
    service: Service::GpPractice,
    stage: Stage::NotRaised,
    able: Some(YesNo::No),
};
/// Care on a hospital ward or in clinic, already mentioned to staff.
const HOSPITAL: Case = Case {
    service: Service::Hospital,
    stage: Stage::RaisedInformally,
    able: None,
};
/// An NHS mental health team, not raised yet.
const MENTAL_HEALTH: Case = Case {
    service: Service::MentalHealth,
    stage: Stage::NotRaised,
    able: None,
};
/// An ambulance or NHS 111, complained about with no acknowledgement.
const AMBULANCE: Case = Case {
    service: Service::AmbulanceOr111,
    stage: Stage::NoAcknowledgement,
    able: None,
};

/// Which of the route's two places a row checks.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Which {
    /// Where the complaint goes first (`Route::primary`).
    First,
    /// The other way to go (`Route::alternative`).
    Alternative,
}

/// The body a row expects the route to name.
enum Body {
    /// A directory entry, by id, and whether it has a way to send a complaint to it.
    Org(&'static str, bool),
    /// A described role, by its full name: the area's `local` list has no body for the role.
    Role(&'static str),
}

// The described roles' names, as a route shows them when the area's directory has no body for
// the role (`src/words/en/domain.rs`, and the Scottish rules' own roles).
const ICB: &str = "Your local Integrated Care Board (the NHS body that pays for local services)";
const HEALTH_BOARD: &str = "The concerns team at your local health board";
const NHS_BOARD_LOCAL: &str = "The complaints team at your local NHS board";
const NHS_BOARD_GAVE_CARE: &str = "The complaints team at the NHS board that gave the care";
/// A Northern Irish council split between HSC Trusts is in the area "northern-ireland", which
/// has no Trust: the catch-all rule `ni-hsc-trust` names the role and says how to find the Trust.
const HSC_TRUST: &str = "The complaints manager at the Health and Social Care Trust";

/// One real postcode and where a complaint from there should go.
struct Row {
    postcode: &'static str,
    /// The public place at that postcode, so a reader can check it.
    what: &'static str,
    place: Place,
    nation: Nation,
    /// The id of the app's area (`assets/data/areas.toml`) the place is in.
    area: &'static str,
    case: Case,
    which: Which,
    /// The local role the body plays in the area (`icb`, `health-board`, `ambulance-trust`,
    /// ...), or "" when the routing rule names the body itself.
    role: &'static str,
    body: Body,
}

/// Real postcodes from every part of the UK. Each district was checked in
/// `research/postcode-districts.csv` (shares there; [`every_row_agrees_with_the_research`]
/// checks it again).
const ROWS: &[Row] = &[
    // England: London.
    Row {
        postcode: "E13 8SL",
        what: "Newham University Hospital",
        place: Place::Council("Newham"),
        nation: England,
        area: "north-east-london",
        case: GP_NOT_ABLE,
        which: First,
        role: "icb",
        body: Body::Org("nhs-north-east-london-icb", true),
    },
    Row {
        postcode: "CR7 7YE",
        what: "Croydon University Hospital",
        place: Place::Council("Croydon"), // Merton 1.3%, left out
        nation: England,
        area: "south-west-london",
        case: HOSPITAL,
        which: Alternative,
        role: "icb",
        body: Body::Role(ICB),
    },
    Row {
        postcode: "SE1 9RT",
        what: "Guy's Hospital, London Bridge",
        place: Place::Sides(&["Southwark", "Lambeth"], "Southwark"), // 86% and 14%
        nation: England,
        area: "south-east-london",
        case: MENTAL_HEALTH,
        which: Alternative,
        role: "icb",
        body: Body::Org("nhs-south-east-london-icb", true),
    },
    // England: North West.
    Row {
        postcode: "M13 9WL",
        what: "Manchester Royal Infirmary",
        place: Place::Council("Manchester"),
        nation: England,
        area: "greater-manchester",
        case: MENTAL_HEALTH,
        which: Alternative,
        role: "icb",
        body: Body::Org("nhs-greater-manchester-icb", true),
    },
    Row {
        postcode: "L7 8XP",
        what: "Royal Liverpool University Hospital",
        place: Place::Council("Liverpool"),
        nation: England,
        area: "cheshire-and-merseyside",
        case: AMBULANCE,
        which: First,
        role: "ambulance-trust",
        body: Body::Org("nwas", true),
    },
    Row {
        postcode: "CH2 1UL",
        what: "Countess of Chester Hospital",
        place: Place::Council("Cheshire West and Chester"),
        nation: England,
        area: "cheshire-and-merseyside",
        case: HOSPITAL,
        which: Alternative,
        role: "icb",
        body: Body::Org("nhs-cheshire-and-merseyside-icb", true),
    },
    Row {
        postcode: "PR2 9HT",
        what: "Royal Preston Hospital",
        place: Place::Council("Preston"),
        nation: England,
        area: "lancashire-and-south-cumbria",
        case: GP_NOT_ABLE,
        which: First,
        role: "icb",
        body: Body::Org("nhs-lancashire-and-south-cumbria-icb", true),
    },
    // England: North East and North Cumbria.
    Row {
        postcode: "NE1 4LP",
        what: "Royal Victoria Infirmary, Newcastle",
        place: Place::Council("Newcastle upon Tyne"),
        nation: England,
        area: "north-east-and-north-cumbria",
        case: HOSPITAL,
        which: Alternative,
        role: "icb",
        body: Body::Org("nhs-north-east-and-north-cumbria-icb", true),
    },
    Row {
        postcode: "SR4 7TP",
        what: "Sunderland Royal Hospital",
        place: Place::Council("Sunderland"),
        nation: England,
        area: "north-east-and-north-cumbria",
        case: AMBULANCE,
        which: First,
        role: "ambulance-trust",
        body: Body::Org("neas", true),
    },
    Row {
        postcode: "CA2 7HY",
        what: "Cumberland Infirmary, Carlisle",
        place: Place::Council("Cumberland"),
        nation: England,
        area: "north-cumbria",
        case: GP_NOT_ABLE,
        which: First,
        role: "icb",
        body: Body::Org("nhs-north-east-and-north-cumbria-icb", true),
    },
    Row {
        postcode: "TD15 1LT",
        what: "Berwick Infirmary",
        // Across the England–Scotland border: Northumberland 94%, the Borders 6%.
        place: Place::Sides(
            &["Northumberland", "The Scottish Borders"],
            "Northumberland",
        ),
        nation: England,
        area: "north-east-and-north-cumbria",
        case: MENTAL_HEALTH,
        which: Alternative,
        role: "icb",
        body: Body::Org("nhs-north-east-and-north-cumbria-icb", true),
    },
    // England: the two councils that lie in more than one board's area. Each row is a whole
    // postcode district, taken from the research's district list (not a particular place):
    // the table names the old district the boards' areas follow.
    Row {
        postcode: "CA11",
        what: "a district of the old Eden district, Westmorland and Furness",
        place: Place::Council("Eden (Westmorland and Furness)"),
        nation: England,
        area: "north-cumbria",
        case: GP_NOT_ABLE,
        which: First,
        role: "icb",
        body: Body::Org("nhs-north-east-and-north-cumbria-icb", true),
    },
    Row {
        postcode: "LA9",
        what: "a district of the old South Lakeland district, Westmorland and Furness",
        place: Place::Council("South Lakeland (Westmorland and Furness)"),
        nation: England,
        area: "lancashire-and-south-cumbria",
        case: GP_NOT_ABLE,
        which: First,
        role: "icb",
        body: Body::Org("nhs-lancashire-and-south-cumbria-icb", true),
    },
    Row {
        postcode: "BD24",
        what: "a district of the old Craven district, North Yorkshire",
        place: Place::Council("Craven (North Yorkshire)"),
        nation: England,
        area: "west-yorkshire",
        case: GP_NOT_ABLE,
        which: First,
        role: "icb",
        body: Body::Org("nhs-west-yorkshire-icb", true),
    },
    Row {
        postcode: "HG1",
        what: "a district of the old Harrogate district, North Yorkshire",
        place: Place::Council("Harrogate (North Yorkshire)"),
        nation: England,
        area: "humber-and-north-yorkshire",
        case: GP_NOT_ABLE,
        which: First,
        role: "icb",
        body: Body::Role(ICB),
    },
    // England: Yorkshire and the Humber.
    Row {
        postcode: "LS1 3EX",
        what: "Leeds General Infirmary",
        place: Place::Council("Leeds"),
        nation: England,
        area: "west-yorkshire",
        case: HOSPITAL,
        which: Alternative,
        role: "icb",
        body: Body::Org("nhs-west-yorkshire-icb", true),
    },
    Row {
        postcode: "S5 7AU",
        what: "Northern General Hospital, Sheffield",
        place: Place::Council("Sheffield"),
        nation: England,
        area: "south-yorkshire",
        case: GP_NOT_ABLE,
        which: First,
        role: "icb",
        body: Body::Role(ICB),
    },
    Row {
        postcode: "HU3 2JZ",
        what: "Hull Royal Infirmary",
        place: Place::Council("Kingston upon Hull"),
        nation: England,
        area: "humber-and-north-yorkshire",
        case: MENTAL_HEALTH,
        which: Alternative,
        role: "icb",
        body: Body::Role(ICB),
    },
    Row {
        postcode: "YO31 8HE",
        what: "York Hospital",
        place: Place::Council("York"),
        nation: England,
        area: "humber-and-north-yorkshire",
        case: AMBULANCE,
        which: First,
        role: "ambulance-trust",
        body: Body::Org("yas", true),
    },
    // England: the Midlands.
    Row {
        postcode: "B15 2GW",
        what: "Queen Elizabeth Hospital Birmingham",
        place: Place::Council("Birmingham"),
        nation: England,
        area: "birmingham-and-solihull",
        case: AMBULANCE,
        which: First,
        role: "ambulance-trust",
        body: Body::Org("wmas", true),
    },
    Row {
        postcode: "NG7 2UH",
        what: "Queen's Medical Centre, Nottingham",
        place: Place::Council("Nottingham"),
        nation: England,
        area: "nottingham-and-nottinghamshire",
        case: GP_NOT_ABLE,
        which: First,
        role: "icb",
        body: Body::Org("nhs-nottingham-and-nottinghamshire-icb", true),
    },
    Row {
        postcode: "LE1 5WW",
        what: "Leicester Royal Infirmary",
        place: Place::Council("Leicester"),
        nation: England,
        area: "leicester-leicestershire-and-rutland",
        case: HOSPITAL,
        which: Alternative,
        role: "icb",
        body: Body::Org("nhs-leicester-leicestershire-and-rutland-icb", false),
    },
    Row {
        postcode: "SY3 8XQ",
        what: "Royal Shrewsbury Hospital",
        place: Place::Council("Shropshire"),
        nation: England,
        area: "shropshire-telford-and-wrekin",
        case: MENTAL_HEALTH,
        which: Alternative,
        role: "icb",
        body: Body::Org("nhs-shropshire-telford-and-wrekin-icb", true),
    },
    // England: the East.
    Row {
        postcode: "CB2 0QQ",
        what: "Addenbrooke's Hospital, Cambridge",
        place: Place::Council("Cambridge"), // South Cambridgeshire 0.4%, left out
        nation: England,
        area: "cambridgeshire-and-peterborough",
        case: GP_NOT_ABLE,
        which: First,
        role: "icb",
        body: Body::Org(
            "nhs-central-east-icb-cambridgeshire-and-peterborough",
            false,
        ),
    },
    Row {
        postcode: "CO4 5JL",
        what: "Colchester General Hospital",
        place: Place::Council("Colchester"), // Tendring 0.3%, left out
        nation: England,
        area: "north-east-essex",
        case: AMBULANCE,
        which: First,
        role: "ambulance-trust",
        body: Body::Org("eeast", true),
    },
    // England: the South West.
    Row {
        postcode: "TR1 3LJ",
        what: "Royal Cornwall Hospital, Truro",
        place: Place::Council("Cornwall"),
        nation: England,
        area: "cornwall-and-isles-of-scilly",
        case: GP_NOT_ABLE,
        which: First,
        role: "icb",
        body: Body::Org("nhs-cornwall-and-isles-of-scilly-icb", true),
    },
    Row {
        postcode: "BS2 8HW",
        what: "Bristol Royal Infirmary",
        place: Place::Council("City of Bristol"),
        nation: England,
        area: "bristol-north-somerset-and-south-gloucestershire",
        case: MENTAL_HEALTH,
        which: Alternative,
        role: "icb",
        body: Body::Role(ICB),
    },
    Row {
        postcode: "GL1 3NN",
        what: "Gloucestershire Royal Hospital",
        place: Place::Council("Gloucester"),
        nation: England,
        area: "gloucestershire",
        case: AMBULANCE,
        which: First,
        role: "ambulance-trust",
        body: Body::Org("swasft", true),
    },
    Row {
        postcode: "TA1 5DA",
        what: "Musgrove Park Hospital, Taunton",
        place: Place::Council("Somerset"),
        nation: England,
        area: "somerset",
        case: HOSPITAL,
        which: Alternative,
        role: "icb",
        body: Body::Role(ICB),
    },
    // England: the South East, Sussex first.
    Row {
        postcode: "BN2 5BE",
        what: "Royal Sussex County Hospital, Brighton",
        place: Place::Sides(&["Brighton and Hove", "Lewes"], "Brighton and Hove"), // 97%, 3%
        nation: England,
        area: "brighton-and-hove",
        case: HOSPITAL,
        which: First,
        role: "acute-trust",
        body: Body::Org("uh-sussex", true),
    },
    Row {
        postcode: "BN11 2DH",
        what: "Worthing Hospital",
        place: Place::Council("Worthing"),
        nation: England,
        area: "west-sussex",
        case: MENTAL_HEALTH,
        which: First,
        role: "mental-health-trust",
        body: Body::Org("sussex-partnership", true),
    },
    Row {
        postcode: "BN21 2UD",
        what: "Eastbourne District General Hospital",
        place: Place::Council("Eastbourne"),
        nation: England,
        area: "east-sussex",
        case: GP_NOT_ABLE,
        which: First,
        role: "icb",
        body: Body::Org("nhs-sussex-icb", false),
    },
    Row {
        postcode: "TN37 7RD",
        what: "Conquest Hospital, St Leonards-on-Sea",
        place: Place::Council("Hastings"), // Rother 1.8%, left out
        nation: England,
        area: "east-sussex",
        case: HOSPITAL,
        which: First,
        role: "acute-trust",
        body: Body::Org("east-sussex-healthcare", true),
    },
    Row {
        postcode: "CT1 3NG",
        what: "Kent and Canterbury Hospital",
        place: Place::Council("Canterbury"),
        nation: England,
        area: "kent-and-medway",
        case: AMBULANCE,
        which: First,
        role: "ambulance-trust",
        body: Body::Org("secamb", true),
    },
    Row {
        postcode: "SO16 6YD",
        what: "Southampton General Hospital",
        place: Place::Sides(&["Southampton", "Test Valley"], "Southampton"), // 88%, 12%
        nation: England,
        area: "hampshire-and-isle-of-wight",
        case: GP_NOT_ABLE,
        which: First,
        role: "icb",
        body: Body::Org("nhs-hampshire-and-isle-of-wight-icb", false),
    },
    // Wales: the south.
    Row {
        postcode: "CF14 4XW",
        what: "University Hospital of Wales, Cardiff",
        place: Place::Council("Cardiff"), // Caerphilly 0.06%, left out
        nation: Wales,
        area: "cardiff-and-vale",
        case: GP_NOT_ABLE,
        which: First,
        role: "health-board",
        body: Body::Role(HEALTH_BOARD),
    },
    Row {
        postcode: "SA6 6NL",
        what: "Morriston Hospital, Swansea",
        place: Place::Council("Swansea"),
        nation: Wales,
        area: "swansea-bay",
        case: GP_NOT_ABLE,
        which: First,
        role: "health-board",
        body: Body::Org("swansea-bay-uhb", true),
    },
    Row {
        postcode: "SA2 8QA",
        what: "Singleton Hospital, Swansea",
        place: Place::Council("Swansea"),
        nation: Wales,
        area: "swansea-bay",
        case: HOSPITAL,
        which: First,
        role: "health-board",
        body: Body::Org("swansea-bay-uhb", true),
    },
    Row {
        postcode: "SA12 7BX",
        what: "Neath Port Talbot Hospital",
        place: Place::Council("Neath Port Talbot"),
        nation: Wales,
        area: "swansea-bay",
        case: AMBULANCE,
        which: First,
        // Ambulances and NHS 111 Wales are run by one Trust for the whole country, which
        // handles concerns about itself: the route names it, not the health board.
        role: "ambulance-trust",
        body: Body::Org("wast", true),
    },
    Row {
        postcode: "NP44 2XJ",
        what: "The Grange University Hospital, Cwmbran",
        place: Place::Council("Torfaen"), // Monmouthshire 0.25%, left out
        nation: Wales,
        area: "aneurin-bevan",
        case: HOSPITAL,
        which: First,
        role: "health-board",
        body: Body::Role(HEALTH_BOARD),
    },
    Row {
        postcode: "NP16 5YX",
        what: "Chepstow Community Hospital",
        // Across the England–Wales border: Monmouthshire 77%, Forest of Dean 23%.
        place: Place::Sides(&["Monmouthshire", "Forest of Dean"], "Monmouthshire"),
        nation: Wales,
        area: "aneurin-bevan",
        case: MENTAL_HEALTH,
        which: First,
        role: "health-board",
        body: Body::Role(HEALTH_BOARD),
    },
    Row {
        postcode: "CF47 9DT",
        what: "Prince Charles Hospital, Merthyr Tydfil",
        place: Place::Council("Merthyr Tydfil"),
        nation: Wales,
        area: "cwm-taf-morgannwg",
        case: GP_NOT_ABLE,
        which: First,
        role: "health-board",
        body: Body::Role(HEALTH_BOARD),
    },
    Row {
        postcode: "SA31 2AF",
        what: "Glangwili General Hospital, Carmarthen",
        place: Place::Council("Carmarthenshire"),
        nation: Wales,
        area: "hywel-dda",
        case: HOSPITAL,
        which: First,
        role: "health-board",
        body: Body::Role(HEALTH_BOARD),
    },
    // Wales: mid and north.
    Row {
        postcode: "SY23 1ER",
        what: "Bronglais General Hospital, Aberystwyth",
        place: Place::Council("Ceredigion"), // Powys 0.2%, left out
        nation: Wales,
        area: "hywel-dda",
        case: MENTAL_HEALTH,
        which: First,
        role: "health-board",
        body: Body::Role(HEALTH_BOARD),
    },
    Row {
        postcode: "LD1 5LG",
        what: "Powys County Hall, Llandrindod Wells",
        place: Place::Council("Powys"),
        nation: Wales,
        area: "powys-teaching",
        case: HOSPITAL,
        which: First,
        role: "health-board",
        body: Body::Role(HEALTH_BOARD),
    },
    Row {
        postcode: "LL57 2PW",
        what: "Ysbyty Gwynedd, Bangor",
        place: Place::Council("Gwynedd"), // Conwy 0.0%, left out
        nation: Wales,
        area: "betsi-cadwaladr",
        case: HOSPITAL,
        which: First,
        role: "health-board",
        body: Body::Role(HEALTH_BOARD),
    },
    Row {
        postcode: "LL13 7TD",
        what: "Wrexham Maelor Hospital",
        place: Place::Council("Wrexham"),
        nation: Wales,
        area: "betsi-cadwaladr",
        case: GP_NOT_ABLE,
        which: First,
        role: "health-board",
        body: Body::Role(HEALTH_BOARD),
    },
    // Scotland: the Highlands and the islands.
    Row {
        postcode: "IV2 3UJ",
        what: "Raigmore Hospital, Inverness",
        place: Place::Council("Highland"),
        nation: Scotland,
        area: "highland",
        case: GP_NOT_ABLE,
        which: First,
        role: "health-board",
        body: Body::Org("nhs-highland", true),
    },
    Row {
        postcode: "KW15 1NY",
        what: "Orkney Islands Council, Kirkwall",
        place: Place::Council("Orkney Islands"),
        nation: Scotland,
        area: "orkney",
        case: GP_NOT_ABLE,
        which: First,
        role: "health-board",
        body: Body::Org("nhs-orkney", true),
    },
    Row {
        postcode: "ZE1 0TB",
        what: "Gilbert Bain Hospital, Lerwick",
        place: Place::Council("Shetland Islands"),
        nation: Scotland,
        area: "shetland",
        case: HOSPITAL,
        which: First,
        role: "health-board",
        body: Body::Org("nhs-shetland", false),
    },
    Row {
        postcode: "HS1 2AF",
        what: "Western Isles Hospital, Stornoway",
        place: Place::Council("Eilean Siar"),
        nation: Scotland,
        area: "western-isles",
        case: HOSPITAL,
        which: First,
        role: "health-board",
        body: Body::Role(NHS_BOARD_GAVE_CARE),
    },
    Row {
        postcode: "AB25 2ZN",
        what: "Aberdeen Royal Infirmary",
        place: Place::Council("Aberdeen City"),
        nation: Scotland,
        area: "grampian",
        case: MENTAL_HEALTH,
        which: First,
        role: "health-board",
        body: Body::Org("nhs-grampian", true),
    },
    // Scotland: the central belt.
    Row {
        postcode: "EH16 4SA",
        what: "Royal Infirmary of Edinburgh",
        place: Place::Council("City of Edinburgh"), // Midlothian 0.1%, left out
        nation: Scotland,
        area: "lothian",
        case: HOSPITAL,
        which: First,
        role: "health-board",
        body: Body::Org("nhs-lothian", true),
    },
    Row {
        postcode: "G51 4TF",
        what: "Queen Elizabeth University Hospital, Glasgow",
        place: Place::Council("Glasgow City"), // Renfrewshire 1.05%, left out
        nation: Scotland,
        area: "greater-glasgow-and-clyde",
        case: MENTAL_HEALTH,
        which: First,
        role: "health-board",
        body: Body::Org("nhs-greater-glasgow-and-clyde", false),
    },
    Row {
        postcode: "ML2 0DP",
        what: "University Hospital Wishaw",
        place: Place::Council("North Lanarkshire"), // South Lanarkshire 0.1%, left out
        nation: Scotland,
        area: "lanarkshire",
        case: HOSPITAL,
        which: First,
        role: "health-board",
        body: Body::Org("nhs-lanarkshire", false),
    },
    Row {
        postcode: "FK5 4WR",
        what: "Forth Valley Royal Hospital, Larbert",
        place: Place::Council("Falkirk"), // Stirling 0.2%, left out
        nation: Scotland,
        area: "forth-valley",
        case: GP_NOT_ABLE,
        which: First,
        role: "health-board",
        body: Body::Org("nhs-forth-valley", true),
    },
    Row {
        postcode: "KY2 5AH",
        what: "Victoria Hospital, Kirkcaldy",
        place: Place::Council("Fife"),
        nation: Scotland,
        area: "fife",
        case: MENTAL_HEALTH,
        which: First,
        role: "health-board",
        body: Body::Org("nhs-fife", true),
    },
    Row {
        postcode: "DD1 9SY",
        what: "Ninewells Hospital, Dundee",
        place: Place::Council("Dundee City"),
        nation: Scotland,
        area: "tayside",
        case: AMBULANCE,
        which: First,
        // The Scottish Ambulance Service is a national NHS board with its own complaints
        // procedure, listed as every Scottish area's ambulance-trust: not NHS Tayside.
        role: "ambulance-trust",
        body: Body::Org("scottish-ambulance-service", true),
    },
    Row {
        postcode: "KA2 0BE",
        what: "University Hospital Crosshouse, Kilmarnock",
        // East Ayrshire 54%, South Ayrshire 44% (North Ayrshire 1.8%, left out).
        place: Place::Sides(&["East Ayrshire", "South Ayrshire"], "East Ayrshire"),
        nation: Scotland,
        area: "ayrshire-and-arran",
        case: HOSPITAL,
        which: First,
        role: "health-board",
        body: Body::Org("nhs-ayrshire-and-arran", true),
    },
    // Scotland: the south.
    Row {
        postcode: "TD6 9BS",
        what: "Borders General Hospital, Melrose",
        place: Place::Council("The Scottish Borders"),
        nation: Scotland,
        area: "borders",
        case: HOSPITAL,
        which: First,
        role: "health-board",
        body: Body::Org("nhs-borders", true),
    },
    Row {
        postcode: "DG2 8RX",
        what: "Dumfries and Galloway Royal Infirmary",
        place: Place::Council("Dumfries and Galloway"),
        nation: Scotland,
        area: "dumfries-and-galloway",
        case: GP_NOT_ABLE,
        which: First,
        role: "health-board",
        body: Body::Role(NHS_BOARD_LOCAL),
    },
    // Northern Ireland: Belfast, then each other HSC Trust's area. The research has no shares
    // for Northern Ireland, so a straddling district offers every council it touches. Four
    // councils are split between Trusts (Causeway Coast and Glens, Mid Ulster, Newry, Mourne
    // and Down, Lisburn and Castlereagh): they are in the area "northern-ireland", with no Trust
    // of its own, so routing no longer picks a Trust for them (it used to pick the larger one,
    // and named the wrong Trust for Limavady, Dungannon and Downpatrick). A Trust is then
    // described, with how to find it (so is the ambulance service, as that area lists none);
    // the SPPG, which the rule names itself, is still named.
    Row {
        postcode: "BT12 6BA",
        what: "Royal Victoria Hospital, Belfast",
        place: Place::Council("Belfast"),
        nation: NorthernIreland,
        area: "belfast",
        case: HOSPITAL,
        which: First,
        role: "acute-trust",
        body: Body::Org("belfast-hsc-trust", true),
    },
    Row {
        postcode: "BT1 5GS",
        what: "Belfast City Hall",
        place: Place::Council("Belfast"),
        nation: NorthernIreland,
        area: "belfast",
        case: GP_NOT_ABLE,
        which: First,
        role: "",
        body: Body::Org("sppg", true),
    },
    Row {
        postcode: "BT41 2RL",
        what: "Antrim Area Hospital",
        place: Place::Sides(
            &[
                "Antrim and Newtownabbey",
                "Mid Ulster",
                "Mid and East Antrim",
            ],
            "Antrim and Newtownabbey",
        ),
        nation: NorthernIreland,
        area: "northern",
        case: HOSPITAL,
        which: First,
        role: "acute-trust",
        body: Body::Org("northern-hsc-trust", false),
    },
    Row {
        postcode: "BT43 5EJ",
        what: "The Braid, Ballymena",
        place: Place::Council("Mid and East Antrim"),
        nation: NorthernIreland,
        area: "northern",
        case: AMBULANCE,
        which: First,
        // The Northern Ireland Ambulance Service is its own HSC Trust, with its own
        // complaints procedure: not the Northern Trust.
        role: "ambulance-trust",
        body: Body::Org("nias", false),
    },
    Row {
        postcode: "BT52 1HS",
        what: "Causeway Hospital, Coleraine",
        place: Place::Council("Causeway Coast and Glens"),
        nation: NorthernIreland,
        // Split between the Northern and Western Trusts: no Trust is picked.
        area: "northern-ireland",
        case: MENTAL_HEALTH,
        which: First,
        role: "acute-trust",
        body: Body::Role(HSC_TRUST),
    },
    Row {
        postcode: "BT49 0HA",
        what: "Council offices, Connell Street, Limavady",
        place: Place::Council("Causeway Coast and Glens"),
        nation: NorthernIreland,
        // Limavady is in the Western Trust's area, the rest of the council mostly in the
        // Northern Trust's: no Trust is picked (the Northern Trust used to be, wrongly).
        area: "northern-ireland",
        case: MENTAL_HEALTH,
        which: First,
        role: "acute-trust",
        body: Body::Role(HSC_TRUST),
    },
    Row {
        postcode: "BT45 5EX",
        what: "Mid Ulster Hospital, Magherafelt",
        place: Place::Council("Mid Ulster"),
        nation: NorthernIreland,
        // Split between the Northern and Southern Trusts: no Trust is picked, but the rule
        // names the SPPG itself.
        area: "northern-ireland",
        case: GP_NOT_ABLE,
        which: First,
        role: "",
        body: Body::Org("sppg", true),
    },
    Row {
        postcode: "BT71 4AU",
        what: "South Tyrone Hospital, Dungannon",
        place: Place::Sides(
            &["Armagh City, Banbridge and Craigavon", "Mid Ulster"],
            "Mid Ulster",
        ),
        nation: NorthernIreland,
        // Dungannon is in the Southern Trust's area, which runs South Tyrone Hospital, the rest
        // of Mid Ulster in the Northern Trust's: no Trust is picked (the Northern Trust used to
        // be, wrongly).
        area: "northern-ireland",
        case: HOSPITAL,
        which: First,
        role: "acute-trust",
        body: Body::Role(HSC_TRUST),
    },
    Row {
        postcode: "BT20 4BT",
        what: "Ards and North Down Borough Council, Town Hall, The Castle, Bangor",
        place: Place::Council("Ards and North Down"),
        nation: NorthernIreland,
        area: "south-eastern",
        case: HOSPITAL,
        which: First,
        role: "acute-trust",
        body: Body::Org("south-eastern-hsc-trust", true),
    },
    Row {
        postcode: "BT28 1JP",
        what: "Lagan Valley Hospital, Lisburn",
        place: Place::Council("Lisburn and Castlereagh"),
        nation: NorthernIreland,
        // Split between the South Eastern and Belfast Trusts: no Trust is picked.
        area: "northern-ireland",
        case: HOSPITAL,
        which: First,
        role: "acute-trust",
        body: Body::Role(HSC_TRUST),
    },
    Row {
        postcode: "BT30 6RL",
        what: "Downe Hospital, Downpatrick",
        place: Place::Council("Newry, Mourne and Down"),
        nation: NorthernIreland,
        // Downpatrick is in the South Eastern Trust's area, which runs the Downe Hospital, the
        // rest of the council mostly in the Southern Trust's: no Trust is picked (the Southern
        // Trust used to be, wrongly).
        area: "northern-ireland",
        case: HOSPITAL,
        which: First,
        role: "acute-trust",
        body: Body::Role(HSC_TRUST),
    },
    Row {
        postcode: "BT63 5QQ",
        what: "Craigavon Area Hospital",
        place: Place::Council("Armagh City, Banbridge and Craigavon"),
        nation: NorthernIreland,
        area: "southern",
        case: MENTAL_HEALTH,
        which: First,
        role: "acute-trust",
        body: Body::Org("southern-hsc-trust", false),
    },
    Row {
        postcode: "BT35 8DR",
        what: "Daisy Hill Hospital, Newry",
        place: Place::Sides(
            &[
                "Armagh City, Banbridge and Craigavon",
                "Newry, Mourne and Down",
            ],
            "Newry, Mourne and Down",
        ),
        nation: NorthernIreland,
        // Split between the Southern and South Eastern Trusts: no Trust is picked, but the
        // rule names the SPPG itself.
        area: "northern-ireland",
        case: GP_NOT_ABLE,
        which: First,
        role: "",
        body: Body::Org("sppg", true),
    },
    Row {
        postcode: "BT47 6SB",
        what: "Altnagelvin Area Hospital, Derry",
        place: Place::Sides(
            &["Causeway Coast and Glens", "Derry City and Strabane"],
            "Derry City and Strabane",
        ),
        nation: NorthernIreland,
        area: "western",
        case: HOSPITAL,
        which: First,
        role: "acute-trust",
        body: Body::Org("western-hsc-trust", true),
    },
    Row {
        postcode: "BT74 6DN",
        what: "South West Acute Hospital, Enniskillen",
        place: Place::Council("Fermanagh and Omagh"),
        nation: NorthernIreland,
        area: "western",
        case: MENTAL_HEALTH,
        which: First,
        role: "acute-trust",
        body: Body::Org("western-hsc-trust", true),
    },
    // England: whole councils whose ambulance service is not their ICB's. Each has an area
    // of its own, so the route names the service that serves it.
    Row {
        postcode: "CA3 8QG",
        what: "Carlisle's Civic Centre",
        place: Place::Council("Cumberland"),
        nation: England,
        area: "north-cumbria",
        case: AMBULANCE,
        which: First,
        role: "ambulance-trust",
        body: Body::Org("nwas", true),
    },
    Row {
        postcode: "DN15 7BH",
        what: "Scunthorpe General Hospital",
        place: Place::Council("North Lincolnshire"),
        nation: England,
        area: "north-and-north-east-lincolnshire",
        case: AMBULANCE,
        which: First,
        role: "ambulance-trust",
        body: Body::Org("emas", true),
    },
    Row {
        postcode: "DN33 2BA",
        what: "Diana, Princess of Wales Hospital, Grimsby",
        place: Place::Council("North East Lincolnshire"),
        nation: England,
        area: "north-and-north-east-lincolnshire",
        case: AMBULANCE,
        which: First,
        role: "ambulance-trust",
        body: Body::Org("emas", true),
    },
    Row {
        postcode: "MK6 5LD",
        what: "Milton Keynes University Hospital",
        place: Place::Council("Milton Keynes"),
        nation: England,
        area: "milton-keynes",
        case: AMBULANCE,
        which: First,
        role: "ambulance-trust",
        body: Body::Org("scas", true),
    },
    Row {
        postcode: "GU14 7JU",
        what: "Rushmoor Borough Council's offices, Farnborough",
        place: Place::Council("Rushmoor"),
        nation: England,
        area: "north-east-hampshire",
        case: AMBULANCE,
        which: First,
        role: "ambulance-trust",
        body: Body::Org("secamb", true),
    },
    // The Isle of Wight's one NHS trust runs its hospital and its ambulances.
    Row {
        postcode: "PO30 1UD",
        what: "County Hall, Newport, Isle of Wight",
        place: Place::Council("Isle of Wight"),
        nation: England,
        area: "isle-of-wight",
        case: AMBULANCE,
        which: First,
        role: "ambulance-trust",
        body: Body::Org("isle-of-wight-nhs-trust", true),
    },
    Row {
        postcode: "PO30 5TG",
        what: "St Mary's Hospital, Newport, Isle of Wight",
        place: Place::Council("Isle of Wight"),
        nation: England,
        area: "isle-of-wight",
        case: HOSPITAL,
        which: First,
        role: "acute-trust",
        body: Body::Org("isle-of-wight-nhs-trust", true),
    },
];

/// A row where we believe the data (or the routing rules it feeds) is wrong: the truth as we
/// can source it, what the app names instead (a directory id or a role's name), and why.
struct KnownWrong {
    truth: Row,
    app_names: &'static str,
    why: &'static str,
}

/// Rows the app gets wrong, kept out of [`ROWS`] so they do not hide among passing rows, and
/// checked to be still wrong in the same way (see [`known_wrong_rows_are_still_wrong`]). None
/// is `#[ignore]`d: all are run every time.
///
/// Empty now. When a row shows the app wrong, add it here: `truth` is the row as it should be
/// (with its sources in `why`), and `app_names` what the route names instead (a directory id,
/// or a described role's full name). When one is fixed, the test says so: move its row to
/// [`ROWS`].
const KNOWN_WRONG: &[KnownWrong] = &[];

/// Local roles whose body the route names with a note saying which Trust it assumed.
const TRUST_ROLES: [&str; 4] = [
    "acute-trust",
    "mental-health-trust",
    "community-trust",
    "ambulance-trust",
];

/// True when a complaint can be sent to the body: it has a postal address, an email address
/// or a web form (a phone number or a website alone cannot carry a letter).
fn can_send(org: &Organisation) -> bool {
    org.contacts.iter().any(|c| {
        matches!(
            c.kind,
            ContactKind::Post | ContactKind::Email | ContactKind::WebForm
        )
    })
}

/// How a recipient is named in failure messages: its directory id, or its full role name.
fn key(recipient: &Recipient) -> String {
    match recipient.organisation() {
        Some(org) => org.id.clone(),
        None => recipient.name(),
    }
}

/// The councils the place table found, by name, for a failure message.
fn describe(found: &Found) -> String {
    match found {
        Found::Council(c) => format!("council {:?}", c.name),
        Found::WhichSide(sides) => {
            let names: Vec<&str> = sides.iter().map(|s| s.council.name).collect();
            format!("a choice of {names:?}")
        }
        Found::Names(list) | Found::Town(list) => format!(
            "names {:?}",
            list.iter().map(|c| c.name).collect::<Vec<_>>()
        ),
        Found::Chosen(c, others) => format!(
            "council {:?}, or {:?}",
            c.name,
            others.iter().map(|c| c.name).collect::<Vec<_>>()
        ),
        Found::Nothing => "nothing".into(),
    }
}

/// What the app does with one row: every way it differs from the row, and the body it names
/// (an id or a role's name), when it got as far as a route.
struct Outcome {
    problems: Vec<String>,
    names: Option<String>,
}

/// The council the place table gives for a row, as the app would take it (for a straddling
/// district, the side the place is on), adding to `problems` where the table differs.
fn council_of(row: &Row, problems: &mut Vec<String>) -> Option<Council<'static>> {
    let found = table().find(row.postcode);
    match (&row.place, &found) {
        (Place::Council(name), Found::Council(council)) => {
            if council.name != *name {
                problems.push(format!(
                    "place table gives {:?}, not {name:?}",
                    council.name
                ));
            }
            Some(*council)
        }
        (Place::Sides(names, lives_in), Found::WhichSide(sides)) => {
            let offered: Vec<&str> = sides.iter().map(|s| s.council.name).collect();
            if offered != *names {
                problems.push(format!("place table offers {offered:?}, not {names:?}"));
            }
            let side = sides.iter().find(|s| s.council.name == *lives_in);
            if side.is_none() {
                problems.push(format!("place table does not offer {lives_in:?}"));
            }
            side.map(|s| s.council)
        }
        (Place::Council(name), other) => {
            problems.push(format!(
                "place table finds {}, not council {name:?}",
                describe(other)
            ));
            None
        }
        (Place::Sides(names, _), other) => {
            problems.push(format!(
                "place table finds {}, not a choice of {names:?}",
                describe(other)
            ));
            None
        }
    }
}

/// Follows one row from its postcode to the body its route names, and lists every way the app
/// differs from the row.
fn check(row: &Row) -> Outcome {
    let mut problems = Vec::new();
    let Some(council) = council_of(row, &mut problems) else {
        return Outcome {
            problems,
            names: None,
        };
    };
    if council.nation != row.nation {
        problems.push(format!("council is in {}", council.nation.name()));
    }
    if council.area != row.area {
        problems.push(format!(
            "{} is in area {:?}, not {:?}",
            council.name, council.area, row.area
        ));
    }

    // Exactly what the app does once the place is known: the council's nation and area.
    let situation = Situation {
        nation: Some(council.nation),
        area: Some(council.area.to_string()),
        service: Some(row.case.service),
        stage: Some(row.case.stage),
        able_to_complain_to_service: row.case.able,
        ..Situation::default()
    };
    let route: Route = route(&situation, data(), today());
    if row.case.able == Some(YesNo::No) && !route.commissioner_first() {
        problems.push("the body that pays for the service is not put first".into());
    }
    let recipient = match row.which {
        First => Some(&route.primary),
        Alternative => route.alternative.as_ref().map(|a| &a.recipient),
    };
    let Some(recipient) = recipient else {
        problems.push("the route has no alternative".into());
        return Outcome {
            problems,
            names: None,
        };
    };
    let which = match row.which {
        First => "first place",
        Alternative => "alternative",
    };

    match (&row.body, recipient) {
        (Body::Org(id, sends), Recipient::Organisation(org)) => {
            if org.id != *id {
                problems.push(format!("{which} is {:?}, not {id:?}", org.id));
            } else if can_send(org) != *sends {
                problems.push(format!(
                    "{id} can be sent a complaint: expected {sends}, got {}",
                    can_send(org)
                ));
            }
        }
        (Body::Role(name), Recipient::Role { .. }) => {
            if recipient.name() != *name {
                problems.push(format!("{which} is the role {:?}", recipient.name()));
            }
        }
        (_, other) => problems.push(format!("{which} is {:?}", key(other))),
    }

    // The area's directory, as areas.toml lists it, agrees with the row.
    if !row.role.is_empty() {
        let listed = data().local(council.area, row.role).map(|o| o.id.as_str());
        let expected = match row.body {
            Body::Org(id, _) => Some(id),
            Body::Role(_) => None,
        };
        if listed != expected {
            problems.push(format!(
                "areas.toml lists {listed:?} as {}'s {}",
                council.area, row.role
            ));
        }
    }

    // The note saying which board or trust the route assumed: there exactly when the body was
    // filled from the area's health board or trust.
    let words = &domain_words().route;
    if let Some(org) = recipient.organisation() {
        let board = fill(words.board_assumed, &[&org.name]);
        let trust = fill(words.trust_assumed, &[&org.name]);
        let expected = if row.role == "health-board" {
            Some(&board)
        } else if TRUST_ROLES.contains(&row.role)
            && !(row.role == "ambulance-trust" && row.nation != England)
        {
            Some(&trust)
        } else {
            None
        };
        let present: Vec<&String> = [&board, &trust]
            .into_iter()
            .filter(|note| route.assumptions.contains(note))
            .collect();
        let expected: Vec<&String> = expected.into_iter().collect();
        if present != expected {
            problems.push(format!(
                "the note on the board or trust assumed: expected {expected:?}, got {present:?}"
            ));
        }
    }
    Outcome {
        problems,
        names: Some(key(recipient)),
    }
}

#[test]
fn every_postcode_routes_to_its_body() {
    let mut failures = Vec::new();
    for row in ROWS {
        let outcome = check(row);
        if !outcome.problems.is_empty() {
            failures.push(format!(
                "{} ({}): {}",
                row.postcode,
                row.what,
                outcome.problems.join("; ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} postcodes:\n{}",
        failures.len(),
        ROWS.len(),
        failures.join("\n")
    );
}

#[test]
fn known_wrong_rows_are_still_wrong() {
    let mut failures = Vec::new();
    for wrong in KNOWN_WRONG {
        let row = &wrong.truth;
        let outcome = check(row);
        if outcome.problems.is_empty() {
            failures.push(format!(
                "{} ({}): now right; move its row to ROWS",
                row.postcode, row.what
            ));
        } else if outcome.names.as_deref() != Some(wrong.app_names) {
            failures.push(format!(
                "{} ({}): now names {:?}, not {:?}; look at it again ({})",
                row.postcode, row.what, outcome.names, wrong.app_names, wrong.why
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_rows_cover_the_uk() {
    let mut per_nation: BTreeMap<&str, usize> = BTreeMap::new();
    let mut postcodes = BTreeSet::new();
    let mut areas = BTreeSet::new();
    for row in ROWS {
        *per_nation.entry(row.nation.name()).or_default() += 1;
        assert!(postcodes.insert(row.postcode), "{} twice", row.postcode);
        areas.insert(row.area);
    }
    assert!(ROWS.len() >= 32, "{} rows", ROWS.len());
    for nation in [England, Wales, Scotland, NorthernIreland] {
        let rows = per_nation.get(nation.name()).copied().unwrap_or(0);
        assert!(rows >= 8, "{}: {rows} rows", nation.name());
    }
    // Every Northern Irish Trust's area, the councils split between Trusts, and Sussex's three.
    for area in [
        "belfast",
        "northern",
        "south-eastern",
        "southern",
        "western",
        "northern-ireland",
        "brighton-and-hove",
        "east-sussex",
        "west-sussex",
    ] {
        assert!(areas.contains(area), "no row in {area}");
    }
    // Straddling districts, some across a nation's border.
    let sides: Vec<&Row> = ROWS
        .iter()
        .filter(|r| matches!(r.place, Place::Sides(..)))
        .collect();
    let across = sides
        .iter()
        .filter(|r| match table().find(r.postcode) {
            Found::WhichSide(list) => list.iter().any(|s| s.council.nation != r.nation),
            _ => false,
        })
        .count();
    assert!(
        sides.len() >= 2 && across >= 2,
        "{} straddling, {across} across a border",
        sides.len()
    );
    // Each kind of complaint, and both of the route's places.
    for service in [
        Service::GpPractice,
        Service::Hospital,
        Service::MentalHealth,
        Service::AmbulanceOr111,
    ] {
        assert!(
            ROWS.iter().any(|r| r.case.service == service),
            "{service:?}"
        );
    }
    assert!(ROWS.iter().any(|r| r.which == Alternative));
}

#[test]
fn every_row_agrees_with_the_research() {
    // district -> the councils the research puts it in, by name.
    let mut research: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in read("research/postcode-districts.csv").lines().skip(1) {
        // The council's name is the only field that can hold a comma (then it is quoted).
        let (district, rest) = line.split_once(',').expect("a district");
        let (_code, rest) = rest.split_once(',').expect("a code");
        let (rest, _share) = rest.rsplit_once(',').expect("a share");
        let (name, _nation) = rest.rsplit_once(',').expect("a nation");
        research
            .entry(district.to_string())
            .or_default()
            .push(name.trim_matches('"').to_string());
    }
    let mut failures = Vec::new();
    let rows = ROWS.iter().chain(KNOWN_WRONG.iter().map(|w| &w.truth));
    for row in rows {
        let council = match row.place {
            Place::Council(name) | Place::Sides(_, name) => name,
        };
        let district = postcode_district(row.postcode).unwrap_or_default();
        let named = research.get(&district).cloned().unwrap_or_default();
        if !named.iter().any(|n| n == council) {
            failures.push(format!(
                "{} ({}): the research puts {district} in {named:?}, not {council:?}",
                row.postcode, row.what
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Types `typed` into the "Where" box as the page does: the text is kept first, then the
/// letter tools' place answer for it (they must have the table on this thread) is applied.
fn type_place(answers: &mut in_my_words::domain::answers::Answers, typed: &str) {
    use in_my_words::domain::fields::{apply, Edit, TextField};
    use in_my_words::domain::tools::{handle, PlaceReply, Reply, Request};
    let find = |id: &str| data().area(id).map(|a| (a.id.clone(), a.nation));
    apply(
        answers,
        Edit::Text(TextField::Postcode, typed.into()),
        today(),
        find,
    );
    let Reply::Place(PlaceReply {
        area,
        council,
        care,
        ..
    }) = handle(Request::Place {
        typed: typed.into(),
    })
    else {
        panic!("a place answer for {typed:?}");
    };
    if let Some(area) = area {
        let council = council.unwrap_or_default();
        let care = care.unwrap_or_default();
        let found = Edit::Council {
            area,
            council,
            care,
        };
        apply(answers, found, today(), find);
    }
}

/// Social care and public health (drug, alcohol and sexual health services) are run by county
/// and unitary councils, not districts; a person in a county often does not know which. So a
/// postcode or place that settles the council names the council that runs them ("at the
/// council for Kent" for a postcode in Ashford), in the route and the letter's gap, and says
/// it assumed so; a place that does not settle it, or an area chosen by hand, keeps "your
/// council". Followed as the app does it: the tools' place answer, the answer kept by the same
/// edit the page makes, then the tools' letter.
#[test]
fn social_care_goes_to_the_council_that_runs_it() {
    use in_my_words::domain::answers::Answers;
    use in_my_words::domain::fields::{apply, Edit};
    use in_my_words::domain::tools::{handle, receive_places, Reply, Request};
    std::thread::spawn(|| {
        receive_places(common::places_text().to_string());
        let find = |id: &str| data().area(id).map(|a| (a.id.clone(), a.nation));
        let described = domain_words().roles.council;
        // What is typed in the "Where" box, the service, and the council the route should
        // name (None: "your council").
        let rows: &[(&str, Service, Option<&str>)] = &[
            ("TN23 1AA", Service::CouncilSocialCare, Some("Kent")), // Ashford
            (
                "CA11 7QF",
                Service::CouncilSocialCare,
                Some("Westmorland and Furness"),
            ), // Eden
            (
                "Harrogate",
                Service::CouncilSocialCare,
                Some("North Yorkshire"),
            ),
            (
                "LN1 1YL",
                Service::CouncilPublicHealth,
                Some("Lincolnshire"),
            ), // Lincoln or West Lindsey
            ("NG1 5GS", Service::CouncilPublicHealth, Some("Nottingham")),
            ("CF10 1EP", Service::CouncilSocialCare, Some("Cardiff")),
            ("G2 1DU", Service::CouncilSocialCare, Some("Glasgow City")),
            ("Kent", Service::CouncilSocialCare, Some("Kent")),
            // A council's whole name, though another's holds its words (North East
            // Lincolnshire, in the same area now): that council.
            (
                "North Lincolnshire",
                Service::CouncilSocialCare,
                Some("North Lincolnshire"),
            ),
            // A city whose post town reaches into its neighbours only at the edges.
            ("Cardiff", Service::CouncilSocialCare, Some("Cardiff")),
            (
                "Lincolnshire",
                Service::CouncilSocialCare,
                Some("Lincolnshire"),
            ),
            // A city's name that is also the post town of much of its county: the city
            // council, or the county's, is not known.
            ("Nottingham", Service::CouncilSocialCare, None),
            ("Leicester", Service::CouncilSocialCare, None),
            // A district across two counties' councils: which one is not known.
            ("TN8 5AA", Service::CouncilSocialCare, None),
            // A district across two councils in one NHS area: the area is certain, the council
            // is not.
            ("B26 3AA", Service::CouncilSocialCare, None),
        ];
        let mut failures = Vec::new();
        for &(typed, service, council) in rows {
            let mut answers = Answers::default();
            type_place(&mut answers, typed);
            answers.situation.service = Some(service);
            answers.situation.stage = Some(Stage::NotRaised);
            // The council or agency they name for the service does not replace the council
            // the route names in the letter's address.
            answers.service_name = "Ashford Borough Council".into();
            let Reply::Prepared(prepared) = handle(Request::Prepare {
                answers: Box::new(answers.clone()),
                today: today(),
            }) else {
                panic!("a letter");
            };
            let route = &prepared.route;
            let place = match service {
                Service::CouncilPublicHealth => route.alternative.as_ref().map(|a| &a.recipient),
                _ => Some(&route.primary),
            };
            let expected = match council {
                Some(c) => format!("The complaints team at the council for {c}"),
                None => described.to_string(),
            };
            let name = place.map(Recipient::name);
            if name.as_deref() != Some(expected.as_str()) {
                failures.push(format!(
                    "{typed}: the council is {name:?}, not {expected:?}"
                ));
            }
            let note = council.map(|c| fill(domain_words().route.council_assumed, &[c]));
            let noted = route.assumptions.iter().find(|a| a.contains("council for"));
            if noted != note.as_ref() {
                failures.push(format!("{typed}: the note is {noted:?}, not {note:?}"));
            }
            // The letter's gap says whose address, for the first place.
            if let (Some(c), Service::CouncilSocialCare) = (council, service) {
                let gap = format!("[Write the name and address of the council for {c}]");
                if !prepared.letter.fill(&answers).contains(&gap) {
                    failures.push(format!("{typed}: the letter has no {gap:?}"));
                }
            }
            // An NHS service from the same place names no council.
            answers.situation.service = Some(Service::GpPractice);
            let Reply::Prepared(gp) = handle(Request::Prepare {
                answers: Box::new(answers.clone()),
                today: today(),
            }) else {
                panic!("a letter");
            };
            if gp
                .route
                .assumptions
                .iter()
                .any(|a| a.contains("council for"))
            {
                failures.push(format!("{typed}: a GP route says it chose a council"));
            }
            // An area chosen by hand forgets the council.
            if let Some(area) = answers.situation.area.clone() {
                apply(&mut answers, Edit::Area(area), today(), find);
                answers.situation.service = Some(service);
                let Reply::Prepared(by_hand) = handle(Request::Prepare {
                    answers: Box::new(answers),
                    today: today(),
                }) else {
                    panic!("a letter");
                };
                let place = match service {
                    Service::CouncilPublicHealth => {
                        by_hand.route.alternative.as_ref().map(|a| &a.recipient)
                    }
                    _ => Some(&by_hand.route.primary),
                };
                if place.map(Recipient::name).as_deref() != Some(described) {
                    failures.push(format!("{typed}: chosen by hand, still names a council"));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    })
    .join()
    .expect("the checks pass");
}

/// One complaint about a GP practice and the council's social care: the copy for the council
/// names the council that runs social care, like a complaint about social care alone, and the
/// GP's own place is untouched.
#[test]
fn a_copy_for_social_care_names_the_council_too() {
    use in_my_words::domain::answers::Answers;
    use in_my_words::domain::tools::route_answers;
    let mut answers = Answers::default();
    answers.situation.nation = Some(England);
    answers.situation.area = Some("kent-and-medway".into());
    answers.situation.service = Some(Service::GpPractice);
    answers.situation.stage = Some(Stage::NotRaised);
    answers.other_services = vec!["council-social-care".into()];
    let named = "The complaints team at the council for Kent";
    let route = route_answers(&answers, today());
    let before: Vec<String> = route.copies.iter().map(|c| c.recipient.name()).collect();
    assert_eq!(
        before,
        [domain_words().roles.council],
        "a copy to 'your council' before the place says which"
    );
    answers.set_more("care-council", "Kent");
    let route = route_answers(&answers, today());
    let copies: Vec<String> = route.copies.iter().map(|c| c.recipient.name()).collect();
    assert!(copies.contains(&named.to_string()), "{copies:?}");
    assert_ne!(route.primary.name(), named, "the GP practice stays first");
}

/// A postcode typed a letter at a time is looked up at each step: "B4" is in Birmingham, but
/// "B49 1AA" is in two councils in two other NHS areas. What the first found must not outlive
/// it: the area and the council are asked for again, never kept from a half-typed postcode.
#[test]
fn a_place_typed_over_another_forgets_what_the_first_found() {
    use in_my_words::domain::answers::Answers;
    use in_my_words::domain::tools::receive_places;
    std::thread::spawn(|| {
        receive_places(common::places_text().to_string());
        let mut answers = Answers::default();
        for typed in ["B", "B4", "B49", "B49 1", "B49 1A", "B49 1AA"] {
            type_place(&mut answers, typed);
            if typed == "B4" {
                assert_eq!(
                    answers.more("care-council"),
                    Some("Birmingham"),
                    "B4 is Birmingham"
                );
            }
        }
        assert_eq!(answers.situation.area, None, "B49 settles no area");
        assert_eq!(answers.more("council"), Some(""));
        assert_eq!(answers.more("care-council"), Some(""));
    })
    .join()
    .expect("the checks pass");
}
