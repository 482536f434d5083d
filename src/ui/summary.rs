//! "Check your answers": every answer that applies, with a Change link back to its question.
//! Free text is shown exactly as typed (line breaks kept).

use super::pages::View;
use crate::data::journey;
use crate::domain::answers::{has_text, AccessNeed, ContactMethod, Want, Who};
use crate::domain::interview::{Page, Step};
use crate::domain::situation::{Stage, YesNo};
use yew::prelude::*;

fn yes_no(value: Option<YesNo>) -> String {
    match value {
        Some(YesNo::Yes) => "Yes".into(),
        Some(YesNo::No) => "No".into(),
        Some(YesNo::NotSure) => "Not sure".into(),
        None => String::new(),
    }
}

fn or_not_given(text: String) -> String {
    if has_text(&text) {
        text
    } else {
        "Not given".into()
    }
}

/// One row: the question, the answer and a Change link to that step.
fn row(key: &str, value: String, step: Step) -> Html {
    let href = format!("#{}?change", Page::Step(step).hash());
    html! {
        <div class="app-summary__row">
            <dt class="app-summary__key">{key.to_string()}</dt>
            <dd class="app-summary__value">{or_not_given(value)}</dd>
            <dd class="app-summary__actions">
                <a href={href}>{"Change"}<span class="app-visually-hidden">{format!(" {}", key.to_ascii_lowercase())}</span></a>
            </dd>
        </div>
    }
}

pub fn check_answers(v: &View) -> Html {
    let model = v.model;
    let a = &model.answers;
    let s = &a.situation;
    let applies = |step: Step| !step.is_skipped(a, model.today);
    let mut rows = Vec::new();
    rows.push(row(
        "Who is filling this in",
        match a.who {
            Some(Who::Myself) => "Me".into(),
            Some(Who::HelpingSomeone) => "I am helping someone".into(),
            None => String::new(),
        },
        Step::Who,
    ));
    if applies(Step::Supporter) {
        let details = [&a.supporter.name, &a.supporter.role, &a.supporter.contact]
            .iter()
            .filter(|t| has_text(t))
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
            .join("\n");
        rows.push(row("Helper", details, Step::Supporter));
        rows.push(row(
            "They have agreed",
            yes_no(a.supporter.person_agrees),
            Step::Consent,
        ));
        rows.push(row(
            "Share information with the helper",
            yes_no(a.supporter.may_share_with_supporter),
            Step::ConsentShare,
        ));
    }
    rows.push(row(
        "Shared computer",
        yes_no(a.shared_computer),
        Step::SharedComputer,
    ));
    let they = a.is_supporter();
    let label = |step, value: &str| {
        super::pages::option_label(step, value, they)
            .unwrap_or("")
            .to_string()
    };
    let service = s
        .service
        .map(
            |x| match super::pages::option_label(Step::Service, x.id(), they) {
                Some(l) => l.to_string(),
                None => super::pages::group_label(x.group()).to_string(),
            },
        )
        .unwrap_or_default();
    rows.push(row("What it is about", service, Step::ServiceGroup));
    if applies(Step::PrivateCare) {
        let kind = s
            .private_care
            .map(|k| label(Step::PrivateCare, k.id()))
            .unwrap_or_default();
        rows.push(row("Kind of private care", kind, Step::PrivateCare));
    }
    rows.push(row(
        "Where",
        s.nation.map(|n| n.name().to_string()).unwrap_or_default(),
        Step::Nation,
    ));
    if applies(Step::Area) {
        let area = s
            .area
            .as_deref()
            .and_then(|id| journey().area(id))
            .map(|a| a.name.clone())
            .unwrap_or_default();
        rows.push(row("Area", area, Step::Area));
    }
    rows.push(row(
        "Name of the service",
        a.service_name.clone(),
        Step::ServiceName,
    ));
    rows.push(row(
        "What happened",
        a.what_happened.clone(),
        Step::WhatHappened,
    ));
    rows.push(row(
        "When",
        s.when
            .and_then(|w| w.describe())
            .unwrap_or_else(|| "Not sure".into()),
        Step::When,
    ));
    rows.push(row(
        "How it affected",
        a.how_it_affected.clone(),
        Step::Affected,
    ));
    let mut wants: Vec<String> = a
        .wants
        .iter()
        .filter(|w| **w != Want::SomethingElse)
        .map(|w| label(Step::Wants, w.id()))
        .collect();
    if a.wants.contains(&Want::SomethingElse) {
        wants.push(a.want_other.clone());
    }
    rows.push(row("What you want", wants.join("\n"), Step::Wants));
    rows.push(row(
        "Already complained",
        label(Step::Stage, s.stage.unwrap_or(Stage::NotRaised).id()),
        Step::Stage,
    ));
    if applies(Step::LateReason) {
        rows.push(row("Why now", a.late_reason.clone(), Step::LateReason));
    }
    if applies(Step::AbleToComplain) {
        rows.push(row(
            "Able to complain to them directly",
            yes_no(s.able_to_complain_to_service),
            Step::AbleToComplain,
        ));
    }
    rows.push(row(
        "Still getting care",
        yes_no(s.still_receiving_care),
        Step::StillReceivingCare,
    ));
    rows.push(row(
        "Concern about one professional",
        yes_no(s.fitness_to_practise_concern),
        Step::Professional,
    ));
    let mut name = a.contact.name.clone();
    if has_text(&a.date_of_birth) {
        name = format!("{name}\nBorn {}", a.date_of_birth);
    }
    rows.push(row("Name", name, Step::Name));
    let c = &a.contact;
    let mut how = Vec::new();
    for method in &c.methods {
        how.push(match method {
            ContactMethod::Post => format!("Post:\n{}", c.address),
            ContactMethod::CareOf => format!("Care of {}:\n{}", c.care_of_name, c.care_of_address),
            ContactMethod::Email => format!("Email: {}", c.email),
            ContactMethod::Phone => format!("Phone: {}", c.phone),
            ContactMethod::SupportWorker => format!("Through support worker: {}", c.support_worker),
        });
    }
    if c.phone_calls_hard {
        how.push("Finds phone calls hard".into());
    }
    rows.push(row("How they can reply", how.join("\n"), Step::Contact));
    let needs: Vec<String> = a
        .access_needs
        .iter()
        .map(|n| match n {
            AccessNeed::LargePrint => "Large print".to_string(),
            AccessNeed::EasyRead => "Easy Read".to_string(),
            AccessNeed::Interpreter => format!("Interpreter: {}", a.interpreter_language),
            AccessNeed::BritishSignLanguage => "British Sign Language".to_string(),
            AccessNeed::Other => a.access_other.clone(),
        })
        .collect();
    rows.push(row("Support needed", needs.join("\n"), Step::Access));

    let back = crate::domain::interview::previous(Step::CheckAnswers, a, model.today)
        .map_or("/".to_string(), |p| Page::Step(p).hash());
    html! {
        <div class="app-narrow">
            {super::components::back_link(format!("#{back}"))}
            <h1 class="app-heading-xl">{"Check your answers"}</h1>
            <p>{"You can change anything before you see the letter."}</p>
            <dl class="app-summary">{ for rows }</dl>
            <a class="app-button" href={format!("#{}", Page::Step(Step::Letter).hash())}>{"See the letter and where to send it"}</a>
        </div>
    }
}
