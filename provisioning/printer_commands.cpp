// kioskctl device printer status [--queue Q] [--server HOST:PORT] [--direct HOST:PORT|usb:VID:PID]
// kioskctl device printer test   [--queue Q] [--server HOST:PORT] [--paper 58|80]
// status prints {"state": ..., "reasons": [...], "accepting": ...}: from the printer itself
// (DLE EOT) when --direct is given, otherwise from CUPS's printer-state-reasons.
// kioskctl device a4 status [--queue Q] [--server HOST:PORT]
// kioskctl device a4 test   [--queue Q] [--server HOST:PORT]
// The A4 printer's status prints {"state", "reasons", "marker_levels", "accepting", "duplex",
// "device_uri", "source"}: from the printer itself over IPP when the queue's device is
// ipp(s)://, else from CUPS. test prints a one-page test page and says how many pages the
// printer counted.

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

#include "commands.h"
#include "config/slip_templates.h"
#include "printer/a4_printer.h"
#include "printer/a4_test_page.h"
#include "printer/cups_queue.h"
#include "printer/printer_state.h"
#include "printer/slip.h"

namespace lobby::ctl {
namespace {

using std::chrono::seconds;

int usage() {
    std::fputs(
        "usage: kioskctl device printer status [--queue Q] [--server HOST:PORT] [--direct "
        "HOST:PORT]\n"
        "       kioskctl device printer test [--queue Q] [--server HOST:PORT] [--paper 58|80]\n",
        stderr);
    return kExitUsage;
}

int a4Usage() {
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

int printerCommand(const QStringList& args) {
    if (args.isEmpty() || (args[0] != "status" && args[0] != "test")) return usage();
    printer::PrinterEndpoint endpoint;
    endpoint.queue = {"", "kiosk"};
    for (int i = 1; i < args.size(); ++i) {
        if (i + 1 >= args.size()) return usage();
        const QString value = args[i + 1];
        if (args[i] == "--queue") {
            endpoint.queue.name = value.toStdString();
        } else if (args[i] == "--server") {
            endpoint.queue.server = value.toStdString();
        } else if (args[i] == "--direct") {
            if (auto direct = printer::setDirect(endpoint, value.toStdString()); !direct)
                return fail(direct.error());
        } else if (args[i] == "--paper") {
            auto paper = printer::parsePaperWidth(value.toStdString());
            if (!paper) return usage();
            endpoint.paper = paper.value();
        } else {
            return usage();
        }
        ++i;
    }
    if (args[0] == "status") {
        if (endpoint.tcp || endpoint.usb) {
            auto state = printer::queryState(endpoint, seconds(3));
            if (!state) return fail(state.error());
            print({{"state", QString::fromLatin1(printer::toString(state.value()).data())},
                   {"reasons", QJsonArray{}},
                   {"source", "printer"}});
            return kExitOk;
        }
        auto status = printer::queryQueue(endpoint.queue, seconds(5));
        if (!status) return fail(status.error());
        QJsonArray reasons;
        for (const auto& reason : status->reasons)
            reasons.append(QString::fromStdString(reason));
        print({{"state", QString::fromLatin1(printer::toString(status->printerState).data())},
               {"reasons", reasons},
               {"accepting", status->accepting},
               {"source", "cups"}});
        return kExitOk;
    }
    auto page = config::loadSlipTemplate("test_page");
    if (!page) return fail(page.error());
    const printer::SlipFields fields = {
        {"terminal_id", qEnvironmentVariable("LOBBY_TERMINAL_ID", "KIOSK").toStdString()},
        {"printed_at", QDateTime::currentDateTime().toString("yyyy-MM-dd HH:mm").toStdString()}};
    auto bytes = printer::renderSlip(page.value(), fields, endpoint.paper);
    if (!bytes) return fail(bytes.error());
    auto job = printer::submitRawJob(endpoint.queue, bytes.value(), "test page", seconds(10));
    if (!job) return fail(job.error());
    if (auto done = printer::waitForJob(endpoint.queue, job.value(), seconds(60)); !done)
        return fail(done.error());
    print({{"printed", true}, {"job", job.value()}, {"bytes", static_cast<int>(bytes->size())}});
    return kExitOk;
}

int a4Command(const QStringList& args) {
    if (args.isEmpty() || (args[0] != "status" && args[0] != "test")) return a4Usage();
    printer::CupsQueue queue{"", "a4"};
    for (int i = 1; i < args.size(); i += 2) {
        if (i + 1 >= args.size()) return a4Usage();
        if (args[i] == "--queue")
            queue.name = args[i + 1].toStdString();
        else if (args[i] == "--server")
            queue.server = args[i + 1].toStdString();
        else
            return a4Usage();
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
