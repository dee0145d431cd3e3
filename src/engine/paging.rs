//! How a list operation's pages follow each other, for auto-pagination.
//!
//! The driver asks [`next_page`] after every page: it checks the fields the
//! package itself reads (the items array, the cursor), and says which query
//! parameter to set to what for the next page, or that this was the last.

use super::error::{Error, ErrorKind};
use super::value::{Kind, Value};

/// The largest page both providers serve; iteration asks for it unless the
/// caller chose a page size.
pub(crate) const MAX_PAGE_SIZE: u32 = 500;

/// How one list operation pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Paging {
    /// Not a paged list.
    None,
    /// Kinde: the page's `next_token` goes back as the `next_token` parameter;
    /// absent on the last page. Each provider's kinds of paging exist only
    /// in builds with that provider: a one-provider `.wasm` holds only its own.
    #[cfg(feature = "kinde")]
    NextToken {
        /// The page's array of items (`users`).
        items: &'static str,
        /// The page-size parameter (`page_size`).
        size: &'static str,
    },
    /// Kinde identities: while the page says `has_more`, the last item's `id`
    /// goes back as `starting_after`.
    #[cfg(feature = "kinde")]
    StartingAfter {
        /// The page's array of items (`identities`).
        items: &'static str,
    },
    /// Clerk: `limit`/`offset`; a page shorter than `limit` is the last.
    #[cfg(feature = "clerk")]
    Offset {
        /// The page's array of items (`data`), or None when the page is the array.
        items: Option<&'static str>,
        /// A boolean parameter without which the API sends everything at once
        /// (`paginated` of getOAuthAccessToken).
        only_with: Option<&'static str>,
        /// When the page, documented as an array, may instead be an object
        /// holding the items under this key with a `total_count`
        /// (getOAuthAccessToken's `data`): both are read.
        envelope: Option<&'static str>,
    },
}

impl Paging {
    /// The key of the items when a page documented as an array may be an
    /// object holding them instead (see [`Paging::Offset`]).
    pub(crate) fn envelope(self) -> Option<&'static str> {
        match self {
            #[cfg(feature = "clerk")]
            Paging::Offset { envelope, .. } => envelope,
            _ => None,
        }
    }

    /// The page-size parameter that iteration sets when the caller did not.
    pub(crate) fn size_param(self) -> Option<&'static str> {
        match self {
            Paging::None => None,
            #[cfg(feature = "kinde")]
            Paging::StartingAfter { .. } => None,
            #[cfg(feature = "kinde")]
            Paging::NextToken { size, .. } => Some(size),
            #[cfg(feature = "clerk")]
            Paging::Offset { .. } => Some("limit"),
        }
    }
}

/// The value of the parameter that asks for the next page.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cursor {
    /// A token or id, sent as text.
    Text(String),
    /// An offset.
    Number(f64),
}

/// What one page says.
#[derive(Debug)]
pub(crate) struct Page<V> {
    /// The page's items (an array).
    pub items: V,
    /// The parameter and value for the next page; None after the last.
    pub next: Option<(&'static str, Cursor)>,
}

fn malformed(what: &str) -> Error {
    Error::new(ErrorKind::Decode, super::text::cat(&["cannot read the next page: ", what]))
}

/// Reads a page of a list operation called with `params` (the caller's
/// query parameters, possibly undefined).
pub(crate) fn next_page<V: Value>(paging: Paging, params: &V, page: &V) -> Result<Page<V>, Error> {
    let (items, cursor) = match paging {
        #[cfg(feature = "kinde")]
        Paging::NextToken { items, .. } | Paging::StartingAfter { items } => (page.get(items), true),
        #[cfg(feature = "clerk")]
        Paging::Offset { items: Some(items), .. } => (page.get(items), false),
        #[cfg(feature = "clerk")]
        Paging::Offset { items: None, envelope: Some(key), .. } if page.kind() == Kind::Object => {
            (page.get(key), false)
        }
        #[cfg(feature = "clerk")]
        Paging::Offset { items: None, .. } => (page.clone(), false),
        Paging::None => (page.clone(), false),
    };
    if !matches!(items.kind(), Kind::Array | Kind::LongArray) {
        return Err(malformed(if cursor { "its items are not an array" } else { "it is not an array of items" }));
    }
    let len = items.array_len();
    let next = match paging {
        Paging::None => None,
        #[cfg(feature = "kinde")]
        Paging::NextToken { .. } => {
            let token = page.get("next_token");
            let token = match token.kind() {
                Kind::Undefined | Kind::Null => None,
                Kind::String => token.as_string().filter(|t| !t.is_empty()),
                _ => return Err(malformed("next_token is not a string")),
            };
            token.filter(|_| len > 0).map(|t| ("next_token", Cursor::Text(t)))
        }
        #[cfg(feature = "kinde")]
        Paging::StartingAfter { .. } => {
            let more = page.get("has_more");
            if !matches!(more.kind(), Kind::Undefined | Kind::Null | Kind::Bool) {
                return Err(malformed("has_more is not a boolean"));
            }
            if more.as_bool() == Some(true) && len > 0 {
                let id = items.item(len - 1).get("id");
                match id.as_string() {
                    Some(id) if !id.is_empty() => Some(("starting_after", Cursor::Text(id))),
                    _ => return Err(malformed("the last item has no string id")),
                }
            } else {
                None
            }
        }
        #[cfg(feature = "clerk")]
        Paging::Offset { only_with, .. } => {
            let number = |key| params.get(key).as_f64().filter(|n| n.is_finite() && *n >= 0.0);
            let paged = only_with.is_none_or(|flag| params.get(flag).as_bool() == Some(true));
            let short = number("limit").is_some_and(|limit| (len as f64) < limit);
            let next = number("offset").unwrap_or(0.0) + len as f64;
            // An envelope's total says where the list ends.
            let total = page.get("total_count");
            let total = match total.kind() {
                Kind::Undefined | Kind::Null => None,
                _ if page.kind() != Kind::Object => None,
                Kind::Number => total.as_f64().filter(|n| n.is_finite() && *n >= 0.0),
                _ => return Err(malformed("total_count is not a number")),
            };
            let done = total.is_some_and(|t| next >= t);
            (paged && len > 0 && !short && !done).then_some(("offset", Cursor::Number(next)))
        }
    };
    // A server that hands back the cursor it was given would loop forever.
    if let Some((key, Cursor::Text(t))) = &next {
        if params.get(key).as_string().as_deref() == Some(t.as_str()) {
            return Err(malformed("the API returned the same cursor again"));
        }
    }
    Ok(Page { items, next })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::value::json::j;

    #[cfg(feature = "kinde")]
    const USERS: Paging = Paging::NextToken { items: "users", size: "page_size" };
    #[cfg(feature = "kinde")]
    const IDS: Paging = Paging::StartingAfter { items: "identities" };
    #[cfg(feature = "clerk")]
    const LIST: Paging = Paging::Offset { items: None, only_with: None, envelope: None };
    #[cfg(feature = "clerk")]
    const DATA: Paging = Paging::Offset { items: Some("data"), only_with: None, envelope: None };
    #[cfg(feature = "clerk")]
    const OAUTH: Paging = Paging::Offset { items: None, only_with: Some("paginated"), envelope: Some("data") };

    fn next(p: Paging, params: &str, page: &str) -> Result<Option<(&'static str, Cursor)>, Error> {
        next_page(p, &j(params), &j(page)).map(|pg| pg.next)
    }

    #[cfg(feature = "kinde")]
    #[test]
    fn kinde_next_token() {
        let page = r#"{"users":[{"id":"a"}],"next_token":"t2"}"#;
        assert_eq!(next(USERS, "", page), Ok(Some(("next_token", Cursor::Text("t2".into())))));
        assert_eq!(next(USERS, r#"{"page_size":1}"#, r#"{"users":[{"id":"a"}]}"#), Ok(None));
        assert_eq!(next(USERS, "", r#"{"users":[],"next_token":"t9"}"#), Ok(None));
        assert_eq!(next(USERS, "", r#"{"users":[{"id":"a"}],"next_token":null}"#), Ok(None));
        let e = next(USERS, "", r#"{"users":[{"id":"a"}],"next_token":5}"#).expect_err("number cursor"); // ok: test
        assert_eq!(e.kind, ErrorKind::Decode);
        assert_eq!(e.message, "cannot read the next page: next_token is not a string");
        let e = next(USERS, "", r#"{"users":"x"}"#).expect_err("items not an array"); // ok: test
        assert_eq!(e.message, "cannot read the next page: its items are not an array");
        let e = next(USERS, r#"{"next_token":"t2"}"#, page).expect_err("same token"); // ok: test
        assert_eq!(e.kind, ErrorKind::Decode);
    }

    #[cfg(feature = "kinde")]
    #[test]
    fn kinde_identities_by_last_id() {
        let page = r#"{"identities":[{"id":"i1"},{"id":"i2"}],"has_more":true}"#;
        assert_eq!(next(IDS, "", page), Ok(Some(("starting_after", Cursor::Text("i2".into())))));
        assert_eq!(next(IDS, "", r#"{"identities":[{"id":"i1"}],"has_more":false}"#), Ok(None));
        assert_eq!(next(IDS, "", r#"{"identities":[{"id":"i1"}]}"#), Ok(None));
        assert!(next(IDS, "", r#"{"identities":[{"id":3}],"has_more":true}"#).is_err());
        assert!(next(IDS, "", r#"{"identities":[],"has_more":"yes"}"#).is_err());
        assert!(next(IDS, r#"{"starting_after":"i2"}"#, page).is_err());
    }

    #[cfg(feature = "clerk")]
    #[test]
    fn clerk_limit_and_offset() {
        let full = r#"[{"id":"u1"},{"id":"u2"}]"#;
        assert_eq!(next(LIST, r#"{"limit":2}"#, full), Ok(Some(("offset", Cursor::Number(2.0)))));
        assert_eq!(next(LIST, r#"{"limit":2,"offset":4}"#, full), Ok(Some(("offset", Cursor::Number(6.0)))));
        assert_eq!(next(LIST, r#"{"limit":3}"#, full), Ok(None));
        assert_eq!(next(LIST, r#"{"limit":3}"#, "[]"), Ok(None));
        // Without a limit the page size is the API's: go on until an empty page.
        assert_eq!(next(LIST, "", full), Ok(Some(("offset", Cursor::Number(2.0)))));
        assert_eq!(
            next(DATA, r#"{"limit":1}"#, r#"{"data":[{}],"total_count":5}"#),
            Ok(Some(("offset", Cursor::Number(1.0))))
        );
        assert!(next(DATA, r#"{"limit":1}"#, full).is_err());
        assert!(next(LIST, r#"{"limit":1}"#, r#"{"data":[]}"#).is_err());
        // getOAuthAccessToken pages only with paginated: true.
        assert_eq!(next(OAUTH, r#"{"limit":1}"#, r#"[{}]"#), Ok(None));
        assert_eq!(
            next(OAUTH, r#"{"limit":1,"paginated":true}"#, r#"[{}]"#),
            Ok(Some(("offset", Cursor::Number(1.0))))
        );
    }

    #[cfg(feature = "clerk")]
    #[test]
    fn clerk_oauth_tokens_page_by_their_envelope_or_as_an_array() {
        let paged = r#"{"limit":2,"paginated":true}"#;
        let page =
            |n: usize, total: usize| format!(r#"{{"data":[{}],"total_count":{total}}}"#, vec!["{}"; n].join(","));
        assert_eq!(next(OAUTH, paged, &page(2, 5)), Ok(Some(("offset", Cursor::Number(2.0)))));
        assert_eq!(
            next(OAUTH, r#"{"limit":2,"offset":2,"paginated":true}"#, &page(2, 5)),
            Ok(Some(("offset", Cursor::Number(4.0))))
        );
        // The total ends the list even when the last page is full.
        assert_eq!(next(OAUTH, r#"{"limit":2,"offset":2,"paginated":true}"#, &page(2, 4)), Ok(None));
        assert_eq!(next(OAUTH, paged, &page(1, 5)), Ok(None));
        assert_eq!(next(OAUTH, paged, r#"{"data":[{},{}]}"#), Ok(Some(("offset", Cursor::Number(2.0)))));
        let read = next_page(OAUTH, &j(paged), &j(&page(2, 5))).expect("a page"); // ok: test
        assert_eq!(read.items.array_len(), 2);
        // The array the OpenAPI document describes still pages.
        assert_eq!(next(OAUTH, paged, "[{},{}]"), Ok(Some(("offset", Cursor::Number(2.0)))));
        // Malformed envelopes are decode errors.
        for bad in [r#"{"data":{}}"#, r#"{"total_count":1}"#, r#"{"data":[{}],"total_count":"1"}"#] {
            assert_eq!(next(OAUTH, paged, bad).map_err(|e| e.kind), Err(ErrorKind::Decode), "{bad}");
        }
        // Other lists keep their one shape.
        assert!(next(LIST, r#"{"limit":2}"#, &page(2, 5)).is_err());
    }

    #[test]
    fn size_params() {
        #[cfg(feature = "kinde")]
        assert_eq!((USERS.size_param(), IDS.size_param()), (Some("page_size"), None));
        #[cfg(feature = "clerk")]
        assert_eq!(LIST.size_param(), Some("limit"));
    }
}
