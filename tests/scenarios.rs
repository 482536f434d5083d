#![cfg(not(target_arch = "wasm32"))]
//! Runs every scenario file in `tests/scenarios/` through [`route`] and checks what it expects.
//!
//! Anyone can add a case by writing a file: the format is in `tests/scenarios/README.md`. Every
//! failure in every file is collected and reported together, each with its file name, so one
//! run shows everything that is wrong.

use in_my_words::data::data;
use in_my_words::domain::date::Date;
use in_my_words::domain::route::{add_copies, route, DeadlineKind, Procedure, Recipient, Route};
use in_my_words::domain::situation::{
    Nation, PrivateCareKind, Service, Situation, Stage, WhenItHappened, YesNo,
};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::Path;

/// The smallest number of scenarios the table must hold.
const MINIMUM_SCENARIOS: usize = 40;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    /// What the case is, in a sentence; where it comes from (for example a seed report).
    description: String,
    /// "Today", `YYYY-MM-DD`.
    today: String,
    situation: ScenarioSituation,
    expect: Expect,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ScenarioSituation {
    nation: Option<Nation>,
    area: Option<String>,
    service: Option<Service>,
    stage: Option<Stage>,
    /// `YYYY-MM-DD`, `YYYY-MM` (around a month), `YYYY` (a year), `not-sure` or `still-happening`.
    when: Option<String>,
    final_response_date: Option<String>,
    able_to_complain_to_service: Option<YesNo>,
    still_receiving_care: Option<YesNo>,
    fitness_to_practise_concern: Option<YesNo>,
    in_danger_now: Option<YesNo>,
    private_care: Option<PrivateCareKind>,
    /// Other services the complaint is about (the journey's "Was anyone else involved?").
    #[serde(default)]
    also: Vec<Service>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct Expect {
    /// Where the copies go, in order (ids or role names), for a complaint about several
    /// services; `["none"]` when there must be none; empty to skip.
    copies: Vec<String>,
    /// The rule that decided the route (the first id in `rules_fired`).
    rule: String,
    /// Other ids that must be in `rules_fired` (adjustments, help rules).
    rules_also: Vec<String>,
    /// Exactly the "sorted today" help that must show (ids of `today` help rules, in order);
    /// `["none"]` when none may show; empty to skip.
    today: Vec<String>,
    /// The primary recipient: a directory id, or the exact name of a described role.
    primary: String,
    /// The alternative, the same way; `"none"` when there must be none; empty to skip.
    alternative: String,
    /// The escalation chain in order (ids or role names). Empty to skip.
    escalation: Vec<String>,
    /// Directory ids that must be in the free help.
    free_help: Vec<String>,
    /// Directory ids that must not be anywhere in the route.
    must_not: Vec<String>,
    /// Directory ids that must be offered alongside.
    alongside: Vec<String>,
    /// Crisis line ids that must be shown (and then `crisis_first` must be true).
    crisis: Vec<String>,
    /// Pieces of text that must appear in one of the "do not" lines.
    do_not_contains: Vec<String>,
    /// Pieces of text that must appear in one of the "why" lines.
    why_contains: Vec<String>,
    /// The complaints procedure: nhs-england, nhs-wales, nhs-scotland, hsc-northern-ireland,
    /// council, private-provider or police. Empty to skip.
    procedure: String,
    /// Deadlines that must be there, with their dates.
    deadline: Vec<ExpectedDeadline>,
    /// Dates a copy must carry, for a complaint about several services: when that body should
    /// say it got its copy, by its own procedure.
    copy_deadline: Vec<ExpectedCopyDeadline>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedDeadline {
    kind: String,
    /// `YYYY-MM-DD`, or `unknown` when the route cannot work it out.
    date: String,
    /// Text that the note of a deadline of this kind and date must contain. Empty to skip.
    #[serde(default)]
    note_contains: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedCopyDeadline {
    /// Where the copy goes: a directory id, or the exact name of a described role.
    copy: String,
    kind: String,
    /// `YYYY-MM-DD`, or `unknown` when the route cannot work it out.
    date: String,
}

/// An expected deadline's kind and date, as the route holds them.
fn expected(kind: &str, date_text: &str) -> Result<(DeadlineKind, Option<Date>), String> {
    let kind =
        DeadlineKind::from_id(kind).ok_or_else(|| format!("deadline: unknown kind `{kind}`"))?;
    if date_text == "unknown" {
        return Ok((kind, None));
    }
    Ok((kind, Some(date("deadline.date", date_text)?)))
}

/// Dates as scenario files write them.
fn shown(dates: &[Option<Date>]) -> Vec<String> {
    dates
        .iter()
        .map(|d| d.map_or("unknown".to_string(), |d| d.to_string()))
        .collect()
}

/// How a procedure is named in scenario files.
fn procedure_id(procedure: Procedure) -> &'static str {
    match procedure {
        Procedure::NhsEngland => "nhs-england",
        Procedure::NhsWales => "nhs-wales",
        Procedure::NhsScotland => "nhs-scotland",
        Procedure::HscNorthernIreland => "hsc-northern-ireland",
        Procedure::Council => "council",
        Procedure::PrivateProvider => "private-provider",
        Procedure::Police => "police",
    }
}

fn parse_when(text: &str) -> Result<WhenItHappened, String> {
    if text == "not-sure" {
        return Ok(WhenItHappened::NotSure);
    }
    if text == "still-happening" {
        return Ok(WhenItHappened::Ongoing);
    }
    if let Some(date) = Date::parse_iso(text) {
        return Ok(WhenItHappened::OnDate { date });
    }
    if text.len() == 4 {
        if let Ok(year) = text.parse() {
            return Ok(WhenItHappened::InYear { year });
        }
    }
    let (year, month) = text.split_once('-').ok_or_else(|| {
        format!("`when = \"{text}\"` is not YYYY-MM-DD, YYYY-MM, YYYY, not-sure or still-happening")
    })?;
    match (year.parse(), month.parse()) {
        (Ok(year), Ok(month)) if Date::new(year, month, 1).is_some() => {
            Ok(WhenItHappened::AroundMonth { year, month })
        }
        _ => Err(format!(
            "`when = \"{text}\"` is not YYYY-MM-DD, YYYY-MM, YYYY, not-sure or still-happening"
        )),
    }
}

fn date(field: &str, text: &str) -> Result<Date, String> {
    Date::parse_iso(text).ok_or_else(|| format!("`{field} = \"{text}\"` is not a YYYY-MM-DD date"))
}

fn situation(s: &ScenarioSituation) -> Result<Situation, String> {
    Ok(Situation {
        nation: s.nation,
        area: s.area.clone(),
        service: s.service,
        stage: s.stage,
        when: s.when.as_deref().map(parse_when).transpose()?,
        final_response_date: s
            .final_response_date
            .as_deref()
            .map(|t| date("final_response_date", t))
            .transpose()?,
        able_to_complain_to_service: s.able_to_complain_to_service,
        still_receiving_care: s.still_receiving_care,
        fitness_to_practise_concern: s.fitness_to_practise_concern,
        in_danger_now: s.in_danger_now,
        private_care: s.private_care,
    })
}

/// How a recipient is named in scenario files: its directory id, or its full role name.
fn key(recipient: &Recipient) -> String {
    match recipient.organisation() {
        Some(org) => org.id.clone(),
        None => recipient.name(),
    }
}

/// Every directory id mentioned anywhere in a route.
fn ids_in(route: &Route) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut add = |r: &Recipient| {
        if let Some(org) = r.organisation() {
            ids.insert(org.id.clone());
        }
    };
    add(&route.primary);
    if let Some(alt) = &route.alternative {
        add(&alt.recipient);
    }
    route.escalation.iter().for_each(&mut add);
    route.alongside.iter().for_each(|a| add(&a.recipient));
    route.copies.iter().for_each(|c| add(&c.recipient));
    ids.extend(route.free_help.iter().map(|o| o.id.clone()));
    ids
}

/// Checks one scenario; returns every problem found.
fn check(scenario: &Scenario) -> Vec<String> {
    let mut problems = Vec::new();
    if scenario.description.trim().is_empty() {
        problems.push("`description` is empty".to_string());
    }
    let today = match date("today", &scenario.today) {
        Ok(d) => d,
        Err(e) => return vec![e],
    };
    let situation = match situation(&scenario.situation) {
        Ok(s) => s,
        Err(e) => return vec![e],
    };
    let mut route = route(&situation, data(), today);
    add_copies(
        &mut route,
        &situation,
        &scenario.situation.also,
        data(),
        today,
    );
    let e = &scenario.expect;
    let copies: Vec<String> = route.copies.iter().map(|c| key(&c.recipient)).collect();
    let want: &[String] = match e.copies.as_slice() {
        [none] if none == "none" => &[],
        want => want,
    };
    if !e.copies.is_empty() && want != copies.as_slice() {
        problems.push(format!("copies: want {want:?}, got {copies:?}"));
    }

    if e.rule.is_empty() {
        problems.push("`expect.rule` is required".into());
    } else if route.rules_fired.first() != Some(&e.rule) {
        problems.push(format!(
            "rule: expected `{}`, got {:?}",
            e.rule, route.rules_fired
        ));
    }
    if !e.today.is_empty() {
        let fired: Vec<&String> = route
            .rules_fired
            .iter()
            .filter(|id| id.starts_with("today-"))
            .collect();
        let want: Vec<&String> = e.today.iter().filter(|id| *id != "none").collect();
        if fired != want {
            problems.push(format!("today: want {want:?}, got {fired:?}"));
        }
        if route.urgent.len() != want.len() {
            problems.push(format!("today: {} lines shown", route.urgent.len()));
        }
    }
    for id in &e.rules_also {
        if !route.rules_fired.contains(id) {
            problems.push(format!(
                "rules_also: `{id}` did not fire; fired {:?}",
                route.rules_fired
            ));
        }
    }
    if e.primary.is_empty() {
        problems.push("`expect.primary` is required".into());
    } else if key(&route.primary) != e.primary {
        problems.push(format!(
            "primary: expected `{}`, got `{}`",
            e.primary,
            key(&route.primary)
        ));
    }
    match (e.alternative.as_str(), &route.alternative) {
        ("", _) => {}
        ("none", None) => {}
        ("none", Some(alt)) => problems.push(format!(
            "alternative: expected none, got `{}`",
            key(&alt.recipient)
        )),
        (want, None) => problems.push(format!("alternative: expected `{want}`, got none")),
        (want, Some(alt)) if key(&alt.recipient) != want => problems.push(format!(
            "alternative: expected `{want}`, got `{}`",
            key(&alt.recipient)
        )),
        _ => {}
    }
    if !e.escalation.is_empty() {
        let got: Vec<String> = route.escalation.iter().map(key).collect();
        if got != e.escalation {
            problems.push(format!(
                "escalation: expected {:?}, got {got:?}",
                e.escalation
            ));
        }
    }
    let help: Vec<&str> = route.free_help.iter().map(|o| o.id.as_str()).collect();
    for id in &e.free_help {
        if !help.contains(&id.as_str()) {
            problems.push(format!("free_help: `{id}` missing; got {help:?}"));
        }
    }
    let all = ids_in(&route);
    for id in &e.must_not {
        if all.contains(id) {
            problems.push(format!("must_not: `{id}` appears in the route"));
        }
    }
    let alongside: Vec<String> = route.alongside.iter().map(|a| key(&a.recipient)).collect();
    for id in &e.alongside {
        if !alongside.contains(id) {
            problems.push(format!("alongside: `{id}` missing; got {alongside:?}"));
        }
    }
    let crisis: Vec<&str> = route.crisis.iter().map(|l| l.id.as_str()).collect();
    for id in &e.crisis {
        if !crisis.contains(&id.as_str()) {
            problems.push(format!("crisis: `{id}` missing; got {crisis:?}"));
        }
    }
    if !e.crisis.is_empty() && !route.crisis_first {
        problems.push("crisis: lines expected, so crisis_first must be true".into());
    }
    if e.crisis.is_empty() && !route.crisis.is_empty() {
        problems.push(format!(
            "crisis: none expected, got {crisis:?} (list them in expect.crisis)"
        ));
    }
    for text in &e.do_not_contains {
        if !route.do_not.iter().any(|line| line.contains(text.as_str())) {
            problems.push(format!(
                "do_not: no line contains `{text}`; got {:?}",
                route.do_not
            ));
        }
    }
    for text in &e.why_contains {
        if !route.why.iter().any(|line| line.contains(text.as_str())) {
            problems.push(format!(
                "why: no line contains `{text}`; got {:?}",
                route.why
            ));
        }
    }
    if !e.procedure.is_empty() && procedure_id(route.procedure) != e.procedure {
        problems.push(format!(
            "procedure: expected `{}`, got `{}`",
            e.procedure,
            procedure_id(route.procedure)
        ));
    }
    for want in &e.deadline {
        let (kind, want_date) = match expected(&want.kind, &want.date) {
            Ok(expected) => expected,
            Err(err) => {
                problems.push(err);
                continue;
            }
        };
        let same_kind: Vec<Option<Date>> = route
            .deadlines
            .iter()
            .filter(|d| d.kind == kind)
            .map(|d| d.date)
            .collect();
        if !want.note_contains.is_empty()
            && !route.deadlines.iter().any(|d| {
                d.kind == kind && d.date == want_date && d.note.contains(&want.note_contains)
            })
        {
            problems.push(format!(
                "deadline {} {}: no note contains `{}`",
                want.kind, want.date, want.note_contains
            ));
        }
        if !same_kind.contains(&want_date) {
            problems.push(format!(
                "deadline {}: expected {}, got {:?}",
                want.kind,
                want.date,
                shown(&same_kind)
            ));
        }
    }
    for want in &e.copy_deadline {
        let (kind, want_date) = match expected(&want.kind, &want.date) {
            Ok(expected) => expected,
            Err(err) => {
                problems.push(err);
                continue;
            }
        };
        let Some(copy) = route.copies.iter().find(|c| key(&c.recipient) == want.copy) else {
            problems.push(format!(
                "copy_deadline: no copy goes to `{}`; copies go to {copies:?}",
                want.copy
            ));
            continue;
        };
        let same_kind: Vec<Option<Date>> = copy
            .deadlines
            .iter()
            .filter(|d| d.kind == kind)
            .map(|d| d.date)
            .collect();
        if !same_kind.contains(&want_date) {
            problems.push(format!(
                "copy_deadline {} for `{}`: expected {}, got {:?}",
                want.kind,
                want.copy,
                want.date,
                shown(&same_kind)
            ));
        }
    }
    problems
}

#[test]
fn every_scenario_file_routes_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/scenarios exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();

    let mut failures = Vec::new();
    let mut nations = BTreeSet::new();
    let mut several = BTreeSet::new();
    let mut services = BTreeSet::new();
    let mut stages = BTreeSet::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(path).expect("readable");
        let scenario: Scenario = match toml::from_str(&text) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{name}: cannot read it: {e}"));
                continue;
            }
        };
        if let Some(n) = scenario.situation.nation {
            nations.insert(n.id());
            if !scenario.situation.also.is_empty() {
                several.insert(n.id());
            }
        }
        if let Some(s) = scenario.situation.service {
            services.insert(s.id());
        }
        if let Some(s) = scenario.situation.stage {
            stages.insert(s.id());
        }
        for problem in check(&scenario) {
            failures.push(format!("{name}: {problem}"));
        }
    }

    // The table must keep covering everything, so a deleted file cannot hide a gap.
    if files.len() < MINIMUM_SCENARIOS {
        failures.push(format!(
            "only {} scenario files; keep at least {MINIMUM_SCENARIOS}",
            files.len()
        ));
    }
    for n in Nation::ALL.map(Nation::id) {
        if !nations.contains(n) {
            failures.push(format!("no scenario for nation `{n}`"));
        }
        if !several.contains(n) {
            failures.push(format!(
                "no scenario about several services in nation `{n}`"
            ));
        }
    }
    for s in Service::ALL.map(Service::id) {
        if !services.contains(s) {
            failures.push(format!("no scenario for service `{s}`"));
        }
    }
    for s in Stage::ALL.map(Stage::id) {
        if !stages.contains(s) {
            failures.push(format!("no scenario for stage `{s}`"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} scenario problem(s):\n  - {}",
        failures.len(),
        failures.join("\n  - ")
    );
}

/// The harness itself must be able to fail: a wrong expectation is reported with its details.
#[test]
fn a_wrong_expectation_is_reported() {
    let text = r#"
        description = "A GP complaint with a deliberately wrong expectation"
        today = "2026-11-23"
        [situation]
        nation = "england"
        area = "brighton-and-hove"
        service = "gp-practice"
        stage = "not-raised"
        when = "2026-10-02"
        [expect]
        rule = "england-gp-provider-or-icb"
        primary = "phso"
        must_not = ["nhs-sussex-icb"]
        [[expect.deadline]]
        kind = "complain-by"
        date = "2027-10-03"
    "#;
    let scenario: Scenario = toml::from_str(text).unwrap();
    let problems = check(&scenario);
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems[0].contains("primary: expected `phso`"));
    assert!(problems[1].contains("must_not: `nhs-sussex-icb`"));
    assert!(problems[2].contains("expected 2027-10-03, got [\"2027-10-02\"]"));
}

/// A copy's wrong date, or a copy that does not go where the file says, is reported too.
#[test]
fn a_wrong_copy_deadline_is_reported() {
    let text = r#"
        description = "Two services, with deliberately wrong expectations for the copy"
        today = "2026-11-23"
        [situation]
        nation = "england"
        area = "east-sussex"
        service = "mental-health-discharge"
        stage = "not-raised"
        also = ["gp-practice"]
        [expect]
        rule = "england-mental-health-trust-or-icb"
        primary = "sussex-partnership"
        [[expect.copy_deadline]]
        copy = "The practice manager at your GP practice"
        kind = "acknowledgement-due"
        date = "2026-11-25"
        [[expect.copy_deadline]]
        copy = "The complaints manager at the pharmacy"
        kind = "acknowledgement-due"
        date = "2026-11-26"
    "#;
    let scenario: Scenario = toml::from_str(text).unwrap();
    let problems = check(&scenario);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(problems[0].contains("expected 2026-11-25, got [\"2026-11-26\"]"));
    assert!(problems[1].contains("no copy goes to `The complaints manager at the pharmacy`"));
}
