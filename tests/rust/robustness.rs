//! Analysis is total: hostile, huge and odd inputs still give an Analysis.

use dateline::tokenize::segment;
use dateline::{analyze, analyze_text, tokenize, DocInput, Options};

/// Asserts the basic invariants of the analysis of `text` and returns its sentence count.
fn check(text: &str) -> usize {
    let analysis = analyze_text(text);
    assert_eq!(analysis.documents.len(), 1);
    let utf16_len = text.encode_utf16().count();
    let doc = &analysis.documents[0];
    for r in doc.paragraphs.iter().chain(&doc.sentences).chain(&doc.body) {
        assert!(r.start < r.end && r.end <= utf16_len, "range {r:?} of a text of {utf16_len} units");
    }
    doc.sentences.len()
}

#[test]
fn empty_text() {
    assert_eq!(check(""), 0);
    assert!(tokenize("").is_empty());
}

#[test]
fn control_characters() {
    let text: String = (0u8..=0x1f).map(char::from).chain(['\u{7f}', '\u{85}', 'a', '.', ' ', 'B']).collect();
    check(&text);
    assert_eq!(tokenize("\u{0}\u{1}\u{2}").len(), 0);
}

#[test]
fn one_long_line_without_spaces() {
    let text = "x".repeat(1 << 20);
    check(&text);
    assert_eq!(tokenize(&text).len(), 1);
}

#[test]
fn long_runs_of_punctuation() {
    check(&".".repeat(100_000));
    check(&"U.S.".repeat(50_000));
    check(&"—".repeat(100_000));
    check(&"“".repeat(100_000));
}

#[test]
fn replacement_characters_from_lone_surrogates() {
    // A JS string with lone surrogates reaches Rust with U+FFFD in their place.
    let text = "a\u{FFFD}b. \u{FFFD} Next.";
    check(text);
}

const PARAGRAPH: &str =
    "Moscow said on Monday it would suspend its mission to NATO. “It does not make much sense,” Lavrov said.\n\n";

#[test]
fn large_news_text_without_entities() {
    let text = PARAGRAPH.repeat(10 * 1024 * 1024 / PARAGRAPH.len());
    let options = Options { entities: false, ..Options::default() };
    let analysis = analyze(&[DocInput::from_text(text.as_str())], &options).unwrap();
    let doc = &analysis.documents[0];
    assert_eq!(doc.sentences.len(), 2 * (10 * 1024 * 1024 / PARAGRAPH.len()));
    assert_eq!(segment(&text).paragraphs.len(), 10 * 1024 * 1024 / PARAGRAPH.len());
    assert!(doc.mentions.is_empty());
}

#[test]
fn one_megabyte_with_entities() {
    let text = PARAGRAPH.repeat(1024 * 1024 / PARAGRAPH.len());
    let analysis = analyze_text(&text);
    assert_eq!(analysis.documents[0].sentences.len(), 2 * (1024 * 1024 / PARAGRAPH.len()));
    let lavrov = analysis.entities.iter().find(|e| e.name == "Lavrov").expect("Lavrov is found");
    assert_eq!(lavrov.mentions, 1024 * 1024 / PARAGRAPH.len());
}

#[test]
fn byte_order_mark_stays_out_of_the_title() {
    let analysis = analyze_text("\u{FEFF}Headline here\n\nBody text follows.");
    assert_eq!(analysis.documents[0].title.as_deref(), Some("Headline here"));
}

#[test]
fn a_publication_stamp_is_not_the_title() {
    let analysis =
        analyze_text("Updated 2025-03-15 08:40\n\nFerry service resumes\n\nThe ferry ran again on Saturday.");
    assert_eq!(analysis.documents[0].title.as_deref(), Some("Ferry service resumes"));
}

#[test]
fn find_entities_gives_the_mentions_of_one_text() {
    let text = "Foreign Minister Sergei Lavrov spoke in Moscow. Lavrov said NATO had ignored Russia.";
    let mentions = dateline::find_entities(text);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for m in &mentions {
        assert_eq!(String::from_utf16(&utf16[m.start..m.end]).unwrap(), m.text);
    }
    let lavrovs: Vec<_> = mentions.iter().filter(|m| m.text.contains("Lavrov")).collect();
    assert_eq!(lavrovs.len(), 2, "{mentions:?}");
    assert_eq!(lavrovs[0].entity, lavrovs[1].entity);
    assert!(mentions.iter().any(|m| m.text == "Moscow"));
}
