#pragma once
// File operations for kioskctl running as root in directories the kiosk's own user owns
// (/var/lib/lobby-kiosk): a symlink planted there must never make root write, chmod, chown or
// delete somewhere else. Every path is walked component by component with O_NOFOLLOW; files
// are made and replaced relative to their directory's descriptor, and modes and owners are set
// on descriptors, never by name.

#include <sys/types.h>

#include <filesystem>
#include <string>

#include "common/error.h"

namespace lobby::ctl {

// An open file descriptor, closed with its owner.
class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept;
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    ~UniqueFd();
    int get() const { return fd_; }
    int release();

private:
    int fd_ = -1;
};

// The directory at `path`, reached without following a symlink at any step; made (mode 0700)
// when `create` and missing. A symlink anywhere on the way is Error{Io,
// "fs.symlink"}.
Result<UniqueFd> openDirectory(const std::filesystem::path& path, bool create);

struct Ownership {
    uid_t uid;
    gid_t gid;
};

// Sets the open directory's owner (when given) and mode on its descriptor.
Status secureDirectory(int directoryFd, mode_t mode, const Ownership* owner);

// Writes `content` to `name` in the directory: a fresh temporary (never through a link), its
// mode and owner set on the descriptor before a byte is written, synced, then renamed over
// `name` (which replaces a symlink of that name instead of following it).
Status writeFileAt(int directoryFd, const std::string& name, const std::string& content,
                   mode_t mode, const Ownership* owner);

// Removes `name` in the directory: a file or a symlink is unlinked (never its target); a
// directory is emptied the same way, depth first, then removed. Missing: nothing to do.
Status removeAt(int directoryFd, const std::string& name);

// removeAt for a whole path: its parent opened with openDirectory. Missing: nothing to do.
Status removePath(const std::filesystem::path& path);

}  // namespace lobby::ctl
