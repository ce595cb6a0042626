#include "search/SearchHitDelegate.h"

#include "search/SearchResultModel.h"
#include "text/SearchTerms.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QTextDocument>

namespace {
constexpr int padding = 6;
constexpr int gap = 2;

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t,
                            a.greenF() + (b.greenF() - a.greenF()) * t,
                            a.blueF() + (b.blueF() - a.blueF()) * t);
}

QPalette::ColorGroup colourGroup(QStyle::State state)
{
    if (!(state & QStyle::State_Enabled))
        return QPalette::Disabled;
    return (state & QStyle::State_Active) ? QPalette::Active : QPalette::Inactive;
}

QFont titleFont(const QFont &base)
{
    QFont font = base;
    font.setBold(true);
    return font;
}
} // namespace

SearchHitDelegate::SearchHitDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QString SearchHitDelegate::snippetHtml(const QString &snippet, const QColor &matchBackground)
{
    const QString open = QStringLiteral("<span style=\"font-weight:600; background-color:%1\">")
                             .arg(matchBackground.name());
    QString html;
    QString run;
    bool inMatch = false;
    const auto flush = [&] {
        html += run.toHtmlEscaped();
        run.clear();
    };
    for (const QChar c : snippet) {
        if (c == QChar(SearchTerms::matchStart) && !inMatch) {
            flush();
            html += open;
            inMatch = true;
        } else if (c == QChar(SearchTerms::matchEnd) && inMatch) {
            flush();
            html += QStringLiteral("</span>");
            inMatch = false;
        } else if (c == QChar(SearchTerms::matchStart) || c == QChar(SearchTerms::matchEnd)) {
            continue; // unbalanced: drop rather than show a control character
        } else {
            run += (c == QLatin1Char('\n') || c == QLatin1Char('\r')
                    || c == QChar::ParagraphSeparator)
                ? QLatin1Char(' ')
                : c;
        }
    }
    flush();
    if (inMatch)
        html += QStringLiteral("</span>");
    return html;
}

void SearchHitDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Background, selection and focus from the style; the text is ours.
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = colourGroup(opt.state);
    const QColor text
        = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor highlight = opt.palette.color(group, QPalette::Highlight);
    // A highlighter-pen amber, strong enough on light and dark paper alike.
    const QColor marker(0xf2, 0xc1, 0x4e);
    const QColor wash = selected ? mix(highlight, marker, 0.45)
                                 : mix(opt.palette.color(group, QPalette::Base), marker, 0.5);

    const QRect area = opt.rect.adjusted(padding, padding, -padding, -padding);
    const QFont bold = titleFont(opt.font);
    const QFontMetrics boldMetrics(bold);
    painter->save();
    painter->setFont(bold);
    painter->setPen(text);
    const QRect titleRect(area.left(), area.top(), area.width(), boldMetrics.height());
    painter->drawText(
        titleRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
        boldMetrics.elidedText(index.data(SearchResultModel::TitleRole).toString().simplified(),
                               Qt::ElideRight, area.width()));

    QTextDocument doc;
    doc.setDocumentMargin(0);
    doc.setDefaultFont(opt.font);
    doc.setTextWidth(area.width());
    doc.setHtml(snippetHtml(index.data(SearchResultModel::SnippetRole).toString(), wash));
    const QFontMetrics metrics(opt.font);
    const QRect snippetRect(area.left(), titleRect.bottom() + 1 + gap, area.width(),
                            metrics.lineSpacing() * snippetLines);
    painter->translate(snippetRect.topLeft());
    const QRect clip(0, 0, snippetRect.width(), snippetRect.height());
    painter->setClipRect(clip, Qt::IntersectClip);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = opt.palette;
    context.palette.setColor(QPalette::Text, text);
    context.clip = clip;
    doc.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize SearchHitDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics boldMetrics(titleFont(option.font));
    const QFontMetrics metrics(option.font);
    // The list gives every row its full width; only the height matters.
    return {120, 2 * padding + boldMetrics.height() + gap + metrics.lineSpacing() * snippetLines};
}
