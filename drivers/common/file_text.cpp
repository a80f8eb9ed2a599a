#include "common/file_text.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace lobby {
namespace {

Error ioError(const std::string& what) {
    return makeError(ErrorKind::Io, "file.io", what + ": " + std::strerror(errno));
}

class Descriptor {
public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return fd_; }
    bool valid() const { return fd_ >= 0; }

private:
    int fd_;
};

}  // namespace

std::optional<std::string> readFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return std::nullopt;
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

Result<std::string> readSmallFile(const std::string& path, std::size_t limit) {
    Descriptor fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (!fd.valid()) {
        if (errno == ENOENT)
            return makeError(ErrorKind::NotFound, "file.missing", path + " is missing");
        if (errno == ELOOP)
            return makeError(ErrorKind::InvalidArgument, "file.link",
                             path + " is a link: not followed");
        return ioError("opening " + path);
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) return ioError("reading " + path);
    if (!S_ISREG(info.st_mode))
        return makeError(ErrorKind::InvalidArgument, "file.not_regular",
                         path + " is not a regular file");
    if (static_cast<std::size_t>(info.st_size) > limit)
        return makeError(ErrorKind::InvalidArgument, "file.too_large",
                         path + " is larger than " + std::to_string(limit) + " bytes");
    std::string bytes(limit + 1, '\0');
    std::size_t got = 0;
    while (got <= limit) {
        const ssize_t n = ::read(fd.get(), bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return ioError("reading " + path);
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    if (got > limit)
        return makeError(ErrorKind::InvalidArgument, "file.too_large",
                         path + " grew past " + std::to_string(limit) + " bytes while read");
    bytes.resize(got);
    return bytes;
}

Status writeFileAtomically(const std::string& directory, const std::string& path,
                           const std::string& bytes, unsigned mode) {
    const std::string temporary = path + ".tmp";
    // A temporary left by a crash is ours to replace; anything planted there is removed, not
    // followed (unlink removes a link itself), and O_EXCL refuses one that reappears.
    if (::unlink(temporary.c_str()) != 0 && errno != ENOENT)
        return ioError("removing " + temporary);
    Descriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                         static_cast<mode_t>(mode)));
    if (!fd.valid()) return ioError("creating " + temporary);
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd.get(), bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return ioError("writing " + temporary);
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0) return ioError("syncing " + temporary);
    if (::rename(temporary.c_str(), path.c_str()) != 0) return ioError("renaming " + temporary);
    Descriptor directoryFd(
        ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (directoryFd.valid()) ::fsync(directoryFd.get());
    return {};
}

}  // namespace lobby
