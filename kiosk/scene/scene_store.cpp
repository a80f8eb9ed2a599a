#include "scene/scene_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "common/file_text.h"
#include "scene/scene_signature.h"

namespace lobby::scene {
namespace {

using json = nlohmann::json;

Error ioError(const std::string& what) {
    return makeError(ErrorKind::Io, "scene.io", what + ": " + std::strerror(errno));
}

Status writeAtomically(const std::string& directory, const std::string& path,
                       const std::string& bytes) {
    return writeFileAtomically(directory, path, bytes, 0640);
}

}  // namespace

SceneStore::SceneStore(std::string stateDirectory, std::string trustDirectory, SceneBinding binding)
    : stateDirectory_(std::move(stateDirectory)),
      trustDirectory_(std::move(trustDirectory)),
      binding_(std::move(binding)) {
    if (binding_.floorPath.empty()) {
        std::string directory = stateDirectory_;
        while (directory.size() > 1 && directory.back() == '/')
            directory.pop_back();
        binding_.floorPath = directory + ".floor";
    }
    if (!binding_.now_s)
        binding_.now_s = [] { return static_cast<std::int64_t>(std::time(nullptr)); };
}

std::optional<long long> SceneStore::versionFloor() const {
    long long floor = currentVersion();
    const auto text = readFile(binding_.floorPath);
    if (!text) return floor;  // never written: nothing applied since floors were kept
    const json floors = json::parse(*text, nullptr, false);
    if (!floors.is_object()) return std::nullopt;
    if (floors.contains(binding_.group)) {
        const json& kept = floors[binding_.group];
        if (!kept.is_number_integer() || kept.get<long long>() < 0 ||
            kept.get<long long>() > kMaxSceneVersion)
            return std::nullopt;
        floor = std::max(floor, kept.get<long long>());
    }
    return floor;
}

Status SceneStore::raiseFloor(long long version) const {
    // check() refused every scene while the file was unreadable, so what is read here parses.
    json floors = json::parse(readFile(binding_.floorPath).value_or("{}"), nullptr, false);
    if (!floors.is_object()) floors = json::object();
    if (floors.contains(binding_.group) && floors[binding_.group].is_number_integer() &&
        floors[binding_.group].get<long long>() >= version)
        return {};
    floors[binding_.group] = version;
    const std::string directory = std::filesystem::path(binding_.floorPath).parent_path().string();
    return writeAtomically(directory.empty() ? "." : directory, binding_.floorPath, floors.dump());
}

Status SceneStore::bound(const Scene& scene) const {
    if (scene.group != binding_.group) {
        return makeError(ErrorKind::InvalidConfig, "scene.wrong_group",
                         "signed for group \"" + scene.group + "\", this kiosk is in \"" +
                             binding_.group + "\"");
    }
    if (binding_.now_s() > scene.notAfter_s) {
        return makeError(ErrorKind::InvalidConfig, "scene.expired",
                         "version " + std::to_string(scene.version) + " has expired (not_after)");
    }
    return {};
}

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
    if (auto binds = bound(scene.value()); !binds) return binds.error();
    const auto floor = versionFloor();
    if (!floor) {
        return makeError(ErrorKind::InvalidConfig, "scene.floor_unreadable",
                         binding_.floorPath +
                             " is unreadable; no scene is accepted until a "
                             "technician restores it");
    }
    if (scene->version <= *floor) {
        return makeError(ErrorKind::InvalidConfig, "scene.not_newer",
                         "version " + std::to_string(scene->version) +
                             " is not newer than version " + std::to_string(*floor) +
                             ", the highest applied (no rollback)");
    }
    if (scene->version - *floor > kMaxVersionJump) {
        return makeError(ErrorKind::InvalidConfig, "scene.version_jump",
                         "version " + std::to_string(scene->version) + " is more than " +
                             std::to_string(kMaxVersionJump) + " above version " +
                             std::to_string(*floor));
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
    if (auto raised = raiseFloor(scene->version); !raised) return raised.error();
    current_ = scene.value();
    lastRejection_.clear();
    return scene;
}

bool SceneStore::isCurrent(const SignedSceneBytes& candidate) const {
    if (!current_) return false;
    const auto text = readFile(currentPath());
    if (!text) return false;
    const json envelope = json::parse(*text, nullptr, false);
    const auto field = [&](const char* key) {
        return envelope.is_object() && envelope.contains(key) && envelope[key].is_string()
                   ? envelope[key].get<std::string>()
                   : std::string();
    };
    return !candidate.sceneJson.empty() && field("scene_json") == candidate.sceneJson &&
           field("signature_base64") == candidate.signatureBase64;
}

void SceneStore::noteRejection(const SignedSceneBytes& candidate, const Error& error) {
    std::string version = "?";
    const json parsed = json::parse(candidate.sceneJson, nullptr, false);
    if (parsed.is_object() && parsed.contains("version") && parsed["version"].is_number_integer())
        version = std::to_string(parsed["version"].get<long long>());
    lastRejection_ = "v" + version + ": " + error.code + ": " + error.message;
}

Result<Scene> SceneStore::loadFile(const std::string& path) const {
    const auto text = readFile(path);
    if (!text) return makeError(ErrorKind::NotFound, "scene.none", path + " does not exist");
    const json envelope = json::parse(*text, nullptr, false);
    if (!envelope.is_object() || !envelope.contains("scene_json") ||
        !envelope["scene_json"].is_string() || !envelope.contains("signature_base64") ||
        !envelope["signature_base64"].is_string()) {
        return makeError(ErrorKind::InvalidConfig, "scene.corrupt",
                         path + " is not a stored scene");
    }
    auto scene = verified({envelope["scene_json"].get<std::string>(),
                           envelope["signature_base64"].get<std::string>()});
    if (scene) {
        if (auto binds = bound(scene.value()); !binds) return binds.error().withContext(path);
    }
    return std::move(scene).withContext(path);
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
