//! `cargo run --example build-places` (or `make places`): writes `assets/data/places.txt`, the
//! table of every UK postcode district and the councils it lies in, from the research in
//! `research/` and the areas' councils in `assets/data/areas.toml` (see
//! `in_my_words::domain::place::build` for the rules, and the module for the
//! format), then prints what the table holds. `tests/places.rs` fails if the committed file is
//! not exactly what this writes.

// The app never makes the table; only a native build can (see `place::build`).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use in_my_words::domain::place::{build, Found, PlaceTable};
    use std::collections::BTreeMap;

    let root = env!("CARGO_MANIFEST_DIR");
    let read = |name: &str| {
        let path = format!("{root}/research/{name}");
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let areas_path = format!("{root}/assets/data/areas.toml");
    let areas_text =
        std::fs::read_to_string(&areas_path).unwrap_or_else(|e| panic!("{areas_path}: {e}"));
    let areas = in_my_words::data::source::load_areas(&areas_text)
        .unwrap_or_else(|e| panic!("{areas_path}: {e}"));
    let text = build(
        &read("postcode-districts.csv"),
        &read("county-councils.csv"),
        &read("post-towns.csv"),
        &areas,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let path = format!("{root}/assets/data/places.txt");
    std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{path}: {e}"));

    // What the app will read, read back the way it will read it.
    let table = PlaceTable::parse(&text).expect("the table just written reads back");
    let (mut one, mut sides, mut across) = (0, BTreeMap::new(), 0);
    for district in table.districts() {
        match table.find(district) {
            Found::Council(_) => one += 1,
            Found::WhichSide(list) => {
                *sides.entry(list[0].council.nation.name()).or_insert(0) += 1;
                across += usize::from(
                    list.iter()
                        .any(|s| s.council.nation != list[0].council.nation),
                );
            }
            other => panic!("{district}: {other:?}"),
        }
    }
    println!("{path}: {} bytes", text.len());
    println!(
        "{} councils, {} postcode districts: {one} in one council, {} straddling councils \
         (by the nation of the largest: {sides:?}), {across} of them across a nation's border",
        table.councils().len(),
        table.districts().count(),
        sides.values().sum::<usize>(),
    );
}
