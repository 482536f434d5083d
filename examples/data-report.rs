//! `make data-report`: how fresh and how complete the data is, in figures.
//!
//! Prints, for each data file, its entries by the month they were last checked; every detail a
//! current source did not confirm; every announced change to a body (`changes.toml`); and how
//! many of the bodies routes name can actually be written to. That last figure walks every
//! nation and area in the data, every service but care the person paid for, at two stages
//! (before a first complaint, and after the service's final answer), and looks at every place a
//! route names: the first place, the other way to go, and the next steps.
//!
//! A report, not a test: it never fails on a figure. The tests check what must always hold.

// The report reads the TOML files, which only the native build can (see `data::source`).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    report::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod report {
    use in_my_words::data::source::{load, load_changes, SourceTexts};
    use in_my_words::data::{ContactKind, DataSet, Organisation};
    use in_my_words::domain::date::Date;
    use in_my_words::domain::route::{route, Recipient};
    use in_my_words::domain::situation::{Nation, Service, Situation, Stage};
    use std::collections::{BTreeMap, BTreeSet};

    fn read(name: &str) -> String {
        let path = format!("{}/assets/data/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn today() -> Date {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days((seconds / 86_400) as i64)
    }

    /// The ways a letter can be sent: by post, by email or through an online form.
    fn sends(kind: ContactKind) -> bool {
        matches!(
            kind,
            ContactKind::Post | ContactKind::Email | ContactKind::WebForm
        )
    }

    /// Whether a body can be written to at all, and whether a current source confirms it.
    fn sending(org: &Organisation) -> (bool, bool) {
        let any = org.contacts.iter().any(|c| sends(c.kind));
        let confirmed = org.confirmed && org.contacts.iter().any(|c| sends(c.kind) && c.confirmed);
        (any, confirmed)
    }

    fn percent(part: usize, whole: usize) -> String {
        if whole == 0 {
            "n/a".into()
        } else {
            format!("{:.1}%", part as f64 * 100.0 / whole as f64)
        }
    }

    fn month(checked: &str) -> &str {
        checked.get(..7).unwrap_or(checked)
    }

    fn freshness(data: &DataSet, changes_checked: &[&str]) {
        println!("## Entries by the month they were last checked\n");
        let files: [(&str, Vec<&str>); 6] = [
            (
                "organisations.toml",
                data.organisations
                    .iter()
                    .map(|o| o.checked.as_str())
                    .collect(),
            ),
            (
                "areas.toml",
                data.areas.iter().map(|a| a.checked.as_str()).collect(),
            ),
            (
                "rules.toml (routing rules and help)",
                data.rules
                    .iter()
                    .map(|r| r.checked.as_str())
                    .chain(data.help.iter().map(|h| h.checked.as_str()))
                    .collect(),
            ),
            (
                "crisis.toml",
                data.crisis_lines
                    .iter()
                    .map(|l| l.checked.as_str())
                    .collect(),
            ),
            (
                "bank-holidays.toml",
                data.bank_holidays
                    .iter()
                    .map(|b| b.checked.as_str())
                    .collect(),
            ),
            ("changes.toml", changes_checked.to_vec()),
        ];
        for (file, dates) in files {
            let mut by_month: BTreeMap<&str, usize> = BTreeMap::new();
            for d in &dates {
                *by_month.entry(month(d)).or_default() += 1;
            }
            let months: Vec<String> = by_month
                .iter()
                .rev()
                .map(|(m, n)| format!("{m}: {n}"))
                .collect();
            let oldest = dates.iter().min().copied().unwrap_or("-");
            println!(
                "- {file}: {} entries; {}; oldest check {oldest}",
                dates.len(),
                months.join(", ")
            );
        }
        println!();
    }

    fn unconfirmed(data: &DataSet) {
        println!("## Details no current source confirms\n");
        let mut count = 0;
        for org in &data.organisations {
            let mut what: Vec<String> = Vec::new();
            if !org.confirmed {
                what.push("the body itself".into());
            }
            for c in org.contacts.iter().filter(|c| !c.confirmed) {
                what.push(format!("{:?} `{}`", c.kind, c.value.replace('\n', ", ")));
            }
            if !what.is_empty() {
                count += what.len();
                println!("- {} ({}): {}", org.id, org.checked, what.join("; "));
            }
        }
        for line in &data.crisis_lines {
            let mut what: Vec<String> = Vec::new();
            if !line.confirmed {
                what.push("the line itself".into());
            }
            for c in line.contacts.iter().filter(|c| !c.confirmed) {
                what.push(format!("{:?} `{}`", c.kind, c.value));
            }
            if !what.is_empty() {
                count += what.len();
                println!(
                    "- crisis line {} ({}): {}",
                    line.id,
                    line.checked,
                    what.join("; ")
                );
            }
        }
        println!("\n{count} unconfirmed details in all.\n");
    }

    /// Every place routes name, over the whole data, and how many can be written to.
    fn coverage(data: &DataSet, today: Date) {
        println!("## Can the places routes name be written to?\n");
        println!(
            "Every nation and area, every service but paid-for care, before a first complaint and \
             after a final answer; the first place, the other way and the next steps.\n"
        );
        let stages = [Stage::NotRaised, Stage::FinalResponseUnhappy];
        let services: Vec<Service> = Service::ALL
            .into_iter()
            .filter(|s| *s != Service::PrivatelyFundedCare)
            .collect();
        // Each distinct body named, with whether it has a sending contact and whether confirmed.
        let mut bodies: BTreeMap<String, (bool, bool)> = BTreeMap::new();
        let mut roles: BTreeSet<String> = BTreeSet::new();
        let (mut mentions, mut mentions_sendable, mut mentions_confirmed) = (0, 0, 0);
        println!("First place to send, per area: a directory body with a confirmed way to send it");
        for nation in Nation::ALL {
            let areas = data
                .areas
                .iter()
                .filter(|a| a.nation == nation)
                .map(|a| Some(a.id.clone()));
            for area in std::iter::once(None).chain(areas) {
                let (mut routes, mut first_confirmed) = (0, 0);
                for &service in &services {
                    for &stage in &stages {
                        let situation = Situation {
                            nation: Some(nation),
                            area: area.clone(),
                            service: Some(service),
                            stage: Some(stage),
                            ..Situation::default()
                        };
                        let r = route(&situation, data, today);
                        routes += 1;
                        if let Some(org) = r.primary.organisation() {
                            if sending(org).1 {
                                first_confirmed += 1;
                            }
                        }
                        let named = std::iter::once(&r.primary)
                            .chain(r.alternative.iter().map(|a| &a.recipient))
                            .chain(r.escalation.iter());
                        for recipient in named {
                            match recipient {
                                Recipient::Organisation(org) => {
                                    let (any, confirmed) = sending(org);
                                    mentions += 1;
                                    mentions_sendable += usize::from(any);
                                    mentions_confirmed += usize::from(confirmed);
                                    bodies.insert(org.id.clone(), (any, confirmed));
                                }
                                Recipient::Role { role, at, .. } => {
                                    roles.insert(format!("{role} {at}").trim().to_string());
                                }
                            }
                        }
                    }
                }
                let place = area.as_deref().unwrap_or("(no area chosen)");
                println!(
                    "- {nation:?}, {place}: {first_confirmed} of {routes} routes ({})",
                    percent(first_confirmed, routes)
                );
            }
        }
        let sendable = bodies.values().filter(|(any, _)| *any).count();
        let confirmed = bodies.values().filter(|(_, c)| *c).count();
        println!(
            "\nDistinct directory bodies named: {}; with a way to send (post, email or form): {} ({}); \
             of those, confirmed by a current source: {} ({}).",
            bodies.len(),
            sendable,
            percent(sendable, bodies.len()),
            confirmed,
            percent(confirmed, sendable)
        );
        println!(
            "Counted each time a route names them: {mentions} names; with a way to send {} ({}); \
             confirmed {} ({} of those with a way to send).",
            mentions_sendable,
            percent(mentions_sendable, mentions),
            mentions_confirmed,
            percent(mentions_confirmed, mentions_sendable)
        );
        let without: Vec<&String> = bodies
            .iter()
            .filter(|(_, (any, _))| !any)
            .map(|(id, _)| id)
            .collect();
        println!("Bodies named with no way to send: {without:?}");
        println!(
            "Described roles named instead of a body ({}): {:?}\n",
            roles.len(),
            roles
        );
    }

    pub fn main() {
        let texts = [
            read("organisations.toml"),
            read("areas.toml"),
            read("rules.toml"),
            read("crisis.toml"),
            read("bank-holidays.toml"),
        ];
        let data = load(&SourceTexts {
            organisations: &texts[0],
            areas: &texts[1],
            rules: &texts[2],
            crisis: &texts[3],
            bank_holidays: &texts[4],
        })
        .unwrap_or_else(|errors| {
            for e in errors {
                eprintln!("{e}");
            }
            std::process::exit(1)
        });
        let changes = load_changes(&read("changes.toml"), &data).unwrap_or_else(|errors| {
            for e in errors {
                eprintln!("{e}");
            }
            std::process::exit(1)
        });
        let today = today();
        println!("# Data report, {}\n", today.long());

        let checked: Vec<&str> = changes.iter().map(|c| c.checked.as_str()).collect();
        freshness(&data, &checked);
        unconfirmed(&data);

        println!("## Announced changes\n");
        for c in &changes {
            println!(
                "- {} [{}] {} When: {} Affects: {}. Checked {}. Sources: {}",
                c.id,
                c.status.id(),
                c.what,
                c.when,
                c.affects.join(", "),
                c.checked,
                c.sources.join(" ; ")
            );
        }
        println!();
        coverage(&data, today);
    }
}
