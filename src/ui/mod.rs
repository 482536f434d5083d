//! The Yew user interface: one `App` that owns the interview state, and pages built from small
//! components.
//!
//! - [`state`]: the reducer and the model it owns.
//! - [`components`]: GOV.UK-style building blocks (choices, text fields, error summary, Listen).
//! - [`pages`]: one function per journey step; [`summary`]: check your answers;
//!   [`letter`]: the letter, the "Before you send" check and where to send it;
//!   [`result`]: crisis help, the route panel, finish and clear;
//!   [`save`]: saving and opening an encrypted draft.
//!
//! The start page is plain HTML in `index.html` (it paints before the app arrives); the app
//! shows or hides it and renders every other page into `#app`.

pub mod components;
pub mod letter;
pub mod pages;
pub mod result;
pub mod save;
pub mod state;
pub mod summary;

use crate::domain::interview::Page;
use crate::domain::situation::YesNo;
use crate::platform;
use crate::platform::idle::IdleEvent;
use pages::View;
use state::{Action, Model, TextSize};
use std::rc::Rc;
use yew::prelude::*;

/// On a shared computer: ask "Are you still there?" after 14 quiet minutes, clear at 15.
const IDLE_WARN_MS: f64 = 14.0 * 60.0 * 1000.0;
const IDLE_CLEAR_MS: f64 = 15.0 * 60.0 * 1000.0;
/// How long typing must pause before the answers are written to the tab's storage.
const SAVE_AFTER_MS: u32 = 300;

/// Mounts the app on the page.
pub fn start() {
    let document = platform::window()
        .document()
        .expect("a page has a document");
    let root = document
        .get_element_by_id("app")
        .expect("index.html has an #app element");
    // index.html holds a plain copy of the top lines so the page does not jump while the app
    // loads; the app's own copy replaces it in the same moment it first renders.
    if let Some(top) = document.get_element_by_id("app-top") {
        top.set_inner_html("");
    }
    yew::Renderer::<App>::with_root(root).render();
}

/// The display settings: text size and high contrast. They live in memory only, so they reset
/// when the person exits or closes the tab.
fn display_settings(size_now: TextSize, high_contrast: bool, dispatch: &Callback<Action>) -> Html {
    let button = |size: TextSize, label: &'static str, hidden: &'static str| {
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetTextSize(size)));
        html! {
            <button type="button" class="app-button app-button--secondary" aria-pressed={(size_now == size).to_string()} {onclick}>
                {label}<span class="app-visually-hidden">{hidden}</span>
            </button>
        }
    };
    let dispatch = dispatch.clone();
    let contrast = Callback::from(move |_: MouseEvent| dispatch.emit(Action::ToggleContrast));
    html! {
        <details class="app-details app-settings app-no-print">
            <summary class="app-details__summary"><span class="app-details__summary-text">{"Text size and colours"}</span></summary>
            <div class="app-details__text">
                <p class="app-small">{"These go back to normal when you leave."}</p>
                <div class="app-button-group" role="group" aria-label="Text size">
                    {button(TextSize::Normal, "A", " normal text size")}
                    {button(TextSize::Large, "A+", " large text")}
                    {button(TextSize::Larger, "A++", " larger text")}
                </div>
                <button type="button" class="app-button app-button--secondary" aria-pressed={high_contrast.to_string()} onclick={contrast}>
                    {"High contrast"}
                </button>
            </div>
        </details>
    }
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let model = use_reducer(|| {
        let (page, from_check) = Page::from_hash(&platform::page::hash());
        let answers = platform::storage::load_session().unwrap_or_default();
        Model::new(answers, platform::today(), page, from_check)
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
            let listeners = platform::exit::install(Rc::new(move || dispatch.emit(Action::Clear)));
            move || drop(listeners)
        });
    }

    // Offline: register the service worker once; say so when the app is ready offline.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            platform::offline::register(move || dispatch.emit(Action::OfflineReady));
        });
    }

    // Shared computer: after a quiet spell, warn, then clear everything.
    {
        let dispatch = dispatch.clone();
        let shared = model.answers.shared_computer == Some(YesNo::Yes);
        use_effect_with(shared, move |shared| {
            let watch = shared.then(|| {
                platform::idle::watch(
                    IDLE_WARN_MS,
                    IDLE_CLEAR_MS,
                    Rc::new(move |event| match event {
                        IdleEvent::Warn => dispatch.emit(Action::IdleWarning(true)),
                        IdleEvent::Active => dispatch.emit(Action::IdleWarning(false)),
                        IdleEvent::Clear => {
                            platform::speech::stop();
                            platform::storage::clear_everything();
                            dispatch.emit(Action::IdleClear);
                        }
                    }),
                )
            });
            move || drop(watch)
        });
    }

    // Carry out navigation requests from the reducer by changing the address.
    use_effect_with(model.navigation.clone(), |navigation| {
        if let Some((hash, _)) = navigation {
            platform::page::go(hash);
        }
    });

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
    {
        let title = pages::title(
            &View {
                model: &model,
                edit: Callback::noop(),
                dispatch: dispatch.clone(),
            },
            model.page,
        );
        use_effect_with(model.page, move |page| {
            platform::page::show_start_page(*page == Page::Start);
            platform::page::set_title(&title);
            platform::page::scroll_to_top();
            if *page != Page::Start {
                platform::page::focus("main");
            }
        });
    }

    // A failed Continue: move focus to the error summary so a screen reader reads it first.
    use_effect_with(model.errors.clone(), |errors| {
        if !errors.is_empty() {
            platform::page::focus("error-summary");
        }
    });

    // Display settings are classes on <html>, so they style the static parts of the page too.
    use_effect_with(
        (model.text_size, model.high_contrast),
        |(size, contrast)| {
            platform::page::set_root_class("app-text-large", *size == TextSize::Large);
            platform::page::set_root_class("app-text-larger", *size == TextSize::Larger);
            platform::page::set_root_class("app-contrast", *contrast);
        },
    );

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
        Page::Step(step) => pages::step_page(&view, step),
        Page::NotFound => pages::not_found(),
    };
    let still_here = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::IdleWarning(false)))
    };
    let top = html! {
        <div class="app-top app-no-print">
            if model.idle_warning {
                <div class="app-crisis" role="alertdialog" aria-labelledby="idle-title" aria-describedby="idle-text">
                    <h2 id="idle-title">{"Are you still there?"}</h2>
                    <p id="idle-text">{"This page has been left alone. To keep your answers safe on a shared computer, we will clear them in 1 minute."}</p>
                    <button type="button" class="app-button" onclick={still_here}>{"I am still here"}</button>
                </div>
            }
            if let Some((_, notice)) = model.notice.filter(|(at, _)| *at == model.page) {
                <div class="app-notice" role="status"><p>{notice}</p></div>
            }
            if !model.storage_works {
                <div class="app-notice" role="status">
                    <p>{"This browser is not letting us keep your answers if the page reloads. You can still carry on: just do not refresh or close this page until you have your letter."}</p>
                </div>
            }
            <p class="app-small app-storage-note">
                {"Your answers stay in this tab only, and are deleted when you close it. "}
                <a href="#/save">{"Save or open a draft"}</a>
            </p>
            <div class="app-toolbar">
                <components::ListenButton />
            </div>
            {display_settings(model.text_size, model.high_contrast, &dispatch)}
        </div>
    };
    let document = platform::window().document();
    let top_host = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("app-top"));
    // "Ready offline" goes in the footer: it arrives a moment after the page, and there it
    // moves nothing the person is reading.
    let offline_note = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("offline-note"))
        .map(|host| {
            // Always rendered, empty until ready: a child appearing in this list would make
            // Yew rebuild the page beside it (and lose, say, a file the person had chosen).
            let note = model
                .offline_ready
                .then_some("Works offline on this device.");
            create_portal(html! { {for note} }, host)
        });
    html! {
        <>
            if let Some(host) = top_host {
                {create_portal(top, host)}
            } else {
                {top}
            }
            {page}
            {for offline_note}
        </>
    }
}
