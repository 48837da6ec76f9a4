//! spaCy's BILUO transition system for NER with greedy decoding: the state
//! (next token, open entity), the valid moves, and the entities they build.

use super::Label;

/// What a move does to the state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Opens an entity at the next token (`B-L`).
    Begin,
    /// Continues the open entity (`I-L`).
    Inside,
    /// Closes the open entity with the next token (`L-L`).
    Last,
    /// A one-token entity (`U-L`).
    Unit,
    /// Not part of an entity (`O`).
    Out,
}

/// One move: an action and, except for `O`, a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Move {
    /// The action.
    pub action: Action,
    /// The entity label; `None` for `O` and for spaCy's internal `U-` (never valid here).
    pub label: Option<Label>,
}

/// The moves in the order of the upper layer's output rows.
pub struct Moves {
    moves: Vec<Move>,
    /// The valid moves of each state, ascending, at [`state_index`].
    valid: Vec<Vec<usize>>,
}

/// Number of distinct (open label, [`Context`]) states.
const STATES: usize = (1 + super::LABEL_NAMES.len()) * 8;

/// The index of a state in [`Moves::valid`].
fn state_index(open: Option<Label>, ctx: Context) -> usize {
    let open = open.map_or(0, |l| 1 + l as usize);
    open * 8 + usize::from(ctx.last) * 4 + usize::from(ctx.next_starts_sentence) * 2 + usize::from(ctx.is_space)
}

/// Every state (the inverse of [`state_index`]).
fn states() -> impl Iterator<Item = (Option<Label>, Context)> {
    let labels = std::iter::once(None).chain(super::LABEL_NAMES.iter().map(|&(l, _)| Some(l)));
    labels.flat_map(|open| {
        (0..8).map(move |bits| {
            (open, Context { last: bits & 4 != 0, next_starts_sentence: bits & 2 != 0, is_space: bits & 1 != 0 })
        })
    })
}

/// What the validity of a move depends on besides the open entity.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    /// The next token is the document's last.
    pub last: bool,
    /// The token after the next one starts a sentence (or paragraph).
    pub next_starts_sentence: bool,
    /// The next token is whitespace.
    pub is_space: bool,
}

impl Moves {
    /// Parses move names (`B-ORG`, …, `U-`, `O`). Panics on an unknown name.
    pub fn new(names: &[String]) -> Moves {
        let moves = names
            .iter()
            .map(|name| {
                if name == "O" {
                    return Move { action: Action::Out, label: None };
                }
                let (action, label) = name.split_once('-').unwrap_or_else(|| panic!("model file: bad move {name}"));
                let action = match action {
                    "B" => Action::Begin,
                    "I" => Action::Inside,
                    "L" => Action::Last,
                    "U" => Action::Unit,
                    _ => panic!("model file: bad move {name}"),
                };
                let label = (!label.is_empty())
                    .then(|| Label::from_name(label).unwrap_or_else(|| panic!("unknown label {label}")));
                Move { action, label }
            })
            .collect();
        let mut moves = Moves { moves, valid: vec![Vec::new(); STATES] };
        for (open, ctx) in states() {
            let valid = (0..moves.len()).filter(|&i| moves.is_valid(i, open, ctx)).collect();
            moves.valid[state_index(open, ctx)] = valid;
        }
        moves
    }

    /// Number of moves.
    pub fn len(&self) -> usize {
        self.moves.len()
    }

    /// Whether there are no moves.
    pub fn is_empty(&self) -> bool {
        self.moves.is_empty()
    }

    /// Move `i`.
    pub fn get(&self, i: usize) -> Move {
        self.moves[i]
    }

    /// Whether move `i` is valid with entity `open` open (spaCy's `ner.pyx`,
    /// without preset entities).
    pub fn is_valid(&self, i: usize, open: Option<Label>, ctx: Context) -> bool {
        let Move { action, label } = self.moves[i];
        match (action, label) {
            (Action::Out, _) => open.is_none(),
            (_, None) => false,
            (Action::Begin, Some(_)) => open.is_none() && !ctx.last && !ctx.next_starts_sentence && !ctx.is_space,
            (Action::Inside, l) => open.is_some() && open == l && !ctx.last && !ctx.next_starts_sentence,
            (Action::Last, l) => open.is_some() && open == l,
            (Action::Unit, Some(_)) => open.is_none() && !ctx.is_space,
        }
    }

    /// The valid move with the highest score (ties: the lowest index), scoring
    /// only valid moves (listed per state when the moves are read). There is
    /// always one (`O`, or `L` of the open label).
    pub fn best(&self, open: Option<Label>, ctx: Context, mut score: impl FnMut(usize) -> f32) -> usize {
        let mut best = None;
        for &i in &self.valid[state_index(open, ctx)] {
            let s = score(i);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
        best.expect("a valid move").0
    }
}

/// The greedy decoder's state: the open entity, if any.
#[derive(Clone, Copy, Debug, Default)]
pub struct Decoder {
    open: Option<(usize, Label)>,
}

impl Decoder {
    /// A decoder at the start of a document.
    pub fn new() -> Decoder {
        Decoder::default()
    }

    /// The open entity's first token and label.
    pub fn open(&self) -> Option<(usize, Label)> {
        self.open
    }

    /// The state's feature tokens for next token `b0` (spaCy's
    /// `set_context_tokens`, NER): `[B0, E0, B0-1]`, the last two only while an
    /// entity is open.
    pub fn state_tokens(&self, b0: usize) -> [Option<usize>; 3] {
        match self.open {
            Some((start, _)) => [Some(b0), Some(start), b0.checked_sub(1)],
            None => [Some(b0), None, None],
        }
    }

    /// Applies move `m` at token `b0`; returns the entity it closes, as a token
    /// range and label.
    pub fn apply(&mut self, m: Move, b0: usize) -> Option<(usize, usize, Label)> {
        match (m.action, m.label) {
            (Action::Begin, Some(label)) => {
                self.open = Some((b0, label));
                None
            }
            (Action::Last, _) => self.open.take().map(|(start, label)| (start, b0 + 1, label)),
            (Action::Unit, Some(label)) => Some((b0, b0 + 1, label)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moves() -> Moves {
        let names: Vec<String> =
            ["B-ORG", "B-PERSON", "I-ORG", "I-PERSON", "L-ORG", "L-PERSON", "U-ORG", "U-PERSON", "U-", "O"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        Moves::new(&names)
    }

    #[test]
    fn validity_follows_spacy() {
        let m = moves();
        let free = Context::default();
        let valid = |open, ctx| (0..m.len()).filter(|&i| m.is_valid(i, open, ctx)).collect::<Vec<_>>();
        assert_eq!(valid(None, free), [0, 1, 6, 7, 9]);
        assert_eq!(valid(Some(Label::Org), free), [2, 4]);
        assert_eq!(valid(Some(Label::Org), Context { last: true, ..free }), [4]);
        assert_eq!(valid(None, Context { is_space: true, ..free }), [9]);
        assert_eq!(valid(None, Context { next_starts_sentence: true, ..free }), [6, 7, 9]);
    }

    /// The per-state lists hold exactly the valid moves: `best` picks what a
    /// scan of all moves would, in every state.
    #[test]
    fn best_scans_the_valid_moves_of_every_state() {
        let m = moves();
        let mut n = 0;
        for (open, ctx) in states() {
            n += 1;
            let score = |i: usize| ((i * 7 + 3) % 5) as f32;
            let valid: Vec<usize> = (0..m.len()).filter(|&i| m.is_valid(i, open, ctx)).collect();
            assert_eq!(m.valid[state_index(open, ctx)], valid, "{open:?} {ctx:?}");
            // These test moves have no L- move for most labels: no state with them open.
            if let Some(want) = valid.iter().copied().reduce(|b, i| if score(i) > score(b) { i } else { b }) {
                assert_eq!(m.best(open, ctx, score), want, "{open:?} {ctx:?}");
            }
        }
        assert_eq!(n, STATES);
    }

    #[test]
    fn ties_go_to_the_lowest_index() {
        assert_eq!(moves().best(None, Context::default(), |_| 1.0), 0);
    }

    #[test]
    fn decoder_builds_spans() {
        let m = moves();
        let mut d = Decoder::new();
        assert_eq!(d.apply(m.get(1), 3), None);
        assert_eq!(d.state_tokens(4), [Some(4), Some(3), Some(3)]);
        assert_eq!(d.apply(m.get(5), 4), Some((3, 5, Label::Person)));
        assert_eq!(d.state_tokens(5), [Some(5), None, None]);
        assert_eq!(d.apply(m.get(6), 5), Some((5, 6, Label::Org)));
    }
}
