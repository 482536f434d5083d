//! The guided journey as data: which steps exist, when each is skipped, when it is complete,
//! what counts as an error, and how every answer changes.
//!
//! Navigation is *computed* from the step list and the answers, never stored: "next", "back",
//! "question 3 of 14" and "resume where you left off" are all functions here. The Yew reducer in
//! `ui` only calls [`apply`] and these functions, so the whole journey is testable natively.
//!
//! Questions are worded for the person ("What happened?") or, in supporter mode, for someone
//! helping them ("What happened to them?"). Wording lives in [`Step::question`] and friends.

use super::answers::{AccessNeed, Answers, ContactMethod, Want, Who};
use super::date::Date;
use super::situation::{
    Nation, PrivateCareKind, Service, ServiceGroup, Stage, WhenItHappened, YesNo,
};
use serde::{Deserialize, Serialize};

/// Every page of the journey, in order. The slug is the page's address (`#/what-happened`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Step {
    Safe,
    Who,
    Supporter,
    Consent,
    ConsentShare,
    SharedComputer,
    ServiceGroup,
    Service,
    PrivateCare,
    Nation,
    Area,
    ServiceName,
    WhatHappened,
    When,
    Affected,
    Wants,
    Stage,
    LateReason,
    AbleToComplain,
    StillReceivingCare,
    Professional,
    Name,
    Contact,
    Access,
    CheckAnswers,
    Letter,
    Finish,
}

/// What kind of page a step is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// One question. Counts towards "Question x of y".
    Question,
    /// A summary or result page.
    Page,
}

impl Step {
    /// Every step, in journey order.
    pub const ALL: [Step; 27] = [
        Step::Safe,
        Step::Who,
        Step::Supporter,
        Step::Consent,
        Step::ConsentShare,
        Step::SharedComputer,
        Step::ServiceGroup,
        Step::Service,
        Step::PrivateCare,
        Step::Nation,
        Step::Area,
        Step::ServiceName,
        Step::WhatHappened,
        Step::When,
        Step::Affected,
        Step::Wants,
        Step::Stage,
        // After "Have you already complained?": the time limit is for a first complaint.
        Step::LateReason,
        Step::AbleToComplain,
        Step::StillReceivingCare,
        Step::Professional,
        Step::Name,
        Step::Contact,
        Step::Access,
        Step::CheckAnswers,
        Step::Letter,
        Step::Finish,
    ];

    /// The page address after `#/`. Stable: people may bookmark or share it.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Safe => "safe",
            Step::Who => "who",
            Step::Supporter => "about-you-the-helper",
            Step::Consent => "their-agreement",
            Step::ConsentShare => "sharing-with-you",
            Step::SharedComputer => "shared-computer",
            Step::ServiceGroup => "service-type",
            Step::Service => "service",
            Step::PrivateCare => "private-care",
            Step::Nation => "nation",
            Step::Area => "area",
            Step::ServiceName => "service-name",
            Step::WhatHappened => "what-happened",
            Step::When => "when",
            Step::LateReason => "why-now",
            Step::Affected => "how-it-affected",
            Step::Wants => "what-you-want",
            Step::Stage => "already-complained",
            Step::AbleToComplain => "complain-to-them",
            Step::StillReceivingCare => "still-getting-care",
            Step::Professional => "concern-about-a-professional",
            Step::Name => "name",
            Step::Contact => "contact",
            Step::Access => "support-needs",
            Step::CheckAnswers => "check-answers",
            Step::Letter => "letter",
            Step::Finish => "finish",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub fn kind(self) -> StepKind {
        match self {
            Step::CheckAnswers | Step::Letter | Step::Finish => StepKind::Page,
            _ => StepKind::Question,
        }
    }

    /// True when the step does not apply to these answers and the journey passes over it.
    pub fn is_skipped(self, answers: &Answers, today: Date) -> bool {
        let supporter = answers.is_supporter();
        match self {
            Step::Supporter | Step::Consent | Step::ConsentShare => !supporter,
            Step::Service => answers.service_group.is_none_or(|g| g.services().len() < 2),
            Step::PrivateCare => answers.situation.service != Some(Service::PrivatelyFundedCare),
            Step::Area => answers.situation.nation.is_none(),
            Step::LateReason => !is_late(answers, today),
            Step::AbleToComplain => matches!(
                answers.situation.stage,
                Some(Stage::FinalResponseUnhappy | Stage::WithOmbudsman)
            ),
            _ => false,
        }
    }

    /// True when the step has an answer (or needs none). Used to resume a saved journey.
    pub fn is_complete(self, answers: &Answers) -> bool {
        let s = &answers.situation;
        match self {
            Step::Safe => s.in_danger_now.is_some(),
            Step::Who => answers.who.is_some(),
            Step::Supporter => has(&answers.supporter.name),
            Step::Consent => answers.supporter.person_agrees.is_some(),
            Step::ConsentShare => answers.supporter.may_share_with_supporter.is_some(),
            Step::SharedComputer => answers.shared_computer.is_some(),
            Step::ServiceGroup => answers.service_group.is_some(),
            Step::Service => s.service.is_some(),
            Step::PrivateCare => s.private_care.is_some(),
            Step::Nation => s.nation.is_some(),
            Step::Area => s.area.is_some(),
            Step::ServiceName => has(&answers.service_name),
            Step::WhatHappened => has(&answers.what_happened),
            Step::When => answers.when_input.choice.is_some(),
            Step::LateReason => has(&answers.late_reason),
            Step::Affected => has(&answers.how_it_affected),
            Step::Wants => !answers.wants.is_empty(),
            Step::Stage => s.stage.is_some(),
            Step::AbleToComplain => s.able_to_complain_to_service.is_some(),
            Step::StillReceivingCare => s.still_receiving_care.is_some(),
            Step::Professional => s.fitness_to_practise_concern.is_some(),
            Step::Name => has(&answers.contact.name),
            Step::Contact => !answers.contact.methods.is_empty(),
            Step::Access => !answers.access_needs.is_empty(),
            Step::CheckAnswers | Step::Letter | Step::Finish => false,
        }
    }

    /// Problems that stop the person moving on from this step. Most questions are optional;
    /// only what the letter or the route truly needs is required, and every message says
    /// kindly what to do.
    pub fn errors(self, answers: &Answers, today: Date) -> Vec<FieldError> {
        let they = answers.is_supporter();
        let mut errors = Vec::new();
        let mut fail =
            |field: &'static str, message: &'static str| errors.push(FieldError { field, message });
        match self {
            Step::Who if answers.who.is_none() => fail("who", "Select who is filling this in"),
            Step::ServiceGroup if answers.service_group.is_none() => fail(
                "service-group",
                "Select what the complaint is about. If you are not sure, choose the closest",
            ),
            Step::Service if answers.situation.service.is_none() => {
                fail("service", "Select the one that is closest")
            }
            Step::Nation if answers.situation.nation.is_none() => fail(
                "nation",
                "Select where it happened. The rules are different in each part of the UK",
            ),
            Step::Area => {
                let postcode = &answers.area_postcode;
                if has(postcode) && answers.situation.area.is_none() {
                    fail(
                        "area-postcode",
                        "We do not know that postcode. Choose an area from the list instead",
                    );
                }
            }
            Step::WhatHappened if !has(&answers.what_happened) => fail(
                "what-happened",
                if they {
                    "Tell us what happened to them. A few words are enough to start"
                } else {
                    "Tell us what happened. A few words are enough to start"
                },
            ),
            Step::When => {
                for error in answers.when_input.errors(today) {
                    errors.push(error);
                }
            }
            Step::Name if !has(&answers.contact.name) => fail(
                "name",
                if they {
                    "Enter their name. The service needs it to look into the complaint"
                } else {
                    "Enter your name. The service needs it to look into your complaint"
                },
            ),
            Step::Contact => contact_errors(answers, &mut fail),
            Step::Access
                if answers.access_needs.contains(&AccessNeed::Interpreter)
                    && !has(&answers.interpreter_language) =>
            {
                fail(
                    "interpreter-language",
                    "Enter the language for the interpreter",
                )
            }
            Step::Wants
                if answers.wants.contains(&Want::SomethingElse) && !has(&answers.want_other) =>
            {
                fail("want-other", "Tell us what else you want to happen")
            }
            _ => {}
        }
        errors
    }

    /// Where this step lives in "Question x of y", if it is a question that applies.
    pub fn progress(self, answers: &Answers, today: Date) -> Option<(usize, usize)> {
        if self.kind() != StepKind::Question || self.is_skipped(answers, today) {
            return None;
        }
        let questions: Vec<Step> = Step::ALL
            .into_iter()
            .filter(|s| s.kind() == StepKind::Question && !s.is_skipped(answers, today))
            .collect();
        let at = questions.iter().position(|s| *s == self)?;
        Some((at + 1, questions.len()))
    }
}

fn contact_errors(answers: &Answers, fail: &mut impl FnMut(&'static str, &'static str)) {
    let c = &answers.contact;
    if c.methods.is_empty() {
        fail(
            "contact",
            "Choose at least one way they can reply. If you have no address, choose care of a hostel, day centre or service",
        );
    }
    for method in &c.methods {
        match method {
            ContactMethod::Post if !has(&c.address) => fail("contact-address", "Enter the address"),
            ContactMethod::CareOf if !has(&c.care_of_name) => fail(
                "contact-care-of-name",
                "Enter the name of the hostel, day centre or service",
            ),
            ContactMethod::CareOf if !has(&c.care_of_address) => fail(
                "contact-care-of-address",
                "Enter the address of the hostel, day centre or service",
            ),
            ContactMethod::Email if !c.email.contains('@') => fail(
                "contact-email",
                "Enter an email address in the right form, like name@example.com",
            ),
            ContactMethod::Phone if !c.phone.chars().any(|ch| ch.is_ascii_digit()) => {
                fail("contact-phone", "Enter a phone number")
            }
            ContactMethod::SupportWorker if !has(&c.support_worker) => fail(
                "contact-support-worker",
                "Enter the support worker's name and how to reach them",
            ),
            _ => {}
        }
    }
}

fn has(text: &str) -> bool {
    super::answers::has_text(text)
}

/// True when the person has not yet made a formal complaint (or has not said) and the usual
/// time limit for one has passed: 12 months in England and Wales, 6 in Scotland and Northern
/// Ireland. The letter should then say why it comes now. Someone who complained in time and is
/// now chasing or escalating is not late, whatever the date.
pub fn is_late(answers: &Answers, today: Date) -> bool {
    let situation = &answers.situation;
    let first_complaint = situation.stage.is_none_or(Stage::before_formal_complaint);
    match (
        situation.usual_time_limit_months(),
        situation.when.and_then(|w| w.earliest()),
    ) {
        (Some(months), Some(start)) => first_complaint && start.add_months(months) < today,
        _ => false,
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
            _ => Step::from_slug(slug).map_or(Page::NotFound, Page::Step),
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
    let at = Step::ALL.iter().position(|s| *s == from)?;
    Step::ALL[at + 1..]
        .iter()
        .copied()
        .find(|s| !s.is_skipped(answers, today))
}

/// The step before `from` that applies. `None` on the first step (the Back link then goes to
/// the start page).
pub fn previous(from: Step, answers: &Answers, today: Date) -> Option<Step> {
    let at = Step::ALL.iter().position(|s| *s == from)?;
    Step::ALL[..at]
        .iter()
        .rev()
        .copied()
        .find(|s| !s.is_skipped(answers, today))
}

/// Where to pick up a saved journey: the safety question if it was never answered, then the
/// first question that applies and still has an error (a required answer missing or invalid),
/// else the check-answers page.
pub fn resume(answers: &Answers, today: Date) -> Step {
    Step::ALL
        .into_iter()
        .filter(|s| s.kind() == StepKind::Question && !s.is_skipped(answers, today))
        .find(|s| {
            !s.errors(answers, today).is_empty() || *s == Step::Safe && !s.is_complete(answers)
        })
        .unwrap_or(Step::CheckAnswers)
}

/// Which way of giving the date the person chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WhenChoice {
    ExactDate,
    Roughly,
    NotSure,
}

/// The date fields exactly as typed, so nothing is lost when a date is not valid yet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WhenInput {
    pub choice: Option<WhenChoice>,
    pub day: String,
    pub month: String,
    pub year: String,
    pub rough_month: String,
    pub rough_year: String,
}

fn number(text: &str) -> Option<i64> {
    text.trim().parse().ok()
}

/// Understands a month typed as a number ("4", "04") or a name ("April", "apr").
pub fn parse_month(text: &str) -> Option<u8> {
    if let Some(n) = number(text) {
        return u8::try_from(n).ok().filter(|m| (1..=12).contains(m));
    }
    // Month names are English and ASCII, so ASCII case folding is enough.
    let lower = text.trim().to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    (1..=12u8).find(|m| {
        Date::month_name(*m).is_some_and(|name| name.to_ascii_lowercase().starts_with(&lower))
    })
}

impl WhenInput {
    /// The date this input means, if it is complete and valid.
    pub fn value(&self, today: Date) -> Option<WhenItHappened> {
        match self.choice? {
            WhenChoice::NotSure => Some(WhenItHappened::NotSure),
            WhenChoice::ExactDate => {
                let date = Date::new(
                    i32::try_from(number(&self.year)?).ok()?,
                    parse_month(&self.month)?,
                    u8::try_from(number(&self.day)?).ok()?,
                )?;
                (date <= today && date.year() >= 1900).then_some(WhenItHappened::OnDate { date })
            }
            WhenChoice::Roughly => {
                let year = i32::try_from(number(&self.rough_year)?).ok()?;
                let month = parse_month(&self.rough_month)?;
                let first = Date::new(year, month, 1)?;
                (first <= today && year >= 1900)
                    .then_some(WhenItHappened::AroundMonth { year, month })
            }
        }
    }

    /// What is wrong with the typed date, in plain words. The question itself is optional.
    pub fn errors(&self, today: Date) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let Some(choice) = self.choice else {
            return errors;
        };
        if self.value(today).is_some() {
            return errors;
        }
        let typed_future = |year: &str| number(year).is_some_and(|y| y > i64::from(today.year()));
        match choice {
            WhenChoice::NotSure => {}
            WhenChoice::ExactDate => {
                let all_blank = [&self.day, &self.month, &self.year].iter().all(|t| !has(t));
                let message = if all_blank {
                    "Enter the date, or choose 'I know roughly' or 'I'm not sure'"
                } else if typed_future(&self.year)
                    || self.value_ignoring_future().is_some_and(|d| d > today)
                {
                    "The date must be today or in the past"
                } else if !has(&self.year) || number(&self.year).is_some_and(|y| y < 1000) {
                    "Enter the year as 4 numbers, like 2025"
                } else {
                    "Enter a real date, like 27 3 2025"
                };
                errors.push(FieldError {
                    field: "when-day",
                    message,
                });
            }
            WhenChoice::Roughly => {
                let message = if typed_future(&self.rough_year) {
                    "The date must be in the past"
                } else if parse_month(&self.rough_month).is_none() {
                    "Enter the month, like 3 or March"
                } else {
                    "Enter the year as 4 numbers, like 2025"
                };
                errors.push(FieldError {
                    field: "when-rough-month",
                    message,
                });
            }
        }
        errors
    }

    fn value_ignoring_future(&self) -> Option<Date> {
        Date::new(
            i32::try_from(number(&self.year)?).ok()?,
            parse_month(&self.month)?,
            u8::try_from(number(&self.day)?).ok()?,
        )
    }
}

/// A free-text field in the answers. Lets one text input component serve every question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    WhatHappened,
    HowItAffected,
    WantOther,
    LateReason,
    ServiceName,
    Name,
    DateOfBirth,
    Address,
    CareOfName,
    CareOfAddress,
    Email,
    Phone,
    SupportWorker,
    InterpreterLanguage,
    AccessOther,
    SupporterName,
    SupporterRole,
    SupporterContact,
    SupporterNotes,
    WhenDay,
    WhenMonth,
    WhenYear,
    RoughMonth,
    RoughYear,
    Postcode,
}

impl TextField {
    /// The current text of this field.
    pub fn get(self, a: &Answers) -> &str {
        match self {
            TextField::WhatHappened => &a.what_happened,
            TextField::HowItAffected => &a.how_it_affected,
            TextField::WantOther => &a.want_other,
            TextField::LateReason => &a.late_reason,
            TextField::ServiceName => &a.service_name,
            TextField::Name => &a.contact.name,
            TextField::DateOfBirth => &a.date_of_birth,
            TextField::Address => &a.contact.address,
            TextField::CareOfName => &a.contact.care_of_name,
            TextField::CareOfAddress => &a.contact.care_of_address,
            TextField::Email => &a.contact.email,
            TextField::Phone => &a.contact.phone,
            TextField::SupportWorker => &a.contact.support_worker,
            TextField::InterpreterLanguage => &a.interpreter_language,
            TextField::AccessOther => &a.access_other,
            TextField::SupporterName => &a.supporter.name,
            TextField::SupporterRole => &a.supporter.role,
            TextField::SupporterContact => &a.supporter.contact,
            TextField::SupporterNotes => &a.supporter.notes,
            TextField::WhenDay => &a.when_input.day,
            TextField::WhenMonth => &a.when_input.month,
            TextField::WhenYear => &a.when_input.year,
            TextField::RoughMonth => &a.when_input.rough_month,
            TextField::RoughYear => &a.when_input.rough_year,
            TextField::Postcode => &a.area_postcode,
        }
    }

    fn slot(self, a: &mut Answers) -> &mut String {
        match self {
            TextField::WhatHappened => &mut a.what_happened,
            TextField::HowItAffected => &mut a.how_it_affected,
            TextField::WantOther => &mut a.want_other,
            TextField::LateReason => &mut a.late_reason,
            TextField::ServiceName => &mut a.service_name,
            TextField::Name => &mut a.contact.name,
            TextField::DateOfBirth => &mut a.date_of_birth,
            TextField::Address => &mut a.contact.address,
            TextField::CareOfName => &mut a.contact.care_of_name,
            TextField::CareOfAddress => &mut a.contact.care_of_address,
            TextField::Email => &mut a.contact.email,
            TextField::Phone => &mut a.contact.phone,
            TextField::SupportWorker => &mut a.contact.support_worker,
            TextField::InterpreterLanguage => &mut a.interpreter_language,
            TextField::AccessOther => &mut a.access_other,
            TextField::SupporterName => &mut a.supporter.name,
            TextField::SupporterRole => &mut a.supporter.role,
            TextField::SupporterContact => &mut a.supporter.contact,
            TextField::SupporterNotes => &mut a.supporter.notes,
            TextField::WhenDay => &mut a.when_input.day,
            TextField::WhenMonth => &mut a.when_input.month,
            TextField::WhenYear => &mut a.when_input.year,
            TextField::RoughMonth => &mut a.when_input.rough_month,
            TextField::RoughYear => &mut a.when_input.rough_year,
            TextField::Postcode => &mut a.area_postcode,
        }
    }
}

/// A yes / no / not sure question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum YesNoField {
    InDanger,
    SharedComputer,
    PersonAgrees,
    MayShare,
    AbleToComplain,
    StillReceivingCare,
    FitnessToPractise,
}

impl YesNoField {
    pub fn get(self, a: &Answers) -> Option<YesNo> {
        match self {
            YesNoField::InDanger => a.situation.in_danger_now,
            YesNoField::SharedComputer => a.shared_computer,
            YesNoField::PersonAgrees => a.supporter.person_agrees,
            YesNoField::MayShare => a.supporter.may_share_with_supporter,
            YesNoField::AbleToComplain => a.situation.able_to_complain_to_service,
            YesNoField::StillReceivingCare => a.situation.still_receiving_care,
            YesNoField::FitnessToPractise => a.situation.fitness_to_practise_concern,
        }
    }

    fn slot(self, a: &mut Answers) -> &mut Option<YesNo> {
        match self {
            YesNoField::InDanger => &mut a.situation.in_danger_now,
            YesNoField::SharedComputer => &mut a.shared_computer,
            YesNoField::PersonAgrees => &mut a.supporter.person_agrees,
            YesNoField::MayShare => &mut a.supporter.may_share_with_supporter,
            YesNoField::AbleToComplain => &mut a.situation.able_to_complain_to_service,
            YesNoField::StillReceivingCare => &mut a.situation.still_receiving_care,
            YesNoField::FitnessToPractise => &mut a.situation.fitness_to_practise_concern,
        }
    }
}

/// One change to the answers. Every input on every page produces exactly one of these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    Text(TextField, String),
    YesNo(YesNoField, YesNo),
    Who(Who),
    ServiceGroup(ServiceGroup),
    Service(Service),
    PrivateCare(PrivateCareKind),
    Nation(Nation),
    Area(String),
    Stage(Stage),
    WhenChoice(WhenChoice),
    ToggleWant(Want),
    ToggleContact(ContactMethod),
    PhoneCallsHard(bool),
    ToggleAccess(AccessNeed),
}

/// Applies one edit, keeping the derived parts of the situation in step: the date from the
/// typed fields, the area from a postcode, and a service that no longer fits a new group.
/// The area lookup is passed in so this stays independent of the data files.
pub fn apply(
    answers: &mut Answers,
    edit: Edit,
    today: Date,
    area_for_postcode: impl Fn(&str) -> Option<(String, Nation)>,
) {
    match edit {
        Edit::Text(field, text) => {
            *field.slot(answers) = text;
            match field {
                TextField::WhenDay
                | TextField::WhenMonth
                | TextField::WhenYear
                | TextField::RoughMonth
                | TextField::RoughYear => {
                    answers.situation.when = answers.when_input.value(today);
                }
                TextField::Postcode => {
                    if let Some((area, nation)) = area_for_postcode(&answers.area_postcode) {
                        if answers.situation.nation.is_none_or(|n| n == nation) {
                            answers.situation.area = Some(area);
                        }
                    }
                }
                _ => {}
            }
        }
        Edit::YesNo(field, value) => *field.slot(answers) = Some(value),
        Edit::Who(who) => answers.who = Some(who),
        Edit::ServiceGroup(group) => {
            answers.service_group = Some(group);
            let services = group.services();
            let fits = answers
                .situation
                .service
                .is_some_and(|s| services.contains(&s));
            if !fits {
                // A group with one service needs no second question.
                answers.situation.service = (services.len() == 1).then(|| services[0]);
            }
        }
        Edit::Service(service) => {
            answers.service_group = Some(service.group());
            answers.situation.service = Some(service);
        }
        Edit::PrivateCare(kind) => answers.situation.private_care = Some(kind),
        Edit::Nation(nation) => {
            if answers.situation.nation != Some(nation) {
                answers.situation.area = None;
            }
            answers.situation.nation = Some(nation);
        }
        Edit::Area(area) => answers.situation.area = Some(area),
        Edit::Stage(stage) => answers.situation.stage = Some(stage),
        Edit::WhenChoice(choice) => {
            answers.when_input.choice = Some(choice);
            answers.situation.when = answers.when_input.value(today);
        }
        Edit::ToggleWant(want) => Answers::toggle(&mut answers.wants, want),
        Edit::ToggleContact(method) => Answers::toggle(&mut answers.contact.methods, method),
        Edit::PhoneCallsHard(hard) => answers.contact.phone_calls_hard = hard,
        Edit::ToggleAccess(need) => Answers::toggle(&mut answers.access_needs, need),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for step in Step::ALL {
            assert_eq!(Step::from_slug(step.slug()), Some(step));
        }
        let mut slugs: Vec<_> = Step::ALL.iter().map(|s| s.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), Step::ALL.len());
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
            assert_eq!(input.errors(today()).is_empty(), want.is_some());
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
        let message = |i: WhenInput| i.errors(today())[0].message;
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
            Step::Nation,
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
    fn changing_nation_forgets_an_area_from_another_nation() {
        let mut answers = Answers::default();
        let lookup =
            |p: &str| (p == "BN1").then(|| ("brighton-and-hove".to_string(), Nation::England));
        apply(&mut answers, Edit::Nation(Nation::England), today(), lookup);
        apply(
            &mut answers,
            Edit::Text(TextField::Postcode, "BN1".into()),
            today(),
            lookup,
        );
        assert_eq!(answers.situation.area.as_deref(), Some("brighton-and-hove"));
        apply(&mut answers, Edit::Nation(Nation::Wales), today(), lookup);
        assert_eq!(answers.situation.area, None);
        assert_eq!(answers.area_postcode, "BN1", "what they typed stays");
    }

    #[test]
    fn progress_counts_only_questions_that_apply() {
        let answers = Answers::default();
        let (first, total) = Step::Safe.progress(&answers, today()).unwrap();
        assert_eq!(first, 1);
        let (last, total_again) = Step::Access.progress(&answers, today()).unwrap();
        assert_eq!((last, total_again), (total, total));
        assert_eq!(Step::Letter.progress(&answers, today()), None);
    }

    #[test]
    fn resume_goes_to_the_first_unanswered_required_question() {
        let mut answers = Answers::default();
        assert_eq!(resume(&answers, today()), Step::Safe);
        answers.situation.in_danger_now = Some(YesNo::No);
        assert_eq!(resume(&answers, today()), Step::Who);
        answers.who = Some(Who::Myself);
        assert_eq!(resume(&answers, today()), Step::ServiceGroup);
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
        for step in Step::ALL {
            assert_eq!(
                Page::from_hash(&Page::Step(step).hash()).0,
                Page::Step(step)
            );
        }
    }
}
