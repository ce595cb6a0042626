#pragma once

#include "domain/AnalysisTables.h"
#include "domain/AnnotationVisibility.h"

#include <QWidget>

class ProjectSession;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QToolButton;
class QUndoStack;
class StoreCommand;

// The coded-segments window: a retrieval query (the language of
// `framewise segments`), how many segments it selects or where it is wrong,
// and the segments with their context, codes and coder. A double-click or
// Enter opens a segment in the reader at its place; the results export as
// CSV, JSON Lines or HTML. Under blind coding only the current coder's
// segments are found (AnnotationVisibility::restricted).
//
// Queries are saved in the project by name (SavedQueryRepository) and run
// again from a list, or used inside others as set:NAME; saving and deleting
// go through the undo stack.
class CodedSegmentsPanel final : public QWidget
{
    Q_OBJECT

public:
    enum class ExportFormat
    {
        Csv,
        JsonLines,
        Html
    };
    // Segments listed at most; the count line gives the whole number.
    static constexpr int limit = 5000;

    CodedSegmentsPanel(ProjectSession &store, QUndoStack *undo, QWidget *parent = nullptr);

    QLineEdit *queryEdit() const { return m_edit; }
    QTableView *view() const { return m_view; }
    QStandardItemModel *model() const { return m_model; }
    QLabel *statusLabel() const { return m_status; }
    QToolButton *exportButton() const { return m_export; }
    QComboBox *savedQueriesBox() const { return m_saved; }
    QPushButton *saveQueryButton() const { return m_saveQuery; }
    QToolButton *deleteQueryButton() const { return m_deleteQuery; }
    const QList<CodedSegment> &results() const { return m_results; }
    // Runs the last query again when blind coding or the coder changed.
    void setVisibility(const AnnotationVisibility &visibility);

    // Runs the field's query; false (with the problem in the status line
    // and the cursor at its place) when it is wrong.
    bool run();
    // Saves the field's query under name (replacing what was saved there);
    // false, with the problem in the status line, when the query is wrong.
    bool saveQuery(const QString &name);
    // Puts the saved query in the field and runs it.
    bool runSavedQuery(const QString &name);
    bool deleteSavedQuery(const QString &name);
    // Writes the listed segments; false with a message in the status line.
    bool exportTo(const QString &path, ExportFormat format);
    static QByteArray exported(const QList<CodedSegment> &segments, ExportFormat format);

Q_SIGNALS:
    void segmentActivated(qint64 articleId, qint64 start, qint64 end);

private:
    void activate(int row);
    void chooseExport(ExportFormat format);
    void chooseSaveName();
    void reloadSavedQueries();
    bool push(StoreCommand *command);

    ProjectSession &m_session;
    QUndoStack *m_undo;
    QLineEdit *m_edit = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_view = nullptr;
    QStandardItemModel *m_model = nullptr;
    QToolButton *m_export = nullptr;
    QComboBox *m_saved = nullptr;
    QPushButton *m_saveQuery = nullptr;
    QToolButton *m_deleteQuery = nullptr;
    QList<CodedSegment> m_results;
    AnnotationVisibility m_visibility;
    bool m_ran = false;
    bool m_failed = false; // the last pushed command was refused
};
