// maplookup.cpp: a test-only driver for lib/maps. It reads K lines from a
// file, then "/map name key [$@ arg...]" lines on stdin, and prints what
// sendmail -bt prints for /map, so map classes can be checked end to end.
//   maplookup [-n server[:port]] [-r resolv.conf] [-O Option=value] [-M macro=value] file.cf
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "dns/dns.hpp"
#include "maps/maps.hpp"
#include "util/strings.hpp"

namespace {

class Context : public maps::MapContext {
public:
    maps::Map* find_map(std::string_view name) override {
        auto it = maps_.find(std::string(name));
        return it == maps_.end() ? nullptr : it->second.get();
    }
    std::optional<std::string> macro(std::string_view name) const override {
        auto it = macros_.find(std::string(name));
        if (it == macros_.end()) return std::nullopt;
        return it->second;
    }
    void define_macro(std::string_view name, std::string_view value) override {
        macros_[std::string(name)] = std::string(value);
        std::cout << "macro " << name << "=" << value << "\n";
    }
    std::optional<std::string> option(std::string_view name) const override {
        auto it = options_.find(std::string(name));
        if (it == options_.end()) return std::nullopt;
        return it->second;
    }

    std::map<std::string, std::unique_ptr<maps::Map>> maps_;
    std::map<std::string, std::string> macros_, options_;
};

// "Kname class args" -> a declaration.
bool declare(Context& ctx, const std::string& line, const std::string& file, int lineno) {
    auto sp = line.find_first_of(" \t");
    if (sp == std::string::npos) return false;
    maps::MapDeclaration d;
    d.name = line.substr(1, sp - 1);
    std::string rest(util::trim(std::string_view(line).substr(sp)));
    auto sp2 = rest.find_first_of(" \t");
    d.class_name = rest.substr(0, sp2);
    d.arguments = sp2 == std::string::npos ? "" : std::string(util::trim(std::string_view(rest).substr(sp2)));
    d.file = file;
    d.line = lineno;
    auto m = maps::open_map(d, ctx);
    if (!m) {
        std::cout << m.error().describe() << "\n";
        return false;
    }
    for (const auto& w : (*m)->warnings()) std::cout << w.describe() << "\n";
    ctx.maps_[d.name] = std::move(*m);
    return true;
}

void lookup(Context& ctx, const std::string& line) {
    std::string rest(util::trim(std::string_view(line).substr(4)));
    auto sp = rest.find(' ');
    std::string name = rest.substr(0, sp), key = sp == std::string::npos ? "" : rest.substr(sp + 1);
    std::vector<std::string> args;
    for (auto pos = key.find(" $@ "); pos != std::string::npos; pos = key.find(" $@ ")) {
        std::string tail = key.substr(pos + 4);
        key.resize(pos);
        auto next = tail.find(" $@ ");
        args.push_back(tail.substr(0, next));
        if (next != std::string::npos) key += tail.substr(next);
    }
    maps::Map* m = ctx.find_map(name);
    if (m == nullptr || !m->is_open()) {
        std::cout << "Map named \"" << name << "\" not open\n";
        return;
    }
    auto r = m->lookup(key, args);
    using Shown = maps::LookupResult::Shown;
    if (!r.error.empty() && r.error_shown == Shown::BeforeLine) std::cout << r.error << "\n";
    std::cout << "map_lookup: " << name << " (" << key << ") ";
    if (r.status == maps::LookupStatus::Found) {
        std::cout << "returns " << r.value << " (" << r.code << ")\n";
        return;
    }
    if (!r.error.empty() && r.error_shown == Shown::Inline) std::cout << r.error << "\n";
    std::cout << "no match (" << r.code << ")\n";
}

}  // namespace

int main(int argc, char** argv) {
    Context ctx;
    dns::ResolverConfig rc;
    rc.timeout = std::chrono::milliseconds(2000);
    int c;
    while ((c = getopt(argc, argv, "n:r:O:M:")) != -1) {
        std::string v = optarg;
        auto eq = v.find('=');
        if (c == 'n')
            rc.servers.push_back(v);
        else if (c == 'r')
            rc.resolv_conf = v;
        else if (eq != std::string::npos && c == 'O')
            ctx.options_[v.substr(0, eq)] = v.substr(eq + 1);
        else if (eq != std::string::npos && c == 'M')
            ctx.macros_[v.substr(0, eq)] = v.substr(eq + 1);
        else
            return 64;
    }
    if (optind != argc - 1) {
        std::cerr << "usage: maplookup [-n server] [-r resolv.conf] [-O opt=value] [-M macro=value] file.cf\n";
        return 64;
    }
    dns::set_default_config(rc);
    std::ifstream cf(argv[optind]);
    if (!cf) {
        std::cerr << argv[optind] << ": cannot open\n";
        return 66;
    }
    std::string line;
    for (int n = 1; std::getline(cf, line); ++n)
        if (!line.empty() && line[0] == 'K') declare(ctx, line, argv[optind], n);
    while (std::getline(std::cin, line)) {
        if (line.rfind("/map", 0) == 0) lookup(ctx, line);
        std::cout.flush();
    }
    return 0;
}
