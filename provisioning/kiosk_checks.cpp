#include "kiosk_checks.h"

#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QFileInfo>
#include <chrono>
#include <cstdio>
#include <memory>

#include "common/file_text.h"
#include "idcard/sam_reader.h"
#include "idcard/serial_transport.h"
#include "idcard/usb_transport.h"
#include "journal/transaction_journal.h"
#include "platform/https_platform_client.h"
#include "printer/a4_printer.h"
#include "printer/printer_state.h"
#include "scene/scene_store.h"
#include "setup/from_settings.h"
#include "smartcard/pcsc.h"

namespace lobby::ctl {
namespace {

using namespace config::keys;
using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr milliseconds kPlatformProbe_ms{5000};
constexpr seconds kPrinterProbe_s{3};

Check passed(const QString& name, bool required, const QString& detail) {
    return {name, required, true, detail};
}
Check failed(const QString& name, bool required, const QString& detail) {
    return {name, required, false, detail};
}
QString words(const Error& error) {
    return QString::fromStdString(error.message);
}

Check enrollmentCheck(const config::Settings& settings, bool required) {
    const QString certPath = settings.stringValue(kPlatformClientCert);
    const QString keyPath = settings.stringValue(kPlatformClientKey);
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(qPrintable(certPath), "re"),
                                                         std::fclose);
    if (!file) return failed("enrollment", required, "not enrolled (no " + certPath + ")");
    std::unique_ptr<X509, void (*)(X509*)> certificate(
        PEM_read_X509(file.get(), nullptr, nullptr, nullptr), X509_free);
    if (!certificate) return failed("enrollment", required, certPath + " is not a certificate");
    char commonName[128] = {};
    X509_NAME_get_text_by_NID(X509_get_subject_name(certificate.get()), NID_commonName, commonName,
                              sizeof commonName);
    if (X509_cmp_current_time(X509_get0_notAfter(certificate.get())) <= 0)
        return failed("enrollment", required,
                      QStringLiteral("the certificate of %1 has expired").arg(commonName));
    struct stat keyStat {};
    if (::lstat(qPrintable(keyPath), &keyStat) != 0)
        return failed("enrollment", required, "the terminal key " + keyPath + " is missing");
    if (!S_ISREG(keyStat.st_mode))
        return failed("enrollment", required,
                      "the terminal key " + keyPath + " is not a regular file");
    // The kiosk's group may read it (root owns the enrollment); nobody else may.
    if ((keyStat.st_mode & 037) != 0)
        return failed("enrollment", required,
                      "the terminal key " + keyPath + " is readable by others");
    return passed("enrollment", required, QStringLiteral("enrolled as %1").arg(commonName));
}

Check platformCheck(const config::Settings& settings, bool required) {
    platform::ClientConfig client = setup::platformClient(settings);
    client.callTimeout = std::min(kPlatformProbe_ms, client.callTimeout);
    platform::HttpsPlatformClient platform(client);
    auto departments = platform.departments();
    if (!departments) return failed("platform", required, words(departments.error()));
    return passed("platform", required,
                  QStringLiteral("%1 answers (%2 departments)")
                      .arg(QString::fromStdString(client.baseUrl))
                      .arg(departments->size()));
}

Check sceneCheck(const config::Settings& settings) {
    auto stored = setup::sceneStore(settings);
    scene::SceneStore& store = *stored;
    store.load();
    QString detail = store.current() ? QStringLiteral("version %1 (%2)")
                                           .arg(store.currentVersion())
                                           .arg(QString::fromStdString(store.current()->type))
                                     : QStringLiteral("none applied (kiosk.json's defaults)");
    if (!store.lastRejection().empty())
        detail += "; refused: " + QString::fromStdString(store.lastRejection());
    return passed("scene", false, detail);
}

Check journalCheck(const config::Settings& settings, bool required) {
    const QString path = settings.stringValue(kJournalPath);
    if (!QFileInfo::exists(path)) return passed("journal", required, path + " (not created yet)");
    auto journal = journal::TransactionJournal::open(path.toStdString());
    if (!journal) return failed("journal", required, words(journal.error()));
    auto open = journal.value()->unfinished();
    if (!open) return failed("journal", required, words(open.error()));
    return passed("journal", required,
                  open->empty()
                      ? QStringLiteral("nothing unsettled")
                      : QStringLiteral("%1 transactions waiting to be settled with the platform")
                            .arg(open->size()));
}

Check idCardCheck(const config::Settings& settings) {
    const QString backend = settings.stringValue(kIdCardBackend);
    if (backend == "simulated") return passed("idcard", true, "simulated reader");
    std::unique_ptr<idcard::Transport> transport;
    if (backend == "serial") {
        auto serial =
            idcard::SerialTransport::open(settings.stringValue(kIdCardSerialDevice).toStdString(),
                                          settings.intValue(kIdCardBaud));
        if (!serial) return failed("idcard", true, words(serial.error()));
        transport = std::move(serial.value());
    } else {
        auto id = idcard::parseUsbId(settings.stringValue(kIdCardUsbId).toStdString());
        if (!id) return failed("idcard", true, words(id.error()));
        auto usb = idcard::UsbTransport::open(id.value());
        if (!usb) return failed("idcard", true, words(usb.error()));
        transport = std::move(usb.value());
    }
    idcard::SamReader reader(std::move(transport));
    auto samId = reader.samId();
    if (!samId) return failed("idcard", true, words(samId.error()));
    return passed("idcard", true, "the reader's SAM answers over " + backend);
}

Check sscCheck(const config::Settings& settings) {
    auto context = smartcard::PcscContext::establish();
    if (!context) return failed("ssc", true, words(context.error()));
    auto readers = context.value()->listReaders();
    if (!readers) return failed("ssc", true, words(readers.error()));
    const std::string wanted = settings.stringValue(kSscReader).toStdString();
    for (const auto& reader : readers.value()) {
        if (wanted.empty() || reader.find(wanted) != std::string::npos)
            return passed("ssc", true, "reader " + QString::fromStdString(reader));
    }
    return failed("ssc", true,
                  wanted.empty() ? QStringLiteral("pcscd has no reader")
                                 : "no reader named " + QString::fromStdString(wanted));
}

Check scannerCheck(const config::Settings& settings) {
    const QString backend = settings.stringValue(kScannerBackend);
    if (backend == "simulated") return passed("scanner", true, "simulated scanner");
    const QString device = settings.stringValue(kScannerDevice);
    // A scanner only ever talks when it reads a code, so "present" is the most there is to ask;
    // the running kiosk holds it exclusively, so it is not opened here.
    if (::access(qPrintable(device), R_OK) != 0)
        return failed("scanner", true, device + " is missing or not readable");
    return passed("scanner", true, device + " present (" + backend + ")");
}

Check printerCheck(const config::Settings& settings) {
    const auto configured = setup::printerEndpoint(settings);
    if (!configured) return failed("printer", true, words(configured.error()));
    const printer::PrinterEndpoint& endpoint = configured.value();
    auto state = printer::queryState(endpoint, kPrinterProbe_s);
    if (!state) return failed("printer", true, words(state.error()));
    const QString name = QString::fromLatin1(printer::toString(state.value()).data());
    return {"printer", true, printer::canPrint(state.value()),
            name + " (from " + QString::fromStdString(printer::stateSource(endpoint)) + ")"};
}

Check a4PrinterCheck(const config::Settings& settings) {
    auto status = printer::queryA4(setup::a4Queue(settings), kPrinterProbe_s);
    if (!status) return failed("a4_printer", true, words(status.error()));
    const QString name = QString::fromLatin1(printer::toString(status->state).data());
    return {"a4_printer", true, printer::a4CanPrint(status->state),
            name + (status->fromPrinter ? " (from the printer)" : " (from CUPS)")};
}

constexpr std::size_t kHealthFileMax = 64 * 1024;

QString plural(long n, const char* unit) {
    return QStringLiteral("%1 %2").arg(n).arg(QString::fromLatin1(unit));
}

QString uptimeWords(long s) {
    if (s < 120) return plural(s, "s");
    if (s < 7200) return plural(s / 60, "min");
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

// The running kiosk's word for a configured device: a reader "ready", the printer in a state
// that prints. `reportName` is the heartbeat's name for it.
Check fromRunningKiosk(const QString& name, const char* reportName,
                       const platform::HealthSnapshot& running) {
    for (const auto& [device, state] : running.heartbeat.devices) {
        if (device != reportName) continue;
        bool ok = state == "ready";
        if (device == "printer") {
            ok = false;
            for (auto candidate :
                 {printer::PrinterState::Ready, printer::PrinterState::PaperLow,
                  printer::PrinterState::PaperOut, printer::PrinterState::CoverOpen,
                  printer::PrinterState::Offline, printer::PrinterState::Error}) {
                if (printer::toString(candidate) == state) ok = printer::canPrint(candidate);
            }
        }
        if (device == "a4_printer") {
            ok = false;
            for (int i = 0; i <= static_cast<int>(printer::A4State::Ready); ++i) {
                const auto candidate = static_cast<printer::A4State>(i);
                if (printer::toString(candidate) == state) ok = printer::a4CanPrint(candidate);
            }
        }
        return {name, true, ok, QString::fromStdString(state) + " (as the running kiosk sees it)"};
    }
    return failed(name, true, "the running kiosk does not report it");
}

}  // namespace

RunningKiosk runningKiosk(const config::Settings& settings, long now_s) {
    const QString path = settings.stringValue(kHealthReportPath);
    if (path.isEmpty()) return {passed("kiosk", false, "no health report configured"), {}};
    auto bytes = readSmallFile(path.toStdString(), kHealthFileMax);
    if (!bytes) {
        return {failed("kiosk", false,
                       bytes.error().code == "file.missing"
                           ? "not running (no health report at " + path + ")"
                           : words(bytes.error())),
                {}};
    }
    auto report = platform::decodeHealthFile(bytes.value());
    if (!report) return {failed("kiosk", false, words(report.error())), {}};
    const long age = now_s - report->writtenAt_s;
    if (age > kStaleAfter_s || age < -kStaleAfter_s) {
        return {failed("kiosk", false,
                       QStringLiteral("not running or hung: its health report is %1 old")
                           .arg(uptimeWords(age < 0 ? -age : age))),
                {}};
    }
    QString detail = QStringLiteral("running (pid %1, up %2), report %3 old")
                         .arg(report->pid)
                         .arg(uptimeWords(report->heartbeat.uptime_s))
                         .arg(uptimeWords(age));
    if (report->platformReachable)
        detail += *report->platformReachable ? "; platform reachable" : "; platform NOT reachable";
    if (report->journalUnsettled)
        detail += QStringLiteral("; %1 unsettled").arg(*report->journalUnsettled);
    if (!report->heartbeat.lastError.empty())
        detail += "; last problem: " + QString::fromStdString(report->heartbeat.lastError);
    return {passed("kiosk", false, detail), report.value()};
}

QList<Check> terminalChecks(const config::Settings& settings) {
    const bool online = settings.stringValue(kPlatformBackend) == "https";
    QList<Check> checks;
    if (online) {
        checks << enrollmentCheck(settings, true) << platformCheck(settings, true);
    } else {
        checks << passed("platform", false, "none configured (devices only)");
    }
    checks << sceneCheck(settings) << journalCheck(settings, online);
    return checks;
}

QList<Check> deviceChecks(const config::Settings& settings,
                          const std::optional<platform::HealthSnapshot>& running) {
    QList<Check> checks;
    if (running) {
        if (settings.stringValue(kIdCardBackend) != "none")
            checks << fromRunningKiosk("idcard", "idcard_reader", *running);
        if (settings.stringValue(kSscBackend) != "none")
            checks << fromRunningKiosk("ssc", "ssc_reader", *running);
        if (settings.stringValue(kScannerBackend) != "none")
            checks << fromRunningKiosk("scanner", "scanner", *running);
        if (settings.stringValue(kPrinterBackend) != "none")
            checks << fromRunningKiosk("printer", "printer", *running);
        if (settings.stringValue(kA4PrinterBackend) != "none")
            checks << fromRunningKiosk("a4_printer", "a4_printer", *running);
        return checks;
    }
    if (settings.stringValue(kIdCardBackend) != "none") checks << idCardCheck(settings);
    if (settings.stringValue(kSscBackend) != "none") checks << sscCheck(settings);
    if (settings.stringValue(kScannerBackend) != "none") checks << scannerCheck(settings);
    if (settings.stringValue(kPrinterBackend) != "none") checks << printerCheck(settings);
    if (settings.stringValue(kA4PrinterBackend) != "none") checks << a4PrinterCheck(settings);
    return checks;
}

}  // namespace lobby::ctl
