// maps.hpp: the public interface of lib/maps, sendmail's map classes (K lines).
// lib/config declares maps through open_map(); lib/rewrite looks keys up
// through Map::lookup(). Each class parses its own flags from the K line.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace maps {

// One K line: `Kname class flags... file-or-args`.
struct MapDeclaration {
    std::string name;        // the map's name (Kname)
    std::string class_name;  // hash, btree, regex, sequence, host, ...
    std::string arguments;   // the rest of the K line, unparsed
    std::string file;        // where it was declared, for messages
    int line = 0;
};

enum class LookupStatus {
    Found,
    NotFound,
    TempFail,  // try again later (DNS timeout, socket map down, map locked): callers tempfail
    PermFail,  // the map is unusable (missing non-optional file, bad reply)
};

struct LookupResult {
    LookupStatus status = LookupStatus::NotFound;
    std::string value;  // the result after the map's own rewriting (-a, -m, %0..%9)
    std::string error;  // why, for TempFail/PermFail, in sendmail's words
    // sendmail's status number for this lookup, as `-bt` prints it in
    // "map_lookup: m (key) no match (68)": 0 (EX_OK), 68 (not found, for the
    // classes that say so), 75 (tempfail), 78 (config), a program's exit code.
    int code = 0;
    // Where sendmail -bt shows `error` for `/map`: Inline after
    // "map_lookup: m (key) " (the host map's "name: Name server timeout"),
    // BeforeLine on a line of its own before "map_lookup:" (a file map that
    // cannot be opened), or NotShown (socket and program map failures, which
    // this library has already logged). Where the lookup happens is the
    // host map's "name: Name server timeout": each time, on its own line
    // (after "map_lookup: m (key) " for `/map`, before a rule's result).
    enum class Shown { Inline, BeforeLine, NotShown, WhereLookedUp };
    Shown error_shown = Shown::Inline;
};

// What the maps of one configuration share, as sendmail's maps share one
// process: the stab maps one symbol table of aliases, the socket maps one
// connection per socket specification, the host maps the names whose
// lookup failed. Defined in map_shared.hpp (internal to lib/maps).
struct SharedMapState;

// What a map may need from the running sendmail: other maps (sequence,
// switch), macros (the macro map sets them), options (ServiceSwitchFile,
// HostsFile, resolver timeouts). Implemented by lib/config's owner.
class MapContext {
public:
    virtual ~MapContext() = default;
    virtual class Map* find_map(std::string_view name) = 0;
    virtual std::optional<std::string> macro(std::string_view name) const = 0;
    virtual void define_macro(std::string_view name, std::string_view value) = 0;
    // The value of an option by its long name, if set.
    virtual std::optional<std::string> option(std::string_view long_name) const = 0;
    // A stab map files each name of its aliases file under the user part
    // that sendmail's address parsing gives it (rulesets 3, 0, 2, R=, 4,
    // which -bt traces); nullopt refuses the name (the parser has said why,
    // its messages starting with `where`, "file: line N: "). Without a
    // rewriting engine the name is taken as written.
    virtual std::optional<std::string> alias_name(std::string_view name, std::string_view /*where*/) {
        return std::string(name);
    }
    // A line sendmail prints while a map is being opened (a stab map's
    // "file: line 7: missing colon" and its aliases summary): -bt shows
    // them; elsewhere they are dropped. An error (not the summary) is a
    // system error for sendmail: -bt then exits 70.
    virtual void announce(std::string_view /*line*/, bool /*error*/) {}
    // Made on first use; lives as long as this context.
    SharedMapState& shared_state();

private:
    std::shared_ptr<SharedMapState> shared_;
};

class Map {
public:
    virtual ~Map() = default;
    // `args` are the $@ arguments of a $( map key $@ a1 $@ a2 $) lookup: they
    // replace %1, %2... in the result, %0 being the key.
    virtual LookupResult lookup(std::string_view key, std::span<const std::string> args) = 0;
    const MapDeclaration& declaration() const { return decl_; }
    // Problems found while opening that did not stop the map (a sequence
    // member that is not declared): sendmail prints them as config errors.
    const std::vector<util::Error>& warnings() const { return warnings_; }
    // True for maps declared -o (optional): a missing file is not an error.
    virtual bool optional() const { return false; }
    // False when the map could not be opened (an optional map whose file is
    // missing): sendmail's -bt says `Map named "m" not open` and lookups in
    // rules leave the key alone. Opens lazily, so it may touch the file.
    virtual bool is_open() { return true; }
    // The -T text of the declaration. When a lookup tempfails, sendmail's
    // $( $) yields key + this text if set (e.g. "foo<TMPF>"), else the $:
    // default (or the key); either way the ruleset's status becomes 75.
    // Empty when not declared.
    virtual std::string tempfail_text() const { return {}; }

protected:
    explicit Map(MapDeclaration decl) : decl_(std::move(decl)) {}
    MapDeclaration decl_;
    std::vector<util::Error> warnings_;
};

// Parses the K line's flags and arguments and opens the map (lazily for
// files, as sendmail does). An unknown or unsupported class is an error naming
// the class and the declaration's file:line. `ctx` must outlive the map.
util::Result<std::unique_ptr<Map>> open_map(const MapDeclaration& decl, MapContext& ctx);

// The class names open_map() understands (for `makemap -l` and messages).
std::vector<std::string> map_class_names();

// The maps sendmail declares by itself before it reads the cf: "host" (class
// host, -a.), which $[ $] and `/map host` use even when no K line names it.
// lib/config opens these first; a K line with the same name replaces one.
std::vector<MapDeclaration> predefined_map_declarations();

}  // namespace maps
