// tap_main.cpp: the main() of every CppUnit test program. It runs all
// registered suites and prints one TAP line per test case, so the suite's
// totals count test cases; a failure shows what was expected and what came.
// The TAP stream has a descriptor of its own: whatever the code under test
// writes to standard output goes to standard error, so it cannot forge a result.
#include <cppunit/Exception.h>
#include <cppunit/SourceLine.h>
#include <cppunit/Test.h>
#include <cppunit/TestFailure.h>
#include <cppunit/TestListener.h>
#include <cppunit/TestResult.h>
#include <cppunit/TestRunner.h>
#include <cppunit/extensions/TestFactoryRegistry.h>

#include <unistd.h>

#include <cstdio>
#include <sstream>
#include <string>

namespace {

class TapListener : public CppUnit::TestListener {
public:
    explicit TapListener(FILE* out) : out_(out) {}
    void startTest(CppUnit::Test*) override {
        failed_ = false;
        message_.clear();
    }

    void addFailure(const CppUnit::TestFailure& f) override {
        failed_ = true;
        std::ostringstream os;
        os << (f.isError() ? "error" : "failure") << " at " << f.sourceLine().fileName() << ":"
           << f.sourceLine().lineNumber() << "\n"
           << f.thrownException()->what();
        message_ += os.str();
    }

    void endTest(CppUnit::Test* test) override {
        ++count_;
        if (failed_) ++failures_;
        std::fprintf(out_, "%s %d - %s\n", failed_ ? "not ok" : "ok", count_, test->getName().c_str());
        if (failed_) {
            std::istringstream is(message_);
            for (std::string line; std::getline(is, line);) std::fprintf(out_, "# %s\n", line.c_str());
        }
        std::fflush(out_);
    }

    int count() const { return count_; }
    int failures() const { return failures_; }

private:
    FILE* out_;
    bool failed_ = false;
    std::string message_;
    int count_ = 0, failures_ = 0;
};

}  // namespace

int main() {
    // TAP goes to a copy of the original standard output; fd 1 becomes stderr.
    std::fflush(stdout);
    FILE* tap_out = ::fdopen(::dup(1), "w");
    if (tap_out == nullptr || ::dup2(2, 1) < 0) {
        std::perror("tap_main: cannot set up the TAP stream");
        return 1;
    }
    CppUnit::TestResult result;
    TapListener tap(tap_out);
    result.addListener(&tap);
    CppUnit::TestRunner runner;
    runner.addTest(CppUnit::TestFactoryRegistry::getRegistry().makeTest());
    runner.run(result);
    std::fflush(stdout);
    std::fprintf(tap_out, "1..%d\n", tap.count());
    std::fclose(tap_out);
    return tap.failures() == 0 && tap.count() > 0 ? 0 : 1;
}
