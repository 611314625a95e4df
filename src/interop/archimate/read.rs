//! Reading an ArchiMate 3.x Model Exchange File into plain lists of elements and
//! relationships, every problem that makes the file unusable reported with its line and column.
//!
//! The XML parser is roxmltree with its defaults: a document type declaration is refused, so
//! no entity is expanded (no "billion laughs") and nothing is fetched (no external entity).
//! The whole file is checked before anything is mapped: identifiers defined twice, a
//! relationship whose `source` or `target` names nothing, a property naming no definition.

use super::{NAMESPACE, XSI};
use crate::interop::{InputProblem, Position};
use roxmltree::{Document, Node};
use std::collections::HashMap;

/// A property of an element or of the model: its definition's name and its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Property {
    pub name: String,
    pub value: String,
}

#[derive(Clone, Debug)]
pub struct Element {
    pub identifier: String,
    /// The `xsi:type`, e.g. `BusinessActor`.
    pub kind: String,
    pub name: Option<String>,
    pub documentation: Option<String>,
    pub properties: Vec<Property>,
    pub position: Position,
}

/// What a relationship's `source` or `target` names: an element or another relationship.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Element(usize),
    Relationship(usize),
}

#[derive(Clone, Debug)]
pub struct Relationship {
    pub identifier: String,
    pub kind: String,
    pub source: End,
    pub target: End,
    pub name: Option<String>,
    pub properties: Vec<Property>,
    pub position: Position,
}

/// The contents of an exchange file that `vsm` reads.
#[derive(Clone, Debug, Default)]
pub struct Exchange {
    pub name: Option<String>,
    pub documentation: Option<String>,
    pub properties: Vec<Property>,
    pub elements: Vec<Element>,
    pub relationships: Vec<Relationship>,
    /// Diagrams (views): not imported, only counted.
    pub views: usize,
}

/// Parses `text` (the file, BOM allowed) as an exchange file.
pub fn parse(text: &str) -> Result<Exchange, InputProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(offset) = find_doctype(text) {
        return Err(InputProblem::at(
            position_in(text, offset),
            "the file declares a document type (<!DOCTYPE ...>): `vsm` does not read DTDs, so \
             no entity is expanded or fetched; exchange files need none, remove it",
        ));
    }
    let doc = Document::parse(text).map_err(|e| {
        let pos = e.pos();
        InputProblem::at(
            Position {
                line: pos.row,
                column: pos.col,
            },
            format!("not well-formed XML: {}", without_position(&e.to_string())),
        )
    })?;
    let line_starts = std::iter::once(0)
        .chain(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .collect();
    Reader {
        doc: &doc,
        text,
        line_starts,
    }
    .exchange()
}

/// roxmltree ends its messages with ` at LINE:COL`; the position is shown in front instead.
fn without_position(message: &str) -> &str {
    match message.rfind(" at ") {
        Some(i)
            if message[i + 4..]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':') =>
        {
            &message[..i]
        }
        _ => message,
    }
}

/// Where `<!DOCTYPE` starts, outside comments (a comment may mention it harmlessly).
fn find_doctype(text: &str) -> Option<usize> {
    let mut rest = 0;
    while let Some(i) = text[rest..].find('<') {
        let at = rest + i;
        let tail = &text[at..];
        if tail.starts_with("<!--") {
            rest = at + tail.find("-->").map_or(tail.len(), |e| e + 3);
        } else if tail.starts_with("<!DOCTYPE") {
            return Some(at);
        } else if tail.starts_with("<?") || tail.starts_with("<!") {
            rest = at + 2;
        } else {
            // The root element has started: a DOCTYPE can only come before it.
            return None;
        }
    }
    None
}

/// The 1-based line and column (in characters) of a byte offset.
fn position_in(text: &str, offset: usize) -> Position {
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() as u32 + 1;
    Position { line, column }
}

struct Reader<'a, 'input> {
    doc: &'a Document<'input>,
    text: &'input str,
    /// The byte offset where each line starts: a node's line and column are found by a binary
    /// search (roxmltree's own `text_pos_at` counts from the start of the file each time,
    /// which made reading a 100 MB file quadratic).
    line_starts: Vec<usize>,
}

impl<'a, 'input> Reader<'a, 'input> {
    fn position(&self, node: Node) -> Position {
        let offset = node.range().start;
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        let column = self.text[start..offset].chars().count() + 1;
        Position {
            line: line as u32,
            column: column as u32,
        }
    }

    fn exchange(&self) -> Result<Exchange, InputProblem> {
        let root = self.doc.root_element();
        let ns = root.tag_name().namespace().unwrap_or("");
        if root.tag_name().name() != "model" || ns != NAMESPACE {
            let found = match ns {
                "" => format!("`{}` in no namespace", root.tag_name().name()),
                ns => format!("`{}` in the namespace {ns}", root.tag_name().name()),
            };
            let hint = if ns.starts_with("http://www.opengroup.org/xsd/archimate") {
                " (an ArchiMate 2.x file? save it as ArchiMate 3.x)"
            } else {
                ""
            };
            return Err(InputProblem::at(
                self.position(root),
                format!(
                    "not an ArchiMate 3.x exchange file: the root element is {found}, expected \
                     `model` in the namespace {NAMESPACE}{hint}"
                ),
            ));
        }
        let mut identifiers: HashMap<&str, Position> = HashMap::new();
        // Every `identifier` in the file is an xs:ID: one per document.
        for node in root.descendants().filter(|n| n.is_element()) {
            if let Some(id) = node.attribute("identifier") {
                let here = self.position(node);
                if let Some(first) = identifiers.insert(id, here) {
                    return Err(InputProblem::at(
                        here,
                        format!(
                            "the identifier `{}` is defined twice (first at {first}): \
                             identifiers must be unique in an exchange file",
                            crate::text::escaped(id)
                        ),
                    ));
                }
            }
        }
        let definitions = self.property_definitions(root)?;
        let mut exchange = Exchange {
            name: self.lang_text(root, "name"),
            documentation: self.lang_text(root, "documentation"),
            properties: self.properties(root, &definitions)?,
            ..Exchange::default()
        };
        let mut index: HashMap<&str, End> = HashMap::new();
        for node in self.children(root, "elements") {
            for element in self.children(node, "element") {
                let identifier = self.required(element, "identifier")?;
                let kind = self.xsi_type(element)?;
                index.insert(identifier, End::Element(exchange.elements.len()));
                exchange.elements.push(Element {
                    identifier: identifier.to_string(),
                    kind,
                    name: self.lang_text(element, "name"),
                    documentation: self.lang_text(element, "documentation"),
                    properties: self.properties(element, &definitions)?,
                    position: self.position(element),
                });
            }
        }
        let relationships: Vec<Node> = self
            .children(root, "relationships")
            .flat_map(|node| self.children(node, "relationship"))
            .collect();
        for (i, node) in relationships.iter().enumerate() {
            index.insert(self.required(*node, "identifier")?, End::Relationship(i));
        }
        for node in relationships {
            let identifier = self.required(node, "identifier")?;
            let kind = self.xsi_type(node)?;
            let end = |attribute: &str| -> Result<End, InputProblem> {
                let reference = self.required(node, attribute)?;
                index.get(reference).copied().ok_or_else(|| {
                    InputProblem::at(
                        self.position(node),
                        format!(
                            "the relationship `{}` has {attribute}=\"{}\", which names no \
                             element or relationship of the file",
                            crate::text::escaped(identifier),
                            crate::text::escaped(reference)
                        ),
                    )
                })
            };
            let (source, target) = (end("source")?, end("target")?);
            exchange.relationships.push(Relationship {
                identifier: identifier.to_string(),
                kind,
                source,
                target,
                name: self.lang_text(node, "name"),
                properties: self.properties(node, &definitions)?,
                position: self.position(node),
            });
        }
        exchange.views = root.descendants().filter(|n| self.is(*n, "view")).count();
        Ok(exchange)
    }

    fn is(&self, node: Node, name: &str) -> bool {
        node.is_element()
            && node.tag_name().name() == name
            && node.tag_name().namespace() == Some(NAMESPACE)
    }

    fn children(
        &self,
        node: Node<'a, 'input>,
        name: &'a str,
    ) -> impl Iterator<Item = Node<'a, 'input>> + 'a {
        let ns_name = name;
        node.children().filter(move |n| {
            n.is_element()
                && n.tag_name().name() == ns_name
                && n.tag_name().namespace() == Some(NAMESPACE)
        })
    }

    fn required(&self, node: Node<'a, 'input>, attribute: &str) -> Result<&'a str, InputProblem> {
        node.attribute(attribute).ok_or_else(|| {
            InputProblem::at(
                self.position(node),
                format!(
                    "this `{}` has no `{attribute}` attribute",
                    node.tag_name().name()
                ),
            )
        })
    }

    /// The `xsi:type` without a namespace prefix (`archimate:BusinessActor` → `BusinessActor`).
    fn xsi_type(&self, node: Node) -> Result<String, InputProblem> {
        let value = node.attribute((XSI, "type")).ok_or_else(|| {
            InputProblem::at(
                self.position(node),
                format!(
                    "this `{}` has no `xsi:type` attribute saying what it is",
                    node.tag_name().name()
                ),
            )
        })?;
        Ok(value.rsplit(':').next().unwrap_or(value).trim().to_string())
    }

    /// The text of the first `name` or `documentation` child (exchange files may give one per
    /// language; the first is taken). Empty text is no text.
    fn lang_text(&self, node: Node, name: &str) -> Option<String> {
        let child = self
            .children(
                node,
                match name {
                    "name" => "name",
                    _ => "documentation",
                },
            )
            .next()?;
        let text: String = child
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect();
        (!text.trim().is_empty()).then_some(text)
    }

    /// Property definitions: identifier → name.
    fn property_definitions(
        &self,
        root: Node<'a, 'input>,
    ) -> Result<HashMap<&'a str, String>, InputProblem> {
        let mut definitions = HashMap::new();
        for node in self.children(root, "propertyDefinitions") {
            for definition in self.children(node, "propertyDefinition") {
                let identifier = self.required(definition, "identifier")?;
                let name = self.lang_text(definition, "name").unwrap_or_default();
                definitions.insert(identifier, name);
            }
        }
        Ok(definitions)
    }

    fn properties(
        &self,
        node: Node<'a, 'input>,
        definitions: &HashMap<&'a str, String>,
    ) -> Result<Vec<Property>, InputProblem> {
        let mut out = Vec::new();
        for list in self.children(node, "properties") {
            for property in self.children(list, "property") {
                let reference = self.required(property, "propertyDefinitionRef")?;
                let name = definitions.get(reference).ok_or_else(|| {
                    InputProblem::at(
                        self.position(property),
                        format!(
                            "this property names the definition `{}`, which the file does not \
                             define under <propertyDefinitions>",
                            crate::text::escaped(reference)
                        ),
                    )
                })?;
                let value = self
                    .children(property, "value")
                    .next()
                    .map(|v| {
                        v.descendants()
                            .filter(|n| n.is_text())
                            .filter_map(|n| n.text())
                            .collect::<String>()
                    })
                    .unwrap_or_default();
                out.push(Property {
                    name: name.clone(),
                    value,
                });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
"#;

    fn problem(text: &str) -> InputProblem {
        parse(text).expect_err("the file must be refused")
    }

    #[test]
    fn elements_relationships_and_properties_are_read_with_their_places() {
        let text = format!(
            "{HEAD}  <name>M &amp; co</name>
  <elements>
    <element identifier=\"a\" xsi:type=\"BusinessActor\"><name xml:lang=\"en\">Agent</name>
      <properties><property propertyDefinitionRef=\"p\"><value>internal</value></property></properties>
    </element>
    <element identifier=\"b\" xsi:type=\"archimate:BusinessProcess\"><name>Sell</name><documentation>Why</documentation></element>
  </elements>
  <relationships>
    <relationship identifier=\"r\" source=\"a\" target=\"b\" xsi:type=\"Assignment\"/>
    <relationship identifier=\"r2\" source=\"a\" target=\"r\" xsi:type=\"Association\"/>
  </relationships>
  <propertyDefinitions><propertyDefinition identifier=\"p\" type=\"string\"><name>type</name></propertyDefinition></propertyDefinitions>
</model>"
        );
        let exchange = parse(&text).unwrap();
        assert_eq!(exchange.name.as_deref(), Some("M & co"));
        assert_eq!(exchange.elements.len(), 2);
        let agent = &exchange.elements[0];
        assert_eq!(
            (agent.kind.as_str(), agent.name.as_deref()),
            ("BusinessActor", Some("Agent"))
        );
        assert_eq!(agent.position, Position { line: 5, column: 5 });
        assert_eq!(
            agent.properties,
            [Property {
                name: "type".into(),
                value: "internal".into()
            }]
        );
        assert_eq!(exchange.elements[1].kind, "BusinessProcess");
        assert_eq!(exchange.elements[1].documentation.as_deref(), Some("Why"));
        let r = &exchange.relationships;
        assert_eq!(
            (r[0].source, r[0].target),
            (End::Element(0), End::Element(1))
        );
        assert_eq!(r[1].target, End::Relationship(0));
    }

    #[test]
    fn not_xml_is_refused_at_its_place() {
        let p = problem("<model>\n  <a></b>\n</model>");
        // `</b>` closes what `<a>` opened.
        assert_eq!(p.position, Some(Position { line: 2, column: 6 }));
        assert!(
            p.message.starts_with("not well-formed XML"),
            "{}",
            p.message
        );
        assert!(problem("hello").message.contains("not well-formed XML"));
    }

    #[test]
    fn another_namespace_is_not_an_exchange_file() {
        let p = problem(
            "<?xml version=\"1.0\"?>\n<model xmlns=\"http://www.opengroup.org/xsd/archimate\"/>",
        );
        assert_eq!(p.position, Some(Position { line: 2, column: 1 }));
        assert!(p.message.contains("ArchiMate 2.x"), "{}", p.message);
        let p = problem("<html/>");
        assert!(
            p.message.contains("`html` in no namespace"),
            "{}",
            p.message
        );
    }

    #[test]
    fn a_document_type_is_refused_before_any_entity_is_read() {
        let bomb = "<?xml version=\"1.0\"?>\n<!-- <!DOCTYPE in a comment is fine -->\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n<model>&lol2;</model>";
        let p = problem(bomb);
        assert_eq!(p.position, Some(Position { line: 3, column: 1 }));
        assert!(p.message.contains("DTD"), "{}", p.message);
        let external = "<!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><model>&x;</model>";
        assert_eq!(
            problem(external).position,
            Some(Position { line: 1, column: 1 })
        );
        // An entity used without a declaration is not expanded either.
        let undeclared = format!("{HEAD}<name>&x;</name></model>");
        assert!(problem(&undeclared).message.contains("not well-formed"));
    }

    #[test]
    fn duplicate_identifiers_and_dangling_ends_are_refused() {
        let twice = format!(
            "{HEAD}<elements>\n<element identifier=\"a\" xsi:type=\"Value\"><name>x</name></element>\n<element identifier=\"a\" xsi:type=\"Value\"><name>y</name></element>\n</elements></model>"
        );
        let p = problem(&twice);
        assert_eq!(p.position, Some(Position { line: 5, column: 1 }));
        assert!(
            p.message.contains("defined twice (first at 4:1)"),
            "{}",
            p.message
        );
        let dangling = format!(
            "{HEAD}<elements><element identifier=\"a\" xsi:type=\"Value\"><name>x</name></element></elements>\n<relationships>\n  <relationship identifier=\"r\" source=\"a\" target=\"nowhere\" xsi:type=\"Association\"/>\n</relationships></model>"
        );
        let p = problem(&dangling);
        assert_eq!(p.position, Some(Position { line: 5, column: 3 }));
        assert!(p.message.contains("target=\"nowhere\""), "{}", p.message);
        let undefined = format!(
            "{HEAD}<elements><element identifier=\"a\" xsi:type=\"Value\"><name>x</name>\n<properties><property propertyDefinitionRef=\"p9\"><value>1</value></property></properties></element></elements></model>"
        );
        assert!(problem(&undefined).message.contains("`p9`"));
        let untyped = format!(
            "{HEAD}<elements><element identifier=\"a\"><name>x</name></element></elements></model>"
        );
        assert!(problem(&untyped).message.contains("xsi:type"));
    }
}
