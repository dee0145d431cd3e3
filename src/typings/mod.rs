//! Renders the package's TypeScript declarations from the operation and
//! model tables, so the typings can never drift from what the client
//! validates and sends.
//!
//! The rendered file is committed as `pkg-template/index.d.ts`; a test fails
//! when it is stale (`UPDATE_TYPINGS=1 cargo test` rewrites it).
//!
//! The hand-written parts (the common declarations and the config types)
//! are the `.d.ts` fragments beside this file. They name the Rust constants
//! as `{NAME}` placeholders, filled in by `fill`,
//! and their option names are checked against each provider's `KEYS`; a test
//! also checks that README.md states the same constants.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::clerk::config::{API_VERSION, DEFAULT_BASE_URL};
use crate::engine::config::{DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS};
use crate::engine::op::{Loc, Operation, ParamsObject};
use crate::engine::paging::Paging;
use crate::engine::retry::{DEFAULT_MAX_DELAY_MS, DEFAULT_RETRIES, MAX_RETRIES};
use crate::engine::schema::{Model, Ty};
use crate::{clerk, kinde};

pub mod runtime_js;

/// The hand-written declarations, in parts: each starts with a `// part:
/// NAME` line and runs to the next.
const HAND_WRITTEN: &str = include_str!("hand-written.d.ts");

/// The part `name` of [`HAND_WRITTEN`] (empty when there is none, which the
/// typings test would show).
fn part(name: &str) -> &'static str {
    const MARK: &str = "// part: ";
    let head = format!("{MARK}{name}\n");
    let start = HAND_WRITTEN.find(&head).map_or(HAND_WRITTEN.len(), |i| i + head.len());
    let rest = &HAND_WRITTEN[start..];
    &rest[..rest.find(MARK).unwrap_or(rest.len())]
}

/// The options both clients take, between `fetch` and
/// `dangerouslyAllowBrowser` (`{FETCH_OPTION}` and `{CALL_LIMIT_OPTIONS}` in
/// the config types).
const SHARED_OPTIONS: [(&str, &str); 2] =
    [("{FETCH_OPTION}", "fetch-option"), ("{CALL_LIMIT_OPTIONS}", "call-limit-options")];

/// The parts of the declarations shared by every provider, and of Kinde's
/// and Clerk's config types (their options are checked against
/// [`kinde::config::KEYS`] and [`clerk::config::KEYS`]).
const COMMON: &str = "common";
const KINDE_CONFIG: &str = "kinde-config";
const CLERK_CONFIG: &str = "clerk-config";

/// Fills the `{NAME}` placeholders of the hand-written parts: the shared
/// options, then the Rust constants they state.
fn fill(name: &str) -> String {
    let mut out = part(name).to_owned();
    for (placeholder, options) in SHARED_OPTIONS {
        // A part ends with a newline; the placeholder's line has its own.
        out = out.replace(placeholder, part(options).trim_end_matches('\n'));
    }
    let constants = [
        ("{DEFAULT_TIMEOUT_MS}", DEFAULT_TIMEOUT_MS.to_string()),
        ("{MAX_TIMEOUT_MS}", MAX_TIMEOUT_MS.to_string()),
        ("{DEFAULT_RETRIES}", DEFAULT_RETRIES.to_string()),
        ("{MAX_RETRIES}", MAX_RETRIES.to_string()),
        ("{DEFAULT_MAX_DELAY_MS}", DEFAULT_MAX_DELAY_MS.to_string()),
        ("{API_VERSION}", API_VERSION.to_owned()),
        ("{DEFAULT_BASE_URL}", DEFAULT_BASE_URL.to_owned()),
    ];
    for (placeholder, value) in constants {
        out = out.replace(placeholder, &value);
    }
    out
}

/// The whole `index.d.ts` of the package.
pub fn render() -> String {
    let mut out = String::from(
        "// Generated from the operation and model tables in src/ by `UPDATE_TYPINGS=1 cargo test`.\n// Do not edit by hand.\n\n",
    );
    out.push_str(&fill(COMMON));
    out.push('\n');
    out.push_str(&fill(KINDE_CONFIG));
    render_models(&mut out, kinde::users::OPERATIONS, kinde::models::MODELS);
    render_models(&mut out, kinde::users::OPERATIONS, kinde::results::MODELS);
    render_class(
        &mut out,
        &Class {
            name: "KindeUsersApi",
            doc: "Client for the Users endpoints of the Kinde Management API.\n\nEvery method returns a promise; failures reject with an `IdpUsersError`.\nParameters and results use Kinde's own field names.",
            config: "KindeUsersApiConfig",
            instance: "kinde",
            new_example: "const kinde = new KindeUsersApi({ domain: 'acme.kinde.com', clientId: 'm2m-client-id', clientSecret: 'm2m-client-secret' });",
        },
        kinde::users::OPERATIONS,
    );
    out.push('\n');
    out.push_str(&fill(CLERK_CONFIG));
    render_models(&mut out, clerk::users::OPERATIONS, clerk::models::MODELS);
    render_models(&mut out, clerk::users::OPERATIONS, clerk::results::MODELS);
    render_class(
        &mut out,
        &Class {
            name: "ClerkUsersApi",
            doc: &format!(
                "Client for the Users endpoints of the Clerk Backend API (version {API_VERSION}).\n\nEvery method returns a promise; failures reject with an `IdpUsersError`.\nParameters and results use Clerk's own field names."
            ),
            config: "ClerkUsersApiConfig",
            instance: "clerk",
            new_example: "const clerk = new ClerkUsersApi({ secretKey: 'sk_test_...' });",
        },
        clerk::users::OPERATIONS,
    );
    out
}

/// The names of every model reachable from the operations' inputs.
fn input_models(ops: &[&Operation]) -> BTreeSet<&'static str> {
    fn walk(ty: &Ty, into: &mut BTreeSet<&'static str>) {
        match ty {
            Ty::Object(m) | Ty::IdOr((m, _)) => {
                into.insert(m.name);
                m.fields.iter().for_each(|f| walk(&f.ty, into));
            }
            Ty::Array(t) | Ty::Map(t) => walk(t, into),
            _ => {}
        }
    }
    let mut set = BTreeSet::new();
    for op in ops {
        op.args.iter().for_each(|a| walk(&a.ty, &mut set));
        match op.params_object {
            ParamsObject::Query(m) | ParamsObject::Body(m) => walk(&Ty::Object(m), &mut set),
            ParamsObject::None => {}
        }
    }
    set.remove("");
    set
}

fn render_models(out: &mut String, ops: &[&Operation], models: &[&Model]) {
    let inputs = input_models(ops);
    // A query-parameters object's array fields also take one value: the
    // request builder sends a lone value as a single repeated key.
    let queries: BTreeSet<&str> = ops
        .iter()
        .filter_map(|op| match op.params_object {
            ParamsObject::Query(m) => Some(m.name),
            _ => None,
        })
        .collect();
    for model in models {
        let input = inputs.contains(model.name);
        let _ = write!(out, "\n/** {} */\nexport interface {} ", model.doc, model.name);
        render_fields(out, model, input, queries.contains(model.name), "");
        out.push('\n');
    }
}

fn render_fields(out: &mut String, model: &Model, input: bool, query: bool, indent: &str) {
    out.push_str("{\n");
    for f in model.fields {
        let _ = writeln!(out, "{indent}  /** {} */", f.doc);
        let opt = if f.required { "" } else { "?" };
        let null = if f.nullable { " | null" } else { "" };
        let _ = write!(out, "{indent}  {}{opt}: ", f.name);
        if let (true, Ty::Array(item)) = (query, &f.ty) {
            render_type(out, item, input, &format!("{indent}  "));
            out.push_str(" | ");
        }
        render_type(out, &f.ty, input, &format!("{indent}  "));
        let _ = writeln!(out, "{null};");
    }
    let _ = write!(out, "{indent}}}");
}

fn literals(set: &[&str]) -> String {
    set.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(" | ")
}

fn render_type(out: &mut String, ty: &Ty, input: bool, indent: &str) {
    match ty {
        Ty::Str | Ty::Id => out.push_str("string"),
        Ty::Bool => out.push_str("boolean"),
        Ty::Int { .. } => out.push_str("number"),
        Ty::Enum(set) => out.push_str(&literals(set)),
        Ty::DateTime if input => out.push_str("string | Date"),
        Ty::DateTime => out.push_str("string"),
        Ty::Scalar => out.push_str("string | number | boolean"),
        Ty::Millis if input => out.push_str("number | Date"),
        Ty::Millis => out.push_str("number"),
        Ty::File => out.push_str("Blob | ArrayBuffer | ArrayBufferView"),
        Ty::List([]) => out.push_str("string | readonly string[]"),
        Ty::List(set) => {
            // The joined forms of up to three distinct values, or an array.
            let e = format!("({})", literals(set));
            let two = format!("`${{{e}}},${{{e}}}`");
            let three = format!("`${{{e}}},${{{e}}},${{{e}}}`");
            let _ = write!(out, "{e} | {two} | {three} | readonly {e}[]");
        }
        Ty::Array(item) => {
            out.push_str(if input { "ReadonlyArray<" } else { "Array<" });
            render_type(out, item, input, indent);
            out.push('>');
        }
        Ty::Object(m) if !m.name.is_empty() => out.push_str(m.name),
        Ty::Object(m) => render_fields(out, m, input, false, indent),
        Ty::IdOr((m, _)) => {
            let _ = write!(out, "string | {}", m.name);
        }
        Ty::Map(item) => {
            out.push_str("Record<string, ");
            render_type(out, item, input, indent);
            out.push('>');
        }
        Ty::Json => out.push_str("JsonValue"),
    }
}

/// The TypeScript parameter list of an operation.
fn params(op: &Operation) -> String {
    let mut ps: Vec<String> = op
        .args
        .iter()
        .map(|a| match (a.loc, a.ty) {
            (Loc::Body, Ty::Object(m)) => format!("{}: {}", a.js, m.name),
            (Loc::Body, Ty::File) => {
                format!(
                    "{}: Blob | ArrayBuffer | ArrayBufferView | {{ {}: Blob | ArrayBuffer | ArrayBufferView }}",
                    a.js, a.wire
                )
            }
            (_, Ty::Scalar) => format!("{}: string | number | boolean", a.js),
            _ => format!("{}: string", a.js),
        })
        .collect();
    match op.params_object {
        ParamsObject::Query(m) => ps.push(format!("params?: {}", m.name)),
        ParamsObject::Body(m) => ps.push(format!("body?: {}", m.name)),
        ParamsObject::None => {}
    }
    ps.push("options?: RequestOptions".into());
    ps.join(", ")
}

/// The parameters of `op` with its params object required and `flag` set
/// to `true` (the overload for a flag that changes the answer's shape).
fn flagged_params(op: &Operation, flag: &str) -> String {
    let ps = params(op);
    match op.params_object {
        ParamsObject::Query(m) => {
            ps.replace(&format!("params?: {}", m.name), &format!("params: {} & {{ {flag}: true }}", m.name))
        }
        _ => ps,
    }
}

/// The TypeScript type of one item of a paged list's pages.
fn item_type(op: &Operation) -> Option<String> {
    let array_item = |t: &str| t.strip_prefix("Array<").and_then(|t| t.strip_suffix('>')).map(str::to_owned);
    match op.paging {
        Paging::None => None,
        Paging::Offset { items: None, .. } => array_item(op.result),
        Paging::NextToken { items, .. }
        | Paging::StartingAfter { items }
        | Paging::Offset { items: Some(items), .. } => Some(format!("NonNullable<{}[\"{items}\"]>[number]", op.result)),
    }
}

/// What a client class's declaration needs beyond its operations.
struct Class<'a> {
    /// The JS class name.
    name: &'a str,
    /// Its description (lines separated by `\n`).
    doc: &'a str,
    /// The TS type of its config.
    config: &'a str,
    /// The variable the examples call it through (`kinde`).
    instance: &'a str,
    /// The constructor's example.
    new_example: &'a str,
}

/// A JSDoc `@example` block of the given lines, indented for a class member.
fn example(lines: &[String]) -> String {
    let mut out = String::from("\n   *\n   * @example");
    for line in lines {
        let _ = write!(out, "\n   * {line}");
    }
    out
}

fn render_class(out: &mut String, class: &Class, ops: &[&Operation]) {
    let Class { name, doc, config, instance, new_example } = class;
    let _ = write!(out, "\n/**\n * {}\n */\nexport declare class {name} {{\n", doc.replace('\n', "\n * "));
    let _ = writeln!(
        out,
        "  /**\n   * Validates the config (throws an `IdpUsersError` of kind `\"validation\"`); sends nothing.{}\n   */",
        example(&[new_example.to_string()])
    );
    let _ = writeln!(out, "  constructor(config: {config});");
    for op in ops {
        let mut arg_docs = String::new();
        for a in op.args {
            let _ = write!(arg_docs, "\n   * @param {} {}", a.js, a.doc);
        }
        let deprecated = op.removed.map(|note| format!("\n   * @deprecated {note}")).unwrap_or_default();
        let http = format!("`{} {}`", op.method.as_str(), op.path);
        let ps = params(op);
        let (binding, args) = op.example.split_once(" = ").unwrap_or(("result", op.example));
        let call = format!("{instance}.{}({args})", op.name);
        let mut lines = vec![format!("const {binding} = await {call};")];
        let (returns, paged) = match item_type(op) {
            Some(item) => {
                lines.push(format!("for await (const item of {call}) console.log(item);"));
                (
                    format!("PagePromise<{}, {item}>", op.result),
                    "\n   *\n   * The promise is also async-iterable over every item of every page: `for await (const item of ...)`.",
                )
            }
            None => (format!("Promise<{}>", op.result), ""),
        };
        let seed = op.seed();
        if let (Paging::Offset { only_with: Some(flag), envelope: Some(key), .. }, Some(item)) =
            (op.paging, item_type(op))
        {
            // The answer of `flag: true` that the API really sends (the
            // `{key}` envelope), with the documented array, as overloads.
            let page = format!("{item}Page");
            let flagged = flagged_params(op, flag);
            let call = format!("{instance}.{}({args}, {{ {flag}: true }})", op.name);
            let lines = [
                format!("const page = await {call}; // {{ {key}, total_count }}"),
                format!("for await (const item of {call}) console.log(item);"),
            ];
            let twin = [format!(
                "const {{ data, status }} = await {instance}.{}WithHttpInfo({args}, {{ {flag}: true }});",
                op.name
            )];
            let _ = write!(
                out,
                "  /**\n   * {} With `{flag}: true`, each page is a `{page}` (`{{ {key}, total_count }}`, as the API answers) or the array its OpenAPI document describes; iteration reads either.\n   *\n   * {http} (seed: `{seed}`).{paged}{arg_docs}{deprecated}{}\n   */\n  {}({flagged}): PagePromise<{page} | {}, {item}>;\n",
                op.doc.trim(),
                example(&lines),
                op.name,
                op.result
            );
            let _ = write!(
                out,
                "  /**\n   * `{}` with `{flag}: true`, resolving to the data with the HTTP status and headers.{deprecated}{}\n   */\n  {}WithHttpInfo({flagged}): Promise<HttpInfo<{page} | {}>>;\n",
                op.name,
                example(&twin),
                op.name,
                op.result
            );
        }
        let _ = write!(
            out,
            "  /**\n   * {}\n   *\n   * {http} (seed: `{seed}`).{paged}{arg_docs}{deprecated}{}\n   */\n  {}({ps}): {returns};\n",
            op.doc.trim(),
            example(&lines),
            op.name
        );
        let twin = format!("const {{ data, status, headers }} = await {instance}.{}WithHttpInfo({args});", op.name);
        let _ = write!(
            out,
            "  /**\n   * `{}`, resolving to the data with the HTTP status and headers (seed: `{seed}_with_http_info`).{deprecated}{}\n   */\n  {}WithHttpInfo({ps}): Promise<HttpInfo<{}>>;\n",
            op.name,
            example(&[twin]),
            op.name,
            op.result
        );
    }
    let _ = writeln!(
        out,
        "  /**\n   * Releases the client's memory now instead of when it is garbage-collected.{}\n   */\n  free(): void;\n}}",
        example(&[format!("{instance}.free();")])
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/pkg-template/index.d.ts");

    #[test]
    fn typings_file_is_current() {
        let rendered = render();
        if std::env::var_os("UPDATE_TYPINGS").is_some() {
            std::fs::write(PATH, &rendered).expect("write typings"); // ok: test
        }
        let committed = std::fs::read_to_string(PATH).unwrap_or_default();
        assert!(committed == rendered, "pkg-template/index.d.ts is stale: run `UPDATE_TYPINGS=1 cargo test`");
    }

    #[test]
    fn typings_have_no_any() {
        let rendered = render();
        for word in [": any", "<any", "any>", "any[]", "| any", "any |"] {
            assert!(!rendered.contains(word), "found {word:?}");
        }
    }

    /// Each provider's operations, input models and result models.
    const PROVIDERS: [(&[&Operation], &[&Model], &[&Model]); 2] = [
        (kinde::users::OPERATIONS, kinde::models::MODELS, kinde::results::MODELS),
        (clerk::users::OPERATIONS, clerk::models::MODELS, clerk::results::MODELS),
    ];

    #[test]
    fn every_operation_has_its_http_info_twin() {
        let rendered = render();
        for op in PROVIDERS.iter().flat_map(|(ops, _, _)| ops.iter()) {
            assert!(rendered.contains(&format!("  {}(", op.name)), "{}", op.name);
            assert!(rendered.contains(&format!("  {}WithHttpInfo(", op.name)), "{}", op.name);
        }
    }

    #[test]
    fn every_referenced_model_is_declared() {
        let rendered = render();
        for (ops, models, _) in PROVIDERS {
            let declared: BTreeSet<&str> = models.iter().map(|m| m.name).collect();
            for name in input_models(ops) {
                assert!(declared.contains(name), "{name} is used but not in MODELS");
            }
            for op in ops {
                let name = op.result.trim_end_matches(" | null").trim_start_matches("Array<").trim_end_matches('>');
                assert!(rendered.contains(&format!("export interface {name} ")), "{}", op.result);
            }
        }
        // Every model a rendered type names is declared once.
        let mut names = BTreeSet::new();
        for model in PROVIDERS.iter().flat_map(|(_, inputs, results)| inputs.iter().chain(results.iter())) {
            assert!(names.insert(model.name), "{} is declared twice", model.name);
        }
    }

    #[test]
    fn removed_operations_are_deprecated() {
        let rendered = render();
        assert_eq!(rendered.matches("@deprecated Clerk removed POST /users/{user_id}/totp").count(), 2);
    }

    #[test]
    fn every_method_and_function_has_an_example() {
        let rendered = render();
        let mut doc = String::new();
        let mut methods = 0;
        for line in rendered.lines() {
            let t = line.trim_start();
            if t.starts_with("/**") {
                doc.clear();
            }
            doc.push_str(t);
            doc.push('\n');
            // A class member `name(...)`, not a function-typed property `name?: (...)`.
            let member = line.strip_prefix("  ").filter(|l| !l.starts_with(' ')).is_some_and(|l| {
                let name = l.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or_default();
                !name.is_empty() && l.strip_prefix(name).is_some_and(|rest| rest.starts_with('('))
            });
            if member || t.starts_with("export declare function") {
                methods += 1;
                assert!(doc.contains("@example"), "no @example for `{t}`");
            }
        }
        // Two per operation and per overload of a flag that changes the
        // answer (getOAuthAccessToken's `paginated`), each class's
        // constructor and free(), toJSON, bulk and wasmMemoryBytes.
        let all = || kinde::users::OPERATIONS.iter().chain(clerk::users::OPERATIONS.iter());
        let overloads = all().filter(|op| op.paging.envelope().is_some()).count();
        assert_eq!(overloads, 1);
        assert_eq!(methods, 2 * (all().count() + overloads) + 2 * 2 + 3);
    }

    #[test]
    fn no_placeholder_is_left() {
        let rendered = render();
        let upper = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase() || b == b'_');
        for (i, _) in rendered.match_indices('{') {
            let rest = rendered.get(i + 1..).unwrap_or_default();
            let name = rest.split('}').next().unwrap_or_default();
            assert!(!upper(name), "placeholder {{{name}}} left in the typings");
        }
    }

    /// The option names a config type declares (not as `never`), from the
    /// interfaces its `export type` combines.
    fn declared_options(rendered: &str, config: &str) -> Vec<String> {
        let start = format!("export type {config} = ");
        let decl = rendered.split(&start).nth(1).and_then(|s| s.split(';').next()).unwrap_or_default();
        let mut keys = Vec::new();
        for part in decl.split(|c: char| !c.is_ascii_alphanumeric()).filter(|p| !p.is_empty()) {
            let body = rendered.split(&format!("export interface {part} {{\n")).nth(1).unwrap_or_default();
            let body = body.split("\n}").next().unwrap_or_default();
            assert!(!body.is_empty(), "{config}: interface {part} not found");
            for line in body.lines().filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("/**")) {
                let (key, ty) = line.trim().split_once(':').unwrap_or_default();
                if ty.trim() != "never;" {
                    keys.push(key.trim_end_matches('?').to_owned());
                }
            }
        }
        keys.sort();
        keys
    }

    #[test]
    fn config_types_declare_exactly_the_config_keys() {
        let rendered = render();
        for (config, keys) in
            [("KindeUsersApiConfig", kinde::config::KEYS), ("ClerkUsersApiConfig", clerk::config::KEYS)]
        {
            let mut expected: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            expected.sort();
            assert_eq!(declared_options(&rendered, config), expected, "{config}");
        }
    }

    /// The first-column options of the table after `heading` in README.md's
    /// Configuration section, and each row's text.
    fn readme_table<'a>(readme: &'a str, heading: &str) -> Vec<(Vec<&'a str>, &'a str)> {
        let section = readme.split("\n## Configuration\n").nth(1).unwrap_or_default();
        let section = section.split("\n## ").next().unwrap_or_default();
        let after = section.split(heading).nth(1).unwrap_or_default();
        let table = after.lines().skip_while(|l| !l.starts_with('|')).take_while(|l| l.starts_with('|'));
        table
            .skip(2)
            .map(|row| {
                let first = row.split('|').nth(1).unwrap_or_default();
                (first.split('`').skip(1).step_by(2).collect(), row)
            })
            .collect()
    }

    /// The row of README.md's `table` whose first option is `key`.
    fn row<'a>(table: &[(Vec<&'a str>, &'a str)], key: &str) -> &'a str {
        table.iter().find(|(options, _)| options.first() == Some(&key)).map_or("", |(_, row)| *row)
    }

    #[test]
    fn readme_and_typings_state_the_rust_constants() {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap_or_default();
        let typings = render(); // the same as index.d.ts (typings_file_is_current)
        let kinde = readme_table(&readme, "`new KindeUsersApi(config)`");
        let clerk = readme_table(&readme, "`new ClerkUsersApi(config)`");
        for (table, keys) in [(&kinde, kinde::config::KEYS), (&clerk, clerk::config::KEYS)] {
            let mut listed: Vec<&str> = table.iter().flat_map(|(options, _)| options.iter().copied()).collect();
            let mut keys = keys.to_vec();
            listed.sort_unstable();
            keys.sort_unstable();
            assert_eq!(listed, keys, "README's config table lists every option once");
        }
        let readme_rows = [
            (row(&kinde, "timeoutMs"), format!("Default {DEFAULT_TIMEOUT_MS}; at most {MAX_TIMEOUT_MS}.")),
            (row(&kinde, "retries"), format!("(0–{MAX_RETRIES}, default {DEFAULT_RETRIES})")),
            (row(&kinde, "maxRetryDelayMs"), format!("(default {DEFAULT_MAX_DELAY_MS})")),
            (row(&clerk, "baseUrl"), format!("Default `{DEFAULT_BASE_URL}`")),
            (row(&clerk, "apiVersion"), format!("Default `{API_VERSION}`")),
        ];
        for (row, stated) in readme_rows {
            assert!(row.contains(&stated), "README.md's row {row:?} should say {stated:?}");
        }
        for (i, _) in readme.match_indices("API version 20") {
            let date = readme.get(i + 12..i + 22).unwrap_or_default();
            assert_eq!(date, API_VERSION, "README.md names another API version");
        }
        for stated in [
            format!("(default {DEFAULT_TIMEOUT_MS}, at most {MAX_TIMEOUT_MS})"),
            format!("0 to {MAX_RETRIES} (default {DEFAULT_RETRIES})"),
            format!("(default {DEFAULT_MAX_DELAY_MS})"),
            format!("the client's `retries`, {DEFAULT_RETRIES})"),
            format!("the client's `maxRetryDelayMs`, {DEFAULT_MAX_DELAY_MS})"),
            format!("(default `{DEFAULT_BASE_URL}`)"),
            format!("(default `\"{API_VERSION}\"`"),
            format!("Clerk Backend API (version {API_VERSION})"),
        ] {
            assert!(typings.contains(&stated), "index.d.ts should say {stated:?}");
        }
    }
}
