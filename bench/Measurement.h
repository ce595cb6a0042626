#pragma once

#include <QList>
#include <QString>

// One measured quantity: its samples and the target it is held to. Pass is
// judged on the median.
class Measurement
{
public:
    enum class Better { Lower, Higher };

    Measurement(QString name, QString unit, double target, Better better);

    void add(double sample) { m_samples << sample; }
    // Free text printed under the table (counts, the query used, ...).
    void setNote(const QString &note) { m_note = note; }

    const QString &name() const { return m_name; }
    const QString &unit() const { return m_unit; }
    const QString &note() const { return m_note; }
    double target() const { return m_target; }
    Better better() const { return m_better; }
    bool isEmpty() const { return m_samples.isEmpty(); }
    int count() const { return int(m_samples.size()); }

    double median() const;
    double min() const;
    double max() const;
    bool pass() const;
    // "<= 2 ms", ">= 5000 articles/s"
    QString targetText() const;

private:
    QString m_name;
    QString m_unit;
    double m_target;
    Better m_better;
    QList<double> m_samples;
    QString m_note;
};
