//! Which part of a page is the article, and what inside it is not (after
//! Mozilla Readability).
//!
//! First, page furniture is left out everywhere: scripts, styles, templates,
//! SVG, frames, forms and buttons, `nav` and `aside`, `header`/`footer`
//! outside the article, hidden elements (`hidden`, `aria-hidden="true"`,
//! inline `display:none`), landmark roles of the site around the article, and
//! containers whose class or id says comments, share bar, cookie banner,
//! related links, newsletter or advert. Then the article is the best
//! `<article>`, else `[itemprop=articleBody]`, else `<main>`, provided it holds
//! the page's main text; else the container with the most paragraph text and
//! the lowest link density (with sibling blocks that continue it). Inside it,
//! blocks that are mostly links (related-story lists, tag clouds) are left out.

use super::dom::{one_of, Data, Dom, INLINE, ROOT, VOID};

/// Elements never part of the article's text (the hidden ones of browsers'
/// default style sheet, embedded content, controls, and site furniture).
const DROPPED: &str =
    "head title script style noscript template datalist rp svg math iframe frame frameset object embed canvas \
    audio video map nav aside form button select input textarea option dialog menu noembed noframes";

/// Roles of the site around an article.
const DROPPED_ROLES: &str = "navigation complementary dialog alertdialog menu menubar search toolbar tooltip";

/// Class or id words of boilerplate containers (Readability's "unlikely candidates", plus a few).
const UNLIKELY: &str = "-ad- ad-break adbox advert agegate banner breadcrumb combx comment community consent cookie \
    cover-wrap disqus extra footer gdpr header legends masthead menu modal newsletter outbrain pager \
    pagination paywall-prompt popup promo related remark replies rss share sharing shoutbox sidebar \
    skip-link skyscraper social sponsor subscribe supplemental taboola toolbar widget yom-remote";

/// Class or id words that keep a container even when it also matches [`UNLIKELY`].
const MAYBE: &str = "and article body column content main shadow story";

/// Elements the class test never removes (text blocks and the article landmarks).
const KEPT: &str = "html body article main p h1 h2 h3 h4 h5 h6 a li table tbody thead tr td th pre code blockquote \
    figcaption time b i em strong";

/// Class or id words that raise or lower a container's score.
const POSITIVE: &str = "article body content entry main page post text blog story";
const NEGATIVE: &str =
    "comment meta footer footnote masthead media promo related scroll shoutbox sidebar sponsor shopping \
    tags tool widget hidden byline-list";

/// Shortest paragraph, in characters, that counts towards its container's score.
const MIN_PARAGRAPH_CHARS: usize = 25;

/// The article's part of a page.
#[derive(Clone, Debug)]
pub(crate) struct Content {
    /// Per node: left out of the article's text (with everything inside it).
    pub(crate) removed: Vec<bool>,
    /// The elements whose text is the article, in document order.
    pub(crate) roots: Vec<usize>,
    /// Per node: one of `roots` or inside one.
    pub(crate) inside: Vec<bool>,
}

/// Per-node text measures (characters other than whitespace, of kept nodes).
struct Measures {
    text: Vec<usize>,
    links: Vec<usize>,
    commas: Vec<usize>,
    /// Whether a kept block element is among the children.
    block_child: Vec<bool>,
}

impl Measures {
    fn link_density(&self, id: usize) -> f64 {
        if self.text[id] == 0 {
            0.0
        } else {
            self.links[id] as f64 / self.text[id] as f64
        }
    }
}

/// Finds the article in a page.
pub(crate) fn select(dom: &Dom) -> Content {
    let mut removed = furniture(dom);
    let measures = measure(dom, &removed);
    let scores = score(dom, &removed, &measures);
    let best = scores.iter().enumerate().filter(|(_, s)| **s > 0.0).max_by(|a, b| a.1.total_cmp(b.1)).map(|(i, _)| i);
    let best_roots = best.map(|b| with_siblings(dom, &removed, &measures, &scores, b));
    let best_text = best_roots.as_ref().map_or(0, |roots| roots.iter().map(|&r| measures.text[r]).sum());
    let landmark = [is_article as fn(&Dom, usize) -> bool, is_article_body, |dom, id| dom.name(id) == "main"]
        .iter()
        .find_map(|is_kind| {
            let own = |id: usize| measures.text[id].saturating_sub(measures.links[id]);
            let e = (1..dom.nodes.len()).filter(|&id| !removed[id] && is_kind(dom, id)).max_by_key(|&id| own(id))?;
            let holds_best = best.is_some_and(|b| dom.contains(e, b));
            (own(e) > 0 && (holds_best || 2 * own(e) >= best_text)).then_some(e)
        });
    let roots = match (landmark, best_roots) {
        (Some(e), _) => vec![e],
        (None, Some(roots)) => roots,
        (None, None) => vec![dom.elements("body").find(|&b| !removed[b]).unwrap_or(ROOT)],
    };
    let mut inside = vec![false; dom.nodes.len()];
    for &root in &roots {
        inside[root] = true;
    }
    for id in 1..dom.nodes.len() {
        inside[id] |= inside[dom.nodes[id].parent];
    }
    drop_link_blocks(dom, &mut removed, &measures, &inside);
    Content { removed, roots, inside }
}

fn is_article(dom: &Dom, id: usize) -> bool {
    dom.name(id) == "article"
}

fn is_article_body(dom: &Dom, id: usize) -> bool {
    dom.attr(id, "itemprop").is_some_and(|v| v.split_ascii_whitespace().any(|w| w.eq_ignore_ascii_case("articleBody")))
}

/// Whether node `id` is the article or a landmark holding it.
fn is_landmark(dom: &Dom, id: usize) -> bool {
    is_article(dom, id) || is_article_body(dom, id) || dom.name(id) == "main"
}

/// Page furniture (see the module doc), per node; nodes inside it are marked too.
fn furniture(dom: &Dom) -> Vec<bool> {
    let n = dom.nodes.len();
    // Containers of a landmark are never removed for their class or id.
    let mut holds_landmark = vec![false; n];
    for id in (1..n).rev() {
        if holds_landmark[id] || is_landmark(dom, id) {
            holds_landmark[dom.nodes[id].parent] = true;
        }
    }
    let mut in_article = vec![false; n];
    let mut removed = vec![false; n];
    for id in 1..n {
        let parent = dom.nodes[id].parent;
        in_article[id] = in_article[parent] || is_landmark(dom, parent);
        removed[id] =
            removed[parent] || is_furniture(dom, id, in_article[id], holds_landmark[id] || is_landmark(dom, id));
    }
    removed
}

/// Whether element `id` is page furniture by itself.
fn is_furniture(dom: &Dom, id: usize, in_article: bool, landmark: bool) -> bool {
    let Data::Element(e) = &dom.nodes[id].data else { return false };
    let name = e.name.as_str();
    if one_of(name, DROPPED) || ((name == "header" || name == "footer") && !in_article) {
        return true;
    }
    let attr = |key: &str| e.attrs.iter().find(|(n, _)| n == key).map(|(_, v)| v.as_str());
    if attr("hidden").is_some() || attr("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return true;
    }
    if let Some(style) = attr("style") {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    if let Some(role) = attr("role") {
        let role = role.trim().to_ascii_lowercase();
        if one_of(&role, DROPPED_ROLES) || (matches!(role.as_str(), "banner" | "contentinfo") && !in_article) {
            return true;
        }
    }
    // An article's own header and footer (headline, byline, "Reporting by")
    // stay whatever their class; links-only footers go with the link blocks.
    if landmark || one_of(name, KEPT) || ((name == "header" || name == "footer") && in_article) {
        return false;
    }
    let words = class_and_id(dom, id);
    has_word_part(&words, UNLIKELY) && !has_word_part(&words, MAYBE)
}

/// Whether `words` contains one of the space-separated `parts` (as a substring:
/// "comment" is in "article-comments").
fn has_word_part(words: &str, parts: &str) -> bool {
    !words.is_empty() && parts.split(' ').any(|p| words.contains(p))
}

/// The class and id of element `id`, lower-cased, space-separated.
fn class_and_id(dom: &Dom, id: usize) -> String {
    let class = dom.attr(id, "class").unwrap_or("");
    let ident = dom.attr(id, "id").unwrap_or("");
    if class.is_empty() && ident.is_empty() {
        return String::new();
    }
    format!("{class} {ident}").to_ascii_lowercase()
}

/// Text measures of every kept node, bottom-up (children come after parents).
fn measure(dom: &Dom, removed: &[bool]) -> Measures {
    let n = dom.nodes.len();
    let mut m = Measures { text: vec![0; n], links: vec![0; n], commas: vec![0; n], block_child: vec![false; n] };
    for id in (1..n).rev() {
        if removed[id] {
            continue;
        }
        match &dom.nodes[id].data {
            Data::Text(t) => {
                m.text[id] = t.chars().filter(|c| !c.is_whitespace()).count();
                m.commas[id] = t.matches([',', '،', '、', '，']).count();
            }
            Data::Element(e) => {
                if e.name == "a" {
                    m.links[id] = m.text[id];
                }
                if !one_of(&e.name, INLINE) && !one_of(&e.name, VOID) {
                    m.block_child[dom.nodes[id].parent] = true;
                }
            }
            Data::Root => {}
        }
        let parent = dom.nodes[id].parent;
        m.text[parent] += m.text[id];
        m.links[parent] += m.links[id];
        m.commas[parent] += m.commas[id];
    }
    m
}

/// Readability's scores: each paragraph gives its container points for its
/// length and commas, half as many to the next container up and a sixth to
/// the one above; a container's score is then scaled by its share of non-link text.
fn score(dom: &Dom, removed: &[bool], m: &Measures) -> Vec<f64> {
    let n = dom.nodes.len();
    let mut scores = vec![0.0; n];
    let mut scored = vec![false; n];
    for (id, _) in removed.iter().enumerate().skip(1).filter(|(_, removed)| !**removed) {
        if !is_paragraph(dom, id, m) || m.text[id] < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let points = 1.0 + m.commas[id] as f64 + (m.text[id] as f64 / 100.0).min(3.0);
        let mut ancestor = dom.nodes[id].parent;
        for divider in [1.0, 2.0, 6.0] {
            if ancestor == ROOT {
                break;
            }
            if !scored[ancestor] {
                scored[ancestor] = true;
                scores[ancestor] = initial_score(dom, ancestor);
            }
            scores[ancestor] += points / divider;
            ancestor = dom.nodes[ancestor].parent;
        }
    }
    for id in 0..n {
        if scored[id] {
            scores[id] *= 1.0 - m.link_density(id);
        }
    }
    scores
}

/// A block of text: `p`, `pre`, `td`, or a `div`/`section` holding no blocks.
fn is_paragraph(dom: &Dom, id: usize, m: &Measures) -> bool {
    match dom.name(id) {
        "p" | "pre" | "td" => true,
        "div" | "section" => !m.block_child[id],
        _ => false,
    }
}

/// A container's starting score: by tag and by class and id words.
fn initial_score(dom: &Dom, id: usize) -> f64 {
    let by_tag = match dom.name(id) {
        "div" | "article" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let words = class_and_id(dom, id);
    let weight = |list: &str| if has_word_part(&words, list) { 25.0 } else { 0.0 };
    by_tag + weight(POSITIVE) - weight(NEGATIVE)
}

/// The best container and the sibling blocks that continue it (text split
/// across several containers), in document order.
fn with_siblings(dom: &Dom, removed: &[bool], m: &Measures, scores: &[f64], best: usize) -> Vec<usize> {
    let parent = dom.nodes[best].parent;
    if parent == ROOT {
        return vec![best];
    }
    let threshold = (scores[best] * 0.2).max(10.0);
    dom.nodes[parent]
        .children
        .iter()
        .copied()
        .filter(|&s| {
            if s == best {
                return true;
            }
            if removed[s] || !matches!(dom.nodes[s].data, Data::Element(_)) {
                return false;
            }
            let density = m.link_density(s);
            scores[s] >= threshold
                || (dom.name(s) == "p" && m.text[s] > 80 && density < 0.25)
                || (dom.name(s) == "p" && m.text[s] > 0 && density == 0.0 && ends_sentence(dom, s))
        })
        .collect()
}

/// Whether the text of a short paragraph ends like a sentence.
fn ends_sentence(dom: &Dom, id: usize) -> bool {
    dom.raw_text(id).trim_end().ends_with(['.', '!', '?', '"', '”'])
}

/// Leaves out blocks inside the article that are mostly links (related
/// stories, tag lists).
fn drop_link_blocks(dom: &Dom, removed: &mut [bool], m: &Measures, inside: &[bool]) {
    for id in 1..dom.nodes.len() {
        let parent = dom.nodes[id].parent;
        // Roots are inside and their parent is not; they stay.
        if removed[id] || (inside[id] && !inside[parent]) {
            continue;
        }
        if removed[parent] {
            removed[id] = true;
            continue;
        }
        let block =
            matches!(dom.name(id), "div" | "section" | "ul" | "ol" | "dl" | "table" | "figure" | "header" | "footer");
        if block && inside[id] && m.text[id] > 0 && m.link_density(id) > 0.5 {
            removed[id] = true;
        }
    }
}
