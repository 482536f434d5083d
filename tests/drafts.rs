#![cfg(not(target_arch = "wasm32"))]
//! Saved drafts open forever after.
//!
//! `tests/fixtures/` holds drafts in every format the app has ever written, made once and never
//! changed: an encrypted file per envelope version and answers layout (`draft-v1.imw`,
//! `draft-v2.imw` with layout 1, `draft-v2-layout2.imw`, `draft-v2-layout3.imw`,
//! `draft-v2-layout4.imw`, `draft-v2-layout5.imw`) and the same bytes as "Save on this device" keeps them in local
//! storage (`*.stored.txt`, base64). These tests open them with a native copy of what
//! `platform::crypto` does in the browser (PBKDF2-HMAC-SHA-256 then AES-256-GCM, with the header
//! as additional data from version 2 on) and the app's own readers (`envelope`, `codec`), and
//! check the answers are exactly the ones below: as saved, or, for a layout whose answers the
//! reader moves on (the date of birth of layouts 1 to 3), as [`moved_on`] says.
//!
//! To add a fixture for a new layout: add its file names and answers here, then run
//! `cargo test --test drafts -- --ignored make_missing_fixtures`, which writes only files that
//! do not exist yet. Commit them and never change them.

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use hmac::Hmac;
use in_my_words::domain::answers::{
    AccessNeed, Answers, Concern, ContactMethod, FollowUp, ReplyProblem, Want, Who,
};
use in_my_words::domain::codec::{self, DraftError, LAYOUT};
use in_my_words::domain::date::Date;
use in_my_words::domain::envelope::{Envelope, EnvelopeError, HEADER_LEN, ITERATIONS};
use in_my_words::domain::interview::WhenChoice;
use in_my_words::domain::situation::{Nation, Service, ServiceGroup, Stage, WhenItHappened, YesNo};
use proptest::prelude::*;
use serde::Serialize;
use sha2::Sha256;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

/// The passphrase every fixture was saved with. Not ASCII, so the fixtures also pin that the
/// passphrase goes into PBKDF2 as its UTF-8 bytes, as WebCrypto is given it.
const PASSPHRASE: &str = "blue kettle 🫖 on Yr Wyddfa, ŵ";

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap_or_else(|e| {
        panic!(
            "tests/fixtures/{name}: {e}. Fixtures are committed; never make them again \
             (see the note at the top of tests/drafts.rs)"
        )
    })
}

/// The answers saved in every fixture: every kind of field, with free text in several scripts,
/// emoji sequences, combining accents, right-to-left text, line breaks and white space that
/// must be kept exactly. The date of birth is one text, as layouts 1 to 3 kept it.
fn fixture_answers() -> Answers {
    let mut answers = Answers {
        who: Some(Who::HelpingSomeone),
        service_group: Some(ServiceGroup::Hospital),
        area_postcode: "BN2 1ÉÉ ".into(),
        service_name: "Royal Sussex County Hospital — Ward 8A 🏥".into(),
        what_happened: "On the 14th I waited 9 hours.\r\nNobody told me why 😞\n\n\
                        Then a nurse said: «you again?»\tI felt small.\n\
                        👩🏽‍⚕️ Dr Ní Bhriain was kind. cafe\u{301} ≠ café.\u{200d}"
            .into(),
        how_it_affected: "لم أنم ليلتين. I could not sleep for two nights. לא ישנתי.".into(),
        wants: vec![
            Want::Explanation,
            Want::ChangeForOthers,
            Want::SomethingElse,
        ],
        want_other: "Que quelqu'un m'écoute — someone to listen 🙏".into(),
        late_reason: "I was in hospital again (𝔰𝔢𝔠𝔬𝔫𝔡 time) until March.".into(),
        date_of_birth: "3/4/1961".into(),
        access_needs: vec![AccessNeed::Interpreter, AccessNeed::Other],
        interpreter_language: "Polski (język polski)".into(),
        access_other: "Please write — no phone calls ☎️🚫".into(),
        shared_computer: Some(YesNo::Yes),
        ..Answers::default()
    };
    answers.supporter.name = "Zoë O'Connor-Łukasiewicz".into();
    answers.supporter.role = "Support worker, Brighton Housing Trust".into();
    answers.supporter.contact = "zoe@example.org / 01273 000000".into();
    answers.supporter.person_agrees = Some(YesNo::Yes);
    answers.supporter.may_share_with_supporter = Some(YesNo::NotSure);
    answers.supporter.notes = "ملاحظات خاصة: call back Tuesday 🗓️".into();
    let situation = &mut answers.situation;
    situation.nation = Some(Nation::England);
    situation.area = Some("brighton-and-hove".into());
    situation.service = Some(Service::HospitalDischarge);
    situation.stage = Some(Stage::FinalResponseUnhappy);
    situation.when = Some(WhenItHappened::OnDate {
        date: Date::new(2026, 3, 14).expect("a real date"),
    });
    situation.final_response_date = Date::new(2026, 9, 2);
    situation.able_to_complain_to_service = Some(YesNo::No);
    situation.still_receiving_care = Some(YesNo::Yes);
    situation.fitness_to_practise_concern = Some(YesNo::NotSure);
    situation.in_danger_now = Some(YesNo::No);
    answers.when_input.choice = Some(WhenChoice::ExactDate);
    answers.when_input.day = "14".into();
    answers.when_input.month = "mars".into();
    answers.when_input.year = "2026".into();
    answers.when_input.rough_month = "٣".into();
    answers.contact.name = "José Ñúñez-Ødegård".into();
    answers.contact.methods = vec![ContactMethod::CareOf, ContactMethod::Email];
    answers.contact.address = "Flat 2\n12 Rue de l'Église\nBrighton".into();
    answers.contact.care_of_name = "St Mungo's — Hove hub".into();
    answers.contact.care_of_address = "1 Church Road\r\nHove BN3 2AF".into();
    answers.contact.email = "jose.nunez@example.org".into();
    answers.contact.phone = "+44 7700 900123".into();
    answers.contact.support_worker = "Zoë (see above)".into();
    answers.contact.phone_calls_hard = true;
    answers
}

// ---------------------------------------------------------------------------------------------
// A native copy of `platform::crypto`.

/// AES-256 keys, by passphrase, salt and iteration count, each derived once: 600,000 rounds of
/// PBKDF2 take seconds in a debug build, and most tests reuse a fixture's salt. Different keys
/// are derived in parallel; a test wanting one already under way waits for it.
type KeyCell = Arc<OnceLock<[u8; 32]>>;
/// Passphrase, salt and iterations: what a key is derived from.
type KeyId = (String, [u8; 16], u32);
static KEYS: Mutex<Vec<(KeyId, KeyCell)>> = Mutex::new(Vec::new());

fn key(passphrase: &str, salt: &[u8; 16], iterations: u32) -> [u8; 32] {
    let id = (passphrase.to_string(), *salt, iterations);
    let cell = {
        let mut keys = KEYS.lock().unwrap();
        match keys.iter().find(|(known, _)| *known == id) {
            Some((_, cell)) => cell.clone(),
            None => {
                let cell = KeyCell::default();
                keys.push((id, cell.clone()));
                cell
            }
        }
    };
    *cell.get_or_init(|| {
        let mut key = [0u8; 32];
        pbkdf2::pbkdf2::<Hmac<Sha256>>(passphrase.as_bytes(), salt, iterations, &mut key)
            .expect("HMAC takes a key of any length");
        key
    })
}

/// Encrypts `plain` into `envelope` (whose ciphertext is replaced) and returns the draft bytes,
/// as `crypto::encrypt_answers` does.
fn seal(mut envelope: Envelope, plain: &[u8], passphrase: &str) -> Vec<u8> {
    let aad = envelope
        .additional_data()
        .map(Vec::from)
        .unwrap_or_default();
    let cipher = Aes256Gcm::new_from_slice(&key(passphrase, &envelope.salt, envelope.iterations))
        .expect("a 32-byte key");
    envelope.ciphertext = cipher
        .encrypt(
            Nonce::from_slice(&envelope.iv),
            Payload {
                msg: plain,
                aad: &aad,
            },
        )
        .expect("AES-GCM encrypts any message this size");
    envelope.to_bytes()
}

/// Why a draft did not open, as `crypto::CryptoError` tells it.
#[derive(Debug, PartialEq, Eq)]
enum Refused {
    NotADraft(EnvelopeError),
    /// AES-GCM's tag did not match: a wrong passphrase or altered bytes.
    WrongPassphrase,
    Unreadable(DraftError),
}

/// Decrypts a draft to its plaintext, as the browser does.
fn decrypt(draft: &[u8], passphrase: &str) -> Result<(Envelope, Vec<u8>), Refused> {
    let envelope = Envelope::parse(draft).map_err(Refused::NotADraft)?;
    let aad = envelope
        .additional_data()
        .map(Vec::from)
        .unwrap_or_default();
    let cipher = Aes256Gcm::new_from_slice(&key(passphrase, &envelope.salt, envelope.iterations))
        .expect("a 32-byte key");
    let plain = cipher
        .decrypt(
            Nonce::from_slice(&envelope.iv),
            Payload {
                msg: &envelope.ciphertext,
                aad: &aad,
            },
        )
        .map_err(|_| Refused::WrongPassphrase)?;
    Ok((envelope, plain))
}

/// Opens a draft to answers, as `crypto::decrypt_answers` does.
fn open(draft: &[u8], passphrase: &str) -> Result<Answers, Refused> {
    let (envelope, plain) = decrypt(draft, passphrase)?;
    codec::answers_from_draft(envelope.version, &plain).map_err(Refused::Unreadable)
}

/// A v2 envelope with the v2 fixture's salt and IV (so its key is already derived).
fn like_v2_fixture() -> Envelope {
    let mut envelope = Envelope::parse(&fixture("draft-v2.imw")).expect("the v2 fixture parses");
    envelope.ciphertext.clear();
    envelope
}

// ---------------------------------------------------------------------------------------------
// Making the fixtures, once.

/// Every fixture: its file name, and how it was made. Salts and IVs are fixed here so the
/// files can be remade byte for byte if ever needed to compare; real drafts use random ones.
fn fixture_recipes() -> Vec<(&'static str, Vec<u8>)> {
    let answers = fixture_answers();
    let layout_1 = layout_1_bytes(&answers);
    // Envelope version 1, exactly as the first release wrote it: bare postcard answers, no
    // additional data.
    let v1 = seal(
        Envelope {
            version: 1,
            iterations: ITERATIONS,
            salt: *b"imw-fixture-v1-s",
            iv: *b"fixture-v1iv",
            ciphertext: vec![],
        },
        &layout_1,
        PASSPHRASE,
    );
    // Envelope version 2, answers layout 1.
    let v2 = seal(
        Envelope {
            version: 2,
            iterations: ITERATIONS,
            salt: *b"imw-fixture-v2-s",
            iv: *b"fixture-v2iv",
            ciphertext: vec![],
        },
        &[&[1], layout_1.as_slice()].concat(),
        PASSPHRASE,
    );
    // Envelope version 2, answers layout 2 (with answers to newer questions by id).
    let layout_2 = seal(
        Envelope {
            version: 2,
            iterations: ITERATIONS,
            salt: *b"imw-fixture-l2-s",
            iv: *b"fixture-l2iv",
            ciphertext: vec![],
        },
        &[&[2], layout_2_bytes(&fixture_answers_layout_2()).as_slice()].concat(),
        PASSPHRASE,
    );
    // Envelope version 2, answers layout 3 (with what was wrong with the final answer).
    let layout_3 = seal(
        Envelope {
            version: 2,
            iterations: ITERATIONS,
            salt: *b"imw-fixture-l3-s",
            iv: *b"fixture-l3iv",
            ciphertext: vec![],
        },
        &[&[3], layout_3_bytes(&fixture_answers_layout_3()).as_slice()].concat(),
        PASSPHRASE,
    );
    // Envelope version 2, answers layout 4 (with the date of birth in three boxes).
    let layout_4 = seal(
        Envelope {
            version: 2,
            iterations: ITERATIONS,
            salt: *b"imw-fixture-l4-s",
            iv: *b"fixture-l4iv",
            ciphertext: vec![],
        },
        &[&[4], layout_4_bytes(&fixture_answers_layout_4()).as_slice()].concat(),
        PASSPHRASE,
    );
    // Envelope version 2, answers layout 5 (with the private concern log).
    let layout_5 = seal(
        Envelope {
            version: 2,
            iterations: ITERATIONS,
            salt: *b"imw-fixture-l5-s",
            iv: *b"fixture-l5iv",
            ciphertext: vec![],
        },
        &codec::draft_plaintext(&fixture_answers_layout_5()),
        PASSPHRASE,
    );
    vec![
        (
            "draft-v1.stored.txt",
            codec::base64_encode(&v1).into_bytes(),
        ),
        ("draft-v1.imw", v1),
        (
            "draft-v2.stored.txt",
            codec::base64_encode(&v2).into_bytes(),
        ),
        ("draft-v2.imw", v2),
        (
            "draft-v2-layout2.stored.txt",
            codec::base64_encode(&layout_2).into_bytes(),
        ),
        ("draft-v2-layout2.imw", layout_2),
        (
            "draft-v2-layout3.stored.txt",
            codec::base64_encode(&layout_3).into_bytes(),
        ),
        ("draft-v2-layout3.imw", layout_3),
        (
            "draft-v2-layout4.stored.txt",
            codec::base64_encode(&layout_4).into_bytes(),
        ),
        ("draft-v2-layout4.imw", layout_4),
        (
            "draft-v2-layout5.stored.txt",
            codec::base64_encode(&layout_5).into_bytes(),
        ),
        ("draft-v2-layout5.imw", layout_5),
    ]
}

/// Answers as layout 4 held them: today's postcard form without the last two fields
/// (`concerns`, an empty list, and `service_address`, an empty text: each the byte 0).
fn layout_4_bytes(answers: &Answers) -> Vec<u8> {
    assert!(answers.concerns.is_empty(), "layout 4 had no concern log");
    assert!(
        answers.service_address.is_empty(),
        "nor the service's address"
    );
    let mut bytes = postcard::to_allocvec(answers).expect("answers serialise");
    assert_eq!(bytes.pop(), Some(0));
    assert_eq!(bytes.pop(), Some(0));
    bytes
}

/// Answers as layout 3 held them: layout 4 without its last three fields (`birth_day`,
/// `birth_month`, `birth_year`, each empty: the byte 0).
fn layout_3_bytes(answers: &Answers) -> Vec<u8> {
    assert!(
        answers.birth_day.is_empty()
            && answers.birth_month.is_empty()
            && answers.birth_year.is_empty(),
        "layout 3 had none of layout 4's answers"
    );
    let mut bytes = layout_4_bytes(answers);
    assert_eq!(bytes.split_off(bytes.len() - 3), [0, 0, 0]);
    bytes
}

/// Answers as layout 2 held them: layout 3 without its last four fields (`reply_words`,
/// `reply_problems`, `other_services`, `other_names`, each empty: the byte 0).
fn layout_2_bytes(answers: &Answers) -> Vec<u8> {
    assert!(
        answers.reply_words.is_empty()
            && answers.reply_problems.is_empty()
            && answers.other_services.is_empty()
            && answers.other_names.is_empty(),
        "layout 2 had none of layout 3's answers"
    );
    let mut bytes = layout_3_bytes(answers);
    assert_eq!(bytes.split_off(bytes.len() - 4), [0, 0, 0, 0]);
    bytes
}

/// Answers as layout 1 held them: layout 2 without its last field (`more`, an empty list:
/// the byte 0).
fn layout_1_bytes(answers: &Answers) -> Vec<u8> {
    assert!(answers.more.is_empty(), "layout 1 had no `more`");
    let mut bytes = layout_2_bytes(answers);
    assert_eq!(bytes.pop(), Some(0));
    bytes
}

/// The layout 2 fixture's answers: the same as the others, with answers to two questions
/// kept by id (one id not ASCII, as a later question's might be).
fn fixture_answers_layout_2() -> Answers {
    let mut answers = fixture_answers();
    answers.set_more("share-with-service", "not-sure");
    answers.set_more("réponse-💬", "ضعيف \u{200f}ŵ");
    answers
}

/// The layout 3 fixture's answers: the layout 2 ones, with what was wrong with the final
/// answer, in their words (mixed scripts, an emoji sequence, a line break) and from the list,
/// and two other services the complaint is about, with their names.
fn fixture_answers_layout_3() -> Answers {
    let mut answers = fixture_answers_layout_2();
    answers.reply_words = "Ils n'ont pas lu ma lettre.\nمو صحيح 👩‍👧 — wrong dates".into();
    answers.reply_problems = vec![
        ReplyProblem::FactsWrong.id().into(),
        ReplyProblem::NoApology.id().into(),
    ];
    answers.other_services = vec!["pharmacy".into(), "council-social-care".into()];
    answers.other_names = "Boots, Rue d'Église ✚ — and the council's team 🏛️".into();
    answers
}

/// The layout 4 fixture's answers: the layout 3 ones as they are once read (the date of birth
/// in the boxes), then typed again as the page allows: a day in Arabic-Indic digits, a month
/// name in Welsh with a space after it, kept as typed. And an old text that stayed whole,
/// which layout 4 keeps where it is.
fn fixture_answers_layout_4() -> Answers {
    let mut answers = moved_on(fixture_answers_layout_3());
    answers.birth_day = "٣".into();
    answers.birth_month = "Ebrill ".into();
    answers.birth_year = "1961".into();
    answers.date_of_birth = "ganwyd ar ddydd Mawrth 🎂".into();
    answers
}

/// The layout 5 fixture's answers: the layout 4 ones, with the service's address as typed and
/// a concern log of three entries.
/// The first has every box typed (mixed scripts, emoji sequences, a formula-like summary, line
/// breaks of both kinds, direction marks) and two follow-ups; the second is empty, as a page
/// might add one; the third has only a date that is not a real one, kept as typed.
fn fixture_answers_layout_5() -> Answers {
    let mut answers = fixture_answers_layout_4();
    answers.service_address = "  Ward 8A\r\nRoyal Sussex 🏥\n\u{200f}ברייטון BN2 5BE ".into();
    answers.set_more("raised-on", "2026-02-03,2026-02-20");
    answers.concerns = vec![
        Concern {
            day: "3".into(),
            month: "Chwefror ".into(),
            year: "2026".into(),
            service: "hospital-discharge".into(),
            service_name: "Ward 8A — 👩🏽‍⚕️ Royal Sussex".into(),
            category: "leaving".into(),
            what_happened: "Sent home at 2am.\r\nNo taxi, no meds 💊\n\n\u{200f}لم يخبرني أحد"
                .into(),
            spoke_to: "Charge nurse «Ní Bhriain»".into(),
            they_said: "\"Not our problem\", then walked off.\t".into(),
            wants: "Que quelqu'un m'appelle 📞".into(),
            summary: "=Discharged at night, no medicines; chased twice".into(),
            follow_ups: vec![
                FollowUp {
                    day: "20".into(),
                    month: "2".into(),
                    year: "2026".into(),
                    kind: "call".into(),
                    words: "Rang PALS ☎️ — they'll \"look into it\"".into(),
                },
                FollowUp {
                    day: "١".into(),
                    month: "mars".into(),
                    year: "2026".into(),
                    kind: "nothing".into(),
                    words: String::new(),
                },
            ],
            raised: "yes".into(),
            next: FollowUp {
                kind: "reply".into(),
                words: "Half-written ✍️ \u{202e}".into(),
                ..FollowUp::default()
            },
        },
        Concern::default(),
        Concern {
            day: "31".into(),
            month: "April".into(),
            year: "2026 ".into(),
            category: "not-a-category-any-more".into(),
            ..Concern::default()
        },
    ];
    answers
}

/// Answers saved in layouts 1 to 3 as the app reads them: the date of birth, one text, moved
/// into the three boxes ("3/4/1961" is plainly a date; see `codec`).
fn moved_on(mut answers: Answers) -> Answers {
    assert_eq!(answers.date_of_birth, "3/4/1961");
    answers.date_of_birth = String::new();
    answers.birth_day = "3".into();
    answers.birth_month = "4".into();
    answers.birth_year = "1961".into();
    answers
}

#[test]
#[ignore = "writes tests/fixtures once; run with --ignored only to add a new fixture"]
fn make_missing_fixtures() {
    std::fs::create_dir_all(fixture_path("")).unwrap();
    for (name, bytes) in fixture_recipes() {
        let path = fixture_path(name);
        if path.exists() {
            println!("kept {name} (committed fixtures never change)");
        } else {
            std::fs::write(&path, bytes).unwrap();
            println!("wrote {name}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Every fixture opens to exactly the answers saved.

#[test]
fn a_version_1_draft_from_the_first_release_opens() {
    let bytes = fixture("draft-v1.imw");
    // The layout, read by hand rather than by the code under test.
    assert_eq!(&bytes[..4], b"IMWD");
    assert_eq!(bytes[4], 1, "envelope version");
    assert_eq!(bytes[5..9], 600_000u32.to_be_bytes(), "PBKDF2 iterations");
    assert_eq!(open(&bytes, PASSPHRASE), Ok(moved_on(fixture_answers())));
}

#[test]
fn a_version_2_draft_opens() {
    let bytes = fixture("draft-v2.imw");
    assert_eq!(&bytes[..4], b"IMWD");
    assert_eq!(bytes[4], 2, "envelope version");
    assert_eq!(bytes[5..9], 600_000u32.to_be_bytes(), "PBKDF2 iterations");
    let (_, plain) = decrypt(&bytes, PASSPHRASE).unwrap();
    assert_eq!(plain[0], 1, "answers layout");
    assert_eq!(open(&bytes, PASSPHRASE), Ok(moved_on(fixture_answers())));
}

/// Opens the version 2 fixture `name`, checks it holds answers layout `layout` and opens to
/// `expected`, and gives back what it opened to.
fn opens_as(name: &str, layout: u8, expected: Answers) -> Answers {
    let bytes = fixture(name);
    assert_eq!(bytes[4], 2, "{name}: envelope version");
    let (_, plain) = decrypt(&bytes, PASSPHRASE).unwrap();
    assert_eq!(plain[0], layout, "{name}: answers layout");
    let answers = open(&bytes, PASSPHRASE).unwrap();
    assert_eq!(answers, expected, "{name}");
    answers
}

#[test]
fn a_layout_2_draft_opens() {
    opens_as(
        "draft-v2-layout2.imw",
        2,
        moved_on(fixture_answers_layout_2()),
    );
}

#[test]
fn a_layout_3_draft_opens() {
    opens_as(
        "draft-v2-layout3.imw",
        3,
        moved_on(fixture_answers_layout_3()),
    );
}

#[test]
fn a_layout_4_draft_opens() {
    let answers = opens_as("draft-v2-layout4.imw", 4, fixture_answers_layout_4());
    assert_eq!(answers.birth_day, "٣", "kept as typed");
    assert_eq!(answers.date_of_birth, "ganwyd ar ddydd Mawrth 🎂");
}

#[test]
fn a_layout_5_draft_opens_with_its_concern_log() {
    let answers = opens_as("draft-v2-layout5.imw", 5, fixture_answers_layout_5());
    assert_eq!(answers.concerns.len(), 3);
    assert_eq!(answers.concerns[0].follow_ups[1].day, "١", "kept as typed");
    assert_eq!(answers.concerns[2].year, "2026 ");
    assert!(
        answers.service_address.starts_with("  Ward 8A\r\n"),
        "kept as typed"
    );
}

#[test]
fn drafts_before_layout_5_open_with_no_concerns() {
    for name in [
        "draft-v1.imw",
        "draft-v2.imw",
        "draft-v2-layout2.imw",
        "draft-v2-layout3.imw",
        "draft-v2-layout4.imw",
    ] {
        let answers = open(&fixture(name), PASSPHRASE).unwrap();
        assert!(answers.concerns.is_empty(), "{name}");
        assert!(answers.service_address.is_empty(), "{name}");
    }
}

#[test]
fn an_older_date_of_birth_that_is_not_plainly_a_date_is_kept_whole() {
    for typed in [
        "last tuesday",
        "🎂",
        "👩🏽‍⚕️ 3/4/1961",
        "٣/٤/١٩٦١",
        "وُلدت في الربيع",
        "3 / 4 / 1961 (I think)",
        " \u{200f}3/4/1961",
    ] {
        let old = Answers {
            date_of_birth: typed.into(),
            ..fixture_answers()
        };
        let layout_3 = [&[3], layout_3_bytes(&old).as_slice()].concat();
        let layout_1 = layout_1_bytes(&old);
        for (envelope, plain) in [(2, layout_3), (1, layout_1)] {
            let read = codec::answers_from_draft(envelope, &plain).unwrap();
            assert_eq!(read, old, "{typed:?}");
            assert_eq!(read.date_of_birth, typed);
        }
    }
}

#[test]
fn drafts_kept_on_the_device_open() {
    let fixtures = [
        ("draft-v1", moved_on(fixture_answers())),
        ("draft-v2", moved_on(fixture_answers())),
        ("draft-v2-layout2", moved_on(fixture_answers_layout_2())),
        ("draft-v2-layout3", moved_on(fixture_answers_layout_3())),
        ("draft-v2-layout4", fixture_answers_layout_4()),
        ("draft-v2-layout5", fixture_answers_layout_5()),
    ];
    for (name, answers) in fixtures {
        let stored = String::from_utf8(fixture(&format!("{name}.stored.txt")))
            .expect("local storage holds text");
        // What `storage::saved_on_device` does with the text.
        let bytes = codec::base64_decode(&stored).expect("standard base64");
        assert_eq!(bytes, fixture(&format!("{name}.imw")), "{name}");
        assert_eq!(open(&bytes, PASSPHRASE), Ok(answers), "{name}");
    }
}

/// If this fails, the postcard form of `Answers` has changed: old drafts would no longer open,
/// or would open wrong. Read the note on `Answers` (bump the layout, keep a frozen copy of the
/// old struct for its reader, add a fixture) rather than changing this test or a fixture.
#[test]
fn todays_code_still_writes_the_layout_the_fixtures_hold() {
    assert_eq!(
        LAYOUT, 5,
        "a new layout needs its own fixture and test here"
    );
    let (_, layout_5_plain) = decrypt(&fixture("draft-v2-layout5.imw"), PASSPHRASE).unwrap();
    assert!(
        codec::draft_plaintext(&fixture_answers_layout_5()) == layout_5_plain,
        "Answers' saved layout changed: see the note on `Answers`"
    );
    // Layout 4 is today's form less the empty list at the end.
    let (_, layout_4_plain) = decrypt(&fixture("draft-v2-layout4.imw"), PASSPHRASE).unwrap();
    assert_eq!(layout_4_plain[0], 4);
    assert_eq!(
        layout_4_plain[1..],
        layout_4_bytes(&fixture_answers_layout_4())
    );
    // Layout 3 is layout 4 less the three empty fields at the end.
    let (_, layout_3_plain) = decrypt(&fixture("draft-v2-layout3.imw"), PASSPHRASE).unwrap();
    assert_eq!(layout_3_plain[0], 3);
    assert_eq!(
        layout_3_plain[1..],
        layout_3_bytes(&fixture_answers_layout_3())
    );
    // Layout 2 is layout 3 less the four empty fields at the end.
    let (_, layout_2_plain) = decrypt(&fixture("draft-v2-layout2.imw"), PASSPHRASE).unwrap();
    assert_eq!(layout_2_plain[0], 2);
    assert_eq!(
        layout_2_plain[1..],
        layout_2_bytes(&fixture_answers_layout_2())
    );
    // Layout 1 is layout 2 less the empty list at the end.
    let (_, v2_plain) = decrypt(&fixture("draft-v2.imw"), PASSPHRASE).unwrap();
    assert_eq!(v2_plain[0], 1);
    assert_eq!(v2_plain[1..], layout_1_bytes(&fixture_answers()));
    let (_, v1_plain) = decrypt(&fixture("draft-v1.imw"), PASSPHRASE).unwrap();
    assert_eq!(v1_plain, v2_plain[1..], "v1 holds the same answers, bare");
}

// ---------------------------------------------------------------------------------------------
// Newer versions are refused kindly.

#[test]
fn an_unknown_future_answers_layout_is_refused_as_newer() {
    let (_, plain) = decrypt(&fixture("draft-v2.imw"), PASSPHRASE).unwrap();
    for future in [LAYOUT + 1, 0x7f, 0xff] {
        let mut newer = plain.clone();
        newer[0] = future;
        let draft = seal(like_v2_fixture(), &newer, PASSPHRASE);
        assert_eq!(
            open(&draft, PASSPHRASE),
            Err(Refused::Unreadable(DraftError::NewerVersion)),
            "layout {future}"
        );
    }
    // Layout 0 was never written: that is damage, not the future.
    let mut zero = plain;
    zero[0] = 0;
    let draft = seal(like_v2_fixture(), &zero, PASSPHRASE);
    assert_eq!(
        open(&draft, PASSPHRASE),
        Err(Refused::Unreadable(DraftError::Damaged))
    );
}

#[test]
fn an_unknown_future_envelope_is_refused_as_newer() {
    let mut bytes = fixture("draft-v2.imw");
    for future in [3, 0xff] {
        bytes[4] = future;
        assert_eq!(
            open(&bytes, PASSPHRASE),
            Err(Refused::NotADraft(EnvelopeError::NewerVersion)),
            "envelope {future}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// A changed `Answers` is never misread.

/// What `Answers` might look like after someone adds a field at the end, without bumping the
/// layout. Postcard writes a struct as its fields one after another, so this writes exactly the
/// bytes a flat `Answers` with one more last field would.
#[derive(Serialize)]
struct AnswersPlusOneField {
    today: Answers,
    interpreter_needed_at_meetings: Option<String>,
}

#[test]
fn answers_with_a_new_last_field_are_refused_or_read_right_never_misread() {
    let tomorrow = AnswersPlusOneField {
        today: fixture_answers(),
        interpreter_needed_at_meetings: Some("Tak, proszę 🙂".into()),
    };
    let answers = postcard::to_allocvec(&tomorrow).unwrap();
    // Written as if it were still the current layout (someone forgot to bump it): the bytes
    // left over are refused.
    let mut plain = vec![LAYOUT];
    plain.extend(&answers);
    let draft = seal(like_v2_fixture(), &plain, PASSPHRASE);
    assert_eq!(
        open(&draft, PASSPHRASE),
        Err(Refused::Unreadable(DraftError::Damaged))
    );
    // Written with the layout bumped, as the note on `Answers` says: this app says "newer".
    plain[0] = LAYOUT + 1;
    let draft = seal(like_v2_fixture(), &plain, PASSPHRASE);
    assert_eq!(
        open(&draft, PASSPHRASE),
        Err(Refused::Unreadable(DraftError::NewerVersion))
    );
    // An empty new field (`None`) still costs a byte, so it is refused the same way.
    let empty = AnswersPlusOneField {
        today: fixture_answers(),
        interpreter_needed_at_meetings: None,
    };
    let mut plain = vec![LAYOUT];
    plain.extend(postcard::to_allocvec(&empty).unwrap());
    assert_eq!(
        codec::answers_from_draft(2, &plain),
        Err(DraftError::Damaged)
    );
}

/// The postcard form of each field of `answers`, in order.
fn fields(answers: &Answers) -> Vec<Vec<u8>> {
    fn bytes<T: Serialize>(value: &T) -> Vec<u8> {
        postcard::to_allocvec(value).unwrap()
    }
    let a = answers;
    vec![
        bytes(&a.who),
        bytes(&a.supporter),
        bytes(&a.service_group),
        bytes(&a.situation),
        bytes(&a.when_input),
        bytes(&a.area_postcode),
        bytes(&a.service_name),
        bytes(&a.what_happened),
        bytes(&a.how_it_affected),
        bytes(&a.wants),
        bytes(&a.want_other),
        bytes(&a.late_reason),
        bytes(&a.contact),
        bytes(&a.date_of_birth),
        bytes(&a.access_needs),
        bytes(&a.interpreter_language),
        bytes(&a.access_other),
        bytes(&a.shared_computer),
        bytes(&a.more),
        bytes(&a.reply_words),
        bytes(&a.reply_problems),
        bytes(&a.other_services),
        bytes(&a.other_names),
        bytes(&a.birth_day),
        bytes(&a.birth_month),
        bytes(&a.birth_year),
        bytes(&a.concerns),
        bytes(&a.service_address),
    ]
}

#[test]
fn a_new_field_anywhere_in_the_fixture_answers_is_never_misread() {
    // Where a new field goes matters less than one might hope: a field in the middle shifts
    // everything after it. This puts a new field of several kinds at every position and checks
    // the reader refuses each one for these answers. It cannot prove that no change could ever
    // be misread; bumping the layout (the note on `Answers`) is what does.
    let answers = fixture_answers_layout_5();
    let parts = fields(&answers);
    assert_eq!(
        parts.concat(),
        postcard::to_allocvec(&answers).unwrap(),
        "this list of fields must match `Answers` exactly"
    );
    let new_fields: Vec<Vec<u8>> = vec![
        postcard::to_allocvec(&true).unwrap(),
        postcard::to_allocvec(&false).unwrap(),
        postcard::to_allocvec(&None::<u8>).unwrap(),
        postcard::to_allocvec(&Some(YesNo::Yes)).unwrap(),
        postcard::to_allocvec("").unwrap(),
        postcard::to_allocvec("Nowe słowa 🆕").unwrap(),
        postcard::to_allocvec(&vec![Want::Apology]).unwrap(),
    ];
    let mut tried = 0;
    for at in 0..=parts.len() {
        for new_field in &new_fields {
            let mut plain = vec![LAYOUT];
            plain.extend(parts[..at].concat());
            plain.extend(new_field);
            plain.extend(parts[at..].concat());
            let read = codec::answers_from_draft(2, &plain);
            assert!(
                read.is_err() || read == Ok(answers.clone()),
                "a new field before field {at} was misread: {read:?}"
            );
            tried += 1;
        }
    }
    assert_eq!(tried, (parts.len() + 1) * new_fields.len());
}

// ---------------------------------------------------------------------------------------------
// Damaged, altered or wrong files are refused, never half-read.

#[test]
fn cut_short_drafts_are_refused() {
    for name in ["draft-v1.imw", "draft-v2.imw"] {
        let bytes = fixture(name);
        for len in [0, 3, 4, 5, 9, HEADER_LEN, HEADER_LEN + 15, bytes.len() - 1] {
            let refused = open(&bytes[..len], PASSPHRASE);
            assert!(refused.is_err(), "{name} cut to {len} bytes: {refused:?}");
        }
        assert_eq!(
            open(&bytes[..bytes.len() - 1], PASSPHRASE),
            Err(Refused::WrongPassphrase),
            "{name}: a missing last byte breaks the tag"
        );
    }
}

#[test]
fn altered_drafts_are_refused() {
    for name in ["draft-v1.imw", "draft-v2.imw"] {
        let bytes = fixture(name);
        // Each byte of the ciphertext and the tag, and the IV (all under the same key).
        for at in (HEADER_LEN - 12..bytes.len())
            .step_by(7)
            .chain([bytes.len() - 1])
        {
            let mut altered = bytes.clone();
            altered[at] ^= 0x01;
            assert_eq!(
                open(&altered, PASSPHRASE),
                Err(Refused::WrongPassphrase),
                "{name}: byte {at} flipped"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(open(&longer, PASSPHRASE), Err(Refused::WrongPassphrase));
    }
}

#[test]
fn a_changed_version_byte_can_never_read_the_answers_with_the_wrong_layout() {
    // From version 2 the header is authenticated, so a v2 draft relabelled v1 (or the other
    // way) does not decrypt, rather than being read without (or with) a layout byte.
    let mut v2_as_v1 = fixture("draft-v2.imw");
    v2_as_v1[4] = 1;
    assert_eq!(open(&v2_as_v1, PASSPHRASE), Err(Refused::WrongPassphrase));
    let mut v1_as_v2 = fixture("draft-v1.imw");
    v1_as_v2[4] = 2;
    assert_eq!(open(&v1_as_v2, PASSPHRASE), Err(Refused::WrongPassphrase));
}

#[test]
fn a_wrong_passphrase_or_a_wrong_file_is_refused() {
    assert_eq!(
        open(&fixture("draft-v2.imw"), "blue kettle 🫖 on Yr Wyddfa, w"),
        Err(Refused::WrongPassphrase)
    );
    assert_eq!(
        open(b"%PDF-1.7 not a draft at all", PASSPHRASE),
        Err(Refused::NotADraft(EnvelopeError::NotADraft))
    );
    // The on-device text is not a draft file itself.
    assert_eq!(
        open(&fixture("draft-v2.stored.txt"), PASSPHRASE),
        Err(Refused::NotADraft(EnvelopeError::NotADraft))
    );
}

#[test]
fn plaintext_with_bytes_left_over_is_refused() {
    let (_, mut plain) = decrypt(&fixture("draft-v2.imw"), PASSPHRASE).unwrap();
    plain.push(0);
    let draft = seal(like_v2_fixture(), &plain, PASSPHRASE);
    assert_eq!(
        open(&draft, PASSPHRASE),
        Err(Refused::Unreadable(DraftError::Damaged))
    );
    let (_, mut bare) = decrypt(&fixture("draft-v1.imw"), PASSPHRASE).unwrap();
    bare.extend(b"more");
    assert_eq!(
        codec::answers_from_draft(1, &bare),
        Err(DraftError::Damaged)
    );
}

// ---------------------------------------------------------------------------------------------
// No bytes at all can make the readers panic.

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn parsing_any_bytes_as_an_envelope_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = Envelope::parse(&bytes);
    }

    #[test]
    fn parsing_anything_that_starts_like_a_draft_never_panics(
        version in any::<u8>(),
        rest in proptest::collection::vec(any::<u8>(), 0..120),
    ) {
        let mut bytes = b"IMWD".to_vec();
        bytes.push(version);
        bytes.extend(rest);
        if let Ok(envelope) = Envelope::parse(&bytes) {
            // Whatever parses writes back the same bytes.
            prop_assert_eq!(envelope.to_bytes(), bytes);
        }
    }

    #[test]
    fn reading_any_plaintext_never_panics(
        version in any::<u8>(),
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
    ) {
        let _ = codec::answers_from_draft(version, &bytes);
    }

    #[test]
    fn reading_the_fixture_plaintext_with_any_byte_changed_never_panics(
        at in any::<prop::sample::Index>(),
        value in any::<u8>(),
    ) {
        let mut plain = codec::draft_plaintext(&fixture_answers());
        let at = at.index(plain.len());
        plain[at] = value;
        let _ = codec::answers_from_draft(2, &plain);
        let _ = codec::answers_from_draft(1, &plain[1..]);
    }

    #[test]
    fn reading_any_session_text_never_panics(text in ".{0,80}") {
        let _ = codec::decode(&text);
        let _ = codec::decode(&format!("imw1:{text}"));
    }
}
