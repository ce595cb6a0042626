#pragma once

#include "lens/LensSpan.h"
#include "domain/LexiconTerm.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QColor>
#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

class LensHighlighter;

// The reading lens's machinery: writes the project's lexicons as syntax
// definitions into its own folder, loads them through the process's shared
// KSyntaxHighlighting repository (addCustomSearchPath), and runs them over
// paragraphs. Its definitions carry a name of their own, so that engines
// of other windows or closed projects in the same repository never shadow
// them.
class LensEngine final : public QObject
{
    Q_OBJECT

public:
    // `folder` holds the generated definitions (under syntax/).
    explicit LensEngine(const QString &folder, QObject *parent = nullptr);
    ~LensEngine() override;

    // Regenerates and reloads the definitions; throws ProjectError if the
    // folder cannot be written.
    void setLexicon(const QList<LexiconTerm> &terms);
    QStringList languages() const { return m_languages; }

    // Cues in one paragraph (offsets relative to it), by start.
    QList<LensSpan> spans(QStringView paragraph, const QString &language,
                          std::optional<LensCue> only = std::nullopt);
    // Cues in a whole text, paragraph by paragraph (offsets into the text).
    QList<LensSpan> spansInText(const QString &text, const QString &language,
                                std::optional<LensCue> only = std::nullopt);

    KSyntaxHighlighting::Repository &repository() { return m_repository; }
    KSyntaxHighlighting::Theme theme() const { return m_theme; }
    void setTheme(const KSyntaxHighlighting::Theme &theme);
    // The theme's colour for a cue (through the definition's default style).
    QColor colour(LensCue cue) const { return m_colours.value(int(cue)); }

Q_SIGNALS:
    // Definitions or theme changed: decorations must be redone.
    void changed();

private:
    QString quotesDefinitionName(const QString &language) const;
    QString wordsDefinitionName(const QString &language) const;
    LensHighlighter *highlighter(bool quotes, const QString &language);
    void updateColours();

    QString m_folder;
    QString m_scope; // tells this engine's definitions from other engines'
    KSyntaxHighlighting::Repository &m_repository;
    KSyntaxHighlighting::Theme m_theme;
    QStringList m_languages;
    QHash<QString, std::shared_ptr<LensHighlighter>> m_highlighters; // "q:en", "w:en"
    QHash<int, QColor> m_colours;
};
