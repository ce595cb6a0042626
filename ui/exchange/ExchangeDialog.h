#pragma once

#include "exchange/ExchangeReport.h"

#include <QDialog>

class ProjectSession;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

// File > Import… and File > Export…: a format, the files (or folder), a
// coder, then the work with a progress bar that can be cancelled (an
// import then keeps nothing) and the report at the end.
class ExchangeDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Import,
        Export
    };

    ExchangeDialog(ProjectSession &session, Mode mode, QWidget *parent = nullptr);

    // For tests and for the Browse button.
    void setFormat(const QString &name);
    void setPaths(const QStringList &paths);
    void setCoder(const QString &coder);
    // Runs the import or export; the report is shown and returned.
    ExchangeReport run();
    QString reportText() const;
    void cancel() { m_cancelRequested = true; }
    QProgressBar *progressBar() const { return m_progress; }

private:
    void browse();
    QString formatName() const;

    ProjectSession &m_session;
    Mode m_mode;
    QComboBox *m_format = nullptr;
    QLineEdit *m_path = nullptr;
    QLineEdit *m_coder = nullptr;
    QCheckBox *m_bom = nullptr;
    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_report = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    bool m_running = false;
    bool m_cancelRequested = false;
    QStringList m_paths;
};
