#include "shell/ServerLogin.h"

#include "shell/LiteralText.h"
#include "shell/ServerPasswordDialog.h"
#include "store/ServerLoginError.h"
#include "store/ServerPasswords.h"

#include <QList>
#include <QMessageBox>
#include <utility>

bool ServerLogin::run(QWidget *parent, const std::function<void()> &attempt)
{
    // What to save once connected (a copy may log in to two servers).
    QList<std::pair<QString, QString>> toRemember;
    for (;;) {
        try {
            attempt();
            break;
        } catch (const ServerLoginError &e) {
            // A refused password must not be tried again by other connections.
            if (e.tried() == ServerPasswords::Source::Session)
                ServerPasswords::drop(e.url());
            const bool wrong = e.tried() != ServerPasswords::Source::None;
            ServerPasswordDialog dialog(e.url(), wrong ? e.serverMessage() : QString(), parent);
            if (dialog.exec() != QDialog::Accepted)
                return false;
            toRemember.removeIf([&](const auto &entry) { return entry.first == e.url(); });
            if (dialog.remember())
                toRemember.append({e.url(), dialog.password()});
            ServerPasswords::use(e.url(), dialog.password());
        }
    }
    for (const auto &[url, password] : toRemember) {
        try {
            ServerPasswords::remember(url, password);
        } catch (const ProjectError &e) {
            // Connected all the same: the password stays for this session.
            QMessageBox::warning(parent, tr("Password not saved"), LiteralText::html(e.message()));
        }
    }
    return true;
}
