//! Every box and choice a person fills in: where its answer lives in [`Answers`], its id on
//! the page, how it is typed, and the one [`Edit`] that changes it.
//!
//! Each text box is **one row** in the `text_fields!` list below: the enum variant, its place
//! in the answers, its id and its shape. The reader, the writer and [`TextField::ALL`] are all
//! made from that row, so they cannot drift apart (once they were written out three times).

use super::answers::{has_text, AccessNeed, Answers, ContactMethod, Want, Who};
use super::date::Date;
use super::situation::{Nation, PrivateCareKind, Service, ServiceGroup, Stage, YesNo};
use super::when::WhenChoice;

/// The answers kept as lists of ids (see [`Answers::reply_problems`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdList {
    ReplyProblems,
    OtherServices,
}

/// How a text box looks and behaves. The interface maps each to markup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Input {
    pub shape: Shape,
    /// The HTML input type: "text", "email" or "tel".
    pub kind: &'static str,
    /// Brings up the number keyboard on a phone.
    pub numeric: bool,
    /// What the browser may offer to fill in, on the person's own device only.
    pub autocomplete: Option<&'static str>,
    /// Spelling suggestions (only when the person turns them on) suit words, not numbers,
    /// names or addresses.
    pub spellcheck: bool,
}

/// The size of a text box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One line, full width.
    Line,
    /// One line, about 20 characters.
    Medium,
    /// One line, a few characters (a day, a year, a postcode).
    Short,
    /// Several lines.
    Lines,
    /// Several lines, taller: for someone's whole story.
    Tall,
}

const fn input(shape: Shape) -> Input {
    Input {
        shape,
        kind: "text",
        numeric: false,
        autocomplete: None,
        spellcheck: true,
    }
}

const LINE: Input = input(Shape::Line);
const LINES: Input = input(Shape::Lines);
const NUMBER: Input = Input {
    numeric: true,
    spellcheck: false,
    ..input(Shape::Short)
};
const MONTH: Input = Input {
    spellcheck: false,
    ..input(Shape::Short)
};
const NAME: Input = Input {
    autocomplete: Some("name"),
    spellcheck: false,
    ..LINE
};

macro_rules! text_fields {
    ($($(#[$doc:meta])* $name:ident => $($path:ident).+, $id:literal, $input:expr;)*) => {
        /// A free-text box in the answers. One text component serves every one of them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum TextField {
            $($(#[$doc])* $name,)*
        }

        impl TextField {
            /// Every text box. The order matters: the safety check reads the person's own
            /// story first, so a worry found there is the one it names.
            pub const ALL: &'static [TextField] = &[$(TextField::$name,)*];

            /// The current text of this box, exactly as typed.
            pub fn get(self, a: &Answers) -> &str {
                match self {
                    $(TextField::$name => &a.$($path).+,)*
                }
            }

            fn slot(self, a: &mut Answers) -> &mut String {
                match self {
                    $(TextField::$name => &mut a.$($path).+,)*
                }
            }

            /// The box's id on the page (errors link to it).
            pub fn id(self) -> &'static str {
                match self {
                    $(TextField::$name => $id,)*
                }
            }

            /// How the box looks and what the browser may offer.
            pub fn input(self) -> Input {
                match self {
                    $(TextField::$name => $input,)*
                }
            }
        }
    };
}

text_fields! {
    /// What happened, in their own words: the heart of the letter.
    WhatHappened => what_happened, "what-happened", input(Shape::Tall);
    HowItAffected => how_it_affected, "how-it-affected", LINES;
    WantOther => want_other, "want-other", LINES;
    LateReason => late_reason, "late-reason", LINES;
    /// What was wrong with the service's final answer, in their own words.
    ReplyWords => reply_words, "reply-words", LINES;
    /// The names of the other services the complaint is about.
    OtherNames => other_names, "other-names", LINES;
    AccessOther => access_other, "access-other", LINES;
    ServiceName => service_name, "service-name", LINE;
    /// The service's address, for the letter (optional).
    ServiceAddress => service_address, "service-address", LINES;
    Name => contact.name, "name", NAME;
    /// The date of birth: day, month (a number or a name) and year.
    BirthDay => birth_day, "birth-day", Input { autocomplete: Some("bday-day"), ..NUMBER };
    BirthMonth => birth_month, "birth-month", Input { autocomplete: Some("bday-month"), ..MONTH };
    BirthYear => birth_year, "birth-year", Input { autocomplete: Some("bday-year"), ..NUMBER };
    Address => contact.address, "contact-address", Input { autocomplete: Some("street-address"), ..LINES };
    CareOfName => contact.care_of_name, "contact-care-of-name", LINE;
    CareOfAddress => contact.care_of_address, "contact-care-of-address", LINES;
    Email => contact.email, "contact-email", Input { kind: "email", autocomplete: Some("email"), spellcheck: false, ..LINE };
    Phone => contact.phone, "contact-phone", Input { kind: "tel", autocomplete: Some("tel"), spellcheck: false, ..LINE };
    SupportWorker => contact.support_worker, "contact-support-worker", LINES;
    InterpreterLanguage => interpreter_language, "interpreter-language", input(Shape::Medium);
    SupporterName => supporter.name, "supporter-name", NAME;
    SupporterRole => supporter.role, "supporter-role", LINE;
    SupporterContact => supporter.contact, "supporter-contact", LINE;
    WhenDay => when_input.day, "when-day", NUMBER;
    WhenMonth => when_input.month, "when-month", MONTH;
    WhenYear => when_input.year, "when-year", NUMBER;
    RoughMonth => when_input.rough_month, "when-rough-month", Input { shape: Shape::Medium, ..MONTH };
    RoughYear => when_input.rough_year, "when-rough-year", NUMBER;
    /// The first part of a postcode, used only on this device to suggest the area.
    Postcode => area_postcode, "area-postcode", Input { autocomplete: Some("postal-code"), ..MONTH };
}

/// True when the person has typed something into any text box (not only chosen options).
/// The app asks the letter tools to read the answers for danger only then.
pub fn has_typed_words(answers: &Answers) -> bool {
    TextField::ALL
        .iter()
        .map(|f| f.get(answers))
        .chain(answers.concerns.iter().flat_map(|c| c.texts()))
        .any(super::answers::has_text)
}

macro_rules! yes_no_fields {
    ($($(#[$doc:meta])* $name:ident => $($path:ident).+;)*) => {
        /// A yes / no / not sure answer.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum YesNoField {
            $($(#[$doc])* $name,)*
        }

        impl YesNoField {
            /// The answer given, if any.
            pub fn get(self, a: &Answers) -> Option<YesNo> {
                match self {
                    $(YesNoField::$name => a.$($path).+,)*
                }
            }

            fn slot(self, a: &mut Answers) -> &mut Option<YesNo> {
                match self {
                    $(YesNoField::$name => &mut a.$($path).+,)*
                }
            }
        }
    };
}

yes_no_fields! {
    /// "Are you safe right now?" stores whether they are in danger.
    InDanger => situation.in_danger_now;
    SharedComputer => shared_computer;
    PersonAgrees => supporter.person_agrees;
    MayShare => supporter.may_share_with_supporter;
    AbleToComplain => situation.able_to_complain_to_service;
    StillReceivingCare => situation.still_receiving_care;
    FitnessToPractise => situation.fitness_to_practise_concern;
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
    /// An area chosen by its id; it brings its nation.
    Area(String),
    /// A council found from a postcode or a place's name: its area (which brings the nation),
    /// its name, kept to show, and the name of the council that runs social care there (the
    /// county council, for a district in a county), for the routes that name it.
    Council {
        area: String,
        council: String,
        care: String,
    },
    Stage(Stage),
    WhenChoice(WhenChoice),
    ToggleWant(Want),
    /// Ticks or unticks an option of a list kept by id.
    ToggleId(IdList, &'static str),
    ToggleContact(ContactMethod),
    PhoneCallsHard(bool),
    ToggleAccess(AccessNeed),
    /// The answer to a question kept by its id in `Answers::more`.
    Keyed(&'static str, &'static str),
}

/// The id the council found from a postcode or place is kept under in `Answers::more`.
pub const COUNCIL: &str = "council";
/// The id the council that runs social care there is kept under (see [`Edit::Council`]).
pub const CARE_COUNCIL: &str = "care-council";

/// Applies one edit, keeping the derived parts of the situation in step: the date from the
/// typed fields, the nation from the area, and a service that no longer fits a new group.
///
/// `find_area` finds an area, and the nation it is in, from an area's id. It is passed in so
/// this stays independent of the data files. (A postcode or a place's name is looked up by the
/// letter tools, which then choose the council with [`Edit::Council`].)
pub fn apply(
    answers: &mut Answers,
    edit: Edit,
    today: Date,
    find_area: impl Fn(&str) -> Option<(String, Nation)>,
) {
    let place = |answers: &mut Answers, (area, nation)| {
        answers.situation.area = Some(area);
        answers.situation.nation = Some(nation);
    };
    match edit {
        Edit::Text(field, text) => {
            // A new place typed: what an earlier one found (or a choice from the list) no longer
            // holds until the lookup answers for this one. Left as it was, a half-typed postcode
            // ("B4", Birmingham) would keep its area and council when the whole one ("B49",
            // two councils in other areas) settles neither: a silent guess.
            if field == TextField::Postcode && has_text(&text) && text != answers.area_postcode {
                // The nation goes with it: it came from the same choice, and the crisis help
                // shown is the nation's.
                answers.situation.area = None;
                answers.situation.nation = None;
                answers.set_more(COUNCIL, "");
                answers.set_more(CARE_COUNCIL, "");
            }
            *field.slot(answers) = text;
            match field {
                TextField::WhenDay
                | TextField::WhenMonth
                | TextField::WhenYear
                | TextField::RoughMonth
                | TextField::RoughYear => {
                    answers.situation.when = answers.when_input.value(today);
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
        // Chosen by hand: a council found earlier may not be in it, so it is forgotten.
        Edit::Area(area) => {
            if let Some(found) = find_area(&area) {
                place(answers, found);
                answers.set_more(COUNCIL, "");
                answers.set_more(CARE_COUNCIL, "");
            }
        }
        // Chosen for them only while nothing is chosen: a new place typed clears the choice
        // (above), so an area already there was chosen by hand since, or found before for the
        // same text (the page asks the lookup again each time it opens), and stands.
        Edit::Council {
            area,
            council,
            care,
        } => {
            let found = find_area(&area).filter(|_| answers.situation.area.is_none());
            if let Some(found) = found {
                place(answers, found);
                answers.set_more(COUNCIL, &council);
                answers.set_more(CARE_COUNCIL, &care);
            }
        }
        Edit::Stage(stage) => answers.situation.stage = Some(stage),
        Edit::WhenChoice(choice) => {
            answers.when_input.choice = Some(choice);
            answers.situation.when = answers.when_input.value(today);
        }
        Edit::ToggleWant(want) => Answers::toggle(&mut answers.wants, want),
        Edit::ToggleId(which, id) => {
            let list = match which {
                IdList::ReplyProblems => &mut answers.reply_problems,
                IdList::OtherServices => &mut answers.other_services,
            };
            Answers::toggle(list, id.to_string());
        }
        Edit::ToggleContact(method) => {
            Answers::toggle(&mut answers.contact.methods, method);
            // A helper has already given their name, role and contact: offer them in the box
            // rather than asking again. Only into an empty box, and the helper can change it.
            let chosen = answers
                .contact
                .methods
                .contains(&ContactMethod::SupportWorker);
            if method == ContactMethod::SupportWorker
                && chosen
                && answers.is_supporter()
                && !super::answers::has_text(&answers.contact.support_worker)
            {
                let s = &answers.supporter;
                answers.contact.support_worker =
                    super::answers::lines_given(&[&s.name, &s.role, &s.contact]);
            }
        }
        Edit::PhoneCallsHard(hard) => answers.contact.phone_calls_hard = hard,
        Edit::ToggleAccess(need) => Answers::toggle(&mut answers.access_needs, need),
        Edit::Keyed(id, value) => answers.set_more(id, value),
    }
}
