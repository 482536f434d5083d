//! The app's reference data: routing rules, help rules, the organisation directory, areas,
//! crisis lines and bank holidays.
//!
//! Written by people as TOML in `assets/data/`, checked by `build.rs` (see [`validate`]) and
//! embedded as compact postcard bytes. [`data`] decodes them once, on first use.

// `schema`, `source` and `validate` are also compiled into build.rs, where their `super` is the
// build script's root. These imports give them the same `super::` names inside the library.
use crate::domain::{date, situation};

pub mod check_schema;
pub mod schema;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
pub mod validate;

pub use schema::{
    Area, BankHolidayList, Contact, ContactKind, CrisisLine, DataSet, HelpKind, HelpRule, HelpWhen,
    LocalRole, Organisation, ProcedureKind, Rule, Target, TimeLimit, TimeLimitStart,
};

use crate::domain::date::Date;
use crate::domain::situation::Nation;
use std::sync::LazyLock;

/// The checked data, as `build.rs` encoded it.
static ENCODED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/data.postcard"));

static DATA: LazyLock<DataSet> = LazyLock::new(|| {
    // The bytes were written by build.rs from the same schema, so this cannot fail unless the
    // build itself is broken; an empty data set still lets the app show its fallbacks.
    postcard::from_bytes(ENCODED).unwrap_or_default()
});

/// The embedded data set, decoded on first use.
pub fn data() -> &'static DataSet {
    &DATA
}

/// The journey's part of the data (areas and crisis lines), written by build.rs with
/// `source::for_the_journey`. The journey's pages use this, never [`data`], so the app's first
/// download does not carry the routing rules and directory.
static JOURNEY_ENCODED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/journey.postcard"));

static JOURNEY: LazyLock<DataSet> =
    LazyLock::new(|| postcard::from_bytes(JOURNEY_ENCODED).unwrap_or_default());

/// Areas and crisis lines only, decoded on first use.
pub fn journey() -> &'static DataSet {
    &JOURNEY
}

/// The "Before you send" word lists (`assets/data/check.toml`), checked and encoded by
/// build.rs separately from the routing data.
static CHECK_ENCODED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/check.postcard"));

static CHECK: LazyLock<check_schema::CheckData> = LazyLock::new(|| {
    // As for DATA: written by build.rs from the same schema. Empty lists mean no flags, never
    // a crash.
    postcard::from_bytes(CHECK_ENCODED).unwrap_or_default()
});

/// The embedded "Before you send" word lists, decoded on first use.
pub fn check_data() -> &'static check_schema::CheckData {
    &CHECK
}

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
    /// ("BN2 1AB") or just the district ("bn2"). No lookup ever leaves the device.
    ///
    /// Spaces and invisible characters (zero-width spaces, direction marks, a byte order mark)
    /// are ignored, because text pasted from a web page or a message often carries them. Any
    /// other character that is not an ASCII letter or digit (an emoji, "½", an accent) means
    /// the text is not a postcode, so it matches no area; it never stops the app.
    pub fn area_for_postcode(&self, postcode: &str) -> Option<&Area> {
        let cleaned: String = postcode
            .chars()
            .filter(|&c| !c.is_whitespace() && !is_invisible(c))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if !cleaned.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        // A full UK postcode always ends in a 3-character inward code (digit, letter, letter).
        // Every character is ASCII now, but the cut is still made at a character position, so
        // it can never fall inside a character.
        let inward = cleaned.char_indices().rev().nth(2).map(|(at, _)| at);
        let district = match inward {
            Some(at)
                if cleaned.chars().count() >= 5
                    && cleaned[at..].starts_with(|c: char| c.is_ascii_digit()) =>
            {
                &cleaned[..at]
            }
            _ => cleaned.as_str(),
        };
        self.areas
            .iter()
            .find(|a| a.postcode_districts.iter().any(|d| d == district))
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

/// Characters that take no space on screen: zero-width spaces and joiners, direction marks and
/// embeddings, the word joiner and invisible operators, and the byte order mark. A person cannot
/// see them, so they should not stop a postcode from being recognised.
fn is_invisible(c: char) -> bool {
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

// These tests read the TOML files, which only the native build can parse.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// A person once typed "BN1 1AA 👍" and the app stopped: the inward code was cut by bytes,
    /// inside the emoji. Such text is not a postcode; pasted invisible marks are ignored.
    #[test]
    fn postcodes_with_other_characters_match_no_area_and_never_stop_the_app() {
        let area = |postcode: &str| journey().area_for_postcode(postcode).map(|a| a.id.as_str());
        for typed in [
            "BN1 1AA 👍",
            "BN1 ½AA",
            "BN1 1A½",
            "½",
            "👍👍👍👍👍",
            "BN1 1AÁ",
            "BN1 1AA\u{301}",
            "BN1 1AA!",
            "\u{0}",
        ] {
            assert_eq!(area(typed), None, "{typed:?}");
        }
        assert_eq!(area("BN1 1AA"), Some("brighton-and-hove"));
        for pasted in [
            "\u{200b}BN1 1AA",
            "BN1\u{a0}1AA\u{feff}",
            "\u{202a}bn1 1aa\u{202c}",
            "\u{200e}BN1\u{200d}",
        ] {
            assert_eq!(area(pasted), Some("brighton-and-hove"), "{pasted:?}");
        }
    }

    #[test]
    fn embedded_data_is_the_checked_files_less_what_the_app_never_shows() {
        let read = |name: &str| {
            std::fs::read_to_string(format!("{}/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
        };
        let (organisations, areas, rules) = (
            read(validate::ORGANISATIONS_FILE),
            read(validate::AREAS_FILE),
            read(validate::RULES_FILE),
        );
        let (crisis, bank_holidays) = (
            read(validate::CRISIS_FILE),
            read(validate::BANK_HOLIDAYS_FILE),
        );
        let texts = source::SourceTexts {
            organisations: &organisations,
            areas: &areas,
            rules: &rules,
            crisis: &crisis,
            bank_holidays: &bank_holidays,
        };
        let checked = source::load(&texts).expect("the data files pass their checks");
        assert!(!checked.organisations.is_empty() && !checked.rules.is_empty());
        assert_eq!(data(), &source::for_the_app(checked));
        assert!(data().organisations.iter().all(|o| !o.sources.is_empty()));
        // The journey's part holds exactly the areas and crisis lines, and nothing else.
        let app = source::for_the_app(source::load(&texts).unwrap());
        assert_eq!(journey().areas, app.areas);
        assert_eq!(journey().crisis_lines, app.crisis_lines);
        assert!(journey().areas.len() > 1 && journey().crisis_lines.len() > 1);
        assert!(journey().organisations.is_empty() && journey().rules.is_empty());
        assert!(journey().help.is_empty() && journey().bank_holidays.is_empty());
    }
}
