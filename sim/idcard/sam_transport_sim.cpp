#include "sim/idcard/sam_transport_sim.h"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace lobby::sim {
namespace {

std::chrono::microseconds wireTime(std::size_t bytes, int baud) {
    if (baud <= 0) return std::chrono::microseconds(0);
    return std::chrono::microseconds(static_cast<long long>(bytes) * 10 * 1'000'000 / baud);
}

}  // namespace

Status LoopbackTransport::write(std::span<const std::uint8_t> bytes, idcard::Milliseconds) {
    std::lock_guard lock(mutex_);
    decoder_.feed(bytes);
    while (auto frame = decoder_.next()) {
        EmulatorReply reply = emulator_.handle(*frame);
        const auto now = std::chrono::steady_clock::now();
        readyAt_ =
            now + wireTime(bytes.size(), baud_) + reply.delay + wireTime(reply.bytes.size(), baud_);
        pending_.insert(pending_.end(), reply.bytes.begin(), reply.bytes.end());
    }
    return {};
}

Result<std::size_t> LoopbackTransport::read(std::span<std::uint8_t> buffer,
                                            idcard::Milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::unique_lock lock(mutex_);
    if (pending_.empty() || readyAt_ > deadline) {
        lock.unlock();
        std::this_thread::sleep_until(deadline);
        return makeError(ErrorKind::Timeout, "idcard.timeout", "the reader did not answer");
    }
    const auto readyAt = readyAt_;
    lock.unlock();
    std::this_thread::sleep_until(readyAt);
    lock.lock();
    const std::size_t count = std::min(buffer.size(), pending_.size());
    std::copy_n(pending_.begin(), count, buffer.begin());
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<long>(count));
    return count;
}

void LoopbackTransport::discardInput() {
    std::lock_guard lock(mutex_);
    pending_.clear();
}

Result<std::unique_ptr<PtyServer>> PtyServer::start(SamEmulator& emulator, int baud) {
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0) {
        const int error = errno;
        if (master >= 0) ::close(master);
        return makeError(ErrorKind::Io, "sim.pty", std::string("openpt: ") + std::strerror(error));
    }
    char name[128];
    if (::ptsname_r(master, name, sizeof name) != 0) {
        ::close(master);
        return makeError(ErrorKind::Io, "sim.pty", "ptsname failed");
    }
    termios tty{};
    ::tcgetattr(master, &tty);
    ::cfmakeraw(&tty);
    ::tcsetattr(master, TCSANOW, &tty);
    return std::unique_ptr<PtyServer>(new PtyServer(emulator, baud, master, name));
}

PtyServer::PtyServer(SamEmulator& emulator, int baud, int master, std::string path)
    : emulator_(emulator), baud_(baud), master_(master), path_(std::move(path)) {
    thread_ = std::thread([this] { serve(); });
}

PtyServer::~PtyServer() {
    stopping_ = true;
    thread_.join();
    ::close(master_);
}

void PtyServer::serve() {
    idcard::FrameDecoder decoder;
    std::uint8_t buffer[512];
    constexpr int kPoll_ms = 50;
    while (!stopping_) {
        pollfd pfd{master_, POLLIN, 0};
        if (::poll(&pfd, 1, kPoll_ms) <= 0) continue;
        if ((pfd.revents & POLLHUP) != 0) {
            // No client has the slave open; wait instead of spinning.
            std::this_thread::sleep_for(std::chrono::milliseconds(kPoll_ms));
            continue;
        }
        const ssize_t n = ::read(master_, buffer, sizeof buffer);
        if (n <= 0) continue;
        decoder.feed(std::span(buffer, static_cast<std::size_t>(n)));
        while (auto frame = decoder.next()) {
            // The command reaches a real reader only after its own wire time.
            constexpr std::size_t kFrameOverhead_bytes = 8;  // preamble, length, checksum
            const std::size_t commandBytes =
                (frame->ok() ? frame->value().size() : 0) + kFrameOverhead_bytes;
            std::this_thread::sleep_for(wireTime(commandBytes, baud_));
            EmulatorReply reply = emulator_.handle(*frame);
            if (reply.bytes.empty()) continue;
            std::this_thread::sleep_for(reply.delay);
            writePaced(reply.bytes);
        }
    }
}

// Writes in small chunks, each after its wire time, so the client sees bytes arrive at the
// rate a real 8N1 line delivers them.
void PtyServer::writePaced(const idcard::Bytes& bytes) {
    constexpr std::size_t kChunk_bytes = 32;
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t sent = 0; sent < bytes.size();) {
        const std::size_t count = std::min(kChunk_bytes, bytes.size() - sent);
        std::this_thread::sleep_until(start + wireTime(sent + count, baud_));
        const ssize_t n = ::write(master_, bytes.data() + sent, count);
        if (n <= 0) return;
        sent += static_cast<std::size_t>(n);
    }
}

}  // namespace lobby::sim
