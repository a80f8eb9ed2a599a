#include "input/pinyin_decoder.h"

#include <pinyinime.h>

#include <atomic>

namespace lobby::input {

namespace {
std::atomic_bool decoderOpen{false};

// Google Pinyin answers in UTF-16 (its characters are all in the Basic Multilingual Plane).
std::string utf8(const ime_pinyin::char16* text) {
    std::string out;
    for (; *text != 0; ++text) {
        const unsigned code = *text;
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }
    return out;
}

bool lowerCaseLetters(const std::string& letters) {
    for (const char c : letters)
        if (c < 'a' || c > 'z') return false;
    return true;
}
}  // namespace

std::string PinyinDecoder::systemDictionary() {
    return LOBBY_PINYIN_DICTIONARY;
}

Result<std::unique_ptr<PinyinDecoder>> PinyinDecoder::open(const std::string& dictionary) {
    if (decoderOpen.exchange(true))
        return makeError(ErrorKind::Unavailable, "pinyin.busy", "a pinyin decoder is open already");
    // An empty user dictionary: nothing a patient types is learnt or kept.
    if (!ime_pinyin::im_open_decoder(dictionary.c_str(), "")) {
        decoderOpen = false;
        return makeError(ErrorKind::NotFound, "pinyin.dictionary",
                         "the pinyin dictionary could not be read: " + dictionary);
    }
    ime_pinyin::im_set_max_lens(kMaxLetters, kMaxLetters);
    return std::unique_ptr<PinyinDecoder>(new PinyinDecoder());
}

PinyinDecoder::~PinyinDecoder() {
    ime_pinyin::im_close_decoder();
    decoderOpen = false;
}

void PinyinDecoder::reset() {
    ime_pinyin::im_reset_search();
    letters_.clear();
    pending_.clear();
    candidates_.clear();
    hiddenFirst_ = 0;
}

void PinyinDecoder::readCandidates(std::size_t count) {
    candidates_.clear();
    ime_pinyin::char16 buffer[kMaxLetters + 1];
    for (std::size_t i = 0; i < count; ++i) {
        if (ime_pinyin::im_get_candidate(i, buffer, kMaxLetters) == nullptr) break;
        buffer[kMaxLetters] = 0;
        candidates_.push_back(utf8(buffer));
    }
}

Result<std::vector<std::string>> PinyinDecoder::search(const std::string& letters) {
    if (letters.size() > kMaxLetters || !lowerCaseLetters(letters))
        return makeError(ErrorKind::InvalidArgument, "pinyin.letters", "only a to z are typed");
    reset();
    if (letters.empty()) return candidates_;
    letters_ = letters;
    readCandidates(ime_pinyin::im_search(letters.data(), letters.size()));
    return candidates_;
}

Result<std::string> PinyinDecoder::choose(std::size_t index) {
    if (index >= candidates_.size())
        return makeError(ErrorKind::InvalidArgument, "pinyin.choice", "no such candidate");
    const std::size_t left = ime_pinyin::im_choose(index + hiddenFirst_);
    const ime_pinyin::uint16* starts = nullptr;
    const std::size_t syllables = ime_pinyin::im_get_spl_start_pos(starts);
    const std::size_t fixed = ime_pinyin::im_get_fixed_len();
    // The decoder's first candidate is the whole input as decoded so far: once every syllable
    // is fixed, it is the text chosen; before, its fixed characters are what is pending.
    readCandidates(left);
    if (candidates_.empty()) {
        reset();
        return makeError(ErrorKind::Internal, "pinyin.choice", "the decoder lost the input");
    }
    if (fixed >= syllables) {
        std::string chosen = candidates_.front();
        reset();
        return chosen;
    }
    ime_pinyin::char16 buffer[kMaxLetters + 1];
    if (ime_pinyin::im_get_candidate(0, buffer, kMaxLetters) != nullptr && fixed <= kMaxLetters) {
        buffer[fixed] = 0;
        pending_ = utf8(buffer);
    }
    candidates_.erase(candidates_.begin());
    hiddenFirst_ = 1;
    return std::string();
}

}  // namespace lobby::input
