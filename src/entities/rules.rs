//! What the statistical model misses or gets wrong in news, fixed by rules:
//! named events with a year or code ("Joint Sea 2021", "ZAPAD-21",
//! "exercise Steadfast Noon"), titles inside person spans, and one sense per
//! story (a surname or name the story uses elsewhere is the same entity).

use crate::analysis::EntityType;
use crate::sort;
use crate::span::Span;
use crate::tokenize::{Segmentation, Token, TokenKind};

/// A recognized entity mention (byte span).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub entity_type: EntityType,
}

/// Nouns that announce a named event in the same sentence.
const EVENT_NOUNS: &[&str] = &[
    "exercise",
    "exercises",
    "drill",
    "drills",
    "manoeuvres",
    "maneuvers",
    "war",
    "games",
    "summit",
    "operation",
    "olympics",
    "championship",
    "cup",
    "festival",
    "conference",
    "forum",
    "expo",
    "wargame",
    "wargames",
    "patrol",
];

/// Titles that open a person span in some models' output but are not part of the name.
const TITLES: &[&str] = &[
    "President",
    "Prime",
    "Minister",
    "Foreign",
    "Defence",
    "Defense",
    "Secretary",
    "General",
    "Secretary-General",
    "Chancellor",
    "Ambassador",
    "Senator",
    "Governor",
    "Mayor",
    "King",
    "Queen",
    "Prince",
    "Pope",
    "Dr",
    "Dr.",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Sir",
    "Lord",
    "Lady",
    "Professor",
    "Prof.",
    "Gen.",
    "General",
    "Admiral",
    "Colonel",
    "Captain",
    "Deputy",
    "Vice",
    "Chief",
    "Under",
    "Spokesman",
    "Spokeswoman",
    "Commander",
];

/// Named events in the tokens of a text: capitalized words ending in a year
/// or a code ("Joint Sea 2021", "ZAPAD-21") in a sentence about exercises,
/// summits or wars, or inside quotes; and a quoted capitalized name right
/// after an event noun ("exercise “Steadfast Noon”").
pub fn named_events(text: &str, seg: &Segmentation) -> Vec<Span> {
    let tokens = &seg.tokens;
    // In a sentence all in capitals every word looks like a name: only the
    // strictest cue (an event noun in the sentence itself) holds there.
    let shouted: Vec<bool> = seg.sentences.iter().map(|s| !s.slice(text).chars().any(char::is_lowercase)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let start = i;
        while i < tokens.len() && is_capitalized_word(text, &tokens[i]) {
            i += 1;
        }
        if i == start {
            i += 1;
            continue;
        }
        let name_end = i;
        // A year ("2021") or a hyphenated code ("-21") right after the words.
        let code_end = if let Some(t) = tokens.get(i).filter(|t| is_year_or_code(text, t)) {
            Some(t.span.end).filter(|_| t.span.start > tokens[i - 1].span.end).map(|e| (e, i + 1))
        } else if matches!(tokens.get(i).map(|t| t.span.slice(text)), Some("-" | "–"))
            && tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Number && t.span.slice(text).len() <= 4)
            && tokens[i].span.start == tokens[i - 1].span.end
            && tokens[i + 1].span.start == tokens[i].span.end
        {
            Some((tokens[i + 1].span.end, i + 2))
        } else {
            None
        };
        let sentence = tokens[start].sentence;
        let quoted = is_quoted(text, tokens, start, name_end);
        let first_word = tokens[start].span.slice(text).to_ascii_lowercase();
        if crate::time::lexicon::month(&first_word).is_some() || crate::time::lexicon::season(&first_word).is_some() {
            continue; // "June 2021" is a date
        }
        if let Some((end, next)) = code_end {
            let reach = if shouted[sentence] { 0 } else { 1 };
            if quoted || near_event_noun(text, tokens, sentence, reach) {
                out.push(Span::new(tokens[start].span.start, end));
                i = next;
                continue;
            }
        } else if quoted && start > 0 && follows_event_noun(text, tokens, start) {
            out.push(Span::new(tokens[start].span.start, tokens[name_end - 1].span.end));
        } else if name_end - start >= 2 && !shouted[sentence] && NAME_OPENERS.contains(&tokens[start].span.slice(text))
        {
            // "Operation Desert Storm", "Exercise Talisman Sabre".
            out.push(Span::new(tokens[start].span.start, tokens[name_end - 1].span.end));
        }
    }
    out
}

fn is_capitalized_word(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Word && t.span.slice(text).starts_with(|c: char| c.is_uppercase())
}

fn is_year_or_code(text: &str, t: &Token) -> bool {
    let s = t.span.slice(text);
    t.kind == TokenKind::Number && s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether tokens `start..end` sit between quotes (straight or curly).
fn is_quoted(text: &str, tokens: &[Token], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).map(|p| tokens[p].span.slice(text));
    let after = tokens.get(end).map(|t| t.span.slice(text));
    let after2 = tokens.get(end + 1).map(|t| t.span.slice(text));
    matches!(before, Some("“" | "\"" | "‘" | "'" | "«"))
        && (matches!(after, Some("”" | "\"" | "’" | "'" | "»")) || matches!(after2, Some("”" | "\"" | "’" | "'" | "»")))
}

/// Event nouns that open a name when capitalized ("Operation Desert Storm").
const NAME_OPENERS: &[&str] = &["Operation", "Exercise"];

/// Whether the sentence, or one at most `reach` sentences before or after it,
/// has an event noun: "RIMPAC 2024 will start in June" next to a sentence on
/// the exercises.
fn near_event_noun(text: &str, tokens: &[Token], sentence: usize, reach: usize) -> bool {
    tokens
        .iter()
        .filter(|t| t.sentence + reach >= sentence && t.sentence <= sentence + reach)
        .any(|t| EVENT_NOUNS.contains(&t.span.slice(text).to_ascii_lowercase().as_str()))
}

/// Whether an event noun stands right before the opening quote at `start - 1`.
fn follows_event_noun(text: &str, tokens: &[Token], start: usize) -> bool {
    start >= 2 && EVENT_NOUNS.contains(&tokens[start - 2].span.slice(text).to_ascii_lowercase().as_str())
}

/// Single capitalized words that name no entity by themselves ("the Alliance").
const GENERIC: &[&str] =
    &["Alliance", "Allies", "State", "States", "Government", "Administration", "Ministry", "Republic"];

/// Tidies the model's spans to the annotation conventions and fixes what a
/// name list knows better: no leading "the", quotes or "post-"/"anti-"; no
/// possessive ending; places typed by the gazetteer; generic words, adverbs
/// and dates dropped; "U.S.-Russia" split into its two names.
pub fn normalize(text: &str, found: &mut Vec<Found>, timexes: &[Span]) {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found.iter() {
        let brand = f.entity_type == EntityType::Org && is_possessive_brand(text, f.span);
        let Some(span) = trim_span(text, f.span, brand) else { continue };
        let name = span.slice(text);
        let overlaps_timex = timexes.iter().any(|t| t.start <= span.start && span.end <= t.end);
        let adverb = is_sentence_adverb(text, span);
        // Names start with a capital or a digit ("grey zone", "solidarity" are not names).
        let lowercase = name.starts_with(|c: char| c.is_lowercase());
        if overlaps_timex || adverb || lowercase || GENERIC.contains(&name) || opens_a_title(text, span) {
            continue;
        }
        if let Some(parts) = split_compound(text, span) {
            out.extend(parts);
            continue;
        }
        let entity_type = super::gazetteer::place_type(name).unwrap_or(f.entity_type);
        out.push(Found { span, entity_type });
    }
    *found = out;
}

/// Words of an office that open a title ("Interior Minister", "Health Secretary").
const TITLE_HEADS: &[&str] = &["Minister", "Secretary", "Commissioner", "Spokesman", "Spokeswoman", "Spokesperson"];

/// Portfolios that name no organization by themselves ("Interior Minister").
const PORTFOLIOS: &[&str] = &[
    "Interior",
    "Foreign",
    "Defence",
    "Defense",
    "Finance",
    "Health",
    "Justice",
    "Home",
    "Economy",
    "Energy",
    "Transport",
    "Education",
    "Trade",
    "Agriculture",
    "Environment",
    "Labour",
    "Labor",
    "Culture",
    "Industry",
];

/// A one-word portfolio before the title it opens ("Interior" in "Interior
/// Minister Ali Yerlikaya"), not an organization; "the Interior Ministry" is a
/// name and stays whole, and "NATO Secretary General" keeps NATO.
fn opens_a_title(text: &str, span: Span) -> bool {
    let next = text[span.end..].strip_prefix(' ').unwrap_or("");
    let head: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    PORTFOLIOS.contains(&span.slice(text)) && TITLE_HEADS.contains(&head.as_str())
}

/// Endings of English adverbs ("Eventually", "Sadly", "Reportedly",
/// "Certainly"); names that end in "ly" end otherwise ("Italy", "Kelly",
/// "Emily", "Sicily", "Beverly", "Neely").
const ADVERB_ENDINGS: &[&str] = &[
    "ally", "ully", "ably", "ibly", "dly", "tly", "nly", "arly", "hly", "gly", "kly", "mly", "ply", "sly", "wly", "ely",
];

/// A one-word "name" that is an adverb opening its sentence ("Eventually,
/// the talks…"), which models in news often tag; "Italy" or a mid-sentence
/// capitalised word is a name.
fn is_sentence_adverb(text: &str, span: Span) -> bool {
    let word = span.slice(text);
    if word.contains(char::is_whitespace) || super::gazetteer::place_type(word).is_some() {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    // At least two letters before the ending: "Sally", "Tally" are names.
    let adverb_ending =
        ADVERB_ENDINGS.iter().any(|e| lower.len() >= e.len() + 2 && lower.ends_with(e)) && !lower.ends_with("eely");
    adverb_ending && opens_sentence(text, span.start)
}

/// Whether only opening quotes or brackets stand between `at` and the start
/// of its line or the end of the sentence before.
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t', '\u{a0}', '"', '“', '‘', '\'', '(']);
    before.is_empty() || before.ends_with(['\n', '\r', '.', '!', '?', ':', ';', '—', '–'])
}

/// `span` without a leading article, quote or prefix and without a
/// possessive (kept with `keep_own_s`: "McDonald's") or punctuation at its end;
/// `None` when nothing is left.
fn trim_span(text: &str, span: Span, keep_own_s: bool) -> Option<Span> {
    let mut s = span;
    loop {
        let t = s.slice(text);
        let skip = ["the ", "The ", "THE ", "‘", "“", "'", "\"", "post-", "post–", "anti-", "pro-", "pre-", "ex-"]
            .iter()
            .find(|p| t.starts_with(*p) && t.len() > p.len())
            .map(|p| p.len());
        match skip {
            Some(n) => s.start += n,
            None => break,
        }
    }
    loop {
        let t = s.slice(text);
        let cut = ["’s", "'s", "’", "'", "”", "\"", ",", ".", ")", ":"]
            .iter()
            .find(|p| t.ends_with(*p) && t.len() > p.len() && !(**p == "." && is_dotted_abbreviation(t)))
            .filter(|p| !(keep_own_s && matches!(**p, "’s" | "'s")))
            .map(|p| p.len());
        match cut {
            Some(n) => s.end -= n,
            None => break,
        }
    }
    let t = s.slice(text);
    (t.trim() == t && !t.is_empty()).then_some(s)
}

/// Words after which a name's "’s" is its own, not a possessive: nothing is
/// owned ("McDonald's and Apple", "Sainsbury's said").
const AFTER_OWN_S: &[&str] = &["and", "or", "said", "says", "has", "had", "was", "is", "will", "would"];

/// Whether the span is a name ending in "’s" that owns nothing, so for an
/// organization the "’s" is part of it ("McDonald's", "Macy's"): followed by punctuation or by
/// [`AFTER_OWN_S`], not by what it owns ("NATO's decision").
fn is_possessive_brand(text: &str, span: Span) -> bool {
    let name = span.slice(text);
    if !(name.ends_with("’s") || name.ends_with("'s")) || name.len() <= 3 {
        return false;
    }
    let rest = text[span.end..].trim_start_matches([' ', '\u{a0}']);
    let next: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    match next.as_str() {
        "" => rest.starts_with([',', '.', ';', ':', ')', '!', '?']),
        word => AFTER_OWN_S.contains(&word),
    }
}

/// "U.S." keeps its final period.
fn is_dotted_abbreviation(t: &str) -> bool {
    t.len() >= 3 && t.as_bytes()[t.len() - 3] == b'.'
}

/// "U.S.-Russia" or "NATO-Russia" as a whole mention: one mention per name
/// when both halves are known names (a listed place or an acronym).
fn split_compound(text: &str, span: Span) -> Option<Vec<Found>> {
    let t = span.slice(text);
    let (i, dash) = t.char_indices().find(|(_, c)| matches!(c, '-' | '–'))?;
    let (left, right) = (&t[..i], &t[i + dash.len_utf8()..]);
    if left.contains(' ') || right.contains(' ') {
        return None;
    }
    let known = |name: &str| {
        super::gazetteer::place_type(name).or_else(|| {
            let acronym = (2..=6).contains(&name.len()) && name.chars().all(|c| c.is_ascii_uppercase());
            acronym.then_some(EntityType::Org)
        })
    };
    let (lt, rt) = (known(left)?, known(right)?);
    let right_start = span.start + i + dash.len_utf8();
    Some(vec![
        Found { span: Span::new(span.start, span.start + i), entity_type: lt },
        Found { span: Span::new(right_start, span.end), entity_type: rt },
    ])
}

/// "Supreme Allied Commander Europe (SACEUR)", "Chief of the General Staff
/// (CGS)": an acronym in brackets after capitalized words whose initials
/// spell it (or its start) makes both one ORG-like entity; they replace the
/// mentions they overlap.
pub fn acronym_pairs(text: &str, seg: &Segmentation, found: &mut Vec<Found>) {
    let tokens = &seg.tokens;
    let mut added: Vec<Found> = Vec::new();
    for i in 2..tokens.len().saturating_sub(1) {
        let acronym = tokens[i].span.slice(text);
        let bracketed = tokens[i - 1].span.slice(text) == "(" && tokens[i + 1].span.slice(text) == ")";
        if !bracketed || !(2..=8).contains(&acronym.len()) || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        // Capitalized words (with "of", "the", "and" between them) before the bracket.
        let mut first = i - 1;
        let mut initials = String::new();
        while first > 0 {
            let w = tokens[first - 1].span.slice(text);
            let capital = tokens[first - 1].kind == TokenKind::Word && w.starts_with(|c: char| c.is_uppercase());
            let connector = matches!(w, "of" | "the" | "and" | "for") && first >= 2;
            if !(capital || connector) || tokens[first - 1].sentence != tokens[i].sentence {
                break;
            }
            if capital {
                initials.insert(0, w.chars().next().unwrap_or(' '));
            }
            first -= 1;
        }
        while first < i - 1 && !tokens[first].span.slice(text).starts_with(|c: char| c.is_uppercase()) {
            first += 1;
        }
        // Drop leading words until the initials spell the acronym's start.
        let mut words: Vec<usize> =
            (first..i - 1).filter(|&k| tokens[k].span.slice(text).starts_with(|c: char| c.is_uppercase())).collect();
        while !words.is_empty() {
            let spelled: String =
                words.iter().map(|&k| tokens[k].span.slice(text).chars().next().unwrap_or(' ')).collect();
            if spelled.len() >= 2 && acronym.starts_with(&spelled) && spelled.len() * 2 >= acronym.len().min(6) {
                break;
            }
            words.remove(0);
        }
        let Some(&start) = words.first() else { continue };
        let long = Span::new(tokens[start].span.start, tokens[i - 2].span.end);
        let short = tokens[i].span;
        let entity_type = found
            .iter()
            .find(|f| {
                f.span.start < long.end
                    && long.start < f.span.end
                    && matches!(
                        f.entity_type,
                        EntityType::Org
                            | EntityType::Gpe
                            | EntityType::Norp
                            | EntityType::Law
                            | EntityType::Event
                            | EntityType::Fac
                    )
            })
            .map_or(EntityType::Org, |f| f.entity_type);
        added.push(Found { span: long, entity_type });
        added.push(Found { span: short, entity_type });
    }
    if !added.is_empty() {
        found.retain(|f| !added.iter().any(|a| a.span.start < f.span.end && f.span.start < a.span.end));
        found.extend(added);
        sort::sort_by_key(found, |f| f.span.start);
    }
}

/// Interview speaker labels: the same two or three capitalized words opening
/// several paragraphs ("Igor Delanoë After the…", "Igor Delanoë Certainly…")
/// name a person.
pub fn speaker_labels(text: &str, seg: &Segmentation, in_body: impl Fn(Span) -> bool) -> Vec<Span> {
    let mut openings: Vec<(String, Vec<Span>)> = Vec::new();
    let tokens = &seg.tokens;
    for p in seg.paragraphs.iter().filter(|p| in_body(**p)) {
        let first = tokens.partition_point(|t| t.span.start < p.start);
        for n in [2usize, 3] {
            let words = &tokens[first..(first + n + 1).min(tokens.len())];
            let all_capital = words.len() == n + 1
                && words
                    .iter()
                    .all(|t| t.kind == TokenKind::Word && t.span.slice(text).starts_with(|c: char| c.is_uppercase()))
                && words.iter().all(|t| p.contains(t.span));
            if !all_capital {
                continue;
            }
            let label = Span::new(words[0].span.start, words[n - 1].span.end);
            // The label is followed directly by the answer, without punctuation.
            let key = label.slice(text).to_string();
            match openings.iter_mut().find(|(k, _)| *k == key) {
                Some((_, spans)) => spans.push(label),
                None => openings.push((key, vec![label])),
            }
        }
    }
    openings
        .into_iter()
        .filter(|(key, spans)| spans.len() >= 2 && !key.split(' ').any(crate::tokenize::is_sentence_opener))
        .flat_map(|(_, spans)| spans)
        .collect()
}

/// Puts the named events in, replacing mentions they overlap.
pub fn apply_events(found: &mut Vec<Found>, events: &[Span]) {
    found.retain(|f| !events.iter().any(|e| e.start < f.span.end && f.span.start < e.end));
    found.extend(events.iter().map(|&span| Found { span, entity_type: EntityType::Event }));
    sort::sort_by_key(found, |f| f.span.start);
}

/// Moves the start of person spans past titles ("Foreign Minister Sergei Lavrov" → "Sergei Lavrov").
pub fn strip_titles(text: &str, found: &mut [Found]) {
    for f in found.iter_mut().filter(|f| f.entity_type == EntityType::Person) {
        let mut start = f.span.start;
        loop {
            let rest = &text[start..f.span.end];
            let word = rest.split_whitespace().next().unwrap_or("");
            let remaining_words = rest.split_whitespace().count();
            if remaining_words <= 1 || !TITLES.contains(&word) {
                break;
            }
            let skip = rest.find(word).map_or(0, |i| i + word.len());
            start += skip + (rest[skip..].len() - rest[skip..].trim_start().len());
        }
        f.span.start = start;
    }
}

/// Names the story uses, for one sense per story: full person names (with
/// their surnames) and other names recognized at least twice.
#[derive(Clone, Debug, Default)]
pub struct StoryNames {
    names: Vec<(String, EntityType)>,
}

impl StoryNames {
    /// Collects the names of all documents' mentions.
    pub fn collect<'a>(mentions: impl IntoIterator<Item = (&'a str, EntityType)>) -> StoryNames {
        let mut counts: Vec<(String, EntityType, usize)> = Vec::new();
        let mut add =
            |name: &str, t: EntityType, weight: usize| match counts.iter_mut().find(|(n, ty, _)| n == name && *ty == t)
            {
                Some((_, _, c)) => *c += weight,
                None => counts.push((name.to_string(), t, weight)),
            };
        for (text, t) in mentions {
            let name = super::names::surface(text);
            if name.chars().count() < 2 || !name.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            if t == EntityType::Person && name.contains(' ') {
                add(name, t, 2);
                if let Some(surname) = name.split_whitespace().last().filter(|s| s.chars().count() >= 3) {
                    add(surname, t, 2);
                }
            } else {
                add(name, t, 1);
            }
        }
        StoryNames { names: counts.into_iter().filter(|(_, _, c)| *c >= 2).map(|(n, t, _)| (n, t)).collect() }
    }

    /// Adds mentions for occurrences of the story's names in `body` spans that
    /// no mention covers (whole words only; possessives allowed).
    pub fn fill_gaps(&self, text: &str, seg: &Segmentation, in_body: impl Fn(Span) -> bool, found: &mut Vec<Found>) {
        if self.names.is_empty() {
            return;
        }
        // Spans already taken, sorted: a binary search tells whether a span overlaps one.
        let mut taken: Vec<Span> = found.iter().map(|f| f.span).collect();
        sort::sort(&mut taken);
        let overlaps = |taken: &[Span], span: Span| {
            let i = taken.partition_point(|t| t.end <= span.start);
            taken.get(i).is_some_and(|t| t.start < span.end)
        };
        let mut by_first_word: crate::hash::HashMap<&str, Vec<(&str, EntityType)>> = crate::hash::HashMap::default();
        for (name, t) in &self.names {
            by_first_word.entry(name.split_whitespace().next().unwrap_or("")).or_default().push((name, *t));
        }
        let tokens = &seg.tokens;
        let mut added = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            let Some(candidates) = by_first_word.get(t.span.slice(text)) else { continue };
            for &(name, entity_type) in candidates {
                let n_words = name.split_whitespace().count();
                let Some(last) = tokens.get(i + n_words - 1) else { continue };
                let span = Span::new(t.span.start, last.span.end);
                let same_words = span.slice(text).split_whitespace().eq(name.split_whitespace());
                if same_words && in_body(span) && !overlaps(&taken, span) {
                    added.push(Found { span, entity_type });
                    let at = taken.partition_point(|x| *x < span);
                    taken.insert(at, span);
                    break;
                }
            }
        }
        found.extend(added);
        sort::sort_by_key(found, |f| f.span.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::segment;

    fn events(text: &str) -> Vec<&str> {
        named_events(text, &segment(text)).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn named_events_with_years_codes_and_quotes() {
        assert_eq!(events("Russia and China held the naval drill Joint Sea 2021 near Japan."), ["Joint Sea 2021"]);
        assert_eq!(events("Moscow’s recently held ZAPAD-21 exercise was large."), ["ZAPAD-21"]);
        assert_eq!(events("NATO began its annual exercise “Steadfast Noon” on Monday."), ["Steadfast Noon"]);
        assert_eq!(events("Troops joined “Slavic Shield 2021”, a week-long exercise."), ["Slavic Shield 2021"]);
        assert!(events("Windows 2000 was released by Microsoft.").is_empty());
        assert_eq!(
            events("Milley said RIMPAC 2024 starts in June. Exercise Talisman Sabre follows."),
            ["RIMPAC 2024", "Exercise Talisman Sabre"]
        );
        assert_eq!(events("Operation Desert Storm began in 1991."), ["Operation Desert Storm"]);
        assert!(events("THE OFFICE OPENED IN 2000. THE SUMMIT FOLLOWED.").is_empty());
        assert!(events("Windows 2000 was released. Office 2003 followed in the spring.").is_empty());
        assert!(events("In 2014 the talks ended.").is_empty());
    }

    fn normalized(text: &str, words: &[&str]) -> Vec<String> {
        let mut found: Vec<Found> = words
            .iter()
            .map(|w| {
                let start = text.find(w).unwrap();
                Found { span: Span::new(start, start + w.len()), entity_type: EntityType::Org }
            })
            .collect();
        normalize(text, &mut found, &[]);
        found.iter().map(|f| format!("{}:{:?}", f.span.slice(text), f.entity_type)).collect()
    }

    #[test]
    fn sentence_adverbs_go_but_names_ending_in_ly_stay() {
        assert!(normalized("Eventually, the talks resumed.", &["Eventually"]).is_empty());
        assert!(normalized("The talks failed. “Reportedly the envoy left.”", &["Reportedly"]).is_empty());
        assert_eq!(normalized("He visited Italy.", &["Italy"]), ["Italy:Gpe"]);
        assert_eq!(normalized("Italy voted first.", &["Italy"]), ["Italy:Gpe"]);
        assert!(normalized("Germany\nSadly, relations are poor.", &["Sadly"]).is_empty());
        assert_eq!(normalized("Kelly said the vote was close.", &["Kelly"]), ["Kelly:Org"]);
        assert_eq!(normalized("Sally said so. Neely agreed.", &["Sally", "Neely"]), ["Sally:Org", "Neely:Org"]);
        assert_eq!(normalized("Emily spoke; Beverly agreed.", &["Emily", "Beverly"]), ["Emily:Org", "Beverly:Org"]);
        // Mid-sentence, a capitalised word is a name whatever its ending.
        assert_eq!(normalized("They met at Finally Studios.", &["Finally"]), ["Finally:Org"]);
    }

    #[test]
    fn a_portfolio_before_a_title_is_no_organization() {
        assert!(normalized("Interior Minister Ali Yerlikaya said so.", &["Interior"]).is_empty());
        assert!(normalized("Health Secretary Wes Streeting spoke.", &["Health"]).is_empty());
        assert_eq!(normalized("The Interior Ministry said so.", &["Interior Ministry"]), ["Interior Ministry:Org"]);
        assert_eq!(normalized("NATO Secretary General Jens Stoltenberg", &["NATO"]), ["NATO:Org"]);
    }

    #[test]
    fn a_name_keeps_its_own_s_but_not_a_possessive() {
        assert_eq!(normalized("McDonald's and Apple opened offices.", &["McDonald's"]), ["McDonald's:Org"]);
        assert_eq!(normalized("Sainsbury’s said prices rose.", &["Sainsbury’s"]), ["Sainsbury’s:Org"]);
        assert_eq!(normalized("They shop at Macy's.", &["Macy's"]), ["Macy's:Org"]);
        assert_eq!(normalized("NATO's decision came late.", &["NATO's"]), ["NATO:Org"]);
        assert_eq!(normalized("It was Lavrov’s plan.", &["Lavrov’s"]), ["Lavrov:Org"]);
    }

    #[test]
    fn titles_leave_person_spans() {
        let text = "Foreign Minister Sergei Lavrov spoke.";
        let mut found = vec![Found { span: Span::new(0, 30), entity_type: EntityType::Person }];
        strip_titles(text, &mut found);
        assert_eq!(found[0].span.slice(text), "Sergei Lavrov");
    }

    #[test]
    fn one_sense_per_story() {
        let names = StoryNames::collect([
            ("Sergei Lavrov", EntityType::Person),
            ("NATO", EntityType::Org),
            ("NATO", EntityType::Org),
        ]);
        let text = "Lavrov said NATO and Lavrov’s team met. NATO agreed.";
        let seg = segment(text);
        let mut found = vec![Found { span: Span::new(12, 16), entity_type: EntityType::Org }];
        names.fill_gaps(text, &seg, |_| true, &mut found);
        let got: Vec<(&str, EntityType)> = found.iter().map(|f| (f.span.slice(text), f.entity_type)).collect();
        assert_eq!(
            got,
            [
                ("Lavrov", EntityType::Person),
                ("NATO", EntityType::Org),
                ("Lavrov", EntityType::Person),
                ("NATO", EntityType::Org)
            ]
        );
    }
}
