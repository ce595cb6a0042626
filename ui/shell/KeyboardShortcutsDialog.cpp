#include "shell/KeyboardShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

KeyboardShortcutsDialog::KeyboardShortcutsDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("keyboardShortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    resize(520, 560);

    auto *tree = new QTreeWidget(this);
    tree->setObjectName(QStringLiteral("shortcutList"));
    tree->setAccessibleName(tr("Keyboard shortcuts"));
    tree->setColumnCount(2);
    tree->setHeaderLabels({tr("Action"), tr("Keys")});
    tree->setRootIsDecorated(false);
    tree->setAlternatingRowColors(true);
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree->header()->setStretchLastSection(false);

    const auto add = [tree](const QString &what, const QString &keys) {
        auto *item = new QTreeWidgetItem(tree, {what, keys});
        item->setToolTip(0, what);
    };
    for (const QAction *action : actions) {
        if (action->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        QString name = action->text();
        name.remove(QLatin1Char('&'));
        if (name.startsWith(tr("Undo")) || name.startsWith(tr("Redo")))
            name = name.section(QLatin1Char(' '), 0, 0);
        add(name, keys.join(tr(" or ")));
    }
    // Keys handled by the widgets themselves rather than by actions.
    add(tr("Select text in the reader"), tr("Shift+Arrow keys, Shift+Ctrl+Arrow keys (by word)"));
    add(tr("Open the chosen article / show the chosen annotation"), tr("Enter"));
    add(tr("Apply the chosen code in the codebook"), tr("Enter or double-click"));
    add(tr("Move between panels"), tr("Tab, Shift+Tab"));
    add(tr("Move an annotation's nearer boundary"), tr("Alt+drag in the reader"));
    add(tr("Choose in the quick-code palette / apply"), tr("Up, Down / Enter"));
    add(tr("Check or uncheck an occurrence in the preview"), tr("Space"));
    add(tr("Link the selected mention to an actor"), tr("Enter in the actor list"));
    add(tr("Zoom the reader"), tr("Ctrl+mouse wheel"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tree);
    layout->addWidget(buttons);
}
