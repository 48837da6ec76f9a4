//! Elements to plain text, laid out the way the paragraph segmenter reads it
//! (see [`crate::tokenize`]): a blank line between blocks (paragraphs,
//! headings, list items, table rows, captions), a line break for `<br>` and a
//! blank line for `<br><br>`, a tab between table cells. Inline elements join
//! their text as written (`<b>Ser</b>gei` is "Sergei"); runs of HTML
//! whitespace become one space, except inside `<pre>`; U+00A0 stays.

use super::dom::{one_of, Data, Dom};

/// Elements that start and end a paragraph.
const BLOCKS: &str =
    "address article blockquote body caption center dd details dialog dir div dl dt fieldset figcaption \
    figure footer h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main menu nav ol p plaintext \
    pre section summary table tbody tfoot thead tr ul xmp";

/// HTML whitespace (U+00A0 is not).
const HTML_SPACE: [char; 5] = [' ', '\t', '\n', '\r', '\x0C'];

/// What separates the next text from what was written before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Tab,
    Line,
    Paragraph,
}

/// Plain text under construction.
struct Writer {
    out: String,
    gap: Gap,
    /// Depth of `<pre>` elements (whitespace kept).
    pre: usize,
    /// Everything on one line (a title).
    one_line: bool,
}

impl Writer {
    fn new(one_line: bool) -> Writer {
        Writer { out: String::new(), gap: Gap::None, pre: 0, one_line }
    }

    fn gap(&mut self, gap: Gap) {
        self.gap = self.gap.max(gap);
    }

    /// A line break: two in a row make a paragraph break.
    fn line_break(&mut self) {
        self.gap = if self.gap >= Gap::Line { Gap::Paragraph } else { Gap::Line };
    }

    fn push(&mut self, c: char) {
        if !self.out.is_empty() {
            let separator = match (self.gap, self.one_line) {
                (Gap::None, _) => "",
                (_, true) | (Gap::Space, _) => " ",
                (Gap::Tab, _) => "\t",
                (Gap::Line, _) => "\n",
                (Gap::Paragraph, _) => "\n\n",
            };
            self.out.push_str(separator);
        }
        self.gap = Gap::None;
        self.out.push(c);
    }

    fn text(&mut self, text: &str) {
        if self.pre > 0 {
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\r' if chars.peek() == Some(&'\n') => {}
                    '\r' | '\n' => self.line_break(),
                    _ => self.push(c),
                }
            }
        } else {
            for c in text.chars() {
                if HTML_SPACE.contains(&c) {
                    self.gap(Gap::Space);
                } else {
                    self.push(c);
                }
            }
        }
    }

    /// Writes node `id` and what it holds, unless removed.
    fn node(&mut self, dom: &Dom, removed: &[bool], id: usize) {
        if removed[id] {
            return;
        }
        let node = &dom.nodes[id];
        let name = match &node.data {
            Data::Text(t) => return self.text(t),
            Data::Root => "",
            Data::Element(e) => e.name.as_str(),
        };
        let block = one_of(name, BLOCKS);
        match name {
            "br" => self.line_break(),
            "td" | "th" => self.gap(Gap::Tab),
            _ if block => self.gap(Gap::Paragraph),
            _ => {}
        }
        if name == "pre" {
            self.pre += 1;
        }
        for &child in &node.children {
            self.node(dom, removed, child);
        }
        if name == "pre" {
            self.pre -= 1;
        }
        if block {
            self.gap(Gap::Paragraph);
        }
    }
}

/// The text of the elements `roots` and what they hold, minus `removed` nodes.
pub(crate) fn render(dom: &Dom, removed: &[bool], roots: &[usize]) -> String {
    let mut w = Writer::new(false);
    for &root in roots {
        w.gap(Gap::Paragraph);
        w.node(dom, removed, root);
    }
    // Only `<pre>` text can start or end with whitespace.
    w.out.trim_matches(HTML_SPACE).to_owned()
}

/// The text of element `id` on one line (a heading used as the title).
pub(crate) fn one_line(dom: &Dom, removed: &[bool], id: usize) -> String {
    let mut w = Writer::new(true);
    w.node(dom, removed, id);
    w.out
}
