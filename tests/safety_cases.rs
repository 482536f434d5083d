#![cfg(not(target_arch = "wasm32"))]
//! Runs "Are you safe?" over the table in `tests/safety_cases.toml`: words that must show the
//! crisis-lines panel, and near misses that must not. Every failing row is reported with its
//! text, so one run shows everything that is wrong. Then properties over arbitrary text: it
//! never panics, spans are on character boundaries, and a must-show sentence is found wherever
//! it is put.

use in_my_words::domain::answers::Answers;
use in_my_words::domain::interview::TextField;
use in_my_words::domain::safety::{concern, concern_in_answers, Concern, Kind};
use proptest::prelude::*;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    text: String,
    /// "self-harm", "harmed-now" or "none".
    expect: String,
    /// Optional: the exact text the span must cover.
    #[serde(default)]
    matched: String,
    /// Why the row is here, or why a judgement call went the way it did.
    #[serde(default)]
    note: String,
}

fn table() -> Vec<Case> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/safety_cases.toml"
    ))
    .expect("tests/safety_cases.toml is readable");
    toml::from_str::<Table>(&text)
        .unwrap_or_else(|e| panic!("tests/safety_cases.toml: {e}"))
        .case
}

fn id(c: &Option<Concern>) -> &'static str {
    match c.as_ref().map(|c| c.kind) {
        Some(Kind::SelfHarm) => "self-harm",
        Some(Kind::HarmedNow) => "harmed-now",
        None => "none",
    }
}

/// The must-show sentences, read once for all the property cases.
fn must_show() -> &'static [String] {
    static ROWS: OnceLock<Vec<String>> = OnceLock::new();
    ROWS.get_or_init(|| {
        table()
            .into_iter()
            .filter(|c| c.expect != "none")
            .map(|c| c.text)
            .collect()
    })
}

#[test]
fn every_case_in_the_table() {
    let cases = table();
    let mut failures = Vec::new();
    for (row, case) in cases.iter().enumerate() {
        if !["self-harm", "harmed-now", "none"].contains(&case.expect.as_str()) {
            failures.push(format!("row {}: unknown expect `{}`", row + 1, case.expect));
            continue;
        }
        let found = concern(&case.text);
        let words = found.as_ref().map_or("", |c| &case.text[c.span.clone()]);
        let wrong_words = !case.matched.is_empty() && words != case.matched;
        if id(&found) != case.expect || wrong_words {
            failures.push(format!(
                "row {}: expected {} {:?}, got {} {words:?}\n    text: {:?}\n    note: {}",
                row + 1,
                case.expect,
                case.matched,
                id(&found),
                case.text,
                case.note
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_table_cannot_shrink() {
    let cases = table();
    let count = |e: &str| cases.iter().filter(|c| c.expect == e).count();
    let (show, quiet) = (count("self-harm") + count("harmed-now"), count("none"));
    assert!(show >= 40, "only {show} must-show rows");
    assert!(quiet >= 40, "only {quiet} must-not-show rows");
    assert!(count("self-harm") >= 10 && count("harmed-now") >= 10);
    let mut texts: Vec<&str> = cases.iter().map(|c| c.text.as_str()).collect();
    texts.sort_unstable();
    texts.dedup();
    assert_eq!(texts.len(), cases.len(), "a row is repeated");
}

#[test]
fn answers_are_read_in_every_text_field_and_the_field_is_named() {
    let mut answers = Answers::default();
    assert_eq!(concern_in_answers(&answers), None);
    answers.what_happened = "They turned me away at the desk.".into();
    answers.how_it_affected = "I'm not coping.".into();
    assert_eq!(concern_in_answers(&answers), None);
    answers.access_other = "She says she's been cutting again.".into();
    let found = concern_in_answers(&answers).expect("every box is read");
    assert_eq!(found.field, Some(TextField::AccessOther));
    assert_eq!(&answers.access_other[found.span], "cutting again");
    answers.want_other = "I want to die.".into();
    let found = concern_in_answers(&answers).expect("want_other is read");
    assert_eq!(found.field, Some(TextField::WantOther));
    answers.what_happened.push_str(" He is hitting me.");
    let found = concern_in_answers(&answers).expect("the account comes first");
    assert_eq!(found.field, Some(TextField::WhatHappened));
    assert_eq!(found.kind, Kind::HarmedNow);
    assert_eq!(concern("I want to die").unwrap().field, None);
}

/// The private concern log is read too: a concern's own words, what was said, what they want,
/// and what happened next (added, or still being written), each as well as the rest.
#[test]
fn the_concern_log_is_read_as_every_other_answer() {
    use in_my_words::domain::answers::{Concern as Logged, FollowUp};
    use in_my_words::domain::fields::has_typed_words;
    let mut answers = Answers::default();
    answers.concerns.push(Logged {
        what_happened: "The pharmacy closed early again.".into(),
        day: "3".into(),
        ..Logged::default()
    });
    assert!(
        has_typed_words(&answers),
        "a concern's words count as typed"
    );
    assert_eq!(concern_in_answers(&answers), None);
    let places: [fn(&mut Logged); 4] = [
        |c| c.they_said = "I don't want to be alive any more.".into(),
        |c| c.wants = "honestly i just want to die".into(),
        |c| {
            c.follow_ups.push(FollowUp {
                words: "i wanna die".into(),
                ..FollowUp::default()
            })
        },
        |c| c.next.words = "Some days I want 2 die.".into(),
    ];
    for put in places {
        let mut with = answers.clone();
        put(&mut with.concerns[0]);
        let found = concern_in_answers(&with).expect("the log is read");
        assert_eq!((found.kind, found.field), (Kind::SelfHarm, None));
    }
    // Only dates and choices in a concern: nothing typed.
    let only_a_date = Answers {
        concerns: vec![Logged {
            day: "3".into(),
            raised: "yes".into(),
            ..Logged::default()
        }],
        ..Answers::default()
    };
    assert!(!has_typed_words(&only_a_date));
}

#[test]
fn a_long_text_is_read_quickly_and_without_panicking() {
    let piece = "The wait is killing me 😤 e\u{301}\u{200d} שלום \u{202e}ok\u{202c} don’t ";
    let mut text = String::new();
    while text.chars().count() < 200_000 {
        text.push_str(piece);
    }
    let start = std::time::Instant::now();
    assert_eq!(concern(&text), None);
    text.push_str(". I want to die.");
    let found = concern(&text).expect("found at the end");
    assert_eq!(&text[found.span], "want to die");
    // Generous, for a debug build on a slow machine; it is linear in the length.
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

/// Characters that tend to break text handling: emoji and joiners, combining marks,
/// right-to-left text and controls, zero-width spaces, curly quotes, punctuation.
fn awkward_char() -> impl Strategy<Value = char> {
    prop_oneof![
        any::<char>(),
        proptest::sample::select(vec![
            '😤', '👩', '\u{200d}', '\u{fe0f}', '\u{301}', '\u{308}', 'é', 'ß', 'İ', 'ﬁ', 'ש', 'ع',
            '\u{202e}', '\u{200f}', '\u{200b}', '\u{feff}', '’', '‘', '“', '”', '\'', '`', '.',
            ',', '!', '?', '\n', ' ', ' ', ' ', '-', '—', '…', '2',
        ]),
        proptest::sample::select(vec!['a', 'e', 'i', 'd', 'k', 'l', 'm', 's', 't', 'o', ' ']),
    ]
}

fn awkward_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(awkward_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

/// Arbitrary text that may also contain whole words from the patterns.
fn wordy_text() -> impl Strategy<Value = String> {
    let word = proptest::sample::select(vec![
        "i", "im", "not", "never", "want", "to", "die", "kill", "myself", "said", "he", "is",
        "hitting", "me", "safe", "was", "again", "2019", "ago", "of", "laughing", "scared", "hell",
        "end", "it", "all", "$", "~", "%", "@", "/", "*",
    ]);
    proptest::collection::vec(
        (word, awkward_text(3)).prop_map(|(w, s)| format!("{w}{s}")),
        0..40,
    )
    .prop_map(|v| v.join(" "))
}

fn span_is_sound(text: &str, found: &Option<Concern>) -> Result<(), TestCaseError> {
    if let Some(c) = found {
        prop_assert!(c.span.start < c.span.end && c.span.end <= text.len());
        prop_assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
        prop_assert_eq!(c.field, None);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    #[test]
    fn any_text_is_read_without_panicking_and_spans_are_char_boundaries(
        text in prop_oneof![awkward_text(300), wordy_text()]
    ) {
        let before = text.clone();
        let found = concern(&text);
        prop_assert_eq!(&text, &before, "the text is never changed");
        span_is_sound(&text, &found)?;
    }

    #[test]
    fn a_must_show_sentence_is_found_anywhere(
        row in 0..must_show().len(),
        before in prop_oneof![awkward_text(80), wordy_text()],
        after in prop_oneof![awkward_text(80), wordy_text()],
        boundary in proptest::sample::select(vec![". ", "! ", "? ", "\n", ".\n\n", "; "]),
    ) {
        let sentence = &must_show()[row];
        let alone = concern(sentence).expect("the table test checks this row on its own");
        let text = format!("{before}{boundary}{sentence}{boundary}{after}");
        let found = concern(&text);
        span_is_sound(&text, &found)?;
        prop_assert!(found.is_some(), "not found in {:?}", text);
        // The first concern is this sentence's unless the text before has one of its own.
        let offset = before.len() + boundary.len();
        if concern(&format!("{before}{boundary}")).is_none() {
            let found = found.unwrap();
            prop_assert_eq!(found.span, alone.span.start + offset..alone.span.end + offset);
            prop_assert_eq!(found.kind, alone.kind);
        }
    }
}
