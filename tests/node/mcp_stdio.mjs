// mcp_stdio.mjs BASE_URL MNEMO: the official MCP SDK client over stdio, running
// `MNEMO mcp --user alice` (which forwards to BASE_URL/mcp) as the client's server
// process; the token comes from $MNEMO_TOKEN. Exits non-zero on failure.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { scenario } from './mcp_scenario.mjs';

const [base, mnemo] = process.argv.slice(2);
const env = { MNEMO_SERVER: base, PATH: process.env.PATH ?? '' };
if (process.env.MNEMO_TOKEN) env.MNEMO_TOKEN = process.env.MNEMO_TOKEN;
const transport = new StdioClientTransport({ command: mnemo, args: ['mcp', '--user', 'alice'], env, stderr: 'inherit' });
const client = new Client({ name: 'mnemo-test-stdio', version: '1.0.0' });
try {
  await client.connect(transport);
  await scenario(client, 'stdio');
  await client.close();
  console.log('mcp_stdio: ok');
} catch (e) {
  console.error('mcp_stdio:', e);
  process.exit(1);
}
