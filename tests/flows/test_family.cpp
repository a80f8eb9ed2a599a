// 就诊人 at the kiosk: a patient without family members goes straight on; with some, they choose
// whom the visit is for, and the kiosk then acts for that member (their name on every screen);
// adding a member takes the relation first and then the member's own card; a refusal is said in
// the platform's words; leaving keeps nothing.
#include <gtest/gtest.h>

#include "flow_rig.h"
#include "input/pinyin_decoder.h"
#include "journeys/identity_resolver.h"
#include "journeys/name_entry.h"

using namespace lobby;
using namespace lobby::testing;
using platform::Dependant;
using platform::Relation;

namespace {

struct Rig : FlowRig {
    Rig() {
        identity = std::make_unique<journeys::IdentityResolver>(session, platform.get(),
                                                                registration, &family);
        session.start();
    }
    ~Rig() { identity.reset(); }
    // 李秀英's card, known to the platform, with these family members.
    void cardOfPatientWith(std::vector<Dependant> members) {
        script->answer<platform::Patient>("identifyByIdCard",
                                          platform::Patient{"P1", "李*英", "T1", ""});
        script->answer<std::vector<Dependant>>("dependants", std::move(members));
        session.identityPresented();
        identity->resolve({QStringLiteral("李*英"), QStringLiteral("310115198506150022"),
                           QStringLiteral("李秀英")});
    }
    journeys::PatientRegistration registration{session, platform.get()};
    journeys::NameEntry names{session, input::PinyinDecoder::systemDictionary()};
    journeys::FamilyChooser family{session, platform.get(), &names};
    std::unique_ptr<journeys::IdentityResolver> identity;
};

}  // namespace

TEST(Family, APatientWithoutFamilyMembersGoesStraightToTheMenu) {
    Rig rig;
    rig.cardOfPatientWith({});
    ASSERT_TRUE(waitFor([&] { return rig.session.currentState() == core::SessionState::Menu; }));
    EXPECT_EQ(rig.session.patientName(), "李*英");
    EXPECT_TRUE(rig.family.offered()) << "the menu offers to act for a family member";
    rig.family.switchPatient();
    EXPECT_EQ(rig.session.screenName(), "identify-who");
    EXPECT_EQ(rig.family.selfName(), "李*英");
    rig.family.chooseSelf();
    EXPECT_EQ(rig.session.currentState(), core::SessionState::Menu);
    EXPECT_EQ(rig.session.patientId(), "P1");
}

TEST(Family, WithMembersThePatientChoosesAndTheKioskActsForThatMember) {
    Rig rig;
    rig.cardOfPatientWith({Dependant{"P2", "张*丰", Relation::Parent}});
    ASSERT_TRUE(waitFor([&] { return rig.family.stepName() == "who"; }));
    EXPECT_EQ(rig.session.screenName(), "identify-who");
    EXPECT_FALSE(rig.session.readingCard());
    ASSERT_EQ(rig.family.members().size(), 1);
    EXPECT_EQ(rig.family.members().front().toMap().value("name"), "张*丰");

    rig.script->answer<platform::Patient>("actFor", platform::Patient{"P2", "张*丰", "T2", ""});
    rig.family.choose(QStringLiteral("P2"));
    ASSERT_TRUE(waitFor([&] { return rig.session.currentState() == core::SessionState::Menu; }));
    EXPECT_EQ(rig.session.patientName(), "张*丰") << "the screens name the member, not the patient";
    EXPECT_EQ(rig.session.patientId(), "P2");
    EXPECT_EQ(rig.script->calls().back(), "actFor(P1,P2)");
    EXPECT_FALSE(rig.family.offered()) << "acting for a member, not again from their menu";
}

TEST(Family, AddingTakesTheRelationFirstThenTheMembersOwnCard) {
    Rig rig;
    rig.cardOfPatientWith({Dependant{"P2", "张*丰", Relation::Parent}});
    ASSERT_TRUE(waitFor([&] { return rig.family.stepName() == "who"; }));
    rig.family.beginAdd();
    EXPECT_EQ(rig.session.screenName(), "identify-add-family");
    EXPECT_TRUE(rig.family.adding());
    const devices::CardHolder child{QStringLiteral("张*明"), QStringLiteral("110105201605200018"),
                                    QStringLiteral("张小明")};
    rig.identity->resolve(child);  // placed before saying who they are
    EXPECT_FALSE(rig.family.error().isEmpty());
    settleFor(50);
    EXPECT_EQ(rig.script->count("addDependant"), 0);
    EXPECT_EQ(rig.script->count("identifyByIdCard"), 1) << "a member's card never identifies";

    rig.family.chooseRelation(QStringLiteral("grandchild"));
    EXPECT_TRUE(rig.family.relation().isEmpty()) << "not a relation the platform knows";
    rig.family.chooseRelation(QStringLiteral("child"));
    rig.script->answer<Dependant>("addDependant", Dependant{"P3", "张*明", Relation::Child});
    rig.script->answer<platform::Patient>("actFor", platform::Patient{"P3", "张*明", "T3", ""});
    rig.identity->resolve(child);
    ASSERT_TRUE(waitFor([&] { return rig.session.currentState() == core::SessionState::Menu; }));
    EXPECT_EQ(rig.session.patientName(), "张*明");
    const auto calls = rig.script->calls();
    EXPECT_EQ(calls.at(calls.size() - 2).rfind("addDependant(P1,110105201605200018,张小明,0,0,", 0),
              0u)
        << calls.at(calls.size() - 2);
    EXPECT_EQ(calls.back(), "actFor(P1,P3)");
}

TEST(Family, ARefusedMemberIsExplainedInThePlatformsWordsAndNothingChanges) {
    Rig rig;
    rig.cardOfPatientWith({Dependant{"P2", "张*丰", Relation::Parent}});
    ASSERT_TRUE(waitFor([&] { return rig.family.stepName() == "who"; }));
    rig.family.beginAdd();
    rig.family.chooseRelation(QStringLiteral("child"));
    rig.script->refuse("addDependant", "relation_mismatch",
                       "证件上的出生日期与所选关系不符，请核对",
                       "The birth dates on the cards do not fit that relation; please check");
    rig.identity->resolve(
        {QStringLiteral("张*丰"), QStringLiteral("11010519491231002X"), QStringLiteral("张三丰")});
    ASSERT_TRUE(waitFor([&] { return !rig.family.busy() && !rig.family.error().isEmpty(); }));
    EXPECT_EQ(rig.family.stepName(), "add");
    EXPECT_EQ(rig.session.currentState(), core::SessionState::Identifying);
    EXPECT_EQ(rig.family.members().size(), 1);
    rig.family.cancelAdd();
    EXPECT_EQ(rig.family.stepName(), "who");
}

TEST(Family, LeavingKeepsNothingOfThePatientOrTheirFamily) {
    Rig rig;
    rig.cardOfPatientWith({Dependant{"P2", "张*丰", Relation::Parent}});
    ASSERT_TRUE(waitFor([&] { return rig.family.stepName() == "who"; }));
    rig.session.finish();
    EXPECT_EQ(rig.family.stepName(), "");
    EXPECT_TRUE(rig.family.members().isEmpty());
    EXPECT_TRUE(rig.family.selfName().isEmpty());
    EXPECT_FALSE(rig.family.offered());
}

TEST(Family, AChildWithoutAnIdCardIsAddedByNumberAndATypedName) {
    Rig rig;
    rig.cardOfPatientWith({Dependant{"P2", "张*丰", Relation::Parent}});
    ASSERT_TRUE(waitFor([&] { return rig.family.stepName() == "who"; }));
    rig.family.beginAdd();
    rig.family.beginChildWithoutCard();
    EXPECT_EQ(rig.session.screenName(), "identify-add-child");
    EXPECT_FALSE(rig.session.readingCard());
    EXPECT_FALSE(rig.family.adding()) << "a card placed now is not taken as the child's";

    rig.family.submitChildNumber(QStringLiteral("110105201605200019"));
    EXPECT_FALSE(rig.family.error().isEmpty()) << "a wrong check digit";
    EXPECT_EQ(rig.family.stepName(), "child-number");
    rig.family.submitChildNumber(QStringLiteral("110105197001010011"));
    EXPECT_NE(rig.family.error().indexOf(QStringLiteral("16")), -1)
        << "a grown child has a card: " << rig.family.error().toStdString();
    EXPECT_EQ(rig.family.stepName(), "child-number");

    rig.family.submitChildNumber(QStringLiteral("110105201605200018"));
    EXPECT_EQ(rig.session.screenName(), "identify-add-child-name");
    EXPECT_EQ(rig.family.childBirthDate(), "2016-05-20");
    EXPECT_EQ(rig.family.childSex(), "Male");
    rig.family.addChild();
    EXPECT_EQ(rig.script->count("addDependant"), 0) << "no name typed yet";

    for (const QChar letter : QStringLiteral("zhangxiaoming"))
        rig.names.typeLetter(letter);
    ASSERT_FALSE(rig.names.candidates().isEmpty());
    const auto whole = static_cast<int>(rig.names.candidates().indexOf(QStringLiteral("张小明")));
    ASSERT_GE(whole, 0) << rig.names.candidates().join(',').toStdString();
    rig.names.choose(whole);
    EXPECT_TRUE(rig.names.complete());
    EXPECT_EQ(rig.names.name(), "张小明");

    rig.script->answer<Dependant>("addDependant", Dependant{"P3", "张*明", Relation::Child});
    rig.script->answer<platform::Patient>("actFor", platform::Patient{"P3", "张*明", "T3", ""});
    rig.family.addChild();
    ASSERT_TRUE(waitFor([&] { return rig.session.currentState() == core::SessionState::Menu; }));
    EXPECT_EQ(rig.session.patientName(), "张*明");
    const auto& calls = rig.script->calls();
    EXPECT_EQ(calls.at(calls.size() - 2).rfind("addDependant(P1,110105201605200018,张小明,0,2,", 0),
              0u)
        << calls.at(calls.size() - 2) << ": from the household register (proof 2)";
}

TEST(Family, BackFromTheChildsNameToTheirNumberAndToTheCard) {
    Rig rig;
    rig.cardOfPatientWith({Dependant{"P2", "张*丰", Relation::Parent}});
    ASSERT_TRUE(waitFor([&] { return rig.family.stepName() == "who"; }));
    rig.family.beginAdd();
    rig.family.beginChildWithoutCard();
    rig.family.submitChildNumber(QStringLiteral("110105201605200018"));
    rig.family.cancelAdd();
    EXPECT_EQ(rig.session.screenName(), "identify-add-child");
    rig.family.cancelAdd();
    EXPECT_EQ(rig.session.screenName(), "identify-add-family");
    EXPECT_TRUE(rig.family.adding());
    EXPECT_TRUE(rig.family.childBirthDate().isEmpty()) << "the number typed is gone";
}
