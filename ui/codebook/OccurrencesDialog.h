#pragma once

#include "domain/Code.h"
#include "text/PhraseFinder.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;

// The preview before coding every occurrence of a phrase: each hit in its
// context with a check box (all checked), the code to apply, and a button
// that says how many annotations it will make.
class OccurrencesDialog final : public QDialog
{
    Q_OBJECT

public:
    OccurrencesDialog(const QString &phrase, const QList<PhraseFinder::Hit> &hits,
                      const QList<Code> &codes, qint64 defaultCodeId, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QComboBox *codeBox() const { return m_code; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    qint64 codeId() const;
    QList<PhraseFinder::Hit> checkedHits() const;

private:
    void updateCount();

    QList<PhraseFinder::Hit> m_hits;
    QComboBox *m_code = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_summary = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
