//! "Are you safe?": notices words that say the person may not be safe now.
//!
//! Someone who writes "I don't want to be alive any more" or "he's hitting me" in their account
//! should be offered crisis lines there and then. [`concern`] reads text for that; the interface
//! shows a gentle panel that can be dismissed. Nothing is recorded, nothing is blocked, nothing
//! goes into the letter, and the text is never changed.
//!
//! This code is in the journey's first download, which is close to its size budget, so it is
//! deliberately small: one table of short phrase patterns ([`PATTERNS`]) matched over a list of
//! normalised words, a few word lists for the context rules, and no generic machinery.
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
use super::interview::TextField;
use std::ops::Range;

/// What kind of danger the words suggest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

/// The phrase patterns, comma-separated. One string rather than a slice of strings, because a
/// slice costs a pointer and a length per entry in the download.
///
/// Each pattern is a kind letter and words separated by spaces:
/// - `s` self-harm, `h` harmed now, `r` self-harm only when the clause says it is recent
///   ("took an overdose" is history unless it was "today"), `q` a figure of speech that
///   silences any other match it overlaps ("want to die *of embarrassment*").
/// - A word slot lists alternatives with `/`; `pre*` is a prefix, `*suf` a suffix; `$` is the
///   end of a clause; a trailing `?` makes the slot optional; `~` skips up to [`GAP`] words.
/// - `@` is [`PEOPLE`] (who could hurt the person), `%` is [`SELF`] ("myself" and typos).
///
/// Words are written as they are after normalising: lower case, no apostrophes ("dont", "ill",
/// "im", "hes", and "he'll" is "hell"), "2" read as "to". Alternatives include common typos and
/// text-speak, but only where they cannot be mistaken for another word.
const PATTERNS: &str = concat!(
    // Wanting to die, not wanting to be alive.
    "s want/wanna/wana/wnt/wanting/wants/ready to? just? be? die/dead/dye,",
    "s wish i/id was/were dead/gone,",
    "s wish i/id had/was? never/wasnt/werent/hadnt been/was? born/alive/here,",
    "s wish/hope/pray i/id could? die,",
    "s dont/dnt/not/never think? i? want/wanna/wana/wanting to? be? alive/live/living/exist/wake,",
    "s dont/dnt/not want/wanna/wana to? be here anymore/nemore/any,",
    "s hope/pray i dont/never/wont wake,",
    // Ending it, killing myself, suicide now or planned.
    "s end/ending/take/taking my own? life,",
    "s end/ending it all/tonight/$,",
    "s want/wanna it all? to end,",
    "s kill/killing/killin/kil/kiling/top/topping/end/ending/hang/hanging/drown/off %,",
    "s kill/killing/kil my self,",
    "s kms,",
    "s throw/throwing % off/under/in/from,",
    "s jump/jumping/step off/in/from the/a? front/bridge/building/roof/cliff/train,",
    "s commit/committing/comit/attempt suicide,",
    "s think/thinking/thoughts/plan/planning/planned/considering about/of/my? suicide/overdosing/topping,",
    "s suicidal/suicide thoughts/feelings/urges,",
    "s suicide note/plan/pact,",
    "s im/am/feel/feeling/feelin/been/getting/so/very/really/actively/still/is suic*/sucid*,",
    "s have/having/get/getting suicidal/suicide,",
    // Overdose planned, or taken just now.
    "s to/gonna/will/ill/wanna/planning overdose/od/overdosing,",
    "s take/taking/do/doing an/a overdose/od,",
    "s take/taking/swallow all my/the? pills/tablets/meds/medication/tabs at? once/tonight,",
    "s stockpiling/hoarding/saving up? my/the? pills/tablets/meds/tabs,",
    "s ive/have/just taken/took/swallowed/done an/a/all/loads/lots/load/handful,",
    "r took/taken/done/had/swallowed an/a/all/loads overdose/od/my/of/pills/tablets,",
    // Self-harm now.
    "s cut/cutting/cuttin/harm/harming/hurt/hurting/burn/burning/starve/starving/hitting %,",
    "s cutting/cuttin/cut/slit/slitting/slashing my/his/her? arms/arm/wrists/wrist/legs/thighs/again,",
    "s i/im/am/been/started/still/keep/keeps/currently/is/are self/selfharm harm/harming/harmin?,",
    "s self harming/harm again/tonight/now,",
    "r cut/burned/burnt/hurt/harmed %,",
    "r self harmed,",
    "s trying/try/struggling/hard not to cut/hurt/harm/kill/self/end/top/overdose/od,",
    "s urge/urges to self/cut/hurt/harm/kill/end,",
    "s not/dont/dnt/never feel? safe with/around/from %,",
    // No point going on, better off without me.
    "s no/nae point in/to? going/carrying on,",
    "s no/nae/the point in/to/of? living/life/existing/anymore/nemore/alive,",
    "s no/nae point in? being/me alive,",
    "s nothing/nothin/no/nae reason? to live,",
    "s cant/cannot/cnt go/carry on anymore/nemore/any/$,",
    "s better off/of without me/dead/gone,",
    "s better off/of if i was/were/wasnt/werent/died/dead/gone/not,",
    "s im/am/feel/feeling/just like? such? a? burden,",
    // Being harmed or in danger now.
    "h @ is/s/are/keeps/keep? still/always/constantly? hurting/threatening/controlling/following/stalking/touching me/us,",
    "h hitting/beating/abusing/raping/strangling/choking/battering/assaulting/kicking/punching/slapping/attacking me/us,",
    "h @ still/always? hits/beats/abuses/rapes/chokes/strangles/kicks/punches/slaps/hurts/threatens/attacks me/us,",
    "h being abused/hurt/hit/beaten/attacked/raped/assaulted/threatened/stalked/followed/exploited/trafficked/groomed,",
    "h im/am/i/we/feel not/dont/dnt/never/no feel/longer? safe at/in/here/home/tonight/now/$/anymore/nemore/anywhere/going/living/there,",
    "h not/dont/dnt/never feel? safe with/around/near @,",
    "h not/unsafe safe? at/in my/the/our? home/house/flat/hostel/room,",
    "h feel/im/am unsafe at/in/here/home/tonight/now/$/with/around,",
    "h scared/afraid/frightened/terrified/petrified/fear/worried ~ @ ~ kill/hurt/hit/stab/rape/attack/strangle/beat me/us,",
    "h scared/afraid/fear/fearing for my life,",
    "h threatening/threatened/threatens/threatend ~ kill/stab/hurt/hit/rape/beat me/us,",
    "h @ said/says/saying/keeps/told/tells ~ @ ~ kill/stab/hurt me/us,",
    "h im/am/is/still in danger,",
    // Figures of speech and other ways of saying the same words: they silence what they overlap.
    "q die/dying/dead of/from embarrassment/shame/boredom/cringe/laughing/laughter,",
    "q die/dying/% laughing,",
    "q kill/killing % for *ing/not,",
    "q killing % *ing,",
    "q die/dying at/in/with home/peace/dignity/hospital/hospice,",
    "q live/living in/near/there/at/next/round/around/on/somewhere/abroad/alone/here/together,",
    "q it/its/this/reality/thats/that is/s/really/keeps? hitting/hits,",
    "q followed up,",
    "q told/tell/tells/telling me? to go? and? kill/top/hang/hurt/end,",
    "q life back,",
    "q going/carrying on about/at/with",
);

/// Who could be hurting the person (`@`), including "he'll" as "hell" and "she'd" as "shed".
const PEOPLE: &str = "he/she/they/hes/shes/theyre/hell/shell/theyll/hed/shed/theyd/someone/\
somebody/partner/husband/wife/boyfriend/girlfriend/bf/gf/dad/mum/mom/stepdad/father/mother/\
brother/sister/son/ex/him/her/them/carer/carers/staff/nurse/landlord/neighbour/people/man/men";
/// "Myself" and its typos (`%`); third persons too, for a supporter writing about the person.
const SELF: &str = "myself/meself/myslef/mysefl/mself/myselfe/himself/herself/themselves/themself";
/// Negations: just before a phrase (within three words) they silence it ("I'm not suicidal",
/// "I would never hurt myself", "I don't think I want to die"). Not undone by "now": "I'm not
/// suicidal now" stays quiet. Phrases that carry their own negation ("don't want to be alive")
/// start at it, so it is not before them.
const NEG: &str = "not/never/dont/dnt/didnt/doesnt/wont/wouldnt/isnt/arent/havent/hasnt/\
wasnt/werent/aint/longer/nor";
/// Past or hypothetical: within five words before a phrase they make it history ("I tried to
/// kill myself", "I used to cut myself", "they were hitting me").
const PAST: &str = "tried/attempted/took/used/was/were/wanted/nearly/almost/stopped/quit/\
history/previous/previously/past/former/ago";
/// Anywhere in the clause, these say it is now, and undo [`PAST`] ("I tried to kill myself
/// again yesterday"). `r` patterns need one.
const RECENT: &str = "now/still/again/today/tonight/currently/anymore/nemore/yesterday/\
recently/lately/just/earlier";
/// Speech verbs: before a self-harm phrase about "me" or "you", someone else's words to the
/// person ("the nurse said I'd be better off dead", "they asked if I want to hurt myself").
const CUE: &str = "said/says/saying/told/tells/telling/asked/asks/asking/wrote/writes/\
suggested/implied/called/accused/thinks/reckons/joked";
/// Before a speech verb, these make it the person's own words ("I told them I want to die",
/// "I keep telling them"), which count.
const SPEAKER: &str = "i/ive/id/we/keep/kept/have/already/also/then/just/even/finally";
/// First and second person: reported speech only silences a phrase about the person ("said
/// I'd be better off dead"), not a supporter's report of what the person said about
/// themselves ("she says she's been cutting again"), which shows.
const ME: &str = "i/id/im/ive/me/my/myself/meself/you/youd/youre/your/u";
/// Words that start a new clause, as a comma does.
const CONJ: &str = "and/but/so/because/cos/coz/although/though/whereas";

/// How many words `~` may skip.
const GAP: usize = 4;
/// How far the context rules look either way (words). A bound keeps the time linear in the
/// length of the text however it is written.
const REACH: usize = 12;

/// One normalised word: ASCII letters and digits in lower case, with apostrophes dropped.
struct Word {
    norm: String,
    /// Where it is in the original text (from its first to its last letter or digit).
    at: Range<usize>,
    /// What comes before it: 3 a new sentence, 2 a conjunction (this word), 1 clause
    /// punctuation, 0 nothing.
    brk: u8,
}

/// Splits text into normalised words.
///
/// Only ASCII letters and digits make words, because every pattern is English and this needs
/// no Unicode tables. Anything else separates words: emoji, accents, zero-width characters and
/// right-to-left text can never join two words into a phrase or panic, and byte ranges stay on
/// character boundaries because they start and end at ASCII bytes. Apostrophes (straight,
/// curly, backtick) inside a word are dropped, so "don’t", "don't" and "dont" are one word.
fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut cur: Option<Word> = None;
    let mut brk = 3;
    for (i, c) in text.char_indices() {
        if c.is_ascii_alphanumeric() {
            let w = cur.get_or_insert_with(|| Word {
                norm: String::new(),
                at: i..i,
                brk,
            });
            w.norm.push(c.to_ascii_lowercase());
            w.at.end = i + 1;
            brk = 0;
        } else if !(cur.is_some() && matches!(c, '\'' | '’' | '‘' | '`' | 'ʼ')) {
            out.extend(cur.take());
            brk = brk.max(match c {
                '.' | '!' | '?' | ';' | '\n' | '…' => 3,
                ',' | ':' | '(' | ')' | '"' | '“' | '”' | '–' | '—' => 1,
                _ => 0,
            });
        }
    }
    out.extend(cur);
    for w in &mut out {
        if is(&w.norm, CONJ) {
            w.brk = w.brk.max(2);
        }
        if w.norm == "2" {
            w.norm = "to".into(); // "want 2 die"
        }
    }
    out
}

fn is(word: &str, list: &str) -> bool {
    list.split('/').any(|x| x == word)
}

/// Whether one alternative of a slot fits a word.
fn fits(alt: &str, word: &str) -> bool {
    match (alt.strip_suffix('*'), alt.strip_prefix('*')) {
        (Some(pre), _) => word.starts_with(pre),
        (_, Some(suf)) => word.ends_with(suf),
        _ => alt == word,
    }
}

/// Matches the pattern slots `p` from word `i`; gives the index after the last word matched.
/// Backtracks over alternatives, optional slots and gaps; patterns are a few slots long, so
/// this stays small.
fn at(p: &str, ws: &[Word], i: usize) -> Option<usize> {
    if p.is_empty() {
        return Some(i);
    }
    let (slot, rest) = p.split_once(' ').unwrap_or((p, ""));
    if slot == "~" {
        return (i..=(i + GAP).min(ws.len())).find_map(|j| at(rest, ws, j));
    }
    let (slot, optional) = slot.strip_suffix('?').map_or((slot, false), |s| (s, true));
    let slot = match slot {
        "@" => PEOPLE,
        "%" => SELF,
        s => s,
    };
    for alt in slot.split('/') {
        let next = if alt == "$" {
            ws.get(i).is_none_or(|w| w.brk > 0).then_some(i)
        } else {
            ws.get(i).filter(|w| fits(alt, &w.norm)).map(|_| i + 1)
        };
        if let Some(end) = next.and_then(|j| at(rest, ws, j)) {
            return Some(end);
        }
    }
    optional.then(|| at(rest, ws, i)).flatten()
}

/// True when the context says a match at words `s..e` is not about the person's present
/// safety: negated, dated, past, or someone else's words. See the module notes.
fn silenced(ws: &[Word], s: usize, e: usize, kind: u8) -> bool {
    // The clause around the match, looking at most REACH words either way.
    let from = s.saturating_sub(REACH);
    let cs = (from..=s).rev().find(|&j| ws[j].brk > 0).unwrap_or(from);
    let to = ws.len().min(e + REACH);
    let ce = (e..to).find(|&j| ws[j].brk > 0).unwrap_or(to);
    let near =
        |n: usize, list: &str| (s.saturating_sub(n).max(cs)..s).any(|j| is(&ws[j].norm, list));
    let recent = (cs..ce).any(|j| is(&ws[j].norm, RECENT));
    let negated = near(3, NEG);
    // "in 2019", "two years ago": over, even with "again" ("since 2019" is still going on).
    let dated = (e..ce).any(|j| {
        let w = &ws[j].norm;
        w == "ago"
            || (w.len() == 4
                && (w.starts_with("19") || w.starts_with("20"))
                && w.bytes().all(|b| b.is_ascii_digit())
                && ws[j - 1].norm != "since")
    });
    let cue = |j: &usize| is(&ws[*j].norm, CUE) && !(*j > 0 && is(&ws[j - 1].norm, SPEAKER));
    // Someone else's words: a speech verb earlier in the clause, or ending the clause just
    // before when only punctuation separates them (`she said, "you'd be better off dead"`),
    // followed by a word for the person.
    let reported = kind != b'h'
        && (cs..s)
            .rev()
            .find(cue)
            .or(Some(cs.wrapping_sub(1)).filter(|j| ws[cs].brk == 1 && cs > 0 && cue(j)))
            .is_some_and(|c| (c + 1..e).any(|j| is(&ws[j].norm, ME)));
    negated || dated || reported || (near(5, PAST) && !recent) || (kind == b'r' && !recent)
}

/// The first concern in one sentence, after figures of speech have had their say.
///
/// One pass over the words finds every match; figures of speech mark their words as hushed
/// (they may start after the phrase they silence: "want to *die of* embarrassment"), then the
/// first match with no hushed word wins. Linear: matches are a few words long.
fn in_sentence(ws: &[Word], pats: &[(u8, &str)]) -> Option<Concern> {
    let mut hushed = vec![false; ws.len()];
    let mut hits = Vec::new();
    for i in 0..ws.len() {
        for &(kind, p) in pats {
            let Some(e) = at(p, ws, i) else { continue };
            if kind == b'q' {
                hushed[i..e].fill(true);
            } else if !silenced(ws, i, e, kind) {
                hits.push((kind, i, e));
            }
        }
    }
    let (kind, i, e) = hits
        .into_iter()
        .find(|h| !hushed[h.1..h.2].contains(&true))?;
    Some(Concern {
        kind: if kind == b'h' {
            Kind::HarmedNow
        } else {
            Kind::SelfHarm
        },
        span: ws[i].at.start..ws[e - 1].at.end,
        field: None,
    })
}

/// Reads `text` for words that suggest the writer (or, from a supporter, the person they help)
/// may not be safe now. Gives the first such words, or `None`. Never changes the text; runs in
/// time roughly proportional to its length.
pub fn concern(text: &str) -> Option<Concern> {
    let ws = words(text);
    // Split the table once per call: (kind letter, slots).
    let pats: Vec<(u8, &str)> = PATTERNS
        .split(',')
        .map(|p| (p.as_bytes()[0], &p[2..]))
        .collect();
    let mut a = 0;
    while a < ws.len() {
        let b = (a + 1..ws.len())
            .find(|&j| ws[j].brk == 3)
            .unwrap_or(ws.len());
        if let Some(c) = in_sentence(&ws[a..b], &pats) {
            return Some(c);
        }
        a = b;
    }
    None
}

/// Every text answer, the account first. Fields that cannot hold a sentence (dates, postcode)
/// are read too: it costs nothing and nobody has to decide which answers matter.
const FIELDS: [TextField; 25] = {
    use TextField::*;
    [
        WhatHappened,
        HowItAffected,
        WantOther,
        LateReason,
        AccessOther,
        SupporterNotes,
        ServiceName,
        Name,
        DateOfBirth,
        Address,
        CareOfName,
        CareOfAddress,
        Email,
        Phone,
        SupportWorker,
        InterpreterLanguage,
        SupporterName,
        SupporterRole,
        SupporterContact,
        WhenDay,
        WhenMonth,
        WhenYear,
        RoughMonth,
        RoughYear,
        Postcode,
    ]
};

/// [`concern`] over every free-text answer, the account first; the concern names its field.
pub fn concern_in_answers(answers: &Answers) -> Option<Concern> {
    FIELDS.iter().find_map(|&f| {
        concern(f.get(answers)).map(|c| Concern {
            field: Some(f),
            ..c
        })
    })
}
