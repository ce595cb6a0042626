#include "lens/QuotationCodingDialog.h"

#include "shell/LiteralText.h"
#include "store/ProjectSession.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

QuotationCodingDialog::QuotationCodingDialog(const ProjectSession &store,
                                             const QList<QuotationCandidate> &quotations, qint64 codeId,
                                             QWidget *parent)
    : QDialog(parent)
    , m_quotations(quotations)
{
    setObjectName(QStringLiteral("quotationCodingDialog"));
    setWindowTitle(tr("Code Quotations"));
    resize(640, 460);

    m_codeBox = new QComboBox(this);
    m_codeBox->setObjectName(QStringLiteral("quotationCode"));
    for (const Code &code : store.codebook().codes())
        m_codeBox->addItem(code.name, code.id);
    m_codeBox->setCurrentIndex(std::max(0, m_codeBox->findData(codeId)));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("quotationList"));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    for (const QuotationCandidate &q : std::as_const(m_quotations)) {
        auto *item = new QListWidgetItem(m_list);
        QString text = QStringLiteral("%1–%2   %3").arg(q.start).arg(q.end).arg(q.quote.simplified());
        if (q.alreadyCoded)
            text += QStringLiteral("   (%1)").arg(tr("already coded"));
        item->setText(text);
        item->setToolTip(LiteralText::html(q.quote));
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(q.alreadyCoded ? Qt::Unchecked : Qt::Checked);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    QPushButton *all = buttons->addButton(tr("Check All"), QDialogButtonBox::ResetRole);
    QPushButton *none = buttons->addButton(tr("Check None"), QDialogButtonBox::ResetRole);
    const auto checkAll = [this](Qt::CheckState state) {
        for (int i = 0; i < m_list->count(); ++i)
            m_list->item(i)->setCheckState(state);
    };
    connect(all, &QPushButton::clicked, this, [checkAll] { checkAll(Qt::Checked); });
    connect(none, &QPushButton::clicked, this, [checkAll] { checkAll(Qt::Unchecked); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemChanged, this, &QuotationCodingDialog::updateButton);

    auto *form = new QFormLayout;
    form->addRow(tr("Code as:"), m_codeBox);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(m_quotations.isEmpty()
                                 ? tr("The lens found no quotations in this article.")
                                 : tr("The lens found %n quotation(s). Uncheck those you do not want coded; "
                                      "one Undo removes them all again.", nullptr, int(m_quotations.size())),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    updateButton();
}

QList<QuotationCandidate> QuotationCodingDialog::selectedQuotations() const
{
    QList<QuotationCandidate> selected;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            selected.append(m_quotations.at(i));
    }
    return selected;
}

qint64 QuotationCodingDialog::codeId() const
{
    return m_codeBox->currentData().toLongLong();
}

void QuotationCodingDialog::updateButton()
{
    const qsizetype n = selectedQuotations().size();
    m_okButton->setText(tr("Code %n Quotation(s)", nullptr, int(n)));
    m_okButton->setEnabled(n > 0 && m_codeBox->count() > 0);
}
