//! The chronology: dated events per article, merged across the articles of a
//! story, each linked to every sentence that reports it.
//!
//! 1. [`extract`]: each body clause with a calendar date is an event mention;
//!    past-tense sentences without a date are kept as candidates.
//! 2. Mentions with compatible dates (equal, or one inside a week or month of
//!    the other) and similar content words merge into one event.
//! 3. An undated sentence that closely resembles an event joins it ("Responding
//!    to NATO’s decision to expel…" reports the dated expulsion).
//! 4. Each event gets a summary, participants, a salience, and a place in
//!    date order; `max_events` keeps the most salient.

pub mod extract;
pub mod similarity;
pub mod summary;
pub mod synonyms;

use crate::hash::{HashMap, HashMapExt};

use crate::sets::DisjointSets;

use extract::{DocView, EventDate, Mention};
use similarity::{cosine, idf, Bag};

use crate::analysis::Grain;
use crate::sort;
use crate::span::Span;
use crate::time::calendar::CalendarDate;
use crate::time::value::TimeValue;

/// Similarity above which two dated clauses with compatible dates report one event.
const MERGE_SIMILARITY: f64 = 0.25;
/// The same across articles when both dates are a day or a week: so precise a date is evidence in itself.
const MERGE_SIMILARITY_PRECISE: f64 = 0.15;
/// Similarity above which an undated sentence reports a dated event.
const LINK_SIMILARITY: f64 = 0.2;
/// Most events one undated sentence may join.
const MAX_LINKS_PER_SENTENCE: usize = 2;

/// One event of the chronology, with byte spans per document.
#[derive(Clone, Debug)]
pub struct Event {
    /// When.
    pub date: EventDate,
    /// A one-line summary.
    pub summary: String,
    /// Where each document reports it: (document index, sentence span).
    pub sources: Vec<(usize, Span)>,
    /// The dated clauses it was built from: (document index, clause span).
    pub clauses: Vec<(usize, Span)>,
    /// Importance in the story, 0 to 1.
    pub salience: f64,
}

/// The chronology of a set of documents, sorted by date.
pub fn build(docs: &[DocView], max_events: Option<usize>) -> Vec<Event> {
    let (mut dated, mut undated) = (Vec::new(), Vec::new());
    for (i, doc) in docs.iter().enumerate() {
        let (d, u) = extract::mentions(i, doc);
        dated.extend(d);
        undated.extend(u);
    }
    // Sentences dated only by the one before them first try to join an event
    // as undated sentences do; those that join none are events of their own.
    let (continued, mut dated): (Vec<Mention>, Vec<Mention>) = dated.into_iter().partition(|m| m.follows.is_some());
    let first_continued = undated.len();
    undated.extend(continued.iter().map(|m| Mention { date: None, ..m.clone() }));
    let all_bags: Vec<&similarity::Bag> = dated.iter().chain(&undated).map(|m| &m.bag).collect();
    let idf = idf(&all_bags);

    let groups = merge(&dated, &idf);
    let mut events: Vec<(Vec<usize>, Vec<usize>)> = groups.into_iter().map(|g| (g, Vec::new())).collect();
    link_undated(docs, &dated, &undated, &idf, &mut events);
    let linked: crate::hash::HashSet<usize> = events.iter().flat_map(|(_, l)| l.iter().copied()).collect();
    let mut own: std::collections::BTreeMap<(String, Vec<String>), Vec<usize>> = Default::default();
    for (k, m) in continued.into_iter().enumerate() {
        if linked.contains(&(first_continued + k)) {
            continue; // a source of the event it joined
        }
        let (date, stems) = wording(&m);
        let key = (date, stems.into_iter().map(str::to_string).collect());
        own.entry(key).or_default().push(dated.len());
        dated.push(m);
    }
    events.extend(own.into_values().map(|members| (members, Vec::new())));

    let mut out: Vec<Event> = events
        .iter()
        .map(|(members, linked)| {
            let mentions: Vec<&Mention> =
                members.iter().map(|&i| &dated[i]).chain(linked.iter().map(|&i| &undated[i])).collect();
            let date = most_specific(members.iter().map(|&i| dated[i].date.as_ref().expect("dated")));
            let mut sources: Vec<(usize, Span)> = mentions.iter().map(|m| (m.doc, m.sentence)).collect();
            sort::sort_by_key(&mut sources, |(d, s)| (*d, s.start));
            sources.dedup();
            let clauses = members.iter().map(|&i| (dated[i].doc, dated[i].clause)).collect();
            let summary = summary::summarize(docs, &mentions);
            Event { date, summary, sources, clauses, salience: 0.0 }
        })
        .collect();
    score(&mut out, docs.len());
    if let Some(k) = max_events {
        sort::sort_by(&mut out, |a, b| b.salience.total_cmp(&a.salience));
        out.truncate(k);
    }
    sort::sort_by(&mut out, |a, b| {
        let ((a0, a1), (b0, b1)) = (a.date.interval(), b.date.interval());
        a0.cmp(&b0).then(a1.cmp(&b1)).then(b.salience.total_cmp(&a.salience))
    });
    out
}

/// For each document with an inferred date, a later date when it reports an
/// event that other documents date to the day after it (an article that
/// reports the 18 October suspension was written on or after 18 October).
pub fn later_dates(events: &[Event], inferred: &[Option<CalendarDate>]) -> Vec<Option<CalendarDate>> {
    let mut out = vec![None; inferred.len()];
    for e in
        events.iter().filter(|e| grain(&e.date.value) == Grain::Day && !e.date.approximate && e.date.until.is_none())
    {
        let day = e.date.interval().0;
        let mut dated_by: Vec<usize> = e.clauses.iter().map(|(d, _)| *d).collect();
        sort::sort(&mut dated_by);
        dated_by.dedup();
        for &(d, _) in &e.sources {
            let dated_elsewhere = dated_by.len() > 1 || dated_by.first().is_some_and(|&o| o != d);
            if let (Some(current), true) = (inferred[d], dated_elsewhere) {
                if day > current && out[d].is_none_or(|o: CalendarDate| day > o) {
                    out[d] = Some(day);
                }
            }
        }
    }
    out
}

/// Whether two dates can be one event's: equal, or the finer inside the
/// coarser when the coarser is at most a month ("two weeks ago" and "6 October").
fn compatible(a: &EventDate, b: &EventDate) -> bool {
    if a.value == b.value && a.until == b.until {
        return true;
    }
    let ((a0, a1), (b0, b1)) = (a.interval(), b.interval());
    let days =
        |x: crate::time::calendar::CalendarDate, y: crate::time::calendar::CalendarDate| y.to_days() - x.to_days();
    (a0 <= b0 && b1 <= a1 && days(a0, a1) <= 31) || (b0 <= a0 && a1 <= b1 && days(b0, b1) <= 31)
}

/// Candidate pairs of bags that share at least two content stems, found
/// through an inverted index; stems in more than [`MAX_POSTINGS`] bags are
/// too common to say anything and are skipped, so the work stays near linear.
fn candidates<'b>(bags: impl Iterator<Item = &'b Bag>) -> Vec<Vec<usize>> {
    let bags: Vec<&Bag> = bags.collect();
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, bag) in bags.iter().enumerate() {
        for stem in bag.keys() {
            postings.entry(stem.as_str()).or_default().push(i);
        }
    }
    let mut out = vec![Vec::new(); bags.len()];
    let mut shared: HashMap<usize, usize> = HashMap::new();
    for (i, bag) in bags.iter().enumerate() {
        shared.clear();
        for stem in bag.keys() {
            let list = &postings[stem.as_str()];
            if list.len() > MAX_POSTINGS {
                continue;
            }
            for &j in list.iter().filter(|&&j| j != i) {
                *shared.entry(j).or_insert(0) += 1;
            }
        }
        out[i] = shared.iter().filter(|(_, &n)| n >= 2).map(|(&j, _)| j).collect();
        sort::sort(&mut out[i]);
    }
    out
}

/// Bags listed in more than this many mentions are not used to find candidates.
const MAX_POSTINGS: usize = 400;

/// Representatives of mentions with the same date and the same content
/// words (a corpus that repeats a wire story): merged first, compared once.
fn distinct(mentions: &[Mention]) -> (Vec<usize>, Vec<usize>) {
    let mut first: HashMap<(String, Vec<&str>), usize> = HashMap::new();
    let mut representative = Vec::with_capacity(mentions.len());
    let mut reps = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let r = *first.entry(wording(m)).or_insert_with(|| {
            reps.push(i);
            i
        });
        representative.push(r);
    }
    (reps, representative)
}

/// What makes two mentions the same wording of the same date: the date's
/// value and the sorted content stems.
fn wording(m: &Mention) -> (String, Vec<&str>) {
    let mut stems: Vec<&str> = m.bag.keys().map(String::as_str).collect();
    sort::sort(&mut stems);
    (m.date.as_ref().map_or(String::new(), EventDate::label), stems)
}

/// Groups dated mentions into events: single linkage over pairs with
/// compatible dates and similar clauses, never two clauses of one sentence.
fn merge(dated: &[Mention], idf: &HashMap<String, f64>) -> Vec<Vec<usize>> {
    let mut sets = DisjointSets::new(dated.len());
    let (reps, representative) = distinct(dated);
    for (i, &r) in representative.iter().enumerate() {
        sets.union(i, r);
    }
    let pairs = candidates(reps.iter().map(|&r| &dated[r].bag));
    for (n, &a) in reps.iter().enumerate() {
        for &b in pairs[n].iter().filter(|&&m| m > n).map(|&m| &reps[m]) {
            let (x, y) = (&dated[a], &dated[b]);
            let same_sentence = x.doc == y.doc && x.sentence == y.sentence;
            let successive = x.doc == y.doc && (x.follows == Some(y.sentence) || y.follows == Some(x.sentence));
            if same_sentence || successive || !compatible(x.date.as_ref().unwrap(), y.date.as_ref().unwrap()) {
                continue;
            }
            let (dx, dy) = (x.date.as_ref().unwrap(), y.date.as_ref().unwrap());
            // Within one article, two dated sentences of a day are more often two happenings.
            let precise =
                x.doc != y.doc && [dx, dy].iter().all(|d| matches!(grain(&d.value), Grain::Day | Grain::Week));
            let threshold = if precise { MERGE_SIMILARITY_PRECISE } else { MERGE_SIMILARITY };
            if sets.find(a) != sets.find(b) && cosine(&x.bag, &y.bag, idf) >= threshold {
                sets.union(a, b);
            }
        }
    }
    merge_background(dated, &reps, idf, &mut sets);
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..dated.len() {
        groups.entry(sets.find(i)).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    sort::sort(&mut out);
    out
}

/// Most mentions of one year or decade compared pairwise for [`merge_background`].
const MAX_BACKGROUND_GROUP: usize = 64;
/// Similarity above which two background mentions that share a name merge.
const BACKGROUND_SIMILARITY: f64 = 0.05;
/// Least inverse document frequency of a shared name for [`merge_background`]:
/// named in at most a tenth of the clauses (ln 11).
const RARE_NAME_IDF: f64 = 2.39;

/// Background events: clauses of different articles dated to the same year
/// or decade that name the same participant ("broken off seven years ago in
/// the wake of the Ukraine crisis", "disagreements around Ukraine since
/// 2014") tell one development of the story's past, however worded; they
/// merge at a lower similarity than other clauses.
fn merge_background(dated: &[Mention], reps: &[usize], idf: &HashMap<String, f64>, sets: &mut DisjointSets) {
    let mut by_value: HashMap<String, Vec<usize>> = HashMap::new();
    for &r in reps {
        let date = dated[r].date.as_ref().expect("dated");
        if matches!(grain(&date.value), Grain::Year | Grain::Decade) {
            by_value.entry(date.label()).or_default().push(r);
        }
    }
    let rare = |k: &String| idf.get(k).is_some_and(|&w| w >= RARE_NAME_IDF);
    for group in by_value.values().filter(|g| g.len() <= MAX_BACKGROUND_GROUP) {
        for (n, &a) in group.iter().enumerate() {
            for &b in &group[n + 1..] {
                let (x, y) = (&dated[a], &dated[b]);
                let shares_name = x.names.iter().any(|k| y.names.contains(k) && rare(k));
                if x.doc != y.doc && shares_name && cosine(&x.bag, &y.bag, idf) >= BACKGROUND_SIMILARITY {
                    sets.union(a, b);
                }
            }
        }
    }
}

/// Most members of an event an undated sentence is compared with.
const MAX_MEMBERS_COMPARED: usize = 8;

/// Adds each undated sentence to the events it most resembles (at most
/// [`MAX_LINKS_PER_SENTENCE`], each above [`LINK_SIMILARITY`] once weighed by
/// [`recency`]: a past-tense sentence without a date most often tells the
/// story's recent news, rarely a distant event that shares its words).
fn link_undated(
    docs: &[DocView],
    dated: &[Mention],
    undated: &[Mention],
    idf: &HashMap<String, f64>,
    events: &mut [(Vec<usize>, Vec<usize>)],
) {
    let dates: Vec<EventDate> = events
        .iter()
        .map(|(members, _)| most_specific(members.iter().map(|&i| dated[i].date.as_ref().expect("dated"))))
        .collect();
    // Index the events' first members; undated mentions come after them in the list.
    let compared: Vec<(usize, usize)> = events
        .iter()
        .enumerate()
        .flat_map(|(e, (members, _))| members.iter().take(MAX_MEMBERS_COMPARED).map(move |&m| (e, m)))
        .collect();
    let (reps, representative) = distinct(undated);
    let bags = compared.iter().map(|&(_, m)| &dated[m].bag).chain(reps.iter().map(|&r| &undated[r].bag));
    let pairs = candidates(bags);
    let mut links_of_rep: HashMap<usize, Vec<usize>> = HashMap::new();
    for (n, &r) in reps.iter().enumerate() {
        let mention = &undated[r];
        let mut best: HashMap<usize, f64> = HashMap::new();
        for &k in pairs[compared.len() + n].iter().filter(|&&k| k < compared.len()) {
            let (e, m) = compared[k];
            if dated[m].doc == mention.doc && dated[m].sentence == mention.sentence {
                best.insert(e, f64::NEG_INFINITY); // the sentence's own event
                continue;
            }
            let score = cosine(&mention.bag, &dated[m].bag, idf) * recency(&docs[mention.doc], &dates[e]);
            let entry = best.entry(e).or_insert(0.0);
            if *entry != f64::NEG_INFINITY {
                *entry = entry.max(score);
            }
        }
        let mut scores: Vec<(f64, usize)> =
            best.into_iter().map(|(e, s)| (s, e)).filter(|(s, _)| *s >= LINK_SIMILARITY).collect();
        sort::sort_by(&mut scores, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        links_of_rep.insert(r, scores.iter().take(MAX_LINKS_PER_SENTENCE).map(|&(_, e)| e).collect());
    }
    for (u, r) in representative.iter().enumerate() {
        for &e in &links_of_rep[r] {
            events[e].1.push(u);
        }
    }
}

/// How likely an undated past-tense sentence of a document is to report an
/// event on `date`: 1 within [`RECENT_DAYS`] before the document's date, less
/// for older events, least for events after it (unless that date was
/// inferred from the text, and so is only a lower bound).
fn recency(doc: &DocView, date: &EventDate) -> f64 {
    let Some(dct) = doc.dct else { return 1.0 };
    let (first, last) = date.interval();
    let after = first.to_days() - dct.to_days();
    if after > 1 {
        return if doc.dct_inferred && after <= RECENT_DAYS { 1.0 } else { FUTURE_WEIGHT };
    }
    let age = dct.to_days() - last.to_days();
    if age <= RECENT_DAYS {
        1.0
    } else if age <= 366 {
        YEAR_WEIGHT
    } else {
        OLD_WEIGHT
    }
}

/// Days before a document's date within which events count as its news.
const RECENT_DAYS: i64 = 45;
/// Weight of an event of the past year that is not recent.
const YEAR_WEIGHT: f64 = 0.75;
/// Weight of an event more than a year old.
const OLD_WEIGHT: f64 = 0.55;
/// Weight of an event after the document's date.
const FUTURE_WEIGHT: f64 = 0.5;

/// The most specific of some compatible dates (the shortest interval).
fn most_specific<'a>(dates: impl Iterator<Item = &'a EventDate>) -> EventDate {
    dates
        .min_by_key(|d| {
            let (a, b) = d.interval();
            (b.to_days() - a.to_days(), d.approximate)
        })
        .cloned()
        .expect("an event has a date")
}

/// Salience: how many articles report the event (most), how often, how
/// precise its date is, and how close it is to the story's latest events.
fn score(events: &mut [Event], n_docs: usize) {
    let latest = events.iter().map(|e| e.date.interval().1).max();
    for e in events.iter_mut() {
        let docs = {
            let mut d: Vec<usize> = e.sources.iter().map(|(d, _)| *d).collect();
            d.dedup();
            d.len()
        };
        let coverage = docs as f64 / n_docs.max(1) as f64;
        let mentions = (e.sources.len() as f64).ln_1p() / (1.0 + (n_docs as f64 * 3.0).ln_1p());
        let precision = match grain(&e.date.value) {
            Grain::Day => 1.0,
            Grain::Week => 0.85,
            Grain::Month => 0.7,
            Grain::Season | Grain::Quarter | Grain::Half => 0.5,
            Grain::Year => 0.4,
            Grain::Decade | Grain::Century => 0.2,
        } * if e.date.approximate { 0.8 } else { 1.0 };
        let recency = latest.map_or(0.0, |l| {
            let age_days = (l.to_days() - e.date.interval().1.to_days()).max(0) as f64;
            1.0 / (1.0 + age_days / 365.0)
        });
        e.salience =
            ((0.5 * coverage + 0.15 * mentions.min(1.0) + 0.2 * precision + 0.15 * recency) * 1000.0).round() / 1000.0;
    }
}

/// The grain of a calendar value.
pub fn grain(value: &TimeValue) -> Grain {
    match value {
        TimeValue::Day(_) | TimeValue::Time(..) | TimeValue::PartOfDay(..) => Grain::Day,
        TimeValue::Week(..) => Grain::Week,
        TimeValue::Month(..) => Grain::Month,
        TimeValue::Season(..) => Grain::Season,
        TimeValue::Quarter(..) => Grain::Quarter,
        TimeValue::Half(..) => Grain::Half,
        TimeValue::Year(_) => Grain::Year,
        TimeValue::Decade(_) => Grain::Decade,
        _ => Grain::Century,
    }
}
