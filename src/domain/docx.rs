//! A letter as an editable Word document (`.docx`), written without a library.
//!
//! A `.docx` file is a ZIP archive of a few XML parts. Compression is not needed for a letter of
//! a few kilobytes, so every entry is STORED (method 0), which keeps the writer to a page of
//! code: no deflate, and a bit-by-bit CRC-32 instead of a 1 KB lookup table. The table would
//! add about 1 KB of data that compresses poorly to the letter tools' download (see
//! [`super::tools`]), and would only save a few milliseconds on the largest letter anyone could
//! type.
//!
//! The document mirrors the plain text letter: one paragraph per line, blocks separated by an
//! empty paragraph, the subject in bold. Text keeps its spaces (`xml:space="preserve"`) and
//! tabs. Only characters XML cannot hold (most control characters) are left out.

use super::letter::{Letter, Style};

/// The `.docx` media type, for a download's `Blob`.
pub const MEDIA_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"</Types>"#
);

const RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"</Relationships>"#
);

const DOCUMENT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"</Relationships>"#
);

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The letter as a `.docx` file. `large_print` sets 16 point text instead of 12.
pub fn docx(letter: &Letter, large_print: bool) -> Vec<u8> {
    let size = if large_print { "32" } else { "24" };
    let styles = [
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w=""#,
        W,
        r#""><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="Arial"/><w:sz w:val=""#,
        size,
        r#""/><w:szCs w:val=""#,
        size,
        r#""/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults></w:styles>"#,
    ]
    .concat();
    zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
        ("word/document.xml", document_xml(letter).as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
    ])
}

/// `word/document.xml`: one paragraph per line, on A4 with 2 cm margins.
pub fn document_xml(letter: &Letter) -> String {
    let mut out = [
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w=""#,
        W,
        r#""><w:body>"#,
    ]
    .concat();
    for (i, block) in letter.blocks.iter().enumerate() {
        if i > 0 {
            out.push_str("<w:p/>");
        }
        let bold = block.style == Style::Heading;
        for item in &block.text {
            let bullet = if block.style == Style::List {
                "• "
            } else {
                ""
            };
            let mut first = true;
            for line in split_lines(item) {
                paragraph(&mut out, if first { bullet } else { "" }, line, bold);
                first = false;
            }
        }
    }
    out.push_str(r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>"#);
    out
}

/// Splits at each line break (CRLF, LF or a lone CR), keeping empty lines: each becomes its own
/// paragraph, so blank lines between the person's paragraphs stay.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
}

fn paragraph(out: &mut String, bullet: &str, line: &str, bold: bool) {
    if bullet.is_empty() && line.is_empty() {
        out.push_str("<w:p/>");
        return;
    }
    out.push_str("<w:p><w:r>");
    if bold {
        out.push_str("<w:rPr><w:b/></w:rPr>");
    }
    out.push_str(r#"<w:t xml:space="preserve">"#);
    out.push_str(bullet);
    for ch in line.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' => out.push_str(r#"</w:t><w:tab/><w:t xml:space="preserve">"#),
            // Characters XML 1.0 cannot contain; everything else is kept as typed.
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            _ => out.push(ch),
        }
    }
    out.push_str("</w:t></w:r></w:p>");
}

/// CRC-32 (IEEE 802.3, as ZIP uses), one bit at a time: see the module notes for why.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// A ZIP archive of STORED entries. Every entry is dated 1 January 1980 (the earliest date ZIP
/// can hold), so the same letter always gives the same bytes.
pub fn zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        // Fields shared by the local header and the central directory, from "version needed"
        // to the extra field's length: version 2.0, no flags, STORED, 00:00 on 1980-01-01.
        let mut common = Vec::with_capacity(26);
        for half in [20u16, 0, 0, 0, 0x21] {
            common.extend_from_slice(&half.to_le_bytes());
        }
        for word in [crc, size, size] {
            common.extend_from_slice(&word.to_le_bytes());
        }
        common.extend_from_slice(&(name.len() as u16).to_le_bytes());
        common.extend_from_slice(&0u16.to_le_bytes());

        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&common);
        // Comment length, disk number, internal and external attributes, then the offset.
        central.extend_from_slice(&[0; 10]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let start = out.len() as u32;
    let count = files.len() as u16;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&[0; 2]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn keeps_empty_lines_and_drops_only_illegal_characters() {
        let lines: Vec<&str> = split_lines("a\r\n\nb\rc\n").collect();
        assert_eq!(lines, ["a", "", "b", "c", ""]);
        let mut out = String::new();
        paragraph(&mut out, "", "x\u{1}<\t&\u{200b}", false);
        assert_eq!(
            out,
            "<w:p><w:r><w:t xml:space=\"preserve\">x&lt;</w:t><w:tab/><w:t xml:space=\"preserve\">&amp;\u{200b}</w:t></w:r></w:p>"
        );
    }
}
