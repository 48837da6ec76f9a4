//! Names with lowercase particles ("Ursula von der Leyen", "Ludwig van
//! Beethoven", "Luiz Inácio Lula da Silva"): the model sometimes ends the
//! person at a particle and gives the rest of the name another type, or none.
//! A person span that ends in a particle takes in the capitalised word after it.

use super::rules::Found;
use crate::analysis::EntityType;
use crate::span::Span;
use crate::tokenize::{Segmentation, TokenKind};

/// Lowercase words that stand inside a person's name, never at its end.
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "del", "della", "dos", "das", "du", "la", "le", "bin", "ibn", "al",
    "ter", "ten", "zu", "af", "y",
];

/// Extends every person mention whose last word is a particle over the
/// capitalised word that follows it (one space away), and drops the
/// mentions that word had.
pub fn join_particles(text: &str, seg: &Segmentation, found: &mut Vec<Found>) {
    let mut joined: Vec<Span> = Vec::new();
    for f in found.iter_mut() {
        if f.entity_type != EntityType::Person || !ends_in_particle(f.span.slice(text)) {
            continue;
        }
        let next = seg.tokens.partition_point(|t| t.span.start < f.span.end);
        let Some(word) = seg.tokens.get(next) else { continue };
        let capitalised = word.kind == TokenKind::Word && word.span.slice(text).starts_with(char::is_uppercase);
        if capitalised && &text[f.span.end..word.span.start] == " " {
            joined.push(Span::new(f.span.end, word.span.end));
            f.span.end = word.span.end;
        }
    }
    if !joined.is_empty() {
        found.retain(|f| !joined.iter().any(|j| j.start <= f.span.start && f.span.start < j.end));
    }
}

/// Whether the name's last word is a particle ("Ursula von der").
fn ends_in_particle(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let last = words.next_back();
    words.next().is_some() && last.is_some_and(|w| PARTICLES.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::segment;

    fn mention(text: &str, name: &str, entity_type: EntityType) -> Found {
        let start = text.find(name).unwrap();
        Found { span: Span::new(start, start + name.len()), entity_type }
    }

    fn joined(text: &str, mut found: Vec<Found>) -> Vec<(&str, EntityType)> {
        join_particles(text, &segment(text), &mut found);
        found.iter().map(|f| (f.span.slice(text), f.entity_type)).collect()
    }

    #[test]
    fn a_particle_takes_the_next_word() {
        let text = "Ursula von der Leyen is expected to visit.";
        let found = vec![mention(text, "Ursula von der", EntityType::Person), mention(text, "Leyen", EntityType::Gpe)];
        assert_eq!(joined(text, found), [("Ursula von der Leyen", EntityType::Person)]);
        let text = "Lula da Silva won.";
        assert_eq!(
            joined(text, vec![mention(text, "Lula da", EntityType::Person)]),
            [("Lula da Silva", EntityType::Person)]
        );
    }

    #[test]
    fn other_spans_stay() {
        // Not a person, a lowercase next word, a line break, a lone particle.
        let text = "Port de Paris said. Jan van\nBerg. Anna de la costa. von met Bonn.";
        let found = vec![
            mention(text, "Port de", EntityType::Org),
            mention(text, "Jan van", EntityType::Person),
            mention(text, "Anna de la", EntityType::Person),
            mention(text, "von", EntityType::Person),
        ];
        assert_eq!(
            joined(text, found),
            [
                ("Port de", EntityType::Org),
                ("Jan van", EntityType::Person),
                ("Anna de la", EntityType::Person),
                ("von", EntityType::Person)
            ]
        );
    }
}
