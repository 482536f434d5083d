//! `mailto:` links (RFC 6068), so a letter can be opened in the person's own email program.
//!
//! Nothing is sent by the app: the link only fills in a new email, which the person reads and
//! sends themselves. Long letters do not fit in a link reliably, so [`too_long`] says when to
//! offer "copy the letter and paste it into an email" instead.

/// Links longer than this many characters may be cut short or refused. RFC 6068 sets no limit,
/// but programs do: Internet Explorer stops at 2,083 characters (Microsoft KB 208427, "Maximum
/// URL length is 2,083 characters in Internet Explorer"), and Outlook opened from a browser has
/// been measured to stop at 2,046. 2,000 stays under both.
pub const SAFE_LENGTH: usize = 2000;

/// A `mailto:` link with the address, subject and body percent-encoded as RFC 6068 asks: every
/// byte of UTF-8 except unreserved characters is encoded, and each line break in the body
/// becomes `%0D%0A` (section 5 of the RFC).
pub fn mailto(address: &str, subject: &str, body: &str) -> String {
    let mut out = String::from("mailto:");
    encode(address.trim(), &mut out, true);
    out.push_str("?subject=");
    encode(subject, &mut out, false);
    // An empty body is left out, so the mail app opens a clean message to paste into.
    if !body.is_empty() {
        out.push_str("&body=");
        encode(body, &mut out, false);
    }
    out
}

/// True when a link may be too long for some email programs (see [`SAFE_LENGTH`]).
pub fn too_long(link: &str) -> bool {
    link.chars().count() > SAFE_LENGTH
}

/// The link that carries a whole letter, or `None` when it would be [`too_long`].
///
/// The letter page asks for this on every keystroke, so a long letter is not encoded only to
/// be thrown away: every byte of the body becomes at least one character of the link (a byte
/// is kept as it is or becomes `%XX`), so a body of more than [`SAFE_LENGTH`] bytes can only
/// make a link that is too long.
pub fn letter_link(address: &str, subject: &str, body: &str) -> Option<String> {
    if body.len() > SAFE_LENGTH {
        return None;
    }
    let link = mailto(address, subject, body);
    (!too_long(&link)).then_some(link)
}

fn encode(text: &str, out: &mut String, address: bool) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Any line break (CRLF, LF or a lone CR) is one CRLF in an email body.
        if b == b'\r' || b == b'\n' {
            out.push_str("%0D%0A");
            i += if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            continue;
        }
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || (address && b == b'@') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_reserved_characters_and_line_breaks() {
        let link = mailto(
            "complaints@example.nhs.uk",
            "A & B?",
            "Line 1\nLine 2\r\n£5",
        );
        assert_eq!(
            link,
            "mailto:complaints@example.nhs.uk?subject=A%20%26%20B%3F&body=Line%201%0D%0ALine%202%0D%0A%C2%A35"
        );
        assert!(!too_long(&link));
        assert!(too_long(&mailto("a@b", "", &"x".repeat(2000))));
    }

    /// The shortcut in `letter_link` never disagrees with encoding the link and measuring it:
    /// bodies of every length around the limit, in plain letters, line breaks and characters
    /// that take several bytes.
    #[test]
    fn letter_link_agrees_with_too_long() {
        for unit in ["x", "a b", "\n", "\r\n", "£", "😀", "é\n"] {
            for length in (1900..2100).chain([0, 1, 500, 10_000]) {
                let body: String = unit.chars().cycle().take(length).collect();
                let link = mailto("complaints@example.nhs.uk", "Complaint", &body);
                let expected = (!too_long(&link)).then_some(link);
                assert_eq!(
                    letter_link("complaints@example.nhs.uk", "Complaint", &body),
                    expected,
                    "{unit:?} × {length}"
                );
            }
        }
    }
}
