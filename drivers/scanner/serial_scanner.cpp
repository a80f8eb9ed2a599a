#include <fcntl.h>
#include <poll.h>
#include <sys/file.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/serial_port.h"
#include "scanner/scan_rules.h"
#include "scanner/scan_source.h"

namespace lobby::scanner {
namespace {

Error ioError(const std::string& device, const char* what, int error) {
    const bool gone = error == ENOENT || error == ENODEV || error == ENXIO || error == EIO;
    return makeError(gone ? ErrorKind::Unavailable : ErrorKind::Io,
                     gone ? "scanner.no_scanner" : "scanner.io",
                     device + ": " + what + ": " + std::strerror(error));
}

class SerialScanner final : public ScanSource {
public:
    SerialScanner(std::string device, int fd, ScanSuffix suffix)
        : device_(std::move(device)),
          fd_(fd),
          terminators_(suffix == ScanSuffix::Tab ? "\t" : "\r\n") {}
    ~SerialScanner() override { ::close(fd_); }

    Result<std::optional<std::string>> next(Milliseconds timeout) override {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (true) {
            if (auto scan = takeLine()) return scan;
            const auto left = std::chrono::duration_cast<Milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return std::optional<std::string>{};
            pollfd pfd{fd_, POLLIN, 0};
            const int ready = ::poll(&pfd, 1, static_cast<int>(left.count()));
            if (ready < 0 && errno != EINTR) return ioError(device_, "poll", errno);
            if (ready <= 0) continue;
            char chunk[256];
            const ssize_t n = ::read(fd_, chunk, sizeof chunk);
            if (n > 0) {
                pending_.append(chunk, static_cast<std::size_t>(n));
                if (pending_.size() > 4 * kMaxScanLength) {
                    pending_.clear();  // a line that never ends: noise, not a scan
                    return makeError(ErrorKind::Protocol, "scanner.bad_scan", "scan too long");
                }
            } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
                return ioError(device_, "read", n == 0 ? EIO : errno);
            }
        }
    }

private:
    std::optional<std::string> takeLine() {
        while (true) {
            const auto end = pending_.find_first_of(terminators_);
            if (end == std::string::npos) return std::nullopt;
            std::string line = pending_.substr(0, end);
            pending_.erase(0, end + 1);
            if (!line.empty()) return line;  // the LF of a CR LF pair leaves an empty line
        }
    }

    std::string device_;
    int fd_;
    const char* terminators_;
    std::string pending_;
};

}  // namespace

Result<ScanSuffix> parseSuffix(const std::string& name) {
    if (name == "enter") return ScanSuffix::Enter;
    if (name == "tab") return ScanSuffix::Tab;
    return makeError(ErrorKind::InvalidConfig, "scanner.bad_suffix",
                     "unknown scan suffix '" + name + "' (enter or tab)");
}

Result<std::unique_ptr<ScanSource>> openSerialScanner(const std::string& device, int baud,
                                                      ScanSuffix suffix) {
    if (baudConstant(baud) == 0) {
        return makeError(ErrorKind::InvalidArgument, "scanner.bad_baud",
                         "unsupported baud rate " + std::to_string(baud));
    }
    const int fd = ::open(device.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return ioError(device, "open", errno);
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return makeError(ErrorKind::Unavailable, "scanner.busy", device + ": in use");
    }
    // Some CDC-ACM scanners refuse line settings; they work at their own rate regardless.
    (void)configureRawSerial(fd, baud);
    return std::unique_ptr<ScanSource>(new SerialScanner(device, fd, suffix));
}

}  // namespace lobby::scanner
