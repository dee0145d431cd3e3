//! Turns an operation and the caller's arguments into the request the
//! driver sends, validating everything first: a request is built whole or
//! not at all.

use super::encode::{component, component_len, is_date_time, is_dot_segment, push_json_string, push_query};
use super::error::Error;
use super::exchange::{OutBody, Prepared};
use super::op::{Loc, Operation, ParamsObject};
use super::schema::{Field, Model, Ty};
use super::text::{cat, int, pieces, position, push_int, push_joined, trim};
use super::value::{Kind, Value};

/// The longest query string a request may have. Servers refuse URLs much
/// longer than this anyway; the check also bounds the memory a call's
/// arguments can make the module use.
pub(crate) const MAX_QUERY: usize = 32 * 1024;
/// The longest path segment (an id), percent-encoded. Ids are tens of
/// characters (Kinde `kp_` + 32 hex digits, Clerk `user_` + 27 characters,
/// provider names like `oauth_google`); 1 KiB leaves room for any format
/// either API could adopt, and an id longer than that is a mistake or an
/// attack: it is refused before it is copied into wasm memory or encoded.
pub(crate) const MAX_SEGMENT: usize = 1024;
/// The longest URL a request may have: the base URL (at most
/// [`super::config::MAX_BASE_URL`]), the path with its segments and the query
/// string. The parts' own limits keep every real URL far below it; it is
/// checked last, as a backstop.
pub(crate) const MAX_URL: usize = 40 * 1024;
/// The largest JSON body a request may have.
pub(crate) const MAX_BODY: usize = 2 * 1024 * 1024;

/// The error for a path segment or query value over its limit.
fn too_long(label: &str, max: usize) -> Error {
    Error::invalid(label, &cat(&["is too long: more than ", &int(max as i64), " bytes once percent-encoded"]))
}

/// What is left of [`MAX_QUERY`] for the value of `key` after `query`.
fn query_room(query: &str, key: &str) -> usize {
    MAX_QUERY.saturating_sub(query.len() + 2 + component_len(key))
}

fn query_budget(query: &str) -> Result<(), Error> {
    if query.len() > MAX_QUERY {
        return Err(Error::invalid(
            "params",
            &cat(&["make a query string longer than ", &int(MAX_QUERY as i64), " bytes"]),
        ));
    }
    Ok(())
}

fn body_budget(out: &str, label: &str) -> Result<(), Error> {
    if out.len() > MAX_BODY {
        return Err(Error::invalid(label, &cat(&["makes a JSON body larger than ", &int(MAX_BODY as i64), " bytes"])));
    }
    Ok(())
}

/// Validates `args` (the positional arguments) and `extra` (the optional
/// trailing object) against `op` and builds the request to `base_url` (the
/// API base, without a trailing slash).
pub(crate) fn build<V: Value>(
    op: &Operation,
    args: &[V],
    extra: Option<&V>,
    base_url: &str,
) -> Result<Prepared, Error> {
    let mut segments: Vec<(&str, String)> = Vec::new();
    let mut query = String::new();
    let mut body = None;
    #[cfg_attr(not(feature = "clerk"), allow(unused_mut))] // only Clerk uploads files
    let mut file = None;
    for (i, arg) in op.args.iter().enumerate() {
        let value = args.get(i);
        let kind = value.map_or(Kind::Undefined, Value::kind);
        let value = match value {
            Some(v) if !kind.is_absent() => v,
            _ => return Err(Error::invalid(arg.js, "is required")),
        };
        match arg.loc {
            Loc::Path => {
                let id = scalar_text(&arg.ty, value, arg.js, MAX_SEGMENT)?;
                if is_dot_segment(&id) {
                    return Err(Error::invalid(arg.js, "must not be \".\" or \"..\""));
                }
                segments.push((arg.wire, component(&id)));
            }
            Loc::Query => {
                // An id is held to the id limit wherever it goes.
                let room = query_room(&query, arg.wire);
                let max = if matches!(arg.ty, Ty::Id) { room.min(MAX_SEGMENT) } else { room };
                let text = scalar_text(&arg.ty, value, arg.js, max)?;
                push_query(&mut query, arg.wire, &text);
                query_budget(&query)?;
            }
            #[cfg(feature = "clerk")]
            Loc::Body if matches!(arg.ty, Ty::File) => {
                // The seed (and @clerk/backend) pass `{ file }`; a bare file works too.
                let inner = value.get(arg.wire);
                let wrapped = value.binary_len().is_none() && value.kind() == Kind::Object && !inner.kind().is_absent();
                let (label, file_value) =
                    if wrapped { (cat(&[arg.js, ".", arg.wire]), &inner) } else { (arg.js.to_owned(), value) };
                match file_value.binary_len() {
                    Some(n) if n > 0.0 => {}
                    Some(_) => return Err(Error::invalid(&label, "must not be empty (0 bytes)")),
                    None => {
                        return Err(type_error(
                            &label,
                            "a Blob, File, ArrayBuffer or Uint8Array (or { file })",
                            file_value,
                        ));
                    }
                }
                file = Some(super::exchange::Upload { part: arg.wire, arg: i, wrapped });
            }
            Loc::Body => {
                let mut out = String::new();
                write_json(&arg.ty, value, arg.js, &mut out)?;
                body = Some(out);
            }
        }
    }
    let extra = extra.filter(|v| !v.kind().is_absent());
    match (op.params_object, extra) {
        (ParamsObject::Query(model), Some(params)) => {
            let keys = check_object(model, params, "params")?;
            for field in present(model, &keys) {
                let v = params.get(field.name);
                if v.kind().is_absent() {
                    continue;
                }
                let label = cat(&["params.", field.name]);
                if let Ty::Array(item) = field.ty {
                    // Repeated keys: `email_address=a&email_address=b`.
                    let items = if v.kind() == Kind::Array { v.items() } else { vec![v] };
                    if items.is_empty() {
                        return Err(Error::invalid(&label, "must list at least one value"));
                    }
                    for (i, item_value) in items.iter().enumerate() {
                        let room = query_room(&query, field.name);
                        let text = scalar_text(item, item_value, &indexed(&label, i), room)?;
                        push_query(&mut query, field.name, &text);
                        query_budget(&query)?;
                    }
                } else {
                    let text = scalar_text(&field.ty, &v, &label, query_room(&query, field.name))?;
                    push_query(&mut query, field.name, &text);
                    query_budget(&query)?;
                }
            }
        }
        (ParamsObject::Body(model), Some(value)) => {
            let mut out = String::new();
            write_json(&Ty::Object(model), value, "body", &mut out)?;
            body = Some(out);
        }
        _ => {}
    }
    let mut url = String::with_capacity(base_url.len() + op.path.len() + 32 + query.len());
    url.push_str(base_url);
    fill_template(&mut url, op.path, &segments);
    url.push_str(&query);
    // A backstop: the parts' own limits already keep the URL below it.
    if url.len() > MAX_URL {
        return Err(Error::invalid("arguments", &cat(&["make a URL longer than ", &int(MAX_URL as i64), " bytes"])));
    }
    let body = match file {
        Some(upload) => Some(OutBody::Multipart(upload)),
        None => body.map(OutBody::Json),
    };
    Ok(Prepared { method: op.method, url, body })
}

/// Writes the template to `out` with each `{name}` replaced by its encoded segment.
fn fill_template(out: &mut String, template: &str, segments: &[(&str, String)]) {
    let mut rest = template;
    while let Some(open) = position(rest, b'{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = position(after, b'}') else {
            out.push_str(&rest[open..]);
            return;
        };
        let name = &after[..close];
        if let Some((_, seg)) = segments.iter().find(|(n, _)| *n == name) {
            out.push_str(seg);
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

fn type_error<V: Value>(label: &str, expected: &str, value: &V) -> Error {
    Error::got(label, &cat(&["must be ", expected]), value.kind())
}

/// Encodes a value that travels as text (path segment or query value),
/// refusing one longer than `max` bytes once percent-encoded: first by its
/// UTF-16 length, before it is copied (each unit encodes to at least one
/// byte), then by its exact encoded length, before it is encoded.
fn scalar_text<V: Value>(ty: &Ty, value: &V, label: &str, max: usize) -> Result<String, Error> {
    if value.text_len().is_some_and(|n| n > max) {
        return Err(too_long(label, max));
    }
    let text = scalar_text_unbounded(ty, value, label)?;
    if max < usize::MAX && component_len(&text) > max {
        return Err(too_long(label, max));
    }
    Ok(text)
}

fn scalar_text_unbounded<V: Value>(ty: &Ty, value: &V, label: &str) -> Result<String, Error> {
    match ty {
        Ty::Str => value.as_string().ok_or_else(|| type_error(label, "a string", value)),
        Ty::Id => non_empty(value, label),
        Ty::Bool => match value.as_bool() {
            Some(b) => Ok(if b { "true" } else { "false" }.to_owned()),
            None => Err(type_error(label, "a boolean", value)),
        },
        Ty::Int { min, max } => Ok(int(integer(value, (*min).into(), (*max).into(), label)?)),
        Ty::Enum(set) => one_of(value, set, label),
        Ty::DateTime => date_time(value, label),
        Ty::Scalar => match value.kind() {
            Kind::String => non_empty(value, label),
            Kind::Bool | Kind::Number if value.as_f64().is_none_or(f64::is_finite) => {
                value.to_json().ok_or_else(|| type_error(label, "a string, number or boolean", value))
            }
            _ => Err(type_error(label, "a string, number or boolean", value)),
        },
        Ty::List(set) => list(value, set, label),
        #[cfg(feature = "clerk")]
        Ty::Millis => millis(value, label).map(int),
        _ => Err(type_error(label, "a string", value)),
    }
}

fn non_empty<V: Value>(value: &V, label: &str) -> Result<String, Error> {
    match value.as_string() {
        Some(s) if !trim(&s).is_empty() => Ok(s),
        Some(_) => Err(Error::invalid(label, "must not be empty")),
        None => Err(type_error(label, "a non-empty string", value)),
    }
}

fn integer<V: Value>(value: &V, min: i64, max: i64, label: &str) -> Result<i64, Error> {
    let n = value.as_f64().ok_or_else(|| type_error(label, "an integer", value))?;
    if !n.is_finite() || n.fract() != 0.0 {
        return Err(Error::invalid(label, "must be an integer"));
    }
    if n < min as f64 || n > max as f64 {
        return Err(Error::invalid(label, &cat(&["must be between ", &int(min), " and ", &int(max)])));
    }
    Ok(n as i64)
}

fn one_of<V: Value>(value: &V, set: &[&str], label: &str) -> Result<String, Error> {
    let s = value.as_string().ok_or_else(|| type_error(label, "a string", value))?;
    if set.contains(&s.as_str()) { Ok(s) } else { Err(Error::invalid(label, &quoted("must be one of ", set))) }
}

/// `start` then each of `set` in double quotes, separated by commas.
fn quoted(start: &str, set: &[&str]) -> String {
    let mut out = String::from(start);
    for (i, s) in set.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('"');
        out.push_str(s);
        out.push('"');
    }
    out
}

/// `label[i]`: the label of an array's item.
fn indexed(label: &str, i: usize) -> String {
    let mut out = cat(&[label, "["]);
    push_int(&mut out, i as i64);
    out.push(']');
    out
}

fn date_time<V: Value>(value: &V, label: &str) -> Result<String, Error> {
    const EXPECTED: &str = "must be a valid Date or an ISO 8601 date-time such as 2026-01-31T09:30:00Z";
    if value.kind() == Kind::Date {
        return value.date_iso().ok_or_else(|| Error::invalid(label, EXPECTED));
    }
    match value.as_string() {
        Some(s) if is_date_time(&s) => Ok(s),
        _ => Err(Error::invalid(label, EXPECTED)),
    }
}

/// Unix milliseconds from a non-negative integer or a valid `Date`.
fn millis<V: Value>(value: &V, label: &str) -> Result<i64, Error> {
    /// The latest time a JS `Date` can hold.
    const MAX: i64 = 8_640_000_000_000_000;
    if value.kind() == Kind::Date {
        return match value.date_ms() {
            Some(ms) if ms.is_finite() && ms >= 0.0 => Ok(ms as i64),
            _ => Err(Error::invalid(label, "must be a valid Date after 1970 or Unix milliseconds")),
        };
    }
    if value.kind() != Kind::Number {
        return Err(type_error(label, "Unix milliseconds (an integer) or a Date", value));
    }
    integer(value, 0, MAX, label)
}

/// A comma list: the joined string or an array of items.
fn list<V: Value>(value: &V, set: &[&str], label: &str) -> Result<String, Error> {
    let items: Vec<String> = match value.kind() {
        Kind::String => pieces(&value.as_string().unwrap_or_default(), b',').map(|s| trim(s).to_owned()).collect(),
        Kind::Array => {
            let mut total = 0;
            let mut out = Vec::new();
            for (i, v) in value.items().iter().enumerate() {
                // Measured before it is copied.
                if v.text_len().is_some_and(|n| total + n >= MAX_QUERY) {
                    return Err(too_long_joined(label));
                }
                let s = v.as_string().ok_or_else(|| type_error(&indexed(label, i), "a string", v))?;
                total += s.len() + 1;
                if total > MAX_QUERY {
                    return Err(too_long_joined(label));
                }
                out.push(s);
            }
            out
        }
        _ => return Err(type_error(label, "a string or an array of strings", value)),
    };
    if items.is_empty() || items.iter().any(String::is_empty) {
        return Err(Error::invalid(label, "must list one or more non-empty values"));
    }
    if !set.is_empty() {
        if let Some(bad) = items.iter().find(|s| !set.contains(&s.as_str())) {
            return Err(Error::invalid(label, &quoted(&cat(&["has \"", bad, "\"; allowed values are "]), set)));
        }
    }
    let mut joined = String::new();
    push_joined(&mut joined, &items, ",");
    Ok(joined)
}

fn too_long_joined(label: &str) -> Error {
    Error::invalid(label, &cat(&["is longer than ", &int(MAX_QUERY as i64), " bytes when joined"]))
}

/// Checks that `value` is a plain object with no fields beyond the model's,
/// and returns its keys.
fn check_object<V: Value>(model: &Model, value: &V, label: &str) -> Result<Vec<String>, Error> {
    if value.kind() != Kind::Object {
        return Err(type_error(label, "an object", value));
    }
    let keys = value.keys().map_err(|e| Error::keys(label, e))?;
    for key in &keys {
        if model.field(key).is_none() {
            let hint = snake_case(key)
                .filter(|s| model.field(s).is_some())
                .map(|s| cat(&[" (did you mean \"", &s, "\"? the API's own field names are used)"]))
                .unwrap_or_default();
            return Err(Error::invalid(&cat(&[label, ".", key]), &cat(&["is not a known field", &hint])));
        }
    }
    Ok(keys)
}

/// The model's fields that are among `keys` or required, in the model's
/// (wire) order. Reading only these keeps a call with two parameters from
/// reading every field a model has (each read crosses into JS).
fn present<'a>(model: &'a Model, keys: &'a [String]) -> impl Iterator<Item = &'a Field> + 'a {
    model.fields.iter().filter(|f| f.required || keys.iter().any(|k| k == f.name))
}

/// `pageSize` → `page_size`, when the key has capitals.
fn snake_case(key: &str) -> Option<String> {
    if !key.chars().any(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let mut out = String::new();
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// Validates `value` against `ty` and writes it as JSON.
fn write_json<V: Value>(ty: &Ty, value: &V, label: &str, out: &mut String) -> Result<(), Error> {
    match ty {
        Ty::Bool => match value.as_bool() {
            Some(b) => out.push_str(if b { "true" } else { "false" }),
            None => return Err(type_error(label, "a boolean", value)),
        },
        Ty::Int { min, max } => push_int(out, integer(value, (*min).into(), (*max).into(), label)?),
        #[cfg(feature = "clerk")]
        Ty::Millis => push_int(out, millis(value, label)?),
        #[cfg(feature = "clerk")]
        Ty::File => return Err(type_error(label, "a file (uploads are not JSON)", value)),
        Ty::Scalar if value.kind() != Kind::String => {
            out.push_str(&scalar_text(ty, value, label, usize::MAX)?);
        }
        Ty::Str | Ty::Id | Ty::Enum(_) | Ty::DateTime | Ty::Scalar | Ty::List(_) => {
            push_json_string(out, &scalar_text(ty, value, label, usize::MAX)?)
        }
        Ty::Array(item) => {
            if value.kind() != Kind::Array {
                return Err(type_error(label, "an array", value));
            }
            out.push('[');
            for (i, v) in value.items().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, v, &indexed(label, i), out)?;
                body_budget(out, label)?;
            }
            out.push(']');
        }
        Ty::Object(model) => write_object(model, value, label, &[], out)?,
        Ty::IdOr((model, extra)) => {
            if value.kind() == Kind::String {
                let id = non_empty(value, label)?;
                out.push_str("{\"id\":");
                push_json_string(out, &id);
                for (k, v) in extra.iter() {
                    out.push(',');
                    push_json_string(out, k);
                    out.push(':');
                    push_json_string(out, v);
                }
                out.push('}');
            } else if value.kind() == Kind::Object {
                write_object(model, value, label, extra, out)?;
            } else {
                return Err(type_error(label, "a user id (string) or an object", value));
            }
        }
        Ty::Map(inner) => {
            if value.kind() != Kind::Object {
                return Err(type_error(label, "an object", value));
            }
            out.push('{');
            let mut first = true;
            for key in value.keys().map_err(|e| Error::keys(label, e))? {
                let v = value.get(&key);
                if v.kind() == Kind::Undefined {
                    continue;
                }
                if !first {
                    out.push(',');
                }
                first = false;
                push_json_string(out, &key);
                out.push(':');
                write_json(inner, &v, &cat(&[label, ".", &key]), out)?;
                body_budget(out, label)?;
            }
            out.push('}');
        }
        #[cfg(feature = "clerk")]
        Ty::Json => match value.kind() {
            Kind::Undefined | Kind::Function | Kind::Other | Kind::LongString | Kind::LongArray | Kind::Unreadable => {
                return Err(type_error(label, "JSON data", value));
            }
            Kind::Number if !value.as_f64().is_some_and(f64::is_finite) => {
                return Err(Error::invalid(label, "must be a finite number"));
            }
            _ => {
                let json = value.to_json().ok_or_else(|| {
                    Error::invalid(label, "must be JSON data of at most 1 MiB (JSON.stringify failed or gave more)")
                })?;
                out.push_str(&json);
                body_budget(out, label)?;
            }
        },
    }
    Ok(())
}

fn write_object<V: Value>(
    model: &Model,
    value: &V,
    label: &str,
    extra: &[(&str, &str)],
    out: &mut String,
) -> Result<(), Error> {
    let keys = check_object(model, value, label)?;
    out.push('{');
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push(',');
        }
        first = false;
    };
    for field in present(model, &keys) {
        let v = value.get(field.name);
        let child = cat(&[label, ".", field.name]);
        match v.kind() {
            Kind::Undefined if field.required => return Err(Error::invalid(&child, "is required")),
            Kind::Undefined => continue,
            Kind::Null if field.nullable => {
                sep(out);
                push_json_string(out, field.name);
                out.push_str(":null");
                continue;
            }
            Kind::Null => return Err(Error::invalid(&child, "must not be null")),
            _ => {}
        }
        sep(out);
        push_json_string(out, field.name);
        out.push(':');
        write_json(&field.ty, &v, &child, out)?;
        body_budget(out, label)?;
    }
    for (k, v) in extra.iter() {
        sep(out);
        push_json_string(out, k);
        out.push(':');
        push_json_string(out, v);
    }
    out.push('}');
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::engine::exchange::HttpMethod;
    use crate::engine::op::{Arg, ParamsObject};
    use crate::engine::schema::Field;
    use crate::engine::value::json::{J, j};

    /// The request relative to the API base: its `url` is the path and query.
    fn build<V: Value>(op: &Operation, args: &[V], extra: Option<&V>) -> Result<Prepared, Error> {
        super::build(op, args, extra, "")
    }

    static INNER: Model = Model {
        name: "",
        doc: "",
        fields: &[Field::req("email", Ty::Str, ""), Field::opt("phone", Ty::Str, "").nullable()],
    };
    /// JSON values exist in builds with Clerk only (its metadata).
    #[cfg(feature = "clerk")]
    const PROPS: Ty = Ty::Map(&Ty::Json);
    #[cfg(not(feature = "clerk"))]
    const PROPS: Ty = Ty::Map(&Ty::Str);
    static BODY: Model = Model {
        name: "Body",
        doc: "",
        fields: &[
            Field::opt("name", Ty::Str, ""),
            Field::opt("kind", Ty::Enum(&["email", "phone"]), ""),
            Field::opt("count", Ty::Int { min: 1, max: 5 }, ""),
            Field::opt("on", Ty::Bool, ""),
            Field::opt("details", Ty::Object(&INNER), ""),
            Field::opt("tags", Ty::Array(&Ty::Str), ""),
            Field::opt("props", PROPS, ""),
            Field::opt("users", Ty::Array(&Ty::IdOr(&(&INNER, &[("operation", "delete")]))), ""),
        ],
    };
    static PARAMS: Model = Model {
        name: "Params",
        doc: "",
        fields: &[
            Field::opt("page_size", Ty::Int { min: 1, max: 500 }, "").nullable(),
            Field::opt("email", Ty::List(&[]), ""),
            Field::opt("expand", Ty::List(&["organizations", "identities"]), ""),
            Field::opt("has_organization", Ty::Bool, ""),
            Field::opt("active_since", Ty::DateTime, ""),
        ],
    };
    static OP_QUERY: Operation = Operation {
        name: "list",
        example: "",
        method: HttpMethod::Get,
        path: "/api/v1/users",
        args: &[],
        params_object: ParamsObject::Query(&PARAMS),
        result: "R",
        doc: "",
        removed: None,
        returns: crate::engine::op::Shape::Object,
        paging: crate::engine::paging::Paging::None,
    };
    static OP_PATH: Operation = Operation {
        name: "flag",
        example: "",
        method: HttpMethod::Patch,
        path: "/api/v1/users/{user_id}/feature_flags/{feature_flag_key}",
        args: &[
            Arg::path("userId", "user_id", ""),
            Arg::path("featureFlagKey", "feature_flag_key", ""),
            Arg::query("value", "value", Ty::Scalar, ""),
        ],
        params_object: ParamsObject::None,
        result: "R",
        doc: "",
        removed: None,
        returns: crate::engine::op::Shape::Object,
        paging: crate::engine::paging::Paging::None,
    };
    static OP_BODY: Operation = Operation {
        name: "create",
        example: "",
        method: HttpMethod::Post,
        path: "/api/v1/users/{user_id}/things",
        args: &[Arg::path("userId", "user_id", "")],
        params_object: ParamsObject::Body(&BODY),
        result: "R",
        doc: "",
        removed: None,
        returns: crate::engine::op::Shape::Object,
        paging: crate::engine::paging::Paging::None,
    };

    fn query(params: &str) -> Result<String, Error> {
        build(&OP_QUERY, &[] as &[J], Some(&j(params))).map(|r| r.url)
    }

    fn body(value: &str) -> Result<String, Error> {
        build(&OP_BODY, &[j("\"u1\"")], Some(&j(value)))
            .map(|r| r.body.map(|b| b.text().to_owned()).unwrap_or_default())
    }

    fn param_of(e: Result<String, Error>) -> String {
        e.expect_err("should fail").param.clone().unwrap_or_default() // ok: test
    }

    #[test]
    fn query_params_are_encoded_in_model_order() {
        let p = query(
            r#"{"expand":["identities","organizations"],"page_size":5,"email":"a@x.com, b@x.com","has_organization":false,"active_since":"2026-01-01T00:00:00Z"}"#,
        );
        assert_eq!(
            p.as_deref(),
            Ok(
                "/api/v1/users?page_size=5&email=a%40x.com%2Cb%40x.com&expand=identities%2Corganizations&has_organization=false&active_since=2026-01-01T00%3A00%3A00Z"
            )
        );
    }

    #[test]
    fn absent_and_null_params_are_not_sent() {
        assert_eq!(query("").as_deref(), Ok("/api/v1/users"));
        assert_eq!(query("null").as_deref(), Ok("/api/v1/users"));
        assert_eq!(query(r#"{"page_size":null}"#).as_deref(), Ok("/api/v1/users"));
    }

    #[test]
    fn dates_are_sent_in_iso_form() {
        let p = query(r#"{"active_since":{"$date":"2026-02-03T04:05:06.000Z"}}"#);
        assert_eq!(p.as_deref(), Ok("/api/v1/users?active_since=2026-02-03T04%3A05%3A06.000Z"));
    }

    #[test]
    fn bad_params_are_rejected_with_their_name() {
        assert_eq!(param_of(query(r#"{"page_size":0}"#)), "params.page_size");
        assert_eq!(param_of(query(r#"{"page_size":501}"#)), "params.page_size");
        assert_eq!(param_of(query(r#"{"page_size":2.5}"#)), "params.page_size");
        assert_eq!(param_of(query(r#"{"page_size":"10"}"#)), "params.page_size");
        assert_eq!(param_of(query(r#"{"expand":"organizations,groups"}"#)), "params.expand");
        assert_eq!(param_of(query(r#"{"expand":[]}"#)), "params.expand");
        assert_eq!(param_of(query(r#"{"email":["a",3]}"#)), "params.email[1]");
        assert_eq!(param_of(query(r#"{"has_organization":"yes"}"#)), "params.has_organization");
        assert_eq!(param_of(query(r#"{"active_since":"last week"}"#)), "params.active_since");
        assert_eq!(param_of(query(r#"[1]"#)), "params");
    }

    #[test]
    fn unknown_params_name_the_wire_spelling() {
        let e = query(r#"{"pageSize":5}"#).expect_err("unknown"); // ok: test
        assert_eq!(e.param.as_deref(), Some("params.pageSize"));
        assert!(e.message.contains("did you mean \"page_size\""), "{}", e.message);
    }

    #[test]
    fn path_segments_are_encoded_and_checked() {
        let r = build(&OP_PATH, &[j("\"kp_1/../x\""), j("\"flag?x\""), j("true")], None).expect("ok"); // ok: test
        assert_eq!(r.url, "/api/v1/users/kp_1%2F..%2Fx/feature_flags/flag%3Fx?value=true");
        assert_eq!(r.method, HttpMethod::Patch);
        for bad in ["\"..\"", "\".\"", "\"%2e%2E\"", "\"\"", "\"  \"", "5", "null", ""] {
            let e = build(&OP_PATH, &[j(bad), j("\"f\""), j("\"v\"")], None);
            assert_eq!(param_of(e.map(|r| r.url)), "userId", "{bad}");
        }
        let missing = build(&OP_PATH, &[j("\"u\"")], None).map(|r| r.url);
        assert_eq!(param_of(missing), "featureFlagKey");
        let bad_value = build(&OP_PATH, &[j("\"u\""), j("\"f\""), j("{}")], None).map(|r| r.url);
        assert_eq!(param_of(bad_value), "value");
    }

    #[test]
    fn path_segments_and_query_values_are_bounded_by_their_encoded_length() {
        let path = |id: &str, value: &str| {
            let args = [J(Some(id.into())), j("\"k\""), J(Some(value.into()))];
            build(&OP_PATH, &args, None).map(|r| r.url)
        };
        // At the limit, and one byte over (ASCII: one byte each).
        assert!(path(&"a".repeat(MAX_SEGMENT), "v").is_ok());
        let e = path(&"a".repeat(MAX_SEGMENT + 1), "v").expect_err("too long"); // ok: test
        assert_eq!((e.kind, e.param.as_deref()), (crate::engine::error::ErrorKind::Validation, Some("userId")));
        assert_eq!(e.message, format!("userId is too long: more than {MAX_SEGMENT} bytes once percent-encoded"));
        // Few UTF-16 units, but nine bytes each once encoded.
        let wide = "€".repeat(MAX_SEGMENT / 9 + 1);
        assert_eq!(param_of(path(&wide, "v")), "userId");
        assert!(path(&"€".repeat(MAX_SEGMENT / 9), "v").is_ok());
        // A 1 MiB id, and a query value that cannot fit what is left of the query.
        assert_eq!(param_of(path(&"a".repeat(1 << 20), "v")), "userId");
        assert_eq!(param_of(path("u1", &"v".repeat(MAX_QUERY))), "value");
        let big = format!(r#"{{"email":"{}"}}"#, "a".repeat(MAX_QUERY));
        assert_eq!(param_of(query(&big)), "params.email");
        let fits = format!(r#"{{"email":"{}"}}"#, "a".repeat(MAX_QUERY - 7));
        assert_eq!(query(&fits).map(|q| q.len() - "/api/v1/users".len()), Ok(MAX_QUERY));
        let over = format!(r#"{{"email":"{}"}}"#, "a".repeat(MAX_QUERY - 6));
        assert_eq!(param_of(query(&over)), "params.email");
    }

    #[cfg(feature = "clerk")]
    #[test]
    fn bodies_are_validated_and_written() {
        let b = body(
            r#"{"name":"A \"q\"","kind":"email","count":3,"on":false,"details":{"email":"e@x","phone":null},"tags":["a"],"props":{"k":"v","n":1.5,"z":null}}"#,
        );
        let parsed: serde_json::Value = serde_json::from_str(&b.expect("body")).expect("json"); // ok: test
        assert_eq!(
            parsed,
            serde_json::json!({"name":"A \"q\"","kind":"email","count":3,"on":false,"details":{"email":"e@x","phone":null},"tags":["a"],"props":{"k":"v","n":1.5,"z":null}})
        );
        assert_eq!(body("").as_deref(), Ok(""));
    }

    #[test]
    fn body_errors_point_at_the_field() {
        assert_eq!(param_of(body(r#"{"kind":"fax"}"#)), "body.kind");
        assert_eq!(param_of(body(r#"{"details":{}}"#)), "body.details.email");
        assert_eq!(param_of(body(r#"{"details":{"email":"e","phone":1}}"#)), "body.details.phone");
        assert_eq!(param_of(body(r#"{"tags":["a",null]}"#)), "body.tags[1]");
        assert_eq!(param_of(body(r#"{"name":null}"#)), "body.name");
        assert_eq!(param_of(body(r#"{"givenName":"x"}"#)), "body.givenName");
        assert_eq!(param_of(body(r#""text""#)), "body");
        assert_eq!(param_of(body(r#"{"users":[5]}"#)), "body.users[0]");
    }

    #[test]
    fn ids_or_objects_expand_to_objects() {
        let b = body(r#"{"users":["kp_1",{"email":"e@x"}]}"#).expect("body"); // ok: test
        assert_eq!(b, r#"{"users":[{"id":"kp_1","operation":"delete"},{"email":"e@x","operation":"delete"}]}"#);
    }

    #[test]
    fn templates_fill_every_slot() {
        let fill = |template: &str, segments: &[(&str, String)]| {
            let mut out = String::new();
            fill_template(&mut out, template, segments);
            out
        };
        assert_eq!(fill("/a/{x}/b/{y}", &[("x", "1".into()), ("y", "2".into())]), "/a/1/b/2");
        assert_eq!(fill("/a/{x", &[]), "/a/{x");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod testing {
    //! The check every provider's operation table must pass beside build.
    use super::build;
    use crate::engine::op::Operation;
    use crate::engine::value::json::{J, j};

    /// One sample call per operation of `ops` (positional arguments and the
    /// trailing object, as JSON) builds `"METHOD path"`.
    pub(crate) fn check_builds(ops: &[&Operation], cases: &[(&Operation, &[&str], &str, &str)]) {
        assert_eq!(cases.len(), ops.len(), "one case per operation");
        for (op, args, extra, expected) in cases {
            let args: Vec<J> = args.iter().map(|a| j(a)).collect();
            let req = build(op, &args, Some(&j(extra)), "").unwrap_or_else(|e| panic!("{}: {}", op.name, e.message));
            assert_eq!(format!("{} {}", req.method.as_str(), req.url), *expected, "{}", op.name);
        }
    }
}
