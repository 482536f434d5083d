#![cfg(not(target_arch = "wasm32"))]
//! Runs the "Before you send" check over the table in `tests/check_cases.toml`: sentences that
//! must be flagged, and near misses that must not be. Every failing row is reported with its
//! text, so one run shows everything that is wrong.

use in_my_words::domain::check::{check, FlagKind};
use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    text: String,
    /// Kind ids, or `["none"]` for a near miss that must raise no flag at all.
    expect: Vec<String>,
    /// Optional: the matched words one of the flags must show (checks the span, not just the
    /// kind).
    #[serde(default)]
    matched: String,
    /// Why the row is here.
    #[serde(default)]
    note: String,
}

fn table() -> Vec<Case> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/check_cases.toml"
    ))
    .expect("tests/check_cases.toml is readable");
    toml::from_str::<Table>(&text)
        .unwrap_or_else(|e| panic!("tests/check_cases.toml: {e}"))
        .case
}

fn expected(case: &Case) -> Result<BTreeSet<FlagKind>, String> {
    if case.expect == ["none"] {
        return Ok(BTreeSet::new());
    }
    case.expect
        .iter()
        .map(|id| FlagKind::from_id(id).ok_or_else(|| format!("unknown kind `{id}`")))
        .collect()
}

#[test]
fn every_case_in_the_table() {
    let cases = table();
    let mut failures = Vec::new();
    for (row, case) in cases.iter().enumerate() {
        let want = match expected(case) {
            Ok(want) => want,
            Err(problem) => {
                failures.push(format!("row {}: {problem}: {:?}", row + 1, case.text));
                continue;
            }
        };
        let flags = check(&case.text);
        let got: BTreeSet<FlagKind> = flags.iter().map(|f| f.kind).collect();
        let ids = |set: &BTreeSet<FlagKind>| {
            if set.is_empty() {
                "none".to_string()
            } else {
                set.iter().map(|k| k.id()).collect::<Vec<_>>().join(", ")
            }
        };
        if got != want {
            let detail: Vec<String> = flags
                .iter()
                .map(|f| format!("{} on {:?}", f.kind.id(), f.matched))
                .collect();
            failures.push(format!(
                "row {}: expected [{}], got [{}] {detail:?}\n    text: {:?}\n    note: {}",
                row + 1,
                ids(&want),
                ids(&got),
                case.text,
                case.note
            ));
        } else if !case.matched.is_empty() && !flags.iter().any(|f| f.matched == case.matched) {
            let shown: Vec<&str> = flags.iter().map(|f| f.matched.as_str()).collect();
            failures.push(format!(
                "row {}: expected a flag on {:?}, flags show {shown:?}\n    text: {:?}",
                row + 1,
                case.matched,
                case.text
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
fn the_table_is_big_and_balanced() {
    let cases = table();
    let near_misses = cases.iter().filter(|c| c.expect == ["none"]).count();
    let positives = cases.len() - near_misses;
    assert!(cases.len() >= 60, "only {} rows", cases.len());
    // Roughly half near misses: a check that flags everything would pass the positives alone.
    assert!(
        near_misses * 10 >= cases.len() * 4 && positives * 10 >= cases.len() * 4,
        "{positives} positives and {near_misses} near misses is not balanced"
    );
    for kind in FlagKind::ALL {
        let id = kind.id().to_string();
        assert!(
            cases.iter().any(|c| c.expect.contains(&id)),
            "no row expects `{id}`"
        );
    }
}

#[test]
fn flags_point_at_their_sentence_and_words() {
    for case in table() {
        for flag in check(&case.text) {
            assert_eq!(&case.text[flag.sentence.clone()], flag.sentence_text);
            assert!(!flag.spans.is_empty() && !flag.explanation.is_empty());
            for span in &flag.spans {
                assert!(span.start >= flag.sentence.start && span.end <= flag.sentence.end);
                assert!(flag.matched.contains(&case.text[span.clone()]));
            }
        }
    }
}
