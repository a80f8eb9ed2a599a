#include "devices/printer_service.h"

#include "logging/categories.h"
#include "printer/printer_state.h"

namespace lobby::devices {
namespace {
constexpr std::chrono::milliseconds kQueryTimeout{3000};
// A slip is a few hundred lines at most; a printer that takes longer has a problem to report.
constexpr std::chrono::milliseconds kPrintTimeout{20000};
}  // namespace

PrinterService::PrinterService(PrinterSetup setup, QObject* parent)
    : QObject(parent),
      setup_(std::move(setup)),
      slips_(setup_.endpoint.queue, setup_.endpoint.tcp),
      loop_([this] { return step(); }) {}

PrinterService::~PrinterService() {
    stop();
}

void PrinterService::start() {
    loop_.start();
}

void PrinterService::stop() {
    loop_.stop();
    cancelQueuedJobs();
}

void PrinterService::print(std::string reference, printer::Bytes slip, PrintDone done) {
    jobs_.push({std::move(reference), std::move(slip), std::move(done)});
    loop_.wake();
}

void PrinterService::printNow(PrintJob job) {
    auto outcome = slips_.print(job.reference, job.slip, kPrintTimeout);
    if (!outcome) {
        qCWarning(lcPrinter).noquote()
            << "slip" << job.reference.c_str() << "failed:" << outcome.error().message.c_str();
    } else {
        qCInfo(lcPrinter).noquote()
            << "slip" << job.reference.c_str()
            << (outcome.value() == printer::PrintOutcome::Printed ? "printed"
                                                                  : "lost to paper out");
    }
    QMetaObject::invokeMethod(this, [done = std::move(job.done), outcome] { done(outcome); });
}

void PrinterService::pollState() {
    auto polled = printer::queryState(setup_.endpoint, kQueryTimeout);
    const printer::PrinterState state = polled ? polled.value() : printer::PrinterState::Offline;
    if (lastState_ == state) return;
    if (!polled) qCWarning(lcPrinter) << polled.error().message.c_str();
    qCInfo(lcPrinter).noquote() << "printer:" << printer::toString(state).data();
    lastState_ = state;
    QMetaObject::invokeMethod(this, [this, state] { emit stateChanged(state); });
}

// One slip at a time between polls, so the printer is asked one thing at a time; after a slip
// the state is asked at once, since it may have used the last paper.
std::chrono::milliseconds PrinterService::step() {
    if (auto job = jobs_.take()) printNow(std::move(*job));
    pollState();
    return jobs_.empty() ? setup_.pollInterval : std::chrono::milliseconds(0);
}

// Jobs never started are reported, so no journey waits for them forever.
void PrinterService::cancelQueuedJobs() {
    for (auto& job : jobs_.takeAll()) {
        QMetaObject::invokeMethod(this, [done = std::move(job.done)] { done(printerStopped()); });
    }
}

}  // namespace lobby::devices
