//! Golden stories (`tests/fixtures/stories/`, described in its README): a few
//! articles per story, as different outlets wrote them, and what a careful
//! reader expects of the chronology. Reports of one event must merge into one
//! timeline event with the right date; different events stay apart; opinions,
//! plans and boilerplate are not events; undated articles get a near date.
//!
//! Each test checks every expectation of its story and fails once, listing
//! them all: PASS or FAIL, and for a failure the events that hold the quotes.
//! `cargo test --test main stories -- --nocapture` prints the list for passing
//! stories too.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use dateline::analysis::{Analysis, Grain, TimelineEvent};
use dateline::offsets::utf16_len;
use dateline::time::calendar::CalendarDate;
use dateline::{analyze, DocInput, Options};
use serde::Deserialize;

/// One test per story directory.
macro_rules! stories {
    ($($test:ident => $slug:literal),* $(,)?) => {
        /// Every story, by directory name.
        const STORIES: &[&str] = &[$($slug),*];
        $(
            #[test]
            fn $test() {
                check_story($slug);
            }
        )*
    };
}

stories! {
    brannock_plant_fire => "brannock-plant-fire",
    haldane_port_strike => "haldane-port-strike",
    kelmora_flood_relief => "kelmora-flood-relief",
    norwick_mayor_recount => "norwick-mayor-recount",
    veloria_rate_rise => "veloria-rate-rise",
}

#[test]
fn every_story_directory_has_a_test() {
    let mut found: Vec<String> = fs::read_dir(stories_dir())
        .expect("tests/fixtures/stories")
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let mut listed: Vec<&str> = STORIES.to_vec();
    listed.sort();
    assert_eq!(found, listed, "add a line to `stories!` for each story directory");
}

// ---------------------------------------------------------------------------
// story.json

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Story {
    /// What the story is about (for messages).
    #[serde(default)]
    title: Option<String>,
    docs: Vec<StoryDoc>,
    #[serde(default)]
    dct: Vec<DctExpectation>,
    #[serde(default)]
    merge: Vec<Merge>,
    #[serde(default)]
    apart: Vec<(Quote, Quote)>,
    #[serde(default)]
    not_events: Vec<Quote>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoryDoc {
    file: String,
    id: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

/// An undated document's inferred date is within `days` of `within_days_of`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DctExpectation {
    doc: String,
    within_days_of: String,
    days: i64,
    #[serde(default)]
    why: Option<String>,
}

/// The sentences holding `quotes` are sources of one event dated `date`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Merge {
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    grain: Option<Grain>,
    quotes: Vec<Quote>,
    #[serde(default)]
    why: Option<String>,
    /// A merge the chronology is known not to make yet, and why. It must
    /// fail: when it holds, the test fails until the note is removed.
    #[serde(default)]
    known_gap: Option<String>,
}

/// `[document id, exact text of one sentence of it]`.
#[derive(Deserialize, Clone)]
struct Quote(String, String);

// ---------------------------------------------------------------------------
// Loading and running

fn stories_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories")
}

/// A story's articles and its analysis.
struct Run {
    slug: String,
    story: Story,
    /// Article texts, in `story.docs` order.
    texts: Vec<String>,
    analysis: Analysis,
}

fn load(slug: &str) -> Run {
    let dir = stories_dir().join(slug);
    let json = fs::read_to_string(dir.join("story.json")).unwrap_or_else(|e| panic!("{slug}/story.json: {e}"));
    let story: Story = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{slug}/story.json: {e}"));
    let texts: Vec<String> = story
        .docs
        .iter()
        .map(|d| fs::read_to_string(dir.join(&d.file)).unwrap_or_else(|e| panic!("{slug}/{}: {e}", d.file)))
        .collect();
    let inputs: Vec<DocInput> = story
        .docs
        .iter()
        .zip(&texts)
        .map(|(d, text)| DocInput {
            id: Some(d.id.clone()),
            published: d.published.clone(),
            source: d.source.clone(),
            ..DocInput::from_text(text.clone())
        })
        .collect();
    // Default options: entity recognition on, as a user runs it.
    let analysis = analyze(&inputs, &Options::default()).unwrap_or_else(|e| panic!("{slug}: analyze failed: {e}"));
    Run { slug: slug.to_string(), story, texts, analysis }
}

/// A quote located in its document: UTF-16 offsets, like the analysis.
struct Located {
    doc: usize,
    start: usize,
    end: usize,
}

impl Run {
    fn doc_index(&self, id: &str) -> usize {
        self.story
            .docs
            .iter()
            .position(|d| d.id == id)
            .unwrap_or_else(|| panic!("{}: no document {id:?} in story.json", self.slug))
    }

    /// Where `quote` is; it must occur exactly once in its document.
    fn locate(&self, quote: &Quote) -> Located {
        let doc = self.doc_index(&quote.0);
        let text = &self.texts[doc];
        let hits: Vec<usize> = text.match_indices(quote.1.as_str()).map(|(b, _)| b).collect();
        assert!(
            hits.len() == 1,
            "{}: the quote {:?} occurs {} times in {:?}; quotes must be unique",
            self.slug,
            quote.1,
            hits.len(),
            self.story.docs[doc].file
        );
        let start = utf16_len(&text[..hits[0]]);
        Located { doc, start, end: start + utf16_len(&quote.1) }
    }

    fn doc_id(&self, d: usize) -> &str {
        &self.story.docs[d].id
    }

    /// Events with a source sentence containing the quote.
    fn events_containing(&self, q: &Located) -> Vec<&TimelineEvent> {
        let id = self.doc_id(q.doc);
        self.analysis
            .timeline
            .iter()
            .filter(|e| e.sources.iter().any(|s| s.document == id && s.start <= q.start && q.end <= s.end))
            .collect()
    }

    /// Events with a source overlapping the quote.
    fn events_overlapping(&self, q: &Located) -> Vec<&TimelineEvent> {
        let id = self.doc_id(q.doc);
        self.analysis
            .timeline
            .iter()
            .filter(|e| e.sources.iter().any(|s| s.document == id && s.start < q.end && q.start < s.end))
            .collect()
    }

    /// How the analysis splits the quote's part of the text into sentences.
    fn sentences_of(&self, q: &Located) -> String {
        let id = self.doc_id(q.doc);
        let document = &self.analysis.documents[q.doc];
        let sentences: Vec<String> = document
            .sentences
            .iter()
            .filter(|s| s.start < q.end && q.start < s.end)
            .map(|s| format!("{:?}", self.excerpt(id, s.start, s.end)))
            .collect();
        let boilerplate = document.boilerplate.iter().find(|b| b.start < q.end && q.start < b.end);
        let mut out = match sentences.len() {
            0 => "in no sentence".to_string(),
            1 => format!("its sentence: {}", sentences[0]),
            n => format!("split over {n} sentences: {}", sentences.join(" | ")),
        };
        match boilerplate {
            Some(b) => {
                let _ = write!(out, "; boilerplate ({:?})", b.kind);
            }
            None => out.push_str("; not boilerplate"),
        }
        out
    }

    /// The text of a document between UTF-16 offsets, on one line, shortened.
    fn excerpt(&self, id: &str, start: usize, end: usize) -> String {
        let Some(d) = self.story.docs.iter().position(|x| x.id == id) else {
            return format!("<unknown document {id:?}>");
        };
        let units: Vec<u16> = self.texts[d].encode_utf16().collect();
        if start > end || end > units.len() {
            return format!("<span {start}..{end} outside a text of {} units>", units.len());
        }
        let text = String::from_utf16_lossy(&units[start..end]).split_whitespace().collect::<Vec<_>>().join(" ");
        const MAX: usize = 110;
        if text.chars().count() > MAX {
            format!("{}…", text.chars().take(MAX).collect::<String>())
        } else {
            text
        }
    }

    /// An event on a few lines: id, date, summary and each source sentence.
    fn describe(&self, e: &TimelineEvent) -> String {
        let mut out = format!(
            "      {} [{} {:?}{}] {:?}\n",
            e.id,
            e.date.value,
            e.date.grain,
            if e.date.approximate { " approx" } else { "" },
            e.summary
        );
        for s in &e.sources {
            let _ = writeln!(out, "        - {}: {}", s.document, self.excerpt(&s.document, s.start, s.end));
        }
        out
    }

    /// For each quote, the events holding it (or that none does).
    fn show_quotes(&self, quotes: &[(&Quote, &Located)], overlapping: bool) -> String {
        let mut out = String::new();
        for (quote, q) in quotes {
            let events = if overlapping { self.events_overlapping(q) } else { self.events_containing(q) };
            let _ = writeln!(out, "    [{}] {:?}:", quote.0, quote.1);
            if events.is_empty() {
                let _ = writeln!(out, "      (in no event; {})", self.sentences_of(q));
            }
            for e in events {
                out.push_str(&self.describe(e));
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------
// Checks

/// One checked expectation: what it says, and the evidence when it fails.
struct Outcome {
    what: String,
    failure: Option<String>,
}

fn check_story(slug: &str) {
    let run = load(slug);
    let mut outcomes = Vec::new();
    outcomes.push(check_sources_in_text(&run));
    outcomes.push(check_summaries(&run));
    for x in &run.story.dct {
        outcomes.push(check_dct(&run, x));
    }
    for m in &run.story.merge {
        let outcome = check_merge(&run, m);
        outcomes.push(match (&m.known_gap, outcome.failure) {
            (None, failure) => Outcome { what: outcome.what, failure },
            (Some(gap), Some(_)) => Outcome { what: format!("{} [known gap: {gap}]", outcome.what), failure: None },
            (Some(gap), None) => Outcome {
                what: outcome.what,
                failure: Some(format!("    this merge now holds: remove its known_gap ({gap})\n")),
            },
        });
    }
    for (a, b) in &run.story.apart {
        outcomes.push(check_apart(&run, a, b));
    }
    for quote in &run.story.not_events {
        outcomes.push(check_not_event(&run, quote));
    }

    let failed = outcomes.iter().filter(|o| o.failure.is_some()).count();
    let mut report = format!(
        "story {slug}: {} of {} expectations hold\n  {}\n",
        outcomes.len() - failed,
        outcomes.len(),
        run.story.title.as_deref().unwrap_or("")
    );
    for o in &outcomes {
        let _ = writeln!(report, "  {} {}", if o.failure.is_some() { "FAIL" } else { "PASS" }, o.what);
        if let Some(why) = &o.failure {
            report.push_str(why);
        }
    }
    assert!(failed == 0, "{report}");
    println!("{report}");
}

/// Every event has a summary of a few words: a clause that tells nothing but
/// its date ("from a peak of 9.1% in June 2022") is not an event.
fn check_summaries(run: &Run) -> Outcome {
    let mut bad = String::new();
    for e in run.analysis.timeline.iter().filter(|e| e.summary.split_whitespace().count() < 2) {
        let _ = writeln!(bad, "    {} [{}]: summary {:?}", e.id, e.date.value, e.summary);
    }
    Outcome {
        what: "every event has a summary of two words or more".to_string(),
        failure: (!bad.is_empty()).then_some(bad),
    }
}

/// Every event source is a non-empty span inside its document's text.
fn check_sources_in_text(run: &Run) -> Outcome {
    let mut bad = String::new();
    for e in &run.analysis.timeline {
        for s in &e.sources {
            let len =
                run.story.docs.iter().position(|d| d.id == s.document).map(|d| run.texts[d].encode_utf16().count());
            match len {
                Some(len) if s.start < s.end && s.end <= len => {}
                Some(len) => {
                    let _ = writeln!(
                        bad,
                        "    {}: source {}..{} in {} (text of {len} units)",
                        e.id, s.start, s.end, s.document
                    );
                }
                None => {
                    let _ = writeln!(bad, "    {}: source in unknown document {:?}", e.id, s.document);
                }
            }
        }
    }
    Outcome {
        what: format!("every source of the {} events lies inside its text", run.analysis.timeline.len()),
        failure: (!bad.is_empty()).then_some(bad),
    }
}

fn check_dct(run: &Run, x: &DctExpectation) -> Outcome {
    let what = format!(
        "dct: {} within {} days of {}{}",
        x.doc,
        x.days,
        x.within_days_of,
        x.why.as_deref().map(|w| format!(" ({w})")).unwrap_or_default()
    );
    let expected = CalendarDate::parse_iso(&x.within_days_of)
        .unwrap_or_else(|| panic!("{}: bad date {:?}", run.slug, x.within_days_of));
    let d = run.doc_index(&x.doc);
    let dct = &run.analysis.documents[d].dct;
    let got = dct.value.as_deref().and_then(CalendarDate::parse_iso);
    let failure = match got {
        Some(date) if (date.to_days() - expected.to_days()).abs() <= x.days => None,
        _ => Some(format!("    got {:?} ({:?})\n", dct.value, dct.basis)),
    };
    Outcome { what, failure }
}

fn quote_list(quotes: &[Quote]) -> String {
    quotes.iter().map(|q| format!("[{}] {:?}", q.0, q.1)).collect::<Vec<_>>().join(" + ")
}

fn check_merge(run: &Run, m: &Merge) -> Outcome {
    let date = match (&m.date, m.grain) {
        (Some(d), Some(g)) => format!(" dated {d} ({g:?})"),
        (Some(d), None) => format!(" dated {d}"),
        (None, _) => String::new(),
    };
    let what = format!(
        "merge{date}: {}{}",
        quote_list(&m.quotes),
        m.why.as_deref().map(|w| format!("\n         ({w})")).unwrap_or_default()
    );
    let located: Vec<Located> = m.quotes.iter().map(|q| run.locate(q)).collect();
    let ok = run.analysis.timeline.iter().any(|e| {
        located.iter().all(|q| {
            let id = run.doc_id(q.doc);
            e.sources.iter().any(|s| s.document == id && s.start <= q.start && q.end <= s.end)
        }) && m.date.as_ref().is_none_or(|d| &e.date.value == d)
            && m.grain.is_none_or(|g| e.date.grain == g)
    });
    let failure = (!ok).then(|| {
        let pairs: Vec<(&Quote, &Located)> = m.quotes.iter().zip(&located).collect();
        format!("    produced:\n{}", run.show_quotes(&pairs, false))
    });
    Outcome { what, failure }
}

fn check_apart(run: &Run, a: &Quote, b: &Quote) -> Outcome {
    let what = format!("apart: {}", quote_list(&[a.clone(), b.clone()]));
    let (qa, qb) = (run.locate(a), run.locate(b));
    let (ea, eb) = (run.events_containing(&qa), run.events_containing(&qb));
    let both = ea.iter().any(|x| eb.iter().any(|y| x.id == y.id));
    let ok = !ea.is_empty() && !eb.is_empty() && !both;
    let failure = (!ok).then(|| format!("    produced:\n{}", run.show_quotes(&[(a, &qa), (b, &qb)], false)));
    Outcome { what, failure }
}

fn check_not_event(run: &Run, quote: &Quote) -> Outcome {
    let what = format!("not an event: [{}] {:?}", quote.0, quote.1);
    let q = run.locate(quote);
    let failure = (!run.events_overlapping(&q).is_empty())
        .then(|| format!("    produced ({}):\n{}", run.sentences_of(&q), run.show_quotes(&[(quote, &q)], true)));
    Outcome { what, failure }
}
