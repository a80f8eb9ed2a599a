#pragma once
// The updater's clock and disk on a real kiosk: wall-clock milliseconds (assignments expire by the
// platform's wall clock), the local minute of day for the install window, statvfs for free space.

#include "update/update_ports.h"

namespace lobby::updater {

class SystemHost final : public update::UpdateHost {
public:
    std::int64_t now_ms() override;
    int localMinuteOfDay() override;
    std::uint64_t freeBytes(const std::string& directory) override;
};

// Whether this program's file was replaced since it started (a release installed a new updater:
// /proc/self/exe then names a deleted file). The updater then ends between installs, and systemd
// (Restart=always) starts the new one, so a fix to the updater itself takes effect at once.
bool executableReplaced();

}  // namespace lobby::updater
