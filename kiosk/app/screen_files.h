#pragma once
// Which QML file of Lobby.Screens draws each screen the session names (core/screen_registry).

#include <QStringList>
#include <QUrl>

namespace lobby::app {

class ScreenFiles {
public:
    static QUrl forScreen(const QString& screen);
    // Every screen's file once (the self-test creates each).
    static QStringList allUrls();
};

}  // namespace lobby::app
