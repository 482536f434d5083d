#![cfg(not(target_arch = "wasm32"))]
//! Properties every route must have, for every possible situation.
//!
//! One test walks every combination of the answers that decide the route (nation, service,
//! stage, ability to complain to the service, private care kind, including "not answered");
//! proptest then adds random dates, areas and flags on top.

use in_my_words::data::data;
use in_my_words::data::validate::{OMBUDSMAN_KIND, OMBUDSMAN_STAGES};
use in_my_words::domain::date::Date;
use in_my_words::domain::route::{route, DeadlineKind, Recipient, Route};
use in_my_words::domain::situation::{
    Nation, PrivateCareKind, Service, Situation, Stage, WhenItHappened, YesNo,
};
use proptest::prelude::*;

fn with_none<T: Copy>(all: &[T]) -> Vec<Option<T>> {
    std::iter::once(None)
        .chain(all.iter().copied().map(Some))
        .collect()
}

fn same(a: &Recipient, b: &Recipient) -> bool {
    match (a.organisation(), b.organisation()) {
        (Some(x), Some(y)) => x.id == y.id,
        (None, None) => a.name() == b.name(),
        _ => false,
    }
}

fn is_ombudsman(r: &Recipient) -> bool {
    r.organisation().is_some_and(|o| o.kind == OMBUDSMAN_KIND)
}

/// Checks every property; returns the first broken one, described.
fn broken_property(s: &Situation, today: Date, r: &Route) -> Option<String> {
    let nation = s.nation.unwrap_or(Nation::England);
    let stage = s.stage.unwrap_or(Stage::NotRaised);
    if r.primary.name().trim().is_empty() || r.why.is_empty() {
        return Some("the route has no recipient or no explanation".into());
    }
    // Never the same body as both choices, nor again as a next step.
    if let Some(alt) = &r.alternative {
        if same(&alt.recipient, &r.primary) {
            return Some("primary and alternative are the same body".into());
        }
    }
    if r.escalation.iter().any(|e| same(e, &r.primary)) {
        return Some("the primary is repeated in the escalation".into());
    }
    // Where the alternative is the body that pays (the commissioner), warn against using both.
    let rule = data().rules.iter().find(|x| x.id == r.rules_fired[0]);
    if rule.is_some_and(|x| x.alternative_is_commissioner) && r.alternative.is_some() {
        let warned = r.do_not.iter().any(|l| l.contains("both"));
        if !warned {
            return Some("provider and commissioner offered without a 'not both' warning".into());
        }
    }
    // An ombudsman is never the first step before the service's final answer.
    if is_ombudsman(&r.primary) && !OMBUDSMAN_STAGES.contains(&stage) {
        return Some(format!("an ombudsman is primary at stage {stage:?}"));
    }
    // The Prisons and Probation Ombudsman never handles clinical care, which is all we route.
    let everyone = std::iter::once(&r.primary)
        .chain(r.alternative.as_ref().map(|a| &a.recipient))
        .chain(r.escalation.iter());
    for recipient in everyone {
        if recipient.organisation().is_some_and(|o| o.id == "ppo") {
            return Some("the Prisons and Probation Ombudsman is in the route".into());
        }
        if let Some(org) = recipient.organisation() {
            if !org.nations.contains(&nation) {
                return Some(format!("`{}` does not cover {nation:?}", org.id));
            }
        }
    }
    // It is offered alongside only for prison healthcare, for what prison staff did.
    let prison = matches!(
        s.service,
        Some(Service::PrisonHealthcare | Service::PrisonReleaseMedicines)
    );
    let ppo_alongside = r
        .alongside
        .iter()
        .any(|a| a.recipient.organisation().is_some_and(|o| o.id == "ppo"));
    if ppo_alongside && !prison {
        return Some("the Prisons and Probation Ombudsman is offered outside prison".into());
    }
    // No ombudsman looks at health care the person paid for: the NHS ombudsmen only cover NHS
    // care, and the Local Government and Social Care Ombudsman only social care.
    let private_health = s.service == Some(Service::PrivatelyFundedCare)
        && matches!(
            s.private_care,
            Some(PrivateCareKind::HospitalOrClinic | PrivateCareKind::Other)
        );
    let mut everyone = std::iter::once(&r.primary)
        .chain(r.alternative.as_ref().map(|a| &a.recipient))
        .chain(r.escalation.iter());
    if private_health && everyone.any(is_ombudsman) {
        return Some("an ombudsman is offered for private health care".into());
    }
    // Help is for this nation and area.
    for org in &r.free_help {
        let area_ok =
            org.areas.is_empty() || s.area.as_ref().is_some_and(|a| org.areas.contains(a));
        if !org.nations.contains(&nation) || !area_ok {
            return Some(format!("free help `{}` is not for this place", org.id));
        }
    }
    // Crisis help exactly when someone may be in danger, and first.
    let danger = matches!(s.in_danger_now, Some(YesNo::Yes | YesNo::NotSure));
    if danger != r.crisis_first || danger == r.crisis.is_empty() {
        return Some("crisis help does not match the danger answer".into());
    }
    if r.crisis.iter().any(|l| !l.nations.contains(&nation)) {
        return Some("a crisis line for another nation".into());
    }
    // Dates make sense.
    let holidays = data().bank_holidays(nation);
    for d in &r.deadlines {
        let Some(date) = d.date else { continue };
        match d.kind {
            DeadlineKind::AcknowledgementDue | DeadlineKind::ResponseExpected => {
                if date <= today || date.is_weekend() && d.kind == DeadlineKind::AcknowledgementDue
                {
                    return Some(format!("{:?} on {date} is not a later working day", d.kind));
                }
                if d.kind == DeadlineKind::AcknowledgementDue && holidays.contains(&date) {
                    return Some(format!("acknowledgement due on a bank holiday, {date}"));
                }
            }
            DeadlineKind::ComplainBy | DeadlineKind::OmbudsmanBy | DeadlineKind::AppealBy => {
                let start = s.when.and_then(|w| w.earliest());
                let from_final = s.final_response_date;
                if start.is_none_or(|w| date < w) && from_final.is_none_or(|f| date < f) {
                    return Some(format!(
                        "{:?} on {date} is before the day it counts from",
                        d.kind
                    ));
                }
            }
        }
    }
    None
}

#[test]
fn every_combination_of_the_deciding_answers_gets_a_sound_route() {
    let today = Date::new(2026, 11, 23).unwrap();
    let when = Some(WhenItHappened::OnDate {
        date: Date::new(2026, 9, 14).unwrap(),
    });
    let mut checked = 0;
    for nation in with_none(&Nation::ALL) {
        for service in with_none(&Service::ALL) {
            for stage in with_none(&Stage::ALL) {
                for able in with_none(&YesNo::ALL) {
                    for private_care in with_none(&PrivateCareKind::ALL) {
                        let s = Situation {
                            nation,
                            service,
                            stage,
                            able_to_complain_to_service: able,
                            private_care,
                            when,
                            ..Situation::default()
                        };
                        let r = route(&s, data(), today);
                        if let Some(problem) = broken_property(&s, today, &r) {
                            panic!("{problem}\nsituation: {s:#?}\nroute: {r:#?}");
                        }
                        checked += 1;
                    }
                }
            }
        }
    }
    assert_eq!(checked, 5 * 26 * 7 * 4 * 5);
}

fn opt<T: Clone + std::fmt::Debug + 'static>(values: Vec<T>) -> impl Strategy<Value = Option<T>> {
    prop_oneof![Just(None), proptest::sample::select(values).prop_map(Some)]
}

fn any_date() -> impl Strategy<Value = Date> {
    // 2020 to 2030: wide enough to cross every bank holiday list and its edges.
    (18_262i64..21_915).prop_map(Date::from_days)
}

fn any_when() -> impl Strategy<Value = Option<WhenItHappened>> {
    prop_oneof![
        Just(None),
        Just(Some(WhenItHappened::NotSure)),
        any_date().prop_map(|date| Some(WhenItHappened::OnDate { date })),
        (2015i32..2031, 1u8..=12)
            .prop_map(|(year, month)| Some(WhenItHappened::AroundMonth { year, month })),
    ]
}

fn any_area() -> impl Strategy<Value = Option<String>> {
    let mut ids: Vec<String> = data().areas.iter().map(|a| a.id.clone()).collect();
    ids.push("no-such-area".into());
    opt(ids)
}

prop_compose! {
    fn any_situation()(
        nation in opt(Nation::ALL.to_vec()),
        area in any_area(),
        service in opt(Service::ALL.to_vec()),
        stage in opt(Stage::ALL.to_vec()),
        when in any_when(),
        final_response_date in proptest::option::of(any_date()),
        able in opt(YesNo::ALL.to_vec()),
        still in opt(YesNo::ALL.to_vec()),
        ftp in opt(YesNo::ALL.to_vec()),
        danger in opt(YesNo::ALL.to_vec()),
        private_care in opt(PrivateCareKind::ALL.to_vec()),
    ) -> Situation {
        Situation {
            nation,
            area,
            service,
            stage,
            when,
            final_response_date,
            able_to_complain_to_service: able,
            still_receiving_care: still,
            fitness_to_practise_concern: ftp,
            in_danger_now: danger,
            private_care,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn any_situation_on_any_day_gets_a_sound_route(s in any_situation(), today in any_date()) {
        let r = route(&s, data(), today);
        if let Some(problem) = broken_property(&s, today, &r) {
            prop_assert!(false, "{}\nsituation: {:#?}", problem, s);
        }
    }

    #[test]
    fn routing_is_deterministic(s in any_situation(), today in any_date()) {
        prop_assert_eq!(route(&s, data(), today), route(&s, data(), today));
    }

    #[test]
    fn not_able_to_complain_never_puts_the_service_first_when_a_commissioner_exists(
        s in any_situation(), today in any_date()
    ) {
        let mut s = s;
        s.able_to_complain_to_service = Some(YesNo::No);
        let r = route(&s, data(), today);
        let rule = data().rules.iter().find(|x| x.id == r.rules_fired[0]);
        if rule.is_some_and(|x| x.alternative_is_commissioner) {
            prop_assert!(r.rules_fired.iter().any(|id| id == "adjust-commissioner-first-when-not-able"));
        }
    }
}

/// The checks above must be able to fail: a route that breaks the rules is caught.
#[test]
fn the_property_checks_catch_broken_routes() {
    let today = Date::new(2026, 11, 23).unwrap();
    let final_stage = Situation {
        nation: Some(Nation::England),
        service: Some(Service::Hospital),
        stage: Some(Stage::FinalResponseUnhappy),
        ..Situation::default()
    };
    let r = route(&final_stage, data(), today);
    assert!(broken_property(&final_stage, today, &r).is_none());
    // The same route, claimed for someone who has not complained yet: ombudsman too early.
    let early = Situation {
        stage: Some(Stage::NotRaised),
        ..final_stage.clone()
    };
    let problem = broken_property(&early, today, &r).expect("caught");
    assert!(problem.contains("ombudsman is primary"), "{problem}");
    // A route that forgot the crisis lines for someone in danger.
    let danger = Situation {
        in_danger_now: Some(YesNo::Yes),
        ..final_stage
    };
    let problem = broken_property(&danger, today, &r).expect("caught");
    assert!(problem.contains("crisis"), "{problem}");
    // A care home's route (to the Local Government and Social Care Ombudsman), claimed for
    // private physiotherapy.
    let care_home = Situation {
        nation: Some(Nation::England),
        service: Some(Service::PrivatelyFundedCare),
        private_care: Some(PrivateCareKind::CareHomeOrHomeCare),
        stage: Some(Stage::FinalResponseUnhappy),
        ..Situation::default()
    };
    let r = route(&care_home, data(), today);
    assert!(broken_property(&care_home, today, &r).is_none());
    let physio = Situation {
        private_care: Some(PrivateCareKind::Other),
        ..care_home
    };
    let problem = broken_property(&physio, today, &r).expect("caught");
    assert!(problem.contains("private health care"), "{problem}");
}
