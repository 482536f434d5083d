//! The basics that **In My Words** and its build script share: calendar dates, the person's
//! situation, the shape of the data files in `assets/data/`, and the checks those files must pass.
//!
//! The build script (`build.rs`) uses this crate, with the `source` feature, to read the TOML
//! data files, check them and write them as compact postcard bytes; the app uses it, without
//! that feature, to decode those bytes and to route with the same types. Both sides therefore
//! read and write exactly the same structs.
//!
//! This crate depends on nothing of the app's, so the dependency runs one way only, and the
//! compiler enforces it: the app's `domain` and `data` modules build on these basics, never the
//! other way round.
//!
//! - [`date`]: calendar arithmetic for deadlines.
//! - [`situation`]: the part of the answers that decides the route.
//! - [`schema`]: the data files as typed structs, and lookups in them.
//! - [`validate`]: the checks on the routing data.
//! - [`check_schema`]: the "Before you send" word lists, their phrase syntax and their checks.
//! - `source` (feature `source`, never in the browser app): reads the TOML files and checks them.
//! - [`id_enum!`]: the stable ids of the enums that data files, scenarios and addresses name.

#![warn(missing_docs)]

pub mod check_schema;
pub mod date;
mod ids;
pub mod schema;
pub mod situation;
#[cfg(feature = "source")]
pub mod source;
pub mod validate;
