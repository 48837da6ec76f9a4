//! A small backtracking matcher for the subset of Python `re` syntax that
//! spaCy's English tokenizer rules use: literals, escapes (`\uXXXX`, `\d`,
//! `\w`, `\s`, `\S`), classes with ranges, groups, alternation, greedy
//! quantifiers, `^`/`$`, look-ahead and fixed-width look-behind.
//!
//! Matching follows Python's backtracking order (alternatives left to right,
//! greedy repeats longest first), so the match found is the one `re` finds.
//! Patterns work on code points (`&[char]`), as Python `str` does.

use super::features::{is_alpha, is_space};
use crate::sort;

/// A compiled pattern.
pub struct Regex {
    alts: Vec<Vec<Node>>,
    /// Every alternative starts with `^`.
    anchored: bool,
    /// Candidate alternatives by first char.
    all: Dispatch,
    /// Set when every alternative ends with `$` (see [`EndAnchored`]).
    end_anchored: Option<EndAnchored>,
    /// What each alternative's first consumed char can be.
    first: Vec<Option<Vec<Node>>>,
}

/// For patterns whose alternatives all end with `$`: a search need not try
/// alternatives of bounded width far from the end, nor those of unbounded
/// width when the text's last char cannot end them. This keeps repeated
/// suffix searches on long chunks linear.
struct EndAnchored {
    /// The longest match of any alternative of bounded width.
    bounded: usize,
    /// The alternatives of unbounded width.
    unbounded: Dispatch,
    /// Nodes one of which matches the last char of any unbounded match
    /// (`None`: unknown).
    unbounded_last: Option<Vec<Node>>,
}

/// Alternatives (indices, in order) that can start at a given char.
struct Dispatch {
    /// For each ASCII char.
    ascii: Vec<Vec<u16>>,
    /// For non-ASCII chars (to be checked further with `first`).
    non_ascii: Vec<u16>,
    /// At the end of the text: those that can match the empty string.
    empty: Vec<u16>,
}

#[derive(Clone, Debug)]
enum Node {
    Char(char),
    Set(CharSet),
    Start,
    End,
    Group(Vec<Vec<Node>>),
    Repeat { node: Box<Node>, min: usize, max: usize },
    Look { behind: bool, negate: bool, width: usize, alts: Vec<Vec<Node>> },
}

#[derive(Clone, Debug, Default)]
struct CharSet {
    negated: bool,
    ranges: Vec<(char, char)>,
    classes: Vec<Class>,
}

#[derive(Clone, Copy, Debug)]
enum Class {
    Digit(bool),
    Word(bool),
    Space(bool),
    /// `.`: anything but a newline.
    Dot,
}

impl Regex {
    /// Compiles `pattern`. Panics on syntax outside the supported subset.
    pub fn new(pattern: &str) -> Regex {
        let mut parser = Parser { chars: pattern.chars().collect(), pos: 0 };
        let alts = parser.alternation();
        assert!(parser.pos == parser.chars.len(), "regex: unbalanced ')' at {}", parser.pos);
        let anchored = alts.iter().all(|alt| matches!(alt.first(), Some(Node::Start)));
        let first: Vec<Option<Vec<Node>>> = alts.iter().map(|alt| first_nodes(alt)).collect();
        let all = Dispatch::new(&first, |_| true);
        let end_anchored = alts.iter().all(|alt| matches!(alt.last(), Some(Node::End))).then(|| {
            let widths: Vec<Option<usize>> = alts.iter().map(|alt| seq_max_width(alt)).collect();
            let bounded = widths.iter().flatten().copied().max().unwrap_or(0);
            let mut last = Vec::new();
            let known =
                alts.iter().zip(&widths).filter(|(_, w)| w.is_none()).all(|(alt, _)| collect_last(alt, &mut last));
            EndAnchored {
                bounded,
                unbounded: Dispatch::new(&first, |i| widths[i].is_none()),
                unbounded_last: known.then_some(last),
            }
        });
        Regex { alts, anchored, all, end_anchored, first }
    }

    /// Python `re.search(s)`: the leftmost match (start, end) in char indices.
    pub fn search(&self, s: &[char]) -> Option<(usize, usize)> {
        self.search_from(s, 0)
    }

    /// Python `re.match(s)`: whether the pattern matches at the start of `s`.
    pub fn matches_at_start(&self, s: &[char]) -> bool {
        self.match_at(s, 0, &self.all).is_some()
    }

    /// Python `re.finditer(s)`: successive non-overlapping matches.
    pub fn find_iter(&self, s: &[char], out: &mut Vec<(usize, usize)>) {
        out.clear();
        let mut pos = 0;
        while pos <= s.len() {
            match self.search_from(s, pos) {
                Some((a, b)) => {
                    out.push((a, b));
                    pos = if b == a { b + 1 } else { b };
                }
                None => break,
            }
        }
    }

    fn search_from(&self, s: &[char], from: usize) -> Option<(usize, usize)> {
        if self.anchored {
            return if from == 0 { self.match_at(s, 0, &self.all).map(|end| (0, end)) } else { None };
        }
        let mut from = from;
        if let Some(end) = &self.end_anchored {
            // `$` also matches before a final newline, so the last two chars
            // may end a match.
            let tail = &s[s.len().saturating_sub(2)..];
            let cannot_end = |nodes: &Vec<Node>| !tail.iter().any(|&c| nodes.iter().any(|n| n.matches_char(c)));
            if end.unbounded_last.as_ref().is_some_and(cannot_end) {
                from = from.max(s.len().saturating_sub(end.bounded + 1));
            }
        }
        (from..=s.len()).find_map(|start| {
            let dispatch = match &self.end_anchored {
                Some(end) if start + end.bounded + 1 < s.len() => &end.unbounded,
                _ => &self.all,
            };
            self.match_at(s, start, dispatch).map(|end| (start, end))
        })
    }

    /// The end of the first alternative that matches at `start`.
    fn match_at(&self, s: &[char], start: usize, dispatch: &Dispatch) -> Option<usize> {
        let c = s.get(start).copied();
        let candidates: &[u16] = match c {
            None => &dispatch.empty,
            Some(c) if c.is_ascii() => &dispatch.ascii[c as usize],
            Some(_) => &dispatch.non_ascii,
        };
        for &i in candidates {
            let i = usize::from(i);
            if let (Some(c), Some(first)) = (c, &self.first[i]) {
                if !c.is_ascii() && !first.iter().any(|n| n.matches_char(c)) {
                    continue;
                }
            }
            let mut end = None;
            if match_seq(&self.alts[i], s, start, &mut |e| {
                end = Some(e);
                true
            }) {
                return end;
            }
        }
        None
    }
}

impl Dispatch {
    /// The dispatch table over the alternatives `keep` accepts.
    fn new(first: &[Option<Vec<Node>>], keep: impl Fn(usize) -> bool) -> Dispatch {
        let mut d = Dispatch { ascii: vec![Vec::new(); 128], non_ascii: Vec::new(), empty: Vec::new() };
        for (i, f) in first.iter().enumerate().filter(|(i, _)| keep(*i)) {
            let index = u16::try_from(i).expect("fewer than 65536 alternatives");
            match f {
                None => {
                    d.empty.push(index);
                    d.non_ascii.push(index);
                    d.ascii.iter_mut().for_each(|v| v.push(index));
                }
                Some(nodes) => {
                    for (c, list) in d.ascii.iter_mut().enumerate() {
                        if nodes.iter().any(|n| n.matches_char(char::from(c as u8))) {
                            list.push(index);
                        }
                    }
                    if nodes.iter().any(Node::may_match_non_ascii) {
                        d.non_ascii.push(index);
                    }
                }
            }
        }
        d
    }
}

/// The most chars `seq` can match, if bounded.
fn seq_max_width(seq: &[Node]) -> Option<usize> {
    seq.iter().map(Node::max_width).sum()
}

/// The nodes one of which must match an alternative's first consumed char,
/// or `None` if it can match without consuming a char.
fn first_nodes(seq: &[Node]) -> Option<Vec<Node>> {
    let mut out = Vec::new();
    collect_first(seq, &mut out).then_some(out)
}

fn collect_first(seq: &[Node], out: &mut Vec<Node>) -> bool {
    for node in seq {
        match node {
            Node::Start | Node::Look { .. } => continue,
            Node::End => return false,
            Node::Char(_) | Node::Set(_) => {
                out.push(node.clone());
                return true;
            }
            Node::Group(alts) => return alts.iter().all(|alt| collect_first(alt, out)),
            Node::Repeat { node, min, .. } => return *min > 0 && collect_first(std::slice::from_ref(node), out),
        }
    }
    false
}

/// Collects the nodes one of which must match the last char `seq` consumes;
/// false if it can end without consuming one.
fn collect_last(seq: &[Node], out: &mut Vec<Node>) -> bool {
    for node in seq.iter().rev() {
        match node {
            Node::End | Node::Start | Node::Look { .. } => continue,
            Node::Char(_) | Node::Set(_) => {
                out.push(node.clone());
                return true;
            }
            Node::Group(alts) => return alts.iter().all(|alt| collect_last(alt, out)),
            Node::Repeat { node, min, .. } => return *min > 0 && collect_last(std::slice::from_ref(node), out),
        }
    }
    false
}

impl Node {
    /// Whether this single-char node matches `c`.
    fn matches_char(&self, c: char) -> bool {
        match self {
            Node::Char(x) => *x == c,
            Node::Set(set) => set.contains(c),
            _ => false,
        }
    }

    fn may_match_non_ascii(&self) -> bool {
        match self {
            Node::Char(c) => !c.is_ascii(),
            Node::Set(set) => set.negated || !set.classes.is_empty() || set.ranges.iter().any(|r| !r.1.is_ascii()),
            _ => true,
        }
    }

    /// The most chars this node can match, if bounded.
    fn max_width(&self) -> Option<usize> {
        match self {
            Node::Char(_) | Node::Set(_) => Some(1),
            Node::Start | Node::End | Node::Look { .. } => Some(0),
            Node::Group(alts) => {
                alts.iter().map(|alt| seq_max_width(alt)).collect::<Option<Vec<_>>>()?.into_iter().max()
            }
            Node::Repeat { node, max, .. } => {
                if *max == usize::MAX {
                    None
                } else {
                    node.max_width().map(|w| w * max)
                }
            }
        }
    }

    /// Number of chars matched, if fixed.
    fn width(&self) -> Option<usize> {
        match self {
            Node::Char(_) | Node::Set(_) => Some(1),
            Node::Start | Node::End | Node::Look { .. } => Some(0),
            Node::Group(alts) => alts_width(alts),
            Node::Repeat { node, min, max } => (min == max).then(|| node.width().map(|w| w * min)).flatten(),
        }
    }
}

fn alts_width(alts: &[Vec<Node>]) -> Option<usize> {
    let widths: Option<Vec<usize>> =
        alts.iter().map(|alt| alt.iter().map(Node::width).sum::<Option<usize>>()).collect();
    let widths = widths?;
    let w = *widths.first()?;
    widths.iter().all(|&x| x == w).then_some(w)
}

impl CharSet {
    fn contains(&self, c: char) -> bool {
        let in_ranges = self
            .ranges
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    std::cmp::Ordering::Less
                } else if lo > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok();
        (in_ranges || self.classes.iter().any(|class| class.contains(c))) != self.negated
    }

    fn finish(mut self) -> CharSet {
        sort::sort(&mut self.ranges);
        let mut merged: Vec<(char, char)> = Vec::with_capacity(self.ranges.len());
        for (lo, hi) in self.ranges {
            match merged.last_mut() {
                Some(last) if lo as u32 <= last.1 as u32 + 1 => last.1 = last.1.max(hi),
                _ => merged.push((lo, hi)),
            }
        }
        self.ranges = merged;
        self
    }
}

impl Class {
    fn contains(self, c: char) -> bool {
        match self {
            Class::Digit(neg) => is_decimal(c) != neg,
            Class::Word(neg) => (c == '_' || is_alpha(c) || c.is_numeric()) != neg,
            Class::Space(neg) => is_space(c) != neg,
            Class::Dot => c != '\n',
        }
    }
}

/// Python's `\d` on `str`: Unicode decimal digits (category Nd).
fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && crate::unicode::class(c) == crate::unicode::Class::Digit)
}

/// Matches `seq` at `pos`, calling `k` with each candidate end in backtracking
/// order until it returns true.
fn match_seq(seq: &[Node], s: &[char], pos: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
    let Some((node, rest)) = seq.split_first() else {
        return k(pos);
    };
    match node {
        Node::Char(_) | Node::Set(_) => pos < s.len() && node.matches_char(s[pos]) && match_seq(rest, s, pos + 1, k),
        Node::Start => pos == 0 && match_seq(rest, s, pos, k),
        Node::End => (pos == s.len() || (pos + 1 == s.len() && s[pos] == '\n')) && match_seq(rest, s, pos, k),
        Node::Group(alts) => {
            for alt in alts {
                if match_seq(alt, s, pos, &mut |p| match_seq(rest, s, p, k)) {
                    return true;
                }
            }
            false
        }
        Node::Repeat { node, min, max } => {
            if matches!(**node, Node::Char(_) | Node::Set(_)) {
                // One char per iteration: count greedily, then back off.
                let avail = s.len().saturating_sub(pos).min(*max);
                let count = s[pos.min(s.len())..].iter().take(avail).take_while(|&&c| node.matches_char(c)).count();
                (*min..=count).rev().any(|n| match_seq(rest, s, pos + n, k))
            } else {
                repeat(node, *min, *max, 0, rest, s, pos, k)
            }
        }
        Node::Look { behind, negate, width, alts } => {
            let found = if *behind {
                pos >= *width && alts.iter().any(|alt| match_seq(alt, s, pos - width, &mut |e| e == pos))
            } else {
                alts.iter().any(|alt| match_seq(alt, s, pos, &mut |_| true))
            };
            found != *negate && match_seq(rest, s, pos, k)
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn repeat(
    node: &Node,
    min: usize,
    max: usize,
    count: usize,
    rest: &[Node],
    s: &[char],
    pos: usize,
    k: &mut dyn FnMut(usize) -> bool,
) -> bool {
    if count < max
        && match_seq(std::slice::from_ref(node), s, pos, &mut |p| {
            p != pos && repeat(node, min, max, count + 1, rest, s, p, k)
        })
    {
        return true;
    }
    count >= min && match_seq(rest, s, pos, k)
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> char {
        let c = *self.chars.get(self.pos).expect("regex: unexpected end of pattern");
        self.pos += 1;
        c
    }

    fn eat(&mut self, s: &str) -> bool {
        let n = s.chars().count();
        if self.chars[self.pos..].iter().take(n).copied().eq(s.chars()) {
            self.pos += n;
            true
        } else {
            false
        }
    }

    fn alternation(&mut self) -> Vec<Vec<Node>> {
        let mut alts = vec![self.sequence()];
        while self.peek() == Some('|') {
            self.pos += 1;
            alts.push(self.sequence());
        }
        alts
    }

    fn sequence(&mut self) -> Vec<Node> {
        let mut seq = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            if let Some(atom) = self.atom() {
                let node = self.quantifier(atom);
                seq.push(node);
            }
        }
        seq
    }

    fn atom(&mut self) -> Option<Node> {
        let c = self.next();
        let node = match c {
            '(' => {
                let node = if self.eat("?:") {
                    Some(Node::Group(self.alternation()))
                } else if self.eat("?=") || self.eat("?!") {
                    let negate = self.chars[self.pos - 1] == '!';
                    Some(Node::Look { behind: false, negate, width: 0, alts: self.alternation() })
                } else if self.eat("?<=") || self.eat("?<!") {
                    let negate = self.chars[self.pos - 1] == '!';
                    let alts = self.alternation();
                    let width = alts_width(&alts).expect("regex: look-behind needs a fixed width");
                    Some(Node::Look { behind: true, negate, width, alts })
                } else if self.eat("?") {
                    while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                        self.pos += 1;
                    }
                    None
                } else {
                    Some(Node::Group(self.alternation()))
                };
                assert_eq!(self.next(), ')', "regex: missing ')'");
                return node;
            }
            '[' => Node::Set(self.class()),
            '\\' => match self.escape() {
                Item::Char(c) => Node::Char(c),
                Item::Class(class) => Node::Set(CharSet { classes: vec![class], ..CharSet::default() }),
            },
            '^' => Node::Start,
            '$' => Node::End,
            '.' => Node::Set(CharSet { classes: vec![Class::Dot], ..CharSet::default() }),
            c => Node::Char(c),
        };
        Some(node)
    }

    fn quantifier(&mut self, atom: Node) -> Node {
        let (min, max) = match self.peek() {
            Some('*') => (0, usize::MAX),
            Some('+') => (1, usize::MAX),
            Some('?') => (0, 1),
            Some('{') => match self.braces() {
                Some(bounds) => bounds,
                None => return atom,
            },
            _ => return atom,
        };
        self.pos += 1;
        assert!(!matches!(self.peek(), Some('?' | '+')), "regex: lazy or possessive quantifiers are not supported");
        Node::Repeat { node: Box::new(atom), min, max }
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}`: the bounds, leaving `pos` on the `}`.
    fn braces(&mut self) -> Option<(usize, usize)> {
        let rest: String = self.chars[self.pos + 1..].iter().take_while(|&&c| c != '}').collect();
        if self.pos + 1 + rest.chars().count() >= self.chars.len() {
            return None;
        }
        let parse = |s: &str, default| if s.is_empty() { Some(default) } else { s.parse().ok() };
        let bounds = match rest.split_once(',') {
            None => parse(&rest, usize::MAX).map(|n| (n, n))?,
            Some((a, b)) => (parse(a, 0)?, parse(b, usize::MAX)?),
        };
        self.pos += 1 + rest.chars().count();
        Some(bounds)
    }

    fn class(&mut self) -> CharSet {
        let mut set = CharSet { negated: self.eat("^"), ..CharSet::default() };
        let mut first = true;
        loop {
            let c = self.next();
            if c == ']' && !first {
                break;
            }
            first = false;
            let lo = match c {
                '\\' => match self.escape() {
                    Item::Char(c) => c,
                    Item::Class(class) => {
                        set.classes.push(class);
                        continue;
                    }
                },
                c => c,
            };
            if self.peek() == Some('-') && self.chars.get(self.pos + 1).is_some_and(|&c| c != ']') {
                self.pos += 1;
                let hi = match self.next() {
                    '\\' => match self.escape() {
                        Item::Char(c) => c,
                        Item::Class(_) => panic!("regex: class in a range"),
                    },
                    c => c,
                };
                assert!(lo <= hi, "regex: bad range {lo:?}-{hi:?}");
                set.ranges.push((lo, hi));
            } else {
                set.ranges.push((lo, lo));
            }
        }
        set.finish()
    }

    /// The escape after a backslash.
    fn escape(&mut self) -> Item {
        let c = self.next();
        let hex = |p: &mut Parser, n: usize| {
            let digits: String = (0..n).map(|_| p.next()).collect();
            let code = u32::from_str_radix(&digits, 16).expect("regex: bad hex escape");
            Item::Char(char::from_u32(code).expect("regex: bad code point"))
        };
        match c {
            'd' => Item::Class(Class::Digit(false)),
            'D' => Item::Class(Class::Digit(true)),
            'w' => Item::Class(Class::Word(false)),
            'W' => Item::Class(Class::Word(true)),
            's' => Item::Class(Class::Space(false)),
            'S' => Item::Class(Class::Space(true)),
            'u' => hex(self, 4),
            'U' => hex(self, 8),
            'x' => hex(self, 2),
            'n' => Item::Char('\n'),
            't' => Item::Char('\t'),
            'r' => Item::Char('\r'),
            'f' => Item::Char('\u{c}'),
            'v' => Item::Char('\u{b}'),
            c if c.is_ascii_alphanumeric() => panic!("regex: unsupported escape \\{c}"),
            c => Item::Char(c),
        }
    }
}

enum Item {
    Char(char),
    Class(Class),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn search_follows_python() {
        let re = Regex::new(r"\.\.+$|(?<=[0-9])(?:km|m)$|'s$|(?<=[a-z])\.$");
        assert_eq!(re.search(&chars("10km")), Some((2, 4)));
        assert_eq!(re.search(&chars("Biden's")), Some((5, 7)));
        assert_eq!(re.search(&chars("wait...")), Some((4, 7)));
        assert_eq!(re.search(&chars("end.")), Some((3, 4)));
        assert_eq!(re.search(&chars("U.S")), None);
        let prefix = Regex::new(r"^…|^……|^\+(?![0-9])|^US\$|^\$");
        assert_eq!(prefix.search(&chars("……")), Some((0, 1)));
        assert_eq!(prefix.search(&chars("+5")), None);
        assert_eq!(prefix.search(&chars("US$5")), Some((0, 3)));
    }

    #[test]
    fn classes_ranges_and_repeats() {
        let re = Regex::new(r"(?<=[0-9])[+\-\*^](?=[0-9-])|(?<=[a-z]),(?=[a-z])");
        let mut out = Vec::new();
        re.find_iter(&chars("51-50,5,a,b"), &mut out);
        assert_eq!(out, [(2, 3), (9, 10)]);
        re.find_iter(&chars("x,y,z"), &mut out);
        assert_eq!(out, [(1, 2), (3, 4)]);
        let url = Regex::new(r"(?u)^(?:[\w\+\-\.]{2,}://)?(?:[a-z0-9]+\.)+[a-z]{2,63}(?::\d{2,5})?(?:[/?#]\S*)?$");
        assert!(url.matches_at_start(&chars("https://example.com/a?b=c")));
        assert!(url.matches_at_start(&chars("bbc.co.uk")));
        assert!(!url.matches_at_start(&chars("hello")));
    }
}
