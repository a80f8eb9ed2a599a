#pragma once
// The jobs a printer service has been given and not yet started: taken one at a time by its
// device thread between state polls; those never started are handed back when it stops, so no
// journey waits for them forever.

#include <deque>
#include <mutex>
#include <optional>

#include "common/error.h"

namespace lobby::devices {

template <typename Job>
class PendingJobs {
public:
    void push(Job job) {
        std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    std::optional<Job> take() {
        std::lock_guard lock(mutex_);
        if (jobs_.empty()) return std::nullopt;
        Job job = std::move(jobs_.front());
        jobs_.pop_front();
        return job;
    }
    bool empty() const {
        std::lock_guard lock(mutex_);
        return jobs_.empty();
    }
    std::deque<Job> takeAll() {
        std::lock_guard lock(mutex_);
        return std::exchange(jobs_, {});
    }

private:
    mutable std::mutex mutex_;
    std::deque<Job> jobs_;
};

// What a job never started is told when its printer service stops.
inline Error printerStopped() {
    return makeError(ErrorKind::Cancelled, "printer.stopped", "the printer was stopped");
}

}  // namespace lobby::devices
