//! Path, query and JSON encoding.

use super::text::is_one_of;

/// Percent-encodes one path segment or query component: everything but
/// RFC 3986 unreserved characters is escaped, so a value can never
/// introduce a `/`, `?`, `#`, `&` or `=` of its own. (The same as the
/// `percent-encoding` crate with `NON_ALPHANUMERIC` less `-._~`, which a
/// property test checks; written here because that crate's table of every
/// `%XX` is 768 bytes of the `.wasm`.)
pub(crate) fn component(value: &str) -> String {
    percent(value, b"-._~", false)
}

/// `text` percent-encoded: ASCII letters, digits and `keep` as they are,
/// a space as `+` when `plus`, every other byte as `%XX`.
pub(crate) fn percent(text: &str, keep: &[u8], plus: bool) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || is_one_of(keep, b) {
            out.push(char::from(b));
        } else if b == b' ' && plus {
            out.push('+');
        } else {
            out.extend(['%', char::from(HEX[usize::from(b >> 4)]), char::from(HEX[usize::from(b & 15)])]);
        }
    }
    out
}

/// The length of [`component`]`(value)`, computed without encoding: each
/// byte of the UTF-8 text is itself or three characters (`%XX`).
pub(crate) fn component_len(value: &str) -> usize {
    value.bytes().map(|b| if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') { 1 } else { 3 }).sum()
}

/// Whether a path segment would be read as a dot segment (`.`, `..`, or
/// their percent-encoded forms) and so move the request to another path.
pub(crate) fn is_dot_segment(value: &str) -> bool {
    // One or two dots, each `.` or `%2e` in any case.
    let lower = value.to_ascii_lowercase();
    let mut rest = lower.as_str();
    let mut dots = 0;
    while !rest.is_empty() {
        rest = match rest.strip_prefix('.').or_else(|| rest.strip_prefix("%2e")) {
            Some(after) => after,
            None => return false,
        };
        dots += 1;
    }
    dots == 1 || dots == 2
}

/// The byte offset of the first occurrence of `needle` in `haystack`.
///
/// `str::find` with a string pattern brings the two-way searcher into the
/// `.wasm` (1.5 KB of code); the texts searched here (error texts of a few
/// KB, for secrets of tens of characters) need no more than this.
pub(crate) fn find(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.as_bytes().windows(needle.len()).position(|w| w == needle.as_bytes())
}

/// Appends `key=value` to a query string under construction.
pub(crate) fn push_query(query: &mut String, key: &str, value: &str) {
    query.push(if query.is_empty() { '?' } else { '&' });
    query.push_str(&component(key));
    query.push('=');
    query.push_str(&component(value));
}

/// Appends a JSON string literal.
pub(crate) fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = c as usize;
                out.push_str("\\u00");
                out.push(HEX[(n >> 4) & 0xf] as char);
                out.push(HEX[n & 0xf] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Whether `s` is an RFC 3339 date-time (`2026-01-31T09:30:00Z`,
/// `2026-01-31T09:30:00.250+10:00`): the ISO 8601 form the APIs document.
pub(crate) fn is_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |from: usize, n: usize| b.get(from..from + n).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let at = |i: usize, c: u8| b.get(i).is_some_and(|x| *x == c);
    let num = |from: usize, n: usize| -> u32 {
        b.get(from..from + n)
            .map(|d| d.iter().fold(0u32, |acc, x| acc * 10 + u32::from(x.wrapping_sub(b'0'))))
            .unwrap_or(u32::MAX)
    };
    let date_ok = digits(0, 4)
        && at(4, b'-')
        && digits(5, 2)
        && at(7, b'-')
        && digits(8, 2)
        && (1..=12).contains(&num(5, 2))
        && (1..=31).contains(&num(8, 2));
    let sep = b.get(10).is_some_and(|c| matches!(c, b'T' | b't' | b' '));
    let time_ok = digits(11, 2)
        && at(13, b':')
        && digits(14, 2)
        && at(16, b':')
        && digits(17, 2)
        && num(11, 2) < 24
        && num(14, 2) < 60
        && num(17, 2) <= 60;
    if !(date_ok && sep && time_ok) {
        return false;
    }
    let mut i = 19;
    if at(i, b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    match b.get(i) {
        Some(b'Z' | b'z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            digits(i + 1, 2)
                && at(i + 3, b':')
                && digits(i + 4, 2)
                && i + 6 == b.len()
                && num(i + 1, 2) < 24
                && num(i + 4, 2) < 60
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_cannot_escape_their_segment() {
        assert_eq!(component("kp_123"), "kp_123");
        assert_eq!(component("a/b?c#d&e=f"), "a%2Fb%3Fc%23d%26e%3Df");
        assert_eq!(component("über space"), "%C3%BCber%20space");
        assert_eq!(component("a+b@c.com"), "a%2Bb%40c.com");
        assert_eq!(component("~-._"), "~-._");
    }

    #[test]
    fn dot_segments_are_recognised() {
        for s in [".", "..", "%2e", "%2E%2e", ".%2E"] {
            assert!(is_dot_segment(s), "{s}");
        }
        for s in ["...", "a.", ".a", "kp_1", "", "%2e%2e%2e", "%2%2ee", "%2", "%2e.x", "%2f"] {
            assert!(!is_dot_segment(s), "{s}");
        }
    }

    #[test]
    fn find_finds_what_str_find_finds() {
        for (hay, needle) in [("abcabc", "ca"), ("abc", ""), ("", "a"), ("ab", "abc"), ("éé€x", "€x"), ("aaab", "aab")]
        {
            assert_eq!(find(hay, needle), hay.find(needle), "{hay} {needle}");
        }
    }

    #[test]
    fn query_strings() {
        let mut q = String::new();
        push_query(&mut q, "email", "a@b.com,c@d.com");
        push_query(&mut q, "page_size", "10");
        assert_eq!(q, "?email=a%40b.com%2Cc%40d.com&page_size=10");
    }

    #[test]
    fn json_strings() {
        let mut out = String::new();
        push_json_string(&mut out, "a\"b\\c\nd\u{1}é");
        assert_eq!(out, r#""a\"b\\c\nd\u0001é""#);
        let back: String = serde_json::from_str(&out).expect("valid JSON"); // ok: test
        assert_eq!(back, "a\"b\\c\nd\u{1}é");
    }

    #[test]
    fn date_times() {
        for ok in [
            "2026-01-31T09:30:00Z",
            "2026-01-31t09:30:00z",
            "2026-01-31T09:30:00.250Z",
            "2026-01-31T09:30:00+10:00",
            "2026-12-01 00:00:00-05:30",
        ] {
            assert!(is_date_time(ok), "{ok}");
        }
        for bad in [
            "",
            "2026-01-31",
            "2026-13-01T00:00:00Z",
            "2026-01-31T24:00:00Z",
            "2026-01-31T09:30:00",
            "2026-01-31T09:30:00.Z",
            "2026-01-31T09:30:00+1000",
            "2026-01-31T09:30:00Zjunk",
            "yesterday",
            "２０２６-01-31T09:30:00Z",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }

    /// Properties over generated input (native only: proptest does not build for wasm32).
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
        use proptest::prelude::*;

        /// The only chars an RFC 3339 date-time can contain.
        const DATE_TIME_CHARS: &str = "0123456789-:.+TtZz ";

        /// Any text (of chars from the whole Unicode range).
        fn chars(len: std::ops::Range<usize>) -> impl Strategy<Value = String> {
            proptest::collection::vec(any::<char>(), len).prop_map(String::from_iter)
        }

        /// An RFC 3339 date-time built from valid components.
        fn date_time() -> impl Strategy<Value = String> {
            let date = (0..=9999u32, 1..=12u32, 1..=31u32).prop_map(|(y, mo, d)| {
                let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
                let days = match mo {
                    2 if leap => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                format!("{y:04}-{mo:02}-{:02}", d.min(days))
            });
            let sep = prop_oneof![Just('T'), Just('t'), Just(' ')];
            let time = (0..24u32, 0..60u32, 0..=60u32).prop_map(|(h, m, s)| format!("{h:02}:{m:02}:{s:02}"));
            let fraction =
                proptest::option::of("[0-9]{1,9}").prop_map(|f| f.map(|f| format!(".{f}")).unwrap_or_default());
            let offset = prop_oneof![
                Just("Z".to_string()),
                Just("z".to_string()),
                ("[+-]", 0..24u32, 0..60u32).prop_map(|(sign, h, m)| format!("{sign}{h:02}:{m:02}")),
            ];
            (date, sep, time, fraction, offset).prop_map(|(d, sep, t, f, o)| format!("{d}{sep}{t}{f}{o}"))
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn find_is_str_find(hay in "[ab€]{0,24}", needle in "[ab€]{0,4}") {
                prop_assert_eq!(find(&hay, &needle), hay.find(needle.as_str()));
            }

            #[test]
            fn dot_segments_are_what_decoding_makes_dots(s in "(\\.|%2[eE]|%2|[a.%])*") {
                let decoded = s.to_ascii_lowercase().replace("%2e", ".");
                prop_assert_eq!(is_dot_segment(&s), decoded == "." || decoded == "..", "{}", s);
            }

            #[test]
            fn component_len_is_the_encoded_length(s in chars(0..40)) {
                prop_assert_eq!(component_len(&s), component(&s).len());
            }

            #[test]
            fn components_are_what_the_percent_encoding_crate_writes(s in chars(0..40)) {
                const SET: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');
                prop_assert_eq!(component(&s), utf8_percent_encode(&s, SET).to_string());
            }

            #[test]
            fn date_time_checks_are_total(s in prop_oneof![chars(0..40), "[0-9:.+Tt Zz-]{0,40}", date_time()]) {
                let _ = is_date_time(&s);
            }

            #[test]
            fn every_generated_date_time_is_accepted(s in date_time()) {
                prop_assert!(is_date_time(&s), "{}", s);
            }

            #[test]
            fn a_char_outside_the_date_time_set_is_rejected(
                s in date_time(),
                c in any::<char>().prop_filter("outside the set", |c| !DATE_TIME_CHARS.contains(*c)),
                at in any::<prop::sample::Index>(),
                replace in any::<bool>(),
            ) {
                // Every char of a generated date-time is ASCII, so every index is a boundary.
                let i = at.index(s.len() + usize::from(!replace));
                let mut bad = s.clone();
                if replace && i < s.len() {
                    bad.replace_range(i..i + 1, c.encode_utf8(&mut [0; 4]));
                } else {
                    bad.insert(i, c);
                }
                prop_assert!(!is_date_time(&bad), "{}", bad);
            }

            #[test]
            fn components_escape_everything_but_unreserved(s in chars(0..30)) {
                let c = component(&s);
                let unreserved = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
                let b = c.as_bytes();
                let mut i = 0;
                while i < b.len() {
                    if b[i] == b'%' {
                        let hex = |x: Option<&u8>| x.is_some_and(|x| x.is_ascii_digit() || (b'A'..=b'F').contains(x));
                        prop_assert!(hex(b.get(i + 1)) && hex(b.get(i + 2)), "{}", c);
                        i += 3;
                    } else {
                        prop_assert!(unreserved(b[i]), "{}", c);
                        i += 1;
                    }
                }
                prop_assert!(!c.contains(['/', '?', '#', '&', '=']));
                let decoded = percent_decode_str(&c).decode_utf8().map(|d| d.into_owned()).ok();
                prop_assert_eq!(decoded, Some(s));
            }

            #[test]
            fn query_pairs_stay_apart(pairs in proptest::collection::vec((chars(0..8), chars(0..8)), 1..6)) {
                let mut q = String::new();
                for (k, v) in &pairs {
                    push_query(&mut q, k, v);
                }
                let rest = q.strip_prefix('?');
                prop_assert!(rest.is_some(), "{}", q);
                let parts: Vec<&str> = rest.unwrap_or_default().split('&').collect();
                prop_assert_eq!(parts.len(), pairs.len());
                let decode = |s: &str| percent_decode_str(s).decode_utf8().map(|s| s.into_owned()).ok();
                for (part, (k, v)) in parts.iter().zip(&pairs) {
                    let kv: Vec<&str> = part.split('=').collect();
                    prop_assert_eq!(kv.len(), 2, "{}", part);
                    prop_assert_eq!(decode(kv[0]), Some(k.clone()));
                    prop_assert_eq!(decode(kv[1]), Some(v.clone()));
                }
            }

            #[test]
            fn json_strings_round_trip(prefix in chars(0..4), s in prop_oneof![chars(0..40), "[\\x00-\\x1f\"\\\\/]{0,20}"]) {
                // Appending after existing text must not disturb it.
                let mut out = prefix.clone();
                push_json_string(&mut out, &s);
                let literal = out.strip_prefix(prefix.as_str()).unwrap_or_default();
                let back: Result<String, _> = serde_json::from_str(literal);
                prop_assert_eq!(back.ok(), Some(s.clone()), "{}", literal);
            }
        }
    }
}
