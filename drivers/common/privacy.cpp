#include "common/privacy.h"

#include <vector>

namespace lobby::privacy {
namespace {

std::string keepEnds(std::string_view text, size_t keepHead, size_t keepTail, size_t minLength) {
    if (text.size() < minLength) return std::string(text.size(), '*');
    std::string masked(text.substr(0, keepHead));
    masked.append(text.size() - keepHead - keepTail, '*');
    masked.append(text.substr(text.size() - keepTail));
    return masked;
}

// Splits UTF-8 into code points; an invalid lead or continuation byte counts as one point so
// that a corrupt name is still masked rather than echoed.
std::vector<std::string_view> codePoints(std::string_view text) {
    std::vector<std::string_view> points;
    size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        size_t length = 1;
        if (lead >= 0xF0) {
            length = 4;
        } else if (lead >= 0xE0) {
            length = 3;
        } else if (lead >= 0xC0) {
            length = 2;
        }
        if (i + length > text.size()) length = 1;
        for (size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
                length = 1;
                break;
            }
        }
        points.push_back(text.substr(i, length));
        i += length;
    }
    return points;
}

}  // namespace

std::string maskIdNumber(std::string_view idNumber) {
    return keepEnds(idNumber, 4, 4, 10);
}

std::string maskPhone(std::string_view phone) {
    return keepEnds(phone, 3, 4, 8);
}

std::string maskName(std::string_view name) {
    const auto points = codePoints(name);
    if (points.size() <= 1) return std::string(points.size(), '*');
    std::string masked(points.front());
    if (points.size() == 2) return masked + "*";
    masked.append(points.size() - 2, '*');
    masked.append(points.back());
    return masked;
}

}  // namespace lobby::privacy
