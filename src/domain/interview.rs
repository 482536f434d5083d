//! The guided journey's navigation and checks: which page comes next or before, "Question x
//! of y", where to resume, and what stops the person moving on.
//!
//! Navigation is *computed* from the records in [`questions`](super::questions) and the
//! answers, never stored. The Yew reducer in `ui` only calls [`apply`] and these functions, so
//! the whole journey is testable natively. Wording comes from the catalogue (`crate::words`).

use super::answers::{has_text, AccessNeed, Answers, ContactMethod, Want};
use super::date::Date;
use crate::words::words;

pub use super::fields::{apply, Edit, TextField, YesNoField};
pub use super::questions::{is_late, Answer, Choice, Question, Step, QUESTIONS};
pub use super::when::{parse_month, DateProblem, WhenChoice, WhenInput};

impl Step {
    /// Problems that stop the person moving on from this step. Most questions are optional;
    /// only what the letter or the route truly needs is required, and every message says
    /// kindly what to do.
    pub fn errors(self, answers: &Answers, today: Date) -> Vec<FieldError> {
        let question = self.question();
        let mut errors = Vec::new();
        let mut fail =
            |field: &'static str, message: &'static str| errors.push(FieldError { field, message });
        // A typed postcode it does not know has its own message (below) instead of "Select
        // where": one problem, one message.
        let postcode_typed = self == Step::Area && has_text(&answers.area_postcode);
        if question.required && !self.is_complete(answers) && !postcode_typed {
            let missing = words().question(self).missing;
            fail(question.id, missing.unwrap_or(""));
        }
        let box_error = |field: TextField| words().box_error(field);
        match self {
            Step::Area if has_text(&answers.area_postcode) && answers.situation.area.is_none() => {
                fail(TextField::Postcode.id(), words().errors.postcode_unknown);
            }
            Step::When => {
                if let Some(problem) = answers.when_input.problem(today) {
                    fail(problem.field(), words().date_problem(problem));
                }
            }
            Step::Contact => {
                let c = &answers.contact;
                let empty = |field: TextField| (!has_text(field.get(answers))).then_some(field);
                // One message per method: its first box that is empty, or not in the right form.
                for method in &c.methods {
                    let wrong = match method {
                        ContactMethod::Post => empty(TextField::Address),
                        ContactMethod::CareOf => {
                            empty(TextField::CareOfName).or_else(|| empty(TextField::CareOfAddress))
                        }
                        ContactMethod::Email => {
                            (!c.email.contains('@')).then_some(TextField::Email)
                        }
                        ContactMethod::Phone => (!c.phone.chars().any(|ch| ch.is_ascii_digit()))
                            .then_some(TextField::Phone),
                        ContactMethod::SupportWorker => empty(TextField::SupportWorker),
                    };
                    if let Some(field) = wrong {
                        fail(field.id(), box_error(field));
                    }
                }
            }
            // One message for the three boxes, on the first (the error summary links to it).
            Step::Name
                if answers.birth_boxes().iter().any(|b| has_text(b))
                    && answers.birth_date(today).is_none() =>
            {
                fail(TextField::BirthDay.id(), words().errors.date_of_birth);
            }
            Step::Access
                if answers.access_needs.contains(&AccessNeed::Interpreter)
                    && !has_text(&answers.interpreter_language) =>
            {
                let field = TextField::InterpreterLanguage;
                fail(field.id(), box_error(field));
            }
            Step::Wants
                if answers.wants.contains(&Want::SomethingElse)
                    && !has_text(&answers.want_other) =>
            {
                let field = TextField::WantOther;
                fail(field.id(), box_error(field));
            }
            _ => {}
        }
        errors
    }
}

/// The pages of the app: the start page, the crisis help page, and every journey step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Start,
    GetHelp,
    /// Save or open an encrypted draft.
    Save,
    Step(Step),
    /// The concern log (things not yet a complaint): the list of concerns.
    Concerns,
    /// A new concern: opens one, and shows it as [`Page::Concern`].
    NewConcern,
    /// One concern (by its place in the list): what happened, and what happened next.
    Concern(u16),
    /// The concerns as a table for a support worker's records, with no personal details.
    ShareConcerns,
    NotFound,
}

impl Page {
    /// Reads a page from the part of the address after `#`. Returns the page and whether it was
    /// reached from a "Change" link on the check-answers page.
    pub fn from_hash(hash: &str) -> (Page, bool) {
        let path = hash.strip_prefix('/').unwrap_or(hash);
        let (slug, from_check) = match path.strip_suffix("?change") {
            Some(slug) => (slug, true),
            None => (path, false),
        };
        let page = match slug {
            "" => Page::Start,
            "get-help" => Page::GetHelp,
            "save" => Page::Save,
            "concerns" => Page::Concerns,
            "log-a-concern" => Page::NewConcern,
            "concerns/share" => Page::ShareConcerns,
            _ => match slug.strip_prefix("concerns/").map(str::parse) {
                Some(Ok(number)) => Page::Concern(number),
                Some(Err(_)) => Page::NotFound,
                None => Step::from_slug(slug).map_or(Page::NotFound, Page::Step),
            },
        };
        (page, from_check)
    }

    /// The address for this page, without the `#`.
    pub fn hash(self) -> String {
        match self {
            Page::Start => "/".to_string(),
            Page::GetHelp => "/get-help".to_string(),
            Page::Save => "/save".to_string(),
            Page::Step(step) => format!("/{}", step.slug()),
            Page::Concerns => "/concerns".to_string(),
            Page::NewConcern => "/log-a-concern".to_string(),
            Page::Concern(number) => format!("/concerns/{number}"),
            Page::ShareConcerns => "/concerns/share".to_string(),
            Page::NotFound => "/".to_string(),
        }
    }
}

/// A problem with one field, shown in the error summary and next to the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The id of the input to focus (the first input of a group).
    pub field: &'static str,
    pub message: &'static str,
}

/// The first step after `from` that applies. `None` after the last step.
pub fn next(from: Step, answers: &Answers, today: Date) -> Option<Step> {
    Step::all()
        .skip_while(|s| *s != from)
        .skip(1)
        .find(|s| !s.is_skipped(answers, today))
}

/// The step before `from` that applies. `None` on the first step (the Back link then goes to
/// the start page).
pub fn previous(from: Step, answers: &Answers, today: Date) -> Option<Step> {
    Step::all()
        .rev()
        .skip_while(|s| *s != from)
        .skip(1)
        .find(|s| !s.is_skipped(answers, today))
}

/// Where to pick up a saved journey: the safety question if it was never answered, then the
/// first question that applies and still has an error (a required answer missing or invalid),
/// else the check-answers page.
pub fn resume(answers: &Answers, today: Date) -> Step {
    Step::all()
        .filter(|s| s.is_question() && !s.is_skipped(answers, today))
        .find(|s| {
            !s.errors(answers, today).is_empty() || *s == Step::Safe && !s.is_complete(answers)
        })
        .unwrap_or(Step::CheckAnswers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::{ContactMethod, Who};
    use crate::domain::situation::{
        Nation, PrivateCareKind, Service, ServiceGroup, Stage, WhenItHappened, YesNo,
    };

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    fn no_postcodes(_: &str) -> Option<(String, Nation)> {
        None
    }

    fn walk(answers: &Answers) -> Vec<Step> {
        let mut steps = vec![Step::Safe];
        while let Some(step) = next(*steps.last().unwrap(), answers, today()) {
            steps.push(step);
        }
        steps
    }

    #[test]
    fn slugs_are_unique_and_round_trip() {
        for step in Step::all() {
            assert_eq!(Step::from_slug(step.slug()), Some(step));
        }
        let mut slugs: Vec<_> = Step::all().map(|s| s.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), QUESTIONS.len());
    }

    #[test]
    fn supporter_steps_appear_only_for_supporters() {
        let mut answers = Answers::default();
        assert!(!walk(&answers).contains(&Step::Consent));
        answers.who = Some(Who::HelpingSomeone);
        let steps = walk(&answers);
        assert!(steps.contains(&Step::Supporter));
        assert!(steps.contains(&Step::Consent));
        assert!(steps.contains(&Step::ConsentShare));
    }

    #[test]
    fn single_service_groups_skip_the_second_question() {
        let mut answers = Answers::default();
        apply(
            &mut answers,
            Edit::ServiceGroup(ServiceGroup::Pharmacy),
            today(),
            no_postcodes,
        );
        assert_eq!(answers.situation.service, Some(Service::Pharmacy));
        assert!(Step::Service.is_skipped(&answers, today()));
        apply(
            &mut answers,
            Edit::ServiceGroup(ServiceGroup::Gp),
            today(),
            no_postcodes,
        );
        assert_eq!(
            answers.situation.service, None,
            "a pharmacy is not a GP service"
        );
        assert!(!Step::Service.is_skipped(&answers, today()));
    }

    #[test]
    fn back_and_next_are_inverse_over_the_applicable_steps() {
        let mut answers = Answers {
            who: Some(Who::HelpingSomeone),
            ..Answers::default()
        };
        apply(
            &mut answers,
            Edit::ServiceGroup(ServiceGroup::Gp),
            today(),
            no_postcodes,
        );
        let steps = walk(&answers);
        for pair in steps.windows(2) {
            assert_eq!(previous(pair[1], &answers, today()), Some(pair[0]));
        }
        assert_eq!(previous(Step::Safe, &answers, today()), None);
    }

    #[test]
    fn the_late_reason_question_appears_after_twelve_months() {
        let mut answers = Answers::default();
        let edits = [
            Edit::WhenChoice(WhenChoice::ExactDate),
            Edit::Text(TextField::WhenDay, "22".into()),
            Edit::Text(TextField::WhenMonth, "11".into()),
            Edit::Text(TextField::WhenYear, "2025".into()),
        ];
        for edit in edits {
            apply(&mut answers, edit, today(), no_postcodes);
        }
        assert!(is_late(&answers, today()), "12 months and a day ago");
        assert!(!Step::LateReason.is_skipped(&answers, today()));
        apply(
            &mut answers,
            Edit::Text(TextField::WhenDay, "23".into()),
            today(),
            no_postcodes,
        );
        assert!(
            !is_late(&answers, today()),
            "exactly 12 months ago is still in time"
        );
    }

    /// The journey asks "why now?" exactly when the letter will say the complaint is late:
    /// for every nation, service and kind of paid-for care, on both sides of the 6- and
    /// 12-month limits, `is_late` agrees with the "Complain by" date routing works out.
    #[test]
    fn why_now_is_asked_exactly_when_the_route_says_the_time_limit_has_passed() {
        use crate::data::data;
        use crate::domain::route::{route, DeadlineKind};
        let days_ago = [
            10, 150, 181, 182, 183, 184, 200, 364, 365, 366, 367, 400, 800,
        ];
        let mut checked = 0;
        let mut late = 0;
        for nation in Nation::ALL {
            for service in Service::ALL {
                let kinds: Vec<Option<PrivateCareKind>> = if service == Service::PrivatelyFundedCare
                {
                    PrivateCareKind::ALL.into_iter().map(Some).collect()
                } else {
                    vec![None]
                };
                for (private_care, stage) in kinds.iter().flat_map(|k| {
                    std::iter::once(None)
                        .chain(Stage::ALL.map(Some))
                        .map(move |stage| (*k, stage))
                }) {
                    for days in days_ago {
                        let mut answers = Answers::default();
                        answers.situation.nation = Some(nation);
                        answers.situation.service = Some(service);
                        answers.situation.private_care = private_care;
                        answers.situation.stage = stage;
                        answers.situation.when = Some(WhenItHappened::OnDate {
                            date: today().add_days(-days),
                        });
                        let route = route(&answers.situation, data(), today());
                        let passed = route.deadlines.iter().any(|d| {
                            d.kind == DeadlineKind::ComplainBy
                                && d.date.is_some_and(|d| d < today())
                        });
                        assert_eq!(
                            is_late(&answers, today()),
                            passed,
                            "{nation:?}, {service:?}, {private_care:?}, {stage:?}, {days} days ago"
                        );
                        checked += 1;
                        late += usize::from(passed);
                    }
                }
            }
        }
        assert!(checked > 5000 && late > 600, "{checked} cases, {late} late");
    }

    #[test]
    fn in_scotland_and_northern_ireland_why_now_comes_after_six_months() {
        let mut answers = Answers::default();
        answers.situation.when = Some(WhenItHappened::OnDate {
            date: Date::new(2026, 4, 22).unwrap(),
        });
        for (nation, expected) in [
            (Nation::England, false),
            (Nation::Wales, false),
            (Nation::Scotland, true),
            (Nation::NorthernIreland, true),
        ] {
            answers.situation.nation = Some(nation);
            assert_eq!(is_late(&answers, today()), expected, "{nation:?}");
            assert_eq!(Step::LateReason.is_skipped(&answers, today()), !expected);
        }
        answers.situation.stage = Some(Stage::FinalResponseUnhappy);
        assert!(
            !is_late(&answers, today()),
            "they complained in time and are taking it further"
        );
        answers.situation.stage = Some(Stage::RaisedInformally);
        assert!(
            is_late(&answers, today()),
            "raised informally is not a formal complaint"
        );
        answers.situation.service = Some(Service::PrivatelyFundedCare);
        assert!(
            !is_late(&answers, today()),
            "no time limit in law for paid-for care"
        );
    }

    /// Something still happening is never late, wherever and whatever the service.
    #[test]
    fn still_happening_is_never_late_and_never_asks_why_now() {
        let mut answers = Answers::default();
        apply(
            &mut answers,
            Edit::WhenChoice(WhenChoice::StillHappening),
            today(),
            no_postcodes,
        );
        assert_eq!(answers.situation.when, Some(WhenItHappened::Ongoing));
        assert!(Step::When.errors(&answers, today()).is_empty());
        for nation in Nation::ALL {
            for service in Service::ALL {
                answers.situation.nation = Some(nation);
                answers.situation.service = Some(service);
                assert!(!is_late(&answers, today()), "{nation:?} {service:?}");
                assert!(Step::LateReason.is_skipped(&answers, today()));
            }
        }
    }

    /// A year alone is enough; its time limits count from the first day of that year, so the
    /// app never says there is more time than there is.
    #[test]
    fn a_year_alone_is_understood_and_counted_from_its_first_day() {
        let roughly = |month: &str, year: &str| WhenInput {
            choice: Some(WhenChoice::Roughly),
            rough_month: month.into(),
            rough_year: year.into(),
            ..WhenInput::default()
        };
        let year_alone = roughly("", "2022").value(today()).unwrap();
        assert_eq!(year_alone, WhenItHappened::InYear { year: 2022 });
        assert_eq!(year_alone.describe().as_deref(), Some("in 2022"));
        assert_eq!(year_alone.earliest(), Date::new(2022, 1, 1));
        assert_eq!(roughly(" ", "2026").problem(today()), None);
        assert_eq!(
            roughly("", "2027").problem(today()),
            Some(DateProblem::RoughFuture)
        );
        assert_eq!(
            roughly("", "22").problem(today()),
            Some(DateProblem::RoughYear)
        );
        assert_eq!(
            roughly("Smarch", "2022").problem(today()),
            Some(DateProblem::RoughMonth)
        );
        let mut answers = Answers::default();
        answers.situation.nation = Some(Nation::England);
        answers.situation.when = Some(WhenItHappened::InYear { year: 2025 });
        assert!(
            is_late(&answers, today()),
            "1 January 2025 is over 12 months ago"
        );
    }

    /// A date of birth is optional, but when typed in its three boxes they must make a real
    /// date from 1900 to today (23 November 2026 here); what was typed stays as it was.
    /// `([day, month, year], the date they make, or "" for none)`.
    #[test]
    fn the_date_of_birth_boxes_make_a_real_date_or_are_asked_about() {
        let table: &[([&str; 3], &str)] = &[
            (["27", "3", "1985"], "1985-03-27"),
            (["03", "04", "1961"], "1961-04-03"),
            ([" 3 ", " 4", "1961 "], "1961-04-03"),
            (["27", "March", "1985"], "1985-03-27"),
            (["27", "mar", "1985"], "1985-03-27"),
            (["27", "MARCH", "1985"], "1985-03-27"),
            (["1", "December", "1950"], "1950-12-01"),
            (["29", "2", "2000"], "2000-02-29"),
            (["29", "feb", "1996"], "1996-02-29"),
            (["1", "1", "1900"], "1900-01-01"),
            (["23", "11", "2026"], "2026-11-23"),
            // Not real dates.
            (["29", "2", "1900"], ""),
            (["29", "2", "2023"], ""),
            (["31", "4", "1985"], ""),
            (["0", "3", "1985"], ""),
            (["27", "13", "1985"], ""),
            (["27", "Smarch", "1985"], ""),
            (["27", "ma", "1985"], ""),
            // In the future, or before 1900.
            (["24", "11", "2026"], ""),
            (["1", "1", "2030"], ""),
            (["31", "12", "1899"], ""),
            (["27", "3", "85"], ""),
            // Partly given.
            (["27", "3", ""], ""),
            (["", "", "1985"], ""),
            (["27", "", ""], ""),
            ([" ", "3", " "], ""),
            // Digits that are not ASCII, and other text.
            (["٣", "4", "1961"], ""),
            (["3", "٤", "1961"], ""),
            (["3", "4", "١٩٦١"], ""),
            (["２７", "3", "1985"], ""),
            (["27th", "3", "1985"], ""),
            (["27", "3", "1985 🎂"], ""),
            (["last", "tuesday", ""], ""),
        ];
        for &(boxes, expected) in table {
            let [day, month, year] = boxes;
            let mut answers = Answers::default();
            answers.contact.name = "Sam".into();
            for (field, typed) in [
                (TextField::BirthDay, day),
                (TextField::BirthMonth, month),
                (TextField::BirthYear, year),
            ] {
                apply(
                    &mut answers,
                    Edit::Text(field, typed.into()),
                    today(),
                    |_| None,
                );
            }
            let expected = Date::parse_iso(expected);
            let case = format!("{day:?} {month:?} {year:?}");
            assert_eq!(answers.birth_date(today()), expected, "{case}");
            let errors = Step::Name.errors(&answers, today());
            if expected.is_some() {
                assert_eq!(errors, [], "{case}");
            } else {
                assert_eq!(errors.len(), 1, "{case}");
                assert_eq!(errors[0].field, "birth-day", "{case}");
                assert_eq!(errors[0].message, words().errors.date_of_birth);
            }
            assert_eq!(answers.birth_boxes(), boxes, "kept as typed");
        }
        let mut answers = Answers::default();
        answers.contact.name = "Sam".into();
        answers.birth_month = " \n".into();
        assert_eq!(
            Step::Name.errors(&answers, today()),
            [],
            "the boxes may be left blank"
        );
        // An older draft's text, kept whole (see `codec`), has no box to fix it in: no error.
        answers.date_of_birth = "last tuesday".into();
        assert_eq!(Step::Name.errors(&answers, today()), []);
    }

    /// The letters and "Check your answers" give the date written out when the boxes make a
    /// real one, and otherwise what was typed.
    #[test]
    fn the_date_of_birth_is_written_out_or_given_as_typed() {
        let words = |day: &str, month: &str, year: &str, old: &str| {
            Answers {
                birth_day: day.into(),
                birth_month: month.into(),
                birth_year: year.into(),
                date_of_birth: old.into(),
                ..Answers::default()
            }
            .date_of_birth_words(today())
        };
        assert_eq!(words("3", "4", "1961", ""), "3 April 1961");
        assert_eq!(words("03", "apr", " 1961", ""), "3 April 1961");
        assert_eq!(words("27", "Smarch", "1985", ""), "27 Smarch 1985");
        assert_eq!(words(" ٣ ", "", "1961", ""), "٣ 1961");
        assert_eq!(words("", "", "", " last tuesday 🎂\n"), "last tuesday 🎂");
        assert_eq!(words("3", "4", "1961", "last tuesday"), "3 April 1961");
        assert_eq!(words(" ", "", "", ""), "");
    }

    /// A helper gives their details once: choosing "through their support worker" fills the
    /// empty box with them, and never overwrites what was typed there.
    #[test]
    fn a_helper_gives_their_details_once() {
        let mut answers = Answers {
            who: Some(Who::HelpingSomeone),
            ..Answers::default()
        };
        answers.supporter.name = "Sam Patel".into();
        answers.supporter.role = "Support worker, Brighton Housing Trust".into();
        answers.supporter.contact = "01632 960000".into();
        let choose = Edit::ToggleContact(ContactMethod::SupportWorker);
        apply(&mut answers, choose.clone(), today(), no_postcodes);
        assert_eq!(
            answers.contact.support_worker,
            "Sam Patel\nSupport worker, Brighton Housing Trust\n01632 960000"
        );
        answers.contact.support_worker = "Sam, on 01632 960001".into();
        apply(&mut answers, choose.clone(), today(), no_postcodes);
        apply(&mut answers, choose, today(), no_postcodes);
        assert_eq!(
            answers.contact.support_worker, "Sam, on 01632 960001",
            "never overwritten"
        );
        let mut alone = Answers::default();
        alone.supporter.name = "Someone".into();
        apply(
            &mut alone,
            Edit::ToggleContact(ContactMethod::SupportWorker),
            today(),
            no_postcodes,
        );
        assert_eq!(alone.contact.support_worker, "", "only in supporter mode");
    }

    #[test]
    fn dates_are_understood_kindly_and_never_lost() {
        let table: &[(&str, &str, &str, Option<&str>)] = &[
            ("3", "4", "2026", Some("2026-04-03")),
            ("03", "april", "2026", Some("2026-04-03")),
            ("3", "Apr", "2026", Some("2026-04-03")),
            ("31", "4", "2026", None),
            ("1", "12", "2026", None), // in the future
            ("1", "1", "26", None),
        ];
        for (day, month, year, want) in table {
            let input = WhenInput {
                choice: Some(WhenChoice::ExactDate),
                day: day.to_string(),
                month: month.to_string(),
                year: year.to_string(),
                ..WhenInput::default()
            };
            let got = input.value(today()).and_then(|w| w.earliest());
            assert_eq!(got, want.and_then(Date::parse_iso), "{day}/{month}/{year}");
            assert_eq!(input.problem(today()).is_none(), want.is_some());
        }
    }

    #[test]
    fn date_errors_say_what_to_do() {
        let input = |day: &str, month: &str, year: &str| WhenInput {
            choice: Some(WhenChoice::ExactDate),
            day: day.into(),
            month: month.into(),
            year: year.into(),
            ..WhenInput::default()
        };
        let message = |i: WhenInput| {
            let answers = Answers {
                when_input: i,
                ..Answers::default()
            };
            Step::When.errors(&answers, today())[0].message
        };
        assert_eq!(
            message(input("1", "1", "2030")),
            "The date must be today or in the past"
        );
        assert_eq!(
            message(input("1", "1", "26")),
            "Enter the year as 4 numbers, like 2025"
        );
        assert_eq!(
            message(input("31", "2", "2026")),
            "Enter a real date, like 27 3 2025"
        );
        assert!(message(input("", "", "")).starts_with("Enter the date"));
    }

    #[test]
    fn required_questions_have_kind_errors_and_optional_ones_none() {
        let answers = Answers::default();
        for step in [
            Step::Who,
            Step::ServiceGroup,
            Step::Area,
            Step::WhatHappened,
            Step::Name,
            Step::Contact,
        ] {
            assert!(
                !step.errors(&answers, today()).is_empty(),
                "{step:?} is required"
            );
        }
        for step in [
            Step::Safe,
            Step::When,
            Step::Affected,
            Step::Wants,
            Step::Stage,
            Step::Access,
        ] {
            assert!(
                step.errors(&answers, today()).is_empty(),
                "{step:?} is optional"
            );
        }
    }

    #[test]
    fn own_words_are_stored_exactly() {
        let mut answers = Answers::default();
        let words = "  I waited 6 hours.\r\n\nThey said \"go home\" <b>twice</b>.  ";
        apply(
            &mut answers,
            Edit::Text(TextField::WhatHappened, words.into()),
            today(),
            no_postcodes,
        );
        assert_eq!(answers.what_happened, words);
    }

    #[test]
    fn the_place_question_gives_one_message_for_one_problem() {
        let mut answers = Answers::default();
        let fields = |a: &Answers| -> Vec<&str> {
            Step::Area
                .errors(a, today())
                .iter()
                .map(|e| e.field)
                .collect()
        };
        assert_eq!(fields(&answers), ["area"]);
        answers.area_postcode = "ZZ9".into();
        assert_eq!(fields(&answers), ["area-postcode"]);
        answers.situation.area = Some("wales".into());
        assert!(fields(&answers).is_empty(), "an area chosen is enough");
    }

    #[test]
    fn one_place_question_answers_the_nation_too() {
        let mut answers = Answers::default();
        let lookup = |id: &str| match id {
            "east-sussex" => Some(("east-sussex".to_string(), Nation::England)),
            "wales" => Some(("wales".to_string(), Nation::Wales)),
            _ => None,
        };
        apply(&mut answers, Edit::Area("wales".into()), today(), lookup);
        assert_eq!(answers.situation.nation, Some(Nation::Wales));
        // A council found from a postcode typed after moves both, and is kept to show.
        let council = Edit::Council {
            area: "east-sussex".into(),
            council: "Lewes 🌊".into(),
            care: "East Sussex 🌊".into(),
        };
        let typed = Edit::Text(TextField::Postcode, "BN7 🌊".into());
        apply(&mut answers, typed, today(), lookup);
        apply(&mut answers, council.clone(), today(), lookup);
        assert_eq!(answers.situation.area.as_deref(), Some("east-sussex"));
        assert_eq!(answers.situation.nation, Some(Nation::England));
        assert_eq!(
            answers.more(super::super::fields::COUNCIL),
            Some("Lewes 🌊")
        );
        assert_eq!(
            answers.more(super::super::fields::CARE_COUNCIL),
            Some("East Sussex 🌊")
        );
        // What they typed is never touched by a lookup. A new place typed forgets what the
        // last one found, until the lookup answers for it.
        apply(
            &mut answers,
            Edit::Text(TextField::Postcode, "ZZ99 🙂".into()),
            today(),
            lookup,
        );
        assert_eq!(answers.area_postcode, "ZZ99 🙂", "what they typed stays");
        assert_eq!(answers.situation.area, None);
        assert_eq!(answers.situation.nation, None);
        assert_eq!(answers.more(super::super::fields::COUNCIL), Some(""));
        assert_eq!(answers.more(super::super::fields::CARE_COUNCIL), Some(""));
        let council = Edit::Council {
            area: "east-sussex".into(),
            council: "Lewes".into(),
            care: "East Sussex".into(),
        };
        apply(&mut answers, council.clone(), today(), lookup);
        // The same text again, or the box emptied, keeps what was found.
        for typed in ["ZZ99 🙂", ""] {
            apply(
                &mut answers,
                Edit::Text(TextField::Postcode, typed.into()),
                today(),
                lookup,
            );
            assert_eq!(answers.situation.area.as_deref(), Some("east-sussex"));
            assert_eq!(answers.more(super::super::fields::COUNCIL), Some("Lewes"));
        }
        // Choosing an area by hand forgets the council, and stands when the same place is
        // found again (the page asks again each time it opens); an area the data does not
        // know changes nothing.
        apply(&mut answers, Edit::Area("wales".into()), today(), lookup);
        apply(&mut answers, council, today(), lookup);
        assert_eq!(answers.situation.area.as_deref(), Some("wales"));
        assert_eq!(answers.more(super::super::fields::COUNCIL), Some(""));
        assert_eq!(answers.more(super::super::fields::CARE_COUNCIL), Some(""));
        apply(&mut answers, Edit::Area("atlantis".into()), today(), lookup);
        assert_eq!(answers.situation.nation, Some(Nation::Wales));
    }

    #[test]
    fn resume_goes_to_the_first_unanswered_required_question() {
        let mut answers = Answers::default();
        assert_eq!(resume(&answers, today()), Step::Safe);
        answers.situation.in_danger_now = Some(YesNo::No);
        assert_eq!(resume(&answers, today()), Step::Who);
        answers.who = Some(Who::Myself);
        assert_eq!(
            resume(&answers, today()),
            Step::WhatHappened,
            "their story first"
        );
    }

    #[test]
    fn addresses_map_to_pages_and_back() {
        assert_eq!(Page::from_hash(""), (Page::Start, false));
        assert_eq!(Page::from_hash("/"), (Page::Start, false));
        assert_eq!(Page::from_hash("/get-help"), (Page::GetHelp, false));
        assert_eq!(
            Page::from_hash("/name?change"),
            (Page::Step(Step::Name), true)
        );
        assert_eq!(Page::from_hash("/nonsense"), (Page::NotFound, false));
        for step in Step::all() {
            assert_eq!(
                Page::from_hash(&Page::Step(step).hash()).0,
                Page::Step(step)
            );
        }
    }
}
