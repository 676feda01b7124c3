/* fuzz_mcp.c: libFuzzer harness for the MCP server's JSON-RPC side (api/mcp.c and the
 * tools' argument checks in api/mcp_tools.c), over the checking agent (checking_agent.c). The
 * input is one message body, optionally preceded by header lines as the Streamable HTTP
 * transport passes them: "@P <MCP-Protocol-Version>", "@M <Mcp-Method>", "@N <Mcp-Name>".
 * Every message must get an answer the transport can send: a status it knows and, unless
 * the status is 202, a JSON-RPC body that serializes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/mcp.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    api_limits_t lim;
    api_mcp_headers_t h = {0};
    api_mcp_msg_t m;
    api_mcp_answer_t a;
    char *buf = malloc(size + 1), *p = buf;
    if (!buf) return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';
    /* header lines, NUL-terminated in place */
    while (p[0] == '@' && p[1] && p[2] == ' ') {
        char *nl = strchr(p, '\n');
        if (!nl) break;
        *nl = '\0';
        if (p[1] == 'P') h.protocol = p + 3;
        else if (p[1] == 'M') h.method = p + 3;
        else if (p[1] == 'N') h.name = p + 3;
        p = nl + 1;
    }
    size_t len = size - (size_t)(p - buf);
    api_limits_default(&lim);
    static struct agent *agent;
    if (!agent) agent = agent_new(NULL, NULL, 0);
    api_mcp_ctx_t ctx = {.agent = agent, .lim = &lim, .user = "alice",
                         .server_version = "fuzz", .headers = &h};
    if (api_mcp_parse(p, len, &m) != 0) goto done;
    api_mcp_answer(&ctx, &m, &a);
    CHECK(a.http_status == 200 || a.http_status == 202 || a.http_status == 400 ||
          a.http_status == 404 || a.http_status == 500);
    CHECK(a.body || a.http_status == 202 || a.http_status == 500);
    if (a.body) {
        char *s = json_dumps(a.body, JSON_COMPACT);
        CHECK(s != NULL);
        CHECK(json_object_get(a.body, "jsonrpc") != NULL);
        free(s);
        json_decref(a.body);
    }
    if (a.initialized[0]) CHECK(api_mcp_version_known(a.initialized));
    api_mcp_msg_free(&m);
done:
    free(buf);
    return 0;
}
