// openai_client.mjs: the official `openai` npm client against a real mnemod (started by
// tests/integration/test_openai_node.c with the shipped model and no tokens, so each
// request names its user). Usage: node openai_client.mjs BASE_URL
// Checks: models.list() names the loaded model; a fact told in one conversation is
// answered, with its memory cited, in another (and not for another user); a streamed
// answer arrives as deltas with a finish_reason and a usage chunk; a bad body is the
// client's BadRequestError. Exits non-zero on the first failed check.
import assert from 'node:assert/strict';
import OpenAI from 'openai';

const base = process.argv[2];
if (!base) {
  console.error('usage: node openai_client.mjs BASE_URL');
  process.exit(2);
}
const client = new OpenAI({ baseURL: `${base}/v1`, apiKey: 'unused', maxRetries: 0,
                            timeout: 60_000 });

const words = (s) => s.split(/\s+/).filter(Boolean).length;

// The loaded model, as OpenAI lists models.
const models = [];
for await (const m of client.models.list()) models.push(m);
assert.equal(models.length, 1, `one model: ${JSON.stringify(models)}`);
assert.equal(models[0].object, 'model');
assert.equal(models[0].owned_by, 'mnemo');
assert.match(models[0].id, /^mnemo-[0-9a-f]{8}$/);
const model = models[0].id;

// A fact told in one conversation (metadata.conversation) ...
const told = await client.chat.completions.create({
  model: 'gpt-4o-mini',          // any name: the reply names the loaded model
  user: 'alice',
  metadata: { conversation: 'home' },
  messages: [
    { role: 'system', content: 'You are a helpful assistant.' },
    { role: 'user', content: 'my sister is called Odile' },
  ],
});
assert.equal(told.object, 'chat.completion');
assert.equal(told.model, model);
assert.equal(told.choices[0].message.role, 'assistant');
assert.equal(told.choices[0].finish_reason, 'stop');
assert.equal(told.mnemo.conversation, 'home');
assert.ok(told.mnemo.written.length >= 1, `the fact was written: ${JSON.stringify(told.mnemo)}`);
assert.equal(told.usage.prompt_tokens, 5);

// ... is answered in another (the X-Mnemo-Conversation header), citing its memory.
const asked = await client.chat.completions.create(
  { model, user: 'alice', messages: [{ role: 'user', content: "what's my sister called?" }] },
  { headers: { 'X-Mnemo-Conversation': 'work' } });
const answer = asked.choices[0].message.content;
assert.match(answer, /Odile/, `the answer: ${answer}`);
assert.equal(asked.mnemo.conversation, 'work');
assert.ok(asked.mnemo.memories.some((m) => /Odile/.test(m.text)),
          `the memory is cited: ${JSON.stringify(asked.mnemo.memories)}`);
assert.equal(asked.usage.completion_tokens, words(answer));
assert.equal(asked.usage.total_tokens, asked.usage.prompt_tokens + asked.usage.completion_tokens);

// Another user's memories are not bob's.
const bob = await client.chat.completions.create({
  model, user: 'bob', messages: [{ role: 'user', content: "what's my sister called?" }],
});
assert.doesNotMatch(bob.choices[0].message.content, /Odile/);

// Streamed, with the usage chunk; content given as text parts.
const stream = await client.chat.completions.create({
  model,
  user: 'alice',
  metadata: { conversation: 'stream' },
  stream: true,
  stream_options: { include_usage: true },
  messages: [{ role: 'user', content: [{ type: 'text', text: "what's my sister called?" }] }],
});
let content = '', role = null, finish = null, usage = null, deltas = 0, mnemo = null;
for await (const chunk of stream) {
  assert.equal(chunk.object, 'chat.completion.chunk');
  assert.equal(chunk.model, model);
  if (chunk.usage) {
    assert.equal(chunk.choices.length, 0, 'the usage chunk has no choices');
    usage = chunk.usage;
    continue;
  }
  const c = chunk.choices[0];
  if (c.delta.role) role = c.delta.role;
  if (c.delta.content) {
    content += c.delta.content;
    deltas++;
  }
  if (c.finish_reason) {
    finish = c.finish_reason;
    mnemo = chunk.mnemo;
  }
}
assert.equal(role, 'assistant');
assert.equal(finish, 'stop');
assert.match(content, /Odile/, `the streamed answer: ${content}`);
assert.ok(deltas >= 1);
assert.equal(mnemo.reply, content, 'the deltas add up to the reply');
assert.ok(usage, 'a usage chunk came');
assert.equal(usage.prompt_tokens, 4);
assert.equal(usage.completion_tokens, words(content));
assert.equal(usage.total_tokens, usage.prompt_tokens + usage.completion_tokens);

// A bad body is a 400 in OpenAI's shape, which the client turns into BadRequestError.
await assert.rejects(
  client.chat.completions.create({ model, user: 'alice', messages: [] }),
  (e) => {
    assert.ok(e instanceof OpenAI.BadRequestError, `${e}`);
    assert.equal(e.status, 400);
    assert.equal(e.type, 'invalid_request_error');
    assert.equal(e.param, 'messages');
    return true;
  });

// A conversation header that is not an id is refused too.
await assert.rejects(
  client.chat.completions.create(
    { model, user: 'alice', messages: [{ role: 'user', content: 'hi' }] },
    { headers: { 'X-Mnemo-Conversation': 'a/b' } }),
  (e) => e instanceof OpenAI.BadRequestError && e.code === 'invalid_parameter');

console.log(`openai_client: ok (model ${model}; "${answer}"; streamed in ${deltas} deltas)`);
