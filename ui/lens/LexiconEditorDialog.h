#pragma once

#include <QDialog>
#include <QHash>

class ProjectSession;
class QComboBox;
class QListWidget;
class QPlainTextEdit;

// Edits the lens's word lists, one per cue and language, one term per
// line ("stem*" matches any ending). On Save the caller writes the changed
// lists to the project (as one undoable step), which regenerates the lens's
// definitions.
class LexiconEditorDialog final : public QDialog
{
    Q_OBJECT

public:
    LexiconEditorDialog(ProjectSession &store, const QString &language, QWidget *parent = nullptr);

    // The lists the user changed: "language/cue" -> every term.
    QHash<QString, QStringList> changedLists();

private:
    QString key() const;
    void stash();
    void showList();
    void addLanguage();

    ProjectSession &m_session;
    QHash<QString, QStringList> m_original; // "language/cue" -> terms
    QHash<QString, QStringList> m_edited;
    QString m_shown; // key of the list in the editor
    QComboBox *m_languageBox = nullptr;
    QListWidget *m_cueList = nullptr;
    QPlainTextEdit *m_editor = nullptr;
};
