#pragma once

#include <QStringList>

// Sentences and headlines of real news prose that the synthetic corpus is
// assembled from: the bundled sample article, the Wikinews 2019 CSV when
// the shared data folder is present, and the test articles.
class SentencePool
{
public:
    // Reads whatever of the sources exists; the sample article always does.
    static SentencePool load(const QString &sourceDir, const QString &sharedDir);

    void addProse(const QString &text);
    void addTitle(const QString &title);

    const QStringList &sentences() const { return m_sentences; }
    const QStringList &titles() const { return m_titles; }
    // Non-Latin sentences (emoji, CJK, Hangul) mixed in now and then.
    static const QStringList &unicodeSentences();
    QString describeSources() const { return m_sources.join(QStringLiteral(", ")); }

private:
    static QString typographicQuotes(QString sentence);

    QStringList m_sentences;
    QStringList m_titles;
    QStringList m_sources;
};
