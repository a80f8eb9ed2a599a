#include "devices/printer_service.h"

#include "logging/categories.h"

namespace lobby::devices {
namespace {
constexpr std::chrono::milliseconds kQueryTimeout{3000};
}

PrinterService::PrinterService(PrinterSetup setup, QObject* parent)
    : QObject(parent), setup_(std::move(setup)) {}

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
    if (setup_.direct) return printer::queryStatus(*setup_.direct, kQueryTimeout);
    if (setup_.usbDirect) return printer::queryStatusUsb(*setup_.usbDirect, kQueryTimeout);
    auto status = printer::queryQueue(setup_.queue, kQueryTimeout);
    if (!status) return status.error();
    if (!status->accepting) return printer::PrinterState::Offline;
    return status->printerState;
}

void PrinterService::run() {
    std::optional<QString> last;
    while (true) {
        auto state = poll();
        QString name = QStringLiteral("offline");
        if (state) {
            name = QString::fromLatin1(printer::toString(state.value()).data());
        } else if (!last || *last != name) {
            qCWarning(lcPrinter) << state.error().message.c_str();
        }
        if (!last || *last != name) {
            qCInfo(lcPrinter).noquote() << "printer:" << name;
            last = name;
            QMetaObject::invokeMethod(this, [this, name] { emit stateChanged(name); });
        }
        std::unique_lock lock(mutex_);
        if (wake_.wait_for(lock, setup_.pollInterval, [this] { return stopping_; })) return;
    }
}

}  // namespace lobby::devices
