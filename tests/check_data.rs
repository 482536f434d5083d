#![cfg(not(target_arch = "wasm32"))]
//! `assets/data/check.toml` is checked when the app is built. These tests break it on purpose
//! and make sure each problem is reported with the file, the entry and the field, so whoever
//! edits the word lists can fix them without reading Rust.

use in_my_words::data::check_schema::{load, CheckDataError, FlagKind, CHECK_FILE};

fn source() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/data/check.toml"
    ))
    .expect("check.toml is readable")
}

/// The file with `from` (which must occur exactly once) replaced by `to`.
fn broken(from: &str, to: &str) -> String {
    let text = source();
    assert_eq!(
        text.matches(from).count(),
        1,
        "`{from}` must occur once in check.toml"
    );
    text.replace(from, to)
}

fn errors(text: &str) -> Vec<CheckDataError> {
    match load(text) {
        Ok(_) => panic!("the broken file was accepted"),
        Err(errors) => errors,
    }
}

/// Asserts one of the errors names this entry and field, and that its message names the file.
fn assert_reported(errors: &[CheckDataError], entry: &str, field: &str, words: &str) {
    let found = errors.iter().find(|e| e.entry == entry && e.field == field);
    let Some(error) = found else {
        panic!("no error for entry `{entry}`, field `{field}`; got:\n{errors:#?}");
    };
    let message = error.to_string();
    assert!(message.starts_with(CHECK_FILE), "{message}");
    assert!(
        message.contains(&format!("entry `{entry}`, field `{field}`")),
        "{message}"
    );
    assert!(message.contains(words), "`{words}` not in: {message}");
}

#[test]
fn the_real_file_loads() {
    let data = load(&source()).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(data.patterns.len() >= 20);
    for kind in FlagKind::ALL {
        assert_eq!(FlagKind::from_id(kind.id()), Some(kind));
    }
}

#[test]
fn an_unknown_group_names_the_pattern_and_phrase() {
    let text = broken(
        "\"{i-will} {intensifier}? sort {them} out\"",
        "\"{i-will} {intensifier}? sort {thme} out\"",
    );
    assert_reported(
        &errors(&text),
        "sort-them-out",
        "phrases[0]",
        "`{thme}` is not a [[group]]",
    );
}

#[test]
fn a_group_can_only_use_groups_above_it() {
    let text = broken(
        "phrases = [\"{i-be}\", \"i got\"]",
        "phrases = [\"{i-had}\", \"i got\"]",
    );
    assert_reported(&errors(&text), "i-was", "phrases[0]", "defined above");
}

#[test]
fn phrase_syntax_mistakes_are_explained() {
    let text = broken("phrases = [\"or else $\"]", "phrases = [\"or else, $\"]");
    assert_reported(&errors(&text), "or-else", "phrases[0]", "`,`");
    let text = broken("phrases = [\"or else $\"]", "phrases = [\"$ or else\"]");
    assert_reported(
        &errors(&text),
        "or-else",
        "phrases[0]",
        "`$` can only come last",
    );
}

/// The file with the `field` line of the entry with this id set to `value`.
fn with_field(id: &str, field: &str, value: &str) -> String {
    let text = source();
    let mut in_entry = false;
    let mut done = false;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            if line.starts_with("[[") {
                in_entry = false;
            }
            if line == format!("id = \"{id}\"") {
                in_entry = true;
            }
            if in_entry && !done && line.starts_with(&format!("{field} = ")) {
                done = true;
                return format!("{field} = {value}");
            }
            line.to_string()
        })
        .collect();
    assert!(done, "no `{field}` line in entry `{id}`");
    lines.join("\n")
}

#[test]
fn every_pattern_needs_a_why() {
    let text = with_field("watch-your-back", "why", "\"  \"");
    assert_reported(&errors(&text), "watch-your-back", "why", "is empty");
    let text = with_field("i-will", "why", "\"\"");
    assert_reported(&errors(&text), "i-will", "why", "is empty");
}

#[test]
fn pattern_kinds_must_be_found_by_phrases() {
    let text = broken(
        "id = \"or-else\"\nkind = \"threat\"",
        "id = \"or-else\"\nkind = \"capitals\"",
    );
    assert_reported(
        &errors(&text),
        "or-else",
        "kind",
        "found by the check's own code",
    );
}

#[test]
fn toml_mistakes_name_the_entry_and_field_too() {
    let text = broken(
        "id = \"or-else\"\nkind = \"threat\"",
        "id = \"or-else\"\nkind = \"threats\"",
    );
    assert_reported(&errors(&text), "or-else", "kind", "line");
}

#[test]
fn word_lists_take_lower_case_single_words() {
    let text = broken("words = [\"nhs\", \"gp\",", "words = [\"NHS\", \"gp\",");
    assert_reported(
        &errors(&text),
        "words.acronyms",
        "words[0]",
        "`NHS` must be one lower-case word",
    );
    let text = broken("words = [\"i\", \"we\"]", "words = [\"i\", \"we\", \"i\"]");
    assert_reported(
        &errors(&text),
        "words.self_words",
        "words[2]",
        "listed twice",
    );
}

#[test]
fn explanations_stay_short_and_every_kind_has_one() {
    let text = broken(
        "It is not needed in the story.",
        "It is not needed in the story and it would be much better to leave it out because \
         anyone could read it and use it.",
    );
    assert_reported(&errors(&text), "kind date-of-birth", "explanation", "words");
    let text = broken(
        "[[kind]]\nid = \"nhs-number\"",
        "[[kind]]\nid = \"phone-number\"",
    );
    let errors = errors(&text);
    assert_reported(&errors, "kind nhs-number", "id", "exactly one");
    assert_reported(&errors, "kind phone-number", "id", "exactly one");
}
