#pragma once

#include "query/QueryResult.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QueryHistory;
class QueryResultModel;
class QueryRunner;

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

// The SQL console: a query editor highlighted with KSyntaxHighlighting's
// SQL definition (from the process's shared repository), run with Ctrl+Enter on a separate
// read-only connection (QueryRunner, off the GUI thread, cancellable), the rows in a table with
// copy and CSV export, and a history of past queries.
class SqlConsole final : public QWidget
{
    Q_OBJECT

public:
    explicit SqlConsole(const QString &projectPath, QWidget *parent = nullptr);
    ~SqlConsole() override;

    // Any installed KSyntaxHighlighting theme, as the lens uses.
    void setThemeName(const QString &name);

    void setQuery(const QString &sql);
    void run();
    void cancel();
    bool isRunning() const;
    // Selected cells (or all rows) as TSV on the clipboard.
    void copy();
    bool exportCsv(const QString &path);

    QPlainTextEdit *editor() const { return m_editor; }
    QTableView *view() const { return m_view; }
    QueryResultModel *model() const { return m_model; }
    QLabel *statusLabel() const { return m_status; }
    QComboBox *historyBox() const { return m_historyBox; }
    KSyntaxHighlighting::SyntaxHighlighter *highlighter() const { return m_highlighter; }
    QPushButton *cancelButton() const { return m_cancelButton; }

Q_SIGNALS:
    void queryFinished(const QueryResult &result);

private:
    void showResult(const QueryResult &result);
    void fillHistory();
    void setBusy(bool busy);
    void loadDefinition();

    QueryRunner *m_runner = nullptr;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter = nullptr;
    std::unique_ptr<QueryHistory> m_history;
    QPlainTextEdit *m_editor = nullptr;
    QComboBox *m_historyBox = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_view = nullptr;
    QueryResultModel *m_model = nullptr;
};
