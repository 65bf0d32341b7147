#include "base64.h"

#include <stdlib.h>
#include <string.h>

static const char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

char *base64_encode(const unsigned char *data, size_t length) {
    char *text = malloc((length + 2) / 3 * 4 + 1), *out = text;
    if (!text)
        return NULL;
    for (size_t i = 0; i < length; i += 3) {
        unsigned long group = (unsigned long)data[i] << 16;
        if (i + 1 < length) group |= (unsigned long)data[i + 1] << 8;
        if (i + 2 < length) group |= data[i + 2];
        *out++ = ALPHABET[group >> 18 & 63];
        *out++ = ALPHABET[group >> 12 & 63];
        *out++ = i + 1 < length ? ALPHABET[group >> 6 & 63] : '=';
        *out++ = i + 2 < length ? ALPHABET[group & 63] : '=';
    }
    *out = '\0';
    return text;
}

unsigned char *base64_decode(const char *text, size_t *length) {
    size_t n = strlen(text);
    if (n % 4 != 0)
        return NULL;
    size_t padding = n == 0 ? 0 : (text[n - 1] == '=') + (text[n - 2] == '=');
    unsigned char *data = malloc(n / 4 * 3 + 1);
    if (!data)
        return NULL;
    for (size_t i = 0; i < n; i += 4) {
        unsigned long group = 0;
        for (size_t j = 0; j < 4; j++) {
            const char *at = strchr(ALPHABET, text[i + j]);
            int pad_allowed = i + 4 == n && j >= 4 - padding;
            if (text[i + j] == '=' ? !pad_allowed : (!at || !text[i + j] || pad_allowed)) {
                free(data);
                return NULL;
            }
            group = group << 6 | (text[i + j] == '=' ? 0 : (unsigned long)(at - ALPHABET));
        }
        data[i / 4 * 3] = group >> 16;
        data[i / 4 * 3 + 1] = group >> 8;
        data[i / 4 * 3 + 2] = group;
    }
    *length = n / 4 * 3 - padding;
    return data;
}
