// file_maps.cpp: the classes backed by a file: hash and btree (Berkeley DB,
// opened lazily after sendmail's file safety checks, and reopened when
// makemap replaces the file) and text (a flat file of columns).
#include "maps/file_maps.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>

#include "maps/dbfile.hpp"
#include "maps/safe_file.hpp"
#include "util/strings.hpp"

namespace maps {

namespace {

// Inode and mtime: enough to notice that makemap renamed a new file in.
struct FileStamp {
    ino_t ino = 0;
    time_t mtime = 0;
    bool operator==(const FileStamp&) const = default;
};

std::optional<FileStamp> stamp_of(const std::string& path) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) return std::nullopt;
    return FileStamp{st.st_ino, st.st_mtime};
}

class DbMap : public MapBase {
public:
    DbMap(MapDeclaration d, MapArguments a, DbType type, MapContext& ctx)
        : MapBase(std::move(d), std::move(a), true), type_(type), path_(db_file_name(args().words.at(0))), ctx_(ctx) {}

    bool is_open() override { return !optional() || !ensure_open(); }

protected:
    RawResult raw_lookup(const std::string& key, std::span<const std::string>) override {
        if (auto failed = ensure_open()) return optional() ? RawResult::not_found() : *failed;
        // sendmail tries the key without and with its NUL (keeping to the
        // form that worked first); -N rules out the first, -O the second,
        // so with both nothing is ever found.
        bool with_nul = !args().has('O'), without_nul = !args().has('N');
        if (without_nul && try0_) {
            auto v = db_->get(key);
            if (!v) return RawResult::tempfail(label() + ": " + v.error().message);
            if (*v) {
                try1_ = false;
                return RawResult::found(std::string(c_string(**v)));
            }
        }
        if (with_nul && try1_) {
            std::string k = key;
            k.push_back('\0');
            auto v = db_->get(k);
            if (!v) return RawResult::tempfail(label() + ": " + v.error().message);
            if (*v) {
                try0_ = false;
                return RawResult::found(std::string(c_string(**v)));
            }
        }
        return RawResult::not_found();
    }

private:
    // nullopt when open; else what a lookup answers, in sendmail's words.
    std::optional<RawResult> ensure_open() {
        time_t now = std::time(nullptr);
        if (db_ && now == checked_) return std::nullopt;
        checked_ = now;
        auto st = stamp_of(path_);
        if (db_ && st && *st == stamp_) return std::nullopt;
        db_.reset();
        if (!st) {
            // implicit says nothing about a missing file; hash and btree do.
            if (decl_.class_name == "implicit") return RawResult::tempfail({});
            return RawResult::tempfail(label() + ": missing map file " + path_ + ": " + std::strerror(errno))
                .before_line();
        }
        FileVerdict v = check_map_file(path_, ctx_.option("DontBlameSendmail").value_or(""));
        if (!v.safe && v.quiet) return RawResult::not_found();
        if (!v.safe) return RawResult::tempfail(label() + ": unsafe map file " + path_ + ": " + v.reason).before_line();
        auto opened = DbFile::open(path_, {type_, false, false, false, false, 0, 0640});
        if (!opened)
            return RawResult::tempfail("Cannot open " + std::string(type_ == DbType::Btree ? "btree" : "hash") +
                                       " database " + path_ + ": " + opened.error().message)
                .before_line();
        db_ = std::make_unique<DbFile>(std::move(*opened));
        stamp_ = *st;
        try0_ = try1_ = true;
        return std::nullopt;
    }

    DbType type_;
    std::string path_;
    MapContext& ctx_;
    std::unique_ptr<DbFile> db_;
    FileStamp stamp_;
    time_t checked_ = 0;
    bool try0_ = true, try1_ = true;
};

// text: "-k col -v col -z delim file"; columns count from 0 (both default to
// 0, so a bare text map says whether the key is listed); without -z the
// columns are separated by runs of blanks.
class TextMap : public MapBase {
public:
    TextMap(MapDeclaration d, MapArguments a, MapContext& ctx) : MapBase(std::move(d), std::move(a), true), ctx_(ctx) {
        path_ = args().words.at(0);
        key_col_ = std::atoi(args().get('k', "0").c_str());
        value_col_ = std::atoi(args().get('v', "0").c_str());  // sendmail: the key column
        std::string z = args().get('z');
        delim_ = z.empty() ? '\0' : z[0];
    }

    bool is_open() override {
        if (!qualified()) return !optional();
        return stamp_of(path_).has_value() || !optional();
    }

protected:
    RawResult raw_lookup(const std::string& key, std::span<const std::string>) override {
        if (!qualified()) return RawResult::tempfail({});
        std::ifstream in(path_);
        if (!in)
            return optional() ? RawResult::not_found(kExNotFound)
                              : RawResult::tempfail(label() + ": cannot open " + path_ + ": " + std::strerror(errno));
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            auto cols = delim_ ? util::split(line, delim_) : util::split_words(line);
            if (static_cast<size_t>(key_col_) >= cols.size() || static_cast<size_t>(value_col_) >= cols.size())
                continue;
            const std::string& k = cols[static_cast<size_t>(key_col_)];
            // sendmail compares text keys without regard to case, -f or not.
            if (util::iequals(k, key)) return RawResult::found(cols[static_cast<size_t>(value_col_)]);
        }
        return RawResult::not_found(kExNotFound);
    }

private:
    // sendmail opens a text map only by an absolute path; it says so (an
    // error) when the map is first used.
    bool qualified() {
        if (!path_.empty() && path_[0] == '/') return true;
        if (!refused_) ctx_.announce(label() + ": file name must be fully qualified", true);
        refused_ = true;
        return false;
    }

    MapContext& ctx_;
    bool refused_ = false;
    std::string path_;
    int key_col_ = 0, value_col_ = 1;
    char delim_ = '\0';
};

}  // namespace

util::Result<std::unique_ptr<Map>> open_db_map(const MapDeclaration& d, MapArguments a, bool btree, MapContext& ctx) {
    if (a.words.empty()) return util::Error(d.file, d.line, "No file name for " + d.class_name + " map " + d.name);
    return std::unique_ptr<Map>(std::make_unique<DbMap>(d, std::move(a), btree ? DbType::Btree : DbType::Hash, ctx));
}

util::Result<std::unique_ptr<Map>> open_text_map(const MapDeclaration& d, MapArguments a, MapContext& ctx) {
    if (a.words.empty()) return util::Error(d.file, d.line, "No file name for text map " + d.name);
    return std::unique_ptr<Map>(std::make_unique<TextMap>(d, std::move(a), ctx));
}

}  // namespace maps
