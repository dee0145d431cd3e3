//! Wire types, described as data.
//!
//! One description serves three purposes: it validates what a caller passes
//! (before anything is sent), it encodes it for the wire, and it renders the
//! TypeScript declarations shipped with the package (see `typings`). Response
//! models use the same description; they are only rendered, never checked,
//! because results are handed to the caller exactly as the API sent them.
//!
//! # Typings-only data
//!
//! What only the TypeScript declarations read (interface names,
//! descriptions, examples, the result models) never reaches the `.wasm`, by
//! one rule: it is an *item* compiled natively only,
//! `#[cfg(not(target_arch = "wasm32"))]`, never a `cfg` on a struct field or
//! an expression, and never an empty placeholder. Two shapes of that rule:
//!
//! - text attached to a runtime table (an operation's or a field's
//!   description) has the type [`Ts`], which is `()` in wasm builds: the text
//!   takes no byte there, and wasm code that tried to read it would not
//!   compile;
//! - whole typings-only tables (each provider's `results` module of result
//!   models, and `crate::typings`) are declared behind that `cfg`.

/// Typings-only text: `&'static str` natively, nothing (`()`) in wasm
/// builds. Make one with [`ts`]. See [the module docs](self#typings-only-data).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) type Ts = &'static str;
/// Typings-only text: `&'static str` natively, nothing (`()`) in wasm
/// builds. Make one with [`ts`]. See [the module docs](self#typings-only-data).
#[cfg(target_arch = "wasm32")]
pub(crate) type Ts = ();

/// Typings-only text (see [`Ts`]): the text natively, dropped in wasm builds.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) const fn ts(text: &'static str) -> Ts {
    text
}

/// Typings-only text (see [`Ts`]): the text natively, dropped in wasm builds.
#[cfg(target_arch = "wasm32")]
pub(crate) const fn ts(_text: &'static str) -> Ts {}

use super::text::position;

/// A wire type.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Ty {
    /// Any string.
    Str,
    /// A non-empty string that identifies something (never blank).
    Id,
    /// `true` or `false`.
    Bool,
    /// An integer within bounds (inclusive). 32-bit bounds keep every `Ty`,
    /// and so every table entry in the `.wasm`, small; wider integers are
    /// only ever results (rendered, never checked) or [`Ty::Millis`].
    Int {
        /// Smallest accepted value.
        min: i32,
        /// Largest accepted value.
        max: i32,
    },
    /// One string out of a fixed set.
    Enum(&'static [&'static str]),
    /// An ISO 8601 date-time string, or a JS `Date`.
    DateTime,
    /// A query value that the API reads as a comma-separated list: callers may
    /// pass the joined string or an array. With a non-empty set, every item
    /// must be one of it.
    List(&'static [&'static str]),
    /// A string, number or boolean, sent as its string form.
    Scalar,
    /// A point in time as Unix milliseconds: a non-negative integer, or a JS `Date`.
    Millis,
    /// File content for a multipart upload: a `Blob` (or `File`), an
    /// `ArrayBuffer` or a typed array. Only as an [`Arg::file`](super::op::Arg::file).
    File,
    /// A JSON array. As a query parameter, each item is sent under the
    /// parameter's name (`a=1&a=2`), and a single value counts as a list of one.
    Array(&'static Ty),
    /// A JSON object with known fields.
    Object(&'static Model),
    /// A JSON object with arbitrary keys whose values have one type.
    Map(&'static Ty),
    /// Any JSON value (free-form data).
    Json,
    /// Either a plain id (string) or an object of the model; an id `x` is sent
    /// as `{"id": x}`. The listed fields are added to every item sent. Behind
    /// one reference, so that no variant is wider than [`Ty::Int`]'s: every
    /// `Ty`, and every field and argument holding one, is 4 bytes smaller in
    /// the `.wasm`'s tables.
    IdOr(&'static (&'static Model, &'static [(&'static str, &'static str)])),
}

/// A named or inline object type. Make one with [`model!`].
#[derive(Debug)]
pub(crate) struct Model {
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))] // typings-only: `()` in wasm
    /// TypeScript interface name; empty for an inline object.
    pub name: Ts,
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))] // typings-only: `()` in wasm
    /// One-line description (rendered as the interface's doc comment).
    pub doc: Ts,
    /// The fields' wire names, in wire order, joined by single spaces: one
    /// string instead of a pointer and a length per field keeps the
    /// `.wasm`'s tables small (see [`Model::iter`]; [`model!`] makes it).
    pub names: &'static str,
    /// The fields, in wire order (`names` holds their names).
    pub fields: &'static [Field],
}

impl Model {
    /// The fields with their wire names, in wire order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&'static str, &'static Field)> {
        let mut rest = self.names;
        self.fields.iter().map(move |f| {
            let end = position(rest, b' ').unwrap_or(rest.len());
            let name = rest.get(..end).unwrap_or_default();
            rest = rest.get(end + 1..).unwrap_or_default();
            (name, f)
        })
    }

    /// The field with this wire name.
    pub(crate) fn field(&self, name: &str) -> Option<&'static Field> {
        self.iter().find(|(n, _)| *n == name).map(|(_, f)| f)
    }
}

/// One field of an object, as the `.wasm` keeps it: its name is in its
/// [`Model::names`]. Declared with [`Field::opt`] or [`Field::req`], which
/// give a [`Def`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Field {
    /// The field's type.
    pub ty: Ty,
    /// Must be present.
    pub required: bool,
    /// May be `null`.
    pub nullable: bool,
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))] // typings-only: `()` in wasm
    /// The API's own field name (the same as in [`Model::names`]).
    pub name: Ts,
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))] // typings-only: `()` in wasm
    /// One-line description.
    pub doc: Ts,
}

/// A field as declared: its name and the [`Field`]. Only compile-time
/// tables hold these; [`model!`] turns a list of them into a [`Model`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Def {
    /// The API's own field name.
    pub name: &'static str,
    /// The field.
    pub field: Field,
}

impl Field {
    /// An optional field.
    pub(crate) const fn opt(name: &'static str, ty: Ty, doc: &'static str) -> Def {
        Field::def(name, ty, false, doc)
    }

    /// A required field.
    pub(crate) const fn req(name: &'static str, ty: Ty, doc: &'static str) -> Def {
        Field::def(name, ty, true, doc)
    }

    const fn def(name: &'static str, ty: Ty, required: bool, doc: &'static str) -> Def {
        Def { name, field: Field { ty, required, nullable: false, name: ts(name), doc: ts(doc) } }
    }
}

impl Def {
    /// The same field, allowing `null`.
    pub(crate) const fn nullable(self) -> Def {
        Def { field: Field { nullable: true, ..self.field }, ..self }
    }
}

/// Declares a [`Model`] from its interface name, description and field
/// [`Def`]s (a `&[Def]` constant expression), at compile time:
///
/// ```text
/// static BODY: Model = model! {
///     name: ts("ClerkVerifyTotpRequest"),
///     doc: ts("Body of `POST /users/{user_id}/verify_totp`."),
///     fields: &[Field::req("code", STRING, "The TOTP code or backup code to check.")],
/// };
/// ```
macro_rules! model {
    (name: $name:expr, doc: $doc:expr, fields: $defs:expr $(,)?) => {{
        static DEFS: &[$crate::engine::schema::Def] = $defs;
        const NAMES: [u8; $crate::engine::schema::names_len(DEFS)] = $crate::engine::schema::names(DEFS);
        const FIELDS: [$crate::engine::schema::Field; DEFS.len()] = $crate::engine::schema::fields(DEFS);
        $crate::engine::schema::Model {
            name: $name,
            doc: $doc,
            names: $crate::engine::schema::utf8(&NAMES),
            fields: &FIELDS,
        }
    }};
}
pub(crate) use model;

/// The length of the names of `defs` joined by single spaces (for [`model!`]).
pub(crate) const fn names_len(defs: &[Def]) -> usize {
    let mut n = defs.len().saturating_sub(1);
    let mut i = 0;
    while i < defs.len() {
        n += defs[i].name.len();
        i += 1;
    }
    n
}

/// The names of `defs` joined by single spaces (for [`model!`]; `L` is
/// [`names_len`]). A name holding a space would split in two: refused at
/// compile time.
pub(crate) const fn names<const L: usize>(defs: &[Def]) -> [u8; L] {
    let mut out = [b' '; L];
    let (mut at, mut i) = (0, 0);
    while i < defs.len() {
        let name = defs[i].name.as_bytes();
        let mut j = 0;
        while j < name.len() {
            assert!(name[j] != b' ', "a field name holds a space");
            out[at] = name[j];
            at += 1;
            j += 1;
        }
        at += 1;
        i += 1;
    }
    out
}

/// The fields of `defs` (for [`model!`]; `N` is their number).
pub(crate) const fn fields<const N: usize>(defs: &[Def]) -> [Field; N] {
    let none = Field { ty: Ty::Str, required: false, nullable: false, name: ts(""), doc: ts("") };
    let mut out = [none; N];
    let mut i = 0;
    while i < N {
        out[i] = defs[i].field;
        i += 1;
    }
    out
}

/// `bytes` as text (for [`model!`]: field names are UTF-8 by construction).
pub(crate) const fn utf8(bytes: &'static [u8]) -> &'static str {
    match core::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(_) => panic!("field names are UTF-8"),
    }
}

/// The fields of `a` then those of `b`, at compile time: lets one model's
/// fields extend another's (`N` must be `A + B`).
pub(crate) const fn concat<const A: usize, const B: usize, const N: usize>(a: [Def; A], b: [Def; B]) -> [Def; N] {
    assert!(A + B == N, "concat: N must be A + B");
    let mut out = [Field::opt("", Ty::Str, ""); N];
    let mut i = 0;
    while i < A {
        out[i] = a[i];
        i += 1;
    }
    while i < N {
        out[i] = b[i - A];
        i += 1;
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::{Field, Model, Ty};

    /// Every model's `names` (what the `.wasm` reads) lists its fields'
    /// names, in order, one per field.
    #[test]
    fn model_names_are_the_fields_names_in_order() {
        let models = [
            crate::clerk::models::MODELS,
            crate::clerk::results::MODELS,
            crate::kinde::models::MODELS,
            crate::kinde::results::MODELS,
        ];
        let mut checked = 0;
        for model in models.into_iter().flatten() {
            let names: Vec<&str> = model.iter().map(|(n, _)| n).collect();
            let declared: Vec<&str> = model.fields.iter().map(|f| f.name).collect();
            assert_eq!(names, declared, "{}", model.name);
            assert_eq!(model.names.split(' ').count(), model.fields.len(), "{}", model.name);
            for (name, field) in model.iter() {
                assert!(std::ptr::eq(model.field(name).unwrap(), field), "{}.{name}", model.name);
            }
            checked += model.fields.len();
        }
        assert!(checked > 100, "{checked} fields");
    }

    #[test]
    fn fields_are_found_by_exact_name_only() {
        static M: Model = model! {
            name: "M",
            doc: "",
            fields: &[Field::req("a", Ty::Str, ""), Field::opt("ab", Ty::Bool, "").nullable(), Field::opt("b_c", Ty::Json, "")],
        };
        assert_eq!(M.names, "a ab b_c");
        assert!(M.field("a").is_some_and(|f| f.required && !f.nullable));
        assert!(M.field("ab").is_some_and(|f| !f.required && f.nullable && matches!(f.ty, Ty::Bool)));
        assert!(M.field("b_c").is_some_and(|f| matches!(f.ty, Ty::Json)));
        for missing in ["", "b", "a ab", "A", "abc", " "] {
            assert!(M.field(missing).is_none(), "{missing:?}");
        }
    }
}
