#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

// The find-in-article bar: a search field with previous/next and the match
// count. Esc closes it and gives focus back to the reader.
class FindBar final : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(QWidget *parent = nullptr);

    QLineEdit *edit() const { return m_edit; }
    QString text() const;
    // current is 1-based; 0 with total > 0 means "none selected yet".
    void setMatchInfo(int current, int total);
    QString matchText() const;
    void open(const QString &seed);

Q_SIGNALS:
    void searchChanged(const QString &text);
    void nextRequested();
    void previousRequested();
    void closed();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLineEdit *m_edit = nullptr;
    QLabel *m_count = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QToolButton *m_close = nullptr;
};
