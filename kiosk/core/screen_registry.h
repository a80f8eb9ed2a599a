#pragma once
// Which screen shows which session state, by its stable name (used in screenshots' file names,
// scripted journeys and the voice guide). Which QML file draws a screen is the app's business
// (kiosk/app/screen_files.*): the session knows no QML file.

#include <QString>
#include <QStringList>

#include "core/session_machine.h"

namespace lobby::core {

class ScreenRegistry {
public:
    static QString nameFor(SessionState state);
    static QStringList allNames();
};

}  // namespace lobby::core
