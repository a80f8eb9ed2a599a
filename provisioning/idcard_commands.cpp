// kioskctl device idcard read|watch --serial PATH [--baud N] | --usb VID:PID
// Prints the card as one JSON object (read) or one JSON line per placement and removal (watch).

#include <QJsonDocument>
#include <QJsonObject>
#include <csignal>
#include <cstdio>
#include <memory>

#include "commands.h"
#include "idcard/id_card_watcher.h"
#include "idcard/sam_reader.h"
#include "idcard/serial_transport.h"
#include "idcard/usb_transport.h"

namespace lobby::ctl {
namespace {

QString utf8(const std::string& text) {
    return QString::fromStdString(text);
}

QJsonObject cardJson(const idcard::IdCard& card) {
    QJsonObject json{
        {"card_type", utf8(std::string(idcard::toString(card.type)))},
        {"name", utf8(card.name)},
        {"sex", utf8(std::string(idcard::toString(card.sex)))},
        {"birth_date", utf8(card.birthDate.iso())},
        {"id_number", utf8(card.idNumber)},
        {"authority", utf8(card.authority)},
        {"valid_from", utf8(card.validFrom.iso())},
        {"valid_to", card.validTo ? utf8(card.validTo->iso()) : QStringLiteral("long-term")},
        {"photo_wlt_base64",
         QString::fromLatin1(
             QByteArray(card.photoWlt.data(), static_cast<qsizetype>(card.photoWlt.size()))
                 .toBase64())},
    };
    if (!card.nameEn.empty()) json.insert("name_en", utf8(card.nameEn));
    if (!card.nation.empty()) json.insert("nation", utf8(card.nation));
    if (!card.address.empty()) json.insert("address", utf8(card.address));
    if (!card.passNumber.empty()) json.insert("pass_number", utf8(card.passNumber));
    if (!card.issueCount.empty()) json.insert("issue_count", utf8(card.issueCount));
    if (!card.nationality.empty()) json.insert("nationality", utf8(card.nationality));
    return json;
}

void printLine(const QJsonObject& json) {
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

int fail(const Error& error) {
    std::fprintf(stderr, "kioskctl: %s\n", error.message.c_str());
    return kExitFailed;
}

struct ReaderArgs {
    std::string serial;
    std::string usb;
    int baud = 115200;
};

std::optional<ReaderArgs> parseReaderArgs(const QStringList& args) {
    ReaderArgs parsed;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == "--serial" && i + 1 < args.size()) {
            parsed.serial = args[++i].toStdString();
        } else if (args[i] == "--usb" && i + 1 < args.size()) {
            parsed.usb = args[++i].toStdString();
        } else if (args[i] == "--baud" && i + 1 < args.size()) {
            bool ok = false;
            parsed.baud = args[++i].toInt(&ok);
            if (!ok) return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    if (parsed.serial.empty() == parsed.usb.empty()) return std::nullopt;  // exactly one
    return parsed;
}

volatile std::sig_atomic_t g_stop = 0;

int watch(idcard::SamReader& reader) {
    std::signal(SIGINT, [](int) { g_stop = 1; });
    std::signal(SIGTERM, [](int) { g_stop = 1; });
    idcard::WatchEvents events;
    events.cardRead = [](const idcard::IdCard& card) {
        QJsonObject json = cardJson(card);
        json.insert("event", "placed");
        printLine(json);
    };
    events.cardUnreadable = [](const Error& error) {
        printLine(
            {{"event", "placed"}, {"error", utf8(error.code)}, {"message", utf8(error.message)}});
    };
    events.cardRemoved = [] { printLine({{"event", "removed"}}); };
    events.readerHealth = [](bool present, const Error* error) {
        QJsonObject json{{"event", present ? "reader_back" : "reader_lost"}};
        if (error != nullptr) json.insert("message", utf8(error->message));
        printLine(json);
    };
    idcard::IdCardWatcher watcher(reader, {}, events);
    watcher.start();
    while (g_stop == 0)
        ::pause();
    return kExitOk;
}

}  // namespace

int idcardCommand(const QStringList& args) {
    const auto readerArgs = args.isEmpty() ? std::nullopt : parseReaderArgs(args.mid(1));
    if (!readerArgs || (args[0] != "read" && args[0] != "watch")) {
        std::fputs(
            "usage: kioskctl device idcard read|watch --serial PATH [--baud N] | --usb VID:PID\n",
            stderr);
        return kExitUsage;
    }
    std::unique_ptr<idcard::Transport> transport;
    if (!readerArgs->usb.empty()) {
        auto id = idcard::parseUsbId(readerArgs->usb);
        if (!id) return fail(id.error());
        auto usb = idcard::UsbTransport::open(id.value());
        if (!usb) return fail(usb.error().withContext("no reader"));
        transport = std::move(usb.value());
    } else {
        auto serial = idcard::SerialTransport::open(readerArgs->serial, readerArgs->baud);
        if (!serial) return fail(serial.error().withContext("no reader"));
        transport = std::move(serial.value());
    }
    idcard::SamReader reader(std::move(transport));
    if (args[0] == "watch") return watch(reader);

    auto card = reader.readPresentCard();
    if (!card) return fail(card.error());
    if (auto valid = idcard::validate(card.value(), idcard::localToday()); !valid) {
        return fail(valid.error());
    }
    printLine(cardJson(card.value()));
    return kExitOk;
}

}  // namespace lobby::ctl
