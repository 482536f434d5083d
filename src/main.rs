//! Starts the app in the browser. Everything else lives in the library so tests can use it.

#[cfg(target_arch = "wasm32")]
fn main() {
    in_my_words::ui::start();
}

/// The app only runs in a browser; natively there is nothing to start.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "In My Words runs in a web browser. Use `make run`, then open the address it prints."
    );
}
