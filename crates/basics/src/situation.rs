//! The person's situation: everything routing needs to know, and nothing it does not.
//!
//! The journey collects answers (the app's `domain::answers`); the situation is the part of
//! those answers that decides *where a complaint goes*. Keeping it small and fully typed lets the
//! routing function be total (every possible situation has a route) and lets property tests
//! enumerate or generate every combination.
//!
//! The data files name these types too, so they live in the basics crate, which `build.rs`
//! uses to check those files.
//!
//! Every enum has a stable kebab-case id (via serde) used by the data files, the scenario tables
//! and the URL of each interview step. Never rename an id: saved drafts and scenarios use them.

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// The four UK nations have four different NHS complaint procedures and ombudsmen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Nation {
    England,
    Wales,
    Scotland,
    NorthernIreland,
}

impl Nation {
    pub const ALL: [Nation; 4] = [
        Nation::England,
        Nation::Wales,
        Nation::Scotland,
        Nation::NorthernIreland,
    ];

    /// The stable id, as used in data files ("northern-ireland").
    pub fn id(self) -> &'static str {
        match self {
            Nation::England => "england",
            Nation::Wales => "wales",
            Nation::Scotland => "scotland",
            Nation::NorthernIreland => "northern-ireland",
        }
    }

    pub fn from_id(id: &str) -> Option<Nation> {
        Nation::ALL.into_iter().find(|n| n.id() == id)
    }

    /// The name people use: "Northern Ireland".
    pub fn name(self) -> &'static str {
        match self {
            Nation::England => "England",
            Nation::Wales => "Wales",
            Nation::Scotland => "Scotland",
            Nation::NorthernIreland => "Northern Ireland",
        }
    }
}

/// Which kind of service the complaint is about. Flat on purpose: the rules match on these ids
/// directly. [`Service::group`] gives the first, broader question the journey asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Service {
    /// Care, attitude or access at a GP practice the person is registered with.
    GpPractice,
    /// A GP practice would not register them (often: no address or no ID).
    GpRegistrationRefused,
    /// Taken off a GP list, or placed on (or kept on) the Special Allocation Scheme.
    GpRemovalOrSas,
    /// Treatment or attitude at an NHS dental practice.
    NhsDentist,
    /// Cannot find an NHS dentist at all.
    NhsDentistCannotGetOne,
    /// Could not get urgent or emergency dental care.
    UrgentDentalCare,
    /// A community pharmacy (chemist): dispensing, attitude, being refused or banned.
    Pharmacy,
    /// An NHS optician (sight test, glasses voucher).
    Optician,
    /// Hospital care on a ward or in clinic.
    Hospital,
    /// Accident and emergency (A&E), or an urgent treatment centre.
    #[serde(rename = "hospital-a-and-e")]
    HospitalAandE,
    /// Being sent home from hospital: too early, nowhere to go, no plan.
    HospitalDischarge,
    /// Care from an NHS mental health team.
    MentalHealth,
    /// A mental health crisis team, or getting crisis help.
    MentalHealthCrisis,
    /// Discharged by mental health services with no referral or follow-up.
    MentalHealthDischarge,
    /// Assessed, detained ("sectioned") or treated under the Mental Health Act.
    MentalHealthAct,
    /// A perinatal (pregnancy and after birth) mental health team.
    PerinatalMentalHealth,
    /// An ambulance, or NHS 111.
    #[serde(rename = "ambulance-or-111")]
    AmbulanceOr111,
    /// Healthcare while in prison.
    PrisonHealthcare,
    /// Medicines or care not ready when leaving prison.
    PrisonReleaseMedicines,
    /// Healthcare in an immigration removal (detention) centre.
    ImmigrationDetentionHealthcare,
    /// NHS community services: district nurses, community clinics, therapies.
    CommunityHealth,
    /// Social care arranged or paid for by the council.
    CouncilSocialCare,
    /// A drug or alcohol service, or a sexual health clinic, paid for by the council.
    CouncilPublicHealth,
    /// Care the person pays for themselves (private care home, home care, private treatment).
    PrivatelyFundedCare,
}

/// The broad first question: "What is it about?"
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceGroup {
    Gp,
    Dentist,
    Pharmacy,
    Optician,
    Hospital,
    MentalHealth,
    #[serde(rename = "ambulance-or-111")]
    AmbulanceOr111,
    Prison,
    CommunityHealth,
    SocialCare,
    DrugAlcoholSexualHealth,
    PrivateCare,
}

impl ServiceGroup {
    pub const ALL: [ServiceGroup; 12] = [
        ServiceGroup::Gp,
        ServiceGroup::Dentist,
        ServiceGroup::Pharmacy,
        ServiceGroup::Optician,
        ServiceGroup::Hospital,
        ServiceGroup::MentalHealth,
        ServiceGroup::AmbulanceOr111,
        ServiceGroup::Prison,
        ServiceGroup::CommunityHealth,
        ServiceGroup::SocialCare,
        ServiceGroup::DrugAlcoholSexualHealth,
        ServiceGroup::PrivateCare,
    ];

    /// The stable id ("ambulance-or-111"), matching the serde form.
    pub fn id(self) -> &'static str {
        match self {
            ServiceGroup::Gp => "gp",
            ServiceGroup::Dentist => "dentist",
            ServiceGroup::Pharmacy => "pharmacy",
            ServiceGroup::Optician => "optician",
            ServiceGroup::Hospital => "hospital",
            ServiceGroup::MentalHealth => "mental-health",
            ServiceGroup::AmbulanceOr111 => "ambulance-or-111",
            ServiceGroup::Prison => "prison",
            ServiceGroup::CommunityHealth => "community-health",
            ServiceGroup::SocialCare => "social-care",
            ServiceGroup::DrugAlcoholSexualHealth => "drug-alcohol-sexual-health",
            ServiceGroup::PrivateCare => "private-care",
        }
    }

    pub fn from_id(id: &str) -> Option<ServiceGroup> {
        ServiceGroup::ALL.into_iter().find(|g| g.id() == id)
    }

    /// The services in this group, in the order the journey lists them.
    pub fn services(self) -> &'static [Service] {
        use Service::*;
        match self {
            ServiceGroup::Gp => &[GpPractice, GpRegistrationRefused, GpRemovalOrSas],
            ServiceGroup::Dentist => &[NhsDentist, NhsDentistCannotGetOne, UrgentDentalCare],
            ServiceGroup::Pharmacy => &[Pharmacy],
            ServiceGroup::Optician => &[Optician],
            ServiceGroup::Hospital => &[Hospital, HospitalAandE, HospitalDischarge],
            ServiceGroup::MentalHealth => &[
                MentalHealth,
                MentalHealthCrisis,
                MentalHealthDischarge,
                MentalHealthAct,
                PerinatalMentalHealth,
            ],
            ServiceGroup::AmbulanceOr111 => &[AmbulanceOr111],
            ServiceGroup::Prison => &[
                PrisonHealthcare,
                PrisonReleaseMedicines,
                ImmigrationDetentionHealthcare,
            ],
            ServiceGroup::CommunityHealth => &[CommunityHealth],
            ServiceGroup::SocialCare => &[CouncilSocialCare],
            ServiceGroup::DrugAlcoholSexualHealth => &[CouncilPublicHealth],
            ServiceGroup::PrivateCare => &[PrivatelyFundedCare],
        }
    }
}

impl Service {
    pub const ALL: [Service; 24] = [
        Service::GpPractice,
        Service::GpRegistrationRefused,
        Service::GpRemovalOrSas,
        Service::NhsDentist,
        Service::NhsDentistCannotGetOne,
        Service::UrgentDentalCare,
        Service::Pharmacy,
        Service::Optician,
        Service::Hospital,
        Service::HospitalAandE,
        Service::HospitalDischarge,
        Service::MentalHealth,
        Service::MentalHealthCrisis,
        Service::MentalHealthDischarge,
        Service::MentalHealthAct,
        Service::PerinatalMentalHealth,
        Service::AmbulanceOr111,
        Service::PrisonHealthcare,
        Service::PrisonReleaseMedicines,
        Service::ImmigrationDetentionHealthcare,
        Service::CommunityHealth,
        Service::CouncilSocialCare,
        Service::CouncilPublicHealth,
        Service::PrivatelyFundedCare,
    ];

    /// The stable id used in data files and scenarios ("gp-removal-or-sas").
    pub fn id(self) -> &'static str {
        use Service::*;
        match self {
            GpPractice => "gp-practice",
            GpRegistrationRefused => "gp-registration-refused",
            GpRemovalOrSas => "gp-removal-or-sas",
            NhsDentist => "nhs-dentist",
            NhsDentistCannotGetOne => "nhs-dentist-cannot-get-one",
            UrgentDentalCare => "urgent-dental-care",
            Pharmacy => "pharmacy",
            Optician => "optician",
            Hospital => "hospital",
            HospitalAandE => "hospital-a-and-e",
            HospitalDischarge => "hospital-discharge",
            MentalHealth => "mental-health",
            MentalHealthCrisis => "mental-health-crisis",
            MentalHealthDischarge => "mental-health-discharge",
            MentalHealthAct => "mental-health-act",
            PerinatalMentalHealth => "perinatal-mental-health",
            AmbulanceOr111 => "ambulance-or-111",
            PrisonHealthcare => "prison-healthcare",
            PrisonReleaseMedicines => "prison-release-medicines",
            ImmigrationDetentionHealthcare => "immigration-detention-healthcare",
            CommunityHealth => "community-health",
            CouncilSocialCare => "council-social-care",
            CouncilPublicHealth => "council-public-health",
            PrivatelyFundedCare => "privately-funded-care",
        }
    }

    pub fn from_id(id: &str) -> Option<Service> {
        Service::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The group the journey's first service question offers.
    pub fn group(self) -> ServiceGroup {
        ServiceGroup::ALL
            .into_iter()
            .find(|g| g.services().contains(&self))
            .expect("every service belongs to exactly one group (tested)")
    }
}

/// How far the complaint has already gone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Not raised with anyone yet.
    NotRaised,
    /// Mentioned it to staff, or to PALS, but no formal complaint.
    RaisedInformally,
    /// Made a complaint and nobody acknowledged it.
    NoAcknowledgement,
    /// Acknowledged, but no answer by the time they agreed.
    NoResponseInTime,
    /// Got a final response and are not satisfied.
    FinalResponseUnhappy,
    /// Already with an ombudsman.
    WithOmbudsman,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::NotRaised,
        Stage::RaisedInformally,
        Stage::NoAcknowledgement,
        Stage::NoResponseInTime,
        Stage::FinalResponseUnhappy,
        Stage::WithOmbudsman,
    ];

    /// True before a formal complaint has been made: the only stages the time limit for a
    /// first complaint applies to.
    pub fn before_formal_complaint(self) -> bool {
        matches!(self, Stage::NotRaised | Stage::RaisedInformally)
    }

    pub fn id(self) -> &'static str {
        match self {
            Stage::NotRaised => "not-raised",
            Stage::RaisedInformally => "raised-informally",
            Stage::NoAcknowledgement => "no-acknowledgement",
            Stage::NoResponseInTime => "no-response-in-time",
            Stage::FinalResponseUnhappy => "final-response-unhappy",
            Stage::WithOmbudsman => "with-ombudsman",
        }
    }

    pub fn from_id(id: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// When it happened, or when they found out. People often only know roughly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
// Externally tagged (serde's default): postcard, used for the tab's storage and for drafts, cannot
// read back an internally tagged enum.
#[serde(rename_all = "kebab-case")]
pub enum WhenItHappened {
    /// A known day.
    OnDate { date: Date },
    /// A month and year, no day.
    AroundMonth { year: i32, month: u8 },
    /// They are not sure.
    NotSure,
}

impl WhenItHappened {
    /// The earliest day it could have been. Deadlines count from this so the app never tells
    /// someone they have more time than they really do.
    pub fn earliest(self) -> Option<Date> {
        match self {
            WhenItHappened::OnDate { date } => Some(date),
            WhenItHappened::AroundMonth { year, month } => Date::new(year, month, 1),
            WhenItHappened::NotSure => None,
        }
    }

    /// Words for a letter or a summary: "on 3 April 2026", "around April 2026".
    pub fn describe(self) -> Option<String> {
        match self {
            WhenItHappened::OnDate { date } => Some(format!("on {}", date.long())),
            WhenItHappened::AroundMonth { year, month } => {
                Some(format!("around {} {}", Date::month_name(month)?, year))
            }
            WhenItHappened::NotSure => None,
        }
    }
}

/// A yes / no / not sure answer. `None` in an `Option<YesNo>` means "not answered".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum YesNo {
    Yes,
    No,
    NotSure,
}

/// What kind of privately funded care, when the service is [`Service::PrivatelyFundedCare`].
/// The route differs: a private dentist goes to the Dental Complaints Service, a care home or
/// home care (in England) to the Local Government and Social Care Ombudsman.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PrivateCareKind {
    /// A care home, or care at home, that the person pays for.
    CareHomeOrHomeCare,
    /// Dental treatment the person paid for (not NHS).
    Dental,
    /// A private hospital or clinic.
    HospitalOrClinic,
    /// Something else the person paid for.
    Other,
}

impl PrivateCareKind {
    pub const ALL: [PrivateCareKind; 4] = [
        PrivateCareKind::CareHomeOrHomeCare,
        PrivateCareKind::Dental,
        PrivateCareKind::HospitalOrClinic,
        PrivateCareKind::Other,
    ];

    /// The stable id used in data files and scenarios ("care-home-or-home-care").
    pub fn id(self) -> &'static str {
        match self {
            PrivateCareKind::CareHomeOrHomeCare => "care-home-or-home-care",
            PrivateCareKind::Dental => "dental",
            PrivateCareKind::HospitalOrClinic => "hospital-or-clinic",
            PrivateCareKind::Other => "other",
        }
    }

    pub fn from_id(id: &str) -> Option<PrivateCareKind> {
        PrivateCareKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

impl YesNo {
    pub const ALL: [YesNo; 3] = [YesNo::Yes, YesNo::No, YesNo::NotSure];
}

/// Everything routing looks at. All fields are optional where the person may skip the question:
/// routing must still give a safe, useful answer (and say what it assumed).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Situation {
    pub nation: Option<Nation>,
    /// An area id from the area list (`assets/data/areas.toml`), for local contacts.
    pub area: Option<String>,
    pub service: Option<Service>,
    pub stage: Option<Stage>,
    pub when: Option<WhenItHappened>,
    /// When a final response arrived (for ombudsman time limits), if they know.
    pub final_response_date: Option<Date>,
    /// Do they feel able to complain to the service itself? `No` points to the commissioner.
    pub able_to_complain_to_service: Option<YesNo>,
    /// Still receiving care from this service (PALS can help with urgent problems).
    pub still_receiving_care: Option<YesNo>,
    /// A serious concern about one professional's fitness to practise.
    pub fitness_to_practise_concern: Option<YesNo>,
    /// Is anyone in danger right now? `Yes` puts crisis help before everything else.
    pub in_danger_now: Option<YesNo>,
    /// Only for privately funded care: what kind it was. Added after the first fields, so it
    /// comes last.
    pub private_care: Option<PrivateCareKind>,
}

impl Situation {
    /// The usual time limit for a first complaint, in months from when it happened: 12 in
    /// England and Wales; 6 in Scotland and Northern Ireland; for care the person paid for
    /// themselves, 6 for private health care (the ISCAS code) and none in law for a care home or
    /// care at home. The journey uses it to ask "why now?" only when the limit has
    /// passed; routing states the same limits per procedure, and a test keeps the two in step.
    pub fn usual_time_limit_months(&self) -> Option<i32> {
        if self.service == Some(Service::PrivatelyFundedCare) {
            // Private health care: providers in the independent scheme (ISCAS) ask for a
            // complaint within 6 months. Care homes and care at home have no fixed limit.
            return match self.private_care {
                Some(PrivateCareKind::HospitalOrClinic | PrivateCareKind::Other) => Some(6),
                _ => None,
            };
        }
        if self.nation == Some(Nation::Scotland)
            && self.service == Some(Service::ImmigrationDetentionHealthcare)
        {
            // Dungavel's healthcare is run for the Home Office, outside the NHS procedure, and
            // we found no time limit for it.
            return None;
        }
        match self.nation {
            Some(Nation::Scotland | Nation::NorthernIreland) => Some(6),
            Some(Nation::England | Nation::Wales) | None => Some(12),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_service_is_in_exactly_one_group() {
        for service in Service::ALL {
            let groups = ServiceGroup::ALL
                .iter()
                .filter(|g| g.services().contains(&service))
                .count();
            assert_eq!(groups, 1, "{service:?}");
        }
        let listed: usize = ServiceGroup::ALL.iter().map(|g| g.services().len()).sum();
        assert_eq!(listed, Service::ALL.len());
    }

    #[test]
    fn ids_round_trip_and_are_unique() {
        for s in Service::ALL {
            assert_eq!(Service::from_id(s.id()), Some(s));
        }
        for s in Stage::ALL {
            assert_eq!(Stage::from_id(s.id()), Some(s));
        }
        for n in Nation::ALL {
            assert_eq!(Nation::from_id(n.id()), Some(n));
        }
        let mut ids: Vec<_> = Service::ALL.iter().map(|s| s.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Service::ALL.len());
    }

    #[test]
    fn rough_dates_count_from_the_first_of_the_month() {
        let when = WhenItHappened::AroundMonth {
            year: 2026,
            month: 4,
        };
        assert_eq!(when.earliest(), Date::new(2026, 4, 1));
        assert_eq!(when.describe().as_deref(), Some("around April 2026"));
        assert_eq!(WhenItHappened::NotSure.earliest(), None);
    }
}
