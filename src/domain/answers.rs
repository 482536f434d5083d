//! Everything the journey asks, as the person answered it.
//!
//! Free text is kept **exactly as typed**: no trimming, no normalising of line endings or
//! Unicode, no correction. The letter and every output quote these strings verbatim. Helpers
//! such as [`has_text`] decide whether an answer is *present*; they never change it.
//!
//! Every field has a default, so a journey stopped halfway has simple "unanswered" values. That
//! does **not** make answers saved by another version of the app load: saved answers are
//! positional postcard bytes, read only through the numbered layouts in `codec` (see the note on
//! [`Answers`] before changing any type in this file).

use super::date::Date;
use super::situation::{Service, ServiceGroup, Situation, YesNo};
use super::when::{past_date, WhenInput};
use serde::{Deserialize, Serialize};

/// Who is filling this in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Who {
    /// The person the complaint is about, for themselves.
    Myself,
    /// A support worker, friend or relative helping them (questions say "they").
    HelpingSomeone,
}

in_my_words_basics::id_enum! {
    /// What the person wants to happen. Several can be chosen.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum Want {
        Apology => "apology",
        Explanation => "explanation",
        /// To be part of a review of their Special Allocation Scheme placement.
        SasReview => "sas-review",
        /// An appointment or prescription sorted out.
        AppointmentOrPrescription => "appointment-or-prescription",
        /// A change so it does not happen to others.
        ChangeForOthers => "change-for-others",
        /// A meeting to talk it through.
        Meeting => "meeting",
        /// Something else, in their own words (see [`Answers::want_other`]).
        SomethingElse => "something-else",
    }
}

in_my_words_basics::id_enum! {
    /// What was wrong with the service's final answer, as the person sees it. Several can be
    /// chosen (kept by id in [`Answers::reply_problems`]); their own words about it are in
    /// [`Answers::reply_words`].
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum ReplyProblem {
        /// It did not answer all of their points.
        MissedPoints => "missed-points",
        /// It got facts wrong.
        FactsWrong => "facts-wrong",
        NoApology => "no-apology",
        /// Nothing changed because of it.
        NothingChanged => "nothing-changed",
        /// It came too late.
        TooLate => "too-late",
    }
}

in_my_words_basics::id_enum! {
    /// Ways the organisation can reach the person. Several can be chosen.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum ContactMethod {
        /// Letters to their own address.
        Post => "post",
        /// Letters "care of" a hostel, day centre or support service.
        CareOf => "care-of",
        Email => "email",
        Phone => "phone",
        /// Through their support worker.
        SupportWorker => "support-worker",
    }
}

/// How to reach the person. Only the parts for the chosen methods go into the letter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactDetails {
    /// Their name, as they want it on the letter.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub name: String,
    pub methods: Vec<ContactMethod>,
    /// Their own postal address, one line per line.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub address: String,
    /// The hostel, day centre or service that takes post for them.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub care_of_name: String,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub care_of_address: String,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub email: String,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub phone: String,
    /// The support worker's name, service and how to reach them.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub support_worker: String,
    /// "I find phone calls hard": the letter asks them to write instead.
    pub phone_calls_hard: bool,
}

in_my_words_basics::id_enum! {
    /// Reasonable adjustments the person needs from the organisation.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum AccessNeed {
        LargePrint => "large-print",
        EasyRead => "easy-read",
        /// An interpreter; the language is in [`Answers::interpreter_language`].
        Interpreter => "interpreter",
        BritishSignLanguage => "bsl",
        /// Something else, in their own words ([`Answers::access_other`]).
        Other => "other",
    }
}

/// Supporter mode only: consent and the supporter's own details. None of this is the person's
/// account, and the supporter's notes never go into any letter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Supporter {
    /// The supporter's name.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub name: String,
    /// Their role and service, e.g. "Support worker, Brighton Housing Trust".
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub role: String,
    /// How the organisation can reach the supporter.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub contact: String,
    /// Has the person agreed to this complaint being made with or for them?
    pub person_agrees: Option<YesNo>,
    /// May the organisation share the person's information with the supporter?
    pub may_share_with_supporter: Option<YesNo>,
    /// Private notes for the supporter. **Never** put into a letter or form.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub notes: String,
}

/// One entry in the private concern log: something that went wrong and was raised (or not
/// yet), before any formal complaint. Every text is kept exactly as typed, like the rest of
/// the answers. The service, category and follow-up kinds are ids in texts, not enums: an
/// enum's variants are saved by position, so a new one would need a new layout, while an id
/// the app no longer knows is simply passed over. See `domain::concerns` for what is made
/// from the log.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Concern {
    /// The date it happened or was raised, in three boxes as typed (the month a number or a
    /// name), like the date of birth.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub day: String,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub month: String,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub year: String,
    /// A [`Service`] id ("gp-practice"), or empty.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub service: String,
    /// The name of the service, in their own words.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub service_name: String,
    /// What it was about: an id from `domain::concerns::CATEGORIES`, or empty.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub category: String,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub what_happened: String,
    /// Who they spoke to.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub spoke_to: String,
    /// What that person said or did.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub they_said: String,
    /// What the person wants to happen.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub wants: String,
    /// A support worker's short summary for their own records, with no names: the only text
    /// of the log that the worker's export holds.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub summary: String,
    /// What happened after, in the order added.
    pub follow_ups: Vec<FollowUp>,
    /// Whether they told the service about it ("yes", "no", or empty when not said). Only a
    /// concern they told the service about names a day in the letter ("I raised this with you
    /// on ...").
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub raised: String,
    /// What happened next, while it is being written and before "Add this": kept here so a
    /// reload or leaving the page loses none of it.
    pub next: FollowUp,
}

impl Concern {
    /// Every text typed into this concern, its follow-ups and the one being written: the
    /// safety check reads them all, as it reads every other answer.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        [
            &self.what_happened,
            &self.spoke_to,
            &self.they_said,
            &self.wants,
            &self.summary,
            &self.service_name,
            &self.next.words,
        ]
        .into_iter()
        .chain(self.follow_ups.iter().map(|f| &f.words))
        .map(String::as_str)
    }
}

/// Something that happened after a concern was raised.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowUp {
    /// The date, in three boxes as typed, like [`Concern::day`].
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub day: String,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub month: String,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub year: String,
    /// What it was: an id from `domain::concerns::FOLLOW_UP_KINDS` ("call", "reply",
    /// "nothing", "other"), or empty.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub kind: String,
    /// Their own words about it.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub words: String,
}

/// All the answers to the journey.
///
/// # Before you add, remove, reorder or retype a field
///
/// Saved drafts and the tab's session storage hold these answers as postcard bytes, which have
/// no field names: a value is known only by its position. So any change to this struct, or to a
/// type inside it (`Supporter`, `Situation`, `WhenInput`, `ContactDetails`, `Date`, and every
/// enum here, whose variants are stored by their position too), makes a new **answers layout**.
/// A new field at the end is no exception, and `#[serde(default)]` does not help. For each
/// change:
///
/// 1. Bump `codec::LAYOUT`.
/// 2. Keep a frozen copy of the old struct (and any changed inner type) as it was, and make the
///    old number's arm in `codec::answers_from_layout` read that copy and convert it to the new
///    `Answers`. Never delete an old reader: a draft saved on a phone may be opened years later.
/// 3. Add a fixture for the new layout in `tests/fixtures/` (see `tests/drafts.rs`, which makes
///    them) and a test that opens it. Never change a committed fixture.
///
/// Frozen layouts so far (write the new one here):
///
/// - Layout 1: this struct without `more`. Fixtures: `tests/fixtures/draft-v1.imw` (envelope
///   version 1, no layout byte) and `draft-v2.imw` (envelope version 2, layout 1). Read by
///   adding an empty `more` (see `codec::answers_from_layout`).
/// - Layout 2: this struct up to `more`. Fixture: `draft-v2-layout2.imw`.
/// - Layout 3: this struct up to `other_names`. Fixture: `draft-v2-layout3.imw`.
/// - Layout 4: this struct up to `birth_year`, with the date of birth in three boxes
///   (`birth_day`, `birth_month`, `birth_year`). Fixture: `draft-v2-layout4.imw`. Layouts 1 to
///   3 are read by adding the missing empty fields, then their date of birth (one text) is
///   moved into the boxes when it is plainly a date (see `codec`).
/// - Layout 5: this struct as it is now, with the private concern log (`concerns`) and the
///   service's address (`service_address`) last. Fixture: `draft-v2-layout5.imw`. Layouts 1 to
///   4 are read by adding an empty log and address too.
///
/// A new *question* does not need a new layout: its answer goes in `more` under its id.
///
/// `tests/drafts.rs` fails when today's code no longer writes the newest fixture's bytes:
/// that is the reminder to do the steps above.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub who: Option<Who>,
    pub supporter: Supporter,
    /// The broad kind of service, asked before the specific one.
    pub service_group: Option<ServiceGroup>,
    /// Everything routing uses: nation, area, service, stage, dates, flags.
    pub situation: Situation,
    /// The date fields as typed; `situation.when` is derived from them when they are valid.
    pub when_input: WhenInput,
    /// A postcode as typed, used only on this device to suggest the area.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub area_postcode: String,
    /// The name of the practice, hospital or service, if they know it ("Seaview Surgery").
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub service_name: String,
    /// **What happened, in their own words.** Quoted verbatim in the letter.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub what_happened: String,
    /// How it affected them, in their own words.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub how_it_affected: String,
    pub wants: Vec<Want>,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub want_other: String,
    /// Why they are complaining now, if the usual time limit has passed (own words).
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub late_reason: String,
    pub contact: ContactDetails,
    /// The date of birth as one text, as drafts before layout 4 kept it. New answers leave it
    /// empty: the date of birth is typed in [`Answers::birth_day`] and the boxes after it. A
    /// text from an older draft stays here only when it was not plainly a date (see `codec`),
    /// and is then shown as typed while the boxes are empty. Kept, here, because its position
    /// is part of every layout.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub date_of_birth: String,
    pub access_needs: Vec<AccessNeed>,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub interpreter_language: String,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub access_other: String,
    /// On a shared or public computer: the app then clears itself after a quiet spell.
    pub shared_computer: Option<YesNo>,
    /// Answers to questions added since layout 2, one `id=value` entry per question, e.g.
    /// `"share-with-service=no"`. A new question keeps its answer here (see
    /// `questions::Choice::Keyed`), so adding one needs no new layout: the list is simply
    /// longer. Entries rather than pairs because the app already carries the code for lists
    /// of text, so this costs its first download almost nothing. Read and write it only with
    /// [`Answers::more`] and [`Answers::set_more`].
    #[serde(deserialize_with = "in_my_words_basics::schema::texts")]
    pub more: Vec<String>,
    /// Layout 3: what was wrong with the service's final answer, in their own words (asked
    /// only once they have had it). The letters that come after that answer quote it.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub reply_words: String,
    /// Layout 3: what was wrong with that answer, from a short list: [`ReplyProblem`] ids, in
    /// the order ticked. Kept as ids (an id the app no longer knows is passed over), which the
    /// app can already read and write, so the field costs its first download almost nothing.
    #[serde(deserialize_with = "in_my_words_basics::schema::texts")]
    pub reply_problems: Vec<String>,
    /// Layout 3: other services the complaint is about ([`Service`] ids, in the order
    /// ticked), when care fell between several. Kept as ids, like `reply_problems`.
    #[serde(deserialize_with = "in_my_words_basics::schema::texts")]
    pub other_services: Vec<String>,
    /// Layout 3: the names of those other services, in their own words (optional).
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub other_names: String,
    /// Layout 4: the date of birth (optional; it helps the organisation find records), in three
    /// boxes as typed: the day, the month (a number or a name) and the year.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub birth_day: String,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub birth_month: String,
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub birth_year: String,
    /// Layout 5: the private concern log, things raised that are not (yet) a formal complaint,
    /// in the order added. Never in a letter as such: `domain::concerns::start_complaint` copies
    /// the chosen ones into the complaint's own answers.
    pub concerns: Vec<Concern>,
    /// Layout 5: the address of the service the complaint is about, as typed (optional), for
    /// the letter when it goes to the service itself.
    #[serde(deserialize_with = "in_my_words_basics::schema::text")]
    pub service_address: String,
}

/// The answer in a [`Answers::more`] entry, if the entry is for question `id`.
fn answer_for<'a>(entry: &'a str, id: &str) -> Option<&'a str> {
    entry.strip_prefix(id)?.strip_prefix('=')
}

/// The given parts, one per line, exactly as typed, leaving out any with nothing in them.
pub fn lines_given(parts: &[&str]) -> String {
    let mut lines = String::new();
    for part in parts.iter().filter(|part| has_text(part)) {
        if !lines.is_empty() {
            lines.push('\n');
        }
        lines.push_str(part);
    }
    lines
}

/// True when `text` has something other than white space. Used to decide whether an answer was
/// given; the text itself is always kept exactly as typed.
pub fn has_text(text: &str) -> bool {
    !text.trim().is_empty()
}

impl Answers {
    /// The other services this complaint is about, known ids only, without the main service
    /// and without repeats.
    pub fn also(&self) -> Vec<Service> {
        let mut out: Vec<Service> = Vec::new();
        for service in self
            .other_services
            .iter()
            .filter_map(|id| Service::from_id(id))
        {
            if Some(service) != self.situation.service && !out.contains(&service) {
                out.push(service);
            }
        }
        out
    }

    /// The date of birth boxes as typed: the day, the month and the year.
    pub fn birth_boxes(&self) -> [&str; 3] {
        [&self.birth_day, &self.birth_month, &self.birth_year].map(String::as_str)
    }

    /// The date of birth, when the boxes make a real date from 1900 to `today`.
    pub fn birth_date(&self, today: Date) -> Option<Date> {
        let [day, month, year] = self.birth_boxes();
        past_date(day, month, year, today)
    }

    /// The date of birth as the letters and "Check your answers" give it: written out when the
    /// boxes make a real date ("3 April 1961"). Otherwise what was typed, never rewritten: the
    /// boxes given, a space between them; or, while they are all empty, an older draft's text
    /// kept whole (see `codec`). Spaces around are layout, and dropped. Empty when not given.
    pub fn date_of_birth_words(&self, today: Date) -> String {
        if let Some(date) = self.birth_date(today) {
            return date.long();
        }
        // Built by hand: `join` on a list of words would add its own copy of that code to the
        // first download, where nothing else needs it.
        let mut typed = String::new();
        for part in self.birth_boxes().map(str::trim) {
            if !part.is_empty() {
                if !typed.is_empty() {
                    typed.push(' ');
                }
                typed.push_str(part);
            }
        }
        if typed.is_empty() {
            self.date_of_birth.trim().into()
        } else {
            typed
        }
    }

    /// True when the person said this is a shared or public computer, or was not sure: the
    /// app then takes the care a shared computer needs (clearing after a quiet spell, steps
    /// that Back cannot page through, no "Save on this device").
    pub fn on_shared_computer(&self) -> bool {
        matches!(self.shared_computer, Some(YesNo::Yes | YesNo::NotSure))
    }

    /// The answer to a question kept in [`Answers::more`], if given.
    pub fn more(&self, id: &str) -> Option<&str> {
        self.more.iter().find_map(|entry| answer_for(entry, id))
    }

    /// Gives (or changes) the answer to a question kept in [`Answers::more`]. A question's id
    /// never holds `=`; the answer may hold anything.
    pub fn set_more(&mut self, id: &str, value: &str) {
        self.more.retain(|entry| answer_for(entry, id).is_none());
        self.more.push(format!("{id}={value}"));
    }

    /// True in supporter mode, where questions speak of "they" and consent is asked.
    pub fn is_supporter(&self) -> bool {
        self.who == Some(Who::HelpingSomeone)
    }

    /// Adds `item` to a multiple-choice list, or removes it when already there, keeping the
    /// order in which the person ticked things.
    pub fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T) {
        if let Some(at) = list.iter().position(|x| *x == item) {
            list.remove(at);
        } else {
            list.push(item);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_keeps_the_order_things_were_ticked() {
        let mut wants = vec![];
        Answers::toggle(&mut wants, Want::Meeting);
        Answers::toggle(&mut wants, Want::Apology);
        Answers::toggle(&mut wants, Want::Explanation);
        Answers::toggle(&mut wants, Want::Apology);
        assert_eq!(wants, [Want::Meeting, Want::Explanation]);
    }

    #[test]
    fn answers_kept_by_id_read_back_and_change() {
        let mut a = Answers::default();
        assert_eq!(a.more("share-with-service"), None);
        a.set_more("share-with-service", "no");
        a.set_more("share", "yes");
        a.set_more("réponse-💬", "ضعيف \u{200f}ŵ\nsecond line=");
        assert_eq!(a.more("share-with-service"), Some("no"));
        assert_eq!(a.more("share"), Some("yes"));
        a.set_more("share-with-service", "not-sure");
        assert_eq!(a.more("share-with-service"), Some("not-sure"));
        assert_eq!(a.more("réponse-💬"), Some("ضعيف \u{200f}ŵ\nsecond line="));
        assert_eq!(a.more.len(), 3, "one entry per id");
        assert_eq!(a.more("shar"), None, "an id is matched whole");
    }

    #[test]
    fn lines_given_keeps_each_part_exactly_and_leaves_out_empty_ones() {
        assert_eq!(
            lines_given(&["Sam ", " \n", "", "Trust\r\nHove"]),
            "Sam \nTrust\r\nHove"
        );
        assert_eq!(lines_given(&[" ", ""]), "");
    }

    #[test]
    fn white_space_is_not_an_answer_but_is_kept() {
        assert!(!has_text(" \n\t"));
        assert!(has_text("  I waited.\n"));
    }
    #[test]
    fn ids_round_trip_and_are_unique() {
        fn check<T: Copy + PartialEq + std::fmt::Debug>(
            all: &[T],
            id: fn(T) -> &'static str,
            from_id: fn(&str) -> Option<T>,
        ) {
            for &v in all {
                assert_eq!(from_id(id(v)), Some(v));
            }
            let mut ids: Vec<_> = all.iter().map(|&v| id(v)).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), all.len());
            assert_eq!(from_id("not-an-id"), None);
        }
        check(&Want::ALL, Want::id, Want::from_id);
        check(
            &ContactMethod::ALL,
            ContactMethod::id,
            ContactMethod::from_id,
        );
        check(&AccessNeed::ALL, AccessNeed::id, AccessNeed::from_id);
        assert_eq!(AccessNeed::BritishSignLanguage.id(), "bsl");
    }
}
