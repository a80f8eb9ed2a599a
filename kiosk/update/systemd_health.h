#pragma once
// The updater's HealthProbe on a real kiosk: `systemctl try-restart` to start what was installed,
// systemd's view of the kiosk's unit (`systemctl show`:
// active only once the kiosk said READY, NRestarts counting its automatic restarts, Result
// "watchdog" after a missed WATCHDOG=1), `kioskctl selftest`, and the platform as selftest finds
// it. systemctl's output is parsed here, once. Qt-free.

#include <string>
#include <string_view>

#include "update/update_ports.h"

namespace lobby::update {

// `systemctl show UNIT -p ActiveState -p SubState -p NRestarts -p Result` → a sample; a line
// missing or malformed makes the unit count as not active.
HealthSample parseSystemctlShow(std::string_view text);

class SystemdHealth : public HealthProbe {
public:
    explicit SystemdHealth(std::string unit = "lobby-kiosk.service",
                           std::string kioskctl = "/usr/bin/kioskctl");
    Status restartKiosk() override;
    HealthSample sample() override;
    Status selftest() override;
    Status platformAnswers() override;

private:
    std::string unit_, kioskctl_;
};

}  // namespace lobby::update
