//! Reads texts, one JSON string per line, on stdin and prints for each a
//! JSON list of the model's entities as `[start, end, label]` (code point
//! offsets, all 18 labels). Used by `tools/ner_stress_parity.py`.

use std::io::BufRead;

use dateline::entities::model::{recognize_labels, Breaks};

fn main() {
    for line in std::io::stdin().lock().lines() {
        let text: String = serde_json::from_str(&line.expect("stdin")).expect("a JSON string per line");
        let chars = |byte: usize| text[..byte].chars().count();
        let entities: Vec<(usize, usize, &str)> = recognize_labels(&text, Breaks::BlankLines)
            .into_iter()
            .map(|(span, label)| (chars(span.start), chars(span.end), label.name()))
            .collect();
        println!("{}", serde_json::to_string(&entities).expect("JSON"));
    }
}
