// Typing a Chinese name by pinyin (for a child with no ID card): Google Pinyin's real dictionary
// gives the candidates; a whole name chosen at once or character by character; only a–z taken;
// the name forgotten when the patient leaves.
#include <gtest/gtest.h>

#include "core/session_controller.h"
#include "input/pinyin_decoder.h"
#include "journeys/name_entry.h"

using namespace lobby;

namespace {
constexpr core::SessionTiming kTiming{60'000, 10'000, 300};

void typeLetters(journeys::NameEntry& entry, const QString& letters) {
    for (const QChar letter : letters)
        entry.typeLetter(letter);
}
}  // namespace

TEST(PinyinDecoder, LettersGiveCharactersAndAPartialChoiceLeavesTheRest) {
    auto opened = input::PinyinDecoder::open(input::PinyinDecoder::systemDictionary());
    ASSERT_TRUE(opened) << opened.error().message;
    auto& decoder = *opened.value();
    EXPECT_FALSE(input::PinyinDecoder::open(input::PinyinDecoder::systemDictionary()))
        << "one decoder at a time";

    auto found = decoder.search("zhangxiaoming");
    ASSERT_TRUE(found);
    const auto zhang = std::find(found->begin(), found->end(), "张");
    ASSERT_NE(zhang, found->end());
    auto chosen = decoder.choose(static_cast<std::size_t>(zhang - found->begin()));
    ASSERT_TRUE(chosen);
    EXPECT_TRUE(chosen->empty()) << "two syllables are still to choose";
    EXPECT_EQ(decoder.pending(), "张");
    const auto xiao = std::find(decoder.candidates().begin(), decoder.candidates().end(), "小");
    ASSERT_NE(xiao, decoder.candidates().end());
    chosen = decoder.choose(static_cast<std::size_t>(xiao - decoder.candidates().begin()));
    ASSERT_TRUE(chosen);
    EXPECT_EQ(decoder.pending(), "张小");
    const auto ming = std::find(decoder.candidates().begin(), decoder.candidates().end(), "明");
    ASSERT_NE(ming, decoder.candidates().end());
    chosen = decoder.choose(static_cast<std::size_t>(ming - decoder.candidates().begin()));
    ASSERT_TRUE(chosen);
    EXPECT_EQ(*chosen, "张小明");
    EXPECT_TRUE(decoder.letters().empty());
    EXPECT_TRUE(decoder.candidates().empty());

    EXPECT_FALSE(decoder.search("Zhang")) << "lower-case letters only";
    EXPECT_FALSE(decoder.search("zh ang"));
    EXPECT_FALSE(decoder.search(std::string(40, 'a')));
    EXPECT_FALSE(decoder.choose(99));
}

TEST(PinyinDecoder, AMissingDictionaryIsATypedError) {
    auto opened = input::PinyinDecoder::open("/nonexistent/dict_pinyin.dat");
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, "pinyin.dictionary");
    // The failed open leaves the way free for the next.
    EXPECT_TRUE(input::PinyinDecoder::open(input::PinyinDecoder::systemDictionary()));
}

TEST(NameEntry, ANameChosenCharacterByCharacterWithPagesAndErasing) {
    core::FunctionCatalog catalog;
    core::SessionController session(kTiming, &catalog);
    journeys::NameEntry entry(session, input::PinyinDecoder::systemDictionary());
    EXPECT_TRUE(entry.available());
    typeLetters(entry, QStringLiteral("li"));
    EXPECT_EQ(entry.letters(), "li");
    ASSERT_EQ(entry.candidates().size(), journeys::NameEntry::kPageSize);
    EXPECT_FALSE(entry.canPageBack());
    ASSERT_TRUE(entry.canPageOn());
    const QStringList first = entry.candidates();
    entry.pageOn();
    EXPECT_NE(entry.candidates(), first);
    entry.pageBack();
    EXPECT_EQ(entry.candidates(), first);
    const auto li = static_cast<int>(first.indexOf(QStringLiteral("李")));
    ASSERT_GE(li, 0) << first.join(',').toStdString();
    entry.choose(li);
    EXPECT_EQ(entry.name(), "李");
    EXPECT_FALSE(entry.complete()) << "one character is not a name";

    typeLetters(entry, QStringLiteral("hua"));
    entry.typeLetter(QStringLiteral("Q"));
    entry.typeLetter(QStringLiteral("1"));
    EXPECT_EQ(entry.letters(), "hua") << "only a–z";
    const auto hua = static_cast<int>(entry.candidates().indexOf(QStringLiteral("华")));
    ASSERT_GE(hua, 0);
    entry.choose(hua);
    EXPECT_EQ(entry.name(), "李华");
    EXPECT_TRUE(entry.complete());
    EXPECT_EQ(entry.chosenName(), "李华");

    typeLetters(entry, QStringLiteral("xz"));
    EXPECT_FALSE(entry.complete()) << "letters not yet chosen";
    entry.erase();
    entry.erase();
    EXPECT_TRUE(entry.letters().isEmpty());
    entry.erase();
    EXPECT_EQ(entry.name(), "李");
    entry.clear();
    EXPECT_TRUE(entry.name().isEmpty());
}

TEST(NameEntry, TheNameIsForgottenWhenThePatientLeaves) {
    core::FunctionCatalog catalog;
    core::SessionController session(kTiming, &catalog);
    session.start();
    journeys::NameEntry entry(session, input::PinyinDecoder::systemDictionary());
    typeLetters(entry, QStringLiteral("wang"));
    entry.choose(0);
    ASSERT_FALSE(entry.name().isEmpty());
    session.finish();
    EXPECT_TRUE(entry.name().isEmpty());
    EXPECT_TRUE(entry.candidates().isEmpty());
}

TEST(NameEntry, WithoutTheDictionaryChineseIsNotOffered) {
    core::FunctionCatalog catalog;
    core::SessionController session(kTiming, &catalog);
    journeys::NameEntry entry(session, "/nonexistent/dict_pinyin.dat");
    entry.typeLetter(QStringLiteral("a"));
    EXPECT_FALSE(entry.available());
    EXPECT_TRUE(entry.candidates().isEmpty());
}

TEST(NameEntry, OnlyChineseCharactersMakeAName) {
    EXPECT_TRUE(journeys::NameEntry::isChineseName(QStringLiteral("张小明")));
    EXPECT_TRUE(journeys::NameEntry::isChineseName(QStringLiteral("欧阳娜娜")));
    EXPECT_FALSE(journeys::NameEntry::isChineseName(QStringLiteral("张")));
    EXPECT_FALSE(journeys::NameEntry::isChineseName(QStringLiteral("张A")));
    EXPECT_FALSE(journeys::NameEntry::isChineseName(QStringLiteral("张\n明")));
    EXPECT_FALSE(journeys::NameEntry::isChineseName(QString(16, QChar(0x660E))));
}
