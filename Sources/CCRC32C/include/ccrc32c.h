#ifndef CCRC32C_H
#define CCRC32C_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the SSE 4.2 CRC-32C instruction (checked once).
int ccrc32c_available(void);

/// Folds `count` bytes at `bytes` into `crc` (not inverted: the caller starts with
/// 0xFFFFFFFF and inverts the result). Only when `ccrc32c_available()`.
uint32_t ccrc32c_update(uint32_t crc, const uint8_t *bytes, size_t count);

#endif
