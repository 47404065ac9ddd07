// tables.cpp: the macro and class tables, and read-time macro expansion.
// Class words live in one hash table laid out like sendmail's symbol table,
// because `$=X` in -bt lists members in that table's order.
#include <algorithm>
#include <cctype>

#include "config/config.hpp"
#include "util/strings.hpp"

namespace config {

// Observed with sendmail 8.17 -bt: {opMode} has a fixed id, and
// {deliveryMode} and {load_avg} are named before any cf line is read.
MacroTable::MacroTable() : ids_{{"opMode", '\x82'}, {"deliveryMode", '\xa0'}, {"load_avg", '\xa1'}} {}

char MacroTable::id_for(std::string_view name) {
    if (name.size() == 1) return name[0];
    auto it = ids_.find(std::string(name));
    if (it != ids_.end()) return it->second;
    if (name.empty() || next_id_ > 0xff) return 0;
    char id = static_cast<char>(next_id_++);
    ids_.emplace(std::string(name), id);
    return id;
}

std::string MacroTable::name_of_id(char id) const {
    for (const auto& [name, i] : ids_)
        if (i == id) return name;
    return {};
}

void MacroTable::note_long_names(std::string_view line) {
    auto name_at = [&](size_t i) {
        if (i >= line.size() || line[i] != '{') return;
        size_t end = line.find('}', i);
        if (end != std::string_view::npos && end > i + 1) id_for(line.substr(i + 1, end - i - 1));
    };
    if (!line.empty() && (line[0] == 'D' || line[0] == 'C' || line[0] == 'F')) name_at(1);
    for (size_t i = 0; i + 1 < line.size(); ++i) {
        if (line[i] != '$') continue;
        if (line[i + 1] == '$') {
            ++i;
            continue;
        }
        size_t at = i + 1;
        if (line[at] == '=' || line[at] == '~' || line[at] == '&' || line[at] == '?') ++at;
        name_at(at);
    }
}

const std::string* MacroTable::find(std::string_view name) const {
    auto it = values_.find(std::string(name));
    return it == values_.end() ? nullptr : &it->second;
}

void MacroTable::define(std::string_view name, std::string_view value) {
    values_[std::string(name)] = std::string(value);
}

void MacroTable::undefine(std::string_view name) { values_.erase(std::string(name)); }

namespace {
// sendmail's symbol-table hash (type 1 = class entries), case-folded.
size_t bucket_of(std::string_view lowered) {
    unsigned long h = 1;
    for (unsigned char c : lowered) h = ((h << 1) ^ c) % ClassTable::kBuckets;
    return h;
}
}  // namespace

int ClassTable::class_id(std::string_view name) {
    auto it = ids_.find(std::string(name));
    if (it != ids_.end()) return it->second;
    int id = static_cast<int>(ids_.size());
    if (id >= 512) id = 511;  // sendmail's limit is lower still; never reached by real cfs
    ids_.emplace(std::string(name), id);
    return id;
}

std::optional<int> ClassTable::find_class(std::string_view name) const {
    auto it = ids_.find(std::string(name));
    if (it == ids_.end()) return std::nullopt;
    return it->second;
}

void ClassTable::add(std::string_view class_name, std::string_view word) {
    int id = class_id(class_name);
    std::string key = util::to_lower(word);
    auto it = index_.find(key);
    if (it == index_.end()) {
        entries_.push_back(Entry{std::string(word), {}});
        it = index_.emplace(key, entries_.size() - 1).first;
        buckets_[bucket_of(key)].push_back(entries_.size() - 1);
    }
    entries_[it->second].classes.set(id);
}

bool ClassTable::contains_lower(int id, const std::string& lowered) const {
    auto it = index_.find(lowered);
    return it != index_.end() && entries_[it->second].classes.test(id);
}

bool ClassTable::contains(int id, std::string_view word) const {
    return contains_lower(id, util::to_lower(word));
}

std::vector<std::string> ClassTable::members(std::string_view class_name) const {
    std::vector<std::string> out;
    auto id = find_class(class_name);
    if (!id) return out;
    for (const auto& bucket : buckets_)
        for (size_t i : bucket)
            if (entries_[i].classes.test(*id)) out.push_back(entries_[i].word);
    return out;
}

namespace {

// Reads a macro name after '$' (or after "$?", "$&"): x or {name}.
std::string read_macro_name(std::string_view s, size_t& i) {
    if (i >= s.size()) return {};
    if (s[i] == '{') {
        size_t end = s.find('}', i);
        if (end == std::string_view::npos) {
            std::string n(s.substr(i + 1));
            i = s.size();
            return n;
        }
        std::string n(s.substr(i + 1, end - i - 1));
        i = end + 1;
        return n;
    }
    return std::string(1, s[i++]);
}

void expand_into(std::string_view text, const MacroTable& macros, std::string& out, int depth) {
    // skip: nesting of false conditionals; each level remembers whether it is active.
    std::vector<bool> active_stack;
    auto active = [&] {
        return std::all_of(active_stack.begin(), active_stack.end(), [](bool b) { return b; });
    };
    for (size_t i = 0; i < text.size();) {
        char c = text[i];
        if (c != '$' || i + 1 >= text.size()) {
            if (active()) out += c;
            ++i;
            continue;
        }
        char m = text[i + 1];
        if (m == '?') {
            size_t j = i + 2;
            std::string name = read_macro_name(text, j);
            const std::string* v = macros.find(name);
            active_stack.push_back(v != nullptr && !v->empty());
            i = j;
        } else if (m == '|' && !active_stack.empty()) {
            active_stack.back() = !active_stack.back();
            i += 2;
        } else if (m == '.' && !active_stack.empty()) {
            active_stack.pop_back();
            i += 2;
        } else if (std::isalpha(static_cast<unsigned char>(m)) || m == '{' || m == '_') {
            size_t j = i + 1;
            std::string name = read_macro_name(text, j);
            if (active()) {
                const std::string* v = macros.find(name);
                if (v && depth < 10) expand_into(*v, macros, out, depth + 1);
            }
            i = j;
        } else {
            // a metasymbol rules need later ($*, $=X, $&x, $>, $#, ...): keep it
            if (active()) {
                out += c;
                out += m;
            }
            i += 2;
        }
    }
}

}  // namespace

std::string expand_macros(std::string_view text, const MacroTable& macros) {
    std::string out;
    expand_into(text, macros, out, 0);
    return out;
}

}  // namespace config
