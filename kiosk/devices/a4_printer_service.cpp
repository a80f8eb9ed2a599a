#include "devices/a4_printer_service.h"

#include "logging/categories.h"

namespace lobby::devices {
namespace {
constexpr std::chrono::milliseconds kQueryTimeout{3000};
// A report of a few pages; a printer warming up from sleep takes ~20 s before the first page.
constexpr std::chrono::milliseconds kPrintTimeout{90000};
}  // namespace

A4PrinterService::A4PrinterService(A4PrinterSetup setup, QObject* parent)
    : QObject(parent),
      setup_(std::move(setup)),
      printer_(setup_.queue),
      loop_([this] { return step(); }) {}

A4PrinterService::~A4PrinterService() {
    stop();
}

void A4PrinterService::start() {
    loop_.start();
}

void A4PrinterService::stop() {
    loop_.stop();
    cancelQueuedJobs();
}

void A4PrinterService::print(std::string reference, printer::PdfDocument document, PrintDone done) {
    jobs_.push({std::move(reference), std::move(document), std::move(done)});
    loop_.wake();
}

void A4PrinterService::printNow(PrintJob job) {
    const int purgeFailuresBefore = printer_.purgeFailures();
    auto printed = printer_.print(job.document, job.reference, duplex_, kPrintTimeout);
    if (printer_.purgeFailures() != purgeFailuresBefore) {
        qCWarning(lcPrinter).noquote()
            << "a4:" << job.reference.c_str() << "could not be purged from CUPS's spool";
    }
    if (!printed) {
        qCWarning(lcPrinter).noquote()
            << "a4:" << job.reference.c_str() << "failed:" << printed.error().message.c_str();
    } else {
        qCInfo(lcPrinter).noquote()
            << "a4:" << job.reference.c_str() << "printed," << printed->pages << "pages,"
            << printed->attempts << "attempt(s)";
    }
    job.document.bytes.clear();
    job.document.bytes.shrink_to_fit();
    QMetaObject::invokeMethod(this, [done = std::move(job.done), printed] { done(printed); });
}

void A4PrinterService::pollState() {
    auto polled = printer::queryA4(setup_.queue, kQueryTimeout);
    const printer::A4State state = polled ? polled->state : printer::A4State::Offline;
    if (polled) duplex_ = polled->duplex;
    if (lastState_ == state) return;
    if (!polled) qCWarning(lcPrinter).noquote() << "a4:" << polled.error().message.c_str();
    qCInfo(lcPrinter).noquote() << "a4 printer:" << printer::toString(state).data();
    lastState_ = state;
    QMetaObject::invokeMethod(this, [this, state] {
        state_ = state;
        emit stateChanged(state);
    });
}

// One document at a time between polls; after each the state is asked at once, since the job
// may have used the last sheet or the toner.
std::chrono::milliseconds A4PrinterService::step() {
    if (auto job = jobs_.take()) printNow(std::move(*job));
    pollState();
    return jobs_.empty() ? setup_.pollInterval : std::chrono::milliseconds(0);
}

void A4PrinterService::cancelQueuedJobs() {
    for (auto& job : jobs_.takeAll()) {
        QMetaObject::invokeMethod(this, [done = std::move(job.done)] { done(printerStopped()); });
    }
}

}  // namespace lobby::devices
