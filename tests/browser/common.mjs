// What check-report.mjs and check-mermaid.mjs share: the check counter and the Mermaid
// parser under jsdom.

let passed = 0;
let failed = 0;

/// Records one check and prints `ok` or `FAIL` with its detail.
export function check(name, ok, detail = '') {
  if (ok) {
    passed += 1;
    console.log(`ok   ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name}${detail ? `: ${detail}` : ''}`);
  }
}

/// Prints "N passed, N failed" and exits, 1 when a check failed.
export function finish() {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

/// The `mermaid` package, initialised as a strict page would, with the DOM globals it needs.
export async function mermaidParser() {
  const { JSDOM } = await import('jsdom');
  const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>', { pretendToBeVisual: true });
  const g = globalThis;
  g.window = dom.window;
  g.document = dom.window.document;
  for (const name of ['Element', 'HTMLElement', 'SVGElement', 'Node', 'DOMParser', 'XMLSerializer', 'MutationObserver', 'getComputedStyle']) {
    if (g[name] === undefined && dom.window[name] !== undefined) g[name] = dom.window[name];
  }
  if (g.navigator === undefined) {
    Object.defineProperty(g, 'navigator', { value: dom.window.navigator, configurable: true });
  }
  const mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  return mermaid;
}

/// The ```mermaid blocks of a Markdown text.
export function mermaidBlocks(md) {
  const blocks = [];
  const re = /^```mermaid\n([\s\S]*?)^```$/gm;
  let m;
  while ((m = re.exec(md)) !== null) blocks.push(m[1]);
  return blocks;
}

/// Parses every block; the number that failed and the first error with its block.
export async function parseBlocks(mermaid, blocks) {
  let bad = 0;
  let first = '';
  for (const block of blocks) {
    try {
      await mermaid.parse(block);
    } catch (e) {
      bad += 1;
      if (!first) first = `${String(e.message || e).split('\n').slice(0, 3).join(' ')}\n${block.slice(0, 400)}`;
    }
  }
  return { bad, first };
}
