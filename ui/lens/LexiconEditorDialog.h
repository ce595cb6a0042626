#pragma once

#include <QDialog>
#include <QHash>

class ProjectStore;
class QComboBox;
class QListWidget;
class QPlainTextEdit;

// Edits the lens's word lists, one per cue and language, one term per
// line ("stem*" matches any ending). Save writes the changed lists to the
// project, which regenerates the lens's definitions.
class LexiconEditorDialog final : public QDialog
{
    Q_OBJECT

public:
    LexiconEditorDialog(ProjectStore &store, const QString &language, QWidget *parent = nullptr);

    // Writes every changed list; false (with a message) if the store refused.
    bool save();

private:
    QString key() const;
    void stash();
    void showList();
    void addLanguage();

    ProjectStore &m_store;
    QHash<QString, QStringList> m_original; // "language/cue" -> terms
    QHash<QString, QStringList> m_edited;
    QString m_shown; // key of the list in the editor
    QComboBox *m_languageBox = nullptr;
    QListWidget *m_cueList = nullptr;
    QPlainTextEdit *m_editor = nullptr;
};
