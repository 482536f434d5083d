//! Turns answers into bytes and text and back, for saved drafts and the tab's session storage.
//!
//! Answers are written with postcard, which is compact but positional: it stores values one
//! after another with no field names, so bytes can only be read by the exact struct layout that
//! wrote them. `#[serde(default)]` does not help (postcard does not stop early at a missing
//! field), so every layout ever written gets a number, and bytes are read only by the reader for
//! their number.
//!
//! **Answers layouts**, frozen once released (see the note on [`Answers`]):
//!
//! - **Layout 1**: the postcard form of [`Answers`] before `more`. Drafts saved with a date
//!   before that fix (when `WhenItHappened` was internally tagged) never opened, and still do
//!   not: their bytes are refused, not misread.
//! - **Layout 2**: [`Answers`] up to `more` (answers to newer questions, by id), its last
//!   field then. Layout 1 bytes are layout 2 bytes with an empty `more` missing from the end,
//!   and an empty list is the single byte 0: so layout 1 is read by adding that byte.
//! - **Layout 3**: [`Answers`] up to `other_names`: four fields after `more`, `reply_words` (a
//!   text) and `reply_problems` (a list), what was wrong with the service's final answer; and
//!   `other_services` (a list) and `other_names` (a text), when the complaint is about several
//!   services. An empty text is also the byte 0, so layout 2 is read by adding four zero
//!   bytes, and layout 1 by adding five.
//! - **Layout 4**: [`Answers`] up to `birth_year`, with three texts after `other_names`: the
//!   date of birth in boxes (`birth_day`, `birth_month`, `birth_year`). Layout 3 is read by
//!   adding three zero bytes, layout 2 by adding seven and layout 1 by adding eight.
//! - **Layout 5**: [`Answers`] as it is now, with a list and a text after `birth_year`: the
//!   private concern log (`concerns`) and the service's address (`service_address`). Empty,
//!   each is the byte 0, so layout 4 is read by adding two zero bytes, layout 3 by adding
//!   five, layout 2 by adding nine and layout 1 by adding ten.
//!
//! **The date of birth of layouts 1 to 3** was one text, `date_of_birth`, typed as the person
//! liked. When one of those layouts is read, that text moves into the three boxes only when it
//! is plainly a date: exactly three parts, a number, then a number or a word, then a number
//! (ASCII digits and letters), with nothing between or around them but white space and the
//! marks `/ . - ,` (which the boxes make needless). Each part goes into its box exactly as
//! typed, so "27 March 1985" becomes "27", "March", "1985" and "03/04/61" becomes "03", "04",
//! "61" (which the page then asks about). Any other text ("last tuesday", "27th March 1985",
//! an emoji, Arabic digits, four parts) stays whole in `date_of_birth`, exactly as typed, and
//! the letter and "Check your answers" show it while the boxes are empty. Nothing typed is
//! lost either way, and a date that is not real is left for the page to ask about, not fixed.
//!
//! **Where the number is kept:**
//!
//! - An encrypted draft of envelope version 1 (see `envelope`) holds bare postcard answers,
//!   which are always layout 1. From envelope version 2 the plaintext is
//!   `[layout (1 byte)][postcard answers]`. [`answers_from_draft`] reads both.
//! - The tab's session storage holds `"imw" + layout + ":" + base64(postcard answers)`, so
//!   `"imw1:..."` is layout 1. [`decode`] reads it.
//!
//! Reading is strict: postcard must use every byte (a longer layout written under an older
//! number is refused, not half-read), a layout newer than this app is refused with
//! [`DraftError::NewerVersion`], and anything else that does not fit is
//! [`DraftError::Damaged`]. Never a half-load, never a guess.

use super::answers::Answers;
use serde::de::DeserializeOwned;

/// The answers layout this version of the app writes. Bump it (and add a reader to
/// [`answers_from_layout`]) whenever the postcard form of [`Answers`] changes.
pub const LAYOUT: u8 = 5;
/// Session storage text starts with this, then the layout number and a colon.
const SESSION_PREFIX: &str = "imw";
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Why saved answers could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// Not answers saved by this app (only for session storage text).
    UnknownFormat,
    /// Saved by a newer version of the app, in a layout this one does not know.
    NewerVersion,
    /// Cut short, altered, or not in the layout it claims.
    Damaged,
}

/// Standard base64 with padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes standard base64; `None` for anything malformed.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    if text.len() % 4 != 0 {
        return None;
    }
    let value = |c: u8| ALPHABET.iter().position(|&a| a == c).map(|v| v as u32);
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let bytes = text.as_bytes();
    for (index, chunk) in bytes.chunks(4).enumerate() {
        let last = index == bytes.len() / 4 - 1;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for &c in &chunk[..4 - pad] {
            n = (n << 6) | value(c)?;
        }
        n <<= 6 * pad as u32;
        let decoded = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&decoded[..3 - pad]);
    }
    Some(out)
}

/// Reads `bytes` as exactly one `T`, with nothing left over.
fn strict<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, DraftError> {
    match postcard::take_from_bytes(bytes) {
        Ok((value, [])) => Ok(value),
        _ => Err(DraftError::Damaged),
    }
}

/// Reads postcard answers written in answers layout `layout`: the one reader for every layout
/// ever written.
pub fn answers_from_layout(layout: u8, bytes: &[u8]) -> Result<Answers, DraftError> {
    let whole;
    let bytes = match layout {
        // Older layouts lack only fields at the end, each empty (an empty list or text is the
        // byte 0): layout 1 the last ten, layout 2 the last nine, layout 3 the last five and
        // layout 4 the last two. A change anywhere else in `Answers` needs a frozen copy of the
        // old struct here instead: `strict::<AnswersV5>(bytes).map(Answers::from)`.
        1..=4 => {
            whole = [bytes, &[0; 10][..[10, 9, 5, 2][layout as usize - 1]]].concat();
            &whole
        }
        5 => bytes,
        newer if newer > LAYOUT => return Err(DraftError::NewerVersion),
        _ => return Err(DraftError::Damaged),
    };
    // One call: the reader of `Answers` is large, and each call site would copy it.
    let mut answers = strict::<Answers>(bytes)?;
    if layout < 4 {
        if let Some(parts) = birth_parts(&answers.date_of_birth) {
            [answers.birth_day, answers.birth_month, answers.birth_year] = parts.map(String::from);
            answers.date_of_birth.clear();
        }
    }
    Ok(answers)
}

/// The day, month and year of a date of birth typed in one box (layouts 1 to 3), exactly as
/// typed, when the text is plainly a date (see the module docs); `None` keeps it whole.
fn birth_parts(text: &str) -> Option<[&str; 3]> {
    // Walked byte by byte: the separators are all ASCII, so every cut falls between characters,
    // and this costs the first download far less than a general split (about 1 KB less).
    let mut parts = [""; 3];
    let mut count = 0;
    let mut start = 0;
    for (at, byte) in text.bytes().chain([b' ']).enumerate() {
        if byte.is_ascii_whitespace() || b"/.-,".contains(&byte) {
            if at > start {
                // A fourth part: not plainly a date.
                *parts.get_mut(count)? = text.get(start..at)?;
                count += 1;
            }
            start = at + 1;
        }
    }
    let [day, month, year] = parts;
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    (digits(day) && digits(year) && month.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then_some(parts)
}

/// The plaintext of a new encrypted draft (envelope version 2 on): the layout, then the
/// answers.
pub fn draft_plaintext(answers: &Answers) -> Vec<u8> {
    let mut out = vec![LAYOUT];
    out.extend(postcard::to_allocvec(answers).unwrap_or_default());
    out
}

/// Reads the decrypted plaintext of a draft whose envelope has version `envelope_version`.
pub fn answers_from_draft(envelope_version: u8, plaintext: &[u8]) -> Result<Answers, DraftError> {
    match envelope_version {
        // Envelope version 1: bare postcard answers, always layout 1.
        1 => answers_from_layout(1, plaintext),
        // Envelope version 2: the layout number comes first.
        2 => match plaintext.split_first() {
            Some((&layout, answers)) => answers_from_layout(layout, answers),
            None => Err(DraftError::Damaged),
        },
        newer if newer > 2 => Err(DraftError::NewerVersion),
        _ => Err(DraftError::Damaged),
    }
}

/// The answers as text, for the tab's session storage.
pub fn encode(answers: &Answers) -> String {
    let bytes = postcard::to_allocvec(answers).unwrap_or_default();
    format!("{SESSION_PREFIX}{LAYOUT}:{}", base64_encode(&bytes))
}

/// Reads answers written by [`encode`], by this version of the app or an earlier one.
pub fn decode(text: &str) -> Result<Answers, DraftError> {
    let rest = text
        .strip_prefix(SESSION_PREFIX)
        .ok_or(DraftError::UnknownFormat)?;
    let (number, body) = rest.split_once(':').ok_or(DraftError::UnknownFormat)?;
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DraftError::UnknownFormat);
    }
    // Any number too big for a byte is still a number from the future, not damage.
    let layout = number.parse::<u8>().unwrap_or(u8::MAX);
    if layout > LAYOUT {
        return Err(DraftError::NewerVersion);
    }
    let bytes = base64_decode(body).ok_or(DraftError::Damaged)?;
    answers_from_layout(layout, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::{Concern, ContactMethod, FollowUp, ReplyProblem, Want, Who};
    use crate::domain::date::Date;
    use crate::domain::situation::{Nation, Service, WhenItHappened};

    #[test]
    fn base64_matches_the_standard_vectors() {
        // RFC 4648 section 10.
        let table = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in table {
            assert_eq!(base64_encode(plain.as_bytes()), encoded);
            assert_eq!(base64_decode(encoded).unwrap(), plain.as_bytes());
        }
        for bad in ["Zg=", "Z===", "Zg==Zg==", "Zm9v!A==", "é"] {
            assert_eq!(base64_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn answers_round_trip_exactly() {
        let mut answers = Answers {
            who: Some(Who::HelpingSomeone),
            what_happened: "Line one\r\n\n  🙂 مرحبا \u{200b} <script>x</script>".into(),
            wants: vec![Want::Meeting, Want::Apology],
            ..Answers::default()
        };
        answers.situation.nation = Some(Nation::Scotland);
        answers.situation.service = Some(Service::PrisonReleaseMedicines);
        answers.contact.methods = vec![ContactMethod::CareOf];
        answers.supporter.notes = "private".into();
        answers.set_more("share-with-service", "no");
        let text = encode(&answers);
        assert!(text.starts_with("imw5:"));
        assert_eq!(decode(&text), Ok(answers));
    }

    /// A concern log full of what people type (every box, a follow-up or two) comes back
    /// exactly, in session storage and in a draft.
    #[test]
    fn concerns_round_trip_exactly() {
        let follow_up = |kind: &str, words: &str| FollowUp {
            day: "٢٠".into(),
            month: " Tachwedd".into(),
            year: "2026\n".into(),
            kind: kind.into(),
            words: words.into(),
        };
        let concern = Concern {
            day: "3".into(),
            month: "nov".into(),
            year: "2026".into(),
            service: "gp-practice".into(),
            service_name: "Seaview Surgery 🏥 — ŵ".into(),
            category: "appointment".into(),
            what_happened: "Line one\r\n\n  🙂 مرحبا \u{200b}\u{202e} <b>&amp;</b>\0".into(),
            spoke_to: "Receptionist, \"Sam\"".into(),
            they_said: "👩🏽‍⚕️ «come back Monday»".into(),
            wants: "Une réponse, e\u{301} \t".into(),
            summary: "=Rang twice, no reply".into(),
            follow_ups: vec![follow_up("call", "They rang 📞"), follow_up("", "")],
            raised: "yes".into(),
            next: follow_up("reply", "Half-written 🖊"),
        };
        let answers = Answers {
            what_happened: "Ça m'a blessé 💔".into(),
            concerns: vec![concern, Concern::default()],
            ..Answers::default()
        };
        assert_eq!(decode(&encode(&answers)), Ok(answers.clone()));
        assert_eq!(
            answers_from_draft(2, &draft_plaintext(&answers)),
            Ok(answers)
        );
    }

    #[test]
    fn every_kind_of_date_round_trips() {
        // Postcard is not self-describing, so an enum it cannot read back (for example one with
        // an internal `tag`) would make every draft with a date unreadable after a refresh.
        let dates = [
            WhenItHappened::OnDate {
                date: Date::new(2026, 11, 16).unwrap(),
            },
            WhenItHappened::AroundMonth {
                year: 2026,
                month: 9,
            },
            WhenItHappened::NotSure,
            WhenItHappened::Ongoing,
            WhenItHappened::InYear { year: 2022 },
        ];
        for when in dates {
            let mut answers = Answers::default();
            answers.situation.when = Some(when);
            answers.situation.final_response_date = Date::new(2026, 10, 20);
            assert_eq!(decode(&encode(&answers)), Ok(answers), "{when:?}");
        }
    }

    #[test]
    fn damaged_or_foreign_text_is_refused_not_half_read() {
        let text = encode(&Answers {
            what_happened: "x".repeat(500),
            ..Answers::default()
        });
        assert_eq!(decode("hello"), Err(DraftError::UnknownFormat));
        assert_eq!(decode("imw:AA=="), Err(DraftError::UnknownFormat));
        assert_eq!(decode("imwx:AA=="), Err(DraftError::UnknownFormat));
        assert_eq!(decode(&text[..text.len() / 2]), Err(DraftError::Damaged));
        assert_eq!(decode("imw0:AA=="), Err(DraftError::Damaged));
    }

    #[test]
    fn session_text_from_a_newer_version_is_refused_kindly() {
        let body = encode(&Answers::default())["imw5:".len()..].to_string();
        for prefix in ["imw6:", "imw255:", "imw9999999999:"] {
            let text = format!("{prefix}{body}");
            assert_eq!(decode(&text), Err(DraftError::NewerVersion), "{prefix}");
        }
    }

    #[test]
    fn session_text_with_bytes_left_over_is_refused() {
        let answers = Answers {
            what_happened: "I waited".into(),
            ..Answers::default()
        };
        let mut bytes = postcard::to_allocvec(&answers).unwrap();
        assert_eq!(
            decode(&format!("imw5:{}", base64_encode(&bytes))),
            Ok(answers)
        );
        bytes.push(0);
        assert_eq!(
            decode(&format!("imw5:{}", base64_encode(&bytes))),
            Err(DraftError::Damaged)
        );
    }

    /// Layouts 1, 2, 3 and 4 are layout 5 without its empty last fields (ten, nine, five and
    /// two of them): read as such, and nothing longer or shorter gets through.
    #[test]
    fn older_layouts_read_as_layout_5_with_no_newer_answers() {
        let answers = Answers {
            what_happened: "Ça m'a blessé 💔".into(),
            ..Answers::default()
        };
        let layout_5 = postcard::to_allocvec(&answers).unwrap();
        assert!(
            layout_5.ends_with(&[0; 10]),
            "empty lists and texts are the byte 0"
        );
        for (layout, missing) in [(1u8, 10), (2, 9), (3, 5), (4, 2)] {
            let old = &layout_5[..layout_5.len() - missing];
            assert_eq!(answers_from_layout(layout, old), Ok(answers.clone()));
            assert_eq!(
                answers_from_layout(layout, &layout_5),
                Err(DraftError::Damaged)
            );
            assert_eq!(
                answers_from_layout(layout, &old[..old.len() - 1]),
                Err(DraftError::Damaged)
            );
        }
        // A reply answer given in layout 3 is read back by layout 3 and on only.
        let with_reply = Answers {
            reply_words: "Ils n'ont pas répondu à ma question 🙁".into(),
            reply_problems: vec![
                ReplyProblem::NoApology.id().into(),
                ReplyProblem::MissedPoints.id().into(),
            ],
            ..answers
        };
        let bytes = postcard::to_allocvec(&with_reply).unwrap();
        assert_eq!(answers_from_layout(5, &bytes), Ok(with_reply.clone()));
        let layout_3 = &bytes[..bytes.len() - 5];
        assert_eq!(answers_from_layout(3, layout_3), Ok(with_reply.clone()));
        assert_eq!(answers_from_layout(2, layout_3), Err(DraftError::Damaged));
        // A date of birth typed in the boxes is read back by layout 4 and on only.
        let with_birth = Answers {
            birth_day: "٣".into(),
            birth_month: "Ebrill".into(),
            birth_year: "1961 ".into(),
            ..with_reply
        };
        let bytes = postcard::to_allocvec(&with_birth).unwrap();
        assert_eq!(answers_from_layout(5, &bytes), Ok(with_birth.clone()));
        let layout_4 = &bytes[..bytes.len() - 2];
        assert_eq!(answers_from_layout(4, layout_4), Ok(with_birth.clone()));
        assert_eq!(answers_from_layout(3, layout_4), Err(DraftError::Damaged));
        // A concern log and the service's address are read back by layout 5 only.
        let with_concerns = Answers {
            concerns: vec![Concern {
                what_happened: "Nadie me llamó 📵".into(),
                ..Concern::default()
            }],
            service_address: "1 Rue de l'Église\nHove".into(),
            ..with_birth
        };
        let bytes = postcard::to_allocvec(&with_concerns).unwrap();
        assert_eq!(answers_from_layout(5, &bytes), Ok(with_concerns));
        assert_eq!(answers_from_layout(4, &bytes), Err(DraftError::Damaged));
    }

    /// The bytes layout 4 wrote (today's answers without the log and the service's address)
    /// open with an empty log and no address.
    #[test]
    fn layout_4_bytes_read_with_no_concerns() {
        let answers = Answers {
            what_happened: "Ça m'a blessé 💔".into(),
            birth_day: "3".into(),
            birth_month: "April".into(),
            birth_year: "1961".into(),
            ..Answers::default()
        };
        let mut layout_4 = postcard::to_allocvec(&answers).unwrap();
        assert_eq!(layout_4.pop(), Some(0), "the empty address is one byte");
        assert_eq!(layout_4.pop(), Some(0), "the empty log is one byte");
        let read = answers_from_layout(4, &layout_4).unwrap();
        assert!(read.concerns.is_empty());
        assert_eq!(read, answers);
        assert_eq!(
            decode(&format!("imw4:{}", base64_encode(&layout_4))),
            Ok(answers.clone())
        );
        assert_eq!(
            answers_from_draft(2, &[&[4], layout_4.as_slice()].concat()),
            Ok(answers)
        );
    }

    /// The date of birth of layouts 1 to 3, one text, as the answers hold it once read:
    /// `(typed, [day, month, year], left whole)`.
    #[test]
    fn an_older_date_of_birth_moves_into_the_boxes_only_when_it_is_plainly_a_date() {
        let split = |day: &str, month: &str, year: &str| [day, month, year].map(String::from);
        let none = || split("", "", "");
        let table = [
            ("3/4/1961", split("3", "4", "1961"), ""),
            ("27 March 1985", split("27", "March", "1985"), ""),
            (" 01.12.1950 ", split("01", "12", "1950"), ""),
            ("27-mar-1985", split("27", "mar", "1985"), ""),
            ("27,  3,\t1985\n", split("27", "3", "1985"), ""),
            // Plainly a date, but not a real one: kept as typed, for the page to ask about.
            ("31/2/85", split("31", "2", "85"), ""),
            ("99 Smarch 0", split("99", "Smarch", "0"), ""),
            // Anything else stays whole, exactly as typed.
            ("last tuesday", none(), "last tuesday"),
            ("not sure really", none(), "not sure really"),
            ("27th March 1985", none(), "27th March 1985"),
            ("27 March 1985 or 86", none(), "27 March 1985 or 86"),
            ("1985", none(), "1985"),
            ("3/4/1961?", none(), "3/4/1961?"),
            ("3 🎂 4 🎂 1961", none(), "3 🎂 4 🎂 1961"),
            ("🎂", none(), "🎂"),
            ("٣/٤/١٩٦١", none(), "٣/٤/١٩٦١"),
            ("لا أعرف", none(), "لا أعرف"),
            ("3 März 1961", none(), "3 März 1961"),
            ("3\u{200b}/4/1961", none(), "3\u{200b}/4/1961"),
            (" \n", none(), " \n"),
            ("", none(), ""),
        ];
        for (typed, boxes, whole) in table {
            let old = Answers {
                date_of_birth: typed.into(),
                what_happened: "Ça m'a blessé 💔".into(),
                ..Answers::default()
            };
            let bytes = postcard::to_allocvec(&old).unwrap();
            let layout_3 = &bytes[..bytes.len() - 5];
            for (layout, missing) in [(1u8, 5), (2, 4), (3, 0)] {
                let read = answers_from_layout(layout, &layout_3[..layout_3.len() - missing])
                    .unwrap_or_else(|e| panic!("{typed:?} in layout {layout}: {e:?}"));
                let [day, month, year] = boxes.clone();
                let moved = Answers {
                    date_of_birth: whole.into(),
                    birth_day: day,
                    birth_month: month,
                    birth_year: year,
                    ..old.clone()
                };
                assert_eq!(read, moved, "{typed:?} in layout {layout}");
            }
            // Layouts 4 and 5 already have their boxes: their text is never moved again.
            let layout_4 = &bytes[..bytes.len() - 2];
            assert_eq!(
                answers_from_layout(4, layout_4),
                Ok(old.clone()),
                "{typed:?}"
            );
            assert_eq!(answers_from_layout(5, &bytes), Ok(old), "{typed:?}");
        }
    }

    #[test]
    fn draft_plaintext_names_its_layout_and_reads_back() {
        let answers = Answers {
            what_happened: "Ça m'a blessé 💔".into(),
            ..Answers::default()
        };
        let plain = draft_plaintext(&answers);
        assert_eq!(plain[0], LAYOUT);
        assert_eq!(answers_from_draft(2, &plain), Ok(answers.clone()));
        // Envelope version 1 held the same answers with no layout byte, in layout 1 (which
        // lacks the empty list, the four empty fields of layout 3, the three of layout 4 and
        // the empty log and address of layout 5 at the end).
        assert_eq!(
            answers_from_draft(1, &plain[1..plain.len() - 10]),
            Ok(answers)
        );
        assert_eq!(answers_from_draft(2, &[]), Err(DraftError::Damaged));
        assert_eq!(answers_from_draft(0, &plain), Err(DraftError::Damaged));
        assert_eq!(answers_from_draft(3, &plain), Err(DraftError::NewerVersion));
        let mut newer = plain.clone();
        newer[0] = LAYOUT + 1;
        assert_eq!(answers_from_draft(2, &newer), Err(DraftError::NewerVersion));
        newer[0] = 0;
        assert_eq!(answers_from_draft(2, &newer), Err(DraftError::Damaged));
    }
}
