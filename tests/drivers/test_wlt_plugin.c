/* A stand-in for a vendor's WLT decoder, to test the plug-in point: "decodes" a 1024-byte
   blob into a tiny BMP header followed by the blob's first bytes. */
#include <stddef.h>
#include <string.h>

int lobby_wlt_decode(const unsigned char* wlt, size_t wlt_length, unsigned char* bmp,
                     size_t bmp_capacity, size_t* bmp_length) {
    if (wlt_length != 1024 || bmp_capacity < 64) return 1;
    memset(bmp, 0, 64);
    bmp[0] = 'B';
    bmp[1] = 'M';
    memcpy(bmp + 54, wlt, 10);
    *bmp_length = 64;
    return 0;
}
