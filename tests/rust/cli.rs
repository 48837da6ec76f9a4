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

/// `text.slice(start, end)` of a JSON range, in UTF-16 code units as JavaScript would.
fn utf16_slice(text: &str, range: &serde_json::Value) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let (start, end) = (range["start"].as_u64().unwrap() as usize, range["end"].as_u64().unwrap() as usize);
    String::from_utf16(&units[start..end]).unwrap()
}

#[test]
fn analyze_html_files() {
    let page = temp_file("story.html", include_bytes!("../fixtures/html/news.html"));
    let upper = temp_file("other.HTM", b"<title>Second story here - Wire</title><p>Moscow replied on Tuesday.</p>");
    let plain = temp_file("notes.txt", b"<p>Not read as HTML.</p>");
    let paths = [&page, &upper, &plain].map(|p| p.to_str().unwrap().to_owned());
    let v = json(&dateline(&["analyze", &paths[0], &paths[1], &paths[2]], b""));
    let story = &v["documents"][0];
    assert_eq!(story["id"], "story");
    assert_eq!(story["title"], "Russia suspends its NATO mission");
    assert_eq!(story["source"], "The Daily Planet");
    assert_eq!(story["dct"], serde_json::json!({"value": "2021-10-18", "basis": "given"}));
    let text = story["text"].as_str().unwrap();
    assert!(text.starts_with("Russia suspends its NATO mission\n\n") && !text.contains("Putin"), "{text}");
    assert_eq!(utf16_slice(text, &story["sentences"][0]), "Russia suspends its NATO mission");
    for m in story["mentions"].as_array().unwrap() {
        assert_eq!(utf16_slice(text, m), m["text"].as_str().unwrap());
    }
    let other = &v["documents"][1];
    assert_eq!((&other["id"], &other["title"]), (&"other".into(), &"Second story here".into()));
    assert_eq!(other["text"], "Moscow replied on Tuesday.");
    let notes = &v["documents"][2];
    assert!(notes.get("text").is_none(), "text files are not extracted");
    assert_eq!(notes["sentences"].as_array().unwrap().len(), 1);
}

#[test]
fn dct_flag_wins_over_the_page_date() {
    let page = temp_file("dated.html", include_bytes!("../fixtures/html/news.html"));
    let v = json(&dateline(&["analyze", page.to_str().unwrap(), "--dct", "2021-10-21"], b""));
    assert_eq!(v["documents"][0]["dct"]["value"], "2021-10-21");
}

#[test]
fn docs_jsonl_with_html() {
    let docs = temp_file(
        "html.jsonl",
        br#"{"id": "h", "html": "<article><h1>Talks</h1><p>Envoys met.</p></article>", "source": "Wire"}
{"id": "t", "text": "Plain text."}
"#,
    );
    let v = json(&dateline(&["analyze", "--docs", docs.to_str().unwrap()], b""));
    assert_eq!(v["documents"][0]["text"], "Talks\n\nEnvoys met.");
    assert_eq!(v["documents"][0]["title"], "Talks");
    assert_eq!(v["documents"][0]["source"], "Wire");
    assert!(v["documents"][1].get("text").is_none());
    let both = temp_file("both.jsonl", br#"{"id": "b", "text": "x", "html": "<p>x</p>"}"#);
    assert_fails(&dateline(&["analyze", "--docs", both.to_str().unwrap()], b""), "both text and html");
    let neither = temp_file("neither.jsonl", br#"{"id": "n", "title": "No body"}"#);
    assert_fails(&dateline(&["analyze", "--docs", neither.to_str().unwrap()], b""), "neither text nor html");
}
