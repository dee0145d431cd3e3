//! Path, query and JSON encoding.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Everything but RFC 3986 unreserved characters is escaped, so a value can
/// never introduce a `/`, `?`, `#`, `&` or `=` of its own.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Percent-encodes one path segment or query component.
pub fn component(value: &str) -> String {
    utf8_percent_encode(value, COMPONENT).to_string()
}

/// Whether a path segment would be read as a dot segment (`.`, `..`, or
/// their percent-encoded forms) and so move the request to another path.
pub fn is_dot_segment(value: &str) -> bool {
    let v = value.to_ascii_lowercase().replace("%2e", ".");
    v == "." || v == ".."
}

/// Appends `key=value` to a query string under construction.
pub fn push_query(query: &mut String, key: &str, value: &str) {
    query.push(if query.is_empty() { '?' } else { '&' });
    query.push_str(&component(key));
    query.push('=');
    query.push_str(&component(value));
}

/// Appends a JSON string literal.
pub fn push_json_string(out: &mut String, s: &str) {
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
pub fn is_date_time(s: &str) -> bool {
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
        for s in ["...", "a.", ".a", "kp_1"] {
            assert!(!is_dot_segment(s), "{s}");
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
}
