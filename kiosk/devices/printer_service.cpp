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
      slips_(setup_.endpoint.queue, setup_.endpoint.tcp) {}

PrinterService::~PrinterService() {
    stop();
}

void PrinterService::start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] { run(); });
}

void PrinterService::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

Result<printer::PrinterState> PrinterService::poll() const {
    return printer::queryState(setup_.endpoint, kQueryTimeout);
}

void PrinterService::print(std::string reference, printer::Bytes slip, PrintDone done) {
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back({std::move(reference), std::move(slip), std::move(done)});
    }
    wake_.notify_all();
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

void PrinterService::run() {
    std::optional<printer::PrinterState> last;
    while (true) {
        auto polled = poll();
        const printer::PrinterState state =
            polled ? polled.value() : printer::PrinterState::Offline;
        if (!polled && last != state) qCWarning(lcPrinter) << polled.error().message.c_str();
        if (last != state) {
            qCInfo(lcPrinter).noquote() << "printer:" << printer::toString(state).data();
            last = state;
            QMetaObject::invokeMethod(this, [this, state] { emit stateChanged(state); });
        }
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, setup_.pollInterval, [this] { return stopping_ || !jobs_.empty(); });
        if (stopping_) break;
        if (jobs_.empty()) continue;
        PrintJob job = std::move(jobs_.front());
        jobs_.pop_front();
        lock.unlock();
        printNow(std::move(job));  // then poll at once: the slip may have used the last paper
    }
    // Jobs never started are reported, so no journey waits for them forever.
    std::lock_guard lock(mutex_);
    for (auto& job : jobs_) {
        QMetaObject::invokeMethod(this, [done = std::move(job.done)] {
            done(makeError(ErrorKind::Cancelled, "printer.stopped", "the printer was stopped"));
        });
    }
    jobs_.clear();
}

}  // namespace lobby::devices
