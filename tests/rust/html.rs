//! HTML input: the article's text and the page's metadata, through
//! `html::extract` and `analyze`; hostile and malformed markup.

use dateline::analysis::{Analysis, DctBasis, Document};
use dateline::html::{extract, Page};
use dateline::{analyze, DocInput, Options};

/// The news page fixture: nav, header, share bar, article, aside, comments,
/// cookie banner, footer, JSON-LD, and scripts and styles that say "Putin".
fn news() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/html/news.html")).unwrap()
}

const NEWS_TEXT: &str = "Russia suspends its NATO mission\n\n\
By Jane Doe · 18 October 2021\n\n\
NATO headquarters in Brussels. Photo: Example Agency\n\n\
Russia will suspend its mission to NATO and close the alliance’s information office in Moscow, \
Foreign Minister Sergei Lavrov said on Monday.\n\n\
The move follows NATO’s decision on 6\u{a0}October to expel eight members of Russia’s mission, \
whom it accused of being undeclared intelligence officers.\n\n\
“NATO is not interested in an equal dialogue,” Lavrov told reporters, adding that the mission would close by \
November\u{a0}1.";

fn text(html: &str) -> String {
    extract(html).text
}

fn analyze_one(doc: DocInput) -> Analysis {
    analyze(&[doc], &Options::default()).unwrap()
}

/// Asserts that every offset of `doc` is a UTF-16 range of `text` on code
/// point boundaries, and that mentions and timexes are the text they cover.
fn check_offsets(doc: &Document, text: &str) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let slice = |start: usize, end: usize| {
        assert!(start <= end && end <= units.len(), "range {start}..{end} of {} units", units.len());
        String::from_utf16(&units[start..end]).expect("a range on code point boundaries")
    };
    for r in doc.body.iter().chain(&doc.paragraphs).chain(&doc.sentences) {
        let s = slice(r.start, r.end);
        assert_eq!(s.trim(), s, "ranges are trimmed");
    }
    for b in &doc.boilerplate {
        slice(b.start, b.end);
    }
    for m in &doc.mentions {
        assert_eq!(slice(m.start, m.end), m.text);
    }
    for t in &doc.timexes {
        assert_eq!(slice(t.start, t.end), t.text);
    }
}

// ─── the news page ─────────────────────────────────────────────────────────

#[test]
fn news_page_text_is_the_article_alone() {
    let page = extract(&news());
    assert_eq!(page.text, NEWS_TEXT);
    for word in [
        "Putin",
        "cookies",
        "Share",
        "shares",
        "Comments",
        "reader",
        "Most read",
        "rights reserved",
        "Related",
        "Search",
    ] {
        assert!(!page.text.contains(word), "{word:?} in the text");
    }
}

#[test]
fn news_page_metadata() {
    let page = extract(&news());
    assert_eq!(page.title.as_deref(), Some("Russia suspends its NATO mission"));
    // JSON-LD `@graph`: the NewsArticle's date, not a comment's.
    assert_eq!(page.published.as_deref(), Some("2021-10-18"));
    assert_eq!(page.source.as_deref(), Some("The Daily Planet"));
}

#[test]
fn analyze_a_page() {
    let a = analyze_one(DocInput { id: Some("planet".into()), ..DocInput::from_html(news()) });
    let doc = &a.documents[0];
    assert_eq!(doc.text.as_deref(), Some(NEWS_TEXT));
    assert_eq!(doc.title.as_deref(), Some("Russia suspends its NATO mission"));
    assert_eq!(doc.source.as_deref(), Some("The Daily Planet"));
    // The page's date is used like `published`.
    assert_eq!((doc.dct.value.as_deref(), doc.dct.basis), (Some("2021-10-18"), DctBasis::Given));
    check_offsets(doc, NEWS_TEXT);
    let mentions: Vec<&str> = doc.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(mentions.contains(&"Sergei Lavrov"), "{mentions:?}");
    let timexes: Vec<(&str, &str)> = doc.timexes.iter().map(|t| (t.text.as_str(), t.value.as_str())).collect();
    assert_eq!(timexes[..2], [("Monday", "2021-10-18"), ("6\u{a0}October", "2021-10-06")]);
    assert_eq!(timexes[2].0, "November\u{a0}1");
    assert!(!doc.boilerplate.is_empty(), "the byline is boilerplate");
    for event in &a.timeline {
        for s in &event.sources {
            assert!(s.end <= NEWS_TEXT.encode_utf16().count());
        }
    }
}

#[test]
fn the_text_is_serialized_only_for_html_input() {
    let a = analyze(
        &[DocInput::from_text("Plain text here."), DocInput::from_html("<p>A page here.</p>")],
        &Options::default(),
    )
    .unwrap();
    let json = serde_json::to_value(&a).unwrap();
    assert!(json["documents"][0].get("text").is_none());
    assert_eq!(json["documents"][1]["text"], "A page here.");
    let back: Analysis = serde_json::from_value(json).unwrap();
    assert_eq!(back, a);
}

#[test]
fn given_fields_win_over_the_page() {
    let doc = DocInput {
        title: Some("Given title".into()),
        published: Some("2021-10-21".into()),
        source: Some("Given source".into()),
        ..DocInput::from_html(news())
    };
    let a = analyze_one(doc);
    let doc = &a.documents[0];
    assert_eq!(doc.title.as_deref(), Some("Given title"));
    assert_eq!(doc.source.as_deref(), Some("Given source"));
    assert_eq!((doc.dct.value.as_deref(), doc.dct.basis), (Some("2021-10-21"), DctBasis::Given));
    assert_eq!(doc.timexes[0].value, "2021-10-18", "Monday before 21 October");
}

#[test]
fn the_page_date_wins_over_options_reference() {
    let options = Options { reference: Some("2022-01-01".into()), ..Options::default() };
    let a = analyze(&[DocInput::from_html(news()), DocInput::from_html("<p>No date here.</p>")], &options).unwrap();
    assert_eq!(a.documents[0].dct.value.as_deref(), Some("2021-10-18"));
    assert_eq!(a.documents[1].dct.value.as_deref(), Some("2022-01-01"));
}

#[test]
fn exactly_one_of_text_and_html() {
    let both = DocInput { text: Some("x".into()), ..DocInput::from_html("<p>x</p>") };
    let e = analyze(&[both], &Options::default()).unwrap_err().to_string();
    assert!(e.contains("both text and html") && e.contains("doc-1"), "{e}");
    let neither = DocInput { id: Some("a".into()), ..DocInput::default() };
    let e = analyze(&[neither], &Options::default()).unwrap_err().to_string();
    assert!(e.contains("neither text nor html") && e.contains("\"a\""), "{e}");
}

#[test]
fn doc_lines_accept_html() {
    let docs = dateline::parse_doc_lines(r#"{"id": "p", "html": "<h1>Title</h1><p>Body text.</p>"}"#).unwrap();
    assert_eq!(docs[0].html.as_deref(), Some("<h1>Title</h1><p>Body text.</p>"));
    let a = analyze(&docs, &Options::default()).unwrap();
    assert_eq!(a.documents[0].text.as_deref(), Some("Title\n\nBody text."));
    assert_eq!(a.documents[0].title.as_deref(), Some("Title"));
}

#[test]
fn offsets_are_utf16_into_the_extracted_text() {
    let html = "<article><h1>Talks 🇷🇺 resume</h1><p>“We met,” said Sergei Lavrov 😀 on 6&nbsp;October 2021.</p>\
                <p>NATO e\u{301}tait là on Monday.</p></article>";
    let a = analyze_one(DocInput::from_html(html));
    let doc = &a.documents[0];
    let text = doc.text.as_deref().unwrap();
    assert_eq!(
        text,
        "Talks 🇷🇺 resume\n\n“We met,” said Sergei Lavrov 😀 on 6\u{a0}October 2021.\n\nNATO e\u{301}tait là on Monday."
    );
    check_offsets(doc, text);
    assert!(doc.timexes.iter().any(|t| t.text == "6\u{a0}October 2021"));
}

// ─── metadata ──────────────────────────────────────────────────────────────

fn page(head: &str, body: &str) -> Page {
    extract(&format!("<!doctype html><html><head>{head}</head><body>{body}</body></html>"))
}

const BODY: &str = "<article><p>Envoys met in Geneva and agreed to talk again, officials said.</p></article>";

#[test]
fn titles() {
    let og = r#"<meta property="og:title" content="  OG   title "><title>Page title | Site</title>"#;
    assert_eq!(page(og, "<article><h1>Heading</h1></article>").title.as_deref(), Some("OG title"));
    let h1 = "<title>Page title | Site</title>";
    let body = "<header><h1>Site logo</h1></header><article><h1>The <i>article</i> heading</h1><p>Text.</p></article>";
    assert_eq!(page(h1, body).title.as_deref(), Some("The article heading"));
    for (title, expected) in [
        ("Russia suspends its mission | The Daily Planet", "Russia suspends its mission"),
        ("Anti-war protests spread - BBC News", "Anti-war protests spread"),
        ("Live: talks resume — Example", "Live: talks resume"),
        ("Talks | Part one | Site", "Talks | Part one"),
        ("A title without a site", "A title without a site"),
        ("Short - Site", "Short - Site"),
        ("  Spaced \n  title  ", "Spaced title"),
    ] {
        assert_eq!(page(&format!("<title>{title}</title>"), BODY).title.as_deref(), Some(expected), "{title}");
    }
    let site = r#"<title>One two - Wire Service Of The World Today</title><meta property="og:site_name" content="Wire Service Of The World Today">"#;
    assert_eq!(page(site, BODY).title.as_deref(), Some("One two"));
    assert_eq!(page("", "<p>No title anywhere.</p>").title, None);
    let svg = "<body><svg><title>Search icon</title></svg><p>Text.</p></body>";
    let page = extract(&format!("{svg}<title>Real title here | Site</title>"));
    assert_eq!((page.title.as_deref(), page.text.as_str()), (Some("Real title here"), "Text."));
}

#[test]
fn publication_dates_from_each_source() {
    let cases = [
        (r#"<meta property="article:published_time" content="2021-10-18T09:30:00Z">"#, ""),
        (r#"<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-10-18"}</script>"#, ""),
        (r#"<script type="application/ld+json">[{"@type": "WebPage"}, {"@type": "Article", "datePublished": "2021-10-18T23:59:00-05:00"}]</script>"#, ""),
        (r#"<script type="application/ld+json">{"@graph": [{"@type": "BlogPosting", "datePublished": ["2021-10-18"]}]}</script>"#, ""),
        (r#"<script type="application/ld+json">{"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", "datePublished": "2021-10-18"}}</script>"#, ""),
        // Raw line breaks inside strings and a comment wrapper, as some CMSs write them.
        ("<script type=\"application/ld+json\"><!--\n{\"@type\": \"NewsArticle\", \"headline\": \"Two\nlines\", \"datePublished\": \"2021-10-18\"}\n--></script>", ""),
        (r#"<meta name="date" content="2021-10-18">"#, ""),
        (r#"<meta name="pubdate" content="2021-10-18T10:00">"#, ""),
        (r#"<meta name="publish-date" content="2021-10-18">"#, ""),
        (r#"<meta name="parsely-pub-date" content="2021-10-18T10:00:00Z">"#, ""),
        (r#"<meta name="dc.date" content="2021-10-18">"#, ""),
        (r#"<META NAME="DC.date.issued" CONTENT="2021-10-18">"#, ""),
        (r#"<meta itemprop="datePublished" content="2021-10-18">"#, ""),
        ("", r#"<article><span itemprop="datePublished">2021-10-18</span><p>Text.</p></article>"#),
        ("", r#"<article><p>Posted <time datetime="2021-10-18T08:00:00+01:00">Monday</time>. Then <time datetime="2021-10-06">6 Oct</time>.</p></article>"#),
    ];
    for (head, body) in cases {
        let body = if body.is_empty() { BODY } else { body };
        assert_eq!(page(head, body).published.as_deref(), Some("2021-10-18"), "{head} {body}");
    }
}

#[test]
fn publication_date_order_and_unusable_values() {
    let meta = r#"<meta property="article:published_time" content="2021-10-18">"#;
    let ld = r#"<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-10-17"}</script>"#;
    let time = r#"<article><time datetime="2021-10-16">Saturday</time><p>Text.</p></article>"#;
    assert_eq!(page(&format!("{ld}{meta}"), time).published.as_deref(), Some("2021-10-18"));
    assert_eq!(page(ld, time).published.as_deref(), Some("2021-10-17"));
    assert_eq!(page("", time).published.as_deref(), Some("2021-10-16"));
    // A <time> outside the article does not date it.
    assert_eq!(page("", &format!("<aside><time datetime=\"2020-01-01\">x</time></aside>{BODY}")).published, None);
    // Values that are not ISO dates are skipped, never an error.
    for bad in ["October 18, 2021", "20211018", "2021-13-45", "2021-10-1", "", "2021-10-18999"] {
        let head = format!(r#"<meta name="date" content="{bad}">"#);
        assert_eq!(page(&head, BODY).published, None, "{bad}");
        let a = analyze_one(DocInput::from_html(format!("<html><head>{head}</head><body>{BODY}</body></html>")));
        assert_ne!(a.documents[0].dct.basis, DctBasis::Given);
    }
    let broken = r#"<script type="application/ld+json">{"datePublished": "2021-10-18",</script>"#;
    assert_eq!(page(broken, BODY).published, None);
    let fallback = format!("{broken}<meta name=\"date\" content=\"2021-10-15\">");
    assert_eq!(page(&fallback, BODY).published.as_deref(), Some("2021-10-15"));
}

#[test]
fn source_from_site_name_or_publisher() {
    let og = r#"<meta property="og:site_name" content="Planet">"#;
    assert_eq!(page(og, BODY).source.as_deref(), Some("Planet"));
    let ld = r#"<script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"name": "Planet Media"}}</script>"#;
    assert_eq!(page(ld, BODY).source.as_deref(), Some("Planet Media"));
    assert_eq!(page("", BODY).source, None);
}

// ─── text layout ───────────────────────────────────────────────────────────

#[test]
fn inline_elements_join_without_spaces() {
    assert_eq!(text("<p><b>Ser</b>gei <a href='/x'>Lav</a><i>rov</i>’s <em>talk</em></p>"), "Sergei Lavrov’s talk");
    assert_eq!(text("<p>U.<abbr>S.</abbr> <span>and</span>\n<span>EU</span></p>"), "U.S. and EU");
    assert_eq!(text("<p>a<img src=x alt='picture'>b<wbr>c</p>"), "abc");
}

#[test]
fn blocks_become_paragraphs_and_lines() {
    let html = "<body><h1>Heading</h1><p>First   paragraph\n spans\tlines.</p><div>A div</div>\
                <ul><li>One</li><li>Two</li></ul><blockquote>Quote</blockquote>\
                <p>Line one<br>line two<br><br>new paragraph</p><h2>Sub</h2>text after</body>";
    assert_eq!(
        text(html),
        "Heading\n\nFirst paragraph spans lines.\n\nA div\n\nOne\n\nTwo\n\nQuote\n\nLine one\nline two\n\n\
         new paragraph\n\nSub\n\ntext after"
    );
}

#[test]
fn tables_and_preformatted_text() {
    let html = "<table><tr><th>City</th><th>Votes</th></tr><tr><td>Kyiv</td><td>1,200</td></tr></table>\
                <pre>\n  keep   this\n  layout</pre>";
    assert_eq!(text(html), "City\tVotes\n\nKyiv\t1,200\n\n  keep   this\n  layout");
}

#[test]
fn character_references() {
    let cases = [
        ("AT&amp;T &lt;b&gt; &quot;q&quot; &apos;a&apos;", "AT&T <b> \"q\" 'a'"),
        ("&#8217; &#x2019; &#X2019; &#39;", "’ ’ ’ '"),
        ("a&nbsp;b", "a\u{a0}b"),
        ("&copy 2021 &amp co &notit; &notin;", "© 2021 & co ¬it; ∉"),
        ("&frac34; &CounterClockwiseContourIntegral; &NotNestedGreaterGreater;", "¾ ∳ \u{2aa2}\u{338}"),
        ("&#150; &#146; &#0; &#xD800; &#x110000; &#99999999999999;", "– ’ \u{fffd} \u{fffd} \u{fffd} \u{fffd}"),
        ("&unknown; & &; &#; &#x; &#xZ;", "&unknown; & &; &#; &#x; &#xZ;"),
        ("&AMP;&amp;amp;", "&&amp;"),
    ];
    for (html, expected) in cases {
        assert_eq!(text(&format!("<p>{html}</p>")), expected, "{html}");
    }
    // In attributes a legacy name followed by `=` or a letter stays as written.
    let meta = r#"<meta property="og:title" content="A &amp; B &copy=1 &notx &not; &copy">"#;
    assert_eq!(page(meta, BODY).title.as_deref(), Some("A & B &copy=1 &notx ¬ ©"));
}

#[test]
fn whitespace_is_collapsed_but_nbsp_kept() {
    assert_eq!(text("<p>\n\n  a \r\n\t b  </p>\n\n<p>\u{a0}c\u{a0}</p>"), "a b\n\n\u{a0}c\u{a0}");
    assert_eq!(text("   "), "");
    assert_eq!(text(""), "");
}

// ─── choosing the article ──────────────────────────────────────────────────

const LONG: &str =
    "The ministers met in Geneva on Monday, and they agreed, after long talks, to meet again in the spring.";

#[test]
fn without_landmarks_the_densest_container_wins() {
    let html = format!(
        "<body><div id='top'><a href='/'>Home</a> <a href='/w'>World</a> <a href='/p'>Politics</a></div>\
         <div class='wrapper'><div class='story-text'><p>{LONG}</p><p>{LONG}</p><p>{LONG}</p></div>\
         <div class='story-more'><p>{LONG}</p></div></div>\
         <div class='links'><p><a href='/1'>A link with enough text to be a paragraph, nearly.</a></p></div></body>"
    );
    let page = extract(&html);
    assert_eq!(page.text, [LONG; 4].join("\n\n"));
}

#[test]
fn teaser_articles_are_not_the_article() {
    let html = format!(
        "<body><div class='story'><h1>Main story</h1><p>{LONG}</p><p>{LONG}</p><p>{LONG}</p></div>\
         <div class='more'><article><h3><a href='/t'>Teaser headline</a></h3><p>Short teaser.</p></article></div></body>"
    );
    let t = text(&html);
    assert!(t.contains(LONG) && !t.contains("Teaser"), "{t}");
}

#[test]
fn the_largest_article_and_item_prop_body() {
    let html = format!(
        "<body><article><p>Small card text here.</p></article><article><h1>Big</h1><p>{LONG}</p><p>{LONG}</p></article></body>"
    );
    assert_eq!(text(&html), format!("Big\n\n{LONG}\n\n{LONG}"));
    let html = format!(
        "<body><div class='sidebar'><p>{LONG}</p></div><div itemprop='articleBody'><p>{LONG}</p><p>Second.</p></div></body>"
    );
    assert_eq!(text(&html), format!("{LONG}\n\nSecond."));
    let html = format!("<body><header><h1>Site</h1></header><main><p>{LONG}</p></main><footer>Footer</footer></body>");
    assert_eq!(text(&html), LONG);
}

#[test]
fn link_lists_inside_the_article_are_dropped() {
    let html = format!(
        "<article><p>{LONG}</p><ul><li><a href='/1'>Read more about the talks</a></li>\
         <li><a href='/2'>Earlier: ministers meet</a></li></ul><p>Last paragraph, with a <a href='/x'>link</a>.</p></article>"
    );
    assert_eq!(text(&html), format!("{LONG}\n\nLast paragraph, with a link."));
}

#[test]
fn header_and_footer_inside_the_article_stay() {
    let html = "<body><header>Site header</header><article><header class='entry-header'><h1>Title</h1></header>\
                <p>Body.</p><footer>Reporting by Jane Doe</footer>\
                <footer class='entry-footer'>Posted in <a href='/n'>News</a>, <a href='/w'>World</a>, <a href='/e'>Europe</a></footer>\
                </article><footer>Site footer</footer></body>";
    assert_eq!(text(html), "Title\n\nBody.\n\nReporting by Jane Doe");
}

#[test]
fn a_wordpress_like_page() {
    let html = format!(
        "<body class='home'><div id='page' class='site'><header id='masthead' class='site-header'><p class='site-title'>\
         <a href='/'>Blog</a></p></header><div id='content' class='site-content'><div id='primary' class='content-area'>\
         <main id='main' class='site-main'><article id='post-7' class='post-7 post type-post'>\
         <header class='entry-header'><h1 class='entry-title'>Talks resume</h1><div class='entry-meta'>\
         <span class='posted-on'><time class='entry-date published' datetime='2021-10-19T08:00:00+00:00'>October 19, 2021</time>\
         </span></div></header><div class='entry-content'><p>{LONG}</p><p>{LONG}</p>\
         <div class='sharedaddy sd-sharing-enabled'><h3>Share this:</h3><ul><li><a href='/s'>Twitter</a></li></ul></div>\
         </div></article><div id='comments' class='comments-area'><h2>One thought</h2><p>{LONG}</p></div>\
         </main></div><aside id='secondary' class='widget-area'><p>{LONG}</p></aside></div></div></body>"
    );
    let page = extract(&html);
    assert_eq!(page.text, format!("Talks resume\n\nOctober 19, 2021\n\n{LONG}\n\n{LONG}"));
    assert_eq!(page.title.as_deref(), Some("Talks resume"));
    assert_eq!(page.published.as_deref(), Some("2021-10-19"));
}

#[test]
fn br_separated_text_in_a_div() {
    let html = format!(
        "<body><div class='nav'><a href='/'>Home</a></div><div class='text'>{LONG}<br><br>{LONG}<br>Line.</div></body>"
    );
    assert_eq!(text(&html), format!("{LONG}\n\n{LONG}\nLine."));
}

#[test]
fn pages_without_paragraphs_and_plain_text() {
    assert_eq!(text("<html><body>Just some text.</body></html>"), "Just some text.");
    assert_eq!(text("Hello world"), "Hello world");
    assert_eq!(text("<p>Short.</p>"), "Short.");
}

// ─── hostile markup ────────────────────────────────────────────────────────

#[test]
fn scripts_styles_and_embedded_content_never_become_text() {
    let html = r#"<html><head><SCRIPT type="text/javascript">var a = "</div><p>Putin 1</p>";</SCRIPT ></head><body>
        <article>
        <p>Kept one.</p>
        <script>if (x < 1 && y > 2) { document.write('<p>Putin 2</p>') }</script >
        <style>p::after { content: "Putin 3" }</style>
        <img src="x.png" onerror="alert('Putin 4')" alt="Putin 5">
        <a href="javascript:alert('Putin 6')" onclick="steal('Putin 7')">Click here</a>
        <iframe srcdoc="<p>Putin 8</p>"><p>Putin 9</p></iframe>
        <object data="x.swf"><p>Putin 10</p></object>
        <embed src="x.swf">
        <noscript><img src="pixel?Putin11"><p>Putin 12</p></noscript>
        <template><p>Putin 13</p></template>
        <svg><script>alert("Putin 14")</script><text>Putin 15</text></svg>
        <math><mi>Putin 16</mi></math>
        <form><input value="Putin 17"><textarea>Putin 18</textarea><select><option>Putin 19</option></select></form>
        <button onclick="x()">Putin 20</button>
        <div style="DISPLAY : NONE">Putin 21</div>
        <div style="visibility:hidden">Putin 22</div>
        <script/>Putin 23</script>
        <p>Kept two.</p>
        </article>
        <script>Putin 24 never closed"#;
    let t = text(html);
    assert!(!t.contains("Putin") && !t.contains('<') && !t.contains("alert"), "{t}");
    assert_eq!(t, "Kept one.\n\nClick here\n\nKept two.");
}

#[test]
fn svg_self_closing_tags_and_breakout() {
    let html =
        "<article><p>One.</p><svg><style/><path d='M0'/><circle/></svg><p>Two.</p><svg><g><p>Three.</p></article>";
    assert_eq!(text(html), "One.\n\nTwo.\n\nThree.");
}

// ─── malformed markup ──────────────────────────────────────────────────────

#[test]
fn malformed_markup() {
    let cases = [
        ("<p>One<p>Two<div>Three", "One\n\nTwo\n\nThree"),
        ("<ul><li>One<li>Two</ul><dl><dt>T<dd>D</dl>", "One\n\nTwo\n\nT\n\nD"),
        ("<table><tr><td>a<td>b<tr><td>c</table>", "a\tb\n\nc"),
        (r#"<p title="a > b" data-x='>'>Text</p>"#, "Text"),
        ("<p>a <!-- <p>Putin</p> --> b <!--> c <!---> d</p>", "a b c d"),
        ("<p>a <![CDATA[ Putin ]]> b <?php echo 'Putin' ?> c <!DOCTYPE html> d</p>", "a b c d"),
        ("<p>x</div></span></p></b>y</p>", "x\n\ny"),
        ("<p>a < b and c > d, 1<2</p>", "a < b and c > d, 1<2"),
        ("<p>end <", "end <"),
        ("<p>a</>b</ p>c< p>d</p>", "abc< p>d"),
        ("<P CLASS=x>Upper<BR>Case</P>", "Upper\nCase"),
        ("<b><i>x</b>y</i>z", "xyz"),
        ("<b><p>x</b>y</p>", "xy"),
        ("<p>unclosed <b>bold", "unclosed bold"),
        ("<p>cut <a href=\"/x", "cut"),
        ("<p>cut <a href='/x' ", "cut"),
        ("<p>cut <!-- comment", "cut"),
        ("<p>a\0b</p>", "ab"),
        // As in browsers: what follows `</body>` goes where the body left off.
        ("<p>text</body></html>after", "textafter"),
        ("<head><title>T</title><p>Body without body tag.", "Body without body tag."),
        ("<p =x a==b c=d=e>attrs</p>", "attrs"),
        ("</br>a</br>b", "a\nb"),
    ];
    for (html, expected) in cases {
        assert_eq!(text(html), expected, "{html}");
    }
}

#[test]
fn every_prefix_of_the_news_page() {
    let html = news();
    for (i, _) in html.char_indices().step_by(7) {
        let page = extract(&html[..i]);
        assert!(!page.text.contains("Putin"), "prefix of {i} bytes: {}", page.text);
        assert!(page.title.as_deref().is_none_or(|t| !t.contains("Putin")));
    }
}

#[test]
fn deep_nesting_and_huge_tags_are_fine() {
    let n = 100_000;
    for (open, close) in [("<div>", "</div>"), ("<b>", "</b>"), ("<table><tr><td>", ""), ("<a>", ""), ("<p><span>", "")]
    {
        let html = format!("{}deep text{}", open.repeat(n), close.repeat(n));
        assert_eq!(text(&html), "deep text", "{open}");
    }
    let attrs: String = (0..100_000).map(|i| format!(" a{i}=\"{i}\"")).collect();
    assert_eq!(text(&format!("<p{attrs}>many attributes</p>")), "many attributes");
    assert_eq!(text(&format!("<p>{}</p>", "&amp".repeat(100_000))), "&".repeat(100_000));
    assert_eq!(text(&format!("<p>&{}</p>", "a".repeat(100_000))).len(), 100_001);
    assert_eq!(text(&"<".repeat(10_000)), "<".repeat(10_000));
}

#[test]
fn random_markup_never_panics() {
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<div class='comment'>",
        "</div>",
        "<script>",
        "</script>",
        "<style>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<",
        ">",
        "&",
        "&amp;",
        "&#x1F600;",
        "&#",
        "\"",
        "'",
        "=",
        " ",
        "\n",
        "text",
        "Ünïcødé 😀",
        "<br>",
        "<a href=",
        "<article>",
        "</article>",
        "<svg>",
        "<table><tr><td>",
        "</td>",
        "<li>",
        "<title>",
        "</title>",
        "<pre>",
        "<h1>",
        "</",
        "/>",
        "<!DOCTYPE",
        "\0",
        "<select>",
        "<textarea>",
        "<plaintext>",
        "<math>",
        "<foreignObject>",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..2_000 {
        let len = (next() % 60) as usize;
        let html: String = (0..len).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
        let page = extract(&html);
        let html_space = [' ', '\t', '\n', '\r', '\x0C'];
        assert_eq!(page.text.trim_matches(html_space), page.text);
        let a = analyze_one(DocInput::from_html(html.clone()));
        check_offsets(&a.documents[0], a.documents[0].text.as_deref().unwrap());
    }
}
