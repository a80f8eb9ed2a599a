#pragma once
// A release: what a kiosk of some scene types installs to move to a new version, signed offline
// by a release key (a key role of its own: its public keys in TRUST_DIR/release/, never beside the
// scene admins' keys, so neither can sign for the other). parseReleaseManifest() is its one
// reader, strict like the scene's: an unknown key, a bad version, a path in a file name, a size
// out of range or a counter out of JSON's safe integers is refused. Qt-free.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace lobby::update {

inline constexpr int kManifestFormat = 1;
inline constexpr std::size_t kMaxManifestBytes = 64 * 1024;
inline constexpr std::int64_t kMaxPackageBytes = 512LL * 1024 * 1024;
inline constexpr std::int64_t kMaxCounter = 9'007'199'254'740'991;  // JSON's safe integers

struct ReleasePackage {
    std::string name;     // the Debian package, e.g. "lobby-kiosk"
    std::string version;  // its Debian version
    std::string file;     // the .deb's file name on the platform and in the staging directory
    std::string sha256;   // 64 lowercase hex digits of the .deb
    std::int64_t size = 0;
};

struct ReleaseManifest {
    std::string release;                  // the release's version as people say it, "1.5.0"
    std::int64_t counter = 0;             // only ever rises from one release to the next
    std::vector<std::string> sceneTypes;  // the scene types it is for
    std::string minVersion;  // the lowest installed version of the first package it upgrades
    std::vector<ReleasePackage> packages;  // installed together, in this order

    // The package whose version stands for the kiosk's (the first one: "lobby-kiosk").
    const ReleasePackage& mainPackage() const { return packages.front(); }
};

Result<ReleaseManifest> parseReleaseManifest(std::string_view bytes);

// A package's file name as manifests, the platform and the staging folder use it: a plain .deb
// name of at most 128 bytes, no folder, no "..", no hidden file, no shell or control characters.
bool isDebFileName(std::string_view file);

// The lowercase hex SHA-256 of `bytes` (the assignment names the manifest by it).
std::string sha256Hex(std::string_view bytes);

// Signatures of both kinds are detached Ed25519 over the exact bytes, as scenes' are; each role
// has its own folder of trusted public keys under the trust directory.
inline constexpr std::string_view kReleaseKeyRole = "release";
inline constexpr std::string_view kPlatformKeyRole = "platform";

// Which key of TRUST_DIR/ROLE/ verifies a detached signature over `bytes`. Errors
// "update.no_ROLE_keys", "update.WHAT_not_trusted".
Result<std::string> verifySignatureByRole(std::string_view bytes, std::string_view signatureBase64,
                                          const std::string& trustDirectory, std::string_view role,
                                          const std::string& what);

// Which release key (file name) verifies the manifest. Errors "update.release_not_trusted",
// "update.no_release_keys".
Result<std::string> verifyManifestSignature(std::string_view bytes,
                                            std::string_view signatureBase64,
                                            const std::string& trustDirectory);

}  // namespace lobby::update
