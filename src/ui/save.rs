//! "Save or open a draft": the only way anything outlives the tab, and only by choice.
//!
//! A draft is encrypted with a passphrase the person picks (see `platform::crypto`). It can stay
//! on this device, or go into a file they can carry to another device (a library computer and a
//! phone, say). A wrong passphrase, a wrong file or a browser that refuses storage each get a
//! plain message, and never change the answers already in the tab.

use super::components::{error_summary, text_field, SummaryError, TextProps};
use super::state::Action;
use crate::domain::answers::Answers;
use crate::domain::codec::DraftError;
use crate::domain::envelope::EnvelopeError;
use crate::platform::crypto::{self, CryptoError};
use crate::platform::files::ChosenFileError;
use crate::platform::{self, files, storage};
use crate::words::{fill, words};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The file name for a draft saved to a file: neutral, like every download (a shared
/// computer's Downloads folder is seen by the next person).
pub const DRAFT_FILE_NAME: &str = "draft.imw";
/// The biggest file we try to open as a draft. A draft of long answers is tens of kilobytes;
/// anything much bigger is the wrong file, and reading it could freeze the tab.
const MAX_DRAFT_FILE_BYTES: u32 = 5 * 1024 * 1024;
/// Shortest passphrase we accept. Longer is better; a few words are easy to remember.
const MIN_PASSPHRASE: usize = 8;

#[derive(Properties, PartialEq)]
pub struct SaveProps {
    pub answers: Answers,
    pub dispatch: Callback<Action>,
}

/// A message after an action: good news, or a problem with the field it concerns.
#[derive(Clone, PartialEq)]
enum Status {
    Done(String),
    Problem {
        field: &'static str,
        message: String,
    },
}

/// What to tell the person when a draft does not open. The answers in the tab are never changed
/// by a draft that did not open, so each message can say so.
fn open_error(error: CryptoError) -> String {
    let text = &words().screens.save;
    match error {
        CryptoError::WrongPassphrase => text.wrong_passphrase,
        CryptoError::NotADraft(EnvelopeError::NotADraft) => text.not_a_draft,
        CryptoError::NotADraft(EnvelopeError::NewerVersion)
        | CryptoError::Unreadable(DraftError::NewerVersion) => text.newer_version,
        CryptoError::NotADraft(EnvelopeError::Damaged)
        | CryptoError::Unreadable(DraftError::Damaged | DraftError::UnknownFormat) => text.damaged,
        CryptoError::Unavailable => text.cannot_open,
    }
    .into()
}

fn passphrase_problem(passphrase: &str, confirm: &str) -> Option<Status> {
    let text = &words().screens.save;
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Some(Status::Problem {
            field: "save-passphrase",
            message: fill(text.passphrase_too_short, &[&MIN_PASSPHRASE.to_string()]),
        });
    }
    if passphrase != confirm {
        return Some(Status::Problem {
            field: "save-confirm",
            message: text.passphrases_differ.into(),
        });
    }
    None
}

/// A passphrase box: dots as typed and no spell check. Not a password box, and no autocomplete
/// purpose: a browser's password manager would offer to keep it, and on a shared computer the
/// next person would be offered it back.
fn passphrase_box(props: TextProps) -> Html {
    text_field(&TextProps {
        class: classes!("app-input--secret"),
        spellcheck: false,
        ..props
    })
}

/// The save and open page.
#[component]
pub fn SavePage(props: &SaveProps) -> Html {
    let passphrase = use_state(String::new);
    let confirm = use_state(String::new);
    let open_passphrase = use_state(String::new);
    let status = use_state(|| None::<Status>);
    let busy = use_state(|| false);
    let has_saved = use_state(|| storage::saved_on_device().is_some());
    let shared = props.answers.on_shared_computer();
    let file_input = use_node_ref();

    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |text: String| state.set(text))
    };

    // Encrypts the answers, then hands the bytes to `keep` (store on device, or download).
    let save_with = |keep: fn(&[u8]) -> Result<String, String>| {
        let (passphrase, confirm, status, busy, has_saved) = (
            passphrase.clone(),
            confirm.clone(),
            status.clone(),
            busy.clone(),
            has_saved.clone(),
        );
        let answers = props.answers.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(problem) = passphrase_problem(&passphrase, &confirm) {
                status.set(Some(problem));
                return;
            }
            let (secret, answers, status, busy, has_saved) = (
                (*passphrase).clone(),
                answers.clone(),
                status.clone(),
                busy.clone(),
                has_saved.clone(),
            );
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = match crypto::encrypt_answers(&answers, &secret).await {
                    Ok(bytes) => keep(&bytes),
                    Err(_) => Err(words().screens.save.cannot_encrypt.into()),
                };
                busy.set(false);
                has_saved.set(storage::saved_on_device().is_some());
                status.set(Some(match result {
                    Ok(message) => Status::Done(message),
                    Err(message) => Status::Problem {
                        field: "save-passphrase",
                        message,
                    },
                }));
            });
        })
    };
    let save_here = save_with(|bytes| {
        let text = &words().screens.save;
        if storage::save_on_device(bytes) {
            Ok(text.saved_here.into())
        } else {
            Err(text.cannot_save_here.into())
        }
    });
    let save_file = save_with(|bytes| {
        let text = &words().screens.save;
        if files::download(DRAFT_FILE_NAME, "application/octet-stream", bytes) {
            Ok(fill(text.saved_file, &[DRAFT_FILE_NAME]))
        } else {
            Err(text.cannot_save_file.into())
        }
    });

    // Decrypts `bytes` and, only if that works, replaces the answers in this tab.
    let open = {
        let (open_passphrase, status, busy) =
            (open_passphrase.clone(), status.clone(), busy.clone());
        let dispatch = props.dispatch.clone();
        move |bytes: Vec<u8>| {
            let (secret, status, busy, dispatch) = (
                (*open_passphrase).clone(),
                status.clone(),
                busy.clone(),
                dispatch.clone(),
            );
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = crypto::decrypt_answers(&bytes, &secret)
                    .await
                    .map_err(open_error);
                busy.set(false);
                match result {
                    Ok(answers) => {
                        dispatch.emit(Action::Restore(Box::new(answers)));
                        status.set(Some(Status::Done(words().screens.save.opened.into())));
                    }
                    Err(message) => status.set(Some(Status::Problem {
                        field: "open-passphrase",
                        message,
                    })),
                }
            });
        }
    };
    let open_here = {
        let (open, status) = (open.clone(), status.clone());
        Callback::from(move |_: MouseEvent| match storage::saved_on_device() {
            Some(bytes) => open(bytes),
            None => status.set(Some(Status::Problem {
                field: "open-passphrase",
                message: words().screens.save.nothing_saved_here.into(),
            })),
        })
    };
    let open_file = {
        let (open, status, file_input) = (open.clone(), status.clone(), file_input.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(input) = file_input.cast::<HtmlInputElement>() else {
                return;
            };
            let (open, status) = (open.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let message = match files::read_chosen_file(&input, MAX_DRAFT_FILE_BYTES).await {
                    Ok(bytes) => return open(bytes),
                    Err(ChosenFileError::NoFile) => words().screens.save.no_file.into(),
                    Err(ChosenFileError::TooBig) => {
                        fill(words().screens.save.file_too_big, &[DRAFT_FILE_NAME])
                    }
                };
                status.set(Some(Status::Problem {
                    field: "open-file",
                    message,
                }));
            });
        })
    };
    let delete = {
        let (status, has_saved) = (status.clone(), has_saved.clone());
        Callback::from(move |_: MouseEvent| {
            storage::delete_from_device();
            has_saved.set(false);
            status.set(Some(Status::Done(words().screens.save.deleted.into())));
        })
    };
    // A new problem: move focus to the summary so a screen reader reads it first.
    use_effect_with((*status).clone(), |status| {
        if matches!(status, Some(Status::Problem { .. })) {
            platform::page::focus("error-summary");
        }
    });
    let back = Callback::from(|_: MouseEvent| {
        if let Ok(history) = platform::window().history() {
            let _ = history.back();
        }
    });

    let (errors, error_for, done) = match &*status {
        Some(Status::Problem { field, message }) => (
            vec![SummaryError {
                field: (*field).into(),
                message: message.clone().into(),
            }],
            Some((*field, AttrValue::from(message.clone()))),
            None,
        ),
        Some(Status::Done(message)) => (vec![], None, Some(message.clone())),
        None => (vec![], None, None),
    };
    let error = |field: &str| {
        error_for
            .as_ref()
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| m.clone())
    };

    let text = &words().screens.save;
    html! {
        <div class="app-narrow">
            <button type="button" class="app-link-button app-back-link app-no-print" onclick={back}>{words().screens.common.back}</button>
            {error_summary(&errors)}
            if let Some(message) = done {
                <div class="app-notice" role="status"><p>{message}</p></div>
            }
            <h1 class="app-heading-xl">{text.heading}</h1>
            { for text.intro.iter().map(|paragraph| html! { <p>{*paragraph}</p> }) }

            <h2>{text.save_heading}</h2>
            {passphrase_box(TextProps {
                hint: Some(fill(text.passphrase_hint, &[&MIN_PASSPHRASE.to_string()]).into()),
                error: error("save-passphrase"),
                ..TextProps::new("save-passphrase", text.passphrase_label, (*passphrase).clone(), set(&passphrase))
            })}
            {passphrase_box(TextProps {
                error: error("save-confirm"),
                ..TextProps::new("save-confirm", text.confirm_label, (*confirm).clone(), set(&confirm))
            })}
            // On a shared computer (or when the person was not sure), a draft kept on it would
            // wait there for the next person: only a file they take away is offered.
            <div class="app-button-group">
                if !shared {
                    <button type="button" class="app-button" onclick={save_here} disabled={*busy}>{text.save_here_button}</button>
                }
                <button type="button" class="app-button app-button--secondary" onclick={save_file} disabled={*busy}>{text.save_file_button}</button>
            </div>
            <p class="app-hint">{text.file_hint}</p>

            <h2>{text.open_heading}</h2>
            {passphrase_box(TextProps {
                error: error("open-passphrase"),
                ..TextProps::new("open-passphrase", text.open_passphrase_label, (*open_passphrase).clone(), set(&open_passphrase))
            })}
            if *has_saved {
                <div class="app-button-group">
                    <button type="button" class="app-button" onclick={open_here} disabled={*busy}>{text.open_here_button}</button>
                    <button type="button" class="app-button app-button--warning" onclick={delete}>{text.delete_button}</button>
                </div>
            }
            <div class={classes!("app-form-group", error("open-file").is_some().then_some("app-form-group--error"))}>
                <label class="app-label app-label--s" for="open-file">{text.choose_file_label}</label>
                if let Some(message) = error("open-file") {
                    <p id="open-file-error" class="app-error-message"><span class="app-visually-hidden">{words().screens.common.error_prefix}</span>{message}</p>
                }
                <input id="open-file" type="file" accept=".imw" ref={file_input} class="app-input"
                    aria-describedby={error("open-file").map(|_| "open-file-error")} />
            </div>
            <button type="button" class="app-button app-button--secondary" onclick={open_file} disabled={*busy}>{text.open_file_button}</button>
            <p class="app-hint">{text.open_hint}</p>
            if *busy {
                <p role="status">{text.working}</p>
            }
        </div>
    }
}
