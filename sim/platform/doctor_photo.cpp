#include "sim/platform/doctor_photo.h"

#include <zlib.h>

#include <cstdint>
#include <functional>
#include <vector>

namespace lobby::sim {
namespace {

void putBigEndian(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((value >> shift) & 0xFF);
}

void putChunk(std::string& out, const char* type, const std::string& data) {
    putBigEndian(out, static_cast<std::uint32_t>(data.size()));
    const std::string typed = std::string(type, 4) + data;
    out += typed;
    putBigEndian(out,
                 static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(typed.data()),
                                                  static_cast<uInt>(typed.size()))));
}

}  // namespace

std::string doctorPhotoPng(const std::string& doctorId, int size) {
    const std::size_t hash = std::hash<std::string>{}(doctorId);
    const unsigned char background[3] = {static_cast<unsigned char>(150 + hash % 80),
                                         static_cast<unsigned char>(170 + (hash >> 8) % 70),
                                         static_cast<unsigned char>(190 + (hash >> 16) % 60)};
    const unsigned char figure[3] = {255, 255, 255};
    std::vector<unsigned char> raw;
    raw.reserve(static_cast<std::size_t>(size) * (size * 3 + 1));
    const double c = size / 2.0;
    for (int y = 0; y < size; ++y) {
        raw.push_back(0);  // filter: none
        for (int x = 0; x < size; ++x) {
            const double dx = x - c, headDy = y - size * 0.38, bodyDy = y - size * 1.0;
            const bool head = dx * dx + headDy * headDy < (size * 0.18) * (size * 0.18);
            const bool body = dx * dx + bodyDy * bodyDy < (size * 0.42) * (size * 0.42);
            const unsigned char* colour = head || body ? figure : background;
            raw.insert(raw.end(), colour, colour + 3);
        }
    }
    uLongf compressedSize = compressBound(static_cast<uLong>(raw.size()));
    std::string compressed(compressedSize, '\0');
    compress(reinterpret_cast<Bytef*>(compressed.data()), &compressedSize, raw.data(),
             static_cast<uLong>(raw.size()));
    compressed.resize(compressedSize);

    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string header;
    putBigEndian(header, static_cast<std::uint32_t>(size));
    putBigEndian(header, static_cast<std::uint32_t>(size));
    header += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, no interlace
    putChunk(png, "IHDR", header);
    putChunk(png, "IDAT", compressed);
    putChunk(png, "IEND", "");
    return png;
}

}  // namespace lobby::sim
