#include "CodebookListing.h"

#include "store/ProjectSession.h"

namespace {
void appendCodes(QString &text, const QList<Code> &codes, const QHash<qint64, int> &counts,
                 qint64 categoryId, qint64 parentId, int depth)
{
    for (const Code &c : codes) {
        if (c.categoryId != categoryId || c.parentId != parentId)
            continue;
        text += QStringLiteral("%1%2\t%3\t%4\n")
                    .arg(QString(depth * 2, QLatin1Char(' ')), c.name, c.shortcut)
                    .arg(counts.value(c.id));
        appendCodes(text, codes, counts, categoryId, c.id, depth + 1);
    }
}
} // namespace

QString CodebookListing::text(const ProjectSession &store)
{
    const QList<Code> codes = store.codebook().codes();
    const QHash<qint64, int> counts = store.codebook().codeAnnotationCounts();
    QString text;
    for (const Category &category : store.codebook().categories()) {
        text += QStringLiteral("%1 (%2)\n").arg(category.name, Category::kindName(category.kind));
        appendCodes(text, codes, counts, category.id, 0, 1);
    }
    return text;
}
