//! `dateline`: the command-line interface over the library (JSON out).

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use dateline::{analyze, find_dates, parse_doc_lines, tokenize, DocInput, Options};

const USAGE: &str = "\
usage: dateline analyze FILE... [--dct DATE] [--pretty]
       dateline analyze --docs DOCS.jsonl [--pretty]
       dateline tokenize FILE [--pretty]
       dateline dates --reference DATE [--day-first] < LINES


  analyze    print the Analysis (JSON) of the articles in FILE...; '-' reads stdin;
             .html/.htm files are web pages: the article's text is extracted (and printed
             as documents[].text) and the page's title, date and site name are used
  tokenize   print the tokens of FILE as JSON: start, end (UTF-16 code units), kind, sentence
  dates      for each line on stdin, print one JSON array of its temporal expressions
  --dct DATE     the publication date (YYYY-MM-DD) of every FILE (over any page's own)
  --docs FILE    one JSON document per line: {\"id\", \"text\" or \"html\", \"title\", \"published\", \"source\"}
  --reference DATE   the date (YYYY-MM-DD) relative expressions are resolved against
  --day-first    read 06/10/2021 as 6 October (default: June 10)
  --pretty       indent the JSON";

/// A failure reported as one line on stderr, with exit status 2.
struct Failure(String);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("dateline: {message}");
            ExitCode::from(2)
        }
    }
}

/// Parsed command-line flags shared by the subcommands.
#[derive(Default)]
struct Flags {
    files: Vec<String>,
    dct: Option<String>,
    docs: Option<String>,
    reference: Option<String>,
    day_first: bool,
    pretty: bool,
}

fn run(args: &[String]) -> Result<(), Failure> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure("no command given; try 'dateline --help'".into()));
    };
    match command.as_str() {
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        "-V" | "--version" => {
            println!("dateline {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        "analyze" => run_analyze(parse_flags(rest)?),
        "tokenize" => run_tokenize(parse_flags(rest)?),
        "dates" => run_dates(parse_flags(rest)?),
        other => Err(Failure(format!("unknown command {other:?}; try 'dateline --help'"))),
    }
}

fn parse_flags(args: &[String]) -> Result<Flags, Failure> {
    let mut flags = Flags::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next().cloned().ok_or_else(|| Failure(format!("{name} needs a value; try 'dateline --help'")))
        };
        match arg.as_str() {
            "--pretty" => flags.pretty = true,
            "--dct" => flags.dct = Some(value("--dct")?),
            "--docs" => flags.docs = Some(value("--docs")?),
            "--reference" => flags.reference = Some(value("--reference")?),
            "--day-first" => flags.day_first = true,
            "-" => flags.files.push(arg.clone()),
            flag if flag.starts_with('-') => {
                return Err(Failure(format!("unknown option {flag:?}; try 'dateline --help'")));
            }
            _ => flags.files.push(arg.clone()),
        }
    }
    Ok(flags)
}

fn run_analyze(flags: Flags) -> Result<(), Failure> {
    let docs = match (&flags.docs, flags.files.is_empty()) {
        (Some(_), false) => return Err(Failure("give either FILE... or --docs, not both".into())),
        (None, true) => return Err(Failure("analyze needs FILE... or --docs DOCS.jsonl; '-' reads stdin".into())),
        (Some(path), true) => {
            if flags.dct.is_some() {
                return Err(Failure(
                    "--dct applies to FILE...; with --docs give each line a \"published\" date".into(),
                ));
            }
            parse_doc_lines(&read_text(path)?).map_err(|e| Failure(format!("{path}: {e}")))?
        }
        (None, false) => flags
            .files
            .iter()
            .map(|path| {
                let content = read_text(path)?;
                let doc = if is_html_file(path) { DocInput::from_html(content) } else { DocInput::from_text(content) };
                Ok(DocInput { id: Some(document_id(path)), published: flags.dct.clone(), ..doc })
            })
            .collect::<Result<_, Failure>>()?,
    };
    let analysis = analyze(&docs, &Options::default()).map_err(|e| Failure(e.to_string()))?;
    print_json(&analysis, flags.pretty)
}

fn run_tokenize(flags: Flags) -> Result<(), Failure> {
    let [path] = flags.files.as_slice() else {
        return Err(Failure("tokenize needs exactly one FILE ('-' reads stdin)".into()));
    };
    if flags.dct.is_some() || flags.docs.is_some() {
        return Err(Failure("tokenize takes only FILE and --pretty".into()));
    }
    print_json(&tokenize(&read_text(path)?), flags.pretty)
}

fn run_dates(flags: Flags) -> Result<(), Failure> {
    let Some(reference) = flags.reference.as_deref() else {
        return Err(Failure("dates needs --reference YYYY-MM-DD (the date relative expressions count from)".into()));
    };
    if !flags.files.iter().all(|f| f == "-") || flags.dct.is_some() || flags.docs.is_some() {
        return Err(Failure("dates reads lines on stdin and takes only --reference, --day-first and --pretty".into()));
    }
    for line in read_text("-")?.lines() {
        let timexes = find_dates(line, Some(reference), flags.day_first).map_err(|e| Failure(e.to_string()))?;
        print_json(&timexes, flags.pretty)?;
    }
    Ok(())
}

/// A document's id: its file name without the extension ("stdin" for '-').
fn document_id(path: &str) -> String {
    if path == "-" {
        return "stdin".into();
    }
    let path = Path::new(path);
    path.file_stem()
        .or(path.file_name())
        .map_or_else(|| path.display().to_string(), |s| s.to_string_lossy().into_owned())
}

/// Whether a file is read as HTML: its name ends in `.html` or `.htm` (any case).
fn is_html_file(path: &str) -> bool {
    Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// The UTF-8 text of a file, or of stdin for '-'.
fn read_text(path: &str) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    let name = if path == "-" { "stdin" } else { path };
    read.map_err(|e| Failure(format!("cannot read {name}: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        Failure(format!(
            "{name} is not UTF-8 text (invalid byte at offset {}); convert it to UTF-8",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn print_json<T: serde::Serialize>(value: &T, pretty: bool) -> Result<(), Failure> {
    let json = if pretty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) };
    let json = json.map_err(|e| Failure(format!("cannot write JSON: {e}")))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}")
        .or_else(|e| if e.kind() == std::io::ErrorKind::BrokenPipe { Ok(()) } else { Err(e) })
        .map_err(|e| Failure(format!("cannot write output: {e}")))
}
