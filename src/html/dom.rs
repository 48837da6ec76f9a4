//! The document tree, built from the tokens as browsers build it for ordinary
//! pages: void elements, implied end tags (`<p>a<p>b`, `<li>`, table cells),
//! stray and misnested end tags, `<script/>`, SVG and MathML.
//!
//! A compact tree builder, not the full WHATWG algorithm: misnested inline
//! tags (`<b><p>x</b>y`) keep the text in its paragraph instead of being
//! re-parented, which changes no text. Nodes are stored in document order
//! (a parent's index is below its children's), so passes over the tree need
//! no recursion. Nesting deeper than [`MAX_DEPTH`] is flattened.

use super::tokenizer::{holds_text, Tag, Token, Tokenizer};

/// The index of the document node.
pub(crate) const ROOT: usize = 0;

/// Deepest nesting kept; deeper elements get no children (their content goes to
/// the element at this depth), so the tree walks stay shallow on hostile input.
const MAX_DEPTH: usize = 256;

/// Elements that never have content.
pub(crate) const VOID: &str =
    "area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr";

/// Start tags that close an open `<p>`.
const CLOSES_P: &str =
    "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer \
    form h1 h2 h3 h4 h5 h6 header hgroup hr li listing main menu nav ol p plaintext pre section summary \
    table ul dd dt";

/// Elements that stop the search for an element to close ("scope").
const SCOPE: &str = "applet caption html table td th marquee object template svg math";

/// Elements whose end tag only closes them when no block element is open inside them.
pub(crate) const INLINE: &str =
    "a abbr b bdi bdo big cite code data dfn em font i kbd label mark nobr q rp rt ruby s samp small span \
    strike strong sub sup time tt u var";

/// The parts of a table, whose end tags may close open cells.
const TABLE_PARTS: &str = "table caption thead tbody tfoot tr td th";

/// HTML start tags that end SVG or MathML content.
const BREAKOUT: &str = "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li \
    listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var";

/// Elements that belong in `<head>`; any other start tag closes it.
const HEAD: &str = "base basefont bgsound link meta noscript script style template title";

/// Whether `name` is one of the space-separated words of `list`.
pub(crate) fn one_of(name: &str, list: &str) -> bool {
    list.split(' ').any(|w| w == name)
}

/// A parsed page.
#[derive(Clone, Debug)]
pub(crate) struct Dom {
    /// All nodes in document order; [`ROOT`] first.
    pub(crate) nodes: Vec<Node>,
}

/// One node of the tree.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    /// Index of the parent ([`ROOT`] for the root itself).
    pub(crate) parent: usize,
    /// Indexes of the children, in order.
    pub(crate) children: Vec<usize>,
    /// What the node is.
    pub(crate) data: Data,
}

/// What a node is.
#[derive(Clone, Debug)]
pub(crate) enum Data {
    /// The document.
    Root,
    /// An element.
    Element(Element),
    /// Text, references decoded (as written inside `script` and `style`).
    Text(String),
}

/// An element.
#[derive(Clone, Debug)]
pub(crate) struct Element {
    /// Lower-case tag name.
    pub(crate) name: String,
    /// Attributes, names lower-case, values decoded.
    pub(crate) attrs: Vec<(String, String)>,
}

impl Dom {
    /// The tag name of node `id`, or "" for text and the root.
    pub(crate) fn name(&self, id: usize) -> &str {
        match &self.nodes[id].data {
            Data::Element(e) => &e.name,
            _ => "",
        }
    }

    /// The value of attribute `name` of node `id`.
    pub(crate) fn attr(&self, id: usize, name: &str) -> Option<&str> {
        match &self.nodes[id].data {
            Data::Element(e) => e.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// Whether `ancestor` is `id` or one of its ancestors.
    pub(crate) fn contains(&self, ancestor: usize, mut id: usize) -> bool {
        loop {
            if id == ancestor {
                return true;
            }
            if id == ROOT {
                return false;
            }
            id = self.nodes[id].parent;
        }
    }

    /// The elements named `name`, in document order.
    pub(crate) fn elements<'d>(&'d self, name: &'d str) -> impl Iterator<Item = usize> + 'd {
        (0..self.nodes.len()).filter(move |&id| self.name(id) == name)
    }

    /// The text of node `id` and its descendants, concatenated as written.
    pub(crate) fn raw_text(&self, id: usize) -> String {
        let mut out = String::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            match &self.nodes[n].data {
                Data::Text(t) => out.push_str(t),
                _ => stack.extend(self.nodes[n].children.iter().rev()),
            }
        }
        out
    }
}

/// Parses `html` into a tree. Total: any string is some tree.
pub(crate) fn parse(html: &str) -> Dom {
    let mut builder = Builder {
        dom: Dom { nodes: vec![Node { parent: ROOT, children: Vec::new(), data: Data::Root }] },
        open: vec![],
    };
    let mut tokens = Tokenizer::new(html);
    while let Some(token) = tokens.next() {
        match token {
            Token::Start(tag) => {
                if let Some(name) = builder.start(tag) {
                    tokens.enter_content_of(&name);
                }
            }
            Token::End(name) => builder.end(&name),
            Token::Text(text) => builder.text(&text),
        }
    }
    builder.dom
}

/// The tree under construction and its open elements.
struct Builder {
    dom: Dom,
    /// Open elements, outermost first (the root is implicit).
    open: Vec<usize>,
}

impl Builder {
    /// The node new content goes into.
    fn current(&self) -> usize {
        self.open.last().copied().unwrap_or(ROOT)
    }

    fn current_name(&self) -> &str {
        self.dom.name(self.current())
    }

    /// Appends a node to the current node.
    fn append(&mut self, data: Data) -> usize {
        let parent = self.current();
        let id = self.dom.nodes.len();
        self.dom.nodes.push(Node { parent, children: Vec::new(), data });
        self.dom.nodes[parent].children.push(id);
        id
    }

    fn is_open(&self, name: &str) -> bool {
        self.open.iter().any(|&id| self.dom.name(id) == name)
    }

    /// Whether the current node is inside SVG or MathML (and not in an HTML island).
    fn in_foreign(&self) -> bool {
        for &id in self.open.iter().rev() {
            match self.dom.name(id) {
                "svg" | "math" => return true,
                "foreignobject" | "annotation-xml" => return false,
                _ => {}
            }
        }
        false
    }

    /// Closes the innermost open element named in `names`, with everything
    /// inside it, unless one of `boundaries` (or [`SCOPE`]) comes first.
    fn close_in_scope(&mut self, names: &[&str], boundaries: &[&str]) {
        for i in (0..self.open.len()).rev() {
            let name = self.dom.name(self.open[i]);
            if names.contains(&name) {
                self.open.truncate(i);
                return;
            }
            if one_of(name, SCOPE) || boundaries.contains(&name) {
                return;
            }
        }
    }

    /// Handles a start tag; returns the element's name when the tokenizer should
    /// read its content as text (an HTML `script`, `style`, `title`…).
    fn start(&mut self, tag: Tag) -> Option<String> {
        let name = tag.name.as_str();
        let mut foreign = self.in_foreign();
        if foreign && one_of(name, BREAKOUT) {
            while self.in_foreign() {
                let outer = self.open.iter().rposition(|&id| matches!(self.dom.name(id), "svg" | "math"));
                self.open.truncate(outer.unwrap_or(0));
            }
            foreign = false;
        }
        if matches!(name, "html" | "head" | "body") && self.is_open(name) {
            return None;
        }
        if self.current_name() == "head" && !one_of(name, HEAD) {
            self.open.pop();
        }
        if !foreign {
            self.close_implied(name);
        }
        let void = one_of(name, VOID) || (foreign && tag.self_closing);
        let raw = !foreign && holds_text(name);
        let id = self.append(Data::Element(Element { name: tag.name, attrs: tag.attrs }));
        if !void && (self.open.len() < MAX_DEPTH || raw) {
            self.open.push(id);
        }
        raw.then(|| self.dom.name(id).to_owned())
    }

    /// Closes the elements a start tag `name` implies the end of.
    fn close_implied(&mut self, name: &str) {
        if one_of(name, CLOSES_P) {
            self.close_in_scope(&["p"], &["button"]);
        }
        match name {
            "li" => self.close_in_scope(&["li"], &["ol", "ul"]),
            "dd" | "dt" => self.close_in_scope(&["dd", "dt"], &["dl"]),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                if matches!(self.current_name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") =>
            {
                self.open.pop();
            }
            "option" | "optgroup" if self.current_name() == "option" => {
                self.open.pop();
            }
            "tr" => self.close_in_scope(&["tr"], &["thead", "tbody", "tfoot"]),
            "td" | "th" => self.close_in_scope(&["td", "th"], &["tr"]),
            "thead" | "tbody" | "tfoot" => self.close_in_scope(&["thead", "tbody", "tfoot"], &[]),
            "a" | "button" | "nobr" => self.close_in_scope(&[name], &[]),
            _ => {}
        }
    }

    /// Handles an end tag: closes the innermost open element of that name and
    /// what is open inside it, if it may. Stray end tags are ignored.
    fn end(&mut self, name: &str) {
        match name {
            // Content after `</body>` still belongs to the body.
            "body" | "html" => return,
            "br" => {
                self.start(Tag { name: "br".into(), ..Tag::default() });
                return;
            }
            _ => {}
        }
        let inline = one_of(name, INLINE);
        for i in (0..self.open.len()).rev() {
            let open = self.dom.name(self.open[i]);
            if open == name {
                self.open.truncate(i);
                return;
            }
            // `<b><p>x</b>y`: the paragraph stays open.
            if inline && !one_of(open, INLINE) {
                return;
            }
            // `<td><div>…</td>` closes the div; `</div>` does not leave a cell.
            if matches!(open, "td" | "th" | "caption" | "table" | "template" | "svg" | "math")
                && !one_of(name, TABLE_PARTS)
                && !matches!(name, "svg" | "math" | "template")
            {
                return;
            }
        }
    }

    /// Appends text to the current node (merged with text just before it).
    fn text(&mut self, text: &str) {
        if self.current_name() == "head" && !text.bytes().all(super::tokenizer::is_space) {
            self.open.pop();
        }
        let current = self.current();
        if let Some(&last) = self.dom.nodes[current].children.last() {
            if let Data::Text(t) = &mut self.dom.nodes[last].data {
                t.push_str(text);
                return;
            }
        }
        self.append(Data::Text(text.to_owned()));
    }
}
