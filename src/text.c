/*
 * text.c - the text stage: UTF-8 validation and repair, NFC, folded keys.
 *
 * Input bytes are validated once, at entry (clio_process): any ill-formed
 * sequence (overlong, surrogate, > U+10FFFF, truncated) or NUL byte is an
 * error at its byte offset, or with --lenient is replaced by U+FFFD.  Later
 * stages trust the text.
 *
 * Folding gives every token a matching key: lower case, diacritics removed,
 * and the letters canonical decomposition does not reduce mapped by hand
 * (ı ł ø ß đ ð þ æ œ ħ), curly apostrophes made straight.  Unicode data
 * comes from utf8proc; the ASCII fast path covers most English tokens and
 * never calls it.  Offsets always refer to the original text: folding and
 * NFC produce separate strings.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Length of a valid UTF-8 sequence at s, or 0 when ill-formed (RFC 3629). */
static size_t utf8_seq_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return c ? 1 : 0; /* NUL is refused too */
    if (c < 0xC2)
        return 0;
    if (c < 0xE0) {
        if (n < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        return 2;
    }
    if (c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[1] < 0xA0)
            return 0; /* overlong */
        if (c == 0xED && s[1] > 0x9F)
            return 0; /* surrogate */
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90)
            return 0;
        if (c == 0xF4 && s[1] > 0x8F)
            return 0;
        return 4;
    }
    return 0;
}

size_t clio_utf8_check(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        /* ASCII fast path, 8 bytes at a time */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            /* any zero byte? */
            if ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        size_t k = utf8_seq_len(s + i, len - i);
        if (!k)
            return i;
        i += k;
    }
    return (size_t)-1;
}

long clio_utf8_repair(const char *text, size_t len, clio_buf *out)
{
    const unsigned char *s = (const unsigned char *)text;
    long replaced = 0;
    size_t i = 0, run = 0;
    if (buf_reserve(out, len))
        return CLIO_ERR_NOMEM;
    while (i < len) {
        size_t k = utf8_seq_len(s + i, len - i);
        if (k) {
            i += k;
            continue;
        }
        if (buf_put(out, text + run, i - run) || buf_put(out, "\xEF\xBF\xBD", 3))
            return CLIO_ERR_NOMEM;
        replaced++;
        /* skip the maximal ill-formed subpart: one lead byte plus its
         * continuation bytes, so one bad sequence gives one U+FFFD */
        i++;
        while (i < len && (s[i] & 0xC0) == 0x80 && !utf8_seq_len(s + i, len - i))
            i++;
        run = i;
    }
    if (buf_put(out, text + run, len - run))
        return CLIO_ERR_NOMEM;
    return replaced;
}

size_t text_decode(const char *s, size_t n, int32_t *cp)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c);
    if (k <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return (size_t)k;
}

static int put_cp(buf *out, int32_t cp)
{
    utf8proc_uint8_t tmp[4];
    utf8proc_ssize_t k = utf8proc_encode_char(cp, tmp);
    return k > 0 ? buf_put(out, tmp, (size_t)k) : 0;
}

/* Letters that lower-casing plus removal of combining marks leave as
 * non-ASCII but that people write in ASCII (facts of Latin orthography). */
static const char *fold_special(int32_t cp)
{
    switch (cp) {
    case 0x0131: return "i";   /* dotless i */
    case 0x0142: return "l";   /* l with stroke */
    case 0x00F8: return "o";   /* o with stroke */
    case 0x00DF: return "ss";  /* sharp s */
    case 0x1E9E: return "ss";
    case 0x0111: return "d";   /* d with stroke */
    case 0x00F0: return "d";   /* eth */
    case 0x00FE: return "th";  /* thorn */
    case 0x00E6: return "ae";
    case 0x0153: return "oe";
    case 0x0127: return "h";   /* h with stroke */
    case 0x0167: return "t";
    case 0x0140: return "l";
    case 0x0138: return "q";
    case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x2032: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: return "-";
    default: return NULL;
    }
}

int text_fold(const char *s, size_t n, buf *out)
{
    size_t i = 0;
    if (buf_reserve(out, n))
        return -1;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            char lc = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
            if (out->len + 1 >= out->cap && buf_reserve(out, 1))
                return -1;
            out->data[out->len++] = lc;
            i++;
            continue;
        }
        int32_t cp;
        i += text_decode(s + i, n - i, &cp);
        const char *sp = fold_special(cp);
        if (!sp) {
            utf8proc_int32_t dec[32];
            int last = 0;
            utf8proc_ssize_t k = utf8proc_decompose_char(cp, dec, 32,
                UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT, &last);
            if (k < 0 || k > 32) {
                if (put_cp(out, cp))
                    return -1;
                continue;
            }
            for (utf8proc_ssize_t j = 0; j < k; j++) {
                const char *sp2 = fold_special(dec[j]);
                if (sp2 ? buf_puts(out, sp2) : put_cp(out, dec[j]))
                    return -1;
            }
            continue;
        }
        if (buf_puts(out, sp))
            return -1;
    }
    if (out->data)
        out->data[out->len] = 0;
    return 0;
}

int clio_fold(const char *text, size_t len, clio_buf *out)
{
    return text_fold(text, len, out) ? CLIO_ERR_NOMEM : CLIO_OK;
}

int text_nfc(const char *s, size_t n, buf *out)
{
    size_t i;
    for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
        ;
    if (i == n)
        return buf_put(out, s, n);
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (k < 0) {
        free(dst);
        return buf_put(out, s, n); /* cannot happen on validated text */
    }
    int r = buf_put(out, dst, (size_t)k);
    free(dst);
    return r;
}

const char *clio_status_name(int code)
{
    switch (code) {
    case CLIO_OK: return "ok";
    case CLIO_ERR_NOMEM: return "out of memory";
    case CLIO_ERR_IO: return "input/output error";
    case CLIO_ERR_UTF8: return "invalid UTF-8";
    case CLIO_ERR_JSON: return "malformed JSON";
    case CLIO_ERR_DICT: return "malformed dictionary";
    case CLIO_ERR_MODEL: return "missing or corrupt data file";
    case CLIO_ERR_USAGE: return "bad argument";
    case CLIO_ERR_TOO_LARGE: return "input too large";
    case CLIO_ERR_INPUT: return "unusable input";
    default: return "unknown error";
    }
}
