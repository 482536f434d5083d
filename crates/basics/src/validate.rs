//! Checks that the data files are complete and consistent: every id unique, every reference
//! pointing at something that exists, every entry sourced and dated.
//!
//! A wrong route or a wrong phone number wastes months of a person's life, so the build refuses
//! to produce an app from data that fails these checks (see `build.rs`), and the native tests run
//! them again. Every problem names the file, the entry and the field, so whoever edits the data
//! can fix it without reading Rust.

use crate::date::Date;
use crate::schema::{AnnouncedChange, Contact, DataSet, HelpKind, Target};
use crate::situation::{Nation, Service, Stage};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The file each part of the data set comes from, relative to the repository root.
pub const ORGANISATIONS_FILE: &str = "assets/data/organisations.toml";
/// The areas file, relative to the repository root.
pub const AREAS_FILE: &str = "assets/data/areas.toml";
/// The routing and help rules file, relative to the repository root.
pub const RULES_FILE: &str = "assets/data/rules.toml";
/// The crisis lines file, relative to the repository root.
pub const CRISIS_FILE: &str = "assets/data/crisis.toml";
/// The bank holidays file, relative to the repository root.
pub const BANK_HOLIDAYS_FILE: &str = "assets/data/bank-holidays.toml";
/// The announced changes file, relative to the repository root.
pub const CHANGES_FILE: &str = "assets/data/changes.toml";

/// Roles an area can fill, and a rule can ask for with `local_role`.
pub const LOCAL_ROLES: &[&str] = &[
    "icb",
    "health-board",
    "advocacy",
    "healthwatch",
    "council",
    "acute-trust",
    "mental-health-trust",
    "community-trust",
    "ambulance-trust",
    "crisis-cafe",
    "citizens-advice",
    "acute-pals",
    "mental-health-pals",
    "community-pals",
    "ambulance-pals",
];

/// The organisation `kind` that marks an ombudsman. Routing never makes an ombudsman the first
/// place to send a complaint before the service has given its final response.
pub const OMBUDSMAN_KIND: &str = "ombudsman";

/// The stages at which a rule may send someone straight to an ombudsman.
pub const OMBUDSMAN_STAGES: [Stage; 2] = [Stage::FinalResponseUnhappy, Stage::WithOmbudsman];

/// One thing wrong with the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// The data file, e.g. `assets/data/organisations.toml`.
    pub file: String,
    /// The entry's id, or its position ("entry 3") when it has no usable id.
    pub entry: String,
    /// The field, e.g. `contacts[1].value`.
    pub field: String,
    /// What is wrong, in words whoever edits the data can act on.
    pub problem: String,
}

impl DataError {
    /// A problem in `file`, at `entry` and `field`.
    pub fn new(file: &str, entry: &str, field: &str, problem: impl Into<String>) -> DataError {
        DataError {
            file: file.to_string(),
            entry: entry.to_string(),
            field: field.to_string(),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: entry `{}`, field `{}`: {}",
            self.file, self.entry, self.field, self.problem
        )
    }
}

/// Collects problems so one run reports all of them, not just the first.
struct Checker {
    errors: Vec<DataError>,
}

impl Checker {
    /// Every problem found, or `Ok` when there were none.
    fn finish(self) -> Result<(), Vec<DataError>> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }

    fn fail(&mut self, file: &str, entry: &str, field: &str, problem: impl Into<String>) {
        self.errors
            .push(DataError::new(file, entry, field, problem));
    }

    fn id(&mut self, file: &str, position: usize, id: &str, seen: &mut HashSet<String>) -> String {
        let entry = if id.is_empty() {
            format!("entry {}", position + 1)
        } else {
            id.to_string()
        };
        if !is_kebab_id(id) {
            self.fail(
                file,
                &entry,
                "id",
                "must be lower-case words joined by hyphens, like `nhs-sussex-icb`",
            );
        } else if !seen.insert(id.to_string()) {
            self.fail(
                file,
                &entry,
                "id",
                "is used by another entry; ids must be unique",
            );
        }
        entry
    }

    fn text(&mut self, file: &str, entry: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.fail(file, entry, field, "is empty");
        }
    }

    fn sources_and_date(&mut self, file: &str, entry: &str, sources: &[String], checked: &str) {
        if sources.is_empty() {
            self.fail(file, entry, "sources", "needs at least one source");
        }
        for (i, source) in sources.iter().enumerate() {
            if !(source.starts_with("https://") || source.starts_with("http://")) {
                self.fail(
                    file,
                    entry,
                    &format!("sources[{i}]"),
                    format!("`{source}` is not a web address"),
                );
            }
        }
        match Date::parse_iso(checked) {
            None => self.fail(
                file,
                entry,
                "checked",
                format!("`{checked}` is not a date in the form YYYY-MM-DD"),
            ),
            Some(date) if date.year() < 2020 => self.fail(
                file,
                entry,
                "checked",
                format!("`{checked}` is too old to trust; check the source again"),
            ),
            Some(_) => {}
        }
    }

    fn contacts(&mut self, file: &str, entry: &str, contacts: &[Contact]) {
        if contacts.is_empty() {
            self.fail(
                file,
                entry,
                "contacts",
                "needs at least one way to get in touch",
            );
        }
        for (i, contact) in contacts.iter().enumerate() {
            self.text(file, entry, &format!("contacts[{i}].value"), &contact.value);
        }
    }

    fn areas(
        &mut self,
        file: &str,
        entry: &str,
        field: &str,
        ids: &[String],
        areas: &HashSet<&str>,
    ) {
        for (i, area) in ids.iter().enumerate() {
            if !areas.contains(area.as_str()) {
                self.fail(
                    file,
                    entry,
                    &format!("{field}[{i}]"),
                    format!("area `{area}` is not in {AREAS_FILE}"),
                );
            }
        }
    }

    fn target(&mut self, entry: &str, field: &str, target: &Target, organisations: &HashSet<&str>) {
        // A local role may carry a described role too: the words to use where the area has no
        // entry for it (the NHS board "that gave the care", rather than a general name).
        let set = [&target.organisation, &target.local_role, &target.role]
            .iter()
            .filter(|v| !v.is_empty())
            .count();
        let fallback = !target.local_role.is_empty() && set == 2 && target.organisation.is_empty();
        if set != 1 && !fallback {
            self.fail(
                RULES_FILE,
                entry,
                field,
                "must set exactly one of `organisation`, `local_role` or `role` (a `local_role` may \
                 have a `role` to say where it has no entry)",
            );
        }
        if !target.organisation.is_empty() && !organisations.contains(target.organisation.as_str())
        {
            self.fail(
                RULES_FILE,
                entry,
                &format!("{field}.organisation"),
                format!(
                    "`{}` is not an organisation in {ORGANISATIONS_FILE}",
                    target.organisation
                ),
            );
        }
        if !target.local_role.is_empty() && !LOCAL_ROLES.contains(&target.local_role.as_str()) {
            self.fail(
                RULES_FILE,
                entry,
                &format!("{field}.local_role"),
                format!("`{}` is not a known local role", target.local_role),
            );
        }
        if !target.local_role.is_empty() && target.how_to_find.trim().is_empty() {
            self.fail(
                RULES_FILE,
                entry,
                &format!("{field}.how_to_find"),
                "a local role needs `how_to_find`, for areas with no entry for that role",
            );
        }
        if !target.role.is_empty() && target.how_to_find.trim().is_empty() {
            self.fail(
                RULES_FILE,
                entry,
                &format!("{field}.how_to_find"),
                "a described role needs `how_to_find`",
            );
        }
    }
}

/// True for `lower-case-words-with-hyphens` (digits allowed).
pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Every problem in the data set, or `Ok` when there are none.
pub fn validate(data: &DataSet) -> Result<(), Vec<DataError>> {
    let mut check = Checker { errors: Vec::new() };

    let mut area_ids = HashSet::new();
    for (i, area) in data.areas.iter().enumerate() {
        check.id(AREAS_FILE, i, &area.id, &mut area_ids);
    }
    let areas: HashSet<&str> = data.areas.iter().map(|a| a.id.as_str()).collect();

    let mut org_ids = HashSet::new();
    for (i, org) in data.organisations.iter().enumerate() {
        let file = ORGANISATIONS_FILE;
        let entry = check.id(file, i, &org.id, &mut org_ids);
        check.text(file, &entry, "name", &org.name);
        check.text(file, &entry, "kind", &org.kind);
        check.text(file, &entry, "handles", &org.handles);
        if org.nations.is_empty() {
            check.fail(file, &entry, "nations", "needs at least one nation");
        }
        check.areas(file, &entry, "areas", &org.areas, &areas);
        check.contacts(file, &entry, &org.contacts);
        check.sources_and_date(file, &entry, &org.sources, &org.checked);
        if let Some(limit) = &org.time_limit {
            if limit.months == 0 {
                check.fail(file, &entry, "time_limit.months", "must be more than 0");
            }
            check.text(file, &entry, "time_limit.note", &limit.note);
        }
        if org.kind == OMBUDSMAN_KIND && org.time_limit.is_none() {
            check.fail(
                file,
                &entry,
                "time_limit",
                "an ombudsman needs its time limit, so the app can work out the last day",
            );
        }
        let anything_unconfirmed = !org.confirmed || org.contacts.iter().any(|c| !c.confirmed);
        if anything_unconfirmed && org.caution.trim().is_empty() {
            check.fail(
                file,
                &entry,
                "caution",
                "something here is unconfirmed, so say what to check before sending",
            );
        }
    }
    let organisations: HashSet<&str> = data.organisations.iter().map(|o| o.id.as_str()).collect();
    let kinds: HashMap<&str, &str> = data
        .organisations
        .iter()
        .map(|o| (o.id.as_str(), o.kind.as_str()))
        .collect();

    for area in &data.areas {
        let (file, entry) = (AREAS_FILE, area.id.as_str());
        check.text(file, entry, "name", &area.name);
        check.sources_and_date(file, entry, &area.sources, &area.checked);
        for (i, local) in area.local.iter().enumerate() {
            if !LOCAL_ROLES.contains(&local.role.as_str()) {
                check.fail(
                    file,
                    entry,
                    &format!("local[{i}].role"),
                    format!("`{}` is not a known local role", local.role),
                );
            }
            if !organisations.contains(local.organisation.as_str()) {
                check.fail(
                    file,
                    entry,
                    &format!("local[{i}].organisation"),
                    format!(
                        "`{}` is not an organisation in {ORGANISATIONS_FILE}",
                        local.organisation
                    ),
                );
            }
        }
        if !area.part_of.is_empty() {
            let parent = data.areas.iter().find(|a| a.id == area.part_of);
            if !parent.is_some_and(|p| p.part_of.is_empty() && p.nation == area.nation) {
                check.fail(
                    file,
                    entry,
                    "part_of",
                    format!(
                        "`{}` is not a listed area of the same nation in {AREAS_FILE}",
                        area.part_of
                    ),
                );
            }
            if area.councils.is_empty() {
                check.fail(
                    file,
                    entry,
                    "councils",
                    "an area that is not listed is found only by its councils: name some",
                );
            }
        }
        for (i, council) in area.councils.iter().enumerate() {
            let ok = council.len() == 9
                && Nation::of_gss_code(council) == Some(area.nation)
                && council[1..].bytes().all(|b| b.is_ascii_digit());
            if !ok {
                check.fail(
                    file,
                    entry,
                    &format!("councils[{i}]"),
                    format!("`{council}` is not a GSS council code of this area's nation"),
                );
            }
            if let Some(other) = data
                .areas
                .iter()
                .take_while(|a| a.id != area.id)
                .find(|a| a.councils.contains(council))
            {
                check.fail(
                    file,
                    entry,
                    &format!("councils[{i}]"),
                    format!("`{council}` is already in area `{}`", other.id),
                );
            }
        }
        for (i, district) in area.postcode_districts.iter().enumerate() {
            let ok = district.len() >= 2
                && district.len() <= 4
                && district.starts_with(|c: char| c.is_ascii_uppercase())
                && district
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            if !ok {
                check.fail(
                    file,
                    entry,
                    &format!("postcode_districts[{i}]"),
                    format!("`{district}` is not a postcode district like `BN1`"),
                );
            }
        }
    }

    let mut rule_ids = HashSet::new();
    for (i, rule) in data.rules.iter().enumerate() {
        let entry = check.id(RULES_FILE, i, &rule.id, &mut rule_ids);
        check.text(RULES_FILE, &entry, "why", &rule.why);
        check.target(&entry, "primary", &rule.primary, &organisations);
        for (j, target) in rule.alternative.iter().enumerate() {
            check.target(&entry, &format!("alternative[{j}]"), target, &organisations);
        }
        if !rule.alternative.is_empty() && rule.alternative_reason.trim().is_empty() {
            check.fail(
                RULES_FILE,
                &entry,
                "alternative_reason",
                "say in plain words when to choose the alternative",
            );
        }
        for (j, target) in rule.escalation.iter().enumerate() {
            check.target(&entry, &format!("escalation[{j}]"), target, &organisations);
        }
        if rule.alternative_is_commissioner && rule.alternative.is_empty() {
            check.fail(
                RULES_FILE,
                &entry,
                "alternative_is_commissioner",
                "is true but there is no alternative",
            );
        }
        if !rule.private_care.is_empty() && rule.services != [Service::PrivatelyFundedCare] {
            check.fail(
                RULES_FILE,
                &entry,
                "private_care",
                "only makes sense when `services` is exactly [\"privately-funded-care\"]",
            );
        }
        // An ombudsman is the last step, never the first: a rule may only send someone straight
        // there once the service has given its final response (or the case is already there).
        let primary_is_ombudsman =
            kinds.get(rule.primary.organisation.as_str()) == Some(&OMBUDSMAN_KIND);
        let only_late_stages =
            !rule.stages.is_empty() && rule.stages.iter().all(|s| OMBUDSMAN_STAGES.contains(s));
        if primary_is_ombudsman && !only_late_stages {
            check.fail(
                RULES_FILE,
                &entry,
                "stages",
                "the primary is an ombudsman, so list only `final-response-unhappy` or `with-ombudsman`",
            );
        }
        check.sources_and_date(RULES_FILE, &entry, &rule.sources, &rule.checked);
    }

    for (i, help) in data.help.iter().enumerate() {
        // Help ids share the rules' namespace: both appear in a route's `rules_fired`.
        let entry = check.id(RULES_FILE, i, &help.id, &mut rule_ids);
        check.text(RULES_FILE, &entry, "reason", &help.reason);
        if help.kind == HelpKind::Today {
            // What to do today is advice in words, for everyone it matches: no body to look up.
            if !help.organisation.is_empty() || !help.local_role.is_empty() {
                check.fail(
                    RULES_FILE,
                    &entry,
                    "organisation",
                    "`today` help is advice in words; name no organisation or local role",
                );
            }
            if help.services.is_empty() {
                check.fail(
                    RULES_FILE,
                    &entry,
                    "services",
                    "`today` help must say which services it is for",
                );
            }
        } else if !organisations.contains(help.organisation.as_str()) {
            check.fail(
                RULES_FILE,
                &entry,
                "organisation",
                format!(
                    "`{}` is not an organisation in {ORGANISATIONS_FILE}",
                    help.organisation
                ),
            );
        }
        if !help.local_role.is_empty() && !LOCAL_ROLES.contains(&help.local_role.as_str()) {
            check.fail(
                RULES_FILE,
                &entry,
                "local_role",
                format!("`{}` is not a known local role", help.local_role),
            );
        }
        if !help.private_care.is_empty() && !help.services.contains(&Service::PrivatelyFundedCare) {
            check.fail(
                RULES_FILE,
                &entry,
                "private_care",
                "needs `privately-funded-care` in `services`",
            );
        }
        // An ombudsman can be offered alongside (for another part of the problem, such as the
        // Prisons and Probation Ombudsman for what prison staff did), never as free help.
        if help.kind == HelpKind::FreeHelp
            && kinds.get(help.organisation.as_str()) == Some(&OMBUDSMAN_KIND)
        {
            check.fail(
                RULES_FILE,
                &entry,
                "organisation",
                "an ombudsman is not free help; put it in a rule's `escalation`",
            );
        }
        check.sources_and_date(RULES_FILE, &entry, &help.sources, &help.checked);
    }

    let mut line_ids = HashSet::new();
    for (i, line) in data.crisis_lines.iter().enumerate() {
        let entry = check.id(CRISIS_FILE, i, &line.id, &mut line_ids);
        check.text(CRISIS_FILE, &entry, "name", &line.name);
        check.text(CRISIS_FILE, &entry, "what", &line.what);
        if line.nations.is_empty() {
            check.fail(CRISIS_FILE, &entry, "nations", "needs at least one nation");
        }
        check.areas(CRISIS_FILE, &entry, "areas", &line.areas, &areas);
        check.contacts(CRISIS_FILE, &entry, &line.contacts);
        check.sources_and_date(CRISIS_FILE, &entry, &line.sources, &line.checked);
        let anything_unconfirmed = !line.confirmed || line.contacts.iter().any(|c| !c.confirmed);
        if anything_unconfirmed && line.caution.trim().is_empty() {
            check.fail(
                CRISIS_FILE,
                &entry,
                "caution",
                "something here is unconfirmed, so say what to check",
            );
        }
    }

    for (i, list) in data.bank_holidays.iter().enumerate() {
        let entry = format!("list {}", i + 1);
        let file = BANK_HOLIDAYS_FILE;
        check.sources_and_date(file, &entry, &list.sources, &list.checked);
        let mut previous: Option<Date> = None;
        for (j, text) in list.dates.iter().enumerate() {
            match Date::parse_iso(text) {
                None => check.fail(
                    file,
                    &entry,
                    &format!("dates[{j}]"),
                    format!("`{text}` is not a date in the form YYYY-MM-DD"),
                ),
                Some(date) => {
                    if previous.is_some_and(|p| p >= date) {
                        check.fail(
                            file,
                            &entry,
                            &format!("dates[{j}]"),
                            "dates must be in order, each once",
                        );
                    }
                    previous = Some(date);
                }
            }
        }
    }

    check.finish()
}

/// Every problem in the announced changes: ids unique, each sourced and dated, each naming
/// bodies that exist, and each affected body's `caution` telling the person about it (the app
/// shows the caution beside the body; the changes file itself never ships).
pub fn validate_changes(changes: &[AnnouncedChange], data: &DataSet) -> Result<(), Vec<DataError>> {
    let mut check = Checker { errors: Vec::new() };
    let mut ids = HashSet::new();
    let file = CHANGES_FILE;
    for (i, change) in changes.iter().enumerate() {
        let entry = check.id(file, i, &change.id, &mut ids);
        check.text(file, &entry, "what", &change.what);
        check.text(file, &entry, "when", &change.when);
        check.text(file, &entry, "says", &change.says);
        check.sources_and_date(file, &entry, &change.sources, &change.checked);
        if change.affects.is_empty() {
            check.fail(file, &entry, "affects", "needs at least one organisation");
        }
        for (j, id) in change.affects.iter().enumerate() {
            let field = format!("affects[{j}]");
            match data.organisations.iter().find(|o| &o.id == id) {
                None => check.fail(file, &entry, &field, format!("no organisation `{id}`")),
                Some(org) if !org.caution.contains(change.says.as_str()) => check.fail(
                    file,
                    &entry,
                    &field,
                    format!(
                        "`{id}`'s caution must tell the person: it does not contain `{}`",
                        change.says
                    ),
                ),
                Some(_) => {}
            }
        }
    }
    check.finish()
}
