// What one group-commit flush costs on a filesystem: N batches of SIZE bytes, each followed by
// fdatasync, written two ways side by side — appended to the file (so every flush also changes
// its size and blocks), and written over zeros the file was grown by a MiB at a time, as the
// daemon's journal is (GroupJournal.growth). Prints the CPU and wall time per flush of each.
//
// usage: flushcost FOLDER [batches (default 2000)] [bytes per batch (default 20000)]
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static double cpu_seconds(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return (double)usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + (double)usage.ru_stime.tv_sec +
           usage.ru_stime.tv_usec / 1e6;
}

static double wall_seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + now.tv_nsec / 1e9;
}

static void fail(const char *what, const char *path) {
    fprintf(stderr, "flushcost: %s %s: ", what, path);
    perror(NULL);
    exit(2);
}

// One run; `grown`: overwrite zeros written a MiB ahead instead of appending.
static void run(const char *path, int batches, size_t size, int grown) {
    static char zeros[1 << 20];
    char *batch = malloc(size);
    if (!batch) fail("no memory for", path);
    memset(batch, 'x', size);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (grown ? 0 : O_APPEND), 0600);
    if (fd < 0) fail("cannot create", path);
    off_t filled = 0;
    double cpu = cpu_seconds(), wall = wall_seconds();
    for (int i = 0; i < batches; i++) {
        off_t at = (off_t)i * (off_t)size;
        if (grown) {
            while (filled < at + (off_t)size) {
                if (pwrite(fd, zeros, sizeof zeros, filled) != (ssize_t)sizeof zeros) fail("cannot grow", path);
                filled += sizeof zeros;
            }
            if (pwrite(fd, batch, size, at) != (ssize_t)size) fail("cannot write", path);
        } else if (write(fd, batch, size) != (ssize_t)size) {
            fail("cannot write", path);
        }
        if (fdatasync(fd) != 0) fail("cannot flush", path);
    }
    cpu = cpu_seconds() - cpu;
    wall = wall_seconds() - wall;
    printf("  %-28s %6.1f µs of CPU, %6.1f µs of wall time per flush\n",
           grown ? "written over zeros (grown):" : "appended:", cpu / batches * 1e6, wall / batches * 1e6);
    close(fd);
    unlink(path);
    free(batch);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: flushcost FOLDER [batches] [bytes per batch]\n");
        return 2;
    }
    int batches = argc > 2 ? atoi(argv[2]) : 2000;
    long size = argc > 3 ? atol(argv[3]) : 20000;
    if (batches < 1 || size < 1 || size > (64 << 20)) {
        fprintf(stderr, "flushcost: batches must be at least 1 and bytes 1 to 64 MiB\n");
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/.flushcost-%d", argv[1], (int)getpid());
    printf("journal flush cost: %d batches of %ld bytes, each made durable with fdatasync, in %s\n", batches, size, argv[1]);
    // Twice each, alternating, so a change in the machine's load shows as a spread.
    for (int round = 0; round < 2; round++) {
        run(path, batches, (size_t)size, 0);
        run(path, batches, (size_t)size, 1);
    }
    return 0;
}
