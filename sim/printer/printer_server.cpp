#include "sim/printer/printer_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "sim/printer/slip_renderer.h"

namespace lobby::sim {
namespace {
constexpr int kPoll_ms = 100;
constexpr std::uint8_t DLE = 0x10, EOT = 0x04;
}  // namespace

Result<std::unique_ptr<PrinterServer>> PrinterServer::start(unsigned short port,
                                                            std::filesystem::path outputDirectory) {
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listener, 4) != 0 ||
        ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        const int error = errno;
        ::close(listener);
        return makeError(ErrorKind::Io, "sim.printer",
                         std::string("listen: ") + std::strerror(error));
    }
    if (!outputDirectory.empty()) std::filesystem::create_directories(outputDirectory);
    return std::unique_ptr<PrinterServer>(
        new PrinterServer(listener, ntohs(address.sin_port), std::move(outputDirectory)));
}

PrinterServer::PrinterServer(int listener, unsigned short port,
                             std::filesystem::path outputDirectory)
    : listener_(listener), port_(port), outputDirectory_(std::move(outputDirectory)) {
    acceptor_ = std::thread([this] { acceptLoop(); });
}

PrinterServer::~PrinterServer() {
    stopping_ = true;
    acceptor_.join();
    ::close(listener_);
}

void PrinterServer::setState(printer::PrinterState state) {
    std::lock_guard lock(mutex_);
    state_ = state;
    if (state == printer::PrinterState::Ready) linesLeft_.reset();  // a new roll
}

void PrinterServer::paperOutAfter(int lines) {
    std::lock_guard lock(mutex_);
    linesLeft_ = lines;
}

printer::PrinterState PrinterServer::state() const {
    std::lock_guard lock(mutex_);
    return state_;
}

std::vector<PrintedJob> PrinterServer::jobs() const {
    std::lock_guard lock(mutex_);
    return jobs_;
}

bool PrinterServer::waitForJobs(std::size_t count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return jobDone_.wait_for(lock, timeout, [&] { return jobs_.size() >= count; });
}

std::uint8_t PrinterServer::statusByte(std::uint8_t n) const {
    std::lock_guard lock(mutex_);
    return printer::encodeStatus(state_, n);
}

void PrinterServer::acceptLoop() {
    while (!stopping_) {
        pollfd pfd{listener_, POLLIN, 0};
        if (::poll(&pfd, 1, kPoll_ms) <= 0) continue;
        const int connection = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (connection >= 0) serve(connection);  // one job at a time, like a real printer
    }
}

void PrinterServer::serve(int connection) {
    printer::Bytes job;
    std::uint8_t buffer[4096];
    while (!stopping_) {
        pollfd pfd{connection, POLLIN, 0};
        const int ready = ::poll(&pfd, 1, kPoll_ms);
        if (ready <= 0) continue;
        const ssize_t n = ::recv(connection, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        job.insert(job.end(), buffer, buffer + n);
        // Real-time status requests are answered as soon as they arrive, wherever they are.
        for (std::size_t i = 0; i + 2 < job.size();) {
            if (job[i] == DLE && job[i + 1] == EOT && job[i + 2] >= 1 && job[i + 2] <= 4) {
                const std::uint8_t answer = statusByte(job[i + 2]);
                ::send(connection, &answer, 1, MSG_NOSIGNAL);
                job.erase(job.begin() + static_cast<long>(i),
                          job.begin() + static_cast<long>(i + 3));
            } else {
                ++i;
            }
        }
    }
    const auto lastByteAt = std::chrono::steady_clock::now();
    ::close(connection);
    if (!job.empty()) finishJob(std::move(job), lastByteAt);
}

void PrinterServer::finishJob(printer::Bytes bytes,
                              std::chrono::steady_clock::time_point lastByteAt) {
    PrintedJob printed;
    printed.lastByteAt = lastByteAt;
    auto slip = decodeEscPos(bytes);
    if (slip) {
        printed.slip = std::move(slip.value());
    } else {
        printed.decodeError = slip.error().message;
    }
    {
        std::lock_guard lock(mutex_);
        if (state_ == printer::PrinterState::PaperOut ||
            state_ == printer::PrinterState::CoverOpen ||
            state_ == printer::PrinterState::Offline) {
            printed.truncated = true;  // nothing comes out of a printer that cannot print
            if (printed.slip) printed.slip->elements.clear();
        } else if (linesLeft_ && printed.slip) {
            // Keep what fits on the rest of the roll; the printer then reports paper out.
            int lines = 0;
            auto& elements = printed.slip->elements;
            for (auto it = elements.begin(); it != elements.end(); ++it) {
                lines += std::holds_alternative<SlipText>(*it) ? 1 : 0;
                if (const auto* feed = std::get_if<SlipFeed>(&*it)) lines += feed->lines;
                if (lines > *linesLeft_) {
                    elements.erase(it, elements.end());
                    printed.truncated = true;
                    break;
                }
            }
            *linesLeft_ -= std::min(lines, *linesLeft_);
            if (printed.truncated || *linesLeft_ == 0) state_ = printer::PrinterState::PaperOut;
        }
        printed.number = static_cast<int>(jobs_.size()) + 1;
        printed.bytes = std::move(bytes);
    }
    if (!outputDirectory_.empty()) {
        char stem[32];
        std::snprintf(stem, sizeof stem, "job-%04d", printed.number);
        std::ofstream(outputDirectory_ / (std::string(stem) + ".txt"))
            << (printed.slip ? printed.slip->text() : "decode error: " + printed.decodeError)
            << (printed.truncated ? "[paper ran out]\n" : "");
        if (printed.slip) {
            renderSlip(*printed.slip)
                .save(QString::fromStdString(
                    (outputDirectory_ / (std::string(stem) + ".png")).string()));
        }
    }
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(printed));
    jobDone_.notify_all();
}

}  // namespace lobby::sim
