#include "config/settings_spec.h"

#include "config/technician_pin.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <functional>

namespace lobby::config {
namespace {

SettingSpec boolSetting(const QString& key, bool value, const char* description) {
    return {key, SettingType::Bool, value, false, 0, 0, {}, QString::fromUtf8(description), {}};
}

SettingSpec intSetting(const QString& key, int value, int minimum, int maximum,
                       const char* description) {
    return {key,     SettingType::Int, value, false,
            minimum, maximum,          {},    QString::fromUtf8(description),
            {}};
}

SettingSpec stringSetting(const QString& key, const char* value, const char* description,
                          bool sensitive = false) {
    return {key,
            SettingType::String,
            QString::fromUtf8(value),
            sensitive,
            0,
            0,
            {},
            QString::fromUtf8(description),
            {}};
}

SettingSpec enumSetting(const QString& key, const char* value, QStringList choices,
                        const char* description) {
    return {key, SettingType::Enum,  QString::fromUtf8(value),       false, 0,
            0,   std::move(choices), QString::fromUtf8(description), {}};
}

}  // namespace

const std::vector<SettingSpec>& settingSpecs() {
    using namespace keys;
    static const std::vector<SettingSpec> specs = {
        intSetting(kSchemaVersion, kSupportedSchemaVersion, kSupportedSchemaVersion,
                   kSupportedSchemaVersion, "Version of this file's layout; required."),
        [] {
            auto spec = stringSetting(kTerminalId, "KIOSK-DEV-0001",
                                      "Terminal serial number (终端序号): letters, digits, "
                                      "'.', '_' and '-', at most 64.");
            spec.pattern = QStringLiteral("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
            return spec;
        }(),
        [] {
            auto spec = stringSetting(kTerminalGroup, "default",
                                      "The group of kiosks this one belongs to on the platform: "
                                      "only scene configs signed for it are applied.");
            spec.pattern = QStringLiteral("[A-Za-z0-9_-]{1,64}");
            return spec;
        }(),
        stringSetting(kHospitalName, "示例市第一人民医院",
                      "Hospital name shown until a scene config provides one."),
        intSetting(kDisplayWidth, 1080, 320, 7680, "Window width in pixels."),
        intSetting(kDisplayHeight, 1920, 320, 7680, "Window height in pixels."),
        boolSetting(kDisplayFullscreen, true, "Full screen without decorations."),
        enumSetting(kUiLanguage, "zh", {"zh", "en"}, "Language a new session starts in."),
        intSetting(kIdleTimeout_s, 60, 30, 600,
                   "Seconds without a touch before a session ends (countdown included)."),
        intSetting(kIdleCountdown_s, 20, 20, 120,
                   "Seconds of on-screen, spoken warning before an idle session ends (at least "
                   "20, WCAG 2.2.1). Large text doubles both limits."),
        intSetting(kFarewell_s, 4, 1, 30,
                   "Seconds the 'take your card and slip' screen stays before the attract screen."),
        enumSetting(kLogLevel, "info", {"debug", "info", "warning"}, "Lowest level logged."),
        enumSetting(kIdCardBackend, "none", {"simulated", "serial", "usb", "none"},
                    "Resident ID card reader transport."),
        stringSetting(kIdCardSerialDevice, "/dev/ttyUSB0", "Serial device of the ID card reader."),
        intSetting(kIdCardBaud, 115200, 9600, 115200, "Serial baud rate of the ID card reader."),
        stringSetting(kIdCardUsbId, "0400:c35a", "USB VID:PID of the ID card reader."),
        stringSetting(kIdCardWltDecoder, "",
                      "Vendor library that decodes ID card photos (optional; a placeholder is "
                      "shown without one)."),
        intSetting(kIdCardPollInterval_ms, 300, 50, 5000,
                   "How often an idle reader is asked whether a card is present."),
        intSetting(kIdCardSimulatedRead_ms, 600, 0, 5000,
                   "With the simulated reader: how long it takes to read a card's text and "
                   "photo (a real SAM takes about 0.6 s)."),
        enumSetting(kSscBackend, "none", {"pcsc", "simulated", "none"},
                    "Social-security card reader: PC/SC, or PC/SC with the kiosk's own virtual "
                    "card plugged into pcscd's vpcd reader (demo and tests)."),
        stringSetting(kSscReader, "", "Only this PC/SC reader (all readers when empty)."),
        intSetting(kSscVpcdPort, 35963, 1024, 65535,
                   "vpcd's port on 127.0.0.1 for the simulated social-security card."),
        enumSetting(kScannerBackend, "none", {"serial", "evdev", "simulated", "none"},
                    "Barcode / QR scanner: a serial (CDC-ACM) port, an evdev keyboard node, or "
                    "simulated (scans come from scripted journeys)."),
        stringSetting(kScannerDevice, "/dev/ttyACM0", "The scanner's device node."),
        intSetting(kScannerBaud, 9600, 9600, 115200, "Serial baud rate of the scanner."),
        enumSetting(kScannerSuffix, "enter", {"enter", "tab"},
                    "What the scanner sends after each code (Enter: CR/LF on serial)."),
        stringSetting(kScannerRules,
                      "evoucher=YBPZ;visit_card=JZK;booking_code=YYD;payment_code=10,11,12,13,14,"
                      "15,25,26,27,28,29,30",
                      "Prefix rules naming what a scan is (kind=prefix,prefix;...)."),
        enumSetting(kPrinterBackend, "none", {"cups", "none"},
                    "Slip printer: a CUPS queue, or none."),
        stringSetting(kPrinterQueue, "kiosk", "The CUPS queue slips are printed on."),
        stringSetting(kPrinterCupsServer, "",
                      "CUPS server as host:port (empty: CUPS's default, the local scheduler)."),
        stringSetting(kPrinterDirect, "",
                      "Where to ask the printer itself for its status (DLE EOT): IPv4:port of its "
                      "raw port, or usb:VID:PID; empty: status from CUPS."),
        intSetting(kPrinterPoll_s, 5, 1, 300, "How often the printer's state is checked."),
        enumSetting(
            kPrinterPaper_mm, "80", {"80", "58"},
            "The slip paper's width in millimetres (48 or 32 columns, logo 576 or 384 dots)."),
        enumSetting(kA4PrinterBackend, "none", {"cups", "none"},
                    "A4 printer for reports and e-invoices: a CUPS IPP Everywhere queue "
                    "(lpadmin -m everywhere), or none (报告打印 and 发票打印 are not offered)."),
        stringSetting(kA4PrinterQueue, "a4", "The CUPS queue reports and e-invoices print on."),
        stringSetting(kA4PrinterCupsServer, "",
                      "CUPS server of the A4 queue as host:port (empty: CUPS's default)."),
        intSetting(kA4PrinterPoll_s, 10, 2, 300,
                   "How often the A4 printer is asked for its state (through the queue's "
                   "ipp:// device URI, from the printer itself)."),
        intSetting(kPaymentWindow_s, 180, 10, 600,
                   "Seconds a payment QR code waits for the patient before the held slot is "
                   "released (the platform holds it 10 minutes at most)."),
        stringSetting(kHospitalQueueUrl, "https://queue.example-hospital.cn/q/",
                      "Where a check-in slip's QR code sends the patient to follow the queue; "
                      "the booking number is appended."),
        enumSetting(kPlatformBackend, "https", {"https", "none"},
                    "The appointment platform: over HTTPS, or none (devices only; every "
                    "appointment function is shown as unavailable)."),
        stringSetting(kPlatformBaseUrl, "https://127.0.0.1:8443",
                      "Base URL of the regional appointment platform."),
        stringSetting(kPlatformCaBundle, "/etc/lobby-kiosk/platform-ca.pem",
                      "The CA certificates the platform's certificate must chain to (pinned)."),
        [] {
            auto spec = stringSetting(
                kPlatformPinnedKey, "",
                "Optional pin of the platform's own public key: sha256//BASE64 (several joined "
                "by ';', for a key rollover), or the path of its PEM public key. Empty: the CA "
                "bundle alone decides.");
            spec.pattern =
                QStringLiteral("(sha256//[A-Za-z0-9+/=]{44})(;sha256//[A-Za-z0-9+/=]{44})*|/[^;]+");
            return spec;
        }(),
        stringSetting(kPlatformClientCert, "/var/lib/lobby-kiosk/enrollment/client.pem",
                      "The terminal's client certificate (from enrollment)."),
        stringSetting(kPlatformClientKey, "/var/lib/lobby-kiosk/enrollment/client.key",
                      "The terminal's private key (from enrollment; the file is 0600)."),
        intSetting(kPlatformCallTimeout_ms, 8000, 1000, 60000,
                   "Deadline of one platform call, retries included."),
        intSetting(kPlatformHeartbeat_s, 60, 10, 3600,
                   "Seconds between heartbeats (health reports) to the platform."),
        stringSetting(kHealthReportPath, "/run/lobby-kiosk/health.json",
                      "Where the running kiosk keeps its health report (the heartbeat's "
                      "contents, rewritten every 10 s and on every device change) for "
                      "`kioskctl status` and `selftest`. Empty: not written."),
        stringSetting(kUpdateLeaseSocket, "/run/lobby-kiosk/update-lease.sock",
                      "The Unix socket (0600) on which the running kiosk answers the updater's "
                      "ask for a maintenance lease: granted only with nobody at the kiosk, for "
                      "at most an hour. Empty: no updates are installed while the kiosk runs."),
        stringSetting(kUpdateStateDir, "/var/lib/lobby-kiosk-updater",
                      "The updater's own folder (root's, 0700): the install under way, the "
                      "packages staged and kept as last known good, the events not yet sent."),
        intSetting(kUpdatePoll_s, 600, 60, 86400,
                   "Seconds between the updater's asks for this terminal's release."),
        intSetting(kUpdateHealthWindow_s, 120, 30, 3600,
                   "Seconds the kiosk must stay active, READY and without restarts after an "
                   "install before it is committed."),
        stringSetting(kUpdateKioskUnit, "lobby-kiosk.service",
                      "The kiosk's systemd unit, whose health decides whether an update stays."),
        stringSetting(kJournalPath, "/var/lib/lobby-kiosk/journal.db",
                      "The transaction journal (SQLite, 0600): every money step, so that a crash "
                      "or a lost reply is settled with the platform afterwards."),
        intSetting(kJournalReconcile_s, 60, 5, 3600,
                   "Seconds between reconciliation passes over unfinished transactions (run "
                   "only while no patient is at the kiosk; also at start)."),
        stringSetting(kSceneTrustDir, "/etc/lobby-kiosk/trust",
                      "Directory of the admins' Ed25519 public keys (*.pem): a scene config is "
                      "applied only if one of them verifies its signature."),
        stringSetting(kSceneStateDir, "/var/lib/lobby-kiosk/scene",
                      "Where the applied scene config and the one before it are kept."),
        intSetting(kScenePoll_s, 300, 2, 86400,
                   "Seconds between polls for a new scene config (each wait jittered by up to "
                   "a fifth, so a hospital's kiosks do not ask at once)."),
        [] {
            auto spec = stringSetting(kMaintenancePinHash, "",
                                      "The technician PIN for the maintenance menu, as "
                                      "`kioskctl maintenance pin-hash` prints it (PBKDF2-SHA256). "
                                      "Empty: no maintenance menu.",
                                      true);
            spec.pattern = QString::fromLatin1(kPinHashPattern);
            return spec;
        }(),
        stringSetting(kMaintenanceAttemptsPath, "/var/lib/lobby-kiosk/pin-attempts.json",
                      "Where wrong technician PINs and the lockout they caused are kept, so "
                      "that a restart does not clear them."),

    };
    return specs;
}

const SettingSpec* findSpec(const QString& key) {
    for (const auto& spec : settingSpecs()) {
        if (spec.key == key) return &spec;
    }
    return nullptr;
}

QByteArray jsonSchema() {
    // Builds nested "properties" objects following the dotted keys.
    QJsonObject root{{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                     {"$id", "https://lobby-kiosk.example/schemas/kiosk-v1.json"},
                     {"title", "Lobby Kiosk configuration (kiosk.json)"},
                     {"type", "object"},
                     {"additionalProperties", false},
                     {"required", QJsonArray{keys::kSchemaVersion}}};

    std::function<void(QJsonObject&, const QStringList&, const QJsonObject&)> insert =
        [&insert](QJsonObject& node, const QStringList& path, const QJsonObject& leaf) {
            QJsonObject properties = node.value("properties").toObject();
            if (path.size() == 1) {
                properties.insert(path.front(), leaf);
            } else {
                QJsonObject child = properties.value(path.front()).toObject();
                if (child.isEmpty()) {
                    child = QJsonObject{{"type", "object"}, {"additionalProperties", false}};
                }
                insert(child, path.mid(1), leaf);
                properties.insert(path.front(), child);
            }
            node.insert("properties", properties);
        };

    for (const auto& spec : settingSpecs()) {
        QJsonObject leaf{{"description", spec.description}};
        switch (spec.type) {
            case SettingType::Bool:
                leaf.insert("type", "boolean");
                leaf.insert("default", spec.defaultValue.toBool());
                break;
            case SettingType::Int:
                leaf.insert("type", "integer");
                leaf.insert("minimum", spec.minimum);
                leaf.insert("maximum", spec.maximum);
                leaf.insert("default", spec.defaultValue.toInt());
                break;
            case SettingType::String:
                leaf.insert("type", "string");
                leaf.insert("default", spec.defaultValue.toString());
                if (!spec.pattern.isEmpty()) leaf.insert("pattern", "^$|" + spec.pattern);
                break;
            case SettingType::Enum:
                leaf.insert("enum", QJsonArray::fromStringList(spec.choices));
                leaf.insert("default", spec.defaultValue.toString());
                break;
        }
        if (spec.sensitive) leaf.insert("x-sensitive", true);
        insert(root, spec.key.split('.'), leaf);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

}  // namespace lobby::config
