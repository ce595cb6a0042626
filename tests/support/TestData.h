#pragma once

#include <QByteArray>
#include <QString>

// The fixtures under tests/data.
namespace TestData {
// The bytes of tests/data/RELATIVE. A fixture that cannot be read stops the
// run: a test fed empty bytes would fail for the wrong reason, or pass.
QByteArray read(const QString &relative);
} // namespace TestData
