//! The `dateline` command line: output shape and one-line errors with exit 2.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn dateline(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the dateline binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn json(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

/// Asserts a failure with exit status 2 and a one-line message containing `needle`.
fn assert_fails(output: &Output, needle: &str) {
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("dateline: ") && stderr.contains(needle), "stderr: {stderr}");
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn analyze_files_with_a_dct() {
    let a = temp_file("a.txt", "Headline here\n\nRussia’s mission closed. NATO said so.".as_bytes());
    let b = temp_file("b.txt", b"Another text.");
    let out = dateline(&["analyze", a.to_str().unwrap(), b.to_str().unwrap(), "--dct", "2021-10-21"], b"");
    let v = json(&out);
    assert_eq!(v["version"], 1);
    assert_eq!(v["documents"][0]["id"], "a");
    assert_eq!(v["documents"][0]["title"], "Headline here");
    assert_eq!(v["documents"][0]["dct"]["value"], "2021-10-21");
    assert_eq!(v["documents"][0]["dct"]["basis"], "given");
    assert_eq!(v["documents"][0]["sentences"].as_array().unwrap().len(), 3);
    // "Russia’s": the curly apostrophe is 3 bytes but 1 UTF-16 unit.
    assert_eq!(v["documents"][0]["sentences"][1]["start"], 15);
    assert_eq!(v["documents"][0]["sentences"][1]["end"], 39);
    assert_eq!(v["documents"][1]["id"], "b");
    for key in ["entities", "timeline"] {
        assert!(v[key].is_array());
    }
}

#[test]
fn analyze_stdin_and_pretty() {
    let out = dateline(&["analyze", "-", "--pretty"], b"One. Two.");
    assert!(String::from_utf8_lossy(&out.stdout).contains("\n  \"documents\""));
    let v = json(&out);
    assert_eq!(v["documents"][0]["id"], "stdin");
    assert_eq!(v["documents"][0]["dct"]["basis"], "unknown");
}

#[test]
fn analyze_docs_jsonl() {
    let docs = temp_file(
        "docs.jsonl",
        br#"{"id": "x", "text": "Moscow replied.", "published": "2021-10-18", "source": "Wire"}

{"id": "y", "text": "Later text.", "title": "Given title"}
"#,
    );
    let v = json(&dateline(&["analyze", "--docs", docs.to_str().unwrap()], b""));
    assert_eq!(v["documents"][0]["dct"]["value"], "2021-10-18");
    assert_eq!(v["documents"][0]["source"], "Wire");
    assert_eq!(v["documents"][1]["title"], "Given title");
}

#[test]
fn tokenize_prints_utf16_tokens() {
    let v = json(&dateline(&["tokenize", "-"], "😀 NATO’s".as_bytes()));
    let tokens = v.as_array().unwrap();
    assert_eq!(tokens.len(), 3);
    assert_eq!((tokens[1]["start"].as_u64(), tokens[1]["end"].as_u64()), (Some(3), Some(7)));
    assert_eq!(tokens[2]["kind"], "word");
}

#[test]
fn errors_are_one_line_with_exit_2() {
    assert_fails(&dateline(&[], b""), "no command");
    assert_fails(&dateline(&["frobnicate"], b""), "unknown command");
    assert_fails(&dateline(&["analyze"], b""), "needs FILE");
    assert_fails(&dateline(&["analyze", "-", "--bogus"], b""), "unknown option");
    assert_fails(&dateline(&["analyze", "-", "--dct"], b""), "--dct needs a value");
    assert_fails(&dateline(&["analyze", "-", "--dct", "21/10/2021"], b"x"), "not an ISO 8601 date");
    assert_fails(&dateline(&["analyze", "/no/such/file.txt"], b""), "cannot read /no/such/file.txt");
    let latin1 = temp_file("latin1.txt", b"caf\xe9");
    assert_fails(&dateline(&["analyze", latin1.to_str().unwrap()], b""), "not UTF-8");
    assert_fails(&dateline(&["tokenize", "-"], b"\xff\xfe"), "stdin is not UTF-8");
    assert_fails(&dateline(&["tokenize"], b""), "exactly one FILE");
    let bad = temp_file("bad.jsonl", b"{\"text\": 5}\n");
    assert_fails(&dateline(&["analyze", "--docs", bad.to_str().unwrap()], b""), "line 1");
    let dup = temp_file("dup.jsonl", b"{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}\n");
    assert_fails(&dateline(&["analyze", "--docs", dup.to_str().unwrap()], b""), "two documents");
    for out in [dateline(&["analyze", "/no/such"], b""), dateline(&["frobnicate"], b"")] {
        assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end().lines().count(), 1);
    }
}
