//! Article body versus boilerplate: what pasted or scraped pages put around
//! an article (bylines, author bios, captions, credits, comment threads,
//! newsletter and cookie prompts, share counters, disclaimers).
//!
//! Works on paragraphs (see [`crate::tokenize`]): each one is classified by
//! its own shape and words, then by position (the tail after a comment count,
//! a bio after an author's name line), and the body is what is left.

use crate::analysis::BoilerplateKind;
use crate::span::Span;

/// The body and boilerplate of a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// The article proper: maximal runs of body paragraphs.
    pub body: Vec<Span>,
    /// Boilerplate paragraphs (adjacent ones of one kind merged), with kinds.
    pub boilerplate: Vec<(Span, BoilerplateKind)>,
}

impl Cleaned {
    /// Whether `span` lies in the body.
    pub fn in_body(&self, span: Span) -> bool {
        let i = self.body.partition_point(|b| b.end < span.end);
        self.body.get(i).is_some_and(|b| b.contains(span))
    }
}

/// Splits the paragraphs of `text` into body and boilerplate.
pub fn clean(text: &str, paragraphs: &[Span]) -> Cleaned {
    let lines: Vec<&str> = paragraphs.iter().map(|p| p.slice(text)).collect();
    let mut kinds: Vec<Option<BoilerplateKind>> = lines.iter().map(|l| kind_by_shape(l)).collect();
    mark_comment_threads(&lines, &mut kinds);
    mark_author_blocks(&lines, &mut kinds);
    mark_trailing_bios(&lines, &mut kinds);
    mark_foreign_tail(&lines, &mut kinds);
    mark_disclaimer_tail(&mut kinds);
    mark_site_name_tail(&lines, &mut kinds);

    let mut cleaned = Cleaned::default();
    for (p, kind) in paragraphs.iter().zip(&kinds) {
        match kind {
            None => match cleaned.body.last_mut() {
                Some(last) if last.end == previous_end(paragraphs, *p) => last.end = p.end,
                _ => cleaned.body.push(*p),
            },
            Some(k) => match cleaned.boilerplate.last_mut() {
                Some((last, lk)) if lk == k && last.end == previous_end(paragraphs, *p) => last.end = p.end,
                _ => cleaned.boilerplate.push((*p, *k)),
            },
        }
    }
    cleaned
}

/// The end of the paragraph before `p` (to merge neighbours), or `usize::MAX`.
fn previous_end(paragraphs: &[Span], p: Span) -> usize {
    let i = paragraphs.partition_point(|q| q.start < p.start);
    i.checked_sub(1).map_or(usize::MAX, |j| paragraphs[j].end)
}

/// Number of words in a line.
fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// Lower-case ASCII copy for keyword tests.
fn lower(line: &str) -> String {
    line.to_ascii_lowercase()
}

/// What a paragraph is by itself, when that is clear.
fn kind_by_shape(line: &str) -> Option<BoilerplateKind> {
    use BoilerplateKind::*;
    let l = lower(line);
    let words = word_count(line);
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| l.starts_with(p));
    if starts(&[
        "source:",
        "sources:",
        "photo:",
        "photos:",
        "image:",
        "credit:",
        "credits:",
        "picture:",
        "illustration:",
    ]) && words <= 12
    {
        return Some(Credit);
    }
    if is_separator(line) || is_counter(line) {
        return Some(SiteChrome);
    }
    const CHROME: &[&str] = &[
        "leave a reply",
        "leave a comment",
        "cancel reply",
        "reply to ",
        "post comment",
        "submit comment",
        "your email address will not be published",
        "required fields are marked",
        "more >",
        "read more",
        "share this",
        "share on",
        "click to share",
        "related posts",
        "related articles",
        "you may also like",
        "follow us",
        "advertisement",
        "sponsored content",
        "print this",
        "tags:",
        "filed under",
        "comments are closed",
        "log in to reply",
        "loading...",
        "skip to content",
    ];
    if words <= 12 && CHROME.iter().any(|c| l.starts_with(c)) {
        return Some(SiteChrome);
    }
    if is_newsletter_prompt(&l) && words <= 40 {
        return Some(Newsletter);
    }
    if is_byline(line) {
        return Some(Byline);
    }
    if is_captioned_credit(&l) {
        return Some(Caption);
    }
    if starts(&["the views expressed", "the opinions expressed", "the opinions articulated", "disclaimer"])
        || (l.contains("do not necessarily reflect") && words <= 80)
    {
        return Some(Disclaimer);
    }
    None
}

/// "***", "* * *", "---", "•••".
fn is_separator(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.chars().all(|c| matches!(c, '*' | '-' | '—' | '–' | '_' | '=' | '•' | '·' | '~' | ' ' | '#'))
}

/// A share or like counter: a bare number on its own line.
fn is_counter(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.len() <= 6
        && t.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == 'K' || c == 'k')
}

/// Newsletter, subscription and cookie prompts, in the languages news sites use most.
fn is_newsletter_prompt(l: &str) -> bool {
    const KEYS: &[&str] = &[
        "newsletter",
        "subscribe",
        "sign up for",
        "sign up to",
        "in your inbox",
        "to your inbox",
        "mailbox",
        "cookies",
        "cookie policy",
        "popup",
        "pop-up",
        "aanmelden",
        "abonneer",
        "nieuwsbrief",
        "inschrijven",
        "abonnieren",
        "anmelden",
        "inscrivez",
        "abonnez",
        "suscríbete",
        "suscribirse",
        "iscriviti",
        "assine",
        "inscreva",
    ];
    KEYS.iter().any(|k| l.contains(k))
}

/// "By Jane Doe", "by Mark Galeotti, Moscow correspondent", or a contributor
/// line: "Dr Jane Doe, Senior Fellow and former Director of X, Country".
fn is_byline(line: &str) -> bool {
    let t = line.trim();
    let words = word_count(t);
    if words > 30 || t.ends_with(['.', '!', '?', ':']) {
        return false;
    }
    if let Some(rest) = t.strip_prefix("By ").or(t.strip_prefix("by ")).or(t.strip_prefix("BY ")) {
        return words <= 12 && rest.starts_with(|c: char| c.is_uppercase());
    }
    let Some((name, role)) = t.split_once(", ") else { return false };
    // "Jimmy Carter, 39th U.S. president, dies at 100" is a headline: after the
    // role comes a predicate, where a byline has more titles or a place.
    if role.split(", ").skip(1).any(|part| part.starts_with(|c: char| c.is_lowercase())) {
        return false;
    }
    let name = ["Dr ", "Dr. ", "Ms ", "Ms. ", "Mr ", "Mr. ", "Mrs ", "Sir ", "Dame ", "Prof ", "Prof. ", "Professor "]
        .iter()
        .find_map(|h| name.strip_prefix(h))
        .unwrap_or(name);
    let name_words: Vec<&str> = name.split_whitespace().collect();
    let is_name =
        (2..=4).contains(&name_words.len()) && name_words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()));
    const ROLES: &[&str] = &[
        "fellow",
        "member",
        "director",
        "president",
        "chief",
        "editor",
        "correspondent",
        "professor",
        "analyst",
        "researcher",
        "reporter",
        "columnist",
        "contributor",
        "writer",
        "chair",
        "head of",
        "former",
        "senior",
        "associate",
        "ambassador",
        "minister",
        "secretary",
        "commander",
        "founder",
        "ceo",
    ];
    let l = role.to_ascii_lowercase();
    is_name && ROLES.iter().any(|r| l.contains(r))
}

/// Most words of the credit that ends a caption ("Photo: John Smith/Getty Images").
const MAX_CREDIT_WORDS: usize = 8;

/// A caption that ends with its picture credit: "… (picture Russian Foreign
/// Ministry)", "Cranes stood idle on April 10. Photo: Reuters",
/// "… | Photograph: Jane Doe/AP". `l` is the line in lower case.
fn is_captioned_credit(l: &str) -> bool {
    let t = l.trim_end();
    if let Some(open) = t.rfind('(') {
        let bracketed = t.ends_with(')')
            && ["(picture", "(photo", "(image", "(foto", "(credit", "(source:", "(illustration"]
                .iter()
                .any(|p| t[open..].starts_with(p));
        if bracketed {
            return true;
        }
    }
    // A credit after the caption's last sentence or a bar: ". Photo: Reuters".
    ["photo:", "photograph:", "picture:", "image:", "photo credit:", "credit:", "photo by "].iter().any(|marker| {
        t.rfind(marker).is_some_and(|at| {
            let before = t[..at].trim_end();
            let after = &t[at + marker.len()..];
            !before.is_empty()
                && before.ends_with(['.', '|', '–', '—'])
                && (1..=MAX_CREDIT_WORDS).contains(&after.split_whitespace().count())
        })
    })
}

/// A comment count ("7 Comments", "Comments (12)", "12 thoughts on …") opens
/// a thread that runs to the end; lines like "Reply To ken" inside it stay
/// site chrome.
fn mark_comment_threads(lines: &[&str], kinds: &mut [Option<BoilerplateKind>]) {
    let opens = |l: &str| {
        let l = lower(l);
        let t = l.trim();
        let mut words = t.split_whitespace();
        let first = words.next().unwrap_or("");
        let second = words.next().unwrap_or("");
        (first.parse::<u32>().is_ok()
            && matches!(second, "comments" | "comment" | "responses" | "replies" | "thoughts"))
            || t.starts_with("comments (")
            || t == "comments"
            || t.starts_with("join the discussion")
    };
    if let Some(start) = lines.iter().position(|l| opens(l)) {
        for kind in &mut kinds[start..] {
            if *kind != Some(BoilerplateKind::SiteChrome) {
                *kind = Some(BoilerplateKind::Comments);
            }
        }
    }
}

/// An author's name on its own line followed by a bio that starts with the
/// surname ("Dmitri Trenin" / "Trenin was director of …"), inside or after
/// the article.
fn mark_author_blocks(lines: &[&str], kinds: &mut [Option<BoilerplateKind>]) {
    for i in 0..lines.len().saturating_sub(1) {
        let name: Vec<&str> = lines[i].split_whitespace().collect();
        let looks_like_name = (2..=4).contains(&name.len())
            && name.iter().all(|w| {
                w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(|c| c.is_alphabetic() || "-.'’".contains(c))
            })
            && !name.iter().all(|w| w.chars().all(|c| !c.is_lowercase()));
        let surname = name.last().copied().unwrap_or("");
        let bio = lines[i + 1];
        let rest = bio.strip_prefix(surname).unwrap_or("");
        let is_bio = !surname.is_empty()
            && ["is ", "was ", "has ", "writes", "served", "’s ", "'s "]
                .iter()
                .any(|v| rest.trim_start().starts_with(v) || rest.starts_with(v));
        if looks_like_name && is_bio && word_count(bio) <= 80 {
            kinds[i] = Some(BoilerplateKind::Byline);
            kinds[i + 1] = Some(BoilerplateKind::AuthorBio);
        }
    }
}

/// How many of the last body paragraphs may be an author's bio.
const BIO_REACH: usize = 3;

/// A bio paragraph near the end: it opens with a person's name and a bio
/// verb and speaks of the trade ("Maria Ostrander covers business for the
/// Ledger. She was the paper's bureau chief…", "Jan Li is the Post's markets editor").
fn mark_trailing_bios(lines: &[&str], kinds: &mut [Option<BoilerplateKind>]) {
    let last: Vec<usize> = (0..lines.len()).rev().filter(|&i| kinds[i].is_none()).take(BIO_REACH).collect();
    for i in last {
        if is_author_bio(lines[i]) {
            kinds[i] = Some(BoilerplateKind::AuthorBio);
        }
    }
}

/// Whether a paragraph reads like an author's bio (see [`mark_trailing_bios`]).
fn is_author_bio(line: &str) -> bool {
    const BIO_VERBS: &[&str] = &["covers", "writes", "reports", "is", "was", "has", "edits", "joined", "served"];
    const TRADE: &[&str] = &[
        "covers",
        "covered",
        "correspondent",
        "editor",
        "reporter",
        "journalist",
        "columnist",
        "bureau",
        "desk",
        "newsroom",
        "writer",
        "contributor",
        "fellow",
        "author of",
    ];
    let words: Vec<&str> = line.split_whitespace().collect();
    let name_len = words
        .iter()
        .take_while(|w| w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || "-.'’".contains(c)))
        .count();
    let opens = (2..=4).contains(&name_len) && words.get(name_len).is_some_and(|v| BIO_VERBS.contains(v));
    let lower = line.to_lowercase();
    opens && word_count(line) <= 80 && TRADE.iter().any(|t| lower.contains(t))
}

/// Trailing paragraphs in another language than the article's English (a
/// site's prompts): runs at the end with few English function words, when
/// a newsletter or cookie prompt is among them.
fn mark_foreign_tail(lines: &[&str], kinds: &mut [Option<BoilerplateKind>]) {
    let mut start = lines.len();
    while start > 0 && !is_english(lines[start - 1]) {
        start -= 1;
    }
    let tail = start..lines.len();
    if !tail.is_empty() && lines[tail.clone()].iter().any(|l| is_newsletter_prompt(&lower(l))) {
        for kind in &mut kinds[tail] {
            kind.get_or_insert(BoilerplateKind::Newsletter);
        }
    }
}

/// Whether a paragraph reads as English: several common English function
/// words, or a short line with at least one.
fn is_english(line: &str) -> bool {
    const FUNCTION_WORDS: &[&str] = &[
        "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "on", "was", "with", "as", "be", "by", "are",
        "this", "not", "have", "has", "from", "at", "or", "an", "but", "its", "their", "which", "will", "would",
    ];
    let words: Vec<String> =
        line.split_whitespace().map(|w| lower(w.trim_matches(|c: char| !c.is_alphanumeric()))).collect();
    let hits = words.iter().filter(|w| FUNCTION_WORDS.contains(&w.as_str())).count();
    // "in" or "de" alone proves nothing: Dutch, German and French have them too.
    (hits >= 2 && hits * 8 >= words.len()) || (words.len() <= 4 && hits >= 1)
}

/// Everything after a disclaimer is boilerplate too.
fn mark_disclaimer_tail(kinds: &mut [Option<BoilerplateKind>]) {
    if let Some(i) = kinds.iter().position(|k| *k == Some(BoilerplateKind::Disclaimer)) {
        for kind in &mut kinds[i..] {
            kind.get_or_insert(BoilerplateKind::Disclaimer);
        }
    }
}

/// A short last line after boilerplate, without sentence punctuation, is the
/// site's name or footer ("Anti-Empire").
fn mark_site_name_tail(lines: &[&str], kinds: &mut [Option<BoilerplateKind>]) {
    let n = lines.len();
    let after_chrome = n >= 2 && kinds[n - 2] == Some(BoilerplateKind::SiteChrome);
    if n >= 2 && (kinds[n - 1].is_none() && kinds[n - 2].is_some() || after_chrome) {
        let last = lines[n - 1].trim();
        if word_count(last) <= 4 && !last.ends_with(['.', '!', '?', '"', '”']) {
            kinds[n - 1] = Some(BoilerplateKind::SiteChrome);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::segment;
    use BoilerplateKind::*;

    fn kinds(text: &str) -> Vec<(String, Option<BoilerplateKind>)> {
        let seg = segment(text);
        let cleaned = clean(text, &seg.paragraphs);
        seg.paragraphs
            .iter()
            .map(|p| {
                let kind = cleaned.boilerplate.iter().find(|(b, _)| b.contains(*p)).map(|(_, k)| *k);
                (p.slice(text).chars().take(24).collect(), kind)
            })
            .collect()
    }

    fn kind_of(text: &str, paragraph_prefix: &str) -> Option<BoilerplateKind> {
        kinds(text).into_iter().find(|(p, _)| p.starts_with(paragraph_prefix)).unwrap().1
    }

    #[test]
    fn credits_bylines_captions_and_chrome() {
        let text = "Talks collapse\n\n0\n\nby Jane Doe\n\nThe ministers met on Monday in Brussels and disagreed.\n\n\
                    A convoy near the border. (Photo: Reuters)\n\nSource: Example Wire\n\nLeave A Reply\n\n\
                    Your email address will not be published.";
        assert_eq!(kind_of(text, "Talks"), None);
        assert_eq!(kind_of(text, "0"), Some(SiteChrome));
        assert_eq!(kind_of(text, "by Jane"), Some(Byline));
        assert_eq!(kind_of(text, "The ministers"), None);
        assert_eq!(kind_of(text, "A convoy"), Some(Caption));
        assert_eq!(kind_of(text, "Source:"), Some(Credit));
        assert_eq!(kind_of(text, "Leave"), Some(SiteChrome));
        assert_eq!(kind_of(text, "Your email"), Some(SiteChrome));
        let captions = "Strike ends\n\nDockers voted on Wednesday to end the strike.\n\n\
                    Cranes stood idle on April 10. Photo: Reuters\n\nA crowd outside the port | Photograph: Jane Doe/AP\n\n\
                    The union said: Photo: opportunities are rare, and the vote was close.";
        assert_eq!(kind_of(captions, "Cranes"), Some(Caption));
        assert_eq!(kind_of(captions, "A crowd"), Some(Caption));
        assert_eq!(kind_of(captions, "Dockers"), None);
        assert_eq!(kind_of(captions, "The union"), None);
        let headline = "Jimmy Carter, 39th U.S. president, dies at 100\n\nCarter died on Sunday.\n\n\
                        Jane Doe, senior fellow at the Example Institute, Berlin";
        assert_eq!(kind_of(headline, "Jimmy Carter"), None);
        assert_eq!(kind_of(headline, "Jane Doe"), Some(Byline));
    }

    #[test]
    fn comment_threads_run_to_the_end() {
        let text = "The ministers met on Monday and the talks failed again.\n\n12 Comments\n\nanna says\n\n\
                    This is the best piece I have read.\n\nReply To anna\n\nExample Site";
        assert_eq!(kind_of(text, "The ministers"), None);
        assert_eq!(kind_of(text, "12 Comments"), Some(Comments));
        assert_eq!(kind_of(text, "This is the best"), Some(Comments));
        assert_eq!(kind_of(text, "Reply To"), Some(SiteChrome));
        assert_eq!(kind_of(text, "Example Site"), Some(SiteChrome));
    }

    #[test]
    fn author_name_and_bio() {
        let text = "The talks failed again on Monday, officials said.\n\nJane Doe\n\n\
                    Doe was the paper’s Moscow correspondent from 2008 to 2014.\n\nMore >\n\nThe rest of the article goes on here.";
        assert_eq!(kind_of(text, "Jane Doe"), Some(Byline));
        assert_eq!(kind_of(text, "Doe was"), Some(AuthorBio));
        assert_eq!(kind_of(text, "More"), Some(SiteChrome));
        assert_eq!(kind_of(text, "The rest"), None);
    }

    #[test]
    fn contributor_lines_and_disclaimers() {
        let text = "Dr Jane Doe, Senior Fellow and former Director of the Example Institute, Germany\n\
                    The alliance has reached another low point in its relations with Moscow.\n\
                    ***\n\
                    The views expressed are those of the author and do not necessarily reflect those of the institute.\n\
                    The institute aims to encourage debate.";
        assert_eq!(kind_of(text, "Dr Jane"), Some(Byline));
        assert_eq!(kind_of(text, "The alliance"), None);
        assert_eq!(kind_of(text, "***"), Some(SiteChrome));
        assert_eq!(kind_of(text, "The views"), Some(Disclaimer));
        assert_eq!(kind_of(text, "The institute aims"), Some(Disclaimer));
    }

    #[test]
    fn prompts_in_other_languages_at_the_end() {
        let text = "The talks failed again on Monday, and the envoys went home.\n\nWöchentliches Update?\n\n\
                    Jeden Donnerstag die besten Artikel – jetzt zum Newsletter anmelden.";
        assert_eq!(kind_of(text, "The talks"), None);
        assert_eq!(kind_of(text, "Wöchentliches"), Some(Newsletter));
        assert_eq!(kind_of(text, "Jeden"), Some(Newsletter));
    }

    #[test]
    fn an_article_alone_is_all_body() {
        let text = "Headline\n\nFirst paragraph of the story.\n\nSECOND PART\n\nMore of the story here.";
        let seg = segment(text);
        let cleaned = clean(text, &seg.paragraphs);
        assert!(cleaned.boilerplate.is_empty());
        assert_eq!(cleaned.body, [Span::new(0, text.len())]);
    }
}
