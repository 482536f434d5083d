//! Cutting the person's text into sentences and words, keeping byte ranges into the original so
//! flags can point at exactly what they wrote.
//!
//! Sentences matter for two reasons: each flag shows the sentence it is in, and nothing the
//! check reads (a phrase, "she said", a name and the word next to it) reaches across a sentence
//! boundary. Splitting copes with what people actually type: line breaks with no full stops,
//! "Dr." and "e.g." mid-sentence, "3.5", "10 a.m.", initials like "J. Smith", lower-case
//! sentence starts, and a missing space after a full stop ("home.Then").

use crate::data::check_schema::{normalise, word_ranges};
use std::ops::Range;

/// One normalised word of the text (see [`normalise`]).
#[derive(Clone, Debug)]
pub(super) struct Token {
    /// The word as compared: lower case, straight apostrophes, contractions split.
    pub norm: String,
    /// The whole written word in the original text. Both halves of "I'll" share it.
    pub range: Range<usize>,
    /// True for the first normalised word of a written word (false for "will" in "I'll").
    pub first: bool,
    /// Written with a capital first letter and some lower-case letters ("Smith", "McDonald").
    pub cap: bool,
    /// Written with capitals and no lower-case letters ("NHS", "NOBODY").
    pub all_caps: bool,
    /// Letters in the written word.
    pub letters: usize,
    /// The written word is only ASCII digits.
    pub digits: bool,
    /// The written word hides letters with `*` ("f**k").
    pub starred: bool,
}

/// A sentence: its byte range and its tokens.
#[derive(Clone, Debug)]
pub(super) struct Sentence {
    pub range: Range<usize>,
    pub toks: Range<usize>,
}

/// The text cut into sentences and tokens.
pub(super) struct Tokens {
    pub toks: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

/// Titles that are always followed by a name, so their full stop never ends a sentence.
const TITLES: &[&str] = &[
    "dr", "mr", "mrs", "ms", "mx", "prof", "st", "rev", "sgt", "insp", "supt", "cllr", "fr", "sr",
    "jr", "mt", "pc",
];
/// Short forms that always introduce more of the same sentence.
const NEVER_END: &[&str] = &[
    "e.g", "i.e", "eg", "ie", "cf", "viz", "approx", "vs", "incl", "ref",
];
/// Short forms that end a sentence only when a capital letter follows ("at 10 a.m. The nurse").
const END_IF_CAPITAL: &[&str] = &[
    "etc", "a.m", "p.m", "tel", "dept", "ext", "mins", "hrs", "ltd",
];

const TERMINATORS: &[char] = &['.', '!', '?', '…', '。', '！', '？'];
const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];

/// The sentences of `text`, as byte ranges with surrounding spaces trimmed. Pieces with no
/// letters or digits (a line of dashes, a lone "***") are left out.
///
/// A line break always ends a sentence: people who do not use full stops often use new lines
/// instead, and a wrongly split sentence costs less than a wrongly joined one.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let len = c.len_utf8();
        let cut = match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => Some(i + len),
            '.' | '…' => full_stop(text, i),
            '!' | '?' | '。' | '！' | '？' => Some(after_run(text, i)),
            _ => None,
        };
        match cut {
            Some(cut) => {
                push_trimmed(&mut out, text, start, cut);
                start = cut;
                i = cut;
            }
            None => i += len,
        }
    }
    push_trimmed(&mut out, text, start, text.len());
    out
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, start: usize, end: usize) {
    let piece = &text[start..end];
    let trimmed = piece.trim();
    if trimmed.chars().any(char::is_alphanumeric) {
        let s = start + (piece.len() - piece.trim_start().len());
        out.push(s..s + trimmed.len());
    }
}

/// The end of a run of terminators and closing quotes or brackets starting at `i`.
fn after_run(text: &str, i: usize) -> usize {
    let mut j = i;
    for c in text[i..].chars() {
        if TERMINATORS.contains(&c) || CLOSERS.contains(&c) {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// The next character after `j` that is not a space or tab; `None` at a line break or the end.
fn next_visible(text: &str, j: usize) -> Option<char> {
    text[j..]
        .chars()
        .find(|c| !c.is_whitespace() || *c == '\n' || *c == '\r')
        .filter(|c| !c.is_whitespace())
}

/// The word (letters, digits and inner dots) just before byte `i`.
fn word_before(text: &str, i: usize) -> &str {
    let before = &text[..i];
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map(|(k, _)| k)
        .unwrap_or(i);
    before[start..].trim_start_matches('.')
}

/// Where the sentence ends if the `.` or `…` at byte `i` is a full stop, or `None` if it is
/// part of a number, a short form, an initial or a web address.
fn full_stop(text: &str, i: usize) -> Option<usize> {
    let prev = text[..i].chars().next_back();
    if prev.is_some_and(|c| c == '.' || c == '…') {
        // The first dot of an ellipsis already decided; a decision to end would have skipped
        // past the whole run.
        return None;
    }
    let run_end = after_run(text, i);
    let dots = text[i..run_end]
        .chars()
        .take_while(|&c| c == '.' || c == '…')
        .count();
    let here = text[i..].chars().next().map_or(1, char::len_utf8);
    let next = text[i + here..].chars().next();
    let after = next_visible(text, run_end);
    // An ellipsis followed by lower case is a pause, not an ending ("I waited... and waited").
    if dots > 1 || text[i..].starts_with('…') {
        return if after.is_some_and(char::is_lowercase) {
            None
        } else {
            Some(run_end)
        };
    }
    if prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit()) {
        return None; // 3.5, 1.30
    }
    let word = word_before(text, i);
    let lower = crate::data::check_schema::fold_case(word);
    let is_short_form = |w: &str| {
        TITLES.contains(&w) || NEVER_END.contains(&w) || END_IF_CAPITAL.contains(&w) || w == "no"
    };
    if let Some(n) = next.filter(|c| c.is_alphanumeric()) {
        // No space after the dot: a web address or "e.g", unless it is a missing space
        // between two sentences ("home.Then").
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        return if n.is_uppercase() && letters >= 2 && !is_short_form(&lower) {
            Some(i + here)
        } else {
            None
        };
    }
    if TITLES.contains(&lower.as_str()) || NEVER_END.contains(&lower.as_str()) {
        return None;
    }
    if END_IF_CAPITAL.contains(&lower.as_str()) && after.is_some_and(|c| !c.is_uppercase()) {
        return None;
    }
    if (lower == "no" || lower == "nos") && after.is_some_and(|c| c.is_ascii_digit()) {
        return None; // "No. 5"
    }
    let mut letters = word.chars();
    if let (Some(only), None) = (letters.next(), letters.next()) {
        // "J. Smith": a single capital other than "I" before a capitalised word is an initial.
        if only.is_uppercase() && only != 'I' && after.is_some_and(char::is_uppercase) {
            return None;
        }
    }
    Some(run_end)
}

/// The text cut into sentences and normalised words.
pub(super) fn tokenise(text: &str) -> Tokens {
    let mut toks = Vec::new();
    let mut out = Vec::new();
    for range in sentences(text) {
        let first_tok = toks.len();
        for w in word_ranges(&text[range.clone()]) {
            let r = range.start + w.start..range.start + w.end;
            let raw = &text[r.clone()];
            let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
            let lowers = raw.chars().filter(|c| c.is_lowercase()).count();
            let uppers = raw.chars().filter(|c| c.is_uppercase()).count();
            let cap = raw.chars().next().is_some_and(char::is_uppercase) && lowers > 0;
            let all_caps = uppers > 0 && lowers == 0;
            let digits = raw.bytes().all(|b| b.is_ascii_digit());
            let starred = raw.contains('*');
            for (k, norm) in normalise(raw).into_iter().enumerate() {
                toks.push(Token {
                    norm,
                    range: r.clone(),
                    first: k == 0,
                    cap,
                    all_caps,
                    letters,
                    digits,
                    starred,
                });
            }
        }
        if toks.len() > first_tok {
            out.push(Sentence {
                range,
                toks: first_tok..toks.len(),
            });
        }
    }
    Tokens {
        toks,
        sentences: out,
    }
}

/// The text between token `i - 1` and token `i` ("" inside one written word such as "I'll").
/// Callers only ask within one sentence, for `i` after its first token.
pub(super) fn gap<'t>(text: &'t str, toks: &[Token], i: usize) -> &'t str {
    if i == 0 || !toks[i].first {
        return "";
    }
    let (a, b) = (toks[i - 1].range.end, toks[i].range.start);
    if a <= b {
        text.get(a..b).unwrap_or("")
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn full_stops_question_marks_and_line_breaks() {
        assert_eq!(
            split("I went in. They said no! Why?\nNobody came"),
            ["I went in.", "They said no!", "Why?", "Nobody came"]
        );
        assert_eq!(split("  \n\n  "), Vec::<&str>::new());
        assert_eq!(split("I waited\r\nand waited"), ["I waited", "and waited"]);
    }

    #[test]
    fn no_punctuation_at_all_is_one_sentence() {
        assert_eq!(
            split("i went to the gp they would not see me i had to wait outside"),
            ["i went to the gp they would not see me i had to wait outside"]
        );
    }

    #[test]
    fn titles_short_forms_and_numbers_do_not_end_sentences() {
        assert_eq!(
            split("I saw Dr. Patel at 3.5 hours, e.g. after lunch. Then Mrs. Jones came."),
            [
                "I saw Dr. Patel at 3.5 hours, e.g. after lunch.",
                "Then Mrs. Jones came."
            ]
        );
        assert_eq!(
            split("It was 10 a.m. on Monday. At 11 a.m. The nurse left."),
            ["It was 10 a.m. on Monday.", "At 11 a.m.", "The nurse left."]
        );
        assert_eq!(split("Ward No. 5 was shut."), ["Ward No. 5 was shut."]);
        assert_eq!(
            split("I said no. Then I left."),
            ["I said no.", "Then I left."]
        );
        assert_eq!(split("I saw J. Smith there."), ["I saw J. Smith there."]);
        assert_eq!(split("Go to nhs.uk for help."), ["Go to nhs.uk for help."]);
    }

    #[test]
    fn quotes_stay_with_their_sentence_and_missing_spaces_are_read() {
        assert_eq!(
            split("He said \"go away.\" Then he left."),
            ["He said \"go away.\"", "Then he left."]
        );
        assert_eq!(
            split("I went home.Then I cried."),
            ["I went home.", "Then I cried."]
        );
        assert_eq!(
            split("I waited... and waited... Nobody came."),
            ["I waited... and waited...", "Nobody came."]
        );
    }

    #[test]
    fn ranges_point_into_the_original() {
        let text = "  Café closed.  Ça va?  ";
        for r in sentences(text) {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        assert_eq!(split(text), ["Café closed.", "Ça va?"]);
    }
}
