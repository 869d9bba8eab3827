// A load generator for `rehearse serve` that leaves the cores to the daemon: one thread, one
// epoll set, every connection running whole interview sessions back to back (create with six
// questions, five answers each with its own input_id, end), as bench/sessions.lua does with wrk.
// wrk keeps Lua state per thread, so running sessions with it needs a thread per connection:
// 50 threads at 50 connections, and about a third of the CPU the daemon gets. Here each
// connection is a small state machine, and the generator's own CPU time is printed so the
// benchmark can report it beside the daemon's.
//
// usage: loadgen [-c connections] [-d seconds] [-t min-max] [-T timeout] http://host:port
//   -t min-max  a pause before each answer, in milliseconds, drawn evenly (default 0-0)
// Prints one line for bench/serve_wrk.sh, in the form the wrk script prints:
//   RESULT answered=N sessions=N errors=N http_errors=N elapsed=S p50_ms=MS p99_ms=MS cpu_s=S
// errors: replies of 300 or more (the session starts afresh); http_errors: connections lost,
// timed out or answered with something that is not HTTP (the connection is made again).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static const char *answers[] = {
    "It uses middleware that checks a CSRF token in every form submitted with POST.",
    "The ORM maps models to database tables and builds SQL queries from querysets.",
    "Migrations record model changes; makemigrations writes them and migrate applies them.",
    "A blueprint groups routes, templates and static files so an app can be split up.",
    "Dependency injection with Depends gives each path operation its database session.",
};

enum step { CREATE, ANSWER, END };

struct conn {
    int fd;
    int number;
    enum step step;
    int asked;
    long input;
    char id[128];
    char token[256];
    char out[2048];
    size_t out_len, out_off;
    char *in;
    size_t in_len, in_cap;
    uint64_t sent_at;  // 0 while no request is out
    uint64_t wake_at;  // 0 while not waiting to send
    uint64_t rng;
};

struct latencies {
    uint32_t *micros;
    size_t count, cap;
};

static struct addrinfo *target;
static char host_header[300];
static long answered, sessions, errors, http_errors;
static struct latencies lat;

static void die(const char *message) {
    fprintf(stderr, "loadgen: %s\n", message);
    exit(2);
}

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t next_random(struct conn *c) {
    // xorshift64*: a pause needs no better randomness, and each connection its own sequence.
    c->rng ^= c->rng >> 12;
    c->rng ^= c->rng << 25;
    c->rng ^= c->rng >> 27;
    return c->rng * 2685821657736338717ull;
}

static void record(uint64_t nanos) {
    if (lat.count == lat.cap) {
        lat.cap = lat.cap ? lat.cap * 2 : 1 << 16;
        lat.micros = realloc(lat.micros, lat.cap * sizeof *lat.micros);
        if (!lat.micros) die("out of memory for latencies");
    }
    uint64_t micros = nanos / 1000;
    lat.micros[lat.count++] = micros > UINT32_MAX ? UINT32_MAX : (uint32_t)micros;
}

static int compare(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

// Nearest rank, as wrk's percentiles are read.
static double percentile_ms(double p) {
    if (lat.count == 0) return 0;
    size_t rank = (size_t)(p / 100.0 * (double)lat.count + 0.5);
    if (rank < 1) rank = 1;
    if (rank > lat.count) rank = lat.count;
    return lat.micros[rank - 1] / 1000.0;
}

static void open_connection(int epoll, struct conn *c) {
    c->fd = socket(target->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (c->fd < 0) die("cannot make a socket");
    // Blocking connect: on loopback it is done at once, and it keeps the state machine simple.
    if (connect(c->fd, target->ai_addr, target->ai_addrlen) != 0) {
        fprintf(stderr, "loadgen: cannot connect to %s: %s\n", host_header, strerror(errno));
        exit(2);
    }
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
    struct epoll_event event = {.events = EPOLLIN, .data.ptr = c};
    if (epoll_ctl(epoll, EPOLL_CTL_ADD, c->fd, &event) != 0) die("epoll_ctl failed");
    c->in_len = 0;
    c->out_len = c->out_off = 0;
    c->sent_at = 0;
}

// A lost connection: counted, made again, and its session started afresh.
static void reconnect(int epoll, struct conn *c, uint64_t now) {
    http_errors++;
    close(c->fd);
    open_connection(epoll, c);
    c->step = CREATE;
    c->wake_at = now;
}

static void want_output(int epoll, struct conn *c, bool on) {
    struct epoll_event event = {.events = EPOLLIN | (on ? EPOLLOUT : 0), .data.ptr = c};
    epoll_ctl(epoll, EPOLL_CTL_MOD, c->fd, &event);
}

static bool flush_output(int epoll, struct conn *c, uint64_t now) {
    while (c->out_off < c->out_len) {
        ssize_t n = write(c->fd, c->out + c->out_off, c->out_len - c->out_off);
        if (n > 0) {
            c->out_off += (size_t)n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            want_output(epoll, c, true);
            return true;
        } else {
            reconnect(epoll, c, now);
            return false;
        }
    }
    return true;
}

static void send_request(int epoll, struct conn *c, uint64_t now) {
    int n;
    if (c->step == CREATE) {
        const char *body = "{\"count\": 6, \"follow_up\": false}";
        n = snprintf(c->out, sizeof c->out,
                     "POST /v1/sessions HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\n"
                     "Content-Length: %zu\r\n\r\n%s",
                     host_header, strlen(body), body);
    } else if (c->step == ANSWER) {
        char body[512];
        c->input++;
        int length = snprintf(body, sizeof body, "{\"text\": \"%s\", \"input_id\": \"g%d-%ld\"}", answers[c->asked],
                              c->number, c->input);
        n = snprintf(c->out, sizeof c->out,
                     "POST /v1/sessions/%s/input HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\n"
                     "Authorization: Bearer %s\r\nContent-Length: %d\r\n\r\n%s",
                     c->id, host_header, c->token, length, body);
    } else {
        n = snprintf(c->out, sizeof c->out, "DELETE /v1/sessions/%s HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\n\r\n",
                     c->id, host_header, c->token);
    }
    if (n < 0 || (size_t)n >= sizeof c->out) die("a request did not fit its buffer");
    c->out_len = (size_t)n;
    c->out_off = 0;
    c->wake_at = 0;
    c->sent_at = now;
    flush_output(epoll, c, now);
}

// The value of `"name":"` in body, up to the closing quote, into out; false if absent or too long.
static bool json_string(const char *body, size_t length, const char *name, char *out, size_t cap) {
    size_t name_length = strlen(name);
    const char *found = memmem(body, length, name, name_length);
    if (!found) return false;
    const char *start = found + name_length, *end = body + length;
    const char *quote = memchr(start, '"', (size_t)(end - start));
    if (!quote || (size_t)(quote - start) >= cap || quote == start) return false;
    memcpy(out, start, (size_t)(quote - start));
    out[quote - start] = 0;
    return true;
}

// Finds a header's value in the head (case-insensitive name); NULL if absent.
static const char *header(const char *head, size_t length, const char *name, size_t *value_length) {
    size_t name_length = strlen(name);
    const char *line = memchr(head, '\n', length);
    const char *end = head + length;
    while (line && line + 1 < end) {
        line++;
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        if (!eol) eol = end;
        if ((size_t)(eol - line) > name_length && line[name_length] == ':' && strncasecmp(line, name, name_length) == 0) {
            const char *value = line + name_length + 1;
            while (value < eol && (*value == ' ' || *value == '\t')) value++;
            const char *stop = eol;
            while (stop > value && (stop[-1] == '\r' || stop[-1] == ' ')) stop--;
            *value_length = (size_t)(stop - value);
            return value;
        }
        line = eol;
    }
    return NULL;
}

enum parse { INCOMPLETE, DONE, MALFORMED };

// A whole response at the start of c->in: its status, body and total size. Every reply of the
// daemon and the floors says its length; one that does not (chunked, or cut off by a close) is
// MALFORMED, counted as an HTTP error.
static enum parse parse_response(struct conn *c, int *status, const char **body, size_t *body_length, size_t *used,
                                 bool *closes) {
    const char *data = c->in;
    const char *head_end = memmem(data, c->in_len, "\r\n\r\n", 4);
    if (!head_end) return c->in_len > 65536 ? MALFORMED : INCOMPLETE;
    size_t head_length = (size_t)(head_end - data) + 4;
    if (c->in_len < 12 || strncmp(data, "HTTP/1.", 7) != 0) return MALFORMED;
    *status = atoi(data + 9);
    size_t value_length;
    const char *value = header(data, head_length, "Connection", &value_length);
    *closes = value && value_length == 5 && strncasecmp(value, "close", 5) == 0;
    size_t content = 0;
    value = header(data, head_length, "Content-Length", &value_length);
    if (value) {
        content = strtoul(value, NULL, 10);
    } else if (*status != 204 && *status != 304) {
        return MALFORMED;
    }
    if (c->in_len < head_length + content) return INCOMPLETE;
    *body = data + head_length;
    *body_length = content;
    *used = head_length + content;
    return DONE;
}

static void schedule_next(int epoll, struct conn *c, uint64_t now, uint64_t think_min, uint64_t think_max) {
    if (c->step == ANSWER && think_max > 0) {
        uint64_t pause = think_min + next_random(c) % (think_max - think_min + 1);
        c->wake_at = now + pause * 1000000u;
    } else {
        send_request(epoll, c, now);
    }
}

static void on_response(int epoll, struct conn *c, int status, const char *body, size_t length, uint64_t now,
                        bool count) {
    if (count) record(now - c->sent_at);
    c->sent_at = 0;
    if (status >= 300) {
        if (count) errors++;
        c->step = CREATE;  // start afresh rather than repeat a refused call for ever
        return;
    }
    if (c->step == CREATE) {
        if (!json_string(body, length, "\"id\":\"", c->id, sizeof c->id) ||
            !json_string(body, length, "\"token\":\"", c->token, sizeof c->token)) {
            if (count) errors++;
            return;
        }
        c->step = ANSWER;
        c->asked = 0;
    } else if (c->step == ANSWER) {
        if (count) answered++;
        if (++c->asked == 5) c->step = END;
    } else {
        if (count) sessions++;
        c->step = CREATE;
    }
    (void)epoll;
}

static void on_readable(int epoll, struct conn *c, uint64_t now, uint64_t end, uint64_t think_min, uint64_t think_max) {
    for (;;) {
        if (c->in_cap - c->in_len < 4096) {
            c->in_cap = c->in_cap ? c->in_cap * 2 : 16384;
            c->in = realloc(c->in, c->in_cap);
            if (!c->in) die("out of memory for a response");
        }
        ssize_t n = read(c->fd, c->in + c->in_len, c->in_cap - c->in_len);
        if (n > 0) {
            c->in_len += (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
        reconnect(epoll, c, now);  // closed by the server, or reset
        return;
    }
    int status;
    const char *body;
    size_t length, used;
    bool closes;
    switch (parse_response(c, &status, &body, &length, &used, &closes)) {
    case INCOMPLETE:
        return;
    case MALFORMED:
        reconnect(epoll, c, now);
        return;
    case DONE:
        break;
    }
    if (c->sent_at == 0) {  // a response nobody asked for
        reconnect(epoll, c, now);
        return;
    }
    on_response(epoll, c, status, body, length, now, now <= end);
    memmove(c->in, c->in + used, c->in_len - used);
    c->in_len -= used;
    if (closes) {
        close(c->fd);
        open_connection(epoll, c);
    }
    if (now < end) schedule_next(epoll, c, now, think_min, think_max);
}

int main(int argc, char **argv) {
    int connections = 50;
    double seconds = 10, timeout_s = 10;
    uint64_t think_min = 0, think_max = 0;
    int option;
    while ((option = getopt(argc, argv, "c:d:t:T:")) != -1) {
        switch (option) {
        case 'c': connections = atoi(optarg); break;
        case 'd': seconds = atof(optarg); break;
        case 'T': timeout_s = atof(optarg); break;
        case 't':
            if (sscanf(optarg, "%" SCNu64 "-%" SCNu64, &think_min, &think_max) != 2 || think_min > think_max)
                die("-t takes min-max in milliseconds, like 25-70");
            break;
        default:
            fprintf(stderr, "usage: loadgen [-c connections] [-d seconds] [-t min-max ms] [-T timeout s] http://host:port\n");
            return 2;
        }
    }
    if (optind != argc - 1 || connections < 1 || connections > 10000 || seconds <= 0)
        die("usage: loadgen [-c connections 1-10000] [-d seconds] [-t min-max ms] [-T timeout s] http://host:port");
    const char *url = argv[optind];
    if (strncmp(url, "http://", 7) != 0) die("the URL must start with http://");
    snprintf(host_header, sizeof host_header, "%s", url + 7);
    char *slash = strchr(host_header, '/');
    if (slash) *slash = 0;
    char host[300];
    snprintf(host, sizeof host, "%s", host_header);
    char *colon = strrchr(host, ':');
    const char *port = "80";
    if (colon) {
        *colon = 0;
        port = colon + 1;
    }
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM};
    if (getaddrinfo(host, port, &hints, &target) != 0) die("cannot resolve the URL's host");

    int epoll = epoll_create1(EPOLL_CLOEXEC);
    if (epoll < 0) die("epoll_create1 failed");
    struct conn *conns = calloc((size_t)connections, sizeof *conns);
    if (!conns) die("out of memory");
    uint64_t start = now_ns();
    uint64_t end = start + (uint64_t)(seconds * 1e9);
    uint64_t timeout_ns = (uint64_t)(timeout_s * 1e9);
    for (int i = 0; i < connections; i++) {
        conns[i].number = i + 1;
        conns[i].rng = 0x9E3779B97F4A7C15ull * (uint64_t)(i + 1);
        open_connection(epoll, &conns[i]);
        conns[i].step = CREATE;
        conns[i].wake_at = start;
    }
    struct epoll_event events[256];
    uint64_t now = start;
    for (;;) {
        // Due pauses and timeouts; the next one bounds the wait.
        uint64_t next = end;
        for (int i = 0; i < connections; i++) {
            struct conn *c = &conns[i];
            if (c->wake_at && c->wake_at <= now && now < end) send_request(epoll, c, now);
            if (c->sent_at && now - c->sent_at > timeout_ns) reconnect(epoll, c, now);
            if (c->wake_at && c->wake_at < next) next = c->wake_at;
            if (c->sent_at && c->sent_at + timeout_ns < next) next = c->sent_at + timeout_ns;
        }
        if (now >= end) break;
        int wait_ms = next > now ? (int)((next - now + 999999) / 1000000) : 0;
        int ready = epoll_wait(epoll, events, 256, wait_ms);
        if (ready < 0 && errno != EINTR) die("epoll_wait failed");
        now = now_ns();
        for (int i = 0; i < ready; i++) {
            struct conn *c = events[i].data.ptr;
            // Each event's own time: a reply's latency must not include the ones before it.
            now = now_ns();
            if (events[i].events & EPOLLOUT) {
                if (flush_output(epoll, c, now) && c->out_off == c->out_len) want_output(epoll, c, false);
            }
            if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) on_readable(epoll, c, now, end, think_min, think_max);
        }
    }
    double elapsed = (double)(now - start) / 1e9;
    qsort(lat.micros, lat.count, sizeof *lat.micros, compare);
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    double cpu = (double)usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + (double)usage.ru_stime.tv_sec +
                 usage.ru_stime.tv_usec / 1e6;
    printf("RESULT answered=%ld sessions=%ld errors=%ld http_errors=%ld elapsed=%.3f p50_ms=%.2f p99_ms=%.2f cpu_s=%.3f\n",
           answered, sessions, errors, http_errors, elapsed, percentile_ms(50), percentile_ms(99), cpu);
    return 0;
}
