// kioskctl device a4 status [--queue Q] [--server HOST:PORT]
// kioskctl device a4 test   [--queue Q] [--server HOST:PORT]
// status prints {"state", "reasons", "marker_levels", "accepting", "duplex", "device_uri",
// "source"}: from the printer itself over IPP when the queue's device is ipp(s)://, else from
// CUPS. test prints a one-page test page and says how many pages the printer counted.

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

#include "commands.h"
#include "printer/a4_printer.h"
#include "printer/a4_test_page.h"

namespace lobby::ctl {
namespace {

using std::chrono::seconds;

int usage() {
    std::fputs("usage: kioskctl device a4 status|test [--queue Q] [--server HOST:PORT]\n", stderr);
    return kExitUsage;
}

int fail(const Error& error) {
    std::fprintf(stderr, "kioskctl: %s\n", error.message.c_str());
    return kExitFailed;
}

void print(const QJsonObject& json) {
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
}

}  // namespace

int a4Command(const QStringList& args) {
    if (args.isEmpty() || (args[0] != "status" && args[0] != "test")) return usage();
    printer::CupsQueue queue{"", "a4"};
    for (int i = 1; i < args.size(); i += 2) {
        if (i + 1 >= args.size()) return usage();
        if (args[i] == "--queue")
            queue.name = args[i + 1].toStdString();
        else if (args[i] == "--server")
            queue.server = args[i + 1].toStdString();
        else
            return usage();
    }
    auto status = printer::queryA4(queue, seconds(5));
    if (!status) return fail(status.error());
    if (args[0] == "status") {
        QJsonArray reasons, levels;
        for (const auto& reason : status->reasons)
            reasons.append(QString::fromStdString(reason));
        for (const int level : status->markerLevels)
            levels.append(level);
        print({{"state", QString::fromLatin1(printer::toString(status->state).data())},
               {"reasons", reasons},
               {"marker_levels", levels},
               {"accepting", status->accepting},
               {"duplex", status->duplex},
               {"device_uri", QString::fromStdString(status->deviceUri)},
               {"source", status->fromPrinter ? "printer" : "cups"}});
        return kExitOk;
    }
    if (!printer::a4CanPrint(status->state)) {
        return fail(
            makeError(ErrorKind::Unavailable, "printer.not_ready",
                      std::string("the A4 printer is ") + printer::toString(status->state).data()));
    }
    auto page = printer::checkPdf(printer::a4TestPage(
        qEnvironmentVariable("LOBBY_TERMINAL_ID", "KIOSK").toStdString(),
        QDateTime::currentDateTime().toString("yyyy-MM-dd HH:mm").toStdString()));
    if (!page) return fail(page.error());
    printer::A4Printer a4(queue);
    auto printed = a4.print(page.value(), "a4-test-page", false, seconds(90));
    if (!printed) return fail(printed.error());
    print({{"printed", true}, {"pages", printed->pages}, {"attempts", printed->attempts}});
    return kExitOk;
}

}  // namespace lobby::ctl
