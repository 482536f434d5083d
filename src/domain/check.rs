//! "Before you send": a private check for words that could hurt the person's own case.
//!
//! Some people using the app were removed from a GP list because of how they behaved (the
//! Special Allocation Scheme), or have offending, drug or alcohol histories. A letter that reads
//! as threatening, that admits an offence or drug use, or tells of a licence, probation or a
//! conviction they did not mean to put in writing, or that names other patients, can be set
//! aside or held against them. An advocate would catch
//! this by reading the letter; someone writing alone has nobody to do that. [`check`] reads it
//! for them, on their device.
//!
//! What it promises:
//! - It **never changes** the person's words and **never blocks** anything. Each [`Flag`]
//!   points at a sentence and explains the risk in plain words; the person chooses "keep it as
//!   it is" or "let me change it" in the interface.
//! - It reads reports of what was done or said *to* the person as reports: "he threatened me",
//!   "she said I'd regret it", "they told me to watch my back", "they locked us both in a
//!   stairwell", "they said I was drunk but I wasn't" are not flagged.
//! - It runs offline and in time roughly proportional to the length of the text.
//!
//! The words and phrases are data (`assets/data/check.toml`, see
//! [`crate::data::check_schema`]); this module holds the reading rules that need code: sentence
//! splitting, reported speech, capitals, names, numbers and dates.
//!
//! `check` is meant for the person's own account (the "what happened" answer), where an NHS
//! number or a date of birth is always in the wrong place: those belong with their details.

mod numbers;
mod phrases;
mod text;

pub use crate::data::check_schema::FlagKind;
pub use numbers::nhs_number_is_valid;
pub use text::sentences;

use crate::data::check_schema::{CheckData, CueRole};
use numbers::NumberKind;
use phrases::{Hit, Phrases, Role};
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;
use text::{gap, Sentence, Token};

/// One thing worth a second look, in one sentence.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Flag {
    pub kind: FlagKind,
    /// The sentence, as a byte range into the text that was checked.
    pub sentence: Range<usize>,
    /// The sentence's text, exactly as written.
    pub sentence_text: String,
    /// The words that raised the flag, exactly as written (several are joined with ", ").
    pub matched: String,
    /// Where those words are, as byte ranges into the text (for highlighting), in order and
    /// not overlapping.
    pub spans: Vec<Range<usize>>,
    /// Why this could be a risk, in plain words (from `check.toml`).
    pub explanation: String,
}

/// Reads text for words that could hurt the writer's case, using one set of word lists.
/// [`check`] uses the embedded lists; tests can build one from other data.
pub struct Checker {
    phrases: Phrases,
    titles: Vec<String>,
    explanations: Vec<String>,
    acronyms: HashSet<String>,
    person_words: HashSet<String>,
    staff_words: HashSet<String>,
    name_connectors: HashSet<String>,
    not_name_words: HashSet<String>,
    titles_before_names: HashSet<String>,
    self_words: HashSet<String>,
    self_speech_gap: HashSet<String>,
    clause_breaks: HashSet<String>,
    call_words: HashSet<String>,
}

static CHECKER: LazyLock<Checker> = LazyLock::new(|| Checker::new(crate::data::check_data()));

/// Checks the person's own words with the embedded word lists. Flags come in text order, one
/// per kind per sentence.
pub fn check(text: &str) -> Vec<Flag> {
    CHECKER.check(text)
}

/// The words the person sees for each [`FlagKind`], from the embedded word lists. A trait
/// because `FlagKind` is defined in the basics crate (the data files name it), where the
/// embedded lists are out of reach.
pub trait FlagText {
    /// The flag's heading for the person, e.g. "This could sound like a threat".
    fn title(self) -> &'static str;

    /// Why this kind of flag could be a risk, in plain words.
    fn explanation(self) -> &'static str;
}

impl FlagText for FlagKind {
    fn title(self) -> &'static str {
        CHECKER.title(self)
    }

    fn explanation(self) -> &'static str {
        CHECKER.explanation(self)
    }
}

/// The opening of the "Before you send" panel: what the check is for, in plain words.
pub const ABOUT: &str = "We read your words on this device for things that could make your letter harder to hear, or that you may not want on file. Nothing is sent anywhere, and we never change your words: you decide.";

/// Shown when the check has nothing to point out. It never says "nothing found": it says what
/// it looked for, and that a person reading the letter can catch what it cannot.
pub const NOTHING_SPOTTED: &str = "We looked for threats, swearing, whole sentences in capitals, drink or drugs, breaking the law, and prison or probation. We also looked for other people's names, phone numbers, dates of birth and NHS numbers. We did not spot any. A check cannot catch everything, so ask an advocate or someone you trust to read it.";

/// Words that may follow "he said" at the end of a quote ("'Watch your back,' he said to me.").
const AFTER_ATTRIBUTION: &[&str] = &["to", "me", "us", "him", "her", "them", "again", "loudly"];
/// Words before a past-tense speech verb that make it something said *to* the person ("I was
/// told", "I got warned").
const PASSIVE: &[&str] = &[
    "was", "were", "got", "get", "gets", "been", "being", "be", "is", "are", "am",
];

fn set(words: &[String]) -> HashSet<String> {
    words.iter().cloned().collect()
}

impl Checker {
    /// Prepares the word lists and phrases for checking.
    pub fn new(data: &CheckData) -> Checker {
        let text_of = |kind: FlagKind, title: bool| {
            data.kinds
                .iter()
                .find(|k| k.kind == kind)
                .map(|k| {
                    if title {
                        k.title.clone()
                    } else {
                        k.explanation.clone()
                    }
                })
                .unwrap_or_else(|| kind.id().to_string())
        };
        let w = &data.words;
        Checker {
            phrases: Phrases::new(data),
            titles: FlagKind::ALL.iter().map(|&k| text_of(k, true)).collect(),
            explanations: FlagKind::ALL.iter().map(|&k| text_of(k, false)).collect(),
            acronyms: set(&w.acronyms.words),
            person_words: set(&w.person_words.words),
            staff_words: set(&w.staff_words.words),
            name_connectors: set(&w.name_connectors.words),
            not_name_words: set(&w.not_name_words.words),
            titles_before_names: set(&w.titles.words),
            self_words: set(&w.self_words.words),
            self_speech_gap: set(&w.self_speech_gap.words),
            clause_breaks: set(&w.clause_breaks.words),
            call_words: set(&w.call_words.words),
        }
    }

    fn index(kind: FlagKind) -> usize {
        FlagKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
    }

    /// The heading for a kind of flag.
    pub fn title(&self, kind: FlagKind) -> &str {
        &self.titles[Self::index(kind)]
    }

    /// The plain-language explanation for a kind of flag.
    pub fn explanation(&self, kind: FlagKind) -> &str {
        &self.explanations[Self::index(kind)]
    }

    /// Checks `text`. Flags come in text order, one per kind per sentence, each with every
    /// matching span in that sentence.
    pub fn check(&self, text: &str) -> Vec<Flag> {
        let tokens = text::tokenise(text);
        let toks = &tokens.toks;
        let clause_end = self.clause_ends(text, toks, &tokens.sentences);
        let readings = self.phrases.readings(toks);
        let mut found: BTreeMap<(usize, FlagKind), Vec<Range<usize>>> = BTreeMap::new();
        for (index, s) in tokens.sentences.iter().enumerate() {
            let mut add = |kind: FlagKind, span: Range<usize>| {
                found.entry((index, kind)).or_default().push(span);
            };
            let hits = self.phrases.find(&readings, s.toks.clone(), &clause_end);
            let speech = self.reported_speech(text, toks, s, &hits);
            for hit in &hits {
                if let Role::Flag(kind) = hit.role {
                    let k = hit.start - s.toks.start;
                    if !speech.reported[k] && !self.attributed_after(text, toks, s, hit, &speech) {
                        add(
                            kind,
                            toks[hit.start].range.start..toks[hit.end - 1].range.end,
                        );
                    }
                }
            }
            self.dates_of_birth(text, toks, s, &hits, &mut add);
            self.numbers(text, toks, s, &mut add);
            self.names(text, toks, s, &mut add);
            if self.is_shouting(toks, s) {
                add(FlagKind::Capitals, s.range.clone());
            }
        }
        found
            .into_iter()
            .map(|((index, kind), spans)| {
                let sentence = tokens.sentences[index].range.clone();
                let spans = merge(spans);
                let mut matched: Vec<&str> = Vec::new();
                for span in &spans {
                    let words = &text[span.clone()];
                    if !matched.contains(&words) {
                        matched.push(words);
                    }
                }
                Flag {
                    kind,
                    sentence_text: text[sentence.clone()].to_string(),
                    sentence,
                    matched: matched.join(", "),
                    spans,
                    explanation: self.explanation(kind).to_string(),
                }
            })
            .collect()
    }

    /// For each token, whether a clause ends just before it: punctuation that separates
    /// clauses (see [`has_clause_punctuation`]), a double quotation mark, or a word such as
    /// "and" or "but". `$` in a phrase matches there, and at the end of the sentence.
    fn clause_ends(&self, text: &str, toks: &[Token], sentences: &[Sentence]) -> Vec<bool> {
        let mut out = vec![false; toks.len()];
        for s in sentences {
            for i in s.toks.clone() {
                if i == s.toks.start || !toks[i].first {
                    continue;
                }
                let g = gap(text, toks, i);
                out[i] = has_clause_punctuation(g)
                    || g.contains(['"', '“', '”'])
                    || self.clause_breaks.contains(&toks[i].norm);
            }
        }
        out
    }

    /// True when the speech cue starting at token `at` has the person as its speaker ("I told
    /// them", "I then said", "I was saying"), so what follows is their own words.
    fn is_self_speech(&self, toks: &[Token], s: &Sentence, at: usize) -> bool {
        let verb = &toks[at].norm;
        if at > s.toks.start
            && !verb.ends_with("ing")
            && PASSIVE.contains(&toks[at - 1].norm.as_str())
        {
            return false; // "I was told", "I got warned": someone else spoke.
        }
        let mut j = at;
        for _ in 0..3 {
            if j == s.toks.start {
                return false;
            }
            j -= 1;
            let word = &toks[j].norm;
            if self.self_words.contains(word) {
                return true;
            }
            if !self.self_speech_gap.contains(word) {
                return false;
            }
        }
        false
    }

    /// Which tokens of the sentence are inside someone else's reported words.
    ///
    /// A speech cue ("she said", "I was told", "they accused me") starts reported speech; it
    /// lasts until the clause ends (a comma or dash, or a word like "but" or "and"), except
    /// inside quotation marks, which it lasts to the end of.
    fn reported_speech(&self, text: &str, toks: &[Token], s: &Sentence, hits: &[Hit]) -> Speech {
        let base = s.toks.start;
        let n = s.toks.len();
        let mut cue_end = vec![None::<usize>; n];
        for hit in hits {
            if hit.role == Role::Cue(CueRole::ReportedSpeech)
                && !self.is_self_speech(toks, s, hit.start)
            {
                let slot = &mut cue_end[hit.start - base];
                *slot = Some(slot.map_or(hit.end, |e| e.max(hit.end)));
            }
        }
        let mut reported = vec![false; n];
        let mut inside = false;
        let mut until = 0;
        let mut words_since = 0;
        let mut quoted = false;
        for i in s.toks.clone() {
            if i > base && toks[i].first {
                let g = gap(text, toks, i);
                quoted = update_quotes(text, toks[i - 1].range.end, g, quoted);
                let ends_clause =
                    has_clause_punctuation(g) || self.clause_breaks.contains(&toks[i].norm);
                if inside && words_since > 0 && !quoted && ends_clause {
                    inside = false;
                }
            }
            if let Some(end) = cue_end[i - base] {
                inside = true;
                until = end;
                words_since = 0;
            }
            reported[i - base] = inside;
            if inside && i >= until {
                words_since += 1;
            }
        }
        Speech { reported, cue_end }
    }

    /// True when a hit is followed by an attribution to someone else: "'You'll regret it,' he
    /// said." / "Watch your back, the guard told me."
    fn attributed_after(
        &self,
        text: &str,
        toks: &[Token],
        s: &Sentence,
        hit: &Hit,
        speech: &Speech,
    ) -> bool {
        let end = s.toks.end;
        if hit.end >= end
            || !gap(text, toks, hit.end).contains([',', '"', '”', '’', '\'', '—', '–', '-'])
        {
            return false;
        }
        for at in hit.end..(hit.end + 4).min(end) {
            if at > hit.end && self.clause_breaks.contains(&toks[at].norm) {
                return false;
            }
            let Some(cue_end) = speech.cue_end[at - s.toks.start] else {
                continue;
            };
            // The attribution must close the clause: "he said." or "he said to me", not "he
            // said I was drunk", where the earlier words are the person's own again.
            let mut after = cue_end;
            while after < end
                && after < cue_end + 2
                && AFTER_ATTRIBUTION.contains(&toks[after].norm.as_str())
            {
                after += 1;
            }
            return after >= end || has_clause_punctuation(gap(text, toks, after));
        }
        false
    }

    fn dates_of_birth(
        &self,
        text: &str,
        toks: &[Token],
        s: &Sentence,
        hits: &[Hit],
        add: &mut impl FnMut(FlagKind, Range<usize>),
    ) {
        let dates = numbers::find_dates(text, toks, s.toks.clone());
        for hit in hits
            .iter()
            .filter(|h| h.role == Role::Cue(CueRole::DateOfBirth))
        {
            let near = dates.iter().find(|d| {
                d.start >= hit.end
                    && d.start - hit.end <= 3
                    && (hit.end..d.start).all(|t| !self.clause_breaks.contains(&toks[t].norm))
            });
            if let Some(date) = near {
                add(
                    FlagKind::DateOfBirth,
                    toks[hit.start].range.start..toks[date.end - 1].range.end,
                );
            }
        }
    }

    fn numbers(
        &self,
        text: &str,
        toks: &[Token],
        s: &Sentence,
        add: &mut impl FnMut(FlagKind, Range<usize>),
    ) {
        for (kind, first, last) in numbers::find_numbers(text, toks, s.toks.clone()) {
            // Include a leading "+" or "(" so the highlight covers the number as written.
            let start = toks[first].range.start;
            let start =
                start - (text[..start].len() - text[..start].trim_end_matches(['+', '(']).len());
            let span = start..toks[last].range.end;
            match kind {
                NumberKind::Mobile => add(FlagKind::PhoneNumber, span),
                NumberKind::Landline => {
                    // "I rang the surgery on 01273 ...": a service's number.
                    let from = first.saturating_sub(6).max(s.toks.start);
                    if !(from..first).any(|t| self.call_words.contains(&toks[t].norm)) {
                        add(FlagKind::PhoneNumber, span);
                    }
                }
                NumberKind::Service => {}
                NumberKind::Nhs => add(FlagKind::NhsNumber, span),
            }
        }
    }

    /// Full names (two or three capitalised words) right next to a word for someone who is not
    /// staff: "another patient, John Smith", "my neighbour Sarah Jones", "John Smith, another
    /// patient". A name next to a staff word, or next to nothing, is left alone: naming staff
    /// is normal in a complaint.
    fn names(
        &self,
        text: &str,
        toks: &[Token],
        s: &Sentence,
        add: &mut impl FnMut(FlagKind, Range<usize>),
    ) {
        let words: Vec<usize> = s.toks.clone().filter(|&i| toks[i].first).collect();
        let mut k = 0;
        while k < words.len() {
            if !toks[words[k]].cap {
                k += 1;
                continue;
            }
            let mut m = k + 1;
            while m < words.len() && toks[words[m]].cap && joins_name(gap(text, toks, words[m])) {
                m += 1;
            }
            let run = &words[k..m];
            k = m;
            // Skip what starts the run but is not a name: "Then", "The", a title.
            let skip = run
                .iter()
                .take_while(|&&i| {
                    self.not_name_words.contains(&toks[i].norm)
                        || self.titles_before_names.contains(&toks[i].norm)
                })
                .count();
            let name = &run[skip..];
            if !(2..=3).contains(&name.len()) {
                continue;
            }
            let not_a_name = name.iter().any(|&i| {
                self.not_name_words.contains(&toks[i].norm)
                    || self.titles_before_names.contains(&toks[i].norm)
                    || self.acronyms.contains(&toks[i].norm)
                    || text[toks[i].range.clone()].chars().any(|c| c.is_numeric())
            });
            if not_a_name {
                continue;
            }
            let first = name[0];
            let last = name[name.len() - 1];
            let mut after = last + 1;
            while after < s.toks.end && !toks[after].first {
                after += 1;
            }
            if self.person_before(toks, s, run[0]) || self.person_after(text, toks, s, after) {
                add(
                    FlagKind::OtherPersonName,
                    toks[first].range.start..toks[last].range.end,
                );
            }
        }
    }

    /// Looks back from a name for a person or staff word, over connecting words only.
    fn person_before(&self, toks: &[Token], s: &Sentence, start: usize) -> bool {
        let mut j = start;
        for _ in 0..5 {
            if j == s.toks.start {
                return false;
            }
            j -= 1;
            match self.person_or_staff(&toks[j].norm) {
                Some(is_person) => return is_person,
                None if self.connects(&toks[j].norm) => {}
                None => return false,
            }
        }
        false
    }

    /// Looks on from a name, after a comma, dash or bracket, for a person or staff word:
    /// "John Smith, another patient".
    fn person_after(&self, text: &str, toks: &[Token], s: &Sentence, after: usize) -> bool {
        if after >= s.toks.end || !gap(text, toks, after).contains([',', '(', '-', '–', '—']) {
            return false;
        }
        for tok in &toks[after..(after + 5).min(s.toks.end)] {
            match self.person_or_staff(&tok.norm) {
                Some(is_person) => return is_person,
                None if self.connects(&tok.norm) => {}
                None => return false,
            }
        }
        false
    }

    /// `Some(true)` for a word for someone who is not staff, `Some(false)` for staff.
    fn person_or_staff(&self, word: &str) -> Option<bool> {
        if self.staff_words.contains(word) {
            Some(false)
        } else if self.person_words.contains(word) {
            Some(true)
        } else {
            None
        }
    }

    fn connects(&self, word: &str) -> bool {
        self.name_connectors.contains(word) || self.titles_before_names.contains(word)
    }

    /// A sentence reads as shouting when nearly all its words are in capitals and at least two
    /// of them are real words of four letters or more. Short words ("I", "OK", "GP") and known
    /// short forms ("NHS", "PALS", "A&E") do not count, so "I went to A&E and the NHS GP" is
    /// fine, and so is one word in capitals for emphasis.
    fn is_shouting(&self, toks: &[Token], s: &Sentence) -> bool {
        let mut counted = 0;
        let mut capitals = 0;
        let mut long_capitals = 0;
        for tok in toks[s.toks.clone()].iter().filter(|t| t.first) {
            if tok.letters < 2 || self.acronyms.contains(&tok.norm) {
                continue;
            }
            counted += 1;
            if tok.all_caps {
                capitals += 1;
                if tok.letters >= 4 {
                    long_capitals += 1;
                }
            }
        }
        long_capitals >= 2 && capitals * 5 >= counted * 4
    }
}

/// Reported speech in one sentence.
struct Speech {
    /// Per token: inside someone else's reported words.
    reported: Vec<bool>,
    /// Per token: where a speech cue by someone else that starts there ends.
    cue_end: Vec<Option<usize>>,
}

/// Commas, semicolons, colons, brackets, dashes and a full stop or mark left inside a sentence
/// ("e.g.", "Dr.") separate clauses; a hyphen inside a word ("ex-partner") does not.
fn has_clause_punctuation(gap: &str) -> bool {
    gap.contains([',', ';', ':', '(', ')', '[', ']', '–', '—'])
        || gap.contains(" - ")
        || gap.contains(['.', '!', '?'])
}

/// True when the text between two capitalised words keeps them in one name ("John Smith",
/// "Sarah Smith-Jones").
fn joins_name(gap: &str) -> bool {
    gap == "-" || (!gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

/// Follows quotation marks through the text between two words. Double and curly quotes are
/// clear; a straight or curly single quote opens a quote when it comes before a word with a
/// space or bracket before it, and otherwise closes one (an apostrophe inside a word is never in
/// a gap, so it cannot be mistaken).
fn update_quotes(text: &str, gap_start: usize, gap: &str, mut quoted: bool) -> bool {
    for (k, c) in gap.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '“' | '«' | '„' | '‘' => quoted = true,
            '”' | '»' => quoted = false,
            '\'' | '’' => {
                let at = gap_start + k;
                let before = text[..at].chars().next_back();
                let after = text[at + c.len_utf8()..].chars().next();
                let opens = before.is_none_or(|b| b.is_whitespace() || "([{".contains(b))
                    && after.is_some_and(|a| !a.is_whitespace());
                // Anything that does not open a quote closes one.
                quoted = opens;
            }
            _ => {}
        }
    }
    quoted
}

/// Sorts spans and joins overlapping ones.
fn merge(mut spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    // Unstable is enough: spans with the same start and end are the same span.
    spans.sort_unstable_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for span in spans {
        match out.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => out.push(span),
        }
    }
    out
}

// These tests read the TOML files, which only the native build can parse.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn kinds(text: &str) -> Vec<FlagKind> {
        check(text).into_iter().map(|f| f.kind).collect()
    }

    fn shouting(text: &str) -> bool {
        kinds(text).contains(&FlagKind::Capitals)
    }

    #[test]
    fn embedded_word_lists_decode_and_pass_their_checks() {
        let data = crate::data::check_data();
        assert!(!data.patterns.is_empty() && !data.words.acronyms.words.is_empty());
        let source = std::fs::read_to_string(crate::data::check_schema::CHECK_FILE).unwrap();
        let loaded = crate::data::check_schema::load(&source).expect("check.toml is valid");
        assert_eq!(
            *data,
            loaded.without_notes(),
            "the app ships check.toml minus the notes"
        );
        for kind in FlagKind::ALL {
            assert_ne!(kind.title(), kind.id(), "{} has a title", kind.id());
            assert!(kind.explanation().len() > 40);
        }
    }

    #[test]
    fn the_panel_says_what_was_looked_for_and_never_nothing_found() {
        for kind in FlagKind::ALL {
            // A new kind fails to compile here until the sentence names it.
            let said = match kind {
                FlagKind::Threat => "threat",
                FlagKind::Swearing => "swearing",
                FlagKind::Capitals => "capitals",
                FlagKind::Offence => "breaking the law",
                FlagKind::Justice => "prison or probation",
                FlagKind::DrugsOrAlcohol => "drink or drugs",
                FlagKind::OtherPersonName => "names",
                FlagKind::PhoneNumber => "phone numbers",
                FlagKind::DateOfBirth => "dates of birth",
                FlagKind::NhsNumber => "NHS numbers",
            };
            assert!(NOTHING_SPOTTED.contains(said), "{said}");
        }
        assert!(NOTHING_SPOTTED.contains("advocate"));
        for text in [ABOUT, NOTHING_SPOTTED] {
            let lower = text.to_lowercase();
            for never in [
                "nothing found",
                "found nothing",
                "used against you",
                "caution",
            ] {
                assert!(!lower.contains(never), "{never}");
            }
        }
    }

    #[test]
    fn capitals_mean_a_whole_sentence_not_an_acronym() {
        assert!(shouting("NOBODY WOULD LISTEN TO ME."));
        assert!(shouting("I WAS SCARED AND ALONE"));
        assert!(
            shouting("ΚΑΝΕΙΣ ΔΕΝ ΜΕ ΑΚΟΥΣΕ"),
            "any alphabet with capitals"
        );
        assert!(!shouting(
            "I went to A&E, the NHS GP, PALS, the SAS practice and the ICB."
        ));
        assert!(!shouting("I was NOT drunk."), "one word for emphasis");
        assert!(
            !shouting("I WAS SCARED."),
            "one long word is not enough to be sure"
        );
        assert!(!shouting("The CMHT and the AMHP and the PTSD clinic."));
        assert!(!shouting("OK"));
        // Only the sentence in capitals is flagged, not its neighbours.
        let text = "I asked for help. NOBODY CAME TO HELP ME. Then I left.";
        let flags = check(text);
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].sentence_text, "NOBODY CAME TO HELP ME.");
    }

    #[test]
    fn reported_speech_lasts_to_the_end_of_the_clause() {
        assert!(kinds("She said I'd regret it.").is_empty());
        assert!(
            kinds("I was told I was drunk.").is_empty(),
            "passive: someone else spoke"
        );
        assert!(kinds("I got told to f*** off.").is_empty());
        assert!(kinds("They thought I was using heroin, which is not true.").is_empty());
        assert_eq!(
            kinds("I said I'd batter him."),
            [FlagKind::Threat],
            "the person spoke"
        );
        assert_eq!(kinds("I was saying I'd sort them out."), [FlagKind::Threat]);
        assert_eq!(
            kinds("They said I was aggressive, I was drunk."),
            [FlagKind::DrugsOrAlcohol],
            "the comma ends the report"
        );
        assert_eq!(
            kinds("I punched him, he said I was drunk."),
            [FlagKind::Offence]
        );
        assert!(kinds("\"Watch your back,\" he said.").is_empty());
        assert!(kinds("Watch your back, the guard told me.").is_empty());
        assert!(kinds("The doctor told me \"watch yourself\" and laughed.").is_empty());
    }

    #[test]
    fn the_persons_words_are_never_changed_and_flags_point_into_them() {
        let text = "Line one.\r\n\r\nThe whole place is a f***ing joke!  I’d had a few drinks.";
        let flags = check(text);
        assert_eq!(flags.len(), 2);
        for flag in &flags {
            assert_eq!(&text[flag.sentence.clone()], flag.sentence_text);
            for span in &flag.spans {
                assert!(flag.sentence.start <= span.start && span.end <= flag.sentence.end);
            }
        }
        assert_eq!(flags[0].kind, FlagKind::Swearing);
        assert_eq!(flags[0].matched, "f***ing");
        assert_eq!(flags[1].matched, "I’d had a few drinks");
        assert_eq!(flags[1].explanation, FlagKind::DrugsOrAlcohol.explanation());
    }

    #[test]
    fn one_flag_per_kind_per_sentence_with_every_span() {
        let flags = check("Fuck this, fuck them and fuck the lot of them.");
        assert_eq!(flags.len(), 1);
        assert_eq!(flags[0].spans.len(), 3);
        assert_eq!(flags[0].matched, "Fuck, fuck");
    }

    /// A small, seeded generator, so the test needs no extra dependency and every failure can
    /// be replayed.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Pieces chosen to hit the edges: contractions, curly quotes, stars, digits and dots,
    /// capitals, line breaks, combining accents, characters whose lower case is longer than
    /// their upper case (İ), right-to-left text, emoji and lone surrogate-range neighbours.
    const PIECES: &[&str] = &[
        "I'll",
        "sort",
        "them",
        "out",
        " ",
        " ",
        ".",
        ",",
        "!",
        "?",
        "\n",
        "\r\n",
        "’",
        "'",
        "\"",
        "“",
        "”",
        "*",
        "f**k",
        "***",
        "07700",
        "900123",
        "+44",
        "(0)",
        "943",
        "476",
        "5919",
        "/",
        "-",
        "12",
        "03",
        "1985",
        "3.5",
        "Dr.",
        "e.g.",
        "a.m.",
        "...",
        "…",
        "NHS",
        "SHOUTING",
        "NOBODY",
        "John",
        "Smith",
        "patient",
        "neighbour",
        "said",
        "told",
        "I",
        "was",
        "drunk",
        "born",
        "DOB",
        "İ",
        "ß",
        "e\u{301}",
        "\u{301}",
        "مرحبا",
        "שלום",
        "😀",
        "👩‍👩‍👧",
        "\u{200d}",
        "\u{feff}",
        "\t",
        "'em",
        "n't",
        "'d",
        "'s",
        "{",
        "$",
        "|",
        "\u{fffd}",
        "ǅ",
        "ﬁ",
    ];

    #[test]
    fn never_panics_on_arbitrary_unicode() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..rng.below(40) {
                if rng.below(4) == 0 {
                    // Any scalar value at all, not only the chosen pieces.
                    let c = char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('x');
                    text.push(c);
                } else {
                    text.push_str(PIECES[rng.below(PIECES.len())]);
                }
            }
            for flag in check(&text) {
                assert_eq!(&text[flag.sentence.clone()], flag.sentence_text, "{text:?}");
                for span in &flag.spans {
                    assert!(text.get(span.clone()).is_some(), "{text:?}");
                }
            }
            for range in sentences(&text) {
                assert!(text.get(range).is_some(), "{text:?}");
            }
        }
    }

    #[test]
    fn handles_100_000_characters_quickly() {
        let paragraph = "I went to the GP on 12 March and they would not see me. I'll sort \
            them out, I said, and I was drunk. She said I'd regret it. NOBODY LISTENED TO ME \
            AT ALL. My neighbour Sarah Jones rang 07700 900123. I was using heroin then. \
            They told me to watch my back and the f***ing guard laughed.\n";
        let mut text = String::new();
        while text.chars().count() < 100_000 {
            text.push_str(paragraph);
        }
        let started = Instant::now();
        let flags = check(&text);
        let elapsed = started.elapsed();
        let repeats = text.matches("I went to the GP").count();
        // Every repeat raises the same flags: nothing is lost or merged across sentences.
        assert_eq!(flags.len(), repeats * 7, "{:?}", &flags[..7]);
        // Generous, for an unoptimised test build on a shared machine; a quadratic scan of
        // 100,000 characters would take minutes.
        assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");

        // No punctuation at all: one enormous sentence must still be read in linear time.
        let flat = "i went in and they said no and i waited and ".repeat(2_300);
        let started = Instant::now();
        assert!(check(&flat).is_empty());
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}
