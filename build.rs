//! Build step: check the data files in `assets/data/` and embed them in compact form.
//!
//! The data (routing rules, the organisation directory, crisis lines, bank holidays) is written
//! by people, in TOML, with sources and dates. This script parses it with exactly the code the
//! native tests use (the `in_my_words_basics` crate in `crates/basics`, a build-dependency with
//! its `source` feature), refuses to build if anything is wrong (naming the file, the entry and
//! the field), and writes the checked data as postcard bytes to `$OUT_DIR/data.postcard`, which
//! `src/data/mod.rs` embeds with `include_bytes!`. The app therefore ships no TOML parser.
//!
//! Cargo reruns this script when a data file changes (each `read` below says so) and when the
//! basics crate changes (it is a build-dependency, so cargo rebuilds the script).

use in_my_words_basics::{check_schema, source, validate};
use std::path::Path;

fn read(path: &str) -> String {
    println!("cargo:rerun-if-changed={path}");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn main() {
    let organisations = read(validate::ORGANISATIONS_FILE);
    let areas = read(validate::AREAS_FILE);
    let rules = read(validate::RULES_FILE);
    let crisis = read(validate::CRISIS_FILE);
    let bank_holidays = read(validate::BANK_HOLIDAYS_FILE);
    let texts = source::SourceTexts {
        organisations: &organisations,
        areas: &areas,
        rules: &rules,
        crisis: &crisis,
        bank_holidays: &bank_holidays,
    };
    let data = match source::load(&texts) {
        Ok(data) => data,
        Err(errors) => {
            for error in &errors {
                println!("cargo:warning={error}");
            }
            eprintln!("The data files have {} problem(s):", errors.len());
            for error in &errors {
                eprintln!("  - {error}");
            }
            std::process::exit(1);
        }
    };
    let data = source::for_the_app(data);
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let routing = postcard::to_allocvec(&data).expect("the data set serialises");
    std::fs::write(Path::new(&out).join("data.postcard"), &routing).expect("OUT_DIR is writable");
    // The journey's own small part (areas and crisis lines), so the app's first download does
    // not carry the whole directory: routing runs in the letter tools, loaded later.
    let bytes =
        postcard::to_allocvec(&source::for_the_journey(data)).expect("the data set serialises");
    std::fs::write(Path::new(&out).join("journey.postcard"), bytes).expect("OUT_DIR is writable");
    check_data(&out);
    protocol_version(&routing);
}

/// The version of the messages between the app and its letter tools (`IMW_PROTOCOL`): a hash
/// of every source file that defines them or the types inside them, and of the routing data the
/// build encoded. Both programs are built from the same files in one build, so they always
/// agree; a page from one build that meets the tools of another (after an update) sees a
/// different number and reloads instead of misreading, and the tools refuse a `routes.bin`
/// (which starts with the number) from any other build, even one whose only change was data.
fn protocol_version(routing_data: &[u8]) {
    fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .map(|entry| entry.expect("a readable folder entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    // The messages' types live in the app's domain and data, and in the basics crate (dates,
    // the situation, the data schema).
    for dir in ["src/domain", "src/data", "crates/basics/src"] {
        println!("cargo:rerun-if-changed={dir}");
        files(Path::new(dir), &mut paths);
    }
    // FNV-1a, 32 bits: enough to tell two builds apart, and no dependency.
    let mut hash: u32 = 0x811c_9dc5;
    let mut mix = |bytes: &[u8]| {
        for &byte in bytes {
            hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
    };
    for path in &paths {
        mix(path.to_string_lossy().as_bytes());
        mix(&std::fs::read(path).expect("a readable source file"));
    }
    mix(routing_data);
    println!("cargo:rustc-env=IMW_PROTOCOL={hash}");
}

/// Checks `assets/data/check.toml` and writes `$OUT_DIR/check.postcard`, without the `why`
/// notes (they are for people editing the file). Kept apart from the routing data so each can
/// change without touching the other.
fn check_data(out: &str) {
    let text = read(check_schema::CHECK_FILE);
    let data = match check_schema::load(&text) {
        Ok(data) => data,
        Err(errors) => {
            for error in &errors {
                println!("cargo:warning={error}");
            }
            eprintln!(
                "{} has {} problem(s):",
                check_schema::CHECK_FILE,
                errors.len()
            );
            for error in &errors {
                eprintln!("  - {error}");
            }
            std::process::exit(1);
        }
    };
    let bytes = postcard::to_allocvec(&data.without_notes()).expect("the check data serialises");
    std::fs::write(Path::new(out).join("check.postcard"), bytes).expect("OUT_DIR is writable");
}
