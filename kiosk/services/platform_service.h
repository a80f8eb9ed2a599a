#pragma once
// The kiosk's side of the appointment platform: one PlatformClient driven from one worker
// thread, so the screen never waits on the network. Journeys hand it work and get the result
// back on the Qt event loop; when the patient's session ends every call of that session is
// cancelled and its late results are dropped, so nothing reaches the next patient. It also sends
// the terminal's heartbeat on a timer and says whether the platform is reachable.

#include <QObject>
#include <QTimer>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "core/translatable_text.h"
#include "platform/platform_client.h"

namespace lobby::services {

// A failed call as a patient should hear it: the platform's own words when it refused, else ours.
struct CallFailure {
    Error error;
    core::TranslatableText message;
};

class PlatformService : public QObject {
    Q_OBJECT
public:
    // `client`: HttpsPlatformClient in the kiosk, a scripted fake in the flows' unit tests.
    PlatformService(std::unique_ptr<platform::PlatformClient> client,
                    std::chrono::seconds heartbeatInterval, QObject* parent = nullptr);
    ~PlatformService() override;

    // Runs `work` on the worker thread, then `done` here with its outcome, unless the session
    // that asked has ended in between.
    template <typename T>
    void call(std::function<Result<T>(platform::PlatformClient&)> work,
              std::function<void(Result<T>, std::optional<CallFailure>)> done);

    // Like call(), for work no patient owns (a doctor's photo): its result always arrives.
    template <typename T>
    void callDetached(std::function<Result<T>(platform::PlatformClient&)> work,
                      std::function<void(Result<T>)> done);

    // The patient walked away: cancels the call in flight and drops every pending result.
    void endSession();

    // What the heartbeat reports (device states, last error); asked on the Qt thread.
    void setHealthSource(std::function<platform::Heartbeat()> source);
    void start();
    // A device's health changed: report it now rather than at the next beat.
    void sendHeartbeat();
    bool reachable() const { return reachable_.value_or(false); }

signals:
    void reachabilityChanged(bool reachable);
    // Every call's time on the worker (for --report-timings).
    void callTimed(qint64 elapsed_ms);

private:
    struct Job {
        std::uint64_t session;
        std::function<void(platform::PlatformClient&)> run;
    };
    void enqueue(bool sessionBound, std::function<void(platform::PlatformClient&)> run);
    void loop();
    void noteOutcome(const Error* error);
    static core::TranslatableText messageFor(const Error& error,
                                             const std::optional<platform::Refusal>& refusal);

    std::unique_ptr<platform::PlatformClient> client_;
    std::function<platform::Heartbeat()> healthSource_;
    QTimer heartbeatTimer_;
    std::optional<bool> reachable_;  // unknown until the first answer or failure

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> jobs_;
    bool stopping_ = false;
    std::atomic<std::uint64_t> session_{1};  // 0 marks jobs that outlive sessions (heartbeats)
    std::thread worker_;
};

template <typename T>
void PlatformService::call(std::function<Result<T>(platform::PlatformClient&)> work,
                           std::function<void(Result<T>, std::optional<CallFailure>)> done) {
    const std::uint64_t asked = session_.load();
    enqueue(true, [this, asked, work = std::move(work),
                   done = std::move(done)](platform::PlatformClient& client) {
        auto result = work(client);
        std::optional<CallFailure> failure;
        if (!result)
            failure = CallFailure{result.error(), messageFor(result.error(), client.lastRefusal())};
        QMetaObject::invokeMethod(this, [this, asked, done, result = std::move(result), failure] {
            noteOutcome(failure ? &failure->error : nullptr);
            if (asked != session_.load()) return;  // that patient has gone
            done(result, failure);
        });
    });
}

template <typename T>
void PlatformService::callDetached(std::function<Result<T>(platform::PlatformClient&)> work,
                                   std::function<void(Result<T>)> done) {
    enqueue(false, [this, work = std::move(work),
                    done = std::move(done)](platform::PlatformClient& client) {
        auto result = work(client);
        QMetaObject::invokeMethod(this, [done, result = std::move(result)] { done(result); });
    });
}

}  // namespace lobby::services
