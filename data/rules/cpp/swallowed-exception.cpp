#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>

namespace jobs {

void flush(std::ofstream& out)
{
    try {
        out.flush();
    // ruleid: cpp.swallowed-exception
    } catch (...) {}
}

int parse(const std::string& value)
{
    try {
        return std::stoi(value);
    // ruleid: cpp.swallowed-exception
    } catch (const std::invalid_argument&) {
    }
    return 0;
}

int parse_logged(const std::string& value)
{
    try {
        return std::stoi(value);
    // ok: cpp.swallowed-exception
    } catch (const std::exception& e) {
        std::cerr << "bad number '" << value << "': " << e.what() << '\n';
        throw;
    }
}

void best_effort(std::ofstream& metrics)
{
    try {
        metrics << "done\n";
    // ok: cpp.swallowed-exception
    } catch (const std::ios_base::failure&) {
        // metrics are optional: a full disk must not fail the job
    }
}

}  // namespace jobs
