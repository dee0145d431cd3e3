//! The delay a server asks for before the next attempt: `Retry-After`
//! (Clerk), `RateLimit-Reset` and `X-RateLimit-Reset` (Kinde), read from a
//! response's headers into milliseconds. [`super::retry`] honours it.

/// The longest delay any header parser here yields: 2^53 − 1 ms
/// (`Number.MAX_SAFE_INTEGER`, about 285,000 years), so JS reads it exactly
/// and adding a clock reading to it cannot overflow. Larger asks saturate here.
pub(crate) const MAX_DELAY_MS: u64 = (1 << 53) - 1;

/// Milliseconds from a float: NaN and negatives are 0, fractions round up
/// (never wait less than asked), anything larger saturates at [`MAX_DELAY_MS`].
/// The value of a string of ASCII digits, `u64::MAX` when it is larger (what
/// `str::parse::<u64>` gives, less its code: the digits are checked first).
fn whole_number(digits: &str) -> u64 {
    digits.bytes().fold(0u64, |acc, b| acc.saturating_mul(10).saturating_add(u64::from(b.wrapping_sub(b'0'))))
}

fn delay_from_f64(ms: f64) -> u64 {
    if ms.is_nan() || ms <= 0.0 {
        0
    } else if ms >= MAX_DELAY_MS as f64 {
        MAX_DELAY_MS
    } else {
        ms.ceil() as u64
    }
}

/// Parses a `Retry-After` header value (delay-seconds or an IMF-fixdate
/// HTTP date) into milliseconds from `now_ms`.
///
/// Total: any text gives None or a delay, never a panic. Delay-seconds too
/// large to represent saturate at [`MAX_DELAY_MS`] rather than being
/// dropped, so a server asking for a very long wait still reads as one.
/// A date in the past is 0; dates outside years 1..=9999 are None.
pub(crate) fn parse_retry_after(value: &str, now_ms: f64) -> Option<u64> {
    let v = super::text::trim(value);
    // delay-seconds is a whole number (RFC 9110 §10.2.3).
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        let secs = whole_number(v);
        return Some(secs.saturating_mul(1000).min(MAX_DELAY_MS));
    }
    let at = parse_http_date(v)?;
    Some(delay_from_f64(at as f64 - now_ms))
}

/// Parses a `RateLimit-Reset` or `X-RateLimit-Reset` header value into
/// milliseconds from `now_ms`.
///
/// The value is seconds, whole or with a decimal fraction (`30`, `1.5`):
/// a delta, or, when greater than 1,000,000,000, a Unix time in seconds
/// (then the time until it, 0 when it has passed). Signs, exponents and
/// anything else give None; huge values saturate at [`MAX_DELAY_MS`].
/// Read in builds with Kinde only: Clerk sends `Retry-After`.
pub(crate) fn parse_rate_limit_reset(value: &str, now_ms: f64) -> Option<u64> {
    let v = super::text::trim(value);
    let (whole, fraction) = match super::text::position(v, b'.') {
        Some(dot) => (v.get(..dot).unwrap_or_default(), v.get(dot + 1..).unwrap_or_default()),
        None => (v, "0"),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return None;
    }
    // Integer arithmetic only: `str::parse::<f64>` would pull ~17 KB of
    // float-parsing tables into the wasm.
    let secs = whole_number(whole);
    let mut frac_ms = fraction.bytes().chain(*b"000").take(3).fold(0u64, |acc, b| acc * 10 + u64::from(b - b'0'));
    // Round a fraction of a millisecond up.
    if fraction.bytes().skip(3).any(|b| b != b'0') {
        frac_ms += 1;
    }
    let ms = secs.saturating_mul(1000).saturating_add(frac_ms);
    if ms > 1_000_000_000_000 { Some(delay_from_f64(ms as f64 - now_ms)) } else { Some(ms.min(MAX_DELAY_MS)) }
}

/// The delay a response asks for, in milliseconds from `now_ms`, read from
/// its headers (`header` gets a header by lowercase name).
///
/// Tries, in order, `Retry-After` ([`parse_retry_after`]), `RateLimit-Reset`
/// and `X-RateLimit-Reset` ([`parse_rate_limit_reset`]); the first that
/// parses wins, and one that does not parse is skipped. The last two only in
/// builds with Kinde, whose 429s carry them: Clerk's carry `Retry-After`
/// (its API and `@clerk/backend` read that alone), so a Clerk-only build
/// reads only `Retry-After`.
pub(crate) fn retry_after_ms(header: impl Fn(&str) -> Option<String>, now_ms: f64) -> Option<u64> {
    let read = |name: &str, parse: fn(&str, f64) -> Option<u64>| parse(&header(name)?, now_ms);
    let delay = read("retry-after", parse_retry_after);
    #[cfg(feature = "kinde")]
    let delay = delay
        .or_else(|| read("ratelimit-reset", parse_rate_limit_reset))
        .or_else(|| read("x-ratelimit-reset", parse_rate_limit_reset));
    delay
}

/// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) of a year in
/// 1..=9999 into Unix milliseconds. The weekday name is required but not
/// checked against the date; the day must exist in its month.
fn parse_http_date(v: &str) -> Option<i64> {
    const DAYS: [&str; 7] = ["Mon,", "Tue,", "Wed,", "Thu,", "Fri,", "Sat,", "Sun,"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    // Exactly `n` ASCII digits (at most 4, so the value fits).
    let num = |s: &str, n: usize| -> Option<u16> {
        if s.len() != n || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(s.bytes().fold(0u16, |acc, b| acc * 10 + u16::from(b - b'0')))
    };
    let mut parts = super::text::words(v);
    if !DAYS.contains(&parts.next()?) {
        return None;
    }
    let day = parts.next()?;
    let day = num(day, 2).or_else(|| num(day, 1))?;
    let month = parts.next()?;
    let month = MONTHS.iter().position(|m| *m == month)? as u16 + 1;
    let year = num(parts.next()?, 4)?;
    let mut hms = super::text::pieces(parts.next()?, b':').map(|p| num(p, 2));
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if hms.next().is_some() || parts.next()? != "GMT" || parts.next().is_some() {
        return None;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if year == 0 || !(1..=month_days).contains(&day) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let secs = days * 86_400 + i64::from(h) * 3600 + i64::from(m) * 60 + i64::from(s);
    Some(secs * 1000)
}

/// Days since 1970-01-01 of a proleptic Gregorian date. The narrow argument
/// types bound the arithmetic far inside `i64`, so it cannot overflow.
pub(crate) fn days_from_civil(y: u16, m: u16, d: u16) -> i64 {
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    #[test]
    fn whole_numbers_read_as_parse_reads_them() {
        for digits in ["0", "7", "0042", "18446744073709551615", "18446744073709551616", "99999999999999999999999"] {
            assert_eq!(super::whole_number(digits), digits.parse::<u64>().unwrap_or(u64::MAX), "{digits}");
        }
    }

    use super::*;

    #[test]
    fn retry_after_seconds_and_dates() {
        assert_eq!(parse_retry_after("2", 0.0), Some(2000));
        assert_eq!(parse_retry_after(" 120 ", 0.0), Some(120_000));
        assert_eq!(parse_retry_after("1.5", 0.0), None);
        assert_eq!(parse_retry_after("-1", 0.0), None);
        assert_eq!(parse_retry_after("soon", 0.0), None);
        // 1994-11-06T08:49:37Z is 784111777 s after the epoch.
        let now = 784_111_770_000.0;
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now), Some(7000));
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now + 60_000.0), Some(0));
        assert_eq!(parse_retry_after("Sun, 06 Foo 1994 08:49:37 GMT", now), None);
    }

    #[test]
    fn retry_after_never_overflows() {
        // Once overflowed `days_from_civil` (a panic in debug builds).
        assert_eq!(parse_retry_after("Sun, 06 Nov 99999999999999 08:49:37 GMT", 0.0), None);
        assert_eq!(parse_retry_after("Sun, 06 Nov -9999 08:49:37 GMT", 0.0), None);
        assert_eq!(parse_retry_after("Sun, 06 Nov 0000 08:49:37 GMT", 0.0), None);
        // Huge delay-seconds saturate rather than being dropped.
        assert_eq!(parse_retry_after("99999999999999999999999", 0.0), Some(MAX_DELAY_MS));
        assert_eq!(parse_retry_after("18446744073709551615", 0.0), Some(MAX_DELAY_MS));
        // The extreme years of the range.
        assert_eq!(parse_retry_after("Mon, 01 Jan 0001 00:00:00 GMT", 0.0), Some(0));
        assert_eq!(parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", 0.0), Some(253_402_300_799_000));
        // A clock reading that is not a number waits nothing rather than panicking.
        assert_eq!(parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", f64::NAN), Some(0));
        assert_eq!(parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", f64::NEG_INFINITY), Some(MAX_DELAY_MS));
    }

    #[test]
    fn http_dates_are_strict_imf_fixdates() {
        let now = 784_111_770_000.0;
        for bad in [
            "Sun, 06 Nov 1994 08:49:37",
            "Sun, 06 Nov 1994 08:49:37 GMT extra",
            "Sun 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 94 08:49:37 GMT",
            "Sun, +6 Nov 1994 08:49:37 GMT",
            "Sun, 006 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 8:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37:00 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 31 Nov 1994 08:49:37 GMT",
            "Sun, 29 Feb 1900 08:49:37 GMT",
            "Sun, 00 Nov 1994 08:49:37 GMT",
            // The obsolete RFC 850 and asctime forms are not accepted.
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(parse_retry_after(bad, now), None, "{bad}");
        }
        assert_eq!(parse_retry_after("Sun,  6 Nov 1994 08:49:37 GMT", now), Some(7000));
        assert_eq!(parse_retry_after("Tue, 29 Feb 2000 00:00:00 GMT", 951_782_400_000.0), Some(0));
        assert_eq!(parse_retry_after("Tue, 29 Feb 2000 00:00:00 GMT", 951_782_399_000.0), Some(1000));
    }

    #[test]
    fn rate_limit_resets() {
        assert_eq!(parse_rate_limit_reset("30", 5.0), Some(30_000));
        assert_eq!(parse_rate_limit_reset(" 1.5 ", 0.0), Some(1500));
        assert_eq!(parse_rate_limit_reset("0.0001", 0.0), Some(1), "a fraction of a ms rounds up");
        assert_eq!(parse_rate_limit_reset("0", 0.0), Some(0));
        assert_eq!(parse_rate_limit_reset("1000000000", 5000.0), Some(1_000_000_000_000), "not above 1e9: a delta");
        // Above 1e9: a Unix time in seconds.
        assert_eq!(parse_rate_limit_reset("1700000010", 1_700_000_000_000.0), Some(10_000));
        assert_eq!(parse_rate_limit_reset("1700000000.25", 1_700_000_000_000.0), Some(250));
        assert_eq!(parse_rate_limit_reset("1700000000", 1_800_000_000_000.0), Some(0), "past");
        assert_eq!(parse_rate_limit_reset("99999999999999999999999.5", 0.0), Some(MAX_DELAY_MS));
        for bad in ["", "-1", "+1", "1e3", "1.", ".5", "1.2.3", "inf", "NaN", "0x10", "1 2", "١"] {
            assert_eq!(parse_rate_limit_reset(bad, 0.0), None, "{bad}");
        }
    }

    #[test]
    fn retry_after_prefers_retry_after_then_ratelimit_then_x() {
        fn headers<'a>(pairs: &'a [(&str, &str)]) -> impl Fn(&str) -> Option<String> + 'a {
            move |name| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
        }
        let now = 1_700_000_000_000.0;
        let all = [("retry-after", "1"), ("ratelimit-reset", "2"), ("x-ratelimit-reset", "3")];
        assert_eq!(retry_after_ms(headers(&all), now), Some(1000));
        // Retry-After as a date; RateLimit-Reset never is one.
        assert_eq!(retry_after_ms(headers(&[("retry-after", "Tue, 14 Nov 2023 22:13:25 GMT")]), now), Some(5000));
        assert_eq!(retry_after_ms(headers(&[]), now), None);
        // A build without Kinde reads Retry-After alone.
        if !cfg!(feature = "kinde") {
            assert_eq!(retry_after_ms(headers(&all[1..]), now), None);
            return;
        }
        assert_eq!(retry_after_ms(headers(&all[1..]), now), Some(2000));
        assert_eq!(retry_after_ms(headers(&all[2..]), now), Some(3000));
        assert_eq!(retry_after_ms(headers(&[("x-ratelimit-reset", "1700000004")]), now), Some(4000));
        // One that does not parse is skipped.
        let skip = [("retry-after", "later"), ("ratelimit-reset", "1.5"), ("x-ratelimit-reset", "3")];
        assert_eq!(retry_after_ms(headers(&skip), now), Some(1500));
        assert_eq!(retry_after_ms(headers(&[("ratelimit-reset", "Tue, 14 Nov 2023 22:13:25 GMT")]), now), None);
    }

    /// Properties over generated input (native only: proptest does not build for wasm32).
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        /// 9999-12-31T23:59:59Z in Unix seconds.
        const LAST_SECOND: u64 = 253_402_300_799;

        /// An IMF-fixdate for Unix seconds, by counting whole years and
        /// months: an oracle independent of `days_from_civil`.
        fn imf_fixdate(secs: u64) -> String {
            let (mut days, rest) = (secs / 86_400, secs % 86_400);
            let weekday = WEEKDAYS[((days + 3) % 7) as usize]; // 1970-01-01 was a Thursday.
            let leap = |y: u64| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
            let mut year = 1970;
            while days >= if leap(year) { 366 } else { 365 } {
                days -= if leap(year) { 366 } else { 365 };
                year += 1;
            }
            let lengths = [31, if leap(year) { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
            let mut month = 0;
            while days >= lengths[month] {
                days -= lengths[month];
                month += 1;
            }
            let (h, m, s) = (rest / 3600, rest / 60 % 60, rest % 60);
            format!("{weekday}, {:02} {} {year:04} {h:02}:{m:02}:{s:02} GMT", days + 1, MONTHS[month])
        }

        /// Text shaped almost like the header values: each piece of a date
        /// mostly right, sometimes wrong (widths, signs, huge numbers), and
        /// numbers with odd signs, fractions and exponents.
        fn near_valid() -> impl Strategy<Value = String> {
            let weekday = prop_oneof![3 => "(Mon|Sun),", 1 => "(Sunday|Xyz|Sun)?,? ?"];
            let day = prop_oneof![3 => "[0-3]?[0-9]", 1 => "[+-]?[0-9]{0,5}"];
            let month = prop_oneof![3 => "(Jan|Feb|Nov|Dec)", 1 => "[A-Za-z]{0,4}"];
            let year = prop_oneof![2 => "[0-9]{4}", 2 => "[0-9]{5,22}", 1 => "[+-]?[0-9]{0,6}"];
            let time = prop_oneof![3 => "[0-9]{2}:[0-9]{2}:[0-9]{2}", 1 => "[0-9]{0,3}(:[+-]?[0-9]{0,3}){0,3}"];
            let zone = prop_oneof![3 => "GMT", 1 => "(UTC|GMT )?[ \\t]?"];
            let date = (weekday, day, month, year, time, zone)
                .prop_map(|(w, d, m, y, t, z)| format!("{w} {d} {m} {y} {t} {z}"));
            let number = "[ \\t]?[+-]?[0-9]{0,30}(\\.[0-9]{0,30})?(e[0-9]{1,3})?[ \\t]?";
            prop_oneof![date, number, "[0-9.:, A-Za-z-]{0,40}"]
        }

        /// Any text (of chars from the whole Unicode range: proptest's
        /// regex-driven `any::<String>()` is slow in debug builds).
        fn chars(len: std::ops::Range<usize>) -> impl Strategy<Value = String> {
            proptest::collection::vec(any::<char>(), len).prop_map(String::from_iter)
        }

        fn any_text() -> impl Strategy<Value = String> {
            prop_oneof![chars(0..40), near_valid()]
        }

        /// Clock readings, including the absurd ones.
        fn any_now() -> impl Strategy<Value = f64> {
            prop_oneof![0.0..4e14f64, any::<f64>()]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn header_parsers_are_total(v in any_text(), now in any_now()) {
                for ms in [parse_retry_after(&v, now), parse_rate_limit_reset(&v, now)].into_iter().flatten() {
                    prop_assert!(ms <= MAX_DELAY_MS);
                }
            }

            #[test]
            fn retry_after_takes_the_first_that_parses(
                a in proptest::option::of(any_text()),
                b in proptest::option::of(any_text()),
                c in proptest::option::of(any_text()),
                now in any_now(),
            ) {
                let header = |name: &str| match name {
                    "retry-after" => a.clone(),
                    "ratelimit-reset" => b.clone(),
                    "x-ratelimit-reset" => c.clone(),
                    _ => None,
                };
                let first = a.as_deref().and_then(|v| parse_retry_after(v, now));
                let expected = if cfg!(feature = "kinde") {
                    first
                        .or_else(|| b.as_deref().and_then(|v| parse_rate_limit_reset(v, now)))
                        .or_else(|| c.as_deref().and_then(|v| parse_rate_limit_reset(v, now)))
                } else {
                    first
                };
                prop_assert_eq!(retry_after_ms(header, now), expected);
            }

            #[test]
            fn http_dates_round_trip(at in 0..=LAST_SECOND, back in 0..=LAST_SECOND * 1000, after in 1..1_000_000u64) {
                let text = imf_fixdate(at);
                let at_ms = at * 1000;
                let now = at_ms.saturating_sub(back);
                prop_assert_eq!(parse_retry_after(&text, now as f64), Some(at_ms - now), "{}", text);
                prop_assert_eq!(parse_retry_after(&text, (at_ms + after) as f64), Some(0), "{}", text);
            }

            #[test]
            fn delay_seconds_are_exact_below_the_cap(secs in 0..MAX_DELAY_MS / 1000, pad in 0..3usize) {
                let text = format!("{}{secs}", "0".repeat(pad));
                prop_assert_eq!(parse_retry_after(&text, 0.0), Some(secs * 1000));
                // With the clock at 0, a delta and a Unix time mean the same wait.
                prop_assert_eq!(parse_rate_limit_reset(&text, 0.0), Some(secs * 1000));
            }

            #[test]
            fn rate_limit_deltas_and_epochs(secs in 0..=1_000_000_000u64, frac in 0..1000u64, ahead in 0..100_000_000u64, now in 1_000_000_000_000..4_000_000_000_000u64) {
                prop_assert_eq!(parse_rate_limit_reset(&format!("{secs}.{frac:03}"), now as f64), Some(secs * 1000 + frac));
                let at = now + ahead;
                let epoch = format!("{}.{:03}", at / 1000, at % 1000);
                prop_assert_eq!(parse_rate_limit_reset(&epoch, now as f64), Some(ahead));
                prop_assert_eq!(parse_rate_limit_reset(&epoch, (at + 1 + ahead) as f64), Some(0));
            }
        }
    }
}
