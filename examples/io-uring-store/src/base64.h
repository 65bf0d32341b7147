#ifndef BASE64_H
#define BASE64_H
#include <stddef.h>

/* Standard base64 with padding (RFC 4648). Both return a malloc'd buffer, or NULL. */
char *base64_encode(const unsigned char *data, size_t length);
/* NULL on a character outside the alphabet, a length not a multiple of 4 or misplaced padding. */
unsigned char *base64_decode(const char *text, size_t *length);

#endif
