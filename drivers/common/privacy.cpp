#include "common/privacy.h"

#include <algorithm>
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

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isUpper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool isMobile(std::string_view digits) {
    return digits.size() == 11 && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
}

// Whether `text` at `at` goes on " 1234 5678" or "-1234-5678" (the rest of 138 1234 5678),
// with no digit after.
bool continuesAsSpacedMobile(std::string_view text, size_t at) {
    if (at + 10 > text.size() || (text[at] != ' ' && text[at] != '-') || text[at + 5] != text[at])
        return false;
    const auto digits = [&](size_t from) {
        return std::all_of(text.begin() + static_cast<long>(from),
                           text.begin() + static_cast<long>(from) + 4, isDigit);
    };
    return digits(at + 1) && digits(at + 6) && (at + 10 == text.size() || !isDigit(text[at + 10]));
}

// Full-width digits, X and + (U+FF10..FF19, U+FF38, U+FF58, U+FF0B) as their ASCII forms.
std::string asciiDigits(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
        if (i + 2 < text.size() && byte(0) == 0xEF) {
            if (byte(1) == 0xBC && byte(2) >= 0x90 && byte(2) <= 0x99) {
                out += static_cast<char>('0' + (byte(2) - 0x90));
                i += 2;
                continue;
            }
            if ((byte(1) == 0xBC && byte(2) == 0xB8) || (byte(1) == 0xBD && byte(2) == 0x98)) {
                out += byte(1) == 0xBC ? 'X' : 'x';
                i += 2;
                continue;
            }
            if (byte(1) == 0xBC && byte(2) == 0x8B) {
                out += '+';
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

}  // namespace

std::string scrubPersonalData(std::string_view original) {
    const std::string text = asciiDigits(original);
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        if (!isDigit(text[i]) || (i > 0 && isDigit(text[i - 1]))) {
            out += text[i++];
            continue;
        }
        size_t end = i;
        while (end < text.size() && isDigit(text[end]))
            ++end;
        const std::string_view run(text.data() + i, end - i);
        const bool checkX =
            run.size() == 17 && end < text.size() && (text[end] == 'X' || text[end] == 'x');
        if (run.size() == 18 || checkX) {
            out += maskIdNumber(std::string_view(text.data() + i, 18));
            i += 18;
            continue;
        }
        const bool countryCoded =
            (run.size() == 13 && run.substr(0, 2) == "86" && isMobile(run.substr(2))) ||
            (run.size() == 15 && run.substr(0, 4) == "0086" && isMobile(run.substr(4)));
        const bool afterThreeCapitals =
            out.size() >= 3 && isUpper(out[out.size() - 1]) && isUpper(out[out.size() - 2]) &&
            isUpper(out[out.size() - 3]) && (out.size() == 3 || !isUpper(out[out.size() - 4]));
        if (isMobile(run)) {
            out += maskPhone(run);
        } else if (countryCoded) {
            const size_t prefix = run.size() - 11;
            out += std::string(run.substr(0, prefix)) + maskPhone(run.substr(prefix));
        } else if (run.size() == 15) {
            out += keepEnds(run, 4, 3, 15);  // a first-generation resident ID number
        } else if (run.size() == 12 && afterThreeCapitals) {
            out += keepEnds(run, 0, 2, 12);  // a foreign permanent-residence number (2004 form)
        } else if (run.size() == 3 && run[0] == '1' && run[1] >= '3' && run[1] <= '9' &&
                   continuesAsSpacedMobile(text, end)) {
            // 138-1234-5678 / 138 1234 5678: the middle four hidden.
            out += std::string(run) + text[end] + "****" + text.substr(end + 5, 5);
            i = end + 10;
            continue;
        } else {
            out += run;
        }
        i = end;
    }
    return out;
}

}  // namespace lobby::privacy
