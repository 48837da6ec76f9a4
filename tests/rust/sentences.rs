//! Table-driven sentence and paragraph tests on text written for them.

use dateline::tokenize::segment;

/// The sentences of `text`.
fn sentences_of(text: &str) -> Vec<&str> {
    segment(text).sentences.iter().map(|s| s.slice(text)).collect()
}

/// `s!(name, input, [sentence, …])`: the sentences of `input`, in order.
macro_rules! s {
    ($name:ident, $input:expr, [$($expected:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let expected: Vec<&str> = vec![$($expected),*];
            assert_eq!(sentences_of($input), expected, "input: {:?}", $input);
        }
    };
}

s!(two_plain, "Talks ended. Both sides left.", ["Talks ended.", "Both sides left."]);
s!(
    us_mid_sentence,
    "The U.S. Secretary of State arrived. He spoke.",
    ["The U.S. Secretary of State arrived.", "He spoke."]
);
s!(us_lowercase_next, "a U.S. general, who spoke", ["a U.S. general, who spoke"]);
s!(us_at_end, "He moved to the U.S. The move surprised many.", ["He moved to the U.S.", "The move surprised many."]);
s!(us_in_quotation, "“The U.S. Congress will vote,” she said.", ["“The U.S. Congress will vote,” she said."]);
s!(
    title_before_name,
    "Dr. Babst and Gen. Milley met. Nothing changed.",
    ["Dr. Babst and Gen. Milley met.", "Nothing changed."]
);
s!(
    month_before_day,
    "It started on Oct. 6 in Brussels. Russia responded.",
    ["It started on Oct. 6 in Brussels.", "Russia responded."]
);
s!(initials_before_surname, "J. R. R. Tolkien wrote it. Few read it.", ["J. R. R. Tolkien wrote it.", "Few read it."]);
s!(number_abbreviation, "See No. 10 Downing Street. It is old.", ["See No. 10 Downing Street.", "It is old."]);
s!(question_and_exclamation, "Why now? Nobody knows! Really.", ["Why now?", "Nobody knows!", "Really."]);
s!(closing_quote_after_period, "He said: “Go home.” Then he left.", ["He said: “Go home.”", "Then he left."]);
s!(straight_quote_after_period, "He said \"Go.\" Then he left.", ["He said \"Go.\"", "Then he left."]);
s!(opening_quote_next, "He left. “Stop,” she said.", ["He left.", "“Stop,” she said."]);
s!(two_sentences_in_quote, "\"It is over. Talk to the boss.\"", ["\"It is over.", "Talk to the boss.\""]);
s!(lowercase_after_period, "Talks with the U.S. and the U.K. resumed.", ["Talks with the U.S. and the U.K. resumed."]);
s!(ellipsis_then_capital, "We waited... Nothing came.", ["We waited...", "Nothing came."]);
s!(number_after_period, "The vote failed. 1,200 people protested.", ["The vote failed.", "1,200 people protested."]);
s!(decimal_not_a_break, "Growth was 3.5 percent. Prices rose.", ["Growth was 3.5 percent.", "Prices rose."]);
s!(parenthesis_closes, "They met (briefly.) Then parted.", ["They met (briefly.)", "Then parted."]);
s!(no_final_punctuation, "A line without an end", ["A line without an end"]);
s!(
    heading_is_its_own_sentence,
    "SOME TIES REMAIN\nEven though NATO and Russia disagree, contacts stay.",
    ["SOME TIES REMAIN", "Even though NATO and Russia disagree, contacts stay."]
);
s!(
    byline_is_its_own_sentence,
    "By Jane Doe, Foreign Editor\n\nMoscow said it would close the office.",
    ["By Jane Doe, Foreign Editor", "Moscow said it would close the office."]
);
s!(wrapped_prose_joins_lines, "The ministers met in the capital on Tuesday and agreed\nto resume the talks that had stalled since the spring. They\nleft on Wednesday.", ["The ministers met in the capital on Tuesday and agreed\nto resume the talks that had stalled since the spring.", "They\nleft on Wednesday."]);
s!(crlf_paragraphs, "First one.\r\n\r\nSecond one.", ["First one.", "Second one."]);
s!(empty, "", []);
s!(whitespace_only, " \n\t\u{a0}\n", []);

#[test]
fn tokens_carry_their_sentence_index() {
    let text = "One two. Three four.";
    let seg = segment(text);
    let indices: Vec<usize> = seg.tokens.iter().map(|t| t.sentence).collect();
    assert_eq!(indices, [0, 0, 0, 1, 1, 1]);
    for t in &seg.tokens {
        assert!(seg.sentences[t.sentence].contains(t.span));
    }
}

#[test]
fn sentences_nest_in_paragraphs() {
    let text = "A heading\n\nOne sentence here. Another one.\nA standalone line";
    let seg = segment(text);
    let paragraphs: Vec<&str> = seg.paragraphs.iter().map(|p| p.slice(text)).collect();
    assert_eq!(paragraphs, ["A heading", "One sentence here. Another one.", "A standalone line"]);
    for s in &seg.sentences {
        assert_eq!(seg.paragraphs.iter().filter(|p| p.contains(*s)).count(), 1, "sentence {:?}", s.slice(text));
    }
}
