#include "codebook/MergeCodesDialog.h"

#include "store/ProjectSession.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

MergeCodesDialog::MergeCodesDialog(const ProjectSession &store, qint64 sourceId, QWidget *parent)
    : QDialog(parent)
    , m_targets(new QComboBox(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("mergeCodesDialog"));
    const QList<Code> codes = store.codebook().codes();
    const auto source = store.codebook().code(sourceId);
    const QString name = source ? source->name : QString();
    setWindowTitle(tr("Merge “%1”").arg(name));

    QSet<qint64> excluded {sourceId};
    for (bool grew = true; grew;) {
        grew = false;
        for (const Code &c : codes) {
            if (excluded.contains(c.parentId) && !excluded.contains(c.id)) {
                excluded.insert(c.id);
                grew = true;
            }
        }
    }
    QHash<qint64, QString> categories;
    for (const Category &c : store.codebook().categories())
        categories.insert(c.id, c.name);
    for (const Code &c : codes) {
        if (!excluded.contains(c.id))
            m_targets->addItem(
                QStringLiteral("%1 — %2").arg(c.name, categories.value(c.categoryId)), c.id);
    }
    m_targets->setObjectName(QStringLiteral("mergeTargetBox"));
    m_targets->setAccessibleName(tr("Merge into"));
    m_targets->setEditable(true); // type to find a code in a long codebook
    m_targets->setInsertPolicy(QComboBox::NoInsert);

    const int count = store.codebook().codeAnnotationCounts().value(sourceId);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText); // code names as they are
    m_summary->setText(tr("Annotations coded “%1” (%2) will carry the chosen code instead, its "
                          "sub-codes and memos move there, and “%1” is deleted. Ctrl+Z undoes it.")
                           .arg(name)
                           .arg(count));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Merge"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_targets->count() > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("Merge “%1” into:").arg(name), this);
    heading->setTextFormat(Qt::PlainText);
    layout->addWidget(heading);
    layout->addWidget(m_targets);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
}

qint64 MergeCodesDialog::targetId() const
{
    return m_targets->currentData().toLongLong();
}
