#!/usr/bin/env python3
"""Writes models/html-entities.txt from the WHATWG's entities.json.

    python3 tools/html_entities.py entities.json > models/html-entities.txt

entities.json is https://html.spec.whatwg.org/entities.json (also shipped in
the `htmlize` crate). One line per name, sorted by bytes, for a binary search:
`NAME[*] HEX[ HEX]`, where NAME has no `&` or `;`, `*` marks the legacy names
that also decode without the semicolon, and HEX are the code points.
"""
import json
import sys

table = json.load(open(sys.argv[1], encoding="utf-8"))
legacy = {name[1:] for name in table if not name.endswith(";")}
names = {name[1:-1]: value["codepoints"] for name, value in table.items() if name.endswith(";")}
assert legacy <= names.keys()
for name in sorted(names, key=lambda n: n.encode()):
    mark = "*" if name in legacy else ""
    sys.stdout.write(f"{name}{mark} {' '.join('%X' % c for c in names[name])}\n")
