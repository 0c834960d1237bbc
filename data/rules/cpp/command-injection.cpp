#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>
#include <boost/process.hpp>

namespace ops {

int archive(const std::string& dir)
{
    const std::string cmd = "tar czf /backups/site.tgz " + dir;
    // ruleid: cpp.command-injection
    return std::system(cmd.c_str());
}

std::FILE* grep(const std::string& pattern)
{
    // ruleid: cpp.command-injection
    return popen(("grep -r " + pattern + " /var/log").c_str(), "r");
}

int archive_safely(const std::string& dir)
{
    // ok: cpp.command-injection
    return boost::process::system(boost::process::search_path("tar"), std::vector<std::string>{"czf", "/backups/site.tgz", "--", dir});
}

int sync_disks()
{
    // ok: cpp.command-injection
    return std::system("sync");
}

}  // namespace ops
