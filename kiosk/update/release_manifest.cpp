#include "update/release_manifest.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <set>

#include "scene/scene_signature.h"
#include "update/debian_version.h"
#include "update/strict_json.h"

namespace lobby::update {
namespace {

using nlohmann::json;

Error invalid(const std::string& why) {
    return makeError(ErrorKind::InvalidConfig, "update.manifest_invalid", why);
}

bool isPackageName(std::string_view name) {
    if (name.size() < 2 || name.size() > 64) return false;
    if (!((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= '0' && name[0] <= '9'))) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    });
}

bool isSceneTypeName(std::string_view type) {
    if (type.empty() || type.size() > 64) return false;
    return std::all_of(type.begin(), type.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

Result<ReleasePackage> package(const json& entry, std::size_t index) {
    const std::string where = "packages[" + std::to_string(index) + "]";
    if (auto keys = onlyKeys(entry, {"name", "version", "file", "sha256", "size"}, where); !keys)
        return keys.error();
    ReleasePackage package;
    auto name = requiredString(entry, "name", where);
    auto version = requiredString(entry, "version", where);
    auto file = requiredString(entry, "file", where);
    auto sha = requiredString(entry, "sha256", where);
    auto size = requiredInteger(entry, "size", 1, kMaxPackageBytes, where);
    for (const auto* field : {&name, &version, &file, &sha}) {
        if (!*field) return field->error();
    }
    if (!size) return size.error();
    if (!isPackageName(*name)) return invalid(where + ".name is not a Debian package name");
    if (!isDebianVersion(*version)) return invalid(where + ".version is not a Debian version");
    if (!isDebFileName(*file)) return invalid(where + ".file is not a plain .deb file name");
    if (!isSha256Hex(*sha)) return invalid(where + ".sha256 is not 64 lowercase hex digits");
    package.name = *name;
    package.version = *version;
    package.file = *file;
    package.sha256 = *sha;
    package.size = *size;
    return package;
}

}  // namespace

bool isDebFileName(std::string_view file) {
    if (file.size() < 5 || file.size() > 128 || file.front() == '.') return false;
    if (file.substr(file.size() - 4) != ".deb" || file.find("..") != std::string_view::npos)
        return false;
    return std::all_of(file.begin(), file.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '_' || c == '+' || c == '~' || c == '-';
    });
}

Result<ReleaseManifest> parseReleaseManifest(std::string_view bytes) {
    if (bytes.size() > kMaxManifestBytes)
        return invalid("the manifest is larger than " + std::to_string(kMaxManifestBytes) +
                       " bytes");
    auto document = parseObject(bytes, "update.manifest_invalid", "the manifest");
    if (!document) return document.error();
    const json& root = *document;
    const std::string where = "the manifest";
    if (auto keys = onlyKeys(
            root, {"format", "release", "counter", "scene_types", "min_version", "packages"},
            where);
        !keys)
        return keys.error();
    auto format = requiredInteger(root, "format", kManifestFormat, kManifestFormat, where);
    if (!format) return format.error();
    ReleaseManifest manifest;
    auto release = requiredString(root, "release", where);
    if (!release) return release.error();
    if (!isDebianVersion(*release)) return invalid("release is not a version");
    manifest.release = *release;
    auto counter = requiredInteger(root, "counter", 1, kMaxCounter, where);
    if (!counter) return counter.error();
    manifest.counter = *counter;
    auto minVersion = requiredString(root, "min_version", where);
    if (!minVersion) return minVersion.error();
    if (!isDebianVersion(*minVersion)) return invalid("min_version is not a Debian version");
    manifest.minVersion = *minVersion;

    const auto types = root.find("scene_types");
    if (types == root.end() || !types->is_array() || types->empty() || types->size() > 16)
        return invalid("scene_types must list 1 to 16 scene types");
    std::set<std::string> seenTypes;
    for (const auto& type : *types) {
        if (!type.is_string() || !isSceneTypeName(type.get<std::string>()))
            return invalid("scene_types holds something that is not a scene type");
        if (!seenTypes.insert(type.get<std::string>()).second)
            return invalid("scene_types names " + type.get<std::string>() + " twice");
        manifest.sceneTypes.push_back(type.get<std::string>());
    }

    const auto packages = root.find("packages");
    if (packages == root.end() || !packages->is_array() || packages->empty() ||
        packages->size() > 16)
        return invalid("packages must list 1 to 16 packages");
    std::set<std::string> names, files;
    for (std::size_t i = 0; i < packages->size(); ++i) {
        auto entry = package((*packages)[i], i);
        if (!entry) return entry.error();
        if (!names.insert(entry->name).second) return invalid("package " + entry->name + " twice");
        if (!files.insert(entry->file).second) return invalid("file " + entry->file + " twice");
        manifest.packages.push_back(std::move(entry.value()));
    }
    if (compareDebianVersions(manifest.minVersion, manifest.mainPackage().version) >= 0)
        return invalid("min_version must be below the version it installs");
    return manifest;
}

std::string sha256Hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < size; ++i) {
        hex += kHex[digest[i] >> 4];
        hex += kHex[digest[i] & 0xf];
    }
    return hex;
}

Result<std::string> verifySignatureByRole(std::string_view bytes, std::string_view signatureBase64,
                                          const std::string& trustDirectory, std::string_view role,
                                          const std::string& what) {
    const std::string directory = trustDirectory + "/" + std::string(role);
    auto key = scene::verifyScene(bytes, signatureBase64, directory);
    if (key) return key;
    if (key.error().code == "scene.no_trusted_keys") {
        return makeError(ErrorKind::InvalidConfig, "update.no_" + std::string(role) + "_keys",
                         "no " + std::string(role) + " key in " + directory);
    }
    return makeError(
        ErrorKind::InvalidConfig, "update." + what + "_not_trusted",
        "no trusted " + std::string(role) + " key verifies the " + what + "'s signature");
}

Result<std::string> verifyManifestSignature(std::string_view bytes,
                                            std::string_view signatureBase64,
                                            const std::string& trustDirectory) {
    return verifySignatureByRole(bytes, signatureBase64, trustDirectory, kReleaseKeyRole,
                                 "release");
}

}  // namespace lobby::update
