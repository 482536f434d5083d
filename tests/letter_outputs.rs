#![cfg(not(target_arch = "wasm32"))]
//! Every output of a letter keeps the person's words exactly: plain text (which the page shows,
//! prints, copies and downloads), the Word document and the email link. The calendar file is
//! read back by an independent iCalendar parser, and the Word document by a ZIP reader and an XML
//! parser.

use in_my_words::data::data;
use in_my_words::domain::answers::{has_text, Answers, ContactMethod, ReplyProblem, Who};
use in_my_words::domain::date::Date;
use in_my_words::domain::docx::{document_xml, docx};
use in_my_words::domain::letter::{
    consent_form, follow_ups, letter, write, Letter, LetterKind, Style,
};
use in_my_words::domain::mailto::{mailto, too_long, SAFE_LENGTH};
use in_my_words::domain::route::{route, DeadlineKind};
use in_my_words::domain::situation::{Nation, Service, Situation, Stage, WhenItHappened, YesNo};
use in_my_words::domain::timeline::{self, Item, ItemKind};
use proptest::prelude::*;
use std::io::Read;

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

fn answers(words: &str) -> Answers {
    let mut a = Answers {
        what_happened: words.to_string(),
        ..Answers::default()
    };
    a.situation = Situation {
        nation: Some(Nation::England),
        area: Some("east-sussex".into()),
        service: Some(Service::GpPractice),
        stage: Some(Stage::NotRaised),
        when: Some(WhenItHappened::OnDate {
            date: Date::new(2026, 10, 2).unwrap(),
        }),
        ..Situation::default()
    };
    a.contact.name = "Sam Example".into();
    a.contact.methods = vec![ContactMethod::Post];
    a.contact.address = "1 High Street\nHastings".into();
    a
}

fn main_letter(a: &Answers) -> Letter {
    letter(a, &route(&a.situation, data(), today()), today())
}

fn check_text(words: &str) -> Result<(), TestCaseError> {
    let letter = main_letter(&answers(words));
    prop_assert!(letter.to_text().contains(words), "text keeps the words");
    Ok(())
}

/// Text that mixes anything Unicode allows with the characters most likely to cause harm:
/// markup, entities, quotes, right-to-left and zero-width marks, emoji and line breaks.
fn risky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => any::<char>().prop_map(String::from),
        1 => Just("<script>alert('x')</script>".to_string()),
        1 => Just("</div><b onmouseover=\"x\">".to_string()),
        1 => Just("&amp; &lt; & < > \" '".to_string()),
        1 => Just("\u{202e}\u{200f}مرحبا שלום\u{200b}\u{200d}\u{feff}".to_string()),
        1 => Just("👩🏽‍⚕️🏳️‍🌈 ".to_string()),
        1 => Just("\n".to_string()),
        1 => Just("\r\n\r\n  ".to_string()),
        1 => Just("\t".to_string()),
    ];
    prop::collection::vec(piece, 1..60).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_appears_exactly(words in risky_text()) {
        prop_assume!(has_text(&words));
        check_text(&words)?;
    }

    #[test]
    fn any_text_comes_back_from_the_word_document(words in risky_text()) {
        prop_assume!(has_text(&words));
        let letter = main_letter(&answers(&words));
        let paragraphs = docx_paragraphs(&docx(&letter, false));
        // Line breaks become paragraphs, and characters XML cannot hold are left out.
        let expected: String = words
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|c| !matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}'))
            .collect();
        prop_assert!(paragraphs.join("\n").contains(&expected));
    }
}

#[test]
fn a_very_long_account_is_kept_whole() {
    let pattern = "Line with <b>bold</b> & \"quotes\" 👍🏿 \u{202e}rtl\u{202c}\u{200b}\n";
    let mut words = String::new();
    while words.chars().count() < 200_000 {
        words.push_str(pattern);
    }
    let words: String = words.chars().take(200_000).collect();
    assert_eq!(words.chars().count(), 200_000);
    check_text(&words).unwrap();
    let letter = main_letter(&answers(&words));
    let paragraphs = docx_paragraphs(&docx(&letter, true));
    assert!(paragraphs.join("\n").contains(&words));
}

/// Unzips a `.docx` and returns the text of each paragraph of `word/document.xml`, with
/// `<w:tab/>` read back as a tab.
fn docx_paragraphs(bytes: &[u8]) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid ZIP");
    let mut names: Vec<String> = archive.file_names().map(String::from).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/styles.xml"
        ]
    );
    for name in &names {
        // Reading each entry to the end makes the zip crate check its CRC-32.
        let mut text = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    doc.descendants()
        .filter(|n| n.tag_name().name() == "p")
        .map(|p| {
            p.descendants()
                .filter_map(|n| match n.tag_name().name() {
                    "t" => Some(n.text().unwrap_or("").to_string()),
                    "tab" => Some("\t".to_string()),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_word_document_keeps_script_text_and_line_breaks() {
    let words = "<script>alert(1)</script>\n\n  Indented & \"quoted\"\tafter a tab\nlast line";
    let letter = main_letter(&answers(words));
    let bytes = docx(&letter, false);
    let paragraphs = docx_paragraphs(&bytes);
    let at = paragraphs
        .iter()
        .position(|p| p == "<script>alert(1)</script>")
        .expect("the first line is its own paragraph");
    assert_eq!(
        paragraphs[at..at + 4],
        [
            "<script>alert(1)</script>",
            "",
            "  Indented & \"quoted\"\tafter a tab",
            "last line"
        ]
    );
    assert!(!document_xml(&letter).contains("<script>"));
    // The same letter always gives the same bytes.
    assert_eq!(bytes, docx(&letter, false));
    // The subject is bold.
    assert!(document_xml(&letter)
        .contains("<w:b/></w:rPr><w:t xml:space=\"preserve\">Formal complaint"));
}

#[test]
fn supporter_notes_never_appear_in_any_output() {
    const SECRET: &str = "PRIVATE-NOTE-7f3a";
    for stage in Stage::ALL {
        let mut a = answers("They would not see me.");
        a.who = Some(Who::HelpingSomeone);
        a.supporter.name = "Sam Patel".into();
        a.supporter.person_agrees = Some(YesNo::Yes);
        a.supporter.may_share_with_supporter = Some(YesNo::Yes);
        a.supporter.notes = SECRET.into();
        a.situation.stage = Some(stage);
        a.situation.service = Some(Service::GpRemovalOrSas);
        a.contact.methods.push(ContactMethod::Email);
        a.contact.email = "sam@example.org".into();
        let r = route(&a.situation, data(), today());
        let mut letters = vec![letter(&a, &r, today()), consent_form(&a, &r, today())];
        for kind in [
            LetterKind::Complaint,
            LetterKind::Chaser,
            LetterKind::NotSatisfied,
            LetterKind::Ombudsman,
            LetterKind::SasReview,
        ] {
            letters.push(write(kind, &a, &r, today(), Some(today())));
        }
        for l in &letters {
            for output in [
                l.to_text(),
                document_xml(l),
                mailto("a@example.org", l.subject(), &l.to_text()),
            ] {
                assert!(!output.contains(SECRET), "{:?} at {stage:?}", l.kind);
                assert!(!output.contains("PRIVATE"), "{:?} at {stage:?}", l.kind);
            }
        }
        let items = timeline::timeline(&a, &r, today());
        assert!(!timeline::to_text(&items).contains(SECRET));
        assert!(!timeline::ics(&items, today()).contains(SECRET));
        // The supporter is named, in the person's voice.
        assert!(letters[0]
            .to_text()
            .contains("Sam Patel has helped me to write this letter."));
    }
}

#[test]
fn every_kind_of_letter_has_the_words_and_a_sign_off() {
    let words = "Nobody listened.\nNot once.";
    for stage in Stage::ALL {
        for service in Service::ALL {
            for nation in Nation::ALL {
                let mut a = answers(words);
                a.situation.stage = Some(stage);
                a.situation.service = Some(service);
                a.situation.nation = Some(nation);
                a.situation.area = None;
                let r = route(&a.situation, data(), today());
                let main = letter(&a, &r, today());
                let mut all = vec![main];
                for kind in follow_ups(&a, &r) {
                    all.push(write(kind, &a, &r, today(), None));
                }
                for l in all {
                    let text = l.to_text();
                    // Chasing a late answer is about the delay; it does not repeat the account.
                    if l.kind == LetterKind::Chaser && stage == Stage::NoResponseInTime {
                        assert!(text.contains("overdue"));
                        continue;
                    }
                    assert!(text.contains(words), "{:?} {stage:?} {service:?}", l.kind);
                    assert!(text.contains("Yours faithfully,"), "{:?}", l.kind);
                    assert!(!l.subject().is_empty());
                    assert!(l.blocks.iter().any(|b| b.style == Style::Words));
                }
            }
        }
    }
}

/// Undoes RFC 5545 TEXT escaping.
fn unescape_ics(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn parse_ics(text: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser.next().expect("one calendar").expect("parses");
    assert!(parser.next().is_none(), "only one calendar");
    calendar
}

fn prop<'a>(props: &'a [ical::property::Property], name: &str) -> &'a str {
    props
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
        .unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn calendar_reminders_parse_back_with_their_dates() {
    let a = answers("They would not see me.");
    let r = route(&a.situation, data(), today());
    let items = timeline::timeline(&a, &r, today());
    let text = timeline::ics(&items, today());
    for line in text.split_inclusive("\r\n") {
        assert!(line.ends_with("\r\n"), "CRLF line endings");
        assert!(line.len() <= 77, "folded at 75 octets: {line:?}");
        assert!(!line.trim_end_matches("\r\n").contains(['\r', '\n']));
    }
    let calendar = parse_ics(&text);
    assert_eq!(prop(&calendar.properties, "VERSION"), "2.0");
    assert!(prop(&calendar.properties, "PRODID").contains("In My Words"));
    let dated: Vec<&Item> = items.iter().filter(|i| i.date.is_some()).collect();
    assert_eq!(calendar.events.len(), dated.len());
    for (event, item) in calendar.events.iter().zip(&dated) {
        let p = &event.properties;
        let day = item.date.unwrap().to_string().replace('-', "");
        assert_eq!(prop(p, "DTSTART"), day);
        let start = p.iter().find(|x| x.name == "DTSTART").unwrap();
        assert_eq!(
            start.params.as_ref().unwrap()[0],
            ("VALUE".to_string(), vec!["DATE".to_string()])
        );
        assert_eq!(prop(p, "DTSTAMP"), "20261123T000000Z");
        // A lock screen shows only the neutral title; what it is about is inside.
        assert_eq!(prop(p, "SUMMARY"), "Reminder");
        assert_eq!(
            unescape_ics(prop(p, "DESCRIPTION")),
            format!("{}\n\n{}", item.label, item.note)
        );
        assert!(prop(p, "UID").ends_with("@in-my-words"));
        assert_eq!(event.alarms.len(), 1);
        assert_eq!(prop(&event.alarms[0].properties, "ACTION"), "DISPLAY");
        assert_eq!(prop(&event.alarms[0].properties, "DESCRIPTION"), "Reminder");
    }
    // The acknowledgement, the chase and the ombudsman's time limit are all there.
    let kinds: Vec<ItemKind> = items.iter().map(|i| i.kind).collect();
    assert!(kinds.contains(&ItemKind::Deadline(DeadlineKind::AcknowledgementDue)));
    assert!(kinds.contains(&ItemKind::Chase));
    assert!(kinds.contains(&ItemKind::Deadline(DeadlineKind::OmbudsmanBy)));
    // UIDs are unique and the same every time.
    let mut uids: Vec<&str> = calendar
        .events
        .iter()
        .map(|e| prop(&e.properties, "UID"))
        .collect();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), calendar.events.len());
    assert_eq!(text, timeline::ics(&items, today()));
}

#[test]
fn calendar_text_with_punctuation_emoji_and_line_breaks_is_folded_and_escaped() {
    let note = "Call them, then write; keep a copy \\ note the date.\nSecond line 📅📅📅 — café, naïve; done.\r\nThird line with a long tail that certainly needs folding across lines 😀😀😀😀";
    let item = Item {
        kind: ItemKind::Chase,
        date: Date::new(2027, 2, 28),
        label: "Chase: them, today; now 😀".into(),
        note: note.into(),
    };
    let text = timeline::ics(std::slice::from_ref(&item), today());
    assert!(text.contains("\r\n "), "long lines are folded");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?}");
    }
    let calendar = parse_ics(&text);
    let p = &calendar.events[0].properties;
    assert_eq!(prop(p, "DTSTART"), "20270228");
    assert_eq!(prop(p, "DTEND"), "20270301");
    assert_eq!(prop(p, "SUMMARY"), "Reminder");
    assert_eq!(
        unescape_ics(prop(p, "DESCRIPTION")),
        format!("{}\n\n{}", item.label, note.replace("\r\n", "\n"))
    );
}

/// Percent-decodes one part of a `mailto:` link.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn mailto_links_round_trip_and_warn_when_too_long() {
    let a = answers("Short: \"they\" said & left?\r\nNext line = 50% worse #1 👍");
    let l = main_letter(&a);
    // The letter page puts the whole letter, as shown, into the email.
    let link = mailto("complaints@example.nhs.uk", l.subject(), &l.to_text());
    let rest = link.strip_prefix("mailto:").unwrap();
    let (to, query) = rest.split_once('?').unwrap();
    assert_eq!(to, "complaints@example.nhs.uk");
    let (subject, body) = query.split_once('&').unwrap();
    assert_eq!(
        decode(subject.strip_prefix("subject=").unwrap()),
        l.subject()
    );
    let body = decode(body.strip_prefix("body=").unwrap());
    let expected = l.to_text().replace("\r\n", "\n").replace('\n', "\r\n");
    assert_eq!(body, expected);
    assert!(body.contains("Short: \"they\" said & left?\r\nNext line = 50% worse #1 👍"));
    // Only unreserved characters and percent-escapes are left in the link.
    assert!(link[7..]
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-._~%@?=&".contains(c)));
    assert!(!too_long(&link), "{} characters", link.len());
    let long = main_letter(&answers(&"word ".repeat(400)));
    let long_link = mailto("a@example.org", long.subject(), &long.to_text());
    assert!(long_link.len() > SAFE_LENGTH && too_long(&long_link));
}

/// The Easy Read page says where to send it, every dated thing to expect with its date, the
/// next place to go and the first free help, each in a short line of its own, and nothing the
/// route does not say.
#[test]
fn easy_read_has_one_short_line_per_idea_from_the_route_and_timeline() {
    let a = answers("They cancelled my prescription.");
    let r = route(&a.situation, data(), today());
    let items = timeline::timeline(&a, &r, today());
    let lines = timeline::easy_read(&r, &items);
    assert!(lines[0].contains(&r.primary.name()), "{lines:?}");
    for item in items.iter().filter(|i| i.kind != ItemKind::Send) {
        let date = item.date.map(|d| d.long()).unwrap_or_default();
        assert!(
            lines
                .iter()
                .any(|l| l.contains(&item.label) && l.contains(&date)),
            "{} on {date} is in {lines:?}",
            item.label
        );
    }
    let next = r.escalation.first().expect("a GP complaint can go further");
    assert!(lines.iter().any(|l| l.contains(&next.name())), "{lines:?}");
    let help = r.free_help.first().expect("free help in East Sussex");
    assert!(lines.iter().any(|l| l.contains(&help.name)), "{lines:?}");
    for line in &lines {
        // One idea each: one sentence (a question and its answer at most), and short once the
        // names, which are as long as they are, are left out.
        let mut plain = line.clone();
        for name in [r.primary.name(), next.name(), help.name.clone()] {
            plain = plain.replace(&name, "them");
        }
        for item in &items {
            plain = plain.replace(&item.label, "it");
        }
        assert!(plain.split_whitespace().count() <= 12, "{line}");
        assert!(plain.matches(['.', '?']).count() <= 2, "{line}");
    }
}

/// Answers after the service's final answer, with what was wrong with it.
fn after_final_answer(reply_words: &str, problems: &[ReplyProblem]) -> Answers {
    let mut a = answers("They cancelled my prescription without telling me.");
    a.situation.stage = Some(Stage::FinalResponseUnhappy);
    a.reply_words = reply_words.to_string();
    a.reply_problems = problems.iter().map(|p| p.id().to_string()).collect();
    a
}

fn letter_of(kind: LetterKind, a: &Answers) -> String {
    write(
        kind,
        a,
        &route(&a.situation, data(), today()),
        today(),
        None,
    )
    .to_text()
}

/// What was wrong with the final answer goes into both letters that come after it, in their
/// words exactly; the "not satisfied" letter says it instead of retelling the complaint, the
/// ombudsman letter (which has never seen the complaint) says both.
#[test]
fn what_was_wrong_with_their_answer_is_in_the_letters_after_it() {
    let words = "They said I missed appointments.\nI was in hospital 🏥 then.";
    let a = after_final_answer(words, &[ReplyProblem::FactsWrong, ReplyProblem::NoApology]);
    let unhappy = letter_of(LetterKind::NotSatisfied, &a);
    for part in [
        "What was wrong with the final response:",
        "It got some of the facts wrong.",
        "It did not apologise.",
        words,
    ] {
        assert!(unhappy.contains(part), "{part}\n{unhappy}");
    }
    assert!(!unhappy.contains("It did not answer all of my points."));
    assert!(
        !unhappy.contains(&a.what_happened),
        "the service has the complaint already:\n{unhappy}"
    );
    let ombudsman = letter_of(LetterKind::Ombudsman, &a);
    assert!(ombudsman.contains(&a.what_happened), "{ombudsman}");
    assert!(ombudsman.contains(words), "{ombudsman}");
    assert!(
        ombudsman.contains("It got some of the facts wrong."),
        "{ombudsman}"
    );

    // Nothing said about the answer: the "not satisfied" letter retells the complaint, as
    // before, and neither letter has an empty heading.
    let quiet = after_final_answer("  \n", &[]);
    let unhappy = letter_of(LetterKind::NotSatisfied, &quiet);
    assert!(unhappy.contains(&quiet.what_happened), "{unhappy}");
    for kind in [LetterKind::NotSatisfied, LetterKind::Ombudsman] {
        assert!(!letter_of(kind, &quiet).contains("What was wrong with the final response"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Whatever they wrote about the answer reaches both letters exactly, with no panic.
    #[test]
    fn any_words_about_their_answer_appear_exactly(words in risky_text()) {
        prop_assume!(has_text(&words));
        let a = after_final_answer(&words, &[ReplyProblem::TooLate]);
        for kind in [LetterKind::NotSatisfied, LetterKind::Ombudsman] {
            prop_assert!(letter_of(kind, &a).contains(&words), "{:?}", kind);
        }
    }
}

/// A complaint about several services: one letter names where the copies go, carries the
/// person's own words about the others exactly, asks for one joined-up answer, and the consent
/// form covers every organisation.
#[test]
fn several_services_one_letter_with_copies_and_one_consent() {
    use in_my_words::domain::route::add_copies;
    let mut a = answers("The GP stopped my prescriptions and the pharmacy had nothing.");
    a.other_services = vec![
        "pharmacy".into(),
        "council-social-care".into(),
        "pharmacy".into(),
    ];
    a.other_names = "Boots, High St 💊\nand the council's team".into();
    let mut r = route(&a.situation, data(), today());
    add_copies(&mut r, &a.situation, &a.also(), data(), today());
    let names: Vec<String> = r.copies.iter().map(|c| c.recipient.name()).collect();
    assert_eq!(names.len(), 2, "one copy each, repeats left out: {names:?}");
    let text = write(LetterKind::Complaint, &a, &r, today(), None).to_text();
    assert!(
        text.contains("I am sending a copy of this letter to:"),
        "{text}"
    );
    for name in &names {
        assert!(text.contains(&format!("- {name}")), "{name}\n{text}");
    }
    assert!(
        text.contains(&a.other_names),
        "their words about the others, exactly\n{text}"
    );
    assert!(text.contains(&a.what_happened));
    assert!(text.contains("Please send me one joined-up answer."));
    let easy = timeline::easy_read(&r, &timeline::timeline(&a, &r, today()));
    for name in &names {
        assert!(
            easy.contains(&format!("Send a copy of the same letter to {name}.")),
            "Easy Read names each copy: {easy:?}"
        );
    }
    let form = write(LetterKind::ConsentForm, &a, &r, today(), None).to_text();
    for name in names.iter().chain([&r.primary.name()]) {
        assert!(
            form.contains(&format!("- {name}")),
            "the consent form names {name}\n{form}"
        );
    }
    // One service only: nothing about copies anywhere.
    let single = answers("The GP stopped my prescriptions.");
    let r = route(&single.situation, data(), today());
    let text = write(LetterKind::Complaint, &single, &r, today(), None).to_text();
    assert!(!text.contains("copy of this letter"), "{text}");
}

#[test]
fn a_date_that_has_passed_never_leads_the_timeline() {
    // Long ago, in every nation, for every service and stage: what happens next starts with
    // what is still to come, and any time limit that has gone comes after it.
    let mut checked = 0;
    let mut passed_seen = 0;
    for nation in Nation::ALL {
        for service in Service::ALL {
            for stage in Stage::ALL {
                let mut a = answers("It happened years ago.");
                a.situation.nation = Some(nation);
                a.situation.area = None;
                a.situation.service = Some(service);
                a.situation.stage = Some(stage);
                a.situation.when = Some(WhenItHappened::OnDate {
                    date: Date::new(2022, 3, 1).unwrap(),
                });
                let r = route(&a.situation, data(), today());
                let items = timeline::timeline(&a, &r, today());
                let dates: Vec<Option<Date>> = items.iter().map(|i| i.date).collect();
                let first_past = dates.iter().position(|d| d.is_some_and(|d| d < today()));
                let last_future = dates.iter().rposition(|d| d.is_some_and(|d| d >= today()));
                if let (Some(past), Some(future)) = (first_past, last_future) {
                    assert!(
                        past > future,
                        "{nation:?} {service:?} {stage:?}: a passed date comes before what is to come: {:?}",
                        items.iter().map(|i| (&i.label, i.date)).collect::<Vec<_>>()
                    );
                }
                passed_seen += usize::from(first_past.is_some());
                if let Some(first) = items.first() {
                    assert!(
                        first.date.is_none_or(|d| d >= today()),
                        "{nation:?} {service:?} {stage:?}"
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 100);
    assert!(
        passed_seen > 0,
        "some of these have a time limit that has passed"
    );
}
