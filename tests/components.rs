//! Component tests in headless Chromium (wasm-bindgen-test). Each test mounts a component into a
//! fresh element, drives real DOM events, and waits with `yew::scheduler::flush()` (no sleeps).
#![cfg(target_arch = "wasm32")]

use in_my_words::domain::codec;
use in_my_words::platform::storage::SESSION_KEY;
use in_my_words::ui::components::{choices, text_field, Choice, ChoicesProps, TextProps};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element attached to the page, to mount one component into.
fn mount_point() -> Element {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

fn query<T: JsCast>(root: &Element, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .dyn_into::<T>()
        .unwrap()
}

/// Mounts a plain function component (one that takes props and returns Html) for a test.
#[derive(Properties, PartialEq)]
struct Show {
    html: Html,
}

#[component]
fn Mount(props: &Show) -> Html {
    props.html.clone()
}

fn mount(root: &Element, html: Html) {
    yew::Renderer::<Mount>::with_root_and_props(root.clone(), Show { html }).render();
}

fn input_event(target: &web_sys::EventTarget) {
    let event = web_sys::InputEvent::new("input").unwrap();
    target.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn a_text_box_passes_on_exactly_what_was_typed() {
    let seen = Rc::new(RefCell::new(Vec::<String>::new()));
    let record = seen.clone();
    let props = TextProps {
        is_page_heading: true,
        hint: Some("In your own words".into()),
        multiline: true,
        ..TextProps::new(
            "words",
            "What happened?",
            "",
            Callback::from(move |text| record.borrow_mut().push(text)),
        )
    };
    let root = mount_point();
    mount(&root, text_field(&props));
    yew::scheduler::flush().await;

    let heading: HtmlElement = query(&root, "h1 label[for=words]");
    assert_eq!(heading.text_content().unwrap(), "What happened?");
    let area: HtmlTextAreaElement = query(&root, "textarea#words");
    assert_eq!(
        area.get_attribute("aria-describedby").unwrap(),
        "words-hint"
    );
    let words = "  Line one\n\nمرحبا 🙂 \u{200b}<script>alert(1)</script>  ";
    area.set_value(words);
    input_event(&area);
    yew::scheduler::flush().await;
    assert_eq!(seen.borrow().as_slice(), [words.to_string()]);
}

#[wasm_bindgen_test]
async fn choices_link_hint_and_error_and_report_the_choice() {
    let chosen = Rc::new(RefCell::new(None::<String>));
    let record = chosen.clone();
    let props = ChoicesProps {
        id: "nation".into(),
        legend: "Where did this happen?".into(),
        is_page_heading: true,
        hint: Some("The rules differ".into()),
        error: Some("Select where it happened".into()),
        choices: vec![
            Choice::new("england", "England"),
            Choice::new("wales", "Wales"),
        ],
        selected: vec![],
        multiple: false,
        on_choose: Callback::from(move |v: AttrValue| *record.borrow_mut() = Some(v.to_string())),
    };
    let root = mount_point();
    mount(&root, choices(&props));
    yew::scheduler::flush().await;

    let fieldset: HtmlElement = query(&root, "fieldset");
    assert_eq!(
        fieldset.get_attribute("aria-describedby").unwrap(),
        "nation-hint nation-error"
    );
    let legend: HtmlElement = query(&root, "legend h1");
    assert_eq!(legend.text_content().unwrap(), "Where did this happen?");
    let error: HtmlElement = query(&root, "#nation-error");
    assert_eq!(
        error.text_content().unwrap(),
        "Error: Select where it happened"
    );
    let first: HtmlInputElement = query(&root, "input#nation");
    assert_eq!(
        first.value(),
        "england",
        "the first option carries the group's id"
    );
    let label: HtmlElement = query(&root, "label[for=nation-2]");
    label.click();
    yew::scheduler::flush().await;
    assert_eq!(chosen.borrow().as_deref(), Some("wales"));
}

#[wasm_bindgen_test]
async fn an_empty_answer_shows_the_error_summary_which_takes_focus_and_links_to_the_field() {
    let window = web_sys::window().unwrap();
    window.session_storage().unwrap().unwrap().clear().unwrap();
    window.location().set_hash("/what-happened").unwrap();
    let root = mount_point();
    yew::Renderer::<in_my_words::ui::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let continue_button: HtmlElement = query(&root, "form button[type=submit]");
    continue_button.click();
    yew::scheduler::flush().await;

    let summary: HtmlElement = query(&root, "#error-summary");
    assert!(summary
        .text_content()
        .unwrap()
        .contains("There is a problem"));
    assert_eq!(
        document().active_element().unwrap().id(),
        "error-summary",
        "the summary has focus"
    );
    let field_error: HtmlElement = query(&root, "#what-happened-error");
    assert!(field_error
        .text_content()
        .unwrap()
        .starts_with("Error: Write what happened"));
    let area: HtmlTextAreaElement = query(&root, "#what-happened");
    assert_eq!(
        area.get_attribute("aria-describedby").unwrap(),
        "what-happened-hint what-happened-error"
    );

    let link: HtmlElement = query(&summary, "a");
    let hash_before = window.location().hash().unwrap();
    link.click();
    assert_eq!(
        document().active_element().unwrap().id(),
        "what-happened",
        "the link focuses the box"
    );
    assert_eq!(
        window.location().hash().unwrap(),
        hash_before,
        "the address (the page) did not change"
    );
}

#[wasm_bindgen_test]
async fn the_app_keeps_typed_words_in_the_tabs_session_storage() {
    let window = web_sys::window().unwrap();
    let storage = window.session_storage().unwrap().unwrap();
    storage.clear().unwrap();
    window.location().set_hash("/what-happened").unwrap();
    let root = mount_point();
    yew::Renderer::<in_my_words::ui::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let area: HtmlTextAreaElement = query(&root, "textarea#what-happened");
    let words = "They said come back tomorrow.\nI did. Same again.";
    area.set_value(words);
    input_event(&area);
    yew::scheduler::flush().await;
    // Saving waits for a pause in typing, or happens at once when the page is left or hidden
    // (a refresh or a closed tab). Leaving is the path a refresh takes, so use it: no sleeps.
    assert!(
        storage.get_item(SESSION_KEY).unwrap().is_none(),
        "not written on every keystroke"
    );
    window
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();

    let saved = storage
        .get_item(SESSION_KEY)
        .unwrap()
        .expect("answers are kept in this tab");
    let answers = codec::decode(&saved).unwrap();
    assert_eq!(answers.what_happened, words);
    assert_eq!(
        window.local_storage().unwrap().unwrap().length().unwrap(),
        0,
        "nothing goes to long-lived storage"
    );
}

#[wasm_bindgen_test]
async fn a_wrong_date_has_one_error_for_the_whole_date_above_the_boxes() {
    let window = web_sys::window().unwrap();
    window.session_storage().unwrap().unwrap().clear().unwrap();
    window.location().set_hash("/when").unwrap();
    let root = mount_point();
    yew::Renderer::<in_my_words::ui::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let exact: HtmlElement = query(&root, "label[for=when]");
    exact.click();
    yew::scheduler::flush().await;
    let continue_button: HtmlElement = query(&root, "form button[type=submit]");
    continue_button.click();
    yew::scheduler::flush().await;

    let group: HtmlElement = query(&root, "fieldset[role=group]");
    assert_eq!(
        group.get_attribute("aria-describedby").unwrap(),
        "when-date-hint when-date-error",
        "the date's hint and error are read when the group is entered"
    );
    let error: HtmlElement = query(&group, "#when-date-error");
    assert!(error
        .text_content()
        .unwrap()
        .starts_with("Error: Enter the date"));
    assert!(
        group
            .query_selector(".app-date-input .app-error-message")
            .unwrap()
            .is_none(),
        "no error squeezed in beside a box"
    );
    let day: HtmlInputElement = query(&group, "#when-day");
    assert!(day.class_list().contains("app-input--error"));
    let summary_link: HtmlElement = query(&root, "#error-summary a");
    assert_eq!(summary_link.get_attribute("href").unwrap(), "#when-day");
}

/// Holds one answer the way the app does: the box reports typing, and "Start again" replaces
/// the answer from outside the box.
#[component]
fn Holder() -> Html {
    let text = use_state(|| String::from("First words"));
    let on_input = {
        let text = text.clone();
        Callback::from(move |typed: String| text.set(typed))
    };
    let replace = {
        let text = text.clone();
        Callback::from(move |_: MouseEvent| text.set(String::from("Restored words")))
    };
    html! {
        <>
            { text_field(&TextProps { multiline: true, ..TextProps::new("held", "What happened?", (*text).clone(), on_input) }) }
            <p id="mirror">{(*text).clone()}</p>
            <button id="replace" onclick={replace}>{"Start again"}</button>
        </>
    }
}

#[wasm_bindgen_test]
async fn a_text_box_shows_answers_changed_elsewhere_and_never_writes_over_typing() {
    let root = mount_point();
    yew::Renderer::<Holder>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let area: HtmlTextAreaElement = query(&root, "textarea#held");
    let mirror: HtmlElement = query(&root, "#mirror");
    let replace: HtmlElement = query(&root, "#replace");
    assert_eq!(area.value(), "First words");

    // Typing reaches the answer, and the box keeps exactly what was typed.
    area.set_value("First words\nand more");
    input_event(&area);
    yew::scheduler::flush().await;
    assert_eq!(mirror.text_content().unwrap(), "First words\nand more");
    assert_eq!(area.value(), "First words\nand more");

    // An answer replaced from outside shows in the box.
    replace.click();
    yew::scheduler::flush().await;
    assert_eq!(area.value(), "Restored words");

    // After more typing, the same outside answer again still replaces what is in the box.
    area.set_value("Restored words, typed over");
    input_event(&area);
    yew::scheduler::flush().await;
    assert_eq!(mirror.text_content().unwrap(), "Restored words, typed over");
    replace.click();
    yew::scheduler::flush().await;
    assert_eq!(area.value(), "Restored words");
    assert_eq!(mirror.text_content().unwrap(), "Restored words");
}
