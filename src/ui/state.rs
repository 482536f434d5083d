//! The one reducer that owns the interview state.
//!
//! Components never change state themselves: they send an [`Action`]. The reducer applies it
//! with the domain's rules (`domain::interview`) and, when the person should move to another
//! page, records a navigation request that an effect in `App` carries out by changing the
//! address. The address change then comes back as [`Action::Navigate`], so the browser's Back
//! and Forward buttons, links, and Continue all take the same path.

use crate::data::journey;
use crate::domain::answers::Answers;
use crate::domain::date::Date;
use crate::domain::interview::{apply, next, Edit, FieldError, Page, Step, TextField};
use crate::domain::situation::YesNo;
use crate::domain::tools::PlaceReply;
use std::rc::Rc;
use yew::Reducible;

/// Everything the interface shows, in one place.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub answers: Answers,
    pub page: Page,
    /// True when this page was opened from a Change link; Continue then returns to the summary.
    pub from_check: bool,
    /// Errors to show on the current page (after a Continue that failed).
    pub errors: Vec<FieldError>,
    /// How many times Continue has failed, so the same errors a second time still take focus
    /// (a screen reader then reads them again, instead of nothing happening).
    pub failed_continues: u32,
    /// Where to go next, set by the reducer and carried out by an effect (with a counter so a
    /// repeated request to the same place still runs).
    pub navigation: Option<(String, u32)>,
    pub today: Date,
    /// False once the browser has refused to store the answers in this tab.
    pub storage_works: bool,
    /// A one-off message, and the page it belongs on (for example, the start page after a quiet
    /// shared computer was cleared). It goes when the person moves to another page.
    pub notice: Option<(Page, &'static str)>,
    /// The answers say someone may not be safe now: a gentle panel offers crisis lines. Held
    /// in memory only, never saved, never in the letter.
    pub care: bool,
    /// The person hid that panel: it does not come back in this visit.
    pub care_hidden: bool,
    /// What the place lookup says about the postcode or place typed on "Where did this
    /// happen?", while it is still what is typed there (and no area was chosen by hand since).
    pub place: Option<String>,
}

impl Model {
    pub fn new(answers: Answers, today: Date, page: Page, from_check: bool) -> Model {
        Model {
            answers,
            page,
            from_check,
            errors: Vec::new(),
            failed_continues: 0,
            navigation: None,
            today,
            storage_works: true,
            notice: None,
            care: false,
            care_hidden: false,
            place: None,
        }
    }

    /// Forgets every answer and setting, as if the tab had just been opened.
    fn clear(&mut self) {
        self.answers = Answers::default();
        self.errors.clear();
        self.notice = None;
        self.care = false;
    }

    fn apply(&mut self, edit: Edit) {
        apply(&mut self.answers, edit, self.today, |id| {
            journey().area(id).map(|a| (a.id.clone(), a.nation))
        });
    }

    fn go(&mut self, page: Page, change: bool) {
        let count = self.navigation.as_ref().map_or(0, |(_, n)| n + 1);
        let suffix = if change { "?change" } else { "" };
        self.navigation = Some((format!("{}{}", page.hash(), suffix), count));
    }

    /// The page after `step` when the person presses Continue with valid answers.
    fn after(&self, step: Step) -> (Page, bool) {
        let answers = &self.answers;
        if step == Step::Safe
            && matches!(
                answers.situation.in_danger_now,
                Some(YesNo::Yes | YesNo::NotSure)
            )
        {
            return (Page::GetHelp, false);
        }
        let following = next(step, answers, self.today);
        if self.from_check {
            // A change can make a new question apply (a new service type needs its detail):
            // ask it, then come back to the summary.
            if let Some(n) = following.filter(|n| {
                n.is_question()
                    && !n.is_complete(answers)
                    && !n.errors(answers, self.today).is_empty()
            }) {
                return (Page::Step(n), true);
            }
            return (Page::Step(Step::CheckAnswers), false);
        }
        (following.map_or(Page::Start, Page::Step), false)
    }
}

/// Everything that can happen.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The address changed (a link, Back, Forward, or a navigation request carried out).
    Navigate { page: Page, from_check: bool },
    /// The person changed an answer.
    Edit(Edit),
    /// The person pressed Continue on the current step.
    Continue,
    /// Go to a page (used by buttons that are not links).
    GoTo(Page),
    /// The browser refused to store the answers.
    StorageFailed,
    /// Forget every answer (quick exit, or "Finish and clear").
    Clear,
    /// Replace the answers with an opened draft.
    Restore(Box<Answers>),
    /// The answers as the second program's pages changed them (see `platform::more`).
    FromMore(Box<Answers>),
    /// Whether the letter tools found words that say someone may not be safe now.
    Care(bool),
    /// The person hid the crisis panel.
    HideCare,
    /// The place lookup's answer for what was typed (ignored once the typing has moved on).
    Place { typed: String, reply: PlaceReply },
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut model = (*self).clone();
        match action {
            Action::Navigate { page, from_check } => {
                if model.page == page && model.from_check == from_check {
                    return self;
                }
                if model.notice.is_some_and(|(at, _)| at != page) {
                    model.notice = None;
                }
                model.page = page;
                model.from_check = from_check;
                model.errors.clear();
            }
            Action::Edit(edit) => {
                if matches!(edit, Edit::Text(TextField::Postcode, _) | Edit::Area(_)) {
                    model.place = None;
                }
                model.apply(edit);
            }
            Action::Continue => {
                let Page::Step(step) = model.page else {
                    return self;
                };
                let errors = step.errors(&model.answers, model.today);
                if errors.is_empty() {
                    let (page, change) = model.after(step);
                    model.errors.clear();
                    model.go(page, change);
                } else {
                    model.errors = errors;
                    model.failed_continues = model.failed_continues.wrapping_add(1);
                }
            }
            Action::GoTo(page) => model.go(page, false),
            Action::StorageFailed => {
                if !model.storage_works {
                    return self;
                }
                model.storage_works = false;
            }
            Action::Clear => model.clear(),
            // The second program's pages changed the answers. The shared-computer setting is
            // changed only here (at the top of every page), so this copy of it stands.
            Action::FromMore(answers) => {
                let shared_computer = model.answers.shared_computer;
                model.answers = *answers;
                model.answers.shared_computer = shared_computer;
            }
            Action::Restore(answers) => {
                model.answers = *answers;
                model.errors.clear();
            }
            Action::Care(care) => {
                if model.care_hidden || model.care == care {
                    return self;
                }
                model.care = care;
            }
            Action::HideCare => {
                model.care = false;
                model.care_hidden = true;
            }
            Action::Place { typed, reply } => {
                let PlaceReply {
                    area,
                    council,
                    care,
                    say,
                } = reply;
                if typed != model.answers.area_postcode {
                    return self;
                }
                // Certain: chosen for them (unless an area is chosen already: see
                // `Edit::Council`), and said, so they can change it.
                if let Some(area) = area {
                    let council = council.unwrap_or_default();
                    let care = care.unwrap_or_default();
                    model.apply(Edit::Council {
                        area,
                        council,
                        care,
                    });
                }
                model.place = Some(say);
            }
        }
        Rc::new(model)
    }
}
