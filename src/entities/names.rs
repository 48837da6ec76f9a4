//! Comparing names: surface clean-up, spelling-variant keys and typo distance.
//!
//! Transliterations and spellings of one name differ in predictable ways:
//! Sergei/Sergey, Putin/Poutine, Patrushev/Patrouchev, Donbass/Donbas,
//! Kiev/Kyiv. [`variant_key`] folds those differences away; [`same_word`]
//! adds a guarded edit distance for the rest ("Jen"/"Jens").

/// The name as written, without a possessive ending or a leading "the".
pub fn surface(mention: &str) -> &str {
    let s = mention.trim();
    let s = ["’s", "'s", "’", "'"].iter().find_map(|p| s.strip_suffix(p)).unwrap_or(s);
    let s = ["the ", "The ", "THE "].iter().find_map(|p| s.strip_prefix(p)).unwrap_or(s);
    s.trim()
}

/// Lower case, Latin diacritics removed, apostrophes and dots dropped,
/// hyphens and runs of spaces as one space: "Delanoë" → "delanoe", "U.S." → "us".
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '.' | '\'' | '’' | '‘' => {}
            '-' | '–' | '—' | '\u{a0}' => push_space(&mut out),
            c if c.is_whitespace() => push_space(&mut out),
            c => out.extend(strip_diacritic(c).to_lowercase()),
        }
    }
    out.trim_end().to_string()
}

fn push_space(out: &mut String) {
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

/// The base letter of a Latin letter with a diacritic.
fn strip_diacritic(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => 'I',
        'ł' => 'l',
        'Ł' => 'L',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' | 'Ń' | 'Ň' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => 'O',
        'ř' => 'r',
        'Ř' => 'R',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'Ś' | 'Š' | 'Ş' | 'Ș' => 'S',
        'ť' | 'ţ' | 'ț' => 't',
        'Ť' | 'Ţ' | 'Ț' => 'T',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' | 'Ÿ' => 'Y',
        'ź' | 'ż' | 'ž' => 'z',
        'Ź' | 'Ż' | 'Ž' => 'Z',
        c => c,
    }
}

/// A key equal for common spelling variants of one folded word: French and
/// German transliterations (ou→u, ch→sh, w→v), y/i, kh/h, doubled letters
/// and a silent final e.
pub fn variant_key(folded_word: &str) -> String {
    let mut s =
        folded_word.replace("ou", "u").replace("ch", "sh").replace("kh", "h").replace('y', "i").replace('w', "v");
    let mut out = String::with_capacity(s.len());
    for c in s.drain(..) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    if out.len() > 4 && out.ends_with('e') {
        out.pop();
    }
    out
}

/// The consonants of a key, in order ("kiv" → "kv").
fn skeleton(key: &str) -> String {
    key.chars().filter(|c| !"aeiou".contains(*c)).collect()
}

/// Levenshtein distance between two short strings (by char).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Whether two folded words are spellings of one name: equal variant keys,
/// or one with a vowel dropped (Kiev/Kyiv), or one letter apart in a longer
/// word (Stoltenberg/Stoltenbeg).
pub fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (ka, kb) = (variant_key(a), variant_key(b));
    if ka == kb {
        return true;
    }
    let first_equal = ka.chars().next() == kb.chars().next();
    let shorter = ka.chars().count().min(kb.chars().count());
    let (short, long) = if ka.len() <= kb.len() { (&ka, &kb) } else { (&kb, &ka) };
    let vowel_dropped = skeleton(&ka) == skeleton(&kb) && is_subsequence(short, long);
    (first_equal && shorter >= 3 && vowel_dropped) || (first_equal && shorter >= 6 && edit_distance(&ka, &kb) == 1)
}

/// Whether the chars of `short` appear in `long` in order.
fn is_subsequence(short: &str, long: &str) -> bool {
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|d| d == c))
}

/// Whether two first names can name the same person: same name or variant,
/// an initial of the other ("J." / "Jens"), or one letter dropped ("Jen" / "Jens").
pub fn compatible_given_names(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    let first = |s: &str| s.chars().next();
    if a.chars().count() == 1 || b.chars().count() == 1 {
        return first(&a) == first(&b);
    }
    same_word(&a, &b)
        || (edit_distance(&a, &b) == 1 && a.chars().count().min(b.chars().count()) >= 3 && first(&a) == first(&b))
}

/// The initials of a multi-word name, skipping small words: "European
/// Leadership Network" → "eln", "Supreme Allied Commander Europe" → "sace".
pub fn initials(folded: &str) -> String {
    folded
        .split(' ')
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "on" | "in" | "de" | "du" | "des" | "la" | "le"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// A URL-safe id from a name: "Sergei Lavrov" → "sergei-lavrov".
pub fn slug(name: &str) -> String {
    let folded = fold(name);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "entity".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surfaces_and_folds() {
        assert_eq!(surface("Lavrov’s"), "Lavrov");
        assert_eq!(surface("the Kremlin"), "Kremlin");
        assert_eq!(fold("Igor Delanoë"), "igor delanoe");
        assert_eq!(fold("U.S."), "us");
        assert_eq!(fold("NATO-Russia  Council"), "nato russia council");
        assert_eq!(slug("Sergei Lavrov"), "sergei-lavrov");
        assert_eq!(slug("U.S."), "us");
        assert_eq!(initials("european leadership network"), "eln");
    }

    #[test]
    fn spelling_variants_join() {
        for (a, b) in [
            ("sergei", "sergey"),
            ("putin", "poutine"),
            ("patrushev", "patrouchev"),
            ("donbass", "donbas"),
            ("kiev", "kyiv"),
            ("dmitri", "dmitry"),
            ("stoltenberg", "stoltenbeg"),
        ] {
            assert!(same_word(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn different_names_stay_apart() {
        for (a, b) in [
            ("trenin", "kozak"),
            ("iran", "iraq"),
            ("austria", "australia"),
            ("boris", "lyndon"),
            ("moscow", "minsk"),
            ("paris", "peris"),
            ("sergei", "sergio"),
        ] {
            assert!(!same_word(a, b), "{a} / {b}");
        }
        assert!(compatible_given_names("jen", "jens"));
        assert!(compatible_given_names("J.", "jens"));
        assert!(!compatible_given_names("boris", "lyndon"));
        assert!(!compatible_given_names("dmitri", "dmitry") || same_word("dmitri", "dmitry"));
    }
}
