#![cfg(not(target_arch = "wasm32"))]
//! The data files are complete and consistent, and a broken file is reported by file, entry and
//! field. Runs the same loader `build.rs` uses, on the real files and on broken copies of them.

use in_my_words::data::source::{load, load_changes, SourceTexts};
use in_my_words::data::validate::{DataError, OMBUDSMAN_KIND};
use in_my_words::data::{data, DataSet, HelpKind};
use in_my_words::domain::date::{Date, Weekday};
use in_my_words::domain::route::{route, FALLBACK_RULE};
use in_my_words::domain::situation::{Nation, Service, Situation, Stage};
use std::collections::HashSet;

/// The text of every data file, read from the repository.
struct Files {
    organisations: String,
    areas: String,
    rules: String,
    crisis: String,
    bank_holidays: String,
}

fn read(name: &str) -> String {
    let path = format!("{}/assets/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn files() -> Files {
    Files {
        organisations: read("organisations.toml"),
        areas: read("areas.toml"),
        rules: read("rules.toml"),
        crisis: read("crisis.toml"),
        bank_holidays: read("bank-holidays.toml"),
    }
}

fn load_files(f: &Files) -> Result<DataSet, Vec<DataError>> {
    load(&SourceTexts {
        organisations: &f.organisations,
        areas: &f.areas,
        rules: &f.rules,
        crisis: &f.crisis,
        bank_holidays: &f.bank_holidays,
    })
}

/// Replaces `from` (which must be in the text) with `to`, to make a broken copy.
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert!(
        text.contains(from),
        "test setup: `{from}` is not in the file"
    );
    text.replacen(from, to, 1)
}

/// Loads a broken copy and returns the error messages, which must not be empty.
fn errors_for(change: impl FnOnce(&mut Files)) -> Vec<String> {
    let mut f = files();
    change(&mut f);
    let errors = load_files(&f).expect_err("the broken data must be refused");
    errors.iter().map(ToString::to_string).collect()
}

/// Asserts one message names this file, entry and field.
fn assert_reported(errors: &[String], file: &str, entry: &str, field: &str) {
    let want = format!("{file}: entry `{entry}`, field `{field}`");
    assert!(
        errors.iter().any(|e| e.starts_with(&want)),
        "expected a message starting `{want}`, got:\n{errors:#?}"
    );
}

#[test]
fn the_real_files_load_and_match_what_the_app_embeds() {
    let loaded = load_files(&files()).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    // The app embeds the checked files less the sources and dates it never shows.
    assert_eq!(
        &in_my_words::data::source::for_the_app(loaded),
        data(),
        "rebuild: the embedded data is out of date"
    );
}

#[test]
fn ids_are_unique_across_every_kind_of_entry() {
    let d = data();
    let mut seen = HashSet::new();
    let ids = d
        .organisations
        .iter()
        .map(|o| &o.id)
        .chain(d.areas.iter().map(|a| &a.id))
        .chain(d.rules.iter().map(|r| &r.id))
        .chain(d.help.iter().map(|h| &h.id))
        .chain(d.crisis_lines.iter().map(|l| &l.id));
    for id in ids {
        assert!(seen.insert(id.clone()), "`{id}` is used twice");
    }
}

#[test]
fn every_entry_has_sources_and_a_date() {
    // Checked on the data files themselves: the app's embedded copy leaves most sources out.
    let d = &load_files(&files()).expect("the data files load");
    let dated = d
        .organisations
        .iter()
        .map(|o| (&o.id, &o.sources, &o.checked))
        .chain(d.areas.iter().map(|a| (&a.id, &a.sources, &a.checked)))
        .chain(d.rules.iter().map(|r| (&r.id, &r.sources, &r.checked)))
        .chain(d.help.iter().map(|h| (&h.id, &h.sources, &h.checked)))
        .chain(
            d.crisis_lines
                .iter()
                .map(|l| (&l.id, &l.sources, &l.checked)),
        );
    let changes = load_changes(&read("changes.toml"), d).expect("changes.toml loads");
    let dated = dated.chain(changes.iter().map(|c| (&c.id, &c.sources, &c.checked)));
    // Nobody can have checked a source tomorrow: a date in the future is a typo that would
    // make a stale entry look fresh.
    let today = today_from_the_clock();
    for (id, sources, checked) in dated {
        assert!(!sources.is_empty(), "`{id}` has no source");
        assert!(
            sources
                .iter()
                .all(|s| s.starts_with("http") && s.len() > 12),
            "`{id}`"
        );
        let date = Date::parse_iso(checked);
        assert!(date.is_some(), "`{id}`: checked `{checked}`");
        assert!(
            date.is_some_and(|d| d <= today),
            "`{id}`: checked `{checked}` is after today ({today:?})"
        );
    }
}

/// Today's date from the system clock (UTC), for checks that nothing is dated in the future.
fn today_from_the_clock() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_secs();
    Date::from_days((seconds / 86_400) as i64)
}

#[test]
fn announced_changes_name_real_bodies_that_tell_the_person() {
    let d = load_files(&files()).expect("the data files load");
    let changes = load_changes(&read("changes.toml"), &d).expect("changes.toml loads");
    assert!(
        changes.len() >= 3,
        "Healthwatch, NHS England and the Sussex board at least"
    );
    // A body whose caution forgets the change is reported, by entry and field.
    let mut forgetful = d.clone();
    let hw = forgetful
        .organisations
        .iter_mut()
        .find(|o| o.id == "healthwatch-england")
        .expect("healthwatch-england is in the directory");
    hw.caution = "Check it is still running.".into();
    let errors: Vec<String> = load_changes(&read("changes.toml"), &forgetful)
        .expect_err("a caution that does not mention the change is refused")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        errors.iter().any(|e| e.contains("healthwatch-to-close")
            && e.contains("affects[0]")
            && e.contains("plans to close Healthwatch")),
        "{errors:?}"
    );
    // And a change naming a body that does not exist.
    let text = read("changes.toml").replacen("\"nhs-england\"", "\"nhs-englund\"", 1);
    let errors = load_changes(&text, &d).expect_err("an unknown body is refused");
    assert!(
        errors.iter().any(|e| e.problem.contains("nhs-englund")),
        "{errors:?}"
    );
}

#[test]
fn every_referenced_id_exists() {
    let d = data();
    let orgs: HashSet<&str> = d.organisations.iter().map(|o| o.id.as_str()).collect();
    let areas: HashSet<&str> = d.areas.iter().map(|a| a.id.as_str()).collect();
    for rule in &d.rules {
        let targets = std::iter::once(&rule.primary)
            .chain(&rule.alternative)
            .chain(&rule.escalation);
        for t in targets {
            assert!(t.organisation.is_empty() || orgs.contains(t.organisation.as_str()));
        }
    }
    for help in &d.help {
        // Help for today is advice in words and names no body; every other kind names one.
        let names_one = help.kind != HelpKind::Today;
        assert_eq!(
            orgs.contains(help.organisation.as_str()),
            names_one,
            "{}",
            help.id
        );
    }
    for area in &d.areas {
        for local in &area.local {
            assert!(orgs.contains(local.organisation.as_str()), "{}", area.id);
        }
    }
    for org in &d.organisations {
        assert!(
            org.areas.iter().all(|a| areas.contains(a.as_str())),
            "{}",
            org.id
        );
    }
}

#[test]
fn every_organisation_is_used_somewhere() {
    let d = data();
    let mut used: HashSet<&str> = HashSet::new();
    for rule in &d.rules {
        for t in std::iter::once(&rule.primary)
            .chain(&rule.alternative)
            .chain(&rule.escalation)
        {
            used.insert(t.organisation.as_str());
        }
    }
    used.extend(d.help.iter().map(|h| h.organisation.as_str()));
    used.extend(
        d.areas
            .iter()
            .flat_map(|a| a.local.iter().map(|l| l.organisation.as_str())),
    );
    for org in &d.organisations {
        assert!(used.contains(org.id.as_str()), "`{}` is never used", org.id);
    }
}

#[test]
fn every_nation_service_and_stage_is_covered_by_a_data_rule() {
    let today = Date::new(2026, 11, 23).unwrap();
    for nation in Nation::ALL {
        for service in Service::ALL {
            for stage in Stage::ALL {
                let situation = Situation {
                    nation: Some(nation),
                    service: Some(service),
                    stage: Some(stage),
                    ..Situation::default()
                };
                let r = route(&situation, data(), today);
                assert_ne!(
                    r.rules_fired[0], FALLBACK_RULE,
                    "no rule for {nation:?} {service:?} {stage:?}"
                );
            }
        }
    }
}

#[test]
fn each_nation_has_an_ombudsman_crisis_lines_and_free_help() {
    let d = data();
    let today = Date::new(2026, 11, 23).unwrap();
    for nation in Nation::ALL {
        assert!(
            d.organisations
                .iter()
                .any(|o| o.kind == OMBUDSMAN_KIND && o.nations.contains(&nation)),
            "{nation:?} has no ombudsman"
        );
        assert!(d.crisis_lines(nation, None).len() >= 3, "{nation:?}");
        for service in Service::ALL {
            let situation = Situation {
                nation: Some(nation),
                service: Some(service),
                ..Situation::default()
            };
            assert!(
                !route(&situation, d, today).free_help.is_empty(),
                "no free help for {nation:?} {service:?}"
            );
        }
    }
}

#[test]
fn sussex_areas_name_every_local_body() {
    let roles = [
        "icb",
        "advocacy",
        "healthwatch",
        "acute-trust",
        "acute-pals",
        "mental-health-trust",
        "mental-health-pals",
        "community-trust",
        "community-pals",
        "ambulance-trust",
        "ambulance-pals",
    ];
    for area in ["brighton-and-hove", "east-sussex", "west-sussex"] {
        for role in roles {
            assert!(data().local(area, role).is_some(), "{area} has no {role}");
        }
    }
}

#[test]
fn postcode_districts_are_unique_and_found_offline() {
    let mut seen = HashSet::new();
    for area in &data().areas {
        for d in &area.postcode_districts {
            assert!(seen.insert(d.clone()), "{d} is in two areas");
        }
    }
    let table = [
        ("BN21 3AB", Some("east-sussex")),
        ("bn1 1aa", Some("brighton-and-hove")),
        ("BN11 1AA", Some("west-sussex")),
        ("BN111AA", Some("west-sussex")),
        ("TN34", Some("east-sussex")),
        ("rh10 6xx", Some("west-sussex")),
        ("RH18 5AA", Some("east-sussex")),
        ("PO19 1AB", Some("west-sussex")),
        // While the rest is being typed, the space shows where the district ends: BN2, not BN21.
        ("BN2 1", Some("brighton-and-hove")),
        ("bn2 1a", Some("brighton-and-hove")),
        ("BN21", Some("east-sussex")),
        ("BN211", None),    // neither a district nor a full postcode
        ("TN1 1AA", None),  // Tunbridge Wells, Kent
        ("RH6 9ZZ", None),  // Horley: mostly Surrey
        ("PO10 7AA", None), // Emsworth: mostly Hampshire
        ("", None),
    ];
    for (postcode, want) in table {
        let got = data().area_for_postcode(postcode).map(|a| a.id.as_str());
        assert_eq!(got, want, "{postcode}");
    }
}

#[test]
fn bank_holidays_are_weekdays_and_complete_for_2025_to_2028() {
    let per_year = [
        (Nation::England, 8),
        (Nation::Wales, 8),
        (Nation::Scotland, 9),
        (Nation::NorthernIreland, 10),
    ];
    for (nation, count) in per_year {
        let days = data().bank_holidays(nation);
        for day in &days {
            assert!(!day.is_weekend(), "{nation:?}: {day} is a weekend day");
        }
        for year in 2025..=2028 {
            let n = days.iter().filter(|d| d.year() == year).count();
            assert_eq!(n, count, "{nation:?} {year}");
        }
    }
    let has = |nation, text| {
        data()
            .bank_holidays(nation)
            .contains(&Date::parse_iso(text).unwrap())
    };
    // Substitute days: weekend holidays move to the next weekday.
    assert!(has(Nation::England, "2027-12-27") && has(Nation::England, "2027-12-28"));
    assert!(has(Nation::England, "2028-01-03"));
    assert!(has(Nation::Scotland, "2027-01-04") && has(Nation::Scotland, "2028-01-04"));
    assert!(has(Nation::Scotland, "2025-12-01")); // St Andrew's Day on a Sunday
    assert!(has(Nation::NorthernIreland, "2025-07-14")); // the Boyne on a Saturday
    assert!(!has(Nation::England, "2026-07-13"));
    // Easter Monday is not a holiday in Scotland.
    assert!(!has(Nation::Scotland, "2026-04-06"));
    assert_eq!(
        Date::parse_iso("2028-04-14").unwrap().weekday(),
        Weekday::Friday
    );
}

// ---- Broken files are refused, with file, entry and field named ----

#[test]
fn a_duplicate_id_is_reported() {
    let errors = errors_for(|f| {
        f.organisations = replace_once(&f.organisations, "id = \"lgsco\"", "id = \"phso\"");
    });
    assert_reported(&errors, "assets/data/organisations.toml", "phso", "id");
}

#[test]
fn a_rule_pointing_at_a_missing_organisation_is_reported() {
    let errors = errors_for(|f| {
        f.rules = replace_once(
            &f.rules,
            "escalation = [{ organisation = \"dental-complaints-service\" }]",
            "escalation = [{ organisation = \"dental-complaint-service\" }]",
        );
    });
    assert_reported(
        &errors,
        "assets/data/rules.toml",
        "private-dental",
        "escalation[0].organisation",
    );
}

#[test]
fn an_entry_without_sources_is_reported() {
    let errors = errors_for(|f| {
        f.organisations = replace_once(
            &f.organisations,
            "sources = [\"https://www.esht.nhs.uk/your-care/patient-experience/raise-a-concern/\"]",
            "sources = []",
        );
    });
    assert_reported(
        &errors,
        "assets/data/organisations.toml",
        "east-sussex-healthcare-pals",
        "sources",
    );
}

#[test]
fn a_bad_checked_date_is_reported() {
    let errors = errors_for(|f| {
        f.crisis = replace_once(
            &f.crisis,
            "checked = \"2026-11-22\"",
            "checked = \"22/11/2026\"",
        );
    });
    assert_reported(
        &errors,
        "assets/data/crisis.toml",
        "emergency-999",
        "checked",
    );
}

#[test]
fn an_unconfirmed_detail_without_a_caution_is_reported() {
    let errors = errors_for(|f| {
        f.organisations = replace_once(
            &f.organisations,
            "confirmed = true\ncaution = \"Do not post USB sticks or CDs: NHS England cannot open them. The government plans to close NHS England. That needs a new law, so write to NHS England for now.\"",
            "confirmed = false",
        );
    });
    assert_reported(
        &errors,
        "assets/data/organisations.toml",
        "nhs-england",
        "caution",
    );
}

#[test]
fn an_ombudsman_as_the_first_step_is_reported() {
    let errors = errors_for(|f| {
        f.rules = replace_once(
            &f.rules,
            "stages = [\"final-response-unhappy\"]\nprimary = { organisation = \"phso\" }",
            "stages = [\"not-raised\"]\nprimary = { organisation = \"phso\" }",
        );
    });
    assert_reported(
        &errors,
        "assets/data/rules.toml",
        "england-prison-after-response", // the first rule with that text
        "stages",
    );
}

#[test]
fn an_area_naming_a_missing_organisation_is_reported() {
    let errors = errors_for(|f| {
        f.areas = replace_once(
            &f.areas,
            "{ role = \"advocacy\", organisation = \"ihcas-brighton-and-hove\" }",
            "{ role = \"advocacy\", organisation = \"ihcas-brighton\" }",
        );
    });
    assert_reported(
        &errors,
        "assets/data/areas.toml",
        "brighton-and-hove",
        "local[1].organisation",
    );
}

#[test]
fn a_help_rule_with_an_unknown_role_is_reported() {
    let errors = errors_for(|f| {
        f.rules = replace_once(
            &f.rules,
            "local_role = \"acute-pals\"",
            "local_role = \"pals\"",
        );
    });
    assert_reported(
        &errors,
        "assets/data/rules.toml",
        "england-pals-hospital",
        "local_role",
    );
}

#[test]
fn an_ombudsman_as_free_help_is_reported_but_alongside_is_not() {
    // The Prisons and Probation Ombudsman is offered alongside prison healthcare (for what prison
    // staff did). The same entry as free help would be an error.
    assert!(load_files(&files()).is_ok());
    let errors = errors_for(|f| {
        f.rules = replace_once(
            &f.rules,
            "id = \"prison-staff-ppo\"\nkind = \"alongside\"",
            "id = \"prison-staff-ppo\"\nkind = \"free-help\"",
        );
    });
    assert_reported(
        &errors,
        "assets/data/rules.toml",
        "prison-staff-ppo",
        "organisation",
    );
}

#[test]
fn bank_holidays_out_of_order_are_reported() {
    let errors = errors_for(|f| {
        f.bank_holidays = replace_once(
            &f.bank_holidays,
            "\"2025-04-18\", \"2025-04-21\"",
            "\"2025-04-21\", \"2025-04-18\"",
        );
    });
    assert_reported(
        &errors,
        "assets/data/bank-holidays.toml",
        "list 1",
        "dates[2]",
    );
}

#[test]
fn an_unknown_field_is_reported_with_its_entry_and_line() {
    let errors = errors_for(|f| {
        f.organisations = replace_once(
            &f.organisations,
            "id = \"gdc\"\n",
            "id = \"gdc\"\nphone = \"0000\"\n",
        );
    });
    let message = errors.join("\n");
    assert!(
        message.contains("assets/data/organisations.toml"),
        "{message}"
    );
    assert!(message.contains("entry `gdc`"), "{message}");
    assert!(message.contains("phone"), "{message}");
    assert!(message.contains("(line "), "{message}");
}

#[test]
fn a_toml_syntax_error_is_reported_with_its_line() {
    let errors = errors_for(|f| {
        f.rules = replace_once(&f.rules, "id = \"wales-llais\"", "id = \"wales-llais");
    });
    let message = errors.join("\n");
    assert!(
        message.starts_with("assets/data/rules.toml: entry `"),
        "{message}"
    );
    assert!(message.contains("(line "), "{message}");
}

/// The letter tools mark the gaps for the person's words with Unicode private-use characters
/// chosen to be absent from the answers. The app's own text (the data files and the wording
/// in the letter, route and timeline code) must never hold one, or a letter would lose its gaps
/// and stop following the person's typing.
#[test]
fn no_private_use_characters_in_the_apps_own_text() {
    let data = std::fs::read_dir(format!("{}/assets/data", env!("CARGO_MANIFEST_DIR")))
        .expect("assets/data is readable")
        .map(|entry| entry.expect("a data file").path());
    let code = ["letter.rs", "route.rs", "timeline.rs", "tools.rs"]
        .map(|name| format!("{}/src/domain/{name}", env!("CARGO_MANIFEST_DIR")).into());
    let mut read = 0;
    for path in data.chain(code) {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        let found = text.chars().find(|c| ('\u{E000}'..='\u{F8FF}').contains(c));
        assert_eq!(found, None, "{path:?} holds a private-use character");
        read += 1;
    }
    assert!(read >= 10, "read {read} files");
}

#[test]
fn help_for_today_that_names_a_body_is_reported() {
    let errors = errors_for(|f| {
        f.rules = replace_once(
            &f.rules,
            "id = \"today-gp-without-id-england\"\nkind = \"today\"\n",
            "id = \"today-gp-without-id-england\"\nkind = \"today\"\norganisation = \"nhs-england\"\n",
        );
    });
    assert_reported(
        &errors,
        "assets/data/rules.toml",
        "today-gp-without-id-england",
        "organisation",
    );
}

#[test]
fn the_app_shows_each_organisations_sources_as_the_websites_they_are_on() {
    use in_my_words::data::source::website;
    let files = load_files(&files()).expect("the data files load");
    for org in &files.organisations {
        let embedded = data()
            .organisation(&org.id)
            .expect("every organisation is embedded");
        let mut want: Vec<&str> = Vec::new();
        for source in &org.sources {
            let host = website(source);
            assert!(!host.is_empty() && !host.contains('/'), "{source}");
            if !want.contains(&host) {
                want.push(host);
            }
        }
        assert_eq!(embedded.sources, want, "{}", org.id);
    }
    assert_eq!(
        website("https://www.england.nhs.uk/contact-us/complaint/?x=1"),
        "www.england.nhs.uk"
    );
    assert_eq!(website("http://ppo.gov.uk#top"), "ppo.gov.uk");
}
