#pragma once
// A simulated scanner for the demo and scripted journeys: scans are pushed in (the journey's
// "scan" step) and come out of next() exactly as a real scanner's complete scans do.

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

#include "scanner/scan_source.h"

namespace lobby::sim {

// Shared between the ScanSource the kiosk reads and whoever scans.
class ScanQueue {
public:
    void push(std::string scan);
    Result<std::optional<std::string>> pop(scanner::Milliseconds timeout);

private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::string> scans_;
};

std::unique_ptr<scanner::ScanSource> makeQueuedScanSource(std::shared_ptr<ScanQueue> queue);

}  // namespace lobby::sim
