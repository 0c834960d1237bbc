#include <cstdio>
#include <string>

namespace ui {

void show(const std::string& message)
{
    // ruleid: cpp.format-string
    std::printf(message.c_str());
    // ok: cpp.format-string
    std::printf("%s\n", message.c_str());
}

void warn(const char* text)
{
    // ruleid: cpp.format-string
    std::fprintf(stderr, text);
    // ok: cpp.format-string
    std::fputs(text, stderr);
}

}  // namespace ui
