#pragma once
// The kiosk's side of the barcode / QR scanner: reads scans on its own thread, names them by
// the configured prefix rules, and hands them to the Qt event loop as opaque tokens. Logs the
// kind and length of a scan, never its text. A scanner that goes away is reopened.

#include <QObject>
#include <QString>
#include <functional>
#include <memory>

#include "common/watch_loop.h"
#include "scanner/scan_rules.h"
#include "scanner/scan_source.h"

namespace lobby::devices {

class ScannerService : public QObject {
    Q_OBJECT
public:
    using SourceFactory = std::function<Result<std::unique_ptr<scanner::ScanSource>>()>;

    ScannerService(SourceFactory openSource, std::vector<scanner::ScanRule> rules,
                   QObject* parent = nullptr);
    ~ScannerService() override;

    void start();
    void stop();

signals:
    // kind: "evoucher" | "visit_card" | "payment_code" | "unknown"
    void scanned(const QString& kind, const QString& token);
    // The scanner's device opens, or not (unplugged).
    void presenceChanged(bool present);

private:
    std::chrono::milliseconds step();
    void report(bool present, const Error* error);

    SourceFactory openSource_;
    std::vector<scanner::ScanRule> rules_;
    // Touched only by the loop's thread while it runs.
    std::unique_ptr<scanner::ScanSource> source_;
    bool present_ = true;
    WatchLoop loop_;  // last: stopped before the rest goes
};

}  // namespace lobby::devices
