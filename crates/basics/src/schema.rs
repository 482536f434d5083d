//! The shape of the data files in `assets/data/`, as typed structs.
//!
//! The same structs are read twice: from TOML by `build.rs` (which checks them and refuses to
//! build when a file is wrong), and from a compact binary (postcard) by the app at start-up.
//! Because postcard is not self-describing, **every field is always written**: no
//! `skip_serializing_if`, no `flatten`, no untagged enums here.

use crate::date::Date;
use crate::situation::{Nation, PrivateCareKind, Service, Stage};
use serde::{Deserialize, Serialize};

/// Reads one text (serde's own reader, so the data and saved answers read exactly as before).
/// Never inlined: inlined into every text field of every type, a reader cost the app's
/// downloads kilobytes; as one shared function it is a few hundred bytes.
#[inline(never)]
pub fn text<'de, D: serde::Deserializer<'de>>(reader: D) -> Result<String, D::Error> {
    <String as serde::Deserialize>::deserialize(reader)
}

/// Reads a list of texts; never inlined, like [`text`].
#[inline(never)]
pub fn texts<'de, D: serde::Deserializer<'de>>(reader: D) -> Result<Vec<String>, D::Error> {
    <Vec<String> as serde::Deserialize>::deserialize(reader)
}

/// Everything in `assets/data/`, after checking.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DataSet {
    /// The directory: every body a route, help rule or area can name (`organisations.toml`).
    pub organisations: Vec<Organisation>,
    /// The areas a person can pick, with their local bodies (`areas.toml`).
    pub areas: Vec<Area>,
    /// The routing rules, in the order they are tried (`rules.toml`).
    pub rules: Vec<Rule>,
    /// Crisis lines and services (`crisis.toml`).
    pub crisis_lines: Vec<CrisisLine>,
    /// Bank holidays, for counting working days (`bank-holidays.toml`).
    pub bank_holidays: Vec<BankHolidayList>,
    /// Free help and "tell them as well" bodies, chosen alongside the route (from `rules.toml`).
    pub help: Vec<HelpRule>,
}

/// How an organisation can be reached. Written as text, exactly as a person would copy it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContactKind {
    /// A postal address; lines are separated by `\n`.
    Post,
    /// An email address.
    Email,
    /// A phone number for calls.
    Phone,
    /// A number to send a text message to.
    Text,
    /// Textphone or Relay UK.
    Textphone,
    /// The address of an online form (shown as text, never fetched).
    WebForm,
    /// A website (shown as text, never fetched).
    Website,
    /// A place to walk in to.
    InPerson,
}

/// One way to contact an organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// What kind of contact this is.
    pub kind: ContactKind,
    /// The address, number or web address, as text.
    pub value: String,
    /// When to use it, opening hours, or what to write in the subject line. Empty when none.
    #[serde(default)]
    pub note: String,
    /// False when this detail could not be confirmed in a current source. The app then shows
    /// "check this before sending" next to it.
    #[serde(default = "yes")]
    pub confirmed: bool,
}

fn yes() -> bool {
    true
}

/// A body in the directory: a commissioner, provider, ombudsman, advocacy service, regulator,
/// helpline or advice service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Stable id, kebab-case. Never reuse or rename: routes and saved drafts refer to it.
    pub id: String,
    /// The name people know it by.
    pub name: String,
    /// What kind of body it is, e.g. "icb", "nhs-trust", "ombudsman", "advocacy", "healthwatch",
    /// "regulator", "helpline", "national-body", "council", "advice".
    pub kind: String,
    /// The nations it covers.
    pub nations: Vec<Nation>,
    /// Area ids it covers; empty means every area of its nations.
    #[serde(default)]
    pub areas: Vec<String>,
    /// What it handles, in plain words ("Complaints about GP, dental, pharmacy and optician
    /// services in Sussex, if you do not want to complain to the service itself").
    pub handles: String,
    /// How to reach it.
    pub contacts: Vec<Contact>,
    /// Where the details came from (web addresses, as text).
    pub sources: Vec<String>,
    /// The day the details were last checked against the sources, `YYYY-MM-DD`.
    pub checked: String,
    /// False when the organisation's role or details are not confirmed by a current source.
    pub confirmed: bool,
    /// What is uncertain, in words a person can act on. Empty when nothing is.
    #[serde(default)]
    pub caution: String,
    /// For ombudsmen and similar final-stage bodies: how long a person has to bring a complaint.
    #[serde(default)]
    pub time_limit: Option<TimeLimit>,
}

/// How long someone has to take a complaint to a body, and from when it is counted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeLimit {
    /// How many months.
    pub months: u32,
    /// The day the months are counted from.
    pub counted_from: TimeLimitStart,
    /// The exception or detail, in plain words ("They can look at older complaints if ...").
    pub note: String,
}

/// Where a [`TimeLimit`] starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeLimitStart {
    /// When it happened, or when the person found out.
    Event,
    /// When the organisation's complaints procedure ended (its final response).
    FinalResponse,
}

/// Which complaints procedure a rule's route uses. `Nhs` means the NHS (or HSC) procedure of the
/// person's nation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProcedureKind {
    /// The NHS (or HSC) complaints procedure of the person's nation.
    #[default]
    Nhs,
    /// A council's complaints procedure (social care and council-funded services).
    Council,
    /// The provider's own procedure, for care the person pays for themselves.
    PrivateProvider,
    /// The police complaints system (healthcare in police custody in England and Wales, which
    /// the police pay for).
    Police,
}

/// An area a person can pick without any location lookup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Stable id, kebab-case. Never reuse or rename: saved answers refer to it.
    pub id: String,
    /// The name people know it by.
    pub name: String,
    /// The nation the area is in.
    pub nation: Nation,
    /// Local organisations by role, e.g. `{ role = "icb", organisation = "nhs-sussex-icb" }`.
    #[serde(default)]
    pub local: Vec<LocalRole>,
    /// Postcode districts (the part before the space, e.g. "BN1") that fall in this area.
    #[serde(default)]
    pub postcode_districts: Vec<String>,
    /// The councils in this area, by GSS code ("E06000043"); a county council's code ("E10...")
    /// stands for every district council in it. The place table (`places.txt`) is built from
    /// these: a postcode or a council's name typed in the "Where" question finds the area.
    #[serde(default)]
    pub councils: Vec<String>,
    /// Empty for an area the journey lists to choose from. Otherwise the id of the listed area
    /// it is part of ("scotland" for NHS Fife's area): such an area is not in the list, only
    /// found from a postcode or a council's name, and the list shows its larger area as chosen.
    #[serde(default)]
    pub part_of: String,
    /// Where the area's details came from (web addresses, as text).
    pub sources: Vec<String>,
    /// The day the details were last checked against the sources, `YYYY-MM-DD`.
    pub checked: String,
}

/// Which organisation plays a role in an area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalRole {
    /// "icb", "advocacy", "healthwatch", "council", "acute-trust", "mental-health-trust",
    /// "community-trust", "ambulance-trust", "crisis-cafe", "health-board", ...
    pub role: String,
    /// The directory id of the organisation that plays the role.
    pub organisation: String,
}

/// A routing rule: when the situation matches, where the complaint goes and why.
///
/// Rules are tried in file order; the first whose conditions all match decides the primary
/// route. An empty condition list matches anything.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable id, kebab-case, unique among the rules.
    pub id: String,
    /// The nations this rule is for; empty matches every nation.
    #[serde(default)]
    pub nations: Vec<Nation>,
    /// The services this rule is for; empty matches every service.
    #[serde(default)]
    pub services: Vec<Service>,
    /// The stages this rule is for; empty matches every stage.
    #[serde(default)]
    pub stages: Vec<Stage>,
    /// For privately funded care: which kinds this rule is for. Empty matches any kind, and also
    /// "not told".
    #[serde(default)]
    pub private_care: Vec<PrivateCareKind>,
    /// Which complaints procedure applies (decides deadlines and the letter's wording).
    #[serde(default)]
    pub procedure: ProcedureKind,
    /// Who to send it to.
    pub primary: Target,
    /// The other way, if there is one, and when to choose it.
    #[serde(default)]
    pub alternative: Vec<Target>,
    /// When to choose the alternative, in plain words.
    #[serde(default)]
    pub alternative_reason: String,
    /// True when the alternative is the body that pays for the service (the commissioner). Then
    /// a person who does not feel able to complain to the service is sent there first, and is
    /// told not to send the same complaint to both.
    #[serde(default)]
    pub alternative_is_commissioner: bool,
    /// Plain-language explanation of why this route.
    pub why: String,
    /// Things not to do, in plain words.
    #[serde(default)]
    pub do_not: Vec<String>,
    /// Escalation after the primary route, in order.
    #[serde(default)]
    pub escalation: Vec<Target>,
    /// Part of this route that a current source did not fully confirm, in words a person can act
    /// on. Empty when all of it is confirmed. Shown as "check this before you rely on it".
    #[serde(default)]
    pub caution: String,
    /// Where the route came from (web addresses, as text).
    pub sources: Vec<String>,
    /// The day the route was last checked against the sources, `YYYY-MM-DD`.
    pub checked: String,
}

/// Whether a [`HelpRule`] offers free help or a body to tell as well as complaining.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HelpKind {
    /// Free, independent help with the complaint (advocacy, PALS, Healthwatch, advice).
    FreeHelp,
    /// A body to tell as well as (never instead of) complaining: a regulator or tribunal.
    Alongside,
    /// Something to get sorted today, before the complaint: medicines run out, no GP. Its
    /// `reason` is what to do, in plain words; it names no organisation.
    Today,
}

/// When a [`HelpRule`] applies, beyond its nation, service and stage conditions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HelpWhen {
    /// Whenever its nation, service and stage conditions match.
    #[default]
    Always,
    /// Only while the person is still receiving care (PALS can sort out urgent problems).
    StillReceivingCare,
    /// Only when there is a serious concern about one professional's fitness to practise.
    FitnessToPractise,
}

/// Who else can help, and when. Every matching help rule adds its organisation (unlike routing
/// rules, where the first match wins).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpRule {
    /// Stable id, kebab-case, unique among the help rules.
    pub id: String,
    /// Free help, or a body to tell as well.
    pub kind: HelpKind,
    /// The nations this help is for; empty matches every nation.
    #[serde(default)]
    pub nations: Vec<Nation>,
    /// The services this help is for; empty matches every service.
    #[serde(default)]
    pub services: Vec<Service>,
    /// The stages this help is for; empty matches every stage.
    #[serde(default)]
    pub stages: Vec<Stage>,
    /// For privately funded care: which kinds this help is for. Empty matches any kind; for
    /// other services it is ignored.
    #[serde(default)]
    pub private_care: Vec<PrivateCareKind>,
    /// Any further condition on the person's answers.
    #[serde(default)]
    pub when: HelpWhen,
    /// A role looked up in the person's area first ("advocacy"), if any.
    #[serde(default)]
    pub local_role: String,
    /// The directory entry to use (when `local_role` is set: when the area has none). Empty
    /// for `today`, which names no organisation.
    #[serde(default)]
    pub organisation: String,
    /// Why this helps, in plain words ("If your concern is about a doctor").
    pub reason: String,
    /// Where the help rule came from (web addresses, as text).
    pub sources: Vec<String>,
    /// The day it was last checked against the sources, `YYYY-MM-DD`.
    pub checked: String,
}

/// Where a complaint goes: an organisation in the directory, a local role resolved through the
/// person's area, or a described role when there is no single address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// A directory id. Exactly one of `organisation`, `local_role` or `role` is set, except that
    /// a `local_role` may have a `role` (and `at`): the words used where the area has no entry.
    #[serde(default)]
    pub organisation: String,
    /// A role looked up in the person's area, e.g. "icb".
    #[serde(default)]
    pub local_role: String,
    /// A described recipient, e.g. "The practice manager".
    #[serde(default)]
    pub role: String,
    /// Where that role is, e.g. "at your GP practice".
    #[serde(default)]
    pub at: String,
    /// How to find the address, for described roles and for areas without a local entry.
    #[serde(default)]
    pub how_to_find: String,
}

/// A crisis line or service, shown first whenever someone may be in danger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisLine {
    /// Stable id, kebab-case, unique among the crisis lines.
    pub id: String,
    /// The name people know it by.
    pub name: String,
    /// The nations it serves.
    pub nations: Vec<Nation>,
    /// Area ids it serves; empty means every area of its nations (a national line).
    #[serde(default)]
    pub areas: Vec<String>,
    /// What it is for, in one short sentence.
    pub what: String,
    /// How to reach it.
    pub contacts: Vec<Contact>,
    /// Where the details came from (web addresses, as text).
    pub sources: Vec<String>,
    /// The day the details were last checked against the sources, `YYYY-MM-DD`.
    pub checked: String,
    /// False when the details are not confirmed by a current source.
    pub confirmed: bool,
    /// What is uncertain (hours, whether it still runs), in words a person can act on.
    #[serde(default)]
    pub caution: String,
}

/// Bank holidays for one part of the UK (they differ), used to count working days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankHolidayList {
    /// The nations these dates apply to (England and Wales share one list).
    pub nations: Vec<Nation>,
    /// `YYYY-MM-DD` dates.
    pub dates: Vec<String>,
    /// Where the dates came from (web addresses, as text).
    pub sources: Vec<String>,
    /// The day the dates were last checked against the sources, `YYYY-MM-DD`.
    pub checked: String,
}

// Lookups in a checked data set: the app uses them on the embedded data, and the native tests
// on data read from the TOML files.
impl DataSet {
    /// The directory entry with this id.
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }

    /// The area with this id.
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// The organisation that plays `role` in `area`, if the area lists one.
    pub fn local(&self, area: &str, role: &str) -> Option<&Organisation> {
        let area = self.area(area)?;
        let entry = area.local.iter().find(|l| l.role == role)?;
        self.organisation(&entry.organisation)
    }

    /// Areas of one nation, in file order (the order the journey lists them).
    pub fn areas_in(&self, nation: Nation) -> impl Iterator<Item = &Area> {
        self.areas.iter().filter(move |a| a.nation == nation)
    }

    /// The area a postcode belongs to, from the offline district table. Accepts a full postcode
    /// ("BN2 1AB") or just the district ("bn2"), read as [`postcode_district`] reads them. No
    /// lookup ever leaves the device.
    pub fn area_for_postcode(&self, postcode: &str) -> Option<&Area> {
        let district = postcode_district(postcode)?;
        self.areas
            .iter()
            .find(|a| a.postcode_districts.contains(&district))
    }

    /// Bank holidays that apply in `nation`, for counting working days.
    pub fn bank_holidays(&self, nation: Nation) -> Vec<Date> {
        self.bank_holidays
            .iter()
            .filter(|list| list.nations.contains(&nation))
            .flat_map(|list| list.dates.iter().filter_map(|d| Date::parse_iso(d)))
            .collect()
    }

    /// Crisis lines for a nation, and for an area within it when known, local ones last.
    pub fn crisis_lines(&self, nation: Nation, area: Option<&str>) -> Vec<&CrisisLine> {
        let national = self
            .crisis_lines
            .iter()
            .filter(|l| l.nations.contains(&nation) && l.areas.is_empty());
        let local = self.crisis_lines.iter().filter(|l| {
            l.nations.contains(&nation) && area.is_some_and(|a| l.areas.iter().any(|x| x == a))
        });
        national.chain(local).collect()
    }
}

/// The district (the first part, "BN2") of a postcode as a person typed it, in capitals: from a
/// full postcode ("BN2 1AB", "bn21ab"), from the district alone ("bn2"), or from the district and
/// the start of the rest ("BN2 1", while it is still being typed). Nothing here checks that the
/// district exists; the tables that use it do.
///
/// Spaces and invisible characters (zero-width spaces, direction marks, a byte order mark)
/// are ignored, because text pasted from a web page or a message often carries them. Any
/// other character that is not an ASCII letter or digit (an emoji, "½", an accent) means
/// the text is not a postcode, so this gives `None`; it never stops the app.
pub fn postcode_district(typed: &str) -> Option<String> {
    let mut cleaned = String::new();
    // Where the first space after the district fell, if one did: before the rest is complete,
    // it is all that shows where the district ends ("BN2 1" is BN2, not BN21).
    let mut space = 0;
    for c in typed.chars() {
        if c.is_whitespace() {
            if space == 0 {
                space = cleaned.len();
            }
        } else if !is_invisible(c) {
            if !c.is_ascii_alphanumeric() {
                return None;
            }
            cleaned.push(c.to_ascii_uppercase());
        }
    }
    // A full UK postcode always ends in a 3-character inward code: digit, letter, letter. Every
    // character is ASCII now, so cutting at a byte cannot fall inside a character.
    let b = cleaned.as_bytes();
    let n = b.len();
    let inward =
        |from: usize| b[from].is_ascii_digit() && b[from + 1..].iter().all(u8::is_ascii_alphabetic);
    if n >= 5 && inward(n - 3) {
        cleaned.truncate(n - 3);
    } else if space > 0 && n > space && n - space < 3 && inward(space) {
        // The district, then the start of the rest ("BN2 1", "BN2 1A").
        cleaned.truncate(space);
    }
    Some(cleaned)
}

/// Characters that take no space on screen: zero-width spaces and joiners, direction marks and
/// embeddings, the word joiner and invisible operators, and the byte order mark. A person cannot
/// see them, so they should not stop a postcode from being recognised.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

crate::id_enum! {
    /// How far an announced change to a body has got.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum ChangeStatus {
        /// The government or the NHS has said it will happen; nothing has changed yet.
        Announced => "announced",
        /// It can only happen once Parliament passes a new law, which it has not yet done.
        NeedsANewLaw => "needs-a-new-law",
        /// It was due on a date that has passed, but no current source confirms it happened.
        DueButUnconfirmed => "due-but-unconfirmed",
        /// A current source confirms it has happened.
        Happened => "happened",
    }
}

/// A change announced to a body the directory names: a merger, a closure, a new law. Kept in
/// `assets/data/changes.toml`, read by the tests and `make data-report` (never by the app, which
/// says it to the person through each affected body's `caution`, checked to mention it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnouncedChange {
    /// Stable kebab-case id.
    pub id: String,
    /// What is to change, in plain words.
    pub what: String,
    /// When it is due, as the sources say it ("1 April 2026", "2027 at the earliest").
    pub when: String,
    /// How far it has got.
    pub status: ChangeStatus,
    /// The organisations in `organisations.toml` it changes.
    pub affects: Vec<String>,
    /// Words each affected body's `caution` must contain, so the person is told.
    pub says: String,
    /// Where this comes from (web addresses).
    pub sources: Vec<String>,
    /// When the sources were last checked (YYYY-MM-DD).
    pub checked: String,
}
