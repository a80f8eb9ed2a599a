#pragma once

#include <QString>

namespace lobby::logging {

// Installs the message handler: journald when stderr is connected to the journal (systemd sets
// $JOURNAL_STREAM), plain lines on stderr otherwise. `level` is "debug", "info" or "warning".
void install(const QString& level);

// True when messages go to journald.
bool usingJournal();

}  // namespace lobby::logging
