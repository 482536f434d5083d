//! Numbers and dates in the person's account: phone numbers, NHS numbers and dates.
//!
//! UK numbers are recognised by their shape (how many digits, how they start), never by looking
//! anything up. An NHS number is only recognised when its check digit is right, so a random
//! ten-digit reference number is very unlikely to be mistaken for one.

use super::text::{gap, Token};
use std::ops::Range;

/// What a run of digits looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NumberKind {
    /// 07..., or +44 7...: almost always a person's own phone.
    Mobile,
    /// 01... or 02...: a home or a service.
    Landline,
    /// 03..., 08..., 09...: a service's number (0300, 0800, 0845). Never flagged.
    Service,
    /// A ten-digit NHS number (or Scottish CHI number) with a correct check digit.
    Nhs,
}

/// True when `digits` is ten digits whose last digit is the NHS modulus 11 check digit of the
/// first nine (weights 10 down to 2; 11 means 0; 10 means the number cannot be valid).
pub fn nhs_number_is_valid(digits: &str) -> bool {
    let values: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if values.len() != 10 || digits.len() != 10 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = values[..9]
        .iter()
        .zip((2..=10).rev())
        .map(|(value, weight)| value * weight)
        .sum();
    match 11 - sum % 11 {
        11 => values[9] == 0,
        10 => false,
        check => values[9] == check,
    }
}

/// True when the first six digits read as a day and month (DDMM..), as a CHI number starts.
fn starts_with_day_and_month(digits: &str) -> bool {
    let day: u32 = digits[0..2].parse().unwrap_or(0);
    let month: u32 = digits[2..4].parse().unwrap_or(0);
    (1..=31).contains(&day) && (1..=12).contains(&month)
}

/// What a string of digits is, if it is a number the check cares about. `plus` is true when a
/// `+` came just before it.
pub(super) fn classify(digits: &str, plus: bool) -> Option<NumberKind> {
    let national = if plus {
        // +44 7700 900123, also written +44 (0)7700 900123.
        let rest = digits.strip_prefix("44")?;
        format!("0{}", rest.strip_prefix('0').unwrap_or(rest))
    } else if let Some(rest) = digits.strip_prefix("0044") {
        format!("0{rest}")
    } else {
        digits.to_string()
    };
    if !plus && digits.len() == 10 && nhs_number_is_valid(digits) {
        // NHS numbers never start with 0 in England and Wales; a Scottish CHI number may, and
        // then starts with a date of birth.
        if !digits.starts_with('0') || starts_with_day_and_month(digits) {
            return Some(NumberKind::Nhs);
        }
    }
    let len = national.len();
    if !(10..=11).contains(&len) {
        return None;
    }
    match &national[..2] {
        "07" if len == 11 => Some(NumberKind::Mobile),
        "01" | "02" => Some(NumberKind::Landline),
        "03" | "08" | "09" => Some(NumberKind::Service),
        _ => None,
    }
}

/// True when the text between two groups of digits can join them into one number
/// ("07700 900123", "01273-600000", "(01273) 600000").
pub(super) fn joins_number(gap: &str) -> bool {
    !gap.is_empty()
        && gap.chars().count() <= 3
        && gap
            .chars()
            .all(|c| matches!(c, ' ' | '-' | '(' | ')' | '\u{a0}'))
}

/// Numbers in the sentence's tokens `range`: (kind, first token, last token).
pub(super) fn find_numbers(
    text: &str,
    toks: &[Token],
    range: Range<usize>,
) -> Vec<(NumberKind, usize, usize)> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if !toks[i].digits {
            i += 1;
            continue;
        }
        let mut run = vec![i];
        let mut j = i + 1;
        while j < range.end && toks[j].digits && joins_number(gap(text, toks, j)) {
            run.push(j);
            j += 1;
        }
        let plus = text[..toks[i].range.start].ends_with('+');
        // Try each start in the run, keeping the longest number from it, so a stray number
        // before a phone number ("room 3 07700 900123") does not hide it.
        let mut k = 0;
        while k < run.len() {
            let mut digits = String::new();
            let mut best = None;
            for (m, &t) in run.iter().enumerate().skip(k) {
                digits.push_str(&text[toks[t].range.clone()]);
                if digits.len() > 13 {
                    break;
                }
                if let Some(kind) = classify(&digits, plus && k == 0) {
                    best = Some((m, kind));
                }
            }
            match best {
                Some((m, kind)) => {
                    out.push((kind, run[k], run[m]));
                    k = m + 1;
                }
                None => k += 1,
            }
        }
        i = j;
    }
    out
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

fn day(word: &str) -> Option<u32> {
    let number = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word);
    if number.is_empty() || number.len() > 2 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    number.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(tok: &Token) -> bool {
    tok.digits
        && tok.norm.len() == 4
        && tok
            .norm
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

fn numeric_date(a: &str, b: &str, c: &str) -> bool {
    let n = |s: &str| s.parse::<u32>().unwrap_or(0);
    let dmy = a.len() <= 2
        && b.len() <= 2
        && (c.len() == 2 || c.len() == 4)
        && (1..=31).contains(&n(a))
        && (1..=12).contains(&n(b));
    let ymd = a.len() == 4
        && b.len() <= 2
        && c.len() <= 2
        && (1..=12).contains(&n(b))
        && (1..=31).contains(&n(c));
    dmy || ymd
}

/// Full dates (with a year) in the sentence's tokens `range`, as token ranges: "12/03/1985",
/// "1985-03-12", "12.03.85", "3rd May 1990", "3 of May, 1990", "May 3rd 1990".
pub(super) fn find_dates(text: &str, toks: &[Token], range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let end = range.end;
    let mut i = range.start;
    while i < end {
        if i + 2 < end && toks[i].digits && toks[i + 1].digits && toks[i + 2].digits {
            let (g1, g2) = (gap(text, toks, i + 1), gap(text, toks, i + 2));
            if g1 == g2 && matches!(g1, "/" | "-" | ".") {
                let part = |t: usize| text[toks[t].range.clone()].to_string();
                if numeric_date(&part(i), &part(i + 1), &part(i + 2)) {
                    out.push(i..i + 3);
                    i += 3;
                    continue;
                }
            }
        }
        if day(&toks[i].norm).is_some() {
            let mut j = i + 1;
            if j < end && toks[j].norm == "of" {
                j += 1;
            }
            if j + 1 < end && MONTHS.contains(&toks[j].norm.as_str()) && year(&toks[j + 1]) {
                out.push(i..j + 2);
                i = j + 2;
                continue;
            }
        }
        if i + 2 < end
            && MONTHS.contains(&toks[i].norm.as_str())
            && day(&toks[i + 1].norm).is_some()
            && year(&toks[i + 2])
        {
            out.push(i..i + 3);
            i += 3;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nhs_check_digit() {
        // The number NHS Digital uses in its own examples.
        assert!(nhs_number_is_valid("9434765919"));
        assert!(!nhs_number_is_valid("9434765918"), "wrong check digit");
        assert!(!nhs_number_is_valid("943476591"), "nine digits");
        assert!(!nhs_number_is_valid("94347659190"), "eleven digits");
        assert!(!nhs_number_is_valid("943476591X"));
        assert!(
            !nhs_number_is_valid("９４３４７６５９１９"),
            "only ASCII digits"
        );
        // 1*10 + 6*2 = 22, a multiple of 11: 11 - 0 = 11, which means check digit 0.
        assert!(nhs_number_is_valid("1000000060"));
        // 1*10 + 1*2 = 12, remainder 1: the check digit would be 10, so no number is valid.
        assert!((0..10).all(|d| !nhs_number_is_valid(&format!("100000001{d}"))));
        // 1*10 + 3*3 = 19, remainder 8: check digit 3.
        assert!(nhs_number_is_valid("1000000303"));
        assert!(!nhs_number_is_valid("1000000304"));
    }

    #[test]
    fn classifies_uk_numbers() {
        assert_eq!(classify("07700900123", false), Some(NumberKind::Mobile));
        assert_eq!(classify("447700900123", true), Some(NumberKind::Mobile));
        assert_eq!(classify("4407700900123", true), Some(NumberKind::Mobile));
        assert_eq!(classify("01632960000", false), Some(NumberKind::Landline));
        assert_eq!(classify("03001237732", false), Some(NumberKind::Service));
        assert_eq!(classify("08001111", false), None, "too short");
        assert_eq!(classify("9434765919", false), Some(NumberKind::Nhs));
        assert_eq!(classify("9434765918", false), None);
        assert_eq!(classify("12345678901", false), None);
    }

    #[test]
    fn dates() {
        assert!(numeric_date("12", "03", "1985"));
        assert!(numeric_date("1985", "03", "12"));
        assert!(numeric_date("1", "3", "85"));
        assert!(!numeric_date("32", "03", "1985"));
        assert!(!numeric_date("12", "13", "1985"));
        assert!(!numeric_date("3", "5", "1"));
        assert_eq!(day("3rd"), Some(3));
        assert_eq!(day("31st"), Some(31));
        assert_eq!(day("32"), None);
        assert_eq!(day("th"), None);
    }
}
