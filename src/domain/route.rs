//! From a person's situation to where their complaint should go: [`route`].
//!
//! `route` is total: every situation, however incomplete, gets a route. When something is not
//! known it says what it assumed (`Route::assumptions`) rather than guessing silently. Rules and
//! addresses come from the data files (see [`crate::data`]); this module only matches and
//! resolves them, computes dates, and explains the result in plain words. Those words (the
//! assumptions, reasons, "do not" lines and the dates' labels and notes) are in the catalogue,
//! [`crate::words::domain_words`].
//!
//! How a route is built:
//! 1. The first routing rule in `assets/data/rules.toml` whose nation, service, stage (and
//!    private care kind) match decides the primary recipient, the alternative, the escalation,
//!    the "why" and the rule's own "do not" lines.
//! 2. Adjustments the data cannot express as one rule, each recorded in `rules_fired` with an
//!    `ADJUST_*` id: a person who does not feel able to complain to the service gets the
//!    commissioner first; a missing acknowledgement or a late answer turns the letter into a
//!    chase; danger puts crisis lines first.
//! 3. Warnings that hold for every rule: never the same complaint to provider and commissioner
//!    at once; not the ombudsman before the service's final answer.
//! 4. Every matching help rule adds free help (advocacy, PALS, Healthwatch, advice) or a body to
//!    tell as well (a regulator, a tribunal).
//! 5. Deadlines for the person's nation and procedure, counted in that nation's working days.

use crate::data::validate::OMBUDSMAN_KIND;
use crate::data::{CrisisLine, DataSet, Organisation, Rule, Target};
use crate::data::{HelpKind, HelpRule, HelpWhen, ProcedureKind, TimeLimit, TimeLimitStart};
use crate::domain::date::Date;
use crate::domain::situation::{
    Nation, PrivateCareKind, Service, Situation, Stage, WhenItHappened, YesNo,
};
use crate::words::{domain_words, fill};
use serde::{Deserialize, Serialize};

/// Which complaints procedure applies. It decides the letter's wording and the deadlines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Procedure {
    /// England: the NHS and social services complaints regulations 2009.
    NhsEngland,
    /// Wales: the NHS concerns rules of 2011, changed from 1 April 2026 ("Listening to People",
    /// which replaced "Putting Things Right").
    NhsWales,
    /// Scotland: the NHS Complaints Handling Procedure.
    NhsScotland,
    /// Northern Ireland: the Health and Social Care complaints procedure.
    HscNorthernIreland,
    /// A council's own social care (or public health) complaints procedure.
    Council,
    /// Privately funded care: the provider's own procedure.
    PrivateProvider,
    /// The police complaints system (custody healthcare the police pay for).
    Police,
}

impl Procedure {
    /// The name to put in a formal complaint's subject line.
    pub fn formal_name(self) -> &'static str {
        match self {
            Procedure::NhsEngland => "the NHS complaints procedure",
            Procedure::NhsWales => "the NHS Wales concerns process (Listening to People)",
            Procedure::NhsScotland => "the NHS Scotland Complaints Handling Procedure",
            Procedure::HscNorthernIreland => "the Health and Social Care complaints procedure",
            Procedure::Council => "your complaints procedure",
            Procedure::PrivateProvider | Procedure::Police => "your complaints procedure",
        }
    }
}

/// Who to send something to.
// A route holds a handful of recipients, so the size difference costs nothing worth the churn of
// boxing a variant the letter and UI code already match on.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

    /// True for an ombudsman in the directory: the independent last step, which usually looks
    /// at a complaint only after the service's final answer.
    pub fn is_ombudsman(&self) -> bool {
        self.organisation()
            .is_some_and(|org| org.kind == OMBUDSMAN_KIND)
    }
}

/// Another way to go, and when to choose it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alternative {
    pub recipient: Recipient,
    pub reason: String,
}

/// One other service's strand of a complaint about several services: where its copy of the
/// letter goes, why, and what to expect from that body (see [`add_copies`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Strand {
    pub recipient: Recipient,
    pub reason: String,
    /// When this body should reply to say it got its copy (an
    /// [`DeadlineKind::AcknowledgementDue`]), by its own procedure and nation, as if the copy
    /// is sent today: the same date a complaint to it alone would get. Empty when its procedure
    /// sets no such date (care paid for privately, the police).
    pub deadlines: Vec<Deadline>,
}

/// What kind of date a [`Deadline`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeadlineKind {
    /// The last day to complain within the usual time limit.
    ComplainBy,
    /// When an acknowledgement is due, if the letter is sent today.
    AcknowledgementDue,
    /// When to expect a full answer, or an explanation of the delay.
    ResponseExpected,
    /// The last day to take it to the ombudsman (or a similar final step).
    OmbudsmanBy,
    /// The last day to appeal against a decision (for example a Special Allocation Scheme
    /// placement).
    AppealBy,
}

impl DeadlineKind {
    pub const ALL: [DeadlineKind; 5] = [
        DeadlineKind::ComplainBy,
        DeadlineKind::AcknowledgementDue,
        DeadlineKind::ResponseExpected,
        DeadlineKind::OmbudsmanBy,
        DeadlineKind::AppealBy,
    ];

    /// A stable id for scenario files and exports ("complain-by").
    pub fn id(self) -> &'static str {
        match self {
            DeadlineKind::ComplainBy => "complain-by",
            DeadlineKind::AcknowledgementDue => "acknowledgement-due",
            DeadlineKind::ResponseExpected => "response-expected",
            DeadlineKind::OmbudsmanBy => "ombudsman-by",
            DeadlineKind::AppealBy => "appeal-by",
        }
    }

    pub fn from_id(id: &str) -> Option<DeadlineKind> {
        DeadlineKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// A date that matters, with what it means.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    /// The ids of the rules that decided this route, for tracing it back to the data: the
    /// routing rule first, then any adjustments (see the `ADJUST_*` ids) and help rules.
    pub rules_fired: Vec<String>,
    /// Crisis lines for the person's nation (and area), when someone may be in danger now.
    /// Empty otherwise. The app shows these before anything else.
    pub crisis: Vec<CrisisLine>,
    /// Bodies to tell as well as (never instead of) complaining: a professional regulator for a
    /// serious concern about one person, or a tribunal to challenge a detention.
    pub alongside: Vec<Alternative>,
    /// Parts of this route that a current source did not fully confirm, in words a person can
    /// act on ("check this before you rely on it"). Unconfirmed contact details are marked on
    /// each organisation instead (`confirmed`, `caution`).
    pub unconfirmed: Vec<String>,
    /// When the complaint is about more than one service: where each other service's copy of
    /// the same letter goes, and when each should say it got it (see [`add_copies`]). The
    /// first place (`primary`) leads.
    pub copies: Vec<Strand>,
    /// What to get sorted today, before the complaint (medicines run out, no GP), in plain
    /// words, from the `today` help rules that match.
    pub urgent: Vec<String>,
}

impl Route {
    /// True when the body that pays for the service was put first because the person does not
    /// feel able to complain to the service itself (see [`ADJUST_COMMISSIONER_FIRST`]). In
    /// Northern Ireland that body, the Strategic Planning and Performance Group, is then a
    /// go-between, and the answer takes longer.
    pub fn commissioner_first(&self) -> bool {
        self.rules_fired
            .iter()
            .any(|id| id == ADJUST_COMMISSIONER_FIRST)
    }
}

/// Recorded in `rules_fired` when the person does not feel able to complain to the service and
/// the body that pays for it was moved first.
pub const ADJUST_COMMISSIONER_FIRST: &str = "adjust-commissioner-first-when-not-able";
/// Recorded when the complaint was never acknowledged: the letter becomes a chase.
pub const ADJUST_CHASE_NO_ACKNOWLEDGEMENT: &str = "adjust-chase-no-acknowledgement";
/// Recorded when the answer is late: the letter becomes a chase, and the ombudsman may help.
pub const ADJUST_CHASE_LATE_RESPONSE: &str = "adjust-chase-late-response";
/// Recorded when someone may be in danger and crisis lines were added.
pub const ADJUST_CRISIS_FIRST: &str = "adjust-crisis-first";

/// Fired when the complaint is about more than one service (see [`add_copies`]).
pub const ADJUST_SEVERAL_SERVICES: &str = "adjust-several-services";

/// A complaint about several services, as the rules in every UK nation allow (sources in
/// `research/several-services.md`: in England, regulation 9 of the Local Authority Social
/// Services and National Health Service Complaints (England) Regulations 2009, the duty to
/// co-operate and give one co-ordinated response; in Wales, regulation 17 of the NHS Wales
/// concerns regulations of 2011; in Scotland and Northern Ireland, the model complaints
/// procedures; the Ombudsmen's joint working in England): one letter to the
/// first service's first place (it leads), and a copy of the same letter to the place each
/// other service's own complaint would go, asking them to work together and give one joined-up
/// answer. Only for a first complaint: later stages follow the complaint already made. In
/// England, when the care was both NHS and council social care, the two ombudsmen can also
/// look at it together. A copy that would go where the letter already goes is left out: the
/// same body, or the same described team (a Northern Ireland trust runs health and social
/// care alike). GP practices, dentists, pharmacies and opticians are separate businesses, so
/// two of them are two places even when the same words describe each.
///
/// Each copy carries the date its body should say it got it, worked out by that body's own
/// route (its procedure and nation's rules, counted in its nation's working days), so what
/// happens next can say what to expect from each, and when to chase each.
pub fn add_copies(
    route: &mut Route,
    situation: &Situation,
    also: &[Service],
    data: &DataSet,
    today: Date,
) {
    let stage = situation.stage.unwrap_or(Stage::NotRaised);
    if also.is_empty() || !stage.before_formal_complaint() {
        return;
    }
    let words = &domain_words().route;
    // Each place the letter goes so far, with the service it is for.
    let mut services = vec![situation.service];
    let mut places = vec![route.primary.name()];
    for &service in also {
        let other = Situation {
            service: Some(service),
            private_care: None,
            ..situation.clone()
        };
        // The other service's own route: where its complaint would go, and its dates.
        let Route {
            primary: recipient,
            deadlines,
            ..
        } = self::route(&other, data, today);
        let name = recipient.name();
        let already = places.iter().zip(&services).any(|(place, s)| {
            *place == name
                && !(Some(service) != *s
                    && (is_family_practitioner(service) || s.is_some_and(is_family_practitioner)))
        });
        if already {
            continue;
        }
        services.push(Some(service));
        places.push(name);
        // Only the acknowledgement: the bodies work together on one answer, so the lead's
        // answer date is the one to expect; the time limit to complain is the lead's too.
        route.copies.push(Strand {
            recipient,
            reason: words.copy_reason.into(),
            deadlines: deadlines
                .into_iter()
                .filter(|d| d.kind == DeadlineKind::AcknowledgementDue)
                .collect(),
        });
    }
    if route.copies.is_empty() {
        return;
    }
    route.rules_fired.push(ADJUST_SEVERAL_SERVICES.into());
    route
        .why
        .push(fill(words.several_why, &[&route.primary.name()]));
    let social_care = |s: &Option<Service>| *s == Some(Service::CouncilSocialCare);
    if situation.nation.unwrap_or(Nation::England) == Nation::England
        && services.iter().any(social_care)
        && !services.iter().all(social_care)
    {
        route.why.push(words.joint_ombudsmen.into());
    }
}
/// Recorded when no data rule matched (the data is meant to make this impossible; tested).
pub const FALLBACK_RULE: &str = "fallback-ask-the-service";

/// True for the family practitioner services: GP, dentist, pharmacy and optician. In Northern
/// Ireland these have their own (shorter) response time, which the route's dates and the letter
/// both give.
pub fn is_family_practitioner(service: Service) -> bool {
    matches!(
        service,
        Service::GpPractice
            | Service::GpRegistrationRefused
            | Service::GpRemovalOrSas
            | Service::NhsDentist
            | Service::Pharmacy
            | Service::Optician
    )
}

/// Local roles that stand for "the NHS trust that runs this kind of care in your area". An area
/// can have more than one such trust, so routing says which one it assumed.
const TRUST_ROLES: [&str; 4] = [
    "acute-trust",
    "mental-health-trust",
    "community-trust",
    "ambulance-trust",
];

/// What routing knows while it works: the person's answers with the gaps filled by stated
/// assumptions.
struct Context<'a> {
    situation: &'a Situation,
    data: &'a DataSet,
    nation: Nation,
    /// The area id, only when it is in the data set and in the person's nation.
    area: Option<&'a str>,
    stage: Stage,
}

/// True when a condition list is empty (it matches anything) or contains the value.
fn allows<T: PartialEq>(list: &[T], value: &T) -> bool {
    list.is_empty() || list.contains(value)
}

impl Context<'_> {
    /// Like [`allows`] for the person's service, which may not be known: an unknown service
    /// matches only an empty list.
    fn service_ok(&self, services: &[Service]) -> bool {
        services.is_empty()
            || self
                .situation
                .service
                .is_some_and(|s| services.contains(&s))
    }

    /// A `private_care` condition only narrows privately funded care; for any other service
    /// (and for privately funded care of an unknown kind, when the list is empty) it is ignored.
    fn private_ok(&self, kinds: &[PrivateCareKind]) -> bool {
        kinds.is_empty()
            || self.situation.service != Some(Service::PrivatelyFundedCare)
            || self
                .situation
                .private_care
                .is_some_and(|k| kinds.contains(&k))
    }

    /// The kind of privately funded care routing works with: when the person did not say, a care
    /// home or care at home (the assumption `route` tells them about).
    fn private_kind(&self) -> PrivateCareKind {
        self.situation
            .private_care
            .unwrap_or(PrivateCareKind::CareHomeOrHomeCare)
    }

    fn rule_matches(&self, rule: &Rule) -> bool {
        allows(&rule.nations, &self.nation)
            && self.service_ok(&rule.services)
            && allows(&rule.stages, &self.stage)
            && allows(&rule.private_care, &self.private_kind())
    }

    fn help_matches(&self, help: &HelpRule) -> bool {
        let when_ok = match help.when {
            HelpWhen::Always => true,
            HelpWhen::StillReceivingCare => matches!(
                self.situation.still_receiving_care,
                Some(YesNo::Yes | YesNo::NotSure)
            ),
            HelpWhen::FitnessToPractise => matches!(
                self.situation.fitness_to_practise_concern,
                Some(YesNo::Yes | YesNo::NotSure)
            ),
        };
        when_ok
            && allows(&help.nations, &self.nation)
            && self.service_ok(&help.services)
            && allows(&help.stages, &self.stage)
            && self.private_ok(&help.private_care)
    }

    /// The directory entry for a local role in the person's area, if the area lists one.
    fn local(&self, role: &str) -> Option<&Organisation> {
        self.area.and_then(|area| self.data.local(area, role))
    }

    /// Turns a rule's target into a recipient. When a local role was filled from the area with
    /// an NHS trust, `notes` gets a sentence saying so: an area can have more than one trust.
    fn resolve(&self, target: &Target, notes: &mut Vec<String>) -> Recipient {
        if !target.organisation.is_empty() {
            if let Some(org) = self.data.organisation(&target.organisation) {
                return Recipient::Organisation(org.clone());
            }
        }
        if !target.local_role.is_empty() {
            if let Some(org) = self.local(&target.local_role) {
                let words = &domain_words().route;
                let role = target.local_role.as_str();
                // Wales, Scotland and Northern Ireland each have one ambulance service for
                // the whole nation: no other trust could have been meant.
                let one_for_the_nation =
                    role == "ambulance-trust" && self.nation != Nation::England;
                if TRUST_ROLES.contains(&role) && !one_for_the_nation {
                    notes.push(fill(words.trust_assumed, &[&org.name]));
                } else if role == "health-board" {
                    notes.push(fill(words.board_assumed, &[&org.name]));
                }
                return Recipient::Organisation(org.clone());
            }
            if target.role.is_empty() {
                return Recipient::Role {
                    role: local_role_name(&target.local_role).to_string(),
                    at: String::new(),
                    how_to_find: target.how_to_find.clone(),
                };
            }
        }
        Recipient::Role {
            role: target.role.clone(),
            at: target.at.clone(),
            how_to_find: target.how_to_find.clone(),
        }
    }
}

/// Names the council in a route that says only "your council", once the place the person gave
/// says which council runs social care there (`council`: "Kent" for a postcode in Ashford; see
/// `place::PlaceTable::care_council`). Social care and public health are run by county and
/// unitary councils, not districts: a person in a county often does not know which council
/// that is. Every place the route names (first, the other way, next steps and copies) is
/// named the same way, and the assumption is said, because a council elsewhere may arrange
/// the care. The directory has no councils yet, so this is a named role, with its gap for
/// the address.
pub fn name_the_council(route: &mut Route, council: &str) {
    let words = &domain_words().route;
    let described = domain_words().roles.council;
    // "the council for Dorset", not "for Dorset Council".
    let council = council.strip_suffix(" Council").unwrap_or(council);
    let mut named = false;
    let mut name = |recipient: &mut Recipient| {
        if let Recipient::Role { role, at, .. } = recipient {
            if role == described && at.is_empty() {
                *role = words.council_team.to_string();
                *at = fill(words.council_at, &[council]);
                named = true;
            }
        }
    };
    name(&mut route.primary);
    if let Some(alternative) = &mut route.alternative {
        name(&mut alternative.recipient);
    }
    route.escalation.iter_mut().for_each(&mut name);
    route
        .copies
        .iter_mut()
        .for_each(|copy| name(&mut copy.recipient));
    if named {
        route
            .assumptions
            .push(fill(words.council_assumed, &[council]));
    }
}

/// A plain name for a local role, used when the area has no directory entry for it. Each name
/// reads on its own, because these recipients have no separate "at".
fn local_role_name(role: &str) -> &'static str {
    let names = &domain_words().roles;
    match role {
        "icb" => names.icb,
        "health-board" => names.health_board,
        "advocacy" => names.advocacy,
        "healthwatch" => names.healthwatch,
        "council" => names.council,
        "acute-trust" => names.acute_trust,
        "mental-health-trust" => names.mental_health_trust,
        "community-trust" => names.community_trust,
        "ambulance-trust" => names.ambulance_trust,
        _ => names.other,
    }
}

/// True when two recipients are the same body (same directory entry, or the same described
/// role), so a route never offers one body as both the first choice and the other choice.
fn same_body(a: &Recipient, b: &Recipient) -> bool {
    match (a.organisation(), b.organisation()) {
        (Some(x), Some(y)) => x.id == y.id,
        (None, None) => a.name() == b.name(),
        _ => false,
    }
}

/// A recipient's name for use inside a sentence: "the practice manager at your GP practice",
/// "the Parliamentary and Health Service Ombudsman", "NHS Sussex (...)".
pub fn in_sentence(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("The ") {
        format!("the {rest}")
    } else if let Some(rest) = name.strip_prefix("Your ") {
        format!("your {rest}")
    } else if name.contains("Ombudsman") || name.contains("Complaints Service") {
        // Bodies whose name reads as "the ... Ombudsman" in a sentence.
        format!("the {name}")
    } else {
        name.to_string()
    }
}

/// Where a complaint about `situation` should go, as of `today`.
// Never inlined: `add_copies` calls it as well, and a second copy of its body would be
// kilobytes in the letter tools' download.
#[inline(never)]
pub fn route(situation: &Situation, data: &DataSet, today: Date) -> Route {
    let words = &domain_words().route;
    let mut assumptions = Vec::new();
    let nation = situation.nation.unwrap_or_else(|| {
        assumptions.push(words.assumed_england.to_string());
        Nation::England
    });
    let area = situation
        .area
        .as_deref()
        .filter(|id| data.area(id).is_some_and(|a| a.nation == nation));
    if situation.area.is_some() && area.is_none() {
        assumptions.push(fill(words.area_not_used, &[nation.name()]));
    }
    let stage = situation.stage.unwrap_or_else(|| {
        assumptions.push(words.assumed_not_raised.to_string());
        Stage::NotRaised
    });
    if situation.service.is_none() {
        assumptions.push(words.service_unknown.to_string());
    }
    if situation.service == Some(Service::PrivatelyFundedCare) && situation.private_care.is_none() {
        assumptions.push(words.private_care_unknown.to_string());
    }
    let ctx = Context {
        situation,
        data,
        nation,
        area,
        stage,
    };

    let mut rules_fired = Vec::new();
    let mut why = Vec::new();
    let mut do_not = Vec::new();
    let mut unconfirmed = Vec::new();
    let mut primary;
    let mut alternative;
    let mut escalation: Vec<Recipient>;
    let mut procedure_kind = ProcedureKind::Nhs;
    let mut commissioner_alternative = false;

    match data.rules.iter().find(|r| ctx.rule_matches(r)) {
        Some(rule) => {
            primary = ctx.resolve(&rule.primary, &mut assumptions);
            alternative = rule.alternative.first().map(|t| Alternative {
                recipient: ctx.resolve(t, &mut assumptions),
                reason: rule.alternative_reason.clone(),
            });
            escalation = rule
                .escalation
                .iter()
                .map(|t| ctx.resolve(t, &mut assumptions))
                .collect();
            why.push(rule.why.clone());
            do_not.extend(rule.do_not.iter().cloned());
            if !rule.caution.trim().is_empty() {
                unconfirmed.push(rule.caution.clone());
            }
            procedure_kind = rule.procedure;
            commissioner_alternative = rule.alternative_is_commissioner;
            rules_fired.push(rule.id.clone());
        }
        None => {
            primary = Recipient::Role {
                role: words.fallback_role.into(),
                at: words.fallback_at.into(),
                how_to_find: words.fallback_how_to_find.into(),
            };
            alternative = None;
            escalation = Vec::new();
            why.push(words.fallback_why.to_string());
            rules_fired.push(FALLBACK_RULE.to_string());
        }
    }

    // Not able to complain to the service: put the body that pays for it first, where there is
    // one. (Never an ombudsman: that would skip the service's own answer.)
    if situation.able_to_complain_to_service == Some(YesNo::No) && commissioner_alternative {
        if let Some(alt) = alternative.take_if(|a| !a.recipient.is_ombudsman()) {
            let service = std::mem::replace(&mut primary, alt.recipient);
            alternative = Some(Alternative {
                recipient: service,
                reason: words.commissioner_first_reason.into(),
            });
            why.push(words.commissioner_first_why.into());
            rules_fired.push(ADJUST_COMMISSIONER_FIRST.to_string());
        }
    }

    // One body never appears twice: not as both choices, and not again as a next step.
    if alternative
        .as_ref()
        .is_some_and(|a| same_body(&a.recipient, &primary))
    {
        alternative = None;
    }
    escalation.retain(|r| !same_body(r, &primary));
    if commissioner_alternative {
        if let Some(alt) = &alternative {
            do_not.insert(
                0,
                fill(
                    words.do_not_both,
                    &[
                        &in_sentence(&primary.name()),
                        &in_sentence(&alt.recipient.name()),
                    ],
                ),
            );
        }
    }

    // What the stage changes.
    let next_ombudsman = escalation
        .iter()
        .find(|r| r.is_ombudsman())
        .map(|r| in_sentence(&r.name()));
    match stage {
        Stage::RaisedInformally => why.push(words.raised_informally_why.into()),
        Stage::NoAcknowledgement => {
            why.push(words.no_acknowledgement_why.into());
            rules_fired.push(ADJUST_CHASE_NO_ACKNOWLEDGEMENT.to_string());
        }
        Stage::NoResponseInTime => {
            let then = next_ombudsman
                .as_deref()
                .map(|o| fill(words.late_ombudsman, &[o]))
                .unwrap_or_default();
            why.push(fill(words.late_why, &[&then]));
            rules_fired.push(ADJUST_CHASE_LATE_RESPONSE.to_string());
        }
        _ => {}
    }
    if matches!(
        stage,
        Stage::NotRaised | Stage::RaisedInformally | Stage::NoAcknowledgement
    ) {
        if let Some(ombudsman) = &next_ombudsman {
            do_not.push(fill(words.do_not_ombudsman_yet, &[ombudsman]));
        }
    }

    // Free help and bodies to tell as well: every matching help rule adds one organisation.
    let mut free_help: Vec<Organisation> = Vec::new();
    let mut alongside: Vec<Alternative> = Vec::new();
    let mut urgent: Vec<String> = Vec::new();
    for help in data.help.iter().filter(|h| ctx.help_matches(h)) {
        if help.kind == HelpKind::Today {
            urgent.push(help.reason.clone());
            rules_fired.push(help.id.clone());
            continue;
        }
        let org = if help.local_role.is_empty() {
            None
        } else {
            ctx.local(&help.local_role)
        }
        .or_else(|| data.organisation(&help.organisation));
        let Some(org) = org else { continue };
        let covers_nation = org.nations.contains(&nation);
        let covers_area =
            org.areas.is_empty() || area.is_some_and(|a| org.areas.iter().any(|x| x == a));
        if !covers_nation || !covers_area {
            continue;
        }
        match help.kind {
            HelpKind::FreeHelp if !free_help.iter().any(|o| o.id == org.id) => {
                free_help.push(org.clone());
            }
            HelpKind::Alongside => alongside.push(Alternative {
                recipient: Recipient::Organisation(org.clone()),
                reason: help.reason.clone(),
            }),
            HelpKind::FreeHelp | HelpKind::Today => {}
        }
        rules_fired.push(help.id.clone());
    }

    let in_danger = matches!(situation.in_danger_now, Some(YesNo::Yes | YesNo::NotSure));
    let crisis: Vec<CrisisLine> = if in_danger {
        rules_fired.push(ADJUST_CRISIS_FIRST.to_string());
        data.crisis_lines(nation, area)
            .into_iter()
            .cloned()
            .collect()
    } else {
        Vec::new()
    };

    let procedure = match procedure_kind {
        ProcedureKind::Council => Procedure::Council,
        ProcedureKind::PrivateProvider => Procedure::PrivateProvider,
        ProcedureKind::Police => Procedure::Police,
        ProcedureKind::Nhs => match nation {
            Nation::England => Procedure::NhsEngland,
            Nation::Wales => Procedure::NhsWales,
            Nation::Scotland => Procedure::NhsScotland,
            Nation::NorthernIreland => Procedure::HscNorthernIreland,
        },
    };
    let mut route = Route {
        crisis_first: in_danger,
        procedure,
        primary,
        alternative,
        do_not,
        free_help,
        escalation,
        deadlines: Vec::new(),
        why,
        assumptions,
        rules_fired,
        crisis,
        alongside,
        unconfirmed,
        copies: Vec::new(),
        urgent,
    };
    route.deadlines = deadlines(&ctx, &route, today);
    route
}

/// The usual time limit for making a complaint under `procedure`, in months from when it
/// happened (or when the person found out), with what it means in plain words.
fn complaint_time_limit(procedure: Procedure, nation: Nation) -> Option<(i32, &'static str)> {
    let words = &domain_words().deadlines;
    let twelve = words.limit_twelve_months;
    let six_scotland = words.limit_scotland;
    let six_ni = words.limit_northern_ireland;
    match (procedure, nation) {
        (Procedure::NhsEngland | Procedure::NhsWales, _) => Some((12, twelve)),
        (Procedure::NhsScotland, _) => Some((6, six_scotland)),
        (Procedure::HscNorthernIreland, _) => Some((6, six_ni)),
        (Procedure::Council, Nation::England | Nation::Wales) => Some((12, twelve)),
        (Procedure::Council, Nation::Scotland) => Some((6, six_scotland)),
        (Procedure::Council, Nation::NorthernIreland) => Some((6, six_ni)),
        (Procedure::PrivateProvider | Procedure::Police, _) => None,
    }
}

/// The last day to take a complaint to a body with this time limit (an ombudsman, or a similar
/// final step): counted from the earliest day it could have happened, or from the date of the
/// service's final response. `None` while that day is not known. The route's "Take it to ...
/// by" date and the timeline's "Last day to take it to ..." both come from here.
pub fn time_limit_ends(limit: &TimeLimit, situation: &Situation) -> Option<Date> {
    let from = match limit.counted_from {
        TimeLimitStart::Event => situation.when.and_then(|w| w.earliest()),
        TimeLimitStart::FinalResponse => situation.final_response_date,
    };
    let months = i32::try_from(limit.months).unwrap_or(i32::MAX / 24);
    from.map(|d| d.add_months(months))
}

/// Works out the dates that matter for this stage, for a route that is otherwise complete. Dates
/// count from the earliest day it could have happened, so the app never tells someone they have
/// more time than they really do.
fn deadlines(ctx: &Context<'_>, route: &Route, today: Date) -> Vec<Deadline> {
    let words = &domain_words().deadlines;
    let procedure = route.procedure;
    let mut out = Vec::new();
    let holidays = ctx.data.bank_holidays(ctx.nation);
    let working = |days: u32| Some(today.add_working_days(days, &holidays));
    let earliest = ctx.situation.when.and_then(|w| w.earliest());
    let not_yet = ctx.stage.before_formal_complaint();
    let sending_now = not_yet || ctx.stage == Stage::NoAcknowledgement;
    let passed = |date: Option<Date>| date.is_some_and(|d| d < today);

    let complain_by_date = |date: Option<Date>, note: String| Deadline {
        kind: DeadlineKind::ComplainBy,
        date,
        label: words.complain_by.into(),
        note,
    };
    // "Complain by": `months` after it happened, with the rule, and what to do when the date is
    // unknown or has passed.
    // Something still happening is in time: the limit counts from the last time it happened.
    let ongoing = ctx.situation.when.is_some_and(WhenItHappened::is_ongoing);
    let complain_by = |months: i32, rule: &str| {
        let date = earliest.map(|d| d.add_months(months));
        let mut note = rule.to_string();
        if ongoing {
            note.push_str(words.ongoing_when);
        } else if date.is_none() {
            note.push_str(words.unknown_when);
        } else if passed(date) {
            note.push_str(words.complain_by_passed);
        }
        complain_by_date(date, note)
    };
    if not_yet {
        match complaint_time_limit(procedure, ctx.nation) {
            Some((months, rule)) => out.push(complain_by(months, rule)),
            None if ctx.situation.service == Some(Service::ImmigrationDetentionHealthcare) => {
                out.push(complain_by_date(None, words.limit_detention.into()));
            }
            // The police complaints system has no time limit in law, but may not look at a
            // complaint made over 12 months later.
            None if procedure == Procedure::Police => {
                out.push(complain_by_date(None, words.limit_police.into()));
            }
            None if matches!(
                ctx.private_kind(),
                PrivateCareKind::HospitalOrClinic | PrivateCareKind::Other
            ) =>
            {
                // Private health care: providers in the independent scheme (ISCAS) ask for a
                // complaint within 6 months of the event or of finding out.
                out.push(complain_by(6, words.limit_private_hospital));
            }
            None => out.push(complain_by_date(None, words.limit_private_care.into())),
        }
    }

    if sending_now {
        let england_style = matches!(procedure, Procedure::NhsEngland)
            || (procedure == Procedure::Council && ctx.nation == Nation::England);
        // Fills the gap at the end of the notes that count from today.
        let after = &[words.arrives_today];
        if england_style {
            out.push(Deadline {
                kind: DeadlineKind::AcknowledgementDue,
                date: working(3),
                label: words.acknowledge_by.into(),
                note: fill(words.england_acknowledge, after),
            });
            out.push(Deadline {
                kind: DeadlineKind::ResponseExpected,
                date: Some(today.add_months(6)),
                label: words.answer_by.into(),
                note: words.england_answer.into(),
            });
        } else if procedure == Procedure::NhsWales {
            out.push(Deadline {
                kind: DeadlineKind::AcknowledgementDue,
                date: working(2),
                label: words.acknowledge_by.into(),
                note: fill(words.wales_acknowledge, after),
            });
            out.push(Deadline {
                kind: DeadlineKind::ResponseExpected,
                date: working(30),
                label: words.answer_by.into(),
                note: words.wales_answer.into(),
            });
        } else if procedure == Procedure::PrivateProvider
            && ctx.situation.service == Some(Service::ImmigrationDetentionHealthcare)
        {
            // A removal centre run for the Home Office outside the NHS (Dungavel, in Scotland).
            out.push(Deadline {
                kind: DeadlineKind::ResponseExpected,
                date: working(20),
                label: words.written_answer_by.into(),
                note: fill(words.detention_answer, after),
            });
        } else if procedure == Procedure::Council && ctx.nation == Nation::Wales {
            // Social Services Complaints Procedure (Wales) Regulations 2014: acknowledged within
            // 2 working days of arriving; the offer to talk it through is due within 10 working
            // days of that acknowledgement, so 12 working days from arriving.
            out.push(Deadline {
                kind: DeadlineKind::AcknowledgementDue,
                date: working(2),
                label: words.acknowledge_by.into(),
                note: fill(words.wales_council_acknowledge, after),
            });
            out.push(Deadline {
                kind: DeadlineKind::ResponseExpected,
                date: working(12),
                label: words.talk_by.into(),
                note: words.wales_council_talk.into(),
            });
        } else if procedure == Procedure::NhsScotland
            || (procedure == Procedure::Council && ctx.nation == Nation::Scotland)
            || procedure == Procedure::HscNorthernIreland
        {
            // Two stages, with the same days, in Scotland and, since 1 January 2026, in Northern
            // Ireland's Health and Social Care (NIPSO's model procedure, for Trusts and for GPs,
            // dentists, pharmacies and opticians alike): only the words differ.
            let (stage_one, stage_two_acknowledge, stage_two_answer) =
                if procedure == Procedure::HscNorthernIreland {
                    (
                        words.northern_ireland_stage_one,
                        words.northern_ireland_stage_two_acknowledge,
                        words.northern_ireland_stage_two_answer,
                    )
                } else {
                    (
                        words.scotland_stage_one,
                        words.scotland_stage_two_acknowledge,
                        words.scotland_stage_two_answer,
                    )
                };
            out.push(Deadline {
                kind: DeadlineKind::ResponseExpected,
                date: working(5),
                label: words.stage_one_answer_by.into(),
                note: fill(stage_one, after),
            });
            out.push(Deadline {
                kind: DeadlineKind::AcknowledgementDue,
                date: working(3),
                label: words.stage_two_acknowledge_by.into(),
                note: fill(stage_two_acknowledge, after),
            });
            out.push(Deadline {
                kind: DeadlineKind::ResponseExpected,
                date: working(20),
                label: words.stage_two_answer_by.into(),
                note: stage_two_answer.into(),
            });
        }
    }

    // Appealing a Special Allocation Scheme placement has its own, much shorter, time limit.
    if ctx.nation == Nation::England
        && ctx.situation.service == Some(Service::GpRemovalOrSas)
        && sending_now
    {
        let exact = match ctx.situation.when {
            Some(WhenItHappened::OnDate { date }) => Some(date),
            _ => None,
        };
        let date = exact.map(|d| d.add_days(14));
        let mut note = words.appeal.to_string();
        if date.is_none() {
            note.push_str(words.appeal_unknown);
        } else if passed(date) {
            note.push_str(words.appeal_passed);
        }
        out.push(Deadline {
            kind: DeadlineKind::AppealBy,
            date,
            label: words.appeal_by.into(),
            note,
        });
    }

    // The last day for the final step, once it is in sight.
    if matches!(
        ctx.stage,
        Stage::NoAcknowledgement | Stage::NoResponseInTime | Stage::FinalResponseUnhappy
    ) {
        let candidates = std::iter::once(&route.primary)
            .chain(route.escalation.iter())
            .chain(route.alternative.as_ref().map(|a| &a.recipient));
        let target = candidates
            .filter_map(Recipient::organisation)
            .find_map(|org| org.time_limit.as_ref().map(|limit| (org, limit)));
        if let Some((org, limit)) = target {
            let date = time_limit_ends(limit, ctx.situation);
            let mut note = limit.note.clone();
            if date.is_none() {
                note.push_str(match limit.counted_from {
                    TimeLimitStart::Event if ongoing => words.ongoing_when,
                    TimeLimitStart::Event => words.unknown_when,
                    TimeLimitStart::FinalResponse => words.unknown_final_response,
                });
            } else if passed(date) {
                note.push_str(words.ombudsman_by_passed);
            }
            out.push(Deadline {
                kind: DeadlineKind::OmbudsmanBy,
                date,
                label: fill(words.take_it_to_by, &[&in_sentence(&org.name)]),
                note,
            });
        }
    }
    out
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
        // The routing rule comes first; help rules that added free help follow it.
        assert_eq!(route.rules_fired[0], "england-gp-provider-or-icb");
        assert!(route
            .rules_fired
            .contains(&"england-nhs-complaints-advocacy".to_string()));
        assert!(route
            .free_help
            .iter()
            .any(|o| o.id == "ihcas-brighton-and-hove"));
    }
}
