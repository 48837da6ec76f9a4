//! The HTML tokenizer: start tags, end tags and text, as a browser reads them
//! (a compact version of the WHATWG tokenizer).
//!
//! Comments (`<!-- -->`, `<!-->`), CDATA sections, doctypes and processing
//! instructions yield nothing. Tag and attribute names are lower-cased;
//! quoted attribute values may hold `>`; character references are decoded in
//! text and attribute values. The content of `script`, `style`, `textarea`,
//! `title` and the other raw-text elements is read up to its own end tag only
//! (`<script>x = "</div>"</script>` is one script) once the tree builder says
//! the element holds raw text ([`Tokenizer::enter_content_of`]). A tag cut off by the end
//! of the input is dropped. Never panics: every input is some token stream.

use std::borrow::Cow;

use super::entities::decode;

/// One token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// `<name attr=value …>`.
    Start(Tag),
    /// `</name>`.
    End(String),
    /// Text, with character references decoded (raw for `script`/`style`).
    Text(Cow<'a, str>),
}

/// Most attributes kept per tag (the rest are read and dropped), so that a
/// tag with 100,000 attributes costs no quadratic duplicate checks.
const MAX_ATTRIBUTES: usize = 64;

/// A start tag.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tag {
    /// Lower-case name.
    pub name: String,
    /// Attributes in order, names lower-case, values decoded; the first of duplicates.
    pub attrs: Vec<(String, String)>,
    /// Written `<name/>`.
    pub self_closing: bool,
}

/// How the content after a start tag is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Content {
    /// Markup.
    Markup,
    /// Text up to `</name`, references decoded (`title`, `textarea`).
    Rcdata,
    /// Text up to `</name`, as written (`script`, `style`…).
    Raw,
    /// Everything to the end is text (`plaintext`).
    Plain,
}

/// Whether an HTML element named `name` holds text rather than markup
/// (`script`, `style`, `title`, `textarea`…).
pub(crate) fn holds_text(name: &str) -> bool {
    content_of(name) != Content::Markup
}

/// How the content of an element named `name` is read.
fn content_of(name: &str) -> Content {
    match name {
        "title" | "textarea" => Content::Rcdata,
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Content::Raw,
        "plaintext" => Content::Plain,
        _ => Content::Markup,
    }
}

/// Iterates over the tokens of an HTML string.
pub(crate) struct Tokenizer<'a> {
    html: &'a str,
    pos: usize,
    /// Set after a raw-text start tag: the name whose end tag ends the text.
    raw: Option<(String, Content)>,
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer at the start of `html`.
    pub(crate) fn new(html: &'a str) -> Tokenizer<'a> {
        Tokenizer { html, pos: 0, raw: None }
    }

    /// Reads what follows the start tag just returned as the content of a
    /// `name` element: as raw text for `script`, `style`, `title`… The tree
    /// builder calls this, since only it knows whether the tag is in SVG or
    /// MathML, where those elements hold markup.
    pub(crate) fn enter_content_of(&mut self, name: &str) {
        let content = content_of(name);
        if content != Content::Markup {
            self.raw = Some((name.to_owned(), content));
        }
    }

    fn rest(&self) -> &'a str {
        &self.html[self.pos..]
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.html.as_bytes().get(at).copied()
    }

    /// The text of a raw-text element, up to (not including) its end tag.
    fn raw_text(&mut self, name: &str, content: Content) -> Option<Token<'a>> {
        let rest = self.rest();
        let end = if content == Content::Plain { rest.len() } else { find_end_tag(rest, name) };
        self.pos += end;
        let text = &rest[..end];
        match (text.is_empty(), content) {
            (true, _) => None,
            (false, Content::Rcdata) => Some(Token::Text(decode(text, false))),
            (false, _) => Some(Token::Text(Cow::Borrowed(text))),
        }
    }

    /// Reads markup at `self.pos` (a `<`): a tag, or `None` after skipping a
    /// comment or declaration. A `<` that opens nothing is text.
    fn markup(&mut self) -> Option<Token<'a>> {
        let start = self.pos;
        match self.byte(start + 1) {
            Some(b) if b.is_ascii_alphabetic() => {
                self.pos += 1;
                self.tag().map(Token::Start)
            }
            Some(b'/') => match self.byte(start + 2) {
                Some(b) if b.is_ascii_alphabetic() => {
                    self.pos += 2;
                    self.tag().map(|tag| Token::End(tag.name))
                }
                Some(b'>') => {
                    self.pos += 3;
                    None
                }
                _ => {
                    self.skip_to_after(">", start + 2);
                    None
                }
            },
            Some(b'!') => {
                let rest = &self.html[start + 2..];
                if rest.starts_with("--") {
                    // `<!-->` and `<!--->` close at once.
                    let body = start + 4;
                    if self.html[body..].starts_with('>') {
                        self.pos = body + 1;
                    } else if self.html[body..].starts_with("->") {
                        self.pos = body + 2;
                    } else {
                        self.skip_to_after("-->", body);
                    }
                } else if rest.starts_with("[CDATA[") {
                    self.skip_to_after("]]>", start + 9);
                } else {
                    self.skip_to_after(">", start + 2);
                }
                None
            }
            Some(b'?') => {
                self.skip_to_after(">", start + 2);
                None
            }
            _ => {
                self.pos += 1;
                Some(Token::Text(Cow::Borrowed("<")))
            }
        }
    }

    /// Moves past the next `needle` at or after `from`, or to the end.
    fn skip_to_after(&mut self, needle: &str, from: usize) {
        let from = from.min(self.html.len());
        self.pos = self.html[from..].find(needle).map_or(self.html.len(), |i| from + i + needle.len());
    }

    /// Reads a tag from its name (just after `<` or `</`) to its `>`. `None`
    /// when the input ends first (the tag is dropped, as browsers do).
    fn tag(&mut self) -> Option<Tag> {
        let bytes = self.html.as_bytes();
        let name_end = self.pos + bytes[self.pos..].iter().take_while(|&&b| !is_tag_break(b)).count();
        let mut tag = Tag { name: lower(&self.html[self.pos..name_end]), ..Tag::default() };
        self.pos = name_end;
        loop {
            let Some(&b) = bytes.get(self.pos) else {
                self.pos = self.html.len();
                return None;
            };
            match b {
                b'>' => {
                    self.pos += 1;
                    return Some(tag);
                }
                b'/' => {
                    self.pos += 1;
                    tag.self_closing = self.byte(self.pos) == Some(b'>');
                }
                b if is_space(b) => self.pos += 1,
                _ => {
                    tag.self_closing = false;
                    let (name, value) = self.attribute()?;
                    if tag.attrs.len() < MAX_ATTRIBUTES && !tag.attrs.iter().any(|(n, _)| *n == name) {
                        tag.attrs.push((name, value));
                    }
                }
            }
        }
    }

    /// Reads one attribute: a name, then optionally `=` and a value.
    fn attribute(&mut self) -> Option<(String, String)> {
        let bytes = self.html.as_bytes();
        let start = self.pos;
        // The first character may be `=` (`<a =x>` has an attribute named "=x").
        let mut end = start + 1;
        while end < bytes.len() && !is_tag_break(bytes[end]) && bytes[end] != b'=' {
            end += 1;
        }
        let name = lower(&self.html[start..end.min(bytes.len())]);
        let mut at = end;
        while at < bytes.len() && is_space(bytes[at]) {
            at += 1;
        }
        if bytes.get(at) != Some(&b'=') {
            self.pos = end.min(bytes.len());
            return Some((name, String::new()));
        }
        at += 1;
        while at < bytes.len() && is_space(bytes[at]) {
            at += 1;
        }
        let value = match bytes.get(at) {
            Some(&quote @ (b'"' | b'\'')) => {
                let close = self.html[at + 1..].find(quote as char);
                let Some(close) = close else {
                    self.pos = self.html.len();
                    return None;
                };
                self.pos = at + 2 + close;
                &self.html[at + 1..at + 1 + close]
            }
            _ => {
                let len = bytes[at..].iter().take_while(|&&b| !is_space(b) && b != b'>').count();
                self.pos = at + len;
                &self.html[at..at + len]
            }
        };
        Some((name, decode(value, true).into_owned()))
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if let Some((name, content)) = self.raw.take() {
                if let Some(text) = self.raw_text(&name, content) {
                    return Some(text);
                }
            }
            let rest = self.rest();
            if rest.is_empty() {
                return None;
            }
            if rest.starts_with('<') {
                if let Some(token) = self.markup() {
                    return Some(token);
                }
                continue;
            }
            // Text up to the next `<` (at least one byte, so the loop moves on).
            let len = memchr::memchr(b'<', rest.as_bytes()).unwrap_or(rest.len());
            self.pos += len;
            let text = &rest[..len];
            return Some(Token::Text(if text.contains('\0') {
                Cow::Owned(decode(&text.replace('\0', ""), false).into_owned())
            } else {
                decode(text, false)
            }));
        }
    }
}

/// Where the end tag `</name` (followed by a space, `/` or `>`, any case)
/// starts in `text`, or its length.
fn find_end_tag(text: &str, name: &str) -> usize {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&bytes[from..], b"</") {
        let at = from + i;
        let after = at + 2 + name.len();
        if bytes.len() >= after
            && bytes[at + 2..after].eq_ignore_ascii_case(name.as_bytes())
            && bytes.get(after).is_none_or(|&b| is_space(b) || b == b'/' || b == b'>')
        {
            return at;
        }
        from = at + 2;
    }
    text.len()
}

/// HTML whitespace: space, tab, LF, FF, CR.
pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0C' | b'\r')
}

/// A byte that ends a tag or attribute name.
fn is_tag_break(b: u8) -> bool {
    is_space(b) || b == b'/' || b == b'>'
}

/// ASCII lower-case copy (HTML names are ASCII-case-insensitive).
fn lower(name: &str) -> String {
    name.to_ascii_lowercase()
}
