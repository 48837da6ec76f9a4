#!/usr/bin/env bash
# Every test: Rust (native, lints for native and wasm32), the built wasm
# package in Node, its TypeScript types, the packed tarball in Node and Vite,
# and the offline page in Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."

section() { printf '\n== %s\n' "$*"; }

section "setup"
t0=$(date +%s)
bash scripts/setup.sh
echo "setup took $(( $(date +%s) - t0 )) s"

section "rust: format, lints (native and wasm32), binding isolation"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings
# Only src/wasm.rs may know about JavaScript (STYLE.md, 1).
if grep -rlE 'wasm_bindgen|js_sys|web_sys' src --include='*.rs' | grep -v '^src/wasm.rs$'; then
  echo "error: wasm-bindgen names used outside src/wasm.rs" >&2
  exit 1
fi

section "rust: tests"
cargo test --quiet

section "build: wasm package and offline page"
node scripts/build.mjs

section "js: the wasm package in Node"
node --test tests/js/

section "js: date cases under other time zones (results must not depend on TZ)"
for tz in UTC Pacific/Kiritimati America/Los_Angeles; do
  TZ=$tz node --test tests/js/dates.test.mjs
done

section "js: TypeScript types"
node_modules/.bin/tsc -p tests/types --noEmit

section "js: packed tarball in Node and Vite"
node --test tests/package/

section "browser: the offline page in Chromium"
node --test --test-concurrency=1 tests/browser/

echo
echo "all tests passed"
