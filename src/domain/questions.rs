//! Each page of the journey as **one record**: its [`Step`], the id of its first input, the
//! kind of answer and where that answer goes, whether it must be answered, and when it is
//! skipped. The words a person reads for each record live in the wording catalogue
//! (`crate::words`), keyed by the same [`Step`]; the interface draws every page from the two.
//!
//! To add a question: a [`Step`] variant and its record in [`QUESTIONS`] (here), and its words
//! in the catalogue. A new choice question keeps its answer by its own id
//! ([`Choice::Keyed`]), so saved drafts need no new layout. The tests below fail loudly on anything forgotten: a step without a
//! record, an option the answers cannot hold, a question or option without words.

use super::answers::{has_text, AccessNeed, Answers, ContactMethod, ReplyProblem, Want, Who};
use super::date::Date;
use super::fields::{Edit, IdList, TextField, YesNoField};
use super::situation::{PrivateCareKind, Service, ServiceGroup, Stage, YesNo};
use super::when::WhenChoice;
use serde::{Deserialize, Serialize};

/// Every page of the journey. The order of [`QUESTIONS`] is the journey's order; the slug is
/// the page's address (`#/what-happened`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Step {
    Safe,
    Who,
    /// When someone is helping: the person's own name, first, so the journey speaks to them.
    TheirName,
    WhatHappened,
    When,
    Affected,
    Supporter,
    Consent,
    ConsentShare,
    ServiceGroup,
    Service,
    PrivateCare,
    Area,
    ServiceName,
    OtherServices,
    OtherNames,
    Wants,
    Stage,
    ReplyWords,
    ReplyProblems,
    LateReason,
    AbleToComplain,
    ShareWithService,
    StillReceivingCare,
    Professional,
    Name,
    Contact,
    Access,
    CheckAnswers,
    /// The finish, in four short steps: check the letter, send it, what happens next, free help.
    Letter,
    Send,
    WhatNext,
    FreeHelp,
    Finish,
}

/// How a page is answered, and where the answer goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Radio buttons: one of the options.
    One(Choice),
    /// Checkboxes: any of the options.
    Many(Choice),
    /// One text box; its label is the page's heading.
    Text(TextField),
    /// Several text boxes on one page.
    Boxes(&'static [TextField]),
    /// Not a question: a summary or result page.
    Page,
}

/// One page of the journey.
#[derive(Clone, Copy, Debug)]
pub struct Question {
    pub step: Step,
    /// The page address after `#/`. Stable: people may bookmark or share it.
    pub slug: &'static str,
    /// The id of the page's first input: the error summary links to it.
    pub id: &'static str,
    pub answer: Answer,
    /// Text boxes shown under an option while it is chosen, by option value.
    pub reveals: &'static [(&'static str, &'static [TextField])],
    /// Continue needs an answer. Most questions are optional.
    pub required: bool,
    /// True when the page does not apply to these answers and the journey passes over it.
    pub skip: fn(&Answers, Date) -> bool,
}

fn never(_: &Answers, _: Date) -> bool {
    false
}

/// True once the service has given its final answer (they are unhappy with it, or already
/// with the ombudsman).
fn after_final_answer(a: &Answers) -> bool {
    a.situation.stage.is_some_and(Stage::after_final_answer)
}

fn unless_supporter(a: &Answers, _: Date) -> bool {
    !a.is_supporter()
}

const fn ask(step: Step, slug: &'static str, id: &'static str, answer: Answer) -> Question {
    Question {
        step,
        slug,
        id,
        answer,
        reveals: &[],
        required: false,
        skip: never,
    }
}

const fn must(question: Question) -> Question {
    Question {
        required: true,
        ..question
    }
}

const fn page(step: Step, slug: &'static str) -> Question {
    ask(step, slug, "", Answer::Page)
}

const fn yes_no(step: Step, slug: &'static str, id: &'static str, field: YesNoField) -> Question {
    ask(step, slug, id, Answer::One(Choice::YesNo(field)))
}

/// Every page, in journey order.
pub const QUESTIONS: &[Question] = &[
    yes_no(Step::Safe, "safe", "in-danger", YesNoField::InDanger),
    must(ask(Step::Who, "who", "who", Answer::One(Choice::Who))),
    // When someone is helping, the person is asked their name first: every question after it
    // speaks to them, not about them. The same box as on "What is your name?" near the end,
    // which then shows it, to check.
    Question {
        skip: unless_supporter,
        ..ask(
            Step::TheirName,
            "your-name",
            "name",
            Answer::Text(TextField::Name),
        )
    },
    // Their story first: straight after who is writing (and, for someone helped, their name).
    must(ask(
        Step::WhatHappened,
        "what-happened",
        "what-happened",
        Answer::Text(TextField::WhatHappened),
    )),
    Question {
        reveals: &[
            (
                "date",
                &[
                    TextField::WhenDay,
                    TextField::WhenMonth,
                    TextField::WhenYear,
                ],
            ),
            ("roughly", &[TextField::RoughMonth, TextField::RoughYear]),
            // The year it started, if they know it (shown only while this is chosen).
            ("on-and-off", &[TextField::RoughYear]),
        ],
        ..ask(Step::When, "when", "when", Answer::One(Choice::When))
    },
    ask(
        Step::Affected,
        "how-it-affected",
        "how-it-affected",
        Answer::Text(TextField::HowItAffected),
    ),
    Question {
        skip: unless_supporter,
        ..ask(
            Step::Supporter,
            "about-you-the-helper",
            "supporter-name",
            Answer::Boxes(&[
                TextField::SupporterName,
                TextField::SupporterRole,
                TextField::SupporterContact,
            ]),
        )
    },
    Question {
        skip: unless_supporter,
        ..yes_no(
            Step::Consent,
            "their-agreement",
            "person-agrees",
            YesNoField::PersonAgrees,
        )
    },
    Question {
        skip: unless_supporter,
        ..yes_no(
            Step::ConsentShare,
            "sharing-with-you",
            "may-share",
            YesNoField::MayShare,
        )
    },
    must(ask(
        Step::ServiceGroup,
        "service-type",
        "service-group",
        Answer::One(Choice::ServiceGroup),
    )),
    Question {
        skip: |a, _| a.service_group.is_none_or(|g| g.services().len() < 2),
        ..must(ask(
            Step::Service,
            "service",
            "service",
            Answer::One(Choice::Service),
        ))
    },
    Question {
        skip: |a, _| a.situation.service != Some(Service::PrivatelyFundedCare),
        ..ask(
            Step::PrivateCare,
            "private-care",
            "private-care",
            Answer::One(Choice::PrivateCare),
        )
    },
    // One place question: each area belongs to a nation, so choosing it (or typing a postcode)
    // answers both where the rules come from and where local help is.
    must(ask(Step::Area, "area", "area", Answer::One(Choice::Area))),
    // Its name and address, both optional: the letter then goes to them by name, instead
    // of leaving a gap to fill in.
    ask(
        Step::ServiceName,
        "service-name",
        "service-name",
        Answer::Boxes(&[TextField::ServiceName, TextField::ServiceAddress]),
    ),
    // When care fell between several services: the others, then their names. One letter
    // goes to the first place, with a copy to each of the others. Offered from "Check your
    // answers" (always a row there), not on the way, so the usual one-service journey is no
    // longer for it: passed over until someone has chosen another service.
    Question {
        skip: |a, _| a.other_services.is_empty(),
        ..ask(
            Step::OtherServices,
            "anyone-else-involved",
            "other-services",
            Answer::Many(Choice::OtherServices),
        )
    },
    Question {
        skip: |a, _| a.other_services.is_empty(),
        ..ask(
            Step::OtherNames,
            "their-names",
            "other-names",
            Answer::Text(TextField::OtherNames),
        )
    },
    // What they want, once the service is known (a review of the Special Allocation Scheme
    // is offered only when that is what it is about).
    Question {
        reveals: &[("something-else", &[TextField::WantOther])],
        ..ask(
            Step::Wants,
            "what-you-want",
            "wants",
            Answer::Many(Choice::Wants),
        )
    },
    ask(
        Step::Stage,
        "already-complained",
        "stage",
        Answer::One(Choice::Stage),
    ),
    // Once they have had the service's final answer: what was wrong with it, in their own
    // words first, then from a short list. The letters after that answer quote both.
    Question {
        skip: |a, _| !after_final_answer(a),
        ..ask(
            Step::ReplyWords,
            "what-was-wrong-with-their-answer",
            "reply-words",
            Answer::Text(TextField::ReplyWords),
        )
    },
    Question {
        skip: |a, _| !after_final_answer(a),
        ..ask(
            Step::ReplyProblems,
            "their-answer",
            "reply-problems",
            Answer::Many(Choice::ReplyProblems),
        )
    },
    // After "Have you already complained?": the time limit is for a first complaint.
    Question {
        skip: |a, today| !is_late(a, today),
        ..ask(
            Step::LateReason,
            "why-now",
            "late-reason",
            Answer::Text(TextField::LateReason),
        )
    },
    Question {
        skip: |a, _| after_final_answer(a),
        ..yes_no(
            Step::AbleToComplain,
            "complain-to-them",
            "able-to-complain",
            YesNoField::AbleToComplain,
        )
    },
    // Asked only when the person may not complain to the service itself: the complaint may
    // then go to the body that pays for the service, which usually needs to show it to the
    // service. The letter says what they answered, and asks to be asked when they did not.
    Question {
        skip: |a, today| {
            Step::AbleToComplain.is_skipped(a, today)
                || !matches!(
                    a.situation.able_to_complain_to_service,
                    Some(YesNo::No | YesNo::NotSure)
                )
        },
        ..ask(
            Step::ShareWithService,
            SHARE_WITH_SERVICE,
            SHARE_WITH_SERVICE,
            Answer::One(Choice::Keyed(SHARE_WITH_SERVICE, YES_NO)),
        )
    },
    yes_no(
        Step::StillReceivingCare,
        "still-getting-care",
        "still-getting-care",
        YesNoField::StillReceivingCare,
    ),
    yes_no(
        Step::Professional,
        "concern-about-a-professional",
        "concern-about-a-professional",
        YesNoField::FitnessToPractise,
    ),
    must(ask(
        Step::Name,
        "name",
        "name",
        Answer::Boxes(&[
            TextField::Name,
            TextField::BirthDay,
            TextField::BirthMonth,
            TextField::BirthYear,
        ]),
    )),
    Question {
        reveals: &[
            ("post", &[TextField::Address]),
            (
                "care-of",
                &[TextField::CareOfName, TextField::CareOfAddress],
            ),
            ("email", &[TextField::Email]),
            ("phone", &[TextField::Phone]),
            ("support-worker", &[TextField::SupportWorker]),
        ],
        ..must(ask(
            Step::Contact,
            "contact",
            "contact",
            Answer::Many(Choice::Contact),
        ))
    },
    Question {
        reveals: &[
            ("interpreter", &[TextField::InterpreterLanguage]),
            ("other", &[TextField::AccessOther]),
        ],
        ..ask(
            Step::Access,
            "support-needs",
            "access",
            Answer::Many(Choice::Access),
        )
    },
    page(Step::CheckAnswers, "check-answers"),
    page(Step::Letter, "letter"),
    page(Step::Send, "send-it"),
    page(Step::WhatNext, "what-happens-next"),
    page(Step::FreeHelp, "free-help"),
    page(Step::Finish, "finish"),
];

/// The finish, in its order: the second program shows these four pages (see `ui::more`), each
/// numbered "Step 1 of 4" and so on.
pub const FINISH_STEPS: [Step; 4] = [Step::Letter, Step::Send, Step::WhatNext, Step::FreeHelp];

impl Step {
    /// Where this step is in the finish ([`FINISH_STEPS`]), counting from 0; `None` for the
    /// journey's other pages.
    pub fn finish_index(self) -> Option<usize> {
        FINISH_STEPS.iter().position(|s| *s == self)
    }

    /// This step's record. Every step has one (a test checks), so this cannot fail.
    pub fn question(self) -> &'static Question {
        QUESTIONS
            .iter()
            .find(|q| q.step == self)
            .unwrap_or(&QUESTIONS[0])
    }

    /// Every step, in journey order.
    pub fn all() -> impl DoubleEndedIterator<Item = Step> + Clone {
        QUESTIONS.iter().map(|q| q.step)
    }

    /// The page address after `#/`.
    pub fn slug(self) -> &'static str {
        self.question().slug
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        QUESTIONS.iter().find(|q| q.slug == slug).map(|q| q.step)
    }

    /// True for a question (it counts towards "Question x of y"); false for a summary or
    /// result page.
    pub fn is_question(self) -> bool {
        self.question().answer != Answer::Page
    }

    /// True when the step does not apply to these answers and the journey passes over it.
    pub fn is_skipped(self, answers: &Answers, today: Date) -> bool {
        (self.question().skip)(answers, today)
    }

    /// True when the step has an answer. Used to resume a saved journey.
    pub fn is_complete(self, answers: &Answers) -> bool {
        match self.question().answer {
            Answer::One(choice) | Answer::Many(choice) => !choice.selected(answers).is_empty(),
            Answer::Text(field) => has_text(field.get(answers)),
            Answer::Boxes(fields) => has_text(fields[0].get(answers)),
            Answer::Page => false,
        }
    }
}

/// Where a choice question's answer goes: each option's value is the answer's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    YesNo(YesNoField),
    Who,
    ServiceGroup,
    Service,
    PrivateCare,
    /// Areas come from the data; each belongs to a nation.
    Area,
    When,
    Wants,
    Stage,
    ReplyProblems,
    OtherServices,
    Contact,
    Access,
    /// A question added since answers layout 2: its answer is kept under its id in
    /// `Answers::more`, one of `values` (see [`YES_NO`] for yes / no / not sure).
    Keyed(&'static str, &'static [&'static str]),
}

/// The yes / no / not sure answer with this id on the page.
pub fn yes_no_from_id(value: &str) -> Option<YesNo> {
    YesNo::ALL.into_iter().find(|y| yes_no_id(*y) == value)
}

/// The services offered in "Was anyone else involved?": the kinds that care most often falls
/// between, each routed as its own service would be.
pub const OTHER_SERVICES: [Service; 9] = [
    Service::GpPractice,
    Service::Pharmacy,
    Service::Hospital,
    Service::MentalHealth,
    Service::AmbulanceOr111,
    Service::CommunityHealth,
    Service::CouncilSocialCare,
    Service::PrisonHealthcare,
    Service::NhsDentist,
];

/// "Can they show your complaint to the service?": the id its answer is kept under.
pub const SHARE_WITH_SERVICE: &str = "share-with-service";

/// The values of a yes / no / not sure question kept by id ([`Choice::Keyed`]).
pub const YES_NO: &[&str] = &["yes", "no", "not-sure"];

fn ids<T: Copy>(all: &[T], id: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|x| id(*x)).collect()
}

impl Choice {
    /// Every value this choice can hold (for areas: none here; they come from the data).
    pub fn values(self) -> Vec<&'static str> {
        match self {
            Choice::YesNo(_) => ids(&YesNo::ALL, yes_no_id),
            Choice::Who => vec!["me", "helping"],
            Choice::ServiceGroup => ids(&ServiceGroup::ALL, ServiceGroup::id),
            Choice::Service => ids(&Service::ALL, Service::id),
            Choice::PrivateCare => ids(&PrivateCareKind::ALL, PrivateCareKind::id),
            Choice::Area => Vec::new(),
            Choice::When => vec![
                "date",
                "roughly",
                "not-sure",
                "still-happening",
                "on-and-off",
            ],
            Choice::Wants => ids(&Want::ALL, Want::id),
            Choice::Stage => ids(&Stage::ALL, Stage::id),
            Choice::ReplyProblems => ids(&ReplyProblem::ALL, ReplyProblem::id),
            Choice::OtherServices => OTHER_SERVICES.iter().map(|s| s.id()).collect(),
            Choice::Contact => ids(&ContactMethod::ALL, ContactMethod::id),
            Choice::Access => ids(&AccessNeed::ALL, AccessNeed::id),
            Choice::Keyed(_, values) => values.to_vec(),
        }
    }

    /// True when this option is offered for these answers: only the services of the chosen
    /// group, and the Special Allocation Scheme review only when the complaint is about the
    /// scheme (or it was already ticked).
    pub fn offers(self, value: &str, answers: &Answers) -> bool {
        match self {
            Choice::Service => answers
                .service_group
                .is_some_and(|g| g.services().iter().any(|s| s.id() == value)),
            // Not the service the complaint is mainly about (unless already ticked).
            Choice::OtherServices => {
                answers.situation.service.map(Service::id) != Some(value)
                    || answers.other_services.iter().any(|s| s == value)
            }
            Choice::Wants => {
                value != Want::SasReview.id()
                    || answers.situation.service == Some(Service::GpRemovalOrSas)
                    || answers.wants.contains(&Want::SasReview)
            }
            _ => true,
        }
    }

    /// The values chosen so far.
    pub fn selected(self, a: &Answers) -> Vec<String> {
        let s = &a.situation;
        let one = |id: Option<&str>| id.map(str::to_string).into_iter().collect();
        let many = |ids: Vec<&str>| ids.into_iter().map(str::to_string).collect();
        match self {
            Choice::YesNo(field) => one(field.get(a).map(yes_no_id)),
            Choice::Who => one(a.who.map(|w| match w {
                Who::Myself => "me",
                Who::HelpingSomeone => "helping",
            })),
            Choice::ServiceGroup => one(a.service_group.map(ServiceGroup::id)),
            Choice::Service => one(s.service.map(Service::id)),
            Choice::PrivateCare => one(s.private_care.map(PrivateCareKind::id)),
            Choice::Area => s.area.clone().into_iter().collect(),
            Choice::When => one(a.when_input.choice.map(|c| match c {
                WhenChoice::ExactDate => "date",
                WhenChoice::Roughly => "roughly",
                WhenChoice::NotSure => "not-sure",
                WhenChoice::StillHappening => "still-happening",
                WhenChoice::OnAndOff => "on-and-off",
            })),
            Choice::Wants => many(a.wants.iter().map(|w| w.id()).collect()),
            Choice::Stage => one(s.stage.map(Stage::id)),
            Choice::ReplyProblems => a.reply_problems.clone(),
            Choice::OtherServices => a.other_services.clone(),
            Choice::Contact => many(a.contact.methods.iter().map(|m| m.id()).collect()),
            Choice::Access => many(a.access_needs.iter().map(|n| n.id()).collect()),
            Choice::Keyed(id, _) => one(a.more(id)),
        }
    }

    /// The edit made by choosing `value` (for checkboxes: ticking or unticking it). `None`
    /// for a value this choice does not know.
    pub fn edit(self, value: &str) -> Option<Edit> {
        fn find<T: Copy>(all: &[T], id: fn(T) -> &'static str, value: &str) -> Option<T> {
            all.iter().copied().find(|x| id(*x) == value)
        }
        Some(match self {
            Choice::YesNo(field) => Edit::YesNo(field, yes_no_from_id(value)?),
            Choice::Who => Edit::Who(match value {
                "me" => Who::Myself,
                "helping" => Who::HelpingSomeone,
                _ => return None,
            }),
            Choice::ServiceGroup => Edit::ServiceGroup(ServiceGroup::from_id(value)?),
            Choice::Service => Edit::Service(Service::from_id(value)?),
            Choice::PrivateCare => Edit::PrivateCare(PrivateCareKind::from_id(value)?),
            Choice::Area => Edit::Area(value.to_string()),
            Choice::When => Edit::WhenChoice(match value {
                "date" => WhenChoice::ExactDate,
                "roughly" => WhenChoice::Roughly,
                "not-sure" => WhenChoice::NotSure,
                "still-happening" => WhenChoice::StillHappening,
                "on-and-off" => WhenChoice::OnAndOff,
                _ => return None,
            }),
            Choice::Wants => Edit::ToggleWant(find(&Want::ALL, Want::id, value)?),
            Choice::Stage => Edit::Stage(Stage::from_id(value)?),
            Choice::ReplyProblems => {
                Edit::ToggleId(IdList::ReplyProblems, ReplyProblem::from_id(value)?.id())
            }
            Choice::OtherServices => Edit::ToggleId(
                IdList::OtherServices,
                OTHER_SERVICES.iter().find(|s| s.id() == value)?.id(),
            ),
            Choice::Contact => {
                Edit::ToggleContact(find(&ContactMethod::ALL, ContactMethod::id, value)?)
            }
            Choice::Access => Edit::ToggleAccess(find(&AccessNeed::ALL, AccessNeed::id, value)?),
            Choice::Keyed(id, values) => Edit::Keyed(id, values.iter().find(|v| **v == value)?),
        })
    }
}

/// The id of a yes / no / not sure answer on the page.
pub fn yes_no_id(value: YesNo) -> &'static str {
    match value {
        YesNo::Yes => "yes",
        YesNo::No => "no",
        YesNo::NotSure => "not-sure",
    }
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
