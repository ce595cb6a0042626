#pragma once

#include "domain/Category.h"
#include "domain/Code.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;

// Ctrl+K: type a few letters of a code ("secdef"), the best fuzzy matches
// list below, Enter applies the highlighted one. In whole-article mode it
// also offers the primary flag.
class QuickCodePalette final : public QDialog
{
    Q_OBJECT

public:
    QuickCodePalette(const QList<Code> &codes, const QList<Category> &categories,
                     QWidget *parent = nullptr);

    void setWholeArticleMode(bool wholeArticle);
    QLineEdit *searchEdit() const { return m_search; }
    QListWidget *list() const { return m_list; }
    QCheckBox *primaryBox() const { return m_primary; }
    qint64 currentCodeId() const;

Q_SIGNALS:
    void codeChosen(qint64 codeId, bool primary);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();
    void choose();

    QList<Code> m_codes;
    QHash<qint64, QString> m_categoryNames;
    QLineEdit *m_search = nullptr;
    QListWidget *m_list = nullptr;
    QCheckBox *m_primary = nullptr;
    QLabel *m_hint = nullptr;
};
