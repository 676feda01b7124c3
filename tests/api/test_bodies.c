/* test_bodies.c: the JSON request bodies of POST /v1/memories, PATCH /v1/memories/{id}
 * and POST /v1/users/{id}/import (read one item at a time), validated without a server. A table of hostile
 * bodies (unclosed strings, huge numbers, deep nesting, wrong types, missing fields,
 * invalid UTF-8), each with the status, error code and field it must come back with. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "api/validate.h"

static api_limits_t lim;

static void setup(void)
{
    api_limits_default(&lim);
    lim.max_batch = 3;
    lim.max_text = 16;
}

/* Runs a POST /v1/memories body through parse and validation. */
static int create(const char *body, size_t len, api_create_t *c, api_verr_t *e)
{
    json_t *j = api_parse_object(body, len, e);
    if (!j) return -1;
    int rc = api_parse_create(j, &lim, c, e);
    if (rc == 0) api_create_free(c);
    json_decref(j);
    return rc;
}

typedef struct body_case {
    const char *name;
    const char *body;           /* "<deep:N>" builds N nested arrays */
    size_t len;                 /* 0: strlen */
    int status;                 /* 0: accepted */
    const char *code;
    const char *field;          /* the message must start with it */
} body_case_t;

static const body_case_t create_cases[] = {
    /* not JSON, or not an object: 400 invalid_json */
    {"empty body", "", 0, 400, "invalid_json", NULL},
    {"blank body", "  \n", 0, 400, "invalid_json", NULL},
    {"unclosed object", "{\"text\":\"a\"", 0, 400, "invalid_json", NULL},
    {"unclosed string", "{\"text\":\"abc", 0, 400, "invalid_json", NULL},
    {"trailing comma", "{\"text\":\"a\",}", 0, 400, "invalid_json", NULL},
    {"single quotes", "{'text':'a'}", 0, 400, "invalid_json", NULL},
    {"trailing garbage", "{\"text\":\"a\"} x", 0, 400, "invalid_json", NULL},
    {"two objects", "{\"text\":\"a\"}{}", 0, 400, "invalid_json", NULL},
    {"raw newline in a string", "{\"text\":\"a\nb\"}", 0, 400, "invalid_json", NULL},
    {"duplicate key", "{\"text\":\"a\",\"text\":\"b\"}", 0, 400, "invalid_json", NULL},
    {"escaped NUL", "{\"text\":\"a\\u0000b\"}", 0, 400, "invalid_json", NULL},
    {"lone surrogate escape", "{\"text\":\"\\ud800\"}", 0, 400, "invalid_json", NULL},
    {"real overflow", "{\"text\":\"a\",\"importance\":1e999}", 0, 400, "invalid_json", NULL},
    {"integer overflow", "{\"text\":\"a\",\"importance\":99999999999999999999999}", 0, 400,
     "invalid_json", NULL},
    {"deep nesting", "<deep:5000>", 0, 400, "invalid_json", NULL},
    {"array", "[{\"text\":\"a\"}]", 0, 400, "invalid_json", NULL},
    {"string", "\"text\"", 0, 400, "invalid_json", NULL},
    {"number", "42", 0, 400, "invalid_json", NULL},
    {"null", "null", 0, 400, "invalid_json", NULL},
    {"BOM", "\xef\xbb\xbf{\"text\":\"a\"}", 0, 400, "invalid_json", NULL},
    /* invalid UTF-8 comes first: 400 invalid_utf8 */
    {"invalid byte", "{\"text\":\"\xff\"}", 0, 400, "invalid_utf8", NULL},
    {"overlong", "{\"text\":\"\xc0\xaf\"}", 0, 400, "invalid_utf8", NULL},
    {"raw surrogate", "{\"text\":\"\xed\xa0\x80\"}", 0, 400, "invalid_utf8", NULL},
    {"truncated sequence", "{\"text\":\"\xe2\x82\"}", 0, 400, "invalid_utf8", NULL},
    {"invalid byte in a key", "{\"\xff\":1,\"text\":\"a\"}", 0, 400, "invalid_utf8", NULL},
    {"invalid byte outside strings", "{\"text\":\"a\"}\xff", 0, 400, "invalid_utf8", NULL},
    /* well-formed, wrong contents: 422 naming the field */
    {"text missing", "{}", 0, 422, "validation_failed", "text"},
    {"text null", "{\"text\":null}", 0, 422, "validation_failed", "text"},
    {"text a number", "{\"text\":5}", 0, 422, "validation_failed", "text"},
    {"text an array", "{\"text\":[\"a\"]}", 0, 422, "validation_failed", "text"},
    {"text an object", "{\"text\":{}}", 0, 422, "validation_failed", "text"},
    {"text true", "{\"text\":true}", 0, 422, "validation_failed", "text"},
    {"text empty", "{\"text\":\"\"}", 0, 422, "validation_failed", "text"},
    {"text blank", "{\"text\":\" \\t\\n\"}", 0, 422, "validation_failed", "text"},
    {"text over max_text", "{\"text\":\"0123456789abcdefX\"}", 0, 422, "validation_failed", "text"},
    {"text deep inside", "{\"text\":[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]}", 0, 422,
     "validation_failed", "text"},
    {"user a number", "{\"user\":7,\"text\":\"a\"}", 0, 422, "validation_failed", "user"},
    {"user empty", "{\"user\":\"\",\"text\":\"a\"}", 0, 422, "validation_failed", "user"},
    {"user with slash", "{\"user\":\"a/b\",\"text\":\"a\"}", 0, 422, "validation_failed", "user"},
    {"user with control", "{\"user\":\"a\\u0007b\",\"text\":\"a\"}", 0, 422,
     "validation_failed", "user"},
    {"conversation a number", "{\"text\":\"a\",\"conversation\":3}", 0, 422,
     "validation_failed", "conversation"},
    {"conversation empty", "{\"text\":\"a\",\"conversation\":\"\"}", 0, 422,
     "validation_failed", "conversation"},
    {"importance a string", "{\"text\":\"a\",\"importance\":\"high\"}", 0, 422,
     "validation_failed", "importance"},
    {"importance above 1", "{\"text\":\"a\",\"importance\":1.5}", 0, 422, "validation_failed",
     "importance"},
    {"importance below 0", "{\"text\":\"a\",\"importance\":-0.1}", 0, 422, "validation_failed",
     "importance"},
    {"importance huge", "{\"text\":\"a\",\"importance\":1e300}", 0, 422, "validation_failed",
     "importance"},
    {"importance a bool", "{\"text\":\"a\",\"importance\":true}", 0, 422, "validation_failed",
     "importance"},
    {"batch empty", "{\"memories\":[]}", 0, 422, "validation_failed", "memories"},
    {"batch not an array", "{\"memories\":\"a\"}", 0, 422, "validation_failed", "memories"},
    {"batch null", "{\"memories\":null}", 0, 422, "validation_failed", "memories"},
    {"batch over max_batch", "{\"memories\":[{\"text\":\"a\"},{\"text\":\"b\"},{\"text\":\"c\"},"
     "{\"text\":\"d\"}]}", 0, 422, "validation_failed", "memories"},
    {"batch item not an object", "{\"memories\":[\"a\"]}", 0, 422, "validation_failed",
     "memories[0]"},
    {"batch item without text", "{\"memories\":[{\"text\":\"a\"},{}]}", 0, 422,
     "validation_failed", "memories[1].text"},
    {"batch item bad importance", "{\"memories\":[{\"text\":\"a\",\"importance\":2}]}", 0, 422,
     "validation_failed", "memories[0].importance"},
    {"batch and text", "{\"text\":\"a\",\"memories\":[{\"text\":\"b\"}]}", 0, 422,
     "validation_failed", "text"},
    /* accepted */
    {"minimal", "{\"text\":\"a\"}", 0, 0, NULL, NULL},
    {"everything", "{\"user\":\"alice\",\"text\":\"a\",\"conversation\":\"c1\",\"importance\":0}",
     0, 0, NULL, NULL},
    {"nulls for optional fields", "{\"user\":null,\"text\":\"a\",\"conversation\":null,"
     "\"importance\":null}", 0, 0, NULL, NULL},
    {"unknown fields ignored", "{\"text\":\"a\",\"mood\":{\"x\":[1,2]}}", 0, 0, NULL, NULL},
    {"text exactly max_text", "{\"text\":\"0123456789abcdef\"}", 0, 0, NULL, NULL},
    {"unicode escapes", "{\"text\":\"\\u00e9\\ud83d\\udc36\"}", 0, 0, NULL, NULL},
    {"batch of max_batch", "{\"memories\":[{\"text\":\"a\"},{\"text\":\"b\"},{\"text\":\"c\"}]}",
     0, 0, NULL, NULL},
};

/* The body of a case (malloc'd), building "<deep:N>" bodies. */
static char *case_body(const body_case_t *c, size_t *len)
{
    int depth;
    if (sscanf(c->body, "<deep:%d>", &depth) == 1) {
        char *b = malloc((size_t)depth * 2 + 1);
        memset(b, '[', (size_t)depth);
        memset(b + depth, ']', (size_t)depth);
        *len = (size_t)depth * 2;
        return b;
    }
    *len = c->len ? c->len : strlen(c->body);
    char *b = malloc(*len + 1);
    memcpy(b, c->body, *len + 1);
    return b;
}

static void check_case(const body_case_t *c, int rc, const api_verr_t *e)
{
    if (!c->status) {
        ck_assert_msg(rc == 0, "[%s] rejected: %d %s %s", c->name, e->status, e->code, e->msg);
        return;
    }
    ck_assert_msg(rc == -1, "[%s] accepted", c->name);
    ck_assert_msg(e->status == c->status && strcmp(e->code, c->code) == 0,
                  "[%s] want %d %s, got %d %s: %s", c->name, c->status, c->code, e->status,
                  e->code, e->msg);
    if (c->field)
        ck_assert_msg(strncmp(e->msg, c->field, strlen(c->field)) == 0 &&
                          e->msg[strlen(c->field)] == ':',
                      "[%s] message does not name %s: %s", c->name, c->field, e->msg);
}

START_TEST(test_create_body_gets_the_right_error)
{
    const body_case_t *c = &create_cases[_i];
    size_t len;
    char *body = case_body(c, &len);
    api_create_t cr;
    api_verr_t e = {0};
    int rc = create(body, len, &cr, &e);
    free(body);
    check_case(c, rc, &e);
}
END_TEST

START_TEST(test_create_of_one_memory_fills_its_fields)
{
    const char body[] = "{\"user\":\"alice\",\"text\":\"My dog\",\"conversation\":\"c1\","
                        "\"importance\":0.25}";
    api_verr_t e;
    api_create_t c;
    json_t *j = api_parse_object(body, sizeof body - 1, &e);
    ck_assert_ptr_nonnull(j);
    ck_assert_int_eq(api_parse_create(j, &lim, &c, &e), 0);
    ck_assert_int_eq(c.batch, 0);
    ck_assert_uint_eq(c.n, 1);
    ck_assert_str_eq(c.user, "alice");
    ck_assert_str_eq(c.items[0].text, "My dog");
    ck_assert_str_eq(c.items[0].conversation, "c1");
    ck_assert(c.items[0].importance == 0.25);
    ck_assert_int_eq(c.items[0].id, 0);
    ck_assert_int_eq(c.items[0].created_ms, 0);
    api_create_free(&c);
    json_decref(j);
}
END_TEST

START_TEST(test_create_without_user_or_importance_leaves_them_to_defaults)
{
    const char body[] = "{\"text\":\"tea\"}";
    api_verr_t e;
    api_create_t c;
    json_t *j = api_parse_object(body, sizeof body - 1, &e);
    ck_assert_int_eq(api_parse_create(j, &lim, &c, &e), 0);
    ck_assert_ptr_null(c.user);
    ck_assert_ptr_null(c.items[0].conversation);
    ck_assert(c.items[0].importance < 0);
    api_create_free(&c);
    json_decref(j);
}
END_TEST

START_TEST(test_batch_keeps_the_order_of_its_items)
{
    const char body[] = "{\"user\":\"bob\",\"memories\":[{\"text\":\"one\"},"
                        "{\"text\":\"two\",\"conversation\":\"c\"},{\"text\":\"three\"}]}";
    api_verr_t e;
    api_create_t c;
    json_t *j = api_parse_object(body, sizeof body - 1, &e);
    ck_assert_int_eq(api_parse_create(j, &lim, &c, &e), 0);
    ck_assert_int_eq(c.batch, 1);
    ck_assert_uint_eq(c.n, 3);
    ck_assert_str_eq(c.items[0].text, "one");
    ck_assert_str_eq(c.items[1].text, "two");
    ck_assert_str_eq(c.items[1].conversation, "c");
    ck_assert_str_eq(c.items[2].text, "three");
    api_create_free(&c);
    json_decref(j);
}
END_TEST

/* ---- PATCH ---------------------------------------------------------------------- */

static const body_case_t patch_cases[] = {
    {"nothing to change", "{}", 0, 422, "validation_failed", "text"},
    {"only unknown fields", "{\"colour\":\"red\"}", 0, 422, "validation_failed", "text"},
    {"text empty", "{\"text\":\"\"}", 0, 422, "validation_failed", "text"},
    {"text a number", "{\"text\":1}", 0, 422, "validation_failed", "text"},
    {"text too long", "{\"text\":\"0123456789abcdefX\"}", 0, 422, "validation_failed", "text"},
    {"importance a string", "{\"importance\":\"x\"}", 0, 422, "validation_failed", "importance"},
    {"importance out of range", "{\"importance\":7}", 0, 422, "validation_failed", "importance"},
    {"unclosed", "{\"text\":", 0, 400, "invalid_json", NULL},
    {"an array", "[]", 0, 400, "invalid_json", NULL},
    {"invalid UTF-8", "{\"text\":\"\xff\"}", 0, 400, "invalid_utf8", NULL},
    {"text only", "{\"text\":\"b\"}", 0, 0, NULL, NULL},
    {"importance only", "{\"importance\":1}", 0, 0, NULL, NULL},
    {"both", "{\"text\":\"b\",\"importance\":0.1}", 0, 0, NULL, NULL},
};

START_TEST(test_patch_body_gets_the_right_error)
{
    const body_case_t *c = &patch_cases[_i];
    size_t len;
    char *body = case_body(c, &len);
    api_verr_t e = {0};
    const char *text;
    double imp;
    json_t *j = api_parse_object(body, len, &e);
    int rc = j ? api_parse_patch(j, &lim, &text, &imp, &e) : -1;
    json_decref(j);
    free(body);
    check_case(c, rc, &e);
}
END_TEST

START_TEST(test_patch_of_importance_alone_leaves_text_unchanged)
{
    const char body[] = "{\"importance\":0.75}";
    api_verr_t e;
    const char *text = "x";
    double imp = -1;
    json_t *j = api_parse_object(body, sizeof body - 1, &e);
    ck_assert_int_eq(api_parse_patch(j, &lim, &text, &imp, &e), 0);
    ck_assert_ptr_null(text);
    ck_assert(imp == 0.75);
    json_decref(j);
}
END_TEST

/* ---- import --------------------------------------------------------------------- */

typedef struct import_case {
    const char *name;
    int ndjson;
    const char *body;
    int status;                 /* 0: accepted */
    const char *code;
    const char *where;          /* a substring of the message ("line 2", "[1].id") */
    size_t n;                   /* items when accepted */
} import_case_t;

static const import_case_t import_cases[] = {
    {"lines", 1, "{\"text\":\"a\"}\n{\"text\":\"b\"}\n", 0, NULL, NULL, 2},
    {"lines without a final newline", 1, "{\"text\":\"a\"}\n{\"text\":\"b\"}", 0, NULL, NULL, 2},
    {"blank lines and CRLF", 1, "\n{\"text\":\"a\"}\r\n\r\n  \n{\"text\":\"b\"}\r\n", 0, NULL,
     NULL, 2},
    {"no lines", 1, "", 0, NULL, NULL, 0},
    {"an export line", 1, "{\"id\":17,\"user\":\"alice\",\"conversation\":\"c1\",\"text\":\"a\","
     "\"importance\":0.5,\"created_at\":\"2026-11-28T20:15:03.120Z\",\"updated_at\":"
     "\"2026-11-28T20:15:03.120Z\",\"last_used_at\":null,\"use_count\":0,"
     "\"superseded_by\":null}\n", 0, NULL, NULL, 1},
    {"an array", 0, "[{\"text\":\"a\"},{\"text\":\"b\",\"id\":3}]", 0, NULL, NULL, 2},
    {"an empty array", 0, "[]", 0, NULL, NULL, 0},
    {"a line that is not JSON", 1, "{\"text\":\"a\"}\n{nope\n", 400, "invalid_json", "line 2", 0},
    {"an unclosed string on a line", 1, "{\"text\":\"a}\n", 400, "invalid_json", "line 1", 0},
    {"a line that is not an object", 1, "{\"text\":\"a\"}\n[1]\n", 422, "validation_failed",
     "line 2", 0},
    {"a line without text", 1, "{\"text\":\"a\"}\n\n{\"importance\":0.1}\n", 422,
     "validation_failed", "line 3: text", 0},
    {"invalid UTF-8 on a line", 1, "{\"text\":\"\xff\"}\n", 400, "invalid_utf8", NULL, 0},
    {"an id of zero", 1, "{\"text\":\"a\",\"id\":0}\n", 422, "validation_failed", "id", 0},
    {"a negative id", 1, "{\"text\":\"a\",\"id\":-4}\n", 422, "validation_failed", "id", 0},
    {"an id as a string", 1, "{\"text\":\"a\",\"id\":\"4\"}\n", 422, "validation_failed", "id", 0},
    {"a fractional id", 1, "{\"text\":\"a\",\"id\":4.5}\n", 422, "validation_failed", "id", 0},
    {"an id twice", 1, "{\"text\":\"a\",\"id\":4}\n{\"text\":\"b\",\"id\":4}\n", 409, "conflict",
     "4", 0},
    {"a bad created_at", 1, "{\"text\":\"a\",\"created_at\":\"yesterday\"}\n", 422,
     "validation_failed", "created_at", 0},
    {"created_at a number", 1, "{\"text\":\"a\",\"created_at\":12}\n", 422, "validation_failed",
     "created_at", 0},
    {"an object, not an array", 0, "{\"text\":\"a\"}", 400, "invalid_json", NULL, 0},
    {"an array of strings", 0, "[\"a\"]", 422, "validation_failed", "[0]", 0},
    {"array item without text", 0, "[{\"text\":\"a\"},{}]", 422, "validation_failed",
     "[1].text", 0},
    {"an unclosed array", 0, "[{\"text\":\"a\"}", 400, "invalid_json", NULL, 0},
    {"an unclosed array after a comma", 0, "[{\"text\":\"a\"},", 400, "invalid_json", NULL, 0},
    {"a trailing comma", 0, "[{\"text\":\"a\"},]", 400, "invalid_json", NULL, 0},
    {"two commas", 0, "[{\"text\":\"a\"},,{\"text\":\"b\"}]", 400, "invalid_json", NULL, 0},
    {"no comma", 0, "[{\"text\":\"a\"} {\"text\":\"b\"}]", 400, "invalid_json", NULL, 0},
    {"something after the array", 0, "[{\"text\":\"a\"}] x", 400, "invalid_json", NULL, 0},
    {"a second array", 0, "[{\"text\":\"a\"}][]", 400, "invalid_json", NULL, 0},
    {"a lone bracket", 0, "[", 400, "invalid_json", NULL, 0},
    {"an empty body as an array", 0, "", 400, "invalid_json", NULL, 0},
    {"an array of numbers", 0, "[1,2]", 422, "validation_failed", "[0]", 0},
    {"an array of nulls", 0, "[null]", 422, "validation_failed", "[0]", 0},
    {"an array of arrays", 0, "[[{\"text\":\"a\"}]]", 422, "validation_failed", "[0]", 0},
    {"duplicate keys in an element", 0, "[{\"text\":\"a\",\"text\":\"b\"}]", 400,
     "invalid_json", NULL, 0},
    {"nesting in an element", 0, "[{\"text\":\"a\",\"x\":[[[[[[[[[[{\"y\":[]}]]]]]]]]]]}]", 0, NULL,
     NULL, 1},
    {"blanks around an array", 0, " \n[ {\"text\":\"a\"} ,\n {\"text\":\"b\"} ]\n ", 0, NULL,
     NULL, 2},
    {"an array with an id twice", 0, "[{\"text\":\"a\",\"id\":4},{\"text\":\"b\",\"id\":4}]",
     409, "conflict", "4", 0},
    {"a number as a line", 1, "{\"text\":\"a\"}\n12\n", 422, "validation_failed", "line 2", 0},
    {"the largest id an import keeps", 1, "{\"text\":\"a\",\"id\":1099511627776}\n", 0, NULL,
     NULL, 1},
    {"an id past the largest", 1, "{\"text\":\"a\",\"id\":1099511627777}\n", 422,
     "validation_failed", "line 1: id: 1099511627777 is above", 0},
    {"the largest int64 id", 1, "{\"text\":\"a\",\"id\":9223372036854775807}\n", 422,
     "validation_failed", "ids=new", 0},
    {"an array id past the largest", 0, "[{\"text\":\"a\"},{\"text\":\"a\",\"id\":1099511627777}]",
     422, "validation_failed", "[1].id", 0},
};

/* The same, checked as with ?ids=new: the ids given only name the items in the map. */
static const import_case_t import_new_ids_cases[] = {
    {"the largest int64 id", 1, "{\"text\":\"a\",\"id\":9223372036854775807}\n", 0, NULL, NULL,
     1},
    {"an id twice", 1, "{\"text\":\"a\",\"id\":4}\n{\"text\":\"b\",\"id\":4}\n", 0, NULL,
     NULL, 2},
    {"an id of zero", 1, "{\"text\":\"a\",\"id\":0}\n", 422, "validation_failed", "id", 0},
    {"a line without text", 1, "{\"id\":3}\n", 422, "validation_failed", "line 1: text", 0},
};

static void check_import_case(const import_case_t *c, int new_ids)
{
    api_import_plan_t plan;
    api_verr_t e = {0};
    int rc = api_import_check(c->body, strlen(c->body), c->ndjson, new_ids, &lim, &plan, &e);
    if (!c->status) {
        ck_assert_msg(rc == 0, "[%s] rejected: %d %s %s", c->name, e.status, e.code, e.msg);
        ck_assert_uint_eq(plan.n, c->n);
        api_import_plan_free(&plan);
        return;
    }
    ck_assert_msg(rc == -1, "[%s] accepted", c->name);
    ck_assert_msg(e.status == c->status && strcmp(e.code, c->code) == 0,
                  "[%s] want %d %s, got %d %s: %s", c->name, c->status, c->code, e.status,
                  e.code, e.msg);
    if (c->where)
        ck_assert_msg(strstr(e.msg, c->where) != NULL, "[%s] message lacks '%s': %s", c->name,
                      c->where, e.msg);
}

START_TEST(test_import_body_gets_the_right_error)
{
    check_import_case(&import_cases[_i], 0);
}
END_TEST

START_TEST(test_import_body_with_new_ids_gets_the_right_error)
{
    check_import_case(&import_new_ids_cases[_i], 1);
}
END_TEST

START_TEST(test_import_keeps_id_conversation_importance_and_created_at)
{
    const char body[] = "{\"id\":17,\"user\":\"someone\",\"conversation\":\"c1\",\"text\":\"a\","
                        "\"importance\":0.25,\"created_at\":\"2026-11-28T20:15:03.120Z\"}\n";
    api_import_reader_t r;
    agent_memory_in_t m;
    json_t *o;
    api_verr_t e;
    ck_assert_int_eq(api_import_open(&r, body, sizeof body - 1, 1, &lim, &e), 0);
    ck_assert_int_eq(api_import_next(&r, &o, &m, &e), 1);
    ck_assert_int_eq(m.id, 17);
    ck_assert_str_eq(m.conversation, "c1");
    ck_assert_str_eq(m.text, "a");
    ck_assert(m.importance == 0.25);
    ck_assert_int_eq(m.created_ms, 1795896903120LL);
    json_decref(o);
    ck_assert_int_eq(api_import_next(&r, &o, &m, &e), 0);
}
END_TEST

START_TEST(test_an_array_is_read_one_element_at_a_time_in_order)
{
    const char body[] = "[{\"text\":\"one\",\"id\":5}, {\"text\":\"two\"} ,{\"text\":\"three\"}]";
    static const char *const want[] = {"one", "two", "three"};
    api_import_reader_t r;
    agent_memory_in_t m;
    json_t *o;
    api_verr_t e;
    ck_assert_int_eq(api_import_open(&r, body, sizeof body - 1, 0, &lim, &e), 0);
    for (size_t i = 0; i < 3; i++) {
        ck_assert_int_eq(api_import_next(&r, &o, &m, &e), 1);
        ck_assert_str_eq(m.text, want[i]);
        ck_assert_int_eq(m.id, i == 0 ? 5 : 0);
        json_decref(o);
    }
    ck_assert_int_eq(api_import_next(&r, &o, &m, &e), 0);
    ck_assert_int_eq(api_import_next(&r, &o, &m, &e), 0);
}
END_TEST

START_TEST(test_an_import_past_max_import_items_is_413)
{
    api_limits_t small = lim;
    api_import_plan_t plan;
    api_verr_t e;
    small.max_import_items = 2;
    const char two[] = "{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n";
    ck_assert_int_eq(api_import_check(two, sizeof two - 1, 1, 0, &small, &plan, &e), 0);
    ck_assert_uint_eq(plan.n, 2);
    api_import_plan_free(&plan);
    const char three[] = "[{\"text\":\"a\"},{\"text\":\"b\"},{\"text\":\"c\"}]";
    ck_assert_int_eq(api_import_check(three, sizeof three - 1, 0, 0, &small, &plan, &e), -1);
    ck_assert_int_eq(e.status, 413);
    ck_assert_str_eq(e.code, "payload_too_large");
    ck_assert_msg(strstr(e.msg, "max_import_items") != NULL, "%s", e.msg);
}
END_TEST

START_TEST(test_the_check_returns_the_given_ids_sorted)
{
    const char body[] = "{\"text\":\"a\",\"id\":9}\n{\"text\":\"b\"}\n{\"text\":\"c\",\"id\":3}\n";
    api_import_plan_t plan;
    api_verr_t e;
    ck_assert_int_eq(api_import_check(body, sizeof body - 1, 1, 0, &lim, &plan, &e), 0);
    ck_assert_uint_eq(plan.n, 3);
    ck_assert_uint_eq(plan.nids, 2);
    ck_assert_int_eq(plan.ids[0], 3);
    ck_assert_int_eq(plan.ids[1], 9);
    api_import_plan_free(&plan);
    ck_assert_int_eq(api_import_check(body, sizeof body - 1, 1, 1, &lim, &plan, &e), 0);
    ck_assert_uint_eq(plan.nids, 0);
    api_import_plan_free(&plan);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

int main(void)
{
    Suite *s = suite_create("api_bodies");
    TCase *tc;

    tc = tcase_create("create");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, test_create_body_gets_the_right_error, 0, N(create_cases));
    tcase_add_test(tc, test_create_of_one_memory_fills_its_fields);
    tcase_add_test(tc, test_create_without_user_or_importance_leaves_them_to_defaults);
    tcase_add_test(tc, test_batch_keeps_the_order_of_its_items);
    suite_add_tcase(s, tc);

    tc = tcase_create("patch");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, test_patch_body_gets_the_right_error, 0, N(patch_cases));
    tcase_add_test(tc, test_patch_of_importance_alone_leaves_text_unchanged);
    suite_add_tcase(s, tc);

    tc = tcase_create("import");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_loop_test(tc, test_import_body_gets_the_right_error, 0, N(import_cases));
    tcase_add_loop_test(tc, test_import_body_with_new_ids_gets_the_right_error, 0,
                        N(import_new_ids_cases));
    tcase_add_test(tc, test_import_keeps_id_conversation_importance_and_created_at);
    tcase_add_test(tc, test_an_array_is_read_one_element_at_a_time_in_order);
    tcase_add_test(tc, test_an_import_past_max_import_items_is_413);
    tcase_add_test(tc, test_the_check_returns_the_given_ids_sorted);
    suite_add_tcase(s, tc);

    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
