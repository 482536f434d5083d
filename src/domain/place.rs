//! Where a person lives, from what they type in the "Where" question: a postcode, the first part
//! of one, or the name of their town (its post town), council, city or county. Everything is
//! looked up on the device, in a table of every UK postcode district (`assets/data/places.txt`):
//! a file of its own, so the browser need fetch it only when that question opens, not with the
//! first download.
//!
//! The answer is never a silent guess. A district that lies in one council gives that council; a
//! district that straddles councils gives the councils to choose from; words that are part of
//! one or more councils' names, or a town's name, give those councils to choose from; a
//! council's whole name gives that council, and says which other places the words could mean.
//!
//! This code is in the letter tools, not the first download, but is kept small: the table
//! borrows the file's text rather than copying it, and anything that can be worked out before
//! the app runs is worked out by [`build`] and written into the file (which councils a
//! district offers, each council's area).
//!
//! # The file
//!
//! Lines starting `#` are comments (the sources and their licences). Then one line per council,
//! `E06000043 brighton-and-hove Brighton and Hove`: its GSS code, the id of the app's area it is
//! in (`assets/data/areas.toml`), and its name. A council's number is its place in that list,
//! counting from 0, and the code's first letter is its nation (E, W, S or N, as ONS assigns
//! them). A district council in an English county ends its line with `^` and the county
//! council's number (`E07000105 kent-and-medway Ashford ^312`): the county council, not the
//! district, runs social care and public health there (see [`PlaceTable::care_council`]). A
//! blank line ends the list. Then one line per postcode district: `BN3 40` when the
//! district lies in one council, or `BN2 40:97 86:3` when it straddles several: council numbers,
//! largest share of the district's postcodes first, each with its share in whole percent where
//! that is known (Northern Ireland's shares are not: `BT8 319 323`). A district's line may end
//! with its post towns (the town Royal Mail puts in an address), each after an `@`:
//! `CF64 40 @Dinas Powys@Penarth`; a line with no `@` has the post towns of the line above, and
//! a line ending in a lone `@` has none (a district for large users' mail). A last line `end`
//! shows the file arrived whole.
//!
//! Which councils a straddling district offers is decided when the file is made (see [`build`]):
//! a council with under 2% of the district's postcodes is left out, because a person there is
//! far more likely to live in a council that is offered, and can still choose their area by
//! hand; but the largest council of each nation a district touches always stays, even with a
//! handful of postcodes, because the nation decides the whole complaint procedure.

use in_my_words_basics::schema::{is_invisible, postcode_district};
use in_my_words_basics::situation::Nation;

/// A council: a district, county or unitary council in England, a council in Wales or Scotland,
/// or a district council in Northern Ireland. Westmorland and Furness and North Yorkshire are
/// listed as the old districts they were made from ("Eden (Westmorland and Furness)"), because
/// they lie in more than one NHS area and those areas follow the old districts. Its words are
/// the table's text, not copies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Council<'a> {
    /// Its GSS code from the Office for National Statistics ("E06000043").
    pub code: &'a str,
    /// Its name as people use it ("Brighton and Hove").
    pub name: &'a str,
    /// The nation it is in.
    pub nation: Nation,
    /// The id of the app's area it is in (`assets/data/areas.toml`): the area of its NHS board
    /// (an Integrated Care Board's, a health board's, an HSC Trust's; "brighton-and-hove" and
    /// Sussex's other two), or of the part of one that another ambulance service serves
    /// ("north-cumbria"); otherwise its nation's ("england-elsewhere", "wales", "scotland",
    /// "northern-ireland").
    pub area: &'a str,
}

/// One council a straddling district lies partly in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Side<'a> {
    /// The council.
    pub council: Council<'a>,
    /// Its share of the district's postcodes in whole percent, when known (not in Northern
    /// Ireland). 0 means under half a percent, or none counted: a council with so few is offered
    /// only when it is the only one of its nation.
    pub percent: Option<u8>,
}

/// What [`PlaceTable::find`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found<'a> {
    /// One council, for certain: the postcode district lies in it (all but under 2% of it, in
    /// the same nation), or the words typed are its whole name or its town's, and nowhere else
    /// the words could mean is in another area.
    Council(Council<'a>),
    /// The words typed are one council's whole name ("Lincolnshire"), or the name of a town
    /// whose own council holds them ("Brighton"), but other places they could mean are in
    /// other areas (North Lincolnshire; the parts of the town in Adur): that council, and the
    /// others to say, in case the person meant one of them.
    Chosen(Council<'a>, Vec<Council<'a>>),
    /// The postcode district straddles councils: ask which side the person lives on. Largest
    /// share first.
    WhichSide(Vec<Side<'a>>),
    /// Councils whose names hold the words typed, in the table's order, and the councils of a
    /// town of that name elsewhere: ask which one. Even one council is a question when only
    /// part of its name was typed: "Sussex" is part of "Mid Sussex" but may mean either county.
    Names(Vec<Council<'a>>),
    /// The words typed are a post town's name, and its postcode districts lie in more than one
    /// council: ask which one ("London"). Largest share of the first district first.
    Town(Vec<Council<'a>>),
    /// No postcode district or council that the words could be.
    Nothing,
}

/// The postcode districts and councils of `places.txt`, read by [`PlaceTable::parse`]. It
/// borrows the file's text, so the text must be kept as long as the table (read the file once
/// and keep both).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceTable<'a> {
    councils: Vec<Council<'a>>,
    /// Each district with the rest of its line (its councils and shares), which
    /// [`PlaceTable::parse`] has checked, and its post towns ("Dinas Powys@Penarth").
    districts: Vec<(&'a str, &'a str, &'a str)>,
    /// For each council, in the same order, the number of the county council it is a
    /// district of, if any.
    counties: Vec<Option<usize>>,
}

/// Why a table could not be read: the number (from 1) of the first line that is wrong, or of
/// the line after the last when the file stops before its `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlaceError {
    /// The line, counting from 1.
    pub line: usize,
}

/// Words in a name that say what kind of council it is rather than which. A typed word in this
/// list need not be in the council's name ("Leeds City Council" finds Leeds); the first three
/// need not be typed for a name to count as whole ("Brighton & Hove" is all of "Brighton and
/// Hove"), but the others must ("London" is only part of "City of London").
const FILLER: [&str; 8] = [
    "and", "of", "the", "city", "council", "county", "borough", "district",
];

impl<'a> PlaceTable<'a> {
    /// Reads the table (the format is in the module's documentation). A damaged or cut-off
    /// file gives the line where it goes wrong, never a half-read table.
    pub fn parse(text: &'a str) -> Result<PlaceTable<'a>, PlaceError> {
        let mut table = PlaceTable {
            councils: Vec::new(),
            districts: Vec::new(),
            counties: Vec::new(),
        };
        let mut in_districts = false;
        let mut towns = "";
        let mut lines = 0;
        for (at, line) in text.lines().enumerate() {
            lines = at + 1;
            let bad = PlaceError { line: lines };
            if line == "end" {
                // A table cut after its councils still gets their counties checked.
                if !in_districts && !table.counties_are_councils() {
                    return Err(bad);
                }
                return Ok(table);
            }
            if line.starts_with('#') {
                continue;
            }
            if line.is_empty() {
                if !in_districts && !table.counties_are_councils() {
                    return Err(bad);
                }
                in_districts = true;
                continue;
            }
            let (head, rest) = line.split_once(' ').ok_or(bad)?;
            if in_districts {
                let rest = match rest.split_once(" @") {
                    Some((sides, these)) => {
                        if !these.is_empty() && !these.split('@').all(is_town_name) {
                            return Err(bad);
                        }
                        towns = these;
                        sides
                    }
                    None => rest,
                };
                table.sides(rest).ok_or(bad)?;
                table.districts.push((head, rest, towns));
                continue;
            }
            let nation = Nation::of_gss_code(head).ok_or(bad)?;
            let (area, name) = rest.split_once(' ').ok_or(bad)?;
            let (name, county) = match name.split_once(" ^") {
                Some((name, county)) => (name, Some(county.parse().map_err(|_| bad)?)),
                None => (name, None),
            };
            table.counties.push(county);
            table.councils.push(Council {
                code: head,
                name,
                nation,
                area,
            });
        }
        Err(PlaceError { line: lines + 1 })
    }

    /// True when each county a council line names is a council of the list, and not itself in
    /// a county.
    fn counties_are_councils(&self) -> bool {
        let councils = self.councils.len();
        self.counties
            .iter()
            .all(|n| n.is_none_or(|n| n < councils && self.counties[n].is_none()))
    }

    /// Every council in the table, in the file's order (by GSS code).
    pub fn councils(&self) -> &[Council<'a>] {
        &self.councils
    }

    /// The council that runs social care in `area`, when every council the words typed could
    /// mean there (`candidates`, from [`PlaceTable::look_up`]) has the same one.
    pub fn care_council_among(&self, candidates: &[Council<'a>], area: &str) -> Option<&'a str> {
        let mut cares = candidates
            .iter()
            .filter(|c| c.area == area)
            .map(|c| self.care_council(c));
        let first = cares.next()?;
        cares.all(|care| care == first).then_some(first)
    }

    /// The name of the council that runs adult social care and public health (drug, alcohol and
    /// sexual health services) where `council` is: the county council for a district council
    /// in an English county ("Kent" for "Ashford"), the new council for one of the old
    /// districts the table lists ("Westmorland and Furness" for "Eden (Westmorland and
    /// Furness)"), otherwise the council itself.
    pub fn care_council(&self, council: &Council<'a>) -> &'a str {
        let at = self.councils.iter().position(|c| c.code == council.code);
        let county = at.and_then(|at| self.counties.get(at).copied().flatten());
        if let Some(county) = county.and_then(|n| self.councils.get(n)) {
            return county.name;
        }
        match council.name.split_once(" (") {
            Some((_, whole)) => whole.strip_suffix(')').unwrap_or(whole),
            None => council.name,
        }
    }

    /// Every postcode district in the table, in the file's order.
    pub fn districts(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.districts.iter().map(|&(name, _, _)| name)
    }

    /// Where `typed` is: a postcode ("BN2 1AB"), the first part of one ("bn2"), or a town's or
    /// council's name ("Penrith", "brighton", "City of Edinburgh", "st helens"). Text with a
    /// digit in it is read as a postcode, exactly as the areas read one ([`postcode_district`]:
    /// spaces and invisible characters do not matter); any other text as a name (the rules are
    /// on [`Found`]'s variants). Never panics, whatever the text.
    pub fn find(&self, typed: &str) -> Found<'a> {
        self.look_up(typed).0
    }

    /// What [`PlaceTable::find`] finds, and with it every council `typed` could mean before it
    /// chooses, from the same search: a postcode district's councils; for a council's whole
    /// name, it and the councils where most of each district of a town of that name is (a
    /// town's edges are not another place of that name; councils whose names only hold the
    /// words, like "North East Lincolnshire" for "North Lincolnshire", are not what was typed);
    /// otherwise the councils whose names hold the words and every council a town of that name
    /// reaches into. `find` settles the area; the candidates say who else the words could be,
    /// so that a detail which differs among them in that area (the council that runs social
    /// care: "Nottingham" is also the post town of much of Nottinghamshire) is never settled
    /// silently (see [`PlaceTable::care_council_among`]).
    pub fn look_up(&self, typed: &str) -> (Found<'a>, Vec<Council<'a>>) {
        if !typed.bytes().any(|b| b.is_ascii_digit()) {
            let (exact, named, whole_words) = self.council_by_name(typed);
            let districts = self.town_districts(&words(typed)).unwrap_or_default();
            let candidates = match exact {
                Some(council) => {
                    let mut out = vec![council];
                    add_new(&mut out, where_most_is(&districts));
                    out
                }
                None => {
                    let mut out = named.clone();
                    add_new(&mut out, districts.iter().flatten().map(|s| s.council));
                    out
                }
            };
            let found = by_name(exact, named, whole_words, &districts);
            return (found, candidates);
        }
        let sides = postcode_district(typed)
            .map(|d| self.district_sides(&d))
            .unwrap_or_default();
        let candidates = sides.iter().map(|s| s.council).collect();
        let found = match sides.first() {
            Some(_) if sides.len() > 1 => Found::WhichSide(sides),
            Some(side) => Found::Council(side.council),
            None => Found::Nothing,
        };
        (found, candidates)
    }

    /// The councils of a district in the table, largest share first; none if it is not there.
    fn district_sides(&self, district: &str) -> Vec<Side<'a>> {
        self.districts
            .iter()
            .find(|&&(name, _, _)| name == district)
            .and_then(|&(_, rest, _)| self.sides(rest))
            .unwrap_or_default()
    }

    /// The councils of each postcode district of the post town whose whole name is `typed` (in
    /// [`words`]' form), largest share first; `None` when no post town has that name.
    fn town_districts(&self, typed: &str) -> Option<Vec<Vec<Side<'a>>>> {
        let wanted: Vec<&str> = typed.split(' ').filter(|w| !w.is_empty()).collect();
        let is_it = |town: &str| {
            let name = words(town);
            !wanted.is_empty()
                && name
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .eq(wanted.iter().copied())
        };
        let districts: Vec<Vec<Side<'a>>> = self
            .districts
            .iter()
            .filter(|&&(_, _, towns)| towns.split('@').any(is_it))
            .map(|&(_, rest, _)| self.sides(rest).unwrap_or_default())
            .collect();
        (!districts.is_empty()).then_some(districts)
    }

    /// A district's councils from the rest of its line ("40:97 86:3"), or `None` when it is
    /// damaged. [`PlaceTable::parse`] checks every line with this, and
    /// [`PlaceTable::find`] reads the one it needs again, so the table keeps no second copy.
    fn sides(&self, rest: &str) -> Option<Vec<Side<'a>>> {
        // At most three digits: no number in the file is larger, so none can overflow.
        let number = |text: &str| match text.len() {
            1..=3 => text.bytes().try_fold(0, |n, b| {
                b.is_ascii_digit().then(|| n * 10 + usize::from(b - b'0'))
            }),
            _ => None,
        };
        let mut sides = Vec::new();
        for side in rest.split(' ') {
            let (council, percent) = match side.split_once(':') {
                Some((council, percent)) => {
                    (council, Some(number(percent).filter(|&p| p <= 100)? as u8))
                }
                None => (side, None),
            };
            sides.push(Side {
                council: *self.councils.get(number(council)?)?,
                percent,
            });
        }
        Some(sides)
    }

    /// The councils whose names hold every word typed (apart from [`FILLER`] words): whole
    /// words first ("York" is York, not North Yorkshire); only when no council has them all, the
    /// start of words of three letters or more ("Rhondda Cynon Taf" finds "Rhondda Cynon Taff",
    /// "brigh" finds Brighton and Hove). With them, the one council (if just one) whose whole
    /// name the words are, and whether they matched as whole words.
    fn council_by_name(&self, typed: &str) -> (Option<Council<'a>>, Vec<Council<'a>>, bool) {
        let typed = words(typed);
        let wanted = || {
            typed
                .split(' ')
                .filter(|w| !w.is_empty() && !FILLER.contains(w))
        };
        if wanted().next().is_none() {
            return (None, Vec::new(), false);
        }
        for starts in [false, true] {
            let has = |name: &str, w: &str| {
                name.split(' ')
                    .any(|n| n == w || starts && w.len() >= 3 && n.starts_with(w))
            };
            let found: Vec<Council<'a>> = self
                .councils
                .iter()
                .filter(|c| wanted().all(|w| has(&words(c.name), w)))
                .copied()
                .collect();
            if found.is_empty() {
                continue;
            }
            // Every word of the council's name typed ("Brighton & Hove" is all of "Brighton
            // and Hove"): its whole name.
            let whole = |council: &&Council| {
                !starts
                    && words(council.name)
                        .split(' ')
                        .all(|n| n.is_empty() || FILLER[..3].contains(&n) || has(&typed, n))
            };
            let mut wholly = found.iter().filter(whole);
            let exact = match (wholly.next(), wholly.next()) {
                (Some(council), None) => Some(*council),
                _ => None,
            };
            return (exact, found, !starts);
        }
        (None, Vec::new(), false)
    }
}

/// What a name typed means, in order:
/// - one council's whole name ("Lincolnshire", "Newport"): that council, with the other
///   councils that hold the words (North Lincolnshire) or where a town of that name is
///   (Newport on the Isle of Wight) when they are in other areas;
/// - a post town's name: when the councils whose names hold the words (as whole words)
///   include the town's own council (that of its first district), that council, with the
///   town's other councils in other areas ("Brighton": Brighton and Hove, and Adur);
///   otherwise the town's councils and those named, to choose from ("Wells": Tunbridge
///   Wells, or the town in Somerset). Councils that only begin with the words are left out
///   ("Rye" is not Ryedale);
/// - otherwise the councils whose names hold the words ([`PlaceTable::council_by_name`]).
///
/// From what the search found: the council wholly named, the councils whose names hold the
/// words (and whether as whole words), and the districts of a town of that name.
fn by_name<'a>(
    exact: Option<Council<'a>>,
    named: Vec<Council<'a>>,
    whole_words: bool,
    districts: &[Vec<Side<'a>>],
) -> Found<'a> {
    let mut town: Vec<Council<'a>> = Vec::new();
    add_new(
        &mut town,
        districts.iter().flatten().map(|side| side.council),
    );
    if let Some(council) = exact {
        return chosen(
            council,
            named.iter().copied().chain(where_most_is(districts)),
        );
    }
    if town.is_empty() {
        return match named.is_empty() {
            true => Found::Nothing,
            false => Found::Names(named),
        };
    }
    let named = if whole_words { named } else { Vec::new() };
    match (town[0], named.is_empty()) {
        (own, false) if named.contains(&own) => {
            chosen(own, named.iter().copied().chain(town.iter().copied()))
        }
        (only, true) if town.len() == 1 => Found::Council(only),
        (_, true) => Found::Town(town),
        (_, false) => {
            let mut both = named;
            add_new(&mut both, town);
            Found::Names(both)
        }
    }
}

/// The council where most of each of a town's districts is: a town's edges are not another
/// place of that name.
fn where_most_is<'a, 'd>(districts: &'d [Vec<Side<'a>>]) -> impl Iterator<Item = Council<'a>> + 'd {
    districts
        .iter()
        .filter_map(|d| d.first())
        .map(|s| s.council)
}

/// `council`, and the `candidates` in other areas to say after it (each once); just the
/// council when there are none.
fn chosen<'a>(council: Council<'a>, candidates: impl Iterator<Item = Council<'a>>) -> Found<'a> {
    let mut others: Vec<Council<'a>> = Vec::new();
    add_new(
        &mut others,
        candidates.filter(|other| other.area != council.area),
    );
    match others.is_empty() {
        true => Found::Council(council),
        false => Found::Chosen(council, others),
    }
}

/// Adds to `list` each of `more` it does not hold yet, in order.
fn add_new<'a>(list: &mut Vec<Council<'a>>, more: impl IntoIterator<Item = Council<'a>>) {
    for council in more {
        if !list.contains(&council) {
            list.push(council);
        }
    }
}

/// A post town's name as the table holds one: ASCII letters, spaces, full stops, apostrophes
/// and hyphens, starting with a letter ("St. Bees", "Bishop's Stortford", "Stoke-on-Trent").
fn is_town_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-'))
}

/// A name's words in lower case, with spaces between (sometimes more than one). An apostrophe
/// or an invisible character joins ("King's" is "kings"); anything else but an ASCII letter or
/// digit parts words ("St. Helens" is "st helens", "Stoke-on-Trent" is "stoke on trent",
/// "Brighton & Hove" is "brighton hove"). Council names are ASCII, so a word with other letters
/// could never match one anyway.
fn words(text: &str) -> String {
    text.chars()
        .filter(|&c| !matches!(c, '\'' | '’') && !is_invisible(c))
        .map(|c| match c.is_ascii_alphanumeric() {
            true => c.to_ascii_lowercase(),
            false => ' ',
        })
        .collect()
}

/// Makes `places.txt` from `research/postcode-districts.csv`, `research/county-councils.csv`
/// and `research/post-towns.csv` (their columns are described in `research/README.md`). Each
/// district's line ends with its post towns where they differ from the line above's. `cargo
/// run --example build-places` writes it; `tests/places.rs` runs it again to check the
/// committed file is exactly what the research gives. Native only: the app only reads the
/// result.
///
/// A district's councils are put largest share first, and a council under 2% of the district's
/// postcodes (share 0.0200, which includes the research's "possible, low confidence" rows of
/// 0.0000) is left out unless it is the largest council of its nation in that district. Shares
/// are written as whole percent, rounded half up, and only where a district keeps more than
/// one council. County councils are listed by name only: the districts name their district
/// councils.
///
/// Each council's area comes from the areas' `councils` lists (`assets/data/areas.toml`): a
/// district council listed there is in that area; a county council listed there brings every
/// district in it (a district listed on its own is in its own area). A county council not
/// listed is in its districts' area when they share one, otherwise in the listed area that
/// theirs are part of. A council no area lists is in its nation's area ("england-elsewhere",
/// "wales", "scotland", "northern-ireland").
#[cfg(not(target_arch = "wasm32"))]
pub fn build(
    districts_csv: &str,
    counties_csv: &str,
    towns_csv: &str,
    app_areas: &[in_my_words_basics::schema::Area],
) -> Result<String, String> {
    use std::collections::BTreeMap;

    struct Row<'a> {
        code: &'a str,
        nation: &'a str,
        /// The share in hundredths of a percent (1.0000 is 10,000), when known.
        share: Option<u32>,
    }

    // One CSV line: the name (third field) is the only one that can be quoted or hold commas.
    fn fields(line: &str) -> Option<(&str, &str, String, &str, &str)> {
        let (first, rest) = line.split_once(',')?;
        let (code, rest) = rest.split_once(',')?;
        let (rest, last) = rest.rsplit_once(',')?;
        let (name, fourth) = rest.rsplit_once(',')?;
        let name = match name.strip_prefix('"').and_then(|n| n.strip_suffix('"')) {
            Some(quoted) => quoted.replace("\"\"", "\""),
            None => name.to_string(),
        };
        Some((first, code, name, fourth, last))
    }

    let nation_letter = |nation: &str| match nation {
        "England" => Some('E'),
        "Wales" => Some('W'),
        "Scotland" => Some('S'),
        "Northern Ireland" => Some('N'),
        _ => None,
    };
    let mut councils: BTreeMap<&str, String> = BTreeMap::new();
    let mut districts: Vec<(&str, Vec<Row>)> = Vec::new();

    let mut lines = districts_csv.lines();
    if lines.next() != Some("district,council_code,council_name,nation,share") {
        return Err("postcode-districts.csv: not the expected columns".into());
    }
    for (at, line) in lines.enumerate() {
        let wrong = |why: &str| format!("postcode-districts.csv line {}: {why}: {line}", at + 2);
        let (district, code, name, nation, share) = fields(line).ok_or_else(|| wrong("fields"))?;
        if !district.bytes().all(|b| b.is_ascii_alphanumeric()) || district.is_empty() {
            return Err(wrong("district"));
        }
        if code.len() != 9 || nation_letter(nation) != code.chars().next() {
            return Err(wrong("code or nation"));
        }
        if name.is_empty() || *councils.entry(code).or_insert_with(|| name.clone()) != name {
            return Err(wrong("a council with two names"));
        }
        let share = match share {
            "" => None,
            s => {
                let hundredths = match s.split_once('.') {
                    Some((whole @ ("0" | "1"), decimals)) if decimals.len() == 4 => {
                        format!("{whole}{decimals}").parse::<u32>().ok()
                    }
                    _ => None,
                };
                Some(
                    hundredths
                        .filter(|&h| h <= 10_000)
                        .ok_or_else(|| wrong("share"))?,
                )
            }
        };
        let row = Row {
            code,
            nation,
            share,
        };
        match districts.last_mut() {
            Some((last, rows)) if *last == district => rows.push(row),
            _ => districts.push((district, vec![row])),
        }
    }
    let mut names: Vec<&str> = districts.iter().map(|(d, _)| *d).collect();
    names.sort_unstable();
    names.dedup();
    if names.len() != districts.len() {
        return Err("postcode-districts.csv: a district's rows are not together".into());
    }

    let mut lines = counties_csv.lines();
    if lines.next() != Some("county_code,county_name,district_code,district_name") {
        return Err("county-councils.csv: not the expected columns".into());
    }
    let mut counties: BTreeMap<&str, &str> = BTreeMap::new();
    let mut county_districts: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let listed: BTreeMap<&str, &str> = app_areas
        .iter()
        .flat_map(|a| a.councils.iter().map(move |c| (c.as_str(), a.id.as_str())))
        .collect();
    let parent: BTreeMap<&str, &str> = app_areas
        .iter()
        .map(|a| {
            let up = if a.part_of.is_empty() {
                &a.id
            } else {
                &a.part_of
            };
            (a.id.as_str(), up.as_str())
        })
        .collect();
    let mut areas: BTreeMap<&str, &str> = listed.clone();
    for (at, line) in lines.enumerate() {
        let wrong = |why: &str| format!("county-councils.csv line {}: {why}: {line}", at + 2);
        let parts: Vec<&str> = line.split(',').collect();
        let [code, name, district, district_name] = parts[..] else {
            return Err(wrong("fields"));
        };
        if !code.starts_with("E10") || code.len() != 9 || name.is_empty() {
            return Err(wrong("not a county council"));
        }
        if councils.get(district).map(String::as_str) != Some(district_name) {
            return Err(wrong(
                "a district that postcode-districts.csv does not name so",
            ));
        }
        if *counties.entry(code).or_insert(name) != name {
            return Err(wrong("a county with two names"));
        }
        if county_districts.values().flatten().any(|d| *d == district) {
            return Err(wrong("a district in two counties"));
        }
        county_districts.entry(code).or_default().push(district);
        if let (Some(area), false) = (listed.get(code), listed.contains_key(district)) {
            areas.insert(district, area);
        }
    }
    for (county, districts) in &county_districts {
        if listed.contains_key(county) {
            continue;
        }
        let theirs: Vec<Option<&&str>> = districts.iter().map(|d| areas.get(d)).collect();
        let Some(Some(first)) = theirs.first().copied() else {
            continue;
        };
        if theirs.iter().all(|a| a == &Some(first)) {
            areas.insert(county, first);
        } else if let Some(up) = parent.get(first) {
            if theirs
                .iter()
                .all(|a| a.and_then(|a| parent.get(a)) == Some(up))
            {
                areas.insert(county, up);
            }
        }
    }
    if let Some(unknown) = listed
        .keys()
        .find(|c| !councils.contains_key(*c) && !counties.contains_key(*c))
    {
        return Err(format!(
            "areas.toml names council {unknown}, which the research does not"
        ));
    }
    for (code, name) in counties {
        councils.insert(code, name.to_string());
    }
    if councils.len() > 1000 {
        return Err("more councils than the app reads: it reads at most three digits".into());
    }

    let number: BTreeMap<&str, usize> = councils.keys().enumerate().map(|(n, c)| (*c, n)).collect();
    let county_of: BTreeMap<&str, &str> = county_districts
        .iter()
        .flat_map(|(county, districts)| districts.iter().map(move |d| (*d, *county)))
        .collect();
    let mut out = String::from(HEADER);
    for (code, name) in &councils {
        if name.contains('^') {
            return Err(format!(
                "council {code}: a name with ^, which the table uses"
            ));
        }
        let area = match (areas.get(code), &code[..1]) {
            (Some(area), _) => area,
            (None, "W") => "wales",
            (None, "S") => "scotland",
            (None, "N") => "northern-ireland",
            (None, _) => "england-elsewhere",
        };
        out += &format!("{code} {area} {name}");
        if let Some(county) = county_of.get(code) {
            out += &format!(" ^{}", number[county]);
        }
        out.push('\n');
    }
    out.push('\n');
    // Each district's post towns, in the research's order.
    let mut lines = towns_csv.lines();
    if lines.next() != Some("district,post_town") {
        return Err("post-towns.csv: not the expected columns".into());
    }
    let mut towns: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (at, line) in lines.enumerate() {
        let wrong = |why: &str| format!("post-towns.csv line {}: {why}: {line}", at + 2);
        let (district, town) = line.split_once(',').ok_or_else(|| wrong("fields"))?;
        if !is_town_name(town) {
            return Err(wrong("not a town's name (letters, spaces, . ' and - only)"));
        }
        towns.entry(district).or_default().push(town);
    }
    let mut above = None;
    for (district, mut rows) in districts {
        // Largest first; a stable sort keeps the research's order where shares are equal or
        // unknown.
        rows.sort_by_key(|r| std::cmp::Reverse(r.share));
        let mut kept: Vec<&Row> = Vec::new();
        for row in &rows {
            let first_of_nation = !kept.iter().any(|k| k.nation == row.nation);
            if first_of_nation || row.share.is_none_or(|s| s >= 200) {
                kept.push(row);
            }
        }
        out += district;
        for row in &kept {
            out += &format!(" {}", number[row.code]);
            if let (true, Some(share)) = (kept.len() > 1, row.share) {
                out += &format!(":{}", (share + 50) / 100);
            }
        }
        // Its post towns, only where they differ from the line above's.
        let these = towns.get(district).map(|t| t.join("@")).unwrap_or_default();
        if above.as_ref() != Some(&these) {
            out += &format!(" @{these}");
            above = Some(these);
        }
        out.push('\n');
    }
    out += "end\n";
    Ok(out)
}

/// The top of `places.txt`: what it is, and the credit its sources' licences ask for.
#[cfg(not(target_arch = "wasm32"))]
const HEADER: &str = "\
# In My Words: the councils each UK postcode district lies in. Made by examples/build-places.rs from research/ (see research/README.md) and the councils in assets/data/areas.toml; the format is described in src/domain/place.rs.
# Shares of postcodes, from OS Code-Point Open (2014; 2020 for the Scottish postcode areas), OS OpenData licence:
# Contains OS data © Crown copyright and database right 2014 and 2020. Contains Royal Mail data © Royal Mail copyright and database right 2014 and 2020. Contains National Statistics data © Crown copyright and database right 2014 and 2020.
# Council names and codes, and county councils: mySociety, uk_local_authority_names_and_codes (2025), CC BY 4.0.
# Which councils each district touches: NHS COVID-19 app (github.com/ukhsa-collaboration/covid-19-app-android-ag-public), MIT licence, Crown Copyright (c) 2020.
# Post towns: Wikipedia, List of postcode districts in the United Kingdom (copy of February 2024), CC BY-SA 4.0.
";
