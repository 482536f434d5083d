//! [`id_enum!`](crate::id_enum): one definition of the stable-id code that many enums share.
//!
//! The data files, the scenario tables, the addresses of the journey's steps and the form
//! fields name enum variants by a short kebab-case id ("northern-ireland", "gp-practice",
//! "bsl"). Each such enum used to write out the same three items by hand: a list of every
//! variant, `id()` and `from_id()`. The macro writes them from one table, so the list can never
//! miss a variant and an id is written once.

/// Declares an enum whose variants each have a stable text id, with:
///
/// - `ALL`: every variant, in the order they are declared;
/// - `id(self) -> &'static str`: the variant's id;
/// - `from_id(&str) -> Option<Self>`: the variant with that id.
///
/// Write the enum as usual (attributes, derives and `///` docs pass through unchanged), with
/// `=> "id"` after each variant. The variants must be unit variants, and the enum must be
/// `Copy`. The enum's own derives are kept as written: a serde derive still stores a variant by
/// its position, so never reorder the variants of an enum that is saved.
///
/// ```
/// use serde::{Deserialize, Serialize};
///
/// in_my_words_basics::id_enum! {
///     /// How sure the person is.
///     #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
///     pub enum Sure {
///         /// Certain.
///         Yes => "yes",
///         NotSure => "not-sure",
///     }
/// }
///
/// assert_eq!(Sure::ALL, [Sure::Yes, Sure::NotSure]);
/// assert_eq!(Sure::NotSure.id(), "not-sure");
/// assert_eq!(Sure::from_id("yes"), Some(Sure::Yes));
/// assert_eq!(Sure::from_id("maybe"), None);
/// ```
#[macro_export]
macro_rules! id_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident => $id:literal
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $(
                $(#[$variant_meta])*
                $variant,
            )+
        }

        impl $name {
            /// Every variant, in the order they are declared.
            pub const ALL: [$name; [$($id),+].len()] = [$($name::$variant),+];

            /// The stable id used in data files, scenarios and addresses. Never change one:
            /// saved work and the data files refer to it.
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)+
                }
            }

            /// The variant with this id, if there is one.
            pub fn from_id(id: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|v| v.id() == id)
            }
        }
    };
}
