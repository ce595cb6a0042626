#pragma once

#include <QWidget>

class LibraryFilterProxy;
class LibraryModel;
class ProjectSession;
class QLineEdit;
class QTableView;

// The project's articles: a filter box over a sortable table. Moving the
// selection opens the article; Enter also hands focus to the reader.
class LibraryPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit LibraryPanel(ProjectSession &store, QWidget *parent = nullptr);

    LibraryModel *model() const { return m_model; }
    LibraryFilterProxy *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }
    QTableView *view() const { return m_view; }

    // Selects the article's row without announcing it again.
    void selectArticle(qint64 articleId);
    qint64 firstArticleId() const;
    // The selected rows' articles, in the order shown.
    QList<qint64> selectedArticleIds() const;
    void focusFilter();

Q_SIGNALS:
    void articleSelected(qint64 articleId);
    void articleActivated(qint64 articleId);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onCurrentChanged();
    void updateColumns();
    void fitCountColumn();
    void fitDateColumn();

    LibraryModel *m_model = nullptr;
    LibraryFilterProxy *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_view = nullptr;
    bool m_quiet = false;
};
