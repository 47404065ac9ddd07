// composite_maps.cpp: sequence (try member maps in order) and switch (the
// members a service switch file names for a service, "name.method"). A
// member that is not declared is reported and left out, as sendmail does.
#include <algorithm>
#include <fstream>

#include "maps/file_maps.hpp"
#include "util/strings.hpp"

namespace maps {

namespace {

class SequenceMap : public MapBase {
public:
    SequenceMap(MapDeclaration d, MapArguments a, std::vector<Map*> members, std::vector<util::Error> warn)
        : MapBase(std::move(d), std::move(a), false), members_(std::move(members)) {
        warnings_ = std::move(warn);
    }

protected:
    // The first member that finds the key wins; a temporary failure of any
    // member is remembered, so "not found anywhere" is not claimed wrongly.
    RawResult raw_lookup(const std::string& key, std::span<const std::string> av) override {
        std::optional<RawResult> tempfail;
        int code = kExNotFound;  // no member at all: sendmail says "not found"
        for (Map* m : members_) {
            if (!m->is_open()) continue;
            LookupResult r = m->lookup(key, av);
            if (r.status == LookupStatus::Found) return RawResult::found(r.value);
            if (r.status == LookupStatus::TempFail && !tempfail)
                tempfail = RawResult{r.status, {}, r.code, r.error, r.error_shown};
            code = r.code;  // "not found" is reported as the last member said it
        }
        if (tempfail) return *tempfail;
        return RawResult::not_found(code);
    }

private:
    std::vector<Map*> members_;
};

}  // namespace

// The methods configured for `service`: the service switch file first, then
// /etc/nsswitch.conf, then sendmail's defaults.
std::vector<std::string> switch_methods(const std::string& service, MapContext& ctx) {
    auto lookup_in = [&](const std::string& path, bool colon) -> std::vector<std::string> {
        std::ifstream in(path);
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            auto hash = line.find('#');
            if (hash != std::string::npos) line.resize(hash);
            auto w = util::split_words(line);
            if (w.empty()) continue;
            std::string name = w[0];
            if (colon && !name.empty() && name.back() == ':') name.pop_back();
            if (name != service) continue;
            std::vector<std::string> out;
            for (size_t i = 1; i < w.size(); ++i)
                if (w[i][0] != '[') out.push_back(w[i]);
            return out;
        }
        return {};
    };
    std::string file = ctx.option("ServiceSwitchFile").value_or("/etc/mail/service.switch");
    auto m = lookup_in(file, false);
    if (m.empty()) m = lookup_in("/etc/nsswitch.conf", true);
    if (m.empty())
        m = service == "hosts" ? std::vector<std::string>{"files", "dns"} : std::vector<std::string>{"files"};
    return m;
}

bool system_resolver_asks_dns(const std::string& nsswitch_path) {
    std::ifstream in(nsswitch_path);
    std::string line;
    while (std::getline(in, line)) {
        line.resize(std::min(line.size(), line.find('#')));
        std::string_view rest = util::trim(line);
        if (rest.substr(0, 5) != "hosts") continue;
        rest = util::trim(rest.substr(5));
        if (rest.empty() || rest[0] != ':') continue;
        for (const auto& w : util::split_words(std::string(rest.substr(1))))
            if (w == "dns") return true;
        return false;
    }
    return true;
}

MapResult open_composite_map(const MapDeclaration& d, MapArguments a, MapContext& ctx) {
    std::vector<std::string> names;
    bool is_switch = d.class_name == "switch";
    if (is_switch) {
        if (a.words.empty()) return util::Error(d.file, d.line, "Switch map " + d.name + ": no service name");
        for (const auto& method : switch_methods(a.words[0], ctx)) names.push_back(d.name + "." + method);
    } else {
        for (const auto& w : a.words)
            for (const auto& part : util::split(w, ','))
                if (!part.empty()) names.push_back(part);
    }
    std::vector<Map*> members;
    std::vector<util::Error> warn;
    for (const auto& n : names) {
        Map* m = ctx.find_map(n);
        if (m != nullptr)
            members.push_back(m);
        else
            warn.emplace_back(d.file, d.line,
                              (is_switch ? "Switch map " : "Sequence map ") + d.name + ": unknown member map " + n);
    }
    return std::unique_ptr<Map>(std::make_unique<SequenceMap>(d, std::move(a), std::move(members), std::move(warn)));
}

}  // namespace maps
