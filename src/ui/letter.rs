//! The letter page: the person's own words beside the letter made from them, the private
//! "Before you send" check, and where to send it.
//!
//! Typing here must stay quick on a cheap phone, so the page is split into components that
//! re-render only when their own inputs change: the route is worked out once per situation (not
//! per keystroke), the route panel skips re-rendering while the person types, the preview is one
//! block per paragraph (the browser lays out again only the paragraph that changed), and the
//! check waits for a pause in typing before it reads the words again.

use super::components::{text_field, TextProps};
use super::result::{crisis_panel, RoutePanel};
use crate::domain::answers::Answers;
use crate::domain::check::Flag;
use crate::domain::date::Date;
use crate::domain::interview::{Edit, Page, Step, TextField as Field};
use crate::domain::route::Route;
use crate::domain::tools::{template_key, Found, OwnField, Reply, Request, Template};
use crate::platform;
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

/// The route and the letter's template. The tools answer in the order they are asked, so the
/// last reply is always for the latest answers.
#[derive(Clone, PartialEq)]
struct Prepared {
    route: Rc<Route>,
    letter: Rc<Template>,
}

/// Where the letter tools are: starting, ready, or not able to start.
#[derive(Clone, PartialEq)]
enum Tools {
    Waiting,
    Ready(Prepared),
    Failed,
}

/// The props of [`LetterPage`]: everything it shows comes from the answers and today's date.
#[derive(Properties, PartialEq)]
pub struct LetterProps {
    pub answers: Answers,
    pub today: Date,
    pub edit: Callback<Edit>,
}

/// "Your letter and where to send it".
#[component]
pub fn LetterPage(props: &LetterProps) -> Html {
    let answers = &props.answers;
    let tools = use_state(|| Tools::Waiting);

    // Ask the tools for the route and the letter's template whenever anything but the words
    // inside the person's own answers changes. Typing only fills the template's gaps.
    let key = template_key(answers);
    {
        let tools = tools.clone();
        let answers = answers.clone();
        use_effect_with((key, props.today), move |(_, today)| {
            let request = Request::Prepare {
                answers: Box::new(answers),
                today: *today,
            };
            let asked = {
                let tools = tools.clone();
                platform::tools::ask(&request, move |reply| {
                    if let Reply::Prepared { route, letter } = reply {
                        tools.set(Tools::Ready(Prepared {
                            route: Rc::new(*route),
                            letter: Rc::new(letter),
                        }));
                    }
                })
            };
            if !asked {
                tools.set(Tools::Failed);
            }
        });
    }

    // The check reads the words once typing pauses (and at once when the page opens).
    let found = use_state(|| None::<Rc<Vec<Found>>>);
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
                platform::tools::ask(&request, move |reply| {
                    if let Reply::Checked(list) = reply {
                        found.set(Some(Rc::new(list)));
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

    let print = Callback::from(|_: MouseEvent| {
        let _ = platform::window().print();
    });
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
    let ready = match &*tools {
        Tools::Ready(prepared) => Some(prepared.clone()),
        _ => None,
    };
    let preview = match (&*tools, &ready) {
        (_, Some(prepared)) => {
            let text: AttrValue = prepared.letter.fill(answers).into();
            html! { <LetterPreview {text} /> }
        }
        (Tools::Failed, _) => html! {
            <p class="app-warning" role="alert">{"The letter could not be made in this browser. Your answers are safe: try reloading the page, or use a different browser."}</p>
        },
        _ => html! { <p role="status">{"Making your letter…"}</p> },
    };
    html! {
        <div>
            {super::components::back_link(format!("#{}", Page::Step(Step::CheckAnswers).hash()))}
            if let Some(prepared) = ready.as_ref().filter(|p| p.route.crisis_first) {
                {crisis_panel(&prepared.route.crisis, false)}
            }
            <h1 class="app-heading-xl">{"Your letter and where to send it"}</h1>
            <div class="app-grid">
                <div>
                    <CheckPanel found={(*found).clone()} />
                    <div class="app-no-print">
                        <h2>{"What you wrote"}</h2>
                        {own_box(
                            OwnField::WhatHappened,
                            "Your words about what happened",
                            Some("You can change your words here. The letter changes as you type. Nothing else changes them."),
                        )}
                        {own_box(OwnField::HowItAffected, "How it affected you", None)}
                    </div>
                    <h2 id="letter-heading">{"What the letter says"}</h2>
                    <p class="app-no-print">{"Your words are in the letter exactly as you wrote them."}</p>
                    {preview}
                    <div class="app-button-group app-no-print">
                        <button type="button" class="app-button" onclick={print}>{"Print the letter"}</button>
                    </div>
                </div>
                <div class="app-no-print">
                    if let Some(prepared) = &ready {
                        <RoutePanel route={prepared.route.clone()} />
                    }
                </div>
            </div>
            <p class="app-no-print"><a href={format!("#{}", Page::Step(Step::Finish).hash())}>{"Finish and clear your answers"}</a></p>
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
        <div class="app-letter" aria-labelledby="letter-heading">
            <div class="app-letter-text" id="letter-text">
                { for props.text.split_inclusive("\n\n").map(|part| html! { <div>{part.to_string()}</div> }) }
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct CheckProps {
    /// `None` until the check has read the words once.
    found: Option<Rc<Vec<Found>>>,
}

/// "Before you send": what the check found, each with "keep it as it is" or "let me change it".
/// It never blocks printing or copying, and never changes a word.
#[component]
fn CheckPanel(props: &CheckProps) -> Html {
    // Flags the person chose to keep, by answer, kind and sentence (so they stay kept while the
    // person edits other sentences).
    let kept = use_state(Vec::<(OwnField, String, String)>::new);
    let key = |f: &Found| (f.field, f.title.clone(), f.flag.sentence_text.clone());
    let Some(all) = props.found.as_ref() else {
        return html! {};
    };
    let open: Vec<&Found> = all.iter().filter(|f| !kept.contains(&key(f))).collect();
    let kept_count = all.len() - open.len();
    let summary = match open.len() {
        0 if all.is_empty() => "Our check found nothing to look at again. It cannot catch everything, so read the letter through once before you send it.".to_string(),
        0 => "You have looked at everything the check found.".to_string(),
        1 => "1 thing to look at again before you send it.".to_string(),
        n => format!("{n} things to look at again before you send it."),
    };
    html! {
        <section class="app-check-panel app-no-print" aria-labelledby="check-heading">
            <h2 id="check-heading">{"Before you send"}</h2>
            <p>{"We read your words on this device to spot things that could be used against you. Nothing is sent anywhere, and we never change your words: you decide."}</p>
            <p class="app-check-panel__summary" role="status">{summary}</p>
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
                                        {"Keep it as it is"}<span class="app-visually-hidden">{format!(": {title}")}</span>
                                    </button>
                                    <button type="button" class="app-button app-button--secondary" onclick={change}>
                                        {"Let me change it"}<span class="app-visually-hidden">{format!(": {title}")}</span>
                                    </button>
                                </div>
                            </li>
                        }
                    }) }
                </ul>
            }
            if kept_count > 0 {
                <p class="app-small">{format!("You chose to keep {kept_count} as {}.", if kept_count == 1 { "it is" } else { "they are" })}</p>
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
        if start < at
            || end > sentence.len()
            || !sentence.is_char_boundary(start)
            || !sentence.is_char_boundary(end)
        {
            continue;
        }
        parts.push(html! { {sentence[at..start].to_string()} });
        parts.push(html! { <mark>{sentence[start..end].to_string()}</mark> });
        at = end;
    }
    parts.push(html! { {sentence[at..].to_string()} });
    parts.into_iter().collect()
}
