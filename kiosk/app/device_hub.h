#pragma once
// Builds the kiosk's devices from kiosk.json (real transports, or simulated ones where the
// configuration says so), connects their events to the session, and acts on the simulated
// ones for scripted journeys. Owns every device service and simulator.

#include <QLoggingCategory>
#include <QObject>
#include <functional>
#include <memory>

#include "config/settings.h"
#include "core/session_controller.h"
#include "devices/a4_printer_service.h"
#include "devices/card_photo.h"
#include "devices/id_card_service.h"
#include "devices/printer_service.h"
#include "devices/reader_state.h"
#include "devices/scanner_service.h"
#include "devices/ssc_service.h"

namespace lobby::app {
class SimulatedDevices;
}

namespace lobby::app {

class DeviceHub : public QObject {
    Q_OBJECT
public:
    DeviceHub(const config::Settings& settings, core::SessionController& session,
              core::FunctionCatalog& catalog);
    ~DeviceHub() override;

    void start();
    // The printer, or null when none is configured.
    devices::PrinterService* printer() const { return printer_.get(); }
    // The A4 printer (reports, e-invoices), or null when none is configured.
    devices::A4PrinterService* a4Printer() const { return a4Printer_.get(); }
    // Each device's state for the heartbeat and the maintenance screen, in the contract's words:
    // "idcard_reader" → "ready" | "lost" | "absent", "printer" → "paper_out".
    std::vector<std::pair<std::string, std::string>> health() const;
    // Journey steps: place_card KEY | remove_card | insert_ssc KEY [FAULT] | remove_ssc |
    // scan TEXT (each with its device's simulated backend).
    Status control(const QString& action, const QString& argument);
    // A journey waiting for a scan (an e-voucher, a payment code) takes it first: a scan it
    // takes is not an identity.
    void setScanTaker(std::function<bool(const QString& kind, const QString& token)> taker) {
        scanTaker_ = std::move(taker);
    }

signals:
    // A card was read: who it belongs to is for the platform to say.
    void identityRead(const lobby::devices::CardHolder& holder);
    void insuranceCardRead(const lobby::devices::InsuranceCard& card);
    // An e-voucher or visit card was scanned: kind "evoucher" | "visit_card" | "unknown".
    void tokenScanned(const QString& kind, const QString& token);
    // A card was placed or inserted (its read follows).
    void cardPresented();
    // What health() reports has changed.
    void healthChanged();

private:
    void buildIdCardReader(const config::Settings& settings);
    void buildSmartCardReader(const config::Settings& settings);
    void buildScanner(const config::Settings& settings);
    void buildPrinter(const config::Settings& settings);
    void buildA4Printer(const config::Settings& settings);

    core::SessionController& session_;
    core::FunctionCatalog& catalog_;
    // The simulators behind any backend = simulated; null without one, or in the product.
    SimulatedDevices* simulators(const QLoggingCategory& log, const char* key);
    std::unique_ptr<SimulatedDevices> simulators_;
    std::unique_ptr<devices::IdCardService> idCards_;
    std::unique_ptr<devices::CardPhoto> cardPhotos_;
    std::unique_ptr<devices::SscService> socialSecurityCards_;
    std::unique_ptr<devices::ScannerService> scanner_;
    std::function<bool(const QString&, const QString&)> scanTaker_;
    std::unique_ptr<devices::PrinterService> printer_;
    std::unique_ptr<devices::A4PrinterService> a4Printer_;
    // A reader answered or stopped answering: the menu's means of identification, the
    // heartbeat and the maintenance screen follow.
    void setReader(devices::ReaderState& slot, core::IdentityMeans means, bool present);
    void setPrinter(printer::PrinterState state);

    devices::ReaderState idCardState_ = devices::ReaderState::Absent;
    devices::ReaderState sscState_ = devices::ReaderState::Absent;
    devices::ReaderState scannerState_ = devices::ReaderState::Absent;
    printer::PrinterState printerState_ = printer::PrinterState::Offline;
    printer::A4State a4State_ = printer::A4State::Offline;
};

}  // namespace lobby::app
