#include "LensEngine.h"

#include "LensHighlighter.h"
#include "lens/LensDefinitionWriter.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>

#include <algorithm>

LensEngine::LensEngine(const QString &folder, QObject *parent)
    : QObject(parent)
    , m_folder(folder)
{
    m_repository.addCustomSearchPath(m_folder);
    m_theme = m_repository.defaultTheme(KSyntaxHighlighting::Repository::LightTheme);
}

LensEngine::~LensEngine() = default;

void LensEngine::setLexicon(const QList<LexiconTerm> &terms)
{
    m_languages = LensDefinitionWriter::writeAll(m_folder, terms);
    // Highlighters hold definitions of the old load; drop them first.
    m_highlighters.clear();
    m_repository.reload();
    updateColours();
    Q_EMIT changed();
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
    for (const QString &name : {LensDefinitionWriter::quotesName(language), LensDefinitionWriter::wordsName(language)}) {
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
        h->setDefinition(m_repository.definitionForName(quotes ? LensDefinitionWriter::quotesName(language)
                                                               : LensDefinitionWriter::wordsName(language)));
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
