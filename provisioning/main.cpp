// kioskctl: install, check and steer a kiosk from a shell.
//   kioskctl config validate FILE | config schema
//   kioskctl device idcard read|watch --serial PATH [--baud N] | --usb VID:PID
//   kioskctl device ssc read|watch [--reader NAME] [--timeout-ms N]
//   kioskctl device scanner watch --serial PATH | --evdev PATH [--count N] [--show]
//   kioskctl device printer status|test [--queue Q] [--server HOST:PORT] ...
//   kioskctl device a4 status|test [--queue Q] [--server HOST:PORT]
//   kioskctl enroll --platform URL --token T --ca FILE [--terminal-id ID] [--dir DIR] [--force]
//   kioskctl scene validate|keygen|sign|verify|push ...   (see scene_commands.cpp)
//   kioskctl release manifest|keygen|sign|verify ...      (see release_commands.cpp)
//   kioskctl status | selftest [--config FILE] [--json]
//   kioskctl diag bundle OUT.tar.gz [--config FILE]
//   kioskctl reset --factory --yes [--discard-unsettled] [--config FILE]
//   kioskctl maintenance pin-hash   (the technician PIN on stdin)
//   kioskctl version

#include <QCoreApplication>
#include <cstdio>

#include "commands.h"

namespace {

int usage() {
    std::fputs(
        "usage: kioskctl config validate FILE\n"
        "       kioskctl config schema\n"
        "       kioskctl device idcard read|watch --serial PATH [--baud N] | --usb VID:PID\n"
        "       kioskctl device ssc read|watch [--reader NAME] [--timeout-ms N]\n"
        "       kioskctl device scanner watch --serial PATH | --evdev PATH [--count N] [--show]\n"
        "       kioskctl device printer status|test [--queue Q] [--server HOST:PORT] ...\n"
        "       kioskctl device a4 status|test [--queue Q] [--server HOST:PORT]\n"
        "       kioskctl enroll --platform URL --token T --ca FILE [--terminal-id ID] [--dir DIR] "
        "[--force]\n"
        "       kioskctl scene validate|keygen|sign|verify|push ...\n"
        "       kioskctl release manifest|keygen|sign|verify ...\n"
        "       kioskctl fleet status --platform URL --group G --cert PEM --key PEM --ca PEM "
        "[--json]\n"
        "       kioskctl status | selftest [--config FILE] [--json]\n"
        "       kioskctl diag bundle OUT.tar.gz [--config FILE]\n"
        "       kioskctl reset --factory --yes [--discard-unsettled] [--config FILE]\n"
        "       kioskctl maintenance pin-hash   (the PIN on stdin)\n"
        "       kioskctl version\n",
        stderr);
    return lobby::ctl::kExitUsage;
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args == QStringList{"version"}) {
        std::printf("kioskctl %s\n", LOBBY_VERSION);
        return lobby::ctl::kExitOk;
    }
    if (!args.isEmpty() && args[0] == "config") return lobby::ctl::configCommand(args.mid(1));
    if (!args.isEmpty() && args[0] == "status") return lobby::ctl::statusCommand(args.mid(1));
    if (!args.isEmpty() && args[0] == "selftest") return lobby::ctl::selftestCommand(args.mid(1));
    if (!args.isEmpty() && args[0] == "diag") return lobby::ctl::diagCommand(args.mid(1));
    if (!args.isEmpty() && args[0] == "maintenance")
        return lobby::ctl::maintenanceCommand(args.mid(1));
    if (!args.isEmpty() && args[0] == "reset") return lobby::ctl::resetCommand(args.mid(1));
    if (!args.isEmpty() && args[0] == "scene") return lobby::ctl::sceneCommand(args.mid(1));
    if (!args.isEmpty() && args[0] == "release") return lobby::ctl::releaseCommand(args.mid(1));
    if (!args.isEmpty() && args[0] == "fleet") return lobby::ctl::fleetCommand(args.mid(1));
    if (!args.isEmpty() && args[0] == "enroll") return lobby::ctl::enrollCommand(args.mid(1));
    if (args.size() >= 2 && args[0] == "device" && args[1] == "idcard") {
        return lobby::ctl::idcardCommand(args.mid(2));
    }
    if (args.size() >= 2 && args[0] == "device" && args[1] == "ssc") {
        return lobby::ctl::sscCommand(args.mid(2));
    }
    if (args.size() >= 2 && args[0] == "device" && args[1] == "scanner") {
        return lobby::ctl::scannerCommand(args.mid(2));
    }
    if (args.size() >= 2 && args[0] == "device" && args[1] == "printer") {
        return lobby::ctl::printerCommand(args.mid(2));
    }
    if (args.size() >= 2 && args[0] == "device" && args[1] == "a4") {
        return lobby::ctl::a4Command(args.mid(2));
    }
    return usage();
}
