#include "annotating/QuickCodePalette.h"

#include "shell/LiteralText.h"
#include <KFuzzyMatcher>

#include <QCheckBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QVBoxLayout>
#include <algorithm>

namespace {
constexpr int CodeIdRole = Qt::UserRole + 1;

QIcon swatch(const QString &colour)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(colour));
    painter.setPen(QColor(colour).darker(130));
    painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pixmap);
}
} // namespace

QuickCodePalette::QuickCodePalette(const QList<Code> &codes, const QList<Category> &categories,
                                   QWidget *parent)
    : QDialog(parent)
    , m_codes(codes)
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_primary(new QCheckBox(tr("&Primary frame of the article"), this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("quickCodePalette"));
    setWindowTitle(tr("Quick Code"));
    setAccessibleName(tr("Quick code palette"));
    resize(440, 380);
    for (const Category &c : categories)
        m_categoryNames.insert(c.id, c.name);

    m_search->setObjectName(QStringLiteral("quickCodeSearch"));
    m_search->setAccessibleName(tr("Search codes"));
    m_search->setPlaceholderText(tr("Type to find a code, e.g. “secdef”"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_list->setObjectName(QStringLiteral("quickCodeList"));
    m_list->setAccessibleName(tr("Matching codes"));
    m_list->setUniformItemSizes(true);
    m_primary->setObjectName(QStringLiteral("quickCodePrimary"));
    m_primary->setVisible(false);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setText(tr("↑↓ choose · Enter apply · Esc cancel"));

    connect(m_search, &QLineEdit::textChanged, this, &QuickCodePalette::refilter);
    connect(m_list, &QListWidget::itemActivated, this, &QuickCodePalette::choose);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_primary);
    layout->addWidget(m_hint);
    setTabOrder(m_search, m_list);
    setTabOrder(m_list, m_primary);
    refilter();
    m_search->setFocus();
}

void QuickCodePalette::setWholeArticleMode(bool wholeArticle)
{
    setWindowTitle(wholeArticle ? tr("Code the Whole Article") : tr("Quick Code"));
    m_primary->setVisible(wholeArticle);
}

qint64 QuickCodePalette::currentCodeId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(CodeIdRole).toLongLong() : 0;
}

void QuickCodePalette::refilter()
{
    struct Ranked
    {
        int score;
        qsizetype order;
        const Code *code;
    };
    QList<Ranked> ranked;
    const QString pattern = m_search->text();
    for (qsizetype i = 0; i < m_codes.size(); ++i) {
        // Letters in order, word starts and runs scoring higher: "secdef"
        // puts "Security and defense" above "Second-order effects defined".
        const KFuzzyMatcher::Result match = KFuzzyMatcher::match(pattern, m_codes[i].name);
        if (match.matched)
            ranked.append({match.score, i, &m_codes[i]});
    }
    // Best match first; ties keep codebook order.
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const Ranked &a, const Ranked &b) { return a.score > b.score; });
    m_list->clear();
    for (const Ranked &r : std::as_const(ranked)) {
        const QString category = m_categoryNames.value(r.code->categoryId);
        auto *item = new QListWidgetItem(swatch(r.code->colour), r.code->name, m_list);
        item->setData(CodeIdRole, r.code->id);
        item->setToolTip(LiteralText::html(r.code->description));
        item->setData(Qt::AccessibleDescriptionRole, category);
        if (!category.isEmpty())
            item->setText(QStringLiteral("%1   —  %2").arg(r.code->name, category));
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void QuickCodePalette::choose()
{
    const qint64 id = currentCodeId();
    if (!id)
        return;
    Q_EMIT codeChosen(id, m_primary->isVisible() && m_primary->isChecked());
    accept();
}

bool QuickCodePalette::eventFilter(QObject *watched, QEvent *event)
{
    // Arrows move through the list while typing continues in the box.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            QCoreApplication::sendEvent(m_list, event);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            choose();
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}
