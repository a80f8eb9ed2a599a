#include "services/platform_service.h"

#include <QElapsedTimer>

#include "logging/categories.h"

namespace lobby::services {
namespace {

const char* const kUnreachable = QT_TRANSLATE_NOOP(
    "PlatformService",
    "The appointment service cannot be reached right now. Please try again later or ask at the "
    "service desk.");
const char* const kBadReply = QT_TRANSLATE_NOOP(
    "PlatformService",
    "The appointment service gave an answer we could not understand. Please ask at the service "
    "desk.");

}  // namespace

PlatformService::PlatformService(std::unique_ptr<platform::PlatformClient> client,
                                 std::chrono::seconds heartbeatInterval, QObject* parent)
    : QObject(parent), client_(std::move(client)) {
    heartbeatTimer_.setInterval(
        std::chrono::duration_cast<std::chrono::milliseconds>(heartbeatInterval));
    connect(&heartbeatTimer_, &QTimer::timeout, this, &PlatformService::sendHeartbeat);
    worker_ = std::thread([this] { loop(); });
}

PlatformService::~PlatformService() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        jobs_.clear();
    }
    client_->cancel();
    wake_.notify_all();
    worker_.join();
}

void PlatformService::setHealthSource(std::function<platform::Heartbeat()> source) {
    healthSource_ = std::move(source);
}

void PlatformService::start() {
    sendHeartbeat();  // at once, so the menu knows whether the platform answers
    heartbeatTimer_.start();
}

void PlatformService::endSession() {
    {
        std::lock_guard lock(mutex_);
        ++session_;
        std::erase_if(jobs_, [](const Job& job) { return job.session != 0; });
    }
    client_->cancel();
    // After the call in flight: nothing that follows acts for the patient who left.
    enqueue(false, [](platform::PlatformClient& client) { client.forgetPatientSession(); });
}

void PlatformService::enqueue(bool sessionBound,
                              std::function<void(platform::PlatformClient&)> run) {
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back({sessionBound ? session_.load() : 0, std::move(run)});
    }
    wake_.notify_all();
}

void PlatformService::loop() {
    while (true) {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (stopping_) return;
        Job job = std::move(jobs_.front());
        jobs_.pop_front();
        lock.unlock();
        QElapsedTimer clock;
        clock.start();
        job.run(*client_);
        QMetaObject::invokeMethod(this,
                                  [this, elapsed = clock.elapsed()] { emit callTimed(elapsed); });
    }
}

void PlatformService::sendHeartbeat() {
    if (!healthSource_) return;
    platform::Heartbeat health = healthSource_();
    enqueue(false, [this, health](platform::PlatformClient& client) {
        auto sent = client.heartbeat(health);
        std::optional<Error> error;
        if (!sent) error = sent.error();
        QMetaObject::invokeMethod(this, [this, error] {
            noteOutcome(error ? &*error : nullptr);
            if (error) qCWarning(lcPlatform).noquote() << "heartbeat:" << error->message.c_str();
        });
    });
}

// Any answer from the platform, even a refusal, shows it is there; only transport failures and
// garbled replies count against it.
void PlatformService::noteOutcome(const Error* error) {
    bool reachable = true;
    if (error != nullptr) {
        reachable = error->kind != ErrorKind::Unavailable && error->kind != ErrorKind::Timeout &&
                    error->kind != ErrorKind::Io && error->code.rfind("platform.", 0) != 0;
        if (error->kind == ErrorKind::Cancelled) return;
    }
    if (reachable == reachable_) return;
    reachable_ = reachable;
    qCInfo(lcPlatform) << "platform" << (reachable ? "reachable" : "unreachable");
    emit reachabilityChanged(reachable);
}

core::TranslatableText PlatformService::messageFor(
    const Error& error, const std::optional<platform::Refusal>& refusal) {
    if (refusal && refusal->code == error.code && !refusal->zh.empty()) {
        return core::TranslatableText::bilingual(QString::fromStdString(refusal->zh),
                                                 QString::fromStdString(refusal->en));
    }
    if (error.code == "platform.bad_reply") return {"PlatformService", kBadReply};
    return {"PlatformService", kUnreachable};
}

}  // namespace lobby::services
