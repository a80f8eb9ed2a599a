#pragma once
// What `kioskctl status` and `kioskctl selftest` look at: the kiosk's configuration, enrollment,
// platform, scene, journal and each configured device, one Check each. A device the
// configuration names is required: its failure fails the self-test.

#include <QList>
#include <QString>

#include "config/settings.h"

namespace lobby::ctl {

struct Check {
    QString name;  // "printer", "enrollment", ...
    bool required = false;
    bool ok = false;
    QString detail;  // plain words for a technician; never personal data
};

// Enrollment, platform reachability, scene version, journal.
QList<Check> terminalChecks(const config::Settings& settings);
// Each configured device present and answering (the printer: its state, paper included).
QList<Check> deviceChecks(const config::Settings& settings);

}  // namespace lobby::ctl
