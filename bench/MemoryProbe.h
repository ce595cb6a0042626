#pragma once

#include <QString>

struct BenchContext;

// Peak resident memory (VmHWM) of a fresh process that opens the project in
// the main window and shows the big article: measured in a child, so the
// corpus generation and import of this process do not count.
class MemoryProbe
{
public:
    explicit MemoryProbe(BenchContext &context);
    void run();

    // The child's side: prints "vmhwm-kb N" and returns the exit code.
    static int runChild(const QString &projectPath, qint64 articleId);
    // VmHWM of this process in KiB, or -1 where /proc is not available.
    static qint64 peakResidentKb();
    // VmHWM in MB of one child process showing that article of the project.
    static double measureChild(const QString &projectPath, qint64 articleId);

private:
    BenchContext &m_context;
};
