//! The result pages: crisis help, the route's parts of the finish steps (where to send it,
//! the dates, free help), and finishing up.

use super::components::back_link;
use super::state::Action;
use super::view::View;
use crate::data::{journey, Contact, ContactKind, CrisisLine, Organisation};
use crate::domain::date::Date;
use crate::domain::interview::{Page, Step};
use crate::domain::questions::FINISH_STEPS;
use crate::domain::route::{DeadlineKind, Recipient, Route};
use crate::domain::situation::{Nation, Situation};
use crate::platform;
use crate::words::{fill, words};
use yew::prelude::*;

/// A contact detail as text, with a link where one helps (phone numbers dial on a phone).
/// Web addresses are shown as text only: following them is the person's choice, typed by them.
fn contact_line(contact: &Contact) -> Html {
    let text = &words().screens.contacts;
    let label = match contact.kind {
        ContactKind::Post => text.post,
        ContactKind::Email => text.email,
        ContactKind::Phone => text.phone,
        ContactKind::Text => text.text,
        ContactKind::Textphone => text.textphone,
        ContactKind::WebForm => text.web_form,
        ContactKind::Website => text.website,
        ContactKind::InPerson => text.in_person,
    };
    let value = match contact.kind {
        ContactKind::Phone | ContactKind::Text => {
            let digits: String = contact
                .value
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect();
            let scheme = if contact.kind == ContactKind::Text {
                "sms"
            } else {
                "tel"
            };
            html! { <a href={format!("{scheme}:{digits}")}>{contact.value.clone()}</a> }
        }
        _ => html! { {contact.value.clone()} },
    };
    html! {
        <li>
            <strong>{format!("{label}: ")}</strong>{value}
            if !contact.note.is_empty() { {format!(" ({})", contact.note)} }
            if !contact.confirmed { {" "}<span class="app-tag">{text.unconfirmed}</span> }
        </li>
    }
}

fn organisation_details(org: &Organisation) -> Html {
    let text = &words().screens.contacts;
    // "November 2026": the month is what tells a person how fresh it is.
    let checked = Date::parse_iso(&org.checked)
        .and_then(|d| Some(format!("{} {}", Date::month_name(d.month())?, d.year())))
        .unwrap_or_else(|| org.checked.clone());
    html! {
        <>
            <p>{org.handles.clone()}</p>
            <ul class="app-contact-list">{ for org.contacts.iter().map(contact_line) }</ul>
            if !org.caution.is_empty() {
                <p class="app-check">{fill(text.caution, &[&org.caution])}</p>
            }
            <details class="app-details app-small">
                <summary class="app-details__summary">
                    <span class="app-details__summary-text">{fill(text.checked, &[&checked])}</span>
                </summary>
                <div class="app-details__text">
                    <p>{text.sources}</p>
                    <ul class="app-list">{ for org.sources.iter().map(|source| html! { <li>{source.clone()}</li> }) }</ul>
                </div>
            </details>
        </>
    }
}

fn recipient_details(recipient: &Recipient) -> Html {
    match recipient {
        Recipient::Organisation(org) => organisation_details(org),
        Recipient::Role { how_to_find, .. } => html! { <p>{how_to_find.clone()}</p> },
    }
}

/// Crisis lines for the person's nation (England when not known), local ones last.
pub(super) fn crisis_lines(nation: Option<Nation>, area: Option<&str>) -> Vec<CrisisLine> {
    journey()
        .crisis_lines(nation.unwrap_or(Nation::England), area)
        .into_iter()
        .cloned()
        .collect()
}

pub(super) fn crisis_panel(lines: &[CrisisLine], heading_level_one: bool) -> Html {
    crisis_section(lines, heading_level_one, "crisis-heading", html! {})
}

/// The crisis lines in a panel whose heading has the id `heading_id`, with `first` straight
/// after the heading.
fn crisis_section(
    lines: &[CrisisLine],
    heading_level_one: bool,
    heading_id: &'static str,
    first: Html,
) -> Html {
    let text = &words().screens.help;
    html! {
        <section class="app-crisis" aria-labelledby={heading_id}>
            if heading_level_one {
                <h1 id={heading_id} class="app-heading-xl">{text.page_heading}</h1>
            } else {
                <h2 id={heading_id}>{text.panel_heading}</h2>
            }
            {first}
            <p>{text.not_alone}</p>
            { for lines.iter().map(|line| html! {
                <div class="app-card">
                    // One level below the panel's own heading, whichever that is.
                    if heading_level_one {
                        <h2 class="app-card__title">{line.name.clone()}</h2>
                    } else {
                        <h3 class="app-card__title">{line.name.clone()}</h3>
                    }
                    <p>{line.what.clone()}</p>
                    <ul class="app-contact-list">{ for line.contacts.iter().map(contact_line) }</ul>
                    if !line.caution.is_empty() {
                        <p class="app-check">{fill(text.caution, &[&line.caution])}</p>
                    }
                </div>
            }) }
        </section>
    }
}

/// The gentle panel shown above the page when the answers suggest someone may not be safe now:
/// why it is there and a way to hide it first, then the crisis lines for their nation. It blocks
/// nothing, and says the same whatever the words were: it names none and assumes nothing.
pub(super) fn care_panel(situation: &Situation, hide: Callback<MouseEvent>) -> Html {
    let text = &words().screens.help;
    let first = html! {
        <>
            <p><strong>{text.care_why}</strong></p>
            <p class="app-small">{text.care_private}</p>
            <button type="button" class="app-button app-button--secondary" onclick={hide}>{text.hide_button}</button>
        </>
    };
    crisis_section(
        &crisis_lines(situation.nation, situation.area.as_deref()),
        false,
        "care-heading",
        first,
    )
}

/// The crisis help page, one tap away from every page ("Get help now" in the header).
pub fn get_help_page(v: &View) -> Html {
    let s = &v.model.answers.situation;
    let came_from_safety_question = s.in_danger_now.is_some();
    let text = &words().screens;
    let back = Callback::from(|_: MouseEvent| {
        if let Ok(history) = platform::window().history() {
            let _ = history.back();
        }
    });
    html! {
        <div class="app-narrow">
            <button type="button" class="app-link-button app-back-link app-no-print" onclick={back}>{text.common.back}</button>
            {crisis_panel(&crisis_lines(s.nation, s.area.as_deref()), true)}
            if came_from_safety_question {
                <p>{text.help.carry_on}</p>
                <a class="app-button" href={format!("#{}", Page::Step(Step::Who).hash())}>{text.help.carry_on_button}</a>
            }
        </div>
    }
}

/// Step 2, "Send your letter": the one place to send it (with its address), the buttons the
/// letter page puts in `actions`, the other place under "Or instead", and at most one warning
/// on show. The reasons, the other things to avoid and the bodies to tell as well wait behind a
/// tap, so the page stays short.
pub(super) fn send_panel(route: &Route, actions: Html) -> Html {
    let text = &words().screens.route;
    let (warning, avoid) = match route.do_not.split_first() {
        Some((first, rest)) => (Some(first), rest),
        None => (None, &[][..]),
    };
    html! {
        <>
            <section class="app-card app-card--primary" aria-labelledby="where-heading">
                <h2 id="where-heading" class="app-card__title">{fill(text.send_to, &[&route.primary.name()])}</h2>
                {recipient_details(&route.primary)}
                { for route.unconfirmed.iter().map(|note| html! {
                    <p class="app-inset"><span class="app-tag">{text.unconfirmed}</span>{" "}{note.clone()}</p>
                }) }
            </section>
            // Several services: the same letter, a copy to each of the others' places.
            { for route.copies.iter().map(|copy| more_owned(
                fill(text.copy_to, &[&copy.recipient.name()]),
                recipient_details(&copy.recipient),
            )) }
            {time_limits(route)}
            {actions}
            if let Some(alt) = &route.alternative {
                {more_owned(fill(text.or_instead, &[&alt.recipient.name()]), html! {
                    <>
                        <p>{alt.reason.clone()}</p>
                        {recipient_details(&alt.recipient)}
                    </>
                })}
            }
            if let Some(warning) = warning {
                <p class="app-warning">{warning.clone()}</p>
            }
            {more(text.why_heading, html! {
                <>
                    { for route.why.iter().map(|why| html! { <p>{why.clone()}</p> }) }
                    { for route.assumptions.iter().map(|a| html! { <p class="app-inset">{a.clone()}</p> }) }
                </>
            })}
            if !avoid.is_empty() {
                {more(text.avoid_heading, html! {
                    <ul class="app-list app-list--bullet">{ for avoid.iter().map(|w| html! { <li>{w.clone()}</li> }) }</ul>
                })}
            }
            // Bodies to tell as well as (never instead of) sending it: a regulator, a tribunal,
            // or an ombudsman for another part of what happened.
            if !route.alongside.is_empty() {
                {more(text.alongside_heading, html! {
                    { for route.alongside.iter().map(|alt| html! {
                        <div class="app-card">
                            <h3 class="app-card__title">{alt.recipient.name()}</h3>
                            <p>{alt.reason.clone()}</p>
                            {recipient_details(&alt.recipient)}
                        </div>
                    }) }
                })}
            }
        </>
    }
}

/// A closed "details" block: more to read, one tap away.
pub(super) fn more(summary: &'static str, body: Html) -> Html {
    more_owned(summary.into(), body)
}

/// [`more`], with a summary made for this page (a name or a date in it).
fn more_owned(summary: String, body: Html) -> Html {
    html! {
        <details class="app-details">
            <summary class="app-details__summary"><span class="app-details__summary-text">{summary}</span></summary>
            <div class="app-details__text">{body}</div>
        </details>
    }
}

/// The time limits for sending it (to complain, or to appeal), shown where the person sends
/// it. The dates after sending are on the timeline of "What happens next".
fn time_limits(route: &Route) -> Html {
    let no_date = words().screens.route.no_date;
    html! {
        { for route.deadlines.iter()
            .filter(|d| matches!(d.kind, DeadlineKind::ComplainBy | DeadlineKind::AppealBy))
            .map(|d| more_owned(
                format!("{}: {}", d.label, d.date.map_or_else(|| no_date.into(), |x| x.long())),
                html! { <p>{d.note.clone()}</p> },
            )) }
    }
}

/// Where to go if this does not sort it out, in order (on "What happens next", one tap away:
/// the timeline already names the last step's date).
pub(super) fn escalation(route: &Route) -> Html {
    if route.escalation.is_empty() {
        return html! {};
    }
    more(
        words().screens.route.escalation_heading,
        html! {
            <ol class="app-list app-list--number">
                { for route.escalation.iter().map(|r| html! { <li>{r.name()}</li> }) }
            </ol>
        },
    )
}

/// Step 4, "Free help": who can help for free, nearest first (the route lists them so). The
/// first two are on show; the rest wait one tap away, so the step stays short.
pub(super) fn help_panel(route: &Route) -> Html {
    let card = |org: &Organisation| {
        html! {
            <div class="app-card">
                <h2 class="app-card__title">{org.name.clone()}</h2>
                {organisation_details(org)}
            </div>
        }
    };
    let (first, rest) = route.free_help.split_at(route.free_help.len().min(2));
    html! {
        <>
            { for first.iter().map(card) }
            if !rest.is_empty() {
                {more(words().screens.route.more_help, html! { { for rest.iter().map(card) } })}
            }
        </>
    }
}

/// "Finish and clear": a short checklist, then clearing everything from this device.
pub fn finish_page(v: &View) -> Html {
    let dispatch = v.dispatch.clone();
    // Leaving as the quick exit does (a fresh page, the letter tools ended, other tabs told),
    // so no word stays in this page's memory either.
    let clear = Callback::from(move |_: MouseEvent| {
        platform::exit::leave(platform::exit::Why::Finished, &|| {
            dispatch.emit(Action::Clear)
        });
    });
    let text = &words().screens.finish;
    html! {
        <div class="app-narrow">
            // Back to the finish's last step.
            {back_link(format!("#{}", Page::Step(FINISH_STEPS[FINISH_STEPS.len() - 1]).hash()))}
            <h1 class="app-heading-xl">{text.heading}</h1>
            <p>{text.before_you_go}</p>
            <ul class="app-list app-list--bullet">
                { for text.checklist.iter().map(|item| html! { <li>{*item}</li> }) }
            </ul>
            <p>{text.concern_note}{" "}<a href="#/log-a-concern">{text.concern_link}</a></p>
            if v.model.answers.concerns.iter().any(|c| c != &Default::default()) {
                <p>{text.keep_concerns}{" "}<a href="#/save">{text.keep_link}</a>{"."}</p>
            }
            <button type="button" class="app-button app-button--warning" onclick={clear}>{text.clear_button}</button>
        </div>
    }
}
