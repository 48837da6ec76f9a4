//! Timeline events from single sentences: ranges of dates, clauses that tell
//! only a date, wire datelines, the month May. Every source slice is checked
//! against the text it reports.

use dateline::analysis::{Analysis, TimelineEvent};
use dateline::{analyze, DocInput, Options};

/// One article published on `published`, analysed alone.
fn run(published: &str, text: &str) -> Analysis {
    let doc = DocInput { id: Some("a".into()), published: Some(published.into()), ..DocInput::from_text(text) };
    let analysis = analyze(&[doc], &Options::default()).unwrap();
    let units: Vec<u16> = text.encode_utf16().collect();
    for e in &analysis.timeline {
        for s in &e.sources {
            let slice = String::from_utf16(&units[s.start..s.end]).unwrap();
            assert!(text.contains(&slice) && !slice.trim().is_empty(), "{}: source {slice:?}", e.id);
        }
    }
    analysis
}

fn dated<'a>(analysis: &'a Analysis, value: &str) -> Option<&'a TimelineEvent> {
    analysis.timeline.iter().find(|e| e.date.value == value)
}

#[test]
fn a_range_of_months_is_one_event() {
    let a = run("2024-09-18", "The central bank raised rates 11 times between March 2022 and July 2023.");
    assert_eq!(a.timeline.len(), 1, "{:?}", a.timeline);
    let e = &a.timeline[0];
    assert_eq!(
        (e.date.value.as_str(), e.date.start.as_str(), e.date.end.as_str()),
        ("2022-03/2023-07", "2022-03-01", "2023-07-31")
    );
    assert_eq!(e.summary, "The central bank raised rates 11 times");
}

#[test]
fn a_range_of_days_is_one_event() {
    let a = run("2024-10-01", "Markets expect the next meeting, on Nov. 6-7, to bring a quarter-point cut.");
    let e = dated(&a, "2024-11-06/2024-11-07").expect("the meeting");
    assert_eq!(a.timeline.len(), 1);
    assert_eq!(e.summary, "Markets expect the next meeting to bring a quarter-point cut");
    let a = run("2021-09-01", "From 2015 to 2020 the city spent 120 million crowns on embankments.");
    assert!(dated(&a, "2015/2020").is_some(), "{:?}", a.timeline);
}

#[test]
fn dates_in_different_clauses_stay_apart() {
    // "to" that does not join the two dates: two happenings.
    let a = run("2024-01-10", "Prices rose 2% in 2021, and wages rose 5% in 2023.");
    let values: Vec<&str> = a.timeline.iter().map(|e| e.date.value.as_str()).collect();
    assert_eq!(values, ["2021", "2023"]);
}

#[test]
fn a_clause_that_only_dates_joins_its_neighbour() {
    let a = run("2024-09-18", "Powell said inflation had fallen to 2.5% in August from a peak of 9.1% in June 2022.");
    assert!(dated(&a, "2022-06").is_none(), "{:?}", a.timeline);
    let e = dated(&a, "2024-08").expect("the August figure");
    assert!(e.summary.contains("from a peak of 9.1%"), "{:?}", e.summary);
    let a = run("2024-09-18", "The forecast for 2025 sees unemployment rising to 4.4% by the end of next year.");
    assert_eq!(a.timeline.len(), 1, "{:?}", a.timeline);
}

#[test]
fn may_is_a_month_not_a_maybe() {
    let a = run("2025-06-12", "Water levels rose steadily between May 28 and June 4.");
    assert!(dated(&a, "2025-05-28/2025-06-04").is_some(), "{:?}", a.timeline);
    let a = run("2025-06-12", "Talks resumed on May 3 in Geneva.");
    assert!(dated(&a, "2025-05-03").is_some(), "{:?}", a.timeline);
    // The modal still marks a possibility.
    let a = run("2025-06-12", "Talks may resume on July 3 in Geneva.");
    assert!(a.timeline.is_empty(), "{:?}", a.timeline);
}

#[test]
fn a_wire_dateline_with_a_hyphen_is_not_the_summary() {
    let a = run("2024-09-18", "WASHINGTON (Reuters) - The Federal Reserve left interest rates unchanged on Wednesday.");
    assert_eq!(a.timeline.len(), 1);
    assert_eq!(a.timeline[0].summary, "The Federal Reserve left interest rates unchanged");
}

#[test]
fn an_apposition_does_not_cut_the_verb_from_its_date() {
    let a = run(
        "2024-03-20",
        "Earlier this month, the chief executive, Amin Nasser, told a conference in Oslo that demand would rise through the 2030s.",
    );
    let e = dated(&a, "2024-03").expect("the conference");
    assert_eq!(e.summary, "The chief executive, Amin Nasser, told a conference in Oslo");
}

#[test]
fn a_publication_line_dates_the_article_but_is_no_event() {
    let a = run(
        "2023-11-04",
        "Updated 4 November 2023, 18:05 GMT\n\nThe Met Office extended its wind warning on Saturday.",
    );
    let summaries: Vec<&str> = a.timeline.iter().map(|e| e.summary.as_str()).collect();
    assert_eq!(summaries, ["The Met Office extended its wind warning"]);
}

#[test]
fn a_live_blog_time_stamp_is_not_the_summary() {
    let a = run("2023-11-04", "16:15 — More than a million homes in France are without power.");
    assert_eq!(a.timeline.len(), 1);
    assert_eq!(a.timeline[0].summary, "More than a million homes in France are without power");
    assert_eq!(a.timeline[0].date.value, "2023-11-04");
}

#[test]
fn two_dates_joined_by_and_are_two_events() {
    let a = run(
        "2024-05-21",
        "The bloc granted Moldova candidate status in June 2022 and opened accession talks last December.",
    );
    let got: Vec<(&str, &str)> = a.timeline.iter().map(|e| (e.date.value.as_str(), e.summary.as_str())).collect();
    assert_eq!(
        got,
        [("2022-06", "The bloc granted Moldova candidate status"), ("2023-12", "Opened accession talks last December")]
    );
}

#[test]
fn a_reported_plan_is_an_event_and_a_condition_is_not() {
    let a = run("2024-03-08", "The port authority said the first cranes would start moving on Saturday.");
    assert_eq!(a.timeline.len(), 1, "{:?}", a.timeline);
    assert_eq!(a.timeline[0].date.value, "2024-03-09");
    for text in [
        "The strike would end on Saturday if the union agreed.",
        "Officials said the talks would not resume on Monday.",
        "A deal on Monday would have ended the strike.",
        "Prices could fall in June.",
    ] {
        assert!(run("2024-03-08", text).timeline.is_empty(), "{text}");
    }
}

#[test]
fn a_since_date_gives_way_to_the_date_of_what_happens() {
    let a =
        run("2024-03-08", "Aquilino added that the exercise, held every two years since 2005, would return in 2025.");
    let values: Vec<&str> = a.timeline.iter().map(|e| e.date.value.as_str()).collect();
    assert_eq!(values, ["2025"]);
    // Alone, "since" still dates its clause.
    let a = run("2024-03-08", "Relations have deepened since the mid-2010s.");
    assert_eq!(a.timeline.len(), 1);
}
