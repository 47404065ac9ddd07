// composite_maps.cpp: sequence (try member maps in order) and switch (the
// members a service switch file names for a service, "name.method"). A
// member that is not declared is reported and left out, as sendmail does.
#include <algorithm>
#include <cctype>
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
    // A switch map finds its members when it is first used, as sendmail
    // opens it: the members named then, and what is missing said then.
    SequenceMap(MapDeclaration d, MapArguments a, std::vector<std::string> names, MapContext& ctx)
        : MapBase(std::move(d), std::move(a), false), pending_(std::move(names)), ctx_(&ctx) {}

    // An optional (-o) switch map with a member missing does not open, quietly.
    bool is_open() override {
        if (ctx_) resolve_members();
        return !(optional() && missing_);
    }

protected:
    // The first member that finds the key wins; a temporary failure of any
    // member is remembered, so "not found anywhere" is not claimed wrongly.
    RawResult raw_lookup(const std::string& key, std::span<const std::string> av) override {
        if (ctx_) resolve_members();
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
    void resolve_members() {
        for (const auto& n : pending_) {
            if (Map* m = ctx_->find_map(n)) {
                members_.push_back(m);
            } else {
                missing_ = true;
                if (!optional()) ctx_->announce("Switch map " + decl_.name + ": unknown member map " + n, true);
            }
        }
        ctx_ = nullptr;
    }

    std::vector<Map*> members_;
    std::vector<std::string> pending_;
    MapContext* ctx_ = nullptr;
    bool missing_ = false;
};

// A sequence's member names: what sendmail takes for map names (letters,
// digits, '_' and '.'); any other byte separates them ("a,b", "-R A").
std::vector<std::string> sequence_member_names(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        if ((u < 0x80 && std::isalnum(u)) || c == '_' || c == '.') {
            cur += c;
        } else if (!cur.empty()) {
            out.push_back(cur);
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

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
    if (d.class_name == "switch") {
        if (a.words.empty()) return util::Error(d.file, d.line, "No file name for switch map " + d.name);
        for (const auto& method : switch_methods(a.words[0], ctx)) names.push_back(d.name + "." + method);
        return std::unique_ptr<Map>(std::make_unique<SequenceMap>(d, std::move(a), std::move(names), ctx));
    }
    // A sequence takes no flags: a "-R" is a member named R. Its members
    // must be declared before it.
    std::vector<Map*> members;
    std::vector<util::Error> warn;
    for (const auto& n : sequence_member_names(d.arguments)) {
        Map* m = ctx.find_map(n);
        if (m != nullptr)
            members.push_back(m);
        else
            warn.emplace_back(d.file, d.line, "Sequence map " + d.name + ": unknown member map " + n);
    }
    return std::unique_ptr<Map>(std::make_unique<SequenceMap>(d, MapArguments{}, std::move(members), std::move(warn)));
}

}  // namespace maps
