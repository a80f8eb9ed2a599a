#include "devices/scanner_service.h"

#include "logging/categories.h"

namespace lobby::devices {
namespace {
constexpr std::chrono::milliseconds kScanWait{250};  // how often the thread checks for stop
constexpr std::chrono::milliseconds kReopenPause{2000};
}  // namespace

ScannerService::ScannerService(SourceFactory openSource, std::vector<scanner::ScanRule> rules,
                               QObject* parent)
    : QObject(parent), openSource_(std::move(openSource)), rules_(std::move(rules)) {}

ScannerService::~ScannerService() {
    stop();
}

void ScannerService::start() {
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] { run(); });
}

void ScannerService::stop() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
}

void ScannerService::run() {
    std::unique_ptr<scanner::ScanSource> source;
    bool present = true;
    auto report = [this, &present](bool now, const Error* error) {
        if (now == present) return;
        present = now;
        if (error != nullptr) qCWarning(lcScanner) << error->message.c_str();
        QMetaObject::invokeMethod(this, [this, now] { emit presenceChanged(now); });
    };
    while (!stopping_) {
        if (!source) {
            auto opened = openSource_();
            if (!opened) {
                report(false, &opened.error());
                for (auto waited = std::chrono::milliseconds(0);
                     waited < kReopenPause && !stopping_; waited += kScanWait) {
                    std::this_thread::sleep_for(kScanWait);
                }
                continue;
            }
            source = std::move(opened.value());
            report(true, nullptr);
        }
        auto scan = source->next(kScanWait);
        if (!scan) {
            report(false, &scan.error());
            source.reset();
            continue;
        }
        if (!scan->has_value()) continue;
        auto token = scanner::classify(rules_, std::move(**scan));
        if (!token) {
            qCWarning(lcScanner) << "scan ignored:" << token.error().message.c_str();
            continue;
        }
        const QString kind = QString::fromLatin1(scanner::toString(token->kind).data());
        qCInfo(lcScanner).noquote() << "scan:" << kind << "(" << token->value.size() << "chars )";
        const QString value = QString::fromStdString(token->value);
        QMetaObject::invokeMethod(this, [this, kind, value] { emit scanned(kind, value); });
    }
}

}  // namespace lobby::devices
