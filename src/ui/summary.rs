//! "Check your answers": every answer that applies, with a Change link back to its question.
//! The rows, their labels and the words of each answer come from the question records and
//! the catalogue; free text is shown exactly as typed (line breaks kept).

use super::view::View;
use crate::data::journey;
use crate::domain::answers::{has_text, lines_given, Answers};
use crate::domain::date::Date;
use crate::domain::fields::COUNCIL;
use crate::domain::interview::{previous, Page};
use crate::domain::questions::{Answer, Step, QUESTIONS};
use crate::domain::when::WhenChoice;
use crate::words::{fill, words};
use yew::prelude::*;

/// One row: the question, the answer and a Change link to that step.
fn row(key: &str, value: String, step: Step) -> Html {
    let text = &words().pages;
    let href = format!("#{}?change", Page::Step(step).hash());
    let value = if has_text(&value) {
        value
    } else {
        text.not_given.into()
    };
    html! {
        <div class="app-summary__row">
            <dt class="app-summary__key">{key.to_string()}</dt>
            <dd class="app-summary__value">{value}</dd>
            <dd class="app-summary__actions">
                <a href={href}>{text.change}<span class="app-visually-hidden">{format!(" {}", key.to_ascii_lowercase())}</span></a>
            </dd>
        </div>
    }
}

/// The words for the answer to one step, as the summary shows it.
fn answer_words(step: Step, a: &Answers, today: Date) -> String {
    let catalogue = words();
    let question = step.question();
    let text = &catalogue.pages;
    let join = |lines: Vec<String>| lines.join("\n");
    match (step, question.answer) {
        // The row about the service names the specific service (its group when the group has
        // only one).
        (Step::ServiceGroup, _) => a.situation.service.map_or_else(String::new, |service| {
            catalogue
                .option(Step::Service, service.id())
                .or_else(|| catalogue.option(Step::ServiceGroup, service.group().id()))
                .map_or_else(String::new, |o| o.label.to_string())
        }),
        // The council a postcode or place found, with the area it is in.
        (Step::Area, _) => {
            let area = a
                .situation
                .area
                .as_deref()
                .and_then(|id| journey().area(id));
            match (a.more(COUNCIL).filter(|c| has_text(c)), area) {
                (Some(council), Some(area)) => format!("{council} ({})", area.name),
                (_, area) => area.map(|area| area.name.clone()).unwrap_or_default(),
            }
        }
        (Step::When, _) => match a.situation.when {
            Some(when) if a.when_input.choice == Some(WhenChoice::OnAndOff) => {
                match a.when_input.since_year(today) {
                    Some(year) => fill(text.when_on_and_off, &[&year.to_string()]),
                    None => catalogue
                        .option(Step::When, "on-and-off")
                        .map_or_else(|| when.describe().unwrap_or_default(), |o| o.label.into()),
                }
            }
            Some(when) if when.is_ongoing() => text.when_ongoing.into(),
            when => when
                .and_then(|w| w.describe())
                .unwrap_or_else(|| text.when_not_sure.into()),
        },
        (_, Answer::One(slot) | Answer::Many(slot)) => {
            let mut lines: Vec<String> = slot
                .selected(a)
                .iter()
                .filter_map(|value| {
                    let option = catalogue.option(step, value)?;
                    let revealed: Vec<&str> = question
                        .reveals
                        .iter()
                        .find(|(v, _)| v == value)
                        .map(|(_, fields)| fields.iter().map(|f| f.get(a)).collect())
                        .unwrap_or_default();
                    Some(match option.summary {
                        Some(summary) => fill(summary, &revealed),
                        None => option.label.to_string(),
                    })
                })
                .collect();
            if step == Step::Contact && a.contact.phone_calls_hard {
                lines.push(text.phone_hard_summary.into());
            }
            join(lines)
        }
        (_, Answer::Text(field)) => field.get(a).to_string(),
        (Step::Name, _) => {
            let mut name = a.contact.name.clone();
            let born = a.date_of_birth_words(today);
            if !born.is_empty() {
                name = format!("{name}\n{}", fill(text.born, &[&born]));
            }
            name
        }
        (_, Answer::Boxes(fields)) => {
            lines_given(&fields.iter().map(|f| f.get(a)).collect::<Vec<_>>())
        }
        (_, Answer::Page) => String::new(),
    }
}

/// The "Check your answers" page.
pub fn check_answers(v: &View) -> Html {
    let model = v.model;
    let a = &model.answers;
    let rows = QUESTIONS.iter().filter_map(|q| {
        let label = words().question(q.step).summary?;
        // "Was anyone else involved?" is asked from here, so its row is always here.
        (!q.step.is_skipped(a, model.today) || q.step == Step::OtherServices)
            .then(|| row(label, answer_words(q.step, a, model.today), q.step))
    });
    let back = previous(Step::CheckAnswers, a, model.today)
        .map_or("/".to_string(), |p| Page::Step(p).hash());
    let text = &words().pages;
    html! {
        <div class="app-narrow">
            {super::components::back_link(format!("#{back}"))}
            <h1 class="app-heading-xl">{words().question(Step::CheckAnswers).title}</h1>
            <p>{text.check_intro}</p>
            <dl class="app-summary">{ for rows }</dl>
            <a class="app-button" href={format!("#{}", Page::Step(Step::Letter).hash())}>{text.check_see_letter}</a>
        </div>
    }
}
