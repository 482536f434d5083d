//! The private concern log: things that went wrong and were raised (or not yet), before any
//! formal complaint, kept in [`Answers::concerns`] on this device only.
//!
//! Three things are made from it:
//!
//! - [`to_csv`] (and [`printable_rows`]): a support worker's export for their records, which
//!   holds only the month, the kind of service, the area, the category, how many follow-ups
//!   and the worker's own summary. Never a name, a date of birth, a way to reach someone, who
//!   they spoke to, what was said, what happened or what the person wants: those cells are
//!   not made at all, so no later change of wording can leak them.
//! - [`start_complaint`]: the chosen concerns copied into a complaint's answers, adding to
//!   what is already typed, never replacing it.
//! - [`raised_on`]: the days the person raised it, which the letters name ("I raised this with
//!   you on 3 November 2026 and on 20 November 2026.").
//!
//! Every text is kept exactly as typed. The types live beside the rest of the answers (their
//! saved layout is part of [`Answers`]') and are named here too.

use super::answers::{has_text, Answers, Want};
pub use super::answers::{Concern, FollowUp};
use super::date::Date;
use super::questions::Step;
use super::situation::Service;
use super::when::date_of;
use crate::words::{domain_words, words};

/// What a concern can be about, by id, in the order offered. Their words are the catalogue's
/// `ConcernWords::categories`.
pub const CATEGORIES: [&str; 6] = [
    "appointment",
    "treatment",
    "medicines",
    "leaving",
    "refused",
    "other",
];

/// What can happen after a concern is raised, by id. Their words are the catalogue's
/// `ConcernWords::follow_up_kinds`. Every kind but "nothing" is a day it was raised again.
pub const FOLLOW_UP_KINDS: [&str; 4] = ["call", "reply", "nothing", "other"];

/// The [`Answers::more`] id of the days the person raised it: ISO dates, sorted, with commas
/// between ("2026-11-03,2026-11-20"). Written by [`start_complaint`], read by the letters.
pub const RAISED_ON: &str = "raised-on";

/// The day three date boxes name, when they plainly name a real one with a four-figure year
/// from 1900 (a two-figure year is not guessed at).
fn boxes_date(day: &str, month: &str, year: &str) -> Option<Date> {
    date_of(day, month, year).filter(|date| (1900..=9999).contains(&date.year()))
}

/// The day a concern happened or was raised, when its boxes plainly make a real date (the
/// month a number or an English month name, as the other date boxes read it).
pub fn concern_date(c: &Concern) -> Option<Date> {
    boxes_date(&c.day, &c.month, &c.year)
}

/// The day something happened next, when its boxes plainly make a real date.
pub fn follow_up_date(f: &FollowUp) -> Option<Date> {
    boxes_date(&f.day, &f.month, &f.year)
}

/// A few words to raise a concern without a formal complaint, one paragraph each: that it is a
/// concern, not a formal complaint yet; the day (when the boxes plainly give one) and what
/// happened, exactly as typed; what the person wants, exactly as typed (if they said); and the
/// day to hear back by. Nothing typed is changed or left out, and an empty text adds nothing.
pub fn informal_script(c: &Concern, reply_by: Date) -> Vec<String> {
    let text = crate::words::concern_pages();
    let mut out = vec![text.script_opening.to_string()];
    if let Some(day) = concern_date(c) {
        out.push(crate::words::fill(text.script_when, &[&day.long()]));
    }
    if has_text(&c.what_happened) {
        out.push(c.what_happened.clone());
    }
    if has_text(&c.wants) {
        out.push(text.script_wants.to_string());
        out.push(c.wants.clone());
    }
    out.push(crate::words::fill(text.script_reply, &[&reply_by.long()]));
    out
}

/// The words kept under `id` in `table`, or nothing for an id the catalogue does not know.
pub fn words_for(table: &'static [(&'static str, &'static str)], id: &str) -> &'static str {
    table
        .iter()
        .find(|(known, _)| *known == id)
        .map_or("", |(_, text)| text)
}

/// The kind of service, named as "Check your answers" names it: the specific service, or its
/// group when the group has only one. Nothing for an id the app does not know.
fn service_kind(id: &str) -> &'static str {
    let Some(service) = Service::from_id(id) else {
        return "";
    };
    let catalogue = words();
    catalogue
        .option(Step::Service, id)
        .or_else(|| catalogue.option(Step::ServiceGroup, service.group().id()))
        .map_or("", |option| option.label)
}

/// The worker's export as rows of cells, the header first: month (`YYYY-MM`, or empty when
/// the date is not plainly given), kind of service, area, category, number of follow-ups, and
/// the summary exactly as typed. The page can print these; [`to_csv`] writes them.
pub fn printable_rows(concerns: &[Concern], area_name: &str) -> Vec<[String; 6]> {
    let words = &domain_words().concerns;
    let mut rows = vec![words.columns.map(String::from)];
    for c in concerns {
        let month = concern_date(c).map_or_else(String::new, |date| {
            format!("{:04}-{:02}", date.year(), date.month())
        });
        rows.push([
            month,
            service_kind(&c.service).into(),
            area_name.into(),
            words_for(words.categories, &c.category).into(),
            c.follow_ups.len().to_string(),
            c.summary.clone(),
        ]);
    }
    rows
}

/// Adds one CSV cell (RFC 4180) to `out`.
fn push_cell(out: &mut String, cell: &str) {
    // A spreadsheet runs a cell that starts like a formula, so an apostrophe makes it text:
    // an export must never be able to run something when it is opened.
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = cell.contains([',', '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}

/// The worker's export as a CSV file: [`printable_rows`] with RFC 4180 quoting and CRLF line
/// ends. It starts with a byte order mark, so spreadsheets read accents and emoji as UTF-8.
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets an apostrophe
/// in front; otherwise every cell reads back exactly.
pub fn to_csv(concerns: &[Concern], area_name: &str) -> String {
    let mut out = String::from('\u{feff}');
    for row in printable_rows(concerns, area_name) {
        for (at, cell) in row.iter().enumerate() {
            if at > 0 {
                out.push(',');
            }
            push_cell(&mut out, cell);
        }
        out.push_str("\r\n");
    }
    out
}

/// The days the person raised it, from [`Answers::more`] under [`RAISED_ON`], once each, in
/// the order kept ([`start_complaint`] keeps them sorted). Anything that is not an ISO date is
/// passed over. Not sorted again here: the letter tools read this, and a sort's code would
/// cost their download more than the list could ever need.
pub fn raised_on(answers: &Answers) -> Vec<Date> {
    let mut days: Vec<Date> = Vec::new();
    for day in answers
        .more(RAISED_ON)
        .unwrap_or_default()
        .split(',')
        .filter_map(Date::parse_iso)
    {
        if !days.contains(&day) {
            days.push(day);
        }
    }
    days
}

/// Adds `words` to `to` after a blank line, unless `to` already holds them. When `to` has no
/// text (empty or only white space) it becomes `words`.
fn add_words(to: &mut String, words: &str) {
    if !has_text(words) || (has_text(to) && to.contains(words)) {
        return;
    }
    if has_text(to) {
        to.push_str("\n\n");
    } else {
        to.clear();
    }
    to.push_str(words);
}

/// The one text every concern gives, if they all give the same.
fn shared<'a>(concerns: &[&'a Concern], text: fn(&Concern) -> &str) -> Option<&'a str> {
    let first = text(concerns.first()?);
    concerns.iter().all(|c| text(c) == first).then_some(first)
}

/// Turns the chosen concerns (indexes into [`Answers::concerns`]; any out of range, or given
/// twice, are passed over) into a complaint's answers, losing nothing already typed:
///
/// - What happened: each concern's words exactly as typed, in date order (those with no date
///   after, in the log's order), a blank line between. When `what_happened` already has text,
///   they are added after it, each only if it is not already there. What they want goes into
///   `want_other` the same way, with "Something else" ticked so the letter includes it.
/// - The service and its name, when none is given yet and every chosen concern gives the same.
///   Concerns about different services make a complaint about several: the earliest one's
///   service leads (when none is chosen yet) and the others go into `other_services`.
/// - The days it was raised (the date of each concern the person says they told the service
///   about), added to any already kept under [`RAISED_ON`] for the letters.
pub fn start_complaint(answers: &mut Answers, chosen: &[usize]) {
    // Taken out while the other answers change, and put back exactly as it was.
    let log = std::mem::take(&mut answers.concerns);
    // The chosen concerns in date order, those with no date after; the same day, or no day,
    // keeps the log's order. Put in place one by one rather than sorted: this runs in the
    // pages' download, where a sort's code costs kilobytes for a list of a few.
    let key = |c: &Concern| {
        let date = concern_date(c);
        (date.is_none(), date)
    };
    let mut picked: Vec<&Concern> = Vec::new();
    for (at, c) in log.iter().enumerate() {
        if chosen.contains(&at) {
            let place = picked.iter().position(|p| key(p) > key(c));
            picked.insert(place.unwrap_or(picked.len()), c);
        }
    }

    for c in &picked {
        add_words(&mut answers.what_happened, &c.what_happened);
        add_words(&mut answers.want_other, &c.wants);
    }
    // The letter gives `want_other` only under "Something else", so it is ticked whenever a
    // concern's wants are in it, added now or already there.
    let wants_given = picked.iter().any(|c| has_text(&c.wants));
    if wants_given && !answers.wants.contains(&Want::SomethingElse) {
        answers.wants.push(Want::SomethingElse);
    }

    // Concerns about different services make one complaint about several: the first one's
    // service (in date order) leads, when none is chosen yet, and the others are added to
    // the services it is also about (the journey then asks their names). Nothing chosen
    // already is replaced.
    let services: Vec<Service> = picked
        .iter()
        .filter_map(|c| Service::from_id(&c.service))
        .collect();
    if shared(&picked, |c| &c.service).is_none() {
        if let (None, Some(&lead)) = (answers.situation.service, services.first()) {
            if answers
                .service_group
                .is_none_or(|group| group == lead.group())
            {
                answers.service_group = Some(lead.group());
                answers.situation.service = Some(lead);
            }
        }
        for service in services {
            let id = service.id();
            if answers.situation.service != Some(service)
                && !answers.other_services.iter().any(|s| s == id)
            {
                answers.other_services.push(id.to_string());
            }
        }
    }
    if answers.situation.service.is_none() {
        if let Some(service) = shared(&picked, |c| &c.service).and_then(Service::from_id) {
            // Not when the person chose a different kind of service already.
            if answers
                .service_group
                .is_none_or(|group| group == service.group())
            {
                answers.service_group = Some(service.group());
                answers.situation.service = Some(service);
            }
        }
    }
    if !has_text(&answers.service_name) {
        if let Some(name) = shared(&picked, |c| &c.service_name).filter(|name| has_text(name)) {
            answers.service_name = name.into();
        }
    }

    // Each day once, in order (put in place, for the same reason).
    let mut days: Vec<Date> = Vec::new();
    let earlier = raised_on(answers);
    // Only the days of concerns they said they told the service about: a day it merely
    // happened, or a reply the service sent, is not a day they raised it.
    let new = picked
        .iter()
        .filter(|c| c.raised == "yes")
        .filter_map(|c| concern_date(c));
    for day in earlier.into_iter().chain(new) {
        if let Err(place) = days.binary_search(&day) {
            days.insert(place, day);
        }
    }
    if !days.is_empty() {
        let mut value = String::new();
        for day in days {
            if !value.is_empty() {
                value.push(',');
            }
            value.push_str(&day.to_string());
        }
        answers.set_more(RAISED_ON, &value);
    }
    answers.concerns = log;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(day: &str, month: &str, year: &str) -> Concern {
        Concern {
            day: day.into(),
            month: month.into(),
            year: year.into(),
            ..Concern::default()
        }
    }

    #[test]
    fn a_concern_date_is_read_only_when_plainly_a_real_date() {
        let date = |y, m, d| Date::new(y, m, d);
        let table = [
            (("3", "11", "2026"), date(2026, 11, 3)),
            (("03", "November", "2026"), date(2026, 11, 3)),
            ((" 3 ", "nov", "2026 "), date(2026, 11, 3)),
            (("29", "2", "2028"), date(2028, 2, 29)),
            (("29", "2", "2027"), None),
            (("31", "April", "2026"), None),
            (("3", "11", "26"), None),
            (("3", "Smarch", "2026"), None),
            (("٣", "11", "2026"), None),
            (("", "", ""), None),
            (("3rd", "11", "2026"), None),
        ];
        for ((day, month, year), want) in table {
            assert_eq!(
                concern_date(&on(day, month, year)),
                want,
                "{day} {month} {year}"
            );
        }
    }

    #[test]
    fn every_id_has_its_words_in_the_catalogue_in_order() {
        let words = &domain_words().concerns;
        fn ids(table: &[(&'static str, &str)]) -> Vec<&'static str> {
            table.iter().map(|(id, _)| *id).collect()
        }
        assert_eq!(ids(words.categories), CATEGORIES);
        assert_eq!(ids(words.follow_up_kinds), FOLLOW_UP_KINDS);
        assert_eq!(
            words_for(words.categories, "leaving"),
            "Leaving hospital or prison"
        );
        assert_eq!(words_for(words.categories, "not-a-category"), "");
    }

    #[test]
    fn services_are_named_as_check_your_answers_names_them() {
        assert_eq!(
            service_kind("gp-practice"),
            "Care or treatment at the GP practice"
        );
        // A group with one service is named by the group.
        assert_eq!(service_kind("pharmacy"), "A pharmacy (chemist)");
        for service in Service::ALL {
            assert!(!service_kind(service.id()).is_empty(), "{service:?}");
        }
        assert_eq!(service_kind(""), "");
        assert_eq!(service_kind("Seaview Surgery"), "");
    }

    #[test]
    fn cells_are_quoted_and_guarded_as_spreadsheets_need() {
        let cell = |text: &str| {
            let mut out = String::new();
            push_cell(&mut out, text);
            out
        };
        let table = [
            ("plain", "plain"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("say \"no\"", "\"say \"\"no\"\"\""),
            ("one\ntwo", "\"one\ntwo\""),
            ("one\r\ntwo", "\"one\r\ntwo\""),
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+44 7700", "'+44 7700"),
            ("-1", "'-1"),
            ("@here", "'@here"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            (
                "=HYPERLINK(\"x\",\"y\")",
                "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"",
            ),
            (" =1", " =1"),
            ("Zoë 👩🏽‍⚕️", "Zoë 👩🏽‍⚕️"),
        ];
        for (text, want) in table {
            assert_eq!(cell(text), want, "{text:?}");
        }
    }

    #[test]
    fn the_export_has_a_header_and_only_its_six_columns() {
        let concern = Concern {
            service: "gp-practice".into(),
            category: "appointment".into(),
            summary: "Could not book, twice".into(),
            follow_ups: vec![FollowUp::default(); 2],
            ..on("3", "11", "2026")
        };
        let csv = to_csv(&[concern, Concern::default()], "Brighton and Hove");
        assert_eq!(
            csv,
            "\u{feff}Month,Service kind,Area,Category,Follow-ups,Summary\r\n\
             2026-11,Care or treatment at the GP practice,Brighton and Hove,\
             Getting an appointment or registering,2,\"Could not book, twice\"\r\n\
             ,,Brighton and Hove,,0,\r\n"
        );
        assert_eq!(
            to_csv(&[], "Hove"),
            "\u{feff}Month,Service kind,Area,Category,Follow-ups,Summary\r\n"
        );
    }

    #[test]
    fn raised_on_reads_iso_dates_and_passes_over_the_rest() {
        let mut a = Answers::default();
        assert!(raised_on(&a).is_empty());
        a.set_more(
            RAISED_ON,
            "2026-11-20,nonsense,2026-11-03,,2026-11-20,2026-02-30",
        );
        assert_eq!(
            raised_on(&a),
            [
                Date::new(2026, 11, 20).unwrap(),
                Date::new(2026, 11, 3).unwrap()
            ]
        );
    }

    #[test]
    fn starting_a_complaint_fills_empty_answers_in_date_order() {
        let follow_up = |kind: &str, day: &str| FollowUp {
            day: day.into(),
            month: "11".into(),
            year: "2026".into(),
            kind: kind.into(),
            words: "Rang them 📞".into(),
        };
        let concerns = vec![
            Concern {
                what_happened: "No date, first in the log".into(),
                ..Concern::default()
            },
            Concern {
                what_happened: "Later 🙁".into(),
                wants: "A call back".into(),
                service: "gp-practice".into(),
                service_name: "Seaview Surgery".into(),
                // Follow-ups name no day it was raised: only a concern they told them about.
                follow_ups: vec![follow_up("call", "25"), follow_up("nothing", "30")],
                raised: "yes".into(),
                ..on("20", "November", "2026")
            },
            Concern {
                what_happened: "  Earlier, as typed\n".into(),
                service: "gp-practice".into(),
                service_name: "Seaview Surgery".into(),
                raised: "yes".into(),
                ..on("3", "11", "2026")
            },
            Concern {
                what_happened: "Not chosen".into(),
                ..Concern::default()
            },
        ];
        let mut a = Answers {
            concerns: concerns.clone(),
            ..Answers::default()
        };
        start_complaint(&mut a, &[1, 0, 2, 2, 99, usize::MAX]);
        assert_eq!(
            a.what_happened,
            "  Earlier, as typed\n\n\nLater 🙁\n\nNo date, first in the log"
        );
        assert_eq!(a.want_other, "A call back");
        assert_eq!(a.wants, [Want::SomethingElse]);
        // The first concern names no service: the others' one service leads, with nothing
        // beside it; their names do not all agree, so none is copied.
        assert_eq!(a.situation.service, Some(Service::GpPractice));
        assert!(a.other_services.is_empty());
        assert_eq!(a.service_name, "");
        assert_eq!(a.more(RAISED_ON), Some("2026-11-03,2026-11-20"));
        assert_eq!(a.concerns, concerns, "the log itself is never changed");

        // The two that agree set the service and its name.
        let mut b = Answers {
            concerns,
            ..Answers::default()
        };
        start_complaint(&mut b, &[2, 1]);
        assert_eq!(b.situation.service, Some(Service::GpPractice));
        assert_eq!(b.service_group, Some(Service::GpPractice.group()));
        assert_eq!(b.service_name, "Seaview Surgery");
    }

    #[test]
    fn starting_a_complaint_adds_to_what_is_there_and_never_repeats() {
        let mut a = Answers {
            what_happened: "I typed this first. Later 🙁 too.".into(),
            want_other: "An apology".into(),
            wants: vec![Want::SomethingElse, Want::Meeting],
            service_name: "My own name for it".into(),
            concerns: vec![
                Concern {
                    what_happened: "Later 🙁".into(),
                    wants: "A call back".into(),
                    service_name: "Seaview Surgery".into(),
                    service: "pharmacy".into(),
                    raised: "yes".into(),
                    ..on("20", "11", "2026")
                },
                Concern {
                    what_happened: "Something new".into(),
                    wants: " \n".into(),
                    raised: "yes".into(),
                    ..on("3", "11", "2026")
                },
            ],
            ..Answers::default()
        };
        a.service_group = Some(Service::Hospital.group());
        a.set_more(RAISED_ON, "2026-10-01");
        start_complaint(&mut a, &[0, 1]);
        assert_eq!(
            a.what_happened,
            "I typed this first. Later 🙁 too.\n\nSomething new"
        );
        assert_eq!(a.want_other, "An apology\n\nA call back");
        assert_eq!(a.wants, [Want::SomethingElse, Want::Meeting]);
        assert_eq!(a.service_name, "My own name for it");
        // A hospital was chosen already: a pharmacy is not put in its place.
        assert_eq!(a.situation.service, None);
        assert_eq!(a.more(RAISED_ON), Some("2026-10-01,2026-11-03,2026-11-20"));
        // Again: nothing new to add.
        let before = a.clone();
        start_complaint(&mut a, &[1, 0]);
        assert_eq!(a, before);
        // Nothing chosen changes nothing.
        start_complaint(&mut a, &[]);
        assert_eq!(a, before);
    }

    #[test]
    fn concerns_about_different_services_make_one_complaint_about_several() {
        let about = |day: &str, service: &str| Concern {
            service: service.into(),
            what_happened: format!("words {day}"),
            ..on(day, "11", "2026")
        };
        let mut a = Answers {
            concerns: vec![
                about("20", "pharmacy"),
                about("3", "gp-practice"),
                about("9", "other"),
                about("12", "pharmacy"),
            ],
            ..Answers::default()
        };
        start_complaint(&mut a, &[0, 1, 2, 3]);
        assert_eq!(
            a.situation.service,
            Some(Service::GpPractice),
            "the earliest leads"
        );
        assert_eq!(a.other_services, ["pharmacy"], "the others, once each");
        assert_eq!(
            a.what_happened,
            "words 3\n\nwords 9\n\nwords 12\n\nwords 20"
        );

        // A service already chosen stays; the concerns' services are added beside it.
        let mut b = Answers {
            concerns: a.concerns.clone(),
            service_group: Some(Service::Hospital.group()),
            ..Answers::default()
        };
        b.situation.service = Some(Service::Hospital);
        start_complaint(&mut b, &[0, 1]);
        assert_eq!(b.situation.service, Some(Service::Hospital));
        assert_eq!(
            b.other_services,
            ["gp-practice", "pharmacy"],
            "in date order"
        );
    }
}
