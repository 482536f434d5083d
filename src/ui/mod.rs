//! The Yew user interface: one `App` that owns the interview state, and pages built from small
//! components.
//!
//! - [`state`]: the reducer and the model it owns.
//! - [`components`]: GOV.UK-style building blocks (choices, text fields, error summary, Listen).
//! - [`pages`]: one function per journey step; [`summary`]: check your answers;
//!   [`concerns`]: the concern log's pages; [`letter`]: the letter, the "Before you send" check and where to send it;
//!   [`result`]: crisis help, the route panel, finish and clear;
//!   [`save`]: saving and opening an encrypted draft; [`more`]: the pages of the second
//!   program (the finish steps and the concern log), loaded when one first opens.
//!
//! The start page is plain HTML in `index.html` (it paints before the app arrives); the app
//! shows or hides it and renders every other page into `#app`.

pub mod components;
pub mod concerns;
pub mod letter;
pub mod more;
pub mod pages;
pub mod result;
pub mod save;
pub mod state;
pub mod summary;
pub mod view;

use crate::domain::interview::{Page, Step};
use crate::platform;
use crate::words::words;
use state::{Action, Model};
use view::View;
use yew::prelude::*;

/// How long typing must pause before the answers are written to the tab's storage.
const SAVE_AFTER_MS: u32 = 300;

/// How long the second program's pages may take to load before the page offers to try again.
const MORE_WAIT_MS: u32 = 30_000;

/// Mounts the app on the page.
pub fn start() {
    // If the app ever stops on an error, the safety net sees the browser's error and shows a
    // calm "Something went wrong" panel with the words on the page to copy; "Start the page
    // again" brings back the rest from the tab's storage. Exit never needed the app.
    //
    // The app starts once the safety net has checked the tab's storage (answers come back only
    // on a reload), so it never reads answers that are about to be cleared.
    let ready = platform::exit::safety_net("ready", &[]).map(js_sys::Promise::from);
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(ready) = ready {
            let _ = wasm_bindgen_futures::JsFuture::from(ready).await;
        }
        let document = platform::window()
            .document()
            .expect("a page has a document");
        let root = document
            .get_element_by_id("app")
            .expect("index.html has an #app element");
        // index.html holds a plain copy of the top lines so the page does not jump while the
        // app loads; the app's own copy replaces it in the same moment it first renders.
        if let Some(top) = document.get_element_by_id("app-top-live") {
            top.set_inner_html("");
        }
        yew::Renderer::<App>::with_root(root).render();
    });
}

/// Asks the letter tools what a postcode or place's name is. If their table is still on its
/// way, they answer once it has come; if no answer comes, the list is still there.
fn look_up_place(typed: String, dispatch: Callback<Action>) {
    let request = crate::domain::tools::Request::Place {
        typed: typed.clone(),
    };
    platform::tools::ask(&request, move |reply| {
        if let Ok(crate::domain::tools::Reply::Place(reply)) = reply {
            dispatch.emit(Action::Place { typed, reply });
        }
    });
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let model = use_reducer(|| {
        let (page, from_check) = Page::from_hash(&platform::page::hash());
        let notice = platform::storage::take_notice();
        // The safety net has already emptied the tab's storage unless this was a reload: a tab
        // reopened after closing, or a copy of it, starts empty.
        let answers = platform::storage::load_session().unwrap_or_default();
        let mut model = Model::new(answers, platform::today(), page, from_check);
        // What the fresh start page says after the answers were cleared on purpose.
        let text = &words().screens.frame;
        model.notice = match notice.as_deref() {
            Some("idle") => Some((Page::Start, text.cleared_idle)),
            Some("finished") => Some((Page::Start, text.cleared_finished)),
            _ => None,
        };
        model
    });
    let dispatch: Callback<Action> = {
        let model = model.clone();
        Callback::from(move |action| model.dispatch(action))
    };

    // The address is the page: follow it, including Back and Forward.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&platform::window(), "hashchange", move |_| {
                    let hash = platform::page::hash();
                    // Only "#/..." addresses are pages; "#main" (the skip link) is not.
                    if hash.is_empty() || hash.starts_with('/') {
                        let (page, from_check) = Page::from_hash(&hash);
                        dispatch.emit(Action::Navigate { page, from_check });
                    }
                });
            move || drop(listener)
        });
    }

    // Quick exit: the header button and Shift pressed three times.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = platform::exit::install(move || dispatch.emit(Action::Clear));
            // The first page is on screen: say so, for the browser tests and the benchmark.
            platform::page::set_started();
            move || drop(listener)
        });
    }

    // On a shared computer ("Not sure" counts: the safe guess) each step replaces the last in the
    // browser's history, so nobody can page Back through the answers after the person has gone.
    // The safety net clears everything after a quiet spell (warning first) unless the person has
    // said this is not a shared computer (a setting at the top of every page; changing it runs
    // this effect again, and `go` then knows the navigation is not new).
    {
        let shared = model.answers.on_shared_computer();
        let idle = model.answers.shared_computer != Some(crate::domain::situation::YesNo::No);
        use_effect_with(
            (model.navigation.clone(), shared, idle),
            move |(navigation, shared, idle)| {
                platform::exit::watch_idle(*idle);
                if let Some((hash, request)) = navigation {
                    platform::page::go(hash, *shared, *request);
                }
            },
        );
    }

    // Keep the answers in this tab's session storage, so a refresh loses nothing. Saving the
    // whole account on every keystroke would slow typing in a long account, so it waits for a
    // short pause; leaving or hiding the page (a refresh, a closed tab, switching apps) saves
    // at once whatever is still waiting.
    // Quick exit clears what is waiting too (platform::storage::clear_everything), so words
    // typed just before leaving are never written after it.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let save_now = move |_: &web_sys::Event| {
                if !platform::storage::save_pending() {
                    dispatch.emit(Action::StorageFailed);
                }
            };
            let window = platform::window();
            let on_hide = gloo::events::EventListener::new(&window, "pagehide", save_now.clone());
            let document = window.document().expect("a page has a document");
            let on_hidden =
                gloo::events::EventListener::new(&document, "visibilitychange", save_now);
            move || drop((on_hide, on_hidden))
        });
    }
    {
        let dispatch = dispatch.clone();
        use_effect_with(model.answers.clone(), move |answers| {
            platform::storage::save_session_soon(answers.clone());
            let timer = gloo::timers::callback::Timeout::new(SAVE_AFTER_MS, move || {
                if !platform::storage::save_pending() {
                    dispatch.emit(Action::StorageFailed);
                }
            });
            // A newer change replaces this one, and its own timer saves it.
            move || drop(timer)
        });
    }

    // A new page: show or hide the static start page, set the title, move focus to the top.
    //
    // Then, if the person has typed anything, the letter tools read the answers for words that
    // say someone may not be safe now (the word lists live there, not in the first download) and
    // the panel above the page offers crisis lines. Nothing is kept or sent.
    {
        let title = pages::title(model.page);
        let dispatch = dispatch.clone();
        // The handle, not a copy of the answers: they are read only when the page changes, not
        // on every keystroke that renders the app.
        let current = model.clone();
        let page_title = title.clone();
        use_effect_with(model.page, move |page| {
            platform::page::show_start_page(*page == Page::Start);
            platform::page::set_title(&page_title);
            // The question's heading takes focus, so a screen reader starts there; then back
            // to the top, so the Exit button stays on screen.
            // (The second program's pages focus their own heading once they are drawn.)
            if *page != Page::Start && !more::is_more_page(*page) {
                platform::page::focus_heading();
            }
            platform::page::scroll_to_top();
            if !current.care_hidden && crate::domain::fields::has_typed_words(&current.answers) {
                let request = crate::domain::tools::Request::Concern {
                    answers: Box::new(current.answers.clone()),
                };
                platform::tools::ask(&request, move |reply| {
                    if let Ok(crate::domain::tools::Reply::Concern(kind)) = reply {
                        dispatch.emit(Action::Care(kind.is_some()));
                    }
                });
            }
        });

        // A failed Continue: move focus to the error summary so a screen reader reads it first, and
        // say "Error:" in the page title, which is the first thing read.
        use_effect_with(
            (model.errors.clone(), model.failed_continues),
            move |(errors, _)| {
                if errors.is_empty() {
                    platform::page::set_title(&title);
                } else {
                    platform::page::set_title(
                        &[words().screens.common.error_prefix, &title].concat(),
                    );
                    platform::page::focus("error-summary");
                }
            },
        );
    }

    // "Where did this happen?": the letter tools fetch the place table when the page opens
    // (once), and look up what is typed as it is typed.
    {
        let dispatch = dispatch.clone();
        let on_place_page = model.page == Page::Step(Step::Area);
        use_effect_with(
            (on_place_page, model.answers.area_postcode.clone()),
            move |(on, typed)| {
                if *on {
                    platform::tools::load_places();
                    if crate::domain::answers::has_text(typed) {
                        look_up_place(typed.clone(), dispatch);
                    }
                }
            },
        );
    }

    // The second program (the finish steps and the concern log): loaded when one of its pages
    // first opens, then sent the answers with each of its pages; every change made there
    // comes back here, to be kept like any other.
    let more_loaded = use_state(|| None::<bool>);
    let more_attempts = use_state(|| 0u32);
    // The second program is from another version of the app: its changes cannot be read here.
    let more_stale = use_state(|| false);
    {
        let dispatch = dispatch.clone();
        let more_stale = more_stale.clone();
        use_effect_with((), move |_| {
            let listener =
                platform::more::listen(platform::more::CHANGED, move |answers| match answers {
                    Some(answers) => dispatch.emit(Action::FromMore(Box::new(answers))),
                    None => more_stale.set(true),
                });
            move || drop(listener)
        });
    }
    {
        let current = model.clone();
        let more_loaded = more_loaded.clone();
        // Sent again when the shared-computer setting changes there, so those pages know it.
        let shared = model.answers.shared_computer;
        use_effect_with((model.page, *more_attempts, shared), move |(page, _, _)| {
            if more::is_more_page(*page) {
                if let Some(loading) = platform::more::load() {
                    // A load that never ends (a connection that hangs) says so after a while,
                    // with "Try again"; if it does end later, the page still comes.
                    let ended = std::rc::Rc::new(std::cell::Cell::new(false));
                    let (waited, ended_in_time) = (more_loaded.clone(), ended.clone());
                    gloo::timers::callback::Timeout::new(MORE_WAIT_MS, move || {
                        if !ended_in_time.get() {
                            waited.set(Some(false));
                        }
                    })
                    .forget();
                    wasm_bindgen_futures::spawn_local(async move {
                        let loaded = wasm_bindgen_futures::JsFuture::from(loading).await.is_ok();
                        ended.set(true);
                        if loaded {
                            platform::more::send(platform::more::SHOW, &current.answers);
                        }
                        more_loaded.set(Some(loaded));
                    });
                }
            }
        });
    }
    let more_status = {
        let text = &words().screens.frame;
        match *more_loaded {
            Some(true) if *more_stale => {
                let letter = &words().screens.letter;
                components::warning(
                    letter.trouble_updated,
                    letter.reload_button,
                    Callback::from(|_: MouseEvent| platform::page::reload_keeping_answers()),
                )
            }
            Some(true) => html! {},
            None => html! { <p role="status">{text.more_loading}</p> },
            Some(false) => {
                let again = {
                    let more_loaded = more_loaded.clone();
                    let more_attempts = more_attempts.clone();
                    Callback::from(move |_: MouseEvent| {
                        more_loaded.set(None);
                        more_attempts.set(more_attempts.wrapping_add(1));
                    })
                };
                components::warning(text.more_failed, text.more_again, again)
            }
        }
    };

    let edit = dispatch.reform(Action::Edit);
    let view = View {
        model: &model,
        edit,
        dispatch: dispatch.clone(),
    };
    let page = match model.page {
        Page::Start => html! {},
        Page::GetHelp => result::get_help_page(&view),
        Page::Save => {
            html! { <save::SavePage answers={model.answers.clone()} dispatch={dispatch.clone()} /> }
        }
        Page::Step(Step::CheckAnswers) => summary::check_answers(&view),
        // The second program's pages go in here (see `more`). The element stays the same from
        // one of its pages to the next, so the letter the tools made stays too.
        page if more::is_more_page(page) => html! {
            <>
                <div id={platform::more::HOST}></div>
                {more_status}
            </>
        },
        Page::Step(Step::Finish) => result::finish_page(&view),
        Page::Step(step) => pages::step_page(&view, step),
        // Every other page is the second program's (see above); none is left for here.
        _ => pages::not_found(),
    };
    let text = &words().screens.frame;
    let top = html! {
        <div>
            if model.care && model.page != Page::GetHelp {
                {result::care_panel(&model.answers.situation, dispatch.reform(|_| Action::HideCare))}
            }
            if let Some((_, notice)) = model.notice.filter(|(at, _)| *at == model.page) {
                <div class="app-notice" role="status"><p>{notice}</p></div>
            }
            if !model.storage_works {
                <div class="app-notice" role="status">
                    <p>{text.storage_failed}</p>
                </div>
            }
        </div>
    };
    let document = platform::window().document();
    let host = |id: &str| document.as_ref().and_then(|d| d.get_element_by_id(id));
    let device = pages::device_setting(&view);
    html! {
        <>
            if let Some(host) = host("app-top-live") {
                {create_portal(top, host)}
            } else {
                {top}
            }
            if let Some(host) = host("app-device") {
                {create_portal(device, host)}
            }
            {page}
        </>
    }
}
