#pragma once
// Keeps the kiosk on its group's scene config: polls the platform (ETag, jittered interval),
// checks what arrives (signature against the trusted admin keys, validation, no rollback) and
// applies it only while nobody is at the kiosk, never mid-journey. A refused scene's reason goes
// into the next heartbeat, which is sent at once.

#include <QObject>
#include <QTimer>
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "scene/scene_store.h"

namespace lobby::core {
class SessionController;
}

namespace lobby::services {

class PlatformService;

class SceneService : public QObject {
    Q_OBJECT
public:
    using Apply = std::function<void(const scene::Scene&)>;
    // `platform` may be null (no platform: the stored scene is applied, nothing is polled).
    SceneService(scene::SceneStore& store, PlatformService* platform,
                 core::SessionController& session, std::chrono::seconds pollInterval, Apply apply,
                 QObject* parent = nullptr);

    // Applies the stored scene, if any, then starts polling.
    void start();
    void pollNow();
    long long sceneVersion() const { return store_.currentVersion(); }
    // Why the last scene was refused (for the heartbeat); empty when none was.
    std::string rejection() const { return store_.lastRejection(); }

private:
    void scheduleNextPoll();
    void received(const scene::SignedSceneBytes& candidate);
    void applyPendingIfIdle();

    scene::SceneStore& store_;
    PlatformService* platform_;
    core::SessionController& session_;
    std::chrono::seconds pollInterval_;
    Apply apply_;
    QTimer pollTimer_;
    std::string etag_;
    bool polling_ = false;
    std::optional<scene::SignedSceneBytes> pending_;
};

}  // namespace lobby::services
