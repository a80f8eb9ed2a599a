#pragma once
// Receipt text layout in columns: CJK characters take two columns, Latin ones one. Wrapping
// breaks Latin text at spaces, CJK text between any two characters, and never splits a
// character (we work on code points, then encode to GB18030 per line).

#include <string>
#include <string_view>
#include <vector>

namespace lobby::printer {

// Columns a code point takes on a receipt printer (0 for combining marks, 2 for East Asian
// wide and fullwidth characters, 1 otherwise).
int columnsOf(char32_t codePoint);
// Columns of a UTF-8 string; invalid bytes count as one column each.
int columnsOf(std::string_view utf8);

// Wraps UTF-8 text to lines of at most `columns` columns. Existing newlines are kept.
std::vector<std::string> wrap(std::string_view utf8, int columns);

// UTF-8 -> GB18030 for the printer's Chinese mode. Characters GB18030 cannot hold (none in
// practice, as it covers all of Unicode) become '?'.
std::string toGb18030(std::string_view utf8);

}  // namespace lobby::printer
