#include "updater/system_host.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <string_view>

namespace lobby::updater {

std::int64_t SystemHost::now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

int SystemHost::localMinuteOfDay() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return local.tm_hour * 60 + local.tm_min;
}

std::uint64_t SystemHost::freeBytes(const std::string& directory) {
    struct statvfs info {};
    if (::statvfs(directory.c_str(), &info) != 0) return 0;  // unknown: no room to count on
    return static_cast<std::uint64_t>(info.f_bavail) * info.f_frsize;
}

bool executableReplaced() {
    char target[4096];
    const ssize_t length = ::readlink("/proc/self/exe", target, sizeof target - 1);
    if (length <= 0) return false;
    constexpr std::string_view kDeleted = " (deleted)";
    const std::string_view path(target, static_cast<std::size_t>(length));
    return path.size() > kDeleted.size() && path.substr(path.size() - kDeleted.size()) == kDeleted;
}

}  // namespace lobby::updater
