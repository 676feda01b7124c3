/* replay.c: a plain main for the fuzz harnesses, so the normal (gcc) test suite runs every
 * file of a corpus through the same LLVMFuzzerTestOneInput the fuzzer drives. Arguments
 * are files or folders (each regular file directly inside is one input, in name order).
 * A crash fails the test by itself; an empty corpus fails it too, so a folder that lost
 * its files does not pass silently. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "fuzz.h"


/* Runs the file at path; 1 when it ran, 0 when it is not a regular file, -1 on error. */
static int run_file(const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        perror(path);
        return -1;
    }
    if (!S_ISREG(sb.st_mode)) return 0;
    int rc = -1;
    uint8_t *buf = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        goto done;
    }
    /* exactly size bytes, so ASan sees a read past the input */
    if (!(buf = malloc(sb.st_size ? (size_t)sb.st_size : 1))) goto done;
    if (sb.st_size && fread(buf, 1, (size_t)sb.st_size, f) != (size_t)sb.st_size) {
        fprintf(stderr, "%s: short read\n", path);
        goto done;
    }
    LLVMFuzzerTestOneInput(buf, (size_t)sb.st_size);
    rc = 1;
done:
    free(buf);
    if (f) fclose(f);
    return rc;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* Runs every regular file in dir; returns how many, or -1 on error. */
static int run_dir(const char *dir)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, by_name), ran = 0;
    if (n < 0) {
        perror(dir);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
        int r = names[i]->d_name[0] == '.' ? 0 : run_file(path);
        if (r < 0) ran = -1;
        else if (ran >= 0) ran += r;
        free(names[i]);
    }
    free(names);
    return ran;
}

int main(int argc, char **argv)
{
    int total = 0;
    for (int i = 1; i < argc; i++) {
        struct stat sb;
        int r = stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode) ? run_dir(argv[i])
                                                               : run_file(argv[i]);
        if (r < 0) return 1;
        total += r;
    }
    printf("replayed %d inputs\n", total);
    return total > 0 ? 0 : 1;
}
