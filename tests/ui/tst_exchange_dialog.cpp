// File > Import… and File > Export…: the dialog recognises a PTC folder,
// imports it and shows the report; Cancel during the work keeps nothing;
// an export writes the file and says which unit its offsets use; a bad
// file's message names it and nothing changes.
#include "exchange/ExchangeDialog.h"
#include "store/ProjectSession.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {
const QString kFixture = QStringLiteral(FRAMEWISE_TEST_DATA "/ptc");

QPushButton *button(ExchangeDialog &d, QDialogButtonBox::ButtonRole role)
{
    const auto box = d.findChild<QDialogButtonBox *>();
    for (QAbstractButton *b : box->buttons()) {
        if (box->buttonRole(b) == role)
            return qobject_cast<QPushButton *>(b);
    }
    return nullptr;
}
} // namespace

class TestExchangeDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importsAndReports();
    void cancelKeepsNothing();
    void exportsWithUnit();
    void badFileIsNamed();

private:
    std::unique_ptr<ProjectSession> project();
    QTemporaryDir m_dir;
    int m_n = 0;
};

std::unique_ptr<ProjectSession> TestExchangeDialog::project()
{
    auto s = ProjectSession::open(m_dir.filePath(QStringLiteral("d%1.framewise").arg(++m_n)),
                                  ProjectSession::OpenMode::CreateIfMissing);
    s->coders().setCurrent(QStringLiteral("ana"));
    return s;
}

void TestExchangeDialog::importsAndReports()
{
    auto s = project();
    ExchangeDialog d(*s, ExchangeDialog::Mode::Import);
    d.setPaths({kFixture});
    d.setCoder(QStringLiteral("gold"));
    button(d, QDialogButtonBox::AcceptRole)->click();
    QVERIFY2(d.reportText().contains(QStringLiteral("annotations: 8 added")),
             qPrintable(d.reportText()));
    QCOMPARE(s->annotations().count(), 8);
    QCOMPARE(s->annotations().all().constFirst().coderName, QStringLiteral("gold"));
    QCOMPARE(d.progressBar()->value(), d.progressBar()->maximum());
    // again: nothing added
    button(d, QDialogButtonBox::AcceptRole)->click();
    QVERIFY2(d.reportText().contains(QStringLiteral("annotations: 0 added, 8 already there")),
             qPrintable(d.reportText()));
}

void TestExchangeDialog::cancelKeepsNothing()
{
    auto s = project();
    ExchangeDialog d(*s, ExchangeDialog::Mode::Import);
    d.setFormat(QStringLiteral("ptc"));
    d.setPaths({kFixture});
    // The Cancel button is pressed while the import runs.
    QTimer::singleShot(0, &d, [&d] { button(d, QDialogButtonBox::RejectRole)->click(); });
    const ExchangeReport r = d.run();
    QVERIFY(r.cancelled);
    QVERIFY2(d.reportText().contains(QStringLiteral("cancelled: nothing was changed")),
             qPrintable(d.reportText()));
    QCOMPARE(s->articles().count(), 0);
    QCOMPARE(s->annotations().count(), 0);
}

void TestExchangeDialog::exportsWithUnit()
{
    auto s = project();
    {
        ExchangeDialog in(*s, ExchangeDialog::Mode::Import);
        in.setPaths({kFixture});
        in.run();
    }
    ExchangeDialog d(*s, ExchangeDialog::Mode::Export);
    d.setFormat(QStringLiteral("w3c"));
    const QString out = m_dir.filePath(QStringLiteral("out.jsonld"));
    d.setPaths({out});
    d.run();
    QVERIFY(QFile::exists(out));
    QVERIFY2(d.reportText().contains(QStringLiteral("exported 2 sources and 8 annotations as w3c")),
             qPrintable(d.reportText()));
    QVERIFY2(d.reportText().contains(QStringLiteral("offsets: code points of the stored text")),
             qPrintable(d.reportText()));
}

void TestExchangeDialog::badFileIsNamed()
{
    auto s = project();
    const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("just,a,header\n1,2,3\n");
    f.close();
    ExchangeDialog d(*s, ExchangeDialog::Mode::Import);
    d.setPaths({bad});
    d.run();
    QVERIFY2(d.reportText().startsWith(QStringLiteral("Nothing was changed.")),
             qPrintable(d.reportText()));
    QVERIFY2(
        d.reportText().contains(bad + QStringLiteral(": the header has no column “code_path”")),
        qPrintable(d.reportText()));
    QCOMPARE(s->annotations().count(), 0);
}

QTEST_MAIN(TestExchangeDialog)
#include "tst_exchange_dialog.moc"
