#pragma once

#include "lens/QuotationCandidate.h"
#include "commands/StoreCommand.h"
#include "lens/LensCue.h"

#include <QObject>
#include <QSet>

#include <memory>

class LensDecorator;
class LensEngine;
class LensToolBar;
class ProjectSession;
class QUndoStack;
class QWidget;
class ReaderView;

// The reading lens of one project in the main window: seeds the starter
// lexicons, keeps the generated definitions in step with the project's
// lexicons, decorates the reader, and turns quotations into annotations
// through the undo stack. It never creates an annotation by itself.
class ReadingLens final : public QObject
{
    Q_OBJECT

public:
    ReadingLens(ProjectSession &store, ReaderView &reader, QUndoStack &undo, QWidget *window);
    ~ReadingLens() override;

    LensEngine &engine() const { return *m_engine; }
    LensToolBar *toolBar() const { return m_toolBar; }

    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    QSet<LensCue> cues() const { return m_cues; }
    void setCueEnabled(LensCue cue, bool enabled);
    // Any installed theme by name; empty follows the light or dark palette.
    void setThemeName(const QString &name);
    QString themeName() const { return m_themeName; }
    // The name of the theme in use (the palette's when following it).
    QString effectiveThemeName() const;
    // The lexicon language of the article in the reader.
    QString language() const;

    // The code "Code all quotations as Claim" suggests: a code named Claim,
    // else the first code of a claim category, else 0.
    qint64 defaultClaimCode() const;
    // The quotations of the article in the reader, in reading order.
    QList<QuotationCandidate> quotationCandidates(qint64 codeId) const;
    // Codes the given quotations in one undoable step; returns how many
    // were stored (0 on failure, reported through the window).
    int codeQuotations(const QList<QuotationCandidate> &quotations, qint64 codeId);
    // The preview dialog, then codeQuotations().
    void codeQuotationsInteractively();
    void editLexicons();

Q_SIGNALS:
    void themeChanged(const QString &effectiveThemeName);

private:
    void reloadLexicon();
    void applyToReader();
    void saveSettings() const;
    // Reports a refused command through the window; sets *failed if given.
    StoreCommand::ErrorHandler errorHandler(std::shared_ptr<bool> failed = {}) const;

    ProjectSession &m_session;
    ReaderView &m_reader;
    QUndoStack &m_undo;
    QWidget *m_window;
    std::unique_ptr<LensEngine> m_engine;
    std::unique_ptr<LensDecorator> m_decorator;
    LensToolBar *m_toolBar = nullptr;
    QSet<LensCue> m_cues;
    QString m_themeName;
    bool m_enabled = false;
    bool m_installed = false;
};
