#![cfg(not(target_arch = "wasm32"))]
//! Fixture letters: each `tests/letters/<name>.toml` is one person's answers on a fixed day.
//! Every letter, form and timeline made from it is compared in full with the `.txt` files
//! beside it, so any change to the wording shows up in review as a change to those files.
//!
//! After a deliberate change of wording, regenerate the files with
//! `UPDATE_LETTERS=1 cargo test --test letters`, then read every changed letter through before
//! committing it. All failures are reported together, each with its file name.

use in_my_words::data::data;
use in_my_words::domain::answers::Answers;
use in_my_words::domain::date::Date;
use in_my_words::domain::letter::{consent_form, main_kind, write, LetterKind};
use in_my_words::domain::route::route;
use in_my_words::domain::situation::WhenItHappened;
use in_my_words::domain::timeline;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The smallest number of fixtures the folder must hold.
const MINIMUM_FIXTURES: usize = 10;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    /// Who this is, and what the letter must get right.
    #[allow(dead_code)]
    description: String,
    /// "Today", `YYYY-MM-DD`.
    today: String,
    /// When it happened: `YYYY-MM-DD`, `YYYY-MM` (around a month) or `not-sure`.
    when: Option<String>,
    /// When the final response came, `YYYY-MM-DD`.
    final_response_date: Option<String>,
    /// The day the complaint was sent, for a chaser, `YYYY-MM-DD`.
    sent: Option<String>,
    /// Follow-up letters to write as well: `chaser`, `not-satisfied`, `ombudsman`,
    /// `sas-review`, `complaint`.
    #[serde(default)]
    also: Vec<String>,
    answers: Answers,
}

fn date(text: &str) -> Date {
    Date::parse_iso(text).unwrap_or_else(|| panic!("{text} is not a YYYY-MM-DD date"))
}

fn when(text: &str) -> WhenItHappened {
    if text == "not-sure" {
        return WhenItHappened::NotSure;
    }
    if let Some(date) = Date::parse_iso(text) {
        return WhenItHappened::OnDate { date };
    }
    let (year, month) = text.split_once('-').expect("YYYY-MM");
    WhenItHappened::AroundMonth {
        year: year.parse().unwrap(),
        month: month.parse().unwrap(),
    }
}

fn kind(id: &str) -> LetterKind {
    match id {
        "complaint" => LetterKind::Complaint,
        "chaser" => LetterKind::Chaser,
        "not-satisfied" => LetterKind::NotSatisfied,
        "ombudsman" => LetterKind::Ombudsman,
        "sas-review" => LetterKind::SasReview,
        "informal-note" => LetterKind::InformalNote,
        other => panic!("unknown letter kind {other}"),
    }
}

/// Every output made from one fixture, as (file name, text).
fn outputs(name: &str, fixture: Fixture) -> Vec<(String, String)> {
    let today = date(&fixture.today);
    let mut answers = fixture.answers;
    answers.situation.when = fixture.when.as_deref().map(when);
    answers.situation.final_response_date = fixture.final_response_date.as_deref().map(date);
    let route = route(&answers.situation, data(), today);
    let sent = fixture.sent.as_deref().map(date);
    let mut out = vec![
        (
            format!("{name}.txt"),
            write(main_kind(&answers), &answers, &route, today, sent).to_text(),
        ),
        (
            format!("{name}.timeline.txt"),
            timeline::to_text(&timeline::timeline(&answers, &route, today)),
        ),
    ];
    if answers.is_supporter() {
        out.push((
            format!("{name}.consent.txt"),
            consent_form(&answers, &route, today).to_text(),
        ));
    }
    for id in &fixture.also {
        out.push((
            format!("{name}.{id}.txt"),
            write(kind(id), &answers, &route, today, sent).to_text(),
        ));
    }
    out
}

#[test]
fn fixture_letters_match_in_full() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/letters");
    let update = std::env::var_os("UPDATE_LETTERS").is_some();
    let mut tomls: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("tests/letters exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    tomls.sort();
    assert!(
        tomls.len() >= MINIMUM_FIXTURES,
        "only {} fixtures in tests/letters",
        tomls.len()
    );
    let mut failures = Vec::new();
    let mut expected_files = BTreeSet::new();
    for path in &tomls {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(path).unwrap();
        let fixture: Fixture = match toml::from_str(&text) {
            Ok(f) => f,
            Err(e) => {
                failures.push(format!("{name}.toml: {e}"));
                continue;
            }
        };
        for (file, got) in outputs(&name, fixture) {
            let target = folder.join(&file);
            expected_files.insert(file.clone());
            if update {
                std::fs::write(&target, &got).unwrap();
                continue;
            }
            match std::fs::read_to_string(&target) {
                Ok(want) if want == got => {}
                Ok(want) => failures.push(format!(
                    "{file} differs. First difference at line {}:\n  want: {:?}\n  got:  {:?}\n(run UPDATE_LETTERS=1 cargo test --test letters, then review the change)",
                    first_difference(&want, &got) + 1,
                    want.lines().nth(first_difference(&want, &got)).unwrap_or(""),
                    got.lines().nth(first_difference(&want, &got)).unwrap_or(""),
                )),
                Err(_) => failures.push(format!("{file} is missing (run UPDATE_LETTERS=1)")),
            }
        }
    }
    // A `.txt` file that no fixture makes any more is stale.
    for entry in std::fs::read_dir(&folder).unwrap() {
        let file = entry.unwrap().file_name().to_string_lossy().to_string();
        if file.ends_with(".txt") && !expected_files.contains(&file) {
            failures.push(format!("{file} is not made by any fixture: delete it"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

fn first_difference(a: &str, b: &str) -> usize {
    a.lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or_else(|| a.lines().count().min(b.lines().count()))
}
