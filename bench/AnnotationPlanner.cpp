#include "AnnotationPlanner.h"

#include <stdexcept>

namespace {
constexpr int kMaxWords = 25;
constexpr double kSecondCodeChance = 0.05;
constexpr double kNoteChance = 0.05;
const char *const kNotes[] = {"Check against the original statement.", "Borderline: discuss with the team.",
                              "Attributed to an unnamed official.", "Repeats the claim from paragraph 1."};
} // namespace

AnnotationPlanner::AnnotationPlanner(QList<qint64> codeIds, QStringList coders, quint64 seed)
    : m_codeIds(std::move(codeIds))
    , m_coders(std::move(coders))
    , m_random(seed)
{
    if (m_codeIds.isEmpty() || m_coders.isEmpty())
        throw std::runtime_error("annotations need codes and coders");
}

QList<NewAnnotation> AnnotationPlanner::plan(qint64 articleId, const QString &text, int count)
{
    // Word starts and ends in code points.
    QList<qint64> starts;
    QList<qint64> ends;
    qint64 cp = 0;
    bool inWord = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isLowSurrogate())
            continue; // counted with its high surrogate
        const bool space = c.isSpace();
        if (!space && !inWord)
            starts << cp;
        else if (space && inWord)
            ends << cp;
        inWord = !space;
        ++cp;
    }
    if (inWord)
        ends << cp;
    if (starts.isEmpty())
        throw std::runtime_error("an article without words");

    QList<NewAnnotation> list;
    list.reserve(count);
    for (int i = 0; i < count; ++i) {
        const qsizetype w = qsizetype(m_random.below(starts.size()));
        const qsizetype last = qMin(starts.size() - 1, w + qsizetype(m_random.between(0, kMaxWords - 1)));
        NewAnnotation n;
        n.articleId = articleId;
        n.start = starts[w];
        n.end = ends[last];
        const qint64 code = m_codeIds[m_random.below(m_codeIds.size())];
        n.codeIds << code;
        if (m_random.chance(kSecondCodeChance)) {
            const qint64 second = m_codeIds[m_random.below(m_codeIds.size())];
            if (second != code)
                n.codeIds << second;
        }
        n.coderName = m_coders[m_random.below(m_coders.size())];
        if (m_random.chance(kNoteChance))
            n.note = QString::fromUtf8(kNotes[m_random.below(std::size(kNotes))]);
        list << n;
    }
    return list;
}
