//! Reads the TOML data files into a [`DataSet`] and checks them.
//!
//! Used by `build.rs` (which turns the checked data into the compact form the app embeds) and by
//! native tests. It exists only with the crate's `source` feature, which the browser app never
//! turns on: a TOML parser costs about 80 KB of compressed WebAssembly, which people on
//! pay-as-you-go data should not have to download.

use crate::schema::{
    AnnouncedChange, Area, BankHolidayList, CrisisLine, DataSet, HelpRule, Organisation, Rule,
};
use crate::validate::{
    validate, validate_changes, DataError, AREAS_FILE, BANK_HOLIDAYS_FILE, CHANGES_FILE,
    CRISIS_FILE, ORGANISATIONS_FILE, RULES_FILE,
};
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// The text of every data file, keyed by the same names as [`crate::validate`]'s constants.
pub struct SourceTexts<'a> {
    /// The text of `organisations.toml`.
    pub organisations: &'a str,
    /// The text of `areas.toml`.
    pub areas: &'a str,
    /// The text of `rules.toml`.
    pub rules: &'a str,
    /// The text of `crisis.toml`.
    pub crisis: &'a str,
    /// The text of `bank-holidays.toml`.
    pub bank_holidays: &'a str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganisationsFile {
    organisation: Vec<Organisation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AreasFile {
    area: Vec<Area>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    rule: Vec<Rule>,
    #[serde(default)]
    help: Vec<HelpRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CrisisFile {
    line: Vec<CrisisLine>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BankHolidaysFile {
    list: Vec<BankHolidayList>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangesFile {
    change: Vec<AnnouncedChange>,
}

/// Parses and checks `changes.toml` against the checked data set it talks about.
pub fn load_changes(text: &str, data: &DataSet) -> Result<Vec<AnnouncedChange>, Vec<DataError>> {
    let changes = parse::<ChangesFile>(CHANGES_FILE, text)
        .map_err(|e| vec![e])?
        .change;
    validate_changes(&changes, data)?;
    Ok(changes)
}

/// Turns a TOML syntax or shape error into a [`DataError`] that names the file, the entry
/// (`organisation[3]`, counted from 1 as people count) and the line.
fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, DataError> {
    toml::from_str(text).map_err(|error| {
        let line = error
            .span()
            .map(|span| text[..span.start.min(text.len())].lines().count().max(1));
        let message = error.message().trim().to_string();
        let (entry, field) = locate(text, error.span().map(|s| s.start));
        let at = line.map(|l| format!(" (line {l})")).unwrap_or_default();
        DataError::new(file, &entry, &field, format!("{message}{at}"))
    })
}

/// Finds the `[[table]]` entry and key that contain byte `offset`, so a TOML error can be
/// reported as "entry `nhs-sussex-icb`, field `checked`" rather than just a line number.
fn locate(text: &str, offset: Option<usize>) -> (String, String) {
    let Some(offset) = offset else {
        return ("(whole file)".into(), "(unknown)".into());
    };
    let before = &text[..offset.min(text.len())];
    let mut entry = "(top of file)".to_string();
    let mut count = 0;
    let mut id = None;
    for line in before.lines() {
        let line = line.trim();
        if line.starts_with("[[") && !line.contains('.') {
            count += 1;
            entry = format!("{} {count}", line.trim_matches(|c| c == '[' || c == ']'));
            id = None;
        } else if let Some(rest) = line.strip_prefix("id") {
            if let Some(value) = rest.trim_start().strip_prefix('=') {
                id = Some(value.trim().trim_matches('"').to_string());
            }
        }
    }
    // The key on the line where the error is, if that line is `key = value`.
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = text[line_start..]
        .find('\n')
        .map(|i| line_start + i)
        .unwrap_or(text.len());
    let field = text[line_start..line_end]
        .split_once('=')
        .map(|(key, _)| key.trim().to_string())
        .filter(|key| !key.is_empty() && !key.starts_with('['))
        .unwrap_or_else(|| "(see message)".into());
    (id.unwrap_or(entry), field)
}

/// The value, or `None` with the error recorded, so every file's problems are reported at once.
fn keep<T>(errors: &mut Vec<DataError>, result: Result<T, DataError>) -> Option<T> {
    result.map_err(|error| errors.push(error)).ok()
}

/// The areas file alone, parsed but not checked against the other files: for making the place
/// table (`places.txt`), which needs only which councils each area holds.
pub fn load_areas(text: &str) -> Result<Vec<Area>, DataError> {
    parse::<AreasFile>(AREAS_FILE, text).map(|f| f.area)
}

/// Parses and checks every data file. Returns every problem found, not only the first.
pub fn load(texts: &SourceTexts<'_>) -> Result<DataSet, Vec<DataError>> {
    let mut errors = Vec::new();
    let organisations = keep(
        &mut errors,
        parse::<OrganisationsFile>(ORGANISATIONS_FILE, texts.organisations).map(|f| f.organisation),
    );
    let areas = keep(
        &mut errors,
        parse::<AreasFile>(AREAS_FILE, texts.areas).map(|f| f.area),
    );
    let rules = keep(&mut errors, parse::<RulesFile>(RULES_FILE, texts.rules));
    let crisis_lines = keep(
        &mut errors,
        parse::<CrisisFile>(CRISIS_FILE, texts.crisis).map(|f| f.line),
    );
    let bank_holidays = keep(
        &mut errors,
        parse::<BankHolidaysFile>(BANK_HOLIDAYS_FILE, texts.bank_holidays).map(|f| f.list),
    );

    let (Some(organisations), Some(areas), Some(rules), Some(crisis_lines), Some(bank_holidays)) =
        (organisations, areas, rules, crisis_lines, bank_holidays)
    else {
        return Err(errors);
    };
    let data = DataSet {
        organisations,
        areas,
        rules: rules.rule,
        crisis_lines,
        bank_holidays,
        help: rules.help,
    };
    validate(&data)?;
    Ok(data)
}

/// The checked data, less what the app never shows: the sources and dates of rules, help rules,
/// areas, crisis lines and bank holidays. They are checked by [`load`] and stay in the data files;
/// leaving them out of the app saves about 14 KB that people would otherwise download.
/// Organisations keep the websites their sources are on, because the app shows where each
/// address came from.
pub fn for_the_app(mut data: DataSet) -> DataSet {
    // Organisations' sources go as the websites they are on ("www.england.nhs.uk"): that is
    // what a person can read and check, and the full addresses (about 11 KB) stay in the data
    // files and `make data-report`.
    for org in &mut data.organisations {
        let mut hosts: Vec<String> = Vec::new();
        for source in &org.sources {
            let host = website(source).to_string();
            if !hosts.contains(&host) {
                hosts.push(host);
            }
        }
        org.sources = hosts;
    }
    for rule in &mut data.rules {
        rule.sources.clear();
        rule.checked.clear();
    }
    for help in &mut data.help {
        help.sources.clear();
        help.checked.clear();
    }
    for area in &mut data.areas {
        area.sources.clear();
        area.checked.clear();
        // The place table already says which area each council is in.
        area.councils.clear();
    }
    for line in &mut data.crisis_lines {
        line.sources.clear();
        line.checked.clear();
    }
    for list in &mut data.bank_holidays {
        list.sources.clear();
        list.checked.clear();
    }
    data
}

/// The website a source is on: its address without the scheme and path.
pub fn website(source: &str) -> &str {
    let rest = source.split_once("://").map_or(source, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// The part of the data the journey itself needs before any letter exists: the areas (to ask
/// where, and to match a postcode) and the crisis lines (one tap away on every page). Routing
/// rules, the directory and bank holidays are left out: only the letter tools use them.
pub fn for_the_journey(data: DataSet) -> DataSet {
    DataSet {
        // The journey names areas. Which local bodies serve each area is routing's business,
        // in the letter tools, and so is finding a place from a postcode (the letter tools'
        // table of every UK postcode district, `places.txt`, fetched when the question opens).
        areas: data
            .areas
            .into_iter()
            .map(|area| Area {
                local: Vec::new(),
                postcode_districts: Vec::new(),
                ..area
            })
            .collect(),
        crisis_lines: data.crisis_lines,
        ..DataSet::default()
    }
}
