#pragma once

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;

// Writes or edits a memo: a title and free text.
class MemoDialog final : public QDialog
{
    Q_OBJECT

public:
    MemoDialog(const QString &about, const QString &title, const QString &body,
               QWidget *parent = nullptr);

    QString title() const;
    QString body() const;
    QLineEdit *titleEdit() const { return m_title; }
    QPlainTextEdit *bodyEdit() const { return m_body; }

private:
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_body = nullptr;
};
