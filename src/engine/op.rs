//! Operations as data: method, path, arguments, body and result type.

use super::encode::is_dot_segment;
use super::exchange::HttpMethod;
use super::paging::Paging;
use super::schema::{Model, Ts, Ty, ts};
use super::text::pieces;

/// Where a positional argument goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Loc {
    /// Into the `{name}` segment of the path template.
    Path,
    /// Into the query string.
    Query,
    /// It is the JSON body.
    Body,
}

/// A required, positional argument of an operation (in the seed's order).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Arg {
    /// The JS parameter name (`userId`), used in messages and typings.
    pub js: &'static str,
    /// The wire name (`user_id`); for a body, a label only.
    pub wire: &'static str,
    /// Where it goes.
    pub loc: Loc,
    /// Its type.
    pub ty: Ty,
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))] // typings-only: `()` in wasm
    /// One-line description.
    pub doc: Ts,
}

impl Arg {
    const fn new(js: &'static str, wire: &'static str, loc: Loc, ty: Ty, doc: &'static str) -> Arg {
        Arg { js, wire, loc, ty, doc: ts(doc) }
    }

    /// A path parameter.
    pub(crate) const fn path(js: &'static str, wire: &'static str, doc: &'static str) -> Arg {
        Arg::new(js, wire, Loc::Path, Ty::Id, doc)
    }

    /// A required query parameter.
    pub(crate) const fn query(js: &'static str, wire: &'static str, ty: Ty, doc: &'static str) -> Arg {
        Arg::new(js, wire, Loc::Query, ty, doc)
    }

    /// A required file, sent as the `wire` part of a `multipart/form-data` body.
    #[cfg(feature = "clerk")]
    pub(crate) const fn file(js: &'static str, wire: &'static str, doc: &'static str) -> Arg {
        Arg::new(js, wire, Loc::Body, Ty::File, doc)
    }

    /// A required JSON body.
    pub(crate) const fn body(js: &'static str, model: &'static Model, doc: &'static str) -> Arg {
        Arg::new(js, "body", Loc::Body, Ty::Object(model), doc)
    }
}

/// What the optional object after an operation's positional arguments is:
/// its query parameters, its JSON body, or nothing (the operation takes none).
#[derive(Clone, Copy, Debug)]
pub(crate) enum ParamsObject {
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
pub(crate) enum Shape {
    /// A JSON object.
    Object,
    /// A JSON array.
    Array,
}

impl Shape {
    /// The shape of a TypeScript result type: `Array<...>` or `...[]` is an
    /// array, anything else an object.
    pub(crate) const fn of(ts: &str) -> Shape {
        let b = ts.as_bytes();
        let generic =
            b.len() > 6 && b[0] == b'A' && b[1] == b'r' && b[2] == b'r' && b[3] == b'a' && b[4] == b'y' && b[5] == b'<';
        let suffix = b.len() > 2 && b[b.len() - 2] == b'[' && b[b.len() - 1] == b']';
        if generic || suffix { Shape::Array } else { Shape::Object }
    }

    /// How the shape is named in messages.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Shape::Object => "a JSON object",
            Shape::Array => "a JSON array",
        }
    }
}

/// One API operation.
#[derive(Debug)]
pub(crate) struct Operation {
    /// The JS method name (`getUsers`).
    pub name: &'static str,
    /// HTTP method.
    pub method: HttpMethod,
    /// Path template relative to the API base, with `{wire_name}` slots.
    pub path: &'static str,
    /// Required arguments, in order.
    pub args: &'static [Arg],
    /// The optional trailing object.
    pub params_object: ParamsObject,
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))] // typings-only: `()` in wasm
    /// TypeScript type of the success result (`KindeUser`, `Array<ClerkUser>`).
    pub result: Ts,
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))] // typings-only: `()` in wasm
    /// One-line description (the text of the `///` lines given to
    /// `operation!`, so it starts with a space).
    pub doc: Ts,
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))] // typings-only: `()` in wasm
    /// The example call, as `binding = arguments` in TypeScript: `user =
    /// 'kp_123'` renders `const user = await kinde.getUserData('kp_123');`.
    pub example: Ts,
    /// For an endpoint the API no longer has: what to tell a caller who gets
    /// 404 or 405 from it.
    pub removed: Option<&'static str>,
    /// The JSON type of the success body.
    pub returns: Shape,
    /// How its pages follow each other, for a paged list.
    pub paging: Paging,
}

impl Operation {
    /// The operation's name in the seed SDKs: the JS name in `snake_case`
    /// (`getOAuthAccessToken` is `get_o_auth_access_token`). Typings only.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn seed(&self) -> String {
        let mut out = String::with_capacity(self.name.len() + 8);
        for c in self.name.chars() {
            if c.is_ascii_uppercase() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    }
}

/// Declares one `pub static` [`Operation`] with named fields, in this order
/// (those in brackets only when they apply):
///
/// ```text
/// operation! {
///     /// What it does (the description in the typings).
///     GET_USER_DATA,
///     name: getUserData,              // the JS method name
///     method: Get,                    // an `HttpMethod` variant
///     path: "/api/v1/user",           // relative to the API base, `{wire}` slots
///     [args: [ID, ...],]              // required positional `Arg`s, in order
///     [params: MODEL,] or [body: MODEL,]  // the optional trailing query or body object
///     returns: "KindeUser",           // the TypeScript result type
///     [paging: Paging::...,]          // for a paged list
///     [removed: "note",]              // for an endpoint the API removed
///     example: user = "'kp_123'",     // `const user = await kinde.getUserData('kp_123');`
/// }
/// ```
///
/// The description, result type and example are typings-only text
/// ([`Ts`]); the result type also gives the [`Shape`] checked at run time.
macro_rules! operation {
    (
        $(#[doc = $doc:literal])+
        $static:ident,
        name: $name:ident,
        method: $method:ident,
        path: $path:literal,
        $(args: [$($arg:expr),* $(,)?],)?
        $(params: $params:path,)?
        $(body: $body:path,)?
        returns: $result:literal,
        $(paging: $paging:expr,)?
        $(removed: $removed:literal,)?
        example: $binding:ident = $example:literal $(,)?
    ) => {
        $(#[doc = $doc])+
        pub(crate) static $static: $crate::engine::op::Operation = $crate::engine::op::Operation {
            name: stringify!($name),
            method: $crate::engine::exchange::HttpMethod::$method,
            path: $path,
            args: &[$($($arg),*)?],
            params_object: $crate::engine::op::params_object(&[
                $($crate::engine::op::ParamsObject::Query(&$params),)?
                $($crate::engine::op::ParamsObject::Body(&$body),)?
            ]),
            result: $crate::engine::schema::ts($result),
            doc: $crate::engine::schema::ts(concat!($($doc),+)),
            example: $crate::engine::schema::ts(concat!(stringify!($binding), " = ", $example)),
            removed: $crate::engine::op::removed(&[$($removed)?]),
            returns: $crate::engine::op::Shape::of($result),
            paging: $crate::engine::op::paging(&[$($paging)?]),
        };
    };
}
pub(crate) use operation;

/// The trailing object, if any (lets the `operation!` macro take an optional
/// `params` or `body`, never both).
pub(crate) const fn params_object(given: &[ParamsObject]) -> ParamsObject {
    match given {
        [] => ParamsObject::None,
        [one] => *one,
        _ => panic!("an operation takes `params` or `body`, not both"),
    }
}

/// The first note, if any (lets the `operation!` macro take an optional one).
pub(crate) const fn removed(notes: &[&'static str]) -> Option<&'static str> {
    match notes {
        [note, ..] => Some(note),
        [] => None,
    }
}

/// The operation a request is: `method` and `path` (relative to the API
/// base, without the query) matched against each operation's method and path
/// template, where a `{slot}` matches exactly one non-empty segment.
///
/// Used by the package's proxy to recognise what it forwards. Anything that
/// could make a server see another path is refused, so no request can reach
/// an endpoint it was not recognised as: dot segments (`..`, `%2e%2E`),
/// empty segments (`//`), backslashes, and any `%` that does not start a
/// valid escape. An encoded slash (`%2F`) stays inside its segment.
pub(crate) fn route<'a>(ops: &[&'a Operation], method: &str, path: &str) -> Option<&'a Operation> {
    let rest = path.strip_prefix('/')?;
    let valid = |s: &str| {
        let b = s.as_bytes();
        !s.is_empty()
            && !is_dot_segment(s)
            && !b.contains(&b'\\')
            && b.iter()
                .enumerate()
                .all(|(i, c)| *c != b'%' || b.get(i + 1..i + 3).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)))
    };
    if !pieces(rest, b'/').all(valid) {
        return None;
    }
    // The most specific template wins: `/users/count` over `/users/{user_id}`.
    let mut best: Option<(&'a Operation, usize)> = None;
    for op in ops.iter().copied().filter(|op| op.method.as_str().eq_ignore_ascii_case(method)) {
        let (mut template, mut given, mut literal) = (pieces(op.path, b'/').skip(1), pieces(rest, b'/'), 0);
        let matched = loop {
            match (template.next(), given.next()) {
                (None, None) => break true,
                (Some(t), Some(_)) if t.starts_with('{') => {}
                (Some(t), Some(g)) if t == g => literal += 1,
                _ => break false,
            }
        };
        if matched && best.is_none_or(|(_, n)| literal > n) {
            best = Some((op, literal));
        }
    }
    best.map(|(op, _)| op)
}

/// The paging, if any (lets the `operation!` macro take an optional one).
pub(crate) const fn paging(p: &[Paging]) -> Paging {
    match p {
        [p, ..] => *p,
        [] => Paging::None,
    }
}

#[cfg(test)]
mod tests {
    use super::route;

    #[cfg(feature = "kinde")]
    #[test]
    fn requests_are_routed_to_operations_by_method_and_template() {
        let kinde = crate::kinde::users::OPERATIONS;
        let name = |m: &str, p: &str| route(kinde, m, p).map(|op| op.name);
        assert_eq!(name("GET", "/api/v1/users"), Some("getUsers"));
        assert_eq!(name("get", "/api/v1/users"), Some("getUsers"));
        assert_eq!(name("GET", "/api/v1/user"), Some("getUserData"));
        assert_eq!(name("DELETE", "/api/v1/user"), Some("deleteUser"));
        assert_eq!(name("GET", "/api/v1/users/kp_1/sessions"), Some("getUserSessions"));
        assert_eq!(name("DELETE", "/api/v1/users/kp_1/mfa/f_1"), Some("resetUsersMfa"));
        assert_eq!(name("GET", "/api/v1/users/kp%2F1/sessions"), Some("getUserSessions"));
        assert_eq!(name("POST", "/api/v1/users"), None);
        assert_eq!(name("GET", "/api/v1/organizations"), None);
    }

    #[cfg(feature = "clerk")]
    #[test]
    fn clerk_requests_are_routed_to_operations_by_method_and_template() {
        let clerk = crate::clerk::users::OPERATIONS;
        assert_eq!(route(clerk, "GET", "/users/count").map(|op| op.name), Some("getUsersCount"));
        assert_eq!(route(clerk, "GET", "/users/user_1").map(|op| op.name), Some("getUser"));
        assert_eq!(route(clerk, "POST", "/users/user_1/profile_image").map(|op| op.name), Some("setUserProfileImage"));
    }

    #[cfg(all(not(target_arch = "wasm32"), feature = "kinde"))]
    #[test]
    fn seed_names_are_the_snake_case_of_js_names() {
        let seed = |name| super::Operation { name, ..crate::kinde::users::GET_USERS }.seed();
        assert_eq!(seed("getUsers"), "get_users");
        assert_eq!(seed("getOAuthAccessToken"), "get_o_auth_access_token");
        assert_eq!(seed("userWeb3WalletDelete"), "user_web3_wallet_delete");
        assert_eq!(seed("resetUsersMfaAll"), "reset_users_mfa_all");
    }

    #[cfg(feature = "kinde")]
    #[test]
    fn path_tricks_are_refused() {
        let kinde = crate::kinde::users::OPERATIONS;
        for path in [
            "/api/v1/users/../users",
            "/api/v1/users/%2e%2E/sessions",
            "/api/v1/users/./sessions",
            "/api/v1//users",
            "/api/v1/users/",
            "/api/v1/users/kp_1\\..\\x/sessions",
            "/api/v1/users/kp%zz/sessions",
            "/api/v1/users/kp%2/sessions",
            "api/v1/users",
            "",
        ] {
            assert_eq!(route(kinde, "GET", path).map(|op| op.name), None, "{path}");
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod testing {
    //! Checks every provider's operation table must pass.
    use super::{Loc, Operation};
    use std::collections::BTreeSet;

    /// Names are unique, each path's `{slots}` are exactly its path
    /// arguments, and each operation has a description and an example.
    pub(crate) fn check_table(ops: &[&Operation]) {
        let names: BTreeSet<&str> = ops.iter().map(|op| op.name).collect();
        assert_eq!(names.len(), ops.len(), "operation names are unique");
        for op in ops {
            let slots: BTreeSet<&str> = op.path.split('{').skip(1).filter_map(|s| s.split('}').next()).collect();
            let args: BTreeSet<&str> = op.args.iter().filter(|a| a.loc == Loc::Path).map(|a| a.wire).collect();
            assert_eq!(slots, args, "{}", op.name);
            assert!(!op.doc.trim().is_empty(), "{} has no description", op.name);
            let binding = op.example.split_once(" = ").map(|(b, _)| b).unwrap_or_default();
            assert!(!binding.is_empty(), "{}: the example is `binding = arguments`", op.name);
        }
    }
}
