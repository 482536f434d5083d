//! The letters, as pure functions of the answers, the route and today's date.
//!
//! A letter is a list of [`Block`]s (address lines, a subject, paragraphs, lists and the
//! person's own words), so the same model gives the plain text ([`Letter::to_text`], which the
//! letter page shows, prints, copies, emails and downloads as `.txt`) and the Word document
//! ([`super::docx`]). The letters are written in the letter tools (see [`super::tools`]), not in
//! the journey's first download.
//!
//! The person's own words are copied in **verbatim**: their paragraphs, line breaks and spaces
//! are kept and nothing is corrected or reworded. Everything else is the app's own plain
//! wording, in short sentences. In supporter mode the letter still speaks as the person ("I"),
//! and the supporter's private notes are never read here at all.
//!
//! Which letter comes first follows the stage the complaint has reached ([`main_kind`]): a
//! formal complaint (or, for the Special Allocation Scheme, an appeal and request for review),
//! a chaser when nobody answered, or a letter to the ombudsman once the service has given its
//! final answer. The other letters are offered as follow-ups ([`follow_ups`]).

use super::answers::{has_text, AccessNeed, Answers, ContactMethod, ReplyProblem, Want};
use super::concerns::raised_on;
use super::date::Date;
use super::questions::{yes_no_from_id, SHARE_WITH_SERVICE};
use super::route::{in_sentence, DeadlineKind, Procedure, Recipient, Route};
use super::situation::{Nation, Service, Stage, WhenItHappened, YesNo};
use super::when::WhenChoice;
use crate::words::{domain_words, fill};

/// How a block is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Lines one under another: an address, the date, the sign-off, lines to fill in.
    Lines,
    /// The subject: bold lines. Every letter has one such block, and no other.
    Heading,
    /// One paragraph of the app's wording (which may quote a name or an address).
    Para,
    /// The person's own words, exactly as typed: shown with their line breaks and spaces.
    Words,
    /// A bulleted list.
    List,
}

/// One piece of a letter. `text` holds one string for a paragraph or the person's words, and
/// one string per line or per list item otherwise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub style: Style,
    pub text: Vec<String>,
}

/// The letters the app can write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LetterKind {
    /// A formal complaint to the service (or the body that pays for it).
    Complaint,
    /// Chasing a complaint nobody acknowledged, or an answer that is late.
    Chaser,
    /// "I am not satisfied with your final response", to the service.
    NotSatisfied,
    /// Asking the ombudsman (or the next independent body) to look at it.
    Ombudsman,
    /// An appeal against a Special Allocation Scheme placement, asking for a review and to be
    /// part of it.
    SasReview,
    /// The consent form a supporter sends with the letter.
    ConsentForm,
    /// Before a formal complaint: a short note (or what to say) raising it informally with the
    /// service or its patient advice team, with a date to follow up.
    InformalNote,
}

/// A letter or form, ready to render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub kind: LetterKind,
    pub blocks: Vec<Block>,
}

/// Things to do when sending any letter, in the order a person does them: the letter page
/// lists them beside the letter.
///
/// The English words (see [`crate::words::domain_words`], `letter.how_to_send`), named here
/// because the letter page reads this constant; a page that follows the chosen language reads
/// them from `domain_words()` instead.
pub const HOW_TO_SEND: &[&str] = crate::words::en::domain::DOMAIN.letter.how_to_send;

impl Letter {
    /// The letter as plain text, for copying, emailing and the `.txt` download. Blocks are
    /// separated by a blank line; the person's words are copied exactly as typed.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            for (j, line) in block.text.iter().enumerate() {
                if j > 0 {
                    out.push('\n');
                }
                if block.style == Style::List {
                    out.push_str("- ");
                }
                out.push_str(line);
            }
        }
        out.push('\n');
        out
    }

    /// The subject line (the first line of the subject block), for the email link's subject.
    pub fn subject(&self) -> &str {
        self.blocks
            .iter()
            .find(|b| b.style == Style::Heading)
            .and_then(|b| b.text.first())
            .map_or("", String::as_str)
    }
}

/// The main letter for this stage as plain text: what the letter page shows.
pub fn letter_text(answers: &Answers, route: &Route, today: Date) -> String {
    letter(answers, route, today).to_text()
}

/// The letter the person needs first, for the stage their complaint has reached.
pub fn main_kind(answers: &Answers) -> LetterKind {
    match stage(answers) {
        Stage::NotRaised | Stage::RaisedInformally if is_sas(answers) => LetterKind::SasReview,
        Stage::NotRaised | Stage::RaisedInformally => LetterKind::Complaint,
        Stage::NoAcknowledgement | Stage::NoResponseInTime => LetterKind::Chaser,
        Stage::FinalResponseUnhappy | Stage::WithOmbudsman => LetterKind::Ombudsman,
    }
}

/// The main letter for this stage ([`main_kind`]), as [`write()`] writes it with no date sent.
pub fn letter(answers: &Answers, route: &Route, today: Date) -> Letter {
    write(main_kind(answers), answers, route, today, None)
}

/// The other letters that make sense for these answers, in the order a complaint needs them.
/// The main letter and the consent form are not in the list.
pub fn follow_ups(answers: &Answers, route: &Route) -> Vec<LetterKind> {
    let stage = stage(answers);
    let mut out = Vec::new();
    // Before anything formal, many people want to try sorting it out first.
    if stage == Stage::NotRaised {
        out.push(LetterKind::InformalNote);
    }
    if matches!(
        stage,
        Stage::NotRaised | Stage::RaisedInformally | Stage::NoAcknowledgement
    ) {
        out.push(LetterKind::Chaser);
    }
    if stage != Stage::WithOmbudsman {
        out.push(LetterKind::NotSatisfied);
    }
    if final_body(stage, route).is_some() {
        out.push(LetterKind::Ombudsman);
    }
    if is_sas(answers) {
        out.push(LetterKind::SasReview);
    }
    let main = main_kind(answers);
    out.retain(|k| *k != main);
    out
}

/// Writes one kind of letter. `sent` is the day the complaint was sent, when the person knows
/// it: a chaser quotes it, and leaves a gap to fill in when it is `None`. `today` is the date
/// the letter carries.
pub fn write(
    kind: LetterKind,
    answers: &Answers,
    route: &Route,
    today: Date,
    sent: Option<Date>,
) -> Letter {
    let w = Writer::new(answers, route, today);
    let blocks = match kind {
        LetterKind::Complaint => w.complaint(),
        LetterKind::Chaser => w.chaser(sent),
        LetterKind::NotSatisfied => w.not_satisfied(),
        LetterKind::Ombudsman => w.ombudsman(),
        LetterKind::SasReview => w.sas_review(),
        LetterKind::ConsentForm => w.consent_form(),
        LetterKind::InformalNote => w.informal_note(),
    };
    Letter { kind, blocks }
}

/// The consent form a supporter sends with the letter, signed by the person.
pub fn consent_form(answers: &Answers, route: &Route, today: Date) -> Letter {
    write(LetterKind::ConsentForm, answers, route, today, None)
}

/// The stage, as routing assumes it when the person did not say.
pub(super) fn stage(answers: &Answers) -> Stage {
    answers.situation.stage.unwrap_or(Stage::NotRaised)
}

/// An English Special Allocation Scheme (or GP list removal) case.
fn is_sas(answers: &Answers) -> bool {
    answers.situation.service == Some(Service::GpRemovalOrSas)
        && answers
            .situation
            .nation
            .is_none_or(|n| n == Nation::England)
}

/// The independent body to go to after the service's final answer: the route's first choice
/// once that answer has come, otherwise the first ombudsman in the escalation (or its last
/// step, such as the Dental Complaints Service).
pub fn final_body(stage: Stage, route: &Route) -> Option<&Recipient> {
    if stage.after_final_answer() {
        return Some(&route.primary);
    }
    route
        .escalation
        .iter()
        .find(|r| r.is_ombudsman())
        .or(route.escalation.last())
}

/// Free text from a short answer (a name, an address line): surrounding spaces are dropped,
/// because they are layout, not content. The person's account is never trimmed.
fn field(text: &str) -> String {
    text.trim().to_string()
}

/// A multi-line answer such as an address, one entry per non-empty line.
fn lines_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// A gap for the person to fill in by hand or in the Word document.
const GAP_ADDRESS: &str = "[Write their name and address here]";
const GAP_ADDRESS_ONLY: &str = "[Write their address here]";
const GAP_DATE: &str = "[date]";
const BLANK: &str = "______________________________";

/// A date in a sentence, or a gap to fill in when it is not known.
fn date_or_gap(date: Option<Date>) -> String {
    date.map_or_else(|| GAP_DATE.to_string(), Date::long)
}

/// Everything the letters share, worked out once.
struct Writer<'a> {
    a: &'a Answers,
    route: &'a Route,
    today: Date,
    stage: Stage,
    nation: Nation,
    /// What the complaint is about, for a sentence: "my GP practice".
    about: String,
}

impl<'a> Writer<'a> {
    fn new(a: &'a Answers, route: &'a Route, today: Date) -> Self {
        let about = match a.situation.service {
            Some(service) => service_phrase(service),
            None if has_text(&a.service_name) => "",
            None => "the care I received",
        };
        let about = if about.is_empty() {
            field(&a.service_name)
        } else {
            about.to_string()
        };
        Writer {
            a,
            route,
            today,
            stage: stage(a),
            nation: a.situation.nation.unwrap_or(Nation::England),
            about,
        }
    }

    fn block(out: &mut Vec<Block>, style: Style, text: Vec<String>) {
        out.push(Block { style, text });
    }

    // The helpers take `&str` so that each fixed sentence costs a pointer at its call site,
    // not an inlined allocation: this code is part of the letter tools' download.
    fn para(out: &mut Vec<Block>, text: &str) {
        Self::block(out, Style::Para, vec![text.to_string()]);
    }

    fn list(out: &mut Vec<Block>, items: &[&str]) {
        let items = items.iter().map(|i| i.to_string()).collect();
        Self::block(out, Style::List, items);
    }

    /// The person's words, exactly as typed, when there are any.
    fn words(out: &mut Vec<Block>, text: &str) {
        if has_text(text) {
            Self::block(out, Style::Words, vec![text.to_string()]);
        }
    }

    fn name(&self) -> String {
        field(&self.a.contact.name)
    }

    fn uses(&self, method: ContactMethod) -> bool {
        self.a.contact.methods.contains(&method)
    }

    /// True when letters go to the person's own address.
    fn by_post(&self) -> bool {
        self.uses(ContactMethod::Post) && has_text(&self.a.contact.address)
    }

    /// True when letters go care of someone else.
    fn care_of(&self) -> bool {
        self.uses(ContactMethod::CareOf) && has_text(&self.a.contact.care_of_name)
    }

    /// The address where letters reach the person, one line each: their own, or "c/o" someone
    /// else's; none when they gave neither.
    fn postal_lines(&self) -> Vec<String> {
        let c = &self.a.contact;
        if self.by_post() {
            lines_of(&c.address)
        } else if self.care_of() {
            let mut lines = vec![["c/o ", c.care_of_name.trim()].concat()];
            lines.extend(lines_of(&c.care_of_address));
            lines
        } else {
            Vec::new()
        }
    }

    /// The top of every letter: the sender, the date, the recipient and the subject.
    fn head(&self, out: &mut Vec<Block>, to: &Recipient, subject: String) {
        let c = &self.a.contact;
        let mut sender = vec![self.name()];
        sender.extend(self.postal_lines());
        if self.uses(ContactMethod::Email) && has_text(&c.email) {
            sender.push(["Email: ", c.email.trim()].concat());
        }
        if self.uses(ContactMethod::Phone) && has_text(&c.phone) {
            let label = if c.phone_calls_hard {
                "Text messages: "
            } else {
                "Phone: "
            };
            sender.push([label, c.phone.trim()].concat());
        }
        sender.retain(|l| !l.is_empty());
        if !sender.is_empty() {
            Self::block(out, Style::Lines, sender);
        }
        Self::block(out, Style::Lines, vec![self.today.long()]);

        let mut recipient = vec!["Private and confidential".to_string()];
        recipient.extend(recipient_lines(
            to,
            &self.a.service_name,
            &self.a.service_address,
        ));
        Self::block(out, Style::Lines, recipient);

        let mut heading = vec![subject];
        if has_text(&c.name) {
            let mut about = ["About: ", c.name.trim()].concat();
            let born = self.a.date_of_birth_words(self.today);
            if !born.is_empty() {
                about.push_str(", date of birth ");
                about.push_str(&born);
            }
            heading.push(about);
        }
        Self::block(out, Style::Heading, heading);
        Self::para(out, "Dear Sir or Madam,");
    }

    /// "This happened on 3 October 2026, at Seaview Surgery."
    fn when_where(&self, out: &mut Vec<Block>) {
        let when = self.a.situation.when.and_then(WhenItHappened::describe);
        let place = has_text(&self.a.service_name).then(|| field(&self.a.service_name));
        let mut text = String::new();
        match (&when, &place) {
            (Some(when), Some(place)) => {
                text = ["This happened ", when, ", at ", place, "."].concat();
            }
            (Some(when), None) => text = ["This happened ", when, "."].concat(),
            (None, Some(place)) => text = ["This happened at ", place, "."].concat(),
            (None, None) => {}
        }
        let ongoing = self
            .a
            .situation
            .when
            .is_some_and(WhenItHappened::is_ongoing);
        if when.is_none() && self.a.situation.when.is_some() {
            if !text.is_empty() {
                text.push(' ');
            }
            let on_and_off = self.a.when_input.choice == Some(WhenChoice::OnAndOff);
            match self.a.when_input.since_year(self.today) {
                Some(year) => {
                    text.push_str(&format!("It has happened on and off since {year}."));
                }
                None if on_and_off => text.push_str("It happens on and off."),
                None => text.push_str(if ongoing {
                    "It is still happening."
                } else {
                    "I am not sure of the exact date."
                }),
            }
        }
        if !text.is_empty() {
            Self::para(out, &text);
        }
    }

    /// "I raised this with you on 3 November 2026 and on 20 November 2026.": the days kept
    /// from the concern log (see `concerns::start_complaint`), in `template`'s words. Nothing
    /// when there are none.
    fn raised(&self, out: &mut Vec<Block>, template: &str) {
        let words = &domain_words().concerns;
        let days = raised_on(self.a);
        let mut list = String::new();
        for (at, day) in days.iter().enumerate() {
            if at > 0 {
                list.push_str(if at + 1 == days.len() {
                    words.and
                } else {
                    words.comma
                });
            }
            list.push_str(&fill(words.on_day, &[&day.long()]));
        }
        if !list.is_empty() {
            Self::para(out, &fill(template, &[&list]));
        }
    }

    fn what_happened(&self, out: &mut Vec<Block>, lead: &str) {
        if has_text(&self.a.what_happened) {
            Self::para(out, lead);
            Self::words(out, &self.a.what_happened);
        }
    }

    /// What was wrong with the service's final answer: the points they chose, then their own
    /// words exactly as typed. Nothing when they gave neither. True when something was said.
    fn reply(&self, out: &mut Vec<Block>) -> bool {
        let points: Vec<&str> = self
            .a
            .reply_problems
            .iter()
            .filter_map(|id| ReplyProblem::from_id(id))
            .map(|p| match p {
                ReplyProblem::MissedPoints => "It did not answer all of my points.",
                ReplyProblem::FactsWrong => "It got some of the facts wrong.",
                ReplyProblem::NoApology => "It did not apologise.",
                ReplyProblem::NothingChanged => "Nothing has changed because of it.",
                ReplyProblem::TooLate => "It came too late.",
            })
            .collect();
        let words = has_text(&self.a.reply_words);
        if points.is_empty() && !words {
            return false;
        }
        Self::para(out, "What was wrong with the final response:");
        if !points.is_empty() {
            Self::list(out, &points);
        }
        if words {
            Self::para(out, "In my own words:");
            Self::words(out, &self.a.reply_words);
        }
        true
    }

    /// A complaint about several services: who else has a copy, the other services in the
    /// person's own words if they named them, and the request for one joined-up answer.
    fn several(&self, out: &mut Vec<Block>) {
        let copies = &self.route.copies;
        if copies.is_empty() {
            return;
        }
        Self::para(
            out,
            "My complaint is also about other services. I am sending a copy of this letter to:",
        );
        let names: Vec<String> = copies.iter().map(|c| c.recipient.name()).collect();
        Self::block(out, Style::List, names);
        if has_text(&self.a.other_names) {
            Self::para(out, "The other services, in my own words:");
            Self::words(out, &self.a.other_names);
        }
        Self::para(
            out,
            "When a complaint is about more than one organisation, the organisations should work together. Please agree with them which of you will lead. Please send me one joined-up answer.",
        );
    }

    fn affected(&self, out: &mut Vec<Block>) {
        if has_text(&self.a.how_it_affected) {
            Self::para(out, "How this has affected me:");
            Self::words(out, &self.a.how_it_affected);
        }
    }

    fn wants(&self, out: &mut Vec<Block>, lead: &str, skip: Option<Want>) {
        let items: Vec<String> = self
            .a
            .wants
            .iter()
            .filter(|w| Some(**w) != skip)
            .filter_map(|w| want_sentence(*w))
            .map(String::from)
            .collect();
        let other = self.a.wants.contains(&Want::SomethingElse) && has_text(&self.a.want_other);
        if items.is_empty() && !other {
            return;
        }
        Self::para(out, lead);
        if !items.is_empty() {
            Self::block(out, Style::List, items);
        }
        if other {
            Self::words(out, &self.a.want_other);
        }
    }

    /// The late paragraph, when `kind`'s deadline has passed, with the person's reason.
    fn late(&self, out: &mut Vec<Block>, kind: DeadlineKind, first: &str, ask: &str) {
        let passed = self
            .route
            .deadlines
            .iter()
            .any(|d| d.kind == kind && d.date.is_some_and(|d| d < self.today));
        // The reason the person gave for the wait always reaches the letter, in their words,
        // even when the date that makes it late is not known.
        if has_text(&self.a.late_reason) {
            if passed {
                Self::para(
                    out,
                    &[first, " I could not complain sooner because:"].concat(),
                );
            } else {
                Self::para(out, "Why I am writing now:");
            }
            Self::words(out, &self.a.late_reason);
            if passed {
                Self::para(out, ask);
            }
        } else if passed {
            Self::para(out, &[first, " ", ask].concat());
        }
    }

    /// Consent for a supporter, and a commissioner's sharing with the service. The letter
    /// speaks for the person, so it gives permission, or refuses it, only when the person has
    /// clearly agreed to the complaint and was asked about sharing; otherwise it asks to be
    /// asked first. A commissioner may show the complaint to the service only when the person
    /// said yes to that question (they may have chosen the commissioner because they cannot
    /// face the service); after a no it is asked not to, and otherwise to ask first.
    fn permission(&self, out: &mut Vec<Block>, to: &Recipient) {
        let commissioner = to
            .organisation()
            .is_some_and(|o| o.kind == "icb" || o.kind == "commissioner");
        if commissioner {
            let service = if has_text(&self.a.service_name) {
                field(&self.a.service_name)
            } else {
                "the service".to_string()
            };
            let answer = self.a.more(SHARE_WITH_SERVICE).and_then(yes_no_from_id);
            let (before, after) = match answer {
                Some(YesNo::Yes) => (
                    "You may show my complaint to ",
                    " so that you can look into it.",
                ),
                Some(YesNo::No) => (
                    "Please do not show my complaint to ",
                    " without talking to me first.",
                ),
                _ => ("Please ask me before you share my complaint with ", "."),
            };
            Self::para(out, &[before, &service, after].concat());
        }
        if !self.a.is_supporter() {
            return;
        }
        let s = &self.a.supporter;
        let who = if has_text(&s.name) {
            field(&s.name)
        } else {
            "my supporter".to_string()
        };
        let mut text = who.clone();
        if has_text(&s.role) {
            text.push_str(" (");
            text.push_str(s.role.trim());
            text.push(')');
        }
        text.push_str(" has helped me to write this letter.");
        match self.sharing() {
            Some(YesNo::Yes) => {
                text.push_str(" I give permission for you to discuss my complaint with ");
                text.push_str(&who);
                text.push_str(", and to share information about it with them. My signed consent form is enclosed.");
                if has_text(&s.contact) {
                    text.push_str(" You can contact them at ");
                    text.push_str(s.contact.trim());
                    text.push('.');
                }
            }
            Some(YesNo::No) => {
                text.push_str(" Please send your replies to me. Do not share my information with ");
                text.push_str(&who);
                text.push('.');
            }
            _ => {
                text.push_str(" Please ask me before you share any of my information with ");
                text.push_str(&who);
                text.push('.');
            }
        }
        Self::para(out, &text);
    }

    /// The answer about sharing with the supporter, when the person has clearly agreed to the
    /// complaint; `None` (ask first) when they have not, or were not sure.
    fn sharing(&self) -> Option<YesNo> {
        let s = &self.a.supporter;
        (self.a.is_supporter() && s.person_agrees == Some(YesNo::Yes))
            .then_some(s.may_share_with_supporter)
            .flatten()
    }

    fn contact(&self, out: &mut Vec<Block>) {
        let c = &self.a.contact;
        let post = self.by_post();
        let care_of = self.care_of();
        let mut s: Vec<String> = Vec::new();
        if post {
            s.push("Please write to me at the address above.".into());
            if care_of {
                let mut also =
                    ["You can also write to me care of ", c.care_of_name.trim()].concat();
                for line in lines_of(&c.care_of_address) {
                    also.push_str(", ");
                    also.push_str(&line);
                }
                also.push('.');
                s.push(also);
            }
        } else if care_of {
            // Only where letters reach them: nothing about where, or whether, they live.
            s.push(
                [
                    "Please write to me care of ",
                    c.care_of_name.trim(),
                    ", at the address above.",
                ]
                .concat(),
            );
        }
        let by_letter = post || care_of;
        if self.uses(ContactMethod::Email) && has_text(&c.email) {
            let lead = if by_letter {
                "You can also email me at "
            } else {
                "Please reply to me by email at "
            };
            s.push([lead, c.email.trim(), "."].concat());
        }
        let phone = self.uses(ContactMethod::Phone) && has_text(&c.phone);
        if c.phone_calls_hard {
            s.push(if phone {
                ["I find phone calls hard. Please contact me in writing, or send a text message to ", c.phone.trim(), "."].concat()
            } else {
                "I find phone calls hard, so please contact me in writing rather than by phone."
                    .into()
            });
        } else if phone {
            s.push(["You can phone me on ", c.phone.trim(), "."].concat());
        }
        if self.uses(ContactMethod::SupportWorker) && has_text(&c.support_worker) {
            let lead = if s.is_empty() {
                "Please contact me through my support worker: "
            } else {
                "You can also contact me through my support worker: "
            };
            let mut line = [lead, c.support_worker.trim()].concat();
            if !line.ends_with('.') {
                line.push('.');
            }
            s.push(line);
        }
        if !s.is_empty() {
            Self::para(out, &s.join(" "));
        }
    }

    fn adjustments(&self, out: &mut Vec<Block>) {
        let mut items = Vec::new();
        for need in &self.a.access_needs {
            items.push(match need {
                AccessNeed::LargePrint => "Letters in large print.".to_string(),
                AccessNeed::EasyRead => "Information in Easy Read.".to_string(),
                AccessNeed::Interpreter if has_text(&self.a.interpreter_language) => [
                    "An interpreter for ",
                    self.a.interpreter_language.trim(),
                    ".",
                ]
                .concat(),
                AccessNeed::Interpreter => "An interpreter.".to_string(),
                AccessNeed::BritishSignLanguage => {
                    "A British Sign Language (BSL) interpreter.".to_string()
                }
                AccessNeed::Other => continue,
            });
        }
        let other =
            self.a.access_needs.contains(&AccessNeed::Other) && has_text(&self.a.access_other);
        if items.is_empty() && !other {
            return;
        }
        Self::para(
            out,
            "To take part in this fairly, I need these reasonable adjustments:",
        );
        if !items.is_empty() {
            Self::block(out, Style::List, items);
        }
        if other {
            Self::words(out, &self.a.access_other);
        }
    }

    /// Contact, adjustments, consent and the sign-off: the end of every letter.
    fn tail(&self, out: &mut Vec<Block>, to: &Recipient, timescale: String) {
        self.permission(out, to);
        self.contact(out);
        self.adjustments(out);
        if !timescale.is_empty() {
            Self::para(out, &timescale);
        }
        Self::block(
            out,
            Style::Lines,
            vec![
                "Yours faithfully,".into(),
                String::new(),
                String::new(),
                self.name(),
            ],
        );
        let mut enclosed = Vec::new();
        if self.sharing() == Some(YesNo::Yes) {
            enclosed.push("Enclosed: my signed consent form".to_string());
        }
        if !enclosed.is_empty() {
            Self::block(out, Style::Lines, enclosed);
        }
    }

    /// The body that has (or will have) the complaint: the route's first choice, unless that is
    /// already the ombudsman, when the service itself is not in the route.
    fn service(&self) -> Recipient {
        if self.stage.after_final_answer() {
            Recipient::Role {
                role: "The complaints manager".into(),
                at: "at the service".into(),
                how_to_find: String::new(),
            }
        } else {
            self.route.primary.clone()
        }
    }

    /// What the nation's procedure says about acknowledging and answering, as a request.
    fn timescale(&self) -> String {
        match (self.route.procedure, self.nation) {
            (Procedure::NhsEngland, _) | (Procedure::Council, Nation::England) => "Please acknowledge my complaint within 3 working days. Please also contact me to agree how it will be handled and when I can expect your response.".into(),
            (Procedure::NhsWales, _) => "Please let me know you have received my concern, and when I can expect your response.".into(),
            (Procedure::NhsScotland, _) => "Please let me know that you have received my complaint. I understand that a simple complaint should be answered within 5 working days. If you investigate it, please acknowledge it within 3 working days and answer within 20 working days, or tell me why not.".into(),
            // The same figures as the route's dates (NIPSO's model procedure, since 1 January
            // 2026, for Trusts and practices alike).
            (Procedure::HscNorthernIreland, _) => "Please let me know that you have received my complaint. I understand that a simple complaint should be answered within 5 working days, and one that is looked into fully within 20 working days.".into(),
            _ => "Please acknowledge my complaint, send me a copy of your complaints procedure, and tell me when I can expect your response.".into(),
        }
    }

    fn complaint(&self) -> Vec<Block> {
        let mut out = Vec::new();
        let to = &self.route.primary;
        let wales = self.route.procedure == Procedure::NhsWales;
        let subject = if wales {
            "Formal complaint (a concern) to NHS Wales".to_string()
        } else {
            [
                "Formal complaint under ",
                self.route.procedure.formal_name(),
            ]
            .concat()
        };
        self.head(&mut out, to, subject);
        let mut opening = [
            "I am writing to make a formal complaint about ",
            &self.about,
            ".",
        ]
        .concat();
        if self.stage == Stage::RaisedInformally {
            opening.push_str(" I have already raised this informally. I now want it dealt with as a formal complaint.");
        }
        Self::para(&mut out, &opening);
        self.raised(&mut out, domain_words().concerns.raised_with_you);
        self.when_where(&mut out);
        self.what_happened(&mut out, "This is what happened, in my own words:");
        self.late(
            &mut out,
            DeadlineKind::ComplainBy,
            "I know that this is later than the usual time limit for complaints.",
            "Please still look into my complaint. I believe it can still be looked into fairly.",
        );
        self.affected(&mut out);
        self.wants(&mut out, "What I would like to happen:", None);
        self.several(&mut out);
        if self.a.situation.still_receiving_care == Some(YesNo::Yes) {
            Self::para(
                &mut out,
                "I am still receiving this care. Please make sure my complaint does not affect it.",
            );
        }
        self.tail(&mut out, to, self.timescale());
        out
    }

    fn chaser(&self, sent: Option<Date>) -> Vec<Block> {
        let mut out = Vec::new();
        let to = self.service();
        let late = self.stage == Stage::NoResponseInTime;
        let subject = if late {
            "Formal complaint: my response is overdue"
        } else {
            "Formal complaint: no acknowledgement received"
        };
        self.head(&mut out, &to, subject.into());
        let sent = date_or_gap(sent);
        let mut text = [
            "On ",
            &sent,
            " I sent you a formal complaint about ",
            &self.about,
            ".",
        ]
        .concat();
        let rule = if late {
            text.push_str(
                " You acknowledged it, but I have not had your response in the time we agreed.",
            );
            match self.route.procedure {
                Procedure::NhsEngland | Procedure::Council if self.nation == Nation::England => {
                    " If you cannot respond within 6 months, you must write to tell me why."
                }
                Procedure::NhsWales => " Please tell me when I can expect your response.",
                Procedure::NhsScotland => " Investigated complaints should be answered within 20 working days, or I should be told why and given a new date.",
                _ => "",
            }
        } else {
            text.push_str(" I have not had an acknowledgement.");
            match self.route.procedure {
                Procedure::NhsEngland | Procedure::Council if self.nation == Nation::England => {
                    " Complaints should be acknowledged within 3 working days."
                }
                Procedure::NhsWales => " Concerns should be acknowledged within 2 working days.",
                Procedure::NhsScotland | Procedure::HscNorthernIreland => {
                    " Complaints should be acknowledged within 3 working days."
                }
                _ => "",
            }
        };
        text.push_str(rule);
        Self::para(&mut out, &text);
        Self::para(
            &mut out,
            if late {
                "Please tell me why my response is late, and when I will get it. Please reply within 10 working days."
            } else {
                "Please confirm in writing that you have received my complaint. Please tell me how it will be handled and when I can expect your response. Please reply within 10 working days."
            },
        );
        if !late {
            self.when_where(&mut out);
            self.what_happened(
                &mut out,
                "In case my complaint did not reach you, this is what happened, in my own words:",
            );
        }
        // No ombudsman is named here: most will not look at a complaint before the service's
        // final answer, so the honest next step is advice.
        Self::para(
            &mut out,
            "If I do not hear from you, I will get advice about taking my complaint further.",
        );
        self.tail(&mut out, &to, String::new());
        out
    }

    /// Raising it informally first: short, their words, what they want, and a date after which
    /// it becomes a formal complaint. It can be handed over, emailed, or read out.
    fn informal_note(&self) -> Vec<Block> {
        let mut out = Vec::new();
        let to = self.service();
        self.head(
            &mut out,
            &to,
            "A concern I want to raise (not a formal complaint yet)".into(),
        );
        Self::para(
            &mut out,
            &[
                "I want to raise a concern about ",
                &self.about,
                ". This is not a formal complaint yet. I hope we can sort it out quickly.",
            ]
            .concat(),
        );
        self.what_happened(&mut out, "What happened, in my own words:");
        self.wants(&mut out, "What I would like to happen:", None);
        Self::para(
            &mut out,
            &[
                "Please reply to me by ",
                &self.today.add_days(14).long(),
                ". If it is not sorted out by then, I will make a formal complaint.",
            ]
            .concat(),
        );
        self.tail(&mut out, &to, String::new());
        out
    }

    fn not_satisfied(&self) -> Vec<Block> {
        let mut out = Vec::new();
        let to = self.service();
        self.head(
            &mut out,
            &to,
            "My complaint: I am not satisfied with your final response".into(),
        );
        let date = date_or_gap(self.a.situation.final_response_date);
        Self::para(
            &mut out,
            &[
                "Thank you for your final response to my complaint about ",
                &self.about,
                ", dated ",
                &date,
                ". I am not satisfied with it.",
            ]
            .concat(),
        );
        self.raised(&mut out, domain_words().concerns.raised_with_you);
        // What was wrong with the answer is the point of this letter. The service has the
        // complaint itself, so it is told again only when they said nothing about the answer.
        if !self.reply(&mut out) {
            self.when_where(&mut out);
            self.what_happened(&mut out, "My complaint was about this, in my own words:");
            self.affected(&mut out);
        }
        self.wants(&mut out, "What I would still like to happen:", None);
        Self::para(&mut out, "Please:");
        Self::list(
            &mut out,
            &[
                "Look at my complaint again, and answer the points your response did not answer.",
                "Offer me a meeting to talk it through, if that would help.",
                "Tell me in writing what you will do, and by when.",
            ],
        );
        // The next step after the service: the commissioner for prison healthcare, otherwise
        // usually the ombudsman.
        let next = if self.stage.after_final_answer() {
            Some(&self.route.primary)
        } else {
            self.route.escalation.first()
        };
        if let Some(next) = next {
            Self::para(
                &mut out,
                &[
                    "If we cannot sort this out, I will ask ",
                    &body_in_sentence(&next.name()),
                    " to look at my complaint.",
                ]
                .concat(),
            );
        }
        self.tail(&mut out, &to, String::new());
        out
    }

    fn ombudsman(&self) -> Vec<Block> {
        let mut out = Vec::new();
        let fallback = Recipient::Role {
            role: "The Ombudsman".into(),
            at: String::new(),
            how_to_find: String::new(),
        };
        let to = final_body(self.stage, self.route).unwrap_or(&fallback);
        let already = self.stage == Stage::WithOmbudsman;
        let subject = if already {
            "My complaint: more information"
        } else {
            "Request to look into my complaint about "
        };
        self.head(
            &mut out,
            to,
            [subject, if already { "" } else { &self.about }].concat(),
        );
        if already {
            Self::para(
                &mut out,
                &[
                    "You are looking at my complaint about ",
                    &self.about,
                    ". I am writing to add some information.",
                ]
                .concat(),
            );
        } else {
            let mut text = [
                "I would like you to look into my complaint about ",
                &self.about,
                ".",
            ]
            .concat();
            text.push_str(" I complained to them and got their final response");
            text.push_str(", dated ");
            text.push_str(&date_or_gap(self.a.situation.final_response_date));
            text.push_str(
                ". I am not satisfied with it, and their complaints procedure has finished.",
            );
            Self::para(&mut out, &text);
            self.raised(&mut out, domain_words().concerns.raised_with_them);
        }
        self.when_where(&mut out);
        self.what_happened(&mut out, "This is what happened, in my own words:");
        self.reply(&mut out);
        self.late(
            &mut out,
            DeadlineKind::OmbudsmanBy,
            "I know that this is later than your usual time limit.",
            "Please still look at my complaint.",
        );
        self.affected(&mut out);
        self.wants(&mut out, "What I would like to happen:", None);
        if !already {
            Self::para(
                &mut out,
                "I enclose copies (not the originals) of my complaint, their final response, and any other letters about it.",
            );
        }
        let ask = if already {
            "Please tell me what is happening with my complaint, and when I can expect to hear from you."
        } else {
            "Please let me know that you have received this, and what will happen next."
        };
        self.tail(&mut out, to, ask.into());
        out
    }

    fn sas_review(&self) -> Vec<Block> {
        let mut out = Vec::new();
        let to =
            if is_sas(self.a) && matches!(self.stage, Stage::NotRaised | Stage::RaisedInformally) {
                self.route.primary.clone()
            } else {
                Recipient::Role {
                    role: "The appeals contact for the Special Allocation Scheme".into(),
                    at: String::new(),
                    how_to_find: String::new(),
                }
            };
        self.head(
            &mut out,
            &to,
            "Appeal against my placement on the Special Allocation Scheme, and request for a review"
                .into(),
        );
        let mut text = "I am writing to appeal against my placement on the Special Allocation Scheme. I also ask for my placement to be reviewed, and to be involved in that review.".to_string();
        match self.a.situation.when {
            Some(WhenItHappened::OnDate { date }) => {
                text.push_str(" The letter telling me about my placement is dated ");
                text.push_str(&date.long());
                text.push('.');
            }
            Some(when @ (WhenItHappened::AroundMonth { .. } | WhenItHappened::InYear { .. })) => {
                if let Some(said) = when.describe() {
                    text.push_str(" I was told about my placement ");
                    text.push_str(&said);
                    text.push('.');
                }
            }
            _ => {}
        }
        Self::para(&mut out, &text);
        self.late(
            &mut out,
            DeadlineKind::AppealBy,
            "I know that this may be later than the time limit for an appeal.",
            "Please still review my placement. Placements should be reviewed regularly in any case.",
        );
        self.what_happened(&mut out, "This is what happened, in my own words:");
        self.affected(&mut out);
        // The review is asked for in the list below, so it is not repeated among the wants.
        self.wants(
            &mut out,
            "What I would like to happen:",
            Some(Want::SasReview),
        );
        Self::para(&mut out, "Please:");
        Self::list(&mut out, &[
                "Tell me the reasons for my placement, and what information the decision was based on.",
                "Review my placement, and tell me when the review will happen.",
                "Involve me in the review. I would like to give my side, and to bring someone to support me.",
                "Take into account my health and any disability, as the national guidance on the scheme asks.",
                "Tell me how I can come off the scheme, and when it will next be reviewed.",
            ],
        );
        Self::para(
            &mut out,
            "If this letter cannot be treated as an appeal, please treat it as a formal complaint under the NHS complaints procedure. Please pass it to the right person.",
        );
        self.tail(
            &mut out,
            &to,
            "Please acknowledge this letter, and tell me what will happen next and when.".into(),
        );
        out
    }

    fn consent_form(&self) -> Vec<Block> {
        let mut out = Vec::new();
        let a = self.a;
        let s = &a.supporter;
        let or_blank = |text: &str| {
            if has_text(text) {
                field(text)
            } else {
                BLANK.to_string()
            }
        };
        let who = if has_text(&s.name) {
            field(&s.name)
        } else {
            "the person named below".to_string()
        };
        Self::block(
            &mut out,
            Style::Heading,
            vec![
                "Consent form: permission for someone to act for me".into(),
                ["For my complaint about ", &self.about].concat(),
            ],
        );
        let c = &a.contact;
        let address = self.postal_lines();
        let address = if address.is_empty() {
            BLANK.to_string()
        } else {
            address.join(", ")
        };
        Self::block(
            &mut out,
            Style::Lines,
            vec![
                "About me".into(),
                ["Name: ", &or_blank(&c.name)].concat(),
                [
                    "Date of birth: ",
                    &or_blank(&a.date_of_birth_words(self.today)),
                ]
                .concat(),
                ["Address: ", &address].concat(),
            ],
        );
        Self::block(
            &mut out,
            Style::Lines,
            vec![
                "The person I give permission to".into(),
                ["Name: ", &or_blank(&s.name)].concat(),
                ["Role or organisation: ", &or_blank(&s.role)].concat(),
                ["How to contact them: ", &or_blank(&s.contact)].concat(),
            ],
        );
        Self::para(&mut out, &["I agree that ", &who, " may:"].concat());
        let act = if s.may_share_with_supporter == Some(YesNo::No) {
            "Help me with this complaint.".to_string()
        } else {
            "Make this complaint for me, and act for me in it.".to_string()
        };
        let more = [
            "Receive letters and information about my complaint.",
            "See information from my records that is needed for my complaint.",
            "Come to meetings with me, or speak for me.",
        ];
        match s.may_share_with_supporter {
            Some(YesNo::Yes) => {
                let mut items = vec![act];
                items.extend(more.iter().map(|m| m.to_string()));
                Self::block(&mut out, Style::List, items);
            }
            Some(YesNo::No) => {
                Self::block(&mut out, Style::List, vec![act]);
                Self::para(
                    &mut out,
                    &[
                        "I do not agree to you sharing my personal information with ",
                        &who,
                        ". Please send all replies to me.",
                    ]
                    .concat(),
                );
            }
            _ => {
                Self::block(&mut out, Style::List, vec![act]);
                Self::para(&mut out, "Tick any of these that you also agree to:");
                Self::block(
                    &mut out,
                    Style::List,
                    more.iter().map(|m| ["[ ] ", m].concat()).collect(),
                );
            }
        }
        // Several services: one form for all of them, as the joint consent forms do.
        if !self.route.copies.is_empty() {
            Self::para(
                &mut out,
                "This permission is for each organisation my complaint is about:",
            );
            let mut names = vec![self.route.primary.name()];
            names.extend(self.route.copies.iter().map(|c| c.recipient.name()));
            Self::block(&mut out, Style::List, names);
            Self::para(
                &mut out,
                "They may share my complaint with each other, so that they can send me one joined-up answer.",
            );
        }
        Self::para(
            &mut out,
            "This permission lasts until my complaint is finished, or until I tell you in writing that I have changed my mind.",
        );
        Self::block(
            &mut out,
            Style::Lines,
            vec![
                ["Signed (me): ", BLANK].concat(),
                ["Date: ", BLANK].concat(),
                String::new(),
                ["Signed (", &who, "): ", BLANK].concat(),
                ["Date: ", BLANK].concat(),
            ],
        );
        Self::para(
            &mut out,
            "If you cannot sign, tell the organisation and ask how else you can give your permission.",
        );
        out
    }
}

/// The recipient block: a directory entry's postal address (which often starts with the name
/// or "The Chief Executive"), or its name and a gap to fill in; a described role and the name
/// of the service and the address the person gave for it, or a gap.
fn recipient_lines(to: &Recipient, service_name: &str, service_address: &str) -> Vec<String> {
    match to {
        Recipient::Organisation(org) => {
            let post = org
                .contacts
                .iter()
                .find(|c| c.kind == crate::data::ContactKind::Post);
            let mut lines: Vec<String> = Vec::new();
            match post {
                Some(post) => {
                    let address = lines_of(&post.value);
                    // The address often names the body already, sometimes without the short
                    // name in brackets ("... NHS Foundation Trust" for "... Trust (SECAmb)"):
                    // then it is not said twice.
                    let named = address.iter().any(|line| {
                        org.name == *line
                            || org
                                .name
                                .strip_prefix(line.as_str())
                                .is_some_and(|rest| rest.starts_with(" ("))
                    });
                    if !named {
                        lines.push(org.name.clone());
                    }
                    lines.extend(address);
                }
                None => {
                    lines.push(org.name.clone());
                    lines.push(GAP_ADDRESS_ONLY.into());
                }
            }
            lines
        }
        Recipient::Role { role, at, .. } => {
            // The service's own name belongs under roles at the service itself ("The practice
            // manager", "at the pharmacy"), not under a board, a trust or a department, whose
            // name the person may not know: there the gap asks for it.
            // A council named from the place given ("at the council for Kent") is not the
            // service: the service's name may be a care agency, or a council that does not
            // run social care there.
            let council_at = domain_words().route.council_at;
            let (before, after) = council_at.split_once("{}").unwrap_or((council_at, ""));
            let named_council = at.starts_with(before) && at.ends_with(after);
            let at_service = (at.starts_with("at ") || at.starts_with("of "))
                && !["board", "Trust", "Department"]
                    .iter()
                    .any(|w| at.contains(w))
                && !named_council;
            if at_service && (has_text(service_name) || has_text(service_address)) {
                let mut lines = vec![role.clone()];
                // An address often starts with the service's name: then it is not said twice.
                let address = lines_of(service_address);
                if has_text(service_name)
                    && address.first().map(String::as_str) != Some(service_name.trim())
                {
                    lines.push(field(service_name));
                }
                if address.is_empty() {
                    lines.push(GAP_ADDRESS_ONLY.into());
                }
                lines.extend(address);
                return lines;
            }
            // The gap says whose address: "of the NHS board that gave the care".
            let whose = at
                .strip_prefix("at ")
                .or_else(|| at.strip_prefix("of "))
                .map(|rest| ["of ", rest].concat())
                .or_else(|| at.strip_prefix("named in ").map(|r| ["from ", r].concat()));
            let gap = match whose {
                Some(whose) => ["[Write the name and address ", &whose, "]"].concat(),
                None => GAP_ADDRESS.into(),
            };
            vec![role.clone(), gap]
        }
    }
}

/// A body's name inside a sentence ("I will ask ... to look at my complaint"). The directory
/// names some bodies by their team ("Care Quality Commission (CQC): Mental Health Act team"):
/// the team is in the address block, and the sentence names the body. A name that is a kind of
/// body ("... Commission", "Mental Welfare Commission for Scotland", "... Tribunal (Mental
/// Health)", "... team at ...") takes "the"; a proper name ("NHS England", "Llais",
/// "Healthwatch ...", "Healthcare Inspectorate Wales") does not.
fn body_in_sentence(name: &str) -> String {
    let name = name.split_once(": ").map_or(name, |(body, _)| body).trim();
    let head = name.split(['(', ',']).next().unwrap_or(name);
    let head = head.split(" at ").next().unwrap_or(head).trim_end();
    const KINDS: [&str; 12] = [
        "Commission",
        "Council",
        "Tribunal",
        "Ombudsman",
        "Service",
        "Authority",
        "Office",
        "Inspectorate",
        "Scheme",
        "Commissioner",
        "Agency",
        "team",
    ];
    let words: Vec<&str> = head.split(' ').collect();
    // The kind of body ends the name, or comes before "for" or "of": not "Healthcare
    // Inspectorate Wales", which is a name.
    let a_kind = words.iter().enumerate().any(|(i, w)| {
        KINDS.contains(w)
            && words
                .get(i + 1)
                .is_none_or(|next| ["for", "of"].contains(next))
    });
    if !name.starts_with("The ") && words.len() > 1 && a_kind {
        if words.contains(&"team") {
            // "the patient experience team at ...": a description, not a name.
            let mut chars = name.chars();
            let first = chars.next().map(|c| c.to_lowercase().collect::<String>());
            return ["the ", &first.unwrap_or_default(), chars.as_str()].concat();
        }
        return ["the ", name].concat();
    }
    in_sentence(name)
}

/// What the complaint is about, for "a formal complaint about ...".
fn service_phrase(service: Service) -> &'static str {
    use Service::*;
    match service {
        GpPractice => "my GP practice",
        GpRegistrationRefused => "a GP practice that would not register me",
        GpRemovalOrSas => "being removed from my GP practice's list",
        NhsDentist => "my NHS dental care",
        NhsDentistCannotGetOne => "not being able to get NHS dental care",
        UrgentDentalCare => "not being able to get urgent dental care",
        Pharmacy => "the pharmacy",
        Optician => "the optician",
        Hospital => "my hospital care",
        HospitalAandE => "my care in accident and emergency (A&E)",
        HospitalDischarge => "how I was discharged from hospital",
        MentalHealth => "my care from the mental health team",
        MentalHealthCrisis => "the mental health crisis team",
        MentalHealthDischarge => "being discharged by mental health services",
        MentalHealthAct => "my care under the Mental Health Act",
        PerinatalMentalHealth => "the perinatal mental health team",
        AmbulanceOr111 => "the ambulance service or NHS 111",
        PrisonHealthcare => "my healthcare in prison",
        PrisonReleaseMedicines => "my medicines and care when I left prison",
        ImmigrationDetentionHealthcare => "my healthcare in immigration detention",
        CommunityHealth => "my NHS community care",
        CouncilSocialCare => "my social care",
        CouncilPublicHealth => "the drug, alcohol or sexual health service",
        PrivatelyFundedCare => "care that I paid for",
        PoliceCustodyHealthcare => "my healthcare while I was held in a police station",
    }
}

/// A chosen outcome as a list item. "Something else" is the person's own words instead.
fn want_sentence(want: Want) -> Option<&'static str> {
    Some(match want {
        Want::Apology => "An apology.",
        Want::Explanation => "An explanation of what happened and why.",
        Want::SasReview => {
            "A review of my place on the Special Allocation Scheme, with me involved in it."
        }
        Want::AppointmentOrPrescription => "My appointment or prescription sorted out.",
        Want::ChangeForOthers => "Changes, so that this does not happen to anyone else.",
        Want::Meeting => "A meeting to talk about my complaint.",
        Want::SomethingElse => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::data;
    use crate::domain::route::route;

    #[test]
    fn keeps_the_persons_words_exactly() {
        let words = "They told me to leave.\n\n  I had nowhere to go.\r\nNobody called.";
        let answers = Answers {
            what_happened: words.into(),
            ..Answers::default()
        };
        let today = Date::new(2026, 11, 23).unwrap();
        let letter = letter_text(&answers, &route(&answers.situation, data(), today), today);
        assert!(letter.contains(words));
    }

    /// The date of birth is written out when the boxes make a real date; an older draft's text
    /// kept whole is given as typed, in the letter and in the consent form.
    #[test]
    fn the_date_of_birth_is_written_out_or_given_as_typed() {
        let today = Date::new(2026, 11, 23).unwrap();
        let mut answers = Answers {
            birth_day: "03".into(),
            birth_month: "apr".into(),
            birth_year: "1961".into(),
            date_of_birth: "last tuesday 🎂".into(),
            ..Answers::default()
        };
        answers.contact.name = "Sam".into();
        let route = route(&answers.situation, data(), today);
        let texts = |a: &Answers| {
            (
                letter_text(a, &route, today),
                consent_form(a, &route, today).to_text(),
            )
        };
        let (letter, consent) = texts(&answers);
        assert!(
            letter.contains("About: Sam, date of birth 3 April 1961\n"),
            "{letter}"
        );
        assert!(
            consent.contains("Date of birth: 3 April 1961\n"),
            "{consent}"
        );
        [answers.birth_day, answers.birth_month, answers.birth_year] = Default::default();
        let (letter, consent) = texts(&answers);
        assert!(
            letter.contains("About: Sam, date of birth last tuesday 🎂\n"),
            "{letter}"
        );
        assert!(
            consent.contains("Date of birth: last tuesday 🎂\n"),
            "{consent}"
        );
    }

    /// Someone on the Special Allocation Scheme since 2022, never reviewed: it is still
    /// happening, so the letter says so, and never that it is late or that they are not sure.
    #[test]
    fn still_happening_is_said_plainly_and_never_called_late() {
        use crate::domain::situation::{Nation, Service};
        let today = Date::new(2026, 11, 26).unwrap();
        let mut answers = Answers {
            what_happened: "I have been on the scheme since 2022. Nobody has reviewed it.".into(),
            service_name: "Station Road Surgery".into(),
            ..Answers::default()
        };
        answers.situation.nation = Some(Nation::England);
        answers.situation.when = Some(WhenItHappened::Ongoing);
        for service in [
            Service::GpRemovalOrSas,
            Service::GpPractice,
            Service::NhsDentist,
        ] {
            answers.situation.service = Some(service);
            let route = route(&answers.situation, data(), today);
            for kind in [LetterKind::Complaint, LetterKind::SasReview] {
                let text = write(kind, &answers, &route, today, None).to_text();
                assert!(
                    !text.contains("not sure of the exact date"),
                    "{service:?} {kind:?}"
                );
                assert!(
                    !text.contains("time limit"),
                    "{service:?} {kind:?}:\n{text}"
                );
                if kind == LetterKind::Complaint {
                    assert!(
                        text.contains(
                            "This happened at Station Road Surgery. It is still happening."
                        ),
                        "{service:?}:\n{text}"
                    );
                }
            }
        }
    }

    /// "It happens on and off", since a year or not: said as they said it, never late, never
    /// "not sure"; a year that has not come yet is not a year it started.
    #[test]
    fn on_and_off_since_a_year_is_said_as_they_said_it() {
        use crate::domain::interview::is_late;
        use crate::domain::situation::{Nation, Service};
        use crate::domain::when::WhenInput;
        let today = Date::new(2026, 11, 26).unwrap();
        for (year, says) in [
            ("2019", Some("It has happened on and off since 2019.")),
            ("", Some("It happens on and off.")),
            (" 2026 ", Some("It has happened on and off since 2026.")),
            ("2031", None),
            ("last year", None),
        ] {
            let mut answers = Answers {
                what_happened: "The pharmacy keeps losing my script.".into(),
                when_input: WhenInput {
                    choice: Some(WhenChoice::OnAndOff),
                    rough_year: year.into(),
                    ..WhenInput::default()
                },
                ..Answers::default()
            };
            answers.situation.nation = Some(Nation::England);
            answers.situation.service = Some(Service::Pharmacy);
            answers.situation.when = answers.when_input.value(today);
            match says {
                Some(says) => {
                    assert_eq!(
                        answers.situation.when,
                        Some(WhenItHappened::Ongoing),
                        "{year}"
                    );
                    assert!(answers.when_input.problem(today).is_none(), "{year}");
                    assert!(!is_late(&answers, today), "{year}: never late");
                    let route = route(&answers.situation, data(), today);
                    let text =
                        write(LetterKind::Complaint, &answers, &route, today, None).to_text();
                    assert!(text.contains(says), "{year}:\n{text}");
                    assert!(!text.contains("not sure of the exact date"), "{year}");
                    assert!(!text.contains("still happening"), "{year}");
                }
                // A year still to come, or words that are not a year: a kind message, and the
                // words stay in the box as typed.
                None => {
                    assert_eq!(answers.situation.when, None, "{year}");
                    assert!(answers.when_input.problem(today).is_some(), "{year}");
                    assert_eq!(answers.when_input.rough_year, year);
                }
            }
        }
    }

    /// The reason for the wait is the person's own: it reaches every letter that tells the
    /// story, even when the day the scheme began is only known roughly (so no appeal date).
    #[test]
    fn the_reason_for_the_wait_always_reaches_the_letter() {
        use crate::domain::situation::{Nation, Service};
        let today = Date::new(2026, 11, 26).unwrap();
        let reason = "I was in hospital, then in prison, and nobody told me I could appeal.";
        let mut answers = Answers {
            what_happened: "I was put on the scheme and never reviewed.".into(),
            late_reason: reason.into(),
            ..Answers::default()
        };
        answers.situation.nation = Some(Nation::England);
        answers.situation.service = Some(Service::GpRemovalOrSas);
        for when in [
            WhenItHappened::AroundMonth {
                year: 2022,
                month: 3,
            },
            WhenItHappened::OnDate {
                date: Date::new(2022, 3, 14).unwrap(),
            },
        ] {
            answers.situation.when = Some(when);
            let route = route(&answers.situation, data(), today);
            for kind in [LetterKind::Complaint, LetterKind::SasReview] {
                let text = write(kind, &answers, &route, today, None).to_text();
                assert!(text.contains(reason), "{when:?} {kind:?}:\n{text}");
            }
        }
    }

    #[test]
    fn northern_ireland_letters_ask_for_the_same_answer_time_as_the_route_gives() {
        use crate::domain::situation::{Nation, Service, Situation, YesNo};
        let today = Date::new(2026, 11, 23).unwrap();
        let letter_for = |service: Service, able: Option<YesNo>| {
            let answers = Answers {
                situation: Situation {
                    nation: Some(Nation::NorthernIreland),
                    service: Some(service),
                    able_to_complain_to_service: able,
                    ..Situation::default()
                },
                ..Answers::default()
            };
            letter_text(&answers, &route(&answers.situation, data(), today), today)
        };
        // Since 1 January 2026 practices and Trusts alike: stage 1 in 5 working days, stage 2
        // in 20.
        for (service, able) in [
            (Service::GpPractice, None),
            (Service::GpPractice, Some(YesNo::No)),
            (Service::Hospital, None),
        ] {
            let letter = letter_for(service, able);
            assert!(
                letter.contains("answered within 5 working days")
                    && letter.contains("looked into fully within 20 working days"),
                "{service:?}, able to complain to the service: {able:?}\n{letter}"
            );
        }
    }

    #[test]
    fn a_body_in_a_sentence_has_its_article_and_no_team_after_a_colon() {
        for (name, said) in [
            (
                "Care Quality Commission (CQC): Mental Health Act team",
                "the Care Quality Commission (CQC)",
            ),
            (
                "First-tier Tribunal (Mental Health)",
                "the First-tier Tribunal (Mental Health)",
            ),
            (
                "General Medical Council (GMC)",
                "the General Medical Council (GMC)",
            ),
            (
                "Mental Welfare Commission for Scotland",
                "the Mental Welfare Commission for Scotland",
            ),
            (
                "Patient and Client Council",
                "the Patient and Client Council",
            ),
            ("Dental Complaints Service", "the Dental Complaints Service"),
            (
                "Prisons and Probation Ombudsman",
                "the Prisons and Probation Ombudsman",
            ),
            (
                "Patient experience team at South East Coast Ambulance Service",
                "the patient experience team at South East Coast Ambulance Service",
            ),
            (
                "The practice manager at your GP practice",
                "the practice manager at your GP practice",
            ),
            ("NHS England", "NHS England"),
            (
                "NHS Sussex (Sussex Integrated Care Board)",
                "NHS Sussex (Sussex Integrated Care Board)",
            ),
            (
                "Healthcare Inspectorate Wales",
                "Healthcare Inspectorate Wales",
            ),
            ("Llais", "Llais"),
            (
                "PALS at University Hospitals Sussex",
                "PALS at University Hospitals Sussex",
            ),
        ] {
            assert_eq!(body_in_sentence(name), said);
        }
    }
}
