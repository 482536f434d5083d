#![cfg(not(target_arch = "wasm32"))]
//! The private concern log: the worker's export holds only its six columns, whatever is typed,
//! and starting a complaint from concerns keeps every word, as typed, and adds to what was
//! there.
//!
//! The properties feed arbitrary Unicode into every box of a concern (as
//! `tests/unicode_properties.rs` does for the journey) and read the export back with a small,
//! strict CSV reader, so a cell that is badly quoted fails as surely as one that leaks.

use in_my_words::data::data;
use in_my_words::domain::answers::{has_text, Answers, Want};
use in_my_words::domain::codec::{decode, encode};
use in_my_words::domain::concerns::{
    concern_date, printable_rows, raised_on, start_complaint, to_csv, Concern, FollowUp,
    CATEGORIES, FOLLOW_UP_KINDS, RAISED_ON,
};
use in_my_words::domain::date::Date;
use in_my_words::domain::letter::{write, LetterKind};
use in_my_words::domain::route::route;
use in_my_words::domain::situation::{Nation, Service, Stage};
use proptest::prelude::*;

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Reading the export back.

/// Reads CSV as RFC 4180 writes it, strictly: the byte order mark first, every record ended
/// by CRLF, a quote only around a whole cell (doubled inside), nothing else. Anything else is
/// an error, so a badly quoted cell fails the test.
fn read_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
    let text = text.strip_prefix('\u{feff}').ok_or("no byte order mark")?;
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut in_quotes = false;
    let mut was_quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            if c != '"' {
                cell.push(c);
            } else if chars.peek() == Some(&'"') {
                chars.next();
                cell.push('"');
            } else {
                in_quotes = false;
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() && !was_quoted => {
                in_quotes = true;
                was_quoted = true;
            }
            ',' => {
                row.push(std::mem::take(&mut cell));
                was_quoted = false;
            }
            '\r' => {
                if chars.next() != Some('\n') {
                    return Err("a CR not followed by LF outside quotes".into());
                }
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                was_quoted = false;
            }
            '"' | '\n' => return Err(format!("{c:?} outside quotes in {cell:?}")),
            _ if was_quoted => return Err(format!("{c:?} after a closing quote")),
            _ => cell.push(c),
        }
    }
    if in_quotes || !row.is_empty() || !cell.is_empty() {
        return Err("the last record is not ended by CRLF".into());
    }
    Ok(rows)
}

/// A cell as the export writes it: an apostrophe in front of anything a spreadsheet would run.
fn guarded(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// What people type.

const ODD: &[&str] = &[
    "👩🏽‍⚕️",
    "🏳️‍🌈",
    "❤️",
    "مرحبا",
    "שלום",
    "\u{200f}",
    "\u{202e}",
    "\u{200b}",
    "\u{feff}",
    "\0",
    "\r",
    "\n",
    "\r\n",
    "\t",
    "\u{2028}",
    " ",
    "\u{a0}",
    "\"",
    "\"\"",
    ",",
    "'",
    "=",
    "=SUM(A1)",
    "+44",
    "-",
    "@",
    "e\u{301}",
    "½",
    "\\uD800",
];

/// One piece of typed text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => any::<char>().prop_map(String::from),
        4 => prop::sample::select(ODD).prop_map(String::from),
        2 => "[a-z]{1,8} ",
        1 => "[0-9]{1,2}[/. -][0-9]{1,2}[/. -][0-9]{2,4}",
    ]
}

/// Anything a person might type or paste into one box.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..12).prop_map(|pieces| pieces.concat())
}

/// The tag that starts every text the export must never hold, so a leak is found even inside
/// another cell. Taken out of the texts the export does hold.
const TAG: char = '⟪';

fn untagged() -> impl Strategy<Value = String> {
    text().prop_map(|t| t.replace(TAG, ""))
}

/// A personal text: the tag, its box's name, then anything.
fn personal(name: &'static str) -> impl Strategy<Value = String> {
    text().prop_map(move |t| format!("{TAG}{name}⟫{t}"))
}

/// A date box: real dates often, anything at all too.
fn date_boxes() -> impl Strategy<Value = (String, String, String)> {
    prop_oneof![
        2 => (1u8..=31, 1u8..=12, 1990i32..=2030).prop_map(|(d, m, y)| (d.to_string(), m.to_string(), y.to_string())),
        1 => (1u8..=28, prop::sample::select(&["jan", "February", "mar", "Tachwedd", "Nov "][..]), 2020i32..=2027)
            .prop_map(|(d, m, y)| (format!(" {d}"), m.to_string(), y.to_string())),
        2 => (text(), text(), text()),
    ]
}

/// An id box: a known id, an empty one, or anything.
fn id(known: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(known).prop_map(String::from),
        1 => Just(String::new()),
        1 => text(),
    ]
}

fn service_ids() -> &'static [&'static str] {
    static IDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| Service::ALL.iter().map(|s| s.id()).collect())
}

fn any_follow_up() -> impl Strategy<Value = FollowUp> {
    (date_boxes(), id(&FOLLOW_UP_KINDS), personal("follow-up")).prop_map(
        |((day, month, year), kind, words)| FollowUp {
            day,
            month,
            year,
            kind,
            words,
        },
    )
}

/// A concern with arbitrary text in every box. Every text but the summary carries the tag.
fn any_concern() -> impl Strategy<Value = Concern> {
    (
        date_boxes(),
        id(service_ids()),
        personal("service-name"),
        id(&CATEGORIES),
        (
            personal("what-happened"),
            personal("spoke-to"),
            personal("they-said"),
            personal("wants"),
        ),
        untagged(),
        prop::collection::vec(any_follow_up(), 0..3),
    )
        .prop_map(
            |(
                (day, month, year),
                service,
                service_name,
                category,
                (what_happened, spoke_to, they_said, wants),
                summary,
                follow_ups,
            )| Concern {
                day,
                month,
                year,
                service,
                service_name,
                category,
                what_happened,
                spoke_to,
                they_said,
                wants,
                summary,
                // Told the service, or not, or not said: varied with the rest.
                raised: ["yes", "no", ""][follow_ups.len() % 3].into(),
                follow_ups,
                next: FollowUp::default(),
            },
        )
}

/// A concern whose texts are plain arbitrary text, as typed (no tag), some of them blank.
fn any_typed_concern() -> impl Strategy<Value = Concern> {
    (
        any_concern(),
        text(),
        text(),
        text(),
        prop::sample::select(&["", " \n", "\t"][..]),
        any::<u8>(),
    )
        .prop_map(
            |(c, what_happened, wants, service_name, blank, roll)| Concern {
                what_happened: if roll % 5 == 0 {
                    blank.into()
                } else {
                    what_happened
                },
                wants: if roll % 7 == 0 { blank.into() } else { wants },
                service_name,
                ..c
            },
        )
}

// ---------------------------------------------------------------------------------------------
// The checks.

fn export_holds_only_its_columns(concerns: &[Concern], area: &str) -> Result<(), TestCaseError> {
    let csv = to_csv(concerns, area);
    let rows = read_csv(&csv).map_err(|e| TestCaseError::fail(format!("{e}\n{csv:?}")))?;
    prop_assert_eq!(rows.len(), concerns.len() + 1, "a header and a row each");
    prop_assert_eq!(
        &rows[0],
        &[
            "Month",
            "Service kind",
            "Area",
            "Category",
            "Follow-ups",
            "Summary"
        ]
    );
    let printed = printable_rows(concerns, area);
    for ((row, printed), c) in rows[1..].iter().zip(&printed[1..]).zip(concerns) {
        prop_assert_eq!(row.len(), 6);
        // The summary and the area exactly as typed (less a spreadsheet's guard).
        prop_assert_eq!(&row[5], &guarded(&c.summary));
        prop_assert_eq!(&printed[5], &c.summary);
        prop_assert_eq!(&row[2], &guarded(area));
        prop_assert_eq!(&row[4], &c.follow_ups.len().to_string());
        let month = concern_date(c)
            .map_or_else(String::new, |d| format!("{:04}-{:02}", d.year(), d.month()));
        prop_assert_eq!(&row[0], &month);
        for (cell, printed) in row.iter().zip(printed) {
            prop_assert_eq!(cell, &guarded(printed));
        }
        // Nothing personal, in any cell, whole or in part.
        let personal = [
            &c.what_happened,
            &c.spoke_to,
            &c.they_said,
            &c.wants,
            &c.service_name,
        ];
        for cell in row {
            prop_assert!(!cell.contains(TAG), "{:?} leaked into {:?}", personal, cell);
            for text in personal {
                prop_assert_ne!(cell, text);
            }
            for f in &c.follow_ups {
                prop_assert_ne!(cell, &f.words);
            }
        }
    }
    Ok(())
}

fn start_keeps_every_word(before: &Answers, chosen: &[usize]) -> Result<(), TestCaseError> {
    let mut after = before.clone();
    start_complaint(&mut after, chosen);
    prop_assert_eq!(
        &after.concerns,
        &before.concerns,
        "the log is never changed"
    );
    for (mine, was) in [
        (&after.what_happened, &before.what_happened),
        (&after.want_other, &before.want_other),
    ] {
        if has_text(was) {
            prop_assert!(mine.starts_with(was.as_str()), "{:?} lost {:?}", mine, was);
        }
    }
    for &at in chosen {
        let Some(c) = before.concerns.get(at) else {
            continue;
        };
        if has_text(&c.what_happened) {
            prop_assert!(after.what_happened.contains(&c.what_happened));
        }
        if has_text(&c.wants) {
            prop_assert!(after.want_other.contains(&c.wants));
            prop_assert!(after.wants.contains(&Want::SomethingElse));
        }
    }
    // What was given stays given.
    if before.situation.service.is_some() {
        prop_assert_eq!(after.situation.service, before.situation.service);
    }
    if has_text(&before.service_name) {
        prop_assert_eq!(&after.service_name, &before.service_name);
    }
    for want in &before.wants {
        prop_assert!(after.wants.contains(want));
    }
    // The days written are ISO dates, sorted, once each, and include every one kept before.
    // (Days kept before are left as they were when there is nothing to add.)
    if let Some(kept) = after
        .more(RAISED_ON)
        .filter(|&kept| before.more(RAISED_ON) != Some(kept))
    {
        let days: Vec<Date> = kept.split(',').filter_map(Date::parse_iso).collect();
        prop_assert_eq!(days.len(), kept.split(',').count(), "{:?}", kept);
        prop_assert!(days.windows(2).all(|w| w[0] < w[1]), "{:?}", kept);
        for day in raised_on(before) {
            prop_assert!(days.contains(&day));
        }
    }
    // Services added beside the main one: after those there were, each a chosen concern's,
    // once each, never the main service.
    prop_assert!(after.other_services.starts_with(&before.other_services));
    let added = &after.other_services[before.other_services.len()..];
    for (at, id) in added.iter().enumerate() {
        prop_assert!(before.concerns.iter().any(|c| &c.service == id), "{:?}", id);
        prop_assert!(!added[..at].contains(id) && !before.other_services.contains(id));
        prop_assert!(after.situation.service.map(Service::id) != Some(id.as_str()));
    }
    // Everything else is as it was.
    let mut rest = after.clone();
    rest.other_services = before.other_services.clone();
    rest.what_happened = before.what_happened.clone();
    rest.want_other = before.want_other.clone();
    rest.wants = before.wants.clone();
    rest.situation.service = before.situation.service;
    rest.service_group = before.service_group;
    rest.service_name = before.service_name.clone();
    rest.more = before.more.clone();
    prop_assert_eq!(&rest, before);
    // Doing it again adds nothing.
    let mut again = after.clone();
    start_complaint(&mut again, chosen);
    prop_assert_eq!(&again.what_happened, &after.what_happened);
    prop_assert_eq!(&again.want_other, &after.want_other);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_export_holds_every_summary_exactly_and_nothing_personal(
        concerns in prop::collection::vec(any_concern(), 0..6),
        area in untagged(),
    ) {
        export_holds_only_its_columns(&concerns, &area)?;
    }

    #[test]
    fn starting_a_complaint_keeps_every_word_and_what_was_there(
        concerns in prop::collection::vec(any_typed_concern(), 0..6),
        chosen in prop::collection::vec(0usize..8, 0..8),
        what_happened in text(),
        want_other in text(),
        service_name in text(),
        raised in prop_oneof![Just(None), text().prop_map(Some), Just(Some("2026-01-02,2025-12-01".to_string()))],
        service in prop::option::of(prop::sample::select(Service::ALL.to_vec())),
    ) {
        let mut before = Answers {
            what_happened,
            want_other,
            service_name,
            concerns,
            ..Answers::default()
        };
        before.situation.service = service;
        before.service_group = service.map(Service::group);
        if let Some(raised) = raised {
            before.set_more(RAISED_ON, &raised);
        }
        start_keeps_every_word(&before, &chosen)?;
    }

    #[test]
    fn a_concern_log_of_anything_is_saved_and_read_back_exactly(
        concerns in prop::collection::vec(any_typed_concern(), 0..4),
        what_happened in text(),
    ) {
        let answers = Answers { what_happened, concerns, ..Answers::default() };
        prop_assert_eq!(decode(&encode(&answers)), Ok(answers));
    }

    #[test]
    fn letters_name_every_day_kept_and_cope_with_anything_else(
        kept in prop::collection::vec(
            prop_oneof![
                (0i64..20_000).prop_map(|back| today().add_days(-back).to_string()),
                text(),
            ],
            0..5,
        ),
        stage in prop::sample::select(Stage::ALL.to_vec()),
    ) {
        let mut a = Answers::default();
        a.situation.nation = Some(Nation::England);
        a.situation.service = Some(Service::GpPractice);
        a.situation.stage = Some(stage);
        a.set_more(RAISED_ON, &kept.join(","));
        let r = route(&a.situation, data(), today());
        let complaint = write(LetterKind::Complaint, &a, &r, today(), None).to_text();
        for day in raised_on(&a) {
            let on_day = format!("on {}", day.long());
            prop_assert!(complaint.contains(&on_day), "{:?}", kept);
        }
        for kind in [LetterKind::NotSatisfied, LetterKind::Ombudsman] {
            let _ = write(kind, &a, &r, today(), None).to_text();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tables.

/// Someone's whole story, with every personal detail the app can hold: none of it is in the
/// export, which is made from the concerns and the area alone.
#[test]
fn the_export_never_holds_personal_details() {
    let mut a = Answers {
        birth_day: "3".into(),
        birth_month: "April".into(),
        birth_year: "1961".into(),
        what_happened: "Turned away at the desk".into(),
        ..Answers::default()
    };
    a.contact.name = "Jane Q. Doe".into();
    a.contact.email = "jane.doe@example.org".into();
    a.contact.phone = "07700 900123".into();
    a.contact.address = "Flat 2, 12 Rue de l'Église\nBrighton BN2 1AA".into();
    a.contact.care_of_name = "St Mungo's Hove hub".into();
    a.contact.support_worker = "Zoë O'Connor".into();
    a.supporter.name = "Zoë O'Connor".into();
    a.supporter.notes = "ملاحظات خاصة: call back Tuesday".into();
    a.concerns = vec![
        Concern {
            day: "3".into(),
            month: "November".into(),
            year: "2026".into(),
            service: "gp-practice".into(),
            service_name: "Seaview Surgery, Dr Patel's list".into(),
            category: "appointment".into(),
            what_happened: "Jane was told \"no address, no appointment\"".into(),
            spoke_to: "Receptionist called Sam".into(),
            they_said: "Come back with a utility bill".into(),
            wants: "To be registered, and a call on 07700 900123".into(),
            summary: "Refused registration: no fixed address".into(),
            follow_ups: vec![FollowUp {
                day: "20".into(),
                month: "11".into(),
                year: "2026".into(),
                kind: "call".into(),
                words: "Rang jane.doe@example.org's worker back".into(),
            }],
            raised: "yes".into(),
            next: FollowUp {
                words: "Half-written: Jane's number is 07700 900123".into(),
                ..FollowUp::default()
            },
        },
        Concern {
            service: "hospital-discharge".into(),
            service_name: "Ward 8A".into(),
            category: "leaving".into(),
            what_happened: "Sent home at 2am 💊".into(),
            summary: "=Discharged at night, no medicines".into(),
            ..Concern::default()
        },
    ];
    let csv = to_csv(&a.concerns, "Brighton and Hove");
    let personal = [
        "Jane",
        "Doe",
        "jane.doe@example.org",
        "07700",
        "900123",
        "Flat 2",
        "Église",
        "BN2",
        "1961",
        "April",
        "Mungo",
        "Zoë",
        "ملاحظات",
        "Seaview",
        "Patel",
        "Sam",
        "utility bill",
        "registered, and",
        "Rang",
        "Ward 8A",
        "2am",
        "Turned away",
        "2026-11-03",
        "2026-11-20",
        "3 November",
    ];
    for text in personal {
        assert!(!csv.contains(text), "{text:?} is in the export:\n{csv}");
    }
    assert_eq!(
        read_csv(&csv).unwrap(),
        [
            vec![
                "Month",
                "Service kind",
                "Area",
                "Category",
                "Follow-ups",
                "Summary"
            ],
            vec![
                "2026-11",
                "Care or treatment at the GP practice",
                "Brighton and Hove",
                "Getting an appointment or registering",
                "1",
                "Refused registration: no fixed address",
            ],
            vec![
                "",
                "Being sent home from hospital",
                "Brighton and Hove",
                "Leaving hospital or prison",
                "0",
                "'=Discharged at night, no medicines",
            ],
        ]
    );
}

/// Each category's words, and an id the app no longer knows, in the export.
#[test]
fn every_category_has_its_words_in_the_export() {
    let words = [
        "Getting an appointment or registering",
        "How I was treated",
        "Medicines or prescriptions",
        "Leaving hospital or prison",
        "Refused or removed from a service",
        "Something else",
    ];
    let mut concerns: Vec<Concern> = CATEGORIES
        .iter()
        .map(|id| Concern {
            category: id.to_string(),
            ..Concern::default()
        })
        .collect();
    concerns.push(Concern {
        category: "gone".into(),
        ..Concern::default()
    });
    let rows = read_csv(&to_csv(&concerns, "Hove")).unwrap();
    let got: Vec<&str> = rows[1..].iter().map(|row| row[3].as_str()).collect();
    assert_eq!(got[..6], words);
    assert_eq!(got[6], "");
}

/// The days a concern was raised, as the letters give them.
#[test]
fn the_letters_say_when_it_was_raised() {
    let mut a = Answers::default();
    a.situation.nation = Some(Nation::England);
    a.situation.service = Some(Service::GpPractice);
    a.situation.stage = Some(Stage::RaisedInformally);
    let r = route(&a.situation, data(), today());
    let complaint = |a: &Answers| write(LetterKind::Complaint, a, &r, today(), None).to_text();
    assert!(!complaint(&a).contains("I raised this"));
    let table = [
        ("2026-11-03", "I raised this with you on 3 November 2026."),
        (
            "2026-11-03,2026-11-20",
            "I raised this with you on 3 November 2026 and on 20 November 2026.",
        ),
        (
            // Kept sorted by `start_complaint`; a day kept twice, or not a date, is passed over.
            "2026-10-01,2026-11-03,not a date,2026-11-20,2026-11-03",
            "I raised this with you on 1 October 2026, on 3 November 2026 and on 20 November 2026.",
        ),
    ];
    for (kept, sentence) in table {
        a.set_more(RAISED_ON, kept);
        let text = complaint(&a);
        assert!(
            text.contains(&format!("\n\n{sentence}\n\n")),
            "{kept}:\n{text}"
        );
        let not_satisfied = write(LetterKind::NotSatisfied, &a, &r, today(), None).to_text();
        assert!(not_satisfied.contains(sentence), "{kept}:\n{not_satisfied}");
        let ombudsman = write(LetterKind::Ombudsman, &a, &r, today(), None).to_text();
        let to_them = sentence.replace("with you", "with them");
        assert!(ombudsman.contains(&to_them), "{kept}:\n{ombudsman}");
    }
    a.set_more(RAISED_ON, "soon, 2026-13-01");
    assert!(!complaint(&a).contains("I raised this"));
}

#[test]
fn the_reader_refuses_what_rfc_4180_does_not_allow() {
    assert_eq!(
        read_csv("\u{feff}a,\"b,\"\"c\"\"\"\r\n,\r\n"),
        Ok(vec![
            vec!["a".to_string(), "b,\"c\"".to_string()],
            vec![String::new(), String::new()]
        ])
    );
    for bad in [
        "a\r\n",
        "\u{feff}a",
        "\u{feff}a\n",
        "\u{feff}a\"b\r\n",
        "\u{feff}\"a\"b\r\n",
        "\u{feff}\"a\r\n",
    ] {
        assert!(read_csv(bad).is_err(), "{bad:?}");
    }
}
