/* log.c: mnemod's log lines (log.h). One fprintf per line, so lines from different
 * threads never interleave within a line. */
#include "daemon/log.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "daemon/config.h"

static atomic_int level = CONFIG_LOG_INFO;
static int journal;     /* set once in log_setup, before any thread starts */

/* 1 when JOURNAL_STREAM ("DEV:INO") names the file behind stderr. */
static int stderr_is_journal(void)
{
    const char *js = getenv("JOURNAL_STREAM");
    unsigned long long dev, ino;
    struct stat st;
    if (!js || sscanf(js, "%llu:%llu", &dev, &ino) != 2 || fstat(STDERR_FILENO, &st)) return 0;
    return (unsigned long long)st.st_dev == dev && (unsigned long long)st.st_ino == ino;
}

void log_setup(int lvl, int format)
{
    atomic_store(&level, lvl);
    journal = format == CONFIG_LOG_JOURNAL || (format == CONFIG_LOG_AUTO && stderr_is_journal());
}

void log_set_level(int lvl)
{
    atomic_store(&level, lvl);
}

int log_is_journal(void)
{
    return journal;
}

static int priority_level(int priority)
{
    return priority <= 3 ? CONFIG_LOG_ERROR
         : priority <= 5 ? CONFIG_LOG_WARN
         : priority == 6 ? CONFIG_LOG_INFO : CONFIG_LOG_DEBUG;
}

void log_line(int priority, const char *line)
{
    if (priority_level(priority) > atomic_load(&level)) return;
    if (journal) {
        /* journald adds its own time stamp and unit name */
        fprintf(stderr, "<%d>%s\n", priority, line);
        return;
    }
    char when[32];
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
    fprintf(stderr, "%s.%03ldZ mnemod: %s\n", when, ts.tv_nsec / 1000000, line);
}

void log_say(int lvl, const char *fmt, ...)
{
    static const int priorities[] = {3, 4, 6, 7};
    char msg[1024];
    va_list ap;
    if (lvl > atomic_load(&level)) return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    log_line(priorities[lvl < 0 ? 0 : lvl > 3 ? 3 : lvl], msg);
}
