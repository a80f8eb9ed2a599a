#include "safe_fs.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace lobby::ctl {
namespace {

Error fsError(int code, const std::string& what) {
    if (code == ELOOP || code == ENOTDIR) {
        return makeError(ErrorKind::Io, "fs.symlink",
                         what + " is a symlink or not a directory; refusing to follow it");
    }
    return makeError(ErrorKind::Io, "fs.io", what + ": " + std::strerror(code));
}

constexpr int kDirectoryFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

}  // namespace

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = other.release();
    }
    return *this;
}

UniqueFd::~UniqueFd() {
    if (fd_ >= 0) ::close(fd_);
}

int UniqueFd::release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
}

Result<UniqueFd> openDirectory(const std::filesystem::path& path, bool create) {
    const std::filesystem::path absolute = std::filesystem::absolute(path).lexically_normal();
    UniqueFd current(::open("/", kDirectoryFlags));
    if (current.get() < 0) return fsError(errno, "/");
    std::filesystem::path reached = "/";
    for (const auto& part : absolute.relative_path()) {
        if (part.empty() || part == ".") continue;
        reached /= part;
        int fd = ::openat(current.get(), part.c_str(), kDirectoryFlags);
        if (fd < 0 && errno == ENOENT && create) {
            if (::mkdirat(current.get(), part.c_str(), 0700) != 0 && errno != EEXIST)
                return fsError(errno, reached.string());
            fd = ::openat(current.get(), part.c_str(), kDirectoryFlags);
        }
        if (fd < 0) return fsError(errno, reached.string());
        current = UniqueFd(fd);
    }
    return current;
}

Status secureDirectory(int directoryFd, mode_t mode, const Ownership* owner) {
    if (owner != nullptr && ::fchown(directoryFd, owner->uid, owner->gid) != 0)
        return fsError(errno, "changing the directory's owner");
    if (::fchmod(directoryFd, mode) != 0) return fsError(errno, "changing the directory's mode");
    return {};
}

Status writeFileAt(int directoryFd, const std::string& name, const std::string& content,
                   mode_t mode, const Ownership* owner) {
    const std::string temporary = name + ".tmp";
    // A leftover temporary, or a link planted under its name, goes first (unlinkat never
    // follows a link); O_EXCL | O_NOFOLLOW then refuses anything that appears in between.
    if (::unlinkat(directoryFd, temporary.c_str(), 0) != 0 && errno != ENOENT)
        return fsError(errno, temporary);
    UniqueFd file(::openat(directoryFd, temporary.c_str(),
                           O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (file.get() < 0) return fsError(errno, temporary);
    if (owner != nullptr && ::fchown(file.get(), owner->uid, owner->gid) != 0)
        return fsError(errno, temporary);
    if (::fchmod(file.get(), mode) != 0) return fsError(errno, temporary);
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(file.get(), content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return fsError(errno, temporary);
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(file.get()) != 0) return fsError(errno, temporary);
    if (::renameat(directoryFd, temporary.c_str(), directoryFd, name.c_str()) != 0)
        return fsError(errno, name);
    ::fsync(directoryFd);
    return {};
}

Status removeAt(int directoryFd, const std::string& name) {
    struct stat info {};
    if (::fstatat(directoryFd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
        return errno == ENOENT ? Status{} : Status{fsError(errno, name)};
    }
    if (!S_ISDIR(info.st_mode)) {
        if (::unlinkat(directoryFd, name.c_str(), 0) != 0 && errno != ENOENT)
            return fsError(errno, name);
        return {};
    }
    const int fd = ::openat(directoryFd, name.c_str(), kDirectoryFlags);
    if (fd < 0) return fsError(errno, name);
    DIR* listing = ::fdopendir(fd);
    if (listing == nullptr) {
        ::close(fd);
        return fsError(errno, name);
    }
    std::vector<std::string> entries;
    while (const dirent* entry = ::readdir(listing)) {
        const std::string child = entry->d_name;
        if (child != "." && child != "..") entries.push_back(child);
    }
    Status result;
    for (const auto& child : entries) {
        if (auto removed = removeAt(::dirfd(listing), child); !removed) {
            result = removed;
            break;
        }
    }
    ::closedir(listing);
    if (!result) return result;
    if (::unlinkat(directoryFd, name.c_str(), AT_REMOVEDIR) != 0 && errno != ENOENT)
        return fsError(errno, name);
    return {};
}

Status removePath(const std::filesystem::path& path) {
    const std::filesystem::path absolute = std::filesystem::absolute(path).lexically_normal();
    auto parent = openDirectory(absolute.parent_path(), false);
    if (!parent) {
        return parent.error().code == "fs.io" && !std::filesystem::exists(absolute.parent_path())
                   ? Status{}
                   : Status{parent.error()};
    }
    return removeAt(parent->get(), absolute.filename().string());
}

}  // namespace lobby::ctl
