//! From a person's situation to where their complaint should go: [`route`].
//!
//! `route` is total: every situation, however incomplete, gets a route. When something is not
//! known it says what it assumed (`Route::assumptions`) rather than guessing silently. Rules and
//! addresses come from the data files (see [`crate::data`]); this module only matches and
//! resolves them, computes dates, and explains the result in plain words.

use crate::data::{DataSet, Organisation, Rule, Target};
use crate::domain::date::Date;
use crate::domain::situation::{Nation, Situation, Stage, YesNo};

/// Which complaints procedure applies. It decides the letter's wording and the deadlines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Procedure {
    /// England: the NHS and social services complaints regulations 2009.
    NhsEngland,
    /// Wales: NHS "Putting Things Right" (2011 regulations).
    NhsWales,
    /// Scotland: the NHS Complaints Handling Procedure.
    NhsScotland,
    /// Northern Ireland: the Health and Social Care complaints procedure.
    HscNorthernIreland,
    /// A council's own social care (or public health) complaints procedure.
    Council,
    /// Privately funded care: the provider's own procedure.
    PrivateProvider,
}

impl Procedure {
    /// The name to put in a formal complaint's subject line.
    pub fn formal_name(self) -> &'static str {
        match self {
            Procedure::NhsEngland => "the NHS complaints procedure",
            Procedure::NhsWales => "NHS Wales Putting Things Right",
            Procedure::NhsScotland => "the NHS Scotland Complaints Handling Procedure",
            Procedure::HscNorthernIreland => "the Health and Social Care complaints procedure",
            Procedure::Council => "your complaints procedure",
            Procedure::PrivateProvider => "your complaints procedure",
        }
    }
}

/// Who to send something to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recipient {
    /// A body in the directory.
    Organisation(Organisation),
    /// A described person or team, when there is no single address in the directory:
    /// "The practice manager" "at your GP practice", and how to find them.
    Role {
        role: String,
        at: String,
        how_to_find: String,
    },
}

impl Recipient {
    /// A short name for headings and the letter's recipient block.
    pub fn name(&self) -> String {
        match self {
            Recipient::Organisation(org) => org.name.clone(),
            Recipient::Role { role, at, .. } if at.is_empty() => role.clone(),
            Recipient::Role { role, at, .. } => format!("{role} {at}"),
        }
    }

    /// The directory entry, when there is one.
    pub fn organisation(&self) -> Option<&Organisation> {
        match self {
            Recipient::Organisation(org) => Some(org),
            Recipient::Role { .. } => None,
        }
    }
}

/// Another way to go, and when to choose it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alternative {
    pub recipient: Recipient,
    pub reason: String,
}

/// What kind of date a [`Deadline`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineKind {
    /// The last day to complain within the usual time limit.
    ComplainBy,
    /// When an acknowledgement is due, if the letter is sent today.
    AcknowledgementDue,
    /// When to expect a full answer, or an explanation of the delay.
    ResponseExpected,
    /// The last day to take it to the ombudsman.
    OmbudsmanBy,
}

/// A date that matters, with what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub kind: DeadlineKind,
    /// `None` when it cannot be worked out (for example, the person is not sure when it was).
    pub date: Option<Date>,
    /// A short label: "Complain by".
    pub label: String,
    /// What it means and any exception, in plain words.
    pub note: String,
}

/// Where a complaint should go, and everything a person needs to act on that.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    /// True when someone may be in danger now: the app shows crisis help before anything else.
    pub crisis_first: bool,
    pub procedure: Procedure,
    pub primary: Recipient,
    pub alternative: Option<Alternative>,
    /// Things not to do, in plain words.
    pub do_not: Vec<String>,
    /// Free help for this area: advocacy, PALS, Healthwatch, Citizens Advice.
    pub free_help: Vec<Organisation>,
    /// Where to go next if this does not work, in order.
    pub escalation: Vec<Recipient>,
    pub deadlines: Vec<Deadline>,
    /// Why this route, in plain words.
    pub why: Vec<String>,
    /// What routing assumed because an answer was missing.
    pub assumptions: Vec<String>,
    /// The ids of the rules that decided this route, for tracing it back to the data.
    pub rules_fired: Vec<String>,
}

fn matches(rule: &Rule, situation: &Situation, nation: Nation) -> bool {
    let service_ok = rule.services.is_empty()
        || situation
            .service
            .is_some_and(|s| rule.services.contains(&s));
    let stage_ok =
        rule.stages.is_empty() || situation.stage.is_some_and(|s| rule.stages.contains(&s));
    let nation_ok = rule.nations.is_empty() || rule.nations.contains(&nation);
    service_ok && stage_ok && nation_ok
}

fn resolve(target: &Target, data: &DataSet, area: Option<&str>) -> Recipient {
    if !target.organisation.is_empty() {
        if let Some(org) = data.organisation(&target.organisation) {
            return Recipient::Organisation(org.clone());
        }
    }
    if !target.local_role.is_empty() {
        if let Some(org) = area.and_then(|a| data.local(a, &target.local_role)) {
            return Recipient::Organisation(org.clone());
        }
        return Recipient::Role {
            role: local_role_name(&target.local_role).to_string(),
            at: "for your area".to_string(),
            how_to_find: target.how_to_find.clone(),
        };
    }
    Recipient::Role {
        role: target.role.clone(),
        at: target.at.clone(),
        how_to_find: target.how_to_find.clone(),
    }
}

/// A plain name for a local role, used when the area has no directory entry for it.
fn local_role_name(role: &str) -> &'static str {
    match role {
        "icb" => "The Integrated Care Board (ICB)",
        "health-board" => "The local health board",
        "advocacy" => "The NHS complaints advocacy service",
        "healthwatch" => "Healthwatch",
        "council" => "The council",
        _ => "The local service",
    }
}

/// Where a complaint about `situation` should go, as of `today`.
pub fn route(situation: &Situation, data: &DataSet, today: Date) -> Route {
    let mut assumptions = Vec::new();
    let nation = situation.nation.unwrap_or_else(|| {
        assumptions.push("We assumed you are in England. Tell us if you are not.".to_string());
        Nation::England
    });
    let area = situation.area.as_deref();
    let rule = data.rules.iter().find(|r| matches(r, situation, nation));

    let (primary, alternative, escalation, why, do_not, rules_fired) = match rule {
        Some(rule) => (
            resolve(&rule.primary, data, area),
            rule.alternative.first().map(|t| Alternative {
                recipient: resolve(t, data, area),
                reason: rule.alternative_reason.clone(),
            }),
            rule.escalation
                .iter()
                .map(|t| resolve(t, data, area))
                .collect(),
            vec![rule.why.clone()],
            rule.do_not.clone(),
            vec![rule.id.clone()],
        ),
        None => (
            Recipient::Role {
                role: "The complaints manager".into(),
                at: "at the service".into(),
                how_to_find: "Ask the service for its complaints procedure: every NHS service must have one.".into(),
            },
            None,
            Vec::new(),
            vec!["Every NHS service must have a complaints procedure, so start with the service itself.".to_string()],
            Vec::new(),
            vec!["fallback-ask-the-service".to_string()],
        ),
    };

    let mut deadlines = Vec::new();
    if let Some(start) = situation.when.and_then(|w| w.earliest()) {
        deadlines.push(Deadline {
            kind: DeadlineKind::ComplainBy,
            date: Some(start.add_months(12)),
            label: "Complain by".into(),
            note: "You should usually complain within 12 months of when it happened, or of when you found out. A later complaint can still be looked at if you had a good reason for the delay.".into(),
        });
    }
    if nation == Nation::England
        && matches!(
            situation.stage,
            None | Some(Stage::NotRaised) | Some(Stage::RaisedInformally)
        )
    {
        deadlines.push(Deadline {
            kind: DeadlineKind::AcknowledgementDue,
            date: Some(today.add_working_days(3, &data.bank_holidays(nation))),
            label: "They should reply to say they got it by".into(),
            note: "In England, a complaint should be acknowledged within 3 working days of being received. This date assumes it arrives today.".into(),
        });
    }

    Route {
        crisis_first: situation.in_danger_now == Some(YesNo::Yes),
        procedure: match nation {
            Nation::England => Procedure::NhsEngland,
            Nation::Wales => Procedure::NhsWales,
            Nation::Scotland => Procedure::NhsScotland,
            Nation::NorthernIreland => Procedure::HscNorthernIreland,
        },
        primary,
        alternative,
        do_not,
        free_help: Vec::new(),
        escalation,
        deadlines,
        why,
        assumptions,
        rules_fired,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::data;
    use crate::domain::situation::Service;

    #[test]
    fn gp_in_sussex_goes_to_the_practice_or_nhs_sussex() {
        let situation = Situation {
            nation: Some(Nation::England),
            area: Some("brighton-and-hove".into()),
            service: Some(Service::GpPractice),
            ..Situation::default()
        };
        let route = route(&situation, data(), Date::new(2026, 11, 23).unwrap());
        assert_eq!(
            route.primary.name(),
            "The practice manager at your GP practice"
        );
        let alt = route.alternative.expect("the ICB is the alternative");
        assert_eq!(alt.recipient.organisation().unwrap().id, "nhs-sussex-icb");
        assert_eq!(route.rules_fired, ["england-gp-provider-or-icb"]);
    }
}
