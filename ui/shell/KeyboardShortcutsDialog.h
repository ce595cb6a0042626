#pragma once

#include <QDialog>

class QAction;

// Help > Keyboard Shortcuts: every key of the window's actions plus the
// keys that belong to the reader and lists themselves.
class KeyboardShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit KeyboardShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);
};
