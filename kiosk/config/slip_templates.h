#pragma once
// Slip templates (config/slips/*.json, built in; a hospital may override them in a directory of
// its own). Parsed strictly: an unknown key or a wrong type names the line and the key.

#include <QByteArray>
#include <QString>

#include "common/error.h"
#include "printer/slip.h"

namespace lobby::config {

Result<printer::SlipTemplate> parseSlipTemplate(const QByteArray& json);
// "checkin" -> overrideDir/checkin.json if it exists, else the built-in one.
Result<printer::SlipTemplate> loadSlipTemplate(const QString& kind,
                                               const QString& overrideDir = {});

}  // namespace lobby::config
