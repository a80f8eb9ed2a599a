#include "common/charset.h"

#include <iconv.h>

namespace lobby {

std::string convertCharset(std::string_view text, const char* from, const char* to) {
    iconv_t converter = ::iconv_open(to, from);
    if (converter == reinterpret_cast<iconv_t>(-1)) return std::string(text.size(), '?');
    std::string out(text.size() * 4 + 8, '\0');  // UTF-8 needs at most 4 bytes a character
    auto* in = const_cast<char*>(text.data());
    std::size_t inLeft = text.size();
    char* outPointer = out.data();
    std::size_t outLeft = out.size();
    while (inLeft > 0) {
        if (::iconv(converter, &in, &inLeft, &outPointer, &outLeft) !=
            static_cast<std::size_t>(-1)) {
            break;
        }
        if (outLeft < 1) break;
        *outPointer++ = '?';  // skip the byte that cannot be converted
        --outLeft;
        ++in;
        --inLeft;
    }
    ::iconv_close(converter);
    out.resize(out.size() - outLeft);
    return out;
}

}  // namespace lobby
