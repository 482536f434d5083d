//! The words a person reads, in one catalogue per language.
//!
//! The journey's structure (which questions, what each answer is, when a page is skipped)
//! lives in `domain::questions`; this module holds only wording, keyed by the same steps, text
//! boxes and option values. [`en::ENGLISH`] is the English catalogue; a Welsh one would be a
//! second `Catalogue` value beside it, and the compiler checks it has every named piece.
//!
//! Wording that comes from the data files (rules, the directory) stays in those files, with
//! its sources; the readability checks read both.

pub mod concerns;
pub mod domain;
pub mod en;
pub mod screens;

use crate::domain::fields::TextField;
use crate::domain::questions::Step;
use crate::domain::when::DateProblem;

/// Wording a person reads. Every question speaks to the person whose complaint it is, even when
/// a support worker, friend or family member is typing for them: the person is usually sitting
/// there reading it too, so nothing talks about them as if they were not.
pub type Words = &'static str;

/// The wording, as written (kept so the catalogue reads the same everywhere).
pub const fn same(text: &'static str) -> Words {
    text
}

/// The words of one page of the journey.
#[derive(Clone, Copy, Debug)]
pub struct QuestionWords {
    pub step: Step,
    /// The question, which is also the page's heading and the tab's title.
    pub title: Words,
    pub hint: Option<Words>,
    /// The row's label on "Check your answers"; `None` for no row.
    pub summary: Option<&'static str>,
    /// The options of a choice question, in the order shown.
    pub options: &'static [OptionWords],
    /// The message when a required question is not answered.
    pub missing: Option<Words>,
}

/// The words of one option of a choice question.
#[derive(Clone, Copy, Debug)]
pub struct OptionWords {
    /// The answer's id (see `domain::questions::Choice::values`).
    pub value: &'static str,
    pub label: Words,
    pub hint: Option<&'static str>,
    /// A shorter form for "Check your answers". `{}` marks where each text box revealed under
    /// the option goes, in order.
    pub summary: Option<&'static str>,
}

/// The words of a text box that is not itself a page's question.
#[derive(Clone, Copy, Debug)]
pub struct FieldWords {
    pub field: TextField,
    pub label: Words,
    pub hint: Option<&'static str>,
}

/// Error messages that are not "please answer this question".
#[derive(Clone, Copy, Debug)]
pub struct ErrorWords {
    /// For each date problem, its message.
    pub date: &'static [(DateProblem, &'static str)],
    pub postcode_unknown: &'static str,
    /// A date of birth whose boxes make no real date (they may all be left blank).
    pub date_of_birth: &'static str,
    /// A chosen option whose revealed box is empty (or not in the right form), by box.
    pub boxes: &'static [(TextField, &'static str)],
}

/// Words of the question pages' frame and of the pages' extras.
#[derive(Clone, Copy, Debug)]
pub struct PageWords {
    pub app_name: &'static str,
    pub start_title: &'static str,
    pub get_help_title: &'static str,
    pub save_title: &'static str,
    pub not_found_title: &'static str,
    /// The concern log's pages: the list, a new one, one concern, and sharing them.
    pub concerns_title: &'static str,
    pub new_concern_title: &'static str,
    pub concern_title: &'static str,
    pub share_concerns_title: &'static str,
    pub not_found_check: &'static str,
    pub not_found_start: &'static str,
    pub continue_button: &'static str,
    pub save_and_back: &'static str,
    pub change: &'static str,
    pub not_given: &'static str,
    pub supporter_intro: &'static str,
    pub consent_not_yet: &'static [&'static str],
    pub ideas_summary: &'static str,
    pub ideas: &'static [&'static str],
    pub ideas_end: &'static str,
    pub date_legend: &'static str,
    pub date_hint: &'static str,
    /// The date of birth boxes on the "name" page: their legend and hint.
    pub birth_legend: &'static str,
    pub birth_hint: &'static str,
    pub phone_legend: &'static str,
    pub phone_hard: Words,
    pub phone_hard_summary: &'static str,
    /// "What is the name of the {}?" and its hint, with the kind of service by group id.
    pub service_name_title: &'static str,
    /// "Can the complaint be shown to {}?": the service, by the name the person gave it.
    pub share_named: &'static str,
    pub service_name_hint: &'static str,
    pub service_nouns: &'static [(&'static str, &'static str)],
    pub service_noun_other: &'static str,
    /// Example names for the hint ("For example, {}."), by group id, so a prison is not
    /// given a surgery as its example.
    pub service_examples: &'static [(&'static str, &'static str)],
    pub service_example_other: &'static str,
    /// Added to the hint of an own-words question when someone is helping: for the helper.
    pub helper_note: &'static str,
    pub check_intro: &'static str,
    pub check_see_letter: &'static str,
    /// "Born {}", under the name on "Check your answers".
    pub born: &'static str,
    pub when_not_sure: &'static str,
    /// "When" on "Check your answers", for something still happening.
    pub when_ongoing: &'static str,
    /// "On and off, since {}": the year it started (without one, the option's own words).
    pub when_on_and_off: &'static str,
}

/// Every piece of wording the journey needs, for one language.
#[derive(Clone, Copy, Debug)]
pub struct Catalogue {
    pub questions: &'static [QuestionWords],
    /// The parts of the journey, each with its questions, named above each question (in place
    /// of a count like "Question 3 of 19", which grows as answers add questions).
    pub parts: &'static [(&'static [Step], Words)],
    pub fields: &'static [FieldWords],
    pub errors: ErrorWords,
    pub pages: PageWords,
    pub screens: screens::ScreenWords,
}

impl Catalogue {
    /// The words for a step. Every step has words (a test checks); a missing one shows an
    /// empty page heading rather than stopping the app.
    pub fn question(&self, step: Step) -> &'static QuestionWords {
        self.questions
            .iter()
            .find(|q| q.step == step)
            .unwrap_or(&self.questions[0])
    }

    /// The name of the part of the journey a step is in, if it is in one.
    pub fn part(&self, step: Step) -> Option<Words> {
        self.parts
            .iter()
            .find(|(steps, _)| steps.contains(&step))
            .map(|(_, name)| *name)
    }

    /// The words of one option of a step's question.
    pub fn option(&self, step: Step, value: &str) -> Option<&'static OptionWords> {
        self.question(step)
            .options
            .iter()
            .find(|o| o.value == value)
    }

    /// The label and hint of a text box.
    pub fn field(&self, field: TextField) -> Option<&'static FieldWords> {
        self.fields.iter().find(|f| f.field == field)
    }

    /// The message for a date problem.
    pub fn date_problem(&self, problem: DateProblem) -> &'static str {
        lookup(self.errors.date, &problem)
    }

    /// The message for a revealed box left empty (or not in the right form).
    pub fn box_error(&self, field: TextField) -> &'static str {
        lookup(self.errors.boxes, &field)
    }

    /// Example names of services like this one, for the hint under "What is the name of ...?".
    pub fn service_example(&self, group_id: Option<&str>) -> &'static str {
        let pages = &self.pages;
        by_group(
            pages.service_examples,
            group_id,
            pages.service_example_other,
        )
    }

    /// The kind of service, for "What is the name of the ...?".
    pub fn service_noun(&self, group_id: Option<&str>) -> &'static str {
        by_group(
            self.pages.service_nouns,
            group_id,
            self.pages.service_noun_other,
        )
    }
}

/// The words kept under `key` in `table`, or nothing.
fn lookup<K: PartialEq>(table: &'static [(K, &'static str)], key: &K) -> &'static str {
    table
        .iter()
        .find(|(k, _)| k == key)
        .map_or("", |(_, text)| text)
}

/// The words for a kind of service (by its group's id), or `otherwise`.
fn by_group(
    table: &'static [(&'static str, &'static str)],
    group_id: Option<&str>,
    otherwise: &'static str,
) -> &'static str {
    table
        .iter()
        .find(|(id, _)| Some(*id) == group_id)
        .map_or(otherwise, |(_, text)| text)
}

/// The catalogue in use. Only English today.
pub fn words() -> &'static Catalogue {
    &en::ENGLISH
}

/// The concern log's page words, in the language of [`words`]. Kept out of [`Catalogue`] for
/// the same reason as [`domain_words`]: only the second program's download needs them.
pub fn concern_pages() -> &'static concerns::ConcernPageWords {
    &en::concerns::CONCERN_PAGES
}

/// The words the domain writes for the letter page, in the language of [`words`].
///
/// Kept out of [`Catalogue`] on purpose: the journey's download holds its whole catalogue,
/// and these words belong only in the letter tools' download, which asks for them here.
pub fn domain_words() -> &'static domain::DomainWords {
    &en::domain::DOMAIN
}

/// Puts each of `parts` in place of the next `{}` in `template`.
pub fn fill(template: &str, parts: &[&str]) -> String {
    let mut out =
        String::with_capacity(template.len() + parts.iter().map(|p| p.len()).sum::<usize>());
    let mut rest = template;
    // Found byte by byte and cut with `get`: the standard text search and slicing would bring
    // code for a panic message into the first download (about 1 KB) that can never be needed.
    for part in parts {
        let at = rest.as_bytes().windows(2).position(|pair| pair == b"{}");
        match at.and_then(|at| Some((rest.get(..at)?, rest.get(at + 2..)?))) {
            Some((before, after)) => {
                out.push_str(before);
                out.push_str(part);
                rest = after;
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_each_part_in_order_and_keeps_it_exactly() {
        assert_eq!(fill("Question {} of {}", &["3", "19"]), "Question 3 of 19");
        assert_eq!(
            fill("Care of {}:\n{}", &["{}", "a\r\nb"]),
            "Care of {}:\na\r\nb"
        );
        assert_eq!(fill("No gaps", &["x"]), "No gaps");
    }
}
