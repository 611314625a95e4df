//! Byte offsets of the loader and LSP positions: LSP counts a line's characters in UTF-16 code
//! units (unless a client negotiates otherwise, which we do not offer), our spans in bytes.

use lsp_types::{Position, Range};

/// The starts of a text's lines, so an offset finds its line by binary search.
#[derive(Debug, Clone)]
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    /// The position of byte `offset` (clamped to the text; inside a character, its start).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character = text[start..offset].encode_utf16().count();
        Position::new(line as u32, character as u32)
    }

    pub fn range(&self, text: &str, start: usize, end: usize) -> Range {
        Range::new(self.position(text, start), self.position(text, end))
    }

    /// The byte offset of `position` (a character past the line's end is its end; a line past
    /// the text's end is the text's end; a position inside a surrogate pair, the character).
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map_or(text.len(), |&next| next - 1);
        let mut units = 0;
        for (i, c) in text[start..end].char_indices() {
            if units >= position.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        end
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_code_units() {
        // `客户` is two characters of three bytes each and one UTF-16 unit each; `𝒳` is four
        // bytes and two units (a surrogate pair).
        let text = "a: 1\nname: 客户 x\n𝒳: y\n";
        let lines = Lines::new(text);
        let x = text.find(" x").unwrap() + 1;
        assert_eq!(
            x,
            5 + 6 + 6 + 1,
            "line start, `name: `, two characters, a space"
        );
        assert_eq!(lines.position(text, x), Position::new(1, 6 + 2 + 1));
        assert_eq!(lines.offset(text, Position::new(1, 9)), x);
        let y = text.find('y').unwrap();
        assert_eq!(lines.position(text, y), Position::new(2, 2 + 2));
        assert_eq!(lines.offset(text, Position::new(2, 4)), y);
        // Past the line's end is its end; past the text's end, the text's end.
        assert_eq!(lines.offset(text, Position::new(0, 99)), 4);
        assert_eq!(lines.offset(text, Position::new(9, 0)), text.len());
        assert_eq!(lines.position(text, 999), Position::new(3, 0));
    }
}
