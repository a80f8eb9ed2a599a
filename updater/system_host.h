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

}  // namespace lobby::updater
