//! Turns answers into text and back, for the tab's session storage and for saved drafts.
//!
//! The format is postcard (compact binary) in standard base64, behind a short prefix that names
//! the format version. A draft that cannot be read (from a newer version, or damaged) is reported
//! as an error, never half-loaded, so the person is told rather than silently given wrong answers.

use super::answers::Answers;

/// Prefix for version 1 of the draft format.
const PREFIX: &str = "imw1:";
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Why a draft could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not a draft from this app, or from a version this one does not understand.
    UnknownFormat,
    /// The text is damaged (for example, cut short when copied).
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

/// The answers as postcard bytes (used inside encrypted drafts).
pub fn answers_to_bytes(answers: &Answers) -> Vec<u8> {
    postcard::to_allocvec(answers).unwrap_or_default()
}

/// Reads answers from postcard bytes.
pub fn answers_from_bytes(bytes: &[u8]) -> Result<Answers, DecodeError> {
    postcard::from_bytes(bytes).map_err(|_| DecodeError::Damaged)
}

/// The answers as text, for the tab's session storage.
pub fn encode(answers: &Answers) -> String {
    format!("{PREFIX}{}", base64_encode(&answers_to_bytes(answers)))
}

/// Reads answers written by [`encode`].
pub fn decode(text: &str) -> Result<Answers, DecodeError> {
    let body = text
        .strip_prefix(PREFIX)
        .ok_or(DecodeError::UnknownFormat)?;
    let bytes = base64_decode(body).ok_or(DecodeError::Damaged)?;
    answers_from_bytes(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::{ContactMethod, Want, Who};
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
        let text = encode(&answers);
        assert!(text.starts_with("imw1:"));
        assert_eq!(decode(&text), Ok(answers));
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
        assert_eq!(decode("hello"), Err(DecodeError::UnknownFormat));
        assert_eq!(decode(&text[..text.len() / 2]), Err(DecodeError::Damaged));
    }
}
