#include "update/package_files.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace lobby::update {
namespace {

Error ioError(const std::string& what, int error) {
    return makeError(ErrorKind::Io, error == ENOSPC ? "update.disk_full" : "update.io",
                     what + ": " + std::strerror(error));
}

}  // namespace

Result<FileDigest> digestFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return makeError(ErrorKind::NotFound, "update.missing", path);
        return ioError(path, errno);
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return makeError(ErrorKind::Io, "update.not_a_file", path + " is not a regular file");
    }
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                    EVP_MD_CTX_free);
    EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr);
    std::array<unsigned char, 64 * 1024> buffer{};
    std::int64_t size = 0;
    for (;;) {
        const ssize_t got = ::read(fd, buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            const int error = errno;
            ::close(fd);
            return ioError(path, error);
        }
        if (got == 0) break;
        EVP_DigestUpdate(context.get(), buffer.data(), static_cast<std::size_t>(got));
        size += got;
    }
    ::close(fd);
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_DigestFinal_ex(context.get(), digest.data(), &length);
    static constexpr char kHex[] = "0123456789abcdef";
    FileDigest result;
    for (unsigned int i = 0; i < length; ++i) {
        result.sha256 += kHex[digest[i] >> 4];
        result.sha256 += kHex[digest[i] & 0xf];
    }
    result.size = size;
    return result;
}

Status ensurePrivateDirectory(const std::string& path) {
    if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) return ioError(path, errno);
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) return ioError(path, errno);
    if (!S_ISDIR(info.st_mode))
        return makeError(ErrorKind::Io, "update.not_a_directory",
                         path + " is not a directory (a link is not followed)");
    return {};
}

void removeIfPresent(const std::string& path) {
    ::unlink(path.c_str());
}

Status renameFile(const std::string& from, const std::string& to) {
    if (std::rename(from.c_str(), to.c_str()) != 0) return ioError("renaming " + from, errno);
    return {};
}

std::string keptFileName(const std::string& name, const std::string& version) {
    std::string file = name + "_" + version + ".deb";
    for (char& c : file) {
        if (c == ':') c = '%';  // an epoch: dpkg's own pool names write it %3a; one char will do
    }
    return file;
}

}  // namespace lobby::update
