#ifndef CJSONSCAN_H
#define CJSONSCAN_H

#include <stddef.h>
#include <stdint.h>

/// Whether none of the `count` bytes at `bytes` needs an escape in a JSON string: no control
/// character (below 0x20), no quote, no backslash.
int cjsonscan_plain(const uint8_t *bytes, size_t count);

/// How many of the `count` bytes at `bytes` come before the first one that needs an escape
/// (`count` if none does).
size_t cjsonscan_plain_prefix(const uint8_t *bytes, size_t count);

#endif
