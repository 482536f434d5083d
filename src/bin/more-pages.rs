//! The second program: the pages the app loads only when one of them first opens (the four
//! finish steps and the concern log; see `in_my_words::ui::more`). The app asks for it through
//! the safety net (`loadMore`), then sends the answers with each page it opens; this file only
//! puts the pages in the place the app drew for them.

#[cfg(target_arch = "wasm32")]
fn main() {
    use in_my_words::platform::{self, more};
    use in_my_words::ui::more::{MorePages, MoreProps};
    use std::cell::RefCell;
    use std::rc::Rc;

    // Its own letter tools' worker: each program numbers its own requests.
    platform::tools::set_owner("more");
    /// Where the pages are drawn, and the running pages there.
    type Mounted = Option<(web_sys::Element, yew::AppHandle<MorePages>)>;
    let mounted: Rc<RefCell<Mounted>> = Rc::default();
    // The pages are drawn where the app's `#app-more` is now. That place is new each time the
    // person comes back from the app's own pages, so the pages are drawn afresh there; while
    // it stays, the pages hear the answers themselves (`MorePages`).
    let listener = more::listen(more::SHOW, move |answers| {
        let Some(host) = platform::window()
            .document()
            .and_then(|d| d.get_element_by_id(more::HOST))
        else {
            return;
        };
        let mut mounted = mounted.borrow_mut();
        if mounted
            .as_ref()
            .is_some_and(|(root, _)| root.is_same_node(Some(&host)))
        {
            return;
        }
        // The app is another version, whose answers this one cannot read: say so, and that a
        // reload (which keeps the answers) brings the two together.
        let Some(answers) = answers else {
            let text = in_my_words::words::words().screens.letter.trouble_updated;
            host.set_inner_html("<div class=\"app-warning\" role=\"alert\"><p></p></div>");
            if let Some(p) = host.query_selector("p").ok().flatten() {
                p.set_text_content(Some(text));
            }
            return;
        };
        if let Some((_, app)) = mounted.take() {
            app.destroy();
        }
        let app =
            yew::Renderer::<MorePages>::with_root_and_props(host.clone(), MoreProps { answers })
                .render();
        *mounted = Some((host, app));
    });
    // The program lives as long as the page.
    listener.forget();
}

/// The pages only run in a browser; natively there is nothing to start.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("These pages run inside the In My Words app in a web browser.");
}
