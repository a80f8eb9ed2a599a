#include "platform/release_replies.h"

#include "platform/reply_decoding.h"

namespace lobby::platform {

std::string_view toString(UpdateStepPhase phase) {
    for (const auto& [value, word] : kUpdateStepPhases) {
        if (value == phase) return word;
    }
    return "unknown";
}

namespace replies {
namespace {

using namespace decoding;

constexpr std::size_t kMaxRollouts = 1000;
constexpr std::size_t kMaxTerminals = 10'000;
constexpr std::int64_t kMaxSeconds = 9'007'199'254'740'991;
constexpr std::int64_t kMaxStep_ms = 30LL * 24 * 3600 * 1000;  // longer than any assignment lives

}  // namespace

Result<TerminalUpdateStep> decoding::updateStep(const json& object, bool named) {
    return decode<TerminalUpdateStep>(object, [&](Decoder& d) {
        TerminalUpdateStep step;
        if (named)
            step.terminalId = plainText(d.text("terminal_id"), 64);
        else
            step.rolloutId = plainText(d.text("rollout_id"), 64);
        step.phase = d.status("phase", kUpdateStepPhases);
        step.ok = d.boolean("ok", false);
        if (!d.error && !(object.contains("ok") && object["ok"].is_boolean()))
            d.error = badReply("lacks ok");
        step.errorCode = plainText(d.text("error_code"), 64);
        step.fromVersion = plainText(d.text("from_version"), 64);
        step.toVersion = plainText(d.text("to_version"), 64);
        auto at = field<std::int64_t>(object, "at");
        if (!d.error && (!at || *at < 0 || *at > kMaxSeconds)) d.error = badReply("has a bad at");
        if (at) step.at = *at;
        for (auto [key, into] : {std::pair{"phase_ms", &step.phase_ms},
                                 std::pair{"out_of_service_ms", &step.outOfService_ms}}) {
            if (!object.contains(key)) continue;
            auto value = field<std::int64_t>(object, key);
            if (!d.error && (!value || *value < 0 || *value > kMaxStep_ms))
                d.error = badReply(std::string("has a bad ") + key);
            if (value) *into = *value;
        }
        return step;
    });
}

namespace {

Result<RolloutStatus> rolloutOf(const json& object) {
    auto status = decode<RolloutStatus>(object, [&](Decoder& d) {
        RolloutStatus rollout;
        rollout.id = d.text("rollout_id");
        rollout.sceneType = plainText(d.text("scene_type"), 64);
        rollout.release = plainText(d.text("release"), 64);
        rollout.stage = d.integer("stage", 0, 9);
        rollout.stageCount = d.integer("stage_count", 1, 10);
        rollout.paused = d.boolean("paused", false);
        rollout.pauseReason = plainText(d.text("pause_reason"), 200);
        rollout.installing = d.integer("installing", 0, kMaxTerminals);
        rollout.committed = d.integer("committed", 0, kMaxTerminals);
        rollout.rolledBack = d.integer("rolled_back", 0, kMaxTerminals);
        rollout.abandoned = d.integer("abandoned", 0, kMaxTerminals);
        return rollout;
    });
    if (!status) return status.error();
    RolloutStatus rollout = std::move(status.value());
    if (rollout.id.size() != 14 || rollout.id.rfind("R-", 0) != 0 ||
        rollout.stage >= rollout.stageCount)
        return badReply("has a rollout id or stage that is not one");
    for (const auto& [name, into] : {std::pair{"counter", &rollout.counter},
                                     std::pair{"published_at", &rollout.publishedAt}}) {
        auto number = field<std::int64_t>(object, name);
        if (!number) return number.error();
        if (*number < 0 || *number > kMaxSeconds) return badReply(std::string("has a bad ") + name);
        *into = *number;
    }
    const auto window = object.find("window");
    if (window == object.end() || !window->is_object()) return badReply("lacks window");
    auto times = decode<std::pair<int, int>>(*window, [](Decoder& d) {
        return std::pair{d.timeOfDay("from"), d.timeOfDay("to")};
    });
    if (!times) return times.error();
    rollout.windowFrom = window->at("from").get<std::string>();
    rollout.windowTo = window->at("to").get<std::string>();
    const auto terminals = object.find("terminals");
    if (terminals == object.end() || !terminals->is_array() || terminals->size() > kMaxTerminals)
        return badReply("lacks terminals");
    for (const auto& entry : *terminals) {
        auto step = updateStep(entry, true);
        if (!step) return step.error();
        rollout.terminals.push_back(std::move(step.value()));
    }
    return rollout;
}

}  // namespace

Result<RolloutStatus> rollout(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    return rolloutOf(*parsed);
}

Result<std::vector<RolloutStatus>> rollouts(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    const auto list = parsed->is_object() ? parsed->find("rollouts") : parsed->end();
    if (list == parsed->end() || !list->is_array() || list->size() > kMaxRollouts)
        return badReply("has no rollouts list");
    std::vector<RolloutStatus> all;
    for (const auto& entry : *list) {
        auto rollout = rolloutOf(entry);
        if (!rollout) return rollout.error();
        all.push_back(std::move(rollout.value()));
    }
    return all;
}

Result<ReleaseOfferReply> releaseOffer(const std::string& body) {
    auto parsed = parse(body);
    if (!parsed) return parsed.error();
    // The signed documents are read whole, to their own limits (a manifest may pass the 4 KiB
    // of a text to show); the updater parses and verifies them.
    constexpr std::size_t kMaxDocument_bytes = 64 * 1024;
    ReleaseOfferReply offer;
    for (const auto& [name, into] :
         {std::pair{"manifest_json", &offer.manifestJson},
          std::pair{"manifest_signature_base64", &offer.manifestSignature},
          std::pair{"assignment_json", &offer.assignmentJson},
          std::pair{"assignment_signature_base64", &offer.assignmentSignature}}) {
        if (!parsed->is_object() || !parsed->contains(name) || !(*parsed)[name].is_string())
            return badReply(std::string("lacks ") + name);
        *into = (*parsed)[name].get<std::string>();
        if (into->empty() || into->size() > kMaxDocument_bytes)
            return badReply(std::string("has an empty or overlong ") + name);
    }
    return offer;
}

}  // namespace replies
}  // namespace lobby::platform
