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

crate::id_enum! {
    /// The four UK nations have four different NHS complaint procedures and ombudsmen.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum Nation {
        /// England.
        England => "england",
        /// Wales.
        Wales => "wales",
        /// Scotland.
        Scotland => "scotland",
        /// Northern Ireland, where health and social care is one service (HSC).
        NorthernIreland => "northern-ireland",
    }
}

impl Nation {
    /// The name people use: "Northern Ireland".
    pub fn name(self) -> &'static str {
        match self {
            Nation::England => "England",
            Nation::Wales => "Wales",
            Nation::Scotland => "Scotland",
            Nation::NorthernIreland => "Northern Ireland",
        }
    }

    /// The nation of a council from its GSS code's first letter, as ONS assigns them ("E06000043"
    /// is in England): the place table and the areas' council lists both read codes this way.
    pub fn of_gss_code(code: &str) -> Option<Nation> {
        match code.bytes().next()? {
            b'E' => Some(Nation::England),
            b'W' => Some(Nation::Wales),
            b'S' => Some(Nation::Scotland),
            b'N' => Some(Nation::NorthernIreland),
            _ => None,
        }
    }
}

crate::id_enum! {
    /// Which kind of service the complaint is about. Flat on purpose: the rules match on these ids
    /// directly. [`Service::group`] gives the first, broader question the journey asks.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum Service {
        /// Care, attitude or access at a GP practice the person is registered with.
        GpPractice => "gp-practice",
        /// A GP practice would not register them (often: no address or no ID).
        GpRegistrationRefused => "gp-registration-refused",
        /// Taken off a GP list, or placed on (or kept on) the Special Allocation Scheme.
        GpRemovalOrSas => "gp-removal-or-sas",
        /// Treatment or attitude at an NHS dental practice.
        NhsDentist => "nhs-dentist",
        /// Cannot find an NHS dentist at all.
        NhsDentistCannotGetOne => "nhs-dentist-cannot-get-one",
        /// Could not get urgent or emergency dental care.
        UrgentDentalCare => "urgent-dental-care",
        /// A community pharmacy (chemist): dispensing, attitude, being refused or banned.
        Pharmacy => "pharmacy",
        /// An NHS optician (sight test, glasses voucher).
        Optician => "optician",
        /// Hospital care on a ward or in clinic.
        Hospital => "hospital",
        /// Accident and emergency (A&E), or an urgent treatment centre.
        #[serde(rename = "hospital-a-and-e")]
        HospitalAandE => "hospital-a-and-e",
        /// Being sent home from hospital: too early, nowhere to go, no plan.
        HospitalDischarge => "hospital-discharge",
        /// Care from an NHS mental health team.
        MentalHealth => "mental-health",
        /// A mental health crisis team, or getting crisis help.
        MentalHealthCrisis => "mental-health-crisis",
        /// Discharged by mental health services with no referral or follow-up.
        MentalHealthDischarge => "mental-health-discharge",
        /// Assessed, detained ("sectioned") or treated under the Mental Health Act.
        MentalHealthAct => "mental-health-act",
        /// A perinatal (pregnancy and after birth) mental health team.
        PerinatalMentalHealth => "perinatal-mental-health",
        /// An ambulance, or NHS 111.
        #[serde(rename = "ambulance-or-111")]
        AmbulanceOr111 => "ambulance-or-111",
        /// Healthcare while in prison.
        PrisonHealthcare => "prison-healthcare",
        /// Medicines or care not ready when leaving prison.
        PrisonReleaseMedicines => "prison-release-medicines",
        /// Healthcare in an immigration removal (detention) centre.
        ImmigrationDetentionHealthcare => "immigration-detention-healthcare",
        /// NHS community services: district nurses, community clinics, therapies.
        CommunityHealth => "community-health",
        /// Social care arranged or paid for by the council.
        CouncilSocialCare => "council-social-care",
        /// A drug or alcohol service, or a sexual health clinic, paid for by the council.
        CouncilPublicHealth => "council-public-health",
        /// Care the person pays for themselves (private care home, home care, private treatment).
        PrivatelyFundedCare => "privately-funded-care",
        /// Healthcare while held in a police station (police custody). Added after the first
        /// services, so it comes last: drafts store services by position.
        PoliceCustodyHealthcare => "police-custody-healthcare",
    }
}

crate::id_enum! {
    /// The broad first question: "What is it about?"
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum ServiceGroup {
        /// A GP practice: care, registering, or being taken off the list.
        Gp => "gp",
        /// An NHS dentist, finding one, or urgent dental care.
        Dentist => "dentist",
        /// A community pharmacy (chemist).
        Pharmacy => "pharmacy",
        /// An NHS optician.
        Optician => "optician",
        /// A hospital: a ward or clinic, A&E, or being sent home.
        Hospital => "hospital",
        /// NHS mental health services, crisis teams and the Mental Health Act.
        MentalHealth => "mental-health",
        /// An ambulance, or NHS 111.
        #[serde(rename = "ambulance-or-111")]
        AmbulanceOr111 => "ambulance-or-111",
        /// Healthcare in prison, on release, in immigration detention, or in police custody.
        Prison => "prison",
        /// NHS community services.
        CommunityHealth => "community-health",
        /// Social care arranged or paid for by the council.
        SocialCare => "social-care",
        /// Drug, alcohol and sexual health services paid for by the council.
        DrugAlcoholSexualHealth => "drug-alcohol-sexual-health",
        /// Care the person pays for themselves.
        PrivateCare => "private-care",
    }
}

impl ServiceGroup {
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
                PoliceCustodyHealthcare,
            ],
            ServiceGroup::CommunityHealth => &[CommunityHealth],
            ServiceGroup::SocialCare => &[CouncilSocialCare],
            ServiceGroup::DrugAlcoholSexualHealth => &[CouncilPublicHealth],
            ServiceGroup::PrivateCare => &[PrivatelyFundedCare],
        }
    }
}

impl Service {
    /// The group the journey's first service question offers.
    pub fn group(self) -> ServiceGroup {
        ServiceGroup::ALL
            .into_iter()
            .find(|g| g.services().contains(&self))
            .expect("every service belongs to exactly one group (tested)")
    }
}

crate::id_enum! {
    /// How far the complaint has already gone.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum Stage {
        /// Not raised with anyone yet.
        NotRaised => "not-raised",
        /// Mentioned it to staff, or to PALS, but no formal complaint.
        RaisedInformally => "raised-informally",
        /// Made a complaint and nobody acknowledged it.
        NoAcknowledgement => "no-acknowledgement",
        /// Acknowledged, but no answer by the time they agreed.
        NoResponseInTime => "no-response-in-time",
        /// Got a final response and are not satisfied.
        FinalResponseUnhappy => "final-response-unhappy",
        /// Already with an ombudsman.
        WithOmbudsman => "with-ombudsman",
    }
}

impl Stage {
    /// True before a formal complaint has been made: the only stages the time limit for a
    /// first complaint applies to.
    pub fn before_formal_complaint(self) -> bool {
        matches!(self, Stage::NotRaised | Stage::RaisedInformally)
    }

    /// True once the service has given its final answer (they are unhappy with it, or it is
    /// already with an ombudsman): the route then starts at the ombudsman, not the service.
    pub fn after_final_answer(self) -> bool {
        matches!(self, Stage::FinalResponseUnhappy | Stage::WithOmbudsman)
    }
}

/// When it happened, or when they found out. People often only know roughly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
// Externally tagged (serde's default): postcard, used for the tab's storage and for drafts, cannot
// read back an internally tagged enum.
#[serde(rename_all = "kebab-case")]
pub enum WhenItHappened {
    /// A known day.
    OnDate {
        /// The day.
        date: Date,
    },
    /// A month and year, no day.
    AroundMonth {
        /// The year.
        year: i32,
        /// The month, 1 to 12.
        month: u8,
    },
    /// They are not sure.
    NotSure,
    /// It is still happening (a wait that has not ended, a review that never came). Last, so
    /// answers saved before it existed read the same.
    Ongoing,
    /// A year, with no month. After `Ongoing` for the same reason.
    InYear {
        /// The year.
        year: i32,
    },
}

impl WhenItHappened {
    /// The earliest day it could have been. Deadlines count from this so the app never tells
    /// someone they have more time than they really do.
    pub fn earliest(self) -> Option<Date> {
        match self {
            WhenItHappened::OnDate { date } => Some(date),
            WhenItHappened::AroundMonth { year, month } => Date::new(year, month, 1),
            WhenItHappened::InYear { year } => Date::new(year, 1, 1),
            WhenItHappened::NotSure | WhenItHappened::Ongoing => None,
        }
    }

    /// True when it is still happening: no time limit has started to run out.
    pub fn is_ongoing(self) -> bool {
        self == WhenItHappened::Ongoing
    }

    /// Words for a letter or a summary: "on 3 April 2026", "around April 2026".
    pub fn describe(self) -> Option<String> {
        match self {
            WhenItHappened::OnDate { date } => Some(format!("on {}", date.long())),
            WhenItHappened::AroundMonth { year, month } => {
                Some(format!("around {} {}", Date::month_name(month)?, year))
            }
            WhenItHappened::InYear { year } => Some(format!("in {year}")),
            WhenItHappened::NotSure | WhenItHappened::Ongoing => None,
        }
    }
}

/// A yes / no / not sure answer. `None` in an `Option<YesNo>` means "not answered".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum YesNo {
    /// Yes.
    Yes,
    /// No.
    No,
    /// They are not sure.
    NotSure,
}

crate::id_enum! {
    /// What kind of privately funded care, when the service is [`Service::PrivatelyFundedCare`].
    /// The route differs: a private dentist goes to the Dental Complaints Service, a care home or
    /// home care (in England) to the Local Government and Social Care Ombudsman.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum PrivateCareKind {
        /// A care home, or care at home, that the person pays for.
        CareHomeOrHomeCare => "care-home-or-home-care",
        /// Dental treatment the person paid for (not NHS).
        Dental => "dental",
        /// A private hospital or clinic.
        HospitalOrClinic => "hospital-or-clinic",
        /// Something else the person paid for.
        Other => "other",
    }
}

impl YesNo {
    /// Every answer, in the order declared.
    pub const ALL: [YesNo; 3] = [YesNo::Yes, YesNo::No, YesNo::NotSure];
}

/// Everything routing looks at. All fields are optional where the person may skip the question:
/// routing must still give a safe, useful answer (and say what it assumed).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Situation {
    /// Where it happened: each nation has its own procedure and ombudsman.
    pub nation: Option<Nation>,
    /// An area id from the area list (`assets/data/areas.toml`), for local contacts.
    pub area: Option<String>,
    /// Which service the complaint is about.
    pub service: Option<Service>,
    /// How far the complaint has already gone.
    pub stage: Option<Stage>,
    /// When it happened, or when they found out.
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
        if matches!(self.nation, Some(Nation::England | Nation::Wales) | None)
            && self.service == Some(Service::PoliceCustodyHealthcare)
        {
            // Healthcare in a police station in England and Wales goes through the police
            // complaints system, which has no fixed time limit in law (a force may decline a
            // complaint made more than 12 months later without a good reason), and routing gives
            // no "complain by" date for it.
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
