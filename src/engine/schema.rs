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

/// A wire type. The kinds only Clerk's tables use (`Millis`, `File`,
/// `Json`) exist only in builds with Clerk, so that the Kinde-only `.wasm`
/// holds no code for them.
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
    #[cfg(feature = "clerk")]
    Millis,
    /// File content for a multipart upload: a `Blob` (or `File`), an
    /// `ArrayBuffer` or a typed array. Only as an [`Arg::file`](super::op::Arg::file).
    #[cfg(feature = "clerk")]
    File,
    /// A JSON array. As a query parameter, each item is sent under the
    /// parameter's name (`a=1&a=2`), and a single value counts as a list of one.
    Array(&'static Ty),
    /// A JSON object with known fields.
    Object(&'static Model),
    /// A JSON object with arbitrary keys whose values have one type.
    Map(&'static Ty),
    /// Any JSON value (free-form data).
    #[cfg(feature = "clerk")]
    Json,
    /// Either a plain id (string) or an object of the model; an id `x` is sent
    /// as `{"id": x}`. The listed fields are added to every item sent. Behind
    /// one reference, so that no variant is wider than [`Ty::Int`]'s: every
    /// `Ty`, and every field and argument holding one, is 4 bytes smaller in
    /// the `.wasm`'s tables.
    IdOr(&'static (&'static Model, &'static [(&'static str, &'static str)])),
}

/// A named or inline object type.
#[derive(Debug)]
pub(crate) struct Model {
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))] // typings-only: `()` in wasm
    /// TypeScript interface name; empty for an inline object.
    pub name: Ts,
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))] // typings-only: `()` in wasm
    /// One-line description (rendered as the interface's doc comment).
    pub doc: Ts,
    /// The fields, in wire order.
    pub fields: &'static [Field],
}

impl Model {
    /// The field with this wire name.
    pub(crate) fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// One field of an object.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Field {
    /// The API's own field name.
    pub name: &'static str,
    /// The field's type.
    pub ty: Ty,
    /// Must be present.
    pub required: bool,
    /// May be `null`.
    pub nullable: bool,
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))] // typings-only: `()` in wasm
    /// One-line description.
    pub doc: Ts,
}

impl Field {
    /// An optional field.
    pub(crate) const fn opt(name: &'static str, ty: Ty, doc: &'static str) -> Field {
        Field::new(name, ty, false, doc)
    }

    /// A required field.
    pub(crate) const fn req(name: &'static str, ty: Ty, doc: &'static str) -> Field {
        Field::new(name, ty, true, doc)
    }

    const fn new(name: &'static str, ty: Ty, required: bool, doc: &'static str) -> Field {
        Field { name, ty, required, nullable: false, doc: ts(doc) }
    }

    /// The same field, allowing `null`.
    pub(crate) const fn nullable(self) -> Field {
        Field { nullable: true, ..self }
    }
}

/// The fields of `a` then those of `b`, at compile time: lets one model's
/// fields extend another's (`N` must be `A + B`).
pub(crate) const fn concat<const A: usize, const B: usize, const N: usize>(a: [Field; A], b: [Field; B]) -> [Field; N] {
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
