#pragma once

#include <QStyledItemDelegate>

// Draws a search hit as two parts: the article title in bold on one line,
// then up to two lines of snippet with the matched words in bold on a
// highlight wash taken from the palette.
class SearchHitDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit SearchHitDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The snippet as rich text: the article's text escaped (it is shown,
    // never interpreted), the marked matches wrapped in a bold span on
    // matchBackground, line breaks turned into spaces.
    static QString snippetHtml(const QString &snippet, const QColor &matchBackground);

    static constexpr int snippetLines = 2;
};
