#include "lens/LensToolBar.h"

#include "lens/LensEngine.h"
#include "lens/ReadingLens.h"

#include <KSyntaxHighlighting/Theme>

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QPainter>
#include <QPixmap>

namespace {
QIcon swatch(const QColor &colour, bool underline)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    if (underline) {
        p.setPen(QPen(colour, 2, Qt::DotLine));
        p.drawLine(QPointF(1, 13), QPointF(15, 13));
        p.setPen(colour);
        p.drawText(QRectF(0, -1, 16, 14), Qt::AlignCenter, QStringLiteral("a"));
    } else {
        p.setPen(colour);
        QFont f = p.font();
        f.setBold(true);
        p.setFont(f);
        p.drawText(QRectF(0, 0, 16, 16), Qt::AlignCenter, QStringLiteral("“”"));
    }
    return QIcon(pixmap);
}
} // namespace

LensToolBar::LensToolBar(ReadingLens &lens, QWidget *parent)
    : QToolBar(tr("Reading Lens"), parent)
    , m_lens(lens)
{
    setObjectName(QStringLiteral("lensToolBar"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setIconSize(QSize(16, 16));

    m_lensAction = addAction(tr("Lens"));
    m_lensAction->setObjectName(QStringLiteral("lensToggle"));
    m_lensAction->setCheckable(true);
    m_lensAction->setChecked(lens.isEnabled());
    m_lensAction->setToolTip(tr("Show reading cues in the article (quotations, attribution, hedges …)"));
    m_lensAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(m_lensAction, &QAction::toggled, this, [this](bool on) {
        m_lens.setEnabled(on);
        for (QAction *a : std::as_const(m_cueActions))
            a->setEnabled(on);
    });
    addSeparator();
    for (LensCue cue : LensCues::all()) {
        QAction *action = addAction(LensCues::label(cue));
        action->setObjectName(QStringLiteral("lensCue-") + LensCues::id(cue));
        action->setCheckable(true);
        action->setChecked(lens.cues().contains(cue));
        action->setEnabled(lens.isEnabled());
        action->setToolTip(LensCues::description(cue));
        connect(action, &QAction::toggled, this, [this, cue](bool on) { m_lens.setCueEnabled(cue, on); });
        m_cueActions.insert(int(cue), action);
    }
    addSeparator();
    m_themeBox = new QComboBox(this);
    m_themeBox->setObjectName(QStringLiteral("lensTheme"));
    m_themeBox->setToolTip(tr("Colour theme of the lens and the SQL console"));
    fillThemes();
    addWidget(m_themeBox);
    connect(m_themeBox, &QComboBox::activated, this, [this](int index) {
        m_lens.setThemeName(m_themeBox->itemData(index).toString());
    });
    m_lexiconAction = addAction(tr("Lexicons…"));
    m_lexiconAction->setObjectName(QStringLiteral("lensLexicons"));
    m_lexiconAction->setToolTip(tr("Edit the word lists behind each cue, per language"));
    connect(m_lexiconAction, &QAction::triggered, &m_lens, &ReadingLens::editLexicons);
    m_codeQuotationsAction = addAction(tr("Code Quotations…"));
    m_codeQuotationsAction->setObjectName(QStringLiteral("lensCodeQuotations"));
    m_codeQuotationsAction->setToolTip(tr("Code all quotations in this article as Claim, after a preview"));
    connect(m_codeQuotationsAction, &QAction::triggered, &m_lens, &ReadingLens::codeQuotationsInteractively);

    connect(&m_lens.engine(), &LensEngine::changed, this, &LensToolBar::updateSwatches);
    updateSwatches();
}

void LensToolBar::fillThemes()
{
    m_themeBox->clear();
    m_themeBox->addItem(tr("Theme: follow system"), QString());
    for (const KSyntaxHighlighting::Theme &theme : m_lens.engine().repository().themes())
        m_themeBox->addItem(theme.translatedName(), theme.name());
    const int index = m_themeBox->findData(m_lens.themeName());
    m_themeBox->setCurrentIndex(index < 0 ? 0 : index);
}

void LensToolBar::updateSwatches()
{
    for (LensCue cue : LensCues::all()) {
        if (QAction *a = m_cueActions.value(int(cue)))
            a->setIcon(swatch(m_lens.engine().colour(cue), cue != LensCue::Quotation));
    }
}

void LensToolBar::changeEvent(QEvent *event)
{
    // Light/dark switched: a lens following the system follows too.
    if (event->type() == QEvent::PaletteChange && m_lens.themeName().isEmpty())
        m_lens.setThemeName(QString());
    QToolBar::changeEvent(event);
}
