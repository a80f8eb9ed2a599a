// kioskctl: install, check and steer a kiosk from a shell.
//   kioskctl config validate FILE   check a kiosk.json; names the bad key and exits 2 if invalid
//   kioskctl config schema          print the JSON schema of kiosk.json
//   kioskctl version

#include <QCoreApplication>
#include <QStringList>
#include <cstdio>

#include "config/settings.h"

namespace {

int usage() {
    std::fputs(
        "usage: kioskctl config validate FILE\n"
        "       kioskctl config schema\n"
        "       kioskctl version\n",
        stderr);
    return 64;  // EX_USAGE
}

int validateConfig(const QString& path) {
    auto settings = lobby::config::Settings::load(path);
    if (!settings) {
        std::fprintf(stderr, "kioskctl: %s\n", settings.error().message.c_str());
        return 2;
    }
    std::printf("%s: valid\n", qPrintable(path));
    return 0;
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args == QStringList{"version"}) {
        std::printf("kioskctl %s\n", LOBBY_VERSION);
        return 0;
    }
    if (args.size() == 2 && args[0] == "config" && args[1] == "schema") {
        std::fputs(lobby::config::jsonSchema().constData(), stdout);
        return 0;
    }
    if (args.size() == 3 && args[0] == "config" && args[1] == "validate") {
        return validateConfig(args[2]);
    }
    return usage();
}
