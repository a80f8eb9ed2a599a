#include "update/dpkg_status.h"

#include <algorithm>

#include "update/debian_version.h"

namespace lobby::update {
namespace {

bool isPackageName(std::string_view name) {
    return name.size() >= 2 && name.size() <= 64 &&
           std::all_of(name.begin(), name.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
                      c == '.';
           });
}

}  // namespace

std::vector<std::pair<std::string, std::string>> installedPackages(std::string_view status,
                                                                   std::string_view prefix) {
    std::vector<std::pair<std::string, std::string>> found;
    std::string name, version, state;
    const auto finish = [&] {
        if (state == "install ok installed" && name.rfind(prefix, 0) == 0 && isPackageName(name) &&
            version.size() <= 64 && isDebianVersion(version) && found.size() < kMaxReportedPackages)
            found.emplace_back(name, version);
        name.clear();
        version.clear();
        state.clear();
    };
    std::size_t at = 0;
    while (at < status.size()) {
        const std::size_t end = std::min(status.find('\n', at), status.size());
        const std::string_view line = status.substr(at, end - at);
        at = end + 1;
        if (line.empty()) {
            finish();
            continue;
        }
        const auto field = [&](std::string_view key, std::string& into) {
            if (line.size() > key.size() + 1 && line.substr(0, key.size()) == key &&
                line[key.size()] == ':') {
                std::string_view value = line.substr(key.size() + 1);
                while (!value.empty() && value.front() == ' ')
                    value.remove_prefix(1);
                into = std::string(value);
            }
        };
        field("Package", name);
        field("Version", version);
        field("Status", state);
    }
    finish();
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace lobby::update
