// kioskctl device scanner watch --serial PATH [--baud N] | --evdev PATH
//                               [--suffix enter|tab] [--rules SPEC] [--count N] [--show]
// Prints one JSON line per scan: its kind by the prefix rules, its length, and its text masked
// (payment codes and e-vouchers are personal) unless --show is given.

#include <QJsonDocument>
#include <QJsonObject>
#include <csignal>
#include <cstdio>

#include "commands.h"
#include "common/privacy.h"
#include "scanner/scan_rules.h"
#include "scanner/scan_source.h"

namespace lobby::ctl {
namespace {

constexpr const char* kDefaultRules =
    "evoucher=YBPZ;visit_card=JZK;payment_code=10,11,12,13,14,15,25,26,27,28,29,30";

volatile std::sig_atomic_t g_stop = 0;

int usage() {
    std::fputs(
        "usage: kioskctl device scanner watch --serial PATH [--baud N] | --evdev PATH\n"
        "                                     [--suffix enter|tab] [--rules SPEC] [--count N] "
        "[--show]\n",
        stderr);
    return kExitUsage;
}

}  // namespace

int scannerCommand(const QStringList& args) {
    if (args.isEmpty() || args[0] != "watch") return usage();
    std::string serial, evdev, rulesSpec = kDefaultRules, suffixName = "enter";
    int baud = 9600, count = 0;
    bool show = false, ok = true;
    for (int i = 1; ok && i < args.size(); ++i) {
        const bool hasValue = i + 1 < args.size();
        if (args[i] == "--serial" && hasValue) {
            serial = args[++i].toStdString();
        } else if (args[i] == "--evdev" && hasValue) {
            evdev = args[++i].toStdString();
        } else if (args[i] == "--baud" && hasValue) {
            baud = args[++i].toInt(&ok);
        } else if (args[i] == "--rules" && hasValue) {
            rulesSpec = args[++i].toStdString();
        } else if (args[i] == "--suffix" && hasValue) {
            suffixName = args[++i].toStdString();
        } else if (args[i] == "--count" && hasValue) {
            count = args[++i].toInt(&ok);
        } else if (args[i] == "--show") {
            show = true;
        } else {
            ok = false;
        }
    }
    if (!ok || serial.empty() == evdev.empty()) return usage();
    auto rules = scanner::parseRules(rulesSpec);
    if (!rules) {
        std::fprintf(stderr, "kioskctl: %s\n", rules.error().message.c_str());
        return kExitInvalid;
    }
    auto suffix = scanner::parseSuffix(suffixName);
    if (!suffix) {
        std::fprintf(stderr, "kioskctl: %s\n", suffix.error().message.c_str());
        return kExitInvalid;
    }
    auto source = serial.empty() ? scanner::openEvdevScanner(evdev, suffix.value())
                                 : scanner::openSerialScanner(serial, baud, suffix.value());
    if (!source) {
        std::fprintf(stderr, "kioskctl: %s\n", source.error().message.c_str());
        return kExitFailed;
    }
    std::signal(SIGINT, [](int) { g_stop = 1; });
    std::signal(SIGTERM, [](int) { g_stop = 1; });
    int seen = 0;
    while (g_stop == 0 && (count == 0 || seen < count)) {
        auto scan = source.value()->next(std::chrono::milliseconds(250));
        if (!scan) {
            std::fprintf(stderr, "kioskctl: %s\n", scan.error().message.c_str());
            return kExitFailed;
        }
        if (!scan->has_value()) continue;
        ++seen;
        auto token = scanner::classify(rules.value(), std::move(**scan));
        QJsonObject json;
        if (token) {
            const std::string& value = token->value;
            json = {{"kind", QString::fromStdString(std::string(scanner::toString(token->kind)))},
                    {"length", static_cast<int>(value.size())},
                    {"value", QString::fromStdString(show ? value : privacy::maskIdNumber(value))}};
        } else {
            json = {{"error", QString::fromStdString(token.error().code)},
                    {"message", QString::fromStdString(token.error().message)}};
        }
        std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
    }
    return kExitOk;
}

}  // namespace lobby::ctl
