#pragma once

#include "domain/Coder.h"
#include "reliability/Adjudication.h"

#include <QSet>
#include <QWidget>

class ChangeSet;
class ProjectSession;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QUndoStack;

// Adjudication under the agreement window's disagreement table: for the
// selected disagreement, accept one coder's version (a button per coder),
// accept both (or all: their union), or edit the place in the reader as
// the consensus coder. Each acceptance is one undoable command. The
// table's last column says how each row was resolved; the progress reads
// "n of m resolved" and follows undo, redo and coding by hand.
class AdjudicationPanel : public QWidget
{
    Q_OBJECT

public:
    AdjudicationPanel(ProjectSession &session, QTableWidget *table, QWidget *parent = nullptr);

    // Commands go here; without one the panel keeps its own stack.
    void setUndoStack(QUndoStack *stack);
    QUndoStack *undoStack() const { return m_undo; }

    // The rows of the table, in order, and the coders whose values its
    // columns show. Builds one accept button per coder.
    void setPlaces(const QList<Adjudication::Place> &places, const QList<Coder> &coders);
    void clear();

    // Accepts the versions of coders at a row of the table (one command);
    // false, with the reason shown, if refused. Selects the next open row.
    bool accept(int row, const QList<qint64> &coderIds);
    // Re-reads which rows are resolved.
    void refresh();

    QLineEdit *consensusEdit() const { return m_consensus; }
    QLabel *progress() const { return m_progress; }
    QList<QPushButton *> acceptButtons() const { return m_acceptButtons; }
    QPushButton *bothButton() const { return m_both; }
    QPushButton *editButton() const { return m_edit; }
    int resolvedCount() const;
    bool isResolved(int row) const;

Q_SIGNALS:
    // Edit: code this place by hand as the consensus coder.
    void editRequested(qint64 articleId, qint64 start, qint64 end, const QString &consensusName);

protected:
    void showEvent(QShowEvent *event) override;

private:
    int currentRow() const;
    void updateButtons();
    void projectChanged(const ChangeSet &changes);
    QString statusText(const Adjudication::Status &status) const;
    QString consensusName() const;
    // Why adjudicating is refused now ("" if it is not).
    QString refusal() const;

    ProjectSession &m_session;
    QTableWidget *m_table;
    QUndoStack *m_undo = nullptr;
    QLineEdit *m_consensus = nullptr;
    QLabel *m_progress = nullptr;
    QHBoxLayout *m_buttonRow = nullptr;
    QList<QPushButton *> m_acceptButtons;
    QPushButton *m_both = nullptr;
    QPushButton *m_edit = nullptr;
    QList<Adjudication::Place> m_places;
    QList<Adjudication::Status> m_status;
    QList<Coder> m_coders;
    QSet<qint64> m_articles; // of the places
    bool m_stale = false; // changed while hidden
    bool m_failed = false;
    QString m_failure;
};
