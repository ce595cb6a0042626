#pragma once

#include "lens/QuotationCandidate.h"

#include <QDialog>

class ProjectSession;
class QComboBox;
class QListWidget;
class QPushButton;

// The preview before "code all quotations": every quotation the lens found
// with a checkbox (those already carrying the code start unchecked) and
// the code to apply.
class QuotationCodingDialog final : public QDialog
{
    Q_OBJECT

public:
    QuotationCodingDialog(const ProjectSession &store, const QList<QuotationCandidate> &quotations,
                          qint64 codeId, QWidget *parent = nullptr);

    QList<QuotationCandidate> selectedQuotations() const;
    qint64 codeId() const;
    QListWidget *list() const { return m_list; }

private:
    void updateButton();

    QList<QuotationCandidate> m_quotations;
    QComboBox *m_codeBox = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_okButton = nullptr;
};
