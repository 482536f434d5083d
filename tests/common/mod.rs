//! What the native test files share: reading the project's files, and the place table read
//! once, the way the app reads it.

// Each test file is its own crate and uses only part of this.
#![allow(dead_code)]

use in_my_words::domain::place::PlaceTable;
use std::sync::LazyLock;

/// Reads a file of the project, by its path from the project's root.
pub fn read(path: &str) -> String {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

static TEXT: LazyLock<String> = LazyLock::new(|| read("assets/data/places.txt"));
static TABLE: LazyLock<PlaceTable<'static>> =
    LazyLock::new(|| PlaceTable::parse(&TEXT).expect("places.txt reads"));

/// The committed place table's text (`assets/data/places.txt`).
pub fn places_text() -> &'static str {
    &TEXT
}

/// The place table, read once, as the app reads it.
pub fn table() -> &'static PlaceTable<'static> {
    &TABLE
}
