#pragma once
// The kiosk's side of the slip printer: polls its state on a worker thread (from the printer
// itself over the direct channel when one is configured, else from CUPS) and reports changes
// on the Qt event loop, so functions that print are withdrawn before a patient starts.

#include <QObject>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "printer/cups_queue.h"
#include "printer/direct_channel.h"
#include "printer/usb_status.h"

namespace lobby::devices {

struct PrinterSetup {
    printer::CupsQueue queue;
    std::optional<printer::DirectAddress> direct;  // the printer's raw TCP port
    std::optional<usb::UsbId> usbDirect;           // or the printer on USB
    std::chrono::milliseconds pollInterval{5000};
};

class PrinterService : public QObject {
    Q_OBJECT
public:
    explicit PrinterService(PrinterSetup setup, QObject* parent = nullptr);
    ~PrinterService() override;

    void start();
    void stop();

signals:
    // state: "ready" | "paper_low" | "paper_out" | "cover_open" | "offline" | "error"
    void stateChanged(const QString& state);

private:
    void run();
    Result<printer::PrinterState> poll() const;

    PrinterSetup setup_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

}  // namespace lobby::devices
