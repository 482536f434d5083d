//! Small, reusable pieces of GOV.UK-style question pages.
//!
//! Accessibility habits are built in, so every page gets them without thinking:
//! - the question is the page's `<h1>`, inside the `<legend>` or `<label>`;
//! - hint and error ids are joined into `aria-describedby`;
//! - errors start with a visually hidden "Error:";
//! - the first option of a group has the group's id, so the error summary can link to it;
//! - the error summary takes focus when it appears, and its links focus the field rather than
//!   changing the address (the address is the page, in this app).

use crate::platform;
use crate::words::words;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// One option in a list of radios or checkboxes.
#[derive(Clone, PartialEq)]
pub struct Choice {
    /// A stable value, used for the input's value and id.
    pub value: AttrValue,
    pub label: AttrValue,
    pub hint: Option<AttrValue>,
    /// Shown under the option while it is selected (GOV.UK "conditional reveal").
    pub reveal: Option<Html>,
}

impl Choice {
    pub fn new(value: impl Into<AttrValue>, label: impl Into<AttrValue>) -> Choice {
        Choice {
            value: value.into(),
            label: label.into(),
            hint: None,
            reveal: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<AttrValue>) -> Choice {
        self.hint = Some(hint.into());
        self
    }

    pub fn reveal(mut self, html: Html) -> Choice {
        self.reveal = Some(html);
        self
    }
}

/// `aria-describedby` from whichever of the hint and error exist.
pub fn described_by(id: &str, hint: bool, error: bool) -> Option<AttrValue> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" ").into())
}

/// An error under a question, `{id}-error`, for the field or group's `aria-describedby`.
pub fn error_message(id: &str, error: &Option<AttrValue>) -> Html {
    match error {
        Some(message) => html! {
            <p id={format!("{id}-error")} class="app-error-message">
                <span class="app-visually-hidden">{words().screens.common.error_prefix}</span>{message.clone()}
            </p>
        },
        None => html! {},
    }
}

/// Hint text under a question, `{id}-hint`, for the field or group's `aria-describedby`.
pub fn hint_text(id: &str, hint: &Option<AttrValue>) -> Html {
    match hint {
        Some(hint) => {
            html! { <div id={format!("{id}-hint")} class="app-hint-text">{hint.clone()}</div> }
        }
        None => html! {},
    }
}

/// The form group around a question, marked in red while it has an error.
pub fn group_class(error: &Option<AttrValue>) -> Classes {
    classes!(
        "app-form-group",
        error.is_some().then_some("app-form-group--error")
    )
}

/// The legend of a question's fieldset: the page heading, or a smaller sub-question.
fn legend(text: &AttrValue, is_page_heading: bool) -> Html {
    if is_page_heading {
        html! {
            <legend class="app-fieldset__legend app-fieldset__legend--xl">
                <h1 class="app-fieldset__heading">{text.clone()}</h1>
            </legend>
        }
    } else {
        html! { <legend class="app-fieldset__legend app-fieldset__legend--m">{text.clone()}</legend> }
    }
}

/// A question answered by choosing: radios (one) or checkboxes (any).
#[derive(Clone, PartialEq)]
pub struct ChoicesProps {
    /// The id of the first input, and the prefix of the others.
    pub id: AttrValue,
    pub legend: AttrValue,
    pub is_page_heading: bool,
    pub hint: Option<AttrValue>,
    pub error: Option<AttrValue>,
    pub choices: Vec<Choice>,
    /// The selected values (one at most for radios).
    pub selected: Vec<AttrValue>,
    /// Checkboxes when true, radios when false.
    pub multiple: bool,
    /// Called with the value of the option the person chose or ticked.
    pub on_choose: Callback<AttrValue>,
}

/// A fieldset of radios (choose one) or checkboxes (choose any).
///
/// A plain function rather than a component: it has no state of its own, and every component
/// adds several kilobytes of framework code to the download.
pub fn choices(props: &ChoicesProps) -> Html {
    let id = props.id.as_str();
    let kind = if props.multiple { "checkbox" } else { "radio" };
    let items = props.choices.iter().enumerate().map(|(index, choice)| {
        let input_id = if index == 0 {
            id.to_string()
        } else {
            format!("{id}-{}", index + 1)
        };
        let checked = props.selected.contains(&choice.value);
        let on_choose = props.on_choose.clone();
        let value = choice.value.clone();
        let onchange = Callback::from(move |_: Event| on_choose.emit(value.clone()));
        let hint_id = format!("{input_id}-item-hint");
        html! {
            <>
                <div class={classes!("app-choice", format!("app-choice--{kind}"))}>
                    <input
                        class="app-choice__input"
                        id={input_id.clone()}
                        name={id.to_string()}
                        type={kind}
                        value={choice.value.clone()}
                        checked={checked}
                        aria-describedby={choice.hint.as_ref().map(|_| AttrValue::from(hint_id.clone()))}
                        {onchange}
                    />
                    <label class="app-choice__label" for={input_id.clone()}>{choice.label.clone()}</label>
                    if let Some(hint) = &choice.hint {
                        <div id={hint_id} class="app-choice__hint">{hint.clone()}</div>
                    }
                </div>
                if checked {
                    if let Some(reveal) = &choice.reveal {
                        <div class="app-conditional">{reveal.clone()}</div>
                    }
                }
            </>
        }
    });
    html! {
        <div class={group_class(&props.error)}>
            <fieldset class="app-fieldset"
                aria-describedby={described_by(id, props.hint.is_some(), props.error.is_some())}>
                {legend(&props.legend, props.is_page_heading)}
                {hint_text(id, &props.hint)}
                {error_message(id, &props.error)}
                <div class="app-choices">{ for items }</div>
            </fieldset>
        </div>
    }
}

/// A labelled text input or text box.
#[derive(Clone, PartialEq)]
pub struct TextProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// Show the label as the page's heading.
    pub is_page_heading: bool,
    pub hint: Option<AttrValue>,
    pub error: Option<AttrValue>,
    pub value: AttrValue,
    pub on_input: Callback<String>,
    /// A multi-line box instead of a one-line input.
    pub multiline: bool,
    /// Extra classes for the input, e.g. `app-input--short` or `app-textarea--tall`.
    pub class: Classes,
    pub autocomplete: Option<AttrValue>,
    /// The input's `type`, e.g. "text", "email", "tel", "password".
    pub input_type: &'static str,
    pub inputmode: Option<AttrValue>,
    /// False to keep the browser's spell check off here whatever the person chose (names,
    /// postcodes, numbers). True fields follow the "Check my spelling" setting, which is off
    /// until the person turns it on (see `App`).
    pub spellcheck: bool,
}

impl TextProps {
    /// A one-line text input with no hint, no error and spell check on.
    pub fn new(
        id: impl Into<AttrValue>,
        label: impl Into<AttrValue>,
        value: impl Into<AttrValue>,
        on_input: Callback<String>,
    ) -> TextProps {
        TextProps {
            id: id.into(),
            label: label.into(),
            is_page_heading: false,
            hint: None,
            error: None,
            value: value.into(),
            on_input,
            multiline: false,
            class: Classes::new(),
            autocomplete: None,
            input_type: "text",
            inputmode: None,
            spellcheck: true,
        }
    }
}

/// A labelled text input or text box. The text is passed on exactly as typed. A plain function
/// for the same reason as [`choices`].
///
/// Nothing here invites the browser to remember what was typed for the next person on a shared
/// computer: no `name`, and `autocomplete="off"` unless the page gives a purpose (it does only
/// when the person said this is their own device). The words are marked `translate="no"`, so a
/// page translation service is never handed them.
pub fn text_field(props: &TextProps) -> Html {
    let id = props.id.as_str();
    let label = if props.is_page_heading {
        html! {
            <h1 class="app-label-wrapper">
                <label class="app-label app-label--xl" for={id.to_string()}>{props.label.clone()}</label>
            </h1>
        }
    } else {
        html! { <label class="app-label app-label--s" for={id.to_string()}>{props.label.clone()}</label> }
    };
    let describedby = described_by(id, props.hint.is_some(), props.error.is_some());
    // No attribute means "as the page says": <html spellcheck> carries the person's choice.
    let spellcheck = (!props.spellcheck).then_some("false");
    let control = if props.multiline {
        html! {
            <TextBox
                key={id.to_string()}
                id={props.id.clone()}
                class={classes!("app-textarea", props.error.is_some().then_some("app-textarea--error"), props.class.clone())}
                value={props.value.clone()}
                describedby={describedby}
                spellcheck={spellcheck}
                on_input={props.on_input.clone()}
            />
        }
    } else {
        let on_input = props.on_input.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_input.emit(input.value());
        });
        html! {
            <input
                id={id.to_string()}
                type={props.input_type}
                class={classes!("app-input", props.error.is_some().then_some("app-input--error"), props.class.clone())}
                value={props.value.clone()}
                autocomplete={props.autocomplete.clone().unwrap_or(AttrValue::Static("off"))}
                translate="no"
                inputmode={props.inputmode.clone()}
                aria-describedby={describedby}
                spellcheck={spellcheck}
                {oninput}
            />
        }
    };
    html! {
        <div class={group_class(&props.error)}>
            {label}
            {hint_text(id, &props.hint)}
            {error_message(id, &props.error)}
            {control}
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct TextBoxProps {
    id: AttrValue,
    class: Classes,
    value: AttrValue,
    describedby: Option<AttrValue>,
    spellcheck: Option<&'static str>,
    on_input: Callback<String>,
}

/// A multi-line box whose text the page itself holds while the person types.
///
/// Given a `value`, Yew reads the box's whole text back out of the page on every render to see
/// whether it changed: with a long account that is a copy of every character on every
/// keystroke. Here the box is written to only when the answer changes from somewhere else (a
/// restored draft, a cleared form, another page's field); `shown` remembers the text the box
/// holds, so the person's own typing is never written back over itself. A struct component
/// rather than hooks: it costs less download.
struct TextBox {
    node: NodeRef,
    shown: Rc<RefCell<Option<AttrValue>>>,
}

impl Component for TextBox {
    type Message = ();
    type Properties = TextBoxProps;

    fn create(_: &Context<Self>) -> Self {
        TextBox {
            node: NodeRef::default(),
            shown: Rc::default(),
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let props = ctx.props();
        let oninput = {
            let on_input = props.on_input.clone();
            let shown = self.shown.clone();
            Callback::from(move |e: InputEvent| {
                let area: HtmlTextAreaElement = e.target_unchecked_into();
                let text = area.value();
                *shown.borrow_mut() = Some(AttrValue::from(text.clone()));
                on_input.emit(text);
            })
        };
        html! {
            <textarea
                ref={self.node.clone()}
                id={props.id.clone()}
                class={props.class.clone()}
                rows="8"
                autocomplete="off"
                translate="no"
                aria-describedby={props.describedby.clone()}
                spellcheck={props.spellcheck}
                {oninput}
            />
        }
    }

    fn rendered(&mut self, ctx: &Context<Self>, _first_render: bool) {
        let value = &ctx.props().value;
        let mut shown = self.shown.borrow_mut();
        if shown.as_ref() != Some(value) {
            if let Some(area) = self.node.cast::<HtmlTextAreaElement>() {
                area.set_value(value);
                *shown = Some(value.clone());
            }
        }
    }
}

/// One problem in the error summary.
#[derive(Clone, PartialEq)]
pub struct SummaryError {
    pub field: AttrValue,
    pub message: AttrValue,
}

/// "There is a problem": listed at the top of the page. The app moves focus to it when it
/// appears (see `App`), so a screen reader reads it first. Each link moves focus to its field.
pub fn error_summary(errors: &[SummaryError]) -> Html {
    if errors.is_empty() {
        return html! {};
    }
    html! {
        <div class="app-error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
            <h2 class="app-error-summary__title" id="error-summary-title">{words().screens.common.problem_title}</h2>
            <ul class="app-error-summary__list">
                { for errors.iter().map(|error| {
                    let field = error.field.clone();
                    let onclick = Callback::from(move |e: MouseEvent| {
                        // The address is the page here, so focus the field instead of following
                        // the link.
                        e.prevent_default();
                        platform::page::focus(&field);
                    });
                    html! {
                        <li><a href={format!("#{}", error.field)} {onclick}>{error.message.clone()}</a></li>
                    }
                }) }
            </ul>
        </div>
    }
}

/// A calm warning with the one thing to do about it: a message, and a button.
pub fn warning(message: &'static str, button: &'static str, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <div class="app-warning" role="alert">
            <p>{message}</p>
            <button type="button" class="app-button" {onclick}>{button}</button>
        </div>
    }
}

/// The GOV.UK Back link, at the top of every question.
pub fn back_link(href: String) -> Html {
    html! { <a class="app-back-link app-no-print" href={href}>{words().screens.common.back}</a> }
}

/// A value shared between components that is equal only to itself. Props compare with `==` on
/// every render; comparing the same shared value is then one pointer check, and the value's own
/// comparison code (a whole route, a prepared letter) stays out of the download.
pub struct Shared<T>(std::rc::Rc<T>);

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Shared<T> {
        Shared(std::rc::Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
