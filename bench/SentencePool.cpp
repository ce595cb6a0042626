#include "SentencePool.h"

#include "CsvReader.h"
#include "import/ArticleImporter.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <variant>

namespace {
constexpr qsizetype kMinSentence = 30;
constexpr qsizetype kMaxSentence = 400;
} // namespace

SentencePool SentencePool::load(const QString &sourceDir, const QString &sharedDir)
{
    SentencePool pool;
    const QDir samples(sourceDir + QStringLiteral("/resources/samples"));
    for (const QString &name : samples.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
        QFile file(samples.filePath(name));
        if (file.open(QIODevice::ReadOnly)) {
            const QString text = QString::fromUtf8(file.readAll());
            pool.addTitle(ArticleImporter::titleFromText(text));
            pool.addProse(text);
            pool.m_sources << QStringLiteral("resources/samples/") + name;
        }
    }
    // url,date,title,text
    const QString wikinews = sharedDir + QStringLiteral("/data/wikinews/wikinews_2019.csv");
    const QList<QStringList> rows = CsvReader::readFile(wikinews);
    for (qsizetype i = 1; i < rows.size(); ++i) {
        if (rows[i].size() < 4)
            continue;
        pool.addTitle(rows[i][2]);
        pool.addProse(rows[i][3]);
    }
    if (rows.size() > 1)
        pool.m_sources << QStringLiteral("Wikinews 2019 (%1 articles)").arg(rows.size() - 1);
    // The test articles go through the real reader, so their encodings
    // (windows-1252, UTF-16, HTML entities) arrive as text.
    const QDir tests(sourceDir + QStringLiteral("/tests/data/import"));
    int testArticles = 0;
    for (const QString &name : tests.entryList(QDir::Files, QDir::Name)) {
        const auto read = ArticleImporter::readFile(tests.filePath(name));
        if (const auto *article = std::get_if<Article>(&read)) {
            pool.addProse(article->text);
            ++testArticles;
        }
    }
    if (testArticles)
        pool.m_sources << QStringLiteral("tests/data (%1 files)").arg(testArticles);
    return pool;
}

void SentencePool::addTitle(const QString &title)
{
    const QString t = typographicQuotes(title.simplified());
    if (!t.isEmpty())
        m_titles << t;
}

void SentencePool::addProse(const QString &text)
{
    // A sentence ends at . ! or ? (perhaps followed by a closing quote)
    // before white space and a capital or an opening quote.
    static const QRegularExpression boundary(QStringLiteral(R"([.!?][”"’]?\s+(?=[“"‘(]?\p{Lu}))"));
    static const QRegularExpression abbreviation(QStringLiteral(R"((\b(Mr|Ms|Mrs|Dr|St|Gen|Sen|Rep|Gov|No)|\b\p{Lu})$)"));
    static const QRegularExpression dateline(
        QStringLiteral(R"(^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), )"));
    for (const QString &paragraph : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString p = paragraph.simplified();
        if (p.isEmpty() || dateline.match(p).hasMatch())
            continue;
        qsizetype from = 0;
        auto take = [&](qsizetype to) {
            const QString s = p.mid(from, to - from).trimmed();
            if (s.size() >= kMinSentence && s.size() <= kMaxSentence)
                m_sentences << typographicQuotes(s);
        };
        auto it = boundary.globalMatch(p);
        while (it.hasNext()) {
            const auto m = it.next();
            if (p[m.capturedStart()] == u'.'
                && abbreviation.match(p.left(m.capturedStart())).hasMatch())
                continue; // "Mr. Smith", "U.S. forces"
            const QString mark = m.captured().trimmed();
            take(m.capturedStart() + mark.size());
            from = m.capturedEnd();
        }
        take(p.size());
    }
}

QString SentencePool::typographicQuotes(QString s)
{
    // Most outlets set curly quotes; the sources mix both.
    bool open = true;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == u'"') {
            s[i] = open ? QChar(0x201C) : QChar(0x201D);
            open = !open;
        } else if (s[i] == u'\'') {
            s[i] = QChar(0x2019);
        }
    }
    return s;
}

const QStringList &SentencePool::unicodeSentences()
{
    static const QStringList list = {
        QStringLiteral("Supporters answered the minister’s post with “🇺🇦 Slava Ukraini” and a row of 🙏 emoji."),
        QStringLiteral("State media quoted the spokesperson as saying “我们坚决反对” — “we firmly oppose” — the new sanctions."),
        QStringLiteral("The banner outside the assembly in Seoul read “평화 통일”, peaceful reunification."),
        QStringLiteral("政府は声明で「深刻な懸念」を表明した, the agency’s English summary added."),
        QStringLiteral("The hashtag #FreePress 📰 trended for two days after the raid."),
        QStringLiteral("Protesters in Zürich and Kraków carried signs reading “Não à guerra” and “Nie dla wojny” 🕊️."),
        QStringLiteral("Analysts called the move “a calculated signal” 📈 to markets in Hong Kong (香港) and Taipei."),
    };
    return list;
}
