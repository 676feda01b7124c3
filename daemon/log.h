/* log.h: mnemod's log on stderr: levels (config.h's enum config_log_level), a timestamp
 * when a person reads it, and the `<N>` syslog priority prefixes journald understands
 * when it is the reader (JOURNAL_STREAM names stderr) or log_format = journal. The level
 * may change while threads log (SIGHUP); the format is set once at start. */
#ifndef MNEMO_DAEMON_LOG_H
#define MNEMO_DAEMON_LOG_H

/* format: enum config_log_format; auto looks at JOURNAL_STREAM and stderr. */
void log_setup(int level, int format);
void log_set_level(int level);
int log_is_journal(void);

/* A line at level (CONFIG_LOG_*). */
void log_say(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A line at a syslog priority (3 err, 4 warning, 6 info, 7 debug): api/'s sink. */
void log_line(int priority, const char *line);

#endif
