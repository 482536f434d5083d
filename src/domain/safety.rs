//! "Are you safe?": notices words that say the person may not be safe now.
//!
//! Someone who writes "I don't want to be alive any more" or "he's hitting me" in their account
//! should be offered crisis lines there and then. [`concern`] reads text for that; the interface
//! shows a gentle panel that can be dismissed. Nothing is recorded, nothing is blocked, nothing
//! goes into the letter, and the text is never changed.
//!
//! This code is in the journey's first download, which is close to its size budget, so it is
//! deliberately small: one table of short phrase patterns (`PATTERNS`) matched over a list of
//! normalised words, a few word lists for the context rules, and no generic machinery.
//! Measured in a stand-alone wasm32 build (`opt-level = "z"`, LTO, no wasm-opt) against a base
//! that already splits strings and grows vectors: about 5.3 KB of code and 2.9 KB of data
//! (the table and the word lists), 3.4 KB with brotli. Most of the data is the table; each
//! pattern costs about 40 bytes.
//!
//! What it weighs, and why:
//! - **Show for the person's own present state**: wanting to die, planning suicide or an
//!   overdose, hurting themselves now, being hurt or in danger now. When in doubt between a
//!   false alarm and a missed person, it shows: the panel blocks nothing.
//! - **Stay quiet for figures of speech** ("this wait is killing me", "I nearly died laughing"):
//!   a panel that cries wolf teaches people to ignore it. Most of these simply match no pattern
//!   (there is no pattern for "killing me" or "died"); the rest are `q` patterns.
//! - **Stay quiet for what is over**: "I tried to kill myself in 2019" is history the person is
//!   reporting. A past-tense word just before the phrase ("tried", "was", "used to") quietens it,
//!   unless the same clause says it is still going on ("again", "still", "last night" is not
//!   enough but "yesterday" is).
//! - **Stay quiet for negations** ("I am not suicidal", "I would never hurt myself").
//! - **Stay quiet for someone else's words about the person harming themselves** ("the nurse
//!   said I'd be better off dead"): the sentence reports what was said to them, not how they
//!   feel, and the before-you-send check reads reported speech the same way. Threats made *to*
//!   the person ("he says he'll kill me") are the opposite: those always show.
//! - Clinical and service words ("suicide prevention team", "self-harm assessment") match no
//!   pattern, because every pattern needs a verb or a subject, not just the topic word.
//! - Threats towards others are the before-you-send check's job, not this one.

use super::answers::Answers;
use super::fields::TextField;
use std::ops::Range;

/// What kind of danger the words suggest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Kind {
    /// The person may harm or kill themselves (or, written by a supporter, the person they
    /// help may).
    SelfHarm,
    /// Someone is harming, threatening or endangering the person now.
    HarmedNow,
}

/// Words that suggest the person may not be safe now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Concern {
    pub kind: Kind,
    /// The words that raised it, as a byte range into the text that was read (on character
    /// boundaries, for highlighting).
    pub span: Range<usize>,
    /// Which answer the words are in, from [`concern_in_answers`]; `None` from [`concern`].
    pub field: Option<TextField>,
}

/// The phrase patterns, comma-separated. One string rather than a slice of strings: a slice
/// costs a pointer and a length per entry in the download.
///
/// Each pattern is a kind letter and word slots separated by spaces:
/// - `s` self-harm, `h` harmed now, `r` self-harm only when the clause says it is recent
///   ("took an overdose" is history unless it was "today"), `q` a figure of speech that
///   silences any match it overlaps ("want to *die of* embarrassment"); these come first.
/// - A slot lists alternatives with `/`; `pre*` is a prefix, `*suf` a suffix; `$` is the end of
///   a clause; a trailing `?` makes the slot optional; `~` skips up to [`GAP`] words.
/// - `@` is [`PEOPLE`] (who could hurt the person), `%` is [`SELF`] ("myself").
///
/// Words are written as they are after normalising: lower case, no apostrophes ("dont", "ill",
/// "im", "hes"; "he'll" becomes "hell"). There are few typos and no long
/// word lists, because every byte here is downloaded by everyone: a pattern earns its place by
/// a row in `tests/safety_cases.toml`.
const PATTERNS: &str = concat!(
    // Figures of speech and the like, first: they silence any match they overlap.
    "q die/dying/dead of/laughing,",
    "q % laughing,",
    "q kill % for *ing/not,",
    "q killing % *ing,",
    "q die at/in home/peace/hospital,",
    "q live/living in/near/there/at/on/here/alone,",
    "q it/its/this/thats is/s/really? hitting/hits,",
    "q followed up,",
    "q told me? to go? and? kill,",
    "q going on about/at/with,",
    // Wanting to die, not wanting to be alive.
    "s want/wanna/wanting/wants to/2? be? die/dead,",
    "s wish i/id was/were dead,",
    "s wish i/id had/was? never been? born,",
    "s dont/dnt/not/never think? i? want/wanna to? be? alive/live/exist/wake,",
    "s dont/not want/wanna to be here anymore/any,",
    "s hope i dont/never wake,",
    // Ending it, killing myself, suicide now or planned.
    "s end/ending/take/taking my own? life,",
    "s end/ending it all/$,",
    "s kill/killing/kil/top/topping/end/hang/off %,",
    "s kill/kil my self,",
    "s kms,",
    "s jump/step off/in the/a? front/bridge/building/roof,",
    "s commit/attempt suicide,",
    "s thinking/thoughts/plan/planning about/of/my? suicide/overdosing,",
    "s suicidal thoughts/feelings,",
    "s suicide note/plan,",
    "s im/am/feel/feeling/been/so/really/still/is suic*/sucid*,",
    // Overdose planned, or taken just now.
    "s to/gonna/will/ill overdose/od,",
    "s take/taking an/a overdose/od,",
    "s saving/stockpiling up? my/the? pills/tablets/meds,",
    "s just taken/took,",
    "r took/taken an/a/all overdose/od/my,",
    // Self-harm now.
    "s cut/cutting/harm/harming/hurt/hurting/burn/burning/starving %,",
    "s cutting/slit my? arms/wrists/again,",
    "s i/im/been/still/keep/is/are self harm/harming,",
    "s trying/hard not to cut/hurt/harm/kill,",
    "s not safe with/around %,",
    // No point going on, better off without me.
    "s no point in? going/carrying on,",
    "s no/the point in/of? living/anymore/alive,",
    "s nothing/no reason? to live,",
    "s cant/cannot go on anymore/$,",
    "s better off without me/dead,",
    "s better off if i was/wasnt/died/dead/gone,",
    "s im/am/feel like? such? a burden,",
    // Being harmed or in danger now.
    "h @ is/s/are/keeps? hurting/threatening/controlling/following/touching/abusing me,",
    "h hitting/beating/abusing/raping/strangling/choking/kicking/punching/attacking me,",
    "h @ hits/beats/abuses/rapes/chokes/kicks/punches/hurts/threatens me,",
    "h being abused/hurt/hit/beaten/attacked/raped/assaulted/threatened,",
    "h im/am/i/feel not/dont/never feel? safe at/in/here/home/tonight/now/$/anymore/going,",
    "h not/dont/never feel? safe with/around @,",
    "h scared/afraid/frightened/terrified/worried ~ @ ~ kill/hurt/hit/stab/rape me,",
    "h fear/scared for my life,",
    "h threatening/threatened/threatens ~ kill/stab/hurt me,",
    "h @ said/says/told ~ @ ~ kill/hurt me,",
    "h im/am/is in danger",
);

/// Who could be hurting the person (`@`), with "he'll" as "hell" and "she'd" as "shed".
const PEOPLE: &str = "he/she/they/hes/shes/theyre/hell/shell/theyll/hed/shed/him/her/them/\
someone/partner/husband/wife/boyfriend/girlfriend/dad/mum/ex/carers/staff";
/// "Myself" (`%`); "himself" and "herself" too, for a supporter writing about the person.
const SELF: &str = "myself/meself/myslef/himself/herself/themselves";
/// Negations: within three words before a phrase they silence it ("I'm not suicidal", "I would
/// never hurt myself", "I don't think I want to die"). "Now" does not undo them: "I'm not
/// suicidal now" stays quiet. Phrases with their own negation ("don't want to be alive")
/// start at it, so it is not before them.
const NEG: &str = "not/never/dont/dnt/didnt/wont/wouldnt/havent/wasnt/longer";
/// Past or hypothetical: within five words before a phrase they make it history ("I tried to
/// kill myself", "I used to cut myself", "they were hitting me", "years ago I").
const PAST: &str = "tried/attempted/took/used/was/were/wanted/nearly/stopped/history/ago";
/// Anywhere in the clause, these say it is now, and undo [`PAST`] ("I tried to kill myself
/// again yesterday"). `r` patterns need one.
const RECENT: &str = "now/still/again/today/tonight/anymore/yesterday/just/earlier";
/// Speech verbs: before a self-harm phrase about "me" or "you", someone else's words to the
/// person ("the nurse said I'd be better off dead", "they asked if I want to hurt myself").
const CUE: &str = "said/says/told/asked/asks/asking/called/thinks";
/// Before a speech verb, these make it the person's own words ("I told them I want to die"),
/// which count.
const SPEAKER: &str = "i/ive/id/keep/have";
/// First and second person: reported speech silences a phrase about the person ("said I'd be
/// better off dead"), not a supporter's report of what the person said about themselves ("she
/// says she's been cutting again"), which shows.
const ME: &str = "i/id/im/ive/me/my/myself/you/youd/your";
/// How many words `~` may skip.
const GAP: usize = 4;
/// How far the context rules look either way (words). A bound keeps the time linear in the
/// length of the text however it is written.
const REACH: usize = 12;
/// What ends a clause for the context rules: the punctuation words (see [`words`]) and
/// conjunctions ("I tried to kill myself in 2019 *but* now I want to die").
const BREAK: &str = "./,/and/but/so/because/cos";

/// Normalises text into words separated by spaces, with where each word is in the text.
///
/// Words are ASCII letters and digits in lower case; a sentence end (`. ! ? ;` or a new line)
/// becomes the word `.` and clause punctuation (`, : ( )`) the word `,`, so the rules need no
/// other structure. Reading bytes, not characters, needs no UTF-8 decoding or Unicode tables
/// in the download: every other byte separates words, so emoji, accents, zero-width characters
/// and right-to-left text can never join two words into a phrase, and ranges stay on character
/// boundaries because they start and end at ASCII bytes. Apostrophes inside a word (`'`, `` `
/// ``, and the curly `’` `‘`, bytes E2 80 98/99) are dropped, so "don’t", "don't" and "dont"
/// are one word.
fn words(text: &str) -> (String, Vec<Range<usize>>) {
    let b = text.as_bytes();
    let mut norm = String::new();
    let mut at: Vec<Range<usize>> = Vec::new();
    let (mut open, mut i) = (false, 0);
    while i < b.len() {
        let c = b[i];
        let curly = c == 0xE2 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) >= Some(&0x98);
        if c.is_ascii_alphanumeric() {
            if !open {
                norm.push(' ');
                at.push(i..i);
            }
            norm.push(c.to_ascii_lowercase() as char);
            if let Some(r) = at.last_mut() {
                r.end = i + 1;
            }
            open = true;
        } else if open && (c == b'\'' || c == b'`' || curly && b[i + 2] < 0x9A) {
            i += 2 * curly as usize;
        } else {
            open = false;
            let mark = match c {
                b'.' | b'!' | b'?' | b';' | b'\n' => " .",
                b',' | b':' | b'(' | b')' => " ,",
                _ => "",
            };
            if !mark.is_empty() {
                norm.push_str(mark);
                at.push(i..i + 1);
            }
        }
        i += 1;
    }
    (norm, at)
}

fn is(word: &str, list: &str) -> bool {
    list.split('/').any(|x| x == word)
}

/// Matches the pattern slots `p` from word `i`; gives the index after the last word matched.
/// Backtracks over alternatives, optional slots and gaps; patterns are a few slots long, so
/// this stays small. Nothing crosses a sentence end: no slot matches the word `.` and `~` does
/// not skip it.
fn at(p: &str, ws: &[&str], i: usize) -> Option<usize> {
    if p.is_empty() {
        return Some(i);
    }
    let (slot, rest) = p.split_once(' ').unwrap_or((p, ""));
    if slot == "~" {
        let last = ws.len().min(i + GAP);
        let last = (i..last).find(|&j| ws[j] == ".").unwrap_or(last);
        return (i..=last).find_map(|j| at(rest, ws, j));
    }
    let (slot, optional) = slot.strip_suffix('?').map_or((slot, false), |s| (s, true));
    let slot = match slot {
        "@" => PEOPLE,
        "%" => SELF,
        s => s,
    };
    let w = ws.get(i).copied().unwrap_or(".");
    for alt in slot.split('/') {
        let fits = match (alt.strip_suffix('*'), alt.strip_prefix('*')) {
            _ if alt == "$" => w == "." || w == ",",
            (Some(pre), _) => w.starts_with(pre),
            (_, Some(suf)) => w.ends_with(suf),
            _ => w == alt,
        };
        // `$` matches without taking a word.
        let next = i + (alt != "$") as usize;
        if let Some(end) = fits.then(|| at(rest, ws, next)).flatten() {
            return Some(end);
        }
    }
    optional.then(|| at(rest, ws, i)).flatten()
}

/// True when the context says a match at words `s..e` is not about the person's present
/// safety: negated, dated, past, or someone else's words. See the module notes.
///
/// One walk back from the end of the match to the start of its clause (at most [`REACH`]
/// words), one walk forward to the end of the clause.
fn silenced(ws: &[&str], s: usize, e: usize, kind: u8) -> bool {
    let (mut neg, mut past, mut said, mut recent, mut me) = (false, false, false, false, false);
    let cue = |j: usize| is(ws[j], CUE) && !(j > 0 && is(ws[j - 1], SPEAKER));
    for j in (s.saturating_sub(REACH)..e).rev() {
        let w = ws[j];
        if j < s {
            if is(w, BREAK) {
                // A speech verb just before the clause, with a comma between:
                // `she said, "you'd be better off dead"`.
                said |= me && w == "," && j > 0 && cue(j - 1);
                break;
            }
            neg |= j + 3 >= s && is(w, NEG);
            past |= j + 5 >= s && is(w, PAST);
            // Someone else's words, then a word for the person.
            said |= me && cue(j);
        }
        me |= is(w, ME);
        recent |= is(w, RECENT);
    }
    let mut dated = false;
    for j in e..ws.len().min(e + REACH) {
        let w = ws[j];
        if is(w, BREAK) {
            break;
        }
        recent |= is(w, RECENT);
        // "two years ago", "in 2019"; but "since 2019" is still going on.
        dated |= w == "ago"
            || w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && ws[j - 1] != "since";
    }
    neg || dated || said && kind != b'h' || !recent && (past || kind == b'r')
}

/// Reads `text` for words that suggest the writer (or, from a supporter, the person they help)
/// may not be safe now. Gives the first such words, or `None`. Never changes the text; runs in
/// time roughly proportional to its length.
///
/// For each pattern, its first match that nothing silences; of those, the one that starts
/// first (the earlier pattern on a tie). The `q` patterns come first in the table and mark the
/// words they match as hushed; a match with a hushed word is silenced. (A figure of speech may
/// start before the phrase, "it's *hitting* me", or after it, "want to *die of*
/// embarrassment".)
pub fn concern(text: &str) -> Option<Concern> {
    let (norm, at_text) = words(text);
    let ws: Vec<&str> = norm.split(' ').skip(1).collect();
    let mut hushed = vec![false; ws.len()];
    let mut best: Option<(usize, usize, u8)> = None;
    for p in PATTERNS.split(',') {
        let kind = p.as_bytes()[0];
        for i in 0..best.map_or(ws.len(), |b| b.0) {
            let Some(e) = at(&p[2..], &ws, i) else {
                continue;
            };
            if kind == b'q' {
                hushed[i..e].fill(true);
            } else if !hushed[i..e].contains(&true) && !silenced(&ws, i, e, kind) {
                best = Some((i, e, kind));
                break;
            }
        }
    }
    let (i, e, kind) = best?;
    Some(Concern {
        kind: if kind == b'h' {
            Kind::HarmedNow
        } else {
            Kind::SelfHarm
        },
        span: at_text[i].start..at_text[e - 1].end,
        field: None,
    })
}

/// [`concern`] over every text answer, in the order of `TextField::ALL` (the account first),
/// then over the concern log; a concern in a text box names its field. Boxes that cannot hold a sentence (dates, postcode) are read
/// too: it costs nothing and nobody has to decide which answers matter.
pub fn concern_in_answers(answers: &Answers) -> Option<Concern> {
    TextField::ALL
        .iter()
        .find_map(|&f| {
            concern(f.get(answers)).map(|c| Concern {
                field: Some(f),
                ..c
            })
        })
        // Then the private concern log, which is read the same way (it names no field).
        .or_else(|| {
            answers
                .concerns
                .iter()
                .flat_map(|c| c.texts())
                .find_map(concern)
        })
}
