// class_line.cpp: the C and F lines' class words: words given on the
// line, read from a file, from a program's output, or from a map lookup
// (F{x} @class:spec), with sendmail 8.17's safety checks and diagnostics.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config/config.hpp"
#include "config/reader.hpp"
#include "maps/map_options.hpp"
#include "util/files.hpp"
#include "util/strings.hpp"

namespace config {

void add_words(Config& cfg, const std::string& cls, std::string_view text) {
    for (const auto& w : util::split_words(text)) cfg.classes.add(cls, w);
}

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

constexpr size_t kMaxClassFile = 16 * 1024 * 1024;  // a program's output read for a class

bool has_word(std::string_view list, std::string_view word) {
    for (const auto& w : util::split(std::string(list), ','))
        for (const auto& v : util::split_words(w))
            if (util::iequals(v, word)) return true;
    return false;
}

// Why sendmail would not read this class file, "" if it would. A missing
// file passes: opening it then says why.
std::string unsafe_class_file(const std::string& path, std::string_view dont_blame) {
    if (!has_word(dont_blame, "ClassFileInUnsafeDirPath")) {
        std::string dir = util::unsafe_directory_on_path(path, has_word(dont_blame, "GroupWritableDirPathSafe"));
        if (!dir.empty()) return dir;
    }
    struct stat st;
    if (stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) return "Regular files only";
    return {};
}

// The file (or |program) of an F line: its first word, where a quoted
// part may hold blanks (the quotes go): `|"/bin/echo x" fmt`.
std::string first_quoted_word(std::string_view s) {
    std::string out;
    bool quoted = false;
    for (char c : s) {
        if (c == '"') {
            quoted = !quoted;
            continue;
        }
        if (!quoted && is_blank(c)) break;
        out += c;
    }
    return out;
}

// What an F line's program writes, run as sendmail runs it: split on
// blanks and executed without a shell. A program that cannot be run has
// the child's diagnostic on its output, as sendmail's child writes it there.
std::string class_program_output(const std::string& command, Reader& r) {
    std::vector<std::string> words = util::split_words(command);
    if (words.empty()) return {};
    int fds[2];
    if (pipe(fds) != 0) return {};
    std::fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return {};
    }
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], 1);
        int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0) dup2(devnull, 0);
        std::vector<char*> argv;
        for (auto& w : words) argv.push_back(w.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        std::string msg = r.file + ": line " + std::to_string(r.line) + ": cannot exec " + words[0] + ": " +
                          std::strerror(errno) + "\n";
        ssize_t ignored = write(1, msg.data(), msg.size());
        (void)ignored;
        _exit(127);
    }
    close(fds[1]);
    std::string content;
    char buf[4096];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) != 0) {
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;
        if (content.size() < kMaxClassFile) content.append(buf, static_cast<size_t>(n));
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    return content;
}

// F{x} @class:spec: sendmail declares a map of that class named after the
// class, with the rest of the line as its K arguments, looks up the empty
// key, and adds each word of the value. What goes wrong is reported as at
// a K line, then "fileclass: F{x}: ..." unless the F line says -o.
void read_class_from_map(Config& cfg, const std::string& cls, std::string_view spec, bool optional, Reader& r) {
    size_t colon = spec.find(':');
    maps::MapDeclaration d{cls, std::string(spec.substr(1, colon - 1)), std::string(spec.substr(colon + 1)), r.file,
                           r.line};
    auto known = maps::map_class_names();
    for (const auto& k : known)
        if (util::iequals(k, d.class_name)) d.class_name = k;
    if (std::find(known.begin(), known.end(), d.class_name) == known.end()) {
        r.error("fileclass: F{" + cls + "}: class " + d.class_name + " not available");
        return;
    }
    for (const auto& msg : maps::option_diagnostics(d)) r.error(msg);
    auto opened = maps::open_map(d, cfg.map_context());
    if (!opened) {
        r.error(opened.error().message);
        return;
    }
    for (const auto& w : (*opened)->warnings()) r.error(w.message);
    maps::Map& m = **opened;
    if (!m.is_open()) return;  // an optional map's missing file
    auto found = m.lookup("", {});
    if (found.status == maps::LookupStatus::TempFail || found.status == maps::LookupStatus::PermFail) {
        if (found.error_shown == maps::LookupResult::Shown::BeforeLine && !found.error.empty()) {
            r.error(found.error, 71);  // sendmail's reason is the system's: a missing or unreadable file
            if (!optional) r.error("fileclass: F{" + cls + "}: map open failed");
        } else if (!optional) {
            r.error("fileclass: F{" + cls + "}: map lookup failed");
        }
        return;
    }
    if (found.status == maps::LookupStatus::NotFound && found.code != 0 && found.code != 68) {
        r.error("fileclass: F{" + cls + "}: map lookup failed");
        return;
    }
    if (found.status == maps::LookupStatus::Found) add_words(cfg, cls, found.value);
}

}  // namespace

// F lines: Fx/path [fmt], Fx-o /path, Fx|program [fmt]. As sendmail 8.17
// reads them: a program runs without arguments (what follows its path is
// the format), and each line that is not a comment adds its first word
// only, with or without a format ("a b" adds a; "x # y" adds x).
void read_class_file(Config& cfg, std::string_view rest, const std::string& cls, Reader& r) {
    std::string spec(util::trim(rest));
    bool optional = false;
    if (spec.rfind("-o", 0) == 0) {
        optional = true;
        spec = std::string(util::trim(spec.substr(2)));
    }
    auto colon = spec.find(':');
    if (!spec.empty() && spec[0] == '@' && colon != std::string::npos && colon > 1) {
        read_class_from_map(cfg, cls, spec, optional, r);
        return;
    }
    spec = first_quoted_word(spec);
    if (spec.empty()) {
        r.error("fileclass: missing file name");
        return;
    }
    std::string content;
    if (!spec.empty() && spec[0] == '|') {
        content = class_program_output(spec.substr(1), r);
    } else {
        // sendmail's safety rules for a class file: no world (or group)
        // writable directory above it, and a regular file (a symbolic link
        // to one is fine, as is a file others may write). A refusal is an
        // OS error: -bt then exits 71.
        std::string refused = unsafe_class_file(spec, cfg.options["DontBlameSendmail"]);
        if (!refused.empty()) {
            if (!optional) r.error("fileclass: cannot open '" + spec + "': " + refused, 71);
            return;
        }
        std::ifstream in(spec, std::ios::binary);
        if (!in) {
            if (!optional) r.error("fileclass: cannot open '" + spec + "': " + std::strerror(errno), 71);
            return;
        }
        std::ostringstream ss;
        ss << in.rdbuf();
        content = ss.str();
    }
    std::istringstream lines(content);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto words = util::split_words(line);
        if (!words.empty()) cfg.classes.add(cls, words[0]);
    }
}

}  // namespace config
