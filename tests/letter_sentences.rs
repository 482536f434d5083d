#![cfg(not(target_arch = "wasm32"))]
//! The letter says only what the person said. This walks every combination of the answers
//! that decide the consent, sharing and address sentences (who is writing, "Have they
//! agreed?", "May they share with you?", "Can it show your complaint to the service?", how to
//! reach the person, and whether the first place is the body that pays for the service) and
//! checks, for each letter, exactly which of those sentences appear.

use in_my_words::data::data;
use in_my_words::domain::answers::{Answers, ContactMethod, Who};
use in_my_words::domain::date::Date;
use in_my_words::domain::letter::{write, LetterKind};
use in_my_words::domain::questions::SHARE_WITH_SERVICE;
use in_my_words::domain::route::{route, Recipient, Route};
use in_my_words::domain::situation::{Nation, Service, Situation, Stage, YesNo};

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

/// The sentences this file is about, each with a short name for failure messages.
const HELPED: &str = "Sam Patel (Support worker) has helped me to write this letter.";
const PERMISSION: &str =
    "I give permission for you to discuss my complaint with Sam Patel, and to share information about it with them.";
const CONSENT_ENCLOSED: &str = "My signed consent form is enclosed.";
const ENCLOSED_LINE: &str = "Enclosed: my signed consent form";
const DO_NOT_SHARE: &str =
    "Please send your replies to me. Do not share my information with Sam Patel.";
const ASK_BEFORE_SUPPORTER: &str =
    "Please ask me before you share any of my information with Sam Patel.";
const ASK_BEFORE_SERVICE: &str =
    "Please ask me before you share my complaint with Station Road Surgery.";
const SHOW_SERVICE: &str =
    "You may show my complaint to Station Road Surgery so that you can look into it.";
const DO_NOT_SHOW_SERVICE: &str =
    "Please do not show my complaint to Station Road Surgery without talking to me first.";
const CARE_OF: &str = "Please write to me care of Lewes Road Hostel, at the address above.";
const ALSO_CARE_OF: &str =
    "You can also write to me care of Lewes Road Hostel, 2 Lewes Road, Brighton.";
const POST: &str = "Please write to me at the address above.";

const SENTENCES: [(&str, &str); 12] = [
    ("show service", SHOW_SERVICE),
    ("do not show service", DO_NOT_SHOW_SERVICE),
    ("helped", HELPED),
    ("permission", PERMISSION),
    ("consent enclosed", CONSENT_ENCLOSED),
    ("enclosed line", ENCLOSED_LINE),
    ("do not share", DO_NOT_SHARE),
    ("ask before supporter", ASK_BEFORE_SUPPORTER),
    ("ask before service", ASK_BEFORE_SERVICE),
    ("care of", CARE_OF),
    ("also care of", ALSO_CARE_OF),
    ("post", POST),
];

/// Words no letter may ever say, whatever the answers: nobody is asked these things.
const NEVER: [&str; 4] = [
    "fixed address",
    "I give permission for you to share my complaint with",
    "homeless",
    "hostel resident",
];

const ANSWERS: [Option<YesNo>; 4] = [
    Some(YesNo::Yes),
    Some(YesNo::No),
    Some(YesNo::NotSure),
    None,
];

const CONTACTS: [&[ContactMethod]; 7] = [
    &[],
    &[ContactMethod::Post],
    &[ContactMethod::CareOf],
    &[ContactMethod::Post, ContactMethod::CareOf],
    &[ContactMethod::CareOf, ContactMethod::Email],
    &[ContactMethod::CareOf, ContactMethod::SupportWorker],
    &[ContactMethod::Email, ContactMethod::Phone],
];

/// The letters addressed to the first place while the complaint is new, and the ombudsman
/// letter, which never is.
const KINDS: [LetterKind; 4] = [
    LetterKind::Complaint,
    LetterKind::Chaser,
    LetterKind::NotSatisfied,
    LetterKind::Ombudsman,
];

fn base() -> Answers {
    let mut a = Answers {
        what_happened: "They would not give me my prescription.".into(),
        service_name: "Station Road Surgery".into(),
        ..Answers::default()
    };
    a.situation = Situation {
        nation: Some(Nation::England),
        area: Some("brighton-and-hove".into()),
        service: Some(Service::GpPractice),
        stage: Some(Stage::NotRaised),
        ..Situation::default()
    };
    a.contact.name = "Alex Example".into();
    a.contact.address = "1 High Street\nBrighton".into();
    a.contact.care_of_name = "Lewes Road Hostel".into();
    a.contact.care_of_address = "2 Lewes Road\nBrighton".into();
    a.contact.email = "alex@example.org".into();
    a.contact.phone = "01632 960000".into();
    a.contact.support_worker = "Sam Patel, Brighton Housing Trust".into();
    a.supporter.name = "Sam Patel".into();
    a.supporter.role = "Support worker".into();
    a
}

/// The route for a GP complaint, with its first place as it is (the practice) or moved to the
/// body that pays for it. Built here rather than by routing, so this table tests the letter
/// whatever the routing rules say.
fn routes() -> [(bool, Route); 2] {
    let service = route(&base().situation, data(), today());
    assert!(
        service
            .primary
            .organisation()
            .is_none_or(|o| o.kind != "icb"),
        "the practice route starts at the practice"
    );
    let icb = data()
        .organisations
        .iter()
        .find(|o| o.kind == "icb")
        .expect("an ICB in the directory")
        .clone();
    let mut commissioner = service.clone();
    commissioner.primary = Recipient::Organisation(icb);
    [(false, service), (true, commissioner)]
}

/// Exactly which sentences a letter should carry for these answers.
fn expected(
    helping: bool,
    agrees: Option<YesNo>,
    share: Option<YesNo>,
    show: Option<YesNo>,
    methods: &[ContactMethod],
    to_icb: bool,
) -> Vec<&'static str> {
    let mut out = Vec::new();
    if helping {
        out.push("helped");
        match (agrees, share) {
            (Some(YesNo::Yes), Some(YesNo::Yes)) => {
                out.extend(["permission", "consent enclosed", "enclosed line"])
            }
            (Some(YesNo::Yes), Some(YesNo::No)) => out.push("do not share"),
            _ => out.push("ask before supporter"),
        }
    }
    if to_icb {
        out.push(match show {
            Some(YesNo::Yes) => "show service",
            Some(YesNo::No) => "do not show service",
            _ => "ask before service",
        });
    }
    let post = methods.contains(&ContactMethod::Post);
    if methods.contains(&ContactMethod::CareOf) {
        out.push(if post { "also care of" } else { "care of" });
    }
    if post {
        out.push("post");
    }
    out.sort();
    out
}

#[test]
fn every_combination_says_only_what_was_answered() {
    let routes = routes();
    let mut failures = Vec::new();
    let mut letters = 0;
    for who in [Who::Myself, Who::HelpingSomeone] {
        for agrees in ANSWERS {
            for (share, show) in ANSWERS.iter().flat_map(|s| ANSWERS.map(|w| (*s, w))) {
                for methods in CONTACTS {
                    for (to_icb, route) in &routes {
                        let mut a = base();
                        a.who = Some(who);
                        a.supporter.person_agrees = agrees;
                        a.supporter.may_share_with_supporter = share;
                        if let Some(show) = show {
                            let id = in_my_words::domain::questions::yes_no_id(show);
                            a.set_more(SHARE_WITH_SERVICE, id);
                        }
                        a.contact.methods = methods.to_vec();
                        for kind in KINDS {
                            let text = write(kind, &a, route, today(), None).to_text();
                            letters += 1;
                            let addressed_to_icb = *to_icb && kind != LetterKind::Ombudsman;
                            let want = expected(
                                who == Who::HelpingSomeone,
                                agrees,
                                share,
                                show,
                                methods,
                                addressed_to_icb,
                            );
                            let mut got: Vec<&str> = SENTENCES
                                .iter()
                                .filter(|(_, sentence)| text.contains(sentence))
                                .map(|(name, _)| *name)
                                .collect();
                            got.sort();
                            let never: Vec<&str> =
                                NEVER.into_iter().filter(|w| text.contains(w)).collect();
                            if got != want || !never.is_empty() {
                                failures.push(format!(
                                    "{kind:?}, {who:?}, agrees {agrees:?}, share {share:?}, show {show:?}, {methods:?}, ICB {to_icb}:\n  want {want:?}\n  got  {got:?}, never-words {never:?}"
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(letters, 2 * 4 * 4 * 4 * CONTACTS.len() * 2 * KINDS.len());
    assert!(
        failures.is_empty(),
        "{} of {letters} letters:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_person_chose_the_paying_body_and_the_letter_does_not_offer_the_service() {
    // As routing sends it: the person does not feel able to complain to the practice.
    let mut a = base();
    a.situation.able_to_complain_to_service = Some(YesNo::No);
    let r = route(&a.situation, data(), today());
    let text = write(LetterKind::Complaint, &a, &r, today(), None).to_text();
    assert!(!text.contains("I give permission"), "{text}");
    if r.primary.organisation().is_some_and(|o| o.kind == "icb") {
        assert!(text.contains(ASK_BEFORE_SERVICE), "{text}");
    }
}

#[test]
fn a_body_named_in_a_sentence_has_its_article_and_no_colon() {
    let cqc = data()
        .organisations
        .iter()
        .find(|o| o.name.contains(": "))
        .expect("a directory name with a team after a colon")
        .clone();
    let mut a = base();
    a.situation.service = Some(Service::MentalHealthAct);
    let mut r = route(&a.situation, data(), today());
    r.escalation.insert(0, Recipient::Organisation(cqc.clone()));
    let text = write(LetterKind::NotSatisfied, &a, &r, today(), None).to_text();
    let (body, _) = cqc.name.split_once(": ").unwrap();
    let said = [
        "If we cannot sort this out, I will ask the ",
        body,
        " to look at my complaint.",
    ]
    .concat();
    assert!(text.contains(&said), "{said}\n{text}");
    assert!(!text.contains(&[" ask ", &cqc.name].concat()));
}
