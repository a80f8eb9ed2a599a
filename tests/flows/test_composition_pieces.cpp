// What the composition root hands to others instead of doing itself: applying a scene to the
// kiosk, and giving memory back after each patient.
#include <gtest/gtest.h>

#include "core/kiosk_info.h"
#include "core/memory_policy.h"
#include "flow_rig.h"
#include "journeys/pickup_flow.h"
#include "journeys/scene_applier.h"

using namespace lobby;
using namespace lobby::testing;

TEST(SceneApplier, AppliesWhatTheSceneDecidesToTheKiosk) {
    FlowRig rig;
    core::KioskInfo kiosk(QStringLiteral("旧医院"), QStringLiteral("zh"), core::KioskDisplay{});
    journeys::BookingFlow booking(rig.session, rig.platform.get(), rig.slips, rig.journal.get(),
                                  journeys::BookingPolicy{});
    journeys::PickUpFlow pickup(rig.session, rig.platform.get(), rig.slips, rig.journal.get(),
                                journeys::BookingPolicy{});
    journeys::SceneApplier applier(kiosk, rig.catalog, rig.session, booking, pickup, rig.slips);
    scene::Scene scene;
    scene.hospitalName = "示例市第二人民医院";
    scene.hospitalNameEn = "Second People's Hospital";
    scene.primaryColor = "#0B5CAD";
    scene.functions = {"pickup", "my_bookings"};
    scene.paymentMethods = {"wechat"};
    applier.apply(scene);
    EXPECT_EQ(kiosk.hospitalName(), QStringLiteral("示例市第二人民医院"));
    EXPECT_EQ(kiosk.primaryColor(), QStringLiteral("#0B5CAD"));
    QStringList menu;
    for (const auto& function : rig.catalog.functions())
        menu << function.toMap().value("id").toString();
    EXPECT_EQ(menu, QStringList({"pickup", "my_bookings"}));
    EXPECT_EQ(booking.paymentMethods(), QStringList({"wechat"}));
    EXPECT_EQ(pickup.paymentMethods(), QStringList({"wechat"}));
}

TEST(MemoryPolicy, GivesMemoryBackAfterEachPatientNotBefore) {
    FlowRig rig;
    int collected = 0;
    core::MemoryPolicy memory(rig.session, [&collected] { ++collected; });
    rig.identify();
    EXPECT_EQ(collected, 0);
    rig.session.finish();  // the patient leaves
    settleFor(core::MemoryPolicy::kAfterLeaving_ms / 2);
    EXPECT_EQ(collected, 0) << "their screens may still be up";
    ASSERT_TRUE(waitFor([&] { return collected == 1; }, core::MemoryPolicy::kAfterLeaving_ms * 2));
    settleFor(200);
    EXPECT_EQ(collected, 1);
}
