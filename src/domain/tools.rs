//! The letter tools: what the letter page asks for, and the answers it gets back.
//!
//! Routing, the letter, the "Before you send" check and the files to download need the whole
//! directory, the word lists and their code: more than half of the app's size. The journey's
//! questions need none of it, so it runs as a separate small program (a web worker, built from
//! `src/bin/letter-tools.rs`) that the letter page starts. A person's first visit then downloads
//! only what the questions need, and typing never waits for a check.
//!
//! This module is the whole contract, as plain data: [`Request`] in, [`Reply`] out, both encoded
//! with postcard. [`handle`] is the tools' only logic, so it is tested natively like the rest of
//! the domain.
//!
//! The letter comes back as a [`Template`]: its text with gaps where the person's own words go.
//! The page fills the gaps as the person types, at once and without asking the tools again, so
//! their words appear in the preview exactly as typed, keystroke by keystroke.

use super::answers::{has_text, Answers};
use super::check::{check, Flag, FlagText};
use super::date::Date;
use super::docx;
use super::fields::CARE_COUNCIL;
use super::letter::{follow_ups, letter, letter_text, write, LetterKind};
use super::place::{Council, Found as PlaceFound, PlaceTable};
use super::route::{add_copies, name_the_council, route, Route};
use super::safety::{concern_in_answers, Kind};
use super::timeline::{self, Item};
use crate::data::data;
use crate::words::{domain_words, fill};
use serde::{Deserialize, Serialize};
use std::cell::Cell;

/// The answers the person can edit on the letter page, in their own words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OwnField {
    WhatHappened,
    HowItAffected,
}

impl OwnField {
    pub const ALL: [OwnField; 2] = [OwnField::WhatHappened, OwnField::HowItAffected];

    /// The person's words for this answer, exactly as typed.
    pub fn text(self, answers: &Answers) -> &str {
        match self {
            OwnField::WhatHappened => &answers.what_happened,
            OwnField::HowItAffected => &answers.how_it_affected,
        }
    }

    fn text_mut(self, answers: &mut Answers) -> &mut String {
        match self {
            OwnField::WhatHappened => &mut answers.what_happened,
            OwnField::HowItAffected => &mut answers.how_it_affected,
        }
    }
}

/// A piece of a letter: the app's own text, or a gap for some of the person's words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Part {
    Text(String),
    Own(OwnField),
}

/// A letter with gaps for the person's words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub parts: Vec<Part>,
}

impl Template {
    /// The letter with the person's current words in its gaps.
    pub fn fill(&self, answers: &Answers) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Own(field) => out.push_str(field.text(answers)),
            }
        }
        out
    }
}

/// What decides a letter's template: every answer, except that the person's own words count
/// only as "given" or "not given" (a letter leaves out a part they did not answer). The page
/// asks for a new template only when this changes, never on an ordinary keystroke.
pub fn template_key(answers: &Answers) -> Answers {
    let mut key = answers.clone();
    for field in OwnField::ALL {
        let given = has_text(field.text(answers));
        *field.text_mut(&mut key) = if given { "given".into() } else { String::new() };
    }
    key
}

/// Something the check found, with its heading (the word lists live only in the tools).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    pub field: OwnField,
    pub title: String,
    pub flag: Flag,
}

/// Another letter the person may need later (or the consent form).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherLetter {
    pub kind: LetterKind,
    /// What it is for, as a heading: "If nobody answers".
    pub title: String,
    /// With gaps for the person's words, like the main letter: some of these letters quote
    /// them, and must quote them as they are now, not as they were when the page opened.
    pub letter: Template,
}

/// Everything the letter page shows that comes from the tools.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Prepared {
    pub route: Route,
    /// The main letter, with gaps for the person's own words.
    pub letter: Template,
    pub kind: LetterKind,
    /// The main letter's subject line, for an email.
    pub subject: String,
    /// Follow-up letters and, when someone is helping, the consent form.
    pub others: Vec<OtherLetter>,
    /// What happens next, and by when.
    pub timeline: Vec<Item>,
    /// The same in Easy Read: one short line per idea, for a page of its own.
    pub easy_read: Vec<String>,
}

/// A file to download.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKind {
    /// A letter (or the consent form) as an editable Word document.
    Word { kind: LetterKind, large_print: bool },
    /// Reminders of the timeline's dates, for a calendar app.
    Calendar,
    /// A letter (or the consent form) as plain text: the text the page shows.
    Text { kind: LetterKind },
}

/// What the letter page asks the tools for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// The route, the letters and the timeline for these answers, on this date.
    Prepare { answers: Box<Answers>, today: Date },
    /// "Before you send": read the person's own words.
    Check {
        what_happened: String,
        how_it_affected: String,
    },
    /// A file made from the answers as they are now (so it has the latest words).
    File {
        answers: Box<Answers>,
        today: Date,
        file: FileKind,
    },
    /// Do any of the answers say the person may not be safe now (see [`super::safety`])? Asked
    /// by the journey as the person moves on from a page, so the word lists stay out of the
    /// first download: the tools are already kept on the device for the letter.
    Concern { answers: Box<Answers> },
    /// "Where did this happen?": what the person typed (a postcode, its first part, or the name
    /// of a town or council), looked up in the table of every UK postcode district. The table
    /// is a file of its own, fetched by the tools only once that question has opened (see
    /// [`receive_places`]).
    Place { typed: String },
}

/// A file the tools made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct File {
    pub name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
}

/// What the tools send back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    Prepared(Box<Prepared>),
    Checked(Vec<Found>),
    File(File),
    /// What kind of danger the words suggest, if any. Only the kind: the page shows help, and
    /// never needs to know which words raised it.
    Concern(Option<Kind>),
    Place(PlaceReply),
    /// The routing file could not be had or read, so this request cannot be answered: the
    /// page says so and offers a reload (which fetches the file again). The readings of the
    /// person's words and place questions go on as before.
    RoutesUnavailable,
}

/// What the place lookup says about what the person typed, ready to show: the page carries
/// no words or logic of its own for it, so the first download stays small. `area` is given only
/// when every council the words could be is in the same area of the app (never a silent
/// guess); `council` only when it is one council for certain; `care`, the council that runs
/// social care there, only when the area is given and every place the words could mean in it
/// has the same one (see [`PlaceTable::care_council_among`]), with or without `council`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceReply {
    pub area: Option<String>,
    pub council: Option<String>,
    pub care: Option<String>,
    pub say: String,
}

/// The place table, once the tools have it: the file's text lives as long as the tools do.
enum Places {
    NotAsked,
    Ready(PlaceTable<'static>),
    Unavailable,
}

thread_local! {
    static PLACES: std::cell::RefCell<Places> = const { std::cell::RefCell::new(Places::NotAsked) };
    /// Requests that came before a file they need (the place table, the routing file), as
    /// sent: asked again each time a file arrives (see [`retry_waiting`]).
    static WAITING: std::cell::RefCell<Vec<Vec<u8>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Asks every waiting request again, now that a file has come: those still without what they
/// need wait on. Returns the answers to send.
fn retry_waiting() -> Vec<Vec<u8>> {
    let waiting = WAITING.with(|cell| std::mem::take(&mut *cell.borrow_mut()));
    waiting.iter().filter_map(|asked| answer(asked)).collect()
}

/// Gives the tools the place table's text (`places.txt`), as fetched for them; an empty or
/// damaged text means it could not be had. Kept for as long as the tools run: the text is read
/// once, and the table borrows it. Returns the answers to place questions that were waiting
/// for it, to send.
pub fn receive_places(text: String) -> Vec<Vec<u8>> {
    let text: &'static str = Box::leak(text.into_boxed_str());
    let places = match PlaceTable::parse(text) {
        Ok(table) => Places::Ready(table),
        Err(_) => Places::Unavailable,
    };
    PLACES.with(|cell| *cell.borrow_mut() = places);
    retry_waiting()
}

fn table_not_here_yet() -> bool {
    PLACES.with(|cell| matches!(*cell.borrow(), Places::NotAsked))
}

fn find_place(typed: &str) -> PlaceReply {
    let words = &domain_words().place;
    PLACES.with(|cell| match &*cell.borrow() {
        Places::NotAsked | Places::Unavailable => PlaceReply {
            area: None,
            council: None,
            care: None,
            say: words.unavailable.into(),
        },
        Places::Ready(table) => {
            // The journey's small part of the data (the areas' names), not the routing data:
            // a place question never waits for the routing file.
            let areas = crate::data::journey();
            let area_name = |id: &str| areas.area(id).map_or(id.to_string(), |a| a.name.clone());
            // An area the list does not show is reached by typing the council's name.
            let listed = |id: &str| areas.area(id).is_none_or(|a| a.part_of.is_empty());
            // After `lead`, each council and the area to choose for it (or its name to type);
            // or, when there are too many to read (a city's post town), the postcode.
            let list = |lead: &str, councils: &[Council]| {
                let mut say = lead.to_string();
                if councils.len() > MOST_TO_LIST {
                    say.push(' ');
                    say.push_str(words.too_many);
                    return say;
                }
                for c in councils {
                    say.push(' ');
                    say.push_str(&match listed(c.area) {
                        true => fill(words.for_choose, &[c.name, &area_name(c.area)]),
                        // "Eden (Westmorland and Furness)": its first words find it alone.
                        false => fill(words.for_type, &[c.name, short_name(c.name)]),
                    });
                }
                say
            };
            // The council that runs social care, only when every place the words could mean in
            // the chosen area has the same one (districts of one county; not "Nottingham",
            // which is also the post town of much of Nottinghamshire).
            let (found, candidates) = table.look_up(typed);
            let care = |area: &str| {
                table
                    .care_council_among(&candidates, area)
                    .map(String::from)
            };
            let (lead, councils) = match found {
                PlaceFound::Council(c) => {
                    return PlaceReply {
                        area: Some(c.area.into()),
                        council: Some(c.name.into()),
                        care: care(c.area),
                        say: fill(words.chosen, &[c.name]),
                    }
                }
                PlaceFound::Chosen(c, others) => {
                    let chosen = fill(words.chosen, &[c.name]);
                    return PlaceReply {
                        area: Some(c.area.into()),
                        council: Some(c.name.into()),
                        care: care(c.area),
                        say: format!("{chosen} {}", list(words.also, &others)),
                    };
                }
                PlaceFound::WhichSide(sides) => (
                    words.straddles,
                    sides.iter().map(|s| s.council).collect::<Vec<Council>>(),
                ),
                PlaceFound::Names(names) => (words.several_names, names),
                PlaceFound::Town(councils) => (words.town_straddles, councils),
                PlaceFound::Nothing => (words.nothing, Vec::new()),
            };
            // Every council in one area: that area is certain, whichever council it is.
            if let Some(first) = councils.first() {
                if councils.iter().all(|c| c.area == first.area) {
                    return PlaceReply {
                        area: Some(first.area.into()),
                        council: None,
                        care: care(first.area),
                        say: fill(words.chosen, &[&area_name(first.area)]),
                    };
                }
            }
            // Otherwise the person chooses.
            PlaceReply {
                area: None,
                council: None,
                care: None,
                say: list(lead, &councils),
            }
        }
    })
}

/// The most councils a place answer lists, each with what to choose or type: more is too much
/// to read, so the person is asked for their postcode instead.
const MOST_TO_LIST: usize = 8;

/// The words to type to find a council: its name, without the council it is part of when it
/// is one of the old districts the place table lists ("Eden (Westmorland and Furness)" is found
/// by "Eden").
fn short_name(name: &str) -> &str {
    name.split_once(" (").map_or(name, |(short, _)| short)
}

/// A heading for each kind of letter, in the person's terms.
pub fn title(kind: LetterKind) -> &'static str {
    let titles = &domain_words().tools;
    match kind {
        LetterKind::Complaint => titles.complaint,
        LetterKind::Chaser => titles.chaser,
        LetterKind::NotSatisfied => titles.not_satisfied,
        LetterKind::Ombudsman => titles.ombudsman,
        LetterKind::SasReview => titles.sas_review,
        LetterKind::ConsentForm => titles.consent_form,
        LetterKind::InformalNote => titles.informal_note,
    }
}

/// The route for these answers: the main service's, with a copy for each other service the
/// complaint is about.
pub fn route_answers(answers: &Answers, today: Date) -> Route {
    let mut route = route(&answers.situation, data(), today);
    add_copies(
        &mut route,
        &answers.situation,
        &answers.also(),
        data(),
        today,
    );
    // The council that runs social care, when the place they gave says which.
    if let Some(council) = answers.more(CARE_COUNCIL).filter(|c| has_text(c)) {
        name_the_council(&mut route, council);
    }
    route
}

/// A file name for a letter: neutral words only. A shared computer's Downloads folder is seen by
/// the next person, and a phone shows file names on its lock screen, so a name never says what
/// the letter is about (the letter itself does, once opened).
fn file_stem(kind: LetterKind) -> &'static str {
    match kind {
        LetterKind::Complaint => "letter",
        LetterKind::Chaser => "letter-2",
        LetterKind::NotSatisfied => "letter-3",
        LetterKind::Ombudsman => "letter-4",
        LetterKind::SasReview => "letter-5",
        LetterKind::ConsentForm => "form",
        LetterKind::InformalNote => "note",
    }
}

/// Answers one request. Pure: the same request always gets the same reply.
pub fn handle(request: Request) -> Reply {
    match request {
        Request::Prepare { answers, today } => {
            let route = route_answers(&answers, today);
            let main = letter(&answers, &route, today);
            // The consent form first, when someone is helping, then the follow-ups.
            let consent = Some(LetterKind::ConsentForm).filter(|_| answers.is_supporter());
            let others = consent
                .into_iter()
                .chain(follow_ups(&answers, &route))
                .map(|kind| OtherLetter {
                    kind,
                    title: title(kind).into(),
                    letter: template(&answers, |a| write(kind, a, &route, today, None).to_text()),
                })
                .collect();
            let timeline = timeline::timeline(&answers, &route, today);
            Reply::Prepared(Box::new(Prepared {
                letter: template(&answers, |a| letter_text(a, &route, today)),
                kind: main.kind,
                subject: main.subject().into(),
                others,
                easy_read: timeline::easy_read(&route, &timeline),
                timeline,
                route,
            }))
        }
        Request::Check {
            what_happened,
            how_it_affected,
        } => {
            let mut found = Vec::new();
            for (field, text) in [
                (OwnField::WhatHappened, what_happened),
                (OwnField::HowItAffected, how_it_affected),
            ] {
                found.extend(check(&text).into_iter().map(|flag| Found {
                    field,
                    title: flag.kind.title().to_string(),
                    flag,
                }));
            }
            Reply::Checked(found)
        }
        Request::File {
            answers,
            today,
            file,
        } => {
            let route = route_answers(&answers, today);
            Reply::File(match file {
                FileKind::Word { kind, large_print } => File {
                    name: format!("{}.docx", file_stem(kind)),
                    media_type: docx::MEDIA_TYPE.into(),
                    bytes: docx::docx(&write(kind, &answers, &route, today, None), large_print),
                },
                FileKind::Text { kind } => File {
                    name: format!("{}.txt", file_stem(kind)),
                    media_type: "text/plain;charset=utf-8".into(),
                    bytes: write(kind, &answers, &route, today, None)
                        .to_text()
                        .into_bytes(),
                },
                FileKind::Calendar => File {
                    name: "reminders.ics".into(),
                    media_type: "text/calendar;charset=utf-8".into(),
                    bytes: timeline::ics(&timeline::timeline(&answers, &route, today), today)
                        .into_bytes(),
                },
            })
        }
        Request::Concern { answers } => {
            Reply::Concern(concern_in_answers(&answers).map(|c| c.kind))
        }
        Request::Place { typed } => Reply::Place(find_place(&typed)),
    }
}

/// Makes a letter (written by `write`) with a marker in place of each of the person's answers,
/// then cuts it at the markers. The markers are characters no keyboard types (Unicode private
/// use), chosen so that none appears anywhere else in the answers: a name pasted with such a
/// character in it cannot be mistaken for a gap.
///
/// The result is checked: filled with the real answers it must give exactly the letter. The
/// check can only fail if the app's own text held a marker; the letter then comes back whole,
/// with no gaps, still exactly right.
fn template(answers: &Answers, write: impl Fn(&Answers) -> String) -> Template {
    let exact = write(answers);
    let mut marked = answers.clone();
    for field in OwnField::ALL {
        field.text_mut(&mut marked).clear();
    }
    let markers = free_markers(&marked);
    for (field, marker) in OwnField::ALL.into_iter().zip(markers) {
        if has_text(field.text(answers)) {
            *field.text_mut(&mut marked) = marker.to_string();
        }
    }
    let text = write(&marked);
    let mut parts = Vec::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find(markers) {
        if at > 0 {
            parts.push(Part::Text(rest[..at].to_string()));
        }
        let marker = rest[at..].chars().next().unwrap_or_default();
        if let Some(at_field) = markers.iter().position(|m| *m == marker) {
            parts.push(Part::Own(OwnField::ALL[at_field]));
        }
        rest = &rest[at + marker.len_utf8()..];
    }
    if !rest.is_empty() {
        parts.push(Part::Text(rest.to_string()));
    }
    let template = Template { parts };
    if template.fill(answers) == exact {
        template
    } else {
        Template {
            parts: vec![Part::Text(exact)],
        }
    }
}

/// The first two private-use characters that appear nowhere in these answers (their encoded
/// form holds every answer's text as UTF-8, so a search of the bytes finds any use).
fn free_markers(answers: &Answers) -> [char; 2] {
    let bytes = postcard::to_allocvec(answers).unwrap_or_default();
    let unused = |c: &char| {
        let mut buffer = [0; 4];
        let encoded = c.encode_utf8(&mut buffer).as_bytes();
        !bytes.windows(encoded.len()).any(|w| w == encoded)
    };
    let mut free = ('\u{E000}'..='\u{F8FF}').filter(unused);
    let first = free.next().unwrap_or('\u{E000}');
    [first, free.next().unwrap_or('\u{E001}')]
}

/// The version of the messages between the page and the tools, from the build (see
/// `build.rs`): two programs from the same build always share it.
pub const PROTOCOL: u32 = parse_protocol(env!("IMW_PROTOCOL"));

const fn parse_protocol(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut value: u32 = 0;
    let mut at = 0;
    while at < bytes.len() {
        value = value
            .wrapping_mul(10)
            .wrapping_add((bytes[at] - b'0') as u32);
        at += 1;
    }
    value
}

/// A request as the bytes the page sends: this build's protocol version, an id that the reply
/// carries back, and the request.
pub fn encode_request(id: u32, request: &Request) -> Option<Vec<u8>> {
    postcard::to_allocvec(&(PROTOCOL, id, request)).ok()
}

/// What the page heard from the tools.
#[derive(Debug, PartialEq)]
pub enum Heard {
    /// The answer to request `id`.
    Reply(u32, Reply),
    /// The tools come from another build (the app was updated while this page was open). Their
    /// messages cannot be read safely: the page must reload, keeping the person's answers.
    OtherVersion,
    /// Not a message the page can read.
    Unreadable,
}

/// Reads a message from the tools. The version comes first and is read on its own, so a message
/// from another build is recognised before anything in it is trusted.
pub fn decode_reply(bytes: &[u8]) -> Heard {
    match postcard::take_from_bytes::<u32>(bytes) {
        Ok((version, _)) if version != PROTOCOL => Heard::OtherVersion,
        Ok(_) => match postcard::from_bytes::<(u32, u32, Reply)>(bytes) {
            Ok((_, id, reply)) => Heard::Reply(id, reply),
            Err(_) => Heard::Unreadable,
        },
        Err(_) => Heard::Unreadable,
    }
}

/// The tools' side: reads a message from the page and returns the bytes to send back. A message
/// from another build gets only this build's version, so the page knows to reload; a message
/// that cannot be read at all gets nothing.
pub fn answer(bytes: &[u8]) -> Option<Vec<u8>> {
    let (version, _) = postcard::take_from_bytes::<u32>(bytes).ok()?;
    if version != PROTOCOL {
        return postcard::to_allocvec(&PROTOCOL).ok();
    }
    let (_, id, request) = postcard::from_bytes::<(u32, u32, Request)>(bytes).ok()?;
    // A request that needs the routing data waits for it (see `receive_routes`), and a place
    // question waits for the place table (see `receive_places`).
    let routes = ROUTES.with(Cell::get);
    if request.needs_routes() && routes == Routes::Failed {
        return postcard::to_allocvec(&(PROTOCOL, id, Reply::RoutesUnavailable)).ok();
    }
    if request.needs_routes() && routes == Routes::Waiting
        || matches!(request, Request::Place { .. }) && table_not_here_yet()
    {
        WAITING.with(|cell| cell.borrow_mut().push(bytes.to_vec()));
        return None;
    }
    postcard::to_allocvec(&(PROTOCOL, id, handle(request))).ok()
}

impl Request {
    /// Whether answering needs the routing data (rules, directory, areas): making a letter or a
    /// file. The readings of the person's words need only the word lists built into the tools,
    /// and a place question only the place table and the areas' names: so the safety check
    /// during the journey and the "Where" question never wait for the routing file.
    fn needs_routes(&self) -> bool {
        matches!(self, Request::Prepare { .. } | Request::File { .. })
    }
}

/// Where the routing data is: natively it is built in, so always ready; in the browser the
/// tools start waiting for `routes.bin` ([`receive_routes`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Routes {
    Waiting,
    Ready,
    Failed,
}

thread_local! {
    static ROUTES: Cell<Routes> = const {
        Cell::new(if cfg!(target_arch = "wasm32") { Routes::Waiting } else { Routes::Ready })
    };
}

/// The routing data as the file the app serves (`routes.bin`): this build's [`PROTOCOL`]
/// number, then the data set exactly as build.rs encoded it from `assets/data/`. Written into
/// the built app by `examples/routes-file.rs`; the browser's letter tools fetch it when they
/// start, so neither the app's first download nor the tools' own carry the directory.
#[cfg(not(target_arch = "wasm32"))]
pub fn routes_file() -> Vec<u8> {
    let mut bytes = postcard::to_allocvec(&PROTOCOL).unwrap_or_default();
    bytes.extend_from_slice(crate::data::encoded());
    bytes
}

/// Reads a routing file: `None` if it is from another build (its number differs) or damaged.
pub fn read_routes_file(bytes: &[u8]) -> Option<crate::data::DataSet> {
    match postcard::take_from_bytes::<u32>(bytes) {
        Ok((version, rest)) if version == PROTOCOL => postcard::from_bytes(rest).ok(),
        _ => None,
    }
}

/// Gives the tools the routing file, as fetched for them (empty when it could not be had).
/// Returns the answers to the requests that were waiting for it, to send. A file that cannot be
/// read (from another build, cut short, or missing) makes every request that needs it get
/// [`Reply::RoutesUnavailable`], now and later: the page then offers a reload, which starts
/// the tools again with a fresh copy. The other requests are answered as before.
pub fn receive_routes(bytes: &[u8]) -> Vec<Vec<u8>> {
    let routes = match read_routes_file(bytes) {
        Some(data) => {
            crate::data::install(data);
            Routes::Ready
        }
        None => Routes::Failed,
    };
    ROUTES.with(|cell| cell.set(routes));
    retry_waiting()
}

#[cfg(test)]
mod tests {
    /// The file the app serves holds exactly the data the native tests route with, under this
    /// build's number; a file from another build, cut short or with a byte changed in its
    /// number, is refused rather than misread.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_routing_file_reads_back_as_the_checked_data_and_nothing_else_is_accepted() {
        let file = routes_file();
        assert_eq!(read_routes_file(&file).as_ref(), Some(data()));
        let mut other_build = postcard::to_allocvec(&PROTOCOL.wrapping_add(1)).unwrap();
        other_build.extend_from_slice(crate::data::encoded());
        assert_eq!(read_routes_file(&other_build), None);
        assert_eq!(read_routes_file(&file[..file.len() / 2]), None);
        assert_eq!(read_routes_file(&[]), None);
        assert_eq!(
            read_routes_file(crate::data::encoded()),
            None,
            "no number: refused"
        );
        // Cut anywhere (a download that stopped), it is refused, never misread or a crash.
        for end in (0..file.len()).step_by(997) {
            assert_eq!(read_routes_file(&file[..end]), None, "cut at {end}");
        }
    }

    /// In the browser the tools start without their routing data. A letter asked for before it
    /// comes waits, and is answered the moment it does; the safety check is answered at once
    /// all the while. (Natively the data is built in, so the test puts the tools in the
    /// browser's starting state, on a thread of its own.)
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_letter_waits_for_the_routing_file_and_the_safety_check_does_not() {
        std::thread::spawn(|| {
            ROUTES.with(|cell| cell.set(Routes::Waiting));
            let letter = Request::Prepare {
                answers: Box::default(),
                today: Date::new(2026, 11, 27).unwrap(),
            };
            let letter = encode_request(1, &letter).unwrap();
            assert_eq!(answer(&letter), None, "the letter waits");
            let concern = Request::Concern {
                answers: Box::new(Answers {
                    what_happened: "honestly i just want to die".into(),
                    ..Answers::default()
                }),
            };
            let replied = answer(&encode_request(2, &concern).unwrap()).expect("answered now");
            assert!(matches!(
                decode_reply(&replied),
                Heard::Reply(2, Reply::Concern(Some(_)))
            ));
            let replies = receive_routes(&routes_file());
            assert_eq!(replies.len(), 1, "the waiting letter is answered");
            assert!(matches!(
                decode_reply(&replies[0]),
                Heard::Reply(1, Reply::Prepared(_))
            ));
            assert!(receive_routes(&routes_file()).is_empty(), "and only once");
        })
        .join()
        .expect("no panic");
    }

    /// A routing file that cannot be had (empty) or read makes the letter's requests, waiting
    /// or new, get "unavailable" (the page then offers a reload), while the "Before you send"
    /// check goes on working: nothing waits for ever.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn without_the_routing_file_a_letter_is_refused_and_the_checks_go_on() {
        std::thread::spawn(|| {
            let today = Date::new(2026, 11, 27).unwrap();
            let letter = Request::Prepare {
                answers: Box::default(),
                today,
            };
            let letter = encode_request(1, &letter).unwrap();
            let file = routes_file();
            for damaged in [&[][..], &file[..40]] {
                ROUTES.with(|cell| cell.set(Routes::Waiting));
                assert_eq!(answer(&letter), None);
                let replies = receive_routes(damaged);
                assert_eq!(replies.len(), 1);
                assert!(matches!(
                    decode_reply(&replies[0]),
                    Heard::Reply(1, Reply::RoutesUnavailable)
                ));
            }
            let calendar = Request::File {
                answers: Box::default(),
                today,
                file: FileKind::Calendar,
            };
            let replied = answer(&encode_request(3, &calendar).unwrap()).expect("at once");
            assert!(matches!(
                decode_reply(&replied),
                Heard::Reply(3, Reply::RoutesUnavailable)
            ));
            let check = Request::Check {
                what_happened: "They ignored me.".into(),
                how_it_affected: String::new(),
            };
            let replied = answer(&encode_request(4, &check).unwrap()).expect("answered");
            assert!(matches!(
                decode_reply(&replied),
                Heard::Reply(4, Reply::Checked(_))
            ));
        })
        .join()
        .expect("no panic");
    }

    /// Only making a letter or a file needs the routing data: the readings of the person's
    /// words and the place question never wait for it.
    #[test]
    fn only_letters_and_files_wait_for_the_routing_data() {
        let answers = Box::new(Answers::default());
        let today = Date::new(2026, 11, 27).unwrap();
        let waits = [
            Request::Prepare {
                answers: answers.clone(),
                today,
            },
            Request::File {
                answers: answers.clone(),
                today,
                file: FileKind::Calendar,
            },
        ];
        let goes_ahead = [
            Request::Check {
                what_happened: String::new(),
                how_it_affected: String::new(),
            },
            Request::Concern { answers },
            Request::Place {
                typed: "BN1".into(),
            },
        ];
        assert!(waits.iter().all(Request::needs_routes));
        assert!(!goes_ahead.iter().any(Request::needs_routes));
    }

    #[test]
    fn a_request_round_trips_to_its_reply_with_the_same_id() {
        let request = Request::Check {
            what_happened: "Nobody called me back 😞".into(),
            how_it_affected: String::new(),
        };
        let asked = encode_request(7, &request).expect("encodes");
        let replied = answer(&asked).expect("the tools reply");
        match decode_reply(&replied) {
            Heard::Reply(7, Reply::Checked(_)) => {}
            other => panic!("expected the check's reply to request 7, got {other:?}"),
        }
    }

    #[test]
    fn the_tools_say_what_kind_of_danger_the_words_suggest_and_nothing_else() {
        let mut answers = Answers {
            what_happened: "The GP would not see me.".into(),
            ..Answers::default()
        };
        let ask = |answers: &Answers| {
            handle(Request::Concern {
                answers: Box::new(answers.clone()),
            })
        };
        assert_eq!(ask(&answers), Reply::Concern(None));
        answers.how_it_affected = "I don't want to be alive any more.".into();
        assert_eq!(ask(&answers), Reply::Concern(Some(Kind::SelfHarm)));
    }

    #[test]
    fn messages_from_another_build_are_recognised_on_both_sides() {
        let other = PROTOCOL.wrapping_add(1);
        // An old page asks new tools: the tools answer with their version only.
        let old_page = postcard::to_allocvec(&(other, 1u32, 5u8)).expect("encodes");
        let replied = answer(&old_page).expect("the tools still reply");
        assert_eq!(postcard::from_bytes::<u32>(&replied), Ok(PROTOCOL));
        // A page hears from tools of another build: it must not read the rest.
        let old_tools = postcard::to_allocvec(&(other, 1u32, 0u8)).expect("encodes");
        assert_eq!(decode_reply(&old_tools), Heard::OtherVersion);
        assert_eq!(decode_reply(&[]), Heard::Unreadable);
        assert_eq!(answer(&[]), None);
    }

    use super::*;
    use crate::domain::situation::{Nation, Service};

    fn answers() -> Answers {
        let mut a = Answers::default();
        a.situation.nation = Some(Nation::England);
        a.situation.service = Some(Service::GpPractice);
        a.what_happened = "They said no.\n\nI waited <b>outside</b> & cried.".into();
        a.how_it_affected = "I could not sleep.".into();
        a.contact.name = "Sam".into();
        a
    }

    fn prepared(a: &Answers) -> (Route, Template) {
        let today = Date::new(2026, 11, 23).unwrap();
        match handle(Request::Prepare {
            answers: Box::new(a.clone()),
            today,
        }) {
            Reply::Prepared(prepared) => (prepared.route, prepared.letter),
            other => panic!("unexpected reply {other:?}"),
        }
    }

    #[test]
    fn a_filled_template_is_exactly_the_letter() {
        let a = answers();
        let (route, template) = prepared(&a);
        let today = Date::new(2026, 11, 23).unwrap();
        assert_eq!(template.fill(&a), letter_text(&a, &route, today));
        assert!(template.parts.contains(&Part::Own(OwnField::WhatHappened)));
    }

    #[test]
    fn typing_more_words_needs_no_new_template() {
        let a = answers();
        let (route, template) = prepared(&a);
        let mut typed = a.clone();
        typed
            .what_happened
            .push_str(" Then they shut the door. 😢 \u{200B}مرحبا");
        assert_eq!(template_key(&typed), template_key(&a));
        let today = Date::new(2026, 11, 23).unwrap();
        assert_eq!(template.fill(&typed), letter_text(&typed, &route, today));
    }

    #[test]
    fn emptying_an_answer_changes_the_key() {
        let a = answers();
        let mut emptied = a.clone();
        emptied.how_it_affected = "  ".into();
        assert_ne!(template_key(&emptied), template_key(&a));
    }

    #[test]
    fn pasted_private_use_characters_never_break_the_gaps() {
        let today = Date::new(2026, 11, 23).unwrap();
        let mut a = answers();
        // In their own words such characters are just their words.
        a.what_happened = "odd \u{E000} and \u{E001} text".into();
        let (route, template) = prepared(&a);
        assert!(template.parts.contains(&Part::Own(OwnField::WhatHappened)));
        assert_eq!(template.fill(&a), letter_text(&a, &route, today));
        // Elsewhere (here, their name) they would look like gaps, so other markers are chosen:
        // the letter still has its gaps and still follows their typing exactly.
        a.contact.name = "Sam \u{E000}\u{E001}\u{E002}".into();
        let (route, template) = prepared(&a);
        assert!(template.parts.contains(&Part::Own(OwnField::WhatHappened)));
        assert!(template.parts.contains(&Part::Own(OwnField::HowItAffected)));
        assert_eq!(template.fill(&a), letter_text(&a, &route, today));
        a.what_happened.push_str(" and \u{E003} more");
        assert_eq!(template.fill(&a), letter_text(&a, &route, today));
    }

    /// The gaps are found for every kind of letter the tools write: across every nation,
    /// service and stage, with and without a supporter, no letter that quotes the person's words
    /// comes back whole (which would stop it following their typing).
    #[test]
    fn every_letter_that_quotes_the_words_has_gaps_for_them() {
        use crate::domain::situation::{PrivateCareKind, Stage, WhenItHappened};
        let today = Date::new(2026, 11, 23).unwrap();
        let mut letters = 0;
        for nation in Nation::ALL {
            for service in Service::ALL {
                for stage in Stage::ALL {
                    for helper in [false, true] {
                        let mut a = answers();
                        a.situation.nation = Some(nation);
                        a.situation.service = Some(service);
                        a.situation.stage = Some(stage);
                        a.situation.private_care = Some(PrivateCareKind::Other)
                            .filter(|_| service == Service::PrivatelyFundedCare);
                        a.situation.when = Some(WhenItHappened::OnDate {
                            date: Date::new(2024, 2, 29).unwrap(),
                        });
                        a.late_reason = "I was in hospital.".into();
                        if helper {
                            a.who = Some(crate::domain::answers::Who::HelpingSomeone);
                        }
                        let Reply::Prepared(prepared) = handle(Request::Prepare {
                            answers: Box::new(a.clone()),
                            today,
                        }) else {
                            panic!("a prepare gets a prepared back")
                        };
                        let templates = std::iter::once(&prepared.letter)
                            .chain(prepared.others.iter().map(|o| &o.letter));
                        for template in templates {
                            let whole = matches!(template.parts.as_slice(), [Part::Text(_)]);
                            let quotes = template.fill(&a).contains("I waited <b>outside</b>");
                            assert!(
                                !(whole && quotes),
                                "{nation:?} {service:?} {stage:?}: a letter came back whole"
                            );
                            letters += 1;
                        }
                    }
                }
            }
        }
        assert!(letters > 2000, "{letters} letters");
    }

    #[test]
    fn letters_for_later_quote_the_words_as_they_are_now() {
        let today = Date::new(2026, 11, 23).unwrap();
        let mut a = answers();
        let Reply::Prepared(prepared) = handle(Request::Prepare {
            answers: Box::new(a.clone()),
            today,
        }) else {
            panic!("a prepare gets a prepared back")
        };
        a.what_happened = "Changed on the letter page: they shut the door on me.".into();
        let route = route(&a.situation, data(), today);
        let mut quoting = 0;
        for other in &prepared.others {
            let filled = other.letter.fill(&a);
            assert_eq!(filled, write(other.kind, &a, &route, today, None).to_text());
            if filled.contains("they shut the door on me") {
                quoting += 1;
            }
            assert!(
                !filled.contains("They said no."),
                "{:?} kept the old words",
                other.kind
            );
        }
        assert!(
            quoting > 0,
            "at least one letter for later quotes the words"
        );
    }

    #[test]
    fn requests_and_replies_survive_encoding() {
        let request = Request::Check {
            what_happened: "I'll sort them out.".into(),
            how_it_affected: String::new(),
        };
        let bytes = postcard::to_allocvec(&request).unwrap();
        assert_eq!(postcard::from_bytes::<Request>(&bytes).unwrap(), request);
        let reply = handle(request);
        let Reply::Checked(found) = &reply else {
            panic!("a check gets a check back")
        };
        assert!(!found.is_empty(), "the threat is found");
        assert!(found.iter().all(|f| !f.title.is_empty()));
        let bytes = postcard::to_allocvec(&reply).unwrap();
        assert_eq!(postcard::from_bytes::<Reply>(&bytes).unwrap(), reply);
        let (route, template) = prepared(&answers());
        let _ = (route, template);
        let reply = handle(Request::Prepare {
            answers: Box::new(answers()),
            today: Date::new(2026, 11, 23).unwrap(),
        });
        let bytes = postcard::to_allocvec(&reply).unwrap();
        assert_eq!(postcard::from_bytes::<Reply>(&bytes).unwrap(), reply);
    }

    #[test]
    fn a_supporter_gets_the_consent_form_and_every_letter_has_a_title() {
        let mut a = answers();
        a.who = Some(crate::domain::answers::Who::HelpingSomeone);
        a.supporter.notes = "private note for me only".into();
        let Reply::Prepared(prepared) = handle(Request::Prepare {
            answers: Box::new(a.clone()),
            today: Date::new(2026, 11, 23).unwrap(),
        }) else {
            panic!("a prepare gets a prepared back")
        };
        assert_eq!(prepared.others[0].kind, LetterKind::ConsentForm);
        assert!(prepared
            .others
            .iter()
            .all(|o| !o.title.is_empty() && !o.letter.fill(&a).is_empty()));
        assert!(!prepared.timeline.is_empty());
        assert!(prepared
            .others
            .iter()
            .all(|o| !o.letter.fill(&a).contains("private note")));
    }

    #[test]
    fn files_are_made_from_the_latest_words() {
        let mut a = answers();
        a.what_happened = "Words typed just now <b>&</b>".into();
        let today = Date::new(2026, 11, 23).unwrap();
        let Reply::File(word) = handle(Request::File {
            answers: Box::new(a.clone()),
            today,
            file: FileKind::Word {
                kind: LetterKind::Complaint,
                large_print: false,
            },
        }) else {
            panic!("a file request gets a file")
        };
        assert_eq!(word.name, "letter.docx");
        assert!(word.bytes.starts_with(b"PK"));
        let xml = docx::document_xml(&letter(&a, &route(&a.situation, data(), today), today));
        assert!(xml.contains("Words typed just now &lt;b&gt;&amp;&lt;/b&gt;"));
        let Reply::File(calendar) = handle(Request::File {
            answers: Box::new(a),
            today,
            file: FileKind::Calendar,
        }) else {
            panic!("a file request gets a file")
        };
        let ics = String::from_utf8(calendar.bytes).unwrap();
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert_eq!(calendar.name, "reminders.ics");
    }

    /// The `.txt` file is exactly the text the page shows for that letter: its template filled
    /// with the same answers.
    #[test]
    fn a_text_file_is_exactly_the_letter_on_the_page() {
        let today = Date::new(2026, 11, 23).unwrap();
        let mut a = answers();
        a.who = Some(crate::domain::answers::Who::HelpingSomeone);
        let Reply::Prepared(prepared) = handle(Request::Prepare {
            answers: Box::new(a.clone()),
            today,
        }) else {
            panic!("a prepare gets a prepared back")
        };
        a.what_happened.push_str("\nTyped after the page opened.");
        let shown = std::iter::once((prepared.kind, &prepared.letter))
            .chain(prepared.others.iter().map(|o| (o.kind, &o.letter)));
        let mut names = Vec::new();
        for (kind, template) in shown {
            let Reply::File(file) = handle(Request::File {
                answers: Box::new(a.clone()),
                today,
                file: FileKind::Text { kind },
            }) else {
                panic!("a file request gets a file")
            };
            assert_eq!(String::from_utf8(file.bytes).unwrap(), template.fill(&a));
            assert_eq!(file.media_type, "text/plain;charset=utf-8");
            names.push(file.name);
        }
        assert_eq!(names[..2], ["letter.txt", "form.txt"]);
    }
}
