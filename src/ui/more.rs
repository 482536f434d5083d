//! The pages of the second program (see `platform::more`): the four finish steps, and the
//! concern log. The app draws an empty `#app-more` for them and sends the answers; these pages
//! show them, and send every change back, so the app keeps them as it keeps all the others.

use super::concerns::{act, ConcernAction, ConcernList, ConcernPage, ShareConcerns};
use super::letter::LetterPage;
use crate::domain::answers::Answers;
use crate::domain::interview::{apply, Edit, Page};
use crate::platform;
use std::rc::Rc;
use yew::prelude::*;

/// True for the pages the second program shows.
pub fn is_more_page(page: Page) -> bool {
    match page {
        Page::Step(step) => step.finish_index().is_some(),
        Page::Concerns | Page::NewConcern | Page::Concern(_) | Page::ShareConcerns => true,
        _ => false,
    }
}

/// The props of [`MorePages`]: the answers the app sent when it asked for the first page.
#[derive(Properties, PartialEq)]
pub struct MoreProps {
    pub answers: Answers,
}

/// What these pages hold: the answers, the page in the address, and how many changes the
/// person made here (each one is sent to the app; the answers the app sends are not sent back).
#[derive(Clone, PartialEq)]
struct Held {
    answers: Answers,
    page: Page,
    changes: u32,
    /// The last change sent to the app: while it is behind `changes`, these answers are newer
    /// than any the app holds.
    sent: u32,
}

enum Heard {
    /// The app opened one of these pages, with its answers.
    Show(Box<Answers>),
    /// The person changed something on this page.
    Edit(Edit),
    /// The person changed the concern log.
    Concern(ConcernAction),
    /// Change number `n` has gone to the app.
    Sent(u32),
}

impl Held {
    /// The page in the address, with these answers. "Log a concern" opens a new concern (or
    /// the last one, if it is still empty) and shows it as that concern's own page.
    fn shown(answers: Answers, changes: u32, sent: u32) -> Held {
        let mut held = Held {
            answers,
            page: Page::from_hash(&platform::page::hash()).0,
            changes,
            sent,
        };
        if held.page == Page::NewConcern {
            let today = platform::today();
            if let Some(n) = act(&mut held.answers, ConcernAction::New(today)) {
                held.page = Page::Concern(n as u16);
                held.changes = held.changes.wrapping_add(1);
            }
        }
        held
    }
}

impl Reducible for Held {
    type Action = Heard;

    fn reduce(self: Rc<Self>, action: Heard) -> Rc<Self> {
        let mut held = (*self).clone();
        match action {
            // A change made here and not yet sent is newer than the app's answers: they stay,
            // and go to the app in a moment (the app keeps its own shared-computer setting).
            Heard::Show(answers) => {
                let answers = if held.sent == held.changes {
                    *answers
                } else {
                    held.answers.clone()
                };
                held = Held::shown(answers, held.changes, held.sent);
            }
            Heard::Sent(n) => {
                if held.sent == n {
                    return self;
                }
                held.sent = n;
            }
            Heard::Edit(edit) => {
                // These pages never change the area (the one edit that needs the journey's
                // list of areas), so no list is needed here.
                apply(&mut held.answers, edit, platform::today(), |_| None);
                held.changes = held.changes.wrapping_add(1);
            }
            Heard::Concern(action) => {
                act(&mut held.answers, action);
                held.changes = held.changes.wrapping_add(1);
            }
        }
        Rc::new(held)
    }
}

/// The second program's pages.
#[component]
pub fn MorePages(props: &MoreProps) -> Html {
    let held = use_reducer(|| Held::shown(props.answers.clone(), 0, 0));
    {
        let held = held.clone();
        use_effect_with((), move |_| {
            // (Answers it cannot read are passed over: the first ones already could be.)
            let listener = platform::more::listen(platform::more::SHOW, move |answers| {
                if let Some(answers) = answers {
                    held.dispatch(Heard::Show(Box::new(answers)))
                }
            });
            move || drop(listener)
        });
    }
    // Every change made here goes to the app, which keeps it (and saves it): straight after
    // the page has been drawn, so a keystroke shows first, and once for changes made together.
    {
        let answers = held.answers.clone();
        let sent = held.clone();
        use_effect_with(held.changes, move |changes| {
            let changes = *changes;
            let timer = (changes > 0).then(|| {
                gloo::timers::callback::Timeout::new(0, move || {
                    platform::more::send(platform::more::CHANGED, &answers);
                    sent.dispatch(Heard::Sent(changes));
                })
            });
            // A newer change replaces this one, and its own timer sends it.
            move || drop(timer)
        });
    }
    // A new page: its heading takes focus (the app scrolled to the top and set the title). A
    // new concern's own address replaces "Log a concern", so a reload or Back finds it.
    use_effect_with(held.page, |page| {
        if Page::from_hash(&platform::page::hash()).0 != *page {
            // Through the safety net, which keeps its count of the app's pages for the exit,
            // and tells the app which page this is.
            super::concerns::go_to(*page, true);
        }
        platform::page::focus_heading();
    });

    let edit = {
        let held = held.clone();
        Callback::from(move |edit| held.dispatch(Heard::Edit(edit)))
    };
    let concern = {
        let held = held.clone();
        Callback::from(move |action| held.dispatch(Heard::Concern(action)))
    };
    let answers = held.answers.clone();
    let page = match held.page {
        Page::Step(step) if step.finish_index().is_some() => {
            return html! { <LetterPage {answers} today={platform::today()} {edit} {step} /> };
        }
        Page::Concern(n) => html! { <ConcernPage {answers} act={concern} index={n as usize} /> },
        Page::Concerns => html! { <ConcernList {answers} act={concern} /> },
        Page::ShareConcerns => html! { <ShareConcerns {answers} act={concern} /> },
        _ => return html! {},
    };
    // The concern log's pages share the finish steps' stylesheet.
    html! {
        <>
            <link rel="stylesheet" href="letter-page.css" />
            {page}
        </>
    }
}
