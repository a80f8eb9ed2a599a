#pragma once
// Chinese by pinyin, for the names a guardian types for a child who has no ID card: the letters
// typed give candidates (whole phrases first, then the characters for the first syllable);
// choosing one fixes it and, until the letters are all chosen, offers the rest. Google Pinyin
// keeps one decoder per process, so one PinyinDecoder may be open at a time.

#include <memory>
#include <string>
#include <vector>

#include "common/error.h"

namespace lobby::input {

class PinyinDecoder {
public:
    // At most this many letters are taken at once (a name's syllables, with room to spare).
    static constexpr std::size_t kMaxLetters = 32;

    // The dictionary that came with libgooglepinyin0.
    static std::string systemDictionary();
    // Refused (typed) when the dictionary cannot be read or another decoder is open.
    static Result<std::unique_ptr<PinyinDecoder>> open(const std::string& dictionary);
    ~PinyinDecoder();
    PinyinDecoder(const PinyinDecoder&) = delete;
    PinyinDecoder& operator=(const PinyinDecoder&) = delete;

    // Starts again from these letters (lower-case a–z only; anything else is refused); UTF-8
    // candidates, best first.
    Result<std::vector<std::string>> search(const std::string& letters);
    // Chooses candidate `index` of `candidates()`. When that completes the letters, the chosen
    // text is returned and the decoder is empty again; otherwise the text stays pending
    // (`pending()`) and `candidates()` lists what may follow.
    Result<std::string> choose(std::size_t index);
    // Characters chosen so far for the letters being typed (empty once they complete).
    const std::string& pending() const { return pending_; }
    const std::vector<std::string>& candidates() const { return candidates_; }
    const std::string& letters() const { return letters_; }
    void reset();

private:
    PinyinDecoder() = default;
    void readCandidates(std::size_t count);

    std::string letters_;
    std::string pending_;
    std::vector<std::string> candidates_;
    // After a partial choice the decoder's own first candidate (the whole guess) is not offered.
    std::size_t hiddenFirst_ = 0;
};

}  // namespace lobby::input
