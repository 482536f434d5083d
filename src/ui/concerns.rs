//! The concern log's pages, shown by the second program (see [`super::more`]): "Your
//! concerns" (the list, and making a complaint from some of them), one concern (what happened,
//! what happened next, and a few words to raise it without a formal complaint), and a table of
//! them with no names for a support worker's records.
//!
//! Every change goes into the answers at once (a [`ConcernAction`]), so a concern is kept as it
//! is typed, like every other answer: in this tab, in a saved draft if the person makes one, and
//! gone with a quick exit.

use super::components::{
    choices, error_summary, text_field, Choice, ChoicesProps, SummaryError, TextProps,
};
use crate::data::journey;
use crate::domain::answers::{has_text, Answers};
use crate::domain::concerns::{
    concern_date, follow_up_date, informal_script, printable_rows, start_complaint, to_csv,
    words_for, Concern, FollowUp,
};
use crate::domain::date::Date;
use crate::domain::interview::{Page, Step};
use crate::platform;
use crate::words::concern_pages;
use crate::words::{domain_words, fill};
use std::rc::Rc;
use yew::prelude::*;

/// One text of a concern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Day,
    Month,
    Year,
    Service,
    ServiceName,
    Category,
    WhatHappened,
    SpokeTo,
    TheySaid,
    Wants,
    Summary,
    Raised,
}

impl Part {
    fn of(self, c: &mut Concern) -> &mut String {
        match self {
            Part::Day => &mut c.day,
            Part::Month => &mut c.month,
            Part::Year => &mut c.year,
            Part::Service => &mut c.service,
            Part::ServiceName => &mut c.service_name,
            Part::Category => &mut c.category,
            Part::WhatHappened => &mut c.what_happened,
            Part::SpokeTo => &mut c.spoke_to,
            Part::TheySaid => &mut c.they_said,
            Part::Wants => &mut c.wants,
            Part::Summary => &mut c.summary,
            Part::Raised => &mut c.raised,
        }
    }
}

/// One text of what happened next, while it is being written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextPart {
    Day,
    Month,
    Year,
    Kind,
    Words,
}

/// A change to the concern log.
#[derive(Clone, Debug, PartialEq)]
pub enum ConcernAction {
    /// Opens a new concern dated today (or the last one again, if nothing was written in it).
    New(Date),
    /// Sets one text of concern `n`, exactly as typed.
    Set(usize, Part, String),
    /// Sets one text of what happened next to concern `n`, while it is being written.
    SetNext(usize, NextPart, String),
    /// Adds what happened next (as written so far) to concern `n`, and starts a new one dated
    /// today.
    AddFollowUp(usize, Date),
    /// Copies the chosen concerns into the complaint's answers.
    Complaint(Vec<usize>),
}

/// True when nothing has been written or chosen in a concern (the dates it is given do not
/// count).
fn is_blank(c: &Concern) -> bool {
    c.follow_ups.is_empty()
        && [&c.raised, &c.service, &c.category]
            .iter()
            .all(|choice| choice.is_empty())
        && c.texts().all(str::is_empty)
}

/// The day, month and year boxes filled in with `date`.
fn dated(date: Date) -> [String; 3] {
    [
        date.day().to_string(),
        date.month().to_string(),
        date.year().to_string(),
    ]
}

/// A follow-up about to be written: today's date in its boxes, nothing else.
fn next_on(today: Date) -> FollowUp {
    let [day, month, year] = dated(today);
    FollowUp {
        day,
        month,
        year,
        ..FollowUp::default()
    }
}

/// Applies `action` to the answers. Returns the concern that [`ConcernAction::New`] opened.
pub fn act(answers: &mut Answers, action: ConcernAction) -> Option<usize> {
    match action {
        ConcernAction::New(today) => {
            // An empty one left at the end is used again, dated today afresh.
            if answers.concerns.last().is_some_and(is_blank) {
                answers.concerns.pop();
            }
            let [day, month, year] = dated(today);
            answers.concerns.push(Concern {
                day,
                month,
                year,
                next: next_on(today),
                ..Concern::default()
            });
            return Some(answers.concerns.len() - 1);
        }
        ConcernAction::Set(n, part, text) => {
            if let Some(c) = answers.concerns.get_mut(n) {
                *part.of(c) = text;
            }
        }
        ConcernAction::SetNext(n, part, text) => {
            if let Some(c) = answers.concerns.get_mut(n) {
                let next = &mut c.next;
                *match part {
                    NextPart::Day => &mut next.day,
                    NextPart::Month => &mut next.month,
                    NextPart::Year => &mut next.year,
                    NextPart::Kind => &mut next.kind,
                    NextPart::Words => &mut next.words,
                } = text;
            }
        }
        ConcernAction::AddFollowUp(n, today) => {
            if let Some(c) = answers.concerns.get_mut(n) {
                let written = std::mem::replace(&mut c.next, next_on(today));
                c.follow_ups.push(written);
            }
        }
        ConcernAction::Complaint(chosen) => start_complaint(answers, &chosen),
    }
    None
}

/// The props every concern page takes: the answers, and where changes go.
#[derive(Properties, PartialEq)]
pub struct ConcernProps {
    pub answers: Answers,
    pub act: Callback<ConcernAction>,
    /// Which concern, on a concern's own page.
    #[prop_or_default]
    pub index: usize,
}

/// Goes to `page`, as Continue does; with `replace`, in place of this page in the browser's
/// history (as every step is on a shared computer). The safety net moves the address, so it
/// still counts the app's pages for the quick exit.
pub fn go_to(page: Page, replace: bool) {
    thread_local! {
        static REQUEST: std::cell::Cell<u32> = const { std::cell::Cell::new(1 << 30) };
    }
    let request = REQUEST.with(|r| {
        r.set(r.get().wrapping_add(1));
        r.get()
    });
    platform::page::go(&page.hash(), replace, request);
}

/// Makes a complaint from the chosen concerns, then starts the journey at its first question,
/// with their words filled in.
fn make_complaint(act: &Callback<ConcernAction>, chosen: Vec<usize>, replace: bool) {
    act.emit(ConcernAction::Complaint(chosen));
    let first = Step::all().next().unwrap_or(Step::CheckAnswers);
    go_to(Page::Step(first), replace);
}

/// "12 March 2026: GP practice" for a concern in a list.
fn concern_heading(c: &Concern) -> String {
    let text = concern_pages();
    let date = concern_date(c).map_or_else(|| text.no_date.to_string(), Date::long);
    let service = if has_text(&c.service_name) {
        c.service_name.as_str()
    } else {
        text.services
            .iter()
            .find(|(id, _)| *id == c.service)
            .map_or(text.no_service, |(_, name)| name)
    };
    fill(text.item_heading, &[&date, service])
}

/// The first line of what happened, up to about 120 characters (whole characters).
fn first_line(text: &str) -> String {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut out: String = line.chars().take(120).collect();
    if out.len() < line.len() || text.trim().lines().count() > 1 {
        out.push('…');
    }
    out
}

/// "Your concerns": the list, making a complaint from some, and the links.
#[component]
pub fn ConcernList(props: &ConcernProps) -> Html {
    let text = concern_pages();
    let chosen = use_state(Vec::<usize>::new);
    // How many times "Make a complaint" found nothing ticked: each time, focus goes to the
    // message once it is drawn.
    let error = use_state(|| 0u32);
    use_effect_with(*error, |tries| {
        if *tries > 0 {
            platform::page::focus("error-summary");
        }
    });
    let answers = &props.answers;
    let concerns: Vec<(usize, &Concern)> = answers
        .concerns
        .iter()
        .enumerate()
        .filter(|(_, c)| !is_blank(c))
        .collect();
    let items = concerns.iter().map(|(n, c)| {
        let n = *n;
        let ticked = chosen.contains(&n);
        let toggle = {
            let chosen = chosen.clone();
            Callback::from(move |_: Event| {
                let mut list = (*chosen).clone();
                match list.iter().position(|x| *x == n) {
                    Some(at) => drop(list.remove(at)),
                    None => list.push(n),
                }
                chosen.set(list);
            })
        };
        let id = format!("concern-{n}-choose");
        // Each link and tick box says which concern it is for.
        let heading = format!("concern-{n}-heading");
        html! {
            <li class="app-card">
                <h2 id={heading.clone()} translate="no">{concern_heading(c)}</h2>
                <p translate="no">{first_line(&c.what_happened)}</p>
                <p class="app-hint">{fill(text.item_updates, &[&c.follow_ups.len().to_string()])}</p>
                <p><a href={format!("#{}", Page::Concern(n as u16).hash())} aria-describedby={heading.clone()}>{text.item_open}</a></p>
                <div class="app-choice app-choice--checkbox">
                    <input class="app-choice__input" type="checkbox" id={id.clone()} checked={ticked} onchange={toggle} aria-describedby={heading} />
                    <label class="app-choice__label" for={id}>{text.item_choose}</label>
                </div>
            </li>
        }
    });
    let make = {
        let chosen = chosen.clone();
        let error = error.clone();
        let act = props.act.clone();
        let replace = answers.on_shared_computer();
        Callback::from(move |_: MouseEvent| {
            if chosen.is_empty() {
                error.set(*error + 1);
            } else {
                // (The order does not matter: the complaint puts them in date order.)
                make_complaint(&act, (*chosen).clone(), replace);
            }
        })
    };
    let first = concerns
        .first()
        .map(|(n, _)| format!("concern-{n}-choose"))
        .unwrap_or_default();
    html! {
        <div class="app-narrow">
            if *error > 0 {
                {error_summary(&[SummaryError { field: first.into(), message: text.complaint_none.into() }])}
            }
            <h1 class="app-heading-xl" tabindex="-1">{crate::words::words().pages.concerns_title}</h1>
            <p>{text.list_intro}</p>
            <p>{text.kept_tab}{" "}<a href="#/save">{text.kept_tab_link}</a>{"."}</p>
            if concerns.is_empty() {
                <p>{text.list_empty}</p>
                <p><a class="app-button" href="#/log-a-concern">{text.log_link}</a></p>
            } else {
                <ul class="app-list-plain">{ for items }</ul>
                <h2>{text.complaint_legend}</h2>
                <p class="app-hint">{text.complaint_hint}</p>
                if has_text(&answers.what_happened) {
                    <p class="app-inset">{text.complaint_started}</p>
                }
                <button type="button" class="app-button" onclick={make}>{text.complaint_button}</button>
                <p><a href="#/log-a-concern">{text.log_another}</a></p>
                if answers.is_supporter() {
                    <p><a href="#/concerns/share">{text.share_link}</a></p>
                }
            }
            <p><a href="#/">{text.start_link}</a></p>
        </div>
    }
}

/// Three boxes for a day, month and year, as the journey's date questions have them.
fn date_group(
    id: &str,
    legend: &'static str,
    hint: Option<&'static str>,
    values: [&str; 3],
    on: [Callback<String>; 3],
) -> Html {
    let text = concern_pages();
    let [day, month, year] = on;
    let part = |suffix: &str, label: &'static str, value: &str, on_input: Callback<String>| {
        text_field(&TextProps {
            class: classes!("app-input--short"),
            inputmode: None,
            spellcheck: false,
            ..TextProps::new(format!("{id}-{suffix}"), label, value.to_string(), on_input)
        })
    };
    let hint_id = format!("{id}-hint");
    html! {
        <div class="app-form-group">
            <fieldset class="app-fieldset" role="group" aria-describedby={hint.map(|_| hint_id.clone())}>
                <legend class="app-fieldset__legend app-fieldset__legend--m">{legend}</legend>
                if let Some(hint) = hint {
                    <div id={hint_id} class="app-hint">{hint}</div>
                }
                <div class="app-date-input">
                    <div class="app-date-input__item">{part("day", text.day, values[0], day)}</div>
                    <div class="app-date-input__item">{part("month", text.month, values[1], month)}</div>
                    <div class="app-date-input__item app-date-input__item--year">{part("year", text.year, values[2], year)}</div>
                </div>
            </fieldset>
        </div>
    }
}

/// What a concern's page found missing: what happened, on "Save and see your concerns"; what
/// kind of thing happened next, on "Add this".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Missing {
    WhatHappened,
    NextKind,
}

impl Missing {
    /// The id of the box or first option the error summary links to.
    fn field(self) -> &'static str {
        match self {
            Missing::WhatHappened => "concern-what-happened",
            Missing::NextKind => "next-kind",
        }
    }

    fn message(self) -> &'static str {
        let text = concern_pages();
        match self {
            Missing::WhatHappened => text.what_happened_missing,
            Missing::NextKind => text.next_kind_missing,
        }
    }
}

/// One concern: what happened (kept as typed), whether they told the service, what happened
/// next, and raising it informally.
#[component]
pub fn ConcernPage(props: &ConcernProps) -> Html {
    let text = concern_pages();
    let n = props.index;
    // What is missing, and how many times it has been found missing: each time, focus goes to
    // the summary once it is drawn.
    let error = use_state(|| (None::<Missing>, 0u32));
    use_effect_with(error.1, |tries| {
        if *tries > 0 {
            platform::page::focus("error-summary");
        }
    });
    let notice = use_state(String::new);
    let today = platform::today();
    let Some(c) = props.answers.concerns.get(n) else {
        return super::pages::not_found();
    };
    let set = |part: Part| {
        props
            .act
            .reform(move |text: String| ConcernAction::Set(n, part, text))
    };
    let set_next = |part: NextPart| {
        props
            .act
            .reform(move |text: String| ConcernAction::SetNext(n, part, text))
    };
    let field = |id: &str,
                 part: Part,
                 label: &'static str,
                 hint: Option<&'static str>,
                 multiline: bool,
                 value: &str| {
        text_field(&TextProps {
            multiline,
            hint: hint.map(AttrValue::from),
            ..TextProps::new(format!("concern-{id}"), label, value.to_string(), set(part))
        })
    };
    let supporter = props.answers.is_supporter();
    let radios = |id: &str,
                  legend: &'static str,
                  options: &[(&'static str, &'static str)],
                  value: &str,
                  error: Option<&'static str>,
                  on_choose: Callback<String>| {
        choices(&ChoicesProps {
            id: id.to_string().into(),
            legend: legend.into(),
            is_page_heading: false,
            hint: None,
            error: error.map(AttrValue::from),
            choices: options
                .iter()
                .map(|(value, label)| Choice::new(*value, *label))
                .collect(),
            selected: vec![AttrValue::from(value.to_string())],
            multiple: false,
            on_choose: on_choose.reform(|value: AttrValue| value.to_string()),
        })
    };
    // The catalogue lists exactly `CATEGORIES` and `FOLLOW_UP_KINDS`, in order (a test in
    // `domain::concerns` says so), so its lists are the options.
    let categories = domain_words().concerns.categories;
    let kinds = domain_words().concerns.follow_up_kinds;

    let done = {
        let error = error.clone();
        let replace = props.answers.on_shared_computer();
        let written = has_text(&c.what_happened);
        Callback::from(move |_: MouseEvent| {
            if written {
                go_to(Page::Concerns, replace);
            } else {
                error.set((Some(Missing::WhatHappened), error.1 + 1));
            }
        })
    };
    let add = {
        let error = error.clone();
        let notice = notice.clone();
        let act = props.act.clone();
        let chosen = !c.next.kind.is_empty();
        Callback::from(move |_: MouseEvent| {
            if chosen {
                act.emit(ConcernAction::AddFollowUp(n, today));
                error.set((None, error.1));
                notice.set(text.next_added.into());
            } else {
                error.set((Some(Missing::NextKind), error.1 + 1));
            }
        })
    };
    let follow_ups = c.follow_ups.iter().map(|f| {
        let kind = words_for(kinds, &f.kind);
        let when = follow_up_date(f)
            .map_or_else(|| [f.day.as_str(), &f.month, &f.year].join(" "), Date::long);
        html! {
            <li>
                <strong translate="no">{format!("{when}: {kind}")}</strong>
                if has_text(&f.words) {
                    <p translate="no" class="app-pre-wrap">{f.words.clone()}</p>
                }
            </li>
        }
    });
    let reply_by = today.add_working_days(10, &[]);
    let script = informal_script(c, reply_by);
    let script_text: Rc<str> = script.join("\n\n").into();
    let copy = {
        let notice = notice.clone();
        let script_text = script_text.clone();
        Callback::from(move |_: MouseEvent| {
            let notice = notice.clone();
            let words = script_text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = platform::files::copy_text(&words).await;
                notice.set(if ok { text.copied } else { text.cannot_copy }.into());
            });
        })
    };
    let formal = {
        let act = props.act.clone();
        let replace = props.answers.on_shared_computer();
        Callback::from(move |_: MouseEvent| make_complaint(&act, vec![n], replace))
    };
    let (missing, _) = *error;
    let what_error = missing.filter(|m| *m == Missing::WhatHappened);
    let next_error = missing.filter(|m| *m == Missing::NextKind);
    let summary = missing.map(|m| {
        error_summary(&[SummaryError {
            field: m.field().into(),
            message: m.message().into(),
        }])
    });
    let raised = [("yes", text.raised_yes), ("no", text.raised_no)];
    html! {
        <div class="app-narrow">
            <a href="#/concerns" class="app-back-link">{crate::words::words().screens.common.back}</a>
            {summary.unwrap_or_default()}
            <h1 class="app-heading-xl" tabindex="-1">{crate::words::words().pages.concern_title}</h1>
            <p>{text.concern_intro}</p>
            {date_group("concern-date", text.date_legend, Some(text.date_hint), [&c.day, &c.month, &c.year], [set(Part::Day), set(Part::Month), set(Part::Year)])}
            {radios("concern-raised", text.raised_legend, &raised, &c.raised, None, set(Part::Raised))}
            {radios("concern-service", text.service_legend, text.services, &c.service, None, set(Part::Service))}
            {field("service-name", Part::ServiceName, text.service_name, None, false, &c.service_name)}
            {radios("concern-category", text.category_legend, categories, &c.category, None, set(Part::Category))}
            {text_field(&TextProps {
                multiline: true,
                hint: Some(text.what_happened_hint.into()),
                error: what_error.map(|m| AttrValue::from(m.message())),
                ..TextProps::new("concern-what-happened", text.what_happened, c.what_happened.clone(), set(Part::WhatHappened))
            })}
            {field("spoke-to", Part::SpokeTo, text.spoke_to, None, false, &c.spoke_to)}
            {field("they-said", Part::TheySaid, text.they_said, None, true, &c.they_said)}
            {field("wants", Part::Wants, text.wants, None, true, &c.wants)}
            if supporter {
                {field("summary", Part::Summary, text.summary, Some(text.summary_hint), true, &c.summary)}
            }
            <p class="app-hint">{text.kept_note}</p>
            <button type="button" class="app-button" onclick={done}>{text.done_button}</button>

            <h2>{text.next_heading}</h2>
            if c.follow_ups.is_empty() {
                <p>{text.next_none}</p>
            } else {
                <ul class="app-list">{ for follow_ups }</ul>
            }
            {radios("next-kind", text.next_kind_legend, kinds, &c.next.kind, next_error.map(Missing::message), set_next(NextPart::Kind))}
            {date_group("next-date", text.next_date_legend, None, [&c.next.day, &c.next.month, &c.next.year], [set_next(NextPart::Day), set_next(NextPart::Month), set_next(NextPart::Year)])}
            {text_field(&TextProps { multiline: true, ..TextProps::new("next-words", text.next_words, c.next.words.clone(), set_next(NextPart::Words)) })}
            <button type="button" class="app-button app-button--secondary" onclick={add}>{text.next_add}</button>

            <h2>{text.informal_heading}</h2>
            <p>{text.informal_intro}</p>
            <div class="app-inset" id="informal-script" translate="no">
                { for script.iter().map(|line| html! { <p class="app-pre-wrap">{line.clone()}</p> }) }
            </div>
            <button type="button" class="app-button app-button--secondary" onclick={copy}>{text.copy_button}</button>
            <p role="status">{(*notice).clone()}</p>
            <p>{fill(text.informal_follow_up, &[&reply_by.long()])}</p>
            if has_text(&props.answers.what_happened) {
                <p class="app-inset">{text.complaint_started}</p>
            }
            <button type="button" class="app-button" onclick={formal}>{text.formal_button}</button>
        </div>
    }
}

/// The concerns as a table with no names, for a support worker's records: what it holds and
/// leaves out, the person's agreement first, then download or print.
#[component]
pub fn ShareConcerns(props: &ConcernProps) -> Html {
    let text = concern_pages();
    let agreed = use_state(|| false);
    let notice = use_state(String::new);
    let answers = &props.answers;
    let area = answers
        .more("council")
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .or_else(|| {
            let id = answers.situation.area.as_deref()?;
            journey().area(id).map(|a| a.name.clone())
        })
        .unwrap_or_default();
    let concerns: Vec<Concern> = answers
        .concerns
        .iter()
        .filter(|c| !is_blank(c))
        .cloned()
        .collect();
    // The header first, then one row for each concern.
    let mut rows = printable_rows(&concerns, &area);
    let columns = rows.remove(0);
    let toggle = {
        let agreed = agreed.clone();
        Callback::from(move |_: Event| agreed.set(!*agreed))
    };
    let download = {
        let notice = notice.clone();
        let (concerns, area) = (concerns.clone(), area.clone());
        Callback::from(move |_: MouseEvent| {
            // Written when asked for, not on every change of the page.
            let csv = to_csv(&concerns, &area);
            let ok = platform::files::download(
                text.share_file,
                "text/csv;charset=utf-8",
                csv.as_bytes(),
            );
            notice.set(if ok {
                fill(text.downloaded, &[text.share_file])
            } else {
                text.cannot_download.into()
            });
        })
    };
    let print = Callback::from(|_: MouseEvent| platform::page::print_part("concern-table"));
    html! {
        <div class="app-narrow">
            <a href="#/concerns" class="app-back-link">{crate::words::words().screens.common.back}</a>
            <h1 class="app-heading-xl" tabindex="-1">{crate::words::words().pages.share_concerns_title}</h1>
            <p>{text.share_intro}</p>
            <p>{text.share_leaves_out}</p>
            if rows.is_empty() {
                <p>{text.share_none}</p>
            } else {
                <div id="concern-table">
                    <table class="app-table">
                        <caption class="app-table__caption">{text.share_table_caption}</caption>
                        <thead><tr>{ for columns.iter().map(|c| html! { <th scope="col">{c.clone()}</th> }) }</tr></thead>
                        <tbody>
                            { for rows.iter().map(|row| html! {
                                <tr>{ for row.iter().zip(&columns).map(|(cell, column)| html! {
                                    <td translate="no" data-label={column.clone()}>{cell.clone()}</td>
                                }) }</tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <div class="app-choice app-choice--checkbox">
                    <input class="app-choice__input" type="checkbox" id="share-consent" checked={*agreed} onchange={toggle} aria-describedby="share-consent-hint" />
                    <label class="app-choice__label" for="share-consent">{text.share_consent}</label>
                    <div id="share-consent-hint" class="app-choice__hint">{text.share_consent_hint}</div>
                </div>
                if *agreed {
                    <div class="app-button-group">
                        <button type="button" class="app-button" onclick={download}>{text.share_download}</button>
                        <button type="button" class="app-button app-button--secondary" onclick={print}>{text.share_print}</button>
                    </div>
                }
                if !notice.is_empty() {
                    <p role="status">{(*notice).clone()}</p>
                }
            }
        </div>
    }
}
