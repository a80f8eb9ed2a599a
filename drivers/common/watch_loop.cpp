#include "common/watch_loop.h"

namespace lobby {

WatchLoop::WatchLoop(Step step, std::function<void()> interrupt)
    : step_(std::move(step)), interrupt_(std::move(interrupt)) {}

WatchLoop::~WatchLoop() {
    stop();
}

void WatchLoop::start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    stopping_ = false;
    woken_ = false;
    thread_ = std::thread([this] { run(); });
}

void WatchLoop::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    if (interrupt_) interrupt_();
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void WatchLoop::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wake_.notify_all();
}

bool WatchLoop::stopping() const {
    std::lock_guard lock(mutex_);
    return stopping_;
}

bool WatchLoop::rest(std::chrono::milliseconds duration) {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, duration, [this] { return stopping_ || woken_; });
    woken_ = false;
    return !stopping_;
}

void WatchLoop::run() {
    while (!stopping()) {
        const auto pause = step_();
        if (pause.count() > 0 && !rest(pause)) return;
    }
}

}  // namespace lobby
