//! The pipeline: documents in, an Analysis out.

use crate::hash::{HashSet, HashSetExt};

use crate::analysis::{
    Analysis, Boilerplate, Dct, DctBasis, Document, Entity, EntityType, EventDate, EventSource,
    Mention as MentionRecord, Range, TimelineEvent, Timex, TokenRecord, FORMAT_VERSION,
};
use crate::clean::{clean, Cleaned};
use crate::entities::link::{self, DocumentMentions, MentionRef};
use crate::entities::{self, DocText};
use crate::error::Error;
use crate::input::{DocInput, Options, Resolved};
use crate::offsets::{Utf16Cursor, Utf16Map};
use crate::sort;
use crate::span::Span;
use crate::time::calendar::CalendarDate;
use crate::time::recognize::RecognizeOptions;
use crate::time::{self, dct, Mention};
use crate::timeline::{self, extract::DocView};
use crate::tokenize::{segment, Segmentation};

/// Longest line, in chars, taken as a headline when no title is given.
const MAX_HEADLINE_CHARS: usize = 200;

/// How far an analysis has got, for a progress bar: `done` of `total`
/// steps of `phase`. Phases come in order; `Names` (the entity model, the
/// slow part) only when entities are on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// What is being done.
    pub phase: Phase,
    /// Steps done in this phase (documents, or 0 and 1 for `Finishing`).
    pub done: usize,
    /// Steps in this phase.
    pub total: usize,
}

/// The phases of an analysis, as [`Progress`] reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Segmenting each document and finding its dates.
    Reading,
    /// Finding each document's names with the entity model.
    Names,
    /// Linking names across documents and building the chronology's records.
    Finishing,
}

impl Phase {
    /// The phase's name in the JavaScript API: "reading", "names" or "finishing".
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Reading => "reading",
            Phase::Names => "names",
            Phase::Finishing => "finishing",
        }
    }
}

/// Analyses the documents of one story.
///
/// Fails only on input it cannot use: an unparsable `published` date or
/// `Options.reference`, two documents with the same id, or a document with
/// neither or both of `text` and `html`. Any text and any HTML are fine.
pub fn analyze(docs: &[DocInput], options: &Options) -> Result<Analysis, Error> {
    analyze_with_progress(docs, options, &mut |_| {})
}

/// [`analyze`], reporting its [`Progress`] to `progress` as it goes (after
/// each document read, after each document's names, and once before the
/// story-wide steps).
pub fn analyze_with_progress(
    docs: &[DocInput],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Result<Analysis, Error> {
    let total = docs.len();
    let reference = match &options.reference {
        Some(r) => Some(parse_date(r, "options.reference")?),
        None => None,
    };
    let recognize_options = RecognizeOptions { day_first: options.day_first };
    let given_ids: HashSet<&str> = docs.iter().filter_map(|d| d.id.as_deref()).collect();
    let mut seen_ids = HashSet::new();
    let mut prepared = Vec::with_capacity(docs.len());
    let mut inputs = Vec::with_capacity(docs.len());
    for (i, doc) in docs.iter().enumerate() {
        let id = doc.id.clone().unwrap_or_else(|| default_id(i, &given_ids));
        if !seen_ids.insert(id.clone()) {
            return Err(Error::range(format!("two documents have the id {id:?}; give each document its own id")));
        }
        let input = doc.resolve(&id)?;
        // A date given with the document, else the page's, else options.reference.
        let given = match (&doc.published, &input.page_published) {
            (Some(p), _) => Some(parse_date(p, &format!("published of document {id:?}"))?),
            (None, Some(p)) => CalendarDate::parse_iso(p).or(reference),
            (None, None) => reference,
        };
        prepared.push(Prepared::new(id, &input.text, given, recognize_options));
        inputs.push(input);
        progress(Progress { phase: Phase::Reading, done: i + 1, total });
    }

    // Undated articles: their own text first, then the corpus.
    let own: Vec<Option<CalendarDate>> = prepared.iter().map(|p| p.dct.or(p.inferred)).collect();
    let mentions: Vec<&[Mention]> = prepared.iter().map(|p| p.mentions.as_slice()).collect();
    let from_corpus = dct::infer_from_corpus(&own, &mentions);

    let mut dcts: Vec<Dct> = prepared
        .iter()
        .zip(&from_corpus)
        .map(|(p, corpus_date)| match (p.dct, p.inferred.or(*corpus_date)) {
            (Some(date), _) => Dct { value: Some(date.to_string()), basis: DctBasis::Given },
            (None, Some(date)) if p.inferred.is_some() => {
                Dct { value: Some(date.to_string()), basis: DctBasis::Inferred }
            }
            (None, Some(date)) => Dct { value: Some(date.to_string()), basis: DctBasis::Corpus },
            (None, None) => Dct { value: None, basis: DctBasis::Unknown },
        })
        .collect();
    let resolve = |p: &Prepared, dct: &Dct| {
        time::resolve_mentions(&p.mentions, dct.value.as_deref().and_then(CalendarDate::parse_iso))
    };
    let mut timexes: Vec<Vec<time::Timex>> = prepared.iter().zip(&dcts).map(|(p, dct)| resolve(p, dct)).collect();
    let build_timeline = |timexes: &[Vec<time::Timex>], dcts: &[Dct]| {
        let views: Vec<DocView> = prepared
            .iter()
            .zip(&inputs)
            .zip(timexes.iter().zip(dcts))
            .map(|((p, input), (timexes, dct))| DocView {
                text: &input.text,
                seg: &p.seg,
                cleaned: &p.cleaned,
                timexes,
                dct: dct.value.as_deref().and_then(CalendarDate::parse_iso),
                dct_inferred: matches!(dct.basis, DctBasis::Inferred | DctBasis::Corpus),
            })
            .collect();
        timeline::build(&views, options.timeline.max_events)
    };
    let mut events = build_timeline(&timexes, &dcts);
    // An inferred date is at least the day of the latest event the article
    // reports that other articles date to the day: resolve again from there.
    let later = timeline::later_dates(&events, &dcts.iter().map(inferred_date).collect::<Vec<_>>());
    if later.iter().any(Option::is_some) {
        for (d, date) in later.iter().enumerate() {
            if let Some(date) = date {
                dcts[d].value = Some(date.to_string());
                dcts[d].basis = DctBasis::Corpus;
                timexes[d] = resolve(&prepared[d], &dcts[d]);
            }
        }
        events = build_timeline(&timexes, &dcts);
    }
    // Entities: recognized per document, one sense per story, linked across documents.
    let texts: Vec<DocText> = prepared
        .iter()
        .zip(&inputs)
        .map(|(p, input)| DocText { text: &input.text, seg: &p.seg, cleaned: &p.cleaned })
        .collect();
    let date_spans: Vec<Vec<Span>> = timexes.iter().map(|t| t.iter().map(|x| x.span).collect()).collect();
    let mut found = if options.entities {
        entities::recognize_story(&texts, &date_spans, &mut |done| {
            progress(Progress { phase: Phase::Names, done, total })
        })
    } else {
        vec![Vec::new(); texts.len()]
    };
    progress(Progress { phase: Phase::Finishing, done: 0, total: 1 });
    if let Some(types) = &options.types {
        for doc in &mut found {
            doc.retain(|f| types.contains(&f.entity_type));
        }
    }
    let linking = link::link(
        &found
            .iter()
            .zip(&texts)
            .zip(&prepared)
            .map(|((f, t), p)| DocumentMentions {
                id: &p.id,
                text: t.text,
                mentions: f
                    .iter()
                    .map(|m| MentionRef { text: m.span.slice(t.text), entity_type: m.entity_type, span: m.span })
                    .collect(),
            })
            .collect::<Vec<_>>(),
    );
    let mentions_by_doc: Vec<Vec<(Span, EntityType, usize)>> = found
        .iter()
        .enumerate()
        .map(|(d, f)| {
            f.iter().enumerate().map(|(k, m)| (m.span, linking.types[d][k], linking.assignments[d][k])).collect()
        })
        .collect();

    let mut sources_by_doc: Vec<Vec<Span>> = vec![Vec::new(); docs.len()];
    for event in &events {
        for &(d, span) in &event.sources {
            sources_by_doc[d].push(span);
        }
    }

    let mut maps = Vec::with_capacity(docs.len());
    let mut documents = Vec::with_capacity(docs.len());
    for ((((p, input), (dct, timexes)), sources), mentions) in
        prepared.into_iter().zip(&inputs).zip(dcts.into_iter().zip(&timexes)).zip(&sources_by_doc).zip(&mentions_by_doc)
    {
        let (document, map) = p.finish(input, dct, timexes, sources, mentions, &linking.entities);
        documents.push(document);
        maps.push(map);
    }
    let timeline = events
        .iter()
        .enumerate()
        .map(|(n, e)| timeline_record(n, e, &documents, &maps, &mentions_by_doc, &linking.entities))
        .collect();
    Ok(Analysis { version: FORMAT_VERSION, documents, entities: linking.entities, timeline })
}

/// The date of a document when it was inferred (the ones events may move).
fn inferred_date(dct: &Dct) -> Option<CalendarDate> {
    matches!(dct.basis, DctBasis::Inferred | DctBasis::Corpus)
        .then(|| dct.value.as_deref().and_then(CalendarDate::parse_iso))
        .flatten()
}

/// A chronology event in the output shape (UTF-16 offsets per document).
fn timeline_record(
    n: usize,
    e: &timeline::Event,
    documents: &[Document],
    maps: &[Utf16Map],
    mentions: &[Vec<(Span, EntityType, usize)>],
    entities: &[Entity],
) -> TimelineEvent {
    let (start, end) = e.date.interval();
    // Participants: the entities named in the event's clauses, most named first.
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for &(d, clause) in &e.clauses {
        for &(_, _, entity) in mentions[d].iter().filter(|(s, _, _)| clause.contains(*s)) {
            match counts.iter_mut().find(|(id, _)| *id == entity) {
                Some((_, c)) => *c += 1,
                None => counts.push((entity, 1)),
            }
        }
    }
    sort::sort_by(&mut counts, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let participants = counts.iter().map(|&(entity, _)| entities[entity].id.clone()).collect();
    TimelineEvent {
        id: format!("e{}", n + 1),
        date: EventDate {
            value: e.date.label(),
            start: start.to_string(),
            end: end.to_string(),
            grain: timeline::grain(&e.date.value),
            approximate: e.date.approximate,
        },
        summary: e.summary.clone(),
        participants,
        sources: e
            .sources
            .iter()
            .map(|&(d, span)| EventSource {
                document: documents[d].id.clone(),
                start: maps[d].get(span.start),
                end: maps[d].get(span.end),
            })
            .collect(),
        salience: e.salience,
    }
}

/// A document segmented and scanned, waiting for its date.
struct Prepared {
    id: String,
    seg: Segmentation,
    cleaned: Cleaned,
    /// Temporal expressions of the body (boilerplate ones are left out).
    mentions: Vec<Mention>,
    /// The given date (published or options.reference).
    dct: Option<CalendarDate>,
    /// The date its own text implies, when none is given.
    inferred: Option<CalendarDate>,
}

impl Prepared {
    fn new(id: String, text: &str, dct: Option<CalendarDate>, options: RecognizeOptions) -> Prepared {
        let seg = segment(text);
        let cleaned = clean(text, &seg.paragraphs);
        let mut mentions = time::recognize_text(text, &seg, options);
        mentions.retain(|m| cleaned.in_body(m.span));
        let inferred = if dct.is_none() { dct::infer_from_text(text, &seg, &mentions) } else { None };
        Prepared { id, seg, cleaned, mentions, dct, inferred }
    }

    /// The document in the output shape, and the UTF-16 map of its text,
    /// which also knows the offsets of `extra` spans (event sources).
    fn finish(
        self,
        input: &Resolved,
        dct: Dct,
        timexes: &[time::Timex],
        extra: &[Span],
        mentions: &[(Span, EntityType, usize)],
        entities: &[Entity],
    ) -> (Document, Utf16Map) {
        let text: &str = &input.text;
        let seg = &self.seg;
        let body = &self.cleaned.body;
        let boilerplate = &self.cleaned.boilerplate;
        let title = input.title.clone().or_else(|| headline(text, seg, &self.cleaned).map(str::to_owned));

        let boundaries = body
            .iter()
            .chain(boilerplate.iter().map(|(s, _)| s))
            .chain(&seg.paragraphs)
            .chain(&seg.sentences)
            .chain(timexes.iter().map(|t| &t.span))
            .chain(extra)
            .chain(mentions.iter().map(|(s, _, _)| s))
            .flat_map(|s| [s.start, s.end]);
        let map = Utf16Map::new(text, boundaries);
        let ranges =
            |spans: &[Span]| spans.iter().map(|s| Range { start: map.get(s.start), end: map.get(s.end) }).collect();
        let document = Document {
            id: self.id,
            title,
            source: input.source.clone(),
            dct,
            body: ranges(body),
            boilerplate: boilerplate
                .iter()
                .map(|&(s, kind)| Boilerplate { start: map.get(s.start), end: map.get(s.end), kind })
                .collect(),
            paragraphs: ranges(&seg.paragraphs),
            sentences: ranges(&seg.sentences),
            mentions: mentions
                .iter()
                .map(|&(s, entity_type, entity)| MentionRecord {
                    start: map.get(s.start),
                    end: map.get(s.end),
                    text: s.slice(text).to_owned(),
                    entity_type,
                    entity: Some(entities[entity].id.clone()),
                })
                .collect(),
            timexes: timexes.iter().map(|t| timex_record(text, t, &map)).collect(),
            text: input.extracted.then(|| text.to_owned()),
        };
        (document, map)
    }
}

/// A resolved timex in the output shape (UTF-16 offsets).
fn timex_record(text: &str, t: &time::Timex, map: &Utf16Map) -> Timex {
    Timex {
        start: map.get(t.span.start),
        end: map.get(t.span.end),
        text: t.span.slice(text).to_owned(),
        timex_type: t.timex_type,
        value: t.value.to_string(),
        modifier: t.modifier,
        anchor: t.anchor,
    }
}

/// The temporal expressions of one text, resolved against `reference` (an
/// ISO date), with UTF-16 offsets.
pub fn find_dates(text: &str, reference: Option<&str>, day_first: bool) -> Result<Vec<Timex>, Error> {
    let reference = reference.map(|r| parse_date(r, "reference")).transpose()?;
    let found = time::find_dates(text, reference, RecognizeOptions { day_first });
    let map = Utf16Map::new(text, found.iter().flat_map(|t| [t.span.start, t.span.end]));
    Ok(found.iter().map(|t| timex_record(text, t, &map)).collect())
}

/// Analyses one text with default options. Total: never fails.
pub fn analyze_text(text: &str) -> Analysis {
    analyze(&[DocInput::from_text(text)], &Options::default()).expect("one document with no metadata always analyses")
}

/// The named-entity mentions of one text (UTF-16 offsets), each with the id
/// of its entity as `analyze` would give it for this text alone.
pub fn find_entities(text: &str) -> Vec<crate::analysis::Mention> {
    analyze_text(text).documents.pop().map(|d| d.mentions).unwrap_or_default()
}

/// The tokens of `text` with UTF-16 offsets (see [`crate::tokenize::segment`]).
pub fn tokenize(text: &str) -> Vec<TokenRecord> {
    token_records(text).collect()
}

/// The tokens of `text` with UTF-16 offsets, one at a time (an exact-size
/// iterator), for callers that store them in a form of their own.
pub(crate) fn token_records(text: &str) -> impl ExactSizeIterator<Item = TokenRecord> + '_ {
    let mut cursor = Utf16Cursor::new(text);
    segment(text).tokens.into_iter().map(move |t| TokenRecord {
        start: cursor.to_utf16(t.span.start),
        end: cursor.to_utf16(t.span.end),
        kind: t.kind,
        sentence: t.sentence,
    })
}

/// Parses documents given as JSON Lines: one [`DocInput`] object per line;
/// blank lines are skipped.
pub fn parse_doc_lines(jsonl: &str) -> Result<Vec<DocInput>, Error> {
    jsonl
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line).map_err(|e| Error::shape(format!("line {}: not a document ({e})", i + 1)))
        })
        .collect()
}

/// `doc-N` for the document at position `index`, with a suffix if a given id took it.
fn default_id(index: usize, given: &HashSet<&str>) -> String {
    let base = format!("doc-{}", index + 1);
    let mut id = base.clone();
    let mut n = 1;
    while given.contains(id.as_str()) {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

/// Parses an ISO date given as an input field named `what`.
fn parse_date(value: &str, what: &str) -> Result<CalendarDate, Error> {
    CalendarDate::parse_iso(value).ok_or_else(|| {
        Error::range(format!("{what} is {value:?}, not an ISO 8601 date; write it as YYYY-MM-DD, e.g. \"2021-10-21\""))
    })
}

/// Whether a line is a publication stamp: a few words with a number, opening
/// with "Updated", "Published", "Posted"…
fn is_stamp(line: &str) -> bool {
    const OPENERS: &[&str] = &["updated", "published", "posted", "last", "first", "modified", "date"];
    let words: Vec<&str> = line.split_whitespace().collect();
    let opener = words.first().is_some_and(|w| OPENERS.contains(&w.trim_end_matches(':').to_lowercase().as_str()));
    opener && words.len() <= 8 && line.chars().any(|c| c.is_ascii_digit())
}

/// The article's headline: a short first body paragraph on one line, followed by
/// more text, that does not end like a sentence.
/// A publication stamp is not a headline ("Updated 2025-03-15 08:40").
fn headline<'t>(text: &'t str, seg: &Segmentation, cleaned: &Cleaned) -> Option<&'t str> {
    let first = seg.paragraphs.iter().find(|p| cleaned.in_body(**p) && !is_stamp(p.slice(text)))?;
    let line = first.slice(text);
    let is_headline = seg.paragraphs.len() > 1
        && !line.contains(['\n', '\r'])
        && line.chars().count() <= MAX_HEADLINE_CHARS
        && !line.ends_with('.');
    is_headline.then_some(line)
}
