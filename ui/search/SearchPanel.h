#pragma once

#include <QWidget>

class ProjectSession;
class QLabel;
class QLineEdit;
class QListView;
class QTimer;
class SearchResultModel;

// Full-text search over every article: a query field that searches as you
// type, a line saying how many articles match, a notice while new articles
// wait to be indexed, and the hits with their snippets. Moving through the
// hits shows each in the reader; Enter or a double-click also moves focus
// there. Store errors are shown in the count line.
class SearchPanel final : public QWidget
{
    Q_OBJECT

public:
    // Hits shown at most; more than that asks the user to refine.
    static constexpr int limit = 100;
    static constexpr int debounceMs = 200;

    explicit SearchPanel(ProjectSession &store, QWidget *parent = nullptr);

    QLineEdit *searchEdit() const { return m_edit; }
    QListView *view() const { return m_view; }
    SearchResultModel *model() const { return m_model; }
    QLabel *countLabel() const { return m_count; }
    QLabel *indexingLabel() const { return m_indexing; }
    // The query the hits belong to.
    QString query() const { return m_query; }
    void focusSearch();

public Q_SLOTS:
    // Runs the field's query again at once, keeping the selected hit (for
    // when the index grew or articles changed).
    void refresh();

Q_SIGNALS:
    void hitSelected(qint64 articleId, const QString &query, const QString &snippet);
    void hitActivated(qint64 articleId, const QString &query, const QString &snippet);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void run(const QString &query);
    void showCount(const QString &query, int hits, bool more);
    void updateIndexingNotice();
    void onCurrentChanged();
    void enterResults();

    ProjectSession &m_session;
    SearchResultModel *m_model = nullptr;
    QLineEdit *m_edit = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_indexing = nullptr;
    QListView *m_view = nullptr;
    QTimer *m_debounce = nullptr;
    QString m_query;
    bool m_quiet = false;
};
