#pragma once
// The kiosk's applied scene config on disk, and the checks a new one must pass: its signature
// verifies against a trusted admin key, it validates, it was signed for this kiosk's group and
// has not expired, and its version is above the version floor (no rollback) by no more than
// kMaxVersionJump. The floor is kept apart from the scenes (a file beside the state directory,
// per group) and only ever rises, so wiping or corrupting the stored scenes cannot lower it.
// Applying writes it atomically and keeps the one it replaces for fallback: a current file that no
// longer verifies (a revoked key, a torn disk) falls back to the previous one. Files hold the
// platform's envelope, {"scene_json", "signature_base64"}. Qt-free.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "common/error.h"
#include "scene/scene.h"

namespace lobby::scene {

struct SignedSceneBytes {
    std::string sceneJson;  // the exact bytes that were signed
    std::string signatureBase64;
};

// What binds a scene to this kiosk.
struct SceneBinding {
    std::string group = "default";  // terminal.group
    std::string floorPath;          // empty: STATE_DIRECTORY.floor, beside the state directory
    std::function<std::int64_t()> now_s;  // empty: the wall clock
};

class SceneStore {
public:
    SceneStore(std::string stateDirectory, std::string trustDirectory, SceneBinding binding = {});

    // Reads the applied scene (current, else previous); nothing applied is not an error. A file
    // that fails its checks is reported in lastRejection() and skipped.
    void load();
    const std::optional<Scene>& current() const { return current_; }
    long long currentVersion() const { return current_ ? current_->version : 0; }
    // The lowest version a new scene must exceed; nullopt when the floor file is unreadable
    // (then no scene is accepted: fail closed).
    std::optional<long long> versionFloor() const;

    // The checks, without applying: the scene it would become.
    Result<Scene> check(const SignedSceneBytes& candidate) const;
    // The very bytes of the scene applied now (a restarted kiosk offered what it already has):
    // not a scene to refuse, nor to apply again.
    bool isCurrent(const SignedSceneBytes& candidate) const;
    // check(), then writes it as the current scene, keeping the current one as previous.
    Result<Scene> apply(const SignedSceneBytes& candidate);

    // Why the last scene offered or loaded was refused ("v7: scene.bad_signature: ..."); empty
    // once a scene has been applied since.
    const std::string& lastRejection() const { return lastRejection_; }
    void noteRejection(const SignedSceneBytes& candidate, const Error& error);

    std::string currentPath() const;
    std::string previousPath() const;

private:
    Result<Scene> verified(const SignedSceneBytes& candidate) const;
    Result<Scene> loadFile(const std::string& path) const;
    // Signed for this group and not expired.
    Status bound(const Scene& scene) const;
    Status raiseFloor(long long version) const;

    std::string stateDirectory_, trustDirectory_;
    SceneBinding binding_;
    std::optional<Scene> current_;
    std::string lastRejection_;
};

}  // namespace lobby::scene
