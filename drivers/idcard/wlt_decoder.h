#pragma once
// The ID card photo arrives as a 1024-byte WLT blob that only a licensed vendor library can
// decode. The kiosk loads such a library by path (devices.idcard.wlt_decoder in kiosk.json) if
// the hospital installed one; otherwise it shows a placeholder image.
//
// The plug-in's C signature (see docs/idcard-photo-plugin.md):
//
//   /* Decodes `wlt` into a BMP image written to `bmp` (capacity `bmp_capacity`), setting
//      *bmp_length. Returns 0 on success, non-zero on failure. Must be thread-safe. */
//   int lobby_wlt_decode(const unsigned char* wlt, size_t wlt_length,
//                        unsigned char* bmp, size_t bmp_capacity, size_t* bmp_length);

#include <memory>
#include <string>

#include "idcard/sam_protocol.h"

namespace lobby::idcard {

inline constexpr const char* kWltDecodeSymbol = "lobby_wlt_decode";
inline constexpr std::size_t kMaxPhotoBmp_bytes = 64 * 1024;  // 102x126x24-bit BMP is ~38 KiB

class WltDecoder {
public:
    static Result<std::unique_ptr<WltDecoder>> load(const std::string& libraryPath);
    ~WltDecoder();

    Result<Bytes> decode(std::span<const std::uint8_t> wlt) const;

private:
    using DecodeFunction = int (*)(const unsigned char*, std::size_t, unsigned char*, std::size_t,
                                   std::size_t*);
    WltDecoder(void* handle, DecodeFunction function) : handle_(handle), decode_(function) {}
    void* handle_;
    DecodeFunction decode_;
};

}  // namespace lobby::idcard
