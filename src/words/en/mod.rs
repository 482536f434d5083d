//! The English catalogue: every question, option, box, error and page-frame sentence of the
//! journey. Plain words, short sentences, always spoken to the person whose complaint it is,
//! even when someone is helping them type (the helper gets a short note of their own).

pub mod concerns;
pub mod domain;
mod screens;

use super::{
    same, Catalogue, ErrorWords, FieldWords, OptionWords, PageWords, QuestionWords, Words,
};
use crate::domain::fields::TextField as F;
use crate::domain::questions::Step;
use crate::domain::when::DateProblem as D;

const fn opt(value: &'static str, label: &'static str) -> OptionWords {
    OptionWords {
        value,
        label: same(label),
        hint: None,
        summary: None,
    }
}

const fn opt_hint(value: &'static str, label: &'static str, hint: &'static str) -> OptionWords {
    OptionWords {
        hint: Some(hint),
        ..opt(value, label)
    }
}

const fn short(option: OptionWords, summary: &'static str) -> OptionWords {
    OptionWords {
        summary: Some(summary),
        ..option
    }
}

const fn q(step: Step, title: Words, summary: &'static str) -> QuestionWords {
    QuestionWords {
        step,
        title,
        hint: None,
        summary: Some(summary),
        options: &[],
        missing: None,
    }
}

const fn hinted(question: QuestionWords, hint: Words) -> QuestionWords {
    QuestionWords {
        hint: Some(hint),
        ..question
    }
}

const fn choose(question: QuestionWords, options: &'static [OptionWords]) -> QuestionWords {
    QuestionWords {
        options,
        ..question
    }
}

const fn needed(question: QuestionWords, missing: Words) -> QuestionWords {
    QuestionWords {
        missing: Some(missing),
        ..question
    }
}

const fn page(step: Step, title: &'static str) -> QuestionWords {
    QuestionWords {
        summary: None,
        ..q(step, same(title), "")
    }
}

const YES_NO_SURE: &[OptionWords] = &[
    opt("yes", "Yes"),
    opt("no", "No"),
    short(opt("not-sure", "I'm not sure"), "Not sure"),
];

const SERVICE_GROUPS: &[OptionWords] = &[
    opt_hint(
        "gp",
        "A GP practice (doctor's surgery)",
        "Including being refused, taken off the list, or the Special Allocation Scheme",
    ),
    opt_hint(
        "dentist",
        "An NHS dentist",
        "Including not being able to find one, or urgent dental care",
    ),
    opt("pharmacy", "A pharmacy (chemist)"),
    opt("optician", "An optician"),
    opt_hint(
        "hospital",
        "A hospital",
        "Including A&E and being sent home",
    ),
    opt_hint(
        "mental-health",
        "A mental health service",
        "Including crisis teams and the Mental Health Act",
    ),
    opt("ambulance-or-111", "An ambulance, or NHS 111"),
    opt_hint(
        "prison",
        "Healthcare in prison, immigration detention or a police station",
        "Including medicines when leaving prison",
    ),
    opt_hint(
        "community-health",
        "A community health service",
        "For example, district nurses or a community clinic",
    ),
    opt_hint(
        "social-care",
        "Social care from the council",
        "For example, carers at home or a care assessment",
    ),
    opt(
        "drug-alcohol-sexual-health",
        "A drug, alcohol or sexual health service",
    ),
    opt_hint(
        "private-care",
        "Care that is paid for privately",
        "For example, a care home or treatment you pay for yourself",
    ),
];

const SERVICES: &[OptionWords] = &[
    opt_hint(
        "gp-practice",
        "Care or treatment at the GP practice",
        "For example, appointments, attitude, prescriptions or a diagnosis",
    ),
    OptionWords {
        hint: Some("For example, because of no address or no ID"),
        ..opt(
            "gp-registration-refused",
            "The GP practice would not register me",
        )
    },
    opt(
        "gp-removal-or-sas",
        "I was taken off the list, or put on the Special Allocation Scheme",
    ),
    opt("nhs-dentist", "Care or treatment at the dentist"),
    opt("nhs-dentist-cannot-get-one", "I cannot find an NHS dentist"),
    opt_hint(
        "urgent-dental-care",
        "Could not get urgent dental care",
        "For example, when in pain",
    ),
    opt("hospital", "Care on a ward or at a clinic"),
    opt("hospital-a-and-e", "A&E or an urgent treatment centre"),
    opt_hint(
        "hospital-discharge",
        "Being sent home from hospital",
        "For example, too early, with nowhere to go, or with no plan",
    ),
    opt("mental-health", "Care from a mental health team"),
    opt(
        "mental-health-crisis",
        "A crisis team, or getting help in a crisis",
    ),
    opt(
        "mental-health-discharge",
        "Being discharged with no support or referral",
    ),
    opt_hint(
        "mental-health-act",
        "Being assessed or kept in hospital under the Mental Health Act",
        "Sometimes called being sectioned",
    ),
    opt_hint(
        "perinatal-mental-health",
        "A perinatal mental health team",
        "Mental health care in pregnancy or after a birth",
    ),
    opt("prison-healthcare", "Healthcare while in prison"),
    opt(
        "prison-release-medicines",
        "Medicines or care not ready when leaving prison",
    ),
    opt(
        "immigration-detention-healthcare",
        "Healthcare in an immigration removal centre",
    ),
    opt(
        "police-custody-healthcare",
        "Healthcare while held in a police station",
    ),
];

const STAGES: &[OptionWords] = &[
    opt("not-raised", "No, not yet"),
    opt_hint(
        "raised-informally",
        "I told staff or PALS, but did not make a formal complaint",
        "PALS is the patient advice service in hospitals",
    ),
    opt("no-acknowledgement", "Yes, but nobody has replied"),
    opt(
        "no-response-in-time",
        "Yes, they said they got it, but have not answered in the time they gave",
    ),
    opt(
        "final-response-unhappy",
        "Yes, I got their final answer and I am not happy with it",
    ),
    opt_hint(
        "with-ombudsman",
        "It is already with an ombudsman",
        "An ombudsman is the independent final step",
    ),
];

/// The English catalogue.
pub const ENGLISH: Catalogue = Catalogue {
    questions: &[
        choose(
            hinted(
                QuestionWords {
                    summary: None,
                    ..q(Step::Safe, same("Are you safe right now?"), "")
                },
                same("If you are in danger, or might hurt yourself, we will show you who can help straight away."),
            ),
            // The answer stored is whether they are in danger, so "Yes, I am safe" is "no".
            &[
                opt("no", "Yes, I am safe"),
                opt("yes", "No, I am not safe"),
                opt("not-sure", "I'm not sure"),
            ],
        ),
        needed(
            choose(
                q(Step::Who, same("Who is filling this in?"), "Who is filling this in"),
                &[
                    short(opt("me", "Me. It is my complaint"), "Me"),
                    short(
                        opt_hint(
                            "helping",
                            "I am helping someone else with their complaint",
                            "For example, as their support worker, friend or family member. The letter will still be in their words.",
                        ),
                        "I am helping someone",
                    ),
                ],
            ),
            same("Select who is filling this in"),
        ),
        q(Step::Supporter, same("About you, the helper"), "Helper"),
        choose(
            hinted(
                q(
                    Step::Consent,
                    same("For the person the complaint is about: do you agree to this person helping you complain?"),
                    "They have agreed",
                ),
                same("Helper, please let them read this and answer. If they cannot answer because of their health, choose 'I'm not sure'. The service will usually ask them to sign a form. We will make one to print."),
            ),
            &[
                short(opt("yes", "Yes, I agree"), "Yes"),
                short(opt("no", "No, not yet"), "No"),
                short(opt("not-sure", "I'm not sure"), "Not sure"),
            ],
        ),
        choose(
            hinted(
                q(
                    Step::ConsentShare,
                    same("For the person the complaint is about: can the service talk to the person helping you about it?"),
                    "Share information with the helper",
                ),
                same("If you say yes, the service can talk to them about your complaint and send them a copy of its reply."),
            ),
            YES_NO_SURE,
        ),
        needed(
            choose(
                hinted(
                    q(Step::ServiceGroup, same("What is the complaint about?"), "What it is about"),
                    same("If it is about more than one, choose the one that matters most. You can add the others before you see the letter."),
                ),
                SERVICE_GROUPS,
            ),
            same("Select what the complaint is about. If you are not sure, choose the closest"),
        ),
        needed(
            choose(
                QuestionWords {
                    summary: None,
                    ..q(Step::Service, same("Which of these is closest?"), "")
                },
                SERVICES,
            ),
            same("Select the one that is closest"),
        ),
        choose(
            hinted(
                q(
                    Step::PrivateCare,
                    same("What kind of care was paid for privately?"),
                    "Kind of private care",
                ),
                same("Complaints about private care go to different places depending on the kind of care."),
            ),
            &[
                opt("care-home-or-home-care", "A care home, or carers at home"),
                opt("dental", "Dental treatment"),
                opt("hospital-or-clinic", "A private hospital or clinic"),
                opt("other", "Something else"),
            ],
        ),
        needed(
            hinted(
                q(Step::Area, same("Where did this happen?"), "Where"),
                same("The rules for complaints are different in each part of the UK. This also helps us find free local help. We never look anything up online."),
            ),
            same("Select where it happened, or type the first part of the postcode. The rules are different in each part of the UK"),
        ),
        hinted(
            q(
                Step::ServiceName,
                same("What is the service called, and where is it?"),
                "Name and address of the service",
            ),
            same("Both are optional. They put the right name and address on your letter. To find the address, search for the name online or ask at the front desk."),
        ),
        choose(
            hinted(
                q(
                    Step::OtherServices,
                    same("Was anyone else involved? (optional)"),
                    "Anyone else involved",
                ),
                same("For example, care fell between the GP, the pharmacy and the hospital. Choose any, or none. You still write one letter."),
            ),
            &[
                opt("gp-practice", "A GP practice"),
                opt("pharmacy", "A pharmacy (chemist)"),
                opt("hospital", "A hospital"),
                opt("mental-health", "A mental health team"),
                opt("ambulance-or-111", "An ambulance or NHS 111"),
                opt("community-health", "Community health care, like district nurses"),
                opt("council-social-care", "Council social care"),
                opt("prison-healthcare", "Prison healthcare"),
                opt("nhs-dentist", "An NHS dentist"),
            ],
        ),
        hinted(
            q(
                Step::OtherNames,
                same("What are they called? (optional)"),
                "Their names",
            ),
            same("For example, Boots on London Road and the Royal Sussex County Hospital. The letter uses your words."),
        ),
        needed(
            hinted(
                q(
                    Step::WhatHappened,
                    same("What happened? Write it in your own words"),
                    "What happened",
                ),
                same("Write it the way you would say it. Your words go into the letter exactly as you write them. You can change them later."),
            ),
            same("Write what happened. A few words are enough to start"),
        ),
        choose(
            hinted(
                q(Step::When, same("When did it happen?"), "When"),
                same("Or when you found out about it. This helps us work out the time limits."),
            ),
            &[
                opt("date", "I know the date"),
                opt("roughly", "I know roughly when"),
                opt_hint(
                    "still-happening",
                    "It is still happening",
                    "For example, you still cannot get an appointment, or nobody has reviewed it",
                ),
                opt_hint(
                    "on-and-off",
                    "It happens on and off",
                    "Write the year it started, if you know it",
                ),
                opt("not-sure", "I'm not sure"),
            ],
        ),
        hinted(
            q(
                Step::Affected,
                same("How has this affected you? (optional)"),
                "How it affected",
            ),
            same("For example, health, feelings, money or everyday life. This goes into the letter as written."),
        ),
        choose(
            hinted(
                q(
                    Step::Wants,
                    same("What would you like to happen?"),
                    "What you want",
                ),
                same("Choose all that apply."),
            ),
            &[
                opt("apology", "An apology"),
                opt("explanation", "An explanation of what went wrong"),
                opt("sas-review", "To be part of a review of my place on the Special Allocation Scheme"),
                opt(
                    "appointment-or-prescription",
                    "An appointment or prescription sorted out",
                ),
                opt(
                    "change-for-others",
                    "A change, so it does not happen to other people",
                ),
                opt("meeting", "A meeting to talk about it"),
                short(opt("something-else", "Something else"), "{}"),
            ],
        ),
        choose(
            q(
                Step::Stage,
                same("Have you already complained about this?"),
                "Already complained",
            ),
            STAGES,
        ),
        hinted(
            q(
                Step::ReplyWords,
                same("What was wrong with their answer? (optional)"),
                "What was wrong with their answer",
            ),
            same("Write it in your own words. The next letter quotes it exactly."),
        ),
        choose(
            hinted(
                q(
                    Step::ReplyProblems,
                    same("Did their answer do any of these?"),
                    "Their answer",
                ),
                same("Choose any that apply, or none."),
            ),
            &[
                opt("missed-points", "It did not answer all the points"),
                opt("facts-wrong", "It got facts wrong"),
                opt("no-apology", "It did not say sorry"),
                opt("nothing-changed", "Nothing changed"),
                opt("too-late", "It came too late"),
            ],
        ),
        hinted(
            q(
                Step::LateReason,
                same("Why are you complaining now? (optional)"),
                "Why now",
            ),
            same("The usual time limit for complaints has passed. A service can still look at it if there was a good reason for the wait, for example being unwell, in prison, homeless or grieving."),
        ),
        choose(
            hinted(
                q(
                    Step::AbleToComplain,
                    same("Do you feel able to complain to the service directly?"),
                    "Able to complain to them directly",
                ),
                same("If not, there is often another organisation you can complain to instead."),
            ),
            YES_NO_SURE,
        ),
        choose(
            hinted(
                q(
                    Step::ShareWithService,
                    same("Can your complaint be shown to the service?"),
                    "Show the complaint to the service",
                ),
                same("Another organisation can look into it. To do that, it usually needs to show the complaint to the service. If you say no or you are not sure, the letter asks it to talk to you first."),
            ),
            YES_NO_SURE,
        ),
        choose(
            hinted(
                q(
                    Step::StillReceivingCare,
                    same("Are you still getting care from them?"),
                    "Still getting care",
                ),
                same("If something needs sorting out now, there may be a quicker way to get help."),
            ),
            YES_NO_SURE,
        ),
        choose(
            hinted(
                q(
                    Step::Professional,
                    same("Is this also a serious concern about one health professional?"),
                    "Concern about one professional",
                ),
                same("For example, a doctor, nurse or pharmacist who may not be safe to work. If so, you can also tell the organisation that registers them. Most complaints do not need this."),
            ),
            YES_NO_SURE,
        ),
        // No row of its own on "Check your answers": the name has one, from the last part.
        QuestionWords {
            summary: None,
            ..hinted(
                q(Step::TheirName, same("What is your name?"), ""),
                same("The questions from here on are for you. If you are helping, let them answer, or type what they tell you."),
            )
        },
        needed(
            hinted(
                q(Step::Name, same("What is your name?"), "Name"),
                same("As it should appear on the letter. The service needs it to find the records."),
            ),
            same("Enter your name. The service needs it to look into your complaint"),
        ),
        needed(
            choose(
                hinted(
                    q(
                        Step::Contact,
                        same("How can they reply to you?"),
                        "How they can reply",
                    ),
                    same("Choose all that work. If there is no fixed address, a hostel, day centre or support service can take post."),
                ),
                &[
                    short(
                        opt("post", "By post, to my address"),
                        "Post:\n{}",
                    ),
                    short(
                        opt("care-of", "By post, care of a hostel, day centre or service"),
                        "Care of {}:\n{}",
                    ),
                    short(opt("email", "By email"), "Email: {}"),
                    short(opt("phone", "By phone or text"), "Phone: {}"),
                    short(
                        opt("support-worker", "Through my support worker"),
                        "Through support worker: {}",
                    ),
                ],
            ),
            same("Choose at least one way they can reply. If you have no address, choose care of a hostel, day centre or service"),
        ),
        choose(
            hinted(
                q(
                    Step::Access,
                    same("Do you need anything to help you take part?"),
                    "Support needed",
                ),
                same("Services must make reasonable changes so everyone can take part. Choose any that apply, or none."),
            ),
            &[
                opt("large-print", "Large print"),
                opt("easy-read", "Easy Read"),
                short(opt("interpreter", "An interpreter"), "Interpreter: {}"),
                opt("bsl", "British Sign Language (BSL)"),
                short(opt("other", "Something else"), "{}"),
            ],
        ),
        page(Step::CheckAnswers, "Check your answers"),
        page(Step::Letter, "Check your letter"),
        page(Step::Send, "Send your letter"),
        page(Step::WhatNext, "What happens next"),
        page(Step::FreeHelp, "Free help"),
        page(Step::Finish, "Finish and clear"),
    ],
    parts: &[
        (&[Step::Safe, Step::Who, Step::TheirName], same("Getting started")),
        (
            &[Step::WhatHappened, Step::When, Step::Affected],
            same("Your story"),
        ),
        (
            &[Step::Supporter, Step::Consent, Step::ConsentShare],
            same("Helping someone"),
        ),
        (
            &[
                Step::ServiceGroup,
                Step::Service,
                Step::PrivateCare,
                Step::Area,
                Step::ServiceName,
                Step::OtherServices,
                Step::OtherNames,
            ],
            same("The service"),
        ),
        (&[Step::Wants], same("What you want")),
        (
            &[
                Step::Stage,
                Step::ReplyWords,
                Step::ReplyProblems,
                Step::LateReason,
                Step::AbleToComplain,
                Step::ShareWithService,
                Step::StillReceivingCare,
                Step::Professional,
            ],
            same("What has happened so far"),
        ),
        (
            &[Step::Name, Step::Contact, Step::Access],
            same("How to reach you"),
        ),
    ],
    fields: &[
        FieldWords {
            field: F::ServiceName,
            label: same("Name"),
            hint: Some("For example, Seaview Surgery or the Royal Sussex County Hospital"),
        },
        FieldWords {
            field: F::ServiceAddress,
            label: same("Address"),
            hint: None,
        },
        FieldWords {
            field: F::SupporterName,
            label: same("Your name"),
            hint: None,
        },
        FieldWords {
            field: F::SupporterRole,
            label: same("Your role and organisation (optional)"),
            hint: Some("For example, support worker, Brighton Housing Trust"),
        },
        FieldWords {
            field: F::SupporterContact,
            label: same("How the service can contact you (optional)"),
            hint: Some("A phone number or email address"),
        },
        FieldWords {
            field: F::BirthDay,
            label: same("Day"),
            hint: None,
        },
        FieldWords {
            field: F::BirthMonth,
            label: same("Month"),
            hint: None,
        },
        FieldWords {
            field: F::BirthYear,
            label: same("Year"),
            hint: None,
        },
        FieldWords {
            field: F::WhenDay,
            label: same("Day"),
            hint: None,
        },
        FieldWords {
            field: F::WhenMonth,
            label: same("Month"),
            hint: None,
        },
        FieldWords {
            field: F::WhenYear,
            label: same("Year"),
            hint: None,
        },
        FieldWords {
            field: F::RoughMonth,
            label: same("Month (if you know it)"),
            hint: Some("For example, 3 or March"),
        },
        FieldWords {
            field: F::RoughYear,
            label: same("Year"),
            hint: None,
        },
        FieldWords {
            field: F::WantOther,
            label: same("What else would you like to happen?"),
            hint: None,
        },
        FieldWords {
            field: F::Address,
            label: same("Address"),
            hint: None,
        },
        FieldWords {
            field: F::CareOfName,
            label: same("Name of the hostel, day centre or service"),
            hint: None,
        },
        FieldWords {
            field: F::CareOfAddress,
            label: same("Its address"),
            hint: None,
        },
        FieldWords {
            field: F::Email,
            label: same("Email address"),
            hint: None,
        },
        FieldWords {
            field: F::Phone,
            label: same("Phone number"),
            hint: None,
        },
        FieldWords {
            field: F::SupportWorker,
            label: same("Support worker's name, service and phone number"),
            hint: None,
        },
        FieldWords {
            field: F::InterpreterLanguage,
            label: same("Which language?"),
            hint: None,
        },
        FieldWords {
            field: F::AccessOther,
            label: same("What would help?"),
            hint: None,
        },
        FieldWords {
            field: F::Postcode,
            label: same("Or type a postcode, or the name of the town or council (optional)"),
            hint: Some("For example, TN34 1AA, BN1 or Cardiff. We look it up on this device only."),
        },
    ],
    errors: ErrorWords {
        date: &[
            (D::NoDate, "Enter the date, or choose 'I know roughly' or 'I'm not sure'"),
            (D::Future, "The date must be today or in the past"),
            (D::Year, "Enter the year as 4 numbers, like 2025"),
            (D::NotReal, "Enter a real date, like 27 3 2025"),
            (D::RoughFuture, "The date must be in the past"),
            (D::RoughMonth, "Enter the month, like 3 or March"),
            (D::RoughYear, "Enter the year as 4 numbers, like 2025"),
        ],
        postcode_unknown: "Choose where it happened from the list, or the council area for the postcode or place you typed",
        date_of_birth: "Enter the date of birth as numbers, like 27 3 1985, or leave all three boxes blank",
        boxes: &[
            (F::Address, "Enter the address"),
            (F::CareOfName, "Enter the name of the hostel, day centre or service"),
            (F::CareOfAddress, "Enter the address of the hostel, day centre or service"),
            (F::Email, "Enter an email address in the right form, like name@example.com"),
            (F::Phone, "Enter a phone number"),
            (F::SupportWorker, "Enter the support worker's name and how to reach them"),
            (F::InterpreterLanguage, "Enter the language for the interpreter"),
            (F::WantOther, "Write what else you want to happen"),
        ],
    },
    pages: PageWords {
        app_name: "In My Words",
        start_title: "In My Words: complain about a health or care service",
        get_help_title: "Get help now",
        save_title: "Save or open a draft",
        not_found_title: "Page not found",
        concerns_title: "Your concerns",
        new_concern_title: "Log a concern",
        concern_title: "Your concern",
        share_concerns_title: "Share your concerns with a support worker",
        not_found_check: "If you typed the address, check it is correct.",
        not_found_start: "Go to the start",
        continue_button: "Continue",
        save_and_back: "Save and go back to your answers",
        change: "Change",
        not_given: "Not given",
        supporter_intro: "The letter will be in their words and their name. We ask about you so the service knows who is helping.",
        consent_not_yet: &[
            "Talk to them before you send anything. You can still write the letter together now.",
            "If they cannot agree because of their health, the service can explain what to do.",
        ],
        ideas_summary: "Need ideas? Things you could say",
        ideas: &[
            "Who was involved. Names or jobs are fine, like 'the receptionist'.",
            "When and where it happened.",
            "What was said or done.",
            "What you expected to happen instead.",
        ],
        ideas_end: "You do not have to use all of these. Write what matters to you.",
        date_legend: "Date",
        date_hint: "For example, 27 3 2025",
        birth_legend: "Date of birth (optional)",
        birth_hint: "This helps them find the right records. For example, 27 3 1985",
        phone_legend: "Phone calls",
        phone_hard: same("I find phone calls hard, please write to me"),
        phone_hard_summary: "Finds phone calls hard",
        service_name_title: "What is the name of the {}?",
        share_named: "Can the complaint be shown to {}?",
        service_name_hint: "If you know it. For example, {}. You can leave this blank.",
        service_nouns: &[
            ("gp", "GP practice"),
            ("dentist", "dental practice"),
            ("pharmacy", "pharmacy"),
            ("optician", "optician"),
            ("hospital", "hospital"),
            ("mental-health", "mental health service"),
            ("ambulance-or-111", "ambulance service or NHS 111"),
            ("prison", "prison, centre or police station"),
            ("social-care", "council"),
            ("private-care", "care service"),
        ],
        service_noun_other: "service",
        service_examples: &[
            ("gp", "Seaview Surgery"),
            ("dentist", "Harbour Dental Practice"),
            ("pharmacy", "the pharmacy on London Road"),
            ("optician", "the optician on the High Street"),
            ("hospital", "the Royal Sussex County Hospital"),
            ("mental-health", "the community mental health team in Hove"),
            ("ambulance-or-111", "South East Coast Ambulance Service"),
            ("prison", "HMP Lewes, or the police station in Brighton"),
            ("community-health", "the district nurses in Lewes"),
            ("social-care", "Brighton and Hove City Council"),
            ("drug-alcohol-sexual-health", "the drug and alcohol service in Hastings"),
            ("private-care", "Seaview Care Home"),
        ],
        service_example_other: "Seaview Surgery or the Royal Sussex County Hospital",
        helper_note: "If you are helping, type their words, the way they say them.",
        check_intro: "You can change anything before you see the letter.",
        check_see_letter: "See the letter and where to send it",
        born: "Born {}",
        when_not_sure: "Not sure",
        when_ongoing: "It is still happening",
        when_on_and_off: "On and off, since {}",
    },
    screens: screens::SCREENS,
};
