#include "scene/scene_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "scene/scene_signature.h"

namespace lobby::scene {
namespace {

using json = nlohmann::json;

Error ioError(const std::string& what) {
    return makeError(ErrorKind::Io, "scene.io", what + ": " + std::strerror(errno));
}

// Writes `bytes` to `path` durably: a temporary file, fsync, rename, fsync of the directory.
Status writeAtomically(const std::string& directory, const std::string& path,
                       const std::string& bytes) {
    const std::string temporary = path + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    if (fd < 0) return ioError("creating " + temporary);
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const Error error = ioError("writing " + temporary);
            ::close(fd);
            return error;
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const Error error = ioError("syncing " + temporary);
        ::close(fd);
        return error;
    }
    ::close(fd);
    if (::rename(temporary.c_str(), path.c_str()) != 0) return ioError("renaming " + temporary);
    const int dirFd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

}  // namespace

SceneStore::SceneStore(std::string stateDirectory, std::string trustDirectory)
    : stateDirectory_(std::move(stateDirectory)), trustDirectory_(std::move(trustDirectory)) {}

std::string SceneStore::currentPath() const {
    return stateDirectory_ + "/current.scene";
}
std::string SceneStore::previousPath() const {
    return stateDirectory_ + "/previous.scene";
}

Result<Scene> SceneStore::verified(const SignedSceneBytes& candidate) const {
    if (auto key = verifyScene(candidate.sceneJson, candidate.signatureBase64, trustDirectory_);
        !key)
        return key.error();
    return parseScene(candidate.sceneJson);
}

Result<Scene> SceneStore::check(const SignedSceneBytes& candidate) const {
    auto scene = verified(candidate);
    if (!scene) return scene;
    if (scene->version <= currentVersion()) {
        return makeError(ErrorKind::InvalidConfig, "scene.not_newer",
                         "version " + std::to_string(scene->version) +
                             " is not newer than the applied version " +
                             std::to_string(currentVersion()) + " (no rollback)");
    }
    return scene;
}

Result<Scene> SceneStore::apply(const SignedSceneBytes& candidate) {
    auto scene = check(candidate);
    if (!scene) {
        noteRejection(candidate, scene.error());
        return scene;
    }
    if (::mkdir(stateDirectory_.c_str(), 0750) != 0 && errno != EEXIST)
        return ioError("creating " + stateDirectory_);
    const std::string envelope = json{
        {"scene_json", candidate.sceneJson},
        {"signature_base64",
         candidate.signatureBase64}}.dump();
    // The current file becomes the previous one first: a crash between the two renames leaves
    // the previous scene to fall back to, never a half-written one.
    if (::access(currentPath().c_str(), F_OK) == 0 &&
        ::rename(currentPath().c_str(), previousPath().c_str()) != 0)
        return ioError("keeping the previous scene");
    if (auto written = writeAtomically(stateDirectory_, currentPath(), envelope); !written)
        return written.error();
    current_ = scene.value();
    lastRejection_.clear();
    return scene;
}

void SceneStore::noteRejection(const SignedSceneBytes& candidate, const Error& error) {
    std::string version = "?";
    const json parsed = json::parse(candidate.sceneJson, nullptr, false);
    if (parsed.is_object() && parsed.contains("version") && parsed["version"].is_number_integer())
        version = std::to_string(parsed["version"].get<long long>());
    lastRejection_ = "v" + version + ": " + error.code + ": " + error.message;
}

Result<Scene> SceneStore::loadFile(const std::string& path) const {
    std::ifstream file(path, std::ios::binary);
    if (!file) return makeError(ErrorKind::NotFound, "scene.none", path + " does not exist");
    std::ostringstream bytes;
    bytes << file.rdbuf();
    const json envelope = json::parse(bytes.str(), nullptr, false);
    if (!envelope.is_object() || !envelope.contains("scene_json") ||
        !envelope["scene_json"].is_string() || !envelope.contains("signature_base64") ||
        !envelope["signature_base64"].is_string()) {
        return makeError(ErrorKind::InvalidConfig, "scene.corrupt",
                         path + " is not a stored scene");
    }
    return verified({envelope["scene_json"].get<std::string>(),
                     envelope["signature_base64"].get<std::string>()})
        .withContext(path);
}

void SceneStore::load() {
    current_.reset();
    for (const std::string& path : {currentPath(), previousPath()}) {
        auto scene = loadFile(path);
        if (scene) {
            current_ = scene.value();
            return;
        }
        if (scene.error().code != "scene.none")
            lastRejection_ = "stored scene: " + scene.error().code + ": " + scene.error().message;
    }
}

}  // namespace lobby::scene
