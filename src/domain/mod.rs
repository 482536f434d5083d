//! The domain: plain Rust with no browser or Yew code, tested natively with `cargo test`.
//!
//! - [`answers`]: what the person told us, kept exactly as typed.
//! - [`concerns`]: the private concern log: the worker's export, and turning chosen concerns
//!   into a complaint.
//! - [`situation`]: the part of the answers that decides the route (from the basics crate: the
//!   data files name its types too).
//! - [`questions`]: each page of the journey as one record (what it asks, where the answer
//!   goes, when it is skipped); [`fields`]: every text box and the edits that change answers;
//!   [`when`]: the date boxes.
//! - [`interview`]: navigation and validation over those records.
//! - [`route`]: where the complaint goes, what not to do, who helps, and by when.
//! - [`letter`]: the complaint letter, follow-up letters and the consent form, built from the
//!   answers and the route, with plain text and print HTML renderers.
//! - [`timeline`]: what happens next, with dates, as text, HTML and calendar (`.ics`) reminders.
//! - [`docx`]: a letter as an editable Word document.
//! - [`mailto`]: a `mailto:` link for sending a letter by email.
//! - [`place`]: the council a person lives in, from their postcode or the name they type, in
//!   a table of every UK postcode district fetched when the "Where" question opens.
//! - [`date`]: calendar arithmetic for deadlines (from the basics crate, shared with `build.rs`).
//! - [`envelope`]: the layout of an encrypted saved draft.
//! - [`codec`]: answers to text and back, for session storage and saved drafts.
//! - [`check`]: "Before you send", a private check for words that could hurt the person's case.
//! - [`tools`]: the letter tools' requests and replies (routing, letter, check, files), run in a
//!   web worker so the journey's first download stays small.
//!
//! Nothing here reads a clock, the network or storage: "today" and the data are passed in, so
//! every result is reproducible in a test.

pub mod answers;
pub mod check;
pub mod codec;
pub mod concerns;
pub mod docx;
pub mod envelope;
pub mod fields;
pub mod interview;
pub mod letter;
pub mod mailto;
pub mod place;
pub mod questions;
pub mod route;
pub mod safety;
pub mod timeline;
pub mod tools;
pub mod when;

// Shared with build.rs through the basics crate; kept here under their old paths
// (`crate::domain::date`, `crate::domain::situation`).
pub use in_my_words_basics::{date, situation};
