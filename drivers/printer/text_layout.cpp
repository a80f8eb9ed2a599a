#include "printer/text_layout.h"

#include "common/charset.h"

namespace lobby::printer {
namespace {

struct Decoded {
    char32_t point;
    std::size_t length;
};

Decoded decodeOne(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    std::size_t length = 1;
    char32_t point = lead;
    if (lead >= 0xF0 && lead < 0xF8) {
        length = 4;
        point = lead & 0x07;
    } else if (lead >= 0xE0) {
        length = 3;
        point = lead & 0x0F;
    } else if (lead >= 0xC0) {
        length = 2;
        point = lead & 0x1F;
    }
    if (length == 1 || at + length > text.size()) {
        return {lead < 0x80 ? static_cast<char32_t>(lead) : char32_t{0xFFFD}, 1};
    }
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[at + k]);
        if ((next & 0xC0) != 0x80) return {0xFFFD, 1};
        point = (point << 6) | (next & 0x3F);
    }
    return {point, length};
}

bool isWide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

}  // namespace

int columnsOf(char32_t c) {
    if (c >= 0x0300 && c <= 0x036F) return 0;
    return isWide(c) ? 2 : 1;
}

int columnsOf(std::string_view utf8) {
    int columns = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const Decoded d = decodeOne(utf8, i);
        columns += columnsOf(d.point);
        i += d.length;
    }
    return columns;
}

std::vector<std::string> wrap(std::string_view utf8, int columns) {
    std::vector<std::string> lines;
    std::string line;
    int width = 0;
    std::size_t lastSpace = std::string::npos;  // byte offset in `line` after which we may break
    int widthAtSpace = 0;
    auto flush = [&] {
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        lines.push_back(line);
        line.clear();
        width = 0;
        lastSpace = std::string::npos;
    };
    for (std::size_t i = 0; i < utf8.size();) {
        const Decoded d = decodeOne(utf8, i);
        const std::string_view bytes = utf8.substr(i, d.length);
        i += d.length;
        if (d.point == '\n') {
            flush();
            continue;
        }
        const int w = columnsOf(d.point);
        if (width + w > columns && !line.empty()) {
            if (d.point == ' ') {
                flush();
                continue;
            }
            if (lastSpace != std::string::npos && !isWide(d.point)) {
                // Move the word after the last space to the next line.
                std::string rest = line.substr(lastSpace);
                line.resize(lastSpace);
                const int restWidth = width - widthAtSpace;
                flush();
                line = rest;
                width = restWidth;
            } else {
                flush();
            }
        }
        if (d.point == ' ' && line.empty()) continue;  // no leading spaces after a wrap
        line.append(bytes);
        width += w;
        if (d.point == ' ' || isWide(d.point)) {
            lastSpace = line.size();
            widthAtSpace = width;
        }
    }
    if (!line.empty()) flush();
    return lines;
}

std::string toGb18030(std::string_view utf8) {
    return convertCharset(utf8, "UTF-8", "GB18030");
}

}  // namespace lobby::printer
