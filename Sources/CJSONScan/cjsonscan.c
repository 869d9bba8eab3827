// The test every JSON string of a reply or transcript line goes through: sixteen bytes at a
// time with SSE2 (part of x86-64 itself), which Swift's SIMD types did not compile to here.
#include "cjsonscan.h"

#include <string.h>

static int plain_byte(uint8_t byte) { return byte >= 0x20 && byte != '"' && byte != '\\'; }

// Eight bytes: whether any is below 0x20, a quote or a backslash (the has-zero-byte test,
// exact for "any").
static inline int escapes8(const uint8_t *bytes) {
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t word;
    memcpy(&word, bytes, 8);
    uint64_t below = (word - ones * 0x20) & ~word & highs;
    uint64_t quote = word ^ (ones * '"');
    uint64_t backslash = word ^ (ones * '\\');
    return ((below | ((quote - ones) & ~quote & highs) | ((backslash - ones) & ~backslash & highs)) != 0);
}

// Fewer than sixteen bytes: two overlapping words from eight bytes on, byte by byte below.
static inline int plain_short(const uint8_t *bytes, size_t count) {
    if (count >= 8) return !escapes8(bytes) && !escapes8(bytes + count - 8);
    for (size_t index = 0; index < count; index++) {
        if (!plain_byte(bytes[index])) return 0;
    }
    return 1;
}

#if defined(__x86_64__)
#include <emmintrin.h>

// Sixteen bytes: a mask with a bit for each byte that needs an escape.
static inline int escapes16(const uint8_t *bytes) {
    __m128i block = _mm_loadu_si128((const __m128i *)bytes);
    // Unsigned "below 0x20": the byte is its own minimum with 0x1F.
    __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(block, _mm_set1_epi8(0x1F)), block);
    __m128i quote = _mm_cmpeq_epi8(block, _mm_set1_epi8('"'));
    __m128i backslash = _mm_cmpeq_epi8(block, _mm_set1_epi8('\\'));
    return _mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash)));
}

int cjsonscan_plain(const uint8_t *bytes, size_t count) {
    if (count >= 16) {
        size_t index = 0;
        for (; index + 16 <= count; index += 16) {
            if (escapes16(bytes + index)) return 0;
        }
        // The last sixteen bytes again, overlapping what was read: no byte-by-byte tail.
        return index == count || !escapes16(bytes + count - 16);
    }
    return plain_short(bytes, count);
}

#else

int cjsonscan_plain(const uint8_t *bytes, size_t count) {
    size_t index = 0;
    for (; index + 8 <= count; index += 8) {
        if (escapes8(bytes + index)) return 0;
    }
    return plain_short(bytes + index, count - index);
}

#endif

size_t cjsonscan_plain_prefix(const uint8_t *bytes, size_t count) {
    size_t index = 0;
#if defined(__x86_64__)
    for (; index + 16 <= count; index += 16) {
        int mask = escapes16(bytes + index);
        if (mask) return index + (size_t)__builtin_ctz((unsigned)mask);
    }
#endif
    for (; index + 8 <= count; index += 8) {
        if (escapes8(bytes + index)) break;
    }
    for (; index < count; index++) {
        if (!plain_byte(bytes[index])) return index;
    }
    return count;
}
