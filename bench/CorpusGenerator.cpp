#include "CorpusGenerator.h"

#include "SentencePool.h"

#include <QDir>
#include <QFile>

#include <stdexcept>

namespace {
const char *const kCities[] = {"WASHINGTON", "LONDON", "SEOUL", "KYIV", "BERLIN", "NAIROBI",
                               "SÃO PAULO", "TOKYO", "BRUSSELS", "NEW DELHI", "CANBERRA", "MEXICO CITY"};
const char *const kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                               "August", "September", "October", "November", "December"};
constexpr double kUnicodeSentenceChance = 0.02;
} // namespace

CorpusGenerator::CorpusGenerator(const SentencePool &pool, quint64 seed)
    : m_pool(pool)
    , m_random(seed)
{
    if (m_pool.sentences().isEmpty() || m_pool.titles().isEmpty())
        throw std::runtime_error("no source prose for the corpus (resources/samples is missing)");
}

QString CorpusGenerator::dateline()
{
    return QStringLiteral("%1, %2 %3, 2019 — ")
        .arg(QString::fromUtf8(kCities[m_random.below(std::size(kCities))]),
             QLatin1String(kMonths[m_random.below(12)]))
        .arg(m_random.between(1, 28));
}

QString CorpusGenerator::paragraph(int sentences)
{
    const QStringList &pool = m_pool.sentences();
    const QStringList &unicode = SentencePool::unicodeSentences();
    QString p;
    for (int i = 0; i < sentences; ++i) {
        if (i)
            p += QLatin1Char(' ');
        p += m_random.chance(kUnicodeSentenceChance) ? unicode[m_random.below(unicode.size())]
                                                     : pool[m_random.below(pool.size())];
    }
    return p;
}

QString CorpusGenerator::article(qsizetype targetBytes)
{
    const QStringList &titles = m_pool.titles();
    QString text = titles[m_random.below(titles.size())];
    text += QStringLiteral("\n\n") + dateline();
    qsizetype bytes = text.toUtf8().size();
    bool first = true;
    while (bytes < targetBytes) {
        const QString p = paragraph(int(m_random.between(3, 6)));
        if (!first)
            text += QStringLiteral("\n\n");
        text += p;
        bytes += p.toUtf8().size() + (first ? 0 : 2);
        first = false;
    }
    return text;
}

QString CorpusGenerator::writeArticle(const QString &path, qsizetype bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(article(bytes).toUtf8()) < 0 || !file.flush())
        throw std::runtime_error(
            QStringLiteral("cannot write %1: %2").arg(path, file.errorString()).toStdString());
    return path;
}

QStringList CorpusGenerator::writeArticles(const QString &folder, int count, qsizetype bytesEach)
{
    if (!QDir().mkpath(folder))
        throw std::runtime_error(QStringLiteral("cannot create %1").arg(folder).toStdString());
    QStringList paths;
    paths.reserve(count);
    const QDir dir(folder);
    for (int i = 1; i <= count; ++i) {
        const QString name = QStringLiteral("article-%1.txt").arg(i, 5, 10, QLatin1Char('0'));
        paths << writeArticle(dir.filePath(name), bytesEach);
    }
    return paths;
}
