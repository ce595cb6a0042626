#pragma once

#include "reliability/GoldComparison.h"

#include <QHash>
#include <QPointer>
#include <QWidget>
#include <functional>

class GoldLegend;
class ReaderView;

// Shows a student's coding against a gold coder's in the reader, for
// teaching: hits (a student span overlapping a gold span of its code) in a
// green wash with a solid underline, misses (gold spans the student did not
// mark) in a dashed red frame, false alarms (student spans no gold span of
// their code overlaps) with an amber wavy underline. The styles differ in
// shape as well as colour, so they read apart without colour too.
//
// A transparent sibling laid over the reader's viewport: it paints over
// the text from the reader's own layout and lets every mouse event through,
// so the reader needs no change. While it is active the coders' own
// highlights step aside (hidden per coder) and a legend with the counts of
// the article shown sits in the reader's bottom right corner.
class GoldOverlay final : public QWidget
{
    Q_OBJECT

public:
    using Verdict = GoldComparison::Verdict;

    explicit GoldOverlay(ReaderView *reader);
    ~GoldOverlay() override;

    // Whose annotations the reader shows is the window's (View > Coders):
    // how to ask and how to hide or show one coder's.
    struct CoderSwitch
    {
        std::function<bool(const QString &)> isShown;
        std::function<void(const QString &, bool)> setShown;
    };
    void setCoderSwitch(const CoderSwitch &coders) { m_coders = coders; }

    // The judged spans of a whole comparison (every article); codeNames
    // name codes in tooltips.
    void setComparison(const QString &gold, const QString &student,
                       const QList<GoldComparison::Span> &spans,
                       const QHash<qint64, QString> &codeNames);
    // On: hides the highlights of these coders and draws the verdicts. Off:
    // shows again the coders it hid (call it before deleting an active
    // overlay while the reader lives).
    void setActive(bool active, const QStringList &coders = {});
    bool isActive() const { return m_active; }

    // The spans of the article shown.
    QList<GoldComparison::Span> spansShown() const;
    // What the last paint drew, in viewport coordinates (for tests).
    struct Mark
    {
        QRectF rect;
        Verdict verdict = Verdict::Hit;
        qint64 codeId = 0;
    };
    const QList<Mark> &paintedMarks() const { return m_painted; }
    GoldLegend *legend() const;

    // The style of a verdict over rect (a line's run of text), on a light
    // or dark page; the legend draws its samples with it.
    static void paintMark(QPainter &painter, const QRectF &rect, Verdict verdict, bool dark);
    static QColor colour(Verdict verdict, bool dark);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();
    QString tooltipAt(const QPoint &viewportPos) const;

    QPointer<ReaderView> m_reader;
    QPointer<GoldLegend> m_legend; // a sibling, so that it is not clipped to the viewport
    QHash<qint64, QList<GoldComparison::Span>> m_byArticle;
    QHash<qint64, QString> m_codeNames;
    QStringList m_hidden; // coders this overlay hid
    QList<Mark> m_painted;
    bool m_active = false;
    CoderSwitch m_coders;
};
