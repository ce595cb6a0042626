#include "codebook/CodeDetailsDialog.h"

#include "store/ProjectSession.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

namespace {
const QString kExample = QStringLiteral("\nExample: ");
}

QString CodeDetailsDialog::descriptionPart(const QString &stored)
{
    const qsizetype cut = stored.indexOf(kExample);
    return cut < 0 ? stored : stored.left(cut);
}

QString CodeDetailsDialog::examplesPart(const QString &stored)
{
    const qsizetype cut = stored.indexOf(kExample);
    return cut < 0 ? QString() : stored.mid(cut + kExample.size());
}

CodeDetailsDialog::CodeDetailsDialog(const ProjectSession &store, const Code &code, QWidget *parent)
    : QDialog(parent)
    , m_session(store)
    , m_code(code)
    , m_description(new QPlainTextEdit(descriptionPart(code.description), this))
    , m_examples(new QPlainTextEdit(examplesPart(code.description), this))
    , m_shortcut(new QKeySequenceEdit(QKeySequence(code.shortcut), this))
    , m_conflict(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("codeDetailsDialog"));
    m_conflict->setTextFormat(Qt::PlainText); // names another code
    setWindowTitle(tr("Code “%1”").arg(code.name));
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_examples->setObjectName(QStringLiteral("examplesEdit"));
    m_examples->setAccessibleName(tr("Examples"));
    m_examples->setTabChangesFocus(true);
    m_examples->setPlaceholderText(tr("A passage that this code fits"));
    m_shortcut->setObjectName(QStringLiteral("shortcutEdit"));
    m_shortcut->setAccessibleName(tr("Shortcut key"));
    m_shortcut->setMaximumSequenceLength(1);
    m_shortcut->setClearButtonEnabled(true);
    m_conflict->setObjectName(QStringLiteral("shortcutConflict"));
    m_conflict->setWordWrap(true);
    m_conflict->setStyleSheet(QStringLiteral("color: #b03030;"));
    m_conflict->hide();

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Examples:"), m_examples);
    form->addRow(tr("&Shortcut:"), m_shortcut);
    form->addRow(QString(), m_conflict);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_shortcut, &QKeySequenceEdit::keySequenceChanged, this,
            &CodeDetailsDialog::checkShortcut);
    resize(460, 320);
}

QString CodeDetailsDialog::description() const
{
    const QString description = m_description->toPlainText().trimmed();
    const QString examples = m_examples->toPlainText().simplified();
    return examples.isEmpty() ? description : description + kExample + examples;
}

QString CodeDetailsDialog::shortcut() const
{
    return m_shortcut->keySequence().toString(QKeySequence::PortableText);
}

void CodeDetailsDialog::focusShortcut()
{
    m_shortcut->setFocus(Qt::OtherFocusReason);
}

void CodeDetailsDialog::checkShortcut()
{
    // Say which code has the key now, rather than refusing after OK.
    const QString key = shortcut();
    QString owner;
    for (const Code &c : m_session.codebook().codes()) {
        if (c.id != m_code.id && !key.isEmpty()
            && c.shortcut.compare(key, Qt::CaseInsensitive) == 0)
            owner = c.name;
    }
    m_conflict->setText(tr("%1 is already the shortcut of “%2”.").arg(key, owner));
    m_conflict->setVisible(!owner.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(owner.isEmpty());
}
