// app.js: the memory inspector's behaviour. Every figure on the page comes from mnemod's
// HTTP API (docs/API.md) with the token the user enters once (kept in sessionStorage, for
// this tab only): POST /v1/chat, /v1/memories and its history, the user's export, import
// and deletion, /v1/users/{id}/conversations, /v1/conversations/{id} and /metrics.
// Plain DOM code, no framework, no build step; text goes in with textContent only.
'use strict';

const $ = (sel) => document.querySelector(sel);
const KEY_TOKEN = 'mnemo.token';
const KEY_USER = 'mnemo.user';
const CONVERSATION_TURNS = 200;               // turns read to name the attended ones
const state = {
  token: sessionStorage.getItem(KEY_TOKEN) || '',
  user: sessionStorage.getItem(KEY_USER) || '',
  memCursor: null,
  convCursor: null,
};

// ---- the API ----------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// One request: query values that are empty are left out; body is JSON unless type says
// otherwise. Resolves to the parsed JSON, or the text for other media types; rejects
// with an ApiError carrying mnemod's error code and message.
async function api(method, path, { query, body, type } = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query || {}))
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  const headers = {};
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = type || 'application/json';
    payload = type ? body : JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(url, { method, headers, body: payload, cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, 'unreachable', `mnemod did not answer (${e.message})`);
  }
  const ct = res.headers.get('Content-Type') || '';
  if (!res.ok) {
    let code = `http_${res.status}`, message = res.statusText;
    try {
      const j = await res.json();
      if (j && j.error) ({ code, message } = j.error);
    } catch { /* not JSON: keep the status line */ }
    throw new ApiError(res.status, code, message);
  }
  return ct.startsWith('application/json') ? res.json() : res.text();
}

const enc = encodeURIComponent;

// A sentence a person can act on, for any failed request.
function explain(err) {
  if (!(err instanceof ApiError)) return String(err && err.message ? err.message : err);
  switch (err.status) {
  case 0:
    return `${err.message}. Is mnemod running?`;
  case 401:
    return state.token
      ? 'The token was refused (401 unauthorized): mnemod does not know it. Check it and ' +
        'enter it again above.'
      : 'This mnemod needs a token (401 unauthorized): enter yours above.';
  case 403:
    return `Not allowed (403 forbidden): ${err.message}.`;
  case 429:
    return `Too many requests (429): ${err.message}. Wait a minute and try again.`;
  default:
    return `${err.message} (${err.status} ${err.code}).`;
  }
}

function say(text) {
  $('#status').textContent = text;
}

function fail(err) {
  const n = $('#notice');
  n.textContent = explain(err);
  n.hidden = false;
}

function clearNotice() {
  $('#notice').hidden = true;
  $('#notice').textContent = '';
}

// Runs an action with the notice cleared first and any failure shown in it.
async function guarded(fn) {
  clearNotice();
  try {
    await fn();
  } catch (e) {
    fail(e);
  }
}

function needUser() {
  if (!state.user) throw new Error('Enter a user above first (and a token if mnemod has them).');
  return state.user;
}

// ---- DOM helpers ------------------------------------------------------------------

// el('td', {class: 'num'}, 'text', child...): an element with attributes and children;
// strings become text nodes, never markup.
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat())
    if (c !== undefined && c !== null && c !== false)
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

const num = (x, digits = 2) => (typeof x === 'number' ? x.toFixed(digits) : '');
const when = (iso) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '');

// Sets the heat of an element from a weight in 0..1 (style.css colours by --w).
function heat(e, w) {
  e.classList.add('heat');
  e.style.setProperty('--w', String(Math.max(0, Math.min(1, w))));
}

// ---- who: user and token ----------------------------------------------------------

async function useAuth(ev) {
  ev.preventDefault();
  state.user = $('#auth-user').value.trim();
  state.token = $('#auth-token').value;
  sessionStorage.setItem(KEY_USER, state.user);
  if (state.token) sessionStorage.setItem(KEY_TOKEN, state.token);
  else sessionStorage.removeItem(KEY_TOKEN);
  await guarded(async () => {
    await api('GET', '/v1/memories', { query: { user: needUser(), limit: 1 } });
    say(`Connected as ${state.user}${state.token ? ' with a token' : ' (no token)'}.`);
  });
  if (!$('#notice').hidden) say('');
}

// ---- tabs -------------------------------------------------------------------------

const tabs = () => [...document.querySelectorAll('[role=tab]')];

function showTab(tab, focusPanel) {
  for (const t of tabs()) {
    const on = t === tab;
    t.setAttribute('aria-selected', on ? 'true' : 'false');
    t.tabIndex = on ? 0 : -1;
    $(`#${t.getAttribute('aria-controls')}`).hidden = !on;
  }
  const name = tab.id.replace('tab-', '');
  history.replaceState(null, '', `#${name}`);
  if (focusPanel) $(`#panel-${name} h2`).focus();
  if (name === 'health') guarded(loadHealth);
}

function onTabKey(ev) {
  const all = tabs(), i = all.indexOf(ev.currentTarget);
  let j = null;
  if (ev.key === 'ArrowRight') j = (i + 1) % all.length;
  else if (ev.key === 'ArrowLeft') j = (i - 1 + all.length) % all.length;
  else if (ev.key === 'Home') j = 0;
  else if (ev.key === 'End') j = all.length - 1;
  if (j === null) return;
  ev.preventDefault();
  all[j].focus();
  showTab(all[j], false);
}

// ---- the turns of a conversation --------------------------------------------------

// The exchanges of a conversation by the id of their user turn: {text, reply}.
async function exchanges(user, conversation) {
  const path = `/v1/conversations/${enc(conversation)}`;
  let c;
  try {
    c = await api('GET', path, { query: { user, limit: CONVERSATION_TURNS } });
  } catch (e) {
    // a max_page below CONVERSATION_TURNS: the default page then
    if (!(e instanceof ApiError) || e.code !== 'invalid_parameter') throw e;
    c = await api('GET', path, { query: { user } });
  }
  const map = new Map();
  c.turns.forEach((t, i) => {
    if (t.role !== 'user') return;
    const next = c.turns[i + 1];
    map.set(t.id, { text: t.text, reply: next && next.role === 'assistant' ? next.text : '' });
  });
  return { turns: c.turns, map };
}

// ---- chat -------------------------------------------------------------------------

function idButtons(ids, label) {
  if (!ids || !ids.length) return [el('span', { class: 'none' }, 'none')];
  return ids.map((id) => el('button', {
    type: 'button', class: 'link', 'aria-label': `${label} memory ${id}: show its history`,
    onclick: () => guarded(() => showHistory(id)),
  }, `#${id}`));
}

function attentionList(attention, texts) {
  if (!attention.length)
    return el('p', { class: 'none' }, 'No earlier turns in this conversation\'s working memory.');
  const top = Math.max(...attention.map((a) => a.weight));
  return el('ol', { class: 'attention', 'aria-label': 'Attention weight on each earlier turn' },
            attention.map((a) => {
    const ex = texts.get(a.turn);
    const li = el('li', { 'data-turn': a.turn, 'data-weight': a.weight },
      el('span', { class: 'w' }, num(a.weight)),
      el('span', { class: 'turn-id' }, `turn ${a.turn}`),
      el('span', { class: 'said' }, ex ? ex.text : '(not in the last turns read)'),
      ex && ex.reply ? el('span', { class: 'answered' }, `→ ${ex.reply}`) : null);
    heat(li, top > 0 ? a.weight / top : 0);
    li.setAttribute('aria-label',
                    `turn ${a.turn}, weight ${num(a.weight)}: ${ex ? ex.text : 'not shown'}`);
    return li;
  }));
}

// A search hit's score_breakdown: its rank in each list the search fused (1 = first),
// "—" where it was not a candidate of that list, and what its neighbours lent the score.
const LEGS = ['bm25', 'dense', 'recency'];
function breakdown(b) {
  if (!b) return el('span', { class: 'none' }, '—');
  const ranks = LEGS.map((leg) =>
    el('span', { class: 'leg', 'data-leg': leg },
       `${leg} ${typeof b[leg] === 'number' ? `#${b[leg]}` : '—'}`));
  if (typeof b.context === 'number' && b.context > 0)
    ranks.push(el('span', { class: 'leg', 'data-leg': 'context' }, `context +${num(b.context)}`));
  return el('span', { class: 'breakdown' }, ranks);
}
const BREAKDOWN_HEAD = 'Ranks (bm25, dense, recency; context)';

function memoriesTable(mems) {
  if (!mems.length) return el('p', { class: 'none' }, 'No long-term memory retrieved.');
  return el('div', { class: 'scroll' }, el('table', { class: 'table compact' },
    el('thead', {}, el('tr', {}, ['Id', 'Memory', 'Search score', BREAKDOWN_HEAD, 'Model weight']
      .map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, mems.map((m) => {
      const w = el('td', { class: 'num' }, num(m.weight));
      heat(w, m.weight);
      return el('tr', { class: 'recalled' }, el('td', {}, `#${m.id}`),
                el('td', { class: 'mem-text' }, m.text),
                el('td', { class: 'num score' }, num(m.score, 4)),
                el('td', { class: 'ranks' }, breakdown(m.score_breakdown)), w);
    }))));
}

function clausesTable(clauses) {
  if (!clauses || !clauses.length)
    return el('p', { class: 'none' }, 'The model has no reader: the message went to the memory network whole.');
  return el('div', { class: 'scroll' }, el('table', { class: 'table compact' },
    el('thead', {}, el('tr', {}, ['Clause', 'Act', 'Holder', 'Relation', 'Value']
      .map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, clauses.map((c) => el('tr', { class: 'clause' },
      el('td', {}, c.text),
      el('td', { class: 'act' }, `${c.act} (${num(c.p)})`),
      el('td', {}, c.frame ? c.frame.holder : '—'),
      el('td', {}, c.frame ? c.frame.relation : '—'),
      el('td', {}, c.frame ? c.frame.value : '—'))))));
}

function renderTurn(li, t, texts) {
  li.querySelector('.pending')?.remove();
  li.dataset.turn = t.turn;
  const wrote = el('dl', { class: 'writes' },
    el('dt', {}, 'Written'), el('dd', { class: 'written' }, idButtons(t.written, 'written')),
    el('dt', {}, 'Superseded'), el('dd', { class: 'superseded' }, idButtons(t.superseded, 'superseded')),
    el('dt', {}, 'Forgotten'), el('dd', { class: 'forgotten' }, idButtons(t.forgotten, 'forgotten')));
  li.append(
    el('p', { class: 'reply' }, el('span', { class: 'who' }, 'mnemo'), t.reply,
       el('span', { class: 'kind' }, t.kind)),
    el('details', { class: 'why', open: true },
      el('summary', {}, 'Why this reply'),
      el('h4', {}, `Attention over working memory (${t.attention.length} turns)`),
      attentionList(t.attention, texts),
      el('h4', {}, `Memories retrieved (${t.memories.length})`),
      memoriesTable(t.memories),
      el('h4', {}, 'Clauses'),
      clausesTable(t.clauses),
      t.quoted ? el('p', { class: 'quoted' },
        `The reply quotes what you told in turn #${t.quoted.turn} (conversation ${t.quoted.conversation}).`) : null,
      el('h4', {}, 'What it wrote'),
      wrote));
}

async function sendChat(ev) {
  ev.preventDefault();
  const conversation = $('#chat-conversation').value.trim();
  const input = $('#chat-message'), message = input.value;
  const li = el('li', { class: 'exchange', 'data-conversation': conversation },
    el('p', { class: 'said' }, el('span', { class: 'who' }, `you in ${conversation}`), message),
    el('p', { class: 'pending' }, 'Thinking…'));
  $('#chat-log').append(li);
  await guarded(async () => {
    try {
      const user = needUser();
      const t = await api('POST', '/v1/chat', { body: { user, conversation, message } });
      let texts = new Map();
      if (t.attention.length) texts = (await exchanges(user, conversation)).map;
      renderTurn(li, t, texts);
      input.value = '';
      say(`Replied in ${conversation}.`);
    } catch (e) {
      li.querySelector('.pending').textContent = 'Not sent.';
      li.classList.add('failed');
      throw e;
    }
  });
  li.scrollIntoView({ block: 'nearest' });
  input.focus();
}

// ---- memories ---------------------------------------------------------------------

// datetime-local (the browser's local time) to ISO-8601 UTC, '' when empty.
function isoOf(input) {
  if (!input.value) return '';
  const d = new Date(input.value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().replace(/\.\d+Z$/, 'Z');
}

function memoryRow(m, searched) {
  const tr = el('tr', { 'data-id': m.id },
    el('td', {}, `#${m.id}`),
    el('td', { class: 'mem-text' }, m.text,
       m.superseded_by ? el('span', { class: 'tag' }, `superseded by #${m.superseded_by}`) : null),
    el('td', { class: 'num score' }, searched ? num(m.score, 4) : '—'),
    el('td', { class: 'ranks' }, searched ? breakdown(m.score_breakdown) : '—'),
    el('td', {}, m.conversation || '—'),
    el('td', { class: 'num importance' }, num(m.importance)),
    el('td', { class: 'time' }, when(m.created_at)),
    el('td', { class: 'actions' },
      el('button', { type: 'button', 'aria-label': `Edit memory ${m.id}`,
                     onclick: () => openEdit(m, tr) }, 'Edit'),
      el('button', { type: 'button', 'aria-label': `History of memory ${m.id}`,
                     onclick: () => guarded(() => showHistory(m.id)) }, 'History'),
      el('button', { type: 'button', class: 'danger', 'aria-label': `Delete memory ${m.id}`,
                     onclick: () => deleteMemory(m, tr) }, 'Delete')));
  return tr;
}

async function loadMemories(more) {
  const user = needUser(), q = $('#mem-q').value.trim();
  const query = {
    user, conversation: $('#mem-conversation').value.trim(),
    since: isoOf($('#mem-since')), until: isoOf($('#mem-until')),
  };
  const body = $('#mem-table tbody');
  let rows, summary;
  if (q) {
    Object.assign(query, { q, k: $('#mem-k').value });
    rows = (await api('GET', '/v1/memories', { query })).results;
    state.memCursor = null;
    summary = `${rows.length} best matches for “${q}”, best first.`;
  } else {
    Object.assign(query, { limit: $('#mem-limit').value, cursor: more ? state.memCursor : '' });
    const page = await api('GET', '/v1/memories', { query });
    rows = page.memories;
    state.memCursor = page.next_cursor;
    summary = `${(more ? body.rows.length : 0) + rows.length} memories, newest first` +
              (state.memCursor ? '; more on the next page.' : '.');
  }
  if (!more) body.replaceChildren();
  body.append(...rows.map((m) => memoryRow(m, Boolean(q))));
  $('#mem-more').hidden = !state.memCursor;
  $('#mem-summary').textContent = rows.length || more ? summary : 'No memory matches.';
}

let editing = null;      // {m, tr} of the memory in the edit dialog

function openEdit(m, tr) {
  editing = { m, tr };
  $('#edit-title').textContent = `Edit memory #${m.id}`;
  $('#edit-text').value = m.text;
  $('#edit-importance').value = m.importance;
  $('#edit-error').hidden = true;
  $('#edit-dialog').showModal();
  $('#edit-text').focus();
}

async function saveEdit(ev) {
  ev.preventDefault();
  const { m, tr } = editing, patch = {};
  const text = $('#edit-text').value, importance = Number($('#edit-importance').value);
  if (text !== m.text) patch.text = text;
  if (importance !== m.importance) patch.importance = importance;
  if (!Object.keys(patch).length) {
    $('#edit-dialog').close();
    return;
  }
  try {
    const saved = await api('PATCH', `/v1/memories/${m.id}`, { body: patch });
    tr.replaceWith(memoryRow({ ...saved, score: m.score }, m.score !== undefined));
    $('#edit-dialog').close();
    say(`Memory #${m.id} saved${patch.text ? '; its old text is in its history' : ''}.`);
  } catch (e) {
    $('#edit-error').textContent = explain(e);
    $('#edit-error').hidden = false;
  }
}

async function showHistory(id) {
  const [h, now] = await Promise.all([api('GET', `/v1/memories/${id}/history`),
                                      api('GET', `/v1/memories/${id}`)]);
  $('#history-title').textContent = `History of memory #${id}`;
  const items = h.versions.map((v) => el('li', { class: 'version' },
    el('span', { class: 'text' }, v.text),
    el('span', { class: 'time' }, ` until ${when(v.valid_until)}`),
    v.superseded_by ? el('span', { class: 'tag' }, `superseded by #${v.superseded_by}`) : null));
  items.push(el('li', { class: 'version current' }, el('span', { class: 'text' }, now.text),
    el('span', { class: 'time' }, ' now'),
    h.superseded_by ? el('span', { class: 'tag' }, `superseded by #${h.superseded_by}`) : null));
  if (!h.versions.length) items.unshift(el('li', { class: 'none' }, 'No earlier version.'));
  $('#history-list').replaceChildren(...items);
  $('#history-dialog').showModal();
  $('#history-close').focus();
}

// Asks in the confirm dialog; with typed, the user must type it. Resolves true or false.
function confirmDialog(title, text, typed) {
  const d = $('#confirm-dialog');
  $('#confirm-title').textContent = title;
  $('#confirm-text').textContent = text;
  $('#confirm-typed-field').hidden = !typed;
  $('#confirm-typed').value = '';
  $('#confirm-typed').required = Boolean(typed);
  if (typed) {
    $('#confirm-typed-label').textContent = `Type ${typed} to confirm`;
    $('#confirm-typed').pattern = typed.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  } else {
    $('#confirm-typed').removeAttribute('pattern');
  }
  d.returnValue = 'no';
  d.showModal();
  (typed ? $('#confirm-typed') : $('#confirm-no')).focus();
  return new Promise((resolve) => {
    d.addEventListener('close', () => resolve(d.returnValue === 'yes'), { once: true });
  });
}

async function deleteMemory(m, tr) {
  if (!await confirmDialog(`Delete memory #${m.id}?`, `“${m.text}” will be gone, with its history.`))
    return;
  await guarded(async () => {
    await api('DELETE', `/v1/memories/${m.id}`);
    tr.remove();
    say(`Memory #${m.id} deleted.`);
  });
}

async function exportUser() {
  const user = needUser();
  const text = await api('GET', `/v1/users/${enc(user)}/export`);
  const n = text.split('\n').filter(Boolean).length;
  const a = $('#mem-export-link');
  if (a.href) URL.revokeObjectURL(a.href);
  a.href = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
  a.download = `${user}.jsonl`;
  a.textContent = `Save ${user}.jsonl (${n} memories)`;
  a.hidden = false;
  a.focus();
  say(`Exported ${n} memories of ${user}.`);
}

async function importUser(ev) {
  ev.preventDefault();
  await guarded(async () => {
    const user = needUser(), file = $('#import-file').files[0];
    if (!file) throw new Error('Choose a file to import.');
    const r = await api('POST', `/v1/users/${enc(user)}/import`,
                        { body: await file.text(), type: 'application/x-ndjson' });
    say(`Imported ${r.imported} memories into ${user}.`);
    await loadMemories(false);
  });
}

async function deleteUser() {
  let user;
  try {
    user = needUser();
  } catch (e) {
    fail(e);
    return;
  }
  if (!await confirmDialog(`Delete user ${user}?`,
                           `Every memory and conversation of ${user} will be deleted, for good.`,
                           user))
    return;
  await guarded(async () => {
    const r = await api('DELETE', `/v1/users/${enc(user)}`);
    $('#mem-table tbody').replaceChildren();
    $('#mem-summary').textContent = `User ${r.user} deleted with ${r.deleted_memories} memories.`;
    say(`User ${r.user} deleted with ${r.deleted_memories} memories.`);
  });
}

// ---- conversations ----------------------------------------------------------------

async function loadConversations(more) {
  const user = needUser();
  const r = await api('GET', `/v1/users/${enc(user)}/conversations`,
                      { query: { limit: 50, cursor: more ? state.convCursor : '' } });
  state.convCursor = r.next_cursor;
  const items = r.conversations.map((c) => el('li', {},
    el('button', { type: 'button', class: 'conv', 'data-id': c.id,
                   onclick: () => guarded(() => openConversation(c.id)) },
       el('strong', {}, c.id), ` ${c.turns} turns`,
       el('span', { class: 'time' }, c.last_turn_at ? ` last ${when(c.last_turn_at)}` : ''))));
  if (more) $('#conv-list').append(...items);
  else $('#conv-list').replaceChildren(...items);
  if (!more && !items.length)
    $('#conv-list').append(el('li', { class: 'none' }, `${user} has no conversation.`));
  $('#conv-more').hidden = !state.convCursor;
  say(`${$('#conv-list').querySelectorAll('button.conv').length} conversations of ${user}.`);
}

// Opens or closes, inside a turn's item, the heat map of the attention its reply paid to
// the earlier turns (the Chat panel's, from what mnemod stored with the turn).
function toggleAttention(button, box, t, map) {
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', open ? 'true' : 'false');
  box.hidden = !open;
  if (open && !box.childElementCount)
    box.append(el('h4', {}, `Attention of turn ${t.id} over ${t.attention.length} earlier turns`),
               attentionList(t.attention, map));
  if (open) say(`Attention of turn ${t.id} over ${t.attention.length} earlier turns.`);
}

async function openConversation(id) {
  const user = needUser();
  const { turns, map } = await exchanges(user, id);
  const list = $('#conv-turns');
  list.replaceChildren(...turns.map((t) => {
    const li = el('li', { class: `turn ${t.role}`, 'data-turn': t.id },
      el('span', { class: 'who' }, t.role === 'user' ? user : 'mnemo'),
      el('span', { class: 'text' }, t.text),
      el('span', { class: 'meta' }, `#${t.id}${t.kind ? ` ${t.kind}` : ''} ${when(t.created_at)}`));
    if (Array.isArray(t.attention)) {
      const box = el('div', { class: 'turn-attention', id: `conv-att-${t.id}`, hidden: true });
      const button = el('button', {
        type: 'button', class: 'link', 'aria-expanded': 'false', 'aria-controls': box.id,
        'aria-label': `Attention of turn ${t.id}`,
      }, 'attention');
      button.addEventListener('click', () => toggleAttention(button, box, t, map));
      li.append(button, box);
    } else if (t.role === 'user') {
      li.append(el('span', { class: 'none' }, 'attention not stored'));
    }
    return li;
  }));
  $('#conv-title').textContent = `${id}: ${turns.length} turns`;
  for (const b of document.querySelectorAll('#conv-list button.conv'))
    b.setAttribute('aria-current', b.dataset.id === id ? 'true' : 'false');
  $('#conv-title').focus();
}

// ---- health -----------------------------------------------------------------------

// Prometheus text: [{name, labels: {k: v}, value}], comments left out.
function parseMetrics(text) {
  const out = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!m) continue;
    const labels = {};
    for (const l of (m[2] || '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[l[1]] = l[2].replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

const bytes = (n) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB`
  : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`);
const ms = (s) => (s >= 1 ? `${s.toFixed(2)} s` : `${(s * 1e3).toFixed(s < 0.01 ? 2 : 1)} ms`);

// The bound under which a share q of the observations fell (bucket resolution).
function quantile(buckets, count, q) {
  for (const b of buckets) if (b.cum >= q * count) return b.le;
  return Infinity;
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

// A bar per latency bucket (its own count, not cumulative), labelled by its bound.
function histogramPlot(title, buckets, count, sum) {
  const W = 300, H = 120, pad = 18, n = buckets.length;
  const per = buckets.map((b, i) => b.cum - (i ? buckets[i - 1].cum : 0));
  const top = Math.max(1, ...per), bw = (W - 2) / n;
  const summary = count
    ? `${count} observed, mean ${ms(sum / count)}, p50 ≤ ${ms(quantile(buckets, count, 0.5))}, ` +
      `p95 ≤ ${ms(quantile(buckets, count, 0.95))}`
    : 'nothing observed yet';
  const plot = svg('svg', { viewBox: `0 0 ${W} ${H + pad}`, role: 'img',
                            'aria-label': `${title}: ${summary}`, class: 'hist' },
                   svg('title', {}, `${title}: ${summary}`));
  per.forEach((c, i) => {
    const h = (c / top) * (H - 4);
    const bar = svg('rect', { x: 1 + i * bw + 1, y: H - h, width: Math.max(1, bw - 2),
                              height: h, class: 'bar' },
                    svg('title', {}, `≤ ${Number.isFinite(buckets[i].le) ? ms(buckets[i].le) : '∞'}: ${c}`));
    plot.append(bar);
    if (i % 3 === 1)
      plot.append(svg('text', { x: 1 + i * bw + bw / 2, y: H + 13, class: 'tick' },
                      Number.isFinite(buckets[i].le) ? ms(buckets[i].le) : '+∞'));
  });
  plot.append(svg('line', { x1: 0, y1: H, x2: W, y2: H, class: 'axis' }));
  return el('figure', { class: 'plot' }, plot, el('figcaption', {},
    el('strong', {}, title), el('br'), summary));
}

async function loadHealth() {
  const samples = parseMetrics(await api('GET', '/metrics'));
  const one = (name) => samples.find((s) => s.name === name);
  const value = (name) => (one(name) ? one(name).value : NaN);
  const model = one('mnemo_model_info'), build = one('mnemo_build_info');
  const started = value('mnemo_start_time_seconds');
  const up = Math.max(0, Date.now() / 1e3 - started);
  const requests = samples.filter((s) => s.name === 'mnemo_http_requests_total');
  const figures = [
    ['Memories', value('mnemo_memories'), 'memories'],
    ['Users', value('mnemo_users'), 'users'],
    ['Chat turns', value('mnemo_chat_turns_total'), 'turns'],
    ['Requests', requests.reduce((a, s) => a + s.value, 0), 'requests'],
    ['Model', model ? model.labels.tag : (value('mnemo_model_loaded') ? 'loaded' : 'none'), 'model'],
    ['Index', bytes(value('mnemo_index_bytes')), 'index'],
    ['Database', bytes(value('mnemo_database_bytes')), 'database'],
    ['Connections', value('mnemo_http_connections'), 'connections'],
    ['Up for', up >= 3600 ? `${(up / 3600).toFixed(1)} h` : `${Math.round(up)} s`, 'uptime'],
    ['Version', build ? build.labels.version : '?', 'version'],
  ];
  $('#health-figures').replaceChildren(...figures.map(([k, v, id]) =>
    el('div', { class: 'figure', 'data-figure': id }, el('dt', {}, k), el('dd', {}, v))));
  const plots = [
    ['mnemo_chat_turn_seconds', 'Chat turn'],
    ['mnemo_model_duration_seconds', 'Model forward pass'],
    ['mnemo_search_duration_seconds', 'Search'],
    ['mnemo_http_request_duration_seconds', 'HTTP request'],
  ].map(([name, title]) => {
    const buckets = samples.filter((s) => s.name === `${name}_bucket`)
      .map((s) => ({ le: s.labels.le === '+Inf' ? Infinity : Number(s.labels.le), cum: s.value }))
      .sort((a, b) => a.le - b.le);
    return histogramPlot(title, buckets, value(`${name}_count`) || 0, value(`${name}_sum`) || 0);
  });
  $('#health-plots').replaceChildren(...plots);
  $('#health-routes tbody').replaceChildren(...requests
    .sort((a, b) => b.value - a.value)
    .map((s) => el('tr', {}, el('td', {}, s.labels.route), el('td', {}, s.labels.method),
                   el('td', {}, s.labels.status), el('td', { class: 'num' }, s.value))));
  say(`Metrics read at ${new Date().toLocaleTimeString()}.`);
}

// ---- start ------------------------------------------------------------------------

function start() {
  $('#auth-user').value = state.user;
  $('#auth-token').value = state.token;
  $('#auth-form').addEventListener('submit', useAuth);
  for (const t of tabs()) {
    t.addEventListener('click', () => showTab(t, true));
    t.addEventListener('keydown', onTabKey);
  }
  $('#chat-form').addEventListener('submit', sendChat);
  $('#mem-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    guarded(() => loadMemories(false));
  });
  $('#mem-more').addEventListener('click', () => guarded(() => loadMemories(true)));
  $('#edit-form').addEventListener('submit', saveEdit);
  $('#edit-cancel').addEventListener('click', () => $('#edit-dialog').close());
  $('#history-close').addEventListener('click', () => $('#history-dialog').close());
  $('#confirm-no').addEventListener('click', () => $('#confirm-dialog').close('no'));
  $('#mem-export').addEventListener('click', () => guarded(exportUser));
  $('#import-form').addEventListener('submit', importUser);
  $('#user-delete').addEventListener('click', deleteUser);
  $('#conv-load').addEventListener('click', () => guarded(() => loadConversations(false)));
  $('#conv-more').addEventListener('click', () => guarded(() => loadConversations(true)));
  $('#health-refresh').addEventListener('click', () => guarded(loadHealth));
  const wanted = $(`#tab-${location.hash.slice(1)}`);
  if (wanted && wanted.getAttribute('role') === 'tab') showTab(wanted, false);
  if (!state.user) $('#auth-user').focus();
}

start();
