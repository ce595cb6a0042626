#pragma once

#include "reliability/GoldComparison.h"

#include <QWidget>

// The key to GoldOverlay's styles: a sample of each with its name and how
// many the article shown has, under the names of the student and the gold
// coder.
class GoldLegend final : public QWidget
{
    Q_OBJECT

public:
    explicit GoldLegend(QWidget *parent = nullptr);

    void setCoders(const QString &gold, const QString &student);
    void setCounts(int hits, int misses, int falseAlarms);
    // The text of the legend, line by line (for tests and accessibility).
    QStringList lines() const;

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_gold, m_student;
    int m_counts[3] = {0, 0, 0};
};
