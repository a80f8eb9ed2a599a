#include "updater/system_host.h"

#include <sys/statvfs.h>

#include <chrono>
#include <ctime>

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

}  // namespace lobby::updater
