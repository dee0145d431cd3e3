//! Messages built from static parts and numbers, without `core::fmt`, and
//! text split at an ASCII separator, without core's searchers.
//!
//! `format!` and `to_string` bring `core::fmt` into the `.wasm`: the
//! formatter, its padding and integer code, and at every call site the code
//! that builds its `Arguments`. Every text the shipped code makes (messages,
//! labels, query values) is a few parts joined, so these few functions do it
//! instead (measured by `node benches/size-report.mjs`: core::fmt is gone
//! from the `.wasm`). Tests and typings, native only, keep `format!`.

/// The parts joined into one string.
pub(crate) fn cat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

/// Appends the decimal digits of `n` (with a `-` when negative).
pub(crate) fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut rest = n.unsigned_abs();
    // u64::MAX has 20 digits; they are written from the last one.
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|d| char::from(*d)));
}

/// The decimal digits of `n`: what `n.to_string()` gives.
pub(crate) fn int(n: i64) -> String {
    let mut out = String::new();
    push_int(&mut out, n);
    out
}

/// The pieces of `text` between occurrences of the ASCII byte `sep`: what
/// `text.split(sep as char)` gives. One loop over bytes, where `str::split`
/// with a char brings `memchr` and the char searcher into the `.wasm`.
pub(crate) fn pieces(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match position(current, sep) {
            // `sep` is ASCII, so both sides of it are char boundaries.
            Some(i) => {
                rest = current.get(i + 1..);
                current.get(..i)
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// Whether `c` is white space as Unicode defines it (the property
/// White_Space): exactly what `char::is_whitespace` says, as one match
/// where core looks most of it up in a table that then ships in the `.wasm`.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// `text` without white space at either end: what `str::trim` gives.
pub(crate) fn trim(text: &str) -> &str {
    text.trim_matches(is_space)
}

/// The words of `text` between runs of white space: what
/// `str::split_whitespace` gives.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_space).filter(|w| !w.is_empty())
}

/// Whether `set` holds `b`: what `set.contains(&b)` says, without core's
/// `memchr`, which `<[u8]>::contains` brings into the `.wasm` (a 381-byte
/// function, for sets of a few bytes).
#[allow(clippy::manual_contains)]
pub(crate) fn is_one_of(set: &[u8], b: u8) -> bool {
    set.iter().any(|x| *x == b)
}

/// The offset of the first ASCII byte `b` in `text`.
pub(crate) fn position(text: &str, b: u8) -> Option<usize> {
    text.bytes().position(|x| x == b)
}

/// Appends `items` with `sep` between them: what `items.join(sep)` gives.
pub(crate) fn push_joined<S: AsRef<str>>(out: &mut String, items: &[S], sep: &str) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item.as_ref());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_to_string_writes_them() {
        for n in [0, 1, -1, 9, 10, 99, 100, 32_768, -2_147_483_648, 8_640_000_000_000_000, i64::MAX, i64::MIN] {
            assert_eq!(int(n), n.to_string());
        }
    }

    #[test]
    fn pieces_are_what_split_makes() {
        for text in ["", "/", "a", "/a/b//c/", "é/€/x", "a,b, c"] {
            for sep in [b'/', b',', b'.'] {
                let got: Vec<&str> = pieces(text, sep).collect();
                let want: Vec<&str> = text.split(char::from(sep)).collect();
                assert_eq!(got, want, "{text:?} {sep}");
                assert_eq!(position(text, sep), text.find(char::from(sep)));
            }
        }
    }

    #[test]
    fn parts_and_lists_join_as_format_and_join_do() {
        assert_eq!(cat(&["params.", "page_size", "[", "2", "]"]), "params.page_size[2]");
        assert_eq!(cat(&[]), "");
        let mut out = String::from("one of ");
        push_joined(&mut out, &["\"a\"", "\"b\"", "\"c\""], ", ");
        assert_eq!(out, "one of \"a\", \"b\", \"c\"");
        let mut empty = String::new();
        push_joined::<&str>(&mut empty, &[], "; ");
        assert_eq!(empty, "");
        let owned = vec!["x: y".to_owned(), "z".to_owned()];
        let mut out = String::new();
        push_joined(&mut out, &owned, "; ");
        assert_eq!(out, owned.join("; "));
    }

    #[test]
    fn white_space_is_what_core_says_it_is() {
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace(), "U+{:04X}", c as u32);
        }
        for text in ["", " ", "a", " \t a\u{a0}b \u{3000}", "\u{85}x\u{2028}", "\u{200b}y\u{200b}", "é  €\r\n"] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
            assert_eq!(words(text).collect::<Vec<_>>(), text.split_whitespace().collect::<Vec<_>>(), "{text:?}");
        }
    }
}
