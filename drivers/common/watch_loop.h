#pragma once
// The one thread shape every device watcher uses: a step run over and over on a thread of its
// own, each step saying how long to rest before the next. stop() ends the rest at once and, for
// a step blocked inside a device call, runs the owner's interrupt (e.g. cancelling a PC/SC wait);
// wake() ends the current rest early, for new work such as a slip to print. A wake that comes
// while a step runs is kept, so no work waits a whole rest.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace lobby {

class WatchLoop {
public:
    using Step = std::function<std::chrono::milliseconds()>;  // returns the rest before the next
    explicit WatchLoop(Step step, std::function<void()> interrupt = {});
    ~WatchLoop();  // stops and joins
    WatchLoop(const WatchLoop&) = delete;
    WatchLoop& operator=(const WatchLoop&) = delete;

    void start();  // no-op while running
    void stop();   // safe from any thread but the loop's own, and more than once
    void wake();
    bool stopping() const;
    // For a step that must wait inside itself (e.g. before retrying): false once stopping.
    bool rest(std::chrono::milliseconds duration);

private:
    void run();

    Step step_;
    std::function<void()> interrupt_;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool woken_ = false;
};

}  // namespace lobby
