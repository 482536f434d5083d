//! The app's reference data: routing rules, help rules, the organisation directory, areas,
//! crisis lines and bank holidays.
//!
//! Written by people as TOML in `assets/data/`, checked by `build.rs` (see [`validate`]) and
//! encoded as compact postcard bytes. Natively (the tests, the data report) [`data`] decodes the
//! embedded bytes once, on first use. In the browser only the journey's small part and the
//! "Before you send" word lists are embedded: the routing data reaches the letter tools as a
//! file of its own, `routes.bin`, which they hand to [`install`] (see `domain::tools`).
//!
//! The schema, the checks and the TOML loader live in the `in_my_words_basics` crate, which
//! `build.rs` uses too; they are re-exported here under their old names ([`schema`],
//! [`validate`], [`check_schema`] and, natively, `source`), and the lookups in a data set
//! ([`DataSet::area_for_postcode`] and the others) are defined with the schema. This module only
//! embeds the bytes build.rs wrote and decodes them. It builds on the basics crate and never on
//! the app's domain, which builds on it in turn.

/// The TOML loader: native builds only (the browser app reads the postcard form instead).
#[cfg(not(target_arch = "wasm32"))]
pub use in_my_words_basics::source;
pub use in_my_words_basics::{check_schema, schema, validate};

pub use schema::{
    Area, BankHolidayList, Contact, ContactKind, CrisisLine, DataSet, HelpKind, HelpRule, HelpWhen,
    LocalRole, Organisation, ProcedureKind, Rule, Target, TimeLimit, TimeLimitStart,
};

use std::sync::LazyLock;

/// The checked data, as `build.rs` encoded it. Only native programs embed it (the tests, and
/// the example that writes it out as the app's `routes.bin`): in the browser the letter tools
/// fetch that file when they start, so their own download stays small (see [`install`]).
#[cfg(not(target_arch = "wasm32"))]
static ENCODED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/data.postcard"));

#[cfg(not(target_arch = "wasm32"))]
static DATA: LazyLock<DataSet> = LazyLock::new(|| {
    // The bytes were written by build.rs from the same schema, so this cannot fail unless the
    // build itself is broken; an empty data set still lets the app show its fallbacks.
    postcard::from_bytes(ENCODED).unwrap_or_default()
});

/// The routing data: natively the embedded set, decoded on first use; in the browser the set
/// the letter tools were given ([`install`]), or an empty one before that (the tools hold back
/// every request that needs it until it has come, and refuse them if it cannot be read: see
/// `domain::tools::answer`).
pub fn data() -> &'static DataSet {
    #[cfg(not(target_arch = "wasm32"))]
    return &DATA;
    #[cfg(target_arch = "wasm32")]
    return INSTALLED.get().unwrap_or(&EMPTY);
}

/// The routing data exactly as build.rs encoded it: what `routes.bin` carries after its
/// version number (see `domain::tools::routes_file`).
#[cfg(not(target_arch = "wasm32"))]
pub fn encoded() -> &'static [u8] {
    ENCODED
}

#[cfg(target_arch = "wasm32")]
static INSTALLED: std::sync::OnceLock<DataSet> = std::sync::OnceLock::new();
#[cfg(target_arch = "wasm32")]
static EMPTY: LazyLock<DataSet> = LazyLock::new(DataSet::default);

/// Gives the browser's letter tools their routing data, read from `routes.bin`. The first set
/// stays for as long as the tools run. Natively the data is embedded, so this does nothing.
pub fn install(data: DataSet) {
    #[cfg(target_arch = "wasm32")]
    let _ = INSTALLED.set(data);
    #[cfg(not(target_arch = "wasm32"))]
    drop(data);
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

// These tests read the TOML files, which only the native build can parse.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The journey's data holds what the pages need (every area and its name, and every crisis
    /// line), and none of routing's (the directory, rules, local bodies, postcode districts).
    #[test]
    fn the_journey_carries_areas_and_crisis_lines_but_nothing_of_routing() {
        let (all, journey) = (data(), journey());
        assert_eq!(journey.areas.len(), all.areas.len());
        for (mine, full) in journey.areas.iter().zip(&all.areas) {
            assert_eq!((&mine.id, &mine.name), (&full.id, &full.name));
            assert!(
                mine.local.is_empty() && mine.postcode_districts.is_empty(),
                "{}: local bodies and postcodes are routing's",
                mine.id
            );
        }
        assert_eq!(journey.crisis_lines.len(), all.crisis_lines.len());
        assert!(journey.organisations.is_empty() && journey.rules.is_empty());
        assert!(journey.help.is_empty() && journey.bank_holidays.is_empty());
    }

    /// A person once typed "BN1 1AA 👍" and the app stopped: the inward code was cut by bytes,
    /// inside the emoji. Such text is not a postcode; pasted invisible marks are ignored.
    #[test]
    fn postcodes_with_other_characters_match_no_area_and_never_stop_the_app() {
        let area = |postcode: &str| data().area_for_postcode(postcode).map(|a| a.id.as_str());
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
        // The journey's part is exactly what `for_the_journey` keeps (see the test above).
        let app = source::for_the_app(source::load(&texts).unwrap());
        assert_eq!(journey(), &source::for_the_journey(app));
        assert!(journey().areas.len() > 1 && journey().crisis_lines.len() > 1);
        assert!(journey().organisations.is_empty() && journey().rules.is_empty());
        assert!(journey().help.is_empty() && journey().bank_holidays.is_empty());
    }
}
