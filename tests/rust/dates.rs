//! The temporal-expression cases of `tests/fixtures/dates.tsv`, all run,
//! failures reported together.

use dateline::find_dates;

/// One line of the cases file.
struct Case<'a> {
    line: usize,
    reference: Option<&'a str>,
    text: &'a str,
    expected: &'a str,
    day_first: bool,
}

fn cases() -> Vec<Case<'static>> {
    include_str!("../fixtures/dates.tsv")
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| {
            let fields: Vec<&str> = l.split('\t').collect();
            assert!((3..=4).contains(&fields.len()), "dates.tsv line {}: expected 3 or 4 tab-separated fields", i + 1);
            Case {
                line: i + 1,
                reference: Some(fields[0]).filter(|r| *r != "-"),
                text: fields[1],
                expected: fields[2],
                day_first: fields.get(3) == Some(&"dayFirst"),
            }
        })
        .collect()
}

/// The timexes of a case in the file's notation.
fn actual(case: &Case) -> String {
    let timexes = find_dates(case.text, case.reference, case.day_first).expect("valid reference");
    if timexes.is_empty() {
        return "-".into();
    }
    let units: Vec<u16> = case.text.encode_utf16().collect();
    timexes
        .iter()
        .map(|t| {
            let text = String::from_utf16(&units[t.start..t.end]).unwrap();
            assert_eq!(text, t.text, "offsets slice to the text");
            let kind = serde_json::to_value(t.timex_type).unwrap();
            let modifier = t.modifier.map(|m| format!(" {}", serde_json::to_value(m).unwrap().as_str().unwrap()));
            format!("{} = {} {}{}", t.text, kind.as_str().unwrap(), t.value, modifier.unwrap_or_default())
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn every_case_in_dates_tsv() {
    let cases = cases();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let got = actual(c);
            (got != c.expected)
                .then(|| format!("line {}: {:?}\n   expected {}\n   got      {}", c.line, c.text, c.expected, got))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} date cases fail:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
