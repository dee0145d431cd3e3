//! Operations as data: method, path, arguments, body and result type.

use super::paging::Paging;
use super::schema::{Model, Ty};

/// An HTTP method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// PATCH
    Patch,
    /// DELETE
    Delete,
}

impl Method {
    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// Where a positional argument goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loc {
    /// Into the `{name}` segment of the path template.
    Path,
    /// Into the query string.
    Query,
    /// It is the JSON body.
    Body,
}

/// A required, positional argument of an operation (in the seed's order).
#[derive(Clone, Copy, Debug)]
pub struct Arg {
    /// The JS parameter name (`userId`), used in messages and typings.
    pub js: &'static str,
    /// The wire name (`user_id`); for a body, a label only.
    pub wire: &'static str,
    /// Where it goes.
    pub loc: Loc,
    /// Its type.
    pub ty: Ty,
    /// One-line description (typings only: not in wasm builds).
    #[cfg(not(target_arch = "wasm32"))]
    pub doc: &'static str,
}

impl Arg {
    const fn new(js: &'static str, wire: &'static str, loc: Loc, ty: Ty, doc: &'static str) -> Arg {
        #[cfg(target_arch = "wasm32")]
        let _ = doc;
        Arg {
            js,
            wire,
            loc,
            ty,
            #[cfg(not(target_arch = "wasm32"))]
            doc,
        }
    }

    /// A path parameter.
    pub const fn path(js: &'static str, wire: &'static str, doc: &'static str) -> Arg {
        Arg::new(js, wire, Loc::Path, Ty::Id, doc)
    }

    /// A required query parameter.
    pub const fn query(js: &'static str, wire: &'static str, ty: Ty, doc: &'static str) -> Arg {
        Arg::new(js, wire, Loc::Query, ty, doc)
    }

    /// A required file, sent as the `wire` part of a `multipart/form-data` body.
    pub const fn file(js: &'static str, wire: &'static str, doc: &'static str) -> Arg {
        Arg::new(js, wire, Loc::Body, Ty::File, doc)
    }

    /// A required JSON body.
    pub const fn body(js: &'static str, model: &'static Model, doc: &'static str) -> Arg {
        Arg::new(js, "body", Loc::Body, Ty::Object(model), doc)
    }
}

/// The optional object that follows the positional arguments.
#[derive(Clone, Copy, Debug)]
pub enum Extra {
    /// The operation takes nothing more.
    None,
    /// Optional query parameters (each field is one parameter).
    Query(&'static Model),
    /// An optional JSON body.
    Body(&'static Model),
}

/// The JSON type of an operation's success body, checked before it is
/// handed over (nothing deeper is: results are the API's JSON as sent).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A JSON object.
    Object,
    /// A JSON array.
    Array,
}

impl Shape {
    /// The shape of a TypeScript result type: `Array<...>` or `...[]` is an
    /// array, anything else an object.
    pub const fn of(ts: &str) -> Shape {
        let b = ts.as_bytes();
        let generic = b.len() > 6 && b[0] == b'A' && b[1] == b'r' && b[2] == b'r' && b[3] == b'a' && b[4] == b'y' && b[5] == b'<';
        let suffix = b.len() > 2 && b[b.len() - 2] == b'[' && b[b.len() - 1] == b']';
        if generic || suffix { Shape::Array } else { Shape::Object }
    }

    /// How the shape is named in messages.
    pub fn describe(self) -> &'static str {
        match self {
            Shape::Object => "a JSON object",
            Shape::Array => "a JSON array",
        }
    }
}

/// One API operation.
#[derive(Debug)]
pub struct Operation {
    /// The JS method name (`getUsers`).
    pub name: &'static str,
    /// The name in the seed SDK docs (`get_users`; typings only).
    #[cfg(not(target_arch = "wasm32"))]
    pub seed: &'static str,
    /// HTTP method.
    pub method: Method,
    /// Path template relative to the API base, with `{wire_name}` slots.
    pub path: &'static str,
    /// Required arguments, in order.
    pub args: &'static [Arg],
    /// The optional trailing object.
    pub extra: Extra,
    /// TypeScript name of the success result (typings only).
    #[cfg(not(target_arch = "wasm32"))]
    pub result: &'static str,
    /// One-line description (typings only).
    #[cfg(not(target_arch = "wasm32"))]
    pub doc: &'static str,
    /// For an endpoint the API no longer has: what to tell a caller who gets
    /// 404 or 405 from it.
    pub removed: Option<&'static str>,
    /// The JSON type of the success body.
    pub returns: Shape,
    /// How its pages follow each other, for a paged list.
    pub paging: Paging,
}

/// Declares one `pub static` [`Operation`]: its JS name, seed name, method and
/// path, positional arguments, trailing object and TS result type, then its
/// description (and, for an endpoint the API removed, `removed: "note"`; for
/// a paged list, `paging: Paging::...`).
macro_rules! operation {
    ($name:ident, $js:literal, $seed:literal, $method:ident $path:literal, [$($arg:expr),*], $extra:expr, $result:literal, $doc:literal $(, removed: $removed:literal)? $(, paging: $paging:expr)?) => {
        #[doc = $doc]
        pub static $name: $crate::core::op::Operation = $crate::core::op::Operation {
            name: $js,
            #[cfg(not(target_arch = "wasm32"))]
            seed: $seed,
            method: $crate::core::op::Method::$method,
            path: $path,
            args: &[$($arg),*],
            extra: $extra,
            #[cfg(not(target_arch = "wasm32"))]
            result: $result,
            #[cfg(not(target_arch = "wasm32"))]
            doc: $doc,
            removed: $crate::core::op::removed(&[$($removed)?]),
            returns: $crate::core::op::Shape::of($result),
            paging: $crate::core::op::paging(&[$($paging)?]),
        };
    };
}
pub(crate) use operation;

/// The first note, if any (lets the `operation!` macro take an optional one).
pub const fn removed(notes: &[&'static str]) -> Option<&'static str> {
    match notes {
        [note, ..] => Some(note),
        [] => None,
    }
}

/// The paging, if any (lets the `operation!` macro take an optional one).
pub const fn paging(p: &[Paging]) -> Paging {
    match p {
        [p, ..] => *p,
        [] => Paging::None,
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Checks every provider's operation table must pass.
    use super::{Loc, Operation};
    use crate::core::request::build;
    use crate::core::value::json::{J, j};
    use std::collections::BTreeSet;

    /// Names are unique, and each path's `{slots}` are exactly its path arguments.
    pub fn check_table(ops: &[&Operation]) {
        let names: BTreeSet<&str> = ops.iter().map(|op| op.name).collect();
        assert_eq!(names.len(), ops.len(), "operation names are unique");
        for op in ops {
            let slots: BTreeSet<&str> = op.path.split('{').skip(1).filter_map(|s| s.split('}').next()).collect();
            let args: BTreeSet<&str> = op.args.iter().filter(|a| a.loc == Loc::Path).map(|a| a.wire).collect();
            assert_eq!(slots, args, "{}", op.name);
        }
    }

    /// One sample call per operation of `ops` (positional arguments and the
    /// trailing object, as JSON) builds `"METHOD path"`.
    pub fn check_builds(ops: &[&Operation], cases: &[(&Operation, &[&str], &str, &str)]) {
        assert_eq!(cases.len(), ops.len(), "one case per operation");
        for (op, args, extra, expected) in cases {
            let args: Vec<J> = args.iter().map(|a| j(a)).collect();
            let req = build(op, &args, Some(&j(extra))).unwrap_or_else(|e| panic!("{}: {}", op.name, e.message));
            assert_eq!(format!("{} {}", req.method.as_str(), req.path), *expected, "{}", op.name);
        }
    }
}
