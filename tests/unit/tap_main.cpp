// tap_main.cpp: the main() of every CppUnit test program. It runs all
// registered suites and prints one TAP line per test case, so the suite's
// totals count test cases; a failure shows what was expected and what came.
#include <cppunit/Exception.h>
#include <cppunit/SourceLine.h>
#include <cppunit/Test.h>
#include <cppunit/TestFailure.h>
#include <cppunit/TestListener.h>
#include <cppunit/TestResult.h>
#include <cppunit/TestRunner.h>
#include <cppunit/extensions/TestFactoryRegistry.h>

#include <iostream>
#include <sstream>
#include <string>

namespace {

class TapListener : public CppUnit::TestListener {
public:
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
        std::cout << (failed_ ? "not ok " : "ok ") << count_ << " - " << test->getName() << "\n";
        if (failed_) {
            std::istringstream is(message_);
            for (std::string line; std::getline(is, line);) std::cout << "# " << line << "\n";
        }
        std::cout.flush();
    }

    int count() const { return count_; }
    int failures() const { return failures_; }

private:
    bool failed_ = false;
    std::string message_;
    int count_ = 0, failures_ = 0;
};

}  // namespace

int main() {
    CppUnit::TestResult result;
    TapListener tap;
    result.addListener(&tap);
    CppUnit::TestRunner runner;
    runner.addTest(CppUnit::TestFactoryRegistry::getRegistry().makeTest());
    runner.run(result);
    std::cout << "1.." << tap.count() << "\n";
    return tap.failures() == 0 && tap.count() > 0 ? 0 : 1;
}
