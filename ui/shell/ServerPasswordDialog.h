#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;

// Asks for a team project's password when the server wants one: names the
// role and the database, shows why the last try was refused, and offers to
// remember the password in the desktop keyring.
class ServerPasswordDialog : public QDialog
{
    Q_OBJECT

public:
    // refusal: what the server said to the last try (empty: none was made).
    ServerPasswordDialog(const QString &url, const QString &refusal, QWidget *parent = nullptr);

    QString password() const;
    bool remember() const;

private:
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QPushButton *m_ok = nullptr;
};
