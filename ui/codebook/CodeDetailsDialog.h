#pragma once

#include "domain/Code.h"

#include <QDialog>

class ProjectSession;
class QDialogButtonBox;
class QKeySequenceEdit;
class QLabel;
class QPlainTextEdit;

// A code's description, examples and shortcut key. The examples are kept
// in the description after "Example: ", the way codebook files bring them.
class CodeDetailsDialog final : public QDialog
{
    Q_OBJECT

public:
    CodeDetailsDialog(const ProjectSession &store, const Code &code, QWidget *parent = nullptr);

    QString description() const; // with the examples appended
    QString shortcut() const; // portable text, e.g. "Q" or "Ctrl+1"
    void focusShortcut();

    static QString descriptionPart(const QString &stored);
    static QString examplesPart(const QString &stored);

private:
    void checkShortcut();

    const ProjectSession &m_session;
    Code m_code;
    QPlainTextEdit *m_description = nullptr;
    QPlainTextEdit *m_examples = nullptr;
    QKeySequenceEdit *m_shortcut = nullptr;
    QLabel *m_conflict = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
