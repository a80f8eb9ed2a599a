#pragma once
// The kiosk's side of the slip printer: polls its state on a worker thread (from the printer
// itself over the direct channel when one is configured, else from CUPS) and reports changes
// on the Qt event loop, so functions that print are withdrawn before a patient starts. Slips are
// printed on the same thread, between polls, so the printer is asked one thing at a time.

#include <QObject>
#include <functional>
#include <optional>

#include "common/watch_loop.h"
#include "devices/pending_jobs.h"
#include "printer/printer_endpoint.h"
#include "printer/slip_printer.h"

namespace lobby::devices {

struct PrinterSetup {
    printer::PrinterEndpoint endpoint;  // from the composition root: queue, state source, paper
    std::chrono::milliseconds pollInterval{5000};
};

class PrinterService : public QObject {
    Q_OBJECT
public:
    explicit PrinterService(PrinterSetup setup, QObject* parent = nullptr);
    ~PrinterService() override;

    void start();
    void stop();

    using PrintDone = std::function<void(Result<printer::PrintOutcome>)>;
    // Prints a rendered slip (reference: no personal data, e.g. the booking id); `done` runs on
    // this object's thread once the printer has finished or failed.
    void print(std::string reference, printer::Bytes slip, PrintDone done);

signals:
    // What the printer says of itself; Offline when it cannot be asked.
    void stateChanged(lobby::printer::PrinterState state);

private:
    struct PrintJob {
        std::string reference;
        printer::Bytes slip;
        PrintDone done;
    };
    std::chrono::milliseconds step();
    void printNow(PrintJob job);
    void pollState();
    void cancelQueuedJobs();

    PrinterSetup setup_;
    printer::SlipPrinter slips_;
    PendingJobs<PrintJob> jobs_;
    std::optional<printer::PrinterState> lastState_;  // the loop's thread only
    WatchLoop loop_;                                  // last: stopped before the rest goes
};

}  // namespace lobby::devices
