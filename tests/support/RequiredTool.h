#pragma once

#include <QString>
#include <QStringList>
#include <QTest>

// An external program a test needs (xvfb-run, appstreamcli, setpriv,
// xmllint, initdb ...). A test must never pass quietly because a tool is
// missing: under CI (CI=true) a missing tool fails the test; elsewhere it
// skips it. Either way the message names the tool and its Debian package.
class RequiredTool
{
public:
    struct Lookup
    {
        QString path;    // empty if not found
        QString message; // if not found: what is missing and how to get it
    };

    // Searches PATH, then `extraDirs` (for tools Debian keeps off PATH, such
    // as /usr/lib/postgresql/*/bin/initdb; a `*` path component matches any
    // folder, the highest version first).
    static Lookup find(const QString &name, const QString &debianPackage,
                       const QStringList &extraDirs = {});
    // True when the environment variable CI is "true": missing tools fail.
    static bool mustFail();
    // The folders a pattern with `*` components names, highest version first.
    static QStringList expand(const QString &pattern);
};

// Declares `const QString variable` with the tool's path, or ends the
// calling test function: QFAIL under CI, QSKIP elsewhere.
#define REQUIRE_TOOL(variable, ...)                                                                \
    const RequiredTool::Lookup variable##Lookup = RequiredTool::find(__VA_ARGS__);                 \
    if (variable##Lookup.path.isEmpty()) {                                                         \
        if (RequiredTool::mustFail())                                                              \
            QFAIL(qPrintable(variable##Lookup.message));                                           \
        QSKIP(qPrintable(variable##Lookup.message));                                               \
    }                                                                                              \
    const QString variable = variable##Lookup.path
