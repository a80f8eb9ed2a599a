// Voice guidance: what is said on which screen, in which language, and when nothing is said.
#include <gtest/gtest.h>

#include <QTest>

#include "core/kiosk_info.h"
#include "core/session_controller.h"
#include "core/voice_guide.h"

using namespace lobby::core;

namespace {

struct Recorder final : Speaker {
    void say(const QString& text, const QLocale& locale) override { said.append({text, locale}); }
    void stop() override { ++stops; }
    QList<std::pair<QString, QLocale>> said;
    int stops = 0;
};

struct Rig {
    Rig() {
        auto speaker = std::make_unique<Recorder>();
        recorder = speaker.get();
        voice = std::make_unique<VoiceGuide>(session, kiosk, std::move(speaker));
    }
    FunctionCatalog catalog;
    SessionController session{SessionTiming{60'000, 10'000, 300}, &catalog};
    KioskInfo kiosk{"示例医院", "zh", KioskDisplay{}};
    Recorder* recorder = nullptr;
    std::unique_ptr<VoiceGuide> voice;
};

}  // namespace

TEST(VoiceGuide, SilentUnlessTheSceneOffersIt) {
    Rig rig;
    rig.session.identityPresented();
    EXPECT_FALSE(rig.voice->offered());
    EXPECT_TRUE(rig.recorder->said.isEmpty());
    rig.voice->toggle();
    EXPECT_FALSE(rig.voice->on()) << "no switch where the scene has no voice";
}

TEST(VoiceGuide, ReadsEachScreensInstructionInThePatientsLanguage) {
    Rig rig;
    rig.kiosk.setBranding("示例医院", "", "#0B5CAD", true);
    ASSERT_TRUE(rig.voice->on());
    rig.session.identityPresented();
    ASSERT_EQ(rig.recorder->said.size(), 1);
    EXPECT_EQ(rig.recorder->said[0].first, VoiceGuide::instructionFor("identify"));
    EXPECT_EQ(rig.recorder->said[0].second.language(), QLocale::Chinese);
    rig.kiosk.setLanguage("en");
    rig.session.identified("张*丰");
    ASSERT_EQ(rig.recorder->said.size(), 2);
    EXPECT_EQ(rig.recorder->said[1].first, "Please choose what you would like to do.");
    EXPECT_EQ(rig.recorder->said[1].second.language(), QLocale::English);
    EXPECT_FALSE(rig.recorder->said[1].first.contains("张")) << "never the patient's name";
}

TEST(VoiceGuide, ThePatientsSwitchLastsForTheirSessionOnly) {
    Rig rig;
    rig.kiosk.setBranding("示例医院", "", "#0B5CAD", true);
    rig.session.identityPresented();
    rig.voice->toggle();
    EXPECT_FALSE(rig.voice->on());
    EXPECT_GE(rig.recorder->stops, 1) << "switching off cuts the voice at once";
    const auto spoken = rig.recorder->said.size();
    rig.session.identified("张*丰");
    EXPECT_EQ(rig.recorder->said.size(), spoken) << "silent once switched off";
    rig.session.finish();  // the patient leaves
    EXPECT_TRUE(rig.voice->on()) << "the next patient gets the kiosk's default";
}

TEST(VoiceGuide, EveryPatientScreenHasAnInstruction) {
    for (const char* screen :
         {"attract", "identify", "identify-register", "menu", "pickup", "book-departments",
          "book-doctors", "book-slots", "book-confirm", "book-paying", "cancel", "my_bookings",
          "done", "error", "farewell"}) {
        EXPECT_FALSE(VoiceGuide::instructionFor(screen).isEmpty()) << screen;
    }
    EXPECT_TRUE(VoiceGuide::instructionFor("maintenance-pin").isEmpty())
        << "technicians' screens are silent";
}

TEST(VoiceGuide, TheIdleWarningIsSpokenOncePerCountdown) {
    FunctionCatalog catalog;
    SessionController session{SessionTiming{1'500, 1'000, 300}, &catalog};
    KioskInfo kiosk{"示例医院", "zh", KioskDisplay{}};
    auto speaker = std::make_unique<Recorder>();
    Recorder* recorder = speaker.get();
    VoiceGuide voice(session, kiosk, std::move(speaker));
    kiosk.setBranding("示例医院", "", "#0B5CAD", true);
    session.start();
    recorder->said.clear();
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.countdownActive(); }, 3'000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.countdownRemaining() == 0; }, 3'000));
    int warnings = 0;
    for (const auto& [text, locale] : recorder->said)
        warnings += text == VoiceGuide::idleWarning();
    EXPECT_EQ(warnings, 1) << "said once, not every second of the countdown";
}

TEST(VoiceGuide, KeysAreSaidBackOneAtATimeOnlyWithVoiceOn) {
    Rig rig;
    rig.voice->sayKey("5");
    EXPECT_TRUE(rig.recorder->said.isEmpty()) << "voice is off unless the scene offers it";
    rig.kiosk.setBranding("示例医院", "", "#0B5CAD", true);
    rig.voice->sayKey("5");
    rig.voice->sayKey("X");
    rig.voice->sayKey("erase");
    rig.voice->sayKey("<b>");  // not a key: nothing said
    ASSERT_EQ(rig.recorder->said.size(), 3);
    EXPECT_EQ(rig.recorder->said[0].first, "5");
    EXPECT_EQ(rig.recorder->said[1].first, "X");
    EXPECT_EQ(rig.recorder->said[2].first, VoiceGuide::keyWords("erase"));
    rig.voice->toggle();  // the patient turns it off
    rig.voice->sayKey("7");
    EXPECT_EQ(rig.recorder->said.size(), 3);
}
