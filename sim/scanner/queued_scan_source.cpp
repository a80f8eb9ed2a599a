#include "sim/scanner/queued_scan_source.h"

namespace lobby::sim {

void ScanQueue::push(std::string scan) {
    {
        std::lock_guard lock(mutex_);
        scans_.push_back(std::move(scan));
    }
    ready_.notify_all();
}

Result<std::optional<std::string>> ScanQueue::pop(scanner::Milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (!ready_.wait_for(lock, timeout, [this] { return !scans_.empty(); }))
        return std::optional<std::string>();
    std::string scan = std::move(scans_.front());
    scans_.pop_front();
    return std::optional<std::string>(std::move(scan));
}

namespace {
class QueuedScanSource : public scanner::ScanSource {
public:
    explicit QueuedScanSource(std::shared_ptr<ScanQueue> queue) : queue_(std::move(queue)) {}
    Result<std::optional<std::string>> next(scanner::Milliseconds timeout) override {
        return queue_->pop(timeout);
    }

private:
    std::shared_ptr<ScanQueue> queue_;
};
}  // namespace

std::unique_ptr<scanner::ScanSource> makeQueuedScanSource(std::shared_ptr<ScanQueue> queue) {
    return std::make_unique<QueuedScanSource>(std::move(queue));
}

}  // namespace lobby::sim
