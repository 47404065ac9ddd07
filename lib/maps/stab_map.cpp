// stab_map.cpp: the stab class. Despite its name it does not show sendmail's
// symbol table: it reads an aliases(5) file into the table of aliases that
// every stab map shares, when the map is first used, and looks keys up
// there without regard to case. What sendmail prints while it reads the
// file (bad lines, the "N aliases, longest ..." summary) goes to announce().
#include <cstdio>
#include <fstream>

#include "maps/file_maps.hpp"
#include "maps/map_shared.hpp"
#include "maps/safe_file.hpp"
#include "util/strings.hpp"

namespace maps {

namespace {

// One "name: value" entry with its continuation lines joined on (their
// newlines dropped, their leading blanks kept, as sendmail joins them).
struct LogicalLine {
    std::string text;
    int line = 0;
};

std::vector<LogicalLine> logical_lines(std::istream& in) {
    std::vector<LogicalLine> out;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        bool continuation = !line.empty() && (line[0] == ' ' || line[0] == '\t');
        if (continuation && !out.empty()) {
            out.back().text += line;
            continue;
        }
        if (line.empty() || line[0] == '#' || continuation) continue;
        out.push_back({line, n});
    }
    return out;
}

class StabMap : public MapBase {
public:
    StabMap(MapDeclaration d, MapArguments a, MapContext& ctx)
        : MapBase(std::move(d), std::move(a), true), ctx_(ctx), path_(args().words.at(0)) {}

    // An optional map whose file cannot be read is "not open"; a required
    // one answers every lookup with a temporary failure.
    bool is_open() override { return ensure_open() || !optional(); }

protected:
    RawResult raw_lookup(const std::string& key, std::span<const std::string>) override {
        if (!ensure_open()) return RawResult::tempfail({});  // quietly, as sendmail
        const auto& table = ctx_.shared_state().stab_aliases;
        auto it = table.find(util::to_lower(key));
        return it == table.end() ? RawResult::not_found() : RawResult::found(it->second);
    }

private:
    // Reads the file once, on first use; false when it cannot be read.
    bool ensure_open() {
        if (tried_) return opened_;
        tried_ = true;
        FileVerdict v = check_map_file(path_, ctx_.option("DontBlameSendmail").value_or(""));
        std::ifstream in(path_);
        if (!v.safe || !in) return false;
        opened_ = true;
        load(in);
        return true;
    }

    void load(std::istream& in) {
        auto& table = ctx_.shared_state().stab_aliases;
        size_t count = 0, longest = 0, total = 0;
        for (const auto& l : logical_lines(in)) {
            std::string where = path_ + ": line " + std::to_string(l.line) + ": ";
            size_t colon = l.text.find(':');
            if (colon == std::string::npos) {
                ctx_.announce(where + "missing colon", true);
                continue;
            }
            auto name = ctx_.alias_name(util::trim(std::string_view(l.text).substr(0, colon)), where);
            if (!name) continue;
            size_t v = l.text.find_first_not_of(" \t", colon + 1);
            if (v == std::string::npos) {
                ctx_.announce(where + l.text + "... missing value for alias", true);
                continue;
            }
            std::string value = l.text.substr(v);
            table[util::to_lower(*name)] = value;
            ++count;
            longest = std::max(longest, value.size());
            total += name->size() + value.size();
        }
        char summary[64];
        std::snprintf(summary, sizeof summary, ": %zu aliases, longest %zu bytes, %zu bytes total", count, longest,
                      total);
        ctx_.announce(path_ + summary, false);
    }

    MapContext& ctx_;
    std::string path_;
    bool tried_ = false, opened_ = false;
};

}  // namespace

MapResult open_stab_map(const MapDeclaration& d, MapArguments a, MapContext& ctx) {
    if (a.words.empty()) return util::Error(d.file, d.line, "No file name for stab map " + d.name);
    return std::unique_ptr<Map>(std::make_unique<StabMap>(d, std::move(a), ctx));
}

}  // namespace maps
