//! Document dates: given, inferred from the article, inferred from the corpus.

use dateline::analysis::{Analysis, DctBasis};
use dateline::{analyze, DocInput, Options};

fn doc(id: &str, text: &str) -> DocInput {
    DocInput { id: Some(id.into()), ..DocInput::from_text(text) }
}

fn run(docs: &[DocInput]) -> Analysis {
    analyze(docs, &Options::default()).unwrap()
}

/// The (value, basis) of each document's date.
fn dates(analysis: &Analysis) -> Vec<(Option<&str>, DctBasis)> {
    analysis.documents.iter().map(|d| (d.dct.value.as_deref(), d.dct.basis)).collect()
}

/// The values of each document's timexes.
fn values(analysis: &Analysis, i: usize) -> Vec<&str> {
    analysis.documents[i].timexes.iter().map(|t| t.value.as_str()).collect()
}

#[test]
fn publication_line_near_the_top() {
    let a =
        run(&[doc("a", "Talks collapse\n\nPublished 21 October 2021\n\nNATO expelled eight diplomats on 6 October.")]);
    assert_eq!(dates(&a), [(Some("2021-10-21"), DctBasis::Inferred)]);
    assert_eq!(values(&a, 0), ["2021-10-21", "2021-10-06"]);
}

#[test]
fn publication_line_near_the_bottom() {
    let text = "Moscow hits back\n\nRussia suspended its mission last week.\n\nLast updated: Oct. 21, 2021";
    let a = run(&[doc("a", text)]);
    assert_eq!(dates(&a), [(Some("2021-10-21"), DctBasis::Inferred)]);
    assert_eq!(values(&a, 0), ["2021-W41", "2021-10-21"]);
}

#[test]
fn wire_dateline_takes_the_year_of_the_article() {
    let text = "MOSCOW, Oct. 19 (Wire) — Russia said on Monday it would close the office it opened in June 2001.";
    let a = run(&[doc("a", text)]);
    assert_eq!(dates(&a), [(Some("2001-10-19"), DctBasis::Inferred)]);
}

#[test]
fn latest_reported_day_in_a_past_clause() {
    let text = "NATO expelled eight diplomats on 6 October 2021. Russia responded on 18 October. \
                The ministers will meet on 30 November.";
    let a = run(&[doc("a", text)]);
    assert_eq!(dates(&a), [(Some("2021-10-18"), DctBasis::Inferred)]);
    assert_eq!(values(&a, 0), ["2021-10-06", "2021-10-18", "2021-11-30"]);
}

#[test]
fn an_article_without_any_date_stays_unknown() {
    let a = run(&[doc("a", "Relations were broken off seven years ago. Talks may resume soon.")]);
    assert_eq!(dates(&a), [(None, DctBasis::Unknown)]);
    assert_eq!(values(&a, 0), ["PAST_REF", "FUTURE_REF"]);
}

#[test]
fn the_corpus_dates_the_undated_articles() {
    let a = run(&[
        doc("dated", "On 11 October 2021, the two navies concluded a joint exercise."),
        doc("yearless", "NATO expelled the diplomats on 6 October; Moscow retaliated on 18 October."),
        doc("relative", "Relations were broken off seven years ago. Last March the envoy visited."),
    ]);
    assert_eq!(
        dates(&a),
        [
            (Some("2021-10-11"), DctBasis::Inferred),
            (Some("2021-10-18"), DctBasis::Corpus),
            (Some("2021-10-18"), DctBasis::Corpus)
        ]
    );
    assert_eq!(values(&a, 1), ["2021-10-06", "2021-10-18"]);
    assert_eq!(values(&a, 2), ["2014", "2021-03"]);
}

#[test]
fn given_dates_win_and_anchor_the_corpus() {
    let docs = [
        DocInput { published: Some("2021-10-21".into()), ..doc("given", "Russia suspended its mission.") },
        doc("undated", "Two weeks ago NATO expelled eight diplomats."),
    ];
    let a = run(&docs);
    assert_eq!(dates(&a), [(Some("2021-10-21"), DctBasis::Given), (Some("2021-10-21"), DctBasis::Corpus)]);
    assert_eq!(values(&a, 1), ["2021-W40"]);
}

#[test]
fn options_reference_is_a_given_date() {
    let options = Options { reference: Some("2022-01-10".into()), ..Options::default() };
    let a = analyze(&[doc("a", "The ministers met in December.")], &options).unwrap();
    assert_eq!(dates(&a), [(Some("2022-01-10"), DctBasis::Given)]);
    assert_eq!(values(&a, 0), ["2021-12"]);
}

#[test]
fn one_article_of_another_year_does_not_move_the_story() {
    let published = |date: &str, d: DocInput| DocInput { published: Some(date.into()), ..d };
    let a = run(&[
        published("2021-10-20", doc("a", "The alliance expelled eight envoys.")),
        published("2021-10-22", doc("b", "Moscow answered the expulsions.")),
        published("2022-03-05", doc("later", "Months on, the mission is still closed.")),
        doc("yearless", "In 2021 NATO expelled the diplomats on 6 October; Moscow retaliated on 18 October."),
        doc("relative", "Relations were broken off seven years ago. Last March the envoy visited."),
        doc("next-year", "By February 2022 the offices were empty. Officials left last week."),
    ]);
    assert_eq!(
        dates(&a)[3..],
        [
            (Some("2021-10-22"), DctBasis::Corpus),
            (Some("2021-10-22"), DctBasis::Corpus),
            (Some("2022-03-05"), DctBasis::Corpus)
        ]
    );
    assert_eq!(values(&a, 3), ["2021", "2021-10-06", "2021-10-18"]);
    assert_eq!(values(&a, 4), ["2014", "2021-03"]);
}
