#include "shell/ServerPasswordDialog.h"

#include "store/PostgresLocation.h"
#include "store/ServerKeyring.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

ServerPasswordDialog::ServerPasswordDialog(const QString &url, const QString &refusal,
                                           QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("serverPasswordDialog"));
    setWindowTitle(tr("Server Password"));
    const PostgresLocation where = PostgresLocation::parse(url);
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(tr("Password of “%1” for the database “%2” (%3):")
                                 .arg(where.login(), where.database, ServerKeyring::key(url)),
                             this);
    intro->setObjectName(QStringLiteral("serverPasswordLabel"));
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    if (!refusal.isEmpty()) {
        auto *why = new QLabel(tr("The server said: %1").arg(refusal), this);
        why->setObjectName(QStringLiteral("serverPasswordRefusal"));
        why->setTextFormat(Qt::PlainText);
        why->setWordWrap(true);
        layout->addWidget(why);
    }

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("serverPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    layout->addWidget(m_password);

    m_remember = new QCheckBox(tr("&Remember in the desktop keyring"), this);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    layout->addWidget(m_remember);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Connect"));
    m_ok->setEnabled(false);
    connect(m_password, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_ok->setEnabled(!text.isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_password->setFocus();
}

QString ServerPasswordDialog::password() const
{
    return m_password->text();
}

bool ServerPasswordDialog::remember() const
{
    return m_remember->isChecked();
}
