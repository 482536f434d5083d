//! Encrypting and decrypting drafts with the browser's own cryptography (WebCrypto), so no
//! cryptography code has to be downloaded: AES-GCM (256-bit) with a key derived from the
//! person's passphrase by PBKDF2-HMAC-SHA-256 and a fresh random salt and IV for every save.
//!
//! The passphrase is used once to derive the key and then dropped; it is never stored.
//!
//! The byte layouts, and which versions use the header as AES-GCM's additional data, are in
//! `domain::envelope`; the answers inside are read by `domain::codec`. `tests/drafts.rs` opens
//! committed drafts with a native copy of the same steps, so a change here that stops old drafts
//! opening is caught without a browser.

use crate::domain::answers::Answers;
use crate::domain::codec::{self, DraftError};
use crate::domain::envelope::{Envelope, EnvelopeError, ITERATIONS, VERSION};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// Why a draft could not be saved or opened, in terms the page can explain kindly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// The browser has no WebCrypto (very old browsers, or pages not served securely).
    Unavailable,
    /// The passphrase does not open this draft (or the draft was altered).
    WrongPassphrase,
    /// The bytes are not a draft, or a damaged or newer one.
    NotADraft(EnvelopeError),
    /// It decrypted, but the answers inside are from a newer app or do not read cleanly.
    Unreadable(DraftError),
}

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    super::window()
        .crypto()
        .map(|c| c.subtle())
        .map_err(|_| CryptoError::Unavailable)
}

fn random<const N: usize>() -> Result<[u8; N], CryptoError> {
    let mut bytes = [0u8; N];
    super::window()
        .crypto()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes))
        .map_err(|_| CryptoError::Unavailable)?;
    Ok(bytes)
}

/// A plain JavaScript object from key/value pairs, for WebCrypto's algorithm parameters.
fn object(entries: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in entries {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

async fn promise(result: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(result?).await
}

async fn derive_key(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<CryptoKey, CryptoError> {
    let subtle = subtle()?;
    let raw = Uint8Array::from(passphrase.as_bytes());
    let material = promise(subtle.import_key_with_str(
        "raw",
        &raw,
        "PBKDF2",
        false,
        &Array::of1(&JsValue::from_str("deriveKey")),
    ))
    .await
    .map_err(|_| CryptoError::Unavailable)?;
    let params = object(&[
        ("name", "PBKDF2".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
        ("hash", "SHA-256".into()),
    ]);
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256u32.into())]);
    let key = promise(subtle.derive_key_with_object_and_object(
        &params,
        &material.unchecked_into(),
        &aes,
        false,
        &Array::of2(&"encrypt".into(), &"decrypt".into()),
    ))
    .await
    .map_err(|_| CryptoError::Unavailable)?;
    Ok(key.unchecked_into())
}

/// AES-GCM's parameters for `envelope`: its IV, and its header as additional data from
/// envelope version 2 on.
fn aes_params(envelope: &Envelope) -> Object {
    let mut entries = vec![
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(&envelope.iv[..]).into()),
    ];
    if let Some(header) = envelope.additional_data() {
        entries.push(("additionalData", Uint8Array::from(&header[..]).into()));
    }
    object(&entries)
}

/// Encrypts the answers with a key from `passphrase`, in the current layout (envelope version 2,
/// answers layout `codec::LAYOUT`). Returns the draft's bytes.
pub async fn encrypt_answers(answers: &Answers, passphrase: &str) -> Result<Vec<u8>, CryptoError> {
    let plain = codec::draft_plaintext(answers);
    let mut envelope = Envelope {
        version: VERSION,
        iterations: ITERATIONS,
        salt: random()?,
        iv: random()?,
        ciphertext: Vec::new(),
    };
    let key = derive_key(passphrase, &envelope.salt, envelope.iterations).await?;
    let sealed = promise(subtle()?.encrypt_with_object_and_buffer_source(
        &aes_params(&envelope),
        &key,
        &Uint8Array::from(&plain[..]),
    ))
    .await
    .map_err(|_| CryptoError::Unavailable)?;
    envelope.ciphertext = Uint8Array::new(&sealed).to_vec();
    Ok(envelope.to_bytes())
}

/// Opens a draft of any version this app has written. A wrong passphrase, a damaged draft or
/// one from a newer app is reported, never half-read.
pub async fn decrypt_answers(draft: &[u8], passphrase: &str) -> Result<Answers, CryptoError> {
    let envelope = Envelope::parse(draft).map_err(CryptoError::NotADraft)?;
    let key = derive_key(passphrase, &envelope.salt, envelope.iterations).await?;
    let plain = promise(subtle()?.decrypt_with_object_and_buffer_source(
        &aes_params(&envelope),
        &key,
        &Uint8Array::from(&envelope.ciphertext[..]),
    ))
    .await
    // AES-GCM refuses to decrypt when the tag does not match: wrong passphrase or altered file.
    .map_err(|_| CryptoError::WrongPassphrase)?;
    codec::answers_from_draft(envelope.version, &Uint8Array::new(&plain).to_vec())
        .map_err(CryptoError::Unreadable)
}
