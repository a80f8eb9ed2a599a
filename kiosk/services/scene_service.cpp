#include "services/scene_service.h"

#include <QRandomGenerator>

#include "core/session_controller.h"
#include "logging/categories.h"
#include "services/platform_service.h"

namespace lobby::services {
namespace {

// Each wait is the interval ± a fifth, so a hospital's kiosks started together drift apart.
constexpr double kJitterFraction = 0.2;

}  // namespace

SceneService::SceneService(scene::SceneStore& store, PlatformService* platform,
                           core::SessionController& session, std::chrono::seconds pollInterval,
                           Apply apply, QObject* parent)
    : QObject(parent),
      store_(store),
      platform_(platform),
      session_(session),
      pollInterval_(pollInterval),
      apply_(std::move(apply)) {
    pollTimer_.setSingleShot(true);
    connect(&pollTimer_, &QTimer::timeout, this, &SceneService::pollNow);
    connect(&session_, &core::SessionController::stateChanged, this,
            &SceneService::applyPendingIfIdle);
}

void SceneService::start() {
    store_.load();
    if (const auto& current = store_.current()) {
        qCInfo(lcPlatform) << "scene version" << current->version << "applied from"
                           << store_.currentPath().c_str();
        apply_(*current);
    }
    if (!store_.lastRejection().empty())
        qCWarning(lcPlatform) << "scene:" << store_.lastRejection().c_str();
    if (platform_ != nullptr) pollNow();
}

void SceneService::scheduleNextPoll() {
    const double factor =
        1.0 + kJitterFraction * (2.0 * QRandomGenerator::global()->generateDouble() - 1.0);
    const auto interval_ms = static_cast<double>(
        std::chrono::duration_cast<std::chrono::milliseconds>(pollInterval_).count());
    pollTimer_.start(static_cast<int>(interval_ms * factor));
}

void SceneService::pollNow() {
    if (platform_ == nullptr || polling_) return;
    polling_ = true;
    platform_->callDetached<std::optional<platform::SignedScene>>(
        [etag = etag_](platform::PlatformClient& client) { return client.scene(etag); },
        [this](Result<std::optional<platform::SignedScene>> fetched) {
            polling_ = false;
            scheduleNextPoll();
            if (!fetched) {
                // not_found: no scene for this kiosk's group yet, which is normal.
                if (fetched.error().code != "not_found")
                    qCWarning(lcPlatform) << "scene poll:" << fetched.error().message.c_str();
                return;
            }
            if (!fetched->has_value()) return;  // 304: still current
            etag_ = fetched->value().etag;
            received({fetched->value().sceneJson, fetched->value().signatureBase64});
        });
}

void SceneService::received(const scene::SignedSceneBytes& candidate) {
    if (store_.isCurrent(candidate)) return;  // a restarted kiosk's first poll: nothing new
    auto checked = store_.check(candidate);
    if (!checked) {
        store_.noteRejection(candidate, checked.error());
        qCWarning(lcPlatform) << "scene refused:" << store_.lastRejection().c_str();
        if (platform_ != nullptr) platform_->sendHeartbeat();
        return;
    }
    qCInfo(lcPlatform) << "scene version" << checked->version
                       << "received; applied when nobody is at the kiosk";
    pending_ = candidate;
    applyPendingIfIdle();
}

void SceneService::applyPendingIfIdle() {
    if (!pending_ || session_.currentState() != core::SessionState::Idle) return;
    auto applied = store_.apply(*pending_);
    pending_.reset();
    if (!applied) {
        qCWarning(lcPlatform) << "scene not applied:" << applied.error().message.c_str();
    } else {
        qCInfo(lcPlatform) << "scene version" << applied->version << "applied";
        apply_(applied.value());
    }
    if (platform_ != nullptr) platform_->sendHeartbeat();
}

}  // namespace lobby::services
