//! The tense of the clause around a word, from nearby auxiliaries and verb forms.
//!
//! Year inference needs it: "December" in a January article is last December
//! when the sentence is in the past tense, next December in the future.

/// The tense of a clause, as far as cheap cues tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// "was", "expelled", "had met".
    Past,
    /// "is", "are", "has".
    Present,
    /// "will", "is going to".
    Future,
    /// No cue nearby.
    Unknown,
}

/// How far, in tokens, to look for a cue.
const WINDOW: usize = 12;

/// The tense of the clause around `words[at]` (lower-case words of one sentence).
pub fn tense_near(words: &[&str], at: usize) -> Tense {
    for distance in 1..=WINDOW {
        for index in [at.checked_sub(distance), Some(at + distance)].into_iter().flatten() {
            // "… will be held on Jan. 9, Biden said": an attribution after the
            // date tells when it was said, not when it happens.
            if index > at && index < words.len() && is_closing_attribution(words, at, index) {
                continue;
            }
            if let Some(tense) = words.get(index).and_then(|_| cue(words, index)) {
                return tense;
            }
        }
    }
    Tense::Unknown
}

/// Whether `words[index]` is the reporting verb of an attribution that
/// closes the sentence after a comma ("…, President Joe Biden said.").
fn is_closing_attribution(words: &[&str], at: usize, index: usize) -> bool {
    let is_word = |w: &&str| w.chars().any(char::is_alphanumeric);
    ATTRIBUTIONS.contains(&words[index]) && words[at..index].contains(&",") && !words[index + 1..].iter().any(is_word)
}

/// Reporting verbs that close a sentence's attribution ("…, officials said").
const ATTRIBUTIONS: &[&str] = &["said", "says", "told", "added", "announced", "reported", "stated", "wrote"];

/// Whether any word of a clause marks the past tense.
pub fn has_past(words: &[&str]) -> bool {
    (0..words.len()).any(|i| cue(words, i) == Some(Tense::Past))
}

/// Whether any word of a clause marks a tense (the clause has a verb).
pub fn has_cue(words: &[&str]) -> bool {
    (0..words.len()).any(|i| cue(words, i).is_some())
}

/// The tense a word signals in its context, if any.
fn cue(words: &[&str], i: usize) -> Option<Tense> {
    let word = words[i];
    let previous = i.checked_sub(1).map(|p| words[p]).unwrap_or("");
    match word {
        "will" | "'ll" | "’ll" | "shall" | "wo" => return Some(Tense::Future),
        // "would have sounded": a past that did not happen; "said it would close": the future of then.
        "would" if words.get(i + 1) == Some(&"have") => return Some(Tense::Past),
        "would" => return Some(Tense::Future),
        // "cuts could begin in November"; "could have ended" is a past.
        "could" | "might" => return Some(if words.get(i + 1) == Some(&"have") { Tense::Past } else { Tense::Future }),
        "going" if words.get(i + 1) == Some(&"to") && matches!(previous, "is" | "are" | "am" | "'s" | "’s") => {
            return Some(Tense::Future)
        }
        // "the next meeting, on Nov. 6", "markets expect … to bring", "the upcoming vote".
        "next" | "upcoming" | "forthcoming" | "expect" | "expects" | "anticipate" | "anticipates" => {
            return Some(Tense::Future)
        }
        // "scheduled for Sunday", "set to meet on May 23", "due to vote".
        "scheduled" | "slated" | "set" | "due" if matches!(words.get(i + 1), Some(&("to" | "for" | "on"))) => {
            return Some(Tense::Future)
        }
        "was" | "were" | "had" | "did" | "ago" | "been" | "'d" | "’d" => return Some(Tense::Past),
        "is" | "are" | "am" | "has" | "have" | "does" | "do" => return Some(Tense::Present),
        _ => {}
    }
    let past_form = IRREGULAR_PAST.contains(&word)
        || word.len() >= 5 && word.ends_with("ed") && word.chars().all(|c| c.is_ascii_lowercase());
    // After an auxiliary ("will be held", "is expected") the auxiliary tells the tense.
    let participle = matches!(previous, "is" | "are" | "am" | "be" | "been" | "being" | "will" | "was" | "were");
    (past_form && !participle).then_some(Tense::Past)
}

/// Common irregular past-tense verbs of news text.
const IRREGULAR_PAST: &[&str] = &[
    "said",
    "met",
    "left",
    "began",
    "took",
    "came",
    "went",
    "held",
    "made",
    "gave",
    "told",
    "became",
    "saw",
    "sent",
    "spoke",
    "wrote",
    "won",
    "lost",
    "fell",
    "rose",
    "led",
    "knew",
    "thought",
    "brought",
    "bought",
    "built",
    "caught",
    "chose",
    "drove",
    "fought",
    "found",
    "flew",
    "forgot",
    "got",
    "grew",
    "heard",
    "hid",
    "hit",
    "kept",
    "laid",
    "meant",
    "paid",
    "put",
    "quit",
    "ran",
    "sat",
    "set",
    "shot",
    "shut",
    "sold",
    "stood",
    "struck",
    "swore",
    "taught",
    "threw",
    "understood",
    "woke",
    "withdrew",
    "undertook",
    "overtook",
    "broke",
    "froze",
    "stole",
    "tore",
    "wore",
    "sought",
    "cut",
    "let",
    "felt",
    "dealt",
    "drew",
    "ate",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn tense(sentence: &str, word: &str) -> Tense {
        let words: Vec<&str> = sentence.split(' ').collect();
        tense_near(&words, words.iter().position(|w| *w == word).unwrap())
    }

    #[test]
    fn cues() {
        assert_eq!(tense("nato expelled eight diplomats on 6 october", "october"), Tense::Past);
        assert_eq!(tense("the ministers will meet in december", "december"), Tense::Future);
        assert_eq!(tense("talks are due in december", "december"), Tense::Present);
        assert_eq!(tense("in december", "december"), Tense::Unknown);
        assert_eq!(tense("the report is expected in march", "march"), Tense::Present);
        assert_eq!(tense("markets expect the next meeting , on nov. 6 , to bring a cut", "nov."), Tense::Future);
        assert_eq!(tense("the race , scheduled for sunday , was cancelled", "sunday"), Tense::Future);
        assert_eq!(tense("the vote is set for july", "july"), Tense::Future);
        assert_ne!(tense("he set out in july", "july"), Tense::Future);
        assert_eq!(tense("officials signaled that cuts could begin as early as november", "november"), Tense::Future);
        assert_eq!(tense("it could have ended in june", "june"), Tense::Past);
        assert_eq!(
            tense("a funeral will be held at the cathedral on jan. 9 , president joe biden said", "jan."),
            Tense::Future
        );
        assert_eq!(tense("he met putin on jan. 9 , officials said", "jan."), Tense::Past);
    }
}
