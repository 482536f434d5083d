#![cfg(not(target_arch = "wasm32"))]
//! No text a person can type stops the app, and their words come out exactly as typed.
//!
//! The release build stops dead on a panic (`panic = "abort"`), so one emoji in the wrong box
//! once closed the whole app ("BN1 1AA 👍" in the postcode box: the inward code was cut inside
//! the emoji). These properties feed arbitrary Unicode into every public function that takes
//! something a person typed: any character, combining accents, emoji with skin tones and
//! zero-width joiners, right-to-left scripts and direction controls, zero-width characters, "½",
//! escapes that look like lone surrogates, NUL, line breaks and tabs, and ASCII shaped like
//! postcodes, dates, phone and NHS numbers. Each checks that nothing panics and, where the
//! person's words go somewhere, that they arrive unchanged: in the letter, the
//! Word document, the email link (or a clear "too long" instead of cut words), the calendar
//! file, the saved draft and the messages to the letter tools. One plain test does it all once
//! more with a 200,000-character text.

use in_my_words::data::check_schema::{fold_case, normalise, word_ranges, words_of, FlagKind};
use in_my_words::data::{data, journey};
use in_my_words::domain::answers::{has_text, AccessNeed, Answers, ContactMethod, Want, Who};
use in_my_words::domain::check::{check, nhs_number_is_valid, sentences, Flag};
use in_my_words::domain::codec::{
    answers_from_layout, base64_decode, base64_encode, decode, encode,
};
use in_my_words::domain::date::{days_in_month, Date};
use in_my_words::domain::docx::docx;
use in_my_words::domain::envelope::Envelope;
use in_my_words::domain::interview::{
    apply, is_late, next, parse_month, previous, resume, Edit, Page, Step, TextField, WhenChoice,
    WhenInput,
};
use in_my_words::domain::letter::{
    consent_form, letter, letter_text, main_kind, write, LetterKind,
};
use in_my_words::domain::mailto::{letter_link, mailto, too_long, SAFE_LENGTH};
use in_my_words::domain::route::{in_sentence, route, DeadlineKind, Route};
use in_my_words::domain::situation::{
    Nation, PrivateCareKind, Service, ServiceGroup, Stage, WhenItHappened, YesNo,
};
use in_my_words::domain::timeline::{self, escape_text, Item, ItemKind};
use in_my_words::domain::tools::{
    handle, template_key, FileKind, OwnField, Prepared, Reply, Request,
};
use proptest::prelude::*;
use std::io::Read;
use std::time::Instant;

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

// ---------------------------------------------------------------------------------------------
// What people type.

const EMOJI: &[&str] = &["👍", "👍🏿", "👩🏽‍⚕️", "🏳️‍🌈", "👨‍👩‍👧‍👦", "🧑🏻‍🦽", "❤️", "🇬🇧", "😀", "🫶🏼"];
const RIGHT_TO_LEFT: &[&str] = &[
    "مرحبا",
    "لم يساعدني أحد",
    "שלום",
    "הרופא לא ענה",
    "\u{fdfd}",
];
/// Direction marks and controls, and zero-width characters.
const INVISIBLE: &[&str] = &[
    "\u{200e}", "\u{200f}", "\u{202a}", "\u{202b}", "\u{202c}", "\u{202d}", "\u{202e}", "\u{2066}",
    "\u{2067}", "\u{2068}", "\u{2069}", "\u{200b}", "\u{200c}", "\u{200d}", "\u{feff}",
];
/// Text that looks like a broken character to a program that reads escapes.
const ESCAPES: &[&str] = &[
    "\\uD800",
    "\\uDFFF",
    "\\u{D800}",
    "\\ud83d\\ude00",
    "&#xD800;",
    "%ED%A0%80",
    "\\x00",
    "\\",
];
const BREAKS: &[&str] = &[
    "\0", "\r", "\n", "\r\n", "\t", "\u{b}", "\u{c}", "\u{85}", "\u{2028}", "\u{2029}", " ",
    "\u{a0}",
];
/// Words the "Before you send" check reacts to, so its flags are tested with odd text around.
const PHRASES: &[&str] = &[
    "I will kill you",
    "my neighbour John Smith",
    "Dr. Patel said ",
    "I WAS SHOUTING AT THEM ALL",
    "f**k",
    "943 476 5919",
    "born 12/03/1985",
    "e.g. ",
    "... ",
    "she said \"I'll hurt you\"",
    "Mrs. O’Brien",
    "call me on 07700 900123",
    "<b>&amp;</b>",
];

fn select(options: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(options).prop_map(String::from)
}

/// One piece of typed text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => any::<char>().prop_map(String::from),
        3 => (0x300u32..=0x36f).prop_map(|c| char::from_u32(c).unwrap_or('a').to_string()),
        2 => select(EMOJI),
        2 => select(RIGHT_TO_LEFT),
        2 => select(INVISIBLE),
        1 => Just("½".to_string()),
        1 => select(ESCAPES),
        3 => select(BREAKS),
        2 => select(PHRASES),
        2 => shaped("[a-z]{1,8} "),
        1 => shaped("[A-Za-z]{1,2}[0-9][0-9A-Za-z]? ?[0-9][A-Za-z]{2}"),
        1 => shaped("[0-9]{1,2}[/. -][0-9]{1,2}[/. -][0-9]{2,4}"),
        1 => shaped("[0-9]{4}-[0-9]{2}-[0-9]{2}"),
        1 => shaped("(\\+44 ?(\\(0\\))?|0)[0-9]{4} ?[0-9]{3} ?[0-9]{3}"),
        1 => shaped("[0-9]{3} [0-9]{3} [0-9]{4}"),
    ]
}

/// ASCII of a given shape (a postcode, a date, a phone number). The pattern is read once here,
/// not once per value, which keeps the properties quick.
fn shaped(pattern: &str) -> impl Strategy<Value = String> {
    proptest::string::string_regex(pattern).expect("a valid pattern")
}

/// Anything a person might type or paste into one box.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|pieces| pieces.concat())
}

/// A date box: mostly numbers and month names, with odd characters around them.
fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => shaped("[0-9]{1,4}"),
        2 => shaped("(jan|feb|mar|april|May|JUNE|jul|aug|sept|oct|nov|dec)[a-z]{0,6}"),
        1 => shaped(" ?[+-]?[0-9]{1,12} ?"),
        3 => text(),
        1 => (select(INVISIBLE), shaped("[0-9]{1,4}"), select(EMOJI)).prop_map(|(a, b, c)| a + &b + &c),
        1 => (shaped("[0-9]{1,2}"), 0x300u32..=0x36f)
            .prop_map(|(n, c)| n + &char::from_u32(c).unwrap_or('a').to_string()),
    ]
}

/// Every box of the journey, in the order of [`TextField::ALL`].
const FIELDS: &[TextField] = TextField::ALL;

/// The area lookup the journey uses (by an area's id).
fn lookup(id: &str) -> Option<(String, Nation)> {
    journey().area(id).map(|a| (a.id.clone(), a.nation))
}

/// Types `text` into every box through [`apply`], as the pages do.
fn type_into(answers: &mut Answers, texts: &[String]) {
    for (field, text) in FIELDS.iter().copied().zip(texts) {
        apply(answers, Edit::Text(field, text.clone()), today(), lookup);
    }
}

fn some_of<T: Copy>(all: &[T], chosen: &[bool]) -> Vec<T> {
    all.iter()
        .zip(chosen)
        .filter(|(_, &on)| on)
        .map(|(&x, _)| x)
        .collect()
}

fn maybe<T: Clone + std::fmt::Debug + 'static>(values: Vec<T>) -> impl Strategy<Value = Option<T>> {
    prop::option::of(prop::sample::select(values))
}

/// When it happened: recent, long ago (so the letter says why it is late), rough or unsure.
fn any_when() -> impl Strategy<Value = Option<WhenItHappened>> {
    prop_oneof![
        Just(None),
        Just(Some(WhenItHappened::NotSure)),
        (0i64..4000).prop_map(|back| Some(WhenItHappened::OnDate {
            date: today().add_days(-back)
        })),
        (1990i32..=2026, 1u8..=12)
            .prop_map(|(year, month)| Some(WhenItHappened::AroundMonth { year, month })),
    ]
}

/// Answers with arbitrary text in every box and any mix of choices.
fn any_answers() -> impl Strategy<Value = Answers> {
    any_typed().prop_map(|(_, answers)| answers)
}

/// What was typed in each box (in the order of [`FIELDS`]), and the answers it made with any
/// mix of choices.
fn any_typed() -> impl Strategy<Value = (Vec<String>, Answers)> {
    let choices = (
        maybe(vec![Who::Myself, Who::HelpingSomeone]),
        maybe(Stage::ALL.to_vec()),
        maybe(Service::ALL.to_vec()),
        maybe(Nation::ALL.to_vec()),
        prop::collection::vec(any::<bool>(), Want::ALL.len()),
        prop::collection::vec(any::<bool>(), ContactMethod::ALL.len()),
        prop::collection::vec(any::<bool>(), AccessNeed::ALL.len()),
        any_when(),
        any::<bool>(),
        maybe(vec![YesNo::Yes, YesNo::No, YesNo::NotSure]),
        maybe(vec![YesNo::Yes, YesNo::No, YesNo::NotSure]),
        maybe(PrivateCareKind::ALL.to_vec()),
    );
    (
        prop::collection::vec(text(), FIELDS.len()),
        choices,
        maybe(vec![
            WhenChoice::ExactDate,
            WhenChoice::Roughly,
            WhenChoice::NotSure,
            WhenChoice::StillHappening,
        ]),
    )
        .prop_map(|(texts, c, when_choice)| {
            let (who, stage, service, nation, wants, methods, needs, when, hard, share, care, kind) =
                c;
            let mut a = Answers::default();
            a.when_input.choice = when_choice;
            type_into(&mut a, &texts);
            a.who = who;
            a.service_group = service.map(Service::group);
            a.situation.stage = stage;
            a.situation.service = service;
            a.situation.nation = nation;
            a.situation.when = when;
            a.situation.still_receiving_care = care;
            a.situation.private_care = kind;
            a.wants = some_of(&Want::ALL, &wants);
            a.contact.methods = some_of(&ContactMethod::ALL, &methods);
            a.access_needs = some_of(&AccessNeed::ALL, &needs);
            a.contact.phone_calls_hard = hard;
            a.supporter.may_share_with_supporter = share;
            (texts, a)
        })
}

// ---------------------------------------------------------------------------------------------
// Reading the outputs back.

/// Every line break (CRLF, LF or a lone CR) as one LF.
fn lf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// What a Word document can hold of `text`: one paragraph per line, and no characters that XML
/// 1.0 forbids (most control characters, U+FFFE and U+FFFF).
fn in_xml(text: &str) -> String {
    lf(text)
        .chars()
        .filter(|c| {
            !matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
        })
        .collect()
}

/// What a calendar TEXT value can hold of `text`: line breaks as LF, no control characters
/// other than tab (RFC 5545 section 3.3.11).
fn in_calendar(text: &str) -> String {
    lf(text)
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

/// Unzips a `.docx`, checks every part is well-formed XML and its CRC-32 is right, and returns
/// the document's paragraphs joined by line breaks (a `<w:tab/>` read as a tab).
fn docx_text(bytes: &[u8]) -> Result<String, TestCaseError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| TestCaseError::fail(format!("not a ZIP: {e}")))?;
    let names: Vec<String> = archive.file_names().map(String::from).collect();
    let mut document = String::new();
    for name in names {
        let mut xml = String::new();
        archive
            .by_name(&name)
            .and_then(|mut f| f.read_to_string(&mut xml).map_err(Into::into))
            .map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
        roxmltree::Document::parse(&xml)
            .map_err(|e| TestCaseError::fail(format!("{name} is not XML: {e}")))?;
        if name == "word/document.xml" {
            document = xml;
        }
    }
    let doc = roxmltree::Document::parse(&document).unwrap();
    let paragraphs: Vec<String> = doc
        .descendants()
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
        .collect();
    Ok(paragraphs.join("\n"))
}

/// Percent-decodes one part of a `mailto:` link.
fn percent_decode(text: &str) -> Result<String, TestCaseError> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| TestCaseError::fail("a broken %XX escape"))?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| TestCaseError::fail("escapes that are not UTF-8"))
}

/// The address, subject and body of a link made by `mailto`, decoded.
fn read_mailto(link: &str) -> Result<(String, String, Option<String>), TestCaseError> {
    prop_assert!(
        link.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~%@?=&:".contains(c)),
        "only unreserved characters and escapes: {link}"
    );
    let rest = link.strip_prefix("mailto:").unwrap_or_default();
    let (to, query) = rest.split_once('?').unwrap_or_default();
    let query = query.strip_prefix("subject=").unwrap_or_default();
    let (subject, body) = match query.split_once("&body=") {
        Some((s, b)) => (s, Some(percent_decode(b)?)),
        None => (query, None),
    };
    Ok((percent_decode(to)?, percent_decode(subject)?, body))
}

/// Line breaks as an email body carries them: CRLF.
fn crlf(text: &str) -> String {
    lf(text).replace('\n', "\r\n")
}

/// Checks every line is at most 75 octets with a CRLF ending, and returns the SUMMARY and
/// DESCRIPTION values, unfolded and unescaped, in order.
fn calendar_texts(ics: &str) -> Result<Vec<String>, TestCaseError> {
    let Some(lines) = ics.strip_suffix("\r\n") else {
        return Err(TestCaseError::fail("the file ends with CRLF"));
    };
    for line in lines.split("\r\n") {
        prop_assert!(line.len() <= 75, "folded at 75 octets: {:?}", line);
        prop_assert!(!line.contains(['\r', '\n']));
    }
    let unfolded = ics.replace("\r\n ", "");
    let mut out = Vec::new();
    for line in unfolded.split("\r\n") {
        for name in ["SUMMARY:", "DESCRIPTION:"] {
            if let Some(value) = line.strip_prefix(name) {
                out.push(unescape_ics(value));
            }
        }
    }
    Ok(out)
}

/// Undoes RFC 5545 TEXT escaping.
fn unescape_ics(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The checks each property makes.

/// Every flag points into `text` at whole characters: its sentence is exactly what was written
/// there, its spans are inside the sentence, in order, apart, and quoted in `matched`.
fn flags_point_into(text: &str, flags: &[Flag]) -> Result<(), TestCaseError> {
    let mut last_start = 0;
    for flag in flags {
        let s = &flag.sentence;
        prop_assert!(s.start <= s.end && s.end <= text.len(), "{:?}", flag);
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        prop_assert_eq!(&text[s.clone()], flag.sentence_text.as_str());
        prop_assert!(s.start >= last_start, "flags in text order");
        last_start = s.start;
        prop_assert!(!flag.spans.is_empty());
        let mut end = s.start;
        for span in &flag.spans {
            prop_assert!(end <= span.start && span.start < span.end && span.end <= s.end);
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            prop_assert!(flag.matched.contains(&text[span.clone()]));
            end = span.end;
        }
        prop_assert!(!flag.explanation.is_empty());
    }
    Ok(())
}

/// The check's reading of `text`: sentences and words at whole characters, flags pointing into
/// the text, and the text itself untouched.
fn check_reads(text: &str) -> Result<(), TestCaseError> {
    let before = text.to_string();
    let mut end = 0;
    for r in sentences(text) {
        prop_assert!(end <= r.start && r.start < r.end && r.end <= text.len());
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        end = r.end;
    }
    let mut end = 0;
    for r in word_ranges(text) {
        prop_assert!(end <= r.start && r.start < r.end && r.end <= text.len());
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        prop_assert!(!normalise(&text[r.clone()]).is_empty());
        end = r.end;
    }
    let _ = words_of(text);
    prop_assert_eq!(fold_case(text).chars().count(), text.chars().count());
    let _ = nhs_number_is_valid(text);
    flags_point_into(text, &check(text))?;
    prop_assert_eq!(text, before.as_str());
    Ok(())
}

/// The fields a letter quotes word for word, when they are given and the letter needs them:
/// the account, how it affected them, what else they want, other adjustments, and why it is
/// late when the time limit has passed.
fn own_words<'a>(a: &'a Answers, r: &Route) -> Vec<&'a str> {
    let late = r
        .deadlines
        .iter()
        .any(|d| d.kind == DeadlineKind::ComplainBy && d.date.is_some_and(|date| date < today()));
    let mut out = vec![a.what_happened.as_str(), a.how_it_affected.as_str()];
    if a.wants.contains(&Want::SomethingElse) {
        out.push(&a.want_other);
    }
    if a.access_needs.contains(&AccessNeed::Other) {
        out.push(&a.access_other);
    }
    if late {
        out.push(&a.late_reason);
    }
    out.retain(|w| has_text(w));
    out
}

/// Short answers the letter uses without the spaces around them (they are layout, not words):
/// the name, and the contact details the person chose.
fn short_answers(a: &Answers) -> Vec<&str> {
    let c = &a.contact;
    let mut out = vec![c.name.trim()];
    let uses = |m| c.methods.contains(&m);
    if uses(ContactMethod::Email) {
        out.push(c.email.trim());
    }
    if uses(ContactMethod::Phone) {
        out.push(c.phone.trim());
    }
    if uses(ContactMethod::Post) {
        out.extend(c.address.lines().map(str::trim));
    }
    if a.access_needs.contains(&AccessNeed::Interpreter) {
        out.push(a.interpreter_language.trim());
    }
    out.retain(|w| !w.is_empty());
    out
}

/// The complaint letter quotes every answer it uses exactly, in its text, its Word document and
/// its email link (or the link says it is too long).
fn complaint_keeps_the_words(a: &Answers) -> Result<(), TestCaseError> {
    let r = route(&a.situation, data(), today());
    let complaint = write(LetterKind::Complaint, a, &r, today(), None);
    let text = complaint.to_text();
    for words in own_words(a, &r) {
        prop_assert!(text.contains(words), "text keeps {:?}", words);
    }
    for words in short_answers(a) {
        prop_assert!(text.contains(words), "text keeps {:?}", words);
    }
    let word = docx_text(&docx(&complaint, false))?;
    for words in own_words(a, &r).into_iter().chain(short_answers(a)) {
        prop_assert!(word.contains(&in_xml(words)), "Word keeps {:?}", words);
    }
    // The letter page puts the whole letter, as shown, into the email.
    let body = text;
    let to = "complaints@example.nhs.uk";
    let full = mailto(to, complaint.subject(), &body);
    let (address, subject, decoded) = read_mailto(&full)?;
    prop_assert_eq!(address, to);
    prop_assert_eq!(subject, crlf(complaint.subject()));
    prop_assert_eq!(decoded, Some(crlf(&body)));
    match letter_link(to, complaint.subject(), &body) {
        Some(link) => {
            prop_assert_eq!(&link, &full);
            prop_assert!(link.chars().count() <= SAFE_LENGTH);
        }
        None => prop_assert!(too_long(&full), "only a link that is too long is refused"),
    }
    Ok(())
}

/// The letter tools: every template, filled with the answers, is exactly the letter written
/// from them; the Word document and calendar file read back; the check points into each text.
fn tools_keep_the_words(a: &Answers, large_print: bool) -> Result<(), TestCaseError> {
    let r = route(&a.situation, data(), today());
    let _ = template_key(a);
    let request = Request::Prepare {
        answers: Box::new(a.clone()),
        today: today(),
    };
    let Reply::Prepared(prepared) = handle(request) else {
        return Err(TestCaseError::fail("Prepare gets Prepared"));
    };
    let Prepared {
        letter: template,
        kind,
        others,
        timeline: items,
        ..
    } = *prepared;
    let filled = template.fill(a);
    prop_assert_eq!(&filled, &letter_text(a, &r, today()));
    prop_assert_eq!(kind, main_kind(a));
    let chasing_late =
        kind == LetterKind::Chaser && a.situation.stage == Some(Stage::NoResponseInTime);
    if has_text(&a.what_happened) && !chasing_late {
        prop_assert!(filled.contains(&a.what_happened));
    }
    for other in &others {
        let exact = if other.kind == LetterKind::ConsentForm {
            consent_form(a, &r, today())
        } else {
            write(other.kind, a, &r, today(), None)
        };
        prop_assert_eq!(other.letter.fill(a), exact.to_text(), "{:?}", other.kind);
    }

    let word = Request::File {
        answers: Box::new(a.clone()),
        today: today(),
        file: FileKind::Word { kind, large_print },
    };
    let Reply::File(file) = handle(word) else {
        return Err(TestCaseError::fail("File gets File"));
    };
    let document = docx_text(&file.bytes)?;
    let main = letter(a, &r, today());
    for block in &main.blocks {
        for line in &block.text {
            prop_assert!(document.contains(&in_xml(line)), "Word keeps {:?}", line);
        }
    }

    let calendar = Request::File {
        answers: Box::new(a.clone()),
        today: today(),
        file: FileKind::Calendar,
    };
    let Reply::File(file) = handle(calendar) else {
        return Err(TestCaseError::fail("File gets File"));
    };
    let ics = String::from_utf8(file.bytes).map_err(|_| TestCaseError::fail("UTF-8"))?;
    calendar_keeps(&ics, &items)?;

    let request = Request::Check {
        what_happened: a.what_happened.clone(),
        how_it_affected: a.how_it_affected.clone(),
    };
    // The request and reply cross to the worker as postcard bytes, and must arrive whole.
    let bytes = postcard::to_allocvec(&request).unwrap();
    prop_assert_eq!(&postcard::from_bytes::<Request>(&bytes).unwrap(), &request);
    let reply = handle(request);
    let bytes = postcard::to_allocvec(&reply).unwrap();
    prop_assert_eq!(&postcard::from_bytes::<Reply>(&bytes).unwrap(), &reply);
    let Reply::Checked(found) = reply else {
        return Err(TestCaseError::fail("Check gets Checked"));
    };
    for field in OwnField::ALL {
        let flags: Vec<Flag> = found
            .iter()
            .filter(|f| f.field == field)
            .map(|f| f.flag.clone())
            .collect();
        flags_point_into(field.text(a), &flags)?;
    }
    Ok(())
}

/// Every dated item's label and note can be read back from the calendar's SUMMARY and
/// DESCRIPTION values, as far as the file can hold them (how they are laid out between the
/// two is the calendar's own business).
fn calendar_keeps(ics: &str, items: &[Item]) -> Result<(), TestCaseError> {
    let values = calendar_texts(ics)?;
    for item in items.iter().filter(|i| i.date.is_some()) {
        for text in [&item.label, &item.note] {
            let kept = in_calendar(text);
            prop_assert!(
                values.iter().any(|v| v.contains(&kept)),
                "the calendar keeps {:?}",
                text
            );
        }
    }
    Ok(())
}

/// Every question copes with the answers: each box holds exactly what was typed, and every
/// step's errors and navigation work.
fn journey_copes(texts: &[String], mut a: Answers) -> Result<(), TestCaseError> {
    type_into(&mut a, texts);
    for (field, text) in FIELDS.iter().copied().zip(texts) {
        prop_assert_eq!(
            field.get(&a),
            text.as_str(),
            "{:?} keeps what was typed",
            field
        );
    }
    for step in Step::all() {
        let errors = step.errors(&a, today());
        prop_assert!(errors.iter().all(|e| !e.message.is_empty()));
        let _ = step.is_complete(&a);
        let _ = next(step, &a, today());
        let _ = previous(step, &a, today());
    }
    let _ = resume(&a, today());
    let _ = is_late(&a, today());
    Ok(())
}

/// The "when" boxes: a date, when found, is real and not in the future, and a date that is not
/// found has exactly one plain message.
fn when_copes(input: &WhenInput) -> Result<(), TestCaseError> {
    let value = input.value(today());
    // Each problem has its plain message in the catalogue.
    let errors: Vec<&str> = input
        .problem(today())
        .map(|p| in_my_words::words::words().date_problem(p))
        .into_iter()
        .collect();
    prop_assert!(errors.iter().all(|m| !m.is_empty()));
    match (input.choice, value) {
        (None, v) => {
            prop_assert_eq!(v, None);
            prop_assert!(errors.is_empty());
        }
        (Some(WhenChoice::NotSure), v) => {
            prop_assert_eq!(v, Some(WhenItHappened::NotSure));
            prop_assert!(errors.is_empty());
        }
        (Some(WhenChoice::StillHappening), v) => {
            prop_assert_eq!(v, Some(WhenItHappened::Ongoing));
            prop_assert!(errors.is_empty());
        }
        (Some(_), Some(v)) => {
            let earliest = v.earliest();
            prop_assert!(earliest.is_some_and(|d| d <= today() && d.year() >= 1900));
            prop_assert!(v.describe().is_some());
            prop_assert!(errors.is_empty());
        }
        (Some(_), None) => prop_assert_eq!(errors.len(), 1),
    }
    Ok(())
}

/// The date of birth boxes: each keeps exactly what was typed; the name page gives one message
/// on the day box exactly when some box has text and they make no real date from 1900 to
/// today; and the words for the letter are that date written out, or else the boxes as typed.
fn birth_copes(boxes: [&str; 3]) -> Result<(), TestCaseError> {
    let mut a = Answers::default();
    a.contact.name = "Sam".into();
    let fields = [
        TextField::BirthDay,
        TextField::BirthMonth,
        TextField::BirthYear,
    ];
    for (field, typed) in fields.into_iter().zip(boxes) {
        apply(&mut a, Edit::Text(field, typed.into()), today(), lookup);
    }
    prop_assert_eq!(a.birth_boxes(), boxes, "the boxes keep what was typed");
    let date = a.birth_date(today());
    if let Some(d) = date {
        prop_assert!(d <= today() && d.year() >= 1900, "{:?}", d);
    }
    let errors = Step::Name.errors(&a, today());
    let typed = boxes.iter().any(|b| has_text(b));
    if typed && date.is_none() {
        prop_assert_eq!(errors.len(), 1);
        prop_assert_eq!(errors[0].field, "birth-day");
        prop_assert!(!errors[0].message.is_empty());
    } else {
        prop_assert_eq!(errors, []);
    }
    let words = a.date_of_birth_words(today());
    match date {
        Some(d) => prop_assert_eq!(words, d.long()),
        None => {
            let given: Vec<&str> = boxes
                .iter()
                .map(|b| b.trim())
                .filter(|b| !b.is_empty())
                .collect();
            prop_assert_eq!(words, given.join(" "));
        }
    }
    Ok(())
}

/// What separates the parts of an older draft's date of birth (see `codec`).
fn separator(c: char) -> bool {
    c.is_whitespace() || "/.-,".contains(c)
}

/// An older draft's date of birth (one text, layouts 1 to 3), read by today's app: nothing of
/// it is lost. It either stays whole, exactly as typed, with the boxes empty; or it was three
/// parts with only separators around them, and the boxes hold those parts exactly, in order.
fn old_birth_copes(typed: &str) -> Result<(), TestCaseError> {
    let old = Answers {
        date_of_birth: typed.into(),
        ..Answers::default()
    };
    let bytes = postcard::to_allocvec(&old).unwrap();
    // Layout 3 is today's form less the three date of birth boxes, the concern log and the
    // service's address.
    let read = answers_from_layout(3, &bytes[..bytes.len() - 5]).unwrap();
    if read.date_of_birth == typed {
        prop_assert_eq!(read.birth_boxes(), ["", "", ""]);
    } else {
        prop_assert_eq!(read.date_of_birth.as_str(), "");
        let parts: Vec<&str> = typed.split(separator).filter(|p| !p.is_empty()).collect();
        prop_assert_eq!(parts, read.birth_boxes().to_vec(), "{:?}", typed);
        prop_assert!(read.birth_boxes().iter().all(|b| !b.is_empty()));
    }
    prop_assert_eq!(
        Answers {
            date_of_birth: String::new(),
            birth_day: String::new(),
            birth_month: String::new(),
            birth_year: String::new(),
            ..read
        },
        Answers::default(),
        "nothing else changes"
    );
    Ok(())
}

/// An older draft's date of birth: dates as people type them, with odd characters too.
fn old_birth_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => shaped("[ ]?[0-9]{1,2}[/. ,-]{1,2}([0-9]{1,2}|[A-Za-z]{3,9})[/. ,-]{1,2}[0-9]{2,4}[ ]?"),
        2 => (date_text(), select(BREAKS), date_text(), select(BREAKS), date_text())
            .prop_map(|(a, b, c, d, e)| [a, b, c, d, e].concat()),
        2 => text(),
    ]
}

/// Text the person can put in the address bar, and ids the pages send back.
fn ids_cope(text: &str) {
    let _ = Page::from_hash(text);
    let _ = Step::from_slug(text);
    let _ = Nation::from_id(text);
    let _ = Service::from_id(text);
    let _ = ServiceGroup::from_id(text);
    let _ = Stage::from_id(text);
    let _ = PrivateCareKind::from_id(text);
    let _ = DeadlineKind::from_id(text);
    let _ = FlagKind::from_id(text);
    let _ = in_sentence(text);
    let _ = data().area(text);
    let _ = data().organisation(text);
    let _ = data().local(text, text);
    for nation in Nation::ALL {
        let _ = data().crisis_lines(nation, Some(text));
    }
}

/// The postcode box: never a panic, and a match only for letters and digits (spaces and
/// invisible marks aside).
fn postcode_copes(text: &str) -> Result<(), TestCaseError> {
    for set in [data(), journey()] {
        if set.area_for_postcode(text).is_some() {
            prop_assert!(
                text.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c.is_whitespace() || unseen(c)),
                "{:?} matched an area",
                text
            );
        }
    }
    Ok(())
}

/// Characters that take no space on screen, which the postcode box ignores.
fn unseen(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// Dates in the ISO form: a date read is a real one.
fn dates_cope(text: &str) -> Result<(), TestCaseError> {
    if let Some(d) = Date::parse_iso(text) {
        prop_assert!((1..=12).contains(&d.month()));
        prop_assert!(d.day() >= 1 && d.day() <= days_in_month(d.year(), d.month()));
    }
    if let Some(m) = parse_month(text) {
        prop_assert!((1..=12).contains(&m));
    }
    Ok(())
}

/// Saved answers come back exactly, and damaged text or bytes are refused, never a panic.
fn codec_copes(a: &Answers, junk: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let saved = encode(a);
    prop_assert!(saved.is_ascii(), "session storage text is plain ASCII");
    prop_assert_eq!(&decode(&saved).unwrap(), a);
    let _ = decode(junk);
    let _ = decode(&["imw1:", junk].concat());
    let _ = base64_decode(junk);
    prop_assert_eq!(base64_decode(&base64_encode(bytes)), Some(bytes.to_vec()));
    // Arbitrary bytes where the answers should be: refused or read, never a panic.
    let _ = decode(&["imw1:", &base64_encode(bytes)].concat());
    let _ = Envelope::parse(bytes);
    let _ = Envelope::parse(&[b"IMWD".as_slice(), bytes].concat());
    let _ = Envelope::parse(junk.as_bytes());
    Ok(())
}

/// Items with arbitrary labels and notes: the calendar file folds and escapes them so they read
/// back exactly (less the control characters it cannot hold), and the text list keeps them.
fn timeline_copes(items: &[Item]) -> Result<(), TestCaseError> {
    let ics = timeline::ics(items, today());
    calendar_keeps(&ics, items)?;
    let text = timeline::to_text(items);
    for item in items {
        prop_assert!(text.contains(&item.label) && text.contains(&item.note));
        prop_assert_eq!(
            unescape_ics(&escape_text(&item.note)),
            in_calendar(&item.note)
        );
    }
    Ok(())
}

fn any_item() -> impl Strategy<Value = Item> {
    (
        text(),
        text(),
        prop::option::of((-3000i64..3000).prop_map(|d| today().add_days(d))),
    )
        .prop_map(|(label, note, date)| Item {
            kind: ItemKind::Chase,
            date,
            label,
            note,
        })
}

/// The service's address, typed as the person likes, is in the letter that goes to the service
/// itself: every line with text, exactly (the spaces around a line are layout).
fn service_address_kept(address: &str, name: &str) -> Result<(), TestCaseError> {
    let mut a = Answers::default();
    a.situation.nation = Some(Nation::England);
    a.situation.service = Some(Service::GpPractice);
    a.service_address = address.into();
    a.service_name = name.into();
    let r = route(&a.situation, data(), today());
    let text = write(LetterKind::Complaint, &a, &r, today(), None).to_text();
    for line in address.lines().map(str::trim).filter(|l| !l.is_empty()) {
        prop_assert!(text.contains(line), "the letter keeps {:?}", line);
    }
    if has_text(address) {
        prop_assert!(!text.contains("[Write their address here]"));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_services_address_reaches_the_letter_as_typed(address in text(), name in text()) {
        service_address_kept(&address, &name)?;
    }

    #[test]
    fn the_postcode_box_never_stops_the_app(typed in text(), junk in piece()) {
        postcode_copes(&typed)?;
        // A real district with an inward code, spoiled by anything a keyboard can add.
        for area in data().areas.iter().take(3) {
            for district in area.postcode_districts.iter().take(2) {
                postcode_copes(&format!("{district} 1AA{junk}"))?;
                postcode_copes(&format!("{district} {junk}AA"))?;
                postcode_copes(&format!("{junk}{district}"))?;
            }
        }
    }

    #[test]
    fn a_real_postcode_with_invisible_marks_still_finds_its_area(
        district_at in any::<prop::sample::Index>(),
        inward in "[0-9][A-Z]{2}",
        marks in prop::collection::vec(select(INVISIBLE), 0..4),
        at in prop::collection::vec(any::<prop::sample::Index>(), 4),
    ) {
        let districts: Vec<(&str, &str)> = data()
            .areas
            .iter()
            .flat_map(|a| a.postcode_districts.iter().map(move |d| (d.as_str(), a.id.as_str())))
            .collect();
        let (district, area) = districts[district_at.index(districts.len())];
        let plain = format!("{district} {inward}");
        let mut marked: Vec<char> = plain.chars().collect();
        for (mark, at) in marks.iter().zip(&at) {
            let place = at.index(marked.len() + 1);
            for (k, c) in mark.chars().enumerate() {
                marked.insert(place + k, c);
            }
        }
        let marked: String = marked.into_iter().collect();
        let found = data().area_for_postcode(&marked).map(|a| a.id.as_str());
        prop_assert_eq!(found, Some(area), "{:?}", marked);
    }

    #[test]
    fn dates_and_month_names_never_stop_the_app(typed in date_text()) {
        dates_cope(&typed)?;
    }

    #[test]
    fn the_when_question_copes_with_anything(
        day in date_text(),
        month in date_text(),
        year in date_text(),
        rough_month in date_text(),
        rough_year in date_text(),
        choice in maybe(vec![
            WhenChoice::ExactDate,
            WhenChoice::Roughly,
            WhenChoice::NotSure,
            WhenChoice::StillHappening,
        ]),
    ) {
        let input = WhenInput { choice, day, month, year, rough_month, rough_year };
        let copy = input.clone();
        when_copes(&input)?;
        prop_assert_eq!(input, copy);
    }

    #[test]
    fn the_date_of_birth_boxes_cope_with_anything(
        day in date_text(),
        month in date_text(),
        year in date_text(),
    ) {
        birth_copes([&day, &month, &year])?;
    }

    #[test]
    fn an_older_date_of_birth_is_never_lost(typed in old_birth_text()) {
        old_birth_copes(&typed)?;
    }

    #[test]
    fn the_check_points_into_the_text_and_never_changes_it(typed in text()) {
        check_reads(&typed)?;
    }

    #[test]
    fn addresses_and_ids_never_stop_the_app(typed in text()) {
        ids_cope(&typed);
    }

    #[test]
    fn email_links_carry_everything_or_say_they_cannot(
        address in text(),
        subject in text(),
        body in text(),
    ) {
        let link = mailto(&address, &subject, &body);
        let (to, about, decoded) = read_mailto(&link)?;
        prop_assert_eq!(to, crlf(address.trim()));
        prop_assert_eq!(about, crlf(&subject));
        prop_assert_eq!(decoded, (!body.is_empty()).then(|| crlf(&body)));
        match letter_link(&address, &subject, &body) {
            Some(short) => prop_assert!(short == link && !too_long(&short)),
            None => prop_assert!(too_long(&link)),
        }
    }

    #[test]
    fn calendar_and_timeline_keep_any_text(items in prop::collection::vec(any_item(), 0..4)) {
        timeline_copes(&items)?;
    }
}

proptest! {
    // Each case writes every letter, a Word document and a calendar file.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_box_keeps_what_was_typed_and_every_step_copes((texts, a) in any_typed()) {
        journey_copes(&texts, a)?;
    }

    #[test]
    fn the_complaint_letter_quotes_the_words_exactly_everywhere(a in any_answers()) {
        complaint_keeps_the_words(&a)?;
    }

    #[test]
    fn the_letter_tools_keep_the_words_exactly(a in any_answers(), large_print in any::<bool>()) {
        tools_keep_the_words(&a, large_print)?;
    }

    #[test]
    fn saved_answers_come_back_exactly_and_damage_never_stops_the_app(
        a in any_answers(),
        junk in text(),
        bytes in prop::collection::vec(any::<u8>(), 0..300),
    ) {
        codec_copes(&a, &junk, &bytes)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The council kept from the place lookup comes back from a saved file, which a person can
    /// change: whatever it holds, the letter tools name it exactly as kept, and never panic.
    #[test]
    fn any_council_name_is_named_exactly(council in text(), typed in text()) {
        let mut a = Answers::default();
        a.situation.nation = Some(Nation::England);
        a.situation.service = Some(Service::CouncilSocialCare);
        a.what_happened = typed;
        a.set_more("care-council", &council);
        let Reply::Prepared(prepared) = handle(Request::Prepare { answers: Box::new(a.clone()), today: today() }) else {
            return Err(TestCaseError::fail("Prepare gets Prepared"));
        };
        let name = prepared.route.primary.name();
        if has_text(&council) {
            prop_assert!(name.ends_with(&council), "{name:?}");
            prop_assert!(prepared.letter.fill(&a).contains(&council));
        } else {
            prop_assert_eq!(name, "The complaints team at your council");
        }
    }
}

/// 200,000 characters of everything above, in every box at once.
#[test]
fn a_200_000_character_text_goes_everywhere_without_a_panic() {
    let started = Instant::now();
    let mut parts: Vec<&str> = Vec::new();
    parts.extend(EMOJI);
    parts.extend(RIGHT_TO_LEFT);
    parts.extend(INVISIBLE);
    parts.extend(ESCAPES);
    parts.extend(BREAKS);
    parts.extend(PHRASES);
    parts.extend([
        "½",
        "e\u{301}\u{302}\u{303}",
        "BN1 ½AA ",
        "12/03/1985 ",
        "Ω≈ç√∫",
    ]);
    let long: String = parts
        .iter()
        .flat_map(|p| p.chars())
        .cycle()
        .take(200_000)
        .collect();
    assert_eq!(long.chars().count(), 200_000);
    let fail = |e: TestCaseError| panic!("{e}");

    postcode_copes(&long).unwrap_or_else(fail);
    dates_cope(&long).unwrap_or_else(fail);
    ids_cope(&long);
    let input = WhenInput {
        choice: Some(WhenChoice::ExactDate),
        day: long.clone(),
        month: long.clone(),
        year: long.clone(),
        rough_month: long.clone(),
        rough_year: long.clone(),
    };
    when_copes(&input).unwrap_or_else(fail);
    birth_copes([&long, &long, &long]).unwrap_or_else(fail);
    old_birth_copes(&long).unwrap_or_else(fail);
    check_reads(&long).unwrap_or_else(fail);

    // Every box at once for the questions; for the letters and the saved draft, the whole text
    // in the two account boxes and a long piece of it in every other box (every box at
    // 200,000 characters would only make the test slow, not harder).
    let texts = vec![long.clone(); FIELDS.len()];
    journey_copes(&texts, Answers::default()).unwrap_or_else(fail);
    let piece: String = long.chars().skip(1000).take(5000).collect();
    let mut texts = vec![piece; FIELDS.len()];
    texts[0] = long.clone();
    texts[1] = long.clone();
    let mut a = Answers::default();
    type_into(&mut a, &texts);
    a.situation.nation = Some(Nation::England);
    a.situation.service = Some(Service::GpPractice);
    a.situation.stage = Some(Stage::NotRaised);
    a.situation.when = Some(WhenItHappened::OnDate {
        date: Date::new(2020, 1, 1).unwrap(),
    });
    a.who = Some(Who::HelpingSomeone);
    a.wants = Want::ALL.to_vec();
    a.contact.methods = ContactMethod::ALL.to_vec();
    a.access_needs = AccessNeed::ALL.to_vec();
    complaint_keeps_the_words(&a).unwrap_or_else(fail);
    tools_keep_the_words(&a, true).unwrap_or_else(fail);
    codec_copes(&a, &long, long.as_bytes()).unwrap_or_else(fail);
    let r = route(&a.situation, data(), today());
    assert!(letter_link(
        "a@example.org",
        "Complaint",
        &letter(&a, &r, today()).to_text()
    )
    .is_none());
    timeline_copes(&[Item {
        kind: ItemKind::Chase,
        date: Some(today()),
        label: long.clone(),
        note: long.clone(),
    }])
    .unwrap_or_else(fail);
    println!("200,000 characters everywhere: {:?}", started.elapsed());
}
