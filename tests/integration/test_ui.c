/* test_ui.c: the inspector's static files at /ui on a real mnemod with tokens: the page
 * (at /ui and /ui/), its script and its style come back 200 with their media types and
 * without a token (they hold no data, while the API beside them still needs one); a name
 * the inspector lacks is 404 in the JSON error shape; only GET (and HEAD) are taken. The
 * page itself is driven in a browser by test_ui_browser.c. */
#include "tests/integration/harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALICE "alice-secret-0123456789abcdef"

static h_daemon_t D;

static void setup(void)
{
    h_init(&D, "token = alice:" ALICE "\n");
    snprintf(D.probe_token, sizeof D.probe_token, "%s", ALICE);
    h_start(&D);
}

static void teardown(void)
{
    ck_assert_int_eq(h_stop(&D), 0);
    h_cleanup(&D);
}

/* GET path without a token: asserts 200, the media type, and that the body holds want. */
static void served(const char *path, const char *type, const char *want)
{
    h_resp_t r;
    ck_assert_int_eq(h_get(&D, NULL, path, &r), 0);
    h_assert_reply(&r, 200, NULL);
    ck_assert_msg(!strcmp(r.content_type, type), "%s: Content-Type %s, want %s", path,
                  r.content_type, type);
    ck_assert_msg(r.body && strstr(r.body, want), "%s lacks '%s'", path, want);
    h_resp_clear(&r);
}

START_TEST(test_the_page_is_served_as_html_without_a_token)
{
    served("/ui", "text/html; charset=utf-8", "<title>mnemo inspector</title>");
    served("/ui/index.html", "text/html; charset=utf-8", "/ui/app.js");
}
END_TEST

/* /ui/ (as a browser or a person may type it) is the same page, whose files are named
 * from the root so that they load from there too. */
START_TEST(test_the_page_is_served_at_ui_with_a_slash)
{
    h_resp_t a, b;
    ck_assert_int_eq(h_get(&D, NULL, "/ui", &a), 0);
    ck_assert_int_eq(h_get(&D, NULL, "/ui/", &b), 0);
    h_assert_reply(&b, 200, NULL);
    ck_assert_str_eq(b.content_type, "text/html; charset=utf-8");
    ck_assert_msg(a.body && b.body && !strcmp(a.body, b.body), "/ui/ differs from /ui");
    ck_assert_msg(strstr(b.body, "src=\"/ui/app.js\"") && strstr(b.body, "href=\"/ui/style.css\""),
                  "the page names its files from the root");
    h_resp_clear(&a);
    h_resp_clear(&b);
    ck_assert_int_eq(h_request(&D, "HEAD", "/ui/", NULL, NULL, NULL, 0, &b), 0);
    h_assert_reply(&b, 200, NULL);
    h_resp_clear(&b);
}
END_TEST

START_TEST(test_its_script_and_style_are_served_with_their_types)
{
    served("/ui/app.js", "text/javascript; charset=utf-8", "/v1/chat");
    served("/ui/style.css", "text/css; charset=utf-8", "@media");
}
END_TEST

START_TEST(test_an_unknown_ui_file_is_a_json_404)
{
    static const char *const paths[] = {"/ui/x", "/ui/app.js.map", "/ui//", "/ui/x/app.js",
                                        "/ui/ui_files.c", "/ui/app.js/"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        h_resp_t r;
        ck_assert_int_eq(h_get(&D, NULL, paths[i], &r), 0);
        h_assert_reply(&r, 404, "not_found");
        ck_assert_str_eq(r.content_type, "application/json");
        h_resp_clear(&r);
    }
}
END_TEST

START_TEST(test_the_api_behind_the_page_still_needs_a_token)
{
    h_resp_t r;
    ck_assert_int_eq(h_get(&D, NULL, "/v1/memories?user=alice", &r), 0);
    h_assert_reply(&r, 401, "unauthorized");
    h_resp_clear(&r);
    ck_assert_int_eq(h_get(&D, ALICE, "/v1/memories", &r), 0);
    h_assert_reply(&r, 200, NULL);
    h_resp_clear(&r);
}
END_TEST

START_TEST(test_the_ui_takes_only_get)
{
    h_resp_t r;
    ck_assert_int_eq(h_request(&D, "POST", "/ui/app.js", NULL, "application/json", "{}", 2, &r),
                     0);
    h_assert_reply(&r, 405, "method_not_allowed");
    ck_assert_str_eq(r.allow, "GET");
    h_resp_clear(&r);
    ck_assert_int_eq(h_request(&D, "HEAD", "/ui", NULL, NULL, NULL, 0, &r), 0);
    h_assert_reply(&r, 200, NULL);
    ck_assert_str_eq(r.content_type, "text/html; charset=utf-8");
    h_resp_clear(&r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("ui");
    TCase *tc = tcase_create("static");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_the_page_is_served_as_html_without_a_token);
    tcase_add_test(tc, test_the_page_is_served_at_ui_with_a_slash);
    tcase_add_test(tc, test_its_script_and_style_are_served_with_their_types);
    tcase_add_test(tc, test_an_unknown_ui_file_is_a_json_404);
    tcase_add_test(tc, test_the_api_behind_the_page_still_needs_a_token);
    tcase_add_test(tc, test_the_ui_takes_only_get);
    suite_add_tcase(s, tc);
    return h_run_suite(s);
}
