//! The layout of an encrypted draft: what "Save on this device" stores and "Save to a file"
//! downloads. The encryption itself happens in the browser (WebCrypto: AES-GCM with a key derived
//! from the person's passphrase by PBKDF2-SHA-256); this module only lays the pieces out and reads
//! them back, so the format is tested here without a browser.
//!
//! Layout (all lengths fixed except the ciphertext):
//!
//! ```text
//! "IMWD" | version (1 byte) | PBKDF2 iterations (u32, big-endian) | salt (16) | iv (12) | ciphertext
//! ```
//!
//! The ciphertext is AES-GCM over the postcard form of the answers; its last 16 bytes are the
//! authentication tag, so a wrong passphrase or a damaged file is always detected, never
//! half-read. The passphrase itself is never stored anywhere.

/// Magic bytes: identifies a draft file even if it is renamed.
const MAGIC: &[u8; 4] = b"IMWD";
const VERSION: u8 = 1;
pub const SALT_LEN: usize = 16;
pub const IV_LEN: usize = 12;
/// AES-GCM's authentication tag, at the end of the ciphertext.
const TAG_LEN: usize = 16;
const HEADER_LEN: usize = 4 + 1 + 4 + SALT_LEN + IV_LEN;

/// PBKDF2-HMAC-SHA-256 iterations for new drafts: OWASP's 2023 recommendation (600,000). Slow on
/// purpose, to make guessing a passphrase from a stolen file expensive; about a second on a cheap
/// phone, once per save or open.
pub const ITERATIONS: u32 = 600_000;
/// The fewest iterations a draft may claim. A file that says fewer is refused, so a tampered file
/// cannot make guessing cheap.
const MIN_ITERATIONS: u32 = 100_000;
/// The most a draft may claim, so a tampered file cannot make the device hang.
const MAX_ITERATIONS: u32 = 10_000_000;

/// The parts of an encrypted draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub iterations: u32,
    pub salt: [u8; SALT_LEN],
    pub iv: [u8; IV_LEN],
    pub ciphertext: Vec<u8>,
}

/// Why bytes are not a draft this app can open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EnvelopeError {
    /// Not an In My Words draft at all (wrong file chosen).
    NotADraft,
    /// A draft from a newer version of the app.
    NewerVersion,
    /// A draft, but cut short or altered.
    Damaged,
}

impl Envelope {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_LEN + self.ciphertext.len());
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.extend_from_slice(&self.iterations.to_be_bytes());
        out.extend_from_slice(&self.salt);
        out.extend_from_slice(&self.iv);
        out.extend_from_slice(&self.ciphertext);
        out
    }

    pub fn parse(bytes: &[u8]) -> Result<Envelope, EnvelopeError> {
        if bytes.len() < 4 || &bytes[..4] != MAGIC {
            return Err(EnvelopeError::NotADraft);
        }
        if bytes.len() < 5 {
            return Err(EnvelopeError::Damaged);
        }
        if bytes[4] != VERSION {
            return Err(if bytes[4] > VERSION {
                EnvelopeError::NewerVersion
            } else {
                EnvelopeError::Damaged
            });
        }
        if bytes.len() < HEADER_LEN + TAG_LEN {
            return Err(EnvelopeError::Damaged);
        }
        let iterations = u32::from_be_bytes(bytes[5..9].try_into().expect("4 bytes"));
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations) {
            return Err(EnvelopeError::Damaged);
        }
        let mut salt = [0; SALT_LEN];
        salt.copy_from_slice(&bytes[9..9 + SALT_LEN]);
        let mut iv = [0; IV_LEN];
        iv.copy_from_slice(&bytes[9 + SALT_LEN..HEADER_LEN]);
        Ok(Envelope {
            iterations,
            salt,
            iv,
            ciphertext: bytes[HEADER_LEN..].to_vec(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Envelope {
        Envelope {
            iterations: ITERATIONS,
            salt: [7; SALT_LEN],
            iv: [9; IV_LEN],
            ciphertext: (0..40).collect(),
        }
    }

    #[test]
    fn round_trips() {
        let bytes = sample().to_bytes();
        assert_eq!(&bytes[..4], b"IMWD");
        assert_eq!(Envelope::parse(&bytes), Ok(sample()));
    }

    #[test]
    fn tells_a_wrong_file_from_a_damaged_or_newer_draft() {
        let bytes = sample().to_bytes();
        assert_eq!(Envelope::parse(b"%PDF-1.7"), Err(EnvelopeError::NotADraft));
        assert_eq!(Envelope::parse(b""), Err(EnvelopeError::NotADraft));
        assert_eq!(Envelope::parse(&bytes[..20]), Err(EnvelopeError::Damaged));
        let mut newer = bytes.clone();
        newer[4] = 2;
        assert_eq!(Envelope::parse(&newer), Err(EnvelopeError::NewerVersion));
    }

    #[test]
    fn refuses_iteration_counts_that_weaken_or_hang() {
        for iterations in [0, 1_000, MAX_ITERATIONS + 1] {
            let bytes = Envelope {
                iterations,
                ..sample()
            }
            .to_bytes();
            assert_eq!(
                Envelope::parse(&bytes),
                Err(EnvelopeError::Damaged),
                "{iterations}"
            );
        }
    }
}
