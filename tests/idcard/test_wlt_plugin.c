/* A stand-in for a vendor's WLT decoder, to test the plug-in point: "decodes" a 1024-byte blob
   into a 1x1 24-bit BMP whose pixel is the blob's first three bytes. */
#include <stddef.h>
#include <string.h>

int lobby_wlt_decode(const unsigned char* wlt, size_t wlt_length, unsigned char* bmp,
                     size_t bmp_capacity, size_t* bmp_length) {
    static const unsigned char header[54] = {
        'B', 'M', 58, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, /* file header: size 58, data at 54 */
        40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0,            /* info header: 1x1 */
        1, 0, 24, 0, 0, 0, 0, 0, 4, 0, 0, 0,            /* 1 plane, 24 bpp, 4 bytes of pixels */
        0x13, 0x0B, 0, 0, 0x13, 0x0B, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    if (wlt_length != 1024 || bmp_capacity < 58) return 1;
    memcpy(bmp, header, sizeof header);
    memcpy(bmp + 54, wlt, 3);
    bmp[57] = 0;
    *bmp_length = 58;
    return 0;
}
