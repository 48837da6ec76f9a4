//! What a page says about its article: title, publication date, site name.
//!
//! - Title: `og:title`, else the article's first `<h1>` (else the page's
//!   first kept one), else `<title>` without a trailing " | Site" or " - Site".
//! - Publication date, the first of: `<meta property="article:published_time">`;
//!   JSON-LD `datePublished` (an `…Article` or blog post first, `@graph` and
//!   nested objects searched); `itemprop="datePublished"`; `<meta name>` `date`,
//!   `pubdate`, `publish-date`, `parsely-pub-date`, `dc.date`, `DC.date.issued`
//!   and kin; the article's first `<time datetime>`. Structured data comes
//!   before `<time>`, which may also date an update or an event in the text.
//!   Only values that start with an ISO 8601 date count; the date is kept as
//!   the page wrote it (its own day, whatever the time zone).
//! - Source: `og:site_name`, else the JSON-LD publisher's name.

use serde_json::Value;

use super::content::Content;
use super::dom::{one_of, Dom};
use super::text::one_line;
use crate::time::calendar::CalendarDate;

/// `<meta name>` values that hold a publication date (compared lower-case).
const DATE_NAMES: &str = "date pubdate publishdate publish-date publish_date parsely-pub-date dc.date dc.date.issued \
    dcterms.date dcterms.issued sailthru.date";

/// Separators between a page title and the site's name.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " · ", " :: ", " » "];

/// Deepest JSON-LD nesting searched.
const MAX_LD_DEPTH: usize = 8;

/// The page's metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Meta {
    pub(crate) title: Option<String>,
    /// An ISO date, `YYYY-MM-DD`.
    pub(crate) published: Option<String>,
    pub(crate) source: Option<String>,
}

/// Reads the metadata of a page whose article is `content`.
pub(crate) fn read(dom: &Dom, content: &Content) -> Meta {
    let metas = metas(dom);
    let meta = |keys: &[&str]| {
        metas.iter().find(|(key, _)| keys.contains(&key.as_str())).map(|(_, v)| v.clone()).filter(|v| !v.is_empty())
    };
    let ld = linked_data(dom);
    let source = meta(&["og:site_name"]).or(ld.publisher);
    let title = meta(&["og:title"])
        .map(|t| collapse(&t))
        .or_else(|| heading(dom, content))
        .or_else(|| page_title(dom, source.as_deref()))
        .filter(|t| !t.is_empty());
    let published = [
        meta(&["article:published_time"]),
        ld.published,
        item_date(dom),
        metas.iter().filter(|(key, _)| one_of(key, DATE_NAMES)).find_map(|(_, v)| iso_date(v)),
        first_time(dom, content),
    ]
    .into_iter()
    .flatten()
    .find_map(|v| iso_date(&v));
    Meta { title, published, source: source.map(|s| collapse(&s)).filter(|s| !s.is_empty()) }
}

/// `(key, content)` of every `<meta>`: the key is its `property`, `name` or
/// `itemprop`, lower-cased.
fn metas(dom: &Dom) -> Vec<(String, String)> {
    dom.elements("meta")
        .filter_map(|id| {
            let key = dom.attr(id, "property").or(dom.attr(id, "name")).or(dom.attr(id, "itemprop"))?;
            Some((key.trim().to_ascii_lowercase(), dom.attr(id, "content")?.trim().to_owned()))
        })
        .collect()
}

/// The first `<h1>` of the article, else of the page (outside removed parts).
fn heading(dom: &Dom, content: &Content) -> Option<String> {
    let h1s: Vec<usize> = dom.elements("h1").filter(|&h| !content.removed[h]).collect();
    let in_article = h1s.iter().find(|&&h| content.inside[h]);
    in_article.or(h1s.first()).map(|&h| one_line(dom, &content.removed, h)).filter(|t| !t.is_empty())
}

/// `<title>`, without the site's name after a separator.
fn page_title(dom: &Dom, site: Option<&str>) -> Option<String> {
    // Not the `<title>` of an inline SVG icon.
    let in_svg = |mut id: usize| loop {
        id = dom.nodes[id].parent;
        match dom.name(id) {
            "svg" => return true,
            "" => return false,
            _ => {}
        }
    };
    let title = collapse(&dom.raw_text(dom.elements("title").find(|&t| !in_svg(t))?));
    let cut = TITLE_SEPARATORS.iter().filter_map(|sep| title.rfind(sep).map(|i| (i, sep.len()))).max();
    let Some((at, len)) = cut else { return Some(title) };
    let (head, tail) = (&title[..at], &title[at + len..]);
    let is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail)) || tail.split_whitespace().count() <= 4;
    Some(if is_site && head.split_whitespace().count() >= 2 { head.to_owned() } else { title })
}

/// `itemprop="datePublished"`: its `content` or `datetime`, else its text.
fn item_date(dom: &Dom) -> Option<String> {
    let id = (0..dom.nodes.len()).find(|&id| {
        dom.attr(id, "itemprop").is_some_and(|v| v.split_ascii_whitespace().any(|w| w == "datePublished"))
    })?;
    Some(dom.attr(id, "content").or(dom.attr(id, "datetime")).map_or_else(|| dom.raw_text(id), str::to_owned))
}

/// The `datetime` of the first `<time>` in the article.
fn first_time(dom: &Dom, content: &Content) -> Option<String> {
    dom.elements("time")
        .filter(|&t| !content.removed[t] && content.inside[t])
        .find_map(|t| dom.attr(t, "datetime"))
        .map(str::to_owned)
}

/// The ISO date a value starts with (`2021-10-21`, `2021-10-21T09:30:00+03:00`).
fn iso_date(value: &str) -> Option<String> {
    let value = value.trim();
    let date = value.get(..10)?;
    let rest = &value[10..];
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    CalendarDate::parse_iso(date).map(|d| d.to_string())
}

/// Runs of whitespace as one space, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the JSON-LD blocks say.
#[derive(Default)]
struct LinkedData {
    published: Option<String>,
    publisher: Option<String>,
}

/// Reads the `application/ld+json` scripts (invalid ones are skipped).
fn linked_data(dom: &Dom) -> LinkedData {
    let mut found = Found::default();
    for script in dom.elements("script") {
        if !dom.attr(script, "type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) {
            continue;
        }
        if let Some(value) = parse_json(&dom.raw_text(script)) {
            search(&value, 0, &mut found);
        }
    }
    LinkedData { published: found.article_date.or(found.any_date), publisher: found.publisher }
}

/// Parses a JSON-LD block, tolerating comment or CDATA wrappers and raw
/// control characters (line breaks inside strings).
fn parse_json(text: &str) -> Option<Value> {
    let start = text.find(['{', '['])?;
    let end = text.rfind(['}', ']'])?;
    let json: String =
        text.get(start..=end)?.chars().map(|c| if c.is_control() && c != '\u{7f}' { ' ' } else { c }).collect();
    if !nesting_within(&json, MAX_JSON_NESTING) {
        return None;
    }
    json_value(&json)
}

/// Deepest nesting of arrays and objects a JSON-LD block may have: serde_json's
/// own limit, so that the wasm's reader (which has none) refuses the same blocks.
const MAX_JSON_NESTING: usize = 127;

/// Whether the arrays and objects of `json` nest at most `limit` deep
/// (brackets inside strings do not count).
fn nesting_within(json: &str, limit: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in json.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return false;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    true
}

/// A JSON text as a value, `None` if it is not JSON: `serde_json` natively.
#[cfg(not(target_arch = "wasm32"))]
fn json_value(json: &str) -> Option<Value> {
    serde_json::from_str(json).ok()
}

/// A JSON text as a value, `None` if it is not JSON: in the wasm, JavaScript's
/// `JSON.parse`, which keeps serde_json's parser out of it.
#[cfg(target_arch = "wasm32")]
fn json_value(json: &str) -> Option<Value> {
    crate::wasm::json_value(json)
}

/// Dates and publisher found so far in JSON-LD.
#[derive(Default)]
struct Found {
    /// `datePublished` of an article-typed object.
    article_date: Option<String>,
    /// `datePublished` of any object.
    any_date: Option<String>,
    publisher: Option<String>,
}

/// Searches a JSON-LD value, objects before what they contain.
fn search(value: &Value, depth: usize, found: &mut Found) {
    if depth > MAX_LD_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| search(v, depth + 1, found)),
        Value::Object(object) => {
            if let Some(date) = object.get("datePublished").and_then(first_string) {
                let slot =
                    if is_article_type(object.get("@type")) { &mut found.article_date } else { &mut found.any_date };
                slot.get_or_insert_with(|| date.to_owned());
            }
            if found.publisher.is_none() {
                found.publisher = object.get("publisher").and_then(name_of).map(str::to_owned);
            }
            for v in object.values().filter(|v| v.is_object() || v.is_array()) {
                search(v, depth + 1, found);
            }
        }
        _ => {}
    }
}

/// A string, or the first string of an array.
fn first_string(value: &Value) -> Option<&str> {
    match value {
        Value::String(s) => Some(s),
        Value::Array(items) => items.iter().find_map(Value::as_str),
        _ => None,
    }
}

/// The `name` of an object (or of the first object of an array), or a plain string.
fn name_of(value: &Value) -> Option<&str> {
    match value {
        Value::Object(o) => o.get("name").and_then(first_string),
        Value::Array(items) => items.iter().find_map(name_of),
        Value::String(s) => Some(s.as_str()),
        _ => None,
    }
    .filter(|s| !s.trim().is_empty())
}

/// Whether a JSON-LD `@type` names an article (`NewsArticle`, `BlogPosting`, `Report`…).
fn is_article_type(value: Option<&Value>) -> bool {
    let is_article = |t: &str| t.contains("Article") || t.contains("BlogPosting") || t == "Report";
    match value {
        Some(Value::String(t)) => is_article(t),
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(open: &str, close: &str, depth: usize) -> String {
        format!("{}1{}", open.repeat(depth), close.repeat(depth))
    }

    #[test]
    fn nesting_limit_is_serde_jsons() {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            for depth in [1, MAX_JSON_NESTING - 1, MAX_JSON_NESTING, MAX_JSON_NESTING + 1, 5000] {
                let json = nested(open, close, depth);
                let serde_ok = serde_json::from_str::<Value>(&json).is_ok();
                assert_eq!(nesting_within(&json, MAX_JSON_NESTING), serde_ok, "{open} × {depth}");
            }
        }
    }

    #[test]
    fn brackets_in_strings_do_not_nest() {
        let json = format!("[\"{}\\\"{}\"]", "[".repeat(300), "{".repeat(300));
        assert!(serde_json::from_str::<Value>(&json).is_ok());
        assert!(nesting_within(&json, 2));
        assert!(!nesting_within("[[[1]]]", 2));
    }

    #[test]
    fn deep_json_ld_is_skipped_not_a_crash() {
        let deep = nested("[", "]", 100_000);
        assert_eq!(parse_json(&deep), None);
        let ld = format!("{{\"datePublished\": \"2021-10-06\", \"x\": {}}}", nested("[", "]", 10));
        assert!(parse_json(&ld).is_some());
    }
}
