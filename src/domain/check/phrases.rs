//! Finding the phrases of `check.toml` in a sentence, without regular expressions.
//!
//! Each phrase is a short list of slots ("I will" or "I'll" or "ill", then "sort", then a
//! person, then "out"). Each slot's choices are stored as a small word tree (a trie), so trying
//! a slot costs one lookup per word, however many choices it has. Phrases are indexed by the
//! words they can start with, so each word of the text only tries the few phrases that could
//! start there. The cost is linear in the length of the text.

use super::text::Token;
use crate::data::check_schema::{expand_groups, parse_phrase, CheckData, CueRole, FlagKind, Item};
use std::collections::HashMap;
use std::ops::Range;

/// What a phrase means when it matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Flag(FlagKind),
    Cue(CueRole),
}

/// A match: which role, and tokens `start..end` of the text.
#[derive(Clone, Copy, Debug)]
pub(super) struct Hit {
    pub role: Role,
    pub start: usize,
    pub end: usize,
}

/// Word ids: every word the phrases use gets a number once, so matching compares numbers and a
/// word no phrase uses is ruled out with a single lookup.
#[derive(Default)]
struct Vocabulary {
    ids: HashMap<String, u32>,
    /// Ids by (length in characters, first character), for reading words hidden with `*`.
    by_shape: HashMap<(usize, char), Vec<u32>>,
    words: Vec<String>,
}

impl Vocabulary {
    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.to_string());
        self.ids.insert(word.to_string(), id);
        if let Some(first) = word.chars().next() {
            let shape = (word.chars().count(), first);
            self.by_shape.entry(shape).or_default().push(id);
        }
        id
    }
}

/// What each token can stand for, as word ids: usually one or none; "'d" can be "would" or
/// "had"; "f**k" can be any word of that shape.
pub(super) struct Readings {
    spans: Vec<(u32, u32)>,
    ids: Vec<u32>,
}

impl Readings {
    fn of(&self, token: usize) -> &[u32] {
        let (a, b) = self.spans[token];
        &self.ids[a as usize..b as usize]
    }
}

#[derive(Default)]
struct Node {
    /// (word id, child node), sorted by word id.
    children: Vec<(u32, u32)>,
    terminal: bool,
}

/// The choices of one slot, as a word tree.
struct Trie {
    nodes: Vec<Node>,
}

/// Up to 16 end positions, kept on the stack: a slot's choices rarely end in more than three
/// places, and dropping an unlikely extra one only loses a match, never breaks anything.
struct Ends {
    at: [usize; 16],
    len: usize,
}

impl Ends {
    fn new() -> Ends {
        Ends {
            at: [0; 16],
            len: 0,
        }
    }

    fn push(&mut self, at: usize) {
        if self.len < self.at.len() && !self.at[..self.len].contains(&at) {
            self.at[self.len] = at;
            self.len += 1;
        }
    }

    /// Longest first, so the most complete reading of a phrase wins.
    fn longest_first(&mut self) -> &[usize] {
        let found = &mut self.at[..self.len];
        found.sort_unstable_by(|a, b| b.cmp(a));
        found
    }
}

impl Trie {
    fn new(sequences: &[Vec<String>], vocabulary: &mut Vocabulary) -> Trie {
        let mut trie = Trie {
            nodes: vec![Node::default()],
        };
        for sequence in sequences.iter().filter(|s| !s.is_empty()) {
            let mut at = 0usize;
            for word in sequence {
                let id = vocabulary.intern(word);
                let children = &trie.nodes[at].children;
                at = match children.binary_search_by_key(&id, |&(w, _)| w) {
                    Ok(k) => children[k].1 as usize,
                    Err(k) => {
                        let next = trie.nodes.len();
                        trie.nodes[at].children.insert(k, (id, next as u32));
                        trie.nodes.push(Node::default());
                        next
                    }
                };
            }
            trie.nodes[at].terminal = true;
        }
        trie
    }

    fn first_words(&self) -> impl Iterator<Item = u32> + '_ {
        self.nodes[0].children.iter().map(|&(id, _)| id)
    }

    /// Every token position where a choice starting at token `at` ends.
    fn ends(&self, node: usize, readings: &Readings, at: usize, limit: usize, out: &mut Ends) {
        if node != 0 && self.nodes[node].terminal {
            out.push(at);
        }
        if at >= limit {
            return;
        }
        let children = &self.nodes[node].children;
        for &id in readings.of(at) {
            if let Ok(k) = children.binary_search_by_key(&id, |&(w, _)| w) {
                self.ends(children[k].1 as usize, readings, at + 1, limit, out);
            }
        }
    }
}

/// True when `hidden` ("f**k") could be `word` ("fuck"): same length, first character shown,
/// and every shown character equal.
pub(super) fn star_matches(hidden: &str, word: &str) -> bool {
    hidden.chars().count() == word.chars().count()
        && !hidden.starts_with('*')
        && hidden.contains('*')
        && hidden
            .chars()
            .zip(word.chars())
            .all(|(h, w)| h == '*' || h == w)
}

struct Slot {
    trie: Trie,
    optional: bool,
    /// `$`: the clause ends here.
    end: bool,
}

struct Phrase {
    role: Role,
    slots: Vec<Slot>,
}

/// Every phrase of the data, ready to match.
pub(super) struct Phrases {
    vocabulary: Vocabulary,
    phrases: Vec<Phrase>,
    /// Phrases that can be one word long, by that word's id.
    single: Vec<Vec<u32>>,
    /// Phrases by the ids of the two words they can start with. Most phrases start with "I",
    /// so indexing by one word would make every "I" in the text try a hundred phrases.
    pairs: HashMap<(u32, u32), Vec<u32>>,
}

/// The ids of the words that can start the slots from `k` on (skipping optional slots and
/// `$`). Returns true when the slots can also match nothing, so the phrase can end before `k`.
fn firsts_from(slots: &[Slot], mut k: usize, out: &mut Vec<u32>) -> bool {
    loop {
        let Some(slot) = slots.get(k) else {
            return true;
        };
        if !slot.end {
            out.extend(slot.trie.first_words());
            if !slot.optional {
                return false;
            }
        }
        k += 1;
    }
}

impl Phrases {
    /// Prepares the phrases. Entries that do not parse are skipped: the build has already
    /// refused data with any, so this only happens with hand-made test data.
    pub fn new(data: &CheckData) -> Phrases {
        let groups = expand_groups(&data.groups);
        let mut vocabulary = Vocabulary::default();
        let mut phrases = Vec::new();
        let all = data
            .patterns
            .iter()
            .map(|p| (Role::Flag(p.kind), &p.phrases))
            .chain(data.cues.iter().map(|c| (Role::Cue(c.role), &c.phrases)));
        for (role, texts) in all {
            for text in texts {
                let Ok(items) = parse_phrase(text) else {
                    continue;
                };
                let mut slots = Vec::new();
                for item in &items {
                    slots.push(match item {
                        Item::Words {
                            alternatives,
                            optional,
                        } => Slot {
                            trie: Trie::new(alternatives, &mut vocabulary),
                            optional: *optional,
                            end: false,
                        },
                        Item::Group { id, optional } => Slot {
                            trie: Trie::new(
                                groups.get(id).map(Vec::as_slice).unwrap_or(&[]),
                                &mut vocabulary,
                            ),
                            optional: *optional,
                            end: false,
                        },
                        Item::End => Slot {
                            trie: Trie::new(&[], &mut vocabulary),
                            optional: false,
                            end: true,
                        },
                    });
                }
                phrases.push(Phrase { role, slots });
            }
        }
        let mut single: Vec<Vec<u32>> = vec![Vec::new(); vocabulary.words.len()];
        let mut pairs: HashMap<(u32, u32), Vec<u32>> = HashMap::new();
        for (index, phrase) in phrases.iter().enumerate() {
            let index = index as u32;
            let slots = &phrase.slots;
            // Each slot the phrase can start in: the first, and any after optional ones.
            for (k, slot) in slots.iter().enumerate() {
                if slot.end {
                    break;
                }
                for &(first, node) in &slot.trie.nodes[0].children {
                    let node = &slot.trie.nodes[node as usize];
                    let mut seconds: Vec<u32> = node.children.iter().map(|&(w, _)| w).collect();
                    let can_end = node.terminal && firsts_from(slots, k + 1, &mut seconds);
                    if can_end {
                        single[first as usize].push(index);
                    }
                    for second in seconds {
                        pairs.entry((first, second)).or_default().push(index);
                    }
                }
                if !slot.optional {
                    break;
                }
            }
        }
        for list in single.iter_mut().chain(pairs.values_mut()) {
            list.sort_unstable();
            list.dedup();
        }
        Phrases {
            vocabulary,
            phrases,
            single,
            pairs,
        }
    }

    /// What every token can stand for. "'d" stands for "would" and "had", "'s" for "is" and
    /// "has"; a word with `*` for any phrase word of the same length that agrees on every
    /// letter shown.
    pub fn readings(&self, toks: &[Token]) -> Readings {
        let mut spans = Vec::with_capacity(toks.len());
        let mut ids = Vec::with_capacity(toks.len());
        let v = &self.vocabulary;
        for tok in toks {
            let start = ids.len() as u32;
            if tok.starred {
                if let Some(first) = tok.norm.chars().next() {
                    let shape = (tok.norm.chars().count(), first);
                    for &id in v.by_shape.get(&shape).into_iter().flatten() {
                        if star_matches(&tok.norm, &v.words[id as usize]) {
                            ids.push(id);
                        }
                    }
                }
            } else {
                let also: &[&str] = match tok.norm.as_str() {
                    "'d" => &["would", "had"],
                    "'s" => &["is", "has"],
                    _ => &[],
                };
                for word in std::iter::once(tok.norm.as_str()).chain(also.iter().copied()) {
                    if let Some(&id) = v.ids.get(word) {
                        ids.push(id);
                    }
                }
            }
            spans.push((start, ids.len() as u32));
        }
        Readings { spans, ids }
    }

    /// Every phrase match within the sentence's tokens `range`. `clause_end[i]` is true when a
    /// clause ends just before token `i`.
    pub fn find(&self, readings: &Readings, range: Range<usize>, clause_end: &[bool]) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut candidates: Vec<u32> = Vec::new();
        for start in range.clone() {
            let ids = readings.of(start);
            if ids.is_empty() {
                continue;
            }
            candidates.clear();
            let next = if start + 1 < range.end {
                readings.of(start + 1)
            } else {
                &[]
            };
            for &first in ids {
                candidates.extend(&self.single[first as usize]);
                for &second in next {
                    if let Some(list) = self.pairs.get(&(first, second)) {
                        candidates.extend(list);
                    }
                }
            }
            candidates.sort_unstable();
            candidates.dedup();
            for &index in &candidates {
                let phrase = &self.phrases[index as usize];
                if let Some(end) =
                    match_slots(&phrase.slots, readings, start, range.end, clause_end)
                {
                    hits.push(Hit {
                        role: phrase.role,
                        start,
                        end,
                    });
                }
            }
        }
        hits
    }
}

/// Where `slots` end if they match from token `at`, preferring the longest choice of each slot.
fn match_slots(
    slots: &[Slot],
    readings: &Readings,
    at: usize,
    limit: usize,
    clause_end: &[bool],
) -> Option<usize> {
    let Some((slot, rest)) = slots.split_first() else {
        return Some(at);
    };
    if slot.end {
        let ends_here = at >= limit || clause_end[at];
        return if ends_here {
            match_slots(rest, readings, at, limit, clause_end)
        } else {
            None
        };
    }
    let mut ends = Ends::new();
    slot.trie.ends(0, readings, at, limit, &mut ends);
    for &next in ends.longest_first() {
        if let Some(end) = match_slots(rest, readings, next, limit, clause_end) {
            return Some(end);
        }
    }
    if slot.optional {
        return match_slots(rest, readings, at, limit, clause_end);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_stand_for_hidden_letters() {
        assert!(star_matches("f**k", "fuck"));
        assert!(star_matches("f***", "fuck"));
        assert!(star_matches("f***ing", "fucking"));
        assert!(star_matches("sh*t", "shit"));
        assert!(!star_matches("f**k", "fucking"));
        assert!(!star_matches("fuck", "fuck"), "no star: compared normally");
        assert!(!star_matches("s**t", "fuck"));
    }
}
