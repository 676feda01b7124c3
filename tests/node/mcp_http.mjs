// mcp_http.mjs BASE_URL MNEMO: the official MCP SDK client over Streamable HTTP against
// a running mnemod's /mcp (tests/integration/test_mcp_clients.c starts it), acting for
// alice (X-Mnemo-User; a user token of alice's may name her). The token comes from
// $MNEMO_TOKEN. Exits non-zero on failure.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { scenario } from './mcp_scenario.mjs';

const [base] = process.argv.slice(2);
const headers = { 'X-Mnemo-User': 'alice' };
if (process.env.MNEMO_TOKEN) headers.Authorization = `Bearer ${process.env.MNEMO_TOKEN}`;
const transport = new StreamableHTTPClientTransport(new URL('/mcp', base), { requestInit: { headers } });
const client = new Client({ name: 'mnemo-test-http', version: '1.0.0' });
try {
  await client.connect(transport);
  if (!transport.sessionId) throw new Error('initialize opened no session');
  await scenario(client, 'http');
  await transport.terminateSession();       // DELETE /mcp
  await client.close();
  console.log('mcp_http: ok');
} catch (e) {
  console.error('mcp_http:', e);
  process.exit(1);
}
