#include "lens/ReadingLens.h"

#include "commands/AddAnnotationsCommand.h"
#include "commands/EditLexiconCommand.h"
#include "lens/LensDecorator.h"
#include "lens/LensEngine.h"
#include "lens/LensToolBar.h"
#include "lens/LexiconEditorDialog.h"
#include "lens/QuotationCodingDialog.h"
#include "reader/ReaderView.h"
#include "lens/DefaultLexicon.h"
#include "base/ProjectError.h"
#include "store/ProjectSession.h"
#include "text/TextOffsets.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QUndoStack>

namespace {

QString definitionsFolder(const QString &projectPath)
{
    // Per project, so two open projects never share definitions.
    QString base = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (base.isEmpty())
        base = QDir::temp().filePath(QStringLiteral("framewise"));
    const QByteArray key = QCryptographicHash::hash(projectPath.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QDir(base).filePath(QStringLiteral("lens/") + QString::fromLatin1(key));
}

void report(QWidget *window, const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, QObject::tr("Reading lens"), message, QMessageBox::Ok, window);
    box->setObjectName(QStringLiteral("lensError"));
    box->setTextFormat(Qt::PlainText); // messages quote paths and terms
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace

ReadingLens::ReadingLens(ProjectSession &store, ReaderView &reader, QUndoStack &undo, QWidget *window)
    : QObject(window)
    , m_session(store)
    , m_reader(reader)
    , m_undo(undo)
    , m_window(window)
    , m_engine(std::make_unique<LensEngine>(definitionsFolder(store.path())))
{
    m_decorator = std::make_unique<LensDecorator>(*m_engine, m_reader);
    const QSettings settings;
    // Off until switched on: a reading aid, and the reader must re-lay out
    // decorated blocks (ReaderView::decorateVisibleBlocks) for it to show.
    m_enabled = settings.value(QStringLiteral("lens/enabled"), false).toBool();
    const QStringList cueIds = settings.value(QStringLiteral("lens/cues")).toStringList();
    for (LensCue cue : LensCues::all()) {
        if (cueIds.isEmpty() || cueIds.contains(LensCues::id(cue)))
            m_cues.insert(cue);
    }
    m_themeName = settings.value(QStringLiteral("lens/theme")).toString();

    try {
        m_session.lexicon().seed(DefaultLexicon::terms());
    } catch (const ProjectError &e) {
        qWarning("lens: cannot store the starter lexicons: %s", qPrintable(e.message()));
    }
    reloadLexicon();
    setThemeName(m_themeName);

    connect(&m_session, &ProjectSession::changed, this, [this](const ChangeSet &changes) {
        if (changes.touches(ChangeSet::Aggregate::LexiconTerm))
            reloadLexicon();
    });
    connect(m_engine.get(), &LensEngine::changed, this, [this] {
        m_decorator->invalidate();
        if (m_installed)
            m_reader.refreshDecorations();
    });
    m_toolBar = new LensToolBar(*this, window);
    m_toolBar->codeQuotationsAction()->setEnabled(!m_session.isReadOnly());
    applyToReader();
}

ReadingLens::~ReadingLens()
{
    if (m_installed)
        m_reader.removeDecorator(m_decorator.get());
    delete m_toolBar;
}

void ReadingLens::reloadLexicon()
{
    try {
        QList<LexiconTerm> terms = m_session.lexicon().terms();
        // A read-only project that never had lexicons still gets a lens.
        if (terms.isEmpty())
            terms = DefaultLexicon::terms();
        m_engine->setLexicon(terms);
    } catch (const ProjectError &e) {
        report(m_window, e.message());
    }
}

void ReadingLens::applyToReader()
{
    m_decorator->setCues(m_enabled ? m_cues : QSet<LensCue>());
    const bool want = m_enabled && !m_cues.isEmpty();
    if (want && !m_installed)
        m_reader.addDecorator(m_decorator.get());
    else if (!want && m_installed)
        m_reader.removeDecorator(m_decorator.get());
    else if (m_installed)
        m_reader.refreshDecorations();
    m_installed = want;
}

void ReadingLens::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("lens/enabled"), m_enabled);
    QStringList ids;
    for (LensCue cue : LensCues::all()) {
        if (m_cues.contains(cue))
            ids.append(LensCues::id(cue));
    }
    // An empty list would mean "all" on the next start; keep a marker.
    settings.setValue(QStringLiteral("lens/cues"), ids.isEmpty() ? QStringList{QStringLiteral("none")} : ids);
    settings.setValue(QStringLiteral("lens/theme"), m_themeName);
}

void ReadingLens::setEnabled(bool enabled)
{
    m_enabled = enabled;
    applyToReader();
    saveSettings();
}

void ReadingLens::setCueEnabled(LensCue cue, bool enabled)
{
    if (enabled)
        m_cues.insert(cue);
    else
        m_cues.remove(cue);
    applyToReader();
    saveSettings();
}

void ReadingLens::setThemeName(const QString &name)
{
    m_themeName = name;
    KSyntaxHighlighting::Theme theme;
    if (!name.isEmpty())
        theme = m_engine->repository().theme(name);
    if (!theme.isValid())
        theme = m_engine->repository().themeForPalette(m_reader.palette());
    m_engine->setTheme(theme);
    saveSettings();
    Q_EMIT themeChanged(theme.name());
}

QString ReadingLens::effectiveThemeName() const
{
    return m_engine->theme().name();
}

QString ReadingLens::language() const
{
    return m_decorator->language();
}

qint64 ReadingLens::defaultClaimCode() const
{
    if (const auto claim = m_session.codebook().codeByName(QStringLiteral("Claim")))
        return claim->id;
    QSet<qint64> claimCategories;
    for (const Category &c : m_session.codebook().categories()) {
        if (c.kind == Category::Kind::Claim)
            claimCategories.insert(c.id);
    }
    for (const Code &code : m_session.codebook().codes()) {
        if (claimCategories.contains(code.categoryId))
            return code.id;
    }
    return 0;
}

QList<QuotationCandidate> ReadingLens::quotationCandidates(qint64 codeId) const
{
    QList<QuotationCandidate> list;
    if (!m_reader.articleId())
        return list;
    const QString &text = m_reader.article().text;
    const TextOffsets offsets(text);
    QSet<QPair<qint64, qint64>> coded;
    for (const Annotation &a : m_session.annotations().forArticle(m_reader.articleId())) {
        if (a.codeIds.contains(codeId))
            coded.insert({a.start, a.end});
    }
    for (const LensSpan &s : m_engine->spansInText(text, language(), LensCue::Quotation)) {
        QuotationCandidate c;
        c.start = offsets.toCodePoint(s.start);
        c.end = offsets.toCodePoint(s.end());
        c.quote = text.mid(s.start, s.length);
        c.alreadyCoded = coded.contains({c.start, c.end});
        list.append(c);
    }
    return list;
}

int ReadingLens::codeQuotations(const QList<QuotationCandidate> &quotations, qint64 codeId)
{
    if (quotations.isEmpty() || !codeId || m_session.isReadOnly())
        return 0;
    QList<NewAnnotation> requests;
    for (const QuotationCandidate &q : quotations) {
        NewAnnotation n;
        n.articleId = m_reader.articleId();
        n.start = q.start;
        n.end = q.end;
        n.codeIds = {codeId};
        requests.append(n);
    }
    // One step, one unit of work: all of them or none. The handler owns
    // what it touches, since commands outlive this call.
    auto failed = std::make_shared<bool>(false);
    auto *command = new AddAnnotationsCommand(m_session, requests, errorHandler(failed));
    const auto code = m_session.codebook().code(codeId);
    command->setText(tr("Code %n Quotation(s) as %1", nullptr, int(quotations.size()))
                         .arg(code ? code->name : QString()));
    m_undo.push(command);
    return *failed ? 0 : int(requests.size());
}

StoreCommand::ErrorHandler ReadingLens::errorHandler(std::shared_ptr<bool> failed) const
{
    const QPointer<QWidget> window = m_window;
    return [failed, window](const QString &message) {
        if (failed)
            *failed = true;
        if (window)
            report(window, message);
    };
}

void ReadingLens::codeQuotationsInteractively()
{
    if (m_session.isReadOnly()) {
        report(m_window, tr("This project is read-only; nothing can be coded."));
        return;
    }
    if (!m_reader.articleId())
        return;
    const qint64 codeId = defaultClaimCode(); // store queries: once
    auto *dialog = new QuotationCodingDialog(m_session, quotationCandidates(codeId), codeId, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QuotationCodingDialog::accepted, this, [this, dialog] {
        codeQuotations(dialog->selectedQuotations(), dialog->codeId());
    });
    dialog->open();
}

void ReadingLens::editLexicons()
{
    auto *dialog = new LexiconEditorDialog(m_session, language(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const auto lists = dialog->changedLists();
        if (!lists.isEmpty())
            m_undo.push(new EditLexiconCommand(m_session, lists, errorHandler()));
    });
    dialog->open();
}
