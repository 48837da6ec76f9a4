//! Table-driven tokenizer tests on sentences written for them.

use dateline::tokenize::{segment, TokenKind};

/// The token texts of `text`, joined by " | ".
fn tokens_of(text: &str) -> String {
    segment(text).tokens.iter().map(|t| t.span.slice(text)).collect::<Vec<_>>().join(" | ")
}

/// `t!(name, input, "tok | tok | …")`: the tokens of `input`, in order.
macro_rules! t {
    ($name:ident, $input:expr, $expected:expr) => {
        #[test]
        fn $name() {
            assert_eq!(tokens_of($input), $expected, "input: {:?}", $input);
        }
    };
}

// Abbreviations, titles and initials keep their period.
t!(us_abbreviation, "The U.S. envoy left.", "The | U.S. | envoy | left | .");
t!(us_at_sentence_end, "He flew to the U.S.", "He | flew | to | the | U.S.");
t!(us_hyphenated, "U.S.-Russia talks", "U.S. | - | Russia | talks");
t!(title_dr, "Dr. Babst spoke", "Dr. | Babst | spoke");
t!(title_without_period, "Dr Babst and Ms Moon", "Dr | Babst | and | Ms | Moon");
t!(title_sir, "Sir Stuart Peach", "Sir | Stuart | Peach");
t!(number_abbreviation, "Resolution No. 5 passed", "Resolution | No. | 5 | passed");
t!(no_without_number, "He said no. Then left.", "He | said | no | . | Then | left | .");
t!(month_abbreviation, "On Oct. 6, 2021 it began", "On | Oct. | 6 | , | 2021 | it | began");
t!(initials, "J. R. R. Tolkien wrote", "J. | R. | R. | Tolkien | wrote");
t!(sec_gen, "Sec Gen Stoltenberg", "Sec | Gen | Stoltenberg");
t!(eg_abbreviation, "allies, e.g. Poland, agreed", "allies | , | e.g. | Poland | , | agreed");
t!(am_pm, "at 9 a.m. local time", "at | 9 | a.m. | local | time");

// Numbers.
t!(thousands, "1,200 diplomats", "1,200 | diplomats");
t!(percent, "up 3.5% on the year", "up | 3.5 | % | on | the | year");
t!(arithmetic, "2 + 2 talks", "2 | + | 2 | talks");
t!(currency, "$1.2bn in aid", "$ | 1.2bn | in | aid");
t!(clock_time, "at 9:30 GMT", "at | 9:30 | GMT");
t!(decade, "the 1990s saw", "the | 1990s | saw");
t!(iso_date, "on 2021-10-06", "on | 2021 | - | 10 | - | 06");
t!(ordinal, "the 21st century", "the | 21st | century");
t!(range, "11-13 October", "11 | - | 13 | October");

// Hyphens and dashes.
t!(hyphenated_names, "NATO-Russia Council", "NATO | - | Russia | Council");
t!(en_dash_compound, "post–Cold War order", "post | – | Cold | War | order");
t!(em_dash, "vetoed—by Berlin", "vetoed | — | by | Berlin");
t!(double_hyphen, "no--never", "no | -- | never");
t!(spaced_em_dash, "Moscow — and Kyiv", "Moscow | — | and | Kyiv");

// Possessives and contractions.
t!(curly_possessive, "NATO’s decision", "NATO | ’s | decision");
t!(straight_possessive, "Russia's mission", "Russia | 's | mission");
t!(plural_possessive, "the allies’ view", "the | allies | ’ | view");
t!(negation, "they don't and can’t", "they | do | n't | and | ca | n’t");
t!(contraction_re, "we're here", "we | 're | here");

// Quotes, ellipses and other punctuation.
t!(curly_quotes, "“Talk directly,” he said.", "“ | Talk | directly | , | ” | he | said | .");
t!(straight_quotes, "\"Enough\" said", "\" | Enough | \" | said");
t!(single_quotes, "8 Russian 'spies'", "8 | Russian | ' | spies | '");
t!(ellipsis_periods, "and so... on", "and | so | ... | on");
t!(ellipsis_char, "and so… on", "and | so | … | on");
t!(question_exclamation, "Why?! Now.", "Why | ?! | Now | .");
t!(brackets, "(and a mission to the EU)", "( | and | a | mission | to | the | EU | )");
t!(parenthetical_acronym, "European Leadership Network (ELN)", "European | Leadership | Network | ( | ELN | )");

// Whitespace and Unicode.
t!(nbsp, "8\u{a0}October", "8 | October");
t!(crlf, "one\r\ntwo", "one | two");
t!(tabs_and_spaces, "  a \t b  ", "a | b");
t!(emoji, "Peace 🕊️ talks", "Peace | 🕊️ | talks");
t!(emoji_zwj, "team 👩‍👩‍👧 wins", "team | 👩‍👩‍👧 | wins");
t!(flag, "🇺🇦 flag", "🇺🇦 | flag");
t!(combining_marks, "Delanoe\u{0308} said", "Delanoe\u{0308} | said");
t!(accents, "Delanoë and Poutine", "Delanoë | and | Poutine");
t!(cyrillic, "Сергей Лавров said", "Сергей | Лавров | said");
t!(cjk, "北京 talks", "北 | 京 | talks");
t!(url, "see example.com now", "see | example.com | now");
t!(narrow_nbsp, "on\u{202f}Monday at 9\u{202f}a.m.", "on | Monday | at | 9 | a.m.");
t!(url_whole, "See https://example.org/a-b?x=1, then go.", "See | https://example.org/a-b?x=1 | , | then | go | .");
t!(url_in_brackets, "(www.eln.org)", "( | www.eln.org | )");
t!(email_whole, "Write to press@example.org.", "Write | to | press@example.org | .");
t!(at_sign_alone, "meet @ noon", "meet | @ | noon");
t!(control_chars, "a\u{7}b c", "a | b | c");
t!(zero_width_space, "a\u{200b} b", "a | b");

#[test]
fn token_kinds() {
    let text = "NATO’s 1,200 + “x” € 😀 %";
    let kinds: Vec<TokenKind> = segment(text).tokens.iter().map(|t| t.kind).collect();
    use TokenKind::*;
    assert_eq!(kinds, [Word, Word, Number, Symbol, Punctuation, Word, Punctuation, Symbol, Symbol, Punctuation]);
}
