// ui_browser.mjs: the memory inspector (/ui) in a real browser, Debian's chromium driven
// headless by puppeteer-core, against real mnemods started by
// tests/integration/test_ui_browser.c. Usage:
//   node ui_browser.mjs OPEN_BASE TOKEN_BASE SHOTS_DIR
// OPEN_BASE runs the shipped model without tokens (its page is opened at /ui/, the other's
// at /ui); TOKEN_BASE has tokens (alice's in $MNEMO_TOKEN, the admin's in
// $MNEMO_ADMIN_TOKEN). Checks DOM text, never pixels, and writes a screenshot of each
// panel into SHOTS_DIR. Exits non-zero on the first failure.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const [openBase, tokenBase, shots] = process.argv.slice(2);
if (!openBase || !tokenBase || !shots) {
  console.error('usage: node ui_browser.mjs OPEN_BASE TOKEN_BASE SHOTS_DIR');
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });
const chromium = process.env.MNEMO_CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = 30_000;

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
const page = await browser.newPage();
page.setDefaultTimeout(TIMEOUT);
const consoleErrors = [];
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
page.on('pageerror', (e) => consoleErrors.push(String(e)));
await page.setViewport({ width: 1100, height: 900 });

const text = (sel) => page.$eval(sel, (e) => e.textContent);
const shot = async (name) => {
  const file = path.join(shots, `ui-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot ${file}`);
};
// Waits until the element's text matches re; fails with what it had.
async function waitText(sel, re) {
  try {
    await page.waitForFunction((s, src, flags) => {
      const e = document.querySelector(s);
      return e && new RegExp(src, flags).test(e.textContent);
    }, { timeout: TIMEOUT }, sel, re.source, re.flags);
  } catch (e) {
    const had = await page.$eval(sel, (x) => x.textContent).catch(() => '(absent)');
    const notice = await page.$eval('#notice', (x) => x.textContent).catch(() => '');
    throw new Error(`${sel} never matched ${re}: had "${had.slice(0, 400)}"; notice "${notice}"`);
  }
}
async function fill(sel, value) {
  await page.$eval(sel, (e) => { e.value = ''; });
  if (value) await page.type(sel, value);
}
async function login(user, token) {
  await fill('#auth-user', user);
  await fill('#auth-token', token);
  await page.click('#auth-use');
}
async function tab(name) {
  await page.click(`#tab-${name}`);
  await page.waitForSelector(`#panel-${name}:not([hidden])`);
}
// Sends a chat message and returns the exchange's text once the reply is in.
async function chat(conversation, message) {
  await fill('#chat-conversation', conversation);
  await fill('#chat-message', message);
  const n = await page.$$eval('#chat-log > li', (l) => l.length);
  await page.click('#chat-send');
  const sel = `#chat-log > li:nth-child(${n + 1})`;
  await page.waitForFunction((s) => {
    const li = document.querySelector(s);
    return li && (li.querySelector('.reply') || li.classList.contains('failed'));
  }, {}, sel);
  const failed = await page.$eval(sel, (li) => li.classList.contains('failed'));
  assert.ok(!failed, `chat failed: ${await text('#notice')}`);
  return sel;
}

// One turn straight through the API, as another client (or an earlier day) would have.
async function apiChat(user, conversation, message) {
  const res = await fetch(`${openBase}/v1/chat`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user, conversation, message }),
  });
  assert.equal(res.status, 200, `POST /v1/chat: ${res.status}`);
  return res.json();
}

try {
  // A conversation of carol's held before this page was ever opened.
  await apiChat('carol', 'earlier', 'my cat is called Tom');
  const earlier = await apiChat('carol', 'earlier', 'what is my cat called?');
  assert.equal(earlier.attention.length, 1, 'the question attends over the statement');

  // ---- the open daemon, with the shipped model (the page at /ui/) -------------------
  await page.goto(`${openBase}/ui/`, { waitUntil: 'networkidle0' });
  assert.match(await page.title(), /mnemo/);
  await login('alice', '');
  await waitText('#status', /Connected as alice/);

  // A fact told in one conversation ...
  let ex = await chat('home', 'my dog is called Rex');
  assert.match(await text(`${ex} .reply`), /Rex/i);
  assert.doesNotMatch(await text(`${ex} .written`), /none/, 'the fact was written');
  assert.match(await text(`${ex} .clause .act`), /fact/, 'its clause was read as a fact');
  await chat('home', 'I live in Tampere');

  // ... is answered in another, citing its memory with its score and weight.
  ex = await chat('work', 'what is my dog called?');
  assert.match(await text(`${ex} .reply`), /Rex/, 'the answer names Rex');
  const cited = await page.$$eval(`${ex} tr.recalled`, (rows) =>
    rows.map((r) => [...r.cells].map((c) => c.textContent)));
  assert.ok(cited.some((c) => /Rex/.test(c[1]) && /^\d\.\d{4}$/.test(c[2]) &&
                              /bm25 #\d+/.test(c[3]) && /dense #\d+/.test(c[3]) &&
                              /recency #\d+/.test(c[3]) && /^\d\.\d\d$/.test(c[4])),
            `the memory is cited with score, ranks and weight: ${JSON.stringify(cited)}`);
  assert.match(await text(`${ex} .clause .act`), /question/);
  await (await page.$(ex)).screenshot({ path: path.join(shots, 'ui-answer.png') });
  // A second question in the same conversation attends over the first exchange.
  ex = await chat('work', 'where do I live?');
  assert.match(await text(`${ex} .reply`), /Tampere/);
  const att = await page.$$eval(`${ex} ol.attention li`, (l) =>
    l.map((li) => ({ turn: li.dataset.turn, text: li.textContent, heat: li.classList.contains('heat') })));
  assert.ok(att.length >= 1 && att.every((a) => a.heat), `attention heat map: ${JSON.stringify(att)}`);
  assert.ok(att.some((a) => /what is my dog called/.test(a.text)), 'the attended turn is named');
  await shot('chat');

  // ---- memories: list, search, edit and its history, delete --------------------------
  await tab('memories');
  await page.click('#mem-go');
  await waitText('#mem-summary', /memories, newest first/);
  const listed = await page.$$eval('#mem-table tbody tr', (r) => r.map((x) => x.cells[1].textContent));
  assert.ok(listed.some((t) => /Rex/.test(t)) && listed.some((t) => /Tampere/.test(t)),
            `listed: ${JSON.stringify(listed)}`);
  await fill('#mem-q', 'dog');
  await page.click('#mem-go');
  await waitText('#mem-summary', /best matches for “dog”/);
  const first = await page.$eval('#mem-table tbody tr', (r) =>
    ({ id: r.dataset.id, text: r.cells[1].textContent, score: r.cells[2].textContent,
       ranks: r.cells[3].textContent }));
  assert.match(first.text, /Rex/);
  assert.match(first.score, /^\d\.\d{4}$/, 'a search shows scores');
  assert.match(first.ranks, /^bm25 #1\s*dense #\d+\s*recency #\d+$/,
               'a search shows the rank of each fused list');

  // edit it: the row takes the new text, the history keeps the old one
  await page.click(`#mem-table tr[data-id="${first.id}"] button[aria-label^="Edit"]`);
  await page.waitForSelector('#edit-dialog[open]');
  await fill('#edit-text', 'My dog is called Rex, a beagle.');
  await fill('#edit-importance', '0.9');
  await page.click('#edit-save');
  await page.waitForSelector('#edit-dialog:not([open])');
  await waitText(`#mem-table tr[data-id="${first.id}"]`, /a beagle/);
  assert.match(await text(`#mem-table tr[data-id="${first.id}"] .importance`), /0\.90/);
  await page.click(`#mem-table tr[data-id="${first.id}"] button[aria-label^="History"]`);
  await page.waitForSelector('#history-dialog[open]');
  await waitText('#history-list', /a beagle/);
  const versions = await page.$$eval('#history-list li', (l) => l.map((x) => x.textContent));
  assert.ok(/my dog is called Rex/i.test(versions[0]) && !/beagle/.test(versions[0]),
            `the old text is the first version: ${JSON.stringify(versions)}`);
  assert.match(versions[versions.length - 1], /a beagle.*now/);
  await shot('memories-history');
  await page.click('#history-close');

  // delete the Tampere memory, then search: it is gone
  await fill('#mem-q', 'Tampere');
  await page.click('#mem-go');
  await waitText('#mem-summary', /best matches for “Tampere”/);
  const paris = await page.$eval('#mem-table tbody tr', (r) =>
    ({ id: r.dataset.id, text: r.cells[1].textContent }));
  assert.match(paris.text, /Tampere/);
  await page.click(`#mem-table tr[data-id="${paris.id}"] button[aria-label^="Delete"]`);
  await page.waitForSelector('#confirm-dialog[open]');
  await page.click('#confirm-yes');
  await waitText('#status', new RegExp(`Memory #${paris.id} deleted`));
  await page.click('#mem-go');
  await waitText('#mem-summary', /best matches for “Tampere”/);
  const after = await page.$$eval('#mem-table tbody tr', (r) => r.map((x) => x.cells[1].textContent));
  assert.ok(!after.some((t) => /Tampere/.test(t)), `Tampere is gone from search: ${JSON.stringify(after)}`);

  // export: a link to the user's JSON lines
  await page.click('#mem-export');
  await waitText('#mem-export-link', /Save alice\.jsonl \(\d+ memories\)/);
  await fill('#mem-q', '');
  await page.click('#mem-go');
  await waitText('#mem-summary', /newest first/);
  await shot('memories');

  // import: bob gets one memory from a file
  const importFile = path.join(shots, 'ui-import.jsonl');
  fs.writeFileSync(importFile, '{"text":"My cat is called Tom.","importance":0.4}\n');
  await login('bob', '');
  await waitText('#status', /Connected as bob/);
  const [chooser] = await Promise.all([page.waitForFileChooser(), page.click('#import-file')]);
  await chooser.accept([importFile]);
  await page.click('#import-go');
  await waitText('#status', /Imported 1 memories into bob/);
  await waitText('#mem-table tbody', /My cat is called Tom/);

  // deleting a user asks for the id first
  await page.click('#user-delete');
  await page.waitForSelector('#confirm-dialog[open]');
  await page.type('#confirm-typed', 'bob');
  await page.click('#confirm-yes');
  await waitText('#mem-summary', /User bob deleted with 1 memories/);
  await login('alice', '');
  await waitText('#status', /Connected as alice/);

  // ---- conversations -----------------------------------------------------------------
  await tab('conversations');
  await page.click('#conv-load');
  await waitText('#conv-list', /work/);
  const convs = await page.$$eval('#conv-list button.conv', (b) => b.map((x) => x.dataset.id));
  assert.deepEqual(convs.sort(), ['home', 'work']);
  await page.click('#conv-list button[data-id="work"]');
  await waitText('#conv-title', /work: 4 turns/);
  const turns = await page.$$eval('#conv-turns li', (l) => l.map((x) => x.textContent));
  assert.match(turns[0], /what is my dog called/);
  assert.match(turns[1], /Rex/);
  // the attention of the last question, as mnemod stored it, as the Chat panel's heat map
  assert.equal(await page.$eval('#conv-turns li:nth-child(1) button.link',
                                (b) => b.getAttribute('aria-expanded')), 'false');
  await page.click('#conv-turns li:nth-child(3) button.link');
  await page.waitForSelector('#conv-turns li:nth-child(3) .turn-attention ol.attention li.heat');
  assert.equal(await page.$eval('#conv-turns li:nth-child(3) button.link',
                                (b) => b.getAttribute('aria-expanded')), 'true');
  assert.match(await text('#conv-turns li:nth-child(3) .turn-attention'), /what is my dog called/);
  await shot('conversations');

  // an old conversation, never seen by this page: its stored attention shows all the same
  await page.reload({ waitUntil: 'networkidle0' });
  await login('carol', '');
  await waitText('#status', /Connected as carol/);
  await tab('conversations');
  await page.click('#conv-load');
  await waitText('#conv-list', /earlier/);
  await page.click('#conv-list button[data-id="earlier"]');
  await waitText('#conv-title', /earlier: 4 turns/);
  await page.focus('#conv-turns li:nth-child(3) button.link');
  await page.keyboard.press('Enter');     // the keyboard opens it as well as a click
  const heatSel = '#conv-turns li:nth-child(3) .turn-attention ol.attention li.heat';
  await page.waitForSelector(heatSel);
  const old = await page.$$eval(heatSel, (l) => l.map((li) =>
    ({ turn: Number(li.dataset.turn), weight: Number(li.dataset.weight), text: li.textContent })));
  assert.equal(old.length, 1, `one earlier turn: ${JSON.stringify(old)}`);
  assert.equal(old[0].turn, earlier.attention[0].turn);
  assert.ok(Math.abs(old[0].weight - earlier.attention[0].weight) < 1e-6,
            `the stored weight: ${JSON.stringify(old)} vs ${JSON.stringify(earlier.attention)}`);
  assert.match(old[0].text, /my cat is called Tom/);
  await shot('conversations-earlier');
  await login('alice', '');
  await waitText('#status', /Connected as alice/);

  // ---- health ------------------------------------------------------------------------
  await tab('health');
  await waitText('#health-figures', /Memories/);
  assert.match(await text('[data-figure=memories] dd'), /^\d+$/);
  assert.match(await text('[data-figure=turns] dd'), /^[4-9]$|^\d\d+$/, 'chat turns counted');
  assert.match(await text('[data-figure=model] dd'), /^mnemo-|^[0-9a-f]{8}$/);
  const plots = await page.$$eval('#health-plots figure', (f) =>
    f.map((x) => ({ caption: x.querySelector('figcaption').textContent, bars: x.querySelectorAll('rect').length })));
  assert.equal(plots.length, 4);
  assert.ok(plots.every((p) => p.bars > 0), `plots have bars: ${JSON.stringify(plots)}`);
  assert.match(plots[0].caption, /Chat turn.*\d+ observed, mean/);
  await shot('health');

  // ---- phone width ---------------------------------------------------------------------
  // (puppeteer reloads the page for isMobile; the user and token stay in sessionStorage)
  await page.setViewport({ width: 390, height: 844, isMobile: true });
  await tab('chat');
  ex = await chat('phone', 'what is my dog called?');
  assert.match(await text(`${ex} .reply`), /Rex/);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 400, `no horizontal scroll at phone width (${wide}px)`);
  await shot('phone');
  await page.setViewport({ width: 1100, height: 900 });

  // ---- keyboard: the tabs move with the arrow keys -------------------------------------
  await page.focus('#tab-chat');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-memories');
  assert.equal(await page.$eval('#panel-memories', (p) => p.hidden), false);

  // ---- the daemon with tokens: a wrong token is a clear message ------------------------
  await page.goto(`${tokenBase}/ui`, { waitUntil: 'networkidle0' });
  await login('alice', 'not-the-right-token-at-all');
  await waitText('#notice', /token was refused \(401 unauthorized\)/);
  assert.equal(await page.$eval('#notice', (n) => n.hidden), false);
  await shot('wrong-token');
  await login('alice', process.env.MNEMO_TOKEN);
  await waitText('#status', /Connected as alice with a token/);
  assert.equal(await page.$eval('#notice', (n) => n.hidden), true);
  await tab('health');
  await waitText('#notice', /403 forbidden.*admin token/);
  await login('alice', process.env.MNEMO_ADMIN_TOKEN);
  await waitText('#status', /Connected as alice with a token/);
  await page.click('#health-refresh');
  await waitText('#health-figures', /Memories/);

  assert.deepEqual(consoleErrors.filter((e) => !/40[13]|Failed to load resource/.test(e)), [],
                   'no script errors');
  console.log('ui_browser: all checks passed');
} finally {
  await browser.close();
}
