#![cfg(not(target_arch = "wasm32"))]
//! A complaint about several services: what happens next has a strand for each body. The lead
//! is named with its date to say it got the letter and its chase; each body with a copy has its
//! own date, worked out by its own procedure, and its own chase a week later.
//!
//! Every expected date below was worked out by hand from the rules in `route::deadlines`, not
//! copied from the program's output: England (NHS and council social care) and Northern Ireland
//! 3 working days, Wales (NHS and council) 2, Scotland's in-depth stage 3; the chase 7 days
//! after. Working days skip weekends and the nation's bank holidays in
//! `assets/data/bank-holidays.toml`: Christmas Day 2026 is a Friday and Boxing Day's
//! substitute is Monday 28 December; Scotland's St Andrew's Day is Monday 30 November 2026.

use in_my_words::domain::answers::Answers;
use in_my_words::domain::date::Date;
use in_my_words::domain::route::{in_sentence, DeadlineKind, Route};
use in_my_words::domain::situation::{Nation, Service, Situation, Stage, WhenItHappened};
use in_my_words::domain::timeline::{self, Item, ItemKind};
use in_my_words::domain::tools::route_answers;

/// One case: a situation, and the strands its timeline must have.
struct Case {
    name: &'static str,
    nation: Nation,
    area: &'static str,
    service: Service,
    also: &'static [&'static str],
    today: &'static str,
    /// When it happened, or "" when not given.
    when: &'static str,
    /// The lead's (acknowledgement, chase) dates; `None` when its procedure sets none.
    lead: Option<(&'static str, &'static str)>,
    /// Each copy in order: where it goes, and its (acknowledgement, chase) dates.
    copies: &'static [(&'static str, Option<(&'static str, &'static str)>)],
    /// True when some date has already passed (it must come after what is still to come).
    passed: bool,
}

const GP: &str = "The practice manager at your GP practice";
const PHARMACY: &str = "The complaints manager at the pharmacy";
const COUNCIL: &str = "The complaints team at your council";
const FAMILY_PRACTITIONER: &str =
    "The practice manager at the practice, dentist, pharmacy or optician";

const CASES: &[Case] = &[
    Case {
        name: "England: out of prison with no medicines; the GP and the pharmacy have copies",
        nation: Nation::England,
        area: "east-sussex",
        service: Service::PrisonReleaseMedicines,
        also: &["gp-practice", "pharmacy"],
        // Monday: Tuesday, Wednesday and Thursday are the 3 working days.
        today: "2026-11-23",
        when: "2026-11-02",
        lead: Some(("2026-11-26", "2026-12-03")),
        copies: &[
            (GP, Some(("2026-11-26", "2026-12-03"))),
            (PHARMACY, Some(("2026-11-26", "2026-12-03"))),
        ],
        passed: false,
    },
    Case {
        name: "England at Christmas: mental health discharge, council social care has a copy; \
               the Ombudsman's year has passed",
        nation: Nation::England,
        area: "east-sussex",
        service: Service::MentalHealthDischarge,
        also: &["council-social-care"],
        // Wednesday: Thursday 24th, then Tuesday 29th and Wednesday 30th (25th and 28th are
        // bank holidays). The NHS and the council follow the same 2009 regulations.
        today: "2026-12-23",
        when: "2022-03-01",
        lead: Some(("2026-12-30", "2027-01-06")),
        copies: &[(COUNCIL, Some(("2026-12-30", "2027-01-06")))],
        passed: true,
    },
    Case {
        name: "Wales: out of prison, the pharmacy has a copy",
        nation: Nation::Wales,
        area: "wales",
        service: Service::PrisonReleaseMedicines,
        also: &["pharmacy"],
        today: "2026-11-23",
        when: "",
        lead: Some(("2026-11-25", "2026-12-02")),
        copies: &[(FAMILY_PRACTITIONER, Some(("2026-11-25", "2026-12-02")))],
        passed: false,
    },
    Case {
        name: "Wales at Christmas: the health board leads, the council has a copy",
        nation: Nation::Wales,
        area: "wales",
        service: Service::MentalHealth,
        also: &["council-social-care"],
        // Thursday 24th, then Tuesday 29th: the NHS concern and the social services complaint
        // both have 2 working days.
        today: "2026-12-23",
        when: "2026-12-01",
        lead: Some(("2026-12-29", "2027-01-05")),
        copies: &[(COUNCIL, Some(("2026-12-29", "2027-01-05")))],
        passed: false,
    },
    Case {
        name:
            "Scotland over St Andrew's Day: the NHS board leads; the GP and the council have copies",
        nation: Nation::Scotland,
        area: "scotland",
        service: Service::HospitalDischarge,
        also: &["gp-practice", "council-social-care"],
        // Friday: Monday 30th is a bank holiday, so Tuesday, Wednesday and Thursday.
        today: "2026-11-27",
        when: "",
        lead: Some(("2026-12-03", "2026-12-10")),
        copies: &[
            (FAMILY_PRACTITIONER, Some(("2026-12-03", "2026-12-10"))),
            (COUNCIL, Some(("2026-12-03", "2026-12-10"))),
        ],
        passed: false,
    },
    Case {
        name: "Northern Ireland: the GP leads; the pharmacy and the hospital trust have copies",
        nation: Nation::NorthernIreland,
        area: "northern-ireland",
        service: Service::GpPractice,
        also: &["pharmacy", "hospital"],
        today: "2026-11-23",
        when: "2026-11-02",
        lead: Some(("2026-11-26", "2026-12-03")),
        copies: &[
            (FAMILY_PRACTITIONER, Some(("2026-11-26", "2026-12-03"))),
            (
                "The complaints manager at the Health and Social Care Trust",
                Some(("2026-11-26", "2026-12-03")),
            ),
        ],
        passed: false,
    },
    Case {
        name:
            "England: police custody healthcare leads (no date to say it got it); the GP has a copy",
        nation: Nation::England,
        area: "east-sussex",
        service: Service::PoliceCustodyHealthcare,
        also: &["gp-practice"],
        today: "2026-11-23",
        when: "",
        lead: None,
        copies: &[(GP, Some(("2026-11-26", "2026-12-03")))],
        passed: false,
    },
    Case {
        name: "England: the GP leads; the police force's copy has no date to say it got it",
        nation: Nation::England,
        area: "east-sussex",
        service: Service::GpPractice,
        also: &["police-custody-healthcare"],
        today: "2026-11-23",
        when: "",
        lead: Some(("2026-11-26", "2026-12-03")),
        copies: &[(
            "The complaints team of the police force that held you",
            None,
        )],
        passed: false,
    },
];

fn date(text: &str) -> Date {
    Date::parse_iso(text).unwrap_or_else(|| panic!("{text:?} is not a date"))
}

fn answers(case: &Case) -> Answers {
    let mut a = Answers {
        what_happened: "Nobody passed on what I needed.".into(),
        other_services: case.also.iter().map(|s| s.to_string()).collect(),
        ..Answers::default()
    };
    a.situation = Situation {
        nation: Some(case.nation),
        area: Some(case.area.into()),
        service: Some(case.service),
        stage: Some(Stage::NotRaised),
        when: (!case.when.is_empty()).then(|| WhenItHappened::OnDate {
            date: date(case.when),
        }),
        ..Situation::default()
    };
    a
}

fn labels(items: &[Item]) -> Vec<(String, Option<Date>)> {
    items.iter().map(|i| (i.label.clone(), i.date)).collect()
}

#[test]
fn each_strand_has_its_own_dates_and_chase() {
    let ack = ItemKind::Deadline(DeadlineKind::AcknowledgementDue);
    for case in CASES {
        let name = case.name;
        let today = date(case.today);
        let a = answers(case);
        let route = route_answers(&a, today);
        let items = timeline::timeline(&a, &route, today);
        let shown = labels(&items);

        // The copies go where the table says, each with its own date to say it got it.
        let copies: Vec<String> = route.copies.iter().map(|c| c.recipient.name()).collect();
        let want: Vec<&str> = case.copies.iter().map(|(n, _)| *n).collect();
        assert_eq!(copies, want, "{name}");
        for (copy, (_, dates)) in route.copies.iter().zip(case.copies) {
            let got: Vec<Option<Date>> = copy.deadlines.iter().map(|d| d.date).collect();
            let want: Vec<Option<Date>> = dates.iter().map(|(due, _)| Some(date(due))).collect();
            assert_eq!(got, want, "{name}: {}", copy.recipient.name());
            assert!(copy
                .deadlines
                .iter()
                .all(|d| d.kind == DeadlineKind::AcknowledgementDue));
        }

        // The lead: the items one service has (its date and its chase), named nowhere else.
        let leads: Vec<(usize, &Item)> = items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.kind == ack && !i.label.contains("a copy of your letter"))
            .collect();
        let lead_chase: Vec<(usize, &Item)> = items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.kind == ItemKind::Chase && !i.label.ends_with("their copy"))
            .collect();
        let lead = route.primary.name();
        let mut order = Vec::new();
        match case.lead {
            Some((due, chase)) => {
                assert_eq!(leads.len(), 1, "{name}: {shown:#?}");
                assert_eq!(leads[0].1.date, Some(date(due)), "{name}");
                assert_eq!(lead_chase.len(), 1, "{name}: {shown:#?}");
                assert_eq!(lead_chase[0].1.date, Some(date(chase)), "{name}");
                assert!(lead_chase[0].1.note.contains("chaser letter"), "{name}");
                order.push(leads[0].0);
            }
            None => assert!(leads.is_empty() && lead_chase.is_empty(), "{name}"),
        }

        // Each copy: its own date to say it got it, by its own rules, and its own chase.
        let mut strands = usize::from(case.lead.is_some());
        for (copy, (body, dates)) in route.copies.iter().zip(case.copies) {
            // Bodies due the same day share one item: its label names each of them.
            let names = |i: &Item| i.label.contains(body) || i.label.contains(&in_sentence(body));
            let got: Vec<(usize, &Item)> = items
                .iter()
                .enumerate()
                .filter(|(_, i)| {
                    i.kind == ItemKind::CopyAcknowledgement
                        && i.label.contains("a copy of your letter. ")
                        && names(i)
                })
                .collect();
            let chased: Vec<(usize, &Item)> = items
                .iter()
                .enumerate()
                .filter(|(_, i)| {
                    i.kind == ItemKind::CopyChase
                        && i.label.ends_with("said they got their copy")
                        && names(i)
                })
                .collect();
            let Some((due, chase)) = dates else {
                assert!(got.is_empty() && chased.is_empty(), "{name}: {shown:#?}");
                continue;
            };
            strands += 1;
            assert_eq!(got.len(), 1, "{name}: {body}: {shown:#?}");
            assert_eq!(got[0].1.date, Some(date(due)), "{name}: {body}");
            // Its own rule, said once: empty when an earlier item already says the same words.
            let said_before = |at: usize, note: &str| items[..at].iter().any(|i| i.note == note);
            let own = &copy.deadlines[0].note;
            assert!(
                got[0].1.note == *own || (got[0].1.note.is_empty() && said_before(got[0].0, own)),
                "{name}: its own rule: {:?}",
                got[0].1.note
            );
            assert_eq!(chased.len(), 1, "{name}: {body}: {shown:#?}");
            assert_eq!(chased[0].1.date, Some(date(chase)), "{name}: {body}");
            let asks = |note: &str| note.contains(&in_sentence(&lead));
            assert!(
                asks(&chased[0].1.note)
                    || (chased[0].1.note.is_empty()
                        && items[..chased[0].0]
                            .iter()
                            .any(|i| i.kind == ItemKind::CopyChase && asks(&i.note))),
                "{name}: the chase asks them to work with the lead: {}",
                chased[0].1.note
            );
            order.push(got[0].0);
        }
        // Nothing else to say it got it, or to chase, than one of each per strand, with the
        // strands due the same day sharing one.
        let chases = items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::Chase | ItemKind::CopyChase))
            .count();
        let lead_day = case.lead.map(|(due, _)| due);
        let mut copy_days: Vec<&str> = case
            .copies
            .iter()
            .filter_map(|(_, d)| d.map(|(due, _)| due))
            .collect();
        copy_days.dedup();
        assert_eq!(
            chases,
            usize::from(lead_day.is_some()) + copy_days.len(),
            "{name}: {shown:#?}"
        );
        assert!(strands >= chases, "{name}");

        // What is to come in date order, passed dates after it, undated last; on the same day
        // the lead comes first, then the copies in the letter's order.
        let key = |i: &Item| match i.date {
            Some(d) if d >= today => (0, Some(d)),
            Some(d) => (1, Some(d)),
            None => (2, None),
        };
        let keys: Vec<_> = items.iter().map(key).collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{name}: {shown:#?}");
        assert_eq!(
            keys.iter().any(|k| k.0 == 1),
            case.passed,
            "{name}: {shown:#?}"
        );
        assert!(order.windows(2).all(|w| w[0] <= w[1]), "{name}: {order:?}");

        // Easy Read names the same places, and says every dated thing with its date.
        let easy = timeline::easy_read(&route, &items);
        for body in &copies {
            let line = format!("Send a copy of the same letter to {body}.");
            assert!(easy.contains(&line), "{name}: {easy:#?}");
        }
        for item in items.iter().filter(|i| i.kind != ItemKind::Send) {
            let when = item.date.map(|d| d.long()).unwrap_or_default();
            assert!(
                easy.iter()
                    .any(|l| l.contains(&item.label) && l.contains(&when)),
                "{name}: {} on {when} is in {easy:#?}",
                item.label
            );
        }

        // A reminder for every dated item, none replacing another.
        let ics = timeline::ics(&items, today);
        let mut uids: Vec<&str> = ics.lines().filter(|l| l.starts_with("UID:")).collect();
        let dated = items.iter().filter(|i| i.date.is_some()).count();
        uids.sort_unstable();
        uids.dedup();
        assert_eq!(uids.len(), dated, "{name}");
    }
}

/// The lead's own items keep their labels, dates and notes: the copies only add to what
/// happens next.
#[test]
fn the_lead_keeps_its_dates_and_notes() {
    for case in CASES {
        let today = date(case.today);
        let a = answers(case);
        let several = route_answers(&a, today);
        let alone = Route {
            copies: Vec::new(),
            ..several.clone()
        };
        let strip = |items: Vec<Item>| -> Vec<(ItemKind, Option<Date>, String, String)> {
            items
                .into_iter()
                .filter(|i| {
                    !several.copies.iter().any(|c| {
                        let body = c.recipient.name();
                        let names =
                            i.label.contains(&body) || i.label.contains(&in_sentence(&body));
                        names
                            && (i.label.contains("a copy of your letter")
                                || i.label.starts_with("Chase") && i.label.ends_with("their copy"))
                    })
                })
                .map(|i| (i.kind, i.date, i.label, i.note))
                .collect()
        };
        assert_eq!(
            strip(timeline::timeline(&a, &several, today)),
            strip(timeline::timeline(&a, &alone, today)),
            "{}",
            case.name
        );
        // One service: the shorter labels, with no names.
        for item in timeline::timeline(&a, &alone, today) {
            assert!(
                !item.label.contains("leads on your complaint")
                    && !item.label.contains("has a copy"),
                "{}: {}",
                case.name,
                item.label
            );
        }
    }
}

/// A later stage follows the complaint already made: no copies, so no strands.
#[test]
fn no_strands_after_the_first_complaint() {
    let case = &CASES[0];
    let today = date(case.today);
    for stage in [Stage::NoAcknowledgement, Stage::FinalResponseUnhappy] {
        let mut a = answers(case);
        a.situation.stage = Some(stage);
        let route = route_answers(&a, today);
        assert!(route.copies.is_empty(), "{stage:?}");
        for item in timeline::timeline(&a, &route, today) {
            assert!(
                !item.label.contains("has a copy") && !item.label.contains("leads on"),
                "{stage:?}: {}",
                item.label
            );
        }
    }
}
