// lobby-kiosk: the composition root's entry point. Reads the configuration (refusing to start
// on an invalid one), installs logging, builds the services and shows the UI.

#include <QtQml/qqmlextensionplugin.h>
#include <QDateTime>
#include <QFile>
#include <QGuiApplication>
#include <cstdio>
#include <cstring>

#include "app/app_options.h"
#include "app/composition_root.h"
#include "config/settings.h"
#include "core/process_memory.h"
#include "logging/categories.h"
#include "logging/log_setup.h"

Q_IMPORT_QML_PLUGIN(Lobby_CorePlugin)
Q_IMPORT_QML_PLUGIN(Lobby_JourneysPlugin)
Q_IMPORT_QML_PLUGIN(Lobby_ComponentsPlugin)
Q_IMPORT_QML_PLUGIN(Lobby_ScreensPlugin)
Q_IMPORT_QML_PLUGIN(Lobby_AppPlugin)

namespace {

// Without a GPU the offscreen platform needs Qt Quick's software renderer.
void preferSoftwareRendererOffscreen() {
    if (qgetenv("QT_QPA_PLATFORM") == "offscreen" &&
        qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND")) {
        qputenv("QT_QUICK_BACKEND", "software");
    }
}

lobby::Result<lobby::config::Settings> loadSettings(const lobby::app::AppOptions& options) {
    using lobby::config::Settings;
    const QString path = Settings::resolvePath(options.configPath);
    const bool explicitPath = !options.configPath.isEmpty() ||
                              !qEnvironmentVariableIsEmpty(lobby::config::kConfigPathEnv);
    if (!explicitPath && !QFile::exists(path)) return Settings::defaults();
    auto settings = Settings::load(path);
    if (!settings) return settings;
    using namespace lobby::config::keys;
    if (options.size) {
        if (auto s = settings->set(kDisplayWidth, options.size->width()); !s) return s.error();
        if (auto s = settings->set(kDisplayHeight, options.size->height()); !s) return s.error();
    }
    if (options.windowed) {
        if (auto s = settings->set(kDisplayFullscreen, false); !s) return s.error();
    }
    return settings;
}

}  // namespace

int main(int argc, char* argv[]) {
    const qint64 mainEntered_ms = QDateTime::currentMSecsSinceEpoch();
    // Needs no display: answered before any GUI is set up.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--print-config-schema") == 0) {
            std::fputs(lobby::config::jsonSchema().constData(), stdout);
            return 0;
        }
    }
    lobby::core::keepLargeBuffersOutOfHeap();
    preferSoftwareRendererOffscreen();
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("lobby-kiosk"));
    QGuiApplication::setApplicationVersion(QStringLiteral(LOBBY_VERSION));

    auto options = lobby::app::parseOptions(QGuiApplication::arguments());
    if (!options) return 2;
    options->mainEntered_ms = mainEntered_ms;

    auto settings = loadSettings(*options);
    if (!settings) {
        std::fprintf(stderr, "lobby-kiosk: invalid configuration: %s\n",
                     settings.error().message.c_str());
        return 2;
    }
    lobby::logging::install(settings->stringValue(lobby::config::keys::kLogLevel));
    qCInfo(lcKiosk) << "lobby-kiosk" << LOBBY_VERSION << "starting";
    for (const QString& line : settings->describeForLog())
        qCInfo(lcConfig).noquote() << line;

    lobby::app::CompositionRoot root(settings.value(), *options);
    if (options->selfTest) return root.runSelfTest();
    if (!root.start()) return 1;
    return QGuiApplication::exec();
}
