// mcp_scenario.mjs: what tests/node/mcp_http.mjs and mcp_stdio.mjs both check, through
// the official MCP TypeScript SDK's Client on a connected transport: the tools and their
// schemas, a memory added, found, its history, deleted; a fact told in one conversation
// through the chat tool and asked in another, with the memory it came from; a failing
// tool (isError) and an unknown one (-32602). Each check throws with what it saw.
import assert from 'node:assert/strict';
import { McpError } from '@modelcontextprotocol/sdk/types.js';

const TOOLS = ['add_memories', 'chat', 'delete_all_memories', 'delete_memories',
  'list_memories', 'memory_history', 'search_memory'];

async function call(client, name, args) {
  const r = await client.callTool({ name, arguments: args });
  assert.ok(Array.isArray(r.content) && r.content[0].type === 'text', `${name}: text content`);
  return r;
}

async function ok(client, name, args) {
  const r = await call(client, name, args);
  assert.equal(r.isError, false, `${name}: ${r.content[0].text}`);
  assert.equal(typeof r.structuredContent, 'object', `${name}: structuredContent`);
  return r.structuredContent;
}

export async function scenario(client, tag) {
  const info = client.getServerVersion();
  assert.equal(info.name, 'mnemo');
  assert.ok(client.getServerCapabilities().tools, 'the tools capability');

  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(), TOOLS);
  for (const t of tools) {
    assert.equal(t.inputSchema.type, 'object', `${t.name}: inputSchema`);
    assert.equal(typeof t.description, 'string');
  }
  const search = tools.find((t) => t.name === 'search_memory');
  assert.deepEqual(search.inputSchema.required, ['query']);
  assert.ok(search.inputSchema.properties.limit.maximum >= 1);

  // add, search, history, delete
  const added = await ok(client, 'add_memories', { text: `My favourite colour is teal ${tag}.` });
  assert.ok(added.id > 0);
  const found = await ok(client, 'search_memory', { query: 'favourite colour', limit: 5 });
  assert.equal(found.results[0].id, added.id, JSON.stringify(found));
  const hist = await ok(client, 'memory_history', { memory_id: added.id });
  assert.equal(hist.id, added.id);
  assert.deepEqual(hist.versions, []);

  // chat: a fact told in one conversation, asked in another
  const told = await ok(client, 'chat', { conversation: `${tag}-a`, message: 'my dog is called Bramble' });
  assert.ok(told.written.length > 0, `nothing written: ${told.reply}`);
  const asked = await ok(client, 'chat', { conversation: `${tag}-b`, message: "what's my dog's name?" });
  assert.match(asked.reply, /Bramble/, asked.reply);
  assert.ok(Array.isArray(asked.attention));
  assert.ok(asked.memories.some((m) => told.written.includes(m.id) && /Bramble/.test(m.text)),
    `the answer cites the memory told: ${JSON.stringify(asked.memories)}`);

  // a correction supersedes: the old memory's history names the new one
  const lina = await ok(client, 'chat', { conversation: `${tag}-a`, message: 'my sister is called Lina' });
  const lena = await ok(client, 'chat', { conversation: `${tag}-a`, message: 'sorry, I meant Lena not Lina' });
  assert.ok(lena.superseded.includes(lina.written[0]), JSON.stringify(lena));
  const old = await ok(client, 'memory_history', { memory_id: lina.written[0] });
  assert.equal(old.superseded_by, lena.written[0]);

  // failures: a tool that fails is isError; an unknown tool is a protocol error
  const missing = await call(client, 'memory_history', { memory_id: 987654321 });
  assert.equal(missing.isError, true);
  await assert.rejects(client.callTool({ name: 'no_such_tool', arguments: {} }),
    (e) => e instanceof McpError && e.code === -32602);
  await assert.rejects(client.callTool({ name: 'search_memory', arguments: { limit: 3 } }),
    (e) => e instanceof McpError && e.code === -32602);

  // delete one, then everything
  const del = await ok(client, 'delete_memories', { memory_ids: [added.id] });
  assert.deepEqual(del.deleted, [added.id]);
  const again = await ok(client, 'search_memory', { query: 'favourite colour teal' });
  assert.ok(!again.results.some((m) => m.id === added.id));
  const page = await ok(client, 'list_memories', { limit: 2 });
  assert.ok(page.memories.length >= 1 && page.memories.length <= 2);
  const all = await ok(client, 'delete_all_memories', {});
  assert.ok(all.deleted_memories >= 2, JSON.stringify(all));
  assert.deepEqual((await ok(client, 'list_memories', {})).memories, []);
  await client.ping();
}
