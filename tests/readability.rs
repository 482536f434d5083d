#![cfg(not(target_arch = "wasm32"))]
//! Every sentence a person reads is in plain words (issue 18).
//!
//! The people this app is for may be homeless, unwell or find reading hard, and may be reading
//! on a phone in a hurry. A long or wordy sentence can stop them finishing their complaint. So
//! this test scores every sentence the app shows, and fails when the words get harder:
//!
//! - no sentence anywhere is over 25 words;
//! - in each source, the median Flesch-Kincaid grade of its sentences is 5 or less;
//! - the letters, which go to an organisation, have a median grade of 8 or less.
//!
//! The sources are the question catalogue, the domain's letter-page words, the screens' words
//! (and the concern log's pages),
//! and the person-facing fields of each data file (rules, organisations, crisis lines, the
//! "before you send" check). The Rust catalogues are read through their `Debug` output, so a
//! new field is scored without being listed here; ids (an option's `value`, the id in a pair
//! like `("gp", "GP practice")`) are left out. The letters are read from the fixture letters in `tests/letters/`, which
//! `tests/letters.rs` keeps equal to what the code writes; the person's own words in them are
//! left out, because we never change those.
//!
//! The score is the usual Flesch-Kincaid grade, counted the simple way, with no word lists:
//! `0.39 × words + 11.8 × syllables per word − 15.59`. A sentence is split off at `.`, `!` or
//! `?` before a space (or the end), and at a new line; `{}` gaps count as the word "it". It is
//! a rough guide, not a judge: it cannot tell a plain long word from a hard short one. But it
//! reliably catches the long, winding sentences that lose readers.
//!
//! On failure it prints the ten hardest sentences and every sentence over 25 words. Run it
//! with `cargo test --test readability -- --nocapture` to see the medians when it passes.

use std::collections::BTreeSet;
use std::path::Path;

use in_my_words::domain::check::{ABOUT, NOTHING_SPOTTED};
use in_my_words::words::{domain_words, words};

/// The longest sentence allowed anywhere, in words.
const MAX_WORDS: usize = 25;
/// The highest median grade allowed for words a person reads.
const MAX_MEDIAN: f64 = 5.0;
/// The highest median grade allowed for the letters, which an organisation reads.
const MAX_LETTER_MEDIAN: f64 = 8.0;

// ---------------------------------------------------------------------------------------------
// Scoring

/// Syllables in one word, counted the simple way. An acronym in capitals (NHS, GP, A&E) is
/// read letter by letter, so it has one syllable a letter.
fn syllables(word: &str) -> usize {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        return letters.len();
    }
    let lower: Vec<char> = word.to_lowercase().chars().collect();
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut groups = 0;
    let mut in_group = false;
    for &c in &lower {
        if vowel(c) {
            if !in_group {
                groups += 1;
            }
            in_group = true;
        } else {
            in_group = false;
        }
    }
    // A final silent "e" (make, share), but not "-le" after a consonant (table, able).
    let n = lower.len();
    let ends_le_after_consonant = n >= 3
        && lower[n - 2] == 'l'
        && lower[n - 1] == 'e'
        && lower[n - 3].is_alphabetic()
        && !vowel(lower[n - 3]);
    if n >= 2 && lower[n - 1] == 'e' && !ends_le_after_consonant && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

/// The words of a sentence: split at spaces, punctuation trimmed, no token without a letter.
fn words_of(sentence: &str) -> Vec<&str> {
    sentence
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| t.chars().any(char::is_alphabetic))
        .collect()
}

/// The Flesch-Kincaid grade of one sentence.
fn grade(sentence: &str) -> f64 {
    let words = words_of(sentence);
    if words.is_empty() {
        return 0.0;
    }
    let count = words.len() as f64;
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    0.39 * count + 11.8 * (syllables as f64 / count) - 15.59
}

/// The sentences of a text: split after `.`, `!` or `?` followed by a space or the end, and at
/// new lines. `{}` gaps become "it"; pieces with no letters are left out.
fn sentences(text: &str) -> Vec<String> {
    let text = text.replace("{}", "it");
    let mut out = Vec::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        let mut start = 0;
        for i in 0..chars.len() {
            let ends = matches!(chars[i], '.' | '!' | '?')
                && chars.get(i + 1).is_none_or(|c| c.is_whitespace());
            if ends {
                out.push(chars[start..=i].iter().collect::<String>());
                start = i + 1;
            }
        }
        out.push(chars[start..].iter().collect::<String>());
    }
    out.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| s.chars().any(char::is_alphabetic))
        .collect()
}

/// One scored sentence.
#[derive(Clone, Debug)]
struct Scored {
    source: String,
    text: String,
    words: usize,
    grade: f64,
}

/// The texts of one source, scored as one file.
struct Source {
    name: String,
    texts: Vec<String>,
    max_median: f64,
}

/// What the check found.
struct Report {
    /// (source, median grade, sentences, allowed median) in the order given.
    medians: Vec<(String, f64, usize, f64)>,
    /// Every sentence, hardest first.
    all: Vec<Scored>,
    /// Sentences over [`MAX_WORDS`].
    long: Vec<Scored>,
    /// Each rule broken, in words.
    failures: Vec<String>,
}

fn median(mut grades: Vec<f64>) -> f64 {
    if grades.is_empty() {
        return 0.0;
    }
    grades.sort_by(f64::total_cmp);
    let mid = grades.len() / 2;
    if grades.len() % 2 == 1 {
        grades[mid]
    } else {
        (grades[mid - 1] + grades[mid]) / 2.0
    }
}

/// Scores every sentence of every source. A sentence repeated within a source (the same words
/// for the person and for a helper, say) is scored once.
fn assess(sources: &[Source]) -> Report {
    let mut report = Report {
        medians: Vec::new(),
        all: Vec::new(),
        long: Vec::new(),
        failures: Vec::new(),
    };
    for source in sources {
        let mut seen = BTreeSet::new();
        let mut scored = Vec::new();
        for text in &source.texts {
            for sentence in sentences(text) {
                if !seen.insert(sentence.clone()) {
                    continue;
                }
                scored.push(Scored {
                    source: source.name.clone(),
                    words: words_of(&sentence).len(),
                    grade: grade(&sentence),
                    text: sentence,
                });
            }
        }
        let median = median(scored.iter().map(|s| s.grade).collect());
        if median > source.max_median {
            report.failures.push(format!(
                "{}: median grade {median:.2} is over {:.1}",
                source.name, source.max_median
            ));
        }
        for s in &scored {
            if s.words > MAX_WORDS {
                report.failures.push(format!(
                    "{}: a sentence has {} words (at most {MAX_WORDS})",
                    s.source, s.words
                ));
                report.long.push(s.clone());
            }
        }
        report
            .medians
            .push((source.name.clone(), median, scored.len(), source.max_median));
        report.all.extend(scored);
    }
    report.all.sort_by(|a, b| b.grade.total_cmp(&a.grade));
    report
}

/// Prints the medians, and on failure the hardest and the long sentences; fails on any problem.
fn check(sources: &[Source]) {
    let report = assess(sources);
    eprintln!("Median Flesch-Kincaid grade per source:");
    for (name, median, count, max) in &report.medians {
        eprintln!("  {median:5.2} (at most {max:.1})  {count:4} sentences  {name}");
    }
    if report.failures.is_empty() {
        return;
    }
    eprintln!("\nThe ten hardest sentences (grade, words, source, text):");
    for s in report.all.iter().take(10) {
        eprintln!("  {:5.1} {:3}  {}  {}", s.grade, s.words, s.source, s.text);
    }
    if !report.long.is_empty() {
        eprintln!("\nSentences over {MAX_WORDS} words:");
        for s in &report.long {
            eprintln!("  {:3}  {}  {}", s.words, s.source, s.text);
        }
    }
    panic!(
        "{} readability problems:\n{}",
        report.failures.len(),
        report.failures.join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// Reading the sources

/// The string literals in a value's `Debug` output, unescaped. A literal that is an id is left
/// out: an option's `value`, or the first of a pair like `("gp", "GP practice")` when it reads
/// like an id (lower case, no spaces).
fn debug_strings(debug: &str) -> Vec<String> {
    let chars: Vec<char> = debug.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '"' {
            i += 1;
            continue;
        }
        // Only the end of what comes before matters (`value: ` or `(`).
        let before: String = chars[i.saturating_sub(8)..i].iter().collect();
        let mut text = String::new();
        i += 1;
        while i < chars.len() && chars[i] != '"' {
            if chars[i] == '\\' {
                i += 1;
                match chars[i] {
                    'n' => text.push('\n'),
                    't' => text.push('\t'),
                    'r' => text.push('\r'),
                    '0' => text.push('\0'),
                    'u' => {
                        // \u{hex}
                        let close = (i..chars.len()).find(|&j| chars[j] == '}').unwrap();
                        let hex: String = chars[i + 2..close].iter().collect();
                        text.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
                        i = close;
                    }
                    other => text.push(other),
                }
            } else {
                text.push(chars[i]);
            }
            i += 1;
        }
        i += 1;
        let is_value = before.ends_with("value: ");
        let id_like = !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        let first_of_pair = before.ends_with('(') && id_like;
        if !is_value && !first_of_pair {
            out.push(text);
        }
    }
    out
}

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every string under one of `keys`, anywhere in a TOML document (a string, or a list of them).
fn toml_strings(value: &toml::Value, keys: &[&str], out: &mut Vec<String>) {
    match value {
        toml::Value::Table(table) => {
            for (key, value) in table {
                if keys.contains(&key.as_str()) {
                    match value {
                        toml::Value::String(s) => out.push(s.clone()),
                        toml::Value::Array(items) => {
                            out.extend(items.iter().filter_map(|i| i.as_str().map(str::to_string)))
                        }
                        _ => {}
                    }
                }
                toml_strings(value, keys, out);
            }
        }
        toml::Value::Array(items) => {
            for item in items {
                toml_strings(item, keys, out);
            }
        }
        _ => {}
    }
}

fn parse(text: &str) -> toml::Value {
    toml::Value::Table(toml::from_str::<toml::Table>(text).expect("valid TOML"))
}

/// The person-facing fields of each data file. Names, ids, kinds, contact details, sources and
/// dates are not read as sentences; the `why` notes of check.toml are for its editors.
const RULES_KEYS: &[&str] = &[
    "why",
    "do_not",
    "reason",
    "alternative_reason",
    "caution",
    "how_to_find",
    "role",
    "at",
];
const ORGANISATION_KEYS: &[&str] = &["handles", "caution", "note"];
const CRISIS_KEYS: &[&str] = &["what", "caution", "note"];
const CHECK_KEYS: &[&str] = &["title", "explanation"];

fn data_source(file: &str, text: &str, keys: &[&str]) -> Source {
    let mut texts = Vec::new();
    toml_strings(&parse(text), keys, &mut texts);
    Source {
        name: file.to_string(),
        texts,
        max_median: MAX_MEDIAN,
    }
}

fn data_file(file: &str, keys: &[&str]) -> Source {
    data_source(file, &read(&format!("assets/data/{file}")), keys)
}

/// The template sentences of the letters, as written in the fixture letters: every sentence of
/// every letter and consent form, less the person's own words (any sentence that is part of a
/// text they gave in the fixture's answers). Lines that are not sentences (addresses, dates,
/// headings, "Yours faithfully,") are left out: only a piece ending in `.`, `!`, `?` or `:`
/// counts.
fn letters() -> Source {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/letters");
    let mut names: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    names.sort();
    let mut texts = Vec::new();
    for toml_path in names {
        let stem = toml_path.file_stem().unwrap().to_string_lossy().to_string();
        let mut own = Vec::new();
        let fixture = parse(&std::fs::read_to_string(&toml_path).unwrap());
        if let Some(answers) = fixture.get("answers") {
            all_strings(answers, &mut own);
        }
        let mut letters: Vec<_> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let file = p.file_name().unwrap().to_string_lossy();
                file.starts_with(&format!("{stem}."))
                    && file.ends_with(".txt")
                    && !file.ends_with(".timeline.txt")
            })
            .collect();
        letters.sort();
        // Their details (a name, an email address, a line of an address) read as "it".
        let mut details: Vec<&str> = own
            .iter()
            .flat_map(|o| o.lines())
            .map(str::trim)
            .filter(|d| d.len() >= 2)
            .collect();
        details.sort_by_key(|d| std::cmp::Reverse(d.len()));
        for letter in letters {
            let text = std::fs::read_to_string(&letter).unwrap();
            for sentence in sentences(&text) {
                let is_sentence = sentence.ends_with(['.', '!', '?', ':']);
                if is_sentence && !own.iter().any(|o| o.contains(&sentence)) {
                    let mut sentence = sentence;
                    for detail in &details {
                        sentence = sentence.replace(detail, "it");
                    }
                    texts.push(sentence);
                }
            }
        }
    }
    Source {
        name: "letters (tests/letters)".to_string(),
        texts,
        max_median: MAX_LETTER_MEDIAN,
    }
}

fn all_strings(value: &toml::Value, out: &mut Vec<String>) {
    match value {
        toml::Value::String(s) => out.push(s.clone()),
        toml::Value::Array(items) => items.iter().for_each(|i| all_strings(i, out)),
        toml::Value::Table(t) => t.values().for_each(|v| all_strings(v, out)),
        _ => {}
    }
}

/// The question catalogue, less its screens (scored on their own).
fn questions() -> Source {
    let catalogue = words();
    let debug = format!(
        "{:?} {:?} {:?} {:?} {:?}",
        catalogue.questions, catalogue.parts, catalogue.fields, catalogue.errors, catalogue.pages
    );
    Source {
        name: "src/words/en/mod.rs (questions)".to_string(),
        texts: debug_strings(&debug),
        max_median: MAX_MEDIAN,
    }
}

/// The letter page's words from the domain, and the "before you send" check's own sentences.
fn domain() -> Source {
    let mut texts = debug_strings(&format!("{:?}", domain_words()));
    texts.extend([ABOUT.to_string(), NOTHING_SPOTTED.to_string()]);
    Source {
        name: "src/words/en/domain.rs and domain::check".to_string(),
        texts,
        max_median: MAX_MEDIAN,
    }
}

fn screens() -> Source {
    Source {
        name: "src/words/en/screens.rs".to_string(),
        texts: debug_strings(&format!("{:?}", words().screens)),
        max_median: MAX_MEDIAN,
    }
}

/// The concern log's pages.
fn concern_pages() -> Source {
    Source {
        name: "src/words/en/concerns.rs".to_string(),
        texts: debug_strings(&format!("{:?}", in_my_words::words::concern_pages())),
        max_median: MAX_MEDIAN,
    }
}

// ---------------------------------------------------------------------------------------------
// The checks

#[test]
fn the_questions_and_the_letter_page_are_in_plain_words() {
    check(&[questions(), domain()]);
}

#[test]
fn the_screens_are_in_plain_words() {
    check(&[screens(), concern_pages()]);
}

#[test]
fn the_data_files_are_in_plain_words() {
    check(&[
        data_file("organisations.toml", ORGANISATION_KEYS),
        data_file("crisis.toml", CRISIS_KEYS),
        data_file("check.toml", CHECK_KEYS),
    ]);
}

#[test]
fn the_routing_rules_are_in_plain_words() {
    check(&[data_file("rules.toml", RULES_KEYS)]);
}

#[test]
fn the_letters_are_in_plain_words() {
    check(&[letters()]);
}

/// The check can fail: one long sentence added to a real rule is reported, with its words.
#[test]
fn a_long_sentence_in_a_rule_is_reported() {
    let long = "You can also ask the people who run the service to think again about what \
                happened to you and to write to you to explain what they will do about it now.";
    assert!(words_of(long).len() > MAX_WORDS);
    // The first rule `why` written on one line: the sentence goes before its closing quote.
    let rules = read("assets/data/rules.toml");
    let mut at = 0;
    let end = rules
        .split_inclusive('\n')
        .find_map(|line| {
            at += line.len();
            let line = line.trim_end();
            let one_line = line.starts_with("why = \"")
                && line.ends_with('"')
                && !line.starts_with("why = \"\"\"");
            one_line.then(|| rules[..at].trim_end().len())
        })
        .expect("a rule has a one-line why");
    let text = format!("{} {long}{}", &rules[..end - 1], &rules[end - 1..]);
    let report = assess(&[data_source("rules.toml", &text, RULES_KEYS)]);
    assert!(
        report.long.iter().any(|s| s.text == long),
        "the long sentence was not reported"
    );
    assert!(report
        .failures
        .iter()
        .any(|f| f.contains(&format!("a sentence has {} words", words_of(long).len()))));
}

/// A hard median fails even when every sentence is short.
#[test]
fn a_hard_median_is_reported() {
    let hard = Source {
        name: "hard".to_string(),
        texts: vec![
            "Reconsideration necessitates documentation. Administrative procedures apply."
                .to_string(),
        ],
        max_median: MAX_MEDIAN,
    };
    let report = assess(&[hard]);
    assert!(report.long.is_empty());
    assert_eq!(report.failures.len(), 1, "{:?}", report.failures);
    assert!(report.failures[0].contains("median grade"));
}

#[test]
fn syllables_are_counted_the_simple_way() {
    for (word, want) in [
        ("cat", 1),
        ("make", 1),
        ("the", 1),
        ("be", 1),
        ("table", 2),
        ("able", 2),
        ("complaint", 2),
        ("service", 2),
        ("ombudsman", 3),
        ("advocacy", 4),
        ("happy", 2),
        ("queue", 1),
        ("procedure", 3),
        ("organisation", 5),
        ("NHS", 3),
        ("GP", 2),
        ("A&E", 2),
        ("I", 1),
        ("rhythm", 1),
    ] {
        assert_eq!(syllables(word), want, "{word}");
    }
}

#[test]
fn sentences_words_and_grades_are_worked_out_as_documented() {
    assert_eq!(
        sentences("One. Two? Three!\nFour {} here 3.5 times... 12. e.g.x"),
        vec![
            "One.",
            "Two?",
            "Three!",
            "Four it here 3.5 times...",
            "e.g.x"
        ]
    );
    assert_eq!(
        words_of("It's (the) GP's - 3 A&E."),
        vec!["It's", "the", "GP's", "A&E"]
    );
    // 4 words, 4 syllables: 0.39 × 4 + 11.8 − 15.59.
    assert!((grade("The cat sat down.") - (1.56 + 11.8 - 15.59)).abs() < 1e-9);
    // 3 words, 8 syllables (or-gan-i-sa-tion, ad-min, is): 0.39 × 3 + 11.8 × 8 / 3 − 15.59.
    assert!((grade("Organisation admin is.") - (1.17 + 11.8 * 8.0 / 3.0 - 15.59)).abs() < 1e-9);
    assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
    assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), 2.5);
}

#[test]
fn ids_are_not_read_as_sentences() {
    let debug = r#"X { value: "gp-practice", label: Words { me: "A \"GP\"\nsurgery" }, t: [("gp", "GP practice"), (NoDate, "Enter it")] }"#;
    assert_eq!(
        debug_strings(debug),
        vec!["A \"GP\"\nsurgery", "GP practice", "Enter it"]
    );
}
