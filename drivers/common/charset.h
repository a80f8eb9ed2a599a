#pragma once
// Character set conversion through iconv, for devices that speak GB18030 / GBK.

#include <string>
#include <string_view>

namespace lobby {

// Converts `text` from one charset to another; a byte that cannot be converted becomes '?'
// and conversion goes on (printing and displaying must not stop at one bad byte). For strict
// decoding of data that must be valid, check the result against the source instead.
std::string convertCharset(std::string_view text, const char* from, const char* to);

}  // namespace lobby
