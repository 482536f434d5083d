//! The code's shape, checked: no import circles between the files in `src/` (file A uses B,
//! which uses A, directly or round a longer loop), and the reference data never reaches into
//! the domain.
//!
//! Each file is a module (`src/domain/answers.rs` is `domain::answers`). Every path in its
//! non-test code that starts `crate::` or `super::` is followed to the deepest module that
//! exists; a circle in those links fails the test and names it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/domain/answers.rs` -> ["domain", "answers"]; `src/ui/mod.rs` -> ["ui"]; `src/lib.rs` -> [].
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The code outside `#[cfg(test)]` test modules (tests may reach anywhere), without comments
/// (a link in a doc comment is not an import).
fn without_tests(code: &str) -> String {
    let code = code
        .find("#[cfg(test)]\nmod tests")
        .map_or(code, |at| &code[..at]);
    code.lines()
        .map(|line| line.find("//").map_or(line, |at| &line[..at]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Module paths named in `code`: `crate::a::b::{c, d}` gives `a::b::c` and `a::b::d`, and
/// `super::x` is resolved against `here`.
fn named_paths(code: &str, here: &[String]) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for (at, _) in code
        .match_indices("crate::")
        .chain(code.match_indices("super::"))
    {
        // Not part of a longer word (e.g. `in_my_words_crate::`).
        if code[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            continue;
        }
        let rest = &code[at..];
        let mut base: Vec<String> = if rest.starts_with("crate::") {
            Vec::new()
        } else {
            // `super` is the parent module: of `ui::pages` (src/ui/pages.rs) it is `ui`, and of
            // `ui` (src/ui/mod.rs) it is the crate root.
            let mut parent = here.to_vec();
            parent.pop();
            parent
        };
        let mut text = &rest[rest.find("::").unwrap() + 2..];
        // Further `super::` steps.
        while let Some(next) = text.strip_prefix("super::") {
            base.pop();
            text = next;
        }
        let path_end = text
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(text.len());
        let path = text[..path_end].trim_end_matches(':');
        let mut full = base.clone();
        full.extend(path.split("::").filter(|s| !s.is_empty()).map(String::from));
        let after = &text[path_end..];
        if after.starts_with('{') && text[..path_end].ends_with("::") {
            let group_end = after.find('}').unwrap_or(after.len());
            for item in after[1..group_end].split(',') {
                let item = item.trim().split(' ').next().unwrap_or("");
                let mut each = full.clone();
                each.extend(item.split("::").filter(|s| !s.is_empty()).map(String::from));
                found.push(each);
            }
        } else {
            found.push(full);
        }
    }
    found
}

#[test]
fn no_file_in_src_imports_a_file_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let modules: BTreeSet<Vec<String>> = all.iter().map(|f| module_of(&src, f)).collect();
    let mut links: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in &all {
        if file.starts_with(src.join("bin")) {
            continue; // binaries are their own crates
        }
        let here = module_of(&src, file);
        let code = std::fs::read_to_string(file).expect("readable");
        for path in named_paths(&without_tests(&code), &here) {
            // The deepest existing module on the path.
            let target = (0..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|p| modules.contains(p))
                .unwrap_or_default();
            // A module's own children and parents are not circles of imports: `mod.rs`
            // declares its children, and a child naming its parent module's items is how
            // Rust modules share. Only links between different files in the tree count,
            // and not to the crate root.
            if target.is_empty() || target == here || target.starts_with(&here) {
                continue;
            }
            links.entry(here.clone()).or_default().insert(target);
        }
    }
    // Depth-first search for a circle.
    fn visit(
        at: &Vec<String>,
        links: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        stack: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
        circles: &mut Vec<String>,
    ) {
        if let Some(from) = stack.iter().position(|m| m == at) {
            let names: Vec<String> = stack[from..]
                .iter()
                .chain(std::iter::once(at))
                .map(|m| m.join("::"))
                .collect();
            circles.push(names.join(" -> "));
            return;
        }
        if !done.insert(at.clone()) {
            return;
        }
        stack.push(at.clone());
        for next in links.get(at).into_iter().flatten() {
            visit(next, links, stack, done, circles);
        }
        stack.pop();
    }
    let mut circles = Vec::new();
    let mut done = BTreeSet::new();
    for start in links.keys() {
        visit(start, &links, &mut Vec::new(), &mut done, &mut circles);
    }
    assert!(
        circles.is_empty(),
        "import circles in src/:\n{}",
        circles.join("\n")
    );
    assert!(
        links.len() > 20,
        "the scan found links in only {} files: is it reading src/?",
        links.len()
    );
}

#[test]
fn the_reference_data_never_names_the_domain() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/data");
    let mut all = Vec::new();
    files(&src, &mut all);
    for file in all {
        let code = std::fs::read_to_string(&file).expect("readable");
        assert!(
            !code.contains("crate::domain"),
            "{} uses the domain: the data must stay below it",
            file.display()
        );
    }
}
