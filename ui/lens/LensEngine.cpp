#include "lens/LensEngine.h"

#include "lens/LensHighlighter.h"
#include "shell/SyntaxRepository.h"
#include "lens/LensDefinitionWriter.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>

#include <algorithm>

LensEngine::LensEngine(const QString &folder, QObject *parent)
    : QObject(parent)
    , m_folder(folder)
    , m_repository(SyntaxRepository::instance())
{
    static int engines = 0;
    m_scope = QString::number(++engines);
    m_repository.addCustomSearchPath(m_folder);
    m_theme = m_repository.defaultTheme(KSyntaxHighlighting::Repository::LightTheme);
    // Any reload, this engine's or another's, destroys the definitions the
    // highlighters hold: drop them first, fetch again after.
    connect(&m_repository, &KSyntaxHighlighting::Repository::aboutToReload, this,
            [this] { m_highlighters.clear(); });
    connect(&m_repository, &KSyntaxHighlighting::Repository::reloaded, this, [this] {
        updateColours();
        Q_EMIT changed();
    });
}

LensEngine::~LensEngine() = default;

QString LensEngine::quotesDefinitionName(const QString &language) const
{
    return LensDefinitionWriter::quotesName(language, m_scope);
}

QString LensEngine::wordsDefinitionName(const QString &language) const
{
    return LensDefinitionWriter::wordsName(language, m_scope);
}

void LensEngine::setLexicon(const QList<LexiconTerm> &terms)
{
    m_languages = LensDefinitionWriter::writeAll(m_folder, terms, m_scope);
    m_repository.reload();
}

void LensEngine::setTheme(const KSyntaxHighlighting::Theme &theme)
{
    if (!theme.isValid())
        return;
    m_theme = theme;
    for (const auto &h : std::as_const(m_highlighters))
        h->setTheme(theme);
    updateColours();
    Q_EMIT changed();
}

void LensEngine::updateColours()
{
    m_colours.clear();
    const QString language = m_languages.value(0, QStringLiteral("en"));
    for (const QString &name : {quotesDefinitionName(language), wordsDefinitionName(language)}) {
        for (const KSyntaxHighlighting::Format &format : m_repository.definitionForName(name).formats()) {
            if (const auto cue = LensCues::fromId(format.name()))
                m_colours.insert(int(*cue), format.textColor(m_theme));
        }
    }
}

LensHighlighter *LensEngine::highlighter(bool quotes, const QString &language)
{
    const QString key = (quotes ? QStringLiteral("q:") : QStringLiteral("w:")) + language;
    auto &h = m_highlighters[key];
    if (!h) {
        h = std::make_shared<LensHighlighter>();
        h->setTheme(m_theme);
        h->setDefinition(m_repository.definitionForName(quotes ? quotesDefinitionName(language)
                                                               : wordsDefinitionName(language)));
    }
    return h.get();
}

QList<LensSpan> LensEngine::spans(QStringView paragraph, const QString &language, std::optional<LensCue> only)
{
    QList<LensSpan> all;
    if (!only || *only == LensCue::Quotation)
        all = highlighter(true, language)->highlight(paragraph);
    if (!only || *only != LensCue::Quotation) {
        all += highlighter(false, language)->highlight(paragraph);
        if (only)
            all.removeIf([&](const LensSpan &s) { return s.cue != *only; });
    }
    std::stable_sort(all.begin(), all.end(), [](const LensSpan &a, const LensSpan &b) { return a.start < b.start; });
    return all;
}

QList<LensSpan> LensEngine::spansInText(const QString &text, const QString &language, std::optional<LensCue> only)
{
    QList<LensSpan> all;
    qsizetype from = 0;
    while (from <= text.size()) {
        qsizetype to = from;
        while (to < text.size() && text.at(to) != QLatin1Char('\n') && text.at(to) != QChar::ParagraphSeparator)
            ++to;
        for (LensSpan s : spans(QStringView(text).sliced(from, to - from), language, only)) {
            s.start += int(from);
            all.append(s);
        }
        from = to + 1;
    }
    return all;
}
