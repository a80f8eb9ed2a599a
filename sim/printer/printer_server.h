#pragma once
// A receipt printer on TCP (raw port 9100 protocol, on 127.0.0.1 only): answers DLE EOT status
// requests like a real printer in its scripted state, and turns each job (one connection) into
// a decoded slip saved as job-NNNN.txt and job-NNNN.png for tests and people to look at.
// States: ready, paper_low, paper_out, cover_open, offline; and "paper runs out after N lines".

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "common/error.h"
#include "printer/escpos.h"
#include "sim/printer/escpos_decoder.h"

namespace lobby::sim {

struct PrintedJob {
    int number = 0;
    printer::Bytes bytes;
    std::optional<DecodedSlip> slip;  // nullopt when the bytes did not decode
    std::string decodeError;
    bool truncated = false;                            // the paper ran out during this job
    std::chrono::steady_clock::time_point lastByteAt;  // when the job's connection ended
};

class PrinterServer {
public:
    // port 0 picks a free one. Jobs are saved under `outputDirectory` when it is not empty.
    static Result<std::unique_ptr<PrinterServer>> start(unsigned short port,
                                                        std::filesystem::path outputDirectory);
    ~PrinterServer();

    unsigned short port() const { return port_; }
    void setState(printer::PrinterState state);
    void paperOutAfter(int lines);  // the roll ends after this many more lines
    printer::PrinterState state() const;

    std::vector<PrintedJob> jobs() const;
    bool waitForJobs(std::size_t count, std::chrono::milliseconds timeout) const;

private:
    PrinterServer(int listener, unsigned short port, std::filesystem::path outputDirectory);
    void acceptLoop();
    void serve(int connection);
    std::uint8_t statusByte(std::uint8_t n) const;
    void finishJob(printer::Bytes bytes, std::chrono::steady_clock::time_point lastByteAt);

    int listener_;
    unsigned short port_;
    std::filesystem::path outputDirectory_;
    std::atomic<bool> stopping_{false};
    std::thread acceptor_;
    mutable std::mutex mutex_;
    mutable std::condition_variable jobDone_;
    printer::PrinterState state_ = printer::PrinterState::Ready;
    std::optional<int> linesLeft_;
    std::vector<PrintedJob> jobs_;
};

}  // namespace lobby::sim
