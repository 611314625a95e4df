//! A spanned YAML node tree built from `saphyr-parser` events.
//!
//! Why not a typed serde route: serde stops at the first wrong type in a file, and a linter
//! has to report every problem with its exact place. The event stream of `saphyr-parser` is the
//! fastest spanned parser we measured (see `docs/performance.md`), so we build our own small
//! arena tree from it: nodes in one `Vec` (no recursive drop, so 10,000-deep nesting cannot
//! overflow the stack), byte spans, duplicate keys kept (the converter reports them), aliases
//! kept as links with a budget on how much they may expand (alias bombs are rejected).
//!
//! A node is 20 bytes (a file of many small elements holds about 20 nodes per 150 bytes of
//! text), and [`parse_with`] lets the reader take each complete element out of the tree as
//! soon as it is parsed, so a large file is never held whole as a tree.

use saphyr_parser::{Event, Parser, ScalarStyle, Span as MarkerSpan};
use std::collections::HashMap;

/// Deepest nesting accepted; real models nest about 8 levels.
pub const MAX_DEPTH: usize = 256;
/// How many nodes aliases may add to one file before it is rejected as an alias bomb (the
/// budget is not renewed per document: a thousand documents just under it are a bomb too).
pub const MAX_ALIAS_EXPANSION: u64 = 1_000_000;

/// In the alias budget a scalar counts one node per this many bytes of text, so aliases cannot
/// multiply one long text either (1 MB anchored once and aliased 2,000 times made 2 GB of
/// output and took 6 GB of memory).
pub const SCALAR_BYTES_PER_NODE: u64 = 16;

fn scalar_weight(len: usize) -> u64 {
    1 + len as u64 / SCALAR_BYTES_PER_NODE
}

/// A byte range in one source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: start as u32,
            end: end.max(start) as u32,
        }
    }
}

/// Index of a node in its document's arena.
pub type NodeId = u32;

/// What a node is, borrowed from its document.
#[derive(Debug, Clone, Copy)]
pub enum NodeKind<'d> {
    Scalar {
        text: &'d str,
        plain: bool,
    },
    Seq(&'d [NodeId]),
    /// Key and value pairs in source order; duplicate keys are kept.
    Map(&'d [(NodeId, NodeId)]),
    Alias(NodeId),
}

#[derive(Debug)]
pub struct Node {
    pub span: Span,
    kind: Stored,
}

/// How a node is kept: collections as ranges of the document's shared child lists, and
/// scalars as a range of the source text when their value is written there verbatim (almost
/// every scalar), so building the tree allocates nothing per node. Tags and the few scalars
/// whose value is not written verbatim (escapes, folded lines) are kept beside the nodes.
#[derive(Debug)]
enum Stored {
    /// A scalar whose value is the source text from `start` to `end`.
    Verbatim {
        start: u32,
        end: u32,
        plain: bool,
    },
    /// A scalar whose value is `owned[index]` of its document.
    Owned {
        index: u32,
        plain: bool,
    },
    Seq {
        start: u32,
        len: u32,
    },
    Map {
        start: u32,
        len: u32,
    },
    Alias(NodeId),
    /// A mapping taken out of the tree while parsing (see [`Take`]), with the number the
    /// taker gave it; it reads as an empty mapping.
    Taken(u32),
}

// Twenty bytes a node: the tree of a file of small elements is about three times its text.
const _: () = assert!(std::mem::size_of::<Node>() == 20);

/// One YAML document of a file.
#[derive(Debug)]
pub struct Document<'src> {
    source: &'src str,
    nodes: Vec<Node>,
    items: Vec<NodeId>,
    pairs: Vec<(NodeId, NodeId)>,
    /// Values of scalars not written verbatim, in node order.
    owned: Vec<Box<str>>,
    /// Tags of the nodes that have one, in node order (few do).
    tags: Vec<(NodeId, Box<str>)>,
    pub root: Option<NodeId>,
}

/// Why a file could not be read as YAML, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

/// A scalar read with the YAML 1.2 core schema.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(&'a str),
}

impl<'src> Document<'src> {
    fn new(source: &'src str) -> Self {
        Document {
            source,
            nodes: Vec::new(),
            items: Vec::new(),
            pairs: Vec::new(),
            owned: Vec::new(),
            tags: Vec::new(),
            root: None,
        }
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// Every node, in the order the parser met them.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.nodes.iter()
    }

    /// What the node at `id` is (aliases are not followed: see [`Document::deref`]).
    pub fn kind(&self, id: NodeId) -> NodeKind<'_> {
        self.kind_of(self.node(id))
    }

    /// What `node` (a node of this document) is.
    pub fn kind_of<'d>(&'d self, node: &'d Node) -> NodeKind<'d> {
        match node.kind {
            Stored::Verbatim { start, end, plain } => NodeKind::Scalar {
                text: &self.source[start as usize..end as usize],
                plain,
            },
            Stored::Owned { index, plain } => NodeKind::Scalar {
                text: &self.owned[index as usize],
                plain,
            },
            Stored::Seq { start, len } => {
                NodeKind::Seq(&self.items[start as usize..(start + len) as usize])
            }
            Stored::Map { start, len } => {
                NodeKind::Map(&self.pairs[start as usize..(start + len) as usize])
            }
            Stored::Alias(target) => NodeKind::Alias(target),
            Stored::Taken(_) => NodeKind::Map(&[]),
        }
    }

    /// The number a [`Take`] gave the mapping at `id` when it took it out of the tree.
    pub fn taken(&self, id: NodeId) -> Option<u32> {
        match self.nodes[id as usize].kind {
            Stored::Taken(number) => Some(number),
            _ => None,
        }
    }

    /// The tag of the node at `id` (`tag:yaml.org,2002:str` for `!!str`), if it has one.
    pub fn tag(&self, id: NodeId) -> Option<&str> {
        let at = self.tags.partition_point(|&(node, _)| node < id);
        match self.tags.get(at) {
            Some((node, tag)) if *node == id => Some(tag),
            _ => None,
        }
    }

    /// Follows aliases to the node they stand for.
    pub fn deref(&self, mut id: NodeId) -> NodeId {
        // Aliases only point backwards to complete nodes, so this ends.
        while let Stored::Alias(target) = self.nodes[id as usize].kind {
            id = target;
        }
        id
    }

    /// The scalar at `id` (after aliases), typed by the core schema; `None` for collections.
    pub fn scalar(&self, id: NodeId) -> Option<Scalar<'_>> {
        let id = self.deref(id);
        match self.kind(id) {
            NodeKind::Scalar { text, plain } => Some(resolve_scalar(text, plain, self.tag(id))),
            _ => None,
        }
    }

    /// The raw text of a scalar, whatever its type (keys are read this way).
    pub fn scalar_text(&self, id: NodeId) -> Option<&str> {
        match self.kind(self.deref(id)) {
            NodeKind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// A short name of the node's type for messages ("a list", "a mapping", "text", ...).
    pub fn describe(&self, id: NodeId) -> &'static str {
        match self.kind(self.deref(id)) {
            NodeKind::Seq(_) => "a list",
            NodeKind::Map(_) => "a mapping",
            NodeKind::Alias(_) => "an alias",
            NodeKind::Scalar { .. } => match self.scalar(id) {
                Some(Scalar::Null) => "nothing (null)",
                Some(Scalar::Bool(_)) => "a boolean",
                Some(Scalar::Int(_)) => "an integer",
                Some(Scalar::Float(_)) => "a number",
                _ => "text",
            },
        }
    }
}

/// Reads a scalar with the YAML 1.2 core schema (quoted scalars are always text).
pub fn resolve_scalar<'a>(text: &'a str, plain: bool, tag: Option<&str>) -> Scalar<'a> {
    match tag {
        Some("tag:yaml.org,2002:str") => return Scalar::Str(text),
        Some("tag:yaml.org,2002:null") => return Scalar::Null,
        _ => {}
    }
    if !plain {
        return Scalar::Str(text);
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Scalar::Null,
        "true" | "True" | "TRUE" => return Scalar::Bool(true),
        "false" | "False" | "FALSE" => return Scalar::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Scalar::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return Scalar::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Scalar::Float(f64::NAN),
        _ => {}
    }
    let first = text.as_bytes()[0];
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return Scalar::Str(text);
    }
    if let Some(hex) = text.strip_prefix("0x") {
        if let Ok(v) = i64::from_str_radix(hex, 16) {
            return Scalar::Int(v);
        }
    }
    if let Some(oct) = text.strip_prefix("0o") {
        if let Ok(v) = i64::from_str_radix(oct, 8) {
            return Scalar::Int(v);
        }
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return match text.parse::<i64>() {
            Ok(v) => Scalar::Int(v),
            // Too large for i64: still a number to the reader.
            Err(_) => Scalar::Float(text.parse::<f64>().unwrap_or(f64::INFINITY)),
        };
    }
    if is_core_float(digits) {
        if let Ok(v) = text.parse::<f64>() {
            return Scalar::Float(v);
        }
    }
    Scalar::Str(text)
}

/// `[0-9]*(\.[0-9]*)?([eE][-+]?[0-9]+)?` with at least one digit before the exponent.
fn is_core_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let mut digits = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
        digits += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    i == b.len()
}

/// Converts the parser's character indices into byte offsets.
///
/// ASCII text (most models) maps one to one. For other text a cursor walks from the last
/// position converted (events arrive almost in order, so that is a few characters); a jump far
/// backwards starts instead from a checkpoint, kept every 64 characters and only built the
/// first time such a jump happens, so no order of lookups can make the conversion quadratic.
struct CharToByte<'a> {
    text: &'a str,
    ascii: bool,
    checkpoints: std::cell::OnceCell<Vec<u32>>,
    /// The last position converted, as (character index, byte offset).
    cursor: std::cell::Cell<(usize, usize)>,
}

const CHECKPOINT_EVERY: usize = 64;
/// How far (in characters) the cursor walks rather than start from a checkpoint.
const NEAR: usize = 4 * CHECKPOINT_EVERY;

impl<'a> CharToByte<'a> {
    fn new(text: &'a str) -> Self {
        CharToByte {
            text,
            ascii: text.is_ascii(),
            checkpoints: std::cell::OnceCell::new(),
            cursor: std::cell::Cell::new((0, 0)),
        }
    }

    fn checkpoints(&self) -> &[u32] {
        self.checkpoints.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut points = Vec::with_capacity(bytes.len() / CHECKPOINT_EVERY + 1);
            let mut chars = 0usize;
            for (at, &b) in bytes.iter().enumerate() {
                if is_char_start(b) {
                    if chars % CHECKPOINT_EVERY == 0 {
                        points.push(at as u32);
                    }
                    chars += 1;
                }
            }
            points
        })
    }

    fn byte(&self, char_index: usize) -> usize {
        let bytes = self.text.as_bytes();
        if self.ascii {
            return char_index.min(bytes.len());
        }
        let (cursor_char, cursor_byte) = self.cursor.get();
        let byte = if char_index >= cursor_char
            && (char_index - cursor_char < NEAR || self.checkpoints.get().is_none())
        {
            // Walking forward is linear in the text overall until a far jump back has
            // built the checkpoints.
            forward(bytes, cursor_byte, char_index - cursor_char)
        } else if char_index < cursor_char && cursor_char - char_index < NEAR {
            backward(bytes, cursor_byte, cursor_char - char_index)
        } else {
            let slot = char_index / CHECKPOINT_EVERY;
            let Some(&start) = self.checkpoints().get(slot) else {
                return bytes.len();
            };
            forward(bytes, start as usize, char_index - slot * CHECKPOINT_EVERY)
        };
        // At the end of the text `char_index` may be past the last character: keep the cursor
        // on a position known to be right, or a walk back from it would land short.
        if byte < bytes.len() {
            self.cursor.set((char_index, byte));
        }
        byte
    }

    fn span(&self, span: &MarkerSpan) -> Span {
        Span::new(self.byte(span.start.index()), self.byte(span.end.index()))
    }
}

fn is_char_start(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

/// The byte offset `chars` characters after the character starting at byte `at` (the text's
/// length when it ends first).
fn forward(bytes: &[u8], mut at: usize, mut chars: usize) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    while chars > 0 && at < bytes.len() {
        // Eight ASCII characters at a time.
        if chars >= 8 {
            if let Some(chunk) = bytes.get(at..at + 8) {
                let word = u64::from_ne_bytes(chunk.try_into().expect("eight bytes"));
                if word & HIGH_BITS == 0 {
                    at += 8;
                    chars -= 8;
                    continue;
                }
            }
        }
        at += 1;
        while at < bytes.len() && !is_char_start(bytes[at]) {
            at += 1;
        }
        chars -= 1;
    }
    at.min(bytes.len())
}

/// The byte offset `chars` characters before the character starting at byte `at`.
fn backward(bytes: &[u8], mut at: usize, mut chars: usize) -> usize {
    while chars > 0 && at > 0 {
        at -= 1;
        while at > 0 && !is_char_start(bytes[at]) {
            at -= 1;
        }
        chars -= 1;
    }
    at
}

struct Open {
    node: NodeId,
    /// Where this container's children start in the shared `children` stack.
    first_child: usize,
    anchor: usize,
    /// Nodes this container stands for once aliases are expanded.
    size: u64,
    /// The document's lists and counters when the container opened: what to cut back to if
    /// its subtree is taken out.
    marks: Marks,
}

#[derive(Clone, Copy)]
struct Marks {
    items: usize,
    pairs: usize,
    owned: usize,
    tags: usize,
    anchors: usize,
    aliases: usize,
}

/// Takes complete elements out of a document while it is parsed (see [`parse_with`]): a
/// reader that converts each one at once keeps what it made of it, not its tree.
pub trait Take {
    /// Whether the entries of a mapping `depth` mappings deep (the root mapping's own
    /// entries are at depth 1) are offered to [`Take::take`].
    fn offers(&self, depth: usize) -> bool;

    /// The value of an entry is complete. `keys` are the key of each open mapping from the
    /// root down, the entry's own last; `value` is a mapping. Returning a number takes it
    /// out: its node stays (with its span) and reads as an empty mapping, its subtree is
    /// dropped, and [`Document::taken`] gives the number back.
    fn take(&mut self, doc: &Document, keys: &[NodeId], value: NodeId) -> Option<u32>;

    /// A new document starts (node ids start again from 0).
    fn new_document(&mut self) {}
}

/// Takes nothing: the whole tree is kept.
struct KeepAll;

impl Take for KeepAll {
    fn offers(&self, _depth: usize) -> bool {
        false
    }

    fn take(&mut self, _doc: &Document, _keys: &[NodeId], _value: NodeId) -> Option<u32> {
        None
    }
}

/// Parses every document of `text` into spanned node trees.
pub fn parse(text: &str) -> Result<Vec<Document<'_>>, SyntaxError> {
    parse_with(text, &mut KeepAll)
}

/// Parses like [`parse`], offering `taker` each complete entry of the mappings it asks for.
///
/// Only a subtree that is self-contained is offered: a mapping without an anchor, holding no
/// anchor and no alias, inside no anchored collection, with a mapping at every level above it.
/// Nothing can then point into it, and it points nowhere outside itself, so dropping it
/// changes nothing for the rest of the document. The arena keeps its room, so the next
/// element is built in the same memory: a file of many elements needs the tree of its
/// largest one, not of all.
pub fn parse_with<'t>(
    text: &'t str,
    taker: &mut dyn Take,
) -> Result<Vec<Document<'t>>, SyntaxError> {
    let positions = CharToByte::new(text);
    let mut documents = Vec::new();
    let mut doc = Document::new(text);
    // Each anchor of this document: the node it names and how many nodes that stands for.
    let mut anchors: HashMap<usize, (NodeId, u64)> = HashMap::new();
    let mut stack: Vec<Open> = Vec::new();
    // Children of every open container, innermost last: one buffer instead of a growing
    // `Vec` per container, so each container allocates once, at its exact size.
    let mut children: Vec<NodeId> = Vec::new();
    let mut alias_budget_used: u64 = 0;
    // Anchors defined and aliases met so far: a subtree that adds to neither is
    // self-contained.
    let mut anchors_defined = 0usize;
    let mut aliases_met = 0usize;
    let mut keys: Vec<NodeId> = Vec::new();

    for item in Parser::new_from_str(text) {
        let (event, marker_span) = item.map_err(|e| SyntaxError {
            offset: positions.byte(e.marker().index()),
            message: match e.info() {
                "recursion limit exceeded" => "nesting too deep for the YAML parser".to_string(),
                info => info.to_string(),
            },
        })?;
        let span = positions.span(&marker_span);
        let is_map_start = matches!(event, Event::MappingStart(..));
        let leaf = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing => continue,
            Event::DocumentStart(_) => {
                doc = Document::new(text);
                anchors.clear();
                taker.new_document();
                continue;
            }
            Event::DocumentEnd => {
                documents.push(std::mem::replace(&mut doc, Document::new(text)));
                continue;
            }
            Event::Scalar(value, style, anchor, tag) => {
                let weight = scalar_weight(value.len());
                let (span, verbatim) = match style {
                    ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => {
                        let span = quoted_end(text, span);
                        (span, (span.start + 1, span.end.saturating_sub(1)))
                    }
                    ScalarStyle::Plain => (span, (span.start, span.end)),
                    _ => (span, (1, 0)),
                };
                let in_list = stack.last().is_some_and(|open| {
                    matches!(doc.nodes[open.node as usize].kind, Stored::Seq { .. })
                });
                let span = if in_list && value.is_empty() && style == ScalarStyle::Plain {
                    empty_entry_span(text, span)
                } else {
                    span
                };
                let plain = style == ScalarStyle::Plain;
                // Where the source holds the value as written, point at it instead of copying.
                let written = text.get(verbatim.0 as usize..verbatim.1 as usize);
                let stored = if verbatim.0 <= verbatim.1 && written == Some(value.as_ref()) {
                    Stored::Verbatim {
                        start: verbatim.0,
                        end: verbatim.1,
                        plain,
                    }
                } else {
                    doc.owned.push(value.as_ref().into());
                    Stored::Owned {
                        index: (doc.owned.len() - 1) as u32,
                        plain,
                    }
                };
                let node = push(&mut doc, span, stored, tag_name(tag.as_deref()));
                if anchor != 0 {
                    anchors.insert(anchor, (node, weight));
                    anchors_defined += 1;
                }
                (node, weight)
            }
            Event::Alias(anchor) => {
                let Some(&(target, size)) = anchors.get(&anchor) else {
                    return Err(SyntaxError {
                        offset: span.start as usize,
                        message: "alias to an unknown anchor".into(),
                    });
                };
                alias_budget_used = alias_budget_used.saturating_add(size);
                if alias_budget_used > MAX_ALIAS_EXPANSION {
                    return Err(SyntaxError {
                        offset: span.start as usize,
                        message: format!(
                            "aliases in this file repeat more than {MAX_ALIAS_EXPANSION} nodes \
                             (or {} MB of text); refusing to expand further (an alias bomb?)",
                            MAX_ALIAS_EXPANSION * SCALAR_BYTES_PER_NODE / 1_000_000
                        ),
                    });
                }
                aliases_met += 1;
                let node = push(&mut doc, span, Stored::Alias(target), None);
                (node, size)
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(SyntaxError {
                        offset: span.start as usize,
                        message: format!("nesting deeper than {MAX_DEPTH} levels"),
                    });
                }
                let kind = if is_map_start {
                    Stored::Map { start: 0, len: 0 }
                } else {
                    Stored::Seq { start: 0, len: 0 }
                };
                let node = push(&mut doc, span, kind, tag_name(tag.as_deref()));
                stack.push(Open {
                    node,
                    first_child: children.len(),
                    anchor,
                    size: 1,
                    marks: Marks {
                        items: doc.items.len(),
                        pairs: doc.pairs.len(),
                        owned: doc.owned.len(),
                        tags: doc.tags.len(),
                        anchors: anchors_defined,
                        aliases: aliases_met,
                    },
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let open = stack.pop().expect("parser balances collection events");
                let node = &mut doc.nodes[open.node as usize];
                node.span.end = node.span.end.max(span.end).max(span.start);
                let own = &children[open.first_child..];
                let is_map = match &mut node.kind {
                    Stored::Map { start, len } => {
                        *start = doc.pairs.len() as u32;
                        *len = (own.len() / 2) as u32;
                        doc.pairs
                            .extend(own.chunks_exact(2).map(|kv| (kv[0], kv[1])));
                        true
                    }
                    Stored::Seq { start, len } => {
                        *start = doc.items.len() as u32;
                        *len = own.len() as u32;
                        doc.items.extend_from_slice(own);
                        false
                    }
                    _ => unreachable!("only collections are opened"),
                };
                children.truncate(open.first_child);
                if open.anchor != 0 {
                    anchors.insert(open.anchor, (open.node, open.size));
                    anchors_defined += 1;
                }
                let self_contained = is_map
                    && open.anchor == 0
                    && anchors_defined == open.marks.anchors
                    && aliases_met == open.marks.aliases;
                if self_contained && taker.offers(stack.len()) {
                    offer(&mut doc, &stack, &children, &mut keys, &open, taker);
                }
                (open.node, open.size)
            }
        };
        let (node, size) = leaf;
        match stack.last_mut() {
            Some(parent) => {
                children.push(node);
                parent.size = parent.size.saturating_add(size);
            }
            None => doc.root = Some(node),
        }
    }
    Ok(documents)
}

/// Offers the mapping `open` just closed to `taker` if it is the value of an entry and every
/// level above it is an unanchored mapping; cuts its subtree out of `doc` if taken.
fn offer(
    doc: &mut Document,
    stack: &[Open],
    children: &[NodeId],
    keys: &mut Vec<NodeId>,
    open: &Open,
    taker: &mut dyn Take,
) {
    keys.clear();
    for (level, parent) in stack.iter().enumerate() {
        let is_map = matches!(doc.nodes[parent.node as usize].kind, Stored::Map { .. });
        // The child being built under `parent`: the next level's container, or `open`.
        let child_first = stack
            .get(level + 1)
            .map_or(children.len(), |inner| inner.first_child);
        let written = child_first - parent.first_child;
        // In a mapping a child after an odd number of nodes is a value, its key just before.
        if !is_map || parent.anchor != 0 || written % 2 == 0 {
            return;
        }
        keys.push(children[child_first - 1]);
    }
    let Some(number) = taker.take(doc, keys, open.node) else {
        return;
    };
    let marks = open.marks;
    doc.nodes.truncate(open.node as usize + 1);
    doc.nodes[open.node as usize].kind = Stored::Taken(number);
    doc.items.truncate(marks.items);
    doc.pairs.truncate(marks.pairs);
    doc.owned.truncate(marks.owned);
    doc.tags.truncate(marks.tags);
}

/// An empty entry of a block list (`-` and nothing after it) is placed by the parser after
/// the dash, at the end of the line: point at the dash itself.
fn empty_entry_span(text: &str, span: Span) -> Span {
    let before = text.get(..span.start as usize).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = &before[line_start..];
    // After the dash there can only be blanks and a comment (the parser puts the entry after
    // the comment).
    let comment = line
        .match_indices('#')
        .find(|&(i, _)| line[..i].ends_with([' ', '\t']));
    let code = comment.map_or(line, |(i, _)| &line[..i]);
    let trimmed = code.trim_end_matches([' ', '\t']);
    if trimmed.ends_with('-') {
        let dash = line_start + trimmed.len() - 1;
        Span::new(dash, dash + 1)
    } else {
        span
    }
}

/// The parser may stretch a quoted scalar's span to the end of its line (over a trailing
/// comment): cut it at the closing quote.
pub(crate) fn quoted_end(text: &str, span: Span) -> Span {
    let (start, end) = (span.start as usize, (span.end as usize).min(text.len()));
    let body = &text[start..end];
    let mut chars = body.char_indices();
    let quote = match chars.next() {
        Some((_, q @ ('"' | '\''))) => q,
        _ => return span,
    };
    while let Some((i, c)) = chars.next() {
        if quote == '"' && c == '\\' {
            chars.next();
        } else if c == quote {
            if quote == '\'' && body[i + 1..].starts_with('\'') {
                chars.next();
                continue;
            }
            return Span::new(start, start + i + 1);
        }
    }
    span
}

fn push(doc: &mut Document, span: Span, kind: Stored, tag: Option<Box<str>>) -> NodeId {
    let id = doc.nodes.len() as NodeId;
    doc.nodes.push(Node { span, kind });
    if let Some(tag) = tag {
        doc.tags.push((id, tag));
    }
    id
}

/// A tag as written with its handle expanded (`!!str` is `tag:yaml.org,2002:str`).
fn tag_name(tag: Option<&saphyr_parser::Tag>) -> Option<Box<str>> {
    tag.map(|t| format!("{}{}", expand_handle(&t.handle), t.suffix).into())
}

fn expand_handle(handle: &str) -> &str {
    match handle {
        "!!" => "tag:yaml.org,2002:",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Document<'_> {
        parse(text).unwrap().into_iter().next().unwrap()
    }

    #[test]
    fn spans_are_bytes_even_after_wide_characters() {
        let text = "名字: 客服中心\nkey: value\n";
        let doc = first(text);
        let NodeKind::Map(pairs) = doc.kind(doc.root.unwrap()) else {
            panic!()
        };
        let (key, value) = pairs[1];
        let span = doc.node(key).span;
        assert_eq!(&text[span.start as usize..span.end as usize], "key");
        let span = doc.node(value).span;
        assert_eq!(&text[span.start as usize..span.end as usize], "value");
    }

    #[test]
    fn byte_offsets_match_characters_in_any_order() {
        let text = "名字: 客服中心 and some ascii, then 更多中文文本 ".repeat(40);
        let positions = CharToByte::new(&text);
        let expected: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        let order = (0..expected.len())
            .rev()
            .step_by(7)
            .chain((0..expected.len()).step_by(3));
        for index in order {
            assert_eq!(positions.byte(index), expected[index], "char {index}");
        }
        assert_eq!(positions.byte(expected.len() + 5), text.len());
        let back = expected.len() - 2;
        assert_eq!(
            positions.byte(back),
            expected[back],
            "char {back} after the end"
        );
        // Far and near jumps both ways, before and after the checkpoints exist.
        let fresh = CharToByte::new(&text);
        let mut state = 12345u64;
        for _ in 0..2000 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let index = (state >> 33) as usize % expected.len();
            assert_eq!(fresh.byte(index), expected[index], "char {index}");
            let near = index.saturating_sub(3);
            assert_eq!(fresh.byte(near), expected[near], "char {near}");
        }
    }

    #[test]
    fn quoted_scalars_end_at_their_closing_quote() {
        let text = "a: \"x \\\" y\"   # note\nb: 'it''s'  # more\n";
        let doc = first(text);
        let NodeKind::Map(pairs) = doc.kind(doc.root.unwrap()) else {
            panic!()
        };
        let spans: Vec<&str> = pairs
            .iter()
            .map(|&(_, v)| doc.node(v).span)
            .map(|s| &text[s.start as usize..s.end as usize])
            .collect();
        assert_eq!(spans, ["\"x \\\" y\"", "'it''s'"]);
    }

    #[test]
    fn scalar_values_are_the_parsed_values_whether_pointed_at_or_copied() {
        let text = concat!(
            "plain: 客服 中心\n",
            "single: 'it''s'\n",
            "double: \"tab\\there\"\n",
            "quoted: \"as written\"  # comment\n",
            "folded: one\n  two\n",
            "block: |\n  line\n",
            "empty:\n",
            "list: [a, 'b c']\n",
        );
        let doc = first(text);
        let NodeKind::Map(pairs) = doc.kind(doc.root.unwrap()) else {
            panic!()
        };
        let values: Vec<&str> = pairs
            .iter()
            .map(|&(_, v)| match doc.kind(v) {
                NodeKind::Seq(items) => doc.scalar_text(items[1]).unwrap(),
                _ => doc.scalar_text(v).unwrap(),
            })
            .collect();
        assert_eq!(
            values,
            [
                "客服 中心",
                "it's",
                "tab\there",
                "as written",
                "one two",
                "line\n",
                "",
                "b c"
            ]
        );
    }

    #[test]
    fn an_empty_list_entry_is_placed_at_its_dash() {
        let text = "a:\n  - \n  - x\n  -   # note\n  -\n";
        let doc = first(text);
        let NodeKind::Map(pairs) = doc.kind(doc.root.unwrap()) else {
            panic!()
        };
        let NodeKind::Seq(items) = doc.kind(pairs[0].1) else {
            panic!()
        };
        let starts: Vec<(usize, &str)> = items
            .iter()
            .map(|&i| {
                let span = doc.node(i).span;
                let start = span.start as usize;
                (start, &text[start..span.end as usize])
            })
            .collect();
        assert_eq!(starts, [(5, "-"), (12, "x"), (16, "-"), (29, "-")]);
    }

    /// Takes every entry offered at depth 2 and notes its keys.
    #[derive(Default)]
    struct TakeAll {
        taken: Vec<Vec<String>>,
    }

    impl Take for TakeAll {
        fn offers(&self, depth: usize) -> bool {
            depth == 2
        }

        fn take(&mut self, doc: &Document, keys: &[NodeId], _value: NodeId) -> Option<u32> {
            let keys = keys
                .iter()
                .map(|&k| doc.scalar_text(k).unwrap().to_string());
            self.taken.push(keys.collect());
            Some(self.taken.len() as u32 - 1)
        }
    }

    #[test]
    fn only_self_contained_entries_are_taken_and_their_node_stays() {
        let text = concat!(
            "a:\n",
            "  plain: {x: 1, y: [2, 3]}\n",
            "  anchored: &n {x: 1}\n",
            "  aliasing: {x: *n}\n",
            "  holding-an-anchor: {x: &m 1}\n",
            "  text: just text\n",
            "b: &whole\n",
            "  inside-an-anchor: {x: 1}\n",
            "c:\n",
            "  - in-a-list: {x: 1}\n",
            "d: {last: {z: 9}}\n",
        );
        let mut taker = TakeAll::default();
        let doc = parse_with(text, &mut taker).unwrap().remove(0);
        assert_eq!(taker.taken, [["a", "plain"], ["d", "last"]]);
        let NodeKind::Map(sections) = doc.kind(doc.root.unwrap()) else {
            panic!()
        };
        let NodeKind::Map(entries) = doc.kind(sections[0].1) else {
            panic!()
        };
        let plain = entries[0].1;
        assert_eq!(doc.taken(plain), Some(0));
        assert!(matches!(doc.kind(plain), NodeKind::Map(&[])));
        let span = doc.node(plain).span;
        assert_eq!(
            &text[span.start as usize..span.end as usize],
            "{x: 1, y: [2, 3]}"
        );
        // What follows the taken entry is read as before, aliases and all.
        assert_eq!(doc.taken(entries[1].1), None);
        let NodeKind::Map(aliasing) = doc.kind(entries[2].1) else {
            panic!()
        };
        assert_eq!(doc.scalar(aliasing[0].1), None, "an alias of a mapping");
        assert_eq!(doc.scalar_text(entries[4].1), Some("just text"));
        // A taken mapping keeps its own node, not those under it: 6 under `plain` (`x`, `1`,
        // `y`, the list and its two items), 2 under `last`.
        let whole = parse(text).unwrap().remove(0);
        assert_eq!(whole.nodes().count() - doc.nodes().count(), 6 + 2);
    }

    #[test]
    fn duplicate_keys_are_kept_for_the_checker() {
        let doc = first("a: 1\na: 2\n");
        let NodeKind::Map(pairs) = doc.kind(doc.root.unwrap()) else {
            panic!()
        };
        assert_eq!(pairs.len(), 2);
    }

    #[test]
    fn core_schema_scalars() {
        assert_eq!(resolve_scalar("42", true, None), Scalar::Int(42));
        assert_eq!(resolve_scalar("42", false, None), Scalar::Str("42"));
        assert_eq!(resolve_scalar("3.5", true, None), Scalar::Float(3.5));
        assert_eq!(resolve_scalar("yes", true, None), Scalar::Str("yes"));
        assert_eq!(resolve_scalar("~", true, None), Scalar::Null);
        assert_eq!(resolve_scalar("true", true, None), Scalar::Bool(true));
        assert_eq!(resolve_scalar("1.5d", true, None), Scalar::Str("1.5d"));
        assert_eq!(resolve_scalar("-", true, None), Scalar::Str("-"));
        assert!(matches!(
            resolve_scalar("99999999999999999999", true, None),
            Scalar::Float(_)
        ));
        assert_eq!(
            resolve_scalar("12", true, Some("tag:yaml.org,2002:str")),
            Scalar::Str("12")
        );
    }

    #[test]
    fn alias_bomb_is_rejected() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut previous = 'a';
        for name in ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] {
            text.push_str(&format!("{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"));
            previous = name;
        }
        let err = parse(&text).unwrap_err();
        assert!(err.message.contains("alias bomb"), "{err:?}");
    }

    #[test]
    fn aliases_cannot_multiply_a_long_text() {
        let mut text = format!("a: &a {}\nb: [", "x".repeat(1 << 20));
        text.push_str(&vec!["*a"; 20].join(", "));
        text.push_str("]\n");
        let err = parse(&text).unwrap_err();
        assert!(err.message.contains("alias bomb"), "{err:?}");
        // A short text aliased as often is fine.
        let text = format!("a: &a x\nb: [{}]\n", vec!["*a"; 20].join(", "));
        assert!(parse(&text).is_ok());
    }

    #[test]
    fn the_alias_budget_is_for_the_whole_file_not_each_document() {
        // 100 documents, each repeating 20,000 nodes: 2,000,000 in all.
        let mut text = String::new();
        for _ in 0..100 {
            text.push_str("---\na: &a [");
            text.push_str(&vec!["x"; 1000].join(", "));
            text.push_str("]\nb: [");
            text.push_str(&vec!["*a"; 20].join(", "));
            text.push_str("]\n");
        }
        let err = parse(&text).unwrap_err();
        assert!(err.message.contains("alias bomb"), "{err:?}");
    }

    #[test]
    fn deep_nesting_is_rejected_not_overflowed() {
        let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let err = parse(&text).unwrap_err();
        assert!(err.message.contains("nesting"), "{err:?}");
    }

    #[test]
    fn syntax_error_has_a_position() {
        let err = parse("a: [b, c\nd: e\n").unwrap_err();
        assert!(err.offset > 0);
    }
}
