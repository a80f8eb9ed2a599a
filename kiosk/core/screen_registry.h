#pragma once
// Which QML screen shows which session state. The QML side only loads the URL it is given.

#include <QString>
#include <QStringList>

#include "core/session_machine.h"

namespace lobby::core {

struct ScreenEntry {
    SessionState state;
    QString name;  // stable, used in screenshots' file names and e2e journeys
    QString url;   // qrc URL inside the Lobby.Screens module
};

class ScreenRegistry {
public:
    static const ScreenEntry& forState(SessionState state);
    static QStringList allUrls();
};

}  // namespace lobby::core
