#!/usr/bin/env python3
"""Size against entity parity for ways of storing the NER weights (research).

Dev-time only; the results table is in models/README.md ("Smaller storage:
measured"). From the repository root:

    /work/venv-spacy/bin/python tools/ner_quant_research.py [GROUP ...]

GROUPs: base rtn std tensor lloyd gptq pertable mixed sequential small (default: all;
~5 min on 2 cores). `QWRITE=path` also writes each scheme that is still a format-2 file
(f32 scales, f32 small tensors) to `path`, so the Rust code can be checked on it: copy
it over models/ner-en-core-web-sm-3.6.0.bin and run tools/ner_stress_parity.py and
`cargo test --release --test main entities_match_spacy -- --nocapture`.

For each scheme the script quantizes spaCy's f32 weights, rebuilds the model file as it
would be stored, and prints its sizes: the file, `gzip -9` of it (Python's zlib, a few
hundred bytes off the gzip tool), and `gzip -9` of its base64 (how the offline page
carries it). Then it runs a numpy re-implementation of the inference (the exporter's,
batched) on the de-quantized weights and counts how many of spaCy's entities come out
identical (span and label, on spaCy's own tokens, tokenizer + NER only) on

* the 30 fixture texts (911 entities), and
* the stress corpus of tools/ner_stress_parity.py (716 paragraphs, 4203 entities),
  and separately its part made from the seed articles (their paragraphs as they are,
  upper-, lower- and title-cased: 2450 entities), which no calibration sees.

The numpy inference is f32; the Rust kernel also rounds activations to int16, so a
scheme's Rust figures differ by a few entities either way.

Calibration text (for the error-compensated "gptq" rounding of the Maxout layers) is the
25 paragraphs written for the fixtures (tools/spacy_fixture_texts.txt); the "sequential"
group also tries those paragraphs' case variants, which are part of the stress corpus
(so there only the held-out column is out of sample; the stress corpus's shuffled
paragraphs mix sentences of the seeds and the own paragraphs, and are never used to
calibrate). The embedding tables' rounding is
calibrated by the mix layer's weights alone (no text).
"""

import base64
import glob
import gzip
import json
import os
import pickle
import re
import struct
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import export_spacy_ner as ex  # noqa: E402
import ner_stress_parity as stress  # noqa: E402

REPO = ex.REPO
MODEL = REPO / "models" / "ner-en-core-web-sm-3.6.0.bin"
CACHE = Path("/tmp/dateline_ner_quant_cache.pkl")
WRITE = os.environ.get("QWRITE")
EMBEDS = [f"tok2vec.embed.{a}.E" for a in ex.ATTRS]
MAXOUTS = ["tok2vec.embed.mix.W"] + [f"tok2vec.encode.{i}.W" for i in range(4)]
SMALL = ["proj.W", "lower.W", "upper.W"]


# --------------------------------------------------------------------------
# Corpora: spaCy's tokens, hashed embedding rows and entities (cached)
# --------------------------------------------------------------------------

def prepare():
    if CACHE.exists():
        return pickle.loads(CACHE.read_bytes())
    from spacy.attrs import NORM, PREFIX, SUFFIX, SHAPE
    _, nlp, _ = ex.load_spacy()
    ner = nlp.get_pipe("ner")
    tensors, config = ex.collect_tensors(ner)

    def doc_entry(text, group):
        doc = ner(nlp.make_doc(text))
        ids = doc.to_array([NORM, PREFIX, SUFFIX, SHAPE]).astype(np.uint64)
        rows = np.zeros((len(doc), 4, 4), np.int64)
        for c in range(4):
            seed, n = config["embed"]["seeds"][c], config["embed"]["rows"][c]
            for t in range(len(doc)):
                rows[t, c] = [k % n for k in ex.thinc_hash_u64(int(ids[t, c]), seed)]
        return {"group": group, "texts": [t.text for t in doc], "rows": rows,
                "ents": {(e.start, e.end, e.label_) for e in doc.ents}}

    texts = ex.load_texts()
    fixtures = [doc_entry(t, "fixture") for _, t in texts]
    own = [doc_entry(t, "own") for name, t in texts if name.startswith("own-")]
    seeds_dir = str(REPO.parent / "shared" / "seeds")
    held = set()
    for f in sorted(glob.glob(f"{seeds_dir}/*.txt")):
        for p in re.split(r"\n\s*\n", Path(f).read_text()):
            if p.strip():
                p = p.strip()
                held |= {p, p.upper(), p.lower(), p.title()}
    own_variants = set()
    for p in (REPO / "tools" / "spacy_fixture_texts.txt").read_text().split("\n"):
        if p.strip() and not p.startswith("#"):
            p = p.strip()
            own_variants |= {p, p.upper(), p.lower(), p.title()}
    group = lambda t: "heldout" if t in held else "own-variant" if t in own_variants else "shuffled"  # noqa: E731
    docs = [doc_entry(t, group(t)) for t in stress.corpus(seeds_dir)]
    data = {"tensors": dict(tensors), "fixtures": fixtures, "own": own, "stress": docs,
            "labels": [m.split("-", 1)[1] for m in
                       [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)][:18]]}
    CACHE.write_bytes(pickle.dumps(data))
    return data


# --------------------------------------------------------------------------
# Batched numpy inference (models/README.md "Inference", f32)
# --------------------------------------------------------------------------

def layernorm(X, G, b):
    mu = X.mean(axis=1, keepdims=True)
    var = X.var(axis=1, keepdims=True) + np.float32(1e-8)
    return (X - mu) * var ** np.float32(-0.5) * G + b


def maxout(X, W, b):
    nO, nP, nI = W.shape
    return (X @ W.reshape(nO * nP, nI).T + b.reshape(nO * nP)).reshape(-1, nO, nP).max(axis=2)


class Batch:
    """Documents run as one sequence with each document's own 4 zero rows on each
    side. Exact: a token's encoding depends on the encoder's inputs at most 4 rows
    away, which are its document's tokens and padding."""

    def __init__(self, docs):
        self.docs = docs
        self.rows = np.concatenate([d["rows"] for d in docs])
        self.spans, pos = [], 0
        for d in docs:
            self.spans.append((pos, pos + len(d["texts"])))
            pos += len(d["texts"])

    def tok2vec(self, t, hook=None):
        """tok2vec of every token; `hook(layer, inputs)` sees each Maxout layer's inputs."""
        X = np.concatenate([t[e][self.rows[:, c]].sum(axis=1) for c, e in enumerate(EMBEDS)], axis=1)
        if hook:
            hook(MAXOUTS[0], X)
        X = layernorm(maxout(X, t["tok2vec.embed.mix.W"], t["tok2vec.embed.mix.b"]),
                      t["tok2vec.embed.mix.layernorm.G"], t["tok2vec.embed.mix.layernorm.b"])
        parts, where, pos = [], [], 0
        z4 = np.zeros((4, 96), np.float32)
        for a, b in self.spans:
            parts += [z4, X[a:b], z4]
            where.append(pos + 4)
            pos += b - a + 8
        H = np.concatenate(parts)
        z = np.zeros((1, 96), np.float32)
        for i in range(4):
            W3 = np.concatenate([np.concatenate([z, H[:-1]]), H, np.concatenate([H[1:], z])], axis=1)
            if hook:
                hook(MAXOUTS[1 + i], W3)
            H = H + layernorm(maxout(W3, t[f"tok2vec.encode.{i}.W"], t[f"tok2vec.encode.{i}.b"]),
                              t[f"tok2vec.encode.{i}.layernorm.G"], t[f"tok2vec.encode.{i}.layernorm.b"])
        return np.concatenate([H[w:w + (b - a)] for w, (a, b) in zip(where, self.spans)])

    def entities(self, t):
        """Greedy decoding without sentence boundaries: per document a set of
        (start, end, label index)."""
        proj = self.tok2vec(t) @ t["proj.W"].T + t["proj.b"]
        feats = (proj @ t["lower.W"].reshape(3 * 64 * 2, 64).T).reshape(-1, 3, 64, 2)
        pad = t["lower.pad"][0]
        UW, Ub, lb = t["upper.W"], t["upper.b"], t["lower.b"]
        closed = (feats[:, 0] + lb + pad[1] + pad[2]).max(axis=2) @ UW.T + Ub
        out = []
        for d, (a, _) in zip(self.docs, self.spans):
            n = len(d["texts"])
            ents, ent = set(), None
            for b0 in range(n):
                if ent is None:
                    cands = [73]                                         # O
                    if not d["texts"][b0].isspace():
                        cands = ([] if b0 == n - 1 else list(range(18))) + list(range(54, 72)) + cands
                    best = cands[int(np.argmax(closed[a + b0][cands]))]  # ties: lowest index
                    if best < 18:
                        ent = (b0, best)
                    elif best < 72:
                        ents.add((b0, b0 + 1, best - 54))
                else:
                    h = (lb + feats[a + b0, 0] + feats[a + ent[0], 1] + feats[a + b0 - 1, 2]).max(axis=1)
                    rows = ([18 + ent[1]] if b0 < n - 1 else []) + [36 + ent[1]]  # I-L, L-L
                    best = rows[int(np.argmax(UW[rows] @ h + Ub[rows]))]
                    if best >= 36:
                        ents.add((ent[0], b0 + 1, ent[1]))
                        ent = None
            out.append(ents)
        return out


# --------------------------------------------------------------------------
# Quantizers: (integer values as stored, f64 per-row scales)
# --------------------------------------------------------------------------

def as_rows(a):
    return a.reshape(-1, a.shape[-1]).astype(np.float64)


def f32_scales(s):
    return np.where(s == 0, 1.0, s).astype(np.float32).astype(np.float64)


def q_rowmax(a, levels):
    """Per-row scale max|row|/levels, round to nearest: values in [-levels, levels]
    (the shipped model is levels = 127)."""
    w = as_rows(a)
    s = f32_scales(np.abs(w).max(axis=1) / levels)
    return np.clip(np.rint(w / s[:, None]), -levels, levels), s


def q_rowstd(a, c):
    """Per-row step c·std(row), no clipping (an entropy-coded uniform quantizer: gzip
    does the coding)."""
    w = as_rows(a)
    s = f32_scales(np.maximum(w.std(axis=1) * c, np.abs(w).max(axis=1) / 127))
    return np.clip(np.rint(w / s[:, None]), -127, 127), s


def q_tensor(a, c):
    """One step for the whole tensor, c·std(tensor) (a row's own scale only where the
    values would not fit in int8)."""
    w = as_rows(a)
    s = f32_scales(np.maximum(np.full(w.shape[0], w.std() * c), np.abs(w).max(axis=1) / 127))
    return np.clip(np.rint(w / s[:, None]), -127, 127), s


def q_lloyd(a, k):
    """Per-row scale max|row|/127; the scaled values snapped to k integer levels
    shared by the tensor (Lloyd-Max on a sample of its scaled values)."""
    w = as_rows(a)
    s = f32_scales(np.abs(w).max(axis=1) / 127)
    u = w / s[:, None]
    sample = u.ravel()
    if sample.size > 200000:
        sample = np.random.default_rng(0).choice(sample, 200000, replace=False)
    c = np.quantile(sample, (np.arange(k) + 0.5) / k)
    for _ in range(30):
        idx = np.abs(sample[:, None] - c[None, :]).argmin(axis=1)
        c = np.array([sample[idx == j].mean() if (idx == j).any() else c[j] for j in range(k)])
    levels = np.unique(np.clip(np.rint(c), -127, 127))
    return levels[np.abs(u[..., None] - levels).argmin(axis=-1)], s


def q_gptq(a, X, levels, damp=0.01):
    """Error-compensated rounding (GPTQ / optimal brain quantization) with per-row
    scales max|row|/levels: the columns (inputs) are rounded in order, and each
    column's rounding error is spread over the columns not yet rounded through the
    inverse of H = XᵀX, which minimises |X·(w − q)|² row by row. For a Maxout layer
    X is its inputs on calibration text; for an embedding table it is the mix layer's
    weights for that table's 96 inputs (a row's error moves the mix pre-activations
    by W·error)."""
    W = as_rows(a).copy()
    _, s = q_rowmax(a, levels)
    H = X.astype(np.float64).T @ X.astype(np.float64)
    H += damp * np.mean(np.diag(H)) * np.eye(H.shape[0])
    U = np.linalg.cholesky(np.linalg.inv(H)).T
    Q = np.zeros_like(W)
    for j in range(W.shape[1]):
        Q[:, j] = np.clip(np.rint(W[:, j] / s), -levels, levels)
        err = (W[:, j] - Q[:, j] * s) / U[j, j]
        W[:, j + 1:] -= np.outer(err, U[j, j + 1:])
    return Q, s


# --------------------------------------------------------------------------
# Schemes
# --------------------------------------------------------------------------

class Lab:
    def __init__(self, data):
        self.f32 = {k: v.astype(np.float32) for k, v in data["tensors"].items()}
        self.labels = data["labels"]
        self.fix = Batch(data["fixtures"])
        self.stress = Batch(data["stress"])
        self.own = Batch(data["own"])
        self.own_variants = Batch([d for d in data["stress"] if d["group"] == "own-variant"])
        raw = MODEL.read_bytes()
        (n,) = struct.unpack("<I", raw[8:12])
        self.head = raw[:12 + n]
        self.order = [e["name"] for e in json.loads(raw[12:12 + n])["tensors"]]
        self.calib = {}
        self.own.tok2vec(self.f32, hook=lambda name, X: self.calib.__setitem__(name, X))
        mixW = self.f32["tok2vec.embed.mix.W"].reshape(288, 384)
        self.emb_x = {e: mixW[:, 96 * c:96 * (c + 1)] for c, e in enumerate(EMBEDS)}

    def parity(self, t):
        res = {}
        for batch in (self.fix, self.stress):
            for d, got in zip(batch.docs, batch.entities(t)):
                ref = {(s, e, self.labels.index(lab)) for s, e, lab in d["ents"]}
                r = res.setdefault(d["group"], [0, 0])
                r[0] += len(ref & got)
                r[1] += len(ref)
        st = [sum(r[i] for g, r in res.items() if g != "fixture") for i in (0, 1)]
        return res["fixture"], st, res["heldout"]

    def quantize(self, spec):
        """spec: {tensor name: (method, parameter)} for the embedding and Maxout
        tensors (default ("max", 127)), plus "scales" and "small": "f32" or "f16".
        Returns the de-quantized tensors and the stored bytes of every tensor."""
        t, stored = dict(self.f32), {}
        for name, a in self.f32.items():
            stored[name] = (a.astype("<f4").tobytes(), None)
        for name in EMBEDS + MAXOUTS:
            a = self.f32[name]
            method, p = spec.get(name, ("max", 127))
            if method == "max":
                q, s = q_rowmax(a, p)
            elif method == "gptq":
                q, s = q_gptq(a, self.emb_x[name] if name in EMBEDS else self.calib[name], p)
            else:
                q, s = {"std": q_rowstd, "tensor": q_tensor, "lloyd": q_lloyd}[method](a, p)
            if spec.get("scales") == "f16":
                s = s.astype(np.float16).astype(np.float64)
            t[name] = (q * s[:, None]).reshape(a.shape).astype(np.float32)
            dt = "<f2" if spec.get("scales") == "f16" else "<f4"
            stored[name] = (q.astype(np.int8).tobytes(), s.astype(dt).tobytes())
        if spec.get("small") == "f16":
            for name in SMALL:
                t[name] = self.f32[name].astype(np.float16).astype(np.float32)
                stored[name] = (self.f32[name].astype("<f2").tobytes(), None)
        return t, stored

    def sizes(self, stored):
        blob = self.head + b"".join(d + (s or b"") for d, s in (stored[n] for n in self.order))
        gz = lambda b: len(gzip.compress(b, 9))  # noqa: E731
        weights = gz(b"".join(stored[n][0] for n in EMBEDS)), gz(b"".join(stored[n][0] for n in MAXOUTS))
        return blob, (len(blob), gz(blob), gz(base64.b64encode(blob))), weights

    def row(self, label, t, stored=None):
        fx, st, ho = self.parity(t)
        pct = lambda r: f"{r[0]}/{r[1]} ({100 * r[0] / r[1]:.2f}%)"  # noqa: E731
        if stored is None:
            size = "| | | | "
        else:
            blob, (n, g, b), (we, wm) = self.sizes(stored)
            size = f"| {n:,} | {g:,} | {b:,} | {we:,} / {wm:,} "
        print(f"| {label} {size}| {fx[0]}/{fx[1]} | {pct(st)} | {pct(ho)} |", flush=True)

    def run(self, label, spec):
        t, stored = self.quantize(spec)
        if WRITE and spec.get("scales", "f32") == "f32" and spec.get("small", "f32") == "f32":
            Path(WRITE).write_bytes(self.sizes(stored)[0])  # a format-2 file the Rust code loads
        self.row(label, t, stored)

    def sequential(self, label, levels, calib, bias):
        """Embeddings by output-aware rounding, then each Maxout layer in order by GPTQ
        on the inputs of the model quantized so far; with `bias`, the layer's biases
        are moved by the mean change of its pre-activations against the f32 model.
        f16 scales and small tensors. (Sizes as the same levels without these steps.)"""
        t = dict(self.f32)
        for name in EMBEDS:
            q, s = q_gptq(self.f32[name], self.emb_x[name], levels[name])
            s = s.astype(np.float16).astype(np.float64)
            t[name] = (q * s[:, None]).reshape(self.f32[name].shape).astype(np.float32)
        for name in MAXOUTS:
            got = {}
            keep = lambda n, X: got.__setitem__(n, X) if n == name else None  # noqa: E731
            calib.tok2vec(t, hook=keep)
            Xq = got.pop(name)
            calib.tok2vec(self.f32, hook=keep)
            Xf = got.pop(name)
            q, s = q_gptq(self.f32[name], Xq, levels[name])
            s = s.astype(np.float16).astype(np.float64)
            W = (q * s[:, None]).reshape(self.f32[name].shape).astype(np.float32)
            t[name] = W
            if bias:
                b = name[:-1] + "b"
                nO, nP, nI = W.shape
                d = (Xf @ self.f32[name].reshape(nO * nP, nI).T - Xq @ W.reshape(nO * nP, nI).T).mean(axis=0)
                t[b] = (self.f32[b] + d.reshape(nO, nP)).astype(np.float32)
        for name in SMALL:
            t[name] = self.f32[name].astype(np.float16).astype(np.float32)
        self.row(label, t)


def main():
    lab = Lab(prepare())
    groups = set(sys.argv[1:])
    want = lambda g: not groups or g in groups  # noqa: E731
    every = lambda names, m: {n: m for n in names}  # noqa: E731
    f16 = {"scales": "f16", "small": "f16"}
    print("| scheme | file | gzip -9 | base64, gzip -9 | embed / Maxout values, gzip -9 | fixtures | stress | stress, held out |")
    print("|---|---|---|---|---|---|---|---|")
    if want("base"):
        lab.row("f32 (no quantization)", lab.f32)
        lab.run("int8, per-row max/127 (shipped, format 2)", {})
    if want("rtn"):
        for L in (63, 31, 15, 7):
            lab.run(f"embeddings per-row max/{L}", every(EMBEDS, ("max", L)))
            lab.run(f"Maxout per-row max/{L}", every(MAXOUTS, ("max", L)))
    if want("std"):
        for c in (0.25, 0.5, 1.0):
            lab.run(f"embeddings per-row step {c}·std", every(EMBEDS, ("std", c)))
            lab.run(f"Maxout per-row step {c}·std", every(MAXOUTS, ("std", c)))
    if want("tensor"):
        for c in (0.25, 0.5, 1.0):
            lab.run(f"embeddings per-tensor step {c}·std", every(EMBEDS, ("tensor", c)))
            lab.run(f"Maxout per-tensor step {c}·std", every(MAXOUTS, ("tensor", c)))
    if want("lloyd"):
        for k in (32, 16):
            lab.run(f"embeddings Lloyd-Max {k} levels", every(EMBEDS, ("lloyd", k)))
            lab.run(f"Maxout Lloyd-Max {k} levels", every(MAXOUTS, ("lloyd", k)))
    if want("gptq"):
        for L in (63, 31, 15, 7):
            lab.run(f"embeddings max/{L}, output-aware rounding", every(EMBEDS, ("gptq", L)))
            lab.run(f"Maxout max/{L}, GPTQ", every(MAXOUTS, ("gptq", L)))
    if want("pertable"):
        for name in EMBEDS + MAXOUTS:
            lab.run(f"{name} alone max/15", {name: ("max", 15)})
    if want("small"):
        lab.run("f16 row scales", {"scales": "f16"})
        lab.run("proj.W, lower.W, upper.W in f16", {"small": "f16"})
        lab.run("both", f16)
    mixed = {
        "B": {**every(EMBEDS + MAXOUTS, ("gptq", 63)),
              "tok2vec.embed.PREFIX.E": ("gptq", 31), "tok2vec.embed.SHAPE.E": ("gptq", 31)},
        "D": {**every(EMBEDS + MAXOUTS, ("gptq", 31)),
              "tok2vec.embed.NORM.E": ("gptq", 63), "tok2vec.embed.mix.W": ("gptq", 63)},
        "E": every(EMBEDS + MAXOUTS, ("gptq", 31)),
    }
    if want("mixed"):
        lab.run("all max/63, GPTQ + f16", {**every(EMBEDS + MAXOUTS, ("gptq", 63)), **f16})
        lab.run("B: max/63 but PREFIX, SHAPE max/31; GPTQ", mixed["B"])
        lab.run("B + f16", {**mixed["B"], **f16})
        lab.run("D: NORM, mix.W max/63, the rest max/31; GPTQ", mixed["D"])
        lab.run("D + f16", {**mixed["D"], **f16})
        lab.run("E: all max/31; GPTQ + f16", {**mixed["E"], **f16})
    if want("sequential"):
        for key in ("D", "E"):
            levels = {n: p for n, (_, p) in mixed[key].items()}
            lab.sequential(f"{key} + f16, sequential GPTQ", levels, lab.own, bias=False)
            lab.sequential(f"{key} + f16, sequential GPTQ + bias correction", levels, lab.own, bias=True)
            lab.sequential(f"{key} + f16, sequential GPTQ + bias correction, calibrated on the own "
                           "paragraphs' case variants too", levels, lab.own_variants, bias=True)


if __name__ == "__main__":
    main()
