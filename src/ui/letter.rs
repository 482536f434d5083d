//! The four finish steps, one component so moving between them keeps what the letter tools
//! made: "Check your letter" (the person's own words beside the letter, and the private "Before
//! you send" check), "Send your letter", "What happens next" and "Free help".
//!
//! Typing on the first step must stay quick on a cheap phone: the route is worked out once per
//! situation (not per keystroke), the preview is a component of its own with one block per
//! paragraph (the browser lays out again only the paragraph that changed), the buttons and the
//! email link of "Send your letter" are made only on that step, and the check waits for a pause
//! in typing before it reads the words again.

use super::components::{text_field, warning, Shared, TextProps};
use super::result::{crisis_panel, escalation, help_panel, more, send_panel};
use crate::data::ContactKind;
use crate::domain::answers::Answers;
use crate::domain::check::Flag;
use crate::domain::date::Date;
use crate::domain::interview::{Edit, Page, Step, TextField as Field};
use crate::domain::letter::HOW_TO_SEND;
use crate::domain::mailto::{letter_link, mailto};
use crate::domain::questions::FINISH_STEPS;
use crate::domain::route::Route;
use crate::domain::timeline;
use crate::domain::tools::{template_key, FileKind, Found, OwnField, Prepared, Reply, Request};
use crate::platform;
use crate::platform::tools::Trouble;
use crate::words::{fill, words};
use std::rc::Rc;
use yew::prelude::*;

/// How long typing must pause before the check reads the words again.
const CHECK_AFTER_MS: u32 = 600;

/// The id of the box on this page that holds these words.
fn field_id(field: OwnField) -> &'static str {
    match field {
        OwnField::WhatHappened => "letter-what-happened",
        OwnField::HowItAffected => "letter-how-affected",
    }
}

/// Where the letter tools are: starting, ready, or not able to start.
#[derive(Clone, PartialEq)]
enum Tools {
    Waiting,
    /// What the tools made, shared with the parts of the page that show it.
    Ready(Shared<Prepared>),
    Failed(Trouble),
}

/// The props of [`LetterPage`]: everything it shows comes from the answers and today's date.
#[derive(Properties, PartialEq)]
pub struct LetterProps {
    pub answers: Answers,
    pub today: Date,
    pub edit: Callback<Edit>,
    /// Which of the four finish steps to show.
    pub step: Step,
}

/// Asks the tools for a file made from the answers as they are now, and downloads it.
fn download_file(
    answers: &Answers,
    today: Date,
    file: FileKind,
    notice: UseStateHandle<String>,
) -> Callback<MouseEvent> {
    let answers = answers.clone();
    Callback::from(move |_: MouseEvent| {
        let notice = notice.clone();
        let request = Request::File {
            answers: Box::new(answers.clone()),
            today,
            file,
        };
        platform::tools::ask(&request, move |reply| match reply {
            Ok(Reply::File(file)) => notice.set(downloaded(
                &file.name,
                platform::files::download(&file.name, &file.media_type, &file.bytes),
            )),
            Ok(_) => {}
            Err(trouble) => notice.set(trouble_text(trouble).into()),
        });
    })
}

/// What the person is told when the letter tools did not answer. Reloading keeps every answer.
fn trouble_text(trouble: Trouble) -> &'static str {
    let text = &words().screens.letter;
    match trouble {
        Trouble::Updated => text.trouble_updated,
        Trouble::Slow | Trouble::Broken => text.trouble_failed,
    }
}

fn downloaded(name: &str, ok: bool) -> String {
    let text = &words().screens.letter;
    if ok {
        fill(text.downloading, &[name])
    } else {
        text.cannot_download.into()
    }
}

/// Copies text, then says `done` (or says how to copy it by hand).
fn copy(text: Rc<str>, done: &'static str, notice: UseStateHandle<String>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let text = text.clone();
        let notice = notice.clone();
        wasm_bindgen_futures::spawn_local(async move {
            notice.set(if platform::files::copy_text(&text).await {
                done.into()
            } else {
                words().screens.letter.cannot_copy.into()
            });
        });
    })
}

fn print_part(id: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| platform::page::print_part(id))
}

/// The route's email address for the first place to send it, if the directory has one.
fn email_address(route: &Route) -> Option<String> {
    route
        .primary
        .organisation()?
        .contacts
        .iter()
        .find(|c| c.kind == ContactKind::Email)
        .map(|c| c.value.clone())
}

/// "Your letter and where to send it".
#[component]
pub fn LetterPage(props: &LetterProps) -> Html {
    let answers = &props.answers;
    let today = props.today;
    let tools = use_state(|| Tools::Waiting);
    let notice = use_state(String::new);
    let large_print = use_state(|| false);

    // Ask the tools for the route and the letters whenever anything but the words inside the
    // person's own answers changes. Typing only fills the template's gaps.
    let key = template_key(answers);
    {
        let tools = tools.clone();
        let answers = answers.clone();
        use_effect_with((key, today), move |(_, today)| {
            let request = Request::Prepare {
                answers: Box::new(answers),
                today: *today,
            };
            platform::tools::ask(&request, move |reply| match reply {
                Ok(Reply::Prepared(prepared)) => {
                    tools.set(Tools::Ready(Shared::new(*prepared)));
                }
                Ok(_) => {}
                Err(trouble) => tools.set(Tools::Failed(trouble)),
            });
        });
    }

    // The check reads the words once typing pauses (and at once when the page opens).
    let found = use_state(|| None::<Shared<Vec<Found>>>);
    let kept = use_state(Vec::<Kept>::new);
    {
        let found = found.clone();
        let words = (
            answers.what_happened.clone(),
            answers.how_it_affected.clone(),
        );
        let first = found.is_none();
        use_effect_with(words, move |(what_happened, how_it_affected)| {
            let request = Request::Check {
                what_happened: what_happened.clone(),
                how_it_affected: how_it_affected.clone(),
            };
            let send = move || {
                // If the tools fail, the letter's own message says so; the check just waits.
                platform::tools::ask(&request, move |reply| {
                    if let Ok(Reply::Checked(list)) = reply {
                        found.set(Some(Shared::new(list)));
                    }
                });
            };
            let timer = if first {
                send();
                None
            } else {
                Some(gloo::timers::callback::Timeout::new(CHECK_AFTER_MS, send))
            };
            move || drop(timer)
        });
    }

    // Large print is a class on <html>, read by the print stylesheet; it ends with the page.
    use_effect_with(*large_print, |on| {
        platform::page::set_root_class("app-print-large", *on);
        || platform::page::set_root_class("app-print-large", false)
    });

    let text = &words().screens.letter;
    let own_box = |field: OwnField, label: &'static str, hint: Option<&'static str>| {
        let edit_field = match field {
            OwnField::WhatHappened => Field::WhatHappened,
            OwnField::HowItAffected => Field::HowItAffected,
        };
        text_field(&TextProps {
            multiline: true,
            hint: hint.map(AttrValue::from),
            ..TextProps::new(
                field_id(field),
                label,
                AttrValue::from(field.text(answers).to_string()),
                props.edit.reform(move |text| Edit::Text(edit_field, text)),
            )
        })
    };
    let prepared = match &*tools {
        Tools::Ready(prepared) => Some(prepared.clone()),
        _ => None,
    };
    let route = prepared.as_ref().map(|p| &p.route);
    let letter: Option<Rc<str>> = prepared.as_ref().map(|p| p.letter.fill(answers).into());
    let preview = match (&*tools, &letter) {
        (_, Some(text)) => html! { <LetterPreview text={AttrValue::from(text.clone())} /> },
        (Tools::Failed(trouble), _) => warning(
            trouble_text(*trouble),
            text.reload_button,
            Callback::from(|_: MouseEvent| platform::page::reload_keeping_answers()),
        ),
        _ => html! { <p role="status">{text.making}</p> },
    };
    let toggle_large = {
        let large_print = large_print.clone();
        Callback::from(move |_: Event| large_print.set(!*large_print))
    };
    let step = props.step;
    // Only "Send your letter" shows these; the email link copies the whole letter, which is
    // work that typing on the first step should not pay for.
    let actions = match (&prepared, &letter) {
        (Some(prepared), Some(letter)) if step == Step::Send => {
            let email = email_address(&prepared.route).map(|address| {
                let label = fill(text.email_link, &[&address]);
                match letter_link(&address, &prepared.subject, letter) {
                    Some(link) => html! { <p><a href={link}>{label}</a></p> },
                    // Mail apps cut off long links, which would lose part of the letter: open
                    // an email with the address and subject, for the copied letter to go in.
                    None => html! {
                        <>
                            <p>{text.too_long_for_email}</p>
                            <p><a href={mailto(&address, &prepared.subject, "")}>{label}</a></p>
                        </>
                    },
                }
            });
            let kind = prepared.kind;
            html! {
                <div class="app-no-print">
                    <div class="app-button-group">
                        <button type="button" class="app-button" onclick={print_part("letter-sheet")}>{text.print_button}</button>
                        <button type="button" class="app-button app-button--secondary" onclick={copy(letter.clone(), text.copied_letter, notice.clone())}>{text.copy_button}</button>
                    </div>
                    <div class="app-choice app-choice--checkbox app-choice--small">
                        <input class="app-choice__input" type="checkbox" id="large-print" checked={*large_print} onchange={toggle_large} />
                        <label class="app-choice__label" for="large-print">{text.large_print}</label>
                    </div>
                    <h3>{text.download_heading}</h3>
                    <ul class="app-list app-list--spaced">
                        <li><button type="button" class="app-link-button" onclick={download_file(answers, today, FileKind::Word { kind, large_print: *large_print }, notice.clone())}>{text.download_word}</button></li>
                        <li><button type="button" class="app-link-button" onclick={download_file(answers, today, FileKind::Text { kind }, notice.clone())}>{text.download_text}</button></li>
                    </ul>
                    {for email}
                    <p class="app-notice-line" role="status">{(*notice).clone()}</p>
                    {more(text.how_to_send_heading, html! {
                        <ul class="app-list app-list--bullet">{ for HOW_TO_SEND.iter().map(|step| html! { <li>{*step}</li> }) }</ul>
                    })}
                </div>
            }
        }
        _ => html! {},
    };
    let link = |to: Step| format!("#{}", Page::Step(to).hash());
    let answers_link = link(Step::CheckAnswers);
    // The finish in four short steps, each with one main action. Everything below the heading
    // waits for the tools, apart from the person's own words on the first step.
    let at = step.finish_index().unwrap_or_default();
    let number = (at + 1).to_string();
    let back = at
        .checked_sub(1)
        .map_or(Step::CheckAnswers, |before| FINISH_STEPS[before]);
    let onward = FINISH_STEPS.get(at + 1).copied();
    let body = match step {
        Step::Send => html! {
            <>
                if let Some(route) = route {
                    {send_panel(route, actions)}
                } else {
                    {preview.clone()}
                }
                // What Print prints, and what a browser's own Print finds: the letter, kept
                // off the screen on this step.
                if let Some(letter) = &letter {
                    <div class="app-print-only"><LetterPreview text={AttrValue::from(letter.clone())} /></div>
                }
            </>
        },
        Step::WhatNext => match (&prepared, route) {
            (Some(prepared), Some(route)) => html! {
                <>
                    {next_steps(prepared, answers, today, &notice)}
                    {escalation(route)}
                    {more(text.easy_read_heading, html! {
                        <>
                            <ul class="app-easy-read app-printable" id="easy-read">
                                { for prepared.easy_read.iter().map(|line| html! { <li>{line.clone()}</li> }) }
                            </ul>
                            <button type="button" class="app-button app-button--secondary" onclick={print_part("easy-read")}>{text.easy_read_print}</button>
                        </>
                    })}
                    <p class="app-notice-line" role="status">{(*notice).clone()}</p>
                </>
            },
            _ => preview.clone(),
        },
        Step::FreeHelp => match route {
            Some(route) => html! {
                <>
                    {help_panel(route)}
                    <a class="app-button" href={link(Step::Finish)}>{text.finish_link}</a>
                </>
            },
            None => preview.clone(),
        },
        _ => html! {
            <>
                {check_panel(found.as_ref(), &kept)}
                // "What you wrote" beside "What the letter says" on a wide screen; one above
                // the other on a phone.
                <div class="app-grid app-grid--halves">
                    <div class="app-no-print">
                        <h2>{text.wrote_heading}</h2>
                        {own_box(
                            OwnField::WhatHappened,
                            text.what_happened_label,
                            Some(text.what_happened_hint),
                        )}
                        {own_box(OwnField::HowItAffected, text.affected_label, None)}
                        // Shown by the safety net only when the device has a voice of its own.
                        <button type="button" class="app-button app-button--secondary app-listen"
                            data-listen="#letter-what-happened, #letter-how-affected">{text.listen_words}</button>
                        <p>
                            {text.change_else}
                            <a href={answers_link}>{text.change_else_link}</a>
                            {"."}
                        </p>
                    </div>
                    <div>
                        <h2 id="letter-heading">{text.letter_heading}</h2>
                        <p class="app-no-print">{text.letter_intro}</p>
                        <button type="button" class="app-button app-button--secondary app-no-print app-listen"
                            data-listen="#letter-text">{text.listen_letter}</button>
                        {preview}
                    </div>
                </div>
            </>
        },
    };
    html! {
        <div>
            // The finish steps' own styles, fetched when the first of them opens (the first
            // visit does not pay for them) and kept by the service worker for offline use.
            <link rel="stylesheet" href="letter-page.css" />
            {super::components::back_link(link(back))}
            if let Some(prepared) = prepared.as_ref().filter(|p| p.route.crisis_first) {
                {crisis_panel(&prepared.route.crisis, false)}
            }
            <p class="app-progress">{fill(text.progress, &[&number, &FINISH_STEPS.len().to_string()])}</p>
            <h1 class="app-heading-xl">{crate::words::words().question(step).title}</h1>
            // Before the complaint, what cannot wait (medicines run out, no GP): one tap away,
            // so this step stays short on a phone.
            if let Some(urgent) = route.filter(|r| step == Step::Letter && !r.urgent.is_empty()).map(|r| &r.urgent) {
                <div id="today">
                    {more(text.today_heading, html! {
                        <ul class="app-list app-list--bullet">{ for urgent.iter().map(|line| html! { <li>{line.clone()}</li> }) }</ul>
                    })}
                </div>
            }
            {body}
            if let Some(onward) = onward {
                <a class="app-button app-no-print" href={link(onward)}>{words().pages.continue_button}</a>
            }
        </div>
    }
}

/// Step 3's own part: what happens next (a timeline with calendar reminders) and the letters
/// for later. Nobody types on this step, so each letter for later is made once, when the step
/// opens, and waits inside its closed "details" block.
fn next_steps(
    prepared: &Prepared,
    answers: &Answers,
    today: Date,
    notice: &UseStateHandle<String>,
) -> Html {
    let timeline_text: Rc<str> = timeline::to_text(&prepared.timeline).into();
    let w = &words().screens.letter;
    // Several services: the dates of the places with a copy are one tap away, so this step
    // stays short on a phone.
    let (copies, shown): (Vec<&timeline::Item>, Vec<&timeline::Item>) =
        prepared.timeline.iter().partition(|item| {
            matches!(
                item.kind,
                timeline::ItemKind::CopyAcknowledgement | timeline::ItemKind::CopyChase
            )
        });
    let line = |item: &&timeline::Item| {
        html! {
            <li>
                <strong>{item.date.map_or_else(|| w.date_to_follow.to_string(), |d| d.long())}{": "}{item.label.clone()}</strong>
                if !item.note.is_empty() { <br />{item.note.clone()} }
            </li>
        }
    };
    html! {
        <div class="app-no-print-when-letter">
            <section id="timeline" class="app-printable" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading">{w.next_heading}</h2>
                <ol class="app-timeline">{ for shown.iter().map(line) }</ol>
                if !copies.is_empty() {
                    {more(w.copies_heading, html! { <ul class="app-timeline">{ for copies.iter().map(line) }</ul> })}
                }
                <div class="app-button-group app-no-print">
                    <button type="button" class="app-button app-button--secondary" onclick={download_file(answers, today, FileKind::Calendar, notice.clone())}>{w.calendar_button}</button>
                    <button type="button" class="app-button app-button--secondary" onclick={print_part("timeline")}>{w.print_list}</button>
                    <button type="button" class="app-button app-button--secondary" onclick={copy(timeline_text, w.copied_list, notice.clone())}>{w.copy_list}</button>
                </div>
            </section>
            if !prepared.others.is_empty() {
                <section class="app-no-print" aria-labelledby="others-heading">
                    <h2 id="others-heading">{w.others_heading}</h2>
                    <p>{w.others_intro}</p>
                    { for prepared.others.iter().enumerate().map(|(i, other)| {
                        let id: &'static str = ["other-1", "other-2", "other-3", "other-4", "other-5", "other-6"].get(i).copied().unwrap_or("other-6");
                        let title = &other.title;
                        let text: Rc<str> = other.letter.fill(answers).into();
                        html! {
                            <details class="app-details">
                                <summary class="app-details__summary"><span class="app-details__summary-text">{title.clone()}</span></summary>
                                <div class="app-details__text">
                                    <div class="app-letter app-printable" {id}>
                                        <div class="app-letter-text" translate="no">{AttrValue::from(text.clone())}</div>
                                    </div>
                                    <div class="app-button-group">
                                        <button type="button" class="app-button app-button--secondary" onclick={print_part(id)}>{w.print_other}<span class="app-visually-hidden">{format!(": {title}")}</span></button>
                                        <button type="button" class="app-button app-button--secondary" onclick={copy(text, w.copied_letter, notice.clone())}>{w.copy_other}<span class="app-visually-hidden">{format!(": {title}")}</span></button>
                                    </div>
                                    <ul class="app-list app-list--spaced">
                                        <li><button type="button" class="app-link-button" onclick={download_file(answers, today, FileKind::Word { kind: other.kind, large_print: false }, notice.clone())}>{w.download_word_other}<span class="app-visually-hidden">{format!(": {title}")}</span></button></li>
                                        <li><button type="button" class="app-link-button" onclick={download_file(answers, today, FileKind::Text { kind: other.kind }, notice.clone())}>{w.download_text_other}<span class="app-visually-hidden">{format!(": {title}")}</span></button></li>
                                    </ul>
                                </div>
                            </details>
                        }
                    }) }
                </section>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PreviewProps {
    text: AttrValue,
}

/// The letter as it will be printed. One block per paragraph, each keeping its own line breaks
/// and the blank line after it, so the text of `#letter-text` is exactly the letter.
#[component]
fn LetterPreview(props: &PreviewProps) -> Html {
    html! {
        // Focusable, so a keyboard can scroll the sheet on a small screen.
        <section class="app-letter app-letter--main" id="letter-sheet" aria-labelledby="letter-heading" tabindex="0">
            <div class="app-letter-text" id="letter-text" translate="no">
                { for props.text.split_inclusive("\n\n").map(|part| html! { <div>{part.to_string()}</div> }) }
            </div>
        </section>
    }
}

/// A flag the person chose to keep: by answer, kind and sentence (so it stays kept while the
/// person edits other sentences).
type Kept = (OwnField, String, String);

/// "Before you send": what the check found (`None` until it has read the words once), each
/// with "keep it as it is" or "let me change it". It never blocks printing or copying, and
/// never changes a word. What was kept is held by the letter page, so it stays kept on the way
/// to the next step and back.
fn check_panel(found: Option<&Shared<Vec<Found>>>, kept: &UseStateHandle<Vec<Kept>>) -> Html {
    let key = |f: &Found| (f.field, f.title.clone(), f.flag.sentence_text.clone());
    let Some(all) = found else {
        return html! {};
    };
    let open: Vec<&Found> = all.iter().filter(|f| !kept.contains(&key(f))).collect();
    let kept_count = all.len() - open.len();
    let text = &words().screens.check;
    let summary = match open.len() {
        0 if all.is_empty() => crate::domain::check::NOTHING_SPOTTED.to_string(),
        0 => text.all_looked_at.to_string(),
        1 => text.one_to_look_at.to_string(),
        n => fill(text.many_to_look_at, &[&n.to_string()]),
    };
    let kept_line = match kept_count {
        0 => None,
        1 => Some(text.kept_one.to_string()),
        n => Some(fill(text.kept_many, &[&n.to_string()])),
    };
    html! {
        <section class="app-check-panel app-no-print" aria-labelledby="check-heading">
            <h2 id="check-heading">{text.heading}</h2>
            <p>{crate::domain::check::ABOUT}</p>
            <p role="status">{summary}</p>
            if !open.is_empty() {
                <ul class="app-flags">
                    { for open.into_iter().map(|found| {
                        let keep = {
                            let kept = kept.clone();
                            let item = key(found);
                            Callback::from(move |_: MouseEvent| {
                                let mut list = (*kept).clone();
                                list.push(item.clone());
                                kept.set(list);
                            })
                        };
                        let change = {
                            let field = found.field;
                            let sentence = found.flag.sentence_text.clone();
                            Callback::from(move |_: MouseEvent| {
                                platform::page::select_text(field_id(field), &sentence);
                            })
                        };
                        let title = found.title.clone();
                        html! {
                            <li class="app-flag">
                                <h3 class="app-flag__title">{title.clone()}</h3>
                                <blockquote class="app-flag__quote">{highlighted(&found.flag)}</blockquote>
                                <p>{found.flag.explanation.clone()}</p>
                                <div class="app-button-group">
                                    <button type="button" class="app-button app-button--secondary" onclick={keep}>
                                        {text.keep_button}<span class="app-visually-hidden">{format!(": {title}")}</span>
                                    </button>
                                    <button type="button" class="app-button app-button--secondary" onclick={change}>
                                        {text.change_button}<span class="app-visually-hidden">{format!(": {title}")}</span>
                                    </button>
                                </div>
                            </li>
                        }
                    }) }
                </ul>
            }
            if let Some(line) = kept_line {
                <p class="app-small">{line}</p>
            }
        </section>
    }
}

/// The flagged sentence with the words that raised the flag marked.
fn highlighted(flag: &Flag) -> Html {
    let sentence = &flag.sentence_text;
    let mut parts = Vec::new();
    let mut at = 0;
    for span in &flag.spans {
        // Spans are byte ranges into the whole text; make them relative to the sentence.
        let (Some(start), Some(end)) = (
            span.start.checked_sub(flag.sentence.start),
            span.end.checked_sub(flag.sentence.start),
        ) else {
            continue;
        };
        // `get` rather than indexing: a span that does not fit is passed over, and the app
        // carries no code for a slicing panic (which costs the first download about 1 KB).
        let (Some(before), Some(marked)) = (
            sentence.get(at..start).filter(|_| start >= at),
            sentence.get(start..end),
        ) else {
            continue;
        };
        parts.push(html! { {before.to_string()} });
        parts.push(html! { <mark>{marked.to_string()}</mark> });
        at = end;
    }
    parts.push(html! { {sentence.get(at..).unwrap_or_default().to_string()} });
    parts.into_iter().collect()
}
