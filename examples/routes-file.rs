//! Writes the routing data as the file the built app serves (`routes.bin`): the rules, the
//! directory and the areas, checked and encoded by build.rs, under this build's protocol number
//! (see `in_my_words::domain::tools::routes_file`). The build runs it after Trunk has built the
//! app (`scripts/postbuild.mjs`), so the file always comes from the same sources as the letter
//! tools that read it.
//!
//! Run: `cargo run --example routes-file -- dist/routes.bin`

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!(
            "Say where to write the file: cargo run --example routes-file -- dist/routes.bin"
        );
        std::process::exit(2);
    };
    let bytes = in_my_words::domain::tools::routes_file();
    if let Err(error) = std::fs::write(&path, &bytes) {
        eprintln!("Could not write {path}: {error}");
        std::process::exit(1);
    }
    println!("routes-file: {} bytes to {path}", bytes.len());
}

/// The file is written by a native build; a browser build of this example has nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() {}
