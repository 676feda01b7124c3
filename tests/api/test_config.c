/* test_config.c: mnemod's config table (daemon/config.c): defaults taken from the
 * layers that own them, `key = value` lines with comments and blanks, repeatable tokens,
 * sizes with suffixes, errors that name the file, the line and the key for unknown keys,
 * bad values and values out of range, a reload keeping exactly the start-only keys, and
 * the shipped config file, man page and OPERATIONS.md stating the table's defaults. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "daemon/config.h"

static mnemod_config_t c;
static char err[512];

static void setup(void)
{
    ck_assert_int_eq(config_init(&c), 0);
    err[0] = '\0';
}

static void teardown(void)
{
    config_free(&c);
}

static int parse(const char *text)
{
    return config_parse(&c, "test.conf", text, err, sizeof err);
}

START_TEST(test_defaults_are_those_of_the_layers_that_use_them)
{
    api_limits_t d;
    api_limits_default(&d);
    ck_assert_uint_eq(c.n_tokens, 0);
    ck_assert_ptr_null(c.admin_token);
    ck_assert_uint_eq(c.limits.max_body, d.max_body);
    ck_assert_uint_eq(c.limits.max_import_body, d.max_import_body);
    ck_assert_uint_eq(c.limits.max_text, d.max_text);
    ck_assert_int_eq(c.limits.max_k, d.max_k);
    ck_assert_int_eq(c.limits.max_page, d.max_page);
    ck_assert_int_eq(c.limits.max_batch, d.max_batch);
    ck_assert_uint_eq(c.limits.max_connections, d.max_connections);
    ck_assert_int_eq(c.log_level, CONFIG_LOG_INFO);
    ck_assert_uint_eq(c.limits.max_message, d.max_message);
    ck_assert_uint_eq(c.limits.max_inflight_body, d.max_inflight_body);
    ck_assert_uint_eq(c.idle_timeout, API_DEFAULT_IDLE_TIMEOUT);
    ck_assert_uint_eq(c.header_timeout, API_DEFAULT_HEADER_TIMEOUT);
    ck_assert_uint_eq(c.min_body_rate, API_DEFAULT_MIN_BODY_RATE);
    ck_assert_uint_eq(c.max_connections_per_address, API_DEFAULT_MAX_CONNECTIONS_PER_ADDRESS);
    const char *tail = "/mnemo/default.mnemo";
    ck_assert_uint_gt(strlen(c.model), strlen(tail));
    ck_assert_str_eq(c.model + strlen(c.model) - strlen(tail), tail);
    /* agent_config_default fills the same macros (agent/agent.c); linking the agent
     * here would pull in the store and the model. */
    ck_assert_int_eq(c.chat_turns, AGENT_DEFAULT_TURNS);
    ck_assert_int_eq(c.chat_memories, AGENT_DEFAULT_MEMORIES);
    ck_assert_double_eq(c.chat_duplicate, AGENT_DEFAULT_DUPLICATE);
    ck_assert_double_eq(c.lexical_weight, AGENT_LEXICAL_WEIGHT);
    ck_assert_uint_eq(c.working_memory_bytes, AGENT_DEFAULT_WORKING_MEMORY_BYTES);
    ck_assert_uint_eq(c.max_memories_per_user, AGENT_DEFAULT_MAX_MEMORIES_PER_USER);
    ck_assert_uint_eq(c.max_conversations_per_user, AGENT_DEFAULT_MAX_CONVERSATIONS_PER_USER);
}
END_TEST

START_TEST(test_budget_and_quota_keys_are_read_and_bounded)
{
    ck_assert_msg(parse("working_memory_bytes = 16K\n"
                        "max_memories_per_user = 0\n"
                        "max_conversations_per_user = 7\n") == 0, "%s", err);
    ck_assert_uint_eq(c.working_memory_bytes, 16384);
    ck_assert_uint_eq(c.max_memories_per_user, 0);
    ck_assert_uint_eq(c.max_conversations_per_user, 7);
    ck_assert_int_ne(parse("working_memory_bytes = 1K\n"), 0);
    ck_assert_ptr_nonnull(strstr(err, "working_memory_bytes: 1K is out of range"));
    ck_assert_int_ne(parse("max_memories_per_user = -1\n"), 0);
    ck_assert_ptr_nonnull(strstr(err, "max_memories_per_user"));
}
END_TEST

START_TEST(test_chat_keys_are_read)
{
    ck_assert_msg(parse("model = none\n"
                        "chat_turns = 8\n"
                        "chat_memories = 0\n"
                        "chat_duplicate = 1\n"
                        "lexical_weight = 0.25\n"
                        "max_message_bytes = 1K\n") == 0, "%s", err);
    ck_assert_str_eq(c.model, "none");
    ck_assert_int_eq(c.chat_turns, 8);
    ck_assert_int_eq(c.chat_memories, 0);
    ck_assert_double_eq(c.chat_duplicate, 1.0);
    ck_assert_double_eq(c.lexical_weight, 0.25);
    ck_assert_uint_eq(c.limits.max_message, 1024);
}
END_TEST

START_TEST(test_every_key_is_read)
{
    ck_assert_msg(parse("listen = 0.0.0.0:9000\n"
                        "db = /tmp/m.db\n"
                        "threads = 4\n"
                        "token = alice:s1-0123456789abcdef\n"
                        "admin_token = root-secret-0123456789\n"
                        "max_body_bytes = 2048\n"
                        "max_import_bytes = 4096\n"
                        "max_text_bytes = 100\n"
                        "max_k = 7\n"
                        "max_page = 8\n"
                        "max_batch = 9\n"
                        "max_connections = 10\n"
                        "max_connections_per_address = 5\n"
                        "idle_timeout = 3\n"
                        "header_timeout = 2\n"
                        "min_body_rate = 3K\n"
                        "max_inflight_body_bytes = 128K\n"
                        "log_level = debug\n") == 0, "%s", err);
    ck_assert_str_eq(c.listen, "0.0.0.0:9000");
    ck_assert_str_eq(c.db, "/tmp/m.db");
    ck_assert_uint_eq(c.threads, 4);
    ck_assert_uint_eq(c.n_tokens, 1);
    ck_assert_str_eq(c.admin_token, "root-secret-0123456789");
    ck_assert_uint_eq(c.limits.max_body, 2048);
    ck_assert_uint_eq(c.limits.max_import_body, 4096);
    ck_assert_uint_eq(c.limits.max_text, 100);
    ck_assert_int_eq(c.limits.max_k, 7);
    ck_assert_int_eq(c.limits.max_page, 8);
    ck_assert_int_eq(c.limits.max_batch, 9);
    ck_assert_uint_eq(c.limits.max_connections, 10);
    ck_assert_uint_eq(c.max_connections_per_address, 5);
    ck_assert_uint_eq(c.idle_timeout, 3);
    ck_assert_uint_eq(c.header_timeout, 2);
    ck_assert_uint_eq(c.min_body_rate, 3 << 10);
    ck_assert_uint_eq(c.limits.max_inflight_body, 128 << 10);
    ck_assert_int_eq(c.log_level, CONFIG_LOG_DEBUG);
}
END_TEST

START_TEST(test_comments_and_blank_lines_are_skipped)
{
    ck_assert_msg(parse("# a comment\n"
                        "\n"
                        "   \t\n"
                        "   # an indented comment\n"
                        "max_k=5\n"
                        "   max_page   =   6   \n"
                        "\n") == 0, "%s", err);
    ck_assert_int_eq(c.limits.max_k, 5);
    ck_assert_int_eq(c.limits.max_page, 6);
}
END_TEST

START_TEST(test_an_empty_file_keeps_the_defaults)
{
    ck_assert_int_eq(parse(""), 0);
    ck_assert_int_eq(c.limits.max_k, API_DEFAULT_MAX_K);
}
END_TEST

START_TEST(test_a_later_line_overrides_an_earlier_one)
{
    ck_assert_int_eq(parse("max_k = 5\nmax_k = 9\n"), 0);
    ck_assert_int_eq(c.limits.max_k, 9);
}
END_TEST

START_TEST(test_a_flag_set_after_the_file_overrides_it)
{
    ck_assert_int_eq(parse("threads = 3\n"), 0);
    ck_assert_int_eq(config_set(&c, "threads", "8", err, sizeof err), 0);
    ck_assert_uint_eq(c.threads, 8);
}
END_TEST

START_TEST(test_token_is_repeatable_and_keeps_its_order)
{
    ck_assert_msg(parse("token = alice:secret-a-0123456789\n"
                        "token = bob:secret:with:colons\n"
                        "token = carol:c-0123456789abcdef\n") == 0, "%s", err);
    ck_assert_uint_eq(c.n_tokens, 3);
    ck_assert_str_eq(c.tokens[0].user, "alice");
    ck_assert_str_eq(c.tokens[0].secret, "secret-a-0123456789");
    ck_assert_str_eq(c.tokens[1].user, "bob");
    ck_assert_str_eq(c.tokens[1].secret, "secret:with:colons");
    ck_assert_str_eq(c.tokens[2].user, "carol");
}
END_TEST

typedef struct bad_case {
    const char *text;
    const char *want;           /* substrings the message must hold, '|'-separated */
} bad_case_t;

static const bad_case_t bad_cases[] = {
    {"colour = blue\n", "test.conf:1:|unknown key 'colour'"},
    {"\n# fine\nmax_k = 5\nmax_kk = 5\n", "test.conf:4:|max_kk"},
    {"max_k = abc\n", "test.conf:1:|max_k|abc"},
    {"max_k = 0\n", "max_k|out of range|1..1000"},
    {"max_k = 1001\n", "max_k|out of range"},
    {"max_k = -1\n", "max_k|-1"},
    {"max_k = 99999999999999999999999\n", "max_k"},
    {"max_k = 5x\n", "max_k"},
    {"max_k =\n", "max_k"},
    {"threads = 0\n", "threads|out of range"},
    {"threads = 2.5\n", "threads"},
    {"max_connections = 0\n", "max_connections|out of range"},
    {"max_body_bytes = 12\n", "max_body_bytes|out of range"},
    {"max_body_bytes = 2X\n", "max_body_bytes"},
    {"max_body_bytes = 8G\n", "max_body_bytes|out of range"},
    {"max_text_bytes = lots\n", "max_text_bytes"},
    {"log_level = loud\n", "log_level|loud"},
    {"listen = localhost\n", "listen|HOST:PORT"},
    {"listen = 127.0.0.1:70000\n", "listen"},
    {"listen = 127.0.0.1:\n", "listen"},
    {"listen = :8420\n", "listen"},
    {"listen = ::1:8420\n", "listen"},
    {"db =\n", "db|value"},
    {"token = alice\n", "token|USER:SECRET"},
    {"token = alice:\n", "token"},
    {"token = :secret\n", "token"},
    {"token = a/b:secret\n", "token"},
    {"token = alice:two words\n", "token"},
    {"admin_token = two words\n", "admin_token"},
    {"token = alice:short\n", "token|'alice' is 5 bytes|at least 16"},
    {"admin_token = 0123456789abcde\n", "admin_token|15 bytes|at least 16"},
    {"lexical_weight = 1.5\n", "lexical_weight|out of range|0..1"},
    {"lexical_weight = -0.1\n", "lexical_weight|out of range"},
    {"chat_duplicate = high\n", "chat_duplicate|not a number"},
    {"chat_duplicate = 0.9x\n", "chat_duplicate|not a number"},
    {"chat_duplicate = nan\n", "chat_duplicate"},
    {"chat_turns = 0\n", "chat_turns|out of range|1..1024"},
    {"chat_memories = 257\n", "chat_memories|out of range"},
    {"max_message_bytes = 8\n", "max_message_bytes|out of range"},
    {"model =\n", "model|value"},
    {"max_k 5\n", "test.conf:1:|key = value"},
    {" = 5\n", "test.conf:1:|key"},
};

START_TEST(test_a_bad_line_is_an_error_naming_file_line_and_key)
{
    const bad_case_t *b = &bad_cases[_i];
    ck_assert_msg(parse(b->text) == -1, "accepted: %s", b->text);
    char want[256];
    snprintf(want, sizeof want, "%s", b->want);
    for (char *save = NULL, *w = strtok_r(want, "|", &save); w; w = strtok_r(NULL, "|", &save))
        ck_assert_msg(strstr(err, w) != NULL, "'%s': message '%s' lacks '%s'", b->text, err, w);
}
END_TEST

START_TEST(test_the_first_bad_line_stops_the_parse)
{
    ck_assert_int_eq(parse("max_k = 5\nbogus = 1\nmax_page = 9\n"), -1);
    ck_assert_int_eq(c.limits.max_page, API_DEFAULT_MAX_PAGE);
}
END_TEST

START_TEST(test_sizes_take_binary_suffixes)
{
    ck_assert_msg(parse("max_body_bytes = 2M\nmax_import_bytes = 1GiB\n"
                        "max_text_bytes = 4k\n") == 0, "%s", err);
    ck_assert_uint_eq(c.limits.max_body, 2u << 20);
    ck_assert_uint_eq(c.limits.max_import_body, (size_t)1 << 30);
    ck_assert_uint_eq(c.limits.max_text, 4096);
}
END_TEST

START_TEST(test_a_quoted_value_loses_its_quotes)
{
    ck_assert_int_eq(parse("db = \"/tmp/with space.db\"\n"), 0);
    ck_assert_str_eq(c.db, "/tmp/with space.db");
}
END_TEST

START_TEST(test_the_same_secret_twice_fails_the_check)
{
    ck_assert_int_eq(parse("token = alice:same-0123456789abc\ntoken = bob:same-0123456789abc\n"), 0);
    ck_assert_int_eq(config_check(&c, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "same secret"));
}
END_TEST

START_TEST(test_an_admin_secret_equal_to_a_user_secret_fails_the_check)
{
    ck_assert_int_eq(parse("token = alice:same-0123456789abc\nadmin_token = same-0123456789abc\n"), 0);
    ck_assert_int_eq(config_check(&c, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "admin_token"));
}
END_TEST

START_TEST(test_distinct_secrets_pass_the_check)
{
    ck_assert_int_eq(parse("token = alice:a1-0123456789abcdef\ntoken = bob:b2-0123456789abcdef\n"
                           "admin_token = root-0123456789abcdef\n"), 0);
    ck_assert_int_eq(config_check(&c, err, sizeof err), 0);
}
END_TEST

START_TEST(test_listen_splits_host_and_port)
{
    char host[64];
    int port;
    ck_assert_int_eq(config_split_listen("127.0.0.1:8420", host, sizeof host, &port), 0);
    ck_assert_str_eq(host, "127.0.0.1");
    ck_assert_int_eq(port, 8420);
    ck_assert_int_eq(config_split_listen("[::1]:0", host, sizeof host, &port), 0);
    ck_assert_str_eq(host, "::1");
    ck_assert_int_eq(port, 0);
    ck_assert_int_eq(config_split_listen("localhost:65535", host, sizeof host, &port), 0);
    ck_assert_int_eq(port, 65535);
    ck_assert_int_eq(config_split_listen("localhost", host, sizeof host, &port), -1);
    ck_assert_int_eq(config_split_listen("[::1]8420", host, sizeof host, &port), -1);
    ck_assert_int_eq(config_split_listen("h:123456", host, sizeof host, &port), -1);
}
END_TEST

START_TEST(test_a_missing_file_is_an_error_naming_it)
{
    ck_assert_int_eq(config_load(&c, "/nonexistent/mnemo.conf", err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent/mnemo.conf"));
}
END_TEST

START_TEST(test_a_file_is_read_with_its_name_in_messages)
{
    char path[] = "/tmp/mnemo-config-test-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char text[] = "max_k = 12\n\nnope = 1\n";
    ck_assert_int_eq(write(fd, text, sizeof text - 1), (int)(sizeof text - 1));
    close(fd);
    int rc = config_load(&c, path, err, sizeof err);
    unlink(path);
    ck_assert_int_eq(rc, -1);
    ck_assert_int_eq(c.limits.max_k, 12);
    char want[64];
    snprintf(want, sizeof want, "%s:3:", path);
    ck_assert_msg(strstr(err, want) != NULL, "message '%s' lacks '%s'", err, want);
}
END_TEST

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* A fake environment for config_env. */
static const char *fake_env[][2] = {{"MNEMO_MAX_K", "9"}, {"MNEMO_TOKENS", "a:s1-0123456789abcdef b:s2-0123456789abcdef"},
                                    {"MNEMO_LOG_LEVEL", "debug"}, {NULL, NULL}};
static const char *fake_get(const char *name)
{
    for (int i = 0; fake_env[i][0]; i++)
        if (!strcmp(fake_env[i][0], name)) return fake_env[i][1];
    return NULL;
}

START_TEST(test_environment_variables_override_the_file)
{
    ck_assert_int_eq(parse("max_k = 7\ntoken = old:s0-0123456789abcdef\nmax_page = 8\n"), 0);
    ck_assert_msg(config_env(&c, fake_get, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(c.limits.max_k, 9);
    ck_assert_int_eq(c.limits.max_page, 8);
    ck_assert_int_eq(c.log_level, CONFIG_LOG_DEBUG);
    ck_assert_uint_eq(c.n_tokens, 2);
    ck_assert_str_eq(c.tokens[1].user, "b");
}
END_TEST

static int n_live, n_restart;
static void on_change(const char *key, int live, const char *was, const char *now, void *ctx)
{
    (void)key, (void)was, (void)now, (void)ctx;
    if (live) n_live++; else n_restart++;
}

START_TEST(test_changes_say_which_keys_differ_and_whether_they_reload)
{
    mnemod_config_t d;
    ck_assert_int_eq(config_init(&d), 0);
    ck_assert_int_eq(config_parse(&d, "b.conf", "max_k = 3\nlisten = 127.0.0.1:1\n"
                                  "token = a:x-0123456789abcdef\n", err, sizeof err), 0);
    n_live = n_restart = 0;
    ck_assert_int_eq(config_changes(&c, &d, on_change, NULL), 3);
    ck_assert_int_eq(n_live, 2);
    ck_assert_int_eq(n_restart, 1);
    ck_assert_int_eq(config_changes(&d, &d, NULL, NULL), 0);
    config_free(&d);
}
END_TEST

/* A valid value other than the default for every key of the table. A key added to the
 * table needs a row here, and the reload test says which one is missing. */
static const char *const other_value[][2] = {
    {"listen", "127.0.0.1:1"},      {"db", "/tmp/other.db"},
    {"threads", "7"},               {"token", "zed:zed-secret-0123456789"},
    {"admin_token", "other-admin-0123456789"}, {"max_body_bytes", "2K"},
    {"max_import_bytes", "3K"},     {"max_import_items", "6"},
    {"max_text_bytes", "17"},
    {"max_k", "7"},                 {"max_page", "8"},
    {"max_batch", "9"},             {"max_message_bytes", "18"},
    {"max_connections", "10"},      {"log_level", "debug"},
    {"max_connections_per_address", "5"}, {"idle_timeout", "3"},
    {"header_timeout", "2"},        {"max_inflight_body_bytes", "128K"},
    {"min_body_rate", "3K"},
    {"log_format", "journal"},      {"shutdown_timeout", "11"},
    {"model", "none"},              {"chat_turns", "8"},
    {"chat_memories", "0"},         {"chat_duplicate", "0.5"},
    {"lexical_weight", "0.25"},     {"encoder", "none"},
    {"encoder_lexical_weight", "0.75"},
    {"working_memory_bytes", "1M"}, {"max_memories_per_user", "0"},
    {"max_conversations_per_user", "3"},
};

static const char *other_value_of(const char *key)
{
    for (int i = 0; i < N(other_value); i++)
        if (!strcmp(other_value[i][0], key)) return other_value[i][1];
    return NULL;
}

/* Records, for config_changes, which keys differ. */
typedef struct seen {
    int n, n_live;
    char keys[64][32];
} seen_t;

static void on_seen(const char *key, int live, const char *was, const char *now, void *ctx)
{
    seen_t *s = ctx;
    (void)was, (void)now;
    ck_assert_int_lt(s->n, 64);
    snprintf(s->keys[s->n++], sizeof s->keys[0], "%s", key);
    s->n_live += live;
}

static int seen_has(const seen_t *s, const char *key)
{
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->keys[i], key)) return 1;
    return 0;
}

START_TEST(test_a_reload_keeps_every_start_only_key_and_takes_every_live_one)
{
    mnemod_config_t next, was;
    size_t n = config_key_count(), n_live = 0;
    ck_assert_int_eq(config_init(&next), 0);
    ck_assert_int_eq(config_init(&was), 0);     /* c as it runs: the defaults */
    for (size_t i = 0; i < n; i++) {
        const char *key = config_key_name(i), *v = other_value_of(key);
        ck_assert_msg(v != NULL, "other_value lacks a row for the key '%s'", key);
        ck_assert_msg(config_set(&next, key, v, err, sizeof err) == 0, "%s", err);
        n_live += config_key_live(i) != 0;
    }
    ck_assert_int_eq(config_changes(&c, &next, NULL, NULL), (int)n);

    config_keep_start_only(&next, &c);

    /* next differs from the running values in exactly the live keys... */
    seen_t kept = {0};
    ck_assert_int_eq(config_changes(&was, &next, on_seen, &kept), (int)n_live);
    ck_assert_int_eq(kept.n_live, (int)n_live);
    /* ...and c was handed next's start-only values, to be freed with it. */
    seen_t handed = {0};
    ck_assert_int_eq(config_changes(&was, &c, on_seen, &handed), (int)(n - n_live));
    ck_assert_int_eq(handed.n_live, 0);
    for (size_t i = 0; i < n; i++) {
        const char *key = config_key_name(i);
        ck_assert_msg(seen_has(&kept, key) == config_key_live(i), "%s after a reload", key);
        ck_assert_msg(seen_has(&handed, key) != config_key_live(i), "%s handed back", key);
    }
    config_free(&next);
    config_free(&was);
}
END_TEST

static char shown[64];
static void on_shown(const char *key, int live, const char *was, const char *now, void *ctx)
{
    (void)key, (void)live, (void)was, (void)ctx;
    snprintf(shown, sizeof shown, "%s", now);
}

START_TEST(test_a_size_is_shown_with_a_binary_suffix_when_it_divides_exactly)
{
    const char *cases[][2] = {{"2048", "2K"}, {"3M", "3M"}, {"2048K", "2M"}, {"1536", "1536"},
                              {"1G", "1G"}, {"1025", "1025"}};
    for (int i = 0; i < N(cases); i++) {
        mnemod_config_t d;
        ck_assert_int_eq(config_init(&d), 0);
        ck_assert_int_eq(config_set(&d, "max_body_bytes", cases[i][0], err, sizeof err), 0);
        shown[0] = '\0';
        config_changes(&c, &d, on_shown, NULL);
        ck_assert_str_eq(shown, cases[i][1]);
        config_free(&d);
    }
}
END_TEST

/* The text of a file of the source tree (meson passes MNEMO_SOURCE_ROOT), malloc'd. */
static char *read_source(const char *rel)
{
    const char *root = getenv("MNEMO_SOURCE_ROOT");
    char path[4096];
    ck_assert_msg(root != NULL, "MNEMO_SOURCE_ROOT is unset (run through meson test)");
    snprintf(path, sizeof path, "%s/%s", root, rel);
    FILE *f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot read %s", path);
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)len + 1);
    ck_assert_ptr_nonnull(text);
    ck_assert_uint_eq(fread(text, 1, (size_t)len, f), (size_t)len);
    text[len] = '\0';
    fclose(f);
    return text;
}

/* Key i's default as the docs write it, or NULL when it has none. A default under the
 * install prefix (the model) depends on it, so the docs name it DATADIR/...; want then
 * holds the part after DATADIR ("mnemo/default.mnemo"). */
static const char *doc_default(size_t i, char *want, size_t cap, int *under_prefix)
{
    char buf[256];
    const char *d = config_key_default(i, buf, sizeof buf);
    *under_prefix = 0;
    if (!d) return NULL;
    if (d[0] == '/') {
        const char *last = strrchr(d, '/'), *p = last;
        while (p > d && p[-1] != '/') p--;
        ck_assert_ptr_ne(p, last);
        d = p;
        *under_prefix = 1;
    }
    snprintf(want, cap, "%s", d);
    return want;
}

/* The line of text that starts with prefix, up to its end (a copy in out), or NULL. */
static const char *line_starting(const char *text, const char *prefix, char *out, size_t cap)
{
    size_t n = strlen(prefix);
    for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
        if (!strncmp(p, prefix, n)) {
            size_t len = strcspn(p, "\n");
            snprintf(out, cap, "%.*s", (int)len, p);
            return out;
        }
    return NULL;
}

START_TEST(test_the_shipped_config_file_shows_every_key_with_its_default)
{
    char *text = read_source("dist/mnemod.conf");
    for (size_t i = 0; i < config_key_count(); i++) {
        char prefix[64], line[512], want[256];
        int under_prefix;
        snprintf(prefix, sizeof prefix, "#%s = ", config_key_name(i));
        ck_assert_msg(line_starting(text, prefix, line, sizeof line) != NULL,
                      "dist/mnemod.conf lacks '%s...'", prefix);
        if (!doc_default(i, want, sizeof want, &under_prefix)) continue;
        const char *value = line + strlen(prefix);
        if (under_prefix) {
            size_t vn = strlen(value), wn = strlen(want);
            ck_assert_msg(vn > wn && !strcmp(value + vn - wn, want) && value[vn - wn - 1] == '/',
                          "dist/mnemod.conf: '%s', want .../%s", line, want);
        } else {
            ck_assert_msg(!strcmp(value, want), "dist/mnemod.conf: '%s', want %s", line, want);
        }
    }
    free(text);
}
END_TEST

START_TEST(test_the_man_page_gives_every_key_its_default_and_whether_it_reloads)
{
    char *text = read_source("man/mnemod.conf.5");
    for (size_t i = 0; i < config_key_count(); i++) {
        const char *name = config_key_name(i);
        char head[64], entry[2048], want[256], phrase[300];
        int under_prefix;
        snprintf(head, sizeof head, "\n.BI %s \"", name);
        const char *p = strstr(text, head);
        ck_assert_msg(p != NULL, "man/mnemod.conf.5 lacks the key %s", name);
        p += strlen(head);
        const char *end = strstr(p, "\n.TP");
        const char *sh = strstr(p, "\n.SH");
        if (!end || (sh && sh < end)) end = sh;
        ck_assert_ptr_nonnull(end);
        snprintf(entry, sizeof entry, "%.*s", (int)(end - p), p);
        ck_assert_msg((strstr(entry, "[reloads]") != NULL) == config_key_live(i),
                      "man/mnemod.conf.5: %s %s [reloads]", name,
                      config_key_live(i) ? "lacks" : "must not say");
        if (!doc_default(i, want, sizeof want, &under_prefix)) continue;
        snprintf(phrase, sizeof phrase, "efault %s%s", under_prefix ? "DATADIR/" : "", want);
        ck_assert_msg(strstr(entry, phrase) != NULL, "man/mnemod.conf.5: %s lacks 'default %s'",
                      name, phrase + strlen("efault "));
    }
    free(text);
}
END_TEST

START_TEST(test_the_operations_guide_gives_every_key_its_default_and_whether_it_reloads)
{
    char *text = read_source("docs/OPERATIONS.md");
    for (size_t i = 0; i < config_key_count(); i++) {
        const char *name = config_key_name(i);
        char prefix[64], row[1024], want[256], cell[300];
        int under_prefix;
        snprintf(prefix, sizeof prefix, "| `%s` | ", name);
        ck_assert_msg(line_starting(text, prefix, row, sizeof row) != NULL,
                      "docs/OPERATIONS.md lacks a row for %s", name);
        /* | key | default | env | reload | meaning | */
        const char *def = row + strlen(prefix), *env = strstr(def, " | ");
        ck_assert_ptr_nonnull(env);
        const char *reload = strstr(env + 3, " | ");
        ck_assert_ptr_nonnull(reload);
        reload += 3;
        if (doc_default(i, want, sizeof want, &under_prefix))
            snprintf(cell, sizeof cell, "`%s%s`", under_prefix ? "DATADIR/" : "", want);
        else
            snprintf(cell, sizeof cell, "none");
        ck_assert_msg(!strncmp(def, cell, strlen(cell)) && !strncmp(def + strlen(cell), " | ", 3),
                      "docs/OPERATIONS.md: %s's default is not %s", name, cell);
        const char *mode = config_key_live(i) ? "live" : "restart";
        ck_assert_msg(!strncmp(reload, mode, strlen(mode)), "docs/OPERATIONS.md: %s should say %s",
                      name, mode);
    }
    free(text);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("api_config");
    TCase *tc = tcase_create("config");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_defaults_are_those_of_the_layers_that_use_them);
    tcase_add_test(tc, test_a_reload_keeps_every_start_only_key_and_takes_every_live_one);
    tcase_add_test(tc, test_a_size_is_shown_with_a_binary_suffix_when_it_divides_exactly);
    tcase_add_test(tc, test_the_shipped_config_file_shows_every_key_with_its_default);
    tcase_add_test(tc, test_the_man_page_gives_every_key_its_default_and_whether_it_reloads);
    tcase_add_test(tc, test_the_operations_guide_gives_every_key_its_default_and_whether_it_reloads);
    tcase_add_test(tc, test_every_key_is_read);
    tcase_add_test(tc, test_chat_keys_are_read);
    tcase_add_test(tc, test_budget_and_quota_keys_are_read_and_bounded);
    tcase_add_test(tc, test_environment_variables_override_the_file);
    tcase_add_test(tc, test_changes_say_which_keys_differ_and_whether_they_reload);
    tcase_add_test(tc, test_comments_and_blank_lines_are_skipped);
    tcase_add_test(tc, test_an_empty_file_keeps_the_defaults);
    tcase_add_test(tc, test_a_later_line_overrides_an_earlier_one);
    tcase_add_test(tc, test_a_flag_set_after_the_file_overrides_it);
    tcase_add_test(tc, test_token_is_repeatable_and_keeps_its_order);
    tcase_add_loop_test(tc, test_a_bad_line_is_an_error_naming_file_line_and_key, 0,
                        N(bad_cases));
    tcase_add_test(tc, test_the_first_bad_line_stops_the_parse);
    tcase_add_test(tc, test_sizes_take_binary_suffixes);
    tcase_add_test(tc, test_a_quoted_value_loses_its_quotes);
    tcase_add_test(tc, test_the_same_secret_twice_fails_the_check);
    tcase_add_test(tc, test_an_admin_secret_equal_to_a_user_secret_fails_the_check);
    tcase_add_test(tc, test_distinct_secrets_pass_the_check);
    tcase_add_test(tc, test_listen_splits_host_and_port);
    tcase_add_test(tc, test_a_missing_file_is_an_error_naming_it);
    tcase_add_test(tc, test_a_file_is_read_with_its_name_in_messages);
    suite_add_tcase(s, tc);

    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
