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
//! The ciphertext is AES-GCM (256-bit key, 12-byte IV, 16-byte tag at the end) with a key from
//! PBKDF2-HMAC-SHA-256 over the passphrase's UTF-8 bytes, the salt and the iteration count. The
//! tag means a wrong passphrase or a damaged file is always detected, never half-read. The
//! passphrase itself is never stored anywhere. On this device the same bytes are kept in local
//! storage as standard base64 text.
//!
//! Every version the app has ever written, frozen (each must still open forever after):
//!
//! - **Version 1** (the first release). The plaintext is the bare postcard form of the answers in
//!   answers layout 1, with no version of its own. AES-GCM has no additional data.
//! - **Version 2** (current). The plaintext is `[answers layout version (1 byte)][postcard
//!   answers in that layout]`, so the answers can change shape without a new envelope. The 37
//!   header bytes (magic to IV) are AES-GCM's additional data, so changing any of them, the
//!   version byte included, makes the draft fail to open instead of being read with the wrong
//!   layout.
//!
//! `codec::answers_from_draft` is the one reader of the plaintext for every version.
//!
//! A newer envelope version is refused kindly ([`EnvelopeError::NewerVersion`]). Only change the
//! envelope version for a change to this outer layout or the cryptography; a new field in the
//! answers needs only a new answers layout version (see `codec`).

/// Magic bytes: identifies a draft file even if it is renamed.
const MAGIC: &[u8; 4] = b"IMWD";
/// The envelope version new drafts are written in.
pub const VERSION: u8 = 2;
/// The first version: bare postcard answers inside, no additional data.
pub const VERSION_1: u8 = 1;
pub const SALT_LEN: usize = 16;
pub const IV_LEN: usize = 12;
/// AES-GCM's authentication tag, at the end of the ciphertext.
const TAG_LEN: usize = 16;
/// Magic, version, iterations, salt and IV.
pub const HEADER_LEN: usize = 4 + 1 + 4 + SALT_LEN + IV_LEN;

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
    /// Which layout this draft is in (see the module notes). New drafts use [`VERSION`].
    pub version: u8,
    pub iterations: u32,
    pub salt: [u8; SALT_LEN],
    pub iv: [u8; IV_LEN],
    /// AES-GCM output: the encrypted plaintext followed by the 16-byte tag.
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
    /// The header: magic, version, iterations, salt and IV, exactly as at the start of
    /// [`Envelope::to_bytes`].
    pub fn header(&self) -> [u8; HEADER_LEN] {
        let mut out = [0; HEADER_LEN];
        out[..4].copy_from_slice(MAGIC);
        out[4] = self.version;
        out[5..9].copy_from_slice(&self.iterations.to_be_bytes());
        out[9..9 + SALT_LEN].copy_from_slice(&self.salt);
        out[9 + SALT_LEN..].copy_from_slice(&self.iv);
        out
    }

    /// What AES-GCM must authenticate besides the ciphertext: the header from version 2 on,
    /// nothing for version 1 (which was written without it).
    pub fn additional_data(&self) -> Option<[u8; HEADER_LEN]> {
        (self.version >= 2).then(|| self.header())
    }

    /// The draft's bytes, as saved to a file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_LEN + self.ciphertext.len());
        out.extend_from_slice(&self.header());
        out.extend_from_slice(&self.ciphertext);
        out
    }

    /// Reads the layout of any version this app knows. Says which of "not a draft", "newer" or
    /// "damaged" it is, so the page can explain; never panics, whatever the bytes.
    pub fn parse(bytes: &[u8]) -> Result<Envelope, EnvelopeError> {
        if !bytes.starts_with(MAGIC) {
            return Err(EnvelopeError::NotADraft);
        }
        let version = *bytes.get(4).ok_or(EnvelopeError::Damaged)?;
        if version > VERSION {
            return Err(EnvelopeError::NewerVersion);
        }
        if version < VERSION_1 {
            return Err(EnvelopeError::Damaged);
        }
        if bytes.len() < HEADER_LEN + TAG_LEN {
            return Err(EnvelopeError::Damaged);
        }
        let (header, ciphertext) = bytes.split_at(HEADER_LEN);
        let iterations = u32::from_be_bytes([header[5], header[6], header[7], header[8]]);
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations) {
            return Err(EnvelopeError::Damaged);
        }
        let mut salt = [0; SALT_LEN];
        salt.copy_from_slice(&header[9..9 + SALT_LEN]);
        let mut iv = [0; IV_LEN];
        iv.copy_from_slice(&header[9 + SALT_LEN..]);
        Ok(Envelope {
            version,
            iterations,
            salt,
            iv,
            ciphertext: ciphertext.to_vec(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Envelope {
        Envelope {
            version: VERSION,
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
        assert_eq!(bytes[4], VERSION);
        assert_eq!(&bytes[..HEADER_LEN], &sample().header());
        assert_eq!(Envelope::parse(&bytes), Ok(sample()));
    }

    #[test]
    fn reads_every_version_ever_written() {
        for version in [VERSION_1, VERSION] {
            let envelope = Envelope {
                version,
                ..sample()
            };
            assert_eq!(Envelope::parse(&envelope.to_bytes()), Ok(envelope));
        }
    }

    #[test]
    fn only_version_2_on_authenticates_the_header() {
        let v1 = Envelope {
            version: VERSION_1,
            ..sample()
        };
        assert_eq!(v1.additional_data(), None);
        assert_eq!(sample().additional_data(), Some(sample().header()));
    }

    #[test]
    fn tells_a_wrong_file_from_a_damaged_or_newer_draft() {
        let bytes = sample().to_bytes();
        assert_eq!(Envelope::parse(b"%PDF-1.7"), Err(EnvelopeError::NotADraft));
        assert_eq!(Envelope::parse(b""), Err(EnvelopeError::NotADraft));
        assert_eq!(Envelope::parse(b"IMWD"), Err(EnvelopeError::Damaged));
        assert_eq!(Envelope::parse(&bytes[..20]), Err(EnvelopeError::Damaged));
        let mut newer = bytes.clone();
        newer[4] = VERSION + 1;
        assert_eq!(Envelope::parse(&newer), Err(EnvelopeError::NewerVersion));
        let mut zero = bytes;
        zero[4] = 0;
        assert_eq!(Envelope::parse(&zero), Err(EnvelopeError::Damaged));
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
