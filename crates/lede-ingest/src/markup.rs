//! Character references and light HTML: decoding `&amp;`, `&#N;` and the common named entities,
//! dropping control characters, and turning an HTML body into lines of text.

use std::sync::LazyLock;

use regex::Regex;

/// Block-level boundaries (`</p>`, `<br>`, `</div>`, headings, list items) that end a line.
static BLOCK_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)<br\s*/?>|</(?:p|div|h[1-6]|li|blockquote|tr)\s*>").expect("valid regex")
});

/// Any other tag, comment or `<script>`/`<style>` element.
static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|</?[a-z][^>]*>")
        .expect("valid regex")
});

/// Decodes character references (`&lt;`, `&amp;`, `&#N;`, `&#xN;`, `&nbsp;`, `&rsquo;`, …) and
/// drops control characters (such as the Reuters wire's `&#2;`, `&#3;`, `&#127;`), keeping line
/// breaks and tabs. Unknown references stay as written.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        push_clean(&mut out, &rest[..amp]);
        let after = &rest[amp..];
        let window = &after.as_bytes()[..after.len().min(12)];
        if let Some(semi) = window.iter().position(|&b| b == b';') {
            if let Some(c) = reference(&after[1..semi]) {
                if keep_char(c) {
                    out.push(c);
                }
                rest = &after[semi + 1..];
                continue;
            }
        }
        out.push('&');
        rest = &after[1..];
    }
    push_clean(&mut out, rest);
    out
}

/// The char a reference name (between `&` and `;`) stands for.
fn reference(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        n => {
            let code = if let Some(h) = n.strip_prefix("#x").or_else(|| n.strip_prefix("#X")) {
                u32::from_str_radix(h, 16).ok()?
            } else {
                n.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(code)?
        }
    })
}

/// Whether a char stays in the text: no control characters but line breaks and tabs.
fn keep_char(c: char) -> bool {
    !c.is_control() || c == '\n' || c == '\t'
}

/// Appends `s` without its control characters.
fn push_clean(out: &mut String, s: &str) {
    if s.bytes()
        .all(|b| (0x20..0x7f).contains(&b) || b == b'\n' || b == b'\t')
    {
        out.push_str(s);
    } else {
        out.extend(s.chars().filter(|&c| keep_char(c)));
    }
}

/// True when a body carries HTML paragraph or line-break markup.
pub fn looks_like_html(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    lower.contains("</p>") || lower.contains("<br") || lower.contains("</div>")
}

/// Turns an HTML body into plain text with one line per block: breaks at block boundaries, tags
/// removed, references decoded.
pub fn html_to_text(s: &str) -> String {
    let broken = BLOCK_BREAK.replace_all(s, "\n");
    let stripped = TAG.replace_all(&broken, "");
    decode_entities(&stripped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_decode_and_control_characters_go() {
        assert_eq!(
            decode_entities("a &lt;b&gt; &amp; &#65;&#x42; x&#127;y &#3;&#5;\n&bogus; & z"),
            "a <b> & AB xy \n&bogus; & z"
        );
        assert_eq!(decode_entities("caf\u{e9}&#2;"), "café");
        assert_eq!(decode_entities("it&rsquo;s&nbsp;ok"), "it’s ok");
        assert_eq!(decode_entities("&#99999999;&"), "&#99999999;&");
    }

    #[test]
    fn html_bodies_become_lines() {
        let html = "<p>First <b>bold</b> line.</p><p>Second&nbsp;one<br/>wraps</p>\
                    <script>var x = '<p>';</script>";
        assert!(looks_like_html(html));
        let text = html_to_text(html);
        let lines: Vec<&str> = lede_text::paragraphs(&text).collect();
        assert_eq!(lines, vec!["First bold line.", "Second one", "wraps"]);
        assert!(!looks_like_html("a < b and c > d"));
    }
}
