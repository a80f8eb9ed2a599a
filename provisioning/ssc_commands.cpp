// kioskctl device ssc read|watch [--reader NAME] [--timeout-ms N]
// Prints the social-security card as one JSON object (read) or one JSON line per insertion and
// removal (watch).

#include <unistd.h>
#include <QJsonDocument>
#include <QJsonObject>
#include <csignal>
#include <cstdio>

#include "commands.h"
#include "smartcard/ssc_watcher.h"

namespace lobby::ctl {
namespace {

QString utf8(const std::string& text) {
    return QString::fromStdString(text);
}

QJsonObject cardJson(const smartcard::SscCard& card) {
    return {{"card_number", utf8(card.cardNumber)},
            {"card_id_code", utf8(card.cardIdCode)},
            {"name", utf8(card.name)},
            {"id_number", utf8(card.idNumber)},
            {"sex", utf8(std::string(smartcard::toString(card.sex)))},
            {"nation", utf8(card.nation)},
            {"birth_date", utf8(card.birthDate.iso())},
            {"birthplace_code", utf8(card.birthplaceCode)},
            {"issue_date", utf8(card.issueDate.iso())},
            {"expiry_date", utf8(card.expiryDate.iso())}};
}

void printLine(const QJsonObject& json) {
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

volatile std::sig_atomic_t g_stop = 0;

}  // namespace

int sscCommand(const QStringList& args) {
    std::optional<std::string> reader;
    int timeout_ms = 10'000;
    bool ok = !args.isEmpty() && (args[0] == "read" || args[0] == "watch");
    for (int i = 1; ok && i < args.size(); ++i) {
        if (args[i] == "--reader" && i + 1 < args.size()) {
            reader = args[++i].toStdString();
        } else if (args[i] == "--timeout-ms" && i + 1 < args.size()) {
            timeout_ms = args[++i].toInt(&ok);
        } else {
            ok = false;
        }
    }
    if (!ok) {
        std::fputs("usage: kioskctl device ssc read|watch [--reader NAME] [--timeout-ms N]\n",
                   stderr);
        return kExitUsage;
    }
    if (args[0] == "read") {
        auto card = smartcard::readSscCardOnce(reader, std::chrono::milliseconds(timeout_ms));
        if (!card) {
            std::fprintf(stderr, "kioskctl: %s\n", card.error().message.c_str());
            return kExitFailed;
        }
        printLine(cardJson(card.value()));
        return kExitOk;
    }
    std::signal(SIGINT, [](int) { g_stop = 1; });
    std::signal(SIGTERM, [](int) { g_stop = 1; });
    smartcard::SscEvents events;
    events.cardRead = [](const smartcard::SscCard& card) {
        QJsonObject json = cardJson(card);
        json.insert("event", "inserted");
        printLine(json);
    };
    events.cardUnreadable = [](const Error& error) {
        printLine(
            {{"event", "inserted"}, {"error", utf8(error.code)}, {"message", utf8(error.message)}});
    };
    events.cardRemoved = [](const std::string&) { printLine({{"event", "removed"}}); };
    events.serviceHealth = [](bool available, const Error* error) {
        QJsonObject json{{"event", available ? "service_up" : "service_down"}};
        if (error != nullptr) json.insert("message", utf8(error->message));
        printLine(json);
    };
    smartcard::SscWatchOptions options;
    options.reader = reader;
    smartcard::SscWatcher watcher(options, events);
    watcher.start();
    while (g_stop == 0)
        ::pause();
    return kExitOk;
}

}  // namespace lobby::ctl
