#include "AdjudicationPanel.h"

#include "base/ProjectError.h"
#include "commands/AdjudicateCommand.h"
#include "store/ProjectSession.h"

#include <QBrush>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

AdjudicationPanel::AdjudicationPanel(ProjectSession &session, QTableWidget *table, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_table(table)
    , m_undo(new QUndoStack(this))
{
    setObjectName(QStringLiteral("adjudicationPanel"));
    m_consensus = new QLineEdit(Adjudication::defaultConsensusName(), this);
    m_consensus->setObjectName(QStringLiteral("consensusCoder"));
    m_consensus->setToolTip(tr("The coder the adjudicated codings are recorded under; created "
                               "the first time a version is accepted. Export it like any coder."));
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("adjudicationProgress"));
    m_progress->setTextFormat(Qt::PlainText);
    // No mnemonics on these: setText() would replace the Ctrl shortcuts.
    m_both = new QPushButton(tr("Accept Both"), this);
    m_both->setObjectName(QStringLiteral("acceptBoth"));
    m_both->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_edit = new QPushButton(tr("Edit in Reader"), this);
    m_edit->setObjectName(QStringLiteral("adjudicateEdit"));
    m_edit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_edit->setToolTip(tr("Opens the place in the reader and makes the consensus coder the "
                          "current coder, to code it by hand (Ctrl+E). The row counts as "
                          "resolved once the consensus coder has coded it there; Edit > "
                          "Switch Coder goes back to your own name."));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Consensus coder:"), this));
    top->addWidget(m_consensus);
    top->addWidget(m_progress, 1);
    m_buttonRow = new QHBoxLayout;
    m_buttonRow->addWidget(m_both);
    m_buttonRow->addWidget(m_edit);
    m_buttonRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(m_buttonRow);

    connect(m_both, &QPushButton::clicked, this, [this] {
        QList<qint64> all;
        for (const Coder &c : std::as_const(m_coders))
            all.append(c.id);
        accept(currentRow(), all);
    });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        const int row = currentRow();
        if (row < 0 || !refusal().isEmpty())
            return;
        const Adjudication::Place &p = m_places[row];
        Q_EMIT editRequested(p.articleId, p.start, p.end, consensusName());
    });
    connect(m_consensus, &QLineEdit::textChanged, this, [this] { refresh(); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] { updateButtons(); });
    connect(&m_session, &ProjectSession::changed, this, &AdjudicationPanel::projectChanged);
    updateButtons();
}

void AdjudicationPanel::setUndoStack(QUndoStack *stack)
{
    if (stack)
        m_undo = stack;
}

QString AdjudicationPanel::consensusName() const
{
    return m_consensus->text().trimmed();
}

QString AdjudicationPanel::refusal() const
{
    if (m_session.isReadOnly())
        return tr("The project is read-only.");
    const QString name = consensusName();
    if (name.isEmpty())
        return tr("Name the consensus coder.");
    for (const Coder &c : m_coders)
        if (c.name == name)
            return tr("“%1” is one of the coders compared: give the consensus another name.")
                .arg(name);
    return {};
}

void AdjudicationPanel::clear()
{
    setPlaces({}, {});
}

void AdjudicationPanel::setPlaces(const QList<Adjudication::Place> &places,
                                  const QList<Coder> &coders)
{
    m_places = places;
    m_coders = coders;
    m_articles.clear();
    for (const Adjudication::Place &p : places)
        m_articles.insert(p.articleId);
    qDeleteAll(m_acceptButtons);
    m_acceptButtons.clear();
    for (qsizetype i = 0; i < coders.size(); ++i) {
        const Coder c = coders[i];
        auto *button = new QPushButton(tr("Accept %1’s Version").arg(c.name), this);
        button->setObjectName(QStringLiteral("acceptCoder%1").arg(i));
        if (i < 9) {
            button->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
            button->setToolTip(tr("The consensus takes %1’s codings of this place (Ctrl+%2)")
                                   .arg(c.name, QString::number(i + 1)));
        }
        connect(button, &QPushButton::clicked, this,
                [this, id = c.id] { accept(currentRow(), {id}); });
        m_buttonRow->insertWidget(int(i), button);
        button->show(); // a layout shows new children only from the event loop
        m_acceptButtons.append(button);
    }
    m_both->setText(coders.size() > 2 ? tr("Accept All") : tr("Accept Both"));
    m_both->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_both->setToolTip(tr("The consensus takes the union of their codings here: per code, "
                          "overlapping spans become one (Ctrl+B)"));
    refresh();
}

int AdjudicationPanel::currentRow() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return -1;
    const int row = selected.front()->row();
    return row < m_places.size() ? row : -1;
}

bool AdjudicationPanel::isResolved(int row) const
{
    return row >= 0 && row < m_status.size() && m_status[row].resolved;
}

int AdjudicationPanel::resolvedCount() const
{
    return int(std::count_if(m_status.begin(), m_status.end(),
                             [](const Adjudication::Status &s) { return s.resolved; }));
}

QString AdjudicationPanel::statusText(const Adjudication::Status &status) const
{
    if (!status.resolved)
        return {};
    if (!status.decision)
        return tr("✓ coded by hand");
    QStringList names;
    for (qint64 id : status.decision->acceptedCoderIds) {
        const auto c = m_session.coders().get(id);
        names.append(c ? c->name : QString::number(id));
    }
    return names.size() == 1 ? tr("✓ %1’s version").arg(names.front())
                             : tr("✓ %1 merged").arg(names.join(QStringLiteral(" + ")));
}

void AdjudicationPanel::refresh()
{
    m_status.clear();
    if (!m_places.isEmpty()) {
        try {
            m_status = Adjudication(m_session, consensusName()).status(m_places);
        } catch (const ProjectError &e) {
            m_progress->setText(e.message());
        }
    }
    const int column = m_table->columnCount() - 1;
    for (int row = 0; row < m_status.size() && row < m_table->rowCount(); ++row) {
        auto *item = m_table->item(row, column);
        if (!item) {
            item = new QTableWidgetItem;
            m_table->setItem(row, column, item);
        }
        item->setText(statusText(m_status[row]));
        if (m_status[row].resolved) {
            item->setBackground(QBrush(QColor(0x9f, 0xd8, 0x9f)));
            item->setForeground(QBrush(Qt::black));
        } else {
            item->setBackground(QBrush());
            item->setForeground(QBrush());
        }
    }
    m_progress->setText(m_places.isEmpty()
                            ? QString()
                            : tr("%1 of %2 resolved").arg(resolvedCount()).arg(m_places.size()));
    updateButtons();
}

void AdjudicationPanel::updateButtons()
{
    const bool can = currentRow() >= 0 && refusal().isEmpty();
    for (QPushButton *b : std::as_const(m_acceptButtons))
        b->setEnabled(can);
    m_both->setEnabled(can && m_coders.size() > 1);
    m_edit->setEnabled(can);
    const QString why = m_places.isEmpty() ? QString() : refusal();
    if (!why.isEmpty())
        m_progress->setText(why);
}

bool AdjudicationPanel::accept(int row, const QList<qint64> &coderIds)
{
    if (row < 0 || row >= m_places.size() || coderIds.isEmpty())
        return false;
    const QString why = refusal();
    if (!why.isEmpty()) {
        m_progress->setText(why);
        return false;
    }
    QStringList names;
    for (const Coder &c : std::as_const(m_coders))
        if (coderIds.contains(c.id))
            names.append(c.name);
    const QString text = names.size() == 1
        ? tr("Accept %1’s Version").arg(names.front())
        : tr("Accept the Union of %1").arg(names.join(QStringLiteral(" + ")));
    m_failed = false;
    // Commands outlive this call (undo and redo run later), so they report
    // to the panel while it exists, never to a local.
    const QPointer<AdjudicationPanel> self(this);
    m_undo->push(new AdjudicateCommand(m_session, m_places[row], coderIds, consensusName(), text,
                                       [self](const QString &message) {
                                           if (!self)
                                               return;
                                           self->m_failed = true;
                                           self->m_failure = message;
                                           self->m_progress->setText(message);
                                       }));
    refresh();
    if (m_failed) {
        m_progress->setText(m_failure);
        return false;
    }
    // On to the next open row.
    for (int k = 1; k <= m_places.size(); ++k) {
        const int next = (row + k) % int(m_places.size());
        if (!isResolved(next)) {
            m_table->selectRow(next);
            break;
        }
    }
    return true;
}

void AdjudicationPanel::projectChanged(const ChangeSet &changes)
{
    using A = ChangeSet::Aggregate;
    if (m_places.isEmpty())
        return;
    // Coding elsewhere in the corpus changes nothing here.
    const bool here = changes.touches(A::Adjudication) || changes.touches(A::Coder)
        || changes.annotatedArticles().intersects(m_articles);
    if (!here)
        return;
    if (isVisible())
        refresh();
    else
        m_stale = true;
}

void AdjudicationPanel::showEvent(QShowEvent *event)
{
    if (m_stale) {
        m_stale = false;
        refresh();
    }
    QWidget::showEvent(event);
}
