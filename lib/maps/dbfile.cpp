// dbfile.cpp: the Berkeley DB calls behind DbFile. libdb returns errno values
// (or its own negative codes) from every call; both become readable errors.
#include "maps/dbfile.hpp"

#include <db.h>

#include <cerrno>
#include <cstring>

namespace maps {

namespace {

std::string db_error_text(int rc) { return rc > 0 ? std::strerror(rc) : db_strerror(rc); }

DBT make_dbt(std::string_view s) {
    DBT d;
    std::memset(&d, 0, sizeof d);
    d.data = const_cast<char*>(s.data());
    d.size = static_cast<u_int32_t>(s.size());
    return d;
}

DBT empty_dbt() {
    DBT d;
    std::memset(&d, 0, sizeof d);
    return d;
}

std::string_view view(const DBT& d) { return {static_cast<const char*>(d.data), d.size}; }

// A cursor closed on every path out of a walk.
struct CursorCloser {
    void operator()(DBC* c) const { c->close(c); }
};
using Cursor = std::unique_ptr<DBC, CursorCloser>;

}  // namespace

void DbFile::Closer::operator()(__db* db) const { db->close(db, 0); }

DbFile::~DbFile() = default;

std::string db_file_name(std::string_view name) {
    if (name.size() >= 3 && name.substr(name.size() - 3) == ".db") return std::string(name);
    return std::string(name) + ".db";
}

util::Result<DbFile> DbFile::open(const std::string& path, const DbOpenOptions& opts) {
    DB* raw = nullptr;
    int rc = db_create(&raw, nullptr, 0);
    if (rc != 0) return util::Error(db_error_text(rc));
    DbFile file(raw);
    // libdb would print its own diagnostics on stderr; ours carry the errno.
    raw->set_errcall(raw, [](const DB_ENV*, const char*, const char*) {});
    if (opts.cache_size > 0) raw->set_cachesize(raw, 0, static_cast<u_int32_t>(opts.cache_size), 0);
    if (opts.duplicates) raw->set_flags(raw, DB_DUP);
    u_int32_t flags = opts.write ? 0 : DB_RDONLY;
    if (opts.create) flags |= DB_CREATE;
    if (opts.truncate) flags |= DB_TRUNCATE;
    DBTYPE type = opts.type == DbType::Hash ? DB_HASH : DB_BTREE;
    rc = raw->open(raw, nullptr, path.c_str(), nullptr, type, flags, opts.mode);
    if (rc != 0) return util::Error(db_error_text(rc));
    return file;
}

util::Result<std::optional<std::string>> DbFile::get(std::string_view key) const {
    DBT k = make_dbt(key), v = empty_dbt();
    int rc = db_->get(db_.get(), nullptr, &k, &v, 0);
    if (rc == DB_NOTFOUND) return std::optional<std::string>();
    if (rc != 0) return util::Error(db_error_text(rc));
    return std::optional<std::string>(std::string(view(v)));
}

util::Result<std::vector<std::string>> DbFile::get_all(std::string_view key) const {
    std::vector<std::string> out;
    DBC* raw = nullptr;
    int rc = db_->cursor(db_.get(), nullptr, &raw, 0);
    if (rc != 0) return util::Error(db_error_text(rc));
    Cursor cur(raw);
    DBT k = make_dbt(key), v = empty_dbt();
    for (rc = raw->get(raw, &k, &v, DB_SET); rc == 0; rc = raw->get(raw, &k, &v, DB_NEXT_DUP))
        out.emplace_back(view(v));
    if (rc != DB_NOTFOUND) return util::Error(db_error_text(rc));
    return out;
}

PutResult DbFile::put(std::string_view key, std::string_view value, bool replace) {
    DBT k = make_dbt(key), v = make_dbt(value);
    u_int32_t dbflags = 0;
    db_->get_flags(db_.get(), &dbflags);
    u_int32_t flags = (replace || (dbflags & DB_DUP)) ? 0 : DB_NOOVERWRITE;
    int rc = db_->put(db_.get(), nullptr, &k, &v, flags);
    if (rc == DB_KEYEXIST) return PutResult::Exists;
    if (rc != 0) {
        last_error_ = db_error_text(rc);
        return PutResult::Failed;
    }
    return PutResult::Stored;
}

util::Status DbFile::for_each(const std::function<bool(std::string_view, std::string_view)>& fn) const {
    DBC* raw = nullptr;
    int rc = db_->cursor(db_.get(), nullptr, &raw, 0);
    if (rc != 0) return util::Error(db_error_text(rc));
    Cursor cur(raw);
    DBT k = empty_dbt(), v = empty_dbt();
    while ((rc = raw->get(raw, &k, &v, DB_NEXT)) == 0)
        if (!fn(view(k), view(v))) return util::ok_status();
    if (rc != DB_NOTFOUND) return util::Error(db_error_text(rc));
    return util::ok_status();
}

util::Status DbFile::close() {
    if (!db_) return util::ok_status();
    DB* raw = db_.release();
    int rc = raw->close(raw, 0);
    if (rc != 0) return util::Error(db_error_text(rc));
    return util::ok_status();
}

int DbFile::fd() const {
    int fd = -1;
    if (db_ && db_->fd(db_.get(), &fd) != 0) return -1;
    return fd;
}

}  // namespace maps
