#!/usr/bin/env node
// Mermaid checks of `vsm graph` output and of the Markdown report, run by .ci/run.
//
//   node tests/browser/check-mermaid.mjs [--hostile] FILE...
//
// A `.md` FILE is checked block by block (its ```mermaid blocks), any other FILE as one
// diagram. Each must parse with the `mermaid` package under jsdom, and no text in it may act
// as a directive or front matter (the parsed configuration must be empty). With --hostile the
// files come from tests/fixtures/hostile-names, and the labels, decoded as Mermaid shows them,
// must hold its directive names literally.
//
// Prints "N passed, N failed" and exits 1 when a check failed.

import { readFileSync } from 'node:fs';
import { check, finish, mermaidBlocks, mermaidParser, parseBlocks } from './common.mjs';

const args = process.argv.slice(2);
const hostile = args.includes('--hostile');
const files = args.filter((a) => a !== '--hostile');
if (files.length === 0) {
  console.error('usage: check-mermaid.mjs [--hostile] FILE...');
  process.exit(2);
}

// Names of tests/fixtures/hostile-names/model.yaml that Mermaid would take as a directive.
const LITERAL = [
  '%%{init: {"theme": "forest", "securityLevel": "loose"}}%%',
  '1. %%{init: {"theme": "dark"}}%%',
  '%%{init: {"theme": "base"}}%%',
];


/// A label as Mermaid shows it: entity codes (kept as placeholders by the parser) decoded.
function shown(text) {
  const named = { quot: '"', lt: '<', gt: '>', amp: '&', nbsp: '\u00a0' };
  return text
    .replace(/\ufb02\u00b0\u00b0(\d+)\u00b6\u00df/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/\ufb02\u00b0(\w+)\u00b6\u00df/g, (m, name) => named[name] ?? m)
    .replace(/<br\s*\/?>/g, '\n');
}

const mermaid = await mermaidParser();
const labels = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const blocks = file.endsWith('.md') ? mermaidBlocks(text) : [text];
  check(`${file}: has Mermaid diagrams`, blocks.length > 0, `${blocks.length}`);
  const { bad, first } = await parseBlocks(mermaid, blocks);
  check(`${file}: all ${blocks.length} diagrams parse`, bad === 0, `${bad} failed; first: ${first}`);
  let configured = 0;
  for (const block of blocks) {
    try {
      const result = await mermaid.parse(block);
      if (Object.keys(result.config ?? {}).length > 0) configured += 1;
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(block);
      for (const vertex of diagram.db.getVertices().values()) labels.push(shown(vertex.text));
      for (const sub of diagram.db.getSubGraphs()) labels.push(shown(sub.title));
    } catch {
      // Counted above.
    }
  }
  check(`${file}: no label acts as a directive`, configured === 0, `${configured} diagrams configured`);
}
if (hostile) {
  for (const name of LITERAL) {
    check(`label shown literally: ${name}`, labels.includes(name), `labels: ${JSON.stringify(labels.slice(0, 4))}`);
  }
}

finish();
