#pragma once

#include <QString>

namespace lobby::logging {

// Installs the message handler: journald when stderr is connected to the journal (systemd sets
// $JOURNAL_STREAM), plain lines on stderr otherwise. `level` is "debug", "info" or "warning".
void install(const QString& level);

// The newest warning or error logged ("2026-11-22T10:00:00Z lobby.driver.printer: paper out"),
// for the heartbeat's last_error; empty when there has been none. Logs never hold personal data.
QString lastProblem();

// True when messages go to journald.
bool usingJournal();

}  // namespace lobby::logging
