#pragma once
// Every setting of kiosk.json, declared once: key, type, default, bounds, and whether it is
// sensitive (its value is never logged). The loader, the log dump, the JSON schema in
// config/kiosk.schema.json and the docs all derive from this table.

#include <QString>
#include <QStringList>
#include <QVariant>
#include <vector>

namespace lobby::config {

inline constexpr int kSupportedSchemaVersion = 1;

enum class SettingType { Bool, Int, String, Enum };

struct SettingSpec {
    QString key;  // dotted path into the JSON object, e.g. "display.width"
    SettingType type;
    QVariant defaultValue;
    bool sensitive = false;
    int minimum = 0;      // Int only
    int maximum = 0;      // Int only
    QStringList choices;  // Enum only
    QString description;
    QString pattern;  // String only: a non-empty value must match it (also in the JSON schema)
};

namespace keys {
inline const QString kSchemaVersion = QStringLiteral("schema_version");
inline const QString kTerminalId = QStringLiteral("terminal.id");
inline const QString kTerminalGroup = QStringLiteral("terminal.group");
inline const QString kHospitalName = QStringLiteral("hospital.name");
inline const QString kDisplayWidth = QStringLiteral("display.width");
inline const QString kDisplayHeight = QStringLiteral("display.height");
inline const QString kDisplayFullscreen = QStringLiteral("display.fullscreen");
inline const QString kUiLanguage = QStringLiteral("ui.language");
inline const QString kIdleTimeout_s = QStringLiteral("session.idle_timeout_s");
inline const QString kIdleCountdown_s = QStringLiteral("session.idle_countdown_s");
inline const QString kFarewell_s = QStringLiteral("session.farewell_s");
inline const QString kLogLevel = QStringLiteral("log.level");
inline const QString kIdCardBackend = QStringLiteral("devices.idcard.backend");
inline const QString kIdCardSerialDevice = QStringLiteral("devices.idcard.serial_device");
inline const QString kIdCardBaud = QStringLiteral("devices.idcard.baud");
inline const QString kIdCardUsbId = QStringLiteral("devices.idcard.usb_id");
inline const QString kIdCardWltDecoder = QStringLiteral("devices.idcard.wlt_decoder");
inline const QString kIdCardPollInterval_ms = QStringLiteral("devices.idcard.poll_interval_ms");
inline const QString kIdCardSimulatedRead_ms = QStringLiteral("devices.idcard.simulated_read_ms");
inline const QString kSscBackend = QStringLiteral("devices.ssc.backend");
inline const QString kSscReader = QStringLiteral("devices.ssc.reader");
inline const QString kSscVpcdPort = QStringLiteral("devices.ssc.vpcd_port");
inline const QString kScannerBackend = QStringLiteral("devices.scanner.backend");
inline const QString kScannerDevice = QStringLiteral("devices.scanner.device");
inline const QString kScannerBaud = QStringLiteral("devices.scanner.baud");
inline const QString kScannerSuffix = QStringLiteral("devices.scanner.suffix");
inline const QString kScannerRules = QStringLiteral("devices.scanner.rules");
inline const QString kPrinterBackend = QStringLiteral("devices.printer.backend");
inline const QString kPrinterQueue = QStringLiteral("devices.printer.queue");
inline const QString kPrinterCupsServer = QStringLiteral("devices.printer.cups_server");
inline const QString kPrinterDirect = QStringLiteral("devices.printer.direct");
inline const QString kPrinterPoll_s = QStringLiteral("devices.printer.poll_interval_s");
inline const QString kPrinterPaper_mm = QStringLiteral("devices.printer.paper_mm");
inline const QString kA4PrinterBackend = QStringLiteral("devices.a4_printer.backend");
inline const QString kA4PrinterQueue = QStringLiteral("devices.a4_printer.queue");
inline const QString kA4PrinterCupsServer = QStringLiteral("devices.a4_printer.cups_server");
inline const QString kA4PrinterPoll_s = QStringLiteral("devices.a4_printer.poll_interval_s");
inline const QString kPaymentWindow_s = QStringLiteral("booking.payment_window_s");
inline const QString kHospitalQueueUrl = QStringLiteral("hospital.queue_url");
inline const QString kPlatformBackend = QStringLiteral("platform.backend");
inline const QString kPlatformBaseUrl = QStringLiteral("platform.base_url");
inline const QString kPlatformCaBundle = QStringLiteral("platform.ca_bundle");
inline const QString kPlatformPinnedKey = QStringLiteral("platform.pinned_public_key");
inline const QString kPlatformClientCert = QStringLiteral("platform.client_cert");
inline const QString kPlatformClientKey = QStringLiteral("platform.client_key");
inline const QString kPlatformCallTimeout_ms = QStringLiteral("platform.call_timeout_ms");
inline const QString kPlatformHeartbeat_s = QStringLiteral("platform.heartbeat_interval_s");
inline const QString kHealthReportPath = QStringLiteral("health.report_path");
inline const QString kUpdateLeaseSocket = QStringLiteral("update.lease_socket");
inline const QString kUpdateStateDir = QStringLiteral("update.state_dir");
inline const QString kUpdatePoll_s = QStringLiteral("update.poll_interval_s");
inline const QString kUpdateHealthWindow_s = QStringLiteral("update.health_window_s");
inline const QString kUpdateKioskUnit = QStringLiteral("update.kiosk_unit");
inline const QString kJournalPath = QStringLiteral("journal.path");
inline const QString kJournalReconcile_s = QStringLiteral("journal.reconcile_interval_s");
inline const QString kSceneTrustDir = QStringLiteral("scene.trust_dir");
inline const QString kSceneStateDir = QStringLiteral("scene.state_dir");
inline const QString kScenePoll_s = QStringLiteral("scene.poll_interval_s");
inline const QString kMaintenancePinHash = QStringLiteral("maintenance.pin_hash");
inline const QString kMaintenanceAttemptsPath = QStringLiteral("maintenance.attempts_path");
}  // namespace keys

const std::vector<SettingSpec>& settingSpecs();
const SettingSpec* findSpec(const QString& key);

// JSON Schema (draft 2020-12) of kiosk.json, generated from the table above.
QByteArray jsonSchema();

}  // namespace lobby::config
