//! Every page of the journey: one question per page, in plain words.
//!
//! The questions are **data**: a table of [`Question`]s with their wording for the person
//! ("What happened?") and for someone helping them ("What happened to them?"), their options and
//! the fields revealed under an option. One renderer draws them all. That keeps the wording in
//! one place and keeps the download small: a page described as data costs a few hundred bytes,
//! where a page written as markup code cost several kilobytes.
//!
//! Nothing here decides anything: navigation, validation and routing come from the domain, and
//! every change is an [`Edit`] sent to the reducer.

use super::components::{
    back_link, choices, described_by, error_message, error_summary, group_class, hint_text,
    text_field, Choice, ChoicesProps, SummaryError, TextProps,
};
use super::result;
use super::state::{Action, Model};
use crate::data::journey;
use crate::domain::answers::{has_text, AccessNeed, ContactMethod, Want, Who};
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

/// Wording for the person themselves, and for someone helping them.
#[derive(Clone, Copy)]
pub struct Words {
    pub me: &'static str,
    pub they: &'static str,
}

/// The same wording whoever is filling it in.
const fn same(text: &'static str) -> Words {
    Words {
        me: text,
        they: text,
    }
}

/// Different wording for the person and for a helper.
const fn two(me: &'static str, they: &'static str) -> Words {
    Words { me, they }
}

/// A text field revealed under an option, or shown on a text page.
#[derive(Clone, Copy)]
pub struct FieldSpec {
    pub id: &'static str,
    pub field: Field,
    pub label: Words,
    pub hint: Option<&'static str>,
    pub multiline: bool,
    /// Extra class for the input, e.g. `app-input--short`; empty for none.
    pub class: &'static str,
    pub input_type: &'static str,
    pub autocomplete: Option<&'static str>,
    pub inputmode: Option<&'static str>,
    pub spellcheck: bool,
}

const fn field(id: &'static str, field: Field, label: Words) -> FieldSpec {
    FieldSpec {
        id,
        field,
        label,
        hint: None,
        multiline: false,
        class: "",
        input_type: "text",
        autocomplete: None,
        inputmode: None,
        spellcheck: true,
    }
}

/// One option of a choice question.
#[derive(Clone, Copy)]
pub struct Opt {
    pub value: &'static str,
    pub label: Words,
    pub hint: Option<&'static str>,
    /// Fields shown under this option while it is chosen.
    pub reveal: &'static [FieldSpec],
}

const fn opt(value: &'static str, label: &'static str) -> Opt {
    Opt {
        value,
        label: same(label),
        hint: None,
        reveal: &[],
    }
}

const fn opt_hint(value: &'static str, label: &'static str, hint: &'static str) -> Opt {
    Opt {
        value,
        label: same(label),
        hint: Some(hint),
        reveal: &[],
    }
}

/// A question on its own page: the legend or label is the page's heading.
pub struct Question {
    pub id: &'static str,
    pub title: Words,
    pub hint: Option<Words>,
    pub body: Body,
}

/// How a question is answered.
pub enum Body {
    /// Radios (one) or checkboxes (any).
    Choose {
        options: &'static [Opt],
        multiple: bool,
    },
    /// One text field, its label the heading.
    Text(FieldSpec),
    /// A page with its own layout (several fields, or options from the data).
    Custom,
}

const YES_NO_SURE: &[Opt] = &[
    opt("yes", "Yes"),
    opt("no", "No"),
    opt("not-sure", "I'm not sure"),
];

/// "Are you safe?" stores whether they are in danger, so "Yes, I am safe" is the value "no".
const SAFE: &[Opt] = &[
    Opt {
        value: "no",
        label: two("Yes, I am safe", "Yes, they are safe"),
        hint: None,
        reveal: &[],
    },
    Opt {
        value: "yes",
        label: two("No, I am not safe", "No, they are not safe"),
        hint: None,
        reveal: &[],
    },
    opt("not-sure", "I'm not sure"),
];

const WHO: &[Opt] = &[
    opt("me", "Me. It is my complaint"),
    opt_hint("helping", "I am helping someone else with their complaint", "For example, as their support worker, friend or family member. The letter will still be in their words."),
];

const AGREED: &[Opt] = &[
    opt("yes", "Yes, they have agreed"),
    opt("no", "No, not yet"),
    opt("not-sure", "I'm not sure"),
];

const SERVICE_GROUPS: &[Opt] = &[
    opt_hint(
        "gp",
        "A GP practice (doctor's surgery)",
        "Including being refused, taken off the list, or the Special Allocation Scheme",
    ),
    opt_hint(
        "dentist",
        "An NHS dentist",
        "Including not being able to find one, or urgent dental care",
    ),
    opt("pharmacy", "A pharmacy (chemist)"),
    opt("optician", "An optician"),
    opt_hint(
        "hospital",
        "A hospital",
        "Including A&E and being sent home",
    ),
    opt_hint(
        "mental-health",
        "A mental health service",
        "Including crisis teams and the Mental Health Act",
    ),
    opt("ambulance-or-111", "An ambulance, or NHS 111"),
    opt_hint(
        "prison",
        "Healthcare in prison or immigration detention",
        "Including medicines when leaving prison",
    ),
    opt_hint(
        "community-health",
        "A community health service",
        "For example, district nurses or a community clinic",
    ),
    opt_hint(
        "social-care",
        "Social care from the council",
        "For example, carers at home or a care assessment",
    ),
    opt(
        "drug-alcohol-sexual-health",
        "A drug, alcohol or sexual health service",
    ),
    opt_hint(
        "private-care",
        "Care that is paid for privately",
        "For example, a care home or treatment you pay for yourself",
    ),
];

/// The specific services, by id, with the words used on the page and in the summary.
const SERVICES: &[Opt] = &[
    opt_hint(
        "gp-practice",
        "Care or treatment at the GP practice",
        "For example, appointments, attitude, prescriptions or a diagnosis",
    ),
    Opt {
        value: "gp-registration-refused",
        label: two(
            "The GP practice would not register me",
            "The GP practice would not register them",
        ),
        hint: Some("For example, because of no address or no ID"),
        reveal: &[],
    },
    Opt {
        value: "gp-removal-or-sas",
        label: two(
            "I was taken off the list, or put on the Special Allocation Scheme",
            "They were taken off the list, or put on the Special Allocation Scheme",
        ),
        hint: None,
        reveal: &[],
    },
    opt("nhs-dentist", "Care or treatment at the dentist"),
    Opt {
        value: "nhs-dentist-cannot-get-one",
        label: two(
            "I cannot find an NHS dentist",
            "They cannot find an NHS dentist",
        ),
        hint: None,
        reveal: &[],
    },
    opt_hint(
        "urgent-dental-care",
        "Could not get urgent dental care",
        "For example, when in pain",
    ),
    opt("hospital", "Care on a ward or at a clinic"),
    opt("hospital-a-and-e", "A&E or an urgent treatment centre"),
    opt_hint(
        "hospital-discharge",
        "Being sent home from hospital",
        "For example, too early, with nowhere to go, or with no plan",
    ),
    opt("mental-health", "Care from a mental health team"),
    opt(
        "mental-health-crisis",
        "A crisis team, or getting help in a crisis",
    ),
    opt(
        "mental-health-discharge",
        "Being discharged with no support or referral",
    ),
    opt_hint(
        "mental-health-act",
        "Being assessed or kept in hospital under the Mental Health Act",
        "Sometimes called being sectioned",
    ),
    opt_hint(
        "perinatal-mental-health",
        "A perinatal mental health team",
        "Mental health care in pregnancy or after a birth",
    ),
    opt("prison-healthcare", "Healthcare while in prison"),
    opt(
        "prison-release-medicines",
        "Medicines or care not ready when leaving prison",
    ),
    opt(
        "immigration-detention-healthcare",
        "Healthcare in an immigration removal centre",
    ),
];

const PRIVATE_CARE: &[Opt] = &[
    opt("care-home-or-home-care", "A care home, or carers at home"),
    opt("dental", "Dental treatment"),
    opt("hospital-or-clinic", "A private hospital or clinic"),
    opt("other", "Something else"),
];

const WHEN: &[Opt] = &[
    Opt {
        value: "date",
        label: same("I know the date"),
        hint: None,
        reveal: &[],
    }, // the date fields are drawn by `when_dates`
    Opt {
        value: "roughly",
        label: same("I know roughly when"),
        hint: None,
        reveal: &[
            FieldSpec {
                hint: Some("For example, 3 or March"),
                class: "app-input--medium",
                spellcheck: false,
                ..field("when-rough-month", Field::RoughMonth, same("Month"))
            },
            FieldSpec {
                class: "app-input--short",
                inputmode: Some("numeric"),
                spellcheck: false,
                ..field("when-rough-year", Field::RoughYear, same("Year"))
            },
        ],
    },
    opt("not-sure", "I'm not sure"),
];

const WANTS: &[Opt] = &[
    opt("apology", "An apology"),
    opt("explanation", "An explanation of what went wrong"),
    Opt {
        value: "sas-review",
        label: two(
            "To be part of a review of my place on the Special Allocation Scheme",
            "To be part of a review of their place on the Special Allocation Scheme",
        ),
        hint: None,
        reveal: &[],
    },
    opt(
        "appointment-or-prescription",
        "An appointment or prescription sorted out",
    ),
    opt(
        "change-for-others",
        "A change, so it does not happen to other people",
    ),
    opt("meeting", "A meeting to talk about it"),
    Opt {
        value: "something-else",
        label: same("Something else"),
        hint: None,
        reveal: &[FieldSpec {
            multiline: true,
            ..field(
                "want-other",
                Field::WantOther,
                same("What else would you like to happen?"),
            )
        }],
    },
];

const STAGES: &[Opt] = &[
    opt("not-raised", "No, not yet"),
    opt_hint(
        "raised-informally",
        "I told staff or PALS, but did not make a formal complaint",
        "PALS is the patient advice service in hospitals",
    ),
    opt("no-acknowledgement", "Yes, but nobody has replied"),
    opt(
        "no-response-in-time",
        "Yes, they said they got it, but have not answered in the time they gave",
    ),
    opt(
        "final-response-unhappy",
        "Yes, I got their final answer and I am not happy with it",
    ),
    opt_hint(
        "with-ombudsman",
        "It is already with an ombudsman",
        "An ombudsman is the independent final step",
    ),
];

const CONTACT: &[Opt] = &[
    Opt {
        value: "post",
        label: two("By post, to my address", "By post, to their address"),
        hint: None,
        reveal: &[FieldSpec {
            multiline: true,
            autocomplete: Some("street-address"),
            ..field("contact-address", Field::Address, same("Address"))
        }],
    },
    Opt {
        value: "care-of",
        label: same("By post, care of a hostel, day centre or service"),
        hint: None,
        reveal: &[
            field(
                "contact-care-of-name",
                Field::CareOfName,
                same("Name of the hostel, day centre or service"),
            ),
            FieldSpec {
                multiline: true,
                ..field(
                    "contact-care-of-address",
                    Field::CareOfAddress,
                    same("Its address"),
                )
            },
        ],
    },
    Opt {
        value: "email",
        label: same("By email"),
        hint: None,
        reveal: &[FieldSpec {
            input_type: "email",
            autocomplete: Some("email"),
            spellcheck: false,
            ..field("contact-email", Field::Email, same("Email address"))
        }],
    },
    Opt {
        value: "phone",
        label: same("By phone or text"),
        hint: None,
        reveal: &[FieldSpec {
            input_type: "tel",
            autocomplete: Some("tel"),
            spellcheck: false,
            ..field("contact-phone", Field::Phone, same("Phone number"))
        }],
    },
    Opt {
        value: "support-worker",
        label: two("Through my support worker", "Through their support worker"),
        hint: None,
        reveal: &[FieldSpec {
            multiline: true,
            ..field(
                "contact-support-worker",
                Field::SupportWorker,
                same("Support worker's name, service and phone number"),
            )
        }],
    },
];

const PHONE_HARD: &[Opt] = &[Opt {
    value: "phone-hard",
    label: two(
        "I find phone calls hard, please write to me",
        "They find phone calls hard, please write instead",
    ),
    hint: None,
    reveal: &[],
}];

const ACCESS: &[Opt] = &[
    opt("large-print", "Large print"),
    opt("easy-read", "Easy Read"),
    Opt {
        value: "interpreter",
        label: same("An interpreter"),
        hint: None,
        reveal: &[FieldSpec {
            class: "app-input--medium",
            ..field(
                "interpreter-language",
                Field::InterpreterLanguage,
                same("Which language?"),
            )
        }],
    },
    opt("bsl", "British Sign Language (BSL)"),
    Opt {
        value: "other",
        label: same("Something else"),
        hint: None,
        reveal: &[FieldSpec {
            multiline: true,
            ..field("access-other", Field::AccessOther, same("What would help?"))
        }],
    },
];

/// The question on each step's page.
pub fn question(step: Step) -> Question {
    let choose = |options, multiple| Body::Choose { options, multiple };
    let (id, title, hint, body) = match step {
        Step::Safe => (
            "in-danger",
            two("Are you safe right now?", "Are they safe right now?"),
            Some(two(
                "If you are in danger, or might hurt yourself, we will show you who can help straight away.",
                "If they are in danger, or might hurt themselves, we will show you who can help straight away.",
            )),
            choose(SAFE, false),
        ),
        Step::Who => (
            "who",
            same("Who is filling this in?"),
            None,
            choose(WHO, false),
        ),
        Step::Supporter => ("supporter-name", same("About you, the helper"), None, Body::Custom),
        Step::Consent => (
            "person-agrees",
            same("Have they agreed to you helping them complain?"),
            Some(same("They need to agree, unless they cannot (for example, because of their health). The service will usually ask them to sign a form. We will make one for you to print.")),
            choose(AGREED, false),
        ),
        Step::ConsentShare => (
            "may-share",
            same("Do they agree that the service can share information about the complaint with you?"),
            Some(same("This lets the service talk to you about the complaint and send you a copy of its reply.")),
            choose(YES_NO_SURE, false),
        ),
        Step::SharedComputer => (
            "shared-computer",
            same("Are you using a shared or public computer?"),
            Some(same("For example, at a library, a day centre, or a friend's computer. If you say yes or you are not sure, we will clear everything if the page is left alone for 15 minutes, and warn you first.")),
            choose(YES_NO_SURE, false),
        ),
        Step::ServiceGroup => (
            "service-group",
            same("What is the complaint about?"),
            Some(same("If it is about more than one, choose the one that matters most. You can mention the others in your own words.")),
            choose(SERVICE_GROUPS, false),
        ),
        Step::Service => ("service", same("Which of these is closest?"), None, Body::Custom),
        Step::PrivateCare => (
            "private-care",
            same("What kind of care was paid for privately?"),
            Some(same("Complaints about private care go to different places depending on the kind of care.")),
            choose(PRIVATE_CARE, false),
        ),
        Step::Nation => ("nation", same("Where did this happen?"), Some(same("The rules for complaints are different in each part of the UK.")), Body::Custom),
        Step::Area => ("area", same("Which area was it in?"), Some(same("This helps us find free local help. We never look anything up online.")), Body::Custom),
        Step::ServiceName => ("service-name", same("What is the name of the service?"), None, Body::Custom),
        Step::WhatHappened => (
            "what-happened",
            two("What happened? Tell us in your own words", "What happened? Write it in their own words"),
            Some(two(
                "Write it the way you would say it. Your words go into the letter exactly as you write them. You can change them later.",
                "Write it the way they would say it, using their words. It goes into the letter exactly as written. You can change it later.",
            )),
            Body::Text(FieldSpec { multiline: true, class: "app-textarea--tall", ..field("what-happened", Field::WhatHappened, same("")) }),
        ),
        Step::When => (
            "when",
            same("When did it happen?"),
            Some(same("Or when you found out about it. This helps us work out the time limits.")),
            choose(WHEN, false),
        ),
        Step::LateReason => (
            "late-reason",
            two("Why are you complaining now? (optional)", "Why are they complaining now? (optional)"),
            Some(same("The usual time limit for complaints has passed. A service can still look at it if there was a good reason for the wait, for example being unwell, in prison, homeless or grieving.")),
            Body::Text(FieldSpec { multiline: true, ..field("late-reason", Field::LateReason, same("")) }),
        ),
        Step::Affected => (
            "how-it-affected",
            two("How has this affected you? (optional)", "How has this affected them? (optional)"),
            Some(same("For example, health, feelings, money or everyday life. This goes into the letter as written.")),
            Body::Text(FieldSpec { multiline: true, ..field("how-it-affected", Field::HowItAffected, same("")) }),
        ),
        Step::Wants => (
            "wants",
            two("What would you like to happen?", "What would they like to happen?"),
            Some(same("Choose all that apply.")),
            choose(WANTS, true),
        ),
        Step::Stage => (
            "stage",
            two("Have you already complained about this?", "Have they already complained about this?"),
            None,
            choose(STAGES, false),
        ),
        Step::AbleToComplain => (
            "able-to-complain",
            two("Do you feel able to complain to the service directly?", "Do they feel able to complain to the service directly?"),
            Some(same("If not, there is often another organisation you can complain to instead.")),
            choose(YES_NO_SURE, false),
        ),
        Step::StillReceivingCare => (
            "still-getting-care",
            two("Are you still getting care from them?", "Are they still getting care from them?"),
            Some(same("If something needs sorting out now, there may be a quicker way to get help.")),
            choose(YES_NO_SURE, false),
        ),
        Step::Professional => (
            "concern-about-a-professional",
            same("Is this also a serious concern about one health professional?"),
            Some(same("For example, a doctor, nurse or pharmacist who may not be safe to work. If so, you can also tell the organisation that registers them. Most complaints do not need this.")),
            choose(YES_NO_SURE, false),
        ),
        Step::Name => ("name", two("What is your name?", "What is their name?"), Some(same("As it should appear on the letter. The service needs it to find the records.")), Body::Custom),
        Step::Contact => (
            "contact",
            two("How can they reply to you?", "How can the service reply to them?"),
            Some(same("Choose all that work. If there is no fixed address, a hostel, day centre or support service can take post.")),
            choose(CONTACT, true),
        ),
        Step::Access => (
            "access",
            two("Do you need anything to help you take part?", "Do they need anything to help them take part?"),
            Some(same("Services must make reasonable changes so everyone can take part. Choose any that apply, or none.")),
            choose(ACCESS, true),
        ),
        Step::CheckAnswers => ("", same("Check your answers"), None, Body::Custom),
        Step::Letter => ("", same("Your letter and where to send it"), None, Body::Custom),
        Step::Finish => ("", same("Finish and clear"), None, Body::Custom),
    };
    Question {
        id,
        title,
        hint,
        body,
    }
}

impl View<'_> {
    fn they(&self) -> bool {
        self.model.answers.is_supporter()
    }

    /// Picks the wording for the person themselves or for a helper.
    pub fn say(&self, words: Words) -> &'static str {
        if self.they() {
            words.they
        } else {
            words.me
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

    /// Props for a text field bound to one answer.
    fn field_props(&self, spec: &FieldSpec) -> TextProps {
        let field = spec.field;
        TextProps {
            is_page_heading: false,
            hint: spec.hint.map(AttrValue::from),
            error: self.error(spec.id),
            multiline: spec.multiline,
            class: classes!((!spec.class.is_empty()).then_some(spec.class)),
            // A purpose helps a person fill in their own details on their own device; on a shared
            // computer (or when they were not sure) the browser is told to remember nothing.
            autocomplete: spec
                .autocomplete
                .filter(|_| self.model.answers.shared_computer == Some(YesNo::No))
                .map(AttrValue::from),
            input_type: spec.input_type,
            inputmode: spec.inputmode.map(AttrValue::from),
            spellcheck: spec.spellcheck,
            ..TextProps::new(
                spec.id,
                self.say(spec.label),
                field.get(&self.model.answers).to_string(),
                self.edit.reform(move |text| Edit::Text(field, text)),
            )
        }
    }

    fn field(&self, spec: &FieldSpec) -> Html {
        text_field(&self.field_props(spec))
    }
}

/// The values chosen so far for a step's choice question.
fn selected(step: Step, answers: &crate::domain::answers::Answers) -> Vec<&'static str> {
    let s = &answers.situation;
    let yes_no = |value: Option<YesNo>| value.map(yes_no_id).into_iter().collect();
    match step {
        Step::Safe => yes_no(s.in_danger_now),
        Step::Who => answers
            .who
            .map(|w| {
                if w == Who::HelpingSomeone {
                    "helping"
                } else {
                    "me"
                }
            })
            .into_iter()
            .collect(),
        Step::Consent => yes_no(answers.supporter.person_agrees),
        Step::ConsentShare => yes_no(answers.supporter.may_share_with_supporter),
        Step::SharedComputer => yes_no(answers.shared_computer),
        Step::ServiceGroup => answers.service_group.map(|g| g.id()).into_iter().collect(),
        Step::Service => s.service.map(|x| x.id()).into_iter().collect(),
        Step::PrivateCare => s.private_care.map(|k| k.id()).into_iter().collect(),
        Step::Nation => s.nation.map(|n| n.id()).into_iter().collect(),
        Step::When => answers
            .when_input
            .choice
            .map(|c| match c {
                WhenChoice::ExactDate => "date",
                WhenChoice::Roughly => "roughly",
                WhenChoice::NotSure => "not-sure",
            })
            .into_iter()
            .collect(),
        Step::Wants => answers.wants.iter().map(|w| w.id()).collect(),
        Step::Stage => s.stage.map(|x| x.id()).into_iter().collect(),
        Step::AbleToComplain => yes_no(s.able_to_complain_to_service),
        Step::StillReceivingCare => yes_no(s.still_receiving_care),
        Step::Professional => yes_no(s.fitness_to_practise_concern),
        Step::Contact => answers.contact.methods.iter().map(|m| m.id()).collect(),
        Step::Access => answers.access_needs.iter().map(|n| n.id()).collect(),
        _ => Vec::new(),
    }
}

/// The edit made by choosing `value` on a step's choice question.
fn choose(step: Step, value: &str) -> Option<Edit> {
    let yes_no = |field| Some(Edit::YesNo(field, yes_no_from(value)));
    match step {
        Step::Safe => yes_no(YesNoField::InDanger),
        Step::Who => Some(Edit::Who(if value == "helping" {
            Who::HelpingSomeone
        } else {
            Who::Myself
        })),
        Step::Consent => yes_no(YesNoField::PersonAgrees),
        Step::ConsentShare => yes_no(YesNoField::MayShare),
        Step::SharedComputer => yes_no(YesNoField::SharedComputer),
        Step::ServiceGroup => ServiceGroup::from_id(value).map(Edit::ServiceGroup),
        Step::Service => Service::from_id(value).map(Edit::Service),
        Step::PrivateCare => PrivateCareKind::from_id(value).map(Edit::PrivateCare),
        Step::Nation => Nation::from_id(value).map(Edit::Nation),
        Step::Area => Some(Edit::Area(value.to_string())),
        Step::When => Some(Edit::WhenChoice(match value {
            "date" => WhenChoice::ExactDate,
            "roughly" => WhenChoice::Roughly,
            _ => WhenChoice::NotSure,
        })),
        Step::Wants => Want::ALL
            .into_iter()
            .find(|w| w.id() == value)
            .map(Edit::ToggleWant),
        Step::Stage => Stage::from_id(value).map(Edit::Stage),
        Step::AbleToComplain => yes_no(YesNoField::AbleToComplain),
        Step::StillReceivingCare => yes_no(YesNoField::StillReceivingCare),
        Step::Professional => yes_no(YesNoField::FitnessToPractise),
        Step::Contact => ContactMethod::ALL
            .into_iter()
            .find(|m| m.id() == value)
            .map(Edit::ToggleContact),
        Step::Access => AccessNeed::ALL
            .into_iter()
            .find(|n| n.id() == value)
            .map(Edit::ToggleAccess),
        _ => None,
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

/// The options that apply: the SAS review only when the complaint is about the scheme (or it
/// was already ticked), and only the services of the chosen group.
fn options_for(
    step: Step,
    options: &'static [Opt],
    answers: &crate::domain::answers::Answers,
) -> Vec<Opt> {
    match step {
        Step::Wants => {
            let sas = answers.situation.service == Some(Service::GpRemovalOrSas)
                || answers.wants.contains(&Want::SasReview);
            options
                .iter()
                .copied()
                .filter(|o| o.value != "sas-review" || sas)
                .collect()
        }
        _ => options.to_vec(),
    }
}

/// Draws a choice question from its options.
fn choice_question(
    v: &View,
    step: Step,
    q: &Question,
    options: &[Opt],
    multiple: bool,
    is_page_heading: bool,
) -> Html {
    let list = options
        .iter()
        .map(|o| {
            let mut choice = Choice::new(o.value, v.say(o.label));
            if let Some(hint) = o.hint {
                choice = choice.hint(hint);
            }
            if step == Step::When && o.value == "date" {
                choice = choice.reveal(when_dates(v));
            } else if !o.reveal.is_empty() {
                choice = choice.reveal(html! { <>{ for o.reveal.iter().map(|f| v.field(f)) }</> });
            }
            choice
        })
        .collect();
    choices(&ChoicesProps {
        id: q.id.into(),
        legend: v.say(q.title).into(),
        is_page_heading,
        hint: q.hint.map(|h| AttrValue::from(v.say(h))),
        error: v.error(q.id),
        choices: list,
        selected: selected(step, &v.model.answers)
            .into_iter()
            .map(AttrValue::from)
            .collect(),
        multiple,
        on_choose: {
            let edit = v.edit.clone();
            Callback::from(move |value: AttrValue| {
                if let Some(change) = choose(step, &value) {
                    edit.emit(change);
                }
            })
        },
    })
}

/// The frame of every question page: Back, "Question x of y", errors, the form and Continue.
fn question_page(v: &View, step: Step, body: Html) -> Html {
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
            {back_link(format!("#{back}"))}
            if let Some((at, of)) = progress {
                <p class="app-progress">{format!("Question {at} of {of}")}</p>
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
    let q = question(step);
    let title = v.say(q.title);
    let hint = q.hint.map(|h| v.say(h)).unwrap_or_default();
    let body = match q.body {
        Body::Choose { options, multiple } => {
            let options = options_for(step, options, &v.model.answers);
            let main = choice_question(v, step, &q, &options, multiple, true);
            if step == Step::Contact {
                html! { <>{main}{phone_hard(v)}</> }
            } else if step == Step::Consent
                && v.model.answers.supporter.person_agrees == Some(YesNo::No)
            {
                html! {
                    <>
                        {main}
                        <div class="app-inset">
                            <p>{"Talk to them before you send anything. You can still write the letter together now."}</p>
                            <p>{"If they cannot agree because of their health, the service can explain what to do."}</p>
                        </div>
                    </>
                }
            } else {
                main
            }
        }
        Body::Text(spec) => {
            let props = TextProps {
                label: title.into(),
                is_page_heading: true,
                hint: (!hint.is_empty()).then(|| hint.into()),
                ..v.field_props(&spec)
            };
            let main = text_field(&props);
            if step == Step::WhatHappened {
                html! { <>{main}{ideas()}</> }
            } else {
                main
            }
        }
        Body::Custom => match step {
            Step::CheckAnswers => return super::summary::check_answers(v),
            Step::Letter => {
                return html! {
                    <super::letter::LetterPage
                        answers={v.model.answers.clone()}
                        today={v.model.today}
                        edit={v.edit.clone()}
                    />
                }
            }
            Step::Finish => return result::finish_page(v),
            _ => custom(v, step, &q),
        },
    };
    question_page(v, step, body)
}

/// Question pages whose options come from the data, or that have several fields.
fn custom(v: &View, step: Step, q: &Question) -> Html {
    let answers = &v.model.answers;
    match step {
        Step::Service => {
            let group = answers.service_group.unwrap_or(ServiceGroup::Gp);
            let ids: Vec<&str> = group.services().iter().map(|s| s.id()).collect();
            let options: Vec<Opt> = SERVICES
                .iter()
                .copied()
                .filter(|o| ids.contains(&o.value))
                .collect();
            choice_question(v, step, q, &options, false, true)
        }
        Step::Nation => {
            let options: Vec<Opt> = Nation::ALL
                .iter()
                .map(|n| Opt {
                    value: n.id(),
                    label: same(n.name()),
                    hint: None,
                    reveal: &[],
                })
                .collect();
            choice_question(v, step, q, &options, false, true)
        }
        Step::Area => area(v, q),
        Step::ServiceName => {
            let label = format!(
                "What is the name of the {}?",
                service_noun(answers.service_group)
            );
            let props = TextProps {
                label: label.into(),
                is_page_heading: true,
                hint: Some("If you know it. For example, Seaview Surgery or the Royal Sussex County Hospital. You can leave this blank.".into()),
                ..v.field_props(&field("service-name", Field::ServiceName, same("")))
            };
            text_field(&props)
        }
        Step::Supporter => html! {
            <>
                <h1 class="app-heading-xl">{"About you, the helper"}</h1>
                <p>{"The letter will be in their words and their name. We ask about you so the service knows who is helping."}</p>
                {v.field(&FieldSpec { autocomplete: Some("name"), spellcheck: false, ..field("supporter-name", Field::SupporterName, same("Your name")) })}
                {v.field(&FieldSpec { hint: Some("For example, support worker, Brighton Housing Trust"), ..field("supporter-role", Field::SupporterRole, same("Your role and organisation (optional)")) })}
                {v.field(&FieldSpec { hint: Some("A phone number or email address"), ..field("supporter-contact", Field::SupporterContact, same("How the service can contact you (optional)")) })}
                {v.field(&FieldSpec { hint: Some("Only you see these. They never go in the letter or any form."), multiline: true, ..field("supporter-notes", Field::SupporterNotes, same("Your private notes (optional)")) })}
            </>
        },
        Step::Name => {
            let props = TextProps {
                label: v.say(q.title).into(),
                is_page_heading: true,
                hint: q.hint.map(|h| AttrValue::from(v.say(h))),
                ..v.field_props(&FieldSpec {
                    autocomplete: Some("name"),
                    spellcheck: false,
                    ..field("name", Field::Name, same(""))
                })
            };
            html! {
                <>
                    {text_field(&props)}
                    {v.field(&FieldSpec {
                        hint: Some("This helps them find the right records. For example, 27 3 1985"),
                        class: "app-input--medium", autocomplete: Some("bday"), spellcheck: false,
                        ..field("date-of-birth", Field::DateOfBirth, same("Date of birth (optional)"))
                    })}
                </>
            }
        }
        _ => html! {},
    }
}

/// "Need ideas?" prompts under the own-words box: help, never required structure.
fn ideas() -> Html {
    html! {
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
    }
}

/// The day, month and year boxes, revealed under "I know the date".
///
/// The date has one error, shown above the three boxes (the GOV.UK date pattern), so the boxes
/// stay side by side and the hint and error are read out when the group is entered. The error
/// summary links to the day box.
fn when_dates(v: &View) -> Html {
    let error = v.error("when-day");
    let part = |id, field, label, inputmode: Option<&'static str>| {
        text_field(&TextProps {
            error: None,
            class: classes!(
                "app-input--short",
                error.is_some().then_some("app-input--error")
            ),
            ..v.field_props(&FieldSpec {
                inputmode,
                spellcheck: false,
                ..self::field(id, field, same(label))
            })
        })
    };
    let hint = Some(AttrValue::from("For example, 27 3 2025"));
    html! {
        <div class={group_class(&error)}>
            <fieldset class="app-fieldset" role="group"
                aria-describedby={described_by("when-date", true, error.is_some())}>
                <legend class="app-fieldset__legend">{"Date"}</legend>
                {hint_text("when-date", &hint)}
                {error_message("when-date", &error)}
                <div class="app-date-input">
                    <div class="app-date-input__item">{part("when-day", Field::WhenDay, "Day", Some("numeric"))}</div>
                    <div class="app-date-input__item">{part("when-month", Field::WhenMonth, "Month", None)}</div>
                    <div class="app-date-input__item app-date-input__item--year">{part("when-year", Field::WhenYear, "Year", Some("numeric"))}</div>
                </div>
            </fieldset>
        </div>
    }
}

fn phone_hard(v: &View) -> Html {
    let hard = v.model.answers.contact.phone_calls_hard;
    let list = PHONE_HARD
        .iter()
        .map(|o| Choice::new(o.value, v.say(o.label)))
        .collect();
    choices(&ChoicesProps {
        id: "phone-hard".into(),
        legend: "Phone calls".into(),
        is_page_heading: false,
        hint: None,
        error: None,
        choices: list,
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

fn area(v: &View, q: &Question) -> Html {
    let answers = &v.model.answers;
    let nation = answers.situation.nation.unwrap_or(Nation::England);
    let areas: Vec<_> = journey().areas_in(nation).collect();
    let found = answers
        .situation
        .area
        .as_deref()
        .and_then(|id| journey().area(id));
    let postcode = v.field(&FieldSpec {
        hint: Some("For example, BN1 or TN34"),
        class: "app-input--short",
        autocomplete: Some("postal-code"),
        spellcheck: false,
        ..field(
            "area-postcode",
            Field::Postcode,
            same("Or type the first part of the postcode (optional)"),
        )
    });
    let list = if areas.len() < 2 {
        html! {
            <>
                <h1 class="app-heading-xl">{v.say(q.title)}</h1>
                <p>{"You do not need to choose an area. We will show you how to find local help."}</p>
            </>
        }
    } else {
        choices(&ChoicesProps {
            id: q.id.into(),
            legend: v.say(q.title).into(),
            is_page_heading: true,
            hint: q.hint.map(|h| AttrValue::from(v.say(h))),
            error: v.error(q.id),
            choices: areas
                .iter()
                .map(|a| Choice::new(a.id.clone(), a.name.clone()))
                .collect(),
            selected: answers
                .situation
                .area
                .clone()
                .map(AttrValue::from)
                .into_iter()
                .collect(),
            multiple: false,
            on_choose: v
                .edit
                .reform(|value: AttrValue| Edit::Area(value.to_string())),
        })
    };
    html! {
        <>
            {list}
            {postcode}
            if has_text(&answers.area_postcode) {
                if let Some(area) = found {
                    <p class="app-inset" role="status">{format!("We have chosen {}.", area.name)}</p>
                }
            }
        </>
    }
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
        Some(ServiceGroup::SocialCare) => "council",
        Some(ServiceGroup::PrivateCare) => "care provider",
        Some(ServiceGroup::CommunityHealth | ServiceGroup::DrugAlcoholSexualHealth) | None => {
            "service"
        }
    }
}

/// The title for the browser tab: the page's heading, then the app's name.
pub fn title(v: &View, page: Page) -> String {
    let heading = match page {
        Page::Start => return "In My Words: complain about a health or care service".into(),
        Page::GetHelp => "Get help now",
        Page::Save => "Save or open a draft",
        Page::NotFound => "Page not found",
        Page::Step(step) => v.say(question(step).title),
    };
    format!("{heading} - In My Words")
}

/// The label of an option, for the summary page (`None` for an unknown value).
pub fn option_label(step: Step, value: &str, they: bool) -> Option<&'static str> {
    let options: &[Opt] = match step {
        Step::Service => SERVICES,
        _ => match question(step).body {
            Body::Choose { options, .. } => options,
            _ => return None,
        },
    };
    let label = options.iter().find(|o| o.value == value)?.label;
    Some(if they { label.they } else { label.me })
}

/// The label for a service group, for services whose group has only one service.
pub fn group_label(group: ServiceGroup) -> &'static str {
    SERVICE_GROUPS
        .iter()
        .find(|o| o.value == group.id())
        .map_or("", |o| o.label.me)
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
