#include "lens/LexiconEditorDialog.h"

#include "shell/LiteralText.h"
#include "lens/LensCue.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

LexiconEditorDialog::LexiconEditorDialog(ProjectSession &store, const QString &language, QWidget *parent)
    : QDialog(parent)
    , m_session(store)
{
    setObjectName(QStringLiteral("lexiconEditor"));
    setWindowTitle(tr("Lens Lexicons"));
    resize(620, 480);

    QStringList languages;
    for (const LexiconTerm &t : m_session.lexicon().terms()) {
        m_original[t.language + QLatin1Char('/') + t.cue].append(t.term);
        if (!languages.contains(t.language))
            languages.append(t.language);
    }
    if (!languages.contains(language))
        languages.append(language);
    m_edited = m_original;

    m_languageBox = new QComboBox(this);
    m_languageBox->setObjectName(QStringLiteral("lexiconLanguage"));
    m_languageBox->addItems(languages);
    m_languageBox->setCurrentText(language);
    auto *addLanguage = new QPushButton(tr("Add Language…"), this);

    m_cueList = new QListWidget(this);
    m_cueList->setObjectName(QStringLiteral("lexiconCues"));
    for (LensCue cue : LensCues::all()) {
        auto *item = new QListWidgetItem(LensCues::label(cue), m_cueList);
        item->setData(Qt::UserRole, LensCues::id(cue));
        item->setToolTip(LensCues::description(cue));
    }
    m_cueList->setFixedWidth(170);
    m_cueList->setCurrentRow(0);

    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("lexiconTerms"));
    m_editor->setPlaceholderText(tr("One word or phrase per line; end a stem with * (заявил*)"));
    m_editor->setReadOnly(m_session.isReadOnly());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setEnabled(!m_session.isReadOnly());
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_languageBox, &QComboBox::currentTextChanged, this, &LexiconEditorDialog::showList);
    connect(m_cueList, &QListWidget::currentRowChanged, this, &LexiconEditorDialog::showList);
    connect(addLanguage, &QPushButton::clicked, this, &LexiconEditorDialog::addLanguage);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Language:"), this));
    top->addWidget(m_languageBox);
    top->addWidget(addLanguage);
    top->addStretch();
    auto *middle = new QHBoxLayout;
    middle->addWidget(m_cueList);
    middle->addWidget(m_editor, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(middle, 1);
    layout->addWidget(buttons);
    showList();
}

QString LexiconEditorDialog::key() const
{
    const QListWidgetItem *item = m_cueList->currentItem();
    return m_languageBox->currentText() + QLatin1Char('/') + (item ? item->data(Qt::UserRole).toString() : QString());
}

void LexiconEditorDialog::stash()
{
    if (m_shown.isEmpty())
        return;
    QStringList terms;
    for (const QString &line : m_editor->toPlainText().split(QLatin1Char('\n'))) {
        const QString term = line.trimmed();
        if (!term.isEmpty() && !terms.contains(term))
            terms.append(term);
    }
    m_edited[m_shown] = terms;
}

void LexiconEditorDialog::showList()
{
    stash();
    m_shown = key();
    QStringList terms = m_edited.value(m_shown);
    terms.sort(Qt::CaseInsensitive);
    m_editor->setPlainText(terms.join(QLatin1Char('\n')));
}

void LexiconEditorDialog::addLanguage()
{
    const QString code = QInputDialog::getText(this, tr("Add Language"),
                                               tr("Two-letter language code (e.g. de, uk, ja):"))
                             .trimmed()
                             .toLower();
    if (!QRegularExpression(QStringLiteral("^[a-z]{2,3}$")).match(code).hasMatch())
        return;
    if (m_languageBox->findText(code) < 0)
        m_languageBox->addItem(code);
    m_languageBox->setCurrentText(code);
}

QHash<QString, QStringList> LexiconEditorDialog::changedLists()
{
    stash();
    QHash<QString, QStringList> changed;
    for (auto it = m_edited.cbegin(); it != m_edited.cend(); ++it) {
        QStringList before = m_original.value(it.key());
        QStringList after = it.value();
        before.sort();
        after.sort();
        if (before != after)
            changed.insert(it.key(), it.value());
    }
    return changed;
}
