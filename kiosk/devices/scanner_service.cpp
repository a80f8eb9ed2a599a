#include "devices/scanner_service.h"

#include "logging/categories.h"

namespace lobby::devices {
namespace {
constexpr std::chrono::milliseconds kScanWait{250};  // how long one read waits (stop's latency)
constexpr std::chrono::milliseconds kReopenPause{2000};
}  // namespace

ScannerService::ScannerService(SourceFactory openSource, std::vector<scanner::ScanRule> rules,
                               QObject* parent)
    : QObject(parent),
      openSource_(std::move(openSource)),
      rules_(std::move(rules)),
      loop_([this] { return step(); }) {}

ScannerService::~ScannerService() {
    stop();
}

void ScannerService::start() {
    loop_.start();
}

void ScannerService::stop() {
    loop_.stop();
    source_.reset();
}

void ScannerService::report(bool present, const Error* error) {
    if (present == present_) return;
    present_ = present;
    if (error != nullptr) qCWarning(lcScanner) << error->message.c_str();
    QMetaObject::invokeMethod(this, [this, present] { emit presenceChanged(present); });
}

std::chrono::milliseconds ScannerService::step() {
    if (!source_) {
        auto opened = openSource_();
        if (!opened) {
            report(false, &opened.error());
            return kReopenPause;
        }
        source_ = std::move(opened.value());
        report(true, nullptr);
    }
    auto scan = source_->next(kScanWait);
    if (!scan) {
        report(false, &scan.error());
        source_.reset();
        return std::chrono::milliseconds(0);
    }
    if (!scan->has_value()) return std::chrono::milliseconds(0);
    auto token = scanner::classify(rules_, std::move(**scan));
    if (!token) {
        qCWarning(lcScanner) << "scan ignored:" << token.error().message.c_str();
        return std::chrono::milliseconds(0);
    }
    const QString kind = QString::fromLatin1(scanner::toString(token->kind).data());
    qCInfo(lcScanner).noquote() << "scan:" << kind << "(" << token->value.size() << "chars )";
    const QString value = QString::fromStdString(token->value);
    QMetaObject::invokeMethod(this, [this, kind, value] { emit scanned(kind, value); });
    return std::chrono::milliseconds(0);
}

}  // namespace lobby::devices
