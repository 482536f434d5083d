//! Every page of the journey: one function per step, each a single question in plain words.
//!
//! Wording follows the person: "What happened?" when they fill it in themselves, "What happened
//! to them?" when someone is helping. Hints say why a question is asked and that most can be
//! left blank. Nothing here decides anything: navigation, validation and routing come from the
//! domain, and every change is an [`Edit`] sent to the reducer.

use super::components::{
    BackLink, Choice, Choices, ErrorSummary, ListenButton, SummaryError, TextField,
};
use super::result;
use super::state::{Action, Model};
use crate::data::data;
use crate::domain::answers::{AccessNeed, ContactMethod, Want, Who};
use crate::domain::interview::{
    previous, Edit, Page, Step, TextField as Field, WhenChoice, YesNoField,
};
use crate::domain::situation::{Nation, PrivateCareKind, Service, ServiceGroup, Stage, YesNo};
use yew::prelude::*;

/// What a page needs: the model and the two ways to change it.
pub struct View<'a> {
    pub model: &'a Model,
    pub edit: Callback<Edit>,
    pub dispatch: Callback<Action>,
}

impl View<'_> {
    fn they(&self) -> bool {
        self.model.answers.is_supporter()
    }

    /// Picks the wording for the person themselves or for a helper.
    fn say(&self, me: &'static str, they: &'static str) -> &'static str {
        if self.they() {
            they
        } else {
            me
        }
    }

    /// The error message for a field, if the last Continue found one.
    fn error(&self, field: &str) -> Option<AttrValue> {
        self.model
            .errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| AttrValue::from(e.message))
    }

    fn text(&self, field: Field) -> AttrValue {
        AttrValue::from(field.get(&self.model.answers).to_string())
    }

    fn on_text(&self, field: Field) -> Callback<String> {
        self.edit.reform(move |text| Edit::Text(field, text))
    }

    /// A text input or box bound to one answer.
    fn text_field(
        &self,
        id: &'static str,
        field: Field,
        label: &str,
        hint: Option<&str>,
    ) -> TextFieldBuilder {
        TextFieldBuilder {
            props: super::components::TextProps {
                id: id.into(),
                label: label.to_string().into(),
                is_page_heading: false,
                hint: hint.map(|h| AttrValue::from(h.to_string())),
                error: self.error(id),
                value: self.text(field),
                on_input: self.on_text(field),
                multiline: false,
                class: Classes::new(),
                autocomplete: None,
                input_type: "text".into(),
                inputmode: None,
                spellcheck: true,
            },
        }
    }

    /// Radios for a yes / no / not sure question.
    fn yes_no(
        &self,
        id: &'static str,
        field: YesNoField,
        legend: &str,
        hint: Option<&str>,
        labels: [&str; 3],
        reveal_yes: Option<Html>,
    ) -> Html {
        let selected = field
            .get(&self.model.answers)
            .map(|v| vec![AttrValue::from(yes_no_id(v))])
            .unwrap_or_default();
        let mut yes = Choice::new("yes", labels[0].to_string());
        if let Some(reveal) = reveal_yes {
            yes = yes.reveal(reveal);
        }
        let choices = vec![
            yes,
            Choice::new("no", labels[1].to_string()),
            Choice::new("not-sure", labels[2].to_string()),
        ];
        let on_choose = self
            .edit
            .reform(move |value: AttrValue| Edit::YesNo(field, yes_no_from(&value)));
        html! {
            <Choices id={id} legend={legend.to_string()} hint={hint.map(|h| AttrValue::from(h.to_string()))}
                error={self.error(id)} {choices} {selected} {on_choose} />
        }
    }
}

/// Builds [`TextField`] props with a few chainable options.
struct TextFieldBuilder {
    props: super::components::TextProps,
}

impl TextFieldBuilder {
    fn heading(mut self) -> Self {
        self.props.is_page_heading = true;
        self
    }
    fn multiline(mut self) -> Self {
        self.props.multiline = true;
        self
    }
    fn class(mut self, class: &'static str) -> Self {
        self.props.class = classes!(class);
        self
    }
    fn autocomplete(mut self, value: &'static str) -> Self {
        self.props.autocomplete = Some(value.into());
        self
    }
    fn input_type(mut self, value: &'static str) -> Self {
        self.props.input_type = value.into();
        self
    }
    fn inputmode(mut self, value: &'static str) -> Self {
        self.props.inputmode = Some(value.into());
        self
    }
    fn no_spellcheck(mut self) -> Self {
        self.props.spellcheck = false;
        self
    }
    fn html(self) -> Html {
        let p = self.props;
        html! {
            <TextField id={p.id} label={p.label} is_page_heading={p.is_page_heading} hint={p.hint}
                error={p.error} value={p.value} on_input={p.on_input} multiline={p.multiline}
                class={p.class} autocomplete={p.autocomplete} input_type={p.input_type}
                inputmode={p.inputmode} spellcheck={p.spellcheck} />
        }
    }
}

fn yes_no_id(value: YesNo) -> &'static str {
    match value {
        YesNo::Yes => "yes",
        YesNo::No => "no",
        YesNo::NotSure => "not-sure",
    }
}

fn yes_no_from(value: &str) -> YesNo {
    match value {
        "yes" => YesNo::Yes,
        "no" => YesNo::No,
        _ => YesNo::NotSure,
    }
}

/// The frame of every question page: Back, "Question x of y", errors, the form and Continue.
fn question_page(v: &View, step: Step, listen: String, body: Html) -> Html {
    let model = v.model;
    let back = if model.from_check {
        Page::Step(Step::CheckAnswers).hash()
    } else {
        previous(step, &model.answers, model.today)
            .map_or("/".to_string(), |p| Page::Step(p).hash())
    };
    let progress = step.progress(&model.answers, model.today);
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
        "Save and go back to your answers"
    } else {
        "Continue"
    };
    html! {
        <div class="app-narrow">
            <BackLink href={format!("#{back}")} />
            if let Some((at, of)) = progress {
                <p class="app-progress">{format!("Question {at} of {of}")}</p>
            }
            <ErrorSummary {errors} />
            <form novalidate=true {onsubmit}>
                {body}
                <div class="app-button-group">
                    <button type="submit" class="app-button">{button}</button>
                    <ListenButton text={listen} />
                </div>
            </form>
        </div>
    }
}

/// The page for one journey step.
pub fn step_page(v: &View, step: Step) -> Html {
    match step {
        Step::Safe => safe(v),
        Step::Who => who(v),
        Step::Supporter => supporter(v),
        Step::Consent => consent(v),
        Step::ConsentShare => consent_share(v),
        Step::SharedComputer => shared_computer(v),
        Step::ServiceGroup => service_group(v),
        Step::Service => service(v),
        Step::PrivateCare => private_care(v),
        Step::Nation => nation(v),
        Step::Area => area(v),
        Step::ServiceName => service_name(v),
        Step::WhatHappened => what_happened(v),
        Step::When => when(v),
        Step::LateReason => late_reason(v),
        Step::Affected => affected(v),
        Step::Wants => wants(v),
        Step::Stage => stage(v),
        Step::AbleToComplain => able_to_complain(v),
        Step::StillReceivingCare => still_receiving_care(v),
        Step::Professional => professional(v),
        Step::Name => name(v),
        Step::Contact => contact(v),
        Step::Access => access(v),
        Step::CheckAnswers => super::summary::check_answers(v),
        Step::Letter => result::letter_page(v),
        Step::Finish => result::finish_page(v),
    }
}

/// The title for the browser tab: the question, then the app's name.
pub fn title(v: &View, page: Page) -> String {
    let heading = match page {
        Page::Start => return "In My Words: complain about a health or care service".into(),
        Page::GetHelp => "Get help now",
        Page::Save => "Save or open a draft",
        Page::NotFound => "Page not found",
        Page::Step(step) => match step {
            Step::Safe => v.say("Are you safe right now?", "Are they safe right now?"),
            Step::Who => "Who is filling this in?",
            Step::Supporter => "About you, the helper",
            Step::Consent => "Have they agreed?",
            Step::ConsentShare => "Sharing information with you",
            Step::SharedComputer => "Shared computer",
            Step::ServiceGroup => "What is the complaint about?",
            Step::Service => "Which is closest?",
            Step::PrivateCare => "What kind of care was it?",
            Step::Nation => "Where did this happen?",
            Step::Area => "Which area?",
            Step::ServiceName => "Name of the service",
            Step::WhatHappened => "What happened?",
            Step::When => "When did it happen?",
            Step::LateReason => "Why complain now?",
            Step::Affected => "How it affected you",
            Step::Wants => "What you want to happen",
            Step::Stage => "Have you already complained?",
            Step::AbleToComplain => "Complaining to them directly",
            Step::StillReceivingCare => "Still getting care",
            Step::Professional => "A concern about one professional",
            Step::Name => v.say("Your name", "Their name"),
            Step::Contact => "How they can reply",
            Step::Access => "Support you need",
            Step::CheckAnswers => "Check your answers",
            Step::Letter => "Your letter and where to send it",
            Step::Finish => "Finish and clear",
        },
    };
    format!("{heading} - In My Words")
}

fn safe(v: &View) -> Html {
    let legend = v.say("Are you safe right now?", "Are they safe right now?");
    let hint = v.say(
        "If you are in danger, or might hurt yourself, we will show you who can help straight away.",
        "If they are in danger, or might hurt themselves, we will show you who can help straight away.",
    );
    let labels = if v.they() {
        [
            "No, they are not safe",
            "Yes, they are safe",
            "I'm not sure",
        ]
    } else {
        ["No, I am not safe", "Yes, I am safe", "I'm not sure"]
    };
    // "Yes" to the question "in danger now?" is the answer "No, I am not safe".
    let body = v.yes_no(
        "in-danger",
        YesNoField::InDanger,
        legend,
        Some(hint),
        labels,
        None,
    );
    question_page(v, Step::Safe, format!("{legend} {hint}"), body)
}

fn who(v: &View) -> Html {
    let selected = match v.model.answers.who {
        Some(Who::Myself) => vec![AttrValue::from("me")],
        Some(Who::HelpingSomeone) => vec![AttrValue::from("helping")],
        None => vec![],
    };
    let choices = vec![
        Choice::new("me", "Me. It is my complaint"),
        Choice::new("helping", "I am helping someone else with their complaint")
            .hint("For example, as their support worker, friend or family member. The letter will still be in their words."),
    ];
    let on_choose = v.edit.reform(|value: AttrValue| {
        Edit::Who(if value == "helping" {
            Who::HelpingSomeone
        } else {
            Who::Myself
        })
    });
    let body = html! {
        <Choices id="who" legend="Who is filling this in?" error={v.error("who")} {choices} {selected} {on_choose} />
    };
    question_page(
        v,
        Step::Who,
        "Who is filling this in? Me, or I am helping someone else.".into(),
        body,
    )
}

fn supporter(v: &View) -> Html {
    let body = html! {
        <>
            <h1 class="app-heading-xl">{"About you, the helper"}</h1>
            <p>{"The letter will be in their words and their name. We ask about you so the service knows who is helping."}</p>
            {v.text_field("supporter-name", Field::SupporterName, "Your name", None).autocomplete("name").no_spellcheck().html()}
            {v.text_field("supporter-role", Field::SupporterRole, "Your role and organisation (optional)", Some("For example, support worker, Brighton Housing Trust")).html()}
            {v.text_field("supporter-contact", Field::SupporterContact, "How the service can contact you (optional)", Some("A phone number or email address")).html()}
            {v.text_field("supporter-notes", Field::SupporterNotes, "Your private notes (optional)", Some("Only you see these. They never go in the letter or any form.")).multiline().html()}
        </>
    };
    question_page(v, Step::Supporter, "About you, the helper. Your name, your role, how the service can contact you, and private notes that never go in the letter.".into(), body)
}

fn consent(v: &View) -> Html {
    let hint = "They need to agree, unless they cannot (for example, because of their health). The service will usually ask them to sign a form. We will make one for you to print.";
    let warning = html! {};
    let body = html! {
        <>
            {v.yes_no("person-agrees", YesNoField::PersonAgrees, "Have they agreed to you helping them complain?", Some(hint),
                ["Yes, they have agreed", "No, not yet", "I'm not sure"], None)}
            if v.model.answers.supporter.person_agrees == Some(YesNo::No) {
                <div class="app-inset">
                    <p>{"Talk to them before you send anything. You can still write the letter together now."}</p>
                    <p>{"If they cannot agree because of their health, the service can explain what to do."}</p>
                </div>
            }
            {warning}
        </>
    };
    question_page(
        v,
        Step::Consent,
        format!("Have they agreed to you helping them complain? {hint}"),
        body,
    )
}

fn consent_share(v: &View) -> Html {
    let hint =
        "This lets the service talk to you about the complaint and send you a copy of its reply.";
    let body = v.yes_no(
        "may-share",
        YesNoField::MayShare,
        "Do they agree that the service can share information about the complaint with you?",
        Some(hint),
        ["Yes", "No", "I'm not sure"],
        None,
    );
    question_page(v, Step::ConsentShare, format!("Do they agree that the service can share information about the complaint with you? {hint}"), body)
}

fn shared_computer(v: &View) -> Html {
    let hint = "For example, at a library, a day centre, or a friend's computer.";
    let reveal = html! {
        <p>{"We will clear everything if this page is left alone for 15 minutes. We will warn you first."}</p>
    };
    let body = v.yes_no(
        "shared-computer",
        YesNoField::SharedComputer,
        "Are you using a shared or public computer?",
        Some(hint),
        ["Yes", "No", "I'm not sure"],
        Some(reveal),
    );
    question_page(
        v,
        Step::SharedComputer,
        format!("Are you using a shared or public computer? {hint}"),
        body,
    )
}

/// A short name for the kind of service, for use inside questions.
fn service_noun(group: Option<ServiceGroup>) -> &'static str {
    match group {
        Some(ServiceGroup::Gp) => "GP practice",
        Some(ServiceGroup::Dentist) => "dental practice",
        Some(ServiceGroup::Pharmacy) => "pharmacy",
        Some(ServiceGroup::Optician) => "optician",
        Some(ServiceGroup::Hospital) => "hospital",
        Some(ServiceGroup::MentalHealth) => "mental health service",
        Some(ServiceGroup::AmbulanceOr111) => "ambulance service or NHS 111",
        Some(ServiceGroup::Prison) => "prison or centre",
        Some(ServiceGroup::CommunityHealth) => "service",
        Some(ServiceGroup::SocialCare) => "council",
        Some(ServiceGroup::DrugAlcoholSexualHealth) => "service",
        Some(ServiceGroup::PrivateCare) => "care provider",
        None => "service",
    }
}

fn group_label(group: ServiceGroup) -> (&'static str, Option<&'static str>) {
    match group {
        ServiceGroup::Gp => (
            "A GP practice (doctor's surgery)",
            Some("Including being refused, taken off the list, or the Special Allocation Scheme"),
        ),
        ServiceGroup::Dentist => (
            "An NHS dentist",
            Some("Including not being able to find one, or urgent dental care"),
        ),
        ServiceGroup::Pharmacy => ("A pharmacy (chemist)", None),
        ServiceGroup::Optician => ("An optician", None),
        ServiceGroup::Hospital => ("A hospital", Some("Including A&E and being sent home")),
        ServiceGroup::MentalHealth => (
            "A mental health service",
            Some("Including crisis teams and the Mental Health Act"),
        ),
        ServiceGroup::AmbulanceOr111 => ("An ambulance, or NHS 111", None),
        ServiceGroup::Prison => (
            "Healthcare in prison or immigration detention",
            Some("Including medicines when leaving prison"),
        ),
        ServiceGroup::CommunityHealth => (
            "A community health service",
            Some("For example, district nurses or a community clinic"),
        ),
        ServiceGroup::SocialCare => (
            "Social care from the council",
            Some("For example, carers at home or a care assessment"),
        ),
        ServiceGroup::DrugAlcoholSexualHealth => ("A drug, alcohol or sexual health service", None),
        ServiceGroup::PrivateCare => (
            "Care that is paid for privately",
            Some("For example, a care home or treatment you pay for yourself"),
        ),
    }
}

fn service_group(v: &View) -> Html {
    let choices: Vec<Choice> = ServiceGroup::ALL
        .iter()
        .map(|g| {
            let (label, hint) = group_label(*g);
            let choice = Choice::new(g.id(), label);
            match hint {
                Some(h) => choice.hint(h),
                None => choice,
            }
        })
        .collect();
    let selected = v
        .model
        .answers
        .service_group
        .map(|g| vec![AttrValue::from(g.id())])
        .unwrap_or_default();
    let on_choose = v.edit.reform(|value: AttrValue| {
        Edit::ServiceGroup(ServiceGroup::from_id(&value).unwrap_or(ServiceGroup::Gp))
    });
    let hint = "If it is about more than one, choose the one that matters most. You can mention the others in your own words.";
    let body = html! {
        <Choices id="service-group" legend="What is the complaint about?" hint={hint} error={v.error("service-group")}
            {choices} {selected} {on_choose} />
    };
    question_page(
        v,
        Step::ServiceGroup,
        format!("What is the complaint about? {hint}"),
        body,
    )
}

fn service_label(service: Service) -> (&'static str, Option<&'static str>) {
    use Service::*;
    match service {
        GpPractice => (
            "Care or treatment at the GP practice",
            Some("For example, appointments, attitude, prescriptions or a diagnosis"),
        ),
        GpRegistrationRefused => (
            "The GP practice would not register me",
            Some("For example, because of no address or no ID"),
        ),
        GpRemovalOrSas => (
            "I was taken off the list, or put on the Special Allocation Scheme",
            None,
        ),
        NhsDentist => ("Care or treatment at the dentist", None),
        NhsDentistCannotGetOne => ("I cannot find an NHS dentist", None),
        UrgentDentalCare => (
            "I could not get urgent dental care",
            Some("For example, when in pain"),
        ),
        Hospital => ("Care on a ward or at a clinic", None),
        HospitalAandE => ("A&E or an urgent treatment centre", None),
        HospitalDischarge => (
            "Being sent home from hospital",
            Some("For example, too early, with nowhere to go, or with no plan"),
        ),
        MentalHealth => ("Care from a mental health team", None),
        MentalHealthCrisis => ("A crisis team, or getting help in a crisis", None),
        MentalHealthDischarge => ("Being discharged with no support or referral", None),
        MentalHealthAct => (
            "Being assessed or kept in hospital under the Mental Health Act",
            Some("Sometimes called being sectioned"),
        ),
        PerinatalMentalHealth => (
            "A perinatal mental health team",
            Some("Mental health care in pregnancy or after a birth"),
        ),
        PrisonHealthcare => ("Healthcare while in prison", None),
        PrisonReleaseMedicines => ("Medicines or care not ready when leaving prison", None),
        ImmigrationDetentionHealthcare => ("Healthcare in an immigration removal centre", None),
        Pharmacy | Optician | AmbulanceOr111 | CommunityHealth | CouncilSocialCare
        | CouncilPublicHealth | PrivatelyFundedCare => (group_label(service.group()).0, None),
    }
}

fn service(v: &View) -> Html {
    let group = v.model.answers.service_group.unwrap_or(ServiceGroup::Gp);
    let choices: Vec<Choice> = group
        .services()
        .iter()
        .map(|s| {
            let (label, hint) = service_label(*s);
            let choice = Choice::new(s.id(), label);
            match hint {
                Some(h) => choice.hint(h),
                None => choice,
            }
        })
        .collect();
    let selected = v
        .model
        .answers
        .situation
        .service
        .map(|s| vec![AttrValue::from(s.id())])
        .unwrap_or_default();
    let on_choose = v.edit.reform(|value: AttrValue| {
        Edit::Service(Service::from_id(&value).unwrap_or(Service::GpPractice))
    });
    let legend = "Which of these is closest?";
    let body = html! {
        <Choices id="service" legend={legend} error={v.error("service")} {choices} {selected} {on_choose} />
    };
    question_page(v, Step::Service, legend.to_string(), body)
}

/// The answer to "What kind of care was it?", for this page and the summary.
pub fn private_care_label(kind: PrivateCareKind) -> &'static str {
    match kind {
        PrivateCareKind::CareHomeOrHomeCare => "A care home, or carers at home",
        PrivateCareKind::Dental => "Dental treatment",
        PrivateCareKind::HospitalOrClinic => "A private hospital or clinic",
        PrivateCareKind::Other => "Something else",
    }
}

fn private_care(v: &View) -> Html {
    let choices: Vec<Choice> = PrivateCareKind::ALL
        .iter()
        .map(|k| Choice::new(k.id(), private_care_label(*k)))
        .collect();
    let selected = v
        .model
        .answers
        .situation
        .private_care
        .map(|k| vec![AttrValue::from(k.id())])
        .unwrap_or_default();
    let on_choose = v.edit.reform(|value: AttrValue| {
        Edit::PrivateCare(PrivateCareKind::from_id(&value).unwrap_or(PrivateCareKind::Other))
    });
    let legend = "What kind of care was paid for privately?";
    let hint =
        "Complaints about private care go to different places depending on the kind of care.";
    let body = html! {
        <Choices id="private-care" legend={legend} hint={hint} {choices} {selected} {on_choose} />
    };
    question_page(v, Step::PrivateCare, format!("{legend} {hint}"), body)
}

fn nation(v: &View) -> Html {
    let choices: Vec<Choice> = Nation::ALL
        .iter()
        .map(|n| Choice::new(n.id(), n.name()))
        .collect();
    let selected = v
        .model
        .answers
        .situation
        .nation
        .map(|n| vec![AttrValue::from(n.id())])
        .unwrap_or_default();
    let on_choose = v.edit.reform(|value: AttrValue| {
        Edit::Nation(Nation::from_id(&value).unwrap_or(Nation::England))
    });
    let hint = "The rules for complaints are different in each part of the UK.";
    let body = html! {
        <Choices id="nation" legend="Where did this happen?" hint={hint} error={v.error("nation")} {choices} {selected} {on_choose} />
    };
    question_page(
        v,
        Step::Nation,
        format!("Where did this happen? {hint}"),
        body,
    )
}

fn area(v: &View) -> Html {
    let answers = &v.model.answers;
    let nation = answers.situation.nation.unwrap_or(Nation::England);
    let choices: Vec<Choice> = data()
        .areas_in(nation)
        .map(|a| Choice::new(a.id.clone(), a.name.clone()))
        .collect();
    let selected = answers
        .situation
        .area
        .clone()
        .map(|a| vec![AttrValue::from(a)])
        .unwrap_or_default();
    let on_choose = v
        .edit
        .reform(|value: AttrValue| Edit::Area(value.to_string()));
    let hint = "This helps us find free local help. We never look anything up online.";
    let found = answers
        .situation
        .area
        .as_deref()
        .and_then(|id| data().area(id));
    let typed = crate::domain::answers::has_text(&answers.area_postcode);
    let body = html! {
        <>
            if choices.is_empty() {
                <h1 class="app-heading-xl">{"Which area was it in?"}</h1>
                <p>{"You do not need to choose an area. We will show you how to find local help."}</p>
            } else {
                <Choices id="area" legend="Which area was it in?" hint={hint} error={v.error("area")} {choices} {selected} {on_choose} />
            }
            {v.text_field("area-postcode", Field::Postcode, "Or type the first part of the postcode (optional)", Some("For example, BN1 or TN34"))
                .class("app-input--short").autocomplete("postal-code").no_spellcheck().html()}
            if typed {
                if let Some(area) = found {
                    <p class="app-inset" role="status">{format!("We have chosen {}.", area.name)}</p>
                }
            }
        </>
    };
    question_page(v, Step::Area, format!("Which area was it in? {hint}"), body)
}

fn service_name(v: &View) -> Html {
    let noun = service_noun(v.model.answers.service_group);
    let label = format!("What is the name of the {noun}?");
    let hint = "If you know it. For example, Seaview Surgery or the Royal Sussex County Hospital. You can leave this blank.";
    let body = v
        .text_field("service-name", Field::ServiceName, &label, Some(hint))
        .heading()
        .html();
    question_page(v, Step::ServiceName, format!("{label} {hint}"), body)
}

fn what_happened(v: &View) -> Html {
    let label = v.say(
        "What happened? Tell us in your own words",
        "What happened? Write it in their own words",
    );
    let hint = v.say(
        "Write it the way you would say it. Your words go into the letter exactly as you write them. You can change them later.",
        "Write it the way they would say it, using their words. It goes into the letter exactly as written. You can change it later.",
    );
    let body = html! {
        <>
            {v.text_field("what-happened", Field::WhatHappened, label, Some(hint)).heading().multiline().class("app-textarea--tall").html()}
            <details class="app-details">
                <summary class="app-details__summary"><span class="app-details__summary-text">{"Need ideas? Things you could say"}</span></summary>
                <div class="app-details__text">
                    <ul class="app-list app-list--bullet">
                        <li>{"Who was involved. Names or jobs are fine, like 'the receptionist'."}</li>
                        <li>{"When and where it happened."}</li>
                        <li>{"What was said or done."}</li>
                        <li>{"What you expected to happen instead."}</li>
                    </ul>
                    <p>{"You do not have to use all of these. Write what matters to you."}</p>
                </div>
            </details>
        </>
    };
    question_page(v, Step::WhatHappened, format!("{label}. {hint}"), body)
}

fn when(v: &View) -> Html {
    let answers = &v.model.answers;
    let choice = answers.when_input.choice;
    let selected = choice
        .map(|c| {
            vec![AttrValue::from(match c {
                WhenChoice::ExactDate => "date",
                WhenChoice::Roughly => "roughly",
                WhenChoice::NotSure => "not-sure",
            })]
        })
        .unwrap_or_default();
    let exact = html! {
        <fieldset class="app-fieldset" role="group" aria-describedby="when-day-hint">
            <legend class="app-fieldset__legend">{"Date"}</legend>
            <div id="when-day-hint" class="app-hint-text">{"For example, 27 3 2025"}</div>
            if let Some(error) = v.error("when-day") {
                <p id="when-day-error" class="app-error-message"><span class="app-visually-hidden">{"Error: "}</span>{error}</p>
            }
            <div class="app-date-input">
                <div class="app-date-input__item">
                    {v.text_field("when-day", Field::WhenDay, "Day", None).class("app-input--short").inputmode("numeric").no_spellcheck().html()}
                </div>
                <div class="app-date-input__item">
                    {v.text_field("when-month", Field::WhenMonth, "Month", None).class("app-input--short").no_spellcheck().html()}
                </div>
                <div class="app-date-input__item app-date-input__item--year">
                    {v.text_field("when-year", Field::WhenYear, "Year", None).class("app-input--short").inputmode("numeric").no_spellcheck().html()}
                </div>
            </div>
        </fieldset>
    };
    let roughly = html! {
        <>
            if let Some(error) = v.error("when-rough-month") {
                <p id="when-rough-month-error" class="app-error-message"><span class="app-visually-hidden">{"Error: "}</span>{error}</p>
            }
            {v.text_field("when-rough-month", Field::RoughMonth, "Month", Some("For example, 3 or March")).class("app-input--medium").no_spellcheck().html()}
            {v.text_field("when-rough-year", Field::RoughYear, "Year", None).class("app-input--short").inputmode("numeric").no_spellcheck().html()}
        </>
    };
    let choices = vec![
        Choice::new("date", "I know the date").reveal(exact),
        Choice::new("roughly", "I know roughly when").reveal(roughly),
        Choice::new("not-sure", "I'm not sure"),
    ];
    let on_choose = v.edit.reform(|value: AttrValue| {
        Edit::WhenChoice(match value.as_str() {
            "date" => WhenChoice::ExactDate,
            "roughly" => WhenChoice::Roughly,
            _ => WhenChoice::NotSure,
        })
    });
    let hint = "Or when you found out about it. This helps us work out the time limits.";
    let body = html! {
        <Choices id="when" legend="When did it happen?" hint={hint} {choices} {selected} {on_choose} />
    };
    question_page(v, Step::When, format!("When did it happen? {hint}"), body)
}

fn late_reason(v: &View) -> Html {
    let label = v.say(
        "Why are you complaining now? (optional)",
        "Why are they complaining now? (optional)",
    );
    let hint = "It was more than 12 months ago. A service can still look at it if there was a good reason for the wait, for example being unwell, in prison, homeless or grieving.";
    let body = v
        .text_field("late-reason", Field::LateReason, label, Some(hint))
        .heading()
        .multiline()
        .html();
    question_page(v, Step::LateReason, format!("{label} {hint}"), body)
}

fn affected(v: &View) -> Html {
    let label = v.say(
        "How has this affected you? (optional)",
        "How has this affected them? (optional)",
    );
    let hint = "For example, health, feelings, money or everyday life. This goes into the letter as written.";
    let body = v
        .text_field("how-it-affected", Field::HowItAffected, label, Some(hint))
        .heading()
        .multiline()
        .html();
    question_page(v, Step::Affected, format!("{label} {hint}"), body)
}

fn want_label(want: Want) -> &'static str {
    match want {
        Want::Apology => "An apology",
        Want::Explanation => "An explanation of what went wrong",
        Want::SasReview => "To be part of a review of my place on the Special Allocation Scheme",
        Want::AppointmentOrPrescription => "An appointment or prescription sorted out",
        Want::ChangeForOthers => "A change, so it does not happen to other people",
        Want::Meeting => "A meeting to talk about it",
        Want::SomethingElse => "Something else",
    }
}

fn wants(v: &View) -> Html {
    let answers = &v.model.answers;
    let sas = answers.situation.service == Some(Service::GpRemovalOrSas);
    let choices: Vec<Choice> = Want::ALL
        .iter()
        .filter(|w| **w != Want::SasReview || sas || answers.wants.contains(w))
        .map(|w| {
            let choice = Choice::new(w.id(), want_label(*w));
            if *w == Want::SomethingElse {
                choice.reveal(
                    v.text_field(
                        "want-other",
                        Field::WantOther,
                        "What else would you like to happen?",
                        None,
                    )
                    .multiline()
                    .html(),
                )
            } else {
                choice
            }
        })
        .collect();
    let selected: Vec<AttrValue> = answers
        .wants
        .iter()
        .map(|w| AttrValue::from(w.id()))
        .collect();
    let on_choose = v.edit.reform(|value: AttrValue| {
        Edit::ToggleWant(
            Want::ALL
                .into_iter()
                .find(|w| w.id() == value)
                .unwrap_or(Want::SomethingElse),
        )
    });
    let legend = v.say(
        "What would you like to happen?",
        "What would they like to happen?",
    );
    let body = html! {
        <Choices id="wants" legend={legend} hint="Choose all that apply." multiple=true {choices} {selected} {on_choose} />
    };
    question_page(
        v,
        Step::Wants,
        format!("{legend} Choose all that apply."),
        body,
    )
}

fn stage_label(stage: Stage) -> (&'static str, Option<&'static str>) {
    match stage {
        Stage::NotRaised => ("No, not yet", None),
        Stage::RaisedInformally => (
            "I told staff or PALS, but did not make a formal complaint",
            Some("PALS is the patient advice service in hospitals"),
        ),
        Stage::NoAcknowledgement => ("Yes, but nobody has replied", None),
        Stage::NoResponseInTime => (
            "Yes, they said they got it, but have not answered in the time they gave",
            None,
        ),
        Stage::FinalResponseUnhappy => (
            "Yes, I got their final answer and I am not happy with it",
            None,
        ),
        Stage::WithOmbudsman => (
            "It is already with an ombudsman",
            Some("An ombudsman is the independent final step"),
        ),
    }
}

fn stage(v: &View) -> Html {
    let choices: Vec<Choice> = Stage::ALL
        .iter()
        .map(|s| {
            let (label, hint) = stage_label(*s);
            let choice = Choice::new(s.id(), label);
            match hint {
                Some(h) => choice.hint(h),
                None => choice,
            }
        })
        .collect();
    let selected = v
        .model
        .answers
        .situation
        .stage
        .map(|s| vec![AttrValue::from(s.id())])
        .unwrap_or_default();
    let on_choose = v
        .edit
        .reform(|value: AttrValue| Edit::Stage(Stage::from_id(&value).unwrap_or(Stage::NotRaised)));
    let legend = v.say(
        "Have you already complained about this?",
        "Have they already complained about this?",
    );
    let body = html! {
        <Choices id="stage" legend={legend} {choices} {selected} {on_choose} />
    };
    question_page(v, Step::Stage, legend.to_string(), body)
}

fn able_to_complain(v: &View) -> Html {
    let noun = service_noun(v.model.answers.service_group);
    let legend = if v.they() {
        format!("Do they feel able to complain to the {noun} directly?")
    } else {
        format!("Do you feel able to complain to the {noun} directly?")
    };
    let hint = "If not, there is often another organisation you can complain to instead.";
    let body = v.yes_no(
        "able-to-complain",
        YesNoField::AbleToComplain,
        &legend,
        Some(hint),
        ["Yes", "No", "I'm not sure"],
        None,
    );
    question_page(v, Step::AbleToComplain, format!("{legend} {hint}"), body)
}

fn still_receiving_care(v: &View) -> Html {
    let legend = v.say(
        "Are you still getting care from them?",
        "Are they still getting care from them?",
    );
    let hint = "If something needs sorting out now, there may be a quicker way to get help.";
    let body = v.yes_no(
        "still-getting-care",
        YesNoField::StillReceivingCare,
        legend,
        Some(hint),
        ["Yes", "No", "I'm not sure"],
        None,
    );
    question_page(
        v,
        Step::StillReceivingCare,
        format!("{legend} {hint}"),
        body,
    )
}

fn professional(v: &View) -> Html {
    let legend = "Is this also a serious concern about one health professional?";
    let hint = "For example, a doctor, nurse or pharmacist who may not be safe to work. If so, you can also tell the organisation that registers them. Most complaints do not need this.";
    let body = v.yes_no(
        "concern-about-a-professional",
        YesNoField::FitnessToPractise,
        legend,
        Some(hint),
        ["Yes", "No", "I'm not sure"],
        None,
    );
    question_page(v, Step::Professional, format!("{legend} {hint}"), body)
}

fn name(v: &View) -> Html {
    let label = v.say("What is your name?", "What is their name?");
    let hint = "As it should appear on the letter. The service needs it to find the records.";
    let body = html! {
        <>
            {v.text_field("name", Field::Name, label, Some(hint)).heading().autocomplete("name").no_spellcheck().html()}
            {v.text_field("date-of-birth", Field::DateOfBirth, "Date of birth (optional)", Some("This helps them find the right records. For example, 27 3 1985"))
                .class("app-input--medium").autocomplete("bday").no_spellcheck().html()}
        </>
    };
    question_page(v, Step::Name, format!("{label} {hint}"), body)
}

fn contact(v: &View) -> Html {
    let answers = &v.model.answers;
    let reveal = |method: ContactMethod| -> Html {
        match method {
            ContactMethod::Post => v
                .text_field("contact-address", Field::Address, "Address", None)
                .multiline()
                .autocomplete("street-address")
                .html(),
            ContactMethod::CareOf => html! {
                <>
                    {v.text_field("contact-care-of-name", Field::CareOfName, "Name of the hostel, day centre or service", None).html()}
                    {v.text_field("contact-care-of-address", Field::CareOfAddress, "Its address", None).multiline().html()}
                </>
            },
            ContactMethod::Email => v
                .text_field("contact-email", Field::Email, "Email address", None)
                .input_type("email")
                .autocomplete("email")
                .no_spellcheck()
                .html(),
            ContactMethod::Phone => v
                .text_field("contact-phone", Field::Phone, "Phone number", None)
                .input_type("tel")
                .autocomplete("tel")
                .no_spellcheck()
                .html(),
            ContactMethod::SupportWorker => v
                .text_field(
                    "contact-support-worker",
                    Field::SupportWorker,
                    "Support worker's name, service and phone number",
                    None,
                )
                .multiline()
                .html(),
        }
    };
    let label = |method: ContactMethod| match method {
        ContactMethod::Post => "By post, to my address",
        ContactMethod::CareOf => "By post, care of a hostel, day centre or service",
        ContactMethod::Email => "By email",
        ContactMethod::Phone => "By phone or text",
        ContactMethod::SupportWorker => "Through my support worker",
    };
    let choices: Vec<Choice> = ContactMethod::ALL
        .iter()
        .map(|m| Choice::new(m.id(), label(*m)).reveal(reveal(*m)))
        .collect();
    let selected: Vec<AttrValue> = answers
        .contact
        .methods
        .iter()
        .map(|m| AttrValue::from(m.id()))
        .collect();
    let on_choose = v.edit.reform(|value: AttrValue| {
        Edit::ToggleContact(
            ContactMethod::ALL
                .into_iter()
                .find(|m| m.id() == value)
                .unwrap_or(ContactMethod::Post),
        )
    });
    let legend = v.say(
        "How can they reply to you?",
        "How can the service reply to them?",
    );
    let hint = "Choose all that work. If there is no fixed address, a hostel, day centre or support service can take post.";
    let phone_hard = answers.contact.phone_calls_hard;
    let on_phone = v
        .edit
        .reform(move |_: AttrValue| Edit::PhoneCallsHard(!phone_hard));
    let phone_selected = if phone_hard {
        vec![AttrValue::from("phone-hard")]
    } else {
        vec![]
    };
    let phone_choice = vec![Choice::new(
        "phone-hard",
        v.say(
            "I find phone calls hard, please write to me",
            "They find phone calls hard, please write instead",
        ),
    )];
    let body = html! {
        <>
            <Choices id="contact" legend={legend} hint={hint} error={v.error("contact")} multiple=true {choices} {selected} {on_choose} />
            <Choices id="phone-hard" legend="Phone calls" is_page_heading=false multiple=true choices={phone_choice} selected={phone_selected} on_choose={on_phone} />
        </>
    };
    question_page(v, Step::Contact, format!("{legend} {hint}"), body)
}

fn access(v: &View) -> Html {
    let answers = &v.model.answers;
    let label = |need: AccessNeed| match need {
        AccessNeed::LargePrint => "Large print",
        AccessNeed::EasyRead => "Easy Read",
        AccessNeed::Interpreter => "An interpreter",
        AccessNeed::BritishSignLanguage => "British Sign Language (BSL)",
        AccessNeed::Other => "Something else",
    };
    let choices: Vec<Choice> = AccessNeed::ALL
        .iter()
        .map(|n| {
            let choice = Choice::new(n.id(), label(*n));
            match n {
                AccessNeed::Interpreter => choice.reveal(
                    v.text_field(
                        "interpreter-language",
                        Field::InterpreterLanguage,
                        "Which language?",
                        None,
                    )
                    .class("app-input--medium")
                    .html(),
                ),
                AccessNeed::Other => choice.reveal(
                    v.text_field("access-other", Field::AccessOther, "What would help?", None)
                        .multiline()
                        .html(),
                ),
                _ => choice,
            }
        })
        .collect();
    let selected: Vec<AttrValue> = answers
        .access_needs
        .iter()
        .map(|n| AttrValue::from(n.id()))
        .collect();
    let on_choose = v.edit.reform(|value: AttrValue| {
        Edit::ToggleAccess(
            AccessNeed::ALL
                .into_iter()
                .find(|n| n.id() == value)
                .unwrap_or(AccessNeed::Other),
        )
    });
    let legend = v.say(
        "Do you need anything to help you take part?",
        "Do they need anything to help them take part?",
    );
    let hint = "Services must make reasonable changes so everyone can take part. Choose any that apply, or none.";
    let body = html! {
        <Choices id="access" legend={legend} hint={hint} error={v.error("access")} multiple=true {choices} {selected} {on_choose} />
    };
    question_page(v, Step::Access, format!("{legend} {hint}"), body)
}

/// A page for an address that is not part of the journey.
pub fn not_found() -> Html {
    html! {
        <div class="app-narrow">
            <h1 class="app-heading-xl">{"Page not found"}</h1>
            <p>{"If you typed the address, check it is correct."}</p>
            <p><a href="#/">{"Go to the start"}</a></p>
        </div>
    }
}

/// The answer to "What is it about?" for the summary page.
pub fn service_summary(service: Service) -> &'static str {
    service_label(service).0
}

/// A chosen outcome, for the summary page.
pub fn want_summary(want: Want) -> &'static str {
    want_label(want)
}

/// The complaint's stage, for the summary page.
pub fn stage_summary(stage: Stage) -> &'static str {
    stage_label(stage).0
}
