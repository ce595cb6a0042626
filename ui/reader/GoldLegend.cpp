#include "reader/GoldLegend.h"

#include "reader/GoldOverlay.h"

#include <QPainter>
#include <QPainterPath>

namespace {
constexpr int kPad = 8;
constexpr int kSample = 34;
constexpr int kGap = 16;
constexpr GoldComparison::Verdict kOrder[]
    = {GoldComparison::Verdict::Hit, GoldComparison::Verdict::Miss,
       GoldComparison::Verdict::FalseAlarm};
} // namespace

GoldLegend::GoldLegend(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("goldLegend"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
}

void GoldLegend::setCoders(const QString &gold, const QString &student)
{
    m_gold = gold;
    m_student = student;
    resize(sizeHint());
    update();
}

void GoldLegend::setCounts(int hits, int misses, int falseAlarms)
{
    if (m_counts[0] == hits && m_counts[1] == misses && m_counts[2] == falseAlarms)
        return;
    m_counts[0] = hits;
    m_counts[1] = misses;
    m_counts[2] = falseAlarms;
    update();
}

QStringList GoldLegend::lines() const
{
    return {tr("%1 against %2 (gold)").arg(m_student, m_gold), tr("Hits: %1").arg(m_counts[0]),
            tr("Misses: %1").arg(m_counts[1]), tr("False alarms: %1").arg(m_counts[2])};
}

QSize GoldLegend::sizeHint() const
{
    const QFontMetrics fm(font());
    const QStringList text = lines();
    int row = 0;
    for (int i = 1; i < text.size(); ++i)
        row += kSample + 6 + fm.horizontalAdvance(text[i]) + (i < 3 ? kGap : 0);
    QFont bold = font();
    bold.setWeight(QFont::DemiBold);
    const int width = std::max(QFontMetrics(bold).horizontalAdvance(text[0]), row);
    return {width + 2 * kPad, 2 * (fm.height() + 4) + 2 * kPad - 4};
}

void GoldLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor page = palette().color(QPalette::Base);
    const bool dark = page.lightness() < 128;
    QColor panel = page;
    panel.setAlpha(240);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(panel);
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);

    // The names on the first line, the three styles side by side below.
    const QFontMetrics fm(font());
    const QStringList text = lines();
    p.setPen(palette().color(QPalette::Text));
    QFont bold = font();
    bold.setWeight(QFont::DemiBold);
    p.setFont(bold);
    p.drawText(QPoint(kPad, kPad + fm.ascent()), text[0]);
    p.setFont(font());
    const int y = kPad + fm.height() + 4;
    int x = kPad;
    for (int i = 0; i < 3; ++i) {
        // A sample of the style over a word-sized run of "text".
        const QRectF sample(x + 2, y + 1, kSample - 6, fm.ascent() + fm.descent() - 2);
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(sample, Qt::AlignCenter, QStringLiteral("abc"));
        GoldOverlay::paintMark(p, sample, kOrder[i], dark);
        x += kSample + 6;
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QPoint(x, y + fm.ascent()), text[i + 1]);
        x += fm.horizontalAdvance(text[i + 1]) + kGap;
    }
}
