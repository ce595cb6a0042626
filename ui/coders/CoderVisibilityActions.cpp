#include "coders/CoderVisibilityActions.h"

#include "commands/SetBlindCodingCommand.h"
#include "store/ProjectSession.h"

#include <QAction>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QUndoStack>

namespace {
QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour.darker(130), 2));
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(5, 5, 22, 22));
    return QIcon(pixmap);
}
} // namespace

CoderVisibilityActions::CoderVisibilityActions(QUndoStack &undo, StoreCommand::ErrorHandler onError,
                                               QWidget *parent)
    : QObject(parent)
    , m_undo(undo)
    , m_onError(std::move(onError))
    , m_menu(new QMenu(tr("Co&ders"), parent))
    , m_blindAction(new QAction(tr("&Blind Coding"), this))
    , m_badge(new QLabel(tr("Blind coding"), parent))
{
    m_menu->setObjectName(QStringLiteral("codersMenu"));
    connect(m_menu, &QMenu::aboutToShow, this, &CoderVisibilityActions::fillMenu);

    m_blindAction->setObjectName(QStringLiteral("blindCodingAction"));
    m_blindAction->setCheckable(true);
    m_blindAction->setStatusTip(
        tr("Everyone coding this project sees only their own annotations (stored in the project)"));
    connect(m_blindAction, &QAction::triggered, this, &CoderVisibilityActions::setBlindCoding);

    m_badge->setObjectName(QStringLiteral("blindCodingBadge"));
    m_badge->setToolTip(tr("Blind coding is on: other coders' annotations are hidden while you "
                           "code. Edit ▸ Blind Coding turns it off."));
    m_badge->setStyleSheet(
        QStringLiteral("QLabel { background: #e3ddf4; color: #3d2a78; border: 1px solid #c3b6e8;"
                       " border-radius: 8px; padding: 0px 8px; font-weight: 600; }"));
    m_badge->hide();
}

void CoderVisibilityActions::setSession(ProjectSession *session)
{
    disconnect(m_changes);
    m_session = session;
    m_visibility.showAllCoders();
    if (m_session) {
        m_changes
            = connect(m_session, &ProjectSession::changed, this, [this](const ChangeSet &changes) {
                  if (changes.settings().contains(
                          QLatin1String(ProjectSettingsRepository::blindCodingKey)))
                      readBlindCoding();
              });
        m_visibility.setCurrentCoder(m_session->coders().current());
    }
    m_blindAction->setEnabled(m_session && !m_session->isReadOnly());
    syncBlindCoding();
    Q_EMIT visibilityChanged(); // a new project: always
}

bool CoderVisibilityActions::syncBlindCoding()
{
    const bool blind = m_session && m_session->settings().blindCoding();
    m_blindAction->setChecked(blind);
    m_badge->setVisible(blind);
    if (blind == m_visibility.isBlind())
        return false;
    m_visibility.setBlind(blind);
    return true;
}

void CoderVisibilityActions::readBlindCoding()
{
    if (syncBlindCoding())
        Q_EMIT visibilityChanged();
}

void CoderVisibilityActions::setCurrentCoder(const QString &name)
{
    if (name.trimmed() == m_visibility.currentCoder())
        return;
    m_visibility.setCurrentCoder(name);
    if (m_visibility.isBlind())
        Q_EMIT visibilityChanged();
}

void CoderVisibilityActions::setCoderShown(const QString &name, bool shown)
{
    if (m_visibility.isCoderHidden(name) != shown)
        return;
    m_visibility.setCoderHidden(name, !shown);
    Q_EMIT visibilityChanged();
}

void CoderVisibilityActions::showAllCoders()
{
    if (m_visibility.hiddenCoders().isEmpty())
        return;
    m_visibility.showAllCoders();
    Q_EMIT visibilityChanged();
}

bool CoderVisibilityActions::setBlindCoding(bool on)
{
    if (!m_session || m_session->isReadOnly()) {
        readBlindCoding();
        return false;
    }
    if (on != m_session->settings().blindCoding()) {
        m_failed = false;
        // Commands outlive this call, so they report through the handler.
        m_undo.push(new SetBlindCodingCommand(*m_session, on, [this](const QString &message) {
            m_failed = true;
            if (m_onError)
                m_onError(message);
        }));
    }
    readBlindCoding(); // the action shows what is stored, also after a refusal
    return !m_failed && m_visibility.isBlind() == on;
}

void CoderVisibilityActions::fillMenu()
{
    m_menu->clear();
    if (!m_session)
        return;
    const bool blind = m_visibility.isBlind();
    if (blind) {
        QAction *note = m_menu->addAction(tr("Blind coding: only your annotations are shown"));
        note->setEnabled(false);
    }
    QAction *all
        = m_menu->addAction(tr("Show &All Coders"), this, &CoderVisibilityActions::showAllCoders);
    all->setObjectName(QStringLiteral("showAllCodersAction"));
    all->setEnabled(!m_visibility.hiddenCoders().isEmpty());
    m_menu->addSeparator();
    for (const Coder &coder : m_session->coders().all()) {
        const bool own = coder.name == m_visibility.currentCoder();
        QAction *action = m_menu->addAction(swatch(QColor(coder.colour)),
                                            own ? tr("%1 (you)").arg(coder.name) : coder.name);
        action->setData(coder.name);
        action->setCheckable(true);
        action->setChecked(m_visibility.showsCoder(coder.name));
        // Blind coding decides for the others; the choice waits until it ends.
        action->setEnabled(!blind || own);
        if (blind && !own)
            action->setToolTip(tr("Hidden while blind coding is on"));
        connect(action, &QAction::toggled, this,
                [this, name = coder.name](bool on) { setCoderShown(name, on); });
    }
}
