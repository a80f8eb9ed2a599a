#pragma once
// The updater's files: a .deb's hash read without following links, staged files renamed into
// place, directories made root-only (kioskctl hashes the .debs it lists in a manifest). Qt-free.

#include <cstdint>
#include <string>

#include "common/error.h"

namespace lobby::update {

// The lowercase hex SHA-256 and size of a regular file (a link, a folder or a device is an error).
struct FileDigest {
    std::string sha256;
    std::int64_t size = 0;
};
Result<FileDigest> digestFile(const std::string& path);

// A directory of root's (0700), made if missing; a link in its place is refused.
Status ensurePrivateDirectory(const std::string& path);

// Removes a file if it is there (a link is removed, never followed).
void removeIfPresent(const std::string& path);
Status renameFile(const std::string& from, const std::string& to);

// The file name the kept last-known-good .deb of `name` at `version` has.
std::string keptFileName(const std::string& name, const std::string& version);

}  // namespace lobby::update
