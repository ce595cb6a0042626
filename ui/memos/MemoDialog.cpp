#include "memos/MemoDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

MemoDialog::MemoDialog(const QString &about, const QString &title, const QString &body,
                       QWidget *parent)
    : QDialog(parent)
    , m_title(new QLineEdit(title, this))
    , m_body(new QPlainTextEdit(body, this))
{
    setObjectName(QStringLiteral("memoDialog"));
    setWindowTitle(tr("Memo"));
    m_title->setObjectName(QStringLiteral("memoTitleEdit"));
    m_title->setAccessibleName(tr("Memo title"));
    m_body->setObjectName(QStringLiteral("memoBodyEdit"));
    m_body->setAccessibleName(tr("Memo text"));
    m_body->setTabChangesFocus(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *aboutLabel = new QLabel(about, this);
    aboutLabel->setWordWrap(true);
    aboutLabel->setTextFormat(Qt::PlainText); // quotes titles, quotes and code names
    auto *form = new QFormLayout(this);
    form->addRow(aboutLabel);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Memo:"), m_body);
    form->addRow(buttons);
    resize(480, 320);
    (title.isEmpty() ? static_cast<QWidget *>(m_title) : m_body)->setFocus();
}

QString MemoDialog::title() const
{
    return m_title->text().trimmed();
}

QString MemoDialog::body() const
{
    return m_body->toPlainText();
}
