#include "TestData.h"

#include <QFile>

QByteArray TestData::read(const QString &relative)
{
    QFile file(QStringLiteral(FRAMEWISE_TEST_DATA "/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}
