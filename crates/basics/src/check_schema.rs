//! The shape of `assets/data/check.toml`: the words and phrases the "Before you send" check
//! looks for, the plain-language explanation shown for each kind of flag, and the checks the
//! build runs on that file.
//!
//! The file is written by people, not programmers, so it uses a tiny phrase syntax instead of
//! regular expressions (see [`parse_phrase`]). The text of a letter and the phrases in the data
//! must be cut into words in exactly the same way, or a phrase could never match; so the word
//! rules ([`word_ranges`], [`normalise`]) live here too, and both `build.rs` (which checks every
//! phrase) and the check itself (the app's `domain::check`) use them.
//!
//! `load` reads the file and needs the `toml` crate, so it exists only with the `source`
//! feature (for `build.rs` and native tests, never the browser app). Like the other data, the
//! checked result is embedded as postcard, which is not self-describing: every field is always
//! written (no `skip_serializing_if`, no `flatten`, no untagged enums).

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::ops::Range;

/// The data file, relative to the repository root.
pub const CHECK_FILE: &str = "assets/data/check.toml";

crate::id_enum! {
    /// What a flag is about. The order here is the order flags on one sentence are shown in.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum FlagKind {
        /// Words that could be read as a threat or as abuse.
        Threat => "threat",
        /// Swear words, including ones partly hidden with `*`.
        Swearing => "swearing",
        /// A whole sentence in capital letters, which reads as shouting.
        Capitals => "capitals",
        /// Words that could be read as owning up to a crime (violence, damage, theft, weapons).
        Offence => "offence",
        /// Telling them about a past with the courts: a licence, probation, bail, a tag, a
        /// conviction, what someone was in prison for or the time they served.
        Justice => "justice",
        /// Words that say the person was drinking or using drugs.
        DrugsOrAlcohol => "drugs-or-alcohol",
        /// The full name of someone who is not staff: another patient, a neighbour, a friend.
        OtherPersonName => "other-person-name",
        /// A personal phone number.
        PhoneNumber => "phone-number",
        /// A date of birth, in the account rather than in the person's details.
        DateOfBirth => "date-of-birth",
        /// An NHS (or CHI) number, in the account rather than in the person's details.
        NhsNumber => "nhs-number",
    }
}

impl FlagKind {
    /// True for the kinds found by phrases in `check.toml`; the others are found by code
    /// (capitals, names, numbers and dates) and a `[[pattern]]` may not use them.
    pub fn is_phrase_kind(self) -> bool {
        matches!(
            self,
            FlagKind::Threat
                | FlagKind::Swearing
                | FlagKind::Offence
                | FlagKind::Justice
                | FlagKind::DrugsOrAlcohol
        )
    }
}

/// Everything in `check.toml`, after checking.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckData {
    /// The title and explanation for each kind of flag (`[[kind]]`).
    #[serde(rename = "kind")]
    pub kinds: Vec<KindText>,
    /// Named sets of phrases that patterns share, such as every way of writing "I will"
    /// (`[[group]]`).
    #[serde(rename = "group")]
    pub groups: Vec<Group>,
    /// What to flag (`[[pattern]]`).
    #[serde(rename = "pattern")]
    pub patterns: Vec<Pattern>,
    /// Phrases that change how nearby words are read, such as "she said" (`[[cue]]`).
    #[serde(rename = "cue")]
    pub cues: Vec<Cue>,
    /// Single-word lists (`[words.*]`).
    pub words: WordLists,
}

/// What the person is shown for one kind of flag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindText {
    /// The kind of flag this text is for (written `id` in the file).
    #[serde(rename = "id")]
    pub kind: FlagKind,
    /// A few words, shown as the flag's heading.
    pub title: String,
    /// Why this could hurt the person's case: short sentences, everyday words, no blame.
    pub explanation: String,
}

/// A named set of phrases, used in patterns as `{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Stable id, kebab-case, used in patterns as `{id}`.
    pub id: String,
    /// For whoever edits the file: what the group is for. Not shown to the person.
    pub why: String,
    /// The phrases, in the phrase syntax (see [`parse_phrase`]).
    pub phrases: Vec<String>,
}

/// Phrases that raise one kind of flag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    /// Stable id, kebab-case, unique among the patterns and cues.
    pub id: String,
    /// The kind of flag these phrases raise.
    pub kind: FlagKind,
    /// For whoever edits the file: why these words are a risk, and what was left out on
    /// purpose. Not shown to the person.
    pub why: String,
    /// The phrases, in the phrase syntax (see [`parse_phrase`]).
    pub phrases: Vec<String>,
}

/// What a cue does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CueRole {
    /// Someone else's words follow ("she said", "I was told"): threats, swearing and
    /// admissions after it are a report of what was said to the person, not their own words.
    ReportedSpeech,
    /// A date right after it is a date of birth ("born on", "DOB").
    DateOfBirth,
}

/// Phrases that change how the words near them are read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cue {
    /// Stable id, kebab-case, unique among the patterns and cues.
    pub id: String,
    /// What the cue does to the words near it.
    pub role: CueRole,
    /// For whoever edits the file: why the cue is there. Not shown to the person.
    pub why: String,
    /// The phrases, in the phrase syntax (see [`parse_phrase`]).
    pub phrases: Vec<String>,
}

/// A list of single words, lower case.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordList {
    /// For whoever edits the file: what the list is for. Not shown to the person.
    pub why: String,
    /// The words, lower case.
    pub words: Vec<String>,
}

/// The single-word lists the check's code relies on. Each is required.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordLists {
    /// Capitalised short forms that are not shouting ("NHS", "PALS").
    pub acronyms: WordList,
    /// Words for people who are not staff ("patient", "neighbour"): a full name next to one
    /// of these is flagged.
    pub person_words: WordList,
    /// Words for staff ("nurse", "receptionist"): a full name next to one is left alone.
    pub staff_words: WordList,
    /// Small words allowed between a person word and a name ("called", "my", "another").
    pub name_connectors: WordList,
    /// Capitalised words that are never part of a person's name (places, services, days,
    /// and words that start sentences).
    pub not_name_words: WordList,
    /// Titles before a name ("Dr", "Mrs"), skipped when reading the name.
    pub titles: WordList,
    /// Words for the person themselves as a speaker ("i", "we").
    pub self_words: WordList,
    /// Words that can stand between "I" and a speech verb ("I *then* said", "I *was* saying").
    pub self_speech_gap: WordList,
    /// Words that end a clause, and so the reach of "she said" ("but", "and").
    pub clause_breaks: WordList,
    /// Calling verbs ("rang"): a landline number after one is a service's, not a person's.
    pub call_words: WordList,
}

impl WordLists {
    /// Each list with its name in the file, for checking and error messages.
    pub fn named(&self) -> [(&'static str, &WordList); 10] {
        [
            ("acronyms", &self.acronyms),
            ("person_words", &self.person_words),
            ("staff_words", &self.staff_words),
            ("name_connectors", &self.name_connectors),
            ("not_name_words", &self.not_name_words),
            ("titles", &self.titles),
            ("self_words", &self.self_words),
            ("self_speech_gap", &self.self_speech_gap),
            ("clause_breaks", &self.clause_breaks),
            ("call_words", &self.call_words),
        ]
    }
}

impl CheckData {
    /// The same data without the `why` notes, which are for people editing the file and would
    /// only make the app bigger.
    pub fn without_notes(mut self) -> CheckData {
        self.groups.iter_mut().for_each(|g| g.why.clear());
        self.patterns.iter_mut().for_each(|p| p.why.clear());
        self.cues.iter_mut().for_each(|c| c.why.clear());
        let w = &mut self.words;
        for list in [
            &mut w.acronyms,
            &mut w.person_words,
            &mut w.staff_words,
            &mut w.name_connectors,
            &mut w.not_name_words,
            &mut w.titles,
            &mut w.self_words,
            &mut w.self_speech_gap,
            &mut w.clause_breaks,
            &mut w.call_words,
        ] {
            list.why.clear();
        }
        self
    }
}

// ---------------------------------------------------------------------------------------------
// Words: shared by the data checks and the check itself.

/// True for the apostrophes people type: straight, curly (’ ‘), backtick, acute accent and
/// modifier letter. All are read as `'`.
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' | '\u{2bc}' | '\u{2032}'
    )
}

/// Combining accents typed as separate characters stay part of their word.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// The byte ranges of the words in `text`, in order.
///
/// A word is a run of letters and digits. An apostrophe between two of them stays inside
/// ("don't", "O'Brien"); so does `*` after a letter, so that "f**k" is one word the check can
/// recognise. "'em" keeps its apostrophe. Everything else (spaces, punctuation, `-`, `/`, `&`)
/// separates words, so "A&E" is two one-letter words and "12/03/1985" is three numbers.
pub fn word_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let in_word = start.is_some();
        let keep = if c.is_alphanumeric() || (in_word && is_combining(c)) {
            true
        } else if is_apostrophe(c) {
            if in_word {
                next.is_some_and(char::is_alphanumeric)
            } else {
                starts_em(&text[i + c.len_utf8()..])
            }
        } else {
            c == '*' && in_word
        };
        match (keep, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// True when `rest` (the text after an apostrophe) is "em" as a whole word, as in "sort 'em".
fn starts_em(rest: &str) -> bool {
    let mut it = rest.chars();
    matches!((it.next(), it.next()), (Some('e' | 'E'), Some('m' | 'M')))
        && !it.next().is_some_and(char::is_alphanumeric)
}

/// Forms people often type without an apostrophe, and short forms, read as the full words.
/// Ambiguous ones ("ill", "id", "its", "were", "well") are left alone: patterns list them.
const BARE_FORMS: &[(&str, &[&str])] = &[
    ("im", &["i", "am"]),
    ("ive", &["i", "have"]),
    ("youll", &["you", "will"]),
    ("theyll", &["they", "will"]),
    ("youre", &["you", "are"]),
    ("theyre", &["they", "are"]),
    ("youve", &["you", "have"]),
    ("theyve", &["they", "have"]),
    ("youd", &["you", "'d"]),
    ("theyd", &["they", "'d"]),
    ("hes", &["he", "'s"]),
    ("shes", &["she", "'s"]),
    ("thats", &["that", "'s"]),
    ("whats", &["what", "'s"]),
    ("dont", &["do", "not"]),
    ("didnt", &["did", "not"]),
    ("doesnt", &["does", "not"]),
    ("wasnt", &["was", "not"]),
    ("werent", &["were", "not"]),
    ("isnt", &["is", "not"]),
    ("arent", &["are", "not"]),
    ("cant", &["can", "not"]),
    ("wouldnt", &["would", "not"]),
    ("couldnt", &["could", "not"]),
    ("shouldnt", &["should", "not"]),
    ("hasnt", &["has", "not"]),
    ("havent", &["have", "not"]),
    ("hadnt", &["had", "not"]),
    ("wont", &["will", "not"]),
    ("gonna", &["going", "to"]),
    ("wanna", &["want", "to"]),
    ("gotta", &["got", "to"]),
    ("u", &["you"]),
    ("ya", &["you"]),
    ("yous", &["you"]),
    ("youse", &["you"]),
];
/// Lower case for matching: ASCII, plus the Latin-1 capitals (À to Þ, but not ×), which sit
/// exactly 32 code points above their small letters. The word lists are English, so this folds
/// everything they can match; full Unicode lowercasing would add an 11 KB table to the download.
pub fn fold_case(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_uppercase() || (('\u{C0}'..='\u{DE}').contains(&c) && c != '\u{D7}') {
                char::from_u32(c as u32 + 32).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// One word as the check compares it: lower case (see [`fold_case`]), every apostrophe straight,
/// and contractions split so that "I'll", "I will" and "ill" can be matched by one phrase.
///
/// "n't" becomes "not" ("won't" is "will not"), "'ll" "will", "'re" "are", "'ve" "have",
/// "'m" "am". "'d" (would or had) and "'s" (is, has or possessive) stay as `'d` and `'s`, and
/// the phrase matcher lets them stand for either reading. Returns one or two words (three are
/// never needed).
pub fn normalise(raw: &str) -> Vec<String> {
    let lower: String = raw
        .chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .collect::<String>();
    let lower = fold_case(&lower);
    if lower == "'em" {
        return vec!["them".into()];
    }
    if let Some(stem) = lower.strip_suffix("n't") {
        let stem = match stem {
            "wo" => "will",
            "ca" => "can",
            "sha" => "shall",
            "ai" => "is",
            other => other,
        };
        if !stem.is_empty() && !stem.contains('\'') {
            return vec![stem.to_string(), "not".into()];
        }
    }
    for (suffix, full) in [
        ("'ll", "will"),
        ("'re", "are"),
        ("'ve", "have"),
        ("'m", "am"),
        ("'d", "'d"),
        ("'s", "'s"),
    ] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            if !stem.is_empty() && !stem.contains('\'') {
                return vec![stem.to_string(), full.to_string()];
            }
        }
    }
    if let Some((_, words)) = BARE_FORMS.iter().find(|(bare, _)| *bare == lower) {
        return words.iter().map(|w| w.to_string()).collect();
    }
    vec![lower]
}

/// The normalised words of a piece of text, in order.
pub fn words_of(text: &str) -> Vec<String> {
    word_ranges(text)
        .into_iter()
        .flat_map(|r| normalise(&text[r]))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Phrase syntax.

/// One part of a phrase, after [`parse_phrase`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// One of several words (`hit|punched`); each may be a contraction that stands for two
    /// normalised words ("i'd" is `i 'd`).
    Words {
        /// Each alternative, as normalised words.
        alternatives: Vec<Vec<String>>,
        /// True when the part may be left out (written with `?`).
        optional: bool,
    },
    /// Any phrase of a group (`{i-will}`).
    Group {
        /// The group's id.
        id: String,
        /// True when the part may be left out (written with `?`).
        optional: bool,
    },
    /// `$`: the end of the sentence or clause (a comma, a dash, a bracket, or a word such as
    /// "and" or "but").
    End,
}

/// Reads one phrase.
///
/// The syntax, kept small on purpose so it can be read by anyone editing the data:
/// - words separated by spaces, matched whole and in order, ignoring case and apostrophe style;
/// - `a|b|c`: any one of these words;
/// - `{group}`: any phrase from that `[[group]]` (in a group, only groups defined above it);
/// - `?` after a word, a `|` list or a group: it may be left out;
/// - `$` (last only): the sentence or clause ends here, so "or else $" matches "or else." but
///   not "or else I will be ill".
pub fn parse_phrase(phrase: &str) -> Result<Vec<Item>, String> {
    let mut items = Vec::new();
    for raw in phrase.split_whitespace() {
        if raw == "$" {
            items.push(Item::End);
            continue;
        }
        let (body, optional) = match raw.strip_suffix('?') {
            Some(body) => (body, true),
            None => (raw, false),
        };
        if let Some(id) = body.strip_prefix('{').and_then(|b| b.strip_suffix('}')) {
            if !is_kebab_id(id) {
                return Err(format!(
                    "`{raw}`: a group name is lower-case words joined by hyphens"
                ));
            }
            items.push(Item::Group {
                id: id.to_string(),
                optional,
            });
            continue;
        }
        let mut alternatives = Vec::new();
        for alt in body.split('|') {
            if alt.is_empty() {
                return Err(format!(
                    "`{raw}` has an empty choice; write `a|b`, not `a||b`"
                ));
            }
            if alt.starts_with(is_apostrophe) {
                return Err(format!(
                    "`{raw}`: write whole words (`i'm`, `you've`), not endings on their own"
                ));
            }
            if let Some(bad) = alt
                .chars()
                .find(|&c| !(c.is_alphanumeric() || is_apostrophe(c) || c == '.' || c == '-'))
            {
                return Err(format!(
                    "`{raw}` has `{bad}`; only letters, digits, apostrophes, `|`, `?`, `{{group}}` \
                     and `$` are allowed"
                ));
            }
            let words = words_of(alt);
            if words.is_empty() {
                return Err(format!("`{raw}` has no words"));
            }
            alternatives.push(words);
        }
        items.push(Item::Words {
            alternatives,
            optional,
        });
    }
    if items.is_empty() {
        return Err("is empty".into());
    }
    if let Some(i) = items.iter().position(|i| *i == Item::End) {
        if i != items.len() - 1 {
            return Err("`$` can only come last".into());
        }
        if i == 0 {
            return Err("needs at least one word before `$`".into());
        }
    }
    let required = items.iter().any(|item| match item {
        Item::Words { optional, .. } | Item::Group { optional, .. } => !optional,
        Item::End => false,
    });
    if !required {
        return Err("every part is optional, so it could match nothing".into());
    }
    Ok(items)
}

/// Every group spelt out, by id, in file order. A list, not a hash map: there are a few dozen
/// groups, looked up only while the check's phrases are built, and one more kind of hash map
/// would cost the letter tools' download more than the lookups ever cost.
#[derive(Clone, Debug, Default)]
pub struct Groups(Vec<(String, Vec<Vec<String>>)>);

impl Groups {
    /// The sequences group `id` spells out, if there is such a group.
    pub fn get(&self, id: &str) -> Option<&Vec<Vec<String>>> {
        self.0.iter().find(|(g, _)| g == id).map(|(_, s)| s)
    }
}

/// The most word sequences one group may spell out to. Far above what the data needs; it stops
/// a slip (a group that multiplies several big groups) from making the app slow.
pub const MAX_GROUP_SEQUENCES: usize = 3000;

/// Every word sequence a list of items can stand for, with `a|b`, `?` and groups spelt out.
/// `$` is ignored (groups cannot contain it). Stops growing past [`MAX_GROUP_SEQUENCES`].
pub fn expand(items: &[Item], groups: &Groups) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for item in items {
        let empty = Vec::new();
        let (choices, optional) = match item {
            Item::Words {
                alternatives,
                optional,
            } => (alternatives, *optional),
            Item::Group { id, optional } => (groups.get(id).unwrap_or(&empty), *optional),
            Item::End => continue,
        };
        let mut next = Vec::new();
        for prefix in &out {
            if optional {
                next.push(prefix.clone());
            }
            for choice in choices {
                let mut sequence = prefix.clone();
                sequence.extend(choice.iter().cloned());
                next.push(sequence);
            }
            if next.len() > MAX_GROUP_SEQUENCES {
                break;
            }
        }
        out = next;
    }
    out
}

/// Every group spelt out as word sequences, in file order (so a group can use the ones above
/// it). Phrases that do not parse are skipped here; [`validate`] reports them.
pub fn expand_groups(groups: &[Group]) -> Groups {
    let mut done = Groups::default();
    for group in groups {
        let mut sequences = Vec::new();
        for phrase in &group.phrases {
            if let Ok(items) = parse_phrase(phrase) {
                sequences.extend(expand(&items, &done));
            }
        }
        sequences.retain(|s| !s.is_empty());
        // Unstable is enough: equal sequences are the same, and dedup keeps one.
        sequences.sort_unstable();
        sequences.dedup();
        done.0.push((group.id.clone(), sequences));
    }
    done
}

// ---------------------------------------------------------------------------------------------
// Checks.

/// One thing wrong with `check.toml`, naming the file, the entry and the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckDataError {
    /// The file, always [`CHECK_FILE`].
    pub file: String,
    /// The entry's id (`sort-them-out`), its table (`words.acronyms`), or its position.
    pub entry: String,
    /// The field, e.g. `phrases[2]`.
    pub field: String,
    /// What is wrong, in words whoever edits the file can act on.
    pub problem: String,
}

impl CheckDataError {
    fn new(entry: &str, field: &str, problem: impl Into<String>) -> CheckDataError {
        CheckDataError {
            file: CHECK_FILE.to_string(),
            entry: entry.to_string(),
            field: field.to_string(),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for CheckDataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: entry `{}`, field `{}`: {}",
            self.file, self.entry, self.field, self.problem
        )
    }
}

/// True for `lower-case-words-with-hyphens` (digits allowed).
fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The longest sentence, in words, allowed in an explanation. Short sentences are the main
/// thing that makes text readable at a reading age of about 9 to 11.
pub const MAX_EXPLANATION_SENTENCE_WORDS: usize = 18;

/// Every problem in the data, or `Ok` when there are none.
pub fn validate(data: &CheckData) -> Result<(), Vec<CheckDataError>> {
    let mut errors = Vec::new();
    let mut fail = |entry: &str, field: &str, problem: String| {
        errors.push(CheckDataError::new(entry, field, problem));
    };

    // Kinds: each exactly once, with a short title and a plain explanation.
    for kind in FlagKind::ALL {
        let count = data.kinds.iter().filter(|k| k.kind == kind).count();
        if count != 1 {
            fail(
                &format!("kind {}", kind.id()),
                "id",
                format!(
                    "`{}` must have exactly one [[kind]] entry (found {count})",
                    kind.id()
                ),
            );
        }
    }
    for k in &data.kinds {
        let entry = format!("kind {}", k.kind.id());
        if k.title.trim().is_empty() {
            fail(&entry, "title", "is empty".into());
        } else if k.title.split_whitespace().count() > 6 {
            fail(&entry, "title", "is longer than 6 words".into());
        }
        if k.explanation.trim().is_empty() {
            fail(&entry, "explanation", "is empty".into());
        }
        for sentence in k.explanation.split(['.', '!', '?']) {
            let n = sentence.split_whitespace().count();
            if n > MAX_EXPLANATION_SENTENCE_WORDS {
                fail(
                    &entry,
                    "explanation",
                    format!(
                        "the sentence `{}` has {n} words; keep each under \
                         {MAX_EXPLANATION_SENTENCE_WORDS} so it is easy to read",
                        sentence.trim()
                    ),
                );
            }
        }
    }

    // Groups. A group may use groups defined above it, never below, so none can contain itself.
    let mut ids = HashSet::new();
    let mut defined: HashSet<&str> = HashSet::new();
    for (i, g) in data.groups.iter().enumerate() {
        let entry = entry_name(&g.id, "group", i);
        check_id(&mut fail, &entry, &g.id, &mut ids);
        if g.why.trim().is_empty() {
            fail(&entry, "why", "is empty; say what the group is for".into());
        }
        if g.phrases.is_empty() {
            fail(&entry, "phrases", "needs at least one phrase".into());
        }
        for (j, phrase) in g.phrases.iter().enumerate() {
            let field = format!("phrases[{j}]");
            match parse_phrase(phrase) {
                Err(problem) => fail(&entry, &field, problem),
                Ok(items) => {
                    for item in items {
                        match item {
                            Item::Group { id, .. } if !defined.contains(id.as_str()) => fail(
                                &entry,
                                &field,
                                format!(
                                    "`{{{id}}}` is not a [[group]] defined above this one \
                                     (a group can only use groups before it in the file)"
                                ),
                            ),
                            Item::End => fail(&entry, &field, "groups cannot use `$`".into()),
                            Item::Group { .. } | Item::Words { .. } => {}
                        }
                    }
                }
            }
        }
        defined.insert(g.id.as_str());
    }
    let expanded = expand_groups(&data.groups);
    for (i, g) in data.groups.iter().enumerate() {
        if expanded
            .get(&g.id)
            .is_some_and(|s| s.len() > MAX_GROUP_SEQUENCES)
        {
            fail(
                &entry_name(&g.id, "group", i),
                "phrases",
                format!(
                    "spells out to more than {MAX_GROUP_SEQUENCES} word sequences; split it \
                     into smaller groups"
                ),
            );
        }
    }
    let groups: HashSet<&str> = data.groups.iter().map(|g| g.id.as_str()).collect();

    // Patterns and cues share one set of ids, so a message naming an id is never ambiguous.
    let mut ids = HashSet::new();
    let entries = data
        .patterns
        .iter()
        .enumerate()
        .map(|(i, p)| (entry_name(&p.id, "pattern", i), &p.id, &p.why, &p.phrases))
        .chain(
            data.cues
                .iter()
                .enumerate()
                .map(|(i, c)| (entry_name(&c.id, "cue", i), &c.id, &c.why, &c.phrases)),
        )
        .collect::<Vec<_>>();
    for (entry, id, why, phrases) in entries {
        check_id(&mut fail, &entry, id, &mut ids);
        if why.trim().is_empty() {
            fail(
                &entry,
                "why",
                "is empty; say why these words are here".into(),
            );
        }
        if phrases.is_empty() {
            fail(&entry, "phrases", "needs at least one phrase".into());
        }
        for (j, phrase) in phrases.iter().enumerate() {
            let field = format!("phrases[{j}]");
            match parse_phrase(phrase) {
                Err(problem) => fail(&entry, &field, problem),
                Ok(items) => {
                    for item in items {
                        if let Item::Group { id, .. } = item {
                            if !groups.contains(id.as_str()) {
                                fail(
                                    &entry,
                                    &field,
                                    format!("`{{{id}}}` is not a [[group]] in this file"),
                                );
                            }
                        }
                    }
                }
            }
        }
    }
    for (i, p) in data.patterns.iter().enumerate() {
        if !p.kind.is_phrase_kind() {
            fail(
                &entry_name(&p.id, "pattern", i),
                "kind",
                format!(
                    "`{}` is found by the check's own code, not by phrases; use threat, \
                     swearing, offence or drugs-or-alcohol",
                    p.kind.id()
                ),
            );
        }
    }
    for role in [CueRole::ReportedSpeech, CueRole::DateOfBirth] {
        if !data.cues.iter().any(|c| c.role == role) {
            fail("cue", "role", format!("needs at least one {role:?} cue"));
        }
    }

    // Word lists: each filled in, explained, and one lower-case word per entry.
    for (name, list) in data.words.named() {
        let entry = format!("words.{name}");
        if list.why.trim().is_empty() {
            fail(&entry, "why", "is empty; say what the list is for".into());
        }
        if list.words.is_empty() {
            fail(&entry, "words", "needs at least one word".into());
        }
        let mut seen = HashSet::new();
        for (j, word) in list.words.iter().enumerate() {
            let field = format!("words[{j}]");
            if normalise(word) != [word.clone()] || word.split_whitespace().count() != 1 {
                fail(
                    &entry,
                    &field,
                    format!("`{word}` must be one lower-case word, written as the check reads it"),
                );
            } else if !seen.insert(word.as_str()) {
                fail(&entry, &field, format!("`{word}` is listed twice"));
            }
        }
    }

    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn entry_name(id: &str, table: &str, position: usize) -> String {
    if id.is_empty() {
        format!("{table} {}", position + 1)
    } else {
        id.to_string()
    }
}

fn check_id<'a>(
    fail: &mut impl FnMut(&str, &str, String),
    entry: &str,
    id: &'a str,
    seen: &mut HashSet<&'a str>,
) {
    if !is_kebab_id(id) {
        fail(
            entry,
            "id",
            "must be lower-case words joined by hyphens, like `sort-them-out`".into(),
        );
    } else if !seen.insert(id) {
        fail(
            entry,
            "id",
            "is used by another entry; ids must be unique".into(),
        );
    }
}

/// Parses and checks `check.toml`. Returns every problem found, not only the first.
#[cfg(feature = "source")]
pub fn load(text: &str) -> Result<CheckData, Vec<CheckDataError>> {
    let data: CheckData = toml::from_str(text).map_err(|error| {
        let offset = error.span().map(|s| s.start.min(text.len()));
        let line = offset.map(|o| text[..o].lines().count().max(1));
        let (entry, field) = locate(text, offset);
        let at = line.map(|l| format!(" (line {l})")).unwrap_or_default();
        vec![CheckDataError::new(
            &entry,
            &field,
            format!("{}{at}", error.message().trim()),
        )]
    })?;
    validate(&data)?;
    Ok(data)
}

/// The entry (`[[pattern]]` id or `[words.x]` table) and key at byte `offset`, so a TOML error
/// names them rather than only a line number.
#[cfg(feature = "source")]
fn locate(text: &str, offset: Option<usize>) -> (String, String) {
    let Some(offset) = offset else {
        return ("(whole file)".into(), "(unknown)".into());
    };
    let before = &text[..offset];
    let mut entry = "(top of file)".to_string();
    let mut count = 0;
    let mut id = None;
    for line in before.lines() {
        let line = line.trim();
        if let Some(table) = line.strip_prefix("[[").and_then(|l| l.strip_suffix("]]")) {
            count += 1;
            entry = format!("{table} {count}");
            id = None;
        } else if let Some(table) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            entry = table.to_string();
            id = None;
        } else if let Some(value) = line
            .strip_prefix("id")
            .and_then(|rest| rest.trim_start().strip_prefix('='))
        {
            id = Some(value.trim().trim_matches('"').to_string());
        }
    }
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = text[line_start..]
        .find('\n')
        .map(|i| line_start + i)
        .unwrap_or(text.len());
    let field = text[line_start..line_end]
        .split_once('=')
        .map(|(key, _)| key.trim().to_string())
        .filter(|key| !key.is_empty() && !key.starts_with('[') && !key.starts_with('"'))
        .unwrap_or_else(|| "(see message)".into());
    (id.unwrap_or(entry), field)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        word_ranges(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_and_stars() {
        assert_eq!(
            words("I’ll f**k off, don't!"),
            ["I’ll", "f**k", "off", "don't"]
        );
        assert_eq!(
            words("A&E 12/03/1985 ex-partner"),
            ["A", "E", "12", "03", "1985", "ex", "partner"]
        );
        assert_eq!(words("sort 'em out *** **"), ["sort", "'em", "out"]);
        assert_eq!(words("the patients' rights"), ["the", "patients", "rights"]);
    }

    #[test]
    fn contractions_and_bare_forms_read_the_same() {
        assert_eq!(words_of("I’ll"), words_of("I will"));
        assert_eq!(words_of("im gonna"), words_of("I am going to"));
        assert_eq!(words_of("won't"), ["will", "not"]);
        assert_eq!(words_of("I'd"), ["i", "'d"]);
        assert_eq!(words_of("O'Brien"), ["o'brien"]);
        assert_eq!(words_of("ÉCOLE"), ["école"]);
    }

    #[test]
    fn phrase_syntax() {
        let items = parse_phrase("{i-will} sort|batter? them $").unwrap();
        assert_eq!(items.len(), 4);
        assert!(parse_phrase("or $ else").is_err());
        assert!(parse_phrase("a? {b}?").is_err());
        assert!(parse_phrase("watch, your back").is_err());
        assert!(parse_phrase("a||b").is_err());
        assert!(parse_phrase("{Bad_Group}").is_err());
    }
}
