//! What happens next: the dates that matter after sending the letter, worked out from the
//! route's deadlines and today's date. The letter page lists (and prints) the items; they also
//! come as plain text to copy ([`to_text`]) and as calendar reminders ([`ics`]).
//!
//! When the complaint is about several services, each place that has the letter is a strand of
//! its own: the lead's items are the ones a single service has, and each body with a copy gets
//! its date to say it got it (from its own procedure, see [`super::route::add_copies`]) and its
//! own chase a week later, naming it; bodies due the same day share one item.
//!
//! The calendar file follows RFC 5545 (iCalendar): CRLF line endings, lines folded at 75 octets
//! without splitting a UTF-8 character, and text escaped. Each dated item is one all-day event
//! with a reminder at 9am the day before. The output depends only on its inputs: the time stamp
//! is midnight UTC of `today`, and each event's UID is made from its date and label, so the same
//! reminders imported twice replace each other instead of appearing twice.

use super::answers::Answers;
use super::date::Date;
use super::letter::{final_body, stage};
use super::route::{in_sentence, time_limit_ends, DeadlineKind, Route};
use super::situation::Stage;
use crate::words::{domain_words, fill};

/// What a timeline item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ItemKind {
    /// Send the letter (today).
    Send,
    /// A date from the route (see [`DeadlineKind`]).
    Deadline(DeadlineKind),
    /// A week after the acknowledgement was due: time to chase.
    Chase,
    /// Several services: when places with a copy of the letter should say they got it.
    CopyAcknowledgement,
    /// Several services: a week after that, time to chase those places.
    CopyChase,
    /// Six months after sending, when there is no fixed date for the answer.
    SixMonths,
}

/// One thing to do or expect, and when.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Item {
    pub kind: ItemKind,
    /// `None` when it cannot be worked out yet (for example, it counts from a reply that has
    /// not come). Such items are listed but not put in the calendar.
    pub date: Option<Date>,
    /// A short plain label: "Chase them if nobody has told you they got your letter".
    pub label: String,
    /// What it means, in plain words.
    pub note: String,
}

/// The timeline for sending the main letter today (and its copies, for several services):
/// what is to come in date order, then dates that have passed, then items without a date.
pub fn timeline(answers: &Answers, route: &Route, today: Date) -> Vec<Item> {
    let words = &domain_words().timeline;
    let stage = stage(answers);
    // Several services: the lead's name, for the copies' chases ("ask them to work with ...").
    // The lead's own items keep the labels a single service has.
    let lead = (!route.copies.is_empty()).then(|| route.primary.name());
    let mut items = vec![Item {
        kind: ItemKind::Send,
        date: Some(today),
        label: words.send_label.into(),
        note: words.send_note.into(),
    }];
    for deadline in &route.deadlines {
        let kind = deadline.kind;
        // The timeline starts from sending the letter today, so the time limits for sending it
        // (to complain, or to appeal) are already met; the route page shows them before that.
        if matches!(kind, DeadlineKind::ComplainBy | DeadlineKind::AppealBy) {
            continue;
        }
        let plain = plain_label(&deadline.label);
        let label = if kind == DeadlineKind::OmbudsmanBy {
            // The labels are the app's own ASCII text, so ASCII lower case is enough, and it
            // keeps Unicode's case tables out of the letter tools' download.
            let start = words.last_day_to.len();
            let mut label = [words.last_day_to, plain].concat();
            if let Some(first) = label.get_mut(start..start + 1) {
                first.make_ascii_lowercase();
            }
            label
        } else {
            plain.to_string()
        };
        items.push(Item {
            kind: ItemKind::Deadline(kind),
            date: deadline.date,
            label,
            note: deadline.note.clone(),
        });
        if kind == DeadlineKind::AcknowledgementDue {
            let chase = words.chase_label.into();
            let note = words.chase_note.into();
            push_chase(&mut items, ItemKind::Chase, deadline.date, chase, note);
        }
    }
    // Several services: each body with a copy has its own date to say it got it, by its own
    // procedure, and its own chase a week later. Bodies due the same day share one item (and
    // one chase), so the list stays short; same-day items keep this order, so the lead comes
    // first, then the copies in the order the letter lists them.
    if let Some(lead) = &lead {
        let ask = fill(words.chase_copy_note, &[&in_sentence(lead)]);
        // (date, names in a sentence after the first, what to expect, its note), in order.
        let mut groups: Vec<(Option<Date>, Vec<String>, String, String)> = Vec::new();
        for copy in &route.copies {
            // Only its acknowledgement (see `add_copies`): the answer is the lead's to send.
            for deadline in &copy.deadlines {
                let plain = plain_label(&deadline.label);
                let name = copy.recipient.name();
                match groups
                    .iter_mut()
                    .find(|g| g.0 == deadline.date && g.2 == plain)
                {
                    Some(group) => group.1.push(in_sentence(&name)),
                    None => groups.push((
                        deadline.date,
                        vec![name],
                        plain.to_string(),
                        deadline.note.clone(),
                    )),
                }
            }
        }
        for (date, names, plain, note) in groups {
            let (template, names) = match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => (
                    words.copies_strand,
                    [rest.join(", ").as_str(), words.and, last].concat(),
                ),
                _ => (words.copy_strand, names.concat()),
            };
            items.push(Item {
                kind: ItemKind::CopyAcknowledgement,
                date,
                label: fill(template, &[&names, &plain]),
                note,
            });
            let chase = fill(words.chase_copy, &[&in_sentence(&names)]);
            push_chase(&mut items, ItemKind::CopyChase, date, chase, ask.clone());
        }
    }
    let with_service = matches!(
        stage,
        Stage::NotRaised | Stage::RaisedInformally | Stage::NoAcknowledgement
    );
    let six = today.add_months(6);
    if with_service && !items.iter().any(|i| i.date == Some(six)) {
        items.push(Item {
            kind: ItemKind::SixMonths,
            date: Some(six),
            label: words.six_months_label.into(),
            note: words.six_months_note.into(),
        });
    }
    let has_ombudsman_date = items
        .iter()
        .any(|i| i.kind == ItemKind::Deadline(DeadlineKind::OmbudsmanBy));
    if !has_ombudsman_date {
        let body = final_body(stage, route).and_then(|r| r.organisation());
        if let Some((org, limit)) = body.and_then(|o| o.time_limit.as_ref().map(|l| (o, l))) {
            items.push(Item {
                kind: ItemKind::Deadline(DeadlineKind::OmbudsmanBy),
                date: time_limit_ends(limit, &answers.situation),
                label: fill(words.last_day_take_it_to, &[&in_sentence(&org.name)]),
                note: limit.note.clone(),
            });
        }
    }
    // What is still to come, in date order; then dates that have already passed (a time limit
    // that has gone never leads: there may still be a way, and the note says so); then the
    // items without a date. Same-day items keep the order above. An insertion sort, because a
    // handful of items does not need the standard library's larger sort code.
    let key = |i: &Item| {
        let group = match i.date {
            Some(date) if date >= today => 0,
            Some(_) => 1,
            None => 2,
        };
        (group, i.date)
    };
    for n in 1..items.len() {
        let mut at = n;
        while at > 0 && key(&items[at - 1]) > key(&items[at]) {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
    // Several services: each strand's dates often share a note (the same nation's rule for
    // every body). Said once, in the first item that has it, so the page stays short.
    if lead.is_some() {
        for n in 1..items.len() {
            if items[..n]
                .iter()
                .any(|earlier| earlier.note == items[n].note)
            {
                items[n].note.clear();
            }
        }
    }
    items
}

/// A deadline's label as the timeline says it: without its last word ("by"), which the
/// route's own list needs before its date.
fn plain_label(label: &str) -> &str {
    label
        .strip_suffix(domain_words().timeline.label_end)
        .unwrap_or(label)
}

/// A week after an acknowledgement was due, when there is a date: time to chase (`kind` says
/// whether the lead or the places with a copy).
fn push_chase(
    items: &mut Vec<Item>,
    kind: ItemKind,
    due: Option<Date>,
    label: String,
    note: String,
) {
    if let Some(due) = due {
        items.push(Item {
            kind,
            date: Some(due.add_days(7)),
            label,
            note,
        });
    }
}

/// The Easy Read page of what happens next, one line each: where to send it, keep a copy, each
/// thing to expect with its date, where to go if the answer does not help, and who helps for
/// free. Short sentences with one idea each, as advocacy services hand out on paper; the names
/// and dates are the route's and the timeline's own, so it never says anything they do not.
pub fn easy_read(route: &Route, items: &[Item]) -> Vec<String> {
    let words = &domain_words().easy_read;
    let mut lines = vec![fill(words.send_to, &[&route.primary.name()])];
    // Several services: the same letter to each of the others too.
    for copy in &route.copies {
        lines.push(fill(words.copy_to, &[&copy.recipient.name()]));
    }
    lines.push(words.keep_copy.to_string());
    for item in items.iter().filter(|i| i.kind != ItemKind::Send) {
        lines.push(match item.date {
            Some(date) => fill(words.dated, &[&date.long(), &item.label]),
            None => fill(words.undated, &[&item.label]),
        });
    }
    if let Some(next) = route.escalation.first() {
        lines.push(fill(words.not_happy, &[&next.name()]));
    }
    if let Some(help) = route.free_help.first() {
        lines.push(fill(words.free_help, &[&help.name]));
    }
    lines.push(words.not_alone.to_string());
    lines
}

/// The timeline as plain text: one paragraph per item, the date first.
pub fn to_text(items: &[Item]) -> String {
    let words = &domain_words().timeline;
    let mut out = [words.heading, "\n"].concat();
    for item in items {
        out.push('\n');
        match item.date {
            Some(date) => out.push_str(&date.long()),
            None => out.push_str(words.date_unknown),
        }
        out.push_str(": ");
        out.push_str(&item.label);
        out.push('\n');
        if !item.note.is_empty() {
            out.push_str(&item.note);
            out.push('\n');
        }
    }
    out
}

/// The dated items as an iCalendar file: one all-day event each, with a reminder.
pub fn ics(items: &[Item], today: Date) -> String {
    // The title of every calendar event and alarm: neutral, because a lock screen shows it.
    let reminder = domain_words().timeline.reminder;
    let mut out = String::new();
    let stamp = [&compact(today), "T000000Z"].concat();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//In My Words//Reminders//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        content_line(line, &mut out);
    }
    for item in items {
        let Some(date) = item.date else { continue };
        let day = compact(date);
        content_line("BEGIN:VEVENT", &mut out);
        content_line(
            &["UID:", &day, "-", &uid_hash(&item.label), "@in-my-words"].concat(),
            &mut out,
        );
        content_line(&["DTSTAMP:", &stamp].concat(), &mut out);
        content_line(&["DTSTART;VALUE=DATE:", &day].concat(), &mut out);
        content_line(
            &["DTEND;VALUE=DATE:", &compact(date.add_days(1))].concat(),
            &mut out,
        );
        // The title is all a phone shows on its lock screen, so it says only "Reminder"; what
        // the reminder is about is inside, for the person who opens it.
        content_line(&["SUMMARY:", reminder].concat(), &mut out);
        content_line(
            &[
                "DESCRIPTION:",
                &escape_text(&[item.label.as_str(), "\n\n", &item.note].concat()),
            ]
            .concat(),
            &mut out,
        );
        content_line("TRANSP:TRANSPARENT", &mut out);
        content_line("BEGIN:VALARM", &mut out);
        content_line("ACTION:DISPLAY", &mut out);
        content_line(&["DESCRIPTION:", reminder].concat(), &mut out);
        // 15 hours before the start of an all-day event: 9am the day before.
        content_line("TRIGGER:-PT15H", &mut out);
        content_line("END:VALARM", &mut out);
        content_line("END:VEVENT", &mut out);
    }
    content_line("END:VCALENDAR", &mut out);
    out
}

/// `20261126`: the DATE form of RFC 5545.
fn compact(date: Date) -> String {
    date.to_string().replace('-', "")
}

/// A content line, folded so no line is longer than 75 octets (RFC 5545 section 3.1): a
/// continuation line starts with one space, and a character is never split across lines.
///
/// Some readers trim spaces at the ends of folded lines, which the RFC does not allow, so a
/// fold never falls next to a space: characters move down to the next line until it does not.
fn content_line(line: &str, out: &mut String) {
    let mut current = String::new();
    for ch in line.chars() {
        if current.len() + ch.len_utf8() > 75 {
            let mut moved = String::new();
            while current.len() > 40 {
                let next = moved.chars().next().unwrap_or(ch);
                if !current.ends_with(' ') && next != ' ' {
                    break;
                }
                moved.insert(0, current.pop().unwrap_or(' '));
            }
            out.push_str(&current);
            out.push_str("\r\n");
            current = [" ", &moved].concat();
        }
        current.push(ch);
    }
    out.push_str(&current);
    out.push_str("\r\n");
}

/// Escapes a TEXT value (RFC 5545 section 3.3.11): backslash, semicolon, comma and line breaks.
/// Other control characters are not allowed in TEXT, so they are left out.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' | '\n' => {
                if ch == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push(ch),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A stable 16-digit hex hash (64-bit FNV-1a) of an item's label, for its UID.
fn uid_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (0..16)
        .rev()
        .map(|i| char::from(b"0123456789abcdef"[((hash >> (i * 4)) & 15) as usize]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        content_line(&["DESCRIPTION:", &"é".repeat(40)].concat(), &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{line:?}");
        }
        assert_eq!(
            out.replace("\r\n ", ""),
            ["DESCRIPTION:", &"é".repeat(40), "\r\n"].concat()
        );
    }

    #[test]
    fn never_folds_next_to_a_space() {
        let mut out = String::new();
        let text = ["SUMMARY:", &"ab ".repeat(60)].concat();
        content_line(&text, &mut out);
        let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        for (i, line) in lines.iter().enumerate() {
            let folded_here = i + 1 < lines.len();
            assert!(
                line.len() <= 75 && !(folded_here && line.ends_with(' ')),
                "{line:?}"
            );
            assert!(!line.starts_with("  "), "{line:?}");
        }
        assert_eq!(out.replace("\r\n ", ""), [text.as_str(), "\r\n"].concat());
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(
            escape_text("a,b;c\\d\r\ne\nf\u{7}"),
            "a\\,b\\;c\\\\d\\ne\\nf"
        );
    }
}
