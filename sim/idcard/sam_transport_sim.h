#pragma once
// Two ways to reach the emulator: in-process (LoopbackTransport, what the kiosk's "simulated"
// backend uses) and over a pseudo-terminal (PtyServer, so the real SerialTransport is tested).
// Both pace replies at the configured baud rate, as a real 8N1 line would.

#include <atomic>
#include <condition_variable>
#include <deque>
#include <string>
#include <thread>

#include "idcard/transport.h"
#include "sim/idcard/sam_emulator.h"

namespace lobby::sim {

class LoopbackTransport final : public idcard::Transport {
public:
    LoopbackTransport(SamEmulator& emulator, int baud) : emulator_(emulator), baud_(baud) {}

    Status write(std::span<const std::uint8_t> bytes, idcard::Milliseconds timeout) override;
    Result<std::size_t> read(std::span<std::uint8_t> buffer, idcard::Milliseconds timeout) override;
    void discardInput() override;
    Status reopen() override { return {}; }
    double bytesPerSecond() const override { return baud_ / 10.0; }

private:
    SamEmulator& emulator_;
    int baud_;
    idcard::FrameDecoder decoder_;
    std::mutex mutex_;
    std::deque<std::uint8_t> pending_;
    std::chrono::steady_clock::time_point readyAt_{};
};

class PtyServer {
public:
    // Opens a pty and serves the emulator on it until destroyed.
    static Result<std::unique_ptr<PtyServer>> start(SamEmulator& emulator, int baud);
    ~PtyServer();

    const std::string& devicePath() const { return path_; }

private:
    PtyServer(SamEmulator& emulator, int baud, int master, std::string path);
    void serve();
    void writePaced(const idcard::Bytes& bytes);

    SamEmulator& emulator_;
    int baud_;
    int master_;
    std::string path_;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace lobby::sim
