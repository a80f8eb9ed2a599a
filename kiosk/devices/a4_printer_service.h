#pragma once
// The kiosk's side of the A4 printer (reports, e-invoices): asks the printer for its state on a
// worker thread and reports changes on the Qt event loop, so 报告打印 and 发票打印 are withdrawn
// before a patient starts; prints checked PDFs on the same thread, one at a time. A document is
// held in memory only, for as long as its job runs: nothing of it is logged or written here.

#include <QObject>
#include <functional>
#include <optional>

#include "common/watch_loop.h"
#include "devices/pending_jobs.h"
#include "printer/a4_printer.h"

namespace lobby::devices {

struct A4PrinterSetup {
    printer::CupsQueue queue;
    std::chrono::milliseconds pollInterval{10000};
};

class A4PrinterService : public QObject {
    Q_OBJECT
public:
    explicit A4PrinterService(A4PrinterSetup setup, QObject* parent = nullptr);
    ~A4PrinterService() override;

    void start();
    void stop();

    using PrintDone = std::function<void(Result<printer::A4Printed>)>;
    // Prints a checked document (reference: no personal data, e.g. the report id); `done` runs
    // on this object's thread once the printer has finished, or lost it twice.
    void print(std::string reference, printer::PdfDocument document, PrintDone done);

    printer::A4State state() const { return state_; }

signals:
    // What the printer says of itself; Offline when it cannot be asked.
    void stateChanged(lobby::printer::A4State state);

private:
    struct PrintJob {
        std::string reference;
        printer::PdfDocument document;
        PrintDone done;
    };
    std::chrono::milliseconds step();
    void printNow(PrintJob job);
    void pollState();
    void cancelQueuedJobs();

    A4PrinterSetup setup_;
    printer::A4Printer printer_;
    bool duplex_ = false;  // the loop's thread only
    PendingJobs<PrintJob> jobs_;
    std::optional<printer::A4State> lastState_;           // the loop's thread only
    printer::A4State state_ = printer::A4State::Offline;  // the Qt thread's copy
    WatchLoop loop_;                                      // last: stopped before the rest goes
};

}  // namespace lobby::devices
