//! Every question page of the journey, drawn from its record.
//!
//! What a page asks and where its answer goes is a record in `domain::questions`; the words
//! are in the catalogue (`crate::words`). This module only turns the two into markup, with a
//! few small extras a page needs (the date boxes, "Need ideas?", the phone-calls box).
//! Nothing here decides anything: navigation, validation and routing come from the domain,
//! and every change is an [`Edit`] sent to the reducer.

use super::components::{
    back_link, choices, described_by, error_message, error_summary, group_class, hint_text,
    text_field, Choice, ChoicesProps, SummaryError, TextProps,
};
use super::state::Action;
use super::view::View;
use crate::data::journey;
use crate::domain::answers::has_text;
use crate::domain::fields::TextField;
use crate::domain::interview::{previous, Edit, Page};
use crate::domain::questions::{Answer, Choice as Slot, Step};
use crate::domain::situation::YesNo;
use crate::words::{fill, words};
use yew::prelude::*;

/// The frame of every question page: Back, "Question x of y", errors, the form and Continue.
fn question_page(v: &View, step: Step, body: Html) -> Html {
    let model = v.model;
    let text = &words().pages;
    let back = if model.from_check {
        Page::Step(Step::CheckAnswers).hash()
    } else {
        previous(step, &model.answers, model.today)
            .map_or("/".to_string(), |p| Page::Step(p).hash())
    };
    let part = words().part(step);
    let errors: Vec<SummaryError> = model
        .errors
        .iter()
        .map(|e| SummaryError {
            field: e.field.into(),
            message: e.message.into(),
        })
        .collect();
    let dispatch = v.dispatch.clone();
    let onsubmit = Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        dispatch.emit(Action::Continue);
    });
    let button = if model.from_check {
        text.save_and_back
    } else {
        text.continue_button
    };
    html! {
        <div class="app-narrow">
            {back_link(format!("#{back}"))}
            if let Some(part) = part {
                <p class="app-progress">{part}</p>
            }
            {error_summary(&errors)}
            <form novalidate=true {onsubmit}>
                {body}
                <button type="submit" class="app-button">{button}</button>
            </form>
        </div>
    }
}

/// The page for one journey step.
pub fn step_page(v: &View, step: Step) -> Html {
    let question = step.question();
    let w = words().question(step);
    let text = &words().pages;
    let answers = &v.model.answers;
    let title = w.title;
    let hint = w.hint;
    let body = match question.answer {
        // The summary and result pages are drawn by their own modules (see `ui::App`).
        Answer::Page => return html! {},
        Answer::One(Slot::Area) => area(v, step),
        Answer::One(slot) | Answer::Many(slot) => {
            let main = choice_question(v, step, slot);
            let extra = match step {
                Step::Contact => phone_hard(v),
                Step::Consent if answers.supporter.person_agrees == Some(YesNo::No) => html! {
                    <div class="app-inset">
                        { for text.consent_not_yet.iter().map(|p| html! { <p>{*p}</p> }) }
                    </div>
                },
                _ => html! {},
            };
            html! { <>{main}{extra}</> }
        }
        Answer::Text(field) if step == Step::ServiceName => v.heading_field(
            field,
            fill(
                text.service_name_title,
                &[words().service_noun(answers.service_group.map(|g| g.id()))],
            ),
            Some(
                fill(
                    text.service_name_hint,
                    &[words().service_example(answers.service_group.map(|g| g.id()))],
                )
                .into(),
            ),
        ),
        Answer::Text(field) => {
            // The question speaks to the person; someone typing for them gets one line of
            // their own, read with the hint (the name page's own hint already speaks to both).
            let hint = if answers.is_supporter() && step != Step::TheirName {
                Some(
                    [hint.unwrap_or_default(), " ", text.helper_note]
                        .concat()
                        .trim()
                        .to_string()
                        .into(),
                )
            } else {
                hint.map(AttrValue::from)
            };
            let main = v.heading_field(field, title.to_string(), hint);
            if step == Step::WhatHappened {
                html! { <>{main}{ideas()}</> }
            } else {
                main
            }
        }
        Answer::Boxes(fields) => match fields.split_first() {
            // The first box is the question itself, unless it has a label of its own; then
            // the page has a heading (and, for the helper, a short reason we ask).
            Some((first, rest)) if words().field(*first).is_none() => html! {
                <>
                    {v.heading_field(*first, title.to_string(), hint.map(AttrValue::from))}
                    { for rest.iter().map(|f| v.field(*f)) }
                </>
            },
            _ => html! {
                <>
                    <h1 class="app-heading-xl">{title}</h1>
                    if step == Step::Supporter {
                        <p>{text.supporter_intro}</p>
                    }
                    { for fields.iter().map(|f| match f {
                        // The date of birth is three boxes in one group.
                        TextField::BirthDay => date_boxes(
                            v,
                            "birth-date",
                            text.birth_legend,
                            text.birth_hint,
                            [TextField::BirthDay, TextField::BirthMonth, TextField::BirthYear],
                        ),
                        TextField::BirthMonth | TextField::BirthYear => html! {},
                        _ => v.field(*f),
                    }) }
                </>
            },
        },
    };
    question_page(v, step, body)
}

/// Draws a choice question from its record and words: only the options on offer, with the
/// boxes revealed under a chosen option.
fn choice_question(v: &View, step: Step, slot: Slot) -> Html {
    let question = step.question();
    let w = words().question(step);
    let answers = &v.model.answers;
    let list = w
        .options
        .iter()
        .filter(|o| slot.offers(o.value, answers))
        .map(|o| {
            let mut choice = Choice::new(o.value, o.label);
            if let Some(hint) = o.hint {
                choice = choice.hint(hint);
            }
            let reveal = question.reveals.iter().find(|(value, _)| *value == o.value);
            match reveal {
                Some(_) if step == Step::When && o.value == "date" => choice.reveal(when_dates(v)),
                Some((_, fields)) => {
                    choice.reveal(html! { <>{ for fields.iter().map(|f| v.field(*f)) }</> })
                }
                None => choice,
            }
        })
        .collect();
    slot_choices(v, step, slot, list)
}

/// The radios or checkboxes of a step's question, whose answer goes to `slot`.
fn slot_choices(v: &View, step: Step, slot: Slot, list: Vec<Choice>) -> Html {
    slot_choices_with(v, step, list, slot_props(v, slot))
}

/// [`slot_choices`] with the chosen values and callback given: for a question that shows what
/// is chosen differently from how it is kept (the area).
fn slot_choices_with(v: &View, step: Step, list: Vec<Choice>, props: ChoicesProps) -> Html {
    let question = step.question();
    let w = words().question(step);
    // "Can the complaint be shown to Station Road Surgery?": the service by the name they gave.
    let name = v.model.answers.service_name.trim();
    let legend = if step == Step::ShareWithService && !name.is_empty() {
        fill(words().pages.share_named, &[name]).into()
    } else {
        w.title.into()
    };
    choices(&ChoicesProps {
        id: question.id.into(),
        legend,
        is_page_heading: true,
        hint: w.hint.map(AttrValue::from),
        error: v.error(question.id),
        choices: list,
        multiple: matches!(question.answer, Answer::Many(_)),
        ..props
    })
}

/// What any choice kept in the answers needs: the values chosen so far, and the one way
/// choosing an option reaches the answers. The rest of the props are left empty, to be given.
fn slot_props(v: &View, slot: Slot) -> ChoicesProps {
    let edit = v.edit.clone();
    ChoicesProps {
        id: AttrValue::default(),
        legend: AttrValue::default(),
        is_page_heading: false,
        hint: None,
        error: None,
        choices: Vec::new(),
        selected: slot
            .selected(&v.model.answers)
            .into_iter()
            .map(AttrValue::from)
            .collect(),
        multiple: false,
        on_choose: Callback::from(move |value: AttrValue| {
            if let Some(change) = slot.edit(&value) {
                edit.emit(change);
            }
        }),
    }
}

/// "Need ideas?" prompts under the own-words box: help, never required structure.
fn ideas() -> Html {
    let text = &words().pages;
    html! {
        <details class="app-details">
            <summary class="app-details__summary"><span class="app-details__summary-text">{text.ideas_summary}</span></summary>
            <div class="app-details__text">
                <ul class="app-list app-list--bullet">
                    { for text.ideas.iter().map(|idea| html! { <li>{*idea}</li> }) }
                </ul>
                <p>{text.ideas_end}</p>
            </div>
        </details>
    }
}

/// Three boxes for a day, a month and a year, side by side: the date under "I know the date",
/// and the date of birth.
///
/// The date has one error, shown above the three boxes (the GOV.UK date pattern), so the boxes
/// stay side by side and the hint and error are read out when the group is entered. The error
/// summary links to the day box.
fn date_boxes(
    v: &View,
    id: &str,
    legend: &'static str,
    hint: &'static str,
    [day, month, year]: [TextField; 3],
) -> Html {
    let error = v.error(day.id());
    let part = |field: TextField| {
        text_field(&TextProps {
            error: None,
            class: classes!(
                "app-input--short",
                error.is_some().then_some("app-input--error")
            ),
            ..v.field_props(field)
        })
    };
    let hint = Some(AttrValue::from(hint));
    html! {
        <div class={group_class(&error)}>
            <fieldset class="app-fieldset" role="group"
                aria-describedby={described_by(id, true, error.is_some())}>
                <legend class="app-fieldset__legend">{legend}</legend>
                {hint_text(id, &hint)}
                {error_message(id, &error)}
                <div class="app-date-input">
                    <div class="app-date-input__item">{part(day)}</div>
                    <div class="app-date-input__item">{part(month)}</div>
                    <div class="app-date-input__item app-date-input__item--year">{part(year)}</div>
                </div>
            </fieldset>
        </div>
    }
}

/// The day, month and year boxes, revealed under "I know the date".
fn when_dates(v: &View) -> Html {
    let text = &words().pages;
    date_boxes(
        v,
        "when-date",
        text.date_legend,
        text.date_hint,
        [
            TextField::WhenDay,
            TextField::WhenMonth,
            TextField::WhenYear,
        ],
    )
}

/// "I find phone calls hard", under the ways to reply.
fn phone_hard(v: &View) -> Html {
    let text = &words().pages;
    let hard = v.model.answers.contact.phone_calls_hard;
    choices(&ChoicesProps {
        id: "phone-hard".into(),
        legend: text.phone_legend.into(),
        is_page_heading: false,
        hint: None,
        error: None,
        choices: vec![Choice::new("phone-hard", text.phone_hard)],
        selected: if hard {
            vec!["phone-hard".into()]
        } else {
            vec![]
        },
        multiple: true,
        on_choose: v
            .edit
            .reform(move |_: AttrValue| Edit::PhoneCallsHard(!hard)),
    })
}

/// "Where did this happen?": one question for the nation and the area. Every area comes from
/// the data (each belongs to a nation), with a box for a postcode or the name of a town or
/// council, which the letter tools look up on the device (see `domain::place`). What they say
/// is shown as it is: an area they are certain of is chosen for the person and named; a
/// postcode that straddles areas, or a name several councils share, says which area to choose
/// for each council. Nothing is ever guessed silently.
///
/// The list holds the larger areas only (a nation, or part of one). An area found from a
/// postcode or a council's name can be smaller (NHS Fife's area), and is not in the list: the
/// larger area it is part of shows as chosen, and the words under the box name it.
fn area(v: &View, step: Step) -> Html {
    let answers = &v.model.answers;
    let areas = &journey().areas;
    let list = areas
        .iter()
        .filter(|a| a.part_of.is_empty())
        .map(|a| Choice::new(a.id.clone(), a.name.clone()))
        .collect();
    let mut props = slot_props(v, Slot::Area);
    for chosen in &mut props.selected {
        if let Some(found) = areas.iter().find(|a| a.id == chosen.as_str()) {
            if !found.part_of.is_empty() {
                *chosen = found.part_of.clone().into();
            }
        }
    }
    html! {
        <>
            {slot_choices_with(v, step, list, props)}
            {v.field(TextField::Postcode)}
            if let Some(say) = v.model.place.as_ref().filter(|_| has_text(&answers.area_postcode)) {
                <p class="app-inset" role="status">{say}</p>
            }
        </>
    }
}

/// "Is this a shared or public computer?": a setting with the display settings at the top of
/// every page (`#app-device` in index.html), not a question on the way, so the person's story
/// comes first. Unanswered counts as shared for clearing a quiet page.
pub fn device_setting(v: &View) -> Html {
    let text = &words().screens.frame;
    let slot = Slot::YesNo(crate::domain::fields::YesNoField::SharedComputer);
    choices(&ChoicesProps {
        id: "shared-computer".into(),
        legend: text.device_legend.into(),
        hint: Some(text.device_hint.into()),
        choices: slot
            .values()
            .into_iter()
            .zip(text.device_options)
            .map(|(value, label)| Choice::new(value, label))
            .collect(),
        ..slot_props(v, slot)
    })
}

/// The title for the browser tab: the page's heading, then the app's name.
pub fn title(page: Page) -> String {
    let text = &words().pages;
    let heading = match page {
        Page::Start => return text.start_title.into(),
        Page::GetHelp => text.get_help_title,
        Page::Save => text.save_title,
        Page::NotFound => text.not_found_title,
        Page::Concerns => text.concerns_title,
        Page::NewConcern => text.new_concern_title,
        Page::Concern(_) => text.concern_title,
        Page::ShareConcerns => text.share_concerns_title,
        Page::Step(step) => words().question(step).title,
    };
    format!("{heading} - {}", text.app_name)
}

/// A page for an address that is not part of the journey.
pub fn not_found() -> Html {
    let text = &words().pages;
    html! {
        <div class="app-narrow">
            <h1 class="app-heading-xl">{text.not_found_title}</h1>
            <p>{text.not_found_check}</p>
            <p><a href="#/">{text.not_found_start}</a></p>
        </div>
    }
}
