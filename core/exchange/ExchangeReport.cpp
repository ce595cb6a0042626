#include "ExchangeReport.h"

QString ExchangeReport::text() const
{
    QString out;
    if (cancelled)
        out += QStringLiteral("cancelled: nothing was changed\n");
    if (sourcesWritten || annotationsWritten || !files.isEmpty()) {
        out += QStringLiteral("exported %1 sources and %2 annotations as %3\n")
                   .arg(sourcesWritten)
                   .arg(annotationsWritten)
                   .arg(format);
        for (const QString &f : files)
            out += QStringLiteral("wrote %1\n").arg(f);
    } else {
        out += QStringLiteral("sources: %1 added, %2 already there\n")
                   .arg(sourcesAdded)
                   .arg(sourcesKept);
        out += QStringLiteral("codes: %1 added\n").arg(codesAdded);
        out += QStringLiteral("annotations: %1 added, %2 already there\n")
                   .arg(annotationsAdded)
                   .arg(annotationsKept);
    }
    for (const QString &c : conversions)
        out += QStringLiteral("converted: %1\n").arg(c);
    for (const Skipped &s : skipped)
        out += QStringLiteral("skipped: %1: %2: %3\n").arg(s.file, s.element, s.reason);
    return out;
}
