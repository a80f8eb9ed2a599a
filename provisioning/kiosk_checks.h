#pragma once
// What `kioskctl status` and `kioskctl selftest` look at: the kiosk's configuration, enrollment,
// platform, scene, journal and each configured device, one Check each. A device the
// configuration names is required: its failure fails the self-test.

#include <QList>
#include <QString>
#include <optional>

#include "config/settings.h"
#include "platform/health_file.h"

namespace lobby::ctl {

struct Check {
    QString name;  // "printer", "enrollment", ...
    bool required = false;
    bool ok = false;
    QString detail;  // plain words for a technician; never personal data
};

// The running kiosk, from the health report it keeps (`health.report_path`): "kiosk" passes
// when the report is fresh, and the report is handed back for the device checks. A report
// older than `kStaleAfter_s`, missing, a link or malformed means the kiosk is not running (or
// is hung): a warning, never a failure, since a technician may have stopped it.
struct RunningKiosk {
    Check check;
    std::optional<platform::HealthSnapshot> report;  // only when fresh
};
inline constexpr long kStaleAfter_s = 30;
RunningKiosk runningKiosk(const config::Settings& settings, long now_s);

// Enrollment, platform reachability, scene version, journal.
QList<Check> terminalChecks(const config::Settings& settings);
// Each configured device present and answering (the printer: its state, paper included). While
// the kiosk runs it holds the devices (a serial reader is opened exclusively), so its own view
// from `running` is what is reported; otherwise each device is asked directly.
QList<Check> deviceChecks(const config::Settings& settings,
                          const std::optional<platform::HealthSnapshot>& running = std::nullopt);

}  // namespace lobby::ctl
