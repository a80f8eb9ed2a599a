#include "idcard/serial_transport.h"

#include "common/serial_port.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace lobby::idcard {
namespace {

Error ioError(const std::string& device, const char* what, int error) {
    const ErrorKind kind = (error == ENOENT || error == ENODEV || error == ENXIO || error == EIO)
                               ? ErrorKind::Unavailable
                               : ErrorKind::Io;
    return makeError(kind, kind == ErrorKind::Unavailable ? "idcard.no_reader" : "idcard.io",
                     device + ": " + what + ": " + std::strerror(error));
}

int remainingMs(std::chrono::steady_clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<Milliseconds>(deadline - std::chrono::steady_clock::now());
    return left.count() > 0 ? static_cast<int>(left.count()) : 0;
}

}  // namespace

Result<std::unique_ptr<SerialTransport>> SerialTransport::construct(const std::string& device,
                                                                    int baud) {
    if (baudConstant(baud) == 0) {
        return makeError(ErrorKind::InvalidArgument, "idcard.bad_baud",
                         "unsupported baud rate " + std::to_string(baud));
    }
    return std::unique_ptr<SerialTransport>(new SerialTransport(device, baud));
}

Result<std::unique_ptr<SerialTransport>> SerialTransport::open(const std::string& device,
                                                               int baud) {
    auto transport = construct(device, baud);
    if (!transport) return transport;
    if (auto status = transport.value()->openDevice(); !status) return status.error();
    return transport;
}

Result<std::unique_ptr<SerialTransport>> SerialTransport::create(const std::string& device,
                                                                 int baud) {
    auto transport = construct(device, baud);
    // A missing reader is reported through read()/write() until reopen() succeeds.
    if (transport) (void)transport.value()->openDevice();
    return transport;
}

SerialTransport::~SerialTransport() {
    closeDevice();
}

Status SerialTransport::openDevice() {
    fd_ = ::open(device_.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) return ioError(device_, "open", errno);
    // Exclusive: a second process talking to the reader would corrupt both exchanges.
    // TIOCEXCL does not stop root, so an advisory lock guards against other kiosk processes.
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        closeDevice();
        return makeError(ErrorKind::Unavailable, "idcard.reader_busy",
                         device_ + ": in use by another process (" + std::strerror(error) + ")");
    }
    if (::ioctl(fd_, TIOCEXCL) != 0 && errno != ENOTTY) {
        const int error = errno;
        closeDevice();
        return ioError(device_, "exclusive open", error);
    }
    if (!configureRawSerial(fd_, baud_)) {
        const int error = errno;
        closeDevice();
        return ioError(device_, "configuring the port", error);
    }
    return {};
}

void SerialTransport::closeDevice() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

Status SerialTransport::reopen() {
    closeDevice();
    return openDevice();
}

Status SerialTransport::write(std::span<const std::uint8_t> bytes, Milliseconds timeout) {
    if (fd_ < 0) return ioError(device_, "write", ENODEV);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
        if (n > 0) {
            written += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EINTR) return ioError(device_, "write", errno);
        pollfd pfd{fd_, POLLOUT, 0};
        const int left = remainingMs(deadline);
        if (left == 0 || ::poll(&pfd, 1, left) == 0) {
            return makeError(ErrorKind::Timeout, "idcard.timeout", device_ + ": write timed out");
        }
    }
    return {};
}

Result<std::size_t> SerialTransport::read(std::span<std::uint8_t> buffer, Milliseconds timeout) {
    if (fd_ < 0) return ioError(device_, "read", ENODEV);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        pollfd pfd{fd_, POLLIN, 0};
        const int ready = ::poll(&pfd, 1, remainingMs(deadline));
        if (ready < 0 && errno != EINTR) return ioError(device_, "poll", errno);
        if (ready > 0) {
            if ((pfd.revents & (POLLERR | POLLNVAL)) != 0) return ioError(device_, "read", EIO);
            const ssize_t n = ::read(fd_, buffer.data(), buffer.size());
            if (n > 0) return static_cast<std::size_t>(n);
            if (n < 0 && errno != EAGAIN && errno != EINTR) return ioError(device_, "read", errno);
            // POLLHUP with nothing to read: the other end is gone (unplugged bridge, closed pty).
            if ((pfd.revents & POLLHUP) != 0) return ioError(device_, "read", EIO);
        }
        if (remainingMs(deadline) == 0) {
            return makeError(ErrorKind::Timeout, "idcard.timeout",
                             device_ + ": the reader did not answer in time");
        }
    }
}

void SerialTransport::discardInput() {
    if (fd_ >= 0) ::tcflush(fd_, TCIFLUSH);
}

}  // namespace lobby::idcard
