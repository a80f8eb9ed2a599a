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
    for (const char* screen : {"attract",
                               "identify",
                               "identify-register",
                               "menu",
                               "pickup",
                               "book-departments",
                               "book-doctors",
                               "book-slots",
                               "book-confirm",
                               "book-paying",
                               "register-departments",
                               "register-doctors",
                               "register-slots",
                               "register-confirm",
                               "register-paying",
                               "cancel",
                               "my_bookings",
                               "done",
                               "error",
                               "farewell"}) {
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

TEST(VoiceGuide, ElderModeBringsVoiceWhateverTheScene) {
    Rig rig;
    rig.session.identityPresented();
    ASSERT_FALSE(rig.voice->offered());
    rig.kiosk.setElderMode(true);
    EXPECT_TRUE(rig.voice->on()) << "large text alone does not help a patient who cannot read";
    ASSERT_EQ(rig.recorder->said.size(), 1) << "the screen is read as soon as voice comes on";
    EXPECT_EQ(rig.recorder->said[0].first, VoiceGuide::instructionFor("identify"));
    rig.kiosk.setElderMode(false);
    EXPECT_FALSE(rig.voice->offered());
    rig.recorder->said.clear();
    rig.kiosk.setGuidance("", "", 60);
    rig.kiosk.patientAge(76);
    ASSERT_TRUE(rig.kiosk.elderModeOffered());
    EXPECT_EQ(rig.recorder->said.size(), 1) << "switched on by age, the screen is read once";
}

TEST(VoiceGuide, TheDoneScreenSaysWhereToGoAndTheFarewellWhatToTake) {
    Rig rig;
    rig.kiosk.setBranding("示例医院", "", "#0B5CAD", true);
    rig.kiosk.setLanguage("en");
    rig.session.identityPresented();
    rig.session.noteCardUsed();
    rig.session.identified("张*丰");
    rig.session.chooseFunction("my_bookings");  // unavailable without a platform: stays on menu
    // A journey ends: the outcome names the queue number and where to wait.
    lobby::core::JourneyOutcome outcome;
    outcome.title = TranslatableText::verbatim("Checked in");
    outcome.headlineLabel = TranslatableText::verbatim("Queue number");
    outcome.headline = "A003";
    outcome.next = TranslatableText::verbatim("Floor 3, Medicine waiting area");
    EXPECT_EQ(VoiceGuide::doneWords(QVariantMap{{"headlineLabel", "Queue number"},
                                                {"headline", "A003"},
                                                {"next", "Floor 3, Medicine waiting area"}}),
              "Done. Queue number A003 Floor 3, Medicine waiting area");
    EXPECT_EQ(rig.session.takeAway(), "card");
    rig.session.noteSlipPrinted();
    EXPECT_EQ(rig.session.takeAway(), "card_and_slip");
    rig.recorder->said.clear();
    rig.session.finish();
    ASSERT_FALSE(rig.recorder->said.isEmpty());
    EXPECT_EQ(rig.recorder->said.back().first, "Please take your card and your slip. Goodbye.");
    rig.session.identityPresented();  // the next patient, straight from the farewell
    EXPECT_EQ(rig.session.takeAway(), "") << "nothing of the last patient's is theirs to take";
}

TEST(KioskInfo, LargeTextGoesOnByItselfFromTheScenesAgeAndCanBeSwitchedBack) {
    KioskInfo kiosk{"示例医院", "zh", KioskDisplay{}};
    kiosk.patientAge(90);
    EXPECT_FALSE(kiosk.elderMode()) << "only where the scene asks for it";
    kiosk.setGuidance("", "", 60);
    kiosk.patientAge(59);
    EXPECT_FALSE(kiosk.elderMode());
    kiosk.patientAge(76);
    EXPECT_TRUE(kiosk.elderMode());
    EXPECT_TRUE(kiosk.elderModeOffered()) << "the menu says why the text is large";
    kiosk.toggleElderMode();
    EXPECT_FALSE(kiosk.elderMode());
    EXPECT_FALSE(kiosk.elderModeOffered());
    kiosk.setGuidance("请到人工窗口或 3 号机办理", "Service desk or kiosk 3", 0);
    kiosk.patientAge(90);
    EXPECT_FALSE(kiosk.elderMode()) << "0: never by itself";
    EXPECT_EQ(kiosk.whereElse(), "请到人工窗口或 3 号机办理");
    kiosk.setLanguage("en");
    EXPECT_EQ(kiosk.whereElse(), "Service desk or kiosk 3");
    kiosk.setGuidance("", "", 60);
    EXPECT_FALSE(kiosk.whereElse().isEmpty()) << "the service desk when the scene names none";
}
