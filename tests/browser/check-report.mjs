#!/usr/bin/env node
// Browser checks of `vsm report`, run by .ci/run (the Rust test suite does not need a browser).
//
//   node tests/browser/check-report.mjs REPORT.html REPORT.md [HOSTILE.html HOSTILE.md]
//        [--lang LANG REPORT.html REPORT.md]...
//
// REPORT.html is opened in headless Chromium (/usr/bin/chromium, or $CHROMIUM): no request may
// leave the page, no script may run, no dialog may open; a full-page screenshot goes to
// target/report.png (or $REPORT_SCREENSHOT). The Mermaid blocks of REPORT.md must parse with
// the `mermaid` package under jsdom. HOSTILE.* are reports of tests/fixtures/xss, where every
// name and description holds markup and script payloads: they must show up as literal text,
// with the Content-Security-Policy switched off so that escaping alone is tested.
//
// Each `--lang LANG REPORT.html REPORT.md` is the same model's report in another language
// (`vsm report --lang zh-CN`): it must say its language (`<html lang>`), title its sections in
// it (no English section title or table header left), stay as safe as the English one, and
// its Mermaid blocks must parse.
//
// Prints "N passed, N failed" and exits 1 when a check failed.

import { readFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { check, finish, mermaidBlocks, mermaidParser, parseBlocks } from './common.mjs';

const positional = [];
const translated = [];
{
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--lang') {
      translated.push({ lang: args[i + 1], html: args[i + 2], md: args[i + 3] });
      i += 3;
    } else {
      positional.push(args[i]);
    }
  }
}
const [htmlPath, mdPath, hostileHtml, hostileMd] = positional;
if (!htmlPath || !mdPath || translated.some((t) => !t.lang || !t.html || !t.md)) {
  console.error('usage: check-report.mjs REPORT.html REPORT.md [HOSTILE.html HOSTILE.md] [--lang LANG REPORT.html REPORT.md]...');
  process.exit(2);
}

// The section titles (<h2>) of a translated report, from locales/<lang>/vsm.ftl, and the
// English ones that must be gone from it.
const SECTION_TITLES = {
  'zh-CN': ['概览', '价值流', '能力热力图', '优先级', '服务承诺', '客户感知点', '业务流程', '利益相关方', '信息', '交接', '检查结果'],
  'zh-TW': ['概覽', '價值流', '能力熱力圖', '優先順序', '服務承諾', '客戶感知點', '業務流程', '利害關係人', '資訊', '交接', '檢查結果'],
};
const ENGLISH_TITLES = ['Overview', 'Value streams', 'Capability heat map', 'Priorities', 'Service commitments', 'Perception points', 'Processes', 'Stakeholders', 'Information', 'Hand-offs', 'Findings'];
// Table headers and legend words of the English report that a translated one must not show.
const ENGLISH_WORDS = ['Capability', 'Stage', 'Value items', 'Owner', 'Commitment', 'Budget use', 'From stage', 'Stakeholder', 'Business object', 'Act now', 'no data'];


// The payloads tests/fixtures/xss/model.yaml puts into every name and description.
const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "<script>document.title='pwned'</script>",
  '客服中心',
];

// ------------------------------------------------------------------------------------------
// HTML in Chromium
// ------------------------------------------------------------------------------------------

async function openReport(browser, file, { bypassCSP }) {
  const context = await browser.newContext({
    bypassCSP,
    javaScriptEnabled: true,
    viewport: { width: 1360, height: 900 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const url = pathToFileURL(resolve(file)).href;
  const requests = [];
  const dialogs = [];
  const errors = [];
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => errors.push(`console.${m.type()}: ${m.text()}`));
  // Anything but the report itself is blocked (and counted above).
  await context.route('**/*', (route) =>
    route.request().url() === url ? route.continue() : route.abort(),
  );
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  return { context, page, requests, dialogs, errors };
}

async function inspect(page) {
  // Evaluated by Playwright (not by the page): it works with the page's scripts blocked.
  return page.evaluate(() => {
    const onAttributes = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (a.name.toLowerCase().startsWith('on')) onAttributes.push(`${el.tagName} ${a.name}`);
      }
    }
    const urls = [];
    for (const el of document.querySelectorAll('[src],[href],[srcset],[action],[data],[poster]')) {
      for (const name of ['src', 'href', 'srcset', 'action', 'data', 'poster']) {
        const v = el.getAttribute(name);
        if (v && !v.startsWith('#')) urls.push(`${el.tagName} ${name}=${v}`);
      }
    }
    return {
      title: document.title,
      scripts: document.querySelectorAll('script').length,
      images: document.querySelectorAll('img, iframe, object, embed, link, video, audio').length,
      onAttributes,
      urls,
      text: document.body.innerText,
      svgs: document.querySelectorAll('svg').length,
      sections: document.querySelectorAll('section').length,
      streams: document.querySelectorAll('section.stream').length,
      flowSections: document.querySelectorAll('section.stream .flow-figures').length,
      flowBars: document.querySelectorAll('section.stream .flow-figures svg.fbar').length,
      priorities: document.querySelectorAll('section#priorities table.priorities tbody tr').length,
      width: document.documentElement.scrollWidth,
    };
  });
}

async function checkReport(browser) {
  const html = readFileSync(htmlPath, 'utf8');
  check('report: no external URL in the file', !/(?:https?|ftp|wss?):\/\/|\/\/[a-z0-9.-]+\.[a-z]{2,}\//i.test(html.replace(/http-equiv/g, '')));
  check('report: no <script> in the file', !/<script/i.test(html));
  const { context, page, requests, dialogs, errors } = await openReport(browser, htmlPath, { bypassCSP: false });
  const info = await inspect(page);
  const expectedTitle = (html.match(/<title>([^<]*)<\/title>/) || [])[1] || '';
  check('report: no network request', requests.length === 0, requests.join(', '));
  check('report: no dialog', dialogs.length === 0, dialogs.join(', '));
  check('report: no script element', info.scripts === 0);
  check('report: no on* attribute', info.onAttributes.length === 0, info.onAttributes.join(', '));
  check('report: no resource element', info.images === 0);
  check('report: only in-page links', info.urls.length === 0, info.urls.slice(0, 5).join(', '));
  check('report: no page error or console output', errors.length === 0, errors.join(' | '));
  const decoded = expectedTitle
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'").replace(/&#x2F;/g, '/').replace(/&amp;/g, '&');
  check('report: title unchanged', info.title.length > 0 && info.title === decoded, `${info.title} vs ${decoded}`);
  check('report: diagrams are inline SVG', info.svgs > 0, `${info.svgs} svg`);
  check('report: a flow figures section per value stream', info.streams > 0 && info.flowSections === info.streams, `${info.flowSections} of ${info.streams}`);
  check('report: flow bars drawn as SVG', info.flowBars > 0, `${info.flowBars} charts`);
  check('report: priorities listed', info.priorities > 0, `${info.priorities} rows`);
  check('report: has overview, streams, heat map, commitments, perceptions, findings', ['Overview', 'Capability heat map', 'Service commitments', 'Perception points', 'Findings'].every((t) => info.text.includes(t)));
  check('report: has the priority quadrant and each stream\'s stage and cross-mapping heat maps', ['Priority quadrant', 'Act now', 'Stage heat map', 'Cross-mapping heat map'].every((t) => info.text.includes(t)));
  const quadrants = await page.locator('svg.quadrant').count();
  const stageMaps = await page.locator('svg.heat-flow').count();
  const heatCells = await page.locator('table.heat td.hc').count();
  check('report: the quadrant, the stage heat maps and the cross-mapping cells are drawn', quadrants === 1 && stageMaps > 0 && heatCells > 0, `${quadrants} quadrant, ${stageMaps} stage maps, ${heatCells} cells`);
  check('report: has the processes, stakeholders, information and hand-offs sections', ['processes', 'stakeholders', 'information', 'handoffs'].every((id) => html.includes(`<section id="${id}" class="major">`) && html.includes(`href="#${id}"`)));
  const shot = process.env.REPORT_SCREENSHOT || 'target/report.png';
  mkdirSync(dirname(shot), { recursive: true });
  await page.screenshot({ path: shot, fullPage: true });
  check(`report: screenshot ${shot}`, true);
  // Printing works: a PDF renders.
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  check('report: prints (PDF)', pdf.length > 1000, `${pdf.length} bytes`);
  await context.close();
}

async function checkTranslated(browser, { lang, html: file }) {
  const label = `report ${lang}`;
  const expected = SECTION_TITLES[lang];
  check(`${label}: a language the check knows`, expected !== undefined, lang);
  if (!expected) return;
  const { context, page, requests, dialogs, errors } = await openReport(browser, file, { bypassCSP: false });
  const info = await inspect(page);
  const seen = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    // A title's own text: stream headings carry their id in a <span> after it.
    h2: [...document.querySelectorAll('h2')].map((h) => (h.firstChild && h.firstChild.nodeType === 3 ? h.firstChild.textContent : h.textContent).trim()),
    th: [...document.querySelectorAll('th')].map((t) => t.textContent.trim()),
    legends: [...document.querySelectorAll('.legend, .figure-note, p.muted')].map((e) => e.textContent),
    font: getComputedStyle(document.body).fontFamily,
  }));
  check(`${label}: <html lang="${lang}">`, seen.lang === lang, seen.lang);
  const missing = expected.filter((t) => !seen.h2.includes(t));
  check(`${label}: section titles in the language`, missing.length === 0, `missing ${missing.join(', ')}; titles: ${seen.h2.slice(0, 12).join(' | ')}`);
  const english = ENGLISH_TITLES.filter((t) => seen.h2.includes(t));
  check(`${label}: no English section title`, english.length === 0, english.join(', '));
  const headers = seen.th.filter((t) => ENGLISH_WORDS.includes(t));
  check(`${label}: no English table header`, headers.length === 0, headers.join(', '));
  const words = ENGLISH_WORDS.filter((w) => seen.legends.some((l) => l.includes(w)));
  check(`${label}: no English word in legends and notes`, words.length === 0, words.join(', '));
  check(`${label}: a CJK font first in the font stack`, /PingFang|YaHei|JhengHei|Noto Sans CJK/.test(seen.font), seen.font);
  check(`${label}: no network request, dialog, script or page error`, requests.length === 0 && dialogs.length === 0 && info.scripts === 0 && errors.length === 0, [...requests, ...dialogs, ...errors].join(' | '));
  check(`${label}: diagrams and flow bars drawn`, info.svgs > 0 && info.flowBars > 0, `${info.svgs} svg, ${info.flowBars} flow charts`);
  const shot = (process.env.REPORT_SCREENSHOT || 'target/report.png').replace(/\.png$/, `-${lang}.png`);
  await page.screenshot({ path: shot, fullPage: true });
  check(`${label}: screenshot ${shot}`, true);
  await context.close();
}

async function checkHostile(browser) {
  for (const csp of [false, true]) {
    const label = csp ? 'hostile (with CSP)' : 'hostile (CSP off)';
    const { context, page, requests, dialogs, errors } = await openReport(browser, hostileHtml, { bypassCSP: !csp });
    const info = await inspect(page);
    check(`${label}: no dialog`, dialogs.length === 0, dialogs.join(', '));
    check(`${label}: no network request`, requests.length === 0, requests.join(', '));
    check(`${label}: title unchanged and literal`, info.title !== 'pwned' && PAYLOADS.every((p) => info.title.includes(p)), info.title);
    check(`${label}: no script or img element`, info.scripts === 0 && info.images === 0);
    check(`${label}: no on* attribute`, info.onAttributes.length === 0, info.onAttributes.join(', '));
    check(`${label}: no page error`, errors.length === 0, errors.join(' | '));
    for (const payload of PAYLOADS) {
      check(`${label}: shows ${JSON.stringify(payload)} literally`, info.text.includes(payload));
    }
    if (!csp) {
      const shot = (process.env.REPORT_SCREENSHOT || 'target/report.png').replace(/\.png$/, '-hostile.png');
      await page.screenshot({ path: shot, fullPage: false });
    }
    await context.close();
  }
}

// ------------------------------------------------------------------------------------------
// Mermaid blocks of the Markdown report
// ------------------------------------------------------------------------------------------

async function checkMermaid(mermaid, file, label) {
  const md = readFileSync(file, 'utf8');
  const blocks = mermaidBlocks(md);
  check(`${label}: has Mermaid blocks`, blocks.length > 0, `${blocks.length}`);
  const { bad, first } = await parseBlocks(mermaid, blocks);
  check(`${label}: all ${blocks.length} Mermaid blocks parse`, bad === 0, `${bad} failed; first: ${first}`);
  // GFM tables: every table row has as many cells as its header.
  const lines = md.split('\n');
  let rowsBad = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].startsWith('|') && /^\|( :?-+:? \|)+$/.test(lines[i + 1])) {
      const cells = (l) => l.replace(/\\\|/g, '').split('|').length;
      const n = cells(lines[i]);
      for (let j = i + 2; j < lines.length && lines[j].startsWith('|'); j++) {
        if (cells(lines[j]) !== n) rowsBad += 1;
      }
    }
  }
  check(`${label}: table rows have as many cells as their header`, rowsBad === 0, `${rowsBad} rows`);
}

// ------------------------------------------------------------------------------------------

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
});
try {
  await checkReport(browser);
  if (hostileHtml) await checkHostile(browser);
  for (const t of translated) await checkTranslated(browser, t);
} finally {
  await browser.close();
}
const mermaid = await mermaidParser();
await checkMermaid(mermaid, mdPath, 'markdown');
for (const t of translated) await checkMermaid(mermaid, t.md, `markdown ${t.lang}`);
if (hostileMd) {
  await checkMermaid(mermaid, hostileMd, 'hostile markdown');
  const md = readFileSync(hostileMd, 'utf8');
  check('hostile markdown: no raw <script> or <img', !/<script|<img/i.test(md));
}

finish();
