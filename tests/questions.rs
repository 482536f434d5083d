//! The journey's records and their words, checked so a forgotten piece fails loudly here
//! instead of silently in the browser (a page with no options, a click that does nothing, a
//! question that never shows).

use in_my_words::data::journey;
use in_my_words::domain::answers::Answers;
use in_my_words::domain::date::Date;
use in_my_words::domain::fields::{apply, TextField};
use in_my_words::domain::questions::{Answer, Choice, Step, FINISH_STEPS, QUESTIONS};
use in_my_words::domain::situation::{Nation, ServiceGroup};
use in_my_words::domain::when::{DateProblem, WhenChoice, WhenInput};
use in_my_words::words::{words, Words};
use std::collections::BTreeSet;

fn today() -> Date {
    Date::new(2026, 11, 26).unwrap()
}

/// Finds an area by its id in the journey's data, as the app does when one is chosen.
fn area_by_id(id: &str) -> Option<(String, Nation)> {
    journey().area(id).map(|a| (a.id.clone(), a.nation))
}

/// Every variant of [`Step`], found from its encoding (a variant is stored as its number), so
/// this list cannot be forgotten when a step is added.
fn every_step() -> Vec<Step> {
    (0u8..=127)
        .map_while(|n| postcard::from_bytes::<Step>(&[n]).ok())
        .collect()
}

fn words_ok(w: Words) -> bool {
    !w.trim().is_empty()
}

/// The finish is the pages between "Check your answers" and the last page, in journey order:
/// its numbering ("Step 2 of 4"), its Back and Continue links and which program shows it all
/// come from this one list.
#[test]
fn the_finish_steps_are_the_pages_after_the_answers_in_order() {
    let order: Vec<Step> = Step::all().collect();
    let from = order.iter().position(|s| *s == Step::CheckAnswers).unwrap() + 1;
    let to = order.iter().position(|s| *s == Step::Finish).unwrap();
    assert_eq!(order[from..to], FINISH_STEPS);
    for step in every_step() {
        assert_eq!(
            step.finish_index(),
            FINISH_STEPS.iter().position(|s| *s == step),
            "{step:?}"
        );
    }
}

#[test]
fn every_step_has_exactly_one_record_and_one_set_of_words() {
    let steps = every_step();
    assert!(steps.len() >= 27, "found {} steps", steps.len());
    for step in &steps {
        let records = QUESTIONS.iter().filter(|q| q.step == *step).count();
        assert_eq!(records, 1, "{step:?} needs exactly one record in QUESTIONS");
        let worded = words().questions.iter().filter(|w| w.step == *step).count();
        assert_eq!(
            worded, 1,
            "{step:?} needs exactly one entry in the catalogue"
        );
        assert!(
            words_ok(words().question(*step).title),
            "{step:?} has no title"
        );
    }
    assert_eq!(QUESTIONS.len(), steps.len());
}

#[test]
fn every_choice_question_has_words_for_exactly_the_values_its_answer_can_hold() {
    for question in QUESTIONS {
        let (Answer::One(choice) | Answer::Many(choice)) = question.answer else {
            continue;
        };
        if choice == Choice::Area {
            continue; // from the data: see the area test
        }
        let worded: BTreeSet<&str> = words()
            .question(question.step)
            .options
            .iter()
            .map(|o| o.value)
            .collect();
        let values: BTreeSet<&str> = choice.values().into_iter().collect();
        if choice == Choice::Service {
            // Services alone in their group are never asked: the group's words stand for them.
            let asked: BTreeSet<&str> = ServiceGroup::ALL
                .iter()
                .filter(|g| g.services().len() > 1)
                .flat_map(|g| g.services().iter().map(|s| s.id()))
                .collect();
            assert_eq!(
                worded, asked,
                "every service in a group of several has words"
            );
        } else {
            assert_eq!(
                worded, values,
                "{:?}: options in the catalogue",
                question.step
            );
        }
        for option in words().question(question.step).options {
            assert!(
                words_ok(option.label),
                "{:?} {}",
                question.step,
                option.value
            );
        }
    }
}

#[test]
fn every_option_goes_into_the_answers_and_comes_back() {
    for question in QUESTIONS {
        let (Answer::One(choice) | Answer::Many(choice)) = question.answer else {
            continue;
        };
        let values = if choice == Choice::Area {
            journey().areas.iter().map(|a| a.id.as_str()).collect()
        } else {
            choice.values()
        };
        for value in values {
            let mut answers = Answers::default();
            let edit = choice
                .edit(value)
                .unwrap_or_else(|| panic!("{:?}: {value} makes no edit", question.step));
            apply(&mut answers, edit, today(), area_by_id);
            assert_eq!(
                choice.selected(&answers),
                [value.to_string()],
                "{:?}: choosing {value} is read back",
                question.step
            );
            assert!(question.step.is_complete(&answers), "{:?}", question.step);
        }
        if choice != Choice::Area {
            assert_eq!(choice.edit("no-such-option"), None, "{:?}", question.step);
        }
    }
}

#[test]
fn revealed_boxes_belong_to_real_options_and_have_words() {
    for question in QUESTIONS {
        let options = words().question(question.step).options;
        for (value, fields) in question.reveals {
            let option = options
                .iter()
                .find(|o| o.value == *value)
                .unwrap_or_else(|| panic!("{:?}: no option {value}", question.step));
            for field in *fields {
                let label = words().field(*field).map(|w| w.label);
                assert!(label.is_some_and(words_ok), "{field:?} has no label");
            }
            if let Some(summary) = option.summary {
                assert_eq!(
                    summary.matches("{}").count(),
                    fields.len(),
                    "{:?} {value}: one {{}} in the summary per revealed box",
                    question.step
                );
            }
        }
    }
}

#[test]
fn every_text_box_is_on_a_page_and_has_words() {
    let mut placed = BTreeSet::new();
    for question in QUESTIONS {
        let boxes: Vec<TextField> = match question.answer {
            Answer::Text(field) => vec![field],
            Answer::Boxes(fields) => fields.to_vec(),
            _ => Vec::new(),
        };
        for (at, field) in boxes.iter().enumerate() {
            // A page's own box is labelled by the question; every other box needs a label.
            let is_the_question = matches!(question.answer, Answer::Text(_))
                || (at == 0 && words().field(*field).is_none());
            assert!(
                is_the_question || words().field(*field).is_some_and(|w| words_ok(w.label)),
                "{field:?} has no label"
            );
            placed.insert(format!("{field:?}"));
        }
        for (_, fields) in question.reveals {
            placed.extend(fields.iter().map(|f| format!("{f:?}")));
        }
    }
    // The postcode box sits under the list of areas.
    placed.insert(format!("{:?}", TextField::Postcode));
    let all: BTreeSet<String> = TextField::ALL.iter().map(|f| format!("{f:?}")).collect();
    assert_eq!(placed, all, "every text box appears on a page");
    let ids: BTreeSet<&str> = TextField::ALL.iter().map(|f| f.id()).collect();
    assert_eq!(ids.len(), TextField::ALL.len(), "box ids are unique");
}

#[test]
fn every_required_question_says_kindly_what_is_missing() {
    for question in QUESTIONS.iter().filter(|q| q.required) {
        let missing = words().question(question.step).missing;
        assert!(missing.is_some_and(words_ok), "{:?}", question.step);
        let errors = question.step.errors(&Answers::default(), today());
        assert_eq!(errors.first().map(|e| e.field), Some(question.id));
    }
}

#[test]
fn every_box_that_can_be_wrong_has_a_message() {
    let contact = Step::Contact.question();
    let checked = contact
        .reveals
        .iter()
        .flat_map(|(_, fields)| fields.iter())
        .chain([&TextField::InterpreterLanguage, &TextField::WantOther]);
    for field in checked {
        assert!(!words().box_error(*field).is_empty(), "{field:?}");
    }
}

#[test]
fn every_question_has_a_row_on_check_your_answers() {
    for question in QUESTIONS {
        let row = words().question(question.step).summary;
        let expected = match question.step {
            // Safety is asked again whenever it matters; the service row covers both steps; the
            // name asked first of someone helped has its row with the name near the end.
            Step::Safe | Step::Service | Step::TheirName => false,
            _ => question.answer != Answer::Page,
        };
        assert_eq!(row.is_some(), expected, "{:?}", question.step);
    }
}

#[test]
fn every_date_problem_has_a_message() {
    let cases = [
        ("", "", "", WhenChoice::ExactDate, DateProblem::NoDate),
        ("1", "1", "2099", WhenChoice::ExactDate, DateProblem::Future),
        ("1", "1", "26", WhenChoice::ExactDate, DateProblem::Year),
        (
            "31",
            "2",
            "2026",
            WhenChoice::ExactDate,
            DateProblem::NotReal,
        ),
        (
            "",
            "3",
            "2099",
            WhenChoice::Roughly,
            DateProblem::RoughFuture,
        ),
        (
            "",
            "Smarch",
            "2025",
            WhenChoice::Roughly,
            DateProblem::RoughMonth,
        ),
        ("", "3", "", WhenChoice::Roughly, DateProblem::RoughYear),
    ];
    for (day, month, year, choice, problem) in cases {
        let input = WhenInput {
            choice: Some(choice),
            day: day.into(),
            month: month.into(),
            year: year.into(),
            rough_month: month.into(),
            rough_year: year.into(),
        };
        assert_eq!(input.problem(today()), Some(problem));
        assert!(!words().date_problem(problem).is_empty(), "{problem:?}");
    }
}

#[test]
fn every_question_is_in_one_part_of_the_journey_and_parts_follow_its_order() {
    let mut seen = Vec::new();
    for question in QUESTIONS {
        let parts: Vec<usize> = words()
            .parts
            .iter()
            .enumerate()
            .filter(|(_, (steps, _))| steps.contains(&question.step))
            .map(|(at, _)| at)
            .collect();
        if question.answer == Answer::Page {
            assert!(parts.is_empty(), "{:?} is not a question", question.step);
            continue;
        }
        assert_eq!(parts.len(), 1, "{:?} is in exactly one part", question.step);
        seen.push(parts[0]);
    }
    assert!(
        seen.windows(2).all(|w| w[0] <= w[1]),
        "each part's questions come together, in journey order: {seen:?}"
    );
    for (_, name) in words().parts {
        assert!(words_ok(name));
    }
}

/// On their own, a person's story comes straight after who is writing; someone helped is asked
/// their name first, so that the questions speak to them (walked as Continue walks them).
#[test]
fn the_story_comes_straight_after_who_is_writing() {
    use in_my_words::domain::answers::Who;
    use in_my_words::domain::interview::next;
    let mut answers = Answers {
        who: Some(Who::Myself),
        ..Answers::default()
    };
    assert_eq!(next(Step::Who, &answers, today()), Some(Step::WhatHappened));
    answers.who = Some(Who::HelpingSomeone);
    assert_eq!(next(Step::Who, &answers, today()), Some(Step::TheirName));
    assert_eq!(
        next(Step::TheirName, &answers, today()),
        Some(Step::WhatHappened)
    );
    // The same box: the name given first is there on the page near the end, to check.
    assert_eq!(Step::TheirName.question().id, Step::Name.question().id);
}

#[test]
fn every_kind_of_service_has_its_own_example_name_and_noun() {
    let pages = &words().pages;
    assert_eq!(pages.service_name_hint.matches("{}").count(), 1);
    assert_eq!(pages.service_name_title.matches("{}").count(), 1);
    for group in ServiceGroup::ALL {
        let example = words().service_example(Some(group.id()));
        assert_ne!(
            example, pages.service_example_other,
            "{group:?} has an example"
        );
        assert!(!example.trim().is_empty());
    }
}

#[test]
fn one_service_asks_nothing_more_and_others_are_added_from_check_your_answers() {
    use in_my_words::domain::situation::Service;
    // Walk forward from the start as Continue does, for a one-service complaint.
    let walk = |a: &Answers| -> Vec<Step> {
        let mut seen = vec![Step::Safe];
        while let Some(next) =
            in_my_words::domain::interview::next(*seen.last().unwrap(), a, today())
        {
            if next == Step::CheckAnswers {
                break;
            }
            seen.push(next);
        }
        seen
    };
    let mut one = Answers::default();
    one.situation.service = Some(Service::GpPractice);
    let alone = walk(&one);
    assert!(!alone.contains(&Step::OtherServices) && !alone.contains(&Step::OtherNames));
    // "Was anyone else involved?" still has its row (and Change link) on Check your answers.
    assert!(words().question(Step::OtherServices).summary.is_some());
    // Once another service is chosen, both pages apply, in order, after the service's name.
    let mut several = one.clone();
    several.other_services = vec![Service::Pharmacy.id().to_string()];
    let with_others = walk(&several);
    let at = with_others
        .iter()
        .position(|s| *s == Step::ServiceName)
        .unwrap();
    assert_eq!(
        &with_others[at + 1..at + 3],
        &[Step::OtherServices, Step::OtherNames]
    );
    assert_eq!(with_others.len(), alone.len() + 2);
}
