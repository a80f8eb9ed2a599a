#include <fcntl.h>
#include <linux/input.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>

#include "scanner/scan_source.h"

namespace lobby::scanner {
namespace {

Error ioError(const std::string& device, const char* what, int error) {
    const bool gone = error == ENOENT || error == ENODEV || error == ENXIO;
    return makeError(gone ? ErrorKind::Unavailable : ErrorKind::Io,
                     gone ? "scanner.no_scanner" : "scanner.io",
                     device + ": " + what + ": " + std::strerror(error));
}

class EvdevScanner final : public ScanSource {
public:
    EvdevScanner(std::string device, int fd, ScanSuffix suffix)
        : device_(std::move(device)), fd_(fd), suffix_(suffix) {}
    ~EvdevScanner() override {
        ::ioctl(fd_, EVIOCGRAB, 0);
        ::close(fd_);
    }

    Result<std::optional<std::string>> next(Milliseconds timeout) override {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (true) {
            // Read first, then wait: events already queued are taken without a poll, and the
            // wait is sliced so a node whose poll() never wakes (an emulated one) still works.
            // Events read past the end of one scan belong to the next: keep them queued.
            while (!queued_.empty()) {
                const input_event event = queued_.front();
                queued_.pop_front();
                if (auto scan = feed(event)) return scan;
            }
            input_event events[64];
            const ssize_t n = ::read(fd_, events, sizeof events);
            if (n > 0) {
                const std::size_t count = static_cast<std::size_t>(n) / sizeof(input_event);
                queued_.insert(queued_.end(), events, events + count);
                continue;
            }
            if (n < 0 && errno != EAGAIN && errno != EINTR) return ioError(device_, "read", errno);
            const auto left = std::chrono::duration_cast<Milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return std::optional<std::string>{};
            pollfd pfd{fd_, POLLIN, 0};
            const int slice_ms = static_cast<int>(std::min<long>(left.count(), kWaitSlice_ms));
            if (::poll(&pfd, 1, slice_ms) < 0 && errno != EINTR) {
                return ioError(device_, "poll", errno);
            }
            if ((pfd.revents & (POLLERR | POLLHUP | POLLNVAL)) != 0) {
                return ioError(device_, "read", ENODEV);
            }
        }
    }

private:
    std::optional<std::string> feed(const input_event& event) {
        if (event.type != EV_KEY) return std::nullopt;
        if (event.code == KEY_LEFTSHIFT || event.code == KEY_RIGHTSHIFT) {
            shift_ = event.value != 0;
            return std::nullopt;
        }
        if (event.value != 1) return std::nullopt;  // presses only, not releases or repeats
        const bool ends = suffix_ == ScanSuffix::Tab
                              ? event.code == KEY_TAB
                              : (event.code == KEY_ENTER || event.code == KEY_KPENTER);
        if (ends) {
            std::string scan;
            scan.swap(pending_);
            if (scan.empty()) return std::nullopt;
            return scan;
        }
        if (const char c = keyToChar(event.code, shift_); c != 0 && pending_.size() < kMaxScan) {
            pending_.push_back(c);
        }
        return std::nullopt;
    }

    static constexpr std::size_t kMaxScan = 4096;
    static constexpr long kWaitSlice_ms = 50;
    std::string device_;
    int fd_;
    ScanSuffix suffix_;
    bool shift_ = false;
    std::string pending_;
    std::deque<input_event> queued_;
};

}  // namespace

char keyToChar(unsigned short code, bool shift) {
    static constexpr const char* kDigits = "1234567890";
    static constexpr const char* kShiftedDigits = "!@#$%^&*()";
    if (code >= KEY_1 && code <= KEY_0) {
        return (shift ? kShiftedDigits : kDigits)[code - KEY_1];
    }
    struct Letter {
        unsigned short code;
        char lower;
    };
    static constexpr Letter kLetters[] = {
        {KEY_A, 'a'}, {KEY_B, 'b'}, {KEY_C, 'c'}, {KEY_D, 'd'}, {KEY_E, 'e'}, {KEY_F, 'f'},
        {KEY_G, 'g'}, {KEY_H, 'h'}, {KEY_I, 'i'}, {KEY_J, 'j'}, {KEY_K, 'k'}, {KEY_L, 'l'},
        {KEY_M, 'm'}, {KEY_N, 'n'}, {KEY_O, 'o'}, {KEY_P, 'p'}, {KEY_Q, 'q'}, {KEY_R, 'r'},
        {KEY_S, 's'}, {KEY_T, 't'}, {KEY_U, 'u'}, {KEY_V, 'v'}, {KEY_W, 'w'}, {KEY_X, 'x'},
        {KEY_Y, 'y'}, {KEY_Z, 'z'}};
    for (const auto& letter : kLetters) {
        if (letter.code == code) {
            return shift ? static_cast<char>(letter.lower - 'a' + 'A') : letter.lower;
        }
    }
    struct Symbol {
        unsigned short code;
        char plain;
        char shifted;
    };
    static constexpr Symbol kSymbols[] = {
        {KEY_MINUS, '-', '_'},      {KEY_EQUAL, '=', '+'},      {KEY_LEFTBRACE, '[', '{'},
        {KEY_RIGHTBRACE, ']', '}'}, {KEY_SEMICOLON, ';', ':'},  {KEY_APOSTROPHE, '\'', '"'},
        {KEY_GRAVE, '`', '~'},      {KEY_BACKSLASH, '\\', '|'}, {KEY_COMMA, ',', '<'},
        {KEY_DOT, '.', '>'},        {KEY_SLASH, '/', '?'},      {KEY_SPACE, ' ', ' '}};
    for (const auto& symbol : kSymbols) {
        if (symbol.code == code) return shift ? symbol.shifted : symbol.plain;
    }
    return 0;
}

Result<std::unique_ptr<ScanSource>> openEvdevScanner(const std::string& device, ScanSuffix suffix) {
    const int fd = ::open(device.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return ioError(device, "open", errno);
    // Exclusive: while grabbed, the scanner's keystrokes reach no one else (not the UI).
    if (::ioctl(fd, EVIOCGRAB, 1) != 0) {
        const int error = errno;
        ::close(fd);
        return makeError(error == EBUSY ? ErrorKind::Unavailable : ErrorKind::Io,
                         "scanner.grab_failed",
                         device + ": cannot grab the scanner: " + std::strerror(error));
    }
    return std::unique_ptr<ScanSource>(new EvdevScanner(device, fd, suffix));
}

}  // namespace lobby::scanner
