#include "update/debian_version.h"

#include <cctype>
#include <cstdint>

namespace lobby::update {
namespace {

struct Parts {
    std::uint64_t epoch = 0;
    std::string_view upstream, revision;
};

bool isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isAsciiAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

Parts split(std::string_view version) {
    Parts parts;
    if (const auto colon = version.find(':'); colon != std::string_view::npos) {
        for (char c : version.substr(0, colon))
            parts.epoch = parts.epoch * 10 + static_cast<std::uint64_t>(c - '0');
        version.remove_prefix(colon + 1);
    }
    if (const auto dash = version.rfind('-'); dash != std::string_view::npos) {
        parts.upstream = version.substr(0, dash);
        parts.revision = version.substr(dash + 1);
    } else {
        parts.upstream = version;
    }
    return parts;
}

// dpkg's order of a non-digit character: '~' first, then the end, letters, then the rest.
int order(char c) {
    if (isAsciiAlpha(c)) return c;
    if (c == '~') return -1;
    if (c) return c + 256;
    return 0;
}

int compareFragment(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        int difference = 0;
        while ((i < a.size() && !isAsciiDigit(a[i])) || (j < b.size() && !isAsciiDigit(b[j]))) {
            const int left = order(i < a.size() ? a[i] : '\0');
            const int right = order(j < b.size() ? b[j] : '\0');
            if (left != right) return left - right;
            ++i;
            ++j;
        }
        while (i < a.size() && a[i] == '0')
            ++i;
        while (j < b.size() && b[j] == '0')
            ++j;
        while (i < a.size() && isAsciiDigit(a[i]) && j < b.size() && isAsciiDigit(b[j])) {
            if (!difference) difference = a[i] - b[j];
            ++i;
            ++j;
        }
        if (i < a.size() && isAsciiDigit(a[i])) return 1;
        if (j < b.size() && isAsciiDigit(b[j])) return -1;
        if (difference) return difference;
    }
    return 0;
}

}  // namespace

bool isDebianVersion(std::string_view version) {
    if (version.empty() || version.size() > 128) return false;
    if (const auto colon = version.find(':'); colon != std::string_view::npos) {
        const auto epoch = version.substr(0, colon);
        if (epoch.empty() || epoch.size() > 9) return false;
        for (char c : epoch) {
            if (!isAsciiDigit(c)) return false;
        }
        version.remove_prefix(colon + 1);
    }
    const auto dash = version.rfind('-');
    const auto upstream = version.substr(0, dash);
    if (upstream.empty() || !isAsciiDigit(upstream.front())) return false;
    for (char c : upstream) {
        if (!isAsciiDigit(c) && !isAsciiAlpha(c) && c != '.' && c != '+' && c != '~' && c != '-')
            return false;
    }
    if (dash != std::string_view::npos) {
        const auto revision = version.substr(dash + 1);
        if (revision.empty()) return false;
        for (char c : revision) {
            if (!isAsciiDigit(c) && !isAsciiAlpha(c) && c != '.' && c != '+' && c != '~')
                return false;
        }
    }
    return true;
}

int compareDebianVersions(std::string_view a, std::string_view b) {
    const Parts left = split(a), right = split(b);
    if (left.epoch != right.epoch) return left.epoch < right.epoch ? -1 : 1;
    if (const int upstream = compareFragment(left.upstream, right.upstream)) return upstream;
    return compareFragment(left.revision, right.revision);
}

}  // namespace lobby::update
