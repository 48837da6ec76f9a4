//! One identity per real entity across the documents of a story.
//!
//! Mentions are joined when they are the same name (after folding case,
//! diacritics and possessives), a spelling variant or one-letter typo of it
//! ([`super::names`]), a surname of a full name in the same document (or,
//! failing that, of the only such person in the corpus), or an acronym of a
//! name (written next to it in brackets, or matching its initials). Different
//! given names keep people apart ("Boris" and "Lyndon" Johnson).

use crate::hash::{HashMap, HashMapExt};

use crate::sets::DisjointSets;

use super::names::{compatible_given_names, fold, initials, same_word, slug, surface};
use crate::analysis::{Entity, EntityType};
use crate::sort;
use crate::span::Span;

/// A mention to link: its text, type and place.
#[derive(Clone, Debug)]
pub struct MentionRef<'a> {
    /// The mention's text.
    pub text: &'a str,
    /// Its type, as recognized.
    pub entity_type: EntityType,
    /// Where it is in its document.
    pub span: Span,
}

/// The mentions of one document.
#[derive(Clone, Debug)]
pub struct DocumentMentions<'a> {
    /// The document's id.
    pub id: &'a str,
    /// The document's text.
    pub text: &'a str,
    /// Its mentions, in order.
    pub mentions: Vec<MentionRef<'a>>,
}

/// The result of linking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Linking {
    /// For each document, for each mention: the index of its entity in `entities`.
    pub assignments: Vec<Vec<usize>>,
    /// For each document, for each mention: its type after document-level
    /// consistency ("Lavrov" is a PERSON where "Sergei Lavrov" is one).
    pub types: Vec<Vec<EntityType>>,
    /// The entities, in order of first mention.
    pub entities: Vec<Entity>,
}

/// A mention with its folded words, indexed globally.
struct Item<'a> {
    doc: usize,
    surface: &'a str,
    folded: String,
    entity_type: EntityType,
    span: Span,
}

impl Item<'_> {
    fn words(&self) -> Vec<&str> {
        self.folded.split(' ').collect()
    }
}

/// Links the mentions of all documents into entities.
pub fn link(docs: &[DocumentMentions]) -> Linking {
    let mut items: Vec<Item> = Vec::new();
    let mut first_of_doc = Vec::with_capacity(docs.len());
    for (d, doc) in docs.iter().enumerate() {
        first_of_doc.push(items.len());
        for m in &doc.mentions {
            let surface = surface(m.text);
            let folded = super::gazetteer::canonical_folded(&fold(surface)).to_string();
            items.push(Item { doc: d, surface, folded, entity_type: m.entity_type, span: m.span });
        }
    }
    harmonize_person_types(&mut items);
    let mut sets = DisjointSets::new(items.len());

    join_identical_names(&items, &mut sets);
    join_people(&items, &mut sets);
    join_variants(&items, &mut sets);
    join_acronyms(docs, &items, &first_of_doc, &mut sets);
    join_clippings(&items, &mut sets);

    build(docs, &items, &first_of_doc, &mut sets)
}

/// Shortest clipped name joined to its full form.
const MIN_CLIPPING: usize = 3;

/// A one-word organization that clips the first word of the story's only
/// longer organization that starts so: "the Fed" is the "Federal Reserve".
/// With two candidates ("Federal Reserve", "Federal Aviation Administration")
/// nothing joins.
fn join_clippings(items: &[Item], sets: &mut DisjointSets) {
    let is_org = |i: &usize| items[*i].entity_type == EntityType::Org;
    let long: Vec<usize> = first_of_each_name(
        &(0..items.len()).filter(is_org).filter(|&i| items[i].folded.contains(' ')).collect::<Vec<_>>(),
        |i| items[i].folded.as_str(),
    );
    let short: Vec<usize> = (0..items.len()).filter(is_org).filter(|&i| !items[i].folded.contains(' ')).collect();
    for &rep in &first_of_each_name(&short, |i| items[i].folded.as_str()) {
        let clip = items[rep].folded.as_str();
        if clip.chars().count() < MIN_CLIPPING {
            continue;
        }
        let clips = |j: &usize| {
            let first = items[*j].words()[0];
            first.len() > clip.len() && first.starts_with(clip)
        };
        let mut candidates = long.iter().copied().filter(clips);
        if let (Some(full), None) = (candidates.next(), candidates.next()) {
            for i in short.iter().copied().filter(|&i| items[i].folded == clip) {
                sets.union(i, full);
            }
        }
    }
}

/// Shortest surname whose spelling variants retype a one-word mention
/// ("Zelenskiy" after "Volodymyr Zelensky"); shorter ones only when equal.
const MIN_VARIANT_SURNAME: usize = 6;

/// A mention typed otherwise that names a person named in full in the story
/// becomes a PERSON: one word equal to the surname, or a spelling variant of
/// a long one ("Zelenskiy's spokesman", which models read as an ORG), or a
/// full name that is a spelling variant word for word ("Volodymyr
/// Zelenskyy" typed a PRODUCT beside "Volodymyr Zelensky").
fn harmonize_person_types(items: &mut [Item]) {
    let full_names: Vec<Vec<String>> = {
        let mut names: Vec<Vec<String>> = items
            .iter()
            .filter(|i| i.entity_type == EntityType::Person && i.words().len() >= 2)
            .map(|i| i.words().iter().map(|w| w.to_string()).collect())
            .collect();
        sort::sort(&mut names);
        names.dedup();
        names
    };
    let surnames: crate::hash::HashSet<&str> = full_names.iter().filter_map(|n| n.last()).map(String::as_str).collect();
    let names_a_person = |name: &str| {
        let words: Vec<&str> = name.split(' ').collect();
        match words.as_slice() {
            [one] => {
                surnames.contains(one)
                    || surnames.iter().any(|s| s.chars().count() >= MIN_VARIANT_SURNAME && same_word(s, one))
            }
            // The same name typed two ways is for the majority to settle ("Normandy Format").
            many => full_names.iter().any(|n| {
                n.len() == many.len() && n.iter().zip(many).all(|(a, b)| same_word(a, b)) && n.iter().ne(many.iter())
            }),
        }
    };
    // Each distinct name is compared once: a story repeats its names many times.
    let mut verdicts: HashMap<String, bool> = HashMap::new();
    for item in items.iter_mut().filter(|i| i.entity_type != EntityType::Person) {
        let person = match verdicts.get(&item.folded) {
            Some(&v) => v,
            None => {
                let v = names_a_person(&item.folded);
                verdicts.insert(item.folded.clone(), v);
                v
            }
        };
        if person {
            item.entity_type = EntityType::Person;
        }
    }
}

/// Same folded name, and types that can name one thing (a person only as a person).
fn join_identical_names(items: &[Item], sets: &mut DisjointSets) {
    let mut first_by_name: HashMap<(&str, bool), usize> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        // One-word names may be a person or a place ("Washington"); longer ones are one thing.
        let key = (item.folded.as_str(), item.entity_type == EntityType::Person && !item.folded.contains(' '));
        match first_by_name.get(&key) {
            Some(&j) => sets.union(i, j),
            None => {
                first_by_name.insert(key, i);
            }
        }
    }
}

/// Full names with the same surname and compatible given names; surnames
/// alone with the full name they shorten. Work is per distinct name, so a long
/// story with thousands of mentions stays cheap.
fn join_people(items: &[Item], sets: &mut DisjointSets) {
    let is_person = |i: &usize| items[*i].entity_type == EntityType::Person;
    let full: Vec<usize> = (0..items.len()).filter(is_person).filter(|&i| items[i].folded.contains(' ')).collect();
    let distinct_full = first_of_each_name(&full, |i| (items[i].folded.as_str(), 0));
    for (n, &a) in distinct_full.iter().enumerate() {
        for &b in &distinct_full[n + 1..] {
            let (wa, wb) = (items[a].words(), items[b].words());
            if same_word(wa[wa.len() - 1], wb[wb.len() - 1]) && compatible_given_names(wa[0], wb[0]) {
                sets.union(a, b);
            }
        }
    }

    let single: Vec<usize> = (0..items.len()).filter(is_person).filter(|&i| !items[i].folded.contains(' ')).collect();
    let mut lone_surnames = Vec::new();
    for &rep in &first_of_each_name(&single, |i| (items[i].folded.as_str(), items[i].doc)) {
        let (surname, doc) = (items[rep].folded.as_str(), items[rep].doc);
        let matches = |j: &usize| items[*j].words().last().is_some_and(|s| same_word(s, surname));
        let in_document: Vec<usize> = full.iter().copied().filter(|&j| items[j].doc == doc).filter(matches).collect();
        let mentions = single.iter().copied().filter(|&i| items[i].doc == doc && items[i].folded == surname);
        if in_document.is_empty() {
            // Not named in full here: the only such person in the corpus, if there is one.
            let mut roots: Vec<usize> = distinct_full.iter().copied().filter(matches).map(|j| sets.find(j)).collect();
            sort::sort(&mut roots);
            roots.dedup();
            match roots.as_slice() {
                [root] => mentions.for_each(|i| sets.union(i, *root)),
                [] => lone_surnames.push(rep),
                _ => {}
            }
            continue;
        }
        for i in mentions {
            // The person named last before the surname, else the first one named
            // (`in_document` is in text order).
            let before = in_document.partition_point(|&j| items[j].span.start < items[i].span.start);
            sets.union(i, in_document[before.saturating_sub(1)]);
        }
    }
    // Surnames never given in full join their spelling variants (Putin/Poutine).
    for (n, &a) in lone_surnames.iter().enumerate() {
        for &b in &lone_surnames[n + 1..] {
            if same_word(&items[a].folded, &items[b].folded) {
                sets.union(a, b);
            }
        }
    }
}

/// The first item of each distinct key among `indices`.
fn first_of_each_name<K: std::hash::Hash + Eq>(indices: &[usize], key: impl Fn(usize) -> K) -> Vec<usize> {
    let mut seen = crate::hash::HashSet::default();
    indices.iter().copied().filter(|&i| seen.insert(key(i))).collect()
}

/// Spelling variants of the same name and type, word by word (Kiev/Kyiv, Donbass/Donbas).
fn join_variants(items: &[Item], sets: &mut DisjointSets) {
    let mut representatives: Vec<usize> = Vec::new();
    let mut seen: HashMap<(&str, EntityType), ()> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        if seen.insert((item.folded.as_str(), item.entity_type), ()).is_none() {
            representatives.push(i);
        }
    }
    for (n, &a) in representatives.iter().enumerate() {
        for &b in &representatives[n + 1..] {
            let (x, y) = (&items[a], &items[b]);
            if x.entity_type != y.entity_type || x.entity_type == EntityType::Person {
                continue;
            }
            let (wx, wy) = (x.words(), y.words());
            if wx.len() == wy.len() && wx.iter().zip(&wy).all(|(p, q)| same_word(p, q)) {
                sets.union(a, b);
            }
        }
    }
}

/// "Supreme Allied Commander Europe (SACEUR)" and "European Leadership
/// Network … ELN": an acronym joins the name it abbreviates.
fn join_acronyms(docs: &[DocumentMentions], items: &[Item], first_of_doc: &[usize], sets: &mut DisjointSets) {
    for (d, doc) in docs.iter().enumerate() {
        let range = first_of_doc[d]..first_of_doc[d] + doc.mentions.len();
        let mut initials_of: HashMap<String, usize> = HashMap::new();
        for j in range.clone().filter(|&j| items[j].folded.contains(' ')) {
            initials_of.entry(initials(&items[j].folded)).or_insert(j);
        }
        for i in range.clone() {
            let acronym = items[i].surface;
            if !is_acronym(acronym) {
                continue;
            }
            // Written in brackets right after the name.
            if i > range.start {
                let name = &items[i - 1];
                let between = &doc.text[name.span.end..items[i].span.start];
                // An acronym starts as its name does ("ELN", "SACEUR"); "LOS ANGELES (AP)" is a dateline.
                let same_start = fold(acronym).chars().next() == name.folded.chars().next();
                if between.trim() == "(" && name.folded.contains(' ') && same_start {
                    sets.union(i - 1, i);
                    continue;
                }
            }
            // The initials of a longer name in the same document.
            if let Some(&j) = initials_of.get(fold(acronym).as_str()) {
                sets.union(i, j);
            }
        }
    }
}

/// Two to eight capitals, possibly with a digit or '&' ("NATO", "SACEUR", "G7").
fn is_acronym(s: &str) -> bool {
    (2..=8).contains(&s.len())
        && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
        && s.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
}

/// Entities from the sets: canonical name, aliases, documents, counts, ids.
fn build(docs: &[DocumentMentions], items: &[Item], first_of_doc: &[usize], sets: &mut DisjointSets) -> Linking {
    let mut entity_of_root: HashMap<usize, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for i in 0..items.len() {
        let root = sets.find(i);
        let e = *entity_of_root.entry(root).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[e].push(i);
    }
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    let entities: Vec<Entity> = members
        .iter()
        .map(|group| {
            let entity_type = majority_type(items, group);
            let name = canonical_name(items, group, entity_type);
            let mut aliases: Vec<String> = Vec::new();
            for &i in group {
                let s = items[i].surface;
                if s != name && !aliases.iter().any(|a| a == s) {
                    aliases.push(s.to_string());
                }
            }
            let mut documents: Vec<String> = Vec::new();
            for &i in group {
                let id = docs[items[i].doc].id;
                if !documents.iter().any(|d| d == id) {
                    documents.push(id.to_string());
                }
            }
            let base = slug(&name);
            let n = used_ids.entry(base.clone()).or_insert(0);
            *n += 1;
            let id = if *n == 1 { base } else { format!("{base}-{n}") };
            Entity { id, name, entity_type, aliases, documents, mentions: group.len() }
        })
        .collect();
    let assignments = docs
        .iter()
        .enumerate()
        .map(|(d, doc)| (0..doc.mentions.len()).map(|k| entity_of_root[&sets.find(first_of_doc[d] + k)]).collect())
        .collect();
    let types = docs
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            (0..doc.mentions.len())
                .map(|k| entities[entity_of_root[&sets.find(first_of_doc[d] + k)]].entity_type)
                .collect()
        })
        .collect();
    Linking { assignments, types, entities }
}

/// The type most of a group's mentions have (the first mention's on a tie).
fn majority_type(items: &[Item], group: &[usize]) -> EntityType {
    let mut counts: Vec<(EntityType, usize)> = Vec::new();
    for &i in group {
        match counts.iter_mut().find(|(t, _)| *t == items[i].entity_type) {
            Some((_, n)) => *n += 1,
            None => counts.push((items[i].entity_type, 1)),
        }
    }
    counts.iter().fold((items[group[0]].entity_type, 0), |best, &(t, n)| if n > best.1 { (t, n) } else { best }).0
}

/// The most frequent form; for people the most frequent full name; ties go
/// to the longer, then the earlier form. Acronyms give way to their expansions.
fn canonical_name(items: &[Item], group: &[usize], entity_type: EntityType) -> String {
    let mut forms: Vec<(&str, usize, usize)> = Vec::new(); // (surface, count, first index)
    for &i in group {
        match forms.iter_mut().find(|(s, _, _)| *s == items[i].surface) {
            Some((_, n, _)) => *n += 1,
            None => forms.push((items[i].surface, 1, i)),
        }
    }
    let full_names = entity_type == EntityType::Person && forms.iter().any(|(s, _, _)| s.contains(' '));
    forms
        .iter()
        .filter(|(s, _, _)| !full_names || s.contains(' '))
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.len().cmp(&b.0.len())).then(b.2.cmp(&a.2)))
        .map_or_else(String::new, |(s, _, _)| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    /// Links documents given as text with mentions marked `[text|TYPE]`; returns
    /// each document's mention entity ids and the entities.
    fn run(docs: &[&str]) -> (Vec<Vec<String>>, Vec<Entity>) {
        let parsed: Vec<(String, Vec<(Span, EntityType)>)> = docs.iter().map(|d| parse(d)).collect();
        let ids: Vec<String> = (0..docs.len()).map(|i| format!("d{i}")).collect();
        let inputs: Vec<DocumentMentions> = parsed
            .iter()
            .zip(&ids)
            .map(|((text, marks), id)| DocumentMentions {
                id,
                text,
                mentions: marks
                    .iter()
                    .map(|&(span, t)| MentionRef { text: span.slice(text), entity_type: t, span })
                    .collect(),
            })
            .collect();
        let linking = link(&inputs);
        let names = linking
            .assignments
            .iter()
            .map(|doc| doc.iter().map(|&e| linking.entities[e].id.clone()).collect())
            .collect();
        (names, linking.entities)
    }

    fn parse(marked: &str) -> (String, Vec<(Span, EntityType)>) {
        let mut text = String::new();
        let mut marks = Vec::new();
        let mut rest = marked;
        while let Some(open) = rest.find('[') {
            text.push_str(&rest[..open]);
            let close = rest[open..].find(']').unwrap() + open;
            let (name, kind) = rest[open + 1..close].split_once('|').unwrap();
            let start = text.len();
            text.push_str(name);
            let t = match kind {
                "PERSON" => Person,
                "ORG" => Org,
                "GPE" => Gpe,
                "LOC" => Loc,
                "NORP" => Norp,
                _ => Event,
            };
            marks.push((Span::new(start, text.len()), t));
            rest = &rest[close + 1..];
        }
        text.push_str(rest);
        (text, marks)
    }

    #[test]
    fn surnames_join_the_full_name_in_their_document() {
        let (ids, entities) = run(&[
            "[Sergei Lavrov|PERSON] spoke. [Lavrov|ORG] said [Lavrov’s|PERSON] view was clear.",
            "[Sergey Lavrov|PERSON] met [Jens Stoltenberg|PERSON]; [Jen Stoltenberg|PERSON] replied.",
        ]);
        assert_eq!(ids[0], ["sergei-lavrov"; 3]);
        assert_eq!(ids[1], ["sergei-lavrov", "jens-stoltenberg", "jens-stoltenberg"]);
        let lavrov = &entities[0];
        assert_eq!((lavrov.entity_type, lavrov.mentions), (Person, 4));
        assert_eq!(lavrov.aliases, ["Lavrov", "Sergey Lavrov"]);
        assert_eq!(lavrov.documents, ["d0", "d1"]);
    }

    #[test]
    fn different_people_stay_apart() {
        let (ids, _) = run(&[
            "[Dmitri Trenin|PERSON] and [Dmitry Kozak|PERSON] met [Boris Johnson|PERSON].",
            "[Lyndon Johnson|PERSON] signed it. Later [Johnson|PERSON] left.",
        ]);
        assert_eq!(ids[0], ["dmitri-trenin", "dmitry-kozak", "boris-johnson"]);
        assert_eq!(ids[1], ["lyndon-johnson", "lyndon-johnson"]);
    }

    #[test]
    fn a_spelling_typed_otherwise_joins_the_person() {
        // The model types a variant of a known full name as a product, its
        // possessive surname as an organization; both are the person.
        let (ids, entities) = run(&[
            "[Volodymyr Zelensky|PERSON] met [Olaf Scholz|PERSON].",
            "[Volodymyr Zelenskyy|EVENT] won a pledge. [Zelenskiy|ORG]'s aide, [Apple|ORG] and [Scholz|PERSON] spoke.",
        ]);
        assert_eq!(ids[1][0], ids[0][0]);
        assert_eq!(ids[1][1], ids[0][0]);
        assert_eq!(entities.iter().find(|e| e.id == ids[0][0]).unwrap().entity_type, Person);
        // A short or unrelated name stays what it was.
        assert_eq!(entities.iter().find(|e| e.id == ids[1][2]).unwrap().entity_type, Org);
    }

    #[test]
    fn a_clipped_name_joins_its_only_full_form() {
        let (ids, _) = run(&["The [Fed|ORG] held rates. The [Federal Reserve|ORG] met; [Fed|ORG] officials spoke."]);
        assert_eq!(ids[0][0], ids[0][1]);
        assert_eq!(ids[0][2], ids[0][1]);
        // Two full forms it could clip: it joins neither.
        let (ids, _) =
            run(&["The [Fed|ORG], the [Federal Reserve|ORG] and the [Federal Aviation Administration|ORG]."]);
        assert!(ids[0][0] != ids[0][1] && ids[0][0] != ids[0][2]);
    }

    #[test]
    fn place_spellings_and_transliterations_join() {
        let (ids, _) = run(&[
            "[Kiev|GPE] and the [Donbass|LOC]; [Putin|PERSON] and [Patrushev|PERSON].",
            "[Kyiv|GPE] and the [Donbas|LOC]; [Poutine|PERSON] and [Patrouchev|PERSON].",
        ]);
        assert_eq!(ids[0], ids[1]);
    }

    #[test]
    fn acronyms_join_their_expansions() {
        let (ids, entities) = run(&[
            "[Supreme Allied Commander Europe|ORG] ([SACEUR|ORG]) said. The [European Leadership Network|ORG] and the [ELN|ORG].",
        ]);
        assert_eq!(ids[0][0], ids[0][1]);
        assert_eq!(ids[0][2], ids[0][3]);
        assert_eq!(entities[0].name, "Supreme Allied Commander Europe");
        // A dateline's agency in brackets is not the place's acronym.
        let (ids, _) = run(&["[LOS ANGELES|GPE] ([AP|ORG]) — [LeBron James|PERSON] scored."]);
        assert_ne!(ids[0][0], ids[0][1]);
    }

    #[test]
    fn a_name_with_two_types_stays_one_entity() {
        let (ids, entities) = run(&["[NATO|ORG] said. [NATO|GPE] and [NATO|ORG] agreed."]);
        assert_eq!(ids[0], ["nato"; 3]);
        assert_eq!(entities[0].entity_type, Org);
    }
}
