#include "codebook/OccurrencesDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

OccurrencesDialog::OccurrencesDialog(const QString &phrase, const QList<PhraseFinder::Hit> &hits,
                                     const QList<Code> &codes, qint64 defaultCodeId,
                                     QWidget *parent)
    : QDialog(parent)
    , m_hits(hits)
    , m_code(new QComboBox(this))
    , m_list(new QListWidget(this))
    , m_summary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("occurrencesDialog"));
    setWindowTitle(tr("Code Every Occurrence"));
    resize(620, 420);

    m_code->setObjectName(QStringLiteral("occurrenceCode"));
    m_code->setAccessibleName(tr("Code to apply"));
    for (const Code &c : codes)
        m_code->addItem(c.name, c.id);
    m_code->setCurrentIndex(qMax(0, m_code->findData(defaultCodeId)));

    m_list->setObjectName(QStringLiteral("occurrenceList"));
    m_list->setAccessibleName(tr("Occurrences; Space checks or unchecks one"));
    m_list->setWordWrap(true);
    for (const PhraseFinder::Hit &hit : hits) {
        const QString line = QStringLiteral("…%1【%2】%3…")
                                 .arg(hit.before.simplified(), hit.match, hit.after.simplified());
        auto *item = new QListWidgetItem(line, m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    if (m_list->count())
        m_list->setCurrentRow(0);
    connect(m_list, &QListWidget::itemChanged, this, &OccurrencesDialog::updateCount);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Code:"), m_code);
    auto *heading
        = new QLabel(tr("Occurrences of “%1” in this article:").arg(phrase.simplified()), this);
    heading->setWordWrap(true);
    heading->setTextFormat(Qt::PlainText); // a phrase of the article, as it is
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(heading);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    setTabOrder(m_code, m_list);
    m_list->setFocus();
    updateCount();
}

qint64 OccurrencesDialog::codeId() const
{
    return m_code->currentData().toLongLong();
}

QList<PhraseFinder::Hit> OccurrencesDialog::checkedHits() const
{
    QList<PhraseFinder::Hit> chosen;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            chosen.append(m_hits.value(i));
    }
    return chosen;
}

void OccurrencesDialog::updateCount()
{
    const qsizetype n = checkedHits().size();
    m_summary->setText(tr("%1 of %2 will be coded.").arg(n).arg(m_hits.size()));
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(n == 1 ? tr("Code 1 Occurrence") : tr("Code %1 Occurrences").arg(n));
    ok->setEnabled(n > 0 && m_code->count() > 0);
}
